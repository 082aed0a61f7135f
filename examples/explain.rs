//! Why a member had the status it had on a date (`Dataset::explain`): the
//! three-valued answer (membership and status, each with its certainty),
//! the spells the date may fall in, the events that opened and closed them,
//! every reading of their dates at its known precision with its sources,
//! and, where the data is silent, the gap and where the data ends.
//!
//! ```text
//! cargo run --example explain -- CSTO UZB 2013-01-01
//! cargo run --example explain -- CSTO GEO 1993-10-01
//! cargo run --example explain -- CSTO KAZ 2030-01-01     # past the data's end: unknown
//! cargo run --release --example explain -- --cow-igo ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv \
//!     --states ../shared/datasets/cow-states-2016/states2016.csv NATO GFR 1990-07-01
//! ```

mod common;

use common::{args, dataset, day, emit, fail};

const USAGE: &str = "usage: explain ORG MEMBER YYYY-MM-DD [--data DIR | --atop PATH | --cow-igo PATH] [--states PATH] [--lenient]";

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
