//! Three-valued answers: exact dates give the two-valued answers; widening a
//! date's uncertainty only ever moves an answer to "possible"; definite
//! answers are always possible ones; the date text form round-trips.

#[path = "support/history.rs"]
mod history;

use chrono::{Days, NaiveDate};
use history::*;
use membership_history::{Certainty, Dataset, Reading, UncertainDate};
use proptest::prelude::*;

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (0..20_000u64).prop_map(|n| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(n))
}

fn uncertain_date() -> impl Strategy<Value = UncertainDate> {
    prop_oneof![
        any_day().prop_map(|d| UncertainDate::day(d).unwrap()),
        (1000..=9999i32, 1..=12u32)
            .prop_map(|(year, month)| UncertainDate::month(year, month).unwrap()),
        (1000..=9999i32).prop_map(|y| UncertainDate::year(y).unwrap()),
        prop::collection::btree_set(any_day(), 2..5)
            .prop_map(|s| UncertainDate::one_of(s).unwrap()),
        (any_day(), 1..500u64)
            .prop_map(|(a, n)| UncertainDate::between(a, a + Days::new(n)).unwrap()),
    ]
}

/// The text form as written by hand, in its canonical shape: a day, a
/// month, a year, sorted distinct candidates, a forward range.
fn canonical_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any_day().prop_map(|d| d.to_string()),
        (1000..=9999i32, 1..=12u32).prop_map(|(y, m)| format!("{y:04}-{m:02}")),
        (1000..=9999i32).prop_map(|y| format!("{y:04}")),
        prop::collection::btree_set(any_day(), 2..5).prop_map(|s| {
            let days: Vec<String> = s.iter().map(NaiveDate::to_string).collect();
            format!("[{}]", days.join(","))
        }),
        (any_day(), 1..500u64).prop_map(|(a, n)| format!("{a}/{}", a + Days::new(n))),
    ]
}

/// Every party's membership certainty and the certainty of its having its
/// status (`None` when `members_on` does not list it), per day.
fn answers(ds: &Dataset, last: u64) -> Vec<(Option<Certainty>, Option<Certainty>)> {
    let mut out = Vec::new();
    for date in 0..=last {
        let on: Vec<_> = ds.members_on("X", day(date)).unwrap().collect();
        for p in PARTIES {
            let member = membership(&ds.status_on("X", p, day(date)).unwrap());
            let any = on
                .iter()
                .find(|m| m.party().code() == p)
                .map(|m| m.status_certainty());
            out.push((member, any));
        }
    }
    out
}

/// Widening may move an answer to "possible", never across it.
fn moved_only_to_possible(before: Option<Certainty>, after: Option<Certainty>) -> bool {
    match before {
        Some(Certainty::Definite) => {
            matches!(after, Some(Certainty::Definite | Certainty::Possible))
        }
        None => after != Some(Certainty::Definite),
        Some(Certainty::Possible) => after == Some(Certainty::Possible),
        // No gaps in these histories: an unknown answer is never right.
        Some(Certainty::Unknown) => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn text_form_round_trips(d in uncertain_date()) {
        let text = d.to_string();
        let back: UncertainDate = text.parse().unwrap();
        prop_assert_eq!(&back, &d);
        prop_assert!(d.earliest() <= d.latest());
        prop_assert!(d.could_be(d.earliest()) && d.could_be(d.latest()));
        // JSON is the text form, through the same checks.
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(&json, &format!("{text:?}"));
        prop_assert_eq!(serde_json::from_str::<UncertainDate>(&json).unwrap(), d);
    }

    /// What parses prints back the same, and deserializes to the same value.
    #[test]
    fn what_parses_prints_back_the_same(text in canonical_text()) {
        let d: UncertainDate = text.parse().unwrap();
        prop_assert_eq!(d.to_string(), text.clone());
        let json = format!("{text:?}");
        prop_assert_eq!(serde_json::from_str::<UncertainDate>(&json).unwrap(), d);
    }

    #[test]
    fn exact_dates_give_the_two_valued_answers(histories in prop::collection::vec(valid_history(), 4)) {
        let ds = build(&histories, &[]).unwrap();
        for date in 0..=250 {
            for (i, p) in PARTIES.iter().enumerate() {
                let two = naive_status(&histories[i], date);
                let a = ds.status_on("X", *p, day(date)).unwrap();
                let three = membership(&a);
                let want = two.is_some_and(|s| s.is_member()).then_some(Certainty::Definite);
                prop_assert_eq!(three, want);
                // Every answer is definite, about membership and the status.
                prop_assert_eq!(a.certainty(), Certainty::Definite);
                prop_assert_eq!(a.status_certainty(), Certainty::Definite);
                prop_assert_eq!(a.member(), Some(two.is_some_and(|s| s.is_member())));
                prop_assert_eq!(a.status(), two);
            }
        }
    }

    #[test]
    fn widening_only_moves_answers_to_possible(
        histories in prop::collection::vec(valid_history(), 4),
        widen_at in prop::collection::vec((0..40usize, -60..60i64, 0..30u64), 1..6),
    ) {
        let exact = build(&histories, &[]).unwrap();
        let widen = |n: usize, d: u64| -> Vec<Reading> {
            widen_at
                .iter()
                .filter(|(at, _, _)| *at == n)
                .map(|&(_, shift, len)| {
                    let start = day(d).checked_add_signed(chrono::Duration::days(shift)).unwrap();
                    let date = if len == 0 {
                        UncertainDate::day(start)
                    } else {
                        UncertainDate::between(start, start + Days::new(len))
                    }
                    .unwrap();
                    Reading::new(date, "another reading", ["T"])
                })
                .collect()
        };
        let wide = build_with(&histories, &[], &widen).unwrap();
        let (a, b) = (answers(&exact, 450), answers(&wide, 450));
        for ((m0, s0), (m1, s1)) in a.iter().zip(&b) {
            prop_assert!(moved_only_to_possible(*m0, *m1), "membership {m0:?} -> {m1:?}");
            prop_assert!(moved_only_to_possible(*s0, *s1), "status {s0:?} -> {s1:?}");
        }
        // Definite answers are always among the possible ones, and a
        // definite member is a member by the preferred readings too.
        for date in 0..=450 {
            for p in PARTIES {
                let a = wide.status_on("X", p, day(date)).unwrap();
                let three = membership(&a);
                let two = preferred_status(&a);
                prop_assert_eq!(a.member(), Some(two.is_some_and(|s| s.is_member())));
                if three == Some(Certainty::Definite) {
                    prop_assert!(two.is_some_and(|s| s.is_member()));
                }
                if two.is_some_and(|s| s.is_member()) {
                    prop_assert!(three.is_some());
                }
                // A definite member is a possible member.
                prop_assert!(!a.is_definite_member() || a.is_possible_member());
            }
        }
    }
}
