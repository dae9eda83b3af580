"""The Textual side of the action table (`boletin_tui.actions`): bindings, palette, help.

`app_bindings()` gives the app's `BINDINGS`; a widget takes the binding of an action it
handles with `widget_binding(id)`. Every binding carries the action's id, so a keymap from
`config.toml` (`App.set_keymap`) rebinds it wherever it is. `palette_commands(app)` is the
command palette (Spanish only); `help_rows(keymap)` the help screen's table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding

from boletin_tui.actions import ACTIONS, BY_ID, GROUPS, Action, display_keys


def _binding(action: Action, call: str | None = None) -> Binding:
    # Priority (checked at the app before the focused widget) is for app bindings only.
    return Binding(
        action.keys,
        call or action.action,
        action.label,
        show=action.show,
        priority=action.priority and call is None and action.scope == "app",
        tooltip=action.help[:1].upper() + action.help[1:],
        id=action.id,
    )


def app_bindings() -> list[Binding]:
    """The `Binding`s of every app-level action that has keys."""
    return [_binding(a) for a in ACTIONS if a.scope == "app" and a.keys]


def widget_binding(action_id: str, call: str | None = None) -> Binding:
    """The binding a widget declares for the action `action_id`, running the widget's own
    action `call` when it differs from the table's."""
    return _binding(BY_ID[action_id], call)


# Reversed: when several actions run one Textual action, the first in the table rules it
# (`quit`, not `quit_anywhere`).
_BY_TEXTUAL_ACTION = {a.action.split("(")[0]: a for a in reversed(ACTIONS) if a.scope == "app"}


def action_for(textual_action: str) -> Action | None:
    """The table's action behind a Textual action name (`timeline_cursor` -> `next`); when
    several run it (`quit`, `quit_anywhere`), the first in the table."""
    return _BY_TEXTUAL_ACTION.get(textual_action)


def effective_keys(action: Action, keymap: Mapping[str, str]) -> str:
    """The keys bound to `action` once `keymap` (id -> keys) is applied."""
    return keymap.get(action.id, action.keys)


def palette_commands(
    app: App[Any], applies: Callable[[str], bool], keymap: Mapping[str, str]
) -> Iterable[SystemCommand]:
    """One palette entry per action that has a title and applies now (`applies(when)`).

    Availability comes from the app's state, not from the focus: the palette is itself a
    screen, and the actions it offers run once it has closed.
    """
    for action in ACTIONS:
        if not action.title or not applies(action.when):
            continue
        keys = display_keys(effective_keys(action, keymap))
        help_text = action.help[:1].upper() + action.help[1:]
        if keys != "—":
            help_text += f" ({keys})"
        # A widget's action runs at the app under the action's id (`action_save_note`).
        call = action.id if action.scope == "widget" else action.action
        yield SystemCommand(action.title, help_text, lambda a=call: app.run_action(a))


def help_rows(keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(keys, what they do, where) for each help line: one per action, one per group."""
    rows: list[tuple[str, str, str]] = []
    group = ""
    for action in ACTIONS:
        keys = display_keys(effective_keys(action, keymap))
        if action.group and action.group == group:
            previous = rows[-1]
            rows[-1] = (f"{previous[0]} / {keys}", previous[1], previous[2])
            continue
        group = action.group
        if action.help:
            rows.append((keys, GROUPS.get(group, action.help), action.where))
    return rows
