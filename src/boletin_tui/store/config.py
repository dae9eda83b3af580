"""Where the database is, who is annotating, and how long to wait for the lock.

Each setting comes from the command line, else an environment variable, else a default; a
malformed value is a `StoreUsageError` (bad usage, exit 2), never silently replaced.
"""

from __future__ import annotations

import getpass
import math
import os
from pathlib import Path

from boletin_tui.store.errors import StoreUsageError
from boletin_tui.store.merge import UNKNOWN_ANNOTATOR
from boletin_tui.store.storage import DEFAULT_LOCK_TIMEOUT

ENV_DB = "BOLETIN_TUI_DB"
ENV_ANNOTATOR = "BOLETIN_TUI_ANNOTATOR"
ENV_LOCK_TIMEOUT = "BOLETIN_TUI_LOCK_TIMEOUT"
DEFAULT_DB = Path("annotations") / "annotations.json"
MAX_LOCK_TIMEOUT = 3600.0


def default_db_path() -> Path:
    """The nearest `annotations/annotations.json` in the current folder or one of its parents
    (as git finds `.git`); when there is none, the one in the current folder, whose folder is
    created on the first write."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        candidate = folder / DEFAULT_DB
        if candidate.is_file():
            return candidate
    return here / DEFAULT_DB


def resolve_db_path(cli_value: str | None = None) -> Path:
    """`--db` if given, else `$BOLETIN_TUI_DB`, else `default_db_path()` (`config.toml`'s
    `db` reaches here as `cli_value`).

    Only the default has its folder created on the first write; for the others a missing
    folder is an error.
    """
    value = cli_value or os.environ.get(ENV_DB, "").strip()
    return Path(value).expanduser() if value else default_db_path()


def default_annotator() -> str:
    """`$BOLETIN_TUI_ANNOTATOR`, else the login name, else "desconocido"."""
    name = os.environ.get(ENV_ANNOTATOR, "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or UNKNOWN_ANNOTATOR
    except (OSError, KeyError, ImportError):  # no user entry (containers), no env variables
        return UNKNOWN_ANNOTATOR


def default_lock_timeout() -> float:
    """`$BOLETIN_TUI_LOCK_TIMEOUT` in seconds (default 5).

    Raises `StoreUsageError` unless it is a finite number from 0 to `MAX_LOCK_TIMEOUT`.
    """
    raw = os.environ.get(ENV_LOCK_TIMEOUT, "").strip()
    if not raw:
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= MAX_LOCK_TIMEOUT:
        raise StoreUsageError(
            f"{ENV_LOCK_TIMEOUT}={raw!r} no es válido: se espera un número de segundos "
            f"entre 0 y {MAX_LOCK_TIMEOUT:g}."
        )
    return value
