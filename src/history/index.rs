//! The index a [`Dataset`](crate::Dataset) builds with itself: its answer
//! segments (stretches of days over which one pair's three-valued answer
//! does not change, see `answer.rs`) laid out once for fast "who was a
//! member of O on date X" and "which organizations was P in" questions.
//!
//! # Layout
//!
//! Days are `i32` *day keys*, `year · 512 + day of the year` ([`day`]):
//! ordered like the dates and read from a `NaiveDate` in a few shifts, where a
//! day number (`num_days_from_ce`) takes divisions. They are not
//! consecutive, and nothing here needs them to be. Intervals are half-open,
//! an open end stored as `i32::MAX`; an interval's item is the segment's
//! number.
//!
//! Two *sides* hold the intervals, grouped by organization (items: its
//! parties' segments, tagged with the parties) and by party (items: its
//! organizations' segments, tagged with the organizations); beside each
//! item are its tag and its answer's flags, so that a listing reads nothing
//! else. An
//! organization has two groups: its members' segments (those whose answer
//! is "member de jure", by the preferred readings) and the rest, so that
//! its members are listed without looking at the others.
//!
//! Every group keeps, for each day on which its set of live intervals
//! changes, a [`Cut`]: what holds from that day to the next, as a *live
//! prefix of a snapshot* (the items alive on some earlier change day, latest
//! end first, so that those still alive later are a prefix) and a *window*
//! (the intervals started since that snapshot, sorted by start, to be
//! filtered by end). A query finds its change day in the group's bucket
//! table ([`Steps`], O(1) for evenly spread days) and reads the cut: two
//! ready slices (items, tags, flags) and a window. No binary search, no count
//! of ends: the live prefix and the window's bounds are worked out when the
//! index is built.
//!
//! How often a group takes a snapshot is its [`Layout`]'s choice:
//!
//! * on **every** change day (full lists, no window) where the snapshots
//!   hold at most `full_per_interval` entries per interval (for an
//!   organization 32: at most 32 × 10 bytes, an item, its tag and its
//!   flags, per interval); every organization of the COW IGO file and the
//!   bundled data qualifies;
//! * else whenever the events (starts and ends) since the last snapshot
//!   reach a share of the number alive: for an organization a quarter, so
//!   that its window is a small part of its answer and a listing is mostly
//!   a ready slice (the snapshots then hold about 8 entries, 80 bytes with
//!   their tags and flags, per interval); for a party twice, so that its snapshots
//!   hold at most half as many entries as there are events.
//!
//! On top come 20 bytes per change day (its key and cut), at most one
//! bucket (16 bytes) per change day and 32 bytes per group, and for a group
//! with windows 14 bytes per interval (end, item, tag, flags). A change day is a
//! start or an end, so there are at most two per interval.
//!
//! Counting is the job of [`Counter`], below, with the same bucket tables.

use chrono::{Datelike, NaiveDate};

use crate::history::answer::{Flags, Segment};

/// How a side takes its groups' snapshots.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// A group takes a snapshot on every change day (full lists) when they
    /// hold at most this many entries per interval.
    full_per_interval: usize,
    /// Otherwise a snapshot is taken when the events since the last reach
    /// the number alive times `events_per_alive.0 / events_per_alive.1`,
    /// and at least `min_events` (below which a snapshot costs more than
    /// the few entries it saves).
    events_per_alive: (usize, usize),
    min_events: usize,
}

/// Organizations: on the COW IGO file every one gets full lists; the
/// larger synthetic ones a snapshot a quarter of their members apart.
const BY_ORG: Layout = Layout {
    full_per_interval: 32,
    events_per_alive: (1, 4),
    min_events: 4,
};
/// Parties, whose listing is the rarer question: sparse snapshots only
/// (full lists would cost 4.1 MB more on the COW IGO file).
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
/// many equal buckets as it has days, and each bucket says where its days
/// begin and what its first two are, so that the last day on or before `t`
/// is found with one read of the table and two comparisons, no loop; only a
/// bucket of more than two days is scanned past them (binary searched past
/// `SCAN`, so the worst case stays O(log n)). With `R = 3` each bucket
/// also holds the payloads those comparisons pick (before its first day,
/// from its first, from its second): the answer is in the bucket read, no
/// second read waits on it, for 48 more bytes per bucket with a payload of
/// 16. The counts take them (a count is that one payload: 64 to 71
/// instructions per count on 16 overlapping members, callgrind); the
/// listings do not (they read lists after the payload anyway: no gain
/// measured, in two alternated runs, for 18–47% more index memory).
/// Memory: the day and its payload, at most one bucket (16 bytes, plus `R`
/// payloads) per day, and 16 + one bucket per group.
#[derive(Debug, Clone)]
struct Steps<P, const R: usize> {
    groups: Vec<StepGroup>,
    steps: Vec<(i32, P)>,
    table: Vec<Bucket<P, R>>,
}

impl<P, const R: usize> Default for Steps<P, R> {
    fn default() -> Self {
        Steps {
            groups: Vec::new(),
            steps: Vec::new(),
            table: Vec::new(),
        }
    }
}

/// Where one group's buckets are in a [`Steps`].
#[derive(Debug, Clone, Copy)]
struct StepGroup {
    /// Its first day (`OPEN` for a group without days): day `t >= min`
    /// falls in bucket `(t - min) >> shift`, or past the last, `buckets`.
    min: i32,
    shift: u32,
    /// Bucket `b <= buckets` is `table[at + b]`; bucket `buckets`, past the
    /// last day, is empty and starts at the group's end.
    at: u32,
    buckets: u32,
}

/// One bucket of a group's days in a [`Steps`].
#[derive(Debug, Clone, Copy)]
struct Bucket<P, const R: usize> {
    /// The position in `steps` of its first day (of the next bucket's, if
    /// it has none): every day before it is earlier than the bucket.
    first: u32,
    /// Its second day when it holds more than two, else `OPEN`: from it on
    /// the days past the first two are read (a comparison, where a count
    /// of its days took a read and two).
    crowd: i32,
    /// Its first two days, `OPEN` (later than any day asked) where it
    /// holds fewer: those on or before `t` are two comparisons.
    days: [i32; 2],
    /// With `R = 3`, the payload in force when `k` of those two are on or
    /// before `t` (of the last day before the bucket for `k = 0`), unless
    /// `t` is on or after `crowd`. A `k` that cannot come up (before the
    /// group's first day, past a bucket's days) holds a filler.
    ready: [P; R],
}

impl<P: Copy + Default, const R: usize> Steps<P, R> {
    /// Adds the next group, its `steps` sorted by day and distinct
    /// (perhaps none).
    fn push(&mut self, steps: impl IntoIterator<Item = (i32, P)>) {
        let first = self.steps.len();
        self.steps.extend(steps);
        let group = &self.steps[first..];
        let len = group.len();
        debug_assert!(group.windows(2).all(|w| w[0].0 < w[1].0));
        let at = pos(self.table.len());
        // The payloads of the group's last day before `start + k`, the
        // first day's where there is none (never read: see `ready`).
        let ready = |start: usize, k: [usize; 3]| {
            std::array::from_fn(|j| {
                group
                    .get((start + k[j]).saturating_sub(1))
                    .map_or_else(P::default, |s| s.1)
            })
        };
        let (Some(&(min, _)), Some(&(max, _))) = (group.first(), group.last()) else {
            self.groups.push(StepGroup {
                min: OPEN,
                shift: 0,
                at,
                buckets: 0,
            });
            self.table.push(Bucket {
                first: pos(first),
                crowd: OPEN,
                days: [OPEN; 2],
                ready: [P::default(); R],
            });
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
        for b in 0..buckets as u64 {
            let start = i;
            while i < len && ((i64::from(group[i].0) - i64::from(min)) as u64 >> shift) == b {
                i += 1;
            }
            let day = |k: usize| {
                group
                    .get(start + k)
                    .filter(|_| start + k < i)
                    .map_or(OPEN, |s| s.0)
            };
            let n = i - start;
            self.table.push(Bucket {
                first: pos(first + start),
                crowd: if n > 2 { day(1) } else { OPEN },
                days: [day(0), day(1)],
                ready: ready(start, [0, 1.min(n), 2.min(n)]),
            });
        }
        // The bucket past the last day: empty, at the end.
        self.table.push(Bucket {
            first: pos(first + len),
            crowd: OPEN,
            days: [OPEN; 2],
            ready: ready(len, [0; 3]),
        });
        self.groups.push(StepGroup {
            min,
            shift,
            at,
            buckets: pos(buckets),
        });
    }

    /// The positions in `steps` of group `g`'s days.
    #[cfg(test)]
    fn range(&self, g: usize) -> std::ops::Range<usize> {
        let m = self.groups[g];
        let at = m.at as usize;
        self.table[at].first as usize..self.table[at + m.buckets as usize].first as usize
    }

    /// The payload of group `g`'s last day on or before `t`.
    // Always inlined: a call costs about as much as the lookup (one
    // criterion run: members_cow 11.4 ns with calls).
    #[inline(always)]
    fn at_or_before(&self, g: usize, t: i32) -> Option<P> {
        let m = self.groups[g];
        if t < m.min {
            return None;
        }
        let b = (((i64::from(t) - i64::from(m.min)) as u64) >> m.shift).min(u64::from(m.buckets));
        let i = m.at as usize + b as usize;
        let e = &self.table[i];
        if t >= e.crowd {
            return self
                .steps
                .get(self.past_two(i, t).wrapping_sub(1))
                .map(|s| s.1);
        }
        // Every day before the bucket is on or before t (the group's first
        // is, as t >= min, and it is in bucket 0), every day after it later.
        let k = usize::from(t >= e.days[0]) + usize::from(t >= e.days[1]);
        // One branch of the two is left, by `R`: the ready payload, where
        // the buckets hold them, else the step's.
        match e.ready.get(k) {
            Some(&p) => Some(p),
            None => self
                .steps
                .get((e.first as usize + k).wrapping_sub(1))
                .map(|s| s.1),
        }
    }

    /// The position in `steps` past the last day on or before `t` in
    /// crowded bucket `i` whose first two days are: its days past them,
    /// scanned or searched. A crowded bucket is never the last (past the
    /// group's days). A position, not the payload: a payload returned
    /// from a call goes through memory, also on the common path, where it
    /// cost three instructions per count (disassembly).
    #[cold]
    fn past_two(&self, i: usize, t: i32) -> usize {
        let n = self.table[i].first as usize + 2;
        let end = self.table.get(i + 1).map_or(n, |e| e.first as usize);
        let rest = self.steps.get(n..end).unwrap_or_default();
        n + if rest.len() <= SCAN {
            rest.iter().take_while(|s| s.0 <= t).count()
        } else {
            rest.partition_point(|s| s.0 <= t)
        }
    }

    /// Room for `groups` more groups of `days` days in all: a day is a
    /// step, and a group has at most a bucket per day and one past them.
    fn reserve(&mut self, groups: usize, days: usize) {
        self.groups.reserve_exact(groups);
        self.steps.reserve_exact(days);
        self.table.reserve_exact(days + groups);
    }

    fn shrink(&mut self) {
        self.groups.shrink_to_fit();
        self.steps.shrink_to_fit();
        self.table.shrink_to_fit();
    }

    fn heap_bytes(&self) -> usize {
        self.groups.capacity() * std::mem::size_of::<StepGroup>()
            + self.steps.capacity() * std::mem::size_of::<(i32, P)>()
            + self.table.capacity() * std::mem::size_of::<Bucket<P, R>>()
    }
}

/// Intervals grouped (by organization or by party); see the module's
/// documentation. Every item carries a *tag* (for an organization, the
/// item's party) stored beside it, so that a listing of tags reads nothing
/// else.
#[derive(Debug, Clone, Default)]
struct Side {
    /// Each group's change days, each with its [`Cut`].
    steps: Steps<Cut, 0>,
    /// The snapshots: items and their tags, each snapshot's latest end
    /// first, so that those still alive on a later day are a prefix.
    snap: Vec<u32>,
    snap_tag: Vec<u32>,
    snap_flags: Vec<Flags>,
    /// The intervals of the groups with windows (not every change day a
    /// snapshot), each group's sorted by start: ends, items, tags.
    end: Vec<i32>,
    item: Vec<u32>,
    tag: Vec<u32>,
    flags: Vec<Flags>,
}

/// What holds from one change day to the next: the items of the snapshot
/// `snap[snap..snap + live]` (its live prefix), and those of the window
/// `lo..hi` of the start-sorted intervals (started since the snapshot's
/// day) that have not ended.
#[derive(Debug, Clone, Copy, Default)]
struct Cut {
    snap: u32,
    live: u32,
    lo: u32,
    hi: u32,
}

/// `(group, start, end, item)`.
type Row = (u32, i32, i32, u32);

/// What [`Side::new`] stores beside each item (by its number): its tag and
/// its flags (for a segment, its answer's words).
#[derive(Debug, Clone, Copy)]
struct Info<'a> {
    tag: &'a [u32],
    flags: &'a [Flags],
}

/// Buffers [`Side::new`] reuses from group to group, so that a group costs
/// no allocation of its own (there are thousands of small ones).
#[derive(Debug, Default)]
struct Scratch {
    /// The positions alive, and where each position sits in `alive`.
    alive: Vec<u32>,
    slot: Vec<u32>,
    /// The group's change days with their cuts.
    steps: Vec<(i32, Cut)>,
    /// A sparse group's snapshot in force: its positions and their ends.
    snapshot: Vec<u32>,
    snap_ends: Vec<i32>,
}

/// A day in 32 bits whose unsigned order is the days' order.
fn unsigned(day: i32) -> u32 {
    (day as u32) ^ (1 << 31)
}

/// An end and its position, ordered like the pair `(end, position)`.
fn end_key(end: i32, position: u32) -> u64 {
    u64::from(unsigned(end)) << 32 | u64::from(position)
}

/// The day of an [`unsigned`].
fn signed(key: u32) -> i32 {
    (key ^ (1 << 31)) as i32
}

/// The end of an [`end_key`].
fn end_of(key: u64) -> i32 {
    signed((key >> 32) as u32)
}

/// Walks the change days of a group sorted by start, calling `at_day` after
/// each day's starts and ends with the day, how many intervals have started
/// and how many finite ends have passed so far, and the positions in
/// `group` of the intervals alive from that day on (in no order). `ends`
/// are the group's finite ends with their positions in it, sorted, each
/// packed in one integer ([`end_key`]); `alive` and `slot` are buffers.
fn sweep(
    group: &[Row],
    ends: &[u64],
    alive: &mut Vec<u32>,
    slot: &mut Vec<u32>,
    mut at_day: impl FnMut(i32, usize, usize, &[u32]),
) {
    // `slot[i]` is where interval `i` sits in `alive`, for O(1) removal.
    alive.clear();
    slot.clear();
    slot.resize(group.len(), 0);
    let (mut si, mut ei) = (0, 0);
    while let Some(day) = next_day(group, si, ends, ei) {
        while ei < ends.len() && end_of(ends[ei]) == day {
            let at = slot[ends[ei] as u32 as usize] as usize;
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
        at_day(day, si, ei, alive);
    }
}

/// A group's next change day, its start `si`'s or its end `ei`'s
/// (positions in `group` and its sorted finite `ends`), whichever is
/// earlier; none when both are past the last.
fn next_day(group: &[Row], si: usize, ends: &[u64], ei: usize) -> Option<i32> {
    match (group.get(si), ends.get(ei).map(|&k| end_of(k))) {
        (Some(s), Some(e)) => Some(s.1.min(e)),
        (Some(s), None) => Some(s.1),
        (None, e) => e,
    }
}

/// The entries a group's full lists would take: the number alive summed
/// over its change days, counted without a sweep. An interval is alive on
/// the change days from its start's to the last before its end, so it adds
/// `rank(end) - rank(start)`, where `rank(x)` is the number of change days
/// before `x` (all of them for an open end). `ends` are the group's finite
/// ends, sorted.
fn full_size(group: &[Row], ends: &[u64]) -> usize {
    let (mut si, mut ei) = (0, 0);
    // Change days passed, and the ranks of the starts and ends met.
    let (mut days, mut starts, mut finite_ends) = (0usize, 0usize, 0usize);
    while let Some(day) = next_day(group, si, ends, ei) {
        while ei < ends.len() && end_of(ends[ei]) == day {
            finite_ends += days;
            ei += 1;
        }
        while si < group.len() && group[si].1 == day {
            starts += days;
            si += 1;
        }
        days += 1;
    }
    finite_ends + (group.len() - ends.len()) * days - starts
}

/// Converts a length to the `u32` positions the index stores.
fn pos(n: usize) -> u32 {
    assert!(
        u32::try_from(n).is_ok(),
        "an index holds at most u32::MAX intervals"
    );
    n as u32
}

/// `rows` grouped by a counting sort on their group (rows of a group
/// `>= groups` left out), each group sorted by `(start, end, item)`, and
/// where each group begins (`groups + 1` bounds). Rows made from segments
/// in the index's order arrive sorted within their groups (an
/// organization's), so only the groups that are not (a party's) are
/// sorted: a sort of every row was most of the index's build. The rows are
/// walked twice (to count, then to place), so that they need not be
/// listed before they are grouped.
fn grouped(rows: impl Iterator<Item = Row> + Clone, groups: usize) -> (Vec<Row>, Vec<usize>) {
    let mut bounds = vec![0usize; groups + 1];
    let of = |r: &Row| Some(r.0 as usize).filter(|&g| g < groups);
    for g in rows.clone().filter_map(|r| of(&r)) {
        bounds[g + 1] += 1;
    }
    for g in 0..groups {
        bounds[g + 1] += bounds[g];
    }
    let mut next = bounds.clone();
    let mut out = vec![(0, 0, 0, 0); bounds[groups]];
    for r in rows {
        if let Some(g) = of(&r) {
            out[next[g]] = r;
            next[g] += 1;
        }
    }
    for g in bounds.windows(2) {
        let group = &mut out[g[0]..g[1]];
        // Rows that compare equal are alike, so this is the order a sort
        // of every row gives.
        if !group.is_sorted() {
            // By one integer, not four fields (the group is the same).
            group.sort_unstable_by_key(|r| {
                u128::from(unsigned(r.1)) << 64 | u128::from(unsigned(r.2)) << 32 | u128::from(r.3)
            });
        }
    }
    (out, bounds)
}

impl Side {
    /// `rows` are `(group, start, end, item)`; `groups` is the number of
    /// groups, `info` gives each item's tag and flags.
    fn new(
        rows: impl IntoIterator<Item = Row, IntoIter: Clone>,
        groups: usize,
        layout: Layout,
        info: Info<'_>,
    ) -> Side {
        let (rows, bounds) = grouped(rows.into_iter(), groups);
        // First each group's finite ends, sorted, and whether it takes full
        // lists: the lists are then reserved once, at their size (reserved
        // group by group, they were copied into ever larger ones).
        let mut ends: Vec<u64> = Vec::with_capacity(rows.len());
        let mut plan: Vec<(usize, bool)> = Vec::with_capacity(groups);
        let (mut full_lists, mut windows, mut days) = (0, 0, 0);
        for g in bounds.windows(2) {
            let group = &rows[g[0]..g[1]];
            let from = ends.len();
            ends.extend(
                (0..group.len())
                    .filter(|&i| group[i].2 != OPEN)
                    .map(|i| end_key(group[i].2, pos(i))),
            );
            // One integer compared, not a pair.
            ends[from..].sort_unstable();
            // Its change days, at most its distinct starts and ends (the
            // steps and their buckets grew by copies of themselves).
            days += group.chunk_by(|a, b| a.1 == b.1).count()
                + ends[from..]
                    .chunk_by(|a, b| end_of(*a) == end_of(*b))
                    .count();
            let full = full_size(group, &ends[from..]);
            let every_day = full <= layout.full_per_interval.saturating_mul(group.len());
            if every_day {
                full_lists += full;
            } else {
                windows += group.len();
            }
            plan.push((ends.len(), every_day));
        }
        // The groups with windows take snapshots too: one holds at most
        // `per / times` entries per event since the last (and an interval
        // makes two events), up to rounding. Without them in the room, the
        // COW IGO file's 4,610 went past the full lists' 499,501 entries and
        // copied the three lists, 5 MB, into blocks twice their size.
        let (times, per) = layout.events_per_alive;
        let snaps = full_lists + windows.saturating_mul(2 * per) / times;
        let mut s = Side::default();
        s.steps.reserve(groups, days);
        s.snap.reserve_exact(snaps);
        s.snap_tag.reserve_exact(snaps);
        s.snap_flags.reserve_exact(snaps);
        s.end.reserve_exact(windows);
        s.item.reserve_exact(windows);
        s.tag.reserve_exact(windows);
        s.flags.reserve_exact(windows);
        let mut scratch = Scratch::default();
        let mut from = 0;
        for (g, &(to, every_day)) in bounds.windows(2).zip(&plan) {
            let group = &rows[g[0]..g[1]];
            s.add_group(
                group,
                &ends[from..to],
                every_day,
                info,
                layout,
                &mut scratch,
            );
            from = to;
        }
        s.steps.shrink();
        for v in [&mut s.snap, &mut s.snap_tag, &mut s.item, &mut s.tag] {
            v.shrink_to_fit();
        }
        s.end.shrink_to_fit();
        s.snap_flags.shrink_to_fit();
        s.flags.shrink_to_fit();
        s
    }

    /// A group (`ends`: its finite ends, sorted, as [`sweep`] takes them):
    /// a snapshot on every change day when `every_day` (the snapshots hold
    /// at most `layout.full_per_interval` entries per interval: full lists,
    /// no window), else whenever the events since the last reach the
    /// `layout`'s share of the number alive; and on every change day, its
    /// [`Cut`].
    fn add_group(
        &mut self,
        group: &[Row],
        ends: &[u64],
        every_day: bool,
        info: Info<'_>,
        layout: Layout,
        scratch: &mut Scratch,
    ) {
        let first = self.end.len();
        if !every_day {
            self.end.extend(group.iter().map(|r| r.2));
            self.item.extend(group.iter().map(|r| r.3));
            self.tag
                .extend(group.iter().map(|r| info.tag[r.3 as usize]));
            self.flags
                .extend(group.iter().map(|r| info.flags[r.3 as usize]));
        }
        let (times, per) = layout.events_per_alive;
        let Scratch {
            alive,
            slot,
            steps,
            snapshot,
            snap_ends,
        } = scratch;
        steps.clear();
        snap_ends.clear();
        // The snapshot in force: where it starts, its ends (latest first,
        // in `snap_ends`), and how many intervals had started by its day;
        // the events then.
        let (mut snap, mut snap_started) = (0, 0);
        let mut last = 0;
        sweep(group, ends, alive, slot, |day, started, ended, alive| {
            let mut push = |side: &mut Side, positions: &[u32]| {
                snap = pos(side.snap.len());
                // Each list extended in one go (one capacity check each,
                // not one per entry and list).
                let items = positions.iter().map(|&i| group[i as usize].3 as usize);
                side.snap.extend(items.clone().map(|item| item as u32));
                side.snap_tag
                    .extend(items.clone().map(|item| info.tag[item]));
                side.snap_flags.extend(items.map(|item| info.flags[item]));
            };
            let cut = if every_day {
                // Every item of a full list is alive until the next change
                // day: no order needed, no window.
                push(self, alive);
                Cut {
                    snap,
                    live: pos(alive.len()),
                    lo: pos(first),
                    hi: pos(first),
                }
            } else {
                let due =
                    started + ended - last >= (alive.len() * times / per).max(layout.min_events);
                if due {
                    snapshot.clear();
                    snapshot.extend_from_slice(alive);
                    snapshot.sort_unstable_by_key(|&i| (std::cmp::Reverse(group[i as usize].2), i));
                    push(self, snapshot);
                    snap_ends.clear();
                    snap_ends.extend(snapshot.iter().map(|&i| group[i as usize].2));
                    snap_started = started;
                    last = started + ended;
                }
                Cut {
                    snap,
                    live: pos(snap_ends.partition_point(|&e| e > day)),
                    lo: pos(first + snap_started),
                    hi: pos(first + started),
                }
            };
            steps.push((day, cut));
        });
        self.steps.push(steps.drain(..));
    }

    /// The cut of group `g` in force on day `t`: one bucket lookup.
    #[inline(always)]
    fn find(&self, g: usize, t: i32) -> Found<'_> {
        Found {
            side: self,
            t,
            cut: self.steps.at_or_before(g, t),
        }
    }

    fn heap_bytes(&self) -> usize {
        self.steps.heap_bytes()
            + (self.snap.capacity()
                + self.snap_tag.capacity()
                + self.end.capacity()
                + self.item.capacity()
                + self.tag.capacity())
                * 4
            + (self.snap_flags.capacity() + self.flags.capacity()) * std::mem::size_of::<Flags>()
    }
}

/// A group's cut for one day, found but not yet read: [`Found::alive`]
/// makes the slices of its items, tags and flags, [`Found::tags`] only the
/// tags'. Every slice costs a bounds check, and a listing of members reads
/// the tags alone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'a> {
    side: &'a Side,
    t: i32,
    /// None before the group's first day: nothing holds.
    cut: Option<Cut>,
}

impl<'a> Found<'a> {
    /// The items alive, with their tags and flags: ready slices.
    #[inline]
    pub(crate) fn alive(self) -> Alive<'a> {
        let (side, Some(cut)) = (self.side, self.cut) else {
            return Alive::default();
        };
        let snap = cut.snap as usize..(cut.snap + cut.live) as usize;
        let window = cut.lo as usize..cut.hi as usize;
        Alive {
            t: self.t,
            head: side.snap[snap.clone()].iter(),
            head_tags: &side.snap_tag[snap.clone()],
            head_flags: &side.snap_flags[snap],
            ends: &side.end[window.clone()],
            items: &side.item[window.clone()],
            tags: &side.tag[window.clone()],
            flags: &side.flags[window],
        }
    }

    /// The tags of the items alive, the others not read.
    #[inline]
    pub(crate) fn tags(self) -> Tags<'a> {
        let (side, Some(cut)) = (self.side, self.cut) else {
            return Tags::default();
        };
        let window = cut.lo as usize..cut.hi as usize;
        Tags {
            t: self.t,
            head: side.snap_tag[cut.snap as usize..(cut.snap + cut.live) as usize].iter(),
            ends: &side.end[window.clone()],
            tags: &side.tag[window],
        }
    }

    /// As [`Iterator::size_hint`] of [`alive`](Found::alive).
    pub(crate) fn size_hint(self) -> (usize, Option<usize>) {
        self.cut.map_or((0, Some(0)), |c| {
            let live = c.live as usize;
            (live, Some(live + (c.hi - c.lo) as usize))
        })
    }
}

/// The items of one group alive on one day, with their tags and flags:
/// those alive for sure (a full list, or a snapshot's live prefix), then
/// the window's intervals (started since the snapshot) that have not
/// ended. The default has none.
#[derive(Debug, Clone, Default)]
pub(crate) struct Alive<'a> {
    t: i32,
    head: std::slice::Iter<'a, u32>,
    /// The tags and flags of `head` as it was made (those not yet taken
    /// are the last `head.len()`).
    head_tags: &'a [u32],
    head_flags: &'a [Flags],
    /// The window's ends, items, tags and flags, those not yet looked at.
    ends: &'a [i32],
    items: &'a [u32],
    tags: &'a [u32],
    flags: &'a [Flags],
}

/// One item of an [`Alive`], with its tag and flags.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) item: u32,
    pub(crate) tag: u32,
    pub(crate) flags: Flags,
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
    type Item = Entry;

    #[inline]
    fn next(&mut self) -> Option<Entry> {
        let k = self.head_tags.len() - self.head.len();
        if let Some(&item) = self.head.next() {
            return Some(Entry {
                item,
                tag: self.head_tags[k],
                flags: self.head_flags[k],
            });
        }
        while let Some((&e, ends)) = self.ends.split_first() {
            let entry = Entry {
                item: self.items[0],
                tag: self.tags[0],
                flags: self.flags[0],
            };
            self.ends = ends;
            self.items = &self.items[1..];
            self.tags = &self.tags[1..];
            self.flags = &self.flags[1..];
            if e > self.t {
                return Some(entry);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.head.len(), Some(self.head.len() + self.ends.len()))
    }

    // Two plain loops, not a test of `head` for every item.
    #[inline]
    fn fold<B, F: FnMut(B, Entry) -> B>(self, init: B, mut f: F) -> B {
        let t = self.t;
        let k = self.head_tags.len() - self.head.len();
        let acc = self
            .head
            .as_slice()
            .iter()
            .zip(&self.head_tags[k..])
            .zip(&self.head_flags[k..])
            .fold(init, |acc, ((&item, &tag), &flags)| {
                f(acc, Entry { item, tag, flags })
            });
        self.ends
            .iter()
            .zip(self.items)
            .zip(self.tags)
            .zip(self.flags)
            .filter(|&(((&e, _), _), _)| e > t)
            .fold(acc, |acc, (((_, &item), &tag), &flags)| {
                f(acc, Entry { item, tag, flags })
            })
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

/// A day as the index stores it: its key, `year · 512 + day of the year`
/// (from −134,217,727 to 134,216,557 over chrono's dates, so never `OPEN`).
/// The day of the year is counted from 1, as chrono stores it: from 0 the
/// key took one more instruction per query (a decrement, in the
/// disassembly of `count_overlap`).
///
/// Written as a shift of `year · 8192 + day of the year · 16`, which is
/// chrono's own packing of a date with its low four bits (the year's
/// flags) cleared: LLVM folds that to two instructions, where the plain
/// `year << 9 | ordinal` took six (disassembly of `count_on`).
#[inline]
pub(crate) fn day(date: NaiveDate) -> i32 {
    ((date.year() << 13) | (date.ordinal() << 4) as i32) >> 4
}

/// The date of a key made by [`day`].
pub(crate) fn date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_yo_opt(day >> 9, (day & 511) as u32)
}

impl Index {
    /// Indexes `segments`, item `i` segment `i`: an organization's members
    /// are the segments whose answer is "member de jure", and each item's
    /// answer's words ([`Flags`]) are kept in the index, so that a listing
    /// reads nothing else. The segments are read as they are grouped: no
    /// list of rows is made first.
    ///
    /// # Panics
    ///
    /// When there are more than `u32::MAX` segments.
    pub(crate) fn new(segments: &[Segment], orgs: usize, parties: usize) -> Index {
        let items = segments.iter().enumerate().map(|(i, s)| (s, pos(i)));
        let by_org = items.clone().map(|(s, i)| {
            let group = 2 * s.org + u32::from(s.verdict.member != Some(true));
            (group, s.start, s.end, i)
        });
        let by_party = items.map(|(s, i)| (s.party, s.start, s.end, i));
        let flags: Vec<Flags> = segments.iter().map(|s| Flags::of(&s.verdict)).collect();
        let flags = &flags;
        let party: Vec<u32> = segments.iter().map(|s| s.party).collect();
        let org: Vec<u32> = segments.iter().map(|s| s.org).collect();
        // The two sides read the same lists and nothing of each other.
        let (by_org, by_party) = crate::parallel::beside(
            segments.len() >= crate::parallel::WORTH_A_THREAD,
            || {
                Side::new(
                    by_org.clone(),
                    2 * orgs,
                    BY_ORG,
                    Info { tag: &party, flags },
                )
            },
            || Side::new(by_party, parties, BY_PARTY, Info { tag: &org, flags }),
        );
        Index { by_org, by_party }
    }

    /// The segments of organization `org`'s members (de jure, by the
    /// preferred readings) holding on `date`.
    #[inline]
    pub(crate) fn members_of_org(&self, org: usize, date: NaiveDate) -> Found<'_> {
        self.by_org.find(2 * org, day(date))
    }

    /// The other segments of organization `org` holding on `date`.
    #[inline]
    pub(crate) fn others_of_org(&self, org: usize, date: NaiveDate) -> Alive<'_> {
        self.by_org.find(2 * org + 1, day(date)).alive()
    }

    /// The segments of party `party` holding on `date`.
    pub(crate) fn of_party(&self, party: usize, date: NaiveDate) -> Found<'_> {
        self.by_party.find(party, day(date))
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
/// most 4 + 16 bytes per change day and a bucket of 16, at most two change
/// days per interval counted.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counter {
    /// Each change day with the counts from it to the next.
    steps: Steps<[u32; KINDS], 3>,
}

/// The kinds a [`Counter`] counts.
pub(crate) const KINDS: usize = 4;

impl Counter {
    /// `rows` are `(group, kind, start, end)`, `kind < KINDS`.
    pub(crate) fn new(rows: Vec<(u32, u32, i32, i32)>, groups: usize) -> Counter {
        // Each start (+1) and finite end (-1) packed in one integer, `(day,
        // kind, +1 or -1)`, grouped by a counting sort and sorted by day
        // within its group: a sort of every `(group, day, kind, ±1)` tuple
        // was most of the build. Ends sort before starts on one day, which
        // does not matter: only the counts after all of a day's changes are
        // kept. Rows of a group `>= groups` are left out.
        let key = |day: i32, kind: u32, start: bool| {
            debug_assert!((kind as usize) < KINDS);
            u64::from(unsigned(day)) << 32
                | u64::from(kind & (u32::MAX >> 1)) << 1
                | u64::from(start)
        };
        let of = |g: u32| Some(g as usize).filter(|&g| g < groups);
        let mut bounds = vec![0usize; groups + 1];
        for &(g, _, _, end) in &rows {
            if let Some(g) = of(g) {
                bounds[g + 1] += 1 + usize::from(end != OPEN);
            }
        }
        for g in 0..groups {
            bounds[g + 1] += bounds[g];
        }
        let mut next = bounds.clone();
        let mut deltas = vec![0u64; bounds[groups]];
        for &(g, k, start, end) in &rows {
            if let Some(g) = of(g) {
                deltas[next[g]] = key(start, k, true);
                next[g] += 1;
                if end != OPEN {
                    deltas[next[g]] = key(end, k, false);
                    next[g] += 1;
                }
            }
        }
        let mut c = Counter::default();
        let mut days = Vec::new();
        for g in bounds.windows(2) {
            let group = &mut deltas[g[0]..g[1]];
            group.sort_unstable();
            let mut now = [0i64; KINDS];
            days.clear();
            let mut at = 0;
            while at < group.len() {
                let day = group[at] >> 32;
                while at < group.len() && group[at] >> 32 == day {
                    let d = group[at];
                    now[(d as u32 >> 1) as usize] += if d & 1 == 1 { 1 } else { -1 };
                    at += 1;
                }
                // A count is never below zero: every end has its start.
                days.push((
                    signed(day as u32),
                    now.map(|n| u32::try_from(n).unwrap_or(0)),
                ));
            }
            c.steps.push(days.iter().copied());
        }
        c.steps.shrink();
        c
    }

    /// The counts of every kind holding on day `t` in group `g`.
    #[inline]
    pub(crate) fn counts(&self, g: usize, t: i32) -> [u32; KINDS] {
        self.steps.at_or_before(g, t).unwrap_or([0; KINDS])
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
        // Tags: the item's number times three, so a tag is not its item;
        // flags: its number plus one.
        let tag: Vec<u32> = (0..rows.len() as u32).map(|i| i * 3).collect();
        let flags: Vec<Flags> = (0..rows.len() as u16)
            .map(|i| Flags::from_bits(i + 1))
            .collect();
        let info = Info {
            tag: &tag,
            flags: &flags,
        };
        for (full, layout) in LAYOUTS.into_iter().enumerate() {
            let side = Side::new(rows.to_vec(), 3, layout, info);
            for g in 0..3 {
                let alive = side.find(g, t).alive();
                // Each entry carries its item's tag and flags.
                let entries: Vec<Entry> = alive.clone().collect();
                for e in &entries {
                    assert_eq!(
                        (e.tag, e.flags),
                        (tag[e.item as usize], flags[e.item as usize])
                    );
                }
                let listed: Vec<u32> = entries.iter().map(|e| e.item).collect();
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
                // The cut read for its tags alone gives the same tags, and
                // its size hint bounds the listing.
                let found = side.find(g, t);
                assert_eq!(found.tags().collect::<Vec<u32>>(), want_tags);
                let (low, high) = found.size_hint();
                assert!(low <= listed.len() && high >= Some(listed.len()));
                let mut it = alive.clone();
                for k in 0..=listed.len() {
                    assert_eq!(it.tags().collect::<Vec<u32>>(), &want_tags[k..]);
                    let mut folded = Vec::new();
                    it.tags().fold((), |(), t| folded.push(t));
                    assert_eq!(folded, &want_tags[k..]);
                    it.next();
                }
                // The fold gives the same entries, once some are taken too.
                let mut it = alive.clone();
                for k in 0..=entries.len() {
                    let mut folded = Vec::new();
                    it.clone()
                        .fold((), |(), e| folded.push((e.item, e.tag, e.flags)));
                    let want: Vec<_> = entries[k..]
                        .iter()
                        .map(|e| (e.item, e.tag, e.flags))
                        .collect();
                    assert_eq!(folded, want);
                    it.next();
                }
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
        let (tag, flags) = ([7; 100], [Flags::from_bits(0); 100]);
        let info = Info {
            tag: &tag,
            flags: &flags,
        };
        // Checkpoints: a snapshot every 4 events at first, then every
        // quarter of the number alive.
        let sparse = Side::new(rows.clone(), 1, BY_ORG, info).snap.len();
        assert!(sparse < 1_000, "{sparse} entries");
        let generous = Layout {
            full_per_interval: 64,
            ..BY_ORG
        };
        assert_eq!(Side::new(rows, 1, generous, info).snap.len(), 5_050);
    }

    /// `Steps::at_or_before` against a binary search, on days spread
    /// evenly, bunched (buckets past `SCAN`), and far apart.
    #[test]
    fn steps_find_the_day_a_search_finds() {
        let mut rng = Rng(0x57E9);
        // Buckets of three days to SCAN (scanned past their first two) and
        // longer (searched): both must come up.
        let (mut scanned, mut searched) = (0, 0);
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
            // The payload is the day's number in its group.
            // Both kinds of bucket: payloads ready in them, and not.
            let (mut steps, mut ready): (Steps<usize, 0>, Steps<usize, 3>) = Default::default();
            for days in &groups {
                steps.push(days.iter().copied().zip(0..));
                ready.push(days.iter().copied().zip(0..));
            }
            for w in steps.table.windows(2) {
                let len = (w[1].first - w[0].first) as usize;
                assert_eq!(w[0].crowd != OPEN, len > 2);
                scanned += usize::from(w[0].crowd != OPEN && len <= SCAN);
                searched += usize::from(w[0].crowd != OPEN && len > SCAN);
            }
            let mut first = 0;
            for (g, days) in groups.iter().enumerate() {
                assert_eq!(steps.range(g), first..first + days.len());
                for _ in 0..50 {
                    let t = match rng.range(0, 4) {
                        0 if !days.is_empty() => days[rng.range(0, days.len() as i32) as usize],
                        // The day before one: the bucket's comparisons, off by one.
                        3 if !days.is_empty() => days[rng.range(0, days.len() as i32) as usize] - 1,
                        1 => rng.range(-200_000_000, 200_000_000),
                        _ => rng.range(-50, 50),
                    };
                    let found = days.partition_point(|&d| d <= t).checked_sub(1);
                    // The payload is the day's number: the day found.
                    assert_eq!(
                        steps.at_or_before(g, t),
                        found,
                        "group {g} day {t} days {days:?}"
                    );
                    assert_eq!(ready.at_or_before(g, t), found, "ready, group {g} day {t}");
                }
                first += days.len();
            }
        }
        assert!(
            scanned > 100 && searched > 100,
            "{scanned} scanned, {searched} searched"
        );
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
            assert_eq!(day(d), d.year() * 512 + d.ordinal() as i32);
            assert_eq!(date(day(d)), Some(d));
            assert_ne!(day(d), OPEN);
        }
    }
}
