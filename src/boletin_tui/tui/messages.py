"""Messages the app's workers post back to the interface thread."""

from __future__ import annotations

from textual.message import Message

from boletin_tui.corpusdb.view import CorpusView
from boletin_tui.store import Annotation


class AnnotationsChanged(Message):
    """The database file changed on disk (another process wrote it): its records now."""

    def __init__(self, annotations: list[Annotation]) -> None:
        super().__init__()
        self.annotations = annotations


class LoadProgress(Message):
    """`done` of `total` files read; frequent, so a newer one replaces an unprocessed one."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


class CorpusLoaded(Message):
    """A view of the corpus database: what it held at launch, then while files are read
    (`corpus.complete` False), then once every file was checked (`complete` True)."""

    def __init__(self, corpus: CorpusView) -> None:
        super().__init__()
        self.corpus = corpus
