"""A quote over a page break is the text that runs over it, and nothing else (a browser walk, 5 December 2026):
"… could be about 800 tons per Annex 12: Trends in the elvers sector in Haiti" spliced the next page's heading into
the middle of S/2025/356's last sentence on p. 56, and S/2025/472's "However," on p. 23 was joined to "k.
Recapture …" on p. 24, dropping a sentence and three list items between them."""

from __future__ import annotations

import re

from briefbot.cite import cite_sentence
from briefbot.models import Chunk, DocInfo, Hit, Span
from briefbot.parse.pdf import parse_pdf
from conftest import PDF_FIXTURES


def test_a_short_last_line_with_a_footnote_marker_is_body_type() -> None:
    """"year.¹⁵³" was read at its marker's size (8.25 against 10), taken for small type at the foot of the page, and
    the next page's heading carried on the paragraph it ends."""
    doc = parse_pdf(PDF_FIXTURES / "S_2025_356_pp56-57.pdf")
    block = next(b for b in doc.blocks if "800 tons per" in b.text)
    assert block.text.endswith("800 tons per year.¹⁵³"), block.text[-80:]
    assert not any("per Annex 12" in b.text for b in doc.blocks)
    assert any(b.text.startswith("Annex 12: Trends in the elvers sector in Haiti") for b in doc.blocks)


def _doc() -> DocInfo:
    return DocInfo(doc_id="r", file_name="r.pdf", path=None, sha256="0", source="pdf", symbol="S/2025/472",
                   doc_type="sg_report", title="Report", date="2025-09-01", language="en", pages=2, chunks=1,
                   empty_pages=[], warnings=[], missions=[], ingested_at="")


def _hit(pieces: list[tuple[int, str]], pages: dict[int, str]) -> Hit:
    """A passage made of ``pieces`` (page, text) joined by a space, each found on its page."""
    spans, at = [], 0
    for page, text in pieces:
        start = pages[page].index(text)
        spans.append(Span(page, start, start + len(text), None, at))
        at += len(text) + 1
    text = " ".join(t for _, t in pieces)
    return Hit(chunk=Chunk("h", "r", 0, text, spans, None, None, "text"), doc=_doc(), score=1.0)


def _contiguous(quote: str, text: str) -> bool:
    return re.sub(r"\s+", " ", quote) in re.sub(r"\s+", " ", text)


def test_the_parts_of_a_quote_meet_at_the_page_break() -> None:
    pages = {23: "g. Re-occupation by some locals in areas pacified by security teams. However,\n"
                 "we have seen repeated displacement of population in some areas.\n"
                 "h. Decrease in cases of kidnappings and extortions.\n"
                 "i. Increased confidence and support by the public towards the HNP.",
             24: "j. Destabilization of sources of income for gangs and their bases.\n"
                 "k. Recapture of most police stations that had been overrun by gangs in Quest and Artibonite "
                 "departments.\nl. Arrests, interception and recovery of arms and ammunition from the gangs."}
    pieces = [(23, line) for line in pages[23].split("\n")] + [(24, line) for line in pages[24].split("\n")]
    hit = _hit(pieces, pages)
    start = hit.chunk.text.index("Re-occupation")
    end = hit.chunk.text.index("l. Arrests") - 1
    citation = cite_sentence(hit, start, end, "1", lambda doc_id, page: pages[page or 0])
    assert citation is not None
    assert _contiguous(citation.quote, hit.chunk.text), citation.quote
    assert "However, k." not in citation.quote
    # Whole at its end, on the last page: not shown with "…" for where its first page's part stops.
    assert not citation.cut_after


def test_pages_out_of_order_in_a_passage_are_not_joined() -> None:
    pages = {56: "sources indicated that the country's export capacity could be about 800 tons per\nyear.153\n"
                 "153 A customs official.",
             57: "Annex 12: Trends in the elvers sector in Haiti\nEel fishing in Haiti has expanded."}
    hit = _hit([(56, "sources indicated that the country's export capacity could be about 800 tons per"),
                (57, "Annex 12: Trends in the elvers sector in Haiti"), (56, "year.153")], pages)
    citation = cite_sentence(hit, 0, len(hit.chunk.text), "1", lambda doc_id, page: pages[page or 0])
    assert citation is not None and citation.page_end in (None, citation.page), citation
    assert citation.quote in pages[citation.page or 0]
