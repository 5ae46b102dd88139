"""Ingest: files → parse (isolated, ahead) → chunk → embed (only new texts) → store, one document at a time.

Parsing runs in child processes while this process embeds, so the two overlap. Unchanged files (same path,
same SHA-256) are skipped before parsing; a changed file replaces its document only when asked (``replace``); a
file named like an indexed one is a new document; texts already in the index are not embedded again.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import logging
import os
import queue
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .chunk import chunk_document, token_counter
from .config import Settings
from .embed import Embedder, EmbeddingCache, embedder_for
from .lexical import LexicalIndex, rebuild_niced
from .models import Chunk, DocInfo, Document, author_names
from .parse import SUPPORTED_SUFFIXES, OcrOptions, ParseOutcome, ParserPool
from .store import Store

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
# The version of the reading code: parsing and chunking. Raise it when they read an unchanged file differently
# (a quote cut at "Hanna S.", a scan's date): each indexed document keeps the version that read it, and the next
# ingest of its file (or JSONL) reads it again instead of skipping it as unchanged. tests/test_reader_version.py
# fails when the samples' passages change without it.
READER_VERSION = 9  # 2: a name broken at its hyphen over two lines is joined ("Port-au-Prince"); 3: an annex numbered
# anew is labelled with it ("annex, 6"), and a 1990s page's "English / Page 2" and "/..." are running heads; 4: the
# Council's JSONL records' annexes too, and "Annex 3.1", "Annex-II", appendices named as printed; 5: a PDF line's type
# size is read from its letters, not its footnote markers ("year.¹⁵³" is body type); 6: a title's line opening with an
# organ's name ("Security Council Committee …", "United Nations system") is the title's, not the masthead's; 7: a
# title ends before the report's "Summary" heading and loses its footnote mark ("Secretary-General*"); 8: a UN
# document's line that pdfium split after a footnote marker is one line, not a paragraph start ("platforms.⁷ In its");
# 9: a numbered sub-heading read as paragraph "1" no longer takes the numbers of the paragraphs going on after it, and
# a line ending in a spaced hyphen joins a compound ("Juba-appointed") or keeps a dash's spaces ("children - had")
_EMBED_BATCH = 256  # chunks gathered across documents before one model call (less padding, better throughput)
_WALKED = (*SUPPORTED_SUFFIXES, ".jsonl")  # .jsonl: the bulk Council records (one document per line)
# A folder's own notes (README.txt, SOURCE.txt beside the samples) are not documents; named alone they are read.
_NOTES = re.compile(r"^(?:README|SOURCE|LICEN[CS]E|NOTICE|CHANGELOG|CONTRIBUTING|MANIFEST)(?:\.\w+)?$", re.I)
# Failures that say nothing about the bytes (a slow or busy machine, a killed child, a size limit that may
# have been raised): tried again next run.
_RETRIED = ("parser timed out", "parser crashed", "parser ran out of memory", "file too large")


@dataclass(slots=True)
class FileResult:
    path: str
    status: str  # ingested | replaced | unchanged | duplicate | refused | skipped | no_text | failed
    reason: str | None = None
    doc_id: str | None = None
    symbol: str | None = None
    doc_type: str | None = None
    pages: int = 0
    chunks: int = 0
    warnings: list[str] = field(default_factory=list)
    cited_as: str | None = None  # an analysis (no symbol): "Boutellis, Oxford Research Group"

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
    """Files to ingest (folders walked recursively, sorted), plus a result for every path that cannot be read:
    missing, a symbolic link that loops or points nowhere, a link to a folder (not followed, so a loop cannot
    make the walk endless)."""
    files: list[Path] = []
    problems: list[FileResult] = []
    for p in paths:
        if p.is_dir():
            found, bad = _walk(p)
            files.extend(found)
            problems.extend(bad)
        elif p.is_file():
            files.append(p)
        else:
            problems.append(FileResult(str(p), "failed", _unreadable(p) or "no such file or folder"))
    return list(dict.fromkeys(files)), problems


def _walk(folder: Path) -> tuple[list[Path], list[FileResult]]:
    found: list[Path] = []
    bad: list[FileResult] = []
    for root, dirs, names in os.walk(folder):  # does not descend into links to folders
        here = Path(root)
        for d in sorted(dirs):
            if (here / d).is_symlink():
                bad.append(FileResult(str(here / d), "skipped", "symbolic link to a folder: not followed (pass "
                                      "its target to ingest it)"))
        for name in sorted(names):
            f = here / name
            if f.is_symlink():
                reason = _unreadable(f)
                if reason:
                    bad.append(FileResult(str(f), "failed", reason))
                    continue
            if f.suffix.lower() in _WALKED and f.is_file() and not _NOTES.match(name):
                found.append(f)
    return sorted(found), bad


def _unreadable(path: Path) -> str | None:
    """Why a symbolic link cannot be read (a loop, or a target that does not exist), else None."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back to itself)"
        if path.is_symlink():
            return f"broken symbolic link (its target {os.readlink(path)} does not exist)"
        return None
    return None


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


def stage_copy(src: Path, dest: Path) -> Path:
    """Copy ``src`` to ``dest`` (an upload into the index), never over other bytes: when ``dest`` holds another
    file, the copy is ``<stem>~<sha8><suffix>`` beside it. Returns where the bytes are."""
    digest = file_sha256(src)
    if digest is None:
        raise OSError(f"cannot read {src}")
    if dest.exists() and file_sha256(dest) != digest:
        dest = dest.with_name(f"{dest.stem}~{digest[:8]}{dest.suffix}")
    if not dest.exists() or file_sha256(dest) != digest:
        part = dest.with_name(f".{dest.name}.part")
        shutil.copyfile(src, part)
        os.replace(part, dest)
    return dest


def ingest_paths(paths: Iterable[Path], settings: Settings, progress: Progress | None = None,
                 store: Store | None = None, embedder: Embedder | None = None, replace: bool = False,
                 collection: str | None = None, reparse: dict[Path, tuple[str, str]] | None = None,
                 nice: int = 0) -> IngestReport:
    """Entry point of the ingest stage.

    A file is the document indexed from the same path (unchanged when its bytes are, refused when they changed
    unless ``replace``) or a new document; never another document because it has the same name. A second file
    with a name already indexed gets its own id (``name~<sha8>``); the same bytes at a second path are reported
    as a duplicate, not indexed twice. ``replace`` replaces, logged, the document at the same path or else the
    one with the same file name.

    ``collection`` puts every document this run ingests, replaces or finds unchanged into that access collection
    (None: new documents go to "general", others keep theirs). ``reparse`` maps a file to (doc_id, path): parse it
    again as that document even though its bytes are unchanged, keeping ``path`` as the document's own (a
    re-ingest from the index's private copy of the file). ``nice``: the parser processes lower their priority by
    this much (a web app's ingest, beside its answers).
    """
    started = time.perf_counter()
    store = store or Store(settings)
    report = IngestReport()
    files, missing = discover(paths)
    report.results.extend(missing)
    known = store.known()
    failed_before = {f["sha256"]: f["reason"] for f in store.failures()
                     if f.get("sha256") and not f["reason"].startswith(_RETRIED)}
    plan = _Plan(store, replace, reparse)
    awaiting_ocr = _awaiting_ocr(store, settings)
    older = store.read_before(READER_VERSION)
    todo: list[Path] = []
    records: list[tuple[Path, str, bool]] = []  # (JSONL, digest, unchanged: read only for its older records)
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
            unchanged = store.flag(f"jsonl:{f.name}") == digest
            if unchanged and not _older_records(f, older, store):
                report.results.append(FileResult(str(f), "unchanged", doc_id=f.name))
            else:
                records.append((f, digest, unchanged))
            continue
        decided = plan.decide(f, digest)
        if decided is not None and decided.status == "unchanged" and decided.doc_id in awaiting_ocr:
            # Indexed before OCR could read its scanned pages, and now it can: read it again.
            plan.reread(f, digest, decided.doc_id, "OCR can now read its pages without text")
            decided = None
        elif decided is not None and decided.status == "unchanged" and decided.doc_id and decided.doc_id in older:
            plan.reread(f, digest, decided.doc_id, "an earlier version of briefbot read it")
            decided = None
        if decided is not None:
            report.results.append(decided)
            continue
        if digest in failed_before and not plan.forced(f):
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
        for doc_id, path in plan.moved:
            store.set_path(doc_id, path)
        if todo or records:
            embedder = embedder or embedder_for(settings)
            store.set_flag("ingest_open", str(time.time()))  # when: readers take an old one for a killed run
            parsed = _ParseFeed(todo, settings, nice=nice)
            xml_symbols: set[str] = set()  # this run's Council XML, parsed but maybe not yet committed
            try:
                outcomes = itertools.chain(_noting_xml(parsed, xml_symbols),
                                           *(_records(f, store, known, xml_symbols, older.keys(), unchanged)
                                             for f, _, unchanged in records))
                _run(outcomes, len(todo), settings, store, embedder, known, report, progress, plan, parsed.idle,
                     collection, older.keys())
            finally:
                parsed.close()  # stops the parser thread and its processes if _run failed half way
            for f, digest, _ in records:
                store.set_flag(f"jsonl:{f.name}", digest)
            if any(r.status in ("ingested", "replaced", "no_text") for r in report.results):
                if nice:  # beside a serving app's answers
                    rebuild_niced(store, nice)
                else:
                    LexicalIndex(store).rebuild()
                store.keep_record_places()
            # Cleared after the lexical build: readers keep theirs until this one is on disk (else each would
            # start a build of its own at the same time).
            store.set_flag("ingest_open", None)
        if collection is not None:
            kept = [r.doc_id for r in report.results if r.status == "unchanged" and r.doc_id]
            if kept:
                indexed = store.known()
                store.set_collection([d for d in kept if d in indexed], collection)
    report.seconds = time.perf_counter() - started
    return report


class _Plan:
    """Which document each file is: identity by path and content, never by bare file name."""

    def __init__(self, store: Store, replace: bool, reparse: dict[Path, tuple[str, str]] | None = None) -> None:
        self.replace = replace
        self.reparse = {_resolved(p): v for p, v in (reparse or {}).items()}
        self.keep_path: dict[str, str] = {}  # resolved path parsed -> the path the document keeps
        self.by_path: dict[str, tuple[str, str]] = {}  # resolved path -> (doc_id, sha256), files only
        self.by_sha: dict[str, tuple[str, str | None]] = {}  # sha256 -> (doc_id, path)
        known = store.known()
        self.ids: set[str] = set(known)
        for doc_id, path, sha in store.file_documents():
            if path:
                self.by_path[_resolved(Path(path))] = (doc_id, sha)
        for doc_id, (sha, path) in known.items():  # a record's digest is of its text: it never equals a file's
            self.by_sha.setdefault(sha, (doc_id, path))
        self.assigned: dict[str, str] = {}  # resolved path -> doc id the parsed document gets
        self.moved: list[tuple[str, str]] = []  # (doc_id, new path) for indexed files found at a new path
        self.why: dict[str, str] = {}  # doc_id -> why an unchanged file is read again (its result's reason)

    def decide(self, f: Path, digest: str) -> FileResult | None:
        """A result for a file that needs no parsing (unchanged, duplicate, refused), else None with its id set."""
        where = _resolved(f)
        if where in self.reparse:
            doc_id, original = self.reparse[where]
            self._claim(where, digest, doc_id, replacing=True)
            self.keep_path[where] = original
            self.assigned[original] = doc_id
            return None
        same = self.by_sha.get(digest)
        if same is not None and same[1] and _resolved(Path(same[1])) == where:
            return FileResult(str(f), "unchanged", doc_id=same[0])
        at_path = self.by_path.get(where)
        if at_path is not None:
            doc_id, sha = at_path
            if sha == digest:
                return FileResult(str(f), "unchanged", doc_id=doc_id)
            if not self.replace:
                # No doc_id: callers (triage, summarise) must not take the indexed old version for this file.
                return FileResult(str(f), "refused", f"the file changed since it was indexed as {doc_id}; "
                                  "pass --replace to replace the indexed document with it")
            self._claim(where, digest, doc_id, replacing=True)
            return None
        if same is not None:
            doc_id, old = same
            if old and not Path(old).exists():
                # The indexed file moved: same bytes, so the document is found at its new path.
                self.moved.append((doc_id, where))
                self.by_sha[digest] = (doc_id, where)
                return FileResult(str(f), "unchanged", doc_id=doc_id)
            # The indexed document's id, never its path: the web shows this reason, and the path is the server's.
            return FileResult(str(f), "duplicate", f"same content as {doc_id}, already indexed; not indexed twice",
                              doc_id=doc_id)
        name = f.name
        if self.replace and name in self.ids:
            self._claim(where, digest, name, replacing=True)
            return None
        doc_id = name if name not in self.ids else f"{f.stem}~{digest[:8]}{f.suffix}"
        self._claim(where, digest, doc_id, replacing=False)
        return None

    def reread(self, f: Path, digest: str, doc_id: str, why: str) -> None:
        """Parse an unchanged file again into its own document (OCR has become possible, or the reading code
        changed)."""
        log.info("reading %s again: %s", doc_id, why)
        self.by_sha[digest] = (doc_id, _resolved(f))
        self.assigned[_resolved(f)] = doc_id
        self.why[doc_id] = f"read again: {why}"

    def _claim(self, where: str, digest: str, doc_id: str, replacing: bool) -> None:
        if replacing:
            log.warning("replacing the indexed document %s with %s (sha256 %s), as requested", doc_id, where,
                        digest[:12])
        self.ids.add(doc_id)
        self.by_sha[digest] = (doc_id, where)
        self.by_path[where] = (doc_id, digest)
        self.assigned[where] = doc_id

    def forced(self, f: Path) -> bool:
        return _resolved(f) in self.reparse

    def from_file(self, doc: Document) -> bool:
        return doc.path is not None and self.assigned.get(doc.path) == doc.doc_id

    def identify(self, doc: Document, path: Path) -> None:
        """Give a parsed file the id and (absolute) path decided for it."""
        where = _resolved(path)
        doc_id = self.assigned.get(where)
        if doc_id is None:  # a bulk record: its own id
            return
        if doc_id != doc.file_name:
            doc.warnings.append(f"another document is indexed as {doc.file_name}; this one is {doc_id}")
        doc.doc_id = doc_id
        doc.path = self.keep_path.get(where, where)


def ocr_options(settings: Settings) -> OcrOptions:
    return OcrOptions(settings.ocr, settings.ocr_language, settings.ocr_timeout_s)


def _awaiting_ocr(store: Store, settings: Settings) -> set[str]:
    """Documents with pages OCR did not read, when OCR works now (on, Tesseract and its language installed)."""
    from .parse.ocr import unavailable

    waiting = {d.doc_id for d in store.documents() if any("needs OCR" in w for w in d.warnings)}
    if not waiting or not settings.ocr or unavailable(settings.ocr_language):
        return set()
    return waiting


def _resolved(path: Path) -> str:
    return str(path.absolute().resolve())


class _ParseFeed:
    """Parse outcomes from a background thread (children do the work) so embedding overlaps parsing.

    ``idle()`` says whether the embedder may take both cores for its next call: true unless a parser process is
    reading page images with OCR (seconds of CPU a page). Parsing a text layer takes a fraction of a second a file
    and the parser then waits on the full queue ahead of the embedder, so it costs an embedding call next to
    nothing; counting only a full queue as idle missed it, because the embedder has just taken documents off the
    queue when it decides, so a call ran on one thread whenever the parser had not refilled it yet.
    """

    def __init__(self, todo: list[Path], settings: Settings, ahead: int = 8, nice: int = 0) -> None:
        self._todo = todo
        self._settings = settings
        self._nice = nice  # the parser processes lower their priority by this much (web uploads)
        self._q: queue.Queue[ParseOutcome | None] = queue.Queue(maxsize=ahead)
        self._stop = threading.Event()
        self._pool: ParserPool | None = None
        self.done = threading.Event()  # set when the parser processes have finished
        self._thread = threading.Thread(target=self._feed, name="briefbot-parse", daemon=True)
        self._thread.start()

    def idle(self) -> bool:
        pool = self._pool
        return self.done.is_set() or pool is None or not pool.in_long_step

    def _feed(self) -> None:
        try:
            if not self._todo:  # only bulk records: no parser processes
                return
            s = self._settings
            with ParserPool(s.parse_workers, s.parse_timeout_s, s.parse_memory_mb, ocr_options(s),
                            self._nice) as pool:
                self._pool = pool
                for outcome in pool.parse(self._todo):
                    while not self._stop.is_set():
                        try:
                            self._q.put(outcome, timeout=0.2)
                            break
                        except queue.Full:
                            continue
                    if self._stop.is_set():
                        return
        finally:
            self.done.set()
            if not self._stop.is_set():
                self._q.put(None)

    def __iter__(self) -> Iterator[ParseOutcome]:
        while (item := self._q.get()) is not None:
            yield item
        self._thread.join()

    def close(self) -> None:
        """Closed early (an error while embedding or committing): the feeder stops after the file it is on and
        closes its parser processes, instead of blocking for ever on a full queue."""
        self._stop.set()


def _is_council_xml(doc: Document | DocInfo) -> bool:
    """A Council XML file's document. A JSONL record is named after the XML it was made from, but is a record."""
    return doc.source == "bulk" and doc.file_name.endswith(".xml") and not (doc.path or "").endswith(".jsonl")


def _older_records(path: Path, older: dict[str, str | None], store: Store) -> bool:
    """Whether an earlier version may have read records of the JSONL ``path``: documents of no file of their own
    at its path, or (a record whose XML source lies beside the JSONL has that file's path) under its folder, or at a
    relative path (records indexed before their paths were made absolute: relative to where that ingest ran)."""
    if not older:
        return False
    where, folder = _resolved(path), Path(_resolved(path)).parent
    own = {doc_id for doc_id, _, _ in store.file_documents()}
    return any(p == where or (doc_id not in own and p and (not Path(p).is_absolute() or Path(p).is_relative_to(folder)))
               for doc_id, p in older.items())


def _noting_xml(outcomes: Iterable[ParseOutcome], symbols: set[str]) -> Iterator[ParseOutcome]:
    """The parsed documents, noting the symbols of Council XML among them for :func:`_records`."""
    for outcome in outcomes:
        if outcome.document is not None and outcome.document.symbol and _is_council_xml(outcome.document):
            symbols.add(outcome.document.symbol)
        yield outcome


def _records(path: Path, store: Store, known: dict[str, tuple[str, str | None]],
             parsed_xml: AbstractSet[str] = frozenset(),
             older: AbstractSet[str] = frozenset(), unchanged: bool = False) -> Iterator[ParseOutcome]:
    """Bulk JSONL records as parse outcomes; records already indexed unchanged (or as XML files, also those
    parsed in this run and not yet committed: ``parsed_xml``, filled before the first record is read) are
    skipped, unless an earlier version of the reading code read them (``older``). An ``unchanged`` JSONL is read only
    for those: a record not indexed (``briefbot remove`` took it out) stays out, as when nothing was read again."""
    from .errors import DocumentError
    from .parse.bulk import iter_jsonl
    from .symbols import symbol_key

    xml = [d for d in store.documents() if _is_council_xml(d) and d.symbol]
    # A record whose XML source lies beside the JSONL bears that file's name and path: it looks like the XML. When an
    # earlier version read it, its symbol is not skipped, but it is read again only over itself (the same id and
    # text digest; an XML file's digest is of its bytes, never a record's text), never over an XML document.
    own = {doc_id for doc_id, _, _ in store.file_documents()} if older else set()
    maybe = {symbol_key(d.symbol) for d in xml if d.symbol and d.doc_id in older and d.doc_id not in own}
    have_xml = {d.symbol for d in xml if d.symbol and symbol_key(d.symbol) not in maybe} | parsed_xml
    bad: list[tuple[int, str]] = []
    try:
        for doc in iter_jsonl(path, skip_symbols={s for s in have_xml if s}, bad_lines=bad):
            yield from _bad_lines(path, bad)
            # Its path as an indexed file's: absolute, so a server started from another folder finds it.
            doc.path = _resolved(Path(doc.path)) if doc.path else None
            if doc.symbol and symbol_key(doc.symbol) in maybe and known.get(doc.doc_id, ("", None))[0] != doc.sha256:
                continue  # an XML document of this symbol, not this record: the XML wins
            if unchanged and doc.doc_id not in older:
                continue
            if known.get(doc.doc_id, ("", None))[0] != doc.sha256 or doc.doc_id in older:
                yield ParseOutcome(path, doc, None, 0.0)
        yield from _bad_lines(path, bad)
    except DocumentError as exc:
        yield ParseOutcome(path, None, exc.message, 0.0)


def _bad_lines(path: Path, bad: list[tuple[int, str]]) -> Iterator[ParseOutcome]:
    """Each unusable JSONL line as a failure of its own (``file.jsonl:LINE``), so it gets a status line."""
    while bad:
        lineno, reason = bad.pop(0)
        yield ParseOutcome(path.with_name(f"{path.name}:{lineno}"), None, f"line {lineno}: {reason}", 0.0)


@dataclass(slots=True)
class _Batch:
    """One model call in flight and what waits for its vectors."""

    pending: list[tuple[Document, list[Chunk], FileResult]]
    chunks: list[Chunk]  # texts new to the index, in first-seen order: the vectors' rows
    cached: dict[str, np.ndarray]
    todo: list[Chunk]  # the chunks the model encodes (not in the embedding cache)
    job: Future[tuple[np.ndarray, float]]
    after: list[FileResult] = field(default_factory=list)  # failures seen while it was in flight


def _run(outcomes: Iterator[ParseOutcome], total: int, settings: Settings, store: Store, embedder: Embedder,
         known: dict[str, tuple[str, str | None]], report: IngestReport, progress: Progress | None,
         plan: _Plan, parser_idle: Callable[[], bool] | None = None, collection: str | None = None,
         older: AbstractSet[str] = frozenset()) -> None:
    """Chunk parsed documents and embed their new texts in model calls of >= _EMBED_BATCH texts.

    One model call runs in a worker thread while this thread chunks the next documents and writes the previous
    call's vectors and documents (onnxruntime releases the GIL), so that work no longer waits between calls. The
    calls, their texts and the order of writes are what they were when each call was waited for.
    """
    count = token_counter(embedder.path)
    cache = EmbeddingCache(store.layout.embedding_cache, embedder.cache_key) if settings.embedding_cache \
        else None
    pending: list[tuple[Document, list[Chunk], FileResult]] = []
    new_texts: dict[str, Chunk] = {}
    inflight: _Batch | None = None
    done = 0

    def encode(texts: list[str], threads: int | None) -> tuple[np.ndarray, float]:
        t0 = time.perf_counter()
        return embedder.embed_documents(texts, threads=threads), time.perf_counter() - t0

    def finish(batch: _Batch) -> None:
        """Store a call's vectors and commit its documents (in the order they were parsed)."""
        fresh, seconds = batch.job.result()
        report.embed_seconds += seconds
        report.embedded += len(batch.todo)
        if cache and batch.todo:
            cache.put([c.text_hash for c in batch.todo], fresh)
        made = {c.text_hash: v for c, v in zip(batch.todo, fresh, strict=True)}
        vectors = np.stack([made[c.text_hash] if c.text_hash in made else batch.cached[c.text_hash]
                            for c in batch.chunks]) if batch.chunks else fresh
        store.add_vectors(batch.chunks, vectors, {d.doc_id: d for d, _, _ in batch.pending})
        for doc, doc_chunks, result in batch.pending:
            store.commit_document(doc, doc_chunks, from_file=plan.from_file(doc), collection=collection,
                                  reader=READER_VERSION)
            report.results.append(result)
        report.results.extend(batch.after)

    def flush(pool: ThreadPoolExecutor) -> None:
        nonlocal inflight
        if not pending:
            return
        # Texts already in the index, or in the call still in flight, are not embedded again: one look-up per
        # model call, not per document.
        present = store.existing_hashes(new_texts) | ({c.text_hash for c in inflight.chunks} if inflight else set())
        chunks = [c for h, c in new_texts.items() if h not in present]
        cached = cache.get([c.text_hash for c in chunks]) if cache else {}
        todo = [c for c in chunks if c.text_hash not in cached]
        # One model call at a time: wait for the previous one; if it failed, raise its error now rather than
        # after a whole useless call (finish re-raises it).
        if inflight is not None and inflight.job.exception() is not None:
            finish(inflight)
        # Both cores unless a parser process is busy with OCR (see _ParseFeed.idle).
        threads = settings.ingest_threads if parser_idle is None or parser_idle() else None
        batch = _Batch(list(pending), chunks, cached, todo, pool.submit(encode, [c.text for c in todo], threads))
        previous, inflight = inflight, batch
        pending.clear()
        new_texts.clear()
        if previous is not None:
            finish(previous)  # while the new call runs

    with ThreadPoolExecutor(1, thread_name_prefix="briefbot-embed") as pool:
        for outcome in outcomes:
            done += 1
            path = outcome.path
            if outcome.document is None:
                reason = outcome.error or "unknown parser error"
                (inflight.after if inflight else report.results).append(FileResult(str(path), "failed", reason))
                store.record_failure(path, file_sha256(path), reason)
                if progress:
                    progress(done, max(total, done), f"failed {path.name}: {reason}")
                continue
            doc = outcome.document
            plan.identify(doc, path)
            chunks = chunk_document(doc, settings.chunk_max_tokens, settings.chunk_min_chars, count)
            for c in chunks:
                new_texts.setdefault(c.text_hash, c)
            status = "replaced" if doc.doc_id in known else "ingested"
            if not chunks:
                status = "no_text"
            report.pages += doc.page_count
            who = ", ".join(x for x in (author_names(doc.authors), doc.publisher) if x) or "analysis"
            why = plan.why.get(doc.doc_id) or ("read again: an earlier version of briefbot read it"
                                               if doc.doc_id in older else None)
            pending.append((doc, chunks, FileResult(str(path), status, why, doc.doc_id, doc.symbol, doc.doc_type,
                                                    doc.page_count, len(chunks), list(doc.warnings),
                                                    who if doc.origin == "analysis" else None)))
            if progress:
                progress(done, max(total, done), f"{doc.file_name}: {doc.symbol or '?'} ({len(chunks)} chunks)")
            if len(new_texts) >= _EMBED_BATCH:
                flush(pool)
        flush(pool)
        if inflight is not None:
            finish(inflight)


def remove_documents(ids: Iterable[str], settings: Settings, store: Store | None = None) -> list[str]:
    """Drop documents (by file name or symbol) from the index; returns the removed doc ids."""
    store = store or Store(settings, create=False)
    with store.writing():
        removed = [store.remove_document(store.document(i).doc_id).doc_id for i in ids]
        if removed:
            LexicalIndex(store).rebuild()
            store.keep_record_places()
    return removed
