"""The latest decision of a series leads and its note says what it supersedes: pure tests on Candidates built from
the Council's own sentences (S/RES/2444 (2018) para. 11, 2498 (2019) para. 29, 2806 (2025) para. 26 on the Somalia
Panel of Experts; South Sudan's arms renewals and S/2025/231; Libya's Panel renewals and S/2025/357)."""

from __future__ import annotations

from briefbot.answer import Candidate, _latest_first, _listed, extractive_answer
from briefbot.config import Settings
from briefbot.models import Chunk, DocInfo, Hit, Span
from briefbot.refs import parse_references, specific_subject

SOMALIA_2444 = ("Decides to establish, with effect from the date of adoption of this resolution, until 15 "
                "December 2019, the Panel of Experts on Somalia, further decides that the mandate of the Panel "
                "of Experts shall include the tasks as set out in paragraph 13 of resolution 2060 (2012) and "
                "updated in paragraph 41 of resolution 2093 (2013), paragraph 15 of resolution 2182 (2014), "
                "paragraph 23 of resolution 2036 (2012) and paragraph 29 of this resolution as they relate to "
                "Somalia, and expresses its intention to review the mandate and take appropriate action "
                "regarding any extensions of the mandate of the Panel of Experts no later than 15 November 2019;")
SOMALIA_2498 = ("Decides to renew, with effect from the date of adoption of this resolution, until 15 December "
                "2020, the Panel on Somalia and that the mandate of the Panel shall include the tasks referred "
                "to in paragraph 11 of resolution 2444 (2018) and paragraph 1 of this resolution, requests the "
                "Secretary-General to include dedicated gender expertise, in line with paragraph 11 of its "
                "resolution 2467 (2019), and expresses its intention to review the mandate of the Panel and take "
                "appropriate action regarding any extension to the mandate no later than 15 November 2020;")
SOMALIA_2806 = ("Decides to renew, with effect from the date of adoption of this resolution until 31 December "
                "2026, the Panel, to consist of up to 5 members, appropriately located with due consideration "
                "for mandate implementation and administrative requirements, with the following mandate:")


def _cand(symbol: str, date: str, text: str, paragraph: str, score: float, title: str, doc_type: str = "resolution",
          series_places: frozenset[str] = frozenset(), continues: frozenset[str] = frozenset()) -> Candidate:
    doc = DocInfo(doc_id=symbol, file_name=f"{symbol}.xml", path=None, sha256="0", source="bulk", symbol=symbol,
                  doc_type=doc_type, title=title, date=date, language="en", pages=1, chunks=1, empty_pages=[],
                  warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash=f"h{symbol}{paragraph}", doc_id=symbol, ordinal=0, text=text,
                  spans=[Span(page=None, start=0, end=len(text), label=paragraph, at=0)], paragraph=paragraph,
                  section=None, kind="body")
    hit = Hit(chunk=chunk, doc=doc, score=score, series_places=series_places, continues=continues)
    return Candidate(hit, 0, len(text), score, 1.0)


def _somalia() -> list[Candidate]:
    places = frozenset({"somalia"})
    return [_cand("S/RES/2444 (2018)", "2018-11-14", SOMALIA_2444, "11", 1.22,
                  "Resolution 2444 (2018): The situation in Somalia"),
            _cand("S/RES/2498 (2019)", "2019-11-15", SOMALIA_2498, "29", 1.19,
                  "Resolution 2498 (2019): The situation in Somalia", series_places=places),
            _cand("S/RES/2806 (2025)", "2025-12-12", SOMALIA_2806, "26", 0.88,
                  "Resolution 2806 (2025): Peace and security in Africa", series_places=places,
                  continues=frozenset({"S/RES/2498 (2019)"}))]


def test_expire_is_a_term_word_not_what_is_renewed() -> None:
    """"expire" asked as the subject left 2498's "the Panel on Somalia" and 2806's "the Panel" renewing only one of
    {panel, expert, expir}: 2444 (2018), the only one with two of them, was taken for the whole series."""
    assert specific_subject("When does the mandate of the Panel of Experts on Somalia expire?") == {"panel", "expert"}


def test_the_current_somalia_panel_renewal_leads_when_asked_when_it_expires() -> None:
    question = "When does the mandate of the Panel of Experts on Somalia expire?"
    ordered, superseded = _latest_first(_somalia(), parse_references(question), question)
    assert ordered[0].hit.doc.symbol == "S/RES/2806 (2025)"
    assert {s.split(" (“")[0] for s in superseded} == {"S/RES/2444 (2018)", "S/RES/2498 (2019)"}, superseded


ARMS = ("Decides to renew until {until} the measures on arms imposed by paragraph 4 of resolution 2428 (2018), and "
        "reaffirms the provisions of paragraph 5 of resolution 2428 (2018);")
REPORT_231 = ("By its resolution 2731 (2024), the Council renewed the arms embargo measures until 31 May 2025, while "
              "reiterating its readiness to review them, through inter alia modification, suspension or progressive "
              "lifting in the light of progress achieved on the key benchmarks outlined in paragraph 2 of resolution "
              "2577 (2021).")
SOUTH_SUDAN = "Resolution {n}: Reports of the Secretary-General on the Sudan and South Sudan"


def test_a_which_and_until_when_question_names_the_superseded_terms_not_symbols() -> None:
    """"Which resolutions renewed …, and until when?" answered "resolution 2428 (2018)" for every renewal, so no
    older renewal differed from 2821 (2026), and S/2025/231's "term" was "resolution 2731 (2024)"."""
    question = "Which resolutions renewed the arms embargo on South Sudan, and until when?"
    places = frozenset({"south sudan"})
    chosen = [_cand("S/RES/2821 (2026)", "2026-05-29", ARMS.format(until="31 May 2027"), "1", 1.76,
                    SOUTH_SUDAN.format(n="2821 (2026)"), series_places=places),
              _cand("S/2025/231", "2025-04-15", REPORT_231, "1", 1.75, "Assessment of progress … Report of the "
                    "Secretary-General", doc_type="sg_report", series_places=places),
              _cand("S/RES/2781 (2025)", "2025-05-30", ARMS.format(until="31 May 2026"), "1", 1.67,
                    SOUTH_SUDAN.format(n="2781 (2025)"), series_places=places),
              _cand("S/RES/2683 (2023)", "2023-05-30", ARMS.format(until="31 May 2024"), "1", 1.58,
                    SOUTH_SUDAN.format(n="2683 (2023)"), series_places=places)]
    chosen[1].hit.doc.about = ["South Sudan"]
    ordered, superseded = _latest_first(chosen, parse_references(question), question)
    assert ordered[0].hit.doc.symbol == "S/RES/2821 (2026)"
    assert superseded[:2] == ["S/RES/2781 (2025) (“31 May 2026”)", "S/RES/2683 (2023) (“31 May 2024”)"], superseded
    assert superseded[2].startswith("S/2025/231's reported term (“31 May 2025”)"), superseded
    assert not any("(“resolution" in s for s in superseded), superseded


LIBYA_PANEL = ("Decides to extend until {until} the mandate of the Panel of Experts (the Panel), established by "
               "paragraph 24 of resolution 1973 (2011) and modified by resolutions 2040 (2012), 2146 (2014), 2174 "
               "(2014), 2213 (2015), 2441 (2018), 2509 (2020), 2571 (2021), 2644 (2022) and 2701 (2023), and decides "
               "that the Panel’s mandated tasks shall remain as defined in resolution 2213 (2015);")
LETTER_357 = ("I have the honour to refer to Security Council resolution 2769 (2025), adopted on 16 January 2025, by "
              "which the Council decided to extend the mandate of the Panel of Experts on Libya until 15 May 2026.")


def test_a_report_stating_an_older_decisions_term_is_said_with_that_decision() -> None:
    """The note read "supersedes S/2025/357's reported term (“15 May 2026”); S/RES/2769 (2025) (“15 May 2026”)":
    one term, said twice, in a list that read as one item."""
    question = "Until when did the Council extend the Panel of Experts on Libya?"
    libya = "Resolution {n}: Libya — sanctions, Panel of Experts"
    chosen = [_cand("S/RES/2819 (2026)", "2026-05-14", LIBYA_PANEL.format(until="15 August 2027"), "24", 1.7,
                    libya.format(n="2819 (2026)")),
              _cand("S/2025/357", "2025-05-30", LETTER_357, "1", 1.6, "Letter dated 29 May 2025 from the "
                    "Secretary-General addressed to the President of the Security Council", doc_type="letter"),
              _cand("S/RES/2769 (2025)", "2025-01-16", LIBYA_PANEL.format(until="15 May 2026"), "22", 1.5,
                    libya.format(n="2769 (2025)"))]
    ordered, superseded = _latest_first(chosen, parse_references(question), question)
    assert ordered[0].hit.doc.symbol == "S/RES/2819 (2026)"
    assert superseded == ["S/RES/2769 (2025) (“15 May 2026”, also reported in S/2025/357)"], superseded


def test_listed_reads_as_a_list() -> None:
    assert _listed(["a"]) == "a"
    assert _listed(["a", "b"]) == "a and b"
    assert _listed(["a", "b", "c"]) == "a, b and c"


SUDAN_PANEL_239 = ("In paragraph 2 of its resolution 2725 (2024), the Security Council requested the Panel of "
                   "Experts on the Sudan to provide to the Council, after discussion with the Committee, a final "
                   "report by 13 January 2025 with its findings and recommendations. In the present report, the "
                   "Panel outlines its findings.")
DARFUR_IN_LIBYA = ("The security situation in cross-border areas remained fragile. Since May 2024, Darfurian armed "
                   "groups continued to operate in southern Libya, as follows:")


def test_another_countrys_panel_date_does_not_answer_for_libyas_panel() -> None:
    """S/2025/239, the Sudan Panel's report, is about Libya too (its Darfurian groups there), so the Libya filter let it
    through and its sentence on "the Panel of Experts on the Sudan" answered "Until when did the Council extend the
    Panel of Experts on Libya?" with 13 January 2025."""
    doc = DocInfo(doc_id="S_2025_239.pdf", file_name="S_2025_239.pdf", path=None, sha256="0", source="pdf",
                  symbol="S/2025/239", doc_type="panel_report", title="Letter dated 14 April 2025 from the Panel of "
                  "Experts on the Sudan", date="2025-04-17", language="en", pages=1, chunks=2, empty_pages=[],
                  warnings=[], missions=["Sudan", "Libya"], ingested_at="")
    hits = []
    for i, text in enumerate((SUDAN_PANEL_239, DARFUR_IN_LIBYA)):
        chunk = Chunk(text_hash=f"h239-{i}", doc_id=doc.doc_id, ordinal=i, text=text,
                      spans=[Span(page=1, start=0, end=len(text), label=str(i + 1))], paragraph=str(i + 1),
                      section=None, kind="body")
        hits.append(Hit(chunk=chunk, doc=doc, score=1.0 - i / 10, dense_score=0.5))
    texts = "\n".join(h.chunk.text for h in hits)
    answer = extractive_answer("Until when did the Council extend the Panel of Experts on Libya?", hits,
                               Settings(abstain_threshold=0.0, sentence_model_k=0), lambda doc_id, page: texts)
    assert answer.abstained, answer.answer
    assert "**13 January 2025**" not in answer.answer
    # The Sudan Panel's own question is still answered from it.
    answer = extractive_answer("By when was the Panel of Experts on the Sudan to provide its final report?", hits,
                               Settings(abstain_threshold=0.0, sentence_model_k=0), lambda doc_id, page: texts)
    assert answer.answer.startswith("**13 January 2025** [1]"), answer.answer
