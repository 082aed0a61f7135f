//! The naive model shared by the history property tests: random event
//! histories, the model's own transition table, and a linear-scan replay.

#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use membership_history::{Answer, Dataset, Event, EventKind, Party, Reading, Source, Status};
use proptest::prelude::*;

pub const PARTIES: [&str; 4] = ["AAA", "BBB", "CCC", "DDD"];
pub const KINDS: [EventKind; 14] = [
    EventKind::Signed,
    EventKind::Acceded,
    EventKind::Ratified,
    EventKind::Renewed,
    EventKind::NotRenewed,
    EventKind::Withdrew,
    EventKind::Suspended,
    EventKind::Returned,
    EventKind::ParticipationFrozen,
    EventKind::ParticipationResumed,
    EventKind::ObserverGranted,
    EventKind::ObserverEnded,
    EventKind::AssociateGranted,
    EventKind::AssociateEnded,
];

/// The naive model's state: `None` = never had a status, `Some(None)` = left.
pub type State = Option<Option<Status>>;

/// The model's own transition table, written independently of the crate's.
pub fn step(state: State, kind: EventKind) -> Option<State> {
    use EventKind as K;
    use Status as S;
    let now = state.flatten();
    let ever = state.is_some();
    let next = match kind {
        K::Signed | K::Acceded => match now {
            None | Some(S::Observer) | Some(S::Associate) => Some(S::Member),
            _ => return None,
        },
        K::Ratified | K::Renewed => match now {
            Some(S::Member | S::Frozen | S::Suspended) => now,
            _ => return None,
        },
        K::NotRenewed | K::Withdrew => match now {
            Some(S::Member | S::Frozen | S::Suspended) => None,
            _ => return None,
        },
        K::Suspended => match now {
            Some(S::Member | S::Frozen) => Some(S::Suspended),
            _ => return None,
        },
        K::Returned => match now {
            Some(S::Suspended) => Some(S::Member),
            None if ever => Some(S::Member),
            _ => return None,
        },
        K::ParticipationFrozen => (now == Some(S::Member)).then_some(S::Frozen)?.into(),
        K::ParticipationResumed => (now == Some(S::Frozen)).then_some(S::Member)?.into(),
        K::ObserverGranted => match now {
            None => Some(S::Observer),
            _ => return None,
        },
        K::ObserverEnded => match now {
            Some(S::Observer) => None,
            _ => return None,
        },
        K::AssociateGranted => match now {
            None | Some(S::Observer) => Some(S::Associate),
            _ => return None,
        },
        K::AssociateEnded => match now {
            Some(S::Associate) => None,
            _ => return None,
        },
        _ => return None,
    };
    Some(Some(next))
}

pub fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Days::new(n)
}

/// One party's raw events: (kind, day number), days strictly increasing.
pub type Raw = Vec<(EventKind, u64)>;

/// A valid random walk through the model's transitions.
pub fn valid_history() -> impl Strategy<Value = Raw> {
    prop::collection::vec((any::<prop::sample::Index>(), 1..40u64), 0..10).prop_map(|steps| {
        let mut state: State = None;
        let mut day = 0;
        let mut out = Vec::new();
        for (pick, gap) in steps {
            let options: Vec<(EventKind, State)> = KINDS
                .iter()
                .filter_map(|&k| step(state, k).map(|s| (k, s)))
                .collect();
            let (k, s) = options[pick.index(options.len())];
            day += gap;
            out.push((k, day));
            state = s;
        }
        out
    })
}

/// Any sequence of kinds, valid or not.
pub fn any_history() -> impl Strategy<Value = Raw> {
    prop::collection::vec((prop::sample::select(KINDS.to_vec()), 1..40u64), 0..8).prop_map(|v| {
        let mut day = 0;
        v.into_iter()
            .map(|(k, gap)| {
                day += gap;
                (k, day)
            })
            .collect()
    })
}

pub fn build_with(
    histories: &[Raw],
    order: &[usize],
    widen: &dyn Fn(usize, u64) -> Vec<Reading>,
) -> Result<Dataset, membership_history::Error> {
    let mut b = Dataset::builder();
    b.add_source(Source::new("T", "test", ""));
    b.add_name("X", "Test Organization", None, None, ["T"]);
    for p in PARTIES {
        b.add_party(Party::state(p, p).with_sources(["T"]));
    }
    // Interleave the parties' events in a random order, each party's own
    // events staying in order, as a file might list them.
    let mut next = vec![0; histories.len()];
    let mut picks: Vec<usize> = order.iter().map(|w| w % histories.len()).collect();
    for (who, h) in histories.iter().enumerate() {
        picks.extend(std::iter::repeat_n(who, h.len()));
    }
    for (n, who) in picks.into_iter().enumerate() {
        if let Some(&(kind, d)) = histories[who].get(next[who]) {
            b.add_event(Event::new(
                format!("e{n}"),
                "X",
                Some(PARTIES[who]),
                kind,
                {
                    let mut r = vec![Reading::new(day(d).try_into().unwrap(), "", ["T"])];
                    r.extend(widen(n, d));
                    r
                },
            ));
            next[who] += 1;
        }
    }
    b.build().strict()
}

/// The naive status on a date: replay the raw events up to and including it.
pub fn naive_status(raw: &Raw, date: u64) -> Option<Status> {
    let mut state: State = None;
    for &(k, d) in raw {
        if d > date {
            break;
        }
        state = step(state, k).expect("valid history");
    }
    state.flatten()
}

pub fn naive_valid(raw: &Raw) -> bool {
    let mut state: State = None;
    raw.iter().all(|&(k, _)| match step(state, k) {
        Some(s) => {
            state = s;
            true
        }
        None => false,
    })
}

pub fn build(histories: &[Raw], order: &[usize]) -> Result<Dataset, membership_history::Error> {
    build_with(histories, order, &|_, _| Vec::new())
}

/// The old two-valued membership answer (`membership_on`) from a
/// three-valued [`Answer`]; these histories have no gaps, so an unknown
/// answer is a failure.
#[path = "membership.rs"]
mod two_valued;
#[allow(unused_imports)] // not every test file including this one asks for it
pub use two_valued::membership;

/// The status by the preferred readings on `date` (the old two-valued
/// `status_on`).
pub fn preferred_status(a: &Answer<'_>) -> Option<Status> {
    a.spell()
        .filter(|s| s.contains(a.date()))
        .map(|s| s.status())
}
