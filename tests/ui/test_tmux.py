"""The installed `boletin-tui` in a real terminal (tmux): tag, note, search, quit, database."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from boletin_tui.store.mergefile import read_database

pytestmark = pytest.mark.tmux

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
EXE = Path(sys.executable).with_name("boletin-tui")
STEP_TIMEOUT = 30.0


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def launch(tmp_path):
    """`launch(corpus)` starts the installed app on `corpus` in a new tmux session (the cache,
    the database and `config.toml`, absent unless a test writes it, in tmp_path) and returns
    the session's name."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: the real-terminal test needs it")
    if not EXE.exists():
        pytest.skip(f"the boletin-tui executable is not next to {sys.executable}")
    names = []

    def start(corpus: Path) -> str:
        name = f"boletin-{uuid.uuid4().hex[:8]}"
        # COLUMNS/LINES inherited from the test runner would override the terminal's size.
        command = (
            f"cd {tmp_path} && unset COLUMNS LINES && "
            f"BOLETIN_TUI_CACHE_DIR={tmp_path / 'cache'} BOLETIN_TUI_ANNOTATOR=tmux "
            f"BOLETIN_TUI_CONFIG={tmp_path / 'config.toml'} "
            f"BOLETIN_TUI_STATE_DIR={tmp_path / 'state'} "
            f"{EXE} {corpus} --db {tmp_path / 'db.json'}"
        )
        _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "36", command)
        # Some tmux versions size a detached session from the server's default: insist.
        subprocess.run(
            ["tmux", "resize-window", "-t", name, "-x", "120", "-y", "36"], capture_output=True
        )
        names.append(name)
        return name

    yield start
    for name in names:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


@pytest.fixture
def session(launch):
    return launch(FIXTURES)


def _wait_for(session: str, text: str, timeout: float = STEP_TIMEOUT) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


def _wait_without(session: str, text: str, timeout: float = STEP_TIMEOUT) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text not in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} stayed on screen:\n{screen}")


def _session_gone(session: str, timeout: float = STEP_TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (
            subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode
            != 0
        ):
            return True
        time.sleep(0.2)
    return False


def _add_tag(session: str, tag: str, key: str = "t") -> None:
    """`key` (tmux's name for it), the tag, `enter`, and wait until the panel lists it."""
    _tmux("send-keys", "-t", session, key)
    _wait_for(session, "etiqueta (varias")
    _tmux("send-keys", "-t", session, "-l", tag)
    _tmux("send-keys", "-t", session, "Enter")
    _wait_for(session, f"# {tag}")


def test_tag_note_search_quit_in_a_real_terminal(session, tmp_path):
    _wait_for(session, "4 boletines")
    _wait_for(session, "Inaugura el Instituto")
    _add_tag(session, "tmux-etiqueta")
    _tmux("send-keys", "-t", session, "a")
    _wait_for(session, "Guardar nota")  # the footer shows the editor's keys
    _tmux("send-keys", "-t", session, "-l", "nota desde tmux")
    _wait_for(session, "Sin guardar")
    _tmux("send-keys", "-t", session, "C-s")
    _wait_for(session, "Guardado")
    # A key sent right after Escape would read as alt+key: wait for the editor to close.
    _tmux("send-keys", "-t", session, "Escape")
    _wait_for(session, "Etiquetar")
    _tmux("send-keys", "-t", session, "/")
    _wait_for(session, "buscar…")
    _tmux("send-keys", "-t", session, "-l", "guardianes")
    _wait_for(session, "1 de 4 boletines")
    _tmux("send-keys", "-t", session, "Escape")
    _wait_without(session, "1 de 4 boletines")
    _wait_without(session, "Borrar búsqueda")
    _tmux("send-keys", "-t", session, "q")
    assert _session_gone(session), "the app did not quit on q"

    data = read_database(tmp_path / "db.json")[1]  # the file and its pending journal
    records = {r["key"]: r for r in data["annotations"].values()}
    assert records["210/2023"]["tags"] == ["tmux-etiqueta"]
    assert records["210/2023"]["note"] == "nota desde tmux"
    assert records["210/2023"]["annotator"] == "tmux"


NEW_BULLETIN = (
    "Mérida, Yucatán, 4 de julio de 2023.\nNo. 222/2023\n\n"
    "Abre el Museo de la Costa una sala dedicada a los pescadores\n\n"
    "La directora del museo, Elena Cámara Pech, explicó que la sala reúne 140 piezas "
    "donadas por familias de la región y que la entrada será gratuita durante julio.\n"
)


def test_a_warm_relaunch_shows_the_list_then_what_changed(launch, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    first = launch(corpus)  # cold: fills the corpus database
    _wait_for(first, "4 boletines")
    _add_tag(first, "visto")
    _tmux("send-keys", "-t", first, "q")
    assert _session_gone(first)
    assert list((tmp_path / "cache").glob("corpus-v*.sqlite3"))

    (corpus / "2023-07-04_222.txt").write_text(NEW_BULLETIN, encoding="utf-8")
    second = launch(corpus)  # warm: what the database holds first, then the new file
    screen = _wait_for(second, "5 boletines")
    assert "Abre el Museo de la" in screen
    assert "● 210/2023" in screen  # the tag from the first launch
    # The place is kept: the reading pane still shows 210/2023, not the newest bulletin.
    screen = _wait_for(second, "2 de junio de 2023")
    assert "4 de julio de 2023" not in screen
    _tmux("send-keys", "-t", second, "q")
    assert _session_gone(second)

    # A file removed and one changed between launches: gone and changed once checked.
    (corpus / "2023-05-18_188.txt").unlink()
    changed = corpus / "2022-11-09_530.txt"
    text = changed.read_text(encoding="utf-8")
    title = text.split("\n\n")[1].splitlines()[0]
    changed.write_text(text.replace(title, "Cambiado: " + title), encoding="utf-8")
    third = launch(corpus)
    screen = _wait_for(third, "Cambiado:")
    screen = _wait_for(third, "4 boletines")
    assert "188/2023" not in screen and "● 210/2023" in screen
    _tmux("send-keys", "-t", third, "q")
    assert _session_gone(third)


def test_a_key_remapped_in_config_toml_adds_a_tag(launch, tmp_path):
    (tmp_path / "config.toml").write_text('[keys]\nadd_tag = "ctrl+t"\n', encoding="utf-8")
    session = launch(FIXTURES)
    _wait_for(session, "4 boletines")
    # The footer shows the new key (it may be drawn a frame after the list).
    _wait_for(session, "^t Etiquetar")
    _tmux("send-keys", "-t", session, "t")  # the old key no longer adds a tag
    time.sleep(0.5)
    assert "etiqueta (varias" not in _tmux("capture-pane", "-p", "-t", session)
    _add_tag(session, "remapeada", key="C-t")
    _tmux("send-keys", "-t", session, "q")
    assert _session_gone(session)
    data = read_database(tmp_path / "db.json")[1]  # the file and its pending journal
    records = {r["key"]: r for r in data["annotations"].values()}
    assert records["210/2023"]["tags"] == ["remapeada"]


def test_a_passage_marked_by_keyboard_is_in_export_passages(session, tmp_path):
    """Passages: `p`, the entity key, `enter`, tags and note in the dialog; undo and redo;
    then the CLI exports it."""
    _wait_for(session, "Inaugura el Instituto")
    _tmux("send-keys", "-t", session, "p")
    _wait_for(session, "+frase")  # the footer shows the selection's keys
    _tmux("send-keys", "-t", session, "e")  # the place at the start of the dateline
    _tmux("send-keys", "-t", session, "e")  # then the date
    _tmux("send-keys", "-t", session, "Enter")
    _wait_for(session, "Nuevo pasaje")
    _wait_for(session, "«2 de junio de 2023»")
    _tmux("send-keys", "-t", session, "-l", "verificar")
    _tmux("send-keys", "-t", session, "Enter")
    _tmux("send-keys", "-t", session, "-l", "fecha dudosa")
    _tmux("send-keys", "-t", session, "C-s")
    _wait_for(session, "#verificar · fecha dudosa")
    _tmux("send-keys", "-t", session, "u")
    _wait_for(session, "Deshecho: pasaje")
    _wait_without(session, "#verificar · fecha dudosa")
    _tmux("send-keys", "-t", session, "C-r")
    _wait_for(session, "#verificar · fecha dudosa")
    _tmux("send-keys", "-t", session, "q")
    assert _session_gone(session), "the app did not quit on q"

    out = tmp_path / "pasajes.jsonl"
    subprocess.run(
        [str(EXE), "export", "--passages", "--format", "jsonl", "-o", str(out),
         "--db", str(tmp_path / "db.json"), "--cache-dir", str(tmp_path / "cache"), str(FIXTURES)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (row["key"], row["quote"], row["note"]) == (
        "210/2023",
        "2 de junio de 2023",
        "fecha dudosa",
    )
    assert row["tags"] == ["verificar"]
    assert (row["start"], row["end"]) == (18, 36)


def test_jump_search_hits_read_mark_and_width_in_a_real_terminal(session, tmp_path):
    """Issue 15: `:` to a month, a search, `n` past the hits, `N`, `R`, `>`, quit: the
    database holds the read marks and the state file the width."""
    _wait_for(session, "4 boletines")
    _tmux("send-keys", "-t", session, ":")
    _wait_for(session, "Ir a")
    _tmux("send-keys", "-t", session, "-l", "noviembre 2022")
    _tmux("send-keys", "-t", session, "Enter")
    _wait_for(session, "9 de noviembre de 2022")
    _tmux("send-keys", "-t", session, "/")
    _wait_for(session, "buscar…")
    _tmux("send-keys", "-t", session, "-l", "olvera")
    _wait_for(session, "2 de 4 boletines")
    _tmux("send-keys", "-t", session, "Down")  # into the results, the bulletin kept
    _wait_for(session, "Borrar búsqueda")
    _tmux("send-keys", "-t", session, "g")  # the first result: 210/2023, three hits
    _wait_for(session, "2 de junio de 2023")
    _tmux("send-keys", "-t", session, "n", "n", "n", "n")  # past its last hit: 530/2022
    _wait_for(session, "9 de noviembre de 2022")
    _tmux("send-keys", "-t", session, "N")  # back to 210/2023's last hit
    _wait_for(session, "2 de junio de 2023")
    _tmux("send-keys", "-t", session, "Escape")  # the search cleared, 210/2023 kept
    _wait_without(session, "de 4 boletines")
    _tmux("send-keys", "-t", session, "R", ">")  # every bulletin shown read; a wider list
    _wait_for(session, "todo leído")
    _tmux("send-keys", "-t", session, "q")
    assert _session_gone(session), "the app did not quit on q"
    data = read_database(tmp_path / "db.json")[1]  # the file and its pending journal
    marks = {(d["key"], d["annotator"]) for d in data["reads"].values()}
    assert {key for key, who in marks if who == "tmux"} >= {"210/2023", "188/2023", "530/2022"}
    state = json.loads((tmp_path / "state" / "ui-state.json").read_text(encoding="utf-8"))
    assert any("timeline_width" in v for v in state.values())


def test_an_80_column_terminal_hides_the_panel_until_asked(launch, tmp_path):
    """Issue 13 #23: at 80x24 the panel is not squeezed to ten columns; `t` shows it."""
    session = launch(FIXTURES)
    subprocess.run(["tmux", "resize-window", "-t", session, "-x", "80", "-y", "24"], check=True)
    # The key line says how to show the panel from the start, before the first bulletin is
    # listed (a cold launch here): wait for the bulletin, then look for the panel.
    screen = _wait_for(session, "Clave 210/2023")
    assert "A anotaciones" in screen and "sin etique" not in screen
    _add_tag(session, "estrecha")
    assert "sin etiquetas" not in _tmux("capture-pane", "-p", "-t", session)
    _tmux("send-keys", "-t", session, "q")
    assert _session_gone(session)
    data = read_database(tmp_path / "db.json")[1]  # the file and its pending journal
    records = {r["key"]: r for r in data["annotations"].values()}
    assert records["210/2023"]["tags"] == ["estrecha"]
