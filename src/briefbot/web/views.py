"""What the web app shows, without Gradio: citation cards, chat messages, filter choices, library rows, history.

Everything here formats what the ``Briefbot`` service returns; nothing retrieves, ranks or prompts.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..answer import direct_line_parts
from ..errors import BriefbotError
from ..export import plain_abstention
from ..history import Conversation
from ..mdtext import md_text
from ..models import (
    DOC_TYPE_LABELS,
    Answer,
    Citation,
    DocInfo,
    Filters,
    Hit,
    analysis_name,
    cited_name,
    clip,
    elided,
    reference,
    reference_parts,
)
from ..refs import places_about
from ..service import read_by_older_note

_PASSAGE_CHARS = 420  # a closest-passage card shows this much of the passage


# --- citation cards -----------------------------------------------------------------------------------------
@dataclass(slots=True)
class Card:
    """One selectable card under an answer: a citation, or (for an abstention) one of the closest passages."""

    key: str
    doc_id: str
    symbol: str | None
    title: str | None
    doc_type: str | None
    date: str | None
    page: int | None
    paragraph: str | None
    quote: str
    passage: bool = False  # a closest passage, not a citation
    start: int | None = None  # offset of the quote in the cleaned page text, when known
    ocr: bool = False  # the quote is OCR text of a scanned page
    work: str | None = None  # an analysis: 'Boutellis, "Still Flying Blind" (Oxford Research Group, 2019)'
    page_end: int | None = None  # a quote over a page break: its last page, and its part on each page
    parts: list[tuple[int | None, str]] = field(default_factory=list)
    cut_before: bool = False  # the quote starts / ends inside a sentence: shown with "…" there
    cut_after: bool = False

    def reference(self) -> str:
        return reference(self.name(), self.paragraph, self.page, self.page_end, ocr=self.ocr,
                         page_first=self.work is not None)

    def name(self) -> str:
        return self.work or cited_name(self.symbol or self.doc_id, self.title)


def _work(origin: str, authors: list[str], title: str | None, publisher: str | None, report_number: str | None,
          date: str | None) -> str | None:
    return analysis_name(authors, title, publisher, report_number, date) or None if origin == "analysis" else None


def card_from_citation(c: Citation) -> Card:
    return Card(key=c.key, doc_id=c.doc_id, symbol=c.symbol, title=c.title, doc_type=c.doc_type, date=c.date,
                page=c.page, paragraph=c.paragraph, quote=c.quote, start=c.start, ocr=c.ocr,
                work=_work(c.origin, c.authors, c.title, c.publisher, c.report_number, c.date), page_end=c.page_end,
                parts=list(c.parts), cut_before=c.cut_before, cut_after=c.cut_after)


def card_from_hit(h: Hit) -> Card:
    """A passage card quotes the part of the chunk printed on its first page (what the page view can show)."""
    spans = h.chunk.spans
    text = h.chunk.text
    page = spans[0].page if spans else None
    start = None
    if spans:
        on_page = [i for i, s in enumerate(spans) if s.page == page]
        end_at = spans[on_page[-1] + 1].at if on_page[-1] + 1 < len(spans) else len(text)
        text = text[spans[0].at:end_at]
        start = spans[0].start
    return Card(key=str(h.rank), doc_id=h.doc.doc_id, symbol=h.doc.symbol, title=h.doc.title,
                doc_type=h.doc.doc_type, date=h.doc.date, page=page, paragraph=h.chunk.paragraph,
                quote=text.strip(), passage=True, start=start,
                work=_work(h.doc.origin, h.doc.authors, h.doc.title, h.doc.publisher, h.doc.report_number, h.doc.date))


def cards_for(answer: Answer, closest: int = 5) -> list[Card]:
    """Citations of an answer; for an abstention, the closest passages instead."""
    if answer.citations:
        return [card_from_citation(c) for c in answer.citations]
    if answer.abstained:
        return [card_from_hit(h) for h in answer.hits[:closest]]
    return []


def card_html(card: Card) -> str:
    """A card as escaped HTML: reference line, title/type/date line, quote."""
    e = html.escape
    name, *place = reference_parts(card.name(), card.paragraph, card.page, card.page_end, ocr=card.ocr,
                                   page_first=card.work is not None)
    where = [f"<b>{e(name)}</b>"] + [e(p).replace(" ", "&nbsp;", 1) for p in place]
    meta = [x for x in (card.title, DOC_TYPE_LABELS.get(card.doc_type or "", card.doc_type), card.date) if x]
    quote = elided(card.quote, card.cut_before, card.cut_after)
    if card.passage:
        quote = clip(quote, _PASSAGE_CHARS)
    badge = "closest passage" if card.passage else "citation"
    return (f'<div class="bb-card{" bb-passage" if card.passage else ""}">'
            f'<div class="bb-ref"><span class="bb-key">[{e(card.key)}]</span> {" · ".join(where)}'
            f' <span class="bb-badge">{badge}</span></div>'
            f'<div class="bb-meta">{e(" · ".join(meta))}</div>'
            f'<div class="bb-quote">“{e(quote)}”</div></div>')


def answer_message(answer: Answer) -> str:
    """The assistant's chat message for a finished answer: the answer, an abstention said plainly, notes."""
    parts = []
    if answer.abstained:
        text = plain_abstention(answer.answer)
        parts.append("**Not answered by the indexed documents.** " + md_text(text))
        if answer.hits and "closest passages" not in text.lower():
            parts.append("_The closest passages are listed below; none of them answers the question._")
    else:
        first, _, rest = answer.answer.strip().partition("\n")
        lead = direct_line_parts(first)
        if lead:  # the engine's own bold, around spans that are document text and stay literal
            first = "; ".join(f"**{md_text(span)}** [{key}]" for span, key in lead)
            parts.append(first + ("  \n" + md_text(rest) if rest else ""))
        else:
            parts.append(md_text(answer.answer.strip()))
    parts.extend(f"> **Note:** {md_text(note)}" for note in answer.notes)
    return "\n\n".join(parts)



# --- filters ------------------------------------------------------------------------------------------------
ANY_YEAR = ("Any year", "")  # the year boxes' empty choice: no bound


def parse_year(value: Any, first: int = 1900, last: int = 2200, what: str = "a year",
               remedy: str = "pick a year from the list, or leave the box empty for no bound") -> int | None:
    """A year box's value (the chat's filters, the Mandates tab); empty means no bound, anything else must be a
    year from ``first`` to ``last`` (BriefbotError with ``remedy``)."""
    if value is None or str(value).strip() in ("", ANY_YEAR[0]):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        number = math.nan
    # A whole number only: a number box gives 2015.0, but "2015.5" typed is no year (it was read as 2015).
    year = int(number) if number.is_integer() else 0
    if not first <= year <= last:
        raise BriefbotError(f"{str(value).strip()[:20]!r} is not {what}", remedy)
    return year


def year_choices(docs: list[DocInfo]) -> list[tuple[str, str]]:
    """The years the indexed documents are dated, newest first, after the no-bound choice."""
    years = sorted({d.year for d in docs if d.year}, reverse=True)
    return [ANY_YEAR, *((str(y), str(y)) for y in years)]


ORIGIN_CHOICES = [("All", ""), ("UN documents", "un"), ("Analyses (non-UN)", "analysis")]


def filters_from_ui(doc_types: list[str] | None, year_from: Any, year_to: Any, missions: list[str] | None,
                    doc_ids: list[str] | None, origin: str | None = None) -> Filters | None:
    """Filters from the form; empty year boxes mean no bound. A reversed range is passed on as given: the service
    reads it (service.years_in_order) the same way for the web and the CLI, and says so in the answer.

    Raises BriefbotError (with its remedy) for a year box holding something that is not a year.
    """
    y0, y1 = parse_year(year_from), parse_year(year_to)
    if origin not in (None, "", "un", "analysis"):
        raise BriefbotError(f"unknown source {origin!r}", "pick UN documents, Analyses or All")
    filters = Filters(doc_types=list(doc_types) if doc_types else None, year_from=y0, year_to=y1,
                      missions=list(missions) if missions else None, doc_ids=list(doc_ids) if doc_ids else None,
                      origin=origin or None)
    return filters if filters.active() else None


def mission_choices(docs: list[DocInfo]) -> list[tuple[str, str]]:
    """(label, value) per place the documents are about. A name with accents or a curly apostrophe is labelled
    as typed on a plain keyboard too ("Côte d’Ivoire (Cote d'Ivoire)"): the list is searched by its labels, and
    typing "Cote" found nothing."""
    return [(_typable(p), p) for p in sorted({m for d in docs for m in places_about(d.missions, d.title, d.about)})]


def _typable(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    return name if plain == name else f"{name} ({plain})"


def document_choices(docs: list[DocInfo], twins: bool = True) -> list[tuple[str, str]]:
    """(label, doc_id) per document. ``twins=False`` (the chat's Documents filter) lists a resolution indexed both
    as PDF and as Council XML once, as its PDF: answers cite the PDF twin anyway, and two "S/RES/2780 (2025)" lines
    titled differently read as two documents. Removal lists both: each is removed on its own."""
    pdf_symbols = {d.symbol for d in docs if d.symbol and d.source == "pdf"}
    shown = docs if twins else [d for d in docs if not (d.source == "bulk" and d.symbol in pdf_symbols)]
    # A document with no symbol is also found by its file name, as it was uploaded ("analysis — Zorvian smuggling
    # note" alone was not found by typing "zorvian.md").
    return [(f"{d.name if d.symbol or d.origin == 'analysis' else shown_file(d)} — {clip(d.title or d.file_name, 70)}"
             + (f" · {shown_file(d)}" if not d.symbol and d.origin == "analysis" else ""), d.doc_id) for d in shown]


# --- tables -------------------------------------------------------------------------------------------------
# Tables whose columns share the width they are given, each never narrower than its longest word. Gradio sizes a
# column without a width of its own from an auto-layout table holding each column's longest value: with words
# breaking only at spaces and hyphens there (and in the cells), a column's narrowest is that value's longest word,
# so "S/RES/2783" and "Implementation" stay whole while the table fits its panel. The longest value need not hold
# the column's longest word ("UNMISS, South Sudan" beside "MONUSCO"): :func:`word_floor_css` adds each column's
# longest words to its sizing cell. Fixed pixel widths kept words whole but made the Library scroll sideways beside
# the sidebar at 1024 px and the Mandates timeline at 1400 px (a browser walk's find); percentages broke words. A
# file name (no spaces) may break anywhere, else it alone would widen its column. The body font, narrower than
# Gradio's monospace, headers not in bold and less cell padding save width; what still does not fit at 1024 px
# beside the sidebar is shown elsewhere (see LIBRARY_COLUMNS, mandates_tab.WEB_TIMELINE_COLUMNS).
CELL_PAD = "3px"


def fitted_table_css(table: str, breakable: int | None = None) -> str:
    """CSS for the Dataframe ``table`` (an id selector): words whole, columns sharing the width; column
    ``breakable`` (0-based) may break anywhere."""
    css = (f"{table} .header-table {{ width: 100% !important; }}\n"  # measured in the panel's width, not unbounded
           f"{table} .virtual-row, {table} .header-cell, {table} .sizing-body td {{ font-size: 12.5px; "
           "font-family: var(--font); }\n"
           # A column's narrowest is set by word_floor_css's words alone: a long token (a URL in a warning) of
           # the longest value would otherwise widen it past the panel.
           f"{table} .sizing-body td, {table} .sizing-body .cell-wrap {{ white-space: normal; }}\n"
           f"{table} .sizing-body .cell-wrap {{ overflow-wrap: anywhere; }}\n"
           f"{table} .sizing-body td, {table} .body-cell span, {table} .header-cell span {{ word-break: normal; "
           "overflow-wrap: break-word; }\n"
           # The same horizontal padding around a sizing cell's text and a body cell's text.
           f"{table} .sizing-body td, {table} .body-cell .cell-wrap {{ padding-left: 0; padding-right: 0; }}\n"
           f"{table} .sizing-body .cell-wrap, {table} .header-cell .cell-wrap, {table} .sizing-body td::after "
           f"{{ padding-left: {CELL_PAD}; padding-right: {CELL_PAD}; }}\n"
           f"{table} .body-cell span {{ padding-left: {CELL_PAD}; padding-right: {CELL_PAD}; }}\n"
           # A word measured alone at a line's end came out a fraction of a pixel narrower than in its cell.
           f"{table} .sizing-body td::after {{ padding-right: calc({CELL_PAD} + 2px); }}\n"
           # Headers in the cells' weight, a size smaller: bold headers made "Passages" a column's widest word.
           f"{table} .header-cell span {{ font-size: 12px; font-weight: 500; "
           "color: var(--body-text-color-subdued); }\n")
    if breakable is not None:
        css += (f"{table} .sizing-body td:nth-child({breakable + 1}), "
                f"{table} .body-cell[data-col=\"{breakable}\"] span {{ overflow-wrap: anywhere; }}\n")
    return css


_WORD_BREAK = re.compile(r"\s+|(?<=-)(?=[^\W\d_])")  # spaces, and a hyphen before a letter (not a date's)


def _css_string(text: str) -> str:
    """``text`` as a CSS string's content: every character but a letter, digit or space escaped, so document text
    can neither end the string nor the <style> element."""
    return "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} " for c in text)


FLOOR_WORD_CHARS = 24  # a longer token (a URL, a path) may break rather than widen its column past the panel


def word_floor_css(table: str, rows: list[list[Any]], skip: int | None = None, words: int = 5,
                   caps: dict[int, int] | None = None) -> str:
    """A <style> element for the Dataframe ``table``: each column's sizing cell also holds its ``words`` longest
    words (by characters, up to :data:`FLOOR_WORD_CHARS`, or ``caps[column]``), one a line and unbroken, so the
    column is at least as wide as the widest of them in the page's own font. Column ``skip`` (a file name) is left
    out."""
    rules = []
    for col in range(max((len(r) for r in rows), default=0)):
        if col == skip:
            continue
        cap = (caps or {}).get(col, FLOOR_WORD_CHARS)
        found = {w for r in rows if col < len(r) for w in _WORD_BREAK.split(str(r[col] if r[col] is not None else ""))
                 if w and len(w) <= cap}
        longest = sorted(found, key=lambda w: (-len(w), w))[:words]
        if longest:
            content = "\\a ".join(_css_string(w) for w in longest)
            rules.append(f'{table} .sizing-body td:nth-child({col + 1})::after {{ content: "{content}"; }}')
    if not rules:
        return ""
    return (f"<style>{table} .sizing-body td::after {{ display: block; white-space: pre; height: 0; }}\n"
            + "\n".join(rules) + "</style>")


# --- library ------------------------------------------------------------------------------------------------
# What an analyst scans the library for: which document, what and when, about where, whether it reads well, who may
# read it. Ten columns, every word whole, needed ~870 px on the full corpus beside the open sidebar's ~660 px at
# 1024 px, and squeezed the file name to a letter or three a line (a browser walk's find). Pages, passages, the file
# name and the health's details (which pages, which warnings) are in the document's details under "Manage a
# document" (library.describe), opened by selecting its row.
LIBRARY_COLUMNS = ["Symbol", "Title", "Type", "Date", "Missions", "Health", "Collection"]
# A title's token longer than this ("proliferation/Democratic", 24 characters) may break where it must rather than
# widen the Title column past the panel at 1024 px; shorter words stay whole.
LIBRARY_FLOOR_CAPS = {LIBRARY_COLUMNS.index("Title"): 16}
FAILURE_COLUMNS = ["File", "Reason", "When"]


def health(d: DocInfo) -> str:
    if d.pages and len(d.empty_pages) >= d.pages:
        return "no text (scanned?)"
    if d.empty_pages:
        return f"{count(len(d.empty_pages), 'page')} without text"
    if d.warnings:
        return "warnings"
    return "ok"


def health_brief(d: DocInfo, older: bool = False) -> str:
    """The library table's Health: its state, and how many warnings (their text is in the details)."""
    state = health(d)
    # Not the parser's warning naming the pages without text, which the state already says (the details say it
    # once): "3 pages without text; warnings (1)" promised a warning the details did not show.
    warnings = [w for w in d.warnings if not (d.empty_pages and _EMPTY_PAGES_WARNING.match(w))]
    if warnings:
        state = ("warnings" if state == "warnings" else state + "; warnings") + f" ({len(warnings)})"
    if older:
        state = ("" if state == "ok" else state + "; ") + OLDER_HEALTH
    return state


def health_details(d: DocInfo, older: bool = False) -> str:
    """The health in full, as the document's details show it: which pages have no text, every warning."""
    state, warnings = health(d), list(d.warnings)
    # The parser's own warning names the same pages, as ranges and with the reason: said once, in its words.
    said = next((w for w in warnings if _EMPTY_PAGES_WARNING.match(w)), None)
    if said and d.empty_pages and state != "no text (scanned?)":
        warnings.remove(said)
        state = _EMPTY_PAGES_WARNING.sub(lambda m: count(int(m[1]), "page") + " without text: p. ", said)
    elif d.empty_pages:
        state += f" (p. {', '.join(map(str, d.empty_pages[:12]))}{' …' if len(d.empty_pages) > 12 else ''})"
    if older:
        state = ("" if state == "ok" else state + "; ") + OLDER_HEALTH
    if warnings:
        state += "; " + "; ".join(warnings)
    return state


# How parse/pdf.py words its warning about pages without text ("3 page(s) without text: 40-42 (why)").
_EMPTY_PAGES_WARNING = re.compile(r"^(\d+) page\(s\) without text: ")


def library_rows(docs: list[DocInfo], older: AbstractSet[str] = frozenset()) -> list[list[Any]]:
    """One row per document under :data:`LIBRARY_COLUMNS`; ``older``: the documents an earlier version of briefbot
    read (Re-ingest reads them again)."""
    return [[d.name if d.name != "?" else NO_SYMBOL, title_cell(d), DOC_TYPE_LABELS.get(d.doc_type, d.doc_type),
             d.date or "", ", ".join(places_about(d.missions, d.title, d.about)), health_brief(d, d.doc_id in older),
             d.collection]
            for d in docs]


NO_SYMBOL = "—"  # a document without a UN symbol or an analysis's authors: its file name is in the Title cell


def title_cell(d: DocInfo) -> str:
    """The title, then the file: the table's search finds a document by its file name, and a resolution's PDF
    and Council XML (same symbol, title and date) are told apart, so a selected row opens the one chosen. A file
    named as one indexed from another folder is indexed under another id, which is said too: the two rows read the
    same, and selecting the second opened the first."""
    return f"{d.title} · {shown_file(d)}" if d.title else shown_file(d)


def shown_file(d: DocInfo) -> str:
    """The file name, and the id it is indexed under when that differs (a second "report.pdf" from another folder
    is "report~<sha>.pdf"), so that two documents never read the same."""
    return d.file_name if d.doc_id == d.file_name or d.source == "bulk" else f"{d.file_name} (as {d.doc_id})"


def failure_rows(failures: list[dict[str, str]]) -> list[list[Any]]:
    return [[f.get("file_name", ""), f.get("reason", ""), when(f.get("at"))] for f in failures]


OLDER_HEALTH = "read by an earlier version of briefbot"


def count(n: int, noun: str, plural: str | None = None, bold: bool = False) -> str:
    """``n`` things as the web says it: thousands separated, the noun singular for one ("1 page", "2,300 pages");
    ``bold``: the number in Markdown bold."""
    number = f"**{n:,}**" if bold else f"{n:,}"
    return f"{number} {noun if n == 1 else plural or noun + 's'}"


def library_summary(docs: list[DocInfo], failures: list[dict[str, str]], older: int = 0) -> str:
    unhealthy = sum(1 for d in docs if health(d) != "ok")
    return (f"{count(len(docs), 'document', bold=True)} · {count(sum(d.chunks for d in docs), 'passage', bold=True)}"
            f" · **{unhealthy:,}** with warnings or pages without text · "
            f"{count(len(failures), 'file', bold=True)} failed"
            # our own words: no escaping
            + (f"\n\n{read_by_older_note(older, WEB_REREAD)}" if older else ""))


# How a web user reads a document again: an upload of the same bytes is a duplicate, not a re-read.
WEB_REREAD = (f"their Health says “{OLDER_HEALTH}”; choose each under Manage a document below and press "
              "Re-ingest")


# --- conversation history -------------------------------------------------------------------------------------
def exchange(question: str, answer: Answer, note: str = "") -> list[dict[str, str]]:
    """The two chat messages of one finished question and answer (a reopened one looks as it did)."""
    return [{"role": "user", "content": md_text(question)},
            {"role": "assistant", "content": answer_message(answer) + (f"\n\n_{md_text(note)}_" if note else "")}]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def when(stamp: str | None) -> str:
    """A stored time as the web shows it, the one place it is formatted: ``2026-12-04T10:11:12.123456+00:00`` as
    ``4 Dec 2026, 10:11 UTC``. A time without its zone is this server's local time (how the catalog writes ingest
    and failure times) and is given in UTC too; text that is not a time is shown as it is."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.strip()).astimezone(UTC)
    except ValueError:
        return stamp
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M} UTC"


def conversation_html(conv: Conversation, current: bool = False) -> str:
    """A conversation in the history list: its first question, the later ones, when and how many (escaped)."""
    e = html.escape
    later = "".join(f'<div class="bb-conv-q">{e(clip(q, 90))}</div>' for q in conv.questions[1:4])
    more = len(conv.questions) - 4
    if more > 0:
        later += f'<div class="bb-conv-q">… {more} more</div>'
    n = len(conv.questions)
    withheld = f" · {conv.withheld} not shown" if conv.withheld else ""  # as the reopened conversation says
    return (f'<div class="bb-conv{" bb-current" if current else ""}"><div class="bb-conv-title">{e(conv.title)}'
            f'</div>{later}<div class="bb-meta">{e(when(conv.updated))} · {n} question{"s" if n != 1 else ""}'
            f'{withheld}</div></div>')


def permalink_markdown(token: str | None) -> str:
    """The permalink line under an answer (a link relative to the page, so it names whatever host serves it)."""
    if not token:
        return ""
    return (f"[Permalink to this answer](?answer={token}) · anyone who may use this server can open it")
