"""Ingest: files → parse (isolated, ahead) → chunk → embed (only new texts) → store, one document at a time.

Parsing runs in child processes while this process embeds, so the two overlap. Unchanged files (same name,
same SHA-256) are skipped before parsing; a changed file replaces its chunks; texts already in the index are
not embedded again.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .chunk import chunk_document, token_counter
from .config import Settings
from .embed import Embedder, EmbeddingCache, embedder_for
from .lexical import LexicalIndex
from .models import Chunk, Document
from .parse import SUPPORTED_SUFFIXES, ParseOutcome, ParserPool
from .store import Store

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
_EMBED_BATCH = 256  # chunks gathered across documents before one model call (less padding, better throughput)
_WALKED = (*SUPPORTED_SUFFIXES, ".jsonl")  # .jsonl: the bulk Council records (one document per line)
# Failures that say nothing about the bytes (a slow or busy machine, a killed child, a size limit that may
# have been raised): tried again next run.
_RETRIED = ("parser timed out", "parser crashed", "parser ran out of memory", "file too large")


@dataclass(slots=True)
class FileResult:
    path: str
    status: str  # ingested | replaced | unchanged | no_text | failed
    reason: str | None = None
    doc_id: str | None = None
    symbol: str | None = None
    doc_type: str | None = None
    pages: int = 0
    chunks: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == "failed"


@dataclass(slots=True)
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    embed_seconds: float = 0.0
    embedded: int = 0
    pages: int = 0

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.failed]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.results:
            out[r.status] = out.get(r.status, 0) + 1
        return out


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[FileResult]]:
    """Files to ingest (folders walked recursively, sorted), plus results for paths that do not exist."""
    files: list[Path] = []
    missing: list[FileResult] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in _WALKED))
        elif p.is_file():
            files.append(p)
        else:
            missing.append(FileResult(str(p), "failed", "no such file or folder"))
    return list(dict.fromkeys(files)), missing


def file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def ingest_paths(paths: Iterable[Path], settings: Settings, progress: Progress | None = None,
                 store: Store | None = None, embedder: Embedder | None = None) -> IngestReport:
    """Entry point of the ingest stage."""
    started = time.perf_counter()
    store = store or Store(settings)
    report = IngestReport()
    files, missing = discover(paths)
    report.results.extend(missing)
    known = store.known()
    failed_before = {f["sha256"]: f["reason"] for f in store.failures()
                     if f.get("sha256") and not f["reason"].startswith(_RETRIED)}
    todo: list[Path] = []
    records: list[tuple[Path, str]] = []
    for f in files:
        digest = file_sha256(f)
        if digest is None:
            report.results.append(FileResult(str(f), "failed", "cannot read file (permission denied?)"))
            store.record_failure(f, None, "cannot read file")
            continue
        if f.stat().st_size > settings.max_file_mb * 1e6:
            reason = f"file too large ({f.stat().st_size / 1e6:.1f} MB > max_file_mb {settings.max_file_mb:g})"
            report.results.append(FileResult(str(f), "failed", reason))
            store.record_failure(f, digest, reason)
            continue
        if f.suffix.lower() == ".jsonl":
            if store.flag(f"jsonl:{f.name}") == digest:
                report.results.append(FileResult(str(f), "unchanged", doc_id=f.name))
            else:
                records.append((f, digest))
            continue
        if known.get(f.name, ("", None))[0] == digest:
            report.results.append(FileResult(str(f), "unchanged", doc_id=f.name))
            continue
        if digest in failed_before:
            # Same bytes failed last time: report the reason again without re-parsing.
            report.results.append(FileResult(str(f), "failed", f"{failed_before[digest]} (unchanged since the "
                                             "last attempt)"))
            continue
        todo.append(f)
    total = len(todo)
    if progress:
        progress(0, total, f"{len(files) - total} unchanged; parsing {total}")
    with store.writing():  # one writer at a time, also across processes (web app + CLI on a Chroma server)
        if store.flag("ingest_open"):
            # The last run was killed between writing vectors and committing their document: sweep them.
            swept = store.sweep_orphans()
            log.info("swept %d vectors left by an interrupted ingest", swept)
        if todo or records:
            embedder = embedder or embedder_for(settings)
            store.set_flag("ingest_open", "1")
            parsing_done = threading.Event()
            parsed = _parsed(todo, settings, parsing_done)
            try:
                outcomes = itertools.chain(parsed, *(_records(f, store, known) for f, _ in records))
                _run(outcomes, len(todo), settings, store, embedder, known, report, progress, parsing_done)
            finally:
                parsed.close()  # stops the parser thread and its processes if _run failed half way
            for f, digest in records:
                store.set_flag(f"jsonl:{f.name}", digest)
            store.set_flag("ingest_open", None)
            if any(r.status in ("ingested", "replaced", "no_text") for r in report.results):
                LexicalIndex(store).rebuild()
    report.seconds = time.perf_counter() - started
    return report


def _parsed(todo: list[Path], settings: Settings, done: threading.Event) -> Generator[ParseOutcome, None, None]:
    """Parse in a background thread (children do the work) so embedding overlaps parsing; ``done`` is set when the
    parser processes have finished."""
    q: queue.Queue[ParseOutcome | None] = queue.Queue(maxsize=8)

    stop = threading.Event()

    def feed() -> None:
        try:
            if not todo:  # only bulk records: no parser processes
                return
            with ParserPool(settings.parse_workers, settings.parse_timeout_s) as pool:
                for outcome in pool.parse(todo):
                    while not stop.is_set():
                        try:
                            q.put(outcome, timeout=0.2)
                            break
                        except queue.Full:
                            continue
                    if stop.is_set():
                        return
        finally:
            done.set()
            if not stop.is_set():
                q.put(None)

    thread = threading.Thread(target=feed, name="briefbot-parse", daemon=True)
    thread.start()
    try:
        while (item := q.get()) is not None:
            yield item
    finally:
        # Closed early (an error while embedding or committing): the feeder stops after the file it is on and
        # closes its parser processes, instead of blocking for ever on a full queue.
        stop.set()
    thread.join()


def _records(path: Path, store: Store, known: dict[str, tuple[str, str | None]]) -> Iterator[ParseOutcome]:
    """Bulk JSONL records as parse outcomes; records already indexed unchanged (or as XML files) are skipped."""
    from .errors import DocumentError
    from .parse.akn import iter_jsonl

    have_xml = {d.symbol for d in store.documents() if d.source == "bulk" and d.file_name.endswith(".xml")}
    try:
        for doc in iter_jsonl(path, skip_symbols={s for s in have_xml if s}):
            if known.get(doc.doc_id, ("", None))[0] != doc.sha256:
                yield ParseOutcome(path, doc, None, 0.0)
    except DocumentError as exc:
        yield ParseOutcome(path, None, exc.message, 0.0)


def _run(outcomes: Iterator[ParseOutcome], total: int, settings: Settings, store: Store, embedder: Embedder,
         known: dict[str, tuple[str, str | None]], report: IngestReport, progress: Progress | None,
         parsing_done: threading.Event | None = None) -> None:
    count = token_counter(embedder.path)
    cache = EmbeddingCache(Path(settings.index) / "embeddings.sqlite", embedder.name) if settings.embedding_cache \
        else None
    pending: list[tuple[Document, list[Chunk], FileResult]] = []
    new_texts: dict[str, Chunk] = {}
    done = 0

    def flush() -> None:
        if not pending:
            return
        chunks = list(new_texts.values())
        cached = cache.get([c.text_hash for c in chunks]) if cache else {}
        todo = [c for c in chunks if c.text_hash not in cached]
        t0 = time.perf_counter()
        # Once the parser processes are done the embedder may use both cores (ingest_threads).
        threads = settings.ingest_threads if parsing_done is None or parsing_done.is_set() else None
        fresh = embedder.embed_documents([c.text for c in todo], threads=threads)
        report.embed_seconds += time.perf_counter() - t0
        report.embedded += len(todo)
        if cache and todo:
            cache.put([c.text_hash for c in todo], fresh)
        made = {c.text_hash: v for c, v in zip(todo, fresh, strict=True)}
        vectors = np.stack([made[c.text_hash] if c.text_hash in made else cached[c.text_hash] for c in chunks]) \
            if chunks else fresh
        store.add_vectors(chunks, vectors, {d.doc_id: d for d, _, _ in pending})
        for doc, doc_chunks, result in pending:
            store.commit_document(doc, doc_chunks)
            report.results.append(result)
        pending.clear()
        new_texts.clear()

    for outcome in outcomes:
        done += 1
        path = outcome.path
        if outcome.document is None:
            reason = outcome.error or "unknown parser error"
            report.results.append(FileResult(str(path), "failed", reason))
            store.record_failure(path, file_sha256(path), reason)
            if progress:
                progress(done, max(total, done), f"failed {path.name}: {reason}")
            continue
        doc = outcome.document
        chunks = chunk_document(doc, settings.chunk_max_tokens, settings.chunk_min_chars, count)
        fresh = [c for c in chunks if c.text_hash not in new_texts]
        present = store.existing_hashes(c.text_hash for c in fresh)
        for c in fresh:
            if c.text_hash not in present:
                new_texts[c.text_hash] = c
        status = "replaced" if doc.doc_id in known else "ingested"
        if not chunks:
            status = "no_text"
        report.pages += doc.page_count
        pending.append((doc, chunks, FileResult(str(path), status, None, doc.doc_id, doc.symbol, doc.doc_type,
                                                doc.page_count, len(chunks), list(doc.warnings))))
        if progress:
            progress(done, max(total, done), f"{doc.file_name}: {doc.symbol or '?'} ({len(chunks)} chunks)")
        if len(new_texts) >= _EMBED_BATCH:
            flush()
    flush()


def remove_documents(ids: Iterable[str], settings: Settings, store: Store | None = None) -> list[str]:
    """Drop documents (by file name or symbol) from the index; returns the removed doc ids."""
    store = store or Store(settings, create=False)
    with store.writing():
        removed = [store.remove_document(store.document(i).doc_id).doc_id for i in ids]
        if removed:
            LexicalIndex(store).rebuild()
    return removed
