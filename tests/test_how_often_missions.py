"""How often the Council hears of a mission, asked by the mission's name (real Council XML in
tests/fixtures/akn/how_often_missions, real index and model): the mission's own latest renewal answers, not a
thematic resolution's briefing nor an older renewal worded alike."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("how_often"), "how_often_missions"))


def test_a_missions_renewal_answers_how_often_it_is_reported_on(bot: Briefbot) -> None:
    # 2796 (2025) para. 14 asks for a report "every 60 days" without naming UNSMIL; 2417 (2018) on hunger asks
    # for a briefing "every twelve months" and shared more words with the question.
    answer = bot.ask("How often must the Secretary-General brief the Council on UNSMIL?")
    assert answer.answer.startswith("**every 60 days** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/RES/2796 (2025)" and answer.citations[0].paragraph == "14"


def test_the_latest_of_requests_worded_alike_leads(bot: Briefbot) -> None:
    answer = bot.ask("How often does the Secretary-General report on UNMISS?")
    assert answer.answer.startswith("**every 90 days thereafter** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/RES/2729 (2024)", [c.symbol for c in answer.citations]
    # A year asked keeps its decision.
    older = bot.ask("How often did the Council ask the Secretary-General to report on UNMISS in 2021?")
    assert older.citations[0].symbol == "S/RES/2567 (2021)", [c.symbol for c in older.citations]
