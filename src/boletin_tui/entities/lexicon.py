"""Word lists behind the rules: given names, common capitalised words, roles, titles, verbs.

Loaded once at import from `data/*.txt` (package data). Nothing here lists known people: the
given names are a weak cue for the start of a name, never a requirement.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from boletin_tui.spanish import CALENDAR_WORDS

_DATA = os.path.join(os.path.dirname(__file__), "data")


def read_data(name: str) -> list[str]:
    """Non-empty, non-comment lines of `data/<name>`. Read from the package folder directly:
    `importlib.resources` costs 20 ms of imports at start-up, and the data is never zipped."""
    with open(os.path.join(_DATA, name), encoding="utf-8") as fh:
        text = fh.read()
    return [
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    ]


GIVEN_NAMES = frozenset(w for line in read_data("given_names.txt") for w in line.split())
COMMON_WORDS = frozenset(w for line in read_data("common_words.txt") for w in line.split())

# Endings of nouns and adjectives that are rarely surnames (`Evaluación`, `Nacional`).
_NON_NAME_ENDING = re.compile(
    r"(?:ción|ciones|sión|siones|dad|dades|ncia|ncias|ismo|ista|istas|ivo|iva|ivos|ivas"
    r"|nal|nales|cial|ciales|logía|miento|mientos|tico|tica|ticos|ticas|fico|fica|nico|nica"
    r"|nicos|nicas|dico|dica|dicos|dicas)$"
)

# Roles and titles, lower-case: they announce a person nearby but are never part of the name.
ROLE = (
    r"(?:sub)?director(?:a|es|as)?|titular(?:es)?|(?:sub)?secretari[oa]s?|gobernador(?:a|es|as)?"
    r"|president[ae]s?|jef[ea]s?|coordinador(?:a|es|as)?|representantes?|delegad[oa]s?"
    r"|encargad[oa]s?|diputad[oa]s?|senador(?:a|es|as)?|alcaldes?|alcaldesas?|embajador(?:a)?"
    r"|ministr[oa]s?|comisionad[oa]s?|vocer[oa]s?|dirigentes?|líder(?:es)?|rector(?:a)?"
    r"|fiscal|consejer[oa]s?|tesorer[oa]s?|administrador(?:a)?|supervisor(?:a)?|magistrad[oa]s?"
    r"|jueza?|canciller|procurador(?:a)?|investigador(?:a|es|as)?|especialistas?"
    r"|médic[oa]s?|enfermer[oa]s?|paciente|derechohabiente|trabajador(?:a)?|usuari[oa]|madre"
    r"|padre|hij[oa]|espos[oa]|mamá|papá|niñ[oa]|joven|bebé|atleta|autor(?:a)?|mandatari[oa]s?"
    r"|electa|electo|normativ[oa]s?"
)
TITLE = (
    r"(?:doctor(?:a)?|dra?\.|lic\.|licenciad[oa]|maestr[oa]|mtr[oa]\.|ingenier[oa]|ing\.|general"
    r"|señor(?:a)?|sra?\.|don|doña|almirante|coronel|capitán|teniente|arquitect[oa]|arq\.|c\.)"
)
ROLE_RE = re.compile(rf"\b(?:{ROLE}|{TITLE})(?![\w])", re.IGNORECASE)

# fmt: off
REPORTING_VERBS = frozenset(
    [
        "señaló",
        "destacó",
        "dijo",
        "afirmó",
        "indicó",
        "explicó",
        "expresó",
        "subrayó",
        "aseguró",
        "reconoció",
        "detalló",
        "informó",
        "agregó",
        "añadió",
        "comentó",
        "mencionó",
        "precisó",
        "puntualizó",
        "refirió",
        "resaltó",
        "recordó",
        "enfatizó",
        "sostuvo",
        "manifestó",
        "apuntó",
        "declaró",
        "anunció",
        "advirtió",
        "consideró",
        "planteó",
        "instruyó",
        "encabezó",
        "inauguró",
        "presentó",
        "firmó",
        "entregó",
        "visitó",
        "recorrió",
        "expuso",
        "agradeció",
        "participó",
        "llamó",
        "pidió",
        "exhortó",
        "invitó",
        "compartió",
        "respondió",
        "reiteró",
        "insistió",
        "celebró",
        "felicitó",
        "acompañó",
        "convocó",
        "propuso",
        "sostuvieron",
        "encabezaron",
        "señala",
        "destaca",
        "dice",
        "afirma",
        "indica",
        "explica",
        "expresa",
        "subraya",
        "asegura",
        "reconoce",
        "detalla",
        "informa",
        "agrega",
        "añade",
        "comenta",
        "menciona",
        "precisa",
        "resalta",
        "recuerda",
        "enfatiza",
        "sostiene",
        "manifiesta",
        "declara",
        "anuncia",
        "advierte",
        "considera",
        "plantea",
        "instruye",
        "encabeza",
        "inaugura",
        "presenta",
        "firma",
        "entrega",
        "visita",
        "recorre",
        "expone",
        "agradece",
        "participa",
        "llama",
        "pide",
        "exhorta",
        "invita",
        "comparte",
        "responde",
        "reitera",
        "celebra",
        "quien",
        "quienes",
    ]
)
# fmt: on

# Present-tense verbs that open headlines (`Instruye Zoé Robledo a ...`).
# fmt: off
HEADLINE_VERBS = frozenset(
    [
        "avanza",
        "avanzan",
        "inaugura",
        "inauguran",
        "encabeza",
        "encabezan",
        "presenta",
        "presentan",
        "firma",
        "firman",
        "entrega",
        "entregan",
        "visita",
        "visitan",
        "reconoce",
        "reconocen",
        "destaca",
        "destacan",
        "llama",
        "llaman",
        "anuncia",
        "anuncian",
        "supervisa",
        "supervisan",
        "realiza",
        "realizan",
        "celebra",
        "celebran",
        "participa",
        "participan",
        "recibe",
        "reciben",
        "refrenda",
        "refrendan",
        "fortalece",
        "fortalecen",
        "impulsa",
        "impulsan",
        "exhorta",
        "exhortan",
        "invita",
        "invitan",
        "recomienda",
        "recomiendan",
        "brinda",
        "brindan",
        "otorga",
        "otorgan",
        "atiende",
        "atienden",
        "logra",
        "logran",
        "suma",
        "suman",
        "reitera",
        "reiteran",
        "promueve",
        "promueven",
        "acuerdan",
        "instruye",
        "instruyen",
        "sostiene",
        "sostienen",
        "concluye",
        "concluyen",
        "clausura",
        "clausuran",
        "inicia",
        "inician",
        "arranca",
        "arrancan",
        "reúne",
        "reúnen",
        "dialoga",
        "dialogan",
        "expone",
        "exponen",
        "señala",
        "señalan",
        "afirma",
        "afirman",
        "asegura",
        "aseguran",
        "pide",
        "piden",
        "convoca",
        "convocan",
        "felicita",
        "felicitan",
        "agradece",
        "agradecen",
        "recorre",
        "recorren",
        "anuncia",
        "destaca",
        "informa",
        "informan",
    ]
)
# fmt: on
_VERB_ENDING = re.compile(r"(?:ó|aron|ieron|eron|yó)$")


def is_given_name(word: str) -> bool:
    return word in GIVEN_NAMES


def _memo(func: Callable[[str], bool]) -> Callable[[str], bool]:
    """Cache a word predicate in a plain dict (words repeat; the lists never change)."""
    cache: dict[str, bool] = {}

    def cached(word: str) -> bool:
        hit = cache.get(word)
        if hit is None:
            if len(cache) > 50_000:
                cache.clear()
            hit = cache[word] = func(word)
        return hit

    cached.__doc__ = func.__doc__
    cached.__name__ = func.__name__
    return cached


@_memo
def is_common(word: str) -> bool:
    """A capitalised word that is not part of a person's name (`Además`, `Nacional`)."""
    low = word.lower().rstrip(".")
    return low in COMMON_WORDS or low in CALENDAR_WORDS  # `Sabado`, `Miercoles` too


@_memo
def is_name_like(word: str) -> bool:
    """Could `word` (capitalised) be a given name or surname?"""
    if word in GIVEN_NAMES:
        return True
    if is_common(word) or word.isupper():
        return False
    ending = _NON_NAME_ENDING.search(word.lower())
    # A short stem before the ending is a surname (`Rivas`, `Olivas`), not `Efectivas`.
    return ending is None or ending.start() < 3


@_memo
def is_verb_like(word: str) -> bool:
    """Likely a verb (`Destacó`, `Instruye`, `Sostienen`) rather than a name."""
    low = word.lower()
    if word in GIVEN_NAMES:
        return False
    return low in HEADLINE_VERBS or low in REPORTING_VERBS or bool(_VERB_ENDING.search(low))


_ROLE_OR_TITLE = re.compile(rf"(?:{ROLE}|{TITLE})", re.IGNORECASE)


@_memo
def is_title(word: str) -> bool:
    """Is `word`, whole, a title or role (`doctora`, `Dr.`, `presidente`)?"""
    return _ROLE_OR_TITLE.fullmatch(word) is not None


@_memo
def is_role_word(word: str) -> bool:
    """Is `word` (a `\\w+` run, maybe with its final dot) a role or title (`directora`, `Dr.`)?
    Matches what `ROLE_RE` finds inside a text, word by word."""
    if _ROLE_OR_TITLE.fullmatch(word):
        return True
    return word.endswith(".") and _ROLE_OR_TITLE.fullmatch(word[:-1]) is not None
