"""ONNX encoder against the torch model on real passages of an index: cosine min/mean and encode time of each.

    python benchmarks/encoder_check.py --index SAMPLE_IDX                    # every passage of the index
    python benchmarks/encoder_check.py --index IDX --limit 5000 --threads 1  # a spread sample of 5,000 passages
    python benchmarks/encoder_check.py --index IDX --limit 5000 --stored     # ONNX against the index's own vectors

The index is opened read-only (its catalog through SQLite ``mode=ro``); nothing is written to it. Passages are the
index's distinct chunk texts; with --limit an evenly spaced sample over text-hash order (so every document type
appears). Both encoders run in this process with the same batch size and thread count, ONNX first. --stored
compares the ONNX vectors with the torch vectors the index was built with (its embeddings.sqlite cache, written by
a torch-encoder ingest), so only the ONNX side is computed.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

for _var, _val in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False")):
    os.environ.setdefault(_var, _val)


def passages(index: Path, limit: int | None) -> list[tuple[str, str]]:
    """(text hash, text) of distinct passages, evenly spread over hash order when limited."""
    from briefbot.config import Settings

    catalog = index / Settings(index=index).collection_name() / "catalog.sqlite"
    db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
    rows = [(r[0], r[1]) for r in db.execute("SELECT text_hash, text FROM chunks GROUP BY text_hash "
                                             "ORDER BY text_hash")]
    db.close()
    if limit and len(rows) > limit:
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


def stored_vectors(index: Path, hashes: list[str]) -> dict[str, np.ndarray]:
    from briefbot.embed import PACKAGED

    db = sqlite3.connect(f"file:{index / 'embeddings.sqlite'}?mode=ro", uri=True)
    out: dict[str, np.ndarray] = {}
    for i in range(0, len(hashes), 900):
        part = hashes[i:i + 900]
        for h, blob in db.execute(f"SELECT hash, vec FROM vectors WHERE model = ? AND hash IN "
                                  f"({','.join('?' * len(part))})", [PACKAGED, *part]):
            out[h] = np.frombuffer(blob, dtype=np.float32)
    db.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--stored", action="store_true", help="compare with the index's stored (torch) vectors")
    args = ap.parse_args()
    from briefbot.embed import Embedder

    rows = passages(args.index, args.limit)
    stored = stored_vectors(args.index, [h for h, _ in rows]) if args.stored else {}
    if args.stored:
        rows = [r for r in rows if r[0] in stored]
    texts = [t for _, t in rows]
    out: dict[str, object] = {"index": str(args.index), "passages": len(texts), "threads": args.threads,
                              "batch_size": args.batch_size, "load_avg_start": os.getloadavg()}
    vectors = {}
    for backend in ("onnx",) if args.stored else ("onnx", "torch"):
        emb = Embedder(batch_size=args.batch_size, threads=args.threads, backend=backend)
        t0 = time.perf_counter()
        emb.load()
        t1 = time.perf_counter()
        vectors[backend] = emb.embed_documents(texts)
        t2 = time.perf_counter()
        out[backend] = {"load_s": round(t1 - t0, 2), "encode_s": round(t2 - t1, 2),
                        "texts_per_s": round(len(texts) / (t2 - t1), 1)}
    a = vectors["onnx"]
    b = np.stack([stored[h] for h, _ in rows]) if args.stored else vectors["torch"]
    out["against"] = "stored torch vectors of the index" if args.stored else "torch encoder in this process"
    cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    out["cosine"] = {"min": float(cos.min()), "mean": float(cos.mean()), "p001": float(np.quantile(cos, 0.001)),
                     "below_0.9999": int((cos < 0.9999).sum())}
    out["load_avg_end"] = os.getloadavg()
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
