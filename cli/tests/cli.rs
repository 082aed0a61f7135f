//! `mh` from the outside: every command in every output form, lookups and
//! their suggestions, exit codes (0 an answer, 1 no such thing, 2 bad
//! input), one-line errors, and non-UTF-8 arguments.

use std::path::PathBuf;
use std::process::{Command, Output};

use membership_history::{Answer, CowIgo, CowStates, Dataset, bundled};
use serde_json::Value;

fn mh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mh"))
        .args(args)
        .output()
        .expect("mh runs")
}

fn ok(args: &[&str]) -> String {
    let out = mh(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "mh {args:?}: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The exit code and the stderr of a failing run, which is one line.
fn fails(args: &[&str]) -> (i32, String) {
    let out = mh(args);
    assert!(out.stdout.is_empty(), "mh {args:?} printed an answer");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "mh {args:?}: {stderr:?}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().expect("an exit code"), stderr)
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).expect("JSON output")
}

fn data(file: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "tests", "data", file]
        .iter()
        .collect();
    p.to_string_lossy().into_owned()
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn sorted<'a>(mut v: Vec<Answer<'a>>) -> Vec<Answer<'a>> {
    v.sort_by(|a, b| a.party().code().cmp(b.party().code()));
    v
}

#[test]
fn members_json_is_the_librarys_objects() {
    for date in ["1993-10-01", "2008-01-01", "2024-02-22", "2030-01-01"] {
        let want = serde_json::to_value(sorted(
            bundled().members_on("CSTO", date).unwrap().collect(),
        ))
        .unwrap();
        assert_eq!(json(&["members", "CSTO", date, "--json"]), want, "{date}");
    }
}

#[test]
fn members_as_a_table_and_as_csv() {
    let table = ok(&["members", "CSTO", "2008-01-01"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].contains("7 definite members"), "{table}");
    assert!(lines[1].starts_with("code"));
    // Columns line up: every row has its status where the header has it.
    let at = lines[1].find("status").unwrap();
    assert!(
        lines[2..].iter().all(|l| l[at..].starts_with("member")),
        "{table}"
    );
    let rows = csv_rows(&ok(&["members", "CSTO", "2008-01-01", "--csv"]));
    let want: Vec<String> = sorted(
        bundled()
            .members_on("CSTO", "2008-01-01")
            .unwrap()
            .collect(),
    )
    .iter()
    .map(|a| a.party().code().to_string())
    .collect();
    assert_eq!(rows.iter().map(|r| r[0].clone()).collect::<Vec<_>>(), want);
    assert!(rows.iter().all(|r| r[4] == "true" && r[5] == "definite"));
}

#[test]
fn status_three_valued_in_every_form() {
    let a = json(&["status", "CSTO", "ARM", "2024-02-22", "--json"]);
    assert_eq!(
        (a["member"].as_bool(), a["certainty"].as_str()),
        (Some(true), Some("definite"))
    );
    assert_eq!(a["status_certainty"], "possible");
    let rows = csv_rows(&ok(&["status", "csto", "arm", "2024-02-22", "--csv"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][3], "frozen");
    assert!(ok(&["status", "CSTO", "ARM", "2024-02-22"]).contains("frozen"));
    // Past the data's end: unknown, and a note on stderr.
    let out = mh(&["status", "CSTO", "ARM", "2100-01-01", "--json"]);
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["certainty"], "unknown");
    assert!(a["member"].is_null());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("note: the data for CSTO ends"));
}

#[test]
fn timeline_explain_orgs_changes() {
    let rows = csv_rows(&ok(&["timeline", "CSTO", "UZB", "--csv"]));
    let statuses: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        statuses,
        ["member", "frozen", "member", "suspended", "unknown"]
    );
    assert!(
        json(&["timeline", "CSTO", "UZB", "--json"])
            .as_array()
            .is_some_and(|a| a.len() == 5)
    );
    assert!(ok(&["timeline", "CSTO", "UZB"]).lines().count() == 6);

    let text = ok(&["explain", "CSTO", "GEO", "1993-10-01"]);
    assert!(text.contains("sources disagree"), "{text}");
    let e = json(&["explain", "CSTO", "GEO", "1993-10-01", "--json"]);
    assert_eq!(e["certainty"], "possible");
    assert_eq!(
        e["explanation"].as_str().map(|t| t.trim_end()),
        Some(text.trim_end())
    );
    assert_eq!(
        fails(&["explain", "CSTO", "GEO", "1993-10-01", "--csv"]).0,
        2
    );

    let orgs = json(&["orgs", "RUS", "2010-01-01", "--json"]);
    let ids: Vec<&str> = orgs
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["org"].as_str())
        .collect();
    let mut want: Vec<String> = bundled()
        .organizations_of("RUS", "2010-01-01")
        .unwrap()
        .map(|a| a.organization().id().to_string())
        .collect();
    want.sort();
    assert_eq!(ids, want);
    assert!(csv_rows(&ok(&["orgs", "RUS", "2010-01-01", "--csv"])).len() == want.len());
    assert!(ok(&["orgs", "RUS", "2010-01-01"]).contains("CSTO"));

    let ch = csv_rows(&ok(&[
        "changes",
        "CSTO",
        "1999-01-01",
        "2013-01-01",
        "--csv",
    ]));
    let want = bundled()
        .changes_between("CSTO", "1999-01-01", "2013-01-01")
        .unwrap();
    assert_eq!(ch.len(), want.len());
    assert_eq!(
        ch.iter().map(|r| r[1].as_str()).collect::<Vec<_>>(),
        want.iter().map(|c| c.party().code()).collect::<Vec<_>>()
    );
    assert!(
        json(&["changes", "CSTO", "1999-01-01", "2013-01-01", "--json"])
            .as_array()
            .is_some_and(|a| a.len() == want.len())
    );
    assert!(ok(&["changes", "CSTO", "1999-01-01", "2013-01-01"]).contains("suspended"));
}

#[test]
fn panel_svg_search() {
    let rows = csv_rows(&ok(&[
        "panel", "1992", "1994", "--org", "CSTO", "--party", "GEO", "--csv",
    ]));
    let want: Vec<i8> = bundled()
        .panel(1992..=1994, membership_history::YearRule::EndOfYear, None)
        .iter()
        .filter(|r| r.org == "CSTO" && r.member == "GEO")
        .map(|r| r.code)
        .collect();
    assert_eq!(
        rows.iter()
            .map(|r| r[4].parse::<i8>().unwrap())
            .collect::<Vec<_>>(),
        want
    );
    // The rule changes the year a mid-year accession counts in.
    let any = csv_rows(&ok(&[
        "panel",
        "1993",
        "1993",
        "--org",
        "CSTO",
        "--party",
        "GEO",
        "--rule",
        "start-of-year",
        "--csv",
    ]));
    assert_eq!(any[0][4], "0");
    assert!(
        json(&["panel", "1992", "1992", "--org", "CSTO", "--json"])
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert_eq!(
        fails(&["panel", "1992", "1994", "--rule", "sometimes"]).0,
        2
    );
    assert_eq!(fails(&["panel", "1992", "1994", "--org", "CTSO"]).0, 1);

    let svg = ok(&["svg", "CSTO"]);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert_eq!(fails(&["svg", "CSTO", "--json"]).0, 2);

    let found = csv_rows(&ok(&["search", "odkb", "--csv"]));
    assert_eq!(
        (found[0][0].as_str(), found[0][1].as_str()),
        ("organization", "CSTO")
    );
    assert!(ok(&["search", "kyrgyz"]).contains("KGZ"));
    let found = json(&["search", "kyrgyz", "--json"]);
    assert_eq!(found[0]["id"], "KGZ");
    let table = ok(&["panel", "1992", "1993", "--org", "CSTO", "--party", "GEO"]);
    assert_eq!(table.lines().count(), 3, "{table}");
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["org", "member", "ccode", "year", "code"]);
    assert_eq!(fails(&["search", "zzzzqqq"]).0, 1);
}

#[test]
fn cow_data_forgiving_lookups_and_suggestions() {
    let (igo, states) = (
        data("igo_year_formatv3-excerpt.csv"),
        data("states2016-excerpt.csv"),
    );
    let flags = ["--cow-igo", igo.as_str(), "--states", states.as_str()];
    let with = |args: &[&str]| -> Vec<String> {
        args.iter().chain(&flags).map(|s| s.to_string()).collect()
    };
    let run = |args: &[&str]| {
        let a = with(args);
        ok(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    // The library's answers on the same files.
    let list = CowStates::read_path(&states).strict().unwrap();
    let ds = Dataset::builder()
        .read_path(CowIgo::states(Some(&list)), &igo)
        .build()
        .strict()
        .unwrap();
    let want = serde_json::to_value(sorted(
        ds.members_on("CSTO", "2008-01-01").unwrap().collect(),
    ))
    .unwrap();
    let got: Value =
        serde_json::from_str(&run(&["members", "CSTO", "2008-01-01", "--json"])).unwrap();
    assert_eq!(got, want);
    // A COW number, an abbreviation, a name.
    for party in ["365", "RUS", "russia"] {
        assert!(
            run(&["status", "CSTO", party, "2008-01-01", "--csv"]).contains("\nRUS,"),
            "{party}"
        );
    }
    // An ISO code where COW has its own: a suggestion, exit 1.
    let a = with(&["status", "CSTO", "KAZ", "2008-01-01"]);
    let (code, err) = fails(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `KZK` (Kazakhstan)"), "{err}");
}

#[test]
fn exit_codes_and_one_line_errors() {
    let (code, err) = fails(&["members", "CTSO", "2008-01-01"]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean `CSTO`"), "{err}");
    assert_eq!(fails(&["status", "CSTO", "ZZZ", "2008-01-01"]).0, 1);
    assert_eq!(fails(&["members", "CSTO", "2008-13-01"]).0, 2);
    assert_eq!(fails(&["members", "CSTO"]).0, 2);
    assert_eq!(fails(&["frobnicate"]).0, 2);
    assert_eq!(fails(&[]).0, 2);
    assert_eq!(
        fails(&["members", "CSTO", "2008-01-01", "--json", "--csv"]).0,
        2
    );
    assert_eq!(fails(&["members", "CSTO", "2008-01-01", "--bogus"]).0, 2);
    assert_eq!(
        fails(&[
            "members",
            "CSTO",
            "2008-01-01",
            "--cow-igo",
            "/no/such/file.csv"
        ])
        .0,
        2
    );
    assert_eq!(
        fails(&[
            "members",
            "CSTO",
            "2008-01-01",
            "--states",
            &data("states2016-excerpt.csv")
        ])
        .0,
        2
    );
    assert_eq!(
        fails(&["members", "CSTO", "2008-01-01", "--org", "CSTO"]).0,
        2
    );
}

#[test]
fn help_on_every_command_with_an_example() {
    assert!(ok(&["--help"]).contains("example: mh members CSTO 2008-01-01"));
    for c in [
        "members", "status", "timeline", "explain", "orgs", "changes", "panel", "svg", "search",
    ] {
        let h = ok(&[c, "--help"]);
        assert!(h.starts_with(&format!("usage: mh {c}")), "{c}: {h}");
        assert!(h.contains(&format!("example: mh {c}")), "{c}: {h}");
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_a_one_line_error() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(b"CS\xffTO");
    for args in [
        vec![OsStr::new("members"), bad, OsStr::new("2008-01-01")],
        vec![
            OsStr::new("members"),
            OsStr::new("CSTO"),
            OsStr::new("2008-01-01"),
            OsStr::new("--data"),
            bad,
        ],
        vec![bad],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_mh"))
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
        assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    }
}

#[test]
fn panel_kinds_are_the_librarys_panels() {
    use membership_history::{AtopObligations, PanelFormat, Panels, YearRule};
    let (states_path, igo_path, atop_path) = (
        data("states2016-excerpt.csv"),
        data("igo_year_formatv3-excerpt.csv"),
        data("atop-member-level-excerpt.csv"),
    );
    let files = ["--states", &states_path, "--cow-igo", &igo_path];
    let run = |kind: &str, extra: &[&str]| {
        let mut args = vec!["panel", "1990", "1995", "--kind", kind];
        args.extend(files);
        args.extend(extra);
        ok(&args)
    };
    let states = CowStates::read_path(&states_path).strict().unwrap();
    let mut b = Dataset::builder();
    b.read_path(CowIgo::with_states(&states), &igo_path);
    let ds = b.build().strict().unwrap();
    let atop = AtopObligations::read_path(&atop_path).unwrap();
    let panels = Panels::new(&ds, &states, YearRule::MostDays).atop(&atop);
    let mut want = Vec::new();
    panels
        .write_dyad_years(&mut want, 1990..=1995, true, PanelFormat::Csv)
        .unwrap();
    let got = run(
        "dyad-directed",
        &["--atop", &atop_path, "--rule", "most-days", "--csv"],
    );
    assert_eq!(got, String::from_utf8(want).unwrap());
    assert!(got.starts_with("ccode1,ccode2,year,igo_full,igo_full_max,"));
    // Undirected: ccode1 < ccode2, and JSON lines.
    let rows = csv_rows(&run("dyad", &["--csv"]));
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r[0].parse::<u16>().unwrap() < r[1].parse::<u16>().unwrap())
    );
    let lines = run("state-igo", &["--json"]);
    let first: Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    assert!(first["sum_igo_full_max"].is_number());
    let table = run("state", &[]);
    assert_eq!(
        table
            .lines()
            .next()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["ccode", "stateabb", "year"]
    );
    // The default kind is today's panel.
    assert!(
        ok(&[
            "panel",
            "1992",
            "1992",
            "--kind",
            "org-state",
            "--org",
            "CSTO",
            "--csv"
        ])
        .starts_with("org,member,ccode,year,code\n")
    );
    assert_eq!(
        fails(&[
            "panel",
            "1992",
            "1993",
            "--kind",
            "dyads",
            "--states",
            &states_path
        ])
        .0,
        2
    );
    assert_eq!(fails(&["panel", "1992", "1993", "--kind", "dyad"]).0, 2);
    assert_eq!(
        fails(&["members", "CSTO", "2000-01-01", "--kind", "dyad"]).0,
        2
    );
}
