//! Interval-set laws checked against a day-by-day model: a set is modelled
//! as the bools of every integer in a window wide enough that open ends and
//! every span start fall inside it.

use membership_history::{IntervalSet, Span};
use proptest::prelude::*;

const LO: i32 = -5;
const HI: i32 = 140; // past every finite end (start < 100, length < 30): only open spans reach it

fn span() -> impl Strategy<Value = Span<i32>> {
    (0..100i32, prop::option::weighted(0.8, 1..30i32))
        .prop_map(|(s, len)| Span::new(s, len.map(|l| s + l)).unwrap())
}

fn set() -> impl Strategy<Value = (Vec<Span<i32>>, IntervalSet<i32>)> {
    prop::collection::vec(span(), 0..8).prop_map(|v| {
        let s: IntervalSet<i32> = v.iter().copied().collect();
        (v, s)
    })
}

/// The naive model: membership of every value in the window.
fn model(spans: &[Span<i32>]) -> Vec<bool> {
    (LO..HI)
        .map(|x| spans.iter().any(|s| s.contains(&x)))
        .collect()
}

fn of(set: &IntervalSet<i32>) -> Vec<bool> {
    (LO..HI).map(|x| set.contains(&x)).collect()
}

fn normalized(set: &IntervalSet<i32>) -> bool {
    set.change_points().windows(2).all(|w| w[0] < w[1])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn contains_matches_model((spans, s) in set()) {
        prop_assert_eq!(of(&s), model(&spans));
        prop_assert!(normalized(&s));
    }

    #[test]
    fn union_intersection_difference((a_sp, a) in set(), (b_sp, b) in set()) {
        let (ma, mb) = (model(&a_sp), model(&b_sp));
        let zip = |f: fn(bool, bool) -> bool| -> Vec<bool> {
            ma.iter().zip(&mb).map(|(&x, &y)| f(x, y)).collect()
        };
        let u = a.union(&b);
        let i = a.intersection(&b);
        let d = a.difference(&b);
        let x = a.symmetric_difference(&b);
        prop_assert_eq!(of(&u), zip(|x, y| x || y));
        prop_assert_eq!(of(&i), zip(|x, y| x && y));
        prop_assert_eq!(of(&d), zip(|x, y| x && !y));
        prop_assert_eq!(of(&x), zip(|x, y| x != y));
        for r in [&u, &i, &d, &x] {
            prop_assert!(normalized(r));
        }
        prop_assert_eq!(a.is_subset(&b), ma.iter().zip(&mb).all(|(&x, &y)| !x || y));
        prop_assert_eq!(a.overlaps(&b), ma.iter().zip(&mb).any(|(&x, &y)| x && y));
    }

    #[test]
    fn complement_and_gaps_tile_the_window((spans, s) in set(), w0 in LO..60i32, wlen in 1..60i32) {
        let window = Span::new(w0, Some(w0 + wlen)).unwrap();
        let c = s.complement_within(window);
        let m = model(&spans);
        for x in LO..HI {
            let inside = window.contains(&x);
            prop_assert_eq!(c.contains(&x), inside && !m[(x - LO) as usize]);
        }
        // Gaps and the covered spans, clipped to the window, tile it exactly:
        // disjoint, and together every day of the window.
        let covered = s.intersection(&IntervalSet::from(window));
        let gaps: IntervalSet<i32> = s.gaps(window).collect();
        prop_assert!(!gaps.overlaps(&covered));
        prop_assert_eq!(gaps.union(&covered), IntervalSet::from(window));
        let mut pieces: Vec<Span<i32>> = s.gaps(window).chain(covered.iter()).collect();
        pieces.sort();
        let total: i32 = pieces.iter().map(|p| p.end().unwrap() - p.start()).sum();
        prop_assert_eq!(total, wlen);
    }

    #[test]
    fn normalization_is_idempotent((_, s) in set()) {
        let again: IntervalSet<i32> = s.iter().collect();
        prop_assert_eq!(&again, &s);
        let mut extended = s.clone();
        extended.extend(s.iter());
        prop_assert_eq!(&extended, &s);
        prop_assert_eq!(s.union(&s), s.clone());
        prop_assert_eq!(s.intersection(&s), s.clone());
        prop_assert!(s.difference(&s).is_empty());
    }

    #[test]
    fn display_fromstr_round_trip((_, s) in set()) {
        let text = s.to_string();
        let back: IntervalSet<i32> = text.parse().unwrap();
        prop_assert_eq!(back, s);
    }

    #[test]
    fn insert_equals_union((spans, s) in set(), extra in span()) {
        let mut t = s.clone();
        t.insert(extra);
        let mut all = spans.clone();
        all.push(extra);
        prop_assert_eq!(of(&t), model(&all));
        prop_assert!(normalized(&t));
    }

    #[test]
    fn serde_round_trip((_, s) in set()) {
        let json = serde_json::to_string(&s).unwrap();
        let back: IntervalSet<i32> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, s);
    }

    #[test]
    fn span_containing_agrees((_, s) in set(), x in LO..HI) {
        match s.span_containing(&x) {
            Some(sp) => {
                prop_assert!(sp.contains(&x) && s.contains(&x));
                prop_assert!(s.iter().any(|t| t == sp));
            }
            None => prop_assert!(!s.contains(&x)),
        }
    }
}

#[test]
fn touching_spans_merge_and_len_counts_spans() {
    let s: IntervalSet<i32> = "1..3, 3..5, 7..8".parse().unwrap();
    assert_eq!(s.to_string(), "1..5, 7..8");
    assert_eq!(s.len(), 2);
}

#[test]
fn bad_text_is_an_error_not_a_panic() {
    for bad in ["1..x", "..3", "5..3", "3..3", "1-3", "1..2,,"] {
        assert!(bad.parse::<IntervalSet<i32>>().is_err(), "{bad}");
    }
}

#[test]
fn deserializing_rejects_backwards_spans() {
    let err = serde_json::from_str::<IntervalSet<i32>>(r#"[{"start":5,"end":3}]"#);
    assert!(err.is_err());
}

/// Issue 10: a `Span` cannot hold `end <= start`, whatever builds it; serde
/// goes through `Span::new` and fails with its message.
#[test]
fn deserializing_a_span_checks_it() {
    for (json, message) in [
        (r#"{"start":5,"end":3}"#, "end 3 is not after start 5"),
        (r#"{"start":4,"end":4}"#, "end 4 is not after start 4"),
    ] {
        let err = serde_json::from_str::<Span<i32>>(json).unwrap_err();
        assert!(
            err.to_string().starts_with(message),
            "{json}: {err} (want {message})"
        );
        // Inside a set too.
        let err = serde_json::from_str::<IntervalSet<i32>>(&format!("[{json}]")).unwrap_err();
        assert!(err.to_string().starts_with(message), "[{json}]: {err}");
    }
    let span: Span<i32> = serde_json::from_str(r#"{"start":3,"end":5}"#).unwrap();
    assert_eq!(span, Span::new(3, Some(5)).unwrap());
    // `end` missing or null: open.
    for json in [r#"{"start":3}"#, r#"{"start":3,"end":null}"#] {
        let span: Span<i32> = serde_json::from_str(json).unwrap();
        assert_eq!(span, Span::from_start(3), "{json}");
    }
    // The shape is unchanged: what serializes deserializes to the same.
    for span in [Span::new(-2, Some(7)).unwrap(), Span::from_start(9)] {
        let json = serde_json::to_string(&span).unwrap();
        assert_eq!(serde_json::from_str::<Span<i32>>(&json).unwrap(), span);
    }
    // Dates, through chrono's serde.
    let json = r#"{"start":"1999-04-20","end":"1992-05-15"}"#;
    let err = serde_json::from_str::<Span<chrono::NaiveDate>>(json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("end 1992-05-15 is not after start 1999-04-20"),
        "{err}"
    );
    assert!(serde_json::from_str::<Span<i32>>(r#"{"end":3}"#).is_err());
}

/// A deserialized set is normalized like any other: spans sorted, merged
/// when they overlap or touch; an empty list is the empty set, and no
/// non-empty set contains nothing.
#[test]
fn deserializing_a_set_normalizes_it() {
    let set: IntervalSet<i32> = serde_json::from_str(
        r#"[{"start":10,"end":12},{"start":3,"end":5},{"start":1,"end":4},{"start":5,"end":6},{"start":20}]"#,
    )
    .unwrap();
    assert_eq!(set.to_string(), "1..6, 10..12, 20..");
    assert_eq!(set, "1..6, 10..12, 20..".parse().unwrap());
    assert_eq!(
        serde_json::to_string(&set).unwrap(),
        r#"[{"start":1,"end":6},{"start":10,"end":12},{"start":20,"end":null}]"#
    );
    let empty: IntervalSet<i32> = serde_json::from_str("[]").unwrap();
    assert!(empty.is_empty() && empty == IntervalSet::new());
    assert!(serde_json::from_str::<IntervalSet<i32>>(r#"[{"start":1,"end":1}]"#).is_err());
}
