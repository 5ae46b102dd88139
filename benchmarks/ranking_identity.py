"""Speed work must not change what retrieval returns: the top-10 of two code versions, side by side.

    python benchmarks/ranking_identity.py --index INDEXES/scale-real --code base=f697604 --code new=worktree

For every gold question of the split (default dev), each code version (a git revision or ``worktree``, frozen
into a temporary copy of ``src/``) runs ``Briefbot.retrieve`` (k = 10) in its own process on the same index
and writes, per question, the ranked (document, ordinal, text hash, score) and the extractive answer's text and
citations. The versions are then compared: the lists must be identical, rank by rank; scores may differ only
in float rounding (reported). Exit status 1 when any list differs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOLD = REPO / "evals" / "gold.jsonl"
sys.path.insert(0, str(HERE))


def dump(index: Path, split: str, out: Path, answers: bool) -> None:
    """Child: this process's briefbot (PYTHONPATH) on ``index``."""
    from briefbot.config import Settings
    from briefbot.evaluate import load_dataset
    from briefbot.service import Briefbot

    bot = Briefbot(Settings(index=index, embedding_cache=False))
    rows: list[dict[str, Any]] = []
    for q in load_dataset(GOLD):
        if split != "all" and q.split != split:
            continue
        hits = bot.retrieve(q.question, k=10)
        row: dict[str, Any] = {"id": q.id, "question": q.question,
                               "top": [[h.chunk.doc_id, h.chunk.ordinal, h.chunk.text_hash, h.score] for h in hits]}
        if answers:
            a = bot.ask(q.question)
            row["answer"] = a.answer
            row["citations"] = [[c.doc_id, c.page, c.quote] for c in a.citations]
        rows.append(row)
    out.write_text(json.dumps(rows, indent=0))


def compare(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> dict[str, Any]:
    differ: list[str] = []
    answers_differ: list[str] = []
    max_score_diff = 0.0
    for x, y in zip(a, b, strict=True):
        assert x["id"] == y["id"]
        if [t[:3] for t in x["top"]] != [t[:3] for t in y["top"]]:
            differ.append(x["id"])
        else:
            max_score_diff = max([max_score_diff, *(abs(s[3] - t[3]) for s, t in zip(x["top"], y["top"],
                                                                                      strict=True))])
        if x.get("answer") != y.get("answer") or x.get("citations") != y.get("citations"):
            answers_differ.append(x["id"])
    return {"questions": len(a), "top10_identical": len(a) - len(differ), "differ": differ,
            "max_score_diff": max_score_diff, "answers_differ": answers_differ}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--code", action="append", required=False, default=None,
                        help="LABEL=REV (git revision or 'worktree'); exactly two")
    parser.add_argument("--split", default="dev", help="dev, test or all")
    parser.add_argument("--answers", action="store_true", help="also compare the extractive answers")
    parser.add_argument("--keep", type=Path, default=None, help="keep each version's lists in this directory")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        dump(args.index, args.split, Path(args.child[1]), args.answers)
        return 0
    from scale_latency import _code  # the same frozen copies as the latency A/B

    codes = [tuple(c.split("=", 1)) for c in (args.code or [])]
    if len(codes) != 2:
        parser.error("give exactly two --code LABEL=REV")
    work = Path(tempfile.mkdtemp(prefix="ranking-identity-"))
    try:
        lists = {}
        for label, rev in codes:
            code = _code(work / f"code-{label}", rev)
            out = work / f"{label}.json"
            env = {**os.environ, "PYTHONPATH": str(code / "src"), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                   "ANONYMIZED_TELEMETRY": "False", "PYTHONHASHSEED": "0",
                   "BRIEFBOT_CONFIG": str(work / "none.toml")}
            env = {k: v for k, v in env.items() if not k.startswith("BRIEFBOT_") or k == "BRIEFBOT_CONFIG"}
            cmd = [sys.executable, str(Path(__file__).resolve()), "--index", str(args.index), "--split", args.split,
                   "--child", label, str(out)] + (["--answers"] if args.answers else [])
            subprocess.run(cmd, check=True, env=env)
            lists[label] = json.loads(out.read_text())
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy2(out, args.keep / out.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (la, _), (lb, _) = codes
    res = compare(lists[la], lists[lb])
    print(json.dumps({"index": str(args.index), "split": args.split, "codes": dict(codes), **res}, indent=1))
    return 1 if res["differ"] or (args.answers and res["answers_differ"]) else 0


if __name__ == "__main__":
    sys.exit(main())
