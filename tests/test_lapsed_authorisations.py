"""An authorisation the Council set for a period and renewed by its paragraph numbers (tests/fixtures/akn/track_ends:
S/RES/2240 (2015) paras. 7-10 authorise inspecting vessels for migrant smuggling off Libya "for a period of one
year"; S/RES/2698 (2023) para. 3 renews "the authorisations as set out in paragraphs 7, 8, 9 and 10 of resolution
2240 (2015)" for twelve months, and nothing later renews them). Real index and model. The chat quoted 2240 (2015)
for "still in force?", and abstained on "until when?": 2698's sentence names none of the question's words about
vessels or migrants, and 2240's paragraph, which does, set its term by a period, not "until" a date."""

from __future__ import annotations

import datetime

import pytest

from akn_support import indexed_fixture
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    settings = indexed_fixture(tmp_path_factory.mktemp("track_ends"), "track_ends")
    return Briefbot(settings.model_copy(update={"today": datetime.date(2026, 12, 6)}))


@pytest.mark.parametrize("question", [
    "Until when are the authorisations to inspect vessels for migrant smuggling off Libya renewed?",
    "Are the authorisations to inspect vessels for migrant smuggling off Libya still in force, and until when?",
])
def test_the_latest_renewal_by_number_leads_and_its_passed_term_is_said(bot: Briefbot, question: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2698 (2023)", "3"), answer.answer
    assert any("to 29 September 2024." in n for n in answer.notes), answer.notes  # dated once, by the adoption note
    assert any(n.startswith("[1] That term has passed (today is 6 December 2026)") for n in answer.notes), answer.notes


def test_the_tracker_says_where_a_named_authorisation_stands_when_the_answer_does_not(bot: Briefbot) -> None:
    """"Are the authorisations to repress piracy off Somalia still in force?" was answered with preambles; the
    tracker knows its last renewal and that its term passed. Its word is added when the answer does not lead with
    the resolution it names, and never for a sanctions track (dates of several things)."""
    from briefbot.mandates.chat import standing_note
    from briefbot.models import Citation
    index = bot.mandates()
    index.update()  # the note reads the tracker as it is: the chat never waits for a rebuild (below)
    question = "Are the authorisations to inspect vessels for migrant smuggling off Libya still in force?"
    found = standing_note(index, question, "S/RES/2240 (2015)")
    assert found is not None
    note, line = found
    assert note.startswith("The mandate tracker's Migrant smuggling off Libya (2240) track: expired — S/RES/2698 "
                           "(2023) last renewed it, to 2024-09-29 (para. 3)") and line is None, note
    # Given the answer's citations, the paragraph stating the date is cited, verified, under the next key.
    cited: list[Citation] = []
    found = standing_note(index, question, "S/RES/2240 (2015)", cited)
    assert found is not None and found[0].endswith(" [1].") and found[1] is not None, found
    assert [(c.symbol, c.paragraph, c.key) for c in cited] == [("S/RES/2698 (2023)", "3", "1")]
    assert "renew the authorisations as set out in paragraphs 7, 8, 9 and 10 of resolution 2240" in cited[0].quote
    assert standing_note(index, question, None) == (note, None)  # an abstention gets the note, no quote
    assert standing_note(index, question, "S/RES/2698 (2023)") is None  # the answer already leads with it
    assert standing_note(index, "Are the Libya sanctions still in force?", None) is None
    # Through the chat: an answer leading with the tracker's resolution carries no second word on it.
    answer = bot.ask(question)
    assert not any(n.startswith("The mandate tracker's") for n in answer.notes), answer.notes


def test_a_country_is_no_name_of_a_track_for_the_note(bot: Briefbot) -> None:
    """Held-out probes: "How long is the current UN arms embargo on Haiti in force?" and "For how long is the Gang
    Suppression Force in Haiti currently authorized?" got the Haiti missions' track status (BINUH, "not renewed"),
    because the track's slug is "haiti". A track is named for the note by its own name, not a country's."""
    from briefbot.mandates.chat import standing_note
    index = bot.mandates()
    assert index.track("haiti").status is not None  # BINUH's 2785 (2025) is in the fixture
    assert standing_note(index, "How long is the current UN arms embargo on Haiti in force?", None) is None
    assert standing_note(index, "For how long is the Gang Suppression Force in Haiti currently authorized?",
                         None) is None
    found = standing_note(index, "Is the mandate of BINUH still in force?", None)
    assert found is not None and "S/RES/2785 (2025)" in found[0], found


def test_the_chat_never_waits_for_the_trackers_rebuild(bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The note is read from a tracker already up to date, as the counted term is: after an upgrade or an ingest
    its rebuild takes a minute on the full corpus, which no chat answer waits for."""
    from briefbot.models import Answer
    question = "Are the authorisations to inspect vessels for migrant smuggling off Libya still in force?"
    bot.mandates().update()
    fresh = Answer(question=question, answer="", abstained=True, citations=[], hits=[])
    bot._standing(question, fresh)
    assert [n for n in fresh.notes if n.startswith("The mandate tracker's")], fresh.notes
    monkeypatch.setattr(type(bot.mandates()), "fresh", lambda self: False)
    monkeypatch.setattr(type(bot.mandates()), "update", lambda self, *a, **k: pytest.fail("waited for a rebuild"))
    stale = Answer(question=question, answer="", abstained=True, citations=[], hits=[])
    bot._standing(question, stale)
    assert stale.notes == []
