//! Argument handling shared by the examples: which dataset to load, and
//! dates. Every failure becomes a one-line message and exit code 2.

#![allow(dead_code)]

use std::process::exit;

use chrono::NaiveDate;
use membership_history::{CowStates, Dataset, bundled, parse_day};

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
}

/// Parses `std::env::args`, accepting the flags every example shares.
pub fn args(usage: &str) -> Args {
    let mut out = Args {
        positional: Vec::new(),
        json: false,
        data: None,
        atop: None,
        cow_igo: None,
        states: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => out.json = true,
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
/// format, else the bundled data.
pub fn dataset(args: &Args) -> &'static Dataset {
    let states = args
        .states
        .as_ref()
        .map(|p| CowStates::from_path(p).unwrap_or_else(|e| fail(&e.to_string())));
    if args.atop.is_some() || args.cow_igo.is_some() {
        let mut b = Dataset::builder();
        let open = |p: &str| std::fs::File::open(p).unwrap_or_else(|e| fail(&format!("{p}: {e}")));
        let name = |p: &str| {
            std::path::Path::new(p)
                .file_name()
                .map_or(p.to_string(), |n| n.to_string_lossy().into_owned())
        };
        if let Some(p) = &args.atop {
            b.read_atop(open(p), &name(p), states.as_ref())
                .unwrap_or_else(|e| fail(&e.to_string()));
        }
        if let Some(p) = &args.cow_igo {
            b.read_cow_igo(open(p), &name(p), states.as_ref())
                .unwrap_or_else(|e| fail(&e.to_string()));
        }
        let ds = b.build().unwrap_or_else(|e| fail(&e.to_string()));
        return Box::leak(Box::new(ds));
    }
    if states.is_some() {
        // Read above so that a bad file is reported; alone it would be ignored.
        fail("--states is the COW state list for --atop or --cow-igo: give one of them too");
    }
    match &args.data {
        None => bundled(),
        Some(dir) => {
            let ds = Dataset::from_dir(dir).unwrap_or_else(|e| fail(&e.to_string()));
            Box::leak(Box::new(ds))
        }
    }
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
