"""Time the figures table model (`entities.figures_table`) at archive scale.

    PYTHONPATH=src python benchmarks/figures_bench.py [--bulletins 10000] [--repeat 9]

Rows come from the bundled sample and 300 realistic synthetic bulletins (entities_bench), each
recognised once, then copied under new keys and dates until there are `--bulletins` bulletins
(about 15 figures each); to keep the index honest about vocabulary, one copy in three gets its
nouns suffixed so that the table holds thousands of distinct noun keys. Recognition is not timed
here (entities_bench does it: about 1 ms a bulletin).

Timed (CPU, median of `--repeat`): building the table, `filter` for a frequent, a rare and an
absent noun, interleaved with the peer `[r for r in rows if matches(r.noun_key, word)]` (a
plain scan) and the ratio between them; `sort` by value; `series` of a frequent noun.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entities_bench import realistic  # noqa: E402

from boletin_tui.corpus import load_corpus, sample_corpus_path  # noqa: E402
from boletin_tui.entities.figures_table import FiguresTable, rows_of_bulletin  # noqa: E402
from boletin_tui.entities.nouns import matches  # noqa: E402


class _Synthetic:
    def __init__(self, i: int, text: str) -> None:
        self.key, self.date, self.title, self.text = f"{i:03d}/2000", None, "", text
        self.content_hash = f"synthetic-{i}"


def build_rows(count: int) -> list:
    corpus = load_corpus([sample_corpus_path()], use_cache=False)
    rng = random.Random(5)
    sources = list(corpus.bulletins) + [_Synthetic(i, realistic(rng)) for i in range(300)]
    per_source = [rows_of_bulletin(b) for b in sources]
    rows = []
    start = dt.date(2010, 1, 1)
    for i in range(count):
        source = per_source[i % len(per_source)]
        key = f"{i % 900:03d}/{2010 + i // 900}"
        date = None if i % 50 == 49 else start + dt.timedelta(days=i // 3)
        suffix = f" v{i % 997}" if i % 3 == 0 else ""
        for r in source:
            noun_key = r.noun_key + suffix if r.noun_key else None
            rows.append(replace(r, key=key, date=date, noun_key=noun_key))
    return rows


def cpu_ms(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        runs.append((time.process_time() - t) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulletins", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    rows = build_rows(args.bulletins)
    build = cpu_ms(lambda: FiguresTable(rows), 3)
    table = FiguresTable(rows)
    print(
        f"{args.bulletins} boletines, {len(table)} cifras, {len(table.nouns())} sustantivos "
        f"distintos; construir la tabla: {build:.0f} ms"
    )
    for word in ("persona", "cama", "medico residente", "quirofano", "inexistente"):
        ours, peer = [], []
        for _ in range(args.repeat):  # interleaved, so both see the same machine
            ours.append(cpu_ms(lambda w=word: table.filter(w), 1))
            peer.append(cpu_ms(lambda w=word: [r for r in rows if matches(r.noun_key, w)], 1))
        hits = len(table.filter(word))
        mine, theirs = statistics.median(ours), statistics.median(peer)
        print(
            f"filter({word!r}): {hits} filas, {mine:.1f} ms (meta <= 50 ms); recorrido simple "
            f"{theirs:.1f} ms; razón {theirs / mine if mine else float('inf'):.0f}x"
        )
    some = table.filter("persona")
    print(
        f"sort({len(some)} filas, 'value'): {cpu_ms(lambda: table.sort(some, 'value'), 5):.1f} ms"
    )
    everything = table.rows
    print(
        f"sort(todas, 'noun'): {cpu_ms(lambda: table.sort(everything, 'noun'), 3):.0f} ms; "
        f"series('persona'): {cpu_ms(lambda: table.series('persona'), 5):.1f} ms"
    )


if __name__ == "__main__":
    main()
