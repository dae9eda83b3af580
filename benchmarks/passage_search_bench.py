"""How long feeding the annotations to search takes at launch, with passages' tags and notes.

    PYTHONPATH=src python benchmarks/passage_search_bench.py [--records 20000] [--runs 7]

Builds `--records` annotation records in memory (1 to 3 tags; a note on 40 %; one record in
four with 1 to 3 passages, each with a tag or two and a note on a third) and feeds them to a
fresh `CorpusDB` over the sample corpus (the temporary search tables start empty, as at
launch), interleaved run by run:
- now: `Workspace.set_index` (`search.terms.annotation_terms` per key: the passages' tags and
  notes joined to the bulletin's, every record marked for `anotado:`);
- before: the bulletin's own `(key, tags, note)` only, as the workspace fed it until now;
- the same records without passages, fed now (the join's cost alone is the gap to this).
Prints median and min of each, and the ratio of now to before.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from boletin_tui.corpus import sample_corpus_path
from boletin_tui.corpusdb import CorpusDB
from boletin_tui.store import Annotation
from boletin_tui.store.passages import Passage, passage_id
from boletin_tui.workspace import Workspace

WORDS = [
    "cifra",
    "dato",
    "revisar",
    "fecha",
    "salud",
    "clínica",
    "vacuna",
    "robledo",
    "hospital",
    "consulta",
]
TAGS = ["verificar", "salud", "cifras", "urgente", "Salud mental", "obra", "fuente", "dudoso"]


def records(n: int, rng: random.Random) -> list[Annotation]:
    out = []
    for i in range(n):
        key = f"{i % 999 + 1:03d}/{1990 + i // 999}"
        note = " ".join(rng.choices(WORDS, k=12)) if rng.random() < 0.4 else ""
        passages: tuple[Passage, ...] = ()
        if rng.random() < 0.25:
            made = []
            for j in range(rng.randint(1, 3)):
                quote = " ".join(rng.choices(WORDS, k=8))
                start = j * 200
                made.append(
                    Passage(
                        passage_id(key, start, start + len(quote), quote),
                        quote,
                        "",
                        "",
                        start,
                        start + len(quote),
                        tuple(rng.sample(TAGS, rng.randint(1, 2))),
                        " ".join(rng.choices(WORDS, k=10)) if rng.random() < 0.33 else "",
                    )
                )
            passages = tuple(made)
        out.append(Annotation(key, tuple(rng.sample(TAGS, rng.randint(1, 3))), note,
                              passages=passages))  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(7)
    annotations = records(args.records, rng)
    bare = [Annotation(a.key, a.tags, a.note) for a in annotations]
    with_passages = sum(1 for a in annotations if a.passages)
    ws_now, ws_bare = Workspace.from_annotations(annotations), Workspace.from_annotations(bare)

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        first = CorpusDB.open([sample_corpus_path()], cache)
        first.sync()
        first.close()

        def timed(feed: Callable[[CorpusDB], None]) -> float:
            db = CorpusDB.open([sample_corpus_path()], cache)  # fresh temporary tables
            t0 = time.perf_counter()
            feed(db)
            elapsed = time.perf_counter() - t0
            db.close()
            return elapsed

        cases: dict[str, Callable[[CorpusDB], None]] = {
            "now (passages joined)": ws_now.set_index,
            "before (bulletin only)": lambda db: db.set_annotations(
                (a.key, a.tags, a.note) for a in ws_now.annotations.values()
            ),
            "now, records without passages": ws_bare.set_index,
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, feed in cases.items():
                times[name].append(timed(feed))
    print(f"{args.records} records, {with_passages} with passages, {args.runs} runs interleaved")
    for name, runs in times.items():
        print(
            f"  {name:32} median {statistics.median(runs) * 1000:6.0f} ms"
            f"  min {min(runs) * 1000:6.0f} ms"
        )
    now, before = (statistics.median(times[n]) for n in list(cases)[:2])
    print(f"  ratio now / before: {now / before:.2f}")


if __name__ == "__main__":
    main()
