"""Messages the app's workers post back to the interface thread."""

from __future__ import annotations

from textual.message import Message

from boletin_tui.corpusdb.view import CorpusView
from boletin_tui.store import Annotation
from boletin_tui.workspace import Write


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


class AnnotationSaved(Message):
    """The store made `write` and now holds `annotation` (None when it was deleted)."""

    def __init__(self, write: Write, annotation: Annotation | None) -> None:
        super().__init__()
        self.write, self.annotation = write, annotation


class AnnotationFailed(Message):
    """The store refused `write` with `error`."""

    def __init__(self, write: Write, error: Exception) -> None:
        super().__init__()
        self.write, self.error = write, error
