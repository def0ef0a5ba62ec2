//! The form of a reps set (reps, load, RPE, note), with validation. Text is
//! kept as typed so a typo can be shown and fixed; nothing leaves the form
//! until it parses.

use super::load::{Load, Unit};
use super::note;
use super::set::Rpe;

/// More reps than this in one set is a typo, not a set.
pub const MAX_REPS: u32 = 500;
/// A number field (reps, load, RPE) holds no more characters than this.
const MAX_NUMBER: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Reps,
    Load,
    Rpe,
    Note,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Field::Reps => "reps",
            Field::Load => "load",
            Field::Rpe => "RPE",
            Field::Note => "note",
        }
    }
}

/// What a valid form holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entered {
    pub reps: u32,
    pub load: Option<Load>,
    pub rpe: Option<Rpe>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetEntry {
    pub reps: String,
    pub load: String,
    pub rpe: String,
    pub note: String,
    pub unit: Unit,
    pub focus: Field,
    /// True once the person has typed into the focused field: the next key
    /// appends instead of replacing the prefilled value.
    pub editing: bool,
    pub error: Option<(Field, String)>,
}

impl SetEntry {
    pub fn new(reps: u32, load: Option<Load>, default_unit: Unit) -> Self {
        let unit = load.map_or(default_unit, |l| l.unit);
        let load = load.map(|l| {
            l.to_string()
                .trim_end_matches(unit.as_str())
                .trim()
                .to_string()
        });
        SetEntry {
            reps: reps.to_string(),
            load: load.unwrap_or_default(),
            rpe: String::new(),
            note: String::new(),
            unit,
            focus: Field::Reps,
            editing: false,
            error: None,
        }
    }

    fn field_mut(&mut self) -> &mut String {
        match self.focus {
            Field::Reps => &mut self.reps,
            Field::Load => &mut self.load,
            Field::Rpe => &mut self.rpe,
            Field::Note => &mut self.note,
        }
    }

    /// True while keys are text: a number being edited, or the note.
    pub fn typing_text(&self) -> bool {
        self.focus == Field::Note
    }

    /// A typed character. The first one replaces a prefilled number; a
    /// note refuses what passes its limit, visibly.
    pub fn type_char(&mut self, c: char) {
        self.error = None;
        if self.focus == Field::Note {
            self.editing = true;
            if let Err(message) = note::type_char(&mut self.note, c) {
                self.error = Some((Field::Note, message));
            }
            return;
        }
        if !self.editing {
            self.field_mut().clear();
        }
        self.editing = true;
        if let Some(c) = note::clean(c).filter(|_| self.field_mut().chars().count() < MAX_NUMBER) {
            self.field_mut().push(c);
        }
    }

    pub fn backspace(&mut self) {
        self.editing = true;
        note::backspace(self.field_mut());
        self.error = None;
    }

    pub fn focus_next(&mut self) {
        self.focus = match self.focus {
            Field::Reps => Field::Load,
            Field::Load => Field::Rpe,
            Field::Rpe => Field::Note,
            Field::Note => Field::Reps,
        };
        self.editing = false;
    }

    pub fn focus_previous(&mut self) {
        for _ in 0..3 {
            self.focus_next();
        }
    }

    pub fn toggle_unit(&mut self) {
        self.unit = self.unit.toggled();
    }

    /// The set's numbers, or the field at fault and why.
    pub fn validate(&self) -> Result<Entered, (Field, String)> {
        let reps = parse_reps(&self.reps).map_err(|m| (Field::Reps, m))?;
        let load = Load::parse(&self.load, self.unit).map_err(|m| (Field::Load, m))?;
        let (rpe, note) = annotation(&self.rpe, &self.note)?;
        Ok(Entered {
            reps,
            load,
            rpe,
            note,
        })
    }
}

/// An optional RPE and note, as typed.
pub fn annotation(rpe: &str, note: &str) -> Result<(Option<Rpe>, Option<String>), (Field, String)> {
    let rpe = match rpe.trim() {
        "" => None,
        text => Some(Rpe::parse(text).map_err(|m| (Field::Rpe, m))?),
    };
    let note = note::finish(note).map_err(|m| (Field::Note, m))?;
    Ok((rpe, note))
}

fn parse_reps(text: &str) -> Result<u32, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("enter the reps you did".into());
    }
    if text.starts_with('-') {
        return Err("reps cannot be negative".into());
    }
    match text.parse::<u32>() {
        Ok(0) => Err("reps must be at least 1".into()),
        Ok(n) if n <= MAX_REPS => Ok(n),
        Ok(_) => Err(format!("{text} reps? at most {MAX_REPS}")),
        Err(_) if text.chars().all(|c| c.is_ascii_digit()) => {
            Err(format!("{text} reps? at most {MAX_REPS}"))
        }
        Err(_) => Err(format!("{text:?} is not a whole number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> SetEntry {
        SetEntry::new(
            15,
            Some(Load {
                centi: 2000,
                unit: Unit::Kg,
            }),
            Unit::Kg,
        )
    }

    fn reps_load(e: &SetEntry) -> Result<(u32, Option<Load>), (Field, String)> {
        e.validate().map(|v| (v.reps, v.load))
    }

    #[test]
    fn prefilled_values_validate() {
        assert_eq!(
            reps_load(&entry()),
            Ok((
                15,
                Some(Load {
                    centi: 2000,
                    unit: Unit::Kg
                })
            ))
        );
        assert_eq!(entry().load, "20");
    }

    #[test]
    fn first_key_replaces_then_appends() {
        let mut e = entry();
        e.type_char('1');
        e.type_char('2');
        assert_eq!(e.reps, "12");
        e.focus_next();
        for c in "22.5".chars() {
            e.type_char(c);
        }
        assert_eq!(
            reps_load(&e),
            Ok((
                12,
                Some(Load {
                    centi: 2250,
                    unit: Unit::Kg
                })
            ))
        );
    }

    #[test]
    fn typos_are_refused_with_the_field_named() {
        let mut e = entry();
        for c in "1a".chars() {
            e.type_char(c);
        }
        assert_eq!(
            e.validate(),
            Err((Field::Reps, "\"1a\" is not a whole number".into()))
        );
        e.reps = "4000".into();
        assert_eq!(
            e.validate(),
            Err((Field::Reps, "4000 reps? at most 500".into()))
        );
        e.reps = "-3".into();
        assert_eq!(
            e.validate(),
            Err((Field::Reps, "reps cannot be negative".into()))
        );
        e.reps = "10".into();
        e.load = "-5".into();
        assert!(matches!(e.validate(), Err((Field::Load, _))));
        e.load = "5".into();
        e.rpe = "11".into();
        assert!(matches!(e.validate(), Err((Field::Rpe, _))));
    }

    #[test]
    fn empty_load_is_bodyweight_and_unit_toggles() {
        let mut e = SetEntry::new(10, None, Unit::Kg);
        assert_eq!(reps_load(&e), Ok((10, None)));
        e.focus_next();
        e.type_char('4');
        e.type_char('5');
        e.toggle_unit();
        assert_eq!(
            reps_load(&e),
            Ok((
                10,
                Some(Load {
                    centi: 4500,
                    unit: Unit::Lb
                })
            ))
        );
    }

    #[test]
    fn rpe_and_note_are_optional_and_the_note_takes_any_text() {
        let mut e = entry();
        e.focus_previous();
        e.focus_previous();
        assert_eq!(e.focus, Field::Rpe);
        e.type_char('8');
        e.type_char('.');
        e.type_char('5');
        e.focus_next();
        assert!(e.typing_text());
        for c in "left knee ok, q fine".chars() {
            e.type_char(c);
        }
        let v = e.validate().unwrap();
        assert_eq!(v.rpe.map(|r| r.to_string()).as_deref(), Some("8.5"));
        assert_eq!(v.note.as_deref(), Some("left knee ok, q fine"));
        assert_eq!(
            entry().validate().map(|v| (v.rpe, v.note)),
            Ok((None, None))
        );
    }
}
