"""Documents read by an earlier version of the reading code (parsing, chunking) are read again by the next ingest of
their files, and the library says how many wait for it; the samples' passages are pinned to the version."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefbot import ingest
from briefbot.cli import app
from briefbot.ingest import READER_VERSION, ingest_paths
from briefbot.service import Briefbot
from briefbot.store import Store

REPO = Path(__file__).resolve().parents[1]
NOTE = "read by an earlier version of briefbot"
# The samples' pages and passages as the reading code of each version writes them (see _fingerprint). A change to
# parsing or chunking that moves them must raise ingest.READER_VERSION, so indexes built before read them again.
FINGERPRINTS = {1: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90",
                2: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90",  # 2 moved no sample passage
                3: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90",  # nor 3: no sample annex
                4: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90",
                5: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90",  # nor 5: no marker ends a line
                6: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90",  # nor 6: no sample title
                7: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90",  # nor 7
                8: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90",  # nor 8: no marker mid-line
                9: "d2fdab869ac0a7d4ddb92a14748f9dcce78021abe12f92c84819bdc885c15b90"}  # nor 9


def _fingerprint(store: Store) -> str:
    """Everything parsing and chunking decide about the samples (text-layer PDFs: no OCR, whose output depends on
    the Tesseract installed): page texts, each passage's text, pages, offsets, paragraph label, section, kind,
    and the document's symbol, type, date, title."""
    h = hashlib.sha256()
    for d in sorted(store.documents(), key=lambda d: d.doc_id):
        h.update(json.dumps([d.doc_id, d.symbol, d.doc_type, d.date, d.title, d.pages]).encode())
        for c in store.chunks_of(d.doc_id):
            h.update(json.dumps([c.ordinal, c.text, c.paragraph, c.section, c.kind,
                                 [[s.page, s.start, s.end, s.label] for s in c.spans]]).encode())
    return h.hexdigest()


def test_the_samples_passages_are_those_of_this_reader_version(sample_index: Any) -> None:
    settings, _ = sample_index
    found = _fingerprint(Store(settings))
    assert FINGERPRINTS.get(READER_VERSION) == found, (
        f"The samples' pages or passages differ from those recorded for READER_VERSION {READER_VERSION}. If parsing "
        f"or chunking changed on purpose, raise briefbot.ingest.READER_VERSION and record {{{READER_VERSION + 1}: "
        f"{found!r}}} in FINGERPRINTS; indexes built before are then read again by their next ingest.")


def _note_file(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    note = folder / "bunia.md"
    note.write_text("# Field note\n\nArmed groups tax the gold mines around Bunia at each checkpoint.\n")
    return note


def test_a_document_an_earlier_version_read_is_read_again(settings: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    note = _note_file(tmp_path)
    first = ingest_paths([note], settings())
    assert [r.status for r in first.results] == ["ingested"]
    assert Briefbot(settings()).read_by_older() == []
    assert [r.status for r in ingest_paths([note], settings()).results] == ["unchanged"]

    # The reading code moves on: the document is listed, then read again (not skipped as unchanged), once.
    monkeypatch.setattr(ingest, "READER_VERSION", READER_VERSION + 1)
    assert Briefbot(settings()).read_by_older() == ["bunia.md"]
    (again,) = ingest_paths([note], settings()).results
    assert again.status == "replaced" and again.doc_id == "bunia.md" and again.chunks > 0, again
    assert again.reason == "read again: an earlier version of briefbot read it", again
    assert Briefbot(settings()).read_by_older() == []
    assert [r.status for r in ingest_paths([note], settings()).results] == ["unchanged"]


def test_an_index_from_before_versions_lists_every_document_and_reading_it_changes_nothing(
        settings: Any, tmp_path: Path) -> None:
    note = _note_file(tmp_path)
    ingest_paths([note], settings())
    catalog = Store(settings()).layout.catalog
    with sqlite3.connect(catalog) as db:
        db.execute("DROP TABLE readers")  # as a catalog written before readers were kept
    runner = CliRunner()
    listed = runner.invoke(app, ["library", "--index", str(settings().index)])
    said = " ".join(listed.output.split())
    assert listed.exit_code == 0 and "1 document was " + NOTE in said, listed.output
    assert "(briefbot ingest FOLDER)." in said and said.rstrip().endswith("bunia.md"), listed.output  # which one
    as_json = runner.invoke(app, ["library", "--index", str(settings().index), "--json"])
    assert json.loads(as_json.output)["read_by_older"] == ["bunia.md"]
    with sqlite3.connect(catalog) as db:  # reading the library never writes the catalog
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'readers'").fetchone() is None
    shown = runner.invoke(app, ["ingest", str(note), "--index", str(settings().index)])
    assert shown.exit_code == 0 and "(read again: an earlier version of briefbot read it)" in shown.output, \
        shown.output
    listed = runner.invoke(app, ["library", "--index", str(settings().index)])
    assert NOTE not in listed.output, listed.output


def test_bulk_records_an_earlier_version_read_are_read_again(settings: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    records = folder / "records.jsonl"
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / "sc_documents_sample.jsonl", records)
    first = ingest_paths([records], settings())
    read = sorted(r.doc_id or "" for r in first.results if r.status == "ingested")
    assert read, first.results
    assert [r.status for r in ingest_paths([records], settings()).results] == ["unchanged"]
    monkeypatch.setattr(ingest, "READER_VERSION", READER_VERSION + 1)
    again = ingest_paths([records], settings())
    assert sorted(r.doc_id or "" for r in again.results if r.status == "replaced") == read, again.results
    assert Briefbot(settings()).read_by_older() == []


def test_a_record_whose_xml_source_lies_beside_its_jsonl_is_read_again(settings: Any, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A record whose XML source file lies beside the JSONL (the bulk set's xml_en/ folder) has that file's name
    and path; only the JSONL is ingested. It was neither read again (its path is not the JSONL's) nor told apart
    from a Council XML file (its symbol was skipped), so the library counted it as waiting for ever."""
    folder = tmp_path / "bulk"
    beside = folder / "xml_en" / "resolutions" / "2024"
    beside.mkdir(parents=True)
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / "S_RES_2741-2411824E.xml", beside)
    records = folder / "records.jsonl"
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / "sc_documents_sample.jsonl", records)
    first = ingest_paths([records], settings())
    read = sorted(r.doc_id or "" for r in first.results if r.status == "ingested")
    assert "S_RES_2741-2411824E.xml" in read, first.results
    monkeypatch.setattr(ingest, "READER_VERSION", READER_VERSION + 1)
    again = ingest_paths([records], settings())
    assert sorted(r.doc_id or "" for r in again.results if r.status == "replaced") == read, again.results
    assert Briefbot(settings()).read_by_older() == []


def test_a_record_read_again_never_replaces_the_council_xml_named_like_it(settings: Any, tmp_path: Path) -> None:
    """The XML of a symbol wins over its record also when the XML has no row of a file of its own (a catalog from
    before the files table) and the catalog from before versions: the record, named like the XML, is skipped."""
    xml_dir, jsonl_dir = tmp_path / "xml", tmp_path / "jsonl"
    xml_dir.mkdir()
    jsonl_dir.mkdir()
    xml = xml_dir / "S_RES_2741-2411824E.xml"
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / xml.name, xml)
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / "sc_documents_sample.jsonl", jsonl_dir / "records.jsonl")
    ingest_paths([xml_dir], settings())
    ingest_paths([jsonl_dir], settings())
    with sqlite3.connect(Store(settings()).layout.catalog) as db:
        db.execute("DROP TABLE readers")
        db.execute("DELETE FROM files")
    again = ingest_paths([jsonl_dir], settings())
    assert xml.name not in {r.doc_id for r in again.results if r.status != "unchanged"}, again.results
    assert Store(settings()).document(xml.name).sha256 == hashlib.sha256(xml.read_bytes()).hexdigest()


def test_the_mandate_index_reads_a_resolution_read_again(settings: Any, tmp_path: Path) -> None:
    """A resolution read again keeps its bytes' digest, which was all the mandate index compared: the tracker kept
    what the earlier version read (here a wrong date, as the scan's masthead date an upgrade fixes)."""
    from briefbot.mandates import open_mandates

    folder = tmp_path / "in"
    folder.mkdir()
    pdf = shutil.copy(REPO / "ingest" / "samples" / "S_RES_2780_2025.pdf", folder)
    ingest_paths([folder], settings())
    store = Store(settings())
    [doc] = store.documents()
    with sqlite3.connect(store.layout.catalog) as db:  # what an earlier version read: another date
        db.execute("UPDATE documents SET date = '1999-01-01', ingested_at = '2020-01-01T00:00:00' WHERE doc_id = ?",
                   (doc.doc_id,))
        db.execute("UPDATE readers SET version = 0")
    mandates = open_mandates(Store(settings()), cache=tmp_path / "mandates.sqlite")
    mandates.update()
    with sqlite3.connect(tmp_path / "mandates.sqlite") as db:
        assert db.execute("SELECT date FROM resolutions").fetchone() == ("1999-01-01",)
    (again,) = ingest_paths([Path(pdf)], settings()).results
    assert again.reason == "read again: an earlier version of briefbot read it", again
    assert Store(settings()).document(doc.doc_id).date == doc.date
    mandates.update()
    with sqlite3.connect(tmp_path / "mandates.sqlite") as db:
        assert db.execute("SELECT date FROM resolutions").fetchone() == (doc.date,)


def test_triage_redoes_a_card_made_from_an_earlier_versions_passages(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A triage card quotes the passages: made from an earlier version's reading, it is made again (its file read
    again by the triage's ingest), as after an edited taxonomy; before, the file was skipped as triaged."""
    from briefbot.config import Settings
    from briefbot.triage_run import run_triage

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(REPO / "ingest" / "samples" / "S_RES_2780_2025.pdf", inbox)
    settings = Settings(index=tmp_path / "idx", engine="extractive")
    assert [o.status for o in run_triage([inbox], settings, tmp_path / "out").outcomes] == ["triaged"]
    assert not run_triage([inbox], settings, tmp_path / "out").did_work
    monkeypatch.setattr(ingest, "READER_VERSION", READER_VERSION + 1)
    again = run_triage([inbox], settings, tmp_path / "out")
    assert again.did_work and [o.status for o in again.outcomes] == ["triaged"], again.outcomes
    assert Briefbot(settings).read_by_older() == []
    assert not run_triage([inbox], settings, tmp_path / "out").did_work


def test_records_read_again_do_not_bring_back_a_removed_one(settings: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged JSONL is read again only for the records an earlier version read: one taken out with
    `briefbot remove` stays out, as it does when the JSONL is unchanged and nothing is read again."""
    from briefbot.ingest import remove_documents

    folder = tmp_path / "in"
    folder.mkdir()
    records = folder / "records.jsonl"
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / "sc_documents_sample.jsonl", records)
    read = {r.doc_id for r in ingest_paths([records], settings()).results if r.status == "ingested"}
    assert "S_PRST_2024_3" in read
    assert remove_documents(["S_PRST_2024_3"], settings()) == ["S_PRST_2024_3"]
    assert [r.status for r in ingest_paths([records], settings()).results] == ["unchanged"]
    monkeypatch.setattr(ingest, "READER_VERSION", READER_VERSION + 1)
    again = ingest_paths([records], settings())
    assert {r.doc_id: r.status for r in again.results} == {d: "replaced" for d in read - {"S_PRST_2024_3"}}, \
        again.results
    assert "S_PRST_2024_3" not in Store(settings()).known()


def test_records_kept_at_a_relative_path_are_read_again(settings: Any, tmp_path: Path) -> None:
    """Records indexed before their paths were made absolute keep the relative path their ingest was given; their
    JSONL is read again for them all the same (before, only a JSONL at the records' exact path was)."""
    folder = tmp_path / "in"
    folder.mkdir()
    records = folder / "records.jsonl"
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / "sc_documents_sample.jsonl", records)
    read = sorted(r.doc_id or "" for r in ingest_paths([records], settings()).results if r.status == "ingested")
    with sqlite3.connect(Store(settings()).layout.catalog) as db:
        db.execute("DROP TABLE readers")
        db.execute("UPDATE documents SET path = '../in/records.jsonl'")
    again = ingest_paths([records], settings())
    assert sorted(r.doc_id or "" for r in again.results if r.status == "replaced") == read, again.results
    assert Briefbot(settings()).read_by_older() == []
