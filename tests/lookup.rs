//! Forgiving lookups (issue 13): organizations by id, name or alias in any
//! case; parties by code in any case, COW number, COW abbreviation or
//! name; near misses suggested, ambiguous forms refused with every party
//! they fit.

use membership_history::{CowIgo, CowStates, Dataset, ErrorKind, Party, bundled};

const IGO: &str = include_str!("data/igo_year_formatv3-excerpt.csv");
const STATES: &str = include_str!("data/states2016-excerpt.csv");

fn cow() -> Dataset {
    let states = CowStates::read(STATES.as_bytes(), "states2016.csv")
        .strict()
        .unwrap();
    Dataset::builder()
        .read(CowIgo::states(Some(&states)), IGO.as_bytes(), "igo.csv")
        .build()
        .strict()
        .unwrap()
}

#[test]
fn organizations_by_id_name_or_alias_in_any_case() {
    let ds = bundled();
    for asked in [
        "CSTO",
        "csto",
        "ODKB",
        "Collective Security Treaty Organization",
        " cst ",
    ] {
        assert_eq!(
            ds.organization(asked).map(|o| o.id()),
            Some("CSTO"),
            "{asked}"
        );
    }
}

#[test]
fn parties_by_code_number_abbreviation_or_name() {
    let ds = cow();
    // The COW state list makes Russia's code its abbreviation.
    for asked in ["RUS", "rus", "365", "Russia", "RUSSIA"] {
        assert_eq!(ds.party(asked).map(|p| p.code()), Some("RUS"), "{asked}");
    }
    assert_eq!(ds.party("705").map(|p| p.code()), Some("KZK"));
    assert_eq!(ds.party("kazakhstan").map(|p| p.code()), Some("KZK"));
}

#[test]
fn near_misses_are_suggested() {
    let e = bundled().members_on("CTSO", "2008-01-01").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::UnknownOrganization("CTSO".into()));
    assert_eq!(e.suggestions().next(), Some("CSTO"));
    // An ISO code where COW uses its own: Kazakhstan is KZK.
    let ds = cow();
    let e = ds.status_on("CSTO", "KAZ", "2008-01-01").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::UnknownParty("KAZ".into()));
    assert_eq!(e.suggestions().next(), Some("KZK"));
    assert!(
        e.to_string().contains("did you mean `KZK` (Kazakhstan)"),
        "{e}"
    );
    // A name that shares a word.
    let e = ds
        .members_on("Example Organization", "1990-01-01")
        .unwrap_err();
    let s: Vec<&str> = e.suggestions().collect();
    assert!(s.contains(&"XIGO") && s.contains(&"YIGO"), "{s:?}");
    // Nothing near: no suggestion, and the message says only what failed.
    let e = ds.members_on("QQQQQQQQ", "1990-01-01").unwrap_err();
    assert_eq!(e.suggestions().count(), 0);
    assert!(!e.to_string().contains("did you mean"), "{e}");
}

#[test]
fn a_form_that_fits_two_parties_is_refused_with_both() {
    let mut b = Dataset::builder();
    b.add_source(membership_history::Source::new("S", "a source", ""))
        .add_party(
            Party::state("RUS", "Russia")
                .with_cow(365, "RUS")
                .with_sources(["S"]),
        )
        .add_party(
            Party::state("SUN", "Soviet Union")
                .with_cow(365, "USR")
                .with_sources(["S"]),
        );
    let ds = b.build().strict().unwrap();
    assert_eq!(ds.party("RUS").map(|p| p.code()), Some("RUS"));
    assert_eq!(ds.party("365"), None);
    let e = ds.organizations_of("365", "2000-01-01").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::UnknownParty("365".into()));
    assert_eq!(e.suggestions().collect::<Vec<_>>(), ["RUS", "SUN"]);
    assert!(
        e.to_string()
            .contains("`RUS` (Russia) or `SUN` (Soviet Union)"),
        "{e}"
    );
}
