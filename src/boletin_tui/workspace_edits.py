"""The writes of passages, undo and redo, as the workspace's `Write` makes them. No Textual.

Kept apart from `workspace.py`, which only routes them: a `Write` whose `op` is in `EDIT_OPS`
carries an `Edit` and calls `apply_edit` on the store thread. The store given is the app's
`undo.History`, so every change is recorded for undo once (and only once) the store has made
it; an undo or redo is itself a write through the same path (durable, atomic).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from boletin_tui.store import Annotation
from boletin_tui.store.passages import Passage
from boletin_tui.undo import Step

__all__ = ["EDIT_OPS", "Edit", "Step", "UndoWriter", "apply_edit"]

EDIT_OPS = frozenset({"add_passage", "update_passage", "delete_passage", "undo", "redo"})


@dataclass(frozen=True, slots=True)
class Edit:
    """What a passage write needs: the bulletin's text and offsets (to add), the passage's
    id (to edit or delete), its tags and note."""

    text: str = ""
    start: int = 0
    end: int = 0
    tags: tuple[str, ...] = ()
    note: str = ""
    passage_id: str = ""
    quote: str = ""  # to edit: the passage's quote, naming it when unsaved (`unsaved_lines`)


class UndoWriter(Protocol):
    """What `apply_edit` calls (see `boletin_tui.undo.History`)."""

    def get(self, key: str) -> Annotation | None: ...
    def add_passage(self, key: str, text: str, start: int, end: int, tags: Iterable[str] = (),
                    note: str = "") -> Passage: ...  # fmt: skip
    def update_passage(self, key: str, passage_id: str, *, tags: Iterable[str] | None = None,
                       note: str | None = None) -> Passage: ...  # fmt: skip
    def delete_passage(self, key: str, passage_id: str) -> Passage: ...
    def undo(self) -> Step | None: ...
    def redo(self) -> Step | None: ...


def apply_edit(
    op: str, key: str, edit: Edit, steps: list[Step], store: UndoWriter
) -> Annotation | None:
    """Make the write `op` in `store`; return the record of the bulletin it touched now
    stored (None when there is none). For undo and redo the step made goes into `steps`
    (nothing when there was nothing to undo or redo). Raises what the store raises."""
    if op == "add_passage":
        store.add_passage(key, edit.text, edit.start, edit.end, edit.tags, edit.note)
    elif op == "update_passage":
        store.update_passage(key, edit.passage_id, tags=edit.tags, note=edit.note)
    elif op == "delete_passage":
        store.delete_passage(key, edit.passage_id)
    else:
        step = store.undo() if op == "undo" else store.redo()
        if step is None:
            return None
        steps.append(step)
        key = step.key
    return store.get(key)
