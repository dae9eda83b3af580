"""The passage methods of `AnnotationStore` (mixed in; kept apart to keep `db` small).

Each method is one durable write under the store's lock and transaction, like `add_tags`:
when it returns, the change is on disk. A change bumps the record's `annotator` and
`updated` as well as the passage's. Keys are taken as typed and normalised.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store.anchor import context_at
from boletin_tui.store.model import Annotation, clean_text, normalise_tags, now_iso
from boletin_tui.store.passages import (
    Passage,
    PassageNotFound,
    clean_passage,
    passage_id,
    sort_passages,
)

if TYPE_CHECKING:
    import threading

    from boletin_tui.store.table import StoreTable

_UNSET = object()


class PassageMethods:
    """`add_passage`, `update_passage`, `delete_passage`, `restore_passage`, `find_passage`."""

    annotator: str
    _table: StoreTable
    _mutex: threading.RLock

    if TYPE_CHECKING:  # provided by AnnotationStore

        def _update(
            self, key: str, change: Callable[[Annotation | None], Annotation | None]
        ) -> Annotation | None: ...

        def get(self, key: str) -> Annotation | None: ...

    # -- Reading ------------------------------------------------------------------------
    def passages(self, key: str) -> tuple[Passage, ...]:
        """The passages of bulletin `key`, in text order (empty if none)."""
        record = self.get(key)
        return record.passages if record else ()

    def find_passage(self, passage_id: str) -> list[tuple[str, Passage]]:
        """(key, passage) for every passage with this id (normally one; [] if none)."""
        found = []
        with self._mutex:  # the storage has checked every field on reading the file
            for doc in self._table.stored().values():
                for data in doc.get("passages", ()):
                    if data["id"] == passage_id:
                        found.append((doc["key"], Passage.from_checked(data)))
        return found

    # -- Writing ------------------------------------------------------------------------
    def add_passage(
        self,
        key: str,
        text: str,
        start: int,
        end: int,
        tags: Iterable[str] = (),
        note: str = "",
    ) -> Passage:
        """Mark `text[start:end]` of bulletin `key` (`text` is its `Bulletin.text`).

        The quote and `CONTEXT` characters each side are taken from `text`. If the same
        quote at the same offsets is already a passage, `tags` are added to it and a non-blank
        `note` replaces its note; that passage is returned.
        Raises `ValueError` for offsets outside the text or an invalid key.
        """
        key = normalise_key(key)
        quote, prefix, suffix = context_at(text, start, end)
        pid = passage_id(key, start, end, quote)
        new_tags = normalise_tags(tags)
        new_note = _clean_note(note)
        result: list[Passage] = []

        def change(current: Annotation | None) -> Annotation | None:
            stamp = now_iso()
            existing = current.passages if current else ()
            same = next((p for p in existing if p.anchor == (start, end, quote)), None)
            if same is not None:
                updated = _edited(same, self.annotator, stamp, (*same.tags, *new_tags), new_note)
                result.append(updated)
                return self._with_passage(key, current, updated, stamp)
            taken = {p.id for p in existing}
            n, new_id = 0, pid
            while new_id in taken:  # the same place marked, deleted and edited before
                n += 1
                new_id = passage_id(f"{key}~{n}", start, end, quote)
            passage = Passage(
                new_id, quote, prefix, suffix, start, end, new_tags, new_note,
                self.annotator, stamp, stamp,
            )  # fmt: skip
            result.append(passage)
            return self._with_passage(key, current, passage, stamp)

        self._update(key, change)
        return result[-1]

    def update_passage(
        self,
        key: str,
        passage_id: str,
        *,
        tags: Iterable[str] | None = None,
        note: str | None = None,
    ) -> Passage:
        """Replace a passage's tags and/or note (None leaves that field); returns the passage.

        Raises `PassageNotFound`. A passage left without tags or note is kept (it still marks
        its quote); only `delete_passage` removes one.
        """
        result: list[Passage] = []

        def change(current: Annotation | None) -> Annotation | None:
            old = _find(current, key, passage_id)
            stamp = now_iso()
            new = _edited(
                old,
                self.annotator,
                stamp,
                old.tags if tags is None else tags,
                old.note if note is None else _clean_note(note),
                replace_note=True,
            )
            result.append(new)
            return self._with_passage(key, current, new, stamp)

        self._update(key, change)
        return result[-1]

    def delete_passage(self, key: str, passage_id: str) -> Passage:
        """Remove a passage; returns it as it was. Raises `PassageNotFound`.

        A record left with no tags, note or passage is removed, as for tags.
        """
        result: list[Passage] = []

        def change(current: Annotation | None) -> Annotation | None:
            old = _find(current, key, passage_id)
            result.append(old)
            assert current is not None
            kept = tuple(p for p in current.passages if p.id != passage_id)
            return dataclasses.replace(
                current, passages=kept, annotator=self.annotator, updated=now_iso()
            )

        self._update(key, change)
        return result[-1]

    def restore_passage(self, key: str, passage: Passage) -> Passage:
        """Put `passage` back exactly as given (replacing the one with its id, if any).

        For undo and redo: the passage keeps its own id, annotator and timestamps.
        """
        passage = clean_passage(passage)
        self._update(key, lambda current: self._with_passage(key, current, passage, now_iso()))
        return passage

    # -- Internals ----------------------------------------------------------------------
    def _with_passage(
        self, key: str, current: Annotation | None, passage: Passage, stamp: str
    ) -> Annotation:
        base = current or Annotation(normalise_key(key), created=stamp)
        others = [p for p in base.passages if p.id != passage.id]
        passages = sort_passages((*others, passage))
        if passages == base.passages and current is not None:
            return current
        return dataclasses.replace(base, passages=passages, annotator=self.annotator, updated=stamp)


def _clean_note(note: str) -> str:
    note = clean_text(note)
    return note if note.strip() else ""


def _find(current: Annotation | None, key: str, passage_id: str) -> Passage:
    for p in current.passages if current else ():
        if p.id == passage_id:
            return p
    raise PassageNotFound(passage_id, normalise_key(key))


def _edited(
    old: Passage,
    annotator: str,
    stamp: str,
    tags: Iterable[str],
    note: str,
    replace_note: bool = False,
) -> Passage:
    """`old` with new tags and note; `old` itself if neither changed. Without `replace_note`
    a blank `note` keeps the old one."""
    tags = normalise_tags(tags)
    if not replace_note and not note:
        note = old.note
    if tags == old.tags and note == old.note:
        return old
    return dataclasses.replace(old, tags=tags, note=note, annotator=annotator, updated=stamp)
