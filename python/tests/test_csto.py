"""The CSTO answers of the core tests (tests/bundled.rs, tests/answers.rs):
the same members, statuses and certainties from Python as from the Rust API,
on the same dates."""

import datetime as dt

import pandas as pd
import pytest

import membership_history as mh

SIX = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
ANSWER_COLUMNS = [
    "code", "name", "cow", "status", "member", "certainty", "status_certainty", "since",
    "known_until",
]
DATES = ["1993-06-01", "1993-10-01", "1995-01-01", "2000-01-01", "2008-01-01",
         "2013-06-01", "2024-02-22", mh.BUNDLED_VERIFIED_AS_OF, "2100-01-01"]


def definite_members(date):
    df = mh.bundled().members_on("CSTO", date)
    return sorted(df[(df.certainty == "definite") & (df.member.fillna(False))].code)


@pytest.mark.parametrize(
    "date,members",
    [
        ("1993-06-01", ["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"]),
        ("1995-01-01", ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]),
        ("2000-01-01", SIX),
        ("2008-01-01", sorted(SIX + ["UZB"])),
        ("2013-06-01", SIX),
        (mh.BUNDLED_VERIFIED_AS_OF, SIX),
        ("2100-01-01", []),
    ],
)
def test_definite_members(date, members):
    assert definite_members(date) == members


def test_columns_and_types_follow_the_json_contract():
    df = mh.bundled().members_on("CSTO", dt.date(2008, 1, 1))
    assert list(df.columns) == ANSWER_COLUMNS
    assert str(df["member"].dtype) == "boolean"
    assert str(df["cow"].dtype) == "Int64"


def test_uzbekistan_suspended_in_2013():
    uzb = mh.bundled().members_on("CSTO", "2013-06-01").set_index("code").loc["UZB"]
    assert (uzb.status, uzb.status_certainty) == ("suspended", "definite")
    assert (bool(uzb.member), uzb.certainty) == (False, "definite")


def test_armenia_definite_member_possibly_frozen():
    a = mh.bundled().status_on("CSTO", "ARM", "2024-02-22")
    assert (a["member"], a["certainty"]) == (True, "definite")
    assert (a["status"], a["status_certainty"]) == ("frozen", "possible")


def test_past_the_data_unknown_with_last_status():
    ds = mh.bundled()
    last = mh.BUNDLED_VERIFIED_AS_OF
    after = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
    for code, status in [("ARM", "frozen"), ("KAZ", "member")]:
        a = ds.status_on("CSTO", code, after)
        assert (a["certainty"], a["member"], a["basis"]) == ("unknown", None, "unknown")
        assert (a["status"], a["known_until"]) == (status, last)
    assert ds.known_until("CSTO") == last


def test_since_at_its_precision():
    assert mh.bundled().status_on("CSTO-PA", "SRB", "2020-01-01")["since"] == "2013"


def test_georgia_possible_and_explained():
    ds = mh.bundled()
    assert ds.status_on("CSTO", "AZE", "1993-10-01")["certainty"] == "definite"
    assert ds.status_on("CSTO", "GEO", "1993-10-01")["certainty"] == "possible"
    why = ds.explain("CSTO", "GEO", "1993-10-01")
    assert all(s in str(why) for s in ["1993-12-09", "1993-09-09", "WP-RU"])
    assert why.answer["certainty"] == "possible"
    assert "WP-RU" in why.candidates["sources"].iloc[0]


@pytest.mark.parametrize("date", DATES)
def test_members_on_equals_the_rust_api(rust, date):
    expected = rust("members", "CSTO", date, "--json")
    got = mh.bundled().members_on("CSTO", date)
    rows = got.astype(object).where(got.notna(), None).to_dict("records")
    for r in rows:
        if r["known_until"] is None:
            del r["known_until"]  # the contract has it for unknowns only
    key = lambda r: r["code"]  # noqa: E731
    assert sorted(rows, key=key) == sorted(expected, key=key)


@pytest.mark.parametrize("code", ["ARM", "AZE", "GEO", "UZB", "KAZ"])
@pytest.mark.parametrize("date", DATES)
def test_status_on_equals_the_rust_api(rust, code, date):
    expected = rust("status", "CSTO", code, date, "--json")
    got = mh.bundled().status_on("CSTO", code, date)
    assert {k: got[k] for k in expected} == expected


def test_polars_gives_the_same_answers():
    pl = pytest.importorskip("polars")
    ds = mh.bundled()
    p = ds.members_on("CSTO", "2013-06-01", frame="polars")
    assert isinstance(p, pl.DataFrame)
    assert p.columns == ANSWER_COLUMNS
    assert p.schema["member"] == pl.Boolean and p.schema["cow"] == pl.Int64
    a = ds.members_on("CSTO", "2013-06-01")
    assert p["code"].to_list() == a["code"].tolist()
    assert p["member"].to_list() == [None if pd.isna(v) else bool(v) for v in a["member"]]


def test_timeline_changes_and_organizations():
    ds = mh.bundled()
    tl = ds.timeline("CSTO", "UZB")
    assert tl.spells["status"].tolist() == ["member", "frozen", "member", "suspended"]
    assert tl.member_days["preferred"].startswith("1992-05-15..")
    ch = ds.changes_between("CSTO", "1993-01-01", "1994-01-01")
    assert set(ch[ch.joined].code) >= {"AZE"}
    orgs = ds.organizations_of("CSTO", "2020-01-01")
    assert orgs["org"].tolist() == ["UNGA"]
    assert orgs["status"].tolist() == ["observer"]


def test_changes_equal_the_rust_api(rust):
    text = rust("changes", "CSTO", "1999-01-01", "2013-01-01", "--csv")
    rows = [line.split(",") for line in text.strip().splitlines()[1:]]
    ch = mh.bundled().changes_between("CSTO", "1999-01-01", "2013-01-01")
    assert ch[["date", "code"]].values.tolist() == [[r[0], r[1]] for r in rows]


def test_explain_text_equals_the_rust_api(rust):
    text = rust("explain", "CSTO", "GEO", "1993-10-01")
    assert str(mh.bundled().explain("CSTO", "GEO", "1993-10-01")).strip() == text.strip()
