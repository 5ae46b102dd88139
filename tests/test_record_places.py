"""A Council record titled only by its agenda item ("The situation in the Middle East") is about the place its
catalogue record (``data_extract/<year>.json`` beside the XML) names: the Yemen sanctions renewal 2801 (2025) is
found by the Yemen filter and read as Yemen's by the answer. Real XML and catalogue lines
(tests/fixtures/akn/catalogue), real index."""

from __future__ import annotations

import json
import shutil

import pytest

from akn_support import AKN, indexed_fixture
from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.models import Filters
from briefbot.refs import doc_places
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("catalogue"), "catalogue"))


def test_the_catalogue_names_the_place_an_agenda_title_does_not(bot: Briefbot) -> None:
    store = bot.retriever.store
    docs = {d.symbol: d for d in store.documents()}
    yemen, isil = docs["S/RES/2801 (2025)"], docs["S/RES/2734 (2024)"]
    assert yemen.title is not None and yemen.title.endswith("The situation in the Middle East")
    store.fill_about(docs.values())
    assert "yemen" in doc_places(yemen)
    assert doc_places(isil) == set()  # "Islamic State in Iraq and the Levant" is not about Iraq
    assert store.resolve_filters(Filters(missions=["Yemen"])) == [yemen.doc_id]


def test_without_a_catalogue_the_record_stays_of_no_place(tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp("no_catalogue")
    shutil.copytree(AKN / "catalogue", tmp / "copy")
    shutil.rmtree(tmp / "copy" / "data_extract")
    settings = Settings(index=tmp / "index")
    assert not ingest_paths([tmp / "copy" / "xml_en"], settings).failed
    store = Briefbot(settings).retriever.store
    docs = store.documents()
    store.fill_about(docs)
    assert all(doc_places(d) == set() for d in docs)
    assert store.resolve_filters(Filters(missions=["Yemen"])) == []


def test_record_places_are_kept_for_the_next_process_until_the_catalog_changes(
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Placing every record costs ~0.6 s on the full index, which each CLI question naming a place paid: the
    first process keeps them beside the catalog, the next reads them; an ingest (a new catalog version) or other
    placing rules make it read the records again."""
    import briefbot.refs as refs
    from briefbot.layout import IndexLayout
    from briefbot.store import open_store

    tmp = tmp_path_factory.mktemp("kept")
    settings = indexed_fixture(tmp, "catalogue")
    first = open_store(settings)
    first.fill_about(first.documents())
    kept = IndexLayout.of(settings).derived("record-places")
    assert kept.is_file()

    def unread(*args: object, **kwargs: object) -> tuple[str, ...]:
        raise AssertionError("the catalogue was read again")

    monkeypatch.setattr(refs, "record_about", unread)
    second = open_store(settings)  # as a new process would
    docs = {d.symbol: d for d in second.documents()}
    second.fill_about(docs.values())
    assert "yemen" in doc_places(docs["S/RES/2801 (2025)"])

    monkeypatch.setattr(refs, "record_places_rules", lambda: "other rules")
    with pytest.raises(AssertionError, match="read again"):
        open_store(settings).fill_about(docs.values())
    monkeypatch.undo()
    # Other rules (an upgrade): the first process asking for one record's places places every one and keeps
    # them, so the next reads them. Before, only a process placing all of them kept them, and each CLI question
    # naming a place read the catalogue again until a writer ran.
    monkeypatch.setattr(refs, "record_places_rules", lambda: "other rules")
    upgraded = open_store(settings)
    one = next(d for d in upgraded.documents() if d.symbol == "S/RES/2801 (2025)")
    upgraded.fill_about([one])
    assert "yemen" in doc_places(one)
    assert json.loads(kept.read_text())["rules"] == "other rules"
    monkeypatch.setattr(refs, "record_about", unread)
    docs = {d.symbol: d for d in open_store(settings).documents()}
    open_store(settings).fill_about(docs.values())
    assert "yemen" in doc_places(docs["S/RES/2801 (2025)"])
    monkeypatch.undo()

    # A new document: the ingest places the records again and keeps them for the new catalog version, so the
    # next CLI question does not (before, each one placed them until the web app or `library` kept them).
    shutil.copy(AKN / "S_RES_2769-2500687E.xml", tmp / "corpus" / "xml_en" / "S_RES_2769-2500687E.xml")
    assert not ingest_paths([tmp / "corpus" / "xml_en"], settings).failed
    assert json.loads(kept.read_text())["version"] == open_store(settings).version()
    monkeypatch.setattr(refs, "record_about", unread)
    third = open_store(settings)
    docs = {d.symbol: d for d in third.documents()}
    third.fill_about(docs.values())
    assert "yemen" in doc_places(docs["S/RES/2801 (2025)"])
    # Places kept for an older catalog version are read again.
    older = json.loads(kept.read_text())
    kept.write_text(json.dumps({**older, "version": older["version"] - 1}))
    with pytest.raises(AssertionError, match="read again"):
        open_store(settings).fill_about(open_store(settings).documents())
