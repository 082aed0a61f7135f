"""Type hints of membership_history (the docstrings are in __init__.py)."""

import datetime
import os
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple, Union, overload

import pandas

DateLike = Union[str, datetime.date]
PathLike = Union[str, os.PathLike[str]]
Frame = Literal["pandas", "polars"]
Rule = Literal["end-of-year", "mid-year", "start-of-year", "any-day", "most-days"]
FileFormat = Literal["csv", "jsonl"]

BUNDLED_VERSION: str
BUNDLED_VERIFIED_AS_OF: str

class Error(ValueError):
    """The crate's error: ``str(e)`` is its one-line message."""

    file: Optional[str]
    line: Optional[int]
    field: Optional[str]
    value: Optional[str]
    kind: str
    suggestions: List[str]

class States:
    def __len__(self) -> int: ...
    @property
    def problems(self) -> List[Error]: ...
    def to_frame(self, frame: Frame = ...) -> Any: ...

class Timeline:
    org: str
    code: str
    name: str
    known_until: Optional[str]
    spells: Any
    events: Any
    unknowns: Any
    member_days: Dict[str, str]

class Explanation:
    text: str
    answer: Dict[str, Any]
    candidates: Any

class Dataset:
    @property
    def problems(self) -> List[Error]: ...
    @property
    def states(self) -> Optional[States]: ...
    def organizations(self) -> List[Tuple[str, str]]: ...
    def parties(self, frame: Frame = ...) -> Any: ...
    def known_until(self, org: str) -> Optional[str]: ...
    @overload
    def members_on(self, org: str, date: DateLike) -> pandas.DataFrame: ...
    @overload
    def members_on(self, org: str, date: DateLike, frame: Frame) -> Any: ...
    def status_on(self, org: str, party: str, date: DateLike) -> Dict[str, Any]: ...
    @overload
    def organizations_of(self, party: str, date: DateLike) -> pandas.DataFrame: ...
    @overload
    def organizations_of(self, party: str, date: DateLike, frame: Frame) -> Any: ...
    def timeline(self, org: str, party: str, frame: Frame = ...) -> Timeline: ...
    @overload
    def changes_between(self, org: str, start: DateLike, end: DateLike) -> pandas.DataFrame: ...
    @overload
    def changes_between(self, org: str, start: DateLike, end: DateLike, frame: Frame) -> Any: ...
    def explain(self, org: str, party: str, date: DateLike, frame: Frame = ...) -> Explanation: ...
    @overload
    def panel(
        self, start: int, end: int, *, rule: Rule = ..., states: Union[States, PathLike, None] = ...,
        path: None = ..., frame: Frame = ...,
    ) -> Any: ...
    @overload
    def panel(
        self, start: int, end: int, *, rule: Rule = ..., states: Union[States, PathLike, None] = ...,
        path: PathLike, frame: Frame = ...,
    ) -> int: ...
    @overload
    def state_years(
        self, start: int, end: int, *, states: Union[States, PathLike, None] = ..., rule: Rule = ...,
        path: None = ..., format: FileFormat = ..., frame: Frame = ...,
    ) -> Any: ...
    @overload
    def state_years(
        self, start: int, end: int, *, states: Union[States, PathLike, None] = ..., rule: Rule = ...,
        path: PathLike, format: FileFormat = ..., frame: Frame = ...,
    ) -> int: ...
    @overload
    def state_igo_years(
        self, start: int, end: int, *, states: Union[States, PathLike, None] = ..., rule: Rule = ...,
        orgs: Optional[Sequence[str]] = ..., path: None = ..., format: FileFormat = ...,
        frame: Frame = ...,
    ) -> Any: ...
    @overload
    def state_igo_years(
        self, start: int, end: int, *, states: Union[States, PathLike, None] = ..., rule: Rule = ...,
        orgs: Optional[Sequence[str]] = ..., path: PathLike, format: FileFormat = ...,
        frame: Frame = ...,
    ) -> int: ...
    @overload
    def dyad_years(
        self, start: int, end: int, *, states: Union[States, PathLike, None] = ..., rule: Rule = ...,
        orgs: Optional[Sequence[str]] = ..., atop: Optional[PathLike] = ..., directed: bool = ...,
        path: None = ..., format: FileFormat = ..., frame: Frame = ...,
    ) -> Any: ...
    @overload
    def dyad_years(
        self, start: int, end: int, *, states: Union[States, PathLike, None] = ..., rule: Rule = ...,
        orgs: Optional[Sequence[str]] = ..., atop: Optional[PathLike] = ..., directed: bool = ...,
        path: PathLike, format: FileFormat = ..., frame: Frame = ...,
    ) -> int: ...

def bundled() -> Dataset: ...
def load(
    *,
    bundled: bool = ...,
    data: Union[PathLike, Sequence[PathLike], None] = ...,
    atop: Union[PathLike, Sequence[PathLike], None] = ...,
    cow_igo: Union[PathLike, Sequence[PathLike], None] = ...,
    states: Union[States, PathLike, None] = ...,
    lenient: bool = ...,
) -> Dataset: ...
def read_atop(
    path: Union[PathLike, Sequence[PathLike]],
    states: Union[States, PathLike, None] = ...,
    lenient: bool = ...,
) -> Dataset: ...
def read_cow_igo(
    path: Union[PathLike, Sequence[PathLike]],
    states: Union[States, PathLike, None] = ...,
    lenient: bool = ...,
) -> Dataset: ...
def read_dir(path: Union[PathLike, Sequence[PathLike]], lenient: bool = ...) -> Dataset: ...
def read_states(path: PathLike, lenient: bool = ...) -> States: ...
def example(name: str) -> str: ...
