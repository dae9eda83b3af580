"""Three-way merge of two annotation databases that share an ancestor (git's merge driver).

Pure functions over the parsed file (`{table: {doc id: document}}`), no I/O; `mergefile` reads
and writes the files. `merge_databases(base, ours, theirs)` never fails and never drops a
change: every conflict has a rule.

- `annotations`: records are matched by bulletin `key` (their document id is kept, ours first).
  - A record added, changed or deleted on one side only takes that side. A record deleted on one
    side and changed on the other is kept as the other side changed it.
  - Changed on both sides, field by field (`merge_entry`):
    - `tags`: a set, ignoring case (`normalise_tags`): a tag added on either side is kept, a tag
      of the base removed on either side is removed; ours' order and spelling first.
    - `note`: changed on one side -> that side; changed differently on both -> both kept as the
      `[annotator] …` blocks `import` writes (`merge.merge_notes`); never conflict markers.
    - `passages`: a set matched by `id` (else by `start`, `end`, `quote`); each passage is merged
      like a record (its tags and note by the rules above); kept in text order.
    - `created`: the earliest; `updated`: the latest.
    - any other field (`annotator`, the `bulletin` snapshot, fields of a newer version): the
      side that changed it, else ours; changed on both: the snapshot and plain values ours,
      dicts field by field, lists as sets of elements (as tags).
  - A record left with no tags, a blank note and no passage is removed (as the store does).
- `_meta`: its one document merged as above; `schema` is the higher of the two sides.
- Any other table (read marks, ...): documents matched by id and merged as above; a document
  id added on both sides with different contents keeps both (theirs under a new id).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from boletin_tui.store.merge import UNKNOWN_ANNOTATOR, merge_notes
from boletin_tui.store.model import normalise_tags, parse_timestamp
from boletin_tui.store.validate import FORMAT, META_TABLE, TABLE

Doc = dict[str, Any]
Table = dict[str, Doc]
_MISSING: Any = object()


def merge_databases(base: dict, ours: dict, theirs: dict) -> dict:
    """The merged database (new dicts; the arguments are not modified). `base` may be `{}`
    (no common ancestor: then nothing counts as deleted, and both sides are united)."""
    out: dict[str, Table] = {}
    for name in sorted(set(ours) | set(theirs)):
        b, o, t = (side.get(name) or {} for side in (base, ours, theirs))
        if name == TABLE:
            out[name] = _merge_annotations(b, o, t)
        elif name == META_TABLE:  # one document, whatever the versions
            out[name] = {"1": merge_entry(b.get("1"), o.get("1"), t.get("1")) or {}}
        else:
            out[name] = _merge_documents(b, o, t)
    meta = out.setdefault(META_TABLE, {}).setdefault("1", {})
    versions = [_schema(side) for side in (ours, theirs)]
    meta["format"] = FORMAT
    meta["schema"] = max((v for v in versions if v is not None), default=meta.get("schema"))
    return out


def _schema(data: dict) -> int | None:
    doc = (data.get(META_TABLE) or {}).get("1")
    version = doc.get("schema") if isinstance(doc, dict) else None
    return version if type(version) is int else None


def merge_entry(base: Doc | None, ours: Doc | None, theirs: Doc | None) -> Doc | None:
    """One record (or passage, or document) merged; None when it is deleted.

    None stands for "absent on that side". See the module docstring for the field rules.
    """
    if ours is None and theirs is None:
        return None
    if ours is None or theirs is None:
        present = theirs if ours is None else ours
        return None if present == base else present
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    b = base or {}
    out: Doc = {}
    for name in [*ours, *(n for n in theirs if n not in ours)]:
        absent = [] if name in _LIST_FIELDS else _MISSING  # the store omits empty passages
        bv, ov, tv = (doc.get(name, absent) for doc in (b, ours, theirs))
        rule = _FIELD_RULES.get(name)
        both = ov is not _MISSING and tv is not _MISSING and ov != bv and tv != bv and ov != tv
        value = rule(bv, ov, tv, ours, theirs) if rule and both else merge_value(bv, ov, tv)
        if value is not _MISSING and not (value == [] and name == "passages"):
            out[name] = value
    return out


def merge_value(base: Any, ours: Any, theirs: Any) -> Any:
    """A field changed on one side takes that side; on both: dicts field by field, lists as
    sets of elements, anything else ours. `_MISSING` stands for an absent field."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base or ours is _MISSING:  # a field removed on one side, changed on the other
        return theirs
    if theirs is _MISSING:
        return ours
    if isinstance(ours, dict) and isinstance(theirs, dict):
        b = base if isinstance(base, dict) else {}
        out = {}
        for name in [*ours, *(n for n in theirs if n not in ours)]:
            value = merge_value(
                b.get(name, _MISSING), ours.get(name, _MISSING), theirs.get(name, _MISSING)
            )
            if value is not _MISSING:
                out[name] = value
        return out
    if isinstance(ours, list) and isinstance(theirs, list):
        return _merge_list(base if isinstance(base, list) else [], ours, theirs, repr)
    return ours


def _merge_list(base: list, ours: list, theirs: list, ident: Callable[[Any], Any]) -> list:
    """Elements of either side, less those of the base one side removed; ours' order first."""
    in_base = {ident(x) for x in base}
    in_ours, in_theirs = {ident(x) for x in ours}, {ident(x) for x in theirs}
    out, seen = [], set()
    for item in [*ours, *theirs]:
        key = ident(item)
        removed = key in in_base and not (key in in_ours and key in in_theirs)
        if key not in seen and not removed:
            seen.add(key)
            out.append(item)
    return out


def _tags(base: Any, ours: Any, theirs: Any, *_: Doc) -> list[str]:
    lists = [
        [t for t in v if isinstance(t, str)] if isinstance(v, list) else []
        for v in (base, ours, theirs)
    ]
    b, o, t = (list(normalise_tags(x)) for x in lists)
    merged = _merge_list(b, o, t, str.casefold)
    return list(normalise_tags(merged))


def _note(base: Any, ours: Any, theirs: Any, ours_doc: Doc, theirs_doc: Doc) -> str:
    o_who = str(ours_doc.get("annotator") or UNKNOWN_ANNOTATOR)
    t_who = str(theirs_doc.get("annotator") or UNKNOWN_ANNOTATOR)
    return merge_notes(str(ours), o_who, str(theirs), t_who)


def _when(pick: Callable[[list], Any]) -> Callable[..., Any]:
    def rule(base: Any, ours: Any, theirs: Any, *_: Doc) -> Any:
        try:
            return pick(sorted([ours, theirs], key=lambda s: parse_timestamp(str(s))))
        except ValueError:
            return ours

    return rule


def _passages(base: Any, ours: Any, theirs: Any, *_: Doc) -> list[Doc]:
    sides = [
        [p for p in v if isinstance(p, dict)] if isinstance(v, list) else []
        for v in (base, ours, theirs)
    ]
    b, o, t = ({_pid(p): p for p in side} for side in sides)
    # The same passage made on both sides under different ids (same anchor) is one passage.
    new_in_ours = {_anchor(p): pid for pid, p in o.items() if pid not in b}
    for pid, p in list(t.items()):
        twin = new_in_ours.get(_anchor(p))
        if pid not in b and pid not in o and twin is not None and twin not in t:
            t[twin] = t.pop(pid)
    out = []
    for pid in [*o, *(p for p in t if p not in o)]:
        merged = merge_entry(b.get(pid), o.get(pid), t.get(pid))
        if merged is not None:
            out.append(merged)
    if all(isinstance(p.get("start"), int) and isinstance(p.get("end"), int) for p in out):
        out.sort(key=lambda p: (p["start"], p["end"], str(p.get("id", ""))))
    return out


def _pid(passage: Doc) -> Any:
    pid = passage.get("id")
    return pid if isinstance(pid, str) and pid else _anchor(passage)


def _anchor(passage: Doc) -> tuple:
    return ("anchor", passage.get("start"), passage.get("end"), passage.get("quote"))


_LIST_FIELDS = frozenset(("tags", "passages"))
_FIELD_RULES: dict[str, Callable[..., Any]] = {
    "tags": _tags,
    "note": _note,
    "passages": _passages,
    "created": _when(lambda ordered: ordered[0]),
    "updated": _when(lambda ordered: ordered[-1]),
    "bulletin": lambda base, ours, theirs, *_: ours,  # one snapshot, never a mix of two
}


def is_empty_record(record: Doc) -> bool:
    """No tags, a blank note and no passages: the store does not keep such a record."""
    note = record.get("note")
    return (
        not record.get("tags")
        and not (isinstance(note, str) and note.strip())
        and not record.get("passages")
    )


def _merge_annotations(base: Table, ours: Table, theirs: Table) -> Table:
    b, o, t = (_by_key(table) for table in (base, ours, theirs))
    ids: dict[str, str] = {}
    for side in (o, t, b):
        for key, (doc_id, _) in side.items():
            ids.setdefault(key, doc_id)
    out: Table = {}
    order = sorted(ids, key=lambda k: (k not in o, int(ids[k]) if ids[k].isdigit() else 0))
    for key in order:
        merged = merge_entry(*(side[key][1] if key in side else None for side in (b, o, t)))
        if merged is None or is_empty_record(merged):
            continue
        doc_id = ids[key]
        while doc_id in out:  # two bulletins whose preferred id collided on two machines
            doc_id = str(int(doc_id) + 1)
        out[doc_id] = merged
    return dict(sorted(out.items(), key=lambda item: int(item[0])))


def _by_key(table: Table) -> dict[str, tuple[str, Doc]]:
    return {
        doc["key"]: (doc_id, doc)
        for doc_id, doc in table.items()
        if isinstance(doc, dict) and isinstance(doc.get("key"), str)
    }


def _merge_documents(base: Table, ours: Table, theirs: Table) -> Table:
    out: Table = {}
    clashes: list[Doc] = []
    for doc_id in sorted(set(ours) | set(theirs), key=lambda i: (len(i), i)):
        b, o, t = base.get(doc_id), ours.get(doc_id), theirs.get(doc_id)
        if b is None and o is not None and t is not None and o != t:
            out[doc_id] = o
            clashes.append(t)
            continue
        merged = merge_entry(b, o, t)
        if merged is not None:
            out[doc_id] = merged
    for doc in clashes:
        if doc not in out.values():
            out[str(max((int(i) for i in out if i.isdigit()), default=0) + 1)] = doc
    return out
