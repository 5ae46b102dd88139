"""When an act was done, told with an irregular verb and among other places' days, and when no quote tells the act.

Development probes: "When did M23 take control of Minova?" got no date although S/2025/202, para. 4 says "it took
control of Minova on 21 January" ("take" / "took" was not read as one act); once read, "Twangiza" took Katogota's day
from "took control of Katogota on 5 May, followed by Twangiza, …, on 6 May" (S/2025/403, para. 16), and "Uvira",
which that sentence only advances towards, took another town's. And "When did Malawi complete the withdrawal of its
troops from SAMIDRC?" was answered with S/2025/202's paragraph on Malawi ordering preparations for the withdrawal:
no quote tells the completion asked, and no line gave a date. The reports' own sentences for the lines; two real
PDFs from ../shared/corpus for the answers."""

from __future__ import annotations

import pytest

from briefbot.answer import _act_untold, direct_answer
from briefbot.service import Briefbot
from conftest import shared_index

# S/2025/202, para. 4 (its second block)
_SOUTH_KIVU = ("M23 also advanced in areas in Lubero, Masisi, Nyiragongo, Rutshuru and Walikale territories. In South "
               "Kivu Province, it took control of Minova on 21 January, followed by Kavumu airport and Bukavu on 14 "
               "and 16 February, respectively, while advancing further towards Uvira.")
# S/2025/403, para. 16 (its last sentences)
_TWANGIZA = ("In South Kivu, M23 continued its territorial expansion towards Luhwinja, through Kaziba, with "
             "recruitment and training in Kamanyola. The group took control of Katogota on 5 May, followed by "
             "Twangiza, a gold mining site, on 6 May, and attempted to push south towards Uvira, albeit with limited "
             "success.")
# S/2025/176, para. 16 (its second sentence)
_BUKAVU = ("M23 later took control of other towns and cities in the province, including Kalehe, the Kavumu airport "
           "and, on 16 February, Bukavu.")
# S/2025/176, para. 16 (its fourth sentence)
_KAMANYOLA = ("On 18 February, M23 advanced further and captured Kamanyola, on the border between Burundi, the "
              "Democratic Republic of the Congo and Rwanda.")
# S/2025/403, para. 78
_GOMA = ("The SADC Mission began withdrawing from Goma by road through Rwanda on 29 April. On 12 June, SADC launched "
         "the second phase of the Mission’s withdrawal.")
# S/2025/202, para. 23 (its third sentence)
_TALKS = ("While direct negotiations were scheduled to begin on 18 March, AFC/M23 cancelled their participation in "
          "the proposed talks on 17 March, citing sanctions imposed by the European Union the same day.")
# S/2025/202, para. 16
_MALAWI = ("On 5 February, the President of Malawi, Lazarus Chakwera, ordered preparations for the withdrawal of "
           "Malawian troops deployed in SAMIDRC. At an extraordinary summit on 13 March, the SADC Heads of State and "
           "Government terminated the mandate of SAMIDRC and directed the commencement of a phased withdrawal from "
           "the Democratic Republic of the Congo.")
# S/2025/176, para. 23 (its second sentence)
_PARALLEL = "On 5 and 11 February, respectively, M23 appointed a parallel provincial government for North Kivu and a " \
            "mayor for Goma."


@pytest.mark.parametrize("question, quote, day", [
    ("When did M23 take control of Minova?", _SOUTH_KIVU, "21 January"),
    ("When did M23 take control of Twangiza?", _TWANGIZA, "6 May"),  # the day after its own name, not Katogota's
    ("When did M23 take control of Katogota?", _TWANGIZA, "5 May"),
    ("When did M23 take control of Bukavu?", _BUKAVU, "16 February"),
    ("When did the SADC Mission begin withdrawing from Goma?", _GOMA, "29 April"),
    # a sentence that names the place asked with no day of its own dates the others' acts
    ("When did M23 take control of Uvira?", _SOUTH_KIVU, None),
    # ... nor does a sentence telling the act of other named places ("captured Kamanyola"; "including Kalehe, … and,
    # on 16 February, Bukavu", S/2025/176, para. 16), which gave Uvira Bukavu's day
    ("When did M23 take control of Uvira?", _BUKAVU + " " + _KAMANYOLA, None),
    ("When did M23 capture Kamanyola?", _BUKAVU + " " + _KAMANYOLA, "18 February"),
    # ... but an adjective, an agent or a source near the day is no other place (a second reader's finds)
    ("When did the RSF attack El Fasher?", "El Fasher has been besieged since May 2024. The RSF attacked the city on "
     "10 May, shelling the Abu Shouk camp.", "10 May"),
    ("When did gangs attack Kenscoff?", "Gangs attacked Haitian National Police positions in the town on 2 April.",
     "2 April"),
    ("When did Israeli forces strike Tyre?", "Israeli forces struck the city centre on 3 October, UNIFIL reported.",
     "3 October"),
    ("When was Mirebalais attacked?", "The town was attacked on 31 March by Viv Ansanm gangs.", "31 March"),
    # reports name a place otherwise ("the commune", "the Mission"): a sentence not naming it still dates the act
    ("When did gangs attack Kenscoff?", "On 27 January, gang members attacked the commune, killing 12 people.",
     "27 January"),
    ("When did SADC extend the mandate of SAMIDRC?", "On 20 November, the SADC Extraordinary Summit extended the "
     "mandate of the Mission until December 2025.", "20 November"),
    # the doer and a place's apposition are no place of a day ("On 5 May, M23 …", "…, in Centre Department, on …")
    ("When did M23 seize Nyabibwe?", "On 5 May, M23 seized Kalehe and, on 6 May, Nyabibwe.", "6 May"),
    ("When did gangs attack Mirebalais?", "Gangs attacked Mirebalais, in Centre Department, on 31 March and "
     "Saut-d'Eau on 2 April.", "31 March"),
    ("When did gangs attack Saut-d'Eau?", "Gangs attacked Mirebalais, in Centre Department, on 31 March and "
     "Saut-d'Eau on 2 April.", "2 April"),
    # a long name after the verb is said otherwise ("the proposed talks"): the act's own day, as before
    ("When did AFC/M23 cancel their participation in the direct talks with the Government of the Democratic "
     "Republic of the Congo?", _TALKS, "17 March"),
])
def test_the_day_of_an_act_told_with_an_irregular_verb(question: str, quote: str, day: str | None) -> None:
    assert direct_answer(question, quote) == day


@pytest.mark.parametrize("question, quote, untold", [
    ("When did Malawi complete the withdrawal of its troops from SAMIDRC?", _MALAWI, True),
    ("When was Lazarus Chakwera elected?", _MALAWI, True),
    ("When did Malawi order the withdrawal of its troops from SAMIDRC?", _MALAWI, False),
    ("When did the SADC summit terminate the mandate of SAMIDRC?", _MALAWI, False),
    ("When did M23 take control of Uvira?", _SOUTH_KIVU, False),  # the act is told (of other towns)
    ("When did M23 name its own regional government for North Kivu?", _PARALLEL, False),  # "appointed"
    ("When did it end?", _MALAWI, False),  # "terminated" is a word for it
    ("When did they arrive?", _MALAWI, True),
    ("When was the withdrawal announced?", _MALAWI, True),
    ("When were Malawian troops withdrawn?", _MALAWI, False),  # "the withdrawal"
    ("When did the Government pay the ransom?", "The Government paid the ransom on 4 March.", False),
    ("When did fighting break out in Wau?", "Fighting broke out in Wau on 9 April.", False),
    ("When did gangs take control of Mirebalais?", "Gangs have essentially occupied Mirebalais since late March.",
     False),
    ("When was the crossing closed?", "The closure of the crossing on 2 May cut the supply route.", False),
    ("When is the next review of the measures?", _MALAWI, False),  # no act this can read: not said to be untold
])
def test_whether_the_act_a_when_question_asks_about_is_told(question: str, quote: str, untold: bool) -> None:
    assert _act_untold(question, quote) is untold


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    """The Secretary-General's reports on the Democratic Republic of the Congo of March and June 2025."""
    return Briefbot(shared_index(tmp_path_factory, "drc_reports", ("S_2025_202.pdf", "S_2025_403.pdf")))


@pytest.mark.shared
def test_the_day_is_the_answers_line(bot: Briefbot) -> None:
    answer = bot.ask("When did M23 take control of Twangiza?")
    assert answer.answer.startswith("**6 May** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/2025/403", answer.answer


@pytest.mark.shared
def test_a_when_question_whose_act_no_quote_tells_is_not_answered(bot: Briefbot) -> None:
    answer = bot.ask("When did Malawi complete the withdrawal of its troops from SAMIDRC?")
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("The passages that best match this question do not tell when"), answer.answer
    # Asked what the report does tell, it answers.
    answer = bot.ask("When did the President of Malawi order preparations for the withdrawal of Malawian troops from "
                     "SAMIDRC?")
    assert not answer.abstained and answer.answer.startswith("**5 February** [1]"), answer.answer


def test_a_date_in_a_sentence_saying_nothing_of_the_question_beside_one_that_does_is_no_answer() -> None:
    """"now a subleader since January 2025" was the line of a near miss on a Panel for Cabo Delgado (S/2025/482, para.
    33); a quote saying the act in its own words alone still dates it (a second reader's finds)."""
    cabo = ("In Cabo Delgado Province of Mozambique, regional Member States estimated that ASWJ had 300 to 400 "
            "fighters. Leadership remains unchanged, with Suleimane Nguvu, now a subleader since January 2025.")
    assert direct_answer("When did the Security Council establish a Panel of Experts on Cabo Delgado?", cabo) is None
    assert direct_answer("When did the ceasefire start?", "Hostilities continued until a cessation of hostilities "
                         "came into effect on 27 November 2024.") == "27 November 2024"
    assert direct_answer("When were the elections held?", "Voters went to the polls on 28 December 2025.") == \
        "28 December 2025"
