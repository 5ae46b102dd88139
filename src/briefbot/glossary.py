"""The Council's words for what an analyst asks in plain words: "weapons ban" is an arms embargo.

A paraphrased question shares few words with the paragraph that answers it, so BM25 misses the paragraph and
the answer stage scores its sentences low (and abstains). The packaged ``data/glossary.toml`` maps plain wording
(regular expressions) to the Council's phrases: :func:`council_words` adds those phrases to the lexical query,
:func:`credited` lets a sentence that holds one of them count as holding the question's own words.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .cite import terms
from .errors import ConfigError


class GlossaryError(ConfigError):
    remedy = "fix src/briefbot/data/glossary.toml (each [[entry]] has `un` and `plain` lists of strings)"


@dataclass(frozen=True, slots=True)
class Entry:
    un: tuple[str, ...]
    plain: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Expansion:
    """One glossary entry a question matched: the question's words that matched, and each Council phrase's words."""

    said: frozenset[str]
    means: tuple[frozenset[str], ...]
    phrases: tuple[str, ...]
    found: tuple[str, ...]  # the question's own wording, as written


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """The packaged glossary, read once."""
    return parse_glossary(resources.files("briefbot").joinpath("data").joinpath("glossary.toml")
                          .read_text(encoding="utf-8"))


def parse_glossary(text: str, source: str = "glossary.toml") -> tuple[Entry, ...]:
    """Every entry checked up front: a typo in an edited file fails loudly, naming the entry."""
    try:
        raw = tomllib.loads(text).get("entry", [])
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(f"{source}: {exc}") from exc
    out = []
    for i, item in enumerate(raw, start=1):
        un, plain = item.get("un"), item.get("plain")
        if not (isinstance(un, list) and un and isinstance(plain, list) and plain
                and all(isinstance(x, str) and x.strip() for x in un + plain)) or set(item) - {"un", "plain"}:
            raise GlossaryError(f"{source}: entry {i} needs non-empty `un` and `plain` lists of strings and "
                                "nothing else")
        try:
            regex = re.compile(r"(?<![\w-])(?:" + "|".join(plain) + r")(?![\w-])", re.I)
        except re.error as exc:
            raise GlossaryError(f"{source}: entry {i} ({un[0]}): {exc}") from exc
        out.append(Entry(tuple(un), regex))
    return tuple(out)


@lru_cache(maxsize=512)
def expansions(question: str) -> tuple[Expansion, ...]:
    """The entries ``question`` matches in plain words, unless it already uses the Council's own."""
    asked = terms(question)
    out = []
    for entry in entries():
        found = [m.group(0) for m in entry.plain.finditer(question)]
        if not found:
            continue
        means = tuple(frozenset(terms(p)) for p in entry.un)
        said = frozenset(terms(" ".join(found))) - frozenset().union(*means)
        if said and not any(m <= asked for m in means):
            out.append(Expansion(said, means, entry.un, tuple(dict.fromkeys(found))))
    return tuple(out)


@lru_cache(maxsize=512)
def council_question(question: str) -> str:
    """``question`` with its plain wordings replaced by the Council's first phrase for each: what the rules that
    read a question's intent (a renewal's term, a measure, a mission) read. "Until when are the Yemen sanctions
    monitors kept on?" asks about the Yemen Panel of Experts."""
    worded = question
    for e in expansions(question):
        entry = next(x for x in entries() if x.un == e.phrases)
        # A phrase the reader quotes is searched as written ("the phrase “gun-running”").
        worded = entry.plain.sub(_replace_with(e.phrases[0]), worded)
    return worded


def _replace_with(council: str) -> Callable[[re.Match[str]], str]:
    return lambda m: m.group(0) if _quoted(m.string, m.start()) else council


_QUOTES = {"“": "”", '"': '"', "‘": "’"}


def _quoted(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` lies inside a pair of quotation marks."""
    close: str | None = None
    for ch in text[:at]:
        if close is None and ch in _QUOTES:
            close = _QUOTES[ch]
        elif close is not None and ch == close:
            close = None
    return close is not None


def council_words(question: str) -> str:
    """The Council's phrases for what ``question`` says in plain words, for the lexical query ('' for none)."""
    return " ".join(p for e in expansions(question) for p in e.phrases)


def credited(question: str, seen: set[str]) -> set[str]:
    """The question's words a text with the words ``seen`` holds in the Council's wording: "weapons ban" for a
    sentence on the "arms embargo"."""
    out: set[str] = set()
    for e in expansions(question):
        if any(m <= seen for m in e.means):
            out |= e.said
    return out


def readings(question: str, text: str) -> list[tuple[str, str]]:
    """(the question's wording, the Council's phrase) for each plain wording ``text`` answers in the Council's
    words: what the answer tells the reader it read "weapons ban" as."""
    seen = terms(text)
    out = []
    for e in expansions(question):
        phrase = next((p for p, m in zip(e.phrases, e.means, strict=True) if m <= seen), None)
        if phrase is not None:
            out.append((" / ".join(e.found), phrase))
    return out
