"""Mexico's towns and municipalities from GeoNames, found where the context makes them places.

`gazetteer.py` holds the places the recogniser always trusts (states, large cities, regions,
countries). This module adds the 15,700 written forms of Mexican localities in
`data/geonames_mx.txt` (GeoNames, CC BY 4.0; built by `tools/gazetteer/build.py`). Many of
them are also surnames or words (`Allende`, `Zaragoza`, `Victoria`, `Esperanza`), so a form
counts only with a cue:

- strong: `municipio de`, `localidad de`, `comunidad de`, `presidente municipal de`... before
  it, a state after a comma (`Cuauhtémoc, Chihuahua`), or the next item of a list of places
  (`en Allende, Zaragoza, Morelos, Nava y Villa Unión`);
- weak: `en`, `de`, `desde`, `hacia` before it, and then only a place of 2,000 people or more
  (the population prior) whose name is not a common given name.

The file is read the first time a text is searched (a few milliseconds), not at import.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from boletin_tui.entities.lexicon import is_common, is_given_name
from boletin_tui.entities.scan import NON_WORD, Scan
from boletin_tui.spanish import is_calendar_word

DATA = Path(__file__).parent / "data" / "geonames_mx.txt"
MIN_POPULATION = 2_000  # for a place with only a weak cue
BIG_TOWN = 100_000  # after a bare `de`, only a town this large is a place without more context
Span = tuple[int, int]
# A further word of a place name: `Tlapa de Comonfort`, `Apaseo el Grande`, `Othón P. Blanco`.
_NEXT = re.compile(
    r" (?:(?:de|del|de la|de las|de los|el|la|las|los|y) )?[A-ZÁÉÍÓÚÜÑ][\wáéíóúüñ]*\.?"
)
_STRONG_BEFORE = re.compile(
    r"(?:municipios?|localidad(?:es)?|comunidad(?:es)?|poblados?|pueblos?|ciudad(?:es)?"
    r"|cabecera municipal|president[ea]s? municipal(?:es)?|alcaldes?|alcaldesas?|ejidos?"
    r"|región|originari[oa]s?|habitantes|vecin[oa]s) (?:de )?$",
    re.IGNORECASE,
)
# Words after which `de <town>` names a place: people from it, units in it, parts of it.
_DE_PLACE = re.compile(
    r"(?:\b(?i:habitantes|población|pacientes|derechohabientes|asegurad[oa]s|unidad(?:es)?"
    r"|clínicas?|hospital(?:es)?|municipios?|región|zona|norte|sur|oriente|poniente|centro"
    r"|estado|ciudad|comunidad(?:es)?|localidad(?:es)?|vecin[oa]s|originari[oa]s?|oficinas?"
    r"|ayuntamiento|cabecera|sede|gobierno|trabajador[ae]s|famili(?:as|ares)|mujeres|niñ[oa]s"
    r"|personas|residentes|productor[ae]s|escuelas?|periferia|afueras)|\b[A-Z]{2,}|\d"
    r"|(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+ ){2}[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)\s+de\s$"
)
_WEAK_BEFORE = re.compile(r"(?<![\w])(?:en|de|a|desde|hacia|hasta|entre)\s$")
# The word before a town when a cue precedes it (`en`, `municipio de`, `y` in a list...).
_CUE_WORDS = frozenset(
    [
        "en",
        "de",
        "a",
        "desde",
        "hacia",
        "hasta",
        "entre",
        "y",
        "e",
        "municipio",
        "municipios",
        "localidad",
        "localidades",
        "comunidad",
        "comunidades",
        "poblado",
        "poblados",
        "pueblo",
        "pueblos",
        "ciudad",
        "ciudades",
        "región",
        "ejido",
        "ejidos",
    ]
)
_WORD_REST = re.compile(r"[\w\-]*\.?")


@cache
def forms() -> tuple[dict[str, str], frozenset[str]]:
    """Every written form -> the largest population with that form (digits, compared as
    `int` only when needed); and the forms' first words. Split in C: a few milliseconds."""
    with open(DATA, encoding="utf-8") as fh:
        lines = [line for line in fh if line[0] != "#"]
    names, populations, _, first_words = (line.rstrip("\n").split("|") for line in lines)
    return dict(zip(names, populations, strict=True)), frozenset(first_words)


def _longest(text: str, start: int, classes: bytes, table: dict[str, str]) -> int:
    """End of the longest known form at `start` (a capitalised word), or -1."""
    best = -1
    m = _WORD_REST.match(text, start + 1)
    end = m.end() if m else start + 1
    for _ in range(6):
        if text[start:end] in table and (end == len(text) or classes[end] == NON_WORD):
            best = end
        elif text[end - 1] == "." and text[start : end - 1] in table:
            best = end - 1  # `... y Chignahuapan.`: the sentence's full stop
        m = _NEXT.match(text, end)
        if not m:
            break
        end = m.end()
    return best


def _plausible(form: str) -> bool:
    """Could `form` name a place rather than a word or a person's given name?"""
    if " " in form:
        return True
    return not (is_common(form) or is_given_name(form) or is_calendar_word(form))


def _de_names_a_place(before: str, population: str) -> bool:
    """After `de`, a town is a place when it is large or `de` follows a word that takes a
    place (`pacientes de`, `HGZ No. 5 de`) or a full name (`Marta Ruiz Peña de Zacatlán`),
    not a person (`la propuesta de García`)."""
    return int(population) >= BIG_TOWN or _DE_PLACE.search(before) is not None


def _contains_known(start: int, end: int, known: list[Span]) -> bool:
    """Does every known place overlapping `start:end` lie inside it (`José María Morelos`
    holds `Morelos`)?"""
    return all(s >= start and e <= end for s, e in known if s < end and e > start)


def find_places(found: Scan, known: list[Span], states: set[int]) -> list[tuple[int, int, bool]]:
    """`(start, end, strong)` of GeoNames places that a cue confirms, outside the `known`
    place spans (or extending one: `Guerrero Negro`). `states` holds the starts of the known
    places that are states, for `<town>, <state>`. `strong` is False for a weak cue alone."""
    table, first_words = forms()
    text, classes = found.text, found.classes
    known_at = dict(known)
    place_ends = {e for _, e in known}
    taken = bytearray(len(text) + 1)
    for s, e in known:
        taken[s:e] = b"\x01" * (e - s)
    out: list[tuple[int, int, bool]] = []
    last = 0
    for start, _ in found.starts_of(first_words):
        if start < last or start < 2 or text[start - 1] != " ":
            continue
        # Every cue but a following `, <place>` is in the word before: test that first, as
        # most capitalised words have none (`la doctora X`), before looking the form up.
        previous = text[text.rfind(" ", 0, start - 1) + 1 : start - 1]
        if (
            previous not in _CUE_WORDS
            and previous[-1:] != ","
            and start not in known_at
            and text.find(", ", start, start + 40) == -1
        ):
            continue
        end = _longest(text, start, classes, table)
        if end == -1:
            continue
        inside = known_at.get(start)
        if inside is not None and end <= inside:
            continue  # a known place, or no longer than one
        if 1 in taken[start:end] and not _contains_known(start, end, known):
            continue
        form = text[start:end]
        if not _plausible(form):
            continue
        before = text[max(0, start - 40) : start]
        weak = bool(_WEAK_BEFORE.search(before)) and (
            previous != "de" or _de_names_a_place(before, table[form])
        )
        strong = bool(
            _STRONG_BEFORE.search(before)
            or (inside is not None and weak)  # `de Guerrero Negro`: a known place, extended
            or (end + 2 in states and text.startswith(", ", end))
            or (text.startswith(", ", end) and end + 2 in known_at)
            or (text[start - 2 : start] == ", " and start - 2 in place_ends)
            or (text[start - 3 : start] in (" y ", " e ") and start - 3 in place_ends)
        )
        if not strong and not (weak and int(table[form]) >= MIN_POPULATION):
            continue
        out.append((start, end, strong))
        place_ends.add(end)
        last = end
    return out
