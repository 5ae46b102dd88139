"""Currency across renewals worded apart: "Until when is the Central African Republic arms embargo renewed?"
answered 31 January 2018 (2339 (2017)). Its "Decides that, until …, all Member States shall continue to take the
necessary measures" was not read as a renewal, the MINUSCA named in its exemptions made MINUSCA's mandate renewal
look like its successor, and the current renewal, 2789 (2025) para. 1 ("Decides to extend, until 31 July 2026, the
measures as set out or extended in paragraphs 2 and 4 of resolution 2745 (2024)"), shares no word with the
question. Real Council XML (tests/fixtures/akn/car_embargo), real index."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import specific_subject
from briefbot.service import Briefbot

QUESTION = "Until when is the Central African Republic arms embargo renewed?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("car"), "car_embargo"))


def test_a_decision_that_measures_shall_continue_until_a_date_is_renewed_by_its_successor(bot: Briefbot) -> None:
    """2339's paragraph 1 is followed to 2454 (2019), which renews paragraphs 1 to 19 of 2399 (2018), and not to
    2800 (2025), which extends MINUSCA, named only in the embargo's exemptions."""
    retriever = bot.retriever
    docs = retriever.documents()
    start = next(d for d in docs.values() if d.symbol == "S/RES/2339 (2017)")
    chunk = next(c for c in retriever.store.chunks_of(start.doc_id) if c.paragraph == "1")
    found = retriever._renewal_of(start.symbol or "", start.date or "", chunk.text, docs, None, None, "1")
    assert found is not None
    assert (docs[found.doc_id].symbol, found.paragraph) == ("S/RES/2454 (2019)", "1")


def test_the_answer_is_the_current_renewal_and_says_what_it_supersedes(bot: Briefbot) -> None:
    answer = bot.ask(QUESTION)
    assert answer.answer.startswith("**31 July 2026** [1]"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2789 (2025)", "1")
    assert any("supersedes" in n and "S/RES/2339 (2017)" in n for n in answer.notes), answer.notes
    assert "S/RES/2800" not in answer.answer


def test_the_link_survives_the_answers_history(bot: Briefbot) -> None:
    """A reopened answer (the web chat's history) keeps which decision a later renewal continues."""
    from briefbot.history import answer_from_json, answer_to_json

    answer = bot.ask(QUESTION)
    again = answer_from_json(answer_to_json(answer))
    assert [h.continues for h in again.hits] == [h.continues for h in answer.hits]
    assert any("S/RES/2339 (2017)" in h.continues for h in again.hits)


def test_the_abbreviation_asks_the_same(bot: Briefbot) -> None:
    """"The CAR arms embargo" answered 2399 (2018)'s 31 January 2019: "car" was read as part of what is renewed,
    and on the corpus index the current renewal sat ninth, past the eight passages the answer reads."""
    assert specific_subject("Until when is the CAR arms embargo renewed?") == {"arm", "embargo"}
    answer = bot.ask("Until when is the CAR arms embargo renewed?")
    assert answer.answer.startswith("**31 July 2026** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/RES/2789 (2025)"
