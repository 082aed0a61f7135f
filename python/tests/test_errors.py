"""Errors are `membership_history.Error` with the crate's message and its
file, line and field; lenient loading gives the problems as a list."""

import pytest

import membership_history as mh
from conftest import COW_IGO


def bad_cow(tmp_path):
    lines = open(COW_IGO, encoding="utf-8").read().splitlines()
    head = lines[0].split(",")
    row = lines[2].split(",")
    row[head.index("year")] = "19x5"
    lines[2] = ",".join(row)
    p = tmp_path / "igo_year_formatv3.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_a_bad_file_raises_with_its_line(tmp_path):
    p = bad_cow(tmp_path)
    with pytest.raises(mh.Error) as info:
        mh.read_cow_igo(p)
    e = info.value
    assert isinstance(e, ValueError)
    assert e.line == 3
    assert e.field == "year"
    assert e.value == "19x5"
    assert e.file.endswith("igo_year_formatv3.csv")
    assert str(e).startswith(f"{e.file}:3:")


def test_lenient_loading_lists_the_problems(tmp_path):
    p = bad_cow(tmp_path)
    ds = mh.read_cow_igo(p, lenient=True)
    assert [(x.line, x.field) for x in ds.problems] == [(3, "year")]
    assert all(isinstance(x, mh.Error) for x in ds.problems)
    assert ds.organizations()  # the rest was loaded
    assert mh.read_cow_igo(COW_IGO, lenient=True).problems == []


def test_unknown_names_suggest():
    with pytest.raises(mh.Error) as info:
        mh.bundled().members_on("CTSO", "2008-01-01")
    e = info.value
    assert e.kind == "UnknownOrganization"
    assert e.suggestions[0] == "CSTO"
    assert "did you mean `CSTO`" in str(e)


def test_a_bad_date_names_the_value():
    with pytest.raises(mh.Error) as info:
        mh.bundled().members_on("CSTO", "1993-02-30")
    assert info.value.kind == "InvalidDate"
    assert "1993-02" in str(info.value)


def test_a_missing_file_raises():
    with pytest.raises(mh.Error) as info:
        mh.read_atop("/no/such/atop.csv")
    assert info.value.kind == "Io"
    assert "/no/such/atop.csv" in str(info.value)


def test_a_date_must_be_a_date():
    with pytest.raises(TypeError):
        mh.bundled().members_on("CSTO", 2008)
