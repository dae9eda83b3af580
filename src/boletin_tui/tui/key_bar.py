"""The footer: the keys that apply now, on one line, drawn as text.

Textual's `Footer` mounts a widget per key and rebuilds them whenever the bindings change
(a search typed or cleared, the focus moving to a field, a bulletin with or without tags),
and each rebuild lays out the whole screen again: about 50 ms at 10,000 bulletins, on the
first keystroke of a search (issue 11). `KeyBar` reads the same bindings
(`Screen.active_bindings`: what `check_action` lets through, with the user's keymap), keeps
them as a tuple and repaints its one line only when that tuple changed; nothing is laid
out. A click on a key presses it; the palette's key sits at the right end. When the line is too
narrow for every key, whole keys are dropped from the right, never the help's (`?`), which
lists them all.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class Shown(NamedTuple):
    """One key as drawn: its Textual name, how it is shown, its word, whether it applies,
    and its action."""

    key: str
    display: str
    label: str
    enabled: bool
    action: str = ""


KEPT = "help"  # the action whose key stays when the line is too narrow for every key


class KeyBar(Widget):
    """See the module."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--label", "key-bar--disabled", "key-bar--rule"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--label {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--disabled {
            text-style: dim;
        }
        & > .key-bar--rule {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys: tuple[Shown, ...] = ()  # left to right
        self.palette: Shown | None = None  # at the right end
        self._places: list[tuple[int, int, Shown]] = []  # (first cell, end, key) as drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        keys: list[Shown] = []
        seen: set[str] = set()
        palette = None
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            display = self.app.get_key_display(binding)
            shown = Shown(binding.key, display, binding.description, enabled, binding.action)
            if binding.action == "command_palette" and self.app.ENABLE_COMMAND_PALETTE:
                palette = shown
            elif binding.show and binding.action not in seen:  # an action's first key
                seen.add(binding.action)
                keys.append(shown)
        if (tuple(keys), palette) != (self.keys, self.palette):
            self.keys, self.palette = tuple(keys), palette
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0:
            return Strip.blank(width, base)
        key_style = base + self.get_component_rich_style("key-bar--key")
        label_style = base + self.get_component_rich_style("key-bar--label")
        dim = self.get_component_rich_style("key-bar--disabled")
        segments: list[Segment] = []
        places: list[tuple[int, int, Shown]] = []
        tail: list[Segment] = []
        if self.palette is not None:  # as Textual's footer draws it: after a thin rule
            rule = base + self.get_component_rich_style("key-bar--rule")
            tail = [Segment("▏", rule), Segment(self.palette.display, key_style)]
            tail.append(Segment(f" {self.palette.label} ", label_style))
        room = width - sum(cell_len(s.text) for s in tail)
        parts = [(k, self._part(k, key_style, label_style, dim)) for k in self.keys]
        sized = [(k, part, sum(cell_len(s.text) for s in part)) for k, part in parts]
        if sum(size for *_, size in sized) > room:  # too narrow: whole keys, and the help's
            kept = [i for i, (k, *_) in enumerate(sized) if k.action == KEPT]
            budget, chosen = room - sum(sized[i][2] for i in kept), set(kept)
            for i, (*_, size) in enumerate(sized):
                if i not in chosen and size <= budget:
                    chosen.add(i)
                    budget -= size
                elif i not in chosen:
                    break
            sized = [entry for i, entry in enumerate(sized) if i in chosen]
        used = 0
        for shown, part, size in sized:
            places.append((used, used + size, shown))
            segments.extend(part)
            used += size
        if tail and self.palette is not None:
            segments.append(Segment(" " * max(room - used, 0), base))
            places.append((max(room, used), width, self.palette))
            segments.extend(tail)
        self._places = places
        return Strip(segments).adjust_cell_length(width, base)

    @staticmethod
    def _part(shown: Shown, key: Style, label: Style, dim: Style) -> list[Segment]:
        if not shown.enabled:
            key, label = key + dim, label + dim
        parts = [Segment(f" {shown.display} ", key)]
        if shown.label:
            parts.append(Segment(f"{shown.label} ", label))
        return parts

    def on_mouse_down(self, event: events.MouseDown) -> None:
        for first, end, shown in self._places:
            if first <= event.x < end:
                if shown.enabled:
                    self.app.simulate_key(shown.key)
                else:
                    self.app.bell()
                return
