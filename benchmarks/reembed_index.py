"""Add to an index (a copy: it is written) the collection of another encoder precision, with the same chunks.

    cp -a INDEXES/full COPY
    python benchmarks/reembed_index.py --index COPY --precision int8 [--model F.onnx]
    briefbot eval --index COPY --split dev --compare hybrid --compare int8:encoder_precision=int8

The fp32 collection stays; the new one (named by Settings.collection_name() for that precision) gets a copy of the
fp32 catalog folder (catalog, lexical index) and a Chroma collection with the same ids, texts and metadata and
vectors from the other encoder, so one eval run compares the precisions on identical chunks. --model overrides
the graph (e.g. a variant written by encoder_quant.py); by default the set-up file of that precision is used.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

for _var, _val in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False"),
                   ("ORT_DISABLE_TELEMETRY", "1")):
    os.environ.setdefault(_var, _val)

log = logging.getLogger("reembed_index")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--precision", choices=["fp32", "int8"], required=True)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64, help="as embed_batch_size")
    ap.add_argument("--group", type=int, default=4096, help="texts per encode call (sorted by length inside)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from briefbot.config import load_settings
    from briefbot.embed import model_path
    from briefbot.encoder import OnnxEncoder, ensure_export, onnx_dir
    from briefbot.store import _COLLECTION

    base = load_settings(index=args.index)
    if base.encoder_precision != "fp32":
        raise SystemExit("run with the index's precision unset (fp32)")
    old = base.collection_name()
    new = base.with_overrides(encoder_precision=args.precision).collection_name()
    if (args.index / new).exists():
        raise SystemExit(f"{args.index / new} exists")
    shutil.copytree(args.index / old, args.index / new, symlinks=True)

    src = model_path(base.embedding_model)
    graph = args.model or ensure_export(src, onnx_dir(src, base.encoder_dir), args.precision)
    enc = OnnxEncoder(src, graph, threads=args.threads, batch_size=args.batch_size)
    client = chromadb.PersistentClient(path=str(args.index / "chroma"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    before = client.get_collection(old)
    total = before.count()
    ids: list[str] = []
    docs: list[str] = []
    metas: list[Any] = []
    for i in range(0, total, 5000):  # one get of everything exceeds SQLite's variable limit
        got = before.get(include=["documents", "metadatas"], limit=5000, offset=i)
        ids += got["ids"]
        docs += got["documents"] or []
        metas += got["metadatas"] or []
    assert len(ids) == total, (len(ids), total)
    after = client.get_or_create_collection(new, **_COLLECTION)
    c0, w0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    for i in range(0, total, args.group):
        vec = enc.encode(docs[i:i + args.group])
        for j in range(0, len(vec), 2000):
            k, n = i + j, min(2000, len(vec) - j)
            after.add(ids=ids[k:k + n], embeddings=vec[j:j + n], documents=docs[k:k + n], metadatas=metas[k:k + n])
        log.info("%d / %d vectors", min(i + args.group, total), total)
    c1 = resource.getrusage(resource.RUSAGE_SELF)
    out = {"index": str(args.index), "graph": str(graph), "precision": args.precision,
           "collection": new, "vectors": after.count(), "wall_s": round(time.perf_counter() - w0),
           "cpu_s": round(c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime)}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
