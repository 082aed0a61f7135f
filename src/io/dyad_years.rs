//! The dyad-year panel ([`Panels::dyad_years`]): every pair of states that
//! both existed in a year, with their shared organizations as bounded
//! counts and, from ATOP, the alliance obligations that bind them.

use std::collections::HashMap;
use std::io::Write;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::error::Error;
use crate::interval::set::IntervalSet;
use crate::io::atop_obligations::{OBLIGATIONS, Obligations};
use crate::io::panel::{Category, YearRule, year_bounds};
use crate::io::panel_out::{PanelFormat, Record, Value, write_rows};
use crate::io::state_years::{Count, Panels};

impl Serialize for Obligations {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.names())
    }
}

/// What ATOP says of a dyad in a year, from [`DyadYear::atop`]: whether
/// both are members of one alliance, and the obligations of `ccode1`
/// toward `ccode2` (directed) or of either toward the other (undirected),
/// each for certain and under some reading of coarse dates.
///
/// An obligation binds `ccode1` toward `ccode2` in a year when a
/// member-level row of `ccode1` with that obligation holds under the year
/// rule and `ccode2` is a member of the same alliance under it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AtopDyad {
    /// Both members of some alliance, for certain (`atop_alliance`).
    pub alliance: bool,
    /// Both members of some alliance under some reading.
    pub alliance_max: bool,
    /// The obligations for certain (`atop_defense`, …).
    pub obligations: Obligations,
    /// The obligations under some reading (`atop_defense_max`, …).
    pub obligations_max: Obligations,
}

/// One dyad in one year, from [`Panels::dyad_years`].
///
/// CSV columns (peacesciencer's names where it has them): `ccode1, ccode2,
/// year, igo_full, igo_full_max, igo_any, igo_any_max`, then with ATOP
/// `atop_alliance, atop_defense, atop_offense, atop_neutral, atop_nonagg,
/// atop_consul` (0/1, for certain) and the same with `_max` (under some
/// reading). `igo_full` is peacesciencer's `dyadigos` (shared full
/// memberships) as a definite count; `igo_full_max` its upper bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DyadYear {
    /// The first state's COW code (the smaller one in the undirected panel).
    pub ccode1: u16,
    /// The second state's COW code.
    pub ccode2: u16,
    /// The year.
    pub year: i32,
    /// Organizations in which both are full members (frozen included).
    pub igo_full: Count,
    /// Organizations in which both hold some status (full, associate,
    /// observer).
    pub igo_any: Count,
    /// ATOP, when the panels have obligations.
    pub atop: Option<AtopDyad>,
}

const IGO_COLUMNS: [&str; 7] = [
    "ccode1",
    "ccode2",
    "year",
    "igo_full",
    "igo_full_max",
    "igo_any",
    "igo_any_max",
];
const ATOP_COLUMNS: [&str; 12] = [
    "atop_alliance",
    "atop_defense",
    "atop_offense",
    "atop_neutral",
    "atop_nonagg",
    "atop_consul",
    "atop_alliance_max",
    "atop_defense_max",
    "atop_offense_max",
    "atop_neutral_max",
    "atop_nonagg_max",
    "atop_consul_max",
];

impl Record for DyadYear {
    fn fields(&self, put: &mut dyn FnMut(&'static str, Value<'_>)) {
        let c = &IGO_COLUMNS;
        put(c[0], Value::Int(self.ccode1.into()));
        put(c[1], Value::Int(self.ccode2.into()));
        put(c[2], Value::Int(self.year.into()));
        put(c[3], Value::Int(self.igo_full.definite.into()));
        put(c[4], Value::Int(self.igo_full.max.into()));
        put(c[5], Value::Int(self.igo_any.definite.into()));
        put(c[6], Value::Int(self.igo_any.max.into()));
        if let Some(a) = self.atop {
            for (k, (ally, obl)) in [
                (a.alliance, a.obligations),
                (a.alliance_max, a.obligations_max),
            ]
            .into_iter()
            .enumerate()
            {
                put(ATOP_COLUMNS[6 * k], Value::Int(ally.into()));
                for i in 0..OBLIGATIONS.len() {
                    let bit = Obligations::nth(i).unwrap_or_default();
                    put(ATOP_COLUMNS[6 * k + 1 + i], Value::Int(obl.has(bit).into()));
                }
            }
        }
    }
}

/// ATOP in one year: per directed pair of the year's states (row-major,
/// `a * n + b`), A's obligations toward B.
#[derive(Debug, Clone, Copy, Default)]
struct AtopCell {
    alliance: bool,
    alliance_max: bool,
    obligations: Obligations,
    obligations_max: Obligations,
}

/// A member of an alliance in one year (possibly, at least): its position
/// among the year's states, whether for certain, and its obligations for
/// certain and under some reading.
#[derive(Debug, Clone, Copy, Default)]
struct AllianceMember {
    at: u32,
    definite: bool,
    obligations: Obligations,
    obligations_max: Obligations,
}

/// One year's computed panel.
struct YearTable {
    year: i32,
    /// The year's states (indices into the panels' order), by COW code.
    alive: Vec<u32>,
    /// Counters per pair `i * n + j` of positions in `alive`, `i < j`:
    /// full definite, full possible, any definite, any possible.
    counts: [Vec<u16>; 4],
    atop: Option<Vec<AtopCell>>,
}

/// The rows of [`Panels::dyad_years`]: computed one year at a time, so
/// memory stays at one year's pairs however long the panel.
#[derive(Debug)]
pub struct DyadYears<'p, 'a> {
    panels: &'p Panels<'a>,
    years: RangeInclusive<i32>,
    directed: bool,
    rows: std::vec::IntoIter<DyadYear>,
}

impl Iterator for DyadYears<'_, '_> {
    type Item = DyadYear;

    fn next(&mut self) -> Option<DyadYear> {
        loop {
            if let Some(r) = self.rows.next() {
                return Some(r);
            }
            let year = self.years.next()?;
            let table = self.panels.year_table(year);
            self.rows = table.rows(self.panels, self.directed).into_iter();
        }
    }
}

/// Whether two sets of days share a day of `year`.
fn co_exist(a: &IntervalSet<NaiveDate>, b: &IntervalSet<NaiveDate>, year: i32) -> bool {
    let (first, next) = year_bounds(year);
    let clip =
        |s: crate::Span<NaiveDate>| (s.start().max(first), s.end().map_or(next, |e| e.min(next)));
    a.iter().map(clip).filter(|(x, y)| x < y).any(|(x0, x1)| {
        b.iter()
            .map(clip)
            .any(|(y0, y1)| y0 < y1 && x0.max(y0) < x1.min(y1))
    })
}

impl YearTable {
    fn rows(&self, panels: &Panels<'_>, directed: bool) -> Vec<DyadYear> {
        let n = self.alive.len();
        let mut out = Vec::with_capacity(n * n.saturating_sub(1) / if directed { 1 } else { 2 });
        let code = |i: usize| panels.order[self.alive[i] as usize].code();
        let check_days = panels.rule == YearRule::AnyDay;
        for i in 0..n {
            for j in 0..n {
                if i == j || (!directed && j < i) {
                    continue;
                }
                let (lo, hi) = (i.min(j), i.max(j));
                if check_days
                    && !co_exist(
                        panels.existence(self.alive[lo]),
                        panels.existence(self.alive[hi]),
                        self.year,
                    )
                {
                    continue;
                }
                let k = lo * n + hi;
                let count = |c: usize| u32::from(self.counts[c][k]);
                let atop = self.atop.as_ref().map(|cells| {
                    let ab = cells[i * n + j];
                    if directed {
                        AtopDyad {
                            alliance: ab.alliance,
                            alliance_max: ab.alliance_max,
                            obligations: ab.obligations,
                            obligations_max: ab.obligations_max,
                        }
                    } else {
                        let ba = cells[j * n + i];
                        AtopDyad {
                            alliance: ab.alliance || ba.alliance,
                            alliance_max: ab.alliance_max || ba.alliance_max,
                            obligations: ab.obligations | ba.obligations,
                            obligations_max: ab.obligations_max | ba.obligations_max,
                        }
                    }
                });
                out.push(DyadYear {
                    ccode1: code(i),
                    ccode2: code(j),
                    year: self.year,
                    igo_full: Count {
                        definite: count(0),
                        max: count(1),
                    },
                    igo_any: Count {
                        definite: count(2),
                        max: count(3),
                    },
                    atop,
                });
            }
        }
        out
    }
}

impl<'a> Panels<'a> {
    fn year_table(&self, year: i32) -> YearTable {
        let alive = self.alive(year);
        let n = alive.len();
        let mut at = vec![u32::MAX; self.order.len()];
        for (p, &s) in alive.iter().enumerate() {
            at[s as usize] = p as u32;
        }
        let mut counts: [Vec<u16>; 4] = std::array::from_fn(|_| vec![0u16; n * n]);
        let mut lists: [Vec<u32>; 4] = Default::default();
        let (full, any) = (Category::Full as usize, Category::Any as usize);
        for org in &self.tracks {
            for l in &mut lists {
                l.clear();
            }
            for t in org {
                let p = at[t.state as usize];
                if p == u32::MAX {
                    continue;
                }
                let Some(ys) = t.in_year(self.rule, year) else {
                    continue;
                };
                let flags = [
                    ys.definite[full],
                    ys.possible[full],
                    ys.definite[any],
                    ys.possible[any],
                ];
                for (l, yes) in lists.iter_mut().zip(flags) {
                    if yes {
                        l.push(p);
                    }
                }
            }
            for (l, m) in lists.iter_mut().zip(counts.iter_mut()) {
                l.sort_unstable();
                l.dedup();
                for (x, &a) in l.iter().enumerate() {
                    let row = &mut m[a as usize * n..(a as usize + 1) * n];
                    for &b in &l[x + 1..] {
                        row[b as usize] = row[b as usize].saturating_add(1);
                    }
                }
            }
        }
        let atop = self.atop.map(|obl| {
            let mut cells = vec![AtopCell::default(); n * n];
            // Per alliance, its members this year.
            let mut by_alliance: HashMap<u32, Vec<AllianceMember>> = HashMap::new();
            for r in &obl.rows {
                let Some(&p) = self
                    .order
                    .binary_search_by_key(&r.member, |s| s.code())
                    .ok()
                    .map(|i| &at[i])
                else {
                    continue;
                };
                if p == u32::MAX || !self.rule.holds(&r.possible, year) {
                    continue;
                }
                let def = self.rule.holds(&r.definite, year);
                let members = by_alliance.entry(r.atopid).or_default();
                let i = match members.iter().position(|m| m.at == p) {
                    Some(i) => i,
                    None => {
                        members.push(AllianceMember {
                            at: p,
                            ..AllianceMember::default()
                        });
                        members.len() - 1
                    }
                };
                let m = &mut members[i];
                m.definite |= def;
                if def {
                    m.obligations |= r.obligations;
                }
                m.obligations_max |= r.obligations;
            }
            for members in by_alliance.values() {
                for a in members {
                    for b in members {
                        if a.at == b.at {
                            continue;
                        }
                        let c = &mut cells[a.at as usize * n + b.at as usize];
                        c.alliance_max = true;
                        c.obligations_max |= a.obligations_max;
                        if a.definite && b.definite {
                            c.alliance = true;
                            c.obligations |= a.obligations;
                        }
                    }
                }
            }
            cells
        });
        YearTable {
            year,
            alive,
            counts,
            atop,
        }
    }

    /// The dyad-year panel for `years`: one row per pair of states that
    /// were both in the year's panel ([`state_years`](Self::state_years)),
    /// `ccode1 < ccode2`, ordered by year, `ccode1`, `ccode2`. Under
    /// [`YearRule::AnyDay`] the two must also share a day in the system
    /// that year. Counts and ATOP flags come from each state's status in
    /// the year under the rule ([`StateIgoYear`](crate::StateIgoYear)):
    /// an organization counts in `definite` when both hold the status for
    /// certain, in `max` when both hold it under some reading or the data
    /// does not say. Computed one year at a time.
    ///
    /// ```
    /// use membership_history::{CowIgo, CowStates, Dataset, Panels, YearRule};
    ///
    /// let states = CowStates::read(
    ///     "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\n\
    ///      USA,2,United States of America,1816,1,1,2016,12,31,2016,usa\n\
    ///      UKG,200,United Kingdom,1816,1,1,2016,12,31,2016,uk\n\
    ///      FRN,220,France,1816,1,1,2016,12,31,2016,france\n".as_bytes(), "states2016.csv").strict()?;
    /// let igo = "ioname,orgname,year,usa,uk,france\nNATO,North Atlantic Treaty Organization,1950,1,1,-9\n";
    /// let mut b = Dataset::builder();
    /// b.read(CowIgo::with_states(&states), igo.as_bytes(), "igo.csv");
    /// let ds = b.build().strict()?;
    /// let panels = Panels::new(&ds, &states, YearRule::EndOfYear);
    /// let rows: Vec<(u16, u16, u32, u32)> = panels.dyad_years(1950..=1950)
    ///     .map(|r| (r.ccode1, r.ccode2, r.igo_full.definite, r.igo_full.max)).collect();
    /// assert_eq!(rows, [(2, 200, 1, 1), (2, 220, 0, 1), (200, 220, 0, 1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dyad_years(&self, years: RangeInclusive<i32>) -> DyadYears<'_, 'a> {
        DyadYears {
            panels: self,
            years,
            directed: false,
            rows: Vec::new().into_iter(),
        }
    }

    /// The directed dyad-year panel: both orders of each pair of
    /// [`dyad_years`](Self::dyad_years), ordered by year, `ccode1`,
    /// `ccode2`; ATOP obligations are those of `ccode1` toward `ccode2`,
    /// so an asymmetric obligation shows in one direction only.
    ///
    /// ```
    /// # use membership_history::{bundled, CowStates, Panels, YearRule};
    /// # let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\nKZK,705,Kazakhstan,1991,12,26,2016,12,31\n".as_bytes(), "s.csv").strict()?;
    /// let panels = Panels::new(bundled(), &states, YearRule::EndOfYear);
    /// let pairs: Vec<(u16, u16)> = panels.directed_dyad_years(2000..=2000).map(|r| (r.ccode1, r.ccode2)).collect();
    /// assert_eq!(pairs, [(365, 705), (705, 365)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn directed_dyad_years(&self, years: RangeInclusive<i32>) -> DyadYears<'_, 'a> {
        DyadYears {
            directed: true,
            ..self.dyad_years(years)
        }
    }

    /// The CSV header of the dyad-year panel (with the ATOP columns when
    /// the panels have obligations).
    ///
    /// ```
    /// # use membership_history::{bundled, CowStates, Panels, YearRule};
    /// # let states = CowStates::default();
    /// let cols = Panels::new(bundled(), &states, YearRule::EndOfYear).dyad_columns();
    /// assert_eq!(cols[..4], ["ccode1", "ccode2", "year", "igo_full"]);
    /// ```
    pub fn dyad_columns(&self) -> Vec<&'static str> {
        let mut cols = IGO_COLUMNS.to_vec();
        if self.atop.is_some() {
            cols.extend(ATOP_COLUMNS);
        }
        cols
    }

    /// Writes [`dyad_years`](Self::dyad_years) (or, `directed`,
    /// [`directed_dyad_years`](Self::directed_dyad_years)) in `format` as
    /// the rows are computed; the number of rows.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when writing fails.
    ///
    /// ```
    /// # use membership_history::{bundled, CowStates, Panels, PanelFormat, YearRule};
    /// # let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\nKZK,705,Kazakhstan,1991,12,26,2016,12,31\n".as_bytes(), "s.csv").strict()?;
    /// let mut out = Vec::new();
    /// let n = Panels::new(bundled(), &states, YearRule::EndOfYear)
    ///     .write_dyad_years(&mut out, 2000..=2000, false, PanelFormat::Csv)?;
    /// assert_eq!(String::from_utf8(out)?, "ccode1,ccode2,year,igo_full,igo_full_max,igo_any,igo_any_max\n365,705,2000,1,1,1,1\n");
    /// assert_eq!(n, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_dyad_years(
        &self,
        out: impl Write,
        years: RangeInclusive<i32>,
        directed: bool,
        format: PanelFormat,
    ) -> Result<usize, Error> {
        let rows = if directed {
            self.directed_dyad_years(years)
        } else {
            self.dyad_years(years)
        };
        write_rows(out, format, rows, &self.dyad_columns())
    }
}
