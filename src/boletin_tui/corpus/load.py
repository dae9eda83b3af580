"""Files and folders to a `Corpus`: reading, de-duplication, number conflicts and order.

Nothing here raises for bad input: every file gives a bulletin or a `Skipped` with its reason.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path

from boletin_tui.corpus.cache import ParseCache
from boletin_tui.corpus.decode import Undecodable, decode
from boletin_tui.corpus.docx import DocxUnavailable, docx_to_text
from boletin_tui.corpus.keys import conflict_key
from boletin_tui.corpus.model import Bulletin, Conflict, Corpus, Outline, Skipped
from boletin_tui.corpus.outline import (
    files_digest,
    latest_outline_path,
    outline_path,
    paths_digest,
    read_outline,
    save_outline,
)
from boletin_tui.corpus.parse import parse_or_skip

SUFFIXES = (".txt", ".md", ".docx")
MAX_BYTES = 5 * 1024 * 1024
PARALLEL_THRESHOLD = 600  # below this, starting processes costs more than it saves
_CHUNK = 250

Progress = Callable[[int, int], None]


def sample_corpus_path() -> Path:
    """The folder of bundled sample bulletins shipped inside the package."""
    return Path(str(resources.files("boletin_tui.corpus") / "sample"))


def find_files(paths: Iterable[os.PathLike | str]) -> tuple[list[str], list[Skipped]]:
    """Bulletin files under `paths` (folders recursively), sorted, hidden entries left out.

    A file named explicitly with another suffix is reported as skipped. Paths are returned as
    strings: at 10,000 files, pathlib objects cost more than the walk itself.
    """
    found: list[str] = []
    skipped: list[Skipped] = []
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, name)
                    for name in sorted(files)
                    if not name.startswith(".") and name.lower().endswith(SUFFIXES)
                )
        elif path.lower().endswith(SUFFIXES):
            found.append(path)
        else:
            suffix = os.path.splitext(path)[1] or "ninguna"
            skipped.append(Skipped(path, f"extensión no admitida ({suffix})"))
    return list(dict.fromkeys(found)), skipped


def parse_file(path: os.PathLike | str) -> Bulletin | Skipped:
    """Read and parse one file; never raises for a bad file."""
    source = os.fspath(path)
    try:
        if os.path.getsize(source) > MAX_BYTES:
            return Skipped(source, f"archivo demasiado grande (más de {MAX_BYTES // 2**20} MB)")
        if source.lower().endswith(".docx"):
            text = docx_to_text(Path(source))
        else:
            with open(source, "rb") as fh:
                text = decode(fh.read())
    except (Undecodable, DocxUnavailable, ValueError) as exc:
        return Skipped(source, str(exc))
    except OSError as exc:
        return Skipped(source, f"no se pudo leer ({exc.strerror or type(exc).__name__})")
    return parse_or_skip(text, source)


def load_corpus(
    paths: Iterable[os.PathLike | str],
    *,
    cache_dir: os.PathLike | str | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> Corpus:
    """Read every bulletin under `paths` into a `Corpus`, newest first, undated last.

    `progress(done, total)` is called now and then while files are read. With the cache on,
    the corpus is also saved as outlines for `load_outline`.
    """
    paths = list(paths)
    files, skipped = find_files(paths)
    stats = [_stat(path) for path in files]
    cache = ParseCache(cache_dir) if use_cache else None
    results = _read_all(files, stats, cache, progress)
    if cache is not None:
        cache.save()

    bulletins = [r for r in results if isinstance(r, Bulletin)]
    skipped.extend(r for r in results if isinstance(r, Skipped))
    merged, duplicates = _merge_duplicates(bulletins)
    keyed, conflicts = _resolve_conflicts(merged)
    keyed.sort(key=_newest_first)
    corpus = Corpus(bulletins=keyed, skipped=skipped, conflicts=conflicts, duplicates=duplicates)
    if cache is not None:
        save_outline(corpus, paths_digest(paths), files_digest(files, stats), cache_dir)
    return corpus


def load_outline(
    paths: Iterable[os.PathLike | str],
    *,
    cache_dir: os.PathLike | str | None = None,
    verify: bool = True,
) -> Corpus | None:
    """What an earlier `load_corpus(paths)` gave, as `Outline`s without texts, or None.

    Verified, it is given only when no file was added, removed or changed since: a walk and a
    `stat` per file (about 60 ms at 10,000 files, more while another thread is busy) plus a
    small read. Unverified, it is the last one saved for these paths, at the cost of the read
    alone (about 30 ms; the full load takes 0.4 s or more): for showing at once what the full
    load, which must follow, confirms or corrects.
    """
    paths = list(paths)
    if not verify:
        return read_outline(latest_outline_path(cache_dir, paths_digest(paths)))
    files, _ = find_files(paths)
    state = files_digest(files, [_stat(f) for f in files])
    return read_outline(outline_path(cache_dir, paths_digest(paths), state))


def read_full(outline: Outline) -> Bulletin | Skipped:
    """The bulletin `outline` stands for, read again from its first readable source file.

    It keeps the outline's key and sources (a conflict's `~` key, every duplicate's path).
    """
    result: Bulletin | Skipped = Skipped("", "sin archivo")
    for source in outline.sources:
        result = parse_file(source)
        if isinstance(result, Bulletin):
            return dataclasses.replace(result, key=outline.key, sources=outline.sources)
    return result


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None  # parse_file reports the error


def _read_all(
    files: list[str],
    stats: list[os.stat_result | None],
    cache: ParseCache | None,
    progress: Progress | None,
):
    """Parse results for `files` in order: from the cache where it is fresh, the rest parsed
    (in several processes when there are many)."""
    results: list[Bulletin | Skipped | None] = [None] * len(files)
    stale: list[tuple[int, str, os.stat_result | None]] = []
    for i, (path, stat) in enumerate(zip(files, stats, strict=True)):
        hit = cache.get(os.path.abspath(path), stat) if cache and stat else None
        if hit is None:
            stale.append((i, path, stat))
        else:
            results[i] = _with_source(hit, path)
    done = len(files) - len(stale)
    if progress and files:
        progress(done, len(files))
    parsed = list(_parse_many([p for _, p, _ in stale], progress, done, len(files)))
    for (i, path, stat), result in zip(stale, parsed, strict=True):
        results[i] = result
        if cache is not None and stat is not None:
            # abspath, not resolve(): no syscalls, and this runs for every file
            cache.put(os.path.abspath(path), stat, result)
    return results


def _parse_many(paths: list[str], progress: Progress | None, done: int, total: int):
    """Parse `paths`, in order. Many files are shared among processes (one per core, up to
    four): parsing is CPU-bound, so threads would not help. Any failure to start processes
    falls back to parsing here."""
    workers = min(4, os.cpu_count() or 1)
    if len(paths) >= PARALLEL_THRESHOLD and workers > 1:
        chunks = [paths[i : i + _CHUNK] for i in range(0, len(paths), _CHUNK)]
        delivered = 0
        try:
            context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded app
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                for chunk_results in pool.map(_parse_chunk, chunks):
                    yield from chunk_results
                    delivered += len(chunk_results)
                    if progress:
                        progress(done + delivered, total)
            return
        except Exception:  # noqa: BLE001 - whatever stops the pool, parse here instead
            paths, done = paths[delivered:], done + delivered  # finish here what is left
    for path in paths:
        yield parse_file(path)
        done += 1
        if progress and (done % 200 == 0 or done == total):
            progress(done, total)


def prepare_parallel_parsing() -> None:
    """Start multiprocessing's resource tracker now, while standard error is a real file.

    Call it before a full-screen app replaces `sys.stderr` (Textual does): the tracker is
    started with the stderr descriptor, and starting it later fails, which would leave a
    cold load to a single core.
    """
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - only a speed-up
        pass


def _parse_chunk(paths: list[str]) -> list[Bulletin | Skipped]:
    return [parse_file(path) for path in paths]


def _with_source(cached: Bulletin | Skipped, path: str) -> Bulletin | Skipped:
    """The cache may have been filled from another working directory: report this path."""
    if isinstance(cached, Bulletin) and cached.sources != (path,):
        return dataclasses.replace(cached, sources=(path,))
    if isinstance(cached, Skipped) and cached.path != path:
        return Skipped(path, cached.reason)
    return cached


def _merge_duplicates(bulletins: list[Bulletin]):
    """The same content in several files is one bulletin with several sources."""
    by_hash: dict[str, list[Bulletin]] = defaultdict(list)
    for bulletin in bulletins:
        by_hash[bulletin.content_hash].append(bulletin)
    merged, duplicates = [], []
    for group in by_hash.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        sources = tuple(s for b in group for s in b.sources)
        merged.append(dataclasses.replace(group[0], sources=sources))
        duplicates.append((group[0].key, sources))
    return merged, duplicates


def _resolve_conflicts(bulletins: list[Bulletin]):
    """Different bulletins with the same number: the first by source path keeps the key."""
    by_key: dict[str, list[Bulletin]] = defaultdict(list)
    for bulletin in bulletins:
        by_key[bulletin.key].append(bulletin)
    keyed, conflicts = [], []
    for key, group in by_key.items():
        group.sort(key=lambda b: b.sources[0])
        keyed.append(group[0])
        if len(group) > 1:
            renamed = [
                dataclasses.replace(b, key=conflict_key(key, b.content_hash)) for b in group[1:]
            ]
            keyed.extend(renamed)
            conflicts.append(
                Conflict(
                    number_key=key,
                    keys=(key, *(b.key for b in renamed)),
                    sources=tuple(b.sources[0] for b in group),
                )
            )
    return keyed, conflicts


def _newest_first(bulletin: Bulletin):
    """Sort key: dated bulletins newest first (higher number first on the same day), then
    undated ones by title."""
    if bulletin.date is None:
        return (1, 0, 0, bulletin.title.casefold())
    number = int(bulletin.number.split("/")[0]) if bulletin.number else 0
    return (0, -bulletin.date.toordinal(), -number, bulletin.title.casefold())
