"""Warm launch in a real terminal, two installs of the app alternating (A/B).

    python benchmarks/launch_ab.py N ROUNDS WORKDIR PYTHON_A PYTHON_B

Each PYTHON is the interpreter of a virtual environment with boletin-tui installed (say the
old code in a git worktree and the new one). Both open the archive `benchmarks/run.py` made
under WORKDIR (`archive-N`, `work-N`, warm) through `run.run_terminal`, one after the other,
ROUNDS times: this machine's speed varies twofold within an hour, so only interleaved runs
compare. Prints each round and the medians. Compile both sources first (`python -m
compileall src`) when the environment does not write bytecode.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
import run
print(json.dumps(run.run_terminal(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))))
"""


def launch(python: str, workdir: Path, n: int) -> float | None:
    here = str(Path(__file__).resolve().parent)
    args = [str(workdir / f"archive-{n}"), str(workdir / f"work-{n}"), str(n), here]
    out = subprocess.run([python, "-c", PROBE, *args], capture_output=True, text=True)
    try:
        return float(json.loads(out.stdout.strip().splitlines()[-1])["interactive"])
    except (IndexError, KeyError, ValueError):
        print(f"{python}: no figure ({out.stderr.strip()[-200:]})", file=sys.stderr)
        return None


def main() -> None:
    n, rounds, workdir = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    pythons = {"A": sys.argv[4], "B": sys.argv[5]}
    seen: dict[str, list[float]] = {name: [] for name in pythons}
    for r in range(rounds):
        for name, python in pythons.items():
            if (t := launch(python, workdir, n)) is not None:
                seen[name].append(t)
        print(f"round {r + 1}: " + "  ".join(f"{k} {v[-1]:.3f} s" for k, v in seen.items() if v))
    for name, times in seen.items():
        if times:
            print(f"{name} median {statistics.median(times):.3f} s, min {min(times):.3f} s")
    if seen["A"] and seen["B"]:
        ratio = statistics.median(seen["B"]) / statistics.median(seen["A"])
        print(f"B / A (medians): {ratio:.2f}")


if __name__ == "__main__":
    main()
