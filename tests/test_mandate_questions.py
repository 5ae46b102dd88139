"""Chat questions a new user asked of the mandate tracker, through the service as `ask` asks them, on the real
Council XML of tests/fixtures/akn/embargo_changes: a question that only names a mission goes to retrieval; a
comparison asked about a theme leads with that theme's changes, the operative ones first, and says the preamble's
churn in a line."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.mandates.chat import detect, looks_like_history
from briefbot.models import Answer
from briefbot.service import Briefbot

UNAMA = "What has UNAMA put in place to address illicit small arms and light weapons flows, and what challenge remains?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("embargo_chat"), "embargo_changes"))


def _tracker_part(answer: Answer) -> str:
    return answer.answer.partition("From the retrieved passages:")[0]


def _cited(answer: Answer, text: str) -> list[tuple[str | None, str | None]]:
    return [(c.symbol, c.paragraph) for c in answer.citations if f"[{c.key}]" in text]


def _checked(bot: Briefbot, answer: Answer) -> None:
    """Every quote verbatim on its page and its key in the text."""
    for c in answer.citations:
        page = bot.store.page_text(bot.store.document(c.document).doc_id, c.page)
        assert c.start is not None and page[c.start:c.end] == c.quote
        assert f"[{c.key}]" in answer.answer


def test_a_question_that_names_a_mission_is_not_a_mandate_question(bot: Briefbot) -> None:
    """It was answered "The latest renewal of the UNAMA track changes none of its theme paragraphs…", citing
    S/RES/1401 (2002) before the report paragraph that answers it: "address" read as "add"."""
    assert not looks_like_history(UNAMA)
    index = bot.mandates()
    # What a mission has added or changed in what it does is retrieval's ...
    assert detect("What has UNAMA added to its presence in the provinces?", index) is None
    assert detect("What has changed in MINUSCA's operations since the elections?", index) is None
    # ... what the Council's text or a renewal added is the tracker's.
    for asked in ("What has the Council added to UNAMA's mandate on drug trafficking?",
                  "What did the 2024 UNAMA renewal add on drug trafficking?",
                  "What changed in the Haiti sanctions in 2023?"):
        intent = detect(asked, index)
        assert intent is not None and intent.kind == "change", asked
    assert bot.ask(UNAMA).engine != "mandates"


def test_a_comparison_asked_about_a_theme_leads_with_its_changes(bot: Briefbot) -> None:
    """It led with the Panel of Experts' dates and a diff of four paragraphs without 2700's paras. 6-8, the change
    asked: now the amendment between the two (2699 replaced the targeted embargo of 2653 para. 11 by a territorial
    one), then 2700's operative changes, the dates last."""
    a = bot.ask("How did the Haiti arms embargo change between resolution 2653 (2022) and resolution 2700 (2023)?")
    assert a.engine == "mandates" and not a.abstained, a.answer
    tracker = _tracker_part(a)
    lines = tracker.splitlines()
    assert lines[0].startswith("First, S/RES/2699 (2023) (adopted 2023-10-02; not a renewal of the track) amended "
                               "S/RES/2653 (2022), para. 11, by its operative para. 14"), lines[0]
    assert "S/RES/2700 (2023) (adopted 2023-10-19) against S/RES/2653 (2022) on arms trafficking and diversion" \
        in tracker
    cited = _cited(a, tracker)
    assert cited[:4] == [("S/RES/2699 (2023)", "14"), ("S/RES/2700 (2023)", "6"), ("S/RES/2700 (2023)", "7"),
                         ("S/RES/2700 (2023)", "8")], cited
    # Operative changes before the preamble's, the dates after both.
    assert tracker.index("operative para. 8") < tracker.index("preambular para. PP8") < tracker.index("renews until")
    _checked(bot, a)


def test_a_comparison_says_the_preambles_churn_in_a_line(bot: Briefbot) -> None:
    """8,468 characters and 18 citations, most of them "Dropped: … PP17 … PP19 …": now the operative changes of
    the theme asked, a few recitals, and the rest by number."""
    a = bot.ask("How did the Council's language on migrant smuggling off Libya change between resolution 2240 (2015) "
                "and resolution 2698 (2023)?")
    assert a.engine == "mandates" and not a.abstained, a.answer
    tracker = _tracker_part(a)
    lines = tracker.splitlines()
    # The theme the track's name says is the one asked about.
    assert lines[0].startswith("S/RES/2698 (2023) (adopted 2023-09-29) against S/RES/2240 (2015) on migrant "
                               "smuggling:"), lines[0]
    said = [line for line in lines if line.startswith(("New:", "Changed:", "Dropped:"))]
    kinds = ["operative" in line for line in said]
    assert kinds == sorted(kinds, reverse=True), said  # operative first
    assert not [line for line in said if line.startswith("Dropped:") and "preambular" in line], said
    assert ("S/RES/2698 (2023)", "2") in _cited(a, tracker)
    summary = next(line for line in lines if line.startswith("Not quoted:"))
    assert "not restated from S/RES/2240 (2015)" in summary and "recitals PP" in summary, summary
    assert len(_cited(a, tracker)) <= 12 and len(tracker) < 5000, len(tracker)
    _checked(bot, a)
