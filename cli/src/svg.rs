//! `mh svg`: an organization's membership timeline as an SVG picture: one
//! row per member, bars coloured by status, uncertain dates hatched in the
//! status's colour, stretches the data does not cover (a missing cell)
//! hatched grey, a labelled year axis. Where the organization's data ends
//! (its coverage) a dashed "data ends" line is drawn and open spells stop
//! at it; only when the data states no end does an open spell run to
//! `today` with an arrow.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};
use membership_history::{Dataset, Spell, Status, Timeline, Unknown};

use crate::fail::Failure;

const LABEL_W: f64 = 230.0;
const PLOT_W: f64 = 860.0;
const ROW_H: f64 = 22.0;
const TOP: f64 = 86.0;
const GAP_COLOUR: &str = "#718096";

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

/// The day after `d` (the first day the data no longer covers).
fn next_day(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(d)
}

/// One row: a party's timeline, and where its bars end when open.
struct Row<'a> {
    tl: Timeline<'a>,
    /// The party's own gaps (missing cells).
    gaps: Vec<&'a Unknown>,
    /// The first day the data no longer covers for it (open spells stop
    /// here); `None` when the data states no end.
    open_end: Option<NaiveDate>,
}

/// The picture of `org`'s members, open spells drawn to `today` where the
/// data states no end.
pub fn render(ds: &Dataset, org: &str, today: NaiveDate) -> Result<String, Failure> {
    let today = || today;
    // An unknown organization is the library's error, with its suggestions.
    let coverage = ds.known_until(org)?;
    let Some(org) = ds.organization(org) else {
        return Err(Failure::nothing(format!("unknown organization `{org}`")));
    };
    let mut rows: Vec<Row<'_>> = ds
        .timelines()
        .filter(|t| t.organization().id() == org.id() && !t.spells().is_empty())
        .map(|tl| Row {
            gaps: tl
                .unknowns()
                .into_iter()
                .filter(|u| u.member().is_some())
                .collect(),
            open_end: tl.known_until().map(next_day),
            tl,
        })
        .collect();
    if rows.is_empty() {
        return Err(Failure::nothing(format!(
            "{} has no members in this data",
            org.id()
        )));
    }
    // Members for certain first, by first day; rows that are only possible
    // after them.
    rows.sort_by_key(|r| {
        let spells = r.tl.spells();
        let only_possible = spells.iter().all(|s| s.definite().is_none());
        (
            only_possible,
            spells[0].possible_start(),
            r.tl.party().code().to_string(),
        )
    });

    // The time window: from the first possible day to the last day shown:
    // the data's end when it states one, else today for an open spell.
    let first = rows
        .iter()
        .filter_map(|r| r.tl.spells().iter().map(|s| s.possible_start()).min())
        .min()
        .unwrap_or_else(today);
    let last_shown = rows
        .iter()
        .flat_map(|r| {
            let open = r.open_end.unwrap_or_else(today);
            r.tl.spells()
                .iter()
                .map(move |s| s.possible_end().unwrap_or(open))
                .chain(r.open_end)
        })
        .chain(coverage.map(next_day))
        .max()
        .unwrap_or_else(today);
    let (y0, y1) = (first.year(), last_shown.year() + 1);
    let origin = NaiveDate::from_ymd_opt(y0, 1, 1).unwrap_or(first);
    let right = NaiveDate::from_ymd_opt(y1, 1, 1).unwrap_or(last_shown);
    let span_days = (right - origin).num_days().max(1) as f64;
    let x = |d: NaiveDate| {
        LABEL_W + PLOT_W * ((d - origin).num_days() as f64 / span_days).clamp(0.0, 1.0)
    };

    let plot_bottom = TOP + ROW_H * rows.len() as f64;
    let height = plot_bottom + 60.0;
    let width = LABEL_W + PLOT_W + 30.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">"##
    );
    svg.push_str("<defs>\n");
    let hatch = |id: &str, c: &str, opacity: f64| {
        format!(
            r##"<pattern id="{id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="{c}" fill-opacity="{opacity}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{c}" stroke-width="2.5" stroke-opacity="0.7"/></pattern>"##
        )
    };
    for s in Status::ALL {
        let _ = writeln!(svg, "{}", hatch(&format!("hatch-{s}"), colour(s), 0.18));
    }
    let _ = writeln!(svg, "{}", hatch("hatch-gap", GAP_COLOUR, 0.25));
    svg.push_str("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    let until = match coverage {
        Some(d) => format!("; data until {d}"),
        None => String::new(),
    };
    let _ = writeln!(
        svg,
        r##"<text x="{LABEL_W}" y="24" font-size="16" font-weight="bold">{} ({}): members {}–{}{until}</text>"##,
        escape(org.current_name()),
        escape(org.id()),
        y0,
        last_shown.pred_opt().unwrap_or(last_shown).year()
    );
    // Legend: the statuses, then uncertain dates, gaps and the data's end.
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
    let mut lx = LABEL_W;
    let _ = writeln!(
        svg,
        r##"<rect x="{lx}" y="54" width="14" height="10" fill="url(#hatch-member)"/><text x="{}" y="63">uncertain dates</text>"##,
        lx + 18.0
    );
    lx += 130.0;
    let _ = writeln!(
        svg,
        r##"<rect x="{lx}" y="54" width="14" height="10" fill="url(#hatch-gap)"/><text x="{}" y="63">no data (missing cells)</text>"##,
        lx + 18.0
    );
    lx += 170.0;
    let _ = match coverage {
        Some(_) => writeln!(
            svg,
            r##"<line x1="{}" y1="52" x2="{}" y2="66" stroke="#c53030" stroke-width="2" stroke-dasharray="3,2"/><text x="{}" y="63">the data ends (after it: unknown)</text>"##,
            lx + 7.0,
            lx + 7.0,
            lx + 18.0
        ),
        None => writeln!(
            svg,
            r##"<path d="M{lx},54 l8,5 l-8,5 z" fill="#2b6cb0"/><text x="{}" y="63">open: the data states no end</text>"##,
            lx + 18.0
        ),
    };

    // Past the data's end: shaded, no bar enters it.
    if let Some(end) = coverage.map(next_day) {
        let xe = x(end);
        let _ = writeln!(
            svg,
            r##"<rect x="{xe:.1}" y="{}" width="{:.1}" height="{}" fill="#edf2f7"/>"##,
            TOP - 4.0,
            (LABEL_W + PLOT_W - xe).max(0.0),
            plot_bottom - TOP + 4.0
        );
    }

    // Year axis: a tick every 1, 2, 5, 10, 20 or 50 years, about 12 in all.
    let years = (y1 - y0).max(1);
    let step = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|s| years / s <= 14)
        .unwrap_or(100);
    let axis_y = plot_bottom + 8.0;
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
    for (i, row) in rows.iter().enumerate() {
        let y = TOP + ROW_H * i as f64;
        if i % 2 == 1 {
            let _ = writeln!(
                svg,
                r##"<rect x="0" y="{y}" width="{width}" height="{ROW_H}" fill="#f7f7f7" fill-opacity="0.7"/>"##
            );
        }
        let party = row.tl.party();
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
        let (top, h) = (y + 4.0, ROW_H - 8.0);
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
        // An open end stops where the data does, or (no stated end) today.
        let open = row.open_end.unwrap_or_else(today);
        let end_or_open = |d: Option<NaiveDate>| d.unwrap_or(open);
        for s in row.tl.spells() {
            let c = colour(s.status());
            let hatch = format!("url(#hatch-{})", s.status());
            let end = match (s.end_date(), row.open_end) {
                (Some(d), _) => d.to_string(),
                (None, Some(d)) => {
                    format!("open until the data ends on {}", d.pred_opt().unwrap_or(d))
                }
                (None, None) => "open (the data states no end)".to_string(),
            };
            let title = format!(
                "{} {}: {} – {} (possible {})",
                party.code(),
                s.status(),
                s.start_date(),
                end,
                s.possible().map_or_else(String::new, |sp| sp.to_string())
            );
            let _ = writeln!(svg, "<g><title>{}</title>", escape(&title));
            match s.definite() {
                Some(def) => {
                    svg.push_str(&rect(s.possible_start(), def.start(), &hatch));
                    svg.push_str(&rect(def.start(), end_or_open(def.end()), c));
                    if let Some(e) = def.end() {
                        svg.push_str(&rect(e, end_or_open(s.possible_end()), &hatch));
                    }
                }
                None => svg.push_str(&rect(
                    s.possible_start(),
                    end_or_open(s.possible_end()),
                    &hatch,
                )),
            }
            if s.end().is_none() && row.open_end.is_none() {
                // No stated end to the data: it may still hold.
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
        // Gaps on top: whatever a spell says there, the data does not.
        for u in &row.gaps {
            let span = u.span();
            let _ = writeln!(
                svg,
                r##"<g><title>{}: {}</title>{}</g>"##,
                escape(party.code()),
                escape(&u.to_string()),
                rect(span.start(), span.end().unwrap_or(right), "url(#hatch-gap)")
            );
        }
    }

    // The data's end, over the rows.
    if let Some(d) = coverage {
        let xe = x(next_day(d));
        let _ = writeln!(
            svg,
            r##"<g><title>the data for {} ends on {d}; after it every answer is unknown</title><line x1="{xe:.1}" y1="{}" x2="{xe:.1}" y2="{axis_y}" stroke="#c53030" stroke-width="2" stroke-dasharray="5,3"/><text x="{:.1}" y="{}" text-anchor="end" fill="#c53030" font-size="11">data ends {d}</text></g>"##,
            escape(org.id()),
            TOP - 8.0,
            xe - 3.0,
            TOP - 8.0
        );
    }
    svg.push_str("</svg>\n");
    Ok(svg)
}

/// Bounds of a spell over all readings of its dates.
trait Bounds {
    fn possible_start(&self) -> NaiveDate;
    fn possible_end(&self) -> Option<NaiveDate>;
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
