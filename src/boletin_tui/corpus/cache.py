"""A cache of parsed files, keyed by absolute path, size and modification time.

The cache is an optimisation, never a source of truth: a file that changed is parsed again, a
cache that is unreadable or from another version is ignored and rebuilt, and `--no-cache`
bypasses it. It lives in the user cache directory (`$BOLETIN_TUI_CACHE_DIR`, else the
platform's, from `platformdirs`: `$XDG_CACHE_HOME/boletin-tui` on Linux) or in `--cache-dir`.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import tempfile
from pathlib import Path

import platformdirs

from boletin_tui.corpus.model import Bulletin, Skipped

CACHE_VERSION = 3  # 3: text made terminal-safe at parse; keys keep 4-digit years
_FILE_NAME = f"parsed-v{CACHE_VERSION}.pickle"
_MAX_ENTRIES = 200_000

Entry = tuple[int, int, Bulletin | Skipped]  # size, mtime_ns, parse result


def default_cache_dir() -> Path:
    """`$BOLETIN_TUI_CACHE_DIR`, else the platform's user cache folder (`platformdirs`:
    `$XDG_CACHE_HOME/boletin-tui` on Linux, `~/Library/Caches/boletin-tui` on macOS)."""
    if explicit := os.environ.get("BOLETIN_TUI_CACHE_DIR"):
        return Path(explicit)
    return Path(platformdirs.user_cache_dir("boletin-tui", appauthor=False))


class ParseCache:
    """Parse results by absolute path; `get` returns None unless size and mtime still match."""

    def __init__(self, directory: str | os.PathLike | None = None) -> None:
        self.path = Path(directory or default_cache_dir()) / _FILE_NAME
        self._entries: dict[str, Entry] = self._read()
        self._dirty = False

    def _read(self) -> dict[str, Entry]:
        try:
            with open(self.path, "rb") as fh:
                data = pickle.load(fh)
        except Exception:  # noqa: BLE001 - missing, truncated, another version: rebuild
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, path: str, stat: os.stat_result) -> Bulletin | Skipped | None:
        entry = self._entries.get(path)
        if entry and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            return entry[2]
        return None

    def put(self, path: str, stat: os.stat_result, result: Bulletin | Skipped) -> None:
        self._entries[path] = (stat.st_size, stat.st_mtime_ns, result)
        self._dirty = True

    def save(self) -> None:
        """Write the cache atomically; failures are ignored (the cache is only a speed-up)."""
        if not self._dirty:
            return
        if len(self._entries) > _MAX_ENTRIES:
            self._entries = dict(list(self._entries.items())[-_MAX_ENTRIES:])
        data = {"version": CACHE_VERSION, "entries": self._entries}
        if write_pickle(self.path, data):
            self._dirty = False
            _remove_other_versions(self.path.parent)


_VERSIONED = re.compile(r"(?:parsed|outline)-v(\d+)(?:-[0-9a-f-]+)?\.pickle")


def _remove_other_versions(folder: Path) -> None:
    """Delete parse caches and outlines left by other versions of the program (tens of MB
    each at 10,000 bulletins, never read again)."""
    try:
        for old in folder.glob("*-v*.pickle"):
            match = _VERSIONED.fullmatch(old.name)
            if match and int(match.group(1)) != CACHE_VERSION:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # only disk space


def write_pickle(path: Path, data: object) -> bool:
    """Pickle `data` to `path` atomically (temp file in the same folder, then rename).

    Returns False, leaving no temp file behind, when it cannot: caches are only a speed-up.
    """
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
