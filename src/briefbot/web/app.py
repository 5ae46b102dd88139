"""The Gradio app: chat with citation cards and page views, library with uploads, feedback.

Layout and event wiring only. Answers come from ``Briefbot.ask_stream`` and the library from ``Briefbot.library``,
the same service functions the CLI calls; the logic that is not wiring lives in
:mod:`.views` (what is shown), :mod:`.uploads` (uploads and the ingest job) and :mod:`.serving` (bind, sign-in,
temp files).
"""

from __future__ import annotations

import atexit
import inspect
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # air-gapped: no telemetry calls
# Gradio recomputes its monitoring summary (a pandas group-by over the last 10,000 events) after every event, about
# 5 % of the server's busy time under load; briefbot never enables that monitoring page, so it is never recomputed.
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", str(2**62))

import gradio as gr
from gradio.routes import App as GradioApp
from gradio.routes import ORJSONResponse

from ..access import ACCESS_FILE
from ..audit import AUDIT_FILE
from ..config import Settings
from ..errors import BriefbotError
from ..export import answer_markdown
from ..feedback import (
    RATING_LABELS,
    Rating,
    append_feedback,
    earlier_comment,
    earlier_vote,
    export_csv,
    export_jsonl,
    feedback_path,
    latest_votes,
    make_record,
    owner_for,
    rating_label,
    read_feedback,
    visible_feedback,
)
from ..history import WITHHELD, Viewer, viewer_for
from ..layout import IndexLayout
from ..mdtext import md_text
from ..models import DOC_TYPE_LABELS, DOC_TYPES, Answer
from ..service import STANDALONE_HINT, Briefbot, checked_question
from .access import has_accounts, scope_of, sign_in
from .auth import check_login, launch_options
from .guard import RequestGuard, allowed_hosts
from .library import PASSAGES_CSS, manage_panel
from .mandates_tab import TIMELINE_CSS, mandates_tab
from .pagepanel import CSS as PAGE_CSS
from .pagepanel import page_panel, pair_px
from .serving import TempFiles, check_bind, is_loopback, open_temp_space, refused, resolve_pdf, temp_parent
from .uploads import UPLOAD_KINDS, IngestJob, stage_uploads, validate_uploads
from .views import (
    ANY_YEAR,
    FAILURE_COLUMNS,
    LIBRARY_COLUMNS,
    LIBRARY_FLOOR_CAPS,
    ORIGIN_CHOICES,
    Card,
    answer_message,
    card_html,
    cards_for,
    clip,
    conversation_html,
    count,
    document_choices,
    exchange,
    failure_rows,
    filters_from_ui,
    fitted_table_css,
    library_rows,
    library_summary,
    mission_choices,
    permalink_markdown,
    shown_file,
    when,
    word_floor_css,
    year_choices,
)

log = logging.getLogger(__name__)

CONCURRENCY = 4  # answers run at most this many at once; the rest queue (2-core machines, one model)
STREAM_GAP_S = 0.1  # streamed answer text: at most one chat update per this many seconds (the last is always sent)
# Progress ("Reading N passages…", the first words) is shown only once this long has passed since the last update:
# every update re-sends the whole chat, and an extractive answer, complete within a fraction of a second, goes out
# whole in the final update (under load the two progress updates cost as much server time as the answer itself).
PROGRESS_AFTER_S = 0.4
CLEARED = ("Cleared from the screen; the conversation stays in your history (open it, then “Delete this "
           "conversation”, to delete it).")
FEEDBACK_COLUMNS = ["When", "Rating", "Question", "Comment", "Citations"]
LIBRARY_CSS = fitted_table_css("#library-table")
# The failed files too: in Gradio's monospace, a long file name and its reason ran past the panel at 1024 px with its
# "When" out of sight (a browser walk's find); the file name may break anywhere.
FAILURES_CSS = fitted_table_css("#failures-table", FAILURE_COLUMNS.index("File"))
# And the feedback: its question, comment and citations ran past the panel even at 1440 px (a browser walk's find).
FEEDBACK_CSS = fitted_table_css("#fb-table")
# And an upload's files: its fixed percentages broke "Status" and "ingested" in two at 390 px (a browser walk's
# find); the file name may break anywhere.
UPLOAD_CSS = fitted_table_css("#upload-results", 0)
CSS = """
#cards .gallery-item, #cards button { text-align: left; }
/* A table's label, search box and buttons share one line, pushed to its right: on a phone the library's label
   ("Documents (select one for its pages, …)") ran off the table's left edge, its first letters cut (a browser
   walk at 390 px). The search and buttons go under the label when the line is too short. */
.table-container .header-row { flex-wrap: wrap; row-gap: 4px; }
#page-column { position: sticky; top: 8px; align-self: flex-start; }  /* the page stays in view beside the cards */
.bb-card { padding: 8px 12px; border-left: 4px solid #d98a00; border-radius: 6px; max-width: 640px;
  white-space: normal; text-align: left; }
.bb-passage { border-left-color: #8a8f98; }
.bb-key { font-weight: 700; color: #b36b00; }
.bb-badge { font-size: 0.72em; padding: 1px 7px; border-radius: 9px; background: rgba(127,127,127,.18);
  margin-left: 4px; }
.bb-meta { font-size: 0.8em; opacity: 0.75; margin: 2px 0 6px; }
.bb-quote { font-size: 0.88em; line-height: 1.4; }
#conversations button { text-align: left; width: 100%; }
.bb-conv { padding: 2px 0; white-space: normal; text-align: left; }
.bb-conv-title { font-weight: 600; }
.bb-conv-q { font-size: 0.8em; opacity: 0.8; }
.bb-current { border-left: 3px solid #d98a00; padding-left: 6px; }
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
#fb-buttons > .row { flex-grow: 1; }  /* beside the comment box, the buttons are as tall as it is */
/* A long choice (a document's title) ran under its dropdown's arrow: the text now stops before the arrow, in "…". */
.secondary-wrap > input[role="combobox"] { padding-right: 28px; text-overflow: ellipsis; }
/* A dropdown marked "bb-whole" reads its picked choice whole: a box's <input> shows one line, which cut a long
   document title in "Manage a document" and, on a phone, the longest track names in the Mandates tab (browser
   walks). WHOLE_CHOICE_JS copies the choice into a wrapping line of the box; the input lies over it, its own text
   drawn only while it has the focus (typing to search shows what is typed, as before). */
.bb-whole .secondary-wrap { position: relative; }
.bb-whole .bb-whole-text { display: none; }
.bb-whole .secondary-wrap.bb-has-choice > .bb-whole-text { display: block; flex: 1 1 auto; min-width: 0;
  margin: 4px 0; padding: 0 44px 0 4px; white-space: normal; overflow-wrap: anywhere; line-height: 1.4;
  color: var(--body-text-color); pointer-events: none; }
.bb-whole .secondary-wrap.bb-has-choice > input[role="combobox"] { position: absolute; inset: 0; margin: 0;
  height: 100%; width: 100%; padding: 0 44px 0 4px; }  /* the arrow is 20-40 px from the right */
.bb-whole .secondary-wrap.bb-has-choice > input[role="combobox"]:not(:focus) { color: transparent; }
.bb-whole .secondary-wrap.bb-has-choice > input[role="combobox"]:focus ~ .bb-whole-text { visibility: hidden; }
/* A file offered for download is named whole: Gradio keeps its size column 8rem wide and cuts the name to fit,
   which in the sidebar left "b….json" of briefbot-history.json. The name wraps instead. */
.file-preview td.filename { flex-wrap: wrap; }
.file-preview td.filename .stem { white-space: normal; overflow: visible; overflow-wrap: anywhere; }
.file-preview td.download { min-width: 4.5rem; }
""" + LIBRARY_CSS + FAILURES_CSS + FEEDBACK_CSS + UPLOAD_CSS + PASSAGES_CSS + TIMELINE_CSS
# Once an answer is complete, its question goes to the top of the chat panel (the chat's own autoscroll leaves the
# end of a long answer in view, not its beginning) and the panel into the window.
# On a phone the open History sidebar is the whole window (Gradio draws it 100vw wide up to 768 px), over the
# question box, with its close button half off the screen (a browser walk at 390 px): there it starts closed.
CLOSE_SIDEBAR_ON_PHONE_JS = """() => {
  const bar = document.querySelector('#history');
  if (window.innerWidth <= 768 && bar && bar.classList.contains('open')) bar.querySelector('.toggle-button')?.click();
}"""
# Keeps each "bb-whole" dropdown's wrapping line (CSS above) showing what its input holds: the input's value is set
# by Gradio's own code (a pick, a server update, leaving the box), which fires no event, so the value setter of
# each such input is watched; inputs drawn later (a tab opened for the first time) are found as they appear.
# It fails safe, as it leans on Gradio's markup: a box not shaped as expected (the input not directly in its
# ".secondary-wrap") is left alone, anything that throws takes the box back to its own one-line input, and a value
# set past the watched setter (through the prototype's, as some frameworks do) is caught by a check of every box
# on leaving it, on any change of the page and once a second, so the line never shows another choice than the box.
WHOLE_CHOICE_JS = """() => {
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  if (!native || !native.get || !native.set) return;
  const watched = new Set();
  const plain = input => input.parentElement?.classList.remove('bb-has-choice');
  const show = input => {
    try {
      const wrap = input.parentElement;
      let line = wrap.querySelector(':scope > .bb-whole-text');
      if (!line) {
        line = document.createElement('div');
        line.className = 'bb-whole-text';
        line.setAttribute('aria-hidden', 'true');
        wrap.appendChild(line);
      }
      const value = native.get.call(input);
      if (line.textContent !== value) line.textContent = value;
      wrap.classList.toggle('bb-has-choice', value.length > 0);
    } catch (e) { plain(input); }
  };
  const watch = input => {
    if (input.dataset.bbWhole || !input.parentElement?.matches('.secondary-wrap')) return;
    input.dataset.bbWhole = '1';
    try {
      Object.defineProperty(input, 'value', {configurable: true, get() { return native.get.call(this); },
                                             set(v) { native.set.call(this, v); show(this); }});
    } catch (e) { plain(input); return; }
    ['input', 'change', 'focusout'].forEach(ev => input.addEventListener(ev, () => show(input)));
    watched.add(input);
    show(input);
  };
  const check = () => {
    watched.forEach(input => { if (input.isConnected) show(input); else watched.delete(input); });
  };
  const scan = () => {
    document.querySelectorAll('.bb-whole input[role="combobox"]').forEach(watch);
    check();
  };
  let queued = false;
  new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; scan(); }); }
  }).observe(document.body, {childList: true, subtree: true});
  setInterval(check, 1000);
  scan();
}"""
SHOW_NEWEST_JS = """() => {
  const chat = document.querySelector('#chatbot');
  const log = chat && chat.querySelector('[role="log"]');
  const asked = log ? log.querySelectorAll('[data-testid="user"]') : [];
  if (!asked.length) return;
  const row = asked[asked.length - 1];
  const off = () => row.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  log.scrollTop += off();
  chat.scrollIntoView({block: 'nearest'});
  // Gradio's autoscroll goes to the bottom 300 ms after an update that found the chat at its bottom, which the
  // first exchange of an empty chat always does (and its answer's components load late): that late scroll left
  // the end of the first answer in view. For a few seconds it is undone, unless the user scrolls.
  let user = false;
  const mine = () => { user = true; };
  const acts = ['wheel', 'touchstart', 'keydown', 'mousedown'];
  acts.forEach(a => log.addEventListener(a, mine, {passive: true}));
  const back = () => { if (!user && row.isConnected && Math.abs(off()) > 2) log.scrollTop += off(); };
  log.addEventListener('scroll', back, {passive: true});
  setTimeout(() => { log.removeEventListener('scroll', back); acts.forEach(a => log.removeEventListener(a, mine)); },
             3000);
}"""


def remember_signatures() -> int:
    """Give every Gradio block class's constructor its signature to keep; returns how many were new.

    Gradio reads a constructor's signature (``inspect.signature`` in ``get_config``, ``getfullargspec`` in the
    wrapper that records constructor arguments) each time it builds a component or its config: every block of a
    new session (~270 here) and every output of every event, which an update or a left-out output builds again.
    Signatures never change, and ``inspect`` returns a function's ``__signature__`` as is, so each is computed
    once here instead of thousands of times a minute under load.
    """
    done, todo = 0, [gr.blocks.Block]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        init = cls.__dict__.get("__init__")
        fn = getattr(init, "__wrapped__", init)  # the constructor itself, under Gradio's recording wrapper
        if inspect.isfunction(fn) and "__signature__" not in fn.__dict__:
            fn.__signature__ = inspect.signature(fn)  # type: ignore[attr-defined]
            done += 1
    return done


# System fonts only: the default theme would fetch Google Fonts, which an air-gapped browser cannot reach.
THEME = gr.themes.Soft(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])


Updates = dict[Any, Any]  # what a handler changes: component -> new value or gr.update


@dataclass
class Session:
    """Per-browser-session state (gr.State): this user's answers and what is on screen."""

    answers: list[Answer] = field(default_factory=list)
    message_answer: dict[int, int] = field(default_factory=dict)  # chat message index -> answer index
    current: int | None = None
    cards: list[Card] = field(default_factory=list)
    card: int | None = None  # the card whose page is shown
    job: str | None = None
    conversation: str | None = None  # its id in the history, once an answer of this chat is saved
    tokens: list[str | None] = field(default_factory=list)  # per answer: its permalink token once saved
    unsaved: list[int] = field(default_factory=list)  # answers the history could not take yet (retried, in order)
    listed: list[str] = field(default_factory=list)  # the history list's conversation ids, as shown
    answered: str | None = None  # set by the chat when an answer waits for its cards and history list ("" or why
    # it was not saved), cleared by the event that shows them
    # What this tab shows beyond the chat, as last sent. Gradio builds a component again (a File or Image also its
    # schema) for every output an event updates or leaves out, but not for one it is given a plain value: so a
    # hidden, empty component is given its empty value again, and only one that is shown is updated.
    panel_open: bool = False  # the page panel shows something other than its intro (set by opening a citation)
    export_shown: bool = False  # the download under the chat is shown
    history_export_shown: bool = False  # the sidebar's history export is shown
    deleting: str | None = None  # the conversation a "Delete this conversation" asked about; Confirm deletes it

    def restart(self, answers: list[Answer], tokens: list[str | None], conversation: str | None,
                lead: int = 0) -> None:
        """Show these (saved) answers as the chat, one exchange each after ``lead`` messages of our own (the
        notice of answers withheld); nothing selected."""
        self.answers, self.tokens, self.conversation, self.unsaved = answers, tokens, conversation, []
        self.message_answer = {lead + 2 * i + 1: i for i in range(len(answers))}
        self.current, self.cards, self.card = None, [], None


def owner_of(request: gr.Request | None, loopback: bool) -> str | None:
    """Whose feedback this is: the signed-in user, else the loopback server's one local user (the history's too:
    kept per browser session, a reload lost sight of it); a session on any other bind without sign-in."""
    if request is None:
        return None
    if request.username or loopback:
        return owner_for(request.username or None)  # as a deleted conversation's feedback is found
    return f"session:{request.session_hash}" if request.session_hash else None


def create_app(bot: Briefbot, settings: Settings, tmp: TempFiles | None = None) -> gr.Blocks:
    """The web app over one shared ``Briefbot``; ``tmp`` is its private temp space (made here when not given)."""
    remember_signatures()
    index = Path(settings.index)
    tmp = tmp or open_temp_space(settings)
    tmp.start_sweeper()
    atexit.register(tmp.cleanup)
    _temp_spaces.append(tmp)
    jobs: dict[str, IngestJob] = {}
    fb_file = feedback_path(index)
    readers = {u.strip() for u in (settings.feedback_readers or "").split(",") if u.strip()}
    loopback = is_loopback(settings.host)

    # Handlers return their updates keyed by component (Gradio leaves every output not named unchanged);
    # gr.skip() alone changes nothing. The components are the layout's, created below. Property changes on the chat's
    # path are gr.update(...), not new components: Gradio builds the component again from either, so constructing
    # one here doubled the cost of every answer's last update (a Dataset builds its inner HTML component and its
    # schema each time).
    # --- shared helpers -------------------------------------------------------------------------------------
    def show_answer(session: Session, i: int) -> Updates:
        """Cards title, cards and the feedback target line for answer ``i``."""
        answer = session.answers[i]
        session.current, session.cards, session.card = i, cards_for(answer), None
        title = ("### Closest passages (not an answer)" if answer.abstained else
                 f"### Citations ({len(session.cards)}) — select one to see its page") if session.cards else ""
        return {cards_title: gr.update(value=title, visible=bool(title)),
                cards: gr.update(samples=[[card_html(c)] for c in session.cards], visible=bool(session.cards)),
                target: f"Feedback and export apply to answer {i + 1}: “{md_text(clip(answer.question, 100))}”",
                permalink: permalink_markdown(session.tokens[i] if i < len(session.tokens) else None),
                # A file made for another answer (or one of its citations) is not this one's download, and the page
                # panel shows none of its citations until one is picked.
                **hidden_export(session), **closed_panel(session)}

    def closed_panel(session: Session) -> Updates:
        """The page panel back to its intro (the hidden image and text given their empty values when hidden)."""
        hide, session.panel_open = session.panel_open, False
        return {page: gr.update(value=None, visible=False) if hide else None, panel.state: None,
                # an XML passage shown for another answer
                panel.text: gr.update(value="", visible=False) if hide else "",
                **({panel.nav: gr.update(visible=False)} if hide else {}),  # a row has no value (left out, rebuilt)
                caption: "Select a citation to see its page."}

    def hidden_export(session: Session) -> Updates:
        """The download under the chat emptied and hidden (given its empty value when hidden already)."""
        hide, session.export_shown = session.export_shown, False
        return {export_file: gr.update(value=None, visible=False) if hide else None}

    # --- conversation history (Briefbot.history; who may open what is decided there) ------------------------
    def viewer_of(request: gr.Request | None) -> Viewer:
        return viewer_for(request.username if request else None, loopback=is_loopback(settings.host))

    def save_pending(session: Session, viewer: Viewer) -> str:
        """Save this chat's unsaved answers in order; '' when all are saved, else why not (they stay pending)."""
        while session.unsaved:
            i = session.unsaved[0]
            try:
                saved = bot.history.save(viewer, session.conversation, session.answers[i])
            except BriefbotError as exc:
                return str(exc)
            session.conversation, session.tokens[i] = saved.conversation, saved.token
            session.unsaved.pop(0)
        return ""

    def history_list(viewer: Viewer, session: Session, problem: str = "") -> Updates:
        """The sidebar's conversations (newest first) and its status line."""
        try:
            convs = bot.history.conversations(viewer)
        except BriefbotError as exc:
            convs, problem = [], problem or str(exc)
        session.listed = [c.id for c in convs]
        status = f"**Not saved to history:** {md_text(problem)}" if problem else (
            "" if convs else "_Your questions and answers are kept here._")
        if session.unsaved:
            status += f" {len(session.unsaved)} answer(s) of this chat wait to be saved."
        # A history export made before this change is out of date: it goes, not to be downloaded by mistake.
        hide, session.history_export_shown = session.history_export_shown, False
        return {conv_list: gr.update(samples=[[conversation_html(c, c.id == session.conversation)] for c in convs],
                                     visible=bool(convs)),
                history_status: status, history_file: gr.update(value=None, visible=False) if hide else None}

    def beside_chat(session: Session) -> Updates:
        """Everything beside the chat's messages as ``session`` now holds them: its last answer's cards, nothing
        selected yet."""
        shown = show_answer(session, len(session.answers) - 1) if session.answers else {
            cards_title: gr.update(visible=False), cards: gr.update(samples=[], visible=False), target: "",
            permalink: "", **hidden_export(session), **closed_panel(session)}
        return {state: session, **shown,
                fb_status: ""}  # the thanks for feedback on an earlier answer does not stay under this one

    def show_chat(session: Session, messages: list[dict[str, str]]) -> Updates:
        """The chat as ``session`` now holds it, its last answer's cards, nothing selected yet."""
        return {chatbot: messages, **beside_chat(session)}

    def on_load(session: Session, request: gr.Request) -> Updates:
        """The history list; with ``?answer=TOKEN`` in the address, that answer (when this viewer may open it)."""
        viewer = viewer_of(request)
        token = str(request.query_params.get("answer") or "") if request else ""
        updates: Updates = {}
        if token:
            try:
                saved = bot.history.open_permalink(viewer, token)
            except BriefbotError as exc:
                gr.Warning(f"Permalink: {exc}")
            else:
                session.restart([saved.answer], [saved.token], None)
                note = f"Shared answer, asked by {saved.user} on {when(saved.asked_at)}."
                updates = show_chat(session, exchange(saved.answer.question, saved.answer, note))
        return {**updates, state: session, **history_list(viewer, session), **no_deleting(session)}

    def set_aside(session: Session, viewer: Viewer) -> Updates:
        """Before the chat is replaced: save what waits; what still cannot be saved is handed over as a Markdown
        download, so leaving the chat loses no answer."""
        problem = save_pending(session, viewer) if session.unsaved else ""
        if not problem:
            return {}
        md = "\n\n---\n\n".join(answer_markdown(session.answers[i]) for i in session.unsaved)
        path = tmp.write_text("briefbot-unsaved-answers.md", md)
        gr.Warning(f"{len(session.unsaved)} answer(s) could not be saved to the history ({problem}); they are in "
                   "the download under the chat.")
        return {export_file: gr.File(value=str(path), visible=True)}  # the caller notes it (export_shown)

    def no_deleting(session: Session) -> Updates:
        """A deletion asked about is withdrawn: the chat no longer shows what its confirmation named, so Delete
        there must not delete it (nor what is shown now)."""
        session.deleting = None
        return {delete_row: gr.update(visible=False), delete_text: ""}

    def open_conversation(index: int | None, session: Session, request: gr.Request) -> Updates:
        if index is None or not 0 <= index < len(session.listed):
            return gr.skip()
        viewer = viewer_of(request)
        try:
            saved, withheld = bot.history.opened(viewer, session.listed[index])
        except BriefbotError as exc:
            gr.Warning(f"History: {exc}")
            return gr.skip()
        kept = set_aside(session, viewer)
        # Said first, as a message of its own: under the last answer it read as part of that answer.
        notice = [{"role": "assistant", "content": f"_{md_text(WITHHELD.format(n=withheld))}_"}] if withheld else []
        session.restart([s.answer for s in saved], [s.token for s in saved], session.listed[index], len(notice))
        messages = notice + [m for s in saved for m in exchange(s.answer.question, s.answer)]
        updates = {**show_chat(session, messages), **history_list(viewer, session), **kept, **no_deleting(session)}
        session.export_shown = session.export_shown or bool(kept)
        return updates

    def new_conversation(session: Session, request: gr.Request) -> Updates:
        viewer = viewer_of(request)
        kept = set_aside(session, viewer)
        session.restart([], [], None)
        updates = {**show_chat(session, []), **history_list(viewer, session), **kept, **no_deleting(session)}
        session.export_shown = session.export_shown or bool(kept)
        return updates

    # Deleting asks first, as removing a document does: the first click names what would go, Confirm deletes it.
    def ask_delete(session: Session, request: gr.Request) -> Updates:
        hidden = {delete_row: gr.update(visible=False), delete_text: ""}
        if session.conversation is None:
            session.deleting = None
            return {**hidden, history_status: "Open a conversation from the list first; this chat has nothing saved "
                                              "to delete."}
        try:
            conv = next((c for c in bot.history.conversations(viewer_of(request), limit=1_000_000)
                         if c.id == session.conversation), None)
        except BriefbotError as exc:
            return {**hidden, history_status: f"**Not deleted:** {md_text(str(exc))}"}
        if conv is None:
            return {**hidden, history_status: "This conversation is no longer in your history."}
        session.deleting = conv.id
        n = len(conv.questions) + conv.withheld
        return {delete_row: gr.update(visible=True), history_status: "",
                delete_text: f"**Delete “{md_text(conv.title)}” ({n} answer{'s' if n != 1 else ''}) from your "
                             "history?** This cannot be undone; its permalinks stop working, and its questions and "
                             "your feedback on its answers go from the audit log and the feedback file."}

    def cancel_delete(session: Session) -> Updates:
        session.deleting = None
        return {delete_row: gr.update(visible=False), delete_text: "", history_status: "Nothing deleted."}

    def confirm_delete(session: Session, request: gr.Request) -> Updates:
        hidden = {delete_row: gr.update(visible=False), delete_text: ""}
        doomed, session.deleting = session.deleting, None
        if doomed is None:  # a second Confirm: nothing was named
            return {**hidden, history_status: "Nothing deleted."}
        viewer = viewer_of(request)
        try:
            removed = bot.delete_conversation(viewer, doomed)
        except BriefbotError as exc:
            return {**hidden, history_status: f"**Not deleted:** {md_text(str(exc))}"}
        updates: Updates = {}
        if session.conversation == doomed:  # the chat showed it: it goes from the screen too
            session.restart([], [], None)
            updates = show_chat(session, [])
        return {**updates, **history_list(viewer, session), **hidden,
                history_status: f"Deleted from your history: the conversation and its {removed} answer(s)."}

    def clear_chat(session: Session, request: gr.Request) -> Updates:
        """The chat's Clear (trash) button: a new conversation; the cleared one stays in the history, which is said
        (an analyst took Clear for a deletion), with how to delete it."""
        saved = session.conversation is not None
        updates = new_conversation(session, request)
        if saved:
            updates[history_status] = " ".join(x for x in (str(updates.get(history_status) or ""), CLEARED) if x)
        return updates

    def export_history(kind: str, session: Session, request: gr.Request) -> Any:
        viewer = viewer_of(request)
        try:
            text = bot.history.export_json(viewer) if kind == "json" else bot.history.export_markdown(viewer)
        except BriefbotError as exc:
            gr.Warning(f"History export: {exc}")
            return gr.skip()
        session.history_export_shown = True
        return gr.File(value=str(tmp.write_text(f"briefbot-history.{kind}", text)), visible=True)

    def export_history_md(session: Session, request: gr.Request) -> Any:
        return export_history("md", session, request)

    def export_history_json(session: Session, request: gr.Request) -> Any:
        return export_history("json", session, request)

    def library_outputs(request: gr.Request) -> Updates:
        scope = scope_of(bot, request)
        docs, failures = bot.library(scope), bot.failures(scope)
        choices = document_choices(docs)
        older = set(bot.read_by_older(scope))
        rows, failed = library_rows(docs, older), failure_rows(failures)
        return {summary: library_summary(docs, failures, len(older)), docs_df: rows,
                docs_fit: word_floor_css("#library-table", rows, caps=LIBRARY_FLOOR_CAPS)
                + word_floor_css("#failures-table", failed, FAILURE_COLUMNS.index("File")),
                failures_df: failed, missions: gr.Dropdown(choices=mission_choices(docs)),
                documents: gr.Dropdown(choices=document_choices(docs, twins=False)),
                year_from: gr.Dropdown(choices=year_choices(docs)),
                year_to: gr.Dropdown(choices=year_choices(docs)), to_remove: gr.Dropdown(choices=choices, value=[]),
                # The Source choice only where there is one to make: "Analyses (non-UN)" over an index of UN
                # documents only filtered every question away.
                origin: gr.Radio(visible=True) if any(d.origin == "analysis" for d in docs)
                else gr.Radio(visible=False, value=""),
                # The list shown anew clears the choice, so a removal asked about is withdrawn with it: Confirm
                # after a Refresh or a finished upload removed what was no longer shown chosen (a walk-through's find).
                pending_remove: [], confirm_row: gr.Row(visible=False), confirm_text: ""}

    # --- chat -----------------------------------------------------------------------------------------------
    def chat(asked: str, history: list[dict[str, Any]], session: Session, doc_types: list[str],
             year_from: Any, year_to: Any, missions: list[str], documents: list[str],
             origin: str | None, request: gr.Request) -> Iterator[Updates]:
        asked = (asked or "").strip()
        if not asked:
            gr.Warning("Type a question first.")
            yield gr.skip()
            return
        try:
            checked_question(asked)
        except BriefbotError as exc:  # refused before the box is cleared: the question stays to be shortened
            gr.Warning(f"Question: {exc}")
            yield gr.skip()
            return
        try:
            filters = filters_from_ui(doc_types, year_from, year_to, missions, documents, origin)
        except BriefbotError as exc:  # a bad filter keeps the question in its box
            gr.Warning(f"Filters: {exc}")
            yield gr.skip()
            return
        history = [*(history or []), {"role": "user", "content": md_text(asked)},
                   {"role": "assistant", "content": "_Searching the indexed documents…_"}]
        yield {chatbot: history, question: ""}
        text, answer = "", None
        shown, gap = time.monotonic(), PROGRESS_AFTER_S
        try:
            for ev in bot.ask_stream(asked, filters=filters, scope=scope_of(bot, request)):
                if ev.kind == "hits":
                    history[-1]["content"] = f"_Reading {count(len(ev.hits or []), 'passage')}…_"
                elif ev.kind == "token":
                    text += ev.text
                    history[-1]["content"] = md_text(text)
                elif ev.kind == "note":
                    text += "\n\n"
                    history[-1]["content"] = md_text(text) + f"\n\n> **Note:** {md_text(ev.text)}\n\n"
                elif ev.kind == "done":
                    answer = ev.answer
                    continue
                # Every update re-sends the chat: what comes within the gap goes with the next one (a slow LLM's
                # text streams at most every STREAM_GAP_S once it has taken PROGRESS_AFTER_S).
                if time.monotonic() - shown < gap:
                    continue
                shown, gap = time.monotonic(), STREAM_GAP_S
                yield {chatbot: history}
        except BriefbotError as exc:
            history[-1]["content"] = f"**Error:** {md_text(str(exc))}"
        except Exception:
            log.exception("answering %r failed", asked)
            history[-1]["content"] = "**Error:** something went wrong while answering; the server log has details."
        if answer is None:
            yield {chatbot: history, state: session}
            return
        history[-1]["content"] = answer_message(answer)
        session.answers.append(answer)
        session.tokens.append(None)
        session.unsaved.append(len(session.answers) - 1)
        session.message_answer[len(history) - 1] = len(session.answers) - 1
        # The answer goes out first, then it is saved (a SQLite commit: its disk sync took ~25 ms under load, which
        # every answer waited for). The event ends after the save; only then does the browser ask for the cards.
        yield {chatbot: history, state: session}
        problem = save_pending(session, viewer_of(request))  # the answer is shown either way; unsaved are retried
        if problem:
            gr.Warning(f"Not saved to history: {problem}")
        session.answered = problem

    def chat_done(session: Session, request: gr.Request) -> Updates:
        """After an answer: its citation cards and the history list. An event of its own (run next by the
        browser) so that the chat's streamed updates name three outputs: Gradio rebuilds every output an update
        leaves out, and the chat's twelve cost more than the answer itself. It does not take the chat: the
        browser would send the whole conversation again and the server validate it, for nothing."""
        if session.answered is None:
            return gr.skip()
        problem, session.answered = session.answered, None
        return {**beside_chat(session), **history_list(viewer_of(request), session, problem)}

    def select_message(session: Session, evt: gr.SelectData) -> Updates:
        i = session.message_answer.get(evt.index if isinstance(evt.index, int) else evt.index[0])
        if i is None:
            return gr.skip()
        return {state: session, **show_answer(session, i)}

    def show_card(index: int | None, session: Session, request: gr.Request) -> Updates:
        if index is None or not 0 <= index < len(session.cards):
            return gr.skip()
        session.card = index
        opened = panel.open_card(session.cards[index], scope_of(bot, request))
        # Noted when the page goes out, not before it is rendered: an answer selected meanwhile closes the panel
        # (closed_panel) and this page then opens it again, so the flag must say open or the next answer's cards
        # event would leave the page and its buttons on screen.
        session.panel_open = True
        return {**dict(zip(panel.outputs, opened, strict=True)), state: session}

    # --- exports, made when asked for -----------------------------------------------------------------------
    def export_answer(session: Session, request: gr.Request) -> Any:
        if session.current is None or not 0 <= session.current < len(session.answers):
            gr.Info("Ask a question first; the export is of an answer.")
            return gr.skip()
        answer = session.answers[session.current]
        scope = scope_of(bot, request)
        if not bot.may_read([c.doc_id for c in answer.citations], scope):  # access revoked since it was asked
            # Removed from the index, or no longer readable for this user: the same to them, said as both.
            gr.Info("This answer cites documents that are no longer in the index or no longer open to you, so it "
                    "is not exported; ask the question again for an answer from what is indexed now.")
            return gr.skip()
        bot.audit.record(scope.user, "export", kind="answer", question=answer.question,
                         documents=sorted({c.doc_id for c in answer.citations}))
        md = tmp.write_text(f"briefbot-answer-{session.current + 1}.md", answer_markdown(answer))
        session.export_shown = True
        return gr.File(value=str(md), visible=True)

    def export_pdf(session: Session, request: gr.Request) -> Any:
        if session.card is None or not 0 <= session.card < len(session.cards):
            gr.Info("Select a citation first; the PDF is the cited document.")
            return gr.skip()
        scope = scope_of(bot, request)
        doc_id = session.cards[session.card].doc_id
        try:
            bot.document(doc_id, scope)
            pdf = resolve_pdf(bot, doc_id)
        except BriefbotError as exc:
            gr.Info(str(exc))
            session.export_shown = False
            return gr.File(value=None, visible=False)  # not the last citation's PDF, as if it were this one's
        bot.audit.record(scope.user, "export", kind="pdf", document=doc_id)
        session.export_shown = True
        return gr.File(value=str(tmp.copy(pdf)), visible=True)

    # --- feedback -------------------------------------------------------------------------------------------
    def record(session: Session, rating: Rating, text: str, request: gr.Request) -> Updates:
        i = session.current
        if i is None or not 0 <= i < len(session.answers):
            return {fb_status: "Ask a question first; feedback is about an answer."}
        answer = session.answers[i]
        given = make_record(answer, rating, text or "", owner=owner_of(request, loopback))
        records = read_feedback(fb_file) if given["owner"] else []
        before = earlier_vote(records, given) if given["owner"] else None
        kept = ""
        said = earlier_comment(records, given) if before else ""
        if said and not (text or "").strip():
            # A vote without a comment (the same one again, its box emptied by the first, or a change of mind)
            # keeps the earlier comment: changing the rating must not delete the note.
            given["comment"], kept = said, " Your earlier comment is kept."
        elif said and said.strip() != (text or "").strip():
            kept = " Your new comment replaces the earlier one."
        append_feedback(fb_file, given)
        verdict = rating_label(rating).lower()
        note = ", with your comment," if (text or "").strip() else ""
        # A second vote on one answer replaces the first where it is counted: said, so neither looks lost.
        replaced = (f" It replaces your earlier “{rating_label(before.get('rating')).lower()}”: "
                    "only your latest vote on an answer counts.") if before else ""
        return {fb_status: f"Thanks: recorded “{verdict}”{note} for “{md_text(clip(answer.question, 80))}”."
                           + replaced + kept, comment: ""}

    def feedback_up(session: Session, text: str, request: gr.Request) -> Updates:
        return record(session, "up", text, request)

    def feedback_down(session: Session, text: str, request: gr.Request) -> Updates:
        return record(session, "down", text, request)

    def my_feedback(request: gr.Request) -> list[dict[str, Any]]:
        """This user's feedback, their latest vote per answer; everyone's for the feedback readers the settings
        name."""
        records = visible_feedback(latest_votes(read_feedback(fb_file)), owner_of(request, loopback),
                                   everyone=bool(request.username and request.username in readers))
        return bot.readable_feedback(records, scope_of(bot, request))  # records quote the documents they cite

    def feedback_table(request: gr.Request) -> tuple[list[list[Any]], str]:
        """The rows, newest first, and their word floors (a <style>: the table's columns fit its panel)."""
        rows = my_feedback(request)[-500:]
        # Each cited document once: an answer quoting four paragraphs of one resolution read "S/RES/2781 (2025);
        # S/RES/2781 (2025); S/RES/2781 (2025); S/RES/2781 (2025)" (a browser walk's find).
        shown = [[when(r.get("timestamp")), rating_label(r.get("rating")), r.get("question", ""), r.get("comment", ""),
                  "; ".join(dict.fromkeys(c.get("symbol") or c.get("document", "") for c in r.get("citations") or []))]
                 for r in reversed(rows)]
        return shown, word_floor_css("#fb-table", shown)

    def export_feedback(kind: str, request: gr.Request) -> str:
        dest = tmp.path(f"briefbot-feedback.{kind}")
        records = my_feedback(request)
        out = export_jsonl(records, dest) if kind == "jsonl" else export_csv(records, dest)
        out.chmod(0o600)
        bot.audit.record(request.username or None, "export", kind=f"feedback-{kind}", records=len(records))
        return str(out)

    # The box appears with its file, as the chat's and the history's exports do (empty, it drew a file icon in a
    # frame under the buttons).
    def export_jsonl_click(request: gr.Request) -> Any:
        return gr.File(value=export_feedback("jsonl", request), visible=True)

    def export_csv_click(request: gr.Request) -> Any:
        return gr.File(value=export_feedback("csv", request), visible=True)

    # --- library, uploads, removal --------------------------------------------------------------------------
    def upload_table(rows: list[list[Any]]) -> Updates:
        """The upload's files and their table's word floors (a <style>: each column at least its longest words)."""
        return {upload_rows: rows, upload_fit: word_floor_css("#upload-results", rows, 0)}

    def start_upload(paths: list[str] | None, session: Session, collection: str | None,
                     request: gr.Request) -> Updates:
        if not paths:  # said as Remove says it (nothing happened, a browser walk's find)
            return {state: session, upload_status: "Choose the files to add first (Files, above).", **upload_table([]),
                    timer: gr.Timer(active=False)}
        scope = scope_of(bot, request)
        try:
            target = bot.writable_collection(collection or "general", scope)
            check = validate_uploads([Path(f) for f in paths or []], settings.upload_max_mb,
                                     settings.upload_max_files)
        except BriefbotError as exc:
            return {state: session, upload_status: f"**Upload refused:** {md_text(str(exc))}", **upload_table([]),
                    timer: gr.Timer(active=False)}
        if not check.accepted:
            rows = [[name, "refused", reason] for name, reason in check.rejected]
            return {state: session, upload_status: "**Nothing to ingest:** every file was refused (see below).",
                    **upload_table(rows), timer: gr.Timer(active=False)}
        staged = stage_uploads(check.accepted, IndexLayout(index).uploads)
        running = sum(1 for j in jobs.values() if not j.finished)
        job = IngestJob(staged, check.rejected, collection=target, scope=scope).start(bot, behind=running)
        jobs[job.id] = job
        session.job = job.id
        # The files handed over leave the box: left there, the next "Add to index" sent them again with the new
        # ones (a removed note came back, and the new file was refused as its duplicate; a walk-through's find).
        return {state: session, upload_status: job.status(), **upload_table(job.rows()), timer: gr.Timer(active=True),
                files: gr.update(value=None)}

    def poll(session: Session, request: gr.Request) -> Updates:
        job = jobs.get(session.job or "")
        if job is None:
            return {timer: gr.Timer(active=False)}
        if not job.finished:
            return {upload_status: job.status(), **upload_table(job.rows())}
        jobs.pop(job.id, None)
        return {timer: gr.Timer(active=False), upload_status: job.status(), **upload_table(job.rows()),
                **library_outputs(request)}

    # Removal asks first: a document removed by a slip of the mouse had to be ingested again (a walk-through's
    # find). The first click names what would go; only Confirm removes, and exactly what was named.
    def ask_remove(doc_ids: list[str] | None, request: gr.Request) -> Updates:
        hidden = {pending_remove: [], confirm_row: gr.Row(visible=False)}
        if not doc_ids:
            return {**hidden, remove_status: "Choose the documents to remove first."}
        scope = scope_of(bot, request)
        try:
            infos = [bot.document(d, scope) for d in doc_ids]
        except BriefbotError as exc:
            return {**hidden, remove_status: f"**Not removed:** {md_text(str(exc))}"}
        named = "; ".join(f"{d.name} ({shown_file(d)})" if d.symbol or d.origin == "analysis" else shown_file(d)
                          for d in infos)
        return {pending_remove: [d.doc_id for d in infos], confirm_row: gr.Row(visible=True), remove_status: "",
                confirm_text: f"**Remove {md_text(named)} from the index?** This cannot be undone: the "
                              f"file{'s' if len(infos) > 1 else ''} must be ingested again to bring "
                              f"{'them' if len(infos) > 1 else 'it'} back."}

    def cancel_remove() -> Updates:
        return {pending_remove: [], confirm_row: gr.Row(visible=False), confirm_text: "",
                remove_status: "Nothing removed."}

    def remove_docs(doc_ids: list[str] | None, request: gr.Request) -> Updates:
        hidden = {pending_remove: [], confirm_row: gr.Row(visible=False), confirm_text: ""}
        if not doc_ids:  # a second Confirm, or one after the choice changed: nothing was named
            return {**hidden, remove_status: "Nothing removed: choose the documents, then Remove."}
        try:
            removed = bot.remove(list(doc_ids), scope_of(bot, request))
        except BriefbotError as exc:
            return {**hidden, remove_status: f"**Not removed:** {md_text(str(exc))}"}
        names = ", ".join(removed) or "nothing"
        return {**hidden, remove_status: f"Removed from the index: {md_text(names)}.", **library_outputs(request)}

    # --- API ------------------------------------------------------------------------------------------------
    def ask_api(question: str, doc_types: list[str] | None = None, year_from: int | None = None,
                year_to: int | None = None, missions: list[str] | None = None,
                documents: list[str] | None = None, origin: str | None = None,
                request: gr.Request | None = None) -> dict[str, Any]:
        """Answer a question from the indexed documents: answer text, abstained flag, citations (symbol, page,
        paragraph, verbatim quote) and the retrieved passages. ``origin``: "un" or "analysis" (non-UN)."""
        if not question or not question.strip():
            raise refused("question is empty")
        try:
            answer = bot.ask(question, filters=filters_from_ui(doc_types, year_from, year_to, missions,
                                                               documents, origin), scope=scope_of(bot, request))
        except BriefbotError as exc:
            raise refused(str(exc)) from exc
        return answer.to_dict()

    # --- layout ---------------------------------------------------------------------------------------------
    private: dict[str, Any] = {"api_visibility": "private"}
    with gr.Blocks(title="briefbot", analytics_enabled=False, delete_cache=(600, 3600)) as demo:
        state = gr.State(Session())
        gr.Markdown("## briefbot · cited answers from UN documents")
        with gr.Sidebar(label="History", open=True, width=300, elem_id="history"):
            gr.Markdown("### Conversations")
            new_chat = gr.Button("New conversation", size="sm", elem_id="new-conversation")
            delete_btn = gr.Button("Delete this conversation", size="sm", variant="stop",
                                   elem_id="delete-conversation")
            with gr.Column(visible=False, elem_id="delete-confirm") as delete_row:
                delete_text = gr.Markdown(elem_id="delete-confirm-text")
                with gr.Row():
                    delete_yes = gr.Button("Delete", variant="stop", size="sm", min_width=80,
                                           elem_id="delete-confirm-btn")
                    delete_no = gr.Button("Cancel", size="sm", min_width=80, elem_id="delete-cancel-btn")
            conv_list = gr.Dataset(components=["html"], samples=[], type="index", layout="gallery",
                                   show_label=False, visible=False, elem_id="conversations", samples_per_page=30)
            history_status = gr.Markdown(elem_id="history-status")
            with gr.Row():
                history_md = gr.Button("Export Markdown", size="sm", elem_id="history-md")
                history_json = gr.Button("Export JSON", size="sm", elem_id="history-json")
            history_file = gr.File(label="History export", interactive=False, visible=False,
                                   elem_id="history-export")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"), gr.Row():
                with gr.Column(scale=4):
                    with gr.Accordion("Filters", open=False, elem_id="filters"):
                        doc_types = gr.CheckboxGroup([(DOC_TYPE_LABELS[t], t) for t in DOC_TYPES],
                                                     label="Document type", elem_id="f-types")
                        with gr.Row():
                            # Dropdowns, not number boxes: an empty number box is sent as 0, which is no year.
                            year_from = gr.Dropdown([ANY_YEAR], value="", label="From year",
                                                    allow_custom_value=True, elem_id="f-from")
                            year_to = gr.Dropdown([ANY_YEAR], value="", label="To year",
                                                  allow_custom_value=True, elem_id="f-to")
                        missions = gr.Dropdown([], multiselect=True, label="Mission or country",
                                               elem_id="f-missions")
                        documents = gr.Dropdown([], multiselect=True, label="Only these documents",
                                                elem_id="f-docs")
                        origin = gr.Radio(ORIGIN_CHOICES, value="", label="Source", elem_id="f-origin",
                                          visible=False)  # shown by the library's load where analyses are indexed
                        clear = gr.Button("Clear filters", size="sm", elem_id="f-clear")
                    chatbot = gr.Chatbot(height="60vh", elem_id="chatbot",
                                         buttons=["copy"], layout="panel", show_label=False, autoscroll=True,
                                         sanitize_html=True, render_markdown=True, latex_delimiters=[],
                                         placeholder="Ask a question about the indexed UN documents. Every claim "
                                                     "quotes its source: symbol, page and paragraph.")
                    with gr.Row(equal_height=True):
                        question = gr.Textbox(placeholder="e.g. Until when did the Council extend the Panel of "
                                              "Experts on Libya?", show_label=False, scale=6, elem_id="question")
                        ask_btn = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    # Said before asking: a follow-up ("And what about it?") is not read with the question before it.
                    gr.Markdown(STANDALONE_HINT, elem_id="question-hint", elem_classes=["bb-meta"])
                    cards_title = gr.Markdown(visible=False, elem_id="cards-title")
                    cards = gr.Dataset(components=["html"], samples=[], type="index", layout="gallery",
                                       show_label=False, visible=False, elem_id="cards", samples_per_page=12)
                    target = gr.Markdown(elem_id="fb-target")
                    permalink = gr.Markdown(elem_id="permalink")
                    with gr.Row(equal_height=True):
                        # Short: beside the two buttons the box is ~230 px at 1400 px, and a longer placeholder
                        # wrapped, its second line clipped. The line above names the answer it is about.
                        comment = gr.Textbox(placeholder="Comment (optional)", show_label=False,
                                             scale=5, elem_id="fb-comment", max_length=4000)
                        # The two buttons go together: side by side, "Not helpful" wrapped alone onto a line of
                        # its own where the row was short (390 and 1024 px, a browser walk's find). Now the comment
                        # box takes a line of its own there, and the buttons share the next.
                        with (gr.Column(scale=2, min_width=pair_px(100, 120), elem_id="fb-buttons"),
                              gr.Row(equal_height=True)):
                            up = gr.Button(RATING_LABELS["up"], size="sm", min_width=100, elem_id="fb-up")
                            down = gr.Button(RATING_LABELS["down"], size="sm", min_width=120, elem_id="fb-down")
                    fb_status = gr.Markdown(elem_id="fb-status")
                    with gr.Row():
                        export_md = gr.Button("Export answer with citations (Markdown)", size="sm",
                                              elem_id="export-md")
                        pdf_btn = gr.Button("PDF of the selected citation", size="sm", elem_id="pdf-download")
                    export_file = gr.File(label="Download", interactive=False, visible=False,
                                          elem_id="export-file")
                with gr.Column(scale=3, elem_id="page-column"):
                    panel = page_panel(bot, settings, tmp)  # page image, previous/next page, zoom
                    caption, page = panel.caption, panel.image
            with gr.Tab("Library", id="library", elem_id="library-tab"):
                summary = gr.Markdown(elem_id="library-summary")
                docs_df = gr.Dataframe(headers=LIBRARY_COLUMNS, interactive=False, show_search="search",
                                       wrap=True, max_height=520, elem_id="library-table",
                                       label="Documents (select one for its pages, passages, file and health in "
                                             "full, under Manage a document)")
                docs_fit = gr.HTML(visible="hidden", elem_id="library-fit")  # the table's word floors (a <style>)
                failures_df = gr.Dataframe(headers=FAILURE_COLUMNS, interactive=False, label="Failed files",
                                           elem_id="failures-table", wrap=True, datatype=["str", "str", "date"])
                refresh = gr.Button("Refresh", size="sm", elem_id="library-refresh")
                with gr.Row(equal_height=True):
                    to_remove = gr.Dropdown([], multiselect=True, label="Remove documents from the index",
                                            scale=5, elem_id="remove-docs")
                    remove_btn = gr.Button("Remove", variant="stop", size="sm", scale=1, elem_id="remove-btn")
                pending_remove = gr.State([])  # the doc ids the confirmation names; Confirm removes these only
                with gr.Row(visible=False, equal_height=True, elem_id="remove-confirm") as confirm_row:
                    confirm_text = gr.Markdown(elem_id="remove-confirm-text")
                    confirm_btn = gr.Button("Confirm removal", variant="stop", size="sm", scale=0, min_width=150,
                                            elem_id="remove-confirm-btn")
                    cancel_btn = gr.Button("Cancel", size="sm", scale=0, min_width=100, elem_id="remove-cancel-btn")
                remove_status = gr.Markdown(elem_id="remove-status")
                gr.Markdown(f"### Add documents\nPDF, Word (.docx), web pages (.html), Markdown and text; "
                            f"up to {settings.upload_max_files} files of at most "
                            f"{settings.upload_max_mb:g} MB each. They are copied into the index folder and "
                            "ingested in the background; chat keeps working.")
                files = gr.File(file_count="multiple", file_types=list(UPLOAD_KINDS), label="Files",
                                elem_id="upload")
                upload_collection = gr.Dropdown(["general"], value="general", allow_custom_value=True,
                                                label="Into the collection", elem_id="upload-collection")
                upload_btn = gr.Button("Add to index", variant="primary", elem_id="upload-btn")
                upload_status = gr.Markdown(elem_id="upload-status")
                # Columns fitted to the panel (UPLOAD_CSS): the Detail column wraps, its end (why a file was read
                # again or refused) no longer runs off the page (a browser walk's find).
                upload_rows = gr.Dataframe(headers=["File", "Status", "Detail"], interactive=False, wrap=True,
                                           label="Files in this upload", elem_id="upload-results")
                upload_fit = gr.HTML(visible="hidden", elem_id="upload-fit")  # the table's word floors (a <style>)
                timer = gr.Timer(1.0, active=False)
                manage = manage_panel()  # passages as indexed, re-ingest, collection (web/library.py)
            with gr.Tab("Mandates", id="mandates"):
                mandates_tab(bot, settings, tmp)  # its own module: track timelines, renewal changes, trends
            with gr.Tab("Feedback", id="feedback", elem_id="feedback-tab") as fb_tab:
                gr.Markdown("Your feedback" + (" (feedback readers see everyone's)"
                                                               if readers else "")
                            + ": your latest vote on each answer, the one that counts.")
                # "When" is a date to the table: its sort is by time ("4 Dec 2026" before "10 Dec 2026"), not text.
                fb_df = gr.Dataframe(headers=FEEDBACK_COLUMNS, interactive=False, wrap=True, max_height=480,
                                     label="Feedback (newest first)", elem_id="fb-table",
                                     datatype=["date", "str", "str", "str", "str"])
                fb_fit = gr.HTML(visible="hidden", elem_id="fb-fit")  # the table's word floors (a <style>)
                with gr.Row():
                    fb_refresh = gr.Button("Refresh", size="sm", elem_id="fb-refresh")
                    to_jsonl = gr.Button("Export JSONL", size="sm", elem_id="fb-jsonl")
                    to_csv = gr.Button("Export CSV", size="sm", elem_id="fb-csv")
                fb_export = gr.File(label="Export", interactive=False, visible=False, elem_id="fb-export")

        # --- events -----------------------------------------------------------------------------------------
        gr.api(ask_api, api_name="ask")  # the one public endpoint; registered first so it keeps its name
        filters = [doc_types, year_from, year_to, missions, documents, origin]
        # Everything a change of what the chat shows may update (a handler names the ones it does).
        chat_outputs = [chatbot, question, state, cards_title, cards, target, permalink, page, caption, panel.text,
                        panel.state, panel.nav, export_file, conv_list, history_status, history_file, fb_status]
        for trigger in (ask_btn.click, question.submit):
            trigger(chat, [question, chatbot, state, *filters], [chatbot, question, state], **private).then(
                chat_done, [state], [o for o in chat_outputs if o not in (chatbot, question)],
                **private).then(None, None, None, js=SHOW_NEWEST_JS)
        chatbot.select(select_message, [state], [state, cards_title, cards, target, permalink, export_file, page,
                                                 caption, panel.text, panel.state, panel.nav], **private)
        # Each of these replaces the chat, so each withdraws a deletion asked about (no_deleting).
        leaving = [*chat_outputs, delete_row, delete_text]
        demo.load(on_load, [state], leaving, **private)
        demo.load(None, None, None, js=CLOSE_SIDEBAR_ON_PHONE_JS)
        demo.load(None, None, None, js=WHOLE_CHOICE_JS)
        # A reopened conversation shows its newest answer, whose cards are under it (a browser walk: the chat stood
        # at the first answer above the twelfth's cards).
        conv_list.click(open_conversation, [conv_list, state], leaving, **private).then(
            None, None, None, js=SHOW_NEWEST_JS)
        new_chat.click(new_conversation, [state], leaving, **private)
        # The chat's own Clear (trash) button empties the messages in the browser; without this the permalink,
        # citation cards and feedback / export target of the cleared answer stayed.
        chatbot.clear(clear_chat, [state], leaving, **private)
        delete_btn.click(ask_delete, [state], [delete_row, delete_text, history_status], **private)
        delete_no.click(cancel_delete, [state], [delete_row, delete_text, history_status], **private)
        delete_yes.click(confirm_delete, [state], [*chat_outputs, delete_row, delete_text], **private)
        history_md.click(export_history_md, [state], history_file, **private)
        history_json.click(export_history_json, [state], history_file, **private)
        cards.click(show_card, [cards, state], [*panel.outputs, state], **private).then(
            None, None, None, js=panel.into_view_js())
        clear.click(lambda: {doc_types: [], year_from: "", year_to: "", missions: [], documents: [], origin: ""},
                    None, filters, **private)
        export_md.click(export_answer, [state], export_file, **private)
        pdf_btn.click(export_pdf, [state], export_file, **private)
        up.click(feedback_up, [state, comment], [fb_status, comment], concurrency_limit=None, **private)
        down.click(feedback_down, [state, comment], [fb_status, comment], concurrency_limit=None, **private)
        lib_outputs = [summary, docs_df, docs_fit, failures_df, missions, documents, year_from, year_to, origin,
                       to_remove, pending_remove, confirm_row, confirm_text]
        demo.load(library_outputs, None, lib_outputs, **private)
        refresh.click(library_outputs, None, lib_outputs, **private)
        confirming = [pending_remove, confirm_row, confirm_text, remove_status]
        remove_btn.click(ask_remove, [to_remove], confirming, **private)
        cancel_btn.click(cancel_remove, None, confirming, **private)
        # Choosing other documents withdraws the question: Confirm must not remove what is no longer shown chosen.
        to_remove.input(lambda: {pending_remove: [], confirm_row: gr.Row(visible=False), confirm_text: ""}, None,
                        [pending_remove, confirm_row, confirm_text], **private)
        confirm_btn.click(remove_docs, [pending_remove], [remove_status, *lib_outputs], **private)
        upload_btn.click(start_upload, [files, state, upload_collection],
                         [state, upload_status, upload_rows, upload_fit, timer, files], **private)
        manage.wire(bot, demo, refresh, library_outputs, lib_outputs, upload_collection, docs_df)
        timer.tick(poll, [state], [timer, upload_status, upload_rows, upload_fit, *lib_outputs],
                   concurrency_limit=None,
                   show_progress="hidden", **private)
        fb_refresh.click(feedback_table, None, [fb_df, fb_fit], **private)
        # Opening the tab shows what was given since (it stayed empty until Refresh, the walk-through's find).
        fb_tab.select(feedback_table, None, [fb_df, fb_fit], **private)
        to_jsonl.click(export_jsonl_click, None, fb_export, **private)
        to_csv.click(export_csv_click, None, fb_export, **private)
    return demo


# The private temp spaces of apps built in this process, removed by :func:`close`.
_temp_spaces: list[TempFiles] = []


class _GuardedApp(GradioApp):
    """Gradio's server app with :class:`RequestGuard` outside every middleware Gradio adds (its CORS layer would
    otherwise answer a foreign origin before the guard saw the request)."""

    allowed: frozenset[str] = frozenset()

    def build_middleware_stack(self) -> Any:
        return RequestGuard(super().build_middleware_stack(), self.allowed)


def blocked_paths(index: Path, temp: Path) -> list[str]:
    """The index is never served. Gradio checks its block list before its own cache, so when the private temp
    space lies inside the index, everything in the index but that space is blocked instead."""
    index, temp = index.resolve(), temp.resolve()
    if not temp.is_relative_to(index) or temp == index:
        return [str(index)]
    layout = IndexLayout(index)
    history = layout.history.name  # with SQLite's -wal and -shm beside it
    names = {p.name for p in index.iterdir()} | {layout.uploads.name, layout.feedback.name, ACCESS_FILE, AUDIT_FILE,
                                                 history, f"{history}-wal", f"{history}-shm"}
    return [str(index / n) for n in sorted(names - {temp.relative_to(index).parts[0]})]


def launch(demo: gr.Blocks, settings: Settings, prevent_thread_lock: bool = False, quiet: bool = False) -> str:
    """Serve ``demo`` as the settings say; returns the local URL. Refuses non-loopback binds without auth."""
    check_bind(settings.host, settings.auth, accounts=has_accounts(settings))
    check_login(settings)
    demo.queue(default_concurrency_limit=CONCURRENCY, max_size=64)
    options = launch_options(settings)  # TLS files and the sign-in rate limiter
    # Gradio ignores app_kwargs when it is handed an app, so the sign-in middleware goes into ours.
    server_app = _GuardedApp(default_response_class=ORJSONResponse, **options.pop("app_kwargs", {}))
    server_app.allowed = allowed_hosts(settings.host, (settings.host_names or "").split(","))
    _, url, _ = demo.launch(
        server_name=settings.host, server_port=settings.port, auth=sign_in(settings),
        auth_message="briefbot: sign in", share=False, inbrowser=False, prevent_thread_lock=prevent_thread_lock,
        quiet=quiet, ssr_mode=False, mcp_server=False, strict_cors=True, _app=server_app,
        # Nothing on disk is served except files the app returns; the index itself never is.
        allowed_paths=[], blocked_paths=blocked_paths(Path(settings.index), temp_parent(settings)),
        # Twice the upload limit: larger bodies are cut off by the server, smaller ones get our clear message.
        max_file_size=f"{int(2 * settings.upload_max_mb)}mb",
        theme=THEME, css=CSS + PAGE_CSS, **options)
    return str(url)


def close(demo: gr.Blocks) -> None:
    """Stop serving and remove this process's private temp space (exports, page images, Gradio's cache)."""
    demo.close()
    while _temp_spaces:
        _temp_spaces.pop().cleanup()
