//! Panel export for R, Stata and pandas users: organization-state-year rows
//! in COW IGO coding, from any loaded data ([`Dataset::panel`]).
//!
//! | code | meaning |
//! |---|---|
//! | `1` | full member (frozen participation included) |
//! | `2` | associate member |
//! | `3` | observer |
//! | `0` | no status (suspended included) |
//! | `-9` | unknown: a status is possible but not certain under the year rule |
//! | `-1` | not in the state system (from a dataset read with a [`CowStates`] list, or from the `states` given here) |
//!
//! A year is turned into a code by a [`YearRule`]; the default,
//! [`YearRule::EndOfYear`], reads the status on 31 December and is the rule
//! under which data imported from COW IGO gives back its own codes.

use std::io::Write;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Error;
use crate::history::answer::Basis;
use crate::history::dataset::Dataset;
use crate::history::query::{OrgRef, PartyRef, Timeline};
use crate::history::status::{Certainty, Status};
use crate::interval::set::{IntervalSet, Span};
use crate::io::CowStates;

/// How a year's code is read from spells that start and end on days.
///
/// ```
/// use membership_history::{bundled, YearRule};
///
/// // Georgia acceded to the CST on 1993-12-09 (or 09-09).
/// let ds = bundled();
/// let code = |rule| ds.cow_code("CSTO", "GEO", 1993, rule, None).unwrap();
/// assert_eq!(code(YearRule::EndOfYear), 1);
/// assert_eq!(code(YearRule::MidYear), 0);
/// assert_eq!(code(YearRule::AnyDay), 1);
/// assert_eq!(code(YearRule::MostDays), 0); // 23 days of 365 (or 114)
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearRule {
    /// The status on 31 December (the default; COW IGO data round-trips).
    #[default]
    EndOfYear,
    /// The status on 1 July.
    MidYear,
    /// The status on 1 January.
    StartOfYear,
    /// The strongest status (full, associate, observer) held for certain on
    /// at least one day of the year; `-9` if one was only possibly held.
    AnyDay,
    /// The strongest status (full, associate, observer) held for certain on
    /// a majority of the year's days (more than half of its 365 or 366);
    /// `-9` if some status could be held on a majority under some reading
    /// (or the data does not say on enough days); `-1` when the state was
    /// in the state system on at most half of the days.
    MostDays,
}

impl YearRule {
    /// Every rule, in the order the command line lists them.
    pub const ALL: [YearRule; 5] = [
        YearRule::EndOfYear,
        YearRule::MidYear,
        YearRule::StartOfYear,
        YearRule::AnyDay,
        YearRule::MostDays,
    ];

    /// Whether the days of `set` stand for `year` under this rule: the
    /// rule's day is in it (point rules), some day of the year is
    /// ([`AnyDay`](YearRule::AnyDay)), or more than half of the year's days
    /// are ([`MostDays`](YearRule::MostDays)).
    ///
    /// ```
    /// use membership_history::{IntervalSet, YearRule};
    ///
    /// // In the state system from 1 March 2000 on.
    /// let days: IntervalSet<chrono::NaiveDate> = "2000-03-01..".parse()?;
    /// assert!(YearRule::EndOfYear.holds(&days, 2000));
    /// assert!(!YearRule::StartOfYear.holds(&days, 2000));
    /// assert!(YearRule::MostDays.holds(&days, 2000)); // 306 of 366 days
    /// assert!(!YearRule::AnyDay.holds(&days, 1999));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holds(self, set: &IntervalSet<NaiveDate>, year: i32) -> bool {
        let (first, next) = year_bounds(year);
        if first >= next {
            // A year past the calendar's ends: its first day stands for it.
            return set.contains(&first);
        }
        match self {
            YearRule::EndOfYear => set.contains(&day(year, 12, 31)),
            YearRule::MidYear => set.contains(&day(year, 7, 1)),
            YearRule::StartOfYear => set.contains(&day(year, 1, 1)),
            YearRule::AnyDay => days_in_year(set, year) > 0,
            YearRule::MostDays => 2 * days_in_year(set, year) > year_length(year),
        }
    }
}

/// The first day of `year` and of the next (clamped to the calendar).
pub(crate) fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (day(year, 1, 1), day(year.saturating_add(1), 1, 1))
}

/// The number of days in `year` (365 or 366; at least 1 at the calendar's
/// ends).
pub(crate) fn year_length(year: i32) -> i64 {
    let (first, next) = year_bounds(year);
    (next - first).num_days().max(1)
}

/// How many days of `year` are in `set`.
pub(crate) fn days_in_year(set: &IntervalSet<NaiveDate>, year: i32) -> i64 {
    let (first, next) = year_bounds(year);
    let mut n = 0;
    for s in set.iter() {
        if s.start() >= next {
            break;
        }
        let a = s.start().max(first);
        let b = s.end().map_or(next, |e| e.min(next));
        if b > a {
            n += (b - a).num_days();
        }
    }
    n
}

/// One row of the panel: an organization, a party, a year and its code.
///
/// ```
/// use membership_history::{bundled, YearRule};
///
/// let rows = bundled().panel(2012..=2013, YearRule::EndOfYear, None);
/// let uzb: Vec<i8> = rows.iter().filter(|r| r.org == "CSTO" && r.member == "UZB").map(|r| r.code).collect();
/// assert_eq!(uzb, [0, 0]); // suspended in June 2012
/// let json = serde_json::to_string(&rows[0])?;
/// assert!(json.starts_with("{\"org\":"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PanelRow<'a> {
    /// The organization's id.
    pub org: &'a str,
    /// The party's code.
    pub member: &'a str,
    /// The party's COW state code, where known.
    pub ccode: Option<u16>,
    /// The year.
    pub year: i32,
    /// The COW code: 1, 2, 3, 0, -9 or -1 (see the module docs).
    pub code: i8,
}

fn status_code(s: Status) -> i8 {
    match s {
        Status::Member | Status::Frozen => 1,
        Status::Associate => 2,
        Status::Observer => 3,
        Status::Suspended => 0,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    // Years come from the caller's range; out-of-calendar years clamp.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(if y < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// The kinds of status the panels count: full (frozen included),
/// associate, observer, and any of the three (suspended is none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    Full = 0,
    Associate = 1,
    Observer = 2,
    Any = 3,
}

impl Category {
    fn of(s: Status) -> [bool; 4] {
        match s {
            Status::Member | Status::Frozen => [true, false, false, true],
            Status::Associate => [false, true, false, true],
            Status::Observer => [false, false, true, true],
            Status::Suspended => [false; 4],
        }
    }
}

/// One timeline's days per [`Category`]: held under every reading
/// (`definite`), and held under some reading or not covered by the data
/// (`possible`, so an upper bound).
#[derive(Debug, Clone, Default)]
pub(crate) struct StatusDays {
    pub(crate) definite: [IntervalSet<NaiveDate>; 4],
    pub(crate) possible: [IntervalSet<NaiveDate>; 4],
}

impl StatusDays {
    pub(crate) fn of(tl: &Timeline<'_>) -> StatusDays {
        let md = tl.member_days();
        let mut out = StatusDays::default();
        for s in tl.spells() {
            for (c, yes) in Category::of(s.status()).into_iter().enumerate() {
                if !yes {
                    continue;
                }
                if let Some(d) = s.definite() {
                    out.definite[c].insert(d);
                }
                if let Some(p) = s.possible() {
                    out.possible[c].insert(p);
                }
            }
        }
        // Membership de jure across a change of reading (member, then
        // frozen, on an uncertain day) is definite even where no one spell
        // is.
        for c in [Category::Full, Category::Any] {
            let c = c as usize;
            out.definite[c] = out.definite[c].union(&md.definite);
            out.possible[c] = out.possible[c].union(&md.possible);
        }
        // Where the data does not say (a `-9` run, past the coverage end)
        // nothing is definite, whatever a spell's dates allow.
        for d in &mut out.definite {
            *d = d.difference(&md.unknown);
        }
        for p in &mut out.possible {
            *p = p.union(&md.unknown);
        }
        out
    }

    /// The same days, only where the state was in the system.
    pub(crate) fn within(mut self, existence: &IntervalSet<NaiveDate>) -> StatusDays {
        for s in self.definite.iter_mut().chain(self.possible.iter_mut()) {
            *s = s.intersection(existence);
        }
        self
    }
}

/// The code of one year of one pair, from the three-valued answers.
fn code_in(tl: &Timeline<'_>, year: i32, rule: YearRule, states: Option<&CowStates>) -> i8 {
    let ds_answer = |d: NaiveDate| {
        tl.dataset()
            .status_on(tl.organization().id(), tl.party().code(), d)
            .ok()
    };
    let (first, next) = (day(year, 1, 1), day(year.saturating_add(1), 1, 1));
    let cow = states.zip(tl.party().cow_code());
    let in_system = |d: NaiveDate| cow.is_none_or(|(list, code)| list.in_system(code, d));
    let existed = cow.is_none_or(|(list, code)| {
        list.by_code(code).is_some_and(|st| {
            Span::new(first, Some(next))
                .is_ok_and(|y| !IntervalSet::from(y).intersection(st.existence()).is_empty())
        })
    });
    let point = |d: NaiveDate| {
        let Some(a) = ds_answer(d) else { return -9 };
        match (a.certainty(), a.status_certainty()) {
            (Certainty::Unknown, _) => -9,
            (_, Certainty::Definite) => match a.status() {
                Some(s) => status_code(s),
                None if a.basis() == Basis::NotAState || !in_system(d) => -1,
                None => 0,
            },
            // Frozen or full, by the reading: a member all the same.
            (Certainty::Definite, _) if a.member() == Some(true) => 1,
            _ => -9,
        }
    };
    match rule {
        YearRule::MostDays => {
            let days = StatusDays::of(tl);
            let holds = |set: &IntervalSet<NaiveDate>| YearRule::MostDays.holds(set, year);
            for (cat, code) in [
                (Category::Full, 1),
                (Category::Associate, 2),
                (Category::Observer, 3),
            ] {
                if holds(&days.definite[cat as usize]) {
                    return code;
                }
            }
            if holds(&days.possible[Category::Any as usize]) {
                return -9;
            }
            let in_system_most = cow.is_none_or(|(list, code)| {
                list.by_code(code)
                    .is_some_and(|st| YearRule::MostDays.holds(st.existence(), year))
            });
            if in_system_most { 0 } else { -1 }
        }
        YearRule::EndOfYear => point(day(year, 12, 31)),
        YearRule::MidYear => point(day(year, 7, 1)),
        YearRule::StartOfYear => point(day(year, 1, 1)),
        YearRule::AnyDay => {
            let Some(year_span) = Span::new(first, Some(next)).ok() else {
                // A year past the calendar's end: its first day stands for it.
                return point(first);
            };
            let year_span = Some(year_span);
            let overlaps = |span: Option<Span<NaiveDate>>| {
                span.zip(year_span).is_some_and(|(s, y)| {
                    s.start() < y.end().unwrap_or(s.start())
                        && s.end().is_none_or(|e| e > y.start())
                })
            };
            let rank = |c: i8| match c {
                1 => 3,
                2 => 2,
                3 => 1,
                _ => 0,
            };
            let unknown = IntervalSet::from_iter(year_span).intersection(&tl.member_days().unknown);
            let definite = tl
                .spells()
                .iter()
                .filter(|s| overlaps(s.definite()))
                .map(|s| status_code(s.status()))
                .max_by_key(|&c| rank(c));
            if let Some(c) = definite.filter(|&c| c != 0) {
                return c;
            }
            let possible = tl
                .spells()
                .iter()
                .any(|s| s.status() != Status::Suspended && overlaps(s.possible()));
            if possible || !unknown.is_empty() {
                -9
            } else if !existed {
                -1
            } else {
                0
            }
        }
    }
}

impl Dataset {
    /// The COW code of `member` in `org` in `year` under `rule`: `-1` when
    /// the state was not in the state system (on the rule's day, all year
    /// for [`YearRule::AnyDay`], on at least half of the year's days for
    /// [`YearRule::MostDays`]) and had no status for certain, by the
    /// state list the dataset was read with or by `states`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`](crate::ErrorKind::UnknownOrganization), [`ErrorKind::UnknownParty`](crate::ErrorKind::UnknownParty).
    ///
    /// ```
    /// # use membership_history::{bundled, YearRule};
    /// let ds = bundled();
    /// assert_eq!(ds.cow_code("UNGA", "CSTO", 2010, YearRule::EndOfYear, None)?, 3); // observer
    /// assert_eq!(ds.cow_code("CSTO", "ARM", 2023, YearRule::EndOfYear, None)?, 1);
    /// assert_eq!(ds.cow_code("CSTO", "ARM", 2100, YearRule::EndOfYear, None)?, -9); // past the data: unknown
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cow_code(
        &self,
        org: impl OrgRef,
        member: impl PartyRef,
        year: i32,
        rule: YearRule,
        states: Option<&CowStates>,
    ) -> Result<i8, Error> {
        Ok(code_in(&self.timeline(org, member)?, year, rule, states))
    }

    /// One row per (organization, party, year) for every party that ever
    /// had a status in an organization, for each year in `years`, ordered
    /// by organization, party, year. Pairs that never had a status are left
    /// out (their code is 0, or -1).
    ///
    /// ```
    /// # use membership_history::{bundled, YearRule};
    /// let rows = bundled().panel(1992..=1993, YearRule::EndOfYear, None);
    /// let geo: Vec<i8> = rows.iter().filter(|r| r.org == "CSTO" && r.member == "GEO").map(|r| r.code).collect();
    /// assert_eq!(geo, [0, 1]);
    /// ```
    pub fn panel(
        &self,
        years: RangeInclusive<i32>,
        rule: YearRule,
        states: Option<&CowStates>,
    ) -> Vec<PanelRow<'_>> {
        let mut out = Vec::new();
        for tl in self.timelines() {
            let party = tl.party();
            for year in years.clone() {
                out.push(PanelRow {
                    org: tl.organization().id(),
                    member: party.code(),
                    ccode: party.cow_code(),
                    year,
                    code: code_in(&tl, year, rule, states),
                });
            }
        }
        out
    }

    /// Writes [`panel`](Self::panel) as CSV with the header
    /// `org,member,ccode,year,code` (an empty `ccode` when unknown), ready
    /// for `read.csv`, `import delimited` or `pandas.read_csv`; returns the
    /// number of rows written.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when writing fails.
    ///
    /// ```
    /// # use membership_history::{bundled, YearRule};
    /// let mut out = Vec::new();
    /// let n = bundled().write_panel_csv(&mut out, 2000..=2000, YearRule::EndOfYear, None)?;
    /// let text = String::from_utf8(out)?;
    /// assert!(text.starts_with("org,member,ccode,year,code\n"));
    /// assert!(text.contains("CSTO,RUS,365,2000,1\n"));
    /// assert_eq!(text.lines().count(), n + 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_panel_csv(
        &self,
        out: impl Write,
        years: RangeInclusive<i32>,
        rule: YearRule,
        states: Option<&CowStates>,
    ) -> Result<usize, Error> {
        let io = |e: csv::Error| Error::csv(e, csv::Error::to_string);
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["org", "member", "ccode", "year", "code"])
            .map_err(io)?;
        let rows = self.panel(years, rule, states);
        for r in &rows {
            let ccode = r.ccode.map(|c| c.to_string()).unwrap_or_default();
            w.write_record([
                r.org,
                r.member,
                &ccode,
                &r.year.to_string(),
                &r.code.to_string(),
            ])
            .map_err(io)?;
        }
        w.flush().map_err(Error::io)?;
        Ok(rows.len())
    }
}
