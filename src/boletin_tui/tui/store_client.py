"""One thread for every database call: TinyDB is not thread-safe, so nothing else touches it.

`StoreClient(store)` runs store calls on a single thread in the order they were asked for.
Each method returns a `concurrent.futures.Future`: a worker thread may wait on it with
`.result()`, the event loop with `await asyncio.wrap_future(...)` (never `.result()`, which
would freeze the interface). Textual never appears here. `close()` waits for pending writes
and closes the store.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from boletin_tui.store import Annotation, AnnotationStore
from boletin_tui.workspace import Stored, Write


class StoreClient:
    def __init__(self, store: AnnotationStore) -> None:
        self._store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="boletin-store")
        self._closed = False

    def write(self, write: Write) -> Future[Stored]:
        """Make `write` on the store thread; the future holds the record now stored and
        whether a note save found the note changed underneath (`Stored.conflict`)."""
        return self._pool.submit(write.run, self._store)

    def changed(self) -> Future[bool]:
        """Whether the database file changed on disk since the store last read or wrote it."""
        return self._pool.submit(self._store.changed)

    def own_files(self) -> tuple[Path, Path]:
        """The database and its lock file (no I/O): exports must not replace them."""
        return self._store.own_files()

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
