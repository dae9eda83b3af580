"""The entries of "En este boletín": who, where and how much, each a way into the text.

`entries(mentions)` groups a bulletin's mentions into one `Entry` per person, institution,
place and figure, in order of first appearance. An entry knows its first mention (to scroll
to and highlight it) and, for names, the search query that finds the other bulletins that
mention it (`query`, a phrase for `Workspace.search`). Textual-free.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from boletin_tui.formatting import format_figure

ENTRY_TYPES = ("PERSON", "ORG", "PLACE", "FIGURE")


@dataclass(frozen=True, slots=True)
class Entry:
    """One name or figure: `label` as listed, its first mention at `start:end` in
    `bulletin.text`, how many times it is mentioned, and `query` (None for figures)."""

    kind: str
    label: str
    start: int
    end: int
    count: int = 1
    query: str | None = None


def figure_label(mention: Any) -> str:
    """What a figure counts: `11,907 residentes`, `65% de población objetivo`,
    `3,500,000 pesos (hospitales)`; the text as printed when there is no value."""
    if mention.value is None:
        return str(mention.text)
    number = format_figure(mention.value, mention.unit, mention.qualifier)
    noun = mention.noun
    if not noun or (mention.unit and noun == mention.unit):
        return number
    if not mention.unit or mention.unit == "ratio":
        return f"{number} {noun}"
    if mention.unit == "%":
        return f"{number} de {noun}"
    return f"{number} ({noun})"


def phrase_query(name: str) -> str:
    """A search phrase for `name` (`"Zoé Robledo"`); quotes inside are dropped."""
    return '"' + " ".join(name.replace('"', " ").split()) + '"'


def person_query(name: str) -> str:
    """The phrase that finds a person in other bulletins: their given names and first surname
    (`"Zoé Robledo"` for `Zoé Robledo Aburto`, a phrase the full name also contains), as
    bulletins often drop the second surname. The name as written when it does not end in two
    capitalised surnames (particles, one surname: `José Luis Alomía`)."""
    from boletin_tui.entities.lexicon import is_given_name

    words = name.replace('"', " ").split()
    given = 1  # a name starts with a given name, listed or not (`Zoé`)
    while given < len(words) - 1 and is_given_name(words[given]):
        given += 1
    surnames = words[given:]
    if len(surnames) == 2 and all(w[:1].isupper() for w in surnames):
        words = words[: given + 1]
    return phrase_query(" ".join(words))


def entries(mentions: Iterable[Any], types: Sequence[str] = ENTRY_TYPES) -> dict[str, list[Entry]]:
    """Entries by type (every type in `types`, possibly empty), each once, first seen first.

    A name is its canonical form (`entity`: the fullest name, an acronym's expansion) and
    is searched as written in its longest mention in this bulletin, so the phrase is one
    that occurs in text (a person by given names and first surname: `person_query`);
    figures are grouped by their label."""
    out: dict[str, list[Entry]] = {t: [] for t in types}
    found: dict[tuple[str, str], int] = {}
    longest: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.type not in out:
            continue
        label = figure_label(m) if m.type == "FIGURE" else str(m.entity or m.text)
        ident = (m.type, label.casefold())
        if ident in found:
            index = found[ident]
            old = out[m.type][index]
            out[m.type][index] = Entry(old.kind, old.label, old.start, old.end, old.count + 1)
        else:
            found[ident] = len(out[m.type])
            out[m.type].append(Entry(m.type, label, m.start, m.end))
        if m.type != "FIGURE" and len(m.text) > len(longest.get(ident, "")):
            longest[ident] = m.text
    for (kind, _), index in found.items():
        entry = out[kind][index]
        if kind != "FIGURE":
            text = longest[(kind, entry.label.casefold())]
            query = person_query(text) if kind == "PERSON" else phrase_query(text)
            out[kind][index] = Entry(kind, entry.label, entry.start, entry.end, entry.count, query)
    return out
