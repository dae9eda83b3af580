"""Accent- and case-insensitive search over bulletins, their tags and notes.

Pure Python, no interface code: `SearchIndex(bulletins)` builds a word index once (a worker
thread is a good place), `set_annotation(key, tags, note)` keeps it current, and
`search(query)` answers a keystroke in about a millisecond; `load_or_build` reuses an index
saved beside the parse cache. `SYNTAX_HELP` describes the query
syntax in Spanish for the help screen.
"""

from boletin_tui.search.fold import fold, tokens
from boletin_tui.search.index import SearchIndex
from boletin_tui.search.persist import load_or_build
from boletin_tui.search.query import SYNTAX_HELP, Query, parse

__all__ = [
    "SYNTAX_HELP",
    "Query",
    "SearchIndex",
    "fold",
    "load_or_build",
    "parse",
    "tokens",
]
