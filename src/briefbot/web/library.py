"""The Library's document management: a document's passages as indexed, re-ingest, and its collection.

Wiring only: every action is a ``Briefbot`` call with the signed-in user's scope (``readable``), so a user sees and
manages only documents in collections they read, and each action is audited by the service. Writes (re-ingest)
run in this serving process, which holds the index's writer claim (indexlock.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gradio as gr

from ..errors import BriefbotError
from ..mdtext import md_text
from ..models import Chunk, DocInfo, paragraph_label
from ..service import Briefbot
from .access import scope_of
from .views import (
    LIBRARY_COLUMNS,
    clip,
    count,
    fitted_table_css,
    health_details,
    library_rows,
    shown_file,
    when,
    word_floor_css,
)

log = logging.getLogger(__name__)

PASSAGE_COLUMNS = ["#", "Page", "Paragraph", "Section", "Kind", "Text"]
# Columns sized by their words (views.fitted_table_css): fixed percentages broke "Paragraph" and "preamble" in two
# at 1280 px and every header a letter a line at 390 px (a browser walk's find).
PASSAGES_CSS = fitted_table_css("#manage-passages")
_PRIVATE: dict[str, Any] = {"api_visibility": "private"}


def passage_rows(chunks: list[Chunk]) -> list[list[Any]]:
    rows = []
    for c in chunks:
        pages = sorted({s.page for s in c.spans if s.page is not None})
        where = "" if not pages else str(pages[0]) if len(pages) == 1 else f"{pages[0]}–{pages[-1]}"
        rows.append([c.ordinal + 1, where, paragraph_label(c.paragraph) if c.paragraph else "", c.section or "",
                     c.kind, c.text])
    return rows


def document_label(d: DocInfo) -> str:
    """A resolution indexed as PDF and as Council XML read the same twice (a browser walk: which one is re-ingested
    or moved?): the file tells them apart, and the title is cut at a word."""
    return f"{d.symbol or d.file_name} — {clip(d.title or d.file_name, 60)} · {shown_file(d)} [{d.collection}]"


# What identifies a library row's document (its health and places may change with a re-ingest or a remove).
_ROW_KEY = [LIBRARY_COLUMNS.index(c) for c in ("Symbol", "Title", "Type", "Date", "Collection")]


def row_document(docs: list[DocInfo], row: list[Any] | None) -> str | None:
    """The doc id of the library row ``row`` (as the table shows it, sorted or searched: its Title cell names the
    file, so a resolution's PDF and its Council XML are told apart); None when no document matches any more."""
    if not row:
        return None
    key = [str(row[i]) if i < len(row) and row[i] is not None else "" for i in _ROW_KEY]
    for d, r in zip(docs, library_rows(docs), strict=True):
        if [str(r[i]) for i in _ROW_KEY] == key:
            return d.doc_id
    return None


def describe(d: DocInfo, older: bool = False) -> str:
    """A document's details: what the library table leaves out (pages, passages, file, the health in full)."""
    return (f"**{md_text(d.symbol or d.file_name)}** · {md_text(d.title or '')}  \n"
            f"Collection **{md_text(d.collection)}** · {count(d.pages, 'page')} · {count(d.chunks, 'passage')} · file "
            f"{md_text(d.file_name)} · ingested {md_text(when(d.ingested_at))}  \n"
            f"Health: {md_text(health_details(d, older))}")


@dataclass
class ManagePanel:
    doc: Any
    info: Any
    collection: Any
    status: Any
    passages: Any
    passages_fit: Any  # the passages table's word floors (a <style>)
    buttons: dict[str, Any]

    def wire(self, bot: Briefbot, demo: gr.Blocks, refresh: Any, library_fn: Callable[..., Any],
             library_outputs: list[Any], upload_collection: Any, library_table: Any) -> None:
        """Events: fill the pickers (and the upload's collection) on load, on the Library's Refresh and whenever the
        library table changes (an upload finished, a document removed); after a change, refresh the Library."""
        def choices(request: gr.Request) -> tuple[Any, Any, Any]:
            scope = scope_of(bot, request)
            docs = bot.library(scope)
            names = sorted(bot.collections(scope))
            first = "general" if scope.allows("general") else (names[0] if names else None)
            return (gr.Dropdown(choices=[(document_label(d), d.doc_id) for d in docs]),
                    gr.Dropdown(choices=names), gr.Dropdown(choices=names or ["general"], value=first))

        def pick(doc_id: str | None, request: gr.Request) -> tuple[Any, Any, Any]:
            if not doc_id:
                return "", gr.skip(), gr.Dataframe(visible=False)
            scope = scope_of(bot, request)
            try:
                info = bot.document(doc_id, scope)
            except BriefbotError as exc:
                return f"**Not available:** {md_text(str(exc))}", gr.skip(), gr.Dataframe(visible=False)
            older = info.doc_id in bot.read_by_older(scope)
            # A new value alone is an update: a Dropdown built with a value and no choices warns that the value is not
            # among its (empty) choices.
            return describe(info, older), gr.update(value=info.collection), gr.Dataframe(visible=False)

        def choose(doc_id: str | None, request: gr.Request) -> tuple[Any, Any, Any, Any]:
            """Another document picked: its details, and the status of the last one's action cleared ("250 passages
            of S_2025_239.pdf" stayed under the next document picked)."""
            return (*pick(doc_id, request), "")

        def forget_removed(doc_id: str | None, request: gr.Request) -> tuple[Any, Any, Any, Any]:
            """After the library changed: the panel clears when its document is gone, and stays as it is when not."""
            if doc_id:
                try:
                    bot.document(doc_id, scope_of(bot, request))
                    return gr.skip(), gr.skip(), gr.skip(), gr.skip()
                except BriefbotError:
                    pass
            return gr.Dropdown(value=None), "", gr.skip(), gr.Dataframe(value=None, visible=False)

        def show(doc_id: str | None, request: gr.Request) -> tuple[Any, Any, Any]:
            if not doc_id:
                return "Choose a document first.", gr.skip(), gr.skip()
            scope = scope_of(bot, request)
            try:
                chunks = bot.passages(doc_id, scope)
            except BriefbotError as exc:
                return f"**Not available:** {md_text(str(exc))}", gr.skip(), gr.skip()
            bot.audit.record(scope.user, "open", document=doc_id, view="passages")
            rows = passage_rows(chunks)
            return (f"{count(len(chunks), 'passage')} of {md_text(doc_id)}, as indexed.",
                    gr.Dataframe(value=rows, visible=True), word_floor_css("#manage-passages", rows))

        def reingest(doc_id: str | None, request: gr.Request) -> tuple[str, Any]:
            """The status and the document's details read again once the re-ingest is done (the old "ingested"
            time stayed until Refresh)."""
            if not doc_id:
                return "Choose a document first.", gr.skip()
            try:
                report = bot.reingest(doc_id, scope_of(bot, request), background=True)
            except BriefbotError as exc:
                return f"**Not re-ingested:** {md_text(str(exc))}", gr.skip()
            except Exception:
                log.exception("re-ingesting %s failed", doc_id)
                return "**Not re-ingested:** something went wrong; the server log has details.", gr.skip()
            r = report.results[0] if report.results else None
            if r is None or r.failed:
                return f"**Not re-ingested:** {md_text(r.reason if r else 'nothing to do')}", gr.skip()
            return (f"Re-ingested {md_text(doc_id)}: {count(r.pages, 'page')}, {count(r.chunks, 'passage')}.",
                    pick(doc_id, request)[0])

        def move(doc_id: str | None, collection: str | None, request: gr.Request) -> str:
            if not doc_id or not collection:
                return "Choose a document and a collection first."
            try:
                result = bot.set_collection([doc_id], collection, scope_of(bot, request))
            except BriefbotError as exc:
                return f"**Not moved:** {md_text(str(exc))}"
            return md_text(result.message())

        def open_row(evt: gr.SelectData, request: gr.Request) -> Any:
            """A library row selected: its document picked here, whose details show what the table leaves out."""
            return gr.update(value=row_document(bot.library(scope_of(bot, request)), evt.row_value))

        pickers = [self.doc, self.collection, upload_collection]
        demo.load(choices, None, pickers, **_PRIVATE)
        refresh.click(choices, None, pickers, **_PRIVATE)
        # An upload's new document was missing from "Manage a document" until Refresh (a walk-through's find).
        # A removed document's details and passages go with it from the panel.
        library_table.change(choices, None, pickers, **_PRIVATE).then(
            forget_removed, [self.doc], [self.doc, self.info, self.collection, self.passages], **_PRIVATE)
        # The details are below the table: brought into view, or a selection seemed to do nothing.
        library_table.select(open_row, None, [self.doc], **_PRIVATE).then(
            None, None, None, js="() => document.querySelector('#manage-info')?.scrollIntoView({block: 'center'})")
        self.doc.change(choose, [self.doc], [self.info, self.collection, self.passages, self.status], **_PRIVATE)
        self.buttons["show"].click(show, [self.doc], [self.status, self.passages, self.passages_fit], **_PRIVATE)
        for name, fn, inputs, outputs in (("reingest", reingest, [self.doc], [self.status, self.info]),
                                          ("move", move, [self.doc, self.collection], [self.status])):
            self.buttons[name].click(fn, inputs, outputs, **_PRIVATE).then(
                library_fn, None, library_outputs, **_PRIVATE).then(choices, None, pickers, **_PRIVATE).then(
                pick, [self.doc], [self.info, self.collection, self.passages], **_PRIVATE)


def manage_panel() -> ManagePanel:
    """Lay out the panel (inside the Library tab); :meth:`ManagePanel.wire` connects it once the app's library
    outputs exist."""
    gr.Markdown("### Manage a document")
    with gr.Row(equal_height=True):
        # A custom value is allowed so that a document removed while picked is an input the app can answer ("not
        # available") instead of a value Gradio refuses before any handler runs.
        # "bb-whole": the picked document is read whole, its title over lines as needed (app.WHOLE_CHOICE_JS).
        doc = gr.Dropdown([], label="Document", scale=5, elem_id="manage-doc", allow_custom_value=True,
                          elem_classes=["bb-whole"])
        show = gr.Button("Show passages", size="sm", scale=1, elem_id="manage-show")
        reingest = gr.Button("Re-ingest", size="sm", scale=1, elem_id="manage-reingest")
    info = gr.Markdown(elem_id="manage-info")
    with gr.Row(equal_height=True):
        collection = gr.Dropdown([], label="Collection (who may read it)", allow_custom_value=True, scale=5,
                                 elem_id="manage-collection")
        move = gr.Button("Move to collection", size="sm", scale=1, elem_id="manage-move")
    status = gr.Markdown(elem_id="manage-status")
    passages = gr.Dataframe(headers=PASSAGE_COLUMNS, interactive=False, wrap=True, max_height=480, visible=False,
                            label="Passages as indexed", elem_id="manage-passages")
    passages_fit = gr.HTML(visible="hidden", elem_id="manage-passages-fit")
    return ManagePanel(doc, info, collection, status, passages, passages_fit,
                       {"show": show, "reingest": reingest, "move": move})
