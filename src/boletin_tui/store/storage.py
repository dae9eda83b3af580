"""A TinyDB storage that never loses a write: atomic, locked, journalled, cached and validated.

- A write is durable when it returns, in one of two ways. With `journal=True`, a transaction
  that changes a few documents appends one fsync'd line to `<file>.journal` (`store.journal`);
  the JSON file is rewritten ("compacted") later under the lock: when the journal passes
  `journal_keeper.MAX_JOURNAL` bytes, `compact_delay` seconds after the last write (on a timer
  thread), on `close()` if this storage appended, or by `compact()`. Every other write
  rewrites the JSON file: a temporary file in the same folder, flushed and fsync'd, moved
  over the database with `os.replace`, the folder fsync'd, and then the journal removed.
  A process killed at any moment leaves the old state or the new one.
- Every reader replays the journal over the JSON file, so all see the same data. A journal
  whose base is not the JSON file on disk (someone else replaced the file), or with a line that
  cannot be read, or with a torn last line (a write killed midway, never acknowledged), is
  kept aside as `<file>.journal.corrupt-YYYYmmddTHHMMSS` before the next write folds or drops
  it, and said in `notices` and `journal_status()`; its readable changes are applied unless
  its base is not the file on disk (then they are saved for `import`: `journal_keeper`).
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
from boletin_tui.store.journal_keeper import JournalKeeper
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
        self._journal = JournalKeeper(self.target, journal)
        self.journal_path = self._journal.path
        self.lock_timeout = lock_timeout
        self.create_folder = create_folder
        self.compact_delay = compact_delay
        self.generation = 0  # bumped whenever the data is (re)loaded from disk
        #: Spanish lines about journals kept aside (see the module docstring).
        self.notices = self._journal.notices
        self._lock = FileLock(self.lock_path)
        self._mutex = threading.RLock()
        self._serializer = Serializer(use_orjson)
        self._data: dict | None = None
        self._stamp: tuple | None = None  # (the JSON file's stamp, the journal's) as loaded
        self._depth = 0
        self._dirty: dict[str, set[str]] | None = None
        self._pending = False
        self._compact_now = False
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
            if self._journal.appended:
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
            return self._journal.status()

    # -- Reading ------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._data, self._stamp = None, None
        self._serializer.reset()
        self._journal.reset()
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
        data = self._parse(raw) if raw is not None else None
        journal = self._journal
        if journal.load(raw, data, journal_raw) and schema_problem(data) is not None:
            assert raw is not None
            data = self._parse(raw)
            journal.invalid()
        newer = journal.replay.newer if journal.replay is not None else None
        if newer is not None:
            self._invalidate()
            raise NewerSchema(self.journal_path, newer, wal.VERSION)
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
        data, dirty, current = self._data, self._dirty or {}, self._stamp
        file_stamp, journal_stamp = current if current else (None, None)
        line = None
        if not self._compact_now and data is not None and file_stamp is not None:
            size = journal_stamp[2] if journal_stamp else None
            line = self._journal.line(data, dirty, tables, size)
        if line is None:
            self._flush()
            return
        self._check_writable()  # the journal must not change a read-only database either
        try:
            appended = self._journal.append(line, dirty, journal_stamp is not None)
        except OSError as exc:
            raise self._os_error("escribir", exc) from exc
        self._stamp = (file_stamp, appended)
        self._schedule_compaction()

    def _flush(self) -> None:
        data = self._data if self._data is not None else {}
        self._check_writable()  # before the schema copy: a refused write leaves nothing behind
        keep_older_schema(self.target, data)  # a schema 1 file is copied aside before upgrading
        data[META_TABLE] = {"1": meta_document()}
        self._journal.keep_aside()
        payload = self._serializer.dumps(data, self._journal.take_changed(self._dirty or {}))
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
            self._stamp = (stamp(os.stat(self.target)), self._journal.folded(payload))
        except OSError as exc:
            raise self._os_error("escribir", exc) from exc
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self._data = data

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
