//! What a party is in an organization ([`Status`]), how sure we are of it
//! ([`Certainty`]), and the kinds of event that change it ([`EventKind`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// A party's standing in an organization over some span of days.
///
/// ```
/// use membership_history::Status;
///
/// assert!(Status::Frozen.is_member()); // Armenia since 2024: a member de jure
/// assert!(!Status::Suspended.is_member());
/// assert_eq!("frozen".parse::<Status>()?, Status::Frozen);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A full member.
    Member,
    /// A member de jure whose participation is frozen (it takes no part).
    Frozen,
    /// Membership suspended: not a member until it returns.
    Suspended,
    /// An observer, not a member.
    Observer,
    /// An associate member (COW IGO code 2).
    Associate,
}

impl Status {
    /// All statuses, in the order above.
    pub const ALL: [Status; 5] = [
        Status::Member,
        Status::Frozen,
        Status::Suspended,
        Status::Observer,
        Status::Associate,
    ];

    /// Whether this is membership de jure: full, or with participation frozen.
    ///
    /// ```
    /// # use membership_history::Status;
    /// assert!(Status::Member.is_member() && !Status::Observer.is_member());
    /// ```
    pub fn is_member(self) -> bool {
        matches!(self, Status::Member | Status::Frozen)
    }

    /// The lowercase word used in files and output.
    ///
    /// ```
    /// # use membership_history::Status;
    /// assert_eq!(Status::Suspended.as_str(), "suspended");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Member => "member",
            Status::Frozen => "frozen",
            Status::Suspended => "suspended",
            Status::Observer => "observer",
            Status::Associate => "associate",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| {
                Error::new(ErrorKind::InvalidValue(
                    "a status is one of member, frozen, suspended, observer, associate".into(),
                ))
                .with_value(s)
            })
    }
}

/// How sure an answer is.
///
/// `Definite` holds under every reading of every date; `Possible` under at
/// least one but not all; `Unknown` when the data does not say (a missing
/// cell, a day past the data's coverage). With exact dates and full coverage
/// every answer is `Definite`.
///
/// ```
/// use membership_history::{bundled, parse_day, Certainty};
///
/// // Georgia acceded 1993-12-09 by most sources, 1993-09-09 by others.
/// let ds = bundled();
/// let on = |d: &str| ds.members_on("CSTO", d).unwrap();
/// let geo = |d: &str| on(d).into_iter().find(|m| m.party().code() == "GEO").map(|m| m.certainty());
/// assert_eq!(geo("1993-10-01"), Some(Certainty::Possible));
/// assert_eq!(geo("1994-01-01"), Some(Certainty::Definite));
/// assert_eq!(geo("1993-09-01"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// True whichever reading of the dates is right.
    Definite,
    /// True under some readings, false under others.
    Possible,
    /// The data does not say.
    Unknown,
}

impl fmt::Display for Certainty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Certainty::Definite => "definite",
            Certainty::Possible => "possible",
            Certainty::Unknown => "unknown",
        })
    }
}

/// Where a party stands in an organization just before an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Never had a status in this organization.
    Never,
    /// Had one and left (or never renewed).
    Left,
    /// Holds this status.
    In(Status),
}

macro_rules! event_kinds {
    ($($(#[$doc:meta])* $variant:ident = $word:literal,)*) => {
        /// What an event does. Its word in files is given in each variant's
        /// docs, with the statuses it moves between.
        ///
        /// ```
        /// use membership_history::EventKind;
        /// assert_eq!("not_renewed".parse::<EventKind>()?, EventKind::NotRenewed);
        /// assert_eq!(EventKind::Returned.to_string(), "returned");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum EventKind {
            $($(#[$doc])* $variant,)*
        }

        impl EventKind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [EventKind] = &[$(EventKind::$variant,)*];

            /// The snake_case word used in files.
            ///
            /// ```
            /// # use membership_history::EventKind;
            /// assert_eq!(EventKind::ParticipationFrozen.as_str(), "participation_frozen");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $(EventKind::$variant => $word,)* }
            }
        }
    };
}

event_kinds! {
    /// `signed`: signs the founding treaty; membership starts (the ATOP and
    /// Gibler convention: signature, not ratification).
    Signed = "signed",
    /// `acceded`: joins later; membership starts.
    Acceded = "acceded",
    /// `ratified`: ratifies; no change of status (requires a member).
    Ratified = "ratified",
    /// `entered_into_force`: the treaty or an instrument enters into force for
    /// the party; no change of status.
    EnteredIntoForce = "entered_into_force",
    /// `instrument_signed`: signs a further instrument (a charter, a protocol);
    /// no change of status.
    InstrumentSigned = "instrument_signed",
    /// `renewed`: renews or extends its membership; no change of status.
    Renewed = "renewed",
    /// `not_renewed`: does not renew; membership ends on this day.
    NotRenewed = "not_renewed",
    /// `withdrew`: withdraws; membership ends on this day.
    Withdrew = "withdrew",
    /// `suspended`: membership suspended from this day.
    Suspended = "suspended",
    /// `returned`: returns after a suspension or an exit; a member again.
    Returned = "returned",
    /// `participation_frozen`: stops taking part, remaining a member de jure.
    ParticipationFrozen = "participation_frozen",
    /// `participation_resumed`: takes part again.
    ParticipationResumed = "participation_resumed",
    /// `observer_granted`: becomes an observer.
    ObserverGranted = "observer_granted",
    /// `observer_ended`: stops being an observer.
    ObserverEnded = "observer_ended",
    /// `associate_granted`: becomes an associate member.
    AssociateGranted = "associate_granted",
    /// `associate_ended`: stops being an associate member.
    AssociateEnded = "associate_ended",
    /// `statement`: a statement, notice or decision about the membership
    /// that changes no status (a boycott, a declaration of intent, a
    /// confirmation that a state remains a member); allowed in any standing.
    Statement = "statement",
    /// `state_formed`: the state enters the state system (its first day);
    /// no change of status: a membership may start that day or later.
    StateFormed = "state_formed",
    /// `state_ended`: the state leaves the state system; whatever status it
    /// held ends on this day (the first day it no longer exists).
    StateEnded = "state_ended",
    /// `renamed`: the organization takes a new name (no member).
    Renamed = "renamed",
    /// `dissolved`: the organization ends; no member event may follow (no member).
    Dissolved = "dissolved",
}

impl EventKind {
    /// Whether the event concerns the organization itself, not one member.
    ///
    /// ```
    /// # use membership_history::EventKind;
    /// assert!(EventKind::Renamed.is_organization_event());
    /// assert!(!EventKind::Signed.is_organization_event());
    /// ```
    pub fn is_organization_event(self) -> bool {
        matches!(self, EventKind::Renamed | EventKind::Dissolved)
    }

    /// The status before and after, given where the party stood; `Err` names
    /// the rule an impossible sequence breaks. `Ok(None)` is "no status".
    pub(crate) fn apply(self, before: Standing) -> Result<Option<Status>, &'static str> {
        use Standing::{In, Left, Never};
        use Status::*;
        let current = match before {
            In(s) => Some(s),
            Never | Left => None,
        };
        match (self, before) {
            (EventKind::Signed | EventKind::Acceded, Never | Left | In(Observer | Associate)) => {
                Ok(Some(Member))
            }
            (EventKind::Signed | EventKind::Acceded, In(_)) => {
                Err("joins while already a member (two memberships at once)")
            }
            (
                EventKind::Ratified
                | EventKind::EnteredIntoForce
                | EventKind::InstrumentSigned
                | EventKind::Renewed,
                In(Member | Frozen | Suspended),
            ) => Ok(current),
            (
                EventKind::Ratified
                | EventKind::EnteredIntoForce
                | EventKind::InstrumentSigned
                | EventKind::Renewed,
                _,
            ) => Err("only a member can ratify, renew or sign a further instrument"),
            (EventKind::NotRenewed | EventKind::Withdrew, In(Member | Frozen | Suspended)) => {
                Ok(None)
            }
            (EventKind::NotRenewed | EventKind::Withdrew, _) => {
                Err("leaves without being a member")
            }
            (EventKind::Suspended, In(Member | Frozen)) => Ok(Some(Suspended)),
            (EventKind::Suspended, In(Suspended)) => Err("suspended while already suspended"),
            (EventKind::Suspended, _) => Err("suspension of a non-member"),
            (EventKind::Returned, In(Suspended) | Left) => Ok(Some(Member)),
            (EventKind::Returned, Never) => Err("return with no prior exit or suspension"),
            (EventKind::Returned, In(_)) => {
                Err("return while not suspended (no prior exit or suspension)")
            }
            (EventKind::ParticipationFrozen, In(Member)) => Ok(Some(Frozen)),
            (EventKind::ParticipationFrozen, _) => {
                Err("only a full member can freeze its participation")
            }
            (EventKind::ParticipationResumed, In(Frozen)) => Ok(Some(Member)),
            (EventKind::ParticipationResumed, _) => {
                Err("resumes participation that was not frozen")
            }
            (EventKind::ObserverGranted, Never | Left) => Ok(Some(Observer)),
            (EventKind::ObserverGranted, In(_)) => {
                Err("becomes an observer while holding another status")
            }
            (EventKind::ObserverEnded, In(Observer)) => Ok(None),
            (EventKind::ObserverEnded, _) => Err("observer status ends for a non-observer"),
            (EventKind::AssociateGranted, Never | Left | In(Observer)) => Ok(Some(Associate)),
            (EventKind::AssociateGranted, In(_)) => Err("becomes an associate while a member"),
            (EventKind::AssociateEnded, In(Associate)) => Ok(None),
            (EventKind::AssociateEnded, _) => Err("associate status ends for a non-associate"),
            (EventKind::Statement, _) => Ok(current),
            (EventKind::StateFormed, Never | Left) => Ok(None),
            (EventKind::StateFormed, In(_)) => Err("a state is formed while holding a status"),
            (EventKind::StateEnded, In(_)) => Ok(None),
            (EventKind::StateEnded, _) => Err("a state ends while holding no status"),
            (EventKind::Renamed | EventKind::Dissolved, _) => {
                Err("an organization event cannot name a member")
            }
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EventKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        EventKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let words: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                Error::new(ErrorKind::InvalidValue(format!(
                    "an event kind is one of {}",
                    words.join(", ")
                )))
                .with_value(s)
            })
    }
}
