"""Citations: page text access, content terms, sentence trimming, span selection, quote verification and the
reference string. One home for what the answer engines, summaries and triage cards all need to cite a quote.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from .models import Chunk, Citation, DocInfo, Hit, Span
from .spelling import un_word

log = logging.getLogger(__name__)

PageText = Callable[[str, int | None], str]

_STOP = set("""a an and are as at be been but by can could did do does for from had has have how i in into is it
its may might more most no not of on or our shall should so such than that the their them then there
these they this those to was we were what when where which who whom whose why will with would about
any all also between during under over per document documents un united nations say says said tell
according report reports""".split())
_HEADED_LEAD_LABEL = re.compile(r"^(?:[IVXL]{1,6}\.\s+[^\n]{0,80}?\s)?(?:\d{1,3}\.|\([a-z]{1,2}\)|\([ivx]{1,5}\))\s+")
_TRAILING_LABEL = re.compile(r"\s+\d{1,3}\.$")
MAX_QUOTE = 420
_LEAD_LABEL = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,2}\)|\([ivx]{1,5}\))\s+")

try:
    import Stemmer

    _stem: Callable[[str], str] = Stemmer.Stemmer("english").stemWord
except ImportError:  # stemming only sharpens overlap; plain words still work
    def _stem(word: str) -> str:
        return word


def terms(text: str) -> set[str]:
    """Content words (stemmed) and numbers. A set of its own, which the caller may change."""
    return set(term_set(text))


_TERM_WORD = re.compile(r"[A-Za-z][A-Za-z']+|\d[\d,.]*\d|\d")


@lru_cache(maxsize=8192)
def term_set(text: str) -> frozenset[str]:
    """:func:`terms`, shared and unchangeable (cached: no copy)."""
    # One question reads the same passages and sentences many times over (ranking, answer, confidence), and a
    # server's questions share passages: stemming them once is about a tenth of an answer's Python time.
    return _content_terms(text)


@lru_cache(maxsize=100_000)
def word_terms(word: str) -> frozenset[str]:
    """:func:`term_set` of one word, cached apart so the words of new passages never push passages out."""
    return _content_terms(word)


def _content_terms(text: str) -> frozenset[str]:
    # A typed apostrophe and the documents' curly one are the same letter: "Da'esh" is "Da’esh", "d'Ivoire" is
    # "d’Ivoire" (the curly one split the word: "Da’esh" was "esh").
    text = text.replace("’", "'").replace("‘", "'")
    # Each word in the UN's spelling first: "authorisations" and "authorizations" are one term, not "authoris" and
    # "author" (spelling.py).
    return frozenset(_stem(un_word(w.lower().strip("'"))) if not w[0].isdigit() else w.replace(",", "")
                     for w in _TERM_WORD.findall(text) if w.lower() not in _STOP and (len(w) > 2 or w[0].isdigit()))


def quote_verbatim(citation: Mapping[str, Any], page_text: PageText) -> bool:
    """True when a citation dict's quote (each page's part, for a quote over a page break) is on its page.

    Dicts written before citations carried ``doc_id`` name the file only, which is the id of a PDF."""
    document = citation.get("doc_id") or citation.get("document")
    parts = citation.get("parts") or [{"page": citation.get("page"), "quote": citation.get("quote")}]
    return bool(document) and all(p.get("quote") and str(p["quote"]) in page_text(str(document), p.get("page"))
                                  for p in parts)


def trim_sentence(text: str, a: int, b: int, headings: bool = False) -> tuple[int, int]:
    """Drop a leading paragraph number ("18. ", "(c) ") and surrounding space from a quote.

    ``headings``: the sentence comes from a whole document read in order (triage, summaries), where a section
    heading may lead into the number ("III. Observations 18. ") or run into the next one ("Panel of Experts 17.");
    both are cut, and a label that is all there is stays.
    """
    m = (_HEADED_LEAD_LABEL if headings else _LEAD_LABEL).match(text[a:b])
    if m and (not headings or m.end() < b - a):
        a += m.end()
    if headings:
        m = _TRAILING_LABEL.search(text, a, b)
        if m and m.start() > a and is_heading(text[a:m.start()]):
            b = m.start()
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def cite_sentence(hit: Hit, start: int, end: int, key: str, page_text: PageText) -> Citation | None:
    """Map ``hit.chunk.text[start:end]`` back to its page(s) and paragraph; refuse any quote that is not verbatim
    on its page. Shared by both engines, so LLM citations are located and verified exactly like extractive ones.

    A sentence running over a page break is quoted whole: each page's part is verified on its own page, and the
    citation spans both ("pp. 6-7").
    """
    chunk = hit.chunk
    by_page: dict[int | None, list[tuple[Span, int, int]]] = {}
    for span, lo, hi in _runs(chunk, start, end):
        if chunk.text[lo:hi].strip():
            by_page.setdefault(span.page, []).append((span, lo, hi))
    if not by_page:
        return None
    parts: list[Citation] = []  # each page's longest verified part
    chain: list[Citation] = []  # the parts that meet at each page break, while they do
    for n, runs in enumerate(by_page.values()):
        # Of several blocks of one page, the longest is quoted; a block opening a list ("…I have appointed the
        # following experts:") is quoted with the list under it, and a table row's cells together, from the
        # page's own text. Other blocks are not joined: a resolution's preamble is one "sentence" of many clauses.
        groups: list[list[tuple[Span, int, int]]] = []
        for run in runs:
            last = chunk.text[groups[-1][-1][1]:groups[-1][-1][2]].strip() if groups else ""
            # The sentence a colon's list is part of goes on after the list: "… the following experts: Ms. Salma
            # Arka, regional/transport (Morocco) … Mr. Wenlei Xu, arms (China) I have designated Ms. Arka to serve
            # as Coordinator of the Panel of Experts." (S/2025/172) is one sentence over three blocks.
            in_list = bool(groups) and chunk.text[groups[-1][0][1]:groups[-1][0][2]].strip().endswith(":") \
                and last[-1:] not in ".;"
            if groups and (in_list or _runs_on(last, chunk.text[run[1]:run[2]])):
                groups[-1].append(run)
            else:
                groups.append([run])
        group = max(groups, key=lambda g: g[-1][2] - g[0][1])
        part = _cite_group(hit.doc, chunk, group, key, page_text)
        if part is None and len(group) > 1:
            span, lo, hi = max(runs, key=lambda r: r[2] - r[1])
            part = _cite_run(hit.doc, chunk, span, lo, hi, key, page_text)
        if part is not None:
            parts.append(part)
        # Over a page break the parts must meet at it: this page's first block after the last page's last one.
        # The longest block of each page joined "… However," on p. 23 to "k. Recapture …" on p. 24 of S/2025/472,
        # dropping a sentence and three list items between them.
        if len(by_page) > 1 and len(chain) == n and (n == 0 or n == len(by_page) - 1 or len(groups) == 1):
            meets = _cite_group(hit.doc, chunk, groups[-1] if n == 0 else groups[0], key, page_text)
            if meets is not None:
                chain.append(meets)
    # … and only when the pages follow each other in the passage: a page's heading read into the middle of the
    # last paragraph of the page before ("… 800 tons per Annex 12: Trends in the elvers sector in Haiti year.")
    # is no quote.
    ordered = all(max(r[1] for r in a) < min(r[1] for r in b) for a, b in itertools.pairwise(by_page.values()))
    if len(chain) == len(by_page) > 1 and ordered:
        parts = chain
    elif len(parts) > 1:
        # No joined quote: the longest verified part stands alone.
        return max(parts, key=lambda c: len(c.quote))
    if len(parts) < 2:
        # One page, or a part that is not verbatim: the longest verified part stands alone.
        return max(parts, key=lambda c: len(c.quote), default=None)
    first = parts[0]
    first.parts = [(p.page, p.quote) for p in parts]
    first.quote = " ".join(p.quote for p in parts)
    first.page_end = parts[-1].page
    first.cut_after = parts[-1].cut_after  # where the joined quote ends: on its last page
    return first


def verified_citation(doc: DocInfo, span: Span, lo: int, quote: str, key: str, page_text: PageText) -> Citation | None:
    """The Citation for ``quote``, found at chunk offset ``lo`` inside ``span``, if it is verbatim on its page.

    The one place where a quote is checked against the page text, for answers, summaries and triage cards.
    """
    if not quote:
        return None
    page_start = span.start + (lo - span.at)
    text = page_text(doc.doc_id, span.page)
    if text[page_start:page_start + len(quote)] != quote:
        found = text.find(quote)
        if found < 0:
            log.warning("quote not found on %s p.%s; dropped", doc.doc_id, span.page)
            return None
        page_start = found
    end = page_start + len(quote)
    return Citation(key=key, document=doc.file_name, doc_id=doc.doc_id, symbol=doc.symbol, page=span.page,
                    paragraph=span.label, quote=quote, title=doc.title, doc_type=doc.doc_type, date=doc.date,
                    start=page_start, end=end, ocr=span.page in doc.ocr_pages,
                    origin=doc.origin, authors=list(doc.authors), publisher=doc.publisher,
                    report_number=doc.report_number, cut_before=_cut_before(text, page_start, quote),
                    cut_after=_cut_after(text, end, quote))


# What the source goes on with after a quote cut inside its sentence: a word in lower case, a figure, a bracket or a
# document symbol ("… further requests the Panel of Experts to / monitor …", "… its presidential statement /
# S/PRST/2021/19;"); a capitalised word after no closing punctuation is a new block (a heading, a table's next row).
# Not a figure opening the next paragraph ("24. …") or a footnote's number at the page's foot.
_GOES_ON = re.compile(r"\s*(?:[a-z]|\d(?![\d,]*\.?(?:\s|$))|[A-Z]{1,6}/)")
_ENDS = ".;:!?)]”\"’'"
_MARK_AFTER = re.compile(r"(?<=[.;:!?”)\]])(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}|\*+|†)$")  # "… 37 girls.²¹": a footnote's mark


def _cut_after(text: str, end: int, quote: str) -> bool:
    """Whether ``quote``, ending at ``end`` of its page text, stops inside a sentence the page goes on with."""
    return _MARK_AFTER.sub("", quote)[-1:] not in _ENDS and bool(_GOES_ON.match(text, end))


def _cut_before(text: str, start: int, quote: str) -> bool:
    """Whether ``quote``, starting at ``start`` of its page text, starts inside a sentence: in lower case, after a
    word or a comma of the same sentence (not after a list's label "(a)", a colon or a semicolon)."""
    before = text[:start].rstrip()
    return quote[:1].islower() and (before[-1:].isalnum() or before[-1:] == ",")


def is_heading(text: str) -> bool:
    """A heading caught as a sentence: no closing punctuation and mostly capitalised words."""
    if text.rstrip()[-1:] in ".;:,”\"')":
        return False
    words = [w for w in text.split() if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_NUMBERING = re.compile(r"^(?:[IVXL]{1,6}\.|[A-Z]\.|\d{1,3}\.|\([a-z]\))\s+")


def is_section_title(section: str | None, sentence: str) -> bool:
    """``sentence`` is its section's own heading, perhaps run into the number of the paragraph after it ("Arms
    embargo and border control 42." under "D. Arms embargo and border control"): it names what the paragraphs
    under it are about and says nothing itself."""
    title = _NUMBERING.sub("", (section or "").strip())
    text = sentence.strip()
    return (len(title) > 5 and text[:len(title)].lower() == title.lower()
            and bool(_AFTER_TITLE.fullmatch(text[len(title):])))


# A table of contents' line: a heading, leader dots, perhaps a page number ("Report of the International Narcotics
# Control Board ......................."; "… of 1971 .............. 20").
_LEADERS = re.compile(r"(?:\.\s?){5,}\s*\d{0,4}\s*$|(?:…\s?){2,}\s*\d{0,4}\s*$")


def is_contents_line(text: str) -> bool:
    """A table of contents' entry: the heading of a section (or a decision's title) followed by leader dots. Like a
    section's own title it names what is read elsewhere in the document, so it is not evidence of its own."""
    return bool(_LEADERS.search(text.strip()))


# What may follow a heading run into its paragraph: a footnote marker, raised ("trade³") or flattened by the PDF's
# text ("trade12 45."), then the paragraph's number.
_AFTER_TITLE = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]*\s*(?:\d{1,3}\s+(?=\d))?(?:\d{1,3}\.?)?\s*")


def cite_on_page(info: DocInfo, chunk: Chunk, start: int, end: int, page_text: PageText, key: str = "",
                 focus: tuple[int, int] | None = None) -> Citation | None:
    """A Citation for ``chunk.text[start:end]`` on one page, or None when it is not verbatim on that page.

    A sentence running over a page break is quoted on the page that holds ``focus`` (the matched words) or most
    of it; a very long sentence is cut to a window around ``focus`` at word boundaries (still a substring).
    """
    best: tuple[Span, int, int] | None = None
    best_rank: tuple[bool, int] = (False, 0)
    for span, lo, hi in _runs(chunk, start, end):
        rank = (focus is not None and lo <= focus[0] < hi, hi - lo)
        if best is None or rank > best_rank:
            best, best_rank = (span, lo, hi), rank
    if best is None:
        return None
    span, lo, hi = best
    if hi - lo > MAX_QUOTE:
        lo, hi = _window(chunk.text, lo, hi, focus)
    return _cite_run(info, chunk, span, lo, hi, key, page_text)


def _runs(chunk: Chunk, start: int, end: int) -> Iterator[tuple[Span, int, int]]:
    """The part of ``chunk.text[start:end]`` in each span it touches: (span, lo, hi) in chunk offsets."""
    for span in chunk.spans:
        lo = max(start, span.at)
        hi = min(end, span.at + (span.end - span.start))
        if hi > lo:
            yield span, lo, hi


def _cite_run(doc: DocInfo, chunk: Chunk, span: Span, lo: int, hi: int, key: str,
              page_text: PageText) -> Citation | None:
    """The verified Citation of ``chunk.text[lo:hi]`` (inside ``span``) without its surrounding space."""
    raw = chunk.text[lo:hi]
    return verified_citation(doc, span, lo + len(raw) - len(raw.lstrip()), raw.strip(), key, page_text)


def _runs_on(block: str, following: str) -> bool:
    """A block that runs on into the next: it opens a list ("…the following experts:"), or it and the next are
    cells of a table row (short, no closing punctuation: "Kalashnikov", "170–230"). A short heading over a
    longer sentence is not a cell: "Limited Strategic Guidance for Peacekeepers" is not quoted with the finding
    under it."""
    block, following = block.strip(), following.strip()
    if block.endswith(":"):
        return True
    if block[-1:].isalpha() and re.match(r"[A-Z]{1,6}/\S", following):
        # A symbol set as a block of its own ends the sentence: "… as well at its presidential statement" then
        # "S/PRST/2021/19;" (S/RES/2808 (2025), para. 16).
        return True
    if (_FIGURES_ONLY.fullmatch(following) or _TWO_FIGURES.match(following)) and block[-1:] not in ".;":
        # A row's figures after its label, the label ending a longer block of the table ("… Tokarev rifle (Norinco
        # CQ 3-56 copy)" then "2,000,000–2,500,000", S/2025/239, Table 4): the row is quoted with its prices.
        return True
    return len(block) <= TABLE_CELL and block[-1:] not in ".,;" and len(following) <= TABLE_CELL


TABLE_CELL = 80
_FIGURE_CELL = r"\d(?:[\d,.]*\d)?(?:\s*[–-]\s*\d(?:[\d,.]*\d)?)?"
_FIGURES_ONLY = re.compile(_FIGURE_CELL)
_TWO_FIGURES = re.compile(rf"{_FIGURE_CELL}\s+{_FIGURE_CELL}(?:\s|$)")  # a row's cells, not "107. Additional"


def _cite_group(doc: DocInfo, chunk: Chunk, group: list[tuple[Span, int, int]], key: str,
                page_text: PageText) -> Citation | None:
    """A group of consecutive blocks of one page quoted together, or its one block."""
    if len(group) > 1:
        return _cite_blocks(doc, chunk, group, key, page_text)
    span, lo, hi = group[0]
    return _cite_run(doc, chunk, span, lo, hi, key, page_text)


def _cite_blocks(doc: DocInfo, chunk: Chunk, runs: list[tuple[Span, int, int]], key: str,
                 page_text: PageText) -> Citation | None:
    """One Citation for consecutive blocks of one page: the page's own text from the first block's part to the
    last one's (verbatim by construction), when it says what the chunk says (the chunk joins blocks with a
    space where the page has a line break); None otherwise."""
    (first, lo, _), (last, _, hi) = runs[0], runs[-1]
    text = page_text(doc.doc_id, first.page)
    a, b = first.start + (lo - first.at), last.start + (hi - last.at)
    quote = text[a:b]
    if not quote.strip() or quote.split() != chunk.text[lo:hi].split():
        return None
    lead = len(quote) - len(quote.lstrip())
    return verified_citation(doc, first, lo + lead, quote.strip(), key, page_text)


def _window(text: str, lo: int, hi: int, focus: tuple[int, int] | None) -> tuple[int, int]:
    centre = focus[0] if focus and lo <= focus[0] < hi else lo
    a = max(lo, centre - MAX_QUOTE // 3)
    b = min(hi, a + MAX_QUOTE)
    if a > lo:
        space = text.find(" ", a)
        a = space + 1 if 0 <= space < b else a
    if b < hi:
        space = text.rfind(" ", a, b)
        b = space if space > a else b
    return a, b
