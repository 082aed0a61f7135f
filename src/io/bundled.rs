//! The bundled-data format (four CSV tables, each row citing its sources)
//! and the embedded CST/CSTO dataset, [`bundled`].
//!
//! The format is described in `data/README.md`; in short:
//!
//! | file | columns |
//! |---|---|
//! | `sources.csv` | `id,citation,url` |
//! | `parties.csv` | `code,name,cow_code,cow_abbreviation,sources` |
//! | `names.csv` | `org,kind,name,from,until,sources` (`kind`: `official` or `alias`) |
//! | `events.csv` | `event,org,member,kind,date,note,sources` |
//!
//! `sources` lists source ids separated by `;`. Rows of `events.csv` that
//! share an `event` id are readings of one event's date, the preferred first.

use std::collections::HashMap;
use std::io::Read;
use std::sync::LazyLock;

use crate::error::{Error, ErrorKind};
use crate::history::dataset::{Dataset, DatasetBuilder};
use crate::history::date::{UncertainDate, parse_day};
use crate::history::event::{Event, Reading};
use crate::history::party::{NameKind, Party, Source};
use crate::history::status::EventKind;
use crate::history::unknown::Unknown;
use crate::interval::set::Span;
use crate::io::read::Bundled;
use crate::io::table::{Columns, Row, Table};

/// The version of the bundled dataset; bumped whenever a fact changes.
pub const BUNDLED_VERSION: &str = "2026.12.1";

const SOURCES: &str = include_str!("../../data/sources.csv");
const PARTIES: &str = include_str!("../../data/parties.csv");
const NAMES: &str = include_str!("../../data/names.csv");
const EVENTS: &str = include_str!("../../data/events.csv");
const UNKNOWN: &str = include_str!("../../data/unknown.csv");

/// The last day the bundled data was checked against its sources: its
/// coverage. After it every answer is [`Certainty::Unknown`](crate::Certainty::Unknown),
/// with the last known status (`data/unknown.csv`, `data/README.md`).
pub const BUNDLED_VERIFIED_AS_OF: &str = "2025-11-27";

/// The embedded text of one table.
pub(crate) fn table_text(table: Bundled) -> &'static str {
    match table {
        Bundled::Sources => SOURCES,
        Bundled::Parties => PARTIES,
        Bundled::Names => NAMES,
        Bundled::Events => EVENTS,
        Bundled::Unknown => UNKNOWN,
    }
}

static BUNDLED: LazyLock<Dataset> = LazyLock::new(|| {
    let mut b = Dataset::builder();
    let tables = [SOURCES, PARTIES, NAMES, EVENTS, UNKNOWN];
    for (table, text) in Bundled::ALL.into_iter().zip(tables) {
        b.read(table, text.as_bytes(), table.file_name());
    }
    // The embedded files are checked by this crate's tests (`tests/bundled.rs`
    // builds them strictly), so a failure here is a bug in the release itself.
    match b.build().strict() {
        Ok(ds) => ds,
        Err(e) => panic!("the bundled dataset is invalid: {e}"),
    }
});

/// The bundled Collective Security Treaty (1992) / CSTO (2002) dataset,
/// parsed once on first use.
///
/// It holds the CSTO (one body under both names, found by `CST`, `CSTO`,
/// `ODKB`), the CSTO Parliamentary Assembly (`CSTO-PA`) and the UN General
/// Assembly (`UNGA`, where the CSTO is an observer). See `data/README.md`.
///
/// # Panics
///
/// Never on a released crate: the embedded data is validated by its tests.
///
/// ```
/// use membership_history::{bundled, parse_day};
///
/// let ds = bundled();
/// let mut members: Vec<&str> = ds
///     .members_on("CSTO", "2000-01-01")?
///     .filter(|a| a.is_definite_member())
///     .map(|a| a.party().code())
///     .collect();
/// members.sort();
/// assert_eq!(members, ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn bundled() -> &'static Dataset {
    &BUNDLED
}

impl DatasetBuilder {
    /// Reads `unknown.csv`: `org,member,from,until,note,sources`, one
    /// stretch of days the data does not cover per row: from `from`
    /// (included) until `until` (excluded; empty = from then on), for
    /// `member` or, when empty, every member of `org` (its coverage end).
    ///
    /// ```
    /// # use membership_history::{Bundled, Certainty, Dataset};
    /// let mut b = Dataset::builder();
    /// b.read(Bundled::Sources, "id,citation,url\nME,my notes,\n".as_bytes(), "sources.csv");
    /// b.read(Bundled::Names, "org,kind,name,from,until,sources\nX,official,X,,,ME\n".as_bytes(), "names.csv");
    /// b.read(Bundled::Unknown, "org,member,from,until,note,sources\nX,,2021-01-01,,not checked after 2020,ME\n".as_bytes(), "unknown.csv");
    /// assert_eq!(b.build().strict()?.known_until("X")?.map(|d| d.to_string()).as_deref(), Some("2020-12-31"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub(crate) fn unknown_table(&mut self, input: impl Read, file: &str) -> usize {
        let cols = Columns {
            required: &["org", "member", "from", "until", "note", "sources"],
            allow_others: false,
        };
        self.each_row(input, file, &cols, false, |b, t, row| {
            let org = row.get(t[0]);
            if org.is_empty() {
                return Err(row.error(
                    t[0],
                    ErrorKind::InvalidValue("a gap needs its organization".into()),
                ));
            }
            let member = Some(row.get(t[1])).filter(|m| !m.is_empty());
            let from = parse_day(row.get(t[2])).map_err(|e| row.locate(t[2], e))?;
            let until = match row.get(t[3]) {
                "" => None,
                text => Some(parse_day(text).map_err(|e| row.locate(t[3], e))?),
            };
            let span = Span::new(from, until).map_err(|e| row.locate(t[3], e))?;
            b.add_unknown(
                Unknown::new(org, member, span, row.get(t[4]), sources(row, t[5])?)
                    .with_origin(row.origin()),
            );
            Ok(())
        })
    }

    /// Reads `sources.csv`: `id,citation,url`.
    ///
    /// ```
    /// # use membership_history::{Bundled, Dataset};
    /// let mut b = Dataset::builder();
    /// b.read(Bundled::Sources, "id,citation,url\nME,my notes,\n".as_bytes(), "sources.csv");
    /// assert!(b.build().strict()?.source("ME").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub(crate) fn sources_table(&mut self, input: impl Read, file: &str) -> usize {
        let cols = Columns {
            required: &["id", "citation", "url"],
            allow_others: false,
        };
        self.each_row(input, file, &cols, true, |b, t, row| {
            let (id, citation) = (row.get(t[0]), row.get(t[1]));
            if id.is_empty() {
                return Err(row.error(t[0], ErrorKind::InvalidValue("a source needs an id".into())));
            }
            if citation.is_empty() {
                return Err(row.error(
                    t[1],
                    ErrorKind::InvalidValue("a source needs a citation".into()),
                ));
            }
            b.push_source(Source::new(id, citation, row.get(t[2])), row.origin());
            Ok(())
        })
    }

    /// Reads `parties.csv`: `code,name,cow_code,cow_abbreviation,sources`.
    ///
    /// ```
    /// # use membership_history::{Bundled, Dataset};
    /// let mut b = Dataset::builder();
    /// b.read(Bundled::Sources, "id,citation,url\nCOW,COW states 2016,\n".as_bytes(), "sources.csv");
    /// b.read(Bundled::Parties, "code,name,cow_code,cow_abbreviation,sources\nSRB,Serbia,345,YUG,COW\n".as_bytes(), "parties.csv");
    /// assert_eq!(b.build().strict()?.party("SRB").unwrap().cow_code(), Some(345));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub(crate) fn parties_table(&mut self, input: impl Read, file: &str) -> usize {
        let cols = Columns {
            required: &["code", "name", "cow_code", "cow_abbreviation", "sources"],
            allow_others: false,
        };
        self.each_row(input, file, &cols, true, |b, t, row| {
            let code = row.get(t[0]);
            if code.is_empty() || code.contains(char::is_whitespace) {
                return Err(row.error(
                    t[0],
                    ErrorKind::InvalidValue("a party code is one word, such as ARM".into()),
                ));
            }
            let mut party = Party::state(code, row.get(t[1])).with_sources(sources(row, t[4])?);
            match (row.get(t[2]), row.get(t[3])) {
                ("", "") => {}
                (_, "") => {
                    return Err(row.error(
                        t[3],
                        ErrorKind::InvalidValue(
                            "a COW code comes with its abbreviation (both or neither)".into(),
                        ),
                    ));
                }
                (num, abb) => {
                    // Digits only: `u16::from_str` takes `+373` too.
                    let digits = !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit());
                    let n: u16 = num.parse().ok().filter(|_| digits).ok_or_else(|| {
                        row.error(
                            t[2],
                            ErrorKind::InvalidValue(
                                "a COW code is a whole number from 1 to 999".into(),
                            ),
                        )
                    })?;
                    if !(1..=999).contains(&n) {
                        return Err(row.error(
                            t[2],
                            ErrorKind::InvalidValue(
                                "a COW code is a whole number from 1 to 999".into(),
                            ),
                        ));
                    }
                    party = party.with_cow(n, abb);
                }
            }
            if row.get(t[1]).is_empty() {
                return Err(row.error(t[1], ErrorKind::InvalidValue("a party needs a name".into())));
            }
            b.push_party(party, row.origin());
            Ok(())
        })
    }

    /// Reads `names.csv`: `org,kind,name,from,until,sources`.
    ///
    /// ```
    /// # use membership_history::{Bundled, Dataset, parse_day};
    /// let mut b = Dataset::builder();
    /// b.read(Bundled::Sources, "id,citation,url\nS,s,\n".as_bytes(), "sources.csv");
    /// b.read(Bundled::Names, "org,kind,name,from,until,sources\nX,official,Ex,2000-01-01,,S\n".as_bytes(), "names.csv");
    /// let ds = b.build().strict()?;
    /// assert_eq!(ds.organization("X").unwrap().name_on(parse_day("2001-01-01")?), Some("Ex"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub(crate) fn names_table(&mut self, input: impl Read, file: &str) -> usize {
        let cols = Columns {
            required: &["org", "kind", "name", "from", "until", "sources"],
            allow_others: false,
        };
        self.each_row(input, file, &cols, true, |b, t, row| {
            let org = row.get(t[0]);
            if org.is_empty() {
                return Err(row.error(
                    t[0],
                    ErrorKind::InvalidValue("a name needs its organization's id".into()),
                ));
            }
            let kind = match row.get(t[1]) {
                "official" => NameKind::Official,
                "alias" => NameKind::Alias,
                _ => {
                    return Err(row.error(
                        t[1],
                        ErrorKind::InvalidValue("a name's kind is `official` or `alias`".into()),
                    ));
                }
            };
            let name = row.get(t[2]);
            if name.is_empty() {
                return Err(row.error(
                    t[2],
                    ErrorKind::InvalidValue("a name cannot be empty".into()),
                ));
            }
            let day = |col: usize| match row.get(col) {
                "" => Ok(None),
                s => parse_day(s).map(Some).map_err(|e| row.locate(col, e)),
            };
            let (from, until) = (day(t[3])?, day(t[4])?);
            if let (Some(f), Some(u)) = (from, until)
                && u <= f
            {
                return Err(row.error(
                    t[4],
                    ErrorKind::EndBeforeStart {
                        start: f.to_string(),
                        end: u.to_string(),
                    },
                ));
            }
            let srcs = sources(row, t[5])?;
            b.push_name(
                org.to_string(),
                kind,
                name.to_string(),
                from,
                until,
                srcs,
                row.origin(),
            );
            Ok(())
        })
    }

    /// Reads `events.csv`: `event,org,member,kind,date,note,sources`. Rows
    /// sharing an `event` id are readings of its date, preferred first.
    ///
    /// ```
    /// # use membership_history::{Bundled, Dataset, ErrorKind};
    /// let mut b = Dataset::builder();
    /// b.read(Bundled::Events, "event,org,member,kind,date,note,sources\ne1,X,ARM,signed,1992-13-01,,S\n".as_bytes(), "events.csv");
    /// let err = b.build().strict().unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::InvalidDate(_)));
    /// assert_eq!((err.line(), err.field()), (Some(2), Some("date")));
    /// ```
    pub(crate) fn events_table(&mut self, input: impl Read, file: &str) -> usize {
        let cols = Columns {
            required: &["event", "org", "member", "kind", "date", "note", "sources"],
            allow_others: false,
        };
        let mut events: Vec<Event> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let rows = self.each_row(input, file, &cols, true, |_, t, row| {
            let id = row.get(t[0]);
            if id.is_empty() {
                return Err(row.error(t[0], ErrorKind::InvalidValue("an event needs an id".into())));
            }
            let org = row.get(t[1]);
            if org.is_empty() {
                return Err(row.error(t[1], ErrorKind::InvalidValue("an event needs an organization".into())));
            }
            let member = Some(row.get(t[2])).filter(|m| !m.is_empty());
            let kind: EventKind = row.get(t[3]).parse().map_err(|e| row.locate(t[3], e))?;
            let date: UncertainDate = row.get(t[4]).parse().map_err(|e| row.locate(t[4], e))?;
            let reading = Reading::new(date, row.get(t[5]), sources(row, t[6])?);
            match by_id.get(id) {
                Some(&i) => {
                    let first = &mut events[i];
                    let mismatch = [
                        (t[1], *first.org != *org),
                        (t[2], first.member.as_deref() != member),
                        (t[3], first.kind != kind),
                    ];
                    if let Some(&(col, _)) = mismatch.iter().find(|(_, bad)| *bad) {
                        return Err(row.error(
                            col,
                            ErrorKind::InvalidValue(format!(
                                "rows of event `{id}` are readings of one event and must agree on org, member and kind (first at {})",
                                first.origin
                            )),
                        ));
                    }
                    // A copied row would look like two sources agreeing on
                    // a date the event has only once.
                    if first.readings.iter().any(|r| r.date == reading.date) {
                        return Err(row.error(
                            t[4],
                            ErrorKind::Duplicate(format!(
                                "event `{id}` already has the reading {} (event first at {}); a copied row?",
                                reading.date, first.origin
                            )),
                        ));
                    }
                    first.readings.push(reading);
                    first.more_lines.push(row.line());
                }
                None => {
                    by_id.insert(id.to_string(), events.len());
                    events.push(
                        Event::new(id, org, member, kind, vec![reading])
                            .with_origin(row.origin()),
                    );
                }
            }
            Ok(())
        });
        for e in events {
            self.add_event(e);
        }
        rows
    }

    /// Opens a table and hands each row to `f`; every failure becomes a
    /// problem, so a lenient build sees them all.
    fn each_row<R: Read>(
        &mut self,
        input: R,
        file: &str,
        cols: &Columns<'_>,
        require_rows: bool,
        mut f: impl FnMut(&mut Self, &[usize], &Row<'_>) -> Result<(), Error>,
    ) -> usize {
        self.reading_file(file);
        let mut table = match Table::open(file, input, cols) {
            Ok(t) => t,
            Err(e) => {
                self.problem(e);
                return 0;
            }
        };
        let idx: Vec<usize> = cols.required.iter().map(|c| table.col(c)).collect();
        let mut rows = 0;
        while let Some(row) = table.next_row() {
            rows += 1;
            let result = row.and_then(|row| f(self, &idx, &row));
            if let Err(e) = result {
                self.problem(e);
            }
        }
        if require_rows && rows == 0 {
            let e = Error::new(ErrorKind::Empty("the file has a header but no rows".into()))
                .in_file(table.file())
                .at_line(2);
            self.problem(e);
        }
        rows
    }
}

/// Parses a `;`-separated list of source ids; at least one is required.
fn sources(row: &Row<'_>, col: usize) -> Result<Vec<String>, Error> {
    let ids: Vec<String> = row
        .get(col)
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if ids.is_empty() {
        return Err(row.error(
            col,
            ErrorKind::InvalidValue("every row names its source (ids separated by `;`)".into()),
        ));
    }
    Ok(ids)
}
