"""Who was a member of an organization on a date, as data frames.

The Python face of the Rust crate ``membership-history``: the same
three-valued answers (definite, possible, unknown), the same sources
(the bundled CST/CSTO data, ATOP, COW IGO, the COW state list), as pandas
data frames by default or polars ones with ``frame="polars"``.

>>> import membership_history as mh
>>> ds = mh.bundled()
>>> df = ds.members_on("CSTO", "2008-01-01")
>>> list(df.columns)
['code', 'name', 'cow', 'status', 'member', 'certainty', 'status_certainty', 'since', 'known_until']
>>> df.set_index("code").loc["UZB", ["status", "since"]].tolist()
['member', '2006-08-16']
"""

from __future__ import annotations

import datetime as _dt
import os as _os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _native
from ._native import BUNDLED_VERIFIED_AS_OF, BUNDLED_VERSION, Error

__all__ = [
    "BUNDLED_VERIFIED_AS_OF",
    "BUNDLED_VERSION",
    "Dataset",
    "Error",
    "Explanation",
    "States",
    "Timeline",
    "bundled",
    "example",
    "load",
    "read_atop",
    "read_cow_igo",
    "read_dir",
    "read_states",
]

DateLike = Union[str, _dt.date]
PathLike = Union[str, "_os.PathLike[str]"]

# Column types: nullable where the crate's answer can be "none". Everything
# not listed is text (dates stay text at their known precision: "2013",
# "1993-09", "1993-12-09"; no day is invented).
_ANSWER = {"bools": ("member",), "ints": ("cow",)}


def _day(date: DateLike) -> str:
    if isinstance(date, _dt.datetime):
        date = date.date()
    if isinstance(date, _dt.date):
        return date.isoformat()
    if isinstance(date, str):
        return date
    raise TypeError(f"a date is a datetime.date or an ISO string, not {type(date).__name__}")


def _path(p: PathLike) -> str:
    return _os.fspath(p)


def _frame(
    columns: Dict[str, list], frame: str, ints: Sequence[str] = (), bools: Sequence[str] = ()
) -> Any:
    """A data frame of ``columns`` (a dict of equal-length lists): ``ints``
    nullable integers, ``bools`` nullable booleans, the rest text; a column
    given as ``bytes`` is an ``int64`` array without nulls (the panels)."""
    if any(isinstance(v, bytes) for v in columns.values()):
        import numpy as np

        columns = {
            k: np.frombuffer(v, dtype=np.int64) if isinstance(v, bytes) else v
            for k, v in columns.items()
        }
    if frame == "pandas":
        import pandas as pd

        data = {}
        for name, values in columns.items():
            if not isinstance(values, list):
                data[name] = values  # an int64 array
            elif name in bools:
                data[name] = pd.array(values, dtype="boolean")
            elif name in ints:
                data[name] = pd.array(values, dtype="Int64")
            else:
                data[name] = values
        return pd.DataFrame(data, columns=list(columns))
    if frame == "polars":
        import polars as pl

        schema = {}
        for name, values in columns.items():
            if name in bools:
                schema[name] = pl.Boolean
            elif name in ints or not isinstance(values, list):
                schema[name] = pl.Int64
            else:
                schema[name] = pl.Utf8
        return pl.DataFrame(columns, schema=schema)
    raise ValueError(f"frame is 'pandas' or 'polars', not {frame!r}")


def _states(states: Union["States", PathLike, None]) -> Optional[_native.States]:
    if states is None:
        return None
    if isinstance(states, States):
        return states._native
    return _native.read_states(_path(states))


def _paths(p: Union[PathLike, Sequence[PathLike], None]) -> List[str]:
    if p is None:
        return []
    if isinstance(p, (str, _os.PathLike)):
        return [_path(p)]
    return [_path(x) for x in p]


class States:
    """A COW state list (``states2016.csv``): COW codes and each state's days
    in the state system.

    >>> import membership_history as mh
    >>> states = mh.read_states(mh.example("states2016-excerpt.csv"))
    >>> len(states) > 0
    True
    """

    def __init__(self, native: _native.States):
        self._native = native

    def __len__(self) -> int:
        return len(self._native)

    @property
    def problems(self) -> List[Error]:
        """The problems lenient reading skipped (empty when read strictly)."""
        return self._native.problems

    def to_frame(self, frame: str = "pandas") -> Any:
        """Columns ``ccode, stateabb, name``."""
        return _frame(self._native.columns(), frame, ints=("ccode",))

    def __repr__(self) -> str:
        return f"<membership_history.States: {len(self)} states>"


class Timeline:
    """One party in one organization: spells, events, gaps, member days."""

    def __init__(self, raw: Dict[str, Any], frame: str):
        self.org: str = raw["org"]
        self.code: str = raw["code"]
        self.name: str = raw["name"]
        self.known_until: Optional[str] = raw["known_until"]
        #: The spells: ``status, start, end, start_date, end_date, opened_by, closed_by``
        #: (``start``/``end`` the preferred days, ``end`` exclusive; ``*_date`` as sourced).
        self.spells = _frame(raw["spells"], frame)
        #: Every reading of every event: ``event, kind, reading, date, sources, note``.
        self.events = _frame(raw["events"], frame, ints=("reading",))
        #: Where the data says nothing: ``start, end, note, sources``.
        self.unknowns = _frame(raw["unknowns"], frame)
        #: The member days as interval sets (``"1992-05-15..1999-04-21, 2006-08-16.."``):
        #: ``preferred``, ``definite``, ``possible``, ``unknown``.
        self.member_days: Dict[str, str] = raw["member_days"]

    def __repr__(self) -> str:
        return f"<Timeline {self.org} {self.code}: {len(self.spells)} spells>"


class Explanation:
    """Why a party has the status it has: :attr:`text` is the crate's
    explanation, :attr:`answer` the answer (a dict), :attr:`candidates` the
    spells the date may fall in, each with its certainty and sources.
    ``str(explanation)`` is the text."""

    def __init__(self, text: str, answer: Dict[str, Any], candidates: Any):
        self.text = text
        self.answer = answer
        self.candidates = candidates

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<Explanation {self.answer['org']} {self.answer['code']} {self.answer['date']}>"


class Dataset:
    """Organizations, parties and their sourced membership histories: the one
    query surface. Get one from :func:`bundled`, :func:`load`,
    :func:`read_atop`, :func:`read_cow_igo` or :func:`read_dir`.

    Every query method takes ``frame="pandas"`` (the default) or
    ``frame="polars"``; dates are a ``datetime.date`` or an ISO string.
    """

    def __init__(self, native: _native.Dataset, problems: Sequence[Error] = ()):
        self._native = native
        self._problems = list(problems)

    def __repr__(self) -> str:
        return f"<membership_history.Dataset: {len(self.organizations())} organizations>"

    @property
    def problems(self) -> List[Error]:
        """What lenient loading left out, one :class:`Error` per problem
        (each with ``file``, ``line``, ``field``); empty for strict loading.
        The state list's problems come first, then the files' in the order
        read."""
        return self._problems + self._native.problems

    @property
    def states(self) -> Optional[States]:
        """The state list the data was read with, if any."""
        s = self._native.states
        return States(s) if s is not None else None

    def organizations(self) -> List[Tuple[str, str]]:
        """``(id, current name)`` of every organization.

        >>> import membership_history as mh
        >>> ("CSTO", "Collective Security Treaty Organization") in mh.bundled().organizations()
        True
        """
        return self._native.organizations()

    def parties(self, frame: str = "pandas") -> Any:
        """Every party: ``code, name, cow, kind``."""
        return _frame(self._native.parties(), frame, ints=("cow",))

    def known_until(self, org: str) -> Optional[str]:
        """The last day the data covers for ``org`` (ISO), ``None`` if open."""
        return self._native.known_until(org)

    def members_on(self, org: str, date: DateLike, frame: str = "pandas") -> Any:
        """Every party with a status in ``org`` on ``date`` under some reading,
        or about which the data is silent that day, one row each, with the
        columns of the crate's JSON contract: ``code, name, cow, status,
        member, certainty, status_certainty, since, known_until``.

        >>> import membership_history as mh
        >>> df = mh.bundled().members_on("CSTO", "1993-10-01")
        >>> geo = df.set_index("code").loc["GEO"]
        >>> bool(geo.member), geo.certainty
        (False, 'possible')
        """
        return _frame(self._native.members_on(org, _day(date)), frame, **_ANSWER)

    def status_on(self, org: str, party: str, date: DateLike) -> Dict[str, Any]:
        """The answer for one party on one day, as a dict (the JSON contract's
        keys, with ``org``, ``date`` and ``basis``).

        >>> import membership_history as mh
        >>> a = mh.bundled().status_on("CSTO", "ARM", "2024-02-22")
        >>> a["member"], a["certainty"], a["status"], a["status_certainty"]
        (True, 'definite', 'frozen', 'possible')
        """
        return self._native.status_on(org, party, _day(date))

    def organizations_of(self, party: str, date: DateLike, frame: str = "pandas") -> Any:
        """Every organization of ``party`` on ``date``: ``org, org_name`` then
        the answer's columns.

        >>> import membership_history as mh
        >>> mh.bundled().organizations_of("RUS", "2010-01-01")["org"].tolist()
        ['CSTO']
        """
        return _frame(self._native.organizations_of(party, _day(date)), frame, **_ANSWER)

    def timeline(self, org: str, party: str, frame: str = "pandas") -> Timeline:
        """The spells, events, gaps and member days of one party in one
        organization.

        >>> import membership_history as mh
        >>> tl = mh.bundled().timeline("CSTO", "UZB")
        >>> tl.spells[["status", "start", "end"]].values.tolist()[:2]
        [['member', '1992-05-15', '1998-01-01'], ['frozen', '1998-01-01', '1999-04-21']]
        """
        return Timeline(self._native.timeline(org, party), frame)

    def changes_between(
        self, org: str, start: DateLike, end: DateLike, frame: str = "pandas"
    ) -> Any:
        """Who joined, left or changed status in ``org`` from ``start`` to
        ``end``: ``day, date, code, name, event, kind, before, after, joined,
        left`` (``date`` as sourced, ``day`` the preferred day).

        >>> import membership_history as mh
        >>> ch = mh.bundled().changes_between("CSTO", "2012-01-01", "2013-01-01")
        >>> ch[["code", "before", "after"]].values.tolist()
        [['UZB', 'member', 'suspended']]
        """
        return _frame(
            self._native.changes_between(org, _day(start), _day(end)),
            frame,
            bools=("joined", "left"),
        )

    def explain(self, org: str, party: str, date: DateLike, frame: str = "pandas") -> Explanation:
        """Why ``party`` has the status it has in ``org`` on ``date``: the
        crate's readable text and the structured form.

        >>> import membership_history as mh
        >>> e = mh.bundled().explain("CSTO", "GEO", "1993-10-01")
        >>> "since 1993-09-09 by the reading of WP-RU" in e.text
        True
        >>> e.answer["certainty"], e.candidates["certainty"].tolist()
        ('possible', ['possible'])
        """
        text, answer, candidates = self._native.explain(org, party, _day(date))
        return Explanation(text, answer, _frame(candidates, frame))

    def panel(
        self,
        start: int,
        end: int,
        *,
        rule: str = "end-of-year",
        states: Union[States, PathLike, None] = None,
        path: Optional[PathLike] = None,
        frame: str = "pandas",
    ) -> Any:
        """The org-state-year panel in COW coding (``org, member, ccode, year,
        code``; code 1 full, 2 associate, 3 observer, 0 none, -9 unknown, -1
        not a state). With ``path``, the crate writes the CSV there and the
        row count is returned.

        >>> import membership_history as mh
        >>> p = mh.bundled().panel(1992, 1993)
        >>> p[(p.org == "CSTO") & (p.member == "GEO")]["code"].tolist()
        [0, 1]
        """
        st = _states(states)
        if path is not None:
            return self._native.panel(start, end, rule, st, _path(path))
        return _frame(
            self._native.panel(start, end, rule, st, None), frame, ints=("ccode", "year", "code")
        )

    def state_years(
        self,
        start: int,
        end: int,
        *,
        states: Union[States, PathLike, None] = None,
        rule: str = "end-of-year",
        path: Optional[PathLike] = None,
        format: str = "csv",
        frame: str = "pandas",
    ) -> Any:
        """One row per state per year it existed under ``rule``: ``ccode,
        stateabb, year``. ``states`` defaults to the list the data was read
        with. With ``path``, written there (``format`` ``"csv"`` or
        ``"jsonl"``) and the row count returned."""
        st = _states(states)
        if path is not None:
            return self._native.state_years(start, end, rule, st, _path(path), format)
        return _frame(
            self._native.state_years(start, end, rule, st, None, format),
            frame,
            ints=("ccode", "year"),
        )

    def state_igo_years(
        self,
        start: int,
        end: int,
        *,
        states: Union[States, PathLike, None] = None,
        rule: str = "end-of-year",
        orgs: Optional[Sequence[str]] = None,
        path: Optional[PathLike] = None,
        format: str = "csv",
        frame: str = "pandas",
    ) -> Any:
        """Per state-year, the organizations in which the state was a full
        member, associate, observer or any (peacesciencer's ``sum_igo_*``
        names), each a definite count and an upper bound (``*_max``).

        >>> import membership_history as mh
        >>> states = mh.read_states(mh.example("states2016-excerpt.csv"))
        >>> df = mh.bundled().state_igo_years(2010, 2010, states=states)
        >>> df[df.stateabb == "RUS"][["sum_igo_full", "sum_igo_full_max"]].values.tolist()
        [[1, 1]]
        """
        st = _states(states)
        o = list(orgs) if orgs is not None else None
        if path is not None:
            return self._native.state_igo_years(start, end, rule, st, o, _path(path), format)
        cols = self._native.state_igo_years(start, end, rule, st, o, None, format)
        return _frame(cols, frame, ints=[c for c in cols if c != "stateabb"])

    def dyad_years(
        self,
        start: int,
        end: int,
        *,
        states: Union[States, PathLike, None] = None,
        rule: str = "end-of-year",
        orgs: Optional[Sequence[str]] = None,
        atop: Optional[PathLike] = None,
        directed: bool = False,
        path: Optional[PathLike] = None,
        format: str = "csv",
        frame: str = "pandas",
    ) -> Any:
        """The dyad-year panel: ``ccode1, ccode2, year, igo_full,
        igo_full_max, igo_any, igo_any_max`` and, with ``atop`` (the ATOP
        member-level file), the alliance obligations (``atop_defense``, ...,
        and ``_max``). ``directed`` gives both orders of each pair. The full
        COW panel has about 900,000 rows: pass ``path`` to stream it to a
        file (``format`` ``"csv"`` or ``"jsonl"``); the row count is returned.

        >>> import membership_history as mh
        >>> states = mh.read_states(mh.example("states2016-excerpt.csv"))
        >>> df = mh.bundled().dyad_years(2000, 2000, states=states)
        >>> df.columns.tolist()[:4]
        ['ccode1', 'ccode2', 'year', 'igo_full']
        """
        st = _states(states)
        o = list(orgs) if orgs is not None else None
        a = _path(atop) if atop is not None else None
        if path is not None:
            return self._native.dyad_years(
                start, end, rule, st, o, a, directed, _path(path), format
            )
        cols = self._native.dyad_years(start, end, rule, st, o, a, directed, None, format)
        return _frame(cols, frame, ints=[c for c in cols if c != "stateabb"])


def bundled() -> Dataset:
    """The bundled CST/CSTO data (built into the library).

    >>> import membership_history as mh
    >>> mh.bundled().status_on("CSTO", "AZE", "1993-09-24")["status"]
    'member'
    """
    return Dataset(_native.bundled())


def load(
    *,
    bundled: bool = False,
    data: Union[PathLike, Sequence[PathLike], None] = None,
    atop: Union[PathLike, Sequence[PathLike], None] = None,
    cow_igo: Union[PathLike, Sequence[PathLike], None] = None,
    states: Union[States, PathLike, None] = None,
    lenient: bool = False,
) -> Dataset:
    """Reads any number of sources into one dataset: the bundled tables
    (``bundled=True``), directories in the bundled format (``data``), ATOP
    member-level files (``atop``) and COW IGO files (``cow_igo``), the last
    two joined to the COW state list ``states`` when given (a path or
    :class:`States`).

    Strict by default: the first problem is raised as :class:`Error`. With
    ``lenient=True`` every valid row is kept and the dataset's
    :attr:`Dataset.problems` lists what was left out.

    >>> import membership_history as mh
    >>> ds = mh.load(bundled=True, atop=mh.example("atop-member-level-excerpt.csv"),
    ...              states=mh.example("states2016-excerpt.csv"))
    >>> sorted(o for o, _ in ds.organizations())
    ['1115', '3625', '4070', '4220', 'CSTO', 'CSTO-PA', 'UNGA', 'UNION-STATE-PA']
    """
    if lenient and states is not None and not isinstance(states, States):
        states = read_states(states, lenient=True)
    st = _states(states)
    native = _native.load(
        bundled=bundled,
        data=_paths(data),
        atop=_paths(atop),
        cow_igo=_paths(cow_igo),
        states=st,
        lenient=lenient,
    )
    return Dataset(native, states.problems if lenient and isinstance(states, States) else ())


def read_atop(
    path: Union[PathLike, Sequence[PathLike]],
    states: Union[States, PathLike, None] = None,
    lenient: bool = False,
) -> Dataset:
    """ATOP member-level alliance data (``atop-member-level.csv``); with
    ``states``, members are named by COW abbreviation and bounded by the
    states' existence. See :func:`load` to combine sources."""
    return load(atop=path, states=states, lenient=lenient)


def read_cow_igo(
    path: Union[PathLike, Sequence[PathLike]],
    states: Union[States, PathLike, None] = None,
    lenient: bool = False,
) -> Dataset:
    """COW IGO igo-year data (``igo_year_formatv3.csv``); with ``states``,
    state columns are mapped to COW abbreviations.

    >>> import membership_history as mh
    >>> ds = mh.read_cow_igo(mh.example("igo_year_formatv3-excerpt.csv"),
    ...                      states=mh.example("states2016-excerpt.csv"))
    >>> ds.known_until("CSTO")  # where the excerpt ends
    '2008-12-31'
    """
    return load(cow_igo=path, states=states, lenient=lenient)


def read_dir(path: Union[PathLike, Sequence[PathLike]], lenient: bool = False) -> Dataset:
    """A directory of tables in the bundled format (``sources.csv``,
    ``parties.csv``, ``names.csv``, ``events.csv``, optional
    ``unknown.csv``)."""
    return load(data=path, lenient=lenient)


def read_states(path: PathLike, lenient: bool = False) -> States:
    """The COW state list (``states2016.csv``)."""
    return States(_native.read_states(_path(path), lenient))


def example(name: str) -> str:
    """The path of an excerpt of the published files shipped with the
    package, for examples and tests: ``"atop-member-level-excerpt.csv"``,
    ``"igo_year_formatv3-excerpt.csv"``, ``"states2016-excerpt.csv"``.

    >>> import membership_history as mh
    >>> mh.example("states2016-excerpt.csv").endswith("states2016-excerpt.csv")
    True
    """
    return _os.path.join(_os.path.dirname(__file__), "examples", name)
