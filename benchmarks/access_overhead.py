"""What per-collection access costs a question: retrieval latency for a reader of every collection against a reader
for whom some collections are hidden, on a copy of an index (its catalog is written: collections are assigned).

    python benchmarks/access_overhead.py --index COPY_OF_INDEX [--hide panel_report] [--questions 40]

Documents of the ``--hide`` type move to a collection "confidential"; the restricted reader reads "general" only.
Reports median and p95 milliseconds of ``Briefbot.retrieve`` per scope, after one warm-up pass, and checks that no
hit of the restricted reader is hidden from it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from briefbot.access import AccessScope
from briefbot.config import Settings
from briefbot.service import Briefbot

GOLD = Path(__file__).resolve().parents[1] / "evals" / "gold.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--hide", default="panel_report")
    ap.add_argument("--questions", type=int, default=40)
    args = ap.parse_args()
    bot = Briefbot(Settings(index=args.index))
    hidden = [d.doc_id for d in bot.library() if d.doc_type == args.hide]
    bot.store.set_collection(hidden, "confidential")
    questions = [json.loads(line)["question"] for line in GOLD.read_text().splitlines() if line.strip()]
    questions = questions[:args.questions]
    scopes = {"everything": None, "general only": AccessScope("bench", frozenset({"general"}))}
    for scope in scopes.values():  # warm-up: model, caches, lexical index
        for q in questions[:5]:
            bot.retrieve(q, scope=scope)
    out: dict[str, dict[str, float]] = {}
    for name, scope in scopes.items():
        times = []
        for q in questions:
            t0 = time.perf_counter()
            hits = bot.retrieve(q, scope=scope)
            times.append((time.perf_counter() - t0) * 1000)
            if scope is not None:
                assert all(h.doc.collection == "general" for h in hits), q
        times.sort()
        out[name] = {"median_ms": round(statistics.median(times), 1),
                     "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}
    print(json.dumps({"documents": len(bot.library()), "hidden": len(hidden), "questions": len(questions),
                      **out}, indent=1))


if __name__ == "__main__":
    main()
