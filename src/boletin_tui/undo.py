"""Undo and redo of annotation changes, as inverse operations on the store. No Textual.

`History(store)` makes the changes itself (`add_tags`, `remove_tags`, `set_note`,
`add_passage`, `update_passage`, `delete_passage`, same arguments and results as the
`AnnotationStore` methods) and remembers how to reverse each one that changed something:

- tags added -> those tags removed (and back); tags removed -> added again (at the end);
- a note -> the previous note set again;
- a passage added -> deleted; edited -> its previous version restored; deleted -> restored
  exactly (same id, annotator and timestamps).

`undo()` and `redo()` return a `Step` (the bulletin key to go to, and a Spanish message such
as `Deshecho: etiqueta «salud» en 119/2020`), or None when there is nothing to undo or redo.
Each is a durable write through the store. If a write fails (`StoreError`), the error
propagates and the history is as it was before the call: the change can be undone (or
redone) again later. History lives in memory; it starts empty with each `History`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store import Annotation, AnnotationStore, BulletinSnapshot, NoteSaved
from boletin_tui.store.model import normalise_tags
from boletin_tui.store.passages import Passage, PassageNotFound

QUOTE_CHARS = 30

Action = Callable[[AnnotationStore], object]


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded change: what it was (`description`, Spanish), where (`key`), and the
    store calls that reverse it (`undo`) and make it again (`redo`)."""

    key: str
    description: str
    undo: Action
    redo: Action


@dataclass(frozen=True, slots=True)
class Step:
    """The result of an undo or redo: the bulletin to show and the message to say."""

    key: str
    message: str


class History:
    """Undo and redo stacks over `store` (see the module docstring); `limit` bounds memory."""

    def __init__(self, store: AnnotationStore, limit: int = 1000) -> None:
        self.store = store
        self.limit = limit
        self._undo: list[Change] = []
        self._redo: list[Change] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def get(self, key: str) -> Annotation | None:
        """The record of `key` in the store (read only; nothing recorded)."""
        return self.store.get(key)

    # -- Changes --------------------------------------------------------------------------
    def add_tags(
        self, key: str, tags: Iterable[str], *, bulletin: BulletinSnapshot | None = None
    ) -> Annotation:
        key = normalise_key(key)
        before = _folded(self.store.get(key))
        result = self.store.add_tags(key, tags, bulletin=bulletin)
        added = tuple(t for t in result.tags if t.casefold() not in before)
        if added:
            self._record(
                Change(
                    key,
                    f"{_tags_word(added)} {_quoted(added)} en {key}",
                    lambda s: s.remove_tags(key, added),
                    lambda s: s.add_tags(key, added),
                )
            )
        return result

    def remove_tags(
        self, key: str, tags: Iterable[str], *, bulletin: BulletinSnapshot | None = None
    ) -> Annotation | None:
        key = normalise_key(key)
        current = self.store.get(key)
        gone = {t.casefold() for t in normalise_tags(tags)}
        removed = tuple(t for t in (current.tags if current else ()) if t.casefold() in gone)
        result = self.store.remove_tags(key, tags, bulletin=bulletin)
        if removed:
            self._record(
                Change(
                    key,
                    f"quitar {_tags_word(removed)} {_quoted(removed)} en {key}",
                    lambda s: s.add_tags(key, removed),
                    lambda s: s.remove_tags(key, removed),
                )
            )
        return result

    def set_note(
        self, key: str, text: str, *, bulletin: BulletinSnapshot | None = None
    ) -> Annotation:
        return self.save_note(key, text, base=None, bulletin=bulletin).annotation or Annotation(
            normalise_key(key)
        )

    def save_note(
        self, key: str, text: str, *, base: str | None, bulletin: BulletinSnapshot | None = None
    ) -> NoteSaved:
        """`AnnotationStore.save_note` (version-checked against `base`), recorded for undo:
        undoing sets back the note stored just before (both versions, after a conflict)."""
        key = normalise_key(key)
        current = self.store.get(key)
        old = current.note if current else ""
        saved = self.store.save_note(key, text, base=base, bulletin=bulletin)
        new = saved.annotation.note if saved.annotation else ""
        if new != old:
            self._record(
                Change(
                    key,
                    f"nota de {key}",
                    lambda s: s.set_note(key, old),
                    lambda s: s.set_note(key, new),
                )
            )
        return saved

    def add_passage(
        self,
        key: str,
        text: str,
        start: int,
        end: int,
        tags: Iterable[str] = (),
        note: str = "",
    ) -> Passage:
        key = normalise_key(key)
        before = {p.id: p for p in self.store.passages(key)}
        after = self.store.add_passage(key, text, start, end, tags, note)
        old = before.get(after.id)
        if old == after:
            return after
        if old is None:
            undo: Action = lambda s: _delete_if_present(s, key, after.id)  # noqa: E731
            what = "pasaje"
        else:
            undo = lambda s: s.restore_passage(key, old)  # noqa: E731
            what = "edición del pasaje"
        self._record(
            Change(
                key,
                f"{what} {_quote(after)} en {key}",
                undo,
                lambda s: s.restore_passage(key, after),
            )
        )
        return after

    def update_passage(
        self,
        key: str,
        passage_id: str,
        *,
        tags: Iterable[str] | None = None,
        note: str | None = None,
    ) -> Passage:
        key = normalise_key(key)
        old = _passage(self.store, key, passage_id)
        new = self.store.update_passage(key, passage_id, tags=tags, note=note)
        if new != old:
            self._record(
                Change(
                    key,
                    f"edición del pasaje {_quote(new)} en {key}",
                    lambda s: s.restore_passage(key, old),
                    lambda s: s.restore_passage(key, new),
                )
            )
        return new

    def delete_passage(self, key: str, passage_id: str) -> Passage:
        key = normalise_key(key)
        gone = self.store.delete_passage(key, passage_id)
        self._record(
            Change(
                key,
                f"borrar el pasaje {_quote(gone)} en {key}",
                lambda s: s.restore_passage(key, gone),
                lambda s: _delete_if_present(s, key, gone.id),
            )
        )
        return gone

    # -- Undo and redo --------------------------------------------------------------------
    def undo(self) -> Step | None:
        """Reverse the latest change not yet undone; None if there is none."""
        if not self._undo:
            return None
        change = self._undo[-1]
        change.undo(self.store)  # a StoreError leaves both stacks untouched
        self._redo.append(self._undo.pop())
        return Step(change.key, f"Deshecho: {change.description}")

    def redo(self) -> Step | None:
        """Make again the latest undone change; None if there is none."""
        if not self._redo:
            return None
        change = self._redo[-1]
        change.redo(self.store)
        self._undo.append(self._redo.pop())
        return Step(change.key, f"Rehecho: {change.description}")

    def _record(self, change: Change) -> None:
        self._undo.append(change)
        del self._undo[: -self.limit]
        self._redo.clear()


def _folded(record: Annotation | None) -> set[str]:
    return {t.casefold() for t in record.tags} if record else set()


def _tags_word(tags: tuple[str, ...]) -> str:
    return "etiqueta" if len(tags) == 1 else "etiquetas"


def _quoted(tags: tuple[str, ...]) -> str:
    return ", ".join(f"«{t}»" for t in tags)


def _quote(passage: Passage) -> str:
    text = " ".join(passage.quote.split())
    return f"«{text[: QUOTE_CHARS - 1]}…»" if len(text) > QUOTE_CHARS else f"«{text}»"


def _passage(store: AnnotationStore, key: str, passage_id: str) -> Passage:
    for p in store.passages(key):
        if p.id == passage_id:
            return p
    raise PassageNotFound(passage_id, key)


def _delete_if_present(store: AnnotationStore, key: str, passage_id: str) -> None:
    """Undoing an addition: the passage may already be gone (another process)."""
    with contextlib.suppress(PassageNotFound):
        store.delete_passage(key, passage_id)
