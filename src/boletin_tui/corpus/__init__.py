"""Files to `Bulletin` records: decoding, parsing, Spanish dates, finding and loading files.

The records (`corpus.model`) are imported with the package; the parser, the file walk and the
loader are imported when first named (`from boletin_tui.corpus import load_corpus`), so that
code needing only the records (the app's first screen) does not load them (issue 11).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boletin_tui.corpus.model import Block, Bulletin, Conflict, Corpus, Link, Outline, Skipped
from boletin_tui.lazy import lazy_names

if TYPE_CHECKING:
    from boletin_tui.corpus.files import find_files, parse_file
    from boletin_tui.corpus.keys import normalise_key
    from boletin_tui.corpus.load import load_corpus, sample_corpus_path
    from boletin_tui.corpus.parse import parse_or_skip, parse_text
    from boletin_tui.corpus.tracker import prepare_parallel_parsing

# Name -> the submodule defining it, imported on first use (PEP 562).
_LAZY = {
    "find_files": "files",
    "parse_file": "files",
    "normalise_key": "keys",
    "load_corpus": "load",
    "sample_corpus_path": "load",
    "prepare_parallel_parsing": "tracker",
    "parse_or_skip": "parse",
    "parse_text": "parse",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "Block",
    "Bulletin",
    "Conflict",
    "Corpus",
    "Link",
    "Outline",
    "Skipped",
    "find_files",
    "load_corpus",
    "normalise_key",
    "parse_file",
    "prepare_parallel_parsing",
    "parse_or_skip",
    "parse_text",
    "sample_corpus_path",
]
