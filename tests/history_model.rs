//! Suspension and return consistency, checked against a naive model: a
//! linear scan over the raw events with its own transition table.

#[path = "support/history.rs"]
mod history;

use chrono::NaiveDate;
use history::*;
use membership_history::{Basis, Certainty, EventKind, IntervalSet, Status};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn statuses_equal_a_naive_replay(
        histories in prop::collection::vec(valid_history(), 4),
        order in prop::collection::vec(0..4usize, 0..12),
    ) {
        let ds = build(&histories, &order).unwrap();
        let last = histories.iter().flatten().map(|&(_, d)| d).max().unwrap_or(0) + 5;
        for date in 0..=last {
            let mut naive_members = Vec::new();
            for (i, raw) in histories.iter().enumerate() {
                let want = naive_status(raw, date);
                let got = ds.status_on("X", PARTIES[i], day(date)).unwrap();
                prop_assert_eq!(got.status(), want, "{} on day {}", PARTIES[i], date);
                prop_assert_eq!(preferred_status(&got), want);
                // Exact dates, no gaps: two-valued, definite answers.
                prop_assert_eq!(got.member(), Some(want.is_some_and(Status::is_member)));
                prop_assert_eq!(got.certainty(), Certainty::Definite);
                prop_assert_eq!(got.status_certainty(), Certainty::Definite);
                prop_assert_eq!(got.basis(), Basis::Records);
                if let Some(s) = want {
                    naive_members.push((PARTIES[i].to_string(), s));
                }
            }
            let mut on: Vec<(String, Status)> = ds
                .members_on("X", day(date))
                .unwrap()
                .map(|m| {
                    assert_eq!(m.certainty(), Certainty::Definite, "exact dates are definite");
                    assert_eq!(m.status_certainty(), Certainty::Definite);
                    (m.party().code().to_string(), m.status().expect("listed with a status"))
                })
                .collect();
            // `members_on` is in no particular order; the model's is by code.
            on.sort();
            prop_assert_eq!(on, naive_members);
        }
    }

    #[test]
    fn member_and_suspended_never_overlap_and_returns_follow_an_exit(
        histories in prop::collection::vec(valid_history(), 4),
    ) {
        let ds = build(&histories, &[]).unwrap();
        for p in PARTIES {
            let tl = ds.timeline("X", p).unwrap();
            let spells = tl.spells();
            let days = |want: fn(Status) -> bool| -> IntervalSet<NaiveDate> {
                spells.iter().filter(|s| want(s.status())).filter_map(|s| s.span()).collect()
            };
            let member = days(Status::is_member);
            let suspended = days(|s| s == Status::Suspended);
            prop_assert!(!member.overlaps(&suspended));
            for w in spells.windows(2) {
                prop_assert!(w[0].end().is_some_and(|e| e <= w[1].start()));
            }
            for (i, s) in spells.iter().enumerate() {
                if ds.event(s.opened_by()).unwrap().kind() == EventKind::Returned {
                    let prev = i.checked_sub(1).map(|j| &spells[j]);
                    let after_suspension = prev.is_some_and(|p| {
                        p.status() == Status::Suspended && p.closed_by() == Some(s.opened_by())
                    });
                    let after_exit = prev.is_some_and(|p| p.closed_by() != Some(s.opened_by()));
                    prop_assert!(after_suspension || after_exit);
                }
            }
        }
    }

    #[test]
    fn invalid_sequences_are_rejected_never_panic(
        histories in prop::collection::vec(any_history(), 4),
    ) {
        let valid = histories.iter().all(naive_valid);
        match build(&histories, &[]) {
            Ok(_) => prop_assert!(valid, "accepted an impossible sequence: {histories:?}"),
            Err(e) => {
                prop_assert!(!valid, "rejected a valid sequence: {e}");
                prop_assert!(matches!(e.kind(), membership_history::ErrorKind::Sequence(_)));
            }
        }
    }
}
