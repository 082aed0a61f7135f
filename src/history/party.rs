//! Who can be a member ([`Party`]), organizations with names over time
//! ([`Organization`], [`Name`]), and the [`Source`]s facts come from.

use chrono::NaiveDate;
use serde::Serialize;

/// Whether a party is a state or an organization (organizations can be
/// members too: the CSTO is an observer at the UN General Assembly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    /// A state.
    State,
    /// An organization.
    Organization,
}

/// A state or an organization that can hold a status in an organization.
///
/// ```
/// use membership_history::bundled;
///
/// let ds = bundled();
/// let kaz = ds.party("KAZ").unwrap();
/// assert_eq!(kaz.name(), "Kazakhstan");
/// assert_eq!(kaz.cow_code(), Some(705));
/// assert_eq!(kaz.cow_abbreviation(), Some("KZK"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    pub(crate) code: String,
    pub(crate) kind: PartyKind,
    pub(crate) name: String,
    pub(crate) cow_code: Option<u16>,
    pub(crate) cow_abbreviation: Option<String>,
    pub(crate) sources: Vec<String>,
}

impl Party {
    /// A state with its code (ISO 3166-1 alpha-3 where it has one) and name.
    ///
    /// ```
    /// # use membership_history::Party;
    /// let p = Party::state("ARM", "Armenia").with_cow(371, "ARM");
    /// assert_eq!(p.cow_code(), Some(371));
    /// ```
    pub fn state(code: impl Into<String>, name: impl Into<String>) -> Self {
        Party {
            code: code.into(),
            kind: PartyKind::State,
            name: name.into(),
            cow_code: None,
            cow_abbreviation: None,
            sources: Vec::new(),
        }
    }

    /// The same party with its Correlates of War code and abbreviation.
    ///
    /// ```
    /// # use membership_history::Party;
    /// assert_eq!(Party::state("GEO", "Georgia").with_cow(372, "GRG").cow_abbreviation(), Some("GRG"));
    /// ```
    pub fn with_cow(mut self, code: u16, abbreviation: impl Into<String>) -> Self {
        self.cow_code = Some(code);
        self.cow_abbreviation = Some(abbreviation.into());
        self
    }

    /// The same party with the ids of the sources for its entry.
    ///
    /// ```
    /// # use membership_history::Party;
    /// assert_eq!(Party::state("GEO", "Georgia").with_sources(["COW"]).sources(), ["COW"]);
    /// ```
    pub fn with_sources<S: Into<String>>(mut self, sources: impl IntoIterator<Item = S>) -> Self {
        self.sources = sources.into_iter().map(Into::into).collect();
        self
    }

    /// Its code: ISO alpha-3 for states that have one, else the data's own.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().party("RUS").unwrap().code(), "RUS");
    /// ```
    pub fn code(&self) -> &str {
        &self.code
    }

    /// State or organization.
    ///
    /// ```
    /// # use membership_history::{bundled, PartyKind};
    /// assert_eq!(bundled().party("CSTO").unwrap().kind(), PartyKind::Organization);
    /// ```
    pub fn kind(&self) -> PartyKind {
        self.kind
    }

    /// Its name (for an organization, its latest official name).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().party("TJK").unwrap().name(), "Tajikistan");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The Correlates of War numeric state code, where known.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().party("RUS").unwrap().cow_code(), Some(365));
    /// ```
    pub fn cow_code(&self) -> Option<u16> {
        self.cow_code
    }

    /// The Correlates of War state abbreviation, where known.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().party("TJK").unwrap().cow_abbreviation(), Some("TAJ"));
    /// ```
    pub fn cow_abbreviation(&self) -> Option<&str> {
        self.cow_abbreviation.as_deref()
    }

    /// The ids of the sources for this entry.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(!bundled().party("TJK").unwrap().sources().is_empty());
    /// ```
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
}

/// What a [`Name`] is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    /// The official name in use over its span.
    Official,
    /// Another name the organization is known by (an abbreviation, a
    /// transliteration); finds it but is never "the name on a date".
    Alias,
}

/// One name of an organization, with the span it was in use.
///
/// ```
/// use membership_history::bundled;
///
/// let csto = bundled().organization("ODKB").unwrap();
/// assert_eq!(csto.id(), "CSTO");
/// let first = &csto.names()[0];
/// assert_eq!(first.name(), "Collective Security Treaty");
/// assert_eq!(first.until().map(|d| d.to_string()).as_deref(), Some("2002-10-07"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Name {
    pub(crate) name: String,
    pub(crate) kind: NameKind,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) until: Option<NaiveDate>,
    pub(crate) sources: Vec<String>,
}

impl Name {
    /// The name.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().organization("CSTO").unwrap().names().iter().any(|n| n.name() == "ОДКБ"));
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Official name or alias.
    ///
    /// ```
    /// # use membership_history::{bundled, NameKind};
    /// assert_eq!(bundled().organization("CSTO").unwrap().names()[0].kind(), NameKind::Official);
    /// ```
    pub fn kind(&self) -> NameKind {
        self.kind
    }

    /// First day in use, `None` for "from the start".
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().organization("CSTO").unwrap().names()[0].from().is_some());
    /// ```
    pub fn from(&self) -> Option<NaiveDate> {
        self.from
    }

    /// First day no longer in use, `None` for "still in use".
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().organization("CSTO").unwrap().names()[1].until().is_none());
    /// ```
    pub fn until(&self) -> Option<NaiveDate> {
        self.until
    }

    /// The ids of the sources for the name and its dates.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(!bundled().organization("CSTO").unwrap().names()[0].sources().is_empty());
    /// ```
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    pub(crate) fn in_use_on(&self, date: NaiveDate) -> bool {
        self.kind == NameKind::Official
            && self.from.is_none_or(|f| f <= date)
            && self.until.is_none_or(|u| date < u)
    }
}

/// An organization or treaty: an id, and its names over time.
///
/// ```
/// use membership_history::{bundled, parse_day};
///
/// let ds = bundled();
/// let org = ds.organization("cst").unwrap(); // ids and aliases, any case
/// assert_eq!(org.name_on(parse_day("1995-01-01")?), Some("Collective Security Treaty"));
/// assert_eq!(org.name_on(parse_day("2005-01-01")?), Some("Collective Security Treaty Organization"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    pub(crate) id: String,
    pub(crate) names: Vec<Name>,
}

impl Organization {
    /// Its id (`CSTO`, an ATOP `atopid`, a COW `ioname`).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().organization("UNGA").unwrap().id(), "UNGA");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// All its names, official ones first in time order, then aliases.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().organization("CSTO").unwrap().names().len() >= 3);
    /// ```
    pub fn names(&self) -> &[Name] {
        &self.names
    }

    /// The official name in use on `date`, if the data has one.
    ///
    /// ```
    /// # use membership_history::{bundled, parse_day};
    /// let org = bundled().organization("CSTO").unwrap();
    /// assert_eq!(org.name_on(parse_day("1990-01-01")?), None); // before the treaty
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name_on(&self, date: NaiveDate) -> Option<&str> {
        self.names
            .iter()
            .find(|n| n.in_use_on(date))
            .map(|n| n.name.as_str())
    }

    /// Its latest official name, or its id when it has none.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let org = bundled().organization("CST").unwrap();
    /// assert_eq!(org.current_name(), "Collective Security Treaty Organization");
    /// ```
    pub fn current_name(&self) -> &str {
        self.names
            .iter()
            .filter(|n| n.kind == NameKind::Official)
            .max_by_key(|n| n.from)
            .map_or(self.id.as_str(), |n| n.name.as_str())
    }
}

/// A source that facts in the data cite by its id.
///
/// ```
/// use membership_history::bundled;
///
/// let src = bundled().source("TASS-2012b").unwrap();
/// assert!(src.url().contains("tass.com"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub(crate) id: String,
    pub(crate) citation: String,
    pub(crate) url: String,
}

impl Source {
    /// A source with its id, a citation and a URL (may be empty).
    ///
    /// ```
    /// # use membership_history::Source;
    /// assert_eq!(Source::new("ATOP", "ATOP v4.01", "").id(), "ATOP");
    /// ```
    pub fn new(id: impl Into<String>, citation: impl Into<String>, url: impl Into<String>) -> Self {
        Source {
            id: id.into(),
            citation: citation.into(),
            url: url.into(),
        }
    }

    /// The id that rows cite.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().source("ATOP").unwrap().id(), "ATOP");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Who said it, where and when.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().source("ATOP").unwrap().citation().contains("ATOP"));
    /// ```
    pub fn citation(&self) -> &str {
        &self.citation
    }

    /// Where to read it (may be empty for printed works).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().source("RT-2024").unwrap().url().starts_with("https://"));
    /// ```
    pub fn url(&self) -> &str {
        &self.url
    }
}
