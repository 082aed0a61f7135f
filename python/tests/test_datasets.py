"""COW IGO and ATOP excerpts (tests/data) from Python, against the Rust API."""

import pandas as pd
import pytest

import membership_history as mh
from conftest import ATOP, COW_IGO, REPO, STATES


def test_cow_igo_excerpt_past_the_files_last_year():
    ds = mh.read_cow_igo(COW_IGO)
    a = ds.status_on("CSTO", "russia", "2008-12-31")
    assert (a["member"], a["certainty"]) == (True, "definite")
    later = ds.status_on("CSTO", "russia", "2009-06-01")
    assert (later["member"], later["certainty"]) == (None, "unknown")
    assert later["known_until"] == "2008-12-31"


def test_cow_igo_minus_nine_is_unknown():
    ds = mh.read_cow_igo(COW_IGO)
    df = ds.members_on("YIGO", "1992-06-01")
    rus = df.set_index("code").loc["russia"]
    assert (rus.certainty, rus.member) == ("unknown", None) or pd.isna(rus.member)
    assert ds.status_on("YIGO", "russia", "1992-06-01")["certainty"] == "unknown"


def test_cow_igo_with_states_uses_cow_codes():
    ds = mh.read_cow_igo(COW_IGO, states=STATES)
    df = ds.members_on("CSTO", "2005-01-01")
    rus = df.set_index("code").loc["RUS"]
    assert (rus.cow, bool(rus.member)) == (365, True)
    assert ds.states is not None and len(ds.states) > 0


def test_atop_excerpt():
    ds = mh.read_atop(ATOP)
    a = ds.status_on("4220", "365", "1999-12-31")
    assert (a["member"], a["certainty"]) == (True, "definite")
    # Uzbekistan: 1992-05-15 to 1999-04-20 (its exit day: not a member on
    # it), back on 2006-08-17.
    assert ds.status_on("4220", "704", "1999-04-19")["member"] is True
    assert ds.status_on("4220", "704", "1999-06-01")["member"] is False
    assert ds.status_on("4220", "704", "2007-01-01")["since"] == "2006-08-17"


@pytest.mark.parametrize("date", ["1995-01-01", "1999-06-01", "2000-06-01", "2020-01-01"])
def test_atop_equals_the_rust_api(rust, date):
    expected = rust("members", "4220", date, "--atop", ATOP, "--states", STATES, "--json")
    df = mh.read_atop(ATOP, states=STATES).members_on("4220", date)
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    for r in rows:
        if r["known_until"] is None:
            del r["known_until"]
    assert sorted(rows, key=lambda r: r["code"]) == sorted(expected, key=lambda r: r["code"])


@pytest.mark.parametrize("date", ["1950-06-01", "1992-06-01", "2005-01-01", "2010-01-01"])
def test_cow_igo_equals_the_rust_api(rust, date):
    for org in ["CSTO", "XIGO", "YIGO"]:
        expected = rust("members", org, date, "--cow-igo", COW_IGO, "--states", STATES, "--json")
        df = mh.read_cow_igo(COW_IGO, states=STATES).members_on(org, date)
        rows = df.astype(object).where(df.notna(), None).to_dict("records")
        for r in rows:
            if r["known_until"] is None:
                del r["known_until"]
        assert sorted(rows, key=lambda r: r["code"]) == sorted(
            expected, key=lambda r: r["code"]
        )


def test_sources_combine():
    ds = mh.load(bundled=True, atop=ATOP, states=STATES)
    assert {"4220", "UNGA"} <= {o for o, _ in ds.organizations()}
    assert ds.status_on("4220", "RUS", "1995-01-01")["member"] is True
    assert ds.status_on("UNGA", "CSTO", "2010-01-01")["status"] == "observer"
    ds = mh.load(atop=ATOP, cow_igo=COW_IGO, states=STATES)
    assert {"4220", "XIGO", "YIGO", "CSTO"} <= {o for o, _ in ds.organizations()}
    # The COW excerpt's CSTO and the bundled one are one organization told
    # twice: read together they are refused, with the line that conflicts.
    with pytest.raises(mh.Error) as e:
        mh.load(bundled=True, cow_igo=COW_IGO, states=STATES)
    assert e.value.line is not None


def test_read_dir_reads_the_bundled_format(tmp_path):
    data = REPO / "data"
    if not (data / "events.csv").exists():
        pytest.skip("not in a checkout")
    ds = mh.read_dir(data)
    for date in ["1993-10-01", "2013-06-01"]:
        a = ds.members_on("CSTO", date)
        b = mh.bundled().members_on("CSTO", date)
        assert a.astype(object).fillna("-").values.tolist() == b.astype(object).fillna("-").values.tolist()
    # A directory without its tables is an error naming the file.
    with pytest.raises(mh.Error) as e:
        mh.read_dir(tmp_path)
    assert e.value.file is not None


def test_lenient_states_problems_come_with_the_dataset(tmp_path):
    bad = tmp_path / "states.csv"
    text = open(STATES, encoding="utf-8").read().splitlines()
    text[2] = text[2].replace(",200,", ",2x0,")
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(mh.Error) as e:
        mh.read_cow_igo(COW_IGO, states=bad)
    assert e.value.line == 3
    ds = mh.read_cow_igo(COW_IGO, states=bad, lenient=True)
    assert [p.line for p in ds.problems][:1] == [3]
