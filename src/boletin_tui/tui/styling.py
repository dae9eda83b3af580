"""Styles read from component classes, made safe to paint with outside Textual's own widgets.

Theme colours such as `$foreground-muted` carry transparency; Textual blends them over the
background when it renders a widget's content, but a style applied to a span of `Content`
that we render line by line is not blended. `solid(style, background)` blends it once.
(Component classes painted this way use `$foreground-*`, not `$text-*`: the latter are
`auto` colours, resolved without a background here, which made the light theme's muted
text white.)

`entity_styles(widget, prefix)` gives the five entity categories' styles (reader and legend
alike): their text styles differ in `panes.tcss` (bold, italic, underline, a background), so
they are told apart without colour (a 16-colour terminal, a colour-blind reader), and their
foreground colours are made pairwise distinct in every theme, where two theme variables
may resolve to the same colour (`$text-accent` and `$text-warning` in the default theme).
"""

from __future__ import annotations

from dataclasses import replace

from textual.color import Color
from textual.style import Style
from textual.widget import Widget

from boletin_tui.entity_types import TYPES as ENTITY_TYPES

# Two foregrounds closer than this (Euclidean distance in RGB) count as the same colour.
_MIN_DISTANCE = 80.0
_HUE_STEPS = 12


def solid(style: Style, background: Color) -> Style:
    """`style` with a translucent foreground and background blended over `background`."""
    foreground, back = style.foreground, style.background
    if back is not None and 0 < back.a < 1:
        style = replace(style, background=background + back)
        background = background + back
    if foreground is None or foreground.a >= 1 or foreground.a == 0:  # 0: no colour set
        return style
    return replace(style, foreground=background + foreground)


def component_style(widget: Widget, name: str) -> Style:
    """The partial style of `widget`'s component class `name`, with an opaque foreground."""
    background = widget.visual_style.background
    if background is None or background.a < 1:
        background = widget.background_colors[1]  # what is painted behind, ancestors included
    return solid(widget.get_visual_style(name, partial=True), background)


def _distance(a: Color, b: Color) -> float:
    return float(((a.r - b.r) ** 2 + (a.g - b.g) ** 2 + (a.b - b.b) ** 2) ** 0.5)


def distinct_colour(colour: Color, taken: list[Color]) -> Color:
    """`colour`, or the nearest hue turn of it (same lightness) that is far enough from every
    colour in `taken`; a grey is given some saturation first."""
    if all(_distance(colour, other) >= _MIN_DISTANCE for other in taken):
        return colour
    h, s, lightness = colour.hsl
    s = max(s, 0.6)
    lightness = min(max(lightness, 0.3), 0.75)
    best, best_gap = colour, -1.0
    for step in range(1, _HUE_STEPS):
        candidate = Color.from_hsl((h + step / _HUE_STEPS) % 1.0, s, lightness)
        gap = min((_distance(candidate, other) for other in taken), default=_MIN_DISTANCE)
        if gap >= _MIN_DISTANCE:
            return candidate
        if gap > best_gap:
            best, best_gap = candidate, gap
    return best


def entity_styles(widget: Widget, prefix: str) -> dict[str, Style]:
    """The style of each entity type (`PERSON`...) from `widget`'s component classes
    `{prefix}--person`..., with foreground colours pairwise distinct (see the module)."""
    styles: dict[str, Style] = {}
    taken: list[Color] = []
    for kind in ENTITY_TYPES:
        style = component_style(widget, f"{prefix}--{kind.lower()}")
        if style.foreground is not None:
            colour = distinct_colour(style.foreground, taken)
            if colour != style.foreground:
                style = replace(style, foreground=colour)
            taken.append(colour)
        styles[kind] = style
    return styles
