"""Parsing a search query typed by the user into words, phrases and filters.

`parse(query)` never raises: anything it does not understand is searched as words, and a
filter with no value yet (`#`, `año:`) is ignored, so the results stay useful while the user
types. See `SYNTAX_HELP` for the syntax as the user reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from boletin_tui.search.fold import fold, query_terms

SYNTAX_HELP = """\
Búsqueda (sin distinguir mayúsculas ni acentos: «medico» encuentra «Médico»)

  robledo vacuna       boletines con todas las palabras (en cualquier orden)
  robl                 la última palabra puede estar a medias: encuentra «Robledo»
  vacun*               el asterisco pide palabras que empiecen así en cualquier posición
  "seguro social"      frase exacta: esas palabras juntas y en ese orden
  imss-bienestar       la palabra compuesta; «imss» o «bienestar» solos también la encuentran
  11,907  o  11907     cifras con o sin separadores; 119/2020 busca ese número de boletín
  #salud               boletines con la etiqueta «salud» (también: etiqueta:salud, tag:salud)
  #"salud mental"      etiqueta con espacios, entre comillas
  año:2020             boletines de 2020 (también: ano:2020, year:2020, año:2019-2021)
  mes:2020-04          boletines de abril de 2020
  anotado:sí           boletines con etiquetas o nota; anotado:no, los que no tienen
  leído:no             boletines sin leer; leído:sí, los leídos (también: leido:)

Se busca en número, título, destacados, texto, ciudad, etiquetas y notas.
Todas las condiciones deben cumplirse. Con la consulta vacía se ven todos los boletines.
"""

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u201e": '"'})
_ITEM_RE = re.compile(
    r'(?P<phrase>"[^"]*"?)'
    r'|#(?P<tag>"[^"]*"?|\S*)'
    r'|(?P<fkey>[^\s:"#]+):(?P<fval>"[^"]*"?|\S*)'
    r"|(?P<word>[^\s\"]+)"
)
_FILTER_KEYS = {
    "tag": "tag",
    "etiqueta": "tag",
    "etiquetas": "tag",
    "ano": "year",
    "year": "year",
    "mes": "month",
    "month": "month",
    "anotado": "annotated",
    "anotados": "annotated",
}
_YES = {"si", "s", "yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_MAX_QUERY = 1000  # characters; longer queries are cut (nobody types more)


@dataclass(frozen=True, slots=True)
class Term:
    """A folded word or filter value; `prefix` when it may be the start of a longer one."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Folded words that must appear adjacent and in order; the last may be a prefix."""

    words: tuple[str, ...]
    open_end: bool = False


@dataclass(slots=True)
class Query:
    """What a query asks for. Every part must hold (AND)."""

    terms: list[Term] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    years: list[Term] = field(default_factory=list)
    months: list[Term] = field(default_factory=list)
    annotated: bool | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.phrases or self.tags or self.years or self.months) and (
            self.annotated is None
        )


def _unquote(value: str) -> tuple[str, bool]:
    """The value without its quotes, and whether it was left open (no closing quote)."""
    if value.startswith('"'):
        closed = len(value) > 1 and value.endswith('"')
        return (value[1:-1] if closed else value[1:]), not closed
    return value, True


def parse(query: str) -> Query:
    """The `Query` for the text the user typed (see `SYNTAX_HELP`)."""
    text = (query or "")[:_MAX_QUERY].translate(_QUOTES)
    out = Query()
    items = list(_ITEM_RE.finditer(text))
    # The last item is still being typed unless the query ends in a space or closes a quote.
    typing_last = bool(text) and not text[-1].isspace()
    for i, m in enumerate(items):
        last = typing_last and i == len(items) - 1
        if m["phrase"] is not None:
            inner, is_open = _unquote(m["phrase"])
            words = tuple(query_terms(inner))
            if len(words) == 1:
                out.terms.append(Term(words[0], last and is_open))
            elif words:
                out.phrases.append(Phrase(words, last and is_open))
        elif m["tag"] is not None:
            _add_filter(out, "tag", m["tag"], last)
        elif m["fkey"] is not None and fold(m["fkey"]) in _FILTER_KEYS:
            _add_filter(out, _FILTER_KEYS[fold(m["fkey"])], m["fval"], last)
        else:
            _add_words(out, m.group(), last)
    return out


def _add_words(out: Query, word: str, last: bool) -> None:
    star = word.endswith("*")
    terms = query_terms(word)
    for j, term in enumerate(terms):
        is_last = j == len(terms) - 1
        out.terms.append(Term(term, (star or last) and is_last))


def _add_filter(out: Query, kind: str, raw_value: str, last: bool) -> None:
    value, is_open = _unquote(raw_value)
    value = " ".join(fold(value).split())
    if not value:
        return  # still being typed
    prefix = last and is_open
    if kind == "tag":
        out.tags.append(Term(value, prefix))
    elif kind == "year":
        out.years.append(Term(value, prefix))
    elif kind == "month":
        mm = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
        if mm and (len(mm[2]) == 2 or not prefix):
            value = f"{mm[1]}-{int(mm[2]):02d}"
        out.months.append(Term(value, prefix))
    elif kind == "annotated":
        if value in _YES or (prefix and "si".startswith(value)):
            out.annotated = True
        elif value in _NO:
            out.annotated = False
