"""The bodies of the loading workers: plain functions the app runs in threads.

`load_in_steps` posts `CorpusLoaded` once or twice (a saved outline first on a warm launch,
then the full texts) and `LoadProgress` while files are read; `build_index` returns the
search index. Nothing here touches widgets; the app routes the messages.
"""

from __future__ import annotations

import gc
import importlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from textual.message import Message

from boletin_tui.corpus import Bulletin, load_corpus, load_outline
from boletin_tui.search import SearchIndex, load_or_build
from boletin_tui.tui.messages import CorpusLoaded, LoadProgress

LOAD_FAILED = "No se pudieron cargar los boletines"
INDEX_FAILED = "La búsqueda no está disponible"


def keep_out_of_gc() -> None:
    """Move what exists now (the corpus, the index: long-lived) out of the collector's reach.

    Otherwise each full collection walks every bulletin and index entry again: 100 ms and
    more at 10,000 bulletins, landing on random key presses.
    """
    gc.freeze()


def load_in_steps(
    paths: Sequence[Path],
    cache_dir: str | os.PathLike[str] | None,
    use_cache: bool,
    post: Callable[[Message], object],
) -> None:
    """Load the corpus of `paths`, posting each step through `post` (thread-safe)."""
    # A warm launch first shows the outline saved by the last load of these paths (30 ms
    # at 10,000), unverified: the full load that follows (0.4 s or more) replaces it, and
    # the timeline, keeping its place, shows any file added, removed or changed since.
    # Verifying first would cost a walk and 10,000 `stat`s on the way to the first list.
    outline = load_outline(paths, cache_dir=cache_dir, verify=False) if use_cache else None
    if outline is not None:
        post(CorpusLoaded(outline))
    # Here, off the interface thread (~70 ms), unless the outline's first bulletin needs
    # it first; importing it before posting the outline held the list back by 0.1-0.3 s.
    importlib.import_module("boletin_tui.entities")

    def progress(done: int, total: int) -> None:
        post(LoadProgress(done, total))

    corpus = load_corpus(
        paths,
        cache_dir=cache_dir,
        use_cache=use_cache,
        progress=progress,
    )
    post(CorpusLoaded(corpus))


def build_index(
    bulletins: Sequence[Bulletin], cache_dir: str | os.PathLike[str] | None, use_cache: bool
) -> SearchIndex:
    """The search index: loaded from beside the parse cache when this corpus was indexed
    before (36 ms instead of about 2.7 s at 10,000 bulletins), else built and saved."""
    return load_or_build(bulletins, cache_dir, use_cache)
