//! Fuzz harnesses for the research-dataset loaders (issue 6): proptest over
//! arbitrary bytes and over mutated valid excerpts, into the ATOP reader,
//! the COW IGO reader and the COW state list (and through it
//! `check_state_existence`). cargo fuzz needs a nightly compiler; this runs
//! on stable, in the style of `tests/fuzz.rs`.
//!
//! - `MH_FUZZ_CASES=N`: run N cases (default 256);
//! - `MH_FUZZ_SECONDS=S`: run for S seconds instead (a time box).
//!
//! ```text
//! MH_FUZZ_SECONDS=600 cargo test --release --test fuzz_datasets fuzz_atop -- --nocapture
//! ```
//!
//! Each target prints how many cases it ran. A failing case is shrunk by
//! proptest and printed; it then becomes a named test in `regressions`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code; inputs are ours

use std::collections::BTreeSet;

use membership_history::{
    Atop, Basis, Certainty, CowIgo, CowStates, Dataset, DatasetBuilder, Error, ErrorKind,
    ImportCounts, bundled,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

const ATOP: &str = include_str!("data/atop-member-level-excerpt.csv");
const ATOP_TSV: &str = include_str!("data/atop-member-level-excerpt.tsv");
const IGO: &str = include_str!("data/igo_year_formatv3-excerpt.csv");
const IGO_TSV: &str = include_str!("data/igo_year_formatv3-excerpt.tsv");
const STATES: &str = include_str!("data/states2016-excerpt.csv");

#[path = "support/fuzz_runner.rs"]
mod fuzz_runner;
use fuzz_runner::run;

// ---------------------------------------------------------------------------
// Checks.

fn states() -> CowStates {
    CowStates::read(STATES.as_bytes(), "states2016.csv")
        .strict()
        .expect("the excerpt loads")
}

/// Every error a user can see: one line, of readable length, with its file
/// and (unless the input could not be read) its line.
fn check_error(e: &Error, file: &str) -> Result<(), TestCaseError> {
    let msg = e.to_string();
    prop_assert!(
        !msg.contains('\n') && !msg.contains('\r'),
        "message on two lines: {msg:?}"
    );
    prop_assert!(msg.len() < 2_000, "message of {} bytes", msg.len());
    prop_assert!(!msg.is_empty());
    if e.file_name() != Some(file) {
        // A later build problem may name another file only if it has one.
        prop_assert!(e.file_name().is_some(), "no file in {msg}");
    }
    if !matches!(e.kind(), ErrorKind::Io(_)) {
        prop_assert!(e.line().is_some(), "no line in {msg}");
    }
    Ok(())
}

/// Data rows as a spreadsheet user counts them: records after the header,
/// blank lines aside, line ends normalized and the separator sniffed as the
/// table layer does.
fn data_rows(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let first = text.split('\n').next().unwrap_or("");
    let tabs = first.matches('\t').count();
    let commas = first.matches(',').count();
    let mut r = csv::ReaderBuilder::new()
        .delimiter(if tabs > commas { b'\t' } else { b',' })
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.byte_records()
        .skip(1)
        .filter_map(Result::ok)
        .filter(|rec| !(rec.len() == 1 && String::from_utf8_lossy(&rec[0]).trim().is_empty()))
        .count()
}

/// The invariants of a dataset an importer built: spells in order, none
/// ending before it starts, queries that answer; with `counts` (when no
/// event can have been refused), every event the reader added is kept.
fn check_dataset(ds: &Dataset, counts: Option<&ImportCounts>) -> Result<(), TestCaseError> {
    if let Some(counts) = counts {
        prop_assert_eq!(ds.events().count(), counts.events, "events added vs kept");
    }
    let pairs: BTreeSet<(String, String)> = ds
        .spell_records()
        .iter()
        .map(|r| (r.org.to_string(), r.member.to_string()))
        .collect();
    for (org, member) in &pairs {
        let Ok(tl) = ds.timeline(org, member) else {
            continue;
        };
        let mut prev_end = None;
        for s in tl.spells() {
            if let Some(end) = s.end() {
                prop_assert!(s.start() <= end, "spell ends before it starts: {s:?}");
            }
            if let Some(p) = prev_end {
                prop_assert!(p <= s.start(), "spells overlap in {org}/{member}");
            }
            prev_end = s.end();
            let _ = ds.members_on(org.as_str(), s.start()).map(Iterator::count);
        }
        let days = tl.member_days();
        for set in [
            &days.preferred,
            &days.definite,
            &days.possible,
            &days.unknown,
        ] {
            prop_assert!(
                set.change_points().windows(2).all(|w| w[0] < w[1]),
                "member days not normalized"
            );
        }
        prop_assert!(
            days.definite.is_subset(&days.preferred) && days.preferred.is_subset(&days.possible),
            "member days: definite ⊆ preferred ⊆ possible does not hold"
        );
        // No answer after a source's end is definite (issue 10).
        if let Some(after) = tl.known_until().and_then(|k| k.succ_opt()) {
            let a = ds
                .status_on(org.as_str(), member.as_str(), after)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(
                a.certainty() == Certainty::Unknown || a.basis() == Basis::NotAState,
                "{org}/{member} on {after}, past the coverage: {:?}",
                a.certainty()
            );
        }
    }
    Ok(())
}

/// Whether a report is one problem with the whole file (its header, no
/// rows, unreadable), which reads nothing. Row problems are on line 2 or
/// later and never `Empty`.
fn whole_file(report: &[Error]) -> bool {
    matches!(report, [e] if e.line() <= Some(1) || matches!(e.kind(), ErrorKind::Empty(_)))
}

/// What reading `bytes` into a fresh builder and building must guarantee,
/// whatever the bytes.
///
/// Strict and lenient reading are one code path now (issue 10 item 7: one
/// `Report`, strict or lenient a choice made on it), so where this once
/// compared a strict read with a lenient read of the same bytes it checks
/// the report against what both promised:
///
/// - the strict result is the first problem of the report (from a second
///   build of the same reads), and a strict success is a report without
///   problems;
/// - every problem is positioned and one line, and they come in line order;
/// - every data row is kept or named: rows read and rows left out add up
///   to the data rows, and each row left out has its problem; or the file
///   is refused as a whole and nothing is read from it;
/// - a read without problems counted every data row, and it and what a
///   read with problems kept build into sane datasets (every event the
///   reader added kept, unless the build refused some).
fn check_read(
    bytes: &[u8],
    file: &str,
    read: impl Fn(&mut DatasetBuilder),
) -> Result<(), TestCaseError> {
    let mut b = Dataset::builder();
    read(&mut b);
    let strict = b.clone().build().strict();
    let report = b.build();
    prop_assert_eq!(report.counts.len(), 1, "one file read: {:?}", report.counts);
    let (name, counts) = &report.counts[0];
    prop_assert_eq!(name.as_str(), file);
    let problems = &report.problems;
    for p in problems {
        check_error(p, file)?;
    }
    prop_assert!(
        problems.windows(2).all(|w| w[0].line() <= w[1].line()),
        "problems not in line order: {problems:?}"
    );
    match &strict {
        Ok(ds) => {
            prop_assert!(
                problems.is_empty(),
                "strict build passed, the report has {problems:?}"
            );
            prop_assert_eq!(counts.rows, data_rows(bytes), "rows read vs data rows");
            check_dataset(ds, Some(counts))?;
            let _ = ds.check_state_existence(&states());
        }
        Err(e) => prop_assert_eq!(problems.first(), Some(e), "strict error vs first problem"),
    }
    if whole_file(problems) {
        prop_assert_eq!(*counts, ImportCounts::default());
        prop_assert!(
            report.data.organizations().is_empty() && report.data.events().count() == 0,
            "a file refused as a whole added records"
        );
        return Ok(());
    }
    prop_assert!(
        counts.skipped <= problems.len(),
        "rows skipped ({}) vs problems {problems:?}",
        counts.skipped
    );
    prop_assert_eq!(
        counts.rows + counts.skipped,
        data_rows(bytes),
        "rows kept and skipped vs data rows"
    );
    // Every problem a skipped row's: the build refused nothing.
    let nothing_refused = problems.len() == counts.skipped;
    check_dataset(&report.data, nothing_refused.then_some(counts))?;
    let _ = report.data.check_state_existence(&states());
    Ok(())
}

pub fn check_atop(bytes: &[u8], with_states: bool) -> Result<(), TestCaseError> {
    let st = states();
    let st = with_states.then_some(&st);
    check_read(bytes, "atop.csv", |b| {
        b.read(Atop::states(st), bytes, "atop.csv");
    })
}

pub fn check_cow_igo(bytes: &[u8], with_states: bool) -> Result<(), TestCaseError> {
    let st = states();
    let st = with_states.then_some(&st);
    check_read(bytes, "igo.csv", |b| {
        b.read(CowIgo::states(st), bytes, "igo.csv");
    })
}

/// The state list a lenient read keeps: the invariants of a list.
fn check_list(list: &CowStates) -> Result<(), TestCaseError> {
    prop_assert!(list.len() <= list.rows());
    for s in list {
        prop_assert!(!s.existence().is_empty(), "state {} never exists", s.code());
        prop_assert_eq!(list.by_code(s.code()).map(|t| t.code()), Some(s.code()));
        prop_assert_eq!(list.by_column(s.column()).map(|t| t.code()), Some(s.code()));
        prop_assert_eq!(
            list.by_abbreviation(s.abbreviation()).map(|t| t.code()),
            Some(s.code())
        );
    }
    Ok(())
}

pub fn check_cow_states(bytes: &[u8]) -> Result<(), TestCaseError> {
    let file = "states2016.csv";
    let (lenient, report) = CowStates::read(bytes, file).into_parts();
    for p in &report {
        check_error(p, file)?;
    }
    match CowStates::read(bytes, file).strict() {
        Ok(list) => {
            prop_assert!(
                report.is_empty(),
                "strict read, lenient problems: {report:?}"
            );
            prop_assert_eq!(&lenient, &list);
        }
        Err(e) => prop_assert_eq!(report.first(), Some(&e), "strict error vs first problem"),
    }
    if whole_file(&report) {
        prop_assert_eq!(&lenient, &CowStates::default());
    } else {
        prop_assert_eq!(
            lenient.rows() + report.len(),
            data_rows(bytes),
            "rows kept and problems vs data rows"
        );
        check_list(&lenient)?;
    }
    match CowStates::read(bytes, file).strict() {
        Err(e) => check_error(&e, "states2016.csv"),
        Ok(list) => {
            prop_assert_eq!(list.rows(), data_rows(bytes), "rows read vs data rows");
            prop_assert!(list.len() <= list.rows() && !list.is_empty());
            for s in &list {
                prop_assert!(!s.existence().is_empty(), "state {} never exists", s.code());
                prop_assert_eq!(list.by_code(s.code()).map(|t| t.code()), Some(s.code()));
                prop_assert_eq!(list.by_column(s.column()).map(|t| t.code()), Some(s.code()));
            }
            for e in bundled().check_state_existence(&list) {
                check_error(&e, "events.csv")?;
            }
            // The ATOP excerpt reads with any list: every row read, none
            // left out (problems the build finds are allowed).
            let mut b = Dataset::builder();
            b.read(Atop::with_states(&list), ATOP.as_bytes(), "atop.csv");
            let report = b.build();
            let counts = report.counts[0].1;
            prop_assert!(
                counts.skipped == 0 && counts.rows == data_rows(ATOP.as_bytes()),
                "the ATOP excerpt with this list: {:?}",
                report.problems
            );
            if let Ok(ds) = report.strict() {
                for e in ds.check_state_existence(&list) {
                    check_error(&e, "atop.csv")?;
                    prop_assert!(matches!(e.kind(), ErrorKind::StateNotInSystem(_)));
                }
            }
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------
// Inputs.

/// Bits of text that break these files in interesting ways.
const TOKENS: &[&str] = &[
    ",",
    "\"",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{feff}",
    "",
    " ",
    "\"a,b\"",
    "\0",
    "0",
    "1",
    "2",
    "3",
    "-1",
    "-9",
    "-2",
    "4",
    "12",
    "13",
    "29",
    "30",
    "31",
    "32",
    "1816",
    "1992",
    "1993",
    "2016",
    "2017",
    "0999",
    "10000",
    "-2147483648",
    "2147483647",
    "2147483648",
    "4294967295",
    "4294967296",
    "65535",
    "65536",
    "99999999999999999999",
    "+1",
    "1.0",
    "1e3",
    " 1 ",
    "abc",
    "RUS",
    "russia",
    "365",
    "705",
    "4220",
    "CSTO",
    "ioname",
    "orgname",
    "year",
    "atopid",
    "member",
    "phase",
    "ccode",
    "stateabb",
    "state",
    "version",
];

#[path = "support/mutate.rs"]
mod mutate;
use mutate::{Input, apply, mutation};

/// Input for a loader: a mutated sample (one of `samples`), or arbitrary
/// bytes (often after the sample's header, so that they reach the rows).
fn loader_input(samples: &'static [&'static str]) -> impl Strategy<Value = Input> {
    prop_oneof![
        4 => (0..samples.len(), proptest::collection::vec(mutation(TOKENS.len()), 1..8))
            .prop_map(move |(s, m)| Input(apply(samples[s], &m, TOKENS))),
        1 => (0..samples.len(), any::<bool>(), proptest::collection::vec(any::<u8>(), 0..2_000))
            .prop_map(move |(s, h, mut b)| {
                if h {
                    let header = samples[s].lines().next().unwrap_or("");
                    let mut v = format!("{header}\n").into_bytes();
                    v.append(&mut b);
                    Input(v)
                } else {
                    Input(b)
                }
            }),
    ]
}

// ---------------------------------------------------------------------------
// Targets.

#[test]
fn fuzz_atop() {
    run(
        "atop",
        (loader_input(&[ATOP, ATOP_TSV]), any::<bool>()),
        |(input, st)| check_atop(&input.0, st),
    );
}

#[test]
fn fuzz_cow_igo() {
    run(
        "cow_igo",
        (loader_input(&[IGO, IGO_TSV]), any::<bool>()),
        |(input, st)| check_cow_igo(&input.0, st),
    );
}

#[test]
fn fuzz_cow_states() {
    run("cow_states", loader_input(&[STATES]), |input| {
        check_cow_states(&input.0)
    });
}

#[test]
fn samples_pass_the_checks() {
    for st in [false, true] {
        check_atop(ATOP.as_bytes(), st).unwrap();
        check_atop(ATOP_TSV.as_bytes(), st).unwrap();
        check_cow_igo(IGO.as_bytes(), st).unwrap();
        check_cow_igo(IGO_TSV.as_bytes(), st).unwrap();
    }
    check_cow_states(STATES.as_bytes()).unwrap();
}

/// Failures the fuzz runs found, each shrunk case a named test.
mod regressions {
    use super::*;

    /// fuzz_cow_igo, after the merge: a state column named by white space
    /// became a party with an empty code, refused by the builder with no
    /// file or line. Now a header error at line 1.
    #[test]
    fn cow_igo_blank_state_column() {
        let text = "ioname,orgname,year,\t,russia\nXIGO,Example,1990,1,0\n";
        check_cow_igo(text.as_bytes(), false).unwrap();
        let err = Dataset::builder()
            .read(CowIgo::new(), text.as_bytes(), "igo.csv")
            .build()
            .strict()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Header(_)), "{err}");
        assert_eq!(err.line(), Some(1));
    }

    /// fuzz_atop, in CI after the builder began checking API-added parties:
    /// an ATOP member `0` became a party with COW code 0, refused by the
    /// builder with no file or line. Now an error at the row's `member`.
    #[test]
    fn atop_member_zero() {
        let text = "atopid\tmember\tyrent\tmoent\tdayent\tyrexit\tmoexit\tdayexit\tphase\tmaxphase\n\
                    9001\t0\t1950\t0\t0\t1960\t6\t0\t0\t0\n";
        check_atop(text.as_bytes(), false).unwrap();
        let err = Dataset::builder()
            .read(Atop::new(), text.as_bytes(), "atop.csv")
            .build()
            .strict()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidValue(_)), "{err}");
        assert_eq!((err.line(), err.field()), (Some(2), Some("member")));
    }

    /// fuzz_cow_igo, first 15 s run: two ionames differing only in case
    /// (`CSTO`, `cSTO`) gave a build error with no file or line (names were
    /// added without an origin). Now a Duplicate at the second one's row.
    #[test]
    fn cow_igo_ioname_differing_in_case() {
        let mut lines: Vec<String> = IGO.lines().map(str::to_string).collect();
        let i = lines.iter().rposition(|l| l.starts_with("CSTO,")).unwrap();
        lines[i] = lines[i].replacen("CSTO", "cSTO", 1);
        let text = lines.join("\n") + "\n";
        check_cow_igo(text.as_bytes(), false).unwrap();
        let err = Dataset::builder()
            .read(CowIgo::new(), text.as_bytes(), "igo.csv")
            .build()
            .strict()
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Duplicate(_)), "{err}");
        assert_eq!(
            (err.line(), err.field()),
            (Some(i as u64 + 1), Some("ioname"))
        );
    }

    /// fuzz_cow_states, first 15 s run: a header-only state list said "the
    /// state list has no rows" with no line; now line 2, as the bundled
    /// loader says it (and ATOP and COW IGO, which accepted such a file).
    #[test]
    fn cow_states_header_only() {
        let header = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday";
        check_cow_states(header.as_bytes()).unwrap();
        let err = CowStates::read(header.as_bytes(), "states2016.csv")
            .strict()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "states2016.csv:2: the file has a header but no rows"
        );
        for (text, file) in [(ATOP, "atop.csv"), (IGO, "igo.csv")] {
            let header = text.lines().next().unwrap();
            let mut b = Dataset::builder();
            let err = if file == "atop.csv" {
                b.read(Atop::new(), header.as_bytes(), file)
                    .build()
                    .strict()
                    .unwrap_err()
            } else {
                b.read(CowIgo::new(), header.as_bytes(), file)
                    .build()
                    .strict()
                    .unwrap_err()
            };
            assert_eq!(
                err.to_string(),
                format!("{file}:2: the file has a header but no rows")
            );
        }
    }
}
