//! Output: one table, three forms. An aligned text table for people (a
//! long cell is cut with `…` so columns stay straight), CSV for
//! spreadsheets and pipelines, JSON (an array of objects) for programs.

use serde_json::Value;

/// The widest a text column gets; longer cells are cut (CSV and JSON keep
/// them whole).
const MAX_WIDTH: usize = 40;

/// One cell, typed so that JSON gets numbers, booleans and nulls.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Bool(bool),
    /// No value: empty in text and CSV, `null` in JSON.
    None,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// Text, or `None` when absent.
    pub fn opt(s: Option<impl ToString>) -> Cell {
        s.map_or(Cell::None, |s| Cell::Text(s.to_string()))
    }

    fn shown(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::None => String::new(),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Int(n) => Value::from(*n),
            Cell::Bool(b) => Value::Bool(*b),
            Cell::None => Value::Null,
        }
    }
}

/// A header and rows of cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(header: &[&'static str]) -> Table {
        Table {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.header.len());
        self.rows.push(row);
    }

    /// Aligned columns, separated by two spaces, no trailing blanks.
    pub fn text(&self) -> String {
        let cut = |s: String| {
            if s.chars().count() > MAX_WIDTH {
                let mut t: String = s.chars().take(MAX_WIDTH - 1).collect();
                t.push('…');
                t
            } else {
                s
            }
        };
        let cells: Vec<Vec<String>> =
            std::iter::once(self.header.iter().map(|h| h.to_string()).collect())
                .chain(
                    self.rows
                        .iter()
                        .map(|r| r.iter().map(|c| cut(c.shown())).collect()),
                )
                .collect();
        let mut width = vec![0; self.header.len()];
        for row in &cells {
            for (w, c) in width.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let mut out = String::new();
        for row in &cells {
            let mut line = String::new();
            for (i, c) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                line.push_str(c);
                line.extend(std::iter::repeat_n(' ', width[i] - c.chars().count()));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// RFC 4180 CSV with a header row.
    pub fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail.
        let _ = w.write_record(&self.header);
        for r in &self.rows {
            let _ = w.write_record(r.iter().map(Cell::shown));
        }
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// An array of objects keyed by the header, in its order, one per
    /// line.
    pub fn json(&self) -> String {
        let mut out = String::from("[");
        for (i, r) in self.rows.iter().enumerate() {
            out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
            for (j, (h, c)) in self.header.iter().zip(r).enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                out.push_str(&Value::from(*h).to_string());
                out.push_str(": ");
                out.push_str(&c.json().to_string());
            }
            out.push('}');
        }
        out.push_str(if self.rows.is_empty() { "]\n" } else { "\n]\n" });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_do_not_break_columns() {
        let mut t = Table::new(&["code", "name", "status"]);
        t.push(vec![
            Cell::text("A"),
            Cell::text("x".repeat(60)),
            Cell::text("member"),
        ]);
        t.push(vec![Cell::text("BB"), Cell::text("short"), Cell::None]);
        let text = t.text();
        let lines: Vec<&str> = text.lines().collect();
        // Columns in characters (the cut mark `…` is three bytes).
        let col = |l: &str, w: &str| l.find(w).map(|i| l[..i].chars().count());
        assert_eq!(col(lines[1], "member"), col(lines[0], "status"));
        assert!(lines[1].contains('…'));
        assert_eq!(
            t.csv().lines().nth(1).map(|l| l.len()),
            Some(2 + 60 + 1 + 6)
        );
        let json: Value = serde_json::from_str(&t.json()).unwrap();
        assert_eq!(json[1]["status"], Value::Null);
        assert_eq!(json[0]["name"].as_str().map(str::len), Some(60));
    }
}
