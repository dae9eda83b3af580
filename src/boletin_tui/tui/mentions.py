"""Entity mentions for the bulletin on screen, computed on demand (about a millisecond each)."""

from __future__ import annotations

from boletin_tui.corpus import Bulletin
from boletin_tui.formatting import format_figure


def mentions_for(bulletin: Bulletin | None) -> list:
    """`recognise_bulletin(bulletin)`, or no mentions when there is no bulletin."""
    if bulletin is None:
        return []
    from boletin_tui.entities import recognise_bulletin

    return recognise_bulletin(bulletin)


def summarise(mentions: list) -> dict[str, list[str]]:
    """People, institutions and figures of a bulletin, each once, in order of appearance.

    Figures read `value unit` with the text as printed, e.g. `11907 pesos («11,907 pesos»)`.
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
    label = format_figure(m.value, m.unit, m.qualifier)
    digits = "".join(ch for ch in m.text if ch.isdigit())
    if digits and digits == "".join(ch for ch in label if ch.isdigit()):
        return label  # the text says the same as the value
    return f"{label} ({m.text})"
