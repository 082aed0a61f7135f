//! Full-file checks against the published datasets (run by CI):
//!
//! ```text
//! cargo run --release -p membership-history-dev --bin check_datasets -- \
//!     ../shared/datasets/atop-v4.01/atop-member-level.csv \
//!     ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv \
//!     ../shared/datasets/cow-states-2016/states2016.csv
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
//!   record, is definite with a status.

use std::collections::HashMap;
use std::process::exit;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use membership_history::{
    Atop, Basis, Certainty, CowIgo, CowStates, Dataset, EventKind, YearRule, bundled,
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

/// Data records in a CSV file, counted by the csv crate alone.
fn records(path: &str) -> usize {
    let file = std::fs::File::open(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(delimiter(path))
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
    let [atop_path, igo_path, states_path] = paths.as_slice() else {
        fail("usage: check_datasets ATOP_MEMBER_LEVEL.csv IGO_YEAR.csv STATES2016.csv");
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
    let file = std::fs::File::open(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let mut rd = csv::ReaderBuilder::new()
        .delimiter(delimiter(path))
        .from_reader(file);
    let header = rd
        .headers()
        .unwrap_or_else(|e| fail(&e.to_string()))
        .clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| fail(&format!("{path}: no column `{name}`")))
    };
    let (io_col, year_col) = (column("ioname"), column("year"));
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
