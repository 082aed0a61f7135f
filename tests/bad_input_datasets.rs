//! The catalogue of bad input (issue 6) for the research-dataset loaders:
//! ATOP (`Atop`), COW IGO (`CowIgo`), both read by the builder (`read`,
//! `read_path`), the COW state list (`CowStates::read`) and
//! `Dataset::check_state_existence`. For each item, bad text goes in
//! through the public API and the test checks the error's kind, file,
//! line and field, and the whole one-line message a user sees (listed in
//! `docs/errors-datasets.md`).
//!
//! Accepted inputs (a byte-order mark, CRLF or bare CR line ends, quoted
//! fields with commas, an unknown ATOP day) are checked to load, with line
//! numbers still right.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code; inputs are ours

use membership_history::{Atop, CowIgo, CowStates, Dataset, Error, ErrorKind};

const ATOP_H: &str = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n";
/// A valid ATOP row: Russia enters alliance 4220 on 1992-05-15.
const ATOP_OK: &str = "4220,365,1992,5,15,0,0,0,1\n";
const IGO_H: &str = "ioname,orgname,year,russia,kazakhstan,longorgname\n";
const IGO_OK: &str = "CSTO,Collective Security Treaty Organization,2002,1,1,CSTO\n";
const STATES_H: &str =
    "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\n";
const STATES_OK: &str = "RUS,365,Russia,1816,1,1,2016,12,31,2016,russia\n";
const STATES_EXCERPT: &str = include_str!("data/states2016-excerpt.csv");

fn states() -> CowStates {
    CowStates::read(STATES_EXCERPT.as_bytes(), "states2016.csv")
        .strict()
        .unwrap()
}

/// Reads ATOP text (with the state list excerpt) and builds.
fn atop(text: &[u8]) -> Result<Dataset, Error> {
    let mut b = Dataset::builder();
    b.read(Atop::with_states(&states()), text, "atop.csv");
    b.build().strict()
}

/// Reads COW IGO text (without a state list: columns are party codes).
fn igo(text: &[u8]) -> Result<Dataset, Error> {
    let mut b = Dataset::builder();
    b.read(CowIgo::new(), text, "igo.csv");
    b.build().strict()
}

/// Reads COW IGO text with the state list excerpt.
fn igo_states(text: &[u8]) -> Result<Dataset, Error> {
    let mut b = Dataset::builder();
    b.read(CowIgo::with_states(&states()), text, "igo.csv");
    b.build().strict()
}

fn cow_states(text: &[u8]) -> Result<CowStates, Error> {
    CowStates::read(text, "states2016.csv").strict()
}

/// The first state-existence problem of a dataset that loaded.
fn existence(ds: Result<Dataset, Error>) -> Result<(), Error> {
    match ds?.check_state_existence(&states()).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// ATOP text, then `check_state_existence` against the excerpt.
fn atop_existence(text: &[u8]) -> Result<(), Error> {
    existence(atop(text))
}

/// COW IGO text read with the excerpt, then `check_state_existence`.
fn igo_existence(text: &[u8]) -> Result<(), Error> {
    existence(igo_states(text))
}

/// The error of a load that must fail.
#[track_caller]
fn err<T>(r: Result<T, Error>) -> Error {
    match r {
        Ok(_) => panic!("loaded without error"),
        Err(e) => e,
    }
}

/// Checks an error's kind, place and message in one go.
#[track_caller]
fn check(e: &Error, kind: bool, file: &str, line: u64, field: Option<&str>, message: &str) {
    assert!(kind, "wrong kind: {:?}", e.kind());
    assert_eq!(e.file_name(), Some(file), "{e}");
    assert_eq!(e.line(), Some(line), "{e}");
    assert_eq!(e.field(), field, "{e}");
    assert_eq!(e.to_string(), message);
    assert!(!message.contains('\n') && !message.contains('\r'));
}

/// One test per catalogue item: `name: load(text) => Kind, file, line,
/// field, "message";`
macro_rules! catalogue {
    ($($name:ident: $load:ident($text:expr) => $kind:pat, $file:literal, $line:literal, $field:expr, $msg:literal;)*) => {$(
        #[test]
        fn $name() {
            let text: Vec<u8> = $text.into();
            let e = err($load(&text));
            check(&e, matches!(e.kind(), $kind), $file, $line, $field, $msg);
        }
    )*};
}

fn s(parts: &[&str]) -> String {
    parts.concat()
}

// ---------------------------------------------------------------------------
// ATOP.

catalogue! {
    atop_wrong_column_count: atop(s(&[ATOP_H, ATOP_OK, "4220,704,1992,5,15,0,0,0\n"]))
        => ErrorKind::FieldCount { expected: 9, found: 8 }, "atop.csv", 3, None, "atop.csv:3: wrong number of fields: the header has 9, this row has 8";
    atop_missing_header: atop(s(&["atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit\n", "4220,365,1992,5,15,0,0,0\n"]))
        => ErrorKind::Header(_), "atop.csv", 1, None, "atop.csv:1: bad header: missing column `phase`; the header must have: atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase";
    atop_misspelled_header: atop(s(&["atopid,membr,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n", ATOP_OK]))
        => ErrorKind::Header(_), "atop.csv", 1, None, "atop.csv:1: bad header: missing column `member` (is `membr` a misspelling of it?); the header must have: atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase";
    atop_no_header: atop(s(&[ATOP_OK, ATOP_OK]))
        => ErrorKind::Header(_), "atop.csv", 1, None, "atop.csv:1: bad header: missing column `atopid`; the header must have: atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase";
    atop_bom_keeps_lines: atop(s(&["\u{feff}", ATOP_H, ATOP_OK, "4220,704,1992,13,15,0,0,0,1\n"]))
        => ErrorKind::InvalidDate(_), "atop.csv", 3, Some("moent"), "atop.csv:3: field `moent`, value \"13\": invalid date: month 13 is not between 1 and 12";
    atop_crlf_keeps_lines: atop(s(&[ATOP_H, ATOP_OK, "4220,704,1992,13,15,0,0,0,1\n"]).replace('\n', "\r\n"))
        => ErrorKind::InvalidDate(_), "atop.csv", 3, Some("moent"), "atop.csv:3: field `moent`, value \"13\": invalid date: month 13 is not between 1 and 12";
    atop_bare_cr_keeps_lines: atop(s(&[ATOP_H, ATOP_OK, "4220,704,1992,13,15,0,0,0,1\n"]).replace('\n', "\r"))
        => ErrorKind::InvalidDate(_), "atop.csv", 3, Some("moent"), "atop.csv:3: field `moent`, value \"13\": invalid date: month 13 is not between 1 and 12";
    atop_quoted_comma: atop(s(&[ATOP_H, ATOP_OK, "\"4220,1\",704,1992,5,15,0,0,0,1\n"]))
        => ErrorKind::InvalidValue(_), "atop.csv", 3, Some("atopid"), "atop.csv:3: field `atopid`, value \"4220,1\": invalid value: expected a whole number from 0 to 4294967295";
    atop_unquoted_comma: atop(s(&[ATOP_H, "4220,365,1992,5,15,0,0,0,1,2\n"]))
        => ErrorKind::FieldCount { expected: 9, found: 10 }, "atop.csv", 2, None, "atop.csv:2: wrong number of fields: the header has 9, this row has 10";
    atop_empty_file: atop(String::new())
        => ErrorKind::Empty(_), "atop.csv", 1, None, "atop.csv:1: the file is empty; it must start with a header line: atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase";
    atop_header_only: atop(s(&[ATOP_H]))
        => ErrorKind::Empty(_), "atop.csv", 2, None, "atop.csv:2: the file has a header but no rows";
    atop_no_such_day: atop(s(&[ATOP_H, "4220,365,1993,2,30,0,0,0,1\n"]))
        => ErrorKind::InvalidDate(_), "atop.csv", 2, Some("dayent"), "atop.csv:2: field `dayent`, value \"30\": invalid date: 1993-02 has no day 30";
    atop_month_13: atop(s(&[ATOP_H, ATOP_OK, "4220,704,1992,5,15,1999,13,1,1\n"]))
        => ErrorKind::InvalidDate(_), "atop.csv", 3, Some("moexit"), "atop.csv:3: field `moexit`, value \"13\": invalid date: month 13 is not between 1 and 12";
    atop_day_without_month: atop(s(&[ATOP_H, "4220,365,1992,0,15,0,0,0,1\n"]))
        => ErrorKind::InvalidDate(_), "atop.csv", 2, Some("dayent"), "atop.csv:2: field `dayent`, value \"15\": invalid date: a day without a month";
    atop_month_without_year: atop(s(&[ATOP_H, "4220,365,1992,5,15,0,4,0,1\n"]))
        => ErrorKind::InvalidDate(_), "atop.csv", 2, Some("yrexit"), "atop.csv:2: field `yrexit`, value \"0\": invalid date: a month or day without a year";
    atop_year_out_of_range: atop(s(&[ATOP_H, "4220,365,992,5,15,0,0,0,1\n"]))
        => ErrorKind::InvalidDate(_), "atop.csv", 2, Some("yrent"), "atop.csv:2: field `yrent`, value \"992\": invalid date: year 992 is outside 1000..=9999";
    atop_huge_year: atop(s(&[ATOP_H, "4220,365,99999999999999999999,5,15,0,0,0,1\n"]))
        => ErrorKind::InvalidDate(_), "atop.csv", 2, Some("yrent"), "atop.csv:2: field `yrent`, value \"99999999999999999999\": invalid date: the year is outside 1000..=9999";
    atop_entry_without_year: atop(s(&[ATOP_H, "4220,365,0,0,0,0,0,0,1\n"]))
        => ErrorKind::InvalidDate(_), "atop.csv", 2, Some("yrent"), "atop.csv:2: field `yrent`, value \"0\": invalid date: an entry needs a year";
    atop_end_before_start: atop(s(&[ATOP_H, ATOP_OK, "4220,704,1992,5,15,1991,1,1,1\n"]))
        => ErrorKind::EndBeforeStart { .. }, "atop.csv", 3, Some("yrexit"), "atop.csv:3: field `yrexit`, value \"1991\": end 1991-01-01 is not after start 1992-05-15";
    atop_duplicate_row: atop(s(&[ATOP_H, ATOP_OK, "4220,704,1992,5,15,0,0,0,1\n", ATOP_OK]))
        => ErrorKind::Duplicate(_), "atop.csv", 4, Some("member"), "atop.csv:4: field `member`, value \"365\": duplicate: member 365 of alliance 4220 entering phase 1 on 1992-05-15 is already given at line 2";
    atop_word_for_number: atop(s(&[ATOP_H, ATOP_OK, "4220,RUS,1992,5,15,0,0,0,1\n"]))
        => ErrorKind::InvalidValue(_), "atop.csv", 3, Some("member"), "atop.csv:3: field `member`, value \"RUS\": invalid value: expected a whole number from 0 to 65535";
    atop_empty_number: atop(s(&[ATOP_H, "4220,365,1992,5,15,0,0,0,\n"]))
        => ErrorKind::InvalidValue(_), "atop.csv", 2, Some("phase"), "atop.csv:2: field `phase`, value \"\": invalid value: the field is empty; expected a whole number from 0 to 4294967295";
    atop_decimal_number: atop(s(&[ATOP_H, "4220.0,365,1992,5,15,0,0,0,1\n"]))
        => ErrorKind::InvalidValue(_), "atop.csv", 2, Some("atopid"), "atop.csv:2: field `atopid`, value \"4220.0\": invalid value: expected a whole number from 0 to 4294967295";
    atop_code_out_of_range: atop(s(&[ATOP_H, "4220,70000,1992,5,15,0,0,0,1\n"]))
        => ErrorKind::InvalidValue(_), "atop.csv", 2, Some("member"), "atop.csv:2: field `member`, value \"70000\": invalid value: out of range: expected a whole number from 0 to 65535";
    atop_huge_value: atop(s(&[ATOP_H, "4220,", &"9".repeat(100_000), ",1992,5,15,0,0,0,1\n"]))
        => ErrorKind::InvalidValue(_), "atop.csv", 2, Some("member"), "atop.csv:2: field `member`, value \"99999999999999999999999999999999999999999999999999999999999999999999999999999999… (99920 more characters)\": invalid value: out of range: expected a whole number from 0 to 65535";
    atop_very_long_line: atop(s(&[ATOP_H, ATOP_OK, &"x".repeat(1_000_000), ",365,1992,5,15,0,0,0,1\n"]))
        => ErrorKind::InvalidValue(_), "atop.csv", 3, Some("atopid"), "atop.csv:3: field `atopid`, value \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (999920 more characters)\": invalid value: expected a whole number from 0 to 4294967295";
    atop_invalid_utf8: atop([s(&[ATOP_H, ATOP_OK]).as_bytes(), b"4220,365,1992,5,15,0,0,\xff,1\n"].concat())
        => ErrorKind::Csv(_), "atop.csv", 3, None, "atop.csv:3: malformed CSV: field 8 is not valid UTF-8";
    atop_unknown_state_code: atop_existence(s(&[ATOP_H, ATOP_OK, "4220,999,1992,5,15,0,0,0,1\n"]))
        => ErrorKind::StateNotInSystem(_), "atop.csv", 3, Some("member"), "atop.csv:3: field `member`, value \"999\": state did not exist: 999 in 4220 (member 1992-05-15..) COW code 999 is not in the state list";
    atop_state_did_not_exist: atop_existence(s(&[ATOP_H, ATOP_OK, "4220,705,1990,5,15,0,0,0,1\n"]))
        => ErrorKind::StateNotInSystem(_), "atop.csv", 3, Some("member"), "atop.csv:3: field `member`, value \"KZK\": state did not exist: KZK in 4220 (member 1990-05-15..) outside the state system on 1990-05-15..1991-12-26";
}

// ---------------------------------------------------------------------------
// COW IGO (igo-year format). Yearly observations have no month or day and
// no end of their own: the date items are the `year` column.

catalogue! {
    igo_wrong_column_count: igo(s(&[IGO_H, IGO_OK, "CSTO,Collective Security Treaty Organization,2003,1,CSTO\n"]))
        => ErrorKind::FieldCount { expected: 6, found: 5 }, "igo.csv", 3, None, "igo.csv:3: wrong number of fields: the header has 6, this row has 5";
    igo_missing_header: igo(s(&["ioname,orgname,russia,kazakhstan,longorgname\n", "CSTO,Collective Security Treaty Organization,1,1,CSTO\n"]))
        => ErrorKind::Header(_), "igo.csv", 1, None, "igo.csv:1: bad header: missing column `year`; the header must have: ioname,orgname,year";
    igo_misspelled_header: igo(s(&["ioname,orgname,yaer\n", "CSTO,Collective Security Treaty Organization,2002\n"]))
        => ErrorKind::Header(_), "igo.csv", 1, None, "igo.csv:1: bad header: missing column `year` (is `yaer` a misspelling of it?); the header must have: ioname,orgname,year";
    igo_unknown_state_column: igo_states(s(&["ioname,orgname,year,rusia,kazakhstan,longorgname\n", IGO_OK]))
        => ErrorKind::Header(_), "igo.csv", 1, Some("rusia"), "igo.csv:1: field `rusia`: bad header: column `rusia` is neither a column of the COW IGO format nor a state in the state list";
    igo_duplicate_column: igo(s(&["ioname,orgname,year,russia,russia,longorgname\n", IGO_OK]))
        => ErrorKind::Header(_), "igo.csv", 1, None, "igo.csv:1: bad header: column `russia` appears twice";
    igo_bom_keeps_lines: igo(s(&["\u{feff}", IGO_H, IGO_OK, "CSTO,Collective Security Treaty Organization,2003,1,4,CSTO\n"]))
        => ErrorKind::InvalidValue(_), "igo.csv", 3, Some("kazakhstan"), "igo.csv:3: field `kazakhstan`, value \"4\": invalid value: a state's code is 0 (no), 1 (full), 2 (associate), 3 (observer), -9 (missing) or -1 (not a state)";
    igo_crlf_keeps_lines: igo(s(&[IGO_H, IGO_OK, "CSTO,Collective Security Treaty Organization,2003,1,4,CSTO\n"]).replace('\n', "\r\n"))
        => ErrorKind::InvalidValue(_), "igo.csv", 3, Some("kazakhstan"), "igo.csv:3: field `kazakhstan`, value \"4\": invalid value: a state's code is 0 (no), 1 (full), 2 (associate), 3 (observer), -9 (missing) or -1 (not a state)";
    igo_quoted_comma: igo(s(&[IGO_H, IGO_OK, "CSTO,Collective Security Treaty Organization,2003,\"1,0\",1,CSTO\n"]))
        => ErrorKind::InvalidValue(_), "igo.csv", 3, Some("russia"), "igo.csv:3: field `russia`, value \"1,0\": invalid value: a state's code is 0 (no), 1 (full), 2 (associate), 3 (observer), -9 (missing) or -1 (not a state)";
    igo_empty_file: igo(String::new())
        => ErrorKind::Empty(_), "igo.csv", 1, None, "igo.csv:1: the file is empty; it must start with a header line: ioname,orgname,year";
    igo_header_only: igo(s(&[IGO_H]))
        => ErrorKind::Empty(_), "igo.csv", 2, None, "igo.csv:2: the file has a header but no rows";
    igo_date_for_year: igo(s(&[IGO_H, "CSTO,Collective Security Treaty Organization,1993-02-30,1,1,CSTO\n"]))
        => ErrorKind::InvalidValue(_), "igo.csv", 2, Some("year"), "igo.csv:2: field `year`, value \"1993-02-30\": invalid value: expected a year, a whole number from 1000 to 9999";
    igo_year_out_of_range: igo(s(&[IGO_H, IGO_OK, "CSTO,Collective Security Treaty Organization,20030,1,1,CSTO\n"]))
        => ErrorKind::InvalidDate(_), "igo.csv", 3, Some("year"), "igo.csv:3: field `year`, value \"20030\": invalid date: year 20030 is outside 1000..=9999";
    igo_year_zero: igo(s(&[IGO_H, "CSTO,Collective Security Treaty Organization,0,1,1,CSTO\n"]))
        => ErrorKind::InvalidDate(_), "igo.csv", 2, Some("year"), "igo.csv:2: field `year`, value \"0\": invalid date: year 0 is outside 1000..=9999";
    igo_huge_year: igo(s(&[IGO_H, "CSTO,Collective Security Treaty Organization,99999999999999999999,1,1,CSTO\n"]))
        => ErrorKind::InvalidDate(_), "igo.csv", 2, Some("year"), "igo.csv:2: field `year`, value \"99999999999999999999\": invalid date: the year is outside 1000..=9999";
    igo_unknown_code: igo(s(&[IGO_H, IGO_OK, "CSTO,Collective Security Treaty Organization,2003,1,4,CSTO\n"]))
        => ErrorKind::InvalidValue(_), "igo.csv", 3, Some("kazakhstan"), "igo.csv:3: field `kazakhstan`, value \"4\": invalid value: a state's code is 0 (no), 1 (full), 2 (associate), 3 (observer), -9 (missing) or -1 (not a state)";
    igo_word_for_code: igo(s(&[IGO_H, "CSTO,Collective Security Treaty Organization,2002,yes,1,CSTO\n"]))
        => ErrorKind::InvalidValue(_), "igo.csv", 2, Some("russia"), "igo.csv:2: field `russia`, value \"yes\": invalid value: a state's code is 0 (no), 1 (full), 2 (associate), 3 (observer), -9 (missing) or -1 (not a state)";
    igo_word_for_year: igo(s(&[IGO_H, "CSTO,Collective Security Treaty Organization,two thousand,1,1,CSTO\n"]))
        => ErrorKind::InvalidValue(_), "igo.csv", 2, Some("year"), "igo.csv:2: field `year`, value \"two thousand\": invalid value: expected a year, a whole number from 1000 to 9999";
    igo_empty_ioname: igo(s(&[IGO_H, IGO_OK, ",Collective Security Treaty Organization,2003,1,1,CSTO\n"]))
        => ErrorKind::InvalidValue(_), "igo.csv", 3, Some("ioname"), "igo.csv:3: field `ioname`, value \"\": invalid value: an IGO needs its `ioname`";
    igo_duplicate_year: igo(s(&[IGO_H, IGO_OK, "CSTO,Collective Security Treaty Organization,2003,1,1,CSTO\n", IGO_OK]))
        => ErrorKind::Duplicate(_), "igo.csv", 4, Some("year"), "igo.csv:4: field `year`, value \"2002\": duplicate: CSTO in 2002 is already given at line 2";
    igo_ioname_differs_in_case: igo(s(&[IGO_H, IGO_OK, "csto,Collective Security Treaty Organization,2003,1,1,CSTO\n"]))
        => ErrorKind::Duplicate(_), "igo.csv", 3, Some("ioname"), "igo.csv:3: field `ioname`, value \"csto\": duplicate: `csto` differs only in case from `CSTO` at line 2; IGO ids must be unique ignoring case";
    igo_huge_value: igo(s(&[IGO_H, "CSTO,Collective Security Treaty Organization,2002,", &"1".repeat(100_000), ",1,CSTO\n"]))
        => ErrorKind::InvalidValue(_), "igo.csv", 2, Some("russia"), "igo.csv:2: field `russia`, value \"11111111111111111111111111111111111111111111111111111111111111111111111111111111… (99920 more characters)\": invalid value: a state's code is 0 (no), 1 (full), 2 (associate), 3 (observer), -9 (missing) or -1 (not a state)";
    igo_state_did_not_exist: igo_existence(s(&[IGO_H, "CSTO,Collective Security Treaty Organization,1990,1,0,CSTO\n", "CSTO,Collective Security Treaty Organization,1991,1,1,CSTO\n"]))
        => ErrorKind::StateNotInSystem(_), "igo.csv", 3, Some("member"), "igo.csv:3: field `member`, value \"KZK\": state did not exist: KZK in CSTO (member 1991-01-01..) outside the state system on 1991-01-01..1991-12-26";
}

// ---------------------------------------------------------------------------
// COW states (states2016.csv).

catalogue! {
    states_wrong_column_count: cow_states(s(&[STATES_H, STATES_OK, "KZK,705,Kazakhstan,1991,12,26,2016,12,31,2016\n"]))
        => ErrorKind::FieldCount { expected: 11, found: 10 }, "states2016.csv", 3, None, "states2016.csv:3: wrong number of fields: the header has 11, this row has 10";
    states_missing_header: cow_states(s(&["stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth\n", "RUS,365,Russia,1816,1,1,2016,12\n"]))
        => ErrorKind::Header(_), "states2016.csv", 1, None, "states2016.csv:1: bad header: missing column `endday`; the header must have: stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday";
    states_misspelled_header: cow_states(s(&["stateabb,ccod,statenme,styear,stmonth,stday,endyear,endmonth,endday\n", "RUS,365,Russia,1816,1,1,2016,12,31\n"]))
        => ErrorKind::Header(_), "states2016.csv", 1, None, "states2016.csv:1: bad header: missing column `ccode` (is `ccod` a misspelling of it?); the header must have: stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday";
    states_bom_crlf_keep_lines: cow_states(s(&["\u{feff}", STATES_H, STATES_OK, "KZK,705,Kazakhstan,1991,12,32,2016,12,31,2016,kazakhstan\n"]).replace('\n', "\r\n"))
        => ErrorKind::InvalidDate(_), "states2016.csv", 3, Some("stday"), "states2016.csv:3: field `stday`, value \"32\": invalid date: 1991-12 has no day 32";
    states_empty_file: cow_states(String::new())
        => ErrorKind::Empty(_), "states2016.csv", 1, None, "states2016.csv:1: the file is empty; it must start with a header line: stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday";
    states_header_only: cow_states(s(&[STATES_H]))
        => ErrorKind::Empty(_), "states2016.csv", 2, None, "states2016.csv:2: the file has a header but no rows";
    states_no_such_day: cow_states(s(&[STATES_H, STATES_OK, "KZK,705,Kazakhstan,1993,2,30,2016,12,31,2016,kazakhstan\n"]))
        => ErrorKind::InvalidDate(_), "states2016.csv", 3, Some("stday"), "states2016.csv:3: field `stday`, value \"30\": invalid date: 1993-02 has no day 30";
    states_month_13: cow_states(s(&[STATES_H, "RUS,365,Russia,1816,13,1,2016,12,31,2016,russia\n"]))
        => ErrorKind::InvalidDate(_), "states2016.csv", 2, Some("stmonth"), "states2016.csv:2: field `stmonth`, value \"13\": invalid date: month 13 is not between 1 and 12";
    states_day_0: cow_states(s(&[STATES_H, "RUS,365,Russia,1816,1,0,2016,12,31,2016,russia\n"]))
        => ErrorKind::InvalidDate(_), "states2016.csv", 2, Some("stday"), "states2016.csv:2: field `stday`, value \"0\": invalid date: 1816-01 has no day 0";
    states_year_out_of_range: cow_states(s(&[STATES_H, "RUS,365,Russia,1816,1,1,20160,12,31,2016,russia\n"]))
        => ErrorKind::InvalidDate(_), "states2016.csv", 2, Some("endyear"), "states2016.csv:2: field `endyear`, value \"20160\": invalid date: year 20160 is outside 1000..=9999";
    states_end_before_start: cow_states(s(&[STATES_H, STATES_OK, "KZK,705,Kazakhstan,1991,12,26,1990,12,31,2016,kazakhstan\n"]))
        => ErrorKind::EndBeforeStart { .. }, "states2016.csv", 3, Some("endyear"), "states2016.csv:3: field `endyear`, value \"1990\": end 1990-12-31 is not after start 1991-12-26";
    states_duplicate_row: cow_states(s(&[STATES_H, STATES_OK, STATES_OK]))
        => ErrorKind::Duplicate(_), "states2016.csv", 3, Some("styear"), "states2016.csv:3: field `styear`, value \"1816\": duplicate: state 365 entering the system on 1816-01-01 is already given at line 2";
    states_code_changes_abbreviation: cow_states(s(&[STATES_H, STATES_OK, "USR,365,Russia,1922,12,30,1991,12,25,2016,russia\n"]))
        => ErrorKind::InvalidValue(_), "states2016.csv", 3, Some("stateabb"), "states2016.csv:3: field `stateabb`, value \"USR\": invalid value: state 365 is `RUS` (column `russia`) on an earlier row";
    states_abbreviation_two_codes: cow_states(s(&[STATES_H, STATES_OK, "RUS,366,Russia,1816,1,1,2016,12,31,2016,russia2\n"]))
        => ErrorKind::Duplicate(_), "states2016.csv", 3, Some("stateabb"), "states2016.csv:3: field `stateabb`, value \"RUS\": duplicate: `RUS` names two state codes";
    states_word_for_code: cow_states(s(&[STATES_H, "RUS,Russia,365,1816,1,1,2016,12,31,2016,russia\n"]))
        => ErrorKind::InvalidValue(_), "states2016.csv", 2, Some("ccode"), "states2016.csv:2: field `ccode`, value \"Russia\": invalid value: expected a whole number from 0 to 65535";
    states_number_for_abbreviation: cow_states(s(&[STATES_H, "365,365,Russia,1816,1,1,2016,12,31,2016,russia\n"]))
        => ErrorKind::InvalidValue(_), "states2016.csv", 2, Some("stateabb"), "states2016.csv:2: field `stateabb`, value \"365\": invalid value: a COW abbreviation is a short code in letters, like RUS";
    states_code_out_of_range: cow_states(s(&[STATES_H, "RUS,70000,Russia,1816,1,1,2016,12,31,2016,russia\n"]))
        => ErrorKind::InvalidValue(_), "states2016.csv", 2, Some("ccode"), "states2016.csv:2: field `ccode`, value \"70000\": invalid value: out of range: expected a whole number from 0 to 65535";
    states_huge_value: cow_states(s(&[STATES_H, "RUS,365,Russia,", &"1".repeat(100_000), ",1,1,2016,12,31,2016,russia\n"]))
        => ErrorKind::InvalidDate(_), "states2016.csv", 2, Some("styear"), "states2016.csv:2: field `styear`, value \"11111111111111111111111111111111111111111111111111111111111111111111111111111111… (99920 more characters)\": invalid date: the year is outside 1000..=9999";
}

// ---------------------------------------------------------------------------
// Accepted inputs: what spreadsheets write loads, every row counted.

#[test]
fn accepted_spreadsheet_forms_load_every_row() {
    let atop_text = s(&[
        "\u{feff}",
        ATOP_H,
        "\"4220\",365,1992,5,15,0,0,0,1\n",
        "4220,704,1992,5,0,0,0,0,1\n", // day 0: unknown day, as ATOP writes
        "4220,705,1992,5,,0,0,0,1\n",  // empty day: unknown too
    ])
    .replace('\n', "\r\n");
    let mut b = Dataset::builder();
    b.read(
        Atop::with_states(&states()),
        atop_text.as_bytes(),
        "atop.csv",
    );
    let report = b.build();
    let counts = &report.counts[0].1;
    assert_eq!((counts.rows, counts.events), (3, 3));
    report.strict().unwrap();

    let igo_text = s(&[
        IGO_H,
        "CSTO,\"Collective Security Treaty Organization, the\",2002,1,1,CSTO\n",
        "CSTO,\"Collective Security Treaty Organization, the\",2003,1,-9,CSTO\n",
    ])
    .replace('\n', "\r");
    let mut b = Dataset::builder();
    b.read(
        CowIgo::with_states(&states()),
        igo_text.as_bytes(),
        "igo.csv",
    );
    let report = b.build();
    assert_eq!(report.counts[0].1.rows, 2);
    report.strict().unwrap();

    let list = cow_states(
        s(&[
            STATES_H,
            "ROK,732,\"Korea, Republic of\",1949,1,1,2016,12,31,2016,southkorea\n",
        ])
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(list.by_code(732).unwrap().name(), "Korea, Republic of");
}

// ---------------------------------------------------------------------------
// Public constructors on paths.

#[test]
fn from_path_constructors_name_the_file() {
    let e = Dataset::builder()
        .read_path(Atop::new(), "no/such/atop-member-level.csv")
        .build()
        .strict()
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Io(_)), "{e}");
    assert_eq!(e.file_name(), Some("atop-member-level.csv"));
    let e = Dataset::builder()
        .read_path(CowIgo::new(), "no/such/igo_year_formatv3.csv")
        .build()
        .strict()
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Io(_)), "{e}");
    assert_eq!(e.file_name(), Some("igo_year_formatv3.csv"));
    let e = CowStates::read_path("no/such/states2016.csv")
        .strict()
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Io(_)), "{e}");
    assert!(!e.to_string().contains('\n'));
    // A directory opens on Unix but cannot be read: still an error, no panic.
    let dir = std::env::temp_dir();
    for e in [
        Dataset::builder()
            .read_path(Atop::new(), &dir)
            .build()
            .strict()
            .unwrap_err(),
        Dataset::builder()
            .read_path(CowIgo::new(), &dir)
            .build()
            .strict()
            .unwrap_err(),
        CowStates::read_path(&dir).strict().map(|_| ()).unwrap_err(),
    ] {
        assert!(matches!(e.kind(), ErrorKind::Io(_)), "{e}");
        assert!(!e.to_string().contains('\n'));
    }
}

#[test]
fn unknown_organization_in_a_loaded_dataset() {
    let ds = atop(s(&[ATOP_H, ATOP_OK]).as_bytes()).unwrap();
    let e = ds.members_on("4221", "1995-01-01").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::UnknownOrganization("4221".into()));
    assert_eq!(
        e.to_string(),
        // One edit from the file's only alliance: suggested (issue 13).
        "unknown organization `4221` (no organization has this id or name); did you mean `4220` (ATOP alliance 4220)?"
    );
}

/// Issue 10: an `UncertainDate` cannot reach past year 9999. A COW IGO file
/// whose last years are missing (-9) through 9999 once needed one (the
/// window `9999-01-01/+10000-01-01`) and gave a problem at its line; never
/// a panic, never an invalid date in an event.
///
/// Changed expectation: since -9 is a gap in the data (`Unknown`, a span of
/// days with an exclusive end) rather than an event with a window date (the
/// one query surface, issue 10), the run of -9 through 9999 needs no
/// `UncertainDate` at all, so there is nothing to refuse: the file loads
/// without a problem, its one event stays inside the years the crate holds,
/// and 9999 is unknown (never a made-up status).
#[test]
fn cow_igo_missing_data_through_9999_is_a_gap_not_a_date_past_9999() {
    let text = format!("{IGO_H}X,Ex,9998,1,0,Ex\nX,Ex,9999,-9,0,Ex\n");
    let mut b = Dataset::builder();
    b.read(CowIgo::new(), text.as_bytes(), "igo.csv");
    let (ds, problems) = b.build().into_parts();
    assert_eq!(problems.len(), 0, "{problems:?}");
    let last_day = "9999-12-31".parse().unwrap();
    assert_eq!(ds.events().count(), 1);
    assert!(ds.events().all(|e| e.latest() <= last_day));
    let gap: Vec<_> = ds
        .unknowns()
        .iter()
        .filter(|u| u.member() == Some("russia"))
        .collect();
    assert_eq!(gap.len(), 1, "{gap:?}");
    assert_eq!(gap[0].note(), "COW IGO: -9 (missing data) in 9999");
    for day in ["9999-01-01", "9999-12-31"] {
        let a = ds.status_on("X", "russia", day).unwrap();
        assert_eq!(
            (a.certainty(), a.member(), a.known_until()),
            (
                membership_history::Certainty::Unknown,
                None,
                Some("9998-12-31".parse().unwrap())
            ),
            "{day}"
        );
    }
}
