"""Institutions: the gazetteer, name patterns (`Secretaría de ...`), acronyms defined in the text.

Also finds the spans that are *not* institutions but look like them (events, programmes,
venues: `Quinta Reunión Regional Sureste`, `Teatro Juárez`), so people are not sought there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from boletin_tui.entities import gazetteer as gz
from boletin_tui.entities.lexicon import GIVEN_NAMES
from boletin_tui.entities.scan import Scan
from boletin_tui.entities.spans import find_word
from boletin_tui.spanish import fold

UPPER = "A-ZÁÉÍÓÚÜÑ"
LOWER = "a-záéíóúüñ"
# A capitalised word or an acronym (`IMSS`, `IMSS-Bienestar`, `XXI`); never `No`/`Núm`.
CAPTOK = rf"(?!(?:No|Núm|Num)\b)(?:[{UPPER}][{LOWER}]+|[{UPPER}]{{2,}})(?:-[{UPPER}{LOWER}]+)?"
_CONN = r"(?:de(?:l| la| las| los)?|para(?: la| el| los| las)?|contra(?: la| el)?|sobre|y|e|en)"
_STEP = re.compile(rf" (?:(?P<conn>{_CONN}) )?(?P<tok>{CAPTOK})")
_COMMA_STEP = re.compile(rf", (?P<tok>{CAPTOK})")
_NUMBER_TAIL = re.compile(r" (?:No\.|Núm\.|núm\.|número) ?\d+")
_QUOTED = re.compile(r" ?[\"“«][^\"”»\n]{2,80}[\"”»]")

ORG_HEAD = re.compile(
    r"(?<![\w-])(?:Secretarías?|Subsecretaría|Institutos?|Comisión|Consejo|Comité|Coordinación"
    r"|Dirección|Subdirección|Procuraduría|Fiscalía|Universidad|Sindicato|Cámara|Tribunal|Banco"
    r"|Laboratorios?|Órganos?|Unidad(?:es)?|Jefaturas?|Oficinas?|Hospital(?:es)?|Clínicas?|Centros?"
    r"|Partido|Junta|Agencia|Asociación|Federación|Confederación|Colegio|Academia|Fundación"
    r"|Organización|Escuela|Servicios de Salud)(?![\w-])"
)
_PLURAL_HEAD = re.compile(
    r"(?:Secretarías|Institutos|Unidades|Órganos|Oficinas|Hospitales|Jefaturas)$"
)
# Facilities, whose names may be followed by their number (`UMF 28`, `Hospital General de
# Zona 6`); a number after any other body is a quantity (`Destina IMSS 7 mil millones`).
_FACILITY = re.compile(r"(?:Hospital|Clínica|Unidad|Centro|Guardería|UM|HG|H[RE]\b|CMN)")


def is_facility(name: str) -> bool:
    """Is `name` a hospital, clinic or unit (or its acronym) rather than a body?"""
    return _FACILITY.match(name) is not None


_FACILITY_HEAD = re.compile(r"(?:Hospital|Clínica|Centro|Unidad|Escuela)")
# Events, programmes, laws and venues: not institutions, and no people inside their names.
BLOCK_HEAD = re.compile(
    r"(?<![\w-])(?:(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta|Séptima|Octava|Novena|Décima"
    r"|Primer|Segundo|Tercer|Cuarto|Quinto) )?(?:Reunión|Foro|Congreso|Jornadas?|Semana|Cumbre"
    r"|Encuentro|Sesión|Feria|Campaña|Programa|Plan|Estrategia|Modelo|Sistema|Premio|Día|Ley"
    r"|Código|Acuerdo|Convenio|Torneo|Festival|Operativo|Censo|Conferencia|Mañanera"
    r"|(?P<venue>Teatro|Auditorio|Palacio|Estadio|Museo|Plaza|Parque|Salón|Calle|Avenida"
    r"|Colonia|Edificio|Torre|Sede|Explanada))(?![\w-])"
)
_ORG_HEAD_WORDS = frozenset(
    re.findall(r"[A-ZÁÉÍÓÚ]\w+", ORG_HEAD.pattern.replace("?", ""))
    + [
        "Secretaría",
        "Instituto",
        "Laboratorio",
        "Órgano",
        "Unidades",
        "Oficina",
        "Hospitales",
        "Clínica",
        "Centro",
        "Jefatura",
    ]
)
_BLOCK_HEAD_WORDS = frozenset(
    re.findall(r"[A-ZÁÉÍÓÚ]\w+", BLOCK_HEAD.pattern.replace("?", "")) + ["Jornada"]
)
_HEAD_WORDS = _ORG_HEAD_WORDS | _BLOCK_HEAD_WORDS
_NOT_IN_NAME = re.compile(r"\b(?:Nivel|Niveles)\b")
# `<role> de <X>` is a job title, not the body X (`secretaria de Gobernación`).
_ROLE_DE = re.compile(
    r"\b(?:(?:sub)?secretari[oa]s?|(?:sub)?director(?:a|es|as)?|coordinador(?:a|es|as)?"
    r"|jef[ea]s?|encargad[oa]s?|delegad[oa]s?|gerentes?) de $"
)
# Connectors after which a place ends a name (`Coordinación de Educación en Salud` goes on).
_BEFORE_PLACE = frozenset({"en", "para", "sobre", "contra"})
# Honorifics that belong to a body's name: `H. Consejo Técnico`.
_HONORIFICS = ("H. ", "Honorable ")
# A union section: `Sección XXIII`.
_SECTION = re.compile(r"Sección (?:[IVXLC]+|\d+)(?![\w-])")
# Bodies that name their state office by the state after them (`IMSS Yucatán`).
_WITH_STATE = frozenset({"IMSS", "OOAD"})
_TITULAR_DE = re.compile(rf"\btitular de (?P<org>{CAPTOK})")
_ACRONYM = re.compile(rf" ?\((?P<acr>[{UPPER}][{UPPER}{LOWER}\-]{{1,11}})\)")
_CAP_RUN_BEFORE = re.compile(rf"{CAPTOK}(?:(?: {_CONN})? {CAPTOK})+$")


def acronym_fits(acronym: str, name: str) -> bool:
    """Can `acronym` be spelt from prefixes of `name`'s words, in order?

    `CISS` fits `Conferencia Interamericana de Seguridad Social`, `Cofepris` fits `Comisión
    Federal para la Protección contra Riesgos Sanitarios`; `TOOAD` does not fit `Órganos de
    Operación Administrativa Desconcentrada`.
    """
    acr = fold(acronym).replace("-", "")
    words = [w for w in re.split(r"[\s\-]+", fold(name)) if w]
    if not acr or not words or len(acr) > 12:
        return False
    seen: dict[tuple[int, int], bool] = {}

    def fits(i: int, j: int) -> bool:
        if i == len(acr):
            return True
        if j == len(words) or (i, j) in seen:
            return False
        word = words[j]
        ok = fits(i, j + 1)
        k = 0
        while not ok and k < len(word) and i + k < len(acr) and word[k] == acr[i + k]:
            k += 1
            ok = fits(i + k, j + 1)
        seen[(i, j)] = ok
        return ok

    return fits(0, 0)


def _extend(
    text: str, pos: int, plural: bool, gaz_starts: set[int], venue: bool, place_starts: set[int]
) -> int:
    """End of a name whose head ends at `pos`: capitalised words joined by particles.

    A plural head may take a coordinated list (`Secretarías de Salud, Bienestar y Educación
    Pública`); the list only counts when it closes with `y`/`e`.
    """
    end = pos
    committed = pos
    in_list = False
    while True:
        m = _STEP.match(text, end)
        if m and m.group("conn"):
            conn, tok = m.group("conn"), m.group("tok")
            # Another body (`del IMSS`) or, after a venue, a place (`de Oaxaca`) ends the name.
            if m.start("tok") in gaz_starts or (
                (venue or conn in _BEFORE_PLACE) and m.start("tok") in place_starts
            ):
                break  # `Unidad de Medicina Familiar para Cabo San Lucas`
            if conn in ("y", "e") and (end == pos or tok in GIVEN_NAMES):
                break  # `Unidades y Coordinaciones`; `... y Javier ...` is a person
            if conn in ("y", "e") and in_list:
                in_list = False
                end = m.end()
                committed = end
                continue
        if not m and plural:
            m = _COMMA_STEP.match(text, end)
            if m and m.group("tok") not in GIVEN_NAMES:
                in_list = True
            else:
                m = None
        if not m:
            break
        end = m.end()
        if not in_list:
            committed = end
    return committed


def find_orgs(
    found: Scan, places: list[tuple[int, int]]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, bool]]]:
    """Institution spans `(start, end, canonical)` and blocked spans `(start, end, is_venue)`.

    Overlapping candidates are left for the caller to resolve (longest wins).
    """
    text = found.text
    found_orgs: list[tuple[int, int, str]] = []
    gaz = gz.find_orgs(found)
    gaz_starts = {s for s, e, c in gaz if " " in text[s:e] or text[s:e].isupper()}
    place_starts = {s for s, _ in places}
    place_ends = dict(places)
    for start, end, canonical in gaz:
        form = text[start:end]
        if form in _WITH_STATE and text[end : end + 1] == " ":
            place_end = place_ends.get(end + 1)
            if place_end and gz.is_state(text[end + 1 : place_end]):
                # `IMSS Yucatán`, `OOAD Estado de México Poniente`: one body, the place inside.
                found_orgs.append((start, place_end, text[start:place_end]))
                continue
        if (
            not form.isupper()
            and " " not in form
            and _ROLE_DE.search(text, max(0, start - 30), start)
        ):
            continue  # `secretaria de Gobernación`: a title, not the body
        found_orgs.append((start, end, canonical))
    blocked = []
    for start, word in found.starts_of(_HEAD_WORDS):
        if word in _ORG_HEAD_WORDS:
            m = ORG_HEAD.match(text, start)
            if m:
                plural = bool(_PLURAL_HEAD.search(m.group()))
                end = _extend(text, m.end(), plural, gaz_starts, False, place_starts)
                if _FACILITY_HEAD.match(m.group()):
                    number = _NUMBER_TAIL.match(text, end)  # `Hospital ... No. 1 “Nombre”`
                    quoted = _QUOTED.match(text, number.end() if number else end)
                    if quoted:  # an eponym: outside the name, and nobody (ENTITIES.md)
                        blocked.append((quoted.start(), quoted.end(), True))
                if end > m.end() and not _NOT_IN_NAME.search(text, m.start(), end):
                    found_orgs.append((start, end, gz.org_canonical(text[start:end])))
        if word in _BLOCK_HEAD_WORDS:
            m = BLOCK_HEAD.match(text, start)
            if m:
                venue = bool(m.group("venue"))
                end = _extend(text, m.end(), False, gaz_starts, venue, place_starts)
                if end > m.end() or venue:
                    blocked.append((start, end, venue))
    for start in found.at_word.get("Sección", ()):
        m = _SECTION.match(text, start)
        if m:
            found_orgs.append((start, m.end(), m.group()))
    for i, (start, end, canonical) in enumerate(found_orgs):
        for honorific in _HONORIFICS:
            if text.startswith(honorific, start - len(honorific)):
                found_orgs[i] = (start - len(honorific), end, canonical)
    pos = text.find("titular de ")
    while pos != -1:
        m = _TITULAR_DE.match(text, pos)
        if m:
            start = m.start("org")
            end = _extend(text, m.end(), False, gaz_starts, False, place_starts)
            if start not in place_starts:
                found_orgs.append((start, end, gz.org_canonical(text[start:end])))
        pos = text.find("titular de ", pos + 1)
    return found_orgs, blocked


def _acronym_matches(text: str) -> Iterator[re.Match[str]]:
    pos = text.find("(")
    while pos != -1:
        m = _ACRONYM.match(text, pos - 1 if pos and text[pos - 1] == " " else pos)
        if m:
            yield m
        pos = text.find("(", pos + 1)


def find_acronyms(
    text: str, orgs: list[tuple[int, int, str]], blocked: list[tuple[int, int, bool]]
) -> list[tuple[int, int, str]]:
    """Acronyms defined in parentheses after a name, and their later uses in the text.

    `orgs` are the institution spans already chosen. A parenthesised acronym counts when it can
    be spelt from the name before it; a name not yet known as an institution becomes one then.
    """
    by_end = {e: (s, c) for s, e, c in orgs}
    blocked_starts = {b[0] for b in blocked}
    out: list[tuple[int, int, str]] = []
    defined: dict[str, str] = {}
    for m in _acronym_matches(text):
        acr = m.group("acr")
        if acr.lower() == acr or acr in gz.ORG_FORMS:
            continue
        if m.start() in by_end:
            start, canonical = by_end[m.start()]
            name = text[start : m.start()]
        else:
            run = _CAP_RUN_BEFORE.search(text, max(0, m.start() - 120), m.start())
            if not run or run.start() in blocked_starts:
                continue
            name = canonical = run.group()
            if not acronym_fits(acr, name) or name in gz.PLACE_FORMS:
                continue
            out.append((run.start(), run.end(), name))
        if acronym_fits(acr, name):
            defined[acr] = canonical
    for acr, canonical in defined.items():
        out.extend((start, end, canonical) for start, end in find_word(text, acr))
    return out
