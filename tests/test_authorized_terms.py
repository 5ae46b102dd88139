"""A term set by an authorization that renews nothing: "For how long is the Gang Suppression Force in Haiti
currently authorized?" is 2793 (2025) para. 1 ("Authorizes Member States to transition the MSS mission … to the
Gang Suppression Force (GSF) … for an initial period of twelve months"). The asked place's renewals went first
instead, and MINUSTAH's establishment (1542 (2004), "for an initial period of six months, with the intention to
renew") counted as renewing what was asked because "authorized" was read as part of it. A probe of the fourth
set (read). Real Council XML (tests/fixtures/akn/haiti_authorizations), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import specific_subject
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("haiti"), "haiti_authorizations"))


def test_how_a_term_is_asked_is_not_what_it_is_of() -> None:
    assert specific_subject("For how long is the Gang Suppression Force in Haiti currently authorized?") == \
        {"gang", "suppress", "forc"}
    # The noun is what is asked: the authorizations to inspect vessels.
    assert "author" in specific_subject("Until when are the authorizations to inspect vessels off Libya renewed?")


def test_an_authorization_for_a_term_answers_how_long(bot: Briefbot) -> None:
    answer = bot.ask("For how long is the Gang Suppression Force in Haiti currently authorized?")
    assert not answer.abstained, answer.answer
    first = answer.citations[0]
    assert (first.symbol, first.paragraph) == ("S/RES/2793 (2025)", "1"), answer.answer
    assert answer.answer.startswith("**twelve months** [1]"), answer.answer
