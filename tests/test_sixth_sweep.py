"""What a sixth round of analyst questions (7 December 2026, on documents no earlier round had read) found, each
with the report's own sentences:

- "On what date did the United States label Viv Ansanm and Gran Grif as foreign terrorist organizations?"
  abstained ("do not name Viv Ansanm"): the letter leading spelt it "Viv Asanmn" (S/2025/472, para. 8), while the
  UNODC report's para. 16 (S/2025/420) names both and gives the same day.
- "How much are the Madan Sara women traders forced to pay at gang checkpoints?" abstained ("no figure"): what they
  pay is "up to 20 per cent of their goods' value".
- "How many vessels did EU Operation IRINI inspect …?" abstained: "two vessel inspections" count them.
- "When did Libya's National Oil Corporation stop the oil-for-fuel swap arrangement, …?" got the audit report's
  release "1 December 2024", not the day it "ended" the system; "When was … ended?" got "No indexed decision about
  Libya … ending this", a rule for the Council's measures.
- "When the Haiti sanctions regime was set up in 2022, how many experts was the panel to have and for how long?"
  got "18 October 2024": the second part carried the first's dating clause.
"""

from __future__ import annotations

from briefbot.answer import (
    _COUNCIL_THING,
    Candidate,
    _naming_first,
    answer_type,
    direct_answer,
    sub_questions,
    type_found,
)
from briefbot.models import Chunk, DocInfo, Hit, Span


def _hit(symbol: str, text: str, paragraph: str) -> Hit:
    doc = DocInfo(doc_id=symbol, file_name=f"{symbol.replace('/', '_')}.pdf", path=None, sha256="0", source="pdf",
                  symbol=symbol, doc_type="other", title="Letter dated … / report on Haiti", date="2025-06-01",
                  language="en", pages=10, chunks=1, empty_pages=[], warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash=symbol, doc_id=symbol, ordinal=0, text=text,
                  spans=[Span(page=7, start=0, end=len(text), label=paragraph)], paragraph=paragraph, section=None,
                  kind="body")
    return Hit(chunk=chunk, doc=doc, score=1.0)


# S/2025/472, para. 8 (its spelling), and S/2025/420, para. 16
_LETTER = ("8. On 2nd May 2025, the United States of America designated the gang coalition of Viv Asanmn and Grif "
           "Gangs as Foreign Terrorist Organizations.")
_REPORT = ("16. On 2 May 2025, the United States designated several Haitian armed gangs as terrorist organizations. "
           "Specifically, Viv Ansanm and Gran Grif were designated as “foreign terrorist organizations” and “specially "
           "designated global terrorists”.")
_DESIGNATED = "On what date did the United States label Viv Ansanm and Gran Grif as foreign terrorist organizations?"


def _candidate(hit: Hit, start: int = 0, end: int | None = None) -> Candidate:
    return Candidate(hit=hit, start=start, end=len(hit.chunk.text) if end is None else end, score=1.0, overlap=1.0)


def test_a_quote_naming_what_was_asked_leads_when_it_tells_the_same_day() -> None:
    letter, report = _hit("S/2025/472", _LETTER, "8"), _hit("S/2025/420", _REPORT, "16")
    # The report's quote as chosen: its second sentence, which names the gangs but not the day.
    second = _REPORT.index("Specifically")
    chosen = [_candidate(letter, 3), _candidate(report, second)]
    out = _naming_first(_DESIGNATED, chosen, (letter, report))
    assert out[0].hit is report
    assert direct_answer(_DESIGNATED, report.chunk.text[out[0].start:out[0].end]) == "2 May 2025"
    assert len(out) == 2


def test_a_quote_naming_it_with_another_figure_does_not_lead() -> None:
    # S/2025/176, para. 16 names Bukavu, but its figure is of civilians killed, not of those who sought refuge.
    question = "How many civilians sought refuge at MONUSCO bases around Bukavu during the M23 advance?"
    lead = _hit("S/2025/176", "22. Between 3,000 and 4,300 civilians gathered at various MONUSCO bases around Goma.",
                "22")
    other = _hit("S/2025/177", "16. M23 took control of Bukavu. MONUSCO recorded 1,044 civilians reportedly killed.",
                 "16")
    chosen = [_candidate(lead, 4), _candidate(other, 4)]
    assert _naming_first(question, chosen, (lead, other))[0].hit is lead


# S/2025/420, para. 12
_MADAN_SARA = ("The “Madan Sara”, women who transport food across regions, report being extorted at multiple "
               "checkpoints, sometimes paying up to 20 per cent of their goods’ value to reach the market.")


def test_what_is_paid_may_be_a_share_of_a_value() -> None:
    question = "How much are the Madan Sara women traders forced to pay at gang checkpoints in Haiti?"
    assert answer_type(question) == "money"
    assert type_found("money", question, _MADAN_SARA)
    assert direct_answer(question, _MADAN_SARA) == "up to 20 per cent"
    # A share is still no sum received.
    assert direct_answer("How much money did Hamas receive?", "Hamas received 80% of its funds from donors.") is None


# S/2025/257, para. 10
_IRINI = ("The European Union informed the Secretariat that, from 1 November 2024 to 14 April 2025, Operation IRINI "
          "had carried out 2,271 hailings, 38 friendly approaches and two vessel inspections related to the arms "
          "embargo.")


def test_a_count_of_an_act_done_to_the_thing_counts_the_thing() -> None:
    assert direct_answer("How many vessels did EU Operation IRINI inspect under the Libya arms embargo between "
                         "1 November 2024 and 14 April 2025?", _IRINI) == "two vessel inspections"
    # Not a thing the act is not of: no arms were counted.
    assert direct_answer("How many arms did Operation IRINI seize?", _IRINI) is None


# S/2025/223, para. 30
_SWAPS = ("Following the release on 1 December 2024 of the report of the National Audit Bureau for 2023, in which the "
          "Bureau criticized the practice of importing fuel in exchange for crude oil as lacking transparency, the "
          "National Oil Corporation ended the controversial oil-for-fuel trading system on 1 March 2025.")


def test_the_day_of_the_act_asked_in_other_words() -> None:
    for question in ("When did Libya's National Oil Corporation stop the oil-for-fuel swap arrangement?",
                     "When did Libya's National Oil Corporation end the oil-for-fuel swap arrangement?"):
        assert direct_answer(question, _SWAPS) == "1 March 2025", question


def test_an_ending_not_the_councils_is_no_question_for_its_decisions() -> None:
    assert not _COUNCIL_THING.search("When was Libya's oil-for-fuel system ended?")
    assert _COUNCIL_THING.search("Which resolution lifted the ban on charcoal exports from Somalia?")


def test_a_second_part_does_not_carry_the_first_parts_dating_clause() -> None:
    parts = sub_questions("When the Haiti sanctions regime was set up in 2022, how many experts was the panel to "
                          "have and for how long?")
    assert len(parts) == 2 and "When the Haiti" not in parts[1] and "how many" not in parts[1], parts
    quote = ("Requests the Secretary-General to create for an initial period of 13 months, in consultation with the "
             "Committee, a group of 4 experts (“Panel of Experts”), under the direction of the Committee")
    assert direct_answer(parts[0], quote) == "4 experts"
    assert direct_answer(parts[1], quote) == "13 months"
    assert direct_answer(parts[1], "On 18 October 2024, the Security Council adopted resolution 2752 (2024), in "
                                   "which it renewed the sanctions regime on Haiti.") is None


def test_binuh_by_its_name_and_a_capital_for_its_government() -> None:
    from briefbot.cite import terms
    from briefbot.glossary import council_question, credited

    # "UN Integrated Office in Haiti" got a transition report's date: the term rules saw no mission asked.
    assert "BINUH" in council_question("What is the new end date for the UN Integrated Office in Haiti after the "
                                       "mid-2025 renewal?")
    # "designated by Washington" is the United States' designation.
    question = "When were Viv Ansanm and Gran Grif designated by Washington as terrorist organizations?"
    assert "washington" in credited(question, terms("On 2 May 2025, the United States designated …"))


def test_a_term_in_tens_of_days_and_the_members_of_a_panel() -> None:
    # S/RES/2146 (2014), para. 11: the answer was cut to para. 10 (d), for "ninety days" was no duration.
    vessels = ("11. Decides that the Committee may designate vessels for some or all of the measures in paragraph 10, "
               "on a case-by-case basis, for a period of ninety days, which may be renewed by the Committee;")
    assert direct_answer("Under resolution 2146 (2014), for how long can the Libya sanctions committee designate a "
                         "vessel?", vessels) == "ninety days"
    # S/RES/2653 (2022), para. 21: a Panel's members are its experts.
    panel = ("Requests the Secretary-General to create for an initial period of 13 months, in consultation with the "
             "Committee, a group of 4 experts (“Panel of Experts”), under the direction of the Committee")
    assert direct_answer("How many members did the Haiti sanctions Panel of Experts have under resolution 2653 "
                         "(2022)?", panel) == "4 experts"
    assert direct_answer("How many members does the Security Council have?", panel) is None


def test_quantities_sums_and_pay_asked_in_other_words() -> None:
    # S/2025/239, para. 84: no bold line for "What quantity …, and what was it worth?"
    gum = ("84. Local traders from East Darfur and Nyala confirmed that around 3,700 tons, with an average value of "
           "$14,578,000, had been looted from January to June 2024. The looting of gum Arabic and other items was "
           "condoned by commanders.")
    parts = sub_questions("What quantity of gum arabic was looted in Darfur in the first half of 2024, and what was "
                          "it worth?")
    assert [direct_answer(p, gum) for p in parts] == ["around 3,700 tons", "$14,578,000"]
    # S/2025/303, para. 35: "undeclared cash" is money, not a thing measured.
    cash = ("On 1 March 2025, investigators from the counter-narcotics bureau of the Haitian National Police "
            "intercepted a package at Cap-Haïtien International Airport. Upon inspection, authorities discovered "
            "$106,260 in cash concealed within the package.")
    assert direct_answer("How much undeclared cash did Haitian counter-narcotics police find in a parcel?",
                         cash) == "$106,260"
    # S/2025/482, para. 102: "What monthly pay …" asks a sum.
    pay = ("Salaries were reduced to $50 –$70 per ISIL (Da’esh) fighter per month, with $35 per family, lower than "
           "ever, and not paid regularly, suggesting financial difficulties.")
    assert answer_type("What monthly pay do ISIL fighters now receive?") == "money"
    assert direct_answer("What monthly pay do ISIL fighters now receive?", pay) == "$50 –$70"
