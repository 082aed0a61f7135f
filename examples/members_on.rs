//! Who was a member of an organization on a date.
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

#[macro_use]
mod common;

use common::{args, dataset, day, emit, fail, today};

const USAGE: &str = "usage: members_on [ORG] [YYYY-MM-DD] [--json] [--data DIR | --atop PATH | --cow-igo PATH] [--states PATH] [--lenient]";

fn main() {
    let args = args(USAGE);
    let ds = dataset(&args);
    let org = args.positional.first().map_or("CSTO", String::as_str);
    let date = args.positional.get(1).map_or_else(today, |d| day(d));
    if args.positional.len() > 2 {
        fail(USAGE);
    }
    let members = ds
        .members_on(org, date)
        .unwrap_or_else(|e| fail(&e.to_string()));

    if args.json {
        let rows: Vec<serde_json::Value> = members
            .iter()
            .map(|m| {
                serde_json::json!({
                    "code": m.party().code(),
                    "name": m.party().name(),
                    "status": m.status(),
                    "member": m.is_member(),
                    "cow": m.party().cow_code(),
                    "certainty": m.certainty(),
                    "since": m.spell().start(),
                })
            })
            .collect();
        match serde_json::to_string_pretty(&rows) {
            Ok(s) => emit(&(s + "\n")),
            Err(e) => fail(&e.to_string()),
        }
        return;
    }

    let name = ds.name_on(org, date).ok().flatten().unwrap_or(org);
    let mut out = String::new();
    outln!(
        out,
        "{name} on {date}: {} parties with a status",
        members.len()
    );
    outln!(
        out,
        "{:<6} {:<14} {:<10} {:<11} {:<10} other readings",
        "code",
        "name",
        "status",
        "since",
        "certainty"
    );
    for m in &members {
        let opened = ds.event(m.spell().opened_by());
        let others: Vec<String> = opened.readings()[1..]
            .iter()
            .map(|r| r.date().to_string())
            .collect();
        let row = format!(
            "{:<6} {:<14} {:<10} {:<11} {:<10} {}",
            m.party().code(),
            m.party().name(),
            m.status().to_string(),
            opened.readings()[0].date().to_string(),
            m.certainty().to_string(),
            others.join(", ")
        );
        // No padding left at the end of a row without other readings.
        outln!(out, "{}", row.trim_end());
    }
    emit(&out);
}
