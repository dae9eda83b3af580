"""A corpus of outlines saved beside the parse cache, so a warm launch shows its list at once.

Unpickling the parse cache of 10,000 bulletins takes a quarter of a second or more (every text
is decoded), while the list of bulletins needs only their numbers, dates and titles. After
each load with the cache on, `load_corpus` saves the corpus as `Outline`s (a few MB) under a
name made from the paths asked for and every file's path, size and modification time:
`load_outline` finds it again only when none of that changed, so a saved outline is never used
for other files. Like the parse cache it is only a speed-up: anything unreadable is ignored.
An outline's full bulletin is read from its file on demand (`load.read_full`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from boletin_tui.corpus.cache import CACHE_VERSION, default_cache_dir, write_pickle
from boletin_tui.corpus.model import Corpus, Outline

_KEEP = 3  # outlines kept, one per recently opened set of paths


def outline_digest(paths: Sequence[os.PathLike | str], files: Sequence[str],
                   stats: Sequence[os.stat_result | None]) -> str:
    """A fingerprint of what a load would read: the paths asked for (and the working folder
    relative paths depend on), then every file with its size and modification time."""
    digest = hashlib.blake2b(f"outline-v{CACHE_VERSION}\n{os.getcwd()}\n".encode(),
                             digest_size=16)
    digest.update("\0".join(os.fspath(p) for p in paths).encode("utf-8", "surrogateescape"))
    for path, stat in zip(files, stats, strict=True):
        state = f"{stat.st_size}:{stat.st_mtime_ns}" if stat else "-"
        digest.update(f"\n{path}\t{state}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def outline_path(cache_dir: os.PathLike | str | None, digest: str) -> Path:
    return Path(cache_dir or default_cache_dir()) / f"outline-v{CACHE_VERSION}-{digest}.pickle"


def save_outline(corpus: Corpus, digest: str, cache_dir: os.PathLike | str | None) -> None:
    """Save `corpus` as outlines under `digest`, unless already saved; keep the newest few."""
    path = outline_path(cache_dir, digest)
    if path.exists():
        return
    outlined = dataclasses.replace(
        corpus, bulletins=[b.outline() for b in corpus.bulletins], complete=False)
    if not write_pickle(path, outlined):
        return
    try:
        saved = sorted(path.parent.glob(f"outline-v{CACHE_VERSION}-*.pickle"),
                       key=os.path.getmtime, reverse=True)
        for old in saved[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # an old outline left behind costs only disk


def read_outline(cache_dir: os.PathLike | str | None, digest: str) -> Corpus | None:
    """The outline saved under `digest`, or None when there is none usable."""
    path = outline_path(cache_dir, digest)
    try:
        with open(path, "rb") as fh:
            corpus = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - unreadable or truncated: load the full corpus
        corpus = None
    if (isinstance(corpus, Corpus) and not corpus.complete
            and all(isinstance(b, Outline) for b in corpus.bulletins)):
        return corpus
    try:
        path.unlink()  # so that the full load saves a good one again
    except OSError:
        pass
    return None
