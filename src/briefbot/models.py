"""Typed objects that cross stage boundaries: Document → Chunk → Hit → Citation → Answer."""

from __future__ import annotations

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
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text Tesseract read from the image

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

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


def paragraph_label(label: str) -> str:
    """How a passage's label reads in a reference: ``para. 23``, or ``footnote 12`` for a footnote (``fn 12``)."""
    if label.startswith("fn "):
        return "footnote " + label[3:]
    return f"para. {label}"


@dataclass(slots=True)
class Citation:
    key: str
    document: str
    symbol: str | None
    page: int | None
    paragraph: str | None
    quote: str
    title: str | None = None
    doc_type: str | None = None
    date: str | None = None
    start: int | None = None  # offsets of the quote in the page text (of the first page, over a page break)
    end: int | None = None
    page_end: int | None = None  # set when the quote runs over a page break onto a later page
    parts: list[tuple[int | None, str]] = field(default_factory=list)  # (page, text) per page, over a break
    ocr: bool = False  # quoted from text OCR read off the page image (verified against that text)

    def to_dict(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.parts:
            extra = {"page_end": self.page_end, "parts": [{"page": p, "quote": q} for p, q in self.parts]}
        return {
            "key": self.key,
            "document": self.document,
            "symbol": self.symbol,
            "page": self.page,
            "paragraph": self.paragraph,
            "quote": self.quote,
            "title": self.title,
            "doc_type": self.doc_type,
            "date": self.date,
            **({"ocr": True} if self.ocr else {}),
            **extra,
        }

    def reference(self) -> str:
        """``S/RES/2769 (2025), para. 23, p. 6`` (``pp. 4-5`` for a quote over a page break; ``p. 2 (OCR)`` when
        the quote is text OCR read off a scanned page)."""
        parts = [self.symbol or self.document]
        if self.paragraph:
            parts.append(paragraph_label(self.paragraph))
        if self.page is not None and self.page_end is not None and self.page_end != self.page:
            parts.append(f"pp. {self.page}-{self.page_end}")
        elif self.page is not None:
            parts.append(f"p. {self.page}")
        return ", ".join(parts) + (" (OCR)" if self.ocr else "")


@dataclass(slots=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    hits: list[Hit]
    engine: str = "extractive"
    notes: list[str] = field(default_factory=list)
    id: Any = None
    timings_ms: dict[str, float] = field(default_factory=dict)

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
