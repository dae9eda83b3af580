"""Loading files and folders: encodings, duplicates, conflicts, order, skips and the cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boletin_tui.corpus import Bulletin, Skipped, load_corpus, parse_file, sample_corpus_path

TEXT = (
    "Ciudad de México, 14 de febrero de 2023.\nNo. {number}\n\n{title}\n\n"
    "· Se fortalece la atención en las unidades médicas de la región.\n"
    "El director regional, Mateo Ibarra Quiroga, señaló que la campaña llegó a más de "
    "1,250 familias y que se mantendrá durante el año con el apoyo del personal de salud.\n"
    "Añadió que la coordinación con las autoridades estatales ha sido permanente.\n"
)


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline=newline) as fh:
        fh.write(text)
    return path


def test_encodings_and_line_ends_give_the_same_bulletin(tmp_path):
    text = TEXT.format(number="077/2023", title="Niños y niñas reciben atención “integral”")
    variants = {
        "utf8.txt": ("utf-8", "\n"),
        "bom.txt": ("utf-8-sig", "\n"),
        "cp1252.txt": ("cp1252", "\n"),
        "crlf.txt": ("utf-8", "\r\n"),
    }
    results = [parse_file(write(tmp_path / n, text, e, nl)) for n, (e, nl) in variants.items()]
    assert all(isinstance(r, Bulletin) for r in results)
    assert {r.title for r in results} == {"Niños y niñas reciben atención “integral”"}
    assert len({r.content_hash for r in results}) == 1


def test_duplicate_files_merge_and_number_conflicts_keep_both(tmp_path):
    same = TEXT.format(number="010/2022", title="Boletín repetido en dos carpetas")
    write(tmp_path / "a" / "uno.txt", same)
    write(tmp_path / "b" / "copia.txt", same, encoding="cp1252", newline="\r\n")
    write(
        tmp_path / "c.txt", TEXT.format(number="010/2022", title="Otro boletín con el mismo número")
    )
    write(tmp_path / "d.txt", TEXT.format(number="010/2021", title="El mismo número, otro año"))
    corpus = load_corpus([tmp_path], use_cache=False)
    keys = sorted(b.key for b in corpus.bulletins)
    assert len(keys) == 3 == len(set(keys))
    assert "010/2021" in keys and "010/2022" in keys
    assert any(k.startswith("010/2022~") for k in keys)
    [merged] = [b for b in corpus.bulletins if len(b.sources) == 2]
    assert corpus.duplicates == [(merged.key, merged.sources)]
    [conflict] = corpus.conflicts
    assert conflict.number_key == "010/2022" and len(conflict.keys) == 2
    assert not corpus.clean


def test_bad_files_are_skipped_with_reasons(tmp_path):
    write(tmp_path / "ok.txt", TEXT.format(number="001/2024", title="Un boletín válido de prueba"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin.txt").write_bytes("Título\n".encode() + b"\x81\x8d\x8f\x90\x9d" * 20)
    (tmp_path / "fake.docx").write_bytes(b"not a zip")
    (tmp_path / "notes.json").write_text("{}")  # not a bulletin extension: ignored in folders
    (tmp_path / ".hidden.txt").write_text("oculto")
    corpus = load_corpus([tmp_path], use_cache=False)
    assert [b.title for b in corpus.bulletins] == ["Un boletín válido de prueba"]
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin.txt", "fake.docx"}
    assert "vacío" in reasons["empty.txt"] and "binario" in reasons["binary.txt"]
    assert all(reasons.values())


def test_order_newest_first_then_undated(tmp_path):
    write(tmp_path / "old.txt", TEXT.format(number="005/2020", title="El más antiguo de todos"))
    write(
        tmp_path / "new.txt",
        TEXT.replace("14 de febrero de 2023", "1 de marzo de 2024").format(
            number="050/2024", title="El más reciente de todos"
        ),
    )
    write(
        tmp_path / "none.txt", "Sin encabezado alguno en este boletín\n" + TEXT.split("\n\n", 2)[2]
    )
    titles = [b.title for b in load_corpus([tmp_path], use_cache=False).bulletins]
    assert titles == [
        "El más reciente de todos",
        "El más antiguo de todos",
        "Sin encabezado alguno en este boletín",
    ]


def test_docx_is_read_when_python_docx_is_installed(tmp_path):
    docx = __import__("pytest").importorskip("docx")
    document = docx.Document()
    for line in TEXT.format(number="200/2023", title="Boletín desde Word").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "word.docx")
    result = parse_file(tmp_path / "word.docx")
    assert isinstance(result, Bulletin) and result.key == "200/2023"
    assert result.highlights == ("Se fortalece la atención en las unidades médicas de la región.",)


def test_warm_cache_sees_a_changed_file(tmp_path):
    cache = tmp_path / "cache"
    path = write(
        tmp_path / "b" / "x.txt", TEXT.format(number="009/2023", title="Versión uno del boletín")
    )
    assert (
        load_corpus([tmp_path / "b"], cache_dir=cache).bulletins[0].title
        == "Versión uno del boletín"
    )
    assert any(cache.iterdir())
    write(path, TEXT.format(number="009/2023", title="Versión dos, más larga, del boletín"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert load_corpus([tmp_path / "b"], cache_dir=cache).bulletins[0].title == (
        "Versión dos, más larga, del boletín"
    )


def test_unreadable_cache_is_rebuilt_silently(tmp_path):
    cache = tmp_path / "cache"
    write(tmp_path / "b" / "x.txt", TEXT.format(number="009/2023", title="Un boletín en caché"))
    load_corpus([tmp_path / "b"], cache_dir=cache)
    for f in cache.iterdir():
        f.write_bytes(b"garbage")
    assert (
        load_corpus([tmp_path / "b"], cache_dir=cache).bulletins[0].title == "Un boletín en caché"
    )


def test_a_damaged_cache_database_is_moved_aside_and_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    write(tmp_path / "b" / "x.txt", TEXT.format(number="009/2023", title="Un boletín en caché"))
    load_corpus([tmp_path / "b"], cache_dir=cache)
    (database,) = cache.glob("corpus-v*.sqlite3")
    for extra in cache.glob("corpus-v*.sqlite3-*"):
        extra.unlink()
    database.write_bytes(b"not a database at all" * 100)
    corpus = load_corpus([tmp_path / "b"], cache_dir=cache)
    assert corpus.bulletins[0].title == "Un boletín en caché"
    aside = [f for f in cache.iterdir() if ".dañada-" in f.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"not a database")


def test_a_foreign_database_in_the_cache_is_kept_aside(tmp_path):
    import sqlite3

    from boletin_tui.corpusdb import db_path

    cache = tmp_path / "cache"
    cache.mkdir()
    write(tmp_path / "b" / "x.txt", TEXT.format(number="009/2023", title="Un boletín en caché"))
    target = db_path([tmp_path / "b"], cache)
    with sqlite3.connect(target) as other:
        other.execute("CREATE TABLE ajena(x)")
    assert load_corpus([tmp_path / "b"], cache_dir=cache).bulletins[0].key == "009/2023"
    assert [f for f in cache.iterdir() if ".ajena-" in f.name]


def test_sample_corpus_loads_clean():
    corpus = load_corpus([sample_corpus_path()], use_cache=False)
    assert len(corpus.bulletins) >= 12
    assert corpus.clean, (corpus.skipped, corpus.conflicts, corpus.duplicates)
    assert any(b.date is None for b in corpus.bulletins)
    years = {b.date.year for b in corpus.bulletins if b.date}
    assert len(years) >= 4


def check_expected(folder: Path, expected_file: Path) -> int:
    """Every file named in an expected.json reads as it says; returns how many were checked."""
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    checked = 0
    for name, exp in expected.items():
        if name.startswith("_"):
            continue
        b = parse_file(folder / name)
        assert isinstance(b, Bulletin), name
        assert b.number == exp["number"] and b.kind == exp["kind"], name
        assert (b.date.isoformat() if b.date else None) == exp["date"], name
        assert (b.city, b.title) == (exp["city"], exp["title"]), name
        assert len(b.highlights) == exp["highlights"], name
        for start, highlight in zip(exp["highlight_starts"], b.highlights, strict=True):
            assert highlight.startswith(start), name
        assert [{"label": x.label, "url": x.url} for x in b.links] == exp["links"], name
        for dropped in exp["footer_dropped"] + exp.get("artefacts_dropped", []):
            assert dropped not in b.text, (name, dropped)
        checked += 1
    return checked


def test_seeds_match_expected(seeds):
    assert check_expected(seeds, seeds / "expected.json") == 5


def test_sample_corpus_matches_its_expected_values():
    expected = Path(__file__).resolve().parents[1] / "data" / "sample_expected.json"
    assert check_expected(sample_corpus_path(), expected) >= 12


def test_seed_folder_skips_its_documentation(seeds):
    corpus = load_corpus([seeds], use_cache=False)
    assert len(corpus.bulletins) == 5
    assert {Path(s.path).suffix for s in corpus.skipped} <= {".md"}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=3000).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    "BOLETÍN DE PRENSA",
                    "No. 12/2021.",
                    "Ciudad de México, 3 de enero de 2021",
                    "",
                    "· viñeta",
                    "- **negritas**",
                    "---o0o---",
                    "LINK FOTOS",
                    "https://example.org/x",
                    "El Instituto informó que la atención de los derechohabientes se mantiene.",
                    "PIE DE PÁGINA",
                    "\x00",
                    "31 de febrero de 2020",
                    "\r\n",
                ]
            ),
            max_size=40,
        ).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")),
    )
)
def test_any_bytes_give_a_bulletin_or_a_reported_skip(tmp_path, data):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    result = parse_file(path)
    assert isinstance(result, (Bulletin, Skipped))
    if isinstance(result, Skipped):
        assert result.reason
    else:
        assert result.title and result.paragraphs


def test_parallel_parsing_gives_what_serial_parsing_gives(tmp_path, monkeypatch):
    from boletin_tui.corpus import parallel

    for i in range(12):
        write(
            tmp_path / f"b{i:02d}.txt",
            TEXT.format(number=f"{i + 1:03d}/2023", title=f"Boletín {i}"),
        )
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    serial = load_corpus([tmp_path], use_cache=False)
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(parallel, "CHUNK", 5)
    seen = []
    result = load_corpus(
        [tmp_path], cache_dir=tmp_path / "cache", progress=lambda d, t: seen.append((d, t))
    )
    assert result.bulletins == serial.bulletins
    assert result.skipped == serial.skipped
    assert seen[-1] == (13, 13)


def test_a_pool_that_cannot_start_falls_back_to_parsing_here(tmp_path, monkeypatch):
    from boletin_tui.corpus import parallel

    class NoPool:
        def __init__(self, *args, **kwargs):
            raise ValueError("bad value(s) in fds_to_keep")  # what a swapped stderr gives

    for i in range(6):
        write(tmp_path / f"b{i}.txt", TEXT.format(number=f"{i + 1:03d}/2023", title=f"Boletín {i}"))
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoPool)
    assert len(load_corpus([tmp_path], use_cache=False).bulletins) == 6
