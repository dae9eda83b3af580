"""A bulletin as styled `Content`: header, highlights, body and links, mentions coloured.

`render_bulletin(bulletin, mentions, styles)` maps each mention's offsets (into
`bulletin.text`) onto the block that holds it (`bulletin.blocks`) and applies the style given
for its type; types missing from `styles` stay plain (that is how a category is switched off).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.style import Style

from boletin_tui.corpus import Bulletin
from boletin_tui.tui.rows import short_number


def _styled_block(text: str, start: int, mentions: Sequence, styles: Mapping[str, Style],
                  base: Style | str = "") -> Content:
    content = Content(text)
    if base:
        content = content.stylize(base)
    end = start + len(text)
    for m in mentions:
        if m.start >= end or m.end <= start:
            continue
        style = styles.get(m.type)
        if style is not None:
            content = content.stylize(style, max(m.start, start) - start, min(m.end, end) - start)
    return content


def meta_line(bulletin: Bulletin) -> str:
    """Kind, number, date and city in one line."""
    parts = [bulletin.kind or "Boletín", f"núm. {short_number(bulletin)}"]
    parts.append(bulletin.date.strftime("%d/%m/%Y") if bulletin.date else "sin fecha")
    if bulletin.city:
        parts.append(bulletin.city)
    return " · ".join(parts)


def render_bulletin(bulletin: Bulletin, mentions: Sequence, styles: Mapping[str, Style],
                    parts: Mapping[str, Style]) -> Content:
    """The whole bulletin; `parts` styles `title`, `meta`, `dateline`, `heading`, `link`."""
    pieces: list[Content] = []
    previous = None
    for block in bulletin.blocks:
        styled = _styled_block(block.text, block.start, mentions, styles,
                               parts.get(block.role, ""))
        if block.role == "paragraph" or (block.role == "highlight" and previous != "highlight"):
            pieces.append(Content(""))
        if block.role == "highlight":
            styled = Content("• ") + styled
        pieces.append(styled)
        if block.role == "title":
            pieces.append(Content(meta_line(bulletin)).stylize(parts.get("meta", "")))
        previous = block.role
    if bulletin.links:
        pieces.append(Content(""))
        pieces.append(Content("Enlaces").stylize(parts.get("heading", "")))
        for link in bulletin.links:
            pieces.append(Content(f"{link.label}: ") +
                          Content(link.url).stylize(parts.get("link", "")))
    return Content("\n").join(pieces)
