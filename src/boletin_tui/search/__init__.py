"""Accent- and case-insensitive search over bulletins, their tags and notes.

The query language (`SYNTAX_HELP`, parsed by `parse` into a tree) is run as SQLite FTS5 over
the corpus database (`boletin_tui.corpusdb.CorpusDB.search`, compiled by `search.fts`).
`fold` and `tokens` come with the package; the query parser is imported when first named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boletin_tui.lazy import lazy_names
from boletin_tui.search.fold import fold, tokens

if TYPE_CHECKING:
    from boletin_tui.search.query import SYNTAX_HELP, Query, parse

_LAZY = {"SYNTAX_HELP": "query", "Query": "query", "parse": "query"}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = ["SYNTAX_HELP", "Query", "fold", "parse", "tokens"]
