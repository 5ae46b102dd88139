"""Retrieval's later renewals (Retriever._with_later_renewals) on real UNMISS XML (tests/fixtures/akn/unmiss_rollover:
2677 (2023) renews the mandate in full, 2726 (2024) rolls it over "as set out in resolution 2677 (2023)", 2729 (2024)
renews it in full again without naming either) and on two missions' renewals (tests/fixtures/akn/two_missions: UNMISS
2820 (2026), UNSMIL 2755 (2024) and 2796 (2025)), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.models import Filters, Hit
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("unmiss_rollover"), "unmiss_rollover"))


def _paragraph_1(bot: Briefbot, symbol: str) -> tuple[str, str]:
    info = bot.document(symbol)
    chunk = next(c for c in bot.passages(info.doc_id) if "Decides to extend the mandate of UNMISS" in c.text)
    return info.date or "", chunk.text


def test_a_mission_renewal_in_the_same_words_is_the_newest_renewal(bot: Briefbot) -> None:
    """2729 names neither 2677 nor 2726; it extends "the mandate of UNMISS" as 2677 did, so it, not the six-week
    rollover that names 2677, is 2677's newest renewal."""
    date, text = _paragraph_1(bot, "S/RES/2677 (2023)")
    docs = bot.retriever.documents()
    found = bot.retriever._renewal_of("S/RES/2677 (2023)", date, text, docs, None)
    assert found is not None and docs[found.doc_id].symbol == "S/RES/2729 (2024)"
    assert "until 30 April 2025" in found.text
    # Nothing renews the newest one.
    date, text = _paragraph_1(bot, "S/RES/2729 (2024)")
    assert bot.retriever._renewal_of("S/RES/2729 (2024)", date, text, docs, None) is None
    # A renewal outside the reader's documents (a filter, a collection) is never brought in.
    allowed = {d for d, info in docs.items() if info.symbol != "S/RES/2729 (2024)"}
    date, text = _paragraph_1(bot, "S/RES/2677 (2023)")
    found = bot.retriever._renewal_of("S/RES/2677 (2023)", date, text, docs, allowed)
    assert found is not None and docs[found.doc_id].symbol == "S/RES/2726 (2024)"


def test_the_mandate_question_leads_with_the_newest_renewal(bot: Briefbot) -> None:
    answer = bot.ask("Until when is the UNMISS mandate extended?")
    assert answer.citations[0].symbol == "S/RES/2729 (2024)", answer.answer
    assert answer.answer.startswith("**30 April 2025** [1]")
    # The decisions it supersedes follow newest first, as the note names them (a browser walk read 2677 before
    # the rollover 2726).
    dates = [c.date or "" for c in answer.citations if c.doc_type == "resolution"]
    assert dates == sorted(dates, reverse=True), [(c.symbol, c.date) for c in answer.citations]


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("two_missions"), "two_missions"))


def _renewal_hit(bot: Briefbot, symbol: str, score: float) -> Hit:
    info = bot.document(symbol)
    chunk = next(c for c in bot.passages(info.doc_id) if "Decides to extend" in c.text)
    return Hit(chunk=chunk, doc=info, score=score)


def test_a_later_renewal_is_brought_in_by_its_own_country_not_anothers(two: Briefbot) -> None:
    """UNMISS's 2820 (2026) ranking first does not make UNSMIL's 2755 (2024) current: its own series' latest,
    2796 (2025), comes in right after it, as when 2820 were not there."""
    docs = two.retriever.documents()
    hits = [_renewal_hit(two, "S/RES/2820 (2026)", 2.0), _renewal_hit(two, "S/RES/2755 (2024)", 1.9)]
    two.store.fill_about([h.doc for h in hits])
    out = two.retriever._with_later_renewals(hits, docs, None, None, set())
    assert [h.doc.symbol for h in out] == ["S/RES/2820 (2026)", "S/RES/2755 (2024)", "S/RES/2796 (2025)"]
    assert out[2].score == 1.9 and "until 31 October 2026" in out[2].chunk.text
    # Asked about South Sudan, Libya's renewals are not followed.
    out = two.retriever._with_later_renewals(hits, docs, None, None, {"south sudan"})
    assert [h.doc.symbol for h in out] == ["S/RES/2820 (2026)", "S/RES/2755 (2024)"]


def test_a_question_naming_no_country_says_which_one_its_answer_is_about(two: Briefbot) -> None:
    answer = two.ask("Until when is the mission's mandate extended?")
    note = next(n for n in answer.notes if n.startswith("The question names no country"))
    lead = answer.citations[0].symbol
    country, other = ("South Sudan", "Libya") if lead == "S/RES/2820 (2026)" else ("Libya", "South Sudan")
    assert f"[1] is about {country}; the passages found also hold the Council's decisions on {other}." in note
    # Naming the country, or filtering by it, needs no such note.
    assert not any("names no country" in n for n in two.ask("Until when is the UNSMIL mandate extended?").notes)
    filtered = two.ask("Until when is the mission's mandate extended?", filters=Filters(missions=["Libya"]))
    assert filtered.citations and not any("names no country" in n for n in filtered.notes), filtered.notes
