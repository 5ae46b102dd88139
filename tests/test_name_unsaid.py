"""A figure asked of a name the leading passage never names is another's figure: "How much gold per day does the
Jebel Amer mine produce?" was answered with the Kidingir mine's output, "What is ISIL-K's annual revenue?" with
Al-Shabaab's (a helper's held-out probes; 9 of the 140 development probes' near misses were of this shape). Real
sample index (S/2025/231, the Secretary-General's report on the South Sudan arms embargo benchmarks)."""

from __future__ import annotations

from typing import Any

import pytest

from briefbot.answer import _another_ordinal, _name_unsaid, _person_named, direct_line, extractive_answer
from briefbot.config import Settings
from briefbot.models import Chunk, Citation, DocInfo, Hit, Span


@pytest.mark.parametrize("question, unsaid", [
    # para. 33: "more than 100 metric tons of artillery ammunition in Pagak, Upper Nile State"
    ("How many metric tons of artillery ammunition are stored inadequately in Malakal?", "Malakal"),
    # para. 35: "weapons and ammunition training for 50 police officers, including 4 female officers, in Juba"
    ("How many police officers did UNMISS train in weapons and ammunition handling in Wau in May 2024?", "Wau"),
])
def test_a_figure_of_a_place_the_passage_never_names_is_not_given(bot: Any, question: str, unsaid: str) -> None:
    answer = bot.ask(question)
    assert answer.abstained, answer.answer
    # A place in no passage of the index at all is said so first (Malakal is in none of the samples).
    assert f"do not name {unsaid}" in answer.answer or f"No indexed document mentions {unsaid}." in answer.answer


@pytest.mark.parametrize("question, figure", [
    ("How many metric tons of artillery ammunition are stored inadequately in Pagak?", "more than 100 metric tons"),
    # "Upper Nile" by its State's name, "South Sudanese" by its country's
    ("How many metric tons of artillery ammunition sit in poor storage in Upper Nile State?",
     "more than 100 metric tons"),
    ("How many police officers did UNMISS train in weapons and ammunition handling in Juba in May 2024?",
     "50 police officers"),
    ("How many metric tons of South Sudanese artillery ammunition are stored inadequately in Pagak?",
     "more than 100 metric tons"),
])
def test_the_name_asked_in_the_passage_or_its_countrys_adjective_still_answers(bot: Any, question: str,
                                                                               figure: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert figure in answer.answer.split("\n", 1)[0], answer.answer


# The corpus's own sentences, on hits built in the test (the answer stage's rule, without an index)
_CABO = ("14. Regional Member States estimated that the Da’esh affiliate in Cabo Delgado Province of Mozambique, Ahl "
         "al-Sunna wal-Jama‘a (not listed), had 300 to 400 fighters.")  # S/2025/496, para. 14
_SHABAAB = ("42. Estimates of Al-Shabaab annual revenues increased, with Member States reporting amounts between $100 "
            "million and $200 million.")  # S/2025/71/Rev.1, para. 42
_KIDINGIR = ("91. SLA/AW … expanded its financial base by forming an alliance with RSF to facilitate the sale of gold "
             "from the Kidineer (Kidingir) gold mine, located in the East Jebel Marra locality. Information received "
             "indicated that production at the mine had reached an output of between 2 and 3 kilograms of gold per "
             "day.")  # S/2025/239, para. 91


_SAO_TOME = ("28. On the night of 17 to 18 March, a tanker bearing the flag of Panama was boarded by three armed "
             "pirates south-east of Sao Tome and Principe. Shots were reportedly fired and 10 of the 18 crew members "
             "were kidnapped.")  # S/2025/342, para. 28
_NASSAU = ("35. The shipment, arranged by two Haitian individuals, had been sent from Nassau to a Bahamian national "
           "residing in Haiti. Upon inspection, authorities discovered $106,260 in cash concealed within the "
           "package.")  # S/2025/303, para. 35
_ABYEI = ("12. Despite an increase in overall crime, intercommunal tensions and the presence of armed groups, the "
          "overall security situation in the Abyei Area remained generally stable. There were 66 arms-related crimes, "
          "6 carjackings, 2 armed clashes and 17 other incidents reported.")  # S/2025/269, para. 12

# S/2025/346, p. 4 (two of its sentences)
_CAR_AMMO = ("MINUSCA significantly increased its logistical support in the context of joint operations with national "
             "defence and internal security forces, responding to different requests of the Government. A total of "
             "128,518 rounds of ammunition were safely destroyed during the reporting period.")


def test_a_countrys_adjective_that_is_its_name_less_republic_is_said_by_a_letter_on_it() -> None:
    """A held-out probe: S/2025/346, a letter whose title names no place, is about the Central African Republic
    (DocInfo.about, from its text); "the Central African defence and security forces" are that country's."""
    asked = ("How many rounds of ammunition were destroyed with MINUSCA's support to the Central African defence and "
             "security forces between March 2024 and April 2025?")
    letter = "Letter dated 29 May 2025 from the Secretary-General addressed to the President of the Security Council"
    on_car = _hit(_CAR_AMMO, letter)
    on_car.doc.about = ["MINUSCA", "Central African Republic"]
    assert _name_unsaid(asked, on_car) is None
    on_mali = _hit(_CAR_AMMO.replace("MINUSCA", "MINUSMA"), letter)
    on_mali.doc.about = ["MINUSMA", "Mali"]
    assert _name_unsaid(asked.replace("MINUSCA", "MINUSMA"), on_mali) == "Central African"


def _hit(text: str, title: str) -> Hit:
    doc = DocInfo(doc_id="d", file_name="d.pdf", path=None, sha256="0", source="pdf", symbol="S/2025/1",
                  doc_type="panel_report", title=title, date="2025-06-01", language="en", pages=1, chunks=1,
                  empty_pages=[], warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash="h", doc_id="d", ordinal=0, text=text, spans=[Span(page=1, start=0, end=len(text))],
                  paragraph=None, section=None, kind="body")
    return Hit(chunk=chunk, doc=doc, score=1.0)


_MONITORING = "Report of the Analytical Support and Sanctions Monitoring Team concerning ISIL (Da’esh), Al-Qaida"


@pytest.mark.parametrize("question, text, title, unsaid", [
    ("What is ISIL-K's estimated annual revenue?", _SHABAAB, _MONITORING, "ISIL-K"),  # "ISIL" is not ISIL-K
    ("How much gold per day does the Jebel Amer mine produce for the RSF?", _KIDINGIR,
     "Final report of the Panel of Experts on the Sudan", "Jebel Amer"),  # "Jebel" alone is East Jebel Marra
    # the glossary's names of one group: "Islamic State" is the passage's "Da’esh"
    ("How big is the Islamic State's branch in Cabo Delgado?", _CABO, _MONITORING, None),
    ("How many kilograms of gold a day did the Kidingir mine in East Jebel Marra produce?", _KIDINGIR,
     "Final report of the Panel of Experts on the Sudan", None),
    # a hyphenated name the passage has whole is not cut at its lower-case part
    ("How much of Port-au-Prince do the gangs control?",
     "3. Criminal groups now control an estimated 90 per cent of metropolitan Port-au-Prince.",
     "Report of the Secretary-General", None),
    # held-out probes: a place spelled without its accents, a people's adjective for "the Bahamas", and the
    # report a question cites, which is where the answer is, not whom it is of
    ("When gunmen seized a tanker off São Tomé and Príncipe in March 2025, how many crew were taken away?",
     _SAO_TOME, "Report of the Secretary-General on the situation in Central Africa", None),
    ("How much cash was hidden in a parcel sent from the Bahamas?", _NASSAU,
     "Report of the Secretary-General", None),
    ("How much cash was hidden in a parcel sent from Jamaica?", _NASSAU, "Report of the Secretary-General",
     "Jamaica"),
    ("How many arms-related crimes were reported in the Abyei Area, according to the Secretary-General's report on "
     "UNISFA?", _ABYEI, "Situation in Abyei", None),
    ("How many arms-related crimes did UNISFA record in the Abyei Area?", _ABYEI, "Situation in Abyei", "UNISFA"),
    # who wrote the report cited is still a name the passage must say (a test question, read)
    ("How many arms-related crimes were reported in the Abyei Area, according to UNODC's quarterly reports on "
     "Abyei?", _ABYEI, "Situation in Abyei", "UNODC"),
])
def test_which_name_the_leading_passage_does_not_say(question: str, text: str, title: str,
                                                     unsaid: str | None) -> None:
    assert _name_unsaid(question, _hit(text, title)) == unsaid


# S/2025/223, para. 35
_GROUPS = ("On 14 January, the High National Elections Commission resubmitted a request for 30 million Libyan dinars "
           "to the Government of National Unity for the second group of municipal elections, of which 15 million "
           "Libyan dinars were allocated.")


def test_a_figure_of_the_second_of_something_does_not_answer_for_the_first() -> None:
    asked = "How much did the Government of National Unity allocate for the first group of Libyan municipal elections?"
    assert _another_ordinal(asked, _GROUPS) == ("the first group", "the second group")
    assert _another_ordinal(asked.replace("first", "second"), _GROUPS) is None
    assert _another_ordinal("How much was allocated for the municipal elections?", _GROUPS) is None


# S/2025/303, para. 52 (its second block)
_SNGRS = ("On 9 January 2025, the Central Directorate of the Criminal Investigation Police (Direction centrale de la "
          "police judiciaire – DCPJ) arrested the former director-general of the National Solid Waste Management "
          "Service (SNGRS) on charges of criminal conspiracy and financing of criminal groups.")
# S/2025/231, para. 20 (its second block)
_DUOP = ("Furthermore, the arrest of Gabriel Duop Lam, Deputy Chief of the South Sudan People’s Defence Forces and "
         "Chief of Staff of SPLM/A-IO, on 4 March 2025, along with other senior officials, deepened mistrust.")


def test_a_name_asked_that_no_quote_gives_is_not_answered() -> None:
    """The report tells of the arrest and names no one: the passage is no answer to the name asked (dev q428 was
    answered so). A quote naming a person still answers, though no line reads the name from it."""
    question = ("What is the name of the former director-general of Haiti's National Solid Waste Management Service "
                "arrested on 9 January 2025?")
    # the confidence model off: this rule alone (on the full index the model let the passage through)
    answer = extractive_answer(question, [_hit(_SNGRS, "Report of the Secretary-General")],
                               Settings(abstain_threshold=0.0), lambda doc_id, page: _SNGRS)
    assert answer.abstained and answer.answer.startswith("The passages that best match this question name no one")
    assert not _person_named(_SNGRS, question)
    assert _person_named(_DUOP, "What is the name of the Deputy Chief of the South Sudan People's Defence Forces "
                                "arrested on 4 March 2025?")


# S/2025/239, paras. 107 and 71
_MARKETS = ("Additional arms black markets have emerged in RSF-controlled areas, notably in Saraf Umrah and Kabkabiyah "
            "in North Darfur and Habila in West Darfur.")
_DRUM = ("A single drum of smuggled oil (250 litres) in southern Libya was priced at $600, and its cost nearly doubled "
         "by the time it reached Darfur.")


def test_a_price_is_of_the_thing_asked() -> None:
    """With the Panel reports filter, "How much does a Kalashnikov cost on the arms black markets in Darfur?"
    bolded "$600", a drum of oil's price from a later quote that names Darfur (a browser walk)."""
    def cite(quote: str, key: str) -> Citation:
        return Citation(key=key, document="S_2025_239.pdf", symbol="S/2025/239", page=1, paragraph=None,
                        quote=quote, doc_id="d", date="2025-04-01")

    question = "How much does a Kalashnikov cost on the arms black markets in Darfur?"
    assert direct_line([question], [cite(_MARKETS, "1"), cite(_DRUM, "2")]) is None
    assert direct_line(["How much does a drum of smuggled oil cost in Darfur?"],
                       [cite(_MARKETS, "1"), cite(_DRUM, "2")]) == "**$600** [2]"


# S/2025/420, para. 8
_DOMINICAN = ("8. Meanwhile, on 17 May, Dominican Republic authorities conducted a major drug seizure operation "
              "close to the southern border of Haiti. Dominican law enforcement officers intercepted a truck near "
              "the Haitian frontier with more than 2.6 metric tons of marijuana and 11 kg of a cocaine-like "
              "substance. Ongoing investigations suggest that the shipment was part of a wider transnational drug "
              "trafficking operation exploiting maritime and land routes connecting the Caribbean and Hispaniola.")


def test_a_state_the_first_of_two_parts_names_that_the_passage_does_not_is_a_near_miss() -> None:
    """A held-out probe got "**more than 2.6 metric tons** [1]; **Caribbean and Hispaniola** [1]" for cocaine seized
    at Guayaquil, Ecuador. Only a State: a place inside one may be said otherwise (dev q275's "Haitians")."""
    unodc = "Report of the United Nations Office on Drugs and Crime pursuant to resolution 2692 (2023)"
    answer = extractive_answer("How many tons of cocaine were seized at the port of Guayaquil, Ecuador, in 2024, and "
                               "which criminal gangs controlled those shipments?", [_hit(_DOMINICAN, unodc)],
                               Settings(abstain_threshold=0.0), lambda doc_id, page: _DOMINICAN)
    assert answer.abstained and "do not name Ecuador" in answer.answer, answer.answer
    answer = extractive_answer("How many tons of drugs were seized near the border of Haiti in May, and which routes "
                               "did the shipment use?", [_hit(_DOMINICAN, unodc)], Settings(abstain_threshold=0.0),
                               lambda doc_id, page: _DOMINICAN)
    assert not answer.abstained, answer.answer


def test_a_state_inside_another_states_name_is_not_named_apart() -> None:
    from briefbot.answer import _states_named

    assert _states_named("Since the arms embargo on South Sudan was imposed in 2018, how many requests") == \
        ["South Sudan"]
    assert _states_named("seized at Guayaquil, Ecuador, and in Nigeria and the Niger") == \
        ["Ecuador", "Niger", "Nigeria"]
