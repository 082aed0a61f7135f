//! The data `mh` answers from: the bundled set by default, or the files the
//! flags name (`--data DIR`, `--atop FILE`, `--cow-igo FILE`, each
//! repeatable and combinable, with one `--states FILE` for COW codes and
//! the state system's days). `--lenient` keeps the valid rows of bad files
//! and prints every problem to stderr.

use std::io::Write as _;

use membership_history::{Atop, CowIgo, CowStates, Dataset, Error, bundled};

use crate::fail::Failure;

/// What the data flags asked for.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    pub data: Vec<String>,
    pub atop: Vec<String>,
    pub cow_igo: Vec<String>,
    pub states: Option<String>,
    pub lenient: bool,
}

/// A loaded dataset, and the state list when one was given.
pub struct Loaded {
    pub ds: std::borrow::Cow<'static, Dataset>,
    pub states: Option<CowStates>,
}

impl Sources {
    fn any_file(&self) -> bool {
        !(self.data.is_empty() && self.atop.is_empty() && self.cow_igo.is_empty())
    }

    pub fn load(&self) -> Result<Loaded, Failure> {
        self.load_with(false)
    }

    /// [`load`](Self::load), where `states_alone` lets a state list come
    /// without data files (the bundled data is then used).
    pub fn load_with(&self, states_alone: bool) -> Result<Loaded, Failure> {
        let mut problems: Vec<Error> = Vec::new();
        let states = match &self.states {
            None => None,
            Some(p) if self.lenient => {
                let (list, report) = CowStates::read_path(p).into_parts();
                problems.extend(report);
                Some(list)
            }
            Some(p) => Some(CowStates::read_path(p).strict()?),
        };
        if !self.any_file() {
            if states.is_some() && !states_alone {
                return Err(Failure::usage(
                    "--states is the COW state list for --atop or --cow-igo: give one of them too",
                ));
            }
            return Ok(Loaded {
                ds: std::borrow::Cow::Borrowed(bundled()),
                states,
            });
        }
        let mut b = Dataset::builder();
        for dir in &self.data {
            b.read_dir(dir);
        }
        for p in &self.atop {
            b.read_path(Atop::states(states.as_ref()), p);
        }
        for p in &self.cow_igo {
            b.read_path(CowIgo::states(states.as_ref()), p);
        }
        let report = b.build();
        let ds = if self.lenient {
            let (ds, built) = report.into_parts();
            problems.extend(built);
            let mut err = std::io::stderr().lock();
            for p in &problems {
                let _ = writeln!(err, "warning: {p}");
            }
            let count = format!(
                "{} problem{}",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            if ds.organizations().is_empty() {
                return Err(Failure::usage(format!("nothing could be loaded ({count})")));
            }
            if !problems.is_empty() {
                let _ = writeln!(err, "warning: {count}; --lenient: the rest was loaded");
            }
            ds
        } else {
            report.strict()?
        };
        Ok(Loaded {
            ds: std::borrow::Cow::Owned(ds),
            states,
        })
    }
}
