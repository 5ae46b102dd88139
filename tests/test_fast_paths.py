"""Paths made faster must give what the slower ones gave: named-document scoring without a filtered Chroma query,
and answers streamed per line instead of per word."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from briefbot.embed import embedder_for
from briefbot.models import stream_text
from briefbot.service import Briefbot

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = [json.loads(line)["question"] for line in (REPO / "evals" / "gold.jsonl").read_text().splitlines()
             if line.strip()]


def test_named_documents_scored_by_id_match_the_filtered_query(bot: Briefbot) -> None:
    """Every document alone and all together, 20 real questions: same passages, same order, same scores."""
    docs = [d.doc_id for d in bot.library()]
    assert len(docs) >= 6
    embedder = embedder_for(bot.settings)
    checked = 0
    for question in QUESTIONS[:20]:
        vector = embedder.embed_query(question)
        for named in [[d] for d in docs] + [docs[:2], docs]:
            for n in (5, 50):
                old = bot.store._chroma_search(vector, n, named)
                new = bot.store.score_documents(vector, n, named)
                assert [h for h, _ in new] == [h for h, _ in old], (question, named, n)
                np.testing.assert_allclose([s for _, s in new], [s for _, s in old], atol=1e-5)
                checked += len(new)
    assert checked > 1000
    assert bot.store.score_documents(embedder.embed_query("x"), 10, []) == []


def test_retrieval_naming_documents_is_unchanged(bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole retrieval for questions that name documents, against the previous filtered-query path."""
    naming = [q for q in QUESTIONS if "resolution 27" in q or "S/2025/" in q][:15]
    assert len(naming) >= 5
    new = [bot.retrieve(q) for q in naming]
    monkeypatch.setattr(bot.store, "score_documents", bot.store._chroma_search)  # the filtered Chroma query
    old = [bot.retrieve(q) for q in naming]
    for q, a, b in zip(naming, new, old, strict=True):
        assert [(h.chunk.doc_id, h.chunk.ordinal) for h in a] == [(h.chunk.doc_id, h.chunk.ordinal) for h in b], q
        np.testing.assert_allclose([h.score for h in a], [h.score for h in b], atol=1e-5)


def test_answers_stream_per_line_not_per_word(bot: Briefbot) -> None:
    question = "Until what date did resolution 2769 (2025) extend the mandate of the Panel of Experts on Libya?"
    events = list(bot.ask_stream(question))
    assert events[0].kind == "hits" and events[-1].kind == "done"
    answer = events[-1].answer
    assert answer is not None and answer.citations
    pieces = [e.text for e in events if e.kind == "token"]
    assert "".join(pieces) == answer.answer.lstrip()
    assert len(pieces) == len(answer.answer.strip().splitlines())  # one piece per cited line
    assert list(stream_text("  a b\nc d\n\ne")) == ["a b\n", "c d\n", "\n", "e"]
    assert list(stream_text("")) == []
