"""Accent- and case-insensitive search over bulletins, their tags and notes.

The query language (`SYNTAX_HELP`, parsed by `parse` into a tree) is run as SQLite FTS5 over
the corpus database (`boletin_tui.corpusdb.CorpusDB.search`, compiled by `search.fts`).
"""

from boletin_tui.search.fold import fold, tokens
from boletin_tui.search.query import SYNTAX_HELP, Query, parse

__all__ = ["SYNTAX_HELP", "Query", "fold", "parse", "tokens"]
