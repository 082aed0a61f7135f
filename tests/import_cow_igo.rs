//! The COW IGO and COW states importers on excerpts written in the
//! published formats, and the panel export and cross-organization queries
//! on what they load.

use chrono::NaiveDate;
#[path = "support/membership.rs"]
mod membership;
use membership_history::{
    Answer, Atop, Basis, Certainty, CowIgo, CowStates, Dataset, ErrorKind, EventKind, Status,
    UncertainDate, YearRule,
};

const CSV: &str = include_str!("data/igo_year_formatv3-excerpt.csv");
const TSV: &str = include_str!("data/igo_year_formatv3-excerpt.tsv");
const STATES: &str = include_str!("data/states2016-excerpt.csv");

type R = Result<(), Box<dyn std::error::Error>>;

fn states() -> CowStates {
    CowStates::read(STATES.as_bytes(), "states2016.csv")
        .strict()
        .unwrap_or_default()
}

fn load(text: &str, states: Option<&CowStates>) -> Result<Dataset, membership_history::Error> {
    let mut b = Dataset::builder();
    b.read(CowIgo::states(states), text.as_bytes(), "igo.csv");
    b.build().strict()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

/// The two-valued membership answer of `member` in `org` on `day`.
#[track_caller]
fn membership(ds: &Dataset, org: &str, member: &str, day: &str) -> Option<Certainty> {
    membership::membership(&ds.status_on(org, member, day).unwrap())
}

/// Checks an unknown answer: no membership either way, the last status the
/// data gives, and the last day it speaks for.
fn assert_unknown(a: &Answer<'_>, last: Option<Status>, known_until: &str) {
    let who = format!(
        "{} in {} on {}",
        a.party().code(),
        a.organization().id(),
        a.date()
    );
    assert_eq!(a.certainty(), Certainty::Unknown, "{who}");
    assert_eq!(a.status_certainty(), Certainty::Unknown, "{who}");
    assert_eq!(a.member(), None, "{who}");
    assert!(!a.is_possible_member() && !a.is_definite_member(), "{who}");
    assert_eq!(a.basis(), Basis::Unknown, "{who}");
    assert_eq!(a.status(), last, "{who}");
    assert_eq!(a.known_until(), Some(d(known_until)), "{who}");
    let note = a
        .unknown()
        .map(|u| u.note().to_string())
        .unwrap_or_default();
    assert!(note.contains("-9"), "{who}: {note}");
}

#[test]
fn every_row_is_read_comma_or_tab() -> R {
    for text in [CSV, TSV] {
        let mut b = Dataset::builder();
        let report = b.read(CowIgo::new(), text.as_bytes(), "igo").build();
        let counts = report.counts[0].1;
        assert_eq!(counts.rows, text.lines().count() - 1);
        assert_eq!((counts.organizations, counts.states), (3, 6));
        report.strict()?;
    }
    let (a, b) = (load(CSV, None)?, load(TSV, None)?);
    assert_eq!(
        format!("{:?}", a.spell_records()),
        format!("{:?}", b.spell_records())
    );
    Ok(())
}

#[test]
fn states_map_columns_to_cow_codes() -> R {
    let ds = load(CSV, Some(&states()))?;
    let rus = ds.party("RUS").ok_or("no RUS")?;
    assert_eq!(
        (rus.cow_code(), rus.cow_abbreviation(), rus.name()),
        (Some(365), Some("RUS"), "Russia")
    );
    assert_eq!(
        ds.organization("Collective Security Treaty Organization (CSTO)")
            .map(|o| o.id()),
        Some("CSTO")
    );
    // What the file says, not corrected: COW has Uzbekistan in the CSTO 2002-2008.
    let uzb = ds.status_on("CSTO", "UZB", "2004-06-01")?;
    assert_eq!(uzb.status(), Some(Status::Member));
    assert!(uzb.is_definite_member());
    Ok(())
}

#[test]
fn five_year_gaps_before_1965_are_uncertain() -> R {
    let ds = load(CSV, None)?;
    // Russia: 0 in 1950, 1 in 1955: joined some day 1951-1955.
    let join = ds
        .timeline("XIGO", "russia")?
        .events()
        .next()
        .ok_or("no event")?;
    assert_eq!(join.kind(), EventKind::Acceded);
    assert_eq!(
        join.readings()[0].date(),
        &UncertainDate::between(d("1951-01-01"), d("1955-12-31"))?
    );
    assert_eq!(membership(&ds, "XIGO", "russia", "1950-12-31"), None);
    assert_eq!(
        membership(&ds, "XIGO", "russia", "1953-06-01"),
        Some(Certainty::Possible)
    );
    assert_eq!(
        membership(&ds, "XIGO", "russia", "1955-12-31"),
        Some(Certainty::Definite)
    );
    // Member 1955 and 1960 (no change observed): a member throughout.
    assert_eq!(
        membership(&ds, "XIGO", "russia", "1958-06-01"),
        Some(Certainty::Definite)
    );
    // Associate in 1965, observer in 1966, none in 1967; the USA a founding member.
    let st = |date: &str| {
        let a = ds.status_on("XIGO", "russia", date).unwrap();
        a.spell()
            .filter(|s| s.contains(d(date)))
            .map(|s| s.status())
    };
    assert_eq!(
        (st("1965-12-31"), st("1966-12-31"), st("1967-12-31")),
        (Some(Status::Associate), Some(Status::Observer), None)
    );
    let usa_first = ds
        .timeline("XIGO", "usa")?
        .events()
        .next()
        .ok_or("no event")?;
    assert_eq!(usa_first.kind(), EventKind::Signed);
    // The IGO leaves the data after 1967: it ends, and its members with it.
    assert_eq!(membership(&ds, "XIGO", "usa", "1969-01-01"), None);
    Ok(())
}

#[test]
fn missing_data_is_neither_member_nor_non_member() -> R {
    let ds = load(CSV, None)?;
    // USA: 1, 1, -9, 1. The -9 year is a gap now, not possible membership
    // (issue 10): unknown from 1 January after the last known year (1992)
    // to 31 December of the next known one (1993), excluded.
    assert_unknown(
        &ds.status_on("YIGO", "usa", "1992-06-01")?,
        Some(Status::Member),
        "1991-12-31",
    );
    assert_unknown(
        &ds.status_on("YIGO", "usa", "1993-12-30")?,
        Some(Status::Member),
        "1991-12-31",
    );
    assert_eq!(
        membership(&ds, "YIGO", "usa", "1991-12-31"),
        Some(Certainty::Definite)
    );
    assert_eq!(
        membership(&ds, "YIGO", "usa", "1993-12-31"),
        Some(Certainty::Definite)
    );
    // A member before and after the gap: one spell, no event made up.
    assert_eq!(ds.timeline("YIGO", "usa")?.spells().len(), 1);
    // Russia: 0, -9, -9, 0: unknown in 1991-1992 (and 1993 until its last
    // day), never seen as a member. This was "possible" with an accession
    // and a withdrawal no source recorded; -9 makes no event now (issue 10).
    for day in ["1991-01-01", "1992-06-01", "1992-12-31", "1993-12-30"] {
        assert_unknown(&ds.status_on("YIGO", "russia", day)?, None, "1990-12-31");
        // Listed by members_on: a gap of its own.
        let rus = ds
            .members_on("YIGO", day)?
            .find(|m| m.party().code() == "russia")
            .ok_or("russia not listed")?;
        assert_eq!(rus.certainty(), Certainty::Unknown, "{day}");
        assert_eq!(rus.status(), None, "{day}");
    }
    assert_eq!(ds.timeline("YIGO", "russia")?.events().count(), 0);
    assert!(ds.timeline("YIGO", "russia")?.spells().is_empty());
    assert_eq!(membership(&ds, "YIGO", "russia", "1993-12-31"), None);
    // Belarus: 1 then -9 to the end of its rows: unknown (was "possible"),
    // with its last status, member, from 1995 on.
    assert_unknown(
        &ds.status_on("YIGO", "belarus", "1996-12-31")?,
        Some(Status::Member),
        "1994-12-31",
    );
    assert_eq!(
        membership(&ds, "YIGO", "belarus", "1994-12-31"),
        Some(Certainty::Definite)
    );
    Ok(())
}

/// An IGO's rows need not come one after another: its events are made as
/// its rows seem all read (another IGO's begin), and made again when a
/// later row of it comes. The same rows grouped by IGO give the same
/// histories.
#[test]
fn an_igos_rows_apart_give_the_history_of_them_all() -> R {
    let head = "ioname,orgname,year,russia,belarus\n";
    let apart = [
        "AIGO,A,1990,1,0",
        "AIGO,A,1991,1,1",
        "BIGO,B,1990,1,1",
        "AIGO,A,1992,0,1",
        "BIGO,B,1991,1,0",
    ];
    let grouped = [apart[0], apart[1], apart[3], apart[2], apart[4]];
    let text = |rows: [&str; 5]| format!("{head}{}\n", rows.join("\n"));
    let (a, g) = (load(&text(apart), None)?, load(&text(grouped), None)?);
    // Russia left A in 1992, on a row after B's first.
    let russia = a.timeline("AIGO", "russia")?;
    let kinds: Vec<EventKind> = russia.events().map(|e| e.kind()).collect();
    assert_eq!(kinds, [EventKind::Signed, EventKind::Withdrew]);
    assert_eq!(
        russia.member_days().preferred.to_string(),
        "1990-01-01..1992-01-01"
    );
    for (org, state) in [
        ("AIGO", "russia"),
        ("AIGO", "belarus"),
        ("BIGO", "russia"),
        ("BIGO", "belarus"),
    ] {
        let (x, y) = (a.timeline(org, state)?, g.timeline(org, state)?);
        assert_eq!(
            x.member_days().preferred.to_string(),
            y.member_days().preferred.to_string(),
            "{org} {state}"
        );
        let ids = |t: &membership_history::Timeline<'_>| -> Vec<String> {
            t.events()
                .map(|e| format!("{} {}", e.id(), e.kind()))
                .collect()
        };
        assert_eq!(ids(&x), ids(&y), "{org} {state}");
    }
    Ok(())
}

#[test]
fn leaves_and_rejoins() -> R {
    let ds = load(CSV, None)?;
    // Germany: 0, 1, 1, 0, 0, 1, 1.
    let germany = ds.timeline("YIGO", "germany")?;
    assert_eq!(
        germany.member_days().preferred.to_string(),
        "1991-01-01..1993-01-01, 1995-01-01..1997-01-01"
    );
    let kinds: Vec<EventKind> = germany.events().map(|e| e.kind()).collect();
    assert_eq!(
        kinds[..3],
        [EventKind::Acceded, EventKind::Withdrew, EventKind::Acceded]
    );
    Ok(())
}

#[test]
fn not_in_the_state_system_is_no_status_and_minus_one_in_the_panel() -> R {
    let list = states();
    let ds = load(CSV, Some(&list))?;
    // Belarus: -1 in 1990 (not yet a state): no status, by the state list.
    assert_eq!(membership(&ds, "YIGO", "BLR", "1990-12-31"), None);
    let blr = ds.status_on("YIGO", "BLR", "1990-12-31")?;
    assert_eq!(
        (blr.basis(), blr.status(), blr.member()),
        (Basis::NotAState, None, Some(false))
    );
    assert_eq!(
        ds.cow_code("YIGO", "BLR", 1990, YearRule::EndOfYear, Some(&list))?,
        -1
    );
    // A dataset loaded with the state list knows the state's days itself
    // (issue 10: existence), so the code is -1 even when the list is not
    // passed again; this was 0.
    assert_eq!(
        ds.cow_code("YIGO", "BLR", 1990, YearRule::EndOfYear, None)?,
        -1
    );
    // Loaded without a list, the panel has no -1: no status is 0.
    let plain = load(CSV, None)?;
    for states in [None, Some(&list)] {
        assert_eq!(
            plain.cow_code("YIGO", "belarus", 1990, YearRule::EndOfYear, states)?,
            0
        );
    }
    assert_eq!(
        ds.cow_code("XIGO", "GMY", 1960, YearRule::EndOfYear, Some(&list))?,
        -1
    );
    Ok(())
}

/// The panel gives back every cell of the excerpt (year rule: 31 December).
#[test]
fn panel_round_trips_the_file() -> R {
    let list = states();
    let ds = load(CSV, Some(&list))?;
    let mut lines = CSV.lines();
    let header: Vec<&str> = lines.next().ok_or("empty")?.split(',').collect();
    let mut cells = 0;
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        let year: i32 = f[2].parse()?;
        for (i, col) in header.iter().enumerate() {
            let Some(st) = list.by_column(col) else {
                continue;
            };
            let want: i8 = f[i].parse()?;
            let got = ds.cow_code(
                f[0],
                st.abbreviation(),
                year,
                YearRule::EndOfYear,
                Some(&list),
            )?;
            assert_eq!(got, want, "{} {} {year}", f[0], col);
            cells += 1;
        }
    }
    assert_eq!(cells, 20 * 6);
    let rows = ds.panel(1990..=1996, YearRule::EndOfYear, Some(&list));
    let json = serde_json::to_string(&rows)?;
    assert!(json.contains(r#"{"org":"YIGO","member":"USA","ccode":2,"year":1992,"code":-9}"#));
    Ok(())
}

#[test]
fn statuses_full_associate_observer() -> R {
    let ds = load(CSV, None)?;
    // Kazakhstan: -1, 0, 3, 3, 2, 2, 1.
    let statuses: Vec<Status> = ds
        .timeline("YIGO", "kazakhstan")?
        .spells()
        .iter()
        .map(|s| s.status())
        .collect();
    assert_eq!(
        statuses,
        [Status::Observer, Status::Associate, Status::Member]
    );
    let codes: Vec<i8> = (1990..=1996)
        .map(|y| {
            ds.cow_code("YIGO", "kazakhstan", y, YearRule::EndOfYear, None)
                .unwrap_or(99)
        })
        .collect();
    assert_eq!(codes, [0, 0, 3, 3, 2, 2, 1]);
    Ok(())
}

#[test]
fn co_membership_and_counts() -> R {
    let ds = load(CSV, None)?;
    let both = ds.co_membership("usa", "germany")?;
    assert_eq!(both.len(), 1);
    assert_eq!(both[0].organization().id(), "YIGO");
    // The USA's -9 year (1992, and 1993 to its last day) is a gap now, not
    // membership by the preferred readings (issue 10): it is left out of
    // the days both were members (this was 1991-01-01..1993-01-01, ...).
    assert_eq!(
        both[0].days().to_string(),
        "1991-01-01..1992-01-01, 1995-01-01..1997-01-01"
    );
    assert_eq!(
        both[0].definite().to_string(),
        "1991-12-31..1992-01-01, 1995-12-31..1997-01-01"
    );
    let counts = ds.member_counts("YIGO")?;
    let on = |day: &str| {
        counts
            .iter()
            .find(|c| c.span.contains(&d(day)))
            .map(|c| (c.members, c.definite, c.possible, c.unknown))
    };
    // Mid-1992: Germany a member for certain; Belarus joined some day in
    // 1992 (the preferred readings count it from the year's first day); the
    // USA and Russia unknown (-9). Their -9 years are gaps now, counted as
    // unknown, not as (possible) members (issue 10): this was (3, 1, 4).
    assert_eq!(on("1992-06-01"), Some((2, 1, 2, 2)));
    assert_eq!(on("1992-12-31"), Some((2, 2, 2, 2)));
    // The gaps end on 31 December of the next known year (1993), excluded.
    // Germany left in 1993 (0), Belarus still a member, the USA again.
    assert_eq!(on("1993-12-30").map(|c| c.3), Some(2));
    assert_eq!(on("1993-12-31"), Some((2, 2, 2, 0)));
    Ok(())
}

#[test]
fn malformed_rows_name_their_line_and_field() {
    let head = "ioname,orgname,year,usa,russia\n";
    let cases = [
        ("X,X,1990,1,0\nX,X,1991,5,0\n", 3, Some("usa"), "5"),
        ("X,X,1990,1,0\nX,X,199x,1,0\n", 3, Some("year"), "199x"),
        ("X,X,1990,1,0\nX,X,1990,1,0\n", 3, Some("year"), "1990"),
        ("X,X,1990,1,\n", 2, Some("russia"), ""),
    ];
    for (rows, line, field, value) in cases {
        let err = load(&format!("{head}{rows}"), None).err();
        assert_eq!(err.as_ref().and_then(|e| e.line()), Some(line), "{rows}");
        assert_eq!(err.as_ref().and_then(|e| e.field()), field, "{rows}");
        assert_eq!(err.as_ref().and_then(|e| e.value()), Some(value), "{rows}");
    }
    let err = load(&format!("{head}X,X,1990,1\n"), None).err();
    assert!(matches!(
        err.as_ref().map(|e| e.kind()),
        Some(ErrorKind::FieldCount { .. })
    ));
    // With a state list, every state column must be a known state.
    let list = states();
    let mut b = Dataset::builder();
    b.read(
        CowIgo::with_states(&list),
        "ioname,orgname,year,narnia\nX,X,1990,1\n".as_bytes(),
        "igo.csv",
    );
    let err = b.build().strict();
    assert!(matches!(
        err.map_err(|e| e.kind().clone()),
        Err(ErrorKind::Header(_))
    ));
}

#[test]
fn state_list_and_existence_check() -> R {
    let list = states();
    assert_eq!(list.rows(), STATES.lines().count() - 1);
    let gmy = list.by_abbreviation("GMY").ok_or("no GMY")?;
    assert_eq!(
        gmy.existence().to_string(),
        "1816-01-01..1945-05-09, 1990-10-03.."
    );
    assert!(!list.in_system(255, d("1960-01-01")));
    // The bundled CSTO data has its states in the system whenever they are
    // members (states missing from this excerpt aside); an ATOP row with
    // Uzbekistan before 1991 is reported.
    let errs = membership_history::bundled().check_state_existence(&list);
    assert!(
        errs.iter()
            .all(|e| e.to_string().contains("is not in the state list")),
        "{errs:?}"
    );
    let mut b = Dataset::builder();
    let atop =
        "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n1,704,1990,1,1,0,0,0,0\n";
    b.read(Atop::with_states(&list), atop.as_bytes(), "atop.csv");
    let errs = b.build().strict()?.check_state_existence(&list);
    assert_eq!(errs.len(), 1);
    assert!(matches!(errs[0].kind(), ErrorKind::StateNotInSystem(_)));
    assert_eq!(errs[0].line(), Some(2));
    assert!(
        errs[0].to_string().contains("1990-01-01..1991-12-26"),
        "{}",
        errs[0]
    );
    Ok(())
}
