"""The pieces of a record's life in the database that need no database: document ids, the
order of records, the result of saving a note, and the shape of incoming records.

Pure functions and values; `db.AnnotationStore` uses them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store.model import Annotation, BulletinSnapshot, clean_text, normalise_tags
from boletin_tui.store.passages import clean_passage

if TYPE_CHECKING:
    from boletin_tui.corpus.model import Bulletin

_PLAIN_NUMBER = re.compile(r"^(\d{3,5})/(\d{4})$")


@dataclass(frozen=True, slots=True)
class NoteSaved:
    """What `save_note` did. `annotation` is the record now stored (None: nothing left);
    `conflict` is True when the stored note had changed since `base` (another process or the
    CLI wrote it) and both versions were kept as `[annotator]` blocks; `theirs` is the note
    that was found in the database."""

    annotation: Annotation | None
    conflict: bool
    theirs: str


def preferred_doc_id(key: str) -> int:
    """A stable id per key, so two copies of the file under git add different bulletins apart.

    `045/2019` -> 201900045 (readable, sorts by year then number); other keys hash to 13 digits.
    """
    match = _PLAIN_NUMBER.match(key)
    if match:
        return int(match.group(2)) * 100_000 + int(match.group(1))
    digest = hashlib.blake2b(key.encode(), digest_size=5).digest()
    return 10**12 + int.from_bytes(digest, "big")


def tags_by_use(annotations: Iterable[Annotation]) -> list[str]:
    """The tags of `annotations`, most used first, then alphabetically; each once, in its
    first spelling (tags are the same ignoring case)."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for annotation in annotations:
        for tag in annotation.tags:
            folded = tag.casefold()
            spelling.setdefault(folded, tag)
            counts[folded] += 1
    return [spelling[f] for f in sorted(counts, key=lambda f: (-counts[f], f))]


def sort_key(annotation: Annotation) -> tuple[int, int, int, str]:
    match = _PLAIN_NUMBER.match(annotation.key.split("~")[0])
    if match:
        return (0, int(match.group(2)), int(match.group(1)), annotation.key)
    return (1, 0, 0, annotation.key)


def as_snapshot(bulletin: BulletinSnapshot | Bulletin | None) -> BulletinSnapshot | None:
    if bulletin is None or isinstance(bulletin, BulletinSnapshot):
        return bulletin
    return BulletinSnapshot.of(bulletin)


def replace_with(
    updates: dict[int, dict[str, Any]], index: dict[str, int]
) -> Callable[[MutableMapping[str, Any]], None]:
    """A `Table.update` callable that replaces each document with its new content."""

    def replace(document: MutableMapping[str, Any]) -> None:
        new = updates[index[document["key"]]]
        document.clear()
        document.update(new)

    return replace


def imported(annotation: Annotation) -> Annotation:
    """An incoming record with its key, tags and note normalised like ours."""
    return Annotation(
        normalise_key(annotation.key),
        normalise_tags(annotation.tags),
        clean_text(annotation.note),
        clean_text(annotation.annotator),
        annotation.created,
        annotation.updated,
        annotation.bulletin,
        annotation.extra,
        tuple(map(clean_passage, annotation.passages)),
    )
