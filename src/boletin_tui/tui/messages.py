"""Messages the app's workers post back to the interface thread."""

from __future__ import annotations

from textual.message import Message

from boletin_tui.corpus import Corpus
from boletin_tui.search import SearchIndex
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
    """A corpus (or, on a warm launch, its outline: `corpus.complete` is False) is read."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus


class IndexReady(Message):
    def __init__(self, index: SearchIndex) -> None:
        super().__init__()
        self.index = index


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
