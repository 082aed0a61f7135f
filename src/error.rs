//! The crate's one error type, [`Error`], and what it can say, [`ErrorKind`].
//!
//! Data errors say where: the file, the line, the field and the offending
//! value, then the rule that was broken, all on one line a person can act on:
//!
//! ```text
//! events.csv:12: field `date`, value "1993-02-30": invalid date: no such day in the calendar
//! ```
//!
//! `Debug` prints the same line, so an error that reaches
//! `fn main() -> Result<(), Box<dyn std::error::Error>>` reads as its message,
//! and [`std::error::Error::source`] gives the I/O or CSV error behind one.

use std::error::Error as StdError;
use std::fmt;
use std::io;
use std::sync::Arc;

/// What went wrong, with the rule that was broken. Match on it to handle
/// kinds of errors differently; the [`Error`] carries where it happened.
///
/// ```
/// use membership_history::{ErrorKind, IntervalSet};
///
/// let err = "5..3".parse::<IntervalSet<i32>>().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::EndBeforeStart { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be read (or the output not written) at all: the
    /// kind of the I/O error, whose whole [`io::Error`] is the error's
    /// [`source`](std::error::Error::source).
    ///
    /// ```
    /// use membership_history::{Dataset, ErrorKind};
    ///
    /// let err = Dataset::builder().read_dir("/no/such/dir").build().strict().unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::Io(std::io::ErrorKind::NotFound));
    /// ```
    #[error("cannot read input: {0}")]
    Io(io::ErrorKind),
    /// The input is empty, or has a header and no rows where rows are required.
    #[error("{0}")]
    Empty(String),
    /// The CSV itself is malformed (bad quoting, invalid UTF-8); the
    /// [`csv::Error`] is the error's [`source`](std::error::Error::source).
    #[error("malformed CSV: {0}")]
    Csv(String),
    /// A required column is missing from the header, or a column is unknown.
    #[error("bad header: {0}")]
    Header(String),
    /// A row has a different number of fields than the header.
    #[error("wrong number of fields: the header has {expected}, this row has {found}")]
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A date, or a date in the uncertain-date text form, is invalid.
    #[error("invalid date: {0}")]
    InvalidDate(String),
    /// A range ends on or before its start.
    #[error("end {end} is not after start {start}")]
    EndBeforeStart {
        /// The start as written.
        start: String,
        /// The end as written.
        end: String,
    },
    /// A value is not one the field allows (a word where a number belongs,
    /// an unknown status code, an out-of-range number).
    #[error("invalid value: {0}")]
    InvalidValue(String),
    /// A state or other member code that the data does not define.
    #[error("unknown party `{}` (not in the parties table)", shown(.0))]
    UnknownParty(String),
    /// An organization name, id or alias that the data does not define.
    #[error("unknown organization `{}` (no organization has this id or name)", shown(.0))]
    UnknownOrganization(String),
    /// A source id that the sources table does not define.
    #[error("unknown source `{}` (not in the sources table)", shown(.0))]
    UnknownSource(String),
    /// The same thing is defined or recorded twice.
    #[error("duplicate: {0}")]
    Duplicate(String),
    /// Events that cannot happen in this order: a return with no prior exit
    /// or suspension, a suspension of a non-member, two memberships at once,
    /// an event after the organization ended.
    #[error("impossible sequence: {0}")]
    Sequence(String),
    /// A membership while the state did not exist in the state system.
    #[error("state did not exist: {0}")]
    StateNotInSystem(String),
}

/// The crate's error: an [`ErrorKind`] and, for data, where it happened.
///
/// ```
/// use membership_history::{Bundled, Dataset, ErrorKind};
///
/// let csv = "event,org,member,kind,date,note,sources\n\
///            e1,CSTO,ARM,signed,1992-02-30,,WP-RU\n";
/// let mut builder = Dataset::builder();
/// builder.read(Bundled::Events, csv.as_bytes(), "events.csv");
/// let err = builder.build().strict().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::InvalidDate(_)));
/// assert_eq!(err.line(), Some(2));
/// assert_eq!(err.field(), Some("date"));
/// assert_eq!(err.value(), Some("1992-02-30"));
/// // `Debug` is the message, as `main` returning an error prints it.
/// let message = "events.csv:2: field `date`, value \"1992-02-30\": \
///                invalid date: 1992-02 has no day 30";
/// assert_eq!(err.to_string(), message);
/// assert_eq!(format!("{err:?}"), message);
/// ```
///
/// An error about reading keeps the [`io::Error`] as its
/// [`source`](std::error::Error::source):
///
/// ```
/// use std::error::Error as _;
/// use membership_history::Dataset;
///
/// let err = Dataset::builder().read_dir("/no/such/dir").build().strict().unwrap_err();
/// let io = err.source().and_then(|e| e.downcast_ref::<std::io::Error>()).unwrap();
/// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
/// ```
///
/// Two errors are equal when they say the same: the same kind, position and
/// message (the sources compared by their messages).
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    file: Option<String>,
    line: Option<u64>,
    field: Option<String>,
    value: Option<String>,
    source: Option<Source>,
    /// Near misses for an unknown name: `(id, what it names)`.
    suggestions: Vec<(String, String)>,
}

/// The error behind an [`ErrorKind::Io`] or [`ErrorKind::Csv`], kept whole
/// (shared, so that [`Error`] stays `Clone`).
#[derive(Clone)]
struct Source {
    error: Arc<dyn StdError + Send + Sync + 'static>,
    /// Where the I/O happened (a path), when the file name alone is not it.
    place: Option<String>,
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        self.place == other.place && self.error.to_string() == other.error.to_string()
    }
}

impl Eq for Source {}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                file: None,
                line: None,
                field: None,
                value: None,
                source: None,
                suggestions: Vec::new(),
            }),
        }
    }

    /// An [`ErrorKind::Io`] that keeps `err` as its source.
    pub(crate) fn io(err: io::Error) -> Self {
        let mut e = Error::new(ErrorKind::Io(err.kind()));
        e.inner.source = Some(Source {
            error: Arc::new(err),
            place: None,
        });
        e
    }

    /// An [`ErrorKind::Io`] about `path`, which the message names before the
    /// I/O error's own text.
    pub(crate) fn io_at(path: &std::path::Path, err: io::Error) -> Self {
        let mut e = Error::io(err);
        if let Some(s) = &mut e.inner.source {
            s.place = Some(path.display().to_string());
        }
        e
    }

    /// An error about a CSV reader or writer: an [`ErrorKind::Io`] when it
    /// is an I/O error (the [`io::Error`] kept), else an [`ErrorKind::Csv`]
    /// saying `message` (the whole [`csv::Error`] kept).
    pub(crate) fn csv(err: csv::Error, message: impl FnOnce(&csv::Error) -> String) -> Self {
        if err.is_io_error() {
            if let csv::ErrorKind::Io(io) = err.into_kind() {
                return Error::io(io);
            }
            // `is_io_error` is exactly the `Io` kind; unreachable.
            return Error::new(ErrorKind::Io(io::ErrorKind::Other));
        }
        let mut e = Error::new(ErrorKind::Csv(message(&err)));
        e.inner.source = Some(Source {
            error: Arc::new(err),
            place: None,
        });
        e
    }

    pub(crate) fn in_file(mut self, file: impl Into<String>) -> Self {
        self.inner.file.get_or_insert_with(|| file.into());
        self
    }

    pub(crate) fn at_line(mut self, line: u64) -> Self {
        self.inner.line.get_or_insert(line);
        self
    }

    pub(crate) fn in_field(mut self, field: impl Into<String>) -> Self {
        self.inner.field.get_or_insert_with(|| field.into());
        self
    }

    /// Sets the value even when a parser already attached one (the part of
    /// the text its rule was about): a user looks for the whole field.
    pub(crate) fn replace_value(mut self, value: impl Into<String>) -> Self {
        self.inner.value = Some(value.into());
        self
    }

    /// Near misses for an unknown organization or party: `(id, what it
    /// names)`, best first.
    pub(crate) fn with_suggestions(mut self, suggestions: Vec<(String, String)>) -> Self {
        self.inner.suggestions = suggestions;
        self
    }

    /// For an unknown organization or party, the ids of the ones whose id,
    /// name or alias is close to what was asked for, best first (the
    /// message says "did you mean …").
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let err = bundled().members_on("CTSO", "2008-01-01").unwrap_err();
    /// assert_eq!(err.suggestions().next(), Some("CSTO"));
    /// assert!(err.to_string().contains("did you mean `CSTO`"));
    /// ```
    pub fn suggestions(&self) -> impl Iterator<Item = &str> {
        self.inner.suggestions.iter().map(|(id, _)| id.as_str())
    }

    pub(crate) fn with_value(mut self, value: impl Into<String>) -> Self {
        self.inner.value.get_or_insert_with(|| value.into());
        self
    }

    /// What went wrong.
    ///
    /// ```
    /// # use membership_history::{bundled, ErrorKind};
    /// let err = bundled().members_on("NOPE", "2000-01-01").unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::UnknownOrganization("NOPE".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The file the error is in, when known.
    ///
    /// ```
    /// # use membership_history::{Bundled, Dataset};
    /// let mut b = Dataset::builder();
    /// let err = b.read(Bundled::Events, "".as_bytes(), "events.csv").clone().build().strict().unwrap_err();
    /// assert_eq!(err.file_name(), Some("events.csv"));
    /// ```
    pub fn file_name(&self) -> Option<&str> {
        self.inner.file.as_deref()
    }

    /// The 1-based line of the file, when known (the header is line 1).
    ///
    /// ```
    /// # use membership_history::{Bundled, Dataset};
    /// let mut b = Dataset::builder();
    /// let err = b.read(Bundled::Events, "x\n".as_bytes(), "events.csv").clone().build().strict().unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// ```
    pub fn line(&self) -> Option<u64> {
        self.inner.line
    }

    /// The field (column) the offending value is in, when known.
    ///
    /// ```
    /// # use membership_history::Span;
    /// assert_eq!("x..".parse::<Span<i32>>().unwrap_err().field(), None);
    /// ```
    pub fn field(&self) -> Option<&str> {
        self.inner.field.as_deref()
    }

    /// The offending value as written, when known.
    ///
    /// ```
    /// # use membership_history::Span;
    /// assert_eq!("x..".parse::<Span<i32>>().unwrap_err().value(), Some("x.."));
    /// ```
    pub fn value(&self) -> Option<&str> {
        self.inner.value.as_deref()
    }
}

impl fmt::Display for Error {
    /// One line, whatever the input held: control characters anywhere (a
    /// line break in a path, say) are shown escaped.
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.write_message(&mut text)?;
        for c in text.chars() {
            if c.is_control() {
                write!(out, "{}", c.escape_debug())?;
            } else {
                write!(out, "{c}")?;
            }
        }
        Ok(())
    }
}

impl Error {
    fn write_message(&self, f: &mut String) -> fmt::Result {
        use fmt::Write as _;
        let i = &self.inner;
        let mut wrote = false;
        if let Some(file) = &i.file {
            write!(f, "{file}")?;
            wrote = true;
        }
        if let Some(line) = i.line {
            write!(f, "{}{line}", if wrote { ":" } else { "line " })?;
            wrote = true;
        }
        let sep = |f: &mut String| if wrote { f.write_str(": ") } else { Ok(()) };
        match (&i.field, &i.value) {
            (Some(field), Some(value)) => {
                sep(f)?;
                write!(f, "field `{}`, value {:?}", shown(field), cut(value))?;
            }
            (Some(field), None) => {
                sep(f)?;
                write!(f, "field `{}`", shown(field))?;
            }
            (None, Some(value)) => {
                sep(f)?;
                write!(f, "value {:?}", cut(value))?;
            }
            (None, None) => {}
        }
        let any = wrote || i.field.is_some() || i.value.is_some();
        if any {
            f.write_str(": ")?;
        }
        // The message is one line, and of a readable length, whatever the
        // input held (rules quote values they are about). An I/O error says
        // what the operating system said, not only its kind.
        let kind = match (&i.kind, &i.source) {
            (ErrorKind::Io(_), Some(Source { error, place })) => match place {
                Some(place) => format!("cannot read input: {place}: {error}"),
                None => format!("cannot read input: {error}"),
            },
            (kind, _) => kind.to_string(),
        };
        let kind = if kind.chars().count() > MAX_RULE {
            format!("{}…", kind.chars().take(MAX_RULE).collect::<String>())
        } else {
            kind
        };
        f.write_str(&kind)?;
        for (n, (id, name)) in i.suggestions.iter().enumerate() {
            let lead = match n {
                0 => "; did you mean ",
                _ if n + 1 == i.suggestions.len() => " or ",
                _ => ", ",
            };
            write!(f, "{lead}`{}`", shown(id))?;
            if name != id {
                write!(f, " ({})", shown(name))?;
            }
        }
        if !i.suggestions.is_empty() {
            f.write_str("?")?;
        }
        Ok(())
    }
}

/// The most characters of a value an error message shows.
const MAX_SHOWN: usize = 80;

/// The most characters of the rule an error message shows.
const MAX_RULE: usize = 400;

/// A value cut to [`MAX_SHOWN`] characters, so that a huge field cannot
/// flood the terminal; the error keeps the whole value for programs.
fn cut(s: &str) -> String {
    let mut out: String = s.chars().take(MAX_SHOWN).collect();
    let rest = s.chars().count().saturating_sub(MAX_SHOWN);
    if rest > 0 {
        out.push_str(&format!("… ({rest} more characters)"));
    }
    out
}

/// A name as an error message shows it: cut, and on one line (control
/// characters escaped).
fn shown(s: &str) -> String {
    cut(s)
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The message, as [`Display`](fmt::Display) writes it: an error returned
/// from `main` prints as the line a person can act on.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl StdError for Error {
    /// The [`io::Error`] of an [`ErrorKind::Io`], the [`csv::Error`] of an
    /// [`ErrorKind::Csv`]; `None` for the crate's own rules.
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner
            .source
            .as_ref()
            .map(|s| &*s.error as &(dyn StdError + 'static))
    }
}
