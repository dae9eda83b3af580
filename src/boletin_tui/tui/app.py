"""`BoletinApp`: composes the three panes and routes messages between them, the workspace,
the workers and the app's collaborators.

Build it with `make_app(...)` (`tui/make.py`; the CLI and the tests share it). The state and
its rules live in a `Workspace` (Textual-free); the keys come from the action table
(`keymap.py`); the corpus loads and the index builds in worker threads after the first frame
(`loading.py`); every database call runs on the single store thread (`StoreClient`). Widgets
only show state and post what the user asked for.

Each feature is a plain object the app owns, handed what it needs (the workspace, the store
client, Textual's public `App` methods, the widgets it works on, typed callbacks), never the
app's attributes: `Saver` (saving.py: the save queue, retries, the database watch, quitting
safely), `Annotating` (annotating.py: what is typed goes out, what is saved is shown),
`Searching` (searching.py), `Passages` (passage_actions.py), `ReadMarks` (read_marks.py),
`Panes` (panes.py: focus marks, the timeline's width, the panel shown), `ReaderTools`
(reader_tools.py: copy, open), `BatchTagger` (batch_tags.py), `SavedSearches`
(saved_searches.py), `Exporter` (exporting.py) and `FiguresWork` (figures_work.py). Their
actions stay here, one line each, so that the action table binds them at the app.

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
import threading
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Static, TextArea
from textual.worker import Worker, WorkerState

from boletin_tui.actions import BY_ID
from boletin_tui.entities.figures_cache import FiguresCache
from boletin_tui.jumping import jump_key
from boletin_tui.quit_hint import quit_hint
from boletin_tui.safe_text import safe_text
from boletin_tui.store import Annotation
from boletin_tui.tui import loading
from boletin_tui.tui.annotating import Annotating
from boletin_tui.tui.annotations import AnnotationPanel
from boletin_tui.tui.batch_tags import BatchTagger
from boletin_tui.tui.entity_summary import EntitySummary
from boletin_tui.tui.exporting import Exporter
from boletin_tui.tui.figures_screen import FiguresProgress, FiguresScreen
from boletin_tui.tui.figures_work import FiguresWork
from boletin_tui.tui.jump_screen import JumpScreen
from boletin_tui.tui.key_bar import KeyBar
from boletin_tui.tui.keymap import (
    action_for,
    app_bindings,
    effective_keys,
    help_rows,
    palette_commands,
)
from boletin_tui.tui.labels import plural
from boletin_tui.tui.legend import Legend
from boletin_tui.tui.mentions import mentions_for, recogniser_loaded
from boletin_tui.tui.messages import AnnotationsChanged, CorpusLoaded, LoadProgress
from boletin_tui.tui.note_editor import NoteEditor
from boletin_tui.tui.panes import Panes
from boletin_tui.tui.passage_actions import Passages
from boletin_tui.tui.passage_list import PassageList
from boletin_tui.tui.passage_reader import PassageReader
from boletin_tui.tui.read_marks import ReadMarks
from boletin_tui.tui.reader_tools import ReaderTools
from boletin_tui.tui.resume import header_text, remember
from boletin_tui.tui.saved_searches import SavedSearches
from boletin_tui.tui.saving import Saver
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.tui.searching import Searching
from boletin_tui.tui.status_line import StatusLine
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.tui.tag_input import TagInput
from boletin_tui.tui.tag_list import TagList
from boletin_tui.tui.timeline import Timeline
from boletin_tui.workspace import Workspace, Write

if TYPE_CHECKING:
    from concurrent.futures import Future

    from boletin_tui.corpus import Bulletin
    from boletin_tui.corpusdb import CorpusDB
    from boletin_tui.entities.figures_table import FigureRow

# App actions that still apply while the figures screen is shown (uifig); `search` focuses its
# filter, as a priority binding run in the order typed (keys right after it are the filter's).
_OVER_FIGURES = frozenset({"quit", "help", "command_palette", "search"})
# Actions whose availability depends on the app's state rather than on the focus (`when`).
_STATEFUL = ("bulletin", "note_dirty", "filtered", "skipped", "links", "shown")


class BoletinApp(App[None]):
    """Read and annotate bulletins. See `make_app` for the arguments, and the module for
    the collaborators it owns (those working on widgets are made in `on_mount`)."""

    CSS_PATH = ["app.tcss", "panes.tcss", "dialogs.tcss", "figures.tcss"]
    TITLE = "boletin-tui"
    # Keys that move the focus or the selection are priority bindings run at the app, in the
    # order typed; `check_action` lets them through to a field being typed in.
    BINDINGS = app_bindings()  # type: ignore[assignment]  # list[Binding] is a BindingType list
    # Below 100 columns the screen has the class `-narrow` (`-tiny` below 76): the annotation
    # panel starts hidden and the panes may be narrower (app.tcss; issue 13 #23).
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (76, "-narrow"), (100, "-wide")]

    # Made in `on_mount`, from the composed widgets.
    panes: Panes
    passages: Passages
    annotating: Annotating
    searching: Searching
    saver: Saver
    _panel: AnnotationPanel
    _timeline: Timeline
    _reader: PassageReader

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
        self.workspace = workspace = Workspace.from_annotations(annotations)
        workspace.reads.keys.update(read_keys)  # read marks (issue 15)
        self.hidden_types: set[str] = set()
        self.listed = asyncio.Event()
        self.drawn = threading.Event()  # the first list is on screen (see `loading`)
        self.texts_loaded = asyncio.Event()
        self.index_built = asyncio.Event()
        self._cache_dir, self._use_cache = cache_dir, use_cache
        self.opening: Future[CorpusDB] | None = None  # issue 11: started by `make_app`
        self._keys = dict(keymap or {})
        self.config_problems = list(config_problems)
        if theme is not None:
            if theme in self.available_themes:
                self.theme = theme
            else:
                known = ", ".join(sorted(self.available_themes))
                self.config_problems.append(f"tema desconocido «{theme}» (hay: {known}); se ignora")
        self._bindings_state: tuple[bool, ...] | None = None
        self.figures = FiguresCache()  # figures screen (uifig): filled in the background
        # reader2: where this session started (set by `make_app`)
        self.db_path: Path | None = None
        self.corpus_paths = list(paths)
        self.corpus_label, self.resumed = label, False
        self.start_bulletin: str | None = None
        # -- the collaborators, each with what it needs (see their modules) --
        self.read_marks = ReadMarks(
            self,
            workspace,
            store,
            current=lambda: self._timeline.current_key,
            # The same tuple until the list changes: the unread count is remembered by it.
            listed=lambda: self._timeline.listed_keys,
            redraw=self._reads_changed,
        )
        self.tools = ReaderTools(
            self, shown=self._shown, paragraph=lambda: self._reader.paragraph_in_view()
        )
        self.batch_tags = BatchTagger(
            self,
            workspace,
            store,
            listed=self._listed,
            saved=lambda c: self.annotating.batch_saved(c),
        )
        self.searches = SavedSearches(self, workspace, store, run_query=self.run_query)
        self.exporter = Exporter(self, workspace, store)
        self.figures_work = FiguresWork(self, workspace, self.figures, open_row=self._open_figure)

    @property
    def read_delay(self) -> float:
        """Seconds a bulletin is shown before it counts as read (`ReadMarks.delay`)."""
        return self.read_marks.delay

    @read_delay.setter
    def read_delay(self, seconds: float) -> None:
        self.read_marks.delay = seconds

    @property
    def unsaved_at_exit(self) -> Sequence[Write]:
        """What a signal could not save before leaving (the CLI prints it)."""
        saver = getattr(self, "saver", None)  # none before the app was mounted
        return saver.unsaved_at_exit if saver is not None else ()

    def compose(self) -> ComposeResult:
        yield Header(icon="§")
        with Horizontal(id="main"):
            with Vertical(id="timeline-pane"):
                yield SearchBar(id="search", searcher=self._search_now)  # no message: one frame
                yield Timeline(id="timeline")
                yield StatusLine("Cargando boletines…", id="timeline-status")
            with Vertical(id="reader-pane"):
                yield Static("", id="reader-key", markup=False)  # issue 13 #4
                yield Legend(id="legend")
                yield PassageReader(id="reader")  # the Reader, with passages
            yield AnnotationPanel(id="panel")
        yield KeyBar()  # issue 11: not `Footer`, see key_bar.py

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
        self._reader = self.query_one(PassageReader)
        # Kept: a screen on top (figures...) has no such widget.
        self._status_line = self.query_one(StatusLine)
        self.query_one(SearchBar).display = False
        self._timeline.focus()
        self.db = loading.opened(self.opening, self.paths, self._cache_dir, self._use_cache)
        self._mount_features()
        self.run_worker(
            partial(loading.load_in_steps, self.db, self.post_message, self.drawn),
            thread=True,
            exclusive=True,
            group="corpus",
            exit_on_error=False,
        )

    def _mount_features(self) -> None:
        """Make the collaborators that work on the composed widgets, and start them."""
        self.panes = Panes.mount(self, self._panel, self._timeline, self._keys, self.store.path)
        send = self._send
        self.searching = Searching(
            self,
            self.workspace,
            self.query_one(SearchBar),
            self._timeline,
            self._reader,
            sync=self._sync_selection,
            status=self._status,
            counted=self._counted,
        )
        self.passages = Passages(
            self,
            self.workspace,
            self._reader,
            self.query_one(PassageList),
            key=lambda: self._panel.key,
            send=send,
            sync=self._sync_selection,
        )
        self.annotating = Annotating(
            self,
            self.workspace,
            self._panel,
            self._timeline,
            self.passages,
            send=send,
            refilter=self.searching.again,
            status=lambda: self._status(self.status_text()),
        )
        self.saver = Saver(
            self, self.workspace, self.store, self.annotating, close=self.close_session
        )
        self.saver.start()  # retries, the database watch, signals (issue 12)
        self.searches.load()  # reader2
        self._timeline.set_read(self.workspace.reads.keys)  # read marks (issue 15)

    def on_unmount(self) -> None:
        self.saver.stop()
        self.close_session()

    def close_session(self) -> None:
        """Remember where the session was, close the store and the corpus: when the app
        unmounts, or after a hangup, which ends the process without unmounting (hangup.py)."""
        if self.db_path is not None and self.workspace.corpus is not None:
            # reader2: where to start next time (never fails)
            remember(self.db_path, self.corpus_paths, self._timeline.current_key)
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
                self.searching.search(self._query)
            self._sync_selection()  # the first bulletin in this same frame, not the next one
            self._resume_bulletin()  # reader2: the bulletin shown last time, if remembered
        self._refresh_text()
        self._status(self._count_text())
        self._update_bindings()
        self.listed.set()
        if first:
            self.call_after_refresh(self.drawn.set)
        if corpus.complete:
            loading.keep_out_of_gc()
            self.texts_loaded.set()
            self.index_built.set()
            self.figures_work.start()
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

    def _resume_bulletin(self) -> None:
        """Once the list is shown: go to the bulletin remembered, and say so in the header."""
        key, self.start_bulletin = self.start_bulletin, None
        if key and self.workspace.has(key) and self._timeline.shows(key):  # issue 11: no set
            self._timeline.select(key)
            self._sync_selection()
            self.sub_title = header_text(
                self.corpus_label, self.db_path, resumed=self.resumed, resumed_at=key
            )

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
        self.annotating.flush_note()
        mentions: list = []
        if bulletin is not None and not recogniser_loaded():
            # issue 11: the first bulletin is drawn before the recogniser is imported (a
            # tenth of a second of every launch); its entities follow in the next frame.
            self.call_after_refresh(self._refresh_text, True)
        else:
            mentions = self._mentions(bulletin, report=True)
        # A note typed and not saved yet is shown, not the stored one (issue 12 #3).
        note = self.workspace.pending_note(key)
        base = self.workspace.pending_base(key) if key and note is not None else None
        shown = key if bulletin else None
        self._panel.show(shown, self.workspace.annotation(key), mentions, note, base)
        self.passages.show(key, bulletin, mentions, self.searching.hits(bulletin))
        self.read_marks.shown(shown)  # issue 15: read after a moment
        self.panes.show_key(shown)  # issue 13: the full key, the annotation's warning
        self._panel.set_mismatch(self.workspace.mismatch(shown))
        self.annotating.pending()
        self._update_bindings()
        self.call_after_refresh(self._prefetch_neighbours)

    def _refresh_text(self, mentions_only: bool = False) -> None:
        """Show the current bulletin again if its file changed since it was shown, or, with
        `mentions_only`, to mark its entities (the note editor and the tags are left alone:
        nothing typed is touched)."""
        shown = self._reader.bulletin
        fresh = self.workspace.bulletin(self._timeline.current_key)
        if shown is None or fresh is None:
            return
        if fresh.content_hash == shown.content_hash and not mentions_only:
            return
        mentions = self._mentions(fresh, report=mentions_only)  # else reported on a move
        key = self._timeline.current_key  # the Reader with passages and hits, as on a move
        self.passages.show(key, fresh, mentions, self.searching.hits(fresh))
        self._panel.query_one(EntitySummary).show(mentions)

    def _mentions(self, bulletin: Bulletin | None, *, report: bool) -> list:
        """`bulletin`'s entities; none when the recogniser fails (said when `report`)."""
        try:
            return mentions_for(bulletin)
        except Exception as exc:  # noqa: BLE001 - a recogniser bug must not take the pane down
            if report:
                self.notify(
                    safe_text(f"No se pudieron marcar las entidades: {exc}"),
                    severity="warning",
                    markup=False,
                )
            return []

    def _prefetch_neighbours(self) -> None:
        """Recognise the entities of the bulletins next to this one once the frame is out
        (memoised), so that `j` or `k` finds them ready."""
        for key in self._timeline.adjacent_keys():
            # A failure is reported when that bulletin is shown.
            with contextlib.suppress(Exception):
                mentions_for(self.workspace.bulletin(key))

    def _shown(self) -> Bulletin | None:
        """The bulletin shown, once the reader is in step with the timeline."""
        self._sync_selection()
        return self._reader.bulletin

    def _listed(self) -> list[str]:
        return self._timeline.shown_keys

    # -- routing between widgets ------------------------------------------------------------
    def on_entity_summary_show(self, message: EntitySummary.Show) -> None:
        self._reader.mark(message.entry.start, message.entry.end)

    def on_entity_summary_filter(self, message: EntitySummary.Filter) -> None:
        if message.entry.query:
            self.run_query(message.entry.query)

    def on_passage_reader_chosen(self, message: PassageReader.Chosen) -> None:
        self.passages.add(message)

    def on_passage_list_highlighted(self, message: PassageList.Highlighted) -> None:
        self.passages.scroll_to(message.placed)

    def on_passage_list_edit_requested(self, message: PassageList.EditRequested) -> None:
        self.passages.edit(message.placed)

    def on_passage_list_delete_requested(self, message: PassageList.DeleteRequested) -> None:
        self.passages.delete(message.placed)

    def on_resize(self) -> None:
        # The breakpoint may have hidden or shown the panel (app.tcss).
        if hasattr(self, "panes"):  # not before the first mount
            self.call_after_refresh(self.panes.panel_shown)

    def on_figures_progress(self, message: FiguresProgress) -> None:
        self.figures_work.progress()

    # -- tags and notes: `Annotating` asks the workspace and sends the write --------------
    @on(NoteEditor.Save)
    def _save_note(self, message: NoteEditor.Save) -> None:
        self.annotating.save_note(message.key, message.text)

    @on(TagInput.Added)
    def _add_tags(self, message: TagInput.Added) -> None:
        self.annotating.add_tags(message.key, message.tags)

    @on(TagList.RemoveRequested)
    def _remove_tag(self, message: TagList.RemoveRequested) -> None:
        self.annotating.remove_tag(message.tag)

    def on_annotations_changed(self, message: AnnotationsChanged) -> None:
        self.annotating.reloaded(message.annotations)  # the file changed (`Saver.poll_now`)

    @on(NoteEditor.Left)
    @on(TagInput.Closed)
    def _back_to_timeline(self) -> None:
        # Only if no key typed meanwhile (`/`, `n`...) has put the focus somewhere else.
        if self.focused is None:
            self.set_focus(self._timeline)

    def _send(self) -> None:
        self.saver.send()

    def _reads_changed(self) -> None:
        self._timeline.refresh()
        self._status(self._count_text())

    # -- search -----------------------------------------------------------------------------
    @on(SearchBar.Query)
    def _on_query(self, message: SearchBar.Query) -> None:
        self.searching.search(message.text)

    def _search_now(self, text: str) -> None:
        """The search field's text changed: filter in the keystroke's own turn (the field and
        the list then go out in one frame; see `SearchBar`)."""
        self.searching.search(text)

    @on(SearchBar.Cleared)
    def _on_cleared(self) -> None:
        if self.searching.query:  # else the field already searched "" as it emptied
            self.searching.search("")
        self._back_to_timeline()

    @on(SearchBar.Done)
    def _on_search_done(self) -> None:
        self._back_to_timeline()

    def run_query(self, text: str) -> None:
        """Show `text` in the search field and filter the timeline by it at once."""
        self.searching.run_query(text)

    @property
    def _query(self) -> str:
        """The search in force (benchmarks/probes.py watches it change)."""
        searching = getattr(self, "searching", None)  # none before the app was mounted
        return searching.query if searching is not None else ""

    def _count_text(self) -> str:
        total = plural(self.workspace.count, "boletín", "boletines")
        shown = f"{self._timeline.shown_count} de {total}" if self._query else total
        text = shown + self.saver.unsaved_text() + self.read_marks.unread_text()
        return f"{text} · búsqueda no disponible" if self.workspace.index_error else text

    def status_text(self) -> str:
        if self.workspace.load_error:
            return f"{loading.LOAD_FAILED}."
        if self.workspace.corpus is None:
            return "Cargando boletines…"
        return self._count_text()

    def _status(self, text: str) -> None:
        self._status_line.show(text)

    def _counted(self) -> None:
        self._status(self._count_text())
        self._update_bindings()

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
        yield from self.searches.commands()  # reader2: each saved search, with its count

    def action_command_palette(self) -> None:
        # Textual's own, with the search field's hint in Spanish.
        # App is invariant in its result type; Textual annotates this as App[object].
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder="Buscar acciones…", id="--command-palette"))

    # -- actions (the table's ids: `boletin_tui.actions`) -----------------------------------
    def action_timeline_cursor(self, step: int) -> None:
        before = self._timeline.current_key
        self._timeline.action_cursor(step)
        # snappy: show the bulletin now, not when `Timeline.Selected` arrives: the cursor and
        # the text then go out in one frame (a frame in between delays the next by 1/60 s).
        if self._timeline.current_key != before:
            self._sync_selection()

    def action_add_tag(self) -> None:
        self._sync_selection()
        self.panes.open_panel()
        self.query_one(TagInput).open(self.workspace.tags)

    def action_edit_note(self) -> None:
        # Focus now, not on the next refresh: keys typed right after `n` belong to the note.
        self._sync_selection()
        self.panes.open_panel()
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

    def action_hit(self, step: int) -> None:
        self.searching.step_hit(step)

    def action_jump(self) -> None:
        self.push_screen(JumpScreen(), self._jump_to)

    def _jump_to(self, text: str | None) -> None:
        if not text:
            return
        key, problem = jump_key(text, self._timeline.shown_outlines())
        if key is None:
            self.notify(problem, title="Ir a", severity="warning")
            return
        self._timeline.select(key)
        self.set_focus(self._timeline)

    def action_toggle_entity(self, kind: str) -> None:
        self.hidden_types ^= {kind}
        self._reader.set_hidden(self.hidden_types)
        self.query_one(Legend).set_hidden(self.hidden_types)

    async def action_focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    def action_undo(self) -> None:
        self.annotating.undo()

    def action_redo(self) -> None:
        self.annotating.redo()

    def action_skipped(self) -> None:
        from boletin_tui.tui.skipped_screen import SkippedScreen

        corpus = self.workspace.corpus
        self.push_screen(SkippedScreen(corpus.skipped if corpus else []))

    def action_help(self) -> None:
        from boletin_tui.search import SYNTAX_HELP
        from boletin_tui.tui.help_screen import HelpScreen

        self.push_screen(HelpScreen(help_rows(self._keys), SYNTAX_HELP))

    def action_help_quit(self) -> None:
        """Textual's answer to `ctrl+c` (which does not quit), in Spanish (issue 13 #11); in a
        text field, the keys that quit from there (uxfix: `q` would type a `q`)."""
        focused = self.focused
        typing = isinstance(focused, (Input, TextArea)) and not getattr(focused, "read_only", 0)
        keys = (effective_keys(BY_ID[i], self._keys) for i in ("quit", "quit_anywhere"))
        hint = quit_hint(",".join(k for k in keys if k), typing=typing)
        self.notify(hint, title="¿Quieres salir?", markup=False)

    async def action_quit(self) -> None:
        # A worker, not awaited here: the app keeps drawing while the writes wait (uxfix #2).
        self.run_worker(self.saver.quit(), group="quit-key", exclusive=True)

    # Each a feature's collaborator: one line.
    def action_toggle_panel(self) -> None:
        self.panes.toggle_panel()

    def action_timeline_width(self, step: int) -> None:
        self.panes.step_width(step)

    def action_toggle_read(self) -> None:
        self.read_marks.toggle()

    def action_mark_all_read(self) -> None:
        self.read_marks.mark_all()

    def action_passage(self) -> None:
        self.passages.begin()

    def action_copy(self) -> None:
        self.tools.copy()

    def action_copy_part(self, part: str) -> None:
        self.tools.copy_part(part)

    def action_open_source(self) -> None:
        self.tools.open_source()

    def action_open_link(self) -> None:
        self.tools.open_link()

    def action_tag_shown(self) -> None:
        self.batch_tags.ask()

    def action_save_search(self) -> None:
        self.searches.ask_to_save(self._query)

    def action_saved_searches(self) -> None:
        self.searches.choose()

    def action_export(self) -> None:
        self.exporter.ask()

    def action_figures(self) -> None:
        """The figures of the bulletins the timeline lists now (a search narrows them)."""
        self.figures_work.open(self._timeline.shown_keys)

    def _open_figure(self, row: FigureRow | None) -> None:
        """Show the bulletin of `row` with its figure highlighted and scrolled to."""
        if row is None or not self.workspace.has(row.key):
            return
        self._timeline.select(row.key)
        self._sync_selection()
        self._reader.reveal(row.start, row.end)
        self._reader.focus()


def _detail(error: BaseException | None) -> str:
    name = type(error).__name__
    return f"{name}: {error}" if str(error) else name
