"""The catalog's search for resolution passages holding some words (Store.later_resolutions_naming, run by every
question about renewals, origins and endings) goes through a trigram index of the resolutions' passages, and
finds exactly what a scan of their text finds, through ingests, removals and a write by code that does not keep
the index. Real Council XML (tests/fixtures/akn/liberia_panel), real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from akn_support import indexed_fixture
from briefbot.config import Settings
from briefbot.ingest import ingest_paths, remove_documents
from briefbot.store import Store

NEEDLES: list[str | tuple[str, ...]] = ["1903", "Liberia", "Panel of Experts", "resolution 1521", "UNMIL",
                                        ("to lift", "shall terminate", "to end "), ("imposed by", "all States"),
                                        "diamonds", "no such words anywhere"]


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return indexed_fixture(tmp_path, "liberia_panel")


def _found(store: Store) -> list[list[tuple[str, int]]]:
    return [[(c.doc_id, c.ordinal) for c in store.later_resolutions_naming(n, after, limit, oldest)]
            for n in NEEDLES for after, limit, oldest in (("", 150, False), ("2010-01-01", 2, False), ("", 50, True))]


def _by_scan(store: Store) -> list[list[tuple[str, int]]]:
    """What a scan of the passages finds: the index set aside as a write by older code would leave it."""
    db = store._db()
    kept = db.execute("SELECT value FROM meta WHERE key = 'resolution_text'").fetchone()[0]
    db.execute("UPDATE meta SET value = 'stale' WHERE key = 'resolution_text'")
    try:
        return _found(store)
    finally:
        db.execute("UPDATE meta SET value = ? WHERE key = 'resolution_text'", (kept,))


def _plans(store: Store) -> list[str]:
    """The query plans of the statements a search runs."""
    statements: list[str] = []
    db = store._db()
    db.set_trace_callback(statements.append)
    try:
        store.later_resolutions_naming("Panel of Experts", "")
    finally:
        db.set_trace_callback(None)
    return [" | ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + s)) for s in statements
            if s.lstrip().upper().startswith("SELECT C.")]


def _consistent(store: Store) -> None:
    # Against the content table too (rank 1): every passage of these all-resolution indexes is indexed, each with
    # the text it holds, so a row forgotten with the wrong text or not at all fails here.
    store._db().execute("INSERT INTO resolution_text(resolution_text, rank) VALUES ('integrity-check', 1)")


def test_an_ingest_keeps_the_index_and_it_finds_what_a_scan_finds(settings: Settings) -> None:
    store = Store(settings, create=False)
    assert store._resolution_text_current()
    found = _found(store)
    assert found == _by_scan(store)
    assert any(found) and not found[-1]  # the fixture holds the words, and not the missing ones
    _consistent(store)


def test_the_search_reads_the_index_not_every_passage(settings: Settings) -> None:
    plans = _plans(Store(settings, create=False))
    assert plans and all("resolution_text VIRTUAL TABLE" in p for p in plans), plans
    assert not any("SCAN c " in p + " " or "SCAN d " in p + " " for p in plans), plans


def test_removal_and_ingest_again_keep_it_exact(settings: Settings) -> None:
    store = Store(settings, create=False)
    before = _found(store)
    assert remove_documents(["S/RES/1961 (2010)"], settings, store)
    assert store._resolution_text_current()
    after_removal = _found(store)
    assert after_removal == _by_scan(store) and after_removal != before
    assert not any(d.startswith("S_RES_1961") for hits in after_removal for d, _ in hits)
    _consistent(store)
    corpus = settings.index.parent / "corpus" / "xml_en"
    assert not ingest_paths([corpus], settings).failed
    assert _found(store) == before == _by_scan(store)
    _consistent(store)


def test_a_write_by_older_code_sets_it_aside_until_the_next_writer(settings: Settings) -> None:
    store = Store(settings, create=False)
    before = _found(store)
    db = store._db()
    # What a write by older code does: a document's passages change and the catalog version moves on, the
    # trigram index untouched.
    db.execute("UPDATE chunks SET text = text || ' Liberia' WHERE rowid = (SELECT min(rowid) FROM chunks "
               "WHERE text NOT LIKE '%Liberia%')")
    db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'")
    assert not store._resolution_text_current()
    changed = _found(store)
    assert changed != before  # read by scan: the new words are found
    with store.writing():
        pass
    assert store._resolution_text_current()
    assert _found(store) == changed
    _consistent(store)


def test_passages_by_key_are_looked_up_not_scanned(settings: Settings) -> None:
    """Store.chunks_at reads the ~1,600 kept origin passages of the full index per CLI question; written as
    "(doc_id, ordinal) IN (VALUES …)" SQLite scanned every passage once per 450 keys (~160 ms)."""
    store = Store(settings, create=False)
    keys = [(c.doc_id, c.ordinal) for c in store.later_resolutions_naming("Liberia", "")][:5]
    statements: list[str] = []
    db = store._db()
    db.set_trace_callback(statements.append)
    try:
        found = store.chunks_at([*keys, ("no such document", 0)])
    finally:
        db.set_trace_callback(None)
    assert sorted(found) == sorted(keys)
    plans = [" | ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + s)) for s in statements
             if s.lstrip().upper().startswith("SELECT")]
    assert plans and all("USING INDEX sqlite_autoindex_chunks_1 (doc_id=? AND ordinal=?)" in p for p in plans), plans
    assert not any("SCAN chunks" in p or "SCAN c " in p + " " for p in plans), plans
