//! Who was a member of an organization on a date, in three values: each
//! party with a status (under at least one reading of the dates), or about
//! which the data says nothing that day (a missing cell, or coverage ended
//! after a status).
//!
//! ```text
//! cargo run --example members_on                      # the CSTO today
//! cargo run --example members_on -- CSTO 2008-01-01   # a table
//! cargo run --example members_on -- CSTO 1993-10-01 --json
//! cargo run --example members_on -- --data DIR CSTO 2000-01-01
//! cargo run --release --example members_on -- --cow-igo ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv NATO 1990-06-01 --json
//! cargo run --release --example members_on -- --atop ../shared/datasets/atop-v4.01/atop-member-level.csv \
//!     --states ../shared/datasets/cow-states-2016/states2016.csv 4220 1995-01-01
//! cargo run --example members_on -- --atop atop.csv --lenient 4220 1995-01-01   # skip bad rows, list them
//! ```
//!
//! The table has one row per party, sorted by code: `certainty` is about
//! membership (`definite`, `possible`, `unknown`), `status_certainty` about
//! the status word; `since` is when the status began, at its known
//! precision (`2013`, `1993-09`, …); an unknown answer gives the last day
//! the data speaks for (`known_until`) and, as its status, the last one the
//! data gives. A date past the organization's coverage is noted on stderr
//! (exit code 0 all the same).
//!
//! `--json` prints the answers' JSON contract: an array of objects with
//! `code`, `name`, `cow`, `status`, `member`, `certainty`,
//! `status_certainty`, `since` and, for an unknown, `known_until`.

#[macro_use]
mod common;

use common::{args, dataset, day, emit, fail, today};
use membership_history::{Answer, Certainty};

const USAGE: &str = "usage: members_on [ORG] [YYYY-MM-DD] [--json] [--data DIR | --atop PATH | --cow-igo PATH] [--states PATH] [--lenient]";

fn main() {
    let args = args(USAGE);
    let ds = dataset(&args);
    let org = args.positional.first().map_or("CSTO", String::as_str);
    let date = args.positional.get(1).map_or_else(today, |d| day(d));
    if args.positional.len() > 2 {
        fail(USAGE);
    }
    let mut answers: Vec<Answer<'_>> = ds
        .members_on(org, date)
        .unwrap_or_else(|e| fail(&e.to_string()))
        .collect();
    // The iterator is in no particular order.
    answers.sort_by(|a, b| a.party().code().cmp(b.party().code()));

    if args.json {
        // The objects say it themselves: `certainty: unknown`, `known_until`.
        match serde_json::to_string_pretty(&answers) {
            Ok(s) => emit(&(s + "\n")),
            Err(e) => fail(&e.to_string()),
        }
        return;
    }

    // Past the organization's coverage nothing is known, and parties that
    // joined later are missing: say so (on stderr, so stdout stays data).
    let known_until = ds.known_until(org).unwrap_or_else(|e| fail(&e.to_string()));
    if let Some(end) = known_until.filter(|&end| date > end) {
        let id = ds.organization(org).map_or(org, |o| o.id());
        common::note(&format!(
            "the data for {id} ends on {end}; answers after it are unknown (parties that joined later are not listed)"
        ));
    }

    let name = ds
        .organization(org)
        .and_then(|o| o.name_on(date))
        .unwrap_or(org);
    let count = |f: &dyn Fn(&Answer<'_>) -> bool| answers.iter().filter(|a| f(a)).count();
    let definite = count(&|a| a.is_definite_member());
    let possible = count(&|a| a.certainty() == Certainty::Possible);
    let unknown = count(&|a| a.certainty() == Certainty::Unknown);
    let other = answers.len() - definite - possible - unknown;
    let mut out = String::new();
    outln!(
        out,
        "{name} on {date}: {} listed: {definite} definite members, {possible} possible, {unknown} unknown, {other} with another status",
        plural(answers.len(), "party", "parties")
    );
    let rows: Vec<[String; 7]> = answers
        .iter()
        .map(|a| {
            [
                a.party().code().to_string(),
                a.party().name().to_string(),
                a.status().map_or("-".to_string(), |s| s.to_string()),
                a.certainty().to_string(),
                a.status_certainty().to_string(),
                a.since().map_or("-".to_string(), |d| d.to_string()),
                a.known_until().map_or(String::new(), |d| d.to_string()),
            ]
        })
        .collect();
    let header = [
        "code",
        "name",
        "status",
        "certainty",
        "status_certainty",
        "since",
        "known_until",
    ];
    // Column widths from the contents; the last column only where needed.
    let columns = if rows.iter().any(|r| !r[6].is_empty()) {
        7
    } else {
        6
    };
    let mut width = [0usize; 7];
    for r in std::iter::once(header.map(str::to_string)).chain(rows.iter().cloned()) {
        for (w, cell) in width.iter_mut().zip(&r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().take(columns).enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(cell);
            let pad = width[i].saturating_sub(cell.chars().count());
            s.extend(std::iter::repeat_n(' ', pad));
        }
        // No padding left at the end of a row.
        s.trim_end().to_string()
    };
    outln!(out, "{}", line(&header.map(str::to_string)));
    for r in &rows {
        outln!(out, "{}", line(r));
    }
    emit(&out);
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
