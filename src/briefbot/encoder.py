"""The embedding model as an ONNX graph run by onnxruntime, tokenised by the model's own tokenizer.json.

Importing sentence-transformers costs ~6 s and torch ~2 s; onnxruntime + tokenizers load in a fraction of that, so
a one-question CLI call and the web server's start no longer pay for them. The graph is exported once from the
packaged model with ``torch.onnx.export`` (``python -m briefbot.encoder``, run by scripts/setup.sh) and holds the
whole sentence-transformers pipeline: BERT, mean pooling over the attention mask, L2 normalisation. Texts are
stripped and truncated to the model's max_seq_length (256 tokens), as sentence-transformers does, so fp32 vectors
match the torch ones (cosine ≥ 0.9999, tests/test_encoder.py) and existing indexes stay valid.

An int8 variant (:func:`quantise_int8`) is made from the fp32 export at set-up: the graph's attention, layer norms
and GELU fused by onnxruntime's transformer optimizer, then its weights quantised per output channel (dynamic
quantisation: activations are quantised per batch at run time). It needs about half the CPU of fp32 and gives
vectors at cosine ~0.99 to fp32 (benchmarks/ENCODER.md; per-tensor scales, as the first int8 attempt used, gave
0.95), so it names its own collection (Settings.encoder_precision).

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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ConfigError

log = logging.getLogger(__name__)

ONNX_FILE = "model.onnx"
MANIFEST_FILE = "model.onnx.json"
INT8_FILE = "model.int8.onnx"
INT8_MANIFEST = "model.int8.onnx.json"
# Bumped when the exported graph changes (inputs, pooling, opset), so an older export is redone.
RECIPE = 1
# Bumped when the int8 recipe (fusion, quantisation options) changes; the int8 file is then made again.
INT8_RECIPE = 1
PRECISIONS = ("fp32", "int8")
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


def _intact(path: Path, meta: dict[str, Any]) -> bool:
    """The file matches its manifest; the checksum is recomputed only when its size or mtime changed since."""
    try:
        st = path.stat()
    except OSError:
        return False
    if (st.st_size, st.st_mtime_ns) != (meta.get("size"), meta.get("mtime_ns")) and _sha256(path) != meta.get("sha256"):
        log.warning("ONNX export %s does not match its checksum", path)
        return False
    return True


def _manifest(path: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def check_export(model_dir: str, folder: Path, precision: str = "fp32") -> Path | None:
    """The export's path if it is present, made from this model with the current recipe and intact; else None.

    Cheap on the query path: the checksum is recomputed only when the file's size or mtime differ from what the
    manifest recorded at export time. The int8 file must also have been made from the fp32 file now present.
    """
    if precision not in PRECISIONS:
        raise ConfigError(f"unknown encoder precision {precision!r}", "set encoder_precision to fp32 or int8")
    meta = _manifest(folder / MANIFEST_FILE)
    if meta is None:
        return None
    weights = _weights(model_dir)
    if meta.get("recipe") != RECIPE or meta.get("source_size") != weights.stat().st_size:
        log.info("ONNX export in %s was made from another model or recipe", folder)
        return None
    if not _intact(folder / ONNX_FILE, meta):
        return None
    if precision == "fp32":
        return folder / ONNX_FILE
    int8 = _manifest(folder / INT8_MANIFEST)
    if int8 is None:
        return None
    if int8.get("recipe") != INT8_RECIPE or int8.get("source_sha256") != meta.get("sha256"):
        log.info("int8 encoder in %s was made from another export or recipe", folder)
        return None
    return folder / INT8_FILE if _intact(folder / INT8_FILE, int8) else None


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


def _hidden_and_heads(model_dir: str) -> tuple[int, int]:
    try:
        cfg = json.loads((Path(model_dir) / "config.json").read_text())
        return int(cfg["hidden_size"]), int(cfg["num_attention_heads"])
    except (OSError, KeyError, ValueError) as exc:
        raise ConfigError(f"no usable config.json in {model_dir}", "check the embedding_model setting") from exc


def quantise_int8(model_dir: str, folder: Path) -> Path:
    """Write ``folder/model.int8.onnx`` from the checked fp32 export in ``folder`` (needs the onnx package).

    Fusing first lets the quantiser see whole Attention nodes (their Q/K/V projection becomes one int8 weight) and
    keeps the fp32 layer norms and GELU as single kernels; per-channel scales are what keep it close to fp32.
    """
    import onnx
    import onnxruntime
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    fp32 = check_export(model_dir, folder)
    if fp32 is None:
        raise ExportMissing(f"the fp32 ONNX export in {folder} is missing or stale; the int8 one is made from it")
    hidden, heads = _hidden_and_heads(model_dir)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".int8-") as tmp:
        fused = Path(tmp) / "fused.onnx"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # opt_level 0: only the Python fusions, which are portable; onnxruntime's own level-2 rewrites are
            # applied by each session for the machine it runs on.
            optimizer.optimize_model(str(fp32), model_type="bert", num_heads=heads, hidden_size=hidden,
                                     opt_level=0).save_model_to_file(str(fused))
            part = Path(tmp) / INT8_FILE
            # The fused graph's contrib ops (Attention, SkipLayerNormalization) defeat ONNX shape inference; their
            # outputs are float.
            quantize_dynamic(str(fused), str(part), per_channel=True, weight_type=QuantType.QInt8,
                             extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        os.chmod(part, 0o644)
        os.replace(part, folder / INT8_FILE)
    path = folder / INT8_FILE
    st = path.stat()
    src = _manifest(folder / MANIFEST_FILE) or {}
    meta = {"recipe": INT8_RECIPE, "sha256": _sha256(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "source": ONNX_FILE, "source_sha256": src.get("sha256"), "onnxruntime": onnxruntime.__version__,
            "quantisation": "dynamic, QInt8 weights per channel, after bert fusion (opt_level 0)"}
    (folder / INT8_MANIFEST).write_text(json.dumps(meta, indent=1) + "\n")
    log.info("quantised %s to %s", fp32, path)
    return path


def ensure_export(model_dir: str, folder: Path, precision: str = "fp32") -> Path:
    """The checked export; made now (first use) when torch is importable, else ExportMissing with the remedy.

    The int8 file is made from the fp32 one (onnx + onnxruntime only, ~10 s) when it is missing or stale.
    """
    path = check_export(model_dir, folder, precision)
    if path is not None:
        return path
    if precision != "fp32":
        ensure_export(model_dir, folder)
        log.warning("quantising the embedding model to int8 in %s (once; takes ~10 s)", folder)
        return _written(lambda: quantise_int8(model_dir, folder), f"the int8 encoder to {folder}")
    try:
        import torch  # noqa: F401  (only to know whether an export can be made here)
    except ImportError as exc:
        raise ExportMissing(f"the ONNX export of the embedding model is missing or stale in {folder}") from exc
    log.warning("exporting the embedding model to ONNX in %s (once; takes ~15 s)", folder)
    return _written(lambda: export_onnx(model_dir, folder), f"the ONNX export to {folder}")


def _written(make: Callable[[], Path], what: str) -> Path:
    """Run a step that writes beside the model; a folder it cannot write to becomes ExportMissing with the remedy."""
    try:
        return make()
    except OSError as exc:
        raise ExportMissing(f"cannot write {what}: {exc.strerror}",
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
    """Export the configured model and its int8 variant (set-up time): ``python -m briefbot.encoder [--force]``."""
    from .config import load_settings
    from .embed import model_path

    # Our progress lines at INFO; onnxruntime's quantiser logs every tensor at INFO on the root logger (hundreds of
    # lines in set-up), so other libraries stay at WARNING.
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    for name in ("briefbot", __name__):  # __name__ is "__main__" under python -m
        logging.getLogger(name).setLevel(logging.INFO)
    args = sys.argv[1:] if argv is None else argv
    settings = load_settings()
    src = model_path(settings.embedding_model)
    folder = onnx_dir(src, settings.encoder_dir)
    path = None if "--force" in args else check_export(src, folder)
    if path is None:
        path = _written(lambda: export_onnx(src, folder), f"the ONNX export to {folder}")
    log.info("ONNX encoder: %s", path)
    # The int8 variant too, so switching encoder_precision needs no set-up step. It is an option: set-up goes on
    # without it (the default fp32 encoder is ready), and choosing int8 later makes it or says why it cannot.
    int8 = None if "--force" in args else check_export(src, folder, "int8")
    if int8 is None:
        try:
            int8 = _written(lambda: quantise_int8(src, folder), f"the int8 encoder to {folder}")
        except Exception as exc:  # any failure of this optional step is reported, not fatal
            log.warning("the int8 encoder was not made (%s); the fp32 encoder is ready, and "
                        "encoder_precision = 'int8' tries again when chosen", exc)
            return 0
    log.info("ONNX encoder, int8: %s", int8)
    return 0


if __name__ == "__main__":
    sys.exit(main())
