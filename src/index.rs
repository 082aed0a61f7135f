//! The [`Index`]: a [`Dataset`]'s membership spells laid out once for fast
//! "who was a member of O on date X" questions.
//!
//! # Layout
//!
//! Only membership de jure counts ([`Status::is_member`](crate::Status::is_member),
//! preferred readings, the two-valued answer of [`Dataset::member_days`]); touching
//! member spells of one pair (full, then frozen) are merged into one interval.
//! Days are `i32` day numbers ([`Datelike::num_days_from_ce`]) and intervals
//! are half-open, an open end stored as `i32::MAX`.
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
//!
//! A third order, a permutation of the organization side by (party, start)
//! within each organization, answers "was P a member of O on day t" with one
//! binary search.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::dataset::Dataset;
use crate::party::{Organization, Party};

/// Fewest events between two checkpoints: below this a snapshot costs more
/// than the few entries it saves.
const MIN_EVENTS: usize = 16;
/// Events between checkpoints, as a multiple of the number alive.
const EVENTS_PER_ALIVE: usize = 2;
/// The end of an interval that never ends.
const OPEN: i32 = i32::MAX;

/// An organization of the [`Index`]'s dataset, found with
/// [`Index::organization`].
///
/// ```
/// # use membership_history::{bundled, Index};
/// let ds = bundled();
/// let index = Index::new(&ds);
/// let csto = index.organization("csto").unwrap();
/// assert_eq!(index.organization_of(csto).id(), "CSTO");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgId(u32);

impl OrgId {
    /// Its position in [`Dataset::organizations`].
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let csto = Index::new(&ds).organization("CSTO").unwrap();
    /// assert_eq!(ds.organizations()[csto.index()].id(), "CSTO");
    /// ```
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A party (a state or an organization) of the [`Index`]'s dataset, found
/// with [`Index::party`].
///
/// ```
/// # use membership_history::{bundled, Index};
/// let ds = bundled();
/// let index = Index::new(&ds);
/// let arm = index.party("ARM").unwrap();
/// assert_eq!(index.party_of(arm).name(), ds.party("ARM").unwrap().name());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartyId(u32);

impl PartyId {
    /// Its position in [`Dataset::parties`].
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let arm = Index::new(&ds).party("ARM").unwrap();
    /// assert_eq!(ds.parties()[arm.index()].code(), "ARM");
    /// ```
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

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

    fn group(&self, g: usize) -> Range<usize> {
        self.off[g] as usize..self.off[g + 1] as usize
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

    /// How many intervals of group `g` are alive on day `t`.
    fn count(&self, g: usize, t: i32) -> usize {
        let started = self.start[self.group(g)].partition_point(|&s| s <= t);
        let ended = self.ends[self.end_off[g] as usize..self.end_off[g + 1] as usize]
            .partition_point(|&e| e <= t);
        started - ended
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
struct Alive<'a> {
    t: i32,
    head: std::slice::Iter<'a, u32>,
    tail: std::iter::Zip<std::slice::Iter<'a, i32>, std::slice::Iter<'a, u32>>,
}

impl Alive<'_> {
    /// Appends every item, converted by `f`, to `out`: the head is copied
    /// whole, the tail compacted without a branch per interval.
    fn append<T: Copy>(self, out: &mut Vec<T>, f: impl Fn(u32) -> T + Copy) {
        out.extend(self.head.map(|&i| f(i)));
        let (ends, items) = (self.tail.len(), self.tail.clone());
        let Some((_, &first)) = items.clone().next() else {
            return;
        };
        let at = out.len();
        out.resize(at + ends, f(first));
        let slots = &mut out[at..];
        let mut n = 0;
        for (&e, &item) in self.tail {
            slots[n] = f(item);
            n += usize::from(e > self.t);
        }
        out.truncate(at + n);
    }
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

/// An index over a [`Dataset`]'s memberships, built once, answering
/// membership questions in O(log n) (plus O(k) to list k answers).
///
/// It answers the two-valued question (preferred readings, full or frozen
/// membership), like [`Dataset::member_days`]. Each interval is stored
/// twice, grouped by organization and by party, each group sorted by start,
/// with checkpoints listing the intervals alive on a day (`BENCHMARKS.md`
/// describes the layout and its costs).
///
/// ```
/// use membership_history::{bundled, Index};
///
/// let ds = bundled();
/// let index = Index::new(&ds);
/// let csto = index.organization("CSTO").unwrap();
/// let day = "2013-06-01".parse()?;
/// let mut members: Vec<&str> = index.members_on(csto, day).map(|p| index.party_of(p).code()).collect();
/// members.sort();
/// assert_eq!(members, ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]); // UZB suspended
/// assert_eq!(index.member_count(csto, day), 6);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Index<'a> {
    dataset: &'a Dataset,
    /// Groups: organizations; items: parties.
    by_org: Side,
    /// Groups: parties; items: organizations.
    by_party: Side,
    /// Positions in `by_org`, sorted by (organization, party, start).
    pairs: Vec<u32>,
}

fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

impl<'a> Index<'a> {
    /// Builds the index of `dataset`'s membership spells.
    ///
    /// # Panics
    ///
    /// When the dataset has more than `u32::MAX` spells.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// assert!(index.len() > 0 && index.heap_bytes() > 0);
    /// ```
    pub fn new(dataset: &'a Dataset) -> Self {
        let mut rows: Vec<(u32, i32, i32, u32)> = Vec::new();
        for m in &dataset.memberships {
            let (org, party) = (pos(m.org), pos(m.party));
            let mut open: Option<(i32, i32)> = None;
            for s in m.spells.iter().filter(|s| s.status.is_member()) {
                let (a, b) = (day(s.start), s.end.map_or(OPEN, day));
                if b <= a {
                    continue;
                }
                match &mut open {
                    // Full, then frozen: one membership.
                    Some((_, end)) if *end == a => *end = b,
                    _ => {
                        if let Some((x, y)) = open.take() {
                            rows.push((org, x, y, party));
                        }
                        open = Some((a, b));
                    }
                }
            }
            if let Some((x, y)) = open {
                rows.push((org, x, y, party));
            }
        }
        let swapped: Vec<(u32, i32, i32, u32)> =
            rows.iter().map(|&(o, s, e, p)| (p, s, e, o)).collect();
        let by_org = Side::new(rows, dataset.orgs.len());
        let by_party = Side::new(swapped, dataset.parties.len());
        let mut pairs: Vec<u32> = (0..pos(by_org.start.len())).collect();
        for g in 0..dataset.orgs.len() {
            let r = by_org.group(g);
            pairs[r].sort_unstable_by_key(|&i| (by_org.item[i as usize], by_org.start[i as usize]));
        }
        Index {
            dataset,
            by_org,
            by_party,
            pairs,
        }
    }

    /// The dataset it indexes.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// assert_eq!(Index::new(&ds).dataset().organizations().len(), ds.organizations().len());
    /// ```
    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    /// The organization with this id, official name or alias (any case).
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// assert!(index.organization("Collective Security Treaty Organization").is_some());
    /// assert!(index.organization("NATO").is_none());
    /// ```
    pub fn organization(&self, name: &str) -> Option<OrgId> {
        self.dataset.org_index(name).ok().map(|i| OrgId(pos(i)))
    }

    /// The party with this code.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// assert!(Index::new(&ds).party("KAZ").is_some());
    /// ```
    pub fn party(&self, code: &str) -> Option<PartyId> {
        self.dataset
            .party_index_of(code)
            .ok()
            .map(|i| PartyId(pos(i)))
    }

    /// The organization an id stands for.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// assert_eq!(index.organization_of(index.organization("odkb").unwrap()).id(), "CSTO");
    /// ```
    pub fn organization_of(&self, id: OrgId) -> &'a Organization {
        &self.dataset.orgs[id.index()]
    }

    /// The party an id stands for.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// assert_eq!(index.party_of(index.party("RUS").unwrap()).code(), "RUS");
    /// ```
    pub fn party_of(&self, id: PartyId) -> &'a Party {
        &self.dataset.parties[id.index()]
    }

    /// Whether `party` was a member of `org` on `date`, in O(log n): one
    /// binary search over the organization's spells ordered by party.
    ///
    /// A member on the day it joins, not on the day its membership ends.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// let (csto, uzb) = (index.organization("CSTO").unwrap(), index.party("UZB").unwrap());
    /// assert!(index.is_member(csto, uzb, "2006-08-16".parse()?));
    /// assert!(!index.is_member(csto, uzb, "2012-06-28".parse()?)); // suspended that day
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_member(&self, org: OrgId, party: PartyId, date: NaiveDate) -> bool {
        let (t, p) = (day(date), party.0);
        let side = &self.by_org;
        let pairs = &self.pairs[side.group(org.index())];
        let k = pairs.partition_point(|&i| {
            let i = i as usize;
            (side.item[i], side.start[i]) <= (p, t)
        });
        k.checked_sub(1)
            .map(|k| pairs[k] as usize)
            .is_some_and(|i| side.item[i] == p && side.end[i] > t)
    }

    /// The members of `org` on `date`, in O(log n + k), in no particular
    /// order.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// let csto = index.organization("CSTO").unwrap();
    /// assert_eq!(index.members_on(csto, "1994-06-01".parse()?).count(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn members_on(&self, org: OrgId, date: NaiveDate) -> MembersOn<'_> {
        MembersOn(self.by_org.alive(org.index(), day(date)))
    }

    /// Appends the members of `org` on `date` to `out`: the same answer as
    /// [`members_on`](Index::members_on), collected in bulk (most of it is
    /// one copy of a precomputed list).
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// let csto = index.organization("CSTO").unwrap();
    /// let mut out = Vec::new();
    /// index.members_into(csto, "1994-06-01".parse()?, &mut out);
    /// assert_eq!(out.len(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn members_into(&self, org: OrgId, date: NaiveDate, out: &mut Vec<PartyId>) {
        self.by_org
            .alive(org.index(), day(date))
            .append(out, PartyId);
    }

    /// How many members `org` had on `date`, in O(log n) however many
    /// overlap.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// let csto = index.organization("CSTO").unwrap();
    /// assert_eq!(index.member_count(csto, "1994-06-01".parse()?), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn member_count(&self, org: OrgId, date: NaiveDate) -> usize {
        self.by_org.count(org.index(), day(date))
    }

    /// The organizations of which `party` was a member on `date`, in
    /// O(log n + k), in no particular order.
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// let arm = index.party("ARM").unwrap();
    /// let orgs: Vec<&str> = index.organizations_of(arm, "2025-01-01".parse()?)
    ///     .map(|o| index.organization_of(o).id())
    ///     .collect();
    /// assert!(orgs.contains(&"CSTO")); // frozen, still a member de jure
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organizations_of(&self, party: PartyId, date: NaiveDate) -> OrganizationsOf<'_> {
        OrganizationsOf(self.by_party.alive(party.index(), day(date)))
    }

    /// How many organizations `party` was a member of on `date`, in O(log n).
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// let arm = index.party("ARM").unwrap();
    /// let day = "2025-01-01".parse()?;
    /// assert_eq!(index.organization_count(arm, day), index.organizations_of(arm, day).count());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organization_count(&self, party: PartyId, date: NaiveDate) -> usize {
        self.by_party.count(party.index(), day(date))
    }

    /// The number of membership intervals indexed (touching member spells
    /// of one pair count once).
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// assert!(index.len() <= ds.spell_records().len());
    /// assert!(!index.is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.by_org.start.len()
    }

    /// Whether no membership is indexed.
    ///
    /// ```
    /// # use membership_history::{Dataset, Index};
    /// let ds = Dataset::builder().build()?;
    /// assert!(Index::new(&ds).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes the index holds on the heap (the dataset it borrows excluded).
    ///
    /// ```
    /// # use membership_history::{bundled, Index};
    /// let ds = bundled();
    /// let index = Index::new(&ds);
    /// assert!(index.heap_bytes() >= index.len() * 24);
    /// ```
    pub fn heap_bytes(&self) -> usize {
        self.by_org.heap_bytes() + self.by_party.heap_bytes() + self.pairs.capacity() * 4
    }
}

/// The members of an organization on a date, from [`Index::members_on`].
#[derive(Debug, Clone)]
pub struct MembersOn<'a>(Alive<'a>);

impl Iterator for MembersOn<'_> {
    type Item = PartyId;

    #[inline]
    fn next(&mut self) -> Option<PartyId> {
        self.0.next().map(PartyId)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

/// The organizations of a party on a date, from [`Index::organizations_of`].
#[derive(Debug, Clone)]
pub struct OrganizationsOf<'a>(Alive<'a>);

impl Iterator for OrganizationsOf<'_> {
    type Item = OrgId;

    #[inline]
    fn next(&mut self) -> Option<OrgId> {
        self.0.next().map(OrgId)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}
