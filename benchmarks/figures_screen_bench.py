"""Time the app's figures screen at archive scale, headless (`run_test`).

    PYTHONPATH=src python benchmarks/figures_screen_bench.py [--bulletins 10000] [--repeat 5]
        [--cold 1000]

Rows as in `figures_bench.py` (about 29 figures a bulletin, thousands of distinct nouns), held
in a complete `FiguresCache`: the state once the background recognition has finished. Timed
(wall clock, median of `--repeat`, interleaved with the peer):
- opening: `push_screen(FiguresScreen(cache, keys))` until the screen has composed, mounted and
  drawn its first frame; peer: Textual's `DataTable` given only 20,000 of those rows.
- filtering by noun: `screen.word = w; screen.apply(keep_cursor=False)` as typing does (filter,
  sort if any, the grid's rows, the status line); the chart, drawn after that frame, apart.
- the chart: `SeriesChart` against `textual-plotext`'s `PlotextPlot` (when installed) for the
  same points, each drawn into a 140x12 region.
- with `--cold N`: `FiguresCache.fill` over N synthetic bulletins (`synth.py`), per bulletin,
  which is what the background worker costs before the first complete table.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures_bench import build_rows  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import DataTable, Static  # noqa: E402

from boletin_tui.entities.figures_cache import FiguresCache  # noqa: E402
from boletin_tui.entities.figures_table import FigureRow  # noqa: E402
from boletin_tui.tui import figures_screen  # noqa: E402
from boletin_tui.tui.figures_grid import GRID_COLUMNS, cells  # noqa: E402
from boletin_tui.tui.figures_screen import FiguresScreen  # noqa: E402
from boletin_tui.tui.series_chart import SeriesChart  # noqa: E402

CSS = Path(figures_screen.__file__).with_name("figures.tcss")
SIZE = (140, 40)


class Host(App[None]):
    CSS_PATH = [str(CSS)]

    def compose(self) -> ComposeResult:
        yield Static("host")


async def _open(cache: FiguresCache, keys: list[str]) -> float:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        t0 = time.perf_counter()
        await app.push_screen(FiguresScreen(cache, keys))
        await pilot.pause()
        return time.perf_counter() - t0


async def _open_peer(rows: list[FigureRow]) -> float:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        t0 = time.perf_counter()
        table: DataTable[str] = DataTable()
        await app.mount(table)
        table.add_columns(*(title for _, title, _ in GRID_COLUMNS))
        table.add_rows(cells(r) for r in rows)
        await pilot.pause()
        return time.perf_counter() - t0


async def _filtering(cache: FiguresCache, keys: list[str], words: list[str]) -> dict:
    app = Host()
    out: dict[str, tuple[float, float, int]] = {}
    async with app.run_test(size=SIZE) as pilot:
        screen = FiguresScreen(cache, keys)
        await app.push_screen(screen)
        await pilot.pause()
        for word in words:
            t0 = time.perf_counter()
            screen.word = word
            screen.apply(keep_cursor=False)  # as typing in the field does
            table = time.perf_counter() - t0
            t0 = time.perf_counter()
            screen._chart()
            chart = time.perf_counter() - t0
            out[word] = (table, chart, len(screen.shown))
            await pilot.pause()
    return out


async def _chart(rows: list[FigureRow], plotext: bool) -> float:
    class ChartHost(App[None]):
        CSS = "SeriesChart, PlotextPlot { height: 12; }"

        def compose(self) -> ComposeResult:
            if plotext:
                from textual_plotext import PlotextPlot

                plot = PlotextPlot()
                yield plot
            else:
                yield SeriesChart()

    app = ChartHost()
    async with app.run_test(size=(140, 14)) as pilot:
        t0 = time.perf_counter()
        if plotext:
            from textual_plotext import PlotextPlot

            plot = app.query_one(PlotextPlot)
            plt = plot.plt
            plt.clear_data()
            values = [float(r.value or 0) for r in rows]
            plt.plot(list(range(len(values))), values)
            step = max(len(rows) // 8, 1)
            plt.xticks(list(range(0, len(rows), step)), [r.key for r in rows][::step])
            plot.refresh()
        else:
            app.query_one(SeriesChart).set_series(rows)
        await pilot.pause()
        app.save_screenshot(path=tempfile.gettempdir(), filename="figures-chart-bench.svg")
        return time.perf_counter() - t0


def _median(values: list[float]) -> float:
    return statistics.median(values) * 1000


def _reference() -> float:
    """`run.py`'s machine reference (5M additions in a child Python): this shared machine's
    speed right now; 0.45-0.50 s when it is quiet."""
    from run import run_reference

    return float(run_reference()["seconds"])


def _cold(count: int) -> None:
    from synth import generate

    from boletin_tui.corpus import load_corpus

    with tempfile.TemporaryDirectory() as tmp:
        generate(count, Path(tmp) / "archive")
        corpus = load_corpus([Path(tmp) / "archive"], use_cache=False)
        cache = FiguresCache()
        t0 = time.process_time()
        cache.fill(corpus.bulletins)
        spent = time.process_time() - t0
    per = spent / max(len(corpus.bulletins), 1) * 1000
    print(
        f"en frío: reconocer {len(corpus.bulletins)} boletines (FiguresCache.fill, CPU): "
        f"{spent:.1f} s, {per:.2f} ms por boletín; a 10,000: ~{per * 10:.0f} s en segundo plano"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--bulletins", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", type=int, default=0)
    args = parser.parse_args()
    rows = build_rows(args.bulletins)
    cache = FiguresCache.from_rows(rows)
    keys = list(dict.fromkeys(r.key for r in rows))
    cache.table(keys)  # what the worker leaves built at the end of `fill`
    print(
        f"{len(keys)} boletines, {len(rows)} cifras; referencia de la máquina {_reference():.2f} s"
    )

    ours, peer = [], []
    for _ in range(args.repeat):
        ours.append(asyncio.run(_open(cache, keys)))
        peer.append(asyncio.run(_open_peer(rows[:20_000])))
    mine, theirs = _median(ours), _median(peer)
    print(
        f"abrir la pantalla de cifras: {mine:.0f} ms (mejor {min(ours) * 1000:.0f}; meta <= 300 "
        f"ms); DataTable con sólo 20,000 filas: {theirs:.0f} ms; razón {theirs / mine:.1f}x"
    )

    words = ["persona", "cama", "quirofano", "inexistente", ""]
    runs = [asyncio.run(_filtering(cache, keys, words)) for _ in range(args.repeat)]
    for word in words:
        table = _median([r[word][0] for r in runs])
        chart = _median([r[word][1] for r in runs])
        hits = runs[0][word][2]
        print(
            f"filtrar por {word!r}: {hits} filas, {table:.1f} ms (meta <= 50 ms); "
            f"gráfica después: {chart:.1f} ms"
        )

    try:
        import textual_plotext  # noqa: F401

        have_plotext = True
    except ImportError:
        have_plotext = False
    series = sorted(
        (r for r in rows if r.noun_key == "persona" and r.date and r.value is not None),
        key=lambda r: r.date or 0,
    )
    for count in (1, 40, len(series)):
        points = series[:count]
        own, other = [], []
        for _ in range(args.repeat):
            own.append(asyncio.run(_chart(points, False)))
            if have_plotext:
                other.append(asyncio.run(_chart(points, True)))
        line = f"gráfica de {count} puntos: SeriesChart {_median(own):.0f} ms"
        if have_plotext:
            line += f"; textual-plotext {_median(other):.0f} ms"
        print(line)
    if args.cold:
        _cold(args.cold)
    print(f"referencia de la máquina al final: {_reference():.2f} s")


if __name__ == "__main__":
    main()
