"""What a fourth round of analyst questions (7 December 2026) found in the answers' first lines, each with the
report's own sentences.

- "… how many unofficial detention sites were armed groups still running …?" got "six unofficial detention
  centres": the bound before a figure written as a word ("at least six") was dropped, as it is kept before digits.
- "How many weapons were handed over …?" got "over 108 weapons": in "who handed over 108 weapons" the "over" is the
  verb's, not a bound on the figure.
- "Who was appointed Special Representative for Haiti and head of BINUH?" bolded the Office the resolution
  establishing it names; the letter naming the appointee came later and was not read for a name.
- "Roughly how much cash does the ISIL core still sit on in Iraq and Syria?" got the regional offices' "about $2
  million" from the sentence after the core's: the words next to a figure outweighed its sentence's.
- "How many detainees got out in the jailbreaks …?" got the paragraph before's "221 detainees" released: the escape
  of "7,208 prisoners" counts detainees too.
- "… which assets, how many personnel, and by what date?" got the date of the letter transmitting the offer.
- "… how many MONUSCO personnel have been killed …?" found no figure in "stands at 25 dead", and "how many SAMIDRC
  personnel" none in "23 people have been killed".
- "How much still needs to be mobilized as extrabudgetary resources for the 25 per cent of the AUSSOM budget?"
  abstained: "how much still" read as a quantity of "still", and the question's own "25 per cent" as a share asked.
- "… in the period covered by the August 2025 UNMISS report …" answered from the January report: a report named by
  its month with its author between was not read as a report's date.
- "What share of Somalia's 2024 federal budget was financed by external grants?" got the 2025 budget's "66 per
  cent": "the 2025 federal budget" dates what it tells of, and the next sentence goes on from it.
- "Does resolution 2794 (2025) impose a ban on exports of Haitian charcoal?" quoted four of its paragraphs and never
  said no: the one document named never says "charcoal", which another resolution found does.
"""

from __future__ import annotations

from answer_support import cite
from briefbot.answer import _unsaid_in_document, _years_told, direct_answer, direct_line, sub_questions
from briefbot.models import Chunk, DocInfo, Hit, Span
from briefbot.refs import report_window

# S/2025/509, para. 75 (its last sentence)
_DETENTION = ("Armed groups, however, reportedly continued to operate at least six unofficial detention centres, "
              "holding over 3,000 individuals in inhumane conditions.")
# S/2025/176, para. 55
_ZAIRE = ("In Ituri, in the context of the Aru II dialogue, the Mission supported the national authorities, including "
          "the disarmament, demobilization, community recovery and stabilization programme, for the partial "
          "demobilization of 1,217 Zaire combatants in January, who handed over 108 weapons to the authorities in "
          "Mabanga, in Djugu territory.")


def test_a_bound_before_a_figure_in_words_is_part_of_it() -> None:
    question = "How many unofficial detention centres were armed groups still running in Libya?"
    assert direct_answer(question, _DETENTION) == "at least six unofficial detention centres"
    assert direct_answer("How many people did they hold?", _DETENTION) == "over 3,000 individuals"


def test_handed_over_is_the_verbs_not_a_bound() -> None:
    assert direct_answer("How many weapons did the Zaire combatants hand over in Djugu?", _ZAIRE) == "108 weapons"
    # A bound the sentence does print stays.
    assert direct_answer("How many weapons were seized?", "Police seized over 108 weapons in Djugu.") == \
        "over 108 weapons"


# S/RES/2476 (2019), para. 1 (its opening), and the letter S/2025/433
_BINUH = ("Requests the Secretary-General to establish the United Nations Integrated Office in Haiti (BINUH) beginning "
          "on 16 October 2019 and for an initial period of 12 months, headed by a Special Representative of the "
          "Secretary-General of the United Nations to be appointed as swiftly as possible")
_LETTER = ("I should like to inform you of my intention to appoint Carlos Ruiz Massieu (Mexico) as my Special "
           "Representative and Head of BINUH.")


def test_whom_someone_appointed_is_a_person_a_later_quote_names() -> None:
    question = "Who was appointed Special Representative for Haiti and head of BINUH?"
    assert direct_answer(question, _BINUH) is None  # not "United Nations Integrated Office in Haiti (BINUH)"
    assert direct_line([question], [cite(_BINUH), cite(_LETTER, "2")]) == "**Carlos Ruiz Massieu (Mexico)** [2]"
    # Without the letter, no line rather than the Office.
    assert direct_line([question], [cite(_BINUH)]) is None
    # A person a quote names inside its sentence, or by surname after a title, is one.
    mediator = ("On 12 April, the African Union Commission appointed the then President of Togo, Faure Gnassingbé, as "
                "its mediator, succeeding the President of Angola, João Lourenço.")
    assert direct_answer("Who did the African Union Commission appoint as its mediator on 12 April?", mediator) == \
        "Faure Gnassingbé"
    panel = ("I have appointed the following experts: Mr. Joseph Farha, arms (Lebanon) Mr. Michael Gibb, natural "
             "resources/finance (United Kingdom). Mr. Gibb will serve as Coordinator of the Panel of Experts.")
    assert direct_answer("Who did the Secretary-General designate as Coordinator of the Panel of Experts on South "
                         "Sudan?", panel) == "Gibb"


# S/2025/71/Rev.1, para. 103
_CORE = ("The ISIL (Da’esh) core retained access to cash reserves in Iraq and the Syrian Arab Republic, but the "
         "estimated amount was reduced to approximately $10 million. While some regional offices reportedly had about "
         "$2 million in reserves, the ISIL (Da’esh) directive to affiliates was to become self-reliant, using their "
         "own revenue sources.")


def test_a_figure_in_the_sentence_saying_most_of_the_question() -> None:
    assert direct_answer("Roughly how much cash does the ISIL core still sit on in Iraq and Syria?", _CORE) == \
        "approximately $10 million"
    assert direct_answer("How much did the regional offices reportedly hold in reserves?", _CORE) == \
        "about $2 million"


# S/2025/176, paras. 63 and 64
_RELEASED = "MONUSCO technical and logistical support contributed to the release of 221 detainees."
_ESCAPED = ("These incidents resulted in the escape of 7,208 prisoners, including 4,709 from Goma, 2,278 from "
            "Bukavu and 221 from Kabare. Among them were 4,502 high-risk inmates, including M23 and ADF members, who "
            "accounted for 62 per cent of the escaped.")


def test_detainees_are_counted_as_prisoners_or_inmates() -> None:
    question = ("How many detainees got out in the jailbreaks at Goma, Bukavu and Kabare during the M23 offensive, "
                "and how many of them were considered high-risk?")
    line = direct_line(sub_questions(question), [cite(_ESCAPED), cite(_RELEASED, "2")])
    assert line == "**7,208 prisoners** [1]; **4,502 high-risk inmates** [1]"


# S/2025/42, the cover note and the annex
_COVER = ("I enclose herewith the text of a letter dated 13 December 2024, addressed to me by the Minister for "
          "Foreign Affairs of the Commonwealth of the Bahamas, referring to an offer to deploy personnel and an "
          "offshore patrol vessel as part of the Multinational Security Support mission in the Republic of Haiti.")
_DEPLOY = ("The Royal Bahamas Defence Force personnel, who have been undergoing rigorous training for the "
           "Multinational Security Support Mission, will deploy no later than 22 December 2024.")


def test_a_letters_own_date_is_not_what_it_offers() -> None:
    question = "By what date would the Bahamas deploy personnel to the Multinational Security Support mission?"
    assert direct_answer(question, _COVER) is None
    assert direct_line([question], [cite(_COVER), cite(_DEPLOY, "2")]) == "**22 December 2024** [2]"
    # Asked of the letter, its date answers.
    assert direct_answer("When was the Minister's letter on the Bahamas' offer dated?", _COVER) == "13 December 2024"


# S/2025/73, p. 2
_TOLL = ("To date, the toll of attacks on MONUSCO personnel since 2022 stands at 25 dead and several injured. As "
         "regards SAMIDRC, 23 people have been killed and several injured since that force was deployed.")


def test_personnel_killed_are_counted_as_dead_or_people() -> None:
    assert direct_answer("How many MONUSCO personnel have been killed in attacks since 2022?", _TOLL) == "25 dead"
    assert direct_answer("How many SAMIDRC personnel have been killed since the force was deployed?", _TOLL) == \
        "23 people"
    # Not officers: the mission's "991 officers in theatre" (S/2025/472, para. 9) are not the personnel one State
    # committed.
    officers = ("Contributions in terms of pledged personnel has been slow in coming. To date there are 991 officers "
                "in theatre, against a planned 2500.")
    assert direct_answer("How many personnel did the Bahamas commit?", officers) is None


# S/2025/295, para. 6 (its second sentence)
_AUSSOM = ("Therefore, 75 per cent of that budget would amount to approximately $142.7 million in assessed United "
           "Nations contributions, while the remaining 25 per cent, amounting to approximately $47.5 million, would "
           "need to be jointly mobilized by the African Union and the United Nations as extrabudgetary resources.")


def test_how_much_still_needs_mobilizing_is_a_sum() -> None:
    question = ("How much still needs to be mobilized as extrabudgetary resources for the 25 per cent of the AUSSOM "
                "budget?")
    assert direct_answer(question, _AUSSOM) == "approximately $47.5 million"
    # A share asked is still a share.
    assert direct_answer("What share of the AUSSOM budget would assessed contributions cover?",
                         "Assessed contributions would cover 75 per cent of the AUSSOM budget.") == "75 per cent"


def test_a_report_named_by_its_month_with_its_author_between() -> None:
    question = ("How many security incidents hit UN staff and operations in South Sudan in the period covered by the "
                "August 2025 UNMISS report?")
    assert report_window(question) == ("2025-08-01", "2025-08-31")
    assert report_window("What did the June 2025 Secretary-General's report say about Abyei?") == \
        ("2025-06-01", "2025-06-31")
    assert report_window("How many people were killed in May 2025 Haiti gang attacks?") is None


# S/2025/194, para. 19
_BUDGET = ("On 4 November, the Federal Parliament approved the 2025 federal budget of $1,358,727,767, a 26 per cent "
           "increase from 2024 ($1,079,315,784). In all, 66 per cent of the total budget ($903,029,519) is funded "
           "from external grants to Somalia.")


def test_a_share_of_another_years_budget_is_no_answer() -> None:
    assert _years_told("the Federal Parliament approved the 2025 federal budget, a 26 per cent increase from 2024") \
        == {2025}
    assert _years_told("Cultivation has fallen by 95 per cent since the 2022 narcotics ban.") == set()
    assert direct_answer("What share of Somalia's 2024 federal budget was financed by external grants?",
                         _BUDGET) is None
    assert direct_answer("What share of Somalia's 2025 federal budget was financed by external grants?",
                         _BUDGET) == "66 per cent"


def _hit(doc_id: str, symbol: str, text: str) -> Hit:
    doc = DocInfo(doc_id=doc_id, file_name=f"{doc_id}.xml", path=None, sha256="0", source="bulk", symbol=symbol,
                  doc_type="resolution", title="The question concerning Haiti", date="2025-10-17", language="en",
                  pages=1, chunks=1, empty_pages=[], warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash=doc_id, doc_id=doc_id, ordinal=0, text=text,
                  spans=[Span(page=1, start=0, end=len(text))], paragraph=None, section=None, kind="body")
    return Hit(chunk=chunk, doc=doc, score=1.0)


# S/RES/2794 (2025), para. 1, and S/RES/2776 (2025), para. 14
_RENEWS = ("Decides to renew until one year from the date of adoption of this resolution the measures imposed by "
           "paragraphs 3, 4, 5, 6, 7, 8, and 9 of resolution 2653 (2022) and previously extended in resolution 2752 "
           "(2024), reaffirms the travel ban and asset freeze on Haitian gang leaders;")
_CHARCOAL = "Reaffirms its decision to ban the import and export of Somali charcoal, as set out in paragraph 22."


def test_a_word_the_one_named_document_never_says() -> None:
    hits = [_hit("r2794", "S/RES/2794 (2025)", _RENEWS), _hit("r2776", "S/RES/2776 (2025)", _CHARCOAL)]
    rarity = {"charcoal": 6.1, "ban": 4.7, "export": 4.7, "haitian": 4.4, "impos": 3.6, "bar": 7.0, "freez": 5.5}

    def unsaid(question: str) -> tuple[str, str] | None:
        return _unsaid_in_document(question, question, hits[0].doc, hits, lambda d, p: _RENEWS,
                                   lambda t: rarity.get(t, 1.0), 11.5)
    assert unsaid("Does resolution 2794 (2025) impose a ban on exports of Haitian charcoal?") == \
        ("S/RES/2794 (2025)", "“charcoal”")
    assert unsaid("Does resolution 2794 (2025) renew the asset freeze?") is None  # it says so
    # A plain word no document the search found uses is the reader's wording, not a subject the document lacks.
    assert unsaid("Which gang leaders did resolution 2794 (2025) bar from travelling?") is None


# What a second reader of these rules found, each with the report's own sentences.
def test_a_request_made_by_letter_is_dated_by_it() -> None:
    # S/2025/239, footnote 57: only a letter transmitted is no date of what is asked
    note = ("The Panel requested information regarding the participation of Chadian nationals Ousmane Dillo and "
            "Abdallah Jumeni in a letter dated 5 December 2024, addressed to the Permanent Mission of Chad to the "
            "United Nations. In its response dated 16 December 2024, the Permanent Mission stated that it had no "
            "information.")
    assert direct_answer("When did the Panel of Experts on the Sudan request information from Chad about Ousmane "
                         "Dillo and Abdallah Jumeni?", note) == "5 December 2024"


def test_over_after_a_verb_or_a_power_is_no_bound() -> None:
    # S/2025/200, para. 29
    murals = ("On 28 November, on Albanian Flag Day, unidentified individuals painted over two Serbian flag-coloured "
              "murals in North Mitrovica.")
    assert not direct_answer("How many Serbian flag-coloured murals were painted over in North Mitrovica?",
                             murals).startswith("over")
    assert direct_answer("How many districts did the group control?",
                         "The group retained control over three districts.") == "three districts"
    assert direct_answer("How many people were killed?", "The clashes killed over 100 people.") == "over 100 people"


def test_whom_someone_appointed_may_be_a_post_but_not_a_body() -> None:
    # S/2025/389, para. 24: the post the report names answers; S/2025/272, para. 217: the Council that appointed
    # others does not.
    post = ("Furthermore, the Government adopted an action plan and appointed the Deputy Chief of Staff of the army to "
            "oversee its implementation.")
    assert direct_answer("Who was appointed to oversee implementation of the action plan?", post) == \
        "Deputy Chief of Staff"
    council = ("On 16 January 2025, the High Judicial and Prosecutorial Council of Bosnia and Herzegovina appointed "
               "judges and prosecutors.")
    assert direct_answer("Who was appointed Deputy Chief of Staff to oversee implementation?", council) is None


def test_the_noun_asked_before_a_word_for_it() -> None:
    # S/2025/176, para. 63
    released = ("Similarly, 111 prisoners were released through presidential pardon, while 49 detainees, including 34 "
                "men and 15 minors (including 1 girl), were released from Bukavu prison on 13 February.")
    assert direct_answer("How many detainees were released from Bukavu prison?", released) == "49 detainees"


def test_personnel_killed_are_not_anyones_deaths() -> None:
    assert direct_answer("How many MINUSCA personnel were killed in 2024?",
                         "In 2024, the violence caused 13 civilian deaths in Haut-Mbomou.") is None


def test_a_statements_name_is_no_reports_date() -> None:
    assert report_window("What did the DRC and M23 commit to in the April 2025 Doha Joint Statement?") is None
    assert report_window("What did the March 2025 Security Council briefing say?") is None


def test_a_sentence_with_its_own_month_is_not_dated_by_the_frame_before() -> None:
    # S/2025/54, para. 35
    arrivals = ("Since the conflict in the Sudan began in April 2023, over 997,522 returnees, refugees and "
                "asylum-seekers had crossed into South Sudan from the Sudan as at 15 January. In December alone, over "
                "100,000 people fleeing conflict arrived from the Sudan, the highest surge since the conflict began.")
    assert direct_answer("How many people fleeing the conflict arrived in South Sudan from the Sudan in December "
                         "2024?", arrivals) == "over 100,000 people"


def test_how_much_more_of_a_thing_is_still_a_quantity() -> None:
    from briefbot.answer import answer_type
    assert answer_type("How much more land was allocated to returnees?") == "count"
    assert answer_type("How much still needs to be mobilized for AUSSOM?") == "money"
