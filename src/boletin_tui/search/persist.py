"""A built index saved beside the parse cache, so a warm launch can search at once.

Building the index for 10,000 bulletins takes about two seconds of CPU (in a worker, but holding
the interpreter lock while the user starts reading); the saved index loads in about 20 ms. The
file is named by a fingerprint of the bulletins (keys and content hashes, in order): any change
to the corpus gives another name, so a saved index is never used for other bulletins. Like the
parse cache it is only a speed-up: unreadable or mismatched files are ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from boletin_tui.search.index import SearchIndex

if TYPE_CHECKING:
    from boletin_tui.corpus.model import Bulletin

INDEX_VERSION = 2  # 2: figure values (figure_terms)
_KEEP = 3  # saved indexes kept (one per recently opened corpus)


def fingerprint(bulletins: Sequence[Bulletin]) -> str:
    digest = hashlib.blake2b(f"search-index-v{INDEX_VERSION}\n".encode(), digest_size=16)
    for b in bulletins:
        digest.update(f"{b.key}\t{b.content_hash}\n".encode())
    return digest.hexdigest()


def load_or_build(
    bulletins: Sequence[Bulletin],
    cache_dir: str | os.PathLike | None = None,
    use_cache: bool = True,
) -> SearchIndex:
    """The index for `bulletins`: loaded when saved before, else built (and saved)."""
    if not use_cache:
        return SearchIndex(bulletins)
    from boletin_tui.corpus.cache import default_cache_dir

    folder = Path(cache_dir or default_cache_dir())
    path = folder / f"search-v{INDEX_VERSION}-{fingerprint(bulletins)}.pickle"
    try:
        with open(path, "rb") as fh:
            return SearchIndex.restore(pickle.load(fh), bulletins)
    except Exception:  # noqa: BLE001 - missing, unreadable or stale: build it
        pass
    index = SearchIndex(bulletins)
    _save(index, path)
    return index


def _save(index: SearchIndex, path: Path) -> None:
    from boletin_tui.corpus.cache import write_pickle

    if not write_pickle(path, index.__getstate__()):
        return
    try:
        saved = sorted(path.parent.glob("search-v*.pickle"), key=os.path.getmtime, reverse=True)
        for old in saved[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # an old index left behind costs only disk
