"""A TinyDB storage that never loses a write: atomic, locked, journalled, cached and validated.

- A write is durable when it returns, in one of two ways. With `journal=True`, a transaction
  that changes a few documents appends one fsync'd line to `<file>.journal` (`store.journal`);
  the JSON file is rewritten ("compacted") later under the lock: when the journal passes
  `MAX_JOURNAL` bytes, `compact_delay` seconds after the last write, on `close()`, or by
  `compact()`. Every other write rewrites the JSON file: a temporary file in the same folder,
  flushed and fsync'd, moved over the database with `os.replace`, the folder fsync'd, and then
  the journal removed. A process killed at any moment leaves the old state or the new one.
- Every reader replays the journal over the JSON file, so all see the same data. A journal
  whose base is not the JSON file on disk (someone else replaced the file), or with a line that
  cannot be read, or with a torn last line (a write killed midway, never acknowledged), is
  kept aside as `<file>.journal.corrupt-YYYYmmddTHHMMSS` before the next write folds or drops
  it, and said in `notices` and `journal_status()`; its readable changes are applied unless
  its base is not the file on disk.
- `transaction()` takes an inter-process lock (`<file>.lock`), re-reads the files if they
  changed on disk since we last saw them, lets the caller read and update, then writes once.
  Two processes updating at once therefore both land. Waiting longer than `lock_timeout`
  raises `StoreBusy` before anything changes.
- The parsed data is cached and re-read only when the identity, size or times of the file or
  its journal change, so an update costs one append (or one serialisation and one write).
- A database path that is a symbolic link is resolved: the write lands beside the link's target
  and replaces the target, the link stays. A file without write permission is refused
  (`ReadOnlyDatabase`), never replaced. The folder is created only when `create_folder` is set
  (the default database); otherwise a missing folder is a `StoreUsageError`.
- The file carries a `_meta` table with its format and schema version. A file that is not valid
  JSON or not this schema raises `CorruptDatabase`: it is never overwritten, and a copy is kept
  aside as `<file>.corrupt-YYYYmmddTHHMMSS`. A newer schema raises `NewerSchema` (no copy); an
  older one is copied aside on its first write (`store.migrate`), which is never journalled.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from tinydb.storages import Storage

from boletin_tui.store import journal as wal
from boletin_tui.store.errors import (
    CorruptDatabase,
    NewerSchema,
    ReadOnlyDatabase,
    StoreBusy,
    StoreError,
    StoreUsageError,
)
from boletin_tui.store.files import Stamp, copy_mode, fdatasync, fsync_dir, keep_copy, stamp
from boletin_tui.store.journal_report import importable
from boletin_tui.store.jsonio import Serializer, loads
from boletin_tui.store.lock import FileLock
from boletin_tui.store.migrate import keep_older_schema
from boletin_tui.store.validate import (
    META_TABLE,
    SCHEMA_VERSION,
    meta_document,
    newer_schema,
    schema_problem,
)

DEFAULT_LOCK_TIMEOUT = 5.0
#: A journal longer than this is compacted by the next write (replaying it stays cheap).
MAX_JOURNAL = 4_000_000
#: A transaction changing more documents than this rewrites the JSON file instead.
MAX_JOURNALLED_DOCUMENTS = 200
STALE = "no corresponde al archivo de la base (que se reemplazó, p. ej. con git)"


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file (see the module docstring for the guarantees)."""

    def __init__(
        self,
        path: str | os.PathLike,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        use_orjson: bool | None = None,
        create_folder: bool = False,
        journal: bool = False,
        compact_delay: float | None = None,
    ) -> None:
        self.path = Path(path)
        #: The file really written: `path` with symbolic links resolved.
        self.target = Path(os.path.realpath(self.path))
        self.lock_path = self.target.with_name(self.target.name + ".lock")
        self.journal_path = wal.journal_path(self.target)
        self.lock_timeout = lock_timeout
        self.create_folder = create_folder
        self.journal = journal
        self.compact_delay = compact_delay
        self.generation = 0  # bumped whenever the data is (re)loaded from disk
        #: Spanish lines about journals kept aside (see the module docstring).
        self.notices: list[str] = []
        self._lock = FileLock(self.lock_path)
        self._mutex = threading.RLock()
        self._serializer = Serializer(use_orjson)
        self._data: dict | None = None
        self._stamp: tuple | None = None  # (the JSON file's stamp, the journal's) as loaded
        self._base: dict | None = None  # the JSON file's fingerprint (wal.fingerprint)
        self._replay: wal.Journal | None = None  # the journal as loaded
        self._replay_raw = b""
        self._trouble = ""  # what is wrong with the loaded journal ("" if nothing)
        self._stale = False  # the loaded journal is of another file: not applied
        self._depth = 0
        self._dirty: dict[str, set[str]] | None = None
        self._journalled: dict[str, set[str]] = {}  # changed since the serialiser last ran
        self._pending = False
        self._compact_now = False
        self._appended = False  # this storage appended since its last compaction
        self._timer: threading.Timer | None = None
        self._swept = False

    # -- TinyDB's interface -------------------------------------------------------------
    def read(self) -> dict | None:
        with self._mutex:
            if not self._depth:
                self._refresh()
            return self._data

    def write(self, data: dict) -> None:
        """TinyDB's `Table` writes here; only inside `transaction()`, which writes the file."""
        with self._mutex:
            if not self._depth:
                raise RuntimeError("write() outside transaction()")
            self._data, self._pending = data, True

    def close(self) -> None:
        """Compact the journal this storage wrote to (a failure leaves it, still durable)."""
        with self._mutex:
            self._cancel_timer()
            if self._appended:
                with contextlib.suppress(StoreError):
                    self.compact()
            self._data, self._stamp = None, None
            self._serializer.reset()

    # -- Transactions -------------------------------------------------------------------
    def mark_dirty(self, table: str, doc_id: int | str) -> None:
        """Tell the storage a document was changed in place: it is journalled, its text redone."""
        if self._dirty is not None:
            self._dirty.setdefault(table, set()).add(str(doc_id))

    def changed(self) -> bool:
        """Whether the file or its journal differ from those last read or written (2 `stat`s)."""
        with self._mutex:
            try:
                return self._disk_stamp() != self._stamp
            except OSError:
                return True

    def compact(self) -> bool:
        """Fold a pending journal into the JSON file now, under the lock; False if there was
        none. Raises as `transaction()` does."""
        with self._mutex:
            if self._depth or not os.path.exists(self.journal_path):
                return False
            with self.transaction():
                on_disk = self._stamp or (None, None)
                # Only a journal over an existing file: a lone journal waits for a write.
                self._compact_now = self._pending = None not in on_disk
            return True

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the file lock, with fresh data, and write once at the end if anything changed.

        Nested calls join the outer transaction. On an exception nothing is written and the
        cache is dropped. Raises `StoreBusy`, `CorruptDatabase`, or `StoreError` if the write
        fails (then the data on disk is unchanged).
        """
        with self._mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self.check_folder()
            try:
                acquired = self._lock.acquire(self.lock_timeout)
            except OSError as exc:  # the lock file cannot be created or opened
                raise StoreError(
                    f"No se pudo usar el archivo de bloqueo {self.lock_path} de la base de "
                    f"anotaciones: {exc.strerror or exc}. No se hizo ningún cambio."
                ) from exc
            if not acquired:
                raise StoreBusy(self.path, self.lock_timeout, self.lock_path)
            try:
                self._refresh()
                tables = set(self._data or ())
                self._depth, self._pending, self._dirty = 1, False, {}
                try:
                    yield
                    if self._pending:
                        self._commit(tables)
                except BaseException:
                    self._invalidate()
                    raise
            finally:
                self._depth, self._pending, self._dirty = 0, False, None
                self._compact_now = False
                self._lock.release()

    def check_folder(self, create: bool = True) -> None:
        """Raise `StoreUsageError` if the folder is missing and may not be created; create it
        if it may and `create` is set."""
        folder = self.target.parent
        if folder.is_dir():
            return
        if not self.create_folder:
            raise StoreUsageError(
                f"No existe la carpeta {folder} de la base de anotaciones {self.path}; "
                "créala o elige otra ruta con --db."
            )
        if not create:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._os_error("escribir", exc) from exc

    def journal_status(self) -> tuple[int, str | None]:
        """(transactions in the journal not yet in the JSON file, what is wrong with it or
        None), as last read; call `read()` first for the state on disk."""
        with self._mutex:
            replay = self._replay
            return (len(replay.transactions) if replay else 0), self._trouble or None

    # -- Reading ------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._data, self._stamp = None, None
        self._serializer.reset()
        self._journalled = {}
        self.generation += 1

    def _disk_stamp(self) -> tuple:
        found: list[Stamp | None] = []
        for path in (self.target, self.journal_path):
            try:
                found.append(stamp(os.stat(path)))
            except FileNotFoundError:
                found.append(None)
        return tuple(found)

    def _refresh(self) -> None:
        """Load the file and its journal if either changed on disk since we last saw them."""
        try:
            now = self._disk_stamp()
        except OSError as exc:
            raise self._os_error("leer", exc) from exc
        if now == self._stamp and (self._data is not None or now == (None, None)):
            return
        for _ in range(5):  # a writer may compact between our two reads: read again
            raw, file_stamp = self._read(self.target)
            journal_raw, journal_stamp = self._read(self.journal_path)
            if self._disk_stamp()[0] == file_stamp:
                break
        self._load(raw, journal_raw)
        self._stamp = (file_stamp, journal_stamp)
        self.generation += 1

    def _read(self, path: Path) -> tuple[bytes | None, tuple | None]:
        try:
            with open(path, "rb") as handle:
                # The stamp before the bytes: a line appended meanwhile changes the stamp on
                # disk, so the next refresh reads it.
                seen = stamp(os.fstat(handle.fileno()))
                return handle.read(), seen
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            raise self._os_error("leer", exc) from exc

    def _load(self, raw: bytes | None, journal_raw: bytes | None) -> None:
        """Parse the file, then replay the journal over it when it belongs to this file."""
        self._serializer.reset()
        self._journalled = {}
        data = self._parse(raw) if raw is not None else None
        needed = raw is not None and (self.journal or journal_raw is not None)
        self._base = wal.fingerprint(raw) if needed and raw is not None else None
        self._replay, self._replay_raw, self._trouble = None, journal_raw or b"", ""
        self._stale = False
        if journal_raw is not None:
            replay = wal.parse(journal_raw)
            if replay.newer is not None:
                self._invalidate()
                raise NewerSchema(self.journal_path, replay.newer, wal.VERSION)
            self._replay = replay
            if data is None or raw is None or replay.base != self._base:
                # Harmless when the file already holds it: a compaction cut short.
                if data is None or replay.damaged or not wal.reflected(data, replay):
                    self._trouble = STALE
                    self._stale = True
            else:
                wal.apply(data, replay)
                if schema_problem(data) is not None:
                    data = self._parse(raw)
                    self._trouble = "dejaría la base inválida y no se aplicó"
                elif replay.damaged:
                    lines = ", ".join(map(str, replay.damaged))
                    self._trouble = f"tiene líneas ilegibles ({lines}); se aplicó el resto"
        self._data = data

    def _parse(self, raw: bytes) -> dict:
        try:
            data = loads(raw)
        except UnicodeDecodeError:
            raise self._corrupt(raw, "no está codificado en UTF-8") from None
        except RecursionError:
            raise self._corrupt(raw, "el JSON está anidado demasiado hondo") from None
        except ValueError as exc:
            where = getattr(exc, "lineno", None)
            detail = f" (línea {where}, columna {getattr(exc, 'colno', '?')})" if where else ""
            raise self._corrupt(raw, f"no es JSON válido{detail}") from None
        newer = newer_schema(data)
        if newer is not None:  # not damaged, only newer: no copy aside
            self._invalidate()
            raise NewerSchema(self.path, newer, SCHEMA_VERSION)
        problem = schema_problem(data)
        if problem or not isinstance(data, dict):
            raise self._corrupt(raw, problem or "el contenido no es un objeto JSON")
        return data

    def _corrupt(self, raw: bytes, reason: str) -> CorruptDatabase:
        self._invalidate()
        return CorruptDatabase(self.path, keep_copy(self.target, raw), reason)

    def _os_error(self, verb: str, exc: OSError) -> StoreError:
        return StoreError(
            f"No se pudo {verb} la base de anotaciones {self.path}: {exc.strerror or exc}. "
            "No se hizo ningún cambio."
        )

    # -- Writing ------------------------------------------------------------------------
    def _commit(self, tables: set[str]) -> None:
        """Make the transaction durable: one journal line when it may be, else the file."""
        changes = self._journal_changes(tables)
        if changes is not None:
            line = wal.change_line(changes)
            if len(line) < MAX_JOURNAL // 4:
                self._append(line)
                return
        self._flush()

    def _journal_changes(self, tables: set[str]) -> list[wal.Change] | None:
        """The changed documents, or None when this transaction must rewrite the file."""
        data, dirty, current = self._data, self._dirty or {}, self._stamp
        file_stamp, journal_stamp = current if current else (None, None)
        if not self.journal or self._compact_now or data is None or file_stamp is None:
            return None
        replay = self._replay
        if self._trouble or (replay is not None and (replay.torn or replay.base != self._base)):
            return None  # kept aside and folded by a full write
        if journal_stamp is not None and journal_stamp[2] > MAX_JOURNAL:
            return None
        if not tables <= set(data) or data.get(META_TABLE) != {"1": meta_document()}:
            return None  # a table dropped, or a schema 1 file to upgrade
        count = sum(map(len, dirty.values()))
        if not count or count > MAX_JOURNALLED_DOCUMENTS:
            return None
        return [
            (table, doc_id, data.get(table, {}).get(doc_id))
            for table in sorted(dirty)
            for doc_id in sorted(dirty[table], key=int)
        ]

    def _append(self, line: bytes) -> None:
        assert self._stamp is not None and self._base is not None
        self._check_writable()  # the journal must not change a read-only database either
        header = wal.header_line(self._base) if self._stamp[1] is None else None
        try:
            st = wal.append(self.journal_path, line, header)
        except OSError as exc:
            raise self._os_error("escribir", exc) from exc
        self._stamp = (self._stamp[0], stamp(st))
        if self._replay is None:
            self._replay = wal.Journal(base=self._base)
        self._replay.transactions.append([])  # counted by journal_status()
        for table, ids in (self._dirty or {}).items():
            self._journalled.setdefault(table, set()).update(ids)
        self._appended = True
        self._schedule_compaction()

    def _flush(self) -> None:
        data = self._data if self._data is not None else {}
        self._check_writable()  # before the schema copy: a refused write leaves nothing behind
        keep_older_schema(self.target, data)  # a schema 1 file is copied aside before upgrading
        data[META_TABLE] = {"1": meta_document()}
        self._keep_journal_aside()
        dirty = self._journalled
        for table, ids in (self._dirty or {}).items():
            dirty.setdefault(table, set()).update(ids)
        payload = self._serializer.dumps(data, dirty)
        self._journalled = {}
        folder = self.target.parent
        tmp = None
        try:
            if not self._swept:
                self._sweep_temporaries()
            fd, tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=folder)
            with open(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                fdatasync(handle.fileno())
            copy_mode(self.target, tmp)
            os.replace(tmp, self.target)
            tmp = None
            fsync_dir(folder)
            self._stamp = (stamp(os.stat(self.target)), self._remove_journal())
        except OSError as exc:
            raise self._os_error("escribir", exc) from exc
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self._data = data
        self._base = wal.fingerprint(payload) if self.journal else None
        self._replay, self._replay_raw, self._trouble, self._appended = None, b"", "", False

    def _keep_journal_aside(self) -> None:
        """Before a journal is dropped: keep a copy of one that was not wholly applied."""
        replay = self._replay
        if replay is None or not (self._trouble or replay.torn or replay.damaged):
            return
        what = self._trouble or "tiene su última línea a medias (una escritura interrumpida)"
        copy = keep_copy(self.journal_path, self._replay_raw)
        pending = None
        if copy is not None and self._stale and replay.transactions:
            pending = keep_copy(self.journal_path, importable(replay), "pending", ".json")
        if copy is None or (self._stale and replay.transactions and pending is None):
            raise StoreError(
                f"No se pudo guardar aparte el diario {self.journal_path}, que {what}. "
                "No se hizo ningún cambio."
            )
        notice = f"El diario {self.journal_path} {what}; se guardó una copia en {copy}."
        if pending is not None:
            notice += (
                f" Sus cambios no se aplicaron: están en {pending}; para unirlos a la base: "
                f"boletin-tui import {pending}"
            )
        self.notices.append(notice)

    def _remove_journal(self) -> tuple | None:
        """Remove the journal now folded into the file; the stamp of one left, else None."""
        try:
            os.unlink(self.journal_path)
        except FileNotFoundError:
            return None
        except OSError:
            # Readers find its changes already in the file and ignore it; we stop appending
            # to it (its base is the old file) and keep trying at each write.
            self.journal = False
            return self._disk_stamp()[1]
        fsync_dir(self.target.parent)
        return None

    def _check_writable(self) -> None:
        """Refuse a file without write permission: `os.replace` would ignore its mode."""
        try:
            st = os.stat(self.target)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise self._os_error("escribir", exc) from exc
        if not st.st_mode & stat.S_IWUSR or not os.access(self.target, os.W_OK):
            raise ReadOnlyDatabase(self.path)

    def _sweep_temporaries(self) -> None:
        """Remove temporary files left by writers killed mid-write (we hold the lock)."""
        prefix = f".{self.target.name}."
        with contextlib.suppress(OSError), os.scandir(self.target.parent) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
        self._swept = True

    # -- Compaction when idle -----------------------------------------------------------
    def _schedule_compaction(self) -> None:
        if self.compact_delay is None:
            return
        self._cancel_timer()
        self._timer = threading.Timer(self.compact_delay, self._compact_quietly)
        self._timer.daemon = True
        self._timer.start()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _compact_quietly(self) -> None:
        """On the timer's thread: a failure (busy, disk) leaves the journal for later."""
        with contextlib.suppress(StoreError):
            self.compact()
