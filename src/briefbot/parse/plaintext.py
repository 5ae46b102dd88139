"""Markdown (.md) and plain text (.txt) → Document.

Markdown is rendered by markdown-it-py (CommonMark, tables) and read like a web page, so emphasis, links, lists and
tables come out as plain text and "#" headings give the section address; a YAML-style front matter gives title,
author, publisher and date; "[^1]: ..." footnotes are kept apart. Plain text is split into paragraphs at blank
lines; a short unpunctuated line standing alone is a heading.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..models import Document
from .textdoc import Element, Meta, build_document, decode_text, iso_date, read_bytes, split_authors
from .webpage import html_elements

_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n(?:---|\.\.\.)\s*\n", re.S)
_FOOTNOTE_DEF = re.compile(r"^\[\^(?P<n>[^\]\s]{1,10})\]:\s*(?P<text>.+)$", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,10}\](?!:)")
_TERMINAL = (".", ";", ",", ":", "!", "?", ")", '"', "”")
_NUMBER_LEVEL = [(re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s"), 3), (re.compile(r"^\d{1,2}\.\d{1,2}\.?\s"), 2),
                 (re.compile(r"^[A-H][.)]\s"), 2), (re.compile(r"^\([a-z]\)\s"), 3)]


def parse_markdown(path: Path) -> Document:
    from markdown_it import MarkdownIt

    data = read_bytes(path)
    text, warnings = decode_text(data, "Markdown")
    info = Meta(warnings=warnings)
    m = _FRONT_MATTER.match(text)
    if m:
        info = _front_matter(m.group("body"), warnings)
        text = text[m.end():]
    notes = [Element("footnote", f"{f.group('n')} {f.group('text').strip()}", label=f"fn {f.group('n')}")
             for f in _FOOTNOTE_DEF.finditer(text)]
    text = _FOOTNOTE_REF.sub("", _FOOTNOTE_DEF.sub("", text))
    # html=False: raw HTML in a Markdown file is shown as text, never interpreted.
    rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return build_document(path, data, "markdown", html_elements(rendered) + notes, info)


def parse_text(path: Path) -> Document:
    data = read_bytes(path)
    text, warnings = decode_text(data, "text")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    elements: list[Element] = []
    for i, para in enumerate(paragraphs):
        level = _heading_level(para, followed=i + 1 < len(paragraphs))
        elements.append(Element("heading", para, level) if level else Element("text", " ".join(para.split())))
    return build_document(path, data, "text", elements, Meta(warnings=warnings))


def _heading_level(para: str, followed: bool) -> int:
    """A heading is one short line without closing punctuation, with text after it."""
    if "\n" in para or not followed or len(para) > 90 or len(para.split()) > 12 or para.endswith(_TERMINAL):
        return 0
    if not (para[0].isupper() or para[0].isdigit() or para[0] == "("):
        return 0
    return next((level for pattern, level in _NUMBER_LEVEL if pattern.match(para)), 1)


def _front_matter(body: str, warnings: list[str]) -> Meta:
    fields: dict[str, str] = {}
    for line in body.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("'\"")
    authors = fields.get("author") or fields.get("authors", "").strip("[]")
    return Meta(title=fields.get("title") or None, authors=split_authors(authors),
                publisher=fields.get("publisher") or fields.get("organisation") or fields.get("organization") or None,
                date=iso_date(fields.get("date", "")), report_number=fields.get("report_number") or None,
                warnings=warnings)
