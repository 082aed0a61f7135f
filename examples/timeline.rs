//! One member's history in an organization: each spell with its dates at
//! their known precision, the events and sources behind it, the stretches
//! the data does not cover, and where the data ends.
//!
//! ```text
//! cargo run --example timeline -- UZB          # Uzbekistan in the CSTO
//! cargo run --example timeline -- CSTO-PA SRB
//! cargo run --release --example timeline -- --cow-igo ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv \
//!     --states ../shared/datasets/cow-states-2016/states2016.csv NATO GFR
//! ```
//!
//! A spell with no closing event is "open until the data ends on D" (the
//! organization's coverage end), never "still a member" past what the data
//! covers; without a stated end it is "open (the data states no end)".

#[macro_use]
mod common;

use chrono::NaiveDate;
use common::{args, dataset, emit, fail};
use membership_history::{Event, Spell, Unknown};

const USAGE: &str = "usage: timeline [ORG] MEMBER [--data DIR | --atop PATH | --cow-igo PATH] [--states PATH] [--lenient]";

/// An event's lines: its kind and first reading of its date (at its
/// precision, with its note and sources), then one line per other reading.
fn event_lines(out: &mut String, label: &str, ev: &Event) {
    for (i, r) in ev.readings().iter().enumerate() {
        let note = if r.note().is_empty() {
            String::new()
        } else {
            format!(" ({})", r.note())
        };
        let reading = format!("{}{note} [{}]", r.date(), r.sources().join("; "));
        if i == 0 {
            outln!(out, "    {label}{} {reading}", ev.kind());
        } else {
            outln!(out, "    {:width$}or {reading}", "", width = label.len());
        }
    }
}

/// Whether gap `u` has days inside spell `s` (preferred readings).
fn overlaps(u: &Unknown, s: &Spell) -> bool {
    let span = u.span();
    span.end().is_none_or(|e| e > s.start()) && s.end().is_none_or(|e| span.start() < e)
}

fn main() {
    let args = args(USAGE);
    let ds = dataset(&args);
    let (org, member) = match args.positional.as_slice() {
        [m] => ("CSTO", m.as_str()),
        [o, m] => (o.as_str(), m.as_str()),
        _ => fail(USAGE),
    };
    let tl = ds
        .timeline(org, member)
        .unwrap_or_else(|e| fail(&e.to_string()));
    let events: Vec<&Event> = tl.events().collect();
    let gaps = tl.unknowns();
    let known_until: Option<NaiveDate> = tl.known_until();
    let (party, o) = (tl.party(), tl.organization());
    let mut out = String::new();
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    outln!(
        out,
        "{} ({}) in the {} ({}): {}, {}",
        party.name(),
        party.code(),
        o.current_name(),
        o.id(),
        count(tl.spells().len(), "spell"),
        count(events.len(), "event")
    );
    let own_gaps = gaps.iter().filter(|u| u.member().is_some()).count();
    let silent = if own_gaps == 0 {
        String::new()
    } else {
        format!(", silent in {} (below)", count(own_gaps, "gap"))
    };
    match known_until {
        Some(d) => outln!(out, "the data covers it until {d}{silent}"),
        None => outln!(out, "the data states no end to its coverage{silent}"),
    }
    if tl.spells().is_empty() {
        outln!(out, "no status recorded");
    }

    let mut shown: Vec<&Event> = Vec::new();
    for s in tl.spells() {
        let end = match (s.end_date(), known_until) {
            (Some(d), _) => d.to_string(),
            (None, Some(k)) => format!("open until the data ends on {k}"),
            (None, None) => "open (the data states no end to its coverage)".to_string(),
        };
        outln!(out, "{} – {end}: {}", s.start_date(), s.status());
        let opened = ds.event(s.opened_by());
        let closed = s.closed_by().and_then(|c| ds.event(c));
        if let Some(e) = opened {
            event_lines(&mut out, "opened: ", e);
            shown.push(e);
        }
        for e in &events {
            let inside = e.day() > s.start() && s.end().is_none_or(|end| e.day() < end);
            let own = [opened, closed]
                .into_iter()
                .flatten()
                .any(|x| std::ptr::eq(x, *e));
            if inside && !own {
                event_lines(&mut out, "during: ", e);
                shown.push(e);
            }
        }
        for u in gaps
            .iter()
            .filter(|u| u.member().is_some() && overlaps(u, s))
        {
            outln!(out, "    gap: {u}");
        }
        match closed {
            Some(e) => {
                event_lines(&mut out, "closed: ", e);
                shown.push(e);
            }
            None => match known_until {
                Some(k) => outln!(
                    out,
                    "    no closing event up to {k}, where the data ends; after it the status is unknown"
                ),
                None => outln!(out, "    no closing event in the data"),
            },
        }
    }
    let others: Vec<&&Event> = events
        .iter()
        .filter(|e| !shown.iter().any(|x| std::ptr::eq(*x, **e)))
        .collect();
    if !others.is_empty() {
        outln!(out, "other events:");
        for e in others {
            event_lines(&mut out, "", e);
        }
    }
    if !gaps.is_empty() {
        outln!(out, "the data does not say:");
        for u in &gaps {
            outln!(out, "    {u}");
        }
    }
    emit(&out);
}
