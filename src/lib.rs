#![doc = include_str!("../README.md")]
//!
//! ## In these docs
//!
//! The README above is written for a code-hosting page too, so it names
//! items without links; here they are. Start at [`bundled()`] and
//! [`Dataset`] (the one query surface: [`Dataset::members_on`],
//! [`Dataset::status_on`], [`Dataset::organizations_of`],
//! [`Dataset::timeline`], [`Dataset::changes_between`],
//! [`Dataset::explain`]); an answer is an [`Answer`] with its
//! [`Certainty`]; loading is a [`DatasetBuilder`] reading [`Bundled`],
//! [`Atop`] or [`CowIgo`] into a [`Report`]; errors are one [`Error`].
//! The long-form pages: [`error_catalogue`] (every refusal, with its rule
//! and test, and the fuzzing runs), [`research_datasets`] (how ATOP and COW
//! become events), [`benchmarks`] (the measured figures).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Library code never unwraps: input reaches almost everything here.
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod error;
mod history;
mod interval;
mod io;
mod parallel;

// Long-form documentation, kept in Markdown and checked as doc tests.
#[doc = include_str!("../docs/errors.md")]
#[doc = ""]
#[doc = include_str!("../docs/errors-datasets.md")]
pub mod error_catalogue {}
#[doc = include_str!("../docs/datasets.md")]
pub mod research_datasets {}
#[doc = include_str!("../BENCHMARKS.md")]
pub mod benchmarks {}

pub use error::{Error, ErrorKind};
pub use history::across::{CoMembership, MemberCount, Tally};
pub use history::answer::{Answer, Basis};
pub use history::dataset::{Dataset, DatasetBuilder, Spell};
pub use history::date::{IntoDay, Precision, UncertainDate, YEARS, parse_day};
pub use history::event::{Event, EventId, Origin, Reading};
pub use history::explain::Explanation;
pub use history::party::{Name, NameKind, Organization, Party, PartyKind, Source};
pub use history::query::{
    Change, MemberDays, Members, MembersOn, OrgId, OrgRef, OrganizationsOf, PartyId, PartyRef,
    SpellRecord, Timeline,
};
pub use history::status::{Certainty, EventKind, Status};
pub use history::unknown::Unknown;
pub use interval::lookup::{FrozenSet, Key};
pub use interval::set::{IntervalSet, IntoIter, Iter, Span};
pub use io::bundled::{BUNDLED_VERIFIED_AS_OF, BUNDLED_VERSION, bundled};
pub use io::dyad_years::{AtopDyad, DyadYear, DyadYears};
pub use io::panel::{PanelRow, YearRule};
pub use io::panel_out::PanelFormat;
pub use io::read::{Atop, Bundled, CowIgo, Format, Report};
pub use io::state_years::{
    Count, Panels, STATE_IGO_COLUMNS, STATE_YEAR_COLUMNS, StateIgoYear, StateYear,
};
pub use io::{
    AtopObligations, CowState, CowStates, ImportCounts, OBLIGATIONS, ObligationDisagreement,
    Obligations,
};
