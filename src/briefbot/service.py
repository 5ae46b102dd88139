"""The functions the CLI and the web app share, over one loaded model and one index.

``Briefbot`` is built once from Settings at the edge; it owns the store, the embedder, the lexical index and the
retriever, and exposes ask / ask_stream / library / ingest / remove. Nothing here knows about Gradio or Typer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .answer import extractive_answer, plain_question, stream_text
from .config import Settings
from .embed import Embedder, embedder_for
from .errors import IndexMissingError
from .ingest import IngestReport, Progress, ingest_paths, remove_documents
from .lexical import LexicalIndex
from .models import Answer, DocInfo, Hit
from .retrieve import Retriever
from .store import Filters, Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class StreamEvent:
    """What ``ask_stream`` yields: the passages first, then answer text pieces, then the final Answer."""

    kind: Literal["hits", "token", "note", "done"]
    hits: list[Hit] | None = None
    text: str = ""
    answer: Answer | None = None


class Briefbot:
    def __init__(self, settings: Settings, embedder: Embedder | None = None, create: bool = False) -> None:
        self.settings = settings
        if not create and not Store.exists(settings):
            raise IndexMissingError(f"no index for these settings at {settings.index}")
        self.store = Store(settings)
        self.embedder = embedder or embedder_for(settings)
        self.lexical = LexicalIndex(self.store)
        self.retriever = Retriever(settings, self.store, self.embedder, self.lexical)
        self._ingest_lock = threading.Lock()

    # --- asking --------------------------------------------------------------------------------------------
    def retrieve(self, question: str, k: int | None = None, filters: Filters | None = None,
                 mode: str | None = None) -> list[Hit]:
        return self.retriever.search(question, k=k, filters=filters, mode=mode)

    def ask(self, question: str, k: int | None = None, filters: Filters | None = None, engine: str | None = None,
            qid: Any = None) -> Answer:
        """Entry point for one question: retrieve, then answer with the configured engine."""
        answer: Answer | None = None
        for event in self.ask_stream(question, k=k, filters=filters, engine=engine):
            if event.kind == "done":
                answer = event.answer
        assert answer is not None
        answer.id = qid
        return answer

    def ask_stream(self, question: str, k: int | None = None, filters: Filters | None = None,
                   engine: str | None = None) -> Iterator[StreamEvent]:
        question = plain_question(question)  # markup is not part of the question (and changed its answer)
        t0 = time.perf_counter()
        k = max(k or self.settings.k, 10)
        hits = self.retrieve(question, k=k, filters=filters)
        t1 = time.perf_counter()
        yield StreamEvent("hits", hits=hits)
        engine = engine or self.settings.engine
        if engine == "llm":
            from .llm import llm_answer_stream

            answer = None
            for event in llm_answer_stream(question, hits, self.settings, self.page_text, self.extractive):
                if event[0] == "token":
                    yield StreamEvent("token", text=event[1])
                elif event[0] == "note":
                    yield StreamEvent("note", text=event[1])
                else:
                    answer = event[1]
            assert answer is not None
        else:
            answer = self.extractive(question, hits)
            for piece in stream_text(answer.answer):
                yield StreamEvent("token", text=piece)
        answer.timings_ms.update(retrieve=round((t1 - t0) * 1000, 1),
                                 total=round((time.perf_counter() - t0) * 1000, 1))
        yield StreamEvent("done", answer=answer)

    def extractive(self, question: str, hits: list[Hit]) -> Answer:
        return extractive_answer(question, hits, self.settings, self.page_text, self.lexical.idf,
                                 self.embedder.embed_documents)

    def page_text(self, doc_id: str, page: int | None) -> str:
        return self.store.page_text(doc_id, page)

    # --- library -------------------------------------------------------------------------------------------
    def library(self) -> list[DocInfo]:
        return self.store.documents()

    def failures(self) -> list[dict[str, str]]:
        return self.store.failures()

    def document(self, doc_id_or_symbol: str) -> DocInfo:
        return self.store.document(doc_id_or_symbol)

    def document_path(self, doc_id: str) -> Path | None:
        """The PDF of an indexed document, if it is still on disk (only indexed files are ever served)."""
        info = self.store.document(doc_id)
        if info.path and Path(info.path).is_file():
            return Path(info.path)
        return None

    def ingest(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        # One ingest at a time per process; readers keep working (SQLite WAL, catalog version checks).
        with self._ingest_lock:
            return ingest_paths(paths, self.settings, progress=progress, store=self.store, embedder=self.embedder)

    def remove(self, ids: list[str]) -> list[str]:
        with self._ingest_lock:
            return remove_documents(ids, self.settings, store=self.store)


_instances: dict[str, Briefbot] = {}
_instances_lock = threading.Lock()


def open_briefbot(settings: Settings, create: bool = False) -> Briefbot:
    """One Briefbot per index directory in a process."""
    key = f"{Path(settings.index).resolve()}|{settings.collection_name()}|{settings.chroma_host}"
    with _instances_lock:
        if key not in _instances:
            _instances[key] = Briefbot(settings, create=create)
        return _instances[key]
