//! The model: parties, organizations, sourced events, the statuses replayed
//! from them, what the data does not say, and the one query surface of the
//! [`Dataset`](dataset::Dataset). Nothing outside this folder reads its
//! fields.

pub(crate) mod across;
pub(crate) mod answer;
pub(crate) mod dataset;
pub(crate) mod date;
pub(crate) mod event;
pub(crate) mod explain;
pub(crate) mod index;
pub(crate) mod lookup;
pub(crate) mod party;
pub(crate) mod query;
pub(crate) mod status;
pub(crate) mod unknown;
