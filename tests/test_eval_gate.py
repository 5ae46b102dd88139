"""CI quality gate: the gold questions answerable from ingest/samples (plus every unanswerable one) must keep
their recorded quality. Thresholds live in evals/thresholds.json; lower them only with a reason in the commit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefbot.evalrun import quote_checker
from briefbot.evaluate import load_dataset, run_eval
from briefbot.service import Briefbot

REPO = Path(__file__).resolve().parents[1]


def test_quality_on_sample_subset(sample_index: tuple[Any, Any]) -> None:
    settings, _ = sample_index
    bot = Briefbot(settings)
    samples = {p.name for p in (REPO / "ingest" / "samples").glob("*.pdf")}
    dataset = [q for q in load_dataset(REPO / "evals" / "gold.jsonl")
               if (not q.answerable) or (q.expected and {e.document for e in q.expected} <= samples)]
    assert sum(q.answerable for q in dataset) >= 10
    run = run_eval(dataset, lambda question: bot.ask(question).to_dict(), quote_checker(bot), "gate")
    thresholds = json.loads((REPO / "evals" / "thresholds.json").read_text())
    failures = {k: (run.overall[k], v) for k, v in thresholds["min"].items()
                if run.overall[k] is None or run.overall[k] < v}
    failures |= {k: (run.overall[k], v) for k, v in thresholds.get("max", {}).items()
                 if run.overall[k] is None or run.overall[k] > v}
    assert not failures, f"quality below recorded thresholds (got, min): {failures}"
