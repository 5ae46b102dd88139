"""Questions of the tenth round: a sanctions committee named by its resolution's number, and what the tenth
new-user sweep found (real Council XML under tests/fixtures/akn, real index and model where a seam needs them)."""

from __future__ import annotations

import pytest

from briefbot.answer import direct_answer, extractive_answer
from briefbot.config import Settings
from briefbot.mandates.analysis import _what
from briefbot.models import Chunk, DocInfo, Hit, Span
from briefbot.refs import parse_references, question_years

DPRK = "Democratic People's Republic of Korea"


@pytest.mark.parametrize(("question", "place"), [
    ("Until when did the Council extend the 1718 Committee's Panel of Experts in 2023?", DPRK),
    ("When did the Council end the 1572 sanctions regime?", "Côte d’Ivoire"),
    ("Until when is the 2653 Committee's Panel of Experts mandated?", "Haiti"),
    ("What did the (1970) sanctions committee's Panel report on fuel smuggling?", "Libya"),
])
def test_a_committee_named_by_its_resolution_names_its_country(question: str, place: str) -> None:
    # Named no place, "the 1718 Committee's Panel" got South Sudan's Panel renewal ("1 July 2024", 2683 (2023)),
    # and "the 1572 sanctions regime" a 2006 resolution listing every committee.
    assert parse_references(question).places == [place]


def test_a_committee_of_no_one_country_names_none() -> None:
    assert parse_references("When was the 1267 Committee's Monitoring Team last renewed?").places == []
    # "resolution 1718" alone still names the resolution, not a place.
    refs = parse_references("Under resolution 1718 what did the Panel report?")
    assert refs.places == [] and refs.resolutions == [1718]


def test_a_committee_number_is_no_year() -> None:
    assert question_years("What did the 2048 Committee decide in 2013?") == {2013}
    assert question_years("What did the Council decide on the Panel in 1970?") == {1970}


@pytest.mark.parametrize("question", [
    "Which Timorese criminal gang leaders did the Security Council place under sanctions?",
    "Which East Timor militia leaders did the Council want prosecuted?",
])
def test_timor_leste_by_its_older_names(question: str) -> None:
    assert parse_references(question).places == ["Timor-Leste"]


# S/2025/85 (UNODC on Haiti), para. 13: the passage "Which Timorese … gang leaders …?" was answered with.
HAITI_GANGS = ("Gang violence should not be viewed as random or chaotic but rather as consisting of deliberate and "
               "instrumental actions aimed at achieving specific goals. Reportedly, many gang leaders (including "
               "sanctioned individuals, as well as persons indicted and/or imprisoned for drug trafficking, weapons "
               "smuggling and corruption in Haiti or the United States) maintain robust connections to a range of "
               "political and business actors in and outside the country.")


def _report_hit(text: str, about: list[str]) -> Hit:
    doc = DocInfo(doc_id="S_2025_85.pdf", file_name="S_2025_85.pdf", path=None, sha256="0", source="pdf",
                  symbol="S/2025/85", doc_type="sg_report",
                  title="Report of the United Nations Office on Drugs and Crime pursuant to paragraph 9 of Security "
                        "Council resolution 2692 (2023)", date="2025-02-06", language="en", pages=20, chunks=1,
                  empty_pages=[], warnings=[], missions=["BINUH"] if about else [], ingested_at="", about=about)
    chunk = Chunk(text_hash="h", doc_id=doc.doc_id, ordinal=0, text=text,
                  spans=[Span(page=7, start=0, end=len(text), label="13")], paragraph="13", section=None, kind="body")
    return Hit(chunk=chunk, doc=doc, score=1.0, dense_score=0.6)


@pytest.mark.parametrize(("question", "about", "abstains"), [
    # Every quote is of a report on Haiti and none names Timor-Leste: a near miss.
    ("Which Timorese criminal gang leaders did the Security Council place under sanctions?", ["Haiti"], True),
    # The State asked is the report's own.
    ("Which Haitian gang leaders maintain connections to political actors?", ["Haiti"], False),
    # A document of no one State may speak of any.
    ("Which Timorese criminal gang leaders did the Security Council place under sanctions?", [], False),
    # A region is reported State by State: the Sahel is not answered for by its absence from a Haiti report.
    ("Which gang leaders in the Sahel maintain connections to political actors?", ["Haiti"], False),
])
def test_a_state_asked_is_not_answered_from_another_states_documents(question: str, about: list[str],
                                                                    abstains: bool) -> None:
    answer = extractive_answer(question, [_report_hit(HAITI_GANGS, about)],
                               Settings(abstain_threshold=0.0, sentence_model_k=0), lambda doc_id, page: HAITI_GANGS)
    assert answer.abstained is abstains, answer.answer[:160]
    if abstains:
        assert "are about Haiti, not Timor-Leste" in answer.answer


def test_a_quote_naming_the_state_asked_answers_for_it() -> None:
    text = HAITI_GANGS.replace("in Haiti or the United States", "in Timor-Leste or the United States")
    answer = extractive_answer("Which Timorese criminal gang leaders maintain connections to political actors?",
                               [_report_hit(text, ["Haiti"])], Settings(abstain_threshold=0.0, sentence_model_k=0),
                               lambda doc_id, page: text)
    assert not answer.abstained, answer.answer[:160]


def _resolution_hit(symbol: str, title: str, paragraph: str, text: str) -> Hit:
    doc = DocInfo(doc_id=symbol, file_name=f"{symbol}.xml", path=None, sha256="0", source="xml", symbol=symbol,
                  doc_type="resolution", title=f"Resolution {symbol}: {title}", date="2015-10-27", language="en",
                  pages=1, chunks=1, empty_pages=[], warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash=symbol + paragraph, doc_id=symbol, ordinal=0, text=text,
                  spans=[Span(page=1, start=0, end=len(text), label=paragraph)], paragraph=paragraph, section=None,
                  kind="body")
    return Hit(chunk=chunk, doc=doc, score=1.0, dense_score=0.6)


RES_2244_PARA_21 = ("Encourages the UN Office on Drugs and Crime to continue its work, within its current mandate, "
                    "under the Indian Ocean Forum on Maritime Crime to bring together relevant Member States and "
                    "international organisations to develop strategies to disrupt the trade in Somali charcoal;")


PRST_2010_4 = ("The Security Council notes that, in a globalized society, organized crime groups and networks, better "
               "equipped with new information and communication technologies, are becoming more diversified and "
               "connected in their illicit operations, which in some cases may aggravate threats to international "
               "security. In this context, the Council expresses concern at the increase in incidences of kidnapping "
               "and hostage-taking, in some areas of the world with a specific political context, with the aim of "
               "raising funds or gaining political concessions. The development of cybercrime is another particular "
               "source of concern.")


def test_kidnapping_for_ransom_is_a_crime_named_not_a_sum_asked() -> None:
    # It abstained: "state no figure of what it asks for (the amount asked for)".
    hit = _resolution_hit("S/PRST/2010/4", "Threats to international peace and security", "6", PRST_2010_4)
    hit.doc.doc_type = "other"
    answer = extractive_answer("In its February 2010 statement on transnational threats, which emerging crime "
                               "besides kidnapping for ransom did the Council flag as a new worry?", [hit],
                               Settings(abstain_threshold=0.0, sentence_model_k=0), lambda d, p: PRST_2010_4)
    assert not answer.abstained, answer.answer[:160]
    # A ransom asked as a sum still is one.
    asked = extractive_answer("How much ransom was paid for the hostages taken in 2010?", [hit],
                              Settings(abstain_threshold=0.0, sentence_model_k=0), lambda d, p: PRST_2010_4)
    assert asked.abstained and "no figure" in asked.answer, asked.answer[:160]


# 2244 (2015) para. 2: what runs to 15 November 2016 is the exemption, not the embargo (which has no end date).
RES_2244_PARA_2 = ("2. Decides to renew the provisions set out in paragraph 2 of resolution 2142 (2014) until 15 "
                   "November 2016, and in that context reiterates that the arms embargo on Somalia shall not apply to "
                   "deliveries of weapons, ammunition or military equipment or the provision of advice, assistance or "
                   "training, intended solely for the development of the Security Forces of the FGS, to provide "
                   "security for the Somali people, except in relation to deliveries of the items set out in the "
                   "annex of resolution 2111 (2013);")


def test_an_exemption_from_the_arms_embargo_is_dated_as_the_exemption() -> None:
    assert _what(RES_2244_PARA_2) == "exemption from the arms embargo"
    # The embargo itself renewed to a date is still the embargo.
    assert _what("1. Decides to renew until 31 May 2026 the arms embargo on the territory of South Sudan") == \
        "arms embargo"


RES_1295_PARA_11 = ("Invites SADC to consider the establishment of monitoring activities in the border areas adjacent "
                    "to Angola for the purpose of reducing the opportunities for the smuggling of petroleum and "
                    "petroleum products into areas under the control of UNITA, including through the monitoring of "
                    "the border;")


@pytest.mark.parametrize(("symbol", "paragraph", "text", "question", "line"), [
    # The span "Encourages the UN Office on Drugs and Crime" was skipped whole for its opening verb, and the line
    # bolded the forum UNODC works under.
    ("S/RES/2244 (2015)", "21", RES_2244_PARA_21, "Which UN agency did the Council ask in 2015 to build strategies "
     "with regional states to shut down Somalia's charcoal trade?", "UN Office on Drugs and Crime"),
    # No line: a name of one word was taken only for an armed group's acronym.
    ("S/RES/1295 (2000)", "11", RES_1295_PARA_11, "Which regional organisation did the Council ask in 2000 to watch "
     "Angola's borders for fuel being smuggled to UNITA?", "SADC"),
])
def test_a_body_a_paragraph_addresses_is_named_whole_or_by_its_acronym(symbol: str, paragraph: str, text: str,
                                                                       question: str, line: str) -> None:
    hit = _resolution_hit(symbol, "Sanctions", paragraph, text)
    answer = extractive_answer(question, [hit], Settings(abstain_threshold=0.0, sentence_model_k=0),
                               lambda d, p: text)
    assert answer.answer.startswith(f"**{line}** [1]"), answer.answer[:160]


RES_1893_PARA_16 = ("Decides that, the measures imposed by paragraph 6 of resolution 1643 (2005) shall not apply to "
                    "an import that will be used solely for the purposes of scientific research and analysis to "
                    "facilitate the development of specific technical information concerning Ivorian diamond "
                    "production, provided the research is coordinated by the Kimberley Process, and approved on a "
                    "case by case basis by the Committee;")


def test_who_asked_after_a_sentence_setting_the_scene_gets_its_line() -> None:
    # The line's rules read who and which from a question's first word: no line before.
    assert direct_answer("In 2009 the Council let some Ivorian rough diamonds be imported for lab study - who had to "
                         "coordinate that research?", RES_1893_PARA_16) == "Kimberley Process"
    assert direct_answer("The Council let some Ivorian rough diamonds be imported for lab study in 2009. Who had to "
                         "coordinate that research?", RES_1893_PARA_16) == "Kimberley Process"


RES_1976_PARA_26 = ("Decides to urgently consider the establishment of specialized Somali courts to try suspected "
                    "pirates both in Somalia and in the region, including an extraterritorial Somali specialized "
                    "anti-piracy court, as referred to in the recommendations contained in the report of the Special "
                    "Adviser to the Secretary-General on Legal Issues Related to Piracy off the Coast of Somalia Mr. "
                    "Jack Lang (annex to document S/2011/30), consistent with applicable human rights law;")
S_2025_239_PARA_100 = ("Between September and November, Nyala residents reported RSF activity at Nyala Airport. This "
                       "could represent a change in RSF supply logistics as Darfur airports had been non-operational "
                       "since April 2023. Using Nyala airport could be a way for RSF to take delivery of supplies "
                       "more quickly than by the longer land routes from southern Libya and eastern Chad.")


def test_who_is_answered_by_no_title_alone_and_no_place() -> None:
    # "Special Adviser" of "the report of the Special Adviser" is no one the courts were to try.
    assert direct_answer("Who did the Council want Somali piracy courts to be able to try in 2011, besides suspects "
                         "caught at sea?", RES_1976_PARA_26) is None
    # "Nyala Airport" controls nothing.
    assert direct_answer("Who actually controls the different stretches of the Libya–Sudan border that the RSF's "
                         "supply lines cross?", S_2025_239_PARA_100) is None


RES_1478_PARA_14 = ("Notwithstanding paragraph 15 of resolution 1343 (2001), decides that rough diamonds controlled by "
                    "the Government of Liberia through the Certificate of Origin regime shall be exempt from the "
                    "measures imposed by paragraph 6 of resolution 1343 (2001) when the Committee has reviewed and "
                    "found the regime to be transparent, effective and verifiable;")


def test_an_exemption_asked_is_no_name() -> None:
    # "Certificate of Origin" was bolded for a research exemption the Council never allowed Liberia.
    assert direct_answer("Which research exemption did the Council allow in 2009 for rough diamonds from Liberia?",
                         RES_1478_PARA_14) is None
