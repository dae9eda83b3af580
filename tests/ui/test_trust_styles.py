"""Issue 13 #1: the five entity categories are told apart in every built-in theme."""

from __future__ import annotations

from itertools import combinations

from boletin_tui.entity_types import TYPES
from boletin_tui.tui.legend import Legend
from boletin_tui.tui.reader import Reader
from boletin_tui.tui.styling import entity_styles


def _attributes(style) -> tuple:
    """What tells a style apart without colour (a 16-colour terminal drops a tinted
    background too)."""
    return (bool(style.bold), bool(style.italic), bool(style.underline))


async def test_entity_styles_differ_in_every_theme_and_the_legend_matches(make, h):
    app = make()
    async with app.run_test(size=(120, 36)) as pilot:
        await h.settle(pilot)
        reader, legend = app.query_one(Reader), app.query_one(Legend)
        assert len(app.available_themes) > 5
        for theme in app.available_themes:
            app.theme = theme
            await pilot.pause()
            styles = entity_styles(reader, "reader")
            assert set(styles) == set(TYPES)
            for a, b in combinations(TYPES, 2):
                assert styles[a] != styles[b], (theme, a, b)
                assert styles[a].foreground != styles[b].foreground, (theme, a, b)
                # Not by colour alone: a 16-colour terminal or a colour-blind reader.
                assert _attributes(styles[a]) != _attributes(styles[b]), (theme, a, b)
            shown = legend.render()
            legend_styles = [s.style for s in shown.spans]
            assert len(legend_styles) == len(TYPES)
            for kind, style in zip(TYPES, legend_styles, strict=True):
                assert style.foreground == styles[kind].foreground, (theme, kind)
                assert _attributes(style) == _attributes(styles[kind]), (theme, kind)
