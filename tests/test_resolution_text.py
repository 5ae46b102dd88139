"""Catalog lookups a CLI question pays: passages by (document, ordinal) are looked up by the primary key. Real
Council XML (tests/fixtures/akn/liberia_panel), real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from akn_support import indexed_fixture
from briefbot.config import Settings
from briefbot.store import Store


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return indexed_fixture(tmp_path, "liberia_panel")


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
