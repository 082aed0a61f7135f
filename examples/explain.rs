//! Why a member had the status it had on a date: the spell, the events that
//! opened and closed it, every reading of their dates and the sources.
//!
//! ```text
//! cargo run --example explain -- CSTO UZB 2013-01-01
//! cargo run --example explain -- CSTO GEO 1993-10-01
//! ```

mod common;

use common::{args, dataset, day, emit, fail};

const USAGE: &str = "usage: explain ORG MEMBER YYYY-MM-DD [--data DIR] [--lenient]";

fn main() {
    let args = args(USAGE);
    let ds = dataset(&args);
    let [org, member, date] = args.positional.as_slice() else {
        fail(USAGE)
    };
    let why = ds
        .explain(org, member, day(date))
        .unwrap_or_else(|e| fail(&e.to_string()));
    emit(&why.to_string());
}
