"""Small interface settings remembered between launches, per database, without Textual.

One JSON file, `ui-state.json`, in the user state folder (`platformdirs.user_state_dir`, which
honours `$XDG_STATE_HOME`; `$BOLETIN_TUI_STATE_DIR` overrides it): `{"<database path>":
{"timeline_width": 48, ...}}`. Losing it loses nothing but a preference, so reading never
fails (a damaged file reads as empty and is kept aside when next written); writing is atomic
(temporary file, fsync, `os.replace`) and a failure to write is returned, not raised.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

FILE_NAME = "ui-state.json"


def state_path() -> Path:
    """The state file: `$BOLETIN_TUI_STATE_DIR/ui-state.json` or the platform's state folder."""
    folder = os.environ.get("BOLETIN_TUI_STATE_DIR") or platformdirs.user_state_dir(
        "boletin-tui", appauthor=False
    )
    return Path(folder) / FILE_NAME


def _db_key(db_path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.fspath(db_path))


def _read_all(path: Path) -> dict[str, Any] | None:
    """The whole file; {} when absent, None when unreadable or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def load(db_path: str | os.PathLike[str]) -> dict[str, Any]:
    """The settings remembered for the database at `db_path` ({} when none)."""
    entry = (_read_all(state_path()) or {}).get(_db_key(db_path))
    return dict(entry) if isinstance(entry, dict) else {}


def save(db_path: str | os.PathLike[str], **settings: Any) -> str | None:
    """Remember `settings` for the database at `db_path` (merged with what is there).
    Returns None on success, else a short Spanish reason."""
    path = state_path()
    data = _read_all(path)
    if data is None:  # damaged: keep it aside, start afresh
        with contextlib.suppress(OSError):
            os.replace(path, path.with_name(path.name + ".damaged"))
        data = {}
    entry = data.get(_db_key(db_path))
    data[_db_key(db_path)] = {**(entry if isinstance(entry, dict) else {}), **settings}
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with open(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        return f"no se pudo guardar {path}: {exc.strerror or exc}"
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return None
