#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Library code never unwraps: input reaches almost everything here.
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod across;
mod bundled;
mod dataset;
mod date;
mod error;
mod event;
mod explain;
mod import;
mod index;
mod lookup;
mod panel;
mod party;
mod query;
mod set;
mod status;
mod table;

// Long-form documentation, kept in Markdown and checked as doc tests.
#[doc = include_str!("../docs/errors.md")]
#[doc = ""]
#[doc = include_str!("../docs/errors-datasets.md")]
pub mod error_catalogue {}
#[doc = include_str!("../docs/datasets.md")]
pub mod research_datasets {}
#[doc = include_str!("../BENCHMARKS.md")]
pub mod benchmarks {}

pub use across::{CoMembership, MemberCount};
pub use bundled::{BUNDLED_VERSION, bundled};
pub use dataset::{Dataset, DatasetBuilder, Spell};
pub use date::{IntoDay, Precision, UncertainDate, YEARS, parse_day};
pub use error::{Error, ErrorKind};
pub use event::{Event, EventId, Origin, Reading};
pub use explain::Explanation;
pub use import::{CowState, CowStates, ImportCounts};
pub use index::{Index, MembersOn, OrgId, OrganizationsOf, PartyId};
pub use lookup::{FrozenSet, Key};
pub use panel::{PanelRow, YearRule};
pub use party::{Name, NameKind, Organization, Party, PartyKind, Source};
pub use query::{Change, SpellRecord, StatusOn};
pub use set::{IntervalSet, IntoIter, Iter, Span};
pub use status::{Certainty, EventKind, Status};
