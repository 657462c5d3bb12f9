//! Exact decimals (amounts, hours) have a ceiling: rust_decimal's 96-bit mantissa holds up to
//! 79,228,162,514,264,337,593,543,950,335. A figure, product or sum past it is an error the
//! caller words for its reader; the `+` and `*` operators would panic instead.

use rust_decimal::Decimal;

/// The ceiling as reports write it (checked against `Decimal::MAX` in the tests).
pub const CEILING: &str = "79,228,162,514,264,337,593,543,950,335";

/// Why a text is not a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    /// Not a number at all ("veinte", "1e5").
    Invalid,
    /// A plain number past [`CEILING`].
    TooLarge,
}

/// Reads "19500.00" or "-3"; a well-formed number too large to hold is told apart from garbage
/// so the message can say which.
pub fn parse_decimal(text: &str) -> Result<Decimal, DecimalError> {
    let text = text.trim();
    text.parse().map_err(|_| {
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        let plain = digits.bytes().any(|b| b.is_ascii_digit())
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.matches('.').count() <= 1;
        if plain {
            DecimalError::TooLarge
        } else {
            DecimalError::Invalid
        }
    })
}

/// The exact sum, or `None` when it would pass the ceiling.
pub fn checked_total(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, Decimal::checked_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ceiling_is_decimal_max() {
        assert_eq!(CEILING.replace(',', ""), Decimal::MAX.to_string());
    }

    #[test]
    fn too_large_is_told_apart_from_not_a_number() {
        assert_eq!(parse_decimal(" 19500.50 "), Ok(Decimal::new(1950050, 2)));
        assert_eq!(parse_decimal("79228162514264337593543950335"), Ok(Decimal::MAX));
        assert_eq!(parse_decimal("79228162514264337593543950336"), Err(DecimalError::TooLarge));
        assert_eq!(parse_decimal("-99999999999999999999999999999999.5"), Err(DecimalError::TooLarge));
        assert_eq!(parse_decimal("veinte"), Err(DecimalError::Invalid));
        assert_eq!(parse_decimal("1e40"), Err(DecimalError::Invalid));
        assert_eq!(parse_decimal(""), Err(DecimalError::Invalid));
    }

    #[test]
    fn sums_stop_at_the_ceiling() {
        let half = (Decimal::MAX - Decimal::ONE) / Decimal::TWO;
        assert_eq!(checked_total([Decimal::ONE, Decimal::TWO]), Some(Decimal::from(3)));
        assert_eq!(checked_total([half, half, Decimal::ONE]), Some(Decimal::MAX));
        assert_eq!(checked_total([half, half, Decimal::TWO]), None);
        assert_eq!(checked_total([]), Some(Decimal::ZERO));
    }
}
