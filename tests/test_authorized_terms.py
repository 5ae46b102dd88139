"""A term set by an authorization that renews nothing: "For how long is the Gang Suppression Force in Haiti
currently authorized?" is 2793 (2025) para. 1 ("Authorizes Member States to transition the MSS mission … to the
Gang Suppression Force (GSF) … for an initial period of twelve months"). The asked place's renewals went first
instead, and MINUSTAH's establishment (1542 (2004), "for an initial period of six months, with the intention to
renew") counted as renewing what was asked, saying half its words ("force", "authorized"). A probe of the fourth
set (read). Real Council XML (tests/fixtures/akn/haiti_authorizations), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import specific_subject
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("haiti"), "haiti_authorizations"))


def test_an_authorization_for_a_term_of_what_was_asked_counts_as_setting_its_term(bot: Briefbot) -> None:
    from briefbot.retrieve import _authorizes_asked

    asked = specific_subject("For how long is the Gang Suppression Force in Haiti currently authorized?")
    assert {"gang", "suppress", "forc"} <= asked
    paragraphs = {}
    for doc in bot.retriever.documents().values():
        for chunk in bot.store.chunks_of(doc.doc_id):
            if chunk.paragraph == "1":
                paragraphs[doc.symbol] = chunk.text
    assert _authorizes_asked(paragraphs["S/RES/2793 (2025)"], asked)
    # MINUSTAH's establishment sets a term for another force; 2466 (2019) extends another mission.
    assert not _authorizes_asked(paragraphs["S/RES/1542 (2004)"], asked)
    assert not _authorizes_asked(paragraphs["S/RES/2466 (2019)"], asked)


def test_an_authorization_for_a_term_answers_how_long(bot: Briefbot) -> None:
    answer = bot.ask("For how long is the Gang Suppression Force in Haiti currently authorized?")
    assert not answer.abstained, answer.answer
    first = answer.citations[0]
    assert (first.symbol, first.paragraph) == ("S/RES/2793 (2025)", "1"), answer.answer
    assert answer.answer.startswith("**twelve months** [1]"), answer.answer
