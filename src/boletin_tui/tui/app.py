"""`BoletinApp`: composes the three panes and routes messages between them and the workers.

Build it with `make_app(...)` (the CLI and the tests share it). The corpus loads and the search
index builds in worker threads after the first frame (`loading.py`); every database call runs
on the single store thread (`StoreClient`); the keys' actions live in `actions.py`; widgets
only show state and post what the user asked for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Static

from boletin_tui.corpus import (
    Bulletin,
    Corpus,
    Outline,
    prepare_parallel_parsing,
    sample_corpus_path,
)
from boletin_tui.search import SearchIndex
from boletin_tui.store import AnnotationStore, tags_by_use
from boletin_tui.tui.actions import ActionsMixin
from boletin_tui.tui.annotating import AnnotatingMixin
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.labels import ENTITY_TYPES
from boletin_tui.tui.legend import Legend
from boletin_tui.tui.loading import LoadingMixin
from boletin_tui.tui.mentions import mentions_for
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.tag_list import TagList
from boletin_tui.tui.timeline import Timeline


class BoletinApp(LoadingMixin, AnnotatingMixin, ActionsMixin, App[None]):
    """Read and annotate bulletins. See `make_app` for the arguments."""

    CSS_PATH = ["app.tcss", "panes.tcss", "dialogs.tcss"]
    TITLE = "boletin-tui"
    BINDINGS = [
        # Keys that move the focus or the selection run at the app, in the order typed (see
        # `actions.py`); `check_action` lets them through to a field being typed in.
        Binding("t", "add_tag", "Etiquetar", tooltip="Añade etiquetas al boletín", priority=True),
        Binding("n", "edit_note", "Nota", tooltip="Escribe la nota del boletín", priority=True),
        Binding("slash", "search", "Buscar", tooltip="Filtra la lista", priority=True),
        Binding("j,down", "timeline_cursor(1)", "Siguiente", show=False, priority=True),
        Binding("k,up", "timeline_cursor(-1)", "Anterior", show=False, priority=True),
        Binding("escape", "clear_search", "Borrar búsqueda", tooltip="Muestra todos"),
        Binding("e", "export", "Exportar", tooltip="Exporta las anotaciones a CSV"),
        Binding("o", "skipped", "Omitidos", tooltip="Archivos que no se pudieron leer"),
        Binding("question_mark", "help", "Ayuda", tooltip="Todas las teclas"),
        Binding("q", "quit", "Salir", tooltip="Guarda lo pendiente y sale"),
        *(
            Binding(str(n), f"toggle_entity('{kind}')", f"Resaltar {kind}", show=False)
            for n, kind in enumerate(ENTITY_TYPES, 1)
        ),
    ]

    def __init__(
        self,
        paths: Sequence[Path],
        label: str,
        store: StoreClient,
        annotations: Iterable,
        tags: Sequence[str],
        *,
        cache_dir: str | os.PathLike | None = None,
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.paths, self.store = list(paths), store
        self.sub_title = label
        self.annotations = {a.key: a for a in annotations}
        self.known_tags = list(tags)
        self.corpus: Corpus | None = None
        self.by_key: dict[str, Bulletin | Outline] = {}  # outlines until the texts load
        self._read_bulletins = {}
        self.index: SearchIndex | None = None
        self.load_error: str | None = None
        self.index_error: str | None = None
        self.hidden_types: set[str] = set()
        self._cache_dir, self._use_cache = cache_dir, use_cache
        self._query = ""

    def compose(self):
        yield Header(icon="§")
        with Horizontal(id="main"):
            with Vertical(id="timeline-pane"):
                yield SearchBar(id="search")
                yield Timeline(id="timeline")
                yield Static("Cargando boletines…", id="timeline-status")
            with Vertical(id="reader-pane"):
                yield Legend(id="legend")
                yield Reader(id="reader")
            yield AnnotationPanel(id="panel")
        yield Footer()

    def on_mount(self) -> None:
        self._annotation_panel = self.query_one(AnnotationPanel)
        self.query_one(SearchBar).display = False
        self.query_one(Timeline).focus()
        self._load_corpus()

    def on_unmount(self) -> None:
        self.store.close()

    # -- selection ------------------------------------------------------------------------
    @on(Timeline.Selected)
    def _on_selected(self) -> None:
        self._sync_selection()

    def _sync_selection(self) -> None:
        """Show the timeline's current bulletin, unless it is already shown.

        Called for `Timeline.Selected` and before `t`/`n`: keys typed fast (`j t`) may run
        before the message arrives, and must act on the bulletin the user sees highlighted.
        """
        key = self.query_one(Timeline).current_key
        panel = self._annotation_panel
        if key in self.by_key and panel.key == key:
            return
        bulletin = self.bulletin(key)
        self._flush_note()
        try:
            mentions = mentions_for(bulletin)
        except Exception as exc:  # a recogniser bug must not take the reading pane down
            mentions = []
            self.notify(f"No se pudieron marcar las entidades: {exc}", severity="warning")
        self.query_one(Reader).show(bulletin, mentions)
        panel.show(key if bulletin else None, self.annotations.get(key), mentions)
        self._update_bindings()
        self.call_after_refresh(self._prefetch_neighbours)
        if not self._index_started:
            self.call_after_refresh(self._start_index)

    def _prefetch_neighbours(self) -> None:
        """Recognise the entities of the bulletins next to this one once the frame is out
        (memoised), so that `j` or `k` finds them ready."""
        for key in self.query_one(Timeline).adjacent_keys():
            try:
                mentions_for(self.bulletin(key))
            except Exception:  # reported when that bulletin is shown
                pass

    # -- tags and notes: the writes run on the store thread (`annotating.py`) -------------
    @on(NoteEditor.Save)
    def _save_note(self, message: NoteEditor.Save) -> None:
        self._write("set_note", message.key, message.text)

    @on(TagInput.Added)
    def _add_tags(self, message: TagInput.Added) -> None:
        if message.key is not None:
            self._write("add_tags", message.key, message.tags)

    @on(TagList.RemoveRequested)
    def _remove_tag(self, message: TagList.RemoveRequested) -> None:
        if (key := self.query_one(AnnotationPanel).key) is not None:
            self._write("remove_tags", key, [message.tag])

    @on(NoteEditor.Left)
    @on(TagInput.Closed)
    def _back_to_timeline(self) -> None:
        # Only if no key typed meanwhile (`/`, `n`...) has put the focus somewhere else.
        if self.focused is None:
            self.set_focus(self.query_one(Timeline))

    # -- search -----------------------------------------------------------------------------
    @on(SearchBar.Query)
    def _on_query(self, message: SearchBar.Query) -> None:
        self._search(message.text)

    @on(SearchBar.Cleared)
    def _on_cleared(self) -> None:
        self._search("")
        self._back_to_timeline()

    @on(SearchBar.Done)
    def _on_search_done(self) -> None:
        self._back_to_timeline()

    def _search(self, text: str) -> None:
        self._query = text.strip()
        timeline = self.query_one(Timeline)
        if not self._query:
            timeline.set_filter(None)
        elif self.index is None:
            self._status(
                "Búsqueda no disponible." if self.index_error else "Preparando la búsqueda…"
            )
            return
        else:
            timeline.set_filter(self.index.search(self._query))
        self._status(self._count_text())
        self._update_bindings()


def make_app(
    paths: Sequence[str | os.PathLike],
    db_path: str | os.PathLike,
    annotator: str | None = None,
    *,
    cache_dir: str | os.PathLike | None = None,
    use_cache: bool = True,
) -> BoletinApp:
    """The app on `paths` (the bundled sample when empty) with the database at `db_path`.

    The database is opened and read here, before any screen: raises `StoreError`
    (`CorruptDatabase`, `StoreBusy`) when it cannot be used.
    """
    prepare_parallel_parsing()  # before Textual replaces sys.stderr
    store = AnnotationStore(db_path, annotator)
    try:
        annotations = store.all()
        tags = tags_by_use(annotations)
    except BaseException:
        store.close()
        raise
    chosen = [Path(p) for p in paths]
    label = ", ".join(p.name or str(p) for p in chosen) if chosen else "corpus de ejemplo"
    return BoletinApp(
        chosen or [sample_corpus_path()],
        label,
        StoreClient(store),
        annotations,
        tags,
        cache_dir=cache_dir,
        use_cache=use_cache,
    )
