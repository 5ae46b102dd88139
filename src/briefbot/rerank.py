"""Second-stage ranking of the fused candidates: a logistic model over features retrieval already has.

Fusion adds a dense cosine and a normalised BM25 score with fixed weights, then fixed bonuses for a named document,
place or year. Which of these matters depends on the passage (a report's numbered paragraph, a resolution's
preamble, a footnote) and on how much of the question one sentence covers, which a passage-level score averages
away. The model weighs them from the dev half of the gold set (``evals/fit_rerank.py``, grouped cross-validation by
document); its coefficients live in ``briefbot/data/rerank.json`` so a refit changes data, not code.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .chunk import split_sentences
from .cite import term_set, word_terms
from .models import Hit
from .refs import References, scored_places, year_fits

log = logging.getLogger(__name__)

FEATURES = ("dense", "lexical", "fused", "fused_rr", "named", "place", "year", "resolution", "panel_report",
            "sg_report", "bulk", "numbered", "footnote", "preamble", "passage_cover", "sentence_cover",
            "title_cover", "window_cover", "doc_best_dense")
WINDOW_WORDS = 30  # term proximity: the question's words within one stretch of this many words
_WORD = re.compile(r"[A-Za-z][A-Za-z']+|\d[\d,.]*\d|\d")


def features(hits: list[Hit], q_terms: set[str], weight: Callable[[str], float], refs: References,
             years: set[int]) -> list[list[float]]:
    """One row of :data:`FEATURES` per hit, in the hits' (fused) order."""
    total = math.fsum(weight(t) for t in q_terms) or 1.0
    top_score = max((h.score for h in hits), default=1.0) or 1.0
    top_lex = max((h.lexical_score or 0.0 for h in hits), default=1.0) or 1.0
    places = {p.lower() for p in refs.places}
    # A paraphrase's answer is often a passage of the document whose best passage matches strongly: the other
    # passages of that document are likelier than a stray one of equal cosine elsewhere (dev CV: paraphrase
    # hit@1 +0.06, MRR@10 +0.013).
    doc_best: dict[str, float] = {}
    for h in hits:
        doc_best[h.doc.doc_id] = max(doc_best.get(h.doc.doc_id, 0.0), h.dense_score or 0.0)

    def cover(found: AbstractSet[str]) -> float:
        return math.fsum(weight(t) for t in q_terms & found) / total

    rows: list[list[float]] = []
    for rank, h in enumerate(hits, start=1):
        text = h.chunk.text
        label = h.chunk.paragraph or ""
        # The passage's words are stemmed and placed in sentences once per text (cached across questions and
        # between retrieve and answer); a question then reads only the positions of its own terms.
        passage = _passage(text)
        found_terms = q_terms & passage.positions.keys()
        per_sentence: dict[int, set[str]] = {}
        marks: list[tuple[int, str]] = []
        for t in found_terms:
            for i in passage.positions[t]:
                marks.append((i, t))
                if passage.sentence_of[i] >= 0:
                    per_sentence.setdefault(passage.sentence_of[i], set()).add(t)
        marks.sort()
        sentence_cover = max((cover(found) for found in per_sentence.values()), default=0.0)
        rows.append([
            max(h.dense_score or 0.0, 0.0),
            (h.lexical_score or 0.0) / top_lex,
            h.score / top_score,
            1.0 / rank,
            float(refs.named_any and refs.names(h.doc)),
            float(bool(places & scored_places(h.doc))),
            float(bool(years) and year_fits(h.doc, years)),
            float(h.doc.doc_type == "resolution"),
            float(h.doc.doc_type == "panel_report"),
            float(h.doc.doc_type == "sg_report"),
            float(h.doc.source == "bulk"),
            float(bool(label) and not label.startswith(("fn", "en "))),
            float(label.startswith(("fn", "en "))),
            float(h.doc.doc_type == "resolution" and not label),
            cover(found_terms),
            sentence_cover,
            cover(term_set(f"{h.doc.title or ''} {h.doc.symbol or ''} {h.chunk.section or ''}")),
            _window_cover(marks, weight, total),
            doc_best[h.doc.doc_id] - max(h.dense_score or 0.0, 0.0),
        ])
    return rows


@dataclass(frozen=True, slots=True)
class _Passage:
    """A passage's words, once: where each stemmed term occurs (word indices) and each word's sentence (-1 after
    the last sentence), sentences as :func:`split_sentences` cuts them."""

    positions: dict[str, list[int]]
    sentence_of: list[int]


@lru_cache(maxsize=4096)  # ~10 kB a passage
def _passage(text: str) -> _Passage:
    starts_terms = [(m.start(), word_terms(m.group(0))) for m in _WORD.finditer(text)]
    positions: dict[str, list[int]] = {}
    sentence_of = [-1] * len(starts_terms)
    i = 0
    for k, (_, b) in enumerate(split_sentences(text)):
        while i < len(starts_terms) and starts_terms[i][0] < b:
            sentence_of[i] = k
            i += 1
    for i, (_, found) in enumerate(starts_terms):
        for t in found:
            positions.setdefault(t, []).append(i)
    return _Passage(positions, sentence_of)


def _window_cover(marks: list[tuple[int, str]], weight: Callable[[str], float], total: float) -> float:
    """The largest IDF share of the question's words found within :data:`WINDOW_WORDS` consecutive words
    (``marks``: (word index, term) of the question's terms in the passage, in passage order)."""
    best = 0.0
    lo = 0
    for hi in range(len(marks)):
        while marks[hi][0] - marks[lo][0] >= WINDOW_WORDS:
            lo += 1
        best = max(best, math.fsum(weight(t) for t in {t for _, t in marks[lo:hi + 1]}))
    return best / total


@dataclass(slots=True)
class RerankModel:
    """Logistic regression over :data:`FEATURES` (standardised): the probability that a passage is on a gold page."""

    coef: list[float] = field(default_factory=list)
    intercept: float = 0.0
    mean: list[float] = field(default_factory=list)
    scale: list[float] = field(default_factory=list)
    depth: int = 30

    def logit(self, row: list[float]) -> float:
        return self.intercept + sum(c * (x - m) / s for c, x, m, s in
                                    zip(self.coef, row, self.mean, self.scale, strict=True))

    def score(self, row: list[float]) -> float:
        return 1.0 / (1.0 + math.exp(-max(min(self.logit(row), 30.0), -30.0)))


@lru_cache(maxsize=1)
def load_model() -> RerankModel | None:
    """The fitted model, or None when ``rerank.json`` is absent or was fitted on other features (then fusion
    order stands, and a warning says to refit)."""
    try:
        data = json.loads(resources.files("briefbot.data").joinpath("rerank.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if list(data["features"]) != list(FEATURES):
        log.warning("rerank.json was fitted on other features than the code reads: refit with evals/fit_rerank.py")
        return None
    return RerankModel(data["coef"], data["intercept"], data["mean"], data["scale"], int(data.get("depth", 30)))


def rerank(hits: list[Hit], rows: list[list[float]], model: RerankModel) -> list[Hit]:
    """The hits in the model's order. Scores stay on fusion's scale: the i-th passage takes the i-th best fused
    score (the answer stage reads a passage's score relative to the best one; the pairwise model's probabilities,
    fitted without an intercept, saturate near 1)."""
    scores = sorted((h.score for h in hits), reverse=True)
    logits = [model.logit(r) for r in rows]
    ordered = [hits[i] for i in sorted(range(len(hits)), key=lambda i: (-logits[i], i))]
    for h, score in zip(ordered, scores, strict=True):
        h.score = score
    return ordered
