//! Money as reports write it: "308,000 USD (6,344,800 mxn)", "20 mil dólares",
//! "19 mil 500 libras", "US$ 1.5 millones", "$250,000.00 M.N.".
//!
//! Separators follow Mexican use ("," thousands, "." decimals) unless the figure itself
//! says otherwise ("1.000.000", "2.500,50"). A figure in parentheses in pesos is the MXN
//! equivalent of the main figure.

use rust_decimal::Decimal;

use super::problem::{Problem, Unread};
use crate::domain::Alternative;
use crate::Text;
use crate::domain::decimal::{parse_decimal, DecimalError, CEILING};
use crate::text::fold;

/// An amount of money read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    /// ISO 4217 code, when the text names the currency.
    pub currency: Option<String>,
    /// The equivalent in Mexican pesos given beside a foreign amount.
    pub mxn: Option<Decimal>,
}

/// Reads an amount with its currency and, if written, its MXN equivalent. A figure that reads
/// two ways is never guessed.
pub fn parse_amount(text: &str) -> Result<Amount, Unread> {
    let wording = text.trim();
    if wording.is_empty() {
        return Err(Problem::new("el monto está vacío", "the amount is empty").into());
    }
    if let Some(problem) = two_way_figure(wording) {
        return Err(problem);
    }
    let mut outside = String::new();
    let mut inside = Vec::new();
    let mut rest = wording;
    while let Some(open) = rest.find('(') {
        outside.push_str(&rest[..open]);
        let close = rest[open..].find(')').map_or(rest.len(), |c| open + c);
        inside.push(&rest[open + 1..close]);
        rest = rest.get(close + 1..).unwrap_or("");
    }
    outside.push_str(rest);

    let (value, currency) = money_phrase(&outside, wording)?;
    let mut mxn = None;
    for part in inside {
        let (v, c) = money_phrase(part, wording)?;
        if c.as_deref() == Some("MXN") && currency.as_deref() != Some("MXN") {
            mxn = Some(v);
        } else {
            return Err(Problem::new(
                format!("en «{wording}» solo se entiende entre paréntesis el equivalente en pesos (MXN)"),
                format!("in «{wording}» only the MXN equivalent is understood in parentheses"),
            )
            .into());
        }
    }
    Ok(Amount { value, currency, mxn })
}

/// The ISO code a currency cell names: "USD", "Dólares", "libras esterlinas", "€".
pub fn currency_code(text: &str) -> Option<String> {
    let mut codes = pieces(text, text).ok()?.into_iter().filter_map(|p| match p {
        Piece::Currency(code) => Some(code),
        Piece::MillionPesos => Some("MXN".to_string()),
        _ => None,
    });
    let first = codes.next()?;
    codes.all(|c| c == first).then_some(first)
}

enum Piece {
    Number(Decimal),
    Times(Decimal),
    Currency(String),
    /// "mdp": millions of pesos.
    MillionPesos,
    Filler,
}

/// "20 mil 500 millones" multiplies and adds; past the decimal ceiling that is refused.
fn too_large(wording: &str) -> Problem {
    Problem::new(
        format!("el monto «{wording}» es demasiado grande: el máximo es {CEILING}"),
        format!("the amount «{wording}» is too large: the maximum is {CEILING}"),
    )
}

fn money_phrase(text: &str, wording: &str) -> Result<(Decimal, Option<String>), Problem> {
    let mut total = Decimal::ZERO;
    let mut current: Option<Decimal> = None;
    let mut currency: Option<String> = None;
    let mut seen_number = false;
    let set_currency = |currency: &mut Option<String>, code: &str| -> Result<(), Problem> {
        match currency {
            Some(c) if c != code => Err(Problem::new(
                format!("«{wording}» nombra dos monedas ({c} y {code})"),
                format!("«{wording}» names two currencies ({c} and {code})"),
            )),
            _ => {
                *currency = Some(code.to_string());
                Ok(())
            }
        }
    };
    for piece in pieces(text, wording)? {
        match piece {
            Piece::Number(n) => {
                if current.is_some() {
                    return Err(Problem::new(
                        format!("«{wording}» tiene dos cifras seguidas; escriba un solo monto"),
                        format!("«{wording}» has two figures in a row; write one amount"),
                    ));
                }
                current = Some(n);
                seen_number = true;
            }
            Piece::Times(f) => {
                total = add_times(total, current.take(), f).ok_or_else(|| too_large(wording))?;
                seen_number = true;
            }
            Piece::MillionPesos => {
                total = add_times(total, current.take(), Decimal::from(1_000_000)).ok_or_else(|| too_large(wording))?;
                set_currency(&mut currency, "MXN")?;
            }
            Piece::Currency(code) => set_currency(&mut currency, &code)?,
            Piece::Filler => {}
        }
    }
    let total = total.checked_add(current.unwrap_or_default()).ok_or_else(|| too_large(wording))?;
    if !seen_number {
        return Err(Problem::new(
            format!("no se encuentra una cifra en el monto «{wording}»"),
            format!("no figure found in the amount «{wording}»"),
        ));
    }
    Ok((total, currency))
}

/// `total + figure × factor` ("mil" alone is one thousand), `None` past the ceiling.
fn add_times(total: Decimal, figure: Option<Decimal>, factor: Decimal) -> Option<Decimal> {
    total.checked_add(figure.unwrap_or(Decimal::ONE).checked_mul(factor)?)
}

fn pieces(text: &str, wording: &str) -> Result<Vec<Piece>, Problem> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c.is_ascii_digit() {
            let e = figure_end(&chars, k);
            let figure: String = chars[k..e].iter().filter(|c| !is_group_space(**c)).collect();
            out.push(Piece::Number(figure_value(&figure).map_err(|e| match e {
                DecimalError::TooLarge => too_large(wording),
                DecimalError::Invalid => Problem::new(
                    format!("la cifra «{figure}» no es válida en «{wording}»"),
                    format!("the figure «{figure}» is not valid in «{wording}»"),
                ),
            })?));
            k = e;
        } else if c.is_alphabetic() {
            let mut e = k;
            while e < chars.len() && chars[e].is_alphabetic() {
                e += 1;
            }
            let word: String = chars[k..e].iter().collect();
            out.push(word_piece(&word).ok_or_else(|| {
                Problem::new(
                    format!("no se reconoce «{word}» en el monto «{wording}» (ejemplo: 20 mil dólares, 308,000 USD)"),
                    format!("«{word}» is not understood in the amount «{wording}» (e.g. 20 mil dólares, 308,000 USD)"),
                )
            })?);
            k = e;
        } else {
            match c {
                '€' => out.push(Piece::Currency("EUR".into())),
                '£' => out.push(Piece::Currency("GBP".into())),
                '¥' => out.push(Piece::Currency("JPY".into())),
                // "$" alone is pesos or dollars depending on who writes; the currency column decides.
                _ => {}
            }
            k += 1;
        }
    }
    Ok(out)
}

fn word_piece(word: &str) -> Option<Piece> {
    let folded = fold(word);
    let code = match folded.as_str() {
        "mil" | "k" => return Some(Piece::Times(Decimal::from(1_000))),
        "millon" | "millones" | "mill" => return Some(Piece::Times(Decimal::from(1_000_000))),
        "mdp" => return Some(Piece::MillionPesos),
        "de" | "y" | "n" | "americanos" | "estadounidenses" | "esterlinas" | "mexicanos" | "aprox"
        | "aproximadamente" | "total" => return Some(Piece::Filler),
        "usd" | "us" | "dolar" | "dolares" | "dls" | "dlls" | "dll" | "dollar" | "dollars" => "USD",
        // "M.N." (moneda nacional) arrives as the words "M" and "N".
        "mxn" | "peso" | "pesos" | "mn" | "m" => "MXN",
        "eur" | "euro" | "euros" => "EUR",
        "gbp" | "libra" | "libras" | "pound" | "pounds" => "GBP",
        "jpy" | "yen" | "yenes" => "JPY",
        other if other.len() == 3 && crate::reference::currency(&other.to_ascii_uppercase()).is_some() => {
            return Some(Piece::Currency(other.to_ascii_uppercase()));
        }
        _ => return None,
    };
    Some(Piece::Currency(code.to_string()))
}

/// A space between groups of digits, as in "20 000,50".
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Where the figure starting at `start` ends: digits, with "," or "." between digits and
/// spaces before a group of exactly three digits ("20 000,50", but not "19 mil 500").
fn figure_end(chars: &[char], start: usize) -> usize {
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut e = start;
    while e < chars.len() {
        let c = chars[e];
        let group_follows = (1..=3).all(|k| digit_at(e + k)) && !digit_at(e + 4);
        if c.is_ascii_digit() || ",.".contains(c) && digit_at(e + 1) || is_group_space(c) && group_follows {
            e += 1;
        } else {
            break;
        }
    }
    e
}

/// "1.500" is one thousand five hundred where "." groups thousands and one and a half where it
/// is the decimal point: one dot, three digits after it, one to three (not a lone 0) before.
fn two_way_figure(wording: &str) -> Option<Unread> {
    let chars: Vec<char> = wording.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].is_ascii_digit() || k > 0 && chars[k - 1].is_ascii_digit() {
            k += 1;
            continue;
        }
        let e = figure_end(&chars, k);
        let figure: String = chars[k..e].iter().collect();
        if let Some((whole, fraction)) = figure.split_once('.') {
            let reads_two_ways = fraction.len() == 3
                && fraction.bytes().all(|b| b.is_ascii_digit())
                && (1..=3).contains(&whole.len())
                && whole.bytes().all(|b| b.is_ascii_digit())
                && whole != "0";
            if reads_two_ways {
                let thousands = format!("{whole}{fraction}");
                let decimal = format!("{whole}.{}", fraction.trim_end_matches('0')).trim_end_matches('.').to_string();
                return Some(Unread {
                    text: Problem::new(
                        format!("«{figure}» se lee de dos maneras: {} ({thousands}) o {decimal}; escriba la que corresponde", group_es(&thousands)),
                        format!("«{figure}» reads two ways: {} ({thousands}) or {decimal}; write the one you mean", group_es(&thousands)),
                    ),
                    choices: [thousands, decimal]
                        .into_iter()
                        .map(|f| {
                            let rewritten = wording.replacen(&figure, &f, 1);
                            Alternative { label: Text::new(rewritten.clone(), rewritten.clone()), value: rewritten }
                        })
                        .collect(),
                });
            }
        }
        k = e;
    }
    None
}

/// "1500" as an es-MX reader groups it: "1,500".
fn group_es(digits: &str) -> String {
    crate::report::numbers::format_amount(digits.parse().unwrap_or_default(), "")
}

/// "308,000" → 308000; "6,344,800.50" → 6344800.50; "1.5" → 1.5; "1.000.000" → 1000000;
/// "2.500,50" → 2500.50.
fn figure_value(figure: &str) -> Result<Decimal, DecimalError> {
    let last_comma = figure.rfind(',');
    let last_dot = figure.rfind('.');
    let groups_of_three = |sep: char| figure.split(sep).skip(1).all(|g| g.len() == 3);
    let normalized = match (last_comma, last_dot) {
        (Some(c), Some(d)) if c < d => figure.replace(',', ""),
        (Some(_), Some(_)) => figure.replace('.', "").replace(',', "."),
        (Some(_), None) if groups_of_three(',') => figure.replace(',', ""),
        (Some(_), None) if figure.matches(',').count() == 1 => figure.replace(',', "."),
        (None, Some(_)) if figure.matches('.').count() > 1 && groups_of_three('.') => figure.replace('.', ""),
        (None, Some(_)) if figure.matches('.').count() > 1 => return Err(DecimalError::Invalid),
        _ => figure.to_string(),
    };
    parse_decimal(&normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str) -> (String, Option<String>, Option<String>) {
        let a = parse_amount(text).unwrap_or_else(|e| panic!("{text}: {}", e.text));
        (a.value.normalize().to_string(), a.currency, a.mxn.map(|m| m.normalize().to_string()))
    }

    fn s(v: &str) -> String {
        v.to_string()
    }

    #[test]
    fn figure_with_code_and_peso_equivalent() {
        assert_eq!(amount("308,000 USD (6,344,800 mxn)"), (s("308000"), Some(s("USD")), Some(s("6344800"))));
        assert_eq!(amount("USD 1,250.50"), (s("1250.5"), Some(s("USD")), None));
        assert_eq!(amount("$250,000.00 M.N."), (s("250000"), Some(s("MXN")), None));
    }

    #[test]
    fn spanish_words_for_thousands_and_millions() {
        assert_eq!(amount("20 mil dólares"), (s("20000"), Some(s("USD")), None));
        assert_eq!(amount("19 mil 500 libras"), (s("19500"), Some(s("GBP")), None));
        assert_eq!(amount("1.5 millones de euros"), (s("1500000"), Some(s("EUR")), None));
        assert_eq!(amount("2 millones 300 mil pesos"), (s("2300000"), Some(s("MXN")), None));
        assert_eq!(amount("3.5 mdp"), (s("3500000"), Some(s("MXN")), None));
        assert_eq!(amount("US$ 45 mil"), (s("45000"), Some(s("USD")), None));
        assert_eq!(amount("£ 12,000"), (s("12000"), Some(s("GBP")), None));
    }

    #[test]
    fn separators_follow_the_figure() {
        assert_eq!(amount("1.000.000 EUR").0, "1000000");
        assert_eq!(amount("2.500,50 EUR").0, "2500.5");
        assert_eq!(amount("12,5 EUR").0, "12.5");
        assert_eq!(amount("308000").0, "308000");
    }

    #[test]
    fn spaces_group_thousands() {
        assert_eq!(amount("20 000,50 EUR").0, "20000.5");
        assert_eq!(amount("1\u{a0}250\u{a0}000 USD").0, "1250000");
        assert_eq!(amount("19 mil 500").0, "19500");
    }

    #[test]
    fn a_figure_that_reads_two_ways_is_asked_about() {
        for (text, choices) in [
            ("1.500", ["1500", "1.5"]),
            ("20.000 EUR", ["20000 EUR", "20 EUR"]),
            ("1.500 millones", ["1500 millones", "1.5 millones"]),
            ("USD 125.250", ["USD 125250", "USD 125.25"]),
        ] {
            let problem = parse_amount(text).unwrap_err();
            let values: Vec<&str> = problem.choices.iter().map(|c| c.value.as_str()).collect();
            assert_eq!(values, choices, "{text}");
            assert!(problem.text.es.contains("se lee de dos maneras"), "{}", problem.text.es);
            for choice in choices {
                assert!(parse_amount(choice).is_ok(), "{choice}");
            }
        }
        assert_eq!(parse_amount("1.500").unwrap_err().text.es, "«1.500» se lee de dos maneras: 1,500 (1500) o 1.5; escriba la que corresponde");
        // Either separator beside the other, a lone 0, or other than three digits: one reading.
        assert_eq!(amount("20.000,50").0, "20000.5");
        assert_eq!(amount("1,500").0, "1500");
        assert_eq!(amount("0.500").0, "0.5");
        assert_eq!(amount("1.50").0, "1.5");
        assert_eq!(amount("1.000.000").0, "1000000");
    }

    #[test]
    fn a_bare_dollar_sign_leaves_the_currency_open() {
        assert_eq!(amount("$ 20,000"), (s("20000"), None, None));
    }

    #[test]
    fn currency_cells() {
        assert_eq!(currency_code("Dólares").as_deref(), Some("USD"));
        assert_eq!(currency_code("Libras esterlinas").as_deref(), Some("GBP"));
        assert_eq!(currency_code("eur").as_deref(), Some("EUR"));
        assert_eq!(currency_code("€").as_deref(), Some("EUR"));
        assert_eq!(currency_code("pesos mexicanos").as_deref(), Some("MXN"));
        assert_eq!(currency_code("bitcoins"), None);
    }

    #[test]
    fn errors_name_the_problem() {
        let es = |text: &str| parse_amount(text).unwrap_err().text.es;
        assert!(es("").contains("vacío"));
        assert!(es("por definir").contains("«por»"));
        assert!(es("dólares").contains("no se encuentra una cifra"));
        assert!(es("20 USD 30 EUR").contains("dos cifras"));
        assert!(es("20 USD euros").contains("dos monedas"));
        assert!(es("100 USD (90 EUR)").contains("pesos"));
    }

    proptest::proptest! {
        /// What reports write (`format_amount`: "308,000 USD", "19,500.50 GBP") reads back as
        /// the same amount and currency, except that "1.125 USD" is asked about (it could be
        /// 1,125 too).
        #[test]
        fn an_amount_written_in_a_report_reads_back_the_same(
            mantissa in 0i64..1_000_000_000_000_000,
            scale in 0u32..=4,
            currency in proptest::sample::select(vec!["USD", "EUR", "GBP", "MXN"]),
        ) {
            let value = Decimal::new(mantissa, scale);
            let text = crate::report::numbers::format_amount(value, currency);
            let two_ways = value < Decimal::from(1000) && value >= Decimal::ONE && value.normalize().scale() == 3;
            if two_ways {
                proptest::prop_assert_eq!(parse_amount(&text).unwrap_err().choices.len(), 2, "«{}»", text);
                return Ok(());
            }
            let read = parse_amount(&text).map_err(|e| proptest::test_runner::TestCaseError::fail(format!("«{text}»: {}", e.text)))?;
            proptest::prop_assert_eq!((read.value, read.currency.as_deref(), read.mxn), (value, Some(currency), None), "«{}»", text);
        }
    }

    #[test]
    fn amounts_past_the_decimal_ceiling_are_refused_not_a_panic() {
        for text in [
            "79228162514264337593543950336",
            "79,228,162,514,264,337,593,543,950,336 USD",
            "79228162514264337593543951 mil dólares",
            "79228162514264337593544 millones",
            "79228162514264337593544 mdp",
            "79228162514264337593543950335 mil",
            "100 USD (79228162514264337593543950336 pesos)",
        ] {
            let err = parse_amount(text).unwrap_err().text;
            assert!(err.es.contains("es demasiado grande: el máximo es 79,228,162,514,264,337,593,543,950,335"), "{text}: {}", err.es);
            assert!(err.en.contains("is too large"), "{text}: {}", err.en);
        }
        // The product fits and the last figure reaches the ceiling exactly; one more is too much.
        assert_eq!(amount("79228162514264337593543950 mil 335").0, "79228162514264337593543950335");
        assert!(parse_amount("79228162514264337593543950 mil 336").unwrap_err().text.es.contains("demasiado grande"));
    }
}
