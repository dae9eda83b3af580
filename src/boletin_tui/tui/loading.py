"""The body of the loading worker: a plain function the app runs in a thread.

`open_corpus` opens the corpus database of the paths and, when it holds bulletins (a warm
launch), reads their view at once (`CorpusView`: keys and months only); `make_app` runs it in
a thread of its own (`start_opening`) while the annotations load and Textual starts, and
`on_mount` takes the result (`opened`; issue 11).
`load_in_steps` posts that view first (`CorpusLoaded`): posted as the worker starts, it is
handled before the first frame, which then shows the list and its count rather than a
"loading" frame drawn for nothing (issue 11). It then brings the database in step with the
files (`sync_corpus`), posting `LoadProgress` as files are read, a newer view now and then
while they are (changes shown as they arrive), and the final view. Nothing here touches
widgets.
"""

from __future__ import annotations

import gc
import importlib
import os
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path

from textual.message import Message

from boletin_tui.corpusdb import CorpusDB, SyncReport
from boletin_tui.corpusdb.view import CorpusView
from boletin_tui.tui.messages import CorpusLoaded, LoadProgress

AFTER_FIRST_LIST = (
    "boletin_tui.entities.recognise",
    "boletin_tui.corpusdb.searching",
    "boletin_tui.search.hits",
)
LOAD_FAILED = "No se pudieron cargar los boletines"
INDEX_FAILED = "La búsqueda no está disponible"
REFRESH_EVERY = 1.0  # seconds between views posted while files are read...
REFRESH_FROM = 500  # ...when at least this many files are (a few files: one list at the end)


# The view read by `open_corpus`, until `load_in_steps` posts it.
_READ_AT_OPEN: weakref.WeakKeyDictionary[CorpusDB, CorpusView] = weakref.WeakKeyDictionary()


def keep_out_of_gc() -> None:
    """Move what exists now (long-lived: the views, the rows) out of the collector's reach,
    so that full collections do not walk them again on random key presses."""
    gc.freeze()


def open_corpus(
    paths: Sequence[Path], cache_dir: str | os.PathLike[str] | None, use_cache: bool
) -> CorpusDB:
    """The corpus database of `paths` (in memory with `use_cache` False: nothing kept), with
    the view of what it holds read now when it holds anything (see the module)."""
    db = CorpusDB.open(paths, cache_dir, memory=not use_cache)
    view = CorpusView.read(db)  # empty for a new database: no `count()`, a scan of its own
    if len(view):
        view.skipped = list(db.problems())
        view.positions()  # made now, off the interface thread (issue 11)
        _READ_AT_OPEN[db] = view
    return db


def start_opening(
    paths: Sequence[Path], cache_dir: str | os.PathLike[str] | None, use_cache: bool
) -> Future[CorpusDB]:
    """`open_corpus` in a thread of its own, started now (issue 11: `make_app` starts it
    before the app runs, so that the database's reads, which SQLite does without holding
    the interpreter lock, go on while Textual starts; `on_mount` waits for it)."""
    future: Future[CorpusDB] = Future()

    def run() -> None:
        try:
            future.set_result(open_corpus(paths, cache_dir, use_cache))
        except BaseException as exc:  # noqa: BLE001 - raised again by `opened`
            future.set_exception(exc)

    threading.Thread(target=run, name="open-corpus", daemon=True).start()
    return future


def opened(
    opening: Future[CorpusDB] | None,
    paths: Sequence[Path],
    cache_dir: str | os.PathLike[str] | None,
    use_cache: bool,
) -> CorpusDB:
    """The database `opening` (see `start_opening`) opened, or, without one, `open_corpus`
    now; raises what opening it raised."""
    return opening.result() if opening is not None else open_corpus(paths, cache_dir, use_cache)


def sync_corpus(db: CorpusDB, progress: Callable[[int, int], None]) -> SyncReport:
    """`db.sync(progress)`: a seam the tests hold back to see the app before it ends."""
    return db.sync(progress)


FIRST_FRAME_WAIT = 2.0  # seconds the work below waits for the first list to be drawn


def load_in_steps(
    db: CorpusDB, post: Callable[[Message], object], drawn: threading.Event | None = None
) -> None:
    """Show what `db` holds, then bring it in step with the files, posting through `post`
    (thread-safe) each step. With a first list posted, the rest waits until `drawn` is set
    (the app sets it once that list is on screen; at most `FIRST_FRAME_WAIT` seconds): the
    imports and the walk over every file would otherwise hold the interpreter's lock while
    the first frame is being drawn (at 100,000 files, the walk takes most of a second)."""
    # A warm launch shows at once what the last one stored, unverified: the sync that
    # follows walks and `stat`s every file and shows what was added, removed or changed.
    first = _READ_AT_OPEN.pop(db, None)
    if first is None and db.count():  # a database not opened by `open_corpus`
        first = CorpusView.read(db, db.problems())
    if first is not None:
        post(CorpusLoaded(first))
        if drawn is not None:
            drawn.wait(FIRST_FRAME_WAIT)
    # Here, off the interface thread, once the first list is on its way: the entity recogniser
    # (~70 ms: large regular expressions) and the search's query compiler, which the first
    # screen does not need (issue 11; `tests/unit/test_lazy_imports.py` keeps them out of it).
    for module in AFTER_FIRST_LIST:
        importlib.import_module(module)
    db.prepare_search()  # each bulletin's place, for the first search (~20 ms at 100,000)
    last = time.monotonic()
    # A database in memory (`--no-cache`) is synced holding its one connection: a view shown
    # meanwhile would wait for it to draw its rows. Only the final one, then.
    refresh = os.fspath(db.path) != ":memory:"

    def progress(done: int, total: int) -> None:
        nonlocal last
        post(LoadProgress(done, total))
        if refresh and total >= REFRESH_FROM and time.monotonic() - last >= REFRESH_EVERY:
            post(CorpusLoaded(CorpusView.read(db, db.problems())))
            last = time.monotonic()

    report = sync_corpus(db, progress)
    post(CorpusLoaded(CorpusView.read(db, report.problems + db.problems(), complete=True)))
