"""Upgrading a database file of an older schema, on its first write.

Reading never changes a file: a schema 1 file is read as it is (its records simply have no
passages). The first write to it first keeps the file as it was beside it, as
`<file>.schema1-YYYYmmddTHHMMSS` (flushed to disk), and only then writes the new schema. If
that copy cannot be made the write is refused (`StoreError`) and nothing changes.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from boletin_tui.store.errors import StoreError
from boletin_tui.store.validate import SCHEMA_VERSION, file_schema


def keep_older_schema(path: Path, data: dict | None) -> Path | None:
    """Before `data` (as read from `path`) is written back as the current schema: if the file
    on disk is of an older schema, copy it aside first. Called by the storage's flush while it
    holds the lock, so the file on disk is the one `data` came from.

    Returns the copy's path when one was made, else None. Raises `StoreError` if the copy
    cannot be written (then nothing is written at all).
    """
    version = file_schema(data) if data else None
    if version is None or version >= SCHEMA_VERSION or not path.exists():
        return None
    try:
        return _write_copy(path, path.read_bytes(), version)
    except OSError as exc:
        raise StoreError(
            f"No se pudo guardar una copia de la base de anotaciones {path} (esquema "
            f"{version}) antes de actualizarla: {exc.strerror or exc}. No se hizo ningún cambio."
        ) from exc


def _write_copy(path: Path, raw: bytes, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    for attempt in range(100):
        copy = path.with_name(f"{path.name}.schema{version}-{stamp}")
        copy = copy.with_name(copy.name + (f"-{attempt}" if attempt else ""))
        try:
            with open(copy, "xb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
            return copy
        except FileExistsError:
            continue
    raise FileExistsError(f"demasiadas copias de {path}")
