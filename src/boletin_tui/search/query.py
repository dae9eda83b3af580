"""Parsing a search query typed by the user into a tree of words, phrases and filters.

`parse(query)` never raises: anything it does not understand is searched as words, a filter
with no value yet (`#`, `año:`) is ignored, and unbalanced parentheses are closed or dropped,
so the results stay useful while the user types. See `SYNTAX_HELP` for the syntax as the user
reads it. `search.fts` turns the tree into SQL over the corpus database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from boletin_tui.search.fold import fold, query_terms

SYNTAX_HELP = """\
Búsqueda (sin distinguir mayúsculas ni acentos: «medico» encuentra «Médico»)

  robledo vacuna       boletines con todas las palabras (en cualquier orden)
  robl                 la última palabra puede estar a medias: encuentra «Robledo»
  vacun*               el asterisco pide palabras que empiecen así (desde dos letras:
                       una sola letra a medias todavía no filtra)
  "seguro social"      frase exacta: esas palabras juntas y en ese orden
  imss-bienestar       la palabra compuesta; «imss» o «bienestar» solos también la encuentran
  11,907  o  11907     cifras con o sin separadores (también «11 mil 907»)
  119/2020             busca ese número de boletín
  vacuna OR influenza  una palabra u otra (también «O» en mayúsculas, o «|»)
  -influenza           boletines sin esa palabra (también: NOT influenza)
  (gripe OR tos) niños paréntesis para agrupar; «a b OR c» es «a y (b o c)»
  cerca:"robledo vacuna"  esas palabras a menos de diez palabras una de otra, en cualquier orden
  #salud               boletines con la etiqueta «salud», entera, en el boletín o en uno
                       de sus pasajes («salud mental» o «saludable» no cuentan; también:
                       etiqueta:salud, tag:salud)
  #"salud mental"      etiqueta con espacios, entre comillas
  año:2020             boletines de 2020 (también: ano:2020, year:2020, año:2019-2021)
  mes:2020-04          boletines de abril de 2020
  anotado:sí           boletines con etiquetas, nota o pasajes (los marcados en la lista);
                       anotado:no, los que no tienen
  leído:no             boletines sin leer; leído:sí, los leídos (también: leido:)

Se busca en número, título, destacados, texto, ciudad, etiquetas y notas (también las
de los pasajes).
Todas las condiciones deben cumplirse. Con la consulta vacía se ven todos los boletines.
"""

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u201e": '"'})
_ITEM_RE = re.compile(
    r"(?P<open>\()|(?P<close>\))"
    r'|(?P<neg>-)?(?:(?P<phrase>"[^"]*"?)'
    r'|#(?P<tag>"[^"]*"?|[^\s()]*)'
    r'|(?P<fkey>[^\s:"#()]+):(?P<fval>"[^"]*"?|[^\s()]*)'
    r'|(?P<word>[^\s"()]+))'
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
    "cerca": "near",
    "near": "near",
}
_OR = {"OR", "O", "|"}
_NOT = {"NOT"}
_YES = {"si", "s", "yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_MAX_QUERY = 1000  # characters; longer queries are cut (nobody types more)
NEAR_DISTANCE = 10
MIN_PREFIX = 2


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


@dataclass(frozen=True, slots=True)
class Near:
    """Folded words within `distance` words of each other, in any order."""

    words: tuple[str, ...]
    distance: int = NEAR_DISTANCE


@dataclass(frozen=True, slots=True)
class Filter:
    """`kind` is `tag`, `year` or `month`, with its value."""

    kind: str
    value: Term


@dataclass(frozen=True, slots=True)
class Annotated:
    yes: bool


@dataclass(frozen=True, slots=True)
class Not:
    node: Node


@dataclass(frozen=True, slots=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    nodes: tuple[Node, ...]


Node = Term | Phrase | Near | Filter | Annotated | Not | And | Or


@dataclass(slots=True)
class Query:
    """What a query asks for: a tree of conditions, or None for everything."""

    root: Node | None = None
    words: list[str] = field(default_factory=list)  # the positive text words, for ranking

    @property
    def is_empty(self) -> bool:
        return self.root is None


def parse(query: str) -> Query:
    """The `Query` for the text the user typed (see `SYNTAX_HELP`). Never raises."""
    text = (query or "")[:_MAX_QUERY].translate(_QUOTES)
    try:
        return _Parser(text).query()
    except Exception:  # noqa: BLE001 - a query is never an error: search its words
        words = [Term(t) for t in query_terms(text)]
        return Query(_and(words), [t.text for t in words])


class _Parser:
    def __init__(self, text: str) -> None:
        self.items = list(_ITEM_RE.finditer(text))
        # The last item is still being typed unless the query ends in a space or a quote.
        self.typing_last = bool(text) and not text[-1].isspace()
        self.i = 0
        self.words: list[str] = []

    def query(self) -> Query:
        nodes = []
        while self.i < len(self.items):
            node = self.sequence()
            if node is not None:
                nodes.append(node)
            self.i += 1  # a stray `)`
        return Query(_and(nodes), self.words)

    def sequence(self) -> Node | None:
        """Conditions up to a `)` or the end, all of which must hold."""
        nodes = []
        while self.i < len(self.items) and self.items[self.i]["close"] is None:
            node = self.either()
            if node is not None:
                nodes.append(node)
        return _and(nodes)

    def either(self) -> Node | None:
        nodes = [self.unary()]
        while self._at(_OR):
            self.i += 1
            if self.i < len(self.items) and self.items[self.i]["close"] is None:
                nodes.append(self.unary())
        kept = [n for n in nodes if n is not None]
        if len(kept) > 1:
            return Or(tuple(kept))
        return kept[0] if kept else None

    def unary(self) -> Node | None:
        if self._at(_NOT):
            self.i += 1
            if self.i >= len(self.items) or self.items[self.i]["close"] is not None:
                return None
            node = self.unary()
            return Not(node) if node is not None else None
        m = self.items[self.i]
        self.i += 1
        if m["open"] is not None:
            inner = self.sequence()
            self.i += 1  # its `)`, or the end
            return inner
        last = self.typing_last and self.i == len(self.items)
        node = self.item(m, last)
        if node is not None and m["neg"] is not None:
            return Not(node)
        return node

    def _at(self, words: set[str]) -> bool:
        if self.i >= len(self.items):
            return False
        m = self.items[self.i]
        return m["word"] is not None and m["neg"] is None and m["word"] in words

    def item(self, m: re.Match[str], last: bool) -> Node | None:
        if m["phrase"] is not None:
            inner, is_open = _unquote(m["phrase"])
            words = tuple(query_terms(inner))
            self._note(words, m)
            if last and is_open and words and len(words[-1]) < MIN_PREFIX:
                words = words[:-1]  # one letter typed: not yet a condition
                is_open = False
            if len(words) == 1:
                return _term(words[0], last and is_open)
            return Phrase(words, last and is_open) if words else None
        if m["tag"] is not None:
            return _filter("tag", m["tag"], last)
        if m["fkey"] is not None and fold(m["fkey"]) in _FILTER_KEYS:
            kind = _FILTER_KEYS[fold(m["fkey"])]
            if kind == "near":
                value, _ = _unquote(m["fval"])
                words = tuple(query_terms(value.replace(",", " ")))
                self._note(words, m)
                if len(words) > 1:
                    return Near(words)
                return _term(words[0], last) if words else None
            return _filter(kind, m["fval"], last)
        word = m.group()[1:] if m["neg"] is not None else m.group()
        star = word.endswith("*")
        terms = query_terms(word)
        self._note(terms, m)
        nodes = [_term(t, (star or last) and j == len(terms) - 1) for j, t in enumerate(terms)]
        return _and([n for n in nodes if n is not None])

    def _note(self, words: tuple[str, ...] | list[str], m: re.Match[str]) -> None:
        if m["neg"] is None:
            self.words.extend(words)


def _term(text: str, prefix: bool) -> Term | None:
    """A prefix of one letter is no condition yet: it would match almost every bulletin
    and read most of the index on each keystroke."""
    if prefix and len(text) < MIN_PREFIX:
        return None
    return Term(text, prefix)


def _and(nodes: Sequence[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


def _unquote(value: str) -> tuple[str, bool]:
    """The value without its quotes, and whether it was left open (no closing quote)."""
    if value.startswith('"'):
        closed = len(value) > 1 and value.endswith('"')
        return (value[1:-1] if closed else value[1:]), not closed
    return value, True


def _filter(kind: str, raw_value: str, last: bool) -> Node | None:
    value, is_open = _unquote(raw_value)
    value = " ".join(fold(value).split())
    if not value:
        return None  # still being typed
    # A tag is matched whole wherever it sits (`#salud` is not `salud mental`): the bulletins
    # listed must be the ones `T` tags. Years and months may still be typed as a prefix.
    prefix = last and is_open and kind != "tag"
    if kind == "month":
        mm = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
        if mm and (len(mm[2]) == 2 or not prefix):
            value = f"{mm[1]}-{int(mm[2]):02d}"
    if kind == "annotated":
        if value in _YES or (prefix and "si".startswith(value)):
            return Annotated(True)
        if value in _NO:
            return Annotated(False)
        return None
    return Filter(kind, Term(value, prefix))
