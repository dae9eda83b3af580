"""The storage's side of its journal: what was read from it, appending, keeping it aside.

`JournalKeeper` holds what `store.storage.AtomicJSONStorage` knows about `<file>.journal`
(`store.journal` describes the file): the fingerprint of the JSON file the data was read from,
the journal as read and whether it could be applied, and the documents changed since the file
was last written. The storage calls it while holding its mutex (and, to write, the lock).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from boletin_tui.store import journal as wal
from boletin_tui.store.errors import StoreError
from boletin_tui.store.files import Stamp, fsync_dir, keep_copy, stamp
from boletin_tui.store.journal_report import importable
from boletin_tui.store.validate import META_TABLE, meta_document

#: A journal longer than this is folded in by the next write (replaying it stays cheap).
MAX_JOURNAL = 4_000_000
#: A transaction changing more documents than this rewrites the JSON file instead.
MAX_JOURNALLED_DOCUMENTS = 200
STALE = "no corresponde al archivo de la base (que se reemplazó, p. ej. con git)"
TORN = "tiene su última línea a medias (una escritura interrumpida)"


class JournalKeeper:
    """`enabled`: small writes go to the journal (else every write rewrites the file)."""

    def __init__(self, target: Path, enabled: bool) -> None:
        self.path = wal.journal_path(target)
        self.enabled = enabled
        #: Spanish lines about journals kept aside.
        self.notices: list[str] = []
        self.appended = False  # appended since the file was last written
        self.reset()

    def reset(self) -> None:
        """Forget what was read (the data will be read again)."""
        self.base: dict | None = None  # fingerprint of the JSON file the data came from
        self.replay: wal.Journal | None = None  # the journal as read, plus our appends
        self.raw = b""
        self.trouble = ""  # what is wrong with the journal read ("" if nothing)
        self.stale = False  # it belongs to another file: not applied
        self.journalled: dict[str, set[str]] = {}  # documents changed since the file was written

    # -- Reading ------------------------------------------------------------------------
    def load(self, raw: bytes | None, data: dict | None, journal_raw: bytes | None) -> bool:
        """After the JSON file (`raw`, parsed as `data`) was read: replay `journal_raw` over
        `data` if it belongs to that file. True if it was replayed (the caller then checks the
        result, and calls `invalid()` and parses `raw` again if it is not a valid database).
        A journal of a newer version is not replayed (`replay.newer`: the caller refuses)."""
        self.reset()
        self.raw = journal_raw or b""
        if raw is not None and (self.enabled or journal_raw is not None):
            self.base = wal.fingerprint(raw)
        if journal_raw is None:
            return False
        replay = self.replay = wal.parse(journal_raw)
        if replay.newer is not None:
            return False
        if data is None or raw is None or replay.base != self.base:
            # Harmless when the file already holds it: a compaction cut short.
            if data is None or replay.damaged or not wal.reflected(data, replay):
                self.trouble, self.stale = STALE, True
            return False
        wal.apply(data, replay)
        if replay.damaged:
            lines = ", ".join(map(str, replay.damaged))
            self.trouble = f"tiene líneas ilegibles ({lines}); se aplicó el resto"
        return True

    def invalid(self) -> None:
        """The journal's changes made the data invalid: they are not applied."""
        if self.replay is not None:
            self.replay.transactions.clear()
        self.trouble = "dejaría la base inválida y no se aplicó"

    def status(self) -> tuple[int, str | None]:
        replay = self.replay
        return (len(replay.transactions) if replay else 0), self.trouble or None

    # -- Writing ------------------------------------------------------------------------
    def line(
        self, data: dict, dirty: dict[str, set[str]], tables: set[str], journal_size: int | None
    ) -> bytes | None:
        """The journal line for a transaction that changed `dirty` in `data` (the tables at
        its start were `tables`), or None when it must rewrite the file instead."""
        replay = self.replay
        if not self.enabled or self.base is None or self.trouble:
            return None
        if replay is not None and (replay.torn or replay.base != self.base):
            return None  # kept aside and folded in by a full write
        if journal_size is not None and journal_size > MAX_JOURNAL:
            return None
        if not tables <= set(data) or data.get(META_TABLE) != {"1": meta_document()}:
            return None  # a table dropped, or a schema 1 file to upgrade
        count = sum(map(len, dirty.values()))
        if not count or count > MAX_JOURNALLED_DOCUMENTS:
            return None
        changes = [
            (table, doc_id, data.get(table, {}).get(doc_id))
            for table in sorted(dirty)
            for doc_id in sorted(dirty[table], key=int)
        ]
        line = wal.change_line(changes)
        return line if len(line) < MAX_JOURNAL // 4 else None

    def append(self, line: bytes, dirty: dict[str, set[str]], exists: bool) -> Stamp:
        """Append `line` (with the header when there is no journal yet); the journal's new
        stamp. Raises `OSError` (the journal cut back to its former length)."""
        assert self.base is not None
        header = None if exists else wal.header_line(self.base)
        st = wal.append(self.path, line, header)
        if self.replay is None:
            self.replay = wal.Journal(base=self.base)
        self.replay.transactions.append([])  # counted by status()
        for table, ids in dirty.items():
            self.journalled.setdefault(table, set()).update(ids)
        self.appended = True
        return stamp(st)

    def take_changed(self, dirty: dict[str, set[str]]) -> dict[str, set[str]]:
        """Every document changed since the file was last written (for the serialiser)."""
        changed, self.journalled = self.journalled, {}
        for table, ids in dirty.items():
            changed.setdefault(table, set()).update(ids)
        return changed

    def keep_aside(self) -> None:
        """Before the file is rewritten and the journal dropped: keep a copy of a journal not
        wholly applied (and a stale one's records for `import`). Raises `StoreError` if the
        copy cannot be made (then nothing is written)."""
        replay = self.replay
        if replay is None or not (self.trouble or replay.torn or replay.damaged):
            return
        what = self.trouble or TORN
        copy = keep_copy(self.path, self.raw)
        pending = None
        if copy is not None and self.stale and replay.transactions:
            pending = keep_copy(self.path, importable(replay), "pending", ".json")
        if copy is None or (self.stale and replay.transactions and pending is None):
            raise StoreError(
                f"No se pudo guardar aparte el diario {self.path}, que {what}. "
                "No se hizo ningún cambio."
            )
        notice = f"El diario {self.path} {what}; se guardó una copia en {copy}."
        if pending is not None:
            notice += (
                f" Sus cambios no se aplicaron: están en {pending}; para unirlos a la base: "
                f"boletin-tui import {pending}"
            )
        self.notices.append(notice)

    def folded(self, payload: bytes) -> Stamp | None:
        """The file was rewritten with `payload`: remove the journal. Returns the stamp of a
        journal that could not be removed (then journalling stops: its base is the old file,
        and each later write tries again), else None."""
        self.reset()
        self.appended = False
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        except OSError:
            self.enabled = False
            with contextlib.suppress(OSError):
                return stamp(os.stat(self.path))
            return None
        else:
            fsync_dir(self.path.parent)
        if self.enabled:
            self.base = wal.fingerprint(payload)
        return None
