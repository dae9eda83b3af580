"""One thread for every database call: TinyDB is not thread-safe, so nothing else touches it.

`StoreClient(store)` runs store methods on a single worker thread in the order they were asked
for (`submit` returns a `Future`). Textual never appears here; the app wraps the waits in its
own workers. `close()` waits for pending writes and closes the store.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class StoreClient:
    def __init__(self, store: Any) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="boletin-store")
        self._closed = False

    @property
    def path(self):
        return getattr(self.store, "path", None)

    def submit(self, method: str, *args: Any) -> Future:
        """Call `store.<method>(*args)` on the store thread."""
        return self._pool.submit(getattr(self.store, method), *args)

    def run(self, fn, *args: Any) -> Future:
        """Call `fn(store, *args)` on the store thread (for reads that need several calls)."""
        return self._pool.submit(fn, self.store, *args)

    def close(self) -> None:
        """Finish pending writes, then close the store; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._pool.shutdown(wait=True)
        self.store.close()
