"""Search hits per bulletin (`search.hits.hit_spans`, run on the UI thread at every keystroke):
milliseconds per bulletin for word, phrase, `cerca:` and figure queries, and each one's ratio
to the plain-word query measured interleaved in the same run (the peer).

    python benchmarks/hits_bench.py [FOLDER]   (default ../shared/seeds, else the UI fixtures)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from boletin_tui.search.hits import hit_spans, needles  # noqa: E402

QUERIES = {
    "word (peer)": "imss robledo",
    "phrase": '"secretaria de gobernacion" ',
    "phrase typed": '"dos de cada tr',
    "near": 'cerca:"robledo gobernadores"',
    "figure": "11907",
    "all": '"seguro social" cerca:"imss pandemia" 24,212 robledo',
}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"
    if not folder.is_dir():
        folder = ROOT / "tests" / "ui" / "fixtures" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    prepared = {name: needles(q) for name, q in QUERIES.items()}
    times: dict[str, list[float]] = {name: [] for name in QUERIES}
    for _ in range(200):  # interleaved: each round runs every query over every text
        for name, found in prepared.items():
            for text in texts:
                t0 = time.perf_counter()
                hit_spans(text, found)
                times[name].append(time.perf_counter() - t0)
    size = statistics.mean(len(t) for t in texts)
    print(f"{len(texts)} bulletins from {folder}, mean {size / 1000:.1f} k characters")
    peer = statistics.median(times["word (peer)"])
    for name, got in times.items():
        median, p95 = statistics.median(got), sorted(got)[int(len(got) * 0.95)]
        print(
            f"{name:14} median {median * 1000:.3f} ms  p95 {p95 * 1000:.3f} ms  "
            f"ratio to peer {median / peer:.2f}"
        )


if __name__ == "__main__":
    main()
