"""Text fields the user leaves with a key, without losing or misplacing the keys typed next.

The contract of `HandsBackKeys`: every key reaches its destination in the order typed.

- A leave key (`LEAVE_KEYS`, key -> action) runs its action in the field, in its turn among
  the keys typed (a Textual binding runs only once the key has bubbled up to the app, after
  the keys typed next went into the field). After it the field has let go of the focus: if
  the action left it there (the focus may move later, through a message), the field drops it.
- The keys still queued for a field that has let go (typed after its leave key, or met once
  its screen's focus has moved away by other means) are handed back to the app, all at once,
  in order and AHEAD of the keys the app has not routed yet; the app routes them afresh (its
  priority bindings, then the focused widget). None is dropped, none goes into the field left.
- A leave action does not await: the app would route keys typed later meanwhile.

Why ahead: the app forwards each key to the focused widget's own queue as soon as it reads
it (`App.on_event` -> `Widget._forward_event`). When typing is fast the field still holds
keys typed after its leave key while the app holds later ones, which it then forwards
straight to the new focus; posting the held keys to the app's tail put them behind those:
a tmux test saved the note `fecha dudosa` as `udosafecha d`.

The queues are reached through two Textual internals, read in `_take_all` only: a message
pump's `_message_queue` (a FIFO queue) and `_pending_message` (the message its loop has
already taken out to look at). Should they change, each key is posted to the app's tail as
the field meets it: nothing is lost, only the order is at risk again (test_key_order.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events

if TYPE_CHECKING:  # what it is mixed into, for the type checker only
    from textual.message import Message
    from textual.message_pump import MessagePump
    from textual.widget import Widget as _Field
else:
    _Field = object


class HandsBackKeys(_Field):
    """Mix into an `Input` or `TextArea` subclass; `LEAVE_KEYS` maps a key to an action
    (the field's own, or `screen.`/`app.` ones). See the module for the contract."""

    LEAVE_KEYS: ClassVar[dict[str, str]] = {}

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:  # typed after this field let go: not ours
            event.stop()
            event.prevent_default()
            _hand_back(self, event)
            return
        action = self.LEAVE_KEYS.get(event.key)
        if action is None:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)
        if self.app.focused is self:  # keys typed next must not come back here
            self.app.set_focus(None)  # (a dialog the action closed is no longer app.screen)
        _hand_back(self)


def _hand_back(field: MessagePump, *first: events.Key) -> None:
    """Give the app `first` and then every key queued for `field`, in order, ahead of all
    it holds (or, without the internals, `first` at its tail)."""
    keys = list(first)
    if (queued := _take_all(field)) is not None:
        keys += [m for m in queued if isinstance(m, events.Key)]
        _put(field, [m for m in queued if not isinstance(m, events.Key)])
    fresh = [events.Key(key.key, key.character) for key in keys]  # for the app to route
    app = field.app
    if (held := _take_all(app)) is not None:
        _put(app, [*fresh, *held])
    else:
        for key in fresh:
            app.post_message(key)


# -- the Textual internals (textual 8.x), only here ------------------------------------------
# The queue is Textual's own `textual._queue.Queue`; only what asyncio.Queue also has is used.
_QUEUE = ("empty", "get_nowait", "put_nowait")


def _take_all(pump: MessagePump) -> list[Message | None] | None:
    """Take out everything queued for `pump`, in order (None: a close sentinel), or None
    if this Textual keeps its queue otherwise."""
    queue = getattr(pump, "_message_queue", None)
    if not all(hasattr(queue, name) for name in _QUEUE) or not hasattr(pump, "_pending_message"):
        return None
    taken: list[Message | None] = []
    if pump._pending_message is not None:
        taken.append(pump._pending_message)
        pump._pending_message = None
    while not pump._message_queue.empty():
        taken.append(pump._message_queue.get_nowait())
    return taken


def _put(pump: MessagePump, messages: Iterable[Message | None]) -> None:
    for message in messages:
        pump._message_queue.put_nowait(message)
