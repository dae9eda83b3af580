"""The figures screen's background work (uifig): every bulletin's figures are recognised in a
thread once the texts are in (`FiguresCache.fill`), and `F` opens the screen on the bulletins
the timeline lists, showing progress while the cache fills.

`FiguresWork` is a plain object the app owns (`app.figures_work`); `open_row(row)` is the
app's way to show the bulletin of the row chosen on the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.worker import get_current_worker

from boletin_tui.entities.figures_cache import FiguresCache
from boletin_tui.tui.figures_screen import FiguresProgress, FiguresScreen
from boletin_tui.workspace import Workspace

if TYPE_CHECKING:
    from boletin_tui.entities.figures_table import FigureRow


class FiguresWork:
    """See the module. `cache` is filled once, in the background."""

    def __init__(
        self,
        app: App[Any],
        workspace: Workspace,
        cache: FiguresCache,
        *,
        open_row: Callable[[FigureRow | None], None],
    ) -> None:
        self._app, self._workspace, self.cache = app, workspace, cache
        self._open_row = open_row

    def start(self) -> None:
        """Recognise every bulletin's figures in the background, once the texts are in."""
        if self._workspace.loaded and not self.cache.started:
            self._app.run_worker(
                self._fill, thread=True, exclusive=True, group="figures", exit_on_error=False
            )

    def _fill(self) -> None:
        # Each text is read from the corpus database as it is recognised, not all at once.
        assert self._workspace.corpus is not None  # started once the corpus is loaded
        bulletins = self._workspace.corpus.texts()
        worker = get_current_worker()
        post = self._app.post_message
        self.cache.fill(
            bulletins,
            progress=lambda done, total: post(FiguresProgress(done, total)),
            stop=lambda: worker.is_cancelled,
        )

    def progress(self) -> None:
        """The cache filled further: the figures screens shown say so."""
        for screen in self._app.screen_stack:
            if isinstance(screen, FiguresScreen):
                screen.progress()

    def open(self, keys: list[str]) -> None:
        """The figures screen over the bulletins `keys` (unless it is shown already)."""
        if isinstance(self._app.screen, FiguresScreen):
            return
        self.start()
        self._app.push_screen(FiguresScreen(self.cache, keys), self._open_row)
