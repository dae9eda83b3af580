"""Files and folders to a `Corpus`: through the corpus database, or parsed directly.

With the cache on (the default), `load_corpus` brings the corpus database of these paths
(`boletin_tui.corpusdb`) in step with the files and reads the corpus from it (the app reads
the database itself, a page at a time: `corpusdb.view`). With the cache off, every file is
parsed here and nothing is stored. Either way the same rules apply: one bulletin per content
(duplicates merged), the plain key of a number to the bulletin `keys.assign_keys` picks, newest
first. Nothing here raises for bad input: every file gives a bulletin or a `Skipped`.
"""

from __future__ import annotations

import dataclasses
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from boletin_tui.corpus import parallel
from boletin_tui.corpus.files import find_files
from boletin_tui.corpus.keys import assign_keys
from boletin_tui.corpus.model import Bulletin, Conflict, Corpus, Skipped

Progress = Callable[[int, int], None]


def sample_corpus_path() -> Path:
    """The folder of bundled sample bulletins shipped inside the package."""
    return Path(str(resources.files("boletin_tui.corpus") / "sample"))


def load_corpus(
    paths: Iterable[os.PathLike[str] | str],
    *,
    cache_dir: os.PathLike[str] | str | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> Corpus:
    """Every bulletin under `paths` as a `Corpus`, newest first, undated last.

    `progress(done, total)` is called now and then while files are read.
    """
    paths = list(paths)
    if not use_cache:
        return _parse_corpus(paths, progress)
    from boletin_tui.corpusdb import CorpusDB

    db = CorpusDB.open(paths, cache_dir)
    try:
        report = db.sync(progress)
        return Corpus(
            bulletins=db.bulletins(),
            skipped=report.problems + db.problems(),
            conflicts=db.conflicts(),
            duplicates=db.duplicates(),
        )
    finally:
        db.close()


def _parse_corpus(paths: list[os.PathLike[str] | str], progress: Progress | None) -> Corpus:
    files, skipped = find_files(paths)
    if progress and files:
        progress(0, len(files))
    results = list(parallel.parse_many(files, progress))
    bulletins = [r for r in results if isinstance(r, Bulletin)]
    skipped.extend(r for r in results if isinstance(r, Skipped))
    merged, duplicates = _merge_duplicates(bulletins)
    keyed, conflicts = _resolve_conflicts(merged)
    keyed.sort(key=_newest_first)
    final = {b.sources: b.key for b in keyed}
    duplicates = sorted((final[sources], sources) for _, sources in duplicates)
    return Corpus(bulletins=keyed, skipped=skipped, conflicts=conflicts, duplicates=duplicates)


def _merge_duplicates(
    bulletins: list[Bulletin],
) -> tuple[list[Bulletin], list[tuple[str, tuple[str, ...]]]]:
    """The same content in several files is one bulletin with several sources."""
    by_hash: dict[str, list[Bulletin]] = defaultdict(list)
    for bulletin in bulletins:
        by_hash[bulletin.content_hash].append(bulletin)
    merged, duplicates = [], []
    for group in by_hash.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        sources = tuple(sorted(s for b in group for s in b.sources))
        merged.append(dataclasses.replace(group[0], sources=sources))
        duplicates.append((group[0].key, sources))
    return merged, duplicates


def _resolve_conflicts(bulletins: list[Bulletin]) -> tuple[list[Bulletin], list[Conflict]]:
    """Different bulletins with the same number: `assign_keys` picks who keeps the key."""
    by_key: dict[str, list[Bulletin]] = defaultdict(list)
    for bulletin in bulletins:
        by_key[bulletin.key].append(bulletin)
    keyed, conflicts = [], []
    for key, group in by_key.items():
        keys = assign_keys(key, [(b.date, b.content_hash) for b in group])
        renamed = [dataclasses.replace(b, key=k) for b, k in zip(group, keys, strict=True)]
        keyed.extend(renamed)
        if len(group) > 1:
            renamed.sort(key=lambda b: (b.key != key, b.key))
            conflicts.append(
                Conflict(
                    number_key=key,
                    keys=tuple(b.key for b in renamed),
                    sources=tuple(b.sources[0] for b in renamed),
                )
            )
    conflicts.sort(key=lambda c: c.number_key)
    return keyed, conflicts


def _newest_first(bulletin: Bulletin) -> tuple[int, int, int, str, str]:
    """Sort key: dated bulletins newest first (higher number first on the same day), then
    undated ones by title; content hash last, so that the order never depends on the files'."""
    if bulletin.date is None:
        return (1, 0, 0, bulletin.title.casefold(), bulletin.content_hash)
    head = bulletin.number.split("/")[0] if bulletin.number else ""
    number = int(head) if head.isdigit() else 0
    return (
        0,
        -bulletin.date.toordinal(),
        -number,
        bulletin.title.casefold(),
        bulletin.content_hash,
    )
