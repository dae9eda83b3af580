"""`BoletinApp`: composes the three panes and routes messages between them, the workspace
and the workers.

Build it with `make_app(...)` (the CLI and the tests share it). The state and its rules live
in a `Workspace` (Textual-free); the keys come from the action table (`keymap.py`); the
corpus loads and the index builds in worker threads after the first frame (`loading.py`);
every database call runs on the single store thread (`StoreClient`). Widgets only show state
and post what the user asked for.

The corpus is the corpus database of the paths (`boletin_tui.corpusdb`): what it holds is
listed at once, the timeline reading only the rows it draws, and a worker brings it in step
with the files, the list following as changes arrive and keeping its place.

Readiness (tests await these `asyncio.Event`s): `listed` is set once a list is shown,
`texts_loaded` once every file was checked (or loading failed), and `index_built` once search
covers every file (or failed); before that it searches what the database already holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, TextArea
from textual.worker import Worker, WorkerState, get_current_worker

from boletin_tui.corpus import prepare_parallel_parsing, sample_corpus_path
from boletin_tui.entities.figures_cache import FiguresCache
from boletin_tui.entities.figures_table import FigureRow
from boletin_tui.safe_text import safe_text
from boletin_tui.search import SYNTAX_HELP
from boletin_tui.store import Annotation, AnnotationStore
from boletin_tui.store.exchange import export_rows, write_export
from boletin_tui.tui import loading
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.choice_screen import REPLACE, replace_screen
from boletin_tui.tui.entity_summary import EntitySummary
from boletin_tui.tui.export_screen import ExportScreen, default_export_path
from boletin_tui.tui.figures_screen import FiguresProgress, FiguresScreen
from boletin_tui.tui.help_screen import HelpScreen
from boletin_tui.tui.keymap import action_for, app_bindings, help_lines, palette_commands
from boletin_tui.tui.labels import plural
from boletin_tui.tui.legend import Legend
from boletin_tui.tui.mentions import mentions_for
from boletin_tui.tui.messages import CorpusLoaded, LoadProgress
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.passage_actions import PassageActions  # passages and undo
from boletin_tui.tui.passage_reader import PassageReader  # passages and undo
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.reader_actions import ReaderActions
from boletin_tui.tui.reader_tools import ReaderTools
from boletin_tui.tui.resume import start as resume_start
from boletin_tui.tui.saving import SavingApp
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.tui.skipped_screen import SkippedScreen
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.tag_list import TagList
from boletin_tui.tui.timeline import Timeline
from boletin_tui.tui.trust import TrustActions
from boletin_tui.workspace import SearchNotReady, Workspace

# App actions that still apply while the figures screen is shown (uifig); `search` focuses its
# filter, as a priority binding run in the order typed (keys right after it are the filter's).
_OVER_FIGURES = frozenset({"quit", "help", "command_palette", "search"})
# Actions whose availability depends on the app's state rather than on the focus (`when`).
_STATEFUL = ("bulletin", "note_dirty", "filtered", "skipped", "links", "shown")


class BoletinApp(SavingApp, ReaderTools, ReaderActions, TrustActions, PassageActions):
    """Read and annotate bulletins. See `make_app` for the arguments."""

    CSS_PATH = ["app.tcss", "panes.tcss", "dialogs.tcss", "figures.tcss"]
    TITLE = "boletin-tui"
    # Keys that move the focus or the selection are priority bindings run at the app, in the
    # order typed; `check_action` lets them through to a field being typed in.
    BINDINGS = app_bindings()  # type: ignore[assignment]  # list[Binding] is a BindingType list
    # Below 100 columns the screen has the class `-narrow` (`-tiny` below 76): the annotation
    # panel starts hidden and the panes may be narrower (app.tcss; issue 13 #23).
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (76, "-narrow"), (100, "-wide")]

    def __init__(
        self,
        paths: Sequence[Path],
        label: str,
        store: StoreClient,
        annotations: Iterable[Annotation],
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        use_cache: bool = True,
        keymap: Mapping[str, str] | None = None,
        theme: str | None = None,
        config_problems: Sequence[str] = (),
        read_keys: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.paths, self.store = list(paths), store
        self.sub_title = safe_text(label, newlines=False)
        self.workspace = Workspace.from_annotations(annotations)
        self.workspace.reads.keys.update(read_keys)  # read marks (issue 15)
        self.hidden_types: set[str] = set()
        self.listed = asyncio.Event()
        self.texts_loaded = asyncio.Event()
        self.index_built = asyncio.Event()
        self._cache_dir, self._use_cache = cache_dir, use_cache
        self._keys = dict(keymap or {})
        self.config_problems = list(config_problems)
        if theme is not None:
            if theme in self.available_themes:
                self.theme = theme
            else:
                known = ", ".join(sorted(self.available_themes))
                self.config_problems.append(f"tema desconocido «{theme}» (hay: {known}); se ignora")
        self._query = ""
        self._bindings_state: tuple[bool, ...] | None = None
        self.figures = FiguresCache()  # figures screen (uifig): filled in the background
        # reader2: saved searches, where this session started (set by `make_app`)
        self.saved_searches = []
        self.db_path: Path | None = None
        self.corpus_paths = list(paths)
        self.corpus_label, self.start_bulletin, self.resumed = label, None, False

    def compose(self) -> ComposeResult:
        yield Header(icon="§")
        with Horizontal(id="main"):
            with Vertical(id="timeline-pane"):
                yield SearchBar(id="search", searcher=self._search)  # snappy: no message
                yield Timeline(id="timeline")
                yield Static("Cargando boletines…", id="timeline-status")
            with Vertical(id="reader-pane"):
                yield Static("", id="reader-key", markup=False)  # issue 13 #4
                yield Legend(id="legend")
                yield PassageReader(id="reader")  # the Reader, with passages
            yield AnnotationPanel(id="panel")
        yield Footer()

    def on_mount(self) -> None:
        if self._keys:
            self.set_keymap(self._keys)
        if self.config_problems:
            self.notify(
                "\n".join(self.config_problems),
                title="config.toml",
                severity="warning",
                timeout=15,
                markup=False,
            )
        # Kept, not looked up: `check_action` runs for every binding on every key, and a DOM
        # query each time cost about 2 ms of each `j`.
        self._panel = self.query_one(AnnotationPanel)
        self._timeline = self.query_one(Timeline)
        self.query_one(SearchBar).display = False
        self._timeline.focus()
        self.db = loading.open_corpus(self.paths, self._cache_dir, self._use_cache)
        self.start_saving()  # retries, the database watch, signals (saving.py, issue 12)
        self.load_saved_searches()  # reader2
        self._reader_mounted()  # issue 15: saved timeline width, read marks
        self.run_worker(
            partial(loading.load_in_steps, self.db, self.post_message),
            thread=True,
            exclusive=True,
            group="corpus",
            exit_on_error=False,
        )

    def on_unmount(self) -> None:
        self.stop_saving()
        self.remember_state()  # reader2: where to start next time
        self.store.close()
        self.db.close()

    # -- loading ----------------------------------------------------------------------------
    def on_load_progress(self, message: LoadProgress) -> None:
        if self.workspace.corpus is None:
            self._status(f"Cargando boletines… {message.done}/{message.total}")

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        corpus = message.corpus
        first = self.workspace.corpus is None
        unchanged = self.workspace.set_corpus(corpus)
        if self.workspace.index is None and self.workspace.index_error is None:
            # Search what the database holds from the first list on; tags and notes are
            # fed to it here and after every saved write (`Workspace.saved`).
            try:
                self.workspace.set_index(corpus.db)
            except Exception as exc:  # noqa: BLE001 - reading goes on without search
                self.workspace.index_error = f"{loading.INDEX_FAILED} ({_detail(exc)})"
                self.notify(
                    self.workspace.index_error, title="Búsqueda", severity="error", timeout=30
                )
        if not unchanged or first:
            self._timeline.set_source(corpus, self.workspace.annotated_keys())
            if self._query:
                self._search(self._query)
            self._sync_selection()  # the first bulletin in this same frame, not the next one
            self.resume_bulletin()  # reader2: the bulletin shown last time, if remembered
        self._refresh_text()
        self._status(self._count_text())
        self._update_bindings()
        self.listed.set()
        if corpus.complete:
            loading.keep_out_of_gc()
            self.texts_loaded.set()
            self.index_built.set()
            self._start_figures()
            if corpus.skipped:
                self.notify(
                    f"Se omitieron {plural(len(corpus.skipped), 'archivo', 'archivos')} "
                    "que no se pudieron leer; «o» los muestra.",
                    title="Archivos omitidos",
                    severity="warning",
                    timeout=8,
                    markup=False,
                )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.group != "corpus":
            return
        self.workspace.load_error = f"{loading.LOAD_FAILED} ({_detail(event.worker.error)})"
        self._status(f"{loading.LOAD_FAILED}.")
        self.notify(
            safe_text(self.workspace.load_error),
            title="Error al cargar",
            severity="error",
            timeout=30,
            markup=False,
        )
        self.listed.set()
        self.texts_loaded.set()
        self.index_built.set()

    # -- selection --------------------------------------------------------------------------
    @on(Timeline.Selected)
    def _on_selected(self) -> None:
        self._sync_selection()

    def _sync_selection(self) -> None:
        """Show the timeline's current bulletin, unless it is already shown.

        Called for `Timeline.Selected` and before `t`/`n`: keys typed fast (`j t`) may run
        before the message arrives, and must act on the bulletin the user sees highlighted.
        """
        key = self._timeline.current_key
        if self.workspace.has(key) and self._panel.key == key:
            return
        bulletin = self.workspace.bulletin(key)
        self.flush_note()
        try:
            mentions = mentions_for(bulletin)
        except Exception as exc:  # noqa: BLE001 - a recogniser bug must not take the pane down
            mentions = []
            self.notify(
                safe_text(f"No se pudieron marcar las entidades: {exc}"),
                severity="warning",
                markup=False,
            )
        # A note typed and not saved yet is shown, not the stored one (issue 12 #3).
        note = self.workspace.pending_note(key)
        base = self.workspace.pending_base(key) if key and note is not None else None
        self._panel.show(
            key if bulletin else None, self.workspace.annotation(key), mentions, note, base
        )
        hits = self._reader_hits(bulletin)  # issue 15: the search's hits in the text
        self._show_text(key, bulletin, mentions, hits)  # the Reader, with passages
        self._reader_shown(key if bulletin else None)  # issue 15: read after a moment
        self._show_trust(key if bulletin else None)
        self.show_pending()
        self._update_bindings()
        self.call_after_refresh(self._prefetch_neighbours)

    def _refresh_text(self) -> None:
        """Show the current bulletin again if its file changed since it was shown (the note
        editor and the tags are left alone: nothing typed is touched)."""
        reader = self.query_one(Reader)
        shown = reader.bulletin
        fresh = self.workspace.bulletin(self._timeline.current_key)
        if shown is None or fresh is None or fresh.content_hash == shown.content_hash:
            return
        try:
            mentions = mentions_for(fresh)
        except Exception:  # noqa: BLE001 - reported when the user moves to it again
            mentions = []
        key = self._timeline.current_key  # the Reader with passages and hits, as on a move
        self._show_text(key, fresh, mentions, self._reader_hits(fresh))
        self._panel.query_one(EntitySummary).show(mentions)

    def _prefetch_neighbours(self) -> None:
        """Recognise the entities of the bulletins next to this one once the frame is out
        (memoised), so that `j` or `k` finds them ready."""
        for key in self._timeline.adjacent_keys():
            # A failure is reported when that bulletin is shown.
            with contextlib.suppress(Exception):
                mentions_for(self.workspace.bulletin(key))

    # -- tags and notes: the workspace says what to write, `saving.py` sends it -------------
    @on(NoteEditor.Save)
    def _save_note(self, message: NoteEditor.Save) -> None:
        self.workspace.set_note(message.key, message.text, self._panel.editor.base)
        self.send_writes()

    @on(TagInput.Added)
    def _add_tags(self, message: TagInput.Added) -> None:
        if message.key is not None:
            self.workspace.add_tags(message.key, message.tags)
            self.send_writes()

    @on(TagList.RemoveRequested)
    def _remove_tag(self, message: TagList.RemoveRequested) -> None:
        if (key := self._panel.key) is not None:
            self.workspace.remove_tag(key, message.tag)
            self.send_writes()

    def flush_note(self) -> None:
        editor = self.query_one(NoteEditor)
        pending = editor.take_pending()
        if pending is not None:
            self.workspace.set_note(*pending, editor.base)
            self.send_writes()

    @on(NoteEditor.Left)
    @on(TagInput.Closed)
    def _back_to_timeline(self) -> None:
        # Only if no key typed meanwhile (`/`, `n`...) has put the focus somewhere else.
        if self.focused is None:
            self.set_focus(self._timeline)

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
        self._reader_query(self._query)  # issue 15: highlight the words in the text
        if not self._query:
            self._timeline.set_filter(None)
        else:
            try:
                self._timeline.set_filter(self.workspace.search(self._query))
            except SearchNotReady:
                unavailable = self.workspace.index_error
                self._status(
                    "Búsqueda no disponible." if unavailable else "Preparando la búsqueda…"
                )
                return
        self._status(self._count_text())
        self._update_bindings()

    def _count_text(self) -> str:
        total = plural(self.workspace.count, "boletín", "boletines")
        shown = f"{self._timeline.shown_count} de {total}" if self._query else total
        text = shown + self.unsaved_text() + self._unread_text()  # issue 12; issue 15
        return f"{text} · búsqueda no disponible" if self.workspace.index_error else text

    def status_text(self) -> str:
        if self.workspace.load_error:
            return f"{loading.LOAD_FAILED}."
        if self.workspace.corpus is None:
            return "Cargando boletines…"
        return self._count_text()

    def _status(self, text: str) -> None:
        self.set_status_line(text)

    # -- which actions apply ---------------------------------------------------------------
    def applies(self, when: str) -> bool:
        """Whether actions marked `when` (see `boletin_tui.actions.Action`) apply now."""
        panel = getattr(self, "_panel", None)
        if when == "bulletin":
            return panel is not None and panel.key is not None
        if when == "note_dirty":
            return panel is not None and panel.key is not None and panel.editor.dirty
        if when == "filtered":
            return bool(self._query)
        if when == "skipped":
            corpus = self.workspace.corpus
            return bool(corpus and corpus.skipped)
        # reader2
        if when == "links":
            bulletin = self.workspace.bulletin(panel.key) if panel is not None else None
            return bool(bulletin and bulletin.links)
        if when == "shown":
            timeline = getattr(self, "_timeline", None)
            return timeline is not None and timeline.shown_count > 0
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        found = action_for(action)
        if found is None:
            return True
        # Figures screen (uifig): the main screen's actions wait until it is closed.
        if isinstance(self.screen, FiguresScreen) and found.id not in _OVER_FIGURES:
            return False
        if found.priority:
            if self.screen.is_modal or isinstance(self.focused, (Input, TextArea)):
                return False  # the key belongs to the dialog, or types a character
            if found.id in ("next", "previous"):
                return self.focused is None or isinstance(self.focused, Timeline)
        return self.applies(found.when)

    def _update_bindings(self) -> None:
        """`refresh_bindings()`, only if an action's availability has changed (a footer
        refresh rebuilds it, which costs more than moving to another bulletin)."""
        state = tuple(self.applies(when) for when in _STATEFUL)
        if state != self._bindings_state:
            self._bindings_state = state
            self.refresh_bindings()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Only the app's own actions, in Spanish: not Textual's English system commands.
        if isinstance(screen, FiguresScreen):  # figures screen (uifig): its own actions
            yield from screen.commands()
            return
        yield from palette_commands(self, self.applies, self._keys)
        for saved in self.saved_searches:  # reader2: each saved search, with its count
            yield SystemCommand(
                f"Búsqueda: {saved.name}",
                self.saved_search_label(saved),
                partial(self.run_query, saved.query),
            )

    def action_command_palette(self) -> None:
        # Textual's own, with the search field's hint in Spanish.
        # App is invariant in its result type; Textual annotates this as App[object].
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder="Buscar acciones…", id="--command-palette"))

    # -- actions ----------------------------------------------------------------------------
    def action_timeline_cursor(self, step: int) -> None:
        before = self._timeline.current_key
        self._timeline.action_cursor(step)
        # snappy: show the bulletin now, not when `Timeline.Selected` arrives: the cursor and
        # the text then go out in one frame (a frame in between delays the next by 1/60 s).
        if self._timeline.current_key != before:
            self._sync_selection()

    def action_add_tag(self) -> None:
        self._sync_selection()
        self._open_panel()
        self.query_one(TagInput).open(self.workspace.tags)

    def action_edit_note(self) -> None:
        # Focus now, not on the next refresh: keys typed right after `n` belong to the note.
        self._sync_selection()
        self._open_panel()
        editor = self.query_one(NoteEditor)
        self.set_focus(editor)
        editor.move_cursor(editor.document.end)  # what is typed goes after the note (#14)

    def action_save_note(self) -> None:
        self.query_one(NoteEditor).action_save()

    def action_search(self) -> None:
        if isinstance(self.screen, FiguresScreen):  # figures screen (uifig): its filter
            self.screen.action_focus_filter()
            return
        self.query_one(SearchBar).open()

    def action_clear_search(self) -> None:
        self.query_one(SearchBar).action_clear()

    def action_toggle_entity(self, kind: str) -> None:
        self.hidden_types ^= {kind}
        self.query_one(Reader).set_hidden(self.hidden_types)
        self.query_one(Legend).set_hidden(self.hidden_types)

    async def action_focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    def action_export(self) -> None:
        def replace_chosen(path: Path, choice: str | None) -> None:
            if choice == REPLACE:
                self._export(path)

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.exists() and not path.is_dir():  # ask before replacing (issue 12 #5)
                self.push_screen(replace_screen(str(path)), partial(replace_chosen, path))
            else:
                self._export(path)

        count = len(self.workspace.annotations)
        self.push_screen(ExportScreen(default_export_path(), count), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, path: Path) -> None:
        shown = safe_text(str(path), newlines=False)  # a file name is never markup
        try:
            annotations = self.store.all().result()
            outlines = self.call_from_thread(self.workspace.outlines, [a.key for a in annotations])
            write_export(
                export_rows(annotations, outlines), path, fmt="csv", protect=self.store.own_files()
            )
        except Exception as exc:  # noqa: BLE001 - any failure is told to the user
            self.call_from_thread(
                self.notify,
                safe_text(f"No se pudo exportar a {shown}: {exc}", newlines=False),
                title="Exportar",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        done = "exportada" if len(annotations) == 1 else "exportadas"
        self.call_from_thread(
            self.notify,
            f"{plural(len(annotations), 'anotación', 'anotaciones')} {done} a {shown}",
            title="Exportar",
            markup=False,
        )

    def action_skipped(self) -> None:
        corpus = self.workspace.corpus
        self.push_screen(SkippedScreen(corpus.skipped if corpus else []))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_lines(self._keys), SYNTAX_HELP))

    # -- figures screen (uifig) -------------------------------------------------------------
    def _start_figures(self) -> None:
        """Recognise every bulletin's figures in the background, once the texts are in."""
        if self.workspace.loaded and not self.figures.started:
            self._fill_figures()

    @work(thread=True, exclusive=True, group="figures", exit_on_error=False)
    def _fill_figures(self) -> None:
        # No arguments: `@work` describes a worker with the repr of its arguments. Each text
        # is read from the corpus database as it is recognised, not all at once.
        assert self.workspace.corpus is not None  # started once the corpus is loaded
        bulletins = self.workspace.corpus.texts()
        worker = get_current_worker()
        self.figures.fill(
            bulletins,
            progress=lambda done, total: self.post_message(FiguresProgress(done, total)),
            stop=lambda: worker.is_cancelled,
        )

    def on_figures_progress(self, message: FiguresProgress) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, FiguresScreen):
                screen.progress()

    def action_figures(self) -> None:
        """The figures of the bulletins the timeline lists now (a search narrows them)."""
        if isinstance(self.screen, FiguresScreen):
            return
        self._start_figures()
        self.push_screen(FiguresScreen(self.figures, self._timeline.shown_keys), self._open_figure)

    def _open_figure(self, row: FigureRow | None) -> None:
        """Show the bulletin of `row` with its figure highlighted and scrolled to."""
        if row is None or not self.workspace.has(row.key):
            return
        self._timeline.select(row.key)
        self._sync_selection()
        reader = self.query_one(Reader)
        reader.reveal(row.start, row.end)
        reader.focus()


def _detail(error: BaseException | None) -> str:
    name = type(error).__name__
    return f"{name}: {error}" if str(error) else name


def make_app(
    paths: Sequence[str | os.PathLike[str]],
    db_path: str | os.PathLike[str],
    annotator: str | None = None,
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
    keymap: Mapping[str, str] | None = None,
    theme: str | None = None,
    config_problems: Sequence[str] = (),
) -> BoletinApp:
    """The app on `paths` (the bundled sample when empty) with the database at `db_path`;
    `keymap` maps action ids to keys, `theme` names a theme, and `config_problems` are lines
    to show at launch (all from `config.toml`, see `boletin_tui.config`).

    The database is opened and read here, before any screen: raises `StoreError`
    (`CorruptDatabase`, `StoreBusy`) when it cannot be used.
    """
    prepare_parallel_parsing()  # before Textual replaces sys.stderr
    store = AnnotationStore(db_path, annotator)
    try:
        annotations = store.all()
        read_keys = store.read_keys(store.annotator)  # issue 15
    except BaseException:
        store.close()
        raise
    begin = resume_start([Path(p) for p in paths], db_path)  # reader2: where we left off
    app = BoletinApp(
        begin.paths or [sample_corpus_path()],
        begin.label,
        StoreClient(store),
        annotations,
        cache_dir=cache_dir,
        use_cache=use_cache,
        keymap=keymap,
        theme=theme,
        config_problems=config_problems,
        read_keys=read_keys,
    )
    app.db_path, app.corpus_paths = Path(db_path), begin.paths
    app.start_bulletin, app.resumed = begin.bulletin, begin.resumed
    app.sub_title = app.header_text()
    return app
