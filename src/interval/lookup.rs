//! [`FrozenSet`]: an [`IntervalSet`] frozen for point queries, with a
//! bucket table that finds the change points near a value in one step.
//!
//! An [`IntervalSet`] answers "is `x` in the set" with a binary search over
//! its change points: about log2(n) dependent loads, each a cache miss once
//! the set outgrows the cache. Dates (and most keys people query) are spread
//! fairly evenly over their range, so a table of where each slice of the
//! range starts in the change points (one `u32` per bucket, about one bucket
//! per change point) narrows the search to a bucket of one or two points.
//! A bucket holding many points (values bunched in one part of the range)
//! falls back to a binary search inside the bucket, so the worst case stays
//! O(log n). `BENCHMARKS.md` has the measurements behind the bucket size.

use chrono::{Datelike, NaiveDate};

use crate::interval::set::IntervalSet;

/// Change points per bucket, on average: 1 measured faster than 2 at 1k
/// intervals (4.0 against 6.6 ns, `BENCHMARKS.md`); fewer buckets scan more
/// points, more buckets cost more table.
const POINTS_PER_BUCKET: u64 = 1;
/// Longest bucket scanned linearly; a longer one is binary searched.
const SCAN: usize = 16;

/// A value a [`FrozenSet`] can bucket: it maps to an `i64` that orders the
/// same way (`a < b` exactly when `a.key() < b.key()`); the keys need not be
/// consecutive.
///
/// ```
/// use membership_history::{Key, parse_day};
/// let d = |s: &str| parse_day(s).unwrap();
/// assert!(d("1999-12-31").key() < d("2000-01-01").key());
/// assert!((-3i32).key() < 2i32.key());
/// ```
pub trait Key: Ord + Copy {
    /// The value's position on the number line.
    fn key(self) -> i64;
}

macro_rules! int_key {
    ($($t:ty),*) => {$(
        impl Key for $t {
            #[inline]
            fn key(self) -> i64 {
                i64::from(self)
            }
        }
    )*};
}
int_key!(i8, i16, i32, i64, u8, u16, u32);

impl Key for NaiveDate {
    /// `year · 512 + day of the year`: ordered like the dates, and cheaper
    /// than counting days (no division).
    #[inline]
    fn key(self) -> i64 {
        (i64::from(self.year()) << 9) | i64::from(self.ordinal())
    }
}

/// An immutable [`IntervalSet`] for fast point queries: the same change
/// points plus a bucket table (about 4 bytes per change point).
///
/// Build it once from a set that no longer changes and ask
/// [`contains`](FrozenSet::contains) many times.
///
/// ```
/// use membership_history::{FrozenSet, IntervalSet};
///
/// let set: IntervalSet<i32> = "0..10, 20..30, 40..".parse()?;
/// let frozen = FrozenSet::new(&set);
/// for x in -5..60 {
///     assert_eq!(frozen.contains(&x), set.contains(&x));
/// }
/// assert_eq!(frozen.set(), &set);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrozenSet<T> {
    set: IntervalSet<T>,
    /// The key of the first change point.
    min: i64,
    /// A value with key `k` falls in bucket `(k - min) >> shift`.
    shift: u32,
    /// `table[b]` is the number of change points in buckets before `b`;
    /// one entry more than there are buckets. Empty when the set is empty
    /// (or too large for `u32` positions): then every query is a plain
    /// binary search.
    table: Vec<u32>,
}

impl<T: Key> FrozenSet<T> {
    /// Freezes a copy of `set`, in O(n + buckets).
    ///
    /// ```
    /// use membership_history::{FrozenSet, IntervalSet, parse_day};
    /// # use chrono::NaiveDate;
    /// let d = |s: &str| parse_day(s).unwrap();
    /// let set: IntervalSet<NaiveDate> = "1994-04-20..1999-04-20, 2006-08-16..2012-12-19".parse()?;
    /// let frozen = FrozenSet::new(&set);
    /// assert!(frozen.contains(&d("2008-01-01")));
    /// assert!(!frozen.contains(&d("2012-12-19"))); // the end is excluded
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(set: &IntervalSet<T>) -> Self {
        FrozenSet::from(set.clone())
    }

    fn build(set: IntervalSet<T>) -> Self {
        let points = set.change_points();
        let (Some(first), Some(last)) = (points.first(), points.last()) else {
            return FrozenSet::plain(set);
        };
        if u32::try_from(points.len()).is_err() {
            return FrozenSet::plain(set);
        }
        let min = first.key();
        let range = offset(last.key(), min);
        let target = (points.len() as u64).div_ceil(POINTS_PER_BUCKET).max(1);
        // The smallest shift that keeps the buckets within the target
        // (shifting by 63 leaves at most two buckets).
        let mut shift = 0;
        while shift < 63 && (range >> shift) >= target {
            shift += 1;
        }
        let buckets = (range >> shift) as usize + 1;
        let mut table = Vec::with_capacity(buckets + 1);
        let mut i = 0;
        for b in 0..=buckets as u64 {
            while i < points.len() && offset(points[i].key(), min) >> shift < b {
                i += 1;
            }
            table.push(i as u32);
        }
        FrozenSet {
            set,
            min,
            shift,
            table,
        }
    }

    /// No table: every query a binary search.
    fn plain(set: IntervalSet<T>) -> Self {
        FrozenSet {
            set,
            min: 0,
            shift: 0,
            table: Vec::new(),
        }
    }

    /// Whether `x` is in the set: O(1) for evenly spread change points,
    /// O(log n) at worst.
    ///
    /// ```
    /// use membership_history::{FrozenSet, IntervalSet};
    /// let set: IntervalSet<i32> = "0..10, 1000..1001".parse()?;
    /// let frozen = FrozenSet::new(&set);
    /// assert!(frozen.contains(&1000) && !frozen.contains(&1001) && !frozen.contains(&-1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn contains(&self, x: &T) -> bool {
        self.rank(x) % 2 == 1
    }

    /// The number of change points at or before `x`.
    #[inline]
    fn rank(&self, x: &T) -> usize {
        let points = self.set.change_points();
        if self.table.is_empty() {
            return points.partition_point(|p| p <= x);
        }
        let k = x.key();
        if k < self.min {
            return 0;
        }
        let b = offset(k, self.min) >> self.shift;
        if b >= (self.table.len() - 1) as u64 {
            // Past the last bucket: after every change point.
            return points.len();
        }
        let b = b as usize;
        let (lo, hi) = (self.table[b] as usize, self.table[b + 1] as usize);
        let bucket = &points[lo..hi];
        lo + if bucket.len() <= SCAN {
            bucket.iter().filter(|p| *p <= x).count()
        } else {
            bucket.partition_point(|p| p <= x)
        }
    }

    /// The frozen set itself, for everything but point queries.
    ///
    /// ```
    /// use membership_history::{FrozenSet, IntervalSet};
    /// let set: IntervalSet<i32> = "0..10".parse()?;
    /// assert_eq!(FrozenSet::new(&set).set().to_string(), "0..10");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set(&self) -> &IntervalSet<T> {
        &self.set
    }

    /// Bytes on the heap: the change points and the table.
    ///
    /// ```
    /// use membership_history::{FrozenSet, IntervalSet};
    /// let set: IntervalSet<i32> = "0..10, 20..30".parse()?;
    /// assert!(FrozenSet::new(&set).heap_bytes() >= 4 * 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn heap_bytes(&self) -> usize {
        std::mem::size_of_val(self.set.change_points())
            + self.table.capacity() * std::mem::size_of::<u32>()
    }
}

impl<T: Key> From<IntervalSet<T>> for FrozenSet<T> {
    fn from(set: IntervalSet<T>) -> Self {
        FrozenSet::build(set)
    }
}

/// `k - min` for `k >= min`, exact over the whole `i64` range.
#[inline]
fn offset(k: i64, min: i64) -> u64 {
    (k as u64).wrapping_sub(min as u64)
}
