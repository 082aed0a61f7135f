//! The state-year panels of a state list ([`Panels`]): one row per state
//! per year it existed ([`StateYear`]), and per state and year the number
//! of organizations in which it held each kind of status, as a definite
//! count and an upper bound ([`StateIgoYear`]).

use std::collections::HashMap;
use std::io::Write;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Error;
use crate::history::dataset::Dataset;
use crate::history::query::OrgRef;
use crate::interval::set::IntervalSet;
use crate::io::panel::{Category, StatusDays, YearRule};
use crate::io::panel_out::{PanelFormat, Record, Value, write_rows};
use crate::io::{AtopObligations, CowState, CowStates};

/// A count with honest bounds: `definite` organizations (or alliances)
/// under every reading of the data, at most `max` under some reading or
/// where the data does not say (`-9`, coarse and disputed dates).
/// `definite <= max` always.
///
/// ```
/// use membership_history::Count;
///
/// let c = Count { definite: 3, max: 5 };
/// assert!(!c.is_exact());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Count {
    /// Counted under every reading.
    pub definite: u32,
    /// Counted under some reading, or not known not to be: an upper bound.
    pub max: u32,
}

impl Count {
    /// Whether the data leaves no doubt (`definite == max`).
    ///
    /// ```
    /// # use membership_history::Count;
    /// assert!(Count { definite: 2, max: 2 }.is_exact());
    /// ```
    pub fn is_exact(&self) -> bool {
        self.definite == self.max
    }
}

/// One organization's statuses, resolved to a state of the list: its days
/// per category, only where the state was in the system.
#[derive(Debug, Clone)]
pub(crate) struct Track {
    /// The state's index in [`Panels::order`].
    pub(crate) state: u32,
    pub(crate) days: StatusDays,
    /// The first and last (exclusive) possible day, for skipping years.
    reach: (NaiveDate, Option<NaiveDate>),
}

/// Whether and how surely one track holds a category in one year.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct YearStatus {
    /// Held for certain, per category.
    pub(crate) definite: [bool; 4],
    /// Held under some reading or unknown, per category.
    pub(crate) possible: [bool; 4],
}

impl Track {
    pub(crate) fn in_year(&self, rule: YearRule, year: i32) -> Option<YearStatus> {
        let (first, next) = crate::io::panel::year_bounds(year);
        if self.reach.0 >= next || self.reach.1.is_some_and(|e| e <= first) {
            return None;
        }
        let mut out = YearStatus::default();
        for c in 0..4 {
            out.possible[c] = rule.holds(&self.days.possible[c], year);
            out.definite[c] = out.possible[c] && rule.holds(&self.days.definite[c], year);
        }
        out.possible[Category::Any as usize].then_some(out)
    }
}

/// The panels of a state list: state-years, state-IGO-years and
/// dyad-years ([`dyad_years`](Panels::dyad_years)), from a [`Dataset`]
/// whose parties carry COW codes (read with the same list, or the bundled
/// data), under one [`YearRule`].
///
/// A state is in a year's panel when the rule holds for its days in the
/// system ([`YearRule::holds`]); its statuses count only on days it was in
/// the system. Rows come year by year, in order of COW code, computed as
/// they are asked for: one year's state is held at a time.
///
/// ```
/// use membership_history::{CowStates, Dataset, CowIgo, Panels, YearRule};
///
/// let states = CowStates::read(
///     "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\n\
///      USA,2,United States of America,1816,1,1,2016,12,31,2016,usa\n\
///      UKG,200,United Kingdom,1816,1,1,2016,12,31,2016,uk\n".as_bytes(), "states2016.csv").strict()?;
/// let igo = "ioname,orgname,year,usa,uk\nNATO,North Atlantic Treaty Organization,1950,1,-9\n";
/// let mut b = Dataset::builder();
/// b.read(CowIgo::with_states(&states), igo.as_bytes(), "igo.csv");
/// let ds = b.build().strict()?;
/// let panels = Panels::new(&ds, &states, YearRule::EndOfYear);
/// let uk = panels.state_igo_years(1950..=1950).find(|r| r.ccode == 200).unwrap();
/// assert_eq!((uk.full.definite, uk.full.max), (0, 1)); // -9: possible, not definite
/// assert_eq!(panels.state_years(1816..=1816).count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Panels<'a> {
    ds: &'a Dataset,
    pub(crate) rule: YearRule,
    /// The states, by COW code.
    pub(crate) order: Vec<&'a CowState>,
    /// Per organization of the dataset, its tracks (none when left out).
    pub(crate) tracks: Vec<Vec<Track>>,
    pub(crate) atop: Option<&'a AtopObligations>,
}

/// One state in one year it existed (under the rule), from
/// [`Panels::state_years`]; CSV columns `ccode,stateabb,year` (the COW and
/// peacesciencer names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StateYear<'a> {
    /// The COW state code.
    pub ccode: u16,
    /// The COW abbreviation.
    pub stateabb: &'a str,
    /// The year.
    pub year: i32,
}

/// One state-year's organization counts, from [`Panels::state_igo_years`]:
/// the organizations in which the state was a full member (frozen
/// included), an associate, an observer, or any of the three, each as a
/// [`Count`].
///
/// CSV columns follow peacesciencer's `add_igos()`: `ccode, stateabb,
/// year, sum_igo_full, sum_igo_full_max, sum_igo_associate,
/// sum_igo_associate_max, sum_igo_observer, sum_igo_observer_max,
/// sum_igo_anytype, sum_igo_anytype_max` (the `_max` columns are the upper
/// bounds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StateIgoYear<'a> {
    /// The COW state code.
    pub ccode: u16,
    /// The COW abbreviation.
    pub stateabb: &'a str,
    /// The year.
    pub year: i32,
    /// Full member (frozen included).
    pub full: Count,
    /// Associate member.
    pub associate: Count,
    /// Observer.
    pub observer: Count,
    /// Any of the three.
    pub any: Count,
}

/// The CSV columns of [`StateYear`].
pub const STATE_YEAR_COLUMNS: &[&str] = &["ccode", "stateabb", "year"];
/// The CSV columns of [`StateIgoYear`].
pub const STATE_IGO_COLUMNS: &[&str] = &[
    "ccode",
    "stateabb",
    "year",
    "sum_igo_full",
    "sum_igo_full_max",
    "sum_igo_associate",
    "sum_igo_associate_max",
    "sum_igo_observer",
    "sum_igo_observer_max",
    "sum_igo_anytype",
    "sum_igo_anytype_max",
];

impl Record for StateYear<'_> {
    fn fields(&self, put: &mut dyn FnMut(&'static str, Value<'_>)) {
        put("ccode", Value::Int(self.ccode.into()));
        put("stateabb", Value::Text(self.stateabb));
        put("year", Value::Int(self.year.into()));
    }
}

impl Record for StateIgoYear<'_> {
    fn fields(&self, put: &mut dyn FnMut(&'static str, Value<'_>)) {
        put("ccode", Value::Int(self.ccode.into()));
        put("stateabb", Value::Text(self.stateabb));
        put("year", Value::Int(self.year.into()));
        let counts = [self.full, self.associate, self.observer, self.any];
        for (i, c) in counts.iter().enumerate() {
            put(STATE_IGO_COLUMNS[3 + 2 * i], Value::Int(c.definite.into()));
            put(STATE_IGO_COLUMNS[4 + 2 * i], Value::Int(c.max.into()));
        }
    }
}

impl<'a> Panels<'a> {
    /// The panels of `states` from `ds` under `rule`, counting every
    /// organization of `ds` (see [`organizations`](Self::organizations)).
    /// Parties without a COW code, or with one the list does not have, are
    /// left out.
    pub fn new(ds: &'a Dataset, states: &'a CowStates, rule: YearRule) -> Panels<'a> {
        let mut order: Vec<&CowState> = states.iter().collect();
        order.sort_by_key(|s| s.code());
        let pos: HashMap<u16, u32> = order
            .iter()
            .enumerate()
            .map(|(i, s)| (s.code(), i as u32))
            .collect();
        let org_pos: HashMap<&str, usize> = ds
            .organizations()
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id(), i))
            .collect();
        let mut tracks = vec![Vec::new(); ds.organizations().len()];
        for tl in ds.timelines() {
            let Some(&state) = tl.party().cow_code().and_then(|c| pos.get(&c)) else {
                continue;
            };
            let Some(&org) = org_pos.get(tl.organization().id()) else {
                continue;
            };
            let days = StatusDays::of(&tl).within(order[state as usize].existence());
            let any = &days.possible[Category::Any as usize];
            let (Some(first), Some(last)) = (any.iter().next(), any.iter().last()) else {
                continue;
            };
            tracks[org].push(Track {
                state,
                days,
                reach: (first.start(), last.end()),
            });
        }
        // Two parties of one state in one organization (the bundled data's
        // `KAZ` and COW's `KZK`, both 705, read together) count once.
        for org in &mut tracks {
            org.sort_by_key(|t| t.state);
            org.dedup_by(|later, kept| {
                if later.state != kept.state {
                    return false;
                }
                for (k, l) in kept.days.definite.iter_mut().zip(&later.days.definite) {
                    *k = k.union(l);
                }
                for (k, l) in kept.days.possible.iter_mut().zip(&later.days.possible) {
                    *k = k.union(l);
                }
                kept.reach.0 = kept.reach.0.min(later.reach.0);
                kept.reach.1 = kept.reach.1.zip(later.reach.1).map(|(a, b)| a.max(b));
                true
            });
        }
        Panels {
            ds,
            rule,
            order,
            tracks,
            atop: None,
        }
    }

    /// Counts only the organizations `orgs` (ids, names or [`OrgId`](crate::OrgId)s).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`](crate::ErrorKind::UnknownOrganization)
    /// for one the dataset does not have, with suggestions.
    ///
    /// ```
    /// # use membership_history::{bundled, CowStates, Panels, YearRule};
    /// # let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n".as_bytes(), "s.csv").strict()?;
    /// let ds = bundled();
    /// let panels = Panels::new(ds, &states, YearRule::EndOfYear).organizations(["CSTO"])?;
    /// let rus = panels.state_igo_years(2000..=2000).next().unwrap();
    /// assert_eq!(rus.full.definite, 1);
    /// assert!(Panels::new(ds, &states, YearRule::EndOfYear).organizations(["CTSO"]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organizations<O: OrgRef + Copy>(
        mut self,
        orgs: impl IntoIterator<Item = O>,
    ) -> Result<Self, Error> {
        let mut keep = vec![false; self.tracks.len()];
        for o in orgs {
            // An unknown organization is an error with suggestions.
            self.ds.known_until(o)?;
            let id = self.ds.organization(o).map(|o| o.id());
            if let Some(i) = self
                .ds
                .organizations()
                .iter()
                .position(|x| Some(x.id()) == id)
            {
                keep[i] = true;
            }
        }
        for (t, keep) in self.tracks.iter_mut().zip(keep) {
            if !keep {
                t.clear();
            }
        }
        Ok(self)
    }

    /// Adds ATOP obligations to the dyad-year panel.
    ///
    /// ```
    /// # use membership_history::{bundled, AtopObligations, CowStates, Panels, YearRule};
    /// # let states = CowStates::default();
    /// let atop = AtopObligations::default();
    /// let panels = Panels::new(bundled(), &states, YearRule::EndOfYear).atop(&atop);
    /// assert_eq!(panels.dyad_years(2000..=2000).count(), 0); // an empty state list
    /// ```
    pub fn atop(mut self, obligations: &'a AtopObligations) -> Self {
        self.atop = Some(obligations);
        self
    }

    /// The year rule.
    ///
    /// ```
    /// # use membership_history::{bundled, CowStates, Panels, YearRule};
    /// # let states = CowStates::default();
    /// assert_eq!(Panels::new(bundled(), &states, YearRule::MostDays).rule(), YearRule::MostDays);
    /// ```
    pub fn rule(&self) -> YearRule {
        self.rule
    }

    /// The indices (in `order`) of the states in `year`'s panel.
    pub(crate) fn alive(&self, year: i32) -> Vec<u32> {
        (0..self.order.len() as u32)
            .filter(|&i| self.rule.holds(self.order[i as usize].existence(), year))
            .collect()
    }

    pub(crate) fn existence(&self, state: u32) -> &IntervalSet<NaiveDate> {
        self.order[state as usize].existence()
    }

    /// One row per state per year of `years` in which it existed under the
    /// rule ([`YearRule::holds`] on its days in the system): on the rule's
    /// day, on any day, or on most days of the year.
    ///
    /// ```
    /// use membership_history::{bundled, CowStates, Panels, YearRule};
    ///
    /// // Entered the system on 1 March 1900.
    /// let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n\
    ///     AAA,1,A,1900,3,1,1902,2,28\n".as_bytes(), "s.csv").strict()?;
    /// let years = |rule| -> Vec<i32> {
    ///     Panels::new(bundled(), &states, rule).state_years(1899..=1903).map(|r| r.year).collect()
    /// };
    /// assert_eq!(years(YearRule::StartOfYear), [1901, 1902]);
    /// assert_eq!(years(YearRule::EndOfYear), [1900, 1901]);
    /// assert_eq!(years(YearRule::AnyDay), [1900, 1901, 1902]);
    /// assert_eq!(years(YearRule::MostDays), [1900, 1901]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn state_years(
        &self,
        years: RangeInclusive<i32>,
    ) -> impl Iterator<Item = StateYear<'a>> + '_ {
        years.flat_map(move |year| {
            self.alive(year).into_iter().map(move |i| {
                let s = self.order[i as usize];
                StateYear {
                    ccode: s.code(),
                    stateabb: s.abbreviation(),
                    year,
                }
            })
        })
    }

    /// The organization counts of every state-year of
    /// [`state_years`](Self::state_years): an organization counts in
    /// `definite` when the status holds under every reading under the rule,
    /// in `max` when it holds under some reading or the data does not say
    /// (`-9`). Computed one year at a time.
    ///
    /// ```
    /// # use membership_history::{bundled, CowStates, Panels, YearRule};
    /// # let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n".as_bytes(), "s.csv").strict()?;
    /// let panels = Panels::new(bundled(), &states, YearRule::EndOfYear);
    /// let rus = panels.state_igo_years(2010..=2010).next().unwrap();
    /// assert_eq!((rus.ccode, rus.full.definite), (365, 1)); // the CSTO
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn state_igo_years(
        &self,
        years: RangeInclusive<i32>,
    ) -> impl Iterator<Item = StateIgoYear<'a>> + '_ {
        years.flat_map(move |year| {
            let mut counts = vec![[Count::default(); 4]; self.order.len()];
            for t in self.tracks.iter().flatten() {
                if let Some(ys) = t.in_year(self.rule, year) {
                    for (k, c) in counts[t.state as usize].iter_mut().enumerate() {
                        c.definite += u32::from(ys.definite[k]);
                        c.max += u32::from(ys.possible[k]);
                    }
                }
            }
            self.alive(year).into_iter().map(move |i| {
                let s = self.order[i as usize];
                let [full, associate, observer, any] = counts[i as usize];
                StateIgoYear {
                    ccode: s.code(),
                    stateabb: s.abbreviation(),
                    year,
                    full,
                    associate,
                    observer,
                    any,
                }
            })
        })
    }

    /// Writes [`state_years`](Self::state_years) in `format` (CSV header
    /// `ccode,stateabb,year`); the number of rows.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when writing fails.
    ///
    /// ```
    /// # use membership_history::{bundled, CowStates, Panels, PanelFormat, YearRule};
    /// # let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n".as_bytes(), "s.csv").strict()?;
    /// let mut out = Vec::new();
    /// Panels::new(bundled(), &states, YearRule::EndOfYear)
    ///     .write_state_years(&mut out, 1816..=1816, PanelFormat::JsonLines)?;
    /// assert_eq!(String::from_utf8(out)?, "{\"ccode\":365,\"stateabb\":\"RUS\",\"year\":1816}\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_state_years(
        &self,
        out: impl Write,
        years: RangeInclusive<i32>,
        format: PanelFormat,
    ) -> Result<usize, Error> {
        write_rows(out, format, self.state_years(years), STATE_YEAR_COLUMNS)
    }

    /// Writes [`state_igo_years`](Self::state_igo_years) in `format` (the
    /// columns of [`StateIgoYear`]); the number of rows.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when writing fails.
    ///
    /// ```
    /// # use membership_history::{bundled, CowStates, Panels, PanelFormat, YearRule};
    /// # let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n".as_bytes(), "s.csv").strict()?;
    /// let mut out = Vec::new();
    /// Panels::new(bundled(), &states, YearRule::EndOfYear)
    ///     .write_state_igo_years(&mut out, 2010..=2010, PanelFormat::Csv)?;
    /// assert!(String::from_utf8(out)?.ends_with("\n365,RUS,2010,1,1,0,0,0,0,1,1\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_state_igo_years(
        &self,
        out: impl Write,
        years: RangeInclusive<i32>,
        format: PanelFormat,
    ) -> Result<usize, Error> {
        write_rows(out, format, self.state_igo_years(years), STATE_IGO_COLUMNS)
    }
}
