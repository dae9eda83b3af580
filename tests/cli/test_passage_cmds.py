"""`passage`, `passages`, `export --passages`, `export --format w3c`, `import` and `check`
through the real entry point, on copies of the bundled sample bulletins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from boletin_tui.corpus import sample_corpus_path
from tests.cli.test_store_cmds import records, run

SAMPLE = sample_corpus_path() / "2025-01-02_001.txt"
KEY = "001/2025"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "annotations.json")


def add(db: str, corpus: Path, *args: str):
    return run("passage", "--db", db, KEY, *args, str(corpus))


def test_passage_is_added_with_tags_and_note(db: str, corpus: Path):
    done = add(db, corpus, "bebés, 214", "--tag", "verificar", "--note", "¿cifra oficial?")
    assert done.returncode == 0, done.stderr
    (p,) = records(db)[KEY]["passages"]
    assert (p["quote"], p["tags"], p["note"], p["annotator"]) == (
        "bebés, 214",
        ["verificar"],
        "¿cifra oficial?",
        "ana",
    )
    assert p["id"] in done.stdout
    entities = run("entities", "--json", str(corpus))
    text_len = max(m["end"] for m in json.loads(entities.stdout))
    assert 0 <= p["start"] < p["end"] <= text_len + 2000


def test_offsets_are_those_of_the_entities_text(db: str, corpus: Path):
    people = json.loads(run("entities", "--json", "--type", "FIGURE", str(corpus)).stdout)
    figure = people[0]
    assert add(db, corpus, figure["text"], "--occurrence", "1").returncode == 0
    (p,) = records(db)[KEY]["passages"]
    first = min((m for m in people if m["text"] == figure["text"]), key=lambda m: m["start"])
    assert (p["start"], p["end"]) == (first["start"], first["end"])


def test_missing_or_ambiguous_quote_exits_2_saying_how_often(db: str, corpus: Path):
    done = add(db, corpus, "esto no está en el boletín")
    assert done.returncode == 2 and "0 veces" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    done = add(db, corpus, "IMSS")
    assert done.returncode == 2 and "aparece" in done.stderr and "--occurrence" in done.stderr
    count = int(done.stderr.split("aparece ")[1].split()[0])
    assert count > 1
    assert add(db, corpus, "IMSS", "--occurrence", str(count + 1)).returncode == 2
    assert not Path(db).exists()
    assert add(db, corpus, "IMSS", "--occurrence", "2").returncode == 0
    assert run("passage", "--db", db, "no-es-clave!", "x", str(corpus)).returncode == 2
    assert run("passage", "--db", db, "999/1999", "x", str(corpus)).returncode == 2


def test_delete_and_list(db: str, corpus: Path):
    assert add(db, corpus, "bebés, 214", "--tag", "a").returncode == 0
    (p,) = records(db)[KEY]["passages"]
    listed = run("passages", "--db", db, KEY, str(corpus))
    assert listed.returncode == 0 and p["id"] in listed.stdout and "«bebés, 214»" in listed.stdout
    data = json.loads(run("passages", "--db", db, KEY, "--json", str(corpus)).stdout)
    assert data[0]["found"]["method"] == "exact" and data[0]["checked"] is True
    assert run("passage", "--db", db, "--delete", p["id"]).returncode == 0
    assert records(db) == {}
    done = run("passage", "--db", db, "--delete", p["id"])
    assert done.returncode == 2 and p["id"] in done.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_export_passages_round_trip(db: str, corpus: Path, tmp_path: Path, fmt: str):
    add(db, corpus, "bebés, 214", "--tag", "verificar", "--note", "línea 1\nlínea 2, «x»")
    add(db, corpus, "IMSS", "--occurrence", "1")
    out = tmp_path / f"passages.{fmt}"
    done = run("export", "--db", db, "--passages", "--format", fmt, "-o", str(out), str(corpus))
    assert done.returncode == 0, done.stderr
    if fmt == "json":
        rows = json.loads(out.read_text("utf-8"))
        assert list(rows[0])[:12] == [
            "key", "number", "date", "title", "quote", "start", "end", "tags", "note",
            "annotator", "created", "updated",
        ]  # fmt: skip
        assert rows[0]["title"] and rows[0]["date"] == "2025-01-02"
    other = str(tmp_path / "other.json")
    assert run("import", "--db", other, str(out)).returncode == 0
    assert records(other)[KEY]["passages"] == records(db)[KEY]["passages"]
    again = run("import", "--db", other, str(out))  # importing twice changes nothing
    assert "0 nuevas, 0 combinadas" in again.stdout


def test_w3c_round_trip_of_every_annotation(db: str, corpus: Path, tmp_path: Path):
    add(db, corpus, "bebés, 214", "--tag", "verificar", "--note", "¿cifra?")
    run("tag", "--db", db, KEY, "salud", "niñez")
    run("note", "--db", db, KEY, "Nota del boletín\ncon dos líneas")
    run("tag", "--db", db, "119/2020", "sin-texto")
    out = tmp_path / "w3c.jsonld"
    assert run("export", "--db", db, "--format", "w3c", "-o", str(out), str(corpus)).returncode == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    items = data["first"]["items"]
    passage = next(i for i in items if isinstance(i["target"], dict) and "selector" in i["target"])
    assert "urn:boletin-tui:bulletin:119/2020" in [i["target"] for i in items]
    quote, position = passage["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "bebés, 214"
    assert position["type"] == "TextPositionSelector"
    assert passage["target"]["source"]["id"] == "urn:boletin-tui:bulletin:001/2025"
    assert passage["target"]["source"]["via"].startswith("file://")
    bodies = {(b["purpose"], b["value"]) for i in items for b in i.get("body", [])}
    assert ("tagging", "salud") in bodies and ("commenting", "¿cifra?") in bodies
    other = str(tmp_path / "other.json")
    assert run("import", "--db", other, str(out)).returncode == 0, "import"
    assert records(other) == records(db)


HYPOTHESIS = {
    "total": 1,
    "rows": [
        {
            "id": "Xyz123",
            "created": "2026-03-01T10:00:00.000000+00:00",
            "updated": "2026-03-02T11:00:00.000000+00:00",
            "user": "acct:marta@hypothes.is",
            "uri": "urn:boletin-tui:bulletin:001/2025",
            "text": "Comprobar con la Secretaría.",
            "tags": ["verificar", "natalidad"],
            "target": [
                {
                    "source": "urn:boletin-tui:bulletin:001/2025",
                    "selector": [
                        {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0},
                        {"type": "TextPositionSelector", "start": 444, "end": 454},
                        {
                            "type": "TextQuoteSelector",
                            "exact": "bebés, 214",
                            "prefix": "nacieron 412 ",
                            "suffix": " niñas",
                        },
                    ],
                }
            ],
        }
    ],
}


def test_hypothesis_style_file_is_imported(db: str, corpus: Path, tmp_path: Path):
    source = tmp_path / "hypothesis.json"
    source.write_text(json.dumps(HYPOTHESIS, ensure_ascii=False), "utf-8")
    done = run("import", "--db", db, str(source))
    assert done.returncode == 0, done.stderr
    (p,) = records(db)[KEY]["passages"]
    assert (p["quote"], p["start"], p["end"]) == ("bebés, 214", 444, 454)
    assert p["tags"] == ["verificar", "natalidad"] and p["annotator"] == "marta"
    assert p["note"] == "Comprobar con la Secretaría."
    listed = run("passages", "--db", db, KEY, "--json", str(corpus))
    assert json.loads(listed.stdout)[0]["found"] is not None


def test_w3c_with_a_foreign_target_is_refused_naming_it(db: str, tmp_path: Path):
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "x"},
        "target": "https://example.org/page",
    }
    source = tmp_path / "foreign.jsonld"
    source.write_text(json.dumps(data), "utf-8")
    done = run("import", "--db", db, str(source))
    assert done.returncode == 1 and "anotación 1" in done.stderr and not Path(db).exists()


def test_check_reports_orphaned_passages_and_keeps_them(db: str, corpus: Path):
    assert add(db, corpus, "bebés, 214").returncode == 0
    assert run("check", "--db", db, str(corpus)).returncode == 0
    path = corpus / SAMPLE.name
    path.write_text(path.read_text("utf-8").replace("bebés, 214 niñas", "recién nacidos"), "utf-8")
    done = run("check", "--db", db, str(corpus))
    assert done.returncode == 1 and "huérfano" in done.stdout and "bebés, 214" in done.stdout
    assert len(records(db)[KEY]["passages"]) == 1
    listed = run("passages", "--db", db, KEY, str(corpus))
    assert "huérfano" in listed.stdout
