//! Questions across organizations and members: when two states were
//! members of the same organization ([`Dataset::co_membership`]), and how
//! many members an organization had over time ([`Dataset::member_counts`]).
//!
//! Each answer comes in the crate's three readings: by the preferred
//! readings of the dates (two-valued), on days that hold under every
//! reading (`definite`), and on days that hold under at least one
//! (`possible`); `definite ⊆ days ⊆ possible`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Error;
use crate::history::dataset::Dataset;
use crate::history::date::IntoDay;
use crate::history::index::KINDS;
use crate::history::party::Organization;
use crate::history::query::{OrgRef, PartyRef};
use crate::interval::set::{IntervalSet, Span};

/// An organization's counts on one day, from [`Dataset::count_on`]: all
/// four read at once from the counts the index stores for that day.
///
/// ```
/// # use membership_history::bundled;
/// let c = bundled().count_on("CSTO", "2013-06-01")?;
/// assert_eq!((c.members(), c.definite()), (6, 6)); // Uzbekistan suspended
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Tally<'a> {
    counts: [u32; KINDS],
    /// Tied to its dataset, as the other answers are.
    ds: std::marker::PhantomData<&'a Dataset>,
}

impl Tally<'_> {
    #[inline]
    fn count(&self, kind: usize) -> usize {
        self.counts[kind] as usize
    }

    /// Members de jure by the preferred readings.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().count_on("CSTO", "1993-10-01")?.members(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn members(&self) -> usize {
        self.count(0)
    }

    /// Parties that were members under every reading.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().count_on("CSTO", "1993-10-01")?.definite(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn definite(&self) -> usize {
        self.count(1)
    }

    /// Parties that were members under at least one reading.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().count_on("CSTO", "1993-10-01")?.possible(), 8); // Georgia possible
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn possible(&self) -> usize {
        self.count(2)
    }

    /// Parties about which the data says nothing that day (a missing cell,
    /// coverage ended).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().count_on("CSTO", "2100-01-01")?.unknown(), 7); // past the data's end
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn unknown(&self) -> usize {
        self.count(3)
    }
}

/// The days two parties were both members de jure of one organization,
/// from [`Dataset::co_membership`].
///
/// ```
/// use membership_history::bundled;
///
/// let ds = bundled();
/// let both = ds.co_membership("RUS", "UZB")?;
/// assert_eq!(both[0].organization().id(), "CSTO");
/// assert_eq!(both[0].days().to_string(), "1992-05-15..1999-04-21, 2006-08-16..2012-12-19");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct CoMembership<'a> {
    organization: &'a Organization,
    days: IntervalSet<NaiveDate>,
    definite: IntervalSet<NaiveDate>,
    possible: IntervalSet<NaiveDate>,
}

impl<'a> CoMembership<'a> {
    /// The organization.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().co_membership("RUS", "KAZ")?[0].organization().id(), "CSTO");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organization(&self) -> &'a Organization {
        self.organization
    }

    /// The days both were members, by the preferred readings.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let days = bundled().co_membership("RUS", "KAZ")?[0].days().to_string();
    /// assert!(days.starts_with("1992-05-15..")); // until the data's coverage ends
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn days(&self) -> &IntervalSet<NaiveDate> {
        &self.days
    }

    /// The days both were members under every reading of the dates.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let both = bundled().co_membership("RUS", "GEO")?;
    /// assert_eq!(both[0].definite().to_string(), "1993-12-09..1999-04-20");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn definite(&self) -> &IntervalSet<NaiveDate> {
        &self.definite
    }

    /// The days both were members under at least one reading.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let both = bundled().co_membership("RUS", "GEO")?;
    /// assert_eq!(both[0].possible().to_string(), "1993-09-09..1999-04-21");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn possible(&self) -> &IntervalSet<NaiveDate> {
        &self.possible
    }
}

/// How many members an organization had over one span of days, from
/// [`Dataset::member_counts`]: by the preferred readings, under every
/// reading (`definite`), and under at least one (`possible`).
///
/// ```
/// use membership_history::bundled;
///
/// let counts = bundled().member_counts("CSTO")?;
/// assert_eq!(counts[0].span.to_string(), "1992-05-15..1993-09-09");
/// assert_eq!((counts[0].members, counts[0].definite, counts[0].possible), (6, 6, 6));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MemberCount {
    /// The days this count holds on.
    pub span: Span<NaiveDate>,
    /// Members de jure by the preferred readings.
    pub members: usize,
    /// Parties that were members under every reading.
    pub definite: usize,
    /// Parties that were members under at least one reading.
    pub possible: usize,
    /// Parties about which the data says nothing on these days (a missing
    /// cell, coverage ended).
    pub unknown: usize,
}

///
/// Consecutive member spells (full, then frozen) joined by one event are one
/// run, so an uncertain change between them does not make the run uncertain.
impl Dataset {
    /// Every organization in which both `a` and `b` were members de jure at
    /// the same time, with the days they were (see [`CoMembership`]), in
    /// the order of `a`'s memberships. Organizations where they were only
    /// possibly members together are included (their `days` may be empty).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownParty`](crate::ErrorKind::UnknownParty) for an
    /// unknown code.
    ///
    /// ```
    /// # use membership_history::{bundled, parse_day};
    /// let ds = bundled();
    /// assert!(ds.co_membership("ARM", "AZE")?[0].days().contains(&parse_day("1995-01-01")?));
    /// assert!(ds.co_membership("AZE", "UZB")?[0].days().to_string().ends_with("1999-04-21"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn co_membership(
        &self,
        a: impl PartyRef,
        b: impl PartyRef,
    ) -> Result<Vec<CoMembership<'_>>, Error> {
        let (pa, pb) = (PartyRef::resolve(a, self)?, PartyRef::resolve(b, self)?);
        let mut out = Vec::new();
        for &ia in &self.party_memberships[pa] {
            let ma = &self.memberships[ia];
            let Some(&ib) = self.party_memberships[pb]
                .iter()
                .find(|&&ib| self.memberships[ib].org == ma.org)
            else {
                continue;
            };
            let (sa, sb) = (
                self.member_days(ma),
                self.member_days(&self.memberships[ib]),
            );
            let days = sa.preferred.intersection(&sb.preferred);
            let definite = sa.definite.intersection(&sb.definite);
            let possible = sa.possible.intersection(&sb.possible);
            if !possible.is_empty() {
                out.push(CoMembership {
                    organization: &self.orgs[ma.org],
                    days,
                    definite,
                    possible,
                });
            }
        }
        Ok(out)
    }

    /// How many members `org` had on `date`, by the preferred readings,
    /// definitely, possibly, and how many parties the data is silent about
    /// that day: the counts of [`member_counts`](Self::member_counts) on one
    /// day, in one O(log n) search however many members overlap.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`](crate::ErrorKind::UnknownOrganization),
    /// a date error.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let c = ds.count_on("CSTO", "1993-10-01")?;
    /// assert_eq!((c.members(), c.definite(), c.possible(), c.unknown()), (7, 7, 8, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    // Always inlined: the call, and its answer passed through memory,
    // cost more than the lookup (instructions per count, callgrind).
    #[inline(always)]
    pub fn count_on(&self, org: impl OrgRef, date: impl IntoDay) -> Result<Tally<'_>, Error> {
        let (org, date) = (org.resolve(self)?, date.into_day()?);
        Ok(Tally {
            counts: self.counter.counts(org, crate::history::index::day(date)),
            ds: std::marker::PhantomData,
        })
    }

    /// The number of members de jure of `org` over time, as consecutive
    /// spans from its first possible member on; the last span never ends.
    /// Counts are of parties (a party counts once however many spells).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`](crate::ErrorKind::UnknownOrganization).
    ///
    /// ```
    /// # use membership_history::{bundled, parse_day};
    /// let counts = bundled().member_counts("CSTO")?;
    /// let on = |d: &str| {
    ///     let d = parse_day(d).unwrap();
    ///     counts.iter().find(|c| c.span.contains(&d)).unwrap().members
    /// };
    /// assert_eq!((on("1995-01-01"), on("2000-01-01"), on("2010-01-01")), (9, 6, 7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn member_counts(&self, org: impl OrgRef) -> Result<Vec<MemberCount>, Error> {
        let o = OrgRef::resolve(org, self)?;
        // (day, which count, +1 or -1)
        let mut deltas: Vec<(NaiveDate, usize, i64)> = Vec::new();
        for m in &self.memberships[self.org_members[o].clone()] {
            let days = self.member_days(m);
            for (k, set) in [days.preferred, days.definite, days.possible, days.unknown]
                .iter()
                .enumerate()
            {
                for span in set {
                    deltas.push((span.start(), k, 1));
                    if let Some(e) = span.end() {
                        deltas.push((e, k, -1));
                    }
                }
            }
        }
        deltas.sort_unstable();
        let mut out: Vec<MemberCount> = Vec::new();
        let mut now = [0i64; 4];
        let mut i = 0;
        while i < deltas.len() {
            let day = deltas[i].0;
            while i < deltas.len() && deltas[i].0 == day {
                now[deltas[i].1] += deltas[i].2;
                i += 1;
            }
            if let Some(last) = out.last_mut() {
                last.span = Span::new(last.span.start(), Some(day)).unwrap_or(last.span);
            }
            let n = |k: usize| usize::try_from(now[k]).unwrap_or(0);
            out.push(MemberCount {
                span: Span::from_start(day),
                members: n(0),
                definite: n(1),
                possible: n(2),
                unknown: n(3),
            });
        }
        Ok(out)
    }
}
