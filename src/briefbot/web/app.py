"""The Gradio app: chat with citation cards and page views, library with uploads, feedback.

Layout and event wiring only. Answers come from ``Briefbot.ask_stream`` and the library from ``Briefbot.library``,
the same service functions the CLI calls; the logic that is not wiring lives in :mod:`.handlers`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # air-gapped: no telemetry calls

import gradio as gr

from ..config import Settings
from ..errors import BriefbotError, UploadRejected
from ..export import answer_markdown
from ..feedback import (
    Rating,
    append_feedback,
    export_csv,
    export_jsonl,
    feedback_path,
    make_record,
    read_feedback,
)
from ..models import DOC_TYPE_LABELS, DOC_TYPES, Answer
from ..service import Briefbot
from . import handlers as h
from .auth import check_login, launch_options
from .mandates_tab import mandates_tab
from .pdfview import RenderLimits, render_page

log = logging.getLogger(__name__)

CONCURRENCY = 4  # answers run at most this many at once; the rest queue (2-core machines, one model)
FEEDBACK_COLUMNS = ["When", "Rating", "Question", "Comment", "Citations"]
CSS = """
#cards .gallery-item, #cards button { text-align: left; }
#page-column { position: sticky; top: 8px; align-self: flex-start; }  /* the page stays in view beside the cards */
.bb-card { padding: 8px 12px; border-left: 4px solid #d98a00; border-radius: 6px; max-width: 640px;
  white-space: normal; text-align: left; }
.bb-passage { border-left-color: #8a8f98; }
.bb-key { font-weight: 700; color: #b36b00; }
.bb-badge { font-size: 0.72em; padding: 1px 7px; border-radius: 9px; background: rgba(127,127,127,.18);
  margin-left: 4px; }
.bb-meta { font-size: 0.8em; opacity: 0.75; margin: 2px 0 6px; }
.bb-quote { font-size: 0.88em; line-height: 1.4; }
#fb-up::before, #fb-down::before { content: ""; display: inline-block; width: 1.1em; height: 1.1em;
  margin-right: 6px; vertical-align: -0.2em; background: currentColor;
  -webkit-mask: var(--bb-thumb) center / contain no-repeat; mask: var(--bb-thumb) center / contain no-repeat; }
#fb-up { --bb-thumb: url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' \
fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M14 9V5a3 3 0 \
0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3'/></svg>"); }
#fb-down { --bb-thumb: url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' \
fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='M10 15v4a3 3 0 \
0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 2.31 0 0 1 22 4v7a2.31 2.31 0 0 1-2.33 \
2H17'/></svg>"); }
"""
# System fonts only: the default theme would fetch Google Fonts, which an air-gapped browser cannot reach.
THEME = gr.themes.Soft(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])


@dataclass
class Session:
    """Per-browser-session state (gr.State): this user's answers and what is on screen."""

    answers: list[Answer] = field(default_factory=list)
    message_answer: dict[int, int] = field(default_factory=dict)  # chat message index -> answer index
    current: int | None = None
    cards: list[h.Card] = field(default_factory=list)
    job: str | None = None


def create_app(bot: Briefbot, settings: Settings) -> gr.Blocks:
    """The web app over one shared ``Briefbot``."""
    tmp = h.TempFiles()
    jobs: dict[str, h.IngestJob] = {}
    index = Path(settings.index)
    fb_file = feedback_path(index)

    # --- shared helpers -------------------------------------------------------------------------------------
    def show_answer(session: Session, i: int) -> tuple[Any, Any, Any]:
        """Cards title, cards and Markdown export for answer ``i``."""
        answer = session.answers[i]
        session.current, session.cards = i, h.cards_for(answer)
        title = ("### Closest passages (not an answer)" if answer.abstained else
                 f"### Citations ({len(session.cards)}) — select one to see its page") if session.cards else ""
        md = tmp.path(f"briefbot-answer-{i + 1}.md")
        md.write_text(answer_markdown(answer), encoding="utf-8")
        return (gr.Markdown(title, visible=bool(title)),
                gr.Dataset(samples=[[h.card_html(c)] for c in session.cards], visible=bool(session.cards)),
                gr.DownloadButton(value=str(md), visible=True))

    def library_outputs() -> tuple[Any, ...]:
        docs, failures = bot.library(), bot.failures()
        return (h.library_summary(docs, failures), h.library_rows(docs), h.failure_rows(failures),
                gr.Dropdown(choices=h.mission_choices(docs)), gr.Dropdown(choices=h.document_choices(docs)))

    # --- chat -----------------------------------------------------------------------------------------------
    def chat(question: str, history: list[dict[str, Any]], session: Session, doc_types: list[str],
             year_from: Any, year_to: Any, missions: list[str], documents: list[str]) -> Iterator[tuple[Any, ...]]:
        skip = gr.skip()
        question = (question or "").strip()
        if not question:
            gr.Warning("Type a question first.")
            yield (skip,) * 9
            return
        history = [*(history or []), {"role": "user", "content": question},
                   {"role": "assistant", "content": "_Searching the indexed documents…_"}]
        yield history, "", skip, skip, skip, skip, skip, skip, skip
        text, answer = "", None
        try:
            for ev in bot.ask_stream(question, filters=h.filters_from_ui(doc_types, year_from, year_to, missions,
                                                                         documents)):
                if ev.kind == "hits":
                    history[-1]["content"] = f"_Reading {len(ev.hits or [])} passages…_"
                elif ev.kind == "token":
                    text += ev.text
                    history[-1]["content"] = text
                elif ev.kind == "note":
                    text += f"\n\n> **Note:** {ev.text}\n\n"
                    history[-1]["content"] = text
                elif ev.kind == "done":
                    answer = ev.answer
                    continue
                yield history, skip, skip, skip, skip, skip, skip, skip, skip
        except BriefbotError as exc:
            history[-1]["content"] = f"**Error:** {exc}"
        except Exception:
            log.exception("answering %r failed", question)
            history[-1]["content"] = "**Error:** something went wrong while answering; the server log has details."
        if answer is None:
            yield history, skip, session, skip, skip, skip, skip, skip, skip
            return
        history[-1]["content"] = h.answer_message(answer)
        session.answers.append(answer)
        session.message_answer[len(history) - 1] = len(session.answers) - 1
        title, cards, md = show_answer(session, len(session.answers) - 1)
        yield (history, skip, session, title, cards, md, None, "Select a citation to see its page.",
               gr.DownloadButton(visible=False))

    def select_message(session: Session, evt: gr.SelectData) -> tuple[Any, ...]:
        i = session.message_answer.get(evt.index if isinstance(evt.index, int) else evt.index[0])
        if i is None:
            return (gr.skip(),) * 4
        return (session, *show_answer(session, i))

    def show_card(index: int | None, session: Session) -> tuple[Any, Any, Any]:
        if index is None or not 0 <= index < len(session.cards):
            return gr.skip(), gr.skip(), gr.skip()
        card = session.cards[index]
        try:
            pdf = h.resolve_pdf(bot, card.doc_id)
        except BriefbotError as exc:
            return None, f"**{card.reference()}** — {exc}", gr.DownloadButton(visible=False)
        if card.page is None:
            return None, f"**{card.reference()}** — no page number for this passage.", gr.skip()
        hint = None
        if card.start is not None:
            page_len = len(bot.page_text(card.doc_id, card.page))
            hint = card.start / page_len if page_len else None
        try:
            image, found = render_page(pdf, card.page, card.quote, hint=hint,
                                       limits=RenderLimits.from_settings(settings))
        except BriefbotError as exc:  # too large, too slow or too big in memory: say so in place of the image
            return None, f"**{card.reference()}** — {exc}", gr.skip()
        except Exception:
            log.exception("rendering %s p. %s failed", pdf.name, card.page)
            return None, f"**{card.reference()}** — this page could not be rendered.", gr.skip()
        where = "quote highlighted" if found else "the quote could not be located on the page image"
        caption = f"**{card.reference()}** · {card.title or pdf.name} — {where}"
        return image, caption, gr.DownloadButton(f"Download {pdf.name}", value=str(tmp.copy(pdf)), visible=True)

    # --- feedback -------------------------------------------------------------------------------------------
    def record(session: Session, rating: Rating, comment: str, i: int | None) -> tuple[Any, Any]:
        if i is None or not 0 <= i < len(session.answers):
            return "Ask a question first; feedback is about an answer.", gr.skip()
        answer = session.answers[i]
        append_feedback(fb_file, make_record(answer, rating, comment or ""))
        verdict = "helpful" if rating == "up" else "not helpful"
        note = ", with your comment," if (comment or "").strip() else ""
        return f"Thanks: recorded “{verdict}”{note} for “{answer.question[:80]}”.", ""

    def feedback_up(session: Session, comment: str) -> tuple[Any, Any]:
        return record(session, "up", comment, session.current)

    def feedback_down(session: Session, comment: str) -> tuple[Any, Any]:
        return record(session, "down", comment, session.current)

    def on_like(session: Session, comment: str, data: gr.LikeData) -> tuple[Any, Any]:
        message = data.index if isinstance(data.index, int) else data.index[0]
        if data.liked in (True, "Like"):
            return record(session, "up", comment, session.message_answer.get(message))
        if data.liked in (False, "Dislike"):
            return record(session, "down", comment, session.message_answer.get(message))
        return gr.skip(), gr.skip()

    def feedback_table() -> list[list[Any]]:
        rows = read_feedback(fb_file)[-500:]
        return [[r.get("timestamp", ""), r.get("rating", ""), r.get("question", ""), r.get("comment", ""),
                 "; ".join(c.get("symbol") or c.get("document", "") for c in r.get("citations") or [])]
                for r in reversed(rows)]

    def export_feedback(kind: str) -> str:
        dest = tmp.path(f"briefbot-feedback.{kind}")
        records = read_feedback(fb_file)
        return str(export_jsonl(records, dest) if kind == "jsonl" else export_csv(records, dest))

    # --- library and uploads --------------------------------------------------------------------------------
    def start_upload(files: list[str] | None, session: Session) -> tuple[Any, ...]:
        try:
            check = h.validate_uploads([Path(f) for f in files or []], settings.upload_max_mb,
                                       settings.upload_max_files)
        except UploadRejected as exc:
            return session, f"**Upload refused:** {exc}", [], gr.Timer(active=False)
        if not check.accepted:
            rows = [[name, "refused", reason] for name, reason in check.rejected]
            return session, "**Nothing to ingest:** every file was refused (see below).", rows, gr.Timer(active=False)
        staged = h.stage_uploads(check.accepted, index / "uploads")
        job = h.IngestJob(staged, check.rejected).start(bot)
        jobs[job.id] = job
        session.job = job.id
        return session, job.status(), job.rows(), gr.Timer(active=True)

    def poll(session: Session) -> tuple[Any, ...]:
        job = jobs.get(session.job or "")
        if job is None:
            return (gr.Timer(active=False), *(gr.skip(),) * 7)
        if not job.finished:
            return (gr.skip(), job.status(), job.rows(), *(gr.skip(),) * 5)
        jobs.pop(job.id, None)
        return (gr.Timer(active=False), job.status(), job.rows(), *library_outputs())

    # --- API ------------------------------------------------------------------------------------------------
    def ask_api(question: str, doc_types: list[str] | None = None, year_from: int | None = None,
                year_to: int | None = None, missions: list[str] | None = None,
                documents: list[str] | None = None) -> dict[str, Any]:
        """Answer a question from the indexed documents: answer text, abstained flag, citations (symbol, page,
        paragraph, verbatim quote) and the retrieved passages."""
        if not question or not question.strip():
            raise gr.Error("question is empty")
        try:
            answer = bot.ask(question, filters=h.filters_from_ui(doc_types, year_from, year_to, missions,
                                                                 documents))
        except BriefbotError as exc:
            raise gr.Error(str(exc)) from exc
        return answer.to_dict()

    # --- layout ---------------------------------------------------------------------------------------------
    private: dict[str, Any] = {"api_visibility": "private"}
    with gr.Blocks(title="briefbot", analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        session = gr.State(Session())
        gr.Markdown("## briefbot · cited answers from UN documents")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"), gr.Row():
                with gr.Column(scale=4):
                    with gr.Accordion("Filters", open=False, elem_id="filters"):
                        doc_types = gr.CheckboxGroup([(DOC_TYPE_LABELS[t], t) for t in DOC_TYPES],
                                                     label="Document type")
                        with gr.Row():
                            year_from = gr.Number(label="From year", precision=0, minimum=1945, maximum=2100)
                            year_to = gr.Number(label="To year", precision=0, minimum=1945, maximum=2100)
                        missions = gr.Dropdown([], multiselect=True, label="Mission or country")
                        documents = gr.Dropdown([], multiselect=True, label="Only these documents")
                        clear = gr.Button("Clear filters", size="sm")
                    chatbot = gr.Chatbot(height=None, min_height=160, max_height=560, elem_id="chatbot",
                                         buttons=["copy"], layout="panel", label="Answers",
                                         placeholder="Ask a question about the indexed UN documents. Every claim "
                                                     "quotes its source: symbol, page and paragraph.")
                    with gr.Row(equal_height=True):
                        question = gr.Textbox(placeholder="e.g. Until when did the Council extend the Panel of "
                                              "Experts on Libya?", show_label=False, scale=6, elem_id="question",
                                              max_length=2000)
                        ask_btn = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    cards_title = gr.Markdown(visible=False, elem_id="cards-title")
                    cards = gr.Dataset(components=["html"], samples=[], type="index", layout="gallery",
                                       show_label=False, visible=False, elem_id="cards", samples_per_page=12)
                    with gr.Row(equal_height=True):
                        comment = gr.Textbox(placeholder="Comment on this answer (optional)", show_label=False,
                                             scale=5, elem_id="fb-comment", max_length=4000)
                        up = gr.Button("Helpful", size="sm", scale=1, min_width=110, elem_id="fb-up")
                        down = gr.Button("Not helpful", size="sm", scale=1, min_width=130, elem_id="fb-down")
                    export_md = gr.DownloadButton("Export answer with citations (Markdown)", size="sm",
                                                  visible=False, elem_id="export-md")
                    fb_status = gr.Markdown(elem_id="fb-status")
                with gr.Column(scale=3, elem_id="page-column"):
                    caption = gr.Markdown("Select a citation to see its page.", elem_id="page-caption")
                    page = gr.Image(type="pil", interactive=False, show_label=False, elem_id="page-image",
                                    buttons=["fullscreen", "download"])
                    pdf_btn = gr.DownloadButton("Download PDF", visible=False, size="sm", elem_id="pdf-download")
            with gr.Tab("Library", id="library"):
                summary = gr.Markdown(elem_id="library-summary")
                docs_df = gr.Dataframe(headers=h.LIBRARY_COLUMNS, interactive=False, show_search="search",
                                       wrap=True, max_height=520, elem_id="library-table", label="Documents",
                                       column_widths=[150, 120, 110, 105, 70, 75, 110, 160, 320, 190, 220])
                failures_df = gr.Dataframe(headers=h.FAILURE_COLUMNS, interactive=False, label="Failed files",
                                           elem_id="failures-table")
                refresh = gr.Button("Refresh", size="sm")
                gr.Markdown(f"### Add PDFs\nUp to {settings.upload_max_files} files of at most "
                            f"{settings.upload_max_mb:g} MB each. They are copied into the index folder and "
                            "ingested in the background; chat keeps working.")
                files = gr.File(file_count="multiple", file_types=[".pdf"], label="PDF files", elem_id="upload")
                upload_btn = gr.Button("Add to index", variant="primary", elem_id="upload-btn")
                upload_status = gr.Markdown(elem_id="upload-status")
                upload_rows = gr.Dataframe(headers=["File", "Status", "Detail"], interactive=False,
                                           label="Files in this upload", elem_id="upload-results")
                timer = gr.Timer(1.0, active=False)
            with gr.Tab("Mandates", id="mandates"):
                mandates_tab(bot)  # its own module: track timelines, renewal changes, trends
            with gr.Tab("Feedback", id="feedback"):
                fb_df = gr.Dataframe(headers=FEEDBACK_COLUMNS, interactive=False, wrap=True, max_height=480,
                                     label="Feedback (newest first)")
                with gr.Row():
                    fb_refresh = gr.Button("Refresh", size="sm")
                    to_jsonl = gr.Button("Export JSONL", size="sm")
                    to_csv = gr.Button("Export CSV", size="sm")
                fb_export = gr.File(label="Export", interactive=False)

        # --- events -----------------------------------------------------------------------------------------
        gr.api(ask_api, api_name="ask")  # the one public endpoint; registered first so it keeps its name
        filters = [doc_types, year_from, year_to, missions, documents]
        chat_outputs = [chatbot, question, session, cards_title, cards, export_md, page, caption, pdf_btn]
        for trigger in (ask_btn.click, question.submit):
            trigger(chat, [question, chatbot, session, *filters], chat_outputs, **private)
        chatbot.select(select_message, [session], [session, cards_title, cards, export_md], **private)
        cards.click(show_card, [cards, session], [page, caption, pdf_btn], **private)
        clear.click(lambda: (None, None, None, None, None), None, filters, **private)
        up.click(feedback_up, [session, comment], [fb_status, comment], concurrency_limit=None, **private)
        down.click(feedback_down, [session, comment], [fb_status, comment], concurrency_limit=None, **private)
        chatbot.like(on_like, [session, comment], [fb_status, comment], concurrency_limit=None, **private)
        lib_outputs = [summary, docs_df, failures_df, missions, documents]
        demo.load(library_outputs, None, lib_outputs, **private)
        refresh.click(library_outputs, None, lib_outputs, **private)
        upload_btn.click(start_upload, [files, session], [session, upload_status, upload_rows, timer], **private)
        timer.tick(poll, [session], [timer, upload_status, upload_rows, *lib_outputs], concurrency_limit=None,
                   show_progress="hidden", **private)
        fb_refresh.click(feedback_table, None, fb_df, **private)
        to_jsonl.click(lambda: export_feedback("jsonl"), None, fb_export, **private)
        to_csv.click(lambda: export_feedback("csv"), None, fb_export, **private)
    return demo


def launch(demo: gr.Blocks, settings: Settings, prevent_thread_lock: bool = False, quiet: bool = False) -> str:
    """Serve ``demo`` as the settings say; returns the local URL. Refuses non-loopback binds without auth."""
    h.check_bind(settings.host, settings.auth)
    check_login(settings)
    demo.queue(default_concurrency_limit=CONCURRENCY, max_size=64)
    _, url, _ = demo.launch(
        server_name=settings.host, server_port=settings.port, auth=h.parse_auth(settings.auth),
        auth_message="briefbot: sign in", share=False, inbrowser=False, prevent_thread_lock=prevent_thread_lock,
        quiet=quiet, ssr_mode=False, mcp_server=False,
        # Nothing on disk is served except files the app returns; the index itself never is.
        allowed_paths=[], blocked_paths=[str(Path(settings.index).resolve())],
        # Twice the upload limit: larger bodies are cut off by the server, smaller ones get our clear message.
        max_file_size=f"{int(2 * settings.upload_max_mb)}mb",
        theme=THEME, css=CSS, **launch_options(settings))  # TLS files and sign-in rate limiting
    return str(url)
