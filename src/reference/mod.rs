//! Placeholder until the reference-data branch lands: a handful of countries so the domain
//! compiles and its tests run. Replaced wholesale by the real module.

pub struct Country {
    pub code: String,
}

#[derive(Debug, thiserror::Error)]
#[error("«{0}» no corresponde a ningún país conocido")]
pub struct UnknownCountry(pub String);

pub struct Currency;

pub fn resolve_country(text: &str) -> Result<Country, UnknownCountry> {
    let code = match crate::text::fold(text).as_str() {
        "pe" | "peru" => "PE",
        "mx" | "mexico" => "MX",
        "nz" | "nueva zelandia" | "nueva zelanda" | "new zealand" => "NZ",
        "fr" | "francia" | "france" => "FR",
        "gb" | "reino unido" | "united kingdom" => "GB",
        _ => return Err(UnknownCountry(text.to_string())),
    };
    Ok(Country { code: code.to_string() })
}

pub fn currency(code: &str) -> Option<Currency> {
    ["MXN", "USD", "EUR", "GBP", "JPY"].contains(&code).then_some(Currency)
}

pub struct CountryNames {
    pub name_es: &'static str,
    pub name_en: &'static str,
}

pub fn country(code: &str) -> Option<CountryNames> {
    let (name_es, name_en) = match code {
        "PE" => ("Perú", "Peru"),
        "MX" => ("México", "Mexico"),
        "NZ" => ("Nueva Zelandia", "New Zealand"),
        "FR" => ("Francia", "France"),
        "GB" => ("Reino Unido", "United Kingdom"),
        _ => return None,
    };
    Some(CountryNames { name_es, name_en })
}
