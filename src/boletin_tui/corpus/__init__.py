"""Files to `Bulletin` records: decoding, parsing, Spanish dates, finding and loading files."""

from boletin_tui.corpus.files import find_files, parse_file
from boletin_tui.corpus.keys import normalise_key
from boletin_tui.corpus.load import load_corpus, sample_corpus_path
from boletin_tui.corpus.model import Block, Bulletin, Conflict, Corpus, Link, Outline, Skipped
from boletin_tui.corpus.parallel import prepare_parallel_parsing
from boletin_tui.corpus.parse import parse_or_skip, parse_text

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
