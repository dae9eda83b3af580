"""Read marks (issue 15): the store's `reads` table, its merge under git, what is pure."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from boletin_tui.jumping import Jump, parse_jump
from boletin_tui.reading import ReadState, split_read_filter
from boletin_tui.search.hits import hit_spans
from boletin_tui.store import AnnotationStore
from boletin_tui.store.merge3 import merge_databases
from boletin_tui.store.reads import READS_TABLE, read_doc_id


def test_marks_are_per_annotator_in_one_write_with_stable_ids(tmp_path):
    path = tmp_path / "db.json"
    with AnnotationStore(path, "ana") as store:
        assert store.mark_read(["45/2019", "119/2020", "045/2019"], "ana") == {
            "045/2019",
            "119/2020",
        }
        assert store.mark_read(["119/2020"], "luis") == {"119/2020"}
        stamp = path.stat().st_mtime_ns
        assert store.mark_read(["119/2020"], "ana") == set()  # nothing new: no write
        assert path.stat().st_mtime_ns == stamp
        assert store.read_keys("ana") == {"045/2019", "119/2020"}
        assert store.read_keys("luis") == {"119/2020"}
        assert store.unmark_read(["119/2020", "001/2021"], "ana") == {"119/2020"}
        assert store.all() == []  # marks are not annotations
        with pytest.raises(ValueError):
            store.mark_read(["no es clave"], "ana")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data[READS_TABLE]) == {
        str(read_doc_id("045/2019", "ana")),
        str(read_doc_id("119/2020", "luis")),
    }
    with AnnotationStore(path, "ana") as store:  # read back by a new process
        assert store.read_keys("ana") == {"045/2019"}


def test_marks_are_never_exported(tmp_path):
    path = tmp_path / "db.json"
    with AnnotationStore(path, "ana") as store:
        store.add_tags("045/2019", ["salud"])
        store.mark_read(["045/2019", "119/2020"], "ana")
    out = subprocess.run(
        [sys.executable, "-m", "boletin_tui", "export", "--format", "json", "--db", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "119/2020" not in out.stdout and "leído" not in out.stdout
    assert [r["key"] for r in json.loads(out.stdout)] == ["045/2019"]


def test_git_merge_unites_marks_and_keeps_a_removal(tmp_path):
    path = tmp_path / "db.json"
    with AnnotationStore(path, "ana") as store:
        store.mark_read(["001/2020", "002/2020"], "ana")
    base = json.loads(path.read_text(encoding="utf-8"))
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mark = {"key": "003/2020", "annotator": "ana", "read": "2026-01-01T00:00:00+00:00"}
    ours[READS_TABLE][str(read_doc_id("003/2020", "ana"))] = mark
    theirs[READS_TABLE][str(read_doc_id("003/2020", "ana"))] = dict(mark)  # same on both sides
    del theirs[READS_TABLE][str(read_doc_id("001/2020", "ana"))]  # unread on their side
    merged = merge_databases(base, ours, theirs)
    assert sorted(d["key"] for d in merged[READS_TABLE].values()) == ["002/2020", "003/2020"]


def test_read_filter_is_taken_out_of_the_query():
    assert split_read_filter("salud leído:no") == ("salud", False)
    assert split_read_filter("LEIDO:SÍ #vacunas") == ("#vacunas", True)
    assert split_read_filter("leído:") == ("", None)
    assert split_read_filter('"leído:no" faro') == ('"leído:no" faro', None)
    state = ReadState(["a"])
    assert state.filter(["a", "b", "c"], False) == ["b", "c"]
    assert state.mark(["b", "a", "b"]) == ["b"] and state.unread_count(["a", "b", "c"]) == 1


@pytest.mark.parametrize(
    ("typed", "jump"),
    [
        ("2020-04", Jump(2020, 4)),
        ("abril 2020", Jump(2020, 4)),
        ("Abril de 2020", Jump(2020, 4)),
        ("sept 2021", Jump(2021, 9)),
        ("2020", Jump(2020)),
        ("119/2020", Jump(2020, number=119)),
        ("2020-13", None),
        ("mañana", None),
    ],
)
def test_jump_targets(typed, jump):
    assert parse_jump(typed) == jump


def test_hits_follow_the_index_rules():
    text = "El IMSS-Bienestar atendió a 11,907 médicos en Médida."
    words = [text[a:b] for a, b in hit_spans(text, "bienestar 11907 medico")]
    assert words == ["IMSS-Bienestar", "11,907", "médicos"]  # the last word is a prefix
    assert hit_spans(text, "#salud año:2020") == []


def test_ui_state_is_kept_per_database_and_survives_a_damaged_file(tmp_path, monkeypatch):
    from boletin_tui import ui_state

    monkeypatch.setenv("BOLETIN_TUI_STATE_DIR", str(tmp_path / "state"))
    assert ui_state.load(tmp_path / "a.json") == {}
    assert ui_state.save(tmp_path / "a.json", timeline_width=50) is True
    assert ui_state.save(tmp_path / "b.json", timeline_width=30) is True
    assert ui_state.load(tmp_path / "a.json") == {"timeline_width": 50}
    ui_state.state_path().write_text("{roto", encoding="utf-8")
    assert ui_state.load(tmp_path / "a.json") == {}
    assert ui_state.save(tmp_path / "a.json", timeline_width=40) is True
    assert ui_state.load(tmp_path / "a.json") == {"timeline_width": 40}
    kept = ui_state.state_path().with_name("ui-state.json.damaged")
    assert kept.read_text(encoding="utf-8") == "{roto"
