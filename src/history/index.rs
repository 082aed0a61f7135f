//! The index a [`Dataset`](crate::Dataset) builds with itself: its answer
//! segments (stretches of days over which one pair's three-valued answer
//! does not change, see `answer.rs`) laid out once for fast "who was a
//! member of O on date X" and "which organizations was P in" questions.
//!
//! # Layout
//!
//! Days are `i32` *day keys*, `year · 512 + day of the year − 1` ([`day`]):
//! ordered like the dates and read from a `NaiveDate` in two shifts, where a
//! day number (`num_days_from_ce`) takes divisions. They are not
//! consecutive, and nothing here needs them to be. Intervals are half-open,
//! an open end stored as `i32::MAX`; an interval's item is the segment's
//! number.
//!
//! Two *sides* hold the intervals, grouped by organization (items: its
//! parties' segments) and by party (items: its organizations' segments).
//! A group is stored in one of two ways, chosen when it is built:
//!
//! An organization has two groups: its members' segments (those whose
//! answer is "member de jure", by the preferred readings) and the rest, so
//! that its members are listed without looking at the others.
//!
//! * **Full lists**, where they are cheap: for each day on which the group's
//!   set of live intervals changes, the items alive from that day to the
//!   next, and beside them their tags (for an organization, the parties).
//!   A query finds the change day in the group's bucket table ([`Steps`],
//!   O(1) for evenly spread days) and returns ready slices. The lists hold
//!   the number alive summed over the change days; a group gets them when
//!   that is at most `BY_ORG_FULL` entries per interval (so at most 32 × 8
//!   bytes, an item and its tag, per interval, plus 12 per change day: its
//!   key, its bucket and its list, plus 24 per group), else it falls back
//!   to
//! * **Checkpoints**: the intervals sorted by start as three plain arrays
//!   (start, end, item), with a sorted copy of the finite ends. The items
//!   alive on day `t` come from a checkpoint `c <= t`: a snapshot of the
//!   items alive on day `c`, latest end first, and the run of the
//!   start-sorted arrays that starts in `(c, t]` (the *window*). The
//!   snapshot's items still alive on `t` are a prefix, whose length is known
//!   from the ends in `(c, t]` (one more binary search), so it is copied
//!   whole; the window is filtered by end. A checkpoint is taken whenever
//!   the events (starts and ends) since the last one reach a share of the
//!   number alive ([`Layout`]): for an organization a quarter, so that its
//!   window is a small part of the answer and a listing is mostly a ready
//!   slice (the snapshots then hold about 8 entries, 64 bytes with their
//!   tags, per interval); for a party twice, so that the snapshots hold at
//!   most half as many entries as there are events (a query reads O(k)
//!   entries beyond its binary searches).
//!
//! Counting is the job of [`Counter`], below, with the same bucket tables.

use chrono::{Datelike, NaiveDate};

/// How a side lays out its groups.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// A group is read from full lists (one per change day) when they hold
    /// at most this many entries per interval, from checkpoints otherwise.
    full_per_interval: usize,
    /// A checkpoint is taken when the events since the last reach the
    /// number alive times `events_per_alive.0 / events_per_alive.1`, and at
    /// least `min_events` (below which a snapshot costs more than the few
    /// entries it saves).
    events_per_alive: (usize, usize),
    min_events: usize,
}

/// Organizations: on the COW IGO file every one gets full lists (0.9 MB
/// more than checkpoints, measured before the lists carried tags); the
/// larger synthetic ones checkpoints a quarter of their members apart.
const BY_ORG: Layout = Layout {
    full_per_interval: 32,
    events_per_alive: (1, 4),
    min_events: 4,
};
/// Parties, whose listing is the rarer question: checkpoints only (full
/// lists would cost 4.1 MB more on the COW IGO file), sparse ones.
const BY_PARTY: Layout = Layout {
    full_per_interval: 0,
    events_per_alive: (2, 1),
    min_events: 32,
};
/// The end of an interval that never ends.
pub(crate) const OPEN: i32 = i32::MAX;
/// Longest bucket of change days scanned linearly; a longer one (days
/// bunched in one stretch) is binary searched, so the worst case stays
/// O(log n).
const SCAN: usize = 16;

/// The change days of many groups, each day with a payload `P` (what
/// holds from it to the next change day), each group's days sorted and
/// distinct, with a bucket table per group (the scheme of `FrozenSet`, see
/// `interval/lookup.rs`): the group's span of days is cut into about as
/// many equal buckets as it has days, and the table says where each
/// bucket's days begin, so the last day on or before `t` is found in one
/// step and a scan of a bucket of one or two days, not a binary search.
/// The payload sits beside its day, so the search's last read brings it.
/// Memory: the day and its payload, and at most one bucket (4 bytes) per
/// day, 4 + 24 bytes per group.
#[derive(Debug, Clone)]
struct Steps<P> {
    groups: Vec<StepGroup>,
    steps: Vec<(i32, P)>,
    table: Vec<u32>,
}

impl<P> Default for Steps<P> {
    fn default() -> Self {
        Steps {
            groups: Vec::new(),
            steps: Vec::new(),
            table: Vec::new(),
        }
    }
}

/// Where one group's days and buckets are in a [`Steps`].
#[derive(Debug, Clone, Copy)]
struct StepGroup {
    /// The group's days are `steps[first..first + len]`.
    first: u32,
    len: u32,
    /// Its first day (`OPEN` for a group without days): day `t >= min`
    /// falls in bucket `(t - min) >> shift`.
    min: i32,
    shift: u32,
    /// Bucket `b < buckets` holds the group's days `table[at + b]..table[at
    /// + b + 1]` (counted from `first`).
    at: u32,
    buckets: u32,
}

impl<P: Copy> Steps<P> {
    /// Adds the next group, its `steps` sorted by day and distinct
    /// (perhaps none). With `end`, a last step `(OPEN, end)` follows them,
    /// never found by a search, so that every day's step has a next one
    /// (where a list ends, say).
    fn push(&mut self, steps: impl IntoIterator<Item = (i32, P)>, end: Option<P>) {
        let first = self.steps.len();
        self.steps.extend(steps);
        let group = &self.steps[first..];
        let len = group.len();
        debug_assert!(group.windows(2).all(|w| w[0].0 < w[1].0));
        let at = pos(self.table.len());
        let (Some(&(min, _)), Some(&(max, _))) = (group.first(), group.last()) else {
            self.groups.push(StepGroup {
                first: pos(first),
                len: 0,
                min: OPEN,
                shift: 0,
                at,
                buckets: 0,
            });
            self.steps.extend(end.map(|p| (OPEN, p)));
            return;
        };
        let range = (i64::from(max) - i64::from(min)) as u64;
        // The smallest shift that leaves no more buckets than days.
        let mut shift = 0;
        while (range >> shift) >= len as u64 {
            shift += 1;
        }
        let buckets = (range >> shift) as usize + 1;
        let mut i = 0;
        for b in 0..=buckets as u64 {
            while i < len && ((i64::from(group[i].0) - i64::from(min)) as u64 >> shift) < b {
                i += 1;
            }
            self.table.push(pos(i));
        }
        self.groups.push(StepGroup {
            first: pos(first),
            len: pos(len),
            min,
            shift,
            at,
            buckets: pos(buckets),
        });
        self.steps.extend(end.map(|p| (OPEN, p)));
    }

    /// Whether group `g` has any day.
    #[inline]
    fn has(&self, g: usize) -> bool {
        self.groups[g].len > 0
    }

    /// The positions in `steps` of group `g`'s days.
    #[inline]
    fn range(&self, g: usize) -> std::ops::Range<usize> {
        let m = self.groups[g];
        m.first as usize..(m.first + m.len) as usize
    }

    /// The step at position `i` (the last of a group's, and its `end`).
    #[inline]
    fn get(&self, i: usize) -> (i32, P) {
        self.steps[i]
    }

    /// The position in `steps` of group `g`'s last day on or before `t`.
    // Always inlined: a call costs about as much as the lookup (one
    // criterion run: members_cow 11.4 ns with calls).
    #[inline(always)]
    fn at_or_before(&self, g: usize, t: i32) -> Option<usize> {
        let m = self.groups[g];
        if t < m.min {
            return None;
        }
        let steps = &self.steps[m.first as usize..][..m.len as usize];
        let b = ((i64::from(t) - i64::from(m.min)) as u64 >> m.shift) as usize;
        let n = if b >= m.buckets as usize {
            steps.len()
        } else {
            let at = m.at as usize + b;
            let (lo, hi) = (self.table[at] as usize, self.table[at + 1] as usize);
            let bucket = &steps[lo..hi];
            lo + if bucket.len() <= SCAN {
                // Most buckets hold one or two days: a plain walk, which
                // stops at the first day after t.
                bucket.iter().take_while(|s| s.0 <= t).count()
            } else {
                bucket.partition_point(|s| s.0 <= t)
            }
        };
        n.checked_sub(1).map(|i| m.first as usize + i)
    }

    fn shrink(&mut self) {
        self.groups.shrink_to_fit();
        self.steps.shrink_to_fit();
        self.table.shrink_to_fit();
    }

    fn heap_bytes(&self) -> usize {
        self.groups.capacity() * std::mem::size_of::<StepGroup>()
            + self.steps.capacity() * std::mem::size_of::<(i32, P)>()
            + self.table.capacity() * 4
    }
}

/// Intervals grouped (by organization or by party), each group read from
/// full lists or from checkpoints (see the module's documentation). Every
/// item carries a *tag* (for an organization, the item's party) stored
/// beside it, so that a listing of tags reads nothing else.
#[derive(Debug, Clone, Default)]
struct Side {
    /// Group `g` read from checkpoints is `off[g]..off[g + 1]` of `start`,
    /// `end`, `item` and `tag`, sorted by start (empty for a full group).
    off: Vec<u32>,
    start: Vec<i32>,
    end: Vec<i32>,
    item: Vec<u32>,
    tag: Vec<u32>,
    /// Group `g`'s finite ends, sorted, are `ends[end_off[g]..end_off[g + 1]]`.
    end_off: Vec<u32>,
    ends: Vec<i32>,
    /// The checkpoints' days, per group (perhaps none: a small group is
    /// read from its start); checkpoint `c` is a position in `cks.steps`.
    cks: Steps<()>,
    /// The first interval of the group starting after the checkpoint's day.
    ck_pos: Vec<u32>,
    /// How many of the group's finite ends are on or before its day.
    ck_ended: Vec<u32>,
    /// Checkpoint `c`'s snapshot is `snap[snap_off[c]..snap_off[c + 1]]`
    /// (and the same of `snap_tag`): the items of the intervals alive on
    /// its day, latest end first, so that those still alive on a later day
    /// are a prefix.
    snap_off: Vec<u32>,
    snap: Vec<u32>,
    snap_tag: Vec<u32>,
    /// The change days of the groups read from full lists (none for a
    /// group read from checkpoints), each with where its list begins: the
    /// items alive from the day of step `c` to the next are
    /// `entries[full.get(c).1..full.get(c + 1).1]` (and the same of
    /// `entry_tag`), in item order (each group's steps end with one that
    /// gives the end of its last list).
    full: Steps<u32>,
    entries: Vec<u32>,
    entry_tag: Vec<u32>,
}

/// `(group, start, end, item)`.
type Row = (u32, i32, i32, u32);

/// Walks the change days of a group sorted by start, calling `at_day` after
/// each day's starts and ends with the day, how many intervals have started
/// and how many finite ends have passed so far, and the positions in
/// `group` of the intervals alive from that day on (in no order).
fn sweep(group: &[Row], mut at_day: impl FnMut(i32, usize, usize, &[u32])) {
    let mut ends: Vec<(i32, u32)> = (0..group.len())
        .filter(|&i| group[i].2 != OPEN)
        .map(|i| (group[i].2, pos(i)))
        .collect();
    ends.sort_unstable();
    // `slot[i]` is where interval `i` sits in `alive`, for O(1) removal.
    let mut alive: Vec<u32> = Vec::new();
    let mut slot = vec![0u32; group.len()];
    let (mut si, mut ei) = (0, 0);
    loop {
        let day = match (group.get(si), ends.get(ei)) {
            (Some(s), Some(&(e, _))) => s.1.min(e),
            (Some(s), None) => s.1,
            (None, Some(&(e, _))) => e,
            (None, None) => break,
        };
        while ei < ends.len() && ends[ei].0 == day {
            let at = slot[ends[ei].1 as usize] as usize;
            alive.swap_remove(at);
            if let Some(&moved) = alive.get(at) {
                slot[moved as usize] = pos(at);
            }
            ei += 1;
        }
        while si < group.len() && group[si].1 == day {
            slot[si] = pos(alive.len());
            alive.push(pos(si));
            si += 1;
        }
        at_day(day, si, ei, &alive);
    }
}

/// The entries a group's full lists would take: the number alive summed
/// over its change days.
fn full_size(group: &[Row]) -> usize {
    let mut size = 0;
    sweep(group, |_, _, _, alive| size += alive.len());
    size
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
    /// `rows` are `(group, start, end, item)`; `groups` is the number of
    /// groups, `tag[item]` an item's tag.
    fn new(mut rows: Vec<Row>, groups: usize, layout: Layout, tag: &[u32]) -> Side {
        rows.sort_unstable();
        let n = rows.len();
        let mut s = Side {
            off: Vec::with_capacity(groups + 1),
            end_off: Vec::with_capacity(groups + 1),
            ..Side::default()
        };
        s.off.push(0);
        s.end_off.push(0);
        s.snap_off.push(0);
        let mut at = 0;
        for g in 0..groups {
            let first = at;
            while at < n && rows[at].0 as usize == g {
                at += 1;
            }
            let group = &rows[first..at];
            if full_size(group) <= layout.full_per_interval.saturating_mul(group.len()) {
                s.add_full(group, tag);
                s.cks.push([], None);
            } else {
                s.full.push([], None);
                s.add_group(group, tag, layout);
            }
            s.off.push(pos(s.start.len()));
            s.end_off.push(pos(s.ends.len()));
        }
        s.shrink();
        s
    }

    fn shrink(&mut self) {
        for v in [
            &mut self.off,
            &mut self.item,
            &mut self.tag,
            &mut self.end_off,
            &mut self.ck_pos,
            &mut self.ck_ended,
            &mut self.snap_off,
            &mut self.snap,
            &mut self.snap_tag,
            &mut self.entries,
            &mut self.entry_tag,
        ] {
            v.shrink_to_fit();
        }
        self.start.shrink_to_fit();
        self.end.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.cks.shrink();
        self.full.shrink();
    }

    /// A group whose every change day gets the list of the items alive
    /// from it to the next: a query is a bucket lookup and a slice.
    fn add_full(&mut self, group: &[Row], tag: &[u32]) {
        let mut days = Vec::new();
        let mut items: Vec<u32> = Vec::new();
        sweep(group, |day, _, _, alive| {
            days.push((day, pos(self.entries.len())));
            items.clear();
            items.extend(alive.iter().map(|&i| group[i as usize].3));
            // In item order, which is segment order: the answers are read
            // from one run of memory.
            items.sort_unstable();
            self.entries.extend_from_slice(&items);
            self.entry_tag
                .extend(items.iter().map(|&item| tag[item as usize]));
        });
        self.full.push(days, Some(pos(self.entries.len())));
    }

    /// A group read from checkpoints: its intervals sorted by start, its
    /// sorted finite ends, and a checkpoint whenever the events since the
    /// last reach the `layout`'s share of the number alive.
    fn add_group(&mut self, group: &[Row], tag: &[u32], layout: Layout) {
        let (times, per) = layout.events_per_alive;
        let first = self.start.len();
        self.start.extend(group.iter().map(|r| r.1));
        self.end.extend(group.iter().map(|r| r.2));
        self.item.extend(group.iter().map(|r| r.3));
        self.tag.extend(group.iter().map(|r| tag[r.3 as usize]));
        let mut ends: Vec<i32> = group.iter().map(|r| r.2).filter(|&e| e != OPEN).collect();
        ends.sort_unstable();
        self.ends.extend(ends);
        let mut days = Vec::new();
        let mut last = 0;
        sweep(group, |day, started, ended, alive| {
            if started + ended - last >= (alive.len() * times / per).max(layout.min_events) {
                let mut snapshot = alive.to_vec();
                snapshot.sort_unstable_by_key(|&i| (std::cmp::Reverse(group[i as usize].2), i));
                days.push((day, ()));
                self.ck_pos.push(pos(first + started));
                self.ck_ended.push(pos(ended));
                for &i in &snapshot {
                    let item = group[i as usize].3;
                    self.snap.push(item);
                    self.snap_tag.push(tag[item as usize]);
                }
                self.snap_off.push(pos(self.snap.len()));
                last = started + ended;
            }
        });
        self.cks.push(days, None);
    }

    /// The items of group `g` alive on day `t`.
    #[inline(always)]
    fn alive(&self, g: usize, t: i32) -> Alive<'_> {
        if !self.full.has(g) {
            return self.alive_from_checkpoints(g, t);
        }
        let (head, tags): (&[u32], &[u32]) = match self.full.at_or_before(g, t) {
            Some(c) => {
                let (lo, hi) = (self.full.get(c).1 as usize, self.full.get(c + 1).1 as usize);
                (&self.entries[lo..hi], &self.entry_tag[lo..hi])
            }
            None => (&[], &[]),
        };
        Alive {
            t,
            head: head.iter(),
            head_tags: tags,
            ..Alive::default()
        }
    }

    /// The items of group `g`, read from checkpoints, alive on day `t`.
    fn alive_from_checkpoints(&self, g: usize, t: i32) -> Alive<'_> {
        let cks = self.cks.range(g);
        let (first, last) = (self.off[g] as usize, self.off[g + 1] as usize);
        let (ends_first, ends_last) = (self.end_off[g] as usize, self.end_off[g + 1] as usize);
        // The checkpoint on or before t; before the first, the group's
        // start acts as one with nothing alive (no entry stored for it:
        // that would cost 16 bytes for every group, many of them tiny).
        let at = self.cks.at_or_before(g, t);
        let (lo, e_lo, snap, snap_tag) = match at {
            Some(c) => {
                let s = self.snap_off[c] as usize..self.snap_off[c + 1] as usize;
                (
                    self.ck_pos[c] as usize,
                    ends_first + self.ck_ended[c] as usize,
                    &self.snap[s.clone()],
                    &self.snap_tag[s],
                )
            }
            None => (first, ends_first, &[][..], &[][..]),
        };
        // Days before the next checkpoint's: every search stays between the
        // two checkpoints, a few entries.
        let next = at.map_or(cks.start, |c| c + 1);
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
        let live = snap.len() - (ended - window_dead);
        Alive {
            t,
            head: snap[..live].iter(),
            head_tags: &snap_tag[..live],
            ends: window,
            items: &self.item[lo..hi],
            tags: &self.tag[lo..hi],
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
            + b(&self.tag)
            + b(&self.end_off)
            + b(&self.ends)
            + self.cks.heap_bytes()
            + b(&self.ck_pos)
            + b(&self.ck_ended)
            + b(&self.snap_off)
            + b(&self.snap)
            + b(&self.snap_tag)
            + self.full.heap_bytes()
            + b(&self.entries)
            + b(&self.entry_tag)
    }
}

/// The items of one group alive on one day, with their tags: those alive
/// for sure (a full list, or a snapshot's live prefix), then the window's
/// intervals (started since the checkpoint) that have not ended. The
/// default has none.
#[derive(Debug, Clone, Default)]
pub(crate) struct Alive<'a> {
    t: i32,
    head: std::slice::Iter<'a, u32>,
    /// The tags of `head` as it was made (those not yet taken are the last
    /// `head.len()`).
    head_tags: &'a [u32],
    /// The window's ends, items and tags, those not yet looked at.
    ends: &'a [i32],
    items: &'a [u32],
    tags: &'a [u32],
}

impl<'a> Alive<'a> {
    /// The tags of the items not yet taken, in the same order.
    #[inline]
    pub(crate) fn tags(&self) -> Tags<'a> {
        Tags {
            t: self.t,
            head: self.head_tags[self.head_tags.len() - self.head.len()..].iter(),
            ends: self.ends,
            tags: self.tags,
        }
    }
}

impl Iterator for Alive<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if let Some(&i) = self.head.next() {
            return Some(i);
        }
        while let Some((&e, ends)) = self.ends.split_first() {
            let item = self.items[0];
            self.ends = ends;
            self.items = &self.items[1..];
            self.tags = &self.tags[1..];
            if e > self.t {
                return Some(item);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.head.len(), Some(self.head.len() + self.ends.len()))
    }

    // Two plain loops, not a test of `head` for every item.
    #[inline]
    fn fold<B, F: FnMut(B, u32) -> B>(self, init: B, mut f: F) -> B {
        let t = self.t;
        let acc = self.head.fold(init, |acc, &i| f(acc, i));
        self.ends
            .iter()
            .zip(self.items)
            .filter(|&(&e, _)| e > t)
            .fold(acc, |acc, (_, &i)| f(acc, i))
    }
}

/// The tags of the items of an [`Alive`]: a ready slice, then the window's
/// that have not ended.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tags<'a> {
    t: i32,
    head: std::slice::Iter<'a, u32>,
    ends: &'a [i32],
    tags: &'a [u32],
}

impl Iterator for Tags<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if let Some(&tag) = self.head.next() {
            return Some(tag);
        }
        while let Some((&e, ends)) = self.ends.split_first() {
            let tag = self.tags[0];
            self.ends = ends;
            self.tags = &self.tags[1..];
            if e > self.t {
                return Some(tag);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.head.len(), Some(self.head.len() + self.ends.len()))
    }

    // The ready slice as a plain loop (which the compiler can vectorize),
    // then the window.
    #[inline]
    fn fold<B, F: FnMut(B, u32) -> B>(self, init: B, mut f: F) -> B {
        let t = self.t;
        let acc = self.head.fold(init, |acc, &tag| f(acc, tag));
        self.ends
            .iter()
            .zip(self.tags)
            .filter(|&(&e, _)| e > t)
            .fold(acc, |acc, (_, &tag)| f(acc, tag))
    }
}

/// The answer segments of a dataset, grouped by organization and by party.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    /// Groups: organization `o`'s members' segments are group `2o`, its
    /// other segments group `2o + 1`; items: segments, tagged with their
    /// parties.
    by_org: Side,
    /// Groups: parties; items: segments.
    by_party: Side,
}

/// A day as the index stores it: its key, `year · 512 + day of the year −
/// 1` (from −134,217,728 to 134,216,556 over chrono's dates, so never
/// `OPEN`).
#[inline]
pub(crate) fn day(date: NaiveDate) -> i32 {
    (date.year() << 9) | date.ordinal0() as i32
}

/// The date of a key made by [`day`].
pub(crate) fn date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_yo_opt(day >> 9, (day & 511) as u32 + 1)
}

impl Index {
    /// `rows` are `(organization, party, start, end, segment)`, row `i`
    /// segment `i`'s; `member[i]` says whether segment `i`'s answer is
    /// "member de jure".
    ///
    /// # Panics
    ///
    /// When there are more than `u32::MAX` segments.
    pub(crate) fn new(
        rows: &[(u32, u32, i32, i32, u32)],
        member: &[bool],
        orgs: usize,
        parties: usize,
    ) -> Index {
        let by_org = rows
            .iter()
            .map(|&(o, _, s, e, i)| (2 * o + u32::from(!member[i as usize]), s, e, i))
            .collect();
        let by_party = rows.iter().map(|&(_, p, s, e, i)| (p, s, e, i)).collect();
        let party: Vec<u32> = rows.iter().map(|r| r.1).collect();
        let org: Vec<u32> = rows.iter().map(|r| r.0).collect();
        Index {
            by_org: Side::new(by_org, 2 * orgs, BY_ORG, &party),
            by_party: Side::new(by_party, parties, BY_PARTY, &org),
        }
    }

    /// The segments of organization `org`'s members (de jure, by the
    /// preferred readings) holding on `date`.
    #[inline]
    pub(crate) fn members_of_org(&self, org: usize, date: NaiveDate) -> Alive<'_> {
        self.by_org.alive(2 * org, day(date))
    }

    /// The other segments of organization `org` holding on `date`.
    #[inline]
    pub(crate) fn others_of_org(&self, org: usize, date: NaiveDate) -> Alive<'_> {
        self.by_org.alive(2 * org + 1, day(date))
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
/// group: the days on which any of a group's counts changes, sorted, and
/// the counts from each such day to the next, `KINDS` side by side. The
/// counts on day `t` are one bucket lookup over the group's change days
/// ([`Steps`]) and one read of 16 bytes, however many overlap. Memory: at
/// most 4 + 4 + 16 bytes per change day, at most two change days per
/// interval counted.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counter {
    /// Each change day with the counts from it to the next.
    steps: Steps<[u32; KINDS]>,
}

/// The kinds a [`Counter`] counts.
pub(crate) const KINDS: usize = 4;

impl Counter {
    /// `rows` are `(group, kind, start, end)`, `kind < KINDS`.
    pub(crate) fn new(rows: Vec<(u32, u32, i32, i32)>, groups: usize) -> Counter {
        // (group, day, kind, +1 or -1); ends sort before starts on one day
        // (-1 < 1), which does not matter: only the counts after all of a
        // day's changes are kept.
        let mut deltas: Vec<(u32, i32, u32, i32)> = Vec::with_capacity(rows.len() * 2);
        for &(g, k, start, end) in &rows {
            deltas.push((g, start, k, 1));
            if end != OPEN {
                deltas.push((g, end, k, -1));
            }
        }
        deltas.sort_unstable();
        let mut c = Counter::default();
        let mut days = Vec::new();
        let mut at = 0;
        for g in 0..groups {
            let mut now = [0i64; KINDS];
            days.clear();
            while at < deltas.len() && deltas[at].0 as usize == g {
                let day = deltas[at].1;
                while at < deltas.len() && deltas[at].0 as usize == g && deltas[at].1 == day {
                    now[deltas[at].2 as usize] += i64::from(deltas[at].3);
                    at += 1;
                }
                // A count is never below zero: every end has its start.
                days.push((day, now.map(|n| u32::try_from(n).unwrap_or(0))));
            }
            c.steps.push(days.iter().copied(), None);
        }
        c.steps.shrink();
        c
    }

    /// The counts of every kind holding on day `t` in group `g`.
    #[inline]
    pub(crate) fn counts(&self, g: usize, t: i32) -> [u32; KINDS] {
        match self.steps.at_or_before(g, t) {
            Some(i) => self.steps.get(i).1,
            None => [0; KINDS],
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.steps.heap_bytes()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // test code; inputs are ours
mod tests {
    use super::*;

    /// Cases checked by `alive_matches_a_scan`, each one row set and one day.
    const CASES: usize = 4_096;
    /// Rows per case are `0..MAX_ROWS`.
    const MAX_ROWS: i32 = 80;
    /// A layout that gives every group full lists (a group of `n` rows has
    /// at most `2n` change days of at most `n` items each). `usize::MAX`
    /// itself would overflow `full_per_interval * group.len()` in
    /// `Side::new` once a group has two rows (a debug-build panic).
    const ALWAYS_FULL: Layout = Layout {
        full_per_interval: usize::MAX / MAX_ROWS as usize,
        ..BY_ORG
    };
    /// The layouts checked: full lists, and both sides' checkpoints.
    const LAYOUTS: [Layout; 3] = [ALWAYS_FULL, BY_ORG_CHECKPOINTS, BY_PARTY];
    const BY_ORG_CHECKPOINTS: Layout = Layout {
        full_per_interval: 0,
        ..BY_ORG
    };

    /// SplitMix64: a fixed seed gives the same cases on every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        /// A number in `lo..hi` (the modulo bias is nothing here).
        fn range(&mut self, lo: i32, hi: i32) -> i32 {
            lo + (self.next() % (hi - lo) as u64) as i32
        }
    }

    /// Rows of a few groups: `(group, start, end)` with `end` open (one row
    /// in two) or 1 to 39 days after `start`; the item is the row's number.
    fn rows(rng: &mut Rng) -> Vec<Row> {
        (0..rng.range(0, MAX_ROWS))
            .map(|i| {
                let g = rng.range(0, 3) as u32;
                let s = rng.range(0, 60);
                let end = if rng.next() & 1 == 0 {
                    OPEN
                } else {
                    s + rng.range(1, 40)
                };
                (g, s, end, i as u32)
            })
            .collect()
    }

    /// Both layouts list exactly the items a scan of `rows` finds alive on
    /// `t`, and their tags as they are taken.
    fn check(rows: &[Row], t: i32) {
        // Tags: the item's number times three, so a tag is not its item.
        let tag: Vec<u32> = (0..rows.len() as u32).map(|i| i * 3).collect();
        for (full, layout) in LAYOUTS.into_iter().enumerate() {
            let side = Side::new(rows.to_vec(), 3, layout, &tag);
            for g in 0..3 {
                let alive = side.alive(g, t);
                let listed: Vec<u32> = alive.clone().collect();
                let mut got = listed.clone();
                got.sort_unstable();
                let want: Vec<u32> = rows
                    .iter()
                    .filter(|r| r.0 as usize == g && r.1 <= t && t < r.2)
                    .map(|r| r.3)
                    .collect();
                assert_eq!(got, want, "group {g} day {t} full {full} rows {rows:?}");
                // Tags come in the items' order, and those left after each
                // item taken are the tags of the items left.
                let want_tags: Vec<u32> = listed.iter().map(|&i| tag[i as usize]).collect();
                let mut it = alive.clone();
                for k in 0..=listed.len() {
                    assert_eq!(it.tags().collect::<Vec<u32>>(), &want_tags[k..]);
                    let mut folded = Vec::new();
                    it.tags().fold((), |(), t| folded.push(t));
                    assert_eq!(folded, &want_tags[k..]);
                    it.next();
                }
                let mut folded = Vec::new();
                alive.fold((), |(), i| folded.push(i));
                assert_eq!(folded, listed);
            }
        }
    }

    /// Both layouts against a scan, on `CASES` seeded pseudo-random cases.
    #[test]
    fn alive_matches_a_scan() {
        // A failure proptest once shrank to (its regressions file held it).
        check(&[(0, 31, OPEN, 0)], 31);
        let mut rng = Rng(0x1DE5_5EED);
        for _ in 0..CASES {
            let rows = rows(&mut rng);
            let t = rng.range(-1, 110);
            check(&rows, t);
        }
    }

    #[test]
    fn a_group_takes_full_lists_only_when_they_are_cheap() {
        // 100 intervals all alive together, starting one day apart: the
        // full lists would hold 5,050 entries, 50 per interval.
        let rows: Vec<Row> = (0..100).map(|i| (0, i, OPEN, i as u32)).collect();
        let tag = [7; 100];
        assert!(Side::new(rows.clone(), 1, BY_ORG, &tag).entries.is_empty());
        let generous = Layout {
            full_per_interval: 64,
            ..BY_ORG
        };
        assert_eq!(Side::new(rows, 1, generous, &tag).entries.len(), 5_050);
    }

    /// `Steps::at_or_before` against a binary search, on days spread
    /// evenly, bunched (buckets past `SCAN`), and far apart.
    #[test]
    fn steps_find_the_day_a_search_finds() {
        let mut rng = Rng(0x57E9);
        for case in 0..2_000 {
            let groups: Vec<Vec<i32>> = (0..3)
                .map(|_| {
                    let n = rng.range(0, 60) as usize;
                    let spread = [3, 40, 100_000_000][case % 3];
                    let mut days: Vec<i32> = (0..n).map(|_| rng.range(-spread, spread)).collect();
                    if case % 5 == 0 {
                        // A bunch of consecutive days: one bucket past SCAN.
                        days.extend(0..40);
                    }
                    days.sort_unstable();
                    days.dedup();
                    days
                })
                .collect();
            // The payload is the day's number in its group, and every other
            // group ends with a step that is never found.
            let mut steps: Steps<usize> = Steps::default();
            for (g, days) in groups.iter().enumerate() {
                let end = (g % 2 == 0).then_some(usize::MAX);
                steps.push(days.iter().copied().zip(0..), end);
            }
            let mut first = 0;
            for (g, days) in groups.iter().enumerate() {
                assert_eq!(steps.range(g), first..first + days.len());
                for _ in 0..50 {
                    let t = match rng.range(0, 3) {
                        0 if !days.is_empty() => days[rng.range(0, days.len() as i32) as usize],
                        1 => rng.range(-200_000_000, 200_000_000),
                        _ => rng.range(-50, 50),
                    };
                    let found = days.partition_point(|&d| d <= t).checked_sub(1);
                    let got = steps.at_or_before(g, t);
                    assert_eq!(
                        got,
                        found.map(|i| first + i),
                        "group {g} day {t} days {days:?}"
                    );
                    if let (Some(at), Some(i)) = (got, found) {
                        assert_eq!(steps.get(at), (days[i], i));
                    }
                }
                first += days.len() + usize::from(g % 2 == 0);
            }
        }
    }

    /// Keys order like the dates and come back to them, over chrono's range.
    #[test]
    fn day_keys_order_like_dates() {
        let mut rng = Rng(0xDA7E);
        let (min, max) = (
            NaiveDate::MIN.num_days_from_ce(),
            NaiveDate::MAX.num_days_from_ce(),
        );
        let mut days: Vec<NaiveDate> = (0..10_000)
            .map(|_| NaiveDate::from_num_days_from_ce_opt(rng.range(min, max)).unwrap())
            .chain([NaiveDate::MIN, NaiveDate::MAX])
            .collect();
        days.sort_unstable();
        for w in days.windows(2) {
            assert!(day(w[0]) <= day(w[1]) && (day(w[0]) == day(w[1])) == (w[0] == w[1]));
        }
        for d in days {
            assert_eq!(date(day(d)), Some(d));
            assert_ne!(day(d), OPEN);
        }
    }
}
