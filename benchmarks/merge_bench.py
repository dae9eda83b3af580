"""The merge driver's cost on a large database, next to the cost of just reading and writing it.

    python benchmarks/merge_bench.py [--records 10000] [--runs 5]

Builds BASE (N annotated bulletins), OURS and THEIRS (each changes tags on 10% of them, writes
notes on 5% that overlap, deletes 1%, adds 1%), then times, interleaved, `merge_files` (parse
three files, merge, serialise, atomic write) and the peer: parse the same three files and
serialise-and-write one (the I/O floor). Prints medians and the ratio. Not a test.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from boletin_tui.store.jsonio import Serializer, loads  # noqa: E402
from boletin_tui.store.mergefile import merge_files, write_atomic  # noqa: E402

STAMP = "2026-01-01T00:00:00+00:00"


def database(n: int) -> dict:
    docs = {}
    for i in range(n):
        key = f"{i % 900 + 1:03d}/{2000 + i // 900}"
        doc_id = str((2000 + i // 900) * 100_000 + i % 900 + 1)
        tags = [f"tema{i % 37}", f"lugar{i % 11}"]
        note = f"Nota del boletín {key}." if i % 3 == 0 else ""
        docs[doc_id] = dict(
            key=key, tags=tags, note=note, annotator="ana", created=STAMP, updated=STAMP
        )
    return {"_meta": {"1": {"format": "boletin-tui-annotations", "schema": 1}}, "annotations": docs}


def edited(base: dict, who: str, offset: int) -> dict:
    data = copy.deepcopy(base)
    docs = data["annotations"]
    ids = sorted(docs)
    for n, doc_id in enumerate(ids):
        doc = docs[doc_id]
        if (n + offset) % 10 == 0:
            doc["tags"] = [*doc["tags"][1:], f"nueva-{who}"]
            doc["annotator"] = who
        if n % 20 == 0:
            doc["note"] = f"{doc['note']} Comentario de {who}.".strip()
        if (n + offset) % 100 == 1:
            del docs[doc_id]
    for n in range(len(ids) // 100):
        key = f"{n + 1:03d}/{1990 - offset}"
        docs[str((1990 - offset) * 100_000 + n + 1)] = dict(
            key=key, tags=[who], note="", annotator=who, created=STAMP, updated=STAMP
        )
    return data


def _load(path: Path) -> dict[str, Any]:
    data = loads(path.read_bytes())
    assert isinstance(data, dict)
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = database(args.records)
    sides = {"base": base, "ours": edited(base, "ana", 0), "theirs": edited(base, "luis", 3)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw = {name: Serializer().dumps(data) for name, data in sides.items()}
        for name, payload in raw.items():
            (folder / f"{name}.json").write_bytes(payload)
        merge_times, peer_times = [], []
        for _ in range(args.runs):
            (folder / "ours.json").write_bytes(raw["ours"])
            t0 = time.perf_counter()
            merge_files(folder / "base.json", folder / "ours.json", folder / "theirs.json")
            merge_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            parsed = [_load(folder / f"{name}.json") for name in raw]
            write_atomic(folder / "peer.json", Serializer().dumps(parsed[1]))
            peer_times.append(time.perf_counter() - t0)
        merged = _load(folder / "ours.json")
    m, p = statistics.median(merge_times), statistics.median(peer_times)
    size = len(raw["ours"]) / 1e6
    print(
        f"records: {args.records} (ours after edits: {len(sides['ours']['annotations'])}), "
        f"file {size:.1f} MB, merged: {len(merged['annotations'])}"
    )
    print(
        f"merge-driver (merge_files): median {m * 1000:.0f} ms "
        f"(min {min(merge_times) * 1000:.0f}, max {max(merge_times) * 1000:.0f})"
    )
    print(f"peer (parse 3 files, write 1): median {p * 1000:.0f} ms; ratio {m / p:.2f}")


if __name__ == "__main__":
    main()
