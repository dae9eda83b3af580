"""How `import` scales: seconds and microseconds per row for growing JSON Lines files.

    PYTHONPATH=src python benchmarks/import_bench.py [--rows 10000 40000 160000] [--cli]

For each size, writes an export of that many distinct annotations (a tag each, a note on one in
three), then times `read_export` and `AnnotationStore.merge_many` into an empty database (with
`--cli`, the `boletin-tui import` command end to end instead). Linear scaling shows as a flat
microseconds-per-row column; compare two trees by running this with each on PYTHONPATH,
interleaved (this machine's speed varies).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from boletin_tui.store import AnnotationStore
from boletin_tui.store.exchange import read_export


def write_rows(path: Path, rows: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for n in range(rows):
            key = f"{n % 90_000 + 1:03d}/{1950 + n // 90_000}"
            note = f"nota {n} con acentos: vacunación" if n % 3 == 0 else ""
            record = {"key": key, "tags": ["salud", f"t{n % 50}"], "note": note}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 40_000, 160_000])
    parser.add_argument("--cli", action="store_true", help="time `boletin-tui import` instead")
    args = parser.parse_args()
    for rows in args.rows:
        with tempfile.TemporaryDirectory() as folder:
            src, db = Path(folder) / "in.jsonl", Path(folder) / "annotations.json"
            write_rows(src, rows)
            start = time.perf_counter()
            if args.cli:
                env = {**os.environ, "BOLETIN_TUI_LOCK_TIMEOUT": "60"}
                cmd = [sys.executable, "-m", "boletin_tui", "import", "--db", str(db), str(src)]
                subprocess.run(cmd, check=True, env=env, capture_output=True)
                label = "boletin-tui import"
            else:
                incoming = read_export(src)
                with AnnotationStore(db, "bench", lock_timeout=60) as store:
                    store.merge_many(incoming)
                label = "read_export + merge_many"
            seconds = time.perf_counter() - start
            print(
                f"{label:<26} {rows:>9} rows  {seconds:8.2f} s  {seconds / rows * 1e6:7.1f} µs/row"
                f"  file {db.stat().st_size / 1e6:.0f} MB"
            )


if __name__ == "__main__":
    main()
