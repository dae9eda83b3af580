"""The TinyDB `Table` the store uses: TinyDB's own, with one measured shortcut.

TinyDB's `Table._update_table` (behind `insert`, `insert_multiple`, `update` and `remove`)
copies the whole table into a new dict with integer keys before every change and back into a
dict with string keys after it. At 10,000 documents that is 12 to 17 ms per call (measured
with cProfile on `benchmarks/store_bench.py`'s database: `add_tags` went from 20-32 ms to
56-81 ms median with orjson), more than serialising and fsyncing the file. `IdView` gives the
updater the same `{int: document}` mapping as a view over the stored dict, so a change costs
what it touches. Likewise `Table.all()` copies every document into a `Document` (33 ms at
10,000, a third of `AnnotationStore.all()`); `stored()` hands out the stored dicts for the
caller to read. Every document an updater reads, sets or deletes through `IdView` is reported
to the storage (`mark_dirty`), which journals exactly those documents (`store.journal`): an
in-place update (TinyDB's `update`) reads the document before changing it. This is the only
place the store reaches below TinyDB's public API; it relies on tinydb 4.x's `_update_table`
(the updater receives a mutable mapping of document ids to documents) and `_read_table`
(the stored `{str id: document}` dict).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from tinydb.table import Table


class IdView(MutableMapping[int, Any]):
    """`{int doc id: document}` over TinyDB's stored `{str doc id: document}` dict."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.touched: set[str] = set()  # ids read, set or deleted: maybe changed

    def __getitem__(self, doc_id: int) -> Any:
        self.touched.add(str(doc_id))
        return self.raw[str(doc_id)]

    def __setitem__(self, doc_id: int, document: Any) -> None:
        self.touched.add(str(doc_id))
        self.raw[str(doc_id)] = document

    def __delitem__(self, doc_id: int) -> None:
        self.touched.add(str(doc_id))
        del self.raw[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(doc_id) for doc_id in self.raw)

    def __len__(self) -> int:
        return len(self.raw)


class StoreTable(Table):
    """A TinyDB `Table` whose changes touch only the documents they name (see above)."""

    def stored(self) -> dict[str, dict[str, Any]]:
        """The stored `{str doc id: document}` dict, not copied: read it, never change it."""
        return self._read_table()  # type: ignore[return-value]

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read() or {}
        raw = tables.setdefault(self.name, {})
        view = IdView(raw)
        try:
            updater(view)  # type: ignore[arg-type]
        finally:
            for doc_id in view.touched:
                self._storage.mark_dirty(self.name, doc_id)  # type: ignore[attr-defined]
        self._storage.write(tables)
        self.clear_cache()
