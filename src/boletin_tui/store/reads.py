"""Read marks: which bulletins each annotator has read, in the annotation database's `reads` table.

One document per (bulletin key, annotator): `{"key": "045/2019", "annotator": "ana",
"read": "<ISO time>"}`, under a document id derived from both (`read_doc_id`), so that two
copies of the file under git give the same mark the same id and the merge driver
(`merge3`, "any other table") unites them as documents: a mark added on either side is kept,
one removed on one side and untouched on the other is removed. The marks are not annotations:
`AnnotationStore.all()` and every export read only the `annotations` table.

`ReadMarks` is mixed into `AnnotationStore` (it uses the store's TinyDB, storage and lock);
`mark_read` and `unmark_read` change any number of keys in one durable write.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store.model import now_iso
from boletin_tui.store.storage import AtomicJSONStorage

READS_TABLE = "reads"


def read_doc_id(key: str, annotator: str) -> int:
    """The document id of `annotator`'s mark on `key`: the same in every copy of the file."""
    digest = hashlib.blake2b(f"{key}\x00{annotator}".encode(), digest_size=6).digest()
    return 10**15 + int.from_bytes(digest, "big")


class ReadMarks:
    """Read marks per annotator (see the module docstring). Needs `_db`, `_storage`, `_mutex`."""

    _db: TinyDB
    _storage: AtomicJSONStorage
    _mutex: threading.RLock

    def _reads(self) -> dict[str, dict[str, Any]]:
        data = self._storage.read() or {}
        table = data.get(READS_TABLE)
        return table if isinstance(table, dict) else {}

    def read_keys(self, annotator: str) -> set[str]:
        """The keys `annotator` has marked as read (re-reads the file if it changed)."""
        with self._mutex:
            return {
                str(doc.get("key"))
                for doc in self._reads().values()
                if isinstance(doc, dict) and doc.get("annotator") == annotator
            }

    def mark_read(self, keys: Iterable[str], annotator: str) -> set[str]:
        """Mark `keys` as read by `annotator`, in one durable write (none if all were read).
        Returns the keys newly marked. Raises `ValueError` for an invalid key (nothing written)."""
        wanted = {normalise_key(k) for k in keys}
        with self._mutex, self._storage.transaction():
            table = self._reads()
            new = {k for k in wanted if str(read_doc_id(k, annotator)) not in table}
            if new:
                stamp = now_iso()
                docs = [
                    Document(
                        {"key": k, "annotator": annotator, "read": stamp}, read_doc_id(k, annotator)
                    )
                    for k in sorted(new)
                ]
                self._db.table(READS_TABLE, cache_size=0).insert_multiple(docs)
            return new

    def unmark_read(self, keys: Iterable[str], annotator: str) -> set[str]:
        """Take `annotator`'s read mark off `keys`, in one durable write. Returns the keys
        that were marked."""
        wanted = {normalise_key(k) for k in keys}
        with self._mutex, self._storage.transaction():
            table = self._reads()
            gone = {k for k in wanted if str(read_doc_id(k, annotator)) in table}
            if gone:
                ids = [read_doc_id(k, annotator) for k in gone]
                self._db.table(READS_TABLE, cache_size=0).remove(doc_ids=ids)
            return gone
