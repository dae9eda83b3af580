"""Accent- and case-insensitive search over bulletins, their tags and notes.

The query language (`SYNTAX_HELP`, parsed by `parse` into a tree) is run as SQLite FTS5 over
the corpus database (`boletin_tui.corpusdb.CorpusDB.search`, compiled by `search.fts`).
`fold` and `tokens` come with the package; the query parser is imported when first named.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from boletin_tui.search.fold import fold, tokens

if TYPE_CHECKING:
    from boletin_tui.search.query import SYNTAX_HELP, Query, parse

_LAZY = {"SYNTAX_HELP": "query", "Query": "query", "parse": "query"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = ["SYNTAX_HELP", "Query", "fold", "parse", "tokens"]
