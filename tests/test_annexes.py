"""Whom a resolution lists is in its annex. "Which group did resolution 2624 (2022) make subject to the Yemen targeted
arms embargo?" was answered with four of its paragraphs and never named the Houthis: paragraph 5 decides that "the
entity listed in the annex of this resolution" is subject to the measures, and the annex names them (a fifth sweep
of analyst questions; S/RES/2794 (2025)'s designation annex was cut the same way). The real Council XML, parsed and
chunked as ingest does."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer import Candidate, _with_annexes
from briefbot.chunk import chunk_document
from briefbot.models import Chunk, DocInfo, Hit
from briefbot.parse.akn import parse_akn
from briefbot.retrieve import _ASKS_LISTED, _TO_ANNEX, _annex_of

_XML = Path(__file__).parent / "fixtures" / "akn" / "S_RES_2624_2022-2202899E.xml"


def _doc_and_chunks() -> tuple[DocInfo, list[Chunk]]:
    doc = parse_akn(_XML)
    chunks = chunk_document(doc)
    info = DocInfo(doc_id=doc.doc_id, file_name=_XML.name, path=None, sha256="0", source="bulk", symbol=doc.symbol,
                   doc_type="resolution", title=doc.title, date=doc.date, language="en", pages=1,
                   chunks=len(chunks), empty_pages=[], warnings=[], missions=[], ingested_at="")
    return info, chunks


def test_the_annex_is_found_and_named_by_the_paragraph_referring_to_it() -> None:
    _, chunks = _doc_and_chunks()
    annex = _annex_of(chunks)
    assert annex and annex[0].text.startswith("THE HOUTHIS, AKA: ANSARALLAH")
    assert not any(c.text.strip() == "Annex" for c in annex)  # the heading alone says nothing
    referring = [c for c in chunks if _TO_ANNEX.search(c.text)]
    assert referring and "entity listed in the annex of this resolution" in referring[0].text
    assert not _annex_of([c for c in chunks if c.ordinal < annex[0].ordinal - 1])  # no annex, none found


def test_questions_asking_whom_a_decision_lists() -> None:
    assert _ASKS_LISTED.search("Which group did resolution 2624 (2022) make subject to the Yemen targeted arms "
                               "embargo?")
    assert _ASKS_LISTED.search("Which individuals were added to the Haiti sanctions list by resolution 2794 (2025)?")
    assert not _ASKS_LISTED.search("Until when did resolution 2624 (2022) renew the measures?")
    assert not _ASKS_LISTED.search("Which armed groups operate in Ituri?")


def test_the_annex_is_quoted_after_the_lead() -> None:
    info, chunks = _doc_and_chunks()
    lead_chunk = next(c for c in chunks if c.paragraph == "20")
    lead = Candidate(Hit(chunk=lead_chunk, doc=info, score=1.0), 0, len(lead_chunk.text), 1.0, 0.5)
    annex = [Hit(chunk=c, doc=info, score=0.5, annexed=True) for c in _annex_of(chunks)]
    other = Candidate(Hit(chunk=chunks[5], doc=info, score=0.9), 0, len(chunks[5].text), 0.9, 0.4)
    out = _with_annexes([lead, other], [lead.hit, *annex, other.hit], limit=4)
    assert out[0] is lead and out[-1] is other
    quoted = out[1].hit.chunk.text[out[1].start:out[1].end]
    assert "Houthis" in quoted and out[1].end - out[1].start <= 700
    # Without annexed passages (a question not asking whom it lists), the quotes are as chosen.
    assert _with_annexes([lead, other], [lead.hit, other.hit], limit=4) == [lead, other]
