//! The [`Dataset`]: parties, organizations, sourced events, and the status
//! [`Spell`]s replayed from them by the [`DatasetBuilder`].
//!
//! # How events become spells
//!
//! Each (organization, member) pair's events are sorted by their preferred
//! day (file order breaks ties) and replayed through a small state machine
//! ([`EventKind`]'s rules). Every change of status closes one spell and opens
//! the next, so spells of one pair never overlap and always come in order.
//! An event the rules refuse (a return with no prior exit, a suspension of a
//! non-member, a second accession) is an error naming the record.

// Fx hashing: loading hashes every event's ids several times, and SipHash's
// protection against crafted keys costs more than it buys for research files.
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::collections::hash_map::Entry;
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::{Error, ErrorKind};
use crate::history::answer::{self, Segment};
use crate::history::date::UncertainDate;
use crate::history::event::{Event, EventId, Origin};
use crate::history::index::{Counter, Index};
use crate::history::party::{Name, NameKind, Organization, Party, PartyKind, Source};
use crate::history::status::{Certainty, EventKind, Standing, Status};
use crate::history::unknown::Unknown;
use crate::interval::set::IntervalSet;
use crate::interval::set::Span;
use crate::io::ImportCounts;
use crate::io::read::Report;

/// One stretch of days with one status, with the events that opened and
/// closed it and the bounds their readings allow.
///
/// Three spans describe it: the two-valued [`span`](Spell::span) (preferred
/// readings), the [`possible`](Spell::possible) one (earliest start to latest
/// end over all readings) and the [`definite`](Spell::definite) one (latest
/// start to earliest end). `definite ⊆ span ⊆ possible` always holds.
///
/// ```
/// use membership_history::{bundled, Status};
///
/// let ds = bundled();
/// let uzb = ds.timeline("CSTO", "UZB")?.spells();
/// let statuses: Vec<Status> = uzb.iter().map(|s| s.status()).collect();
/// assert_eq!(statuses, [Status::Member, Status::Frozen, Status::Member, Status::Suspended]);
/// // Suspended by the Council's decision of 2012-12-19; the note of 06-28 is another reading.
/// assert_eq!(uzb[2].span().unwrap().to_string(), "2006-08-16..2012-12-19");
/// assert_eq!(uzb[2].possible().unwrap().to_string(), "2006-06-23..2012-12-19");
/// assert_eq!(uzb[2].definite().unwrap().to_string(), "2006-08-17..2012-06-28");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spell {
    pub(crate) status: Status,
    pub(crate) opened_by: EventId,
    pub(crate) closed_by: Option<EventId>,
    pub(crate) start: NaiveDate,
    pub(crate) end: Option<NaiveDate>,
    pub(crate) start_earliest: NaiveDate,
    pub(crate) start_latest: NaiveDate,
    pub(crate) end_earliest: Option<NaiveDate>,
    pub(crate) end_latest: Option<NaiveDate>,
    /// The preferred readings of the opening and closing events' dates, at
    /// their precision.
    pub(crate) start_date: UncertainDate,
    pub(crate) end_date: Option<UncertainDate>,
}

fn span_of(start: NaiveDate, end: Option<NaiveDate>) -> Option<Span<NaiveDate>> {
    Span::new(start, end).ok()
}

impl Spell {
    /// The status held.
    ///
    /// ```
    /// # use membership_history::{bundled, Status};
    /// assert_eq!(bundled().timeline("UNGA", "CSTO")?.spells()[0].status(), Status::Observer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> Status {
        self.status
    }

    /// The event that opened it.
    ///
    /// ```
    /// # use membership_history::{bundled, EventKind};
    /// let ds = bundled();
    /// let tl = ds.timeline("CSTO", "ARM")?;
    /// assert_eq!(ds.event(tl.spells()[0].opened_by()).unwrap().kind(), EventKind::Signed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn opened_by(&self) -> EventId {
        self.opened_by
    }

    /// The event that closed it, `None` while it lasts.
    ///
    /// ```
    /// # use membership_history::{bundled, EventKind};
    /// let ds = bundled();
    /// let tl = ds.timeline("CSTO", "ARM")?;
    /// assert_eq!(ds.event(tl.spells()[0].closed_by().unwrap()).unwrap().kind(), EventKind::ParticipationFrozen);
    /// assert_eq!(tl.spells()[1].closed_by(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closed_by(&self) -> Option<EventId> {
        self.closed_by
    }

    /// First day, by the preferred readings.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().timeline("CSTO", "AZE")?.spells()[0].start().to_string(), "1993-09-24");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// First day after it, by the preferred readings; `None` while it lasts.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let end = bundled().timeline("CSTO", "AZE")?.spells()[0].end();
    /// // The first term's last day was 1999-04-20 (PROT-1999): out from 04-21.
    /// assert_eq!(end.map(|d| d.to_string()).as_deref(), Some("1999-04-21"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// The opening event's date by its preferred reading, at its known
    /// precision (`2013` for a year).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO-PA", "SRB")?;
    /// assert_eq!(tl.spells()[0].start_date().to_string(), "2013");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start_date(&self) -> &UncertainDate {
        &self.start_date
    }

    /// The closing event's date by its preferred reading, at its known
    /// precision; `None` while it lasts.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO", "UZB")?;
    /// assert_eq!(tl.spells()[3].end_date(), None); // suspended since 2012
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end_date(&self) -> Option<&UncertainDate> {
        self.end_date.as_ref()
    }

    /// The two-valued span (preferred readings); `None` if it has no days.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO", "BLR")?;
    /// assert_eq!(tl.spells()[0].span().unwrap().to_string(), "1993-12-31..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn span(&self) -> Option<Span<NaiveDate>> {
        span_of(self.start, self.end)
    }

    /// Days on which it holds under at least one reading of its dates.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO", "GEO")?;
    /// assert_eq!(tl.spells()[0].possible().unwrap().to_string(), "1993-09-09..1999-04-21");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn possible(&self) -> Option<Span<NaiveDate>> {
        span_of(self.start_earliest, self.end_latest)
    }

    /// Days on which it holds under every reading; `None` if there are none.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO", "GEO")?;
    /// assert_eq!(tl.spells()[0].definite().unwrap().to_string(), "1993-12-09..1999-04-20");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn definite(&self) -> Option<Span<NaiveDate>> {
        span_of(self.start_latest, self.end_earliest)
    }

    /// Whether it holds on `date` by the preferred readings.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO", "GEO")?;
    /// assert!(!tl.spells()[0].contains("1993-10-01".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|e| date < e)
    }

    /// How sure it is that the spell holds on `date`; `None` when it
    /// certainly does not.
    ///
    /// ```
    /// # use membership_history::{bundled, Certainty};
    /// let tl = bundled().timeline("CSTO", "GEO")?;
    /// assert_eq!(tl.spells()[0].certainty_on("1993-10-01".parse()?), Some(Certainty::Possible));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn certainty_on(&self, date: NaiveDate) -> Option<Certainty> {
        if self.start_latest <= date && self.end_earliest.is_none_or(|e| date < e) {
            Some(Certainty::Definite)
        } else if self.start_earliest <= date && self.end_latest.is_none_or(|e| date < e) {
            Some(Certainty::Possible)
        } else {
            None
        }
    }
}

/// One party's history in one organization.
#[derive(Debug, Clone)]
pub(crate) struct Membership {
    pub(crate) org: usize,
    pub(crate) party: usize,
    pub(crate) spells: Vec<Spell>,
    /// Every event of the pair, status-changing or not, in replay order.
    pub(crate) events: Vec<EventId>,
    /// The pair's own gaps ([`Unknown`] records), by start.
    pub(crate) unknown: Vec<u32>,
    /// Its answer segments, a range of the dataset's
    /// `segments_by_membership`.
    pub(crate) segments: Range<usize>,
}

/// Parties, organizations and their sourced membership histories.
///
/// Build one with [`Dataset::builder`], read one with
/// [`DatasetBuilder::read_dir`], or use the bundled CST/CSTO data, [`crate::bundled`].
///
/// ```
/// use membership_history::{bundled, Status};
///
/// let ds = bundled();
/// let uzb = ds.members_on("CSTO", "2013-06-01")?.find(|a| a.party().code() == "UZB").unwrap();
/// assert_eq!(uzb.status(), Some(Status::Suspended));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub(crate) sources: Vec<Source>,
    pub(crate) source_index: HashMap<String, usize>,
    pub(crate) parties: Vec<Party>,
    pub(crate) party_index: HashMap<String, usize>,
    pub(crate) orgs: Vec<Organization>,
    /// Lowercased id, official names and aliases → organization.
    pub(crate) org_lookup: HashMap<String, usize>,
    pub(crate) events: Vec<Event>,
    /// Sorted by (organization, party code).
    pub(crate) memberships: Vec<Membership>,
    /// Per organization, its range of `memberships`.
    pub(crate) org_members: Vec<Range<usize>>,
    /// Per party, the indices of its memberships.
    pub(crate) party_memberships: Vec<Vec<usize>>,
    /// Every gap in the data.
    pub(crate) unknowns: Vec<Unknown>,
    /// Per organization, its gaps for every member (its coverage), by start.
    pub(crate) org_unknown: Vec<Vec<u32>>,
    /// Per party, the days it existed as a state, where a state list says.
    pub(crate) existence: Vec<Option<IntervalSet<NaiveDate>>>,
    /// Each membership's days cut into stretches of one answer, in the
    /// index's order (organization, start, end).
    pub(crate) segments: Vec<Segment>,
    /// Per membership (its `segments` range), its segments' positions.
    pub(crate) segments_by_membership: Vec<u32>,
    /// Per organization, counts of members (preferred readings), definite
    /// members, possible members and unknowns.
    pub(crate) counter: Counter,
    /// The segments by organization and by party.
    pub(crate) index: Index,
}

/// Collects sources, parties, names and events, then checks and replays
/// them into a [`Dataset`].
///
/// Problems are collected, not thrown: [`build`](DatasetBuilder::build)
/// returns a [`Report`] of every valid record and every problem, and
/// [`Report::strict`] fails on the first.
///
/// ```
/// use membership_history::{Dataset, Event, EventKind, Party, Reading, Report, Source, Status};
///
/// let mut b = Dataset::builder();
/// b.add_source(Source::new("ME", "my notes", ""));
/// b.add_party(Party::state("ARM", "Armenia").with_sources(["ME"]));
/// b.add_name("CSTO", "Collective Security Treaty Organization", None, None, ["ME"]);
/// b.add_event(Event::new("1", "CSTO", Some("ARM"), EventKind::Signed,
///     vec![Reading::new("1992-05-15".parse()?, "", ["ME"])]));
/// let ds = b.build().strict()?;
/// assert_eq!(ds.status_on("CSTO", "ARM", "2000-01-01")?.status(), Some(Status::Member));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct DatasetBuilder {
    sources: Vec<(Source, Origin)>,
    parties: Vec<(Party, Origin)>,
    names: Vec<(String, Name, Origin)>,
    events: Vec<Event>,
    unknowns: Vec<Unknown>,
    existence: Vec<(String, IntervalSet<NaiveDate>)>,
    problems: Vec<Error>,
    /// Files in the order they were read: problems are reported in this
    /// order (then by line), not alphabetically.
    files: Vec<String>,
    /// What each file read gave.
    counts: Vec<(String, ImportCounts)>,
    /// The ids and codes added, so that importers sharing a builder check
    /// theirs in O(1) (a linear scan made loading quadratic).
    source_ids: FxHashSet<String>,
    party_codes: FxHashSet<String>,
}

impl Dataset {
    /// Cuts every membership into answer segments and indexes them.
    fn index_answers(&mut self) {
        // The segments of memberships `from..to`, and each one's range.
        let cut = |from: usize, to: usize| {
            let mut segments = Vec::new();
            let mut ranges = Vec::with_capacity(to - from);
            let mut cuts = Vec::new();
            for (i, m) in self.memberships[from..to].iter().enumerate() {
                let first = segments.len();
                answer::segments(self, (from + i) as u32, m, &mut cuts, &mut segments);
                ranges.push(first..segments.len());
            }
            (segments, ranges)
        };
        // Each membership's segments read the dataset and nothing of
        // another's: the second half's are cut beside the first's.
        let n = self.memberships.len();
        let ((later, later_ranges), (first, mut ranges)) = crate::parallel::beside(
            n >= crate::parallel::WORTH_A_THREAD,
            || cut(n / 2, n),
            || cut(0, n / 2),
        );
        // Segment `i` of both halves: the first's, then the later's.
        let shift = first.len();
        let segment = |i: usize| {
            if i < shift {
                first[i]
            } else {
                later[i - shift]
            }
        };
        let total = shift + later.len();
        ranges.extend(
            later_ranges
                .into_iter()
                .map(|r| r.start + shift..r.end + shift),
        );
        for (m, r) in self.memberships.iter_mut().zip(ranges) {
            m.segments = r;
        }
        let (orgs, parties) = (self.orgs.len(), self.parties.len());
        // The counts read each pair's segments as cut, and nothing of the
        // index: they are made on the second core while this one puts the
        // segments in the index's order (a step that had the machine to
        // itself) and builds the index's two sides.
        let memberships = &self.memberships;
        let (counter, (index, position, segments)) = crate::parallel::beside(
            total >= crate::parallel::WORTH_A_THREAD,
            || counts(memberships, &segment, orgs),
            || {
                let (position, segments) = in_index_order(total, &segment);
                let index = Index::new(&segments, orgs, parties);
                (index, position, segments)
            },
        );
        self.segments_by_membership = position;
        self.index = index;
        self.counter = counter;
        self.segments = segments;
    }

    /// An empty builder.
    ///
    /// ```
    /// # use membership_history::Dataset;
    /// let ds = Dataset::builder().build().strict()?;
    /// assert!(ds.organizations().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder() -> DatasetBuilder {
        DatasetBuilder::default()
    }
}

impl DatasetBuilder {
    /// Adds a source that records can cite.
    ///
    /// ```
    /// # use membership_history::{Dataset, Source};
    /// let mut b = Dataset::builder();
    /// b.add_source(Source::new("ATOP", "ATOP v4.01", "http://www.atopdata.org/"));
    /// assert_eq!(b.build().strict()?.source("ATOP").unwrap().citation(), "ATOP v4.01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_source(&mut self, source: Source) -> &mut Self {
        self.push_source(source, Origin::default())
    }

    pub(crate) fn push_source(&mut self, source: Source, origin: Origin) -> &mut Self {
        self.source_ids.insert(source.id.clone());
        self.sources.push((source, origin));
        self
    }

    /// Adds a party (a state; organizations are added by naming them).
    ///
    /// ```
    /// # use membership_history::{Dataset, Party};
    /// let mut b = Dataset::builder();
    /// b.add_party(Party::state("SRB", "Serbia"));
    /// assert!(b.build().strict()?.party("SRB").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_party(&mut self, party: Party) -> &mut Self {
        self.push_party(party, Origin::default())
    }

    pub(crate) fn push_party(&mut self, party: Party, origin: Origin) -> &mut Self {
        self.party_codes.insert(party.code.clone());
        self.parties.push((party, origin));
        self
    }

    /// Adds an official name of organization `org` in use from `from`
    /// (included) until `until` (excluded); the first name of an id creates
    /// the organization.
    ///
    /// ```
    /// # use membership_history::Dataset;
    /// let mut b = Dataset::builder();
    /// b.add_name("UNGA", "United Nations General Assembly", None, None, Vec::<String>::new());
    /// assert!(b.build().strict()?.organization("unga").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_name<S: Into<String>>(
        &mut self,
        org: impl Into<String>,
        name: impl Into<String>,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        sources: impl IntoIterator<Item = S>,
    ) -> &mut Self {
        self.push_name(
            org.into(),
            NameKind::Official,
            name.into(),
            from,
            until,
            sources,
            Origin::default(),
        )
    }

    /// Adds another name organization `org` is known by; it finds the
    /// organization but is never its name on a date.
    ///
    /// ```
    /// # use membership_history::{Dataset, Source};
    /// let mut b = Dataset::builder();
    /// b.add_source(Source::new("WP-RU", "Russian Wikipedia", ""));
    /// b.add_alias("CSTO", "ODKB", ["WP-RU"]);
    /// assert_eq!(b.build().strict()?.organization("odkb").unwrap().id(), "CSTO");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_alias<S: Into<String>>(
        &mut self,
        org: impl Into<String>,
        alias: impl Into<String>,
        sources: impl IntoIterator<Item = S>,
    ) -> &mut Self {
        self.push_name(
            org.into(),
            NameKind::Alias,
            alias.into(),
            None,
            None,
            sources,
            Origin::default(),
        )
    }

    #[allow(clippy::too_many_arguments)] // one per column of names.csv, plus where it was read
    pub(crate) fn push_name<S: Into<String>>(
        &mut self,
        org: String,
        kind: NameKind,
        name: String,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        sources: impl IntoIterator<Item = S>,
        origin: Origin,
    ) -> &mut Self {
        let sources = sources.into_iter().map(Into::into).collect();
        self.names.push((
            org,
            Name {
                name,
                kind,
                from,
                until,
                sources,
            },
            origin,
        ));
        self
    }

    /// Adds an event.
    ///
    /// ```
    /// # use membership_history::{Dataset, Event, EventKind, Reading};
    /// let mut b = Dataset::builder();
    /// b.add_name("X", "X", None, None, ["S"]);
    /// b.add_event(Event::new("1", "X", Some("NOPE"), EventKind::Signed,
    ///     vec![Reading::new("2000".parse()?, "", ["S"])]));
    /// assert!(b.build().strict().is_err()); // unknown source and party
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_event(&mut self, event: Event) -> &mut Self {
        self.events.push(event);
        self
    }

    /// Makes room for `events` more events and `unknowns` more gaps (an
    /// importer's estimate), so that the lists are not copied as they grow.
    pub(crate) fn reserve_records(&mut self, events: usize, unknowns: usize) {
        self.events.reserve(events);
        self.unknowns.reserve(unknowns);
    }

    /// Whether a source with this id was added (importers share builders).
    pub(crate) fn has_source(&self, id: &str) -> bool {
        self.source_ids.contains(id)
    }

    /// Whether a party with this code was added (importers share builders).
    pub(crate) fn has_party(&self, code: &str) -> bool {
        self.party_codes.contains(code)
    }

    /// Adds a stretch of days the data does not cover (a missing cell, the
    /// end of a source's coverage): answers there are
    /// [`Certainty::Unknown`].
    ///
    /// ```
    /// # use membership_history::{Dataset, Party, Source, Span, Unknown, Certainty};
    /// let mut b = Dataset::builder();
    /// b.add_source(Source::new("S", "s", ""));
    /// b.add_party(Party::state("ARM", "Armenia"));
    /// b.add_name("X", "X", None, None, ["S"]);
    /// b.add_unknown(Unknown::new("X", Some("ARM"), Span::from_start("1990-01-01".parse()?), "-9", ["S"]));
    /// let ds = b.build().strict()?;
    /// assert_eq!(ds.status_on("X", "ARM", "1995-01-01")?.certainty(), Certainty::Unknown);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_unknown(&mut self, unknown: Unknown) -> &mut Self {
        self.unknowns.push(unknown);
        self
    }

    /// Says on which days party `code` existed as a state (from a state
    /// list such as COW's): no answer gives it a status on another day.
    ///
    /// ```
    /// # use membership_history::{Dataset, Event, EventKind, IntervalSet, Party, Reading, Source};
    /// let mut b = Dataset::builder();
    /// b.add_source(Source::new("S", "s", ""));
    /// b.add_party(Party::state("GFR", "German Federal Republic"));
    /// b.add_name("NATO", "NATO", None, None, ["S"]);
    /// b.add_event(Event::new("1", "NATO", Some("GFR"), EventKind::Acceded,
    ///     vec![Reading::new("1955-05-06".parse()?, "", ["S"])]));
    /// b.add_existence("GFR", "1955-05-05..1990-10-03".parse()?);
    /// let ds = b.build().strict()?;
    /// assert_eq!(ds.status_on("NATO", "GFR", "1990-10-02")?.member(), Some(true));
    /// assert_eq!(ds.status_on("NATO", "GFR", "1990-10-03")?.member(), Some(false));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_existence(
        &mut self,
        code: impl Into<String>,
        days: IntervalSet<NaiveDate>,
    ) -> &mut Self {
        self.existence.push((code.into(), days));
        self
    }

    /// Records a problem found while reading input; loaders use this so that
    /// a lenient build can report every problem at once.
    pub(crate) fn problem(&mut self, e: Error) {
        self.problems.push(e);
    }

    /// Notes that `file` is being read, so that problems are reported in
    /// the order the files were read.
    pub(crate) fn reading_file(&mut self, file: &str) {
        if !self.files.iter().any(|f| f == file) {
            self.files.push(file.to_string());
        }
    }

    /// Notes what reading `file` gave, for the report.
    pub(crate) fn record_counts(&mut self, file: &str, counts: ImportCounts) {
        self.counts.push((file.to_string(), counts));
    }

    /// Checks and replays everything read and added, leaving the builder
    /// empty: a [`Report`] of the dataset of every valid record and of every
    /// problem found (reading's and the checks'), in the order the files
    /// were read, then by line, so that a whole file can be fixed at once.
    /// Nothing is dropped silently: each record left out is named in a
    /// problem. [`Report::strict`] gives the dataset only when there is
    /// none. A large dataset's index is built on two cores where the
    /// machine has them (the same index either way).
    ///
    /// ```
    /// # use membership_history::{Dataset, ErrorKind, Event, EventKind, Party, Reading, Report, Source};
    /// let mut b = Dataset::builder();
    /// b.add_source(Source::new("S", "s", ""));
    /// b.add_party(Party::state("ARM", "Armenia"));
    /// b.add_name("X", "X", None, None, ["S"]);
    /// let ev = |id: &str, kind, date: &str| Event::new(id, "X", Some("ARM"), kind,
    ///     vec![Reading::new(date.parse().unwrap(), "", ["S"])]);
    /// b.add_event(ev("1", EventKind::Returned, "1990-01-01")); // no prior exit
    /// b.add_event(ev("2", EventKind::Signed, "1992-05-15"));
    /// let report = b.build();
    /// assert_eq!(report.problems.len(), 1);
    /// assert!(matches!(report.problems[0].kind(), ErrorKind::Sequence(_)));
    /// assert_eq!(report.data.timeline("X", "ARM")?.spells().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(&mut self) -> Report<Dataset> {
        let counts = std::mem::take(&mut self.counts);
        let (data, problems) = std::mem::take(self).finish();
        Report {
            data,
            counts,
            problems,
        }
    }

    fn finish(self) -> (Dataset, Vec<Error>) {
        let DatasetBuilder {
            sources,
            parties,
            names,
            events,
            unknowns,
            existence,
            mut problems,
            files,
            counts: _,
            source_ids: _,
            party_codes: _,
        } = self;
        let mut ds = Dataset::default();

        let mut source_origins: Vec<Origin> = Vec::new();
        for (s, origin) in sources {
            // Records added through the API get the checks the loaders make.
            let bad = if s.id.trim().is_empty() {
                Some(("id", "a source needs an id", &s.id))
            } else if s.citation.trim().is_empty() {
                Some(("citation", "a source needs a citation", &s.citation))
            } else {
                None
            };
            if let Some((field, rule, value)) = bad {
                problems.push(origin.attach(invalid(field, rule, value)));
                continue;
            }
            if let Some(&first) = ds.source_index.get(&s.id) {
                problems.push(
                    origin.attach(
                        Error::new(ErrorKind::Duplicate(format!(
                            "source `{}` is defined twice{}",
                            s.id,
                            first_at(&source_origins[first])
                        )))
                        .in_field("id")
                        .with_value(s.id.clone()),
                    ),
                );
                continue;
            }
            ds.source_index.insert(s.id.clone(), ds.sources.len());
            ds.sources.push(s);
            source_origins.push(origin);
        }

        // Organizations, in order of first mention; every name must be unique
        // across organizations or a lookup could find the wrong body.
        // Names are checked in input order, so each problem names its row.
        let mut org_ix: HashMap<String, usize> = HashMap::default();
        // The file each organization was first named in.
        let mut org_file: Vec<Option<Arc<str>>> = Vec::new();
        for (org, name, origin) in names {
            let bad = if org.trim().is_empty() {
                Some(("org", "a name needs its organization's id", &org))
            } else if name.name.trim().is_empty() {
                Some(("name", "a name cannot be empty", &name.name))
            } else {
                None
            };
            if let Some((field, rule, value)) = bad {
                problems.push(origin.attach(invalid(field, rule, value)));
                continue;
            }
            if let (Some(from), Some(until)) = (name.from, name.until)
                && until <= from
            {
                problems.push(
                    origin.attach(
                        Error::new(ErrorKind::EndBeforeStart {
                            start: from.to_string(),
                            end: until.to_string(),
                        })
                        .in_field("until")
                        .with_value(until.to_string()),
                    ),
                );
                continue;
            }
            let i = match org_ix.get(&org) {
                // One id named in two files (an ATOP alliance and a COW IGO
                // both `4220`, the bundled CSTO and COW's): two sources'
                // histories would merge into one body without a word.
                Some(&i)
                    if org_file[i].is_some()
                        && origin.file.is_some()
                        && org_file[i] != origin.file =>
                {
                    problems.push(
                        origin.attach(
                            Error::new(ErrorKind::Duplicate(format!(
                                "organization `{org}` is also defined in {}; one id names one body (rename one of them)",
                                org_file[i].as_deref().unwrap_or("")
                            )))
                            .in_field("org")
                            .with_value(org.clone()),
                        ),
                    );
                    continue;
                }
                Some(&i) => i,
                None => {
                    let i = ds.orgs.len();
                    org_ix.insert(org.clone(), i);
                    org_file.push(origin.file.clone());
                    ds.orgs.push(Organization {
                        id: org.clone(),
                        names: Vec::new(),
                    });
                    claim_name(&mut ds, i, &org, "org", &origin, &mut problems);
                    i
                }
            };
            // Two official names in use on one day: `name_on` could not say
            // which was the name.
            if name.kind == NameKind::Official {
                let overlaps = |n: &Name| {
                    n.kind == NameKind::Official
                        && n.from.is_none_or(|f| name.until.is_none_or(|u| f < u))
                        && name.from.is_none_or(|f| n.until.is_none_or(|u| f < u))
                };
                if let Some(other) = ds.orgs[i].names.iter().find(|n| overlaps(n)) {
                    let span = |n: &Name| {
                        format!(
                            "{}..{}",
                            n.from.map_or(String::new(), |d| d.to_string()),
                            n.until.map_or(String::new(), |d| d.to_string())
                        )
                    };
                    problems.push(
                        origin.attach(
                            Error::new(ErrorKind::Duplicate(format!(
                                "official names of `{org}` overlap: `{}` ({}) and `{}` ({}); one name is in use on a day",
                                other.name,
                                span(other),
                                name.name,
                                span(&name)
                            )))
                            .in_field("from")
                            .with_value(name.name.clone()),
                        ),
                    );
                    continue;
                }
            }
            claim_name(&mut ds, i, &name.name, "name", &origin, &mut problems);
            check_sources(&ds.source_index, &name.sources, &mut problems, &origin);
            ds.orgs[i].names.push(name);
        }
        for org in &mut ds.orgs {
            // Official names in time order, then aliases.
            org.names
                .sort_by_key(|n| (n.kind == NameKind::Alias, n.from));
        }

        let mut party_origins: Vec<Origin> = Vec::new();
        for (p, origin) in parties {
            let bad = if p.code.is_empty() || p.code.contains(char::is_whitespace) {
                Some((
                    "code",
                    "a party code is one word, such as ARM",
                    p.code.clone(),
                ))
            } else if p.name.trim().is_empty() {
                Some(("name", "a party needs a name", p.name.clone()))
            } else if p.cow_code == Some(0) {
                // Only 0 is refused here: research files hold codes beyond
                // the state system's 2..=990 (ATOP's member 8152), and an
                // importer reports what the file says. The bundled format's
                // own reader is stricter (1 to 999).
                Some((
                    "cow_code",
                    "a COW code is a positive whole number",
                    "0".to_string(),
                ))
            } else {
                None
            };
            if let Some((field, rule, value)) = bad {
                problems.push(origin.attach(invalid(field, rule, &value)));
                continue;
            }
            if let Some(&first) = ds.party_index.get(&p.code) {
                problems.push(
                    origin.attach(
                        Error::new(ErrorKind::Duplicate(format!(
                            "party `{}` is defined twice{}",
                            p.code,
                            first_at(&party_origins[first])
                        )))
                        .in_field("code")
                        .with_value(p.code.clone()),
                    ),
                );
                continue;
            }
            check_sources(&ds.source_index, &p.sources, &mut problems, &origin);
            ds.party_index.insert(p.code.clone(), ds.parties.len());
            ds.parties.push(p);
            party_origins.push(origin);
        }
        // Every organization can itself be a member of another.
        for org in &ds.orgs {
            if !ds.party_index.contains_key(&org.id) {
                ds.party_index.insert(org.id.clone(), ds.parties.len());
                ds.parties.push(Party {
                    code: org.id.clone(),
                    kind: PartyKind::Organization,
                    name: org.current_name().to_string(),
                    cow_code: None,
                    cow_abbreviation: None,
                    sources: Vec::new(),
                });
            }
        }

        // Memberships are sorted by (organization, party code); rank the codes
        // once rather than compare strings in the sort.
        let mut by_code: Vec<usize> = (0..ds.parties.len()).collect();
        by_code.sort_unstable_by(|&a, &b| ds.parties[a].code.cmp(&ds.parties[b].code));
        let mut rank = vec![0; ds.parties.len()];
        for (r, &p) in by_code.iter().enumerate() {
            rank[p] = r;
        }

        // Check each event on its own, then group by (org, member).
        // Each pair's events and gaps, as (organization, party, record):
        // listed, then sorted by pair below (a map of pairs spent most of
        // the grouping's time on its scattered entries). The gaps are
        // checked on the second core while this one checks the events:
        // each reads the organizations and parties, nothing of the other.
        let (gaps, events) = crate::parallel::beside(
            unknowns.len() >= crate::parallel::WORTH_A_THREAD,
            || check_gaps(&ds, &unknowns, &rank),
            || check_events(&ds, events, &rank, &mut problems),
        );
        let Events {
            kept,
            pairs: pair_events,
            dissolved,
        } = events;
        ds.events = kept;
        problems.extend(gaps.problems);
        // Like the events, the gaps kept stay in the builder's list.
        let mut keep = gaps.keep.iter();
        let mut unknowns = unknowns;
        unknowns.retain(|_| keep.next() == Some(&true));
        unknowns.shrink_to_fit();
        ds.unknowns = unknowns;
        ds.org_unknown = gaps.org_unknown;
        let pair_gaps = gaps.pair_gaps;
        let by_start = |ids: &mut Vec<u32>, all: &[Unknown]| {
            ids.sort_by_key(|&u| all[u as usize].span.start());
        };
        ds.existence = vec![None; ds.parties.len()];
        for (code, days) in existence {
            match ds.party_index.get(&code) {
                Some(&p) => {
                    let all = ds.existence[p].get_or_insert_with(IntervalSet::new);
                    *all = all.union(&days);
                }
                None => problems.push(
                    Error::new(ErrorKind::UnknownParty(code.clone()))
                        .in_field("code")
                        .with_value(code),
                ),
            }
        }

        // Room for every pair at once (the list grew by copies of itself,
        // megabytes on a large file): at most the pairs with events plus
        // those with gaps.
        fn pairs<T>(rows: &[(usize, usize, T)]) -> usize {
            rows.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)).count()
        }
        // Each pair's rows in both lists, in membership order: found here,
        // then replayed on two cores (a pair's replay reads the events and
        // gaps and nothing of another pair's).
        type PairRows = (usize, usize, Range<usize>, Range<usize>);
        let mut pair_rows: Vec<PairRows> =
            Vec::with_capacity(pairs(&pair_events) + pairs(&pair_gaps));
        let (mut e, mut g) = (0, 0);
        loop {
            // The next pair: the first of either list's next (a pair with
            // events, gaps or both).
            let (org, party) = match (pair_events.get(e), pair_gaps.get(g)) {
                (None, None) => break,
                (Some(&(o, p, _)), None) | (None, Some(&(o, p, _))) => (o, p),
                (Some(&(o, p, _)), Some(&(go, gp, _))) => {
                    if (o, rank[p]) <= (go, rank[gp]) {
                        (o, p)
                    } else {
                        (go, gp)
                    }
                }
            };
            let (first_e, first_g) = (e, g);
            while pair_events
                .get(e)
                .is_some_and(|&(o, p, _)| (o, p) == (org, party))
            {
                e += 1;
            }
            while pair_gaps
                .get(g)
                .is_some_and(|&(o, p, _)| (o, p) == (org, party))
            {
                g += 1;
            }
            pair_rows.push((org, party, first_e..e, first_g..g));
        }
        // The memberships of `rows`, into a list with room for `room`.
        let replay_pairs = |rows: &[PairRows], room: usize| {
            let mut memberships = Vec::with_capacity(room);
            let mut errors = Vec::new();
            let mut spells = Vec::new();
            for &(org, party, ref events, ref gaps) in rows {
                let end = dissolved.get(&org).copied();
                // Room for the organization's end too: the list is not
                // grown by a copy for its last id.
                let mut ids: Vec<EventId> =
                    Vec::with_capacity(events.len() + usize::from(end.is_some()));
                ids.extend(pair_events[events.clone()].iter().map(|r| r.2));
                // Stable: file order breaks ties between events on one day.
                ids.sort_by_key(|&i| ds.events[i].day());
                let (mut membership, errs) = replay(&ds.events, org, party, ids, end, &mut spells);
                errors.extend(errs);
                membership.unknown = pair_gaps[gaps.clone()].iter().map(|r| r.2).collect();
                by_start(&mut membership.unknown, &ds.unknowns);
                memberships.push(membership);
            }
            (memberships, errors)
        };
        let n = pair_rows.len();
        let ((later, later_errors), (mut memberships, errors)) = crate::parallel::beside(
            n >= crate::parallel::WORTH_A_THREAD,
            || replay_pairs(&pair_rows[n / 2..], n - n / 2),
            // Room for all: the later half is put after the first.
            || replay_pairs(&pair_rows[..n / 2], n),
        );
        memberships.extend(later);
        problems.extend(errors);
        problems.extend(later_errors);
        ds.memberships = memberships;

        ds.org_members = vec![0..0; ds.orgs.len()];
        ds.party_memberships = vec![Vec::new(); ds.parties.len()];
        let mut start = 0;
        while start < ds.memberships.len() {
            let org = ds.memberships[start].org;
            let mut end = start;
            while end < ds.memberships.len() && ds.memberships[end].org == org {
                ds.party_memberships[ds.memberships[end].party].push(end);
                end += 1;
            }
            ds.org_members[org] = start..end;
            start = end;
        }
        ds.index_answers();
        // Problems in input order, as a reader fixing a file wants them: files
        // in the order they were read (not alphabetically), then by line.
        // Problems with no file (records added through the API) come last,
        // in the order they were found (the sort is stable).
        let mut rank: Vec<String> = files;
        for p in &problems {
            if let Some(f) = p.file_name()
                && !rank.iter().any(|r| r == f)
            {
                rank.push(f.to_string());
            }
        }
        let file_rank = |e: &Error| {
            e.file_name()
                .and_then(|f| rank.iter().position(|r| r == f))
                .unwrap_or(usize::MAX)
        };
        problems.sort_by_key(|e| (file_rank(e), e.line()));
        (ds, problems)
    }
}

/// The events of a build checked ([`check_events`]).
struct Events {
    /// The events kept, in input order.
    kept: Vec<Event>,
    /// Each pair's events, `(organization, party, event)`, by pair in
    /// membership order (see `rank`), each pair's in input order.
    pairs: Vec<(usize, usize, EventId)>,
    /// Each dissolved organization's end.
    dissolved: HashMap<usize, EventId>,
}

/// Checks each event on its own against the organizations, parties and
/// sources of `ds`, and against the events before it (a repeated id, the
/// same event twice, a second dissolution, a renaming after the end).
fn check_events(
    ds: &Dataset,
    mut events: Vec<Event>,
    rank: &[usize],
    problems: &mut Vec<Error>,
) -> Events {
    let mut pair_events: Vec<(usize, usize, EventId)> = Vec::new();
    let mut dissolved: HashMap<usize, EventId> = HashMap::default();
    let mut seen: HashMap<(usize, Option<usize>, EventKind, NaiveDate), u64> = HashMap::default();
    // At most one entry per event: reserved once, not rehashed as it grows.
    seen.reserve(events.len());
    // Where each repeated event id was first used (by any event, kept
    // or not), found borrowing the ids: no copy of every id and origin.
    let first_use: Vec<Option<Origin>> = {
        let mut first: HashMap<&str, usize> = HashMap::default();
        first.reserve(events.len());
        (events.iter().enumerate())
            .map(|(i, ev)| match first.entry(ev.id.as_str()) {
                Entry::Occupied(at) => Some(events[*at.get()].origin.clone()),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                    None
                }
            })
            .collect()
    };
    let mut org_of = OrgOf::default();
    let mut party_of = PartyOf::default();
    // The events kept stay where they are, in the builder's list (a new
    // list was megabytes of fresh memory to fault in on a large file);
    // each organization's dissolution is noted with its day and origin
    // for the message about a second one.
    let mut first_use = first_use.into_iter();
    let mut kept = 0;
    let mut dissolved_at: HashMap<usize, (NaiveDate, Origin)> = HashMap::default();
    // The last list of sources found all defined ([`all_defined`]).
    let mut known_sources: Option<Arc<[String]>> = None;
    events.retain(|ev| {
        if let Some(first) = first_use.next().flatten() {
            let e = Error::new(ErrorKind::Duplicate(format!(
                "event id `{}` is already used{}; each event has one id (its readings share it)",
                ev.id,
                first_at(&first)
            )))
            .in_field("event")
            .with_value(ev.id.clone());
            problems.extend(refused(ev, e));
            return false;
        }
        match check_event(ds, org_of.get(ds, &ev.org), &mut party_of, ev) {
            Err(e) => {
                problems.extend(refused(ev, e));
                false
            }
            Ok((org, member)) => {
                check_sources_of_event(&ds.source_index, ev, &mut known_sources, problems);
                // One hash of the key, not one to ask and one to insert.
                match seen.entry((org, member, ev.kind, ev.day())) {
                    Entry::Occupied(first) => {
                        let e = Error::new(ErrorKind::Duplicate(format!(
                            "the same event ({} of {} in {} on {}) is already recorded at line {}",
                            ev.kind,
                            ev.member.as_deref().unwrap_or("the organization"),
                            ev.org,
                            ev.day(),
                            first.get()
                        )))
                        .in_field("event")
                        .with_value(ev.id.clone());
                        problems.extend(refused(ev, e));
                        return false;
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(ev.origin.line.unwrap_or(0));
                    }
                }
                let id = EventId::new(kept);
                match member {
                    Some(m) => pair_events.push((org, m, id)),
                    None if ev.kind == EventKind::Dissolved => {
                        if let Some((day, origin)) = dissolved_at.get(&org) {
                            problems.push(
                                ev.origin.attach(
                                    Error::new(ErrorKind::Sequence(format!(
                                        "organization `{}` is dissolved twice (first on {}, at {})",
                                        ev.org, day, origin
                                    )))
                                    .in_field("kind")
                                    .with_value(ev.kind.as_str()),
                                ),
                            );
                            return false;
                        }
                        dissolved.insert(org, id);
                        dissolved_at.insert(org, (ev.day(), ev.origin.clone()));
                    }
                    None => {}
                }
                kept += 1;
                true
            }
        }
    });
    // What an importer reserved and did not use is given back (in
    // place: a smaller block is not copied).
    events.shrink_to_fit();

    // An organization event after the end (a renaming) is refused too.
    for ev in &events {
        let after_end = ev.member.is_none()
            && ev.kind != EventKind::Dissolved
            && ds
                .org_lookup
                .get(&ev.org.to_lowercase())
                .and_then(|o| dissolved.get(o))
                .is_some_and(|&d| ev.day() >= events[d].day());
        if after_end {
            problems.push(
                ev.origin.attach(
                    Error::new(ErrorKind::Sequence(format!(
                        "`{}` on {} comes after the organization `{}` ended",
                        ev.kind,
                        ev.day(),
                        ev.org
                    )))
                    .in_field("kind")
                    .with_value(ev.kind.as_str()),
                ),
            );
        }
    }
    // By pair in membership order, each pair's records in input
    // order: they were listed in input order, so two stable
    // counting sorts (by party's rank, then by organization) give
    // the order a sort by (organization, rank, record) gives, with
    // no comparison.
    counting_sort(&mut pair_events, rank.len(), |&(_, party, _)| rank[party]);
    counting_sort(&mut pair_events, ds.orgs.len(), |&(org, _, _)| org);
    Events {
        kept: events,
        pairs: pair_events,
        dissolved,
    }
}

/// The gaps of a build checked ([`check_gaps`]): which are kept, and the
/// kept ones (numbered in order) by organization and by pair.
struct Gaps {
    /// For each gap given, whether it is kept.
    keep: Vec<bool>,
    /// Each organization's own gaps, by start.
    org_unknown: Vec<Vec<u32>>,
    /// Each pair's gaps, `(organization, party, gap)`, by pair in
    /// membership order (see `rank`), each pair's in input order.
    pair_gaps: Vec<(usize, usize, u32)>,
    problems: Vec<Error>,
}

/// Checks `unknowns` against the organizations, parties and sources of
/// `ds`: a gap's organization, and a pair's party, must be known, and it
/// names a source. A gap is an organization's own, or one pair's (which
/// makes the pair a membership even with no event). `rank` is each
/// party's place by code.
fn check_gaps(ds: &Dataset, unknowns: &[Unknown], rank: &[usize]) -> Gaps {
    let mut org_of = OrgOf::default();
    let mut party_of = PartyOf::default();
    let mut known_sources: Option<Arc<[String]>> = None;
    let mut problems = Vec::new();
    let mut org_unknown = vec![Vec::new(); ds.orgs.len()];
    let mut pair_gaps: Vec<(usize, usize, u32)> = Vec::new();
    // The gap (its place in `unknowns`) of each id kept.
    let mut kept: Vec<usize> = Vec::new();
    let keep = (unknowns.iter().enumerate())
        .map(|(i, u)| {
            let Some(org) = org_of.get(ds, u.org.trim()) else {
                problems.push(
                    u.origin.attach(
                        Error::new(ErrorKind::UnknownOrganization(u.org.to_string()))
                            .in_field("org")
                            .with_value(&*u.org),
                    ),
                );
                return false;
            };
            if u.sources.is_empty() {
                problems.push(u.origin.attach(invalid(
                    "sources",
                    "a gap in the data names the source that shows it",
                    "",
                )));
                return false;
            }
            if !all_defined(&ds.source_index, &u.sources, &mut known_sources) {
                check_sources(&ds.source_index, &u.sources, &mut problems, &u.origin);
            }
            let id = kept.len() as u32;
            match &u.member {
                None => org_unknown[org].push(id),
                Some(code) => match party_of.get(ds, code) {
                    Some(p) => pair_gaps.push((org, p, id)),
                    None => {
                        problems.push(
                            u.origin.attach(
                                Error::new(ErrorKind::UnknownParty(code.to_string()))
                                    .in_field("member")
                                    .with_value(&**code),
                            ),
                        );
                        return false;
                    }
                },
            }
            kept.push(i);
            true
        })
        .collect();
    for ids in &mut org_unknown {
        ids.sort_by_key(|&u| unknowns[kept[u as usize]].span.start());
    }
    // By pair in membership order, as the events are sorted.
    counting_sort(&mut pair_gaps, rank.len(), |&(_, party, _)| rank[party]);
    counting_sort(&mut pair_gaps, ds.orgs.len(), |&(org, _, _)| org);
    Gaps {
        keep,
        org_unknown,
        pair_gaps,
        problems,
    }
}

/// The `total` segments (segment `i` is `segment(i)`) in the order the
/// index lists an organization's (by start, then end), and the position of
/// each in that order: a listing then reads them from one run of memory,
/// not from all over.
fn in_index_order(total: usize, segment: &impl Fn(usize) -> Segment) -> (Vec<u32>, Vec<Segment>) {
    // Each segment's key packed in one integer, sorted with its position
    // (a comparison of two integers, no lookup): organization, start, end,
    // position, each in 32 bits (a day's sign bit flipped so that unsigned
    // order is the days' order).
    let day = |d: i32| u128::from((d as u32) ^ (1 << 31));
    let mut order: Vec<u128> = (0..total)
        .map(|i| {
            let s = segment(i);
            u128::from(s.org) << 96 | day(s.start) << 64 | day(s.end) << 32 | i as u128
        })
        .collect();
    // Memberships are by organization, so the keys come in runs of one
    // organization: each run sorted on its own (shorter sorts), and the
    // whole sorted only if they did not.
    for run in order.chunk_by_mut(|a, b| a >> 96 == b >> 96) {
        run.sort_unstable();
    }
    if !order.is_sorted() {
        order.sort_unstable();
    }
    // The position is the low 32 bits.
    let at = |key: &u128| *key as u32 as usize;
    let mut position = vec![0u32; total];
    for (p, key) in order.iter().enumerate() {
        position[at(key)] = p as u32;
    }
    // Gathered in that order from the two halves into a list of their
    // size: appending the later half to the first copied the first into a
    // block twice its size (a tenth of the COW IGO file's page faults, with
    // the growth of the halves), and putting that list in order in place
    // read it all over.
    let segments = order.iter().map(|key| segment(at(key))).collect();
    (position, segments)
}

/// Sorts `rows` stably by `key`, each key below `keys`, in O(rows + keys).
fn counting_sort<T: Copy>(rows: &mut Vec<T>, keys: usize, key: impl Fn(&T) -> usize) {
    let mut at = vec![0usize; keys + 1];
    for r in rows.iter() {
        at[key(r) + 1] += 1;
    }
    for k in 0..keys {
        at[k + 1] += at[k];
    }
    let mut sorted = rows.clone();
    for r in rows.iter() {
        let k = key(r);
        sorted[at[k]] = *r;
        at[k] += 1;
    }
    *rows = sorted;
}

/// The problems for an event left out of the dataset: `e` at its first row,
/// and again at each further row of its readings, so that no row is dropped
/// without being named.
fn refused(ev: &Event, e: Error) -> Vec<Error> {
    let mut out = Vec::with_capacity(1 + ev.more_lines.len());
    for &line in &ev.more_lines {
        let at = Origin {
            file: ev.origin.file.clone(),
            line: Some(line),
        };
        out.push(at.attach(e.clone()));
    }
    out.push(ev.origin.attach(e));
    out
}

fn invalid(field: &str, rule: &str, value: &str) -> Error {
    Error::new(ErrorKind::InvalidValue(rule.into()))
        .in_field(field)
        .with_value(value)
}

/// ", first at FILE:LINE" when the first definition's place is known.
fn first_at(origin: &Origin) -> String {
    if origin.file.is_some() || origin.line.is_some() {
        format!(" (first at {origin})")
    } else {
        String::new()
    }
}

/// Makes `key` (an organization id or name, any case) find organization `i`;
/// a key another organization already uses is a problem at `origin`.
fn claim_name(
    ds: &mut Dataset,
    i: usize,
    key: &str,
    field: &str,
    origin: &Origin,
    problems: &mut Vec<Error>,
) {
    let lower = key.to_lowercase();
    match ds.org_lookup.get(&lower) {
        Some(&j) if j != i => problems.push(
            origin.attach(
                Error::new(ErrorKind::Duplicate(format!(
                    "name `{key}` is used by two organizations, `{}` and `{}` (names and ids must be unique, ignoring case)",
                    ds.orgs[j].id, ds.orgs[i].id
                )))
                .in_field(field)
                .with_value(key),
            ),
        ),
        Some(_) => {}
        None => {
            ds.org_lookup.insert(lower, i);
        }
    }
}

fn check_sources(
    index: &HashMap<String, usize>,
    sources: &[String],
    problems: &mut Vec<Error>,
    origin: &Origin,
) {
    for s in sources {
        if !index.contains_key(s) {
            problems.push(
                origin.attach(
                    Error::new(ErrorKind::UnknownSource(s.clone()))
                        .in_field("sources")
                        .with_value(s.clone()),
                ),
            );
        }
    }
}

/// Whether every source of `sources` is defined. An importer gives
/// thousands of records one shared list: `known`, the last list found all
/// defined, is not looked up again.
fn all_defined(
    index: &HashMap<String, usize>,
    sources: &Arc<[String]>,
    known: &mut Option<Arc<[String]>>,
) -> bool {
    if known.as_ref().is_some_and(|k| Arc::ptr_eq(k, sources)) {
        return true;
    }
    let all = sources.iter().all(|s| index.contains_key(s));
    if all {
        *known = Some(Arc::clone(sources));
    }
    all
}

/// Reports each source an event's readings cite that is not defined, at
/// the reading's row (`known` as [`all_defined`] takes it).
fn check_sources_of_event(
    index: &HashMap<String, usize>,
    ev: &Event,
    known: &mut Option<Arc<[String]>>,
    problems: &mut Vec<Error>,
) {
    for (i, r) in ev.readings.iter().enumerate() {
        if all_defined(index, &r.sources, known) {
            continue;
        }
        for s in r.sources.iter() {
            if !index.contains_key(s) {
                // Reading i came from the event's (i+1)th row: name that row
                // (made only for a problem: a copy per event was a cost).
                let at = match i.checked_sub(1).and_then(|k| ev.more_lines.get(k)) {
                    Some(&line) => Origin {
                        file: ev.origin.file.clone(),
                        line: Some(line),
                    },
                    None => ev.origin.clone(),
                };
                problems.push(
                    at.attach(
                        Error::new(ErrorKind::UnknownSource(s.clone()))
                            .in_field("sources")
                            .with_value(s.clone()),
                    ),
                );
            }
        }
    }
}

/// Finds organizations by id or name, ignoring case, as `org_lookup` keys
/// them. Records come one organization after another, so the last answer
/// is kept: lowercasing every event's and gap's organization was a good
/// part of a build.
#[derive(Default)]
struct OrgOf {
    last: Option<(String, Option<usize>)>,
}

impl OrgOf {
    fn get(&mut self, ds: &Dataset, name: &str) -> Option<usize> {
        match &self.last {
            Some((asked, org)) if asked == name => *org,
            _ => {
                let org = ds.org_lookup.get(&name.to_lowercase()).copied();
                self.last = Some((name.to_string(), org));
                org
            }
        }
    }
}

/// Finds parties by code. An importer gives each state's events one shared
/// code, and they come one state after another: the last answer is kept
/// for the same string (the same allocation), found without a lookup.
#[derive(Default)]
struct PartyOf {
    last: Option<(Arc<str>, Option<usize>)>,
}

impl PartyOf {
    fn get(&mut self, ds: &Dataset, code: &Arc<str>) -> Option<usize> {
        match &self.last {
            Some((asked, party)) if Arc::ptr_eq(asked, code) => *party,
            _ => {
                let party = ds.party_index.get(&**code).copied();
                self.last = Some((Arc::clone(code), party));
                party
            }
        }
    }
}

/// Checks an event is complete and resolves its member; `org` is its
/// organization, found by [`OrgOf`], and the member is found by `party_of`.
fn check_event(
    ds: &Dataset,
    org: Option<usize>,
    party_of: &mut PartyOf,
    ev: &Event,
) -> Result<(usize, Option<usize>), Error> {
    let org = org.ok_or_else(|| {
        Error::new(ErrorKind::UnknownOrganization(ev.org.to_string()))
            .in_field("org")
            .with_value(&*ev.org)
    })?;
    if ev.readings.is_empty() {
        return Err(Error::new(ErrorKind::InvalidValue(
            "an event needs at least one dated reading".into(),
        ))
        .in_field("date"));
    }
    if let Some(r) = ev.readings.iter().find(|r| r.sources.is_empty()) {
        return Err(Error::new(ErrorKind::InvalidValue(
            "every reading of an event names its source".into(),
        ))
        .in_field("sources")
        .with_value(r.date.to_string()));
    }
    let member = match (&ev.member, ev.kind.is_organization_event()) {
        (Some(m), false) => {
            let p = party_of.get(ds, m).ok_or_else(|| {
                Error::new(ErrorKind::UnknownParty(m.to_string()))
                    .in_field("member")
                    .with_value(&**m)
            })?;
            // A state may share its code with an organization's id (COW's
            // `NAM` is Namibia and the Non-Aligned Movement): only the
            // organization's own party is refused.
            let own = &ds.parties[p];
            if own.kind == PartyKind::Organization && own.code == ds.orgs[org].id {
                return Err(Error::new(ErrorKind::InvalidValue(
                    "an organization cannot be a member of itself".into(),
                ))
                .in_field("member")
                .with_value(&**m));
            }
            Some(p)
        }
        (None, true) => None,
        (Some(m), true) => {
            return Err(Error::new(ErrorKind::InvalidValue(format!(
                "a `{}` event is about the organization and names no member",
                ev.kind
            )))
            .in_field("member")
            .with_value(&**m));
        }
        (None, false) => {
            return Err(Error::new(ErrorKind::InvalidValue(format!(
                "a `{}` event needs a member",
                ev.kind
            )))
            .in_field("member")
            .with_value(""));
        }
    };
    Ok((org, member))
}

/// Replays one pair's events (sorted) into spells; refused events are
/// reported and skipped. `spells` is room to make them in, its contents
/// thrown away.
fn replay(
    events: &[Event],
    org: usize,
    party: usize,
    mut ids: Vec<EventId>,
    dissolved: Option<EventId>,
    spells: &mut Vec<Spell>,
) -> (Membership, Vec<Error>) {
    spells.clear();
    // The events kept are `ids[..kept]`, in order: written over the ids
    // already read, so the pair's list is not allocated twice.
    let mut kept = 0;
    let mut errors = Vec::new();
    let mut standing = Standing::Never;
    for next in 0..ids.len() {
        let id = ids[next];
        let ev = &events[id];
        if let Some(d) = dissolved
            && ev.day() >= events[d].day()
        {
            errors.push(
                ev.origin.attach(
                    Error::new(ErrorKind::Sequence(format!(
                        "`{}` on {} comes after the organization ended on {}",
                        ev.kind,
                        ev.day(),
                        events[d].day()
                    )))
                    .in_field("kind")
                    .with_value(ev.kind.as_str()),
                ),
            );
            continue;
        }
        let after = match ev.kind.apply(standing) {
            Ok(after) => after,
            Err(rule) => {
                errors.push(
                    ev.origin.attach(
                        Error::new(ErrorKind::Sequence(format!(
                            "{} `{}` in {} on {}: {rule}",
                            ev.kind,
                            ev.member.as_deref().unwrap_or(""),
                            ev.org,
                            ev.day()
                        )))
                        .in_field("kind")
                        .with_value(ev.kind.as_str()),
                    ),
                );
                continue;
            }
        };
        let before = match standing {
            Standing::In(s) => Some(s),
            _ => None,
        };
        // A status that ends on the day it starts held on no day: a
        // data-entry mistake, not a membership.
        if let (Some(b), Some(last)) = (before, spells.last())
            && before != after
            && last.start == ev.day()
            && last.closed_by.is_none()
        {
            errors.push(
                ev.origin.attach(
                    Error::new(ErrorKind::Sequence(format!(
                        "{} `{}` in {} on {} ends a {b} status that began the same day (a status of no days)",
                        ev.kind,
                        ev.member.as_deref().unwrap_or(""),
                        ev.org,
                        ev.day()
                    )))
                    .in_field("date")
                    .with_value(ev.day().to_string()),
                ),
            );
            continue;
        }
        ids[kept] = id;
        kept += 1;
        if before == after {
            continue;
        }
        if before.is_some() {
            close(spells, events, id);
        }
        if let Some(status) = after {
            spells.push(Spell {
                status,
                opened_by: id,
                closed_by: None,
                start: ev.day(),
                end: None,
                start_earliest: ev.earliest(),
                start_latest: ev.latest(),
                end_earliest: None,
                end_latest: None,
                start_date: ev.readings[0].date.clone(),
                end_date: None,
            });
        }
        standing = match after {
            Some(s) => Standing::In(s),
            None => Standing::Left,
        };
    }
    ids.truncate(kept);
    // An organization's end ends every status in it.
    if let (Some(d), Standing::In(_)) = (dissolved, standing) {
        close(spells, events, d);
        ids.push(d);
    }
    (
        Membership {
            org,
            party,
            // Made in `spells`, which the caller keeps for the next pair,
            // and copied into a list of their number: most pairs hold one
            // spell (88 bytes), where a first push makes room for four.
            spells: spells.to_vec(),
            events: ids,
            unknown: Vec::new(),
            segments: 0..0,
        },
        errors,
    )
}

fn close(spells: &mut [Spell], events: &[Event], id: EventId) {
    if let Some(last) = spells.last_mut() {
        let ev = &events[id];
        last.closed_by = Some(id);
        last.end = Some(ev.day());
        last.end_earliest = Some(ev.earliest());
        last.end_latest = Some(ev.latest());
        last.end_date = Some(ev.readings[0].date.clone());
    }
}

/// The counts by kind ([`Counter`]): each pair's stretches of that kind,
/// touching ones joined, per organization.
fn counts(memberships: &[Membership], segment: &impl Fn(usize) -> Segment, orgs: usize) -> Counter {
    const KINDS: usize = crate::history::index::KINDS;
    let kinds: [fn(&answer::Verdict) -> bool; KINDS] = [
        |v| v.member == Some(true),
        |v| v.member == Some(true) && v.certainty == Certainty::Definite,
        |v| match v.certainty {
            Certainty::Definite => v.member == Some(true),
            Certainty::Possible => true,
            Certainty::Unknown => false,
        },
        |v| v.certainty == Certainty::Unknown,
    ];
    // Every kind's stretches in one walk of each pair's segments (a walk
    // per kind read the segments, scattered in index order, four times).
    // The counter sorts each group's changes: their order here is free.
    let mut rows: Vec<(u32, u32, i32, i32)> = Vec::new();
    for m in memberships {
        let mut open: [Option<(u32, u32, i32, i32)>; KINDS] = [None; KINDS];
        for i in m.segments.clone() {
            let s = &segment(i);
            for (k, (kind, run)) in kinds.iter().zip(&mut open).enumerate() {
                if !kind(&s.verdict) {
                    continue;
                }
                match run {
                    Some(run) if run.3 == s.start => run.3 = s.end,
                    _ => {
                        rows.extend(run.take());
                        *run = Some((s.org, k as u32, s.start, s.end));
                    }
                }
            }
        }
        rows.extend(open.into_iter().flatten());
    }
    Counter::new(rows, orgs)
}
