//! One member's history in an organization: its spells with their dates at
//! their known precision and the events behind them, the stretches the
//! data does not cover, and where the data ends.
//!
//! ```text
//! cargo run --example timeline -- CSTO UZB
//! cargo run --example timeline -- CSTO-PA SRB
//! ```

use membership_history::bundled;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string()
                .map_err(|a| format!("{a:?} is not valid UTF-8"))
        })
        .collect::<Result<Vec<String>, _>>()?;
    let [org, member] = args.as_slice() else {
        return Err("usage: timeline ORG MEMBER".into());
    };
    let ds = bundled();
    let tl = ds.timeline(org, member)?;
    println!(
        "{} in {}:",
        tl.party().name(),
        tl.organization().current_name()
    );
    for s in tl.spells() {
        // Dates print at their known precision: `1998`, `1993-09`, a range.
        let until = s.end_date().map_or("open".to_string(), |d| d.to_string());
        println!("  {} from {} until {until}", s.status(), s.start_date());
        for id in std::iter::once(s.opened_by()).chain(s.closed_by()) {
            if let Some(e) = ds.event(id) {
                let r = &e.readings()[0];
                println!(
                    "    {} on {} [{}]",
                    e.kind(),
                    r.date(),
                    r.sources().join("; ")
                );
            }
        }
    }
    for u in tl.unknowns() {
        println!("  {u}");
    }
    if let Some(end) = tl.known_until() {
        println!("  the data covers this until {end}");
    }
    Ok(())
}
