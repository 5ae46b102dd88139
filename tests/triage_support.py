"""Triage test documents built in memory: a resolution of given paragraphs, over a page store stand-in."""

from __future__ import annotations

from typing import cast

from briefbot.models import Chunk, DocInfo, Span
from briefbot.store import Store
from briefbot.triage import DocText, Sentence


class Pages:
    """A store stand-in for score_themes: page text for the quotes of the evidence."""

    def __init__(self, text: str) -> None:
        self.text = text

    def page_text(self, doc_id: str, page: int | None) -> str:
        return self.text


def resolution(*paragraphs: tuple[str | None, str]) -> DocText:
    """A resolution whose paragraphs are (operative number or None for a recital, text), one chunk each."""
    sentences = []
    for i, (label, text) in enumerate(paragraphs):
        chunk = Chunk(f"r{i}", "r", i, text, [Span(1, 0, len(text), label, 0)], None, None, "body")
        sentences.append(Sentence(chunk, 0, len(text), i))
    info = DocInfo("r", "r.xml", None, "", "test", "S/RES/1(2002)", "resolution", None, None, "en", 1,
                   len(paragraphs), [], [], [], "")
    return DocText(info, sentences, sum(len(t.split()) for _, t in paragraphs),
                   cast(Store, Pages(" ".join(t for _, t in paragraphs))))
