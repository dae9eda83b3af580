"""The app's state and its rules, without Textual: one object the interface asks and tells.

A `Workspace` holds the corpus (or, on a warm launch, its outline), the bulletins by key, the
annotations by key, the tags by use and the search index, and keeps everything derived from
them consistent. Every change to an annotation goes through it in two steps:

1. `add_tags(key, tags)`, `remove_tag(key, tag)` or `set_note(key, text)` return a `Write`:
   what the store must do. The interface runs it on the store thread (`Write.apply`).
2. `saved(write, stored)` takes the record the store now holds and returns a `Change`: what
   the interface must redraw. `failed(write, error)` is told when the store refused.

Between the two, a write is pending (`pending`; `writes.PendingWrites` keeps the rules): the
interface sends what `outbox()` returns, and a write the store refused stays pending and goes
out again with the next `outbox()` (on the next write, on a timer, when quitting), unless
`failed` says retrying cannot help. `pending_note(key)` is the note typed and not yet saved,
which the editor shows instead of the stored one. `reload(annotations)` takes the database's
current state when another process changed it. Read marks are a third kind of record,
written apart (`ReadWrite`).

Passages, undo and redo are `Write`s too (`add_passage`, `update_passage`, `delete_passage`,
`undo`, `redo`; their store calls are in `workspace_edits`). The app's store client applies
every `Write` to an `undo.History` over the store, on the store thread: a change is recorded
for undo only once the store has made it, and an undo or redo is a durable write on the same
path. `Change.message` says what an undo or redo did; its `key` is the bulletin it touched.

The corpus is a `CorpusView` of the corpus database (`boletin_tui.corpusdb`): the keys in
timeline order, outlines read a page at a time, one full bulletin at a time. Search runs in
the same database (`CorpusDB.search`), with the tags and notes of the annotations (their
passages' included: `search.terms`) fed to it when it is set (`set_index`) and after every
saved write (`saved`) or reload.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from boletin_tui.corpus import Bulletin, Outline
from boletin_tui.corpusdb.matches import Matches
from boletin_tui.corpusdb.view import CorpusView
from boletin_tui.reading import ReadState, ReadWrite, split_read_filter
from boletin_tui.search.terms import annotation_terms
from boletin_tui.store import (
    Annotation,
    AnnotationStore,
    BulletinSnapshot,
    snapshot_mismatch,
    tags_by_use,
)
from boletin_tui.workspace_edits import Edit
from boletin_tui.writes import AnnotationWriter, PendingWrites, Stored, Write

__all__ = [
    "AnnotationWriter",
    "Change",
    "SearchNotReady",
    "Stored",
    "TagBatch",
    "Workspace",
    "Write",
]

_KEEP_READ = 64  # full bulletins kept (the one on screen and its neighbours)


class SearchBackend(Protocol):
    """What the workspace needs of search (see `boletin_tui.corpusdb.CorpusDB`)."""

    def search(self, query: str) -> Sequence[str]: ...
    def set_annotations(
        self, items: Iterable[tuple[str, Sequence[str], str, bool]]
    ) -> None: ...  # passagesearch: `search.terms.annotation_terms` per key


@dataclass(frozen=True, slots=True)
class Change:
    """What a saved write changed, for the interface to redraw."""

    key: str
    annotation: Annotation | None  # the record now stored; None when there is none
    annotated: bool  # whether the bulletin now counts as annotated (timeline marks)
    tags_changed: bool  # whether `Workspace.tags` changed (completion lists)
    note: str | None = None  # the note text written, when the write was a note
    conflict: bool = False  # the note had changed underneath: both versions were kept
    message: str | None = None  # undo and redo: what was undone or redone (Spanish)


@dataclass(frozen=True, slots=True)
class TagBatch:
    """Add (or, with `remove`, take off) `tag` on every bulletin in `keys`, in one write."""

    keys: tuple[str, ...]
    tag: str
    remove: bool = False

    def apply(self, store: AnnotationStore) -> dict[str, Annotation | None]:
        """Make the change (blocking; on the store thread); each key's record now stored."""
        from boletin_tui.store.batch import tag_many

        return tag_many(store, self.keys, self.tag, remove=self.remove)


class SearchNotReady(Exception):
    """The index is not built yet (or failed to build: see `Workspace.index_error`)."""


@dataclass
class Workspace:
    """The app's state: see the module's docstring. Not thread-safe: use from one thread."""

    annotations: dict[str, Annotation] = field(default_factory=dict)
    corpus: CorpusView | None = None
    index: SearchBackend | None = None
    load_error: str | None = None
    index_error: str | None = None
    writes: PendingWrites = field(default_factory=PendingWrites)
    _read: dict[str, Bulletin | None] = field(default_factory=dict)
    _tags: list[str] = field(default_factory=list)
    reads: ReadState = field(default_factory=ReadState)  # read marks (issue 15)

    @classmethod
    def from_annotations(cls, annotations: Iterable[Annotation]) -> Workspace:
        """A workspace with the annotations read from the store and no corpus yet."""
        workspace = cls({a.key: a for a in annotations if not a.is_empty})
        workspace._tags = tags_by_use(workspace.annotations.values())
        return workspace

    # -- corpus -------------------------------------------------------------------------
    def set_corpus(self, corpus: CorpusView) -> bool:
        """Take a (newer) view of the corpus. Returns True when its keys, in order, are those
        already shown: nothing visible changes."""
        previous, self.corpus = self.corpus, corpus
        self._read.clear()  # a changed file gives a changed text under the same key
        return previous is not None and previous.keys == corpus.keys

    @property
    def keys(self) -> Sequence[str]:
        """Every key in timeline order; empty before any corpus."""
        return self.corpus.keys if self.corpus is not None else ()

    @property
    def count(self) -> int:
        return len(self.keys)

    @property
    def loaded(self) -> bool:
        """True once every file was checked (not only what the database held at launch)."""
        return self.corpus is not None and self.corpus.complete

    def has(self, key: str | None) -> bool:
        return key is not None and self.corpus is not None and key in self.corpus

    def outlines(self, keys: Iterable[str]) -> Mapping[str, Outline]:
        """Number, date, title and sources of the bulletins `keys` still in the corpus."""
        return self.corpus.outlines(list(keys)) if self.corpus is not None else {}

    def bulletin(self, key: str | None) -> Bulletin | None:
        """The full bulletin for `key`, read from the corpus database (the last few are kept,
        so that the same object comes back). None when unknown."""
        if key is None or not self.has(key):
            return None
        assert self.corpus is not None
        if key not in self._read:
            if len(self._read) >= _KEEP_READ:
                del self._read[next(iter(self._read))]
            self._read[key] = self.corpus.db.bulletin(key)
        return self._read[key]

    # -- search -------------------------------------------------------------------------
    def set_index(self, index: SearchBackend) -> None:
        """Search with `index` from now on, after giving it the annotations' terms (what that
        raises is raised, and the index is not taken)."""
        # passagesearch: the passages' tags and notes with the bulletin's (`search.terms`)
        index.set_annotations(annotation_terms(k, a) for k, a in self.annotations.items())
        self.index = index

    def search(self, query: str) -> Sequence[str]:
        """The keys matching `query` in timeline order (with `leído:sí`/`leído:no` applied to
        the read marks; `Matches` from the corpus database). Raises `SearchNotReady` before
        the index is set."""
        if self.index is None:
            raise SearchNotReady(self.index_error or "")
        rest, read = split_read_filter(query)
        keys = self.index.search(rest)
        if read is None:
            return keys
        if isinstance(keys, Matches):  # kept as positions (see `Matches`)
            return keys.where(lambda key: self.reads.is_read(key) is read)
        return self.reads.filter(list(keys), read)

    # -- read marks (issue 15): state here, on disk through `ReadWrite` -------------------
    def mark_read(self, keys: Iterable[str]) -> ReadWrite | None:
        """Mark `keys` read now; the write for the store, or None if all were read."""
        new = self.reads.mark(k for k in keys if self.has(k))
        return ReadWrite(tuple(new), True) if new else None

    def mark_unread(self, keys: Iterable[str]) -> ReadWrite | None:
        """Mark `keys` unread now; the write for the store, or None if none was read."""
        gone = self.reads.unmark(keys)
        return ReadWrite(tuple(gone), False) if gone else None

    def read_failed(self, write: ReadWrite) -> None:
        """The store refused `write`: the marks go back to what the database holds."""
        (self.reads.unmark if write.read else self.reads.mark)(write.keys)

    # -- annotations ----------------------------------------------------------------------
    @property
    def tags(self) -> list[str]:
        """Tags in use, most used first; one spelling per tag ignoring case."""
        return self._tags

    def annotation(self, key: str | None) -> Annotation | None:
        return self.annotations.get(key) if key else None

    def annotated_keys(self) -> set[str]:
        return set(self.annotations)

    def add_tags(self, key: str, tags: Iterable[str]) -> Write:
        return self._begin(Write("add_tags", key, tuple(tags), bulletin=self._snapshot(key)))

    def remove_tag(self, key: str, tag: str) -> Write:
        return self._begin(Write("remove_tags", key, (tag,), bulletin=self._snapshot(key)))

    def set_note(self, key: str, text: str, base: str | None = None) -> Write:
        """A note write for `key`, edited from `base` (default: the note this workspace holds
        for `key`). A pending note of `key` not yet sent is replaced (see `writes`)."""
        if base is None:
            base = self.annotations[key].note if key in self.annotations else ""
        return self._begin(
            Write("set_note", key, note=text, base=base, bulletin=self._snapshot(key))
        )

    # -- passages, undo and redo (feature: passages in the app) ---------------------------
    def add_passage(self, key: str, text: str, start: int, end: int, tags: Iterable[str],
                    note: str) -> Write:  # fmt: skip
        return self._begin(
            Write("add_passage", key, edit=Edit(text, start, end, tuple(tags), note))
        )

    def update_passage(
        self, key: str, passage_id: str, tags: Iterable[str], note: str, *, quote: str = ""
    ) -> Write:
        """`quote` (the passage's) only names it if the write is never saved."""
        edit = Edit(passage_id=passage_id, tags=tuple(tags), note=note, quote=quote)
        return self._begin(Write("update_passage", key, edit=edit))

    def delete_passage(self, key: str, passage_id: str) -> Write:
        return self._begin(Write("delete_passage", key, edit=Edit(passage_id=passage_id)))

    def undo(self) -> Write:
        """Undo the latest change (the store's history knows which; `Change.message` says)."""
        return self._begin(Write("undo", "", edit=Edit()))

    def redo(self) -> Write:
        return self._begin(Write("redo", "", edit=Edit()))

    def _begin(self, write: Write) -> Write:
        if write.bulletin is None:
            write = replace(write, bulletin=self._snapshot(write.key))
        return self.writes.add(write)

    # -- what an annotation was made on (issue 13 #3) ---------------------------------------
    def mismatch(self, key: str | None) -> str | None:
        """Why the bulletin now under `key` is not the one its annotation was made on (one
        Spanish sentence saying how to move the annotation), or None."""
        annotation, entry = self.annotation(key), self.bulletin(key)
        if annotation is None or entry is None:
            return None
        return snapshot_mismatch(annotation, entry)

    def _snapshot(self, key: str) -> BulletinSnapshot | None:
        """The snapshot a write on `key` stores: the bulletin shown, unless the annotation
        was made on another one (then the stored snapshot stays, and so does the warning,
        until the user moves the annotation)."""
        entry = self.bulletin(key)
        if entry is None or self.mismatch(key) is not None:
            return None
        return BulletinSnapshot.of(entry)

    # -- writes not yet saved (issue 12 #1, #3) --------------------------------------------
    @property
    def pending(self) -> list[Write]:
        """Every write asked for and not saved yet (in flight, failed or held), in order."""
        return list(self.writes.items)

    def outbox(self) -> list[Write]:
        """The writes to send to the store now (new ones, and failed ones again), in order;
        they count as in flight until `saved` or `failed`."""
        return self.writes.outbox()

    def pending_note(self, key: str | None) -> str | None:
        """The newest note typed for `key` that is not saved yet (None when there is none):
        what the editor must show instead of the stored note."""
        write = self.writes.note(key) if key else None
        return write.note if write is not None else None

    def pending_base(self, key: str) -> str | None:
        """The base of `key`'s pending note (what its edit started from), if any."""
        write = self.writes.note(key)
        return write.base if write is not None else None

    @property
    def save_problem(self) -> str | None:
        """Why the unsaved writes are not saved (the last store error, or a note's problem)."""
        held = next((w.problem for w in self.writes.unsent if w.problem), None)
        return held or self.writes.last_error

    def saved(
        self, write: Write, stored: Annotation | Stored | None, conflict: bool = False
    ) -> Change:
        """The store wrote `write` and now holds `stored`: update everything derived."""
        result = stored if isinstance(stored, Stored) else Stored(stored, conflict)
        self.writes.saved(write, result)
        key, annotation, message = write.key, result.annotation, None
        if write.op in ("undo", "redo"):  # passages, undo and redo
            if not write.steps:
                nothing = "deshacer" if write.op == "undo" else "rehacer"
                return Change("", None, False, False, message=f"No hay nada que {nothing}.")
            key, message = write.steps[0].key, write.steps[0].message
        tags_changed = self._take(key, annotation)
        return Change(
            key,
            annotation,
            key in self.annotations,
            tags_changed,
            write.note if write.op == "set_note" else None,
            result.conflict,
            message,
        )

    def failed(self, write: Write, error: BaseException) -> bool:
        """The store refused `write`. Returns True when it stays pending to be retried (a
        busy lock, a full disk, a read-only file), False when retrying cannot help (the
        request itself is wrong) and it was dropped: the interface tells the user."""
        return self.writes.failed(write, error)

    def discard_pending(self) -> list[Write]:
        """Forget the unsaved writes (only when the user said so); returns them."""
        return self.writes.discard_all()

    def reload(self, annotations: Iterable[Annotation]) -> list[str]:
        """Take the database's current records (another process or the CLI wrote to it);
        returns the keys whose annotation changed, in no particular order."""
        fresh = {a.key: a for a in annotations if not a.is_empty}
        changed = [
            k
            for k in fresh.keys() | self.annotations.keys()
            if fresh.get(k) != self.annotations.get(k)
        ]
        for key in changed:
            self._take(key, fresh.get(key), retag=False)
        self._tags = tags_by_use(self.annotations.values())
        return changed

    def _take(self, key: str, stored: Annotation | None, retag: bool = True) -> bool:
        """Hold `stored` as `key`'s record; returns whether the tags in use changed."""
        if stored is None or stored.is_empty:
            self.annotations.pop(key, None)
        else:
            self.annotations[key] = stored
        if self.index is not None:  # passagesearch: passages' tags and notes too
            self.index.set_annotations([annotation_terms(key, stored)])
        if not retag:
            return False
        tags = tags_by_use(self.annotations.values())
        tags_changed, self._tags = tags != self._tags, tags
        return tags_changed

    # -- reader2: one tag on every bulletin shown, in one write -----------------------------
    def tag_many(self, keys: Sequence[str], tag: str, *, remove: bool = False) -> TagBatch:
        """The batch write that adds (or removes) `tag` on every key (see `store.batch`)."""
        return TagBatch(tuple(keys), tag, remove)

    def saved_many(self, batch: TagBatch, stored: dict[str, Annotation | None]) -> list[Change]:
        """The store wrote `batch` and now holds `stored` (key -> record): update everything
        derived (annotations, tags by use, the index) once; one `Change` per key."""
        for key, record in stored.items():
            self._take(key, record, retag=False)
        tags = tags_by_use(self.annotations.values())
        tags_changed, self._tags = tags != self._tags, tags
        return [Change(k, r, k in self.annotations, tags_changed) for k, r in stored.items()]
