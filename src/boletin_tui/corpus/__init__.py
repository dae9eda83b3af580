"""Files to `Bulletin` records: decoding, parsing, Spanish dates, loading and caching."""

from boletin_tui.corpus.keys import is_numbered, normalise_key
from boletin_tui.corpus.load import (
    find_files, load_corpus, parse_file, prepare_parallel_parsing, sample_corpus_path,
)
from boletin_tui.corpus.model import Block, Bulletin, Conflict, Corpus, Link, Skipped
from boletin_tui.corpus.parse import parse_or_skip, parse_text

__all__ = [
    "Block", "Bulletin", "Conflict", "Corpus", "Link", "Skipped", "find_files", "is_numbered",
    "load_corpus", "normalise_key", "parse_file", "prepare_parallel_parsing", "parse_or_skip", "parse_text",
    "sample_corpus_path",
]
