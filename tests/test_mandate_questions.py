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
