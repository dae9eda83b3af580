"""The rules the app's collaborators use, without Textual: the query's hits in a text, where a
typed jump goes (or why not), and the header's line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from boletin_tui.corpus.model import Outline
from boletin_tui.jumping import JUMP_HELP, NOT_SHOWN, jump_key
from boletin_tui.query_hits import QueryHits
from boletin_tui.tui.resume import header_text

TEXT = "El IMSS atendió a 300 médicos; el IMSS-Bienestar, a otros."


def outline(key: str, number: str | None, date: dt.date) -> Outline:
    return Outline(key, number, "Boletín", date, None, None, "Título", (), "h")


def test_query_hits_leave_out_read_filters_and_need_words():
    hits = QueryHits()
    assert hits.spans(TEXT) == []  # no query yet
    hits.set_query("imss leído:no")
    assert [TEXT[a:b] for a, b in hits.spans(TEXT)] == ["IMSS", "IMSS-Bienestar"]
    hits.set_query("leído:sí")  # a filter alone highlights nothing
    assert hits.spans(TEXT) == []
    hits.set_query("   ")
    assert hits.spans(TEXT) == []


def test_jump_key_says_why_not():
    shown = [
        outline("119/2020", "119/2020", dt.date(2020, 4, 3)),
        outline("88/2020", "88/2020", dt.date(2020, 3, 1)),
    ]
    assert jump_key("marzo 2020", shown) == ("88/2020", "")
    assert jump_key("119/2020", shown) == ("119/2020", "")
    assert jump_key("mañana", shown) == (None, JUMP_HELP)
    assert jump_key("5/2019", shown) == (None, NOT_SHOWN)


def test_jump_to_a_day_or_a_key_as_shown():
    # A tester typed the key the key line shows (`sn-…`) and a full date: both refused.
    shown = [
        outline("119/2020", "119/2020", dt.date(2020, 4, 3)),
        outline("sn-5b9ff551c7", None, dt.date(2020, 3, 20)),
        outline("88/2020", "88/2020", dt.date(2020, 3, 1)),
    ]
    assert jump_key("sn-5b9ff551c7", shown) == ("sn-5b9ff551c7", "")
    assert jump_key(" SN-5B9FF551C7 ", shown) == ("sn-5b9ff551c7", "")
    assert jump_key("2020-03-01", shown) == ("88/2020", "")
    assert jump_key("1/3/2020", shown) == ("88/2020", "")
    assert jump_key("20 de marzo de 2020", shown) == ("sn-5b9ff551c7", "")
    assert jump_key("2020-03-18", shown) == ("sn-5b9ff551c7", "")  # none that day: the nearest
    assert jump_key("2020-02-30", shown) == (None, JUMP_HELP)


def test_header_text_names_the_corpus_the_resume_and_the_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "notas.json"
    assert header_text("corpus", None) == "corpus"
    assert header_text("corpus", db) == "corpus · base: notas.json"
    assert header_text("corpus", db, resumed=True) == "corpus · retomado · base: notas.json"
    assert (
        header_text("corpus", Path(db), resumed=True, resumed_at="119/2020")
        == "corpus · retomado en 119/2020 · base: notas.json"
    )
