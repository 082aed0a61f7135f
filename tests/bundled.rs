//! The bundled CST/CSTO dataset: the answers the seed article implies
//! (as corrected by the reference notes), and checks over the whole dataset.

use chrono::NaiveDate;
use membership_history::{
    Answer, BUNDLED_VERIFIED_AS_OF, Basis, Certainty, Dataset, EventKind, Status, bundled,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Codes of the parties that are members de jure, by every reading, sorted
/// (`members_on` lists in no particular order).
fn members(date: &str) -> Vec<String> {
    let mut codes: Vec<String> = bundled()
        .members_on("CSTO", date)
        .unwrap()
        .filter(|m| m.is_definite_member())
        .map(|m| m.party().code().to_string())
        .collect();
    codes.sort();
    codes
}

/// The status by the preferred readings, on a day the data covers.
fn status(code: &str, date: &str) -> Option<Status> {
    let a = bundled().status_on("CSTO", code, date).unwrap();
    assert_eq!(
        a.basis(),
        Basis::Records,
        "{code} on {date} is inside coverage"
    );
    a.spell()
        .filter(|s| s.contains(d(date)))
        .map(|s| s.status())
}

/// The old two-valued membership certainty: `Some(Definite)` a definite
/// member, `Some(Possible)` a possible one, `None` definitely not.
fn membership(a: &Answer<'_>) -> Option<Certainty> {
    assert_ne!(a.certainty(), Certainty::Unknown, "inside coverage");
    if a.is_definite_member() {
        Some(Certainty::Definite)
    } else if a.is_possible_member() {
        Some(Certainty::Possible)
    } else {
        None
    }
}

const SIX: [&str; 6] = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"];

#[test]
fn founding_six_in_1993() {
    assert_eq!(
        members("1993-06-01"),
        ["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    );
}

#[test]
fn all_nine_in_1995() {
    assert_eq!(
        members("1995-01-01"),
        [
            "ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"
        ]
    );
}

#[test]
fn six_after_the_1999_non_renewal() {
    assert_eq!(members("2000-01-01"), SIX);
    for gone in ["AZE", "GEO", "UZB"] {
        assert_eq!(status(gone, "2000-01-01"), None, "{gone}");
    }
}

#[test]
fn uzbekistan_back_in_2008() {
    let mut seven: Vec<&str> = SIX.to_vec();
    seven.push("UZB");
    seven.sort();
    assert_eq!(members("2008-01-01"), seven);
}

#[test]
fn uzbekistan_suspended_in_2013() {
    assert_eq!(members("2013-06-01"), SIX);
    assert_eq!(status("UZB", "2013-06-01"), Some(Status::Suspended));
    let mut on = bundled().members_on("CSTO", "2013-06-01").unwrap();
    let uzb = on.find(|m| m.party().code() == "UZB").unwrap();
    assert_eq!(
        (uzb.status(), uzb.status_certainty()),
        (Some(Status::Suspended), Certainty::Definite)
    );
    // Suspended is definitely not membership.
    assert_eq!(
        (uzb.member(), uzb.certainty()),
        (Some(false), Certainty::Definite)
    );
}

/// The day after `day`, as text.
fn day_after(day: &str) -> String {
    d(day).succ_opt().unwrap().to_string()
}

#[test]
fn armenia_frozen_on_the_verified_day_and_unknown_after() {
    // This checked 2025-01-01, which is past the bundled data's coverage now
    // (issue 10): answers there are unknown. The last day the data covers is
    // `BUNDLED_VERIFIED_AS_OF` (whatever its value), so the frozen status is
    // checked on that day, and the day after must be unknown, with the last
    // known status.
    let last = BUNDLED_VERIFIED_AS_OF;
    assert_eq!(members(last), SIX);
    assert_eq!(status("ARM", last), Some(Status::Frozen));
    for other in ["BLR", "KAZ", "KGZ", "RUS", "TJK"] {
        assert_eq!(status(other, last), Some(Status::Member), "{other}");
    }
    let ds = bundled();
    let after = day_after(last);
    for (code, last_status) in [("ARM", Status::Frozen), ("KAZ", Status::Member)] {
        let a = ds.status_on("CSTO", code, after.as_str()).unwrap();
        assert_eq!(a.certainty(), Certainty::Unknown, "{code}");
        assert_eq!(a.member(), None, "{code}");
        assert_eq!(a.basis(), Basis::Unknown, "{code}");
        assert_eq!(a.status(), Some(last_status), "{code}");
        assert_eq!(a.known_until(), Some(d(last)), "{code}");
    }
    // Nobody is a definite member past the data's end.
    assert!(members(&after).is_empty());
}

#[test]
fn names_over_time() {
    let ds = bundled();
    assert_eq!(
        ds.name_on("CSTO", "1995-01-01").unwrap(),
        Some("Collective Security Treaty")
    );
    assert_eq!(
        ds.name_on("CSTO", "2005-01-01").unwrap(),
        Some("Collective Security Treaty Organization")
    );
    // The renaming day belongs to the new name (half-open spans).
    assert_eq!(
        ds.name_on("CSTO", "2002-10-07").unwrap(),
        Some("Collective Security Treaty Organization")
    );
    for alias in ["CST", "CSTO", "ODKB", "odkb", "ОДКБ"] {
        assert_eq!(ds.organization(alias).unwrap().id(), "CSTO", "{alias}");
    }
}

#[test]
fn boundary_days_follow_the_half_open_convention() {
    // A member on the day it joins; not on the day its membership ends.
    assert_eq!(status("AZE", "1993-09-23"), None);
    assert_eq!(status("AZE", "1993-09-24"), Some(Status::Member));
    assert_eq!(status("AZE", "1999-04-19"), Some(Status::Member));
    assert_eq!(status("AZE", "1999-04-20"), None);
}

#[test]
fn the_csto_is_an_observer_at_the_general_assembly() {
    let ds = bundled();
    assert_eq!(
        ds.status_on("UNGA", "CSTO", "2004-12-01").unwrap().status(),
        None
    );
    let observer = ds.status_on("UNGA", "CSTO", "2004-12-02").unwrap();
    assert_eq!(observer.status(), Some(Status::Observer));
    assert_eq!(observer.member(), Some(false));
    let orgs: Vec<_> = ds.organizations_of("CSTO", "2020-01-01").unwrap().collect();
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].organization().id(), "UNGA");
}

#[test]
fn parliamentary_assembly_observers_from_2013_year_precision() {
    let ds = bundled();
    for code in ["AFG", "SRB"] {
        let on = |date: &str| membership(&ds.status_on("CSTO-PA", code, date).unwrap());
        // Observers are not members in any reading.
        assert_eq!(on("2013-06-01"), None);
        assert_eq!(on("2014-01-01"), None);
        // The certainty here is the status word's (`status_certainty`, the
        // old `StatusOn::certainty`): observer since some day of 2013.
        let status = |date: &str| {
            ds.members_on("CSTO-PA", date)
                .unwrap()
                .find(|m| m.party().code() == code)
                .map(|m| {
                    assert_eq!(m.member(), Some(false), "{code} on {date}");
                    (m.status().unwrap(), m.status_certainty())
                })
        };
        assert_eq!(status("2012-12-31"), None);
        assert_eq!(
            status("2013-06-01"),
            Some((Status::Observer, Certainty::Possible))
        );
        assert_eq!(
            status("2014-01-01"),
            Some((Status::Observer, Certainty::Definite))
        );
    }
}

#[test]
fn founders_and_changes() {
    let ds = bundled();
    let founders: Vec<&str> = ds
        .founders("CST")
        .unwrap()
        .iter()
        .map(|p| p.code())
        .collect();
    assert_eq!(founders, ["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    let joined: Vec<&str> = ds
        .changes_between("CSTO", "1993-01-01", "1994-01-01")
        .unwrap()
        .iter()
        .filter(|c| c.joined())
        .map(|c| c.party().code())
        .collect();
    assert_eq!(joined, ["AZE", "GEO", "BLR"]); // by day
}

#[test]
fn disputed_dates_are_recorded_with_both_readings() {
    let ds = bundled();
    let geo = ds.timeline("CSTO", "GEO").unwrap();
    let acc = ds.event(geo.spells()[0].opened_by()).unwrap();
    let dates: Vec<String> = acc
        .readings()
        .iter()
        .map(|r| r.date().to_string())
        .collect();
    assert_eq!(dates, ["1993-12-09", "1993-09-09"]);
    let find = |c: &str| {
        ds.members_on("CSTO", "1993-10-01")
            .unwrap()
            .find(|m| m.party().code() == c)
            .map(|m| (m.certainty(), m.status_certainty()))
    };
    // Georgia is a possible member (and possibly holds its status); the
    // two certainties agree here.
    assert_eq!(
        find("GEO"),
        Some((Certainty::Possible, Certainty::Possible))
    );
    assert_eq!(
        find("AZE"),
        Some((Certainty::Definite, Certainty::Definite))
    );
    // Uzbekistan's first exit: 1999-04-20, or "1998" by some outlets.
    let uzb = |date: &str| membership(&ds.status_on("CSTO", "UZB", date).unwrap());
    assert_eq!(uzb("1997-12-31"), Some(Certainty::Definite));
    assert_eq!(uzb("1998-06-01"), Some(Certainty::Possible));
    assert_eq!(uzb("1999-04-20"), None);
}

#[test]
fn every_fact_names_a_known_source() {
    let ds = bundled();
    for e in ds.events() {
        for r in e.readings() {
            assert!(
                !r.sources().is_empty(),
                "{} has a reading without a source",
                e.id()
            );
            for s in r.sources() {
                assert!(
                    ds.source(s).is_some(),
                    "{} cites unknown source {s}",
                    e.id()
                );
            }
        }
    }
    for p in ds
        .parties()
        .iter()
        .filter(|p| p.kind() == membership_history::PartyKind::State)
    {
        assert!(!p.sources().is_empty(), "{}", p.code());
    }
    for o in ds.organizations() {
        for n in o.names() {
            assert!(!n.sources().is_empty(), "{} / {}", o.id(), n.name());
        }
    }
}

#[test]
fn the_files_in_data_are_the_embedded_dataset_and_load_strictly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut b = Dataset::builder();
    b.read_dir(dir);
    let (from_files, problems) = b.build_lenient();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(from_files.events().count(), bundled().events().count());
    assert_eq!(
        from_files.spell_records().len(),
        bundled().spell_records().len()
    );
    // The gaps too (`unknown.csv`: the verified-as-of coverage).
    // (Compared without their origin: the file paths differ.)
    let gaps = |ds: &Dataset| -> Vec<String> {
        let mut v: Vec<String> = ds
            .unknowns()
            .iter()
            .map(|u| format!("{} {:?} {u}", u.org(), u.member()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(gaps(&from_files), gaps(bundled()));
}

#[test]
fn every_state_has_iso_and_cow_codes() {
    for p in bundled()
        .parties()
        .iter()
        .filter(|p| p.kind() == membership_history::PartyKind::State)
    {
        assert_eq!(p.code().len(), 3, "{}", p.code());
        assert!(p.cow_code().is_some(), "{}", p.code());
    }
}

#[test]
fn suspension_and_return_history_is_consistent() {
    let ds = bundled();
    for org in ds.organizations() {
        for p in ds.parties() {
            let tl = ds.timeline(org.id(), p.code()).unwrap();
            for w in tl.spells().windows(2) {
                assert!(
                    w[0].end().unwrap() <= w[1].start(),
                    "{} {}",
                    org.id(),
                    p.code()
                );
                if ds.event(w[1].opened_by()).unwrap().kind() == EventKind::Returned {
                    let prior =
                        w[0].status() == Status::Suspended || w[0].end() < Some(w[1].start());
                    assert!(prior, "return without exit or suspension");
                }
            }
        }
    }
}
