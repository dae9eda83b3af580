"""`make_app`: the app on its corpus and annotation database, opened and read before any
screen (the CLI's `boletin-tui` and the tests build it this way)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path

from boletin_tui.corpusdb import CorpusDB
from boletin_tui.store import AnnotationStore
from boletin_tui.tui.app import BoletinApp
from boletin_tui.tui.loading import start_opening
from boletin_tui.tui.resume import header_text
from boletin_tui.tui.resume import start as resume_start
from boletin_tui.tui.store_client import StoreClient


def make_app(
    paths: Sequence[str | os.PathLike[str]],
    db_path: str | os.PathLike[str],
    annotator: str | None = None,
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    keymap: Mapping[str, str] | None = None,
    theme: str | None = None,
    config_problems: Sequence[str] = (),
) -> BoletinApp:
    """The app on `paths` (the bundled sample when empty) with the database at `db_path`;
    `keymap` maps action ids to keys, `theme` names a theme, and `config_problems` are lines
    to show at launch (all from `config.toml`, see `boletin_tui.config`).

    The database is opened and read here, before any screen: raises `StoreError`
    (`CorruptDatabase`, `StoreBusy`) when it cannot be used.
    """
    from boletin_tui.corpus import prepare_parallel_parsing, sample_corpus_path
    from boletin_tui.corpusdb.schema import db_path as corpus_db_path

    begin = resume_start([Path(p) for p in paths], db_path)  # reader2: where we left off
    corpus_paths = begin.paths or [sample_corpus_path()]
    if not use_cache or not corpus_db_path(corpus_paths, cache_dir).exists():
        # A cold load parses in worker processes: start multiprocessing's resource tracker
        # now, before Textual replaces sys.stderr. A warm launch skips it (a process start,
        # ~20 ms of the launch, issue 11); the few files changed since are parsed in-process.
        prepare_parallel_parsing()
    # issue 11: the corpus database is read while the annotations are and while Textual
    # starts (see `loading.start_opening`); `on_mount` takes it.
    opening = start_opening(corpus_paths, cache_dir, use_cache)
    try:
        store = AnnotationStore(db_path, annotator)
    except BaseException:
        opening.add_done_callback(_close_opened)
        raise
    try:
        annotations = store.all()
        read_keys = store.read_keys(store.annotator)  # issue 15
    except BaseException:
        store.close()
        opening.add_done_callback(_close_opened)
        raise
    app = BoletinApp(
        corpus_paths,
        begin.label,
        StoreClient(store),
        annotations,
        cache_dir=cache_dir,
        use_cache=use_cache,
        keymap=keymap,
        theme=theme,
        config_problems=config_problems,
        read_keys=read_keys,
    )
    app.db_path, app.corpus_paths = Path(db_path), begin.paths
    app.opening = opening
    app.start_bulletin, app.resumed = begin.bulletin, begin.resumed
    app.sub_title = header_text(begin.label, app.db_path, resumed=begin.resumed)
    return app


def _close_opened(opening: Future[CorpusDB]) -> None:
    """Close the corpus database `opening` opened, for an app that will not run."""
    if opening.exception() is None:
        opening.result().close()
