//! Dates known to the day, the month, the year, or only as candidates:
//! [`UncertainDate`].
//!
//! The text form follows EDTF (ISO 8601-2) where it fits:
//!
//! | text | meaning |
//! |---|---|
//! | `1993-12-09` | that day |
//! | `1993-09` | some day in September 1993 |
//! | `1993` | some day in 1993 |
//! | `[1993-09-09,1993-12-09]` | one of these days (EDTF "one of a set") |
//! | `1993-09-09/1993-12-09` | some day from the first to the second, both included |

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// The years this crate accepts: wide enough for every state system and
/// treaty record (COW starts in 1816), narrow enough to catch typos.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// When an event happened, as precisely as its source says.
///
/// It is a day, a month, a year, one of a few days, or some day in a range
/// ([`Precision`] names them). Every value is a real one: a month from 1 to
/// 12, years in [`YEARS`], candidate days sorted and distinct, a range that
/// ends after it starts. The constructors check it, and so do parsing and
/// deserialization, so what prints parses back to the same value.
///
/// ```
/// use membership_history::UncertainDate;
///
/// let d: UncertainDate = "1993-09".parse()?;
/// assert_eq!(d.earliest().to_string(), "1993-09-01");
/// assert_eq!(d.latest().to_string(), "1993-09-30");
/// assert!(!d.is_exact());
/// assert_eq!(d.to_string(), "1993-09");
/// assert_eq!(UncertainDate::month(1993, 9)?, d);
///
/// // Month 13 cannot be made, by any way in.
/// let err = UncertainDate::month(1993, 13).unwrap_err();
/// assert_eq!(err.to_string(), "value \"1993-13\": invalid date: month 13 is not between 01 and 12");
/// assert_eq!("1993-13".parse::<UncertainDate>().unwrap_err().to_string(), err.to_string());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UncertainDate(Repr);

/// The value inside an [`UncertainDate`], valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    Day(NaiveDate),
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
    /// Sorted, at least two, no repeats.
    OneOf(Vec<NaiveDate>),
    /// First before last.
    Between(NaiveDate, NaiveDate),
}

/// How precisely an [`UncertainDate`] is known, to match on: see
/// [`UncertainDate::precision`]. A view of a valid date, so its values are
/// valid too (months 1 to 12, candidate days sorted, ranges forward).
///
/// ```
/// use membership_history::{Precision, UncertainDate};
///
/// let d: UncertainDate = "[1993-09-09,1993-12-09]".parse()?;
/// let shown = match d.precision() {
///     Precision::Day(day) => format!("on {day}"),
///     Precision::Month { year, month } => format!("in {year}-{month:02}"),
///     Precision::Year(year) => format!("in {year}"),
///     Precision::OneOf(days) => format!("on one of {} days", days.len()),
///     Precision::Between(first, last) => format!("from {first} to {last}"),
/// };
/// assert_eq!(shown, "on one of 2 days");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision<'a> {
    /// Known to the day.
    Day(NaiveDate),
    /// Known to the month: some day in it.
    Month {
        /// The year, in [`YEARS`].
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// Known to the year (in [`YEARS`]): some day in it.
    Year(i32),
    /// One of these days (sorted, at least two, no repeats).
    OneOf(&'a [NaiveDate]),
    /// Some day from the first to the second, both included (the first
    /// before the second).
    Between(NaiveDate, NaiveDate),
}

impl UncertainDate {
    /// A date known to the day.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDate`] when the day's year is outside [`YEARS`]
    /// (the text form could not write it).
    ///
    /// ```
    /// # use membership_history::{UncertainDate, parse_day};
    /// let d = UncertainDate::day(parse_day("2024-02-22")?)?;
    /// assert!(d.is_exact());
    /// assert_eq!(d.to_string(), "2024-02-22");
    /// assert!(UncertainDate::day(chrono::NaiveDate::MIN).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn day(day: NaiveDate) -> Result<Self, Error> {
        check_day(day)?;
        Ok(UncertainDate(Repr::Day(day)))
    }

    /// A date known to the month: some day of `month` (1 to 12) in `year`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDate`] for a month that is not 1 to 12 or a year
    /// outside [`YEARS`], with the value attached.
    ///
    /// ```
    /// # use membership_history::UncertainDate;
    /// let d = UncertainDate::month(1993, 9)?;
    /// assert_eq!((d.earliest().to_string(), d.latest().to_string()),
    ///            ("1993-09-01".into(), "1993-09-30".into()));
    /// assert!(UncertainDate::month(1993, 0).is_err());
    /// assert!(UncertainDate::month(1993, 13).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn month(year: i32, month: u32) -> Result<Self, Error> {
        let value = || format!("{year:04}-{month:02}");
        check_year(year).map_err(|e| e.with_value(value()))?;
        check_month(month).map_err(|e| e.with_value(value()))?;
        Ok(UncertainDate(Repr::Month { year, month }))
    }

    /// A date known to the year: some day in `year`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDate`] for a year outside [`YEARS`].
    ///
    /// ```
    /// # use membership_history::UncertainDate;
    /// let d = UncertainDate::year(1998)?;
    /// assert_eq!(d.latest().to_string(), "1998-12-31");
    /// assert!(UncertainDate::year(i32::MAX).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year(year: i32) -> Result<Self, Error> {
        check_year(year).map_err(|e| e.with_value(format!("{year:04}")))?;
        Ok(UncertainDate(Repr::Year(year)))
    }

    /// A date that is one of `days`, sorted and deduplicated here; one day
    /// alone is that day.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDate`] when `days` is empty or a day's year is
    /// outside [`YEARS`].
    ///
    /// ```
    /// # use membership_history::{UncertainDate, parse_day};
    /// let d = UncertainDate::one_of(vec![parse_day("1993-12-09")?, parse_day("1993-09-09")?])?;
    /// assert_eq!(d.to_string(), "[1993-09-09,1993-12-09]");
    /// assert!(UncertainDate::one_of([parse_day("1993-12-09")?; 2])?.is_exact());
    /// assert!(UncertainDate::one_of([]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn one_of(days: impl IntoIterator<Item = NaiveDate>) -> Result<Self, Error> {
        let mut days: Vec<NaiveDate> = days.into_iter().collect();
        days.sort_unstable();
        days.dedup();
        for &d in &days {
            check_day(d)?;
        }
        match days[..] {
            [] => Err(invalid("a set of candidate days needs at least one day").with_value("[]")),
            [d] => Ok(UncertainDate(Repr::Day(d))),
            _ => Ok(UncertainDate(Repr::OneOf(days))),
        }
    }

    /// Some day from `first` to `last`, both included.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::EndBeforeStart`] unless `last` is after `first` (a
    /// range of one day is that day: write [`day`](Self::day));
    /// [`ErrorKind::InvalidDate`] for a year outside [`YEARS`].
    ///
    /// ```
    /// # use membership_history::{ErrorKind, UncertainDate, parse_day};
    /// let d = UncertainDate::between(parse_day("1951-01-01")?, parse_day("1955-12-31")?)?;
    /// assert_eq!(d.to_string(), "1951-01-01/1955-12-31");
    /// let err = UncertainDate::between(parse_day("1955-12-31")?, parse_day("1951-01-01")?).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::EndBeforeStart { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn between(first: NaiveDate, last: NaiveDate) -> Result<Self, Error> {
        let value = || format!("{first}/{last}");
        check_day(first).map_err(|e| e.replace_value(value()))?;
        check_day(last).map_err(|e| e.replace_value(value()))?;
        if last <= first {
            return Err(Error::new(ErrorKind::EndBeforeStart {
                start: first.to_string(),
                end: last.to_string(),
            })
            .with_value(value()));
        }
        Ok(UncertainDate(Repr::Between(first, last)))
    }

    /// How precisely it is known, to match on.
    ///
    /// ```
    /// # use membership_history::{Precision, UncertainDate};
    /// let d: UncertainDate = "1993".parse()?;
    /// assert_eq!(d.precision(), Precision::Year(1993));
    /// assert!(matches!("1993-09".parse::<UncertainDate>()?.precision(), Precision::Month { month: 9, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn precision(&self) -> Precision<'_> {
        match &self.0 {
            Repr::Day(d) => Precision::Day(*d),
            Repr::Month { year, month } => Precision::Month {
                year: *year,
                month: *month,
            },
            Repr::Year(y) => Precision::Year(*y),
            Repr::OneOf(days) => Precision::OneOf(days),
            Repr::Between(a, b) => Precision::Between(*a, *b),
        }
    }

    /// The earliest day it can be.
    ///
    /// ```
    /// # use membership_history::UncertainDate;
    /// let d: UncertainDate = "[1993-09-09,1993-12-09]".parse()?;
    /// assert_eq!(d.earliest().to_string(), "1993-09-09");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn earliest(&self) -> NaiveDate {
        match &self.0 {
            Repr::Day(d) | Repr::Between(d, _) => *d,
            Repr::Month { year, month } => first_of_month(*year, *month),
            Repr::Year(y) => first_of_month(*y, 1),
            // Never empty (see `one_of`); the fallback keeps this total.
            Repr::OneOf(days) => days.first().copied().unwrap_or(NaiveDate::MIN),
        }
    }

    /// The latest day it can be.
    ///
    /// ```
    /// # use membership_history::UncertainDate;
    /// let d: UncertainDate = "1998".parse()?;
    /// assert_eq!(d.latest().to_string(), "1998-12-31");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn latest(&self) -> NaiveDate {
        match &self.0 {
            Repr::Day(d) | Repr::Between(_, d) => *d,
            Repr::Month { year, month } => last_of_month(*year, *month),
            Repr::Year(y) => last_of_month(*y, 12),
            Repr::OneOf(days) => days.last().copied().unwrap_or(NaiveDate::MAX),
        }
    }

    /// Whether it is one known day.
    ///
    /// ```
    /// # use membership_history::UncertainDate;
    /// assert!("2024-02-22".parse::<UncertainDate>()?.is_exact());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_exact(&self) -> bool {
        matches!(self.0, Repr::Day(_))
    }

    /// Whether the event can have happened on `day`.
    ///
    /// ```
    /// # use membership_history::{UncertainDate, parse_day};
    /// let d: UncertainDate = "[1993-09-09,1993-12-09]".parse()?;
    /// assert!(d.could_be(parse_day("1993-09-09")?));
    /// assert!(!d.could_be(parse_day("1993-10-01")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn could_be(&self, day: NaiveDate) -> bool {
        match &self.0 {
            Repr::OneOf(days) => days.binary_search(&day).is_ok(),
            _ => self.earliest() <= day && day <= self.latest(),
        }
    }
}

fn first_of_month(year: i32, month: u32) -> NaiveDate {
    // Year and month were checked on construction; the fallback is never
    // taken but keeps this total.
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    // `year + 1` cannot overflow: years are in `YEARS`.
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

fn invalid(rule: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidDate(rule.into()))
}

/// A year this crate accepts ([`YEARS`]).
fn check_year(y: i32) -> Result<i32, Error> {
    if !YEARS.contains(&y) {
        return Err(invalid(format!(
            "year {y} is outside {}..={}",
            YEARS.start(),
            YEARS.end()
        )));
    }
    Ok(y)
}

/// A month from 1 to 12.
fn check_month(m: u32) -> Result<u32, Error> {
    if !(1..=12).contains(&m) {
        return Err(invalid(format!("month {m} is not between 01 and 12")));
    }
    Ok(m)
}

/// A day whose year is in [`YEARS`], the value attached when it is not.
fn check_day(d: NaiveDate) -> Result<NaiveDate, Error> {
    use chrono::Datelike;
    check_year(d.year()).map_err(|e| e.with_value(d.to_string()))?;
    Ok(d)
}

/// A piece of a date as a message quotes it: the whole value is attached
/// to the error, so a long piece is cut.
fn short(s: &str) -> String {
    if s.chars().count() > 12 {
        format!("{}…", s.chars().take(12).collect::<String>())
    } else {
        s.to_string()
    }
}

fn parse_year(s: &str) -> Result<i32, Error> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(format!(
            "`{}` is not a four-digit year (dates are written YYYY-MM-DD, YYYY-MM or YYYY)",
            short(s)
        )));
    }
    let y: i32 = s
        .parse()
        .map_err(|_| invalid(format!("`{}` is not a year", short(s))))?;
    check_year(y)
}

/// Two ASCII digits (`u32::from_str` alone takes `+9` too).
fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_month(s: &str) -> Result<u32, Error> {
    let m: u32 = match two_digits(s) {
        Some(m) => m,
        _ => return Err(invalid(format!("`{}` is not a two-digit month", short(s)))),
    };
    check_month(m)
}

/// Parses exactly `YYYY-MM-DD`, with a message that names the broken rule.
///
/// ```
/// use membership_history::parse_day;
/// assert_eq!(parse_day("1992-05-15")?.to_string(), "1992-05-15");
/// let err = parse_day("1993-02-30").unwrap_err();
/// assert!(err.to_string().contains("1993-02 has no day 30"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::InvalidDate`] for anything but a real calendar day in
/// [`YEARS`], with the value attached.
pub fn parse_day(s: &str) -> Result<NaiveDate, Error> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(invalid("a day is written YYYY-MM-DD").with_value(s));
    };
    let year = parse_year(y).map_err(|e| e.with_value(s))?;
    let month = parse_month(m).map_err(|e| e.with_value(s))?;
    let day: u32 = match two_digits(d) {
        Some(d) => d,
        _ => return Err(invalid(format!("`{}` is not a two-digit day", short(d))).with_value(s)),
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| invalid(format!("{year:04}-{month:02} has no day {day}")).with_value(s))
}

/// A day given as a `NaiveDate` or as ISO text (`"2008-01-01"`), parsed by the crate with its own messages.
///
/// Text goes through [`parse_day`]: exactly `YYYY-MM-DD`, a real calendar
/// day in [`YEARS`], and an error that names the rule broken (where
/// `"2010-13-01".parse::<NaiveDate>()` says only `ParseError(OutOfRange)`).
/// A `NaiveDate` is taken as it is.
///
/// ```
/// use chrono::NaiveDate;
/// use membership_history::{ErrorKind, IntoDay};
///
/// /// Anything that names a day: a date, or its text.
/// fn weekday(day: impl IntoDay) -> Result<String, membership_history::Error> {
///     Ok(day.into_day()?.format("%A").to_string())
/// }
///
/// assert_eq!(weekday("1992-05-15")?, "Friday");
/// assert_eq!(weekday(NaiveDate::from_ymd_opt(1992, 5, 15).unwrap())?, "Friday");
/// assert_eq!(weekday(String::from("1992-05-15"))?, "Friday");
///
/// let err = "2010-13-01".into_day().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::InvalidDate(_)));
/// assert_eq!(
///     err.to_string(),
///     "value \"2010-13-01\": invalid date: month 13 is not between 01 and 12"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait IntoDay {
    /// The day.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDate`] for text that is not a day, as
    /// [`parse_day`] says; never for a `NaiveDate`.
    ///
    /// ```
    /// use membership_history::IntoDay;
    /// assert_eq!("2008-01-01".into_day()?.to_string(), "2008-01-01");
    /// assert!("2008-02-30".into_day().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn into_day(self) -> Result<NaiveDate, Error>;
}

impl IntoDay for NaiveDate {
    #[inline]
    fn into_day(self) -> Result<NaiveDate, Error> {
        Ok(self)
    }
}

impl IntoDay for &NaiveDate {
    #[inline]
    fn into_day(self) -> Result<NaiveDate, Error> {
        Ok(*self)
    }
}

impl IntoDay for &str {
    fn into_day(self) -> Result<NaiveDate, Error> {
        parse_day(self)
    }
}

impl IntoDay for String {
    fn into_day(self) -> Result<NaiveDate, Error> {
        parse_day(&self)
    }
}

impl IntoDay for &String {
    fn into_day(self) -> Result<NaiveDate, Error> {
        parse_day(self)
    }
}

impl FromStr for UncertainDate {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        // The whole text is the value, not the part a rule was about.
        parse_uncertain(s.trim()).map_err(|e| e.replace_value(s))
    }
}

/// Parses the text form; the caller attaches the value to any error (a `?`
/// in here used to return errors without it).
fn parse_uncertain(t: &str) -> Result<UncertainDate, Error> {
    if let Some(inner) = t.strip_prefix('[') {
        let inner = inner
            .strip_suffix(']')
            .ok_or_else(|| invalid("a set of candidate days is written [YYYY-MM-DD,YYYY-MM-DD]"))?;
        let days = inner
            .split(',')
            .map(parse_day)
            .collect::<Result<Vec<_>, _>>()?;
        let n = days.len();
        if n < 2 {
            return Err(invalid("a set of candidate days needs at least two days"));
        }
        let d = UncertainDate::one_of(days)?;
        // `one_of` merges repeats; in a file a repeat is a typo.
        let distinct = match d.precision() {
            Precision::OneOf(v) => v.len(),
            _ => 1,
        };
        if distinct != n {
            return Err(invalid("a set of candidate days lists a day twice"));
        }
        Ok(d)
    } else if let Some((a, b)) = t.split_once('/') {
        // A slash is also how day-first dates are written (15/05/1992).
        let day = |x: &str| {
            parse_day(x).map_err(|_| {
                invalid("a range of days is written YYYY-MM-DD/YYYY-MM-DD, and one day YYYY-MM-DD")
            })
        };
        UncertainDate::between(day(a)?, day(b)?)
    } else {
        match t.split('-').count() {
            1 => UncertainDate::year(parse_year(t)?),
            2 => {
                let (y, m) = t.split_once('-').unwrap_or((t, ""));
                UncertainDate::month(parse_year(y)?, parse_month(m)?)
            }
            _ => UncertainDate::day(parse_day(t)?),
        }
    }
}

impl fmt::Display for UncertainDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Day(d) => write!(f, "{d}"),
            Repr::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Repr::Year(y) => write!(f, "{y:04}"),
            Repr::OneOf(days) => {
                f.write_str("[")?;
                for (i, d) in days.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{d}")?;
                }
                f.write_str("]")
            }
            Repr::Between(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

/// [`UncertainDate::day`].
///
/// ```
/// # use membership_history::{UncertainDate, parse_day};
/// let d: UncertainDate = parse_day("1992-05-15")?.try_into()?;
/// assert_eq!(d, "1992-05-15".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl TryFrom<NaiveDate> for UncertainDate {
    type Error = Error;
    fn try_from(d: NaiveDate) -> Result<Self, Error> {
        UncertainDate::day(d)
    }
}

impl TryFrom<String> for UncertainDate {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<UncertainDate> for String {
    fn from(d: UncertainDate) -> String {
        d.to_string()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // test code; inputs are ours
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn into_day_takes_dates_as_they_are() {
        let d = ymd(2008, 1, 1);
        assert_eq!(d.into_day().unwrap(), d);
        assert_eq!((&d).into_day().unwrap(), d);
        // Outside `YEARS` too: the range is a rule of the text form.
        assert_eq!(NaiveDate::MIN.into_day().unwrap(), NaiveDate::MIN);
    }

    #[test]
    fn into_day_parses_text_of_every_kind() {
        let d = ymd(2008, 1, 1);
        let owned = String::from("2008-01-01");
        assert_eq!("2008-01-01".into_day().unwrap(), d);
        assert_eq!((&owned).into_day().unwrap(), d);
        assert_eq!(owned.into_day().unwrap(), d);
        assert_eq!(" 2008-01-01 ".into_day().unwrap(), d);
    }

    #[test]
    fn into_day_says_the_rule_broken() {
        for (text, rule) in [
            ("2010-13-01", "month 13 is not between 01 and 12"),
            ("2010-02-30", "2010-02 has no day 30"),
            ("0999-01-01", "year 999 is outside 1000..=9999"),
            ("2010-01", "a day is written YYYY-MM-DD"),
            ("01/02/2010", "a day is written YYYY-MM-DD"),
        ] {
            for err in [
                text.into_day().unwrap_err(),
                text.to_string().into_day().unwrap_err(),
                (&text.to_string()).into_day().unwrap_err(),
            ] {
                assert!(matches!(err.kind(), ErrorKind::InvalidDate(_)), "{err}");
                assert_eq!(err.value(), Some(text));
                assert_eq!(
                    err.to_string(),
                    format!("value {text:?}: invalid date: {rule}")
                );
            }
        }
    }

    #[test]
    fn month_13_cannot_be_made() {
        for (made, value) in [
            (UncertainDate::month(2020, 13), "2020-13"),
            (UncertainDate::month(2020, 0), "2020-00"),
            ("2020-13".parse(), "2020-13"),
            (UncertainDate::try_from("2020-13".to_string()), "2020-13"),
        ] {
            let e = made.unwrap_err();
            assert!(matches!(e.kind(), ErrorKind::InvalidDate(_)), "{e}");
            assert_eq!(e.value(), Some(value));
        }
        assert_eq!(
            UncertainDate::month(2020, 13).unwrap_err().to_string(),
            "value \"2020-13\": invalid date: month 13 is not between 01 and 12"
        );
        assert_eq!(
            UncertainDate::month(2020, 12).unwrap().to_string(),
            "2020-12"
        );
    }

    #[test]
    fn deserializing_goes_through_the_same_checks() {
        let err = serde_json::from_str::<UncertainDate>("\"2020-13\"").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("value \"2020-13\": invalid date: month 13 is not between 01 and 12"),
            "{err}"
        );
        for bad in [
            "\"2020-02-30\"",
            "\"0999\"",
            "\"[2020-01-01]\"",
            "\"[2020-01-01,2020-01-01]\"",
            "\"2020-05-01/2020-01-01\"",
            "2020",
            "{\"Month\":{\"year\":2020,\"month\":13}}",
        ] {
            assert!(serde_json::from_str::<UncertainDate>(bad).is_err(), "{bad}");
        }
        let d: UncertainDate = serde_json::from_str("\"1993-09\"").unwrap();
        assert_eq!(d, UncertainDate::month(1993, 9).unwrap());
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"1993-09\"");
    }

    #[test]
    fn constructors_refuse_what_the_text_form_refuses() {
        let d = |s: &str| parse_day(s).unwrap();
        // Years outside `YEARS`: the text could not write them.
        for e in [
            UncertainDate::year(999).unwrap_err(),
            UncertainDate::year(10_000).unwrap_err(),
            UncertainDate::month(i32::MIN, 1).unwrap_err(),
            UncertainDate::day(ymd(999, 12, 31)).unwrap_err(),
            UncertainDate::one_of([d("2000-01-01"), ymd(10_000, 1, 1)]).unwrap_err(),
            UncertainDate::between(d("9999-12-01"), ymd(10_000, 1, 1)).unwrap_err(),
        ] {
            assert!(matches!(e.kind(), ErrorKind::InvalidDate(_)), "{e}");
            assert!(e.to_string().contains("is outside 1000..=9999"), "{e}");
            assert!(e.value().is_some(), "{e}");
        }
        // Ranges forward only; the same message as the text form's.
        let e = UncertainDate::between(d("1993-05-01"), d("1993-01-01")).unwrap_err();
        let parsed = "1993-05-01/1993-01-01"
            .parse::<UncertainDate>()
            .unwrap_err();
        assert_eq!(e, parsed);
        assert_eq!(
            e.to_string(),
            "value \"1993-05-01/1993-01-01\": end 1993-01-01 is not after start 1993-05-01"
        );
        assert!(UncertainDate::between(d("1993-05-01"), d("1993-05-01")).is_err());
        // The same value as the text gives.
        assert_eq!(e.value(), Some("1993-05-01/1993-01-01"));
        assert_eq!(
            UncertainDate::month(1993, 13).unwrap_err(),
            "1993-13".parse::<UncertainDate>().unwrap_err()
        );
    }

    #[test]
    fn one_of_sorts_merges_and_narrows() {
        let d = |s: &str| parse_day(s).unwrap();
        let two = UncertainDate::one_of(vec![d("1993-12-09"), d("1993-09-09"), d("1993-12-09")]);
        let two = two.unwrap();
        assert_eq!(two.to_string(), "[1993-09-09,1993-12-09]");
        assert_eq!(
            two.precision(),
            Precision::OneOf(&[d("1993-09-09"), d("1993-12-09")])
        );
        let one = UncertainDate::one_of([d("1993-12-09"); 3]).unwrap();
        assert_eq!(one, UncertainDate::day(d("1993-12-09")).unwrap());
        assert!(one.is_exact());
    }

    #[test]
    fn precision_views_every_form() {
        let d = |s: &str| parse_day(s).unwrap();
        let cases = [
            ("1993-12-09", Precision::Day(d("1993-12-09"))),
            (
                "1993-09",
                Precision::Month {
                    year: 1993,
                    month: 9,
                },
            ),
            ("1993", Precision::Year(1993)),
            (
                "1993-09-09/1993-12-09",
                Precision::Between(d("1993-09-09"), d("1993-12-09")),
            ),
        ];
        for (text, want) in cases {
            let date: UncertainDate = text.parse().unwrap();
            assert_eq!(date.precision(), want, "{text}");
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn every_form_prints_back_what_it_parsed() {
        for text in [
            "1993-12-09",
            "1993-09",
            "1993",
            "[1993-09-09,1993-12-09]",
            "[1000-01-01,5000-06-15,9999-12-31]",
            "1993-09-09/1993-12-09",
            "1000",
            "9999-12",
        ] {
            let d: UncertainDate = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(serde_json::from_str::<UncertainDate>(&json).unwrap(), d);
        }
        // Extremes of `YEARS` have every day they name.
        let last = UncertainDate::year(9999).unwrap();
        assert_eq!(last.latest(), ymd(9999, 12, 31));
        let first = UncertainDate::month(1000, 1).unwrap();
        assert_eq!(first.earliest(), ymd(1000, 1, 1));
    }
}
