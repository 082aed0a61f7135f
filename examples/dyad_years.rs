//! The dyad-year panel of the COW state system, written to stdout as CSV
//! while it is computed (one year at a time): shared IGO memberships as a
//! definite count and an upper bound, and with ATOP the obligations that
//! bind each pair.
//!
//! ```text
//! cargo run --release --example dyad_years -- --cow-igo igo_year_formatv3.csv \
//!     --states states2016.csv [--atop atop-member-level.csv \
//!     --atop-alliances atop-alliance-level.csv] 1816 2014 > dyad_years.csv
//! ```
//!
//! Columns: `ccode1,ccode2,year` (`ccode1 < ccode2`), `igo_full` and
//! `igo_full_max`, `igo_any` and `igo_any_max`, then `atop_*` (0/1, either
//! direction). The year rule is 31 December, the rule COW's own codes use.

use membership_history::{
    AtopObligations, CowIgo, CowStates, Dataset, PanelFormat, Panels, YearRule,
};

const USAGE: &str = "usage: dyad_years --cow-igo FILE --states FILE [--atop FILE --atop-alliances FILE] FROM_YEAR TO_YEAR";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string()
                .map_err(|a| format!("{a:?} is not valid UTF-8"))
        })
        .collect::<Result<Vec<String>, _>>()?;
    let (mut flags, mut years) = (std::collections::HashMap::new(), Vec::new());
    let mut args = args.iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--cow-igo" | "--states" | "--atop" | "--atop-alliances" => {
                flags.insert(a.as_str(), args.next().ok_or(USAGE)?);
            }
            _ if a.starts_with("--") => return Err(format!("unknown flag {a}; {USAGE}").into()),
            _ => years.push(
                a.parse::<i32>()
                    .map_err(|_| format!("`{a}` is not a year"))?,
            ),
        }
    }
    let (Some(igo), Some(states), &[from, to]) =
        (flags.get("--cow-igo"), flags.get("--states"), &years[..])
    else {
        return Err(USAGE.into());
    };
    let states = CowStates::read_path(states).strict()?;
    let mut b = Dataset::builder();
    b.read_path(CowIgo::with_states(&states), igo);
    let ds = b.build().strict()?;
    let atop = match flags.get("--atop") {
        Some(path) => Some(AtopObligations::read_path(path)?),
        None => None,
    };
    let mut panels = Panels::new(&ds, &states, YearRule::EndOfYear);
    if let Some(atop) = &atop {
        // What the alliance-level file says otherwise, as it says it.
        if let Some(path) = flags.get("--atop-alliances") {
            for d in atop.check_alliances_path(path)? {
                eprintln!("note: {d}");
            }
        }
        panels = panels.atop(atop);
    }
    let rows =
        panels.write_dyad_years(std::io::stdout().lock(), from..=to, false, PanelFormat::Csv)?;
    eprintln!("{rows} dyad-years");
    Ok(())
}
