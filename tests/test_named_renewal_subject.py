"""A term question naming a resolution that renewed something else is told so: "Until when did resolution 2778
(2025) renew the arms embargo on South Sudan?" answered UNMISS's "9 May 2025", because 2778's only renewal (of the
mission) was the named document's best sentence. Real Council XML (tests/fixtures/akn/unmiss_rollover: 2677, 2726
and 2729, UNMISS renewals), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("unmiss"), "unmiss_rollover"))


def test_a_named_mission_renewal_does_not_answer_for_the_embargo(bot: Briefbot) -> None:
    answer = bot.ask("Until when did resolution 2726 (2024) renew the arms embargo on South Sudan?")
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("The passages found of S/RES/2726 (2024) do not renew what was asked: its "
                                    "paragraph 1 extends the mandate of UNMISS."), answer.answer


def test_the_mission_it_renews_is_still_answered(bot: Briefbot) -> None:
    answer = bot.ask("Until when did resolution 2729 (2024) extend the mandate of UNMISS?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].symbol == "S/RES/2729 (2024)", answer.answer
    assert answer.answer.startswith("**30 April 2025** [1]"), answer.answer
