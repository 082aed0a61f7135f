//! Why a member had the status it had on a date (`Dataset::explain`): the
//! three-valued answer, the spells the date may fall in, the events that
//! opened and closed them, every reading of their dates with its sources,
//! and, where the data is silent, where it ends.
//!
//! ```text
//! cargo run --example explain -- CSTO UZB 2013-01-01
//! cargo run --example explain -- CSTO GEO 1993-10-01
//! cargo run --example explain -- CSTO KAZ 2030-01-01     # past the data's end: unknown
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
    let [org, member, date] = args.as_slice() else {
        return Err("usage: explain ORG MEMBER YYYY-MM-DD".into());
    };
    print!("{}", bundled().explain(org, member, date.as_str())?);
    Ok(())
}
