"""Benchmark: filtering the timeline by an entity of "En este boletín" at N bulletins.

    PYTHONPATH=src python benchmarks/entity_filter_bench.py --n 10000 [--seed 1]

Generates the archive of `search_bench.py`, builds `SearchIndex`, recognises the entities of a
few bulletins and takes each person's, institution's and place's query (`entity_entries`: a
phrase as written), then times `search(query)` with cold caches, interleaved with a peer: a
one-word search (`robledo`), the kind typed in the search field. Budget: <= 20 ms median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from search_bench import Generator  # noqa: E402

from boletin_tui.entities import recognise_bulletin  # noqa: E402
from boletin_tui.entity_entries import entries  # noqa: E402
from boletin_tui.search import SearchIndex  # noqa: E402


def _cold(index: SearchIndex, query: str) -> tuple[float, int]:
    index._cache.clear()  # as if never typed: no warm caches
    index._phrases.clear()
    t0 = time.perf_counter()
    hits = index.search(query)
    return time.perf_counter() - t0, len(hits)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=12, help="bulletins whose entities are used")
    args = ap.parse_args()
    gen = Generator(args.seed)
    bulletins = [gen.bulletin(i) for i in range(args.n)]
    index = SearchIndex(bulletins)
    queries: list[str] = []
    step = max(1, args.n // args.sample)
    for bulletin in bulletins[::step][: args.sample]:
        for kind, items in entries(recognise_bulletin(bulletin)).items():
            queries.extend(e.query for e in items[:3] if e.query and kind != "FIGURE")
    queries = list(dict.fromkeys(queries))[:60]
    ours, peer = [], []
    hits_total = 0
    for query in queries:
        runs = []
        for _ in range(3):
            elapsed, hits = _cold(index, query)
            runs.append(elapsed)
            peer.append(_cold(index, "robledo")[0])
        ours.extend(runs)
        hits_total += hits
        print(f"  {query:40} {hits:>6} hits  median {statistics.median(runs) * 1000:8.2f} ms")
    print(f"{args.n} bulletins, {len(queries)} entity queries, {hits_total} hits in all")
    print(f"examples: {', '.join(queries[:5])}")
    med, p90 = statistics.median(ours), sorted(ours)[int(len(ours) * 0.9)]
    peer_med = statistics.median(peer)
    print(
        f"entity filter (phrase search): median {med * 1000:.2f} ms, p90 {p90 * 1000:.2f} ms, "
        f"max {max(ours) * 1000:.2f} ms"
    )
    print(f"peer, one-word search 'robledo': median {peer_med * 1000:.2f} ms")
    print(
        f"ratio entity/peer: {med / peer_med:.2f}; budget 20 ms: {'ok' if med <= 0.02 else 'OVER'}"
    )


if __name__ == "__main__":
    main()
