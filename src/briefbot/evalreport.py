"""Evaluation report files: ``report.md``, ``report.json`` and PNG plots (matplotlib, Agg canvas only).

Plots draw on a standalone :class:`~matplotlib.figure.Figure` with an Agg canvas, so no global pyplot
state or interactive backend is touched (safe inside the web app).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from briefbot.evaluate import (
    K_MAX,
    METRICS,
    TOP_FAILURE_PASSAGES,
    EvalRun,
    QuestionResult,
    compare,
    format_value,
)
from briefbot.mdtext import md_cell
from briefbot.models import reference

log = logging.getLogger(__name__)

KIND_COLUMNS = ("hit1", "hit5", "mrr10", "ndcg10", "para_hit5", "answered_gold", "citation_precision",
                "key_fact_coverage", "direct_line_ok", "abstain_correct", "abstain_wrong")
COMPARE_PLOT = ("hit5", "mrr10", "citation_precision", "abstention_accuracy")
RANK_BINS = [str(i) for i in range(1, K_MAX + 1)] + [f">{K_MAX}", "not found"]


def _cell(text: Any) -> str:
    return md_cell(str(text))  # answers hold documents' quotes: nothing of theirs may run in the report


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _ref(item: dict[str, Any]) -> str:
    return reference(str(item.get("symbol") or item.get("document") or "?"), item.get("paragraph"), item.get("page"),
                     no_page="any page")


def _failure_md(r: QuestionResult) -> list[str]:
    out = [f"### {r.id} ({r.kind}, {r.split}): {r.question}", ""]
    out += [f"- **why:** {'; '.join(r.failures)}"]
    if r.expected:
        out.append("- **expected:** " + "; ".join(_ref(e) for e in r.expected))
    else:
        out.append("- **expected:** abstention (unanswerable)")
    top = r.top_passages[:TOP_FAILURE_PASSAGES]
    label = "retrieved instead" if r.answerable else "retrieved"
    if top:
        out.append(f"- **{label}:**")
        out += [f"  {p['rank']}. {_ref(p)}{' ✓' if p['relevant'] else ''}" for p in top]
    else:
        out.append(f"- **{label}:** nothing")
    if r.citations:
        out.append("- **cited:** " + "; ".join(_ref(c) + (" ✓" if c["matches"] else "") for c in r.citations))
    answer = "(abstained) " if r.abstained else ""
    answer += r.answer[:300] + ("…" if len(r.answer) > 300 else "")
    out += [f"- **answer:** {_cell(answer.strip()) or '(empty)'}", ""]
    return out


def render_markdown(runs: Sequence[EvalRun], plots: Sequence[Path] = ()) -> str:
    """The Markdown report. The first run is the primary one for the overall and per-kind tables."""
    primary = runs[0]
    overall = primary.overall
    lines = [f"# briefbot evaluation: {primary.name}", "",
             f"{overall['n']} questions ({overall['n_answerable']} answerable, {overall['n_unanswerable']} "
             f"unanswerable); {overall['failed']} failed, {overall['errors']} errors. "
             "Retrieval and citation metrics are over answerable questions only.", ""]
    lines += ["## Overall", ""]
    lines += _table(["metric", "value"], [[lbl, format_value(m, overall[m])] for m, lbl in METRICS.items()])
    by_split = primary.by_split()
    if len(by_split) > 1:
        lines += ["## Per split", ""]
        lines += _table(["metric", *by_split], [[lbl, *(format_value(m, v[m]) for v in by_split.values())]
                                                 for m, lbl in METRICS.items()])
    lines += ["## Per kind", ""]
    by_kind = primary.by_kind()
    lines += _table(["kind", "n", *(METRICS[c] for c in KIND_COLUMNS)],
                    [[k, m["n"], *(format_value(c, m[c]) for c in KIND_COLUMNS)] for k, m in by_kind.items()])
    comp = compare(runs)
    lines += ["## Configurations side by side", ""]
    lines += _table(["metric", *comp.names], comp.rows())
    if plots:
        lines += ["## Plots", ""] + [f"![{p.stem}]({p.name})" for p in plots] + [""]
    for run in runs:
        failures = run.failures()
        lines += [f"## Failures: {run.name} ({len(failures)} of {len(run.results)})", ""]
        for r in failures:
            lines += _failure_md(r)
    return "\n".join(lines).rstrip() + "\n"


def _save(fig: Figure, path: Path) -> Path:
    FigureCanvasAgg(fig)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def _bars(ax: Any, labels: Sequence[str], series: dict[str, list[float]], ylabel: str) -> None:
    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series.items()):
        xs = [x + (i - (len(series) - 1) / 2) * width for x in range(len(labels))]
        ax.bar(xs, values, width, label=name)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=20, ha="right")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize="small", loc="upper left", ncols=max(len(series), 1))


def plot_per_kind(runs: Sequence[EvalRun], path: Path) -> Path:
    """One panel per run: page hit@5 and answered-with-gold-citation per kind (answerable questions)."""
    fig = Figure(figsize=(8, 3.2 * len(runs)))
    for i, run in enumerate(runs):
        ax = fig.add_subplot(len(runs), 1, i + 1)
        by_kind = {k: m for k, m in run.by_kind().items() if m["n_answerable"]}
        labels = list(by_kind)
        _bars(ax, labels, {METRICS["hit5"]: [by_kind[k]["hit5"] or 0.0 for k in labels],
                           METRICS["answered_gold"]: [by_kind[k]["answered_gold"] or 0.0 for k in labels]},
              "share")
        ax.set_ylim(0, 1.2)
        ax.set_title(f"{run.name}: per kind (answerable questions)")
    return _save(fig, path)


def rank_histogram(run: EvalRun) -> list[int]:
    """Counts of the first relevant passage's rank over answerable questions, in :data:`RANK_BINS` order."""
    counts = [0] * len(RANK_BINS)
    for r in run.results:
        if r.answerable:
            rank = r.first_rank
            counts[-1 if rank is None else min(rank, K_MAX + 1) - 1] += 1
    return counts


def plot_ranks(runs: Sequence[EvalRun], path: Path) -> Path:
    fig = Figure(figsize=(8, 3.6))
    ax = fig.add_subplot(1, 1, 1)
    _bars(ax, RANK_BINS, {run.name: [float(c) for c in rank_histogram(run)] for run in runs}, "questions")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("rank of first relevant passage (answerable questions)")
    ax.set_title("Where the first relevant passage ranks")
    return _save(fig, path)


def plot_compare(runs: Sequence[EvalRun], path: Path) -> Path:
    comp = compare(runs)
    fig = Figure(figsize=(8, 3.6))
    ax = fig.add_subplot(1, 1, 1)
    labels = [METRICS[m] for m in COMPARE_PLOT]
    _bars(ax, labels, {n: [comp.values[m][n] or 0.0 for m in COMPARE_PLOT] for n in comp.names}, "share")
    ax.set_ylim(0, 1.2)
    ax.set_title("Configurations side by side")
    return _save(fig, path)


def write_report(runs: Sequence[EvalRun], out_dir: Path) -> list[Path]:
    """Write ``report.md``, ``report.json``, ``per_kind.png``, ``first_rank.png`` and ``compare.png``.

    Returns the paths written. The first run is the primary one in the Markdown tables.
    """
    if not runs:
        raise ValueError("write_report needs at least one run")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plots = [plot_per_kind(runs, out_dir / "per_kind.png"), plot_ranks(runs, out_dir / "first_rank.png"),
             plot_compare(runs, out_dir / "compare.png")]
    md = out_dir / "report.md"
    md.write_text(render_markdown(runs, plots), encoding="utf-8")
    data = {"generated": datetime.now(UTC).isoformat(timespec="seconds"),
            "metrics": METRICS, "comparison": compare(runs).to_dict(),
            "rank_bins": RANK_BINS, "rank_histograms": {r.name: rank_histogram(r) for r in runs},
            "runs": [r.to_dict() for r in runs]}
    js = out_dir / "report.json"
    js.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    log.info("wrote evaluation report to %s", out_dir)
    return [md, js, *plots]
