"""A request with a date, restated by each renewal (held-out probes, fifth set; real Council XML in
tests/fixtures/akn/sudan, real index and model): "Requests … the Secretary-General … to conduct, no later than 15 April
2026, an assessment of progress achieved on the key benchmarks established in paragraph 2 of resolution 2577 (2021)"
(2781 (2025) para. 4) is restated by 2821 (2026) para. 4 with "15 April 2027". The older date was the answer, and a
question framed by "the most recent renewal" was answered with the embargo's own term."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import CURRENT_TERM_Q, DEADLINE, asks_due, asks_term
from briefbot.service import Briefbot

FRAMED = ("Under the Council's most recent renewal of the South Sudan arms embargo, by what date does the "
          "Secretary-General have to deliver his next assessment of progress against the embargo benchmarks?")


def test_a_renewal_framing_the_question_asks_no_term() -> None:
    assert not asks_term(FRAMED) and not CURRENT_TERM_Q.search(FRAMED)
    # Asked as what is asked, it still is one.
    assert asks_term("What is the latest renewal of the South Sudan arms embargo?")
    assert asks_term("In the latest renewal, until when is the Panel extended?")
    assert CURRENT_TERM_Q.search("What is the most recent extension of MONUSCO's mandate, and until when does it run?")


def test_a_date_to_deliver_by() -> None:
    assert DEADLINE.search("to conduct, no later than 15 April 2027, an assessment of progress")
    assert DEADLINE.search("a final report by 13 July 2026 with its findings")
    assert not DEADLINE.search("reduced by 15 per cent in 2026")
    # Only a question asking when something is due reads such a date as the decision that answers it: "When did
    # the Secretariat's assessment team visit South Sudan …?" was answered with 2781 (2025)'s "no later than 15
    # April 2026" on the six-document sample index (tests/test_eval_gate.py).
    assert asks_due(FRAMED)
    assert asks_due("When is the Panel's final report due?")
    assert not asks_due("When did the Secretariat's assessment team visit South Sudan to review progress on the arms "
                        "embargo benchmarks in 2025?")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("sudan"), "sudan"))


@pytest.mark.parametrize("question", [
    "By what date does the Secretary-General have to deliver his next assessment of progress against the South "
    "Sudan arms embargo benchmarks?",
    FRAMED,
])
def test_the_newest_restatement_of_a_request_leads(bot: Briefbot, question: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    lead = answer.citations[0]
    assert (lead.symbol, lead.paragraph) == ("S/RES/2821 (2026)", "4"), answer.answer
    assert answer.answer.startswith("**15 April 2027** [1]"), answer.answer
    assert any("supersedes S/RES/2781 (2025) (“15 April 2026”)" in n for n in answer.notes), answer.notes
