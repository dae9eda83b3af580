"""Keeping what you found: entities as a way in, copy, open, tag what is shown, saved searches.

`ReaderTools` is a mixin of `BoletinApp` (it uses the app's `workspace`, `store`, timeline,
panel and `_search`). Each feature asks the workspace or the store thread and tells the user
in one notification; nothing here blocks the event loop (store calls run in thread workers).
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import SuspendNotSupported
from textual.widgets import Input

from boletin_tui.citation import citation
from boletin_tui.corpus import Bulletin
from boletin_tui.links import short_link
from boletin_tui.safe_text import safe_text
from boletin_tui.store.searches import SavedSearch, list_searches, save_search
from boletin_tui.tui.choice_screens import AskScreen, ChoiceScreen, ConfirmScreen
from boletin_tui.tui.entity_summary import EntitySummary
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.resume import db_label, remember
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.wording import plural
from boletin_tui.workspace import SearchNotReady, TagBatch

if TYPE_CHECKING:
    from textual.app import App

    from boletin_tui.tui.annotations import AnnotationPanel
    from boletin_tui.tui.store_client import StoreClient
    from boletin_tui.tui.timeline import Timeline
    from boletin_tui.workspace import Workspace

    _Base = App[None]
else:
    _Base = object

COPY_PARTS = {
    "citation": ("c", "la cita"),
    "key": ("k", "la clave"),
    "text": ("t", "el texto completo"),
    "paragraph": ("p", "el párrafo en pantalla"),
}
_DIGITS = "123456789"


class ReaderTools(_Base):
    """The reader2 features of `BoletinApp` (see the module docstring)."""

    if TYPE_CHECKING:  # what the app provides
        workspace: Workspace
        store: StoreClient
        _timeline: Timeline
        _panel: AnnotationPanel
        _query: str

        def _search(self, text: str) -> None: ...
        def _sync_selection(self) -> None: ...

    saved_searches: list[SavedSearch]
    db_path: Path | None
    corpus_paths: list[Path]  # as remembered: [] for the sample corpus
    corpus_label: str
    start_bulletin: str | None
    resumed: bool

    # -- "En este boletín": go to a mention, filter by a name ------------------------------
    def on_entity_summary_show(self, message: EntitySummary.Show) -> None:
        self.query_one(Reader).mark(message.entry.start, message.entry.end)

    def on_entity_summary_filter(self, message: EntitySummary.Filter) -> None:
        if message.entry.query:
            self.run_query(message.entry.query)

    def run_query(self, text: str) -> None:
        """Show `text` in the search field and filter the timeline by it at once."""
        bar = self.query_one(SearchBar)
        with bar.prevent(Input.Changed):
            bar.value = text
        bar.display = True
        self._search(text)

    # -- copy -------------------------------------------------------------------------------
    def _shown(self) -> Bulletin | None:
        self._sync_selection()
        return self.query_one(Reader).bulletin

    def action_copy(self) -> None:
        bulletin = self._shown()
        if bulletin is None:
            return
        previews = {"citation": citation(bulletin), "key": bulletin.key}
        choices = [
            (part, key, f"{words}: {previews[part]}" if part in previews else words)
            for part, (key, words) in COPY_PARTS.items()
        ]

        def chosen(part: str | None) -> None:
            if part:
                self.action_copy_part(part)

        self.push_screen(ChoiceScreen("Copiar", choices), chosen)

    def copy_text(self, part: str) -> str:
        """What `copy_part(part)` copies for the bulletin shown ("" when none)."""
        reader = self.query_one(Reader)
        bulletin = reader.bulletin
        if bulletin is None:
            return ""
        if part == "citation":
            return citation(bulletin)
        if part == "key":
            return bulletin.key
        if part == "text":
            return bulletin.text
        return reader.paragraph_in_view()

    def action_copy_part(self, part: str) -> None:
        """Copy through the terminal (OSC 52: see the README for what it needs)."""
        text = self.copy_text(part) if self._shown() is not None else ""
        if not text:
            return
        self.copy_to_clipboard(text)
        what = COPY_PARTS.get(part, ("", part))[1]
        self.notify(f"Copiado al portapapeles: {what}.", title="Copiar", timeout=4, markup=False)

    # -- open: the file in $EDITOR, a link in the browser ----------------------------------
    def action_open_source(self) -> None:
        bulletin = self._shown()
        if bulletin is None or not bulletin.sources:
            return
        editor = os.environ.get("VISUAL", "").strip() or os.environ.get("EDITOR", "").strip()
        if not editor:
            self.notify(
                "No hay editor: define la variable EDITOR (por ejemplo, EDITOR=nano).",
                title="Abrir archivo",
                severity="warning",
            )
            return
        command = [*shlex.split(editor), bulletin.sources[0]]
        try:
            with self.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.notify("Esta terminal no permite suspender la aplicación.", severity="warning")
        except OSError as exc:
            self.notify(
                f"No se pudo abrir {editor}: {exc.strerror or exc}",
                title="Abrir archivo",
                severity="error",
                markup=False,
            )

    def action_open_link(self) -> None:
        bulletin = self._shown()
        if bulletin is None or not bulletin.links:
            return
        links = bulletin.links[: len(_DIGITS)]
        choices = [
            (str(i), _DIGITS[i], f"{short_link(link.label, link.url)}  {link.url}")
            for i, link in enumerate(links)
        ]

        def chosen(index: str | None) -> None:
            if index is not None:
                self.open_url(links[int(index)].url)

        self.push_screen(ChoiceScreen("Abrir un enlace", choices), chosen)

    # -- tag what is shown ----------------------------------------------------------------
    def action_tag_shown(self) -> None:
        keys = self._timeline.shown_keys
        if not keys:
            return
        count = plural(len(keys), "boletín mostrado", "boletines mostrados")

        def asked(tag: str | None) -> None:
            if not tag:
                return
            remove = tag.startswith("-")
            name = tag.lstrip("-").strip()
            if not name:
                return
            question = (
                f"¿Quitar la etiqueta «{name}» de los {count}?"
                if remove
                else f"¿Añadir la etiqueta «{name}» a los {count}?"
            )
            if len(keys) == 1:
                question = question.replace("los ", "", 1).replace("de los ", "del ", 1)

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._write_batch(self.workspace.tag_many(keys, name, remove=remove))

            self.push_screen(ConfirmScreen("Etiquetar lo mostrado", question), confirmed)

        self.push_screen(
            AskScreen(
                f"Etiquetar los {count}",
                "Etiqueta (con «-» delante, se quita):",
            ),
            asked,
        )

    @work(thread=True, group="store", exit_on_error=False)
    def _write_batch(self, batch: TagBatch) -> None:
        try:
            stored = self.store.call(batch.apply).result()
        except Exception as exc:  # noqa: BLE001 - StoreError, ValueError: told to the user
            # Not kept to retry (one write over many bulletins): the user is told, plainly.
            verb = "quitar" if batch.remove else "poner"
            count = plural(len(batch.keys), "boletín", "boletines")
            self.call_from_thread(
                self.notify,
                safe_text(
                    f"No se pudo {verb} la etiqueta «{batch.tag}» en {count}; no se cambió "
                    f"nada y no se reintentará: {exc}",
                    newlines=False,
                ),
                title="Sin guardar",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self.call_from_thread(self._batch_saved, batch, stored)

    def _batch_saved(self, batch: TagBatch, stored: dict[str, Any]) -> None:
        changes = self.workspace.saved_many(batch, stored)
        self._timeline.refresh_marks(
            [c.key for c in changes if c.annotated], [c.key for c in changes if not c.annotated]
        )
        current = self._panel.key
        for change in changes:
            if change.key == current:
                self._panel.show_annotation(change.annotation)
        verb = "quitada de" if batch.remove else "añadida a"
        self.notify(
            safe_text(
                f"Etiqueta «{batch.tag}» {verb} {plural(len(changes), 'boletín', 'boletines')}.",
                newlines=False,
            ),
            title="Etiquetar lo mostrado",
            markup=False,
        )

    # -- saved searches ---------------------------------------------------------------------
    @work(thread=True, group="searches", exit_on_error=False)
    def load_saved_searches(self) -> None:
        """Read the saved searches (on the store thread) into `saved_searches`."""
        try:
            found = self.store.call(list_searches).result()
        except Exception as exc:  # noqa: BLE001 - a damaged database is told elsewhere
            self.call_from_thread(self.notify, f"Búsquedas guardadas: {exc}", markup=False)
            return
        self.saved_searches = found

    def search_count(self, query: str) -> int | None:
        """How many bulletins `query` finds now (None while the index is not ready)."""
        try:
            return len(self.workspace.search(query))
        except SearchNotReady:
            return None

    def action_save_search(self) -> None:
        query = self._query
        if not query:
            return

        def named(name: str | None) -> None:
            if name:
                self._save_search(name, query)

        self.push_screen(AskScreen("Guardar la búsqueda", f"Nombre para «{query}»:"), named)

    @work(thread=True, group="store", exit_on_error=False)
    def _save_search(self, name: str, query: str) -> None:
        try:
            saved = self.store.call(lambda store: save_search(store, name, query)).result()
            found = self.store.call(list_searches).result()
        except Exception as exc:  # noqa: BLE001 - told to the user
            self.call_from_thread(
                self.notify, f"No se guardó la búsqueda: {exc}", severity="error", markup=False
            )
            return
        self.saved_searches = found
        self.call_from_thread(
            self.notify, f"Búsqueda «{saved.name}» guardada.", title="Búsquedas", markup=False
        )

    def saved_search_label(self, search: SavedSearch) -> str:
        count = self.search_count(search.query)
        found = "…" if count is None else plural(count, "boletín", "boletines")
        return f"{search.name} — {search.query} ({found})"

    def action_saved_searches(self) -> None:
        searches = self.saved_searches[: len(_DIGITS)]
        if not searches:
            self.notify("No hay búsquedas guardadas.", title="Búsquedas")
            return
        choices = [(str(i), _DIGITS[i], self.saved_search_label(s)) for i, s in enumerate(searches)]

        def chosen(index: str | None) -> None:
            if index is not None:
                self.run_query(searches[int(index)].query)

        self.push_screen(ChoiceScreen("Búsquedas guardadas", choices), chosen)

    # -- starting where you left off (see `resume.py`) --------------------------------------
    def resume_bulletin(self) -> None:
        """Once the list is shown: go to the bulletin remembered, and say so in the header."""
        key, self.start_bulletin = self.start_bulletin, None
        if key and self.workspace.has(key) and key in set(self._timeline.shown_keys):
            self._timeline.select(key)
            self._sync_selection()
            self.sub_title = self.header_text(key)

    def header_text(self, resumed_at: str | None = None) -> str:
        """The header's line: the corpus, where it resumed, the database in use."""
        parts = [self.corpus_label]
        if self.resumed or resumed_at:
            parts.append(f"retomado en {resumed_at}" if resumed_at else "retomado")
        if self.db_path is not None:
            parts.append(f"base: {db_label(self.db_path)}")
        return " · ".join(parts)

    def remember_state(self) -> None:
        """Keep the corpus and the bulletin shown for the next launch (never fails)."""
        if self.db_path is not None and self.workspace.corpus is not None:
            remember(self.db_path, self.corpus_paths, self._timeline.current_key)
