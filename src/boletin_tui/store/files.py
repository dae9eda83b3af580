"""Small file operations of the database storage: stamps, fsync, copies kept aside."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

Stamp = tuple[int, int, int, int, int]


def stamp(st: os.stat_result) -> Stamp:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def fdatasync(fd: int) -> None:
    """Data and size on disk (all a new file needs); plain fsync where fdatasync is missing."""
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def copy_mode(target: Path, tmp: str) -> None:
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    os.chmod(tmp, mode)


def fsync_dir(folder: Path) -> None:
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


def keep_copy(path: Path, raw: bytes, label: str = "corrupt", suffix: str = "") -> Path | None:
    """Save `raw` (the unreadable file's bytes) beside `path` as
    `<name>.<label>-YYYYmmddTHHMMSS<suffix>`; reuse an identical earlier copy.

    Returns the copy's path, or None if it could not be written.
    """
    prefix = path.name + f".{label}-"
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            named = entry.name.startswith(prefix) and entry.name.endswith(suffix)
            if named and entry.stat().st_size == len(raw):
                with contextlib.suppress(OSError), open(entry.path, "rb") as handle:
                    if handle.read() == raw:
                        return Path(entry.path)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    for attempt in range(100):
        copy = path.with_name(prefix + stamp + (f"-{attempt}" if attempt else "") + suffix)
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
