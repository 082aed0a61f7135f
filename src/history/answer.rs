//! [`Answer`]: what the data says about one party in one organization on
//! one day, in three values, with its reasons.
//!
//! # The answer model
//!
//! Membership is **definite** (the same under every reading of every date),
//! **possible** (the readings disagree, or a date is known only to the month
//! or year), or **unknown** (the data does not say: a missing cell such as
//! COW's `-9`, a day past a source's coverage, a status no source confirms
//! after some day). The status word (`member`, `frozen`, …) has a certainty
//! of its own: Armenia on 2024-02-22 is definitely a member, and possibly
//! frozen or possibly still a full member, by the reading.
//!
//! # How answers are computed
//!
//! [`verdict`] is the rule, evaluated on one day from one pair's spells, its
//! [`Unknown`] records, its organization's coverage and its state's
//! existence. It can change only on the days where a spell may start or
//! end, a gap starts or ends, or the state is born or ends, so each pair's
//! days are cut at those points into *segments* of one verdict, computed
//! once when the dataset is built. The index lists the segments holding on a
//! day; [`Dataset::status_on`] evaluates the rule directly.

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::history::dataset::{Dataset, Membership, Spell};
use crate::history::date::UncertainDate;
use crate::history::index::{self, OPEN, day};
use crate::history::party::{Organization, Party};
use crate::history::query::PartyId;
use crate::history::status::{Certainty, Status};
use crate::history::unknown::Unknown;
use crate::interval::set::Span;

/// Why an answer is what it is, in brief (the [`Explanation`](crate::Explanation) has the rest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The events recorded for the pair (or the absence of any).
    Records,
    /// A stretch the data does not cover: see [`Answer::unknown`].
    Unknown,
    /// The state was not in the state system on the day: no status.
    NotAState,
}

/// An optional index in four bytes (`Option<u32>` takes eight): answers
/// and segments are copied for every answer listed, so size is speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Opt(u32);

impl Opt {
    pub(crate) const NONE: Opt = Opt(u32::MAX);

    #[inline]
    fn of(i: Option<usize>) -> Opt {
        i.and_then(|i| u32::try_from(i).ok())
            .filter(|&i| i != u32::MAX)
            .map_or(Opt::NONE, Opt)
    }

    #[inline]
    pub(crate) fn get(self) -> Option<u32> {
        (self != Opt::NONE).then_some(self.0)
    }
}

/// The verdict on one day: everything an [`Answer`] says, without the
/// references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// The spell shown (the preferred readings', else a possible one; for
    /// an unknown, the last known one).
    pub(crate) spell: Opt,
    pub(crate) status: Option<Status>,
    pub(crate) member: Option<bool>,
    pub(crate) certainty: Certainty,
    pub(crate) status_certainty: Certainty,
    /// The [`Unknown`] record behind an unknown answer.
    pub(crate) unknown: Opt,
    pub(crate) basis: Basis,
}

impl Verdict {
    const NONE: Verdict = Verdict {
        spell: Opt::NONE,
        status: None,
        member: Some(false),
        certainty: Certainty::Definite,
        status_certainty: Certainty::Definite,
        unknown: Opt::NONE,
        basis: Basis::Records,
    };

    /// Whether [`Dataset::members_on`] lists it: a status under some
    /// reading, a gap of this pair's own, or a gap after a status.
    fn listed(&self, pair_gap: bool) -> bool {
        match self.basis {
            Basis::Records => self.status.is_some(),
            Basis::Unknown => pair_gap || self.status.is_some(),
            Basis::NotAState => false,
        }
    }
}

/// One stretch of days of one pair with one verdict.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    pub(crate) membership: u32,
    /// The membership's organization and party, kept here so that listing
    /// reads one record per answer.
    pub(crate) org: u32,
    pub(crate) party: u32,
    pub(crate) start: i32,
    pub(crate) end: i32,
    pub(crate) verdict: Verdict,
}

impl Segment {
    /// Its days as a span of dates.
    pub(crate) fn span(&self) -> Option<Span<NaiveDate>> {
        let end = if self.end == OPEN {
            None
        } else {
            Some(index::date(self.end)?)
        };
        Span::new(index::date(self.start)?, end).ok()
    }
}

/// A verdict's words packed in two bytes: what a listing reads for every
/// answer, kept apart from the rest so that listing touches little memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flags(u16);

fn certainty_code(c: Certainty) -> u16 {
    match c {
        Certainty::Definite => 0,
        Certainty::Possible => 1,
        Certainty::Unknown => 2,
    }
}

fn certainty_of(code: u16) -> Certainty {
    match code {
        0 => Certainty::Definite,
        1 => Certainty::Possible,
        _ => Certainty::Unknown,
    }
}

impl Flags {
    /// Any bits, for the index's tests (which only carry flags along).
    #[cfg(test)]
    pub(crate) fn from_bits(bits: u16) -> Flags {
        Flags(bits)
    }

    pub(crate) fn of(v: &Verdict) -> Flags {
        let status = v.status.map_or(0, |s| {
            1 + Status::ALL.iter().position(|&x| x == s).unwrap_or(0) as u16
        });
        let member = match v.member {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        };
        let basis = match v.basis {
            Basis::Records => 0,
            Basis::Unknown => 1,
            Basis::NotAState => 2,
        };
        Flags(
            status
                | member << 3
                | certainty_code(v.certainty) << 5
                | certainty_code(v.status_certainty) << 7
                | basis << 9,
        )
    }

    #[inline]
    fn status(self) -> Option<Status> {
        match self.0 & 7 {
            0 => None,
            i => Status::ALL.get(i as usize - 1).copied(),
        }
    }

    #[inline]
    fn member(self) -> Option<bool> {
        match (self.0 >> 3) & 3 {
            0 => None,
            1 => Some(false),
            _ => Some(true),
        }
    }

    #[inline]
    fn certainty(self) -> Certainty {
        certainty_of((self.0 >> 5) & 3)
    }

    #[inline]
    fn status_certainty(self) -> Certainty {
        certainty_of((self.0 >> 7) & 3)
    }

    #[inline]
    fn basis(self) -> Basis {
        match (self.0 >> 9) & 3 {
            0 => Basis::Records,
            1 => Basis::Unknown,
            _ => Basis::NotAState,
        }
    }
}

/// The status of the preferred readings on `d`, and its spell.
fn preferred(spells: &[Spell], d: NaiveDate) -> Option<usize> {
    let i = spells.partition_point(|s| s.start <= d);
    i.checked_sub(1).filter(|&i| spells[i].contains(d))
}

/// Whether `d` is a day of membership under every reading: some run of
/// member spells, each opened by the event closing the one before (so that
/// no reading leaves a day between them), holds it definitely.
fn definitely_member(spells: &[Spell], d: NaiveDate) -> bool {
    let mut i = 0;
    while i < spells.len() {
        if !spells[i].status.is_member() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < spells.len()
            && spells[j + 1].status.is_member()
            && spells[j].closed_by == Some(spells[j + 1].opened_by)
        {
            j += 1;
        }
        if spells[i].start_latest <= d && spells[j].end_earliest.is_none_or(|e| d < e) {
            return true;
        }
        i = j + 1;
    }
    false
}

/// The rule: the verdict on `d` for membership `m` of dataset `ds`.
pub(crate) fn verdict(ds: &Dataset, m: &Membership, d: NaiveDate) -> Verdict {
    if ds.existence[m.party]
        .as_ref()
        .is_some_and(|ex| !ex.contains(&d))
    {
        return Verdict {
            basis: Basis::NotAState,
            ..Verdict::NONE
        };
    }
    if let Some(u) = gap(ds, m.org, &m.unknown, d) {
        return unknown_verdict(ds, &m.spells, u);
    }
    records(&m.spells, d)
}

/// The verdict the records give on `d`, coverage aside.
fn records(spells: &[Spell], d: NaiveDate) -> Verdict {
    let pref = preferred(spells, d);
    let mut shown = pref;
    let mut any = false;
    let mut definite_status = false;
    let mut possible_member = false;
    // Every spell: a later event's reading may come before an earlier
    // event's day, so the spells' earliest starts are not in order.
    for (i, s) in spells.iter().enumerate() {
        match s.certainty_on(d) {
            Some(c) => {
                any = true;
                definite_status |= c == Certainty::Definite;
                possible_member |= s.status.is_member();
                shown.get_or_insert(i);
            }
            None => continue,
        }
    }
    if !any {
        return Verdict::NONE;
    }
    let member = pref.is_some_and(|i| spells[i].status.is_member());
    let certainty = if !possible_member || definitely_member(spells, d) {
        Certainty::Definite
    } else {
        Certainty::Possible
    };
    Verdict {
        spell: Opt::of(shown),
        status: shown.map(|i| spells[i].status),
        member: Some(member),
        certainty,
        status_certainty: if definite_status {
            Certainty::Definite
        } else {
            Certainty::Possible
        },
        unknown: Opt::NONE,
        basis: Basis::Records,
    }
}

/// The gap holding `d`: the pair's own first, then its organization's.
fn gap(ds: &Dataset, org: usize, own: &[u32], d: NaiveDate) -> Option<u32> {
    own.iter()
        .chain(&ds.org_unknown[org])
        .copied()
        .find(|&u| ds.unknowns[u as usize].span.contains(&d))
}

fn unknown_verdict(ds: &Dataset, spells: &[Spell], u: u32) -> Verdict {
    let last = ds.unknowns[u as usize]
        .known_until()
        .and_then(|d| preferred(spells, d));
    Verdict {
        spell: Opt::of(last),
        status: last.map(|i| spells[i].status),
        member: None,
        certainty: Certainty::Unknown,
        status_certainty: Certainty::Unknown,
        unknown: Opt::of(Some(u as usize)),
        basis: Basis::Unknown,
    }
}

/// The verdict for a party with no record in the organization.
pub(crate) fn verdict_without_record(
    ds: &Dataset,
    org: usize,
    party: usize,
    d: NaiveDate,
) -> Verdict {
    if ds.existence[party]
        .as_ref()
        .is_some_and(|ex| !ex.contains(&d))
    {
        return Verdict {
            basis: Basis::NotAState,
            ..Verdict::NONE
        };
    }
    match gap(ds, org, &[], d) {
        Some(u) => unknown_verdict(ds, &[], u),
        None => Verdict::NONE,
    }
}

/// Cuts membership `m` (number `mi`) into segments of one verdict, keeping
/// those [`Dataset::members_on`] lists. `cuts` is scratch space, kept by
/// the caller so that building every membership's segments does not
/// allocate it again for each.
pub(crate) fn segments(
    ds: &Dataset,
    mi: u32,
    m: &Membership,
    cuts: &mut Vec<NaiveDate>,
    out: &mut Vec<Segment>,
) {
    cuts.clear();
    for s in &m.spells {
        cuts.extend([s.start_earliest, s.start_latest, s.start]);
        cuts.extend([s.end_earliest, s.end, s.end_latest].into_iter().flatten());
    }
    for &u in m.unknown.iter().chain(&ds.org_unknown[m.org]) {
        let span = ds.unknowns[u as usize].span;
        cuts.push(span.start());
        cuts.extend(span.end());
        // The last known status is read on the day before.
    }
    if let Some(ex) = &ds.existence[m.party] {
        for span in ex.iter() {
            cuts.push(span.start());
            cuts.extend(span.end());
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut open: Option<Segment> = None;
    for (k, &at) in cuts.iter().enumerate() {
        let v = verdict(ds, m, at);
        let pair_gap = v.unknown.get().is_some_and(|u| m.unknown.contains(&u));
        let end = cuts.get(k + 1).map_or(OPEN, |&e| day(e));
        match &mut open {
            Some(seg) if seg.verdict == v => {
                seg.end = end;
                continue;
            }
            _ => {}
        }
        if let Some(seg) = open.take() {
            out.push(seg);
        }
        if v.listed(pair_gap) {
            open = Some(Segment {
                membership: mi,
                org: m.org as u32,
                party: m.party as u32,
                start: day(at),
                end,
                verdict: v,
            });
        }
    }
    out.extend(open);
}

/// What the data says about one party in one organization on one day:
/// from [`Dataset::members_on`], [`Dataset::status_on`] and
/// [`Dataset::organizations_of`].
///
/// ```
/// use membership_history::{bundled, Certainty, Status};
///
/// let ds = bundled();
/// // Armenia froze its participation on 2024-02-22 (or 02-23, by one source):
/// let arm = ds.status_on("CSTO", "ARM", "2024-02-22")?;
/// assert_eq!(arm.member(), Some(true));
/// assert_eq!(arm.certainty(), Certainty::Definite);        // a member under both readings
/// assert_eq!(arm.status(), Some(Status::Frozen));
/// assert_eq!(arm.status_certainty(), Certainty::Possible); // frozen, or not yet
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    ds: &'a Dataset,
    org: u32,
    party: u32,
    date: NaiveDate,
    flags: Flags,
    rest: Rest,
}

/// Where the rest of an answer is: in an index segment (read only when
/// asked for), or held here (a verdict worked out for one pair).
#[derive(Debug, Clone, Copy)]
enum Rest {
    Segment(u32),
    Own {
        membership: Opt,
        spell: Opt,
        unknown: Opt,
    },
}

impl<'a> Answer<'a> {
    /// The fields of an answer's JSON object, in their order (the last,
    /// `known_until`, only for an unknown answer): the contract that
    /// `mh --json`, `mh --csv` and the Python package's data frames follow.
    ///
    /// ```
    /// # use membership_history::{bundled, Answer};
    /// let later = bundled().status_on("CSTO", "KAZ", "2100-01-01")?; // unknown
    /// let json = serde_json::to_value(&later)?;
    /// let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    /// let mut fields = Answer::FIELDS.to_vec();
    /// fields.sort_unstable(); // serde_json's map sorts its keys
    /// assert_eq!(keys, fields);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const FIELDS: [&'static str; 9] = [
        "code",
        "name",
        "cow",
        "status",
        "member",
        "certainty",
        "status_certainty",
        "since",
        "known_until",
    ];

    pub(crate) fn new(
        ds: &'a Dataset,
        org: usize,
        party: usize,
        membership: Option<usize>,
        date: NaiveDate,
        v: Verdict,
    ) -> Self {
        Answer {
            ds,
            org: org as u32,
            party: party as u32,
            date,
            flags: Flags::of(&v),
            rest: Rest::Own {
                membership: Opt::of(membership),
                spell: v.spell,
                unknown: v.unknown,
            },
        }
    }

    /// The answer listed from segment `seg` of `org` and `party`, whose
    /// words are `flags`.
    #[inline]
    pub(crate) fn of_segment(
        ds: &'a Dataset,
        (org, party): (u32, u32),
        flags: Flags,
        seg: u32,
        date: NaiveDate,
    ) -> Self {
        Answer {
            ds,
            org,
            party,
            date,
            flags,
            rest: Rest::Segment(seg),
        }
    }

    /// The membership, spell and gap behind the answer.
    fn rest(&self) -> (Opt, Opt, Opt) {
        match self.rest {
            Rest::Segment(seg) => {
                let s = &self.ds.segments[seg as usize];
                (Opt(s.membership), s.verdict.spell, s.verdict.unknown)
            }
            Rest::Own {
                membership,
                spell,
                unknown,
            } => (membership, spell, unknown),
        }
    }

    /// The organization.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().status_on("CST", "ARM", "1995-01-01")?.organization().id(), "CSTO");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn organization(&self) -> &'a Organization {
        &self.ds.orgs[self.org as usize]
    }

    /// The party.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().status_on("CSTO", "arm", "1995-01-01")?.party().name(), "Armenia");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn party(&self) -> &'a Party {
        &self.ds.parties[self.party as usize]
    }

    /// The party, as an id for further queries.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let arm = ds.status_on("CSTO", "ARM", "1995-01-01")?;
    /// assert_eq!(ds.party(arm.party_id()).unwrap().code(), "ARM");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn party_id(&self) -> PartyId {
        PartyId::new(self.party)
    }

    /// The day asked about.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// assert_eq!(bundled().status_on("CSTO", "ARM", "1995-01-01")?.date().to_string(), "1995-01-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The status: by the preferred readings where they give one, else one
    /// that some reading gives; for an unknown answer, the last status the
    /// data gives before its gap. `None` for no status.
    ///
    /// ```
    /// # use membership_history::{bundled, Status};
    /// let ds = bundled();
    /// assert_eq!(ds.status_on("CSTO", "UZB", "2013-01-01")?.status(), Some(Status::Suspended));
    /// assert_eq!(ds.status_on("CSTO", "UZB", "2001-01-01")?.status(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn status(&self) -> Option<Status> {
        self.flags.status()
    }

    /// Membership de jure (full or frozen) by the preferred readings;
    /// `None` when the data does not say.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.status_on("UNGA", "CSTO", "2010-01-01")?.member(), Some(false)); // an observer
    /// assert_eq!(ds.status_on("CSTO", "KAZ", "2010-01-01")?.member(), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn member(&self) -> Option<bool> {
        self.flags.member()
    }

    /// Whether it is membership under every reading of the dates.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert!(ds.status_on("CSTO", "AZE", "1993-10-01")?.is_definite_member());
    /// assert!(!ds.status_on("CSTO", "GEO", "1993-10-01")?.is_definite_member()); // disputed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn is_definite_member(&self) -> bool {
        self.flags.member() == Some(true) && self.flags.certainty() == Certainty::Definite
    }

    /// Whether it is membership under at least one reading (definite
    /// members included; never for an unknown).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert!(ds.status_on("CSTO", "GEO", "1993-10-01")?.is_possible_member());
    /// assert!(!ds.status_on("CSTO", "GEO", "1993-09-01")?.is_possible_member());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn is_possible_member(&self) -> bool {
        match self.flags.certainty() {
            Certainty::Definite => self.flags.member() == Some(true),
            Certainty::Possible => true,
            Certainty::Unknown => false,
        }
    }

    /// How sure [`member`](Answer::member) is: `Definite` (under every
    /// reading), `Possible` (under some), `Unknown` (the data does not say).
    ///
    /// ```
    /// # use membership_history::{bundled, Certainty};
    /// let ds = bundled();
    /// let geo = ds.status_on("CSTO", "GEO", "1993-10-01")?; // acceded 1993-09-09 or 12-09
    /// assert_eq!((geo.member(), geo.certainty()), (Some(false), Certainty::Possible));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn certainty(&self) -> Certainty {
        self.flags.certainty()
    }

    /// How sure [`status`](Answer::status) is, on its own.
    ///
    /// ```
    /// # use membership_history::{bundled, Certainty};
    /// let ds = bundled();
    /// assert_eq!(ds.status_on("CSTO", "ARM", "2024-02-22")?.status_certainty(), Certainty::Possible);
    /// assert_eq!(ds.status_on("CSTO", "ARM", "2024-02-23")?.status_certainty(), Certainty::Definite);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn status_certainty(&self) -> Certainty {
        self.flags.status_certainty()
    }

    /// What the answer rests on: the records, a gap in the data, or the
    /// state's absence from the state system.
    ///
    /// ```
    /// # use membership_history::{bundled, Basis};
    /// assert_eq!(bundled().status_on("CSTO", "ARM", "2000-01-01")?.basis(), Basis::Records);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn basis(&self) -> Basis {
        self.flags.basis()
    }

    /// The spell the status comes from (for an unknown answer, the last
    /// known one).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let a = ds.status_on("CSTO", "BLR", "2000-01-01")?;
    /// assert_eq!(a.spell().unwrap().span().unwrap().to_string(), "1993-12-31..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn spell(&self) -> Option<&'a Spell> {
        let (membership, spell, _) = self.rest();
        let m = &self.ds.memberships[membership.get()? as usize];
        m.spells.get(spell.get()? as usize)
    }

    /// When the status began, at its known precision: the date of the
    /// reading under which it holds on the day asked about (the preferred
    /// reading when that one does), so never a date after it. `None` for no
    /// status.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// // Georgia: 1993-12-09 by most sources, 1993-09-09 by others.
    /// assert_eq!(ds.status_on("CSTO", "GEO", "1993-10-01")?.since().unwrap().to_string(), "1993-09-09");
    /// assert_eq!(ds.status_on("CSTO", "GEO", "1995-01-01")?.since().unwrap().to_string(), "1993-12-09");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn since(&self) -> Option<&'a UncertainDate> {
        let spell = self.spell()?;
        let readings = self.ds.events[spell.opened_by].readings();
        let on = if self.flags.basis() == Basis::Unknown {
            spell.start
        } else {
            self.date
        };
        readings
            .iter()
            .find(|r| r.date().earliest() <= on)
            .or(readings.first())
            .map(|r| r.date())
    }

    /// The gap behind an unknown answer: which cell, or where the data ends.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let later = ds.status_on("CSTO", "KAZ", "2100-01-01")?;
    /// assert!(later.unknown().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unknown(&self) -> Option<&'a Unknown> {
        self.rest().2.get().map(|u| &self.ds.unknowns[u as usize])
    }

    /// For an unknown answer, the last day the data speaks for.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.status_on("CSTO", "KAZ", "2000-01-01")?.known_until(), None);
    /// assert!(ds.status_on("CSTO", "KAZ", "2100-01-01")?.known_until().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn known_until(&self) -> Option<NaiveDate> {
        self.unknown().and_then(Unknown::known_until)
    }

    pub(crate) fn dataset(&self) -> &'a Dataset {
        self.ds
    }

    pub(crate) fn membership(&self) -> Option<&'a Membership> {
        self.rest()
            .0
            .get()
            .map(|m| &self.ds.memberships[m as usize])
    }
}

/// The JSON contract of `members_on --json`: `code`, `name`, `cow`,
/// `status`, `member`, `certainty`, `status_certainty`, `since` (at its
/// known precision) and, for an unknown, `known_until`.
impl Serialize for Answer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let unknown = self.flags.certainty() == Certainty::Unknown;
        let f = Answer::FIELDS;
        let mut st = s.serialize_struct("Answer", if unknown { 9 } else { 8 })?;
        st.serialize_field(f[0], self.party().code())?;
        st.serialize_field(f[1], self.party().name())?;
        st.serialize_field(f[2], &self.party().cow_code())?;
        st.serialize_field(f[3], &self.status())?;
        st.serialize_field(f[4], &self.member())?;
        st.serialize_field(f[5], &self.certainty())?;
        st.serialize_field(f[6], &self.status_certainty())?;
        st.serialize_field(f[7], &self.since().map(|d| d.to_string()))?;
        if unknown {
            st.serialize_field(f[8], &self.known_until())?;
        }
        st.end()
    }
}
