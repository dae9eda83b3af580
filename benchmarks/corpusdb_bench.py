"""The corpus database's figures for issue 11, each probe in a fresh process.

    python benchmarks/corpusdb_bench.py ARCHIVE WORKDIR parse|cold|warm|search

parse: the peer, parsing every file in the same processes and storing nothing.
cold: a new database for ARCHIVE, everything parsed and indexed (2 cores: processes), seconds.
warm: open the existing database, count and the first 60 rows (what a launch shows first).
search: p95 / median of the keystrokes of typical queries, with the list of keys returned.
Each prints one JSON line with its figures (seconds) and its own peak memory (MB, see peak.py).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from peak import peak_mb

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

KEYSTROKES = [
    "s",
    "se",
    "seg",
    "segu",
    "seguro",
    "seguro s",
    "seguro so",
    "seguro social",
    "o",
    "oa",
    "oax",
    "oaxaca",
    "r",
    "re",
    "res",
    "resid",
    "residentes",
    '"seguro social"',
    "vacuna OR influenza",
    "salud -oaxaca",
    "año:2015",
    "11,907",
]


def main() -> None:
    archive, work, what = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    t0 = time.perf_counter()
    from boletin_tui.corpusdb import CorpusDB

    db = CorpusDB.open([archive], work / "cache")
    out: dict[str, float] = {}
    if what == "parse":  # the peer: parsing alone, as `--no-cache` does, nothing stored
        from boletin_tui.corpus.files import find_files
        from boletin_tui.corpus.parallel import parse_many

        files, _ = find_files([archive])
        out["parse_only_s"] = 0.0
        n = sum(1 for _ in parse_many(files))
        out["parse_only_s"] = time.perf_counter() - t0
        out["files"] = n
    elif what == "cold":
        report = db.sync()
        out["cold_index_s"] = time.perf_counter() - t0
        out["bulletins"] = db.count()
        out["added"] = report.added
    elif what == "warm":
        out["count"] = db.count()
        db.rows(0, 60)
        out["warm_count_and_rows_s"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        report = db.sync()
        out["warm_sync_s"] = time.perf_counter() - t1
        out["changed"] = report.added + report.changed + report.removed
        keys = db.keys()
        t1 = time.perf_counter()
        for key in keys[:200]:
            db.bulletin(key)
        out["next_bulletin"] = (time.perf_counter() - t1) / 200
    else:
        db.search("warm")  # first query loads the schema
        times = []
        for _ in range(3):
            for query in KEYSTROKES:
                t1 = time.perf_counter()
                db.search(query)
                times.append(time.perf_counter() - t1)
        times.sort()
        out["search_p95"] = times[int(len(times) * 0.95) - 1]
        out["search_median"] = statistics.median(times)
        out["search_max"] = times[-1]
    out["peak_rss_mb"] = peak_mb()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
