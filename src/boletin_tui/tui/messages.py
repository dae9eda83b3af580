"""Messages the app's workers post back to the interface thread."""

from __future__ import annotations

from textual.message import Message

from boletin_tui.corpus import Corpus
from boletin_tui.search import SearchIndex
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
    """A corpus (or, on a warm launch, its outline: `corpus.complete` is False) is read."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus


class IndexReady(Message):
    def __init__(self, index: SearchIndex) -> None:
        super().__init__()
        self.index = index
