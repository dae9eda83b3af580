"""`AnnotationStore`: the tags and notes of a user's bulletins, in one TinyDB JSON file.

Every method takes keys as typed (`45/2019`) and normalises them (`045/2019`); an invalid key
raises `ValueError`. Writes are durable when the method returns (see `storage`). An update that
leaves a record with no tags, a blank note and no passage deletes the record. Thread-safe (calls
are serialised by a lock), not meant for several threads at full speed. Passage methods are mixed
in from `passage_ops` and write through the same `_update`/`_apply` path.

Reads and writes go through TinyDB's `Table` by document id. One document per bulletin key; the
key -> id mapping is kept here and rebuilt whenever the storage reloads the file. Changes are
applied in batches (`_apply`, at most three `Table` calls), and `table.StoreTable` keeps each
call's cost to the documents it touches (the one measured shortcut: see that module).
`CachingMiddleware` is not used: it delays writes (durability is the point) and the storage
already keeps the parsed file until it changes on disk.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Document

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store.config import default_annotator, default_db_path, default_lock_timeout
from boletin_tui.store.errors import StoreUsageError
from boletin_tui.store.merge import merge_annotation, merge_notes
from boletin_tui.store.model import (
    Annotation,
    BulletinSnapshot,
    clean_text,
    normalise_tags,
    note_problem,
    now_iso,
)
from boletin_tui.store.passage_ops import PassageMethods
from boletin_tui.store.reads import ReadMarks
from boletin_tui.store.records import (
    NoteSaved,
    as_snapshot,
    imported,
    preferred_doc_id,
    replace_with,
    sort_key,
)
from boletin_tui.store.storage import AtomicJSONStorage
from boletin_tui.store.table import StoreTable
from boletin_tui.store.validate import TABLE

if TYPE_CHECKING:
    from boletin_tui.corpus.model import Bulletin

_PROGRESS_EVERY = 100_000
#: Seconds without a write after which the journal is folded into the file (`store.journal`).
COMPACT_DELAY = 1.0
Progress = Callable[[str], None]


class _TinyDB(TinyDB):
    table_class = StoreTable


class AnnotationStore(PassageMethods, ReadMarks):  # read marks: store/reads.py (issue 15)
    """The annotation database at `path` (created on the first write, not before).

    `annotator` names who makes the changes (default: `default_annotator()`). Reads and writes
    raise `CorruptDatabase` for a damaged file, writes `StoreBusy` when another process holds
    the file too long, `ReadOnlyDatabase` for a file without write permission, `StoreError`
    when the disk refuses, and `StoreUsageError` for a bad setting, a missing folder (only the
    default `annotations/` folder is created) or a note over `MAX_NOTE_BYTES`; in every case
    nothing changed. `bulletin=` on a write records the bulletin's snapshot in the record.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        annotator: str | None = None,
        *,
        lock_timeout: float | None = None,
        use_orjson: bool | None = None,
        journal: bool = True,
        compact_delay: float | None = COMPACT_DELAY,
    ) -> None:
        self.path = Path(path)
        self.annotator = clean_text(annotator or "").strip() or default_annotator()
        timeout = default_lock_timeout() if lock_timeout is None else lock_timeout
        create = Path(os.path.abspath(self.path)) == default_db_path()
        self._db = _TinyDB(
            self.path,
            storage=AtomicJSONStorage,
            lock_timeout=timeout,
            use_orjson=use_orjson,
            create_folder=create,
            journal=journal,
            compact_delay=compact_delay if journal else None,
        )
        self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        self._storage.check_folder(create=False)  # an error now, not at the first write
        self._table: StoreTable = self._db.table(TABLE, cache_size=0)  # type: ignore[assignment]
        self._mutex = threading.RLock()
        self._index: dict[str, int] = {}
        self._taken: set[int] = set()
        self._index_generation = -1

    # -- Reading ------------------------------------------------------------------------
    def get(self, key: str) -> Annotation | None:
        """The record for `key`, or None if the bulletin has no annotation."""
        key = normalise_key(key)
        with self._mutex:
            return self._load(self._doc_id(key))

    def all(self) -> list[Annotation]:
        """Every record as the file now holds it, in bulletin order (year, then number;
        unnumbered last). Re-reads the file if it changed on disk."""
        with self._mutex:
            # The storage has checked every field's type on reading the file.
            documents = self._table.stored().values()
            return sorted(map(Annotation.from_checked, documents), key=sort_key)

    def changed(self) -> bool:
        """Whether the file changed on disk since this store last read or wrote it (another
        process, the CLI). Costs one `stat`; call `all()` or `get()` to see the new state."""
        return self._storage.changed()

    def journal_status(self) -> tuple[int, str | None]:
        """(writes in `<file>.journal` not yet folded into the file, what is wrong with that
        journal or None), re-reading the files if they changed (see `store.storage`)."""
        with self._mutex:
            self._storage.read()
            return self._storage.journal_status()

    def notices(self) -> list[str]:
        """Spanish lines about journals this store kept aside (damaged, or not of this file)."""
        return list(self._storage.notices)

    def compact(self) -> bool:
        """Fold a pending journal into the file now (before a commit, an export for git);
        False if there was none. Raises `StoreBusy` or `StoreError` as a write does."""
        with self._mutex:
            return self._storage.compact()

    def own_files(self) -> tuple[Path, Path]:
        """The database file and its lock file, links resolved: an export must not replace
        them (pass them as `write_export(..., protect=...)`)."""
        return self._storage.target, self._storage.lock_path

    # -- Writing ------------------------------------------------------------------------
    def add_tags(
        self, key: str, tags: Iterable[str], *, bulletin: BulletinSnapshot | Bulletin | None = None
    ) -> Annotation:
        """Append `tags` (trimmed, split on `;`, deduplicated ignoring case); return the record."""
        new_tags = normalise_tags(tags)

        def change(current: Annotation | None) -> Annotation | None:
            old = current.tags if current else ()
            return self._edit(key, current, bulletin, tags=normalise_tags((*old, *new_tags)))

        result = self._update(key, change)
        return result if result is not None else Annotation(normalise_key(key))

    def remove_tags(
        self, key: str, tags: Iterable[str], *, bulletin: BulletinSnapshot | Bulletin | None = None
    ) -> Annotation | None:
        """Remove `tags` (ignoring case); None if the bulletin is left without annotation."""
        gone = {t.casefold() for t in normalise_tags(tags)}

        def change(current: Annotation | None) -> Annotation | None:
            if current is None:
                return None
            kept = tuple(t for t in current.tags if t.casefold() not in gone)
            return self._edit(key, current, bulletin, tags=kept)

        return self._update(key, change)

    def set_note(
        self, key: str, text: str, *, bulletin: BulletinSnapshot | Bulletin | None = None
    ) -> Annotation:
        """Replace the note, whatever it was (kept as typed; blank deletes it)."""
        saved = self._save_note(key, text, None, bulletin)
        return saved.annotation or Annotation(normalise_key(key))

    def save_note(
        self,
        key: str,
        text: str,
        *,
        base: str | None,
        bulletin: BulletinSnapshot | Bulletin | None = None,
    ) -> NoteSaved:
        """Save `text` as the note edited from `base` (the note as the editor loaded it).

        If the stored note is still `base` (or `base` is None), `text` replaces it. If it
        changed meanwhile, nothing is lost: the stored note and `text` are both kept, as
        `[annotator]` blocks (as `import` does), and the result has `conflict=True`.
        """
        return self._save_note(key, text, base, bulletin)

    def merge_many(
        self, annotations: Iterable[Annotation], progress: Progress | None = None
    ) -> list[Annotation]:
        """Merge imported records with ours (see `merge.merge_annotation`) in one write.

        Linear in the number of records. The merge is planned before taking the lock and
        re-planned under it only if the file changed meanwhile. `progress` receives a Spanish
        line now and then. Returns the resulting record for each input, in order.
        """
        incoming = [imported(a) for a in annotations]
        with self._mutex:
            self._storage.read()  # load the file as it is now, without the lock
            generation = self._storage.generation
            plan = self._plan(incoming, progress)
            with self._storage.transaction():
                if self._storage.generation != generation:
                    plan = self._plan(incoming, progress)
                if progress is not None:
                    progress(f"escribiendo la base ({len(plan[1])} registros cambian)")
                self._apply(plan[1])
            return plan[0]

    def update_many(
        self, keys: Iterable[str], change: Callable[[str, Annotation | None], Annotation | None]
    ) -> dict[str, Annotation | None]:
        """Apply `change(key, current)` to each key's record in ONE transaction and one write
        (see `store.batch`); returns each key's record now stored (None when there is none)."""
        with self._mutex, self._storage.transaction():
            changes: dict[str, Annotation | None] = {}
            result: dict[str, Annotation | None] = {}
            for key in dict.fromkeys(normalise_key(k) for k in keys):
                current = self._load(self._doc_id(key))
                new = change(key, current)
                if new != current:
                    changes[key] = new
                result[key] = None if new is None or new.is_empty else new
            if changes:
                self._apply(changes)
            return result

    def close(self) -> None:
        with self._mutex:
            self._db.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- Internals ----------------------------------------------------------------------
    def _save_note(
        self,
        key: str,
        text: str,
        base: str | None,
        bulletin: BulletinSnapshot | Bulletin | None,
    ) -> NoteSaved:
        note = clean_text(text)
        note = note if note.strip() else ""
        problem = note_problem(note)
        if problem:
            raise StoreUsageError(f"La nota de {normalise_key(key)} no se guardó: {problem}.")
        expected = None if base is None else clean_text(base)
        found: list[tuple[str, bool]] = []

        def change(current: Annotation | None) -> Annotation | None:
            theirs = current.note if current else ""
            stale = expected is not None and theirs.strip() != expected.strip()
            new = note
            if stale and theirs.strip() and note != theirs:
                who = current.annotator if current else ""
                new = merge_notes(theirs, who, note, self.annotator) if note.strip() else theirs
            found.append((theirs, stale and new != note))
            return self._edit(key, current, bulletin, note=new)

        result = self._update(key, change)
        theirs, conflict = found[-1]
        return NoteSaved(result, conflict, theirs)

    def _edit(
        self,
        key: str,
        current: Annotation | None,
        bulletin: BulletinSnapshot | Bulletin | None,
        **fields: Any,
    ) -> Annotation:
        stamp = now_iso()
        base = current or Annotation(normalise_key(key), created=stamp)
        tags, note = fields.get("tags", base.tags), fields.get("note", base.note)
        if current is not None and tags == current.tags and note == current.note:
            return current
        snapshot = as_snapshot(bulletin) or base.bulletin
        return dataclasses.replace(
            base, tags=tags, note=note, annotator=self.annotator, updated=stamp, bulletin=snapshot
        )

    def _update(
        self, key: str, change: Callable[[Annotation | None], Annotation | None]
    ) -> Annotation | None:
        """Apply `change` to the current record inside a transaction; write only if it differs."""
        key = normalise_key(key)
        with self._mutex, self._storage.transaction():
            current = self._load(self._doc_id(key))
            new = change(current)
            if new == current:
                return current
            self._apply({key: new})
            return None if new is None or new.is_empty else new

    def _plan(
        self, incoming: list[Annotation], progress: Progress | None
    ) -> tuple[list[Annotation], dict[str, Annotation | None]]:
        """(the result for each incoming record, the changed records by key)."""
        stamp = now_iso()
        stored = {doc["key"]: doc for doc in self._table.stored().values()}
        changed: dict[str, Annotation | None] = {}
        results = []
        for done, record in enumerate(incoming, start=1):
            current = changed.get(record.key)
            if current is None and record.key in stored:
                current = Annotation.from_checked(stored[record.key])
            merged = merge_annotation(current, record, stamp)
            if merged != current:
                changed[record.key] = merged
            results.append(merged)
            if progress is not None and done % _PROGRESS_EVERY == 0:
                progress(f"combinando: {done} de {len(incoming)} anotaciones")
        return results, changed

    def _apply(self, changes: dict[str, Annotation | None]) -> None:
        """Write `changes` (key -> new record, None or empty to delete) through the table, in
        at most three `Table` calls whatever their number (see the module docstring)."""
        self._doc_id("")  # bring the index up to date with the file
        updates: dict[int, dict[str, Any]] = {}
        inserts: list[Document] = []
        removed: list[int] = []
        for key, new in changes.items():
            doc_id = self._index.get(key)
            if new is None or new.is_empty:
                if doc_id is not None:
                    removed.append(doc_id)
                    del self._index[key]
                    self._taken.discard(doc_id)
            elif doc_id is None:
                doc_id = self._free_doc_id(key)
                self._index[key] = doc_id
                self._taken.add(doc_id)
                inserts.append(Document(new.to_json(), doc_id=doc_id))
            else:
                updates[doc_id] = new.to_json()
        if updates:
            self._table.update(replace_with(updates, self._index), doc_ids=list(updates))
        if inserts:
            self._table.insert_multiple(inserts)
        if removed:
            self._table.remove(doc_ids=removed)
        for doc_id in (*updates, *(d.doc_id for d in inserts), *removed):
            self._storage.mark_dirty(TABLE, doc_id)

    def _doc_id(self, key: str) -> int | None:
        self._storage.read()
        if self._storage.generation != self._index_generation:
            self._index = {doc["key"]: int(i) for i, doc in self._table.stored().items()}
            self._taken = set(self._index.values())
            self._index_generation = self._storage.generation
        return self._index.get(key)

    def _load(self, doc_id: int | None) -> Annotation | None:
        if doc_id is None:
            return None
        doc = self._table.get(doc_id=doc_id)
        return Annotation.from_checked(doc) if isinstance(doc, dict) else None

    def _free_doc_id(self, key: str) -> int:
        doc_id = preferred_doc_id(key)
        while doc_id in self._taken:
            doc_id += 1
        return doc_id
