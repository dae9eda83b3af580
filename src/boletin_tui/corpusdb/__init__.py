"""The corpus database: bulletins, texts and full-text search in one SQLite file (FTS5).

See `db.CorpusDB`. Pure Python, no interface code.
"""

from boletin_tui.corpusdb.db import CorpusDB
from boletin_tui.corpusdb.report import SyncReport
from boletin_tui.corpusdb.schema import db_path, default_cache_dir

__all__ = ["CorpusDB", "SyncReport", "db_path", "default_cache_dir"]
