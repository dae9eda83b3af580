"""Export the annotations to CSV (`e`): ask where (`ExportScreen`), ask before replacing a file
(issue 12 #5), then write in a thread worker and say how many went out.

`Exporter` is a plain object the app owns (`app.exporter`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App

from boletin_tui.safe_text import safe_text
from boletin_tui.tui.labels import plural
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.workspace import Workspace


class Exporter:
    """See the module."""

    def __init__(self, app: App[Any], workspace: Workspace, store: StoreClient) -> None:
        self._app, self._workspace, self._store = app, workspace, store

    def ask(self) -> None:
        """Ask for the file, then export to it."""
        # Imported here, not at launch (issue 11: the first frame imports what it draws).
        from boletin_tui.tui.choice_screen import REPLACE, replace_screen
        from boletin_tui.tui.export_screen import ExportScreen, default_export_path

        def replace_chosen(path: Path, choice: str | None) -> None:
            if choice == REPLACE:
                self._start(path)

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.exists() and not path.is_dir():  # ask before replacing (issue 12 #5)
                self._app.push_screen(replace_screen(str(path)), partial(replace_chosen, path))
            else:
                self._start(path)

        count = len(self._workspace.annotations)
        self._app.push_screen(ExportScreen(default_export_path(), count), chosen)

    def _start(self, path: Path) -> None:
        self._app.run_worker(
            lambda: self._export(path),
            thread=True,
            exclusive=True,
            group="export",
            exit_on_error=False,
        )

    def _export(self, path: Path) -> None:
        from boletin_tui.store.exchange import export_rows, write_export

        app = self._app
        shown = safe_text(str(path), newlines=False)  # a file name is never markup
        try:
            annotations = self._store.all().result()
            keys = [a.key for a in annotations]
            outlines = app.call_from_thread(self._workspace.outlines, keys)
            write_export(
                export_rows(annotations, outlines), path, fmt="csv", protect=self._store.own_files()
            )
        except Exception as exc:  # noqa: BLE001 - any failure is told to the user
            app.call_from_thread(
                app.notify,
                safe_text(f"No se pudo exportar a {shown}: {exc}", newlines=False),
                title="Exportar",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        done = "exportada" if len(annotations) == 1 else "exportadas"
        app.call_from_thread(
            app.notify,
            f"{plural(len(annotations), 'anotación', 'anotaciones')} {done} a {shown}",
            title="Exportar",
            markup=False,
        )
