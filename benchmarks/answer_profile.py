"""Where one question's server time goes, and what the answers are (to check a speed change leaves them alone).

    PYTHONPATH=src python benchmarks/answer_profile.py --index /path/to/index --split dev --limit 30 \
        --json benchmarks/out/answer_profile.json

Opens the index read-only through ``Briefbot`` (as ``briefbot serve`` does), warms it, then asks each question of
``evals/gold.jsonl`` (the split given) twice through ``Briefbot.ask_stream``: the first pass is timed per stage
(retrieval, every model call with its text count, the extractive answer stage, the history write of the web app
is not part of the service and is timed separately by web_load.py), the second shows what repeated passages cost
once the answer stage has seen them. Writes per question the answer text, its citations (document, page,
quote) and the timings; ``--compare OTHER.json`` reports every question whose answer or citations differ.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _k, _v in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
               "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_k, _v)


def fingerprint(answer: Any) -> dict[str, Any]:
    return {"answer": answer.answer, "abstained": answer.abstained,
            "citations": [[c.doc_id, c.page, c.quote] for c in answer.citations]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "out" / "answer_profile.json")
    ap.add_argument("--compare", type=Path, help="an earlier output: list the questions whose answers differ")
    a = ap.parse_args(argv)

    from briefbot.config import Settings
    from briefbot.service import open_briefbot

    settings = Settings(index=a.index)
    bot = open_briefbot(settings)
    bot.warm()
    calls: list[tuple[int, float]] = []
    embedder = bot.embedder
    inner = embedder._encode

    def timed(method: str, texts: list[str], threads: int | None = None) -> Any:
        t = time.perf_counter()
        out = inner(method, texts, threads)
        calls.append((len(texts), time.perf_counter() - t))
        return out

    embedder._encode = timed  # type: ignore[method-assign]
    gold = [json.loads(line) for line in (ROOT / "evals" / "gold.jsonl").read_text().splitlines() if line.strip()]
    questions = [g for g in gold if g.get("split") == a.split][:a.limit]
    rows: list[dict[str, Any]] = []
    for rep in (1, 2):
        for g in questions:
            calls.clear()
            t0 = time.perf_counter()
            first = None
            answer = None
            for ev in bot.ask_stream(g["question"]):
                if ev.kind == "token" and first is None:
                    first = time.perf_counter() - t0
                if ev.kind == "done":
                    answer = ev.answer
            total = time.perf_counter() - t0
            assert answer is not None
            row = {"id": g["id"], "pass": rep, "total_ms": round(1000 * total, 1),
                   "first_token_ms": round(1000 * (first or total), 1),
                   "retrieve_ms": answer.timings_ms.get("retrieve"),
                   "model_calls": [[n, round(1000 * s, 1)] for n, s in calls],
                   "model_ms": round(1000 * sum(s for _, s in calls), 1), **fingerprint(answer)}
            rows.append(row)
    out = {"index": str(a.index), "split": a.split, "questions": len(questions), "rows": rows}
    for rep in (1, 2):
        rs = [r for r in rows if r["pass"] == rep]
        tot = sorted(r["total_ms"] for r in rs)
        out[f"pass{rep}"] = {"total_ms_mean": round(sum(tot) / len(tot), 1), "total_ms_p50": tot[len(tot) // 2],
                             "retrieve_ms_mean": round(sum(r["retrieve_ms"] or 0 for r in rs) / len(rs), 1),
                             "model_ms_mean": round(sum(r["model_ms"] for r in rs) / len(rs), 1),
                             "model_calls_per_q": round(sum(len(r["model_calls"]) for r in rs) / len(rs), 2),
                             "texts_encoded_per_q": round(sum(n for r in rs for n, _ in r["model_calls"]) / len(rs),
                                                          1)}
        print(f"pass {rep}: {json.dumps(out[f'pass{rep}'])}", flush=True)
    a.json.parent.mkdir(parents=True, exist_ok=True)
    a.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    if a.compare:
        other = {(r["id"], r["pass"]): r for r in json.loads(a.compare.read_text())["rows"]}
        keys = ("answer", "abstained", "citations")
        diff = [r["id"] for r in rows if r["pass"] == 1
                and any(r[k] != other.get((r["id"], 1), {}).get(k) for k in keys)]
        same = sum(1 for r in rows if r["pass"] == 1) - len(diff)
        print(f"compared with {a.compare}: {same} identical, {len(diff)} differ {diff}", flush=True)
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
