"""Issue 15, finding inside a bulletin: hits highlighted, `n`/`N`, the focused pane, `j`/`k`
in the reading pane, `down` from the search field into the results."""

from __future__ import annotations

from boletin_tui.tui.reader import Reader
from boletin_tui.tui.timeline import Timeline

SIZE = (120, 36)


def highlighted(reader: Reader) -> list[str]:
    """The words of the reading pane painted in the hit style."""
    style = reader.hit_style
    words = []
    for line in reader.content.split("\n"):
        for span in line.spans:
            if span.style == style:
                words.append(line.plain[span.start : span.end])
    return words


async def test_search_words_are_highlighted_in_the_text(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        reader = app.query_one(Reader)
        assert highlighted(reader) == []
        await pilot.press("slash", *"olvera museo", "enter")
        await h.settle(pilot)
        words = highlighted(reader)
        # The last word is a prefix while it may still be typed, as in the index.
        assert {"olvera", "museo"} <= {w.lower() for w in words} <= {"olvera", "museo", "museos"}
        assert len(words) >= 5
        await pilot.press("escape")
        await h.settle(pilot)
        assert highlighted(reader) == []


async def test_n_and_N_move_between_hits_and_across_bulletins(make, h):
    app = make()
    async with app.run_test(size=(100, 14)) as pilot:
        await h.settle(pilot)
        await pilot.press("slash", *"campos", "enter")  # 210/2023 (3 lines), 530/2022 (1)
        await h.settle(pilot)
        reader, timeline = app.query_one(Reader), app.query_one(Timeline)
        assert timeline.current_key == "210/2023"
        lines = reader.hit_lines
        assert len(lines) >= 2
        await pilot.press("n")
        assert reader.current_hit == 0
        await pilot.press("n")
        assert reader.current_hit == 1
        assert round(reader.scroll_y) <= lines[1] < round(reader.scroll_y) + reader.size.height
        for _ in range(len(lines) - 2):
            await pilot.press("n")
        await pilot.press("n")  # no more here: the next bulletin shown, its first hit
        await h.settle(pilot)
        assert timeline.current_key == "530/2022" and reader.current_hit == 0
        await pilot.press("N")  # back: the previous bulletin's last hit
        await h.settle(pilot)
        assert timeline.current_key == "210/2023"
        assert reader.current_hit == len(lines) - 1


async def test_n_without_a_search_does_nothing_and_a_edits_the_note(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("n")
        assert app.query_one(Timeline).current_key == "210/2023"
        await pilot.press("a")
        assert app.focused is app.query_one("#note")


async def test_the_focused_pane_is_marked(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        status, legend = app.query_one("#timeline-status"), app.query_one("#legend")
        list_focused = (status.styles.background, legend.styles.background)
        app.query_one(Reader).focus()
        await pilot.pause()
        text_focused = (status.styles.background, legend.styles.background)
        assert list_focused[0] != text_focused[0]
        assert list_focused[1] != text_focused[1]


async def test_j_and_k_scroll_the_reading_pane_when_it_has_the_focus(make, h):
    app = make()
    async with app.run_test(size=(80, 14)) as pilot:
        await h.settle(pilot)
        reader = app.query_one(Reader)
        reader.focus()
        await pilot.press("j", "j", "j")
        assert round(reader.scroll_y) == 3
        await pilot.press("k")
        assert round(reader.scroll_y) == 2
        assert app.query_one(Timeline).current_key == "210/2023"  # the list did not move


async def test_down_in_the_search_field_moves_into_the_results(make, h):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("slash", *"faro", "down")
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        assert app.focused is timeline
        await pilot.press("j")
        assert timeline.current_key == timeline.shown_keys[1]
