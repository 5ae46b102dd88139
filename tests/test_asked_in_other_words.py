"""Questions asked in other words than the report's, answered with the report's figure (a ninth held-out probe set,
its fitted half): a fee asked as "what charge", a share of a value asked with the value's money words, a fall asked
"by how much did … collapse", a lorry of 20 tonnes for a truck of 20 tons, the Taliban in a report on Afghanistan
that calls them "the de facto authorities" or names only their ban, and a question dated by when its source said
it. The corpus's own sentences, on hits built in the test (the answer stage's rules, without an index)."""

from __future__ import annotations

import pytest

from briefbot.answer import (
    _adoption_notes,
    _clause_at,
    _name_unsaid,
    _rate_units,
    answer_type,
    direct_answer,
    direct_line,
)
from briefbot.cite import terms
from briefbot.glossary import credited
from briefbot.models import Citation
from briefbot.refs import question_years
from briefbot.spelling import un_text, un_word
from test_name_unsaid import _hit  # a report's passage, built in the test

# S/2025/239, para. 88
_FEES = ("In addition to the looting of gum Arabic, RSF also imposed fees of SDG 1 million ($512.82) per truck with a "
         "20-ton load in the border areas of Regeibat and Naam heading to South Sudan. RSF also demanded a zakat of "
         "SDG 100,000 ($51.28) per truck.")
# S/2025/420, para. 12
_MADAN_SARA = ("The “Madan Sara”, women who transport food across regions, report being extorted at multiple "
               "checkpoints, sometimes paying up to 20 per cent of their goods’ value to reach the market.")
# A/79/947-S/2025/372, para. 65
_OPIUM = ("According to the report, opiate trafficking has fallen sharply since the 2022 narcotics ban. Heroin "
          "seizures were at half the 2021 level. About 13,200 tons of opiates remain in the country – enough to meet "
          "global demand through 2026 – largely stockpiled by major traffickers. Farmers bore the brunt of seizures as "
          "income from opium plunged 92 per cent, from $1.36 billion in 2022 to $110 million in 2023.")


@pytest.mark.parametrize("question", [
    "What charge did the RSF levy on each truck carrying gum arabic to South Sudan?",
    "What fee did the RSF impose per truck of gum arabic heading to South Sudan?",
    "What were the fees the RSF took from each gum arabic truck bound for South Sudan?",
])
def test_a_sum_asked_by_its_noun_is_answered_with_the_sum(question: str) -> None:
    assert answer_type(question) == "money"
    assert direct_answer(question, _FEES) == "SDG 1 million"


def test_a_share_of_a_value_is_a_percentage_not_a_sum() -> None:
    question = ("What share of the value of their goods do the Madan Sara women pay at checkpoints to reach the "
                "market?")
    assert answer_type(question) == "count"
    assert direct_answer(question, _MADAN_SARA) == "up to 20 per cent"
    # "merchandise" is the report's "goods" (glossary): the value asked is of what the passage says it is of
    other = question.replace("their goods", "their merchandise")
    assert direct_answer(other, _MADAN_SARA) == "up to 20 per cent"


def test_a_fall_asked_by_how_much_is_the_change_not_a_stock_or_a_year() -> None:
    question = "By how much did Afghan farmers' income from opium collapse after the narcotics ban?"
    assert direct_answer(question, _OPIUM) == "92 per cent"
    # the reader's words for the report's: growers' earnings from poppy are farmers' income from opium
    assert direct_answer("By how much did Afghan growers' earnings from poppy collapse after the narcotics ban?",
                         _OPIUM) == "92 per cent"


def test_tonnes_and_lorries_are_the_reports_tons_and_trucks() -> None:
    assert un_word("tonnes") == "tons" and un_word("tonne") == "ton"
    assert "20-ton lorry" in un_text("each 20-tonne lorry")
    question = "What did the RSF charge per 20-tonne lorry at its frontier posts?"
    said = terms(_FEES)
    assert {"lorri", "frontier"} <= credited(question, said)


def test_a_source_dated_by_when_it_said_it_does_not_date_the_question() -> None:
    assert question_years("By how much did income fall, according to the UNODC study cited by the Secretary-General "
                          "in mid-2025?") == set()
    assert question_years("According to the Secretary-General's June 2025 report, how many were killed in 2024?") \
        == {2024}
    assert question_years("How many were intercepted in 2023, as reported by the Panel in March 2025?") == {2023}
    assert question_years("How many vessels were inspected in 2024?") == {2024}


def test_the_de_facto_authorities_of_the_reports_country_need_not_be_named() -> None:
    afghanistan = "The situation in Afghanistan and its implications for international peace and security"
    question = "By how much did farmers' income from opium fall after the Taliban's narcotics ban?"
    assert _name_unsaid(question, _hit(_OPIUM, afghanistan)) is None
    # Not in a report on another country, nor another group in the report on Afghanistan
    assert _name_unsaid(question, _hit(_OPIUM, "The situation in Somalia")) == "Taliban"
    assert _name_unsaid("By how much did ISIL-K's income from opium fall after the narcotics ban?",
                        _hit(_OPIUM, afghanistan)) == "ISIL-K"


def test_a_figures_clause_runs_past_the_commas_and_points_inside_figures() -> None:
    """The clause around a figure decides whose it is (a sum given to someone, a State of the region); "50,000"
    ended its own clause at its thousands separator, leaving "50"."""
    text = "In the Kivus, 50,000 people were displaced, including in North Kivu"
    assert _clause_at(text, text.index("50,000")) == " 50,000 people were displaced"
    fees = ("The information obtained indicated that the fees charged for one ton of gum Arabic were as much as "
            "$2,200 at the Chadian and the Central African Republic borders, and around $3,300 in Dabbah on the route "
            "from north Sudan to Egypt.")  # S/2025/239, para. 89
    assert _clause_at(fees, fees.index("3,300")) == \
        " and around $3,300 in Dabbah on the route from north Sudan to Egypt"
    assert _clause_at(_OPIUM, _OPIUM.index("1.36")).startswith(" from $1.36 billion in 2022 to $110 million")


# S/2025/482, para. 103 (the ISIL and Al-Qaida Monitoring Team) and S/2025/71/Rev.1, para. 106 (the Somalia Panel)
_HOUSEHOLD = ("Al-Shabaab maintained a robust financial system, primarily funding its operations through extortion and "
              "forced taxation (S/2025/71, para. 42). To boost revenues, the group announced plans to implement a $20 "
              "tax per household starting in June.")
_HERDERS = ("In southern Somalia, Member States reported that Al-Shabaab imposed zakat taxes on herders, demanding 1 "
            "camel for every 20 owned.")


def test_a_group_that_describes_the_source_is_not_whose_figure_is_asked() -> None:
    """"… according to the UN monitors who track ISIL and Al-Qaida sanctions" names the Monitoring Team, not
    whose levy is asked: the lead quote on Al-Shabaab answers, as "according to ISIL's report" would."""
    def cite(quote: str, key: str, symbol: str) -> Citation:
        return Citation(key=key, document=symbol, symbol=symbol, page=1, paragraph=None, quote=quote, doc_id=key,
                        date="2025-06-01")

    question = ("What flat levy on each family did the Somali jihadist movement say it would start collecting in "
                "mid-2025, according to the UN monitors who track ISIL and Al-Qaida sanctions?")
    citations = [cite(_HOUSEHOLD, "1", "S/2025/482"), cite(_HERDERS, "2", "S/2025/71/Rev.1")]
    assert direct_line([question], citations) == "**$20 tax** [1]"
    # a group the question asks about is still required of the lead quote
    assert direct_line(["What flat levy on each family did ISIL announce in mid-2025?"], citations) != "**$20 tax** [1]"


def test_a_rate_asked_on_each_family_is_a_rate_per_household() -> None:
    assert _rate_units("What flat levy on each family did the group announce?") == {"household"}
    assert _rate_units(_HOUSEHOLD) == {"household"}
    assert not _rate_units(_HERDERS) & {"household"}


def _decision(quote: str, symbol: str, date: str) -> Citation:
    return Citation(key="1", document=symbol, symbol=symbol, page=1, paragraph="1", quote=quote, doc_id="r",
                    date=date, doc_type="resolution")


@pytest.mark.parametrize("quote, symbol, date, line, note", [
    # 2793 (2025), para. 1: an authorization for a term of its own, from the day of adoption
    ("Decides to authorize Member States … to constitute the Gang Suppression Force (GSF), … for an initial period "
     "of twelve months;", "S/RES/2793 (2025)", "2025-09-30", "**twelve months** [1]",
     "[1] S/RES/2793 (2025) was adopted on 30 September 2025: its term of twelve months runs from that day, to 30 "
     "September 2026."),
    # 2794 (2025), para. 1, answered "how long": the line gives the duration, the note the days
    ("Decides to renew until one year from the date of adoption of this resolution the measures imposed by "
     "paragraphs 11, 15 and 19 of resolution 2653 (2022);", "S/RES/2794 (2025)", "2025-10-17", "**one year** [1]",
     "[1] S/RES/2794 (2025) was adopted on 17 October 2025: its term of one year runs from that day, to 17 October "
     "2026."),
])
def test_a_duration_counted_from_adoption_gets_its_days(quote: str, symbol: str, date: str, line: str,
                                                        note: str) -> None:
    assert _adoption_notes(line, [_decision(quote, symbol, date)]) == [note]


def test_a_duration_counted_from_another_day_gets_no_adoption_note() -> None:
    quote = ("Decides to extend the mandate of the Monitoring Team for a further period of 36 months from the "
             "expiration of its current mandate in June 2024;")
    assert not any("was adopted on" in n for n in _adoption_notes("**36 months** [1]",
                                                                 [_decision(quote, "S/RES/2734 (2024)",
                                                                            "2024-06-10")]))


def test_a_figure_told_after_another_day_is_that_days() -> None:
    """S/2025/54, para. 26: the cattle were stolen on 13 December, not in the Nyirol raids of 29 October to 1
    November that open the sentence (a fitted near-miss probe answered "over 3,000 cattle")."""
    text = ("Between 29 October and 1 November, 9 people were killed and 13 injured in Nyirol County, and on 13 "
            "December, 15 civilians were killed, 12 injured and over 3,000 cattle were stolen in Gumuruk County, "
            "during revenge attacks between the Murle and Lou Nuer/Dinka Bor young people.")
    assert direct_answer("How many cattle were stolen in the raids in Nyirol County between late October and 1 "
                         "November 2024?", text) is None
    assert direct_answer("How many cattle were stolen in Gumuruk County in December 2024?", text) == \
        "over 3,000 cattle"
    assert direct_answer("How many people were killed in Nyirol County between late October and 1 November "
                         "2024?", text) == "9 people"
    # A figure whose own clause tells its day after it keeps that day (S/2025/194, para. 63)
    rotation = ("UNSOS also facilitated the rotation of 126 Uganda aviation unit personnel on 5 November and completed "
                "the rotation of 1,099 Ugandan troops on 20 December.")
    assert "1,099 Ugandan troops" in (direct_answer("How many Ugandan troops did UNSOS rotate on 20 December?",
                                                    rotation) or "")


def test_a_change_asked_by_how_much_is_told_by_its_two_ends() -> None:
    """S/2025/239, para. 83: the fall of gum arabic output is "from 150,000 tons to 60,000 tons", the rise of the
    Hashab gum price the sentence after it; a percentage of change, where there is one, still answers first."""
    text = ("Gum Arabic was an essential raw material worldwide, mainly used in the food industry as an emulsifier and "
            "stabilizer. Annual production in the Sudan declined from 150,000 tons to 60,000 tons due to the "
            "conflict. The price per quintal (100 kg) of Hashab gum had increased from an average of SDG 30,000 to "
            "SDG 60,000.")
    assert direct_answer("By how much has Sudan's yearly gum arabic output fallen because of the war?", text) == \
        "from 150,000 tons to 60,000 tons"
    assert direct_answer("By how much did the price of Hashab gum rise?", text) == \
        "from an average of SDG 30,000 to SDG 60,000"
    assert direct_answer("By how much did farmers' income from opium collapse?", _OPIUM) == "92 per cent"


def test_the_second_readers_misreadings_stay_out() -> None:
    """A second reader's cases against this session's rules: each read as before them."""
    # a year the question asks of, not a source's date
    assert question_years("How many child abductions were reported in 2024?") == {2024}
    assert question_years("How many hostages were released in 2023?") == {2023}
    # years and days are when a change happened, not its ends
    assert direct_answer("By how much did fuel prices rise?", "Fuel prices rose from 1 to 5 August 2024 by 40 per "
                         "cent.") == "40 per cent"
    # a part of a place, charges against someone, what explains wages: no figure asked
    assert answer_type("Which part of Darfur did the RSF control?") is None
    assert answer_type("What are the charges against Kony?") is None
    assert answer_type("What charges did the ICC bring against Kony?") is None
    assert answer_type("What explains wages falling in Juba?") is None
    # "a family of five" is no rate per household
    assert not _rate_units("The attack killed 12 people, including a family of five")
    # a further period runs on from the mandate before it, to the day it names
    further = _decision("Decides to extend the mandate of UNFICYP for a further period of 12 months, until 31 "
                        "January 2026;", "S/RES/2771 (2025)", "2025-01-30")
    assert not any("was adopted on" in n for n in _adoption_notes("**12 months** [1]", [further]))
    # what a source tells of is still whose figure is asked; what a report is on describes the source
    from briefbot.answer import _SOURCE_NAMED
    assert not _SOURCE_NAMED.search("How many civilians did NAME kill, according to reports of NAME attacks?")
    assert _SOURCE_NAMED.search("How many people remained in the camps, according to the Secretary-General's August "
                                "2025 report on the NAME threat?")


# S/2025/223, para. 30
_SWAP = ("Following the release on 1 December 2024 of the report of the National Audit Bureau for 2023, in which the "
         "Bureau criticized the practice of importing fuel in exchange for crude oil as lacking transparency, the "
         "National Oil Corporation ended the controversial oil-for-fuel trading system on 1 March 2025. According to "
         "the report, the system had cost the Libyan State 41.3 billion Libyan dinars ($8.4 billion) in 2023, "
         "constituting a significant burden on the country’s resources and reducing oil revenue transfers to the "
         "Central Bank.")
# S/2025/239, para. 71
_DRUM = ("A single drum of smuggled oil (250 litres) in southern Libya was priced at $600, but nearly doubled in cost "
         "when reaching Darfur.")


def test_a_sum_asked_by_its_verb_is_a_figure() -> None:
    """A tenth probe set's fitted half: "What did … cost …?" asks a sum as "how much did … cost" does, so a sentence
    stating one is typed as answering it (a probe's drum price came as a quote with no line)."""
    from briefbot.answer import _COUNT_Q

    question = ("What did a 250-litre barrel of contraband fuel cost in the south of Libya before it was moved on "
                "into Darfur?")
    assert _COUNT_Q.search(question)
    assert direct_answer(question, _DRUM) == "$600"
    assert _COUNT_Q.search("What did Libya's oil-for-fuel swaps cost the State?")
    assert not _COUNT_Q.search("What did the Panel find about the routes?")
    # The verb of a clause, or the noun, asks no sum (a second reader).
    for other in ("What did Al-Shabaab do to earn the trust of local communities?",
                  "What does the report say the militias do to earn income?",
                  "What did the Panel report about how the Houthis earn revenue from the port?",
                  "What did the Council say about the cost of the mission?"):
        assert not _COUNT_Q.search(other), other


def test_a_day_asked_by_another_word_for_its_act() -> None:
    """"Scrapped" is the report's "ended": the day the scheme ended, not the audit report's release before it."""
    assert direct_answer("When was Libya's swap scheme of crude for imported fuel scrapped?", _SWAP) == "1 March 2025"
    assert direct_answer("When was the National Audit Bureau's report released?", _SWAP) == "1 December 2024"


def test_a_force_named_in_full_is_its_acronym_in_the_councils_paragraphs() -> None:
    """2793 (2025) names the Gang Suppression Force in full once and "the GSF" in its other paragraphs, its
    ceiling too (para. 4); the Kenyan reports call the mission "the MSS" (a probe found no passage naming the
    force)."""
    from briefbot.glossary import council_words

    ceiling = ("4. Decides that the GSF shall have an authorized personnel ceiling of 5,550 consisting of 5,500 "
               "uniformed personnel, comprised of both military and police personnel, and 50 civilians;")
    question = "How many uniformed personnel may the Gang Suppression Force have?"
    assert "GSF" in council_words(question)
    assert {"gang", "suppress", "forc"} <= credited(question, terms(ceiling)) | terms(ceiling)
    assert "MSS" in council_words("How many officers did the Multinational Security Support Mission have?")
