//! The fold the summaries are made by: sets into a session's rows, those
//! into all-time rows and into the session's chart rows. Pure; `super`
//! reads and writes the rows.

use crate::domain::load::Volume;
use crate::domain::progress::e1rm_kg;
use crate::domain::{Load, Unit};
use crate::store::error::{Result, StoreError};

/// The best of one measure (reps, or hold in ms) and the set that first
/// reached it: earliest by time, then by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Best {
    pub value: i64,
    pub set: i64,
    pub at: String,
    pub session: i64,
    /// The best of the other sets that had the measure, if any.
    pub second: Option<i64>,
}

impl Best {
    fn beats(&self, other: &Best) -> bool {
        self.value > other.value
            || self.value == other.value && (&self.at, self.set) < (&other.at, other.set)
    }
}

/// Folds `theirs` into `mine`: the top two of both, exactly.
pub fn merge(mine: &mut Option<Best>, theirs: Option<Best>) {
    let Some(theirs) = theirs else { return };
    match mine {
        None => *mine = Some(theirs),
        Some(m) if theirs.beats(m) => {
            let second = theirs.second.max(Some(m.value));
            *m = Best { second, ..theirs };
        }
        Some(m) => m.second = m.second.max(Some(theirs.value)),
    }
}

/// What a summary is kept by: exercise, side ('both' for two-limbed sets),
/// load in hundredths (0 for none) and its unit ('' for none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LoadKey {
    pub exercise: i64,
    pub side: &'static str,
    pub centi: i64,
    pub unit: &'static str,
}

pub(super) fn side_key(text: &str) -> Result<&'static str> {
    ["both", "left", "right"]
        .into_iter()
        .find(|s| *s == text)
        .ok_or_else(|| StoreError::BadValue(format!("side {text:?}")))
}

pub(super) fn unit_key(text: &str) -> Result<&'static str> {
    ["", "kg", "lb"]
        .into_iter()
        .find(|u| *u == text)
        .ok_or_else(|| StoreError::BadValue(format!("unit {text:?}")))
}

/// One live set, as the summaries see it.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: i64,
    pub session: i64,
    pub key: LoadKey,
    pub reps: Option<i64>,
    pub hold_ms: Option<i64>,
    pub at: String,
}

impl Fact {
    fn best(&self, value: Option<i64>) -> Option<Best> {
        value.map(|value| Best {
            value,
            set: self.id,
            at: self.at.clone(),
            session: self.session,
            second: None,
        })
    }
}

/// A `session_best` row; none is kept for sets with neither reps nor a hold.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub key: LoadKey,
    pub session: i64,
    pub most_reps: Option<Best>,
    pub hold: Option<Best>,
}

impl SessionRow {
    pub(super) fn new(fact: &Fact) -> SessionRow {
        SessionRow {
            key: fact.key,
            session: fact.session,
            most_reps: None,
            hold: None,
        }
    }

    /// Counts one more live set of this session, side and load.
    pub fn add(&mut self, fact: &Fact) {
        merge(&mut self.most_reps, fact.best(fact.reps));
        merge(&mut self.hold, fact.best(fact.hold_ms));
    }

    pub fn is_empty(&self) -> bool {
        self.most_reps.is_none() && self.hold.is_none()
    }
}

/// A `load_best` row: its sessions' rows merged.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadRow {
    pub key: LoadKey,
    pub most_reps: Option<Best>,
    pub hold: Option<Best>,
}

impl LoadRow {
    pub(super) fn absorb(&mut self, row: &SessionRow) {
        merge(&mut self.most_reps, row.most_reps.clone());
        merge(&mut self.hold, row.hold.clone());
    }
}

/// A `session_chart` row: a session's rows of one exercise and side merged.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRow {
    pub exercise: i64,
    pub side: &'static str,
    pub session: i64,
    pub sets: i64,
    pub first_at: String,
    pub reps: i64,
    pub kg_centi: i64,
    pub lb_centi: i64,
    pub heaviest_kg: Option<f64>,
    pub e1rm_kg: Option<f64>,
    pub hold_ms: Option<i64>,
}

/// The larger of two optional values, either alone if the other is none.
fn larger<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b > a { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl ChartRow {
    /// The row of one set alone.
    pub fn new(fact: &Fact) -> ChartRow {
        let k = fact.key;
        let load = match k.unit {
            "kg" if k.centi > 0 => Some(Unit::Kg),
            "lb" if k.centi > 0 => Some(Unit::Lb),
            _ => None,
        }
        .map(|unit| Load {
            centi: k.centi,
            unit,
        });
        let heaviest_kg = load.map(|l| l.in_kg());
        let reps = fact.reps.unwrap_or(0);
        let positive = u32::try_from(reps).ok().filter(|&r| r > 0);
        let volume = reps * k.centi;
        ChartRow {
            exercise: k.exercise,
            side: k.side,
            session: fact.session,
            sets: 1,
            first_at: fact.at.clone(),
            reps,
            kg_centi: if k.unit == "kg" { volume } else { 0 },
            lb_centi: if k.unit == "lb" { volume } else { 0 },
            heaviest_kg,
            e1rm_kg: heaviest_kg
                .zip(positive)
                .map(|(kg, reps)| e1rm_kg(kg, reps)),
            hold_ms: fact.hold_ms,
        }
    }

    /// Reps × load summed, in kg, as SQL's `volume_kg(kg_centi, lb_centi)`.
    pub fn volume_kg(&self) -> f64 {
        Volume {
            kg_centi: self.kg_centi,
            lb_centi: self.lb_centi,
        }
        .kg()
    }

    /// Merges in another row of the same session, exercise and side.
    pub fn absorb(&mut self, other: &ChartRow) {
        self.sets += other.sets;
        if other.first_at < self.first_at {
            self.first_at.clone_from(&other.first_at);
        }
        self.reps += other.reps;
        self.kg_centi += other.kg_centi;
        self.lb_centi += other.lb_centi;
        self.heaviest_kg = larger(self.heaviest_kg, other.heaviest_kg);
        self.e1rm_kg = larger(self.e1rm_kg, other.e1rm_kg);
        self.hold_ms = larger(self.hold_ms, other.hold_ms);
    }
}

/// Counts `fact` into the chart rows of its session, by exercise and side.
pub fn chart_add(rows: &mut Vec<ChartRow>, fact: &Fact) {
    let new = ChartRow::new(fact);
    match rows
        .iter_mut()
        .find(|c| (c.exercise, c.side) == (new.exercise, new.side))
    {
        Some(c) => c.absorb(&new),
        None => rows.push(new),
    }
}
