"""Questions that name documents: the filtered Chroma query against vectors fetched by id (issue 13).

    python benchmarks/named_docs.py --index IDX [--questions 60]

For gold questions that name a symbol present in the index, plus "What does SYMBOL decide about ..." for evenly
spread indexed symbols: the candidate search inside the named documents both ways (``Store._chroma_search`` with
the ``doc_id`` filter, the previous path; ``Store.score_documents``, uncached and cached) and whole
``Briefbot.retrieve`` calls each way, sequentially in one process. Checks that both give the same passages in the
same order. Retrieval only: nothing is written to the index.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

for _var, _val in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False")):
    os.environ.setdefault(_var, _val)

REPO = Path(__file__).resolve().parents[1]


def _pcts(ms: list[float]) -> dict[str, float]:
    return {"p50": round(float(np.percentile(ms, 50)), 2), "p95": round(float(np.percentile(ms, 95)), 2),
            "mean": round(float(np.mean(ms)), 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--questions", type=int, default=60)
    args = ap.parse_args()
    from briefbot.config import Settings
    from briefbot.refs import parse_references
    from briefbot.service import Briefbot

    bot = Briefbot(Settings(index=args.index))
    docs = bot.retriever.documents()
    symbols = sorted({d.symbol for d in docs.values() if d.symbol})
    gold = [json.loads(x)["question"] for x in (REPO / "evals" / "gold.jsonl").read_text().splitlines() if x.strip()]
    topics = ["the arms embargo", "the Panel of Experts", "illicit exports of petroleum", "sanctions measures"]
    spread = [symbols[int(i * len(symbols) / args.questions)] for i in range(min(args.questions, len(symbols)))]
    candidates = gold + [f"What does {s} decide about {topics[i % len(topics)]}?" for i, s in enumerate(spread)]
    work: list[tuple[str, list[str]]] = []
    for q in candidates:
        named = sorted(bot.retriever._named_documents(parse_references(q), docs, None))
        if named:
            work.append((q, named))
    n = max(bot.settings.candidates, bot.settings.k * 3)
    embedder = bot.embedder
    bot.retrieve(work[0][0])  # warm-up: model, lexical index, Chroma segments
    old_ms, cold_ms, warm_ms, same, diff = [], [], [], 0, []
    for q, named in work:
        v = embedder.embed_query(q)
        t0 = time.perf_counter()
        old = bot.store._chroma_search(v, n, named)
        t1 = time.perf_counter()
        bot.store._doc_vectors.clear()
        new = bot.store.score_documents(v, n, named)
        t2 = time.perf_counter()
        bot.store.score_documents(v, n, named)
        t3 = time.perf_counter()
        old_ms.append((t1 - t0) * 1000)
        cold_ms.append((t2 - t1) * 1000)
        warm_ms.append((t3 - t2) * 1000)
        if [h for h, _ in old] == [h for h, _ in new] and np.allclose([s for _, s in old], [s for _, s in new],
                                                                      atol=1e-5):
            same += 1
        else:
            diff.append({"question": q, "named": named, "old": old[:5], "new": new[:5]})

    def retrieve_ms() -> tuple[list[float], list[Any]]:
        ms, hits = [], []
        for q, _ in work:
            t0 = time.perf_counter()
            got = bot.retrieve(q)
            ms.append((time.perf_counter() - t0) * 1000)
            hits.append([(h.chunk.doc_id, h.chunk.ordinal) for h in got])
        return ms, hits

    new_retrieve, new_hits = retrieve_ms()
    bot.store.score_documents = bot.store._chroma_search  # type: ignore[method-assign]  # the previous path
    old_retrieve, old_hits = retrieve_ms()
    out = {"index": str(args.index), "vectors": bot.store._vector_count(), "documents": len(docs),
           "questions_naming_documents": len(work),
           "named_per_question_mean": float(np.mean([len(x) for _, x in work])),
           "candidates_n": n, "load_avg": os.getloadavg(),
           "search_in_named_ms": {"filtered_chroma_query": _pcts(old_ms), "by_id_uncached": _pcts(cold_ms),
                                  "by_id_cached": _pcts(warm_ms)},
           "retrieve_ms": {"by_id": _pcts(new_retrieve), "filtered_query": _pcts(old_retrieve)},
           "same_candidates": f"{same}/{len(work)}",
           "same_retrieve_hits": f"{sum(a == b for a, b in zip(new_hits, old_hits, strict=True))}/{len(work)}",
           "differences": diff[:5]}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
