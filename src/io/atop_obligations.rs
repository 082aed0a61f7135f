//! ATOP obligations per member and phase ([`AtopObligations`]), for the
//! dyad-year panel: who promised what to the other members of an alliance,
//! and when.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, ErrorKind};
use crate::interval::set::{IntervalSet, Span};
use crate::io::atop::{AtopColumns, REQUIRED, atop_row};
use crate::io::table::{Columns, Row, Table};

use super::{int_field, open_path};

/// The five ATOP obligations, as the columns of the member-level and
/// alliance-level files name them, in the order of [`Obligations`]' bits.
pub const OBLIGATIONS: [&str; 5] = ["defense", "offense", "neutral", "nonagg", "consul"];

/// A set of ATOP obligations (`defense`, `offense`, `neutral`, `nonagg`,
/// `consul`), one bit each in the order of [`OBLIGATIONS`].
///
/// ```
/// use membership_history::Obligations;
///
/// let o = Obligations::DEFENSE | Obligations::CONSUL;
/// assert!(o.has(Obligations::DEFENSE) && !o.has(Obligations::OFFENSE));
/// assert_eq!(o.names().collect::<Vec<_>>(), ["defense", "consul"]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Obligations(u8);

impl Obligations {
    /// No obligation.
    pub const NONE: Obligations = Obligations(0);
    /// `defense`: to defend the other members if attacked.
    pub const DEFENSE: Obligations = Obligations(1);
    /// `offense`: to join the others in an offensive war.
    pub const OFFENSE: Obligations = Obligations(2);
    /// `neutral`: to stay neutral if another member is at war.
    pub const NEUTRAL: Obligations = Obligations(4);
    /// `nonagg`: not to attack the other members.
    pub const NONAGG: Obligations = Obligations(8);
    /// `consul`: to consult in a crisis.
    pub const CONSUL: Obligations = Obligations(16);

    /// Whether every obligation of `other` is in `self`.
    ///
    /// ```
    /// # use membership_history::Obligations;
    /// assert!(Obligations::DEFENSE.has(Obligations::NONE));
    /// ```
    pub fn has(self, other: Obligations) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether there is none.
    ///
    /// ```
    /// # use membership_history::Obligations;
    /// assert!(Obligations::NONE.is_empty());
    /// ```
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The obligation with index `i` in [`OBLIGATIONS`] (`None` past 4).
    ///
    /// ```
    /// # use membership_history::Obligations;
    /// assert_eq!(Obligations::nth(0), Some(Obligations::DEFENSE));
    /// ```
    pub fn nth(i: usize) -> Option<Obligations> {
        (i < OBLIGATIONS.len()).then(|| Obligations(1 << i))
    }

    /// The column names of the obligations in the set, in order.
    ///
    /// ```
    /// # use membership_history::Obligations;
    /// assert_eq!(Obligations::NONAGG.names().next(), Some("nonagg"));
    /// ```
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        OBLIGATIONS
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, n)| n)
    }
}

impl std::ops::BitOr for Obligations {
    type Output = Obligations;
    fn bitor(self, rhs: Obligations) -> Obligations {
        Obligations(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Obligations {
    fn bitor_assign(&mut self, rhs: Obligations) {
        self.0 |= rhs.0;
    }
}

/// One member-level row: a member of an alliance in one phase, its days
/// (every reading of its coarse dates, and the days under all of them) and
/// its obligations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ObligationRow {
    pub(crate) atopid: u32,
    pub(crate) member: u16,
    pub(crate) obligations: Obligations,
    /// Member under every reading of the dates.
    pub(crate) definite: IntervalSet<NaiveDate>,
    /// Member under some reading, or past the file's last year.
    pub(crate) possible: IntervalSet<NaiveDate>,
    pub(crate) line: u64,
}

/// A member-level obligation the alliance-level file does not give the
/// alliance, from [`AtopObligations::check_alliances`]: reported as the
/// files say it, not corrected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObligationDisagreement {
    /// The alliance (`atopid`).
    pub atopid: u32,
    /// The member's COW code.
    pub member: u16,
    /// The member-level file's line.
    pub line: u64,
    /// The obligation (`defense`, …), or `None` when the alliance-level
    /// file has no row for the alliance.
    pub obligation: Option<&'static str>,
}

impl std::fmt::Display for ObligationDisagreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.obligation {
            Some(o) => write!(
                f,
                "line {}: member {} of alliance {} has `{o}` = 1; the alliance-level row has 0",
                self.line, self.member, self.atopid
            ),
            None => write!(
                f,
                "line {}: alliance {} has no alliance-level row",
                self.line, self.atopid
            ),
        }
    }
}

/// The obligations of ATOP's member-level file (`atop-member-level.csv`):
/// per member and phase, the days it was a member and which of the five
/// obligations it undertook. Dates are read as the [`Atop`](crate::Atop)
/// reader reads them (a `0` month or day is a coarse date; the exit is the
/// first day outside). An alliance without an exit is definite only to the
/// end of the file's last year and possible after it.
///
/// The reader is strict: the first bad row is an error naming the file,
/// line, field and value.
///
/// ```
/// use membership_history::{AtopObligations, Obligations};
///
/// let csv = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n\
///            3150,2,1949,4,4,0,0,0,1,1,0,0,0,1\n\
///            3150,200,1949,4,4,0,0,0,1,1,0,0,0,1\n";
/// let atop = AtopObligations::read(csv.as_bytes(), "atop-member-level.csv")?;
/// assert_eq!((atop.rows(), atop.last_year()), (2, Some(1949)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AtopObligations {
    pub(crate) rows: Vec<ObligationRow>,
    last_year: Option<i32>,
}

fn flag(row: &Row<'_>, col: usize) -> Result<bool, Error> {
    match int_field::<u32>(row, col)? {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(row.error(
            col,
            ErrorKind::InvalidValue("an obligation is 0 or 1".into()),
        )),
    }
}

fn span(start: NaiveDate, end: Option<NaiveDate>) -> IntervalSet<NaiveDate> {
    match end {
        Some(e) if e <= start => IntervalSet::new(),
        _ => Span::new(start, end).map_or_else(|_| IntervalSet::new(), IntervalSet::from),
    }
}

impl AtopObligations {
    /// Reads a member-level file: the [`Atop`](crate::Atop) columns and
    /// `defense, offense, neutral, nonagg, consul` (each 0 or 1).
    ///
    /// # Errors
    ///
    /// The first problem: a missing column, a bad date or flag
    /// ([`ErrorKind::InvalidValue`], [`ErrorKind::InvalidDate`]), a file
    /// with no rows.
    ///
    /// ```
    /// # use membership_history::AtopObligations;
    /// let csv = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n\
    ///            3150,2,1949,4,4,0,0,0,1,2,0,0,0,1\n";
    /// let e = AtopObligations::read(csv.as_bytes(), "m.csv").unwrap_err();
    /// assert_eq!((e.line(), e.field()), (Some(2), Some("defense")));
    /// ```
    pub fn read(input: impl Read, file: &str) -> Result<AtopObligations, Error> {
        let mut required: Vec<&str> = REQUIRED.to_vec();
        required.extend(OBLIGATIONS);
        let columns = Columns {
            required: &required,
            allow_others: true,
        };
        let mut table = Table::open(file, input, &columns)?;
        let cols = AtopColumns::of(&table);
        let flags: Vec<usize> = OBLIGATIONS.iter().map(|n| table.col(n)).collect();
        let mut read = Vec::new();
        while let Some(row) = table.next_row() {
            let row = row?;
            let r = atop_row(&row, &cols)?;
            let mut obligations = Obligations::NONE;
            for (i, &c) in flags.iter().enumerate() {
                if flag(&row, c)? {
                    obligations |= Obligations(1 << i);
                }
            }
            read.push((r, obligations));
        }
        if read.is_empty() {
            return Err(super::header_only(file));
        }
        let last_year = read
            .iter()
            .flat_map(|(r, _)| [Some(r.entry.latest()), r.exit.as_ref().map(|x| x.latest())])
            .flatten()
            .map(|d| d.year())
            .max();
        let file_end = last_year.and_then(|y| NaiveDate::from_ymd_opt(y + 1, 1, 1));
        let rows = read
            .into_iter()
            .map(|(r, obligations)| {
                let (def_end, pos_end) = match &r.exit {
                    Some(x) => (Some(x.earliest()), Some(x.latest())),
                    None => (file_end, None),
                };
                ObligationRow {
                    atopid: r.atopid,
                    member: r.member,
                    obligations,
                    definite: span(r.entry.latest(), def_end),
                    possible: span(r.entry.earliest(), pos_end),
                    line: r.line,
                }
            })
            .collect();
        Ok(AtopObligations { rows, last_year })
    }

    /// [`read`](Self::read) from a path, named by its file name in errors.
    ///
    /// # Errors
    ///
    /// As [`read`](Self::read), and [`ErrorKind::Io`] when the file cannot
    /// be opened.
    ///
    /// ```
    /// # use membership_history::AtopObligations;
    /// assert!(AtopObligations::read_path("no/such/file.csv").is_err());
    /// ```
    pub fn read_path(path: impl AsRef<Path>) -> Result<AtopObligations, Error> {
        let (file, name) = open_path(path.as_ref())?;
        AtopObligations::read(file, &name)
    }

    /// The number of member-level rows read.
    ///
    /// ```
    /// # use membership_history::AtopObligations;
    /// assert_eq!(AtopObligations::default().rows(), 0);
    /// ```
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// The last year any date of the file falls in (2016 for v4.01): after
    /// it, an alliance without an exit is possible, not definite.
    ///
    /// ```
    /// # use membership_history::AtopObligations;
    /// assert_eq!(AtopObligations::default().last_year(), None);
    /// ```
    pub fn last_year(&self) -> Option<i32> {
        self.last_year
    }

    /// Compares each member-level obligation with the alliance-level file
    /// (`atop-alliance-level.csv`: `atopid` and the five obligation
    /// columns): every obligation a member row has that its alliance's row
    /// does not, and every alliance with no alliance-level row, as the
    /// files say them. Nothing is corrected; ATOP v4.01 has none.
    ///
    /// # Errors
    ///
    /// The first problem in the alliance-level file (a missing column, a
    /// bad flag, an `atopid` given twice).
    ///
    /// ```
    /// # use membership_history::AtopObligations;
    /// let members = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n\
    ///                3150,2,1949,4,4,0,0,0,1,1,0,0,0,1\n";
    /// let atop = AtopObligations::read(members.as_bytes(), "m.csv")?;
    /// let alliances = "atopid,defense,offense,neutral,nonagg,consul\n3150,1,0,0,0,0\n";
    /// let found = atop.check_alliances(alliances.as_bytes(), "a.csv")?;
    /// assert_eq!(found[0].obligation, Some("consul"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_alliances(
        &self,
        input: impl Read,
        file: &str,
    ) -> Result<Vec<ObligationDisagreement>, Error> {
        let mut required = vec!["atopid"];
        required.extend(OBLIGATIONS);
        let columns = Columns {
            required: &required,
            allow_others: true,
        };
        let mut table = Table::open(file, input, &columns)?;
        let id = table.col("atopid");
        let flags: Vec<usize> = OBLIGATIONS.iter().map(|n| table.col(n)).collect();
        let mut by_id: HashMap<u32, (Obligations, u64)> = HashMap::new();
        while let Some(row) = table.next_row() {
            let row = row?;
            let atopid: u32 = int_field(&row, id)?;
            let mut o = Obligations::NONE;
            for (i, &c) in flags.iter().enumerate() {
                if flag(&row, c)? {
                    o |= Obligations(1 << i);
                }
            }
            if let Some((_, line)) = by_id.get(&atopid) {
                return Err(row.error(
                    id,
                    ErrorKind::Duplicate(format!(
                        "alliance {atopid} is already given at line {line}"
                    )),
                ));
            }
            by_id.insert(atopid, (o, row.line()));
        }
        let mut out = Vec::new();
        for r in &self.rows {
            let at = |obligation| ObligationDisagreement {
                atopid: r.atopid,
                member: r.member,
                line: r.line,
                obligation,
            };
            match by_id.get(&r.atopid) {
                None => out.push(at(None)),
                Some((o, _)) => {
                    for (i, name) in OBLIGATIONS.iter().enumerate() {
                        let bit = Obligations(1 << i);
                        if r.obligations.has(bit) && !o.has(bit) {
                            out.push(at(Some(name)));
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// [`check_alliances`](Self::check_alliances) from a path.
    ///
    /// # Errors
    ///
    /// As [`check_alliances`](Self::check_alliances), and
    /// [`ErrorKind::Io`] when the file cannot be opened.
    ///
    /// ```
    /// # use membership_history::AtopObligations;
    /// assert!(AtopObligations::default().check_alliances_path("no/such.csv").is_err());
    /// ```
    pub fn check_alliances_path(
        &self,
        path: impl AsRef<Path>,
    ) -> Result<Vec<ObligationDisagreement>, Error> {
        let (file, name) = open_path(path.as_ref())?;
        self.check_alliances(file, &name)
    }
}
