"""A question asking two things of one decision: "What is the current expiry date of the mandate of the Panel of
Experts … under resolution 1591 (2005), and when is its next final report due?" was answered with the expiry only.
2791 (2025) extends the Panel in para. 3 and asks for its final report in para. 4, which ranked nowhere; and the
line read the report's date for the expiry (the quote on the report names the Committee and resolution 1591 too),
leaving the report's part none. Real Council XML (tests/fixtures/akn/sudan_panel_1591), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.answer import direct_line, sub_questions
from briefbot.models import Citation
from briefbot.service import Briefbot

QUESTION = ("What is the current expiry date of the mandate of the Panel of Experts assisting the Sudan sanctions "
            "committee set up under resolution 1591 (2005), and when is its next final report due?")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("sudan_parts"), "sudan_panel_1591"))


def test_each_part_of_a_question_about_one_decision_is_answered_from_it(bot: Briefbot) -> None:
    answer = bot.ask(QUESTION)
    cited = [(c.symbol, c.paragraph) for c in answer.citations]
    assert ("S/RES/2791 (2025)", "3") in cited and ("S/RES/2791 (2025)", "4") in cited, answer.answer
    line = answer.answer.split("\n", 1)[0]
    assert "12 October 2026" in line and "13 July 2026" in line, answer.answer
    assert line.index("12 October 2026") < line.index("13 July 2026"), line  # in the question's order


def test_a_part_whose_span_another_took_is_read_first() -> None:
    term = ("Decides to extend, for the purpose of aligning the timelines for the renewal of the measures and the "
            "mandate of the Panel of Experts, the mandate of the Panel of Experts in resolution 2772 (2025) beyond 12 "
            "March 2026 until 12 October 2026;")
    report = ("Requests the Panel of Experts to provide the Security Council Committee established pursuant to "
              "resolution 1591 (2005) concerning the Sudan (hereafter “the Committee”) with an interim report on its "
              "activities no later than 12 March 2026, and provide to the Council, after discussion with the "
              "Committee, a final report by 13 July 2026 with its findings and recommendations, and further requests "
              "the Panel of Experts to provide updates every three months to the Committee regarding its activities, "
              "including Panel travel, and the implementation and effectiveness of paragraph 10 of resolution 1945 "
              "(2010), and expresses its intention to review the mandate and take appropriate action regarding the "
              "further extension of the mandate no later than 12 September 2026;")
    cites = [Citation(key=str(k), document="r.xml", symbol="S/RES/2791 (2025)", page=None, paragraph=p,
                      doc_id="r.xml", quote=q, doc_type="resolution")
             for k, (p, q) in enumerate([("3", term), ("4", report)], start=1)]
    assert direct_line(sub_questions(QUESTION), cites) == "**12 October 2026** [1]; **13 July 2026** [2]"
