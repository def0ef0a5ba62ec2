//! Which format a file is in, from its first bytes and header line.

use super::{Format, fitnotes, hevy, strong};

/// The format of `text` (BOM already removed), or `None` if it is not one
/// runstrong reads.
pub fn detect(text: &str) -> Option<Format> {
    let start = text.trim_start();
    if start.starts_with('{') {
        return Some(Format::Runstrong);
    }
    let header = start.lines().next().unwrap_or("");
    if hevy::looks_like(header) {
        Some(Format::Hevy)
    } else if fitnotes::looks_like(header) {
        Some(Format::Fitnotes)
    } else if strong::looks_like(header) {
        Some(Format::Strong)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_formats_apart() {
        assert_eq!(
            detect("Date,Workout Name,Duration,Exercise Name,Set Order,Weight\n"),
            Some(Format::Strong)
        );
        assert_eq!(
            detect("\"Workout #\";\"Date\";\"Exercise Name\";\"Set Order\"\n"),
            Some(Format::Strong)
        );
        assert_eq!(
            detect("Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht\n"),
            Some(Format::Strong)
        );
        assert_eq!(
            detect("\"title\",\"start_time\",\"exercise_title\"\n"),
            Some(Format::Hevy)
        );
        assert_eq!(
            detect("  {\"format\":\"runstrong\"}"),
            Some(Format::Runstrong)
        );
        assert_eq!(
            detect("Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"),
            Some(Format::Fitnotes)
        );
        assert_eq!(detect("a,b,c\n1,2,3\n"), None);
    }
}
