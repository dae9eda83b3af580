"""The app's state and its rules, without Textual: one object the interface asks and tells.

A `Workspace` holds the corpus (or, on a warm launch, its outline), the bulletins by key, the
annotations by key, the tags by use and the search index, and keeps everything derived from
them consistent. Every change to an annotation goes through it in two steps:

1. `add_tags(key, tags)`, `remove_tag(key, tag)` or `set_note(key, text)` return a `Write`:
   what the store must do. The interface runs it on the store thread (`Write.apply`).
2. `saved(write, stored)` takes the record the store now holds and returns a `Change`: what
   the interface must redraw. `failed(write, error)` is told when the store refused.

Between the two, a write is pending (`pending`). Later features hook in here: an undo history
records each `Write` and its `Change` in `saved`; unsaved writes are kept and retried from
`failed`; read marks are a third kind of record beside annotations.

The corpus and the search index are used through two narrow interfaces, `CorpusView` and
`SearchBackend`, so that they can be replaced (by SQLite, say) without touching the app:
the workspace only calls `corpus.bulletins`, `corpus.skipped`, `corpus.complete`,
`corpus.by_key()`, `index.search(query) -> list[str]` and
`index.set_annotation(key, tags, note)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from boletin_tui.corpus import Bulletin, Outline, read_full
from boletin_tui.store import Annotation, tags_by_use


class CorpusView(Protocol):
    """What the workspace reads of a corpus (see `boletin_tui.corpus.Corpus`)."""

    @property
    def bulletins(self) -> Sequence[Bulletin]: ...
    @property
    def skipped(self) -> Sequence[object]: ...
    @property
    def complete(self) -> bool: ...
    def by_key(self) -> dict[str, Bulletin]: ...


class SearchBackend(Protocol):
    """What the workspace needs of a search index (see `boletin_tui.search.SearchIndex`)."""

    def search(self, query: str) -> list[str]: ...
    def set_annotation(self, key: str, tags: Sequence[str], note: str) -> None: ...


class AnnotationWriter(Protocol):
    """The store methods a `Write` calls (see `boletin_tui.store.AnnotationStore`)."""

    def add_tags(self, key: str, tags: Iterable[str]) -> Annotation: ...
    def remove_tags(self, key: str, tags: Iterable[str]) -> Annotation | None: ...
    def set_note(self, key: str, text: str) -> Annotation: ...


Operation = Literal["add_tags", "remove_tags", "set_note"]


@dataclass(frozen=True, slots=True)
class Write:
    """One change the store must make to the annotation of `key`."""

    op: Operation
    key: str
    tags: tuple[str, ...] = ()
    note: str = ""

    def apply(self, store: AnnotationWriter) -> Annotation | None:
        """Make the change in `store` (blocking; on the store thread) and return the record
        now stored, or None when the annotation was removed. Raises what the store raises."""
        if self.op == "add_tags":
            return store.add_tags(self.key, self.tags)
        if self.op == "remove_tags":
            return store.remove_tags(self.key, self.tags)
        return store.set_note(self.key, self.note)


@dataclass(frozen=True, slots=True)
class Change:
    """What a saved write changed, for the interface to redraw."""

    key: str
    annotation: Annotation | None  # the record now stored; None when there is none
    annotated: bool  # whether the bulletin now counts as annotated (timeline marks)
    tags_changed: bool  # whether `Workspace.tags` changed (completion lists)
    note: str | None = None  # the note text written, when the write was a note


class SearchNotReady(Exception):
    """The index is not built yet (or failed to build: see `Workspace.index_error`)."""


@dataclass
class Workspace:
    """The app's state: see the module's docstring. Not thread-safe: use from one thread."""

    annotations: dict[str, Annotation] = field(default_factory=dict)
    corpus: CorpusView | None = None
    index: SearchBackend | None = None
    load_error: str | None = None
    index_error: str | None = None
    pending: list[Write] = field(default_factory=list)
    _entries: dict[str, Bulletin] = field(default_factory=dict)
    _read: dict[str, Bulletin | None] = field(default_factory=dict)
    _tags: list[str] = field(default_factory=list)

    @classmethod
    def from_annotations(cls, annotations: Iterable[Annotation]) -> Workspace:
        """A workspace with the annotations read from the store and no corpus yet."""
        workspace = cls({a.key: a for a in annotations if not a.is_empty})
        workspace._tags = tags_by_use(workspace.annotations.values())
        return workspace

    # -- corpus -------------------------------------------------------------------------
    def set_corpus(self, corpus: CorpusView) -> bool:
        """Take a (new) corpus or outline. Returns True when its keys, in order, are those
        already shown (an outline replaced by its full texts): nothing visible changes."""
        previous, self.corpus = self.corpus, corpus
        self._entries = corpus.by_key()
        self._read.clear()
        return previous is not None and _same_keys(previous.bulletins, corpus.bulletins)

    @property
    def bulletins(self) -> Sequence[Bulletin]:
        """The bulletins (or outlines) in timeline order; empty before any corpus."""
        return self.corpus.bulletins if self.corpus is not None else ()

    @property
    def loaded(self) -> bool:
        """True once the full texts are in (not only an outline)."""
        return self.corpus is not None and self.corpus.complete

    @property
    def entries(self) -> dict[str, Bulletin]:
        """Bulletins (or, before the texts load, outlines) by key."""
        return self._entries

    def has(self, key: str | None) -> bool:
        return key is not None and key in self._entries

    def bulletin(self, key: str | None) -> Bulletin | None:
        """The full bulletin for `key`: from the corpus or, while only an outline is loaded,
        read from its file (once, kept until the next corpus). None when unknown/unreadable."""
        found = self._entries.get(key) if key else None
        if not isinstance(found, Outline):
            return found
        assert key is not None
        if key not in self._read:
            full = read_full(found)
            self._read[key] = full if isinstance(full, Bulletin) else None
        return self._read[key]

    # -- search -------------------------------------------------------------------------
    def set_index(self, index: SearchBackend) -> None:
        """Take a built index and bring it up to date with the annotations."""
        self.index = index
        for a in self.annotations.values():
            index.set_annotation(a.key, a.tags, a.note)

    def search(self, query: str) -> list[str]:
        """The keys matching `query`. Raises `SearchNotReady` before the index is set."""
        if self.index is None:
            raise SearchNotReady(self.index_error or "")
        return self.index.search(query)

    # -- annotations ----------------------------------------------------------------------
    @property
    def tags(self) -> list[str]:
        """Tags in use, most used first; one spelling per tag ignoring case."""
        return self._tags

    def annotation(self, key: str | None) -> Annotation | None:
        return self.annotations.get(key) if key else None

    def annotated_keys(self) -> set[str]:
        return set(self.annotations)

    def add_tags(self, key: str, tags: Iterable[str]) -> Write:
        return self._begin(Write("add_tags", key, tuple(tags)))

    def remove_tag(self, key: str, tag: str) -> Write:
        return self._begin(Write("remove_tags", key, (tag,)))

    def set_note(self, key: str, text: str) -> Write:
        return self._begin(Write("set_note", key, note=text))

    def _begin(self, write: Write) -> Write:
        self.pending.append(write)
        return write

    def saved(self, write: Write, stored: Annotation | None) -> Change:
        """The store wrote `write` and now holds `stored`: update everything derived."""
        self._end(write)
        key = write.key
        if stored is None or stored.is_empty:
            self.annotations.pop(key, None)
        else:
            self.annotations[key] = stored
        tags = tags_by_use(self.annotations.values())
        tags_changed, self._tags = tags != self._tags, tags
        if self.index is not None:
            self.index.set_annotation(
                key, stored.tags if stored else (), stored.note if stored else ""
            )
        return Change(
            key,
            stored,
            key in self.annotations,
            tags_changed,
            write.note if write.op == "set_note" else None,
        )

    def failed(self, write: Write, error: BaseException) -> None:
        """The store refused `write`. Today it is dropped from `pending` (the app tells the
        user); keeping it for a retry belongs here."""
        self._end(write)

    def _end(self, write: Write) -> None:
        for i, item in enumerate(self.pending):
            if item is write:
                del self.pending[i]
                return


def _same_keys(a: Sequence[Bulletin], b: Sequence[Bulletin]) -> bool:
    return len(a) == len(b) and all(x.key == y.key for x, y in zip(a, b, strict=True))
