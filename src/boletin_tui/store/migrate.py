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
from boletin_tui.store.storage import AtomicJSONStorage
from boletin_tui.store.validate import META_TABLE, SCHEMA_VERSION, file_schema


def upgrade_before_write(storage: AtomicJSONStorage) -> Path | None:
    """Inside `storage.transaction()`: keep a copy of an older-schema file before it changes.

    Returns the copy's path when one was made (at most once per file: the data is then
    marked current), else None. Raises `StoreError` if the copy cannot be written.
    """
    data = storage.read()
    version = file_schema(data) if data else None
    if version is None or version >= SCHEMA_VERSION or not storage.path.exists():
        return None
    try:
        raw = storage.path.read_bytes()
        copy = _write_copy(storage.path, raw, version)
    except OSError as exc:
        raise StoreError(
            f"No se pudo guardar una copia de la base de anotaciones {storage.path} (esquema "
            f"{version}) antes de actualizarla: {exc.strerror or exc}. No se hizo ningún cambio."
        ) from exc
    assert data is not None
    data[META_TABLE] = {"1": {**data[META_TABLE]["1"], "schema": SCHEMA_VERSION}}
    return copy


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
