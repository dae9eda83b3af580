"""Writes to the annotation store and the ones not yet saved: no Textual, no threads.

A `Write` is one change the store must make (`Write.run(store)` makes it). `PendingWrites`
keeps every write from the moment the user asks for it until the store has saved it, so that
nothing typed is dropped when a save fails (disk full, read-only folder, the lock held by
another process): a failed write stays pending and is sent again by the next `outbox()` (the
interface calls it on every new write, on a timer, and when quitting).

Rules, per bulletin key:

- Writes of one key's tags, and of one key's note, reach the store in the order they were
  asked for: a write waits while an earlier one of its lane is in flight or held.
- A note write that was not sent yet (failed, or waiting) is replaced by a newer note for the
  same key, which inherits its `base`: the note as the editor loaded it from the store, so that
  `save_note` can tell whether someone else changed it meanwhile.
- A note waiting behind an in-flight note of its key takes as `base` what that note stored
  (or, when that save found a conflict, that note's own base, so both versions are kept).
- A note that can never be saved as it is (over `MAX_NOTE_BYTES`) is held, not sent: it stays
  pending (the editor shows it, quitting asks) until the user shortens or replaces it.
- Passage writes (`add_passage`, `update_passage`, `delete_passage`; see `workspace_edits`)
  have a lane per key, like tags, and are retried like them. Undo and redo are never retried:
  a failed one is dropped (`failed` returns False) and the interface says so; the history is
  left as it was, so the user may press the key again. Retrying one blindly could undo twice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from boletin_tui.store import (
    Annotation,
    BulletinSnapshot,
    NoteSaved,
    StoreBusy,
    StoreUsageError,
    note_problem,
)
from boletin_tui.wording import plural
from boletin_tui.workspace_edits import EDIT_OPS, Edit, Step, apply_edit

Operation = Literal[
    "add_tags", "remove_tags", "set_note",
    # Passages, undo and redo (see `workspace_edits`).
    "add_passage", "update_passage", "delete_passage", "undo", "redo",
]  # fmt: skip
NOT_RETRIED = frozenset({"undo", "redo"})


class AnnotationWriter(Protocol):
    """The store methods a `Write` calls (`boletin_tui.undo.History` in the app, which records
    each change for undo; `boletin_tui.store.AnnotationStore` has the same methods)."""

    def add_tags(
        self, key: str, tags: Iterable[str], *, bulletin: BulletinSnapshot | None = None
    ) -> Annotation: ...
    def remove_tags(
        self, key: str, tags: Iterable[str], *, bulletin: BulletinSnapshot | None = None
    ) -> Annotation | None: ...
    def set_note(
        self, key: str, text: str, *, bulletin: BulletinSnapshot | None = None
    ) -> Annotation: ...
    def save_note(
        self, key: str, text: str, *, base: str | None, bulletin: BulletinSnapshot | None = None
    ) -> NoteSaved: ...


@dataclass(frozen=True, slots=True)
class Stored:
    """What the store holds after a write (None: no record left), and whether a note save
    found the note changed underneath and kept both versions (`conflict`)."""

    annotation: Annotation | None
    conflict: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class Write:
    """One change the store must make to the annotation of `key`. Compared by identity: two
    identical requests are two writes. `base` (notes only) is the note the edit started from;
    None replaces the stored note whatever it is."""

    op: Operation
    key: str
    tags: tuple[str, ...] = ()
    note: str = ""
    base: str | None = None
    bulletin: BulletinSnapshot | None = None
    edit: Edit | None = None  # passages, undo and redo: what to do (see `workspace_edits`)
    # Undo and redo: filled on the store thread with the step made (the bulletin it touched).
    steps: list[Step] = field(default_factory=list)

    def apply(self, store: AnnotationWriter) -> Annotation | None:
        """Make the change in `store` (blocking) and return the record now stored."""
        return self.run(store).annotation

    def run(self, store: AnnotationWriter) -> Stored:
        """Make the change in `store` (blocking; on the store thread). Raises what the store
        raises (`StoreBusy`, `ReadOnlyDatabase`, `StoreError`, `ValueError`...).

        `store` is the app's `undo.History` (every app write is recorded for undo once the
        store made it), or the store itself, which has no `undo`/`redo`."""
        if self.op in EDIT_OPS:
            assert self.edit is not None
            return Stored(apply_edit(self.op, self.key, self.edit, self.steps, store))  # type: ignore[arg-type]
        if self.op == "add_tags":
            return Stored(store.add_tags(self.key, self.tags, bulletin=self.bulletin))
        if self.op == "remove_tags":
            return Stored(store.remove_tags(self.key, self.tags, bulletin=self.bulletin))
        saved = store.save_note(self.key, self.note, base=self.base, bulletin=self.bulletin)
        return Stored(saved.annotation, saved.conflict)

    @property
    def lane(self) -> tuple[str, str]:
        """Writes of one lane (a key's tags, its note, its passages; undo and redo) are saved
        in the order asked."""
        if self.op == "set_note":
            return self.key, "note"
        if self.op in NOT_RETRIED:
            return "", "undo"
        return self.key, "passages" if self.op in EDIT_OPS else "tags"

    @property
    def problem(self) -> str | None:
        """Why the store would refuse this write whatever the retries (a note too large)."""
        return note_problem(self.note) if self.op == "set_note" else None


def is_permanent(error: BaseException) -> bool:
    """True when retrying cannot help (an invalid key, a note too large, a passage that is
    gone): the request is wrong. Busy locks, full disks and read-only files may get better."""
    return isinstance(error, (StoreUsageError, ValueError, LookupError))


def retry_reason(error: BaseException) -> str:
    """Why a write kept to be retried was not saved, as the user reads it: the error's
    message without advice to try again (the app retries by itself)."""
    if isinstance(error, StoreBusy):
        return error.situation
    return str(error) or type(error).__name__


def unsaved_lines(writes: Iterable[Write]) -> list[str]:
    """What a user must know of `writes` that were not saved, to redo them by hand: a line
    naming each, then its note or its tags, or a passage's quote, tags and note (the lines the
    app prints, or keeps in a file, when it leaves with them unsaved). A note keeps its own
    newlines."""
    lines: list[str] = []
    for write in writes:
        if write.op == "set_note":
            lines += [f"boletin-tui: no se guardó la nota de {write.key}:", write.note]
        elif write.op in ("add_tags", "remove_tags"):
            done = "añadieron" if write.op == "add_tags" else "quitaron"
            # No key: tags typed while no bulletin was shown (`tui/saving.py`).
            where = f"de {write.key}" if write.key else "escritas sin boletín mostrado"
            lines += [f"boletin-tui: no se {done} las etiquetas {where}:"]
            lines += ["; ".join(write.tags)]
        else:  # passages, undo, redo: the passage's quote and what was typed for it, if any
            where = f" de {write.key}" if write.key else ""
            edit = write.edit or Edit()
            quote = _quote(edit)
            details = [f"«{quote}»"] if quote else []
            details += [f"etiquetas: {'; '.join(edit.tags)}"] if edit.tags else []
            details += [f"nota: {edit.note}"] if edit.note else []
            head = f"boletin-tui: no se guardó {_EDITS.get(write.op, write.op)}{where}"
            lines += [head + (":" if details else ""), *details]
    return lines


def preview_lines(writes: Sequence[Write], limit: int = 4, width: int = 64) -> list[str]:
    """One short line for each of the first `limit` writes, then how many more: what the quit
    dialog lists so the user knows what «Descartar y salir» would drop (text on one line,
    cut to `width` characters)."""
    lines = []
    for write in writes[:limit]:
        text = " ".join(_preview(write).split())
        lines.append(text if len(text) <= width else text[: width - 1] + "…")
    if len(writes) > limit:
        lines.append(f"y {plural(len(writes) - limit, 'cambio', 'cambios')} más")
    return lines


def _preview(write: Write) -> str:
    if write.op == "set_note":
        return f"Nota de {write.key}: {write.note}"
    if write.op in ("add_tags", "remove_tags"):
        done = "para" if write.op == "add_tags" else "quitadas de"
        where = write.key or "ningún boletín"
        return f"Etiquetas {done} {where}: {'; '.join(write.tags)}"
    where = f" en {write.key}" if write.key else ""
    if write.op in NOT_RETRIED:
        return ("Deshacer" if write.op == "undo" else "Rehacer") + where
    quote = _quote(write.edit or Edit())
    what = _EDITS.get(write.op, write.op).split(" ", 1)[-1]  # without the article
    return f"{what[0].upper()}{what[1:]}{where}" + (f": «{quote}»" if quote else "")


def _quote(edit: Edit) -> str:
    """The passage's text: as stored (an edit or a deletion), or cut from the bulletin."""
    return edit.quote or edit.text[edit.start : edit.end]


_EDITS = {
    "add_passage": "el pasaje nuevo",
    "update_passage": "el cambio de un pasaje",
    "delete_passage": "el borrado de un pasaje",
    "undo": "el «deshacer»",
    "redo": "el «rehacer»",
}


class PendingWrites:
    """Every write asked for and not yet saved, in order (see the module's docstring)."""

    def __init__(self) -> None:
        self.items: list[Write] = []
        self._sent: set[int] = set()
        self.last_error: str | None = None

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def add(self, write: Write) -> Write:
        """Queue `write` (a note replaces an unsent note of its key); returns it as queued."""
        if write.op == "set_note":
            earlier = self._last_note(write.key)
            if earlier is not None and id(earlier) not in self._sent:
                write = dataclasses.replace(write, base=earlier.base)
                self.items.remove(earlier)
        self.items.append(write)
        return write

    def outbox(self) -> list[Write]:
        """The writes to send now, in order, marked as in flight: every unsent write that is
        not held and has no earlier write of its key in flight."""
        busy = {w.lane for w in self.items if id(w) in self._sent}
        out = []
        waiting = False  # an earlier write waits: an undo or redo must not overtake it
        barrier = False  # an undo or redo waits: everything after it waits too
        for write in self.items:
            if id(write) in self._sent:
                continue
            held = write.problem is not None
            if barrier or write.lane in busy or held or (write.op in NOT_RETRIED and waiting):
                busy.add(write.lane)  # later writes of this lane wait behind it
                waiting = waiting or not held
                barrier = barrier or write.op in NOT_RETRIED
                continue
            self._sent.add(id(write))
            out.append(write)
        return out

    def saved(self, write: Write, stored: Stored) -> None:
        self._end(write)
        if write.op == "set_note":
            base = write.base if stored.conflict else _note(stored.annotation)
            self._rebase(write.key, base)
        if not self.unsent:
            self.last_error = None

    def failed(self, write: Write, error: BaseException) -> bool:
        """The store refused `write`: keep it to retry (True), or drop it when retrying cannot
        help (False; the caller tells the user)."""
        self._sent.discard(id(write))
        if is_permanent(error) or write.op in NOT_RETRIED:
            self._end(write)
            return False
        self.last_error = retry_reason(error)
        if write.op == "set_note":
            later = self._last_note(write.key)
            if later is not write and later is not None:
                # A newer note of the key waits behind this one: it replaces it.
                self.items.remove(write)
                self._rebase(write.key, write.base)
        return True

    @property
    def unsent(self) -> list[Write]:
        """Writes not in flight (failed, waiting or held): what is not being saved now."""
        return [w for w in self.items if id(w) not in self._sent]

    def note(self, key: str) -> Write | None:
        """The newest pending note write of `key`, if any."""
        return self._last_note(key)

    def pending_keys(self) -> set[str]:
        return {w.key for w in self.items}

    def discard_all(self) -> list[Write]:
        """Forget every pending write (the user chose to); returns them."""
        dropped, self.items = self.items, []
        self._sent.clear()
        return dropped

    def _last_note(self, key: str) -> Write | None:
        for write in reversed(self.items):
            if write.key == key and write.op == "set_note":
                return write
        return None

    def _rebase(self, key: str, base: str | None) -> None:
        later = self._last_note(key)
        if later is not None and id(later) not in self._sent:
            self.items[self.items.index(later)] = dataclasses.replace(later, base=base)

    def _end(self, write: Write) -> None:
        self._sent.discard(id(write))
        for i, item in enumerate(self.items):
            if item is write:
                del self.items[i]
                return


def _note(annotation: Annotation | None) -> str:
    return annotation.note if annotation is not None else ""
