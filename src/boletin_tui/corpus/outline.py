"""A corpus of outlines saved beside the parse cache, so a warm launch shows its list at once.

Unpickling the parse cache of 10,000 bulletins takes a quarter of a second or more (every text
is decoded), while the list of bulletins needs only their numbers, dates and titles. After
each load with the cache on, `load_corpus` saves the corpus as `Outline`s (a few MB) under a
name made from the paths asked for (and the working folder) and from every file's path, size
and modification time. `load_outline` finds it again for the same paths: verified (only when no
file was added, removed or changed since; a walk and a `stat` per file), or not (the last one,
for the app, which shows it at once and replaces it with the full load that always follows).
Like the parse cache it is only a speed-up: anything unreadable is ignored.
An outline's full bulletin is read from its file on demand (`load.read_full`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from boletin_tui.corpus.cache import CACHE_VERSION, default_cache_dir, write_pickle
from boletin_tui.corpus.model import Corpus, Outline

_KEEP = 3  # outlines kept, one per recently opened set of paths


def paths_digest(paths: Sequence[os.PathLike | str]) -> str:
    """A fingerprint of what was asked for: the paths, and the working folder that relative
    paths (and the sources reported for them) depend on."""
    digest = hashlib.blake2b(f"outline-v{CACHE_VERSION}\n{os.getcwd()}\n".encode(), digest_size=12)
    digest.update("\0".join(os.fspath(p) for p in paths).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def files_digest(files: Sequence[str], stats: Sequence[os.stat_result | None]) -> str:
    """A fingerprint of what a load read: every file with its size and modification time."""
    digest = hashlib.blake2b(digest_size=12)
    for path, stat in zip(files, stats, strict=True):
        state = f"{stat.st_size}:{stat.st_mtime_ns}" if stat else "-"
        digest.update(f"{path}\t{state}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _folder(cache_dir: os.PathLike | str | None) -> Path:
    return Path(cache_dir or default_cache_dir())


def _name(paths_key: str, files_key: str) -> str:
    return f"outline-v{CACHE_VERSION}-{paths_key}-{files_key}.pickle"


def save_outline(
    corpus: Corpus, paths_key: str, files_key: str, cache_dir: os.PathLike | str | None
) -> None:
    """Save `corpus` as outlines for these paths in this state of their files, unless already
    saved; outlines of earlier states of the same paths go, and only the newest few stay."""
    path = outline_path(cache_dir, paths_key, files_key)
    if path.exists():
        return
    outlined = dataclasses.replace(
        corpus, bulletins=[b.outline() for b in corpus.bulletins], complete=False
    )
    if not write_pickle(path, outlined):
        return
    try:
        for old in path.parent.glob(_name(paths_key, "*")):
            if old != path:
                old.unlink(missing_ok=True)
        saved = sorted(path.parent.glob(_name("*", "*")), key=os.path.getmtime, reverse=True)
        for old in saved[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # an old outline left behind costs only disk


def latest_outline_path(cache_dir: os.PathLike | str | None, paths_key: str) -> Path | None:
    """The outline saved by the last load of these paths, whatever state its files are in."""
    try:
        return next(_folder(cache_dir).glob(_name(paths_key, "*")), None)
    except OSError:
        return None


def outline_path(cache_dir: os.PathLike | str | None, paths_key: str, files_key: str) -> Path:
    return _folder(cache_dir) / _name(paths_key, files_key)


def read_outline(path: Path | None) -> Corpus | None:
    """The outline saved at `path`, or None when there is none usable (a damaged one is
    deleted, so that the next load saves a good one)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            corpus = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - unreadable or truncated: load the full corpus
        corpus = None
    if (
        isinstance(corpus, Corpus)
        and not corpus.complete
        and all(isinstance(b, Outline) for b in corpus.bulletins)
    ):
        return corpus
    with contextlib.suppress(OSError):
        path.unlink()  # so that the full load saves a good one again
    return None
