//! Why an answer is what it is: [`Explanation`] names the spell a date falls
//! in, the events that opened and closed it, every reading of their dates and
//! the sources behind each.

use std::fmt;

use chrono::NaiveDate;

use crate::dataset::{Dataset, Spell};
use crate::error::Error;
use crate::event::Event;
use crate::party::{Organization, Party};
use crate::status::Certainty;

/// The status of one party in one organization on one date, with its
/// evidence. Its [`Display`](fmt::Display) is a short report.
///
/// ```
/// use membership_history::{bundled, Certainty, Status};
///
/// let ds = bundled();
/// let why = ds.explain("CSTO", "UZB", "2013-01-01".parse()?)?;
/// let (spell, certainty) = why.candidates()[0];
/// assert_eq!((spell.status(), certainty), (Status::Suspended, Certainty::Definite));
/// let text = why.to_string();
/// assert!(text.contains("suspended since 2012-06-28"));
/// assert!(text.contains("2012-12-19") && text.contains("TASS-2012b"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Explanation<'a> {
    dataset: &'a Dataset,
    organization: &'a Organization,
    party: &'a Party,
    date: NaiveDate,
    candidates: Vec<(&'a Spell, Certainty)>,
    before: Option<&'a Spell>,
    after: Option<&'a Spell>,
}

impl Dataset {
    /// Explains `member`'s status in `org` on `date`: every spell that holds
    /// or may hold then, or else the nearest spells before and after.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`](crate::ErrorKind::UnknownOrganization),
    /// [`ErrorKind::UnknownParty`](crate::ErrorKind::UnknownParty).
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// let why = ds.explain("CSTO", "GEO", "1993-10-01".parse()?)?.to_string();
    /// assert!(why.contains("possibly member"));
    /// assert!(why.contains("1993-12-09") && why.contains("1993-09-09"));
    /// assert!(why.contains("WP-RU") && why.contains("GIBLER"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(
        &self,
        org: &str,
        member: &str,
        date: NaiveDate,
    ) -> Result<Explanation<'_>, Error> {
        let organization = &self.orgs[self.org_index(org)?];
        let party = &self.parties[self.party_index_of(member)?];
        let spells = self.timeline(org, member)?;
        let candidates: Vec<(&Spell, Certainty)> = spells
            .iter()
            .filter_map(|s| s.certainty_on(date).map(|c| (s, c)))
            .collect();
        let (before, after) = if candidates.is_empty() {
            (
                spells.iter().rev().find(|s| s.start <= date),
                spells.iter().find(|s| s.start > date),
            )
        } else {
            (None, None)
        };
        Ok(Explanation {
            dataset: self,
            organization,
            party,
            date,
            candidates,
            before,
            after,
        })
    }
}

impl<'a> Explanation<'a> {
    /// Every spell that holds (definite) or may hold (possible) on the date.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// // Uzbekistan mid-2012: still a member by the formal decision's date,
    /// // suspended by the note's.
    /// assert_eq!(ds.explain("CSTO", "UZB", "2012-08-01".parse()?)?.candidates().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn candidates(&self) -> &[(&'a Spell, Certainty)] {
        &self.candidates
    }

    /// The party.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let ds = bundled();
    /// assert_eq!(ds.explain("CSTO", "UZB", "2000-01-01".parse()?)?.party().name(), "Uzbekistan");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party(&self) -> &'a Party {
        self.party
    }

    fn event(&self, id: usize) -> &'a Event {
        self.dataset.event(id)
    }

    fn write_event(&self, f: &mut fmt::Formatter<'_>, label: &str, ev: &Event) -> fmt::Result {
        for (i, r) in ev.readings().iter().enumerate() {
            let head = if i == 0 {
                format!("{label}: {} on {}", ev.kind(), r.date())
            } else {
                format!("{:width$}  or on {}", "", r.date(), width = label.len())
            };
            let note = if r.note().is_empty() {
                String::new()
            } else {
                format!(" ({})", r.note())
            };
            writeln!(f, "    {head}{note} [{}]", r.sources().join("; "))?;
        }
        if ev.readings().len() > 1 {
            writeln!(
                f,
                "    {:width$}  sources disagree on this date",
                "",
                width = label.len()
            )?;
        }
        Ok(())
    }

    fn write_spell(&self, f: &mut fmt::Formatter<'_>, s: &Spell) -> fmt::Result {
        self.write_event(f, "opened by", self.event(s.opened_by))?;
        match s.closed_by {
            Some(c) => self.write_event(f, "closed by", self.event(c)),
            None => writeln!(f, "    still in effect: no later event in the data"),
        }
    }
}

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let org_name = self
            .organization
            .name_on(self.date)
            .unwrap_or(self.organization.current_name());
        writeln!(
            f,
            "{} ({}) in the {} ({}) on {}:",
            self.party.name(),
            self.party.code(),
            org_name,
            self.organization.id(),
            self.date
        )?;
        if self.candidates.is_empty() {
            writeln!(
                f,
                "  no status on this date, under any reading of the dates"
            )?;
            if let Some(b) = self.before {
                let end = b.end.map_or_else(String::new, |e| format!(" until {e}"));
                writeln!(f, "  before: {} since {}{end}", b.status, b.start)?;
                self.write_spell(f, b)?;
            }
            if let Some(a) = self.after {
                writeln!(f, "  later: {} from {}", a.status, a.start)?;
                self.write_event(f, "opened by", self.event(a.opened_by))?;
            }
            return Ok(());
        }
        for (s, c) in &self.candidates {
            let word = match c {
                Certainty::Definite => "",
                Certainty::Possible => "possibly ",
            };
            let until = s.end.map_or_else(String::new, |e| format!(" until {e}"));
            writeln!(f, "  {word}{} since {}{until} ({c})", s.status, s.start)?;
            if *c == Certainty::Possible {
                let holds = if s.contains(self.date) {
                    "holds by the preferred readings, not by every reading"
                } else {
                    "holds only by a reading other than the preferred one"
                };
                writeln!(f, "    {holds}")?;
            }
            self.write_spell(f, s)?;
        }
        Ok(())
    }
}
