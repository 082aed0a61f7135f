//! Runs `n` queries of one kind on one dataset, for counting their
//! instructions under callgrind (`scripts/instructions.sh`), which does not
//! wobble with the machine's load as wall times do: an A/B of two builds
//! on a shared machine.
//!
//! ```sh
//! cargo build --release -p membership-history-dev --bin query_instructions
//! target/release/query_instructions members bundled 200000
//! target/release/query_instructions count cow ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv 200000
//! ```
//!
//! The queries are [`QUERIES`] (organization, day) pairs from a fixed seed
//! (for `organizations`, (party, day) pairs), organizations and parties
//! uniform, days uniform over the data's years (1816–2014 for COW,
//! 1990–2030 for the bundled data), asked in turn. It prints a
//! checksum of the answers, so that none is optimized away. With `n` = 0 it
//! loads and prepares only: the difference of two runs is the queries'.

use std::hint::black_box;
use std::process::ExitCode;

use chrono::NaiveDate;
use membership_history::{CowIgo, Dataset, Error};

fn main() -> ExitCode {
    match run() {
        Ok(sum) => {
            println!("{sum}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("query_instructions: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Queries asked in turn (a power of two: the turn is a mask).
const QUERIES: usize = 1024;

fn run() -> Result<u64, Box<dyn std::error::Error>> {
    const USAGE: &str =
        "usage: query_instructions members|answers|count|organizations bundled|cow PATH N";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (query, rest) = args.split_first().ok_or(USAGE)?;
    let (ds, years, n) = match rest {
        [w, n] if w == "bundled" => (membership_history::bundled().clone(), (1990, 2030), n),
        [w, path, n] if w == "cow" => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            let ds = Dataset::builder()
                .read(CowIgo::new(), bytes.as_slice(), path)
                .build()
                .strict()?;
            (ds, (1816, 2014), n)
        }
        _ => return Err(USAGE.into()),
    };
    let n: usize = n.parse().map_err(|e| format!("N {n:?}: {e}"))?;
    let orgs = ds
        .organizations()
        .iter()
        .map(|o| ds.org_id(o.id()).ok_or("an organization without an id"))
        .collect::<Result<Vec<_>, _>>()?;
    let parties = ds
        .parties()
        .iter()
        .map(|p| ds.party_id(p.code()).ok_or("a party without a code"))
        .collect::<Result<Vec<_>, _>>()?;
    // A 64-bit LCG (Knuth's MMIX constants): fixed seed, no dependency.
    let mut x: u64 = 12_345;
    let mut next = || {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        x >> 16
    };
    let mut ask_of = |ids: usize| -> Result<_, &str> {
        let id = next() as usize % ids;
        let year = years.0 + (next() % (years.1 - years.0) as u64) as i32;
        let day = NaiveDate::from_yo_opt(year, 1 + (next() % 365) as u32).ok_or("a day")?;
        Ok((id, day))
    };
    let mut queries = Vec::with_capacity(QUERIES);
    for _ in 0..QUERIES {
        let (i, day) = ask_of(orgs.len())?;
        queries.push((orgs[i], day));
    }
    let mut party_queries = Vec::with_capacity(QUERIES);
    for _ in 0..QUERIES {
        let (i, day) = ask_of(parties.len())?;
        party_queries.push((parties[i], day));
    }
    let ds = &ds;
    match query.as_str() {
        "members" => ask(&queries, n, |org, day| {
            Ok(ds
                .members_on(org, day)?
                .members()
                .map(|p| p.index() as u64)
                .sum())
        }),
        "answers" => ask(&queries, n, |org, day| {
            Ok(ds
                .members_on(org, day)?
                .map(|a| u64::from(a.member() == Some(true)))
                .sum())
        }),
        "count" => ask(&queries, n, |org, day| {
            Ok(ds.count_on(org, day)?.members() as u64)
        }),
        "organizations" => ask(&party_queries, n, |party, day| {
            Ok(ds.organizations_of(party, day)?.count() as u64)
        }),
        _ => Err(USAGE.into()),
    }
}

/// The sum of `f`'s answers to `n` queries, taken in turn; generic, so
/// that each query is inlined into its loop as in the benchmarks.
fn ask<Id: Copy>(
    queries: &[(Id, NaiveDate)],
    n: usize,
    f: impl Fn(Id, NaiveDate) -> Result<u64, Error>,
) -> Result<u64, Box<dyn std::error::Error>> {
    let mut sum = 0u64;
    for i in 0..n {
        let (org, day) = queries[i & (QUERIES - 1)];
        sum += f(black_box(org), black_box(day))?;
    }
    Ok(sum)
}
