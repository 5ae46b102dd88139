"""UN Akoma Ntoso (AKN4UN) XML → :class:`~briefbot.models.Document`; the bulk JSONL reader (bulk.py) shares the
paragraph layout helpers below.

Source of the bulk corpus: the United Nations (UNxml/SCresolutions, published by the Department for General
Assembly and Conference Management). The XML files are unofficial copies; the UN asks to be acknowledged as
the source of the information wherever it is used.

A bulk document has no pages: its whole text is ``pages[0]``, one block per line, and every span has
``page=None``. Labels follow the printed numbering: ``"23"``, ``"7 (c)"``, ``"7 (c) (ii)"``.

Quirks of the corpus handled here (see the corpus README): numbers in ``<num>`` with their text in the next,
unnumbered paragraph (files from 2000-2002); operative paragraphs filed as points of the previous paragraph's
list, or as items of the preamble's last container; preambular paragraphs filed as ``<crossHeading>``;
``on<docDate>`` glued without a space; FRBR dates of ``0001-01-01`` and cover-page adoption dates that
contradict the metadata; a presidential statement filed among resolutions; JSONL records carrying another
document's masthead (the source file name wins), repeated records and glued dates ("on25 April 2013").
"""

from __future__ import annotations

import hashlib
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import DocumentError
from ..models import Block, BlockKind, Document, Page, Span
from ..symbols import normalize_symbol, symbol_key
from .gazetteer import DATE_RE, iso_date

log = logging.getLogger(__name__)

__all__ = ["is_akn", "parse_akn"]

_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ROOT_RE = re.compile(rb"<(?:[\w.-]+:)?akomaNtoso\b")

# No-break spaces become spaces, non-breaking hyphens plain ones; soft hyphens and zero-width characters go.
_TRANSLATE = {0x2011: "-", 0x2010: "-", 0x00AD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None}
_WS_RE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Elements that hold paragraphs rather than running text.
_BLOCKISH = frozenset({
    "p", "paragraph", "point", "item", "list", "sublist", "blockList", "content", "intro", "wrapUp",
    "listIntroduction", "alinea", "container", "blockContainer", "block", "table", "section", "subsection",
    "hcontainer", "division", "part", "chapter", "article", "clause", "subparagraph", "mod",
    "quotedStructure", "embeddedStructure", "heading", "subheading", "crossHeading", "num", "formula",
    "tblock", "foreign",
})
_UNITS = frozenset({
    "paragraph", "point", "item", "section", "subsection", "hcontainer", "division", "part", "chapter",
    "article", "clause", "subparagraph", "tblock",
})
_LISTS = frozenset({"list", "sublist", "blockList"})
_HEADINGS = frozenset({"heading", "subheading", "crossHeading"})
_SKIP = frozenset({"img", "meta"})
_HEADING_CLASS_RE = re.compile(r"^(?:H\d+|HCh|Heading\d*|BLUEHeading\w*|Caption)$")

# Printed numbers in <num>.
_ARABIC_RE = re.compile(r"^(\d{1,3})\.?$")
_SUB_RE = re.compile(r"^(?:\(([a-z]{1,4}|\d{1,2})\)|([a-z]{1,4})[.)])$")
_BULLET_RE = re.compile(r"^[–—\-•·▪o*]$")
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.){2,}$")
_PART_RE = re.compile(r"^(?:[IVXL]+|[A-Z])\.?$")
# Numbers typed into the text.
TEXT_ARABIC_RE = re.compile(r"^(\d{1,3})\.\s")
_TEXT_BARE_NUM_RE = re.compile(r"^(\d{1,3}) (?=[A-Z])")
TEXT_SUB_RE = re.compile(r"^\(([a-z]{1,4}|\d{1,2})\)\s")
TEXT_SUB_DOT_RE = re.compile(r"^([a-z]{1,3})\.\s")
TEXT_BULLET_RE = re.compile(r"^[–—•·▪]\s")
ANNEX_RE = re.compile(r"^(?:Annex(?:es)?|Appendix|Enclosure)\b|\bAnnex(?:\s+[A-Z0-9]{1,3})?$", re.I)


# ------------------------------------------------------------------------------------------------------------
# Small helpers


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def clean_text(text: str) -> str:
    return _WS_RE.sub(" ", text.translate(_TRANSLATE)).strip()


def iso_or_none(date: str | None) -> str | None:
    """A plausible ISO date or None (the corpus has ``0001-01-01`` placeholders)."""
    m = _ISO_RE.match((date or "").strip())
    if not m or not 1945 <= int(m.group(1)) <= 2100:
        return None
    return m.group(0)


def date_from_text(text: str) -> str | None:
    m = DATE_RE.search(text)
    if not m:
        return None
    return iso_date(m.group(1), m.group(2), m.group(3))


def symbol_year(symbol: str | None) -> int | None:
    m = re.search(r"\((\d{4})\)$", symbol or "") or re.match(r"^S/(?:PRST/)?(\d{4})/", symbol or "")
    return int(m.group(1)) if m else None


def plain_heading(text: str) -> bool:
    """A short, unpunctuated, capitalised line set as a paragraph ("Travel Ban and Asset Freeze")."""
    words = text.split()
    if not words or len(words) > 10 or len(text) > 90 or text.endswith((".", ",", ";", ":")):
        return False
    if not text[0].isupper() or "(" in text or text.startswith(("“", '"')):
        return False
    long_words = [w for w in words if len(w) > 3]
    return sum(w[0].isupper() for w in long_words) >= max(1, (len(long_words) + 1) // 2)


def _next_alpha(tok: str) -> str | None:
    """``"h"`` → ``"i"``, ``"z"`` → ``"aa"``, ``"hh"`` → ``"ii"``."""
    if len(tok) == 1:
        return chr(ord(tok) + 1) if tok < "z" else "aa"
    if len(set(tok)) == 1 and tok[0] < "z":
        return chr(ord(tok[0]) + 1) * len(tok)
    return None


def _sub_token(num: str) -> str | None:
    """``"(a)"``, ``"a."``, ``"a)"``, ``"(1)"`` → ``"a"`` / ``"1"``; anything else → None."""
    m = _SUB_RE.match(num)
    return (m.group(1) or m.group(2)) if m else None


class Numberer:
    """Sub-paragraph labels under one base: ``(a)``, then a nested ``(i)`` → ``"7 (a) (i)"``."""

    def __init__(self, base: str | None = None) -> None:
        self.base = base
        self.stack: list[tuple[str, str]] = []  # (kind, token); kind is alpha | roman | digit

    def label(self) -> str | None:
        parts = [self.base] if self.base else []
        parts += [f"({tok})" for _, tok in self.stack]
        return " ".join(parts) or None

    def push(self, tok: str) -> str | None:
        kind = self._kind(tok)
        kinds = [k for k, _ in self.stack]
        if kind in kinds:
            del self.stack[kinds.index(kind):]
        self.stack.append((kind, tok))
        return self.label()

    def has_digits(self) -> bool:
        return any(kind == "digit" for kind, _ in self.stack)

    def _kind(self, tok: str) -> str:
        if tok.isdigit():
            return "digit"
        if re.fullmatch(r"[ivxl]+", tok):
            prev = next((t for k, t in reversed(self.stack) if k == "alpha"), None)
            if prev is not None and _next_alpha(prev) == tok:
                return "alpha"  # "(i)" after "(h)" is a letter
            return "roman"
        return "alpha"


class Layout:
    """Blocks and the page text they point into, one block per line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.blocks: list[Block] = []
        self.pos = 0

    def add(self, kind: BlockKind, text: str, label: str | None, section: str | None, annex: bool) -> None:
        if not text:
            return
        start = self.pos + (1 if self.lines else 0)
        self.lines.append(text)
        self.pos = start + len(text)
        self.blocks.append(Block(kind, text, [Span(None, start, self.pos)], label, section, annex))

    def pages(self) -> list[Page]:
        return [Page(1, "\n".join(self.lines))]


# ------------------------------------------------------------------------------------------------------------
# Akoma Ntoso: the text


def is_akn(path: Path) -> bool:
    """True when the first KB of ``path`` shows an ``akomaNtoso`` root element."""
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return bool(_ROOT_RE.search(head))


@dataclass(slots=True)
class _Ctx:
    area: str  # title | preamble | main | annex
    numberer: Numberer | None = None  # numbering of the list being walked; None at the top of a body
    label: str | None = None  # label of the enclosing numbered unit


class _Walker:
    """Walks a document tree in reading order and lays out its blocks."""

    def __init__(self, is_statement: bool) -> None:
        self.out = Layout()
        self.is_statement = is_statement  # presidential statement: unnumbered paragraphs are plain text
        self.section: str | None = None
        self.annex = False
        self.top = Numberer()  # sub-paragraph numbering under the last top-level paragraph
        self.current: str | None = None  # label of the last top-level numbered paragraph
        self.seen_operative = False
        self.prefix: str | None = None  # a printed number waiting for its text
        self.pending: tuple[str | None, BlockKind] | None = None  # its label and kind
        self.notes: list[ET.Element] = []

    # --- inline text ---------------------------------------------------------------------------------------

    def inline(self, el: ET.Element) -> str:
        parts: list[str] = []
        self._inline(el, parts)
        return clean_text("".join(parts))

    def _inline(self, el: ET.Element, parts: list[str]) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            self._inline_child(child, parts)
            if child.tail:
                parts.append(child.tail)

    def _inline_child(self, child: ET.Element, parts: list[str]) -> None:
        name = _local(child.tag)
        if name == "authorialNote":
            self.notes.append(child)  # laid out as a footnote block after its paragraph
        elif name in ("eol", "br"):
            parts.append(" ")
        elif name not in _SKIP:
            # The markup glues dates to the word before them ("on<docDate>25 April</docDate>").
            if name in ("docDate", "date") and parts and parts[-1][-1:].isalnum():
                first = next((t for t in child.itertext() if t.strip()), "")
                if first[:1].isalnum():
                    parts.append(" ")
            self._inline(child, parts)

    # --- laying out ----------------------------------------------------------------------------------------

    def emit(self, ctx: _Ctx, text: str, kind: BlockKind | None = None) -> None:
        """One block; ``kind`` None lets the context (and the text's own numbering) decide kind and label."""
        if not text:
            return
        label = ctx.label
        if kind is None:
            kind, label = self._classify(ctx, text)
            if kind == "heading":
                self.heading(text)
                return
        if self.prefix:
            text = f"{self.prefix} {text}"
            self.prefix = None
        self.out.add(kind, text, label, self.section, self.annex)
        self._flush_notes()

    def _flush_notes(self) -> None:
        notes, self.notes = self.notes, []
        for note in notes:
            marker = clean_text(note.get("marker") or "")
            reader = _Walker(self.is_statement)
            text = " ".join(t for t in (reader.inline(p) for p in note.iter() if _local(p.tag) == "p") if t)
            self.out.add("footnote", text or reader.inline(note), f"fn {marker}" if marker else None,
                         self.section, self.annex)

    def heading(self, text: str) -> None:
        if not text:
            return
        if ANNEX_RE.search(text) and len(text) < 200:
            self.start_annex()
        self.section = text[:200]
        self.prefix, self.pending = None, None
        self.current = None  # what follows a heading does not continue the paragraph above it
        self.out.add("heading", text, None, self.section, self.annex)
        self._flush_notes()

    def start_annex(self) -> None:
        self.annex = True
        self.top = Numberer()
        self.current = None
        self.pending = None

    def _operative(self, ctx: _Ctx) -> bool:
        return ctx.area == "main" and not self.annex and not self.is_statement

    def _body_kind(self, ctx: _Ctx) -> BlockKind:
        return "operative" if self._operative(ctx) else "numbered"

    def _top_number(self, ctx: _Ctx, number: str) -> tuple[BlockKind, str]:
        self.top = Numberer(number)
        self.current = number
        kind = self._body_kind(ctx)
        self.seen_operative = self.seen_operative or kind == "operative"
        return kind, number

    def _classify(self, ctx: _Ctx, text: str) -> tuple[BlockKind, str | None]:
        """Kind and label of text whose markup did not number it."""
        if ctx.area == "title":
            return "title", None
        if ctx.area == "preamble":
            return ("text" if text.startswith("The Security Council") else "preamble"), None
        if self.pending is not None:
            label, kind = self.pending
            self.pending = None
            return kind, label
        if ctx.label is not None or ctx.numberer is not None:
            return self._body_kind(ctx), ctx.label
        # A top-level paragraph without <num>: the number may be typed into the text ("(a)\tTo submit ...").
        m = TEXT_ARABIC_RE.match(text)
        if m:
            return self._top_number(ctx, m.group(1))
        m = TEXT_SUB_RE.match(text) or (TEXT_SUB_DOT_RE.match(text) if self.current else None)
        if m:
            return self._body_kind(ctx), self.top.push(m.group(1))
        if not any(ch.isalnum() for ch in text):
            return "text", None  # "* * *", "-----"
        if self._operative(ctx) and plain_heading(text):
            return "heading", None
        m = _TEXT_BARE_NUM_RE.match(text)
        if m and self.current and self.current.isdigit() and int(m.group(1)) == int(self.current) + 1:
            return self._top_number(ctx, m.group(1))  # "6\tCalls on ...": number typed in, no full stop
        if TEXT_BULLET_RE.match(text) and self.current:
            return self._body_kind(ctx), self.top.label()
        if self._operative(ctx) and (self.current or not self.seen_operative):
            # The continuation of the last operative paragraph, or the only (unnumbered) one.
            return "operative", self.current
        return "text", None

    # --- walking -------------------------------------------------------------------------------------------

    def document(self, doc: ET.Element) -> None:
        for child in doc:
            name = _local(child.tag)
            if name == "meta":
                continue
            if name in ("coverPage", "preface"):
                self.flow(child, _Ctx("title"))
            elif name == "preamble":
                self.section = None
                self.flow(child, _Ctx("preamble"))
            elif name in ("attachments", "components"):
                for sub in child.iter():
                    if _local(sub.tag) in ("doc", "statement"):
                        self.start_annex()
                        self.section = None
                        self.document(sub)
            else:  # mainBody, conclusions
                if name == "mainBody":
                    self.section = None
                self.prefix, self.pending = None, None
                self.flow(child, _Ctx("annex" if self.annex else "main"))

    def flow(self, el: ET.Element, ctx: _Ctx, kind: BlockKind | None = None) -> None:
        """A container's children in order: runs of inline content become blocks, block children recurse.

        ``kind`` set: the container belongs to a numbered unit and everything in it carries ``ctx.label``.
        """
        parts: list[str] = [el.text] if el.text else []
        for child in el:
            if _local(child.tag) in _BLOCKISH:
                self.emit(ctx, clean_text("".join(parts)), kind)
                parts = []
                if kind is None:
                    self.block(child, ctx)
                else:
                    self._unit_child(child, ctx, kind)
            else:
                self._inline_child(child, parts)
            if child.tail:
                parts.append(child.tail)
        self.emit(ctx, clean_text("".join(parts)), kind)

    def block(self, el: ET.Element, ctx: _Ctx) -> None:
        name = _local(el.tag)
        if name == "p" and not any(_local(c.tag) in _BLOCKISH for c in el):
            self.emit(ctx, self.inline(el))
        elif name in _UNITS:
            self.unit(el, ctx)
        elif name in _LISTS:
            # A sublist sits in its point or, in some files, right after it: it hangs off the last label.
            if ctx.numberer is not None:
                base = ctx.numberer.label()
            else:
                base = ctx.label if ctx.label is not None else self.top.label()
            self.flow(el, _Ctx(ctx.area, Numberer(base), base))
        elif name in _HEADINGS or name == "num" or (
                name == "block" and (el.get("name") or "").lower() in ("subheading", "heading")):
            self.heading(self.inline(el))
        elif name == "table":
            self.table(el)
        else:
            self.flow(el, ctx)

    def unit(self, el: ET.Element, ctx: _Ctx) -> None:
        """A paragraph, point, item or section: its <num> decides the label of everything it contains."""
        num_el = next((c for c in el if _local(c.tag) == "num"), None)
        num = self.inline(num_el) if num_el is not None else ""
        heads = [c for c in el if _local(c.tag) in _HEADINGS]
        rest = [c for c in el if c is not num_el and _local(c.tag) not in _HEADINGS]
        top = ctx.numberer is None
        if heads:
            # Files from 2000 file preambular paragraphs as <crossHeading refersTo="#preamble">.
            real = [h for h in heads if "preamble" not in (h.get("refersTo") or "")]
            self.heading(" ".join(t for t in [num, *(self.inline(h) for h in real)] if t))
            for h in heads:
                if h not in real:
                    self.emit(_Ctx("preamble"), self.inline(h))
            inner = _Ctx(ctx.area) if _local(el.tag) == "section" else ctx
            for child in rest:
                self.block(child, inner)
            return
        if ctx.area == "preamble" and _ARABIC_RE.match(num):
            ctx = _Ctx("main")  # operative paragraphs filed as items of the preamble's last container
        if ctx.area in ("title", "preamble"):
            self.prefix = num or None
            for child in rest:
                self.block(child, ctx)
            self.prefix = None
            return
        nested_units = any(_local(c.tag) in _UNITS or _local(c.tag) in _LISTS for c in rest)
        if top and not nested_units and _HEADING_CLASS_RE.match(el.get("class") or ""):
            text = " ".join(t for t in [num, *(self.inline(c) for c in rest)] if t)
            if 0 < len(text) <= 200:
                self.heading(text)
                return
        if top and _PART_RE.match(num) and (
                _local(el.tag) not in ("paragraph", "point", "item") or nested_units
                or not any("".join(c.itertext()).strip() for c in rest)):
            self.heading(num)  # a part number ("A", "II") heading the paragraphs under it
            for child in rest:
                self.block(child, _Ctx(ctx.area))
            return
        if not num:
            for child in rest:
                self.block(child, ctx)
            return
        label, kind = self._label_for(num, ctx)
        if top:
            self.pending = None
            self.prefix = num
        else:
            # A parent number still waiting for its text is printed with this one: "5. (a) Decides ...".
            self.prefix = f"{self.prefix} {num}" if self.prefix else num
        inner = _Ctx(ctx.area, ctx.numberer, label)
        before = len(self.out.blocks)
        for child in rest:
            self._unit_child(child, inner, kind)
        if len(self.out.blocks) == before and top:
            self.pending = (label, kind)  # older files put the text in the next, unnumbered paragraph
        elif len(self.out.blocks) > before:
            self.prefix = None

    def _unit_child(self, child: ET.Element, ctx: _Ctx, kind: BlockKind) -> None:
        name = _local(child.tag)
        if name in _LISTS or name in _UNITS or name == "table":
            self.block(child, ctx)
        elif name in _HEADINGS:
            self.heading(self.inline(child))
        elif name == "p" and not any(_local(c.tag) in _BLOCKISH for c in child):
            self.emit(ctx, self.inline(child), kind)
        else:  # content, intro, wrapUp, alinea, p holding a quoted structure
            self.flow(child, ctx, kind)

    def _label_for(self, num: str, ctx: _Ctx) -> tuple[str | None, BlockKind]:
        """Label and kind of a unit numbered ``num`` (as printed)."""
        body_kind = self._body_kind(ctx)
        numberer = ctx.numberer
        m = _ARABIC_RE.match(num)
        if m and numberer is None:
            kind, label = self._top_number(ctx, m.group(1))
            return label, kind
        if m and numberer is not None and self._misnested(m.group(1), numberer):
            # "4." filed as a point of paragraph 3's list: a markup slip for operative paragraph 4.
            kind, label = self._top_number(ctx, m.group(1))
            numberer.base, numberer.stack = label, []
            return label, kind
        sub = _sub_token(num) or (m.group(1) if m else None)
        if sub is not None:
            return (numberer or self.top).push(sub), body_kind
        if _BULLET_RE.match(num) or _INITIALS_RE.match(num):  # bullets, or initials mistaken for a number
            return (numberer or self.top).label() or ctx.label or self.current, body_kind
        token = num.rstrip(".").strip()  # "A.", "1.1.", "c.2.a.": a self-contained number
        if numberer is None:
            self.top = Numberer(token)
            self.current = token
        return token, body_kind

    def _misnested(self, number: str, numberer: Numberer) -> bool:
        current = self.current
        return bool(current and current.isdigit() and int(number) == int(current) + 1
                    and not numberer.has_digits())

    def table(self, el: ET.Element) -> None:
        for row in el.iter():
            if _local(row.tag) == "tr":
                cells = (self.inline(c) for c in row if _local(c.tag) in ("td", "th"))
                text = " | ".join(c for c in cells if c)
                if text:
                    self.prefix = None
                    self.out.add("text", text, None, self.section, self.annex)
                    self._flush_notes()


# ------------------------------------------------------------------------------------------------------------
# Akoma Ntoso: metadata


@dataclass(slots=True)
class _Meta:
    candidates: list[tuple[str, str]]  # (where, symbol) in order of trust
    res_title: str | None = None  # "Resolution 2769 (2025)"
    adoption_date: str | None = None  # the cover page's "Adopted ... on <docDate>"
    issue_date: str | None = None  # the masthead date
    frbr_date: str | None = None
    uri_date: str | None = None
    agenda: str | None = None


def _first(el: ET.Element | None, name: str) -> ET.Element | None:
    if el is None:
        return None
    return next((c for c in el.iter() if _local(c.tag) == name), None)


def _read_meta(doc: ET.Element, doc_name: str) -> _Meta:
    reader = _Walker(False)
    meta = next((c for c in doc if _local(c.tag) == "meta"), None)
    cover = next((c for c in doc if _local(c.tag) == "coverPage"), None)
    out = _Meta(candidates=[])

    def candidate(where: str, sym: str) -> None:
        if sym and all(symbol_key(s) != symbol_key(sym) for _, s in out.candidates):
            out.candidates.append((where, normalize_symbol(sym)))

    number = _first(cover, "docNumber")
    if number is not None:
        candidate("masthead", reader.inline(number))
    for el in cover.iter() if cover is not None else ():
        name = _local(el.tag)
        if name == "docTitle":
            m = re.match(r"^Resolution\s+(\d{1,4})\s*\((\d{4})\)", reader.inline(el), re.I)
            if m:
                out.res_title = f"Resolution {m.group(1)} ({m.group(2)})"
                candidate("title", f"S/RES/{m.group(1)} ({m.group(2)})")
            date_el = _first(el, "docDate")
            if date_el is not None and out.adoption_date is None:
                out.adoption_date = iso_or_none(date_el.get("date")) or date_from_text(reader.inline(date_el))
        elif name == "docDate" and out.issue_date is None and el.get("refersTo") != "#adoptionDate":
            out.issue_date = iso_or_none(el.get("date")) or date_from_text(reader.inline(el))
    work = _first(meta, "FRBRWork")
    if work is not None:
        date_el = _first(work, "FRBRdate")
        out.frbr_date = iso_or_none(date_el.get("date")) if date_el is not None else None
        uri_el = _first(work, "FRBRuri")
        uri = (uri_el.get("value") or "") if uri_el is not None else ""
        m = re.search(r"/(\d{4}-\d{2}-\d{2})/(\d+)-(\d+)/?$", uri)
        if m:
            out.uri_date = iso_or_none(m.group(1))
            a, b = m.group(2), m.group(3)
            if "/deliberation/" in uri and doc_name == "resolution" and len(b) == 4:
                candidate("FRBR", f"S/RES/{int(a)} ({b})")
            elif doc_name.lower().startswith("draft") and len(a) == 4:
                candidate("FRBR", f"S/{a}/{int(b)}")
    for kw in meta.iter() if meta is not None else ():
        if _local(kw.tag) == "keyword" and kw.get("refersTo") == "agenda" and kw.get("dictionary") == "S/":
            out.agenda = clean_text(kw.get("showAs") or "").rstrip(".") or None
            break
    return out


def filename_symbol(name: str) -> tuple[str, str | None] | None:
    """What a corpus file name says, as (prefix, full symbol or None): ``S_RES_2769-2500687E.xml`` →
    ``("S/RES/2769", None)``; ``SC_2561_2021-E.xml`` → ``("S/RES/2561", "S/RES/2561 (2021)")``."""
    stem = re.sub(r"\.xml$", "", name, flags=re.I)
    m = re.match(r"^S_?RES[_-](\d{1,4})(?:[_-](\d{4})(?=[-_]|$))?", stem) or re.match(
        r"^SC_(\d{1,4})_(\d{4})", stem)
    if m:
        return f"S/RES/{m.group(1)}", f"S/RES/{m.group(1)} ({m.group(2)})" if m.group(2) else None
    m = re.match(r"^S_PRST_(\d{4})_(\d{1,3})(?!\d)", stem)
    if m:
        return f"S/PRST/{m.group(1)}/{m.group(2)}", f"S/PRST/{m.group(1)}/{m.group(2)}"
    m = re.match(r"^S_(\d{4})[_-](\d{1,4})(?!\d)", stem)
    if m:
        return f"S/{m.group(1)}/{m.group(2)}", f"S/{m.group(1)}/{m.group(2)}"
    return None


def consistent_symbol(symbol: str, hint: tuple[str, str | None]) -> bool:
    prefix, full = hint
    if full is not None:
        return symbol_key(symbol) == symbol_key(full)
    norm = normalize_symbol(symbol)
    return norm == prefix or norm.startswith(prefix + " (")


def _choose_symbol(candidates: list[tuple[str, str]], file_name: str, warnings: list[str]) -> str | None:
    """The masthead or metadata symbol that agrees with the file name; warns when the sources disagree."""
    hint = filename_symbol(file_name)
    found = ", ".join(f"{where} {sym}" for where, sym in candidates)
    if hint is not None:
        agreeing = next((sym for _, sym in candidates if consistent_symbol(sym, hint)), None)
        if agreeing is not None:
            if len(candidates) > 1:
                warnings.append(f"metadata disagree ({found}); using {agreeing}, which matches the file name")
            return agreeing
        if hint[1] is not None:
            warnings.append(f"file name says {hint[1]} but the document says {found or 'nothing'}; "
                            "using the file name")
            return hint[1]
        if candidates:
            warnings.append(f"file name suggests {hint[0]} but the document says {found}")
    if not candidates:
        return None
    if len(candidates) > 1:
        warnings.append(f"metadata disagree ({found}); using {candidates[0][1]}")
    return candidates[0][1]


def parse_akn(path: Path) -> Document:
    """Parse one UN Akoma Ntoso file: a resolution, a draft not adopted or a presidential statement."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DocumentError(f"cannot read {path.name}: {err.strerror or err}") from err
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise DocumentError(f"malformed XML in {path.name}: {err}") from err
    if _local(root.tag) != "akomaNtoso":
        raise DocumentError(f"{path.name} is not Akoma Ntoso (root element <{_local(root.tag)}>)")
    doc = next((c for c in root if isinstance(c.tag, str)), None)
    if doc is None:
        raise DocumentError(f"{path.name}: empty <akomaNtoso> element")
    doc_name = doc.get("name") or _local(doc.tag)
    warnings: list[str] = []
    meta = _read_meta(doc, doc_name)
    symbol = _choose_symbol(meta.candidates, path.name, warnings)

    is_prst = bool(symbol and symbol.startswith("S/PRST/"))
    is_draft = doc_name.lower().startswith("draft")
    doc_type = "other"
    if is_draft:
        warnings.append("draft resolution that was not adopted")
        title = f"Draft resolution {symbol or ''} (not adopted)".replace("  ", " ")
    elif is_prst:
        title = f"Presidential statement {symbol}"
        if doc_name == "resolution":
            warnings.append(f"filed among resolutions but is presidential statement {symbol}")
    elif symbol and symbol.startswith("S/RES/"):
        doc_type = "resolution"
        title = meta.res_title or f"Resolution {symbol.removeprefix('S/RES/')}"
    else:
        title = symbol or path.stem
    if meta.agenda:
        title = f"{title}: {meta.agenda}"

    # The FRBR work date is the adoption date; the cover page's copy of it has typos in a few files.
    date = meta.frbr_date or meta.adoption_date or meta.uri_date or meta.issue_date
    if meta.frbr_date and meta.adoption_date and meta.frbr_date != meta.adoption_date:
        warnings.append(f"cover page says adopted {meta.adoption_date}; using metadata date {meta.frbr_date}")
    year = symbol_year(symbol)
    if date and year and int(date[:4]) != year and not is_draft:
        others = (meta.adoption_date, meta.uri_date, meta.issue_date)
        alt = next((d for d in others if d and int(d[:4]) == year), None)
        warnings.append(f"date {date} does not match the symbol's year" + (f"; using {alt}" if alt else ""))
        date = alt or date
    if date is None:
        warnings.append("no date in the document")

    walker = _Walker(is_statement=is_prst)
    walker.document(doc)
    if not walker.out.blocks:
        raise DocumentError(f"{path.name}: no text in the Akoma Ntoso document")
    return Document(
        doc_id=path.name,
        file_name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        source="bulk",
        symbol=symbol,
        doc_type=doc_type,
        title=title,
        date=date,
        language="en",
        pages=walker.out.pages(),
        blocks=walker.out.blocks,
        path=str(path),
        warnings=warnings,
    )
