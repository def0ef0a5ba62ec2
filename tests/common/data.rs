//! Helpers for the data tests: fixtures, imports, whole-database snapshots.

use std::path::{Path, PathBuf};

use chrono::Utc;
use runstrong::domain::Unit;
use runstrong::interchange::{self, Format, Import, ImportError, json};
use runstrong::store::{ImportOutcome, Store};

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}

/// Parses `text` with times read as UTC, so results do not depend on the
/// machine's time zone.
pub fn parse(text: &str, unit: Option<Unit>) -> Result<(Format, Import), ImportError> {
    interchange::parse(text, None, unit, &Utc)
}

pub fn import(store: &mut Store, text: &str, unit: Option<Unit>) -> ImportOutcome {
    let (_, import) = parse(text, unit).unwrap();
    store.import(&import, &mut |_| {}).unwrap()
}

pub fn new_store(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("runstrong.db")).unwrap()
}

/// The whole database as a runstrong JSON document.
pub fn snapshot(store: &Store) -> String {
    let mut w = json::Writer::begin(Vec::new(), &store.exercise_defs().unwrap(), &[]).unwrap();
    store
        .for_each_workout(
            None,
            None,
            |workout| -> Result<(), Box<dyn std::error::Error>> { Ok(w.session(&workout)?) },
        )
        .unwrap();
    String::from_utf8(w.finish().unwrap()).unwrap()
}

pub fn workouts(store: &Store) -> Vec<interchange::Workout> {
    let mut out = Vec::new();
    store
        .for_each_workout(
            None,
            None,
            |w| -> Result<(), runstrong::store::StoreError> {
                out.push(w);
                Ok(())
            },
        )
        .unwrap();
    out
}

/// Every row of every table, and the schema: the whole database.
pub fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out: Vec<String> = conn
        .prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let width = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let values = (0..width)
                    .map(|i| r.get::<_, rusqlite::types::Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(format!("{table} {values:?}"))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out.sort();
    out
}

/// The bad rows a refusal lists, as the person reads them.
pub fn bad_rows(err: ImportError) -> Vec<String> {
    let ImportError::BadRows(rows) = &err else {
        panic!("{err}")
    };
    rows.iter().map(ToString::to_string).collect()
}
