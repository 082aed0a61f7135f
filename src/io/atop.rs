//! ATOP member-level files: each alliance an organization, each row one
//! member in one phase.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, ErrorKind};
use crate::history::dataset::{Dataset, DatasetBuilder};
use crate::history::date::UncertainDate;
use crate::history::event::{Event, Origin, Reading};
use crate::history::party::{NameKind, Source};
use crate::history::status::EventKind;
use crate::history::unknown::Unknown;
use crate::interval::set::Span;
use crate::io::table::{Columns, Row, Table};

use super::{
    CowStates, ImportCounts, Problems, cow_party, int_field, merge_reports, open_path, year_field,
};

/// The source id ATOP events cite.
pub(crate) const SOURCE: &str = "ATOP";

const REQUIRED: &[&str] = &[
    "atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "phase",
];

struct AtopRow {
    atopid: u32,
    member: u16,
    entry: UncertainDate,
    exit: Option<UncertainDate>,
    phase: u32,
    line: u64,
}

/// A membership: rows of one member merged across phase boundaries.
struct Stay {
    entry: UncertainDate,
    entry_line: u64,
    exit: Option<(UncertainDate, u64)>,
    /// Later phases entered during the stay: (date, phase, line).
    phases: Vec<(UncertainDate, u32, u64)>,
    first_phase: u32,
}

impl DatasetBuilder {
    /// Reads an ATOP member-level file (`atop-member-level.csv`) from any
    /// reader; `file` names it in errors and origins. Each alliance becomes
    /// an organization whose id is its `atopid`; members are parties by COW
    /// code (their COW abbreviation when `states` is given). See
    /// `docs/datasets.md` for how rows become events.
    ///
    /// # Errors
    ///
    /// The first malformed row, with its line: a missing column, a wrong
    /// number of fields, a non-numeric field, an impossible date, an exit
    /// before the entry, a row repeating an earlier one (alliance, member,
    /// phase and entry), a file with a header and no rows. Problems in the
    /// sequence of events are reported
    /// when the builder is built. To read past bad rows and get every
    /// problem at once, use [`read_atop_lenient`](Self::read_atop_lenient).
    ///
    /// ```
    /// use membership_history::{Dataset, EventKind};
    ///
    /// // Two phases, a member that leaves, and an entry with an unknown day.
    /// let csv = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
    ///            4220,365,1992,5,15,2002,10,7,1\n\
    ///            4220,704,1992,5,15,1999,4,20,1\n\
    ///            4220,365,2002,10,7,0,0,0,2\n\
    ///            4220,704,2006,8,0,2012,6,28,2\n";
    /// let mut b = Dataset::builder();
    /// b.read_atop(csv.as_bytes(), "atop.csv", None)?;
    /// let ds = b.build()?;
    /// let rus = ds.timeline("4220", "365")?;
    /// assert_eq!(rus.spells().len(), 1); // one membership across the phase boundary
    /// assert_eq!(rus.events().nth(1).map(|e| e.kind()), Some(EventKind::InstrumentSigned));
    /// assert_eq!(ds.timeline("4220", "704")?.member_days().preferred.to_string(),
    ///            "1992-05-15..1999-04-20, 2006-08-01..2012-06-28");
    /// // Still in effect where the file ends (2012): unknown after it.
    /// assert_eq!(ds.known_until("4220")?.map(|d| d.to_string()).as_deref(), Some("2012-12-31"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_atop<R: Read>(
        &mut self,
        input: R,
        file: &str,
        states: Option<&CowStates>,
    ) -> Result<ImportCounts, Error> {
        self.atop(input, file, states, &mut Problems::strict())
    }

    /// Reads an ATOP member-level file like [`read_atop`](Self::read_atop),
    /// but without stopping at a malformed row: every valid row is read,
    /// and every problem is returned, in line order, each the error
    /// `read_atop` would give for its row. [`ImportCounts::skipped`] counts
    /// the rows left out.
    ///
    /// A bad row is left out on its own: the other rows of the same member
    /// and alliance are kept when they are valid, as if the bad row were
    /// not in the file (a bad row's `atopid` or `member` may be the very
    /// field that is wrong, so it cannot be tied to them reliably). The
    /// member's history then has a gap, or starts later, where the bad row
    /// was; kinds that depend on the whole alliance (a founding member's
    /// `signed`, the alliance's end) are decided from the rows kept. A row
    /// repeating an earlier one is reported and the earlier one kept.
    ///
    /// A problem with the whole file (a missing or misspelled column, an
    /// empty file, a header and no rows) is the only problem returned, and
    /// nothing is read. Problems in the sequence of events are reported
    /// when the builder is built ([`build_lenient`](Self::build_lenient)).
    ///
    /// ```
    /// use membership_history::{Dataset, ErrorKind, parse_day};
    ///
    /// let csv = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
    ///            4220,365,1992,5,15,0,0,0,1\n\
    ///            4220,704,1992,5,15,1999,13,1,1\n\
    ///            4220,705,1992,5,15,0,0,0,1\n\
    ///            4220,365,1992,5,15,0,0,0,1\n";
    /// let mut b = Dataset::builder();
    /// let (counts, report) = b.read_atop_lenient(csv.as_bytes(), "atop.csv", None);
    /// assert_eq!((counts.rows, counts.skipped), (2, 2));
    /// assert_eq!(report[0].to_string(),
    ///            "atop.csv:3: field `moexit`, value \"13\": invalid date: month 13 is not between 1 and 12");
    /// assert!(matches!(report[1].kind(), ErrorKind::Duplicate(_)));
    /// assert_eq!(report[1].line(), Some(5));
    /// let ds = b.build()?;
    /// assert_eq!(ds.members_on("4220", "1995-01-01")?.count(), 2); // 365 and 705
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_atop_lenient<R: Read>(
        &mut self,
        input: R,
        file: &str,
        states: Option<&CowStates>,
    ) -> (ImportCounts, Vec<Error>) {
        let mut problems = Problems::lenient();
        let read = self.atop(input, file, states, &mut problems);
        problems.lenient_answer(read, ImportCounts::default())
    }

    /// The one ATOP reader: `problems` decides whether a bad row stops it.
    /// Nothing is added to the builder unless it returns `Ok`.
    fn atop<R: Read>(
        &mut self,
        input: R,
        file: &str,
        states: Option<&CowStates>,
        problems: &mut Problems,
    ) -> Result<ImportCounts, Error> {
        let columns = Columns {
            required: REQUIRED,
            allow_others: true,
        };
        let mut table = Table::open(file, input, &columns)?;
        let c = |n: &str| table.col(n);
        let cols = AtopColumns {
            id: c("atopid"),
            member: c("member"),
            phase: c("phase"),
            entry: [c("yrent"), c("moent"), c("dayent")],
            exit: [c("yrexit"), c("moexit"), c("dayexit")],
        };
        let mut rows = Vec::new();
        let mut seen = HashMap::new();
        let (mut data_rows, mut skipped) = (0, 0);
        while let Some(row) = table.next_row() {
            data_rows += 1;
            let read = row.and_then(|row| {
                let r = atop_row(&row, &cols)?;
                // The same member entering the same phase of an alliance on
                // the same date twice is a copied row (never in ATOP 4.01):
                // merged, it would vanish without a word.
                let key = (
                    r.atopid,
                    r.member,
                    r.phase,
                    r.entry.earliest(),
                    r.entry.latest(),
                );
                if let Some(first) = seen.get(&key) {
                    return Err(row.error(
                        cols.member,
                        ErrorKind::Duplicate(format!(
                            "member {} of alliance {} entering phase {} on {} is already given at line {first}",
                            r.member, r.atopid, r.phase, r.entry
                        )),
                    ));
                }
                seen.insert(key, r.line);
                Ok(r)
            });
            match read {
                Ok(r) => rows.push(r),
                Err(e) => {
                    skipped += 1;
                    problems.report(e)?;
                }
            }
        }
        if data_rows == 0 {
            return Err(super::header_only(table.file()));
        }
        let mut counts = if rows.is_empty() {
            // Every row was bad (lenient): nothing to add, not even the source.
            ImportCounts::default()
        } else {
            self.add_atop_rows(rows, table.file().to_string(), states)
        };
        counts.skipped = skipped;
        Ok(counts)
    }

    fn add_atop_rows(
        &mut self,
        rows: Vec<AtopRow>,
        file: String,
        states: Option<&CowStates>,
    ) -> ImportCounts {
        let mut counts = ImportCounts {
            rows: rows.len(),
            ..ImportCounts::default()
        };
        self.ensure_source(Source::new(
            SOURCE,
            "Leeds, Ritter, Mitchell and Long, Alliance Treaty Obligations and Provisions (ATOP), member-level data",
            "http://www.atopdata.org/",
        ));
        // Alliances in order of first appearance; each alliance's rows by
        // member, then entry, then phase (file order breaks ties).
        let mut order: Vec<u32> = Vec::new();
        let mut by_alliance: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            by_alliance
                .entry(r.atopid)
                .or_insert_with(|| {
                    order.push(r.atopid);
                    Vec::new()
                })
                .push(i);
        }
        // ATOP's rows state no coverage end: the last year any row gives is
        // where the file stops speaking (2016 for v4.01).
        let last_year = rows
            .iter()
            .flat_map(|r| {
                [
                    Some(r.entry.latest()),
                    r.exit.as_ref().map(UncertainDate::latest),
                ]
            })
            .flatten()
            .map(|d| d.year())
            .max();
        let mut member_codes: HashMap<u16, String> = HashMap::new();
        for id in order {
            let mut ix = by_alliance.remove(&id).unwrap_or_default();
            ix.sort_by_key(|&i| {
                (
                    rows[i].member,
                    rows[i].entry.earliest(),
                    rows[i].phase,
                    rows[i].line,
                )
            });
            let org = id.to_string();
            // Located at the alliance's first row in the file, so that a
            // clash the build finds (an id another importer uses) says where.
            let first_line = ix.iter().map(|&i| rows[i].line).min().unwrap_or(0);
            self.push_name(
                org.clone(),
                NameKind::Official,
                format!("ATOP alliance {id}"),
                None,
                None,
                [SOURCE],
                Origin::new(file.as_str(), first_line),
            );
            counts.organizations += 1;
            let founded = ix.iter().map(|&i| rows[i].entry.earliest()).min();
            let ended = ix.iter().all(|&i| rows[i].exit.is_some());
            // An alliance still in effect at the file's end: after it the
            // data says nothing.
            if let Some(y) = last_year.filter(|_| !ended)
                && let Some(after) = NaiveDate::from_ymd_opt(y + 1, 1, 1)
            {
                self.add_unknown(
                    Unknown::new(
                        org.clone(),
                        None,
                        Span::from_start(after),
                        format!("the ATOP file ends in {y}"),
                        [SOURCE],
                    )
                    .with_origin(Origin::new(file.as_str(), first_line)),
                );
            }
            let last_exit = ix
                .iter()
                .filter_map(|&i| rows[i].exit.as_ref().map(UncertainDate::latest))
                .max();
            let mut start = 0;
            while start < ix.len() {
                let member = rows[ix[start]].member;
                let mut end = start;
                while end < ix.len() && rows[ix[end]].member == member {
                    end += 1;
                }
                let code = member_codes
                    .entry(member)
                    .or_insert_with(|| {
                        let party = cow_party(member, states, SOURCE);
                        let code = party.code().to_string();
                        if self.ensure_party(party) {
                            counts.states += 1;
                        }
                        if let Some(st) = states.and_then(|list| list.by_code(member)) {
                            self.add_existence(code.clone(), st.existence().clone());
                        }
                        code
                    })
                    .clone();
                let stays = merge(ix[start..end].iter().map(|&i| &rows[i]));
                let mut n = 0;
                let mut event = |kind: EventKind, date: &UncertainDate, note: String, line: u64| {
                    n += 1;
                    counts.events += 1;
                    Event::new(
                        format!("atop-{id}-{member}-{n}"),
                        org.clone(),
                        Some(&code),
                        kind,
                        vec![Reading::new(date.clone(), note, [SOURCE])],
                    )
                    .with_origin(Origin::new(file.clone(), line))
                };
                for (k, stay) in stays.iter().enumerate() {
                    let kind = match (k, founded) {
                        (0, Some(f)) if stay.entry.earliest() == f => EventKind::Signed,
                        (0, _) => EventKind::Acceded,
                        _ => EventKind::Returned,
                    };
                    let mut notes = vec![phase_note(stay.first_phase)];
                    let mut pending: Vec<Event> = Vec::new();
                    for (date, phase, line) in &stay.phases {
                        // Phases entered on the entry day (or on the day of
                        // an earlier phase) are told in that event's note.
                        if *date == stay.entry {
                            notes.push(phase_note(*phase));
                        } else if let Some(prev) =
                            pending.last_mut().filter(|e| e.readings[0].date == *date)
                        {
                            prev.readings[0]
                                .note
                                .push_str(&format!("; {}", phase_note(*phase)));
                        } else {
                            pending.push(event(
                                EventKind::InstrumentSigned,
                                date,
                                phase_note(*phase),
                                *line,
                            ));
                        }
                    }
                    notes.retain(|s| !s.is_empty());
                    self.add_event(event(kind, &stay.entry, notes.join("; "), stay.entry_line));
                    for e in pending {
                        self.add_event(e);
                    }
                    if let Some((date, line)) = &stay.exit {
                        let alliance_end = ended && Some(date.latest()) == last_exit;
                        let (kind, note) = if alliance_end {
                            (EventKind::NotRenewed, "exit: the alliance ends")
                        } else {
                            (EventKind::Withdrew, "exit")
                        };
                        self.add_event(event(kind, date, note.to_string(), *line));
                    }
                }
                start = end;
            }
        }
        counts
    }
}

impl Dataset {
    /// Reads an ATOP member-level file into a dataset of its own (see
    /// [`DatasetBuilder::read_atop`]), with COW abbreviations and names
    /// from `states` when given.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when the file cannot be opened, a positioned error
    /// for a malformed row, and the first problem found when building.
    ///
    /// ```no_run
    /// use membership_history::{CowStates, Dataset, parse_day};
    ///
    /// let states = CowStates::from_path("../shared/datasets/cow-states-2016/states2016.csv")?;
    /// let ds = Dataset::from_atop("../shared/datasets/atop-v4.01/atop-member-level.csv", Some(&states))?;
    /// println!("{} CST members in 1995", ds.members_on("4220", "1995-01-01")?.count());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_atop(path: impl AsRef<Path>, states: Option<&CowStates>) -> Result<Dataset, Error> {
        let (f, name) = open_path(path.as_ref())?;
        let mut b = Dataset::builder();
        b.read_atop(f, &name, states)?;
        b.build()
    }

    /// Reads an ATOP member-level file into a dataset of its own, leniently:
    /// every valid row is kept (see [`DatasetBuilder::read_atop_lenient`])
    /// and built with [`DatasetBuilder::build_lenient`]. The problems are
    /// the reader's and the build's together, in line order; a file that
    /// cannot be opened gives an empty dataset and [`ErrorKind::Io`].
    ///
    /// ```
    /// use membership_history::{Dataset, ErrorKind};
    ///
    /// let path = std::env::temp_dir().join(format!("atop-doc-{}.csv", std::process::id()));
    /// std::fs::write(&path, "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
    ///                        4220,365,1992,5,15,0,0,0,1\n\
    ///                        4220,704,1992,5,15,1999,4,20,1\n\
    ///                        4220,705,1992,5,32,0,0,0,1\n")?;
    /// let (ds, problems) = Dataset::from_atop_lenient(&path, None);
    /// std::fs::remove_file(&path)?;
    /// assert_eq!(problems.len(), 1);
    /// assert!(matches!(problems[0].kind(), ErrorKind::InvalidDate(_)));
    /// assert_eq!(problems[0].line(), Some(4));
    /// assert_eq!(ds.timeline("4220", "704")?.member_days().preferred.to_string(), "1992-05-15..1999-04-20");
    ///
    /// let (ds, problems) = Dataset::from_atop_lenient("no/such/atop.csv", None);
    /// assert!(ds.organizations().is_empty());
    /// assert!(matches!(problems[0].kind(), ErrorKind::Io(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_atop_lenient(
        path: impl AsRef<Path>,
        states: Option<&CowStates>,
    ) -> (Dataset, Vec<Error>) {
        let (f, name) = match open_path(path.as_ref()) {
            Ok(opened) => opened,
            Err(e) => return (Dataset::default(), vec![e]),
        };
        let mut b = Dataset::builder();
        let (_, report) = b.read_atop_lenient(f, &name, states);
        let (ds, built) = b.build_lenient();
        (ds, merge_reports(report, built))
    }
}

/// The columns of an ATOP file the reader uses.
struct AtopColumns {
    id: usize,
    member: usize,
    phase: usize,
    entry: [usize; 3],
    exit: [usize; 3],
}

/// One row checked on its own; the first problem in it is its error.
fn atop_row(row: &Row<'_>, cols: &AtopColumns) -> Result<AtopRow, Error> {
    let entry = ymd(row, cols.entry)?.ok_or_else(|| {
        row.error(
            cols.entry[0],
            ErrorKind::InvalidDate("an entry needs a year".into()),
        )
    })?;
    let exit = ymd(row, cols.exit)?;
    if let Some(x) = exit.as_ref().filter(|x| x.latest() < entry.earliest()) {
        return Err(row.error(
            cols.exit[0],
            ErrorKind::EndBeforeStart {
                start: entry.to_string(),
                end: x.to_string(),
            },
        ));
    }
    let member: u16 = int_field(row, cols.member)?;
    if member == 0 {
        // No state has code 0: a blank written as 0, not a member.
        return Err(row.error(
            cols.member,
            ErrorKind::InvalidValue("a member is a COW state code from 1".into()),
        ));
    }
    Ok(AtopRow {
        atopid: int_field(row, cols.id)?,
        member,
        entry,
        exit,
        phase: int_field(row, cols.phase)?,
        line: row.line(),
    })
}

fn phase_note(phase: u32) -> String {
    if phase == 0 {
        String::new()
    } else {
        format!("phase {phase}")
    }
}

/// Merges one member's rows (sorted by entry) into stays: a row that starts
/// on or before the end of the stay so far (a phase boundary, or phases that
/// overlap) continues it; a later row starts a new stay.
fn merge<'a>(rows: impl Iterator<Item = &'a AtopRow>) -> Vec<Stay> {
    let mut stays: Vec<Stay> = Vec::new();
    for r in rows {
        if let Some(cur) = stays.last_mut() {
            let continues = match &cur.exit {
                None => true,
                Some((x, _)) => *x == r.entry || r.entry.earliest() < x.latest(),
            };
            if continues {
                cur.phases.push((r.entry.clone(), r.phase, r.line));
                cur.exit = match (cur.exit.take(), &r.exit) {
                    (None, _) | (_, None) => None,
                    (Some(a), Some(b)) => Some(if b.latest() > a.0.latest() {
                        (b.clone(), r.line)
                    } else {
                        a
                    }),
                };
                continue;
            }
        }
        stays.push(Stay {
            entry: r.entry.clone(),
            entry_line: r.line,
            exit: r.exit.clone().map(|x| (x, r.line)),
            phases: Vec::new(),
            first_phase: r.phase,
        });
    }
    stays
}

/// A date from ATOP's year, month and day columns: `0` (or empty) month or
/// day is unknown and lowers the precision; `0,0,0` is no date (`None`).
fn ymd(row: &Row<'_>, cols: [usize; 3]) -> Result<Option<UncertainDate>, Error> {
    let part = |i: usize| -> Result<u32, Error> {
        if row.get(cols[i]).is_empty() {
            Ok(0)
        } else {
            int_field::<u32>(row, cols[i])
        }
    };
    let year = year_field(row, cols[0], true)?;
    let (m, d) = (part(1)?, part(2)?);
    let bad = |i: usize, rule: String| Err(row.error(cols[i], ErrorKind::InvalidDate(rule)));
    if year == 0 {
        return if m == 0 && d == 0 {
            Ok(None)
        } else {
            bad(0, "a month or day without a year".into())
        };
    }
    let at = |i: usize| move |e| row.locate(cols[i], e);
    match (m, d) {
        (0, 0) => UncertainDate::year(year).map(Some).map_err(at(0)),
        (0, _) => bad(2, "a day without a month".into()),
        (13.., _) => bad(1, format!("month {m} is not between 1 and 12")),
        (_, 0) => UncertainDate::month(year, m).map(Some).map_err(at(1)),
        _ => match NaiveDate::from_ymd_opt(year, m, d) {
            Some(day) => UncertainDate::day(day).map(Some).map_err(at(0)),
            None => bad(2, format!("{year:04}-{m:02} has no day {d}")),
        },
    }
}
