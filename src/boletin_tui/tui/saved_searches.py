"""Saved searches (`s` names the current search, `S` lists them with their counts; each one is
also a palette entry). They live in the database (`store.searches`), read and written on the
store thread.

`SavedSearches` is a plain object the app owns (`app.searches`); `run_query(text)` is the
app's way to show a query in the search field and filter by it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand

from boletin_tui.store.searches import SavedSearch, list_searches, save_search
from boletin_tui.tui.choice_screens import AskScreen, ChoiceScreen
from boletin_tui.tui.reader_tools import DIGITS
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.wording import plural
from boletin_tui.workspace import SearchNotReady, Workspace


class SavedSearches:
    """See the module. `saved` holds the searches as last read."""

    def __init__(
        self,
        app: App[Any],
        workspace: Workspace,
        store: StoreClient,
        *,
        run_query: Callable[[str], None],
    ) -> None:
        self._app, self._workspace, self._store = app, workspace, store
        self._run_query = run_query
        self.saved: list[SavedSearch] = []

    def load(self) -> None:
        """Read the saved searches (on the store thread, in a worker) into `saved`."""
        self._app.run_worker(self._load, thread=True, group="searches", exit_on_error=False)

    def _load(self) -> None:
        try:
            found = self._store.call(list_searches).result()
        except Exception as exc:  # noqa: BLE001 - a damaged database is told elsewhere
            self._app.call_from_thread(
                self._app.notify, f"Búsquedas guardadas: {exc}", markup=False
            )
            return
        self.saved = found

    def count(self, query: str) -> int | None:
        """How many bulletins `query` finds now (None while the index is not ready)."""
        try:
            return len(self._workspace.search(query))
        except SearchNotReady:
            return None

    def label(self, search: SavedSearch) -> str:
        """`name — query (N boletines)` (`…` while the index is not ready)."""
        count = self.count(search.query)
        found = "…" if count is None else plural(count, "boletín", "boletines")
        return f"{search.name} — {search.query} ({found})"

    def ask_to_save(self, query: str) -> None:
        """Ask for a name for `query` and save it under that name."""
        if not query:
            return

        def named(name: str | None) -> None:
            if name:
                self._app.run_worker(
                    lambda: self._save(name, query),
                    thread=True,
                    group="store",
                    exit_on_error=False,
                )

        self._app.push_screen(AskScreen("Guardar la búsqueda", f"Nombre para «{query}»:"), named)

    def _save(self, name: str, query: str) -> None:
        try:
            saved = self._store.call(lambda store: save_search(store, name, query)).result()
            found = self._store.call(list_searches).result()
        except Exception as exc:  # noqa: BLE001 - told to the user
            self._app.call_from_thread(
                self._app.notify, f"No se guardó la búsqueda: {exc}", severity="error", markup=False
            )
            return
        self.saved = found
        self._app.call_from_thread(
            self._app.notify, f"Búsqueda «{saved.name}» guardada.", title="Búsquedas", markup=False
        )

    def choose(self) -> None:
        """List the saved searches (the first nine) with their counts; run the one chosen."""
        searches = self.saved[: len(DIGITS)]
        if not searches:
            self._app.notify("No hay búsquedas guardadas.", title="Búsquedas")
            return
        choices = [(str(i), DIGITS[i], self.label(s)) for i, s in enumerate(searches)]

        def chosen(index: str | None) -> None:
            if index is not None:
                self._run_query(searches[int(index)].query)

        self._app.push_screen(ChoiceScreen("Búsquedas guardadas", choices), chosen)

    def commands(self) -> Iterable[SystemCommand]:
        """A palette entry per saved search, with its count."""
        for saved in self.saved:
            yield SystemCommand(
                f"Búsqueda: {saved.name}", self.label(saved), partial(self._run_query, saved.query)
            )
