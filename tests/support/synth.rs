//! Deterministic workloads shared by `tests/peers.rs` and `benches/queries.rs`
//! (included with `#[path = "../tests/support/synth.rs"] mod synth;`).
//!
//! * [`cow_like`]: a membership history shaped like the COW IGO data: many
//!   long, open-ended member spells; a few exits, suspensions and returns;
//!   most organizations under 200 members. Scales from 10^3 to 10^7 spells
//!   ([`cow_like_raw`] gives the spells without building a `Dataset`).
//! * [`overlapping`]: one organization whose members all overlap one day;
//!   [`overlapping_among`]: the same among twice as many that do not.
//! * [`disjoint`]: a set of disjoint, non-touching half-open intervals.
//!
//! Everything comes from a fixed seed through [`SplitMix64`]; no `rand`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // test support: a bad input is a bug here

use chrono::NaiveDate;
use membership_history::{Dataset, Event, EventKind, Party, Reading, Source};

/// Vigna's splitmix64: tiny, fast, good enough for workloads.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() >> 32) * n) >> 32
    }
    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo) as u64) as i32
    }
}

/// Day numbers (`num_days_from_ce`) of the COW IGO window.
pub fn day(y: i32, m: u32, d: u32) -> i32 {
    use chrono::Datelike;
    NaiveDate::from_ymd_opt(y, m, d).unwrap().num_days_from_ce()
}
pub fn date(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap()
}
pub fn first_day() -> i32 {
    day(1816, 1, 1)
}
pub fn last_day() -> i32 {
    day(2014, 12, 31)
}

/// One (organization, party) history: its events in day order.
#[derive(Debug, Clone)]
pub struct PairHistory {
    pub org: u32,
    pub party: u32,
    pub events: Vec<(i32, EventKind)>,
}

/// A generated history before it becomes a `Dataset`.
#[derive(Debug, Clone)]
pub struct Raw {
    pub orgs: usize,
    pub parties: usize,
    pub pairs: Vec<PairHistory>,
    /// Status spells the events produce (member and suspended).
    pub spells: usize,
}

pub fn org_code(i: u32) -> String {
    format!("O{i:06}")
}
pub fn party_code(i: u32) -> String {
    format!("S{i:06}")
}

/// A COW-shaped history of about `spells` status spells.
pub fn cow_like_raw(spells: usize, seed: u64) -> Raw {
    let mut rng = SplitMix64(seed);
    // COW IGO v3: 534 organizations, 217 states, ~19k spells, so ~90
    // spells per state; states grow with size to keep that ratio.
    let parties = (spells / 90).max(217);
    let (first, last) = (first_day(), last_day());
    let mut pairs = Vec::new();
    let mut count = 0;
    let mut org = 0u32;
    let mut chosen = std::collections::HashSet::new();
    while count < spells {
        let founded = rng.range(first, last - 3650);
        // Heavy tail: mean ~50, at most 200 members.
        let u = rng.unit();
        let members = (3.0 + 197.0 * u * u * u) as usize;
        chosen.clear();
        while chosen.len() < members {
            chosen.insert(rng.below(parties as u64) as u32);
        }
        let mut ms: Vec<u32> = chosen.iter().copied().collect();
        ms.sort_unstable();
        for party in ms {
            let mut events = Vec::new();
            // A third are founders; the rest join over the following decades.
            let joined = if rng.below(3) == 0 {
                founded
            } else {
                founded + rng.below(((last - founded) as u64).max(1)) as i32
            };
            let kind = if joined == founded {
                EventKind::Signed
            } else {
                EventKind::Acceded
            };
            events.push((joined, kind));
            let mut spells_here = 1;
            let r = rng.below(100);
            let mut at = joined;
            let step = |rng: &mut SplitMix64, at: &mut i32| -> bool {
                let next = *at + 1 + rng.below(15_000) as i32;
                if next > last {
                    return false;
                }
                *at = next;
                true
            };
            if r < 12 {
                // Exits; some come back.
                if step(&mut rng, &mut at) {
                    events.push((at, EventKind::Withdrew));
                    if rng.below(3) == 0 && step(&mut rng, &mut at) {
                        events.push((at, EventKind::Returned));
                        spells_here += 1;
                    }
                }
            } else if r < 18 {
                // Suspended, then returned.
                if step(&mut rng, &mut at) {
                    events.push((at, EventKind::Suspended));
                    spells_here += 1;
                    if step(&mut rng, &mut at) {
                        events.push((at, EventKind::Returned));
                        spells_here += 1;
                    }
                }
            }
            count += spells_here;
            pairs.push(PairHistory { org, party, events });
        }
        org += 1;
    }
    Raw {
        orgs: org as usize,
        parties,
        pairs,
        spells: count,
    }
}

impl Raw {
    /// The `Dataset` the events replay into.
    pub fn dataset(&self) -> Dataset {
        let mut b = Dataset::builder();
        b.add_source(Source::new("SYN", "synthetic", ""));
        for p in 0..self.parties as u32 {
            b.add_party(Party::state(party_code(p), party_code(p)).with_sources(["SYN"]));
        }
        for o in 0..self.orgs as u32 {
            b.add_name(org_code(o), org_code(o), None, None, ["SYN"]);
        }
        let mut id = 0u64;
        for pair in &self.pairs {
            let (org, party) = (org_code(pair.org), party_code(pair.party));
            for &(d, kind) in &pair.events {
                id += 1;
                b.add_event(Event::new(
                    id.to_string(),
                    org.as_str(),
                    Some(party.as_str()),
                    kind,
                    vec![Reading::new(date(d).try_into().unwrap(), "", ["SYN"])],
                ));
            }
        }
        b.build().strict().expect("generated histories are valid")
    }

    /// The member intervals `[start, end)` (end `i32::MAX` when open) of
    /// each organization, as `(start, end, party)`, straight from the events.
    pub fn member_intervals(&self) -> Vec<Vec<(i32, i32, u32)>> {
        let mut out = vec![Vec::new(); self.orgs];
        for pair in &self.pairs {
            let mut open: Option<i32> = None;
            for &(d, kind) in &pair.events {
                match kind {
                    EventKind::Signed | EventKind::Acceded | EventKind::Returned => open = Some(d),
                    _ => {
                        if let Some(s) = open.take() {
                            out[pair.org as usize].push((s, d, pair.party));
                        }
                    }
                }
            }
            if let Some(s) = open {
                out[pair.org as usize].push((s, i32::MAX, pair.party));
            }
        }
        out
    }
}

/// A COW-shaped `Dataset` of about `spells` spells.
pub fn cow_like(spells: usize, seed: u64) -> (Raw, Dataset) {
    let raw = cow_like_raw(spells, seed);
    let ds = raw.dataset();
    (raw, ds)
}

/// One organization `O000000` with `members` parties, every one of them a
/// member on [`overlap_day`]: spells of random length around it, a quarter
/// open-ended.
pub fn overlapping(members: usize, seed: u64) -> Raw {
    let mut rng = SplitMix64(seed);
    let center = overlap_day();
    let pairs = (0..members as u32)
        .map(|party| {
            let start = center - rng.below(20_000) as i32;
            let mut events = vec![(start, EventKind::Acceded)];
            if rng.below(4) != 0 {
                events.push((center + 1 + rng.below(20_000) as i32, EventKind::Withdrew));
            }
            PairHistory {
                org: 0,
                party,
                events,
            }
        })
        .collect();
    Raw {
        orgs: 1,
        parties: members,
        pairs,
        spells: members,
    }
}

/// One organization `O000000` with `3 * members` parties: `members` of
/// them members on [`overlap_day`] and the day before it, as in
/// [`overlapping`], a third whose spells end before those days, and a
/// third whose spells start after them. So a count on those days has
/// starts and ends on both sides of the day to search, where in
/// [`overlapping`] every start is before it and every end after.
pub fn overlapping_among(members: usize, seed: u64) -> Raw {
    let mut rng = SplitMix64(seed);
    let center = overlap_day();
    let mut raw = overlapping(members, seed);
    for party in members as u32..3 * members as u32 {
        let length = 1 + rng.below(20_000) as i32;
        let (start, end) = if party < 2 * members as u32 {
            // Withdrawn by the day before the center, the first query day.
            let end = center - 1 - rng.below(20_000) as i32;
            (end - length, end)
        } else {
            let start = center + 1 + rng.below(20_000) as i32;
            (start, start + length)
        };
        raw.pairs.push(PairHistory {
            org: 0,
            party,
            events: vec![(start, EventKind::Acceded), (end, EventKind::Withdrew)],
        });
    }
    raw.parties = 3 * members;
    raw.spells = 3 * members;
    raw
}

pub fn overlap_day() -> i32 {
    day(1950, 6, 1)
}

/// `n` disjoint, non-touching half-open intervals `[start, end)` in
/// increasing order, gaps and lengths 1..=`2 * mean`.
pub fn disjoint(n: usize, mean: u32, seed: u64) -> Vec<(i32, i32)> {
    let mut rng = SplitMix64(seed);
    let mut at = 0i32;
    (0..n)
        .map(|_| {
            let start = at + 1 + rng.below(2 * mean as u64) as i32;
            let end = start + 1 + rng.below(2 * mean as u64) as i32;
            at = end;
            (start, end)
        })
        .collect()
}

/// Query points spread over `[lo, hi)`.
pub fn points(n: usize, lo: i32, hi: i32, seed: u64) -> Vec<i32> {
    let mut rng = SplitMix64(seed);
    (0..n).map(|_| rng.range(lo, hi)).collect()
}
