"""A body named by its regime asks about the body: "the mandate of the Panel of Experts on the Mali sanctions
regime" was answered by 2649 (2022)'s renewal of the measures (para. 1, 31 August 2023), because "sanctions regime"
counted as what was asked and the Council record's first passage holds the preamble, which names the Panel. Its
Panel is renewed in para. 4 (30 September 2023). Real Council XML (tests/fixtures/akn/mali_sanctions, with South
Sudan's Panel renewals beside it), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import specific_subject
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("mali"), "mali_sanctions"))


def test_whose_body_it_is_is_not_what_is_asked() -> None:
    assert {"panel", "expert"} <= specific_subject("Until when does the Panel of Experts on the Mali sanctions "
                                                   "regime run?")
    assert not {"sanction", "regim"} & specific_subject("Until when does the Panel of Experts on the Mali sanctions "
                                                        "regime run?")
    # Said with a verb: "monitors" is no Monitoring Group asked (a probe got the Somalia Monitoring Group's 2017
    # term for 2806 (2025)'s Panel).
    for verb in ("that monitors", "which oversees", "monitoring", "assisting"):
        asked = specific_subject(f"What is the current expiry date of the mandate of the Panel of Experts {verb} the "
                                 "Al-Shabaab sanctions regime?")
        assert {"panel", "expert"} <= asked and not {"monitor", "sanction", "regim", "shabaab"} & asked, (verb, asked)
    # Both asked: the sanctions are still part of what is asked.
    assert "sanction" in specific_subject("Until when are the Mali sanctions and the Panel of Experts renewed?")


@pytest.mark.parametrize("question", [
    "What is the latest end date the Council set for the mandate of the Panel of Experts on the Mali sanctions "
    "regime?",
    "Until when was the mandate of the Panel of Experts for the Mali sanctions last extended?",
    "What is the latest end date set for the mandate of the Panel of Experts that monitors the Mali sanctions regime?",
])
def test_the_panel_of_a_regime_is_answered_by_its_own_renewal(bot: Briefbot, question: str) -> None:
    answer = bot.ask(question)
    first = answer.citations[0]
    assert (first.symbol, first.paragraph) == ("S/RES/2649 (2022)", "4"), answer.answer
    assert answer.answer.startswith("**30 September 2023** [1]"), answer.answer


def test_a_renewal_renews_what_its_renewing_sentence_says(bot: Briefbot) -> None:
    """The record's first passage holds the preamble ("… the Panel of Experts …") before para. 1's renewal of the
    measures: that passage does not renew the Panel."""
    from briefbot.retrieve import _renews_asked

    doc = next(d for d in bot.retriever.documents().values() if d.symbol == "S/RES/2649 (2022)")
    paragraphs = {c.paragraph: c.text for c in bot.store.chunks_of(doc.doc_id)}
    assert "Panel of Experts" in paragraphs["1"]
    panel = {"panel", "expert"}
    assert not _renews_asked(paragraphs["1"], panel)
    assert _renews_asked(paragraphs["4"], panel)
    assert _renews_asked(paragraphs["1"], {"sanction", "regim"})
