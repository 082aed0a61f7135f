//! The panels of issue 14 on excerpts written here, in the published
//! formats: existence, `-9`, asymmetric ATOP obligations, the year rules.

use membership_history::{
    AtopObligations, CowIgo, CowStates, Dataset, Obligations, PanelFormat, Panels, YearRule,
};

const STATES: &str = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version,state\n\
    AAA,2,Alpha,1816,1,1,2016,12,31,2016,alpha\n\
    BBB,20,Beta,1816,1,1,1900,6,30,2016,beta\n\
    CCC,40,Gamma,1900,9,1,2016,12,31,2016,gamma\n\
    DDD,90,Delta,1900,3,1,1950,5,31,2016,delta\n";

fn states() -> CowStates {
    CowStates::read(STATES.as_bytes(), "states2016.csv")
        .strict()
        .unwrap()
}

fn dataset(states: &CowStates, igo: &str) -> Dataset {
    let mut b = Dataset::builder();
    b.read(
        CowIgo::with_states(states),
        igo.as_bytes(),
        "igo_year_formatv3.csv",
    );
    b.build().strict().unwrap()
}

const IGO: &str = "ioname,orgname,year,alpha,beta,gamma,delta\n\
    ONE,First Organization,1900,1,1,-1,1\n\
    ONE,First Organization,1901,1,-1,1,1\n\
    ONE,First Organization,1902,1,-1,-9,1\n\
    ONE,First Organization,1903,1,-1,1,1\n\
    TWO,Second Organization,1902,1,-1,1,1\n\
    TWO,Second Organization,1903,1,-1,1,1\n";

#[test]
fn a_dyad_that_never_coexisted_in_a_year_is_absent() {
    let states = states();
    let ds = dataset(&states, IGO);
    // Beta left on 30 June 1900, Gamma entered on 1 September: both existed
    // in 1900 on some day, never on the same one.
    let any = Panels::new(&ds, &states, YearRule::AnyDay);
    let pairs: Vec<(u16, u16)> = any
        .dyad_years(1900..=1900)
        .map(|r| (r.ccode1, r.ccode2))
        .collect();
    assert!(!pairs.contains(&(20, 40)), "{pairs:?}");
    assert!(pairs.contains(&(2, 20)) && pairs.contains(&(2, 40)) && pairs.contains(&(20, 90)));
    assert!(
        any.directed_dyad_years(1900..=1900)
            .all(|r| (r.ccode1, r.ccode2) != (40, 20))
    );
    // On 31 December 1900 Beta was gone: no dyad of Beta at all.
    let end = Panels::new(&ds, &states, YearRule::EndOfYear);
    assert!(
        end.dyad_years(1900..=1900)
            .all(|r| r.ccode1 != 20 && r.ccode2 != 20)
    );
    // Delta left on 31 May 1950: no Delta dyad after 1950 under any rule.
    for rule in YearRule::ALL {
        let p = Panels::new(&ds, &states, rule);
        assert!(
            p.dyad_years(1951..=1960).all(|r| r.ccode2 != 90),
            "{rule:?}"
        );
    }
}

#[test]
fn minus_nine_widens_the_possible_count_and_leaves_the_definite_one() {
    let states = states();
    let ds = dataset(&states, IGO);
    let p = Panels::new(&ds, &states, YearRule::EndOfYear);
    let get = |year: i32, a: u16, b: u16| {
        p.dyad_years(year..=year)
            .find(|r| r.ccode1 == a && r.ccode2 == b)
            .unwrap()
    };
    // 1902: Gamma is -9 in ONE and 1 in TWO.
    let r = get(1902, 2, 40);
    assert_eq!((r.igo_full.definite, r.igo_full.max), (1, 2));
    assert_eq!((r.igo_any.definite, r.igo_any.max), (1, 2));
    // Alpha and Delta: both 1 in both, exact.
    let r = get(1902, 2, 90);
    assert_eq!((r.igo_full.definite, r.igo_full.max), (2, 2));
    // 1903: known again.
    let r = get(1903, 2, 40);
    assert_eq!((r.igo_full.definite, r.igo_full.max), (2, 2));
    // The state-year counts say the same.
    let g = p
        .state_igo_years(1902..=1902)
        .find(|r| r.ccode == 40)
        .unwrap();
    assert_eq!((g.full.definite, g.full.max), (1, 2));
    // Restricted to TWO, the -9 is out of sight.
    let two = Panels::new(&ds, &states, YearRule::EndOfYear)
        .organizations(["TWO"])
        .unwrap();
    let r = two
        .dyad_years(1902..=1902)
        .find(|r| (r.ccode1, r.ccode2) == (2, 40))
        .unwrap();
    assert_eq!((r.igo_full.definite, r.igo_full.max), (1, 1));
}

const ATOP: &str = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase,defense,offense,neutral,nonagg,consul\n\
    1001,2,1905,3,1,0,0,0,0,1,0,0,0,1\n\
    1001,40,1905,3,1,0,0,0,0,0,0,1,0,1\n\
    1002,2,1910,0,0,1920,0,0,0,0,0,0,1,0\n\
    1002,90,1910,0,0,1920,0,0,0,0,0,0,1,0\n";

#[test]
fn an_asymmetric_obligation_is_directed() {
    let states = states();
    let ds = dataset(&states, IGO);
    let atop = AtopObligations::read(ATOP.as_bytes(), "atop-member-level.csv").unwrap();
    let p = Panels::new(&ds, &states, YearRule::EndOfYear).atop(&atop);
    let directed: Vec<_> = p.directed_dyad_years(1906..=1906).collect();
    let of = |a: u16, b: u16| {
        directed
            .iter()
            .find(|r| (r.ccode1, r.ccode2) == (a, b))
            .and_then(|r| r.atop)
            .unwrap()
    };
    // Alpha promised to defend Gamma; Gamma only neutrality.
    assert!(of(2, 40).obligations.has(Obligations::DEFENSE));
    assert!(!of(40, 2).obligations.has(Obligations::DEFENSE));
    assert!(of(40, 2).obligations.has(Obligations::NEUTRAL));
    assert!(of(2, 40).alliance && of(40, 2).alliance);
    let r = p
        .dyad_years(1906..=1906)
        .find(|r| (r.ccode1, r.ccode2) == (2, 40))
        .unwrap();
    let a = r.atop.unwrap();
    assert!(
        a.obligations
            .has(Obligations::DEFENSE | Obligations::NEUTRAL | Obligations::CONSUL)
    );
    assert!(!a.obligations.has(Obligations::OFFENSE));
    // Year-precision dates: 1910 entry is on some day of 1910, so the
    // 31 December rule is sure, the 1 January rule only possible.
    let start = Panels::new(&ds, &states, YearRule::StartOfYear).atop(&atop);
    let r = start
        .dyad_years(1910..=1910)
        .find(|r| (r.ccode1, r.ccode2) == (2, 90))
        .unwrap();
    let a = r.atop.unwrap();
    assert!(!a.obligations.has(Obligations::NONAGG) && a.obligations_max.has(Obligations::NONAGG));
    let r = p
        .dyad_years(1910..=1910)
        .find(|r| (r.ccode1, r.ccode2) == (2, 90))
        .unwrap();
    assert!(r.atop.unwrap().obligations.has(Obligations::NONAGG));
    // The CSV has 0/1 columns, either direction.
    let mut out = Vec::new();
    p.write_dyad_years(&mut out, 1906..=1906, false, PanelFormat::Csv)
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let row: Vec<&str> = text
        .lines()
        .find(|l| l.starts_with("2,40,"))
        .unwrap()
        .split(',')
        .collect();
    let col = |n: &str| row[header.iter().position(|h| *h == n).unwrap()];
    assert_eq!(
        (
            col("atop_defense"),
            col("atop_offense"),
            col("atop_neutral")
        ),
        ("1", "0", "1")
    );
    let mut out = Vec::new();
    p.write_dyad_years(&mut out, 1906..=1906, true, PanelFormat::JsonLines)
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("{\"ccode1\":40,\"ccode2\":2,"))
        .unwrap();
    assert!(
        line.contains("\"atop_defense\":0") && line.contains("\"atop_neutral\":1"),
        "{line}"
    );
}

#[test]
fn the_year_rule_sets_the_first_and_last_years() {
    // Delta: 1900-03-01 to 1950-05-31.
    let states = states();
    let ds = dataset(&states, IGO);
    let span = |rule| {
        let years: Vec<i32> = Panels::new(&ds, &states, rule)
            .state_years(1890..=1960)
            .filter(|r| r.ccode == 90)
            .map(|r| r.year)
            .collect();
        (years[0], *years.last().unwrap(), years.len())
    };
    assert_eq!(span(YearRule::StartOfYear), (1901, 1950, 50));
    assert_eq!(span(YearRule::MidYear), (1900, 1949, 50));
    assert_eq!(span(YearRule::EndOfYear), (1900, 1949, 50));
    assert_eq!(span(YearRule::AnyDay), (1900, 1950, 51));
    // 306 of 365 days in 1900, 151 of 365 in 1950.
    assert_eq!(span(YearRule::MostDays), (1900, 1949, 50));
}

#[test]
fn most_days_in_the_org_state_year_panel() {
    use membership_history::bundled;
    let ds = bundled();
    // Uzbekistan returned on 2006-08-16 or 06-23 (sources differ) and
    // suspended its participation on 2012-06-28 or 12-19: a member for
    // certain on fewer than half of either year's days, possibly on more.
    let code = |year| {
        ds.cow_code("CSTO", "UZB", year, YearRule::MostDays, None)
            .unwrap()
    };
    assert_eq!(code(1999), 0); // to 1999-04-20: 110 days
    assert_eq!(code(2006), -9);
    assert_eq!(code(2007), 1);
    assert_eq!(code(2012), -9);
    assert_eq!(code(2013), 0);
}
