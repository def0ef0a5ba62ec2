//! SQL functions backed by the domain's own arithmetic, so that a query
//! converts pounds and estimates a one-rep max exactly as the Rust code
//! does: one conversion factor, one Epley formula.

use rusqlite::Connection;
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::ValueRef;

use crate::domain::load::Volume;
use crate::domain::progress::e1rm_kg;
use crate::domain::{Load, Unit};

/// `volume_kg(...)` of the live sets aliased `$t`: reps × load summed
/// exactly per unit, then converted once. Warm-up sets add no volume.
macro_rules! volume {
    ($t:literal) => {
        concat!(
            "volume_kg(sum(iif(",
            $t,
            ".load_unit = 'kg' AND ",
            $t,
            ".set_type <> 'warmup', ",
            $t,
            ".reps * ",
            $t,
            ".load_centi, 0)), ",
            "sum(iif(",
            $t,
            ".load_unit = 'lb' AND ",
            $t,
            ".set_type <> 'warmup', ",
            $t,
            ".reps * ",
            $t,
            ".load_centi, 0)))"
        )
    };
}
pub(super) use volume;

fn int(ctx: &Context<'_>, i: usize) -> rusqlite::Result<Option<i64>> {
    ctx.get(i)
}

/// Registers `kg(centi, unit)` (NULL without a load), `volume_kg(kg_centi,
/// lb_centi)` (NULLs count as 0) and `e1rm(kg, reps)` (NULL without a load
/// or reps) on `conn`.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("kg", 2, flags, |ctx| {
        // The stored text is `Unit`'s own (strum), compared as bytes.
        let stored =
            |u: &Unit| matches!(ctx.get_raw(1), ValueRef::Text(t) if t == u.as_str().as_bytes());
        let Some(unit) = [Unit::Kg, Unit::Lb].into_iter().find(stored) else {
            return Ok(None);
        };
        Ok(int(ctx, 0)?
            .filter(|&centi| centi > 0)
            .map(|centi| Load { centi, unit }.in_kg()))
    })?;
    conn.create_scalar_function("volume_kg", 2, flags, |ctx| {
        Ok(Volume {
            kg_centi: int(ctx, 0)?.unwrap_or(0),
            lb_centi: int(ctx, 1)?.unwrap_or(0),
        }
        .kg())
    })?;
    conn.create_scalar_function("e1rm", 2, flags, |ctx| {
        let kg: Option<f64> = ctx.get(0)?;
        let reps = int(ctx, 1)?
            .and_then(|r| u32::try_from(r).ok())
            .filter(|&r| r > 0);
        Ok(kg.zip(reps).map(|(kg, reps)| e1rm_kg(kg, reps)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kg_reads_the_stored_unit_and_nothing_else() -> rusqlite::Result<()> {
        let conn = Connection::open_in_memory()?;
        register(&conn)?;
        let row: [Option<f64>; 4] = conn.query_row(
            "SELECT kg(4500, 'lb'), kg(2250, 'kg'), kg(100, 'stone'), kg(0, 'kg')",
            [],
            |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
        )?;
        let lb = Load {
            centi: 4500,
            unit: Unit::Lb,
        };
        assert_eq!(row, [Some(lb.in_kg()), Some(22.5), None, None]);
        Ok(())
    }
}
