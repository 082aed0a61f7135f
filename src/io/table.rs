//! Reading delimited tables with errors that say where: the shared layer
//! under every loader (bundled format, ATOP, COW).
//!
//! It accepts what spreadsheets write: a UTF-8 byte-order mark, CRLF (or
//! bare CR) line ends, quoted fields with commas, comma or tab separators (sniffed from the
//! header line). It refuses, with the line, what would lose data: a row with
//! a different number of fields than the header, a missing or unknown
//! column, invalid UTF-8, an empty file.

use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;

use csv::StringRecord;

use crate::error::{Error, ErrorKind};
use crate::history::event::Origin;
use crate::parallel::pipeline;

/// Bytes read ahead to sniff the separator from the header line.
const SNIFF: usize = 1 << 16;

/// An open table: its header, and rows to come.
pub(crate) struct Table<R: Read> {
    /// Shared with the origin of every record read from it.
    file: Arc<str>,
    reader: csv::Reader<BufReader<LineEnds<R>>>,
    header: Vec<String>,
    /// Set after a read failure: a reader that reads on past problems
    /// (lenient loading) must not ask a failing input again and again.
    failed: bool,
}

/// One row, with what it takes to report an error in it.
pub(crate) struct Row<'t> {
    file: &'t Arc<str>,
    header: &'t [String],
    line: u64,
    record: StringRecord,
}

/// The columns a table must and may have.
pub(crate) struct Columns<'a> {
    /// Columns that must be present.
    pub required: &'a [&'a str],
    /// Whether columns other than `required` are accepted.
    pub allow_others: bool,
}

impl<R: Read> Table<R> {
    /// Opens a table, sniffing the separator and checking the header.
    pub(crate) fn open(file: &str, input: R, columns: &Columns<'_>) -> Result<Self, Error> {
        let mut buf = BufReader::with_capacity(SNIFF, LineEnds::new(input));
        let head = buf.fill_buf().map_err(|e| Error::io(e).in_file(file))?;
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
        let tabs = first_line.iter().filter(|&&b| b == b'\t').count();
        let commas = first_line.iter().filter(|&&b| b == b',').count();
        let delimiter = if tabs > commas { b'\t' } else { b',' };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            // As large as `buf`: once its first fill (the sniffed bytes) is
            // read, the csv reader's reads bypass it and the input is
            // copied once, not into `buf` and again into the reader's buffer.
            .buffer_capacity(SNIFF)
            .from_reader(buf);
        let mut record = StringRecord::new();
        let got = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(file, e))?;
        let expected = || columns.required.join(",");
        if !got || (record.len() == 1 && record[0].trim().trim_start_matches('\u{feff}').is_empty())
        {
            return Err(Error::new(ErrorKind::Empty(format!(
                "the file is empty; it must start with a header line: {}",
                expected()
            )))
            .in_file(file)
            .at_line(1));
        }
        let header: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let h = if i == 0 {
                    h.trim_start_matches('\u{feff}')
                } else {
                    h
                };
                h.trim().to_string()
            })
            .collect();
        let table = Table {
            file: Arc::from(file),
            reader,
            header,
            failed: false,
        };
        // A misspelled column is both missing and unknown: say so in one go.
        let unknown: Vec<&String> = table
            .header
            .iter()
            .filter(|h| !columns.required.contains(&h.as_str()))
            .collect();
        for want in columns.required {
            if !table.header.iter().any(|h| h == want) {
                let hint = match unknown.first() {
                    Some(u) if !columns.allow_others || unknown.len() == 1 => {
                        format!(" (is `{u}` a misspelling of it?)")
                    }
                    _ => String::new(),
                };
                return Err(table.header_error(format!(
                    "missing column `{want}`{hint}; the header must have: {}",
                    expected()
                )));
            }
        }
        if !columns.allow_others
            && let Some(extra) = table
                .header
                .iter()
                .find(|h| !columns.required.contains(&h.as_str()))
        {
            return Err(table.header_error(format!(
                "unknown column `{extra}` (misspelled?); the header must be: {}",
                expected()
            )));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = table.header.iter().find(|h| !seen.insert(h.as_str())) {
            return Err(table.header_error(format!("column `{dup}` appears twice")));
        }
        Ok(table)
    }

    fn header_error(&self, rule: String) -> Error {
        Error::new(ErrorKind::Header(rule))
            .in_file(&*self.file)
            .at_line(1)
    }

    /// The header's column names, trimmed.
    #[allow(dead_code)] // for the ATOP and COW loaders, which read many columns
    pub(crate) fn header(&self) -> &[String] {
        &self.header
    }

    /// The index of a column known to be present.
    pub(crate) fn col(&self, name: &str) -> usize {
        // `open` checked that every required column is present.
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or(usize::MAX)
    }

    /// The file name given at `open`.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// The next row; `None` at the end. A row with the wrong number of
    /// fields, or that is not valid CSV, is an error naming its line.
    pub(crate) fn next_row(&mut self) -> Option<Result<Row<'_>, Error>> {
        let mut record = StringRecord::new();
        let got = next_record(&mut self.reader, &mut self.failed, &self.file, &mut record)?;
        let got = got.and_then(|line| checked(&self.file, &self.header, &record, line));
        Some(got.map(|line| Row {
            file: &self.file,
            header: &self.header,
            line,
            record,
        }))
    }

    /// Every row, as [`next_row`](Self::next_row) gives them, handed in
    /// order to `take`: for a loader of wide rows, whose decoding then
    /// runs on a second core while the csv crate parses the next rows
    /// ([`pipeline`]), each row's buffer reused.
    pub(crate) fn for_each_row(&mut self, mut take: impl FnMut(Result<&Row<'_>, Error>) + Send) {
        let (file, header) = (&self.file, self.header.as_slice());
        let (reader, failed) = (&mut self.reader, &mut self.failed);
        pipeline(
            |slot: &mut Parsed| match next_record(reader, failed, file, &mut slot.record) {
                Some(got) => {
                    slot.got = got;
                    true
                }
                None => false,
            },
            |slot: &mut Parsed| match std::mem::replace(&mut slot.got, Ok(0))
                .and_then(|line| checked(file, header, &slot.record, line))
            {
                Ok(line) => {
                    let row = Row {
                        file,
                        header,
                        line,
                        record: std::mem::take(&mut slot.record),
                    };
                    take(Ok(&row));
                    slot.record = row.into_record();
                }
                Err(e) => take(Err(e)),
            },
        );
    }
}

/// A row parsed and not yet taken ([`Table::for_each_row`]): its line, or
/// why it could not be read, and its fields.
struct Parsed {
    got: Result<u64, Error>,
    record: StringRecord,
}

impl Default for Parsed {
    fn default() -> Self {
        Parsed {
            got: Ok(0),
            record: StringRecord::new(),
        }
    }
}

/// Reads the next row of `reader` into `record`, blank lines skipped: its
/// line (to be [`checked`]), or the error naming it; `None` at the end
/// (and after a read failure, `failed`).
fn next_record<R: Read>(
    reader: &mut csv::Reader<R>,
    failed: &mut bool,
    file: &Arc<str>,
    record: &mut StringRecord,
) -> Option<Result<u64, Error>> {
    if *failed {
        return None;
    }
    loop {
        match reader.read_record(record) {
            Err(e) => {
                // Invalid UTF-8 spoils one record; a read failure may
                // repeat forever, so it ends the table.
                *failed = e.is_io_error();
                return Some(Err(csv_error(file, e)));
            }
            Ok(false) => return None,
            Ok(true) => {}
        }
        // A blank line (often the last one) carries no data.
        if record.len() == 1 && record[0].trim().is_empty() {
            continue;
        }
        return Some(Ok(record.position().map_or(0, |p| p.line())));
    }
}

/// A row read by [`next_record`] checked: its line, or the error naming
/// it. Its own step, so that a pipeline runs it beside the parsing.
fn checked(
    file: &Arc<str>,
    header: &[String],
    record: &StringRecord,
    line: u64,
) -> Result<u64, Error> {
    if let Some(e) = hidden_characters(file, header, record, line) {
        return Err(e);
    }
    if record.len() != header.len() {
        return Err(Error::new(ErrorKind::FieldCount {
            expected: header.len(),
            found: record.len(),
        })
        .in_file(&**file)
        .at_line(line));
    }
    Ok(line)
}

/// A field holding what no field of these formats may: a line break (a
/// quote opened and closed lines later swallows the rows between), a
/// byte-order mark past the file's start, a control character (NUL…).
/// Checked on the whole record at once: nearly every record has none.
fn hidden_characters(
    file: &Arc<str>,
    header: &[String],
    record: &StringRecord,
    line: u64,
) -> Option<Error> {
    let bytes = record.as_slice().as_bytes();
    let suspicious = |b: u8| (b < 0x20 && b != b'\t') || b == 0x7f || b == 0xef;
    // 64 bytes at a time, each chunk without an early exit: the compiler
    // makes that vector instructions (a byte at a time was ~5% of a load).
    let any = |chunk: &[u8]| chunk.iter().fold(false, |found, &b| found | suspicious(b));
    if !bytes.chunks(64).any(any) {
        return None;
    }
    for (col, field) in record.iter().enumerate() {
        let rule = if field.contains('\n') {
            let last = line + field.matches('\n').count() as u64;
            format!(
                "a field holds a line break: a quote opened on line {line} is closed on line {last}, so lines {line}–{last} are one row; no field of this format holds a line break"
            )
        } else if field.contains('\u{feff}') {
            "a byte-order mark (U+FEFF) inside the file; only its first bytes may hold one"
                .to_string()
        } else if let Some(c) = field.chars().find(|&c| c.is_control() && c != '\t') {
            format!("a control character (U+{:04X}) in a field", c as u32)
        } else {
            continue;
        };
        let shown: String = field.chars().take(40).collect();
        return Some(
            Error::new(ErrorKind::InvalidValue(rule))
                .in_file(&**file)
                .at_line(line)
                .in_field(header.get(col).map_or("", String::as_str))
                .with_value(shown),
        );
    }
    None
}

/// Turns every line end (`\n`, `\r\n`, and a bare `\r` as old Mac
/// spreadsheets write) into `\n`. The CSV reader splits records on all
/// three but counts lines only at `\n`, so without this every row of a
/// file with bare `\r` line ends was reported on line 2.
pub(crate) struct LineEnds<R> {
    inner: R,
    after_cr: bool,
}

impl<R: Read> LineEnds<R> {
    fn new(inner: R) -> Self {
        LineEnds {
            inner,
            after_cr: false,
        }
    }
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            // Fast path: nearly every buffer has no `\r` to rewrite.
            if !self.after_cr && !buf[..n].contains(&b'\r') {
                return Ok(n);
            }
            let mut out = 0;
            for i in 0..n {
                let b = buf[i];
                if b == b'\n' && self.after_cr {
                    // The `\n` of a `\r\n`, already written as `\n`.
                    self.after_cr = false;
                    continue;
                }
                self.after_cr = b == b'\r';
                buf[out] = if self.after_cr { b'\n' } else { b };
                out += 1;
            }
            // A read that was only the `\n` of a `\r\n` is not the end.
            if out > 0 {
                return Ok(out);
            }
        }
    }
}

fn csv_error(file: &str, e: csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    let is_io = e.is_io_error();
    let err = Error::csv(e, |e| match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("field {} is not valid UTF-8", err.field() + 1),
        _ => e.to_string(),
    })
    .in_file(file);
    match line {
        // An I/O error is about the file, not a line of it.
        Some(l) if !is_io => err.at_line(l),
        _ => err,
    }
}

impl Row<'_> {
    /// The trimmed field in column `col`.
    pub(crate) fn get(&self, col: usize) -> &str {
        self.record.get(col).unwrap_or("").trim()
    }

    /// Where the row is, for records that keep it for later errors.
    pub(crate) fn origin(&self) -> Origin {
        Origin::at(self.file, self.line)
    }

    /// The row's line in its file.
    #[allow(dead_code)] // for the ATOP and COW loaders
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// An error about the value in column `col`.
    pub(crate) fn error(&self, col: usize, kind: ErrorKind) -> Error {
        Error::new(kind)
            .in_file(&**self.file)
            .at_line(self.line)
            .in_field(self.header.get(col).map_or("", String::as_str))
            .with_value(self.get(col))
    }

    /// Attaches this row's position and column `col` to an error from a parser.
    pub(crate) fn locate(&self, col: usize, e: Error) -> Error {
        e.in_file(&**self.file)
            .at_line(self.line)
            .in_field(self.header.get(col).map_or("", String::as_str))
            .replace_value(self.get(col))
    }

    /// The row's buffer, to read a later row into ([`Table::for_each_row`]).
    pub(crate) fn into_record(self) -> StringRecord {
        self.record
    }

    /// The row's fields as bytes (valid UTF-8, untrimmed), for loaders that
    /// read many columns of a few codes each.
    pub(crate) fn byte_record(&self) -> &csv::ByteRecord {
        self.record.as_byte_record()
    }
}
