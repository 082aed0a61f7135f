//! Argument handling shared by the examples: which dataset to load, and
//! dates. Every failure becomes a one-line message and exit code 2.

#![allow(dead_code)]

use std::process::exit;

use chrono::NaiveDate;
use membership_history::{Dataset, bundled, parse_day};

/// Command-line arguments split into flags and positionals.
pub struct Args {
    pub positional: Vec<String>,
    pub json: bool,
    pub data: Option<String>,
}

/// Parses `std::env::args`, accepting the flags every example shares.
pub fn args(usage: &str) -> Args {
    let mut out = Args {
        positional: Vec::new(),
        json: false,
        data: None,
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

/// The dataset the flags name: `--data DIR` in the bundled format, else the
/// bundled data.
pub fn dataset(args: &Args) -> &'static Dataset {
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
