//! ATOP member-level files: each alliance an organization, each row one
//! member in one phase.

use std::collections::HashMap;
use std::io::Read;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, ErrorKind};
use crate::history::dataset::DatasetBuilder;
use crate::history::date::UncertainDate;
use crate::history::event::{Event, Origin, Reading};
use crate::history::party::{NameKind, Source};
use crate::history::status::EventKind;
use crate::history::unknown::Unknown;
use crate::interval::set::Span;
use crate::io::table::{Columns, Row, Table};

use super::{CowStates, ImportCounts, Problems, cow_party, int_field, year_field};

/// The source id ATOP events cite.
pub(crate) const SOURCE: &str = "ATOP";

pub(crate) const REQUIRED: &[&str] = &[
    "atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "phase",
];

pub(crate) struct AtopRow {
    pub(crate) atopid: u32,
    pub(crate) member: u16,
    pub(crate) entry: UncertainDate,
    pub(crate) exit: Option<UncertainDate>,
    pub(crate) phase: u32,
    pub(crate) line: u64,
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
    /// Reads an ATOP member-level file (the [`Atop`](crate::Atop) format): every valid row
    /// kept, every problem recorded for [`build`](Self::build).
    pub(crate) fn read_atop_into(
        &mut self,
        input: &mut dyn Read,
        file: &str,
        states: Option<&CowStates>,
    ) -> ImportCounts {
        let mut problems = Problems::lenient();
        let read = self.atop(input, file, states, &mut problems);
        self.keep_problems(problems, read)
    }

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
        let cols = AtopColumns::of(&table);
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
                    problems.report(e);
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
            self.add_atop_rows(rows, Arc::from(table.file()), states)
        };
        counts.skipped = skipped;
        Ok(counts)
    }

    fn add_atop_rows(
        &mut self,
        rows: Vec<AtopRow>,
        file: Arc<str>,
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
                Origin::at(&file, first_line),
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
                    .with_origin(Origin::at(&file, first_line)),
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
                    .with_origin(Origin::at(&file, line))
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

/// The columns of an ATOP file the reader uses.
pub(crate) struct AtopColumns {
    pub(crate) id: usize,
    pub(crate) member: usize,
    pub(crate) phase: usize,
    pub(crate) entry: [usize; 3],
    pub(crate) exit: [usize; 3],
}

impl AtopColumns {
    /// The columns of an opened member-level table.
    pub(crate) fn of<R: Read>(table: &Table<R>) -> AtopColumns {
        let c = |n: &str| table.col(n);
        AtopColumns {
            id: c("atopid"),
            member: c("member"),
            phase: c("phase"),
            entry: [c("yrent"), c("moent"), c("dayent")],
            exit: [c("yrexit"), c("moexit"), c("dayexit")],
        }
    }
}

/// One row checked on its own; the first problem in it is its error.
pub(crate) fn atop_row(row: &Row<'_>, cols: &AtopColumns) -> Result<AtopRow, Error> {
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
    // An exit known only to its year or month, in the entry's: the exit
    // came after the entry, so its earliest day is the day after the
    // entry's earliest. (Read as the bare year, the exit would fall on
    // 1 January, before the entry.)
    let exit = match exit {
        Some(x) if x.earliest() <= entry.earliest() && entry.earliest() < x.latest() => {
            let after = entry.earliest().succ_opt().unwrap_or(entry.earliest());
            Some(
                UncertainDate::between(after, x.latest())
                    .map_err(|e| row.locate(cols.exit[0], e))?,
            )
        }
        x => x,
    };
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
