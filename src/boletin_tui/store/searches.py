"""Saved searches, kept in the annotation database (TinyDB table `searches`).

Each saved search is `{"name", "query", "created"}` under a document id derived from its
name folded (case and surrounding spaces ignored), so the same name always lands on the same
document, in every copy of the database: saving a name again replaces its query. Writes go
through the store's transaction (locked, atomic, one write). Listed by name.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from boletin_tui.store.db import AnnotationStore
from boletin_tui.store.model import clean_text, now_iso

TABLE = "searches"
MAX_NAME = 80


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str
    created: str = ""


def search_id(name: str) -> int:
    """The document id for `name`: 48 bits of the SHA-1 of the folded name."""
    folded = " ".join(name.split()).casefold()
    return int(hashlib.sha1(folded.encode("utf-8")).hexdigest()[:12], 16)


def _table(store: AnnotationStore) -> Any:
    return store._db.table(TABLE, cache_size=0)


def list_searches(store: AnnotationStore) -> list[SavedSearch]:
    """Every saved search, by name (case-insensitive)."""
    with store._mutex:
        raw = _table(store).stored().values()
        found = [
            SavedSearch(str(d.get("name", "")), str(d.get("query", "")), str(d.get("created", "")))
            for d in raw
            if isinstance(d.get("name"), str) and isinstance(d.get("query"), str)
        ]
    return sorted(found, key=lambda s: s.name.casefold())


def save_search(store: AnnotationStore, name: str, query: str) -> SavedSearch:
    """Save `query` under `name` (replacing a search of the same name). Raises `ValueError`
    for an empty name or query, and what the store raises when it cannot write."""
    name = " ".join(clean_text(name).split())[:MAX_NAME]
    query = clean_text(query).strip()
    if not name or not query:
        raise ValueError("la búsqueda necesita un nombre y una consulta")
    doc_id = search_id(name)
    saved = SavedSearch(name, query, now_iso())
    document = {"name": saved.name, "query": saved.query, "created": saved.created}
    with store._mutex, store._storage.transaction():
        table = _table(store)

        def put(docs: Any) -> None:
            docs[doc_id] = document

        table._update_table(put)
        store._storage.mark_dirty(TABLE, doc_id)
    return saved


def delete_search(store: AnnotationStore, name: str) -> bool:
    """Forget the search called `name`; False when there was none."""
    doc_id = search_id(name)
    with store._mutex, store._storage.transaction():
        table = _table(store)
        if table.get(doc_id=doc_id) is None:
            return False
        table.remove(doc_ids=[doc_id])
        store._storage.mark_dirty(TABLE, doc_id)
    return True
