//! An organization's membership timeline as an SVG picture: one row per
//! member, bars coloured by status, uncertain stretches hatched and lighter,
//! a labelled year axis.
//!
//! ```text
//! cargo run --example timeline_svg -- CSTO > csto.svg
//! cargo run --release --example timeline_svg -- --cow-igo ../shared/datasets/cow-igo-v3/igo_year_formatv3.csv \
//!     --states ../shared/datasets/cow-states-2016/states2016.csv CSTO > csto-cow.svg
//! cargo run --release --example timeline_svg -- --atop ../shared/datasets/atop-v4.01/atop-member-level.csv \
//!     --states ../shared/datasets/cow-states-2016/states2016.csv 4220 > atop-4220.svg
//! ```

mod common;

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use common::{args, dataset, emit, fail, today};
use membership_history::{Spell, Status};

const USAGE: &str = "usage: timeline_svg [ORG] [--data DIR | --atop PATH | --cow-igo PATH] [--states PATH] [--lenient] > timeline.svg";

const LABEL_W: f64 = 230.0;
const PLOT_W: f64 = 860.0;
const ROW_H: f64 = 22.0;
const TOP: f64 = 70.0;

fn colour(s: Status) -> &'static str {
    match s {
        Status::Member => "#2b6cb0",
        Status::Frozen => "#805ad5",
        Status::Suspended => "#dd6b20",
        Status::Observer => "#2f855a",
        Status::Associate => "#b7791f",
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn main() {
    let args = args(USAGE);
    let ds = dataset(&args);
    let org_arg = args.positional.first().map_or("CSTO", String::as_str);
    if args.positional.len() > 1 {
        fail(USAGE);
    }
    let org = ds
        .organization(org_arg)
        .unwrap_or_else(|| fail(&format!("unknown organization `{org_arg}`")));
    let mut rows: Vec<(&membership_history::Party, &[Spell])> = ds
        .parties()
        .iter()
        .filter_map(|p| {
            ds.timeline(org.id(), p.code())
                .ok()
                .filter(|t| !t.is_empty())
                .map(|t| (p, t))
        })
        .collect();
    if rows.is_empty() {
        fail(&format!("{} has no members in this data", org.id()));
    }
    // Members for certain first, by first day; rows that are only possible
    // (missing data) after them.
    rows.sort_by_key(|(p, t)| {
        let only_possible = t.iter().all(|s| s.definite().is_none());
        (
            only_possible,
            t[0].start_earliest_day(),
            p.code().to_string(),
        )
    });

    // The time window: from the first possible day to the last known one
    // (an open spell runs to today).
    let first = rows
        .iter()
        .filter_map(|(_, t)| t.iter().map(|s| s.possible_start()).min())
        .min()
        .unwrap_or_else(today);
    let last_known = rows
        .iter()
        .flat_map(|(_, t)| t.iter().map(|s| s.possible_end().unwrap_or_else(today)))
        .max()
        .unwrap_or_else(today);
    let (y0, y1) = (first.year(), last_known.year() + 1);
    let span_days = (NaiveDate::from_ymd_opt(y1, 1, 1).unwrap_or(last_known)
        - NaiveDate::from_ymd_opt(y0, 1, 1).unwrap_or(first))
    .num_days()
    .max(1) as f64;
    let origin = NaiveDate::from_ymd_opt(y0, 1, 1).unwrap_or(first);
    let x = |d: NaiveDate| {
        LABEL_W + PLOT_W * ((d - origin).num_days() as f64 / span_days).clamp(0.0, 1.0)
    };

    let height = TOP + ROW_H * rows.len() as f64 + 60.0;
    let width = LABEL_W + PLOT_W + 30.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">"##
    );
    svg.push_str("<defs>\n");
    for s in Status::ALL {
        let _ = writeln!(
            svg,
            r##"<pattern id="hatch-{s}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="{c}" fill-opacity="0.18"/><line x1="0" y1="0" x2="0" y2="6" stroke="{c}" stroke-width="2.5" stroke-opacity="0.7"/></pattern>"##,
            c = colour(s)
        );
    }
    svg.push_str("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    let _ = writeln!(
        svg,
        r##"<text x="{LABEL_W}" y="24" font-size="16" font-weight="bold">{} ({}): members {}–{}</text>"##,
        escape(org.current_name()),
        escape(org.id()),
        y0,
        y1 - 1
    );
    // Legend.
    let mut lx = LABEL_W;
    for s in Status::ALL {
        let _ = writeln!(
            svg,
            r##"<rect x="{lx}" y="36" width="14" height="10" fill="{}"/><text x="{}" y="45">{s}</text>"##,
            colour(s),
            lx + 18.0
        );
        lx += 95.0;
    }
    let _ = writeln!(
        svg,
        r##"<rect x="{lx}" y="36" width="14" height="10" fill="url(#hatch-member)"/><text x="{}" y="45">uncertain dates</text>"##,
        lx + 18.0
    );

    // Year axis: a tick every 1, 2, 5, 10, 20 or 50 years, about 12 in all.
    let years = (y1 - y0).max(1);
    let step = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|s| years / s <= 14)
        .unwrap_or(100);
    let axis_y = TOP + ROW_H * rows.len() as f64 + 8.0;
    let mut year = y0 + (step - y0.rem_euclid(step)) % step;
    while year <= y1 {
        if let Some(day) = NaiveDate::from_ymd_opt(year, 1, 1) {
            let xx = x(day);
            let _ = writeln!(
                svg,
                r##"<line x1="{xx:.1}" y1="{}" x2="{xx:.1}" y2="{axis_y}" stroke="#ddd"/><line x1="{xx:.1}" y1="{axis_y}" x2="{xx:.1}" y2="{}" stroke="#333"/><text x="{xx:.1}" y="{}" text-anchor="middle">{year}</text>"##,
                TOP - 4.0,
                axis_y + 5.0,
                axis_y + 19.0
            );
        }
        year += step;
    }
    let _ = writeln!(
        svg,
        r##"<line x1="{LABEL_W}" y1="{axis_y}" x2="{}" y2="{axis_y}" stroke="#333"/>"##,
        LABEL_W + PLOT_W
    );

    // One row per member.
    for (i, (party, spells)) in rows.iter().enumerate() {
        let y = TOP + ROW_H * i as f64;
        if i % 2 == 1 {
            let _ = writeln!(
                svg,
                r##"<rect x="0" y="{y}" width="{width}" height="{ROW_H}" fill="#f7f7f7"/>"##
            );
        }
        let label = if party.name() == party.code() {
            party.code().to_string()
        } else {
            format!("{} {}", party.code(), party.name())
        };
        let label: String = label.chars().take(32).collect();
        let _ = writeln!(
            svg,
            r##"<text x="{}" y="{}" text-anchor="end">{}</text>"##,
            LABEL_W - 8.0,
            y + ROW_H * 0.68,
            escape(&label)
        );
        for s in spells.iter() {
            let c = colour(s.status());
            let (top, h) = (y + 4.0, ROW_H - 8.0);
            let end_or_today = |d: Option<NaiveDate>| d.unwrap_or_else(today);
            let rect = |a: NaiveDate, b: NaiveDate, fill: &str| {
                let (xa, xb) = (x(a), x(b));
                if xb > xa {
                    format!(
                        r##"<rect x="{xa:.1}" y="{top}" width="{:.1}" height="{h}" fill="{fill}"/>"##,
                        (xb - xa).max(1.0)
                    )
                } else {
                    String::new()
                }
            };
            let hatch = format!("url(#hatch-{})", s.status());
            let title = format!(
                "{} {}: {} (possible {})",
                party.code(),
                s.status(),
                s.span().map_or_else(
                    || "no days by the preferred dates".to_string(),
                    |sp| sp.to_string()
                ),
                s.possible().map_or_else(String::new, |sp| sp.to_string())
            );
            let _ = writeln!(svg, "<g><title>{}</title>", escape(&title));
            match s.definite() {
                Some(def) => {
                    svg.push_str(&rect(s.possible_start(), def.start(), &hatch));
                    svg.push_str(&rect(def.start(), end_or_today(def.end()), c));
                    if let Some(e) = def.end() {
                        svg.push_str(&rect(e, end_or_today(s.possible_end()), &hatch));
                    }
                }
                None => svg.push_str(&rect(
                    s.possible_start(),
                    end_or_today(s.possible_end()),
                    &hatch,
                )),
            }
            if s.end().is_none() {
                let xe = x(today());
                let _ = write!(
                    svg,
                    r##"<path d="M{xe:.1},{top} l6,{} l-6,{} z" fill="{c}"/>"##,
                    h / 2.0,
                    h / 2.0
                );
            }
            svg.push_str("</g>\n");
        }
    }
    svg.push_str("</svg>\n");
    emit(&svg);
}

/// Bounds of a spell over all readings of its dates.
trait Bounds {
    fn possible_start(&self) -> NaiveDate;
    fn possible_end(&self) -> Option<NaiveDate>;
    fn start_earliest_day(&self) -> NaiveDate {
        self.possible_start()
    }
}

impl Bounds for Spell {
    fn possible_start(&self) -> NaiveDate {
        self.possible().map_or(self.start(), |p| p.start())
    }
    fn possible_end(&self) -> Option<NaiveDate> {
        match self.possible() {
            Some(p) => p.end(),
            None => self.end(),
        }
    }
}
