"""A bulletin as styled `Content`: header, highlights, body and links, mentions coloured.

`render_pieces(bulletin, mentions, styles, parts)` maps each mention's offsets (into
`bulletin.text`) onto the block that holds it (`bulletin.blocks`) and applies the style given
for its type; types missing from `styles` stay plain (that is how a category is switched off).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

from textual.content import Content, Span
from textual.style import Style

from boletin_tui.corpus import Bulletin
from boletin_tui.links import short_link
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.rows import short_number

_BLANK = Content("")


def _styled_block(
    text: str, start: int, mentions: Sequence, styles: Mapping[str, Style], base: Style | str = ""
) -> Content:
    """`text` (at `start` in the bulletin) with `base` and the style of each mention in it."""
    end = start + len(text)
    spans = [Span(0, len(text), base)] if base else []
    for m in mentions:
        style = styles.get(m.type)
        if style is not None and m.start < end and m.end > start:
            spans.append(Span(max(m.start, start) - start, min(m.end, end) - start, style))
    # Decoding already made controls visible; this keeps any other source (an old cache) safe,
    # one character for one, so the mention offsets stay valid.
    return Content(safe_text(text), spans)


def _mentions_by_block(bulletin: Bulletin, mentions: Sequence) -> list[list]:
    """The mentions that touch each block, in one pass (a mention may span blocks)."""
    starts = [block.start for block in bulletin.blocks]
    out: list[list] = [[] for _ in starts]
    for m in mentions:
        first = max(bisect_right(starts, m.start) - 1, 0)
        last = max(bisect_right(starts, max(m.end - 1, m.start)) - 1, first)
        for index in range(first, last + 1):
            out[index].append(m)
    return out


def meta_line(bulletin: Bulletin) -> str:
    """Kind, number, date and city in one line."""
    parts = [bulletin.kind or "Boletín", f"núm. {short_number(bulletin)}"]
    parts.append(bulletin.date.strftime("%d/%m/%Y") if bulletin.date else "sin fecha")
    if bulletin.city:
        parts.append(bulletin.city)
    return safe_text(" · ".join(parts), newlines=False)


def render_pieces(
    bulletin: Bulletin, mentions: Sequence, styles: Mapping[str, Style], parts: Mapping[str, Style]
) -> list[Content]:
    """The bulletin as lines of styled text (one per block, blank lines between paragraphs).

    `parts` styles `title`, `meta`, `dateline`, `highlight`, `heading`, `link`.
    """
    pieces: list[Content] = []
    previous = None
    by_block = _mentions_by_block(bulletin, mentions)  # one list per block
    for block, block_mentions in zip(bulletin.blocks, by_block, strict=True):
        styled = _styled_block(
            block.text, block.start, block_mentions, styles, parts.get(block.role, "")
        )
        if block.role == "paragraph" or (block.role == "highlight" and previous != "highlight"):
            pieces.append(_BLANK)
        if block.role == "highlight":
            styled = Content("• ") + styled
        pieces.append(styled)
        if block.role == "title":
            pieces.append(Content(meta_line(bulletin)).stylize(parts.get("meta", "")))
        previous = block.role
    if bulletin.links:
        pieces.append(_BLANK)
        pieces.append(Content("Enlaces").stylize(parts.get("heading", "")))
        for number, link in enumerate(bulletin.links, 1):
            # reader2: a short label, not a wrapped URL; `l` opens it (see `links.py`).
            pieces.append(
                Content(f"{number}. ")
                + Content(safe_text(short_link(link.label, link.url), newlines=False)).stylize(
                    parts.get("link", "")
                )
            )
    return pieces


def block_pieces(bulletin: Bulletin) -> list[int]:
    """For each block of `bulletin`, the index of its piece in `render_pieces`' result
    (the same walk: a blank piece before each paragraph and each run of highlights, the
    meta line after the title)."""
    out: list[int] = []
    count = 0
    previous = None
    for block in bulletin.blocks:
        if block.role == "paragraph" or (block.role == "highlight" and previous != "highlight"):
            count += 1
        out.append(count)
        count += 1
        if block.role == "title":
            count += 1
        previous = block.role
    return out


def piece_column(block_role: str) -> int:
    """Where a block's own text starts in its piece (after the `• ` of a highlight)."""
    return 2 if block_role == "highlight" else 0
