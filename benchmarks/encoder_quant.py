"""Quantised variants of the ONNX encoder against the fp32 export, on real passages of an index (issue 13).

    # every variant: cosine to fp32 and encode CPU-seconds, same texts, same process, fp32 timed first and last
    python benchmarks/encoder_quant.py variants --index INDEXES/full --pdf 1600 --bulk 1600 --work DIR
    # the ingest estimate: fp32 and one variant alternating over groups of 256 texts (all corpus-PDF passages,
    # and a 5% slice of the bulk Council passages)
    python benchmarks/encoder_quant.py ingest --index INDEXES/full --variant int8 --bulk-share 0.05 \\
        --configs fp32@64 fp32@8 int8@8 --pdf-limit 2000 --work DIR
    # padded tokens the model computes, batches cut from length-sorted texts vs arrival order (no model run)
    python benchmarks/encoder_quant.py padding --index INDEXES/full --work DIR

The index is opened read-only. Passages are its distinct chunk texts, split by the source of their document (the
103 corpus PDFs vs the bulk Council records) and spread evenly over text-hash order. Variants are written to
--work (the fp32 export is read from where the settings put it). CPU-seconds are user+sys of this process around
each encode call with one intra-op thread, so other jobs on the machine change them less than wall time; compare
the ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

for _var, _val in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False"),
                   ("ORT_DISABLE_TELEMETRY", "1")):
    os.environ.setdefault(_var, _val)

log = logging.getLogger("encoder_quant")


def passages(index: Path, source: str, limit: int | None) -> list[str]:
    """Distinct chunk texts of documents from ``source`` ('pdf' or 'bulk'), evenly spread when limited."""
    from briefbot.config import Settings

    catalog = index / Settings(index=index).collection_name() / "catalog.sqlite"
    db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
    rows = [r[0] for r in db.execute(
        "SELECT c.text FROM chunks c JOIN documents d USING (doc_id) WHERE d.source = ? "
        "GROUP BY c.text_hash ORDER BY c.text_hash", (source,))]
    db.close()
    if limit and len(rows) > limit:
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# name -> (graph: "plain" | "fused", quantize_dynamic keyword arguments or None for float)
VARIANTS: dict[str, tuple[str, dict[str, Any] | None]] = {
    "fp32-fused": ("fused", None),
    "int8-default": ("plain", {}),
    "int8-perchannel": ("plain", {"per_channel": True}),
    "int8-reduce-range": ("plain", {"reduce_range": True}),
    "int8-quint8": ("plain", {"weight_type": "QUInt8"}),
    "int8-matmul": ("plain", {"op_types_to_quantize": ["MatMul"]}),
    "int8-matmul-perchannel": ("plain", {"op_types_to_quantize": ["MatMul"], "per_channel": True}),
    "int8-matmul-pc-edges": ("plain", {"op_types_to_quantize": ["MatMul"], "per_channel": True, "edges": True}),
    "int8-fused": ("fused", {}),
    "int8-fused-perchannel": ("fused", {"per_channel": True}),
    "int8-fused-pc-quint8": ("fused", {"per_channel": True, "weight_type": "QUInt8"}),
    "int8-fused-pc-reduce-range": ("fused", {"per_channel": True, "reduce_range": True}),
    "int8-fused-matmul-pc": ("fused", {"op_types_to_quantize": ["MatMul"], "per_channel": True}),
}


def build(name: str, fp32: Path, work: Path) -> Path:
    """Write variant ``name`` of the fp32 export into ``work`` (reused when present)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    graph, opts = VARIANTS[name]
    out = work / f"{name}.onnx"
    if out.exists():
        return out
    src = fp32
    if graph == "fused":
        src = work / "fused.onnx"
        if not src.exists():
            model = optimizer.optimize_model(str(fp32), model_type="bert", num_heads=12, hidden_size=384,
                                             opt_level=0)
            model.save_model_to_file(str(src))
        if opts is None:
            return src
    assert opts is not None
    kw = dict(opts)
    if kw.pop("edges", False):  # keep the first and last transformer layers in float
        nodes = onnx.load(str(src), load_external_data=False).graph.node
        kw["nodes_to_exclude"] = [n.name for n in nodes if n.op_type == "MatMul"
                                  and ("layer.0/" in n.name or "layer.5/" in n.name)]
        log.info("%s: %d MatMul nodes kept in float", name, len(kw["nodes_to_exclude"]))
    if graph == "fused":  # contrib ops (Attention, SkipLayerNormalization) defeat ONNX shape inference
        kw["extra_options"] = {"DefaultTensorType": onnx.TensorProto.FLOAT}
    if "weight_type" in kw:
        kw["weight_type"] = getattr(QuantType, kw["weight_type"])
    else:
        kw["weight_type"] = QuantType.QInt8
    quantize_dynamic(str(src), str(out), **kw)
    return out


def encoder(model_dir: str, path: Path) -> Any:
    from briefbot.encoder import OnnxEncoder

    enc = OnnxEncoder(model_dir, path, threads=1, batch_size=64)
    t0 = time.perf_counter()
    enc.prepare()
    enc.load_seconds = time.perf_counter() - t0
    return enc


def timed(enc: Any, texts: list[str]) -> tuple[np.ndarray, float, float]:
    c0, w0 = cpu(), time.perf_counter()
    vec = enc.encode(texts)
    return vec, cpu() - c0, time.perf_counter() - w0


def cos_stats(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    return {"mean": round(float(cos.mean()), 5), "p01": round(float(np.quantile(cos, 0.01)), 5),
            "p001": round(float(np.quantile(cos, 0.001)), 5), "min": round(float(cos.min()), 5)}


def fp32_path() -> tuple[str, Path]:
    from briefbot.config import load_settings
    from briefbot.embed import model_path
    from briefbot.encoder import ensure_export, onnx_dir

    settings = load_settings()
    src = model_path(settings.embedding_model)
    return src, ensure_export(src, onnx_dir(src, settings.encoder_dir))


def run_variants(args: argparse.Namespace) -> dict[str, Any]:
    model_dir, fp32 = fp32_path()
    texts = passages(args.index, "pdf", args.pdf) + passages(args.index, "bulk", args.bulk)
    names = args.only or list(VARIANTS)
    paths = {n: build(n, fp32, args.work) for n in names}
    out: dict[str, Any] = {"passages": len(texts), "pdf": args.pdf, "bulk": args.bulk,
                           "load_avg_start": os.getloadavg(), "variants": {}}
    base = encoder(model_dir, fp32)
    ref, c, w = timed(base, texts)
    fp32_cpu = [c]
    out["variants"]["fp32"] = {"cpu_s": round(c, 1), "wall_s": round(w, 1), "load_s": round(base.load_seconds, 2),
                               "mb": round(fp32.stat().st_size / 1e6, 1)}
    log.info("fp32: %.1f CPU-s", c)
    for n in names:
        enc = encoder(model_dir, paths[n])
        vec, c, w = timed(enc, texts)
        out["variants"][n] = {"cpu_s": round(c, 1), "wall_s": round(w, 1), "load_s": round(enc.load_seconds, 2),
                              "mb": round(paths[n].stat().st_size / 1e6, 1), "cosine": cos_stats(vec, ref)}
        log.info("%s: %s", n, out["variants"][n])
        del enc
    _, c, w = timed(base, texts)
    fp32_cpu.append(c)
    out["variants"]["fp32"]["cpu_s_end"] = round(c, 1)
    mean = sum(fp32_cpu) / 2
    for n in names:
        out["variants"][n]["cpu_ratio_to_fp32"] = round(out["variants"][n]["cpu_s"] / mean, 3)
    out["load_avg_end"] = os.getloadavg()
    return out


def run_ingest(args: argparse.Namespace) -> dict[str, Any]:
    """--configs (PRECISION@BATCH_SIZE; fp32 first) alternating over groups of 256 texts (the ingest's flush size),
    on the corpus-PDF passages (--pdf-limit: an even spread of them) and a slice of the bulk ones; cosine of each to
    the first config; CPU-seconds scaled to the whole set."""
    from briefbot.encoder import OnnxEncoder

    model_dir, fp32 = fp32_path()
    path = fp32.parent / "model.int8.onnx" if args.variant == "int8" else build(args.variant, fp32, args.work)
    out: dict[str, Any] = {"variant": str(path), "configs": args.configs, "load_avg_start": os.getloadavg()}
    encoders = {}
    for name in args.configs:
        label, _, bs = name.partition("@")
        encoders[name] = OnnxEncoder(model_dir, fp32 if label == "fp32" else path, threads=1, batch_size=int(bs))
    ref_name = args.configs[0]
    pdf_all = passages(args.index, "pdf", None)
    pdf = passages(args.index, "pdf", args.pdf_limit)
    bulk_all = passages(args.index, "bulk", None)
    bulk = passages(args.index, "bulk", int(len(bulk_all) * args.bulk_share))
    for label, texts, total in (("corpus_pdf", pdf, len(pdf_all)), ("bulk_slice", bulk, len(bulk_all))):
        spent = dict.fromkeys(encoders, 0.0)
        cosines: dict[str, list[np.ndarray]] = {n: [] for n in encoders}
        for i in range(0, len(texts), 256):  # alternate in the groups an ingest sends, so drift hits all alike
            group = texts[i:i + 256]
            vecs = {}
            for n, enc in encoders.items():
                vecs[n], c, _ = timed(enc, group)
                spent[n] += c
            for n in encoders:
                cosines[n].append((vecs[n] * vecs[ref_name]).sum(1))
            log.info("%s %d/%d: %s", label, i + len(group), len(texts), {n: round(c, 1) for n, c in spent.items()})
        res: dict[str, Any] = {"texts": len(texts), "texts_in_set": total}
        for n in encoders:
            cos = np.concatenate(cosines[n])
            res[n] = {"cpu_s": round(spent[n], 1), "ratio_to_" + ref_name: round(spent[n] / spent[ref_name], 3),
                      "cpu_s_whole_set": round(spent[n] * total / len(texts)),
                      "cosine_to_" + ref_name: {"mean": round(float(cos.mean()), 5),
                                                "p01": round(float(np.quantile(cos, 0.01)), 5),
                                                "min": round(float(cos.min()), 5)}}
        out[label] = res
        log.info("%s: %s", label, res)
    out["load_avg_end"] = os.getloadavg()
    return out


def run_padding(args: argparse.Namespace) -> dict[str, Any]:
    """Padded tokens the model computes for the corpus-PDF passages, in ingest-sized groups of 256: batches cut
    from the encoder's length-sorted order (what OnnxEncoder does) against batches in arrival order."""
    from briefbot.encoder import OnnxEncoder

    model_dir, fp32 = fp32_path()
    enc = OnnxEncoder(model_dir, fp32, threads=1, batch_size=64)
    texts = passages(args.index, "pdf", None)
    lengths = [len(e.ids) for e in enc._tok.encode_batch([t.strip() for t in texts])]
    real = sum(lengths)
    padded_sorted = padded_arrival = 0
    for g in range(0, len(texts), 256):
        group = list(range(g, min(g + 256, len(texts))))
        order = sorted(group, key=lambda i: lengths[i])
        for part in enc._batches([lengths[i] for i in order], order):
            padded_sorted += len(part) * max(lengths[i] for i in part)
        for b in range(0, len(group), enc.batch_size):
            part = group[b:b + enc.batch_size]
            padded_arrival += len(part) * max(lengths[i] for i in part)
    return {"texts": len(texts), "real_tokens": real, "computed_tokens_length_sorted": padded_sorted,
            "computed_tokens_arrival_order": padded_arrival,
            "padding_share_length_sorted": round(1 - real / padded_sorted, 4),
            "padding_share_arrival_order": round(1 - real / padded_arrival, 4)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["variants", "ingest", "padding"])
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True, help="folder for the variant graphs")
    ap.add_argument("--pdf", type=int, default=1600, help="corpus-PDF passages (variants)")
    ap.add_argument("--bulk", type=int, default=1600, help="bulk Council passages (variants)")
    ap.add_argument("--only", nargs="*", help="variants to run (default: all)")
    ap.add_argument("--variant", default="int8", help="ingest: 'int8' (the set-up file) or a VARIANTS name")
    ap.add_argument("--bulk-share", type=float, default=0.05)
    ap.add_argument("--configs", nargs="+", default=["fp32@64", "int8@64"], help="ingest: PRECISION@BATCH_SIZE")
    ap.add_argument("--pdf-limit", type=int, default=None, help="ingest: an even spread of this many PDF passages")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    args.work.mkdir(parents=True, exist_ok=True)
    res = {"variants": run_variants, "ingest": run_ingest, "padding": run_padding}[args.mode](args)
    json.dump(res, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
