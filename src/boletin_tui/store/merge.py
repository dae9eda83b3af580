"""How an imported annotation combines with the one already in the database.

Tags are united (local order first). Notes: an empty side gives the other; equal notes stay;
differing notes are both kept as blocks, each marked with its annotator:

    [ana] Revisar cifras de vacunación.

    [luis] Coincide con el boletín 044/2019.

Merging is idempotent: importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import dataclasses
import re

from boletin_tui.store.model import Annotation, normalise_tags, parse_timestamp
from boletin_tui.store.passages import merge_passages

UNKNOWN_ANNOTATOR = "desconocido"
_BLOCK_START = re.compile(r"\n\n(?=\[[^\]\n]+\] )")
_MARK = re.compile(r"\[([^\]\n]+)\] ")


def note_blocks(note: str, annotator: str) -> list[tuple[str, str]]:
    """A note as (annotator, text) blocks: marked blocks if it starts with a mark, else one."""
    if not _MARK.match(note):
        return [(annotator or UNKNOWN_ANNOTATOR, note)]
    blocks = []
    for chunk in _BLOCK_START.split(note):
        mark = _MARK.match(chunk)
        assert mark is not None  # every chunk after a split starts with a mark
        blocks.append((mark.group(1), chunk[mark.end() :]))
    return blocks


def render_blocks(blocks: list[tuple[str, str]]) -> str:
    return "\n\n".join(f"[{who}] {text}" for who, text in blocks)


def merge_notes(local: str, local_annotator: str, incoming: str, incoming_annotator: str) -> str:
    """The note that keeps both `local` and `incoming` (see the module docstring)."""
    if not incoming.strip() or incoming == local:
        return local
    if not local.strip():
        return incoming
    blocks = note_blocks(local, local_annotator)
    seen = {text.strip() for _, text in blocks}
    added = False
    for who, text in note_blocks(incoming, incoming_annotator):
        if text.strip() and text.strip() not in seen:
            seen.add(text.strip())
            blocks.append((who, text))
            added = True
    return render_blocks(blocks) if added else local


def _earliest(a: str, b: str) -> str:
    try:
        return a if parse_timestamp(a) <= parse_timestamp(b) else b
    except ValueError:
        return a or b


def merge_annotation(local: Annotation | None, incoming: Annotation, now: str) -> Annotation:
    """`incoming` itself when there is no local record; else both combined.

    A combined record keeps the local annotator, the earliest `created`, and gets `updated = now`
    only if its tags, note or passages changed (otherwise `local` is returned unchanged); its
    bulletin snapshot and unknown fields are the local ones (the incoming snapshot if it has
    none). Passages are united by `passages.merge_passages` (same offsets and quote = same
    passage).
    """
    if local is None:
        return incoming
    tags = normalise_tags((*local.tags, *incoming.tags))
    note = merge_notes(local.note, local.annotator, incoming.note, incoming.annotator)
    passages = merge_passages(local.passages, incoming.passages, now)
    if tags == local.tags and note == local.note and passages is local.passages:
        return local
    return dataclasses.replace(
        local,
        tags=tags,
        note=note,
        created=_earliest(local.created, incoming.created),
        updated=now,
        passages=passages,
        bulletin=local.bulletin or incoming.bulletin,
    )
