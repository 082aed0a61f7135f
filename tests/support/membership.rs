//! The membership answer in the two values and "definitely not" the tests
//! written before the third value ask for.

#![allow(dead_code)] // each test file uses what it needs

use membership_history::{Answer, Certainty};

/// `Some(Definite)` a definite member, `Some(Possible)` a possible one,
/// `None` definitely not. The callers ask inside the data's coverage, so an
/// unknown answer fails the test.
#[track_caller]
pub fn membership(a: &Answer<'_>) -> Option<Certainty> {
    assert_ne!(
        a.certainty(),
        Certainty::Unknown,
        "{} in {} on {}: unknown",
        a.party().code(),
        a.organization().id(),
        a.date()
    );
    if a.is_definite_member() {
        Some(Certainty::Definite)
    } else if a.is_possible_member() {
        Some(Certainty::Possible)
    } else {
        None
    }
}
