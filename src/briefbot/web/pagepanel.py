"""The page panel beside citations (chat cards and the Mandates tab): a citation's page image with its quote
highlighted, previous/next page and zoom; a paragraph that has no PDF page is shown as its text instead.

Wiring only: what a view shows and how it moves is :class:`.pdfview.PageView`, rendering is
:func:`.pdfview.render_view` (limited child processes), and the document is resolved through the catalog.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from ..access import AccessScope
from ..config import Settings
from ..errors import BriefbotError
from ..mdtext import md_text
from ..service import Briefbot
from .access import scope_of
from .pdfview import DEFAULT_ZOOM, ZOOMS, PageTarget, PageView, RenderLimits, render_view
from .serving import TempFiles, resolve_pdf
from .views import Card

log = logging.getLogger(__name__)

# The page is shown at the zoom's share of the panel's width inside a scrolling box (a class per zoom step sets
# it), not fitted into the box, which would undo the zoom.
CSS = """
.gradio-container { overflow: clip !important; }  /* clips like hidden, but lets the page columns stay in view */
#mandate-page-column { position: sticky; top: 8px; align-self: flex-start; }
.bb-page-image .image-container { overflow: auto; max-height: 72vh; height: auto !important; }
.bb-page-image .image-container button { display: block !important; width: 100% !important; height: auto !important; }
.bb-page-image .image-frame { display: block !important; height: auto !important; width: 100%; }
.bb-page-image .image-frame img { width: 100% !important; height: auto !important; max-width: none !important;
  max-height: none !important; object-fit: contain !important; }
""" + "".join(f".bb-zoom-{round(z * 100)} .image-frame {{ width: {round(z * 100)}% !important; }}\n"
            for z in ZOOMS) + """
.bb-page-text { max-height: 60vh; overflow: auto; border-left: 4px solid #8a8f98; padding: 4px 10px; }
"""


def page_target(bot: Briefbot, card: Card, scope: AccessScope | None = None) -> PageTarget:
    """What the panel opens for ``card``: its page(s), and each page's part of the quote with where it sits."""
    assert card.page is not None
    parts = [(p, q) for p, q in card.parts if p is not None] or [(card.page, card.quote)]
    located: dict[int, tuple[str, float | None]] = {}
    for page, quote in parts:
        text = bot.page_text(card.doc_id, page, scope)
        at = card.start if page == card.page and card.start is not None else text.find(quote)
        located[page] = (quote, at / len(text) if text and at is not None and at >= 0 else None)
    return PageTarget(card.doc_id, card.reference(), card.title, min(located), max(located), located)


def _passage_of(bot: Briefbot, card: Card, scope: AccessScope) -> str | None:
    """The indexed passage of ``card``'s document holding its quote (else its paragraph), or None."""
    chunks = bot.passages(card.doc_id, scope)
    found = next((c for c in chunks if card.quote and card.quote in c.text), None) or next(
        (c for c in chunks if card.paragraph and c.paragraph == card.paragraph), None)
    return found.text if found is not None else None


_GAP_PX = 16  # the theme's gap between a row's items (--layout-gap)


def pair_px(button_px: int, second_px: int | None = None) -> int:
    """The least width of a column holding two buttons of at least these widths side by side (a row's gap apart):
    a narrower column would wrap them one under the other."""
    return button_px + (second_px or button_px) + _GAP_PX


_UNCHANGED = (gr.skip(),) * 4  # the page buttons, in a hidden row: set again with the next page shown


def _image(path: str | None, zoom: float = DEFAULT_ZOOM) -> Any:
    """The image update: the file, and the class that sets its displayed width for the zoom."""
    return gr.Image(value=path, elem_classes=["bb-page-image", f"bb-zoom-{round(zoom * 100)}"], visible=True)


def _where(view: PageView, found: list[int]) -> str:
    """Where the caption says the quote is on the pages shown."""
    t = view.target
    cited = [p for p in view.shown if p in t.parts]
    if not cited:
        return "the cited text is on " + (f"p. {t.first}" if t.first == t.last else f"pp. {t.first}-{t.last}")
    if set(cited) <= set(found):
        return "quote highlighted" + (f" on pp. {cited[0]}-{cited[-1]}" if len(cited) > 1 else "")
    if found:
        return f"quote highlighted on p. {', '.join(map(str, found))} only"
    return "the quote could not be located on the page image"


@dataclass
class PagePanel:
    """The panel's components; ``outputs`` is what :meth:`open_card` / :meth:`open_text` return, in order."""

    state: gr.State
    caption: gr.Markdown
    image: gr.Image
    text: gr.Markdown
    nav: gr.Row  # previous / next page and zoom: shown only with a page image, so they are never pressed for nothing
    buttons: tuple[gr.Button, gr.Button, gr.Button, gr.Button]  # previous, next, zoom out, zoom in
    bot: Briefbot
    settings: Settings
    tmp: TempFiles

    @property
    def outputs(self) -> list[Any]:
        return [self.state, self.image, self.caption, self.text, self.nav, *self.buttons]

    def _message(self, reference: str, message: str) -> tuple[Any, ...]:
        return (None, gr.Image(value=None, visible=False), f"**{md_text(reference)}** — {md_text(message)}",
                gr.Markdown(visible=False), gr.Row(visible=False), *_UNCHANGED)

    def show(self, view: PageView | None, scope: AccessScope) -> tuple[Any, ...]:
        """Render ``view``: the image, and a caption saying where the quote is highlighted and which pages show.
        Only a document ``scope`` reads (whatever the session holds); each page shown goes to the audit log."""
        if view is None:
            return (gr.skip(),) * len(self.outputs)
        t = view.target
        try:
            info = self.bot.document(t.doc_id, scope)
            pdf = resolve_pdf(self.bot, t.doc_id)
            image, found = render_view(pdf, view, RenderLimits.from_settings(self.settings))
        except (BriefbotError, ValueError) as exc:  # too large, too slow, gone: said in place of the image
            return self._message(t.reference, str(exc))
        except Exception:
            log.exception("rendering %s pp. %s-%s failed", t.doc_id, view.first, view.last)
            return self._message(t.reference, "this page could not be rendered.")
        png = io.BytesIO()
        image.save(png, format="PNG")
        pages = f"p{view.first}" + (f"-{view.last}" if view.last != view.first else "")
        path = self.tmp.write_bytes(f"{Path(pdf.name).stem}-{pages}.png", png.getvalue())
        self.bot.audit.record(scope.user, "open", document=t.doc_id, page=view.first)
        where = _where(view, found)
        if not found and set(view.shown) & set(info.ocr_pages):  # a scan has no text layer to find the quote in
            where = "scanned page: the quote is OCR text of this image and is not highlighted"
        title = f" · {md_text(t.title)}" if t.title else ""
        caption = f"**{md_text(t.reference)}**{title} — {where} · {view.label()}"
        # At the first or last page, or the smallest or largest zoom, its button is disabled: it did nothing.
        return (view, _image(str(path), view.zoom), caption, gr.Markdown(visible=False), gr.Row(visible=True),
                *(gr.update(interactive=can) for can in view.moves()))

    def open_card(self, card: Card, scope: AccessScope) -> tuple[Any, ...]:
        """The card's page(s), or a line saying why there is no page to show."""
        ref = card.reference()
        try:
            info = self.bot.document(card.doc_id, scope)
        except BriefbotError as exc:
            return self._message(ref, str(exc))
        try:
            resolve_pdf(self.bot, card.doc_id)
        except BriefbotError as exc:
            passage = _passage_of(self.bot, card, scope) if info.source == "bulk" else None
            if passage is None:
                return self._message(ref, str(exc))
            # A Council record read from XML or the JSONL has no page: its passage as the record prints it, the
            # quote in bold, as the Mandates tab shows an XML paragraph.
            return self.open_text(ref, "no PDF of this document is indexed; the passage as the Council's record "
                                  "prints it, the quote in bold:", passage, card.quote)
        if card.page is None:
            return self._message(ref, "no page number for this passage.")
        try:
            pages = self.bot.document(card.doc_id, scope).pages or card.page
            target = page_target(self.bot, card, scope)
        except BriefbotError as exc:
            return self._message(ref, str(exc))
        return self.show(PageView.open(target, pages), scope)

    def open_text(self, reference: str, note: str, text: str, quote: str = "") -> tuple[Any, ...]:
        """A paragraph without a PDF page: its reference, a note on where the text comes from, the text (``quote``
        in it in bold, when found)."""
        caption = f"**{md_text(reference)}** — {md_text(note)}"
        at = text.find(quote) if quote else -1
        body = (md_text(text) if at < 0 else
                f"{md_text(text[:at])}**{md_text(quote)}**{md_text(text[at + len(quote):])}")
        # No empty image frame above the text.
        return (None, gr.Image(value=None, visible=False), caption, gr.Markdown(value=body, visible=True),
                gr.Row(visible=False), *_UNCHANGED)

    def into_view_js(self) -> str:
        """Browser code for after a page is opened: the panel is brought into the window when its caption is out
        of sight. On a phone the panel stands under everything else, and a selected citation or paragraph opened
        its page below the window, as if nothing happened (a browser walk's find); beside the cards it is in
        view and nothing moves."""
        return ("() => { const c = document.querySelector('#" + str(self.caption.elem_id) + "'); if (!c) return;"
                " const r = c.getBoundingClientRect();"
                " if (r.top < 0 || r.top > window.innerHeight - 80) c.scrollIntoView({block: 'start'}); }")

    def step(self, view: PageView | None, delta: int, scope: AccessScope) -> tuple[Any, ...]:
        return self.show(view.step(delta), scope) if view is not None else (gr.skip(),) * len(self.outputs)

    def zoom(self, view: PageView | None, delta: int, scope: AccessScope) -> tuple[Any, ...]:
        return self.show(view.zoomed(delta), scope) if view is not None else (gr.skip(),) * len(self.outputs)


def page_panel(bot: Briefbot, settings: Settings, tmp: TempFiles, prefix: str = "page",
               intro: str = "Select a citation to see its page.") -> PagePanel:
    """Lay out the panel (inside the caller's column) and wire its buttons. Element ids start with ``prefix``:
    ``-caption``, ``-image``, ``-text``, ``-prev``, ``-next``, ``-zoom-out``, ``-zoom-in``."""
    private: dict[str, Any] = {"api_visibility": "private"}
    state = gr.State(None)
    caption = gr.Markdown(intro, elem_id=f"{prefix}-caption")
    # The buttons go in pairs: four in a row left "+ Zoom in" alone on a line of its own at 1024 and 390 px (a
    # browser walk's find); a short row now puts the zoom pair under the page pair.
    with gr.Row(equal_height=True, visible=False, elem_id=f"{prefix}-nav") as nav:
        with gr.Column(min_width=pair_px(80)), gr.Row(equal_height=True):
            prev = gr.Button("◀ Previous page", size="sm", min_width=80, elem_id=f"{prefix}-prev")
            nxt = gr.Button("Next page ▶", size="sm", min_width=80, elem_id=f"{prefix}-next")
        with gr.Column(min_width=pair_px(70)), gr.Row(equal_height=True):
            out = gr.Button("− Zoom out", size="sm", min_width=70, elem_id=f"{prefix}-zoom-out")
            into = gr.Button("+ Zoom in", size="sm", min_width=70, elem_id=f"{prefix}-zoom-in")
    # Hidden until a citation is picked: an empty image component draws a frame with a broken-picture icon.
    image = gr.Image(type="filepath", interactive=False, show_label=False, elem_id=f"{prefix}-image",
                     elem_classes=["bb-page-image", "bb-zoom-100"], buttons=["fullscreen"], visible=False)
    text = gr.Markdown(visible=False, elem_id=f"{prefix}-text", elem_classes=["bb-page-text"])
    panel = PagePanel(state, caption, image, text, nav, (prev, nxt, out, into), bot, settings, tmp)

    def previous_page(view: PageView | None, request: gr.Request) -> tuple[Any, ...]:
        return panel.step(view, -1, scope_of(bot, request))

    def next_page(view: PageView | None, request: gr.Request) -> tuple[Any, ...]:
        return panel.step(view, 1, scope_of(bot, request))

    def zoom_out(view: PageView | None, request: gr.Request) -> tuple[Any, ...]:
        return panel.zoom(view, -1, scope_of(bot, request))

    def zoom_in(view: PageView | None, request: gr.Request) -> tuple[Any, ...]:
        return panel.zoom(view, 1, scope_of(bot, request))

    for button, fn in ((prev, previous_page), (nxt, next_page), (out, zoom_out), (into, zoom_in)):
        button.click(fn, [state], panel.outputs, **private)
    return panel
