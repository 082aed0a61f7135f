//! The bundled CST/CSTO dataset: the answers the seed article implies
//! (as corrected by the reference notes), and checks over the whole dataset.

use chrono::NaiveDate;
#[path = "support/membership.rs"]
mod membership;
use membership::membership;
use membership_history::{
    BUNDLED_VERIFIED_AS_OF, Basis, Certainty, Dataset, EventKind, Status, bundled,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Codes of the parties that are members de jure, by every reading, sorted
/// (`members_on` lists in no particular order).
fn members(date: &str) -> Vec<String> {
    let mut codes: Vec<String> = bundled()
        .members_on("CSTO", date)
        .unwrap()
        .filter(|m| m.is_definite_member())
        .map(|m| m.party().code().to_string())
        .collect();
    codes.sort();
    codes
}

/// The status by the preferred readings, on a day the data covers.
fn status(code: &str, date: &str) -> Option<Status> {
    let a = bundled().status_on("CSTO", code, date).unwrap();
    assert_eq!(
        a.basis(),
        Basis::Records,
        "{code} on {date} is inside coverage"
    );
    a.spell()
        .filter(|s| s.contains(d(date)))
        .map(|s| s.status())
}

const SIX: [&str; 6] = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"];

#[test]
fn founding_six_in_1993() {
    assert_eq!(
        members("1993-06-01"),
        ["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    );
}

#[test]
fn all_nine_in_1995() {
    assert_eq!(
        members("1995-01-01"),
        [
            "ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"
        ]
    );
}

#[test]
fn six_after_the_1999_non_renewal() {
    assert_eq!(members("2000-01-01"), SIX);
    for gone in ["AZE", "GEO", "UZB"] {
        assert_eq!(status(gone, "2000-01-01"), None, "{gone}");
    }
}

#[test]
fn uzbekistan_back_in_2008() {
    let mut seven: Vec<&str> = SIX.to_vec();
    seven.push("UZB");
    seven.sort();
    assert_eq!(members("2008-01-01"), seven);
}

#[test]
fn uzbekistan_suspended_in_2013() {
    assert_eq!(members("2013-06-01"), SIX);
    assert_eq!(status("UZB", "2013-06-01"), Some(Status::Suspended));
    let mut on = bundled().members_on("CSTO", "2013-06-01").unwrap();
    let uzb = on.find(|m| m.party().code() == "UZB").unwrap();
    assert_eq!(
        (uzb.status(), uzb.status_certainty()),
        (Some(Status::Suspended), Certainty::Definite)
    );
    // Suspended is definitely not membership.
    assert_eq!(
        (uzb.member(), uzb.certainty()),
        (Some(false), Certainty::Definite)
    );
}

/// The day after `day`, as text.
fn day_after(day: &str) -> String {
    d(day).succ_opt().unwrap().to_string()
}

#[test]
fn armenia_frozen_on_the_verified_day_and_unknown_after() {
    // This checked 2025-01-01, which is past the bundled data's coverage now
    // (issue 10): answers there are unknown. The last day the data covers is
    // `BUNDLED_VERIFIED_AS_OF` (whatever its value), so the frozen status is
    // checked on that day, and the day after must be unknown, with the last
    // known status.
    let last = BUNDLED_VERIFIED_AS_OF;
    assert_eq!(members(last), SIX);
    assert_eq!(status("ARM", last), Some(Status::Frozen));
    for other in ["BLR", "KAZ", "KGZ", "RUS", "TJK"] {
        assert_eq!(status(other, last), Some(Status::Member), "{other}");
    }
    let ds = bundled();
    let after = day_after(last);
    for (code, last_status) in [("ARM", Status::Frozen), ("KAZ", Status::Member)] {
        let a = ds.status_on("CSTO", code, after.as_str()).unwrap();
        assert_eq!(a.certainty(), Certainty::Unknown, "{code}");
        assert_eq!(a.member(), None, "{code}");
        assert_eq!(a.basis(), Basis::Unknown, "{code}");
        assert_eq!(a.status(), Some(last_status), "{code}");
        assert_eq!(a.known_until(), Some(d(last)), "{code}");
    }
    // Nobody is a definite member past the data's end.
    assert!(members(&after).is_empty());
}

#[test]
fn names_over_time() {
    let ds = bundled();
    assert_eq!(
        ds.organization("CSTO").unwrap().name_on(d("1995-01-01")),
        Some("Collective Security Treaty")
    );
    assert_eq!(
        ds.organization("CSTO").unwrap().name_on(d("2005-01-01")),
        Some("Collective Security Treaty Organization")
    );
    // The renaming day belongs to the new name (half-open spans).
    assert_eq!(
        ds.organization("CSTO").unwrap().name_on(d("2002-10-07")),
        Some("Collective Security Treaty Organization")
    );
    for alias in ["CST", "CSTO", "ODKB", "odkb", "ОДКБ"] {
        assert_eq!(ds.organization(alias).unwrap().id(), "CSTO", "{alias}");
    }
}

#[test]
fn boundary_days_follow_the_half_open_convention() {
    // A member on the day it joins; not on the day its membership ends.
    assert_eq!(status("AZE", "1993-09-23"), None);
    assert_eq!(status("AZE", "1993-09-24"), Some(Status::Member));
    assert_eq!(status("AZE", "1999-04-19"), Some(Status::Member));
    // 1999-04-20 is the first term's last day and 1999-04-21 the first day
    // outside: the 1999 Protocol says the term "истекает 20 апреля 1999 года"
    // and extends the treaty "с 21 апреля 1999 года" (PROT-1999, KZ-LAW-1999).
    // (Was: not a member on 1999-04-20.)
    assert_eq!(status("AZE", "1999-04-20"), Some(Status::Member));
    assert_eq!(status("AZE", "1999-04-21"), None);
}

#[test]
fn the_1999_leavers_are_members_on_the_terms_last_day() {
    // PROT-1999: the term "истекает 20 апреля 1999 года", the extension runs
    // "с 21 апреля 1999 года"; ATOP and Gibler's exit on 1999-04-20 is kept as
    // the other reading, so the last day is a member day only possibly.
    let ds = bundled();
    for gone in ["AZE", "GEO", "UZB"] {
        let on = |date: &str| membership(&ds.status_on("CSTO", gone, date).unwrap());
        assert_eq!(on("1999-04-19"), Some(Certainty::Definite), "{gone}");
        assert_eq!(on("1999-04-20"), Some(Certainty::Possible), "{gone}");
        assert!(
            status(gone, "1999-04-20").is_some_and(Status::is_member),
            "{gone}"
        );
        assert_eq!(on("1999-04-21"), None, "{gone}");
        assert_eq!(status(gone, "1999-04-21"), None, "{gone}");
    }
}

#[test]
fn the_csto_is_an_observer_at_the_general_assembly() {
    let ds = bundled();
    assert_eq!(
        ds.status_on("UNGA", "CSTO", "2004-12-01").unwrap().status(),
        None
    );
    let observer = ds.status_on("UNGA", "CSTO", "2004-12-02").unwrap();
    assert_eq!(observer.status(), Some(Status::Observer));
    assert_eq!(observer.member(), Some(false));
    let orgs: Vec<_> = ds.organizations_of("CSTO", "2020-01-01").unwrap().collect();
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].organization().id(), "UNGA");
}

#[test]
fn parliamentary_assembly_observers_from_2013_year_precision() {
    let ds = bundled();
    for code in ["AFG", "SRB"] {
        let on = |date: &str| membership(&ds.status_on("CSTO-PA", code, date).unwrap());
        // Observers are not members in any reading.
        assert_eq!(on("2013-06-01"), None);
        assert_eq!(on("2014-01-01"), None);
        // The certainty here is the status word's (`status_certainty`, the
        // old `StatusOn::certainty`): observer since some day of 2013.
        let status = |date: &str| {
            ds.members_on("CSTO-PA", date)
                .unwrap()
                .find(|m| m.party().code() == code)
                .map(|m| {
                    assert_eq!(m.member(), Some(false), "{code} on {date}");
                    (m.status().unwrap(), m.status_certainty())
                })
        };
        assert_eq!(status("2012-12-31"), None);
        assert_eq!(
            status("2013-06-01"),
            Some((Status::Observer, Certainty::Possible))
        );
        assert_eq!(
            status("2014-01-01"),
            Some((Status::Observer, Certainty::Definite))
        );
    }
}

#[test]
fn founders_and_changes() {
    let ds = bundled();
    let founders: Vec<&str> = ds
        .founders("CST")
        .unwrap()
        .iter()
        .map(|p| p.code())
        .collect();
    assert_eq!(founders, ["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    let joined: Vec<&str> = ds
        .changes_between("CSTO", "1993-01-01", "1994-01-01")
        .unwrap()
        .iter()
        .filter(|c| c.joined())
        .map(|c| c.party().code())
        .collect();
    assert_eq!(joined, ["AZE", "GEO", "BLR"]); // by day
}

#[test]
fn disputed_dates_are_recorded_with_both_readings() {
    let ds = bundled();
    let geo = ds.timeline("CSTO", "GEO").unwrap();
    let acc = ds.event(geo.spells()[0].opened_by()).unwrap();
    let dates: Vec<String> = acc
        .readings()
        .iter()
        .map(|r| r.date().to_string())
        .collect();
    assert_eq!(dates, ["1993-12-09", "1993-09-09"]);
    let find = |c: &str| {
        ds.members_on("CSTO", "1993-10-01")
            .unwrap()
            .find(|m| m.party().code() == c)
            .map(|m| (m.certainty(), m.status_certainty()))
    };
    // Georgia is a possible member (and possibly holds its status); the
    // two certainties agree here.
    assert_eq!(
        find("GEO"),
        Some((Certainty::Possible, Certainty::Possible))
    );
    assert_eq!(
        find("AZE"),
        Some((Certainty::Definite, Certainty::Definite))
    );
    // Uzbekistan's first exit: 1999-04-21 (PROT-1999: the extension runs "с 21
    // апреля 1999 года"), or 1999-04-20 by ATOP and Gibler. The "1998" of some
    // outlets is no longer a reading of the exit: Karimov said Uzbekistan "в
    // 1998 году приостановил свое участие ..., но не денонсировал документ"
    // (LENTA-2006-06), so 1998 froze its participation and it stayed a member
    // de jure (was: only possibly a member in 1998, not a member on 1999-04-20).
    let uzb = |date: &str| membership(&ds.status_on("CSTO", "UZB", date).unwrap());
    assert_eq!(uzb("1997-12-31"), Some(Certainty::Definite));
    assert_eq!(uzb("1998-06-01"), Some(Certainty::Definite));
    assert_eq!(status("UZB", "1997-12-31"), Some(Status::Member));
    assert_eq!(status("UZB", "1998-06-01"), Some(Status::Frozen));
    assert_eq!(uzb("1999-04-20"), Some(Certainty::Possible));
    assert_eq!(uzb("1999-04-21"), None);
}

#[test]
fn every_fact_names_a_known_source() {
    let ds = bundled();
    for e in ds.events() {
        for r in e.readings() {
            assert!(
                !r.sources().is_empty(),
                "{} has a reading without a source",
                e.id()
            );
            for s in r.sources() {
                assert!(
                    ds.source(s).is_some(),
                    "{} cites unknown source {s}",
                    e.id()
                );
            }
        }
    }
    for p in ds
        .parties()
        .iter()
        .filter(|p| p.kind() == membership_history::PartyKind::State)
    {
        assert!(!p.sources().is_empty(), "{}", p.code());
    }
    for o in ds.organizations() {
        for n in o.names() {
            assert!(!n.sources().is_empty(), "{} / {}", o.id(), n.name());
        }
    }
}

#[test]
fn the_files_in_data_are_the_embedded_dataset_and_load_strictly() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut b = Dataset::builder();
    b.read_dir(dir);
    let (from_files, problems) = b.build().into_parts();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(from_files.events().count(), bundled().events().count());
    assert_eq!(
        from_files.spell_records().len(),
        bundled().spell_records().len()
    );
    // The gaps too (`unknown.csv`: the verified-as-of coverage).
    // (Compared without their origin: the file paths differ.)
    let gaps = |ds: &Dataset| -> Vec<String> {
        let mut v: Vec<String> = ds
            .unknowns()
            .iter()
            .map(|u| format!("{} {:?} {u}", u.org(), u.member()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(gaps(&from_files), gaps(bundled()));
}

#[test]
fn every_state_has_iso_and_cow_codes() {
    for p in bundled()
        .parties()
        .iter()
        .filter(|p| p.kind() == membership_history::PartyKind::State)
    {
        assert_eq!(p.code().len(), 3, "{}", p.code());
        assert!(p.cow_code().is_some(), "{}", p.code());
    }
}

#[test]
fn suspension_and_return_history_is_consistent() {
    let ds = bundled();
    for org in ds.organizations() {
        for p in ds.parties() {
            let tl = ds.timeline(org.id(), p.code()).unwrap();
            for w in tl.spells().windows(2) {
                assert!(
                    w[0].end().unwrap() <= w[1].start(),
                    "{} {}",
                    org.id(),
                    p.code()
                );
                if ds.event(w[1].opened_by()).unwrap().kind() == EventKind::Returned {
                    let prior =
                        w[0].status() == Status::Suspended || w[0].end() < Some(w[1].start());
                    assert!(prior, "return without exit or suspension");
                }
            }
        }
    }
}

/// The dates of `member`'s statements in `org` (events that change no status).
fn statements(org: &str, member: &str) -> Vec<String> {
    bundled()
        .timeline(org, member)
        .unwrap()
        .events()
        .filter(|e| e.kind() == EventKind::Statement)
        .map(|e| e.readings()[0].date().to_string())
        .collect()
}

#[test]
fn armenia_2023_to_2025_statements_change_no_status() {
    // Issue 11, item 6: each is a sourced row of data/events.csv; none changes
    // a status, so the freeze of 2024-02-22 stays Armenia's only change.
    assert_eq!(
        statements("CSTO", "ARM"),
        [
            "2023-11-23", // the Minsk session boycotted (HINDU-2023, AZATUTYUN-2024)
            "2024-02-28", // "de facto frozen ... de jure" (TURAN-2024, TASS-2024c)
            "2024-05-08", // no share of the 2024 budget (AA-2024, UNN-2024)
            "2024-06-12", // "We will leave ... We will decide when" (PANARM-2024)
            // "at all levels", at a press conference "on Saturday" (BI-2024)
            "[2024-08-31,2024-09-07,2024-09-14,2024-09-21,2024-09-28]",
            "2024-12-04", // "the point of no return" (MEDUZA-2024, ASIAPLUS-2024)
            "2025-03-08", // no withdrawal notice, still a member (RITM-2025a)
            "2025-11-27", // absent from the Bishkek session (1NEWS-2025, LIFE-2025)
        ]
    );
    let ds = bundled();
    let statuses: Vec<Status> = ds
        .timeline("CSTO", "ARM")
        .unwrap()
        .spells()
        .iter()
        .map(|s| s.status())
        .collect();
    assert_eq!(statuses, [Status::Member, Status::Frozen]);
    assert_eq!(status("ARM", "2023-11-23"), Some(Status::Member));
    assert_eq!(status("ARM", "2025-06-01"), Some(Status::Frozen));
    assert_eq!(
        membership(&ds.status_on("CSTO", "ARM", "2025-11-27").unwrap()),
        Some(Certainty::Definite)
    );
    let why = ds
        .explain("CSTO", "ARM", d("2025-06-01"))
        .unwrap()
        .to_string();
    assert!(why.contains("frozen since 2024-02-22"), "{why}");
    assert!(why.contains("member de jure"), "{why}");
}

#[test]
fn uzbekistan_stays_suspended_through_its_later_statements() {
    // IPS-1999, RFERL-1999: the non-renewal announced; TREND-2012: the law
    // barring military blocs; TREND-2017, SPUTNIK-2021: no return.
    assert_eq!(
        statements("CSTO", "UZB"),
        [
            "1999-02-02",
            "1999-02-03",
            "2012-08-30",
            "2017-07-07",
            "2021-10-22"
        ]
    );
    assert_eq!(status("UZB", "1999-02-02"), Some(Status::Frozen));
    assert_eq!(status("UZB", "2012-08-30"), Some(Status::Member));
    for date in ["2012-12-19", "2017-07-07", "2021-10-22", "2025-11-27"] {
        assert_eq!(status("UZB", date), Some(Status::Suspended), "{date}");
    }
}

#[test]
fn kazakhstan_ratifies_the_treaty_the_extension_and_the_charter() {
    // PRG-KZ (1992), KZ-LAW-1999 (Law No. 4-II), KZ-LAW-2003 (Law No. 447).
    let dates: Vec<String> = bundled()
        .timeline("CSTO", "KAZ")
        .unwrap()
        .events()
        .filter(|e| e.kind() == EventKind::Ratified)
        .map(|e| e.readings()[0].date().to_string())
        .collect();
    assert_eq!(dates, ["1992-12-23", "1999-12-30", "2003-07-01"]);
}

#[test]
fn the_parliamentary_assembly_from_2006_and_its_three_observers() {
    let ds = bundled();
    // RFERL-2006: the assembly was created in St. Petersburg on 2006-11-16.
    assert_eq!(
        ds.organization("CSTO-PA").unwrap().name_on(d("2006-11-15")),
        None
    );
    assert_eq!(
        ds.organization("CSTO-PA").unwrap().name_on(d("2006-11-16")),
        Some("Parliamentary Assembly of the Collective Security Treaty Organization")
    );
    // TASS-2022: Afghanistan's and Serbia's lower houses and the Parliamentary
    // Assembly of the Union State were granted observer status in 2013.
    // (`members_on` lists in no particular order: sorted by code. The
    // certainty is the status word's, the old `StatusOn::certainty`.)
    let mut observers: Vec<(String, Option<Status>, Certainty)> = ds
        .members_on("CSTO-PA", d("2014-01-01"))
        .unwrap()
        .map(|m| {
            (
                m.party().code().to_string(),
                m.status(),
                m.status_certainty(),
            )
        })
        .collect();
    observers.sort();
    let all = |code: &str| {
        (
            code.to_string(),
            Some(Status::Observer),
            Certainty::Definite,
        )
    };
    assert_eq!(observers, [all("AFG"), all("SRB"), all("UNION-STATE-PA")]);
    let alias = "Parliamentary Assembly of the Union State of Russia and Belarus";
    assert_eq!(ds.organization(alias).unwrap().id(), "UNION-STATE-PA");
}

/// One CSV file of `data/`, read without the library: the header, then each
/// row with its line number, cells by column name. Cells may be quoted (with
/// `""` for a quote); no cell of these files spans lines.
struct Csv {
    header: Vec<String>,
    rows: Vec<(usize, std::collections::HashMap<String, String>)>,
}

fn cells(line: &str) -> Vec<String> {
    let (mut out, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    assert!(!quoted, "unclosed quote in {line:?}");
    out.push(cell);
    out
}

fn data_file(name: &str) -> String {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn csv(name: &str) -> Csv {
    let text = data_file(name);
    let mut lines = text.lines();
    let header = cells(lines.next().unwrap_or_default());
    let rows = lines
        .enumerate()
        .map(|(i, line)| {
            let row = cells(line);
            assert_eq!(row.len(), header.len(), "{name}:{}: {line}", i + 2);
            (i + 2, header.iter().cloned().zip(row).collect())
        })
        .collect();
    Csv { header, rows }
}

/// The verified-as-of date: the one line `Verified as of: YYYY-MM-DD.` of
/// data/README.md.
fn verified_as_of() -> NaiveDate {
    let readme = data_file("README.md");
    let lines: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("Verified as of: "))
        .collect();
    assert_eq!(lines.len(), 1, "one verified-as-of line in data/README.md");
    let date = lines[0]
        .strip_prefix("Verified as of: ")
        .and_then(|s| s.strip_suffix('.'))
        .unwrap_or_else(|| panic!("{:?} is not `Verified as of: YYYY-MM-DD.`", lines[0]));
    d(date)
}

#[test]
fn every_row_follows_the_rules_of_data_readme() {
    use std::collections::{HashMap, HashSet};
    use std::str::FromStr;

    use membership_history::UncertainDate;

    let readme = data_file("README.md");
    let columns = [
        ("sources.csv", "id,citation,url"),
        ("parties.csv", "code,name,cow_code,cow_abbreviation,sources"),
        ("names.csv", "org,kind,name,from,until,sources"),
        ("events.csv", "event,org,member,kind,date,note,sources"),
        ("unknown.csv", "org,member,from,until,note,sources"),
    ];
    // The README's file table names every file of data/, with its columns.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".csv"))
        .collect();
    files.sort();
    let mut documented: Vec<String> = columns.iter().map(|(f, _)| f.to_string()).collect();
    documented.sort();
    assert_eq!(files, documented);
    let tables: HashMap<&str, Csv> = columns
        .iter()
        .map(|&(file, cols)| {
            let t = csv(file);
            assert_eq!(t.header.join(","), cols, "{file}");
            let row = format!("| `{file}` | `{cols}` |");
            assert!(readme.contains(&row), "data/README.md lacks {row}");
            (file, t)
        })
        .collect();
    let rows = |file: &str| tables[file].rows.iter();

    // Rule 1: every source has an id, a citation and a URL; every row names
    // at least one source, each a row of sources.csv.
    let mut sources = HashSet::new();
    for (line, r) in rows("sources.csv") {
        assert!(!r["citation"].is_empty(), "sources.csv:{line}");
        assert!(r["url"].starts_with("http"), "sources.csv:{line}");
        assert!(sources.insert(r["id"].clone()), "sources.csv:{line}: twice");
    }
    for (file, _) in &columns[1..] {
        for (line, r) in rows(file) {
            let ids: Vec<&str> = r["sources"].split(';').map(str::trim).collect();
            assert!(ids.iter().all(|s| !s.is_empty()), "{file}:{line}");
            for id in ids {
                assert!(sources.contains(id), "{file}:{line}: unknown source {id}");
            }
        }
    }

    // Organizations exist by their names; parties are states or organizations.
    let orgs: HashSet<&str> = rows("names.csv").map(|(_, r)| r["org"].as_str()).collect();
    let mut parties: HashSet<&str> = orgs.clone();
    for (line, r) in rows("parties.csv") {
        assert!(parties.insert(r["code"].as_str()), "parties.csv:{line}");
    }
    let day = |s: &str| (!s.is_empty()).then(|| d(s));
    for (line, r) in rows("names.csv") {
        let (from, until) = (day(&r["from"]), day(&r["until"]));
        match r["kind"].as_str() {
            "official" => assert!(
                from.zip(until).is_none_or(|(f, u)| f < u),
                "names.csv:{line}"
            ),
            "alias" => assert!(from.is_none() && until.is_none(), "names.csv:{line}"),
            other => panic!("names.csv:{line}: kind {other}"),
        }
    }

    // Rules 2, 3 and 7: readings of one event agree on org, member and kind,
    // and give different dates; every date and kind parses; only an event of
    // the organization itself has no member.
    let as_of = verified_as_of();
    let mut first: HashMap<&str, (&str, &str, &str, usize)> = HashMap::new();
    let mut dates: HashSet<(&str, &str)> = HashSet::new();
    let mut readings = Vec::new();
    for (line, r) in rows("events.csv") {
        let line = *line;
        let (id, org, member, kind) = (
            r["event"].as_str(),
            r["org"].as_str(),
            r["member"].as_str(),
            r["kind"].as_str(),
        );
        let k = EventKind::from_str(kind).unwrap_or_else(|e| panic!("events.csv:{line}: {e}"));
        let date = UncertainDate::from_str(&r["date"])
            .unwrap_or_else(|e| panic!("events.csv:{line}: {e}"));
        assert!(orgs.contains(org), "events.csv:{line}: org {org}");
        assert_eq!(
            member.is_empty(),
            k.is_organization_event(),
            "events.csv:{line}"
        );
        assert!(
            member.is_empty() || parties.contains(member),
            "events.csv:{line}: member {member}"
        );
        let (o, m, k0, at) = *first.entry(id).or_insert((org, member, kind, line));
        assert_eq!(
            (o, m, k0),
            (org, member, kind),
            "events.csv:{line}: a reading of `{id}` (first at line {at}) disagrees"
        );
        assert!(
            dates.insert((id, r["date"].as_str())),
            "events.csv:{line}: same date twice"
        );
        // Rule 11: no event after the verified-as-of date.
        assert!(date.latest() <= as_of, "events.csv:{line}: after {as_of}");
        readings.push((line, org, member, date));
    }

    // Rule 11: unknown.csv rows are well-formed; no reading falls in a stretch
    // its organization and member have there; every organization's coverage
    // ends by the day after the verified-as-of date.
    let after = as_of.succ_opt().unwrap();
    for (line, r) in rows("unknown.csv") {
        let (org, member) = (r["org"].as_str(), r["member"].as_str());
        assert!(orgs.contains(org), "unknown.csv:{line}: org {org}");
        assert!(
            member.is_empty() || parties.contains(member),
            "unknown.csv:{line}"
        );
        let from = d(&r["from"]);
        let until = day(&r["until"]);
        assert!(until.is_none_or(|u| from < u), "unknown.csv:{line}");
        assert!(!r["note"].is_empty(), "unknown.csv:{line}");
        for (at, o, m, date) in &readings {
            let inside = *o == org
                && (member.is_empty() || *m == member)
                && date.latest() >= from
                && until.is_none_or(|u| date.earliest() < u);
            assert!(!inside, "events.csv:{at} falls in unknown.csv:{line}");
        }
    }
    let with_events: HashSet<&str> = readings.iter().map(|(_, o, _, _)| *o).collect();
    for org in &orgs {
        let ends: Vec<NaiveDate> = rows("unknown.csv")
            .filter(|(_, r)| r["org"] == *org && r["member"].is_empty() && r["until"].is_empty())
            .map(|(_, r)| d(&r["from"]))
            .collect();
        assert!(
            ends.iter().any(|&f| f <= after),
            "{org} has no coverage end"
        );
        if with_events.contains(org) {
            assert!(
                ends.contains(&after),
                "{org}'s coverage does not end on {after}"
            );
        }
    }
}
