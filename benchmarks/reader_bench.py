"""Issue 15: moving to the next search hit (`n`) at N bulletins, against the next bulletin (`j`).

    .venv/bin/python benchmarks/reader_bench.py [--size 10000] [--runs 3] [--workdir DIR]

Generates (once, kept in --workdir) a synthetic archive (synth.py), warms the parse cache, then
runs probes.py's `hits` probe in a fresh process --runs times and prints each run's medians
(ms) and the ratio n / j measured in the same run. Budget: n <= 20 ms median (issue 15).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "reader-bench"
    )
    args = parser.parse_args()
    archive = args.workdir / f"archive-{args.size}"
    if not archive.exists():
        generate(args.size, archive)
    work = args.workdir / f"work-{args.size}"
    exe = Path(sys.executable).with_name("boletin-tui")
    cache = str(work / "cache")
    # Warm the parse cache (as a second launch would find it).
    subprocess.run(
        [str(exe), "list", "--json", str(archive)],
        env={**__import__("os").environ, "BOLETIN_TUI_CACHE_DIR": cache},
        stdout=subprocess.DEVNULL,
        check=True,
    )
    for run in range(args.runs):
        out = subprocess.run(
            [sys.executable, str(HERE / "probes.py"), "hits", str(archive), str(work)],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            print(f"run {run + 1}: the probe failed:\n{out.stderr[-2000:]}")
            continue
        f = json.loads(out.stdout.strip().splitlines()[-1])
        ratio = f["next_hit_ms"] / f["next_bulletin_ms"]
        print(
            f"run {run + 1}: N={args.size} shown={f['shown']} "
            f"n median {f['next_hit_ms']:.2f} ms (within {f['next_hit_within_ms']} / across "
            f"{f['next_hit_across_ms']}; counts {f['next_hit_counts']}), "
            f"j median {f['next_bulletin_ms']:.2f} ms, n/j {ratio:.2f}"
        )


if __name__ == "__main__":
    main()
