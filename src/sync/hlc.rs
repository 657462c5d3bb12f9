//! Hybrid logical clock values as sync compares them, and the guard against a copy whose
//! wall clock is wrong.
//!
//! The text form is the store's (`src/store/clock.rs`): `PPPPPPPPPPPPP-CCCCC`, wall-clock
//! milliseconds and a counter, so string order is clock order. A [`Stamp`] adds the copy that
//! made the write; two writes never share a stamp, and stamps are totally ordered (clock first,
//! then copy id), which is what makes "who wins" the same answer on every copy.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::identity::CopyId;

/// One hybrid-logical-clock reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub millis: u64,
    pub counter: u32,
}

impl Hlc {
    /// The wall-clock part as a UTC time (for messages).
    pub fn wall(self) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp_millis(self.millis as i64).unwrap_or_default()
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:013}-{:05}", self.millis, self.counter)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("valor de reloj no válido: «{0}»")]
pub struct BadHlc(pub String);

impl crate::Explain for BadHlc {
    fn text(&self) -> crate::Text {
        crate::Text::new(self.to_string(), format!("invalid clock value: «{}»", self.0))
    }

    fn code(&self) -> crate::ErrorCode {
        crate::ErrorCode::Invalid
    }
}

impl FromStr for Hlc {
    type Err = BadHlc;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadHlc(s.chars().take(40).collect());
        let (p, c) = s.split_once('-').ok_or_else(bad)?;
        if p.len() != 13 || c.len() != 5 || !p.bytes().chain(c.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        Ok(Hlc { millis: p.parse().map_err(|_| bad())?, counter: c.parse().map_err(|_| bad())? })
    }
}

impl Serialize for Hlc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hlc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

/// A write's identity and rank: clock first, then the copy that made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    pub hlc: Hlc,
    pub origin: CopyId,
}

/// How far ahead of the receiving copy's clock a remote clock may run before sync refuses to
/// let its writes compete: enough for unsynchronised clocks, far less than a wrong date or a
/// wrong time zone (hours).
pub const MAX_AHEAD_MILLIS: u64 = 15 * 60 * 1000;

/// A remote clock reading found too far in the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skew {
    pub remote: Hlc,
    pub local_millis: u64,
}

impl Skew {
    pub fn ahead_millis(&self) -> u64 {
        self.remote.millis.saturating_sub(self.local_millis)
    }

    /// How far ahead, in both languages: "3 días" / "3 days".
    pub fn ahead(&self) -> crate::Text {
        crate::Text::new(self.ahead_es(), self.ahead_en())
    }

    /// "3 días", "5 horas", "20 minutos".
    pub fn ahead_es(&self) -> String {
        human_span_es(self.ahead_millis())
    }

    /// "3 days", "5 hours", "20 minutes".
    pub fn ahead_en(&self) -> String {
        let es = self.ahead_es();
        let (n, unit) = es.split_once(' ').expect("number and unit");
        let unit = match unit {
            "días" => "days",
            "horas" => "hours",
            _ => "minutes",
        };
        format!("{n} {unit}")
    }
}

/// Checks a remote reading against this copy's wall clock.
pub fn check_ahead(remote: Hlc, local_millis: u64) -> Result<(), Skew> {
    if remote.millis > local_millis.saturating_add(MAX_AHEAD_MILLIS) {
        Err(Skew { remote, local_millis })
    } else {
        Ok(())
    }
}

/// Now, in milliseconds since the epoch.
pub fn now_millis() -> u64 {
    chrono::Utc::now().timestamp_millis().max(0) as u64
}

fn human_span_es(millis: u64) -> String {
    let minutes = millis / 60_000;
    let (n, unit) = match minutes {
        m if m >= 36 * 60 => ((m + 12 * 60) / (24 * 60), "días"),
        m if m >= 2 * 60 => ((m + 30) / 60, "horas"),
        m => (m, "minutos"),
    };
    format!("{n} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_round_trips_and_matches_the_store() {
        let h: Hlc = "1732400000000-00007".parse().unwrap();
        assert_eq!(h, Hlc { millis: 1_732_400_000_000, counter: 7 });
        assert_eq!(h.to_string(), "1732400000000-00007");
        assert!("1732400000000-7".parse::<Hlc>().is_err());
        assert!("../../etc-00001".parse::<Hlc>().is_err());
    }

    #[test]
    fn text_order_is_clock_order() {
        let a = Hlc { millis: 9_999_999_999_999, counter: 1 };
        let b = Hlc { millis: 10_000_000_000, counter: 99 };
        assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
    }

    #[test]
    fn a_clock_days_ahead_is_caught() {
        let now = 1_732_400_000_000;
        let days_ahead = Hlc { millis: now + 3 * 24 * 3_600_000, counter: 0 };
        let skew = check_ahead(days_ahead, now).unwrap_err();
        assert_eq!(skew.ahead_es(), "3 días");
        let almost = Hlc { millis: now + 3 * 24 * 3_600_000 - 5_000, counter: 0 };
        assert_eq!(check_ahead(almost, now).unwrap_err().ahead_es(), "3 días", "rounded, not cut");
        assert!(check_ahead(Hlc { millis: now + 60_000, counter: 0 }, now).is_ok());
        assert!(check_ahead(Hlc { millis: now - 30 * 24 * 3_600_000, counter: 0 }, now).is_ok());
    }
}
