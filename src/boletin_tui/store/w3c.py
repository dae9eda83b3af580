"""Annotations as W3C Web Annotation Data Model JSON-LD, and such files read back.

Export (`to_w3c`): one `AnnotationCollection` whose `first` page (`AnnotationPage`) holds every
annotation in `items`: one per annotated bulletin with tags or a note, and one per passage.

- Tags are `TextualBody`s with purpose `tagging`; a note is a `TextualBody` with purpose
  `commenting` (`format` text/plain, `language` es). `creator` is
  `{"type": "Person", "name": <annotator>}`; `created`/`modified` are the record's or the
  passage's timestamps. `motivation` is `commenting` with a note, else `tagging`, and
  `highlighting` for a passage with neither.
- Identifiers are URNs in the `boletin-tui` namespace (RFC 8141 syntax; the namespace is not
  registered with IANA, so they are meaningful to boletin-tui and stable, not resolvable):
  a bulletin is `urn:boletin-tui:bulletin:<key>` (`urn:boletin-tui:bulletin:119/2020`; a
  character outside RFC 3986's unreserved set, `/`, `:` or `@` is percent-encoded); a bulletin
  annotation `urn:boletin-tui:annotation:<key>`, a passage `urn:boletin-tui:passage:<id>`; the
  collection `urn:boletin-tui:collection:<12 hex digits of a hash of its items>`.
- The target of a bulletin annotation is the bulletin; a passage's target is a
  `SpecificResource` whose `source` is the bulletin and whose `selector` is
  `[TextQuoteSelector{exact, prefix, suffix}, TextPositionSelector{start, end}]` (code points
  into `Bulletin.text`). When the corpus is known the bulletin is an object
  `{"id": <urn>, "type": "Text", "format": "text/plain", "language": "es", "via": <file URI>}`.

Import (`from_w3c`) takes a collection, a page, one annotation, a list of them, or a
hypothes.is API answer (`rows` with `uri`, `text`, `tags`, `user`, `target`). An annotation
whose target is not a boletin-tui bulletin URN, or a passage without both a quote and
positions, is refused with `StoreError` naming it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import quote as pct_quote
from urllib.parse import unquote

from boletin_tui.corpus.keys import normalise_key
from boletin_tui.store.errors import StoreError
from boletin_tui.store.merge import UNKNOWN_ANNOTATOR
from boletin_tui.store.model import (
    Annotation,
    clean_text,
    normalise_tags,
    normalise_timestamp,
    now_iso,
)
from boletin_tui.store.passage_exchange import group_by_key, passage_from_row, record_of_passages
from boletin_tui.store.passages import Passage

CONTEXT_IRI = "http://www.w3.org/ns/anno.jsonld"
URN = "urn:boletin-tui:"
_SAFE = "/:@~-._"


def bulletin_urn(key: str) -> str:
    """`urn:boletin-tui:bulletin:<key>`, percent-encoded where RFC 8141 requires it."""
    return f"{URN}bulletin:{pct_quote(key, safe=_SAFE)}"


def key_from_iri(iri: str) -> str | None:
    """The bulletin key of a boletin-tui URN (`urn:boletin-tui:bulletin:119/2020`, or the
    shorter `urn:boletin-tui:119/2020`), else None. The URN prefix is case-insensitive."""
    if not isinstance(iri, str) or not iri.lower().startswith(URN):
        return None
    rest = unquote(iri[len(URN) :].split("#", 1)[0])
    if rest.startswith("bulletin:"):
        rest = rest[len("bulletin:") :]
    try:
        return normalise_key(rest)
    except ValueError:
        return None


def to_w3c(
    annotations: Iterable[Annotation],
    bulletins_by_key: Mapping[str, object] | None = None,
    passages_only: bool = False,
) -> dict:
    """The collection (JSON-ready) of `annotations`; `passages_only` leaves out bulletin tags
    and notes. `bulletins_by_key` (keys to `Bulletin`s) adds each bulletin's file as `via`."""
    items = []
    for a in annotations:
        b = (bulletins_by_key or {}).get(a.key)
        source: str | dict = bulletin_urn(a.key)
        sources = getattr(b, "sources", ()) if b else ()
        if sources:
            source = {
                "id": source,
                "type": "Text",
                "format": "text/plain",
                "language": "es",
                "via": Path(sources[0]).resolve().as_uri(),
            }
        if not passages_only and (a.tags or a.note):
            item = _item(f"{URN}annotation:{a.key}", a.tags, a.note, a.annotator, a)
            items.append({**item, "target": source})
        for p in a.passages:
            item = _item(f"{URN}passage:{p.id}", p.tags, p.note, p.annotator, p)
            selectors = [
                {"type": "TextQuoteSelector", "exact": p.quote, "prefix": p.prefix,
                 "suffix": p.suffix},
                {"type": "TextPositionSelector", "start": p.start, "end": p.end},
            ]  # fmt: skip
            target = {"type": "SpecificResource", "source": source, "selector": selectors}
            items.append({**item, "target": target})
    digest = hashlib.blake2b(json.dumps(items, sort_keys=True).encode(), digest_size=6)
    collection_id = f"{URN}collection:{digest.hexdigest()}"
    return {
        "@context": CONTEXT_IRI,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Anotaciones de boletin-tui",
        "total": len(items),
        "first": {
            "id": f"{collection_id}:page:1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def _item(
    iri: str, tags: tuple[str, ...], note: str, annotator: str, dated: Annotation | Passage
) -> dict:
    body = []
    if note:
        body.append(
            {"type": "TextualBody", "purpose": "commenting", "value": note,
             "format": "text/plain", "language": "es"}
        )  # fmt: skip
    body += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in tags]
    item: dict = {
        "id": iri,
        "type": "Annotation",
        "motivation": "commenting" if note else "tagging" if tags else "highlighting",
        "creator": {"type": "Person", "name": annotator},
        "created": dated.created,
        "modified": dated.updated,
    }
    if body:
        item["body"] = body
    return item


def read_w3c_text(text: str, path: Path) -> list[Annotation] | None:
    """`from_w3c` of a JSON text, or None if it is not W3C annotations (nor hypothes.is)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    return from_w3c(data, path) if is_w3c(data) else None


def is_w3c(data: object) -> bool:
    """True for W3C annotation JSON(-LD) or a hypothes.is API answer."""
    if isinstance(data, list):
        return bool(data) and all(isinstance(d, dict) and "target" in d for d in data)
    if not isinstance(data, dict):
        return False
    kinds = ("Annotation", "AnnotationCollection", "AnnotationPage")
    return "@context" in data or data.get("type") in kinds or isinstance(data.get("rows"), list)


def from_w3c(data: object, path: Path) -> list[Annotation]:
    """The records in W3C annotation data, one per bulletin (see the module docstring)."""
    out: list[Annotation] = []
    for number, item in enumerate(_items(data), start=1):
        if not isinstance(item, dict):
            raise StoreError(f"{path}, anotación {number}: no es un objeto.")
        out.append(_annotation(item, path, number))
    return group_by_key(out)


def _items(data: object) -> list:
    if isinstance(data, list):
        return data
    assert isinstance(data, dict)
    if isinstance(data.get("rows"), list):
        return data["rows"]
    if data.get("type") == "Annotation" or "target" in data:
        return [data]
    page = data.get("first", data)
    items = page.get("items", []) if isinstance(page, dict) else []
    return items if isinstance(items, list) else []


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _annotation(item: dict, path: Path, number: int) -> Annotation:
    where = f"{path}, anotación {number}"
    targets = _as_list(item.get("target")) or _as_list(item.get("uri"))
    key: str | None = None
    selectors: list = []
    for target in targets:
        source = target.get("source", target.get("id")) if isinstance(target, dict) else target
        source = source.get("id") if isinstance(source, dict) else source
        key = key_from_iri(str(source or "")) or key_from_iri(str(item.get("uri") or ""))
        if key:
            selectors = _as_list(target.get("selector")) if isinstance(target, dict) else []
            break
    if key is None:
        raise StoreError(
            f"{where}: su destino no es un boletín de boletin-tui (se espera {URN}bulletin:CLAVE)."
        )
    tags, notes = _bodies(item)
    annotator = _creator(item.get("creator", item.get("user")))
    record = {
        "tags": tags,
        "note": "\n\n".join(notes),
        "annotator": annotator,
        "created": item.get("created"),
        "updated": item.get("modified", item.get("updated")),
    }
    quote = next((s for s in selectors if _is(s, "TextQuoteSelector")), None)
    position = next((s for s in selectors if _is(s, "TextPositionSelector")), None)
    if quote is None and position is None:
        stamp = now_iso()
        created = normalise_timestamp(_text(record["created"]), stamp)
        note = clean_text("\n\n".join(notes))
        return Annotation(
            key,
            normalise_tags(tags),
            note if note.strip() else "",
            annotator,
            created,
            normalise_timestamp(_text(record["updated"]), created),
        )
    if quote is None or position is None:
        raise StoreError(f"{where}: un pasaje necesita TextQuoteSelector y TextPositionSelector.")
    iri = str(item.get("id") or "")
    row = {
        **record,
        "id": iri[len(URN + "passage:") :] if iri.startswith(URN + "passage:") else "",
        "quote": quote.get("exact"),
        "prefix": quote.get("prefix"),
        "suffix": quote.get("suffix"),
        "start": position.get("start"),
        "end": position.get("end"),
    }
    return record_of_passages(key, [passage_from_row(row, key, path, number)])


def _is(selector: object, kind: str) -> bool:
    return isinstance(selector, dict) and selector.get("type") == kind


def _bodies(item: dict) -> tuple[list[str], list[str]]:
    """(tags, note texts) from W3C bodies, `bodyValue`, or hypothes.is `tags`/`text`."""
    tags = [str(t) for t in _as_list(item.get("tags"))]
    notes = [str(item["text"])] if str(item.get("text") or "").strip() else []
    if isinstance(item.get("bodyValue"), str) and item["bodyValue"].strip():
        notes.append(item["bodyValue"])
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue  # a body by reference (an IRI) carries no text to keep
        purposes = _as_list(body.get("purpose"))
        if "tagging" in purposes:
            tags.append(body["value"])
        elif body["value"].strip():
            notes.append(body["value"])
    return tags, notes


def _creator(value: object) -> str:
    """An annotator name from a W3C creator (object, IRI, list) or a hypothes.is `acct:`."""
    value = _as_list(value)[0] if _as_list(value) else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("nickname") or value.get("id") or ""
    text = str(value).strip()
    if text.startswith("acct:"):
        text = text[len("acct:") :].split("@", 1)[0]
    return text or UNKNOWN_ANNOTATOR


def _text(value: object) -> str:
    return "" if value is None else str(value)
