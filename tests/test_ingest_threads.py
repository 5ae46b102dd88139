"""The embedder takes both cores unless a parser process is reading page images with OCR: parsing a text layer
costs a call next to nothing (real parser processes, real Tesseract, real model, real Chroma)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from briefbot.embed import embedder_for
from briefbot.ingest import _ParseFeed, ingest_paths
from briefbot.parse import OcrOptions, ParseOutcome, ParserPool
from briefbot.parse.ocr import unavailable
from briefbot.store import Store
from conftest import FIXTURES, PDF_FIXTURES, SettingsFactory

AKN = sorted((FIXTURES / "akn").glob("*.xml"))  # four small Council documents: parsed in well under a second
SCAN = PDF_FIXTURES / "A_C.1_212_1947.pdf"  # two image-only pages: seconds of Tesseract each
needs_tesseract = pytest.mark.skipif(unavailable("eng") is not None, reason="Tesseract (tesseract-ocr) not installed")


def wait_for(condition: Any, seconds: float = 120) -> bool:
    """Poll until ``condition()`` holds (a wait for a child process, not a speed check)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return bool(condition())


def test_parser_waiting_on_a_full_queue_counts_as_idle(settings: SettingsFactory) -> None:
    assert len(AKN) >= 4
    feed = _ParseFeed(AKN, settings(), ahead=2)
    try:
        deadline = time.monotonic() + 120  # a wait for the parser child, not a speed check
        while not feed.idle() and time.monotonic() < deadline:
            time.sleep(0.05)
        # Two outcomes fill the queue; the parser holds a third and waits: idle, though not done.
        assert feed.idle()
        assert not feed.done.is_set()
        outcomes = list(feed)
    finally:
        feed.close()
    assert [o.path for o in outcomes] == AKN
    assert all(o.document is not None for o in outcomes)
    assert feed.done.is_set() and feed.idle()


@needs_tesseract
def test_pool_is_in_a_long_step_only_while_it_reads_page_images() -> None:
    outcomes: list[ParseOutcome] = []
    with ParserPool(1, ocr=OcrOptions()) as pool:
        assert not pool.in_long_step
        worker = threading.Thread(target=lambda: outcomes.extend(pool.parse([AKN[0], SCAN])))
        worker.start()
        try:
            assert wait_for(lambda: pool.in_long_step)  # the scan's pages are being read
        finally:
            worker.join()
        assert not pool.in_long_step  # its document is back
    assert [o.path for o in outcomes] == [AKN[0], SCAN]
    scan = outcomes[1].document
    assert scan is not None and [p.ocr for p in scan.pages] == [True, True]


@needs_tesseract
def test_parser_counts_as_busy_only_during_ocr(settings: SettingsFactory) -> None:
    files = [*AKN[:2], SCAN, *AKN[2:]]
    feed = _ParseFeed(files, settings(), ahead=len(files))
    try:
        assert feed.idle()  # starting, then parsing text: the embedder may take both cores
        assert wait_for(lambda: not feed.idle())  # reading the scan's pages: it may not
        assert wait_for(feed.idle)
        outcomes = list(feed)
    finally:
        feed.close()
    assert [o.path for o in outcomes] == files
    assert feed.idle()


class Recording:
    """The real embedder, noting the thread count each ingest call asked for."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.calls: list[tuple[int, int | None]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def embed_documents(self, texts: list[str], threads: int | None = None) -> np.ndarray:
        self.calls.append((len(texts), threads))
        return self._inner.embed_documents(texts, threads=threads)


def test_ingest_embeds_with_ingest_threads_once_the_parser_waits(settings: SettingsFactory, tmp_path: Path) -> None:
    s = settings(embedding_cache=False, ingest_threads=2, torch_threads=1)
    embedder = Recording(embedder_for(s))
    report = ingest_paths(AKN, s, embedder=embedder)  # type: ignore[arg-type]
    assert report.counts() == {"ingested": len(AKN)}
    assert embedder.calls and all(threads == 2 for _, threads in embedder.calls)
    # Two threads give the vectors one thread gives (indexes stay valid whichever count built them).
    store = Store(s, create=False)
    texts = store.unique_texts()
    got = store.collection.get(ids=[h for h, _, _ in texts], include=["embeddings"])
    stored = dict(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))
    one = embedder_for(s).embed_documents([t for _, t, _ in texts], threads=1)
    cos = np.array([float(np.dot(stored[h], v)) for (h, _, _), v in zip(texts, one, strict=True)])
    assert cos.min() >= 0.9999


def test_texts_already_indexed_are_not_embedded_again(settings: SettingsFactory, tmp_path: Path) -> None:
    """A new document sharing most passages with an indexed one embeds only its own passages (the index is asked
    once per model call which texts it holds)."""
    s = settings(embedding_cache=False)
    original = FIXTURES / "akn" / "S_RES_2741-2411824E.xml"
    first = ingest_paths([original], s)
    assert first.counts() == {"ingested": 1}
    xml = original.read_text(encoding="utf-8")
    changed = xml.replace("a comprehensive exit strategy;", "a comprehensive and phased exit strategy;", 1)
    assert changed != xml
    edited = tmp_path / "edited" / "S_RES_2741_edited.xml"
    edited.parent.mkdir()
    edited.write_text(changed, encoding="utf-8")
    second = ingest_paths([original, edited], s)
    assert second.counts() == {"unchanged": 1, "ingested": 1}
    store = Store(s, create=False)
    old = {c.text_hash for c in store.chunks_of(first.results[0].doc_id or "")}
    new = {c.text_hash for c in store.chunks_of(next(r.doc_id for r in second.results
                                                    if r.status == "ingested") or "")}
    assert 0 < len(new - old) < len(new)  # the edit touched one passage of many
    assert second.embedded == len(new - old)
    assert store.collection.count() == len(old | new)


def test_next_document_is_chunked_while_a_model_call_runs(settings: SettingsFactory,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The first model call holds until the second document has been chunked (its progress line): that happens only
    if this thread goes on while the call runs. Waiting for the call instead, the hold runs out and is noted."""
    import briefbot.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "_EMBED_BATCH", 1)  # a model call per document
    s = settings(embedding_cache=False)
    second_chunked = threading.Event()
    overlapped: list[bool] = []

    class Holding(Recording):
        def embed_documents(self, texts: list[str], threads: int | None = None) -> np.ndarray:
            if not self.calls:
                overlapped.append(second_chunked.wait(60))
            return super().embed_documents(texts, threads)

    def progress(done: int, total: int, message: str) -> None:
        if done == 2 and message.startswith(AKN[1].name):
            second_chunked.set()

    embedder = Holding(embedder_for(s))
    report = ingest_paths(AKN, s, progress=progress, embedder=embedder)  # type: ignore[arg-type]
    assert overlapped == [True]
    assert [r.path for r in report.results] == [str(p) for p in AKN]
    assert len(embedder.calls) == len(AKN)


def test_a_text_in_the_call_still_running_is_not_embedded_again(settings: SettingsFactory, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents sharing most passages in consecutive model calls: the second call leaves out the texts of the
    first, which are not in the index yet while it runs; the failure between them keeps its place."""
    import briefbot.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "_EMBED_BATCH", 1)
    s = settings(embedding_cache=False)
    original = FIXTURES / "akn" / "S_RES_2741-2411824E.xml"
    xml = original.read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.xml").write_text(xml, encoding="utf-8")
    (folder / "b.xml").write_text("<not akn/>", encoding="utf-8")
    (folder / "c.xml").write_text(xml.replace("a comprehensive exit strategy;",
                                              "a comprehensive and phased exit strategy;", 1), encoding="utf-8")
    report = ingest_paths([folder], s)
    assert [(Path(r.path).name, r.status) for r in report.results] == [("a.xml", "ingested"), ("b.xml", "failed"),
                                                                       ("c.xml", "ingested")]
    store = Store(s, create=False)
    a, c = ({ch.text_hash for ch in store.chunks_of(r.doc_id or "")} for r in report.results if r.doc_id)
    assert 0 < len(c - a) < len(c)
    assert report.embedded == len(a | c) == store.collection.count()
