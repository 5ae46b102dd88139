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
    for item in word.iter_inner_content():
        if isinstance(item, docx.table.Table):
            elements.extend(_table_rows(item))
            continue
        text = item.text.strip()
        if not text:
            continue
        style = (item.style.name if item.style is not None else "") or ""
        level = _heading_level(style, item)
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
