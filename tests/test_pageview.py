"""The page viewer's model and renders, and the tracker's paragraphs found on a resolution's PDF pages.

Real PDFs (ingest/samples) rendered by PDFium in the limited child processes; a real index of S/RES/2781 (2025)
ingested twice over: its bulk XML (tests/fixtures/akn/pdfcopy) and its PDF. Paragraph 1 of that resolution is
printed over pages 4-5.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.mandates import MandateIndex
from briefbot.service import Briefbot
from briefbot.textmatch import locate
from briefbot.web.pagepanel import page_target
from briefbot.web.pdfview import DEFAULT_ZOOM, ZOOMS, PageTarget, PageView, render_page, render_view
from briefbot.web.views import Card, card_from_citation

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "ingest" / "samples" / "S_RES_2781_2025.pdf"
XML = ROOT / "tests" / "fixtures" / "akn" / "pdfcopy"
MALI = ROOT / "tests" / "fixtures" / "akn" / "mandates"
SYMBOL = "S/RES/2781 (2025)"


def _yellow_rows(image: Image.Image) -> np.ndarray:
    """Rows of ``image`` with highlight-yellow pixels."""
    px = np.asarray(image.convert("RGB")).astype(int)
    yellow = (px[..., 0] > 200) & (px[..., 1] > 170) & (px[..., 2] < 160)
    return np.flatnonzero(yellow.sum(axis=1) > 20)


# --- the view model -----------------------------------------------------------------------------------------
def _target(first: int = 4, last: int = 5) -> PageTarget:
    return PageTarget("x.pdf", "S/RES/1 (2025), para. 1, pp. 4-5", None, first, last,
                      {p: (f"part {p}", None) for p in range(first, last + 1)})


def test_view_opens_on_the_citations_pages_and_steps_one_page_at_a_time() -> None:
    view = PageView.open(_target(), pages=7)
    assert (view.first, view.last, view.zoom, view.scale) == (4, 5, DEFAULT_ZOOM, 1.5)
    assert "pp. 4-5 of 7" in view.label()
    after = view.step(1)
    assert (after.first, after.last) == (6, 6) and after.quote_on(6) == (None, None)
    back = after.step(-1)
    assert (back.first, back.last) == (5, 5) and back.quote_on(5) == ("part 5", None)
    assert view.step(-1).shown == [3]
    # At either end of the document a step stays where it is.
    last = PageView.open(_target(7, 7), pages=7)
    assert last.step(1) == last
    first = PageView.open(_target(1, 1), pages=7)
    assert first.step(-1) == first


def test_zoom_moves_through_its_steps_and_stops_at_the_ends() -> None:
    view = PageView.open(_target(), pages=7)
    assert view.zoomed(1).zoom > view.zoom > view.zoomed(-1).zoom
    biggest = view
    for _ in range(len(ZOOMS) + 2):
        biggest = biggest.zoomed(1)
    assert biggest.zoom == max(ZOOMS) and biggest.zoomed(1) == biggest
    assert "zoom 100 %" in view.label() and "zoom 200 %" in view.zoomed(1).zoomed(1).label()
    # Zoomed out the page is rendered as sharp as at the panel's width; zoomed in, with more pixels (capped).
    assert view.zoomed(-1).scale == view.scale < view.zoomed(1).scale <= biggest.scale


def test_locate_maps_normalised_matches_back_to_original_characters() -> None:
    text = "Decides to renew until 31 May 2026 the “measures”\non the supply, sale or trans-\nfer of arms"
    span = locate(list(text), 'the "measures" on the supply, sale or transfer of arms')
    assert span is not None and text[span[0]:span[1] + 1].startswith("the “measures”")
    assert text[span[1]] == "s" and span[1] == len(text) - 1
    assert locate(list(text), "not in this text at all") is None


# --- renders ------------------------------------------------------------------------------------------------
def test_a_two_page_view_stacks_both_pages_each_highlighted() -> None:
    one, _ = render_page(PDF, 4, None)
    # Paragraph 1's end on page 5 and its beginning on page 4 (the parts a stitched citation carries).
    parts = {4: ("Decides to renew until 31 May 2026 the measures on arms imposed by paragraph 4 of resolution", None),
             5: ("agreement, and related technical assistance", None)}
    target = PageTarget(PDF.name, f"{SYMBOL}, para. 1, pp. 4-5", None, 4, 5, parts)
    image, found = render_view(PDF, PageView.open(target, pages=7))
    assert found == [4, 5]
    assert image.width == one.width and image.height > 2 * one.height  # both pages, one under the other
    rows = _yellow_rows(image)
    assert rows.size and rows.min() < one.height < rows.max(), "a highlight on each of the two pages"
    # Zoomed in, the same view is rendered larger.
    bigger, _ = render_view(PDF, PageView.open(target, pages=7).zoomed(1))
    assert bigger.width > image.width


# --- a tracked paragraph on its PDF pages -------------------------------------------------------------------
@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    root = tmp_path_factory.mktemp("pdfcopy")
    shutil.copytree(XML, root / "xml")
    shutil.copytree(MALI, root / "mali")
    shutil.copy(PDF, root / PDF.name)
    settings = Settings(index=root / "index", engine="extractive", llm_provider=None, llm_model=None)
    report = ingest_paths([root / "xml" / "xml_en", root / "mali" / "xml_en", root / PDF.name], settings)
    assert not report.failed, [(r.path, r.reason) for r in report.failed]
    return Briefbot(settings)


@pytest.fixture(scope="module")
def mandates(bot: Briefbot) -> MandateIndex:
    return bot.mandates()


def test_the_tracker_reads_the_xml_and_cites_the_pdf_pages(bot: Briefbot, mandates: MandateIndex) -> None:
    paras = {p.paragraph: p for p in mandates.paragraphs(SYMBOL)}
    para = paras["1"]
    assert para.page is None  # read from the bulk XML: one text, no pages
    cite = mandates.pdf_citation(para)
    assert cite is not None
    assert cite.document == PDF.name and (cite.page, cite.page_end) == (4, 5)
    assert cite.reference() == f"{SYMBOL}, para. 1, pp. 4-5"
    assert [p for p, _ in cite.parts] == [4, 5]
    for page, part in cite.parts:  # each part verbatim on its own page, as chat citations are checked
        assert part in bot.page_text(PDF.name, page)
    assert cite.parts[0][1].startswith("1. Decides to renew until 31 May 2026")  # the number as printed
    assert cite.quote.endswith(";")  # the closing punctuation is quoted too
    # A one-page paragraph: one page, quoted verbatim at its offset.
    one = mandates.pdf_citation(paras["2"])
    assert one is not None and one.page_end is None and one.page is not None and one.start is not None
    assert bot.page_text(PDF.name, one.page)[one.start:one.end] == one.quote


def test_a_resolution_without_a_pdf_is_cited_from_its_xml(mandates: MandateIndex) -> None:
    para = mandates.paragraphs("S/RES/2480 (2019)")[0]
    assert mandates.pdf_citation(para) is None


def test_page_target_of_a_stitched_citation_places_each_part_on_its_page(bot: Briefbot,
                                                                         mandates: MandateIndex) -> None:
    cite = mandates.pdf_citation({p.paragraph: p for p in mandates.paragraphs(SYMBOL)}["1"])
    assert cite is not None
    card = card_from_citation(cite)
    assert card.reference() == f"{SYMBOL}, para. 1, pp. 4-5"
    target = page_target(bot, card)
    assert (target.first, target.last) == (4, 5)
    for page, (quote, hint) in target.parts.items():
        assert quote in bot.page_text(PDF.name, page) and hint is not None and 0 <= hint < 1
    _, found = render_view(bot.document_path(PDF.name) or PDF, PageView.open(target, pages=7))
    assert found == [4, 5]
    # A single-page card keeps its one page.
    single = Card(key="1", doc_id=PDF.name, symbol=SYMBOL, title=None, doc_type=None, date=None, page=2,
                  paragraph="PP9", quote=bot.page_text(PDF.name, 2)[:80].strip())
    assert (page_target(bot, single).first, page_target(bot, single).last) == (2, 2)


def test_a_relative_xml_path_is_found_beside_the_index_or_reported_missing(bot: Briefbot,
                                                                           mandates: MandateIndex) -> None:
    import dataclasses

    from briefbot.mandates.corpus import read_resolution, source_path

    info = next(d for d in bot.library() if d.symbol == SYMBOL and d.file_name.endswith(".xml"))
    index_parent = Path(bot.settings.index).resolve().parent
    xml = source_path(bot.store, info)
    assert xml is not None and xml.is_file()
    # As the catalog holds it when ingest ran elsewhere: relative to a folder that is not this process's.
    relative = dataclasses.replace(info, path=str(xml.resolve().relative_to(index_parent)))
    assert not Path(relative.path or "").is_file()
    found = source_path(bot.store, relative)
    assert found is not None and found.resolve() == xml.resolve()
    rec = read_resolution(bot.store, relative)
    assert rec is not None and not rec.xml_missing and rec.subjects  # metadata from data_extract beside the XML
    gone = read_resolution(bot.store, dataclasses.replace(info, path="nowhere/S_RES-2781-2508481E.xml"))
    assert gone is not None and gone.xml_missing and not gone.subjects


def test_mandate_answers_cite_the_pdf_page_when_the_index_holds_it(bot: Briefbot) -> None:
    answer = bot.ask("Since when has the South Sudan sanctions regime addressed corruption?")
    assert answer.engine == "mandates", answer.answer
    # The tracker's own citations (the retrieved passages' quotes follow them, numbered on).
    tracker = set(re.findall(r"\[(\d+)\]", answer.answer.partition("From the retrieved passages:")[0]))
    on_pdf = [c for c in answer.citations if c.document == PDF.name and c.key in tracker]
    assert on_pdf, [c.to_dict() for c in answer.citations]
    for c in on_pdf:
        assert c.page is not None and len(c.quote) <= 420
        for page, part in c.parts or [(c.page, c.quote)]:
            assert part in bot.page_text(PDF.name, page)  # verbatim on its page, as every chat quote
