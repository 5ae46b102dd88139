"""Council records whose title is shared by two countries: the Sudan and South Sudan resolutions are all titled
"Reports of the Secretary-General on the Sudan and South Sudan" (one agenda item), so their text says which country
each is about; and their renewals: the later one is found by what it renews, not by how it is worded. Real XML
(tests/fixtures/akn/sudan), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.models import Filters
from briefbot.refs import (
    narrow_places,
    parse_references,
    renews_subject,
    sentence_places,
    shared_title,
    specific_subject,
)
from briefbot.service import Briefbot
from briefbot.web.views import mission_choices

SHARED = "Resolution 2772 (2025): Reports of the Secretary-General on the Sudan and South Sudan"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("sudan"), "sudan"))


def test_the_text_says_which_country_a_shared_title_is_about() -> None:
    assert shared_title(SHARED) and not shared_title("Resolution 2769 (2025): Libya — sanctions")
    assert narrow_places(SHARED, "the Sudan Panel … the Sudan … the Sudan … the Sudan … South Sudan") == ("Sudan",)
    # "Sudan" inside "South Sudan" is not a mention of the Sudan.
    assert narrow_places(SHARED, "South Sudan … South Sudan … the Government of South Sudan") == ("South Sudan",)
    assert narrow_places(SHARED, "Abyei: the Sudan and South Sudan, the Sudan and South Sudan") == ()  # both
    assert narrow_places("Resolution 2769 (2025): Libya", "Libya … Libya") == ()  # one country: the title says
    assert sentence_places("the mandate of the Panel of Experts on South Sudan") == {"south sudan", "unmiss"}


@pytest.mark.parametrize(("question", "places"), [
    ("Who leads the Panel of Experts on South Sudan?", ["South Sudan"]),  # not the Sudan too
    ("What did the South Sudanese army receive?", ["South Sudan"]),
    ("Which reports cover the Sudan and South Sudan?", ["South Sudan", "Sudan"]),
    ("How do Sudanese and South Sudanese traders move gold?", ["Sudan", "South Sudan"]),
    ("Until when are the Darfur sanctions renewed?", ["Sudan"]),
    # Places named by an adjective or an abbreviation, which the country's name is not part of, stay.
    ("Where do Somali pirates sell fuel?", ["Somalia"]),
    ("How is Afghan opium financed?", ["Afghanistan"]),
    ("Who supplies the DRC armed groups?", ["Democratic Republic of the Congo"]),
])
def test_the_places_a_question_names(question: str, places: list[str]) -> None:
    assert parse_references(question).places == places


def test_filters_and_the_library_read_the_country_from_the_text(bot: Briefbot) -> None:
    docs = {d.symbol: d for d in bot.library()}
    assert docs["S/RES/2772 (2025)"].about == docs["S/RES/2791 (2025)"].about == ["Sudan"]
    assert docs["S/RES/2781 (2025)"].about == ["South Sudan"]
    assert mission_choices(list(docs.values())) == [("South Sudan", "South Sudan"), ("Sudan", "Sudan")]

    def allowed(place: str) -> set[str]:
        return {docs_by_id[d].symbol or "" for d in bot.store.resolve_filters(Filters(missions=[place]))}

    docs_by_id = {d.doc_id: d for d in docs.values()}
    assert allowed("Sudan") == {"S/RES/2772 (2025)", "S/RES/2791 (2025)"}
    assert allowed("South Sudan") == allowed("UNMISS") == {"S/RES/2781 (2025)", "S/RES/2821 (2026)"}


@pytest.mark.parametrize(("question", "latest", "date", "superseded"), [
    # 2791 para. 3 is worded apart ("extend, for the purpose of aligning the timelines, … the mandate of the Panel
    # of Experts in resolution 2772 (2025) beyond 12 March 2026 until 12 October 2026"): found as 2772's renewal.
    ("Until when did the Council extend the Panel of Experts on the Sudan?", "S/RES/2791 (2025)", "12 October 2026",
     "S/RES/2772 (2025) (“12 March 2026”)"),
    # 2821 does not name 2781: it renews the same "measures on arms imposed by paragraph 4 of resolution 2428".
    ("Until when is the South Sudan arms embargo renewed?", "S/RES/2821 (2026)", "31 May 2027",
     "S/RES/2781 (2025) (“31 May 2026”)"),
])
def test_the_latest_renewal_leads_and_says_what_it_supersedes(bot: Briefbot, question: str, latest: str, date: str,
                                                             superseded: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained
    assert answer.citations[0].symbol == latest and date in answer.citations[0].quote
    assert answer.answer.startswith(f"**{date}**")
    assert any(f"supersedes {superseded}" in note for note in answer.notes), answer.notes
    # The other country's Panel or embargo is not part of the answer.
    other = {"S/RES/2772 (2025)", "S/RES/2791 (2025)"} if "South" in question else {"S/RES/2781 (2025)",
                                                                                    "S/RES/2821 (2026)"}
    assert not other & {c.symbol for c in answer.citations}


def test_the_sanctions_regime_is_its_measures_not_the_panel_renewed_to_align_with_them(bot: Briefbot) -> None:
    """2791 (2025) renews the measures in para. 1 and extends the Panel in para. 3 "for the purpose of aligning the
    timelines for the renewal of the measures and the mandate of the Panel": what a renewal is for is not what it
    renews, so the regime is answered from para. 1 and the Panel from para. 3."""
    assert not renews_subject(specific_subject("Until when is the Sudan sanctions regime renewed?"),
                              "Decides to extend, for the purpose of aligning the timelines for the renewal of the "
                              "measures and the mandate of the Panel of Experts, the mandate of the Panel of Experts "
                              "in resolution 2772 (2025) beyond 12 March 2026 until 12 October 2026")
    # (The full index's wording, "the Sudan sanctions regime", abstains on these four records: too few words.)
    for question, paragraph, term in (("Until when are the sanctions on the Sudan renewed?", "1", "12 September 2026"),
                                      ("Until when is the mandate of the Panel of Experts on the Sudan extended?", "3",
                                       "12 October 2026")):
        answer = bot.ask(question)
        first = answer.citations[0]
        assert (first.symbol, first.paragraph) == ("S/RES/2791 (2025)", paragraph), answer.answer
        assert answer.answer.startswith(f"**{term}** [1]"), answer.answer


def test_a_question_naming_the_older_renewal_is_answered_from_it(bot: Briefbot) -> None:
    answer = bot.ask("Until when did resolution 2772 (2025) extend the Panel of Experts?")
    assert answer.citations[0].symbol == "S/RES/2772 (2025)" and answer.answer.startswith("**12 March 2026**")
    assert not answer.notes


def test_a_two_part_question_takes_its_date_from_the_latest_renewal(bot: Briefbot) -> None:
    # The older renewal's long paragraph shares more of the question's words; its date must not head the answer
    # whose note says it is superseded.
    answer = bot.ask("Until when did the Council extend the mandate of the Panel of Experts on the Sudan, and what "
                     "are its tasks?")
    assert answer.citations[0].symbol == "S/RES/2791 (2025)"
    assert answer.answer.startswith("**12 October 2026** [1]"), answer.answer[:200]
    assert "12 March 2026" not in answer.answer.splitlines()[0]


@pytest.fixture(scope="module")
def abyei(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("abyei"), "abyei"))


def test_a_mission_of_two_countries_is_read_from_the_text(abyei: Briefbot) -> None:
    """UNISFA (Abyei) belongs to neither country alone, and its renewals carry the shared title: the filter, the
    library and the question still reach them by the mission their text names throughout."""
    assert narrow_places(SHARED, "UNISFA … UNISFA … UNISFA … the Sudan and South Sudan") == \
        ("South Sudan", "Sudan", "UNISFA")
    assert narrow_places(SHARED, "the Sudan … the Sudan … the Sudan, UNISFA") == ("Sudan",)  # a passing mention
    docs = {d.symbol: d for d in abyei.library()}
    assert "UNISFA" in docs["S/RES/2802 (2025)"].about and "UNISFA" not in docs["S/RES/2772 (2025)"].about
    assert ("UNISFA", "UNISFA") in mission_choices(list(docs.values()))
    by_id = {d.doc_id: d.symbol for d in docs.values()}
    assert {by_id[d] for d in abyei.store.resolve_filters(Filters(missions=["UNISFA"]))} == \
        {"S/RES/2760 (2024)", "S/RES/2802 (2025)"}
    for question, filters in (("Until when did the Council extend the mandate of UNISFA?", None),
                              ("Until when is the mandate extended?", Filters(missions=["UNISFA"]))):
        answer = abyei.ask(question, filters=filters)
        assert not answer.abstained and answer.citations[0].symbol == "S/RES/2802 (2025)"
        assert answer.answer.startswith("**15 November 2026**")
