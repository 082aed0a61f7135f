//! One way to load: a [`Format`] value says what a file is, the
//! [`DatasetBuilder`] reads it ([`read`](DatasetBuilder::read),
//! [`read_path`](DatasetBuilder::read_path),
//! [`read_dir`](DatasetBuilder::read_dir)), and
//! [`build`](DatasetBuilder::build) returns one [`Report`]: the data, what
//! each file gave, and every problem. Strict or lenient is a choice made on
//! the report ([`Report::strict`]), so every format behaves the same: a bad
//! row is left out and named, a problem with a whole file reads nothing
//! from it, and nothing is dropped silently.
//!
//! Adding a format is one file: a type implementing [`Format`] on the
//! builder's public API.

use std::io::Read;
use std::path::Path;

use crate::error::Error;
use crate::history::dataset::DatasetBuilder;
use crate::io::{CowStates, ImportCounts, open_path};

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Atop<'_> {}
    impl Sealed for super::CowIgo<'_> {}
    impl Sealed for super::Bundled {}
}

/// A file format the [`DatasetBuilder`] reads: [`Atop`], [`CowIgo`], or a
/// table of the bundled format ([`Bundled`]).
pub trait Format: sealed::Sealed {
    /// Reads `input` (named `file` in messages) into `builder`, recording
    /// every problem there; returns what was read.
    #[doc(hidden)]
    fn read_into(
        &self,
        builder: &mut DatasetBuilder,
        input: &mut dyn Read,
        file: &str,
    ) -> ImportCounts;
}

/// ATOP member-level alliance data (`atop-member-level.csv`); with a state
/// list, members are named by COW abbreviation and their existence bounds
/// their answers (see [`crate::research_datasets`]).
///
/// ```
/// use membership_history::{Atop, Dataset};
///
/// let csv = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
///            4220,365,1992,5,15,0,0,0,1\n";
/// let ds = Dataset::builder().read(Atop::new(), csv.as_bytes(), "atop.csv").build().strict()?;
/// assert!(ds.status_on("4220", "365", "1992-06-01")?.is_definite_member());
/// // Still in effect in the file's last year: unknown after it.
/// assert_eq!(ds.known_until("4220")?.map(|d| d.to_string()).as_deref(), Some("1992-12-31"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Atop<'a> {
    states: Option<&'a CowStates>,
}

impl<'a> Atop<'a> {
    /// Members named by their COW code (`365`).
    ///
    /// ```
    /// # use membership_history::Atop;
    /// let _ = Atop::new();
    /// ```
    pub fn new() -> Self {
        Atop { states: None }
    }

    /// Members joined to `states` by COW code.
    ///
    /// ```
    /// # use membership_history::{Atop, CowStates};
    /// let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n".as_bytes(), "states.csv").strict()?;
    /// let _ = Atop::with_states(&states);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_states(states: &'a CowStates) -> Self {
        Atop {
            states: Some(states),
        }
    }

    /// `with_states` when `states` is given, else `new`.
    ///
    /// ```
    /// # use membership_history::Atop;
    /// let _ = Atop::states(None);
    /// ```
    pub fn states(states: Option<&'a CowStates>) -> Self {
        Atop { states }
    }
}

impl Format for Atop<'_> {
    fn read_into(&self, b: &mut DatasetBuilder, input: &mut dyn Read, file: &str) -> ImportCounts {
        b.read_atop_into(input, file, self.states)
    }
}

/// COW IGO igo-year membership data (`igo_year_formatv3.csv`); with a state
/// list, state columns are mapped to COW abbreviations and the states'
/// existence bounds their answers. Where the machine has a second core,
/// each row (235 columns in the full file) is decoded there while the next
/// are parsed, and each IGO's events are made there once another IGO's
/// rows begin: the records and problems are the same, in the same order.
///
/// ```
/// use membership_history::{CowIgo, Dataset};
///
/// let csv = "ioname,orgname,year,russia\nCSTO,Collective Security Treaty Organization,2002,1\n";
/// let ds = Dataset::builder().read(CowIgo::new(), csv.as_bytes(), "igo.csv").build().strict()?;
/// assert!(ds.status_on("CSTO", "russia", "2002-12-31")?.is_definite_member());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct CowIgo<'a> {
    states: Option<&'a CowStates>,
}

impl<'a> CowIgo<'a> {
    /// State columns named as in the file (`russia`).
    ///
    /// ```
    /// # use membership_history::CowIgo;
    /// let _ = CowIgo::new();
    /// ```
    pub fn new() -> Self {
        CowIgo { states: None }
    }

    /// State columns mapped through `states` (its `state` column).
    ///
    /// ```
    /// # use membership_history::{CowIgo, CowStates};
    /// let states = CowStates::read("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\nRUS,365,Russia,1816,1,1,2016,12,31,2016,russia\n".as_bytes(), "states.csv").strict()?;
    /// let _ = CowIgo::with_states(&states);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_states(states: &'a CowStates) -> Self {
        CowIgo {
            states: Some(states),
        }
    }

    /// `with_states` when `states` is given, else `new`.
    ///
    /// ```
    /// # use membership_history::CowIgo;
    /// let _ = CowIgo::states(None);
    /// ```
    pub fn states(states: Option<&'a CowStates>) -> Self {
        CowIgo { states }
    }
}

impl Format for CowIgo<'_> {
    fn read_into(&self, b: &mut DatasetBuilder, input: &mut dyn Read, file: &str) -> ImportCounts {
        b.read_cow_igo_into(input, file, self.states)
    }
}

/// A table of the crate's own format (`data/README.md`): the files of a
/// [`read_dir`](DatasetBuilder::read_dir) directory, one at a time.
///
/// ```
/// use membership_history::{Bundled, Dataset};
///
/// let mut b = Dataset::builder();
/// b.read(Bundled::Sources, "id,citation,url\nME,my notes,\n".as_bytes(), "sources.csv");
/// assert!(b.build().strict()?.source("ME").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bundled {
    /// `sources.csv`: `id,citation,url`.
    Sources,
    /// `parties.csv`: `code,name,cow_code,cow_abbreviation,sources`.
    Parties,
    /// `names.csv`: `org,kind,name,from,until,sources`.
    Names,
    /// `events.csv`: `event,org,member,kind,date,note,sources`; rows sharing
    /// an `event` id are readings of its date, preferred first.
    Events,
    /// `unknown.csv`: `org,member,from,until,note,sources`: stretches the
    /// data does not cover (optional in a directory).
    Unknown,
}

impl Bundled {
    /// The tables of a directory, in the order they are read.
    pub const ALL: [Bundled; 5] = [
        Bundled::Sources,
        Bundled::Parties,
        Bundled::Names,
        Bundled::Events,
        Bundled::Unknown,
    ];

    /// The table as embedded in the bundled dataset ([`crate::bundled`]),
    /// to read it with files of one's own into one dataset.
    ///
    /// ```
    /// use membership_history::{Bundled, Dataset};
    ///
    /// let mut b = Dataset::builder();
    /// for t in Bundled::ALL {
    ///     b.read(t, t.text().as_bytes(), t.file_name());
    /// }
    /// assert!(b.build().strict()?.organization("CSTO").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(self) -> &'static str {
        crate::io::bundled::table_text(self)
    }

    /// The table's file name in a directory.
    ///
    /// ```
    /// # use membership_history::Bundled;
    /// assert_eq!(Bundled::Events.file_name(), "events.csv");
    /// ```
    pub fn file_name(self) -> &'static str {
        match self {
            Bundled::Sources => "sources.csv",
            Bundled::Parties => "parties.csv",
            Bundled::Names => "names.csv",
            Bundled::Events => "events.csv",
            Bundled::Unknown => "unknown.csv",
        }
    }
}

impl Format for Bundled {
    fn read_into(&self, b: &mut DatasetBuilder, input: &mut dyn Read, file: &str) -> ImportCounts {
        let rows = match self {
            Bundled::Sources => b.sources_table(input, file),
            Bundled::Parties => b.parties_table(input, file),
            Bundled::Names => b.names_table(input, file),
            Bundled::Events => b.events_table(input, file),
            Bundled::Unknown => b.unknown_table(input, file),
        };
        ImportCounts {
            rows,
            ..ImportCounts::default()
        }
    }
}

/// What loading gave: the data, what each file read gave (in the order
/// read), and every problem (in the order the files were read, then by
/// line). Lenient use keeps `data` and reads `problems`; strict use takes
/// [`strict`](Report::strict).
///
/// ```
/// use membership_history::{Bundled, Dataset, Report};
///
/// let mut b = Dataset::builder();
/// b.read(Bundled::Sources, "id,citation,url\nME,my notes,\n,no id,\n".as_bytes(), "sources.csv");
/// let report = b.build();
/// assert_eq!(report.problems.len(), 1); // line 3: a source needs an id
/// assert!(report.data.source("ME").is_some()); // the good row is kept
/// assert!(report.strict().is_err());
/// ```
#[derive(Debug, Clone)]
#[must_use = "a report holds the problems found: take `strict()` or read `problems`"]
pub struct Report<T> {
    /// Everything that could be read.
    pub data: T,
    /// Per file read, its name and counts.
    pub counts: Vec<(String, ImportCounts)>,
    /// Every problem found.
    pub problems: Vec<Error>,
}

impl<T> Report<T> {
    /// The data when nothing went wrong, else the first problem.
    ///
    /// # Errors
    ///
    /// The first of [`problems`](Report::problems).
    ///
    /// ```
    /// # use membership_history::{Dataset, Report};
    /// assert!(Dataset::builder().build().strict().is_ok());
    /// ```
    pub fn strict(self) -> Result<T, Error> {
        match self.problems.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(self.data),
        }
    }

    /// The data and the problems.
    ///
    /// ```
    /// # use membership_history::Dataset;
    /// let (ds, problems) = Dataset::builder().build().into_parts();
    /// assert!(problems.is_empty() && ds.organizations().is_empty());
    /// ```
    pub fn into_parts(self) -> (T, Vec<Error>) {
        (self.data, self.problems)
    }
}

impl DatasetBuilder {
    /// Reads `input`, named `file` in messages, in `format`. Problems are
    /// recorded and come back from [`build`](Self::build): a bad row is left
    /// out and named, a problem with the whole file (a missing column, no
    /// rows) reads nothing from it.
    ///
    /// ```
    /// use membership_history::{Atop, Dataset};
    ///
    /// let mut b = Dataset::builder();
    /// b.read(Atop::new(), "atopid,member\n".as_bytes(), "atop.csv");
    /// let err = b.build().strict().unwrap_err();
    /// assert!(err.to_string().starts_with("atop.csv:1:")); // missing columns
    /// ```
    pub fn read(&mut self, format: impl Format, mut input: impl Read, file: &str) -> &mut Self {
        self.reading_file(file);
        let counts = format.read_into(self, &mut input, file);
        self.record_counts(file, counts);
        self
    }

    /// Reads the file at `path` in `format`; messages name the file by its
    /// name.
    ///
    /// ```
    /// use membership_history::{CowIgo, Dataset, ErrorKind};
    ///
    /// let err = Dataset::builder().read_path(CowIgo::new(), "no/such/igo.csv").build().strict().unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Io(_)));
    /// ```
    pub fn read_path(&mut self, format: impl Format, path: impl AsRef<Path>) -> &mut Self {
        match open_path(path.as_ref()) {
            Ok((f, name)) => self.read(format, f, &name),
            Err(e) => {
                self.reading_file(e.file_name().unwrap_or(""));
                self.problem(e);
                self
            }
        }
    }

    /// Reads a directory in the crate's own format: `sources.csv`,
    /// `parties.csv`, `names.csv`, `events.csv` and, when present,
    /// `unknown.csv` (see `data/README.md`); messages name each file by its
    /// path.
    ///
    /// ```
    /// use membership_history::Dataset;
    ///
    /// let ds = Dataset::builder().read_dir("data").build().strict()?;
    /// assert!(ds.organization("CSTO").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        let dir = dir.as_ref();
        for table in Bundled::ALL {
            let path = dir.join(table.file_name());
            let shown = path.display().to_string();
            match std::fs::File::open(&path) {
                Ok(f) => {
                    self.read(table, f, &shown);
                }
                // A directory that states no coverage has no `unknown.csv`.
                Err(e) if table == Bundled::Unknown && e.kind() == std::io::ErrorKind::NotFound => {
                }
                Err(e) => {
                    self.reading_file(&shown);
                    self.problem(Error::io(e).in_file(shown));
                }
            }
        }
        self
    }
}

impl CowStates {
    /// Reads a COW state list (`states2016.csv`), named `file` in messages:
    /// every valid row kept, every bad one named.
    ///
    /// ```
    /// use membership_history::CowStates;
    ///
    /// let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\n\
    ///            RUS,365,Russia,1816,1,1,2016,12,31\n";
    /// let states = CowStates::read(csv.as_bytes(), "states2016.csv").strict()?;
    /// assert_eq!(states.by_code(365).unwrap().abbreviation(), "RUS");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read(input: impl Read, file: &str) -> Report<CowStates> {
        let (data, counts, problems) = CowStates::read_all(input, file);
        Report {
            data,
            counts: vec![(file.to_string(), counts)],
            problems,
        }
    }

    /// Reads the state list at `path`.
    ///
    /// ```
    /// use membership_history::{CowStates, ErrorKind};
    ///
    /// let report = CowStates::read_path("no/such/states2016.csv");
    /// assert!(matches!(report.problems[0].kind(), ErrorKind::Io(_)));
    /// ```
    pub fn read_path(path: impl AsRef<Path>) -> Report<CowStates> {
        match open_path(path.as_ref()) {
            Ok((f, name)) => CowStates::read(f, &name),
            Err(e) => Report {
                data: CowStates::default(),
                counts: Vec::new(),
                problems: vec![e],
            },
        }
    }
}
