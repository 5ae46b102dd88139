"""Chunk stage: a document's paragraphs become retrieval units that fit the embedding model's window.

Short paragraphs are merged with their neighbours in the same section; long ones are split at sentence
boundaries. Chunks never cross documents, and every chunk keeps, per page run, the paragraph label it came
from, so a quote can be mapped back to page and paragraph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .models import Block, Chunk, Document, Span

SKIP_KINDS = {"contents", "title"}
# A footnote's marker may follow the stop, with or without a space ("has declined. ⁵⁴ In January", "point.⁶⁴ The"):
# the sentence still ends there (the marker belongs to neither sentence's words).
_SENTENCE_END = re.compile(r"(?<=[.;!?])[\"”’)]*(?:\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\s+(?=[A-Z(“\"‘\d])")
# A bullet starts a sentence whatever ends the item before it: a Panel's list of armed groups ("… on behalf of RSF •
# Groups of former Musa Hilal fighters …") was one sentence, and a question on the first group quoted the second.
_BULLET = re.compile(r"\s+(?=[•▪●◦]\s)")
_ABBREV = re.compile(r"\b(?:para|paras|No|Nos|Mr|Mrs|Ms|Dr|e\.g|i\.e|vol|art|Art|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
                     r"Sept|Oct|Nov|Dec|p|pp|Rev|Add|Corr|op|cf|etc|U\.S|U\.N)\.$")

# A middle initial: "Hanna S. Tetteh" is one name, not a sentence ending at "S.". Not a letter naming a place or
# part ("Annex I. The", "Area A. Witnesses", "World War I. The"), nor one before a word that opens sentences.
LOCATOR_WORDS = ("Annex", "Appendix", "Area", "Zone", "Sector", "Section", "Part", "Phase", "Plan", "Room", "Table",
                 "Category", "War", "Camp", "Chapter", "Schedule", "Class", "Group", "Level", "Block", "Site", "Unit",
                 "Item", "Option", "Herzegovina", "Figure", "Box", "Map", "Stage", "Type", "List", "Article")
OPENER_WORDS = ("The", "In", "It", "This", "That", "These", "Those", "A", "An", "On", "At", "As", "By", "For", "From",
                "Next", "Two", "Three", "Four", "Some", "Many", "Most", "Its", "Their", "His", "Her", "Since", "When",
                "While", "During", "After", "Before", "Witnesses", "However", "Also", "Such", "There", "They", "We",
                "He", "She", "Following", "According", "Under", "With", "Despite", "Although", "If", "No", "All")
_INITIAL = re.compile(rf"\b(?!(?:{'|'.join(LOCATOR_WORDS)})\b)[A-Z][a-z]+ [A-Z]\.$")
_OPENER = re.compile(rf"(?:{'|'.join(OPENER_WORDS)})\b")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@lru_cache(maxsize=1)
def _tokenizer(model_path: str) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(f"{model_path}/tokenizer.json")
    tok.no_truncation()
    tok.no_padding()
    return tok


def token_counter(model_path: str | None) -> Callable[[str], int]:
    """Count model tokens with the model's own tokenizer; a word-based estimate when it is unavailable."""
    if model_path:
        try:
            tok = _tokenizer(model_path)
            return lambda text: len(tok.encode(text, add_special_tokens=False).ids)
        except Exception:  # an unexpected model layout falls back to the estimate below
            pass
    return lambda text: int(len(text.split()) * 1.35) + 1


def split_sentences(text: str, bullets: bool = True) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets; keeps "para. 23" and "No. 5" together. ``bullets=False``: a bullet does not
    end a sentence (the chunker's cut points, as every index was built: chunks stay as ingested)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    ends = sorted([*_SENTENCE_END.finditer(text), *(_BULLET.finditer(text) if bullets else ())],
                  key=lambda m: m.start())
    for m in ends:
        if m.start() < start:
            continue
        if m.re is _SENTENCE_END and (_ABBREV.search(text[max(start, m.start() - 8): m.start()]) or (
                _INITIAL.search(text[max(start, m.start() - 30): m.start()]) and not _OPENER.match(text, m.end()))):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip(" \t\n•▪●◦")]


def chunk_document(doc: Document, max_tokens: int = 220, min_chars: int = 200,
                   count_tokens: Callable[[str], int] | None = None) -> list[Chunk]:
    """Entry point: the document's chunks, in reading order, without repeats of identical text."""
    count = count_tokens or token_counter(None)
    pieces: list[list[tuple[Block, int, int]]] = []  # groups of (block, start, end) within block.text
    for block in doc.blocks:
        if block.kind in SKIP_KINDS or not block.text.strip():
            continue
        for start, end in _fit(block.text, max_tokens, count):
            size = end - start
            last = pieces[-1] if pieces else None
            if last and _mergeable(last, block, size, min_chars, max_tokens, count):
                last.append((block, start, end))
            else:
                pieces.append([(block, start, end)])
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for group in pieces:
        chunk = _make_chunk(doc, group, len(chunks))
        if chunk.text_hash in seen:
            continue
        seen.add(chunk.text_hash)
        chunks.append(chunk)
    return chunks


def _fit(text: str, max_tokens: int, count: Callable[[str], int]) -> list[tuple[int, int]]:
    """Split ``text`` into runs of whole sentences that each fit ``max_tokens``."""
    if count(text) <= max_tokens:
        return [(0, len(text))]
    runs: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for a, b in split_sentences(text, bullets=False):
        if count(text[a:b]) > max_tokens:  # one huge "sentence" (a table, a list): cut by words
            if cur:
                runs.append(cur)
                cur = None
            runs.extend(_cut_words(text, a, b, max_tokens, count))
            continue
        if cur and count(text[cur[0]:b]) <= max_tokens:
            cur = (cur[0], b)
        else:
            if cur:
                runs.append(cur)
            cur = (a, b)
    if cur:
        runs.append(cur)
    return runs


def _cut_words(text: str, a: int, b: int, max_tokens: int, count: Callable[[str], int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    words = [(m.start() + a, m.end() + a) for m in re.finditer(r"\S+", text[a:b])]
    start = words[0][0] if words else a
    end = start
    for ws, we in words:
        if end > start and count(text[start:we]) > max_tokens:
            out.append((start, end))
            start = ws
        end = we
    if end > start:
        out.append((start, end))
    return out


def _mergeable(group: list[tuple[Block, int, int]], block: Block, size: int, min_chars: int, max_tokens: int,
               count: Callable[[str], int]) -> bool:
    prev_block = group[-1][0]
    if prev_block.section != block.section or prev_block.annex != block.annex:
        return False
    if (prev_block.kind == "footnote") != (block.kind == "footnote"):
        return False
    group_chars = sum(e - s for _, s, e in group)
    if group_chars >= min_chars and size >= min_chars:
        return False
    joined = " ".join(b.text[s:e] for b, s, e in group) + " " + block.text[:size]
    return count(joined) <= max_tokens


def _make_chunk(doc: Document, group: list[tuple[Block, int, int]], ordinal: int) -> Chunk:
    spans: list[Span] = []
    parts: list[str] = []
    at = 0
    for block, start, end in group:
        for span_start, span_end, page, page_start in _block_span_slices(block):
            lo, hi = max(start, span_start), min(end, span_end)
            if lo >= hi:
                continue
            piece = block.text[lo:hi]
            if parts:
                at += 1  # the joining space
            spans.append(Span(page, page_start + (lo - span_start), page_start + (hi - span_start), block.label, at))
            parts.append(piece)
            at += len(piece)
    text = " ".join(parts)
    first = group[0][0]
    label = next((b.label for b, _, _ in group if b.label), None)
    return Chunk(text_hash=text_hash(text), doc_id=doc.doc_id, ordinal=ordinal, text=text, spans=spans,
                 paragraph=label, section=first.section, kind=first.kind)


def _block_span_slices(block: Block) -> list[tuple[int, int, int | None, int]]:
    """(start, end) of each page run inside ``block.text`` (runs are joined by one space), with its page."""
    out = []
    pos = 0
    for span in block.spans:
        length = span.end - span.start
        out.append((pos, pos + length, span.page, span.start))
        pos += length + 1
    return out
