//! Reading files into the model: the crate's own format ([`Bundled`]
//! tables, [`DatasetBuilder::read_dir`]), ATOP alliances ([`Atop`]), COW IGO
//! membership ([`CowIgo`]) and the COW state list ([`CowStates`]), which
//! joins the other two by COW code; the bundled data; panels for export.
//!
//! Every reader streams rows through the crate's table reader (comma or
//! tab separated, sniffed from the header), keeps every valid row and names
//! every bad one, each with the file, line, field and value: one code path,
//! so that [`Report::strict`] gives the first problem a strict reader would
//! stop at and the report's `problems` all of them. A bad row is left out
//! on its own; a problem with the header reads nothing from the file. How
//! each format maps onto events and spells is told in `docs/datasets.md`,
//! published as [`crate::research_datasets`]; the errors, and what a
//! lenient reading keeps, in [`crate::error_catalogue`].
//!
//! [`Bundled`]: crate::Bundled
//! [`Atop`]: crate::Atop
//! [`CowIgo`]: crate::CowIgo
//! [`Report::strict`]: crate::Report::strict

pub(crate) mod atop;
pub(crate) mod atop_obligations;
pub(crate) mod bundled;
pub(crate) mod cow_igo;
pub(crate) mod cow_states;
pub(crate) mod dyad_years;
pub(crate) mod panel;
pub(crate) mod panel_out;
pub(crate) mod read;
pub(crate) mod state_years;
pub(crate) mod table;

use std::fs::File;
use std::path::Path;
use std::str::FromStr;

use serde::Serialize;

pub use atop_obligations::{AtopObligations, OBLIGATIONS, ObligationDisagreement, Obligations};
pub use cow_states::{CowState, CowStates};

use crate::error::{Error, ErrorKind};
use crate::history::dataset::{Dataset, DatasetBuilder};
use crate::history::party::{Party, Source};
use crate::interval::set::IntervalSet;
use crate::io::table::Row;

/// What an importer read: rows, and what it added to the builder.
///
/// `rows + skipped` is the number of data rows in the file; each row
/// skipped is named by a problem of the [`Report`](crate::Report).
///
/// ```
/// use membership_history::{Atop, Dataset};
///
/// let csv = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
///            4220,365,1992,5,15,0,0,0,1\n\
///            4220,704,1992,5,15,0,13,0,1\n"; // an exit month without a year
/// let mut b = Dataset::builder();
/// let report = b.read(Atop::new(), csv.as_bytes(), "atop.csv").build();
/// let (file, counts) = &report.counts[0];
/// assert_eq!(file, "atop.csv");
/// assert_eq!((counts.rows, counts.organizations, counts.states, counts.events), (1, 1, 1, 1));
/// assert_eq!((counts.skipped, report.problems.len()), (1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportCounts {
    /// Data rows read into the builder (the header not counted).
    pub rows: usize,
    /// Data rows left out, each named by a problem in the report (blank
    /// lines are not rows).
    pub skipped: usize,
    /// Organizations added.
    pub organizations: usize,
    /// States added as parties (those already in the builder not counted).
    pub states: usize,
    /// Events added.
    pub events: usize,
}

/// Where a reader's problems go: each problem found in a row is kept and
/// the reader skips the row and reads on, so that every bad row is named at
/// once. A problem with the whole file (its header, no rows) is returned by
/// the reader instead, having read nothing.
#[derive(Default)]
pub(crate) struct Problems {
    found: Vec<Error>,
}

impl Problems {
    /// No problem yet.
    pub(crate) fn lenient() -> Self {
        Problems::default()
    }

    /// A row's problem, kept; the reader leaves the row out.
    pub(crate) fn report(&mut self, e: Error) {
        self.found.push(e);
    }

    /// The problems found, then `read`'s own failure if any (a problem with
    /// the whole input, which read nothing: `empty` stands for the data).
    pub(crate) fn finish<T>(self, read: Result<T, Error>, empty: T) -> (T, Vec<Error>) {
        let mut found = self.found;
        match read {
            Ok(value) => (value, found),
            Err(e) => {
                found.push(e);
                (empty, found)
            }
        }
    }
}

/// Opens a file for an importer, naming it by its file name in errors.
pub(crate) fn open_path(path: &Path) -> Result<(File, String), Error> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let file = File::open(path).map_err(|e| Error::io_at(path, e).in_file(name.clone()))?;
    Ok((file, name))
}

/// A file with a header and no data rows, located on line 2 as the bundled
/// loader does: a loader that returned nothing would look like success.
pub(crate) fn header_only(file: &str) -> Error {
    Error::new(ErrorKind::Empty("the file has a header but no rows".into()))
        .in_file(file)
        .at_line(2)
}

/// The integer types the loaders read, with their bounds for messages.
pub(crate) trait Int: FromStr {
    const LOW: i128;
    const HIGH: i128;
}

macro_rules! int {
    ($($t:ty),*) => {$(
        impl Int for $t {
            const LOW: i128 = <$t>::MIN as i128;
            const HIGH: i128 = <$t>::MAX as i128;
        }
    )*};
}
int!(u16, u32, i32, i64);

/// Whether `s` is written as a whole number (a sign, then digits), however
/// large.
fn whole_number(s: &str) -> bool {
    // No `+`: the files write none, and `u32::from_str` would take `+373`.
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// An integer field, with a positioned error when it is not one that says
/// which: empty, not a whole number, or out of range.
pub(crate) fn int_field<T: Int>(row: &Row<'_>, col: usize) -> Result<T, Error> {
    let s = row.get(col);
    let parsed = if whole_number(s) {
        s.parse::<T>().ok()
    } else {
        None
    };
    parsed.ok_or_else(|| {
        let rule = if s.is_empty() {
            format!(
                "the field is empty; expected a whole number from {} to {}",
                T::LOW,
                T::HIGH
            )
        } else if whole_number(s) {
            format!(
                "out of range: expected a whole number from {} to {}",
                T::LOW,
                T::HIGH
            )
        } else {
            format!("expected a whole number from {} to {}", T::LOW, T::HIGH)
        };
        row.error(col, ErrorKind::InvalidValue(rule))
    })
}

/// A year field: a whole number in [`YEARS`](crate::YEARS) (`0` too when
/// `zero` is allowed, as ATOP writes for no date), else a positioned error.
pub(crate) fn year_field(row: &Row<'_>, col: usize, zero: bool) -> Result<i32, Error> {
    let s = row.get(col);
    if !whole_number(s) {
        return Err(row.error(
            col,
            ErrorKind::InvalidValue(format!(
                "expected a year, a whole number from {} to {}{}",
                crate::YEARS.start(),
                crate::YEARS.end(),
                if zero { " (or 0 for none)" } else { "" }
            )),
        ));
    }
    let y = s
        .parse::<i32>()
        .ok()
        .filter(|y| crate::YEARS.contains(y) || (zero && *y == 0));
    y.ok_or_else(|| {
        row.error(
            col,
            ErrorKind::InvalidDate(format!(
                "{} is outside {}..={}",
                // A huge number is in the value already; the rule stays short.
                if s.len() > 12 {
                    "the year".to_string()
                } else {
                    format!("year {s}")
                },
                crate::YEARS.start(),
                crate::YEARS.end()
            )),
        )
    })
}

/// The party for a COW state code: its COW abbreviation and name when the
/// state list knows it, else the code as text.
pub(crate) fn cow_party(code: u16, states: Option<&CowStates>, source: &str) -> Party {
    match states.and_then(|s| s.by_code(code)) {
        Some(st) => Party::state(st.abbreviation(), st.name())
            .with_cow(code, st.abbreviation())
            .with_sources([source]),
        None => {
            let mut p =
                Party::state(code.to_string(), format!("COW state {code}")).with_sources([source]);
            p.cow_code = Some(code);
            p
        }
    }
}

impl DatasetBuilder {
    /// Adds a source unless one with its id is already there (several
    /// importers can share a builder).
    pub(crate) fn ensure_source(&mut self, source: Source) {
        if !self.has_source(source.id()) {
            self.add_source(source);
        }
    }

    /// Records a reader's problems (and its own failure, which read
    /// nothing) for the build; what it read.
    pub(crate) fn keep_problems(
        &mut self,
        problems: Problems,
        read: Result<ImportCounts, Error>,
    ) -> ImportCounts {
        let (counts, problems) = problems.finish(read, ImportCounts::default());
        for e in problems {
            self.problem(e);
        }
        counts
    }

    /// Adds a party unless one with its code is already there; whether it
    /// was added.
    pub(crate) fn ensure_party(&mut self, party: Party) -> bool {
        if self.has_party(party.code()) {
            false
        } else {
            self.add_party(party);
            true
        }
    }
}

impl Dataset {
    /// Every spell of a state with a COW code on days when, by `states`,
    /// that state was not in the state system (preferred readings), one
    /// [`ErrorKind::StateNotInSystem`] per spell, located at the event that
    /// opened it. A party whose COW code the list does not have is reported
    /// once per spell too.
    ///
    /// ```
    /// use membership_history::{bundled, CowStates};
    ///
    /// // Kazakhstan enters the state system only in 2000 in this excerpt.
    /// let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n\
    ///            KZK,705,Kazakhstan,2000,1,1,2016,12,31\n";
    /// let states = CowStates::read(csv.as_bytes(), "states.csv").strict()?;
    /// let errs = bundled().check_state_existence(&states);
    /// assert!(errs.iter().any(|e| e.to_string().contains("KAZ in CSTO")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_state_existence(&self, states: &CowStates) -> Vec<Error> {
        let mut out = Vec::new();
        for tl in self.timelines() {
            let party = tl.party();
            let Some(code) = party.cow_code() else {
                continue;
            };
            let state = states.by_code(code);
            for s in tl.spells() {
                let Some(span) = s.span() else { continue };
                let days = IntervalSet::from(span);
                let outside = match state {
                    Some(st) => days.difference(st.existence()),
                    None => days.clone(),
                };
                if outside.is_empty() {
                    continue;
                }
                let what = match state {
                    Some(_) => format!("outside the state system on {outside}"),
                    None => format!("COW code {code} is not in the state list"),
                };
                let Some(ev) = self.event(s.opened_by()) else {
                    continue;
                };
                out.push(
                    ev.origin().attach(
                        Error::new(ErrorKind::StateNotInSystem(format!(
                            "{} in {} ({} {span}) {what}",
                            party.code(),
                            tl.organization().id(),
                            s.status()
                        )))
                        .in_field("member")
                        .with_value(party.code()),
                    ),
                );
            }
        }
        out
    }
}
