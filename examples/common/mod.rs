//! Argument handling shared by the examples: which dataset to load, and
//! dates. Every failure becomes a one-line message and exit code 2.
//!
//! With `--lenient`, a dataset with bad rows still loads: every problem is
//! printed to stderr (`warning: ` and the error, one line each, then a
//! count) and the valid data is used; only a load that kept nothing fails.

#![allow(dead_code)]

use std::process::exit;

use chrono::NaiveDate;
use std::io::Write as _;

use membership_history::{Atop, CowIgo, CowStates, Dataset, Error, bundled, parse_day};

/// Command-line arguments split into flags and positionals.
pub struct Args {
    pub positional: Vec<String>,
    pub json: bool,
    pub data: Option<String>,
    /// `--atop PATH`: an ATOP member-level file.
    pub atop: Option<String>,
    /// `--cow-igo PATH`: a COW IGO igo-year file.
    pub cow_igo: Option<String>,
    /// `--states PATH`: the COW state list (codes, abbreviations, names).
    pub states: Option<String>,
    /// `--lenient`: keep the valid rows of bad files, report every problem.
    pub lenient: bool,
}

/// The arguments after the program's name, each checked to be UTF-8:
/// `std::env::args` panics on one that is not, and a path from a shell can
/// be any bytes. One that is not is a one-line error naming it.
pub fn utf8_args() -> Vec<String> {
    std::env::args_os()
        .skip(1)
        .enumerate()
        .map(|(i, a)| {
            a.into_string().unwrap_or_else(|a| {
                fail(&format!(
                    "argument {} is not valid UTF-8: {}",
                    i + 1,
                    a.to_string_lossy()
                ))
            })
        })
        .collect()
}

/// Parses the command line, accepting the flags every example shares.
pub fn args(usage: &str) -> Args {
    let mut out = Args {
        positional: Vec::new(),
        json: false,
        data: None,
        atop: None,
        cow_igo: None,
        states: None,
        lenient: false,
    };
    let mut it = utf8_args().into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => out.json = true,
            "--lenient" => out.lenient = true,
            "--data" => {
                out.data = Some(
                    it.next()
                        .unwrap_or_else(|| fail(&format!("--data needs a directory\n{usage}"))),
                )
            }
            "--atop" | "--cow-igo" | "--states" => {
                let path = it
                    .next()
                    .unwrap_or_else(|| fail(&format!("{a} needs a path\n{usage}")));
                match a.as_str() {
                    "--atop" => out.atop = Some(path),
                    "--cow-igo" => out.cow_igo = Some(path),
                    _ => out.states = Some(path),
                }
            }
            "-h" | "--help" => {
                println!("{usage}");
                exit(0);
            }
            s if s.starts_with("--") => fail(&format!("unknown option {s}\n{usage}")),
            _ => out.positional.push(a),
        }
    }
    out
}

/// The dataset the flags name: `--atop PATH` and/or `--cow-igo PATH` (with
/// `--states PATH` for COW codes and names), `--data DIR` in the bundled
/// format, else the bundled data. `--lenient` reads the files leniently:
/// every problem is printed (see [`report`]), then their count.
pub fn dataset(args: &Args) -> &'static Dataset {
    if args.lenient {
        return lenient_dataset(args);
    }
    let states = args.states.as_ref().map(|p| {
        CowStates::read_path(p)
            .strict()
            .unwrap_or_else(|e| fail(&e.to_string()))
    });
    if args.atop.is_some() || args.cow_igo.is_some() {
        let mut b = Dataset::builder();
        // `--data` with them is read too: a missing directory is an error,
        // not a flag silently ignored.
        if let Some(dir) = &args.data {
            b.read_dir(dir);
        }
        if let Some(p) = &args.atop {
            b.read_path(Atop::states(states.as_ref()), p);
        }
        if let Some(p) = &args.cow_igo {
            b.read_path(CowIgo::states(states.as_ref()), p);
        }
        let ds = b.build().strict().unwrap_or_else(|e| fail(&e.to_string()));
        return Box::leak(Box::new(ds));
    }
    if states.is_some() {
        // Read above so that a bad file is reported; alone it would be ignored.
        fail(STATES_ALONE);
    }
    match &args.data {
        None => bundled(),
        Some(dir) => {
            let ds = Dataset::builder()
                .read_dir(dir)
                .build()
                .strict()
                .unwrap_or_else(|e| fail(&e.to_string()));
            Box::leak(Box::new(ds))
        }
    }
}

const STATES_ALONE: &str =
    "--states is the COW state list for --atop or --cow-igo: give one of them too";

/// The dataset the flags name, read leniently: the readers' reports and the
/// build's problems are printed (see [`report`]) and the valid data kept.
fn lenient_dataset(args: &Args) -> &'static Dataset {
    let mut problems: Vec<Error> = Vec::new();
    let states = args.states.as_ref().and_then(|p| {
        let (list, report) = CowStates::read_path(p).into_parts();
        problems.extend(report);
        // A list that kept nothing would make every state column unknown.
        (!list.is_empty()).then_some(list)
    });
    let ds = if args.atop.is_some() || args.cow_igo.is_some() {
        let mut b = Dataset::builder();
        // `--data` with them is read too: a missing directory is an error,
        // not a flag silently ignored.
        if let Some(dir) = &args.data {
            b.read_dir(dir);
        }
        if let Some(p) = &args.atop {
            b.read_path(Atop::states(states.as_ref()), p);
        }
        if let Some(p) = &args.cow_igo {
            b.read_path(CowIgo::states(states.as_ref()), p);
        }
        let (ds, built) = b.build().into_parts();
        problems.extend(built);
        // Files in the order given, each in line order.
        let files: Vec<String> = [&args.states, &args.atop, &args.cow_igo]
            .into_iter()
            .flatten()
            .map(|p| name(p))
            .collect();
        problems.sort_by_key(|e| {
            let file = e
                .file_name()
                .and_then(|f| files.iter().position(|n| n == f));
            (file.unwrap_or(usize::MAX), e.line().is_none(), e.line())
        });
        ds
    } else {
        if args.states.is_some() {
            report(&problems);
            fail(STATES_ALONE);
        }
        match &args.data {
            None => return bundled(),
            Some(dir) => {
                let mut b = Dataset::builder();
                b.read_dir(dir);
                let (ds, built) = b.build().into_parts();
                problems.extend(built);
                ds
            }
        }
    };
    report(&problems);
    if ds.organizations().is_empty() {
        fail(&format!(
            "nothing could be loaded ({})",
            count(problems.len())
        ));
    }
    if !problems.is_empty() {
        warn(&format!(
            "{}; --lenient: the rest was loaded",
            count(problems.len())
        ));
    }
    Box::leak(Box::new(ds))
}

/// Prints every problem to stderr, `warning: ` and the error, one line each.
pub fn report(problems: &[Error]) {
    for p in problems {
        warn(&p.to_string());
    }
}

/// Prints `warning: msg` to stderr (a closed stderr is not an error here).
fn warn(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "warning: {msg}");
}

/// Prints `note: msg` to stderr: something the reader of the output should
/// know (the data ends before the date asked about), not a failure.
pub fn note(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "note: {msg}");
}

fn count(n: usize) -> String {
    format!("{n} problem{}", if n == 1 { "" } else { "s" })
}

/// Opens a dataset file, or fails with a one-line message.
fn open(p: &str) -> std::fs::File {
    std::fs::File::open(p).unwrap_or_else(|e| fail(&format!("{p}: {e}")))
}

/// A file's name as errors show it.
fn name(p: &str) -> String {
    std::path::Path::new(p)
        .file_name()
        .map_or(p.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Parses a `YYYY-MM-DD` argument.
pub fn day(s: &str) -> NaiveDate {
    parse_day(s).unwrap_or_else(|e| fail(&e.to_string()))
}

/// Today (UTC), from the system clock.
pub fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    epoch + chrono::Days::new(secs / 86_400)
}

/// Prints `error: msg` and exits with code 2.
pub fn fail(msg: &str) -> ! {
    eprintln!("error: {msg}");
    exit(2)
}

/// Appends a formatted line to an output buffer (a `String`), which
/// [`emit`] writes at the end.
#[macro_export]
macro_rules! outln {
    ($buf:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = writeln!($buf, $($arg)*);
    }};
}

/// Writes the whole output to stdout. A closed pipe (`| head`) ends the
/// program quietly, as command-line tools do, instead of panicking.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit(0),
        Err(e) => fail(&format!("cannot write the output: {e}")),
    }
}
