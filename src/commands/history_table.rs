//! `runstrong history` as a table for people to read.

use std::io::{self, Write};

use chrono::{DateTime, Local, Timelike, Utc};

use super::history_out::{Sessions, Sink, moved};
use crate::cli::Detail;
use crate::domain::Unit;
use crate::domain::history::{SessionRow, SetRow, Standing, Totals, WeekSummary};
use crate::domain::time;
use crate::ui::text;

pub struct Table<'a> {
    out: &'a mut dyn Write,
    detail: Detail,
    target: u32,
    /// The unit of load moved (config.toml's).
    unit: Unit,
    /// The week under way is not called missed.
    now: DateTime<Utc>,
}

impl<'a> Table<'a> {
    pub fn new(out: &'a mut dyn Write, detail: Detail, unit: Unit, now: DateTime<Utc>) -> Self {
        Table {
            out,
            detail,
            target: 0,
            unit,
            now,
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

    fn week(&mut self, w: &WeekSummary, sessions: &Sessions) -> io::Result<()> {
        self.week_line(w)?;
        for (session, sets) in sessions {
            self.session_line(session)?;
            for set in sets {
                self.set_line(set)?;
            }
        }
        if self.detail > Detail::Weeks {
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Table<'_> {
    fn week_line(&mut self, w: &WeekSummary) -> io::Result<()> {
        let label = format!(
            "{} {}",
            w.week.first_day,
            w.week.iso_label().split('-').nth(1).unwrap_or_default()
        );
        let done = format!("{}/{}", w.totals.sessions, self.target);
        let mark = match w.standing(self.target, self.now) {
            Standing::Met => "met",
            Standing::Missed => "missed",
            Standing::ToGo(_) => "to go",
            Standing::Short(_) => "",
        };
        writeln!(
            self.out,
            "{label:<20} {done:>4} {mark:<5} {}",
            self.totals_cells(&w.totals)
        )
    }

    fn session_line(&mut self, s: &SessionRow) -> io::Result<()> {
        let start = s.started_at.with_timezone(&Local).format("%a %d %b %H:%M");
        writeln!(
            self.out,
            "  {start:<18} {:<10} {}",
            "",
            self.totals_cells(&s.totals)
        )
    }

    /// Written piece by piece into the buffered output: a set line is most
    /// of the table, so it formats no text of its own first.
    fn set_line(&mut self, set: &SetRow) -> io::Result<()> {
        let at = set.logged_at.with_timezone(&Local);
        let side = set.side.map_or("", |s| s.letter());
        let work = set.work;
        let mark = if set.corrected { " (corrected)" } else { "" };
        // The name padded to 22 columns, "#" and number with its type
        // letter to 3 characters, as `{:<n}` would in characters.
        let name_pad = 22usize.saturating_sub(text::width(&set.exercise));
        let letter = set.kind.letter();
        let digits = set.set_number.checked_ilog10().unwrap_or(0) as usize + 1;
        let number_pad = 3usize.saturating_sub(digits + letter.len());
        writeln!(
            self.out,
            "    {:02}:{:02} {}{:name_pad$} #{}{letter}{:number_pad$} {side:<1} {work}{mark}{}",
            at.hour(),
            at.minute(),
            set.exercise,
            "",
            set.set_number,
            "",
            set.remarks()
        )
    }
}
