"""Finding bulletin files under folders and reading one file into a `Bulletin` or a `Skipped`.

Only regular files are opened (a FIFO or device named `x.txt` is skipped with its reason, so a
read never blocks), the size limit is checked before a file is opened, and a folder that cannot
be read is reported rather than silently left out. Nothing here raises for bad input.
"""

from __future__ import annotations

import os
import stat as st
from collections.abc import Iterable
from pathlib import Path

from boletin_tui.corpus.decode import Undecodable, decode
from boletin_tui.corpus.docx import DocxUnavailable, docx_to_text
from boletin_tui.corpus.model import Bulletin, Skipped
from boletin_tui.corpus.parse import parse_or_skip

SUFFIXES = (".txt", ".md", ".docx")
MAX_BYTES = 5 * 1024 * 1024


def find_files(paths: Iterable[os.PathLike | str]) -> tuple[list[str], list[Skipped]]:
    """Bulletin files under `paths` (folders recursively), sorted, hidden entries left out.

    A file named explicitly with another suffix, a path that does not exist and a folder that
    cannot be read are reported as skipped. Paths are returned as strings: at 10,000 files,
    pathlib objects cost more than the walk itself.
    """
    found: list[str] = []
    skipped: list[Skipped] = []

    def unreadable(error: OSError) -> None:
        folder = error.filename or "?"
        skipped.append(Skipped(os.fspath(folder), f"carpeta ilegible ({_reason(error)})"))

    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, name)
                    for name in sorted(files)
                    if not name.startswith(".") and name.lower().endswith(SUFFIXES)
                )
        elif path.lower().endswith(SUFFIXES):
            found.append(path)
        elif not os.path.lexists(path):
            skipped.append(Skipped(path, "no existe"))
        else:
            suffix = os.path.splitext(path)[1] or "ninguna"
            skipped.append(Skipped(path, f"extensión no admitida ({suffix})"))
    return list(dict.fromkeys(found)), skipped


def check_stat(source: str, info: os.stat_result) -> Skipped | None:
    """Why a file with this `stat` must not be read (not a regular file, too large), or None."""
    if not st.S_ISREG(info.st_mode):
        return Skipped(source, "no es un archivo normal (FIFO, dispositivo o similar)")
    if info.st_size > MAX_BYTES:
        return Skipped(source, f"archivo demasiado grande (más de {MAX_BYTES // 2**20} MB)")
    return None


def parse_file(path: os.PathLike | str) -> Bulletin | Skipped:
    """Read and parse one file; never raises for a bad file, never blocks on a FIFO."""
    source = os.fspath(path)
    try:
        problem = check_stat(source, os.stat(source))
        if problem is not None:
            return problem
        if source.lower().endswith(".docx"):
            text = docx_to_text(Path(source))
        else:
            text = decode(_read_regular(source))
    except (Undecodable, DocxUnavailable, ValueError) as exc:
        return Skipped(source, str(exc))
    except OSError as exc:
        return Skipped(source, f"no se pudo leer ({_reason(exc)})")
    return parse_or_skip(text, source)


def is_read_failure(skipped: Skipped) -> bool:
    """Whether `skipped` comes from a failure to read (which must never be cached: the file
    may be readable next time), not from the file's content."""
    return skipped.reason.startswith(("no se pudo leer", "no existe", "carpeta ilegible"))


def _read_regular(source: str) -> bytes:
    # Non-blocking open, then the type and size checked again on the open file: a file
    # replaced by a FIFO between `stat` and `open` is refused, not waited on.
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        problem = check_stat(source, info)
        if problem is not None:
            raise ValueError(problem.reason)
        return fh.read(MAX_BYTES + 1)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
