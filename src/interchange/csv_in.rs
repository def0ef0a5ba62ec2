//! Reading a CSV export row by row: columns found by header name, every bad
//! row collected with its line number instead of stopping at the first.

use std::collections::HashMap;

use std::io::{BufRead, BufReader};

use csv::{ReaderBuilder, StringRecord, Trim};

use super::group::{Row, Workouts};
use super::languages::Language;
use super::workout::BadRow;
use super::{ImportError, Source, unreadable};

/// The columns of a file, by normalised header name (trimmed, lower case).
pub struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    fn new(headers: &StringRecord) -> Columns {
        let mut index = HashMap::new();
        for (i, h) in headers.iter().enumerate() {
            index.entry(h.trim().to_lowercase()).or_insert(i);
        }
        Columns { index }
    }

    pub fn has(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    /// The first of `names` the file has.
    pub fn find(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.index.get(*n).copied())
    }

    /// The field under `at` (empty when the column is absent), trimmed.
    pub fn field<'r>(&self, record: &'r StringRecord, at: Option<usize>) -> &'r str {
        at.and_then(|i| record.get(i)).unwrap_or("").trim()
    }

    /// The language of `languages` the header is written in, if not English.
    pub fn language(&self, languages: &'static [Language]) -> Option<&'static Language> {
        languages.iter().find(|l| {
            ["exercise name", "set order"].iter().all(|english| {
                !self.has(english)
                    && l.column(english)
                        .is_some_and(|local| self.has(&local.to_lowercase()))
            })
        })
    }

    /// Also finds each column of `language` under its English name.
    pub fn translate(&mut self, language: &Language) {
        for (english, local) in language.columns {
            if let Some(&at) = self.index.get(&local.to_lowercase()) {
                self.index.entry((*english).to_string()).or_insert(at);
            }
        }
    }

    pub fn require(&self, names: &[&str]) -> Result<(), ImportError> {
        let missing: Vec<String> = names
            .iter()
            .filter(|n| !self.has(n))
            .map(|n| (*n).to_string())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(ImportError::MissingColumns(missing))
        }
    }
}

/// The file's delimiter, from its header line: `;` or `,`.
pub fn delimiter(text: &[u8]) -> u8 {
    let header = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |d: u8| header.iter().filter(|&&b| b == d).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// Reads every record of `source` through `read`, which turns one record
/// into a row or says why it cannot, into `workouts`. `setup` sees the
/// header first and builds the per-file state `read` needs (or refuses the
/// file). The file is read as a stream: a record at a time.
pub fn rows<S>(
    source: &dyn Source,
    setup: impl FnOnce(&mut Columns) -> Result<S, ImportError>,
    mut read: impl for<'r> FnMut(&S, &Columns, &'r StringRecord, u64) -> Result<Option<Row<'r>>, String>,
    workouts: &mut Workouts,
) -> Result<(), ImportError> {
    let mut input = BufReader::with_capacity(1 << 16, source.open().map_err(unreadable)?);
    let delimiter = delimiter(input.fill_buf().map_err(unreadable)?);
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(Trim::Headers)
        .from_reader(input);
    let mut columns = Columns::new(
        reader
            .headers()
            .map_err(|e| ImportError::Syntax(e.to_string()))?,
    );
    let state = setup(&mut columns)?;
    let mut bad = Vec::new();
    let mut record = StringRecord::new();
    // Where the last record starts: byte and line.
    let mut last = None;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                last = record.position().map(|p| (p.byte(), p.line()));
                let line = last.map_or(0, |(_, line)| line);
                match read(&state, &columns, &record, line) {
                    Ok(Some(row)) => workouts.push(row),
                    Ok(None) => {}
                    Err(reason) => {
                        workouts.refuse();
                        bad.push(BadRow {
                            at: format!("line {line}"),
                            reason,
                        });
                    }
                }
            }
            Err(e) => {
                last = e.position().map(|p| (p.byte(), p.line()));
                let line = last.map_or(0, |(_, line)| line);
                let reason = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("has {len} fields, the header has {expected_len}")
                    }
                    _ => e.to_string(),
                };
                workouts.refuse();
                bad.push(BadRow {
                    at: format!("line {line}"),
                    reason,
                });
                let goes_on = matches!(
                    e.kind(),
                    csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                );
                if !goes_on {
                    break;
                }
            }
        }
    }
    if let Some((byte, line)) = last {
        // The reader takes a quote left open at the end as closed: the last
        // record is read again to see.
        let tail = source.tail(byte).map_err(unreadable)?;
        if unterminated(&tail, delimiter) {
            // Whatever else the cut record got wrong follows from the cut.
            let at = format!("line {line}");
            bad.retain(|b| b.at != at);
            workouts.refuse();
            bad.push(BadRow {
                at,
                reason: "unterminated quoted field".into(),
            });
        }
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(ImportError::BadRows(bad))
    }
}

/// Whether `tail`, the text of a file's last record, ends inside a quoted
/// field: a file cut in the middle, which the CSV reader takes as complete.
/// A quote opens a quoted field only at the start of a field, as in the
/// reader.
fn unterminated(tail: &[u8], delimiter: u8) -> bool {
    #[derive(PartialEq)]
    enum At {
        Start,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let mut at = At::Start;
    for &b in tail {
        at = match (at, b) {
            (At::Start, b'"') | (At::QuoteInQuoted, b'"') => At::Quoted,
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (_, b) if b == delimiter || b == b'\n' || b == b'\r' => At::Start,
            _ => At::Plain,
        };
    }
    at == At::Quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_left_open_at_the_end_is_seen() {
        assert!(unterminated(b"1,\"10-15 re", b','));
        assert!(unterminated(b"1,\"a \"\"b\"\" c\nd", b','));
        assert!(!unterminated(b"1,\"a,\"\"b\"\"\"\n", b','));
        assert!(
            !unterminated(b"1,12\" box,3\n", b','),
            "a quote inside a field is text"
        );
        assert!(!unterminated(b"\"a\";\"b\"", b';'));
    }
}
