//! Writing panel rows: CSV with a header, or JSON lines, from one list of
//! named fields per row, so that the two formats always agree.

use std::io::Write;

use serde::Serialize;

use crate::error::Error;

/// The file format a panel is written in.
///
/// ```
/// use membership_history::PanelFormat;
///
/// assert_eq!("jsonl".parse::<PanelFormat>()?, PanelFormat::JsonLines);
/// assert_eq!("csv".parse::<PanelFormat>()?, PanelFormat::Csv);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PanelFormat {
    /// Comma-separated values with a header line (`read.csv`,
    /// `import delimited`, `pandas.read_csv`).
    #[default]
    Csv,
    /// One JSON object per line (`jsonlite::stream_in`,
    /// `pandas.read_json(lines=True)`).
    JsonLines,
}

impl std::str::FromStr for PanelFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "csv" => Ok(PanelFormat::Csv),
            "jsonl" | "json-lines" | "ndjson" => Ok(PanelFormat::JsonLines),
            _ => Err(Error::new(crate::ErrorKind::InvalidValue(
                "a panel format is `csv` or `jsonl`".into(),
            ))
            .with_value(s)),
        }
    }
}

/// One field's value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    Int(i64),
    Text(&'a str),
}

/// A row that can be written: its fields, by name, in column order.
pub(crate) trait Record {
    fn fields(&self, put: &mut dyn FnMut(&'static str, Value<'_>));
}

/// Writes `rows` to `out` in `format`; the number of rows written. An
/// empty panel still gets its CSV header when `header` gives the columns.
pub(crate) fn write_rows<R: Record>(
    out: impl Write,
    format: PanelFormat,
    rows: impl Iterator<Item = R>,
    header: &[&'static str],
) -> Result<usize, Error> {
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut line: Vec<u8> = Vec::with_capacity(256);
    let mut n = 0;
    let io = Error::io;
    if format == PanelFormat::Csv {
        w.write_all(header.join(",").as_bytes()).map_err(io)?;
        w.write_all(b"\n").map_err(io)?;
    }
    for r in rows {
        line.clear();
        let mut first = true;
        if format == PanelFormat::JsonLines {
            line.push(b'{');
        }
        r.fields(&mut |name, v| {
            if !first {
                line.push(b',');
            }
            first = false;
            if format == PanelFormat::JsonLines {
                json_str(&mut line, name);
                line.push(b':');
            }
            match v {
                Value::Int(i) => {
                    let _ = write!(line, "{i}");
                }
                Value::Text(s) if format == PanelFormat::JsonLines => json_str(&mut line, s),
                Value::Text(s) => csv_str(&mut line, s),
            }
        });
        if format == PanelFormat::JsonLines {
            line.push(b'}');
        }
        line.push(b'\n');
        w.write_all(&line).map_err(io)?;
        n += 1;
    }
    w.flush().map_err(io)?;
    Ok(n)
}

fn csv_str(out: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push(b'"');
        out.extend_from_slice(s.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(s.as_bytes());
    }
}

fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    for c in s.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let mut b = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
        }
    }
    out.push(b'"');
}
