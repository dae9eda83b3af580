"""The Textual-free figures table: rows, noun filter, sorting and series with changes."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from boletin_tui.corpus import load_corpus, sample_corpus_path
from boletin_tui.entities.figures_table import COLUMNS, FiguresTable, rows_of_bulletin


def bulletin(key: str, date: dt.date | None, text: str) -> SimpleNamespace:
    import hashlib

    digest = hashlib.sha256(f"{key}{text}".encode()).hexdigest()
    return SimpleNamespace(
        key=key, date=date, title=f"Boletín {key}", text=text, content_hash=digest
    )


BULLETINS = [
    bulletin("sin-fecha", None, "El IMSS cuenta con 99 mil residentes en el país."),
    bulletin("002/2024", dt.date(2024, 5, 1), "Hoy se forman 12 mil residentes y 400 camas."),
    bulletin("001/2023", dt.date(2023, 5, 1), "Se forman 10 mil médicos residentes en 320 sedes."),
    bulletin(
        "003/2025",
        dt.date(2025, 5, 1),
        "Se forman 9 mil residentes. En el año, 9 mil residentes terminaron su formación.",
    ),
]


@pytest.fixture
def table() -> FiguresTable:
    return FiguresTable.from_bulletins(BULLETINS)


def test_rows_are_oldest_first_and_undated_last(table):
    assert [r.key for r in table.rows] == [
        "001/2023",
        "001/2023",
        "002/2024",
        "002/2024",
        "003/2025",
        "003/2025",
        "sin-fecha",
    ]
    first = table.rows[0]
    assert (first.value, first.noun, first.noun_key) == (
        10000,
        "médicos residentes",
        "medico residente",
    )
    assert BULLETINS[2].text[first.start : first.end] == first.figure == "10 mil"
    assert first.sentence.startswith("Se forman 10 mil")


def test_filter_is_folded_by_whole_words_and_keeps_table_order(table):
    keys = [(r.key, r.value) for r in table.filter("Residentes")]
    assert keys == [
        ("001/2023", 10000),
        ("002/2024", 12000),
        ("003/2025", 9000),
        ("003/2025", 9000),
        ("sin-fecha", 99000),
    ]
    assert [r.value for r in table.filter("médico residente")] == [10000]
    assert [r.value for r in table.filter("cama")] == [400]
    assert table.filter("resident") == []  # whole words only
    assert len(table.filter("")) == len(table)


def test_series_changes_skip_the_same_bulletin_and_undated(table):
    points = table.series("residente")
    assert [(p.row.key, p.change, p.change_pct) for p in points] == [
        ("001/2023", None, None),
        ("002/2024", 2000, 20.0),
        ("003/2025", -3000, -25.0),
        ("003/2025", -3000, -25.0),  # against the previous bulletin, not its own repeat
        ("sin-fecha", None, None),  # undated: no change
    ]


def test_series_compares_only_the_same_unit():
    bulletins = [
        bulletin("001/2023", dt.date(2023, 1, 1), "El 40 por ciento de los partos fue en casa."),
        bulletin("002/2023", dt.date(2023, 6, 1), "Se atendieron 500 partos."),
        bulletin("003/2023", dt.date(2023, 9, 1), "El 30 por ciento de los partos fue en casa."),
    ]
    points = FiguresTable.from_bulletins(bulletins).series("parto")
    assert [(p.row.unit, p.change) for p in points] == [("%", None), (None, None), ("%", -10)]


def test_sort_by_any_column_keeps_missing_values_last(table):
    by_value = FiguresTable.sort(table.rows, "value", reverse=True)
    assert [r.value for r in by_value][:2] == [99000, 12000]
    by_date = FiguresTable.sort(table.rows, "date", reverse=True)
    assert by_date[0].key == "003/2025" and by_date[-1].key == "sin-fecha"
    by_noun = FiguresTable.sort(table.rows, "noun")
    assert by_noun[0].noun == "camas"
    for column in COLUMNS:
        assert len(FiguresTable.sort(table.rows, column)) == len(table)
    with pytest.raises(KeyError):
        FiguresTable.sort(table.rows, "nope")
    assert table.sorted_rows("value", reverse=True) == by_value
    assert table.sorted_rows("value", reverse=True) == by_value  # from the cache


def test_nouns_counts_distinct_keys(table):
    nouns = dict(table.nouns())
    assert nouns["residente"] == 4 and nouns["medico residente"] == 1 and nouns["cama"] == 1


def test_sample_corpus_table():
    corpus = load_corpus([sample_corpus_path()], use_cache=False)
    table = FiguresTable.from_bulletins(corpus.bulletins)
    assert len(table) == sum(len(rows_of_bulletin(b)) for b in corpus.bulletins) > 200
    camas = table.series("cama")
    assert [p.row.value for p in camas] == [120, 120, 2000, 260, 260, 90]
    assert camas[3].change == -1740
