"""The performance benchmark: figures at N = 1,000, 10,000 and 50,000 bulletins (or 100,000).

    python benchmarks/run.py                      # all sizes, 3 runs each (50,000+: 1 run)
    python benchmarks/run.py --sizes 1000 --runs 5
    python benchmarks/run.py --sizes 1000 10000 --probes list   # only `list --json`
    python benchmarks/run.py --sizes 10000 100000 --probes db peer terminal  # issue 11's rows

`db` measures the corpus database (benchmarks/corpusdb_bench.py) beside its peer, parsing alone;
`peer` opens the same archive as one feed in newsboat in tmux (benchmarks/newsboat_peer.py;
installed with `apt-get install newsboat` when missing and apt-get is usable), interleaved with
`terminal` (this app in tmux), so their ratio comes from one run.

For each N it generates a synthetic archive (benchmarks/synth.py, kept under --workdir between
runs), then runs every probe (benchmarks/probes.py) in a fresh process, several times, and prints
medians with their spread (min-max). Nothing here is a test: figures depend on the machine, and
the first row (a fixed Python loop) says how fast it was running meanwhile.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import generate  # noqa: E402

ROWS = [  # (probe, figure, label, unit)
    ("machine", "seconds", "machine reference: 5M additions in Python", "s"),
    ("list_cold", "seconds", "list --json, cold cache", "s"),
    ("list_warm", "seconds", "list --json, warm cache", "s"),
    ("list_cold", "files_per_s", "list --json files/second, cold", "f/s"),
    ("list_warm", "files_per_s", "list --json files/second, warm", "f/s"),
    ("app_cold", "first_screen", "app: first screen, cold", "s"),
    ("app_cold", "interactive", "app: interactive, cold", "s"),
    ("app_warm", "first_screen", "app: first screen, warm", "s"),
    ("app_warm", "interactive", "app: interactive, warm", "s"),
    ("app_warm", "search_ready", "app: search ready, warm", "s"),
    ("terminal", "interactive", "real terminal (tmux): interactive, warm", "s"),
    ("app_warm", "next_bulletin", "app: next bulletin (j)", "ms"),
    ("app_warm", "app_search_keystroke", "app: search keystroke", "ms"),
    ("app_warm", "app_search_keystroke_p95", "app: search keystroke p95 (15 keys)", "ms"),
    ("app_warm", "next_bulletin_frame", "app: next bulletin (j), to the frame shown", "ms"),
    ("app_warm", "next_bulletin_frame_p95", "app: next bulletin (j), to the frame, p95", "ms"),
    ("app_warm", "app_search_keystroke_frame", "app: search keystroke, to the frame", "ms"),
    (
        "app_warm",
        "app_search_keystroke_frame_p95",
        "app: search keystroke, to the frame, p95",
        "ms",
    ),
    ("app_warm", "peak_rss_mb", "app: peak memory", "MB"),
    ("db_parse", "parse_only_s", "peer: parse every file, store nothing (2 cores)", "s"),
    ("db_cold", "cold_index_s", "database: cold, everything parsed and indexed", "s"),
    ("db_cold", "peak_rss_mb", "database: peak memory, cold build (main process)", "MB"),
    ("db_warm", "warm_count_and_rows_s", "database: warm open, count and first rows", "s"),
    ("db_warm", "warm_sync_s", "database: warm sync (stat every file, nothing new)", "s"),
    ("db_warm", "next_bulletin", "database: read one bulletin (next bulletin)", "ms"),
    ("db_search", "search_p95", "database: search query p95", "ms"),
    ("db_search", "search_median", "database: search query median", "ms"),
    ("db_search", "peak_rss_mb", "database: peak memory, searching", "MB"),
    ("newsboat", "article_list", "newsboat 2.21: article list, real terminal (tmux), warm", "s"),
    ("ratio", "terminal_to_newsboat", "ratio: this app's interactive count / newsboat's list", "x"),
    ("core", "load_corpus", "load corpus (warm cache)", "s"),
    ("core", "entities_per_bulletin", "entities per bulletin (mean, best of 5)", "ms"),
    ("core", "entities_kb", "  size of those bulletins", "KB"),
    ("core", "search_index_build", "search index build", "s"),
    ("core", "search_keystroke", "search query per keystroke", "ms"),
    ("core", "add_tag", "add a tag, N annotated", "ms"),
    ("core", "peak_rss_mb", "core: peak memory", "MB"),
]


def run_list(archive: Path, cache: Path, n: int) -> dict:
    exe = Path(sys.executable).with_name("boletin-tui")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "boletin_tui"]
    t0 = time.perf_counter()
    subprocess.run(
        [*cmd, "list", "--json", str(archive), "--cache-dir", str(cache)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "files_per_s": n / seconds}


def run_reference() -> dict:
    """How fast this machine is running Python right now: a shared machine's speed varies by
    a factor of two within an hour, so every figure comes with this one beside it."""
    code = (
        "import time\nt = time.process_time()\ns = 0\nfor i in range(5_000_000): s += i\n"
        "print(time.process_time() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {"seconds": float(out.stdout)}


def run_terminal(archive: Path, work: Path, n: int) -> dict:
    """The installed entry point in a real terminal (a tmux window, 120x36), warm: seconds from
    the shell starting it to the status line showing the bulletin count (drawn in the same
    frame as the first bulletin)."""
    if shutil.which("tmux") is None:
        return {}
    exe = Path(sys.executable).with_name("boletin-tui")
    stamp = Path(tempfile.mkdtemp(prefix="term-", dir=work)) / "start"
    session = f"boletin-bench-{os.getpid()}"
    command = (
        f"date +%s.%N > {stamp}; BOLETIN_TUI_DB={work / 'db' / 'annotations.json'} "
        f"exec {exe} {archive} --cache-dir {work / 'cache'}"
    )
    # A server of its own: the default one may be another user's (its environment, its
    # sessions). One still shutting down after the last run refuses a new session: again.
    server = ["tmux", "-L", "boletin-bench"]
    for attempt in range(5):
        started = subprocess.run(
            [*server, "new-session", "-d", "-s", session, "-x", "120", "-y", "36"]
            + ["sh", "-c", command],
            capture_output=True,
        )
        if started.returncode == 0:
            break
        time.sleep(0.2 * (attempt + 1))
    else:
        raise RuntimeError(f"tmux refused the session: {started.stderr.decode().strip()}")
    try:
        wanted = f"{n} boletines"
        deadline = time.time() + 120
        while time.time() < deadline:
            screen = subprocess.run(
                [*server, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            seen = time.time()
            if wanted in screen and stamp.exists():
                return {"interactive": seen - float(stamp.read_text())}
            time.sleep(0.005)
        return {}
    finally:
        subprocess.run([*server, "kill-session", "-t", session], capture_output=True)
        shutil.rmtree(stamp.parent, ignore_errors=True)


def run_probe(name: str, archive: Path, work: Path, cold: bool = False) -> dict:
    args = [sys.executable, str(HERE / "probes.py"), name, str(archive), str(work)]
    out = subprocess.run(args + (["--cold"] if cold else []), capture_output=True, text=True)
    if out.returncode != 0:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1]
        print(f"  probe {name} failed: {tail}", file=sys.stderr)
        return {}
    return json.loads(out.stdout.strip().splitlines()[-1])


PROBES = ("list", "core", "app", "db", "peer", "terminal")


def run_db(what: str, archive: Path, work: Path) -> dict:
    args = [sys.executable, str(HERE / "corpusdb_bench.py"), str(archive), str(work), what]
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1]
        print(f"  corpusdb {what} failed: {tail}", file=sys.stderr)
        return {}
    return json.loads(out.stdout.strip().splitlines()[-1])


def ensure_newsboat() -> bool:
    """newsboat on PATH, installed with apt-get when missing (and allowed)."""
    if shutil.which("newsboat"):
        return True
    if shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-q", "newsboat"], capture_output=True)
    return shutil.which("newsboat") is not None


def compile_package() -> None:
    """Write the package's bytecode, as an installed copy has it: with an editable install and
    `PYTHONDONTWRITEBYTECODE` set (as here), every launch would otherwise compile its ~150
    modules from source (about 0.15 s), which no user's launch does."""
    import boletin_tui

    package = Path(boletin_tui.__file__).parent
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(package)], check=True, capture_output=True
    )


def measure(n: int, runs: int, workdir: Path, probes=PROBES) -> dict[str, list[dict]]:
    archive = workdir / f"archive-{n}"
    if not (archive / ".complete").exists():
        shutil.rmtree(archive, ignore_errors=True)
        t0 = time.perf_counter()
        generate(n, archive)
        (archive / ".complete").write_text("ok")
        print(f"  generated {n} bulletins in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    work = workdir / f"work-{n}"
    (work / "db").mkdir(parents=True, exist_ok=True)  # the store wants its folder to exist
    results: dict[str, list[dict]] = {}
    # Warm-up, not measured: fill the parse cache and the saved search index that the
    # "warm" figures are about.
    if "list" in probes or "app" in probes or "terminal" in probes:
        run_list(archive, work / "cache", n)
    if "app" in probes or "terminal" in probes:
        run_probe("app", archive, work)
    feed = workdir / f"feed-{n}.xml"
    if "peer" in probes and ensure_newsboat() and not feed.exists():
        from newsboat_peer import write_feed

        write_feed(archive, feed)
    for _ in range(runs):
        results.setdefault("machine", []).append(run_reference())
        if "list" in probes:
            cold_cache = Path(tempfile.mkdtemp(prefix="cold-", dir=workdir))
            results.setdefault("list_cold", []).append(run_list(archive, cold_cache, n))
            shutil.rmtree(cold_cache)
            results.setdefault("list_warm", []).append(run_list(archive, work / "cache", n))
        if "core" in probes:
            results.setdefault("core", []).append(run_probe("core", archive, work))
        if "app" in probes:
            results.setdefault("app_cold", []).append(run_probe("app", archive, work, cold=True))
            results.setdefault("app_warm", []).append(run_probe("app", archive, work))
        if "db" in probes:
            db_work = Path(tempfile.mkdtemp(prefix="db-", dir=workdir))
            results.setdefault("db_parse", []).append(run_db("parse", archive, db_work))
            results.setdefault("db_cold", []).append(run_db("cold", archive, db_work))
            results.setdefault("db_warm", []).append(run_db("warm", archive, db_work))
            results.setdefault("db_search", []).append(run_db("search", archive, db_work))
            shutil.rmtree(db_work)
        if "app" in probes or "terminal" in probes:
            term = run_terminal(archive, work, n)
            results.setdefault("terminal", []).append(term)
            if "peer" in probes and feed.exists():
                from newsboat_peer import run_newsboat

                peer = run_newsboat(feed, workdir / f"newsboat-{n}", n)
                results.setdefault("newsboat", []).append(peer)
                if term.get("interactive") and peer.get("article_list"):
                    ratio = term["interactive"] / peer["article_list"]
                    results.setdefault("ratio", []).append({"terminal_to_newsboat": ratio})
    return results


def summarise(results: dict[str, list[dict]], probe: str, figure: str, unit: str) -> str:
    values = [r[figure] for r in results.get(probe, []) if figure in r]
    if not values:
        return "n/a"
    scale = 1000 if unit == "ms" else 1
    med = statistics.median(values) * scale
    fmt = (
        "{:.0f}"
        if unit in ("f/s", "MB")
        else "{:.2f}"
        if unit == "x"
        else "{:.3f}"
        if unit == "s"
        else "{:.1f}"
        if unit == "KB"
        else "{:.2f}"
    )
    spread = (
        f" ({fmt.format(min(values) * scale)}-{fmt.format(max(values) * scale)})"
        if len(values) > 1
        else ""
    )
    return f"{fmt.format(med)} {unit}{spread}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "boletin-bench"
    )
    parser.add_argument("--probes", nargs="+", choices=PROBES, default=list(PROBES))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    compile_package()
    table = {}
    for n in args.sizes:
        runs = 1 if n >= 50000 else args.runs
        print(f"N = {n:,} ({runs} run(s))...", file=sys.stderr)
        table[n] = measure(n, runs, args.workdir, args.probes)
    header = "| figure | " + " | ".join(f"N = {n:,}" for n in args.sizes) + " |"
    print(header)
    print("|" + " --- |" * (len(args.sizes) + 1))
    for probe, figure, label, unit in ROWS:
        cells = [summarise(table[n], probe, figure, unit) for n in args.sizes]
        if set(cells) == {"n/a"}:
            continue
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
