"""`BoletinApp`: composes the three panes and routes messages between them and the workers.

Build it with `make_app(...)` (the CLI and the tests share it). The corpus loads and the search
index builds in worker threads after the first frame; every database call runs on the single
store thread (`StoreClient`); widgets only show state and post what the user asked for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input, Static, TextArea

from boletin_tui.corpus import (
    Bulletin, Corpus, load_corpus, prepare_parallel_parsing, sample_corpus_path,
)
from boletin_tui.search import SYNTAX_HELP, SearchIndex
from boletin_tui.store import AnnotationStore
from boletin_tui.store.exchange import export_rows, write_export
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.export_screen import ExportScreen, default_export_path
from boletin_tui.tui.help_screen import HelpScreen
from boletin_tui.tui.labels import ENTITY_TYPES, SAVED, plural
from boletin_tui.tui.legend import Legend
from boletin_tui.tui.mentions import mentions_for
from boletin_tui.tui.messages import AnnotationSaved, CorpusLoaded, IndexReady, LoadProgress
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.palette import app_commands
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.tui.skipped_screen import SkippedScreen
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.tag_list import TagList
from boletin_tui.tui.timeline import Timeline


# Actions on printable keys the footer still offers while typing (Textual hides the others).
_TYPING_KEYS = {"search"}


class BoletinApp(App[None]):
    """Read and annotate bulletins. See `make_app` for the arguments."""

    CSS_PATH = ["app.tcss", "panes.tcss", "dialogs.tcss"]
    TITLE = "boletin-tui"
    BINDINGS = [
        Binding("t", "add_tag", "Etiquetar", tooltip="Añade etiquetas al boletín"),
        Binding("n", "edit_note", "Nota", tooltip="Escribe la nota del boletín"),
        Binding("slash", "search", "Buscar", tooltip="Filtra la lista"),
        Binding("escape", "clear_search", "Borrar búsqueda", tooltip="Muestra todos"),
        Binding("e", "export", "Exportar", tooltip="Exporta las anotaciones a CSV"),
        Binding("o", "skipped", "Omitidos", tooltip="Archivos que no se pudieron leer"),
        Binding("question_mark", "help", "Ayuda", tooltip="Todas las teclas"),
        Binding("q", "quit", "Salir", tooltip="Guarda lo pendiente y sale"),
        *(Binding(str(n), f"toggle_entity('{kind}')", f"Resaltar {kind}", show=False)
          for n, kind in enumerate(ENTITY_TYPES, 1)),
    ]

    def __init__(self, paths: Sequence[Path], label: str, store: StoreClient,
                 annotations: Iterable, tags: Sequence[str], *,
                 cache_dir: str | os.PathLike | None = None, use_cache: bool = True) -> None:
        super().__init__()
        self.paths, self.store = list(paths), store
        self.sub_title = label
        self.annotations = {a.key: a for a in annotations}
        self.known_tags = list(tags)
        self.corpus: Corpus | None = None
        self.by_key: dict[str, Bulletin] = {}
        self.index: SearchIndex | None = None
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
        self.query_one(SearchBar).display = False
        self.query_one(Timeline).focus()
        self._load_corpus()

    # -- workers ----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="corpus", exit_on_error=False)
    def _load_corpus(self) -> None:
        corpus = load_corpus(
            self.paths, cache_dir=self._cache_dir, use_cache=self._use_cache,
            progress=lambda done, total: self.post_message(LoadProgress(done, total)),
        )
        self.post_message(CorpusLoaded(corpus))

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _build_index(self, bulletins: list[Bulletin]) -> None:
        self.post_message(IndexReady(SearchIndex(bulletins)))

    @work(thread=True, group="store", exit_on_error=False)
    def _write(self, method: str, key: str, value) -> None:
        """Run one store write on the store thread and report the stored record back."""
        try:
            stored = self.store.submit(method, key, value).result()
        except Exception as exc:  # StoreError, ValueError: the message is for the user
            self.call_from_thread(self.notify, f"No se guardó: {exc}", severity="error",
                                  timeout=10)
            return
        self.post_message(AnnotationSaved(key, stored, value if method == "set_note" else None))

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, path: Path) -> None:
        try:
            annotations = self.store.submit("all").result()
            write_export(export_rows(annotations, self.by_key), path, fmt="csv")
        except Exception as exc:
            self.call_from_thread(self.notify, f"No se pudo exportar a {path}: {exc}",
                                  title="Exportar", severity="error", timeout=10)
            return
        self.call_from_thread(self.notify, f"{plural(len(annotations), 'anotación', 'anotaciones')}"
                              f" exportadas a {path}", title="Exportar")

    # -- worker results ---------------------------------------------------------------------
    def on_load_progress(self, message: LoadProgress) -> None:
        self._status(f"Cargando boletines… {message.done}/{message.total}")

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        self.corpus = corpus = message.corpus
        self.by_key = corpus.by_key()
        self.query_one(Timeline).set_bulletins(corpus.bulletins, self._annotated_keys())
        self._status(self._count_text())
        self.refresh_bindings()
        if corpus.skipped:
            self.notify(f"Se omitieron {plural(len(corpus.skipped), 'archivo', 'archivos')} "
                        "que no se pudieron leer; «o» los muestra.",
                        title="Archivos omitidos", severity="warning", timeout=8)
        self._build_index(corpus.bulletins)

    def on_index_ready(self, message: IndexReady) -> None:
        self.index = message.index
        for a in self.annotations.values():
            self.index.set_annotation(a.key, a.tags, a.note)
        if self._query:
            self._search(self._query)

    def on_annotation_saved(self, message: AnnotationSaved) -> None:
        key, stored = message.key, message.annotation
        if stored is None or stored.is_empty:
            self.annotations.pop(key, None)
        else:
            self.annotations[key] = stored
            self.known_tags.extend(t for t in stored.tags if t not in self.known_tags)
        if self.index is not None:
            self.index.set_annotation(key, stored.tags if stored else (),
                                      stored.note if stored else "")
        timeline = self.query_one(Timeline)
        if key in self.annotations:
            timeline.refresh_marks([key])
        else:
            timeline.refresh_marks([], [key])
        panel = self.query_one(AnnotationPanel)
        if panel.key == key:
            panel.show_annotation(stored)
            if message.note is not None:
                panel.editor.mark_saved(key, message.note)
                if not panel.editor.dirty:
                    panel.set_status(SAVED)

    # -- selection, tags and notes ----------------------------------------------------------
    @on(Timeline.Selected)
    def _on_selected(self) -> None:
        self._sync_selection()

    def _sync_selection(self) -> None:
        """Show the timeline's current bulletin, unless it is already shown.

        Called for `Timeline.Selected` and before `t`/`n`: keys typed fast (`j t`) may run
        before the message arrives, and must act on the bulletin the user sees highlighted.
        """
        key = self.query_one(Timeline).current_key
        panel = self.query_one(AnnotationPanel)
        bulletin = self.by_key.get(key) if key else None
        if bulletin is not None and panel.key == key:
            return
        self._flush_note()
        try:
            mentions = mentions_for(bulletin)
        except Exception as exc:  # a recogniser bug must not take the reading pane down
            mentions = []
            self.notify(f"No se pudieron marcar las entidades: {exc}", severity="warning")
        self.query_one(Reader).show(bulletin, mentions)
        panel.show(key if bulletin else None, self.annotations.get(key), mentions)
        self.refresh_bindings()

    def _flush_note(self) -> None:
        pending = self.query_one(NoteEditor).take_pending()
        if pending is not None:
            self._write("set_note", *pending)

    @on(NoteEditor.Save)
    def _save_note(self, message: NoteEditor.Save) -> None:
        self._write("set_note", message.key, message.text)

    @on(NoteEditor.Left)
    @on(TagInput.Closed)
    def _back_to_timeline(self) -> None:
        # Only if no key typed meanwhile (`/`, `n`...) has put the focus somewhere else.
        if self.focused is None:
            self.set_focus(self.query_one(Timeline))

    @on(TagInput.Added)
    def _add_tags(self, message: TagInput.Added) -> None:
        key = self.query_one(AnnotationPanel).key
        if key is not None:
            self._write("add_tags", key, message.tags)

    @on(TagList.RemoveRequested)
    def _remove_tag(self, message: TagList.RemoveRequested) -> None:
        key = self.query_one(AnnotationPanel).key
        if key is not None:
            self._write("remove_tags", key, [message.tag])

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
        self.set_focus(self.query_one(Timeline))

    def _search(self, text: str) -> None:
        self._query = text.strip()
        timeline = self.query_one(Timeline)
        if not self._query:
            timeline.set_filter(None)
        elif self.index is None:
            self._status("Preparando la búsqueda…")
            return
        else:
            timeline.set_filter(self.index.search(self._query))
        self._status(self._count_text())
        self.refresh_bindings()

    # -- actions ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        panels = self.query(AnnotationPanel)
        has_bulletin = bool(panels) and panels.first().key is not None
        if action in _TYPING_KEYS and isinstance(self.focused, (Input, TextArea)):
            return False  # the key types a character there: do not offer it in the footer
        if action in ("add_tag", "edit_note"):
            return has_bulletin
        if action == "save_note":
            return has_bulletin and panels.first().editor.dirty
        if action == "clear_search":
            return bool(self._query)
        if action == "skipped":
            return bool(self.corpus and self.corpus.skipped)
        return True

    def action_add_tag(self) -> None:
        self._sync_selection()
        self.query_one(TagInput).open(self.known_tags)

    def action_edit_note(self) -> None:
        # Focus now, not on the next refresh: keys typed right after `n` belong to the note.
        self._sync_selection()
        self.set_focus(self.query_one(NoteEditor))

    def action_save_note(self) -> None:
        self.query_one(NoteEditor).action_save()

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    def action_clear_search(self) -> None:
        self.query_one(SearchBar).action_clear()

    def action_toggle_entity(self, kind: str) -> None:
        self.hidden_types ^= {kind}
        self.query_one(Reader).set_hidden(self.hidden_types)
        self.query_one(Legend).set_hidden(self.hidden_types)

    def action_focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    def action_export(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._export(path)

        self.push_screen(ExportScreen(default_export_path(), len(self.annotations)), chosen)

    def action_skipped(self) -> None:
        self.push_screen(SkippedScreen(self.corpus.skipped if self.corpus else []))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(SYNTAX_HELP))

    async def action_quit(self) -> None:
        """Write a pending note before leaving (synchronously: nothing typed is lost)."""
        pending = self.query_one(NoteEditor).take_pending()
        if pending is not None:
            try:
                self.store.submit("set_note", *pending).result()
            except Exception as exc:
                self.notify(f"No se guardó la nota: {exc}", severity="error", timeout=10)
                return
        self.exit()

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        yield from app_commands(self)

    def on_unmount(self) -> None:
        self.store.close()

    # -- helpers ----------------------------------------------------------------------------
    def _annotated_keys(self) -> set[str]:
        return set(self.annotations)

    def _count_text(self) -> str:
        timeline = self.query_one(Timeline)
        total = len(self.corpus.bulletins) if self.corpus else 0
        if self._query:
            return f"{timeline.shown_count} de {plural(total, 'boletín', 'boletines')}"
        return plural(total, "boletín", "boletines")

    def _status(self, text: str) -> None:
        self.query_one("#timeline-status", Static).update(text)


def make_app(paths: Sequence[str | os.PathLike], db_path: str | os.PathLike,
             annotator: str | None = None, *, cache_dir: str | os.PathLike | None = None,
             use_cache: bool = True) -> BoletinApp:
    """The app on `paths` (the bundled sample when empty) with the database at `db_path`.

    The database is opened and read here, before any screen: raises `StoreError`
    (`CorruptDatabase`, `StoreBusy`) when it cannot be used.
    """
    prepare_parallel_parsing()  # before Textual replaces sys.stderr
    store = AnnotationStore(db_path, annotator)
    try:
        annotations, tags = store.all(), store.all_tags()
    except BaseException:
        store.close()
        raise
    chosen = [Path(p) for p in paths]
    label = (", ".join(p.name or str(p) for p in chosen) if chosen else "corpus de ejemplo")
    return BoletinApp(chosen or [sample_corpus_path()], label, StoreClient(store), annotations,
                      tags, cache_dir=cache_dir, use_cache=use_cache)
