//! Questions a [`Dataset`] answers: who was a member on a date, a member's
//! status and timeline, what changed, which organizations a state was in.

use chrono::NaiveDate;
use serde::Serialize;

use crate::dataset::{Dataset, Membership, Spell};
use crate::error::{Error, ErrorKind};
use crate::event::{Event, EventId};
use crate::party::{Organization, Party, Source};
use crate::set::IntervalSet;
use crate::status::{Certainty, EventKind, Status};

/// A party's status in an organization on a date, from
/// [`Dataset::members_on`] or [`Dataset::organizations_of`].
///
/// ```
/// use membership_history::{bundled, Certainty, Status};
///
/// let ds = bundled();
/// let on = ds.members_on("CSTO", "2025-01-01".parse()?)?;
/// let arm = on.iter().find(|m| m.party().code() == "ARM").unwrap();
/// assert_eq!(arm.status(), Status::Frozen);
/// assert!(arm.is_member()); // frozen participation is still membership
/// assert_eq!(arm.certainty(), Certainty::Definite);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct StatusOn<'a> {
    organization: &'a Organization,
    party: &'a Party,
    spell: &'a Spell,
    certainty: Certainty,
}

impl<'a> StatusOn<'a> {
    /// The organization.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.members_on("CST", "1995-01-01".parse()?)?[0].organization().id(), "CSTO");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organization(&self) -> &'a Organization {
        self.organization
    }

    /// The party.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.members_on("CSTO", "1995-01-01".parse()?)?[0].party().code(), "ARM");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party(&self) -> &'a Party {
        self.party
    }

    /// The spell the date falls in.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let m = ds.members_on("CSTO", "1995-01-01".parse()?)?;
    /// assert_eq!(m[0].spell().start().to_string(), "1992-05-15");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn spell(&self) -> &'a Spell {
        self.spell
    }

    /// The status held.
    ///
    /// ```
    /// # use membership_history::{bundled, Status};
    /// let ds = bundled();
    /// assert_eq!(ds.members_on("UNGA", "2010-01-01".parse()?)?[0].status(), Status::Observer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> Status {
        self.spell.status
    }

    /// Whether it is membership de jure (full or frozen).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert!(!ds.members_on("UNGA", "2010-01-01".parse()?)?[0].is_member());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_member(&self) -> bool {
        self.spell.status.is_member()
    }

    /// Definite under every reading of the dates, or only possible.
    ///
    /// ```
    /// # use membership_history::{bundled, Certainty};
    /// let ds = bundled();
    /// assert_eq!(ds.members_on("CSTO", "1995-01-01".parse()?)?[0].certainty(), Certainty::Definite);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn certainty(&self) -> Certainty {
        self.certainty
    }
}

/// A change of one party's status, from [`Dataset::changes_between`].
///
/// ```
/// use membership_history::bundled;
///
/// let ds = bundled();
/// let changes = ds.changes_between("CSTO", "1999-01-01".parse()?, "2000-01-01".parse()?)?;
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
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "1993-01-01".parse()?, "1993-10-01".parse()?)?;
    /// assert_eq!(c[0].party().code(), "AZE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party(&self) -> &'a Party {
        self.party
    }

    /// The day it changed (preferred reading).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "1993-01-01".parse()?, "1993-10-01".parse()?)?;
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
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "1993-01-01".parse()?, "1993-10-01".parse()?)?;
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
    /// let c = ds.changes_between("CSTO", "1993-01-01".parse()?, "1993-10-01".parse()?)?;
    /// assert_eq!(ds.event(c[0].event_id()).kind(), c[0].event().kind());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn event_id(&self) -> EventId {
        self.event_id
    }

    /// The status before, `None` for none.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "1993-01-01".parse()?, "1993-10-01".parse()?)?;
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
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "1993-01-01".parse()?, "1993-10-01".parse()?)?;
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
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "1993-01-01".parse()?, "1993-10-01".parse()?)?;
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
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "2012-01-01".parse()?, "2013-01-01".parse()?)?;
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
    /// Finds an organization by id, official name or alias, in any case.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.organization("Collective Security Treaty").unwrap().id(), "CSTO");
    /// assert!(ds.organization("NATO").is_none());
    /// ```
    pub fn organization(&self, name: &str) -> Option<&Organization> {
        self.org_index(name).ok().map(|i| &self.orgs[i])
    }

    pub(crate) fn org_index(&self, name: &str) -> Result<usize, Error> {
        self.org_lookup
            .get(&name.trim().to_lowercase())
            .copied()
            .ok_or_else(|| Error::new(ErrorKind::UnknownOrganization(name.to_string())))
    }

    pub(crate) fn party_index_of(&self, code: &str) -> Result<usize, Error> {
        let code = code.trim();
        self.party_index
            .get(code)
            .or_else(|| self.party_index.get(&code.to_uppercase()))
            .copied()
            .ok_or_else(|| Error::new(ErrorKind::UnknownParty(code.to_string())))
    }

    /// Finds a party by its code (exact, or in upper case).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().party("uzb").unwrap().name(), "Uzbekistan");
    /// ```
    pub fn party(&self, code: &str) -> Option<&Party> {
        self.party_index_of(code).ok().map(|i| &self.parties[i])
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

    /// The event with this id.
    ///
    /// # Panics
    ///
    /// If `id` did not come from this dataset (ids index its events).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let tl = ds.timeline("CSTO", "KGZ")?;
    /// assert_eq!(ds.event(tl[0].opened_by()).member(), Some("KGZ"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id]
    }

    /// Every event, in input order (ids count from 0 in this order).
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

    fn membership(&self, org: usize, party: usize) -> Option<&Membership> {
        let range = self.org_members[org].clone();
        let ms = &self.memberships[range];
        let code = &self.parties[party].code;
        ms.binary_search_by(|m| self.parties[m.party].code.cmp(code))
            .ok()
            .map(|i| &ms[i])
    }

    fn pair(&self, org: &str, member: &str) -> Result<(usize, usize), Error> {
        Ok((self.org_index(org)?, self.party_index_of(member)?))
    }

    /// Every party with a status in `org` on `date`, sorted by code, each
    /// marked [`Certainty::Definite`] or [`Certainty::Possible`].
    ///
    /// The definite entries are the answer under every reading of the dates
    /// (with exact dates, the plain two-valued answer); the possible ones
    /// hold under some readings only. Where several statuses are possible
    /// the one of the preferred readings is given.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`] when `org` matches no id or name.
    ///
    /// ```
    /// use membership_history::{bundled, Certainty};
    ///
    /// let ds = bundled();
    /// let on = ds.members_on("CSTO", "1993-10-01".parse()?)?;
    /// let find = |c: &str| on.iter().find(|m| m.party().code() == c).unwrap().certainty();
    /// assert_eq!(find("AZE"), Certainty::Definite);
    /// assert_eq!(find("GEO"), Certainty::Possible); // disputed accession date
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn members_on(&self, org: &str, date: NaiveDate) -> Result<Vec<StatusOn<'_>>, Error> {
        let o = self.org_index(org)?;
        Ok(self.memberships[self.org_members[o].clone()]
            .iter()
            .filter_map(|m| self.status_entry(m, date))
            .collect())
    }

    /// The status of one membership on a date, three-valued.
    fn status_entry<'a>(&'a self, m: &'a Membership, date: NaiveDate) -> Option<StatusOn<'a>> {
        let mut best: Option<(&Spell, Certainty)> = None;
        for s in &m.spells {
            if s.start_earliest > date {
                break;
            }
            if let Some(c) = s.certainty_on(date) {
                // Prefer the spell the preferred readings put the date in.
                if best.is_none() || s.contains(date) {
                    best = Some((s, c));
                }
            }
        }
        best.map(|(spell, certainty)| StatusOn {
            organization: &self.orgs[m.org],
            party: &self.parties[m.party],
            spell,
            certainty,
        })
    }

    /// One party's status in `org` on `date` by the preferred readings
    /// (two-valued); `None` for no status.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`], [`ErrorKind::UnknownParty`].
    ///
    /// ```
    /// # use membership_history::{bundled, Status};
    /// let ds = bundled();
    /// assert_eq!(ds.status_on("CSTO", "UZB", "2013-01-01".parse()?)?, Some(Status::Suspended));
    /// assert_eq!(ds.status_on("CSTO", "UZB", "2000-01-01".parse()?)?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status_on(
        &self,
        org: &str,
        member: &str,
        date: NaiveDate,
    ) -> Result<Option<Status>, Error> {
        let (o, p) = self.pair(org, member)?;
        Ok(self.membership(o, p).and_then(|m| {
            let i = m.spells.partition_point(|s| s.start <= date);
            i.checked_sub(1)
                .map(|i| &m.spells[i])
                .filter(|s| s.contains(date))
                .map(|s| s.status)
        }))
    }

    /// Whether `member` was a member de jure of `org` on `date`,
    /// three-valued: `Some(Definite)`, `Some(Possible)`, or `None` for
    /// definitely not.
    ///
    /// Consecutive member spells count as one (Armenia is a member whether
    /// its participation froze on the 22nd or the 23rd).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`], [`ErrorKind::UnknownParty`].
    ///
    /// ```
    /// # use membership_history::{bundled, Certainty};
    /// let ds = bundled();
    /// let m = |who: &str, d: &str| ds.membership_on("CSTO", who, d.parse().unwrap()).unwrap();
    /// assert_eq!(m("ARM", "2024-02-22"), Some(Certainty::Definite));
    /// assert_eq!(m("UZB", "1998-06-01"), Some(Certainty::Possible)); // "left in 1998"
    /// assert_eq!(m("UZB", "2000-01-01"), None);
    /// ```
    pub fn membership_on(
        &self,
        org: &str,
        member: &str,
        date: NaiveDate,
    ) -> Result<Option<Certainty>, Error> {
        let (o, p) = self.pair(org, member)?;
        let Some(m) = self.membership(o, p) else {
            return Ok(None);
        };
        let mut possible = false;
        let mut i = 0;
        while i < m.spells.len() {
            if !m.spells[i].status.is_member() {
                i += 1;
                continue;
            }
            // A run of member spells, each opened by the event closing the last.
            let mut j = i;
            while j + 1 < m.spells.len()
                && m.spells[j + 1].status.is_member()
                && m.spells[j].closed_by == Some(m.spells[j + 1].opened_by)
            {
                j += 1;
            }
            let (first, last) = (&m.spells[i], &m.spells[j]);
            if first.start_latest <= date && last.end_earliest.is_none_or(|e| date < e) {
                return Ok(Some(Certainty::Definite));
            }
            if first.start_earliest <= date && last.end_latest.is_none_or(|e| date < e) {
                possible = true;
            }
            i = j + 1;
        }
        Ok(possible.then_some(Certainty::Possible))
    }

    /// One party's spells in `org`, in order; empty when it never had a
    /// status there.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`], [`ErrorKind::UnknownParty`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let tl = ds.timeline("CSTO", "UZB")?;
    /// let spans: Vec<String> = tl.iter().map(|s| s.span().unwrap().to_string()).collect();
    /// assert_eq!(spans, ["1992-05-15..1999-04-20", "2006-08-16..2012-06-28", "2012-06-28.."]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeline(&self, org: &str, member: &str) -> Result<&[Spell], Error> {
        let (o, p) = self.pair(org, member)?;
        Ok(self.membership(o, p).map_or(&[], |m| m.spells.as_slice()))
    }

    /// Every event of one party in `org` (status changes, ratifications,
    /// renewals), in order.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`], [`ErrorKind::UnknownParty`].
    ///
    /// ```
    /// # use membership_history::{bundled, EventKind};
    /// let ds = bundled();
    /// let kinds: Vec<EventKind> = ds.events_of("CSTO", "KAZ")?.iter().map(|e| e.kind()).collect();
    /// assert_eq!(&kinds[..3], [EventKind::Signed, EventKind::Ratified, EventKind::EnteredIntoForce]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events_of(&self, org: &str, member: &str) -> Result<Vec<&Event>, Error> {
        let (o, p) = self.pair(org, member)?;
        Ok(self
            .membership(o, p)
            .map(|m| m.events.iter().map(|&i| &self.events[i]).collect())
            .unwrap_or_default())
    }

    /// The days on which `member` was a member de jure of `org` (preferred
    /// readings), as an interval set.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`], [`ErrorKind::UnknownParty`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let days = ds.member_days("CSTO", "UZB")?;
    /// assert_eq!(days.to_string(), "1992-05-15..1999-04-20, 2006-08-16..2012-06-28");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn member_days(&self, org: &str, member: &str) -> Result<IntervalSet<NaiveDate>, Error> {
        Ok(self
            .timeline(org, member)?
            .iter()
            .filter(|s| s.status.is_member())
            .filter_map(Spell::span)
            .collect())
    }

    /// Every organization in which `member` had a status on `date`, each
    /// with that status and its certainty.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownParty`].
    ///
    /// ```
    /// # use membership_history::{bundled, Status};
    /// let ds = bundled();
    /// let orgs = ds.organizations_of("SRB", "2020-01-01".parse()?)?;
    /// assert_eq!(orgs[0].organization().id(), "CSTO-PA");
    /// assert_eq!(orgs[0].status(), Status::Observer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organizations_of(
        &self,
        member: &str,
        date: NaiveDate,
    ) -> Result<Vec<StatusOn<'_>>, Error> {
        let p = self.party_index_of(member)?;
        Ok(self.party_memberships[p]
            .iter()
            .filter_map(|&i| self.status_entry(&self.memberships[i], date))
            .collect())
    }

    /// Every change of status in `org` on days in `[from, to)`, in order of
    /// day, then party code.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let c = ds.changes_between("CSTO", "2006-01-01".parse()?, "2007-01-01".parse()?)?;
    /// assert_eq!(c.len(), 1);
    /// assert!(c[0].joined() && c[0].party().code() == "UZB");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn changes_between(
        &self,
        org: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Change<'_>>, Error> {
        let o = self.org_index(org)?;
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

    /// The official name of `org` in use on `date`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`].
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.name_on("ODKB", "1995-01-01".parse()?)?, Some("Collective Security Treaty"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name_on(&self, org: &str, date: NaiveDate) -> Result<Option<&str>, Error> {
        Ok(self.orgs[self.org_index(org)?].name_on(date))
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
    /// let ds = bundled();
    /// let f: Vec<&str> = ds.founders("CSTO")?.iter().map(|p| p.code()).collect();
    /// assert_eq!(f, ["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn founders(&self, org: &str) -> Result<Vec<&Party>, Error> {
        let o = self.org_index(org)?;
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
}
