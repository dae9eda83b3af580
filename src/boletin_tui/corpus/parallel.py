"""Parsing many files at once, in several processes when there are enough to pay for them."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from boletin_tui.corpus.files import parse_file
from boletin_tui.corpus.model import Bulletin, Skipped
from boletin_tui.corpus.tracker import prepare_parallel_parsing

PARALLEL_THRESHOLD = 600  # below this, starting processes costs more than it saves
CHUNK = 250

Progress = Callable[[int, int], None]
T = TypeVar("T")
__all__ = ["map_files", "parse_many", "prepare_parallel_parsing"]


def parse_many(
    paths: list[str], progress: Progress | None = None, done: int = 0, total: int = 0
) -> Iterator[Bulletin | Skipped]:
    """Parse `paths`, yielding results in order (see `map_files`)."""
    return map_files(parse_file, paths, progress, done, total)


def map_files(
    each: Callable[[str], T],
    paths: list[str],
    progress: Progress | None = None,
    done: int = 0,
    total: int = 0,
) -> Iterator[T]:
    """`each(path)` for every path, yielding results in order; `each` must be a module-level
    function (it is sent to other processes). Many files are shared among processes (one
    per core, up to four): parsing is CPU-bound, so threads would not help. Any failure to
    start processes falls back to parsing here. `progress(done, total)` now and then."""
    total = total or len(paths)
    workers = min(4, os.cpu_count() or 1)
    if len(paths) >= PARALLEL_THRESHOLD and workers > 1:
        chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
        delivered = 0
        try:
            context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded app
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                # A few chunks ahead of the consumer, not all: results waiting to be written
                # would otherwise pile up in memory (a slow consumer, a large archive).
                waiting = deque(pool.submit(_map_chunk, each, c) for c in chunks[: workers * 2])
                ahead = len(waiting)
                while waiting:
                    chunk_results = waiting.popleft().result()
                    if ahead < len(chunks):
                        waiting.append(pool.submit(_map_chunk, each, chunks[ahead]))
                        ahead += 1
                    yield from chunk_results
                    delivered += len(chunk_results)
                    if progress:
                        progress(done + delivered, total)
            return
        except Exception:  # noqa: BLE001 - whatever stops the pool, parse here instead
            paths, done = paths[delivered:], done + delivered  # finish here what is left
    for path in paths:
        yield each(path)
        done += 1
        if progress and (done % 200 == 0 or done == total):
            progress(done, total)


def _map_chunk(each: Callable[[str], T], paths: list[str]) -> list[T]:
    return [each(path) for path in paths]
