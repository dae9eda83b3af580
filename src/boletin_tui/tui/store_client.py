"""One thread for every database call: TinyDB is not thread-safe, so nothing else touches it.

`StoreClient(store)` runs store calls on a single thread in the order they were asked for.
Each method returns a `concurrent.futures.Future`: a worker thread may wait on it with
`.result()`, the event loop with `await asyncio.wrap_future(...)` (never `.result()`, which
would freeze the interface). Textual never appears here. Writes go through `history` (an
`undo.History` over the store, living on the store thread): each change the store makes is
recorded for undo, and `Write`s of op `undo`/`redo` walk it. `close()` waits for pending writes
and closes the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from boletin_tui.reading import ReadWrite
from boletin_tui.store import Annotation, AnnotationStore
from boletin_tui.undo import History
from boletin_tui.workspace import Stored, Write

T = TypeVar("T")


class WriteDiscarded(Exception):
    """A write the user discarded before the store thread reached it."""


class StoreClient:
    def __init__(self, store: AnnotationStore) -> None:
        self._store = store
        self.history = History(store)  # used on the store thread only
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="boletin-store")
        self._closed = False
        self._discarded: set[int] = set()  # ids of writes the user discarded

    def write(self, write: Write) -> Future[Stored]:
        """Make `write` on the store thread; the future holds the record now stored and
        whether a note save found the note changed underneath (`Stored.conflict`)."""
        return self._pool.submit(self._run, write)

    def discard(self, writes: Iterable[Write]) -> None:
        """The user discarded `writes`: those not started on the store thread are not made
        (their futures raise `WriteDiscarded`)."""
        self._discarded.update(id(w) for w in writes)

    def _run(self, write: Write) -> Stored:
        if id(write) in self._discarded:
            raise WriteDiscarded("descartado")
        return write.run(self.history)

    def changed(self) -> Future[bool]:
        """Whether the database file changed on disk since the store last read or wrote it."""
        return self._pool.submit(self._store.changed)

    def own_files(self) -> tuple[Path, Path]:
        """The database and its lock file (no I/O): exports must not replace them."""
        return self._store.own_files()

    def notices(self) -> list[str]:
        """Lines about journals the store kept aside so far (no I/O; see `store.journal`)."""
        return self._store.notices()

    def call(self, function: Callable[[AnnotationStore], T]) -> Future[T]:
        """Run `function(store)` on the store thread (batch writes, saved searches)."""
        return self._pool.submit(function, self._store)

    def write_reads(self, write: ReadWrite) -> Future[set[str]]:
        """Write read marks (issue 15) on the store thread, in one durable write."""
        return self._pool.submit(write.apply, self._store)

    @property
    def path(self) -> Path:
        """The database file's path, as given."""
        return self._store.path

    def all(self) -> Future[list[Annotation]]:
        """Every annotation in the database, read on the store thread."""
        return self._pool.submit(self._store.all)

    def close(self) -> None:
        """Finish pending writes, then close the store; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._pool.shutdown(wait=True)
        self._store.close()
