"""Word (.docx) → Document, with python-docx: paragraphs and tables in reading order, heading styles as the section
address, footnotes apart from the body, title/author/date from the core properties and the publisher from the
application properties (Company)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..errors import DocumentError
from ..models import Document
from .textdoc import Element, Meta, build_document, iso_date, read_bytes, split_authors

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# Parts of a .docx are untrusted XML: no entities expanded (an entity naming a local file would be read into the
# index), nothing fetched.
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:Heading|Überschrift|Titre)\s*(\d)$", re.I)


def parse_docx(path: Path) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    data = read_bytes(path)
    if not data.startswith(b"PK"):
        raise DocumentError("not a Word .docx file (not a zip package; an old .doc must be saved as .docx)")
    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"damaged or not a Word .docx file ({type(exc).__name__}: {exc})"[:200]) from None
    elements: list[Element] = []
    numbers = _Numbering(word)
    for item in word.iter_inner_content():
        if isinstance(item, docx.table.Table):
            elements.extend(_table_rows(item))
            continue
        text = item.text.strip()
        if not text:
            continue
        style = (item.style.name if item.style is not None else "") or ""
        level = _heading_level(style, item)
        # Word prints automatic numbers ("23.", "II.", "(a)") that are not in the text: paragraphs keep them.
        mark = numbers.next(item)
        text = f"{mark} {text}" if mark else text
        if style == "Title":
            elements.append(Element("title", text))
        elif level:
            elements.append(Element("heading", text, level))
        else:
            elements.append(Element("text", text))
    elements.extend(_footnotes(word))
    core = word.core_properties
    info = Meta(title=(core.title or "").strip() or None, authors=split_authors(core.author),
                date=iso_date(core.created), publisher=_company(word))
    return build_document(path, data, "docx", elements, info)


def _heading_level(style: str, paragraph: Paragraph) -> int:
    m = _HEADING_STYLE.match(style)
    if m:
        return int(m.group(1))
    # A paragraph given an outline level directly (no heading style) is a heading too.
    ppr = paragraph._p.pPr
    outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    if outline is not None:
        return int(outline.get(f"{_W}val", "0")) + 1
    return 0


class _Numbering:
    """Word's automatic paragraph numbers, counted as Word does for the common formats (decimal, letters, roman)."""

    def __init__(self, word: WordDocument) -> None:
        self.levels: dict[str, dict[int, tuple[str, int, str]]] = {}  # numId → level → (format, start, text)
        self.counts: dict[str, list[int]] = {}
        try:
            root = word.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):  # no numbering part: nothing is numbered
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is None:
                continue
            levels = {}
            for lvl in definition.iter(f"{_W}lvl"):
                fmt, start, text = lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}start"), lvl.find(f"{_W}lvlText")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                    text.get(f"{_W}val", "") if text is not None else "")
            self.levels[num.get(f"{_W}numId", "")] = levels

    def next(self, paragraph: Paragraph) -> str | None:
        """The number Word prints before ``paragraph`` ("23.", "(b)"), or None."""
        num_pr = _num_pr(paragraph)
        if num_pr is None:
            return None
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        key = num_id.get(f"{_W}val", "") if num_id is not None else ""
        level = int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
        levels = self.levels.get(key)
        if not levels or level not in levels:
            return None
        counts = self.counts.setdefault(key, [levels[i][1] - 1 if i in levels else 0 for i in range(9)])
        counts[level] += 1
        for deeper in range(level + 1, 9):  # a new item restarts the levels below it
            counts[deeper] = levels[deeper][1] - 1 if deeper in levels else 0
        fmt, _, pattern = levels[level]
        if fmt in ("bullet", "none") or not pattern:
            return None
        out = pattern
        for i in range(level + 1):
            value = counts[i] if counts[i] > 0 else levels.get(i, ("decimal", 1, ""))[1]
            out = out.replace(f"%{i + 1}", _format(levels.get(i, ("decimal", 1, ""))[0], value))
        return out


def _num_pr(paragraph: Paragraph) -> etree._Element | None:
    """The paragraph's numbering, set on it or through its style (List Number)."""
    ppr = paragraph._p.pPr
    found = ppr.find(f"{_W}numPr") if ppr is not None else None
    style = paragraph.style
    if found is None and style is not None and style.element.pPr is not None:
        found = style.element.pPr.find(f"{_W}numPr")
    return found


def _format(fmt: str, n: int) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out


def _table_rows(table: Table) -> list[Element]:
    """A table row reads as one paragraph, its cells joined by " | " (merged cells once)."""
    out: list[Element] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            out.append(Element("text", " | ".join(cells)))
    return out


def _footnotes(word: WordDocument) -> list[Element]:
    """The footnotes part, which python-docx does not model: each real footnote (not the separators) by number."""
    part = word.part
    for rel in part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob, _SAFE)
            out = []
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = "".join(t.text or "" for t in note.iter(f"{_W}t")).strip()
                if text:
                    number = note.get(f"{_W}id", "")
                    out.append(Element("footnote", f"{number} {text}", label=f"fn {number}"))
            return out
    return []


def _company(word: WordDocument) -> str | None:
    """docProps/app.xml's Company: the organisation the file was written for."""
    package = word.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            root = etree.fromstring(part.blob, _SAFE)
            for el in root.iter():
                if isinstance(el.tag, str) and el.tag.endswith("}Company") and (el.text or "").strip():
                    return el.text.strip()
    return None
