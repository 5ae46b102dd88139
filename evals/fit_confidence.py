"""Refit the extractive engine's confidence model (src/briefbot/data/confidence.json) on the DEV half of the gold set.

Every dev question is asked with abstention switched off; the features the engine reads (``FEATURES`` in
briefbot.confidence, recorded in ``Answer.timings_ms``) and whether the question is answerable make one row. A
logistic regression (numpy, L2, class-balanced) is fitted on the standardised features, and its intercept is
shifted so that probability 0.5 (the ``abstain_threshold`` default) sits at the cut that maximises
correct abstentions while wrong abstentions stay under ``--max-wrong`` (default 0.03) on dev. Test questions are
never read.

    PYTHONPATH=src python evals/fit_confidence.py --gold evals/gold.jsonl --index /path/to/index [--write]

Without ``--write`` it only prints the fit and the dev abstention figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np

from briefbot.confidence import FEATURES
from briefbot.config import Settings
from briefbot.evaldata import load_dataset, select_split
from briefbot.service import Briefbot

OUT = Path(__file__).resolve().parents[1] / "src" / "briefbot" / "data" / "confidence.json"
log = logging.getLogger("fit_confidence")


def collect(gold: Path, index: Path, only_indexed: bool) -> tuple[np.ndarray, np.ndarray, list[str]]:
    bot = Briefbot(Settings(index=index, abstain_threshold=0.0))
    indexed = {d.file_name for d in bot.library()}
    rows, labels, ids = [], [], []
    for q in select_split(load_dataset(gold), "dev"):
        if only_indexed and q.answerable and not {e.document for e in q.expected} <= indexed:
            continue
        answer = bot.ask(q.question)
        if answer.abstained:  # abstained whatever the confidence (a named paragraph that is not there)
            continue
        stats = answer.timings_ms
        rows.append([float(stats.get(name, 0.0)) for name in FEATURES])
        labels.append(1.0 if q.answerable else 0.0)
        ids.append(q.id)
    return np.asarray(rows), np.asarray(labels), ids


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.05, steps: int = 5000) -> tuple[np.ndarray, float]:
    """Class-balanced logistic regression by gradient descent on standardised features."""
    w = np.zeros(x.shape[1])
    b = 0.0
    pos = max(y.sum(), 1.0)
    neg = max(len(y) - y.sum(), 1.0)
    sample = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = sample * (p - y)
        w -= 0.1 * (x.T @ g / len(y) + l2 * w)
        b -= 0.1 * g.mean()
    return w, b


def best_cut(z: np.ndarray, y: np.ndarray, max_wrong: float | None = None) -> float:
    """The logit cut (abstain when z < cut) maximising correct abstentions - 2 x wrong abstentions, or, with
    ``max_wrong``, the most correct abstentions while wrong abstentions stay at or below that share of the
    answerable questions (the issue's bound is 0.05; -2 x wrong alone settled on abstaining almost never)."""
    cuts = np.concatenate([[-np.inf], np.sort(z) + 1e-9])
    n_pos = max(int((y == 1).sum()), 1)
    scores = []
    for c in cuts:
        right, wrong = int(((z < c) & (y == 0)).sum()), int(((z < c) & (y == 1)).sum())
        if max_wrong is None:
            scores.append(right - 2 * wrong)
        else:
            scores.append(right - wrong / n_pos if wrong / n_pos <= max_wrong else -np.inf)
    i = int(np.argmax(scores))
    # Halfway to the next score so the cut does not sit on a training point.
    lo = cuts[i] if np.isfinite(cuts[i]) else z.min() - 1
    hi = min((v for v in z if v >= lo), default=lo + 1)
    return float((lo + hi) / 2) if hi > lo else float(lo)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--only-indexed", action="store_true",
                    help="skip answerable questions whose documents are not in the index (a sample index)")
    ap.add_argument("--max-wrong", type=float, default=0.03,
                    help="largest share of answerable dev questions the cut may abstain on (0.03: under the 0.05 "
                         "target with a margin); negative: maximise correct - 2 x wrong instead")
    ap.add_argument("--write", action="store_true", help=f"write {OUT}")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    x, y, ids = collect(args.gold, args.index, args.only_indexed)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    xs = (x - mean) / scale
    w, b = fit(xs, y)
    z = xs @ w + b
    cut = best_cut(z, y, args.max_wrong if args.max_wrong >= 0 else None)
    abstain = z < cut
    log.info("dev rows %d (%d unanswerable); coef %s", len(y), int((y == 0).sum()),
             dict(zip(FEATURES, np.round(w, 3).tolist(), strict=True)))
    log.info("dev abstention on unanswerable %.3f, wrong abstention %.3f",
             abstain[y == 0].mean() if (y == 0).any() else float("nan"), abstain[y == 1].mean())
    for i, qid in enumerate(ids):
        if abstain[i] != (y[i] == 0):
            log.info("  dev miss %s answerable=%d z=%.2f %s", qid, int(y[i]), z[i] - cut,
                     dict(zip(FEATURES, np.round(x[i], 3).tolist(), strict=True)))
    if args.write:
        data = {"features": list(FEATURES), "coef": np.round(w, 5).tolist(), "intercept": round(float(b - cut), 5),
                "mean": np.round(mean, 5).tolist(), "scale": np.round(scale, 5).tolist(),
                "_comment": f"fitted by evals/fit_confidence.py on the dev split ({len(y)} questions, "
                            f"{int((y == 0).sum())} unanswerable) of {args.gold.name}; index {args.index.name}; "
                            f"cut at wrong abstention <= {args.max_wrong}"}
        OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        log.info("wrote %s", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
