"""Launch errors reported before the screen opens: a corrupt database, a missing path."""

from __future__ import annotations

import sys

from boletin_tui.cli import main


def test_corrupt_database_exits_1_with_a_message_and_keeps_the_file(corpus_dir, tmp_path, capsys):
    db = tmp_path / "db.json"
    db.write_bytes(b"{esto no es json")
    assert main([str(corpus_dir), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert str(db) in err and "dañada" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert db.read_bytes() == b"{esto no es json"


def test_missing_path_exits_2_with_one_line(tmp_path, capsys):
    assert main([str(tmp_path / "no-existe"), "--db", str(tmp_path / "db.json")]) == 2
    err = capsys.readouterr().err
    assert "no existe la ruta" in err and len(err.strip().splitlines()) == 1


def test_textual_is_not_loaded_by_other_commands(corpus_dir):
    import subprocess

    code = (
        "import sys; from boletin_tui.cli import main; "
        f"main(['list', {str(corpus_dir)!r}]); "
        "sys.exit(1 if any(m.startswith('textual') for m in sys.modules) else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert done.returncode == 0, done.stderr
