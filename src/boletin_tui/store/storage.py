"""A TinyDB storage that never loses a write: atomic, locked, cached and validated.

- Writes go to a temporary file in the same folder, which is flushed and fsync'd, then moved
  over the database with `os.replace`, and the folder is fsync'd: a process killed at any moment
  leaves the old file or the new one, never a broken one.
- `transaction()` takes an inter-process lock (`<file>.lock`), re-reads the file if it changed on
  disk since we last saw it, lets the caller read and update, then writes once. Two processes
  updating at once therefore both land. Waiting longer than `lock_timeout` raises `StoreBusy`
  before anything changes.
- The parsed file is cached and re-read only when its identity, size or times change, so an
  update costs one serialisation and one write, not a parse.
- A database path that is a symbolic link is resolved: the write lands beside the link's target
  and replaces the target, the link stays. A file without write permission is refused
  (`ReadOnlyDatabase`), never replaced. The folder is created only when `create_folder` is set
  (the default database); otherwise a missing folder is a `StoreUsageError`.
- The file carries a `_meta` table with its format and schema version. A file that is not valid
  JSON or not this schema raises `CorruptDatabase`: it is never overwritten, and a copy is kept
  aside as `<file>.corrupt-YYYYmmddTHHMMSS`. A newer schema raises `NewerSchema` (no copy); an
  older one is copied aside on its first write (`store.migrate`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from tinydb.storages import Storage

from boletin_tui.store.errors import (
    CorruptDatabase,
    NewerSchema,
    ReadOnlyDatabase,
    StoreBusy,
    StoreError,
    StoreUsageError,
)
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
    ) -> None:
        self.path = Path(path)
        #: The file really written: `path` with symbolic links resolved.
        self.target = Path(os.path.realpath(self.path))
        self.lock_path = self.target.with_name(self.target.name + ".lock")
        self.lock_timeout = lock_timeout
        self.create_folder = create_folder
        self.generation = 0  # bumped whenever the data is (re)loaded from disk
        self._lock = FileLock(self.lock_path)
        self._mutex = threading.RLock()
        self._serializer = Serializer(use_orjson)
        self._data: dict | None = None
        self._stamp: tuple | None = None
        self._depth = 0
        self._dirty: dict[str, set[str]] | None = None
        self._pending = False
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
        with self._mutex:
            self._data, self._stamp = None, None
            self._serializer.reset()

    # -- Transactions -------------------------------------------------------------------
    def mark_dirty(self, table: str, doc_id: int | str) -> None:
        """Tell the serialiser a document was changed in place, so its text is redone."""
        if self._dirty is not None:
            self._dirty.setdefault(table, set()).add(str(doc_id))

    def changed(self) -> bool:
        """Whether the file on disk differs from the one last read or written (one `stat`)."""
        with self._mutex:
            try:
                return _stamp(os.stat(self.target)) != self._stamp
            except FileNotFoundError:
                return self._stamp is not None
            except OSError:
                return True

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the file lock, with fresh data, and write once at the end if anything changed.

        Nested calls join the outer transaction. On an exception nothing is written and the
        cache is dropped. Raises `StoreBusy`, `CorruptDatabase`, or `StoreError` if the write
        fails (then the file on disk is unchanged).
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
                self._depth, self._pending, self._dirty = 1, False, {}
                try:
                    yield
                    if self._pending:
                        self._flush()
                except BaseException:
                    self._invalidate()
                    raise
            finally:
                self._depth, self._pending, self._dirty = 0, False, None
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

    # -- Reading ------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._data, self._stamp = None, None
        self._serializer.reset()
        self.generation += 1

    def _refresh(self) -> None:
        """Load the file if it changed on disk since we last read or wrote it."""
        try:
            st = os.stat(self.target)
        except FileNotFoundError:
            if self._stamp is not None or self._data is not None:
                self._invalidate()
                self.generation += 1
            return
        except OSError as exc:
            raise self._os_error("leer", exc) from exc
        if _stamp(st) == self._stamp and self._data is not None:
            return
        try:
            with open(self.target, "rb") as handle:
                stamp = _stamp(os.fstat(handle.fileno()))
                raw = handle.read()
        except OSError as exc:
            raise self._os_error("leer", exc) from exc
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
        self._serializer.reset()
        self._data, self._stamp = data, stamp
        self.generation += 1

    def _corrupt(self, raw: bytes, reason: str) -> CorruptDatabase:
        self._invalidate()
        return CorruptDatabase(self.path, keep_copy(self.target, raw), reason)

    def _os_error(self, verb: str, exc: OSError) -> StoreError:
        return StoreError(
            f"No se pudo {verb} la base de anotaciones {self.path}: {exc.strerror or exc}. "
            "No se hizo ningún cambio."
        )

    # -- Writing ------------------------------------------------------------------------
    def _flush(self) -> None:
        data = self._data if self._data is not None else {}
        self._check_writable()  # before the schema copy: a refused write leaves nothing behind
        keep_older_schema(self.target, data)  # a schema 1 file is copied aside before upgrading
        data[META_TABLE] = {"1": meta_document()}
        payload = self._serializer.dumps(data, self._dirty)
        folder = self.target.parent
        tmp = None
        try:
            if not self._swept:
                self._sweep_temporaries()
            fd, tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=folder)
            with open(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                _fdatasync(handle.fileno())
            _copy_mode(self.target, tmp)
            os.replace(tmp, self.target)
            tmp = None
            _fsync_dir(folder)
            self._stamp = _stamp(os.stat(self.target))
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


def _stamp(st: os.stat_result) -> tuple:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _fdatasync(fd: int) -> None:
    """Data and size on disk (all a new file needs); plain fsync where fdatasync is missing."""
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def _copy_mode(target: Path, tmp: str) -> None:
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    os.chmod(tmp, mode)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not possible on Windows, where it is skipped."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def keep_copy(path: Path, raw: bytes) -> Path | None:
    """Save `raw` (the unreadable file's bytes) beside `path`; reuse an identical earlier copy.

    Returns the copy's path, or None if it could not be written.
    """
    prefix = path.name + ".corrupt-"
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.startswith(prefix) and entry.stat().st_size == len(raw):
                with contextlib.suppress(OSError), open(entry.path, "rb") as handle:
                    if handle.read() == raw:
                        return Path(entry.path)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    for attempt in range(100):
        copy = path.with_name(prefix + stamp + (f"-{attempt}" if attempt else ""))
        try:
            with open(copy, "xb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
            return copy
        except FileExistsError:
            continue
        except OSError:
            return None
    return None
