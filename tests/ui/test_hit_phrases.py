"""Search hits for phrases and figures in the reading pane: `/"…"` marks the phrase as one hit
and `n` lands on it; `/11907` marks «11 mil 907» and `n` lands on it."""

from __future__ import annotations

from boletin_tui.tui.reader import Reader
from tests.ui.test_reader_find import highlighted

SIZE = (140, 40)
BULLETIN = """\
Ciudad de México, 20 de abril de 2020.
Boletín No. 119/2020

Dialogan la secretaria de Gobernación y el Instituto de Faros

· La secretaria Renata Olvera Campos habló de la red de faros de la costa.

La titular de Gobernación y la secretaria de Gobernación recibieron a los guardianes de faros \
de ocho estados: dos de cada tres faros de la costa ya tienen luz nueva.
Cuando comenzó el programa había 11 mil 907 guardianes; hoy son 522 más.
"""


def _corpus(tmp_path):
    folder = tmp_path / "frases"
    folder.mkdir()
    (folder / "2020-04-20_119.txt").write_text(BULLETIN, encoding="utf-8")
    return folder


async def _search(pilot, app, h, query: str) -> Reader:
    await pilot.press("slash", *query, "enter")
    await h.settle(pilot)
    return app.query_one(Reader)


async def test_n_lands_on_the_phrase_and_on_the_figure_by_value(make, tmp_path, h):
    app = make([_corpus(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await h.settle(pilot)
        reader = await _search(pilot, app, h, '"secretaria de gobernacion"')
        text = reader.bulletin.text
        # One hit per occurrence of the phrase, none on a lone `de` or `secretaria`.
        assert [w.lower() for w in highlighted(reader)] == ["secretaria de gobernación"] * 2
        first = text.index("secretaria de Gobernación")
        second = text.index("secretaria de Gobernación", first + 1)
        # `n` stops once per phrase, even where it wraps onto the next line.
        assert reader.hit_lines == [reader.line_of_offset(first), reader.line_of_offset(second)]
        await pilot.press("n")
        assert reader.current_hit == 0
        await pilot.press("n")
        assert reader.current_hit == 1

        await pilot.press("escape")
        reader = await _search(pilot, app, h, "11907")
        assert highlighted(reader) == ["11 mil 907"]
        await pilot.press("n")
        assert reader.current_hit == 0
        assert reader.hit_lines == [reader.line_of_offset(text.index("11 mil 907"))]


def test_a_hit_wrapped_onto_the_next_line_is_one_stop():
    from textual.content import Content, Span
    from textual.style import Style

    from boletin_tui.tui.wrapping import WrappedLines

    hit, other = Style(bold=True), Style(italic=True)
    text = "uno dos secretaria de gobernación tres cuatro gobernación"
    start = text.index("secretaria")
    spans = [
        Span(start, start + len("secretaria de gobernación"), hit),
        Span(text.rindex("gob"), len(text), hit),
        Span(0, 3, other),
    ]
    lines = WrappedLines([Content(text, spans=spans)], 16)
    assert [line.plain.strip() for line in lines][1:3] == ["secretaria de", "gobernación tres"]
    assert lines.lines_with(hit) == [1, 4]  # not 2, where the phrase goes on
    assert lines.lines_with(other) == [0]
