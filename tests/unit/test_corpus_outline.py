"""The saved outline: what a warm launch lists before the texts are read.

`load_outline` must give exactly what `load_corpus` gave (keys, order, problems) for the same
unchanged files, and nothing as soon as any file, the set of files or the paths differ.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from boletin_tui.corpus import (
    Bulletin,
    Outline,
    Skipped,
    load_corpus,
    load_outline,
    read_full,
    sample_corpus_path,
)

BODY = (
    "Ciudad de México, 3 de marzo de 2024.\nNo. {number}\n\n{title}\n\n"
    "El coordinador estatal, Ramiro Fuentes Olvera, informó que la jornada atendió a "
    "2 mil 340 personas en las unidades de la región y que continuará durante el año.\n"
    "Añadió que el personal de enfermería participó en todas las sedes de la campaña.\n"
)


@pytest.fixture
def archive(tmp_path) -> Path:
    """The sample corpus plus a duplicate, a number conflict and an unreadable file."""
    root = tmp_path / "archivo"
    shutil.copytree(sample_corpus_path(), root / "muestra")
    (root / "extra").mkdir()
    same = BODY.format(number="301/2024", title="Jornada de vacunación en la región")
    (root / "extra" / "a.txt").write_text(same, encoding="utf-8")
    (root / "extra" / "copia.txt").write_text(same, encoding="cp1252")
    (root / "extra" / "b.txt").write_text(
        BODY.format(number="301/2024", title="Otro boletín con el mismo número"), encoding="utf-8"
    )
    (root / "extra" / "roto.txt").write_bytes(b"\x00\x01\x02" * 50)
    return root


def _load(root, cache):
    return load_corpus([root], cache_dir=cache)


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_no_outline_before_a_first_load(archive, tmp_path):
    assert load_outline([archive], cache_dir=tmp_path / "cache") is None


def test_outline_matches_the_full_corpus(archive, tmp_path):
    cache = tmp_path / "cache"
    full = _load(archive, cache)
    outline = load_outline([archive], cache_dir=cache)

    assert outline is not None and not outline.complete and full.complete
    assert all(isinstance(o, Outline) for o in outline.bulletins)
    assert outline.bulletins == [b.outline() for b in full.bulletins]
    assert outline.skipped == full.skipped and outline.skipped  # the unreadable file
    assert outline.conflicts == full.conflicts and outline.conflicts
    assert outline.duplicates == full.duplicates and outline.duplicates
    assert [o.year for o in outline.bulletins] == [b.year for b in full.bulletins]
    assert not hasattr(outline.bulletins[0], "text")  # cannot be shown as a bulletin


def test_read_full_gives_the_bulletin_back_with_its_key_and_sources(archive, tmp_path):
    cache = tmp_path / "cache"
    full = _load(archive, cache).by_key()
    outline = load_outline([archive], cache_dir=cache)
    for o in outline.bulletins:
        assert read_full(o) == full[o.key]
    conflicted = [o for o in outline.bulletins if "~" in o.key]
    assert conflicted and read_full(conflicted[0]).key == conflicted[0].key


def test_read_full_reports_a_file_that_has_gone(archive, tmp_path):
    cache = tmp_path / "cache"
    _load(archive, cache)
    outline = load_outline([archive], cache_dir=cache)
    first = next(o for o in outline.bulletins if len(o.sources) == 1)
    os.unlink(first.sources[0])
    result = read_full(first)
    assert isinstance(result, Skipped) and "no se pudo leer" in result.reason


@pytest.mark.parametrize("change", ["edit", "touch", "add", "remove", "rename"])
def test_any_change_to_the_files_means_no_outline(archive, tmp_path, change):
    cache = tmp_path / "cache"
    _load(archive, cache)
    target = archive / "extra" / "b.txt"
    if change == "edit":
        target.write_text(
            BODY.format(number="302/2024", title="Título corregido"), encoding="utf-8"
        )
    elif change == "touch":
        _touch_later(target)
    elif change == "add":
        (archive / "extra" / "nuevo.txt").write_text(
            BODY.format(number="303/2024", title="Un boletín nuevo"), encoding="utf-8"
        )
    elif change == "remove":
        target.unlink()
    else:
        target.rename(archive / "extra" / "c.txt")
    assert load_outline([archive], cache_dir=cache) is None

    again = _load(archive, cache)  # the next full load saves the new outline
    outline = load_outline([archive], cache_dir=cache)
    assert outline is not None
    assert outline.bulletins == [b.outline() for b in again.bulletins]
    if change == "edit":
        assert "302/2024" in {o.key for o in outline.bulletins}


def test_other_paths_or_working_folder_do_not_share_an_outline(archive, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _load(archive, cache)
    assert load_outline([archive / "extra"], cache_dir=cache) is None
    assert load_outline([archive, archive / "extra"], cache_dir=cache) is None

    # The same relative path from another folder names other files (and other sources).
    monkeypatch.chdir(archive)
    load_corpus(["extra"], cache_dir=cache)
    assert load_outline(["extra"], cache_dir=cache) is not None
    other = tmp_path / "otra"
    shutil.copytree(archive / "muestra", other / "extra")
    monkeypatch.chdir(other)
    assert load_outline(["extra"], cache_dir=cache) is None


def test_no_cache_saves_no_outline(archive, tmp_path):
    cache = tmp_path / "cache"
    load_corpus([archive], cache_dir=cache, use_cache=False)
    assert load_outline([archive], cache_dir=cache) is None
    assert not cache.exists() or not list(cache.glob("outline-*"))


def test_full_bulletins_are_not_outlines():
    corpus = load_corpus([sample_corpus_path()], use_cache=False)
    assert all(isinstance(b, Bulletin) for b in corpus.bulletins) and corpus.complete


def test_unverified_outline_is_the_last_one_for_these_paths(archive, tmp_path):
    cache = tmp_path / "cache"
    assert load_outline([archive], cache_dir=cache, verify=False) is None
    first = _load(archive, cache)
    (archive / "extra" / "nuevo.txt").write_text(
        BODY.format(number="303/2024", title="Un boletín nuevo"), encoding="utf-8"
    )
    # Stale, but what the last load gave: the app shows it until the full load arrives.
    stale = load_outline([archive], cache_dir=cache, verify=False)
    assert stale.bulletins == [b.outline() for b in first.bulletins]
    assert load_outline([archive / "extra"], cache_dir=cache, verify=False) is None

    second = _load(archive, cache)
    fresh = load_outline([archive], cache_dir=cache, verify=False)
    assert fresh.bulletins == [b.outline() for b in second.bulletins]
    assert "303/2024" in {o.key for o in fresh.bulletins}
