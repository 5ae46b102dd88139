"""A quote cut inside its sentence is shown with "…" there (a browser walk, 7 December 2026): S/RES/2772 (2025) para.
1 was quoted "… and further requests the Panel of Experts to" and S/RES/2664 (2022) para. 5 "… Monitoring Team, acting"
(the chunker had cut the paragraph), and S/RES/2808 (2025) para. 16 "… as well at its presidential statement" (its
symbol "S/PRST/2021/19;" is a block of its own). Pasted into a briefing note, each read as a whole verbatim quote."""

from __future__ import annotations

from pathlib import Path

from briefbot.cite import cite_sentence
from briefbot.export import answer_markdown
from briefbot.models import Answer, Chunk, DocInfo, Hit, Span, elided
from briefbot.parse.bulk import iter_jsonl
from briefbot.web.views import card_from_citation, card_html

_2772 = ("Decides to extend until 12 March 2026 the mandate of the Panel of Experts, expresses its intention to review "
         "the mandate and further requests the Panel of Experts to monitor the implementation of the measures;")
_2808 = ("Condemns the continued systematic illegal exploitation of natural resources, and recalls its resolution "
         "2773 (2025) as well at its presidential statement S/PRST/2021/19;")


def _doc(symbol: str) -> DocInfo:
    return DocInfo(doc_id="r", file_name="r.xml", path=None, sha256="0", source="xml", symbol=symbol,
                   doc_type="resolution", title="Resolution", date="2025-03-01", language="en", pages=0, chunks=2,
                   empty_pages=[], warnings=[], missions=[], ingested_at="")


def _hit(record: str, pieces: list[str], symbol: str) -> Hit:
    """A passage of ``pieces`` of ``record`` (each a block of its own), joined by a space."""
    spans, at = [], 0
    for text in pieces:
        start = record.index(text)
        spans.append(Span(None, start, start + len(text), "1", at))
        at += len(text) + 1
    text = " ".join(pieces)
    return Hit(chunk=Chunk("h", "r", 0, text, spans, "1", None, "operative"), doc=_doc(symbol), score=1.0)


def test_a_passage_the_chunker_cut_inside_a_sentence_is_quoted_with_an_ellipsis() -> None:
    first, second = _2772.split(" monitor ")
    end = _hit(_2772, [first], "S/RES/2772 (2025)")
    c = cite_sentence(end, 0, len(first), "1", lambda doc_id, page: _2772)
    assert c is not None and c.quote == first and c.cut_after and not c.cut_before
    assert c.shown_quote() == first + " …"
    start = _hit(_2772, ["monitor " + second], "S/RES/2772 (2025)")
    c = cite_sentence(start, 0, len(second) + 8, "1", lambda doc_id, page: _2772)
    assert c is not None and c.cut_before and not c.cut_after and c.shown_quote().startswith("…monitor")
    assert c.to_dict()["cut_before"] is True
    # Shown so wherever a quote is printed: the answer's Markdown export too.
    answer = Answer(question="q", answer="a", abstained=False, citations=[c], hits=[])
    assert "…monitor the implementation" in answer_markdown(answer)


def test_a_whole_sentence_and_a_new_block_are_not_cut() -> None:
    c = cite_sentence(_hit(_2772, [_2772], "S/RES/2772 (2025)"), 0, len(_2772), "1", lambda doc_id, page: _2772)
    assert c is not None and not (c.cut_before or c.cut_after) and c.shown_quote() == _2772
    assert "cut_after" not in c.to_dict()
    # A heading or a table's row before a capitalised next block ends where it ends.
    page = "Limited strategic guidance\nThe Mission lacked a plan."
    c = cite_sentence(_hit(page, ["Limited strategic guidance"], "S/2025/1"), 0, 26, "1", lambda doc_id, pg: page)
    assert c is not None and not c.cut_after
    # A list item opens in lower case after its label: not cut.
    page = "Requests the Panel: (a) to monitor the measures;"
    c = cite_sentence(_hit(page, ["to monitor the measures;"], "S/RES/1 (2000)"), 0, 24, "1", lambda doc_id, pg: page)
    assert c is not None and not c.cut_before


def test_a_symbol_set_as_a_block_of_its_own_ends_the_sentence_it_is_part_of() -> None:
    body, symbol = _2808.rsplit(" ", 1)
    hit = _hit(_2808, [body, symbol], "S/RES/2808 (2025)")
    c = cite_sentence(hit, 0, len(hit.chunk.text), "1", lambda doc_id, page: _2808)
    assert c is not None and c.quote == _2808 and not c.cut_after


def test_a_footnote_mark_or_the_next_paragraphs_number_is_no_cut() -> None:
    """A second reader's finds: "… 37 girls.²¹" before "24. …" was shown with "…" (56 of 89 flags in six reports)."""
    page = "In 2024, 2,017 Haitian nationals were kidnapped, including 37 girls.²¹\n24. The gangs also extorted."
    quote = "In 2024, 2,017 Haitian nationals were kidnapped, including 37 girls.²¹"
    c = cite_sentence(_hit(page, [quote], "S/2025/356"), 0, len(quote), "1", lambda doc_id, pg: page)
    assert c is not None and not c.cut_after
    page = "The Panel met the authorities in Tripoli\n12 Interview with officials, 3 May."  # a footnote's number
    quote = "The Panel met the authorities in Tripoli"
    c = cite_sentence(_hit(page, [quote], "S/2025/1"), 0, len(quote), "1", lambda doc_id, pg: page)
    assert c is not None and not c.cut_after


def test_a_statement_paragraph_is_shown_without_the_quotation_mark_it_opens() -> None:
    """A presidential statement is printed as a quotation: each paragraph opens with “ and the last one closes it.
    Set inside the answer's own marks, a browser walk's export read ““The Security Council condemns …”."""
    records = Path(__file__).parent / "fixtures" / "akn" / "sc_documents_sample.jsonl"
    prst = next(d for d in iter_jsonl(records) if d.symbol == "S/PRST/2024/3")
    page = prst.page_text(None)
    block = next(b for b in prst.blocks if b.text.startswith("“The Security Council welcomes the reports"))
    sentence = block.text[:block.text.index(" The Security Council recognises")]
    c = cite_sentence(_hit(page, [block.text], "S/PRST/2024/3"), 0, len(sentence), "1", lambda doc_id, pg: page)
    assert c is not None and c.quote.startswith("“The Security Council welcomes")  # stored verbatim
    assert c.shown_quote().startswith("The Security Council welcomes the reports")
    answer = Answer(question="q", answer="a", abstained=False, citations=[c], hits=[])
    assert "““" not in answer_markdown(answer) and "> The Security Council welcomes" in answer_markdown(answer)
    assert "“The Security Council welcomes" in card_html(card_from_citation(c))
    assert "““" not in card_html(card_from_citation(c))
    # A quoted term inside the quote keeps its marks, and so does a quote that opens with one.
    assert c.shown_quote().count("“") == c.quote.count("“") - 1
    terms = "“conflict minerals” like tin and “blood diamonds”"
    assert elided(terms) == terms
    assert elided("“The Council condemns “conflict minerals”.”") == "The Council condemns “conflict minerals”."
    assert elided("as set out in A/RES/70/304.”") == "as set out in A/RES/70/304."
