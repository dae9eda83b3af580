"""Keeping what you found: copy (`c`) and open (`E` the file in $EDITOR, `l` a link).

`ReaderTools` is a plain object the app owns (`app.tools`). It acts on the bulletin shown,
which `shown()` gives (the app first brings the reader in step with the timeline), and tells
the user in one notification. The copy goes through the terminal (OSC 52).
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable
from typing import Any

from textual.app import App, SuspendNotSupported

from boletin_tui.citation import citation
from boletin_tui.corpus import Bulletin
from boletin_tui.links import short_link
from boletin_tui.tui.choice_screens import ChoiceScreen

COPY_PARTS = {
    "citation": ("c", "la cita"),
    "key": ("k", "la clave"),
    "text": ("t", "el texto completo"),
    "paragraph": ("p", "el párrafo en pantalla"),
}
DIGITS = "123456789"  # the keys of a numbered choice (links, saved searches)


class ReaderTools:
    """Copy and open (see the module). `shown()`: the bulletin shown, after bringing the
    reader in step; `paragraph()`: the paragraph in view in the reader."""

    def __init__(
        self,
        app: App[Any],
        *,
        shown: Callable[[], Bulletin | None],
        paragraph: Callable[[], str],
    ) -> None:
        self._app, self._shown, self._paragraph = app, shown, paragraph

    # -- copy -------------------------------------------------------------------------------
    def copy(self) -> None:
        """Ask what to copy of the bulletin shown (its citation and key previewed)."""
        bulletin = self._shown()
        if bulletin is None:
            return
        previews = {"citation": citation(bulletin), "key": bulletin.key}
        choices = [
            (part, key, f"{words}: {previews[part]}" if part in previews else words)
            for part, (key, words) in COPY_PARTS.items()
        ]

        def chosen(part: str | None) -> None:
            if part:
                self.copy_part(part)

        self._app.push_screen(ChoiceScreen("Copiar", choices), chosen)

    def copy_text(self, part: str, bulletin: Bulletin | None) -> str:
        """What `copy_part(part)` copies of `bulletin` ("" when None)."""
        if bulletin is None:
            return ""
        if part == "citation":
            return citation(bulletin)
        if part == "key":
            return bulletin.key
        if part == "text":
            return bulletin.text
        return self._paragraph()

    def copy_part(self, part: str) -> None:
        """Copy `part` (a key of `COPY_PARTS`) of the bulletin shown, through the terminal
        (OSC 52: see the README for what it needs)."""
        text = self.copy_text(part, self._shown())
        if not text:
            return
        self._app.copy_to_clipboard(text)
        what = COPY_PARTS.get(part, ("", part))[1]
        self._app.notify(
            f"Copiado al portapapeles: {what}.", title="Copiar", timeout=4, markup=False
        )

    # -- open: the file in $EDITOR, a link in the browser ----------------------------------
    def open_source(self) -> None:
        """Open the bulletin's file in $VISUAL or $EDITOR, the app suspended meanwhile."""
        bulletin = self._shown()
        if bulletin is None or not bulletin.sources:
            return
        notify = self._app.notify
        editor = os.environ.get("VISUAL", "").strip() or os.environ.get("EDITOR", "").strip()
        if not editor:
            notify(
                "No hay editor: define la variable EDITOR (por ejemplo, EDITOR=nano).",
                title="Abrir archivo",
                severity="warning",
            )
            return
        command = [*shlex.split(editor), bulletin.sources[0]]
        try:
            with self._app.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            notify("Esta terminal no permite suspender la aplicación.", severity="warning")
        except OSError as exc:
            notify(
                f"No se pudo abrir {editor}: {exc.strerror or exc}",
                title="Abrir archivo",
                severity="error",
                markup=False,
            )

    def open_link(self) -> None:
        """Ask which of the bulletin's links to open (the first nine), then open it."""
        bulletin = self._shown()
        if bulletin is None or not bulletin.links:
            return
        links = bulletin.links[: len(DIGITS)]
        choices = [
            (str(i), DIGITS[i], f"{short_link(link.label, link.url)}  {link.url}")
            for i, link in enumerate(links)
        ]

        def chosen(index: str | None) -> None:
            if index is not None:
                self._app.open_url(links[int(index)].url)

        self._app.push_screen(ChoiceScreen("Abrir un enlace", choices), chosen)
