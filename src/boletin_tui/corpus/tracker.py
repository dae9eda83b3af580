"""Starting multiprocessing's resource tracker early (light: the app calls it at launch,
before the parser and the process pool are imported)."""

from __future__ import annotations


def prepare_parallel_parsing() -> None:
    """Start multiprocessing's resource tracker now, while standard error is a real file.

    Call it before a full-screen app replaces `sys.stderr` (Textual does): the tracker is
    started with the stderr descriptor, and starting it later fails, which would leave a
    cold load to a single core.
    """
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - only a speed-up
        pass
