"""Styles read from component classes, made safe to paint with outside Textual's own widgets.

Theme colours such as `$foreground-muted` carry transparency; Textual blends them over the
background when it renders a widget's content, but a style applied to a span of `Content`
that we render line by line is not blended. `solid(style, background)` blends it once.
(Component classes painted this way use `$foreground-*`, not `$text-*`: the latter are
`auto` colours, resolved without a background here, which made the light theme's muted
text white.)
"""

from __future__ import annotations

from dataclasses import replace

from textual.color import Color
from textual.style import Style


def solid(style: Style, background: Color) -> Style:
    """`style` with a translucent foreground blended over `background`."""
    foreground = style.foreground
    if foreground is None or foreground.a >= 1 or foreground.a == 0:  # 0: no colour set
        return style
    return replace(style, foreground=background + foreground)


def component_style(widget, name: str) -> Style:
    """The partial style of `widget`'s component class `name`, with an opaque foreground."""
    return solid(widget.get_visual_style(name, partial=True), widget.visual_style.background)
