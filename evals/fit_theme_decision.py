"""Would a decision layer fitted on the DEV split of the theme labels tag better than the rules? (Measured: no.)

The rules of themes.toml find and cite the evidence for each theme; such a layer would decide, per theme, whether
that evidence amounts to a tag. For every dev document (evals/themes.csv and evals/themes_bulk.csv, split by
``split_of``) and every theme the rules found any evidence for, the features of ``briefbot.triage.theme_features``
(evidence over threshold, best sentence, sentences, paragraphs, shares from numbered paragraphs, enumerations and
footnotes, length, resolution or not, the rules' verdict) and the label make one row. Rows the rules found no
evidence for stay untagged whatever the layer says. Test documents are never read.

Model: logistic regression (numpy, L2) with coefficients shared by all themes plus a per-theme intercept and a
per-theme slope on the evidence ratio (small themes borrow strength from the large ones). The regularisation is
chosen by grouped cross-validation on dev (folds by document, repeated), comparing micro-F1 with the rules alone on
the same folds, and prints the model fitted on all of dev. Per-theme and global cuts on the evidence ratio are
compared the same way. On the 2026-12-02 labels no variant beat the rules in cross-validation (evals/README.md,
"Triage (issue #17)"), so triage ships no layer; rerun this after growing the labels.

    PYTHONPATH=src python evals/fit_theme_decision.py --index IDX [--cache rows.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from pathlib import Path

import numpy as np

from briefbot.config import load_settings
from briefbot.errors import NotFoundError
from briefbot.store import open_store
from briefbot.taxonomy import THEME_FEATURES, load_taxonomy
from briefbot.triage import read_document, score_themes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from triage_quality import LABELS, prf, split_of  # the split lives in one place

log = logging.getLogger("fit_theme_decision")


def dev_labels(paths: list[Path]) -> dict[str, set[str]]:
    """Gold themes of the dev documents."""
    labels = {r["file"]: r for path in paths for r in csv.DictReader(path.open(encoding="utf-8"))}
    return {name: {t for t in row["themes"].split(";") if t} for name, row in labels.items()
            if split_of(name) == "dev"}


def collect(index: Path, names: list[str]) -> tuple[list[dict], list[str], str]:
    """Rows (doc, theme, features) for the dev documents the index holds, those documents, the taxonomy digest."""
    store = open_store(load_settings(index=index))
    taxonomy = load_taxonomy(None)
    rows: list[dict] = []
    held: list[str] = []
    for name in names:
        try:
            info = store.document(name)
        except NotFoundError:
            log.info("not in the index: %s", name)
            continue
        held.append(name)
        results, _ = score_themes(read_document(store, info), taxonomy)
        for r in results:
            if r.features:
                rows.append({"doc": name, "theme": r.slug, "features": r.features})
    return rows, held, taxonomy.digest


def design(rows: list[dict], slugs: list[str], mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Shared standardised features, then per-theme intercept and per-theme ratio slope columns."""
    x = np.array([[r["features"][f] for f in THEME_FEATURES] for r in rows])
    xs = (x - mean) / scale
    k = len(slugs)
    theme = np.zeros((len(rows), 2 * k))
    ratio = THEME_FEATURES.index("ratio")
    for i, r in enumerate(rows):
        j = slugs.index(r["theme"])
        theme[i, j] = 1.0
        theme[i, k + j] = xs[i, ratio]
    return np.hstack([xs, theme])


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000) -> tuple[np.ndarray, float]:
    """L2 logistic regression by gradient descent (the intercept is not penalised)."""
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = p - y
        w -= 0.5 * (x.T @ g / len(y) + l2 * w)
        b -= 0.5 * g.mean()
    return w, b


def micro(pred: np.ndarray, rows: list[dict], y: np.ndarray, gold: dict[str, set[str]], docs: set[str]) -> tuple:
    """Micro P/R/F1 over ``docs``; gold themes the rules found no evidence for are misses."""
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    candidates = {(r["doc"], r["theme"]) for r in rows}
    fn = int(((pred == 0) & (y == 1)).sum()) + sum(1 for d in docs for t in gold[d] if (d, t) not in candidates)
    return (*prf(tp, fp, fn), tp, fp, fn)


CUTS = np.round(np.arange(-0.6, 1.01, 0.1), 1)


def best_cut(ratio: np.ndarray, strong: np.ndarray, y: np.ndarray) -> float:
    """The cut on the evidence ratio (tag when ratio >= cut and a strong sentence) maximising 2 tp - fp - fn;
    ties go to the cut nearest the rules' own (0)."""
    def value(c: float) -> int:
        p = (ratio >= c) & strong
        return int(2 * (p & (y == 1)).sum() - (p & (y == 0)).sum() - (~p & (y == 1)).sum())
    return float(max(CUTS, key=lambda c: (value(c), -abs(c))))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--cache", type=Path, help="read/write the collected dev rows here (JSON) to refit quickly")
    ap.add_argument("--labels", type=Path, action="append", default=None,
                    help="label CSV (repeatable; default: evals/themes.csv and evals/themes_bulk.csv)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    label_files: list[Path] = args.labels or LABELS
    gold_all = dev_labels(label_files)
    data = json.loads(args.cache.read_text(encoding="utf-8")) if args.cache and args.cache.is_file() else None
    if data is None or set(data["docs"]) | set(data["missing"]) != set(gold_all):
        rows, held, digest = collect(args.index, sorted(gold_all))
        if args.cache:
            args.cache.write_text(json.dumps({"rows": rows, "docs": held, "taxonomy": digest,
                                              "missing": sorted(set(gold_all) - set(held))}), encoding="utf-8")
    else:
        rows, held, digest = data["rows"], data["docs"], data["taxonomy"]
    gold = {name: gold_all[name] for name in held}
    slugs = list(load_taxonomy(None).slugs)
    y = np.array([1.0 if r["theme"] in gold[r["doc"]] else 0.0 for r in rows])
    rule = np.array([r["features"]["rule"] for r in rows])
    docs = sorted(gold)
    log.info("dev: %d documents, %d (document, theme) rows with evidence, %d of them labelled", len(docs),
             len(rows), int(y.sum()))
    p, r, f, tp, fp, fn = micro(rule, rows, y, gold, set(docs))
    log.info("rules alone on dev: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, tp, fp, fn)

    # Grouped cross-validation: folds by document, repeated with different shuffles.
    doc_index = np.array([docs.index(r["doc"]) for r in rows])
    results: dict[float, list[tuple]] = {}
    base: list[tuple] = []
    per_theme_cut: list[tuple] = []
    global_cut: list[tuple] = []
    features = np.array([[r["features"][f] for f in THEME_FEATURES] for r in rows])
    ratio_all = features[:, THEME_FEATURES.index("ratio")]
    strong_all = features[:, THEME_FEATURES.index("best")] >= 3.0  # themes.toml min_strong
    theme_of = np.array([slugs.index(r["theme"]) for r in rows])
    for l2 in (0.003, 0.01, 0.03, 0.1, 0.3):
        results[l2] = []
    for rep in range(args.repeats):
        order = np.random.default_rng(rep).permutation(len(docs))
        fold_of = np.empty(len(docs), dtype=int)
        fold_of[order] = np.arange(len(docs)) % args.folds
        for k in range(args.folds):
            test = fold_of[doc_index] == k
            test_docs = {docs[i] for i in range(len(docs)) if fold_of[i] == k}
            train = ~test
            tr_rows = [rows[i] for i in np.flatnonzero(train)]
            x_tr = np.array([[r["features"][f] for f in THEME_FEATURES] for r in tr_rows])
            mean, scale = x_tr.mean(axis=0), x_tr.std(axis=0)
            scale[scale < 1e-6] = 1.0
            xa = design(rows, slugs, mean, scale)
            te_rows = [rows[i] for i in np.flatnonzero(test)]
            base.append(micro(rule[test], te_rows, y[test], gold, test_docs))
            cut = best_cut(ratio_all[train], strong_all[train], y[train])
            global_cut.append(micro(((ratio_all >= cut) & strong_all)[test].astype(float), te_rows, y[test], gold,
                                    test_docs))
            cuts = np.array([best_cut(ratio_all[train & (theme_of == j)], strong_all[train & (theme_of == j)],
                                      y[train & (theme_of == j)]) for j in range(len(slugs))])
            per_theme_cut.append(micro(((ratio_all >= cuts[theme_of]) & strong_all)[test].astype(float), te_rows,
                                       y[test], gold, test_docs))
            for l2 in results:
                w, b = fit(xa[train], y[train], l2)
                pred = ((xa[test] @ w + b) >= 0).astype(float)
                results[l2].append(micro(pred, te_rows, y[test], gold, test_docs))

    def pooled(runs: list[tuple]) -> tuple[float, float, float]:
        tp, fp, fn = (sum(run[i] for run in runs) for i in (3, 4, 5))
        return prf(tp, fp, fn)

    log.info("grouped CV (%d folds x %d repeats, pooled): rules P/R/F1 %.3f/%.3f/%.3f", args.folds, args.repeats,
             *pooled(base))
    log.info("  one cut on the evidence ratio for all themes  P/R/F1 %.3f/%.3f/%.3f", *pooled(global_cut))
    log.info("  a cut per theme                               P/R/F1 %.3f/%.3f/%.3f", *pooled(per_theme_cut))
    best_l2 = max(results, key=lambda l2: pooled(results[l2])[2])
    for l2, runs in results.items():
        log.info("  logistic layer l2=%-6g                      P/R/F1 %.3f/%.3f/%.3f%s", l2, *pooled(runs),
                 "  <- best" if l2 == best_l2 else "")

    x_all = np.array([[r["features"][f] for f in THEME_FEATURES] for r in rows])
    mean, scale = x_all.mean(axis=0), x_all.std(axis=0)
    scale[scale < 1e-6] = 1.0
    xa = design(rows, slugs, mean, scale)
    w, b = fit(xa, y, best_l2)
    pred = ((xa @ w + b) >= 0).astype(float)
    log.info("layer fitted on all of dev (in-sample): P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)",
             *micro(pred, rows, y, gold, set(docs)))
    n = len(THEME_FEATURES)
    log.info("shared coefficients %s", dict(zip(THEME_FEATURES, np.round(w[:n], 3).tolist(), strict=True)))
    log.info("per-theme intercepts %s", dict(zip(slugs, np.round(b + w[n:n + len(slugs)], 3).tolist(), strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
