//! How `runstrong next` prints: aligned text for people, one JSON document
//! for scripts (loads as a number and a unit, as `history` writes them).

use std::io::{self, Write};

use serde::Serialize;

use crate::domain::Load;
use crate::domain::plates::PlateLine;
use crate::domain::progression::{NextSession, Suggestion, Target, WarmupSet};

const LEFT: usize = 22;

pub fn table(next: &NextSession, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}: next session, {}",
        next.routine,
        next.date.format("%a %-d %b %Y")
    )?;
    if let Some(week) = &next.week {
        writeln!(out, "{}", week.note)?;
    }
    for ex in &next.exercises {
        writeln!(out)?;
        writeln!(out, "{}", ex.name)?;
        if !ex.warmup.is_empty() {
            let sets: Vec<String> = ex
                .warmup
                .iter()
                .map(|w| format!("{} × {}", w.load, w.reps))
                .collect();
            writeln!(out, "  {:<LEFT$}{}", "warm-up", sets.join(", "))?;
        }
        for s in &ex.suggestions {
            writeln!(out, "  {:<LEFT$}{}", s.work(), s.reason)?;
            if let Some(line) = &s.plates {
                writeln!(out, "  {:<LEFT$}{}", "plates", line)?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct SessionOut<'a> {
    routine: &'a str,
    date: String,
    week: Option<WeekOut<'a>>,
    exercises: Vec<ExerciseOut<'a>>,
}

#[derive(Serialize)]
struct WeekOut<'a> {
    kind: &'static str,
    note: &'a str,
}

#[derive(Serialize)]
struct ExerciseOut<'a> {
    name: &'a str,
    rule: Option<&'static str>,
    warmup: Vec<SetOut>,
    suggestions: Vec<SuggestionOut<'a>>,
}

#[derive(Serialize)]
struct SetOut {
    reps: u32,
    load: f64,
    unit: &'static str,
}

#[derive(Serialize)]
struct SuggestionOut<'a> {
    side: Option<&'static str>,
    sets: u32,
    reps: Option<u32>,
    hold_seconds: Option<u32>,
    load: Option<f64>,
    unit: Option<&'static str>,
    variation: Option<&'a str>,
    plates: Option<PlatesOut>,
    reason: &'a str,
}

/// The bar and the plates a side, or the nearest loads that can be made;
/// all in `unit`.
#[derive(Serialize)]
struct PlatesOut {
    makeable: bool,
    unit: &'static str,
    bar: Option<f64>,
    per_side: Vec<f64>,
    nearest: Vec<f64>,
}

impl From<&PlateLine> for PlatesOut {
    fn from(line: &PlateLine) -> Self {
        match line {
            PlateLine::Made { bar, per_side } => PlatesOut {
                makeable: true,
                unit: bar.unit.as_str(),
                bar: Some(number(*bar)),
                per_side: per_side.iter().copied().map(number).collect(),
                nearest: vec![],
            },
            PlateLine::Unmakeable {
                wanted,
                below,
                above,
            } => PlatesOut {
                makeable: false,
                unit: wanted.unit.as_str(),
                bar: None,
                per_side: vec![],
                nearest: [below, above]
                    .into_iter()
                    .flatten()
                    .copied()
                    .map(number)
                    .collect(),
            },
        }
    }
}

fn number(load: Load) -> f64 {
    load.centi as f64 / 100.0
}

impl<'a> From<&'a Suggestion> for SuggestionOut<'a> {
    fn from(s: &'a Suggestion) -> Self {
        let (reps, hold_seconds) = match s.target {
            Target::Reps(r) => (Some(r), None),
            Target::Hold { secs } => (None, Some(secs)),
        };
        SuggestionOut {
            side: s.side.map(|s| s.as_str()),
            sets: s.sets,
            reps,
            hold_seconds,
            load: s.load.map(number),
            unit: s.load.map(|l| l.unit.as_str()),
            variation: s.variation.as_deref(),
            plates: s.plates.as_ref().map(PlatesOut::from),
            reason: &s.reason,
        }
    }
}

fn warmup(w: &WarmupSet) -> SetOut {
    SetOut {
        reps: w.reps,
        load: number(w.load),
        unit: w.load.unit.as_str(),
    }
}

pub fn json(next: &NextSession, out: &mut dyn Write) -> io::Result<()> {
    let doc = SessionOut {
        routine: &next.routine,
        date: next.date.to_string(),
        week: next.week.as_ref().map(|w| WeekOut {
            kind: w.kind,
            note: &w.note,
        }),
        exercises: next
            .exercises
            .iter()
            .map(|ex| ExerciseOut {
                name: &ex.name,
                rule: ex.rule,
                warmup: ex.warmup.iter().map(warmup).collect(),
                suggestions: ex.suggestions.iter().map(SuggestionOut::from).collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
