"""What a fifth round of analyst questions (7 December 2026) found in the answers' first lines, each with the
report's own sentences.

- "Which Brazilian officer was proposed … to command MONUSCO's troops?" got "Lieutenant General Ulisses": a name's
  "de" cut it short.
- "How many undocumented Afghans returned …?" got UNHCR's "13,237 registered refugee returnees": the breakdown
  between "426,793" and "undocumented Afghans" hid what that figure counts.
- "How many UNMISS troops were actually deployed against the authorized ceiling?" got the ceiling, "17,000 troops".
- "How much did the General Assembly appropriate for UNMISS for the period 1 July 2025 to 30 June 2026?" got the
  sum appropriated for 2024/25: both periods name 2025.
- "Who did the Secretary-General say he intended to appoint as Force Commander …, and whom would he replace?" got
  "Governor of North Kivu": another post, not who takes the one asked, nor whom he replaces.
- "Who was running the UN political mission in Libya …, and since when …?" would have got the date the report's
  coverage ends.
- "How many votes were cast … at the CND's sixty-eighth session?" abstained: the passages "do not name CND", though
  they say "Commission on Narcotic Drugs".
- A table of contents' line ("Decision 68/6 … of 1971 ......") was quoted as the first citation.
"""

from __future__ import annotations

from briefbot.answer import _group_named, _name_unsaid, _periods, _says_nothing, direct_answer, other_language
from briefbot.cite import is_contents_line
from briefbot.models import Chunk, DocInfo, Hit, Span

# S/2025/66
_FORCE_COMMANDER = ("I should like to inform you of my intention to appoint Lieutenant General Ulisses de Mesquita "
                    "Gomes (Brazil) as Force Commander of MONUSCO. He replaces Major General Khar Diouf (Senegal), who "
                    "has been serving as Acting Force Commander.")


def test_a_name_runs_on_through_its_particles() -> None:
    assert direct_answer("Which Brazilian officer was proposed in early 2025 to command MONUSCO's troops?",
                         _FORCE_COMMANDER) == "Lieutenant General Ulisses de Mesquita Gomes (Brazil)"


# A/79/947-S/2025/372, para. 61
_RETURNS = ("From 1 January to 30 April, 426,793 (38,168 women, 258,313 men and 130,312 children) undocumented Afghans "
            "returned to their country, including 117,442 from Pakistan and 222,163 from the Islamic Republic of "
            "Iran. Of these, 172,105 were deported, with 91,970 undocumented Afghan returnees receiving assistance at "
            "IOM reception centres. From 1 January to 5 May, the Office of the United Nations High Commissioner for "
            "Refugees (UNHCR) supported some 13,237 registered refugee returnees with protection services.")


def test_a_breakdown_between_a_figure_and_its_noun() -> None:
    assert direct_answer("How many undocumented Afghans returned to Afghanistan between January and April 2025?",
                         _RETURNS) == "426,793 (38,168 women, 258,313 men and 130,312 children) undocumented Afghans"
    # The refugees UNHCR supported are still theirs to ask.
    assert direct_answer("How many registered refugee returnees did UNHCR support?", _RETURNS) == \
        "some 13,237 registered refugee returnees"


# S/2025/211, para. 86
_STRENGTH = ("Of the authorized 17,000 troops, UNMISS troop strength stood at 13,888 military personnel, including "
             "1,152 women (8 per cent).")


def test_a_strength_asked_is_not_its_ceiling() -> None:
    assert direct_answer("According to S/2025/211, how many UNMISS troops were actually deployed against the "
                         "authorized ceiling?", _STRENGTH) == "13,888 military personnel"
    assert direct_answer("How many troops are authorized for UNMISS?", _STRENGTH) == "17,000 troops"


# S/2025/211, para. 96
_APPROPRIATED = ("The General Assembly, by its resolution 78/306 of 28 June 2024, appropriated the amount of "
                 "$1,237,887,300 for the maintenance of the Mission for the period from 1 July 2024 to 30 June 2025. "
                 "As at 24 March 2025, unpaid assessed contributions to the special account for UNMISS amounted to "
                 "$2,471.2 million.")


def test_a_sum_of_another_period_is_no_answer() -> None:
    assert direct_answer("How much did the General Assembly appropriate for UNMISS for the period 1 July 2025 to 30 "
                         "June 2026?", _APPROPRIATED) is None
    assert direct_answer("How much did the General Assembly appropriate for UNMISS for the period 1 July 2024 to 30 "
                         "June 2025?", _APPROPRIATED) == "$1,237,887,300"
    assert _periods("for the period 1 July 2025 to 30 June 2026") == {(2025, 2026)}  # not "2025 to 30" (2030)
    assert _periods("in 2019–2023 and in 2024/25") == {(2019, 2023), (2024, 2025)}


# S/2025/176, para. 21
_GOVERNOR = ("Following the death of the Governor of North Kivu, Major General Peter Cirimwami, who sustained gunshot "
             "wounds while visiting the front line on 23 January and subsequently succumbed to his injuries, MONUSCO "
             "engaged with his successor, Major General Somo Kakule Evariste, who was appointed on 29 January.")


def test_whom_someone_appoints_to_a_post_is_not_another_post() -> None:
    question = "Who did the Secretary-General say in January 2025 he intended to appoint as Force Commander of MONUSCO?"
    assert direct_answer(question, _GOVERNOR) is None
    assert direct_answer("whom would he replace", _GOVERNOR) is None
    assert direct_answer("Who did the Secretary-General intend to appoint as Force Commander of MONUSCO?",
                         _FORCE_COMMANDER) == "Lieutenant General Ulisses de Mesquita Gomes (Brazil)"


# S/2025/509, para. 1
_COVERS = ("The present report is submitted pursuant to Security Council resolutions 2510 (2020), 2542 (2020), 2570 "
           "(2021) and 2755 (2024) and covers political, security and economic developments in Libya from 5 April to "
           "1 August 2025.")


def test_a_reports_coverage_dates_the_report_not_what_is_asked() -> None:
    assert direct_answer("Since when has the post of Special Representative for Libya been vacant?", _COVERS) is None
    assert direct_answer("Until when does the report on Libya cover developments?", _COVERS) == "1 August 2025"
    # A who-question's date clause, with no one named, leaves the who unanswered: no line.
    assert direct_answer("Who was running the UN mission in Libya, and since when had the top job been vacant?",
                         "Bathily completed his assignment on 15 May 2024.") is None


def _hit(text: str, title: str) -> Hit:
    doc = DocInfo(doc_id="e2025_28", file_name="E_2025_28.pdf", path=None, sha256="0", source="pdf",
                  symbol="E/2025/28-E/CN.7/2025/11", doc_type="other", title=title, date="2025-03-14", language="en",
                  pages=65, chunks=1, empty_pages=[], warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash="h", doc_id="e2025_28", ordinal=0, text=text,
                  spans=[Span(page=28, start=0, end=len(text))], paragraph=None, section=None, kind="body")
    return Hit(chunk=chunk, doc=doc, score=1.0)


# E/2025/28, p. 28
_VOTE = ("At its 5th meeting, on 12 March 2025, the Commission on Narcotic Drugs decided by 48 votes to none, with two "
         "abstentions, to include carisoprodol in Schedule IV of the Convention on Psychotropic Substances of 1971.")


def test_an_acronym_is_named_by_its_words_with_on_between() -> None:
    assert _group_named("CND", _VOTE)
    assert _group_named("UNODC", "the United Nations Office on Drugs and Crime")
    assert not _group_named("CND", "the Council noted drugs")
    question = ("How many votes were cast for including carisoprodol in Schedule IV of the 1971 Convention at the "
                "CND's sixty-eighth session?")
    assert _name_unsaid(question, _hit(_VOTE, "Report on the sixty-eighth session")) is None
    assert _name_unsaid(question.replace("CND's", "INCB's"), _hit(_VOTE, "Report on the sixty-eighth session")) \
        == "INCB"


def test_a_contents_line_is_no_quote() -> None:
    line = ("Decision 68/6 Inclusion of carisoprodol in Schedule IV of the Convention on Psychotropic Substances of "
            "1971...........................")
    assert is_contents_line(line) and _says_nothing(None, line)
    assert not _says_nothing(None, _VOTE)


def test_a_source_note_is_no_quote() -> None:
    # S/2025/356's footnotes: three of four quotes a browser walk got for "Which gangs in Haiti …?".
    assert _says_nothing(None, "Available at: https://dtm.iom.int/maps/haiti-emergency-tracking-tool-522-origin-and-"
                               "host-locations-idps-11-20-november-2024 Visited November 2024.")
    assert _says_nothing(None, "IOM, Haiti” Available at: https://dtm.iom.int/reports/haiti-emergency-tracking-tool"
                               "-551?close=true Visited February 2025")
    assert _says_nothing(None, "Forced returns to Haití 2024. Available at: https://dtm.iom.int/fr/node/23491 Visited "
                               "January 2025.")
    assert _says_nothing(None, "Forced returns to Haití 2024.", " Available at: https://dtm.iom.int/fr/node/23491")
    assert _says_nothing(None, "Map data @2025 Google, INEGI The boundaries and names shown and the designations used "
                               "on this map do not imply official endorsement or acceptance by the United Nations.")
    assert _says_nothing(None, "IOM Haitian deportees 2024\nSource: OIM.")
    # A sentence saying something, with its link, still is one.
    assert not _says_nothing(None, "UNODC reported 12,000 firearms seized in Haiti; see https://unodc.org/x for the "
                                   "data collected over two years.")


def test_a_question_in_another_language_is_said_to_be() -> None:
    # A browser walk's French questions got four French sentences of a debate on water as their answer.
    assert other_language("Jusqu'à quand le Conseil de sécurité a-t-il prorogé le mandat du Groupe d'experts sur la "
                          "Libye ?") == "French"
    assert other_language("¿Hasta cuándo se prorrogó el mandato del Grupo de Expertos sobre Libia?") == "Spanish"
    # French names in an English question, and keywords, are English questions.
    assert other_language("What did the Coalition militaire de salut du peuple et de redressement do?") is None
    assert other_language("La Linea gang extortion Haiti") is None
