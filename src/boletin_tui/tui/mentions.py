"""Entity mentions for the bulletin on screen, computed on demand (about a millisecond each)."""

from __future__ import annotations

import sys

from boletin_tui.corpus import Bulletin
from boletin_tui.formatting import format_figure


def mentions_for(bulletin: Bulletin | None) -> list:
    """`recognise_bulletin(bulletin)`, or no mentions when there is no bulletin."""
    if bulletin is None:
        return []
    from boletin_tui.entities import recognise_bulletin

    return recognise_bulletin(bulletin)


def recogniser_loaded() -> bool:
    """Whether the recogniser has been imported (or is being imported, by the loading
    worker): until then the first `mentions_for` costs the import."""
    return "boletin_tui.entities.recognise" in sys.modules


def summarise(mentions: list) -> dict[str, list[str]]:
    """People, institutions and figures of a bulletin, each once, in order of appearance.

    Figures read `value unit noun`, e.g. `11,907 residentes`, `40% de piezas`, `3,500,000 pesos
    (hospitales)`, followed by the text as printed when its digits differ (`3 mil` ->
    `3,000 visitantes (3 mil)`).
    """
    out: dict[str, list[str]] = {"PERSON": [], "ORG": [], "FIGURE": []}
    for m in mentions:
        if m.type not in out:
            continue
        label = _figure(m) if m.type == "FIGURE" else m.entity or m.text
        if label not in out[m.type]:
            out[m.type].append(label)
    return out


def _figure(m) -> str:
    if m.value is None:
        return m.text
    number = format_figure(m.value, m.unit, m.qualifier)
    label = _with_noun(number, m.unit, getattr(m, "noun", None))
    digits = "".join(ch for ch in m.text if ch.isdigit())
    if digits and digits == "".join(ch for ch in number if ch.isdigit()):
        return label  # the text says the same as the value
    return f"{label} ({m.text})"


def _with_noun(label: str, unit: str | None, noun: str | None) -> str:
    """`11,907` + `residentes` -> `11,907 residentes`; a percentage reads `40% de piezas`; a
    figure with another unit (money) keeps its unit first: `3,500,000 pesos (hospitales)`."""
    if not noun:
        return label
    if unit in (None, "", "ratio"):
        return f"{label} {noun}"
    if unit == "%":
        return f"{label} de {noun}"
    return f"{label} ({noun})"
