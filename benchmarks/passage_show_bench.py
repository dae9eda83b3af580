"""Showing a bulletin with 50 passages against showing one without, in the app (headless).

    .venv/bin/python benchmarks/passage_show_bench.py [--bulletins 200] [--passages 50]

Builds a synthetic archive (`synth.py`) in a temporary folder and a database where every
other bulletin has `--passages` passages (consecutive sentences of its text, each with a tag,
a third with a note). Launches the app (`run_test`, 120x36) and moves down the timeline with
`j`, timing each move until the new bulletin is shown and the reading pane's visible lines are
rendered (as `probes.py` times `next_bulletin`). Each bulletin is shown once: its passages
are re-anchored (`anchor.locate`) on that first showing. Prints the median and 90th
percentile of moves onto a bulletin with passages and onto one without, interleaved in the
same run, and their ratio. The next-bulletin budget is 16-20 ms.
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
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from probes import _key, _render_visible, _until  # noqa: E402
from synth import generate  # noqa: E402

from boletin_tui.corpus import load_corpus  # noqa: E402
from boletin_tui.store import AnnotationStore  # noqa: E402
from boletin_tui.text_units import sentences, words  # noqa: E402


def annotate(archive: Path, db: Path, per_bulletin: int) -> set[str]:
    """Give every other bulletin (in timeline order) `per_bulletin` passages."""
    bulletins = sorted(
        load_corpus([archive]).bulletins, key=lambda b: (b.date is None, b.date), reverse=True
    )
    marked: set[str] = set()
    with AnnotationStore(db, "bench") as store:
        for i, b in enumerate(bulletins):
            if i % 2:
                continue
            # Sentences first; a short text gets word passages to make up the number.
            spans = (sentences(b.text) + words(b.text, 0, len(b.text)))[:per_bulletin]
            for n, span in enumerate(spans):
                note = "revisar" if n % 3 == 0 else ""
                store.add_passage(b.key, b.text, span.start, span.end, ["verificar"], note)
            marked.add(b.key)
    return marked


def run(archive: Path, db: Path, marked: set[str], steps: int) -> tuple[list, list, list]:
    from boletin_tui.tui import make_app
    from boletin_tui.tui.reader import Reader

    app = make_app([archive], db, annotator="bench", cache_dir=db.parent / "cache")
    with_p: list[float] = []
    without: list[float] = []
    counts: list[int] = []

    async def drive() -> None:
        async with app.run_test(size=(120, 36)):
            reader = app.query_one(Reader)
            await _until(lambda: reader.bulletin is not None)
            await _until(app.index_built.is_set)
            for _ in range(steps):
                before = reader.bulletin
                t0 = time.perf_counter()
                _key(app, "j")
                await _until(lambda b=before: reader.bulletin is not b)
                _render_visible(reader)
                elapsed = time.perf_counter() - t0
                assert reader.bulletin is not None
                if reader.bulletin.key in marked:
                    with_p.append(elapsed)
                    annotation = app.workspace.annotation(reader.bulletin.key)
                    counts.append(len(annotation.passages) if annotation else 0)
                else:
                    without.append(elapsed)
                await asyncio.sleep(0.01)  # let the frame and the prefetch go out

    asyncio.run(drive())
    return with_p, without, counts


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[int(len(values) * 0.9) - 1] if len(values) >= 10 else values[-1]
    return f"median {statistics.median(values) * 1000:6.2f} ms  p90 {p90 * 1000:6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bulletins", type=int, default=200)
    parser.add_argument("--passages", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        archive = generate(args.bulletins, work / "archive")
        db = work / "db" / "annotations.json"
        db.parent.mkdir()
        marked = annotate(archive, db, args.passages)
        with_p, without, counts = run(archive, db, marked, min(args.bulletins - 1, 120))
    print(f"passages per annotated bulletin: median {statistics.median(counts):.0f}")
    print(f"next bulletin, {args.passages} passages: {_ms(with_p)}  ({len(with_p)} moves)")
    print(f"next bulletin, no passages:  {_ms(without)}  ({len(without)} moves)")
    print(f"ratio of medians: {statistics.median(with_p) / statistics.median(without):.2f}")


if __name__ == "__main__":
    main()
