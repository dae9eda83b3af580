"""`CorpusView`: the keys and months of a corpus database at one moment, outlines by page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from boletin_tui.corpus import sample_corpus_path
from boletin_tui.corpusdb import CorpusDB
from boletin_tui.corpusdb import view as view_module
from boletin_tui.corpusdb.matches import Matches
from boletin_tui.corpusdb.view import CorpusView
from boletin_tui.tui.rows import UNDATED, RowIndex, build_rows


@pytest.fixture
def db(tmp_path: Path):
    folder = tmp_path / "corpus"
    shutil.copytree(sample_corpus_path(), folder)
    database = CorpusDB.open([folder], tmp_path / "cache")
    database.sync()
    yield database
    database.close()


def test_a_view_holds_keys_in_order_and_reads_outlines_by_page(db, monkeypatch):
    monkeypatch.setattr(view_module, "PAGE", 3)  # several pages even for the sample
    view = CorpusView.read(db)
    rows = db.rows()
    assert view.keys == [o.key for o in rows] and len(view) == db.count() > 6
    assert view.months == [f"{o.date:%Y-%m}" if o.date else None for o in rows]
    assert [view.outline_at(i) for i in range(len(view))] == rows
    assert set(view._pages) == set(range((len(view) + 2) // 3))  # each page read once
    key = rows[4].key
    assert view.position(key) == 4 and key in view and "999/1999" not in view
    assert view.outlines([key, "999/1999"]) == {key: rows[4]}


def test_an_older_view_still_reads_the_right_rows_after_a_change(db):
    view = CorpusView.read(db)
    first = db.bulletin(view.keys[0])
    assert first is not None
    for source in first.sources:
        Path(source).unlink()
    db.sync()  # every row moves up one place
    assert view.outline_at(1) is not None and view.outline_at(1).key == view.keys[1]
    assert view.outline_at(0) is None  # gone: the next view drops it
    assert CorpusView.read(db).keys == view.keys[1:]


def test_rows_put_year_and_month_headings_before_their_bulletins():
    rows = build_rows(["b", "a", "c", "z"], ["2024-03", "2024-01", "2023-12", None])
    assert [(r.label, r.level, r.key, r.pos) for r in rows] == [
        ("2024", 0, None, -1),
        ("marzo 2024", 1, None, -1),
        ("b", 2, "b", 0),
        ("enero 2024", 1, None, -1),
        ("a", 2, "a", 1),
        ("2023", 0, None, -1),
        ("diciembre 2023", 1, None, -1),
        ("c", 2, "c", 2),
        (UNDATED, 0, None, -1),
        ("z", 2, "z", 3),
    ]


def test_texts_reads_each_bulletin_when_asked(db):
    view = CorpusView.read(db)
    texts = view.texts()
    assert len(texts) == len(view)
    assert [b.key for b in texts] == view.keys
    assert texts[2] == db.bulletin(view.keys[2]) and texts[2].paragraphs
    assert [b.key for b in texts[1:3]] == view.keys[1:3]


def test_a_row_index_finds_rows_and_filters_without_a_row_per_key():
    keys = ["b", "a", "c", "d", "z", "y"]
    months = ["2024-03", "2024-01", "2023-12", "2023-12", None, None]
    index = RowIndex(keys, months)
    rows = build_rows(keys, months)
    every = index.everything
    assert len(every.rows) == len(rows) == 12 and list(every.rows) == rows
    assert every.rows[-1] == rows[-1] and every.rows[2:5] == rows[2:5]
    assert [every.row_of(k) for k in keys] == [rows.index(r) for r in rows if r.key]
    assert every.row_of("nope") is None and every.row_of(None) is None
    assert every.count == 6 and list(every.keys) == keys
    found = index.filter(["y", "c", "b", "c"])
    assert [r.label for r in found.rows] == [
        "2024",
        "marzo 2024",
        "b",
        "2023",
        "diciembre 2023",
        "c",
        UNDATED,
        "y",
    ]
    assert list(found.keys) == ["b", "c", "y"] and found.count == 3
    assert found.rows[found.row_of("c")].key == "c" and found.row_of("a") is None
    assert "y" in found and "d" not in found
    assert list(index.filter([]).rows) == [] and index.filter([]).count == 0
    assert list(RowIndex([], []).everything.rows) == []


def test_a_year_heading_shows_above_a_later_month_when_its_first_has_no_match():
    index = RowIndex(["b", "a"], ["2024-03", "2024-01"])
    assert [r.label for r in index.filter(["a"]).rows] == ["2024", "enero 2024", "a"]


def test_matches_over_the_same_keys_are_laid_out_as_the_keys_would_be():
    keys = ["b", "a", "c", "d", "z", "y"]
    months = ["2024-03", "2024-01", "2023-12", "2023-12", None, None]
    index = RowIndex(keys, months)
    matches = Matches(keys, [1, 3, 4])
    by_positions = index.filter(matches)
    assert by_positions.items is matches.positions  # not looked up again
    other = Matches(list(keys), [1, 3, 4])  # an equal list, not the same: looked up
    assert list(by_positions.rows) == list(index.filter(other).rows)
    assert list(by_positions.rows) == list(index.filter(["a", "d", "z"]).rows)


def test_a_search_gives_positions_in_the_keys_the_skeleton_gave(db):
    keys, _months = db.skeleton()
    found = db.search("vacuna")
    assert isinstance(found, Matches) and found.order is keys
    assert 0 < len(found) < len(keys) and list(found) == [k for k in keys if k in set(found)]
    assert found == list(found) and found != list(found)[1:]
    everything = db.search("")
    assert everything.order is keys and list(everything) == keys
    assert db.skeleton()[0] is keys  # read again, unchanged: the same list (a view's keys)


def test_the_skeleton_gives_every_key_and_month_in_timeline_order(db):
    keys, months = db.skeleton()
    rows = db.rows()
    assert keys == [o.key for o in rows]
    assert months == [f"{o.date:%Y-%m}" if o.date else None for o in rows]
