//! The one query surface of a [`Dataset`]: who was a member on a date, one
//! member's status and timeline, the organizations of a member, what
//! changed between two dates. Every answer on a day is an [`Answer`] in
//! three values (see `answer.rs`); the lists come from the index the
//! dataset builds with itself.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::history::answer::{self, Answer};
use crate::history::dataset::{Dataset, Membership, Spell};
use crate::history::date::IntoDay;
use crate::history::event::{Event, EventId};
use crate::history::index::{Alive, Entry, Found, Tags};
use crate::history::lookup;
use crate::history::party::{Organization, Party, Source};
use crate::history::status::{EventKind, Status};
use crate::history::unknown::Unknown;
use crate::interval::set::IntervalSet;

/// An organization of a [`Dataset`], resolved once with
/// [`Dataset::org_id`]: queries given one skip the name lookup.
///
/// ```
/// # use membership_history::bundled;
/// let ds = bundled();
/// let csto = ds.org_id("csto").unwrap();
/// assert_eq!(ds.organization(csto).unwrap().id(), "CSTO");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgId(u32);

/// A party of a [`Dataset`], resolved once with [`Dataset::party_id`].
///
/// ```
/// # use membership_history::bundled;
/// let ds = bundled();
/// let arm = ds.party_id("ARM").unwrap();
/// assert_eq!(ds.party(arm).unwrap().name(), "Armenia");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartyId(u32);

impl PartyId {
    /// The party's position in [`Dataset::parties`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let arm = ds.party_id("ARM").unwrap();
    /// assert_eq!(ds.parties()[arm.index()].code(), "ARM");
    /// ```
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    #[inline]
    pub(crate) fn new(i: u32) -> PartyId {
        PartyId(i)
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for &str {}
    impl Sealed for &String {}
    impl Sealed for super::OrgId {}
    impl Sealed for super::PartyId {}
}

/// How a query names an organization: its id, an official name or an
/// alias in any case (`"CSTO"`, `"odkb"`), or an [`OrgId`]. An unknown one
/// suggests near misses ([`Error::suggestions`]).
pub trait OrgRef: sealed::Sealed {
    #[doc(hidden)]
    fn resolve(self, ds: &Dataset) -> Result<usize, Error>;
}

/// How a query names a party: its code (as written, in upper case, or in
/// any case), a COW state number (`"365"`), a COW abbreviation (`"RUS"`),
/// its name in any case (`"russia"`), or a [`PartyId`]. A form that fits
/// two parties is an error that names both; an unknown one suggests near
/// misses ([`Error::suggestions`]).
///
/// ```
/// # use membership_history::bundled;
/// let ds = bundled();
/// for asked in ["RUS", "rus", "365", "Russia"] {
///     assert_eq!(ds.party(asked).unwrap().code(), "RUS");
/// }
/// ```
pub trait PartyRef: sealed::Sealed {
    #[doc(hidden)]
    fn resolve(self, ds: &Dataset) -> Result<usize, Error>;
}

/// The error for an id past the dataset's: one from another dataset.
#[cold]
fn foreign_id(kind: fn(String) -> ErrorKind, i: usize) -> Error {
    Error::new(kind(format!("#{i} (an id from another dataset)")))
}

impl OrgRef for &str {
    fn resolve(self, ds: &Dataset) -> Result<usize, Error> {
        lookup::organization(ds, self)
    }
}

impl OrgRef for &String {
    fn resolve(self, ds: &Dataset) -> Result<usize, Error> {
        OrgRef::resolve(self.as_str(), ds)
    }
}

impl OrgRef for OrgId {
    #[inline]
    fn resolve(self, ds: &Dataset) -> Result<usize, Error> {
        let i = self.0 as usize;
        if i < ds.orgs.len() {
            Ok(i)
        } else {
            Err(foreign_id(ErrorKind::UnknownOrganization, i))
        }
    }
}

impl PartyRef for &str {
    fn resolve(self, ds: &Dataset) -> Result<usize, Error> {
        lookup::party(ds, self)
    }
}

impl PartyRef for &String {
    fn resolve(self, ds: &Dataset) -> Result<usize, Error> {
        PartyRef::resolve(self.as_str(), ds)
    }
}

impl PartyRef for PartyId {
    #[inline]
    fn resolve(self, ds: &Dataset) -> Result<usize, Error> {
        let i = self.0 as usize;
        if i < ds.parties.len() {
            Ok(i)
        } else {
            Err(foreign_id(ErrorKind::UnknownParty, i))
        }
    }
}

/// The parties with a status, or a gap in the data, in one organization on
/// one day, from [`Dataset::members_on`]: the members de jure by the
/// preferred readings first, then the others, in no particular order
/// within each (sort by [`Party::code`] for a stable listing).
#[derive(Debug, Clone)]
pub struct MembersOn<'a> {
    ds: &'a Dataset,
    date: NaiveDate,
    /// The members' segments, listed first (for a party's listing, all of
    /// its segments): the index's cut, read as `members` on the first
    /// `next` (a listing of members alone reads only its tags).
    found: Found<'a>,
    members: Option<Alive<'a>>,
    /// The others' segments are looked up only once the members are all
    /// taken (a listing of members alone never reads them).
    rest: Option<Alive<'a>>,
    asked: Asked,
}

/// Whose answers a [`MembersOn`] lists: an organization's (the index's
/// entries are tagged with their parties; its others are looked up when
/// needed) or a party's (tagged with their organizations; nothing else).
#[derive(Debug, Clone, Copy)]
enum Asked {
    Org(u32),
    Party(u32),
}

impl Asked {
    /// The answer of an entry of the index.
    #[inline]
    fn answer<'a>(self, ds: &'a Dataset, e: Entry, date: NaiveDate) -> Answer<'a> {
        let pair = match self {
            Asked::Org(o) => (o, e.tag),
            Asked::Party(p) => (e.tag, p),
        };
        Answer::of_segment(ds, pair, e.flags, e.item, date)
    }

    /// The segments listed after the members: an organization's others.
    #[inline]
    fn others(self, ds: &Dataset, date: NaiveDate) -> Alive<'_> {
        match self {
            Asked::Org(o) => ds.index.others_of_org(o as usize, date),
            Asked::Party(_) => Alive::default(),
        }
    }
}

impl<'a> MembersOn<'a> {
    /// The parties of the answers not yet taken whose
    /// [`member`](Answer::member) is `Some(true)`: the members de jure by
    /// the preferred readings, definite or possible, read from the index
    /// with no `Answer` made (a ready slice of party ids, plus for a very
    /// large organization the few that joined since the index's last
    /// snapshot before the day).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let on = ds.members_on("CSTO", "1993-10-01")?;
    /// let mut members: Vec<&str> = on.clone().members().map(|p| ds.parties()[p.index()].code()).collect();
    /// members.sort();
    /// assert_eq!(members, ["ARM", "AZE", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    /// // The same parties as the answers that say "member":
    /// assert_eq!(on.filter(|a| a.member() == Some(true)).count(), members.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn members(self) -> Members<'a> {
        Members(match self.members {
            Some(members) => members.tags(),
            None => self.found.tags(),
        })
    }
}

/// The members de jure among the answers of a [`MembersOn`], as
/// [`PartyId`]s: from [`MembersOn::members`].
#[derive(Debug, Clone)]
pub struct Members<'a>(Tags<'a>);

impl Iterator for Members<'_> {
    type Item = PartyId;

    #[inline]
    fn next(&mut self) -> Option<PartyId> {
        self.0.next().map(PartyId)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }

    // The index's fold: its ready slice as a plain loop.
    #[inline]
    fn fold<B, F: FnMut(B, PartyId) -> B>(self, init: B, mut f: F) -> B {
        self.0.fold(init, |acc, p| f(acc, PartyId(p)))
    }
}

impl<'a> Iterator for MembersOn<'a> {
    type Item = Answer<'a>;

    #[inline]
    fn next(&mut self) -> Option<Answer<'a>> {
        let (ds, date, asked, found) = (self.ds, self.date, self.asked, self.found);
        if let Some(e) = self.members.get_or_insert_with(|| found.alive()).next() {
            return Some(asked.answer(ds, e, date));
        }
        self.rest
            .get_or_insert_with(|| asked.others(ds, date))
            .next()
            .map(|e| asked.answer(ds, e, date))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (low, high) = match &self.members {
            Some(members) => members.size_hint(),
            None => self.found.size_hint(),
        };
        match (&self.rest, self.asked) {
            (Some(rest), _) => {
                let (l, h) = rest.size_hint();
                (low + l, high.zip(h).map(|(a, b)| a + b))
            }
            (None, Asked::Org(_)) => (low, None),
            (None, Asked::Party(_)) => (low, high),
        }
    }

    #[inline]
    fn fold<B, F: FnMut(B, Answer<'a>) -> B>(self, init: B, mut f: F) -> B {
        let (ds, date, asked) = (self.ds, self.date, self.asked);
        let acc = self
            .members
            .unwrap_or_else(|| self.found.alive())
            .fold(init, |acc, e| f(acc, asked.answer(ds, e, date)));
        self.rest
            .unwrap_or_else(|| asked.others(ds, date))
            .fold(acc, |acc, e| f(acc, asked.answer(ds, e, date)))
    }
}

/// The organizations in which one party had a status, or a gap in the
/// data, on one day, from [`Dataset::organizations_of`]; in no particular
/// order.
#[derive(Debug, Clone)]
pub struct OrganizationsOf<'a>(MembersOn<'a>);

impl<'a> Iterator for OrganizationsOf<'a> {
    type Item = Answer<'a>;

    #[inline]
    fn next(&mut self) -> Option<Answer<'a>> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

/// One party's history in one organization, from [`Dataset::timeline`]:
/// its spells, every event, and the stretches the data does not cover.
///
/// ```
/// use membership_history::{bundled, Status};
///
/// let ds = bundled();
/// let uzb = ds.timeline("CSTO", "UZB")?;
/// let statuses: Vec<Status> = uzb.spells().iter().map(|s| s.status()).collect();
/// assert_eq!(statuses, [Status::Member, Status::Frozen, Status::Member, Status::Suspended]);
/// assert!(uzb.known_until().is_some()); // the bundled data's verified-as-of day
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Timeline<'a> {
    ds: &'a Dataset,
    org: usize,
    party: usize,
    membership: Option<&'a Membership>,
}

impl<'a> Timeline<'a> {
    /// The organization.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().timeline("ODKB", "ARM")?.organization().id(), "CSTO");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organization(&self) -> &'a Organization {
        &self.ds.orgs[self.org]
    }

    /// The party.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().timeline("CSTO", "arm")?.party().code(), "ARM");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party(&self) -> &'a Party {
        &self.ds.parties[self.party]
    }

    /// The status spells, in order; empty when the party never had one.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO", "UZB")?;
    /// let spans: Vec<String> = tl.spells().iter().map(|s| s.span().unwrap().to_string()).collect();
    /// assert_eq!(spans[2], "2006-08-16..2012-12-19");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn spells(&self) -> &'a [Spell] {
        self.membership.map_or(&[], |m| m.spells.as_slice())
    }

    /// Every event of the party in the organization (status changes,
    /// ratifications, statements), in order.
    ///
    /// ```
    /// # use membership_history::{bundled, EventKind};
    /// let ds = bundled();
    /// let kinds: Vec<EventKind> = ds.timeline("CSTO", "KAZ")?.events().map(|e| e.kind()).collect();
    /// assert_eq!(&kinds[..3], [EventKind::Signed, EventKind::Ratified, EventKind::EnteredIntoForce]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events(&self) -> impl Iterator<Item = &'a Event> + 'a {
        let ds = self.ds;
        self.membership
            .into_iter()
            .flat_map(move |m| m.events.iter().map(move |&e| &ds.events[e]))
    }

    /// The stretches the data does not cover, the party's own and its
    /// organization's (its coverage), by start.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO", "ARM")?;
    /// assert!(tl.unknowns().iter().any(|u| u.span().end().is_none()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unknowns(&self) -> Vec<&'a Unknown> {
        let own = self.membership.map_or(&[][..], |m| m.unknown.as_slice());
        let mut out: Vec<&Unknown> = own
            .iter()
            .chain(&self.ds.org_unknown[self.org])
            .map(|&u| &self.ds.unknowns[u as usize])
            .collect();
        out.sort_by_key(|u| u.span().start());
        out
    }

    pub(crate) fn dataset(&self) -> &'a Dataset {
        self.ds
    }

    /// The last day the data covers for this party here: the day before the
    /// first gap that never ends; `None` when coverage is open.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.timeline("CSTO", "ARM")?.known_until(), ds.known_until("CSTO")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn known_until(&self) -> Option<NaiveDate> {
        self.unknowns()
            .into_iter()
            .filter(|u| u.span().end().is_none())
            .find_map(Unknown::known_until)
    }

    /// The days of membership de jure, as interval sets: by the preferred
    /// readings, under every reading (`definite`) and under some
    /// (`possible`), leaving out the days the data does not cover.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let days = bundled().timeline("CSTO", "UZB")?.member_days();
    /// assert_eq!(days.preferred.to_string(), "1992-05-15..1999-04-21, 2006-08-16..2012-12-19");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn member_days(&self) -> MemberDays {
        self.membership
            .map(|m| self.ds.member_days(m))
            .unwrap_or_default()
    }
}

/// The days of one membership, from [`Timeline::member_days`]:
/// `definite ⊆ preferred ⊆ possible`, and `unknown` disjoint from all three.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MemberDays {
    /// Member by the preferred readings.
    pub preferred: IntervalSet<NaiveDate>,
    /// Member under every reading.
    pub definite: IntervalSet<NaiveDate>,
    /// Member under at least one reading.
    pub possible: IntervalSet<NaiveDate>,
    /// The data does not say.
    pub unknown: IntervalSet<NaiveDate>,
}

/// A change of one party's status, from [`Dataset::changes_between`].
///
/// ```
/// use membership_history::bundled;
///
/// let ds = bundled();
/// let changes = ds.changes_between("CSTO", "1999-01-01", "2000-01-01")?;
/// let left: Vec<&str> = changes.iter().filter(|c| c.left()).map(|c| c.party().code()).collect();
/// assert_eq!(left, ["AZE", "GEO", "UZB"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    party: &'a Party,
    event: &'a Event,
    event_id: EventId,
    before: Option<Status>,
    after: Option<Status>,
}

impl<'a> Change<'a> {
    /// The party whose status changed.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let c = bundled().changes_between("CSTO", "1993-01-01", "1993-10-01")?;
    /// assert_eq!(c[0].party().code(), "AZE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party(&self) -> &'a Party {
        self.party
    }

    /// The day it changed (preferred reading); [`event`](Change::event)
    /// has every reading.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let c = bundled().changes_between("CSTO", "1993-01-01", "1993-10-01")?;
    /// assert_eq!(c[0].day().to_string(), "1993-09-24");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn day(&self) -> NaiveDate {
        self.event.day()
    }

    /// The event that changed it.
    ///
    /// ```
    /// # use membership_history::{bundled, EventKind};
    /// let c = bundled().changes_between("CSTO", "1993-01-01", "1993-10-01")?;
    /// assert_eq!(c[0].event().kind(), EventKind::Acceded);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn event(&self) -> &'a Event {
        self.event
    }

    /// The event's id in the dataset.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "1993-01-01", "1993-10-01")?;
    /// assert_eq!(ds.event(c[0].event_id()).map(|e| e.kind()), Some(c[0].event().kind()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn event_id(&self) -> EventId {
        self.event_id
    }

    /// The status before, `None` for none.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let c = bundled().changes_between("CSTO", "1993-01-01", "1993-10-01")?;
    /// assert_eq!(c[0].before(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn before(&self) -> Option<Status> {
        self.before
    }

    /// The status after, `None` for none.
    ///
    /// ```
    /// # use membership_history::{bundled, Status};
    /// let c = bundled().changes_between("CSTO", "1993-01-01", "1993-10-01")?;
    /// assert_eq!(c[0].after(), Some(Status::Member));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn after(&self) -> Option<Status> {
        self.after
    }

    /// Whether the party became a member de jure.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let c = bundled().changes_between("CSTO", "1993-01-01", "1993-10-01")?;
    /// assert!(c[0].joined());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn joined(&self) -> bool {
        !is_member(self.before) && is_member(self.after)
    }

    /// Whether the party stopped being a member de jure.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let c = bundled().changes_between("CSTO", "2012-01-01", "2013-01-01")?;
    /// assert!(c[0].left()); // Uzbekistan suspended
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn left(&self) -> bool {
        is_member(self.before) && !is_member(self.after)
    }
}

fn is_member(s: Option<Status>) -> bool {
    s.is_some_and(Status::is_member)
}

/// A row for export: one status spell of one party in one organization.
#[derive(Debug, Clone, Serialize)]
pub struct SpellRecord<'a> {
    /// The organization's id.
    pub org: &'a str,
    /// The party's code.
    pub member: &'a str,
    /// The status.
    pub status: Status,
    /// First day (preferred readings).
    pub start: NaiveDate,
    /// First day after, `None` while it lasts.
    pub end: Option<NaiveDate>,
}

impl Dataset {
    /// Finds an organization by id, official name or alias (any case), or
    /// by [`OrgId`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.organization("Collective Security Treaty").unwrap().id(), "CSTO");
    /// assert!(ds.organization("NATO").is_none());
    /// ```
    pub fn organization(&self, org: impl OrgRef) -> Option<&Organization> {
        org.resolve(self).ok().map(|i| &self.orgs[i])
    }

    /// The [`OrgId`] of an organization, for repeated queries.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.org_id("CST"), ds.org_id("CSTO"));
    /// assert!(ds.org_id("NATO").is_none());
    /// ```
    pub fn org_id(&self, org: &str) -> Option<OrgId> {
        OrgRef::resolve(org, self).ok().map(|i| OrgId(i as u32))
    }

    /// Finds a party by its code (exact, or in upper case), or by
    /// [`PartyId`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().party("uzb").unwrap().name(), "Uzbekistan");
    /// ```
    pub fn party(&self, party: impl PartyRef) -> Option<&Party> {
        party.resolve(self).ok().map(|i| &self.parties[i])
    }

    /// The [`PartyId`] of a party, for repeated queries.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().party_id("RUS").is_some());
    /// ```
    pub fn party_id(&self, party: &str) -> Option<PartyId> {
        PartyRef::resolve(party, self)
            .ok()
            .map(|i| PartyId(i as u32))
    }

    /// Finds a source by id.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().source("JT-5-79").unwrap().citation().contains("Jamestown"));
    /// ```
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    /// The event with this id; `None` for an id that is not one of this
    /// dataset's.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let tl = ds.timeline("CSTO", "KGZ")?;
    /// assert_eq!(ds.event(tl.spells()[0].opened_by()).unwrap().member(), Some("KGZ"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn event(&self, id: EventId) -> Option<&Event> {
        self.events.get(id.index())
    }

    /// Every event, in input order.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().events().count() > 50);
    /// ```
    pub fn events(&self) -> std::slice::Iter<'_, Event> {
        self.events.iter()
    }

    /// Every organization.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ids: Vec<&str> = bundled().organizations().iter().map(|o| o.id()).collect();
    /// assert!(ids.contains(&"CSTO") && ids.contains(&"CSTO-PA") && ids.contains(&"UNGA"));
    /// ```
    pub fn organizations(&self) -> &[Organization] {
        &self.orgs
    }

    /// Every party: states, then organizations not defined as parties.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().parties().iter().any(|p| p.code() == "AFG"));
    /// ```
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    /// Every source.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().sources().len() > 20);
    /// ```
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Bytes the dataset's index holds on the heap (its answer segments and
    /// their two orders), for the benchmarks' memory figures.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().index_heap_bytes() > 0);
    /// ```
    pub fn index_heap_bytes(&self) -> usize {
        self.index.heap_bytes()
            + self.counter.heap_bytes()
            + self.segments.capacity() * std::mem::size_of::<answer::Segment>()
            + self.segments_by_membership.capacity() * 4
    }

    /// Every gap in the data: missing cells, coverage ends.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().unknowns().iter().any(|u| u.org() == "CSTO"));
    /// ```
    pub fn unknowns(&self) -> &[Unknown] {
        &self.unknowns
    }

    pub(crate) fn membership_of(&self, org: usize, party: usize) -> Option<usize> {
        let range = self.org_members[org].clone();
        let code = &self.parties[party].code;
        self.memberships[range.clone()]
            .binary_search_by(|m| self.parties[m.party].code.cmp(code))
            .ok()
            .map(|i| range.start + i)
    }

    /// Every party with a status in `org` on `date` under at least one
    /// reading, or about which the data says nothing that day (a missing
    /// cell, or coverage ended after a status): each an [`Answer`] with
    /// its certainties. In O(log n + k) from the dataset's index.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`] when `org` matches no id or name;
    /// a date error for text that is not a day.
    ///
    /// ```
    /// use membership_history::{bundled, Certainty};
    ///
    /// let ds = bundled();
    /// let mut definite: Vec<&str> = ds
    ///     .members_on("CSTO", "1993-10-01")?
    ///     .filter(|a| a.is_definite_member())
    ///     .map(|a| a.party().code())
    ///     .collect();
    /// definite.sort();
    /// assert_eq!(definite, ["ARM", "AZE", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    /// // Georgia is listed too, as a possible member (a disputed accession date).
    /// let geo = ds.members_on("CSTO", "1993-10-01")?.find(|a| a.party().code() == "GEO").unwrap();
    /// assert_eq!(geo.certainty(), Certainty::Possible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    // Always inlined: the `MembersOn` it returns (296 bytes on x86-64, most
    // of it the state of a listing not yet begun) is then never copied, and a
    // caller that lists only `members()` never builds the rest. Measured
    // with `scripts/instructions.sh`: `members()` on the bundled data 109.5
    // instructions per query with `#[inline]`, 54.5 with this.
    #[inline(always)]
    pub fn members_on(&self, org: impl OrgRef, date: impl IntoDay) -> Result<MembersOn<'_>, Error> {
        let (o, date) = (org.resolve(self)?, date.into_day()?);
        Ok(MembersOn {
            ds: self,
            date,
            found: self.index.members_of_org(o, date),
            members: None,
            rest: None,
            asked: Asked::Org(o as u32),
        })
    }

    /// One party's status in `org` on `date`, three-valued, with its
    /// reasons: never an error for a party with no record there (that is a
    /// definite "no status", or unknown past the data's coverage).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`], [`ErrorKind::UnknownParty`], a
    /// date error.
    ///
    /// ```
    /// # use membership_history::{bundled, Certainty, Status};
    /// let ds = bundled();
    /// assert_eq!(ds.status_on("CSTO", "UZB", "2013-01-01")?.status(), Some(Status::Suspended));
    /// let uzb = ds.status_on("CSTO", "UZB", "2001-01-01")?;
    /// assert_eq!((uzb.status(), uzb.member(), uzb.certainty()), (None, Some(false), Certainty::Definite));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status_on(
        &self,
        org: impl OrgRef,
        member: impl PartyRef,
        date: impl IntoDay,
    ) -> Result<Answer<'_>, Error> {
        let (o, p, date) = (org.resolve(self)?, member.resolve(self)?, date.into_day()?);
        let m = self.membership_of(o, p);
        let v = match m {
            Some(m) => answer::verdict(self, &self.memberships[m], date),
            None => answer::verdict_without_record(self, o, p, date),
        };
        Ok(Answer::new(self, o, p, m, date, v))
    }

    /// Every organization in which `member` had a status on `date` under at
    /// least one reading, or about which the data says nothing that day.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownParty`], a date error.
    ///
    /// ```
    /// # use membership_history::{bundled, Status};
    /// let ds = bundled();
    /// let orgs: Vec<_> = ds.organizations_of("SRB", "2020-01-01")?.collect();
    /// assert_eq!(orgs[0].organization().id(), "CSTO-PA");
    /// assert_eq!(orgs[0].status(), Some(Status::Observer));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    // Always inlined, as `members_on` is, so that its answer is never
    // copied: on the bundled data 390.9 instructions per query with
    // `#[inline]`, 328.6 with this (`scripts/instructions.sh`).
    #[inline(always)]
    pub fn organizations_of(
        &self,
        member: impl PartyRef,
        date: impl IntoDay,
    ) -> Result<OrganizationsOf<'_>, Error> {
        let (p, date) = (member.resolve(self)?, date.into_day()?);
        Ok(OrganizationsOf(MembersOn {
            ds: self,
            date,
            found: self.index.of_party(p, date),
            members: None,
            rest: None,
            asked: Asked::Party(p as u32),
        }))
    }

    /// Every (organization, party) pair with a record (an event or a gap of
    /// its own), by organization then party code: for exports.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert!(bundled().timelines().any(|t| t.organization().id() == "UNGA" && t.party().code() == "CSTO"));
    /// ```
    pub fn timelines(&self) -> impl Iterator<Item = Timeline<'_>> + '_ {
        self.memberships.iter().map(move |m| Timeline {
            ds: self,
            org: m.org,
            party: m.party,
            membership: Some(m),
        })
    }

    /// One party's history in `org`: spells, events, gaps.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`], [`ErrorKind::UnknownParty`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let tl = bundled().timeline("CSTO", "AZE")?;
    /// assert_eq!(tl.spells()[0].start_date().to_string(), "1993-09-24");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeline(&self, org: impl OrgRef, member: impl PartyRef) -> Result<Timeline<'_>, Error> {
        let (o, p) = (org.resolve(self)?, member.resolve(self)?);
        Ok(Timeline {
            ds: self,
            org: o,
            party: p,
            membership: self.membership_of(o, p).map(|m| &self.memberships[m]),
        })
    }

    /// The last day the data covers for `org` (the day before its
    /// open-ended gap); `None` when its coverage has no end.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`].
    ///
    /// ```
    /// # use membership_history::{bundled, BUNDLED_VERIFIED_AS_OF};
    /// let until = bundled().known_until("CSTO")?;
    /// assert_eq!(until.map(|d| d.to_string()).as_deref(), Some(BUNDLED_VERIFIED_AS_OF));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn known_until(&self, org: impl OrgRef) -> Result<Option<NaiveDate>, Error> {
        let o = org.resolve(self)?;
        Ok(self.org_unknown[o]
            .iter()
            .map(|&u| &self.unknowns[u as usize])
            .filter(|u| u.span().end().is_none())
            .find_map(Unknown::known_until))
    }

    /// Every change of status in `org` on days in `[from, to)` (preferred
    /// readings), in order of day, then party code.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`], a date error.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let c = bundled().changes_between("CSTO", "2006-01-01", "2007-01-01")?;
    /// assert_eq!(c.len(), 1);
    /// assert!(c[0].joined() && c[0].party().code() == "UZB");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn changes_between(
        &self,
        org: impl OrgRef,
        from: impl IntoDay,
        to: impl IntoDay,
    ) -> Result<Vec<Change<'_>>, Error> {
        let (o, from, to) = (org.resolve(self)?, from.into_day()?, to.into_day()?);
        let mut out = Vec::new();
        for m in &self.memberships[self.org_members[o].clone()] {
            for (i, s) in m.spells.iter().enumerate() {
                let prev = i.checked_sub(1).map(|j| &m.spells[j]);
                let before = prev
                    .filter(|p| p.closed_by == Some(s.opened_by))
                    .map(|p| p.status);
                out.push((m.party, s.opened_by, before, Some(s.status)));
                let next = m.spells.get(i + 1);
                if let Some(c) = s.closed_by
                    && next.is_none_or(|n| n.opened_by != c)
                {
                    out.push((m.party, c, Some(s.status), None));
                }
            }
        }
        out.retain(|&(_, e, _, _)| (from..to).contains(&self.events[e].day()));
        let mut changes: Vec<Change<'_>> = out
            .into_iter()
            .map(|(p, e, before, after)| Change {
                party: &self.parties[p],
                event: &self.events[e],
                event_id: e,
                before,
                after,
            })
            .collect();
        changes.sort_by(|a, b| (a.day(), a.party.code()).cmp(&(b.day(), b.party.code())));
        Ok(changes)
    }

    /// The founding members: the parties that signed on the day of the
    /// organization's first signature.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let f: Vec<&str> = bundled().founders("CSTO")?.iter().map(|p| p.code()).collect();
    /// assert_eq!(f, ["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn founders(&self, org: impl OrgRef) -> Result<Vec<&Party>, Error> {
        let o = org.resolve(self)?;
        let ms = &self.memberships[self.org_members[o].clone()];
        let first_signature = |m: &Membership| {
            m.spells
                .first()
                .map(|s| &self.events[s.opened_by])
                .filter(|e| e.kind == EventKind::Signed)
                .map(Event::day)
        };
        let founding = ms.iter().filter_map(first_signature).min();
        Ok(ms
            .iter()
            .filter(|m| founding.is_some() && first_signature(m) == founding)
            .map(|m| &self.parties[m.party])
            .collect())
    }

    /// Every spell of every membership, for export (serde).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let rows = bundled().spell_records();
    /// assert!(rows.iter().any(|r| r.org == "UNGA" && r.member == "CSTO"));
    /// ```
    pub fn spell_records(&self) -> Vec<SpellRecord<'_>> {
        self.memberships
            .iter()
            .flat_map(|m| {
                m.spells.iter().map(move |s| SpellRecord {
                    org: &self.orgs[m.org].id,
                    member: &self.parties[m.party].code,
                    status: s.status,
                    start: s.start,
                    end: s.end,
                })
            })
            .collect()
    }

    /// The member days of one membership, from its answer segments.
    pub(crate) fn member_days(&self, m: &Membership) -> MemberDays {
        use crate::history::status::Certainty;
        let mut out = MemberDays::default();
        for &at in &self.segments_by_membership[m.segments.clone()] {
            let seg = &self.segments[at as usize];
            let Some(span) = seg.span() else { continue };
            let v = &seg.verdict;
            if v.certainty == Certainty::Unknown {
                out.unknown.insert(span);
                continue;
            }
            if v.member == Some(true) {
                out.preferred.insert(span);
            }
            if v.member == Some(true) && v.certainty == Certainty::Definite {
                out.definite.insert(span);
            }
            if v.certainty == Certainty::Possible || v.member == Some(true) {
                out.possible.insert(span);
            }
        }
        out
    }
}
