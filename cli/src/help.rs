//! The help texts: one per command, each with an example.

pub const MAIN: &str = "\
mh: who was a member of an organization on a date, and why

usage: mh COMMAND [ARGS] [DATA] [--json | --csv]

commands:
  members ORG DATE             who, with status, certainty and since
  status ORG PARTY DATE        one party's status, three-valued
  timeline ORG PARTY           one party's spells, events and gaps
  explain ORG PARTY DATE       the answer, its readings and sources
  orgs PARTY DATE              every organization of a party
  changes ORG FROM TO          who joined, left or changed status
  panel FROM_YEAR TO_YEAR      panels: org-state-year (COW codes), state-, dyad-year
  svg ORG                      the timeline picture (SVG on stdout)
  search TEXT                  organizations and parties by id, alias or name

data (the bundled CST/CSTO set by default; repeatable, combinable):
  --data DIR        tables in the bundled format
  --atop FILE       an ATOP member-level file (atop-member-level.csv)
  --cow-igo FILE    a COW IGO igo-year file (igo_year_formatv3.csv)
  --states FILE     the COW state system (states2016.csv): codes, names, days
  --lenient         keep the valid rows of bad files; every problem on stderr

output: an aligned table; --json (objects) or --csv (a header row).
names: ids, aliases and names in any case; a COW number or abbreviation
(365, RUS); near misses are suggested.
dates: YYYY-MM-DD, or `today`.
exit codes: 0 an answer, 1 no such organization or party, 2 bad input.

example: mh members CSTO 2008-01-01
see also: mh COMMAND --help";

pub const COMMANDS: [&str; 9] = [
    "members", "status", "timeline", "explain", "orgs", "changes", "panel", "svg", "search",
];

const MEMBERS: &str = "\
usage: mh members ORG DATE [DATA] [--json | --csv]

Every party with a status in ORG on DATE, or about which the data says
nothing that day: code, name, COW code, status, member (true, false, or
empty when unknown), certainty (definite, possible, unknown: about
membership), status_certainty (about the status word), since (at its known
precision: 2013, 1993-09, …) and, for an unknown, known_until. A date past
the data's coverage is noted on stderr.

example: mh members CSTO 2008-01-01
example: mh members NATO 1990-07-01 --cow-igo igo_year_formatv3.csv --states states2016.csv --csv";

const STATUS: &str = "\
usage: mh status ORG PARTY DATE [DATA] [--json | --csv]

PARTY's status in ORG on DATE, three-valued, with the columns of `mh
members`: never an error for a party with no record there (that is a
definite \"no status\", or unknown past the data's coverage).

example: mh status CSTO ARM 2024-02-22";

const TIMELINE: &str = "\
usage: mh timeline ORG PARTY [DATA] [--json | --csv]

PARTY's history in ORG: one row per spell (status, from, until, the events
that opened and closed it) and per stretch the data does not cover (status
`unknown`).

example: mh timeline CSTO UZB";

const EXPLAIN: &str = "\
usage: mh explain ORG PARTY DATE [DATA] [--json]

The answer of `mh status`, and why: the spells under each reading of the
dates, the events that open and close them, their sources; where the data
ends. --json gives the answer's object with an `explanation` text.

example: mh explain CSTO GEO 1993-10-01";

const ORGS: &str = "\
usage: mh orgs PARTY DATE [DATA] [--json | --csv]

Every organization in which PARTY had a status on DATE, or about which the
data says nothing that day, with the columns of `mh members` after the
organization's id and name.

example: mh orgs RUS 2010-01-01";

const CHANGES: &str = "\
usage: mh changes ORG FROM TO [DATA] [--json | --csv]

Every event in ORG from FROM to TO (both included) that changed a party's
status: date (at its known precision), code, name, event, before, after.

example: mh changes CSTO 1999-01-01 2013-01-01";

const PANEL: &str = "\
usage: mh panel FROM_YEAR TO_YEAR [--kind KIND] [--org ORG]... [--party PARTY]... [--rule RULE] [DATA] [--atop-alliances FILE] [--csv | --json]

A panel for R, Stata and pandas. KIND is one of:
  org-state      (the default) one row per organization, party and year for
                 every party that ever had a status, with the COW code of the
                 year (1 full member, 2 associate, 3 observer, 0 none, -9
                 unknown, -1 not a state that year, from the --states list)
  state          one row per state of --states per year it existed:
                 ccode,stateabb,year
  state-igo      per state-year, the organizations in which it was a full
                 member, associate, observer, any: sum_igo_full and
                 sum_igo_full_max (definite count and upper bound), ...
  dyad           every pair of states that both existed in the year
                 (ccode1 < ccode2): igo_full, igo_full_max, igo_any,
                 igo_any_max, and with --atop FILE the ATOP obligations
                 (atop_defense ... atop_consul, 0/1, either direction)
  dyad-directed  both orders of each pair; ATOP obligations of ccode1
                 toward ccode2
The state-year and dyad kinds need --states; --org limits the
organizations counted; --atop files give obligations (not counted as
organizations), --atop-alliances checks them against the alliance-level
file (notes on stderr). --csv writes CSV, --json JSON lines.

RULE says which days of a year count: end-of-year (31 December, COW's
reading; the default), mid-year, start-of-year, any-day or most-days (a
majority of the year's days).

example: mh panel 1992 2000 --org CSTO --csv
example: mh panel 1816 2014 --kind dyad --states states2016.csv --cow-igo igo_year_formatv3.csv --csv";

const SVG: &str = "\
usage: mh svg ORG [DATA] > org.svg

ORG's membership timeline as an SVG picture: a row per member, bars by
status, uncertain dates and missing data hatched, the data's end marked.

example: mh svg CSTO > csto.svg";

const SEARCH: &str = "\
usage: mh search TEXT [DATA] [--json | --csv]

Organizations and parties whose id, code, alias, name or COW abbreviation
contains TEXT (in any case): kind, id, name, and what matched.

example: mh search warsaw --cow-igo igo_year_formatv3.csv";

/// The help text of a command.
pub fn of(command: &str) -> Option<&'static str> {
    Some(match command {
        "members" => MEMBERS,
        "status" => STATUS,
        "timeline" => TIMELINE,
        "explain" => EXPLAIN,
        "orgs" => ORGS,
        "changes" => CHANGES,
        "panel" => PANEL,
        "svg" => SVG,
        "search" => SEARCH,
        _ => return None,
    })
}
