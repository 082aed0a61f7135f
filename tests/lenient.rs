//! Lenient mode loses nothing: files with several independent problems give
//! every problem, in file and line order, and every valid record; the
//! strict build fails with the first of those problems.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code; inputs are ours

use membership_history::{Bundled, Dataset, DatasetBuilder, ErrorKind, Status, parse_day};

const SOURCES: &str = "id,citation,url\n\
                       S,A source,\n\
                       ,No id,\n\
                       T,Another source,\n";
const PARTIES: &str = "code,name,cow_code,cow_abbreviation,sources\n\
                       ARM,Armenia,371,ARM,S\n\
                       GEO,Georgia,three-seventy-two,GRG,S\n\
                       RUS,Russia,365,RUS,S\n\
                       KAZ,Kazakhstan,705,KZK,S\n";
const NAMES: &str = "org,kind,name,from,until,sources\n\
                     X,official,Example Treaty,1992-05-15,,S\n\
                     X,nickname,Ex,,,S\n";
/// Nine data rows: four good, five with one problem each.
const EVENTS: &str = "event,org,member,kind,date,note,sources\n\
                      e1,X,ARM,signed,1992-05-15,,S\n\
                      e2,X,RUS,signed,1992-02-30,,S\n\
                      e3,X,KAZ,signed,1992-05-15,\"signed, in Tashkent\",S;T\n\
                      e4,X,ARN,signed,1992-05-15,,S\n\
                      e5,X,RUS,signed,1992-05-16\n\
                      e6,X,KAZ,returned,1995-01-01,,S\n\
                      e7,X,ARM,withdrew,1999-04-20,,S\n\
                      e8,X,GEO,acceded,1993-12-09,,S\n\
                      e9,X,ARM,suspended,2000-01-01,,S\n";

fn builder(events: &str) -> DatasetBuilder {
    let mut b = Dataset::builder();
    b.read(Bundled::Sources, SOURCES.as_bytes(), "sources.csv")
        .read(Bundled::Parties, PARTIES.as_bytes(), "parties.csv")
        .read(Bundled::Names, NAMES.as_bytes(), "names.csv")
        .read(Bundled::Events, events.as_bytes(), "events.csv");
    b
}

fn day(s: &str) -> chrono::NaiveDate {
    parse_day(s).unwrap()
}

#[test]
fn lenient_reports_every_problem_in_order() {
    let (_, problems) = builder(EVENTS).build().into_parts();
    let found: Vec<(&str, u64, &str)> = problems
        .iter()
        .map(|p| {
            let kind = match p.kind() {
                ErrorKind::InvalidValue(_) => "InvalidValue",
                ErrorKind::InvalidDate(_) => "InvalidDate",
                ErrorKind::UnknownParty(_) => "UnknownParty",
                ErrorKind::FieldCount { .. } => "FieldCount",
                ErrorKind::Sequence(_) => "Sequence",
                ErrorKind::UnknownSource(_) => "UnknownSource",
                other => panic!("unexpected {other:?}"),
            };
            (p.file_name().unwrap(), p.line().unwrap(), kind)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("sources.csv", 3, "InvalidValue"),
            ("parties.csv", 3, "InvalidValue"),
            ("names.csv", 3, "InvalidValue"),
            ("events.csv", 3, "InvalidDate"),
            ("events.csv", 5, "UnknownParty"),
            ("events.csv", 6, "FieldCount"),
            ("events.csv", 7, "Sequence"),
            ("events.csv", 9, "UnknownParty"),
            ("events.csv", 10, "Sequence"),
        ]
    );
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "sources.csv:3: field `id`, value \"\": invalid value: a source needs an id",
            "parties.csv:3: field `cow_code`, value \"three-seventy-two\": invalid value: a COW code is a whole number from 1 to 999",
            "names.csv:3: field `kind`, value \"nickname\": invalid value: a name's kind is `official` or `alias`",
            "events.csv:3: field `date`, value \"1992-02-30\": invalid date: 1992-02 has no day 30",
            "events.csv:5: field `member`, value \"ARN\": unknown party `ARN` (not in the parties table)",
            "events.csv:6: wrong number of fields: the header has 7, this row has 5",
            "events.csv:7: field `kind`, value \"returned\": impossible sequence: returned `KAZ` in X on 1995-01-01: return while not suspended (no prior exit or suspension)",
            "events.csv:9: field `member`, value \"GEO\": unknown party `GEO` (not in the parties table)",
            "events.csv:10: field `kind`, value \"suspended\": impossible sequence: suspended `ARM` in X on 2000-01-01: suspension of a non-member",
        ]
    );
}

#[test]
fn lenient_keeps_every_valid_record() {
    let (ds, _) = builder(EVENTS).build().into_parts();
    // Sources and parties without a problem are all there.
    let sources: Vec<&str> = ds.sources().iter().map(|s| s.id()).collect();
    assert_eq!(sources, ["S", "T"]);
    let parties: Vec<&str> = ds.parties().iter().map(|p| p.code()).collect();
    assert_eq!(parties, ["ARM", "RUS", "KAZ", "X"]);
    // The good name; the bad one is left out.
    assert_eq!(ds.organization("X").unwrap().names().len(), 1);
    // The good events, and the two refused by the sequence rules (kept as
    // records, used by no spell; see the next test).
    let ids: Vec<&str> = ds.events().map(|e| e.id()).collect();
    assert_eq!(ids, ["e1", "e3", "e6", "e7", "e9"]);
    assert_eq!(
        ds.timeline("X", "ARM")
            .unwrap()
            .member_days()
            .preferred
            .to_string(),
        "1992-05-15..1999-04-20"
    );
    assert_eq!(
        ds.status_on("X", "KAZ", day("2000-01-01"))
            .unwrap()
            .status(),
        Some(Status::Member)
    );
    let kaz = ds.timeline("X", "KAZ").unwrap();
    assert_eq!(
        kaz.events().next().unwrap().readings()[0].note(),
        "signed, in Tashkent"
    );
    // RUS's only event had an invalid date: no spell, and it was reported.
    assert!(ds.timeline("X", "RUS").unwrap().spells().is_empty());
}

#[test]
fn refused_events_stay_visible_but_change_nothing() {
    // e6 (return without exit) and e9 (suspension after withdrawal) are in
    // the dataset's events, so a user can see them, but no spell uses them.
    let (ds, _) = builder(EVENTS).build().into_parts();
    let tl = ds.timeline("X", "KAZ").unwrap();
    let kaz: Vec<&str> = tl.events().map(|e| e.id()).collect();
    assert_eq!(kaz, ["e3"]);
    assert_eq!(tl.spells().len(), 1);
}

#[test]
fn strict_returns_the_first_problem() {
    let err = builder(EVENTS).build().strict().unwrap_err();
    let (_, problems) = builder(EVENTS).build().into_parts();
    assert_eq!(err, problems[0]);
    assert_eq!(
        err.to_string(),
        "sources.csv:3: field `id`, value \"\": invalid value: a source needs an id"
    );
}

/// One source, one party (ARM), one organization (X), and `events`.
fn one_party(events: &str) -> DatasetBuilder {
    let mut b = Dataset::builder();
    b.read(
        Bundled::Sources,
        "id,citation,url\nS,A source,\n".as_bytes(),
        "sources.csv",
    )
    .read(
        Bundled::Parties,
        "code,name,cow_code,cow_abbreviation,sources\nARM,Armenia,371,ARM,S\n".as_bytes(),
        "parties.csv",
    )
    .read(
        Bundled::Names,
        "org,kind,name,from,until,sources\nX,official,Example Treaty,,,S\n".as_bytes(),
        "names.csv",
    )
    .read(Bundled::Events, events.as_bytes(), "events.csv");
    b
}

#[test]
fn strict_and_lenient_agree_on_a_clean_file() {
    let clean = "event,org,member,kind,date,note,sources\n\
                 e1,X,ARM,signed,1992-05-15,,S\n\
                 e2,X,ARM,withdrew,1999-04-20,,S\n";
    let mut b = one_party(clean);
    let (lenient, problems) = b.clone().build().into_parts();
    assert!(problems.is_empty(), "{problems:?}");
    let strict = b.build().strict().unwrap();
    assert_eq!(strict.spell_records().len(), lenient.spell_records().len());
    assert_eq!(
        strict.timeline("X", "ARM").unwrap().member_days(),
        lenient.timeline("X", "ARM").unwrap().member_days()
    );
}

#[test]
fn every_problem_of_one_file_at_once() {
    // Fix-the-whole-file workflow: ten bad dates, ten problems, ten lines.
    let mut text = String::from("event,org,member,kind,date,note,sources\n");
    for i in 0..10 {
        text.push_str(&format!(
            "e{i},X,ARM,signed,1992-{:02}-31,,S\n",
            [2, 4, 6, 9, 11][i % 5]
        ));
    }
    let mut b = one_party(&text);
    let (_, problems) = b.build().into_parts();
    let lines: Vec<u64> = problems.iter().map(|p| p.line().unwrap()).collect();
    assert_eq!(lines, (2..12).collect::<Vec<u64>>());
    assert!(
        problems
            .iter()
            .all(|p| matches!(p.kind(), ErrorKind::InvalidDate(_)))
    );
}

/// Records as the csv crate counts them (a quoted line break inside one),
/// after the header.
fn records(text: &str) -> usize {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .filter_map(Result::ok)
        .count()
}

/// Rows in equal rows kept plus rows named in a problem, when quotes hold
/// line breaks (each such row is one record, refused at the line it starts
/// on), in every format that reports counts.
#[test]
fn every_row_is_kept_or_named_with_quoted_line_breaks() {
    use membership_history::{Atop, CowIgo};
    let igo = "ioname,orgname,year,russia,armenia\n\
               XIGO,Example,1990,1,1\n\
               XIGO,\"Exa\nmple\",1991,1,1\n\
               XIGO,Example,1992,1,0\n\
               YIGO,Why,1990,\"1\n\",0\n\
               YIGO,Why,1991,1,1\n";
    let atop = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
                4220,365,1992,5,15,0,0,0,1\n\
                4220,\"371\n\",1992,5,15,0,0,0,1\n\
                4220,373,1992,5,15,0,0,0,\"1\n\n\"\n\
                4220,372,1993,12,9,0,0,0,1\n";
    let events = "event,org,member,kind,date,note,sources\n\
                  e1,X,ARM,signed,1992-05-15,,S\n\
                  e2,X,RUS,signed,1992-05-15,\"two\nlines\",S\n\
                  e3,X,KAZ,signed,1992-05-15,,S\n";
    let mut b = Dataset::builder();
    b.read(CowIgo::new(), igo.as_bytes(), "igo.csv")
        .read(Atop::new(), atop.as_bytes(), "atop.csv");
    let report = b.build();
    for (file, text, refused) in [("igo.csv", igo, [3, 6]), ("atop.csv", atop, [3, 5])] {
        let (_, counts) = report.counts.iter().find(|(f, _)| f == file).unwrap();
        assert_eq!(
            counts.rows + counts.skipped,
            records(text),
            "{file}: {counts:?}"
        );
        let named: Vec<u64> = report
            .problems
            .iter()
            .filter(|p| p.file_name() == Some(file))
            .filter_map(|p| p.line())
            .collect();
        assert_eq!(named, refused, "{file}: {:?}", report.problems);
        assert_eq!(counts.skipped, refused.len(), "{file}");
    }
    // The bundled events: two of three readings kept, the third named.
    let (ds, problems) = builder(events).build().into_parts();
    let kept: usize = ds.events().map(|e| e.readings().len()).sum();
    let named: Vec<u64> = problems
        .iter()
        .filter(|p| p.file_name() == Some("events.csv"))
        .filter_map(|p| p.line())
        .collect();
    assert_eq!(kept + named.len(), records(events), "{problems:?}");
    assert_eq!(named, [3]);
}
