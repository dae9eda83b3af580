"""What the interface remembers between launches, per annotation database. No Textual here.

One small JSON file, `ui-state.json`, in `$BOLETIN_TUI_STATE_DIR` or else the platform's user
state folder (`platformdirs.user_state_dir("boletin-tui")`: `$XDG_STATE_HOME/boletin-tui` on
Linux). It maps a database's absolute path to a flat dict of values any feature may keep there
(`corpus`, `bulletin`, a pane's width...):

    {"/home/ana/prensa/annotations/annotations.json": {"corpus": ["/home/ana/prensa/boletines"],
                                                       "bulletin": "119/2020"}}

`load(db_path)` returns that dict (empty when nothing is remembered, the file is missing or
damaged); `save(db_path, **values)` merges `values` into it and rewrites the file atomically
(temp file + fsync + `os.replace`). This is convenience state: a failure to read or write it
is never an error for the user (`save` returns False), and a damaged file is set aside as
`ui-state.json.damaged` rather than overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

ENV_STATE_DIR = "BOLETIN_TUI_STATE_DIR"
FILE_NAME = "ui-state.json"
MAX_DATABASES = 50  # the least recently saved ones are forgotten beyond this


def state_path() -> Path:
    """The state file: in `$BOLETIN_TUI_STATE_DIR` if set, else the user state folder."""
    folder = os.environ.get(ENV_STATE_DIR, "").strip()
    base = Path(folder) if folder else Path(platformdirs.user_state_dir("boletin-tui"))
    return base / FILE_NAME


def _db_id(db_path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.fspath(db_path))


def _read_all() -> dict[str, dict[str, Any]]:
    path = state_path()
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        data = None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        with contextlib.suppress(OSError):
            os.replace(path, path.with_name(FILE_NAME + ".damaged"))
        return {}
    return data


def load(db_path: str | os.PathLike[str]) -> dict[str, Any]:
    """The values remembered for the database at `db_path` ({} when none)."""
    return dict(_read_all().get(_db_id(db_path), {}))


def save(db_path: str | os.PathLike[str], **values: Any) -> bool:
    """Merge `values` (JSON-serialisable) into what is remembered for `db_path`; write the
    file atomically. Returns False when it could not be written (nothing is raised)."""
    data = _read_all()
    key = _db_id(db_path)
    entry = {**data.pop(key, {}), **values}
    data[key] = entry  # last saved goes last: the oldest are dropped first
    while len(data) > MAX_DATABASES:
        del data[next(iter(data))]
    path = state_path()
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{FILE_NAME}.", suffix=".tmp", dir=path.parent)
        with open(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except (OSError, TypeError, ValueError):
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return True
