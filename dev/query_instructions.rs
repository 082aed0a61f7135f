//! Runs `n` queries of one kind on one dataset, for counting their
//! instructions under callgrind (`scripts/instructions.sh`), which does not
//! wobble with the machine's load as wall times do: an A/B of two builds
//! on a shared machine.
//!
//! ```sh
//! cargo build --release -p membership-history-dev --bin query_instructions
//! target/release/query_instructions members bundled 200000
//! target/release/query_instructions count cow ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv 200000
//! target/release/query_instructions count overlap 16 200000
//! ```
//!
//! The queries are [`QUERIES`] (organization, day) pairs from a fixed seed
//! (for `organizations`, (party, day) pairs), organizations and parties
//! uniform, days uniform over the data's years (1816–2014 for COW,
//! 1990–2030 for the bundled data) or, for the benchmarks' synthetic
//! workloads (`tests/support/synth.rs`, the same seeds), over their days,
//! asked in turn. It prints a
//! checksum of the answers, so that none is optimized away. With `n` = 0 it
//! loads and prepares only: the difference of two runs is the queries'.

use std::hint::black_box;
use std::process::ExitCode;

use chrono::NaiveDate;
use membership_history::{CowIgo, Dataset, Error};

#[path = "../tests/support/synth.rs"]
mod synth;

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

/// The seed of the benchmarks' synthetic workloads (`benches/queries.rs`).
const SEED: u64 = 0x5EED_0005;

fn run() -> Result<u64, Box<dyn std::error::Error>> {
    const USAGE: &str = "usage: query_instructions members|answers|count|organizations \
         bundled|cow PATH|synth SPELLS|overlap MEMBERS|among MEMBERS N";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (query, rest) = args.split_first().ok_or(USAGE)?;
    let size = |s: &str| s.parse::<usize>().map_err(|e| format!("{s:?}: {e}"));
    // The days asked: by year and day of the year for the real data, by
    // day number (from, until) for the synthetic, as the benchmarks ask.
    let (ds, days, n) = match rest {
        [w, n] if w == "bundled" => (
            membership_history::bundled().clone(),
            Days::Years(1990, 2030),
            n,
        ),
        [w, path, n] if w == "cow" => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            let ds = Dataset::builder()
                .read(CowIgo::new(), bytes.as_slice(), path)
                .build()
                .strict()?;
            (ds, Days::Years(1816, 2014), n)
        }
        [w, k, n] if w == "synth" => {
            let k = size(k)?;
            let raw = synth::cow_like_raw(k, SEED ^ k as u64);
            (
                raw.dataset(),
                Days::Numbers(synth::first_day(), synth::last_day()),
                n,
            )
        }
        [w, k, n] if w == "overlap" || w == "among" => {
            let k = size(k)?;
            let raw = if w == "overlap" {
                synth::overlapping(k, SEED ^ k as u64)
            } else {
                synth::overlapping_among(k, SEED ^ k as u64)
            };
            // The day before the center and the center, as the benchmark.
            let c = synth::overlap_day();
            (raw.dataset(), Days::Numbers(c - 1, c + 1), n)
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
        let day = match days {
            Days::Years(from, until) => {
                let year = from + (next() % (until - from) as u64) as i32;
                NaiveDate::from_yo_opt(year, 1 + (next() % 365) as u32)
            }
            Days::Numbers(from, until) => {
                NaiveDate::from_num_days_from_ce_opt(from + (next() % (until - from) as u64) as i32)
            }
        };
        Ok((id, day.ok_or("a day")?))
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

/// Where the days asked are drawn from, uniformly.
#[derive(Debug, Clone, Copy)]
enum Days {
    /// Years `from..until`, and a day of the year from 1 to 365.
    Years(i32, i32),
    /// Day numbers (`num_days_from_ce`) `from..until`.
    Numbers(i32, i32),
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
