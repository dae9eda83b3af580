"""Issue 15 (reader2), the Textual-free parts: UI state, finding the database, entity entries,
citations, short links, tagging many in one write, saved searches."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from boletin_tui import ui_state
from boletin_tui.citation import citation
from boletin_tui.corpus import Bulletin
from boletin_tui.entity_entries import entries, figure_label
from boletin_tui.links import short_link
from boletin_tui.store import AnnotationStore, resolve_db_path
from boletin_tui.store.batch import tag_many
from boletin_tui.store.searches import delete_search, list_searches, save_search, search_id


def _bulletin(number: str | None, date: dt.date | None, title: str) -> Bulletin:
    key = number.zfill(8) if number else "sn-0000000000"
    return Bulletin(key, number, None, date, None, None, title, (), ("texto",), (), (), "h")


def test_ui_state_is_kept_per_database_and_survives_a_damaged_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BOLETIN_TUI_STATE_DIR", str(tmp_path / "state"))
    assert ui_state.load(tmp_path / "a.json") == {}
    assert ui_state.save(tmp_path / "a.json", bulletin="119/2020", corpus=["/x"])
    assert ui_state.save(tmp_path / "b.json", bulletin="1/2021")
    assert ui_state.save(tmp_path / "a.json", width=40)  # merged, not replaced
    assert ui_state.load(tmp_path / "a.json") == {
        "bulletin": "119/2020",
        "corpus": ["/x"],
        "width": 40,
    }
    assert ui_state.load(tmp_path / "b.json") == {"bulletin": "1/2021"}
    path = ui_state.state_path()
    assert json.loads(path.read_text(encoding="utf-8"))[os.path.abspath(tmp_path / "b.json")]
    path.write_text("{roto", encoding="utf-8")
    assert ui_state.load(tmp_path / "a.json") == {}
    assert path.with_name("ui-state.json.damaged").read_text(encoding="utf-8") == "{roto"
    assert ui_state.save(tmp_path / "a.json", bulletin="2/2020")
    assert ui_state.load(tmp_path / "a.json") == {"bulletin": "2/2020"}


def test_the_database_is_found_in_this_folder_or_a_parent(tmp_path, monkeypatch):
    monkeypatch.delenv("BOLETIN_TUI_DB", raising=False)
    deep = tmp_path / "proyecto" / "2020" / "abril"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert resolve_db_path() == deep / "annotations" / "annotations.json"  # none: here
    found = tmp_path / "proyecto" / "annotations" / "annotations.json"
    found.parent.mkdir()
    found.write_text("{}", encoding="utf-8")
    assert resolve_db_path() == found
    assert resolve_db_path("otra.json") == Path("otra.json")  # --db still wins
    monkeypatch.setenv("BOLETIN_TUI_DB", str(tmp_path / "env.json"))
    assert resolve_db_path() == tmp_path / "env.json"


def test_the_default_database_is_created_here_on_the_first_write(tmp_path, monkeypatch):
    monkeypatch.delenv("BOLETIN_TUI_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    with AnnotationStore(resolve_db_path(), "ana") as store:
        store.add_tags("1/2020", ["x"])
    assert (tmp_path / "annotations" / "annotations.json").is_file()


def _figure(value, unit=None, noun=None, qualifier=None, text="x"):
    return SimpleNamespace(
        type="FIGURE", text=text, start=0, end=1, value=value, unit=unit, noun=noun,
        qualifier=qualifier, entity=None,
    )  # fmt: skip


def test_figures_say_what_they_count():
    assert figure_label(_figure(11907, noun="residentes")) == "11,907 residentes"
    assert figure_label(_figure(522, noun="acuerdos")) == "522 acuerdos"
    assert figure_label(_figure(65, "%", "población objetivo")) == "65% de población objetivo"
    assert figure_label(_figure(7e9, "pesos", "hospitales")) == "7,000,000,000 pesos (hospitales)"
    assert figure_label(_figure(12, noun="días", qualifier="más de")) == "más de 12 días"
    assert figure_label(_figure(18, "%")) == "18%"
    assert figure_label(_figure(None, text="dos de cada tres")) == "dos de cada tres"


IMSS = "Instituto Mexicano del Seguro Social"


def test_entries_group_a_name_and_search_it_as_written():
    def m(kind, text, start, entity=None):
        return SimpleNamespace(type=kind, text=text, start=start, end=start + len(text),
                               entity=entity)  # fmt: skip

    found = entries(
        [
            m("ORG", "IMSS", 5, IMSS),
            m("PERSON", "Zoé Robledo", 20, "Zoé Robledo"),
            m("ORG", IMSS, 40, IMSS),
            m("PERSON", "Robledo", 90, "Zoé Robledo"),
        ]
    )  # fmt: skip
    (org,) = found["ORG"]
    assert (org.label, org.start, org.count) == ("Instituto Mexicano del Seguro Social", 5, 2)
    assert org.query == '"Instituto Mexicano del Seguro Social"'
    (person,) = found["PERSON"]
    assert (person.label, person.count, person.query) == ("Zoé Robledo", 2, '"Zoé Robledo"')
    assert found["PLACE"] == [] and found["FIGURE"] == []


def test_a_person_is_searched_by_given_names_and_first_surname():
    # Bulletins often drop the second surname: `f` on «Zoé Robledo Aburto» must find the
    # bulletins that say «Zoé Robledo» too (a tester saw 1 of 5 on the seeds).
    from boletin_tui.entity_entries import person_query

    assert person_query("Zoé Robledo Aburto") == '"Zoé Robledo"'
    assert person_query("Luisa María Alcalde Luján") == '"Luisa María Alcalde"'
    assert person_query("José Luis Alomía") == '"José Luis Alomía"'  # one surname: as written
    assert person_query("María de la Luz Pérez Soto") == '"María de la Luz Pérez Soto"'
    mention = SimpleNamespace(
        type="PERSON", text="Zoé Robledo Aburto", start=0, end=18, entity="Zoé Robledo Aburto"
    )
    (person,) = entries([mention])["PERSON"]
    assert person.query == '"Zoé Robledo"'


def test_citation():
    b = _bulletin("119/2020", dt.date(2020, 4, 20), "Entrega el IMSS  equipo")
    assert citation(b) == "IMSS, Boletín 119/2020, 20 de abril de 2020, «Entrega el IMSS equipo»"
    assert (
        citation(_bulletin(None, None, "Sin más"))
        == "IMSS, Boletín sin número, sin fecha, «Sin más»"
    )


def test_links_show_short():
    assert short_link("fotos", "https://drive.google.com/drive/folders/1oW7s?usp=sharing") == (
        "Fotos (drive.google.com)"
    )
    assert (
        short_link("video", "https://imssmx.sharepoint.com/:v:/s/x")
        == "Video (imssmx.sharepoint.com)"
    )
    assert short_link("enlace", "https://www.imss.gob.mx/prensa") == "Enlace (imss.gob.mx)"


def test_tagging_many_bulletins_is_one_write(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    store = AnnotationStore(path, "ana")
    store.add_tags("1/2020", ["ya", "Lote"])
    replaced: list[str] = []
    real = os.replace

    def counting_replace(source: str, target: str) -> None:
        replaced.append(str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", counting_replace)
    keys = [f"{n}/2020" for n in range(1, 301)]
    result = tag_many(store, keys, "lote")
    assert len(replaced) == 1  # one durable write for 300 bulletins
    assert result["001/2020"].tags == ("ya", "Lote")  # already there, ignoring case
    assert all(result[f"{n:03d}/2020"].tags == ("lote",) for n in range(2, 301))
    assert len(AnnotationStore(path).all()) == 300
    replaced.clear()
    result = tag_many(store, keys, "LOTE", remove=True)
    assert len(replaced) == 1
    assert result["001/2020"].tags == ("ya",) and result["002/2020"] is None
    assert [a.key for a in AnnotationStore(path).all()] == ["001/2020"]
    with pytest.raises(ValueError):
        tag_many(store, keys, "  ")


def test_saved_searches_live_in_the_database_under_ids_from_their_names(tmp_path):
    path = tmp_path / "db.json"
    with AnnotationStore(path, "ana") as store:
        save_search(store, "Robledo", "robledo")
        save_search(store, " robledo ", 'persona:"Zoé Robledo"')  # the same name: replaced
        save_search(store, "Abril", "mes:2020-04")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(data["searches"]) == sorted([str(search_id("Robledo")), str(search_id("Abril"))])
    with AnnotationStore(path, "ana") as store:
        assert [(s.name, s.query) for s in list_searches(store)] == [
            ("Abril", "mes:2020-04"),
            ("robledo", 'persona:"Zoé Robledo"'),
        ]
        assert store.all() == []  # annotations are untouched
        assert delete_search(store, "ROBLEDO") and not delete_search(store, "nada")
        assert [s.name for s in list_searches(store)] == ["Abril"]
        with pytest.raises(ValueError):
            save_search(store, "", "x")
