//! Dated, sourced [`Event`]s, each with one or more [`Reading`]s of its date.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::history::date::UncertainDate;
use crate::history::status::EventKind;

/// One source's account of when an event happened.
///
/// ```
/// use membership_history::bundled;
///
/// let ds = bundled();
/// let georgia = ds.timeline("CSTO", "GEO")?;
/// let accession = ds.event(georgia.spells()[0].opened_by()).unwrap();
/// let readings = accession.readings();
/// assert_eq!(readings[0].date().to_string(), "1993-12-09");
/// assert_eq!(readings[1].date().to_string(), "1993-09-09");
/// assert!(readings[1].sources().iter().any(|s| s == "WP-RU"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading {
    pub(crate) date: UncertainDate,
    pub(crate) note: String,
    /// Shared: an importer gives thousands of readings one list, and one
    /// list of a few strings was three allocations per reading.
    #[serde(serialize_with = "strings")]
    pub(crate) sources: Arc<[String]>,
}

/// Serializes shared strings as the sequence they are (serde's `Arc` support
/// is behind its `rc` feature).
pub(crate) fn strings<S: Serializer>(list: &Arc<[String]>, s: S) -> Result<S::Ok, S::Error> {
    list[..].serialize(s)
}

/// Serializes a shared string as the string it is.
pub(crate) fn shared_str<S: Serializer>(text: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(text)
}

/// Serializes a shared optional string as the optional string it is.
pub(crate) fn shared_opt<S: Serializer>(text: &Option<Arc<str>>, s: S) -> Result<S::Ok, S::Error> {
    text.as_deref().serialize(s)
}

impl Reading {
    /// A reading of `date` given by `sources`, with an optional note.
    ///
    /// ```
    /// # use membership_history::Reading;
    /// let r = Reading::new("1993".parse()?, "year only", ["COW-IGO"]);
    /// assert_eq!(r.note(), "year only");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<S: Into<String>>(
        date: UncertainDate,
        note: impl Into<String>,
        sources: impl IntoIterator<Item = S>,
    ) -> Self {
        let sources = sources.into_iter().map(Into::into).collect();
        Reading::shared(date, note.into(), sources)
    }

    /// A reading citing a list of sources shared with other readings.
    pub(crate) fn shared(date: UncertainDate, note: String, sources: Arc<[String]>) -> Self {
        Reading {
            date,
            note,
            sources,
        }
    }

    /// The date this reading gives.
    ///
    /// ```
    /// # use membership_history::Reading;
    /// let r = Reading::new("1993-09".parse()?, "", ["X"]);
    /// assert!(!r.date().is_exact());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self) -> &UncertainDate {
        &self.date
    }

    /// What the sources say, in a few words (may be empty).
    ///
    /// ```
    /// # use membership_history::Reading;
    /// assert_eq!(Reading::new("2006".parse()?, "protocol", ["X"]).note(), "protocol");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The ids of the sources that give this reading.
    ///
    /// ```
    /// # use membership_history::Reading;
    /// assert_eq!(Reading::new("2006".parse()?, "", ["A", "B"]).sources(), ["A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// Where a record came from, for error messages: file and line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Shared: every record read from one file names it.
    #[serde(serialize_with = "shared_opt")]
    pub(crate) file: Option<Arc<str>>,
    pub(crate) line: Option<u64>,
}

impl Origin {
    /// A record at `line` of `file`.
    ///
    /// ```
    /// # use membership_history::Origin;
    /// let o = Origin::new("events.csv", 7);
    /// assert_eq!(o.to_string(), "events.csv:7");
    /// ```
    pub fn new(file: impl Into<String>, line: u64) -> Self {
        Origin {
            file: Some(file.into().into()),
            line: Some(line),
        }
    }

    /// A record at `line` of `file`, the name shared with the file's other
    /// records.
    pub(crate) fn at(file: &Arc<str>, line: u64) -> Self {
        Origin {
            file: Some(Arc::clone(file)),
            line: Some(line),
        }
    }

    pub(crate) fn attach(&self, mut e: crate::Error) -> crate::Error {
        if let Some(f) = &self.file {
            e = e.in_file(&**f);
        }
        if let Some(l) = self.line {
            e = e.at_line(l);
        }
        e
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}"),
            (Some(file), None) => write!(f, "{file}"),
            (None, Some(line)) => write!(f, "line {line}"),
            (None, None) => f.write_str("(no origin)"),
        }
    }
}

/// Identifies an [`Event`] within its [`Dataset`](crate::Dataset): found
/// with [`Dataset::event`](crate::Dataset::event), which answers `None` for
/// an id that is not one of its events (another dataset's, say).
///
/// ```
/// # use membership_history::bundled;
/// let ds = bundled();
/// let tl = ds.timeline("CSTO", "ARM")?;
/// let id = tl.spells()[0].opened_by();
/// assert_eq!(ds.event(id).map(|e| e.member()), Some(Some("ARM")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventId(pub(crate) u32);

impl EventId {
    pub(crate) fn new(i: usize) -> Self {
        EventId(u32::try_from(i).unwrap_or(u32::MAX))
    }

    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

impl std::ops::Index<EventId> for [Event] {
    type Output = Event;
    fn index(&self, id: EventId) -> &Event {
        &self[id.index()]
    }
}

impl std::ops::Index<EventId> for Vec<Event> {
    type Output = Event;
    fn index(&self, id: EventId) -> &Event {
        &self[id.index()]
    }
}

/// Something that happened to a member of an organization (or to the
/// organization itself), with every reading of its date and their sources.
///
/// The first reading is the preferred one: two-valued answers use its
/// earliest day. All readings together bound the three-valued answers.
///
/// ```
/// use membership_history::{bundled, EventKind};
///
/// let ds = bundled();
/// let uzb = ds.timeline("CSTO", "UZB")?;
/// // Participation frozen in 1998, out when the first term ended:
/// let left = ds.event(uzb.spells()[1].closed_by().unwrap()).unwrap();
/// assert_eq!(left.kind(), EventKind::NotRenewed);
/// assert_eq!(left.day().to_string(), "1999-04-21"); // the term's last day was 04-20 (PROT-1999)
/// assert_eq!(left.earliest().to_string(), "1999-04-20"); // ATOP and Gibler's reading
/// assert!(left.is_disputed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub(crate) id: String,
    /// Shared, like the member: an importer gives an organization's and a
    /// member's events one string.
    #[serde(serialize_with = "shared_str")]
    pub(crate) org: Arc<str>,
    #[serde(serialize_with = "shared_opt")]
    pub(crate) member: Option<Arc<str>>,
    pub(crate) kind: EventKind,
    pub(crate) readings: Vec<Reading>,
    pub(crate) origin: Origin,
    /// Lines of the rows after the first that gave further readings, so that
    /// refusing the event names every row it came from.
    #[serde(skip)]
    pub(crate) more_lines: Vec<u64>,
}

impl Event {
    /// An event of `kind` for `member` (or the organization itself when
    /// `None`), with its preferred reading first.
    ///
    /// ```
    /// # use membership_history::{Event, EventKind, Reading};
    /// let e = Event::new("e1", "CSTO", Some("ARM"), EventKind::Signed,
    ///     vec![Reading::new("1992-05-15".parse()?, "", ["ATOP"])]);
    /// assert_eq!(e.member(), Some("ARM"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        org: impl Into<String>,
        member: Option<&str>,
        kind: EventKind,
        readings: Vec<Reading>,
    ) -> Self {
        let org = org.into().into();
        Event::shared(id.into(), org, member.map(Arc::from), kind, readings)
    }

    /// [`Event::new`] with the organization's and member's strings shared
    /// with other events.
    pub(crate) fn shared(
        id: String,
        org: Arc<str>,
        member: Option<Arc<str>>,
        kind: EventKind,
        readings: Vec<Reading>,
    ) -> Self {
        Event {
            id,
            org,
            member,
            kind,
            readings,
            origin: Origin::default(),
            more_lines: Vec::new(),
        }
    }

    /// The same event, remembering where it was read (for error messages).
    ///
    /// ```
    /// # use membership_history::{Event, EventKind, Origin, Reading};
    /// let e = Event::new("e1", "CSTO", Some("ARM"), EventKind::Signed,
    ///     vec![Reading::new("1992-05-15".parse()?, "", ["ATOP"])])
    ///     .with_origin(Origin::new("my.csv", 2));
    /// assert_eq!(e.origin().to_string(), "my.csv:2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// The event's id in its file.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert!(!ds.events().next().unwrap().id().is_empty());
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The organization's id.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().events().any(|e| e.org() == "UNGA"));
    /// ```
    pub fn org(&self) -> &str {
        &self.org
    }

    /// The member's code, `None` for an event of the organization itself.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().events().any(|e| e.member() == Some("CSTO")));
    /// ```
    pub fn member(&self) -> Option<&str> {
        self.member.as_deref()
    }

    /// What the event does.
    ///
    /// ```
    /// # use membership_history::{bundled, EventKind};
    /// assert!(bundled().events().any(|e| e.kind() == EventKind::Suspended));
    /// ```
    pub fn kind(&self) -> EventKind {
        self.kind
    }

    /// Every reading of the date; the first is preferred.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().events().all(|e| !e.readings().is_empty()));
    /// ```
    pub fn readings(&self) -> &[Reading] {
        &self.readings
    }

    /// Where the event was read from.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert!(ds.events().next().unwrap().origin().to_string().starts_with("events.csv:"));
    /// ```
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The day two-valued answers use: the preferred reading's earliest day.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let tl = ds.timeline("CSTO-PA", "SRB")?;
    /// assert_eq!(ds.event(tl.spells()[0].opened_by()).unwrap().day().to_string(), "2013-01-01"); // "2013"
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn day(&self) -> NaiveDate {
        // An event built with no readings is refused by the builder; the
        // fallback keeps this total for such an event before it is checked.
        self.readings
            .first()
            .map_or(NaiveDate::MIN, |r| r.date.earliest())
    }

    /// The earliest day any reading allows.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let geo = ds.timeline("CSTO", "GEO")?;
    /// assert_eq!(ds.event(geo.spells()[0].opened_by()).unwrap().earliest().to_string(), "1993-09-09");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn earliest(&self) -> NaiveDate {
        self.readings
            .iter()
            .map(|r| r.date.earliest())
            .min()
            .unwrap_or(NaiveDate::MIN)
    }

    /// The latest day any reading allows.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let geo = ds.timeline("CSTO", "GEO")?;
    /// assert_eq!(ds.event(geo.spells()[0].opened_by()).unwrap().latest().to_string(), "1993-12-09");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn latest(&self) -> NaiveDate {
        self.readings
            .iter()
            .map(|r| r.date.latest())
            .max()
            .unwrap_or(NaiveDate::MAX)
    }

    /// Whether its date is uncertain: several readings, or a reading less
    /// precise than a day.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let arm = ds.timeline("CSTO", "ARM")?;
    /// assert!(!ds.event(arm.spells()[0].opened_by()).unwrap().is_disputed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_disputed(&self) -> bool {
        self.readings.len() > 1 || self.readings.first().is_some_and(|r| !r.date.is_exact())
    }
}
