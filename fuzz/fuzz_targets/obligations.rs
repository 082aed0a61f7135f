//! The ATOP obligations reader (issue 14) and the dyad-year panel built on
//! it: the bytes before the first `0xFF` are a member-level file, those
//! after it an alliance-level file. Oracles: a refusal is one positioned
//! line naming its file; what loads builds dyad-years without a panic, and
//! each undirected row's obligations are the union of its two directed
//! rows' (definite within possible, in both).
#![no_main]

use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;
use membership_history::{AtopObligations, CowStates, Dataset, Error, ErrorKind, Panels, YearRule};

const STATES: &str = include_str!("../../tests/data/states2016-excerpt.csv");

fn check_error(e: &Error, file: &str) {
    let msg = e.to_string();
    assert!(!msg.contains('\n') && !msg.contains('\r'), "two lines: {msg:?}");
    assert_eq!(e.file_name(), Some(file), "{msg}");
    if !matches!(e.kind(), ErrorKind::Io(_)) {
        assert!(e.line().is_some(), "no line: {msg}");
    }
}

fuzz_target!(|data: &[u8]| {
    let (members, alliances) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let atop = match AtopObligations::read(members, "m.csv") {
        Ok(a) => a,
        Err(e) => return check_error(&e, "m.csv"),
    };
    if let Some(a) = alliances {
        match atop.check_alliances(a, "a.csv") {
            Ok(found) => {
                for d in found {
                    assert!(!d.to_string().contains('\n'));
                }
            }
            Err(e) => check_error(&e, "a.csv"),
        }
    }
    let states = CowStates::read(STATES.as_bytes(), "states2016.csv")
        .strict()
        .expect("the excerpt loads");
    let ds = Dataset::builder().build().strict().expect("an empty dataset");
    // Years around the rows (bounded, so that one input stays fast).
    let first = atop.last_year().map_or(1990, |y| y.clamp(1816, 2016) - 3);
    let years = first..=first + 4;
    for rule in [YearRule::EndOfYear, YearRule::AnyDay] {
        let panels = Panels::new(&ds, &states, rule).atop(&atop);
        let directed: HashMap<(u16, u16, i32), _> = panels
            .directed_dyad_years(years.clone())
            .map(|r| ((r.ccode1, r.ccode2, r.year), r.atop.expect("ATOP loaded")))
            .collect();
        for r in panels.dyad_years(years.clone()) {
            let a = r.atop.expect("ATOP loaded");
            assert!(a.obligations_max.has(a.obligations), "{r:?}");
            let one = directed[&(r.ccode1, r.ccode2, r.year)];
            let other = directed[&(r.ccode2, r.ccode1, r.year)];
            assert_eq!(a.obligations, one.obligations | other.obligations, "{r:?}");
            assert_eq!(a.obligations_max, one.obligations_max | other.obligations_max, "{r:?}");
        }
    }
});
