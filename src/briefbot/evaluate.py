"""Evaluation: gold-set loading, per-question scoring, aggregate metrics, comparison of configurations.

Datasets are read by :mod:`briefbot.evaldata` (re-exported here). The metric code is pure: answers
arrive as dicts shaped like the CLI's JSON output, and the check that a citation's quote occurs verbatim in
its page is a callable passed in. Plots and report files live in :mod:`briefbot.evalreport`.

Matching. A passage or citation *page-matches* an expected item when it names the same document (same file
name, case-insensitive, or matching UN symbols) and, when the expected page is set, the same page. It
*paragraph-matches* when it also carries the expected paragraph label (compared without spaces or case, so
``7(c)`` equals ``7 (c)``). Expected items that name the same document page count once for page metrics.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from briefbot.errors import ConfigError
from briefbot.evaldata import (
    KINDS,
    DatasetError,
    Expected,
    Question,
    load_dataset,
    parse_dataset,
    parse_question,
)
from briefbot.symbols import symbol_key, symbols_match

__all__ = [
    "KINDS", "METRICS", "Comparison", "DatasetError", "EvalRun", "Expected", "Question", "QuestionResult",
    "aggregate", "compare", "fact_in_text", "load_dataset", "normalize_paragraph", "page_match",
    "paragraph_match", "parse_dataset", "parse_question", "percentile", "run_eval", "score_question",
]

log = logging.getLogger(__name__)

K_MAX = 10  # depth of MRR, nDCG and recall
TOP_FAILURE_PASSAGES = 3

QuoteCheck = Callable[[Mapping[str, Any]], bool]
AnswerFn = Callable[[str], Mapping[str, Any]]


# --- matching ------------------------------------------------------------------------------------------


def normalize_paragraph(label: Any) -> str | None:
    """``"7 (c)"``, ``"7(c)"``, ``"Para. 7(C)."`` → ``"7(c)"``; None/empty → None."""
    if label is None:
        return None
    s = re.sub(r"\s+", "", str(label)).casefold()
    s = re.sub(r"^(?:paragraphs?|paras?\.?|§)", "", s).rstrip(".")
    # An annex's paragraph as cited ("annex I, para. 3") or as labelled ("annex I, 3"): "annexi,3".
    s = re.sub(r"^((?:annex|appendix|enclosure)[^,]*,)(?:paragraphs?|paras?\.?)", r"\1", s)
    return s or None


def _doc_name(name: Any) -> str:
    return str(name).replace("\\", "/").rsplit("/", 1)[-1].casefold() if name else ""


def same_document(item: Mapping[str, Any], exp: Expected) -> bool:
    name = _doc_name(item.get("document"))
    if name and name == _doc_name(exp.document):
        return True
    return symbols_match(item.get("symbol"), exp.symbol)


def page_match(item: Mapping[str, Any], exp: Expected) -> bool:
    """Same document and page; a passage spanning pages (``page``..``page_end``) matches any page it covers."""
    if not same_document(item, exp):
        return False
    if exp.page is None:
        return True
    first, last = item.get("page"), item.get("page_end")
    if isinstance(first, int) and isinstance(last, int):
        return first <= exp.page <= last
    return first == exp.page


def paragraph_match(item: Mapping[str, Any], exp: Expected) -> bool:
    """Also the expected paragraph label; a merged passage lists every label it holds in ``paragraphs``."""
    want = normalize_paragraph(exp.paragraph)
    if want is None or not page_match(item, exp):
        return False
    labels = [item.get("paragraph"), *(item.get("paragraphs") or [])]
    return any(normalize_paragraph(label) == want for label in labels)


def page_targets(expected: Sequence[Expected]) -> list[Expected]:
    """Expected items with paragraph dropped and duplicates (same document page) removed."""
    out: dict[tuple[str, str, int | None], Expected] = {}
    for e in expected:
        key = (_doc_name(e.document), symbol_key(e.symbol) if e.symbol else "", e.page)
        out.setdefault(key, Expected(e.document, e.symbol, e.page, None))
    return list(out.values())


def _assign(passages: Sequence[Mapping[str, Any]], targets: Sequence[Expected]) -> list[int | None]:
    """Match passages (in rank order) to targets, each target at most once; best for DCG.

    Kuhn's augmenting paths taken in rank order: an earlier passage never loses its target, so the set of
    matched ranks is the lexicographically best one, which maximises DCG for decreasing gains.
    """
    edges = [[t for t, e in enumerate(targets) if page_match(p, e)] for p in passages]
    owner: dict[int, int] = {}  # target → passage

    def augment(p: int, seen: set[int]) -> bool:
        for t in edges[p]:
            if t not in seen:
                seen.add(t)
                if t not in owner or augment(owner[t], seen):
                    owner[t] = p
                    return True
        return False

    for p in range(len(passages)):
        augment(p, set())
    assigned: list[int | None] = [None] * len(passages)
    for t, p in owner.items():
        assigned[p] = t
    return assigned


_TYPOGRAPHY = str.maketrans("’‘“”–—", "''\"\"--")


def _fold(text: str) -> str:
    text = text.translate(_TYPOGRAPHY)
    return re.sub(r"\s+", " ", text).strip().casefold()


def _decomma(text: str) -> str:
    return re.sub(r"(?<=\d),(?=\d)", "", text)


def fact_in_text(fact: str, text: str) -> bool:
    """Case-insensitive, whitespace-folded search, never inside a longer word or number (``5`` ∉ ``2025``);
    thousands separators are ignored (``14,400`` = ``14400``)."""
    f, t = _fold(fact), _fold(text)
    if not f:
        return True
    for ff, tt in ((f, t), (_decomma(f), _decomma(t))):
        pre = r"(?<!\w)(?<!\d[.,])" if ff[0].isalnum() else ""
        post = r"(?!\w)(?![.,]\d)" if ff[-1].isalnum() else ""
        if re.search(pre + re.escape(ff) + post, tt):
            return True
    return False


def direct_line_spans(answer: str) -> list[str]:
    """The bold spans of an answer's first line when it is a direct line ("**15 May 2026** [1]; **6 months** [2]")."""
    first = answer.lstrip().split("\n", 1)[0]
    return re.findall(r"\*\*(.+?)\*\*", first) if first.startswith("**") else []


# --- scoring -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class QuestionResult:
    id: str
    kind: str
    answerable: bool
    source: str | None
    question: str
    expected: list[dict[str, Any]]
    answer: str
    abstained: bool
    latency_ms: float
    first_rank: int | None  # 1-based position of the first page-matching passage; None = not retrieved
    rr: float | None  # reciprocal rank within K_MAX (answerable only)
    ndcg: float | None
    recall: float | None  # share of page targets matched in the top K_MAX
    para_hit5: bool | None  # None when no expected item names a paragraph
    answered_gold: bool | None  # answered, with at least one page-matching citation
    citation_precision: float | None
    quotes_verbatim: float | None
    key_fact_coverage: float | None
    missing_facts: list[str]
    n_citations: int
    top_passages: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    error: str | None = None
    failures: list[str] = field(default_factory=list)
    split: str = "dev"
    # The answer's bold first line ("**15 May 2026** [1]") states a key fact; None without such a line or facts.
    direct_line_ok: bool | None = None
    # An unanswerable question answered with a bold line: a fact stated that the documents do not hold.
    bold_unanswerable: bool | None = None

    def hit(self, k: int) -> bool:
        return self.first_rank is not None and self.first_rank <= k

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _dcg(positions: Iterable[int]) -> float:
    return sum(1.0 / math.log2(pos + 1) for pos in positions)


def _rank_key(p: Mapping[str, Any]) -> float:
    rank = p.get("rank")
    return float(rank) if isinstance(rank, int | float) else math.inf


def _ranked(passages: Any) -> list[Mapping[str, Any]]:
    """Passages in rank order (stable; list order when ranks are missing)."""
    return sorted((p for p in (passages or []) if isinstance(p, Mapping)), key=_rank_key)


def _ref(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: item.get(k) for k in ("document", "symbol", "page", "paragraph")}


def score_question(q: Question, answer: Mapping[str, Any], latency_ms: float, quote_check: QuoteCheck,
                   error: str | None = None) -> QuestionResult:
    """Score one answer dict (CLI JSON shape) against its gold question."""
    passages = _ranked(answer.get("passages"))
    citations = [c for c in (answer.get("citations") or []) if isinstance(c, Mapping)]
    abstained = bool(answer.get("abstained"))
    text = str(answer.get("answer") or "")
    targets = page_targets(q.expected)
    relevant = [any(page_match(p, e) for e in targets) for p in passages]
    first_rank = relevant.index(True) + 1 if any(relevant) else None
    top_passages = [{**_ref(p), "rank": i + 1, "score": p.get("score"), "relevant": relevant[i],
                     "text": str(p.get("text") or "")[:200]} for i, p in enumerate(passages[:K_MAX])]
    cited_ok = [any(page_match(c, e) for e in targets) for c in citations]
    quotes_ok = [bool(quote_check(c)) for c in citations]
    res = QuestionResult(
        q.id, q.kind, q.answerable, q.source, q.question, [asdict(e) for e in q.expected], text, abstained,
        float(latency_ms), first_rank, None, None, None, None, None, None, None, None, [], len(citations),
        top_passages, [{**_ref(c), "quote": c.get("quote"), "matches": ok, "verbatim": v}
                       for c, ok, v in zip(citations, cited_ok, quotes_ok, strict=True)], error, split=q.split)
    if q.answerable:
        assigned = _assign(passages[:K_MAX], targets)
        matched = [i + 1 for i, t in enumerate(assigned) if t is not None]
        res.rr = 1.0 / first_rank if first_rank is not None and first_rank <= K_MAX else 0.0
        res.ndcg = _dcg(matched) / _dcg(range(1, min(len(targets), K_MAX) + 1))
        res.recall = len(matched) / len(targets)
        para_expected = [e for e in q.expected if normalize_paragraph(e.paragraph)]
        if para_expected:
            res.para_hit5 = any(paragraph_match(p, e) for p in passages[:5] for e in para_expected)
        res.answered_gold = not abstained and any(cited_ok)
        if citations:
            res.citation_precision = sum(cited_ok) / len(citations)
            res.quotes_verbatim = sum(quotes_ok) / len(citations)
        if q.key_facts:
            found = [not abstained and fact_in_text(f, text) for f in q.key_facts]
            res.missing_facts = [f for f, ok in zip(q.key_facts, found, strict=True) if not ok]
            res.key_fact_coverage = sum(found) / len(found)
            lead = direct_line_spans(text) if not abstained else []
            if lead:
                res.direct_line_ok = any(fact_in_text(f, " ".join(lead)) or any(fact_in_text(s, f) for s in lead)
                                         for f in q.key_facts)
    else:
        # An error is no answer: it counts neither way.
        res.bold_unanswerable = None if error else not abstained and bool(direct_line_spans(text))
    res.failures = failure_reasons(res)
    return res


def failure_reasons(r: QuestionResult) -> list[str]:
    """Why a question counts as failed; an empty list means it passed."""
    out = [f"error: {r.error}"] if r.error else []
    if not r.answerable:
        return out + ([] if r.abstained else ["answered an unanswerable question"])
    if not r.hit(5):
        out.append("no relevant passage retrieved" if r.first_rank is None
                   else f"first relevant passage at rank {r.first_rank}")
    if r.abstained:
        out.append("abstained on an answerable question")
    elif not r.answered_gold:
        out.append("no citation matches an expected page")
    if r.quotes_verbatim is not None and r.quotes_verbatim < 1:
        bad = sum(1 for c in r.citations if not c["verbatim"])
        out.append(f"{bad} of {r.n_citations} quotes not found verbatim")
    if r.missing_facts and not r.abstained:
        out.append("missing key facts: " + "; ".join(r.missing_facts))
    return out


# --- aggregation ---------------------------------------------------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    if not values:
        return None
    s = sorted(values)
    pos = (len(s) - 1) * pct / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def _mean(values: Iterable[float | bool | None]) -> float | None:
    vals = [float(v) for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


# Metric name → label, in report order.
METRICS: dict[str, str] = {
    "hit1": "page hit@1", "hit5": "page hit@5", "hit10": "page hit@10", "mrr10": "MRR@10",
    "ndcg10": "nDCG@10", "recall10": "page recall@10", "para_hit5": "paragraph hit@5",
    "answered_gold": "answered with gold citation", "citation_precision": "citation precision",
    "quotes_verbatim": "quotes verbatim", "key_fact_coverage": "key-fact coverage",
    "direct_line_ok": "direct line states a key fact",
    "abstain_correct": "abstention on unanswerable", "abstain_wrong": "wrong abstention on answerable",
    "abstention_accuracy": "abstention accuracy",
    "bold_unanswerable": "bold line on unanswerable", "latency_p50": "latency p50 (ms)",
    "latency_p95": "latency p95 (ms)",
}


def aggregate(results: Sequence[QuestionResult]) -> dict[str, Any]:
    """Every metric of :data:`METRICS` (None when it has no denominator) plus counts.

    Retrieval and citation metrics are means over answerable questions; citation precision and quotes
    verbatim over answerable questions with at least one citation; key-fact coverage over answerable
    questions with key facts (an abstention covers none); the direct line over answered questions with key facts
    whose answer leads with one.
    """
    ans = [r for r in results if r.answerable]
    una = [r for r in results if not r.answerable]
    lat = [r.latency_ms for r in results]
    m: dict[str, Any] = {
        "n": len(results), "n_answerable": len(ans), "n_unanswerable": len(una),
        "errors": sum(1 for r in results if r.error), "failed": sum(1 for r in results if r.failures),
    }
    for k in (1, 5, 10):
        m[f"hit{k}"] = _mean(r.hit(k) for r in ans)
    m["mrr10"] = _mean(r.rr for r in ans)
    m["ndcg10"] = _mean(r.ndcg for r in ans)
    m["recall10"] = _mean(r.recall for r in ans)
    m["para_hit5"] = _mean(r.para_hit5 for r in ans)
    m["answered_gold"] = _mean(r.answered_gold for r in ans)
    m["citation_precision"] = _mean(r.citation_precision for r in ans)
    m["quotes_verbatim"] = _mean(r.quotes_verbatim for r in ans)
    m["key_fact_coverage"] = _mean(r.key_fact_coverage for r in ans)
    m["direct_line_ok"] = _mean(r.direct_line_ok for r in ans)
    m["abstain_correct"] = _mean(r.abstained for r in una)
    m["abstain_wrong"] = _mean(r.abstained for r in ans)
    m["abstention_accuracy"] = _mean(r.abstained != r.answerable for r in results)
    m["bold_unanswerable"] = _mean(r.bold_unanswerable for r in una)
    m["latency_p50"] = percentile(lat, 50)
    m["latency_p95"] = percentile(lat, 95)
    return m


@dataclass(slots=True)
class EvalRun:
    name: str
    results: list[QuestionResult]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def overall(self) -> dict[str, Any]:
        return aggregate(self.results)

    def by_kind(self) -> dict[str, dict[str, Any]]:
        present = {r.kind for r in self.results}
        kinds = [k for k in KINDS if k in present] + sorted(present - set(KINDS))
        return {k: aggregate([r for r in self.results if r.kind == k]) for k in kinds}

    def by_split(self) -> dict[str, dict[str, Any]]:
        present = sorted({r.split for r in self.results})
        return {s: aggregate([r for r in self.results if r.split == s]) for s in present}

    def failures(self) -> list[QuestionResult]:
        return [r for r in self.results if r.failures]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "meta": self.meta, "overall": self.overall, "by_kind": self.by_kind(),
                "by_split": self.by_split(),
                "questions": [r.to_dict() for r in self.results]}


def run_eval(dataset: Sequence[Question], answer_fn: AnswerFn, quote_check: QuoteCheck, name: str, *,
             progress: Callable[[int, int], None] | None = None,
             meta: Mapping[str, Any] | None = None) -> EvalRun:
    """Ask every question through ``answer_fn`` (question text → CLI-shaped answer dict) and score it.

    An exception from ``answer_fn`` is logged and scored as an empty, non-abstaining answer, so one bad
    question does not end a long run; it shows in the ``errors`` count and the failure list.
    """
    results: list[QuestionResult] = []
    for i, q in enumerate(dataset, start=1):
        error: str | None = None
        start = time.perf_counter()
        try:
            answer: Mapping[str, Any] = answer_fn(q.question)
        except Exception as exc:  # recorded per question, see docstring
            log.exception("eval %s: question %s failed", name, q.id)
            answer, error = {}, f"{type(exc).__name__}: {exc}"
        latency = (time.perf_counter() - start) * 1000.0
        results.append(score_question(q, answer, latency, quote_check, error))
        if progress:
            progress(i, len(dataset))
    run = EvalRun(name, results, dict(meta or {}))
    log.info("eval %s: %d questions, %d failed", name, len(results), len(run.failures()))
    return run


@dataclass(slots=True)
class Comparison:
    """Metrics (rows) × configurations (columns)."""

    names: list[str]
    metrics: list[str]
    values: dict[str, dict[str, float | None]]  # metric → run name → value

    def to_dict(self) -> dict[str, Any]:
        return {"names": self.names, "metrics": self.metrics, "values": self.values}

    def rows(self) -> list[list[str]]:
        """Formatted rows: metric label, then one cell per configuration."""
        return [[METRICS[m], *(format_value(m, self.values[m][n]) for n in self.names)] for m in self.metrics]


def format_value(metric: str, value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if metric.startswith("latency") else f"{value:.3f}"


def compare(runs: Sequence[EvalRun]) -> Comparison:
    """Side-by-side table of every metric across named runs (names must be unique)."""
    names = [r.name for r in runs]
    if len(set(names)) != len(names):
        raise ConfigError(f"configuration names repeat: {', '.join(names)}",
                          "give each configuration a distinct name")
    ids = [{q.id for q in r.results} for r in runs]
    if any(s != ids[0] for s in ids[1:]):
        log.warning("compared runs did not answer the same questions")
    overall = {r.name: r.overall for r in runs}
    metrics = list(METRICS)
    return Comparison(names, metrics, {m: {n: overall[n][m] for n in names} for m in metrics})

