"""The panels as data frames equal those the Rust API writes (its CSV
writers, through `path=`, and the `mh panel` command)."""

import io

import pandas as pd
import pytest

import membership_history as mh
from conftest import ATOP, COW_IGO, STATES


def same(df, csv_text_or_path):
    src = io.StringIO(csv_text_or_path) if "\n" in str(csv_text_or_path) else csv_text_or_path
    written = pd.read_csv(src, keep_default_na=False, na_values=[""])
    left = df.astype(object).where(df.notna(), None)
    right = written.astype(object).where(written.notna(), None)
    assert list(left.columns) == list(right.columns)
    assert len(left) == len(right)
    assert left.values.tolist() == [
        [int(v) if isinstance(v, float) and v == int(v) else v for v in row]
        for row in right.values.tolist()
    ]


@pytest.fixture(scope="module")
def ds():
    return mh.read_cow_igo(COW_IGO, states=STATES)


def test_org_state_year_panel(ds, tmp_path):
    df = ds.panel(1945, 2014)
    n = ds.panel(1945, 2014, path=tmp_path / "p.csv")
    assert n == len(df) > 0
    same(df, tmp_path / "p.csv")


def test_org_state_year_panel_equals_mh(rust):
    df = mh.bundled().panel(1990, 2025)
    same(df, rust("panel", "1990", "2025", "--csv"))


def test_state_years(ds, tmp_path):
    df = ds.state_years(1816, 2016)
    assert ds.state_years(1816, 2016, path=tmp_path / "s.csv") == len(df)
    same(df, tmp_path / "s.csv")


def test_state_igo_years(ds, tmp_path):
    df = ds.state_igo_years(1940, 2014, rule="most-days")
    assert ds.state_igo_years(1940, 2014, rule="most-days", path=tmp_path / "c.csv") == len(df)
    same(df, tmp_path / "c.csv")
    assert (df.sum_igo_full <= df.sum_igo_full_max).all()


@pytest.mark.parametrize("directed", [False, True])
def test_dyad_years_with_atop(ds, tmp_path, directed):
    df = ds.dyad_years(1990, 2014, atop=ATOP, directed=directed)
    n = ds.dyad_years(1990, 2014, atop=ATOP, directed=directed, path=tmp_path / "d.csv")
    assert n == len(df) > 0
    same(df, tmp_path / "d.csv")
    assert "atop_defense_max" in df.columns


def test_dyad_years_equal_mh(rust):
    df = mh.read_cow_igo(COW_IGO, states=STATES).dyad_years(1945, 2014, atop=ATOP)
    text = rust("panel", "1945", "2014", "--kind", "dyad", "--cow-igo", COW_IGO,
                "--states", STATES, "--atop", ATOP, "--csv")
    same(df, text)


def test_jsonl_streams(ds, tmp_path):
    n = ds.dyad_years(2000, 2000, path=tmp_path / "d.jsonl", format="jsonl")
    assert n == len(pd.read_json(tmp_path / "d.jsonl", lines=True))


def test_panels_in_polars(ds):
    pl = pytest.importorskip("polars")
    p = ds.dyad_years(2000, 2001, frame="polars")
    assert isinstance(p, pl.DataFrame)
    assert p.columns == ds.dyad_years(2000, 2001).columns.tolist()
    assert [list(r) for r in p.iter_rows()] == ds.dyad_years(2000, 2001).values.tolist()
    assert all(t == pl.Int64 for t in p.schema.values())


def test_panels_need_a_state_list():
    with pytest.raises(ValueError, match="state list"):
        mh.bundled().dyad_years(2000, 2000)
