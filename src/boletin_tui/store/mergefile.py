"""The files of a git merge: read and check the three versions, write the result into ours.

`merge_files(base, ours, theirs)` is what `boletin-tui merge-driver %O %A %B` runs. OURS and
THEIRS must be valid databases of a schema this program reads; otherwise `NotADatabase` is
raised and OURS is left byte for byte as it was, so git records a conflict for a person to
resolve. An empty or unreadable BASE (the file was added on both branches, or the ancestor was
itself damaged) is merged as "no common ancestor": both sides are united, nothing is deleted.
The result is written atomically (temporary file, fsync, rename) in the store's own format.
"""

from __future__ import annotations

from pathlib import Path

from boletin_tui.atomic import write_bytes_atomic
from boletin_tui.store.errors import StoreError
from boletin_tui.store.journal import load_beside
from boletin_tui.store.jsonio import Serializer, loads
from boletin_tui.store.merge3 import merge_databases
from boletin_tui.store.validate import schema_problem

ROLES = {
    "base": "la versión común (BASE)",
    "ours": "nuestra versión (OURS)",
    "theirs": "la versión que se fusiona (THEIRS)",
    "result": "el resultado de la fusión",
}


class NotADatabase(StoreError):
    """A file is not a valid annotation database (of a schema this program reads)."""

    def __init__(self, path: Path, reason: str, role: str | None = None) -> None:
        self.path, self.reason, self.role = path, reason, role
        what = f"{ROLES[role]}, {path}," if role else str(path)
        super().__init__(f"{what} no es una base de anotaciones válida ({reason}).")


def read_database(path: Path, role: str | None = None) -> tuple[bytes, dict]:
    """The raw bytes and parsed data of a database file; raises `NotADatabase`. Without
    `role` (a live database, not one of git's copies) its pending journal is replayed."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NotADatabase(path, f"no se pudo leer: {exc.strerror or exc}", role) from None
    try:
        data = loads(raw)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        where = f", línea {line}" if line else ""
        raise NotADatabase(path, f"no es JSON válido{where}", role) from None
    if role is None and isinstance(data, dict):  # a live database: its pending journal too
        load_beside(path, raw, data)
    problem = schema_problem(data)
    if problem:
        raise NotADatabase(path, problem, role)
    assert isinstance(data, dict)  # schema_problem checked it
    return raw, data


def merge_files(base: Path, ours: Path, theirs: Path) -> bool:
    """Merge THEIRS into OURS three-way with BASE; True if OURS was rewritten.

    Raises `NotADatabase` (OURS untouched) or `StoreError` if the write failed (OURS untouched).
    """
    ours_raw, ours_data = read_database(ours, "ours")
    _, theirs_data = read_database(theirs, "theirs")
    try:
        base_data = read_database(base, "base")[1]
    except NotADatabase:
        base_data = {}  # no usable ancestor: unite both sides
    merged = merge_databases(base_data, ours_data, theirs_data)
    problem = schema_problem(merged)
    if problem:  # a defect of the merge itself: refuse rather than write a bad file
        raise NotADatabase(ours, problem, "result")
    payload = Serializer().dumps(merged)
    if payload == ours_raw:
        return False
    write_atomic(ours, payload)
    return True


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload`: a crash leaves the old file or the new one, never a mix.

    Keeps the file's permissions. Raises `StoreError` (path unchanged) if the disk refuses.
    """
    try:
        write_bytes_atomic(path, payload)
    except OSError as exc:
        raise StoreError(f"No se pudo escribir {path}: {exc.strerror or exc}.") from exc
