"""The ONNX encoder against the torch model it was exported from, its missing-export remedy, and a CLI question
answered without importing torch.

Equivalence is measured on real text: every distinct passage of the sample index plus real questions. Below a
cosine of 0.9999 the two encoders would not be interchangeable over one index, and the encoder would have to
feed the collection name (config.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from briefbot.embed import Embedder
from briefbot.encoder import MANIFEST_FILE, ONNX_FILE, check_export, ensure_export, export_onnx, onnx_dir
from briefbot.errors import ConfigError
from briefbot.store import open_store

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = [json.loads(line)["question"] for line in (REPO / "evals" / "gold.jsonl").read_text().splitlines()
             if line.strip()][:40]
MIN_COSINE = 0.9999


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return np.asarray((a * b).sum(axis=1))


def test_onnx_reproduces_torch_on_the_sample_corpus(sample_index: tuple[Any, Any]) -> None:
    settings, _ = sample_index
    texts = [t for _, t, _ in open_store(settings).unique_texts()]
    assert len(texts) > 150
    onnx = Embedder(settings.embedding_model, batch_size=32, backend="onnx", encoder_dir=settings.encoder_dir)
    torch = Embedder(settings.embedding_model, batch_size=32, backend="torch")
    got, want = onnx.embed_documents(texts), torch.embed_documents(texts)
    assert got.shape == want.shape == (len(texts), 384)
    assert got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    cos = _cosines(got, want)
    assert cos.min() >= MIN_COSINE, f"passage {int(cos.argmin())}: cosine {cos.min():.6f}"
    # Queries one at a time (no padding) and a text far over the 256-token window (truncated alike).
    long_text = " ".join(texts)[:20000]
    q_got = np.stack([onnx.embed_query(q) for q in [*QUESTIONS, long_text]])
    q_want = np.stack([torch.embed_query(q) for q in [*QUESTIONS, long_text]])
    assert _cosines(q_got, q_want).min() >= MIN_COSINE
    # The same text alone or in a padded batch gets the same vector.
    assert _cosines(onnx.embed_documents(texts[:1]), got[:1]).min() >= 0.99999


def test_query_time_vectors_do_not_depend_on_their_companions(sample_index: tuple[Any, Any]) -> None:
    """The answer stage scores a question's sentences with ``embed_recent``, which keeps vectors across questions:
    a sentence must get the same vector whatever it was encoded beside and whether it came from that cache, or an
    answer's confidence would depend on the questions asked before it."""
    settings, _ = sample_index
    texts = [t[:240] for _, t, _ in open_store(settings).unique_texts()][:12]
    short = QUESTIONS[0]
    beside = Embedder(settings.embedding_model, batch_size=8, encoder_dir=settings.encoder_dir)
    alone = Embedder(settings.embedding_model, batch_size=8, encoder_dir=settings.encoder_dir)
    together = beside.embed_recent([short, *texts])  # one call, texts of different lengths
    assert np.array_equal(together[0], alone.embed_recent([short])[0])
    assert np.array_equal(together[5], alone.embed_recent([texts[4]])[0])
    assert np.array_equal(beside.embed_recent([texts[4], "another text"])[0], together[5])  # from the cache
    assert beside.recent_hits == 1


def test_missing_export_without_torch_says_what_to_do(tmp_path: Path) -> None:
    """A machine without torch and without the export gets the remedy, not a traceback or a download."""
    code = ("import sys; sys.modules['torch'] = None\n"  # makes `import torch` raise ImportError
            "from briefbot.embed import Embedder\n"
            "from briefbot.errors import ConfigError\n"
            f"e = Embedder(encoder_dir={str(tmp_path / 'none')!r})\n"
            "try:\n    e.embed_query('x')\nexcept ConfigError as exc:\n    print('ERROR', exc)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "ERROR the ONNX export of the embedding model is missing or stale" in res.stdout
    assert "make setup" in res.stdout and "BRIEFBOT_ENCODER=torch" in res.stdout


@pytest.mark.slow
def test_export_on_first_use_writes_a_checked_export(tmp_path: Path) -> None:
    """With torch importable, a missing export is made on first use; a damaged one is detected and redone."""
    from briefbot.embed import model_path

    src = model_path("packaged:all-MiniLM-L6-v2")
    folder = onnx_dir(src, tmp_path / "enc")
    assert check_export(src, folder) is None
    path = ensure_export(src, folder)
    assert path == folder / ONNX_FILE and check_export(src, folder) == path
    meta = json.loads((folder / MANIFEST_FILE).read_text())
    assert meta["size"] == path.stat().st_size and len(meta["sha256"]) == 64
    with open(path, "r+b") as fh:  # one flipped byte, same size: the checksum catches it
        fh.seek(1000)
        byte = fh.read(1)
        fh.seek(1000)
        fh.write(bytes([byte[0] ^ 0xFF]))
    assert check_export(src, folder) is None
    export_onnx(src, folder)
    assert check_export(src, folder) == path


def test_cli_ask_answers_without_torch(sample_index: tuple[Any, Any]) -> None:
    """`briefbot ask` end to end in a fresh process: an answer with citations, and no torch/transformers loaded,
    nor Chroma (an index with its vector file is searched from that file: importing and opening Chroma was ~1.3 s of
    each CLI question)."""
    settings, _ = sample_index
    code = ("import sys\nfrom briefbot.cli import app\n"
            f"sys.argv = ['briefbot', 'ask', '--json', '--index', {str(settings.index)!r}, "
            "'Which resolution renewed the Libya Panel of Experts?']\n"
            "try:\n    app()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "heavy = sorted(m for m in ('torch', 'transformers', 'sentence_transformers', 'gradio', 'langchain_core',"
            " 'matplotlib', 'chromadb') if m in sys.modules)\n"
            "print('HEAVY', heavy)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    answer = json.loads(res.stdout.splitlines()[0])
    assert answer["citations"] and not answer["abstained"]
    assert any("2769" in (c.get("symbol") or "") for c in answer["citations"])
    assert res.stdout.splitlines()[-1] == "HEAVY []"


def test_unknown_encoder_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown encoder"):
        Embedder(backend="tensorflow")
