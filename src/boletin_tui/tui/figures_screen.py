"""The figures screen: every figure of the bulletins listed, sortable, filtered by noun, charted.

`FiguresScreen(cache, keys)` shows `cache.table(keys)` (a `FiguresTable`: see
`entities/figures_cache.py`) in a `FiguresGrid`. Typing in the field filters by noun (folded:
`FiguresTable.filter`), and the chart below plots the rows left over time. `s` sorts by the next
column (a click on a title sorts by it), `r` reverses, `e` exports what is shown, `enter` closes
the screen returning the row (the app opens its bulletin at the figure), `escape` closes.

While the cache is still recognising bulletins, the title line says how far it has got and the
app calls `progress()`, which reloads the rows at most once a second and when done.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from boletin_tui.actions import BY_ID, display_keys
from boletin_tui.entities.figures_cache import FiguresCache
from boletin_tui.safe_text import safe_text
from boletin_tui.tui.figures_export import FiguresExportScreen, default_figures_path
from boletin_tui.tui.figures_grid import GRID_COLUMNS, FiguresGrid
from boletin_tui.tui.keymap import effective_keys, widget_binding
from boletin_tui.tui.labels import plural
from boletin_tui.tui.series_chart import SeriesChart

if TYPE_CHECKING:  # imported when the screen is made: the app imports this at launch
    from boletin_tui.entities.figures_table import FigureRow

SCREEN_ACTIONS = (
    "figures_filter",
    "figures_sort",
    "figures_reverse",
    "figures_export",
    "figures_close",
)
_RELOAD_EVERY = 1.0  # seconds between reloads while figures arrive


class FiguresProgress(Message):
    """The background recognition has done `done` of `total` bulletins."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FiguresProgress)


class FiguresScreen(Screen["FigureRow | None"]):
    """See the module. Dismissed with the row to open, or None."""

    BINDINGS = [
        widget_binding("figures_filter", "focus_filter"),
        widget_binding("figures_sort", "sort_next"),
        widget_binding("figures_reverse", "reverse"),
        widget_binding("figures_export", "export"),
        widget_binding("figures_close", "close"),
    ]

    AUTO_FOCUS = "FiguresGrid"  # not the filter: `/` leads there, and keys go to the table

    def __init__(self, cache: FiguresCache, keys: Sequence[str], word: str = "") -> None:
        super().__init__()
        from boletin_tui.entities.figures_table import FiguresTable

        self.cache, self.keys = cache, list(keys)
        self.table = FiguresTable(())
        self.word = word
        self.sort: tuple[str, bool] | None = None
        self.shown: list[FigureRow] = []
        self._loaded_at = 0.0

    def compose(self) -> ComposeResult:
        yield Static("", id="figures-status", markup=False)
        yield Input(
            self.word, placeholder="Filtrar por sustantivo (p. ej. residente)", id="figures-filter"
        )
        yield FiguresGrid(id="figures-grid")
        yield Static("", id="figures-chart-title", markup=False)
        yield SeriesChart(id="figures-chart")
        # Not a `Footer`: it rebuilt a widget per key and took ~2/3 of the screen's opening.
        yield Static(self._hints(), id="figures-keys", markup=False)

    def on_mount(self) -> None:
        self.grid = self.query_one(FiguresGrid)
        self.chart = self.query_one(SeriesChart)
        self.reload()

    def _hints(self) -> str:
        """One line of keys from the action table (with the user's keymap)."""
        keymap = getattr(self.app, "_keys", {})
        parts = []
        for action_id in (*SCREEN_ACTIONS[:3], "figures_open", *SCREEN_ACTIONS[3:], "help"):
            action = BY_ID[action_id]
            keys = display_keys(effective_keys(action, keymap)).split(" / ")[0]
            parts.append(f"{keys} {action.label.lower()}")
        return " · ".join(parts)

    # -- rows -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Take the cache's current table for the keys and show it again."""
        self._loaded_at = time.monotonic()
        self.table = self.cache.table(self.keys)
        self.apply()

    def progress(self) -> None:
        """The cache has recognised more bulletins (called by the app)."""
        if self.cache.complete or time.monotonic() - self._loaded_at >= _RELOAD_EVERY:
            self.reload()
        else:
            self._status()

    def apply(self, keep_cursor: bool = True) -> None:
        """Filter, sort and show; the chart follows after this frame. The cursor stays on its
        figure when `keep_cursor` (a sort, more rows arriving), else goes to the first row."""
        rows = self.table.filter(self.word) if self.word.strip() else self.table.rows
        if self.sort is not None:
            column, reverse = self.sort
            if self.word.strip():
                rows = type(self.table).sort(rows, column, reverse)
            else:
                rows = self.table.sorted_rows(column, reverse)
        self.shown = rows  # never modified: a new list whenever the rows change
        self.grid.set_rows(self.shown, keep=self.grid.current if keep_cursor else None)
        self._status()
        self.call_after_refresh(self._chart, self.word)

    def _chart(self, word: str | None = None) -> None:
        """Draw the chart of the filtered rows; skipped when the filter has changed since it
        was asked for (keys typed fast: only the last one's chart is drawn)."""
        if word is not None and word != self.word:
            return
        title = self.query_one("#figures-chart-title", Static)
        if not self.word.strip():
            self.chart.display = False
            title.update("Escriba un sustantivo para ver su gráfica en el tiempo.")
            return
        in_order = self.table.filter(self.word)
        self.chart.set_series(in_order)
        self.chart.select(self.grid.current)
        self.chart.display = bool(self.chart.plotted)
        count = len(self.chart.plotted)
        unit = f" ({self.chart.unit})" if self.chart.unit else ""
        title.update(
            f"«{safe_text(self.word.strip())}»{unit}: {plural(count, 'punto', 'puntos')} en el "
            "tiempo (sin los que no tienen fecha ni valor)"
            if count
            else f"«{safe_text(self.word.strip())}»: ninguna cifra con fecha y valor."
        )

    def _status(self) -> None:
        bulletins = plural(len(self.keys), "boletín", "boletines")
        if not self.cache.started:
            text = "Las cifras se reconocen cuando terminan de cargarse los boletines…"
        elif not self.cache.complete:
            text = f"Reconociendo cifras… {self.cache.done:,} de {self.cache.total:,}"
        else:
            text = f"Cifras de {bulletins}"
        shown = plural(len(self.shown), "cifra", "cifras")
        if self.sort is not None:
            title = next(t for c, t, _ in GRID_COLUMNS if c == self.sort[0])
            shown += f", por {title.lower()}{' (inverso)' if self.sort[1] else ''}"
        self.query_one("#figures-status", Static).update(f"{text} · {shown}")

    # -- events -----------------------------------------------------------------------------
    @on(Input.Changed, "#figures-filter")
    def _filter(self, event: Input.Changed) -> None:
        if event.value != self.word:
            self.word = event.value
            self.apply(keep_cursor=False)

    @on(Input.Submitted, "#figures-filter")
    def _filter_done(self) -> None:
        self.set_focus(self.grid)

    @on(FiguresGrid.SortRequested)
    def _sort_clicked(self, message: FiguresGrid.SortRequested) -> None:
        self.sort_by(message.column)

    @on(FiguresGrid.Highlighted)
    def _row_moved(self) -> None:
        self.chart.select(self.grid.current)

    @on(SeriesChart.PointHighlighted)
    def _point_moved(self, message: SeriesChart.PointHighlighted) -> None:
        for index, row in enumerate(self.shown):
            if row is message.row:
                self.grid.move_to(index)
                return

    @on(FiguresGrid.Chosen)
    def _chosen(self, message: FiguresGrid.Chosen) -> None:
        self.dismiss(message.row)

    # -- actions ----------------------------------------------------------------------------
    def sort_by(self, column: str, reverse: bool | None = None) -> None:
        """Sort by `column`; the same column again reverses the order."""
        if reverse is None:
            reverse = self.sort is not None and self.sort == (column, False)
        self.sort = (column, reverse)
        self.grid.sort_mark(column, reverse)
        self.apply()

    def action_sort_next(self) -> None:
        columns = [c for c, _, _ in GRID_COLUMNS]
        following = 0 if self.sort is None else (columns.index(self.sort[0]) + 1) % len(columns)
        self.sort_by(columns[following], False)

    def action_reverse(self) -> None:
        column, reverse = self.sort or ("date", False)
        self.sort_by(column, not reverse)

    def action_focus_filter(self) -> None:
        # Now, not on the next refresh (`focus()`): keys typed right after `/` are the filter's.
        self.set_focus(self.query_one(Input))

    def action_close(self) -> None:
        if self.focused is self.query_one(Input) and self.word:
            self.query_one(Input).value = ""  # the first escape clears the filter
            return
        self.dismiss(None)

    def action_export(self) -> None:
        rows = list(self.shown)

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._export(path, rows)

        self.app.push_screen(FiguresExportScreen(default_figures_path(), len(rows)), chosen)

    @work(thread=True, exclusive=True, group="figures-export", exit_on_error=False)
    def _export(self, path: Path, rows: list[FigureRow]) -> None:
        from boletin_tui.exports.figures_file import write_figures

        try:
            write_figures(path, rows)
        except Exception as exc:  # noqa: BLE001 - no extra, no room, no permission: told
            self.app.call_from_thread(
                self.app.notify,
                f"No se pudo exportar a {path}: {exc}",
                title="Exportar cifras",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        done = "exportada" if len(rows) == 1 else "exportadas"
        self.app.call_from_thread(
            self.app.notify,
            f"{plural(len(rows), 'cifra', 'cifras')} {done} a {path}",
            title="Exportar cifras",
            markup=False,
        )

    def commands(self) -> Iterable[SystemCommand]:
        """The palette while this screen is shown: its own actions."""
        for action_id in SCREEN_ACTIONS:
            action = BY_ID[action_id]
            keys = display_keys(action.keys)
            call = {
                "figures_filter": "focus_filter",
                "figures_sort": "sort_next",
                "figures_reverse": "reverse",
                "figures_export": "export",
                "figures_close": "close",
            }[action_id]
            yield SystemCommand(
                action.label,
                f"{action.help[:1].upper()}{action.help[1:]} ({keys})",
                lambda c=call: self.run_action(c),
            )
