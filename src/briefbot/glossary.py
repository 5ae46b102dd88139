"""The Council's words for what an analyst asks in plain words: "weapons ban" is an arms embargo.

A paraphrased question shares few words with the paragraph that answers it, so BM25 misses the paragraph and
the answer stage scores its sentences low (and abstains). The packaged ``data/glossary.toml`` maps plain wording
(regular expressions) to the Council's phrases: :func:`council_words` adds those phrases to the retrieval query,
:func:`credited` lets a sentence that holds one of them count as holding the question's own words, and
:func:`council_question` rewords what the rules reading a question's intent see (entries marked ``reword``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .cite import terms
from .errors import ConfigError
from .parse.gazetteer import CAPITALS, COUNTRY_ADJECTIVES, MISSION_COUNTRY
from .spelling import un_spellings, un_text


class GlossaryError(ConfigError):
    remedy = ("fix src/briefbot/data/glossary.toml (each [[entry]] has `un` and `plain` lists of strings and "
              "an optional `reword` true or false)")


@dataclass(frozen=True, slots=True)
class Entry:
    un: tuple[str, ...]
    plain: re.Pattern[str]
    reword: bool  # the intent rules read the question with this wording replaced by the first `un` phrase


@dataclass(frozen=True, slots=True)
class Expansion:
    """One glossary entry a question matched: the question's words that matched, and each Council phrase's words."""

    entry: Entry
    said: frozenset[str]
    means: tuple[frozenset[str], ...]
    found: tuple[str, ...]  # the question's own wording, as written
    spans: tuple[tuple[int, int], ...]


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
        un, plain, reword = item.get("un"), item.get("plain"), item.get("reword", False)
        if not (isinstance(un, list) and un and isinstance(plain, list) and plain
                and all(isinstance(x, str) and x.strip() for x in un + plain)
                and isinstance(reword, bool)) or set(item) - {"un", "plain", "reword"}:
            raise GlossaryError(f"{source}: entry {i} needs non-empty `un` and `plain` lists of strings, an "
                                "optional `reword` true or false, and nothing else")
        try:
            regex = re.compile(r"(?<![\w-])(?:" + "|".join(plain) + r")(?![\w-])", re.I)
        except re.error as exc:
            raise GlossaryError(f"{source}: entry {i} ({un[0]}): {exc}") from exc
        out.append(Entry(tuple(un), regex, reword))
    return tuple(out)


@lru_cache(maxsize=512)
def expansions(question: str) -> tuple[Expansion, ...]:
    """The entries ``question`` matches in plain words, unless it already uses the Council's own. Matches are
    taken longest first: one inside a longer one is not another entry's ("Sudanese army" in "South Sudanese army",
    "Islamic State" in "Islamic State West Africa"). A phrase the reader quotes is taken as written."""
    # One character for one, and the UN's spelling ("authorised", "defense"), which keeps every word's length but
    # "-our" / "-re" / "-mme" ones: spans are of this text, which council_question rewords.
    question = un_text(question)
    text = question.replace("’", "'")
    asked = terms(text)
    found: list[tuple[int, int, Entry]] = [(m.start(), m.end(), e) for e in entries() for m in e.plain.finditer(text)
                                           if not _quoted(question, m.start())]
    kept: list[tuple[int, int, Entry]] = []
    for a, b, e in sorted(found, key=lambda f: f[0] - f[1]):
        if not any(a >= x and b <= y for x, y, _ in kept):
            kept.append((a, b, e))
    capital = _capital_entry(question)
    if capital is not None:
        kept += [(m.start(), m.end(), capital) for m in capital.plain.finditer(text)
                 if not any(m.start() < y and m.end() > x for x, y, _ in kept)]
    out = []
    for entry in (*entries(), *([capital] if capital else [])):
        spans = tuple(sorted((a, b) for a, b, e in kept if e is entry))
        if not spans:
            continue
        means = tuple(frozenset(terms(p)) for p in entry.un)
        # The Council's phrase itself, not its words anywhere: "the sanctions experts group" holds "group" and
        # "experts" but not "Group of Experts".
        if any(m <= asked and re.search(rf"\b{re.escape(p)}", text, re.I)
               for m, p in zip(means, entry.un, strict=True)):
            continue
        wording = tuple(dict.fromkeys(question[a:b] for a, b in spans))
        said = frozenset(terms(" ".join(wording))) - frozenset().union(*means)
        out.append(Expansion(entry, said, means, wording, spans))
    return tuple(out)


# "the capital", "the Haitian capital", "its capital city", not money ("capital flight", "working capital").
_CAPITAL = re.compile(r"\b(?:the|its|their|[A-Z][\w’'-]*['’]s)\s+(?:[A-Z][a-z]+\s+)?capital(?:\s+city)?\b"
                      r"(?!\s+(?:flight|gains?|markets?|investments?|expenditures?|budgets?|controls?|punishment|"
                      r"offences?|crimes?)\b)")


def _capital_entry(question: str) -> Entry | None:
    """"The capital" of the one country a question names, as an entry of its own: reports name the city ("In
    Bangui, crime levels increased by 7 per cent", S/2025/383, para. 37)."""
    if not _CAPITAL.search(question):
        return None
    named = {country for country in CAPITALS if re.search(rf"\b{re.escape(country)}\b", question, re.I)}
    named |= {country for word, country in COUNTRY_ADJECTIVES.items() if re.search(rf"\b{word}\b", question)}
    named |= {country for mission, country in MISSION_COUNTRY.items() if re.search(rf"\b{mission}\b", question)}
    # "Sudan" inside "South Sudan", "Niger" inside "Nigeria" (the word bounds keep the second apart)
    if "South Sudan" in named:
        named.discard("Sudan")
    named &= set(CAPITALS)
    if len(named) != 1:
        return None
    return Entry((CAPITALS[named.pop()],), _CAPITAL, False)


@lru_cache(maxsize=512)
def council_question(question: str) -> str:
    """``question`` with the plain wordings of ``reword`` entries replaced by their first Council phrase: what the
    rules that read a question's intent (a renewal's term, a measure, a mission) read. "Until when are the Yemen
    sanctions monitors kept on?" asks about the Yemen Panel of Experts."""
    spans = sorted((a, b, e.entry.un[0]) for e in expansions(question) if e.entry.reword for a, b in e.spans)
    question = un_text(question)  # what expansions' spans are of
    out, at = [], 0
    for a, b, council in spans:
        if a < at:
            continue  # overlapping another replaced wording
        out += [question[at:a], council]
        at = b
    return "".join(out) + question[at:]


def council_words(question: str, spellings: bool = True) -> str:
    """The Council's phrases for what ``question`` says in plain words, and (``spellings``) its words spelt the
    UN's way, for the retrieval query ('' for none)."""
    return " ".join([p for e in expansions(question) for p in e.entry.un] + (un_spellings(question) if spellings
                                                                                  else []))


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
        phrase = next((p for p, m in zip(e.entry.un, e.means, strict=True) if m <= seen), None)
        if phrase is not None:
            out.append((" / ".join(e.found), phrase))
    return out


def reading_note(question: str, quotes: list[str]) -> str | None:
    """The note an answer carries when its quotes answer the question's plain words in the Council's: "Read
    “weapons ban” as the Council's “arms embargo”." (a quote without the reader's words says why it was chosen)."""
    read_as = readings(question, " ".join(quotes))
    if not read_as:
        return None
    return "Read " + "; ".join(f"“{plain}” as the Council's “{council}”" for plain, council in read_as) + "."


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
