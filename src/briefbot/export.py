"""An answer with its citations as a Markdown brief an analyst can paste into a note."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from .mdtext import md_safe
from .models import DOC_TYPE_LABELS, Answer, reference

_CLOSEST = 5


# The extractive engine explains an abstention with its scores; a reader is told it in words.
_INTERNALS = re.compile(r"\s*\((?:confidence|score)[^)]*\)", re.IGNORECASE)
# The engine's own first sentence, which a reader's heading already says.
_SAID_ALREADY = re.compile(r"^The indexed documents do not answer this question\.\s*")
ABSTENTION_HEADING = "The indexed documents do not answer this question."


def plain_abstention(text: str) -> str:
    """An abstention's explanation for a reader under a heading that already says it is one: the engine's
    repeated first sentence and its scores dropped ("(confidence 0.42 < threshold 0.50)")."""
    return _SAID_ALREADY.sub("", _INTERNALS.sub("", text).strip())


def _paragraphs(text: str) -> str:
    """An engine's text, each of its lines a paragraph: the direct line's bold date and the quotes under it are
    separate lines, and Markdown joins lines with a single newline into one paragraph (the bold lead ran into the
    first quote, a browser walk's find)."""
    return "\n\n".join(md_safe(line.strip()) for line in text.strip().splitlines() if line.strip())


def _quote_block(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in md_safe(text).strip().splitlines())


def answer_markdown(answer: Answer, now: datetime | None = None) -> str:
    """Question, answer, then every citation with its reference and verbatim quote (or, for an abstention,
    the closest passages, marked as not answering)."""
    when = now or (datetime.fromisoformat(answer.asked_at) if answer.asked_at else None) or datetime.now(UTC)
    stamp = when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [f"# {md_safe(' '.join(answer.question.split())) or 'Question'}", "",  # a heading is one line
           f"_briefbot, {answer.engine} engine, {stamp}_", "", "## Answer", ""]
    if answer.abstained:
        out += [f"**{ABSTENTION_HEADING}**", ""]
        if said := plain_abstention(answer.answer):
            out += [_paragraphs(said), ""]
    else:
        out += [_paragraphs(answer.answer), ""]
    for note in answer.notes:
        out += [f"> **Note:** {md_safe(note)}", ""]
    if answer.citations:
        out += ["## Citations", ""]
        for c in answer.citations:
            meta = ", ".join(x for x in (DOC_TYPE_LABELS.get(c.doc_type or "", c.doc_type or ""), c.date) if x)
            title = f" — {md_safe(c.title)}" if c.title else ""
            out += [f"**[{c.key}] {md_safe(c.reference())}**{title}" + (f" ({md_safe(meta)})" if meta else ""), "",
                    _quote_block(c.shown_quote()), ""]
    if answer.abstained and answer.hits:
        out += ["## Closest passages (not an answer)", ""]
        for h in answer.hits[:_CLOSEST]:
            p = h.to_passage()
            where = reference(p["symbol"] or p["document"], p["paragraph"], p["page"])
            out += [f"**{h.rank}. {md_safe(where)}**", "", _quote_block(h.chunk.text), ""]
    return "\n".join(out).rstrip() + "\n"
