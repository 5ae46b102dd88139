"""Answer stage, extractive engine (the default; no LLM): pick the sentences that answer, quote them, cite them.

Citation keys, symbols, pages and paragraph labels are assigned here by code from the retrieved chunks; every
quote is checked to be an exact substring of its page text before it is shown. Document text is only ever
quoted, never followed, so instructions inside a document change nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .chunk import split_sentences
from .config import Settings
from .models import Answer, Citation, DocInfo, Hit, Span
from .refs import parse_references

log = logging.getLogger(__name__)

PageText = Callable[[str, int | None], str]

_STOP = set("""a an and are as at be been but by can could did do does for from had has have how i in into is it
its may might more most no not of on or our shall should so such than that the their them then there
these they this those to was we were what when where which who whom whose why will with would about
any all also between during under over per document documents un united nations say says said tell
according report reports""".split())
_NUMERIC_Q = re.compile(r"\b(how many|how much|number of|what number|percentage|per cent|when|until when|date|"
                        r"which year|how long|how far|total|amount)\b", re.I)
_LEAD_LABEL = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,2}\)|\([ivx]{1,5}\))\s+")
INHERITED = 1.0  # weight of a question word matched only by the document's title, countries or section
_TYPE_PRIORITY = {"resolution": 4, "panel_report": 3, "sg_report": 2, "letter": 1, "other": 0}

try:
    import Stemmer

    _stem: Callable[[str], str] = Stemmer.Stemmer("english").stemWord
except ImportError:  # stemming only sharpens overlap; plain words still work
    def _stem(word: str) -> str:
        return word


def terms(text: str) -> set[str]:
    """Content words (stemmed) and numbers."""
    words = re.findall(r"[A-Za-z][A-Za-z']+|\d[\d,.]*\d|\d", text)
    return {_stem(w.lower().strip("'")) if not w[0].isdigit() else w.replace(",", "")
            for w in words if w.lower() not in _STOP and (len(w) > 2 or w[0].isdigit())}


@dataclass(slots=True)
class Candidate:
    hit: Hit
    start: int  # offsets in the chunk text
    end: int
    score: float
    overlap: float


def extractive_answer(question: str, hits: list[Hit], settings: Settings, page_text: PageText,
                      idf: Callable[[set[str]], dict[str, float]] | None = None) -> Answer:
    """Entry point: an Answer whose sentences are verbatim, keyed quotes — or an honest abstention."""
    if not hits:
        return _abstain(question, hits, "No indexed passage relates to this question.")
    q_terms = terms(question)
    weights = idf(q_terms) if idf else {}

    def weight(t: str) -> float:
        return weights.get(t, 1.0)

    total = sum(weight(t) for t in q_terms) or 1.0
    top = max(h.score for h in hits) or 1.0
    numeric = bool(_NUMERIC_Q.search(question))
    # A paragraph the question names ("paragraph 19 of resolution 2769 (2025)") is what must be quoted.
    named = parse_references(question)
    wanted = {re.sub(r"[\s()]", "", p) for p in named.paragraphs} if named.symbols else set()
    places = {p.lower() for p in named.places}
    candidates: list[Candidate] = []
    for hit in hits[:8]:
        passage = hit.score / top
        dense = max(hit.dense_score or 0.0, 0.0)
        # A sentence inherits its document's subject: "the Panel" in resolution 2769 is the Libya panel even
        # where the sentence does not say "Libya". Such matches count at a reduced weight.
        context = terms(f"{hit.doc.title or ''} {' '.join(hit.doc.missions[:4])} {hit.chunk.section or ''}")
        # The question names a country or mission this document is not about: its sentences answer another case.
        elsewhere = bool(places) and not places & {m.lower() for m in hit.doc.missions[:4]}
        for a, b in split_sentences(hit.chunk.text):
            a, b = trim_sentence(hit.chunk.text, a, b)
            sentence = hit.chunk.text[a:b]
            if len(sentence) < 25:
                continue
            own = q_terms & terms(sentence)
            inherited = (q_terms & context) - own
            overlap = (sum(weight(t) for t in own) + INHERITED * sum(weight(t) for t in inherited)) / total
            score = 0.55 * overlap + 0.25 * passage + 0.2 * dense
            if numeric and re.search(r"\d", sentence):
                score += 0.08
            span = hit.chunk.locate(a)
            if span and span.label and not span.label.startswith("fn"):
                # Numbered paragraphs carry a document's substance (a resolution's decisions); preambles recall.
                score += 0.06
            elif hit.doc.doc_type == "resolution":
                score -= 0.08
            if elsewhere:
                score -= 0.1
            if wanted and span and span.label and re.sub(r"[\s()]", "", span.label) in wanted:
                score += 0.5
                overlap = max(overlap, 0.5)
            candidates.append(Candidate(hit, a, b, score, overlap))
    support = _support(hits, candidates)
    missing = _missing(q_terms, hits, weight)
    confidence = support - settings.abstain_missing_weight * missing
    if confidence < settings.abstain_threshold or not candidates:
        return _abstain(question, hits, "The indexed documents do not answer this question "
                        f"(confidence {confidence:.2f} < threshold {settings.abstain_threshold:.2f}). "
                        "The closest passages are listed below.", support, missing)
    chosen = _choose(candidates, settings.max_citations)
    citations: list[Citation] = []
    lines: list[str] = []
    for cand in chosen:
        citation = cite_sentence(cand.hit, cand.start, cand.end, str(len(citations) + 1), page_text)
        if citation is None:
            continue
        if any(_same_text(citation.quote, c.quote) for c in citations):
            continue
        citations.append(citation)
        extra = f" (same text in {', '.join(cand.hit.also_in)})" if cand.hit.also_in else ""
        lines.append(f"{citation.reference()}{extra}: “{citation.quote}” [{citation.key}]")
    if not citations:
        return _abstain(question, hits, "No passage could be quoted verbatim from its page.", support)
    answer = Answer(question=question, answer="\n".join(lines), abstained=False, citations=citations, hits=hits)
    answer.timings_ms.update(support=round(support, 3), missing=round(missing, 3))
    return answer


def _missing(q_terms: set[str], hits: list[Hit], weight: Callable[[str], float]) -> float:
    """IDF-weighted share of the question's words found in none of the top passages (nor their symbols/titles).

    A question about "captagon" or "Sfax" that no retrieved passage mentions is probably not answered by them.
    """
    seen: set[str] = set()
    for hit in hits[:5]:
        seen |= terms(f"{hit.chunk.text} {hit.doc.symbol or ''} {hit.doc.title or ''} {hit.chunk.section or ''}")
    total = sum(weight(t) for t in q_terms) or 1.0
    return sum(weight(t) for t in q_terms if t not in seen) / total


def _support(hits: list[Hit], candidates: list[Candidate]) -> float:
    """How well the best passages cover the question: dense similarity and sentence-level term coverage."""
    best_dense = max((h.dense_score or 0.0 for h in hits[:5]), default=0.0)
    best_overlap = max((c.overlap for c in candidates), default=0.0)
    return 0.5 * best_dense + 0.5 * best_overlap


def trim_sentence(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop a leading paragraph number ("18. ", "(c) ") and surrounding space from a quote."""
    m = _LEAD_LABEL.match(text[a:b])
    if m:
        a += m.end()
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _choose(candidates: list[Candidate], limit: int) -> list[Candidate]:
    ranked = sorted(candidates, key=lambda c: (-c.score, -_TYPE_PRIORITY.get(c.hit.doc.doc_type, 0),
                                               c.hit.doc.date or ""))
    best = ranked[0].score
    chosen: list[Candidate] = []
    used: set[tuple[str, str | None, int]] = set()
    for cand in ranked:
        if len(chosen) >= limit or cand.score < 0.72 * best or cand.overlap == 0:
            continue
        key = (cand.hit.doc.doc_id, cand.hit.chunk.paragraph, cand.hit.chunk.ordinal)
        # One sentence per passage, unless it is the same passage continuing the best one.
        if key in used:
            continue
        used.add(key)
        chosen.append(cand)
    return chosen or ranked[:1]


def cite_sentence(hit: Hit, start: int, end: int, key: str, page_text: PageText) -> Citation | None:
    """Map ``hit.chunk.text[start:end]`` back to one page and paragraph; refuse any quote that is not verbatim
    on that page. Shared by both engines, so LLM citations are located and verified exactly like extractive ones.
    """
    chunk = hit.chunk
    best = None
    for span in chunk.spans:
        lo = max(start, span.at)
        hi = min(end, span.at + (span.end - span.start))
        if hi > lo and (best is None or hi - lo > best[2] - best[1]):
            best = (span, lo, hi)
    if best is None:
        return None
    span, lo, hi = best
    raw = chunk.text[lo:hi]
    return verified_citation(hit.doc, span, lo + len(raw) - len(raw.lstrip()), raw.strip(), key, page_text)


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
    return Citation(key=key, document=doc.file_name, symbol=doc.symbol, page=span.page, paragraph=span.label,
                    quote=quote, title=doc.title, doc_type=doc.doc_type, date=doc.date, start=page_start,
                    end=page_start + len(quote))


def _same_text(a: str, b: str) -> bool:
    ta, tb = set(a.lower().split()), set(b.lower().split())
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) > 0.85


def _abstain(question: str, hits: list[Hit], message: str, support: float = 0.0, missing: float = 0.0) -> Answer:
    answer = Answer(question=question, answer=message, abstained=True, citations=[], hits=hits)
    answer.timings_ms.update(support=round(support, 3), missing=round(missing, 3))
    return answer


def stream_text(text: str) -> Iterator[str]:
    """An already computed answer for streaming: one piece per line (a cited quote each), leading space dropped.

    Pieces used to be single words; each piece is one update of every listener (the web app re-sends its outputs
    per piece), which typed a finished answer out at ~200 characters per second. Joined, the pieces are the text
    without its leading whitespace, as before.
    """
    yield from text.lstrip().splitlines(keepends=True)

