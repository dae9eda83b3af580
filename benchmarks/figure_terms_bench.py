"""Cost of indexing figure values (`search.figure_terms`) against the index build it joins.

    PYTHONPATH=src python benchmarks/figure_terms_bench.py [--n 10000] [--runs 3] [PATH ...]

Repeats the bulletins of PATH (default: the bundled sample corpus; the real seeds in
../shared/seeds are the closer match to an archive) up to N, then, interleaved per run,
times `figure_terms` over all of them and `SearchIndex` built with and without it. Prints
seconds and the ratio of the index with figure values to the index without.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from boletin_tui.corpus import load_corpus, sample_corpus_path  # noqa: E402
from boletin_tui.search import SearchIndex  # noqa: E402
from boletin_tui.search import index as index_module  # noqa: E402
from boletin_tui.search.figure_terms import figure_terms  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    source = load_corpus(args.paths or [sample_corpus_path()]).bulletins
    bulletins = [source[i % len(source)] for i in range(args.n)]
    with_words = sum(1 for b in source if figure_terms(b))
    print(f"{args.n} bulletins from {len(source)} ({with_words} with figures in words)")
    terms, built, bare = [], [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        for b in bulletins:
            figure_terms(b)
        terms.append(time.perf_counter() - start)
        start = time.perf_counter()
        SearchIndex(bulletins)
        built.append(time.perf_counter() - start)
        with mock.patch.object(index_module, "figure_terms", lambda b: []):
            start = time.perf_counter()
            SearchIndex(bulletins)
            bare.append(time.perf_counter() - start)
    t, w, base = (statistics.median(x) for x in (terms, built, bare))
    print(f"figure_terms alone     {t:7.2f} s")
    print(f"index with figures     {w:7.2f} s")
    print(f"index without figures  {base:7.2f} s   ratio with/without {w / base:.2f}")


if __name__ == "__main__":
    main()
