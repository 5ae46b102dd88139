"""Retrieval's later renewals (Retriever._with_later_renewals) on real UNMISS XML (tests/fixtures/akn/unmiss_rollover:
2677 (2023) renews the mandate in full, 2726 (2024) rolls it over "as set out in resolution 2677 (2023)", 2729 (2024)
renews it in full again without naming either), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("unmiss_rollover"), "unmiss_rollover"))


def _paragraph_1(bot: Briefbot, symbol: str) -> tuple[str, str]:
    info = bot.document(symbol)
    chunk = next(c for c in bot.passages(info.doc_id) if "Decides to extend the mandate of UNMISS" in c.text)
    return info.date or "", chunk.text


def test_a_mission_renewal_in_the_same_words_is_the_newest_renewal(bot: Briefbot) -> None:
    """2729 names neither 2677 nor 2726; it extends "the mandate of UNMISS" as 2677 did, so it, not the six-week
    rollover that names 2677, is 2677's newest renewal."""
    date, text = _paragraph_1(bot, "S/RES/2677 (2023)")
    docs = bot.retriever.documents()
    found = bot.retriever._renewal_of("S/RES/2677 (2023)", date, text, docs, None)
    assert found is not None and docs[found.doc_id].symbol == "S/RES/2729 (2024)"
    assert "until 30 April 2025" in found.text
    # Nothing renews the newest one.
    date, text = _paragraph_1(bot, "S/RES/2729 (2024)")
    assert bot.retriever._renewal_of("S/RES/2729 (2024)", date, text, docs, None) is None
    # A renewal outside the reader's documents (a filter, a collection) is never brought in.
    allowed = {d for d, info in docs.items() if info.symbol != "S/RES/2729 (2024)"}
    date, text = _paragraph_1(bot, "S/RES/2677 (2023)")
    found = bot.retriever._renewal_of("S/RES/2677 (2023)", date, text, docs, allowed)
    assert found is not None and docs[found.doc_id].symbol == "S/RES/2726 (2024)"


def test_the_mandate_question_leads_with_the_newest_renewal(bot: Briefbot) -> None:
    answer = bot.ask("Until when is the UNMISS mandate extended?")
    assert answer.citations[0].symbol == "S/RES/2729 (2024)", answer.answer
    assert answer.answer.startswith("**30 April 2025** [1]")
