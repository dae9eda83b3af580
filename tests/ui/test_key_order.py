"""Keys typed right after leaving a text field reach their next destination in the order typed.

How the race is reproduced. A terminal's driver thread hands the app each key as it parses
it, and the app gets them between its own turns of work: under load, part of a burst (tmux
`send-keys "verificar" Enter "afecha dudosa"`) is already in the app's queue when the app
runs, the rest arrives key by key while the app and the fields work. The app forwards every
key it holds to the focused field's own queue at once, so the field meets its leave key
(`enter`, `escape`) with keys typed after it still queued behind it, while the app receives
the next keys and routes them straight to the new focus. `typist` does the same,
deterministically: it posts the keys up to `after` keys past the leave key at once, then the
rest one per event-loop turn (`asyncio.sleep(0)`), so keys keep arriving while the field
handles its leave key. Before the fix these interleavings saved the note `echa dudosa`, the
tag `jsalud` on the wrong bulletin, the passage note `cfeha del boletín`, the passage tag
`verificarjt` (and in a real terminal `udosafecha d`). Posting every key at once does not
race: the app forwards them all before the field runs (see test_fast_typing.py).
"""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from boletin_tui.tui.handoff import HandsBackKeys
from boletin_tui.tui.passage_dialog import PassageDialog
from boletin_tui.tui.timeline import Timeline

SIZE = (140, 40)
LEAVE = "\r\x1b"  # the leave keys used below: enter, escape
KEY_NAMES = {"\r": "enter", "\x1b": "escape", "\x13": "ctrl+s", "/": "slash", " ": "space"}
AFTER = [1, 2, 3]  # keys past the first leave key that reach the field with it


async def typist(app, text: str, after: int) -> None:
    """Type `text` as a terminal under load delivers it: the keys up to `after` keys past the
    first leave key in one go, then the rest one per turn of the event loop."""
    burst = next(i for i, ch in enumerate(text) if ch in LEAVE) + 1 + after
    for i, ch in enumerate(text):
        app.post_message(events.Key(KEY_NAMES.get(ch, ch), ch))
        if i + 1 >= burst:
            await asyncio.sleep(0)


@pytest.mark.parametrize("after", AFTER)
async def test_a_note_typed_right_after_a_tag(make, db_path, h, after):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await typist(app, "tverificar\rafecha dudosa\x13", after)
        await h.settle(pilot)
    record = h.stored(db_path)["210/2023"]
    assert (record["tags"], record["note"]) == (["verificar"], "fecha dudosa")


@pytest.mark.parametrize("after", AFTER)
async def test_the_next_bulletin_tagged_right_after_a_tag(make, db_path, h, after):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await typist(app, "tverificar\rjtsalud\r", after)
        await h.settle(pilot)
        assert app.query_one(Timeline).current_key == "188/2023"
    records = h.stored(db_path)
    assert {key: record["tags"] for key, record in records.items()} == {
        "210/2023": ["verificar"],
        "188/2023": ["salud"],
    }


@pytest.mark.parametrize("after", AFTER)
async def test_moving_and_a_note_typed_right_after_a_search(make, db_path, h, after):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await typist(app, "/inaf\rjauna nota\x13", after)
        await h.settle(pilot)
        timeline = app.query_one(Timeline)
        assert app.query_one("#search").value == "inaf"
        second = timeline.shown_keys[1]
        assert timeline.current_key == second
    records = h.stored(db_path)
    assert {key: record["note"] for key, record in records.items()} == {second: "una nota"}


@pytest.mark.parametrize("after", AFTER)
async def test_the_next_bulletin_tagged_right_after_leaving_the_note(make, db_path, h, after):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await typist(app, "auno\x1bjtdos\r", after)
        await h.settle(pilot)
    records = h.stored(db_path)
    assert (records["210/2023"]["note"], records["210/2023"]["tags"]) == ("uno", [])
    assert (records["188/2023"]["note"], records["188/2023"]["tags"]) == ("", ["dos"])


@pytest.mark.parametrize("after", AFTER)
@pytest.mark.parametrize(
    ("text", "tags", "note"),
    [
        ("verificar\rfecha del boletín\x13", ["verificar"], "fecha del boletín"),
        ("verificar\x1btdos\r", ["verificar"], ""),  # escape in the tag field saves, leaves
        ("verificar\rnota\x1btdos\r", ["verificar"], "nota"),  # and in the note
    ],
    ids=["enter-to-note", "escape-in-tags", "escape-in-note"],
)
async def test_a_passage_dialog_left_in_one_burst(make, db_path, h, after, text, tags, note):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await pilot.press("p", "enter")  # a passage: the first sentence; its dialog opens
        await h.settle(pilot)
        assert isinstance(app.screen, PassageDialog)
        await typist(app, text, after)
        await h.settle(pilot)
        assert not isinstance(app.screen, PassageDialog)
    record = h.stored(db_path)["210/2023"]
    assert [(p["tags"], p["note"]) for p in record["passages"]] == [(tags, note)]
    assert record["tags"] == (["dos"] if "tdos" in text else [])


async def test_without_textual_internals_no_key_is_lost(make, db_path, h, monkeypatch):
    """Should Textual keep its queues otherwise, each key goes to the app's tail as the field
    meets it (the order is then at risk again, as before the fix, but nothing is dropped)."""
    from boletin_tui.tui import handoff

    monkeypatch.setattr(handoff, "_take_all", lambda pump: None)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        await typist(app, "tverificar\rjafecha dudosa\x13", after=len("jafecha dudosa\x13"))
        await h.settle(pilot)
    records = h.stored(db_path)
    assert records["210/2023"]["tags"] == ["verificar"]
    assert records["188/2023"]["note"] == "fecha dudosa"


class _LaterField(HandsBackKeys, Input):
    """Its leave action only posts a message: the app moves the focus when it arrives."""

    LEAVE_KEYS = {"enter": "leave"}

    class Left(Message):
        pass

    def action_leave(self) -> None:
        self.post_message(self.Left())


class _FocusLaterApp(App[None]):
    """`x` and `y` are app keys (as `j`, `a`... in boletin-tui: off while a field types)."""

    BINDINGS = [
        Binding("x", "record('x')", priority=True),
        Binding("y", "record('y')", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.recorded: list[str] = []

    def compose(self) -> ComposeResult:
        yield _LaterField(id="first")
        yield Input(id="second")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not isinstance(self.focused, Input)

    def action_record(self, key: str) -> None:
        self.recorded.append(key)

    def on__later_field_left(self) -> None:
        self.query_one("#second", Input).focus()


@pytest.mark.parametrize("after", AFTER)
async def test_keys_after_a_leave_key_never_go_back_into_the_field_left(after):
    """A leave action that leaves the focus to a later message: the keys typed after its key
    are the app's (here `x` `y`, in order), not the field's; once the focus has moved, the
    next field gets what is typed next."""
    app = _FocusLaterApp()
    async with app.run_test() as pilot:
        await typist(app, "ab\rxy", after)
        await pilot.pause()
        await pilot.press("c", "d")
        assert app.query_one("#first", Input).value == "ab"
        assert app.recorded == ["x", "y"]
        assert app.query_one("#second", Input).value == "cd"
