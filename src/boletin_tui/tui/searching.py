"""The timeline's search: the query typed after `/` filters the timeline (`Workspace.search`),
its words are highlighted in the text shown, and `n`/`N` move over those hits, on to the next
or previous bulletin listed when this one has no more (issue 15).

`Searching` is a plain object the app owns (`app.searching`), made once the screen is
composed. `sync()` brings the reader in step with the timeline; `counted()` redraws the status
line's count and the keys that depend on the filter; `status(text)` shows another status.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from boletin_tui.corpus import Bulletin
from boletin_tui.query_hits import QueryHits
from boletin_tui.tui.reader import Hit, Reader
from boletin_tui.tui.search_bar import SearchBar
from boletin_tui.tui.timeline import Timeline
from boletin_tui.workspace import SearchNotReady, Workspace


class Searching:
    """See the module. `query` is the search in force ("" when none)."""

    def __init__(
        self,
        app: App[Any],
        workspace: Workspace,
        bar: SearchBar,
        timeline: Timeline,
        reader: Reader,
        *,
        sync: Callable[[], None],
        status: Callable[[str], None],
        counted: Callable[[], None],
    ) -> None:
        self._app, self._workspace = app, workspace
        self._bar, self._timeline, self._reader = bar, timeline, reader
        self._sync, self._status, self._counted = sync, status, counted
        self.query = ""
        self._hits = QueryHits()

    def run_query(self, text: str) -> None:
        """Show `text` in the search field and filter the timeline by it at once."""
        self._bar.show_query(text)
        self._bar.display = True
        self.search(text)

    def search(self, text: str) -> None:
        """Filter the timeline by `text` ("" shows every bulletin) and highlight its words."""
        self.query = text.strip()
        self._hits.set_query(self.query)
        self._reader.set_hits(self.hits(self._reader.bulletin))
        if not self.query:
            self._timeline.set_filter(None)
        else:
            try:
                self._timeline.set_filter(self._workspace.search(self.query))
            except SearchNotReady:
                unavailable = self._workspace.index_error
                self._status(
                    "Búsqueda no disponible." if unavailable else "Preparando la búsqueda…"
                )
                return
        self._counted()

    def again(self) -> None:
        """Run the search again (the tags, notes or index it filters on changed)."""
        if self.query and self._workspace.index is not None:
            self.search(self.query)

    def hits(self, bulletin: Bulletin | None) -> list[Hit]:
        """The search hits to highlight in `bulletin` for the current query."""
        if bulletin is None:
            return []
        return [Hit(a, b) for a, b in self._hits.spans(bulletin.text)]

    def step_hit(self, step: int) -> None:
        """The next (`step` 1) or previous (-1) hit, in this bulletin or the next listed."""
        reader, timeline = self._reader, self._timeline
        if reader.goto_hit(step):
            return
        before = timeline.current_key
        timeline.action_cursor(step)
        if timeline.current_key == before:
            self._app.notify(
                "No hay más coincidencias." if step > 0 else "No hay coincidencias antes."
            )
            return
        self._sync()
        reader.goto_hit(step, edge=True)
