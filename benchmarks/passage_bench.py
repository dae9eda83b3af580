"""How long adding one passage takes to reach durable storage in a large database.

    PYTHONPATH=src python benchmarks/passage_bench.py [--records 10000] [--passages 20000]
                                                     [--runs 40]

Builds a database in a temporary folder: `--records` annotated bulletins (1 to 4 tags, a note
on 40 % of them, as `store_bench.py`) and `--passages` passages spread over them (quotes of 20
to 200 characters with their context, a tag or two, a note on a third), and a copy of it.
Then prints, for a long-lived store (the app's case), with orjson when installed and with the
standard library, the median and 90th percentile of, interleaved call by call:
- `add_passage` now (journal: one fsync'd line in `<db>.journal`, see `store/journal.py`);
- `add_passage` before (`journal=False`: the whole file rewritten and fsync'd), on the copy;
- `add_tags` now, as the peer the issue's figures were set beside;
- folding the journal into the file (`compact()`, off the write's path: 1 s after the last
  write, on close) after every fifth write.
Every timed call really writes and fsyncs. As floors measured in the same run: one line
appended and fdatasync'd, a 1-byte file fsync'd, and the file's bytes written atomically
(temporary file, fdatasync, rename, folder fsync: the least a whole-file write costs).
Also: re-anchoring one bulletin's 50 passages in a changed text (`anchor.locate`), and the
machine reference of `benchmarks/run.py` before and after (this machine's speed varies).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from boletin_tui.store import Annotation, AnnotationStore, jsonio
from boletin_tui.store.anchor import context_at, locate
from boletin_tui.store.passages import Passage, passage_id

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_bench import WORDS, summary  # noqa: E402

STAMP = "2026-01-01T10:00:00-06:00"


def fake_text(rng: random.Random, size: int = 5000) -> str:
    words = [w.strip('«»",') for w in WORDS] + ["de", "la", "el", "en", "y", "que", "los"]
    out: list[str] = []
    while sum(map(len, out)) + len(out) < size:
        out.append(rng.choice(words))
    return " ".join(out)


def make_passages(rng: random.Random, key: str, text: str, count: int) -> tuple[Passage, ...]:
    passages = []
    for _ in range(count):
        length = rng.randint(20, 200)
        start = rng.randrange(0, len(text) - length)
        quote, prefix, suffix = context_at(text, start, start + length)
        note = " ".join(rng.choices(WORDS, k=12)) if rng.random() < 0.33 else ""
        tags = tuple(rng.sample(WORDS[:12], rng.randint(1, 2)))
        pid = passage_id(key, start, start + length, quote)
        passages.append(
            Passage(
                pid, quote, prefix, suffix, start, start + length, tags, note, "ana", STAMP, STAMP
            )  # fmt: skip
        )
    return tuple({p.id: p for p in passages}.values())


def build(path: Path, records: int, passages: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    text = fake_text(rng)
    annotations = []
    for n in range(records):
        key = f"{n % 900 + 1:03d}/{2000 + n // 900}"
        tags = tuple(rng.sample(WORDS[:12], rng.randint(1, 4)))
        note = " ".join(rng.choices(WORDS, k=rng.randint(8, 60))) if rng.random() < 0.4 else ""
        count = passages // records + (1 if n < passages % records else 0)
        found = make_passages(rng, key, text, count)
        annotations.append(Annotation(key, tags, note, "ana", STAMP, STAMP, passages=found))
    with AnnotationStore(path, "ana") as store:
        store.merge_many(annotations)
    return text


def time_adds(path: Path, old_path: Path, text: str, runs: int, use_orjson: bool) -> dict:
    """Seconds per call of each kind (see the module docstring), interleaved call by call."""
    rng = random.Random(3)
    times: dict[str, list[float]] = {"new": [], "old": [], "tags": [], "compact": []}
    new = AnnotationStore(path, "bench", use_orjson=use_orjson, compact_delay=None)
    old = AnnotationStore(old_path, "bench", use_orjson=use_orjson, journal=False)
    with new, old:
        for store in (new, old):
            store.add_tags("001/2001", [f"calentamiento-{use_orjson}"])
        new.compact()
        for i in range(runs):
            key = f"{rng.randint(1, 900)}/{rng.randint(2000, 2010)}"
            start = rng.randrange(0, len(text) - 100)
            end = start + 60 + i % 40
            for name, store in (("new", new), ("old", old)):
                began = time.perf_counter()
                store.add_passage(key, text, start, end, [f"p-{use_orjson}-{i}"])
                times[name].append(time.perf_counter() - began)
            began = time.perf_counter()
            new.add_tags(key, [f"t-{use_orjson}-{i}"])
            times["tags"].append(time.perf_counter() - began)
            if i % 5 == 4:
                began = time.perf_counter()
                new.compact()
                times["compact"].append(time.perf_counter() - began)
    return times


def floors(folder: Path, payload: bytes, runs: int) -> dict[str, list[float]]:
    """Seconds for the least the disk allows, interleaved (see the module docstring)."""
    times: dict[str, list[float]] = {"append": [], "small": [], "whole": []}
    line = b"x" * 700 + b"\n"
    fd = os.open(folder / "floor.journal", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        for _ in range(runs):
            began = time.perf_counter()
            os.write(fd, line)
            os.fdatasync(fd)
            times["append"].append(time.perf_counter() - began)
            began = time.perf_counter()
            with open(folder / "floor.small", "wb") as handle:
                handle.write(b"x")
                handle.flush()
                os.fsync(handle.fileno())
            times["small"].append(time.perf_counter() - began)
            began = time.perf_counter()
            with open(folder / "floor.tmp", "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fdatasync(handle.fileno())
            os.replace(folder / "floor.tmp", folder / "floor.json")
            dir_fd = os.open(folder, os.O_RDONLY)
            os.fsync(dir_fd)
            os.close(dir_fd)
            times["whole"].append(time.perf_counter() - began)
    finally:
        os.close(fd)
    return times


def time_reanchor(text: str, changed: str, runs: int = 20) -> list[float]:
    """Seconds to find one bulletin's 50 passages in `changed` (the text they were made on
    was `text`)."""
    rng = random.Random(4)
    passages = make_passages(rng, "001/2020", text, 50)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        for p in passages:
            locate(changed, p)
        times.append(time.perf_counter() - began)
    return times


def machine_reference() -> float:
    """`benchmarks/run.py`'s machine reference (CPU seconds for 5M additions at module level
    in a new interpreter), so figures here can be set beside the README's."""
    from run import run_reference

    return float(run_reference()["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--passages", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annotations.json"
        old_path = Path(folder) / "before" / "annotations.json"
        old_path.parent.mkdir()
        reference = machine_reference()
        text = build(path, args.records, args.passages)
        shutil.copyfile(path, old_path)
        size = path.stat().st_size / 1e6
        print(
            f"{args.records} annotated bulletins, {args.passages} passages, file {size:.1f} MB, "
            f"orjson {'available' if jsonio.orjson else 'not installed'}, "
            f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
        )
        for use_orjson in [True, False] if jsonio.orjson else [False]:
            name = "orjson" if use_orjson else "stdlib"
            times = time_adds(path, old_path, text, args.runs, use_orjson)
            print(summary(f"add_passage, journal (now, {name})", times["new"]))
            print(summary(f"add_passage, whole file (before, {name})", times["old"]))
            print(summary(f"add_tags, journal, interleaved ({name})", times["tags"]))
            print(summary(f"fold journal into file, off path ({name})", times["compact"]))
            ratio = statistics.median(times["old"]) / statistics.median(times["new"])
            print(f"  before / now (medians): {ratio:.1f}x")
        found = floors(Path(folder), path.read_bytes(), args.runs)
        print(summary("floor: 700-byte line appended + fdatasync", found["append"]))
        print(summary("floor: 1-byte file + fsync", found["small"]))
        print(summary(f"floor: {size:.0f} MB written atomically", found["whole"]))
        cases = {
            "unchanged": text,
            "text inserted before": "Texto añadido por una corrección.\n" + text,
            "words edited throughout": text.replace(" la ", " las "),
        }
        for name, changed in cases.items():
            print(summary(f"anchor 50 passages, 5 KB, {name}", time_reanchor(text, changed)))
        print(f"machine reference (5M additions): {reference:.2f} s before, "
              f"{machine_reference():.2f} s after")  # fmt: skip


if __name__ == "__main__":
    main()
