//! The words Strong writes in the app's language: its CSV header and the
//! `Set Order` keywords. Data only, one entry per language, each word
//! copied from a real export (never translated by guess); detection and
//! the reader look every file up here. English is the reader's own
//! vocabulary and needs no entry. To add a language, add its exact header
//! and keywords, and a fixture in `tests/fixtures/import/`.

/// One language of Strong's export.
pub struct Language {
    pub name: &'static str,
    /// English column name (lower case) and this language's, as written.
    pub columns: &'static [(&'static str, &'static str)],
    /// English `Set Order` keyword (lower case) and this language's.
    pub set_order: &'static [(&'static str, &'static str)],
}

pub const LANGUAGES: &[Language] = &[Language {
    name: "German",
    columns: &[
        ("date", "Datum"),
        ("workout name", "Workout-Name"),
        ("duration", "Dauer"),
        ("exercise name", "Name der Übung"),
        ("set order", "Reihenfolge festlegen"),
        ("weight", "Gewicht"),
        ("reps", "Wiederh."),
        ("distance", "Entfernung"),
        ("seconds", "Sekunden"),
        ("notes", "Notizen"),
        ("workout notes", "Workout-Notizen"),
        ("rpe", "RPE"),
    ],
    set_order: &[("rest timer", "Ruhezeit")],
}];

impl Language {
    /// This language's word for the English column `english`.
    pub fn column(&self, english: &str) -> Option<&'static str> {
        self.columns
            .iter()
            .find(|(e, _)| *e == english)
            .map(|(_, local)| *local)
    }
}

/// The language whose header `header` (lower case) is, by its words for
/// the two columns only Strong has.
pub fn of_header(header: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| {
        ["exercise name", "set order"].iter().all(|english| {
            l.column(english)
                .is_some_and(|local| header.contains(&local.to_lowercase()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_the_columns_detection_needs() {
        for l in LANGUAGES {
            for english in ["date", "workout name", "exercise name", "set order"] {
                assert!(l.column(english).is_some(), "{} lacks {english}", l.name);
            }
        }
    }
}
