//! COW IGO igo-year files: each IGO an organization, one column per state,
//! one row per IGO per observed year.

use std::io::Read;
use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::error::{Error, ErrorKind};
use crate::history::dataset::DatasetBuilder;
use crate::history::date::UncertainDate;
use crate::history::event::{Event, Origin, Reading};
use crate::history::party::{NameKind, Party, Source};
use crate::history::status::{EventKind, Status};
use crate::history::unknown::Unknown;
use crate::interval::set::{IntervalSet, Span};
use crate::io::table::{Columns, Table};

use super::{CowStates, ImportCounts, Problems, year_field};

/// The source id COW IGO events cite.
pub(crate) const SOURCE: &str = "COW-IGO-3";
/// The state list's source id, cited by events placed on its days.
pub(crate) const STATES_SOURCE: &str = "COW-STATES-2016";
/// What an event placed on a state's first or last day rests on.
const STATE_EVENT: &[&str] = &[SOURCE, STATES_SOURCE];

/// Columns of the igo-year format that are not states.
const META: &[&str] = &[
    "ioname",
    "orgname",
    "year",
    "sdate",
    "deaddate",
    "dead",
    "integrated",
    "replaced",
    "longorgname",
    "ionum",
    "igocode",
    "version",
    "accuracyofpre1965membershipdates",
    "sourcesandnotes",
    "imputed",
    "political",
    "social",
    "economic",
];

/// A cell of a state column.
const MISSING: i8 = -9;
const NOT_A_STATE: i8 = -1;

fn cell(s: &str) -> Option<i8> {
    match s {
        "0" => Some(0),
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "-9" => Some(MISSING),
        "-1" => Some(NOT_A_STATE),
        _ => None,
    }
}

/// A cell as its bytes are written: [`cell`] without the text around it.
fn code(s: &[u8]) -> Option<i8> {
    match s {
        b"0" => Some(0),
        b"1" => Some(1),
        b"2" => Some(2),
        b"3" => Some(3),
        b"-9" => Some(MISSING),
        b"-1" => Some(NOT_A_STATE),
        _ => None,
    }
}

/// Reads the cells of columns `cols` into `cells` when every one is a code
/// as written ([`code`]); whether they all were. Its own function, so that
/// its loop (once per cell, 4.2 million in the COW file) keeps its values
/// in registers instead of reloading them from the reader's stack frame.
#[inline(never)]
fn codes_as_written(fields: &csv::ByteRecord, cols: &[usize], cells: &mut [i8]) -> bool {
    for (slot, &c) in cells.iter_mut().zip(cols) {
        match fields.get(c).and_then(code) {
            Some(v) => *slot = v,
            None => return false,
        }
    }
    true
}

/// A known observation: the status, `None` for none (codes 0 and -1).
fn status_of(code: i8) -> Option<Status> {
    match code {
        1 => Some(Status::Member),
        2 => Some(Status::Associate),
        3 => Some(Status::Observer),
        _ => None,
    }
}

/// One IGO's rows, buffered compactly: one `i8` per state per year.
struct Igo {
    id: String,
    orgname: String,
    longorgname: String,
    /// (year, line), in file order.
    years: Vec<(i32, u64)>,
    /// `codes[row * states + column]`.
    codes: Vec<i8>,
    /// Its states' events and gaps, made once its rows seemed all read
    /// (another IGO's began); a later row of it throws them away.
    made: Option<Made>,
    /// Whether its rows came apart: then its events are made only after
    /// the file, so that rows taking turns between IGOs are not each a
    /// new making of all the rows before (loading stays linear).
    apart: bool,
}

impl DatasetBuilder {
    /// Reads a COW IGO igo-year file (the [`CowIgo`](crate::CowIgo) format): every valid row
    /// kept, every problem recorded for [`build`](Self::build).
    pub(crate) fn read_cow_igo_into(
        &mut self,
        input: &mut dyn Read,
        file: &str,
        states: Option<&CowStates>,
    ) -> ImportCounts {
        let mut problems = Problems::lenient();
        let read = self.cow_igo(input, file, states, &mut problems);
        self.keep_problems(problems, read)
    }

    fn cow_igo<R: Read>(
        &mut self,
        input: R,
        file: &str,
        states: Option<&CowStates>,
        problems: &mut Problems,
    ) -> Result<ImportCounts, Error> {
        let columns = Columns {
            required: &["ioname", "orgname", "year"],
            allow_others: true,
        };
        let mut table = Table::open(file, input, &columns)?;
        let (id_col, name_col, year_col) =
            (table.col("ioname"), table.col("orgname"), table.col("year"));
        let long_col = table.header().iter().position(|h| h == "longorgname");
        let state_cols: Vec<usize> = (0..table.header().len())
            .filter(|&i| !META.contains(&table.header()[i].as_str()))
            .collect();
        // The party of each state column.
        let mut parties: Vec<Party> = Vec::with_capacity(state_cols.len());
        for &i in &state_cols {
            let col = &table.header()[i];
            if col.is_empty() || col.contains(char::is_whitespace) {
                // The column name becomes the state's code.
                return Err(Error::new(ErrorKind::Header(format!(
                    "column {} has no one-word name; a state column is named like `russia`",
                    i + 1
                )))
                .in_file(file)
                .at_line(1)
                .in_field(col.clone())
                .with_value(col.clone()));
            }
            parties.push(match states {
                Some(list) => {
                    let st = list.by_column(col).ok_or_else(|| {
                        Error::new(ErrorKind::Header(format!(
                            "column `{col}` is neither a column of the COW IGO format nor a state in the state list"
                        )))
                        .in_file(file)
                        .at_line(1)
                        .in_field(col.clone())
                    })?;
                    Party::state(st.abbreviation(), st.name()).with_cow(st.code(), st.abbreviation())
                }
                None => Party::state(col.clone(), col.clone()),
            }
            .with_sources([SOURCE]));
        }
        // With a state list, the days each column's state existed.
        let existence: Vec<Option<IntervalSet<NaiveDate>>> = state_cols
            .iter()
            .map(|&i| {
                states
                    .and_then(|list| list.by_column(&table.header()[i]))
                    .map(|st| st.existence().clone())
            })
            .collect();
        let n = state_cols.len();
        let column_names: HashSet<String> = state_cols
            .iter()
            .map(|&i| table.header()[i].to_lowercase())
            .collect();
        // Strings every event (or gap) of the file shares: its name, each
        // state's code and the two lists of sources cited.
        let file: Arc<str> = Arc::from(table.file());
        let cites = Cites {
            cow: Arc::from([SOURCE.to_string()]),
            with_states: STATE_EVENT.iter().map(|s| s.to_string()).collect(),
        };
        let codes: Vec<Arc<str>> = parties.iter().map(|p| Arc::from(p.code())).collect();
        let cx = Context {
            file: &file,
            cites: &cites,
            codes: &codes,
            existence: &existence,
        };
        let mut counts = ImportCounts::default();
        let mut igos: Vec<Igo> = Vec::new();
        // The IGO of the last row kept.
        let mut current: Option<usize> = None;
        let mut index: HashMap<String, usize> = HashMap::default();
        // The same ids in lower case, to refuse one differing only in case
        // without a scan of every IGO (which made loading quadratic).
        let mut lower: HashMap<String, usize> = HashMap::default();
        // Rows left out (lenient): per `ioname` in lower case, the latest
        // year they may hold (`i32::MAX` when a row's year is unreadable),
        // so that an IGO is not said to end where a row of it was left out.
        // (The data's last year is that of the rows kept: a year read from a
        // bad row is not trusted to move every IGO's end.)
        let mut left_out: HashMap<String, i32> = HashMap::default();
        // The last `ioname` found not to name a state column: an IGO's rows
        // come one after another, so each id is lowercased and looked up once.
        let mut not_a_column = String::new();
        let mut data_rows = 0;
        // One row's state cells, each written before the row is kept.
        let mut cells: Vec<i8> = vec![0; n];
        // Decoded on a second core while the csv crate parses on.
        table.for_each_row(|row| {
            data_rows += 1;
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    counts.skipped += 1;
                    problems.report(e);
                    return;
                }
            };
            // Every check first, in the order the strict reader made them,
            // then the row is added: a bad row leaves no trace.
            let checked = (|| {
                let id = row.get(id_col);
                if id.is_empty() {
                    return Err(row.error(
                        id_col,
                        ErrorKind::InvalidValue("an IGO needs its `ioname`".into()),
                    ));
                }
                // Without a state list a column's name is its state's code:
                // an IGO named like a column would be a member of itself.
                if states.is_none() && id != not_a_column {
                    if column_names.contains(&id.to_lowercase()) {
                        return Err(row.error(
                            id_col,
                            ErrorKind::InvalidValue(format!(
                                "the IGO `{id}` has the name of a state column; without a state list a column's name is its state's code (rename one, or read with the state list)"
                            )),
                        ));
                    }
                    not_a_column = id.to_string();
                }
                let year = year_field(row, year_col, false)?;
                let k = index.get(id).copied();
                match k {
                    // Organizations are found ignoring case: an `ioname`
                    // differing from another only in case is a typo here,
                    // said at its row rather than at build.
                    None => {
                        if let Some(other) = lower.get(&id.to_lowercase()).map(|&k| &igos[k]) {
                            return Err(row.error(
                                id_col,
                                ErrorKind::Duplicate(format!(
                                    "`{id}` differs only in case from `{}` at line {}; IGO ids must be unique ignoring case",
                                    other.id,
                                    other.years.first().map_or(0, |y| y.1)
                                )),
                            ));
                        }
                    }
                    Some(k) => {
                        if let Some(&(_, first)) = igos[k].years.iter().find(|(y, _)| *y == year) {
                            return Err(row.error(
                                year_col,
                                ErrorKind::Duplicate(format!(
                                    "{id} in {year} is already given at line {first}"
                                )),
                            ));
                        }
                    }
                }
                // Nearly every row's cells are codes as written; a row with
                // one that is not (` 1`, a typo) is read again cell by cell,
                // trimmed, so that the first bad cell is the error.
                if codes_as_written(row.byte_record(), &state_cols, &mut cells) {
                    return Ok((k, year));
                }
                for (slot, &c) in cells.iter_mut().zip(&state_cols) {
                    *slot = match row.byte_record().get(c).and_then(code) {
                        Some(v) => v,
                        None => cell(row.get(c)).ok_or_else(|| {
                            row.error(
                                c,
                                ErrorKind::InvalidValue(
                                    "a state's code is 0 (no), 1 (full), 2 (associate), 3 (observer), -9 (missing) or -1 (not a state)"
                                        .into(),
                                ),
                            )
                        })?,
                    };
                }
                Ok((k, year))
            })();
            match checked {
                Ok((k, year)) => {
                    let k = k.unwrap_or_else(|| {
                        let id = row.get(id_col);
                        index.insert(id.to_string(), igos.len());
                        lower.insert(id.to_lowercase(), igos.len());
                        igos.push(Igo {
                            id: id.to_string(),
                            orgname: row.get(name_col).to_string(),
                            longorgname: long_col.map_or("", |c| row.get(c)).to_string(),
                            years: Vec::new(),
                            codes: Vec::new(),
                            made: None,
                            apart: false,
                        });
                        igos.len() - 1
                    });
                    // An IGO's rows come one after another (in the COW
                    // file, always): when another's begin, the last one's
                    // events are made here, on the thread that decodes
                    // while the csv crate parses on, not after the file.
                    if current != Some(k) {
                        if let Some(last) = current.map(|c| &mut igos[c])
                            && last.made.is_none()
                            && !last.apart
                        {
                            last.made = Some(make(last, &cx));
                        }
                        current = Some(k);
                    }
                    let igo = &mut igos[k];
                    // A row of an IGO whose events were made: made again,
                    // after the file.
                    if igo.made.take().is_some() {
                        igo.apart = true;
                    }
                    igo.years.push((year, row.line()));
                    igo.codes.extend_from_slice(&cells);
                    counts.rows += 1;
                }
                Err(e) => {
                    counts.skipped += 1;
                    problems.report(e);
                    let year = year_field(row, year_col, false).ok();
                    let id = row.get(id_col);
                    if !id.is_empty() {
                        let latest = left_out.entry(id.to_lowercase()).or_insert(i32::MIN);
                        *latest = (*latest).max(year.unwrap_or(i32::MAX));
                    }
                }
            }
        });
        if data_rows == 0 {
            return Err(super::header_only(table.file()));
        }
        if igos.is_empty() {
            // Every row was bad (lenient): nothing to add.
            return Ok(counts);
        }
        self.ensure_source(Source::new(
            SOURCE,
            "Pevehouse, Nordstrom, McManus and Jamison, Correlates of War Intergovernmental Organizations data, version 3 (2020), igo-year format",
            "https://correlatesofwar.org/data-sets/igos/",
        ));
        for p in parties {
            if self.ensure_party(p) {
                counts.states += 1;
            }
        }
        if states.is_some() {
            self.ensure_source(Source::new(
                STATES_SOURCE,
                "Correlates of War Project, State System Membership List, v2016",
                "https://correlatesofwar.org/data-sets/state-system-membership/",
            ));
            for (code, days) in codes.iter().zip(&existence) {
                if let Some(days) = days {
                    self.add_existence(&**code, days.clone());
                }
            }
        }
        let last_year = igos.iter().flat_map(|g| g.years.iter().map(|y| y.0)).max();
        // Names: the first IGO to use one keeps it, so a lookup never finds
        // two bodies (the data names two IGOs "Eastern Caribb. Central Bank").
        let mut taken: HashMap<String, usize> = igos
            .iter()
            .enumerate()
            .map(|(k, g)| (g.id.to_lowercase(), k))
            .collect();
        // The IGOs whose events were not made beside the parsing: the last,
        // and any with rows apart. Then the builder's lists are reserved
        // once (growing, they were copied into ever larger ones: megabytes
        // of fresh memory), with room for each IGO's end.
        let made: Vec<Made> = (igos.iter_mut())
            .map(|igo| igo.made.take().unwrap_or_else(|| make(igo, &cx)))
            .collect();
        self.reserve_records(
            igos.len() + made.iter().map(|m| m.events.len()).sum::<usize>(),
            igos.len() + made.iter().map(|m| m.unknowns.len()).sum::<usize>(),
        );
        for ((k, igo), made) in igos.iter().enumerate().zip(made) {
            counts.organizations += 1;
            let mut free = |name: &str| {
                !name.is_empty() && *taken.entry(name.to_lowercase()).or_insert(k) == k
            };
            let official = if free(&igo.orgname) {
                igo.orgname.as_str()
            } else {
                igo.id.as_str()
            };
            // Names are located at the IGO's first row, so that a clash the
            // build finds (an `ioname` differing from another only in case,
            // a name another importer's organization uses) says where.
            let origin = Origin::at(&file, igo.years.first().map_or(0, |y| y.1));
            self.push_name(
                igo.id.clone(),
                NameKind::Official,
                official.to_string(),
                None,
                None,
                [SOURCE],
                origin.clone(),
            );
            if igo.longorgname != igo.orgname && free(&igo.longorgname) {
                self.push_name(
                    igo.id.clone(),
                    NameKind::Alias,
                    igo.longorgname.clone(),
                    None,
                    None,
                    [SOURCE],
                    origin,
                );
            }
            let mut emit = Emitter::new(&cx, &igo.id, made);
            // Years are unique within an IGO (a repeated one is refused).
            let last = igo.years.iter().copied().max_by_key(|y| y.0);
            let later_left_out = left_out
                .get(&igo.id.to_lowercase())
                .is_some_and(|&latest| last.is_some_and(|(y, _)| latest > y));
            if let (Some((y, line)), Some(end)) = (last, last_year) {
                if y < end && !later_left_out {
                    if let Some(year) = emit.dated(UncertainDate::year(y + 1), line) {
                        emit.push(
                            None,
                            EventKind::Dissolved,
                            year,
                            "no longer in the data",
                            line,
                        );
                    }
                } else {
                    // The file's last year (or rows left out after it): the
                    // data says nothing after it.
                    let note = if y < end {
                        format!("rows after {y} were left out (lenient reading)")
                    } else {
                        format!("COW IGO v3 ends in {y}")
                    };
                    emit.gap(None, jan1(y + 1), None, note.into(), line);
                }
            }
            let Made {
                events,
                unknowns,
                problems,
            } = emit.out;
            counts.events += events.len();
            for e in events {
                self.add_event(e);
            }
            for u in unknowns {
                self.add_unknown(u);
            }
            for e in problems {
                self.problem(e);
            }
        }
        Ok(counts)
    }
}

/// What [`make`] reads besides the IGO: the file's shared strings and its
/// state columns.
struct Context<'a> {
    file: &'a Arc<str>,
    cites: &'a Cites,
    /// Each state column's code, and (with a state list) its state's days.
    codes: &'a [Arc<str>],
    existence: &'a [Option<IntervalSet<NaiveDate>>],
}

/// What an IGO's rows give, apart from the builder (so that it can be
/// made on another thread): its events and gaps, and the problems (dates
/// the crate cannot hold), each in the order made.
#[derive(Default)]
struct Made {
    events: Vec<Event>,
    unknowns: Vec<Unknown>,
    problems: Vec<Error>,
}

/// The events and gaps of every state of `igo` (its end, which needs the
/// file's last year, is not among them).
fn make(igo: &Igo, cx: &Context<'_>) -> Made {
    let n = cx.codes.len();
    // Rows in year order, keeping each row's codes with it.
    let mut order: Vec<usize> = (0..igo.years.len()).collect();
    order.sort_by_key(|&r| igo.years[r].0);
    let changes = changes(&igo.codes, n, &order);
    let mut emit = Emitter::new(cx, &igo.id, Made::default());
    // Every IGO has a row (it was made for one).
    let years = (igo.years[order[0]].0, igo.years[order[order.len() - 1]].0);
    let mut at = 0;
    for (j, code) in cx.codes.iter().enumerate() {
        // Column `j`'s changes, then its runs of equal codes: each
        // starts at the first row or at a change, ends before the next.
        let mine = changes[at..]
            .iter()
            .take_while(|c| c.0 as usize == j)
            .count();
        let starts = changes[at..at + mine].iter().map(|c| c.1 as usize);
        at += mine;
        // Most states never change in an IGO, and a state never in
        // it (0) or never a state (-1) has nothing to replay.
        if mine == 0 && matches!(igo.codes[order[0] * n + j], 0 | NOT_A_STATE) {
            continue;
        }
        let ends = starts.clone().chain([order.len()]);
        let runs = std::iter::once(0).chain(starts).zip(ends).map(|(s, e)| {
            let (from, line) = igo.years[order[s]];
            Run {
                code: igo.codes[order[s] * n + j],
                from,
                line,
                to: igo.years[order[e - 1]].0,
            }
        });
        emit.state(code, runs, years, cx.existence[j].as_ref());
    }
    emit.out
}

/// The lists of sources a COW IGO event cites, shared by every event.
struct Cites {
    /// [`SOURCE`].
    cow: Arc<[String]>,
    /// [`STATE_EVENT`].
    with_states: Arc<[String]>,
}

/// Turns one state's yearly observations into events.
struct Emitter<'a> {
    /// The records made so far, the IGO's `n`th event numbered `n`.
    out: Made,
    file: &'a Arc<str>,
    org: &'a str,
    /// `org`, shared by the IGO's events and gaps.
    org_shared: Arc<str>,
    cites: &'a Cites,
    /// The note of each run of missing years made so far, shared: an IGO's
    /// gaps are mostly the same years for each of its states (the full
    /// file's 28,647 notes of -9 cells are 135 strings).
    notes: HashMap<(i32, i32), Arc<str>>,
}

impl<'a> Emitter<'a> {
    /// Goes on making the records of IGO `org` after `out`.
    fn new(cx: &Context<'a>, org: &'a str, out: Made) -> Self {
        Emitter {
            out,
            file: cx.file,
            org,
            org_shared: Arc::from(org),
            cites: cx.cites,
            notes: HashMap::default(),
        }
    }

    fn push(
        &mut self,
        member: Option<&Arc<str>>,
        kind: EventKind,
        date: UncertainDate,
        note: &str,
        line: u64,
    ) {
        let cow = Arc::clone(&self.cites.cow);
        self.push_citing(member, kind, date, note, line, cow);
    }

    /// An event citing `sources`.
    fn push_citing(
        &mut self,
        member: Option<&Arc<str>>,
        kind: EventKind,
        date: UncertainDate,
        note: &str,
        line: u64,
        sources: Arc<[String]>,
    ) {
        let ev = Event::shared(
            self.event_id(),
            Arc::clone(&self.org_shared),
            member.cloned(),
            kind,
            vec![Reading::shared(date, note.to_string(), sources)],
        )
        .with_origin(Origin::at(self.file, line));
        self.out.events.push(ev);
    }

    /// The next event's id, `cow-{org}-{n}` for the IGO's `n`th event.
    fn event_id(&self) -> String {
        let mut id = String::with_capacity(self.org.len() + 12);
        id.push_str("cow-");
        id.push_str(self.org);
        id.push('-');
        push_number(&mut id, self.out.events.len() as i64 + 1);
        id
    }

    /// A date made from the rows' years; one the crate cannot hold (past
    /// year 9999) is a problem at `line` instead of an event.
    fn dated(&mut self, date: Result<UncertainDate, Error>, line: u64) -> Option<UncertainDate> {
        date.map_err(|e| {
            self.out
                .problems
                .push(e.in_file(&**self.file).at_line(line))
        })
        .ok()
    }

    /// Replays one state's observations in year order, given as runs of
    /// equal codes (`years`: the IGO's first and last year).
    ///
    /// The rule (see `docs/datasets.md`): an observation is the status at
    /// the end of its year; a change between the known observations of
    /// years `a` and `b` happened on some day of years `a+1..=b`. Missing
    /// years (-9) are not observations: from 1 January after the last known
    /// one until the next known one's 31 December the data says nothing (a
    /// gap, [`Unknown`]), and no event is made up for them. With a state
    /// list, a change to or from `-1` (not a state) falls on the state
    /// system's day when that day lies in the window.
    ///
    /// Only a run's first year can change anything: the years after it
    /// repeat its code (nothing happens) and are not replayed one by one.
    fn state(
        &mut self,
        member: &Arc<str>,
        runs: impl Iterator<Item = Run>,
        (first_year, last_year): (i32, i32),
        existence: Option<&IntervalSet<NaiveDate>>,
    ) {
        // The last known observation: (its year, its code).
        let mut prev: Option<(i32, i8)> = None;
        // Missing years since it: (first, last, the first one's line).
        let mut missing: Option<(i32, i32, u64)> = None;
        for Run {
            code,
            from: year,
            line,
            to,
        } in runs
        {
            if code == MISSING {
                // Runs are maximal: the one before was known (or none).
                missing = Some((year, to, line));
                continue;
            }
            let now = status_of(code);
            let (after, before_code) = prev.unwrap_or((first_year - 1, 0));
            let before = status_of(before_code);
            if let Some((from, to, from_line)) = missing.take() {
                let start = if prev.is_some() { after + 1 } else { from };
                let note = self.missing(from, to);
                self.gap(
                    Some(member),
                    jan1(start),
                    Some(dec31(year)),
                    note,
                    from_line,
                );
                if before != now
                    && let Some(window) = self.dated(window(start, year), line)
                {
                    self.change(
                        member,
                        (before, before_code),
                        (now, code),
                        window,
                        false,
                        line,
                        existence,
                    );
                }
            } else if before != now
                && let Some(window) = self.dated(window(after + 1, year), line)
            {
                let founding = prev.is_none() && year == first_year;
                self.change(
                    member,
                    (before, before_code),
                    (now, code),
                    window,
                    founding,
                    line,
                    existence,
                );
            }
            prev = Some((to, code));
        }
        if let Some((from, to, from_line)) = missing {
            let start = prev.map_or(from, |(after, _)| after + 1);
            let note = self.missing(from, to);
            let until = Some(jan1(last_year + 1));
            self.gap(Some(member), jan1(start), until, note, from_line);
        }
    }

    /// The note of a gap where the cells of the years `from..=to` are -9,
    /// shared with the IGO's other gaps of those years.
    fn missing(&mut self, from: i32, to: i32) -> Arc<str> {
        let note = self.notes.entry((from, to));
        Arc::clone(note.or_insert_with(|| missing_note(from, to).into()))
    }

    /// A gap in the data, for `member` or (with `None`) the whole IGO.
    fn gap(
        &mut self,
        member: Option<&Arc<str>>,
        from: NaiveDate,
        until: Option<NaiveDate>,
        note: Arc<str>,
        line: u64,
    ) {
        let Ok(span) = Span::new(from, until) else {
            return;
        };
        let (org, cow) = (Arc::clone(&self.org_shared), Arc::clone(&self.cites.cow));
        self.out.unknowns.push(
            Unknown::shared(org, member.cloned(), span, note, cow)
                .with_origin(Origin::at(self.file, line)),
        );
    }

    #[allow(clippy::too_many_arguments)] // one state, one change: its two sides and where
    fn change(
        &mut self,
        m: &Arc<str>,
        (before, before_code): (Option<Status>, i8),
        (after, after_code): (Option<Status>, i8),
        date: UncertainDate,
        founding: bool,
        line: u64,
        existence: Option<&IntervalSet<NaiveDate>>,
    ) {
        use Status::{Associate, Member, Observer};
        // The state's birth or end, when the state list puts it in the window.
        let in_window = |d: NaiveDate| date.earliest() <= d && d <= date.latest();
        let born = existence
            .filter(|_| before_code == NOT_A_STATE)
            .and_then(|ex| ex.iter().map(|s| s.start()).find(|&d| in_window(d)));
        let ended = existence
            .filter(|_| after_code == NOT_A_STATE)
            .and_then(|ex| ex.iter().filter_map(|s| s.end()).find(|&d| in_window(d)));
        // A state's end ends its membership with it; its birth only bounds
        // the start (a new state joins some day after it is born: Slovakia
        // entered the system on 1993-01-01 and the UN on 1993-01-19).
        if let (Some(_), Some(day)) = (before, ended)
            && let Some(date) = self.dated(UncertainDate::day(day), line)
        {
            let note = format!(
                "the state's last day in the state system was {} (COW states2016)",
                day.pred_opt().unwrap_or(day)
            );
            self.push_citing(
                Some(m),
                EventKind::StateEnded,
                date,
                &note,
                line,
                Arc::clone(&self.cites.with_states),
            );
            return;
        }
        if let (None, Some(a), Some(day)) = (before, after, born) {
            if let Some(first) = self.dated(UncertainDate::day(day), line) {
                let note = "the state's first day in the state system (COW states2016)";
                self.push_citing(
                    Some(m),
                    EventKind::StateFormed,
                    first,
                    note,
                    line,
                    Arc::clone(&self.cites.with_states),
                );
            }
            let window = if day < date.latest() {
                UncertainDate::between(day, date.latest())
            } else {
                UncertainDate::day(day)
            };
            if let Some(window) = self.dated(window, line) {
                let note = format!("some day after the state entered the state system on {day}");
                self.open(m, a, window, &note, false, line);
            }
            return;
        }
        match (before, after) {
            (Some(Observer | Associate), Some(Member)) => {
                self.push(Some(m), EventKind::Acceded, date, "", line)
            }
            (Some(Observer), Some(Associate)) => {
                self.push(Some(m), EventKind::AssociateGranted, date, "", line)
            }
            _ => {
                if let Some(b) = before {
                    self.close(m, b, date.clone(), "", line);
                }
                if let Some(a) = after {
                    self.open(
                        m,
                        a,
                        date,
                        if founding { "founding member" } else { "" },
                        founding,
                        line,
                    );
                }
            }
        }
    }

    fn open(
        &mut self,
        m: &Arc<str>,
        status: Status,
        date: UncertainDate,
        note: &str,
        founding: bool,
        line: u64,
    ) {
        let kind = match status {
            Status::Member if founding => EventKind::Signed,
            Status::Associate => EventKind::AssociateGranted,
            Status::Observer => EventKind::ObserverGranted,
            _ => EventKind::Acceded,
        };
        self.push(Some(m), kind, date, note, line);
    }

    fn close(&mut self, m: &Arc<str>, status: Status, date: UncertainDate, note: &str, line: u64) {
        let kind = match status {
            Status::Associate => EventKind::AssociateEnded,
            Status::Observer => EventKind::ObserverEnded,
            _ => EventKind::Withdrew,
        };
        self.push(Some(m), kind, date, note, line);
    }
}

/// One state's code over consecutive rows of an IGO (in year order): the
/// first row's year and line, the last row's year.
struct Run {
    code: i8,
    from: i32,
    line: u64,
    to: i32,
}

/// Where a column's code differs from the row before (rows in year order,
/// `codes[row * n + column]`): `(column, position in order)`, by column.
/// Most cells repeat the year before's, so whole stretches of a row are
/// compared at once and only the changes are replayed.
fn changes(codes: &[i8], n: usize, order: &[usize]) -> Vec<(u32, u32)> {
    // Positions are of rows and columns of one file: far below u32::MAX.
    let mut out = Vec::new();
    let mut differ = |p: usize, from: usize, x: &[i8], y: &[i8]| {
        for (i, (u, v)) in x.iter().zip(y).enumerate() {
            if u != v {
                out.push(((from + i) as u32, p as u32));
            }
        }
    };
    for (p, pair) in order.windows(2).enumerate() {
        let (a, b) = (&codes[pair[0] * n..][..n], &codes[pair[1] * n..][..n]);
        // 16 columns compared as one array (one vector comparison).
        let (mut a16, mut b16) = (a.chunks_exact(16), b.chunks_exact(16));
        for (k, (x, y)) in a16.by_ref().zip(b16.by_ref()).enumerate() {
            let same = matches!(
                (<&[i8; 16]>::try_from(x), <&[i8; 16]>::try_from(y)),
                (Ok(x), Ok(y)) if x == y
            );
            if !same {
                differ(p + 1, k * 16, x, y);
            }
        }
        differ(
            p + 1,
            n - a16.remainder().len(),
            a16.remainder(),
            b16.remainder(),
        );
    }
    out.sort_unstable();
    out
}

/// Some day in the years `from..=to`: the year itself when they are one.
fn window(from: i32, to: i32) -> Result<UncertainDate, Error> {
    if from >= to {
        return UncertainDate::year(to);
    }
    // Both years come from checked rows, so these days exist.
    let dec31 = NaiveDate::from_ymd_opt(to, 12, 31).unwrap_or(NaiveDate::MAX);
    UncertainDate::between(jan1(from), dec31)
}

/// The note of a gap of -9 cells in the years `from..=to`: `… in 1990` or
/// `… in 1990–1992`, written in one go (a gap per run of -9s is made).
fn missing_note(from: i32, to: i32) -> String {
    const HEAD: &str = "COW IGO: -9 (missing data) in ";
    let mut note = String::with_capacity(HEAD.len() + 16);
    note.push_str(HEAD);
    push_number(&mut note, from.into());
    if from != to {
        note.push('–');
        push_number(&mut note, to.into());
    }
    note
}

/// Appends `n` in decimal, as `{n}` writes it. Notes and event ids are made
/// for every gap and event, and `format!` cost about as much as the rest of
/// making one.
fn push_number(s: &mut String, n: i64) {
    if n < 0 {
        s.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    s.extend(digits[at..].iter().map(|&d| char::from(d)));
}

fn dec31(year: i32) -> NaiveDate {
    // Years come from checked rows, so the day exists.
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

fn jan1(year: i32) -> NaiveDate {
    // Years come from checked rows (at most one past them), so the day exists.
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_number` and `missing_note` write what `format!` wrote.
    #[test]
    fn numbers_are_written_as_format_writes_them() {
        let edges = [0, 1, -1, 9, 10, -10, 1816, 2014, 99_999, i64::MAX, i64::MIN];
        let spread = (-3_000..3_000).map(|n| n * 7);
        for n in edges.into_iter().chain(spread) {
            let mut s = String::from("x");
            push_number(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
        for (from, to) in [(1990, 1990), (1990, 1992), (-5, 3)] {
            let want = if from == to {
                format!("COW IGO: -9 (missing data) in {from}")
            } else {
                format!("COW IGO: -9 (missing data) in {from}–{to}")
            };
            assert_eq!(missing_note(from, to), want);
        }
    }
}
