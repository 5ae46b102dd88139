"""A warm server's cost per question, one code version per process: dense search and whole answer (retrieve +
extractive) over every third gold question, after ``Briefbot.warm``.

    PYTHONPATH=<code>/src python benchmarks/warm_latency.py --index IDX [--questions 120]

Run it for two code versions alternately (each on its own copy of the index) and compare the printed JSON.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parents[1] / "evals" / "gold.jsonl"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(1000 * ordered[int(q * (len(ordered) - 1))], 1) if ordered else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True)
    ap.add_argument("--questions", type=int, default=120)
    args = ap.parse_args()
    from briefbot.config import Settings
    from briefbot.service import Briefbot

    questions = [json.loads(line)["question"] for line in GOLD.read_text().splitlines() if line.strip()]
    questions = questions[::3][:args.questions]
    bot = Briefbot(Settings(index=args.index))
    bot.warm()
    dense: list[float] = []
    search = bot.store.dense_search

    def timed(*a: Any, **k: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return search(*a, **k)
        finally:
            dense.append(time.perf_counter() - t0)

    bot.store.dense_search = timed  # type: ignore[method-assign]
    answer: list[float] = []
    for q in questions:
        t0 = time.perf_counter()
        bot.extractive(q, bot.retrieve(q))
        answer.append(time.perf_counter() - t0)
    print(json.dumps({"questions": len(answer), "dense_ms_p50": _pct(dense, 0.5), "dense_ms_p95": _pct(dense, 0.95),
                      "answer_ms_p50": _pct(answer, 0.5), "answer_ms_p95": _pct(answer, 0.95)}))


if __name__ == "__main__":
    main()
