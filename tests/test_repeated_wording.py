"""Text the Council repeats from one decision to the next, kept once among the leading passages (a sixth-sweep
question; real Council XML and pages of a real Monitoring Team report in tests/fixtures/akn/al_shabaab_finance, real
index and model): "How is Al-Shabaab financed?" had the same "Notes with concern Al-Shabaab's ability to generate
revenue …" of four resolutions in its top ten, and the Monitoring Team's account (S/2025/482 para. 103) 19th."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.retrieve import REPEAT_WINDOW, _alike, _wording
from briefbot.service import Briefbot

QUESTION = "How is Al-Shabaab financed?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("al_shabaab_finance"), "al_shabaab_finance", "reports"))


def _repeats(hits: list) -> list[tuple[str, str | None]]:
    """Leading passages worded like a better-ranked passage of another document."""
    seen: list[tuple[str, set[str]]] = []
    out = []
    for h in hits:
        own = _wording(h.chunk.text)
        if any(doc != h.doc.doc_id and _alike(own, other) >= 0.8 for doc, other in seen):
            out.append((h.doc.symbol, h.chunk.paragraph))
        seen.append((h.doc.doc_id, own))
    return out


def test_the_same_words_of_several_decisions_lead_once(bot: Briefbot) -> None:
    hits = bot.retrieve(QUESTION, k=REPEAT_WINDOW)
    assert not _repeats(hits[:8]), [(h.doc.symbol, h.chunk.paragraph) for h in hits[:8]]
    # They are read further down, not dropped: the currency rules read the series.
    assert _repeats(hits)
    # The Monitoring Team's account comes before every repeat (19th → 13th on the full index).
    places = [(h.doc.symbol, h.chunk.text[:4]) for h in hits]
    first_repeat = min(places.index(r) for r in [(h.doc.symbol, h.chunk.text[:4]) for h in hits
                                                   if (h.doc.symbol, h.chunk.paragraph) in _repeats(hits)])
    assert places.index(("S/2025/482", "103.")) < first_repeat, places


def test_a_term_question_still_reads_each_renewal(bot: Briefbot) -> None:
    # Renewals are worded alike on purpose; which one holds is the currency rules' question, so an until-when
    # question keeps them all where the reranker put them.
    hits = bot.retrieve("Until when is the mandate of the Panel of Experts on Al-Shabaab renewed?", k=10)
    assert len(_repeats(hits)) >= 1, [(h.doc.symbol, h.chunk.paragraph) for h in hits]
