"""The embedding model as an ONNX graph run by onnxruntime, tokenised by the model's own tokenizer.json.

Importing sentence-transformers costs ~6 s and torch ~2 s; onnxruntime + tokenizers load in a fraction of that, so
a one-question CLI call and the web server's start no longer pay for them. The graph is exported once from the
packaged model with ``torch.onnx.export`` (``python -m briefbot.encoder``, run by scripts/setup.sh) and holds the
whole sentence-transformers pipeline: BERT, mean pooling over the attention mask, L2 normalisation. Texts are
stripped and truncated to the model's max_seq_length (256 tokens), as sentence-transformers does, so fp32 vectors
match the torch ones (cosine ≥ 0.9999, tests/test_encoder.py) and existing indexes stay valid.

Nothing here imports torch or transformers except :func:`export_onnx`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ConfigError

log = logging.getLogger(__name__)

ONNX_FILE = "model.onnx"
MANIFEST_FILE = "model.onnx.json"
# Bumped when the exported graph changes (inputs, pooling, opset), so an older export is redone.
RECIPE = 1
_OPSET = 17
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_BATCH_TOKENS = 8192  # padded tokens per model call: 32 passages of 256 tokens, up to batch_size short ones


class ExportMissing(ConfigError):
    remedy = ("run `make setup` (or `python -m briefbot.encoder`) where torch is installed, or set "
              "BRIEFBOT_ENCODER=torch")


def onnx_dir(model_dir: str, encoder_dir: Path | None) -> Path:
    """Where the export of ``model_dir`` lives: ``encoder_dir`` when set, else an ``onnx`` folder beside the model."""
    return Path(encoder_dir) if encoder_dir is not None else Path(model_dir) / "onnx"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _weights(model_dir: str) -> Path:
    for name in ("model.safetensors", "pytorch_model.bin"):
        if (Path(model_dir) / name).is_file():
            return Path(model_dir) / name
    raise ConfigError(f"no model weights in {model_dir}", "check the embedding_model setting")


def _max_tokens(model_dir: str) -> int:
    try:
        return int(json.loads((Path(model_dir) / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, KeyError, ValueError):
        return 256


def check_export(model_dir: str, folder: Path) -> Path | None:
    """The export's path if it is present, made from this model with the current recipe and intact; else None.

    Cheap on the query path: the checksum is recomputed only when the file's size or mtime differ from what the
    manifest recorded at export time.
    """
    path, manifest = folder / ONNX_FILE, folder / MANIFEST_FILE
    try:
        meta = json.loads(manifest.read_text())
        st = path.stat()
    except (OSError, ValueError):
        return None
    weights = _weights(model_dir)
    if meta.get("recipe") != RECIPE or meta.get("source_size") != weights.stat().st_size:
        log.info("ONNX export in %s was made from another model or recipe", folder)
        return None
    if (st.st_size, st.st_mtime_ns) != (meta.get("size"), meta.get("mtime_ns")) and _sha256(path) != meta.get("sha256"):
        log.warning("ONNX export %s does not match its checksum", path)
        return None
    return path


def export_onnx(model_dir: str, folder: Path) -> Path:
    """Export the sentence-transformers pipeline of ``model_dir`` to ``folder/model.onnx`` (needs torch + onnx)."""
    import torch
    from transformers import AutoModel

    folder.mkdir(parents=True, exist_ok=True)
    # Eager attention traces to plain ops; the mask must contain padding while tracing, or the tracer may fold
    # the "no padding" fast path into the graph.
    bert = AutoModel.from_pretrained(model_dir, attn_implementation="eager", local_files_only=True).eval()

    class Sentence(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            tokens = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)  # sentence-transformers' Pooling
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)  # its Normalize module

    ids = torch.randint(1000, 2000, (3, 20))
    mask = torch.ones(3, 20, dtype=torch.long)
    mask[1, 12:] = 0
    mask[2, 5:] = 0
    axes = {name: {0: "batch", 1: "tokens"} for name in _INPUTS}
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".onnx.part")
    os.close(fd)
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes on transformers' mask helpers; equivalence is tested
            torch.onnx.export(Sentence().eval(), (ids, mask, torch.zeros_like(ids)), tmp, input_names=list(_INPUTS),
                              output_names=["sentence_embedding"],
                              dynamic_axes={**axes, "sentence_embedding": {0: "batch"}},
                              opset_version=_OPSET, dynamo=False)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the export is read by every user of the venv
        os.replace(tmp, folder / ONNX_FILE)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    path = folder / ONNX_FILE
    st = path.stat()
    weights = _weights(model_dir)
    meta = {"recipe": RECIPE, "opset": _OPSET, "sha256": _sha256(path), "size": st.st_size,
            "mtime_ns": st.st_mtime_ns, "source": weights.name, "source_size": weights.stat().st_size,
            "source_sha256": _sha256(weights), "torch": torch.__version__}
    (folder / MANIFEST_FILE).write_text(json.dumps(meta, indent=1) + "\n")
    log.info("exported %s to %s", model_dir, path)
    return path


def ensure_export(model_dir: str, folder: Path) -> Path:
    """The checked export; made now (first use) when torch is importable, else ExportMissing with the remedy."""
    path = check_export(model_dir, folder)
    if path is not None:
        return path
    try:
        import torch  # noqa: F401  (only to know whether an export can be made here)
    except ImportError as exc:
        raise ExportMissing(f"the ONNX export of the embedding model is missing or stale in {folder}") from exc
    log.warning("exporting the embedding model to ONNX in %s (once; takes ~15 s)", folder)
    try:
        return export_onnx(model_dir, folder)
    except OSError as exc:
        raise ExportMissing(f"cannot write the ONNX export to {folder}: {exc.strerror}",
                            "set encoder_dir (BRIEFBOT_ENCODER_DIR) to a writable folder") from exc


class OnnxEncoder:
    """Texts → L2-normalised float32 vectors; sorted by length and batched so little of a batch is padding."""

    def __init__(self, model_dir: str, onnx_path: Path, threads: int = 1, batch_size: int = 64) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.batch_size = batch_size
        self.max_tokens = _max_tokens(model_dir)
        tok = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        tok.enable_truncation(self.max_tokens)  # tokenizer.json ships 128 and fixed padding: not the model's
        tok.no_padding()
        self._tok = tok
        self._ort = ort
        self._path = onnx_path
        self._lock = threading.Lock()
        self._sessions: dict[int, Any] = {}
        self.threads = threads
        self.dimension = 384

    def prepare(self, threads: int | None = None) -> None:
        """Create the session for ``threads`` now (sessions are otherwise made on first use, one per count)."""
        self._session(threads or self.threads)

    def _session(self, threads: int) -> Any:
        with self._lock:
            session = self._sessions.get(threads)
            if session is None:
                opts = self._ort.SessionOptions()
                opts.intra_op_num_threads = threads
                opts.inter_op_num_threads = 1
                # Spinning threads burn a shared core waiting for work; two cores are shared here.
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                opts.log_severity_level = 3
                # Without the arena, memory for a batch's activations (hundreds of MB for 64 long passages) goes
                # back after the call instead of staying reserved in a long-lived web server.
                opts.enable_cpu_mem_arena = False
                session = self._ort.InferenceSession(str(self._path), opts, providers=["CPUExecutionProvider"])
                shape = session.get_outputs()[0].shape
                self.dimension = int(shape[-1]) if isinstance(shape[-1], int) else self.dimension
                self._sessions[threads] = session
            return session

    def encode(self, texts: list[str], threads: int | None = None) -> np.ndarray:
        session = self._session(threads or self.threads)
        encodings = self._tok.encode_batch([t.strip() for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for part in self._batches([len(encodings[i].ids) for i in order], order):
            width = max(len(encodings[i].ids) for i in part)
            ids = np.zeros((len(part), width), dtype=np.int64)
            mask = np.zeros((len(part), width), dtype=np.int64)
            for row, i in enumerate(part):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            out[part] = session.run(None, feed)[0]
        return out

    def _batches(self, lengths: list[int], order: list[int]) -> list[list[int]]:
        """Consecutive runs of ``order`` (ascending length): at most batch_size texts and _BATCH_TOKENS padded
        tokens each, so short texts go in large batches and long ones in small (attention memory grows with
        batch x length²)."""
        batches: list[list[int]] = []
        part: list[int] = []
        for i, n in zip(order, lengths, strict=True):
            if part and (len(part) >= self.batch_size or (len(part) + 1) * n > _BATCH_TOKENS):
                batches.append(part)
                part = []
            part.append(i)
        if part:
            batches.append(part)
        return batches


def main(argv: list[str] | None = None) -> int:
    """Export the configured model (set-up time): ``python -m briefbot.encoder [--force]``."""
    from .config import load_settings
    from .embed import model_path

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = sys.argv[1:] if argv is None else argv
    settings = load_settings()
    src = model_path(settings.embedding_model)
    folder = onnx_dir(src, settings.encoder_dir)
    path = None if "--force" in args else check_export(src, folder)
    if path is None:
        path = export_onnx(src, folder)
    log.info("ONNX encoder: %s", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
