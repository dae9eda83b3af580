"""Loading the corpus and building the search index, off the interface thread.

`LoadingMixin` gives `BoletinApp` its two workers and their result handlers. A worker that
fails never leaves the app silently waiting: the status line and a notification say what
happened (`on_worker_state_changed`).
"""

from __future__ import annotations

import gc
import importlib

from textual import work
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from boletin_tui.corpus import Bulletin, Corpus, Outline, load_corpus, load_outline, read_full
from boletin_tui.search import load_or_build
from boletin_tui.tui.labels import plural
from boletin_tui.tui.messages import CorpusLoaded, IndexReady, LoadProgress
from boletin_tui.tui.timeline import Timeline

LOAD_FAILED = "No se pudieron cargar los boletines"
INDEX_FAILED = "La búsqueda no está disponible"


def _keep_out_of_gc() -> None:
    """Move what exists now (the corpus, the index: long-lived) out of the collector's reach.

    Otherwise each full collection walks every bulletin and index entry again: 100 ms and
    more at 10,000 bulletins, landing on random key presses.
    """
    gc.freeze()


def _same_keys(a: Corpus, b: Corpus) -> bool:
    return len(a.bulletins) == len(b.bulletins) and all(
        x.key == y.key for x, y in zip(a.bulletins, b.bulletins)
    )


class LoadingMixin:
    """Workers `_load_corpus` / `_build_index` and what the app does with their results."""

    _index_started = False
    _read_bulletins: dict[str, Bulletin | None]  # outlines read from their files, by key

    @work(thread=True, exclusive=True, group="corpus", exit_on_error=False)
    def _load_corpus(self) -> None:
        # A warm launch first shows the outline saved by the last load of these paths (30 ms
        # at 10,000), unverified: the full load that follows (0.4 s or more) replaces it, and
        # the timeline, keeping its place, shows any file added, removed or changed since.
        # Verifying first would cost a walk and 10,000 `stat`s on the way to the first list.
        outline = (
            load_outline(self.paths, cache_dir=self._cache_dir, verify=False)
            if self._use_cache
            else None
        )
        if outline is not None:
            self.post_message(CorpusLoaded(outline))
        # Here, off the interface thread (~70 ms), unless the outline's first bulletin needs
        # it first; importing it before posting the outline held the list back by 0.1-0.3 s.
        importlib.import_module("boletin_tui.entities")
        corpus = load_corpus(
            self.paths,
            cache_dir=self._cache_dir,
            use_cache=self._use_cache,
            progress=lambda done, total: self.post_message(LoadProgress(done, total)),
        )
        self.post_message(CorpusLoaded(corpus))

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _build_index(self) -> None:
        # No arguments: `@work` describes a worker with the repr of its arguments, and the
        # repr of 10,000 bulletins is a 200 MB string (it set the app's peak memory).
        bulletins = self.corpus.bulletins
        # Loaded from beside the parse cache when this corpus was indexed before (36 ms
        # instead of about 2.7 s at 10,000 bulletins), else built and saved.
        index = load_or_build(bulletins, self._cache_dir, self._use_cache)
        self.post_message(IndexReady(index))

    def on_load_progress(self, message: LoadProgress) -> None:
        if self.corpus is None:
            self._status(f"Cargando boletines… {message.done}/{message.total}")

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        shown, self.corpus = self.corpus, message.corpus
        corpus = message.corpus
        self.by_key = corpus.by_key()
        self._read_bulletins.clear()
        _keep_out_of_gc()
        if shown is not None and _same_keys(shown, corpus):
            # The full texts behind the outlines on screen: nothing visible changes, and
            # the first bulletin is already shown, so the index may start at once.
            self._start_index()
            return
        self.query_one(Timeline).set_bulletins(corpus.bulletins, set(self.annotations))
        self._sync_selection()  # the first bulletin in this same frame, not the next one
        self._status(self._count_text())
        self._update_bindings()
        if corpus.skipped:
            self.notify(
                f"Se omitieron {plural(len(corpus.skipped), 'archivo', 'archivos')} "
                "que no se pudieron leer; «o» los muestra.",
                title="Archivos omitidos",
                severity="warning",
                timeout=8,
            )
        if not corpus.bulletins:
            self._start_index()
        # Otherwise `_start_index` runs once the first bulletin is on screen: the index is
        # built in a thread that competes for the interpreter, and held the first bulletin
        # back by most of a second at 10,000 bulletins.

    def bulletin(self, key: str | None) -> Bulletin | None:
        """The full bulletin for `key`: from the corpus, or, while only outlines are loaded,
        read from its file (and kept until the full corpus arrives)."""
        found = self.by_key.get(key) if key else None
        if not isinstance(found, Outline):
            return found
        if key not in self._read_bulletins:
            full = read_full(found)
            self._read_bulletins[key] = full if isinstance(full, Bulletin) else None
        return self._read_bulletins[key]

    def _start_index(self) -> None:
        if self.corpus is not None and self.corpus.complete and not self._index_started:
            self._index_started = True
            self._build_index()

    def on_index_ready(self, message: IndexReady) -> None:
        self.index = message.index
        _keep_out_of_gc()
        for a in self.annotations.values():
            self.index.set_annotation(a.key, a.tags, a.note)
        if self._query:
            self._search(self._query)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.group not in ("corpus", "index"):
            return
        error = event.worker.error
        detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        if event.worker.group == "corpus":
            self.load_error = f"{LOAD_FAILED} ({detail})"
            self._status(f"{LOAD_FAILED}.")
            self.notify(self.load_error, title="Error al cargar", severity="error", timeout=30)
        else:
            self.index_error = f"{INDEX_FAILED} ({detail})"
            self._status(f"{self._count_text()} · búsqueda no disponible")
            self.notify(self.index_error, title="Búsqueda", severity="error", timeout=30)

    def _count_text(self) -> str:
        total = len(self.corpus.bulletins) if self.corpus else 0
        if self._query:
            shown = self.query_one(Timeline).shown_count
            return f"{shown} de {plural(total, 'boletín', 'boletines')}"
        return plural(total, "boletín", "boletines")

    def _status(self, text: str) -> None:
        self.query_one("#timeline-status", Static).update(text, layout=False)
