"""The latest decision of a series leads and its note says what it supersedes: pure tests on Candidates built from
the Council's own sentences (S/RES/2444 (2018) para. 11, 2498 (2019) para. 29, 2806 (2025) para. 26 on the Somalia
Panel of Experts; South Sudan's arms renewals and S/2025/231; Libya's Panel renewals and S/2025/357)."""

from __future__ import annotations

from briefbot.answer import Candidate, _latest_first
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
    assert [s.split(" (“")[0] for s in superseded] == ["S/RES/2444 (2018)", "S/RES/2498 (2019)"], superseded
