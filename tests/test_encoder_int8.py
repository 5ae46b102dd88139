"""The int8 encoder: made from the fp32 export and checked like it, close to fp32 on real passages, and kept apart
from fp32 indexes by its own collection name and embedding-cache key.

The cosine bounds are the ones measured on 3,000 passages of the full corpus index (benchmarks/ENCODER.md: mean
0.993, 1st percentile 0.985, min 0.97); a quantisation recipe that drifts further fails here.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from briefbot.config import INDEX_SCHEMA_VERSION, Settings
from briefbot.embed import Embedder, model_path
from briefbot.encoder import (
    INT8_FILE,
    INT8_MANIFEST,
    MANIFEST_FILE,
    ONNX_FILE,
    check_export,
    ensure_export,
    onnx_dir,
)
from briefbot.errors import ConfigError
from briefbot.store import open_store

MEAN_COSINE = 0.985
MIN_COSINE = 0.95
BATCH_COSINE = 0.99  # int8, same text in other batches (measured: see ENCODER.md)


@pytest.fixture(scope="module")
def encoder_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private encoder folder: a copy of the set-up fp32 export (mtime kept, so its manifest holds) and the int8
    file made from it by the set-up entry point."""
    from briefbot import encoder

    src = model_path("packaged:all-MiniLM-L6-v2")
    fp32 = ensure_export(src, onnx_dir(src, None))
    folder = tmp_path_factory.mktemp("encoder")
    for name in (ONNX_FILE, MANIFEST_FILE):
        shutil.copy2(fp32.parent / name, folder / name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFBOT_ENCODER_DIR", str(folder))
        assert encoder.main([]) == 0
    return folder


def test_setup_makes_a_checked_int8_file(encoder_dir: Path) -> None:
    src = model_path("packaged:all-MiniLM-L6-v2")
    path = check_export(src, encoder_dir, "int8")
    assert path == encoder_dir / INT8_FILE
    meta = json.loads((encoder_dir / INT8_MANIFEST).read_text())
    fp32_meta = json.loads((encoder_dir / MANIFEST_FILE).read_text())
    assert meta["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert meta["source_sha256"] == fp32_meta["sha256"]
    assert path.stat().st_size < (encoder_dir / ONNX_FILE).stat().st_size / 3  # int8 weights, not a copy


def test_damaged_or_orphaned_int8_file_is_made_again(encoder_dir: Path, tmp_path: Path) -> None:
    src = model_path("packaged:all-MiniLM-L6-v2")
    folder = tmp_path / "enc"
    shutil.copytree(encoder_dir, folder)  # copy2: mtimes kept
    int8 = folder / INT8_FILE
    with open(int8, "r+b") as fh:  # one flipped byte, same size: the checksum catches it
        fh.seek(5000)
        byte = fh.read(1)
        fh.seek(5000)
        fh.write(bytes([byte[0] ^ 0xFF]))
    assert check_export(src, folder, "int8") is None
    assert check_export(src, folder) == folder / ONNX_FILE  # fp32 is unaffected
    assert ensure_export(src, folder, "int8") == int8
    assert check_export(src, folder, "int8") == int8
    # An int8 file made from another fp32 export (one re-exported since) is stale too.
    meta = json.loads((folder / INT8_MANIFEST).read_text())
    (folder / INT8_MANIFEST).write_text(json.dumps({**meta, "source_sha256": "0" * 64}))
    assert check_export(src, folder, "int8") is None
    with pytest.raises(ConfigError, match="unknown encoder precision"):
        check_export(src, folder, "int4")


def test_int8_vectors_stay_within_the_measured_cosine(encoder_dir: Path, sample_index: tuple[Any, Any]) -> None:
    """Every distinct passage of the sample index (real UN documents) and real questions, int8 against fp32."""
    settings, _ = sample_index
    texts = [t for _, t, _ in open_store(settings).unique_texts()]
    assert len(texts) > 150
    questions = [json.loads(line)["question"] for line in
                 (Path(__file__).resolve().parents[1] / "evals" / "gold.jsonl").read_text().splitlines()][:40]
    fp32 = Embedder(settings.embedding_model, batch_size=32, encoder_dir=encoder_dir)
    int8 = Embedder(settings.embedding_model, batch_size=32, encoder_dir=encoder_dir, precision="int8")
    a, b = fp32.embed_documents(texts + questions), int8.embed_documents(texts + questions)
    assert a.shape == b.shape == (len(texts) + len(questions), 384) and b.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    cos = (a * b).sum(axis=1)
    assert cos.mean() >= MEAN_COSINE and cos.min() >= MIN_COSINE, (cos.mean(), cos.min())
    assert cos.max() < 0.99999  # really the quantised graph, not the fp32 one under another name


def test_precision_names_the_collection_and_the_cache_key() -> None:
    fp32, int8 = Settings(), Settings(encoder_precision="int8")
    assert fp32.collection_name() != int8.collection_name()
    # fp32 keeps the name indexes built before the setting existed have
    shape = f"{fp32.embedding_model}|{fp32.chunk_max_tokens}|{fp32.chunk_min_chars}|v{INDEX_SCHEMA_VERSION}"
    assert fp32.collection_name() == "briefbot_" + hashlib.sha256(shape.encode()).hexdigest()[:12]
    assert Embedder().cache_key != Embedder(precision="int8").cache_key
    with pytest.raises(ConfigError, match="needs the onnx encoder"):
        Embedder(backend="torch", precision="int8")
    with pytest.raises(ConfigError, match="unknown encoder precision"):
        Embedder(precision="fp16")


def test_int8_ingest_fills_its_own_collection_beside_fp32(encoder_dir: Path, settings: Any, tmp_path: Path) -> None:
    """One index folder, the same PDF ingested at both precisions: two collections, two sets of cached vectors,
    and each collection's vectors are its own encoder's (a cached fp32 vector never lands in the int8 one)."""
    import sqlite3

    from briefbot.ingest import ingest_paths

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy2(Path(__file__).resolve().parents[1] / "ingest" / "samples" / "S_RES_2769_2025.pdf", folder)
    s32 = settings(encoder_dir=encoder_dir)
    s8 = settings(encoder_dir=encoder_dir, encoder_precision="int8")
    for s in (s32, s8):
        report = ingest_paths([folder], s)
        assert [r.status for r in report.results] == ["ingested"], report.results
    assert (s32.index / s32.collection_name()).is_dir() and (s8.index / s8.collection_name()).is_dir()
    stores = [open_store(s) for s in (s32, s8)]
    hashes = [h for h, _, _ in stores[0].unique_texts()]
    assert hashes == [h for h, _, _ in stores[1].unique_texts()] and len(hashes) > 5
    vectors = []
    for st in stores:
        got = st.collection.get(ids=hashes, include=["embeddings"])
        by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
        vectors.append(np.stack([by_id[h] for h in hashes]))
    v32, v8 = vectors
    cos = (v32 * v8).sum(axis=1)
    assert cos.max() < 0.99999 and cos.mean() >= MEAN_COSINE
    texts = [t for _, t, _ in stores[1].unique_texts()]
    want = Embedder(s8.embedding_model, encoder_dir=encoder_dir, precision="int8").embed_documents(texts)
    # int8 activations are quantised per batch, so a text's vector moves slightly with its batch companions
    assert (want * v8).sum(axis=1).min() >= BATCH_COSINE
    db = sqlite3.connect(s32.index / "embeddings.sqlite")
    keys = dict(db.execute("SELECT model, count(*) FROM vectors GROUP BY model").fetchall())
    db.close()
    assert keys == {s32.embedding_model: len(hashes), f"{s8.embedding_model}|int8": len(hashes)}


def test_int8_sentence_scoring_leaves_retrieval_at_fp32(encoder_dir: Path, sample_index: tuple[Any, Any]) -> None:
    """``sentence_precision = "int8"`` changes only the answer stage's sentence scoring: retrieval keeps the
    index's fp32 query vector, the question and its sentences are encoded by the int8 graph, and the answer is
    still cited from the same passages."""
    from briefbot.service import Briefbot

    base, _ = sample_index
    question = "Until when did the Council extend the mandate of the Panel of Experts on Libya?"
    fp32 = Briefbot(base.model_copy(update={"encoder_dir": encoder_dir}))
    int8 = Briefbot(base.model_copy(update={"encoder_dir": encoder_dir, "sentence_precision": "int8"}))
    assert fp32.sentence_embedder is fp32.embedder
    assert int8.sentence_embedder.precision == "int8" and int8.embedder.precision == "fp32"
    hits32, hits8 = fp32.retrieve(question), int8.retrieve(question)
    assert [h.chunk.text_hash for h in hits32] == [h.chunk.text_hash for h in hits8]
    a32, a8 = fp32.extractive(question, hits32), int8.extractive(question, hits8)
    assert int8.sentence_embedder.recent_misses >= 2  # the question and at least one sentence, at int8
    assert not a8.abstained and a8.citations
    assert {c.doc_id for c in a8.citations} <= {h.doc.doc_id for h in hits8}
    assert a8.citations[0].symbol == a32.citations[0].symbol
