//! Field readers shared by the CSV formats. Each returns the value or the
//! reason it is not one, in words for the bad-row report.

use std::borrow::Cow;

use super::SHOWN_ROUNDED;
use super::bounds;
use super::workout::{Distance, DistanceUnit, Rounded};
use crate::domain::load::{KG_PER_LB, centi_text};
use crate::domain::set::Rpe;
use crate::domain::{Load, Unit};

/// More than this in any numeric column is a broken file, not a workout.
const MAX_VALUE: f64 = 1.0e7;

/// `text` as an integer count of 10^-`places`, and whether it had to be
/// rounded. Plain decimals are read digit by digit, so nothing is lost to
/// floating point; longer fractions (float noise such as
/// `149.99999999999997`) go to the nearest step, halves away from zero. A
/// comma is a decimal point when there is no dot (semicolon files from
/// comma locales).
pub fn scaled(text: &str, places: u32) -> Result<(i64, bool), String> {
    let text = text.trim();
    let point = if text.contains('.') { '.' } else { ',' };
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, frac) = unsigned.split_once(point).unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(whole.is_empty() && frac.is_empty()) && digits(whole) && digits(frac) {
        let whole = whole.trim_start_matches('0');
        if whole.len() > 10 {
            return Err(format!("{text:?} is out of range"));
        }
        let (kept, extra) = frac.split_at(frac.len().min(places as usize));
        let padding = places as usize - kept.len();
        let n = whole
            .bytes()
            .chain(kept.bytes())
            .chain(std::iter::repeat_n(b'0', padding))
            .fold(0_i64, |n, b| n * 10 + i64::from(b - b'0'));
        let n = n + i64::from(extra.bytes().next().is_some_and(|b| b >= b'5'));
        let rounded = extra.bytes().any(|b| b != b'0');
        return Ok((if negative { -n } else { n }, rounded));
    }
    let scale = 10_f64.powi(places as i32);
    match text.replace(point, ".").parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() < MAX_VALUE => {
            let n = (v * scale).round();
            Ok((n as i64, n / scale != v))
        }
        Ok(_) => Err(format!("{text:?} is out of range")),
        Err(_) => Err(format!("{text:?} is not a number")),
    }
}

/// Values rounded for float noise: the first few, to show, and how many.
#[derive(Debug, Default)]
pub struct Rounding {
    pub kept: Vec<Rounded>,
    pub total: u64,
}

impl Rounding {
    /// Counts one more; `rounded` makes it (its text) only for the first
    /// few, as a file may round a value on every other row.
    fn add(&mut self, rounded: impl FnOnce() -> Rounded) {
        self.total += 1;
        if self.kept.len() < SHOWN_ROUNDED {
            self.kept.push(rounded());
        }
    }
}

/// A positive amount in hundredths (`what` names it in errors); empty or
/// zero is none. Noise is rounded to the hundredth and recorded in
/// `rounded`, shown in `unit`.
fn hundredths(
    text: &str,
    what: &str,
    unit: &str,
    line: u64,
    rounded: &mut Rounding,
) -> Result<Option<i64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let (centi, was_rounded) = scaled(text, 2).map_err(|e| format!("{what} {e}"))?;
    if centi < 0 {
        return Err(format!("{what} {:?} is negative", text.trim()));
    }
    if was_rounded && centi > 0 {
        rounded.add(|| Rounded {
            line,
            written: text.trim().to_string(),
            kept: format!("{} {unit}", centi_text(centi)),
        });
    }
    Ok((centi > 0).then_some(centi))
}

/// A weight in `unit`; empty or zero is bodyweight.
pub fn weight(
    text: &str,
    unit: Unit,
    line: u64,
    rounded: &mut Rounding,
) -> Result<Option<Load>, String> {
    hundredths(text, "weight", unit.as_str(), line, rounded)?
        .map(|centi| bounds::load(Load { centi, unit }))
        .transpose()
}

/// A distance in `unit`; empty or zero is none.
pub fn distance(
    text: &str,
    unit: DistanceUnit,
    line: u64,
    rounded: &mut Rounding,
) -> Result<Option<Distance>, String> {
    hundredths(text, "distance", unit.as_str(), line, rounded)?
        .map(|centi| bounds::distance(Distance { centi, unit }))
        .transpose()
}

/// True when `text` is empty or zero: no value, whatever unit is beside it.
pub fn is_none(text: &str) -> bool {
    text.trim().is_empty() || scaled(text, 2).is_ok_and(|(v, _)| v == 0)
}

/// Strong's kg-only layout stores a weight typed in pounds converted (30 lb
/// is written `13.6077711`). A value finer than hundredths that is, to float
/// precision, a whole or quarter pound, and not a clean kg value, is read
/// back as those pounds.
pub fn pounds_from_kg(text: &str) -> Option<Load> {
    const CLOSE: f64 = 1e-6;
    let text = text.trim();
    let (_, frac) = text.split_once('.')?;
    if frac.len() <= 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let kg: f64 = text.parse().ok()?;
    let clean_kg = ((kg * 100.0).round() / 100.0 - kg).abs() < CLOSE;
    if !kg.is_finite() || kg <= 0.0 || clean_kg {
        return None;
    }
    let quarters = (kg / KG_PER_LB * 4.0).round();
    let exact = (quarters / 4.0 * KG_PER_LB - kg).abs() < CLOSE;
    (exact && (1.0..1e9).contains(&quarters))
        .then_some(Load {
            centi: quarters as i64 * 25,
            unit: Unit::Lb,
        })
        .filter(|l| bounds::load(*l).is_ok())
}

/// A whole count such as reps, which exports may write as `8.0`.
pub fn count(text: &str, what: &str) -> Result<Option<u32>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let (milli, rounded) = scaled(text, 3).map_err(|e| format!("{what} {e}"))?;
    if rounded || milli % 1000 != 0 {
        return Err(format!("{what} {:?} is not a whole number", text.trim()));
    }
    u32::try_from(milli / 1000)
        .map(Some)
        .map_err(|_| format!("{what} {:?} is out of range", text.trim()))
}

/// Reps, within the bound of typed ones; empty is none.
pub fn reps(text: &str) -> Result<Option<u32>, String> {
    count(text, "reps")?.map(bounds::reps).transpose()
}

/// Seconds (`45`, `45.0`, `12.5`) of a set as milliseconds, at most a day;
/// empty is none.
pub fn seconds_ms(text: &str, what: &str) -> Result<Option<i64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let (ms, _) = scaled(text, 3).map_err(|e| format!("{what} {e}"))?;
    if ms < 0 {
        return Err(format!("{what} {:?} is negative", text.trim()));
    }
    bounds::set_ms(ms, what).map(Some)
}

/// RPE from 1 to 10 in half steps, as the app logs it; empty or 0 (what
/// Strong writes for none) is none.
pub fn rpe(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() || text.parse::<f64>() == Ok(0.0) {
        return Ok(None);
    }
    Rpe::parse(text).map(|r| Some(r.value()))
}

/// A clock duration, `h:mm:ss` or `mm:ss` (`0:01:30`, `00:30`), as
/// milliseconds; empty is none.
pub fn clock_ms(text: &str, what: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || format!("{what} {text:?} is not a duration like \"0:01:30\" or \"00:30\"");
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return Err(bad());
    }
    let mut secs = 0_i64;
    for (i, part) in parts.iter().enumerate() {
        let n: i64 = part.parse().map_err(|_| bad())?;
        let minutes_or_seconds = i > 0;
        if n < 0 || (minutes_or_seconds && n >= 60) {
            return Err(bad());
        }
        secs = secs
            .checked_mul(60)
            .and_then(|s| s.checked_add(n))
            .ok_or_else(bad)?;
    }
    let ms = secs.checked_mul(1000).ok_or_else(bad)?;
    bounds::set_ms(ms, what).map(Some)
}

/// A workout duration: seconds (`3780`), or text like `1h 3m`, `45m`, `30s`.
pub fn duration_ms(text: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // Seconds end in a digit or a point, `1h 3m` in a unit.
    if !text.ends_with(|c: char| c.is_ascii_alphabetic()) {
        let (ms, _) = scaled(text, 3).map_err(|e| format!("duration {e}"))?;
        return Ok(Some(ms));
    }
    let bad = || format!("duration {text:?} is neither seconds nor like \"1h 3m\"");
    let mut total = 0_i64;
    for part in text.split_whitespace() {
        let split = part.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        let (number, unit) = part.split_at(split);
        let n: i64 = number.parse().map_err(|_| bad())?;
        let secs = match unit {
            "h" => 3600,
            "m" | "min" => 60,
            "s" => 1,
            _ => return Err(bad()),
        };
        total = total
            .checked_add(n.checked_mul(secs * 1000).ok_or_else(bad)?)
            .ok_or_else(bad)?;
    }
    Ok(Some(total))
}

/// `text` in lower case, copied only when it has capitals.
pub fn lowercase(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_is_exact_then_rounds_noise() {
        assert_eq!(scaled("22.5", 2), Ok((2250, false)));
        assert_eq!(scaled("22,5", 2), Ok((2250, false)));
        assert_eq!(scaled("149.99999999999997", 2), Ok((15000, true)));
        assert_eq!(scaled("-5", 2), Ok((-500, false)));
        assert_eq!(scaled("225.00000000000003", 2), Ok((22500, true)));
        assert_eq!(scaled("22.500", 2), Ok((2250, false)));
        assert_eq!(scaled("0.125", 2), Ok((13, true)));
        assert_eq!(scaled("1.5e1", 2), Ok((1500, false)));
        assert!(scaled("abc", 2).is_err());
        assert!(scaled("1e300", 2).is_err());
    }

    #[test]
    fn weights_record_their_rounding() {
        let mut rounded = Rounding::default();
        assert_eq!(
            weight("149.99999999999997", Unit::Lb, 7, &mut rounded),
            Ok(Some(Load {
                centi: 15000,
                unit: Unit::Lb
            }))
        );
        assert_eq!(
            rounded.kept,
            [Rounded {
                line: 7,
                written: "149.99999999999997".into(),
                kept: "150 lb".into()
            }]
        );
        assert_eq!(weight("0", Unit::Kg, 1, &mut rounded), Ok(None));
        assert!(weight("-10", Unit::Kg, 1, &mut rounded).is_err());
    }

    #[test]
    fn pound_conversions_read_back_as_pounds() {
        let lb = |centi| {
            Some(Load {
                centi,
                unit: Unit::Lb,
            })
        };
        assert_eq!(pounds_from_kg("13.6077711"), lb(3000));
        assert_eq!(pounds_from_kg("10.2058283"), lb(2250), "22.5 lb");
        assert_eq!(pounds_from_kg("1.133980925"), lb(250), "2.5 lb");
        assert_eq!(pounds_from_kg("20"), None, "a clean kg value");
        assert_eq!(pounds_from_kg("22.500000000000004"), None, "noise on kg");
        assert_eq!(pounds_from_kg("13.61"), None, "hundredths are kg");
        assert_eq!(pounds_from_kg("13.6077"), None, "not a conversion");
    }

    #[test]
    fn counts_accept_point_zero_only() {
        assert_eq!(count("8.0", "reps"), Ok(Some(8)));
        assert_eq!(count("", "reps"), Ok(None));
        assert!(count("8.5", "reps").is_err());
        assert!(count("-1", "reps").is_err());
    }

    #[test]
    fn durations_in_both_spellings() {
        assert_eq!(duration_ms("1h 3m"), Ok(Some(3_780_000)));
        assert_eq!(duration_ms("45m"), Ok(Some(2_700_000)));
        assert_eq!(duration_ms("3780"), Ok(Some(3_780_000)));
        assert_eq!(duration_ms("1h 3m 20s"), Ok(Some(3_800_000)));
        assert!(duration_ms("soon").is_err());
    }

    #[test]
    fn clock_durations() {
        assert_eq!(clock_ms("0:01:30", "time"), Ok(Some(90_000)));
        assert_eq!(clock_ms("00:30", "time"), Ok(Some(30_000)));
        assert_eq!(clock_ms("1:02:03", "time"), Ok(Some(3_723_000)));
        for bad in ["1:75", "90", "a:b", "1:2:3:4", "-1:00"] {
            assert!(clock_ms(bad, "time").is_err(), "{bad}");
        }
    }

    #[test]
    fn rpe_range() {
        assert_eq!(rpe("8.5"), Ok(Some(8.5)));
        assert_eq!(rpe("0"), Ok(None));
        assert!(rpe("11").is_err());
    }
}
