"""Accent- and case-insensitive search over bulletins, their tags and notes.

The query language (`SYNTAX_HELP`, parsed by `parse` into a tree) is run as SQLite FTS5 over
the corpus database (`boletin_tui.corpusdb.CorpusDB.search`, compiled by `search.fts`).
`SearchIndex` / `load_or_build` are the adapter the app uses until it reads the database
directly.
"""

from typing import TYPE_CHECKING

from boletin_tui.search.fold import fold, tokens
from boletin_tui.search.query import SYNTAX_HELP, Query, parse

if TYPE_CHECKING:
    from boletin_tui.search.index import SearchIndex, load_or_build


def __getattr__(name: str) -> object:
    # Lazy: the adapter imports the corpus database, which imports this package.
    if name in ("SearchIndex", "load_or_build"):
        from boletin_tui.search import index

        return getattr(index, name)
    raise AttributeError(name)


__all__ = ["SYNTAX_HELP", "Query", "SearchIndex", "fold", "load_or_build", "parse", "tokens"]
