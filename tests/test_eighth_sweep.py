"""Questions of the eighth new-user sweep, on Council resolutions of 2000-2023 (real Council XML under
tests/fixtures/akn, real index and model)."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture, rules_only_bot
from briefbot.answer import direct_answer
from briefbot.service import Briefbot

# Paragraphs of real resolutions, verbatim from the Council's XML (bulk/unxml_sc).
RES_2199_PARA_12 = ("Decides that Member States shall inform the 1267/1989 Committee within 30 days of the "
                    "interdiction in their territory of any oil, oil products, modular refineries, and related "
                    "material being transferred to or from ISIL or ANF, and calls upon Member States to report "
                    "to the Committee the outcome of proceedings brought against individuals and entities as a "
                    "result of such activity;")
RES_1591_PARA_4 = ("Decides that the measures referred to in subparagraphs 3 (d) and (e) shall enter into force"
                   " 30 days from the date of adoption of this resolution, unless the Security Council "
                   "determines before then that the parties to the conflict in Darfur have complied with all "
                   "the commitments and demands referred to in paragraph 1 above and paragraph 6 below;")
RES_2039_PARA_6 = ("Encourages Benin and Nigeria to extend their joint patrols beyond March 2012, while the "
                   "countries of the Gulf of Guinea continue to work towards building their capacities to "
                   "independently secure their coastlines and also encourages international partners to "
                   "consider providing support, as needed, in that regard and to the extent feasible;")

RES_2199_PARA_17 = ("Reaffirms its decision in paragraph 7 of resolution 1483 (2003) and decides that all Member "
                    "States shall take appropriate steps to prevent the trade in Iraqi and Syrian cultural property "
                    "and other items of archaeological, historical, cultural, rare scientific, and religious "
                    "importance illegally removed from Iraq since 6 August 1990 and from Syria since 15 March 2011, "
                    "including by prohibiting cross-border trade in such items, thereby allowing for their eventual "
                    "safe return to the Iraqi and Syrian people")
RES_2039_PARA_1 = ("Welcomes the report of the Secretary-General’s assessment mission on piracy in the Gulf of "
                   "Guinea, which was dispatched to the region from 7 to 24 November 2011;")

RES_1521_PARA_22 = ("Requests the Secretary-General to establish, within one month from the date of adoption of this "
                    "resolution, in consultation with the Committee, for a period of five months, a Panel of Experts "
                    "consisting of up to five members, with the range of expertise necessary to fulfil the Panel’s "
                    "mandate described in this paragraph")


@pytest.mark.parametrize(("question", "quote", "line"), [
    # People counted as a body's members.
    ("How many people could serve on the Liberia expert panel set up in late 2003?", RES_1521_PARA_22,
     "up to five members"),
    # Of dates told of two places, the one told of the place asked.
    ("Since what date are antiquities smuggled out of Syria covered by the Council's trade ban?", RES_2199_PARA_17,
     "15 March 2011"),
    ("Since what date are antiquities smuggled out of Iraq covered by the Council's trade ban?", RES_2199_PARA_17,
     "6 August 1990"),
    # When something took days: the days, not the last.
    ("When was the UN assessment team on Gulf of Guinea piracy in the region?", RES_2039_PARA_1,
     "7 to 24 November 2011"),
    # "How quickly" asks a length of time, as "how long" does.
    ("How quickly must a country tell the ISIL sanctions committee after it seizes oil being moved to or from ISIL?",
     RES_2199_PARA_12, "30 days"),
    # A deadline counted from an event, and a "when" counted from the decision, have no date to state.
    ("What is the deadline for notifying the 1267 committee of an interdiction of ISIL oil shipments?",
     RES_2199_PARA_12, "within 30 days of the interdiction"),
    ("When did the measures referred to in subparagraphs 3 (d) and (e) of resolution 1591 (2005) enter into force?",
     RES_1591_PARA_4, "30 days from the date of adoption of this resolution"),
    # "Within how many months" counts months ("how quickly" asks a length): not the "10-year anniversary" after it.
    ("Within how many months did resolution 2634 (2022) ask the Secretary-General to report?",
     "Further requests the Secretary-General to report, within five (5) months and on an exceptional basis in advance "
     "of the 10-year anniversary of the Yaoundé Code of Conduct", "five (5) months"),
    # Which countries: the list, as the Council words it.
    ("Which countries does resolution 2039 (2012) encourage to extend their joint patrols beyond March 2012?",
     RES_2039_PARA_6, "Benin and Nigeria"),
])
def test_lines_of_the_eighth_sweep(question: str, quote: str, line: str) -> None:
    assert direct_answer(question, quote) == line


def test_which_states_is_answered_by_states_or_not_at_all() -> None:
    # "High State" of "the High State Council" is no State.
    assert direct_answer("Which States took part in the talks?", "The High State Council and the House of "
                         "Representatives met in Bouznika.") is None


@pytest.fixture(scope="module")
def mali(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("mali"), "mali_sanctions"))


def test_a_renewal_asked_of_a_year_none_was_made_in_is_not_answered(mali: Briefbot) -> None:
    # The Mali measures were last renewed in 2022 (2649) and ended in 2023: 2484 (2019)'s "until 31 August 2020"
    # is no answer to a renewal of 2024.
    answer = mali.ask("Until when did the Council extend the Mali sanctions measures in 2024?")
    assert answer.abstained, answer.answer
    assert "not 2024" in answer.answer and "31 August 2020" not in answer.answer.split("\n")[0], answer.answer
    # The year's own renewal answers.
    made = mali.ask("Until when did the Council extend the Mali sanctions measures in 2019?")
    assert made.answer.startswith("**31 August 2020** [1]"), made.answer
    assert made.citations[0].symbol == "S/RES/2484 (2019)"


def test_a_years_renewal_of_the_body_asked_comes_second(mali: Briefbot) -> None:
    # On the full corpus 2484 (2019)'s para. 3 ranked eighth below four other regimes' Panel renewals of 2019, and
    # the answer read 2484's renewal of the measures (para. 1) as setting no term for a Panel. Here it is taken out
    # of the hits as it was there: the year's leading resolution of the place asked brings it back, second.
    question = "Until when did the Council keep the Mali panel of experts running under its 2019 renewal?"
    hits = [h for h in mali.retrieve(question, k=10) if (h.doc.symbol, h.chunk.paragraph) != ("S/RES/2484 (2019)", "3")]
    assert any(h.doc.symbol == "S/RES/2484 (2019)" for h in hits[:8])
    out = mali.retriever._with_year_renewals(hits, {2019}, {"panel", "expert"}, {"mali"})
    assert (out[1].doc.symbol, out[1].chunk.paragraph) == ("S/RES/2484 (2019)", "3"), out[:3]
    # Not for a place whose resolutions are not among the hits.
    assert mali.retriever._with_year_renewals(hits, {2019}, {"panel", "expert"}, {"haiti"}) == hits


@pytest.fixture(scope="module")
def gulf(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    # The confidence model aside (threshold 0): the three resolutions of a small index score lower than the full
    # corpus, where these near misses were answered; the rules below must abstain on their own.
    return rules_only_bot(tmp_path_factory.mktemp("gulf"), "gulf_of_guinea")


def test_a_length_no_quote_states_is_not_answered(gulf: Briefbot) -> None:
    # No resolution lets foreign navies into Nigeria's waters; 2018 (2011) para. 3's regional patrols were quoted.
    answer = gulf.ask("For how long did the Council authorize foreign navies to enter Nigeria's territorial waters "
                      "to fight piracy in the Gulf of Guinea?")
    assert answer.abstained and "no length of time" in answer.answer, answer.answer


def test_a_document_adopted_in_a_year_none_is_of_is_not_answered(gulf: Briefbot) -> None:
    answer = gulf.ask("Which presidential statement on piracy in the Gulf of Guinea did the Council adopt in 2010?")
    assert answer.abstained and "not 2010" in answer.answer, answer.answer
    # Of the year a decision is of, it answers.
    made = gulf.ask("Which resolution on piracy in the Gulf of Guinea did the Council adopt in 2022?")
    assert not made.abstained and made.citations[0].symbol == "S/RES/2634 (2022)", made.answer


# S/2025/389, para. 12 (the Secretary-General's report on conflict-related sexual violence), verbatim.
YAZIDI = ("Yazidi women and girls, abducted in Iraq in 2014 and sold multiple times as sexual slaves, have been "
          "rescued in some cases after nearly a decade of captivity.")
PRST_2024_3 = ("The Security Council expresses concern at the grave threat that piracy and armed robbery in the Gulf "
               "of Guinea pose to international navigation, security, and sustainable development of States in the "
               "region. It welcomes improvements in the security situation in the Gulf of Guinea and encourages "
               "continued joint efforts by UNOWAS and UNOCA, within their mandates")


def test_a_year_is_no_count_and_a_body_no_document() -> None:
    # "in 2014 and sold": the year dates the sale the question asks to count.
    assert direct_answer("How many Yazidi women and girls were sold by ISIL according to resolution 2331 (2016)?",
                         YAZIDI) is None
    # A statement asked for is named by its symbol, not by the offices its text names.
    assert direct_answer("Which presidential statement on piracy in the Gulf of Guinea did the Council adopt in "
                         "2010?", PRST_2024_3) is None
