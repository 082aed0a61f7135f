//! `mh members --data BADDIR` prints one line, `error: ...`, and exits
//! with 2 (bad input) or 1 (no such organization): never a panic, a
//! backtrace or a usage dump. (These were the `members_on` example's tests
//! until the example stopped being a command-line tool, issue 13.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code; inputs are ours

use std::path::PathBuf;

#[path = "support/mh.rs"]
mod cli;
use cli::{members_on, one_line_error};

const SOURCES: &str = "id,citation,url\nS,A source,\n";
const PARTIES: &str = "code,name,cow_code,cow_abbreviation,sources\nARM,Armenia,371,ARM,S\n";
const NAMES: &str = "org,kind,name,from,until,sources\nX,official,Example Treaty,,,S\n";
const EVENTS: &str = "event,org,member,kind,date,note,sources\ne1,X,ARM,signed,1992-05-15,,S\n";

/// A fresh directory in the bundled format, with `bad` replacing one file
/// (`None` as content: the file is missing).
fn data_dir(name: &str, bad: &[(&str, Option<&[u8]>)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mh-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in [
        ("sources.csv", SOURCES),
        ("parties.csv", PARTIES),
        ("names.csv", NAMES),
        ("events.csv", EVENTS),
    ] {
        match bad.iter().find(|(f, _)| *f == file) {
            Some((_, Some(content))) => std::fs::write(dir.join(file), content).unwrap(),
            Some((_, None)) => {}
            None => std::fs::write(dir.join(file), text).unwrap(),
        }
    }
    dir
}

/// Bad bundled-format directories: (name, file, content, message after the
/// file's path).
const BAD_FILES: &[(&str, &str, &[u8], &str)] = &[
    (
        "bad-date",
        "events.csv",
        b"event,org,member,kind,date,note,sources\ne1,X,ARM,signed,1992-05-15,,S\ne2,X,ARM,withdrew,1999-02-30,,S\n",
        ":3: field `date`, value \"1999-02-30\": invalid date: 1999-02 has no day 30",
    ),
    ("empty", "events.csv", b"", ":1: the file is empty; it must start with a header line: event,org,member,kind,date,note,sources"),
    ("header-only", "parties.csv", b"code,name,cow_code,cow_abbreviation,sources\n", ":2: the file has a header but no rows"),
    (
        "misspelled-header",
        "names.csv",
        b"org,kind,nmae,from,until,sources\nX,official,Example Treaty,,,S\n",
        ":1: bad header: missing column `name` (is `nmae` a misspelling of it?); the header must have: org,kind,name,from,until,sources",
    ),
    (
        "wrong-count",
        "sources.csv",
        b"id,citation,url\r\nS,A source\r\n",
        ":2: wrong number of fields: the header has 3, this row has 2",
    ),
    ("binary", "events.csv", b"\xff\xfe\x00e\x00v\x00\n\x00\x01", ":1: malformed CSV: field 1 is not valid UTF-8"),
    (
        "unknown-state",
        "events.csv",
        b"\xef\xbb\xbfevent,org,member,kind,date,note,sources\ne1,X,AMR,signed,1992-05-15,,S\n",
        ":2: field `member`, value \"AMR\": unknown party `AMR` (not in the parties table)",
    ),
    (
        "sequence",
        "events.csv",
        b"event,org,member,kind,date,note,sources\ne1,X,ARM,returned,1992-05-15,,S\n",
        ":2: field `kind`, value \"returned\": impossible sequence: returned `ARM` in X on 1992-05-15: return with no prior exit or suspension",
    ),
];

#[test]
fn bad_data_directories_give_one_line_errors() {
    for (name, file, content, message) in BAD_FILES {
        let dir = data_dir(name, &[(file, Some(content))]);
        let err = one_line_error(&["--data", dir.to_str().unwrap(), "X", "2000-01-01"]);
        let path = dir.join(file).display().to_string();
        assert_eq!(err, format!("{path}{message}"), "{name}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn huge_line_gives_a_short_one_line_error() {
    let mut content = b"event,org,member,kind,date,note,sources\ne1,X,ARM,signed,".to_vec();
    content.extend(std::iter::repeat_n(b'7', 5_000_000));
    content.extend_from_slice(b",,S\n");
    let dir = data_dir("huge", &[("events.csv", Some(&content))]);
    let err = one_line_error(&["--data", dir.to_str().unwrap(), "X", "2000-01-01"]);
    assert!(err.len() < 400, "{} bytes", err.len());
    assert!(err.contains(":2: field `date`"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn missing_file_or_directory() {
    let dir = data_dir("missing", &[("names.csv", None)]);
    let err = one_line_error(&["--data", dir.to_str().unwrap()]);
    assert!(
        err.starts_with(&format!(
            "{}: cannot read input: ",
            dir.join("names.csv").display()
        )),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let err = one_line_error(&["--data", "/no/such/dir"]);
    assert!(
        err.starts_with("/no/such/dir/sources.csv: cannot read input: "),
        "{err}"
    );
}

#[test]
fn bad_arguments_give_one_line_errors() {
    assert_eq!(
        one_line_error(&["CSTO", "2008-02-30"]),
        "value \"2008-02-30\": invalid date: 2008-02 has no day 30"
    );
    assert_eq!(
        one_line_error(&["NOPE", "2008-01-01"]),
        "unknown organization `NOPE` (no organization has this id or name)"
    );
    let dir = data_dir("good", &[]);
    assert_eq!(
        one_line_error(&["--data", dir.to_str().unwrap(), "CSTO", "2008-01-01"]),
        "unknown organization `CSTO` (no organization has this id or name)"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_good_directory_works() {
    let dir = data_dir("works", &[]);
    let out = members_on()
        .args(["--data", dir.to_str().unwrap(), "X", "2000-01-01"])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ARM"));
}
