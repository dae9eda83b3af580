"""Messages the app's workers post back to the interface thread."""

from __future__ import annotations

from textual.message import Message


class LoadProgress(Message):
    """`done` of `total` files read; frequent, so a newer one replaces an unprocessed one."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


class CorpusLoaded(Message):
    def __init__(self, corpus) -> None:
        super().__init__()
        self.corpus = corpus


class IndexReady(Message):
    def __init__(self, index) -> None:
        super().__init__()
        self.index = index


class AnnotationSaved(Message):
    """A write finished: `annotation` is the record now stored (None when it was deleted);
    `note` is the note text that was sent, when the write was a note."""

    def __init__(self, key: str, annotation, note: str | None = None) -> None:
        super().__init__()
        self.key, self.annotation, self.note = key, annotation, note
