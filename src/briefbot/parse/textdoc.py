"""Documents without pages (Word, web pages, Markdown, plain text) → the same Document a PDF gives.

Each format reader hands over its content as :class:`Element` runs in reading order (headings with their level,
paragraphs, footnotes) and whatever metadata the file carries; this module builds the one page of text, the
blocks with their section address ("II.B Financing armed groups") and the document's identity. Spans carry no
page number, as for bulk records: a citation names the section and paragraph, not a page.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from ..errors import DocumentError
from ..models import Block, Document, Page, Span
from ..symbols import find_symbols, symbol_from_filename
from . import meta

# A heading's own number: "II.", "B.", "3.2", "(a)"; the address joins it to its parents' ("II.B").
_MARKER = re.compile(r"^(?:(?P<d>\d{1,2}(?:\.\d{1,2})+)\.?|(?P<m>[IVXL]{1,6}|[A-Z]|\d{1,2})[.)]|(?P<p>\(\w{1,4}\)))"
                     r"\s+(?P<rest>\S.*)$")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?|[A-Z]\.|de|van|von|al|el|da|di|bin)$")
_NOT_NAMES = {"summary", "executive", "introduction", "contents", "key", "findings", "report", "background",
              "overview", "foreword", "preface", "abstract", "recommendations", "conclusions", "about", "author",
              "authors", "table", "acknowledgements", "notes", "analysis", "briefing", "policy", "brief", "the"}
_PUBLISHER_LINE = re.compile(r"^(?:An? )?(?P<org>[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|for|and|on))*) "
                             r"(?:analysis|briefing|commentary|report|policy brief|working paper)$")
# Default authors of generator templates: not a person.
_TOOL_AUTHORS = {"python-docx", "microsoft office user", "user", "author", "unknown", "administrator", "admin"}


@dataclass(slots=True)
class Element:
    kind: Literal["heading", "text", "footnote", "title"]
    text: str
    level: int = 0  # heading depth, 1 = top
    label: str | None = None  # a footnote's number as "fn 3"


@dataclass(slots=True)
class Meta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    report_number: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read file ({exc.strerror or exc})") from None
    if not data:
        raise DocumentError("empty file (0 bytes)")
    return data


def decode_text(data: bytes, what: str) -> tuple[str, list[str]]:
    """Text of a file meant to be text: UTF-8 (with or without BOM), else the encoding charset_normalizer finds."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"not a {what} file (binary content)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"not a {what} file (no text encoding fits its bytes)")
    return str(best), [f"not UTF-8: read as {best.encoding}"]


def iso_date(value: object) -> str | None:
    """yyyy-mm-dd from a datetime/date or a string that starts with an ISO date."""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            return "-".join(m.groups())
        found = meta.DATE_RE.search(value)
        if found:
            return meta.first_date(found.group(0))
    return None


def split_authors(value: str | None) -> list[str]:
    """"A. Boutellis; M. Smith" or "A and B" → names; generator defaults ("python-docx") are not authors."""
    if not value:
        return []
    names = [n.strip() for n in re.split(r";|\s+and\s+|\s*&\s*|,(?=\s*[A-Z][a-z]+\s+[A-Z])", value) if n.strip()]
    return [n for n in names if n.lower() not in _TOOL_AUTHORS]


def build_document(path: Path, data: bytes, source: Literal["docx", "html", "markdown", "text"],
                   elements: list[Element], info: Meta) -> Document:
    """The Document of a page-less file from its elements in reading order."""
    elements = [e for e in elements if e.text.strip()]
    parts: list[str] = []
    blocks: list[Block] = []
    length = 0
    stack: list[tuple[int, str | None, str]] = []  # (level, marker, address) of the headings above
    section: str | None = None
    symbol = _symbol(path.name, elements)
    # A resolution typed into Word keeps its preambular/operative paragraphs, as its PDF would.
    labeller = meta.Labeller(is_resolution=bool(symbol and symbol.startswith("S/RES/")))
    title = info.title
    body = False  # a paragraph of text has been read
    for el in elements:
        text = re.sub(r"\s+", " ", el.text).strip()
        start = length + (1 if parts else 0)
        parts.append(text)
        length = start + len(text)
        spans = [Span(None, start, length)]
        if el.kind == "title":
            title = title or text
            blocks.append(Block("title", text, spans, None, None))
        elif el.kind == "heading" and not body and _byline(text, info, title):
            # A byline set as a heading above the text ("Arthur Boutellis", "27 February 2019") is not a section.
            blocks.append(Block("title", text, spans, None, None))
        elif el.kind == "heading":
            while stack and stack[-1][0] >= el.level:
                stack.pop()
            section = _address(text, stack)
            stack.append((el.level, _marker(text), section))
            labeller.section = section
            if title is None and el.level <= 1 and not blocks:
                title = text
            if not body and text == title:  # the title printed as the first heading
                stack.pop()
                section = labeller.section = None
                blocks.append(Block("title", text, spans, None, None))
                continue
            blocks.append(Block("heading", text, spans, None, section))
        elif el.kind == "footnote":
            blocks.append(Block("footnote", text, spans, el.label, section))
        elif not body and (found := _PUBLISHER_LINE.match(text)) and not info.publisher:
            # "Oxford Research Group analysis" under the title names the publisher.
            info.publisher = found.group("org")
            blocks.append(Block("title", text, spans, None, None))
        else:
            body = body or len(text) >= 80 or text.endswith((".", "!", "?"))
            # Numbered paragraphs ("23. The Panel ...") keep their number as the paragraph address.
            block = labeller.label(text, spans, footnote=False, size=0.0)
            if block is None or block.kind in ("heading", "title", "contents"):
                block = Block("text", text, spans, None, section)
            if block.label is None and not symbol:
                # A page-less work of no UN series (an analysis, a field note) has no paragraph numbers: its
                # passages are addressed by their section, as an analysis PDF's are ("Findings").
                block.label = section
            block.section = section
            blocks.append(block)
    full = "\n".join(parts)
    warnings = list(info.warnings)
    if not full.strip():
        warnings.append("no text found in the file")
    date_ = info.date or (meta.first_date(full[:3000]) if symbol else None)
    doc_type = "other"
    if symbol:
        masthead = meta.Masthead(symbol, date_, title, symbol.startswith("S/RES/"), 0.0)
        doc_type = meta.classify(masthead, full[:6000], 1)
    language = meta.detect_language(full)
    if language not in ("en", "unknown"):
        warnings.append(f"non-English text (detected '{language}')")
    return Document(
        doc_id=path.name,
        file_name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        source=source,
        symbol=symbol,
        doc_type=doc_type,
        title=(title or path.stem)[:300],
        date=date_,
        language=language,
        pages=[Page(1, full)],
        blocks=blocks,
        path=str(path),
        warnings=warnings,
        missions=meta.find_missions(full),
        # Without a UN symbol the file is someone's analysis, cited by author and publisher.
        origin="un" if symbol else "analysis",
        authors=info.authors,
        publisher=info.publisher,
        report_number=info.report_number,
    )


def _byline(text: str, info: Meta, title: str | None) -> bool:
    """A date or a person's name in a heading before the text: fills date/authors when the metadata lacks them."""
    if text == title:
        return False
    if meta.DATE_RE.fullmatch(text):
        info.date = info.date or iso_date(text)
        return True
    words = text.replace(" and ", " ").replace(",", " ").split()
    if 2 <= len(words) <= 8 and all(_NAME_WORD.match(w) for w in words) and not info.authors \
            and not any(w.lower() in _NOT_NAMES for w in words):
        info.authors = split_authors(text.replace(", ", "; "))
        return True
    return False


def _marker(text: str) -> str | None:
    m = _MARKER.match(text)
    return (m.group("d") or m.group("m") or m.group("p")) if m else None


def _address(text: str, stack: list[tuple[int, str | None, str]]) -> str:
    """"B. Financing armed groups" under "II. Armed groups" → "II.B Financing armed groups"."""
    m = _MARKER.match(text)
    if not m or m.group("d"):  # "3.2 Methods" already prints its whole address
        return text[:120]
    own = m.group("m") or m.group("p")
    markers = [mk for _, mk, _ in stack if mk]
    if not markers or not stack[-1][1]:
        return text[:120]
    return f"{'.'.join([*markers, own])} {m.group('rest')}"[:120]


def _symbol(file_name: str, elements: list[Element]) -> str | None:
    """A UN symbol from the file name, or printed alone on one of the first lines (a Word copy of a UN document)."""
    from_name = symbol_from_filename(re.sub(r"\.(docx|html?|md|markdown|txt)$", "", file_name, flags=re.I))
    if from_name:
        return from_name
    for el in elements[:6]:
        found = find_symbols(el.text)
        if found and re.sub(r"\s", "", el.text) == re.sub(r"\s", "", found[0]):
            return found[0]
    return None
