"""The figures screen through `run_test`: filter, sort, open, chart, export, progress."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Label

from boletin_tui.entities.figures_cache import FiguresCache
from boletin_tui.entities.figures_table import FigureRow
from boletin_tui.tui import figures_screen
from boletin_tui.tui.figures_export import FiguresExportScreen
from boletin_tui.tui.figures_grid import FiguresGrid
from boletin_tui.tui.figures_screen import FiguresScreen
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.series_chart import SeriesChart
from boletin_tui.tui.timeline import Timeline

SIZE = (120, 36)


async def _open_figures(app, pilot, h) -> FiguresScreen:
    await h.settle(pilot)  # the texts, the index, then the figures worker
    assert app.figures.complete
    await pilot.press("F")
    await pilot.pause()
    assert isinstance(app.screen, FiguresScreen)
    return app.screen


async def test_lists_every_figure_of_the_bulletins_listed(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_figures(app, pilot, h)
        keys = {row.key for row in screen.shown}
        assert len(keys) == 4 and len(screen.shown) == 15
        text = h.screen_text(app)
        for words in ("Fecha", "Boletín", "Sustantivo", "340", "piezas donadas", "más de"):
            assert words in text
        assert "15 cifras" in text and "Cifras de 4 boletines" in text


async def test_a_search_narrows_the_figures(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("slash", *"museo", "enter")  # the search bar
        await h.settle(pilot)
        listed = set(app.query_one(Timeline).shown_keys)
        assert 0 < len(listed) < 4
        await pilot.press("F")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        assert screen.shown and {row.key for row in screen.shown} <= listed


async def test_filter_by_noun_is_folded_and_charts_the_series(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_figures(app, pilot, h)
        await pilot.press("slash", *"PIEZA")
        await pilot.pause()
        assert [row.noun for row in screen.shown] == ["piezas donadas", "piezas", "piezas"]
        await pilot.pause()  # the chart follows after the table's frame
        chart = screen.query_one(SeriesChart)
        assert chart.display and len(chart.plotted) == 2  # the percentage is another unit
        assert "«PIEZA»: 2 puntos" in h.screen_text(app)
        await pilot.press("escape")  # clears the filter first
        await pilot.pause()
        assert len(screen.shown) == 15 and isinstance(app.screen, FiguresScreen)


async def test_sort_by_keys_and_by_clicking_a_title(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_figures(app, pilot, h)
        grid = screen.query_one(FiguresGrid)
        await pilot.press("s", "s", "s")  # date, bulletin, value
        values = [row.value or 0 for row in screen.shown]
        assert values == sorted(values)
        assert "Cifra ▲" in h.screen_text(app)
        await pilot.press("r")
        assert [row.value or 0 for row in screen.shown] == sorted(values, reverse=True)
        # A click on the title of the noun column sorts by noun; again, in reverse.
        noun_x = h.screen_text(app).splitlines()[2].index("Sustantivo")
        await pilot.click(FiguresGrid, offset=(noun_x + 2, 0))
        nouns = [row.noun_key for row in screen.shown if row.noun_key]
        assert nouns == sorted(nouns) and screen.sort == ("noun", False)
        current = grid.current
        await pilot.click(FiguresGrid, offset=(noun_x + 2, 0))
        nouns = [row.noun_key for row in screen.shown if row.noun_key]
        assert nouns == sorted(nouns, reverse=True)
        assert grid.current is current  # the cursor stays on its figure


async def test_enter_opens_the_bulletin_at_the_figure(make, h):
    app = make()
    async with app.run_test(size=(100, 16)) as pilot:  # short: the figure needs a scroll
        screen = await _open_figures(app, pilot, h)
        await pilot.press("slash", *"porcentaje")  # nothing
        assert screen.shown == []
        await pilot.press("ctrl+a", "ctrl+k", *"pieza", "enter", "end")
        row = screen.shown[-1]
        assert row.figure == "40 por ciento"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FiguresScreen)
        reader = app.query_one(Reader)
        assert reader.bulletin.key == row.key == app.query_one(Timeline).current_key
        line = reader.mark_line
        assert line is not None and line > 0
        assert reader.scroll_y > 0  # scrolled down to it
        top = round(reader.scroll_y)
        assert top <= line < top + reader.scrollable_content_region.height
        assert "40" in reader._lines[line].plain
        # The highlight is drawn in the reader's mark style on that line.
        mark = reader.get_component_styles("reader--mark").background
        spans = reader._lines[line].spans
        assert any(span.style.background == mark for span in spans)


async def test_main_screen_keys_wait_while_the_figures_screen_is_open(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await _open_figures(app, pilot, h)
        await pilot.press("t", "4", "j")  # tag, hide figures, next bulletin: not here
        await pilot.pause()
        assert isinstance(app.screen, FiguresScreen)
        assert "FIGURE" not in app.hidden_types
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["Filtrar", "Ordenar", "Invertir", "Exportar", "Volver"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FiguresScreen)


async def test_export_writes_csv_and_asks_before_replacing(make, h, tmp_path):
    app = make()
    target = tmp_path / "cifras.csv"
    async with app.run_test(size=SIZE) as pilot:
        await _open_figures(app, pilot, h)
        await pilot.press("slash", *"guardian", "enter", "e")
        await pilot.pause()
        assert isinstance(app.screen, FiguresExportScreen)
        field = app.screen.query_one("#figures-export-path", Input)
        field.value = str(target)
        await pilot.press("enter")
        await h.settle(pilot)
        with target.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [r["noun"] for r in rows] == ["guardianes", "guardianes"]
        assert rows[0]["key"] == "188/2023" and rows[0]["date"] == "2023-05-18"
        # Again to the same file: the first enter only warns; escape keeps the file.
        target.write_text("mío", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#figures-export-path", Input).value = str(target)
        await pilot.press("enter")
        await h.settle(pilot)
        assert isinstance(app.screen, FiguresExportScreen)
        warning = app.screen.query_one("#figures-export-warning", Label)
        assert "ya existe" in str(warning.render())
        await pilot.press("escape")
        await h.settle(pilot)
        assert target.read_text(encoding="utf-8") == "mío"
        # Confirmed: replaced.
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#figures-export-path", Input).value = str(target)
        await pilot.press("enter", "enter")
        await h.settle(pilot)
        assert target.read_text(encoding="utf-8").startswith("key,date,figure")


async def test_export_xlsx_has_typed_cells(make, h, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    app = make()
    target = tmp_path / "cifras.xlsx"
    async with app.run_test(size=SIZE) as pilot:
        await _open_figures(app, pilot, h)
        await pilot.press("slash", *"guardian", "enter", "e")
        await pilot.pause()
        app.screen.query_one("#figures-export-path", Input).value = str(target)
        await pilot.press("enter")
        await h.settle(pilot)
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert first["value"] == 85 and first["date"].date() == dt.date(2023, 5, 18)


def _rows(count: int) -> list[FigureRow]:
    start = dt.date(2015, 1, 1)
    return [
        FigureRow(
            key=f"{i + 1:03d}/2015",
            date=start + dt.timedelta(days=7 * i),
            title="",
            figure=str(100 + i * 10),
            value=100 + i * 10,
            unit=None,
            qualifier=None,
            noun="residentes",
            noun_key="residente",
            sentence=f"Hay {100 + i * 10} residentes.",
            start=4,
            end=7,
        )
        for i in range(count)
    ]


class _ScreenHost(App[None]):
    CSS_PATH = [str(Path(figures_screen.__file__).with_name("figures.tcss"))]

    def compose(self) -> ComposeResult:
        return iter(())


async def _show(app, pilot, rows: list[FigureRow]) -> FiguresScreen:
    keys = list(dict.fromkeys(r.key for r in rows))
    screen = FiguresScreen(FiguresCache.from_rows(rows), keys, word="residente")
    await app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()
    return screen


async def test_chart_of_one_point(h):
    rows, app = _rows(1), _ScreenHost()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _show(app, pilot, rows)
        chart = screen.query_one(SeriesChart)
        assert chart.plotted == rows and chart.display
        text = h.screen_text(app)
        assert "2015-01-01 001/2015" in text and "█" in text
        assert "1 punto" in text


async def test_chart_of_many_points_moves_the_table(h):
    rows, app = _rows(60), _ScreenHost()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _show(app, pilot, rows)
        chart = screen.query_one(SeriesChart)
        grid = screen.query_one(FiguresGrid)
        assert len(chart.plotted) == 60
        text = h.screen_text(app)
        assert "2015-01-01 001/2015" in text and "+10%" in text  # 100 -> 110
        chart.focus()
        await pilot.press("down", "down", "down")
        assert grid.current is rows[3]
        await pilot.press("end")
        assert grid.current is rows[-1]
        assert "2016-02-18 060/2015" in h.screen_text(app)  # scrolled to the last point
        grid.focus()
        await pilot.press("home")
        assert chart.cursor == 0


async def test_the_screen_reports_progress_while_figures_arrive(h):
    rows = _rows(3)
    cache = FiguresCache()  # nothing recognised yet
    app = _ScreenHost()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = FiguresScreen(cache, [r.key for r in rows])
        await app.push_screen(screen)
        await pilot.pause()
        assert "se reconocen cuando" in h.screen_text(app)

        class Fake:
            def __init__(self, row: FigureRow) -> None:
                self.key, self.date, self.title = row.key, row.date, ""
                self.text, self.content_hash = row.sentence, row.key

        cache.fill([Fake(r) for r in rows[:1]])
        cache.total = 3  # as if two more were still to come
        screen.progress()
        await pilot.pause()
        assert "Reconociendo cifras… 1 de 3" in h.screen_text(app)


async def test_filter_typed_in_one_burst(make, h):
    """`F/guardian` arriving at once, as from a real terminal, filters (no key reaches the
    table: `e` would export)."""
    from textual import events

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        for ch in "F/guardian":
            app.post_message(events.Key("slash" if ch == "/" else ch, ch))
        await h.settle(pilot)
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        assert screen.word == "guardian" and len(screen.shown) == 2


async def test_chart_changes_follow_series_of(h):
    """The chart's change per point is `series_of`'s, with figures repeated in a bulletin."""
    from boletin_tui.entities.figures_table import series_of

    rows = _rows(6)
    doubled = [r for row in rows for r in (row, _again(row))]
    app = _ScreenHost()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _show(app, pilot, doubled)
        chart = screen.query_one(SeriesChart)
        expected = [p.change_pct for p in series_of(chart.plotted)]
        got = [chart.change_pct(i) for i in range(len(chart.plotted))]
        assert [None if g is None else round(g, 2) for g in got] == expected
        assert expected[0] is None and expected[2] is not None


def _again(row: FigureRow) -> FigureRow:
    from dataclasses import replace

    return replace(row, value=(row.value or 0) + 5, start=row.start + 20, end=row.end + 20)
