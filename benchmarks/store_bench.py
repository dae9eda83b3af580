"""How long one `add_tags` takes to reach durable storage with 10,000 annotated bulletins.

    PYTHONPATH=src python benchmarks/store_bench.py [--records 10000] [--runs 40]

Builds a database in a temporary folder (1 to 4 tags per bulletin, a note on 40 % of them),
then prints the median and 90th percentile of:
- `add_tags` in a long-lived store (the app's case), with orjson and with the standard library;
- the first `add_tags` of a freshly opened store (parses and validates the file first);
- the `boletin-tui tag` command end to end (a new Python process each time).
Every timed call really writes: each adds a new tag, durably. Since issue 16 a small write is one
fsync'd line in the database's journal (the command folds it into the file on closing);
`passage_bench.py` sets it beside the former whole-file rewrite.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from boletin_tui.store import Annotation, AnnotationStore, jsonio

WORDS = [
    "salud",
    "vacunación",
    "niñez",
    "pensión",
    "médico",
    "clínica",
    "hospital",
    "México",
    "guardería",
    "diabetes",
    "obesidad",
    "cáncer",
    "trasplante",
    "IMSS",
    "derechohabientes",
    "«programa»",
    '"cita"',
    "cifras,",
    "datos",
]


def build(path: Path, records: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    stamp = "2026-01-01T10:00:00-06:00"
    annotations = []
    for n in range(records):
        key = f"{n % 900 + 1:03d}/{2000 + n // 900}"
        tags = tuple(rng.sample(WORDS[:12], rng.randint(1, 4)))
        note = ""
        if rng.random() < 0.4:
            note = " ".join(rng.choices(WORDS, k=rng.randint(8, 60)))
            note = note.replace(" cifras,", ",\ncifras")
        annotations.append(Annotation(key, tags, note, "ana", stamp, stamp))
    with AnnotationStore(path, "ana") as store:
        store.merge_many(annotations)


def summary(label: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    return (
        f"{label:<46} median {statistics.median(ms):7.1f} ms   p90 {p90:7.1f} ms"
        f"   (n={len(ms)}, min {ms[0]:.1f}, max {ms[-1]:.1f})"
    )


def time_store(path: Path, runs: int, use_orjson: bool) -> tuple[list[float], list[float]]:
    rng = random.Random(2)
    cold, warm = [], []
    for i in range(max(3, runs // 8)):
        store = AnnotationStore(path, "bench", use_orjson=use_orjson)
        start = time.perf_counter()
        store.add_tags(f"{rng.randint(1, 900)}/2005", [f"frío-{use_orjson}-{i}"])
        cold.append(time.perf_counter() - start)
        store.close()
    with AnnotationStore(path, "bench", use_orjson=use_orjson) as store:
        store.add_tags("001/2001", ["calentamiento"])
        for i in range(runs):
            key = f"{rng.randint(1, 900)}/{rng.randint(2000, 2010)}"
            start = time.perf_counter()
            store.add_tags(key, [f"caliente-{use_orjson}-{i}"])
            warm.append(time.perf_counter() - start)
    return warm, cold


def time_command(path: Path, runs: int) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    times = []
    for i in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "boletin_tui",
                "tag",
                "--db",
                str(path),
                f"{i % 900 + 1}/2003",
                f"cli-{i}",
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--cli-runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annotations.json"
        build(path, args.records)
        size = path.stat().st_size / 1e6
        print(
            f"{args.records} annotated bulletins, file {size:.1f} MB, "
            f"orjson {'available' if jsonio.orjson else 'not installed'}, "
            f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
        )
        modes = [True, False] if jsonio.orjson else [False]
        for use_orjson in modes:
            name = "orjson" if use_orjson else "stdlib"
            warm, cold = time_store(path, args.runs, use_orjson)
            print(summary(f"add_tags, open store ({name})", warm))
            print(summary(f"add_tags, freshly opened store ({name})", cold))
        print(
            summary("`boletin-tui tag` end to end (new process)", time_command(path, args.cli_runs))
        )


if __name__ == "__main__":
    main()
