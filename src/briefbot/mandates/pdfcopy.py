"""A tracked paragraph on the printed page: the tracker reads a resolution from its bulk XML (one text, no pages),
but when the index also holds the resolution's PDF, a citation should open the page it is printed on.

The paragraph's XML text is found again in the PDF's cleaned page text by :func:`..textmatch.locate` (the two
extractions differ in line breaks, hyphenation and quotes), across page breaks; each page's part is then quoted
verbatim from that page's text, so the citation is checked like any other.
"""

from __future__ import annotations

from ..models import Citation, DocInfo
from ..store import Store
from ..symbols import symbol_key
from ..textmatch import locate
from .model import TrackParagraph

_TRAILING = ".;:,"  # punctuation closing a paragraph, kept in the quote though it is not matched


def pdf_copies(skey: str, documents: list[DocInfo]) -> list[DocInfo]:
    """The indexed PDFs of one resolution (``skey``: its symbol key), newest ingest first."""
    found = [d for d in documents if d.symbol and symbol_key(d.symbol) == skey
             and d.file_name.lower().endswith(".pdf") and d.pages]
    return sorted(found, key=lambda d: d.ingested_at or "", reverse=True)


def paragraph_citation(store: Store, pdf: DocInfo, p: TrackParagraph, key: str = "",
                       max_chars: int | None = None) -> Citation | None:
    """A citation of paragraph ``p`` (its first ``max_chars``, cut at a word) on the page(s) of ``pdf`` where it is
    printed; None when it is not found."""
    wanted = p.text
    if max_chars is not None and len(wanted) > max_chars:
        cut = wanted.rfind(" ", 0, max_chars)
        wanted = wanted[:cut if cut > 0 else max_chars]
    texts = [store.page_text(pdf.doc_id, n) for n in range(1, pdf.pages + 1)]
    chars: list[str] = []
    where: list[tuple[int, int]] = []  # (page, offset) per char of the joined text
    for n, text in enumerate(texts, start=1):
        chars.extend(text)
        where.extend((n, i) for i in range(len(text)))
        chars.append("\n")
        where.append((n, len(text)))
    span = locate(chars, wanted)
    if span is None:
        return None
    first, last = span
    while wanted == p.text and last + 1 < len(chars) and chars[last + 1] in _TRAILING:
        last += 1
    parts: list[tuple[int, int, int]] = []  # (page, start, end) per page
    for page, offset in where[first:last + 1]:
        if parts and parts[-1][0] == page:
            parts[-1] = (page, parts[-1][1], offset + 1)
        else:
            parts.append((page, offset, offset + 1))
    quoted: list[tuple[int, int, str]] = []
    for page, start, end in parts:
        raw = texts[page - 1][start:end]
        quote = raw.strip()
        if quote:
            quoted.append((page, start + len(raw) - len(raw.lstrip()), quote))
    if not quoted:
        return None
    page, start, quote = quoted[0]
    cite = Citation(key=key, document=pdf.file_name, doc_id=pdf.doc_id, symbol=pdf.symbol, page=page,
                    paragraph=p.paragraph, quote=quote, title=pdf.title, doc_type=pdf.doc_type, date=pdf.date,
                    start=start, end=start + len(quote))
    if len(quoted) > 1:
        cite.parts = [(pg, q) for pg, _, q in quoted]
        cite.quote = " ".join(q for _, _, q in quoted)
        cite.page_end = quoted[-1][0]
    return cite
