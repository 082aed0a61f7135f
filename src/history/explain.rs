//! Why an answer is what it is: [`Explanation`] gives the three-valued
//! answer, the spells the date may fall in, the events that opened and
//! closed them, every reading of their dates (at its known precision) with
//! its sources, and, where the data is silent, the gap and where it starts.

use std::fmt;

use chrono::NaiveDate;

use crate::error::Error;
use crate::history::answer::{Answer, Basis};
use crate::history::dataset::{Dataset, Spell};
use crate::history::date::IntoDay;
use crate::history::event::{Event, Reading};
use crate::history::query::{OrgRef, PartyRef};
use crate::history::status::Certainty;

/// The reasons behind one [`Answer`], from [`Dataset::explain`]; its
/// `Display` is a short report.
///
/// ```
/// use membership_history::bundled;
///
/// let why = bundled().explain("CSTO", "GEO", "1993-10-01")?.to_string();
/// // Georgia acceded on 1993-12-09 by most sources, on 1993-09-09 by others:
/// assert!(why.contains("possibly a member"));
/// assert!(why.contains("since 1993-09-09 by the reading of WP-RU"));
/// assert!(why.contains("sources disagree"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Explanation<'a> {
    answer: Answer<'a>,
    candidates: Vec<(&'a Spell, Certainty)>,
    before: Option<&'a Spell>,
    after: Option<&'a Spell>,
}

impl Dataset {
    /// Why `member` has the status it has in `org` on `date`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownOrganization`](crate::ErrorKind::UnknownOrganization),
    /// [`ErrorKind::UnknownParty`](crate::ErrorKind::UnknownParty), a date
    /// error.
    ///
    /// ```
    /// # use membership_history::bundled;
    /// let why = bundled().explain("CSTO", "UZB", "2013-01-01")?.to_string();
    /// assert!(why.contains("suspended"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(
        &self,
        org: impl OrgRef,
        member: impl PartyRef,
        date: impl IntoDay,
    ) -> Result<Explanation<'_>, Error> {
        Ok(Explanation::new(self.status_on(org, member, date)?))
    }
}

impl<'a> Explanation<'a> {
    pub(crate) fn new(answer: Answer<'a>) -> Self {
        let date = answer.date();
        let spells = answer.membership().map_or(&[][..], |m| m.spells.as_slice());
        let candidates: Vec<(&Spell, Certainty)> = spells
            .iter()
            .filter_map(|s| s.certainty_on(date).map(|c| (s, c)))
            .collect();
        let (before, after) = if candidates.is_empty() || answer.basis() != Basis::Records {
            (
                spells.iter().rev().find(|s| s.start_earliest <= date),
                spells.iter().find(|s| s.start_earliest > date),
            )
        } else {
            (None, None)
        };
        Explanation {
            answer,
            candidates,
            before,
            after,
        }
    }

    /// The answer explained.
    ///
    /// ```
    /// # use membership_history::{bundled, Certainty};
    /// let e = bundled().explain("CSTO", "GEO", "1993-10-01")?;
    /// assert_eq!(e.answer().certainty(), Certainty::Possible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answer(&self) -> &Answer<'a> {
        &self.answer
    }

    /// The spells the date may fall in, each with how sure that is.
    ///
    /// ```
    /// # use membership_history::{bundled, Certainty};
    /// let e = bundled().explain("CSTO", "GEO", "1993-10-01")?;
    /// assert_eq!(e.candidates()[0].1, Certainty::Possible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn candidates(&self) -> &[(&'a Spell, Certainty)] {
        &self.candidates
    }

    fn event(&self, id: crate::history::event::EventId) -> &'a Event {
        &self.answer.dataset().events[id]
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
        // What happened during the spell up to the day asked about that
        // changed no status (ratifications, statements): the latest source.
        let date = self.answer.date();
        if let Some(m) = self.answer.membership() {
            for &id in &m.events {
                let ev = self.event(id);
                let inside = ev.day() > s.start
                    && ev.day() <= date
                    && s.end.is_none_or(|e| ev.day() < e)
                    && id != s.opened_by
                    && Some(id) != s.closed_by;
                if inside {
                    self.write_event(f, "then", ev)?;
                }
            }
        }
        match s.closed_by {
            Some(c) => self.write_event(f, "closed by", self.event(c)),
            None => match self.known_until() {
                Some(until) => writeln!(
                    f,
                    "    no later event in the data, which covers this organization until {until}"
                ),
                None => writeln!(
                    f,
                    "    no later event in the data (which states no end to its coverage)"
                ),
            },
        }
    }

    fn known_until(&self) -> Option<NaiveDate> {
        self.answer
            .dataset()
            .timeline(self.answer.organization().id(), self.answer.party().code())
            .ok()
            .and_then(|t| t.known_until())
    }

    /// "since D" for spell `s` on the date: the preferred reading when it
    /// has begun by then, else the readings that have, named.
    fn since(&self, s: &Spell) -> String {
        let date = self.answer.date();
        let readings = self.event(s.opened_by).readings();
        let begun: Vec<&Reading> = readings
            .iter()
            .filter(|r| r.date().earliest() <= date)
            .collect();
        match (readings.first(), begun.first()) {
            (Some(p), Some(first)) if std::ptr::eq(p, *first) => format!("since {}", p.date()),
            (Some(p), Some(first)) => format!(
                "since {} by the reading of {} (by the preferred reading of {}, not until {})",
                first.date(),
                first.sources().join("; "),
                p.sources().join("; "),
                p.date()
            ),
            (Some(p), None) => format!("from {} (after this date)", p.date()),
            _ => String::new(),
        }
    }

    fn until(&self, s: &Spell) -> String {
        let Some(c) = s.closed_by else {
            return String::new();
        };
        let date = self.answer.date();
        let readings = self.event(c).readings();
        // The end as the reading that leaves the date inside: a closing
        // reading before the date, named, would contradict "holds".
        match readings.first() {
            Some(p) if p.date().earliest() > date => format!(" until {}", p.date()),
            Some(p) => {
                let later: Vec<&Reading> = readings
                    .iter()
                    .filter(|r| r.date().latest() > date)
                    .collect();
                match later.first() {
                    Some(r) => format!(
                        " until {} by the reading of {} (by the preferred reading of {}, {})",
                        r.date(),
                        r.sources().join("; "),
                        p.sources().join("; "),
                        p.date()
                    ),
                    None => format!(" until {}", p.date()),
                }
            }
            None => String::new(),
        }
    }
}

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = &self.answer;
        let (org, party, date) = (a.organization(), a.party(), a.date());
        let org_name = org.name_on(date).unwrap_or(org.current_name());
        writeln!(
            f,
            "{} ({}) in the {} ({}) on {}:",
            party.name(),
            party.code(),
            org_name,
            org.id(),
            date
        )?;
        let status = a
            .status()
            .map_or("no status".to_string(), |s| s.to_string());
        let verdict = match (a.certainty(), a.member()) {
            (Certainty::Unknown, _) => "unknown: the data does not say".to_string(),
            (Certainty::Definite, Some(true)) => "definitely a member".to_string(),
            (Certainty::Definite, _) => "definitely not a member".to_string(),
            (Certainty::Possible, Some(true)) => {
                "possibly a member (a member by the preferred readings, not by every reading)"
                    .to_string()
            }
            (Certainty::Possible, _) => {
                "possibly a member (by some readings, not by the preferred ones)".to_string()
            }
        };
        writeln!(
            f,
            "  {verdict}; status: {status} ({})",
            a.status_certainty()
        )?;
        match a.basis() {
            Basis::NotAState => {
                writeln!(
                    f,
                    "  {} was not in the state system on this date: no status",
                    party.code()
                )?;
            }
            Basis::Unknown => {
                if let Some(u) = a.unknown() {
                    writeln!(f, "  {u}")?;
                }
                if let Some(until) = a.known_until() {
                    let last = a
                        .status()
                        .map_or("no status".to_string(), |s| s.to_string());
                    let since = a.since().map_or(String::new(), |d| format!(" since {d}"));
                    writeln!(f, "  the data speaks until {until}; then: {last}{since}")?;
                }
            }
            Basis::Records => {}
        }
        if self.candidates.is_empty() || a.basis() != Basis::Records {
            if let Some(b) = self.before {
                writeln!(f, "  before: {} {}", b.status, self.since(b))?;
                self.write_spell(f, b)?;
            }
            if let Some(s) = self.after {
                writeln!(f, "  later: {} from {}", s.status, s.start_date())?;
                self.write_event(f, "opened by", self.event(s.opened_by))?;
            }
            return Ok(());
        }
        for (s, c) in &self.candidates {
            let word = match c {
                Certainty::Possible => "possibly ",
                _ => "",
            };
            writeln!(
                f,
                "  {word}{} {}{} ({c})",
                s.status,
                self.since(s),
                self.until(s)
            )?;
            self.write_spell(f, s)?;
        }
        Ok(())
    }
}
