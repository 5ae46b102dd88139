"""A PDF page as an image with a quote highlighted where it is printed.

Pages are rendered in child processes with an address-space cap and a time limit, and pages larger than a cap
(in points) are refused before rendering: a 622-byte PDF with a 14,400-point page took 5.4 GB and 13.9 s inside the
web server. A refused or failed render raises RenderRefused, whose message the page view shows instead of the
image. Renders run side by side (PDFium is not thread-safe, so each child renders one page at a time).

The citation's offsets point into the *cleaned* page text (running heads removed, hyphenation undone), not into
PDFium's character list, so the quote is located again on the page: both texts are reduced to lower-case letters
and digits with a map back to PDFium character indices, which survives line breaks, hyphens and ligatures.

A page *view* (:class:`PageView`) is what the page panel shows: a citation's page or pages (a quote over a page
break shows both pages, each with its part highlighted), then whatever page the reader steps to, at a zoom.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import threading
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw

from ..errors import BriefbotError
from ..textmatch import locate

log = logging.getLogger(__name__)

HIGHLIGHT = (255, 214, 0, 110)  # translucent yellow over the text
OUTLINE = (230, 140, 0, 255)
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


class RenderRefused(BriefbotError):
    """A page that is not rendered (too large, too slow, too much memory); the message replaces the image."""

    remedy = "read the passage text on the card, or download the PDF"


@dataclass(frozen=True, slots=True)
class RenderLimits:
    """Bounds of one page render (Settings: render_memory_mb, render_timeout_s, render_max_page_pt)."""

    memory_mb: float = 1024.0
    timeout_s: float = 20.0
    max_page_pt: float = 3500.0  # A0 is 2,384 x 3,370 pt; UN documents are A4 or letter

    @classmethod
    def from_settings(cls, settings: Any) -> RenderLimits:
        return cls(settings.render_memory_mb, settings.render_timeout_s, settings.render_max_page_pt)


def render_page(pdf: Path, page: int, quote: str | None = None, scale: float = 1.5,
                hint: float | None = None, limits: RenderLimits | None = None) -> tuple[Image.Image, bool]:
    """Page ``page`` (1-based) of ``pdf`` rendered at ``scale``, with ``quote`` highlighted, in a child process.

    Returns the image and whether the quote was found on the page; raises RenderRefused with a message for the
    reader when the page is too large or the render breaks its limits, ValueError for a page outside the document.
    """
    limits = limits or RenderLimits()
    status, payload = _RENDERERS.run((str(pdf), page, quote, scale, hint, limits.max_page_pt), limits)
    if status == "ok":
        mode, size, data, found = payload
        return Image.frombytes(mode, size, data), found
    if status == "value":
        raise ValueError(payload)
    raise RenderRefused(payload)


def _render(pdf: Path, page: int, quote: str | None, scale: float, hint: float | None,
            max_page_pt: float) -> tuple[Image.Image, bool]:
    """The render itself (in a child process)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        if not 1 <= page <= len(doc):
            raise ValueError(f"page {page} is outside 1..{len(doc)}")
        pdf_page = doc[page - 1]
        width, height = pdf_page.get_size()
        if max(width, height) > max_page_pt:
            raise RenderRefused(f"page {page} is {width:,.0f} x {height:,.0f} points, larger than the "
                                f"{max_page_pt:,.0f}-point limit for page images (render_max_page_pt)")
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


def _worker(conn: Connection, memory_mb: float) -> None:
    from ..parse.isolate import limit_memory

    limit_memory(memory_mb)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            image, found = _render(Path(job[0]), *job[1:])
            conn.send(("ok", (image.mode, image.size, image.tobytes(), found)))
        except RenderRefused as exc:
            conn.send(("refused", exc.message))
        except ValueError as exc:
            conn.send(("value", str(exc)))
        except MemoryError:
            conn.send(("refused", _too_big(memory_mb)))
        except Exception as exc:  # a damaged PDF: one line for the reader, the server goes on
            conn.send(("refused", f"this page could not be rendered ({type(exc).__name__}: {exc})"[:300]))


def _too_big(memory_mb: float) -> str:
    return f"this page needs more than the {memory_mb:g} MB allowed for a page image (render_memory_mb)"


class _Child:
    def __init__(self, ctx: Any, memory_mb: float) -> None:
        self.memory_mb = memory_mb
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, memory_mb), daemon=True, name="briefbot-render")
        self.proc.start()
        child.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.proc.join(timeout=2)
        self.kill()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


class _Renderers:
    """Render children: a render takes an idle one or starts one, so renders never wait on each other; a few
    stay idle for the next clicks, and one that breaks a limit is killed, not reused."""

    idle_max = 2

    def __init__(self) -> None:
        self._idle: list[_Child] = []
        self._lock = threading.Lock()  # guards the idle list only, never held during a render
        self._ctx: Any = None

    def run(self, job: tuple[Any, ...], limits: RenderLimits) -> tuple[str, Any]:
        child = self._take(limits.memory_mb)
        try:
            child.conn.send(job)
            if not child.conn.poll(limits.timeout_s):
                child.kill()
                return "refused", f"rendering this page took longer than {limits.timeout_s:g} s (render_timeout_s)"
            result: tuple[str, Any] = child.conn.recv()
        except (EOFError, OSError):  # the child died: PDFium aborts when an allocation fails under the cap
            child.proc.join(timeout=2)
            code = child.proc.exitcode
            child.kill()
            log.warning("page render child exited with code %s", code)
            return "refused", _too_big(limits.memory_mb) if code and code < 0 else \
                f"the page renderer stopped (exit code {code})"
        self._give(child)
        return result

    def _take(self, memory_mb: float) -> _Child:
        with self._lock:
            while self._idle:
                child = self._idle.pop()
                if child.proc.is_alive() and child.memory_mb == memory_mb:
                    return child
                child.kill()
            if self._ctx is None:
                # forkserver: children start clean, without the server's threads (fork after threads can deadlock).
                self._ctx = mp.get_context("forkserver")
        return _Child(self._ctx, memory_mb)

    def _give(self, child: _Child) -> None:
        with self._lock:
            if len(self._idle) < self.idle_max:
                self._idle.append(child)
                return
        child.stop()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for child in idle:
            child.stop()


_RENDERERS = _Renderers()


# --- page views ---------------------------------------------------------------------------------------------
# Zoom is the page's displayed width as a share of the panel's width (1.0: the page fits it); the page is rendered
# with enough pixels for that width, up to a scale (1.0 = 72 dpi) that keeps renders within their limits.
ZOOMS = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
DEFAULT_ZOOM = 1.0
BASE_SCALE = 1.5  # sharp at the panel's width on a high-density screen
MAX_SCALE = 3.0
_GAP = 14  # pixels between stacked pages


@dataclass(frozen=True, slots=True)
class PageTarget:
    """A citation as the page panel opens it: a document, the page(s) it covers and the quote part printed on
    each of them, with its relative position on that page (the hint that picks one of two occurrences)."""

    doc_id: str
    reference: str  # "S/RES/2781 (2025), para. 1, pp. 4-5"
    title: str | None
    first: int
    last: int
    parts: dict[int, tuple[str, float | None]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PageView:
    """Pages ``first..last`` of a target's document (of ``pages``) at render scale ``zoom``."""

    target: PageTarget
    pages: int
    first: int
    last: int
    zoom: float = DEFAULT_ZOOM

    @classmethod
    def open(cls, target: PageTarget, pages: int, zoom: float = DEFAULT_ZOOM) -> PageView:
        """The citation's own pages (at most the document's last page)."""
        pages = max(pages, target.last, 1)
        return cls(target, pages, target.first, target.last, zoom)

    def step(self, delta: int) -> PageView:
        """One page on (``delta`` > 0) from the last page shown, or back from the first; stays at either end."""
        page = self.last + 1 if delta > 0 else self.first - 1
        return replace(self, first=page, last=page) if 1 <= page <= self.pages else self

    def zoomed(self, delta: int) -> PageView:
        """The next zoom step in (``delta`` > 0) or out; stays at either end."""
        at = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        return replace(self, zoom=ZOOMS[min(max(at + delta, 0), len(ZOOMS) - 1)])

    def moves(self) -> tuple[bool, bool, bool, bool]:
        """Whether previous page, next page, zoom out and zoom in would change anything (a button that would not
        is disabled rather than pressed for nothing)."""
        return self.first > 1, self.last < self.pages, self.zoom > ZOOMS[0], self.zoom < ZOOMS[-1]

    @property
    def shown(self) -> list[int]:
        return list(range(self.first, self.last + 1))

    def quote_on(self, page: int) -> tuple[str | None, float | None]:
        return self.target.parts.get(page, (None, None))

    @property
    def scale(self) -> float:
        """The render scale: sharp at the displayed width, within the render limits."""
        return min(BASE_SCALE * max(1.0, self.zoom), MAX_SCALE)

    def label(self) -> str:
        where = f"p. {self.first}" if self.first == self.last else f"pp. {self.first}-{self.last}"
        return f"{where} of {self.pages} · zoom {round(self.zoom * 100)} %"


def render_view(pdf: Path, view: PageView, limits: RenderLimits | None = None) -> tuple[Image.Image, list[int]]:
    """The pages of ``view`` rendered one under the other, each with its quote part highlighted; also the pages
    on which a quote part was found. Raises as :func:`render_page` (each page renders in a limited child)."""
    images: list[Image.Image] = []
    found: list[int] = []
    for page in view.shown:
        quote, hint = view.quote_on(page)
        image, ok = render_page(pdf, page, quote, scale=view.scale, hint=hint, limits=limits)
        images.append(image)
        if ok:
            found.append(page)
    if len(images) == 1:
        return images[0], found
    width = max(i.width for i in images)
    sheet = Image.new("RGB", (width, sum(i.height for i in images) + _GAP * (len(images) - 1)), (160, 160, 160))
    y = 0
    for image in images:
        sheet.paste(image, (0, y))
        y += image.height + _GAP
    return sheet, found
