//! The Correlates of War state list (`states2016.csv`): [`CowStates`].

use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;

use crate::error::{Error, ErrorKind};
use crate::interval::set::{IntervalSet, Span};
use crate::io::table::{Columns, Row, Table};

use super::{ImportCounts, Problems, int_field, year_field};

const REQUIRED: &[&str] = &[
    "stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday",
];

/// One state of the COW state system: its code, abbreviation, name, the
/// name of its column in the COW IGO file, and the days it was in the
/// system.
///
/// ```
/// use membership_history::CowStates;
///
/// let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\n\
///            KZK,705,Kazakhstan,1991,12,26,2016,12,31,2016,kazakhstan\n";
/// let states = CowStates::read(csv.as_bytes(), "states2016.csv").strict()?;
/// let kzk = states.by_code(705).unwrap();
/// assert_eq!((kzk.abbreviation(), kzk.name(), kzk.column()), ("KZK", "Kazakhstan", "kazakhstan"));
/// assert_eq!(kzk.existence().to_string(), "1991-12-26..");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CowState {
    code: u16,
    abbreviation: String,
    name: String,
    column: String,
    existence: IntervalSet<NaiveDate>,
}

impl CowState {
    /// The COW numeric state code (`ccode`).
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// let states = CowStates::read(csv.as_bytes(), "s.csv").strict()?;
    /// assert_eq!(states.by_abbreviation("RUS").unwrap().code(), 365);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> u16 {
        self.code
    }

    /// The COW abbreviation (`stateabb`).
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// let states = CowStates::read(csv.as_bytes(), "s.csv").strict()?;
    /// assert_eq!(states.by_code(365).unwrap().abbreviation(), "RUS");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn abbreviation(&self) -> &str {
        &self.abbreviation
    }

    /// The state's name (`statenme`).
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// let states = CowStates::read(csv.as_bytes(), "s.csv").strict()?;
    /// assert_eq!(states.by_code(365).unwrap().name(), "Russia");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its column name in the COW IGO file (the `state` column); the
    /// abbreviation in lower case when the file has no such column.
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// let states = CowStates::read(csv.as_bytes(), "s.csv").strict()?;
    /// assert_eq!(states.by_code(365).unwrap().column(), "rus");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column(&self) -> &str {
        &self.column
    }

    /// The days it was a member of the state system. An end on the last day
    /// of the file's `version` year (2016-12-31) is where the data stops, so
    /// that interval is left open.
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n\
    ///            CUB,40,Cuba,1902,5,20,1906,9,25,2016\n\
    ///            CUB,40,Cuba,1909,1,23,2016,12,31,2016\n";
    /// let states = CowStates::read(csv.as_bytes(), "s.csv").strict()?;
    /// assert_eq!(states.by_code(40).unwrap().existence().to_string(),
    ///            "1902-05-20..1906-09-26, 1909-01-23..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn existence(&self) -> &IntervalSet<NaiveDate> {
        &self.existence
    }
}

/// The COW state system list, read from `states2016.csv` (or any file with
/// its columns): who was a state when, and the codes that join ATOP and COW
/// IGO data.
///
/// Each row is one interval, both ends included (`endyear,endmonth,endday`
/// is the last day in the system); a state may have several rows.
///
/// ```
/// use membership_history::{CowStates, parse_day};
///
/// let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\n\
///            CUB,40,Cuba,1902,5,20,1906,9,25,2016,cuba\n\
///            CUB,40,Cuba,1909,1,23,2016,12,31,2016,cuba\n";
/// let states = CowStates::read(csv.as_bytes(), "states2016.csv").strict()?;
/// assert_eq!((states.rows(), states.len()), (2, 1));
/// assert!(!states.in_system(40, parse_day("1907-01-01")?));
/// assert!(states.in_system(40, parse_day("1906-09-25")?)); // the end day is included
/// assert_eq!(states.by_column("cuba").unwrap().code(), 40);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CowStates {
    states: Vec<CowState>,
    by_code: HashMap<u16, usize>,
    by_abbreviation: HashMap<String, usize>,
    by_column: HashMap<String, usize>,
    rows: usize,
}

impl CowStates {
    /// Reads every row it can (the [`CowStates::read`] entry point): the
    /// list, its counts and every problem.
    pub(crate) fn read_all<R: Read>(input: R, file: &str) -> (CowStates, ImportCounts, Vec<Error>) {
        let mut problems = Problems::lenient();
        let read = CowStates::read_rows(input, file, &mut problems);
        let (states, problems) = problems.finish(read, CowStates::default());
        let counts = ImportCounts {
            rows: states.rows(),
            states: states.len(),
            skipped: problems.len(),
            ..ImportCounts::default()
        };
        (states, counts, problems)
    }

    fn read_rows<R: Read>(
        input: R,
        file: &str,
        problems: &mut Problems,
    ) -> Result<CowStates, Error> {
        let columns = Columns {
            required: REQUIRED,
            allow_others: true,
        };
        let mut table = Table::open(file, input, &columns)?;
        let c = |n: &str| table.col(n);
        let (abb, ccode, name) = (c("stateabb"), c("ccode"), c("statenme"));
        let start = [c("styear"), c("stmonth"), c("stday")];
        let end = [c("endyear"), c("endmonth"), c("endday")];
        let version = table.header().iter().position(|h| h == "version");
        let column = table.header().iter().position(|h| h == "state");
        let mut out = CowStates::default();
        let mut starts = HashMap::new();
        let mut data_rows = 0;
        while let Some(row) = table.next_row() {
            data_rows += 1;
            // Every check first, in the order the strict reader made them,
            // then the row is added: a bad row leaves no trace.
            let checked = row.and_then(|row| {
                let code = int_field::<u16>(&row, ccode)?;
                let first = day_of(&row, start)?;
                let last = day_of(&row, end)?;
                let open_end = match version {
                    Some(v) if !row.get(v).is_empty() => {
                        let y = int_field::<i32>(&row, v)?;
                        NaiveDate::from_ymd_opt(y, 12, 31) == Some(last)
                    }
                    _ => false,
                };
                let after = if open_end { None } else { last.succ_opt() };
                // Both ends are days in the system: compare the days as
                // written (the span's end is the day after, which would
                // confuse).
                if last < first {
                    return Err(row.error(
                        end[0],
                        ErrorKind::EndBeforeStart {
                            start: first.to_string(),
                            end: last.to_string(),
                        },
                    ));
                }
                let span = Span::new(first, after).map_err(|e| row.locate(end[0], e))?;
                let abbreviation = row.get(abb).to_string();
                // The abbreviation becomes a party code: one word, with a letter.
                if !abbreviation.chars().any(char::is_alphabetic)
                    || abbreviation.contains(char::is_whitespace)
                {
                    return Err(row.error(
                        abb,
                        ErrorKind::InvalidValue(
                            "a COW abbreviation is a short code in letters, like RUS".into(),
                        ),
                    ));
                }
                if row.get(name).is_empty() {
                    return Err(
                        row.error(name, ErrorKind::InvalidValue("a state needs a name".into()))
                    );
                }
                if let Some(line) = starts.get(&(code, first)) {
                    return Err(row.error(
                        start[0],
                        ErrorKind::Duplicate(format!(
                            "state {code} entering the system on {first} is already given at line {line}"
                        )),
                    ));
                }
                let col_name = match column {
                    Some(col) if !row.get(col).is_empty() => row.get(col).to_string(),
                    _ => abbreviation.to_lowercase(),
                };
                let known = out.by_code.get(&code).copied();
                match known {
                    Some(i) => {
                        let st = &out.states[i];
                        if st.abbreviation != abbreviation || st.column != col_name {
                            return Err(row.error(
                                abb,
                                ErrorKind::InvalidValue(format!(
                                    "state {code} is `{}` (column `{}`) on an earlier row",
                                    st.abbreviation, st.column
                                )),
                            ));
                        }
                    }
                    None => {
                        for (map, key, col) in [
                            (&out.by_abbreviation, &abbreviation, abb),
                            (&out.by_column, &col_name, column.unwrap_or(abb)),
                        ] {
                            if map.contains_key(key.as_str()) {
                                return Err(row.error(
                                    col,
                                    ErrorKind::Duplicate(format!(
                                        "`{key}` names two state codes"
                                    )),
                                ));
                            }
                        }
                    }
                }
                starts.insert((code, first), row.line());
                Ok((known, code, abbreviation, row.get(name).to_string(), col_name, span))
            });
            let (known, code, abbreviation, state_name, col_name, span) = match checked {
                Ok(state) => state,
                Err(e) => {
                    problems.report(e);
                    continue;
                }
            };
            out.rows += 1;
            match known {
                Some(i) => out.states[i].existence.insert(span),
                None => {
                    let i = out.states.len();
                    out.by_code.insert(code, i);
                    out.by_abbreviation.insert(abbreviation.clone(), i);
                    out.by_column.insert(col_name.clone(), i);
                    out.states.push(CowState {
                        code,
                        abbreviation,
                        name: state_name,
                        column: col_name,
                        existence: IntervalSet::from(span),
                    });
                }
            }
        }
        if data_rows == 0 {
            return Err(super::header_only(file));
        }
        Ok(out)
    }

    /// The number of rows read into the list (intervals); a lenient read
    /// does not count the rows it left out.
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// assert_eq!(CowStates::read(csv.as_bytes(), "s.csv").strict()?.rows(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The number of states.
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// assert_eq!(CowStates::read(csv.as_bytes(), "s.csv").strict()?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.states.len()
    }

    /// Whether the list has no states (never true for a list read strictly;
    /// a lenient read of a file with no valid row gives an empty list).
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// assert!(CowStates::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    /// Every state, in order of first appearance.
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// let states = CowStates::read(csv.as_bytes(), "s.csv").strict()?;
    /// assert_eq!(states.iter().next().unwrap().name(), "Russia");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, CowState> {
        self.states.iter()
    }

    /// The state with this COW numeric code.
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// assert!(CowStates::read(csv.as_bytes(), "s.csv").strict()?.by_code(2).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_code(&self, code: u16) -> Option<&CowState> {
        self.by_code.get(&code).map(|&i| &self.states[i])
    }

    /// The state with this COW abbreviation (exact case).
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,12,31\n";
    /// assert!(CowStates::read(csv.as_bytes(), "s.csv").strict()?.by_abbreviation("RUS").is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_abbreviation(&self, abbreviation: &str) -> Option<&CowState> {
        self.by_abbreviation
            .get(abbreviation)
            .map(|&i| &self.states[i])
    }

    /// The state whose column in the COW IGO file is `column`.
    ///
    /// ```
    /// # use membership_history::CowStates;
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,state\nRUS,365,Russia,1816,1,1,2016,12,31,russia\n";
    /// assert_eq!(CowStates::read(csv.as_bytes(), "s.csv").strict()?.by_column("russia").unwrap().code(), 365);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_column(&self, column: &str) -> Option<&CowState> {
        self.by_column.get(column).map(|&i| &self.states[i])
    }

    /// Whether state `code` was in the state system on `date`; `false` for
    /// an unknown code.
    ///
    /// ```
    /// # use membership_history::{CowStates, parse_day};
    /// # let csv = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\nKZK,705,Kazakhstan,1991,12,26,2016,12,31,2016\n";
    /// let states = CowStates::read(csv.as_bytes(), "s.csv").strict()?;
    /// assert!(!states.in_system(705, parse_day("1991-12-25")?));
    /// assert!(states.in_system(705, parse_day("2030-01-01")?)); // the data stops in 2016
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_system(&self, code: u16, date: NaiveDate) -> bool {
        self.by_code(code)
            .is_some_and(|s| s.existence.contains(&date))
    }
}

impl<'a> IntoIterator for &'a CowStates {
    type Item = &'a CowState;
    type IntoIter = std::slice::Iter<'a, CowState>;
    fn into_iter(self) -> Self::IntoIter {
        self.states.iter()
    }
}

/// A day from three columns `year, month, day`, all required here.
fn day_of(row: &Row<'_>, cols: [usize; 3]) -> Result<NaiveDate, Error> {
    let y = year_field(row, cols[0], false)?;
    let m = int_field::<u32>(row, cols[1])?;
    let d = int_field::<u32>(row, cols[2])?;
    if !(1..=12).contains(&m) {
        return Err(row.error(
            cols[1],
            ErrorKind::InvalidDate(format!("month {m} is not between 1 and 12")),
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        row.error(
            cols[2],
            ErrorKind::InvalidDate(format!("{y:04}-{m:02} has no day {d}")),
        )
    })
}
