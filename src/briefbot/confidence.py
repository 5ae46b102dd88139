"""The extractive engine's confidence model: whether the top passages answer the question, or it should abstain.

:func:`confidence_features` reads the question, the retrieved passages and the answer stage's scored sentences;
:class:`ConfidenceModel` (a logistic regression fitted on the dev half of the gold set by
``evals/fit_confidence.py``, coefficients in ``briefbot/data/confidence.json``) turns them into a probability.
The answer stage (:mod:`briefbot.answer`) calls both; nothing here imports it at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .cite import terms
from .models import Hit

if TYPE_CHECKING:
    from .answer import Candidate

FEATURES = ("dense", "overlap", "missing", "similarity", "lexical", "named", "named_absent", "typed",
            "type_found", "lead_missing", "lead_rare_missing")
TYPE_CHECK_SENTENCES = 3


def confidence_features(hits: list[Hit], candidates: list[Candidate], q_terms: set[str],
                        weight: Callable[[str], float], named: bool, named_absent: bool,
                        holds_asked: Callable[[str], bool] | None = None,
                        idf_ceiling: float = 1.0) -> list[float]:
    """What the confidence model reads: the best passage's dense similarity, the best sentence's word coverage,
    the IDF share of question words no top passage holds, the best sentence's own similarity, whether BM25 found
    anything, whether the question named a document that was found, whether it named one that was not, and, for
    a question asking for a date, duration, amount of money or count of something (``holds_asked`` tells whether
    a sentence states one; None for other questions), whether one of the best sentences states one (a near miss
    holds the topic but not the figure: "how many tons of captagon"); and the IDF share of question words the
    leading passage lacks (a near miss finds the topic there but not the place, group or commodity asked about:
    "Zamfara", "lithium", "mobile money") and the IDF of the rarest one it lacks, as a share of ``idf_ceiling``
    (the IDF of a word no passage holds)."""
    best_dense = max((h.dense_score or 0.0 for h in hits[:5]), default=0.0)
    best_overlap = max((c.overlap for c in candidates), default=0.0)
    best_sim = max((c.similarity for c in candidates), default=0.0)
    lexical = 1.0 if any(h.lexical_rank for h in hits[:5]) else 0.0
    found = 0.0
    if holds_asked is not None:
        best = sorted(candidates, key=lambda c: -c.score)[:TYPE_CHECK_SENTENCES]
        found = float(any(holds_asked(c.hit.chunk.text[c.start:c.end]) for c in best))
    lead = max(candidates, key=lambda c: c.score).hit if candidates else None
    seen = passage_terms(lead) if lead else set()
    absent = [weight(t) for t in q_terms if t not in seen]
    total = sum(weight(t) for t in q_terms) or 1.0
    return [best_dense, best_overlap, _missing(q_terms, hits, weight), best_sim, lexical, float(named),
            float(named_absent), float(holds_asked is not None), found, sum(absent) / total,
            max(absent, default=0.0) / idf_ceiling]


def _missing(q_terms: set[str], hits: list[Hit], weight: Callable[[str], float]) -> float:
    """IDF-weighted share of the question's words found in none of the top passages (nor their symbols/titles).

    A question about "captagon" or "Sfax" that no retrieved passage mentions is probably not answered by them.
    """
    seen: set[str] = set()
    for hit in hits[:5]:
        seen |= passage_terms(hit)
    total = sum(weight(t) for t in q_terms) or 1.0
    return sum(weight(t) for t in q_terms if t not in seen) / total


def passage_terms(hit: Hit) -> set[str]:
    return terms(f"{hit.chunk.text} {hit.doc.symbol or ''} {hit.doc.title or ''} {hit.chunk.section or ''}")


@dataclass(slots=True)
class ConfidenceModel:
    """Logistic regression over :data:`FEATURES`: the probability that the top passages answer the question.

    Fitted on the dev half of the gold set by ``evals/fit_confidence.py``; coefficients live in
    ``briefbot/data/confidence.json`` so a refit changes data, not code.
    """

    coef: list[float] = field(default_factory=list)
    intercept: float = 0.0
    mean: list[float] = field(default_factory=list)
    scale: list[float] = field(default_factory=list)

    def probability(self, features: list[float]) -> float:
        z = self.intercept + sum(c * (x - m) / s for c, x, m, s in
                                 zip(self.coef, features, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=1)
def _load_confidence() -> ConfidenceModel:
    data = json.loads(resources.files("briefbot.data").joinpath("confidence.json").read_text(encoding="utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"confidence.json was fitted on {data['features']}, the code reads {FEATURES}: "
                         "refit with evals/fit_confidence.py")
    return ConfidenceModel(data["coef"], data["intercept"], data["mean"], data["scale"])


class _Confidence:
    def probability(self, features: list[float]) -> float:
        return _load_confidence().probability(features)


CONFIDENCE = _Confidence()
