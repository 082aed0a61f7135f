//! [`Unknown`]: a stretch of days about which the data says nothing.
//!
//! Missing data is recorded as what it is, never as membership and never as
//! an event: a COW IGO cell of `-9`, the years after a source's last
//! (its coverage), a status no source confirms after some day. On such days
//! every answer is [`Certainty::Unknown`](crate::Certainty::Unknown), with
//! the last status the data gives and this record as the reason.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::history::event::{self, Origin};
use crate::interval::set::Span;

/// A stretch of days the data does not cover, for one member of an
/// organization or (with no member) for all of them: the organization's
/// coverage ends where an open-ended one starts.
///
/// ```
/// use membership_history::{Dataset, Event, EventKind, Party, Reading, Source, Span, Unknown, Certainty};
///
/// let mut b = Dataset::builder();
/// b.add_source(Source::new("ME", "my notes", ""));
/// b.add_party(Party::state("ARM", "Armenia"));
/// b.add_name("X", "X", None, None, ["ME"]);
/// b.add_event(Event::new("1", "X", Some("ARM"), EventKind::Signed,
///     vec![Reading::new("1992-05-15".parse()?, "", ["ME"])]));
/// // Nothing checked after 2020.
/// b.add_unknown(Unknown::new("X", None, Span::from_start("2021-01-01".parse()?), "not checked", ["ME"]));
/// let ds = b.build().strict()?;
/// assert_eq!(ds.status_on("X", "ARM", "2019-06-01")?.certainty(), Certainty::Definite);
/// let later = ds.status_on("X", "ARM", "2025-06-01")?;
/// assert_eq!(later.certainty(), Certainty::Unknown);
/// assert_eq!(later.known_until().map(|d| d.to_string()).as_deref(), Some("2020-12-31"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unknown {
    /// Shared, like the member and the sources: an importer gives the
    /// thousands of gaps of one organization or state one string.
    #[serde(serialize_with = "event::shared_str")]
    pub(crate) org: Arc<str>,
    #[serde(serialize_with = "event::shared_opt")]
    pub(crate) member: Option<Arc<str>>,
    pub(crate) span: Span<NaiveDate>,
    /// Shared too: an importer's gaps of the same years say the same.
    #[serde(serialize_with = "event::shared_str")]
    pub(crate) note: Arc<str>,
    #[serde(serialize_with = "event::strings")]
    pub(crate) sources: Arc<[String]>,
    #[serde(skip)]
    pub(crate) origin: Origin,
}

impl Unknown {
    /// Days `span` of `member` in `org` (every member when `None`) are not
    /// covered by the data; `note` says why (`"COW IGO: -9 (missing data)"`).
    ///
    /// ```
    /// # use membership_history::{Span, Unknown};
    /// let u = Unknown::new("NATO", Some("GFR"), Span::new("1950-01-01".parse()?, Some("1951-01-01".parse()?))?, "-9", ["COW-IGO-3"]);
    /// assert_eq!(u.member(), Some("GFR"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<S: Into<String>>(
        org: impl Into<String>,
        member: Option<&str>,
        span: Span<NaiveDate>,
        note: impl Into<String>,
        sources: impl IntoIterator<Item = S>,
    ) -> Self {
        Unknown {
            org: org.into().into(),
            member: member.map(Arc::from),
            span,
            note: note.into().into(),
            sources: sources.into_iter().map(Into::into).collect(),
            origin: Origin::default(),
        }
    }

    /// [`Unknown::new`] with its strings shared with other records.
    pub(crate) fn shared(
        org: Arc<str>,
        member: Option<Arc<str>>,
        span: Span<NaiveDate>,
        note: Arc<str>,
        sources: Arc<[String]>,
    ) -> Self {
        Unknown {
            org,
            member,
            span,
            note,
            sources,
            origin: Origin::default(),
        }
    }

    /// The same record, read at `origin` (for error messages).
    ///
    /// ```
    /// # use membership_history::{Origin, Span, Unknown};
    /// let u = Unknown::new("X", None, Span::from_start("2020-01-01".parse()?), "", ["S"])
    ///     .with_origin(Origin::new("unknown.csv", 2));
    /// assert_eq!(u.origin().to_string(), "unknown.csv:2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// The organization's id (as given).
    ///
    /// ```
    /// # use membership_history::{Span, Unknown};
    /// let u = Unknown::new("X", None, Span::from_start("2020-01-01".parse()?), "", ["S"]);
    /// assert_eq!(u.org(), "X");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn org(&self) -> &str {
        &self.org
    }

    /// The member it is about; `None` for every member of the organization.
    ///
    /// ```
    /// # use membership_history::{Span, Unknown};
    /// let u = Unknown::new("X", None, Span::from_start("2020-01-01".parse()?), "", ["S"]);
    /// assert_eq!(u.member(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn member(&self) -> Option<&str> {
        self.member.as_deref()
    }

    /// The days not covered (half-open; an open end is "from then on").
    ///
    /// ```
    /// # use membership_history::{Span, Unknown};
    /// let u = Unknown::new("X", None, Span::from_start("2020-01-01".parse()?), "", ["S"]);
    /// assert_eq!(u.span().to_string(), "2020-01-01..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn span(&self) -> Span<NaiveDate> {
        self.span
    }

    /// Why the data says nothing there.
    ///
    /// ```
    /// # use membership_history::{Span, Unknown};
    /// let u = Unknown::new("X", None, Span::from_start("2020-01-01".parse()?), "not checked", ["S"]);
    /// assert_eq!(u.note(), "not checked");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The sources (by id) that show the gap: the file with the missing
    /// cell, the dataset whose coverage ends.
    ///
    /// ```
    /// # use membership_history::{Span, Unknown};
    /// let u = Unknown::new("X", None, Span::from_start("2020-01-01".parse()?), "", ["S"]);
    /// assert_eq!(u.sources(), ["S"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Where it was read.
    ///
    /// ```
    /// # use membership_history::{Span, Unknown};
    /// let u = Unknown::new("X", None, Span::from_start("2020-01-01".parse()?), "", ["S"]);
    /// assert_eq!(u.origin().to_string(), "(no origin)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The last day the data speaks for before this gap.
    pub(crate) fn known_until(&self) -> Option<NaiveDate> {
        self.span.start().pred_opt()
    }
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.span.end() {
            Some(end) => write!(
                f,
                "no data from {} to {}",
                self.span.start(),
                end.pred_opt().unwrap_or(end)
            )?,
            None => write!(f, "no data from {} on", self.span.start())?,
        }
        if !self.note.is_empty() {
            write!(f, " ({})", self.note)?;
        }
        if !self.sources.is_empty() {
            write!(f, " [{}]", self.sources.join("; "))?;
        }
        Ok(())
    }
}
