"""The vector file beside the catalog (store.py): named documents and a year's decisions are scored from it, so
it must hold exactly what Chroma holds, through ingest, removal, and an index written before it existed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from briefbot.embed import embedder_for
from briefbot.ingest import ingest_paths, remove_documents
from briefbot.store import Store
from conftest import FIXTURES, sample_indexes

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = [json.loads(line)["question"] for line in (REPO / "evals" / "gold.jsonl").read_text().splitlines()
             if line.strip()][:12]


def _from_chroma(store: Store, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The same store reading vectors from Chroma only (the path of an index without a vector file)."""
    monkeypatch.setattr(store, "_vector_file_complete", lambda: False)
    return store


def _assert_same_as_chroma(settings: Any, monkeypatch: pytest.MonkeyPatch) -> int:
    store = Store(settings, create=False)
    chroma = _from_chroma(Store(settings, create=False), monkeypatch)
    embedder = embedder_for(settings)
    docs = [d.doc_id for d in store.documents()]
    checked = 0
    for question in QUESTIONS:
        vector = embedder.embed_query(question)
        for named in [[d] for d in docs] + [docs]:
            new = store.score_documents(vector, 50, named)
            _same(new, chroma.score_documents(vector, 50, named))
            checked += len(new)
        # The whole index, scored exactly from the file: what Chroma's graph finds at the top; deeper down its
        # approximate graph may miss or swap a passage (a clean-clone CI run: rank 164 of 200 after an ingest
        # appended rows), where the exact scores are never worse.
        for n in (5, 20):
            _same(store.dense_search(vector, n, None), chroma.dense_search(vector, n, None))
        _no_worse(store.dense_search(vector, 200, None), chroma.dense_search(vector, 200, None))
        hashes = [h for h, _ in store.dense_search(vector, 20, None)]
        _same(sorted(store.similarities(vector, hashes)), sorted(chroma.similarities(vector, hashes)))
    return checked


def _no_worse(exact: list[tuple[str, float]], graph: list[tuple[str, float]]) -> None:
    """The exact top n against an approximate one: as long, each score at least the graph's at its rank, and
    nearly all the same passages."""
    assert len(exact) == len(graph)
    assert all(e >= g - 1e-6 for (_, e), (_, g) in zip(exact, graph, strict=True))
    assert len({h for h, _ in exact} & {h for h, _ in graph}) >= 0.95 * len(exact)


def _same(a: list[tuple[str, float]], b: list[tuple[str, float]]) -> None:
    assert [h for h, _ in a] == [h for h, _ in b]
    np.testing.assert_allclose([s for _, s in a], [s for _, s in b], atol=1e-6)


def _rows(settings: Any) -> int:
    store = Store(settings, create=False)
    return store._db().execute("SELECT count(*) FROM vector_rows").fetchone()[0]


def test_a_new_index_scores_named_documents_from_its_vector_file(tmp_path_factory: pytest.TempPathFactory,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    settings = sample_indexes(tmp_path_factory).variant("vector_file")
    store = Store(settings, create=False)
    assert store.flag("vector_file") == "complete"
    assert store.layout.vectors.stat().st_size == store.collection.count() * 384 * 4
    assert _rows(settings) == store.collection.count()
    assert _assert_same_as_chroma(settings, monkeypatch) > 500
    # A year's decisions: the same passages as the filtered Chroma query it replaces.
    vector = embedder_for(settings).embed_query("Decides to renew the measures until 2026")
    resolutions = sorted(d.doc_id for d in store.documents() if d.doc_type == "resolution")
    assert len(resolutions) >= 3
    assert [h for h, _ in store.search_documents(vector, 20, resolutions)] == \
        [h for h, _ in store._chroma_search(vector, 20, resolutions)]


def test_an_index_from_before_the_vector_file_reads_chroma_then_gets_it_on_the_next_ingest(
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = sample_indexes(tmp_path_factory).variant("vector_file_old")
    store = Store(settings, create=False)
    vector = embedder_for(settings).embed_query(QUESTIONS[0])
    docs = [d.doc_id for d in store.documents()]
    expected = store.score_documents(vector, 50, docs)
    # As an index written before the file: no table, no flags, no file.
    db = sqlite3.connect(store.layout.catalog)
    db.execute("DROP TABLE vector_rows")
    db.execute("DELETE FROM meta WHERE key IN ('vector_file', 'vector_dim')")
    db.commit()
    db.close()
    store.layout.vectors.unlink()
    old = Store(settings, create=False)
    _same(old.score_documents(vector, 50, docs), expected)  # from Chroma
    assert not old.layout.vectors.exists()  # reading never writes it

    folder = tmp_path_factory.mktemp("more")
    extra = shutil.copy(FIXTURES / "akn" / "S_RES_2790-2513822E.xml", folder)
    report = ingest_paths([Path(extra)], settings)
    assert not report.failed
    after = Store(settings, create=False)
    assert after.flag("vector_file") == "complete"
    assert _rows(settings) == after.collection.count() > len(expected)  # the old vectors copied, the new added
    assert _assert_same_as_chroma(settings, monkeypatch) > 500


def test_removing_a_document_keeps_the_vector_file_in_step(tmp_path_factory: pytest.TempPathFactory,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    settings = sample_indexes(tmp_path_factory).variant("vector_file_remove")
    store = Store(settings, create=False)
    gone = store.documents()[0].doc_id
    before = _rows(settings)
    remove_documents([gone], settings)
    after = Store(settings, create=False)
    assert _rows(settings) == after.collection.count() < before
    assert after.score_documents(embedder_for(settings).embed_query(QUESTIONS[0]), 50, [gone]) == []
    _assert_same_as_chroma(settings, monkeypatch)


def test_a_vector_file_shorter_than_its_table_falls_back_to_chroma(tmp_path_factory: pytest.TempPathFactory,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A file cut short (a disk copy interrupted) must not give wrong vectors: Chroma answers instead."""
    settings = sample_indexes(tmp_path_factory).variant("vector_file_short")
    store = Store(settings, create=False)
    with store.layout.vectors.open("r+b") as fh:
        fh.truncate(384 * 4 * 10)
    docs = [d.doc_id for d in store.documents()]
    vector = embedder_for(settings).embed_query(QUESTIONS[1])
    chroma = _from_chroma(Store(settings, create=False), monkeypatch)
    _same(Store(settings, create=False).score_documents(vector, 50, docs), chroma.score_documents(vector, 50, docs))
    # The whole index too: not the ten rows the file still holds.
    for n in (5, 20):
        _same(Store(settings, create=False).dense_search(vector, n, None), chroma.dense_search(vector, n, None))
    # While the next ingest copies the vectors anew, a reader in another process searching the whole index gets
    # Chroma's answer, not the rows copied so far.
    during: list[list[tuple[str, float]]] = []
    write = Store._write_vector_rows

    def halves(self: Store, hashes: list[str], doc_ids: list[str], matrix: np.ndarray) -> None:
        half = len(hashes) // 2
        write(self, hashes[:half], doc_ids[:half], matrix[:half])
        if not during:
            during.append(Store(settings, create=False).dense_search(vector, 20, None))
        write(self, hashes[half:], doc_ids[half:], matrix[half:])

    monkeypatch.setattr(Store, "_write_vector_rows", halves)
    expected = chroma.dense_search(vector, 20, None)
    # The next ingest copies the vectors anew rather than appending new rows under numbers older texts still hold.
    folder = tmp_path_factory.mktemp("after_short")
    extra = shutil.copy(FIXTURES / "akn" / "S_RES_2790-2513822E.xml", folder)
    assert not ingest_paths([Path(extra)], settings).failed
    monkeypatch.setattr(Store, "_write_vector_rows", write)
    _same(during[0], expected)
    after = Store(settings, create=False)
    assert after.layout.vectors.stat().st_size == _rows(settings) * 384 * 4
    assert _assert_same_as_chroma(settings, monkeypatch) > 500


def test_the_whole_index_is_searched_from_the_file_without_chroma(tmp_path_factory: pytest.TempPathFactory,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A question on the whole index is scored exactly from the vector file, Chroma never opened (in a CLI process
    importing and opening it was ~1.3 s); a row its table no longer names (a text written again at a new row) is
    never returned; above EXACT_SEARCH_ROWS Chroma's graph answers."""
    import briefbot.store as store_module

    settings = sample_indexes(tmp_path_factory).variant("vector_file_search")
    vector = embedder_for(settings).embed_query(QUESTIONS[2])
    expected = _from_chroma(Store(settings, create=False), monkeypatch).dense_search(vector, 10, None)
    monkeypatch.setattr(Store, "collection", property(lambda self: pytest.fail("Chroma was opened")))
    _same(Store(settings, create=False).dense_search(vector, 10, None), expected)

    store = Store(settings, create=False)
    db = sqlite3.connect(store.layout.catalog)
    assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'vector_rows_row'").fetchone()  # rows found by row
    db.execute("DELETE FROM vector_rows WHERE text_hash = ?", (expected[0][0],))
    db.commit()
    db.close()
    after = Store(settings, create=False).dense_search(vector, 10, None)
    assert len(after) == 10 and expected[0][0] not in {h for h, _ in after}
    _same(after[:9], expected[1:])

    monkeypatch.undo()
    monkeypatch.setattr(store_module, "EXACT_SEARCH_ROWS", 10)
    # Chroma answers: it still holds the vector the table forgot.
    _same(Store(settings, create=False).dense_search(vector, 10, None), expected)


def test_vectors_not_of_unit_length_are_scored_as_cosines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chroma keeps a vector as given and its cosine space compares directions; the whole-index search reads one
    product over the file as the cosine, so the file keeps unit vectors whatever the model's length."""
    from briefbot.config import Settings

    settings = Settings(index=tmp_path / "index")
    embedder = embedder_for(settings)
    real = embedder.embed_documents
    monkeypatch.setattr(embedder, "embed_documents", lambda texts, threads=None: real(texts, threads) * 3.0)
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(FIXTURES / "akn" / "S_RES_2790-2513822E.xml", folder)
    assert not ingest_paths([folder], settings, embedder=embedder).failed
    vector = embedder.embed_query(QUESTIONS[0])
    chroma = _from_chroma(Store(settings, create=False), monkeypatch)
    _same(Store(settings, create=False).dense_search(vector, 10, None), chroma.dense_search(vector, 10, None))


def test_a_server_start_gives_an_older_index_its_row_index_without_waiting_for_a_writer(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """An index written before ``vector_rows_row`` scanned its table twice for every question (~10 ms at 50k rows)
    until its next write. A server's warm-up adds the index; while another process holds the writer lock it does
    not wait (that writer's write adds it), and the answer is the same either way."""
    import fcntl
    import subprocess
    import sys

    from briefbot.service import Briefbot

    settings = sample_indexes(tmp_path_factory).variant("vector_file_row_index")
    catalog = Store(settings, create=False).layout.catalog

    def has_index() -> bool:
        db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
        try:
            return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'vector_rows_row'").fetchone())
        finally:
            db.close()

    def drop_index() -> None:
        db = sqlite3.connect(catalog)
        db.execute("DROP INDEX vector_rows_row")
        db.commit()
        db.close()

    drop_index()
    # Another process writing: a real second process holds the writer lock while this one warms up.
    lock = Store(settings, create=False).layout.writer_lock
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, sys, time\n"
                               f"f = open({str(lock)!r}, 'a+b'); fcntl.flock(f, fcntl.LOCK_EX)\n"
                               "print('held', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        bot = Briefbot(settings)
        bot.warm()
        assert not has_index()
        busy = bot.ask(QUESTIONS[0]).answer
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with open(lock, "a+b") as fh:  # released with its process
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fh, fcntl.LOCK_UN)
    bot = Briefbot(settings)
    bot.warm()
    assert has_index()
    assert bot.ask(QUESTIONS[0]).answer == busy


def test_a_removal_gives_an_older_index_its_row_index(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Any write under the writer lock adds the row index, a removal or an ingest of unchanged files too (these
    write no new vector, so the vector file's own set-up never ran for them)."""
    settings = sample_indexes(tmp_path_factory).variant("vector_file_row_index_removal")
    catalog = Store(settings, create=False).layout.catalog
    db = sqlite3.connect(catalog)
    db.execute("DROP INDEX vector_rows_row")
    db.commit()
    db.close()
    remove_documents(["S_2025_257.pdf"], settings)
    db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
    assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'vector_rows_row'").fetchone()
    db.close()
