"""Saved web pages (.html/.htm) → Document, without the page's boilerplate.

readability-lxml finds the article (navigation, "Most read", share bars, cookie banners, newsletter boxes and
footers go) and keeps its headings, which give the section address; trafilatura reads the metadata (JSON-LD,
OpenGraph and <meta> tags, a printed date) for title, author, publisher and date. Measured on the analysis in
../shared/analyses and tests/fixtures/web (benchmarks/html_boilerplate.py), readability kept every paragraph and
heading of both and none of the 16 boilerplate pieces; trafilatura's own extraction dropped the analysis's title and
section headings (38/46 units), jusText the whole generated article (0/12).
"""

from __future__ import annotations

import logging
from pathlib import Path

from lxml import html as lxml_html

from ..errors import DocumentError
from ..models import Document
from .textdoc import Element, Meta, build_document, decode_text, iso_date, read_bytes, split_authors

log = logging.getLogger(__name__)

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BLOCKS = {*_HEADINGS, "p", "li", "pre", "blockquote", "tr", "dt", "dd", "figcaption", "caption"}


def parse_html(path: Path) -> Document:
    data = read_bytes(path)
    text, warnings = decode_text(data, "web page")
    if "<" not in text[:4096]:
        raise DocumentError("not a web page (no HTML markup at its start)")
    article = main_content(text)
    notes = footnotes(text)
    kept = {n.text.split(" ", 1)[-1] for n in notes}
    # readability keeps or drops a footnote list by its own rules; footnotes are read apart, from the page itself.
    elements = [e for e in html_elements(article) if e.text not in kept] + notes
    info = page_meta(text)
    info.warnings.extend(warnings)
    return build_document(path, data, "html", elements, info)


def main_content(page: str) -> str:
    """The article's HTML, boilerplate removed (readability-lxml)."""
    from readability import Document as Readable

    try:
        return str(Readable(page).summary(html_partial=True))
    except Exception as exc:  # readability raises its own Unparseable and lxml errors on broken markup
        raise DocumentError(f"web page could not be read ({type(exc).__name__}: {exc})"[:200]) from None


_NOTE_CONTAINER = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' footnotes ') or "
                   "contains(concat(' ', normalize-space(@class), ' '), ' endnotes ') or @role='doc-endnotes']//li | "
                   "//*[@role='doc-footnote' or @role='doc-endnote'] | //li[starts-with(@id, 'fn')]")


def footnotes(page: str) -> list[Element]:
    """Footnotes as web pages mark them (a "footnotes" list, DPUB roles, ``<li id="fn1">``), numbered in order."""
    root = lxml_html.fromstring(page)
    out: list[Element] = []
    seen: set[int] = set()
    for el in root.xpath(_NOTE_CONTAINER):
        if id(el) in seen:
            continue
        seen.add(id(el))
        for back in el.xpath(".//a[contains(@class, 'footnote-back') or @role='doc-backlink' or starts-with(@href, "
                             "'#fnref')]"):
            back.drop_tree()  # the "↩" link back to the text
        text = " ".join(el.text_content().split())
        if text:
            number = str(len(out) + 1)
            out.append(Element("footnote", f"{number} {text}", label=f"fn {number}"))
    return out


def html_elements(fragment: str) -> list[Element]:
    """Headings and paragraphs in reading order; a container whose blocks are nested reads through them."""
    if not fragment.strip():
        return []
    root = lxml_html.fromstring(fragment)
    for sup in root.iter("sup"):
        mark = sup.text_content().strip()
        if mark.isdigit():  # a footnote mark: raised, so it never glues onto the word before it (as in PDFs)
            for child in list(sup):
                sup.remove(child)
            sup.text = mark.translate(_SUPERSCRIPT)
    out: list[Element] = []
    for el in root.iter(*_BLOCKS):
        if any(d is not el and d.tag in _BLOCKS for d in el.iterdescendants()):
            continue  # its nested blocks are read on their own
        if el.tag == "tr":
            cells = [" ".join(c.text_content().split()) for c in el if c.tag in ("td", "th")]
            text = " | ".join(c for c in cells if c)
        else:
            text = " ".join(el.text_content().split())
            item = el if el.tag == "li" else next((a for a in el.iterancestors("li")), None)
            if item is not None and item.getparent() is not None and item.getparent().tag == "ol" \
                    and (el is item or el is next(item.iter(*_BLOCKS - {"li"}), None)):
                # An ordered list's number is printed, not in the text: numbered paragraphs keep their label.
                ol = item.getparent()
                start = int(ol.get("start", "1")) if ol.get("start", "1").isdigit() else 1
                text = f"{start + [c for c in ol if c.tag == 'li'].index(item)}. {text}"
        if not text:
            continue
        if el.tag in _HEADINGS:
            out.append(Element("heading", text, _HEADINGS[el.tag]))
        else:
            out.append(Element("text", text))
    return out


def page_meta(page: str) -> Meta:
    """Title, authors, publisher (site name) and date from the page's metadata (trafilatura)."""
    from trafilatura import extract_metadata

    try:
        found = extract_metadata(page)
    except Exception as exc:  # metadata is a bonus: a page without readable metadata is still read
        log.debug("no metadata: %s", exc)
        return Meta()
    if found is None:
        return Meta()
    return Meta(title=found.title or None, authors=split_authors(found.author), publisher=found.sitename or None,
                date=iso_date(found.date))
