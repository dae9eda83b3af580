"""What search knows of one bulletin's annotation: its tags and notes, and its passages'.

A bulletin is listed for a tag or a word of a note whether the user put it on the bulletin or
on one of its passages (`#verificar` finds the bulletin with a passage tagged `verificar`).
`annotation_terms` gives the item `CorpusDB.set_annotations` takes; the workspace feeds it at
launch and after every saved write or reload, so passages added, edited, deleted, undone or
merged from another file stay in step with what search finds. No I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from boletin_tui.store import Annotation


def annotation_terms(
    key: str, annotation: Annotation | None
) -> tuple[str, tuple[str, ...], str, bool]:
    """`(key, tags, note, marked)` for `key` holding `annotation` (None: nothing).

    `tags`: the bulletin's, then each passage's in text order (repeats are dropped by the
    index, ignoring case and accents); `note`: the bulletin's note and each passage's note,
    one after another on separate lines (blank ones left out); `marked`: the record is not
    empty, so the bulletin counts for `anotado:sí` (as the timeline marks it), also when its
    only annotation is a passage without tags or note.
    """
    if annotation is None or annotation.is_empty:
        return key, (), "", False
    if not annotation.passages:  # most records: nothing to join (launch feeds 20,000)
        return key, annotation.tags, annotation.note, True
    passages = annotation.passages
    tags = annotation.tags + tuple(t for p in passages for t in p.tags)
    notes = (annotation.note, *(p.note for p in passages))
    return key, tags, "\n".join(n for n in notes if n.strip()), True
