"""`SearchIndex`: the search the app used before the corpus database, as an adapter over it.

Kept only until the app reads the corpus database directly (`boletin_tui.corpusdb.CorpusDB`,
whose `search` and `set_annotation_terms` this forwards to). `SearchIndex(bulletins)` indexes
the given bulletins in a private in-memory database; `load_or_build` reuses the on-disk corpus
database that `corpus.load_corpus` just filled when it holds exactly these bulletins. Results
come in the order the bulletins were given.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from boletin_tui.corpusdb import CorpusDB
from boletin_tui.corpusdb.sync import insert_bulletin

if TYPE_CHECKING:
    from boletin_tui.corpus.model import Bulletin


class SearchIndex:
    """Searchable view of a list of bulletins plus their (changing) annotations."""

    def __init__(self, bulletins: Iterable[Bulletin], db: CorpusDB | None = None) -> None:
        if db is None:
            db = CorpusDB.open([], memory=True)
            conn = db._conn
            conn.execute("BEGIN")
            for pos, b in enumerate(bulletins):
                if insert_bulletin(conn, b):
                    conn.execute(
                        "UPDATE bulletins SET key = ?, undated = 0, neg_day = ?, neg_num = 0"
                        " WHERE hash = ?",
                        (b.key, pos, b.content_hash),
                    )
            conn.execute("COMMIT")
            db._version = None
        self.db = db
        self._size = db.count()

    def set_annotation(self, key: str, tags: Sequence[str], note: str) -> None:
        """Index `tags` and `note` for the bulletin `key`, replacing what it had before."""
        self.db.set_annotation_terms(key, tags, note)

    def search(self, query: str) -> list[str]:
        """Keys of the bulletins matching `query`, in the original order; all keys if empty."""
        return self.db.search(query)

    def __len__(self) -> int:
        return self._size


def load_or_build(
    bulletins: Sequence[Bulletin],
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
) -> SearchIndex:
    """The index for `bulletins`: the corpus database `load_corpus` filled for them when there
    is one holding exactly them in this order, else a private one built now."""
    from boletin_tui.corpusdb.db import recent_database

    if use_cache:
        db = recent_database([b.key for b in bulletins])
        if db is not None:
            return SearchIndex((), db)
    return SearchIndex(bulletins)
