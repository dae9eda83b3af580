"""The three-way merge of database files, rule by rule (`store.merge3`)."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from boletin_tui.store.merge3 import merge_databases, merge_entry
from boletin_tui.store.validate import schema_problem

META = {"1": {"format": "boletin-tui-annotations", "schema": 1}}


def rec(key: str, tags=(), note="", who="ana", when="2026-01-01T00:00:00+00:00", **extra) -> dict:
    return {
        "key": key,
        "tags": list(tags),
        "note": note,
        "annotator": who,
        "created": "2026-01-01T00:00:00+00:00",
        "updated": when,
        **extra,
    }


def db(*records: dict, **tables: dict) -> dict:
    ids = {f"2020{int(r['key'].split('/')[0]):05d}": r for r in records}
    return {"_meta": copy.deepcopy(META), "annotations": ids, **tables}


def by_key(data: dict) -> dict:
    return {r["key"]: r for r in data["annotations"].values()}


def test_tags_three_way_ignoring_case():
    base = db(rec("001/2020", ["salud", "vacunas", "niñez"]))
    ours = db(rec("001/2020", ["salud", "niñez", "nuevo"], who="ana"))  # -vacunas +nuevo
    theirs = db(rec("001/2020", ["SALUD", "vacunas", "Otro"], who="luis"))  # -niñez +Otro
    out = merge_databases(base, ours, theirs)
    assert by_key(out)["001/2020"]["tags"] == ["salud", "nuevo", "Otro"]
    assert schema_problem(out) is None


def test_notes_one_side_or_both_blocks():
    base = db(rec("001/2020", ["a"], "base"), rec("002/2020", ["a"], "base"))
    ours = db(rec("001/2020", ["a"], "ana dice", who="ana"), rec("002/2020", ["a"], "base"))
    theirs = db(
        rec("001/2020", ["a"], "luis dice", who="luis"),
        rec("002/2020", ["a"], "sólo luis", who="luis"),
    )
    out = by_key(merge_databases(base, ours, theirs))
    assert out["001/2020"]["note"] == "[ana] ana dice\n\n[luis] luis dice"
    assert out["002/2020"]["note"] == "sólo luis"
    assert "<<<<<<<" not in out["001/2020"]["note"]


def test_deleted_on_one_side_changed_on_the_other_is_kept():
    base = db(rec("001/2020", ["a"]), rec("002/2020", ["b"]))
    ours = db(rec("002/2020", ["b"]))  # deleted 001
    theirs = db(rec("001/2020", ["a", "c"], who="luis"))  # changed 001, deleted 002
    out = by_key(merge_databases(base, ours, theirs))
    assert out == {"001/2020": rec("001/2020", ["a", "c"], who="luis")}


def test_record_emptied_by_the_merge_is_removed():
    base = db(rec("001/2020", ["a", "b"]))
    ours = db(rec("001/2020", ["b"], when="2026-01-02T00:00:00+00:00"))
    theirs = db(rec("001/2020", ["a"], when="2026-01-03T00:00:00+00:00"))
    assert merge_databases(base, ours, theirs)["annotations"] == {}


def test_added_on_both_sides_without_ancestor():
    ours = db(rec("001/2020", ["a"], "x", who="ana"))
    theirs = db(rec("001/2020", ["b"], "y", who="luis", when="2026-02-01T00:00:00+00:00"))
    out = by_key(merge_databases({}, ours, theirs))["001/2020"]
    assert out["tags"] == ["a", "b"]
    assert out["note"] == "[ana] x\n\n[luis] y"
    assert out["updated"] == "2026-02-01T00:00:00+00:00"  # the latest


def test_unknown_fields_side_that_changed_else_ours():
    snap = {"title": "Uno", "hash": "h1"}
    base = rec("001/2020", ["a"], bulletin=snap)
    ours = rec("001/2020", ["a", "b"], bulletin=snap)
    theirs = rec("001/2020", ["a", "c"], bulletin={"title": "Uno", "hash": "h2"})
    assert merge_entry(base, ours, theirs)["bulletin"] == {"title": "Uno", "hash": "h2"}
    ours["bulletin"] = {"title": "Dos", "hash": "h1"}
    assert merge_entry(base, ours, theirs)["bulletin"] == {"title": "Dos", "hash": "h1"}
    theirs["bulletin"] = snap
    ours["future"] = [1, 2]
    theirs["future"] = [3]
    assert merge_entry(base, ours, theirs)["future"] == [1, 2, 3]


def passage(pid: str, start: int, tags=(), note="", who="ana") -> dict:
    return {
        "id": pid,
        "quote": f"q{start}",
        "prefix": "",
        "suffix": "",
        "start": start,
        "end": start + 2,
        "tags": list(tags),
        "note": note,
        "annotator": who,
        "created": "2026-01-01T00:00:00+00:00",
        "updated": "2026-01-01T00:00:00+00:00",
    }


def test_passages_as_a_set_with_their_own_tags_and_notes():
    p1, p2 = passage("p1", 10, ["x"]), passage("p2", 20, ["y"])
    base = rec("001/2020", ["a"], passages=[p1, p2])
    ours = rec("001/2020", ["a"], passages=[passage("p1", 10, ["x", "o"], "nota ana"), p2])
    theirs = rec(
        "001/2020",
        ["a", "t"],
        who="luis",
        passages=[passage("p0", 5), passage("p1", 10, ["t"], "nota luis", who="luis")],
    )  # theirs: + p0, p1 lost x got t, p2 deleted
    out = merge_entry(base, ours, theirs)
    assert [p["id"] for p in out["passages"]] == ["p0", "p1"]
    merged_p1 = out["passages"][1]
    assert merged_p1["tags"] == ["o", "t"]
    assert merged_p1["note"] == "[ana] nota ana\n\n[luis] nota luis"


def test_same_passage_made_on_both_sides_under_two_ids_is_one():
    ours = rec("001/2020", ["a"], passages=[passage("aa", 10, ["x"])])
    theirs = rec("001/2020", ["b"], passages=[passage("bb", 10, ["y"])])
    out = merge_entry(rec("001/2020", ["c"]), ours, theirs)
    assert [(p["id"], p["tags"]) for p in out["passages"]] == [("aa", ["x", "y"])]


def test_other_tables_and_meta():
    base = db(reads={"1": {"key": "001/2020", "annotator": "ana", "at": "t0"}})
    ours = db(
        reads={
            "1": {"key": "001/2020", "annotator": "ana", "at": "t0"},
            "2": {"key": "002/2020", "annotator": "ana", "at": "t1"},
        }
    )
    theirs = db(reads={"2": {"key": "003/2020", "annotator": "luis", "at": "t2"}})
    theirs["_meta"]["1"]["schema"] = 2
    out = merge_databases(base, ours, theirs)
    assert out["reads"] == {
        "2": {"key": "002/2020", "annotator": "ana", "at": "t1"},
        "3": {"key": "003/2020", "annotator": "luis", "at": "t2"},
    }  # doc 1 deleted by theirs; doc 2 added on both sides: both kept
    assert out["_meta"]["1"]["schema"] == 2


def test_merge_is_idempotent_and_does_not_touch_its_inputs():
    base = db(rec("001/2020", ["a"]))
    ours = db(rec("001/2020", ["a", "b"]), rec("002/2020", ["z"]))
    theirs = db(rec("001/2020", ["c"], "n", who="luis"))
    frozen = copy.deepcopy((base, ours, theirs))
    out = merge_databases(base, ours, theirs)
    assert (base, ours, theirs) == frozen
    assert merge_databases(base, out, out) == out
    assert merge_databases(ours, out, ours) == out


def test_meta_without_ancestor_and_different_versions():
    ours, theirs = db(), db()
    theirs["_meta"]["1"]["schema"] = 2
    assert merge_databases({}, ours, theirs)["_meta"] == {
        "1": {"format": "boletin-tui-annotations", "schema": 2}
    }


TAGS = ["a", "b", "C", "d"]
tag_sets = st.sets(st.sampled_from(TAGS))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(tag_sets, tag_sets, tag_sets), min_size=1, max_size=4))
def test_tags_follow_the_set_rule_in_both_directions(sides):
    def side(n: int, who: str) -> dict:
        return db(
            *(rec(f"{i + 1:03d}/2020", sorted(s[n]), "n", who=who) for i, s in enumerate(sides))
        )

    base, ours, theirs = side(0, "ana"), side(1, "ana"), side(2, "luis")
    forward = by_key(merge_databases(base, ours, theirs))
    backward = by_key(merge_databases(base, theirs, ours))
    for i, (b, o, t) in enumerate(sides):
        expected = {x.casefold() for x in (o | t) if x not in b or (x in o and x in t)}
        key = f"{i + 1:03d}/2020"
        assert {x.casefold() for x in forward[key]["tags"]} == expected
        assert {x.casefold() for x in backward[key]["tags"]} == expected
        assert forward[key]["note"] == "n"
