"""`AnnotationStore`: the tags and notes of a user's bulletins, in one TinyDB JSON file.

Every method takes keys as typed (`45/2019`) and normalises them (`045/2019`); an invalid key
raises `ValueError`. Writes are durable when the method returns (see `storage`). An update that
leaves a record with no tags and a blank note deletes the record. Not for concurrent use from
several threads at full speed, but thread-safe: calls are serialised by a lock.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from tinydb import TinyDB

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store.merge import UNKNOWN_ANNOTATOR, merge_annotation
from boletin_tui.store.model import Annotation, clean_text, normalise_tags, now_iso
from boletin_tui.store.storage import DEFAULT_LOCK_TIMEOUT, AtomicJSONStorage
from boletin_tui.store.validate import TABLE

ENV_DB = "BOLETIN_TUI_DB"
ENV_ANNOTATOR = "BOLETIN_TUI_ANNOTATOR"
ENV_LOCK_TIMEOUT = "BOLETIN_TUI_LOCK_TIMEOUT"
DEFAULT_DB = Path("annotations") / "annotations.json"
_PLAIN_NUMBER = re.compile(r"^(\d{3,5})/(\d{4})$")


def resolve_db_path(cli_value: str | None = None) -> Path:
    """`--db` if given, else `$BOLETIN_TUI_DB`, else `annotations/annotations.json` here."""
    value = cli_value or os.environ.get(ENV_DB, "").strip()
    return Path(value).expanduser() if value else Path.cwd() / DEFAULT_DB


def default_annotator() -> str:
    """`$BOLETIN_TUI_ANNOTATOR`, else the login name, else "desconocido"."""
    name = os.environ.get(ENV_ANNOTATOR, "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or UNKNOWN_ANNOTATOR
    except Exception:  # noqa: BLE001 - no user database entry (containers), no env variables
        return UNKNOWN_ANNOTATOR


def default_lock_timeout() -> float:
    try:
        return float(os.environ.get(ENV_LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


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


def _sort_key(annotation: Annotation) -> tuple:
    match = _PLAIN_NUMBER.match(annotation.key.split("~")[0])
    if match:
        return (0, int(match.group(2)), int(match.group(1)), annotation.key)
    return (1, 0, 0, annotation.key)


class AnnotationStore:
    """The annotation database at `path` (created on the first write, not before).

    `annotator` names who makes the changes (default: `default_annotator()`). Reads and writes
    raise `CorruptDatabase` for a damaged file, writes `StoreBusy` when another process holds
    the file too long, and `StoreError` when the disk refuses; in every case nothing changed.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        annotator: str | None = None,
        *,
        lock_timeout: float | None = None,
        use_orjson: bool | None = None,
    ) -> None:
        self.path = Path(path)
        self.annotator = clean_text(annotator or "").strip() or default_annotator()
        timeout = default_lock_timeout() if lock_timeout is None else lock_timeout
        self._db = TinyDB(
            self.path, storage=AtomicJSONStorage, lock_timeout=timeout, use_orjson=use_orjson
        )
        self._storage: AtomicJSONStorage = self._db.storage
        self._table = self._db.table(TABLE, cache_size=0)
        self._mutex = threading.RLock()
        self._index: dict[str, int] = {}
        self._index_generation = -1

    # -- Reading ------------------------------------------------------------------------
    def get(self, key: str) -> Annotation | None:
        """The record for `key`, or None if the bulletin has no annotation."""
        key = normalise_key(key)
        with self._mutex:
            return self._load(self._doc_id(key))

    def all(self) -> list[Annotation]:
        """Every record, in bulletin order (year, then number; unnumbered last)."""
        with self._mutex:
            docs = (self._storage.read() or {}).get(TABLE, {})
            # The storage has checked every field's type on reading the file.
            return sorted(map(Annotation.from_checked, docs.values()), key=_sort_key)

    def all_tags(self) -> list[str]:
        """Every tag in use, most used first, then alphabetically (for completion)."""
        return tags_by_use(self.all())

    # -- Writing ------------------------------------------------------------------------
    def add_tags(self, key: str, tags: Iterable[str]) -> Annotation:
        """Append `tags` (trimmed, deduplicated ignoring case) and return the record."""
        new_tags = normalise_tags(tags)

        def change(current: Annotation | None) -> Annotation | None:
            old = current.tags if current else ()
            return self._edit(key, current, tags=normalise_tags((*old, *new_tags)))

        result = self._update(key, change)
        return result if result is not None else Annotation(normalise_key(key))

    def remove_tags(self, key: str, tags: Iterable[str]) -> Annotation | None:
        """Remove `tags` (ignoring case); None if the bulletin is left without annotation."""
        gone = {t.casefold() for t in normalise_tags(tags)}

        def change(current: Annotation | None) -> Annotation | None:
            if current is None:
                return None
            kept = tuple(t for t in current.tags if t.casefold() not in gone)
            return self._edit(key, current, tags=kept)

        return self._update(key, change)

    def set_note(self, key: str, text: str) -> Annotation:
        """Replace the note (kept as typed, newlines included; blank deletes it)."""
        note = clean_text(text)
        note = note if note.strip() else ""
        result = self._update(key, lambda current: self._edit(key, current, note=note))
        return result if result is not None else Annotation(normalise_key(key))

    def merge(self, annotation: Annotation) -> Annotation:
        """Combine an imported record with ours (see `merge.merge_annotation`)."""
        return self.merge_many([annotation])[0]

    def merge_many(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Merge many records under one lock and one write; returns the resulting records."""
        results = []
        with self._mutex, self._storage.transaction():
            for incoming in annotations:
                key = normalise_key(incoming.key)
                incoming = Annotation(
                    key,
                    normalise_tags(incoming.tags),
                    clean_text(incoming.note),
                    incoming.annotator,
                    incoming.created,
                    incoming.updated,
                )
                stamp = now_iso()
                # Called inside `_update`, within this iteration: the loop variables are current.
                merge = lambda cur: merge_annotation(cur, incoming, stamp)  # noqa: B023, E731
                done = self._update(key, merge)
                results.append(done or incoming)
        return results

    def close(self) -> None:
        with self._mutex:
            self._db.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- Internals ----------------------------------------------------------------------
    def _edit(self, key: str, current: Annotation | None, **fields: object) -> Annotation:
        stamp = now_iso()
        base = current or Annotation(normalise_key(key), created=stamp)
        values = {"tags": base.tags, "note": base.note, **fields}
        if (
            current is not None
            and values["tags"] == current.tags
            and values["note"] == current.note
        ):
            return current
        return Annotation(
            base.key, values["tags"], values["note"], self.annotator, base.created, stamp
        )

    def _update(
        self, key: str, change: Callable[[Annotation | None], Annotation | None]
    ) -> Annotation | None:
        """Apply `change` to the current record inside a transaction; write only if it differs."""
        key = normalise_key(key)
        with self._mutex, self._storage.transaction():
            doc_id = self._doc_id(key)
            current = self._load(doc_id)
            new = change(current)
            if new == current:
                return current
            if new is None or new.is_empty:
                if doc_id is not None:
                    self._storage.put(TABLE, doc_id, None)
                    del self._index[key]
                return None
            if doc_id is None:
                doc_id = self._free_doc_id(key)
                self._index[key] = doc_id
            self._storage.put(TABLE, doc_id, new.to_json())
            return new

    def _doc_id(self, key: str) -> int | None:
        data = self._storage.read() or {}
        if self._storage.generation != self._index_generation:
            table = data.get(TABLE, {})
            self._index = {doc["key"]: int(doc_id) for doc_id, doc in table.items()}
            self._index_generation = self._storage.generation
        return self._index.get(key)

    def _load(self, doc_id: int | None) -> Annotation | None:
        if doc_id is None:
            return None
        doc = self._table.get(doc_id=doc_id)
        return Annotation.from_json(doc) if doc is not None else None

    def _free_doc_id(self, key: str) -> int:
        taken = set(self._index.values())
        doc_id = preferred_doc_id(key)
        while doc_id in taken:
            doc_id += 1
        return doc_id
