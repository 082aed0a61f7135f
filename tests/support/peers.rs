//! The peer libraries, built from exactly the intervals the index holds, and
//! answering the same questions. Shared by `tests/peers.rs` (agreement) and
//! `benches/queries.rs` (timing), included with `#[path]`.
//!
//! Conventions: our intervals are half-open `[start, end)` day numbers with
//! `i32::MAX` for "never ends"; rust-lapper is half-open over unsigned
//! integers (day numbers are positive); coitrees and range-set-blaze are
//! end-inclusive, so they get `end - 1`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // test support: a bad input is a bug here

use coitrees::{COITree, GenericInterval, IntervalTree};
use membership_history::{FrozenSet, IntervalSet, Span};
use range_set_blaze::RangeSetBlaze;
use rangemap::RangeSet;
use rust_lapper::Lapper;
use superintervals::IntervalMap;

/// One organization's member intervals in every peer structure.
pub struct OrgPeers {
    /// `(start, end, party)`, for the linear scan.
    pub scan: Vec<(i32, i32, u32)>,
    pub lapper: Lapper<u32, u32>,
    pub coitree: COITree<u32, u32>,
    pub superintervals: IntervalMap<u32>,
}

impl OrgPeers {
    pub fn new(intervals: &[(i32, i32, u32)]) -> OrgPeers {
        let lapper = Lapper::new(
            intervals
                .iter()
                .map(|&(s, e, p)| rust_lapper::Interval {
                    start: s as u32,
                    stop: e as u32,
                    val: p,
                })
                .collect(),
        );
        let nodes: Vec<coitrees::Interval<u32>> = intervals
            .iter()
            .map(|&(s, e, p)| coitrees::Interval::new(s, e - 1, p))
            .collect();
        let mut superintervals = IntervalMap::new();
        for &(s, e, p) in intervals {
            superintervals.add(s, e - 1, p);
        }
        superintervals.build();
        OrgPeers {
            scan: intervals.to_vec(),
            lapper,
            coitree: COITree::new(&nodes),
            superintervals,
        }
    }

    #[inline]
    pub fn scan_members(&self, t: i32, out: &mut Vec<u32>) {
        out.extend(
            self.scan
                .iter()
                .filter(|iv| iv.0 <= t && t < iv.1)
                .map(|iv| iv.2),
        );
    }
    #[inline]
    pub fn lapper_members(&self, t: i32, out: &mut Vec<u32>) {
        out.extend(self.lapper.find(t as u32, t as u32 + 1).map(|iv| iv.val));
    }
    #[inline]
    pub fn coitree_members(&self, t: i32, out: &mut Vec<u32>) {
        self.coitree.query(t, t, |n| out.push(*n.metadata()));
    }
    #[inline]
    pub fn superintervals_members(&self, t: i32, out: &mut Vec<u32>) {
        self.superintervals.search_values(t, t, out);
    }
    #[inline]
    pub fn scan_count(&self, t: i32) -> usize {
        self.scan.iter().filter(|iv| iv.0 <= t && t < iv.1).count()
    }
    #[inline]
    pub fn lapper_count(&self, t: i32) -> usize {
        self.lapper.count(t as u32, t as u32 + 1)
    }
    #[inline]
    pub fn coitree_count(&self, t: i32) -> usize {
        self.coitree.query_count(t, t)
    }
    #[inline]
    pub fn superintervals_count(&self, t: i32) -> usize {
        self.superintervals.count(t, t)
    }
}

/// One disjoint set in our representation and the two set peers.
pub struct SetPeers {
    pub ours: IntervalSet<i32>,
    /// `ours` frozen for point queries.
    pub frozen: FrozenSet<i32>,
    pub rangemap: RangeSet<i32>,
    pub blaze: RangeSetBlaze<i32>,
}

impl SetPeers {
    pub fn new(intervals: &[(i32, i32)]) -> SetPeers {
        let ours: IntervalSet<i32> = intervals
            .iter()
            .map(|&(s, e)| Span::new(s, Some(e)).unwrap())
            .collect();
        SetPeers {
            frozen: FrozenSet::new(&ours),
            ours,
            rangemap: intervals.iter().map(|&(s, e)| s..e).collect(),
            blaze: intervals.iter().map(|&(s, e)| s..=e - 1).collect(),
        }
    }
}

/// The set operations each library offers, to time and to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Union,
    Intersection,
    Difference,
    Complement,
}

pub const OPS: [Op; 4] = [Op::Union, Op::Intersection, Op::Difference, Op::Complement];

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Union => "union",
            Op::Intersection => "intersection",
            Op::Difference => "difference",
            Op::Complement => "complement",
        }
    }
}

/// The window a complement is taken in: every `i32` but the last, which
/// half-open spans cannot hold.
pub fn window() -> Span<i32> {
    Span::new(i32::MIN, Some(i32::MAX)).unwrap()
}

pub fn ours(op: Op, a: &IntervalSet<i32>, b: &IntervalSet<i32>) -> IntervalSet<i32> {
    match op {
        Op::Union => a.union(b),
        Op::Intersection => a.intersection(b),
        Op::Difference => a.difference(b),
        Op::Complement => a.complement_within(window()),
    }
}

pub fn blaze(op: Op, a: &RangeSetBlaze<i32>, b: &RangeSetBlaze<i32>) -> RangeSetBlaze<i32> {
    match op {
        Op::Union => a | b,
        Op::Intersection => a & b,
        Op::Difference => a - b,
        // Complement over all of i32; the last value is removed to match
        // the half-open window.
        Op::Complement => !a - RangeSetBlaze::from_iter([i32::MAX..=i32::MAX]),
    }
}

/// rangemap 1 has `union` and `intersection` iterators, and `gaps` for the
/// complement; a difference is the intersection with the gaps of `b`.
pub fn rangemap(op: Op, a: &RangeSet<i32>, b: &RangeSet<i32>) -> RangeSet<i32> {
    let w = i32::MIN..i32::MAX;
    match op {
        Op::Union => a.union(b).collect(),
        Op::Intersection => a.intersection(b).collect(),
        Op::Difference => {
            let not_b: RangeSet<i32> = b.gaps(&w).collect();
            a.intersection(&not_b).collect()
        }
        Op::Complement => a.gaps(&w).collect(),
    }
}

/// Half-open `(start, end)` pairs, widened so `i32::MAX` fits as an end.
pub fn ours_ranges(s: &IntervalSet<i32>) -> Vec<(i64, i64)> {
    s.iter()
        .map(|sp| {
            (
                sp.start() as i64,
                sp.end().map_or(i64::from(i32::MAX) + 1, i64::from),
            )
        })
        .collect()
}
pub fn blaze_ranges(s: &RangeSetBlaze<i32>) -> Vec<(i64, i64)> {
    s.ranges()
        .map(|r| (*r.start() as i64, *r.end() as i64 + 1))
        .collect()
}
pub fn rangemap_ranges(s: &RangeSet<i32>) -> Vec<(i64, i64)> {
    s.iter().map(|r| (r.start as i64, r.end as i64)).collect()
}
