"""Fit the reranking model (src/briefbot/data/rerank.json) on the DEV split of the gold set, and report it by
grouped cross-validation (group = the question's first-cited document, the key of the dev/test split rule), so
the figures printed are out-of-fold, never in-sample.

    PYTHONPATH=src python evals/fit_rerank.py --gold evals/gold.jsonl --index IDX            # CV report
    PYTHONPATH=src python evals/fit_rerank.py --gold evals/gold.jsonl --index IDX --write    # and write the model
    PYTHONPATH=src python evals/fit_rerank.py --gold evals/gold.jsonl --index IDX --cv-eval  # whole-answer CV

``--cv-eval`` runs the whole dev eval (answers, quotes, abstention) with each question answered by a model fitted
on the folds without its document: the out-of-sample figure for the pipeline, where ``briefbot eval`` reads the
shipped model, which was fitted on these questions.

Candidates are the fused top ``--depth`` passages exactly as the retriever hands them to the model at run time, with
the features it computes there. Pairs are graded: a candidate on a gold page outranks one elsewhere, and where the
gold names a paragraph, the passage holding it outranks the other passages of its page (a Council record's "page"
is the whole record, so page pairs alone never told its paragraphs apart). ``--page-pairs`` fits page pairs only,
as before 2026-12-04. ``--similarity`` also embeds each candidate's best sentence with the packaged model
to measure what that feature would add (it is not in the runtime model: 30 more sentences per question cost
more than the latency budget).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from briefbot.chunk import split_sentences
from briefbot.cite import terms
from briefbot.config import Settings
from briefbot.evaldata import select_split
from briefbot.evaluate import load_dataset, page_match, page_targets, paragraph_match
from briefbot.rerank import FEATURES, RerankModel
from briefbot.service import Briefbot

log = logging.getLogger("fit_rerank")
OUT = Path(__file__).resolve().parents[1] / "src" / "briefbot" / "data" / "rerank.json"


def collect(gold: Path, index: Path, depth: int, similarity: bool, candidates: int) -> list[dict[str, Any]]:
    """Each dev question's candidates and their feature rows, exactly as the retriever hands them to the model: its
    first reranking call, over the fused list before renewals, named paragraphs or twins are put first (the search's
    final list, read before 2026-12-04, ranks those by other rules and gave features the model never sees)."""
    import briefbot.retrieve as retrieve

    seen: list[tuple[list[Any], list[list[float]]]] = []

    def capture(top: list[Any], rows: list[list[float]], model: RerankModel) -> list[Any]:
        seen.append((list(top), rows))
        return top  # fusion order: the candidates do not depend on the model being fitted

    saved = retrieve.rerank, retrieve.load_model
    retrieve.rerank = capture  # type: ignore[assignment]
    retrieve.load_model = lambda: RerankModel([0.0] * len(FEATURES), 0.0, [0.0] * len(FEATURES),  # type: ignore
                                              [1.0] * len(FEATURES), depth)
    try:
        return _collect(gold, index, depth, similarity, candidates, seen)
    finally:
        retrieve.rerank, retrieve.load_model = saved


def _collect(gold: Path, index: Path, depth: int, similarity: bool, candidates: int,
             seen: list[tuple[list[Any], list[list[float]]]]) -> list[dict[str, Any]]:
    bot = Briefbot(Settings(index=index, candidates=candidates))
    docs = bot.retriever.documents()
    out: list[dict[str, Any]] = []
    questions = [q for q in select_split(load_dataset(gold), "dev") if q.answerable]
    for i, q in enumerate(questions, start=1):
        seen.clear()
        bot.retrieve(q.question, k=depth)
        if not seen:
            continue
        hits, rows = seen[0]
        q_terms = terms(q.question)
        targets = page_targets(q.expected)
        para = [e for e in q.expected if e.paragraph]
        # Judged as the answer cites it: a Council record with a PDF twin is cited as the PDF's page.
        passages = [bot.retriever._prefer_pdf_twins([h], docs)[0].to_passage() for h in hits]
        record = {"id": q.id, "kind": q.kind, "group": min(e.document for e in q.expected), "rows": rows,
                  "doc": [h.doc.doc_id for h in hits],
                  "page": [any(page_match(p, e) for e in targets) for p in passages],
                  "para": [any(paragraph_match(p, e) for e in para) for p in passages] if para else None}
        if similarity:
            best = []
            for h in hits:
                spans = split_sentences(h.chunk.text) or [(0, len(h.chunk.text))]
                a, b = max(spans, key=lambda ab: len(q_terms & terms(h.chunk.text[ab[0]:ab[1]])))
                best.append(h.chunk.text[a:min(b, a + 240)])
            t0 = time.perf_counter()
            vectors = bot.embedder.embed_documents([q.question, *best])
            record["embed_ms"] = (time.perf_counter() - t0) * 1000
            record["similarity"] = [float(x) for x in vectors[1:] @ vectors[0]]
        out.append(record)
        if i % 20 == 0:
            log.info("%d/%d questions", i, len(questions))
    return out


def rows_of(r: dict[str, Any], similarity: bool) -> np.ndarray:
    return np.array([row + ([r["similarity"][j]] if similarity else []) for j, row in enumerate(r["rows"])], float)


def pairs(records: list[dict[str, Any]], similarity: bool, paragraphs: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise training data: (gold passage - other passage of the same question) → 1, and the reverse → 0.

    Ranking is within a question; a pointwise fit over all candidates learns which questions have easy
    passages (it scored below the fusion order in CV: hit@1 0.617 against 0.647)."""
    xs, ys = [], []
    for r in records:
        rows = rows_of(r, similarity)
        tier = _tiers(r, paragraphs)
        for i, ti in enumerate(tier):
            for j, tj in enumerate(tier):
                if ti > tj:
                    xs += [rows[i] - rows[j], rows[j] - rows[i]]
                    ys += [1, 0]
    return np.array(xs, float), np.array(ys, int)


def _tiers(r: dict[str, Any], paragraphs: bool) -> list[int]:
    """Each candidate's grade: 2 on a gold page with the gold paragraph, 1 on a gold page, 0 elsewhere. A Council
    record's "page" is the whole record, so page pairs alone never tell its paragraphs apart."""
    para = r["para"] if paragraphs and r["para"] is not None else [False] * len(r["page"])
    return [2 if p and q else int(p) for p, q in zip(r["page"], para, strict=True)]


def metrics(records: list[dict[str, Any]], scores: list[np.ndarray]) -> dict[str, float]:
    hit1 = hit5 = mrr = para5 = 0.0
    n_para = 0
    for r, s in zip(records, scores, strict=True):
        order = np.argsort(-s, kind="stable")
        page = [r["page"][j] for j in order]
        first = page.index(True) + 1 if True in page else None
        hit1 += first == 1
        hit5 += first is not None and first <= 5
        mrr += 1.0 / first if first is not None and first <= 10 else 0.0
        if r["para"] is not None:
            n_para += 1
            para5 += any(r["para"][j] for j in order[:5])
    n = len(records)
    return {"hit1": hit1 / n, "hit5": hit5 / n, "mrr10": mrr / n, "para_hit5": para5 / max(n_para, 1)}


def fit(records: list[dict[str, Any]], similarity: bool, c: float,
        paragraphs: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients and feature scales of the pairwise logistic model (no intercept: it cancels in a pair)."""
    x, y = pairs(records, similarity, paragraphs)
    scale = np.abs(x).mean(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=3000).fit(x / scale, y)
    return model.coef_[0], scale


def cross_validate(records: list[dict[str, Any]], similarity: bool, c: float, folds: int,
                   paragraphs: bool = True) -> dict[str, float]:
    groups = np.array([r["group"] for r in records])
    out: list[np.ndarray | None] = [None] * len(records)
    for train, test in GroupKFold(n_splits=folds).split(records, groups=groups):
        coef, scale = fit([records[i] for i in train], similarity, c, paragraphs)
        for i in test:
            out[i] = (rows_of(records[i], similarity) / scale) @ coef
    return metrics(records, [s for s in out if s is not None])


def cross_fitted_eval(records: list[dict[str, Any]], gold: Path, index: Path, c: float, folds: int,
                      paragraphs: bool = True) -> None:
    """The dev eval with every question answered by the reranker of the fold that left its document out."""
    import briefbot.retrieve as retrieve
    from briefbot.evalrun import quote_checker
    from briefbot.evaluate import run_eval

    groups = np.array([r["group"] for r in records])
    fold_of: dict[str, int] = {}
    models: list[RerankModel] = []
    for f, (train, test) in enumerate(GroupKFold(n_splits=folds).split(records, groups=groups)):
        coef, scale = fit([records[i] for i in train], False, c, paragraphs)
        models.append(RerankModel([float(v) for v in coef], 0.0, [0.0] * len(FEATURES), [float(v) for v in scale],
                                  len(records[0]["rows"])))
        fold_of.update({records[i]["id"]: f for i in test})
    dataset = select_split(load_dataset(gold), "dev")
    # Unanswerable questions were not fitted on: any fold's model is out of sample for them.
    fold_by_text = {q.question: fold_of.get(q.id, 0) for q in dataset}
    current = [models[0]]
    retrieve.load_model = lambda: current[0]  # type: ignore[assignment]  # the fold's model for this question
    bot = Briefbot(Settings(index=index))

    def answer(question: str) -> dict[str, Any]:
        current[0] = models[fold_by_text[question]]
        return bot.ask(question).to_dict()

    run = run_eval(dataset, answer, quote_checker(bot), "cross-fitted")
    names = ("hit1", "hit5", "mrr10", "para_hit5", "answered_gold", "citation_precision", "key_fact_coverage",
             "abstain_correct", "abstain_wrong")
    for label, m in (("dev (cross-fitted)", run.overall), *((k, v) for k, v in run.by_kind().items())):
        print(f"{label:20}", " ".join(f"{k} {m[k]:.3f}" for k in names if m.get(k) is not None))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("evals/gold.jsonl"))
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--depth", type=int, default=30)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--candidates", type=int, default=Settings().candidates,
                    help="candidates each retriever contributes before fusion (the runtime setting)")
    ap.add_argument("-C", type=float, default=0.1, dest="c", help="inverse regularisation (0.1 was best in CV)")
    ap.add_argument("--similarity", action="store_true", help="also measure the best sentence's similarity")
    ap.add_argument("--cache", type=Path, help="read/write the collected candidates here (JSON)")
    ap.add_argument("--page-pairs", action="store_true",
                    help="train on page pairs only (before 2026-12-04: no gold paragraph over its page's others)")
    ap.add_argument("--cv-eval", action="store_true", help="also run the dev eval with cross-fitted models")
    ap.add_argument("--write", action="store_true", help=f"write the model fitted on all of dev to {OUT}")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.cache and args.cache.exists():
        records = json.loads(args.cache.read_text())
    else:
        records = collect(args.gold, args.index, args.depth, args.similarity, args.candidates)
        if args.cache:
            args.cache.write_text(json.dumps(records))
    fused = metrics(records, [-np.arange(len(r["rows"]), dtype=float) for r in records])
    print(f"{len(records)} answerable dev questions, {args.folds}-fold CV grouped by first-cited document")
    print("fusion order      ", " ".join(f"{k} {v:.3f}" for k, v in fused.items()))
    paragraphs = not args.page_pairs
    cv = cross_validate(records, False, args.c, args.folds, paragraphs)
    print("reranked (CV)     ", " ".join(f"{k} {v:.3f}" for k, v in cv.items()))
    if records and "similarity" in records[0]:
        cvs = cross_validate(records, True, args.c, args.folds)
        print("+ similarity (CV) ", " ".join(f"{k} {v:.3f}" for k, v in cvs.items()))
        ms = sorted(r["embed_ms"] for r in records)
        print(f"embedding {args.depth} sentences + question: p50 {ms[len(ms) // 2]:.0f} ms")
    if args.cv_eval:
        cross_fitted_eval(records, args.gold, args.index, args.c, args.folds, paragraphs)
    if args.write:
        coef, scale = fit(records, False, args.c, paragraphs)
        OUT.write_text(json.dumps({
            "features": list(FEATURES), "coef": [round(float(v), 6) for v in coef], "intercept": 0.0,
            "mean": [0.0] * len(FEATURES), "scale": [round(float(v), 6) for v in scale], "depth": args.depth,
            "fitted_on": f"dev split of {args.gold.name}, {len(records)} answerable questions, pairwise, C={args.c}",
            "cv": {k: round(v, 3) for k, v in cv.items()}, "fusion": {k: round(v, 3) for k, v in fused.items()},
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
