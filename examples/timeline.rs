//! One member's history in an organization, one line per spell, with the
//! events and sources behind it.
//!
//! ```text
//! cargo run --example timeline -- UZB          # Uzbekistan in the CSTO
//! cargo run --example timeline -- CSTO-PA SRB
//! cargo run --release --example timeline -- --cow-igo ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv \
//!     --states ../shared/datasets/cow-states-2016/states2016.csv CSTO UZB
//! ```

#[macro_use]
mod common;

use common::{args, dataset, emit, fail};
use membership_history::Event;

const USAGE: &str = "usage: timeline [ORG] MEMBER [--data DIR | --atop PATH | --cow-igo PATH] [--states PATH] [--lenient]";

fn readings(ev: &Event) -> String {
    ev.readings()
        .iter()
        .map(|r| format!("{} [{}]", r.date(), r.sources().join("; ")))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn main() {
    let args = args(USAGE);
    let ds = dataset(&args);
    let (org, member) = match args.positional.as_slice() {
        [m] => ("CSTO", m.as_str()),
        [o, m] => (o.as_str(), m.as_str()),
        _ => fail(USAGE),
    };
    let spells = ds
        .timeline(org, member)
        .unwrap_or_else(|e| fail(&e.to_string()));
    let events = ds
        .events_of(org, member)
        .unwrap_or_else(|e| fail(&e.to_string()));
    let party = ds.party(member).map_or(member, |p| p.name());
    let org_name = ds.organization(org).map_or(org, |o| o.current_name());
    let mut out = String::new();
    outln!(
        out,
        "{party} in the {org_name}: {} spells, {} events",
        spells.len(),
        events.len()
    );
    for s in spells {
        let span = s.span().map_or_else(
            || format!("{}..{}", s.start(), s.start()),
            |sp| sp.to_string(),
        );
        outln!(out, "{span:<24} {}", s.status());
        let opened = ds.event(s.opened_by());
        outln!(out, "    opened: {} {}", opened.kind(), readings(opened));
        for e in &events {
            let inside = e.day() > s.start() && s.end().is_none_or(|end| e.day() < end);
            if inside && !std::ptr::eq(*e, opened) {
                outln!(out, "    during: {} {}", e.kind(), readings(e));
            }
        }
        match s.closed_by() {
            Some(c) => {
                let closed = ds.event(c);
                outln!(out, "    closed: {} {}", closed.kind(), readings(closed));
            }
            None => outln!(out, "    still in effect"),
        }
    }
    emit(&out);
}
