"""Typed objects that cross stage boundaries: Document → Chunk → Hit → Citation → Answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DocType = Literal["resolution", "sg_report", "panel_report", "letter", "other"]
DOC_TYPES: tuple[str, ...] = ("resolution", "sg_report", "panel_report", "letter", "other")
DOC_TYPE_LABELS: dict[str, str] = {
    "resolution": "Security Council resolution",
    "sg_report": "Secretary-General report",
    "panel_report": "Panel/Group of Experts or Monitoring Team report",
    "letter": "Letter or note verbale",
    "other": "Other",
}

Engine = Literal["extractive", "llm"]  # which engine answers a question
AnswerEngine = Literal["extractive", "llm", "mandates"]  # which one did (the tracker answers history questions)
RetrievalMode = Literal["hybrid", "dense", "lexical"]

BlockKind = Literal["preamble", "operative", "numbered", "heading", "text", "footnote", "title", "contents"]


@dataclass(slots=True)
class Span:
    """A run of characters on one page: ``page_text[start:end]`` (page is 1-based, None without pages).

    In a chunk, ``at`` is where the run begins in the chunk's text and ``label`` the paragraph it belongs to.
    """

    page: int | None
    start: int
    end: int
    label: str | None = None
    at: int = 0


@dataclass(slots=True)
class Page:
    number: int  # 1-based physical page
    text: str  # cleaned text: running heads removed, paragraphs separated by "\n"
    ocr: bool = False  # text recognised from the page image (no text layer); citations say so


@dataclass(slots=True)
class Block:
    """A paragraph as the document prints it (a resolution paragraph, a numbered report paragraph, a heading)."""

    kind: BlockKind
    text: str
    spans: list[Span]
    label: str | None = None  # "23", "7 (c)", "fn 12", or None
    section: str | None = None  # nearest heading above, e.g. "III. Observations"
    annex: bool = False


@dataclass(slots=True)
class Document:
    doc_id: str  # file name for PDFs; symbol-derived key for bulk records
    file_name: str
    sha256: str
    source: Literal["pdf", "bulk", "docx", "html", "markdown", "text"]
    symbol: str | None
    doc_type: str
    title: str | None
    date: str | None  # ISO yyyy-mm-dd
    language: str  # "en", "ru", "fr", "unknown"
    pages: list[Page]
    blocks: list[Block]
    path: str | None = None
    empty_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missions: list[str] = field(default_factory=list)
    # Non-UN analyses (think-tank, NGO, Crisis Group) are cited by author and publisher, not by symbol.
    origin: Literal["un", "analysis"] = "un"
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    report_number: str | None = None  # as printed, e.g. "Africa Report N°301"

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page_text(self, page: int | None) -> str:
        """Text a span points into; sources without pages keep their whole text as ``pages[0]``."""
        if page is None:
            return self.pages[0].text if self.pages else ""
        return self.pages[page - 1].text


@dataclass(slots=True)
class Chunk:
    """The unit that is embedded and retrieved. ``text_hash`` is its id in the vector store."""

    text_hash: str
    doc_id: str
    ordinal: int
    text: str
    spans: list[Span]
    paragraph: str | None
    section: str | None
    kind: str

    @property
    def page_start(self) -> int | None:
        return self.spans[0].page if self.spans else None

    def locate(self, offset: int) -> Span | None:
        """The span holding character ``offset`` of the chunk text."""
        found = None
        for span in self.spans:
            if span.at <= offset:
                found = span
        return found

    @property
    def page_end(self) -> int | None:
        return self.spans[-1].page if self.spans else None


@dataclass(slots=True)
class DocInfo:
    """A document's catalog row, without its text."""

    doc_id: str
    file_name: str
    path: str | None
    sha256: str
    source: str
    symbol: str | None
    doc_type: str
    title: str | None
    date: str | None
    language: str
    pages: int
    chunks: int
    empty_pages: list[int]
    warnings: list[str]
    missions: list[str]
    ingested_at: str
    collection: str = "general"  # who may read it (briefbot.access)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text Tesseract read from the image
    origin: str = "un"  # "un" | "analysis"
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    report_number: str | None = None
    # A Council record whose title names several countries: those its text is about (refs.narrow_places; set by
    # the store when read, not stored).
    about: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def name(self) -> str:
        """How a list names the document: its symbol, or for an analysis its authors and publisher."""
        if self.symbol:
            return self.symbol
        if self.origin == "analysis":
            return ", ".join(x for x in (author_names(self.authors), self.publisher) if x) or "analysis"
        return "?"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["year"] = self.year
        return d


@dataclass(slots=True)
class Hit:
    """A retrieved passage with its provenance."""

    chunk: Chunk
    doc: DocInfo
    score: float
    rank: int = 0
    dense_rank: int | None = None
    lexical_rank: int | None = None
    also_in: list[str] = field(default_factory=list)  # other documents carrying the same text
    dense_score: float | None = None  # cosine similarity to the question
    lexical_score: float | None = None
    # The latest renewal of measures or a mandate the question names by the resolution that set them up
    # (retrieve.Retriever._current_renewals): the answer treats it as named, beside that resolution.
    current: bool = False
    # The places of the series a renewal was found in (retrieve.Retriever._with_later_renewals, lower case): a
    # Council record titled "Peace and security in Africa" (the Somalia Panel's 2806 (2025)) names none itself.
    series_places: frozenset[str] = frozenset()
    # The symbols of the leading decisions whose series that lookup followed to this later renewal: it continues
    # them though worded apart ("Decides to extend … the measures as set out … in paragraphs 2 and 4 of
    # resolution 2745 (2024)", 2789 (2025), after 2339 (2017)'s "Decides that, until …, all Member States shall").
    continues: frozenset[str] = frozenset()
    # A later decision ending what a term question asks about ("decides to lift the arms embargo established in
    # resolution 733 (1992)", 2714 (2023)), found by retrieve.Retriever._ending: the answer leads with it.
    ends: bool = False
    # The decision imposing the measures a question asks the origin of ("Which resolution imposed the Libya arms
    # embargo?": 1970 (2011) para. 9), or a passage naming it when it is not indexed (retrieve.Retriever._origin).
    imposes: bool = False
    imposed_by: str | None = None  # "resolution 733 (1992)": the passage names the decision, which is not indexed
    # The earliest decision whose designation criteria name the commodity a question asks about ("Which resolution
    # first added gold to the CAR designation criteria?": 2196 (2015) para. 12 (d); retrieve.Retriever._criterion).
    criterion: bool = False
    # The newest decision of its place saying what a question asks is now, where it changed without a renewal
    # ("What is the current troop ceiling for MINUSCA?": 2800 (2025) para. 29; retrieve.Retriever.
    # _newest_statement_first): the answer leads with its sentence saying it.
    restates: bool = False
    # A passage of a resolution's annex, for a question asking whom it lists ("Decides that the entity listed in the
    # annex of this resolution …": the annex names the Houthis; retrieve.Retriever._with_annexes): quoted after the
    # lead.
    annexed: bool = False

    def to_passage(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "score": round(self.score, 4),
            "document": self.doc.file_name,
            "symbol": self.doc.symbol,
            "page": self.chunk.page_start,
            "page_end": self.chunk.page_end,
            "paragraph": self.chunk.paragraph,
            "paragraphs": list(dict.fromkeys(s.label for s in self.chunk.spans if s.label)),
            "text": self.chunk.text,
        }


_PARAGRAPH_NUMBER = re.compile(r"^(?:PP)?\d{1,3}(?: \([a-z]{1,2}\)| \([ivx]{1,5}\))*$")
# parse/meta.label_annexes: "annex I, 3", "annex 3.1, 2", "appendix, 4"
_ANNEX_LABEL = re.compile(r"^((?:annex|appendix|enclosure)(?: [IVXLC]{1,6}| \d{1,3}(?:\.\d{1,2})?[A-Z]?| [A-Z])?), "
                          r"(.+)$")


def paragraph_label(label: str) -> str:
    """How a passage's label reads in a reference: ``para. 23``, ``footnote 12`` for a footnote (``fn 12``),
    ``endnote 4`` (``en 4``), ``annex 1, para. 3`` for an annex's own numbering (``annex 1, 3``), or the quoted
    section heading that addresses a passage of an analysis (``"II.B Financing armed groups"``)."""
    if annexed := _ANNEX_LABEL.match(label):
        return f"{annexed.group(1)}, {paragraph_label(annexed.group(2))}"
    if label.startswith("fn "):
        return "footnote " + label[3:]
    if label.startswith("en "):
        return "endnote " + label[3:]
    if not _PARAGRAPH_NUMBER.match(label):
        return f"\"{label}\""
    return f"para. {label}"


def short_title(title: str) -> str:
    """A title as an analyst cites it: the part before its subtitle ("Still Flying Blind")."""
    head = re.split(r":\s|\s[—–]\s", title, maxsplit=1)[0].strip()
    return head if len(head) >= 4 else title


_CORPORATE = re.compile(r"\b(?:Group|Institute|Initiative|Centre|Center|Foundation|Council|Programme|Network|"
                        r"University|Organi[sz]ation|Association|Office|Commission|Agency|Secretariat|Watch)\b")


def author_names(authors: list[str]) -> str:
    """Surnames as a citation gives them: "Boutellis", "Diallo and Berg", "Ortega et al."."""
    # A corporate author ("International Crisis Group") is named whole; a person by the last word of the name.
    surnames = [a if _CORPORATE.search(a) or " " not in a.strip() else a.split()[-1] for a in authors]
    if len(surnames) > 2:
        return f"{surnames[0]} et al."
    return " and ".join(surnames)


def analysis_name(authors: list[str], title: str | None, publisher: str | None, report_number: str | None,
                  date: str | None) -> str:
    """How an analyst names a non-UN work: ``Boutellis, "Still Flying Blind" (Oxford Research Group, 2019)``."""
    work = f"\"{short_title(title)}\"" if title else ""
    imprint = ", ".join(x for x in (publisher, report_number, date[:4] if date else None) if x)
    head = ", ".join(x for x in (author_names(authors), work) if x)
    return (head + (f" ({imprint})" if imprint else "")).strip()


def reference_parts(name: str, paragraph: str | None = None, page: int | None = None, page_end: int | None = None,
                    no_page: str | None = None, ocr: bool = False, page_first: bool = False) -> list[str]:
    """The pieces of a reference: ``["S/RES/2769 (2025)", "para. 23", "p. 6"]``; ``pp. 4-5`` over a page break,
    ``no_page`` (e.g. "any page") in place of a missing page when given; ``p. 6 (OCR)`` when the quote is text OCR
    read off a scanned page. ``page_first``: an analysis names the page before its section (``…, p. 2, "Limited
    Strategic Guidance"``)."""
    parts = [name]
    where = None
    if page is not None and page_end is not None and page_end != page:
        where = f"pp. {page}-{page_end}"
    elif page is not None:
        where = f"p. {page}"
    elif no_page:
        where = no_page
    if where and ocr:
        where += " (OCR)"
    if where and page_first:
        parts.append(where)
    if paragraph:
        parts.append(paragraph_label(paragraph))
    if where and not page_first:
        parts.append(where)
    return parts


def not_adopted(title: str | None) -> bool:
    """A Council draft resolution that was voted down or never put to a vote: its text is no decision. The record's
    title says so (parse/akn.py, parse/bulk.py: "Draft resolution S/2023/638 (not adopted): …")."""
    return title is not None and title.startswith("Draft resolution") and "(not adopted)" in title


def cited_name(name: str, title: str | None) -> str:
    """The name a citation gives a document, as every answer, card, page view and export shows it: its symbol, and
    "(draft, not adopted)" after a draft the Council did not adopt, which must not pass for a decision."""
    return f"{name} (draft, not adopted)" if not_adopted(title) else name


def reference(name: str, paragraph: str | None = None, page: int | None = None, page_end: int | None = None,
              no_page: str | None = None, ocr: bool = False, page_first: bool = False) -> str:
    """How every answer, card, export and report names a place: ``S/RES/2769 (2025), para. 23, p. 6``."""
    return ", ".join(reference_parts(name, paragraph, page, page_end, no_page, ocr, page_first))


def clip(text: str, limit: int) -> str:
    """``text`` cut at a word boundary within ``limit`` characters, with an ellipsis when cut: every shortened label
    (a document's title in a picker, a question in the history list) ends as a reader expects, not mid-word."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:—–-") + "…"


def elided(quote: str, cut_before: bool = False, cut_after: bool = False) -> str:
    """A verbatim quote with "…" where it starts or ends inside a sentence of its source, without the quotation
    marks it opens or closes that belong to a quotation around it (``outer_marks_dropped``)."""
    return ("…" if cut_before else "") + outer_marks_dropped(quote) + (" …" if cut_after else "")


def outer_marks_dropped(quote: str) -> str:
    """``quote`` without a curly opening mark it starts with and never closes, a closing mark it ends with and never
    opened, or the pair that encloses all of it. A presidential statement is printed as a quotation, each paragraph
    opening with “ and the last closing it: set inside the answer's own marks, ““The Security Council condemns …”
    read as a typo in a briefing note. Marks inside the quote ("so-called “conflict minerals”") are kept, and so is
    the stored quote: only what is printed changes."""
    depth, closes_first = 0, None
    for i, ch in enumerate(quote):
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth == 0 and closes_first is None:
                closes_first = i
    opens_unmatched = quote.startswith("“") and (closes_first is None or depth > 0)
    if quote.startswith("“") and quote.endswith("”") and closes_first == len(quote) - 1:
        return quote[1:-1]  # one quotation, the whole quote
    if opens_unmatched:
        quote = quote[1:]
    if quote.endswith("”") and quote.count("”") > quote.count("“"):
        quote = quote[:-1]
    return quote


@dataclass(slots=True)
class Citation:
    key: str
    document: str  # the file name, as people know the document
    symbol: str | None
    page: int | None
    paragraph: str | None
    quote: str
    doc_id: str  # the catalog id (a bulk record's is not its file name): what page text and links are looked up by
    title: str | None = None
    doc_type: str | None = None
    date: str | None = None
    start: int | None = None  # offsets of the quote in the page text (of the first page, over a page break)
    end: int | None = None
    page_end: int | None = None  # set when the quote runs over a page break onto a later page
    parts: list[tuple[int | None, str]] = field(default_factory=list)  # (page, text) per page, over a break
    ocr: bool = False  # quoted from text OCR read off the page image (verified against that text)
    origin: str = "un"  # an analysis is cited by author, title and publisher instead of a symbol
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    report_number: str | None = None
    # The quote starts / ends inside a sentence of its source (a passage cut by the chunker mid-paragraph, a long
    # sentence cut to a window): shown with "…" there, so it is not read as a whole sentence.
    cut_before: bool = False
    cut_after: bool = False

    def to_dict(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.cut_before or self.cut_after:
            extra = {"cut_before": self.cut_before, "cut_after": self.cut_after}
        if self.parts:
            extra |= {"page_end": self.page_end, "parts": [{"page": p, "quote": q} for p, q in self.parts]}
        return {
            "key": self.key,
            "doc_id": self.doc_id,
            "document": self.document,
            "symbol": self.symbol,
            "page": self.page,
            "paragraph": self.paragraph,
            "quote": self.quote,
            "title": self.title,
            "doc_type": self.doc_type,
            "date": self.date,
            **({"ocr": True} if self.ocr else {}),
            "origin": self.origin,
            **({"authors": self.authors, "publisher": self.publisher, "report_number": self.report_number}
               if self.origin == "analysis" else {}),
            **extra,
        }

    def shown_quote(self) -> str:
        """The verbatim quote as printed in an answer, a card or an export: with "…" where it is cut."""
        return elided(self.quote, self.cut_before, self.cut_after)

    def reference(self) -> str:
        """``S/RES/2769 (2025), para. 23, p. 6`` (``pp. 4-5`` for a quote over a page break; ``p. 2 (OCR)`` for a
        quote of text OCR read off a scanned page); an analysis as an analyst cites it:
        ``Boutellis, "Still Flying Blind" (Oxford Research Group, 2019), p. 2, "Section"``."""
        if self.origin == "analysis":
            name = analysis_name(self.authors, self.title, self.publisher, self.report_number, self.date)
            return reference(name or self.document, self.paragraph, self.page, self.page_end, ocr=self.ocr,
                             page_first=True)
        return reference(cited_name(self.symbol or self.document, self.title), self.paragraph, self.page,
                         self.page_end, ocr=self.ocr)


@dataclass(slots=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    hits: list[Hit]
    engine: AnswerEngine = "extractive"
    notes: list[str] = field(default_factory=list)
    id: Any = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    # When it was asked (ISO 8601, UTC; set by the service): what an export is stamped with, since notes such as
    # "today is …" are about that day, not the day of the export.
    asked_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [h.to_passage() for h in self.hits],
            "engine": self.engine,
            "notes": self.notes,
        }


@dataclass(slots=True)
class Filters:
    """Restrictions on what retrieval may return; None means no restriction."""

    doc_types: list[str] | None = None
    year_from: int | None = None
    year_to: int | None = None
    symbols: list[str] | None = None
    doc_ids: list[str] | None = None
    missions: list[str] | None = None
    # Access: only documents in these collections (set by the service from an AccessScope, never by a form).
    collections: list[str] | None = None
    origin: str | None = None  # "un" or "analysis"

    def active(self) -> bool:
        return any(v for v in (self.doc_types, self.year_from, self.year_to, self.symbols, self.doc_ids,
                               self.missions, self.origin)) or self.collections is not None

    def describe(self) -> str:
        """The restrictions a user set, as words ("type resolution; years 2030-2031; source analyses")."""
        parts = []
        if self.doc_types:
            parts.append("type " + ", ".join(DOC_TYPE_LABELS.get(t, t) for t in self.doc_types))
        if self.year_from or self.year_to:
            parts.append(f"years {self.year_from or '…'}-{self.year_to or '…'}" if self.year_from != self.year_to
                         else f"year {self.year_from}")
        if self.symbols or self.doc_ids:
            # Counted, not named: a document id is not echoed to someone who may not read it (access tests).
            n = len(self.symbols or []) + len(self.doc_ids or [])
            parts.append(f"{n} chosen document{'s' if n != 1 else ''}")
        if self.missions:
            parts.append("mission or country " + ", ".join(self.missions))
        if self.origin:
            parts.append("source " + ("analyses" if self.origin == "analysis" else "UN documents"))
        return "; ".join(parts)


@dataclass(slots=True)
class StreamEvent:
    """What an answer engine and ``Briefbot.ask_stream`` yield: the passages first (the service), then answer text
    pieces and notes, then the final Answer.

    An engine that cannot answer yields ``unavailable`` instead of ``done``: ``text`` says why ("LLM unavailable:
    no reply within …"; empty when there was nothing to answer from) and ``hits`` are the passages another engine
    may use. The service decides what to do about it; ``ask_stream`` never passes it on.
    """

    kind: Literal["hits", "token", "note", "unavailable", "done"]
    hits: list[Hit] | None = None
    text: str = ""
    answer: Answer | None = None


def stream_text(text: str) -> Iterator[str]:
    """An already computed answer for streaming: one piece per line (a cited quote each), leading space dropped.

    Pieces used to be single words; each piece is one update of every listener (the web app re-sends its outputs
    per piece), which typed a finished answer out at ~200 characters per second. Joined, the pieces are the text
    without its leading whitespace, as before.
    """
    yield from text.lstrip().splitlines(keepends=True)


def finished(answer: Answer) -> Iterator[StreamEvent]:
    """A computed Answer as events: its text piece by piece, then ``done``."""
    for piece in stream_text(answer.answer):
        yield StreamEvent("token", text=piece)
    yield StreamEvent("done", answer=answer)
