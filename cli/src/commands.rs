//! The commands: each turns its arguments into a table (or a text) from
//! the library's one query surface.

use chrono::NaiveDate;
use std::io::Write as _;

use membership_history::{
    Answer, AtopObligations, Certainty, Dataset, PanelFormat, Panels, PartyKind, STATE_IGO_COLUMNS,
    STATE_YEAR_COLUMNS, YearRule, parse_day,
};
use serde::Serialize;

use crate::fail::Failure;
use crate::table::{Cell, Table};
use crate::{Args, Format, load, svg};

/// Runs the command `args` names; `usage` is its help text.
pub fn run(args: &Args, usage: &str) -> Result<String, Failure> {
    let want = |n: usize| -> Result<&[String], Failure> {
        if args.positional.len() == n {
            Ok(&args.positional)
        } else {
            let first = usage.lines().next().unwrap_or(usage);
            Err(Failure::usage(format!(
                "`mh {}` takes {n} argument{} ({first})",
                args.command,
                if n == 1 { "" } else { "s" },
            )))
        }
    };
    if (!args.orgs.is_empty()
        || !args.parties.is_empty()
        || args.rule.is_some()
        || args.kind.is_some()
        || args.atop_alliances.is_some())
        && args.command != "panel"
    {
        return Err(Failure::usage(
            "--org, --party, --rule, --kind and --atop-alliances belong to `mh panel`",
        ));
    }
    if args.command == "panel" && args.kind.as_deref().is_some_and(|k| k != "org-state") {
        let [from, to] = want(2)? else { unreachable!() };
        return state_panel(args, from, to);
    }
    if args.atop_alliances.is_some() {
        return Err(Failure::usage(
            "--atop-alliances belongs to `mh panel --kind dyad` or `dyad-directed`",
        ));
    }
    let loaded = args.sources.load()?;
    let ds: &Dataset = &loaded.ds;
    let out = match args.command.as_str() {
        "members" => {
            let [org, date] = want(2)? else {
                unreachable!()
            };
            let date = day(date)?;
            note_coverage(ds, org, date)?;
            let mut answers: Vec<Answer<'_>> = ds.members_on(org.as_str(), date)?.collect();
            answers.sort_by(|a, b| a.party().code().cmp(b.party().code()));
            Output::answers(answers, Some(members_title(ds, org, date, args)))
        }
        "status" => {
            let [org, party, date] = want(3)? else {
                unreachable!()
            };
            let date = day(date)?;
            note_coverage(ds, org, date)?;
            let a = ds.status_on(org.as_str(), party.as_str(), date)?;
            Output::answers(vec![a], None)
        }
        "orgs" => {
            let [party, date] = want(2)? else {
                unreachable!()
            };
            let mut answers: Vec<Answer<'_>> =
                ds.organizations_of(party.as_str(), day(date)?)?.collect();
            answers.sort_by(|a, b| a.organization().id().cmp(b.organization().id()));
            Output::orgs(answers)
        }
        "explain" => {
            let [org, party, date] = want(3)? else {
                unreachable!()
            };
            let e = ds.explain(org.as_str(), party.as_str(), day(date)?)?;
            let text = e.to_string();
            return match args.format {
                Format::Csv => Err(Failure::usage(
                    "`mh explain` is a text: use --json, or `mh status --csv`",
                )),
                Format::Json => Ok(pretty(&Explained {
                    answer: e.answer(),
                    explanation: &text,
                })),
                Format::Table => Ok(ensure_newline(text)),
            };
        }
        "timeline" => {
            let [org, party] = want(2)? else {
                unreachable!()
            };
            Output::table(timeline(ds, org, party)?)
        }
        "changes" => {
            let [org, from, to] = want(3)? else {
                unreachable!()
            };
            Output::table(changes(ds, org, day(from)?, day(to)?)?)
        }
        "panel" => {
            let [from, to] = want(2)? else { unreachable!() };
            Output::table(panel(ds, args, from, to, loaded.states.as_ref())?)
        }
        "svg" => {
            let [org] = want(1)? else { unreachable!() };
            if args.format != Format::Table {
                return Err(Failure::usage(
                    "`mh svg` writes SVG only (no --json or --csv)",
                ));
            }
            return svg::render(ds, org, today());
        }
        "search" => {
            let [text] = want(1)? else { unreachable!() };
            let t = search(ds, text);
            if t.rows.is_empty() {
                return Err(Failure::nothing(format!("nothing matches `{text}`")));
            }
            Output::table(t)
        }
        other => return Err(Failure::usage(format!("unknown command `{other}`"))),
    };
    Ok(out.render(args.format))
}

/// `mh explain --json`: the answer's object and the text.
#[derive(Serialize)]
struct Explained<'a> {
    #[serde(flatten)]
    answer: &'a Answer<'a>,
    explanation: &'a str,
}

/// `mh orgs --json`: the organization, then the answer's object.
#[derive(Serialize)]
struct OfParty<'a> {
    org: &'a str,
    org_name: &'a str,
    #[serde(flatten)]
    answer: &'a Answer<'a>,
}

/// A table, perhaps a title over it (text only), perhaps JSON of its own
/// (the answers' contract, in its field order) instead of the table's
/// objects.
struct Output {
    title: Option<String>,
    table: Table,
    json: Option<String>,
}

impl Output {
    fn table(table: Table) -> Output {
        Output {
            title: None,
            table,
            json: None,
        }
    }

    /// Answers: the columns and the JSON of the answers' contract.
    fn answers(answers: Vec<Answer<'_>>, title: Option<String>) -> Output {
        let mut table = Table::new(&Answer::FIELDS);
        for a in &answers {
            table.push(answer_cells(a));
        }
        let json = Some(match &answers[..] {
            // One answer (`mh status`): one object, not an array of one.
            [one] if title.is_none() => pretty(one),
            all => pretty(&all),
        });
        Output { title, table, json }
    }

    /// A party's organizations: the organization first, then the answer.
    fn orgs(answers: Vec<Answer<'_>>) -> Output {
        let mut header = vec!["org", "org_name"];
        header.extend(Answer::FIELDS);
        let mut table = Table::new(&header);
        let mut json = Vec::new();
        for a in &answers {
            let org = a.organization();
            let name = org.name_on(a.date()).unwrap_or(org.current_name());
            let mut row = vec![Cell::text(org.id()), Cell::text(name)];
            row.extend(answer_cells(a));
            table.push(row);
            json.push(OfParty {
                org: org.id(),
                org_name: name,
                answer: a,
            });
        }
        let json = Some(pretty(&json));
        Output {
            title: None,
            table,
            json,
        }
    }

    fn render(self, format: Format) -> String {
        match format {
            Format::Table => match self.title {
                Some(t) => format!("{t}\n{}", self.table.text()),
                None => self.table.text(),
            },
            Format::Csv => self.table.csv(),
            Format::Json => self.json.unwrap_or_else(|| self.table.json()),
        }
    }
}

fn answer_cells(a: &Answer<'_>) -> Vec<Cell> {
    let unknown = a.certainty() == Certainty::Unknown;
    vec![
        Cell::text(a.party().code()),
        Cell::text(a.party().name()),
        a.party()
            .cow_code()
            .map_or(Cell::None, |c| Cell::Int(c.into())),
        Cell::opt(a.status()),
        a.member().map_or(Cell::None, Cell::Bool),
        Cell::text(a.certainty().to_string()),
        Cell::text(a.status_certainty().to_string()),
        Cell::opt(a.since()),
        if unknown {
            Cell::opt(a.known_until())
        } else {
            Cell::None
        },
    ]
}

fn members_title(ds: &Dataset, org: &str, date: NaiveDate, args: &Args) -> String {
    let o = ds.organization(org);
    let name = o.and_then(|o| o.name_on(date).or(Some(o.current_name())));
    let id = o.map_or(org, |o| o.id());
    let answers: Vec<Answer<'_>> = ds
        .members_on(org, date)
        .map(|m| m.collect())
        .unwrap_or_default();
    let count = |c: Certainty| answers.iter().filter(|a| a.certainty() == c).count();
    let definite = answers.iter().filter(|a| a.is_definite_member()).count();
    let _ = args;
    format!(
        "{} ({id}) on {date}: {definite} definite members, {} possible, {} unknown, {} with another status",
        name.unwrap_or(id),
        count(Certainty::Possible),
        count(Certainty::Unknown),
        answers.len() - definite - count(Certainty::Possible) - count(Certainty::Unknown),
    )
}

/// Past the organization's coverage nothing is known, and parties that
/// joined later are missing: say so on stderr (stdout stays data).
fn note_coverage(ds: &Dataset, org: &str, date: NaiveDate) -> Result<(), Failure> {
    if let Some(end) = ds.known_until(org)?.filter(|&end| date > end) {
        let id = ds.organization(org).map_or(org, |o| o.id());
        eprintln!(
            "note: the data for {id} ends on {end}; answers after it are unknown (parties that joined later are not listed)"
        );
    }
    Ok(())
}

fn timeline(ds: &Dataset, org: &str, party: &str) -> Result<Table, Failure> {
    let tl = ds.timeline(org, party)?;
    let mut t = Table::new(&[
        "status",
        "from",
        "until",
        "opened_by",
        "closed_by",
        "sources",
    ]);
    let event = |id| {
        ds.event(id).map(|e| {
            format!(
                "{} {}",
                e.kind(),
                e.readings()
                    .first()
                    .map_or(String::new(), |r| r.date().to_string())
            )
        })
    };
    let mut rows: Vec<(NaiveDate, Vec<Cell>)> = Vec::new();
    for s in tl.spells() {
        let opened = ds.event(s.opened_by());
        let mut sources: Vec<&str> = opened
            .into_iter()
            .chain(s.closed_by().and_then(|c| ds.event(c)))
            .flat_map(|e| {
                e.readings()
                    .iter()
                    .flat_map(|r| r.sources().iter().map(String::as_str))
            })
            .collect();
        sources.sort_unstable();
        sources.dedup();
        rows.push((
            s.start(),
            vec![
                Cell::text(s.status().to_string()),
                Cell::text(s.start_date().to_string()),
                Cell::opt(s.end_date()),
                Cell::opt(event(s.opened_by())),
                Cell::opt(s.closed_by().and_then(event)),
                Cell::text(sources.join(";")),
            ],
        ));
    }
    for u in tl.unknowns() {
        rows.push((
            u.span().start(),
            vec![
                Cell::text("unknown"),
                Cell::text(u.span().start().to_string()),
                Cell::opt(u.span().end().and_then(|e| e.pred_opt())),
                Cell::text(u.note()),
                Cell::None,
                Cell::text(u.sources().join(";")),
            ],
        ));
    }
    rows.sort_by_key(|r| r.0);
    for (_, r) in rows {
        t.push(r);
    }
    Ok(t)
}

fn changes(ds: &Dataset, org: &str, from: NaiveDate, to: NaiveDate) -> Result<Table, Failure> {
    let mut t = Table::new(&["date", "code", "name", "event", "before", "after"]);
    for c in ds.changes_between(org, from, to)? {
        let e = c.event();
        let date = e
            .readings()
            .first()
            .map_or(c.day().to_string(), |r| r.date().to_string());
        t.push(vec![
            Cell::text(date),
            Cell::text(c.party().code()),
            Cell::text(c.party().name()),
            Cell::text(e.kind().to_string()),
            Cell::opt(c.before()),
            Cell::opt(c.after()),
        ]);
    }
    Ok(t)
}

/// The panel's years, checked.
fn years(from: &str, to: &str) -> Result<(i32, i32), Failure> {
    let year = |s: &str| {
        s.parse::<i32>()
            .ok()
            .filter(|y| (1..=9999).contains(y) && s.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| Failure::usage(format!("`{s}` is not a year (1 to 9999)")))
    };
    let (from, to) = (year(from)?, year(to)?);
    if to < from {
        return Err(Failure::usage(format!(
            "the panel ends ({to}) before it starts ({from})"
        )));
    }
    Ok((from, to))
}

/// `--rule`.
fn rule(args: &Args) -> Result<YearRule, Failure> {
    Ok(match args.rule.as_deref() {
        None | Some("end-of-year") => YearRule::EndOfYear,
        Some("mid-year") => YearRule::MidYear,
        Some("start-of-year") => YearRule::StartOfYear,
        Some("any-day") => YearRule::AnyDay,
        Some("most-days") => YearRule::MostDays,
        Some(r) => {
            return Err(Failure::usage(format!(
                "unknown --rule `{r}` (end-of-year, mid-year, start-of-year, any-day or most-days)"
            )));
        }
    })
}

/// `mh panel --kind state|state-igo|dyad|dyad-directed`: the panels of the
/// state list, streamed by the library as CSV (`--csv`) or JSON lines
/// (`--json`), or shown as a table. `--atop` files give the dyads'
/// obligations (they are not counted as organizations).
fn state_panel(args: &Args, from: &str, to: &str) -> Result<String, Failure> {
    let kind = args.kind.as_deref().unwrap_or("org-state");
    if !matches!(kind, "state" | "state-igo" | "dyad" | "dyad-directed") {
        return Err(Failure::usage(format!(
            "unknown --kind `{kind}` (org-state, state, state-igo, dyad or dyad-directed)"
        )));
    }
    let dyad = kind.starts_with("dyad");
    if !args.parties.is_empty() {
        return Err(Failure::usage(
            "--party belongs to `mh panel --kind org-state`",
        ));
    }
    if !dyad && (!args.sources.atop.is_empty() || args.atop_alliances.is_some()) {
        return Err(Failure::usage(
            "--atop and --atop-alliances belong to `--kind dyad` or `dyad-directed` here",
        ));
    }
    if args.sources.states.is_none() {
        return Err(Failure::usage(format!(
            "`mh panel --kind {kind}` needs the state list: --states states2016.csv"
        )));
    }
    let (from, to) = years(from, to)?;
    let rule = rule(args)?;
    let counted = load::Sources {
        atop: Vec::new(),
        ..args.sources.clone()
    };
    let loaded = counted.load_with(true)?;
    let ds: &Dataset = &loaded.ds;
    let states = loaded
        .states
        .as_ref()
        .ok_or_else(|| Failure::usage("--states"))?;
    let atop = match args.sources.atop.as_slice() {
        [] if args.atop_alliances.is_some() => {
            return Err(Failure::usage(
                "--atop-alliances goes with --atop (the member-level file)",
            ));
        }
        [] => None,
        [path] => Some(AtopObligations::read_path(path)?),
        _ => return Err(Failure::usage("give one --atop file for the dyad panel")),
    };
    let mut panels = Panels::new(ds, states, rule);
    if !args.orgs.is_empty() {
        panels = panels.organizations(args.orgs.iter())?;
    }
    if let Some(atop) = &atop {
        if let Some(path) = &args.atop_alliances {
            let mut err = std::io::stderr().lock();
            for d in atop.check_alliances_path(path)? {
                let _ = writeln!(err, "note: {d}");
            }
        }
        panels = panels.atop(atop);
    }
    let format = match args.format {
        Format::Json => PanelFormat::JsonLines,
        _ => PanelFormat::Csv,
    };
    let mut out = Vec::new();
    let years = from..=to;
    match kind {
        "state" => panels.write_state_years(&mut out, years, format)?,
        "state-igo" => panels.write_state_igo_years(&mut out, years, format)?,
        _ => panels.write_dyad_years(&mut out, years, kind == "dyad-directed", format)?,
    };
    let text = String::from_utf8(out).map_err(|e| Failure::usage(e.to_string()))?;
    if args.format != Format::Table {
        return Ok(text);
    }
    // People get the aligned table (CSV fields here are numbers and
    // abbreviations: no quoting).
    let header = match kind {
        "state" => STATE_YEAR_COLUMNS.to_vec(),
        "state-igo" => STATE_IGO_COLUMNS.to_vec(),
        _ => panels.dyad_columns(),
    };
    let lines = text.lines().skip(1);
    let mut t = Table::new(&header);
    for l in lines {
        t.push(
            l.split(',')
                .map(|v| v.parse::<i64>().map_or_else(|_| Cell::text(v), Cell::Int))
                .collect(),
        );
    }
    Ok(Output::table(t).render(Format::Table))
}

fn panel(
    ds: &Dataset,
    args: &Args,
    from: &str,
    to: &str,
    states: Option<&membership_history::CowStates>,
) -> Result<Table, Failure> {
    let (from, to) = years(from, to)?;
    let rule = rule(args)?;
    // Resolve the filters first, so that a misspelt one is an error with
    // suggestions, not an empty panel.
    let mut orgs = Vec::new();
    for o in &args.orgs {
        ds.known_until(o.as_str())?;
        orgs.extend(ds.organization(o.as_str()).map(|o| o.id().to_string()));
    }
    let mut parties = Vec::new();
    for p in &args.parties {
        ds.organizations_of(p.as_str(), "2000-01-01")?;
        parties.extend(ds.party(p.as_str()).map(|p| p.code().to_string()));
    }
    let mut t = Table::new(&["org", "member", "ccode", "year", "code"]);
    for r in ds.panel(from..=to, rule, states) {
        if (orgs.is_empty() || orgs.iter().any(|o| o == r.org))
            && (parties.is_empty() || parties.iter().any(|p| p == r.member))
        {
            t.push(vec![
                Cell::text(r.org),
                Cell::text(r.member),
                r.ccode.map_or(Cell::None, |c| Cell::Int(c.into())),
                Cell::Int(r.year.into()),
                Cell::Int(r.code.into()),
            ]);
        }
    }
    Ok(t)
}

fn search(ds: &Dataset, text: &str) -> Table {
    let needle = text.trim().to_lowercase();
    let hit = |s: &str| !needle.is_empty() && s.to_lowercase().contains(&needle);
    let mut t = Table::new(&["kind", "id", "name", "matched"]);
    for o in ds.organizations() {
        let matched = std::iter::once(o.id())
            .chain(o.names().iter().map(|n| n.name()))
            .find(|s| hit(s));
        if let Some(m) = matched {
            t.push(vec![
                Cell::text("organization"),
                Cell::text(o.id()),
                Cell::text(o.current_name()),
                Cell::text(m),
            ]);
        }
    }
    // Organizations that are members elsewhere are listed above.
    for p in ds.parties().iter().filter(|p| p.kind() == PartyKind::State) {
        let cow = p.cow_code().map(|c| c.to_string());
        let matched = [
            Some(p.code()),
            Some(p.name()),
            p.cow_abbreviation(),
            cow.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find(|s| hit(s));
        if let Some(m) = matched {
            t.push(vec![
                Cell::text("state"),
                Cell::text(p.code()),
                Cell::text(p.name()),
                Cell::text(m),
            ]);
        }
    }
    t
}

/// A date argument: `YYYY-MM-DD`, or `today`.
fn day(s: &str) -> Result<NaiveDate, Failure> {
    if s.eq_ignore_ascii_case("today") {
        return Ok(today());
    }
    Ok(parse_day(s)?)
}

/// Today (UTC), from the system clock.
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default() + chrono::Days::new(secs / 86_400)
}

fn pretty(v: &impl Serialize) -> String {
    ensure_newline(serde_json::to_string_pretty(v).unwrap_or_default())
}

fn ensure_newline(mut s: String) -> String {
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}
