//! `members_on --atop BADFILE`, `--cow-igo BADFILE` and `--states BADFILE`
//! print one line, `error: ...`, and exit non-zero: never a panic, a
//! backtrace or a usage dump (issue 6). The messages are those of
//! `tests/bad_input_datasets.rs`, as a user sees them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code; inputs are ours

use std::path::PathBuf;
use std::process::Command;

#[path = "support/cli.rs"]
mod cli;
use cli::{members_on, one_line_error};

const ATOP_H: &str = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n";
const ATOP_OK: &str = "4220,365,1992,5,15,0,0,0,1\n";
const IGO_H: &str = "ioname,orgname,year,russia,kazakhstan,longorgname\n";
const IGO_OK: &str = "CSTO,Collective Security Treaty Organization,2002,1,1,CSTO\n";
const STATES: &str = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\n\
                      RUS,365,Russia,1816,1,1,2016,12,31,2016,russia\n\
                      KZK,705,Kazakhstan,1991,12,26,2016,12,31,2016,kazakhstan\n";

/// A fresh temp directory for one test, holding `files`.
fn temp_dir(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mh-cli-ds-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, content) in files {
        std::fs::write(dir.join(file), content).unwrap();
    }
    dir
}

/// Bad files: (test name, flag, file name, content, the whole message).
const BAD_FILES: &[(&str, &str, &str, &[u8], &str)] = &[
    (
        "atop-month-13",
        "--atop",
        "atop.csv",
        b"atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n4220,365,1992,5,15,0,0,0,1\n4220,704,1992,5,15,1999,13,1,1\n",
        "atop.csv:3: field `moexit`, value \"13\": invalid date: month 13 is not between 1 and 12",
    ),
    ("atop-empty", "--atop", "atop.csv", b"", "atop.csv:1: the file is empty; it must start with a header line: atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase"),
    (
        "atop-header-only",
        "--atop",
        "atop.csv",
        b"atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\r\n",
        "atop.csv:2: the file has a header but no rows",
    ),
    ("atop-binary", "--atop", "atop.csv", b"\xff\xfe\x00a\x00t\x00\n\x00\x01", "atop.csv:1: malformed CSV: field 1 is not valid UTF-8"),
    (
        "atop-duplicate",
        "--atop",
        "atop.csv",
        b"atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n4220,365,1992,5,15,0,0,0,1\n4220,365,1992,5,15,0,0,0,1\n",
        "atop.csv:3: field `member`, value \"365\": duplicate: member 365 of alliance 4220 entering phase 1 on 1992-05-15 is already given at line 2",
    ),
    (
        "igo-bad-code",
        "--cow-igo",
        "igo.csv",
        b"ioname,orgname,year,russia,kazakhstan,longorgname\nCSTO,Collective Security Treaty Organization,2002,1,1,CSTO\nCSTO,Collective Security Treaty Organization,2003,1,4,CSTO\n",
        "igo.csv:3: field `kazakhstan`, value \"4\": invalid value: a state's code is 0 (no), 1 (full), 2 (associate), 3 (observer), -9 (missing) or -1 (not a state)",
    ),
    (
        "igo-misspelled-header",
        "--cow-igo",
        "igo.csv",
        b"ioname,orgname,yaer\nCSTO,Collective Security Treaty Organization,2002\n",
        "igo.csv:1: bad header: missing column `year` (is `yaer` a misspelling of it?); the header must have: ioname,orgname,year",
    ),
    ("igo-empty", "--cow-igo", "igo.csv", b"", "igo.csv:1: the file is empty; it must start with a header line: ioname,orgname,year"),
    (
        "igo-duplicate-year",
        "--cow-igo",
        "igo.csv",
        b"ioname,orgname,year,russia,kazakhstan,longorgname\nCSTO,Collective Security Treaty Organization,2002,1,1,CSTO\nCSTO,Collective Security Treaty Organization,2002,1,1,CSTO\n",
        "igo.csv:3: field `year`, value \"2002\": duplicate: CSTO in 2002 is already given at line 2",
    ),
];

#[test]
fn bad_dataset_files_give_one_line() {
    for (name, flag, file, content, message) in BAD_FILES {
        let dir = temp_dir(name, &[(file, content)]);
        let path = dir.join(file);
        let got = one_line_error(&[flag, path.to_str().unwrap(), "4220", "1995-01-01"]);
        assert_eq!(&got, message, "{name}");
    }
}

/// `--states BADFILE`, with a good `--atop` file and alone.
#[test]
fn bad_state_list_gives_one_line() {
    let atop = [ATOP_H, ATOP_OK].concat();
    let bad = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nRUS,365,Russia,1816,1,1,2016,13,31\n";
    let dir = temp_dir(
        "states",
        &[
            ("atop.csv", atop.as_bytes()),
            ("states2016.csv", bad.as_bytes()),
        ],
    );
    let (a, s) = (dir.join("atop.csv"), dir.join("states2016.csv"));
    let (a, s) = (a.to_str().unwrap(), s.to_str().unwrap());
    let with_atop = one_line_error(&["--atop", a, "--states", s, "4220", "1995-01-01"]);
    assert_eq!(
        with_atop,
        "states2016.csv:2: field `endmonth`, value \"13\": invalid date: month 13 is not between 1 and 12"
    );
    let alone = one_line_error(&["--states", s, "CSTO", "1995-01-01"]);
    assert_eq!(alone, with_atop);
}

/// `--cow-igo` with `--states` that does not know a column.
#[test]
fn unknown_state_column_gives_one_line() {
    let igo = ["ioname,orgname,year,rusia,kazakhstan,longorgname\n", IGO_OK].concat();
    let dir = temp_dir(
        "igo-states",
        &[
            ("igo.csv", igo.as_bytes()),
            ("states2016.csv", STATES.as_bytes()),
        ],
    );
    let (i, s) = (dir.join("igo.csv"), dir.join("states2016.csv"));
    let got = one_line_error(&[
        "--cow-igo",
        i.to_str().unwrap(),
        "--states",
        s.to_str().unwrap(),
        "CSTO",
        "2002-12-31",
    ]);
    assert_eq!(
        got,
        "igo.csv:1: field `rusia`: bad header: column `rusia` is neither a column of the COW IGO format nor a state in the state list"
    );
}

/// A good state list alone would be ignored: the example says so.
#[test]
fn state_list_alone_is_refused() {
    let dir = temp_dir("states-alone", &[("states2016.csv", STATES.as_bytes())]);
    let s = dir.join("states2016.csv");
    let got = one_line_error(&["--states", s.to_str().unwrap(), "CSTO", "1995-01-01"]);
    assert_eq!(
        got,
        "--states is the COW state list for --atop or --cow-igo: give one of them too"
    );
}

/// Files that cannot be read: missing, and a directory.
#[test]
fn unreadable_dataset_files_give_one_line() {
    let dir = temp_dir("unreadable", &[]);
    let missing = dir.join("atop.csv");
    let missing = missing.to_str().unwrap();
    let d = dir.to_str().unwrap();
    for args in [
        vec!["--atop", missing, "4220", "1995-01-01"],
        vec!["--cow-igo", missing, "CSTO", "1995-01-01"],
        vec!["--states", missing, "--atop", missing, "4220", "1995-01-01"],
        vec!["--atop", d, "4220", "1995-01-01"],
        vec!["--cow-igo", d, "CSTO", "1995-01-01"],
        vec!["--states", d, "CSTO", "1995-01-01"],
    ] {
        let got = one_line_error(&args);
        assert!(!got.is_empty(), "{args:?}");
        println!("{args:?}: error: {got}");
    }
}

/// The good files of these tests load: the errors above are the files'.
#[test]
fn good_files_answer() {
    let atop = [ATOP_H, ATOP_OK].concat();
    let igo = [IGO_H, IGO_OK].concat();
    let dir = temp_dir(
        "good",
        &[
            ("atop.csv", atop.as_bytes()),
            ("igo.csv", igo.as_bytes()),
            ("states2016.csv", STATES.as_bytes()),
        ],
    );
    let p = |f: &str| dir.join(f).to_str().unwrap().to_string();
    for args in [
        vec![
            "--atop".to_string(),
            p("atop.csv"),
            "4220".into(),
            "1995-01-01".into(),
        ],
        vec![
            "--cow-igo".to_string(),
            p("igo.csv"),
            "--states".into(),
            p("states2016.csv"),
            "CSTO".into(),
            "2002-12-31".into(),
        ],
    ] {
        let out = Command::new(members_on()).args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
    }
}
