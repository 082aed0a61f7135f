//! Who was a member of an organization on a date, in three values: each
//! party with a status (under at least one reading of the dates), or about
//! which the data says nothing that day.
//!
//! ```text
//! cargo run --example members_on                      # the CSTO on the last day the data covers
//! cargo run --example members_on -- CSTO 1993-10-01   # Georgia: a possible member (sources disagree)
//! cargo run --example members_on -- CSTO 2008-01-01 --json
//! ```
//!
//! The bundled data only: for ATOP, COW or your own tables, and every other
//! question, use the `mh` command (`cargo install --path cli`).

use membership_history::{Answer, Certainty, bundled, parse_day};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string()
                .map_err(|a| format!("{a:?} is not valid UTF-8"))
        })
        .collect::<Result<Vec<String>, _>>()?;
    let json = args.iter().any(|a| a == "--json");
    let args: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "--json")
        .collect();
    let org = args.first().copied().unwrap_or("CSTO");

    let ds = bundled();
    // Without a date: the last day the data speaks for (after it, every
    // answer is unknown).
    let date = match args.get(1) {
        Some(d) => parse_day(d)?,
        None => ds.known_until(org)?.ok_or("give a date")?,
    };
    let mut answers: Vec<Answer<'_>> = ds.members_on(org, date)?.collect();
    answers.sort_by_key(|a| a.party().code().to_string());

    if json {
        println!("{}", serde_json::to_string_pretty(&answers)?);
        return Ok(());
    }
    let definite = answers.iter().filter(|a| a.is_definite_member()).count();
    println!("{org} on {date}: {definite} definite members");
    for a in &answers {
        let since = a.since().map_or(String::new(), |d| format!(" since {d}"));
        let status = a
            .status()
            .map_or("no status".to_string(), |s| s.to_string());
        match a.certainty() {
            Certainty::Unknown => println!("  {}: unknown (the data ends)", a.party().code()),
            c => println!(
                "  {} {}: {status}{since} ({c})",
                a.party().code(),
                a.party().name()
            ),
        }
    }
    Ok(())
}
