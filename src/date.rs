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
/// ```
/// use membership_history::UncertainDate;
///
/// let d: UncertainDate = "1993-09".parse()?;
/// assert_eq!(d.earliest().to_string(), "1993-09-01");
/// assert_eq!(d.latest().to_string(), "1993-09-30");
/// assert!(!d.is_exact());
/// assert_eq!(d.to_string(), "1993-09");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum UncertainDate {
    /// Known to the day.
    Day(NaiveDate),
    /// Known to the month: some day in it.
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// Known to the year: some day in it.
    Year(i32),
    /// One of these days (sorted, at least two, no repeats).
    OneOf(Vec<NaiveDate>),
    /// Some day from the first to the second, both included.
    Between(NaiveDate, NaiveDate),
}

impl UncertainDate {
    /// The earliest day it can be.
    ///
    /// ```
    /// # use membership_history::UncertainDate;
    /// let d: UncertainDate = "[1993-09-09,1993-12-09]".parse()?;
    /// assert_eq!(d.earliest().to_string(), "1993-09-09");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn earliest(&self) -> NaiveDate {
        match self {
            UncertainDate::Day(d) | UncertainDate::Between(d, _) => *d,
            UncertainDate::Month { year, month } => first_of_month(*year, *month),
            UncertainDate::Year(y) => first_of_month(*y, 1),
            // Non-empty when built by FromStr or `one_of`; the variant is
            // public, so an empty one is still answered without a panic.
            UncertainDate::OneOf(days) => days.first().copied().unwrap_or(NaiveDate::MIN),
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
        match self {
            UncertainDate::Day(d) | UncertainDate::Between(_, d) => *d,
            UncertainDate::Month { year, month } => last_of_month(*year, *month),
            UncertainDate::Year(y) => last_of_month(*y, 12),
            UncertainDate::OneOf(days) => days.last().copied().unwrap_or(NaiveDate::MAX),
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
        matches!(self, UncertainDate::Day(_))
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
        match self {
            UncertainDate::OneOf(days) => days.binary_search(&day).is_ok(),
            _ => self.earliest() <= day && day <= self.latest(),
        }
    }

    /// A date that is one of `days` (sorted and deduplicated here).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidDate`] when `days` is empty.
    ///
    /// ```
    /// # use membership_history::UncertainDate;
    /// let d = UncertainDate::one_of(vec!["1993-12-09".parse()?, "1993-09-09".parse()?])?;
    /// assert_eq!(d.to_string(), "[1993-09-09,1993-12-09]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn one_of(mut days: Vec<NaiveDate>) -> Result<Self, Error> {
        days.sort_unstable();
        days.dedup();
        match days.len() {
            0 => Err(Error::new(ErrorKind::InvalidDate(
                "a set of candidate days needs at least one day".into(),
            ))),
            1 => Ok(UncertainDate::Day(days[0])),
            _ => Ok(UncertainDate::OneOf(days)),
        }
    }
}

impl UncertainDate {
    /// Checks a date built from the public variants, which can hold what the
    /// text form refuses (month 13, unsorted or repeated candidate days, a
    /// range that ends before it starts): it must be what its text parses to.
    pub(crate) fn check(&self) -> Result<(), Error> {
        let text = self.to_string();
        match text.parse::<UncertainDate>() {
            Err(e) => Err(e),
            Ok(parsed) if parsed == *self => Ok(()),
            Ok(_) => Err(
                invalid("candidate days must be sorted, with no repeats, at least two")
                    .with_value(text),
            ),
        }
    }
}

fn first_of_month(year: i32, month: u32) -> NaiveDate {
    // Year and month were validated on construction; the fallback is never
    // taken but keeps this total.
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    // `checked_add`: the variants are public, so the year can be anything.
    let next = if month == 12 {
        year.checked_add(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
    } else {
        month
            .checked_add(1)
            .and_then(|m| NaiveDate::from_ymd_opt(year, m, 1))
    };
    next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
}

fn invalid(rule: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidDate(rule.into()))
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
    if !YEARS.contains(&y) {
        return Err(invalid(format!(
            "year {y} is outside {}..={}",
            YEARS.start(),
            YEARS.end()
        )));
    }
    Ok(y)
}

fn parse_month(s: &str) -> Result<u32, Error> {
    let m: u32 = match (s.len(), s.parse()) {
        (2, Ok(m)) => m,
        _ => return Err(invalid(format!("`{}` is not a two-digit month", short(s)))),
    };
    if !(1..=12).contains(&m) {
        return Err(invalid(format!("month {m} is not between 01 and 12")));
    }
    Ok(m)
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
    let day: u32 = match (d.len(), d.parse()) {
        (2, Ok(d)) => d,
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
    fn into_day(self) -> Result<NaiveDate, Error> {
        Ok(self)
    }
}

impl IntoDay for &NaiveDate {
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
    let s = t;
    {
        if let Some(inner) = t.strip_prefix('[') {
            let inner = inner.strip_suffix(']').ok_or_else(|| {
                invalid("a set of candidate days is written [YYYY-MM-DD,YYYY-MM-DD]")
            })?;
            let days = inner
                .split(',')
                .map(parse_day)
                .collect::<Result<Vec<_>, _>>()?;
            let n = days.len();
            if n < 2 {
                return Err(
                    invalid("a set of candidate days needs at least two days").with_value(s)
                );
            }
            let d = UncertainDate::one_of(days)?;
            // `one_of` merges repeats; in a file a repeat is a typo.
            let distinct = match &d {
                UncertainDate::OneOf(v) => v.len(),
                _ => 1,
            };
            if distinct != n {
                return Err(invalid("a set of candidate days lists a day twice").with_value(s));
            }
            Ok(d)
        } else if let Some((a, b)) = t.split_once('/') {
            // A slash is also how day-first dates are written (15/05/1992).
            let day = |x: &str| {
                parse_day(x).map_err(|_| {
                    invalid(
                        "a range of days is written YYYY-MM-DD/YYYY-MM-DD, and one day YYYY-MM-DD",
                    )
                })
            };
            let (a, b) = (day(a)?, day(b)?);
            if b <= a {
                return Err(Error::new(ErrorKind::EndBeforeStart {
                    start: a.to_string(),
                    end: b.to_string(),
                })
                .with_value(s));
            }
            Ok(UncertainDate::Between(a, b))
        } else {
            match t.split('-').count() {
                1 => parse_year(t).map(UncertainDate::Year),
                2 => {
                    let (y, m) = t.split_once('-').unwrap_or((t, ""));
                    Ok(UncertainDate::Month {
                        year: parse_year(y)?,
                        month: parse_month(m)?,
                    })
                }
                _ => parse_day(t).map(UncertainDate::Day),
            }
        }
    }
}

impl fmt::Display for UncertainDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UncertainDate::Day(d) => write!(f, "{d}"),
            UncertainDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            UncertainDate::Year(y) => write!(f, "{y:04}"),
            UncertainDate::OneOf(days) => {
                f.write_str("[")?;
                for (i, d) in days.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{d}")?;
                }
                f.write_str("]")
            }
            UncertainDate::Between(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl From<NaiveDate> for UncertainDate {
    fn from(d: NaiveDate) -> Self {
        UncertainDate::Day(d)
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
}
