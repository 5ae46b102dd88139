"""Scoring the mandate tracker: gold facts (evals/mandates.jsonl), paragraph theme tagging against hand labels
(evals/mandates_tagging.csv) and track completeness (renewals placed / renewals the data implies).

The facts are checked against the XML text by evals/verify_mandates.py; here the tracker's own answers are
compared with them.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BriefbotError
from .index import MandateIndex


@dataclass(slots=True)
class FactResult:
    id: str
    kind: str
    ok: bool
    got: str
    independent: bool = False  # written from the XML by hand, not from the tracker's output

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "ok": self.ok, "got": self.got, "independent": self.independent}


@dataclass(slots=True)
class MandateScores:
    facts: list[FactResult]
    tagging: dict[str, dict[str, float]] = field(default_factory=dict)  # theme (and "micro") → p, r, f1, n
    tagging_n: int = 0
    completeness: list[dict[str, Any]] = field(default_factory=list)

    def by_kind(self, facts: list[FactResult] | None = None) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for f in self.facts if facts is None else facts:
            k = out.setdefault(f.kind, {"n": 0, "correct": 0})
            k["n"] += 1
            k["correct"] += int(f.ok)
        for k in out.values():
            k["accuracy"] = round(k["correct"] / k["n"], 3)
        return out

    def _summary(self, facts: list[FactResult]) -> dict[str, Any]:
        n = len(facts)
        return {"n": n, "correct": sum(f.ok for f in facts),
                "accuracy": round(sum(f.ok for f in facts) / n, 3) if n else None, "by_kind": self.by_kind(facts)}

    def to_dict(self) -> dict[str, Any]:
        # Facts first drafted from the tracker's output can share its mistakes; the independent ones (read from
        # the resolutions by hand) are scored apart so that bias is visible.
        return {"facts": {**self._summary(self.facts),
                          "independent": self._summary([f for f in self.facts if f.independent]),
                          "derived": self._summary([f for f in self.facts if not f.independent]),
                          "failures": [f.to_dict() for f in self.facts if not f.ok]},
                "tagging": {"paragraphs": self.tagging_n, "themes": self.tagging},
                "completeness": self.completeness}


def _load_facts(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise BriefbotError(f"cannot read {path}: {exc.strerror}", "pass --dataset evals/mandates.jsonl") from exc
    facts = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            f = json.loads(line)
            if not isinstance(f, dict) or "kind" not in f or "track" not in f:
                raise ValueError("needs kind and track")
        except ValueError as exc:
            raise BriefbotError(f"{path.name}:{n}: not a mandate fact ({exc})", "see evals/verify_mandates.py") from exc
        facts.append(f)
    return facts


def score_fact(index: MandateIndex, f: dict[str, Any]) -> FactResult:
    result = _score(index, f)
    result.independent = bool(f.get("independent"))
    return result


def _score(index: MandateIndex, f: dict[str, Any]) -> FactResult:
    kind = f["kind"]
    if kind == "first_operative":
        fa = index.track(f["track"]).first_appearance.get(f["theme"])
        op = fa.operative_paragraph if fa else None
        got = f"{op.symbol} para. {op.paragraph}" if op else "none"
        return FactResult(f["id"], kind, op is not None and op.symbol == f["symbol"] and op.paragraph == f["paragraph"],
                          got)
    if kind in ("added", "dropped"):
        track = index.track(f["track"])
        try:
            entry = track.entry(f["symbol"])
        except KeyError:
            return FactResult(f["id"], kind, False, f"{f['symbol']} not in the track")
        if kind == "added":
            hits = [c for c in entry.changes if c.status in ("new", "changed") and c.current is not None
                    and c.current.paragraph == f["paragraph"]]
            ok = any(c.status == "new" or f["key"] not in (c.previous.text if c.previous else "") for c in hits)
        else:
            hits = [c for c in entry.changes if c.previous is not None
                    and c.previous.paragraph == f["previous_paragraph"] and c.previous.symbol == f["previous"]]
            ok = any(c.status == "dropped" or (c.current is not None and f["key"] not in c.current.text) for c in hits)
        return FactResult(f["id"], kind, ok, ", ".join(f"{c.status}" for c in hits) or "no change reported")
    if kind == "kept":  # what a rollover, a non-renewal or a renewal naming it by number does not restate
        try:
            entry = index.track(f["track"]).entry(f["symbol"])
        except KeyError:
            return FactResult(f["id"], kind, False, f"{f['symbol']} not in the track")
        dropped = [c for c in entry.changes if c.status == "dropped" and c.previous is not None
                   and c.previous.symbol == f["previous"] and c.previous.paragraph == f["previous_paragraph"]]
        ok = entry.previous == f["previous"] and not dropped
        got = (f"compared with {entry.previous}{', rollover' if entry.rollover else ''}"
               f"{', reported dropped' if dropped else ''}")
        return FactResult(f["id"], kind, ok, got)
    if kind == "renewals":  # resolutions of a year that establish or renew the operation
        placed = sorted(e.symbol for e in index.track(f["track"]).entries
                        if e.year == f["year"] and e.action in ("establishes", "renews"))
        return FactResult(f["id"], kind, placed == sorted(f["symbols"]), "; ".join(placed))
    if kind == "until":  # the end date a resolution sets for the track, and the paragraph that states it
        try:
            entry = index.track(f["track"]).entry(f["symbol"])
        except KeyError:
            return FactResult(f["id"], kind, False, f"{f['symbol']} not in the track")
        source = f"para. {f['paragraph']}"
        if f.get("also"):  # a further date the resolution sets (a regime's measures beside its Panel), listed
            ok = any(t.until == f["until"] and t.source == source for t in entry.other_terms)
            got = "; ".join(f"{t.until} ({t.source})" for t in entry.other_terms)
            return FactResult(f["id"], kind, ok, f"also: {got or 'none'}")
        term = entry.term
        ok = term is not None and term.until == f["until"] and term.source == source
        return FactResult(f["id"], kind, ok, entry.until_text() or "no end date")
    return FactResult(f.get("id", "?"), kind, False, "unknown kind")


def tagging_scores(index: MandateIndex, labels: Path) -> tuple[dict[str, dict[str, float]], int]:
    """Precision, recall and F1 per theme and micro-averaged, on hand-labelled paragraphs."""
    themes = index.book.tagging.themes
    tp = dict.fromkeys(themes, 0)
    fp = dict.fromkeys(themes, 0)
    fn = dict.fromkeys(themes, 0)
    n = 0
    with labels.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            paras = {p.paragraph: p for p in index.paragraphs(row["symbol"])}
            p = paras.get(row["paragraph"])
            if p is None:
                raise BriefbotError(f"{labels.name}: {row['symbol']} has no paragraph {row['paragraph']}",
                                    "fix the label file")
            n += 1
            gold = {t for t in row["gold_themes"].split(";") if t}
            pred = set(p.themes)
            for t in themes:
                tp[t] += int(t in gold and t in pred)
                fp[t] += int(t not in gold and t in pred)
                fn[t] += int(t in gold and t not in pred)

    def prf(a: int, b: int, c: int) -> dict[str, float]:
        p = a / (a + b) if a + b else 1.0
        r = a / (a + c) if a + c else 1.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                "support": a + c}

    out = {t: prf(tp[t], fp[t], fn[t]) for t in themes if tp[t] + fp[t] + fn[t]}
    out["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out, n


def evaluate_mandates(index: MandateIndex, facts_path: Path, labels: Path | None = None) -> MandateScores:
    index.ensure()
    scores = MandateScores([score_fact(index, f) for f in _load_facts(facts_path)])
    if labels is not None and labels.is_file():
        scores.tagging, scores.tagging_n = tagging_scores(index, labels)
    scores.completeness = [s.to_dict() for s in index.summaries()]
    return scores
