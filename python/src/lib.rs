//! The native half of the Python package `membership_history`: the crate's
//! answers as columns (a dict of lists, one list per column, in the order
//! of the JSON contract), which the pure-Python wrapper turns into pandas
//! or polars data frames; the crate's errors as `membership_history.Error`
//! with the file, line, field and value as attributes; the large panels
//! streamed to a file by the crate's own writers.

use std::fs::File;
use std::ops::Deref;
use std::sync::Arc;

use membership_history as mhc;
use membership_history::{
    Answer, AtopObligations, Basis, CowStates, Dataset, OBLIGATIONS, Obligations, PanelFormat,
    Panels, YearRule,
};
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

pyo3::create_exception!(
    membership_history,
    Error,
    PyValueError,
    "An error of membership-history: `str(e)` is the crate's one-line message; \
     `file`, `line`, `field`, `value`, `kind` and `suggestions` say where and what."
);

/// A Python `membership_history.Error` instance (not raised) for `e`.
fn error_value(py: Python<'_>, e: &mhc::Error) -> PyResult<Py<PyAny>> {
    let err = PyErr::new::<Error, _>(e.to_string());
    let v = err.value(py);
    v.setattr("file", e.file_name())?;
    v.setattr("line", e.line())?;
    v.setattr("field", e.field())?;
    v.setattr("value", e.value())?;
    v.setattr("kind", kind_name(e.kind()))?;
    v.setattr("suggestions", e.suggestions().collect::<Vec<_>>())?;
    Ok(v.clone().into_any().unbind())
}

/// The variant's name: `UnknownOrganization`, `InvalidDate`, `Io`, ...
fn kind_name(kind: &mhc::ErrorKind) -> String {
    let debug = format!("{kind:?}");
    debug
        .split(['(', ' ', '{'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// `e` as a raised `membership_history.Error`.
fn raise(e: mhc::Error) -> PyErr {
    Python::attach(|py| match error_value(py, &e) {
        Ok(v) => PyErr::from_value(v.into_bound(py)),
        Err(err) => err,
    })
}

fn problems_list(py: Python<'_>, problems: &[mhc::Error]) -> PyResult<Vec<Py<PyAny>>> {
    problems.iter().map(|p| error_value(py, p)).collect()
}

/// The serde word of a status, certainty or event kind (`member`,
/// `possible`, `accession`): the words of the JSON contract.
fn word<T: serde::Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(v) => v.to_string(),
        Err(_) => String::new(),
    }
}

fn rule(name: &str) -> PyResult<YearRule> {
    Ok(match name {
        "end-of-year" | "end_of_year" => YearRule::EndOfYear,
        "mid-year" | "mid_year" => YearRule::MidYear,
        "start-of-year" | "start_of_year" => YearRule::StartOfYear,
        "any-day" | "any_day" => YearRule::AnyDay,
        "most-days" | "most_days" => YearRule::MostDays,
        r => {
            return Err(PyValueError::new_err(format!(
                "unknown rule `{r}` (end-of-year, mid-year, start-of-year, any-day or most-days)"
            )));
        }
    })
}

fn format(name: &str) -> PyResult<PanelFormat> {
    name.parse::<PanelFormat>().map_err(raise)
}

/// One column being filled: Python objects (text, nullable values), or
/// integers without nulls, handed over as the bytes of an `int64` array
/// (`numpy.frombuffer` on the Python side: no Python object per cell).
enum Col {
    Obj(Vec<Py<PyAny>>),
    Int(Vec<i64>),
}

/// Columns being filled: names in order, one column each.
struct Columns<'py> {
    py: Python<'py>,
    names: Vec<&'static str>,
    cols: Vec<Col>,
}

impl<'py> Columns<'py> {
    /// Columns of Python objects.
    fn new(py: Python<'py>, names: &[&'static str]) -> Self {
        Self::typed(py, names, |_| false)
    }

    /// Columns where `int(name)` says which hold integers without nulls.
    fn typed(py: Python<'py>, names: &[&'static str], int: impl Fn(&str) -> bool) -> Self {
        Columns {
            py,
            names: names.to_vec(),
            cols: names
                .iter()
                .map(|n| {
                    if int(n) {
                        Col::Int(Vec::new())
                    } else {
                        Col::Obj(Vec::new())
                    }
                })
                .collect(),
        }
    }

    fn push<T: IntoPyObject<'py>>(&mut self, i: usize, v: T) -> PyResult<()> {
        match &mut self.cols[i] {
            Col::Obj(c) => c.push(v.into_py_any(self.py)?),
            Col::Int(_) => {
                return Err(PyValueError::new_err(format!(
                    "internal: column `{}` holds integers",
                    self.names[i]
                )));
            }
        }
        Ok(())
    }

    fn int(&mut self, i: usize, v: impl Into<i64>) -> PyResult<()> {
        match &mut self.cols[i] {
            Col::Int(c) => c.push(v.into()),
            Col::Obj(c) => c.push(v.into().into_py_any(self.py)?),
        }
        Ok(())
    }

    fn into_dict(self) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(self.py);
        for (name, col) in self.names.into_iter().zip(self.cols) {
            match col {
                Col::Obj(c) => d.set_item(name, PyList::new(self.py, c)?)?,
                Col::Int(c) => {
                    let bytes: Vec<u8> = c.iter().flat_map(|v| v.to_ne_bytes()).collect();
                    d.set_item(name, PyBytes::new(self.py, &bytes))?;
                }
            }
        }
        Ok(d)
    }
}

fn push_answer(c: &mut Columns<'_>, at: usize, a: &Answer<'_>) -> PyResult<()> {
    let p = a.party();
    c.push(at, p.code())?;
    c.push(at + 1, p.name())?;
    c.push(at + 2, p.cow_code())?;
    c.push(at + 3, a.status().map(|s| word(&s)))?;
    c.push(at + 4, a.member())?;
    c.push(at + 5, word(&a.certainty()))?;
    c.push(at + 6, word(&a.status_certainty()))?;
    c.push(at + 7, a.since().map(|d| d.to_string()))?;
    c.push(at + 8, a.known_until().map(|d| d.to_string()))
}

fn answer_dict<'py>(py: Python<'py>, a: &Answer<'_>) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let p = a.party();
    d.set_item("org", a.organization().id())?;
    d.set_item("date", a.date().to_string())?;
    d.set_item("code", p.code())?;
    d.set_item("name", p.name())?;
    d.set_item("cow", p.cow_code())?;
    d.set_item("status", a.status().map(|s| word(&s)))?;
    d.set_item("member", a.member())?;
    d.set_item("certainty", word(&a.certainty()))?;
    d.set_item("status_certainty", word(&a.status_certainty()))?;
    d.set_item("since", a.since().map(|d| d.to_string()))?;
    d.set_item("known_until", a.known_until().map(|d| d.to_string()))?;
    d.set_item(
        "basis",
        match a.basis() {
            Basis::Records => "records",
            Basis::Unknown => "unknown",
            Basis::NotAState => "not_a_state",
        },
    )?;
    Ok(d)
}

enum Data {
    Static(&'static Dataset),
    Owned(Arc<Dataset>),
}

impl Deref for Data {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        match self {
            Data::Static(d) => d,
            Data::Owned(d) => d,
        }
    }
}

/// A COW state list (`states2016.csv`).
#[pyclass(frozen, name = "States", module = "membership_history._native")]
struct PyStates {
    states: Arc<CowStates>,
    problems: Vec<mhc::Error>,
}

#[pymethods]
impl PyStates {
    fn __len__(&self) -> usize {
        self.states.len()
    }

    #[getter]
    fn problems(&self, py: Python<'_>) -> PyResult<Vec<Py<PyAny>>> {
        problems_list(py, &self.problems)
    }

    /// Columns `ccode, stateabb, name`.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let mut c = Columns::new(py, &["ccode", "stateabb", "name"]);
        for s in self.states.iter() {
            c.push(0, s.code())?;
            c.push(1, s.abbreviation())?;
            c.push(2, s.name())?;
        }
        c.into_dict()
    }
}

/// Reads a COW state list; lenient keeps the valid rows and the problems.
#[pyfunction]
#[pyo3(signature = (path, lenient = false))]
fn read_states(py: Python<'_>, path: String, lenient: bool) -> PyResult<PyStates> {
    let report = py.detach(|| CowStates::read_path(&path));
    let (states, problems) = if lenient {
        report.into_parts()
    } else {
        (report.strict().map_err(raise)?, Vec::new())
    };
    Ok(PyStates {
        states: Arc::new(states),
        problems,
    })
}

/// A loaded dataset: the query surface.
#[pyclass(frozen, name = "Dataset", module = "membership_history._native")]
struct PyDataset {
    data: Data,
    states: Option<Arc<CowStates>>,
    problems: Vec<mhc::Error>,
}

/// The bundled CST/CSTO data.
#[pyfunction]
fn bundled() -> PyDataset {
    PyDataset {
        data: Data::Static(mhc::bundled()),
        states: None,
        problems: Vec::new(),
    }
}

/// Reads any number of files into one dataset: the bundled tables when
/// `bundled`, directories of the bundled format, ATOP member-level files
/// and COW IGO files (joined to `states` when given).
#[pyfunction]
#[pyo3(signature = (*, bundled = false, data = Vec::new(), atop = Vec::new(), cow_igo = Vec::new(), states = None, lenient = false))]
fn load(
    py: Python<'_>,
    bundled: bool,
    data: Vec<String>,
    atop: Vec<String>,
    cow_igo: Vec<String>,
    states: Option<PyRef<'_, PyStates>>,
    lenient: bool,
) -> PyResult<PyDataset> {
    let states = states.map(|s| s.states.clone());
    let mut problems = Vec::new();
    let st = states.clone();
    let report = py.detach(move || {
        let mut b = Dataset::builder();
        if bundled {
            for table in mhc::Bundled::ALL {
                b.read(table, table.text().as_bytes(), table.file_name());
            }
        }
        for dir in &data {
            b.read_dir(dir);
        }
        for p in &atop {
            b.read_path(mhc::Atop::states(st.as_deref()), p);
        }
        for p in &cow_igo {
            b.read_path(mhc::CowIgo::states(st.as_deref()), p);
        }
        b.build()
    });
    let ds = if lenient {
        let (ds, built) = report.into_parts();
        problems.extend(built);
        ds
    } else {
        report.strict().map_err(raise)?
    };
    Ok(PyDataset {
        data: Data::Owned(Arc::new(ds)),
        states,
        problems,
    })
}

impl PyDataset {
    fn states_for<'a>(&'a self, states: &'a Option<PyRef<'_, PyStates>>) -> Option<&'a CowStates> {
        match states {
            Some(s) => Some(&s.states),
            None => self.states.as_deref(),
        }
    }

    fn panels<'a>(
        &'a self,
        states: &'a CowStates,
        rule_name: &str,
        orgs: &Option<Vec<String>>,
    ) -> PyResult<Panels<'a>> {
        let mut panels = Panels::new(&self.data, states, rule(rule_name)?);
        if let Some(orgs) = orgs {
            panels = panels.organizations(orgs.iter()).map_err(raise)?;
        }
        Ok(panels)
    }
}

fn need_states<'a>(s: Option<&'a CowStates>, what: &str) -> PyResult<&'a CowStates> {
    s.ok_or_else(|| {
        PyValueError::new_err(format!(
            "{what} needs the state list: pass states= (mh.read_states(\"states2016.csv\")) or load the data with one"
        ))
    })
}

fn create(path: &str) -> PyResult<File> {
    File::create(path).map_err(PyErr::from)
}

/// A panel streamed to `path` in `file_format` by the Rust writer, the GIL
/// released meanwhile; the row count back as a Python int.
fn stream<'py>(
    py: Python<'py>,
    path: &str,
    file_format: &str,
    write: impl FnOnce(File, PanelFormat) -> Result<usize, mhc::Error> + Send,
) -> PyResult<Py<PyAny>> {
    let fmt = format(file_format)?;
    let f = create(path)?;
    let n = py.detach(|| write(f, fmt)).map_err(raise)?;
    Ok(n.into_pyobject(py)?.into_any().unbind())
}

#[pymethods]
impl PyDataset {
    #[getter]
    fn problems(&self, py: Python<'_>) -> PyResult<Vec<Py<PyAny>>> {
        problems_list(py, &self.problems)
    }

    #[getter]
    fn states(&self) -> Option<PyStates> {
        self.states.as_ref().map(|s| PyStates {
            states: s.clone(),
            problems: Vec::new(),
        })
    }

    /// `(id, current name)` of every organization.
    fn organizations(&self) -> Vec<(String, String)> {
        self.data
            .organizations()
            .iter()
            .map(|o| (o.id().to_string(), o.current_name().to_string()))
            .collect()
    }

    /// Columns `code, name, cow, kind` of every party.
    fn parties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let mut c = Columns::new(py, &["code", "name", "cow", "kind"]);
        for p in self.data.parties() {
            c.push(0, p.code())?;
            c.push(1, p.name())?;
            c.push(2, p.cow_code())?;
            c.push(3, word(&p.kind()))?;
        }
        c.into_dict()
    }

    fn known_until(&self, org: &str) -> PyResult<Option<String>> {
        Ok(self
            .data
            .known_until(org)
            .map_err(raise)?
            .map(|d| d.to_string()))
    }

    fn members_on<'py>(
        &self,
        py: Python<'py>,
        org: &str,
        date: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let mut c = Columns::new(py, &Answer::FIELDS);
        for a in self.data.members_on(org, date).map_err(raise)? {
            push_answer(&mut c, 0, &a)?;
        }
        c.into_dict()
    }

    fn status_on<'py>(
        &self,
        py: Python<'py>,
        org: &str,
        party: &str,
        date: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        answer_dict(py, &self.data.status_on(org, party, date).map_err(raise)?)
    }

    fn organizations_of<'py>(
        &self,
        py: Python<'py>,
        party: &str,
        date: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let mut names = vec!["org", "org_name"];
        names.extend(Answer::FIELDS);
        let mut c = Columns::new(py, &names);
        let mut answers: Vec<Answer<'_>> = self
            .data
            .organizations_of(party, date)
            .map_err(raise)?
            .collect();
        answers.sort_by(|a, b| a.organization().id().cmp(b.organization().id()));
        for a in &answers {
            let org = a.organization();
            c.push(0, org.id())?;
            c.push(1, org.name_on(a.date()).unwrap_or(org.current_name()))?;
            push_answer(&mut c, 2, a)?;
        }
        c.into_dict()
    }

    /// `{org, code, name, known_until, spells, events, unknowns,
    /// member_days}`: spells, events and unknowns as columns.
    fn timeline<'py>(
        &self,
        py: Python<'py>,
        org: &str,
        party: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let ds: &Dataset = &self.data;
        let tl = ds.timeline(org, party).map_err(raise)?;
        let d = PyDict::new(py);
        d.set_item("org", tl.organization().id())?;
        d.set_item("code", tl.party().code())?;
        d.set_item("name", tl.party().name())?;
        d.set_item("known_until", tl.known_until().map(|d| d.to_string()))?;
        let mut s = Columns::new(
            py,
            &[
                "status",
                "start",
                "end",
                "start_date",
                "end_date",
                "opened_by",
                "closed_by",
            ],
        );
        for sp in tl.spells() {
            s.push(0, word(&sp.status()))?;
            s.push(1, sp.start().to_string())?;
            s.push(2, sp.end().map(|d| d.to_string()))?;
            s.push(3, sp.start_date().to_string())?;
            s.push(4, sp.end_date().map(|d| d.to_string()))?;
            s.push(5, ds.event(sp.opened_by()).map(|e| e.id().to_string()))?;
            s.push(
                6,
                sp.closed_by()
                    .and_then(|c| ds.event(c))
                    .map(|e| e.id().to_string()),
            )?;
        }
        d.set_item("spells", s.into_dict()?)?;
        let mut e = Columns::new(py, &["event", "kind", "reading", "date", "sources", "note"]);
        for ev in tl.events() {
            for (i, r) in ev.readings().iter().enumerate() {
                e.push(0, ev.id())?;
                e.push(1, word(&ev.kind()))?;
                e.push(2, i)?;
                e.push(3, r.date().to_string())?;
                e.push(4, r.sources().join(";"))?;
                e.push(5, r.note())?;
            }
        }
        d.set_item("events", e.into_dict()?)?;
        let mut u = Columns::new(py, &["start", "end", "note", "sources"]);
        for un in tl.unknowns() {
            u.push(0, un.span().start().to_string())?;
            u.push(1, un.span().end().map(|d| d.to_string()))?;
            u.push(2, un.note())?;
            u.push(3, un.sources().join(";"))?;
        }
        d.set_item("unknowns", u.into_dict()?)?;
        let days = tl.member_days();
        let md = PyDict::new(py);
        md.set_item("preferred", days.preferred.to_string())?;
        md.set_item("definite", days.definite.to_string())?;
        md.set_item("possible", days.possible.to_string())?;
        md.set_item("unknown", days.unknown.to_string())?;
        d.set_item("member_days", md)?;
        Ok(d)
    }

    fn changes_between<'py>(
        &self,
        py: Python<'py>,
        org: &str,
        from: &str,
        to: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let mut c = Columns::new(
            py,
            &[
                "day", "date", "code", "name", "event", "kind", "before", "after", "joined", "left",
            ],
        );
        for ch in self.data.changes_between(org, from, to).map_err(raise)? {
            let e = ch.event();
            c.push(0, ch.day().to_string())?;
            c.push(
                1,
                e.readings()
                    .first()
                    .map_or(ch.day().to_string(), |r| r.date().to_string()),
            )?;
            c.push(2, ch.party().code())?;
            c.push(3, ch.party().name())?;
            c.push(4, e.id())?;
            c.push(5, word(&e.kind()))?;
            c.push(6, ch.before().map(|s| word(&s)))?;
            c.push(7, ch.after().map(|s| word(&s)))?;
            c.push(8, ch.joined())?;
            c.push(9, ch.left())?;
        }
        c.into_dict()
    }

    /// `(text, answer, candidates)`: the crate's explanation as text, the
    /// answer as a dict and the spells the date may fall in as columns.
    fn explain<'py>(
        &self,
        py: Python<'py>,
        org: &str,
        party: &str,
        date: &str,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let ds: &Dataset = &self.data;
        let e = ds.explain(org, party, date).map_err(raise)?;
        let mut c = Columns::new(
            py,
            &[
                "status",
                "start_date",
                "end_date",
                "certainty",
                "opened_by",
                "closed_by",
                "sources",
            ],
        );
        for (s, cert) in e.candidates() {
            c.push(0, word(&s.status()))?;
            c.push(1, s.start_date().to_string())?;
            c.push(2, s.end_date().map(|d| d.to_string()))?;
            c.push(3, word(cert))?;
            let opened = ds.event(s.opened_by());
            let closed = s.closed_by().and_then(|c| ds.event(c));
            c.push(4, opened.map(|e| e.id().to_string()))?;
            c.push(5, closed.map(|e| e.id().to_string()))?;
            let mut sources: Vec<&str> = opened
                .into_iter()
                .chain(closed)
                .flat_map(|e| e.readings().iter().flat_map(|r| r.sources()))
                .map(String::as_str)
                .collect();
            sources.sort_unstable();
            sources.dedup();
            c.push(6, sources.join(";"))?;
        }
        PyTuple::new(
            py,
            [
                e.to_string().into_pyobject(py)?.into_any(),
                answer_dict(py, e.answer())?.into_any(),
                c.into_dict()?.into_any(),
            ],
        )
    }

    /// The org-state-year panel (`org, member, ccode, year, code`), or,
    /// with `path`, the crate's CSV written there and its row count.
    #[pyo3(signature = (start, end, rule_name = "end-of-year", states = None, path = None))]
    fn panel<'py>(
        &self,
        py: Python<'py>,
        start: i32,
        end: i32,
        rule_name: &str,
        states: Option<PyRef<'_, PyStates>>,
        path: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let r = rule(rule_name)?;
        let st = self.states_for(&states);
        if let Some(path) = path {
            let f = create(&path)?;
            let n = self
                .data
                .write_panel_csv(f, start..=end, r, st)
                .map_err(raise)?;
            return Ok(n.into_pyobject(py)?.into_any().unbind());
        }
        let names = ["org", "member", "ccode", "year", "code"];
        let mut c = Columns::typed(py, &names, |n| n == "year" || n == "code");
        for row in self.data.panel(start..=end, r, st) {
            c.push(0, row.org)?;
            c.push(1, row.member)?;
            c.push(2, row.ccode)?;
            c.int(3, row.year)?;
            c.int(4, row.code)?;
        }
        Ok(c.into_dict()?.into_any().unbind())
    }

    #[pyo3(signature = (start, end, rule_name = "end-of-year", states = None, path = None, file_format = "csv"))]
    #[allow(clippy::too_many_arguments)]
    fn state_years<'py>(
        &self,
        py: Python<'py>,
        start: i32,
        end: i32,
        rule_name: &str,
        states: Option<PyRef<'_, PyStates>>,
        path: Option<String>,
        file_format: &str,
    ) -> PyResult<Py<PyAny>> {
        let st = need_states(self.states_for(&states), "state_years")?;
        let panels = self.panels(st, rule_name, &None)?;
        if let Some(path) = path {
            return stream(py, &path, file_format, |f, fmt| {
                panels.write_state_years(f, start..=end, fmt)
            });
        }
        let mut c = Columns::typed(py, mhc::STATE_YEAR_COLUMNS, |n| n != "stateabb");
        for r in panels.state_years(start..=end) {
            c.int(0, r.ccode)?;
            c.push(1, r.stateabb)?;
            c.int(2, r.year)?;
        }
        Ok(c.into_dict()?.into_any().unbind())
    }

    #[pyo3(signature = (start, end, rule_name = "end-of-year", states = None, orgs = None, path = None, file_format = "csv"))]
    #[allow(clippy::too_many_arguments)]
    fn state_igo_years<'py>(
        &self,
        py: Python<'py>,
        start: i32,
        end: i32,
        rule_name: &str,
        states: Option<PyRef<'_, PyStates>>,
        orgs: Option<Vec<String>>,
        path: Option<String>,
        file_format: &str,
    ) -> PyResult<Py<PyAny>> {
        let st = need_states(self.states_for(&states), "state_igo_years")?;
        let panels = self.panels(st, rule_name, &orgs)?;
        if let Some(path) = path {
            return stream(py, &path, file_format, |f, fmt| {
                panels.write_state_igo_years(f, start..=end, fmt)
            });
        }
        let mut c = Columns::typed(py, mhc::STATE_IGO_COLUMNS, |n| n != "stateabb");
        for r in panels.state_igo_years(start..=end) {
            c.int(0, r.ccode)?;
            c.push(1, r.stateabb)?;
            c.int(2, r.year)?;
            for (i, n) in [r.full, r.associate, r.observer, r.any].iter().enumerate() {
                c.int(3 + 2 * i, n.definite)?;
                c.int(4 + 2 * i, n.max)?;
            }
        }
        Ok(c.into_dict()?.into_any().unbind())
    }

    #[pyo3(signature = (start, end, rule_name = "end-of-year", states = None, orgs = None, atop = None, directed = false, path = None, file_format = "csv"))]
    #[allow(clippy::too_many_arguments)]
    fn dyad_years<'py>(
        &self,
        py: Python<'py>,
        start: i32,
        end: i32,
        rule_name: &str,
        states: Option<PyRef<'_, PyStates>>,
        orgs: Option<Vec<String>>,
        atop: Option<String>,
        directed: bool,
        path: Option<String>,
        file_format: &str,
    ) -> PyResult<Py<PyAny>> {
        let st = need_states(self.states_for(&states), "dyad_years")?;
        let obligations = match &atop {
            Some(p) => Some(py.detach(|| AtopObligations::read_path(p)).map_err(raise)?),
            None => None,
        };
        let mut panels = self.panels(st, rule_name, &orgs)?;
        if let Some(o) = &obligations {
            panels = panels.atop(o);
        }
        if let Some(path) = path {
            return stream(py, &path, file_format, |f, fmt| {
                panels.write_dyad_years(f, start..=end, directed, fmt)
            });
        }
        let names = panels.dyad_columns();
        let mut c = Columns::typed(py, &names, |_| true);
        let rows = if directed {
            panels.directed_dyad_years(start..=end)
        } else {
            panels.dyad_years(start..=end)
        };
        for r in rows {
            c.int(0, r.ccode1)?;
            c.int(1, r.ccode2)?;
            c.int(2, r.year)?;
            c.int(3, r.igo_full.definite)?;
            c.int(4, r.igo_full.max)?;
            c.int(5, r.igo_any.definite)?;
            c.int(6, r.igo_any.max)?;
            if let Some(a) = r.atop {
                let mut at = 7;
                for (ally, obl) in [
                    (a.alliance, a.obligations),
                    (a.alliance_max, a.obligations_max),
                ] {
                    c.int(at, u8::from(ally))?;
                    at += 1;
                    for i in 0..OBLIGATIONS.len() {
                        let bit = Obligations::nth(i).unwrap_or_default();
                        c.int(at, u8::from(obl.has(bit)))?;
                        at += 1;
                    }
                }
            }
        }
        Ok(c.into_dict()?.into_any().unbind())
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add_class::<PyDataset>()?;
    m.add_class::<PyStates>()?;
    m.add_function(wrap_pyfunction!(bundled, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(read_states, m)?)?;
    m.add("BUNDLED_VERSION", mhc::BUNDLED_VERSION)?;
    m.add(
        "BUNDLED_VERIFIED_AS_OF",
        mhc::BUNDLED_VERIFIED_AS_OF.to_string(),
    )?;
    Ok(())
}
