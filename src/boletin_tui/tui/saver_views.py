"""What the save queue (`saving.Saver`) needs of the interface: `SaverViews`, which
`annotating.Annotating` implements, and what is typed and not queued yet.

Typed and not queued: the note in the editor, tags in the tag field not confirmed with
`enter`, and the passage in an open passage dialog. Quitting and signals queue it all
(`flush_typed`, as `ctrl+s` or `enter` would); the hangup watchdog, which cannot wait for the
event loop, reads it from its own thread without changing anything (`typed_writes`).
"""

from __future__ import annotations

import contextlib
from typing import Protocol

from boletin_tui.workspace import Change, Write


class SaverViews(Protocol):
    """The interface's side of saving (`annotating.Annotating`)."""

    def attached(self) -> bool:
        """Whether the widgets are still there (False while the app closes)."""

    def saved(self, write: Write, change: Change) -> None:
        """Redraw what a saved write changed."""

    def pending(self) -> None:
        """Show which bulletins have unsaved work."""

    def flush_note(self) -> None:
        """Queue the note being typed as a write."""

    def typed_note(self) -> tuple[str, str] | None:
        """(key, text) typed and not queued yet, read without changing anything (from the
        hangup watchdog's thread too)."""

    def flush_tags(self) -> list[str]:
        """Queue the tags typed and not confirmed (as `enter` would); the ones it could not
        queue (no bulletin shown)."""

    def typed_tags(self) -> tuple[str | None, list[str]] | None:
        """(key or None, tags) typed and not confirmed, read without changing anything (from
        the hangup watchdog's thread too)."""

    def flush_passage(self) -> None:
        """Queue the passage typed in an open passage dialog (as `ctrl+s` would, unless
        nothing was typed); the dialog closes."""

    def typed_passage(self) -> Write | None:
        """The write the open passage dialog would make, read without changing anything
        (from the hangup watchdog's thread too)."""


def flush_typed(views: SaverViews) -> list[Write]:
    """Queue everything typed and not queued yet; returns the writes that could not be queued
    (tags typed while no bulletin was shown, with key "")."""
    views.flush_note()
    views.flush_passage()
    tags = views.flush_tags()
    return [Write("add_tags", "", tags=tuple(tags))] if tags else []


def anything_typed(views: SaverViews) -> bool:
    """Whether something typed is still not queued (events read before a signal can add it)."""
    return any(
        typed() is not None for typed in (views.typed_note, views.typed_tags, views.typed_passage)
    )


def typed_writes(views: SaverViews) -> list[Write]:
    """The writes that what is typed and not queued would make, read without changing
    anything (from the hangup watchdog's thread: a view whose widgets are gone is skipped)."""
    typed: list[Write] = []
    with contextlib.suppress(Exception):
        if note := views.typed_note():
            typed.append(Write("set_note", note[0], note=note[1]))
    with contextlib.suppress(Exception):
        if tags := views.typed_tags():
            typed.append(Write("add_tags", tags[0] or "", tags=tuple(tags[1])))
    with contextlib.suppress(Exception):
        if passage := views.typed_passage():
            typed.append(passage)
    return typed
