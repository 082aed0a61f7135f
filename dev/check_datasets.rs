//! Full-file checks against the published datasets (run by CI):
//!
//! ```text
//! cargo run --release -p membership-history-dev --bin check_datasets -- \
//!     ../shared/datasets/atop-v4.01/atop-member-level.csv \
//!     ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv \
//!     ../shared/datasets/cow-states-2016/states2016.csv \
//!     [../shared/datasets/atop-v4.01/atop-alliance-level.csv]
//! ```
//!
//! It prints what it read and checked, and exits with code 1 on any
//! disagreement (2 on a file that cannot be read):
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
//! - every (IGO, state, year) cell of the COW IGO file (columns read by
//!   header name): the panel code (year rule: 31 December) equals the
//!   file's, and the three-valued answer on that year's 31 December agrees
//!   with it (the state list loaded):
//!   - `1`, `2`, `3`: never "no status", and `1` never "not a member", on a
//!     day the state was in the state system; never unknown;
//!   - `-9`: never a member (possible or definite), and unknown (on
//!     31 December and 1 July) whenever the state was in the state system;
//!   - `0` (and `-1`): never a definite member, a possible one only where
//!     the nearest known neighbouring year of the same IGO and state has
//!     `1` (a change window), never unknown;
//! - no answer after a source's end is definite: on days after each
//!   organization's `known_until` (after the dataset's last covered day for
//!   an organization without one), in the bundled data, ATOP and COW IGO,
//!   no answer of `members_on`, and none of `status_on` for any pair with a
//!   record, is definite with a status;
//! - the dyad-year panel (issue 14), for a seeded sample of dyad-years
//!   (SplitMix64, seed 14, 400 undirected dyad-years drawn from the
//!   31 December panel, and three fixed ones in a year some IGO has no row): see `dyad_sample` for exactly what is compared;
//!   with the alliance-level file, every member-level obligation is checked
//!   against its alliance's row (disagreements are printed as the files
//!   say them).

use std::collections::HashMap;
use std::process::exit;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use membership_history::{
    Atop, AtopObligations, Basis, Certainty, CowIgo, CowStates, Dataset, DyadYear, EventKind,
    OBLIGATIONS, Obligations, Panels, YearRule, bundled,
};

fn fail(msg: &str) -> ! {
    eprintln!("error: {msg}");
    exit(2)
}

/// The separator of a file, sniffed from its header line as the library
/// does: a tab-separated file is read as such, not misread as one column.
fn delimiter(path: &str) -> u8 {
    let text = std::fs::read(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let first = text.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let count = |c: u8| first.iter().filter(|&&b| b == c).count();
    if count(b'\t') > count(b',') {
        b'\t'
    } else {
        b','
    }
}

/// A published file opened for the csv crate, its separator sniffed.
fn open_csv(path: &str, flexible: bool) -> csv::Reader<std::fs::File> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    csv::ReaderBuilder::new()
        .flexible(flexible)
        .delimiter(delimiter(path))
        .from_reader(file)
}

/// A file opened as [`open_csv`] does, with its header, and a lookup of a
/// column by name (a missing one fails naming the file).
fn open_with_header(path: &str) -> (csv::Reader<std::fs::File>, csv::StringRecord) {
    let mut rd = open_csv(path, false);
    let header = rd
        .headers()
        .unwrap_or_else(|e| fail(&e.to_string()))
        .clone();
    (rd, header)
}

fn column(path: &str, header: &csv::StringRecord, name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| fail(&format!("{path}: no column `{name}`")))
}

/// Data records in a CSV file, counted by the csv crate alone.
fn records(path: &str) -> usize {
    let mut rd = open_csv(path, true);
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
    // Arguments are paths, which can be any bytes: one that is not UTF-8 is
    // a one-line error (`std::env::args` would panic).
    let paths: Vec<String> = match std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect()
    {
        Ok(p) => p,
        Err(a) => {
            eprintln!("error: argument {a:?} is not valid UTF-8");
            std::process::exit(2);
        }
    };
    let (atop_path, igo_path, states_path, alliance_path) = match paths.as_slice() {
        [a, i, s] => (a, i, s, None),
        [a, i, s, l] => (a, i, s, Some(l.as_str())),
        _ => fail(
            "usage: check_datasets ATOP_MEMBER_LEVEL.csv IGO_YEAR.csv STATES2016.csv [ATOP_ALLIANCE_LEVEL.csv]",
        ),
    };
    let mut t = Tally { failures: 0 };

    // --- COW states
    let states = CowStates::read_path(states_path)
        .strict()
        .unwrap_or_else(|e| fail(&e.to_string()));
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
    // One code path reads strictly and leniently: the report's problems
    // are what a strict reading stops at.
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
    let report = Dataset::builder()
        .read_path(Atop::with_states(&states), atop_path)
        .build();
    let counts = report.counts.first().map(|c| c.1).unwrap_or_default();
    let (atop, problems) = report.into_parts();
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
    let mut atop_events: Vec<(String, NaiveDate, Sense)> = Vec::new();
    for p in atop.parties() {
        let Ok(tl) = atop.timeline("4220", p.code()) else {
            continue;
        };
        for e in tl.events() {
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
        ds.timeline(org, code)
            .map(|t| t.member_days().preferred.to_string())
            .unwrap_or_default()
    };
    for p in atop.parties().iter().filter(|p| {
        atop.timeline("4220", p.code())
            .is_ok_and(|t| !t.spells().is_empty())
    }) {
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
    let report = Dataset::builder()
        .read_path(CowIgo::with_states(&states), igo_path)
        .build();
    let load = start.elapsed();
    let counts = report.counts.first().map(|c| c.1).unwrap_or_default();
    for p in report.problems.iter().take(10) {
        println!("    {p}");
    }
    t.check(
        report.problems.is_empty(),
        &format!(
            "{} problems reading the COW IGO file",
            report.problems.len()
        ),
    );
    let igo = report.data;
    let n = records(igo_path);
    println!(
        "{igo_path}: {} rows, {} IGOs, {} states, {} events, {} spells, {} gaps (loaded in {:.0} ms)",
        counts.rows,
        counts.organizations,
        counts.states,
        counts.events,
        igo.spell_records().len(),
        igo.unknowns().len(),
        load.as_secs_f64() * 1e3
    );
    t.check(
        counts.rows == n,
        &format!("every row read ({} of {n})", counts.rows),
    );
    let plain = Dataset::builder()
        .read_path(CowIgo::new(), igo_path)
        .build()
        .strict()
        .unwrap_or_else(|e| fail(&e.to_string()));
    let cells = read_igo_cells(igo_path, &states);
    cow_cells(&mut t, &igo, &plain, &states, &cells);
    drop(plain);
    dyad_sample(&mut t, &igo, &states, &cells, atop_path, alliance_path);

    // --- After each source's end, nothing is definite.
    after_the_end(&mut t, "bundled data", ours);
    after_the_end(&mut t, "ATOP", &atop);
    after_the_end(&mut t, "COW IGO", &igo);

    println!("{} failed checks", t.failures);
    if t.failures > 0 {
        exit(1);
    }
}

/// One IGO's rows: (year, one code per state column), by year.
type IgoRows = Vec<(i32, Vec<i8>)>;

/// The state columns of the COW IGO file and every IGO's rows, read by
/// header name: `ioname`, `year`, and each column the state list knows.
struct IgoCells {
    /// (column name, the state's abbreviation, COW state code), in file order.
    states: Vec<(String, String, u16)>,
    /// Each IGO's name and rows.
    igos: Vec<(String, IgoRows)>,
}

fn read_igo_cells(path: &str, states: &CowStates) -> IgoCells {
    let (mut rd, header) = open_with_header(path);
    let (io_col, year_col) = (
        column(path, &header, "ioname"),
        column(path, &header, "year"),
    );
    let cols: Vec<(usize, String, String, u16)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            states
                .by_column(h)
                .map(|s| (i, h.to_string(), s.abbreviation().to_string(), s.code()))
        })
        .collect();
    let mut igos: Vec<(String, IgoRows)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for rec in rd.records() {
        let rec = rec.unwrap_or_else(|e| fail(&e.to_string()));
        let org = &rec[io_col];
        let year: i32 = rec[year_col]
            .parse()
            .unwrap_or_else(|e| fail(&format!("{org}: year: {e}")));
        let codes: Vec<i8> = cols
            .iter()
            .map(|(i, _, _, _)| {
                rec[*i]
                    .parse()
                    .unwrap_or_else(|_| fail(&format!("{org} {year}: bad code {}", &rec[*i])))
            })
            .collect();
        let k = *at.entry(org.to_string()).or_insert_with(|| {
            igos.push((org.to_string(), Vec::new()));
            igos.len() - 1
        });
        igos[k].1.push((year, codes));
    }
    for (_, rows) in &mut igos {
        rows.sort_by_key(|r| r.0);
    }
    IgoCells {
        states: cols.into_iter().map(|(_, h, a, c)| (h, a, c)).collect(),
        igos,
    }
}

fn dec31(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_else(|| fail(&format!("year {year}")))
}

/// Counts of disagreements by rule, with the first few cells of each.
#[derive(Default)]
struct Disagreements {
    by_rule: Vec<(&'static str, usize, Vec<String>)>,
}

impl Disagreements {
    fn add(&mut self, rule: &'static str, cell: impl FnOnce() -> String) {
        let i = match self.by_rule.iter().position(|r| r.0 == rule) {
            Some(i) => i,
            None => {
                self.by_rule.push((rule, 0, Vec::new()));
                self.by_rule.len() - 1
            }
        };
        let r = &mut self.by_rule[i];
        r.1 += 1;
        if r.2.len() < 10 {
            r.2.push(cell());
        }
    }
    fn total(&self) -> usize {
        self.by_rule.iter().map(|r| r.1).sum()
    }
    fn print(&self) {
        for (rule, n, cells) in &self.by_rule {
            println!("    {rule}: {n} cells");
            for c in cells {
                println!("      {c}");
            }
        }
    }
}

/// Every cell of the COW IGO file against the panel code and the
/// three-valued answer on its year's 31 December.
///
/// `plain` is the same file read without the state list (parties named by
/// column, no existence), whose panel codes are the file's with `-1` read
/// as `0`; `igo` was read with it.
fn cow_cells(t: &mut Tally, igo: &Dataset, plain: &Dataset, states: &CowStates, cells: &IgoCells) {
    let party = |ds: &Dataset, code: &str| {
        ds.party_id(code)
            .unwrap_or_else(|| fail(&format!("COW IGO data: no party {code}")))
    };
    let parties: Vec<_> = cells
        .states
        .iter()
        .map(|(column, abb, _)| (party(igo, abb), party(plain, column)))
        .collect();
    let (mut n, mut by_code) = (0usize, HashMap::<i8, usize>::new());
    let mut mismatches: HashMap<(i8, i8), usize> = HashMap::new();
    let mut plain_mismatches: HashMap<(i8, i8), usize> = HashMap::new();
    let mut states2016: HashMap<(i8, i8), usize> = HashMap::new();
    let mut examples: Vec<String> = Vec::new();
    let mut bad = Disagreements::default();
    // (file code, kind of answer) → cells, to show what was compared.
    let mut answers: HashMap<(i8, &'static str), usize> = HashMap::new();
    // Cells the rules let through, counted so that the reader sees them.
    let (mut not_in_system, mut window_possible, mut minus9_not_a_state) = (0usize, 0usize, 0usize);
    for (org, rows) in &cells.igos {
        let org_of = |ds: &Dataset| {
            ds.org_id(org)
                .unwrap_or_else(|| fail(&format!("COW IGO data: no organization {org}")))
        };
        let (o, plain_o) = (org_of(igo), org_of(plain));
        for (col, (&(p, plain_p), (_, abb, ccode))) in parties.iter().zip(&cells.states).enumerate()
        {
            for (r, (year, codes)) in rows.iter().enumerate() {
                let (year, want) = (*year, codes[col]);
                n += 1;
                *by_code.entry(want).or_default() += 1;
                let cell = || format!("{org} {abb} {year}: file {want}");

                // The panel code. Without the state list -1 cannot be told
                // from 0: exact.
                let got = plain
                    .cow_code(plain_o, plain_p, year, YearRule::EndOfYear, None)
                    .unwrap_or(i8::MIN);
                if got != want.max(0) && !(want == -9 && got == -9) {
                    *plain_mismatches.entry((want, got)).or_default() += 1;
                    if examples.len() < 10 {
                        examples.push(format!(
                            "{}, panel code without the state list {got}",
                            cell()
                        ));
                    }
                }
                // With it, -1 comes from states2016 (the state not in the
                // system on 31 December), which COW IGO does not always
                // follow: those cells are counted apart; any other
                // difference is a mismatch.
                let day = dec31(year);
                let existed = states.in_system(*ccode, day);
                let with_list = igo
                    .cow_code(o, p, year, YearRule::EndOfYear, Some(states))
                    .unwrap_or(i8::MIN);
                if with_list != want {
                    match (want, with_list) {
                        (_, -1) if !existed => {
                            *states2016.entry((want, with_list)).or_default() += 1
                        }
                        (-1, 0) if existed => {
                            *states2016.entry((want, with_list)).or_default() += 1
                        }
                        _ => {
                            *mismatches.entry((want, with_list)).or_default() += 1;
                            if examples.len() < 10 {
                                examples.push(format!(
                                    "{}, panel code with the state list {with_list}",
                                    cell()
                                ));
                            }
                        }
                    }
                }

                // The three-valued answer on 31 December.
                let a = igo
                    .status_on(o, p, day)
                    .unwrap_or_else(|e| fail(&e.to_string()));
                let said = || {
                    format!(
                        "{}, answer on {day}: status {}, member {:?}, certainty {}, status certainty {}, basis {:?}",
                        cell(),
                        a.status().map_or("none".to_string(), |s| s.to_string()),
                        a.member(),
                        a.certainty(),
                        a.status_certainty(),
                        a.basis()
                    )
                };
                let kind = match (a.basis(), a.certainty()) {
                    (Basis::NotAState, _) => "not a state",
                    (_, Certainty::Unknown) => "unknown",
                    _ if a.is_definite_member() => "definite member",
                    (_, Certainty::Possible) => "possible member",
                    _ if a.status().is_some() => "definite, another status",
                    _ => "definite, no status",
                };
                *answers.entry((want, kind)).or_default() += 1;
                let unknown = a.certainty() == Certainty::Unknown;
                let no_status = a.certainty() == Certainty::Definite && a.status().is_none();
                match want {
                    1..=3 if !existed => not_in_system += 1,
                    1..=3 => {
                        if unknown {
                            bad.add("1/2/3 answered unknown", said);
                        } else if no_status {
                            bad.add("1/2/3 answered \"no status\" (state in the system)", said);
                        } else if want == 1 && !a.is_possible_member() {
                            bad.add("1 answered \"not a member\" (state in the system)", said);
                        }
                    }
                    -9 => {
                        if a.is_possible_member() {
                            bad.add("-9 answered a member (possible or definite)", said);
                        } else if existed && !unknown {
                            bad.add("-9 not unknown on 31 December (state in the system)", said);
                        } else if !existed {
                            minus9_not_a_state += 1;
                            if a.basis() != Basis::NotAState {
                                bad.add(
                                    "-9, state not in the system, answer not \"not a state\"",
                                    said,
                                );
                            }
                        }
                        let jul1 = NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or(day);
                        if states.in_system(*ccode, jul1) {
                            let mid = igo
                                .status_on(o, p, jul1)
                                .unwrap_or_else(|e| fail(&e.to_string()));
                            if mid.certainty() != Certainty::Unknown {
                                bad.add("-9 not unknown on 1 July (state in the system)", || {
                                    format!(
                                        "{}, answer on {jul1}: certainty {}",
                                        cell(),
                                        mid.certainty()
                                    )
                                });
                            }
                        }
                    }
                    _ => {
                        // 0, and -1 (not a state by COW IGO).
                        if a.is_definite_member() {
                            bad.add("0/-1 answered a definite member", said);
                        } else if a.is_possible_member() {
                            // Possible only in a change window: the nearest
                            // known year before or after has a membership.
                            let known = |c: &&(i32, Vec<i8>)| c.1[col] != -9;
                            let before = rows[..r].iter().rev().find(known);
                            let after = rows[r + 1..].iter().find(known);
                            if [before, after].into_iter().flatten().any(|c| c.1[col] == 1) {
                                window_possible += 1;
                            } else {
                                bad.add(
                                    "0/-1 answered a possible member with no member year beside it",
                                    said,
                                );
                            }
                        } else if unknown {
                            bad.add("0/-1 answered unknown", said);
                        }
                    }
                }
            }
        }
    }
    let mut codes: Vec<_> = by_code.into_iter().collect();
    codes.sort_unstable();
    println!("  cells checked: {n} (by code in the file: {codes:?})");
    for e in &examples {
        println!("    {e}");
    }
    let sorted = |m: HashMap<(i8, i8), usize>| {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_unstable();
        v
    };
    let (pm, mm) = (sorted(plain_mismatches), sorted(mismatches));
    t.check(
        pm.is_empty(),
        &format!(
            "panel code (31 December) without the state list equals the file's (-1 read as 0) in every cell; mismatches (file, ours): {pm:?}"
        ),
    );
    t.check(
        mm.is_empty(),
        &format!(
            "panel code (31 December) with the state list equals the file's in every cell but where states2016 differs; mismatches (file, ours): {mm:?}"
        ),
    );
    println!(
        "  (info) cells where states2016 and the file disagree on being a state on 31 December (file, ours): {:?}",
        sorted(states2016)
    );
    println!(
        "  (info) 1/2/3 cells on a 31 December the state was not in the state system (states2016): {not_in_system}; \
         -9 cells likewise (answered \"not a state\"): {minus9_not_a_state}; \
         0/-1 cells answered a possible member inside a change window: {window_possible}"
    );
    let mut kinds: Vec<_> = answers.into_iter().collect();
    kinds.sort_unstable();
    println!("  answers on 31 December by the file's code:");
    for code in [1, 2, 3, 0, -1, -9] {
        let row: Vec<String> = kinds
            .iter()
            .filter(|((c, _), _)| *c == code)
            .map(|((_, k), n)| format!("{k} {n}"))
            .collect();
        println!("    {code:>2}: {}", row.join(", "));
    }
    bad.print();
    t.check(
        bad.total() == 0,
        &format!(
            "three-valued answer on 31 December agrees with the file in every cell ({} disagree)",
            bad.total()
        ),
    );
}

/// No answer after a source's end is definite: for every organization of
/// `ds`, on days after its `known_until` (or after the dataset's last
/// covered day when it has none), neither `members_on` nor `status_on` of
/// any pair with a record gives a definite answer with a status.
fn after_the_end(t: &mut Tally, name: &str, ds: &Dataset) {
    let ends: HashMap<&str, Option<NaiveDate>> = ds
        .organizations()
        .iter()
        .map(|o| {
            let end = ds
                .known_until(o.id())
                .unwrap_or_else(|e| fail(&e.to_string()));
            (o.id(), end)
        })
        .collect();
    let last = ends.values().flatten().max().copied();
    let Some(last) = last else {
        println!("  (info) {name}: no organization states where its data ends");
        return;
    };
    let with_end = ends.values().filter(|e| e.is_some()).count();
    let after = |end: NaiveDate| -> Vec<NaiveDate> {
        [1, 31, 366, 5 * 365, 20 * 365, 100 * 365]
            .into_iter()
            .filter_map(|k| end.checked_add_days(Days::new(k)))
            .collect()
    };
    let mut bad = Disagreements::default();
    let (mut listed, mut asked) = (0usize, 0usize);
    for o in ds.organizations() {
        let end = ends[o.id()].unwrap_or(last);
        for day in after(end) {
            for a in ds
                .members_on(o.id(), day)
                .unwrap_or_else(|e| fail(&e.to_string()))
            {
                listed += 1;
                if a.certainty() == Certainty::Definite && a.status().is_some() {
                    bad.add("members_on: definite with a status after the end", || {
                        format!(
                            "{} {} on {day} (data ends {end}): {} ({})",
                            o.id(),
                            a.party().code(),
                            a.status().map_or("none".to_string(), |s| s.to_string()),
                            a.certainty()
                        )
                    });
                }
            }
        }
    }
    for tl in ds.timelines() {
        let (o, p) = (tl.organization().id(), tl.party().code());
        let end = ends[o].unwrap_or(last);
        for day in after(end) {
            let a = ds
                .status_on(o, p, day)
                .unwrap_or_else(|e| fail(&e.to_string()));
            asked += 1;
            if a.certainty() == Certainty::Definite && a.status().is_some() {
                bad.add("status_on: definite with a status after the end", || {
                    format!(
                        "{o} {p} on {day} (data ends {end}): {} ({})",
                        a.status().map_or("none".to_string(), |s| s.to_string()),
                        a.certainty()
                    )
                });
            }
        }
    }
    bad.print();
    t.check(
        bad.total() == 0,
        &format!(
            "{name}: after the data's end nothing is definite ({} organizations, {with_end} stating their end, the latest {last}; \
             {listed} answers listed by members_on and {asked} of status_on on days after it; {} definite)",
            ds.organizations().len(),
            bad.total()
        ),
    );
}

/// SplitMix64 (Steele, Lea and Flood 2014): a fixed-seed sample that needs
/// no dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One member-level row as the file writes it: alliance, member, entry
/// year, exit year (0: none) and the five obligation flags.
struct AtopLine {
    atopid: u32,
    member: u16,
    yrent: i32,
    yrexit: i32,
    flags: [bool; 5],
}

fn read_atop_lines(path: &str) -> Vec<AtopLine> {
    let (mut rd, header) = open_with_header(path);
    let col = |name: &str| column(path, &header, name);
    let cols = [col("atopid"), col("member"), col("yrent"), col("yrexit")];
    let flags = OBLIGATIONS.map(col);
    rd.records()
        .map(|rec| {
            let rec = rec.unwrap_or_else(|e| fail(&e.to_string()));
            let num = |i: usize| -> i64 {
                rec[i]
                    .parse()
                    .unwrap_or_else(|_| fail(&format!("{path}: bad number {}", &rec[i])))
            };
            AtopLine {
                atopid: num(cols[0]) as u32,
                member: num(cols[1]) as u16,
                yrent: num(cols[2]) as i32,
                yrexit: num(cols[3]) as i32,
                flags: flags.map(|c| num(c) == 1),
            }
        })
        .collect()
}

/// The seeded dyad-year sample: the panel (rule: 31 December) against
/// direct counts over the files.
///
/// IGO counts. The COW file is yearly and its code is the status on
/// 31 December, so under `YearRule::EndOfYear`, for the IGOs with a row in
/// the year, `igo_full` (definite) must equal the number of those rows in
/// which both states' cells are `1` (a `-9` cell is unknown, so never
/// definite), and the upper bound must lie between that count and the
/// number of rows in which both cells are `1` or `-9` (each `-9` may be
/// full membership; a `0`, `2` or `3` on 31 December is not). An IGO with
/// no row in the year (the five-year steps before 1965, gaps in a series)
/// has no cell to count; there the reader's own year rule decides, so
/// those IGOs are counted from `Dataset::cow_code` (one org-state-year at a
/// time, the path the full-cell check verifies): both `1` adds to the
/// definite count and to both bounds, both `1` or `-9` to the upper one.
///
/// ATOP flags. A member-level row holds on 31 December of year `y` when
/// `yrent <= y` and its exit is `0` or `yrexit > y` (the exit is the first
/// day outside; whatever the month and day precision, this is exact on
/// 31 December). Directed (A, B) has obligation X when a row of A with
/// X = 1 holds and B has a row of the same alliance that holds; the shared
/// alliance flag when both have such rows. Both the definite and the `_max`
/// flags must equal the direct scan (under this rule coarse dates never
/// make a 31 December uncertain), directed in both orders, and the
/// undirected flags must be their "or".
fn dyad_sample(
    t: &mut Tally,
    igo: &Dataset,
    states: &CowStates,
    cells: &IgoCells,
    atop_path: &str,
    alliance_path: Option<&str>,
) {
    println!("dyad-year panel (seeded sample, rule: 31 December)");
    let started = Instant::now();
    let obligations =
        AtopObligations::read_path(atop_path).unwrap_or_else(|e| fail(&e.to_string()));
    if let Some(path) = alliance_path {
        let found = obligations
            .check_alliances_path(path)
            .unwrap_or_else(|e| fail(&e.to_string()));
        println!(
            "  member-level obligations not in the alliance-level row: {}",
            found.len()
        );
        for d in found.iter().take(10) {
            println!("    {d}");
        }
    }
    let lines = read_atop_lines(atop_path);
    let panels = Panels::new(igo, states, YearRule::EndOfYear).atop(&obligations);
    let (first, last) = (1816, 2014);
    let mut rng = SplitMix64(14);
    let mut samples: Vec<(i32, u16, u16)> = Vec::new();
    while samples.len() < 400 {
        let year = first + rng.below((last - first + 1) as usize) as i32;
        let alive: Vec<u16> = panels.state_years(year..=year).map(|s| s.ccode).collect();
        if alive.len() < 2 {
            continue;
        }
        let a = alive[rng.below(alive.len())];
        let b = alive[rng.below(alive.len())];
        if a != b {
            samples.push((year, a.min(b), a.max(b)));
        }
    }
    // And three dyad-years in an IGO year without a row (found by the
    // comparison with pandas, BENCHMARKS.md), so that path is checked too.
    samples.extend([(1870, 210, 220), (1870, 220, 255), (1870, 245, 267)]);
    samples.sort_unstable();
    let column: HashMap<u16, usize> = cells
        .states
        .iter()
        .enumerate()
        .map(|(i, (_, _, code))| (*code, i))
        .collect();
    let (mut checked, mut bad_igo, mut bad_atop, mut widened, mut gap_igos) = (0, 0, 0, 0, 0);
    let mut with_alliance = 0;
    let mut year_rows: Option<(i32, Vec<DyadYear>, Vec<DyadYear>)> = None;
    for &(year, a, b) in &samples {
        if year_rows.as_ref().is_none_or(|(y, _, _)| *y != year) {
            year_rows = Some((
                year,
                panels.dyad_years(year..=year).collect(),
                panels.directed_dyad_years(year..=year).collect(),
            ));
        }
        let Some((_, undirected, directed)) = &year_rows else {
            continue;
        };
        let find = |rows: &[DyadYear], x: u16, y: u16| {
            rows.iter()
                .find(|r| r.ccode1 == x && r.ccode2 == y)
                .copied()
        };
        let Some(row) = find(undirected, a, b) else {
            t.check(false, &format!("dyad {a}-{b} {year} is in the panel"));
            continue;
        };
        checked += 1;
        // IGO counts, directly over the cells.
        let (ca, cb) = (column.get(&a), column.get(&b));
        let (mut both1, mut both19, mut gap1, mut gap19) = (0u32, 0u32, 0u32, 0u32);
        for (name, rows) in &cells.igos {
            match rows.iter().find(|r| r.0 == year) {
                Some((_, codes)) => {
                    let code = |c: Option<&usize>| c.map_or(0, |&i| codes[i]);
                    let (x, y) = (code(ca), code(cb));
                    both1 += u32::from(x == 1 && y == 1);
                    both19 += u32::from(matches!(x, 1 | -9) && matches!(y, 1 | -9));
                }
                None => {
                    let code = |s: u16| {
                        let party = states.by_code(s).map(|s| s.abbreviation()).unwrap_or("");
                        igo.cow_code(
                            name.as_str(),
                            party,
                            year,
                            YearRule::EndOfYear,
                            Some(states),
                        )
                        .unwrap_or(0)
                    };
                    if rows.first().is_some_and(|r| r.0 < year)
                        && rows.last().is_some_and(|r| r.0 > year)
                    {
                        let (x, y) = (code(a), code(b));
                        gap_igos += usize::from(x == 1 && y == 1);
                        gap1 += u32::from(x == 1 && y == 1);
                        gap19 += u32::from(matches!(x, 1 | -9) && matches!(y, 1 | -9));
                    }
                }
            }
        }
        let full = row.igo_full;
        widened += usize::from(!full.is_exact());
        if full.definite != both1 + gap1 || full.max < both1 + gap1 || full.max > both19 + gap19 {
            bad_igo += 1;
            if bad_igo <= 10 {
                println!(
                    "    {a}-{b} {year}: igo_full {}..{}, cells both 1: {both1}, both 1 or -9: {both19}, gap years: {gap1}..{gap19}",
                    full.definite, full.max
                );
            }
        }
        // ATOP, directly over the member-level rows.
        let holds = |l: &AtopLine| l.yrent <= year && (l.yrexit == 0 || l.yrexit > year);
        let direct = |x: u16, y: u16| -> (bool, [bool; 5]) {
            let mut ally = false;
            let mut flags = [false; 5];
            for l in lines.iter().filter(|l| l.member == x && holds(l)) {
                if lines
                    .iter()
                    .any(|m| m.member == y && m.atopid == l.atopid && holds(m))
                {
                    ally = true;
                    for (f, &v) in flags.iter_mut().zip(&l.flags) {
                        *f |= v;
                    }
                }
            }
            (ally, flags)
        };
        let flags_of = |o: Obligations| -> [bool; 5] {
            std::array::from_fn(|i| o.has(Obligations::nth(i).unwrap_or_default()))
        };
        let (ab, ba) = (direct(a, b), direct(b, a));
        with_alliance += usize::from(ab.0);
        let mut ok = true;
        for (x, y, want) in [(a, b, ab), (b, a, ba)] {
            let got = find(directed, x, y).and_then(|r| r.atop);
            ok &= got.is_some_and(|g| {
                g.alliance == want.0
                    && g.alliance_max == want.0
                    && flags_of(g.obligations) == want.1
                    && flags_of(g.obligations_max) == want.1
            });
        }
        let either: [bool; 5] = std::array::from_fn(|i| ab.1[i] || ba.1[i]);
        ok &= row.atop.is_some_and(|g| {
            g.alliance == ab.0
                && flags_of(g.obligations) == either
                && flags_of(g.obligations_max) == either
        });
        if !ok {
            bad_atop += 1;
            if bad_atop <= 10 {
                println!(
                    "    {a}-{b} {year}: ATOP {:?}, direct {ab:?} / {ba:?}",
                    row.atop
                );
            }
        }
    }
    println!(
        "  dyad-years checked: {checked} ({widened} with igo_full_max > igo_full, {gap_igos} shared full memberships in IGO years without a row, {with_alliance} sharing an alliance) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    t.check(
        bad_igo == 0,
        &format!("igo_full and igo_full_max agree with the cells ({bad_igo} disagree)"),
    );
    t.check(
        bad_atop == 0,
        &format!("ATOP flags agree with the member-level rows ({bad_atop} disagree)"),
    );
}
