//! The index a [`Dataset`](crate::Dataset) builds with itself: its answer
//! segments (stretches of days over which one pair's three-valued answer
//! does not change, see `answer.rs`) laid out once for fast "who was a
//! member of O on date X" and "which organizations was P in" questions.
//!
//! # Layout
//!
//! Days are `i32` day numbers ([`Datelike::num_days_from_ce`]) and intervals
//! are half-open, an open end stored as `i32::MAX`; an interval's item is the
//! segment's number.
//!
//! Two *sides* hold the intervals, grouped by organization (items: parties)
//! and by party (items: organizations). In each side, a group's intervals
//! are sorted by start, stored as three plain arrays (start, end, item), so
//!
//! * the number alive on day `t` is `#starts <= t` minus `#ends <= t`: two
//!   binary searches, over the starts and over a sorted copy of the finite
//!   ends, O(log n) whatever the overlap;
//! * the items alive on day `t` come from a *checkpoint* `c <= t`: a
//!   snapshot of the items alive on day `c`, latest end first, and the run
//!   of the start-sorted arrays that starts in `(c, t]` (the *window*). The
//!   snapshot's items still alive on `t` are a prefix, whose length is known
//!   from the ends in `(c, t]` (one more binary search), so it is copied
//!   whole; the window is filtered by end. A checkpoint is taken whenever
//!   the events (starts and ends) since the last one reach twice the number
//!   alive (and at least `MIN_EVENTS`): a query reads O(k) entries beyond
//!   its binary searches, and the snapshots together hold at most half as
//!   many entries as there are events, which keeps the index near 30 bytes
//!   per spell.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

/// Fewest events between two checkpoints: below this a snapshot costs more
/// than the few entries it saves.
const MIN_EVENTS: usize = 16;
/// Events between checkpoints, as a multiple of the number alive.
const EVENTS_PER_ALIVE: usize = 2;
/// The end of an interval that never ends.
pub(crate) const OPEN: i32 = i32::MAX;

/// Intervals grouped (by organization or by party), each group sorted by
/// start, with the checkpoints that list the items alive on a day.
#[derive(Debug, Clone, Default)]
struct Side {
    /// Group `g` is `off[g]..off[g + 1]` of `start`, `end` and `item`.
    off: Vec<u32>,
    start: Vec<i32>,
    end: Vec<i32>,
    item: Vec<u32>,
    /// Group `g`'s finite ends, sorted, are `ends[end_off[g]..end_off[g + 1]]`.
    end_off: Vec<u32>,
    ends: Vec<i32>,
    /// Group `g`'s checkpoints are `ck_off[g]..ck_off[g + 1]`, perhaps none
    /// (a small group is read from its start).
    ck_off: Vec<u32>,
    ck_day: Vec<i32>,
    /// The first interval of the group starting after the checkpoint's day.
    ck_pos: Vec<u32>,
    /// How many of the group's finite ends are on or before its day.
    ck_ended: Vec<u32>,
    /// Checkpoint `c`'s snapshot is `snap[snap_off[c]..snap_off[c + 1]]`:
    /// the items of the intervals alive on its day, latest end first, so
    /// that those still alive on a later day are a prefix.
    snap_off: Vec<u32>,
    snap: Vec<u32>,
}

/// Converts a length to the `u32` positions the index stores.
fn pos(n: usize) -> u32 {
    assert!(
        u32::try_from(n).is_ok(),
        "an index holds at most u32::MAX intervals"
    );
    n as u32
}

impl Side {
    /// `rows` are `(group, start, end, item)`; `groups` is the number of groups.
    fn new(mut rows: Vec<(u32, i32, i32, u32)>, groups: usize) -> Side {
        rows.sort_unstable();
        let n = rows.len();
        let mut s = Side {
            off: Vec::with_capacity(groups + 1),
            start: rows.iter().map(|r| r.1).collect(),
            end: rows.iter().map(|r| r.2).collect(),
            item: rows.iter().map(|r| r.3).collect(),
            end_off: Vec::with_capacity(groups + 1),
            ck_off: Vec::with_capacity(groups + 1),
            ..Side::default()
        };
        s.off.push(0);
        s.end_off.push(0);
        s.ck_off.push(0);
        s.snap_off.push(0);
        let mut at = 0;
        for g in 0..groups {
            let first = at;
            while at < n && rows[at].0 as usize == g {
                at += 1;
            }
            s.add_group(first..at);
            s.off.push(pos(at));
            s.end_off.push(pos(s.ends.len()));
            s.ck_off.push(pos(s.ck_day.len()));
        }
        s.shrink();
        s
    }

    fn shrink(&mut self) {
        self.ends.shrink_to_fit();
        self.ck_day.shrink_to_fit();
        self.ck_pos.shrink_to_fit();
        self.ck_ended.shrink_to_fit();
        self.snap_off.shrink_to_fit();
        self.snap.shrink_to_fit();
    }

    /// Sorted ends and checkpoints of the group at `range` (already sorted
    /// by start).
    fn add_group(&mut self, range: Range<usize>) {
        let mut ends: Vec<(i32, u32)> = range
            .clone()
            .filter(|&i| self.end[i] != OPEN)
            .map(|i| (self.end[i], pos(i)))
            .collect();
        ends.sort_unstable();
        self.ends.extend(ends.iter().map(|e| e.0));

        // Sweep the group's days in order; `slot[i]` is where interval
        // `range.start + i` sits in `alive`, for O(1) removal.
        let mut alive: Vec<u32> = Vec::new();
        let mut slot = vec![0u32; range.len()];
        let (mut si, mut ei) = (range.start, 0);
        let mut since = 0;
        while si < range.end || ei < ends.len() {
            let day = match (self.start.get(si).filter(|_| si < range.end), ends.get(ei)) {
                (Some(&s), Some(&(e, _))) => s.min(e),
                (Some(&s), None) => s,
                (None, Some(&(e, _))) => e,
                (None, None) => break,
            };
            while ei < ends.len() && ends[ei].0 == day {
                let gone = ends[ei].1 as usize - range.start;
                let at = slot[gone] as usize;
                alive.swap_remove(at);
                if let Some(&moved) = alive.get(at) {
                    slot[moved as usize - range.start] = pos(at);
                }
                ei += 1;
                since += 1;
            }
            while si < range.end && self.start[si] == day {
                slot[si - range.start] = pos(alive.len());
                alive.push(pos(si));
                si += 1;
                since += 1;
            }
            if since >= EVENTS_PER_ALIVE * alive.len().max(MIN_EVENTS) {
                let mut snapshot = alive.clone();
                snapshot.sort_unstable_by_key(|&i| (std::cmp::Reverse(self.end[i as usize]), i));
                let items: Vec<u32> = snapshot.iter().map(|&i| self.item[i as usize]).collect();
                self.push_checkpoint(day, si, ei, &items);
                since = 0;
            }
        }
    }

    fn push_checkpoint(&mut self, day: i32, first_after: usize, ended: usize, snapshot: &[u32]) {
        self.ck_day.push(day);
        self.ck_pos.push(pos(first_after));
        self.ck_ended.push(pos(ended));
        self.snap.extend_from_slice(snapshot);
        self.snap_off.push(pos(self.snap.len()));
    }

    /// The items of group `g` alive on day `t`.
    fn alive(&self, g: usize, t: i32) -> Alive<'_> {
        let cks = self.ck_off[g] as usize..self.ck_off[g + 1] as usize;
        let (first, last) = (self.off[g] as usize, self.off[g + 1] as usize);
        let (ends_first, ends_last) = (self.end_off[g] as usize, self.end_off[g + 1] as usize);
        // Checkpoints on or before t; before the first, the group's start
        // acts as one with nothing alive (no entry stored for it: that
        // would cost 16 bytes for every group, many of them tiny).
        let before = self.ck_day[cks.clone()].partition_point(|&d| d <= t);
        let (lo, e_lo, snap) = match before.checked_sub(1) {
            Some(i) => {
                let c = cks.start + i;
                let snap = &self.snap[self.snap_off[c] as usize..self.snap_off[c + 1] as usize];
                (
                    self.ck_pos[c] as usize,
                    ends_first + self.ck_ended[c] as usize,
                    snap,
                )
            }
            None => (first, ends_first, &[][..]),
        };
        // Days before the next checkpoint's: every search stays between the
        // two checkpoints, a few entries.
        let next = cks.start + before;
        let (lo_end, e_hi) = if next < cks.end {
            (
                self.ck_pos[next] as usize,
                ends_first + self.ck_ended[next] as usize,
            )
        } else {
            (last, ends_last)
        };
        let hi = lo + self.start[lo..lo_end].partition_point(|&s| s <= t);
        let window = &self.end[lo..hi];
        // Every end in (checkpoint, t] ends a snapshot interval or one
        // starting in the window; what is left is the snapshot's dead suffix.
        let ended = self.ends[e_lo..e_hi].partition_point(|&e| e <= t);
        let window_dead = window.iter().map(|&e| usize::from(e <= t)).sum::<usize>();
        Alive {
            t,
            head: snap[..snap.len() - (ended - window_dead)].iter(),
            tail: window.iter().zip(&self.item[lo..hi]),
        }
    }

    fn heap_bytes(&self) -> usize {
        fn b<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        b(&self.off)
            + b(&self.start)
            + b(&self.end)
            + b(&self.item)
            + b(&self.end_off)
            + b(&self.ends)
            + b(&self.ck_off)
            + b(&self.ck_day)
            + b(&self.ck_pos)
            + b(&self.ck_ended)
            + b(&self.snap_off)
            + b(&self.snap)
    }
}

/// The items of one group alive on one day: the live prefix of a snapshot,
/// then the window's intervals that have not ended.
#[derive(Debug, Clone)]
pub(crate) struct Alive<'a> {
    t: i32,
    head: std::slice::Iter<'a, u32>,
    tail: std::iter::Zip<std::slice::Iter<'a, i32>, std::slice::Iter<'a, u32>>,
}

impl Iterator for Alive<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if let Some(&i) = self.head.next() {
            return Some(i);
        }
        for (&e, &item) in self.tail.by_ref() {
            if e > self.t {
                return Some(item);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.head.len(), Some(self.head.len() + self.tail.len()))
    }
}

/// The answer segments of a dataset, grouped by organization and by party.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    /// Groups: organizations; items: segments.
    by_org: Side,
    /// Groups: parties; items: segments.
    by_party: Side,
}

/// A day as the index stores it.
pub(crate) fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

impl Index {
    /// `rows` are `(organization, party, start, end, segment)`.
    ///
    /// # Panics
    ///
    /// When there are more than `u32::MAX` segments.
    pub(crate) fn new(rows: &[(u32, u32, i32, i32, u32)], orgs: usize, parties: usize) -> Index {
        let by_org = rows.iter().map(|&(o, _, s, e, i)| (o, s, e, i)).collect();
        let by_party = rows.iter().map(|&(_, p, s, e, i)| (p, s, e, i)).collect();
        Index {
            by_org: Side::new(by_org, orgs),
            by_party: Side::new(by_party, parties),
        }
    }

    /// The segments of organization `org` holding on `date`.
    pub(crate) fn of_org(&self, org: usize, date: NaiveDate) -> Alive<'_> {
        self.by_org.alive(org, day(date))
    }

    /// The segments of party `party` holding on `date`.
    pub(crate) fn of_party(&self, party: usize, date: NaiveDate) -> Alive<'_> {
        self.by_party.alive(party, day(date))
    }

    /// Bytes held on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.by_org.heap_bytes() + self.by_party.heap_bytes()
    }
}

/// Counts of a few kinds of answer (members, definite members, …) per
/// group: for each group and kind, its starts and its ends, sorted, side by
/// side in one array (a count's four kinds then read one stretch of
/// memory), so that the number holding on a day is two binary searches per
/// kind, however many overlap.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counter {
    kinds: usize,
    /// `(group, kind)` number `g * kinds + k` has its starts at
    /// `days[off[i]..mid[i]]` and its ends at `days[mid[i]..off[i + 1]]`.
    off: Vec<u32>,
    mid: Vec<u32>,
    /// Open ends as `OPEN`, which no day reaches.
    days: Vec<i32>,
}

impl Counter {
    /// `rows` are `(group, kind, start, end)`.
    pub(crate) fn new(mut rows: Vec<(u32, u32, i32, i32)>, groups: usize, kinds: usize) -> Counter {
        rows.sort_unstable();
        let mut c = Counter {
            kinds,
            off: Vec::with_capacity(groups * kinds + 1),
            mid: Vec::with_capacity(groups * kinds),
            days: Vec::with_capacity(rows.len() * 2),
        };
        c.off.push(0);
        let mut at = 0;
        for g in 0..groups {
            for k in 0..kinds {
                let first = at;
                while at < rows.len() && (rows[at].0 as usize, rows[at].1 as usize) == (g, k) {
                    at += 1;
                }
                c.days.extend(rows[first..at].iter().map(|r| r.2));
                c.mid.push(pos(c.days.len()));
                let mut ends: Vec<i32> = rows[first..at].iter().map(|r| r.3).collect();
                ends.sort_unstable();
                c.days.extend(ends);
                c.off.push(pos(c.days.len()));
            }
        }
        c
    }

    /// How many of kind `k` hold on day `t` in group `g`.
    #[inline]
    pub(crate) fn count(&self, g: usize, k: usize, t: i32) -> usize {
        let i = g * self.kinds + k;
        let (lo, mid, hi) = (
            self.off[i] as usize,
            self.mid[i] as usize,
            self.off[i + 1] as usize,
        );
        let started = self.days[lo..mid].partition_point(|&d| d <= t);
        let ended = self.days[mid..hi].partition_point(|&d| d <= t);
        started - ended
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        (self.off.capacity() + self.mid.capacity() + self.days.capacity()) * 4
    }
}
