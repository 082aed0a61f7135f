//! Full-file checks against the published datasets (run by CI):
//!
//! ```text
//! cargo run --release --example check_datasets -- \
//!     ../shared/datasets/atop-v4.01/atop-member-level.csv \
//!     ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv \
//!     ../shared/datasets/cow-states-2016/states2016.csv
//! ```
//!
//! It prints what it read and checked, and exits with code 1 on any
//! mismatch (2 on a file that cannot be read):
//!
//! - every data row of each file is read: the importer's row count equals
//!   an independent count of CSV records;
//! - the lenient readers find no problem in the files and read what the
//!   strict ones read;
//! - the bundled data's states were in the state system whenever they held
//!   a status (`Dataset::check_state_existence`);
//! - ATOP alliance 4220 and the bundled CST/CSTO data agree where the
//!   bundled data cites ATOP: each reading citing ATOP has an ATOP event of
//!   the same member, day and sense (joins, leaves, further instruments),
//!   and each ATOP event has such a reading;
//! - every (IGO, state, year) cell of the COW IGO file: the panel code
//!   (year rule: 31 December) equals the file's, and the three-valued
//!   membership answers agree with it (1: definite member; 0, -1: not a
//!   member; -9: possible, never definite, never "no").

use std::collections::HashMap;
use std::process::exit;
use std::time::Instant;

use membership_history::{Certainty, CowStates, Dataset, EventKind, YearRule, bundled};

fn fail(msg: &str) -> ! {
    eprintln!("error: {msg}");
    exit(2)
}

/// Data records in a CSV file, counted by the csv crate alone.
fn records(path: &str) -> usize {
    let file = std::fs::File::open(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(file);
    rd.records()
        .filter(|r| {
            r.as_ref()
                .is_ok_and(|r| !(r.len() == 1 && r[0].trim().is_empty()))
        })
        .count()
}

struct Tally {
    failures: usize,
}

impl Tally {
    fn check(&mut self, ok: bool, what: &str) {
        println!("  [{}] {what}", if ok { "ok" } else { "FAIL" });
        if !ok {
            self.failures += 1;
        }
    }
}

/// The lenient reader of a file the strict one read: no problem, and the
/// same result (`same`).
fn lenient_check(t: &mut Tally, report: &[membership_history::Error], same: bool) {
    for p in report.iter().take(10) {
        println!("    {p}");
    }
    t.check(
        report.is_empty() && same,
        &format!(
            "lenient read: {} problems, {} result as the strict read",
            report.len(),
            if same { "same" } else { "NOT the same" }
        ),
    );
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sense {
    Join,
    Leave,
    Instrument,
    Other,
}

fn sense(k: EventKind) -> Sense {
    match k {
        EventKind::Signed | EventKind::Acceded | EventKind::Returned => Sense::Join,
        EventKind::Withdrew | EventKind::NotRenewed | EventKind::Suspended => Sense::Leave,
        EventKind::InstrumentSigned | EventKind::Renewed => Sense::Instrument,
        _ => Sense::Other,
    }
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let [atop_path, igo_path, states_path] = paths.as_slice() else {
        fail("usage: check_datasets ATOP_MEMBER_LEVEL.csv IGO_YEAR.csv STATES2016.csv");
    };
    let mut t = Tally { failures: 0 };

    // --- COW states
    let states = CowStates::from_path(states_path).unwrap_or_else(|e| fail(&e.to_string()));
    let n = records(states_path);
    println!(
        "{states_path}: {} rows, {} states",
        states.rows(),
        states.len()
    );
    t.check(
        states.rows() == n,
        &format!("every row read ({} of {n})", states.rows()),
    );
    let (lenient, report) = CowStates::from_path_lenient(states_path);
    lenient_check(&mut t, &report, lenient == states);
    let errs = bundled().check_state_existence(&states);
    for e in &errs {
        println!("    {e}");
    }
    t.check(
        errs.is_empty(),
        &format!(
            "bundled data: {} spells of a state outside the state system",
            errs.len()
        ),
    );

    // --- ATOP
    let start = Instant::now();
    let mut b = Dataset::builder();
    let f = std::fs::File::open(atop_path).unwrap_or_else(|e| fail(&format!("{atop_path}: {e}")));
    let counts = b
        .read_atop(f, "atop-member-level.csv", Some(&states))
        .unwrap_or_else(|e| fail(&e.to_string()));
    let (atop, problems) = b.build_lenient();
    let n = records(atop_path);
    println!(
        "{atop_path}: {} rows, {} alliances, {} states, {} events, {} spells ({:.0} ms)",
        counts.rows,
        counts.organizations,
        counts.states,
        counts.events,
        atop.spell_records().len(),
        start.elapsed().as_secs_f64() * 1e3
    );
    t.check(
        counts.rows == n,
        &format!("every row read ({} of {n})", counts.rows),
    );
    let f = std::fs::File::open(atop_path).unwrap_or_else(|e| fail(&format!("{atop_path}: {e}")));
    let mut lb = Dataset::builder();
    let (lenient, report) = lb.read_atop_lenient(f, "atop-member-level.csv", Some(&states));
    lenient_check(&mut t, &report, lenient == counts);
    for p in problems.iter().take(10) {
        println!("    {p}");
    }
    t.check(
        problems.is_empty(),
        &format!("{} problems building the ATOP dataset", problems.len()),
    );
    let errs = atop.check_state_existence(&states);
    println!(
        "  (info) ATOP spells of a state outside the state system: {}",
        errs.len()
    );

    // ATOP 4220 against the bundled CST/CSTO where the bundled data cites ATOP.
    let ours = bundled();
    let by_cow: HashMap<u16, &str> = ours
        .parties()
        .iter()
        .filter_map(|p| p.cow_code().map(|c| (c, p.code())))
        .collect();
    let mut atop_events: Vec<(String, chrono::NaiveDate, Sense)> = Vec::new();
    for p in atop.parties() {
        let Ok(evs) = atop.events_of("4220", p.code()) else {
            continue;
        };
        for e in evs {
            let code = p
                .cow_code()
                .and_then(|c| by_cow.get(&c))
                .map_or_else(|| p.code().to_string(), |c| c.to_string());
            atop_events.push((code, e.day(), sense(e.kind())));
        }
    }
    let mut cited = Vec::new();
    for e in ours.events().filter(|e| e.org() == "CSTO") {
        let Some(member) = e.member() else { continue };
        for r in e
            .readings()
            .iter()
            .filter(|r| r.sources().iter().any(|s| s == "ATOP"))
        {
            if r.date().is_exact() {
                cited.push((member.to_string(), r.date().earliest(), sense(e.kind())));
            }
        }
    }
    let missing_in_atop: Vec<_> = cited.iter().filter(|c| !atop_events.contains(c)).collect();
    let missing_in_bundled: Vec<_> = atop_events.iter().filter(|a| !cited.contains(a)).collect();
    for m in &missing_in_atop {
        println!("    bundled cites ATOP, ATOP 4220 lacks: {m:?}");
    }
    for m in &missing_in_bundled {
        println!("    ATOP 4220 has, bundled does not cite: {m:?}");
    }
    t.check(
        missing_in_atop.is_empty() && missing_in_bundled.is_empty(),
        &format!(
            "ATOP 4220 vs bundled CSTO: {} ATOP events, {} bundled readings citing ATOP, all matched by member, day and sense",
            atop_events.len(),
            cited.len()
        ),
    );
    let days = |ds: &Dataset, org: &str, code: &str| {
        ds.member_days(org, code)
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    for p in atop
        .parties()
        .iter()
        .filter(|p| atop.timeline("4220", p.code()).is_ok_and(|t| !t.is_empty()))
    {
        let b_code = p
            .cow_code()
            .and_then(|c| by_cow.get(&c))
            .copied()
            .unwrap_or("?");
        println!(
            "    {:<4} ATOP {:<48} bundled {}",
            p.code(),
            days(&atop, "4220", p.code()),
            days(ours, "CSTO", b_code)
        );
    }

    // --- COW IGO
    let start = Instant::now();
    let igo =
        Dataset::from_cow_igo(igo_path, Some(&states)).unwrap_or_else(|e| fail(&e.to_string()));
    let load = start.elapsed();
    let mut b = Dataset::builder();
    let f = std::fs::File::open(igo_path).unwrap_or_else(|e| fail(&format!("{igo_path}: {e}")));
    let counts = b
        .read_cow_igo(f, "igo_year_formatv3.csv", Some(&states))
        .unwrap_or_else(|e| fail(&e.to_string()));
    let n = records(igo_path);
    println!(
        "{igo_path}: {} rows, {} IGOs, {} states, {} events, {} spells (loaded in {:.0} ms)",
        counts.rows,
        counts.organizations,
        counts.states,
        counts.events,
        igo.spell_records().len(),
        load.as_secs_f64() * 1e3
    );
    t.check(
        counts.rows == n,
        &format!("every row read ({} of {n})", counts.rows),
    );
    let (lenient, report) = Dataset::from_cow_igo_lenient(igo_path, Some(&states));
    lenient_check(
        &mut t,
        &report,
        lenient.events().eq(igo.events())
            && lenient.spell_records().len() == igo.spell_records().len(),
    );

    let file = std::fs::File::open(igo_path).unwrap_or_else(|e| fail(&format!("{igo_path}: {e}")));
    let mut rd = csv::Reader::from_reader(file);
    let header = rd
        .headers()
        .unwrap_or_else(|e| fail(&e.to_string()))
        .clone();
    let cols: Vec<(usize, &str)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| states.by_column(h).map(|s| (i, s.abbreviation())))
        .collect();
    let (mut cells, mut by_code) = (0usize, HashMap::<i8, usize>::new());
    let mut mismatches: HashMap<(i8, i8), usize> = HashMap::new();
    let mut minus_one: HashMap<(i8, i8), usize> = HashMap::new();
    let mut examples: Vec<String> = Vec::new();
    let mut three_valued_bad = 0usize;
    for rec in rd.records() {
        let rec = rec.unwrap_or_else(|e| fail(&e.to_string()));
        let (org, year) = (
            &rec[0],
            rec[2]
                .parse::<i32>()
                .unwrap_or_else(|e| fail(&e.to_string())),
        );
        let dec31 = chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
        let jul1 = chrono::NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or_default();
        for &(i, abb) in &cols {
            let want: i8 = rec[i].parse().unwrap_or_else(|_| fail("bad code"));
            cells += 1;
            *by_code.entry(want).or_default() += 1;
            // Without the state list -1 cannot be told from 0: exact.
            let got = igo
                .cow_code(org, abb, year, YearRule::EndOfYear, None)
                .unwrap_or(i8::MIN);
            if got != want.max(0) && !(want == -9 && got == -9) {
                *mismatches.entry((want, got)).or_default() += 1;
                if examples.len() < 10 {
                    examples.push(format!("{org} {abb} {year}: file {want}, ours {got}"));
                }
            }
            // With it, -1 comes from states2016, which COW IGO does not
            // always follow: count those cells apart.
            let with_list = igo
                .cow_code(org, abb, year, YearRule::EndOfYear, Some(&states))
                .unwrap_or(i8::MIN);
            if with_list != want {
                match (want, with_list) {
                    (-1, 0) | (0, -1) => *minus_one.entry((want, with_list)).or_default() += 1,
                    _ => {
                        *mismatches.entry((want, with_list)).or_default() += 1;
                        if examples.len() < 10 {
                            examples.push(format!("{org} {abb} {year}: file {want}, ours with the state list {with_list}"));
                        }
                    }
                }
            }
            let m = igo.membership_on(org, abb, dec31).unwrap_or(None);
            let m_mid = igo.membership_on(org, abb, jul1).unwrap_or(None);
            let ok = match want {
                1 => m == Some(Certainty::Definite),
                0 | -1 => m.is_none(),
                -9 => m == Some(Certainty::Possible) && m_mid == Some(Certainty::Possible),
                _ => m != Some(Certainty::Definite),
            };
            if !ok {
                three_valued_bad += 1;
                if examples.len() < 20 {
                    examples.push(format!(
                        "{org} {abb} {year}: file {want}, membership_on {m:?} (1 July: {m_mid:?})"
                    ));
                }
            }
        }
    }
    let mut codes: Vec<_> = by_code.into_iter().collect();
    codes.sort_unstable();
    println!("  cells checked: {cells} (by code in the file: {codes:?})");
    for e in &examples {
        println!("    {e}");
    }
    let mut mm: Vec<_> = mismatches.into_iter().collect();
    mm.sort_unstable();
    t.check(mm.is_empty(), &format!("panel code (31 December) equals the file's in every cell; mismatches (file, ours): {mm:?}"));
    let mut m1: Vec<_> = minus_one.into_iter().collect();
    m1.sort_unstable();
    println!(
        "  (info) -1 from states2016 (not in the system on 31 December) vs the file's -1, cells (file, ours): {m1:?}"
    );
    t.check(three_valued_bad == 0, &format!("three-valued membership agrees with the file in every cell ({three_valued_bad} disagree)"));

    println!("{} failed checks", t.failures);
    if t.failures > 0 {
        exit(1);
    }
}
