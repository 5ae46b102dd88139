"""A PDF page as an image with a quote highlighted where it is printed.

The citation's offsets point into the *cleaned* page text (running heads removed, hyphenation undone), not into
PDFium's character list, so the quote is located again on the page: both texts are reduced to lower-case letters
and digits with a map back to PDFium character indices, which survives line breaks, hyphens and ligatures.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw

log = logging.getLogger(__name__)

HIGHLIGHT = (255, 214, 0, 110)  # translucent yellow over the text
OUTLINE = (230, 140, 0, 255)
# PDFium is not thread-safe and the server answers several sessions from worker threads.
_PDFIUM_LOCK = threading.Lock()
_ANCHOR = 40  # normalised characters used to find a quote's start and end when the whole quote does not match


def _normalise(chars: list[str]) -> tuple[str, list[int]]:
    """Letters and digits of ``chars`` (NFKC, lower case) and, for each, the index of the char it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(chars):
        for c in unicodedata.normalize("NFKC", ch):
            if c.isalnum():
                out.append(c.lower())
                where.append(i)
    return "".join(out), where


def _nearest(text: str, needle: str, hint: float | None) -> int:
    """Index of the occurrence of ``needle`` closest to relative position ``hint`` (first one without a hint)."""
    found = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    if not found:
        return -1
    if hint is None:
        return found[0]
    target = hint * len(text)
    return min(found, key=lambda a: abs(a - target))


def locate(page_chars: list[str], quote: str, hint: float | None = None) -> tuple[int, int] | None:
    """First and last page character index of ``quote`` (inclusive), or None when it is not on the page.

    ``hint`` (0..1) is the quote's relative position in the page text, used when the quote occurs twice.
    """
    text, where = _normalise(page_chars)
    needle, _ = _normalise(list(quote))
    if not needle or not text:
        return None
    at = _nearest(text, needle, hint)
    if at >= 0:
        return where[at], where[at + len(needle) - 1]
    if len(needle) < 2 * _ANCHOR:
        return None
    # The middle may differ (a footnote marker, a column break): match both ends instead.
    head = _nearest(text, needle[:_ANCHOR], hint)
    if head < 0:
        return None
    tail = text.find(needle[-_ANCHOR:], head + _ANCHOR)
    if tail < 0 or tail - head > 2 * len(needle):
        return None
    return where[head], where[tail + _ANCHOR - 1]


def _page_chars(textpage: pdfium.PdfTextPage) -> list[str]:
    # FPDFText_GetUnicode indexes the same character list as the geometry calls (get_text_range may not).
    return [chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 32) for i in range(textpage.count_chars())]


def _rects(textpage: pdfium.PdfTextPage, first: int, last: int) -> list[tuple[float, float, float, float]]:
    """Line boxes (left, bottom, right, top in PDF units) covering characters ``first..last``."""
    n = textpage.count_rects(first, last - first + 1)
    return _lines([textpage.get_rect(i) for i in range(n)])


def _lines(rects: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Merge boxes on the same printed line into one, so a line reads as one even highlight without seams."""
    lines: list[list[float]] = []
    for x0, y0, x1, y1 in sorted(rects, key=lambda r: (-r[3], r[0])):
        for line in lines:
            overlap = min(y1, line[3]) - max(y0, line[1])
            if overlap > 0.5 * min(y1 - y0, line[3] - line[1]):
                line[:] = [min(x0, line[0]), min(y0, line[1]), max(x1, line[2]), max(y1, line[3])]
                break
        else:
            lines.append([x0, y0, x1, y1])
    return [(a, b, c, d) for a, b, c, d in lines]


def render_page(pdf: Path, page: int, quote: str | None = None, scale: float = 1.5,
                hint: float | None = None) -> tuple[Image.Image, bool]:
    """Page ``page`` (1-based) of ``pdf`` rendered at ``scale``, with ``quote`` highlighted.

    Returns the image and whether the quote was found on the page.
    """
    with _PDFIUM_LOCK:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            if not 1 <= page <= len(doc):
                raise ValueError(f"page {page} is outside 1..{len(doc)}")
            pdf_page = doc[page - 1]
            image = pdf_page.render(scale=scale).to_pil().convert("RGBA")
            # Render coordinates start at the crop box's top-left corner.
            left, _bottom, _right, top = pdf_page.get_cropbox()
            rects: list[tuple[float, float, float, float]] = []
            if quote and pdf_page.get_rotation() == 0:
                textpage = pdf_page.get_textpage()
                span = locate(_page_chars(textpage), quote, hint)
                if span:
                    # count_rects with default arguments first: PDFium's get_rect needs it.
                    textpage.count_rects()
                    rects = _rects(textpage, *span)
        finally:
            doc.close()
    if rects:
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for x0, y0, x1, y1 in rects:
            box = ((x0 - left) * scale - 2, (top - y1) * scale - 2, (x1 - left) * scale + 2, (top - y0) * scale + 2)
            draw.rectangle(box, fill=HIGHLIGHT)
        xs0 = min(r[0] for r in rects)
        ys0 = min(r[1] for r in rects)
        ys1 = max(r[3] for r in rects)
        # A bar in the margin makes the passage easy to find on a full-page view.
        bar_x = max((xs0 - left) * scale - 10, 2)
        draw.rectangle((bar_x - 3, (top - ys1) * scale - 2, bar_x, (top - ys0) * scale + 2), fill=OUTLINE)
        image = Image.alpha_composite(image, overlay)
    return image.convert("RGB"), bool(rects)
