//! Lenient mode for the research-dataset readers loses nothing (issue 6):
//! for ATOP, COW IGO and the COW state list, a file in the published format
//! with several independent problems gives every problem, in line order,
//! each the error the strict reader gives for its row; every good row's
//! data is in the result; the strict reader fails with the first of those
//! problems; a clean file gives no problem and what the strict reader
//! gives; a problem with the header reads nothing.
//!
//! Strict and lenient are one code path now (issue 10 item 7): a read
//! records its problems in the builder, `build()` gives one `Report` (the
//! data, each file's counts, every problem, the reader's and the build's),
//! and strict use is `Report::strict`, its first problem. "Lenient" below is
//! the report read whole; "strict" is `strict()` on the same read.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code; inputs are ours

#[path = "support/membership.rs"]
mod membership;
use membership::membership;
use membership_history::{
    Atop, Basis, Certainty, CowIgo, CowStates, Dataset, Error, ErrorKind, EventKind, ImportCounts,
    Report, Status, parse_day,
};

fn day(s: &str) -> chrono::NaiveDate {
    parse_day(s).unwrap()
}

/// The gaps in the data, without where they were read (lines differ when
/// rows are left out).
fn gaps(ds: &Dataset) -> Vec<String> {
    ds.unknowns()
        .iter()
        .map(|u| format!("{} {:?} {u}", u.org(), u.member()))
        .collect()
}

/// A problem as `(line, kind, field)`, to compare reports at a glance.
fn summary(problems: &[Error]) -> Vec<(u64, &'static str, Option<&str>)> {
    problems
        .iter()
        .map(|p| {
            let kind = match p.kind() {
                ErrorKind::InvalidValue(_) => "InvalidValue",
                ErrorKind::InvalidDate(_) => "InvalidDate",
                ErrorKind::EndBeforeStart { .. } => "EndBeforeStart",
                ErrorKind::FieldCount { .. } => "FieldCount",
                ErrorKind::Duplicate(_) => "Duplicate",
                ErrorKind::Csv(_) => "Csv",
                ErrorKind::Header(_) => "Header",
                ErrorKind::Empty(_) => "Empty",
                other => panic!("unexpected {other:?}"),
            };
            (p.line().unwrap(), kind, p.field())
        })
        .collect()
}

/// Every problem names the file it is in.
#[track_caller]
fn all_in(problems: &[Error], file: &str) {
    for p in problems {
        assert_eq!(p.file_name(), Some(file), "{p}");
    }
}

/// Two datasets hold the same records and spells.
#[track_caller]
fn same(a: &Dataset, b: &Dataset) {
    assert_eq!(a.sources(), b.sources());
    assert_eq!(a.parties(), b.parties());
    assert_eq!(a.organizations(), b.organizations());
    assert!(a.events().eq(b.events()), "events differ");
    assert_eq!(
        serde_json::to_value(a.spell_records()).unwrap(),
        serde_json::to_value(b.spell_records()).unwrap()
    );
    assert_eq!(a.unknowns(), b.unknowns());
}

/// The lines of `text` at these 1-based line numbers, header included.
fn lines(text: &[u8], keep: &[usize]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, line) in text.split_inclusive(|&b| b == b'\n').enumerate() {
        if keep.contains(&(i + 1)) {
            out.extend_from_slice(line);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// ATOP.

/// Alliance 4220 (CST/CSTO), members by COW code. Good rows: 2, 4, 6, 9, 11,
/// 14; every other row has one problem of its own.
const ATOP: &[u8] = b"atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
4220,365,1992,5,15,2002,10,7,1\n\
4220,704,1992,5,15,1999,13,20,1\n\
4220,365,2002,10,7,0,0,0,2\n\
4220,371,1992,5,15,0,0,0\n\
4220,705,1992,5,15,0,0,0,1\n\
4220,365,1992,5,15,2002,10,7,1\n\
4220,RUS,1992,5,15,0,0,0,1\n\
4220,702,1992,5,15,0,0,0,1\n\
4220,703,1993,0,0,1992,1,1,1\n\
4220,704,2006,8,16,2012,6,28,2\n\
4220,365,1992,5,15,2002,10,7,1\n\
4220,373,1993,9,24,0,0,0,\xff\n\
4220,373,1993,9,24,1999,4,20,1\n";
const ATOP_GOOD: &[usize] = &[1, 2, 4, 6, 9, 11, 14];

/// The report of reading `text`, whole: the data kept, what the read gave,
/// and every problem (the reader's and the build's, in line order).
fn lenient(report: Report<Dataset>) -> (Dataset, ImportCounts, Vec<Error>) {
    let counts = report.counts[0].1;
    let (ds, problems) = report.into_parts();
    (ds, counts, problems)
}

/// The same report taken strictly: the data, or its first problem.
fn strict(report: Report<Dataset>) -> Result<(Dataset, ImportCounts), Error> {
    let counts = report.counts[0].1;
    Ok((report.strict()?, counts))
}

fn atop_report(text: &[u8]) -> Report<Dataset> {
    Dataset::builder()
        .read(Atop::new(), text, "atop.csv")
        .build()
}

fn atop_lenient(text: &[u8]) -> (Dataset, ImportCounts, Vec<Error>) {
    lenient(atop_report(text))
}

fn atop_strict(text: &[u8]) -> Result<(Dataset, ImportCounts), Error> {
    strict(atop_report(text))
}

#[test]
fn atop_lenient_reports_every_problem_in_order() {
    let (_, counts, report) = atop_lenient(ATOP);
    all_in(&report, "atop.csv");
    assert_eq!(
        summary(&report),
        [
            (3, "InvalidDate", Some("moexit")),
            (5, "FieldCount", None),
            (7, "Duplicate", Some("member")),
            (8, "InvalidValue", Some("member")),
            (10, "EndBeforeStart", Some("yrexit")),
            (12, "Duplicate", Some("member")),
            (13, "Csv", None),
        ]
    );
    assert_eq!(
        report[2].to_string(),
        "atop.csv:7: field `member`, value \"365\": duplicate: member 365 of alliance 4220 entering phase 1 on 1992-05-15 is already given at line 2"
    );
    // Every copy of a row is reported, each pointing at the row kept.
    assert_eq!(
        report[5].to_string(),
        "atop.csv:12: field `member`, value \"365\": duplicate: member 365 of alliance 4220 entering phase 1 on 1992-05-15 is already given at line 2"
    );
    // Nothing dropped silently: rows kept + rows skipped = data rows.
    assert_eq!((counts.rows, counts.skipped), (6, 7));
    assert_eq!(counts.skipped, report.len());
}

#[test]
fn atop_lenient_keeps_every_good_row() {
    let (ds, counts, problems) = atop_lenient(ATOP);
    assert_eq!((counts.organizations, counts.states), (1, 5));
    // The build refuses nothing the reader kept: every problem is a row
    // left out (it was: the build of what was read has no problem).
    assert_eq!(problems.len(), counts.skipped, "{problems:?}");
    let days = |m: &str| {
        let tl = ds.timeline("4220", m).unwrap();
        tl.member_days().preferred.to_string()
    };
    // Russia's two phases, the copies of the first left out: one stay. The
    // stays still in effect end where the file's coverage does, after its
    // last year (2012): unknown from then on (these were "1992-05-15..",
    // issue 10).
    assert_eq!(days("365"), "1992-05-15..2013-01-01");
    assert_eq!(ds.timeline("4220", "365").unwrap().spells().len(), 1);
    assert_eq!(days("705"), "1992-05-15..2013-01-01");
    assert_eq!(days("702"), "1992-05-15..2013-01-01");
    assert_eq!(
        ds.known_until("4220").unwrap().map(|d| d.to_string()),
        Some("2012-12-31".to_string())
    );
    // Uzbekistan's first row is bad: its second, valid on its own, is kept.
    assert_eq!(days("704"), "2006-08-16..2012-06-28");
    // Azerbaijan's good row after the row that is not UTF-8.
    assert_eq!(days("373"), "1993-09-24..1999-04-20");
    // The members of the bad rows 5 and 10 are not there at all.
    assert!(ds.party("371").is_none() && ds.party("703").is_none());
    let mut members: Vec<&str> = ds
        .members_on("4220", day("1995-01-01"))
        .unwrap()
        .map(|m| m.party().code())
        .collect();
    members.sort();
    assert_eq!(members, ["365", "373", "702", "705"]);
}

#[test]
fn atop_lenient_equals_strict_without_the_bad_rows() {
    // What lenient mode keeps is what the file says without its bad rows
    // (only the lines the events come from differ).
    let (lenient, _, _) = atop_lenient(ATOP);
    let (strict, _) = atop_strict(&lines(ATOP, ATOP_GOOD)).unwrap();
    for p in strict.parties() {
        let (l, s) = (
            lenient.timeline("4220", p.code()).unwrap(),
            strict.timeline("4220", p.code()).unwrap(),
        );
        assert_eq!(l.spells(), s.spells(), "{}", p.code());
        assert_eq!(l.member_days(), s.member_days(), "{}", p.code());
        assert_eq!(l.known_until(), s.known_until(), "{}", p.code());
    }
    assert_eq!(lenient.parties(), strict.parties());
    assert_eq!(gaps(&lenient), gaps(&strict));
}

#[test]
fn atop_strict_fails_with_the_first_problem() {
    let (_, _, report) = atop_lenient(ATOP);
    let err = atop_strict(ATOP).unwrap_err();
    assert_eq!(err, report[0]);
    // And with the next one once the first is fixed.
    let fixed = lines(ATOP, &[1, 2, 4, 5, 6]);
    let (_, _, report) = atop_lenient(&fixed);
    assert_eq!(summary(&report), [(4, "FieldCount", None)]);
    assert_eq!(atop_strict(&fixed).unwrap_err(), report[0]);
}

#[test]
fn atop_clean_file_reads_as_strict() {
    let clean = lines(ATOP, ATOP_GOOD);
    let (lenient, counts, report) = atop_lenient(&clean);
    assert!(report.is_empty(), "{report:?}");
    let (strict, strict_counts) = atop_strict(&clean).unwrap();
    assert_eq!(counts, strict_counts);
    assert_eq!(counts.skipped, 0);
    same(&lenient, &strict);
}

#[test]
fn atop_from_path_lenient() {
    // The reader's problems, named by the file's own name.
    let text = b"atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
4220,365,1992,5,15,0,0,0,1\n\
4220,0,1992,5,15,0,0,0,1\n\
4220,705,1992,5,15,0,0,0,1\n";
    let path = std::env::temp_dir().join(format!("mh-lenient-atop-{}.csv", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let (ds, problems) = Dataset::builder()
        .read_path(Atop::new(), &path)
        .build()
        .into_parts();
    let strict = Dataset::builder()
        .read_path(Atop::new(), &path)
        .build()
        .strict()
        .unwrap_err();
    std::fs::remove_file(&path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    all_in(&problems, name);
    assert_eq!(summary(&problems), [(3, "InvalidValue", Some("member"))]);
    assert_eq!(strict, problems[0]);
    assert_eq!(ds.members_on("4220", day("1995-01-01")).unwrap().count(), 2);
    let (ds, problems) = Dataset::builder()
        .read_path(Atop::new(), "/no/such/atop.csv")
        .build()
        .into_parts();
    assert!(ds.organizations().is_empty());
    assert!(matches!(problems[..], [ref e] if matches!(e.kind(), ErrorKind::Io(_))));
}

#[test]
fn atop_header_problem_reads_nothing() {
    let text = b"atopid,membr,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
4220,365,1992,5,15,0,0,0,1\n\
4220,704,1992,5,15,1999,13,20,1\n";
    let (ds, counts, report) = atop_lenient(text);
    assert_eq!(summary(&report), [(1, "Header", None)]);
    assert_eq!(atop_strict(text).unwrap_err(), report[0]);
    assert_eq!(counts, ImportCounts::default());
    assert!(ds.organizations().is_empty() && ds.parties().is_empty());
    assert_eq!(ds.sources().len(), 0);
    // Empty and header-only files: one problem each, as strict.
    for (text, line) in [(Vec::new(), 1), (lines(ATOP, &[1]), 2)] {
        let (_, counts, report) = atop_lenient(&text);
        assert_eq!(summary(&report), [(line, "Empty", None)]);
        assert_eq!(atop_strict(&text).unwrap_err(), report[0]);
        assert_eq!(counts, ImportCounts::default());
    }
}

#[test]
fn atop_every_row_bad_adds_nothing_and_names_every_row() {
    let text = b"atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
4220,365,1992,5,32,0,0,0,1\n\
4220,704,1992,13,15,0,0,0,1\n";
    let (ds, counts, report) = atop_lenient(text);
    assert_eq!(
        summary(&report),
        [
            (2, "InvalidDate", Some("dayent")),
            (3, "InvalidDate", Some("moent"))
        ]
    );
    assert_eq!((counts.rows, counts.skipped, counts.events), (0, 2, 0));
    assert!(ds.organizations().is_empty() && ds.sources().is_empty());
}

// ---------------------------------------------------------------------------
// COW IGO.

/// Good rows: 2, 4, 6, 11, 12, 13, 16, 17 (and the header, 1); every other
/// row has one problem of its own.
const IGO: &[u8] = b"ioname,orgname,year,russia,belarus,kazakhstan,longorgname\n\
CSTO,Collective Security Treaty Organization,2002,1,0,1,CSTO\n\
CSTO,Collective Security Treaty Organization,2003,1,4,1,CSTO\n\
CSTO,Collective Security Treaty Organization,2004,1,1,1,CSTO\n\
CSTO,Collective Security Treaty Organization,2004,1,1,0,CSTO\n\
NATO,North Atlantic Treaty Organization,2002,0,0,0,NATO\n\
,Nameless,2002,1,1,1,\n\
csto,Collective Security Treaty Organization,2005,1,1,1,CSTO\n\
NATO,North Atlantic Treaty Organization,two thousand three,0,0,0,NATO\n\
NATO,North Atlantic Treaty Organization,2004,0,0,0\n\
CSTO,Collective Security Treaty Organization,2005,1,1,-9,CSTO\n\
EAEU,Eurasian Economic Union,2002,1,1,1,EAEU\n\
EAEU,Eurasian Economic Union,2003,1,1,1,EAEU\n\
EAEU,Eurasian Economic Union,2004,1,1,x,EAEU\n\
CSTO,Collective Security Treaty Organization,2002,1,1,1,CSTO\n\
NATO,North Atlantic Treaty Organization,2005,0,0,0,NATO\n\
OLD,Old Organization,2002,1,0,0,OLD\n";
const IGO_GOOD: &[usize] = &[1, 2, 4, 6, 11, 12, 13, 16, 17];

fn igo_report(text: &[u8]) -> Report<Dataset> {
    Dataset::builder()
        .read(CowIgo::new(), text, "igo.csv")
        .build()
}

fn igo_lenient(text: &[u8]) -> (Dataset, ImportCounts, Vec<Error>) {
    lenient(igo_report(text))
}

fn igo_strict(text: &[u8]) -> Result<(Dataset, ImportCounts), Error> {
    strict(igo_report(text))
}

#[test]
fn igo_lenient_reports_every_problem_in_order() {
    let (_, counts, report) = igo_lenient(IGO);
    all_in(&report, "igo.csv");
    assert_eq!(
        summary(&report),
        [
            (3, "InvalidValue", Some("belarus")),
            (5, "Duplicate", Some("year")),
            (7, "InvalidValue", Some("ioname")),
            (8, "Duplicate", Some("ioname")),
            (9, "InvalidValue", Some("year")),
            (10, "FieldCount", None),
            (14, "InvalidValue", Some("kazakhstan")),
            (15, "Duplicate", Some("year")),
        ]
    );
    assert_eq!(
        report[1].to_string(),
        "igo.csv:5: field `year`, value \"2004\": duplicate: CSTO in 2004 is already given at line 4"
    );
    assert_eq!(
        report[7].to_string(),
        "igo.csv:15: field `year`, value \"2002\": duplicate: CSTO in 2002 is already given at line 2"
    );
    assert_eq!((counts.rows, counts.skipped), (8, 8));
    assert_eq!(counts.skipped, report.len());
}

#[test]
fn igo_lenient_keeps_every_good_row() {
    let (ds, counts, problems) = igo_lenient(IGO);
    assert_eq!((counts.organizations, counts.states), (4, 3));
    // The build refuses nothing the reader kept: every problem is a row
    // left out (it was: the build of what was read has no problem).
    assert_eq!(problems.len(), counts.skipped, "{problems:?}");
    let on = |org: &str, state: &str, d: &str| membership(&ds.status_on(org, state, d).unwrap());
    // CSTO: 2002, 2004 and 2005 kept; 2003 (a bad code) is not an
    // observation, so Belarus joined in 2003 or 2004.
    assert_eq!(
        on("CSTO", "russia", "2003-06-01"),
        Some(Certainty::Definite)
    );
    assert_eq!(on("CSTO", "belarus", "2002-12-31"), None);
    assert_eq!(
        on("CSTO", "belarus", "2003-06-01"),
        Some(Certainty::Possible)
    );
    assert_eq!(
        on("CSTO", "belarus", "2004-12-31"),
        Some(Certainty::Definite)
    );
    // Line 11's -9 for Kazakhstan in 2005 is kept as unknown.
    assert_eq!(
        on("CSTO", "kazakhstan", "2004-12-31"),
        Some(Certainty::Definite)
    );
    // It was "no status" by the preferred readings; -9 is a gap now, not
    // an event (issue 10): unknown, with the last status the data gives.
    let kaz = ds.status_on("CSTO", "kazakhstan", "2005-12-31").unwrap();
    assert_eq!(
        (kaz.certainty(), kaz.member(), kaz.status()),
        (Certainty::Unknown, None, Some(Status::Member))
    );
    assert_eq!(kaz.known_until(), Some(day("2004-12-31")));
    assert!(kaz.unknown().unwrap().note().contains("-9"));
    // NATO's good years 2002 and 2005; nobody in it.
    assert_eq!(ds.members_on("NATO", day("2003-06-01")).unwrap().count(), 0);
    // EAEU's 2002 and 2003 rows are kept.
    assert_eq!(
        ds.status_on("EAEU", "kazakhstan", day("2003-06-01"))
            .unwrap()
            .status(),
        Some(Status::Member)
    );
    // The names of the rows kept.
    assert_eq!(
        ds.organization("North Atlantic Treaty Organization")
            .unwrap()
            .id(),
        "NATO"
    );
    // The nameless IGO of line 7 and the `csto` of line 8 are not there.
    let ids: Vec<&str> = ds.organizations().iter().map(|o| o.id()).collect();
    assert_eq!(ids, ["CSTO", "NATO", "EAEU", "OLD"]);
}

#[test]
fn igo_lenient_does_not_end_an_igo_at_a_row_left_out() {
    // EAEU's last good year is 2003 and the data goes on to 2005, but its
    // 2004 row was left out (a bad code): it is not said to be dissolved.
    // OLD, with no row left out, is (2003: no longer in the data).
    let (ds, _, _) = igo_lenient(IGO);
    let dissolved = |org: &str| {
        ds.events()
            .filter(|e| e.org() == org && e.kind() == EventKind::Dissolved)
            .count()
    };
    assert_eq!(dissolved("EAEU"), 0);
    assert_eq!(dissolved("OLD"), 1);
    // The rows left out are where its data stops: after 2003 the answer is
    // unknown (it was "member", issue 10), the last status member, and no
    // dissolution.
    let rus = ds.status_on("EAEU", "russia", day("2005-06-01")).unwrap();
    assert_eq!(
        (rus.certainty(), rus.basis(), rus.status()),
        (Certainty::Unknown, Basis::Unknown, Some(Status::Member))
    );
    assert_eq!(rus.known_until(), Some(day("2003-12-31")));
    assert!(
        rus.unknown().unwrap().note().contains("left out"),
        "{:?}",
        rus.unknown()
    );
    // Without that row in the file at all, EAEU does end: the difference is
    // the row the report names.
    let (strict, _) = igo_strict(&lines(IGO, IGO_GOOD)).unwrap();
    assert_eq!(
        strict
            .events()
            .filter(|e| e.org() == "EAEU" && e.kind() == EventKind::Dissolved)
            .count(),
        1
    );
}

#[test]
fn igo_strict_fails_with_the_first_problem() {
    let (_, _, report) = igo_lenient(IGO);
    assert_eq!(igo_strict(IGO).unwrap_err(), report[0]);
    let fixed = lines(IGO, &[1, 2, 4, 5, 6, 7]);
    let (_, _, report) = igo_lenient(&fixed);
    assert_eq!(
        summary(&report),
        [
            (4, "Duplicate", Some("year")),
            (6, "InvalidValue", Some("ioname"))
        ]
    );
    assert_eq!(igo_strict(&fixed).unwrap_err(), report[0]);
}

#[test]
fn igo_clean_file_reads_as_strict() {
    let clean = lines(IGO, IGO_GOOD);
    let (lenient, counts, report) = igo_lenient(&clean);
    assert!(report.is_empty(), "{report:?}");
    let (strict, strict_counts) = igo_strict(&clean).unwrap();
    assert_eq!(counts, strict_counts);
    same(&lenient, &strict);
    // The excerpt of the published file too.
    let excerpt = include_bytes!("data/igo_year_formatv3-excerpt.csv");
    let (lenient, counts, report) = igo_lenient(excerpt);
    assert!(report.is_empty(), "{report:?}");
    let (strict, strict_counts) = igo_strict(excerpt).unwrap();
    assert_eq!(counts, strict_counts);
    same(&lenient, &strict);
}

#[test]
fn igo_header_problems_read_nothing() {
    // A misspelled required column.
    let text = b"ioname,orgname,yaer,russia\nCSTO,Collective Security Treaty Organization,2002,1\n";
    let (ds, counts, report) = igo_lenient(text);
    assert_eq!(summary(&report), [(1, "Header", None)]);
    assert_eq!(igo_strict(text).unwrap_err(), report[0]);
    assert_eq!(counts, ImportCounts::default());
    assert!(ds.organizations().is_empty());
    // A state column the state list does not know.
    let states = CowStates::read(
        include_bytes!("data/states2016-excerpt.csv").as_slice(),
        "states2016.csv",
    )
    .strict()
    .unwrap();
    let text = b"ioname,orgname,year,russia,rusia\nCSTO,Collective Security Treaty Organization,2002,1,1\n";
    let report = || {
        Dataset::builder()
            .read(CowIgo::with_states(&states), &text[..], "igo.csv")
            .build()
    };
    let (ds, counts, problems) = lenient(report());
    assert_eq!(summary(&problems), [(1, "Header", Some("rusia"))]);
    assert_eq!(strict(report()).unwrap_err(), problems[0]);
    assert_eq!(counts, ImportCounts::default());
    assert!(ds.organizations().is_empty() && ds.parties().is_empty());
}

#[test]
fn igo_from_path_lenient() {
    let path = std::env::temp_dir().join(format!("mh-lenient-igo-{}.csv", std::process::id()));
    std::fs::write(&path, IGO).unwrap();
    let (ds, problems) = Dataset::builder()
        .read_path(CowIgo::new(), &path)
        .build()
        .into_parts();
    let strict = Dataset::builder()
        .read_path(CowIgo::new(), &path)
        .build()
        .strict()
        .unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(problems.len(), 8);
    assert_eq!(strict, problems[0]);
    let (_, _, report) = igo_lenient(IGO);
    // The same problems, named by the file's own name.
    let lines = |ps: &[Error]| {
        ps.iter()
            .map(|p| (p.line(), p.kind().clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(&problems), lines(&report));
    assert_eq!(ds.organizations().len(), 4);
    let (ds, problems) = Dataset::builder()
        .read_path(CowIgo::new(), "/no/such/igo.csv")
        .build()
        .into_parts();
    assert!(ds.organizations().is_empty());
    assert_eq!(problems.len(), 1);
    assert!(matches!(problems[0].kind(), ErrorKind::Io(_)));
}

// ---------------------------------------------------------------------------
// COW states.

/// Good rows: 2, 4, 6, 8, 11; every other row has one problem of its own.
const STATES: &[u8] =
    b"stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\n\
RUS,365,Russia,1816,1,1,2016,12,31,2016,russia\n\
KZK,705,Kazakhstan,1991,12,32,2016,12,31,2016,kazakhstan\n\
BLR,370,Belarus,1991,8,25,2016,12,31,2016,belarus\n\
USR,365,Russia,1900,1,1,2016,12,31,2016,russia\n\
FRN,220,France,1816,1,1,1942,11,11,2016,france\n\
FRN,220,France,1944,8,25,1940,12,31,2016,france\n\
FRN,220,France,1944,8,25,2016,12,31,2016,france\n\
BLR,371,Belarus,1991,8,25,2016,12,31,2016,belarus2\n\
UZB,704,Uzbekistan,1991,8,31,2016,12,31,2016\n\
ARM,371,Armenia,1991,12,21,2016,12,31,2016,armenia\n\
RUS,365,Russia,1816,1,1,2016,12,31,2016,russia\n\
365,366,Russia,1816,1,1,2016,12,31,2016,russia\n";
const STATES_GOOD: &[usize] = &[1, 2, 4, 6, 8, 11];

#[test]
fn states_lenient_reports_every_problem_in_order() {
    let (list, report) = CowStates::read(STATES, "states2016.csv").into_parts();
    all_in(&report, "states2016.csv");
    assert_eq!(
        summary(&report),
        [
            (3, "InvalidDate", Some("stday")),
            (5, "InvalidValue", Some("stateabb")),
            (7, "EndBeforeStart", Some("endyear")),
            (9, "Duplicate", Some("stateabb")),
            (10, "FieldCount", None),
            (12, "Duplicate", Some("styear")),
            (13, "InvalidValue", Some("stateabb")),
        ]
    );
    assert_eq!(
        report[3].to_string(),
        "states2016.csv:9: field `stateabb`, value \"BLR\": duplicate: `BLR` names two state codes"
    );
    // Rows kept, and every other data row is in the report.
    assert_eq!(list.rows(), 5);
    assert_eq!(list.rows() + report.len(), 12);
}

#[test]
fn states_lenient_keeps_every_good_row() {
    let (list, _) = CowStates::read(STATES, "states2016.csv").into_parts();
    let codes: Vec<u16> = list.iter().map(|s| s.code()).collect();
    assert_eq!(codes, [365, 370, 220, 371]);
    assert_eq!(
        list.by_code(365).unwrap().existence().to_string(),
        "1816-01-01.."
    );
    // France's two good rows around its bad one.
    assert_eq!(
        list.by_code(220).unwrap().existence().to_string(),
        "1816-01-01..1942-11-12, 1944-08-25.."
    );
    assert_eq!(list.by_column("belarus").unwrap().code(), 370);
    // 371 is Armenia: the bad row 9 that gave it to Belarus left no trace.
    assert_eq!(list.by_code(371).unwrap().abbreviation(), "ARM");
    assert!(list.by_column("belarus2").is_none());
    assert!(list.by_code(705).is_none() && list.by_code(704).is_none());
    assert!(list.in_system(371, day("2000-01-01")));
}

#[test]
fn states_strict_fails_with_the_first_problem() {
    let (_, report) = CowStates::read(STATES, "states2016.csv").into_parts();
    let err = CowStates::read(STATES, "states2016.csv")
        .strict()
        .unwrap_err();
    assert_eq!(err, report[0]);
    let fixed = lines(STATES, &[1, 2, 4, 5]);
    let (_, report) = CowStates::read(&fixed[..], "states2016.csv").into_parts();
    assert_eq!(summary(&report), [(4, "InvalidValue", Some("stateabb"))]);
    assert_eq!(
        CowStates::read(&fixed[..], "states2016.csv")
            .strict()
            .unwrap_err(),
        report[0]
    );
}

#[test]
fn states_clean_file_reads_as_strict() {
    let clean = lines(STATES, STATES_GOOD);
    let (list, report) = CowStates::read(&clean[..], "states2016.csv").into_parts();
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(
        list,
        CowStates::read(&clean[..], "states2016.csv")
            .strict()
            .unwrap()
    );
    // What lenient mode keeps of the bad file is the clean file's list.
    let (dirty, _) = CowStates::read(STATES, "states2016.csv").into_parts();
    assert_eq!(dirty, list);
    let excerpt = include_bytes!("data/states2016-excerpt.csv");
    let (list, report) = CowStates::read(&excerpt[..], "states2016.csv").into_parts();
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(
        list,
        CowStates::read(&excerpt[..], "states2016.csv")
            .strict()
            .unwrap()
    );
}

#[test]
fn states_header_problems_read_nothing() {
    for text in [
        &b"stateabb,ccod,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n"[..],
        &b""[..],
        &b"stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n"[..],
    ] {
        let (list, report) = CowStates::read(text, "states2016.csv").into_parts();
        assert_eq!(report.len(), 1, "{report:?}");
        assert!(matches!(
            report[0].kind(),
            ErrorKind::Header(_) | ErrorKind::Empty(_)
        ));
        assert_eq!(
            CowStates::read(text, "states2016.csv").strict().unwrap_err(),
            report[0]
        );
        assert!(list.is_empty() && list.rows() == 0);
    }
    let (list, report) = CowStates::read_path("/no/such/states2016.csv").into_parts();
    assert!(list.is_empty());
    assert!(matches!(report[..], [ref e] if matches!(e.kind(), ErrorKind::Io(_))));
}

#[test]
fn states_lenient_list_joins_the_other_readers() {
    // A list read leniently maps COW IGO columns and ATOP codes like a
    // strict one: the bad rows' states are simply unknown.
    let (list, _) = CowStates::read(STATES, "states2016.csv").into_parts();
    let mut b = Dataset::builder();
    let igo = b"ioname,orgname,year,russia,belarus\nCSTO,Collective Security Treaty Organization,2002,1,1\n";
    b.read(CowIgo::with_states(&list), &igo[..], "igo.csv");
    b.read(
        Atop::with_states(&list),
        &lines(ATOP, &[1, 2])[..],
        "atop.csv",
    );
    let ds = b.build().strict().unwrap();
    assert_eq!(ds.party("BLR").unwrap().cow_code(), Some(370));
    assert_eq!(
        ds.status_on("4220", "RUS", day("1995-01-01"))
            .unwrap()
            .status(),
        Some(Status::Member)
    );
}

/// A file of many rows (far more than are handed from the parsing thread
/// to the decoding one at a time), bad rows of three kinds spread through
/// it: every problem comes back once, every other row is kept, and the
/// rows are taken in file order (the organizations in order of first
/// mention), however they were split between the two.
#[test]
fn igo_lenient_keeps_line_order_over_a_long_file() {
    let mut text = String::from("ioname,orgname,year,russia,belarus\n");
    let mut bad = Vec::new();
    // Line 1 is the header; data row `r` is on line `r + 2`.
    for r in 0..2_000usize {
        let (igo, year) = (r / 20, 1950 + r % 20);
        let line = (r + 2) as u64;
        let row = match r % 7 {
            _ if r % 97 == 3 => {
                bad.push((line, "InvalidValue", Some("belarus")));
                format!("IGO{igo},Org {igo},{year},1,7")
            }
            _ if r % 131 == 5 => {
                bad.push((line, "FieldCount", None));
                format!("IGO{igo},Org {igo},{year},1")
            }
            _ if r % 173 == 7 => {
                bad.push((line, "InvalidValue", Some("orgname")));
                format!("IGO{igo},Org\u{0} {igo},{year},1,0")
            }
            0 => format!("IGO{igo},Org {igo},{year},0,1"),
            _ => format!("IGO{igo},Org {igo},{year},1,0"),
        };
        text.push_str(&row);
        text.push('\n');
    }
    let (ds, counts, problems) = igo_lenient(text.as_bytes());
    all_in(&problems, "igo.csv");
    assert!(bad.len() > 30, "{} bad rows", bad.len());
    assert_eq!(summary(&problems), bad);
    assert_eq!(
        (counts.rows, counts.skipped),
        (2_000 - bad.len(), bad.len())
    );
    // Organizations in order of first mention, as the rows came.
    let ids: Vec<&str> = ds.organizations().iter().map(|o| o.id()).collect();
    let want: Vec<String> = (0..100).map(|k| format!("IGO{k}")).collect();
    assert_eq!(ids, want);
}
