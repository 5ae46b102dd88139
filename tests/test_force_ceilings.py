"""What a mission's force ceiling is now: a later decision changes it without renewing the older paragraph by
number, so no renewal chain leads to it. "What is the current authorised troop ceiling for UNMISS?" was answered
with 2729 (2024)'s 17,000 (as 2779 (2025) kept it) while 2820 (2026) para. 5's 12,500 ranked ninth, beyond the
passages the answer reads; MINUSCA's 2800 (2025) para. 29 ("shall comprise up to 14,046 military personnel",
without the word "ceiling") was never retrieved. Real Council XML (tests/fixtures/akn/force_ceilings), real index
and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("ceilings"), "force_ceilings"))


@pytest.mark.parametrize(("question", "lead", "figure"), [
    ("What is the current authorised troop ceiling for the UN peacekeeping mission in South Sudan (UNMISS)?",
     ("S/RES/2820 (2026)", "5"), "12,500"),
    ("What is the current authorized ceiling for military personnel in MINUSCA, the UN peacekeeping mission in the "
     "Central African Republic?", ("S/RES/2800 (2025)", "29"), "14,046"),
])
def test_the_newest_decision_saying_it_leads(bot: Briefbot, question: str, lead: tuple[str, str],
                                             figure: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    first = answer.citations[0]
    assert (first.symbol, first.paragraph) == lead, answer.answer
    assert figure in first.quote


def test_a_year_asked_keeps_its_own_decision(bot: Briefbot) -> None:
    """Only what is asked of now: the ceiling set in 2016 is 2301 (2016)'s."""
    answer = bot.ask("What troop ceiling did the Council authorize for MINUSCA in resolution 2301 (2016)?")
    assert answer.citations and answer.citations[0].symbol == "S/RES/2301 (2016)", answer.answer
    assert "10,750" in answer.citations[0].quote
