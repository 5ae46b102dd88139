"""Evaluation datasets: JSONL gold questions, validated line by line.

One JSON object per line::

    {"id": "q1", "question": "...", "answerable": true,
     "expected": [{"document": "S_RES_2769_2025.pdf", "symbol": "S/RES/2769 (2025)",
                   "page": 6, "paragraph": "23"}],
     "evidence": ["..."], "key_facts": ["14,400"], "kind": "numeric", "source": "pdf", "split": "test"}

``page`` is 1-based or null (anywhere in the document); ``paragraph`` is the label as printed or null. An
expected item needs a ``document`` or a ``symbol``. ``evidence``, ``key_facts``, ``source`` and ``split``
may be omitted; unknown keys are ignored, so external datasets in this schema load unchanged.

``split`` is ``dev`` (tune on it) or ``test`` (report on it, never tune). It is fixed by :func:`gold_split`, a
hash of the question's first cited document, so every question on one document lands on the same side and adding
questions never moves an old one; a line without the field gets the split the rule gives.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefbot.errors import BriefbotError

KINDS: tuple[str, ...] = ("lookup", "paraphrase", "numeric", "multi_doc", "unanswerable", "bulk")
SOURCES: tuple[str, ...] = ("pdf", "bulk")
SPLITS: tuple[str, ...] = ("dev", "test")


def gold_split(qid: str, answerable: bool, documents: Iterable[str | None]) -> str:
    """The split a gold question belongs to, by document, so no document's text is tuned on and tested on.

    Key: the lexicographically smallest cited file name for an answerable question, the question id for an
    unanswerable one; ``test`` when the SHA-1 of the key is odd, else ``dev``. Stable: it depends only on
    the line itself, never on the rest of the file.
    """
    names = sorted(d for d in documents if d)
    key = names[0] if answerable and names else qid
    return "test" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 1 else "dev"


class DatasetError(BriefbotError):
    remedy = "fix that line of the dataset (one JSON object per line; see the schema in briefbot.evaldata)"


# --- dataset -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Expected:
    document: str | None
    symbol: str | None
    page: int | None  # 1-based; None = anywhere in the document
    paragraph: str | None  # as printed; None = no paragraph requirement


@dataclass(slots=True)
class Question:
    id: str
    question: str
    answerable: bool
    kind: str
    expected: list[Expected] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    key_facts: list[str] = field(default_factory=list)
    source: str | None = None
    split: str = "dev"  # "dev" / "test", by gold_split when the line does not say


def _str_list(obj: Mapping[str, Any], key: str) -> list[str]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' must be a list of strings")
    return list(value)


def _expected_item(item: Any, i: int) -> Expected:
    if not isinstance(item, dict):
        raise ValueError(f"expected[{i}] must be an object")
    doc, sym, page, para = (item.get(k) for k in ("document", "symbol", "page", "paragraph"))
    for key, value in (("document", doc), ("symbol", sym)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f"expected[{i}].{key} must be a string or null")
    if not doc and not sym:
        raise ValueError(f"expected[{i}] needs a 'document' or a 'symbol'")
    if page is not None and (isinstance(page, bool) or not isinstance(page, int) or page < 1):
        raise ValueError(f"expected[{i}].page must be a 1-based integer or null, got {page!r}")
    if para is not None and (isinstance(para, bool) or not isinstance(para, str | int)):
        raise ValueError(f"expected[{i}].paragraph must be a string or null, got {para!r}")
    return Expected(doc or None, sym or None, page, str(para) if para not in (None, "") else None)


def parse_question(obj: Any) -> Question:
    """One dataset record → :class:`Question`; ``ValueError`` names the bad field. Extra keys are ignored."""
    if not isinstance(obj, dict):
        raise ValueError("each line must be a JSON object")
    qid = obj.get("id")
    if isinstance(qid, bool) or not isinstance(qid, str | int) or qid == "":
        raise ValueError("'id' must be a non-empty string or integer")
    question = obj.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError("'question' must be a non-empty string")
    answerable = obj.get("answerable")
    if not isinstance(answerable, bool):
        raise ValueError("'answerable' must be true or false")
    kind = obj.get("kind")
    if kind not in KINDS:
        raise ValueError(f"'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    source = obj.get("source")
    if source is not None and source not in SOURCES:
        raise ValueError(f"'source' must be one of {', '.join(SOURCES)} or null, got {source!r}")
    split = obj.get("split")
    if split is not None and split not in SPLITS:
        raise ValueError(f"'split' must be one of {', '.join(SPLITS)} or null, got {split!r}")
    raw_expected = obj.get("expected") or []
    if not isinstance(raw_expected, list):
        raise ValueError("'expected' must be a list")
    expected = [_expected_item(item, i) for i, item in enumerate(raw_expected)]
    if answerable and not expected:
        raise ValueError("an answerable question needs at least one 'expected' item")
    if kind == "unanswerable" and answerable:
        raise ValueError("kind 'unanswerable' contradicts answerable: true")
    split = obj.get("split")
    if split is not None and split not in SPLITS:
        raise ValueError(f"'split' must be one of {', '.join(SPLITS)} or absent, got {split!r}")
    return Question(str(qid), question.strip(), answerable, kind, expected,
                    _str_list(obj, "evidence"), _str_list(obj, "key_facts"), source,
                    split or gold_split(str(qid), answerable, [e.document or e.symbol for e in expected]))


def parse_dataset(lines: Iterable[str], origin: str = "<dataset>") -> list[Question]:
    """Parse JSONL text; blank lines are skipped. Errors name ``origin:line``."""
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            q = parse_question(json.loads(line))
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{origin}:{lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
        except ValueError as exc:
            raise DatasetError(f"{origin}:{lineno}: {exc}") from exc
        if q.id in seen:
            raise DatasetError(f"{origin}:{lineno}: duplicate id {q.id!r} (first on line {seen[q.id]})")
        seen[q.id] = lineno
        questions.append(q)
    if not questions:
        raise DatasetError(f"{origin}: no questions found")
    return questions


def select_split(questions: list[Question], split: str) -> list[Question]:
    """The questions of one split ("dev", "test"), or all of them for "all"."""
    if split == "all":
        return questions
    if split not in SPLITS:
        raise DatasetError(f"unknown split {split!r}", "use dev, test or all")
    return [q for q in questions if q.split == split]


def load_dataset(path: Path) -> list[Question]:
    """Read a JSONL gold set (UTF-8, BOM tolerated)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DatasetError(f"cannot read dataset {path}: {exc.strerror or exc}",
                           "check the --dataset path") from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return parse_dataset(text.splitlines(), str(path))
