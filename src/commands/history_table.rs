//! `runstrong history` as a table for people to read.

use std::io::{self, Write};

use chrono::Local;

use super::history_out::{Sink, moved};
use crate::cli::Detail;
use crate::domain::Unit;
use crate::domain::history::{SessionRow, SetRow, Totals, WeekSummary};
use crate::domain::time;

pub struct Table<'a> {
    out: &'a mut dyn Write,
    detail: Detail,
    target: u32,
    /// The unit of load moved (config.toml's).
    unit: Unit,
}

impl<'a> Table<'a> {
    pub fn new(out: &'a mut dyn Write, detail: Detail, unit: Unit) -> Self {
        Table {
            out,
            detail,
            target: 0,
            unit,
        }
    }

    fn totals_cells(&self, t: &Totals) -> String {
        format!(
            "{:>5} {:>6} {:>10.1} {:>8}",
            t.sets,
            t.reps,
            moved(t.volume_kg, self.unit),
            time::clock(t.held)
        )
    }
}

impl Sink for Table<'_> {
    fn begin(&mut self, target: u32) -> io::Result<()> {
        self.target = target;
        writeln!(
            self.out,
            "{:<20} {:<10} {:>5} {:>6} {:>10} {:>8}",
            "week",
            "sessions",
            "sets",
            "reps",
            format!("{} moved", self.unit.as_str()),
            "held"
        )
    }

    fn week(&mut self, w: &WeekSummary) -> io::Result<()> {
        let label = format!(
            "{} {}",
            w.week.first_day,
            w.week.iso_label().split('-').nth(1).unwrap_or_default()
        );
        let done = format!("{}/{}", w.totals.sessions, self.target);
        let mark = match (w.totals.sessions, w.met(self.target)) {
            (0, _) => "missed",
            (_, true) => "met",
            _ => "",
        };
        writeln!(
            self.out,
            "{label:<20} {done:>4} {mark:<5} {}",
            self.totals_cells(&w.totals)
        )
    }

    fn session(&mut self, _: &WeekSummary, s: &SessionRow) -> io::Result<()> {
        let start = s.started_at.with_timezone(&Local).format("%a %d %b %H:%M");
        writeln!(
            self.out,
            "  {start:<18} {:<10} {}",
            "",
            self.totals_cells(&s.totals)
        )
    }

    fn set(&mut self, _: &WeekSummary, _: &SessionRow, set: &SetRow) -> io::Result<()> {
        let at = set.logged_at.with_timezone(&Local).format("%H:%M");
        let side = set.side.map_or("", |s| s.letter());
        let work = set.work;
        let mark = if set.corrected { " (corrected)" } else { "" };
        writeln!(
            self.out,
            "    {at} {} #{:<3} {side:<1} {work}{mark}{}",
            crate::ui::text::pad(&set.exercise, 22),
            format!("{}{}", set.set_number, set.kind.letter()),
            set.remarks()
        )
    }

    fn end_week(&mut self) -> io::Result<()> {
        if self.detail > Detail::Weeks {
            writeln!(self.out)
        } else {
            Ok(())
        }
    }

    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }
}
