#!/usr/bin/env python3
"""Generates activities.jsonl: a realistic sample year (2021) of a city's international action,
in Enlace's interchange format (one JSON object per line). Python 3.11, stdlib only.

Run:  python3 assets/sample/generate_activities.py
Deterministic: a fixed seed, and countries read from assets/reference/countries.json, so the
same script always writes the same file. People, posts and figures are invented for the sample;
national days and international days are the real ones.
"""
import datetime as dt
import json
import pathlib
import random
import unicodedata

SEED = 2021
YEAR = 2021
HERE = pathlib.Path(__file__).parent
COUNTRIES = {c["code"]: c for c in json.loads((HERE.parent / "reference" / "countries.json").read_text("utf-8"))}
rng = random.Random(SEED)

AXES = [
    "Igualdad de Derechos",
    "Ciudad Sustentable",
    "Más y Mejor Movilidad",
    "Capital Cultural de América",
    "Cero Agresión y Más Seguridad",
    "Ciencia, Innovación y Tecnología",
]
# Themes that usually go with each axis.
AXIS_TOPICS = {
    AXES[0]: ["igualdad de género", "no discriminación", "inclusión social", "derechos humanos", "atención a población migrante"],
    AXES[1]: ["medio ambiente", "cambio climático", "gestión integral de riesgos", "protección civil", "obras públicas", "agua"],
    AXES[2]: ["movilidad", "transporte público", "movilidad ciclista", "seguridad vial", "electromovilidad"],
    AXES[3]: ["cultura", "turismo", "patrimonio", "desarrollo económico y empleo", "diplomacia cultural"],
    AXES[4]: ["seguridad", "procuración de justicia", "prevención del delito", "trata de personas", "transparencia"],
    AXES[5]: ["innovación", "gobierno digital", "datos abiertos", "ciencia", "contrataciones abiertas"],
}

# Countries with an embassy the office deals with (alpha-2 codes).
EMBASSY_COUNTRIES = (
    "AR AT AU AZ BE BO BR CA CH CL CN CO CR CU CZ DE DK DO EC EG ES FI FR GB GR GT HN HU ID IE "
    "IL IN IT JP KR LB MA MY NI NL NO NZ PA PE PH PL PT PY QA RO RU SA SE SK SV TH TR UA US UY "
    "VN ZA AE KE NG GH CI SG HR SI RS EE LT LV PK GE AM KZ JM TT BZ HT LU CY MT"
).split()

# How Spanish writes "Embajada de …" for names that take an article.
ARTICLED = {
    "PE": "del Perú", "GB": "del Reino Unido", "US": "de los Estados Unidos de América",
    "NL": "del Reino de los Países Bajos", "JP": "del Japón", "EC": "del Ecuador",
    "PY": "del Paraguay", "UY": "del Uruguay", "IN": "de la India", "AE": "de los Emiratos Árabes Unidos",
    "SV": "de El Salvador", "DO": "de la República Dominicana", "KR": "de la República de Corea",
}

FLAG_COLOURS = {
    "PE": "rojo y blanco", "CO": "amarillo, azul y rojo", "CH": "rojo y blanco", "EC": "amarillo, azul y rojo",
    "AZ": "azul, rojo y verde", "FR": "azul, blanco y rojo", "IT": "verde, blanco y rojo", "AR": "celeste y blanco",
    "CL": "azul, blanco y rojo", "UY": "celeste y blanco", "GR": "azul y blanco", "IE": "verde, blanco y naranja",
    "KR": "rojo, azul y blanco", "CA": "rojo y blanco", "PL": "blanco y rojo", "UA": "azul y amarillo",
    "DE": "negro, rojo y dorado", "ES": "rojo y amarillo", "PT": "verde y rojo", "GT": "azul celeste y blanco",
}

MONUMENTS = [
    "Ángel de la Independencia", "Monumento a la Revolución", "Antiguo Palacio del Ayuntamiento",
    "Fuente de la Diana Cazadora", "Glorieta de Colón", "Hemiciclo a Juárez", "Monumento a Cuauhtémoc",
]

# Invented people with their posts: (name, post, organisation).
AMBASSADORS = {
    "SK": ("Terézia Šajgalíková", "Embajadora"), "FI": ("Päivi Pohjanheimo", "Embajadora"),
    "FR": ("Jeröme Lefèvre", "Consejero de Cooperación"), "PE": ("Manuel Cárdenas Ríos", "Embajador"),
    "CO": ("Lucía Restrepo Gaviria", "Embajadora"), "NZ": ("Aroha Whānau-Smith", "Embajadora"),
    "DE": ("Jörg Schäfer", "Ministro Consejero"), "PL": ("Małgorzata Wiśniewska", "Embajadora"),
    "CZ": ("Tomáš Dvořák", "Embajador"), "HU": ("Zoltán Kovács", "Embajador"),
    "TR": ("Ayşe Yılmaz", "Embajadora"), "NO": ("Øystein Bjørnstad", "Embajador"),
    "DK": ("Søren Ravn Kjærgaard", "Embajador"), "SE": ("Åsa Lindqvist", "Embajadora"),
    "RO": ("Ștefan Popescu", "Embajador"), "HR": ("Ivana Horvat Čulić", "Embajadora"),
    "LT": ("Rūta Kazlauskienė", "Encargada de Negocios"), "LV": ("Jānis Bērziņš", "Embajador"),
    "AZ": ("Elçin Məmmədov", "Embajador"), "VN": ("Nguyễn Văn Thành", "Embajador"),
    "JP": ("Hiroshi Takahashi", "Embajador"), "KR": ("Kim Min-jun", "Embajador"),
    "GB": ("Eleanor Whitcombe", "Embajadora"), "US": ("Daniel K. Harper", "Consejero Político"),
    "CH": ("Ursula Brändli", "Embajadora"), "EC": ("Andrés Villacís Peñaherrera", "Embajador"),
    "CL": ("Catalina Ñúñez Rojas", "Embajadora"), "AR": ("Martín Echeverría", "Embajador"),
    "ES": ("Íñigo Arrieta Zubizarreta", "Embajador"), "PT": ("João Gonçalves", "Embajador"),
    "IS": ("Guðrún Þórsdóttir", "Cónsul Honoraria"), "SI": ("Nataša Žnidaršič", "Embajadora"),
    "RS": ("Dragan Jovanović", "Embajador"), "EE": ("Mari-Liis Tamm", "Embajadora"),
    "IN": ("Priya Raghunathan", "Embajadora"), "ZA": ("Thandiwe Nkosi", "Embajadora"),
    "MA": ("Youssef El Amrani", "Embajador"), "BR": ("Luiz Antônio Conceição", "Ministro Consejero"),
    "IT": ("Giulia Ferraro", "Embajadora"), "NL": ("Pieter van den Berg", "Embajador"),
}
CITY_OFFICIALS = [
    ("Mariana Téllez Ordóñez", "Coordinadora General de Asuntos Internacionales"),
    ("Rodrigo Pineda Saldaña", "Director de Cooperación Internacional"),
    ("Ximena Barragán Ruiz", "Subdirectora de Vinculación con Embajadas"),
    ("Héctor Íñiguez Montaño", "Jefe de Unidad de Redes de Ciudades"),
    ("Paulina Ocaña Fuentes", "Enlace de Proyectos Internacionales"),
    ("Gerardo Muñoz Quiñones", "Director de Protocolo"),
]
UNITS = [
    "Secretaría de Seguridad Ciudadana", "Secretaría del Medio Ambiente (SEDEMA)",
    "Agencia Digital de Innovación Pública (ADIP)", "Secretaría de Turismo", "Secretaría de las Mujeres",
    "Secretaría de Movilidad (SEMOVI)", "Secretaría de Gestión Integral de Riesgos y Protección Civil",
    "Secretaría de Cultura", "Secretaría de Obras y Servicios (SOBSE)", "Secretaría de Desarrollo Económico",
    "Instituto de Formación Profesional y Estudios Superiores de la Fiscalía General de Justicia",
    "Secretaría de Inclusión y Bienestar Social", "Sistema de Aguas de la Ciudad de México",
]
FOREIGN_CITIES = [
    ("Ayuntamiento de Madrid", "Madrid", "ES"), ("Gobierno de la Ciudad de Buenos Aires", "Buenos Aires", "AR"),
    ("Prefeitura de São Paulo", "São Paulo", "BR"), ("Intendencia de Montevideo", "Montevideo", "UY"),
    ("Gobierno Metropolitano de Seúl", "Seúl", "KR"), ("Municipalidad de Lima", "Lima", "PE"),
    ("Alcaldía Mayor de Bogotá", "Bogotá", "CO"), ("Ayuntamiento de Barcelona", "Barcelona", "ES"),
    ("Ciudad de Los Ángeles", "Los Ángeles", "US"), ("Gobierno Metropolitano de Tokio", "Tokio", "JP"),
    ("Ciudad de París", "París", "FR"), ("Greater London Authority", "Londres", "GB"),
    ("Senado de Berlín", "Berlín", "DE"), ("Municipio del Distrito Metropolitano de Quito", "Quito", "EC"),
    ("Ciudad de Viena", "Viena", "AT"), ("Ayuntamiento de Lisboa", "Lisboa", "PT"),
    ("Ciudad de Montreal", "Montreal", "CA"), ("Municipalidad de Santiago", "Santiago", "CL"),
    ("Gobierno Municipal de Guangzhou", "Cantón", "CN"), ("Ciudad de Helsinki", "Helsinki", "FI"),
    ("Ayuntamiento de Bakú", "Bakú", "AZ"), ("Ciudad de Bratislava", "Bratislava", "SK"),
]
MULTILATERALS = [
    ("ONU Mujeres", None), ("Programa de las Naciones Unidas para el Desarrollo (PNUD)", None),
    ("Organización Internacional para las Migraciones (OIM)", None),
    ("Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)", None),
    ("UNESCO", "FR"), ("Comisión Económica para América Latina y el Caribe (CEPAL)", "CL"),
    ("Organización para la Cooperación y el Desarrollo Económicos (OCDE)", "FR"),
    ("Banco Interamericano de Desarrollo (BID)", "US"), ("CAF – Banco de Desarrollo de América Latina", "VE"),
    ("Banco Mundial", "US"), ("ONU-Hábitat", "KE"), ("UNICEF", None), ("Organización Panamericana de la Salud (OPS)", "US"),
]
AGENCIES = [
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "DE"),
    ("Agencia Española de Cooperación Internacional para el Desarrollo (AECID)", "ES"),
    ("Agencia de Cooperación Internacional del Japón (JICA)", "JP"),
    ("Agencia Mexicana de Cooperación Internacional para el Desarrollo (AMEXCID)", "MX"),
    ("Agencia Francesa de Desarrollo (AFD)", "FR"), ("UK PACT", "GB"),
    ("Agencia de Cooperación Internacional de Corea (KOICA)", "KR"),
    ("Agencia Sueca de Cooperación Internacional para el Desarrollo (Asdi)", "SE"),
    ("Agencia de los Estados Unidos para el Desarrollo Internacional (USAID)", "US"),
]
FOUNDATIONS = [
    ("Bloomberg Philanthropies", "US"), ("Fundación Rockefeller", "US"), ("Open Society Foundations", "US"),
    ("Fundación Konrad Adenauer", "DE"), ("Fundación Friedrich Ebert", "DE"), ("British Council", "GB"),
    ("Institut Français d'Amérique Latine", "FR"), ("Centro Cultural de España en México", "ES"),
]
NETWORKS = [
    ("Ciudades y Gobiernos Locales Unidos (CGLU)", "ES"), ("Metropolis", "ES"),
    ("Unión de Ciudades Capitales Iberoamericanas (UCCI)", "ES"), ("C40 Cities", "GB"),
    ("ICLEI – Gobiernos Locales por la Sustentabilidad", "DE"), ("Resilient Cities Network", "US"),
    ("Fondo Mundial para el Desarrollo de las Ciudades (FMDV)", "FR"),
    ("Organización Mundial de Ciudades Inteligentes y Sostenibles (WeGO)", "KR"),
    ("Red de Ciudades Creativas de la UNESCO", "FR"), ("Alcaldes por la Paz", "JP"),
    ("Coalición Latinoamericana y Caribeña de Ciudades contra el Racismo", "UY"),
    ("Proyecto AL-LAs", "FR"), ("Mayors Migration Council", "US"), ("Rainbow Cities Network", "NL"),
    ("Red Iberoamericana de Organismos y Organizaciones contra la Discriminación (RIOOD)", "AR"),
    ("Urban 20 (U20)", "IT"),
]
PRESS_OUTLETS = [
    ("El País", "ES"), ("The Guardian", "GB"), ("Le Monde", "FR"), ("The New York Times", "US"),
    ("Deutsche Welle", "DE"), ("BBC Mundo", "GB"), ("Clarín", "AR"), ("El Tiempo", "CO"),
    ("Folha de S.Paulo", "BR"), ("The Washington Post", "US"), ("France 24", "FR"), ("El Comercio", "PE"),
    ("Bloomberg CityLab", "US"), ("Financial Times", "GB"), ("Corriere della Sera", "IT"),
    ("Asahi Shimbun", "JP"), ("The Korea Herald", "KR"), ("La Vanguardia", "ES"), ("Página/12", "AR"),
    ("Helsingin Sanomat", "FI"),
]
VENUES = [
    "Antiguo Palacio del Ayuntamiento, Ciudad de México", "Salón de Cabildos, Ciudad de México",
    "Museo de la Ciudad de México, Ciudad de México", "Centro de Comando C5, Ciudad de México",
    "Sala de juntas de la Coordinación General de Asuntos Internacionales, Ciudad de México",
    "Museo Archivo de la Fotografía, Ciudad de México", "Faro de Oriente, Ciudad de México",
]


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def country_ref(code: str) -> str:
    """A country as real records write it: code, Spanish name (with or without accents) or English."""
    c = COUNTRIES[code]
    return rng.choice([code, c["name_es"], c["name_es"], strip_accents(c["name_es"]), c["name_en"], c["alpha3"]])


def name_es(code: str) -> str:
    return COUNTRIES[code]["name_es"]


def embassy(code: str) -> str:
    return f"Embajada {ARTICLED.get(code, 'de ' + name_es(code))} en México"


def ambassador(code: str) -> dict:
    name, post = AMBASSADORS.get(code, (None, None))
    if name is None:
        return {}
    return {"name": name, "post": f"{post} {ARTICLED.get(code, 'de ' + name_es(code))} en México", "organisation": embassy(code)}


def officials(count: int) -> list:
    return [{"name": n, "post": p, "organisation": "Gobierno de la Ciudad de México"} for n, p in rng.sample(CITY_OFFICIALS, count)]


def random_day(months: range = range(1, 13)) -> dt.date:
    month = rng.choice(list(months))
    return dt.date(YEAR, month, rng.randint(1, 28))


def iso(day: dt.date) -> str:
    return day.isoformat()


MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]


def long_date(day: dt.date) -> str:
    return f"{day.day} de {MONTHS_ES[day.month - 1]}"


def modality_for(day: dt.date) -> str:
    """2021 was a pandemic year: mostly virtual in the first half, more in person later."""
    weights = [6, 2, 1] if day.month <= 6 else [3, 4, 2]
    return rng.choices(["virtual", "presencial", "hibrido"], weights)[0]


def topics_for(axis: str, count: int = 2) -> list:
    return rng.sample(AXIS_TOPICS[axis], count)


def follow_up(day: dt.date, task: str, done_share: float = 0.6) -> dict:
    due = day + dt.timedelta(days=rng.randint(10, 60))
    item = {"task": task, "due": iso(min(due, dt.date(YEAR, 12, 31))), "owner": rng.choice(CITY_OFFICIALS)[0]}
    item["done"] = rng.random() < done_share
    return item


FEMININE = {"fiesta", "cumbre", "feria", "exposición", "presentación", "semana", "asamblea", "comisión",
            "fuente", "glorieta", "agencia", "fundación", "unión", "embajada", "organización", "oficina",
            "secretaría", "coalición", "red", "alianza", "policía", "gendarmería", "intendencia", "municipalidad",
            "alcaldía", "prefeitura", "ciudad", "conferencia", "comunidad", "deutsche"}
MASCULINE = {"día", "bicentenario", "foro", "congreso", "festival", "seminario", "webinar", "banco", "fondo",
             "programa", "gobierno", "ayuntamiento", "senado", "consejo", "comité", "buró", "instituto", "centro",
             "municipio", "proyecto", "sistema", "ángel", "monumento", "hemiciclo", "antiguo", "cumpleaños",
             "aniversario", "212", "30", "cablebús", "plan", "portal"}


def article(noun_phrase: str) -> str:
    """The Spanish definite article a name takes ("la Fiesta…", "el Día…"), or "" for names that
    take none ("Bloomberg Philanthropies", "UK PACT")."""
    first = noun_phrase.split()[0].lower()
    if first == "fiestas":
        return "las"
    if first in FEMININE:
        return "la"
    return "el" if first in MASCULINE else ""


def with_article(preposition: str, noun_phrase: str) -> str:
    """"de" + "el Día…" → "del Día…"; "a" + "la Feria…" → "a la Feria…"; "por" + "UK PACT"."""
    art = article(noun_phrase)
    if art == "el" and preposition in ("a", "de"):
        return f"{preposition}l {noun_phrase}"
    return " ".join(part for part in (preposition, art, noun_phrase) if part)


def capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def listing(items: list) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " y " + items[-1]


def org(name: str, country: str | None) -> dict:
    return {"name": name, "country": country} if country else {"name": name}


activities: list[dict] = []


def add(kind: str, title: str, day: dt.date | str, **fields) -> None:
    record = {"kind": kind, "title": title, "start_date": day if isinstance(day, str) else iso(day)}
    record.update({k: v for k, v in fields.items() if v not in (None, [], {}, "")})
    activities.append(record)


# ---------------------------------------------------------------- illuminations
def illuminations() -> None:
    special = {
        "PE": (dt.date(YEAR, 7, 27), "Bicentenario de la Independencia del Perú"),
        "EC": (dt.date(YEAR, 8, 10), "212 aniversario del Primer Grito de Independencia del Ecuador"),
        "AZ": (dt.date(YEAR, 10, 18), "30 aniversario de la Restauración de la Independencia de Azerbaiyán"),
    }
    chosen = ["CO", "PE", "CH", "EC", "AZ", "FR", "US", "CA", "IT", "AR", "CL", "UY", "GR", "IE", "KR", "PL",
              "UA", "DE", "ES", "PT", "GT", "FI", "SK", "HU", "NZ", "JP", "CZ", "RO", "LT", "IN", "PH", "ZA", "DO", "BR"]
    for code in chosen:
        nd = COUNTRIES[code]["national_day"]
        own = nd["name_es"].split(" (")[0]
        # "Fiesta Nacional de Francia" already names its country; "Día de la Independencia" does not.
        if name_es(code) not in own and code not in ("CH", "DE", "CZ"):
            own += " " + ARTICLED.get(code, "de " + name_es(code))
        day, occasion = special.get(code, (dt.date(YEAR, nd["month"], nd["day"]), own))
        details = {"occasion": occasion, "requested_by": embassy(code), "executed_by": "Secretaría de Obras y Servicios (SOBSE)"}
        if rng.random() < 0.5:
            details["monument"] = rng.choice(MONUMENTS)
        if code in FLAG_COLOURS and rng.random() < 0.6:
            details["colors"] = FLAG_COLOURS[code]
        where = with_article("", details["monument"]) if "monument" in details else "los monumentos más emblemáticos de la ciudad"
        summary = (
            f"A solicitud de la {embassy(code)}, el Gobierno de la Ciudad iluminó {where} "
            f"con motivo {with_article('de', occasion)}."
        )
        if rng.random() < 0.5:
            summary += (f"\n\nLa {embassy(code)} agradeció el gesto, que forma parte de la colaboración "
                        "permanente de la ciudad con el cuerpo diplomático acreditado en México.")
        add("illumination", f"Iluminación por {article(occasion)} {occasion}", day,
            date_text=f"{day.day} {MONTHS_ES[day.month - 1]}" if rng.random() < 0.3 else None,
            modality="presencial", place="Ciudad de México", countries=[country_ref(code)],
            organisations=[org(embassy(code), code), org("Secretaría de Obras y Servicios (SOBSE)", "MX")],
            axis=AXES[3], topics=["diplomacia cultural"], summary=summary, details=details)

    days = [(3, 8), (3, 21), (4, 2), (5, 17), (6, 5), (6, 28), (7, 30), (10, 19), (11, 14), (11, 20), (11, 25), (11, 30), (12, 3)]
    observances = {(o["month"], o["day"]): o for o in json.loads((HERE.parent / "reference" / "observances.json").read_text("utf-8"))}
    for month, day_of_month in days:
        day = dt.date(YEAR, month, day_of_month)
        # The AIDS day is lit on its eve, 30 November, as the 2021 report records.
        o = observances.get((month, day_of_month)) or observances[(12, 1)]
        details = {"occasion": o["name_es"], "executed_by": "Secretaría de Obras y Servicios (SOBSE)"}
        if o["colors_es"]:
            details["colors"] = o["colors_es"]
        requester = {(3, 21): "Embajada de Suiza en México", (11, 25): "ONU Mujeres", (11, 30): "ONUSIDA",
                     (7, 30): "Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)"}.get((month, day_of_month))
        if requester:
            details["requested_by"] = requester
        axis = AXES[0] if month in (3, 5, 6, 11, 12) else (AXES[1] if month == 6 else AXES[4])
        colour = f" de color {o['colors_es']}" if o["colors_es"] else ""
        add("illumination", f"Iluminación por el {o['name_es']}", day, modality="presencial",
            place="Ciudad de México", axis=axis, topics=topics_for(axis, 1),
            summary=(f"Los monumentos más emblemáticos de la ciudad se iluminaron{colour} en el marco del "
                     f"{o['name_es']}, como muestra del compromiso de la capital con la agenda internacional."),
            details=details)


# ---------------------------------------------------------------- meetings
MEETING_TOPICS = [
    ("cooperación en movilidad eléctrica", AXES[2]), ("intercambio cultural y festivales", AXES[3]),
    ("prevención de la violencia de género", AXES[0]), ("gestión de residuos sólidos", AXES[1]),
    ("seguridad ciudadana y policía de proximidad", AXES[4]), ("gobierno digital y datos abiertos", AXES[5]),
    ("atención a personas migrantes y refugiadas", AXES[0]), ("calidad del aire", AXES[1]),
    ("transparencia y contrataciones públicas", AXES[4]), ("promoción turística", AXES[3]),
    ("resiliencia sísmica", AXES[1]), ("innovación y emprendimiento", AXES[5]),
]


def meetings() -> None:
    kinds = ["trabajo", "cortesia", "vinculacion"]
    codes = rng.sample(EMBASSY_COUNTRIES, 52)
    for code in codes:
        day = random_day()
        topic, axis = rng.choice(MEETING_TOPICS)
        meeting_type = rng.choice(kinds)
        head = ambassador(code)
        people = ([head] if head else []) + officials(rng.randint(1, 2))
        label = {"trabajo": "Reunión de trabajo", "cortesia": "Visita de cortesía", "vinculacion": "Reunión de vinculación"}[meeting_type]
        modality = modality_for(day)
        details = {"meeting_type": meeting_type}
        if head:
            details["counterpart_head"] = head["name"]
            details["counterpart_post"] = head["post"]
        agreed = rng.random() < 0.6
        if agreed:
            details["agreements_reached"] = rng.choice([
                "Integrar un grupo de trabajo técnico y calendarizar una segunda sesión.",
                "Intercambiar información sobre programas exitosos y explorar un memorándum de entendimiento.",
                "Identificar a las dependencias de la ciudad que darán seguimiento a la agenda acordada.",
            ])
        paragraphs = [
            f"La Coordinación General de Asuntos Internacionales sostuvo una reunión {'virtual' if modality == 'virtual' else 'en la ciudad'} "
            f"con representantes de la {embassy(code)} para dialogar sobre {topic}.",
            f"Ambas partes revisaron las acciones que la ciudad impulsa en la materia y las experiencias de {name_es(code)}, "
            "con miras a fortalecer la cooperación bilateral entre gobiernos locales.",
        ]
        if agreed:
            paragraphs.append("Como resultado, " + details["agreements_reached"][0].lower() + details["agreements_reached"][1:])
        add("meeting", f"{label} con la {embassy(code)}", day,
            start_time=f"{rng.choice([9, 10, 11, 12, 13, 16, 17]):02d}:{rng.choice(['00', '30'])}" if rng.random() < 0.6 else None,
            modality=modality, place=None if modality == "virtual" else rng.choice(VENUES),
            countries=[country_ref(code)], organisations=[org(embassy(code), code)], people=people,
            axis=axis, topics=[topic] + topics_for(axis, 1), summary="\n\n".join(paragraphs[: rng.randint(1, 3)]),
            outcomes=details.get("agreements_reached"),
            follow_ups=[follow_up(day, f"Enviar nota de seguimiento a la {embassy(code)}")] if rng.random() < 0.3 else None,
            details=details)

    for name, city, code in FOREIGN_CITIES:
        day = random_day()
        topic, axis = rng.choice(MEETING_TOPICS)
        add("meeting", f"Reunión {with_article('con', name)}", day,
            modality="virtual" if day.month < 9 else modality_for(day),
            countries=[country_ref(code)], organisations=[org(name, code)], people=officials(1),
            axis=axis, topics=[topic],
            summary=(f"Funcionarios de la Ciudad de México y de {city} compartieron experiencias sobre {topic}.\n\n"
                     "Se acordó mantener el diálogo entre ambas ciudades y explorar un programa de intercambio de "
                     "especialistas para el siguiente año."),
            details={"meeting_type": rng.choice(["trabajo", "vinculacion"])})

    domestic = [
        ("Reunión con la Secretaría de Relaciones Exteriores sobre la agenda de embajadas", "Secretaría de Relaciones Exteriores (SRE)", AXES[3]),
        ("Reunión con el Gobierno del Estado de Jalisco sobre seguridad regional", "Gobierno del Estado de Jalisco", AXES[4]),
        ("Reunión con el Gobierno del Estado de México sobre movilidad metropolitana", "Gobierno del Estado de México", AXES[2]),
        ("Reunión con AMEXCID sobre la oferta de cooperación técnica de la ciudad", "Agencia Mexicana de Cooperación Internacional para el Desarrollo (AMEXCID)", AXES[5]),
        ("Reunión con la Conferencia Nacional de Gobernadores sobre la agenda 2030", "Conferencia Nacional de Gobernadores (CONAGO)", AXES[1]),
        ("Reunión con el Gobierno de Puebla sobre turismo cultural", "Gobierno del Estado de Puebla", AXES[3]),
    ]
    for title, organisation, axis in domestic:
        day = random_day()
        add("meeting", title, day, modality=modality_for(day), countries=["México"],
            organisations=[org(organisation, "MX")], people=officials(2), axis=axis, topics=topics_for(axis),
            summary=f"Se revisaron temas de interés común con {organisation} y se definieron enlaces para su seguimiento.",
            details={"meeting_type": "trabajo"})


# ---------------------------------------------------------------- delegations
def delegations() -> None:
    incoming = [
        ("Delegación de UK PACT sobre transparencia y contrataciones públicas", ["GB"], "Eleanor Whitcombe", "Embajadora", AXES[4]),
        ("Visita técnica de la Prefeitura de São Paulo al sistema de Cablebús", ["BR"], "Ana Beatriz Conceição", "Secretaria de Movilidad", AXES[2]),
        ("Recepción de la delegación de Azerbaiyán", ["AZ"], "Elçin Məmmədov", "Embajador", AXES[3]),
        ("Visita de alcaldes de Centroamérica al C5", ["GT", "HN", "SV"], "Carlos Méndez Orellana", "Alcalde", AXES[4]),
        ("Huésped distinguido: delegación de la Ciudad de Viena", ["AT"], "Katharina Öttl", "Concejala de Vivienda", AXES[0]),
        ("Visita técnica de JICA a la red de monitoreo sísmico", ["JP"], "Hiroshi Takahashi", "Representante residente", AXES[1]),
        ("Delegación de la Ciudad de Helsinki sobre gobierno digital", ["FI"], "Päivi Pohjanheimo", "Embajadora", AXES[5]),
        ("Recepción de la delegación de Eslovaquia", ["SK"], "Terézia Šajgalíková", "Embajadora", AXES[3]),
        ("Visita de la delegación de Seúl sobre ciudades inteligentes", ["KR"], "Park Ji-woo", "Director General de Informatización", AXES[5]),
        ("Visita técnica de la Intendencia de Montevideo a los Puntos de Innovación (PILARES)", ["UY"], "Florencia Ibáñez", "Directora de Desarrollo Social", AXES[0]),
        ("Delegación de Quebec sobre electromovilidad", ["CA"], "Émilie Côté", "Delegada General", AXES[2]),
        ("Recepción de la delegación de la Comisión Europea", ["BE", "FR", "DE"], "Jeröme Lefèvre", "Jefe de Cooperación", AXES[1]),
        ("Visita de la delegación de Ghana sobre gestión de residuos", ["GH"], "Kwame Asante", "Alcalde Metropolitano", AXES[1]),
        ("Visita de una delegación de Marruecos sobre turismo", ["MA"], "Youssef El Amrani", "Embajador", AXES[3]),
        ("Visita de fiscales de Colombia y Perú al Instituto de Formación Profesional", ["CO", "PE"], "Lucía Restrepo Gaviria", "Fiscal Delegada", AXES[4]),
        ("Visita de la delegación de Nueva Zelandia sobre pueblos originarios", ["NZ"], "Aroha Whānau-Smith", "Embajadora", AXES[0]),
        ("Visita de especialistas de Países Bajos sobre gestión del agua", ["NL"], "Pieter van den Berg", "Embajador", AXES[1]),
        ("Visita de la delegación de Vietnam sobre transporte público", ["VN"], "Nguyễn Văn Thành", "Embajador", AXES[2]),
    ]
    outgoing = [
        ("Gira de trabajo a Madrid y Barcelona", ["ES"], ["Ayuntamiento de Madrid", "Ayuntamiento de Barcelona"], AXES[3]),
        ("Visita oficial a Glasgow en el marco de la COP26", ["GB"], ["Cumbre COP26", "C40 Cities"], AXES[1]),
        ("Pasantía en la Policía Nacional de Colombia", ["CO"], ["Policía Nacional de Colombia"], AXES[4]),
        ("Gira a Bogotá, Quito y Lima sobre movilidad", ["CO", "EC", "PE"], ["TransMilenio", "Metro de Quito", "Metro de Lima"], AXES[2]),
        ("Visita oficial a Los Ángeles", ["US"], ["Ciudad de Los Ángeles"], AXES[3]),
        ("Participación en el Foro de Ciudades de Lisboa", ["PT"], ["Ayuntamiento de Lisboa"], AXES[1]),
        ("Visita técnica a Medellín sobre urbanismo social", ["CO"], ["Alcaldía de Medellín"], AXES[0]),
        ("Gira de trabajo por Berlín y Hamburgo", ["DE"], ["Senado de Berlín", "Ciudad Libre y Hanseática de Hamburgo"], AXES[5]),
        ("Visita a Buenos Aires sobre seguridad y justicia cívica", ["AR"], ["Gobierno de la Ciudad de Buenos Aires"], AXES[4]),
        ("Misión a Seúl y Tokio sobre ciudades inteligentes", ["KR", "JP"], ["Gobierno Metropolitano de Seúl", "Gobierno Metropolitano de Tokio"], AXES[5]),
        ("Visita a Santiago de Chile sobre electromovilidad", ["CL"], ["Municipalidad de Santiago"], AXES[2]),
        ("Gira de promoción turística en París", ["FR"], ["Ciudad de París"], AXES[3]),
        ("Visita a Montreal sobre inclusión de personas migrantes", ["CA"], ["Ciudad de Montreal"], AXES[0]),
        ("Visita a Dubái en el marco de la Expo 2020", ["AE"], ["Expo 2020 Dubái"], AXES[3]),
        ("Visita oficial a La Habana sobre patrimonio", ["CU"], ["Oficina del Historiador de La Habana"], AXES[3]),
        ("Pasantía de policías en la Gendarmería de Francia", ["FR"], ["Gendarmería Nacional de Francia"], AXES[4]),
    ]
    for title, codes, head, rank, axis in incoming:
        day = random_day(range(2, 13))
        end = day + dt.timedelta(days=rng.randint(0, 3))
        sites = rng.sample(["Centro de Comando C5", "Cablebús Línea 1", "Utopía Iztapalapa", "PILARES Tlatelolco",
                            "Centro Histórico", "Sistema de Aguas", "Planta de composta de Bordo Poniente"], 2)
        add("delegation", title, day, end_date=iso(end) if end != day else None, modality="presencial",
            place=rng.choice(VENUES), countries=[country_ref(c) for c in codes],
            people=[{"name": head, "post": rank}] + officials(1), axis=axis, topics=topics_for(axis),
            summary=(f"La ciudad recibió a una delegación encabezada por {head}, {rank}, interesada en conocer "
                     f"los programas de la capital en materia de {topics_for(axis, 1)[0]}.\n\n"
                     f"Durante la visita se recorrieron {sites[0]} y {sites[1]}, donde personal de las dependencias "
                     "explicó el funcionamiento y los resultados de cada programa."),
            details={"direction": "incoming", "head": head, "head_rank": rank, "sites": sites,
                     "members": [head] + rng.sample(["Anna Nováková", "Łukasz Zieliński", "María José Ibarra",
                                                    "Søren Madsen", "Ingrid Müller", "Oluwaseun Adeyemi"], 2),
                     "protocol": rng.choice(["Huésped distinguido", "Visita técnica", "Visita oficial"])})
    for title, codes, sites, axis in outgoing:
        day = random_day(range(3, 13))
        end = day + dt.timedelta(days=rng.randint(2, 8))
        head, rank = CITY_OFFICIALS[0]
        status = "cancelled" if title.startswith("Visita oficial a La Habana") else None
        summary = (f"Una delegación de la Ciudad de México, encabezada por {head}, {rank}, realizó una visita a "
                   f"{', '.join(name_es(c) for c in codes)} para conocer experiencias en {topics_for(axis, 1)[0]}.")
        if status:
            summary += "\n\nLa visita se canceló por las restricciones sanitarias vigentes y se reprogramará en 2022."
        add("delegation", title, day, end_date=iso(end), modality="extranjero", countries=[country_ref(c) for c in codes],
            organisations=[org(s, codes[0]) for s in sites], people=officials(2), axis=axis, topics=topics_for(axis),
            summary=summary, status=status,
            details={"direction": "outgoing", "head": head, "head_rank": rank, "sites": sites,
                     "protocol": "Visita oficial"})


# ---------------------------------------------------------------- trainings
TRAININGS = [
    ("Curso de policía de proximidad", "Policía Nacional de Colombia", "CO", AXES[4], "fortalecer el modelo de proximidad y la atención a víctimas"),
    ("Taller de contrataciones abiertas", "UK PACT", "GB", AXES[4], "aplicar el estándar de datos de contrataciones abiertas en compras públicas"),
    ("Seminario de gestión integral de riesgos sísmicos", "Agencia de Cooperación Internacional del Japón (JICA)", "JP", AXES[1], "mejorar los protocolos de alerta y respuesta ante sismos"),
    ("Curso de investigación criminal con perspectiva de género", "Agencia Española de Cooperación Internacional para el Desarrollo (AECID)", "ES", AXES[0], "incorporar la perspectiva de género en la investigación de feminicidios"),
    ("Capacitación en electromovilidad para operadores", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "DE", AXES[2], "preparar al personal para la operación de autobuses eléctricos"),
    ("Taller de ciberseguridad municipal", "Organización de los Estados Americanos (OEA)", "US", AXES[5], "proteger los sistemas de información del gobierno local"),
    ("Curso de atención a víctimas de trata de personas", "Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)", "AT", AXES[4], "identificar y atender a víctimas de trata"),
    ("Seminario de economía circular", "Agencia Francesa de Desarrollo (AFD)", "FR", AXES[1], "diseñar estrategias de reducción y aprovechamiento de residuos"),
    ("Taller de ciudades inteligentes", "Agencia de Cooperación Internacional de Corea (KOICA)", "KR", AXES[5], "conocer soluciones de gestión urbana basadas en datos"),
    ("Curso de gestión de museos y patrimonio", "UNESCO", "FR", AXES[3], "fortalecer la conservación y difusión del patrimonio cultural"),
    ("Taller de presupuestos con perspectiva de género", "ONU Mujeres", "US", AXES[0], "integrar el enfoque de género en la planeación del gasto"),
    ("Curso de inclusión laboral de personas migrantes", "Organización Internacional para las Migraciones (OIM)", "CH", AXES[0], "facilitar la inserción laboral de personas migrantes"),
    ("Capacitación en seguridad vial", "Bloomberg Philanthropies", "US", AXES[2], "reducir las muertes por hechos de tránsito"),
    ("Seminario de justicia cívica", "Fundación Konrad Adenauer", "DE", AXES[4], "promover la solución pacífica de conflictos vecinales"),
    ("Curso de guías de turismo accesible", "Secretaría de Turismo de Portugal", "PT", AXES[3], "ofrecer servicios turísticos accesibles"),
]


def trainings() -> None:
    for i in range(46):
        name, provider, code, axis, objective = TRAININGS[i % len(TRAININGS)]
        edition_no = i // len(TRAININGS) + 1
        day = random_day()
        modality = rng.choices(["virtual", "presencial", "hibrido", "extranjero"], [5, 2, 1, 1])[0]
        women = rng.randint(5, 40)
        men = rng.randint(5, 40)
        hours = rng.choice(["8", "12", "16", "20", "24", "30", "40", "7.5", "12.5"])
        units = rng.sample(UNITS, rng.randint(1, 3))
        month_only = i % 15 == 7
        start = f"{YEAR}-{day.month:02d}" if month_only else iso(day)
        last_day = day + dt.timedelta(days=rng.randint(1, 20))
        end = iso(last_day)
        when = f"Del {long_date(day)} al {long_date(last_day)} de {YEAR}"
        if month_only:
            end = f"{YEAR}-{day.month + 1:02d}" if day.month < 12 else None
            when = f"({MONTHS_ES[day.month - 1]}{' a ' + MONTHS_ES[day.month] if day.month < 12 else ''})"
        # Date, modality, participants and objective are structured fields; the summary says
        # only what they do not (who attended, by sex), so no report prints a fact twice.
        paragraphs = [
            f"La capacitación, impartida {with_article('por', provider)}, reunió a {women + men} personas "
            f"({women} mujeres y {men} hombres) {listing([with_article('de', u) for u in units])}.",
        ]
        add("training", f"{name}{'' if edition_no == 1 else f' ({edition_no}.ª edición)'}", start, end_date=end,
            date_text=when if month_only else None,
            modality=modality, place=("Ciudad de México" if modality != "virtual" and modality != "extranjero" else
                                      (COUNTRIES[code]["capital_es"] if modality == "extranjero" else None)),
            countries=[country_ref(code)], organisations=[org(provider, code)], axis=axis, topics=topics_for(axis),
            summary="\n\n".join(paragraphs),
            details={"participants": women + men, "hours": hours, "provider": provider, "objective": objective,
                     "edition": f"{edition_no}.ª edición", "units": units})


# ---------------------------------------------------------------- agreements
def agreements() -> None:
    types = ["convenio_marco", "convenio_especifico", "memorandum", "hermanamiento", "carta_intencion", "declaracion"]
    labels = {"convenio_marco": "Convenio marco de colaboración", "convenio_especifico": "Convenio de cooperación específica",
              "memorandum": "Memorándum de entendimiento", "hermanamiento": "Acuerdo de hermanamiento",
              "carta_intencion": "Carta de intención", "declaracion": "Adhesión a la declaración"}
    partners = [(n, c, "ciudad") for n, _, c in FOREIGN_CITIES] + [(n, c or "FR", "org") for n, c in MULTILATERALS] + \
               [(n, c, "org") for n, c in AGENCIES if c != "MX"]
    cities = [p for p in partners if p[2] == "ciudad"]
    institutions = [p for p in partners if p[2] != "ciudad"]
    for i in range(26):
        agreement_type = types[i % len(types)]
        pool = cities if agreement_type in ("hermanamiento", "convenio_marco") else institutions
        name, code, _ = pool.pop(rng.randrange(len(pool)))
        day = random_day()
        years = rng.choice([2, 3, 4, 5])
        status = rng.choices(["vigente", "en_evaluacion", "concluido"], [6, 2, 1])[0]
        signed = status != "en_evaluacion"
        signatory = officials(1)[0]
        if agreement_type == "declaracion":
            title = f"{labels[agreement_type]} {with_article('de', name)} sobre ciudades sostenibles"
        else:
            title = f"{labels[agreement_type]} con {with_article('', name)}"
        add("agreement", title, day, modality=rng.choice(["presencial", "virtual"]),
            countries=[country_ref(code)], organisations=[org(name, code), org("Gobierno de la Ciudad de México", "MX")],
            people=[signatory], axis=AXES[i % 6], topics=topics_for(AXES[i % 6]),
            status=None if signed else "planned",
            summary=(f"La Ciudad de México y {with_article('', name)} {'firmaron' if signed else 'negocian'} un instrumento para "
                     f"colaborar en {listing(topics_for(AXES[i % 6]))}.\n\n"
                     f"El instrumento {'tendrá' if signed else 'tendría'} una vigencia de {years} años y prevé "
                     "intercambio de especialistas, asistencia técnica y la organización de actividades conjuntas."),
            details={"agreement_type": agreement_type, "parties": [name, "Gobierno de la Ciudad de México"],
                     "signed_on": iso(day) if signed else None, "valid_until": iso(day.replace(year=YEAR + years)) if signed else None,
                     "agreement_status": status})
    for item in activities:
        if item["kind"] == "agreement":
            item["details"] = {k: v for k, v in item["details"].items() if v is not None}


# ---------------------------------------------------------------- networks
def networks() -> None:
    bodies = ["Buró Ejecutivo", "Consejo Mundial", "Comité de Igualdad", "Asamblea General", "Comisión de Movilidad", "Consejo de Dirección"]
    roles = [("Copresidencia", "2019–2022"), ("Vicepresidencia", "2020–2023"), ("Miembro", None), ("Tesorería", "2021–2024"), ("Presidencia regional", "2021–2023")]
    for i in range(31):
        network, code = NETWORKS[i % len(NETWORKS)]
        body = bodies[(i + i // len(NETWORKS)) % len(bodies)]
        role, term = rng.choice(roles)
        day = random_day()
        axis = AXES[i % 6]
        details = {"network": network, "body": body, "role": role}
        if term:
            details["term"] = term
        short = network.split(" (")[0] if "(" not in network or len(network) < 40 else network.split("(")[1].rstrip(")")
        add("network", f"Reunión {with_article('de', body)} {with_article('de', short)}", day, modality="virtual" if day.month < 10 else modality_for(day),
            countries=[country_ref(code)], organisations=[org(network, code)], people=officials(1), axis=axis,
            topics=topics_for(axis),
            summary=(f"La Ciudad de México participó en la reunión {with_article('de', body)} {with_article('de', network)}, "
                     + ("red de la que es miembro" if role == "Miembro" else f"donde ocupa la {role.lower()}")
                     + f"{' para el periodo ' + term if term else ''}.\n\n"
                     f"Se presentaron avances de la ciudad en {topics_for(axis, 1)[0]} y se aprobó el plan de trabajo del siguiente semestre."),
            details=details)


# ---------------------------------------------------------------- events
EVENT_PARTICIPATION = {
    "anfitrion": "fue anfitriona {de}", "organizador": "organizó {el}", "coorganizador": "coorganizó {el}",
    "ponente": "participó como ponente {en}", "panelista": "participó como panelista {en}",
    "mensaje_grabado": "envió un mensaje grabado {a}", "asistente": "asistió {a}",
}
EVENTS = [
    ("Foro Mundial de Ciudades por la Igualdad", "foro", AXES[0]), ("Cumbre de Alcaldes de C40", "cumbre", AXES[1]),
    ("Congreso Iberoamericano de Movilidad Urbana", "congreso", AXES[2]), ("Festival Internacional de Cine de la Ciudad", "exposicion", AXES[3]),
    ("Seminario Internacional de Seguridad Ciudadana", "seminario", AXES[4]), ("Webinar sobre gobierno abierto", "webinar", AXES[5]),
    ("Feria Internacional de las Culturas Amigas", "feria", AXES[3]), ("Foro Urbano Mundial: diálogo regional", "foro", AXES[1]),
    ("Exposición fotográfica en las rejas de Chapultepec", "exposicion", AXES[3]), ("Webinar sobre ciudades y migración", "webinar", AXES[0]),
    ("Presentación del Informe Local Voluntario ante la ONU", "otro", AXES[1]), ("Semana de la Innovación Pública", "congreso", AXES[5]),
]


def events() -> None:
    for i in range(46):
        name, event_type, axis = EVENTS[i % len(EVENTS)]
        edition = f"{2 + i % 7 + i // len(EVENTS)}.ª edición"
        day = random_day()
        city_role = rng.choice(["anfitrion", "organizador", "coorganizador", "ponente", "panelista", "mensaje_grabado", "asistente"])
        organiser, code = rng.choice(NETWORKS + [(n, c or "US") for n, c in MULTILATERALS])
        registered = rng.randint(80, 4000)
        countries_count = rng.randint(5, 60)
        sessions = rng.randint(3, 40)
        status = "planned" if day.month == 12 and i % 3 == 0 else ("cancelled" if i in (5, 29) else None)
        start: str | dt.date = day
        end: str | None = iso(day + dt.timedelta(days=rng.randint(0, 3)))
        date_text = None
        if event_type == "exposicion" and i % 2 == 0 and day.month < 12:
            start, end = f"{YEAR}-{day.month:02d}", f"{YEAR}-{day.month + 1:02d}"
            date_text = f"({MONTHS_ES[day.month - 1]} a {MONTHS_ES[day.month]})"
        phrase = EVENT_PARTICIPATION[city_role].format(
            de=with_article("de", name), el=f"{article(name)} {name}", en=f"en {article(name)} {name}", a=with_article("a", name))
        guests = rng.sample([c for c in EMBASSY_COUNTRIES if c != code], rng.randint(0, 3))
        add("event", f"{name} ({edition})", start, end_date=end, date_text=date_text,
            modality=rng.choice(["virtual", "hibrido", "presencial"]),
            place="Ciudad de México" if city_role in ("anfitrion", "organizador") else None,
            countries=[country_ref(code)] + [country_ref(c) for c in guests], organisations=[org(organiser, code)],
            people=officials(1), axis=axis, topics=topics_for(axis), status=status,
            summary=(f"La Ciudad de México {phrase}, convocado {with_article('por', organiser)}.\n\n"
                     f"Numeralia: {registered:,} personas registradas, {countries_count} países y {sessions} sesiones."
                     + ("\n\nEl evento se canceló por la contingencia sanitaria." if status == "cancelled" else "")),
            details={"event_type": event_type, "city_role": city_role, "organiser": organiser, "edition": edition,
                     "registered": registered, "countries_count": countries_count, "sessions": sessions})


# ---------------------------------------------------------------- projects, awards, financing, press, other
def projects() -> None:
    names = [
        ("Proyecto de electromovilidad en el transporte público", AXES[2]), ("Proyecto Ciudades Seguras para Mujeres", AXES[0]),
        ("Proyecto de resiliencia hídrica", AXES[1]), ("Proyecto de digitalización de trámites", AXES[5]),
        ("Proyecto de reciclaje inclusivo", AXES[1]), ("Proyecto de prevención de la violencia juvenil", AXES[4]),
        ("Proyecto de corredores culturales", AXES[3]), ("Proyecto de calidad del aire y salud", AXES[1]),
        ("Proyecto de integración de personas refugiadas", AXES[0]), ("Proyecto de movilidad ciclista", AXES[2]),
    ]
    for i in range(21):
        name, axis = names[i % len(names)]
        lead, code = (AGENCIES + FOUNDATIONS)[i % (len(AGENCIES) + len(FOUNDATIONS))]
        funder, funder_code = rng.choice(AGENCIES + FOUNDATIONS + [(n, c or "US") for n, c in MULTILATERALS])
        day = random_day(range(1, 10))
        months = rng.randint(6, 30)
        end = dt.date(day.year + (day.month + months - 1) // 12, (day.month + months - 1) % 12 + 1, 1)
        add("project", f"{name} con {with_article('', lead.split(' (')[0])}" + (" (fase 2)" if i >= len(names) else ""), day, end_date=iso(end),
            countries=sorted({country_ref(code), country_ref(funder_code)}), organisations=[org(lead, code), org(funder, funder_code)],
            axis=axis, topics=topics_for(axis),
            summary=(f"{capitalised(with_article('', lead))} y la Ciudad de México ejecutan un proyecto de {months} meses "
                     f"financiado {with_article('por', funder)}.\n\n"
                     "El proyecto contempla diagnóstico, pilotos en alcaldías seleccionadas y una guía de política pública."),
            follow_ups=[follow_up(day, "Entregar el informe semestral de avances al socio líder")] if i % 2 == 0 else None,
            details={"lead_partner": lead, "funder": funder, "city_role": rng.choice(["beneficiaria", "socia implementadora", "coordinadora"]),
                     "products": rng.choice(["Diagnóstico y guía de política pública", "Plataforma digital y manual de operación",
                                             "Piloto en tres alcaldías y evaluación de impacto"])})


def awards() -> None:
    items = [
        ("Premio Ciudades Transformadoras", "Transnational Institute", "NL", "Gobierno local", "Programa PILARES", AXES[0]),
        ("Reconocimiento Bloomberg Mayors Challenge", "Bloomberg Philanthropies", "US", "Innovación urbana", "Programa de movilidad ciclista", AXES[2]),
        ("Premio Internacional de Guangzhou a la Innovación Urbana", "Gobierno Municipal de Guangzhou", "CN", "Innovación urbana", "Cablebús", AXES[2]),
        ("Acreditación de Ciudad del Aprendizaje", "UNESCO", "FR", "Ciudades del Aprendizaje", "Red de bibliotecas y PILARES", AXES[3]),
        ("Récord Guinness de la clase de box más grande", "Guinness World Records", "GB", "Deporte", "Programa de activación física", AXES[3]),
        ("Premio C40 Bloomberg Philanthropies Cities4Action", "C40 Cities", "GB", "Acción climática", "Plan de Acción Climática", AXES[1]),
        ("Mención honorífica en gobierno abierto", "Alianza para el Gobierno Abierto", "US", "Transparencia", "Portal de datos abiertos", AXES[5]),
        ("Reconocimiento a la igualdad de género", "ONU Mujeres", "US", "Igualdad", "Programa Senderos Seguros", AXES[0]),
    ]
    for i in range(16):
        award, body, code, category, programme, axis = items[i % len(items)]
        day = random_day()
        edition = YEAR if i < len(items) else YEAR - 1
        add("award", f"{award} {edition}", day, countries=[country_ref(code)],
            organisations=[org(body, code)], axis=axis, topics=topics_for(axis, 1),
            summary=f"{capitalised(with_article('', body))} otorgó a la Ciudad de México el reconocimiento «{award}» {edition}, en la categoría {category}, {with_article('por', programme)}.",
            details={"granted_by": body, "award_name": award, "category": category, "edition": str(edition), "programme": programme})


def spanish_amount(amount: int, currency: str) -> str:
    word = {"USD": "dólares", "GBP": "libras", "EUR": "euros", "MXN": "pesos"}[currency]
    thousands, rest = divmod(amount, 1000)
    return f"{thousands} mil {rest} {word}" if rest else f"{thousands} mil {word}"


def financing() -> None:
    rates = {"USD": 20.0, "GBP": 27.75, "EUR": 24.1, "MXN": 1.0}
    donors = [("UK PACT", "GB", "GBP"), ("Bloomberg Philanthropies", "US", "USD"), ("Unión Europea – Programa EUROCLIMA+", "BE", "EUR"),
              ("Agencia Española de Cooperación Internacional para el Desarrollo (AECID)", "ES", "EUR"),
              ("Fundación Rockefeller", "US", "USD"), ("Banco Interamericano de Desarrollo (BID)", "US", "USD"),
              ("Embajada de Francia en México", "FR", "EUR"), ("Fondo Conjunto de Cooperación México-Chile", "CL", "MXN"),
              ("Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "DE", "EUR"), ("Embajada Británica en México", "GB", "GBP")]
    purposes = [("contrataciones abiertas", AXES[4]), ("movilidad ciclista", AXES[2]), ("refugios para mujeres", AXES[0]),
                ("calidad del aire", AXES[1]), ("festivales de barrio", AXES[3]), ("agricultura urbana", AXES[1]),
                ("datos abiertos", AXES[5]), ("prevención del delito", AXES[4])]
    for i in range(21):
        donor, code, currency = donors[i % len(donors)]
        amount = rng.choice([19500, 20000, 45000, 75000, 120000, 150000, 308000, 500000]) * (10 if currency == "MXN" else 1)
        purpose, axis = purposes[i % len(purposes)]
        day = random_day()
        end = day + dt.timedelta(days=rng.randint(120, 540))
        details = {"amount": f"{amount}.00", "currency": currency, "donor": donor, "purpose": f"Proyecto de {purpose}"}
        if currency != "MXN":
            details["amount_mxn"] = f"{amount * rates[currency]:.2f}"
        add("financing", f"Financiamiento {with_article('de', donor.split(' (')[0])} para {purpose}", day, end_date=iso(end),
            countries=[country_ref(code)], organisations=[org(donor, code)], axis=axis, topics=topics_for(axis, 1),
            summary=(f"La ciudad recibió {spanish_amount(amount, currency)} {with_article('de', donor)} para el proyecto de {purpose}.\n\n"
                     f"Los recursos se ejercerán del {long_date(day)} de {day.year} al {long_date(end)} de {end.year}."),
            follow_ups=[follow_up(day, "Enviar el informe financiero del primer tramo")] if i % 3 == 0 else None,
            details=details)


def press() -> None:
    subjects = ["el Cablebús", "la estrategia de vacunación", "los PILARES", "la política de movilidad ciclista",
                "el sistema de alerta sísmica", "la iluminación por el Bicentenario del Perú", "la reducción de homicidios",
                "el Plan de Acción Climática", "la digitalización de trámites", "el programa de refugios para mujeres"]
    for i in range(31):
        outlet, code = PRESS_OUTLETS[i % len(PRESS_OUTLETS)]
        subject = subjects[(i + i // len(PRESS_OUTLETS)) % len(subjects)]
        piece = rng.choice(["mencion", "articulo", "entrevista"])
        day = random_day()
        label = {"mencion": "Mención", "articulo": "Artículo", "entrevista": "Entrevista"}[piece]
        add("press", f"{label} en {outlet} sobre {subject}", day, countries=[country_ref(code)],
            organisations=[org(outlet, code)], axis=AXES[i % 6],
            summary=f"{outlet} ({name_es(code)}) publicó un{'a' if piece != 'articulo' else ''} {label.lower()} sobre {subject}. Costo para la ciudad: ninguno.",
            details={"outlet": outlet, "outlet_country": name_es(code), "piece_type": piece, "cost": "Ninguno"})


def other() -> None:
    items = [
        ("Atención a connacionales y población extranjera durante la emergencia sanitaria", AXES[0], None),
        ("Entrega de donativo de cubrebocas por la comunidad coreana", AXES[0], "KR"),
        ("Mesa interinstitucional de atención a población migrante en tránsito", AXES[0], None),
        ("Presentación del directorio de cooperación internacional de la ciudad", AXES[5], None),
        ("Campaña de vacunación para personal diplomático acreditado", AXES[0], None),
        ("Donación de equipo de cómputo de la Embajada de Japón a escuelas", AXES[5], "JP"),
        ("Recorrido de cuerpo diplomático por el Centro Histórico", AXES[3], None),
        ("Informe semestral de acción internacional enero–junio 2021", AXES[5], None),
    ]
    for i, (title, axis, code) in enumerate(items):
        day = dt.date(YEAR, 7, 30) if "enero–junio" in title else random_day()
        add("other", title, day, countries=[country_ref(code)] if code else None, axis=axis,
            topics=topics_for(axis, 1), status="cancelled" if i == 6 else None,
            summary=f"Actividad registrada por la Coordinación General de Asuntos Internacionales: {title[0].lower() + title[1:]}."
                    + ("\n\nEl recorrido se canceló por el semáforo epidemiológico." if i == 6 else ""))


def main() -> None:
    for step in (illuminations, meetings, delegations, trainings, agreements, networks, events, projects, awards, financing, press, other):
        step()
    activities.sort(key=lambda a: (a["start_date"], a["kind"], a["title"]))
    out = HERE / "activities.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for record in activities:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for record in activities:
        counts[record["kind"]] = counts.get(record["kind"], 0) + 1
    print(f"{len(activities)} activities -> {out.name}: {counts}")


if __name__ == "__main__":
    main()
