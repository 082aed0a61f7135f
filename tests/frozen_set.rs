//! `FrozenSet::contains` against the naive model (any span of the raw list
//! contains the value), on small windows, on values bunched at both ends of
//! a huge range (buckets holding many points, the binary-search fallback),
//! at the extremes of `i64`, and on dates.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code; inputs are ours

use chrono::{Days, NaiveDate};
use membership_history::{FrozenSet, IntervalSet, Span};
use proptest::prelude::*;

fn naive<T: Ord + Copy>(spans: &[(T, Option<T>)], x: T) -> bool {
    spans
        .iter()
        .any(|&(s, e)| s <= x && e.is_none_or(|e| x < e))
}

fn build<T: Ord + Copy + std::fmt::Display>(spans: &[(T, Option<T>)]) -> IntervalSet<T> {
    spans
        .iter()
        .map(|&(s, e)| Span::new(s, e).unwrap())
        .collect()
}

/// Spans starting in a narrow band near `lo` or near `hi`, so most buckets
/// are empty and two hold everything.
fn bunched(lo: i64, hi: i64) -> impl Strategy<Value = Vec<(i64, Option<i64>)>> {
    let start = prop_oneof![lo..lo + 10_000, hi - 10_000..hi];
    prop::collection::vec((start, prop::option::weighted(0.95, 1..20i64)), 0..200).prop_map(|v| {
        v.into_iter()
            .map(|(s, len)| (s, len.map(|l| s.saturating_add(l))))
            .filter(|&(s, e)| e.is_none_or(|e| e > s))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn small_sets_match_the_model(
        spans in prop::collection::vec((0..300i32, prop::option::weighted(0.8, 1..40i32)), 0..40),
        xs in prop::collection::vec(-10..400i32, 64),
    ) {
        let spans: Vec<(i32, Option<i32>)> = spans.into_iter().map(|(s, l)| (s, l.map(|l| s + l))).collect();
        let set = build(&spans);
        let frozen = FrozenSet::new(&set);
        prop_assert_eq!(frozen.set(), &set);
        for x in xs.into_iter().chain(set.change_points().iter().flat_map(|&p| [p - 1, p, p + 1])) {
            prop_assert_eq!(frozen.contains(&x), naive(&spans, x), "x = {}", x);
        }
    }

    #[test]
    fn bunched_values_fall_back_to_binary_search(
        spans in bunched(-1_000_000_000_000, 1_000_000_000_000),
        xs in prop::collection::vec(any::<i64>(), 32),
    ) {
        let set = build(&spans);
        let frozen = FrozenSet::new(&set);
        let near = set.change_points().iter().flat_map(|&p| [p.saturating_sub(1), p, p.saturating_add(1)]);
        for x in xs.into_iter().chain(near) {
            prop_assert_eq!(frozen.contains(&x), naive(&spans, x), "x = {}", x);
        }
    }

    #[test]
    fn extreme_keys(
        spans in bunched(i64::MIN, i64::MAX),
        xs in prop::collection::vec(any::<i64>(), 32),
    ) {
        let set = build(&spans);
        let frozen = FrozenSet::new(&set);
        for x in xs.into_iter().chain([i64::MIN, i64::MAX, 0, -1]) {
            prop_assert_eq!(frozen.contains(&x), naive(&spans, x), "x = {}", x);
        }
    }

    #[test]
    fn dates_match_the_model(
        spans in prop::collection::vec((0..80_000u64, prop::option::weighted(0.8, 1..5_000u64)), 0..40),
        xs in prop::collection::vec(0..90_000u64, 64),
    ) {
        let origin = NaiveDate::from_ymd_opt(1816, 1, 1).unwrap();
        let day = |n: u64| origin.checked_add_days(Days::new(n)).unwrap();
        let spans: Vec<(NaiveDate, Option<NaiveDate>)> =
            spans.into_iter().map(|(s, l)| (day(s), l.map(|l| day(s + l)))).collect();
        let frozen = FrozenSet::from(build(&spans));
        for x in xs.into_iter().map(day) {
            prop_assert_eq!(frozen.contains(&x), naive(&spans, x), "x = {}", x);
        }
    }
}

#[test]
fn empty_and_open_sets() {
    let empty = FrozenSet::new(&IntervalSet::<i32>::new());
    assert!(!empty.contains(&0) && !empty.contains(&i32::MIN));
    let open: IntervalSet<i32> = "5..".parse().unwrap();
    let frozen = FrozenSet::new(&open);
    assert!(!frozen.contains(&4) && frozen.contains(&5) && frozen.contains(&i32::MAX));
}
