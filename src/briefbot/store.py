"""Store stage: the catalog (SQLite: documents, page texts, chunks) and the vectors (Chroma).

Chroma holds one vector per distinct chunk text (id = content hash), so identical passages across documents
(revisions, boilerplate) are embedded once and never crowd the HNSW graph. The catalog is the source of truth
for provenance: a chunk text may occur in several documents. A document is committed in one SQLite
transaction after its vectors are written, so a kill mid-run leaves no half document; orphan vectors are
harmless (never returned) and swept on the next ingest. Chroma's result lists never leave this module.
Every vector is also kept in ``vectors.f32`` beside the catalog (see _VECTOR_ROWS): the vectors of named documents
and of a year's decisions are scored from it instead of a filtered or by-id Chroma read.

With ``chroma_host`` set the vectors live on a Chroma server (``chroma run``) that the web app and an ingest in
another process share; the catalog stays here. Writers (ingest, remove) take the index's writer lock, so two never
interleave; the server collection is stamped with this index's id, so a second index directory cannot use (and
sweep) it by mistake.
"""

from __future__ import annotations

import contextlib
import json
import logging
import mmap
import os
import re
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .config import Settings
from .errors import BriefbotError, ConfigError, IndexMissingError, NotFoundError, StoreUnavailable
from .layout import IndexLayout
from .models import Chunk, DocInfo, Document, Filters, Span
from .sqlitewal import use_wal
from .symbols import symbol_key

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT PRIMARY KEY, file_name TEXT, path TEXT, sha256 TEXT, source TEXT, symbol TEXT, symbol_key TEXT,
  doc_type TEXT, title TEXT, date TEXT, year INTEGER, language TEXT, pages INTEGER, chunks INTEGER,
  empty_pages TEXT, warnings TEXT, missions TEXT, ingested_at TEXT, origin TEXT, authors TEXT, publisher TEXT,
  report_number TEXT);
CREATE TABLE IF NOT EXISTS pages (doc_id TEXT, number INTEGER, text TEXT, ocr INTEGER DEFAULT 0,
  PRIMARY KEY (doc_id, number));
CREATE TABLE IF NOT EXISTS chunks (
  doc_id TEXT, ordinal INTEGER, text_hash TEXT, text TEXT, spans TEXT, paragraph TEXT, section TEXT, kind TEXT,
  PRIMARY KEY (doc_id, ordinal));
CREATE INDEX IF NOT EXISTS chunks_hash ON chunks (text_hash);
CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, file_name TEXT, sha256 TEXT, reason TEXT, at TEXT);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (doc_id TEXT PRIMARY KEY, path TEXT, sha256 TEXT);
CREATE TABLE IF NOT EXISTS doc_collection (doc_id TEXT PRIMARY KEY, name TEXT NOT NULL);
"""
# files: documents indexed from a file of their own (not bulk records), with the absolute path and the SHA-256 of
# the bytes indexed: a file's identity at ingest, and what a download must match.
# doc_collection: the access collection of a document (briefbot.access); no row means "general". Kept apart from
# the documents row so a re-ingest (which replaces that row) keeps it; dropped with the document.
# embedding_function=None: we always pass vectors; Chroma must never fetch a model.
# readers: the version of the reading code (parsing and chunking, ingest.READER_VERSION) that wrote a document's
# pages and passages; a document without a row was written before versions were kept. Created by the first write,
# so reading an old index never changes it.
_READERS = "CREATE TABLE IF NOT EXISTS readers (doc_id TEXT PRIMARY KEY, version INTEGER NOT NULL)"
_COLLECTION: dict[str, Any] = {"embedding_function": None,
                               "configuration": {"hnsw": {"space": "cosine", "ef_search": 100}}}
# Up to this many vectors a question is scored against all of them from the vector file (~25 ms a question at
# 200k on one core here) rather than through Chroma's graph.
EXACT_SEARCH_ROWS = 200_000
_DOC_VECTORS_CACHED = 64  # named documents whose vectors stay in memory (a few MB)
# Every vector also goes into ``vectors.f32`` (raw float32 rows, append-only) with its row in this table, written
# by add_vectors beside the Chroma upsert: a named document's vectors are then a file read (~1 ms per thousand)
# instead of a Chroma get by id (~0.13 ms each, and 36 s to read all of them at 100k). Created by the first write
# only, so reading an index never changes it; ``doc_id`` follows the Chroma metadata (first occurrence, re-pointed
# on removal). The meta flag ``vector_file`` says the file holds every vector of the collection: an index written
# before it (the table is created later) keeps fetching from Chroma.
_VECTOR_ROWS = """
CREATE TABLE IF NOT EXISTS vector_rows (text_hash TEXT PRIMARY KEY, doc_id TEXT, row INTEGER);
CREATE INDEX IF NOT EXISTS vector_rows_doc ON vector_rows (doc_id);
CREATE INDEX IF NOT EXISTS vector_rows_row ON vector_rows (row);
"""
# vector_rows_row: the whole-index search looks up the text of its best rows (~0.3 ms; a scan of the table without
# it, ~9 ms at 50k). An index written before it gets it with its next writer lock (Store.writing) or when a server
# starts (add_row_index).
# resolution_text: a trigram index of the resolutions' passages (SQLite FTS5, text read from ``chunks`` by rowid),
# so a substring search for a resolution's number or a renewal's words (later_resolutions_naming) reads the passages
# holding it instead of scanning ~39k of them (30-70 ms a search on the full index, 0.9-12 ms through it; a question
# about renewals or origins runs up to ten). Kept by the writes that change chunks; usable while the meta key
# ``resolution_text`` equals the catalog version, which every write of this code moves with it, so a write by older
# code leaves it unused (searched by scan) until the next writer lock rebuilds it (~5 s on the full index). Rows are
# found by ``chunks``' rowid: nothing here runs VACUUM, which may renumber them (rebuild it after one by hand: delete
# the meta key ``resolution_text`` and ingest).
_RESOLUTION_TEXT = ("CREATE VIRTUAL TABLE resolution_text USING fts5(text, content='chunks', content_rowid='rowid', "
                    "tokenize='trigram')")
_TRIGRAM = 3  # shorter needles match through no trigram: the scan is as fast


@lru_cache(maxsize=1)
def _one_blas_thread() -> None:
    """Score on one OpenBLAS thread, process-wide (numpy's thread count is otherwise fixed at import from the
    environment). On two shared cores a second BLAS thread waits for a core: a 3,500 × 384 matrix-vector product
    measured p50 0.05 ms / p95 32 ms with two threads, 0.1 / 0.5 ms with one."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


@dataclass(frozen=True, slots=True)
class _DocRows:
    """One document's vectors in the vector file: their text hashes, in row order, as runs of consecutive rows."""

    ids: list[str]
    runs: list[tuple[int, int]]
    inverse_norms: np.ndarray  # 1 / |v| per vector (cosine, as the HNSW space)
    last: int

    @staticmethod
    def of(rows: list[tuple[int, str]], mapped: np.ndarray) -> _DocRows:
        runs: list[tuple[int, int]] = []
        for r, _ in rows:
            if runs and runs[-1][1] == r:
                runs[-1] = (runs[-1][0], r + 1)
            else:
                runs.append((r, r + 1))
        norms = [np.linalg.norm(mapped[a:b], axis=1) for a, b in runs]
        inverse = 1.0 / np.maximum(np.concatenate(norms), 1e-12) if norms else np.zeros(0)
        return _DocRows([h for _, h in rows], runs, inverse.astype(np.float32), rows[-1][0] if rows else -1)


def _span_json(spans: Sequence[Span]) -> str:
    return json.dumps([[s.page, s.start, s.end, s.label, s.at] for s in spans], separators=(",", ":"))


def _spans(raw: str) -> list[Span]:
    return [Span(p, a, b, lab, at) for p, a, b, lab, at in json.loads(raw)]


class Store:
    """The index directory (see layout.py): the vectors (``chroma/`` in embedded mode) and, per collection, the
    catalog."""

    @staticmethod
    def exists(settings: Settings) -> bool:
        return IndexLayout.of(settings).catalog.exists()

    def __init__(self, settings: Settings, create: bool = True) -> None:
        self.settings = settings
        self.layout = IndexLayout.of(settings)
        self.root = self.layout.root
        # Catalog and lexical index live per collection: a changed chunking or model setting gets a fresh,
        # empty catalog instead of silently reusing chunks built with the old one.
        self.dir = self.layout.collection_dir
        catalog = self.layout.catalog
        if not create and not catalog.exists():
            raise IndexMissingError(f"no index for these settings at {self.root}")
        self.dir.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._catalog_path = catalog
        with self._db() as db:
            db.executescript(_SCHEMA)
            # A catalog from before OCR lacks pages.ocr (its pages were all read from a text layer); the column is
            # added by the first write, so reading an index never changes it.
            self._pages_ocr = "ocr" in {r[1] for r in db.execute("PRAGMA table_info(pages)")}
        self._base_cols = self._document_columns()
        self._collection: Any = None
        self._lock = threading.Lock()
        # Vectors of recently named documents, for the current catalog version (see score_documents).
        self._doc_vectors: dict[str, tuple[list[str], np.ndarray]] = {}
        self._doc_vectors_version = -1
        self._doc_rows: dict[str, _DocRows] = {}  # doc → where its vectors are in the vector file
        self._doc_rows_version = -1
        self._vector_map: tuple[np.memmap, int] | None = None  # vectors.f32 mapped, its inode (_VECTOR_ROWS)
        self._about: tuple[int, dict[str, tuple[str, ...]]] = (-1, {})  # catalog version, fill_about()
        self._about_kept = -1  # the catalog version whose record places are all kept (layout.derived)
        self._placing = threading.Lock()  # one thread places every document (_place_every_document)

    # --- SQLite --------------------------------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self._catalog_path, timeout=30, isolation_level=None)
            use_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def _document_columns(self) -> str:
        """The catalog's document columns; a catalog written before analyses had authors reads as all-UN."""
        have = {r[1] for r in self._db().execute("PRAGMA table_info(documents)")}
        return _DOC_COLS + ", " + ", ".join(col if col in have else f"{default} AS {col}"
                                             for col, _, default in _ANALYSIS_COLS)

    def _columns(self) -> str:
        """Document columns in _docinfo's order: the base ones, the analysis ones, then the OCR'd pages."""
        if "'un' AS origin" in self._base_cols:  # another process may have added the columns since
            self._base_cols = self._document_columns()
        return f"{self._base_cols}, {_OCR_PAGES if self._pages_ocr else 'NULL'}"

    def _add_analysis_columns(self, db: sqlite3.Connection) -> None:
        """Before the first write, give a catalog from before analyses their columns (readers never alter it)."""
        have = {r[1] for r in db.execute("PRAGMA table_info(documents)")}
        for col, kind, _ in _ANALYSIS_COLS:
            if col not in have:
                db.execute(f"ALTER TABLE documents ADD COLUMN {col} {kind}")
        self._base_cols = self._document_columns()

    def version(self) -> int:
        row = self._db().execute("SELECT value FROM meta WHERE key='version'").fetchone()
        return int(row[0]) if row else 0

    def flag(self, key: str) -> str | None:
        row = self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_flag(self, key: str, value: str | None) -> None:
        if value is None:
            self._db().execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._db().execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def _bump(self, db: sqlite3.Connection) -> None:
        db.execute("INSERT INTO meta(key, value) VALUES('version', '1') ON CONFLICT(key) DO UPDATE "
                   "SET value = CAST(value AS INTEGER) + 1")
        if not self._has_resolution_text(db):
            return  # not kept by this write (none, or an SQLite that cannot read it): it falls behind
        # This code kept the trigram index in the same transaction (_delete_rows, commit_document): still current.
        db.execute("UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'version') "
                   "WHERE key = 'resolution_text' AND value = (SELECT CAST(value AS INTEGER) - 1 FROM meta "
                   "WHERE key = 'version')")

    @contextmanager
    def writing(self, wait: bool = True) -> Iterator[bool]:
        """The writer lock of this index: one ingest or removal at a time, across processes. Readers never wait.

        An flock, so a killed holder releases it; what it left half done is swept by the next ingest. Raises
        IndexBusy when another process serves the index and a write from here would break it (indexlock.py).
        ``wait=False``: when another process holds the lock, yields False at once instead of waiting (and writes
        nothing); otherwise yields True.
        """
        try:
            import fcntl
        except ImportError:  # not POSIX: no cross-process lock
            yield True
            return
        from .indexlock import writer_guard

        with writer_guard(self.settings), open(self.layout.writer_lock, "a+b") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not wait:
                    yield False
                    return
                log.warning("another ingest or removal is writing to %s; waiting for it to finish", self.dir)
                fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                self._ensure_row_index()
                self._ensure_resolution_text()
                yield True
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _ensure_row_index(self) -> None:
        """Writers, holding the lock: a complete vector file whose table predates ``vector_rows_row`` gets it."""
        db = self._db()
        if self._vector_file_complete() and not db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'vector_rows_row'").fetchone():
            db.execute("CREATE INDEX IF NOT EXISTS vector_rows_row ON vector_rows (row)")

    def _resolution_text_current(self) -> bool:
        """Whether the trigram index of resolution passages holds exactly what the catalog does."""
        row = self._db().execute("SELECT (SELECT value FROM meta WHERE key = 'resolution_text') = "
                                 "(SELECT value FROM meta WHERE key = 'version')").fetchone()
        return bool(row and row[0])

    def _ensure_resolution_text(self) -> None:
        """Writers, holding the lock: (re)build the trigram index of resolution passages when it is missing or a
        write by older code left it behind. An SQLite without FTS5's trigram tokenizer keeps scanning."""
        if self._resolution_text_current():
            return
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DROP TABLE IF EXISTS resolution_text")
            db.execute(_RESOLUTION_TEXT)
            db.execute("INSERT INTO resolution_text(rowid, text) SELECT c.rowid, c.text FROM chunks c "
                       "JOIN documents d USING (doc_id) WHERE d.doc_type = 'resolution'")
            db.execute("INSERT OR REPLACE INTO meta(key, value) "
                       "SELECT 'resolution_text', value FROM meta WHERE key = 'version'")
            if not db.execute("SELECT 1 FROM meta WHERE key = 'version'").fetchone():  # an empty catalog
                db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('resolution_text', '0')")
            db.execute("COMMIT")
        except BaseException as exc:
            db.execute("ROLLBACK")
            if not isinstance(exc, sqlite3.OperationalError):
                raise
            log.info("resolution passages are searched by scan: no trigram index (%s)", exc)

    def add_row_index(self) -> bool:
        """At a server's start: a vector file whose table predates ``vector_rows_row`` gets that index now, so a
        whole-index search finds its best rows by index instead of scanning the table twice per question (~10 ms
        at 50k rows). Never waits: when another process is writing, its write adds the index. True when the
        index is there after."""
        db = self._db()
        if not self._vector_file_complete():
            return False
        if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'vector_rows_row'").fetchone():
            return True
        try:
            with self.writing(wait=False) as held:  # holding the lock adds it (_ensure_row_index)
                return held
        except (BriefbotError, OSError, sqlite3.Error) as exc:  # another server, a read-only folder: as before
            log.info("the vector file's row index was not added (%s); the next ingest adds it", exc)
            return False

    # --- Chroma --------------------------------------------------------------------------------------------
    @property
    def collection(self) -> Any:
        with self._lock:
            if self._collection is None:
                if self.settings.chroma_host:
                    self._collection = self._server_collection()
                else:
                    import chromadb
                    from chromadb.config import Settings as ChromaSettings

                    client = chromadb.PersistentClient(path=str(self.layout.chroma),
                                                       settings=ChromaSettings(anonymized_telemetry=False))
                    self._collection = client.get_or_create_collection(self.settings.collection_name(),
                                                                       **_COLLECTION)
            return self._collection

    def _server_collection(self) -> Any:
        """The collection on the Chroma server, checked to belong to this index directory."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        s = self.settings
        where = f"{s.chroma_host}:{s.chroma_port}"
        db = self._db()
        db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('index_id', ?)", (uuid.uuid4().hex,))
        mine = {"briefbot_index": self.flag("index_id") or "", "briefbot_dir": str(self.dir.resolve())}
        try:
            client = chromadb.HttpClient(host=s.chroma_host, port=s.chroma_port,
                                         settings=ChromaSettings(anonymized_telemetry=False))
        except ValueError as exc:  # chromadb's "Could not connect to a Chroma server" / "... to tenant"
            raise _unavailable(s, exc) from exc
        with _reaching(s):
            collection = client.get_or_create_collection(s.collection_name(), metadata=mine, **_COLLECTION)
            meta = collection.metadata or {}
            if not meta.get("briefbot_index"):  # made by hand or by an older briefbot: adopt it
                collection.modify(metadata=mine)
            elif meta["briefbot_index"] != mine["briefbot_index"]:
                raise ConfigError(
                    f"the collection {s.collection_name()} on the Chroma server at {where} belongs to another index "
                    f"directory ({meta.get('briefbot_dir', '?')})", "use that directory as the index (--index, "
                    "BRIEFBOT_INDEX), or give this index its own server: `chroma run --path OTHER_DIR`")
            if collection.count() == 0 and db.execute("SELECT 1 FROM chunks LIMIT 1").fetchone():
                raise ConfigError(
                    f"the Chroma server at {where} holds no vectors for the documents indexed in {self.dir}",
                    "the index was built without chroma_host (or against another server --path): unset "
                    "chroma_host, or ingest again into a new --index directory")
        return _ServedCollection(collection, s)

    def existing_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Texts whose vectors the index has (in Chroma and, when the index keeps one, in the vector file: a run
        killed between the two writes leaves them to be written again)."""
        ids = list(dict.fromkeys(hashes))
        found: set[str] = set()
        for i in range(0, len(ids), 5000):
            found.update(self.collection.get(ids=ids[i:i + 5000], include=[])["ids"])
        if found and self._vector_file_complete():
            listed = sorted(found)
            in_file: set[str] = set()
            in_file.update(r[0] for r in _execute_in(
                self._db(), "SELECT text_hash FROM vector_rows WHERE text_hash IN ({marks})", listed))
            found &= in_file
        return found

    def add_vectors(self, chunks: Sequence[Chunk], vectors: np.ndarray, docs: dict[str, Document]) -> None:
        """Write vectors for chunks whose text is new to the index (metadata of the first occurrence)."""
        if not chunks:
            return
        metas = []
        for c in chunks:
            d = docs[c.doc_id]
            metas.append({"doc_id": d.doc_id, "doc_type": d.doc_type, "year": d.year or 0,
                          "symbol_key": symbol_key(d.symbol) if d.symbol else ""})
        in_file = self.ensure_vector_file(int(np.shape(vectors)[1]))
        for i in range(0, len(chunks), 2000):
            part = chunks[i:i + 2000]
            ids = [c.text_hash for c in part]
            self.collection.upsert(ids=ids, embeddings=vectors[i:i + 2000], documents=[c.text for c in part],
                                   metadatas=metas[i:i + 2000])
            if in_file:
                # What Chroma stores, read back, so the file's vectors are Chroma's (at unit length: see
                # _write_vector_rows).
                got = self.collection.get(ids=ids, include=["embeddings"])
                stored = dict(zip(got["ids"], got["embeddings"], strict=True))
                self._write_vector_rows(ids, [m["doc_id"] for m in metas[i:i + 2000]],
                                        np.asarray([stored[h] for h in ids], dtype=np.float32))

    def dense_search(self, vector: np.ndarray, n: int, doc_ids: list[str] | None) -> list[tuple[str, float]]:
        """(text_hash, cosine similarity) best first; ``doc_ids`` restricts to those documents.

        Scored exactly from the vector file when the index keeps a complete one of at most EXACT_SEARCH_ROWS rows:
        one matrix-vector product (~10 ms at 50k vectors, ~45 ms with the file's first read in a new process)
        instead of importing and opening Chroma (~1.3 s in each CLI process), and no approximation. HNSW answers
        above that size, where one product per question costs more than the graph's search."""
        if doc_ids is not None and not doc_ids:
            return []
        if self._vector_file_complete():
            if doc_ids is not None:
                return self.score_documents(vector, n, doc_ids)
            found = self._search_file(vector, n)
            if found is not None:
                return found
        return self._chroma_search(vector, n, doc_ids)

    def _chroma_search(self, vector: np.ndarray, n: int, doc_ids: list[str] | None) -> list[tuple[str, float]]:
        """``dense_search`` by Chroma's HNSW query, filtered by metadata when ``doc_ids`` is given."""
        total = self._vector_count()
        if total == 0:
            return []
        where = {"doc_id": {"$in": doc_ids}} if doc_ids is not None else None
        if doc_ids is not None and not doc_ids:
            return []
        res = self.collection.query(query_embeddings=[vector], n_results=min(n, total), where=where,
                                    include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    def score_documents(self, vector: np.ndarray, n: int, doc_ids: list[str]) -> list[tuple[str, float]]:
        """What ``dense_search(vector, n, doc_ids)`` returns, without a filtered Chroma query.

        Local Chroma has no metadata index: a ``where`` filter scans every vector's metadata (~90 ms at 100k
        vectors). A question names a few documents, so their vectors are fetched by id (text hashes from the
        catalog; cached per catalog version) and scored exactly with one dot product. Same candidate set as the
        filter: the vectors whose metadata ``doc_id`` is one of ``doc_ids`` (a text shared by several documents
        carries the metadata of one of them).
        """
        _one_blas_thread()
        wanted = list(dict.fromkeys(doc_ids))
        query = np.asarray(vector, dtype=np.float32)
        query = query / (np.linalg.norm(query) or 1.0)
        found = self._score_from_file(wanted, query) if self._vector_file_complete() else None
        if found is not None:
            ids, scores = found
        else:
            parts = [self._document_vectors(d) for d in wanted]
            ids = [i for part_ids, _ in parts for i in part_ids]
            scores = np.concatenate([m for _, m in parts if len(m)]) @ query if ids else np.zeros(0, np.float32)
        if not ids:
            return []
        top = np.argsort(-scores, kind="stable")[:n]
        return [(ids[i], float(scores[i])) for i in top]

    def search_documents(self, vector: np.ndarray, n: int, doc_ids: list[str]) -> list[tuple[str, float]]:
        """``dense_search`` inside many documents (a year's decisions): exact from the vector file when the index
        has one (from Chroma by id if that file turns out short), else one filtered Chroma query (fetching hundreds of
        documents' vectors by id costs seconds)."""
        if self._vector_file_complete():
            return self.score_documents(vector, n, doc_ids)
        return self.dense_search(vector, n, doc_ids)

    def _document_vectors(self, doc_id: str) -> tuple[list[str], np.ndarray]:
        """(text hashes, unit-length vectors) of the vectors whose metadata names ``doc_id``, from Chroma (an
        index without a complete vector file)."""
        version = self.version()
        with self._lock:
            if self._doc_vectors_version != version:
                self._doc_vectors, self._doc_vectors_version = {}, version
            cache = self._doc_vectors
            if doc_id in cache:
                cache[doc_id] = cache.pop(doc_id)  # most recently used last
                return cache[doc_id]
        hashes = sorted(self._hashes_of(doc_id))
        ids: list[str] = []
        rows: list[np.ndarray] = []
        for i in range(0, len(hashes), 2000):
            got = self.collection.get(ids=hashes[i:i + 2000], include=["embeddings", "metadatas"])
            for h, emb, meta in zip(got["ids"], got["embeddings"], got["metadatas"], strict=True):
                if (meta or {}).get("doc_id") == doc_id:
                    ids.append(h)
                    rows.append(np.asarray(emb, dtype=np.float32))
        matrix = np.stack(rows) if rows else np.zeros((0, 0), dtype=np.float32)
        if len(matrix):
            matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)  # cosine, as the HNSW space
        with self._lock:
            if self._doc_vectors_version == version:
                cache[doc_id] = (ids, matrix)
                while len(cache) > _DOC_VECTORS_CACHED:
                    cache.pop(next(iter(cache)))
        return ids, matrix

    def similarities(self, vector: np.ndarray, hashes: Sequence[str]) -> list[tuple[str, float]]:
        """(text_hash, cosine similarity) for given passages (vectors are stored normalised)."""
        if not hashes:
            return []
        if self._vector_file_complete():
            listed = list(hashes)
            got: list[tuple[str, int]] = list(_execute_in(
                self._db(), "SELECT text_hash, row FROM vector_rows WHERE text_hash IN ({marks})", listed))
            mapped = self._mapped(max((r for _, r in got), default=-1))
            if mapped is not None:  # Chroma's get returns the found ids in its own order; fusion sorts by score
                return [(h, float(np.dot(mapped[r], vector))) for h, r in got]
        res = self.collection.get(ids=list(hashes), include=["embeddings"])
        return [(i, float(np.dot(np.asarray(e, dtype=np.float32), vector)))
                for i, e in zip(res["ids"], res["embeddings"], strict=True)]

    # --- the vector file (see _VECTOR_ROWS) -------------------------------------------------------------------
    def ensure_vector_file(self, dim: int) -> bool:
        """Writers only: make the vector file hold every vector of the collection (an index from before it, or
        one whose copy was cut short, is copied from Chroma once: ~20 s at 50k vectors). False when it cannot."""
        if self._vector_file_complete():
            if int(self.flag("vector_dim") or 0) != dim:
                self.set_flag("vector_file", None)  # another model's vectors: never mix them (the name forbids it)
                return False
            if self._vector_file_holds_its_table(dim):
                self._db().executescript(_VECTOR_ROWS)
                return True
            # A short file would take the next rows at its end, under row numbers the table still gives to older
            # texts: once long enough again, those texts would read the new vectors. Copy it anew instead.
            log.warning("%s is shorter than its table says; copying the vectors from Chroma again",
                        self.layout.vectors)
        # Incomplete until the copy ends: a reader searching the whole index meanwhile asks Chroma, not the rows
        # copied so far.
        self.set_flag("vector_file", None)
        self._db().executescript(_VECTOR_ROWS)
        self.layout.vectors.unlink(missing_ok=True)
        self._db().execute("DELETE FROM vector_rows")
        if self.collection.count():
            log.info("copying the index's vectors into %s (once)", self.layout.vectors)
            offset = 0
            while True:
                got = self.collection.get(include=["embeddings", "metadatas"], limit=5000, offset=offset)
                if not got["ids"]:
                    break
                self._write_vector_rows(got["ids"], [(m or {}).get("doc_id", "") for m in got["metadatas"]],
                                        np.asarray(got["embeddings"], dtype=np.float32).reshape(-1, dim))
                offset += len(got["ids"])
        self.set_flag("vector_dim", str(dim))
        self.set_flag("vector_file", "complete")
        return True

    def _write_vector_rows(self, hashes: list[str], doc_ids: list[str], matrix: np.ndarray) -> None:
        # At unit length: Chroma's cosine space compares directions and stores what it is given, and the
        # whole-index search (_search_file) reads one product as the cosine. The packaged model's vectors are unit
        # already; another model's need not be.
        matrix = (matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)).astype(np.float32)
        db = self._db()
        row_bytes = matrix.shape[1] * 4
        with open(self.layout.vectors, "ab") as fh:
            size = fh.seek(0, 2)
            start = -(-size // row_bytes)  # a killed writer's torn last row is skipped, never overwritten
            fh.write(b"\0" * (start * row_bytes - size))
            fh.write(matrix.tobytes())
            fh.flush()
            os.fsync(fh.fileno())
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT OR REPLACE INTO vector_rows VALUES (?, ?, ?)",
                           [(h, d, start + i) for i, (h, d) in enumerate(zip(hashes, doc_ids, strict=True))])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _vector_file_complete(self) -> bool:
        return self.flag("vector_file") == "complete"

    def _vector_file_holds_its_table(self, dim: int) -> bool:
        last = self._db().execute("SELECT max(row) FROM vector_rows").fetchone()[0]
        try:
            size = self.layout.vectors.stat().st_size
        except FileNotFoundError:
            return last is None
        return last is None or last < size // (dim * 4)

    def _score_from_file(self, doc_ids: list[str], query: np.ndarray) -> tuple[list[str], np.ndarray] | None:
        """(text hashes, cosine to the unit ``query``) of the vectors whose metadata names one of ``doc_ids``, from
        the vector file; None when it is short (then Chroma answers). Per document and catalog version the rows are
        cached as runs of consecutive rows with their inverse norms (12 bytes a vector), so a question naming 200
        documents (20,000 vectors) costs one pass over their bytes in the page cache, no copy."""
        version = self.version()
        with self._lock:
            if self._doc_rows_version != version:
                self._doc_rows, self._doc_rows_version = {}, version
            cache = self._doc_rows
            missing = [d for d in doc_ids if d not in cache]
        fresh: dict[str, _DocRows] = {}
        if missing:
            found: dict[str, list[tuple[int, str]]] = {d: [] for d in missing}
            db = self._db()
            # The rows' doc_id is the Chroma metadata, re-pointed when a document drops a text: it names a
            # document holding the text, but for vectors of a run killed before its commit (never a hit, and
            # swept by the next ingest), which the filtered Chroma query also returned. Checking each row
            # against the chunks table read 20,000 chunk rows with their text for a 200-document question.
            for d, h, r in _execute_in(db, "SELECT doc_id, text_hash, row FROM vector_rows WHERE doc_id IN ({marks})",
                                       missing):
                found[d].append((r, h))
            top = max((r for rows in found.values() for r, _ in rows), default=-1)
            mapped = self._mapped(top)
            if mapped is None:
                return None
            for d, rows in found.items():
                rows.sort()
                fresh[d] = _DocRows.of(rows, mapped)
            with self._lock:
                if self._doc_rows_version == version:
                    cache.update(fresh)
        parts = [cache.get(d) or fresh[d] for d in doc_ids]
        ids = [h for p in parts for h in p.ids]
        if not ids:
            return [], np.zeros(0, dtype=np.float32)
        mapped = self._mapped(max(p.last for p in parts))
        if mapped is None:
            return None
        scores = np.concatenate([mapped[a:b] @ query for p in parts for a, b in p.runs])
        return ids, scores * np.concatenate([p.inverse_norms for p in parts])

    def _search_file(self, vector: np.ndarray, n: int) -> list[tuple[str, float]] | None:
        """The ``n`` vectors nearest to ``vector`` over the whole vector file, exactly; None when the file is
        larger than EXACT_SEARCH_ROWS or shorter than its table (then Chroma answers). Only rows the table names
        count: a text written again left its old row behind, and a killed writer's padding is zeros."""
        _one_blas_thread()
        dim = int(self.flag("vector_dim") or 0)
        try:
            rows_now = self.layout.vectors.stat().st_size // (dim * 4) if dim else 0
        except FileNotFoundError:
            return None
        if not rows_now or rows_now > EXACT_SEARCH_ROWS:
            return None
        # A file cut short holds only some of the rows its table names: scoring those would miss the rest.
        last = self._db().execute("SELECT max(row) FROM vector_rows").fetchone()[0]
        mapped = self._mapped(max(rows_now - 1, last if last is not None else -1))
        if mapped is None:
            return None
        with self._lock:
            inode = self._vector_map[1] if self._vector_map and self._vector_map[0] is mapped else -1
        query = np.asarray(vector, dtype=np.float32)
        scores = mapped @ (query / (np.linalg.norm(query) or 1.0))  # stored unit length (Chroma's cosine space)
        want = n + 16
        while True:
            k = min(len(scores), want)
            top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
            top = top[np.argsort(-scores[top], kind="stable")]
            # A long list reads the table whole: without vector_rows_row each IN query scans it.
            live = dict(_execute_in(self._db(), "SELECT row, text_hash FROM vector_rows WHERE row IN ({marks})",
                                    [int(r) for r in top]) if k <= 500 else
                        self._db().execute("SELECT row, text_hash FROM vector_rows"))
            try:
                if self.layout.vectors.stat().st_ino != inode:
                    return None  # made anew since it was mapped (ensure_vector_file): the rows read name its rows
            except FileNotFoundError:
                return None
            found = [(live[int(r)], float(scores[r])) for r in top if int(r) in live]
            if len(found) >= n or k == len(scores):
                return found[:n]
            want *= 4  # many rows left behind among the best: look further

    def _mapped(self, last_row: int) -> np.memmap | None:
        """The vector file, mapped, holding at least ``last_row``; None when it is shorter than its table says."""
        dim = int(self.flag("vector_dim") or 0)
        try:
            stat = self.layout.vectors.stat()
        except FileNotFoundError:
            return None
        with self._lock:
            mapped, inode = self._vector_map or (None, -1)
            # First use, another process appended since, or the file was made anew: map it again.
            if mapped is None or inode != stat.st_ino or last_row >= len(mapped):
                n = stat.st_size // (dim * 4) if dim else 0
                if last_row >= n or not n:
                    log.warning("vectors.f32 is shorter than its table says; reading vectors from Chroma")
                    return None
                mapped = np.memmap(self.layout.vectors, dtype=np.float32, mode="r", shape=(n, dim))
                # Ask the kernel to read the file ahead, in the background (as Chroma loads its HNSW index on the
                # first query): a question naming 200 documents otherwise waits on 20,000 rows' page faults.
                with contextlib.suppress(AttributeError, OSError, ValueError):
                    mapped._mmap.madvise(mmap.MADV_WILLNEED)  # type: ignore[attr-defined]
                self._vector_map = (mapped, stat.st_ino)
            return mapped

    def _vector_count(self) -> int:
        """Vectors in the collection, counted once per catalog version (a count costs ~7 ms at 100k vectors)."""
        version = self.version()
        cached = getattr(self, "_count_cache", None)
        if cached is None or cached[0] != version:
            cached = (version, int(self.collection.count()))
            self._count_cache = cached
        return cached[1]

    # --- documents -----------------------------------------------------------------------------------------
    def known(self) -> dict[str, tuple[str, str | None]]:
        """doc_id → (sha256, path) for every committed document."""
        rows = self._db().execute("SELECT doc_id, sha256, path FROM documents").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def read_before(self, version: int) -> dict[str, str | None]:
        """doc_id → path of the documents an earlier version of the reading code parsed and chunked (all of a
        catalog written before versions were kept): an ingest of their files reads them again."""
        db = self._db()
        if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'readers'").fetchone() is None:
            return {r[0]: r[1] for r in db.execute("SELECT doc_id, path FROM documents")}
        rows = db.execute("SELECT d.doc_id, d.path FROM documents d LEFT JOIN readers r ON r.doc_id = d.doc_id "
                          "WHERE r.version IS NULL OR r.version < ?", (version,)).fetchall()
        return {r[0]: r[1] for r in rows}

    def file_documents(self) -> list[tuple[str, str | None, str]]:
        """(doc_id, path, sha256) of documents indexed from a file of their own (indexes from before the files
        table: the PDFs)."""
        rows = self._db().execute(
            "SELECT doc_id, path, sha256 FROM files UNION ALL SELECT doc_id, path, sha256 FROM documents "
            "WHERE source = 'pdf' AND doc_id NOT IN (SELECT doc_id FROM files)").fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def indexed_file(self, doc_id: str) -> tuple[str, str] | None:
        """(path, sha256 of its bytes) of a document indexed from a file, None for bulk records."""
        db = self._db()
        row = db.execute("SELECT path, sha256 FROM files WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            row = db.execute("SELECT path, sha256 FROM documents WHERE doc_id = ? AND source = 'pdf'",
                             (doc_id,)).fetchone()
        return (row[0], row[1]) if row and row[0] else None

    def set_path(self, doc_id: str, path: str) -> None:
        """The same bytes were found at another path (the file moved)."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("UPDATE documents SET path = ? WHERE doc_id = ?", (path, doc_id))
            db.execute("UPDATE files SET path = ? WHERE doc_id = ?", (path, doc_id))
            self._bump(db)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def commit_document(self, doc: Document, chunks: Sequence[Chunk], from_file: bool = False,
                        collection: str | None = None, reader: int | None = None) -> None:
        """Replace ``doc`` (if present) with its new chunks, atomically. ``from_file``: indexed from a file of its
        own, whose path and bytes' hash are kept for identity and downloads. ``collection``: its access collection
        (in the same transaction, so it is never readable outside it); None keeps a replaced document's.
        ``reader``: the version of the reading code that parsed and chunked it (see :meth:`read_before`)."""
        db = self._db()
        old_hashes = self._hashes_of(doc.doc_id)
        old_sha = db.execute("SELECT sha256 FROM documents WHERE doc_id = ?", (doc.doc_id,)).fetchone()
        if not self._pages_ocr:
            # Another process (the web app beside a CLI ingest) may have added it since this one opened the catalog.
            if "ocr" not in {r[1] for r in db.execute("PRAGMA table_info(pages)")}:
                db.execute("ALTER TABLE pages ADD COLUMN ocr INTEGER DEFAULT 0")
            self._pages_ocr = True
        db.execute(_READERS)
        db.execute("BEGIN IMMEDIATE")
        try:
            self._add_analysis_columns(db)
            self._delete_rows(db, doc.doc_id)
            db.execute(
                "INSERT INTO documents (doc_id, file_name, path, sha256, source, symbol, symbol_key, doc_type, title, "
                "date, year, language, pages, chunks, empty_pages, warnings, missions, ingested_at, origin, authors, "
                "publisher, report_number) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.doc_id, doc.file_name, doc.path, doc.sha256, doc.source, doc.symbol,
                 symbol_key(doc.symbol) if doc.symbol else None, doc.doc_type, doc.title, doc.date, doc.year,
                 doc.language, doc.page_count, len(chunks), json.dumps(doc.empty_pages), json.dumps(doc.warnings),
                 json.dumps(doc.missions), time.strftime("%Y-%m-%dT%H:%M:%S"), doc.origin, json.dumps(doc.authors),
                 doc.publisher, doc.report_number))
            db.executemany("INSERT INTO pages (doc_id, number, text, ocr) VALUES (?,?,?,?)",
                           [(doc.doc_id, p.number, p.text, int(p.ocr)) for p in doc.pages])
            db.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?)", [
                (c.doc_id, c.ordinal, c.text_hash, c.text, _span_json(c.spans), c.paragraph, c.section, c.kind)
                for c in chunks])
            if doc.doc_type == "resolution" and self._has_resolution_text(db):
                db.execute("INSERT INTO resolution_text(rowid, text) SELECT rowid, text FROM chunks WHERE doc_id = ?",
                           (doc.doc_id,))
            if from_file:
                db.execute("INSERT INTO files VALUES (?,?,?)", (doc.doc_id, doc.path, doc.sha256))
            if collection is not None:
                db.execute("INSERT OR REPLACE INTO doc_collection VALUES (?, ?)", (doc.doc_id, collection))
            if reader is not None:
                db.execute("INSERT INTO readers VALUES (?, ?)", (doc.doc_id, reader))
            db.execute("DELETE FROM failures WHERE path = ? OR sha256 = ?", (doc.path, doc.sha256))
            self._bump(db)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        gone = old_hashes - {c.text_hash for c in chunks}
        self._drop_unreferenced(gone)
        if old_sha and old_sha[0] != doc.sha256:
            self._drop_file_copy(old_sha[0])

    def remove_document(self, doc_id: str) -> DocInfo:
        info = self.document(doc_id)
        hashes = self._hashes_of(doc_id)
        db = self._db()
        db.execute(_READERS)
        db.execute("BEGIN IMMEDIATE")
        try:
            self._delete_rows(db, doc_id)
            db.execute("DELETE FROM doc_collection WHERE doc_id = ?", (doc_id,))
            self._bump(db)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self._drop_unreferenced(hashes)
        self._drop_file_copy(info.sha256)
        return info

    # --- collections (access) -------------------------------------------------------------------------------
    def set_collection(self, doc_ids: Sequence[str], collection: str) -> list[str]:
        """Move documents to another collection in one transaction; returns those moved, in order (a document
        already in ``collection`` is left as it is, and when none moves nothing is written). Catalog only (no
        vectors change), so it is safe from any process while the web app serves; readers see it on their next
        catalog version check."""
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        moved: list[str] = []
        try:
            for doc_id in doc_ids:
                row = db.execute(f"SELECT {_COLLECTION_OF} FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
                if not row:
                    raise NotFoundError(f"no indexed document {doc_id!r}")
                if row[0] == collection or doc_id in moved:
                    continue
                db.execute("INSERT OR REPLACE INTO doc_collection VALUES (?, ?)", (doc_id, collection))
                moved.append(doc_id)
            if not moved:
                db.execute("ROLLBACK")  # nothing changed: no new catalog version for readers to reload
                return moved
            self._bump(db)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return moved

    def collection_counts(self) -> dict[str, int]:
        """Documents per collection (every collection that holds one)."""
        rows = self._db().execute(f"SELECT {_COLLECTION_OF}, count(*) FROM documents GROUP BY 1").fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def file_copy_dir(self, sha256: str) -> Path:
        """Where the private copy of an indexed file's bytes is kept for downloads and page views."""
        return self.layout.file_copy_dir(sha256)

    def _drop_file_copy(self, sha256: str | None) -> None:
        """The private copy of a file's bytes goes with the last document holding them."""
        if sha256 and not self._db().execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone():
            shutil.rmtree(self.file_copy_dir(sha256), ignore_errors=True)

    def record_failure(self, path: Path, sha256: str | None, reason: str) -> None:
        self._db().execute("INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?)",
                           (str(path), path.name, sha256, reason, time.strftime("%Y-%m-%dT%H:%M:%S")))

    def failures(self) -> list[dict[str, str]]:
        rows = self._db().execute("SELECT path, file_name, reason, at, sha256 FROM failures ORDER BY file_name")
        return [{"path": r[0], "file_name": r[1], "reason": r[2], "at": r[3], "sha256": r[4]} for r in rows]

    def sweep_orphans(self) -> int:
        """Delete vectors no committed chunk refers to (left by a run killed between Chroma and SQLite)."""
        referenced = {r[0] for r in self._db().execute("SELECT DISTINCT text_hash FROM chunks")}
        orphans: list[str] = []
        offset = 0
        while True:
            ids = self.collection.get(include=[], limit=20000, offset=offset)["ids"]
            if not ids:
                break
            orphans.extend(i for i in ids if i not in referenced)
            offset += len(ids)
        for i in range(0, len(orphans), 5000):
            self.collection.delete(ids=orphans[i:i + 5000])
        self._forget_vector_rows(orphans)
        return len(orphans)

    def _forget_vector_rows(self, hashes: list[str]) -> None:
        """Vectors deleted from Chroma leave the vector file's table too (their bytes stay, unread)."""
        if not hashes or not self._vector_file_complete():
            return
        for _ in _execute_in(self._db(), "DELETE FROM vector_rows WHERE text_hash IN ({marks})", hashes):
            pass  # a DELETE yields no rows; iterating runs each batch

    def hashes_of_documents(self, doc_ids: Iterable[str]) -> set[str]:
        """Text hashes of the chunks of these documents (one query per 900 ids)."""
        return {r[0] for r in _execute_in(self._db(), "SELECT DISTINCT text_hash FROM chunks WHERE doc_id IN ({marks})",
                                         list(doc_ids))}

    def _hashes_of(self, doc_id: str) -> set[str]:
        return {r[0] for r in self._db().execute("SELECT text_hash FROM chunks WHERE doc_id = ?", (doc_id,))}

    @staticmethod
    def _has_resolution_text(db: sqlite3.Connection) -> bool:
        """Whether the trigram index is there and this SQLite can write it (one without the trigram tokenizer, or
        without FTS5, opening a catalog built elsewhere cannot: its writes leave the index behind, not fail)."""
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'resolution_text'").fetchone() is None:
            return False
        try:
            db.execute("SELECT rowid FROM resolution_text WHERE resolution_text MATCH 'abc' LIMIT 0").fetchall()
        except sqlite3.OperationalError:
            return False
        return True

    def _delete_rows(self, db: sqlite3.Connection, doc_id: str) -> None:
        if self._has_resolution_text(db):  # an external-content index forgets a row only told its old text
            db.execute("INSERT INTO resolution_text(resolution_text, rowid, text) SELECT 'delete', c.rowid, c.text "
                       "FROM chunks c JOIN documents d USING (doc_id) WHERE c.doc_id = ? AND d.doc_type = 'resolution'",
                       (doc_id,))
        for table in ("documents", "pages", "chunks", "files", "readers"):
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def _drop_unreferenced(self, hashes: set[str]) -> None:
        if not hashes:
            return
        db = self._db()
        still = {r[0] for r in _execute_in(db, "SELECT DISTINCT text_hash FROM chunks WHERE text_hash IN ({marks})",
                                          list(hashes))}
        dead = [h for h in hashes if h not in still]
        if dead:
            self.collection.delete(ids=dead)
            self._forget_vector_rows(dead)
        # A text still used elsewhere keeps its vector; re-point its metadata so filters see a live document.
        for h in still:
            row = db.execute("SELECT c.doc_id, d.doc_type, d.year, d.symbol_key FROM chunks c JOIN documents d "
                             "USING (doc_id) WHERE c.text_hash = ? LIMIT 1", (h,)).fetchone()
            if row:
                self.collection.update(ids=[h], metadatas=[{"doc_id": row[0], "doc_type": row[1],
                                                            "year": row[2] or 0, "symbol_key": row[3] or ""}])
                if self._vector_file_complete():
                    db.execute("UPDATE vector_rows SET doc_id = ? WHERE text_hash = ?", (row[0], h))

    # --- reading -------------------------------------------------------------------------------------------
    def documents(self) -> list[DocInfo]:
        """Every document, newest first, DocInfo.about unset: callers fill it for the documents they show or rank
        (fill_about; for all of them it reads ~110 records' text and the catalogue records, ~1 s, which most callers
        never need)."""
        rows = self._db().execute(f"SELECT {self._columns()} FROM documents ORDER BY date DESC, symbol").fetchall()
        return [_docinfo(r) for r in rows]

    def fill_about(self, docs: Iterable[DocInfo]) -> None:
        """Set DocInfo.about on Council records whose title does not settle their places (refs.record_about): a
        title shared by several countries ("… on the Sudan and South Sudan", ~110 records of the full index), read
        from their passages, or one naming none ("The situation in the Middle East", ~1,500), from the catalogue
        record beside their XML; once per catalog version. Records only: a PDF's places are counted at ingest."""
        self._about_version()
        if self._about_kept != self._about[0]:
            self._place_every_document()
        for d in docs:
            if d.source == "bulk":
                if not d.missions:
                    d.about = list(self._narrowed(d.doc_id, d.title, d.path, d.symbol, d.date))
            elif d.missions:
                d.about = list(self._dominant(d.doc_id, d.missions))

    def _place_every_document(self) -> None:
        """Place every document that has places to find and keep them for this catalog version (~1 s on the full
        index), once for this process and every later one. Placing only those asked for left none kept after an
        ingest by another process or a change of the placing rules, and each CLI question naming a place paid
        ~0.7 s of it again."""
        with self._placing:
            version = self._about[0]
            if self._about_kept == version:  # another thread placed them meanwhile
                return
            for d in self.documents():
                if d.source == "bulk" and not d.missions:
                    self._narrowed(d.doc_id, d.title, d.path, d.symbol, d.date)
                elif d.source != "bulk" and d.missions:
                    self._dominant(d.doc_id, d.missions)
            if self._about[0] == version:  # not a newer catalog's cache, half filled
                self._keep_record_places(version, self._about[1])

    def keep_record_places(self) -> None:
        """Writers, after a change: place every Council record now and keep the places for this catalog version
        (~1 s on the full index), so each later CLI question reads them instead of placing its own again."""
        self.fill_about(())

    def _about_version(self) -> dict[str, tuple[str, ...]]:
        version = self.version()
        if self._about[0] != version:
            self._about = (version, self._kept_record_places(version))
        return self._about[1]

    def _kept_record_places(self, version: int) -> dict[str, tuple[str, ...]]:
        """Every record's places as a process before this one found them for this catalog version and these
        rules: reading them all costs ~0.6 s on the full index, which each CLI question naming a place paid."""
        from .refs import record_places_rules

        kept = self.kept("record-places", version, record_places_rules())
        if not isinstance(kept, dict):
            return {}
        self._about_kept = version
        return {doc_id: tuple(places) for doc_id, places in kept.items()}

    def _keep_record_places(self, version: int, cache: dict[str, tuple[str, ...]]) -> None:
        from .refs import record_places_rules

        self._about_kept = version
        self.keep("record-places", version, record_places_rules(), {k: list(v) for k, v in cache.items()})

    # --- what readers derived from the catalog, kept for the next process (layout.derived) -------------------
    def kept(self, name: str, version: int, rules: str) -> Any:
        """The value a process before this one kept under ``name`` for this catalog version and these ``rules``
        (a fingerprint of the code that derived it), or None. What one CLI question would otherwise derive again
        in each process: the places of Council records, the resolution passages that end something."""
        try:
            kept = json.loads(self.layout.derived(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(kept, dict) or kept.get("version") != version or kept.get("rules") != rules:
            return None
        return kept.get("value")

    def keep(self, name: str, version: int, rules: str, value: Any) -> None:
        """Keep ``value`` (JSON) under ``name`` for this catalog version and ``rules``, whole or not at all."""
        path = self.layout.derived(name)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")  # two threads may keep
        try:
            tmp.write_text(json.dumps({"version": version, "rules": rules, "value": value}), encoding="utf-8")
            os.replace(tmp, path)  # a reader never sees half a file
        except OSError as exc:  # a read-only index: each process derives it again
            log.debug("%s not kept: %s", name, exc)
            tmp.unlink(missing_ok=True)

    def chunks_at(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], Chunk]:
        """The passages at (doc_id, ordinal) ``keys`` that the catalog still holds."""
        found: dict[tuple[str, int], Chunk] = {}
        wanted = list(dict.fromkeys(keys))
        for i in range(0, len(wanted), SQLITE_VARIABLES // 2):
            part = wanted[i:i + SQLITE_VARIABLES // 2]
            # Joined, not "(doc_id, ordinal) IN (VALUES …)": SQLite scans the whole table for that form (~40 ms a
            # batch on the full index), and looks each key up by the primary key for this one.
            rows = self._db().execute(
                f"SELECT {', '.join('c.' + c.strip() for c in _CHUNK_COLS.split(','))} FROM "
                f"(VALUES {','.join('(?, ?)' for _ in part)}) AS k CROSS JOIN chunks c "
                "ON c.doc_id = k.column1 AND c.ordinal = k.column2", [v for key in part for v in key]).fetchall()
            for r in rows:
                c = _chunk(r)
                found[(c.doc_id, c.ordinal)] = c
        return found

    def _dominant(self, doc_id: str, detected: list[str]) -> tuple[str, ...]:
        """A PDF's detected places narrowed to those it is about (refs.dominant_places), counted in its passages
        once per catalog version (kept with the records' places)."""
        from .parse.meta import place_counts
        from .refs import dominant_places

        cache = self._about[1]
        if doc_id not in cache:
            text = " ".join(r[0] for r in self._db().execute(
                "SELECT text FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,)))
            cache[doc_id] = dominant_places(detected, place_counts(text, detected))
        return cache[doc_id]

    def _narrowed(self, doc_id: str, title: str | None, path: str | None = None, symbol: str | None = None,
                  date: str | None = None) -> tuple[str, ...]:
        from .refs import record_about

        cache = self._about[1]
        if doc_id not in cache:
            cache[doc_id] = record_about(title, path, symbol, date, lambda: " ".join(r[0] for r in self._db().execute(
                "SELECT text FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,))))
        return cache[doc_id]

    def document(self, doc_id_or_symbol: str) -> DocInfo:
        db = self._db()
        row = db.execute(f"SELECT {self._columns()} FROM documents WHERE doc_id = ?", (doc_id_or_symbol,)).fetchone()
        if row is None:
            named = db.execute(f"SELECT {self._columns()} FROM documents WHERE file_name = ? ORDER BY doc_id",
                               (doc_id_or_symbol,)).fetchall()
            if len(named) > 1:  # files of the same name from different folders: never pick one silently
                raise NotFoundError(f"{doc_id_or_symbol!r} names {len(named)} indexed documents",
                                    f"name one by its id: {', '.join(r[0] for r in named)}")
            row = named[0] if named else None
        if row is None:
            row = db.execute(f"SELECT {self._columns()} FROM documents WHERE symbol_key = ? ORDER BY date DESC",
                             (symbol_key(doc_id_or_symbol),)).fetchone()
        if row is None:
            raise NotFoundError(f"no indexed document {doc_id_or_symbol!r}")
        info = _docinfo(row)
        self.fill_about([info])
        return info

    def documents_with_bytes(self, sha256: str) -> list[DocInfo]:
        """The documents indexed from a file with this SHA-256 (one, but for a copy indexed into another collection
        of an index shared before identity by content)."""
        rows = self._db().execute(f"SELECT {self._columns()} FROM documents WHERE sha256 = ? ORDER BY doc_id",
                                  (sha256,)).fetchall()
        return [_docinfo(r) for r in rows]

    def page_text(self, doc_id: str, page: int | None) -> str:
        row = self._db().execute("SELECT text FROM pages WHERE doc_id = ? AND number = ?",
                                 (doc_id, 1 if page is None else page)).fetchone()
        return row[0] if row else ""

    def chunks_by_hash(self, hashes: Sequence[str]) -> dict[str, list[Chunk]]:
        """Every occurrence of each text hash."""
        out: dict[str, list[Chunk]] = {}
        for r in _execute_in(self._db(), f"SELECT {_CHUNK_COLS} FROM chunks WHERE text_hash IN ({{marks}})", hashes):
            out.setdefault(r[2], []).append(_chunk(r))
        return out

    def label_continuations(self, chunks: list[Chunk]) -> None:
        """Give a passage that continues a numbered paragraph that paragraph's number, in place.

        A report's numbered paragraph is sometimes split into two blocks (a line ends after a footnote mark: "…a
        growing concern affecting the population. ⁴⁹" / "Since then, multiple reports…"), and the second block,
        carrying no number of its own, was indexed with none. In a UN report every body paragraph is numbered, so
        unnumbered body text right after paragraph N (footnotes between them aside) is still paragraph N; a
        heading in between, a letter or a summary (no numbered paragraph before) keep no number."""
        db = self._db()
        for chunk in chunks:
            if chunk.kind not in ("text", "numbered", "heading") or all(s.label for s in chunk.spans):
                continue
            carried = None  # the number the next unnumbered block continues
            if chunk.kind == "text" and chunk.spans and chunk.spans[0].label is None:
                rows = db.execute("SELECT spans, kind FROM chunks WHERE doc_id = ? AND ordinal < ? "
                                  "ORDER BY ordinal DESC LIMIT 8", (chunk.doc_id, chunk.ordinal)).fetchall()
                for spans_json, kind in rows:
                    labels = [s.label for s in _spans(spans_json) if s.label]
                    if kind == "footnote" or (labels and labels[-1].startswith(("fn", "en "))):
                        continue  # footnotes sit at the foot of the page, between a paragraph and its continuation
                    carried = labels[-1] if labels and _NUMBERED_LABEL.match(labels[-1]) else None
                    break
            spans = chunk.spans
            i = 0
            while i < len(spans):
                if spans[i].label is not None:
                    carried = spans[i].label if _NUMBERED_LABEL.match(spans[i].label or "") else None
                    i += 1
                    continue
                j = i  # a run of unnumbered spans (one block may cross a page): spans[i:j]
                while j < len(spans) and spans[j].label is None:
                    j += 1
                end = spans[j].at if j < len(spans) else len(chunk.text)
                # A heading ("Progress achieved on benchmark (b): formation …") ends without a full stop.
                if carried and _SENTENCE_END.search(chunk.text[spans[i].at:end]):
                    for span in spans[i:j]:
                        span.label = carried
                else:
                    carried = None
                i = j
            chunk.paragraph = chunk.paragraph or next((s.label for s in chunk.spans if s.label), None)

    def later_resolutions_naming(self, needle: str | tuple[str, ...], after: str, limit: int = 150,
                                 oldest_first: bool = False) -> list[Chunk]:
        """Passages of resolutions dated after ``after`` whose text holds ``needle`` (a resolution's number, a
        mission's name: a later decision that may renew it; or any of several), newest first (or oldest first), at
        most ``limit``; a substring search (case-insensitive): through the trigram index of resolution passages
        when it is current, a scan otherwise (30-70 ms on the full index)."""
        needles = (needle,) if isinstance(needle, str) else needle
        patterns = [f"%{n}%" for n in needles]
        through, args = "", []
        if all(len(n) >= _TRIGRAM for n in needles) and self._resolution_text_current():
            # The trigram index names the candidates; the LIKE below still decides, as without it.
            through = ("c.rowid IN (" + " UNION ".join("SELECT rowid FROM resolution_text WHERE text LIKE ?"
                                                       for _ in needles) + ") AND ")
            args = patterns
        order = "ASC" if oldest_first else "DESC"

        def search(through: str, args: list[str]) -> list[Any]:
            return self._db().execute(
                f"SELECT {', '.join('c.' + c.strip() for c in _CHUNK_COLS.split(','))} FROM chunks c JOIN documents d "
                f"USING (doc_id) WHERE {through}d.doc_type = 'resolution' AND d.date > ? AND "
                f"({' OR '.join('c.text LIKE ?' for _ in needles)}) ORDER BY d.date {order}, c.ordinal, d.rowid "
                "LIMIT ?",  # d.rowid: a PDF and its XML of one date in one order, by either plan
                (*args, after, *patterns, limit)).fetchall()

        try:
            rows = search(through, args)
        except sqlite3.OperationalError as exc:  # an SQLite that cannot read the index built elsewhere
            if not through:
                raise
            log.debug("resolution passages searched by scan: %s", exc)
            rows = search("", [])
        return [_chunk(r) for r in rows]

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        rows = self._db().execute(f"SELECT {_CHUNK_COLS} FROM chunks WHERE doc_id = ? ORDER BY ordinal",
                                  (doc_id,)).fetchall()
        return [_chunk(r) for r in rows]

    def unique_texts(self) -> list[tuple[str, str, str]]:
        """(text_hash, text, document context) per distinct chunk text, for the lexical index."""
        # An analysis is found by its authors and publisher too ("what does Boutellis say about ...").
        who = ("CASE WHEN d.origin = 'analysis' THEN ' ' || coalesce(d.authors, '') || ' ' || "
               "coalesce(d.publisher, '') ELSE '' END" if "'un' AS origin" not in self._columns() else "''")
        rows = self._db().execute(
            "SELECT c.text_hash, c.text, coalesce(d.symbol, '') || ' ' || coalesce(d.title, '') || ' ' || "
            f"coalesce(c.section, '') || {who} FROM chunks c JOIN documents d USING (doc_id) "
            "GROUP BY c.text_hash ORDER BY c.text_hash").fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def resolve_filters(self, f: Filters) -> list[str] | None:
        """Document ids allowed by the filters (None: no restriction)."""
        if not f.active():
            return None
        clauses: list[str] = []
        args: list[Any] = []
        if f.doc_types:
            clauses.append(f"doc_type IN ({','.join('?' * len(f.doc_types))})")
            args.extend(f.doc_types)
        if f.year_from:
            clauses.append("year >= ?")
            args.append(f.year_from)
        if f.year_to:
            clauses.append("year <= ?")
            args.append(f.year_to)
        if f.doc_ids:
            clauses.append(f"(doc_id IN ({','.join('?' * len(f.doc_ids))}))")
            args.extend(f.doc_ids)
        if f.collections is not None:
            clauses.append(f"{_COLLECTION_OF} IN ({','.join('?' * len(f.collections)) or 'NULL'})")
            args.extend(f.collections)
        if f.origin:
            # A catalog from before analyses has no origin column: all its documents are UN documents.
            clauses.append("coalesce(origin, 'un') = ?" if "'un' AS origin" not in self._columns() else "'un' = ?")
            args.append(f.origin)
        rows = self._db().execute(f"SELECT doc_id, symbol, missions, title, source, path, date FROM documents "
                                  f"{'WHERE ' + ' AND '.join(clauses) if clauses else ''}", args).fetchall()
        allowed = []
        from .refs import about_any
        from .symbols import symbols_match

        if f.missions:
            self._about_version()
        for doc_id, symbol, missions, title, source, path, date in rows:
            if f.symbols and not any(symbols_match(symbol, s) for s in f.symbols):
                continue
            detected = json.loads(missions or "[]")
            if f.missions and not about_any(detected, title, f.missions,
                                            self._narrowed(doc_id, title, path, symbol, date)
                                            if source == "bulk" and not detected else
                                            self._dominant(doc_id, detected) if detected and source != "bulk" else ()):
                continue
            allowed.append(doc_id)
        return allowed

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
        with self._lock:
            self._vector_map = None  # the mapping holds the file open until collected


_COLLECTION_OF = ("coalesce((SELECT name FROM doc_collection dc WHERE dc.doc_id = documents.doc_id), "
                  "'general')")
_DOC_COLS = ("doc_id, file_name, path, sha256, source, symbol, doc_type, title, date, language, pages, chunks, "
             f"empty_pages, warnings, missions, ingested_at, {_COLLECTION_OF}")
_OCR_PAGES = "(SELECT json_group_array(number) FROM pages p WHERE p.doc_id = documents.doc_id AND p.ocr)"
# Columns added for analyses: (name, type, value read from a catalog written before them).
_ANALYSIS_COLS = (("origin", "TEXT", "'un'"), ("authors", "TEXT", "'[]'"), ("publisher", "TEXT", "NULL"),
                  ("report_number", "TEXT", "NULL"))
_CHUNK_COLS = "doc_id, ordinal, text_hash, text, spans, paragraph, section, kind"
_SENTENCE_END = re.compile(r"[.;:!?][\"”’')]*[\s⁰¹²³⁴⁵⁶⁷⁸⁹\d]*$")  # a footnote mark may follow the stop
_NUMBERED_LABEL = re.compile(r"\d{1,3}(?: \([a-z]{1,2}\)| \([ivx]{1,5}\))*$")


def _docinfo(r: Sequence[Any]) -> DocInfo:
    return DocInfo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                   json.loads(r[12] or "[]"), json.loads(r[13] or "[]"), json.loads(r[14] or "[]"), r[15],
                   collection=r[16], origin=r[17] or "un", authors=json.loads(r[18] or "[]"), publisher=r[19],
                   report_number=r[20], ocr_pages=json.loads(r[21] or "[]"))


def _chunk(r: Sequence[Any]) -> Chunk:
    return Chunk(text_hash=r[2], doc_id=r[0], ordinal=r[1], text=r[3], spans=_spans(r[4]), paragraph=r[5],
                 section=r[6], kind=r[7])


class _ServedCollection:
    """A collection on a Chroma server whose calls turn a lost connection into StoreUnavailable."""

    def __init__(self, collection: Any, settings: Settings) -> None:
        self._collection = collection
        self._settings = settings

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._collection, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            with _reaching(self._settings):
                return attr(*args, **kwargs)

        return call


@contextmanager
def _reaching(settings: Settings) -> Iterator[None]:
    import httpx

    try:
        yield
    except httpx.TransportError as exc:  # refused, reset, timed out
        raise _unavailable(settings, exc) from exc


def _unavailable(settings: Settings, exc: Exception) -> StoreUnavailable:
    host, port = settings.chroma_host, settings.chroma_port
    reason = str(exc) or type(exc).__name__
    if "tenant" in reason:
        reason = "something that is not a Chroma server answers on that port"
    elif "Are you sure it is running" in reason:
        reason = "connection refused"
    return StoreUnavailable(f"cannot reach the Chroma server at {host}:{port} ({reason})",
                            f"start it with `chroma run --path DIR --host {host} --port {port}` or unset "
                            "chroma_host (BRIEFBOT_CHROMA_HOST) to use the embedded store")


def open_store(settings: Settings) -> Store:
    """An existing index; raises IndexMissingError with the remedy when there is none."""
    return Store(settings, create=False)


SQLITE_VARIABLES = 900  # host parameters per statement, under SQLite's default limit


def _execute_in(db: sqlite3.Connection, sql: str, values: Sequence[str | int]) -> Iterator[Any]:
    """Run ``sql``, whose ``{marks}`` is an IN list, over ``values`` in batches SQLite accepts; yields the rows."""
    for i in range(0, len(values), SQLITE_VARIABLES):
        part = list(values[i:i + SQLITE_VARIABLES])
        yield from db.execute(sql.format(marks=",".join("?" * len(part))), part)
