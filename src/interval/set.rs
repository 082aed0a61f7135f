//! Normalized sets of half-open intervals, [`IntervalSet`] and its [`Span`].
//!
//! # Representation
//!
//! A set is stored as its sorted *change points*: `points[0]` starts the first
//! span, `points[1]` ends it, `points[2]` starts the next, and so on. An odd
//! number of points means the last span never ends ("still a member"). This
//! one vector is the whole invariant: strictly increasing points are exactly
//! "sorted, disjoint, touching spans merged", membership is one binary search
//! (`x` is inside when an odd number of points are `<= x`), and every set
//! operation is a single linear merge of two point lists.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// One half-open range `[start, end)`; `end == None` means it never ends.
///
/// A member is a member *on* its start day and *not* on its end day.
///
/// ```
/// use membership_history::{Span, parse_day};
///
/// let d = |s: &str| parse_day(s).unwrap();
/// let span = Span::new(d("1992-05-15"), Some(d("1999-04-20")))?;
/// assert!(span.contains(&d("1992-05-15")));
/// assert!(!span.contains(&d("1999-04-20")));
/// assert_eq!(span.to_string(), "1992-05-15..1999-04-20");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Every way to make one checks `end > start`, deserialization included:
///
/// ```
/// # use membership_history::Span;
/// let span: Span<i32> = serde_json::from_str(r#"{"start":3,"end":5}"#)?;
/// assert_eq!(span.to_string(), "3..5");
/// let err = serde_json::from_str::<Span<i32>>(r#"{"start":5,"end":3}"#).unwrap_err();
/// assert!(err.to_string().starts_with("end 3 is not after start 5"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span<T> {
    start: T,
    end: Option<T>,
}

impl<T: Ord + Copy + fmt::Display> Span<T> {
    /// A span from `start` (included) to `end` (excluded, `None` = open).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::EndBeforeStart`] when `end <= start`: an empty span is
    /// almost always a data-entry mistake, so it is refused rather than
    /// silently dropped.
    pub fn new(start: T, end: Option<T>) -> Result<Self, Error> {
        match end {
            Some(e) if e <= start => Err(Error::new(ErrorKind::EndBeforeStart {
                start: start.to_string(),
                end: e.to_string(),
            })),
            _ => Ok(Span { start, end }),
        }
    }
}

impl<T: Ord + Copy> Span<T> {
    /// A span that never ends.
    ///
    /// ```
    /// use membership_history::Span;
    /// assert!(Span::from_start(5).contains(&1_000_000));
    /// ```
    pub fn from_start(start: T) -> Self {
        Span { start, end: None }
    }

    /// The first value in the span.
    ///
    /// ```
    /// # use membership_history::Span;
    /// assert_eq!(Span::new(1, Some(3))?.start(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start(&self) -> T {
        self.start
    }

    /// The first value after the span, `None` when it never ends.
    ///
    /// ```
    /// # use membership_history::Span;
    /// assert_eq!(Span::new(1, Some(3))?.end(), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end(&self) -> Option<T> {
        self.end
    }

    /// Whether `x` lies in `[start, end)`.
    ///
    /// ```
    /// # use membership_history::Span;
    /// let s = Span::new(1, Some(3))?;
    /// assert!(s.contains(&1) && s.contains(&2) && !s.contains(&3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, x: &T) -> bool {
        self.start <= *x && self.end.is_none_or(|e| *x < e)
    }
}

impl<'de, T: Deserialize<'de> + Ord + Copy + fmt::Display> Deserialize<'de> for Span<T> {
    /// `{ "start": .., "end": .. }` (`end` missing or `null`: open), checked
    /// as [`Span::new`] checks it.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The fields as written, before the check.
        #[derive(Deserialize)]
        #[serde(rename = "Span")]
        struct Raw<T> {
            start: T,
            // Missing is `None`, as serde does for every `Option` field.
            end: Option<T>,
        }
        let raw = Raw::<T>::deserialize(deserializer)?;
        Span::new(raw.start, raw.end).map_err(serde::de::Error::custom)
    }
}

impl<T: fmt::Display> fmt::Display for Span<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.end {
            Some(e) => write!(f, "{}..{}", self.start, e),
            None => write!(f, "{}..", self.start),
        }
    }
}

impl<T: FromStr + Ord + Copy + fmt::Display> FromStr for Span<T> {
    type Err = Error;

    /// Parses `start..end` or `start..` (open end).
    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = |rule: &str| Error::new(ErrorKind::InvalidValue(rule.to_string())).with_value(s);
        let (a, b) = s
            .trim()
            .split_once("..")
            .ok_or_else(|| bad("a span is written `start..end` or `start..`"))?;
        let start = a
            .trim()
            .parse()
            .map_err(|_| bad("the span's start does not parse"))?;
        let end = match b.trim() {
            "" => None,
            e => Some(
                e.parse()
                    .map_err(|_| bad("the span's end does not parse"))?,
            ),
        };
        Span::new(start, end).map_err(|e| e.with_value(s))
    }
}

/// A set of values stored as sorted, disjoint, merged half-open spans.
///
/// Generic over any ordered key; membership histories use
/// [`chrono::NaiveDate`]. Touching spans merge (`1..3` and `3..5` are `1..5`),
/// so two sets are equal exactly when they contain the same values.
///
/// ```
/// use membership_history::{IntervalSet, Span};
///
/// let a: IntervalSet<i32> = "1..5, 10..".parse()?;
/// let b: IntervalSet<i32> = "3..12".parse()?;
/// assert_eq!(a.union(&b).to_string(), "1..");
/// assert_eq!(a.intersection(&b).to_string(), "3..5, 10..12");
/// assert_eq!(a.difference(&b).to_string(), "1..3, 12..");
/// assert!(a.contains(&4) && !a.contains(&5) && a.contains(&1_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IntervalSet<T> {
    /// Strictly increasing change points; see the module docs.
    points: Vec<T>,
}

impl<T> Default for IntervalSet<T> {
    fn default() -> Self {
        IntervalSet { points: Vec::new() }
    }
}

impl<T: Ord + Copy> IntervalSet<T> {
    /// The empty set.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// assert!(IntervalSet::<u32>::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `x` is in the set, in O(log n).
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let s: IntervalSet<i32> = "0..10".parse()?;
    /// assert!(s.contains(&0) && !s.contains(&10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, x: &T) -> bool {
        self.points.partition_point(|p| p <= x) % 2 == 1
    }

    /// The span of the set that contains `x`, if any.
    ///
    /// ```
    /// # use membership_history::{IntervalSet, Span};
    /// let s: IntervalSet<i32> = "0..10, 20..".parse()?;
    /// assert_eq!(s.span_containing(&25), Some(Span::from_start(20)));
    /// assert_eq!(s.span_containing(&15), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn span_containing(&self, x: &T) -> Option<Span<T>> {
        let i = self.points.partition_point(|p| p <= x);
        (i % 2 == 1).then(|| Span {
            start: self.points[i - 1],
            end: self.points.get(i).copied(),
        })
    }

    /// The number of spans (not of values).
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let s: IntervalSet<i32> = "0..10, 10..20, 30..40".parse()?;
    /// assert_eq!(s.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.points.len().div_ceil(2)
    }

    /// Whether the set has no values.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// assert!("".parse::<IntervalSet<i32>>()?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The spans in increasing order.
    ///
    /// ```
    /// # use membership_history::{IntervalSet, Span};
    /// let s: IntervalSet<i32> = "5.., 0..2".parse()?;
    /// let spans: Vec<_> = s.iter().collect();
    /// assert_eq!(spans, [Span::new(0, Some(2))?, Span::from_start(5)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            points: &self.points,
        }
    }

    /// Adds a span, merging it with any span it overlaps or touches.
    ///
    /// ```
    /// # use membership_history::{IntervalSet, Span};
    /// let mut s = IntervalSet::new();
    /// s.insert(Span::new(1, Some(3))?);
    /// s.insert(Span::new(3, Some(4))?);
    /// assert_eq!(s.to_string(), "1..4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn insert(&mut self, span: Span<T>) {
        // Appending in order is the common case when building from sorted
        // history, and it must not cost a full merge.
        if let Some(&last) = self.points.last() {
            if self.points.len().is_multiple_of(2) && span.start > last {
                self.points.push(span.start);
                self.points.extend(span.end);
                return;
            }
        } else {
            self.points.push(span.start);
            self.points.extend(span.end);
            return;
        }
        *self = self.union(&IntervalSet::from(span));
    }

    /// Values in either set.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let a: IntervalSet<i32> = "0..2".parse()?;
    /// assert_eq!(a.union(&"2..4".parse()?).to_string(), "0..4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn union(&self, other: &Self) -> Self {
        self.combine(other, |a, b| a || b)
    }

    /// Values in both sets.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let a: IntervalSet<i32> = "0..5".parse()?;
    /// assert_eq!(a.intersection(&"3..".parse()?).to_string(), "3..5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intersection(&self, other: &Self) -> Self {
        self.combine(other, |a, b| a && b)
    }

    /// Values in `self` but not in `other`.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let a: IntervalSet<i32> = "0..".parse()?;
    /// assert_eq!(a.difference(&"3..5".parse()?).to_string(), "0..3, 5..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn difference(&self, other: &Self) -> Self {
        self.combine(other, |a, b| a && !b)
    }

    /// Values in exactly one of the sets.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let a: IntervalSet<i32> = "0..5".parse()?;
    /// assert_eq!(a.symmetric_difference(&"3..8".parse()?).to_string(), "0..3, 5..8");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn symmetric_difference(&self, other: &Self) -> Self {
        self.combine(other, |a, b| a != b)
    }

    /// The values of `window` that are not in the set.
    ///
    /// A complement needs a window because an ordered key need not have a
    /// smallest value to start from.
    ///
    /// ```
    /// # use membership_history::{IntervalSet, Span};
    /// let s: IntervalSet<i32> = "2..4, 6..".parse()?;
    /// assert_eq!(s.complement_within(Span::new(0, Some(10))?).to_string(), "0..2, 4..6");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complement_within(&self, window: Span<T>) -> Self {
        IntervalSet::from(window).difference(self)
    }

    /// The gaps of the set inside `window`, in order: with the set's own
    /// spans clipped to the window they tile it exactly.
    ///
    /// ```
    /// # use membership_history::{IntervalSet, Span};
    /// let s: IntervalSet<i32> = "2..4".parse()?;
    /// let gaps: Vec<_> = s.gaps(Span::new(0, Some(10))?).collect();
    /// assert_eq!(gaps, [Span::new(0, Some(2))?, Span::new(4, Some(10))?]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn gaps(&self, window: Span<T>) -> IntoIter<T> {
        self.complement_within(window).into_iter()
    }

    /// Whether the sets share any value.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let a: IntervalSet<i32> = "0..5".parse()?;
    /// assert!(a.overlaps(&"4..9".parse()?));
    /// assert!(!a.overlaps(&"5..9".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overlaps(&self, other: &Self) -> bool {
        !self.intersection(other).is_empty()
    }

    /// Whether every value of `self` is in `other`.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let a: IntervalSet<i32> = "1..3".parse()?;
    /// assert!(a.is_subset(&"0..5".parse()?));
    /// assert!(!a.is_subset(&"2..5".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_subset(&self, other: &Self) -> bool {
        self.difference(other).is_empty()
    }

    /// The sorted change points: starts at even positions, ends at odd ones.
    ///
    /// ```
    /// # use membership_history::IntervalSet;
    /// let s: IntervalSet<i32> = "1..3, 7..".parse()?;
    /// assert_eq!(s.change_points(), &[1, 3, 7]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn change_points(&self) -> &[T] {
        &self.points
    }

    /// One linear sweep over both point lists; `keep(in_a, in_b)` says which
    /// values the result holds. A point is emitted exactly when the result's
    /// inside/outside state flips, which keeps the output normalized.
    ///
    /// The sweep is branch-free on the data: every candidate point is
    /// written to the next free slot and the slot is taken only when the
    /// state flips, because on real sets "does it flip" is a coin toss that
    /// a branch predictor loses.
    fn combine(&self, other: &Self, keep: impl Fn(bool, bool) -> bool) -> Self {
        let (a, b) = (self.points.as_slice(), other.points.as_slice());
        let Some(&fill) = a.first().or(b.first()) else {
            return IntervalSet::new();
        };
        let mut out = vec![fill; a.len() + b.len()];
        let (mut i, mut j, mut n) = (0, 0, 0);
        let mut inside = false;
        while i < a.len() && j < b.len() {
            let (p, q) = (a[i], b[j]);
            let x = if p <= q { p } else { q };
            i += usize::from(p <= q);
            j += usize::from(q <= p);
            let now = keep(i % 2 == 1, j % 2 == 1);
            out[n] = x;
            n += usize::from(now != inside);
            inside = now;
        }
        // One list is used up; its side of `keep` no longer changes.
        for &x in &a[i..] {
            i += 1;
            let now = keep(i % 2 == 1, j % 2 == 1);
            out[n] = x;
            n += usize::from(now != inside);
            inside = now;
        }
        for &x in &b[j..] {
            j += 1;
            let now = keep(i % 2 == 1, j % 2 == 1);
            out[n] = x;
            n += usize::from(now != inside);
            inside = now;
        }
        out.truncate(n);
        IntervalSet { points: out }
    }
}

impl<T: Ord + Copy> From<Span<T>> for IntervalSet<T> {
    fn from(span: Span<T>) -> Self {
        let mut points = vec![span.start];
        points.extend(span.end);
        IntervalSet { points }
    }
}

impl<T: Ord + Copy> FromIterator<Span<T>> for IntervalSet<T> {
    /// Collects spans in any order, overlapping or not.
    fn from_iter<I: IntoIterator<Item = Span<T>>>(iter: I) -> Self {
        let mut spans: Vec<Span<T>> = iter.into_iter().collect();
        spans.sort_unstable();
        let mut points: Vec<T> = Vec::with_capacity(spans.len() * 2);
        for s in spans {
            if points.len() % 2 == 1 {
                // The last span is open: it already covers everything after it.
                break;
            }
            match points.last_mut() {
                // Overlaps or touches the previous span: extend that span.
                Some(end) if s.start <= *end => match s.end {
                    Some(e) => *end = e.max(*end),
                    None => {
                        points.pop();
                    }
                },
                _ => {
                    points.push(s.start);
                    points.extend(s.end);
                }
            }
        }
        IntervalSet { points }
    }
}

impl<T: Ord + Copy> Extend<Span<T>> for IntervalSet<T> {
    fn extend<I: IntoIterator<Item = Span<T>>>(&mut self, iter: I) {
        let other: IntervalSet<T> = iter.into_iter().collect();
        *self = self.union(&other);
    }
}

/// Iterator over the spans of an [`IntervalSet`], from [`IntervalSet::iter`].
#[derive(Debug, Clone)]
pub struct Iter<'a, T> {
    points: &'a [T],
}

impl<T: Copy> Iterator for Iter<'_, T> {
    type Item = Span<T>;
    fn next(&mut self) -> Option<Span<T>> {
        let (&start, rest) = self.points.split_first()?;
        let end = rest.first().copied();
        self.points = rest.get(1..).unwrap_or(&[]);
        Some(Span { start, end })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.points.len().div_ceil(2);
        (n, Some(n))
    }
}

impl<T: Copy> ExactSizeIterator for Iter<'_, T> {}

/// Owning iterator over the spans of an [`IntervalSet`].
#[derive(Debug, Clone)]
pub struct IntoIter<T> {
    points: std::vec::IntoIter<T>,
}

impl<T: Copy> Iterator for IntoIter<T> {
    type Item = Span<T>;
    fn next(&mut self) -> Option<Span<T>> {
        let start = self.points.next()?;
        Some(Span {
            start,
            end: self.points.next(),
        })
    }
}

impl<T: Copy> IntoIterator for IntervalSet<T> {
    type Item = Span<T>;
    type IntoIter = IntoIter<T>;
    fn into_iter(self) -> IntoIter<T> {
        IntoIter {
            points: self.points.into_iter(),
        }
    }
}

impl<'a, T: Ord + Copy> IntoIterator for &'a IntervalSet<T> {
    type Item = Span<T>;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T: Ord + Copy + fmt::Display> fmt::Display for IntervalSet<T> {
    /// Spans separated by `", "`; the empty set prints as the empty string.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{s}")?;
        }
        Ok(())
    }
}

impl<T: FromStr + Ord + Copy + fmt::Display> FromStr for IntervalSet<T> {
    type Err = Error;
    /// Parses the [`Display`](fmt::Display) form; spans may come in any order
    /// and may overlap (they are merged).
    fn from_str(s: &str) -> Result<Self, Error> {
        if s.trim().is_empty() {
            return Ok(IntervalSet::new());
        }
        s.split(',').map(str::parse::<Span<T>>).collect()
    }
}

impl<T: Serialize + Ord + Copy> Serialize for IntervalSet<T> {
    /// A sequence of `{ "start": .., "end": .. }` objects.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de> + Ord + Copy + fmt::Display> Deserialize<'de> for IntervalSet<T> {
    /// Accepts spans in any order, overlapping or touching; each is checked
    /// as [`Span::new`] checks it, and the set is normalized (merged, sorted)
    /// as [`insert`](IntervalSet::insert) does, so an empty list is the
    /// empty set and a non-empty one always contains something.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<Span<T>>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}
