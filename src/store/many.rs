//! Bulk writes (an import, the summaries' rebuild): one `INSERT`, prepared
//! once and held, its values bound borrowed (no lookup in the statement
//! cache, no values copied into Rust strings first). One row a statement: a
//! statement of many rows keeps a statement journal (to undo itself alone
//! on a failed CHECK or foreign key), whose page copies cost what the fewer
//! statements saved.

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, Statement};

use super::error::Result;

pub struct Inserts<'c> {
    width: usize,
    statement: Statement<'c>,
}

impl<'c> Inserts<'c> {
    /// `head` is `INSERT INTO t (a, b, c) VALUES`; a row's `width` values
    /// follow it.
    pub fn new(conn: &'c Connection, head: &str, width: usize) -> Result<Inserts<'c>> {
        let row = vec!["?"; width].join(", ");
        let statement = conn.prepare(&format!("{head} ({row})"))?;
        Ok(Inserts { width, statement })
    }

    /// Stores rows given as their values one after another, `width` a row.
    pub fn insert(&mut self, values: &[ValueRef<'_>]) -> Result<()> {
        for row in values.chunks_exact(self.width) {
            for (i, v) in row.iter().enumerate() {
                self.statement
                    .raw_bind_parameter(i + 1, ToSqlOutput::Borrowed(*v))?;
            }
            self.statement.raw_execute()?;
        }
        Ok(())
    }
}

pub fn int(v: Option<i64>) -> ValueRef<'static> {
    v.map_or(ValueRef::Null, ValueRef::Integer)
}

pub fn real(v: Option<f64>) -> ValueRef<'static> {
    v.map_or(ValueRef::Null, ValueRef::Real)
}

pub fn text(v: Option<&str>) -> ValueRef<'_> {
    v.map_or(ValueRef::Null, |t| ValueRef::Text(t.as_bytes()))
}
