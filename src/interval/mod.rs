//! Interval sets over any ordered key: [`Span`](set::Span),
//! [`IntervalSet`](set::IntervalSet) and the point-query
//! [`FrozenSet`](lookup::FrozenSet).

pub(crate) mod lookup;
pub(crate) mod set;
