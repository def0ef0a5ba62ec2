//! Multi-row `INSERT`s for bulk writes (an import, the summaries' rebuild):
//! one statement stores up to [`MOST`] rows, so a row costs a share of one
//! statement's step, reset and VM setup instead of a whole one. Values are
//! bound borrowed; no row is copied into Rust strings first.

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, Statement};

use super::error::Result;

/// Rows per statement at most: 32 rows of 15 columns stay well under
/// SQLite's limit of 32,766 parameters.
const MOST: usize = 32;

/// The statements of one `INSERT`, for 1, 2, 4, ... [`MOST`] rows.
pub struct Inserts<'c> {
    width: usize,
    statements: Vec<Statement<'c>>,
}

impl<'c> Inserts<'c> {
    /// `head` is `INSERT INTO t (a, b, c) VALUES`; the rows' tuples of
    /// `width` values follow it.
    pub fn new(conn: &'c Connection, head: &str, width: usize) -> Result<Inserts<'c>> {
        let row = format!("({})", vec!["?"; width].join(", "));
        let statements = (0..=MOST.trailing_zeros())
            .map(|power| conn.prepare(&format!("{head} {}", vec![row.as_str(); 1 << power].join(", "))))
            .collect::<rusqlite::Result<_>>()?;
        Ok(Inserts { width, statements })
    }

    /// Stores rows given as their values one after another, `width` a row,
    /// in as few statements as the binary digits of their number.
    pub fn insert(&mut self, values: &[ValueRef<'_>]) -> Result<()> {
        let mut rest = values;
        while rest.len() >= self.width {
            let rows = rest.len() / self.width;
            let power = rows.ilog2().min(MOST.trailing_zeros());
            let (now, later) = rest.split_at((1 << power) * self.width);
            let stmt = &mut self.statements[power as usize];
            for (i, v) in now.iter().enumerate() {
                stmt.raw_bind_parameter(i + 1, ToSqlOutput::Borrowed(*v))?;
            }
            stmt.raw_execute()?;
            rest = later;
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
