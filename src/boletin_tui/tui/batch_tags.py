"""Tag what is shown (`T`): add a tag to, or remove it from, every bulletin the timeline lists.

`BatchTagger` is a plain object the app owns (`app.batch_tags`). It asks for the tag and for a
confirmation, then makes the whole change in one write on the store thread
(`Workspace.tag_many` -> `TagBatch.apply`); a failed batch changes nothing and is told, not
retried. Once saved, `saved(changes)` lets the app redraw the marks and the panel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from boletin_tui.safe_text import safe_text
from boletin_tui.store import Annotation
from boletin_tui.tui.choice_screens import AskScreen, ConfirmScreen
from boletin_tui.tui.store_client import StoreClient
from boletin_tui.wording import plural
from boletin_tui.workspace import Change, TagBatch, Workspace


class BatchTagger:
    """See the module. `listed()`: the keys the timeline lists now."""

    def __init__(
        self,
        app: App[Any],
        workspace: Workspace,
        store: StoreClient,
        *,
        listed: Callable[[], list[str]],
        saved: Callable[[list[Change]], None],
    ) -> None:
        self._app, self._workspace, self._store = app, workspace, store
        self._listed, self._saved = listed, saved

    def ask(self) -> None:
        """Ask for a tag (`-tag` removes it), confirm, and write it on every bulletin listed."""
        keys = self._listed()
        if not keys:
            return
        count = plural(len(keys), "boletín mostrado", "boletines mostrados")

        def asked(tag: str | None) -> None:
            if not tag:
                return
            remove = tag.startswith("-")
            name = tag.lstrip("-").strip()
            if not name:
                return
            question = (
                f"¿Quitar la etiqueta «{name}» de los {count}?"
                if remove
                else f"¿Añadir la etiqueta «{name}» a los {count}?"
            )
            if len(keys) == 1:
                question = question.replace("los ", "", 1).replace("de los ", "del ", 1)

            def confirmed(yes: bool | None) -> None:
                if yes:
                    batch = self._workspace.tag_many(keys, name, remove=remove)
                    self._app.run_worker(
                        lambda: self._write(batch),
                        thread=True,
                        group="store",
                        exit_on_error=False,
                    )

            self._app.push_screen(ConfirmScreen("Etiquetar lo mostrado", question), confirmed)

        self._app.push_screen(
            AskScreen(f"Etiquetar los {count}", "Etiqueta (con «-» delante, se quita):"), asked
        )

    def _write(self, batch: TagBatch) -> None:
        try:
            stored = self._store.call(batch.apply).result()
        except Exception as exc:  # noqa: BLE001 - StoreError, ValueError: told to the user
            # Not kept to retry (one write over many bulletins): the user is told, plainly.
            verb = "quitar" if batch.remove else "poner"
            count = plural(len(batch.keys), "boletín", "boletines")
            self._app.call_from_thread(
                self._app.notify,
                safe_text(
                    f"No se pudo {verb} la etiqueta «{batch.tag}» en {count}; no se cambió "
                    f"nada y no se reintentará: {exc}",
                    newlines=False,
                ),
                title="Sin guardar",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self._app.call_from_thread(self._batch_saved, batch, stored)

    def _batch_saved(self, batch: TagBatch, stored: dict[str, Annotation | None]) -> None:
        changes = self._workspace.saved_many(batch, stored)
        self._saved(changes)
        verb = "quitada de" if batch.remove else "añadida a"
        self._app.notify(
            safe_text(
                f"Etiqueta «{batch.tag}» {verb} {plural(len(changes), 'boletín', 'boletines')}.",
                newlines=False,
            ),
            title="Etiquetar lo mostrado",
            markup=False,
        )
