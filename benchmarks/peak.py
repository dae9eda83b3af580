"""A benchmark process's own peak memory (imported by probes.py and corpusdb_bench.py)."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_mb() -> float:
    """This process's own peak resident memory. Not `ru_maxrss`: Linux carries it across
    `execve`, so a probe started by run.py reported run.py's own peak (the archive it had just
    generated: 119 MB at 10,000, 955 MB at 100,000, the same in every row). `VmHWM` is the
    high-water mark of this process's memory map, which starts afresh at `exec`."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
