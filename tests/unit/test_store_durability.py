"""Crashes and races: writers killed with SIGKILL at random moments, and concurrent writers.

Each writer is a separate Python process that prints a line after every `add_tags` returns, so
a printed line is a write that completed. No test asserts on time.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from boletin_tui.store import Annotation, AnnotationStore, jsonio

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL y fcntl: solo POSIX")

SRC = Path(__file__).resolve().parents[2] / "src"
WRITER = """
import sys
from boletin_tui.store import AnnotationStore
path, name, count, use_orjson = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
store = AnnotationStore(path, name, lock_timeout=120, use_orjson=use_orjson)
for i in range(count):
    store.add_tags(f"{i % 40 + 1}/2020", [f"{name}-{i}"])
    print(f"{i % 40 + 1:03d}/2020 {name}-{i}", flush=True)
"""
ORJSON = [
    False,
    pytest.param(
        True,
        marks=pytest.mark.skipif(
            jsonio.orjson is None, reason="orjson is not installed (the optional fast extra)"
        ),
    ),
]


class Writer:
    """A writer process and the completed writes it has reported so far."""

    def __init__(self, db: Path, name: str, count: int, use_orjson: bool) -> None:
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), name, str(count), "1" if use_orjson else "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.done: list[tuple[str, str]] = []
        self.progress = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.endswith("\n"):  # a line cut by the kill is not a report
                key, tag = line.split()
                with self.progress:
                    self.done.append((key, tag))
                    self.progress.notify_all()
        with self.progress:
            self.progress.notify_all()

    def wait_for(self, writes: int) -> None:
        with self.progress:
            self.progress.wait_for(
                lambda: len(self.done) >= writes or self.proc.poll() is not None, timeout=120
            )

    def finish(self) -> str:
        self.proc.wait(timeout=300)
        self._reader.join(timeout=60)
        return self.proc.stderr.read()


def seed(db: Path, records: int) -> None:
    """A database big enough that a write takes a while, so kills land mid-write."""
    with AnnotationStore(db, "semilla") as store:
        store.merge_many(
            Annotation(
                f"{n}/{1990 + n // 900}",
                ("semilla",),
                "nota de relleno " * 8,
                "semilla",
                "2026-01-01T00:00:00+00:00",
                "2026-01-01T00:00:00+00:00",
            )
            for n in range(1, records + 1)
        )


def assert_holds(db: Path, writes: list[tuple[str, str]]) -> None:
    json.loads(db.read_bytes())  # parses
    with AnnotationStore(db) as store:
        tags = {a.key: set(a.tags) for a in store.all()}
    missing = [(key, tag) for key, tag in writes if tag not in tags.get(key, set())]
    assert not missing, f"{len(missing)} escrituras completadas se perdieron: {missing[:5]}"


@pytest.mark.parametrize("use_orjson", ORJSON)
def test_writers_killed_at_random_moments_lose_no_completed_write(tmp_path: Path, use_orjson):
    db = tmp_path / "annotations.json"
    seed(db, 3000)
    rng = random.Random(20261123)
    completed: list[tuple[str, str]] = []
    kills = 0
    for round_ in range(6):
        writers = [Writer(db, f"w{round_}x{n}", 200, use_orjson) for n in range(2)]
        victim = writers[rng.randrange(len(writers))]
        victim.wait_for(rng.randint(0, 6))
        threading.Event().wait(rng.uniform(0, 0.05))
        if victim.proc.poll() is None:
            victim.proc.send_signal(signal.SIGKILL)
            kills += 1
        for writer in writers:
            if writer is not victim:
                writer.wait_for(rng.randint(1, 4))
                writer.proc.send_signal(signal.SIGKILL)
                kills += 1
        for writer in writers:
            writer.finish()
            completed.extend(writer.done)
        assert_holds(db, completed)
    assert kills >= 6 and completed
    # A last, orderly writer cleans the temporaries the killed ones left behind.
    final = Writer(db, "final", 1, use_orjson)
    assert final.finish() == ""
    assert_holds(db, completed + final.done)
    assert not list(tmp_path.glob(".annotations.json.*.tmp"))


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_writers_all_land(tmp_path: Path, writers: int):
    db = tmp_path / "annotations.json"
    seed(db, 500)
    procs = [Writer(db, f"w{n}", 25, jsonio.orjson is not None) for n in range(writers)]
    for proc in procs:
        assert proc.finish() == ""
        assert proc.proc.returncode == 0
        assert len(proc.done) == 25
    assert_holds(db, [w for proc in procs for w in proc.done])
    with AnnotationStore(db) as store:
        assert len(store.all()) == 500 + 25  # each writer tags 001-025/2020
