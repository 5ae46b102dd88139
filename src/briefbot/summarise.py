"""Cited summaries of one document.

Extractive (the default, no LLM): the summary is a handful of the document's own sentences, each quoted verbatim
and cited [n] with page and paragraph. Sentences are picked for organised-crime theme evidence (the taxonomy's
sentence scores) and for position: the report's own summary, its observations/conclusions, its opening
paragraph, a resolution's "Decides"/"Condemns" paragraphs; near-repeats are skipped.

With ``engine = "llm"`` the summary is map-reduce over the document's strongest passages using
``prompts/summarise.md``; the chat model and the citation check come from ``briefbot.llm``. When that module or
the model is unavailable the extractive summary is returned with a note saying so.
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from .cite import terms
from .config import Settings
from .errors import ConfigError
from .mdtext import md_safe
from .models import Citation, DocInfo
from .store import Store
from .taxonomy import Taxonomy
from .triage import (
    DocText,
    Sentence,
    cite,
    decision_verb,
    is_boilerplate,
    is_concluding_section,
    is_finding,
    is_fragment,
    is_operative,
    is_summary_section,
    paragraph_key,
    read_document,
    score_themes,
)

log = logging.getLogger(__name__)

_LEAD = re.compile(r"\b(?:The present report|This report|submitted pursuant to|covers the period|"
                   r"provides an? (?:update|overview|assessment))\b", re.I)
# Besides the Council's decisions (triage.decision_verb), its gravest statements of position lead a summary too.
_STANCE = re.compile(r"^(?:Expresses (?:grave|deep|serious) concern|Reiterates)\b")


@dataclass(slots=True)
class Summary:
    document: str
    symbol: str | None
    engine: str
    sentences: list[str]  # one per citation, in document order; each ends with its [n]
    citations: list[Citation]
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "symbol": self.symbol, "engine": self.engine, "text": self.text,
                "sentences": self.sentences, "citations": [c.to_dict() for c in self.citations],
                "notes": self.notes}

    def markdown(self) -> str:
        if not self.citations:
            return "_No summary: the document has no quotable English text._\n"
        lines = [f"- “{md_safe(c.shown_quote())}” [{c.key}]" for c in self.citations]
        lines.append("")
        lines.extend(f"[{c.key}] {c.reference()}" for c in self.citations)
        lines.extend(f"\n_Note: {n}_" for n in self.notes)
        return "\n".join(lines) + "\n"


def summarise_document(store: Store, info: DocInfo, settings: Settings, taxonomy: Taxonomy,
                       doc: DocText | None = None, length: int = 7, model: Any | None = None) -> Summary:
    """Entry point: a cited summary of one indexed document (``model``: a chat model, for tests)."""
    doc = doc or read_document(store, info)
    if settings.engine == "llm":
        summary = _llm_summary(doc, settings, taxonomy, length, model)
        if summary is not None:
            return summary
        fallback = extractive_summary(doc, taxonomy, length)
        fallback.notes.append("engine 'llm' is unavailable (see the log); this is the extractive summary")
        return fallback
    return extractive_summary(doc, taxonomy, length)


def extractive_summary(doc: DocText, taxonomy: Taxonomy, length: int = 7) -> Summary:
    """The document's own sentences: its main finding or decision first, then the others in reading order.

    Covering letters, circulation lines, the report's description of itself and its mandate, working methods and
    procedural votes are never chosen (``triage.is_boilerplate``); nor are list bullets, table rows or lead-ins.
    """
    _, per_sentence = score_themes(doc, taxonomy)
    top_theme = max(per_sentence.values(), default=0.0) or 1.0
    resolution = doc.info.doc_type == "resolution"
    ranked: list[tuple[float, str, Sentence]] = []
    n = len(doc.sentences)
    for s in doc.sentences:
        text = s.text
        # Whole sentences only (no cut quotes), and no tables, fragments or boilerplate.
        if s.footnote or len(text) < 40 or len(text) > 420 or is_fragment(text) or is_boilerplate(text):
            continue
        score = 0.6 * min(1.0, per_sentence.get(s.index, 0.0) / min(top_theme, 8.0))
        section = s.section or ""
        zone = "body"
        if is_summary_section(section):
            score += 0.35
            zone = "summary"
        elif is_concluding_section(section):
            score += 0.3
            zone = "concluding"
        decision = resolution and bool(decision_verb(text) or _STANCE.match(text)) and is_operative(s)
        if decision:
            score += 0.25
        elif resolution:
            score -= 0.1  # preamble: context, not what the Council did
        if is_finding(text):
            score += 0.15
        score += 0.1 * (1 - s.index / max(n, 1))  # earlier is better, slightly
        ranked.append((score, "decision" if decision else zone, s))
    # Quotas keep the summary spread over the document: its own summary, the findings, then the conclusions.
    quota = {"summary": max(2, length * 3 // 7), "concluding": max(2, length * 3 // 7), "body": length,
             "decision": length}
    chosen: list[tuple[float, str, Sentence]] = []
    chosen_terms: list[set[str]] = []
    paragraphs: set[tuple[str, int]] = set()
    for score, zone, s in sorted(ranked, key=lambda x: (-x[0], x[2].index)):
        if len(chosen) >= length:
            break
        para = paragraph_key(s)
        words = terms(s.text)
        if quota[zone] <= 0 or para in paragraphs or any(_similar(words, t) for t in chosen_terms):
            continue
        quota[zone] -= 1
        paragraphs.add(para)
        chosen.append((score, zone, s))
        chosen_terms.append(words)
    lead = main_finding(chosen)
    ordered = ([lead] if lead else []) + sorted((s for _, _, s in chosen if s is not lead), key=lambda s: s.index)
    citations: list[Citation] = []
    for s in ordered:
        c = cite(doc, s.chunk, s.start, s.end, key=str(len(citations) + 1))
        # A sentence over a page break is quoted from one page; that part must still read as a statement.
        if c is not None and not is_fragment(c.quote) and not is_boilerplate(c.quote):
            citations.append(c)
    sentences = [f"{c.quote} [{c.key}]" for c in citations]
    return Summary(doc.info.file_name, doc.info.symbol, "extractive", sentences, citations)


def main_finding(chosen: list[tuple[float, str, Sentence]]) -> Sentence | None:
    """The sentence a reader needs first: a resolution's first decision, else the report's own summary opening,
    else its strongest observation, else the strongest sentence."""
    for zone in ("decision", "summary"):
        first = min((s for _, z, s in chosen if z == zone), key=lambda s: s.index, default=None)
        if first is not None:
            return first
    for zone in ("concluding", "body"):
        best = max(((score, s) for score, z, s in chosen if z == zone), key=lambda x: (x[0], -x[1].index),
                   default=None)
        if best is not None:
            return best[1]
    return None


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) > 0.5


def _llm_summary(doc: DocText, settings: Settings, taxonomy: Taxonomy, length: int,
                 model: Any | None = None) -> Summary | None:
    """Map-reduce with ``briefbot.llm``: notes per batch of passages, then one summary; None when unavailable.

    Only the passages with the most theme evidence (and the report's own summary and conclusions) are read, so a
    60-page report costs a handful of model calls. Every sentence is checked against the passages its keys name
    (``llm.check_reply``) and its quote located verbatim on the page, exactly as LLM answers are.
    """
    try:
        llm = importlib.import_module("briefbot.llm")
        from .models import Hit
        from .prompts import load_prompt

        prompt = load_prompt("summarise", {"system": (), "map": ("document", "passages"),
                                           "reduce": ("document", "notes", "length")}, settings)
        make_passages, render, check, quote = llm.keyed_passages, llm.render_passages, llm.check_reply, llm.quote_for
        batch_size = int(llm.MAX_PASSAGES)
    except (ImportError, AttributeError, ConfigError) as exc:
        log.warning("LLM summary unavailable (%s); falling back to the extractive summary", exc)
        return None
    from langchain_core.messages import HumanMessage, SystemMessage

    chunks = _llm_chunks(doc, taxonomy, limit=batch_size * _MAP_BATCHES)
    hits = [Hit(chunk=c, doc=doc.info, score=1.0) for c in chunks]
    title = " · ".join(x for x in (doc.info.title, doc.info.date) if x) or doc.info.file_name
    passages: list[Any] = []
    notes: list[str] = []
    try:
        chat = model if model is not None else llm.make_chat_model(settings)
        system = SystemMessage(prompt.render("system"))
        for i in range(0, len(hits), batch_size):
            batch = make_passages(hits[i:i + batch_size])
            for p in batch:
                p.key += i  # keys are global across batches, so reduce can cite any passage
            passages.extend(batch)
            reply = _reply(chat.invoke([system, HumanMessage(prompt.render(
                "map", document=title, passages=render(batch)))]))
            if not reply or reply.upper().startswith("NOTHING"):
                continue
            checked = check(reply, batch)
            notes.extend(sent.text for line in checked.lines for sent in line if sent.keys)
        if not notes:
            log.warning("LLM summary of %s: no supported notes; falling back", doc.info.doc_id)
            return None
        reply = _reply(chat.invoke([system, HumanMessage(prompt.render(
            "reduce", document=title, notes="\n".join(notes), length=str(length)))]))
    except Exception as exc:  # an unreachable or failing model must not stop a triage batch
        log.warning("LLM summary of %s failed (%s); falling back to the extractive summary", doc.info.doc_id, exc)
        return None
    checked = check(reply, passages)
    by_key = {p.key: p for p in passages}
    citations: dict[int, Citation] = {}
    for key in checked.keys:
        claims = [s.claim for line in checked.lines for s in line if key in s.keys]
        c = quote(by_key[key], claims, lambda _doc_id, page: doc.page(page))
        if c is not None:
            citations[key] = c
    sentences = [s.text for line in checked.lines for s in line if s.keys and all(k in citations for k in s.keys)]
    if not sentences:
        return None
    return Summary(doc.info.file_name, doc.info.symbol, "llm", sentences, list(citations.values()),
                   list(checked.notes))


_MAP_BATCHES = 6


def _reply(message: Any) -> str:
    content = getattr(message, "content", message)
    if isinstance(content, list):
        content = " ".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return re.sub(r"<think>.*?(?:</think>|$)", "", str(content), flags=re.S).strip()


def _llm_chunks(doc: DocText, taxonomy: Taxonomy, limit: int) -> list[Any]:
    """The chunks worth the model's time, in document order: theme evidence, summary and concluding sections."""
    _, per_sentence = score_themes(doc, taxonomy)
    weight: dict[int, float] = {}
    chunks: dict[int, Any] = {}
    for s in doc.sentences:
        if s.footnote:
            continue
        chunks[s.chunk.ordinal] = s.chunk
        bonus = 3.0 if is_summary_section(s.section) or is_concluding_section(s.section) else 0.0
        lead = 4.0 if _LEAD.search(s.text) and s.index < 15 else 0.0
        weight[s.chunk.ordinal] = max(weight.get(s.chunk.ordinal, 0.0), bonus, lead) + per_sentence.get(s.index, 0.0)
    best = sorted(chunks, key=lambda o: (-weight.get(o, 0.0), o))[:limit]
    return [chunks[o] for o in sorted(best)]
