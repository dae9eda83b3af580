"""Text fields the user leaves with a key, without losing or misplacing the keys typed next.

Textual runs a widget's key bindings only after the key has bubbled up to the app, while the
keys typed right after it are already queued for the same field. In a real terminal a fast
`t salud enter j n xyz` then put `jnxyz` into the tag, or `xy` nowhere. `HandsBackKeys`
handles its leave keys (`enter`, `escape`) in the order they were typed, and sends every key
that reaches it after it has given up the focus back to the app, which routes it afresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events

if TYPE_CHECKING:  # what it is mixed into, for the type checker only
    from textual.widget import Widget as _Field
else:
    _Field = object


class HandsBackKeys(_Field):
    """Mix into an `Input` or `TextArea` subclass; `LEAVE_KEYS` maps a key to an action."""

    LEAVE_KEYS: ClassVar[dict[str, str]] = {}

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:  # typed after this field let go: not ours
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        action = self.LEAVE_KEYS.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
            return
        await super()._on_key(event)
