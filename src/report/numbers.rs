//! Numbers as Mexican and English reports both write them: "1,234,567",
//! "12.5", "308,000 USD".

use rust_decimal::Decimal;

/// Groups the digits of a whole number string in threes: "1234567" → "1,234,567".
fn group(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(d);
    }
    grouped
}

/// "1,234" for whole numbers, "12.5" otherwise.
pub fn format_count(value: f64) -> String {
    if value.fract().abs() > 1e-9 {
        return format!("{value:.1}");
    }
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{}", group(&format!("{}", value.abs().round() as u64)))
}

/// An exact amount with its currency code: "308,000 USD", "19,500.50 GBP"
/// (cents only when there are any).
pub fn format_amount(amount: Decimal, currency: &str) -> String {
    let text = amount.normalize().abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if amount.is_sign_negative() && !amount.is_zero() { "-" } else { "" };
    let fraction = match fraction.len() {
        0 => String::new(),
        1 => format!(".{fraction}0"),
        _ => format!(".{fraction}"),
    };
    format!("{sign}{}{fraction} {currency}", group(whole)).trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn counts_are_grouped() {
        assert_eq!(format_count(1234567.0), "1,234,567");
        assert_eq!(format_count(999.0), "999");
        assert_eq!(format_count(12.5), "12.5");
        assert_eq!(format_count(-4000.0), "-4,000");
    }

    #[test]
    fn amounts_keep_their_cents_only_when_present() {
        assert_eq!(format_amount(Decimal::from_str("308000.00").unwrap(), "USD"), "308,000 USD");
        assert_eq!(format_amount(Decimal::from_str("19500.5").unwrap(), "GBP"), "19,500.50 GBP");
        assert_eq!(format_amount(Decimal::from_str("6344800").unwrap(), "MXN"), "6,344,800 MXN");
    }
}
