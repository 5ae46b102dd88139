"""The gold set's dev/test split: read by the loader, fixed by one rule, kept on every line of gold.jsonl."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from briefbot.evaldata import DatasetError, gold_split, load_dataset, parse_dataset

GOLD = Path(__file__).resolve().parent.parent / "evals" / "gold.jsonl"
LINE = {"id": "q1", "question": "How many troops?", "answerable": True,
        "expected": [{"document": "S_RES_2769_2025.pdf", "symbol": "S/RES/2769 (2025)", "page": 6,
                      "paragraph": "23"}],
        "evidence": ["up to 14,400"], "key_facts": ["14,400"], "kind": "numeric", "source": "pdf"}


def test_loader_reads_split_and_rejects_unknown_values() -> None:
    qs = parse_dataset([json.dumps({**LINE, "split": "test"}), json.dumps({**LINE, "id": "q2"})])
    # A line without the field gets the split the fixed rule gives (so --split works on any dataset).
    assert [q.split for q in qs] == ["test", gold_split("q2", True, ["S_RES_2769_2025.pdf"])]
    with pytest.raises(DatasetError, match="'split' must be one of dev, test"):
        parse_dataset([json.dumps({**LINE, "split": "train"})], "gold.jsonl")


def test_split_rule_is_by_smallest_document_or_by_id() -> None:
    def odd(key: str) -> bool:
        return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 1

    a, b = "S_2025_176.pdf", "S_RES_2769_2025.pdf"
    want = "test" if odd(min(a, b)) else "dev"
    # the id and the order of the cited documents do not matter for an answerable question
    assert gold_split("q001", True, [b, a]) == gold_split("q999", True, [a, b]) == want
    # an unanswerable question cites nothing: its id decides
    assert gold_split("q042", False, []) == ("test" if odd("q042") else "dev")
    assert {gold_split(f"q{i:03d}", False, []) for i in range(20)} == {"dev", "test"}


def test_every_gold_line_has_the_split_the_rule_gives() -> None:
    questions = load_dataset(GOLD)
    wrong = [q.id for q in questions
             if q.split != gold_split(q.id, q.answerable, [e.document for e in q.expected])]
    assert wrong == []
    assert {q.split for q in questions} == {"dev", "test"}
