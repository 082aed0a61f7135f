//! Builder rules that the other suites do not reach.

use membership_history::{
    Certainty, Dataset, ErrorKind, Event, EventKind, Party, Reading, Source, Status,
};

fn event(org: &str, member: &str) -> Event {
    Event::new(
        "e1",
        org,
        Some(member),
        EventKind::Acceded,
        vec![Reading::new("2000-01-01".parse().unwrap(), "", ["S"])],
    )
}

#[test]
fn a_state_may_share_its_code_with_an_organization() {
    // COW: `NAM` is both Namibia and the Non-Aligned Movement.
    let mut b = Dataset::builder();
    b.add_source(Source::new("S", "s", ""));
    b.add_party(Party::state("NAM", "Namibia").with_sources(["S"]));
    b.add_name("NAM", "Non-Aligned Movement", None, None, ["S"]);
    b.add_event(event("NAM", "NAM"));
    let ds = b.build().strict().unwrap();
    let on = ds.status_on("NAM", "NAM", "2001-01-01").unwrap();
    assert_eq!(on.status(), Some(Status::Member));
    assert_eq!(on.member(), Some(true));
    assert_eq!(on.certainty(), Certainty::Definite);
}

#[test]
fn an_organization_cannot_be_its_own_member() {
    let mut b = Dataset::builder();
    b.add_source(Source::new("S", "s", ""));
    b.add_name("X", "X", None, None, ["S"]);
    b.add_event(event("X", "X"));
    let err = b.build().strict().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidValue(_)), "{err}");
}
