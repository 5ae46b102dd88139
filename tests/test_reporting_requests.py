"""A term set without a renewal, renewed by its paragraph number (tests/fixtures/akn/red_sea_reports: S/RES/2722
(2024) para. 10 requests monthly reports on Houthi attacks "through July 1, 2024"; 2739 (2024), 2768 (2025), 2787
(2025) and 2812 (2026) each open "Extends the reporting request in paragraph 10 of resolution 2722 (2024)"), real
index and model. A held-out probe found the answer quoting the lapsed July 1, 2024: an operative paragraph opening on
"Extends" was no renewal, and a "Requests … through" paragraph started no chain."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.retrieve import _renewal
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("red_sea_reports"), "red_sea_reports"))


def test_an_operative_paragraph_opening_on_its_verb_renews() -> None:
    assert _renewal("1. Extends the reporting request in paragraph 10 of resolution 2722 (2024) through July 15, 2026.")
    assert _renewal("22. Renews for a period of 12 months the mandate of the High Representative for the Elections")
    # An appeal renewed is no term renewed.
    assert not _renewal("12. Renews its call upon States and regional organizations that are able to do so to take "
                        "part in the fight against piracy")


def test_a_request_with_a_term_is_followed_to_the_newest_extension_by_its_number(bot: Briefbot) -> None:
    info = bot.document("S/RES/2722 (2024)")
    chunk = next(c for c in bot.passages(info.doc_id) if "through July 1, 2024" in c.text)
    docs = bot.retriever.documents()
    found = bot.retriever._renewal_of("S/RES/2722 (2024)", info.date or "", chunk.text, docs, None, paragraph="10")
    assert found is not None and docs[found.doc_id].symbol == "S/RES/2812 (2026)"
    assert "through July 15, 2026" in found.text
    # Another paragraph of 2722 is not what the extensions name.
    assert bot.retriever._renewal_of("S/RES/2722 (2024)", info.date or "", chunk.text, docs, None,
                                     paragraph="9") is None


def test_the_current_reporting_term_leads(bot: Briefbot) -> None:
    answer = bot.ask("Through what date is the Secretary-General required to keep reporting on Houthi attacks on "
                     "merchant shipping in the Red Sea?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].symbol == "S/RES/2812 (2026)", answer.answer
    assert answer.answer.startswith("**July 15, 2026** [1]"), answer.answer


def test_a_date_asked_of_what_holds_now_says_when_it_has_passed(bot: Briefbot) -> None:
    """A browser walk: "… currently required …" answered "July 15, 2026" on 6 December 2026 with no word that the
    date had passed; no renewal word was asked, and the American date was not read as one."""
    import datetime

    later = Briefbot(bot.settings.model_copy(update={"today": datetime.date(2026, 12, 6)}))
    answer = later.ask("Through what date is the Secretary-General currently required to keep reporting on Houthi "
                       "attacks on merchant shipping in the Red Sea?")
    assert answer.answer.startswith("**July 15, 2026** [1]"), answer.answer
    assert any("[1] July 15, 2026 has passed (today is 6 December 2026)" in n for n in answer.notes), answer.notes
