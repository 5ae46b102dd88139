"""What a UN document is: symbol, date, title and type from the page-1 masthead; language; paragraph labels."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ..errors import DocumentError
from ..models import Block, Span
from ..symbols import find_symbols, normalize_symbol, symbol_from_filename, symbol_key
from .gazetteer import COUNTRIES, DATE_RE, MISSIONS, MONTH_NUMBER

_ORGANS = re.compile(r"^(United Nations|Security Council|General Assembly|Economic and Social Council|"
                     r"Distr\.|Original:|Limited|General$)", re.I)

@dataclass(slots=True)
class Line:
    """A printed line of a PDF page (pdf.py reads them; the masthead reader here takes them in)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool = False


@dataclass(slots=True)
class Masthead:
    symbol: str | None
    date: str | None
    title: str | None
    is_resolution: bool
    body_size: float
    warnings: list[str] = field(default_factory=list)


def read_masthead(lines: list[Line], height: float, file_name: str) -> Masthead:
    """Symbol, date and title from page 1 (UN masthead layout), falling back to the file name."""
    warnings: list[str] = []
    sizes = [round(ln.size) for ln in lines if ln.size > 0]
    body = float(statistics.mode(sizes)) if sizes else 0.0
    top = [ln for ln in lines if ln.y >= 0.72 * height] or lines[:8]
    top_text = "\n".join(ln.text for ln in top)
    symbol = _masthead_symbol(top)
    from_name = symbol_from_filename(file_name)
    if symbol and from_name and symbol_key(from_name).startswith(symbol_key(symbol)) \
            and len(symbol_key(from_name)) > len(symbol_key(symbol)):
        # OCR often drops or garbles the last character of an old symbol ("A/39/36I"); the file name is intact.
        warnings.append(f"symbol {symbol!r} on page 1 looks truncated; using {from_name!r} from the file name")
        symbol = from_name
    if symbol is None:
        symbol = from_name
        if symbol:
            warnings.append("symbol taken from the file name (none readable on page 1)")
    date = _first_date(top_text) or _first_date("\n".join(ln.text for ln in lines[:40]))
    title = _title(lines, height, body)
    is_resolution = bool(symbol and symbol.startswith("S/RES/")) or bool(title and title.startswith("Resolution "))
    return Masthead(symbol, date, title, is_resolution, body, warnings)


def _masthead_symbol(top: list[Line]) -> str | None:
    """First symbol in the masthead; symbols alone on consecutive lines form a joint symbol (A/52/826-S/1998/222)."""
    found: list[tuple[int, str, bool]] = []
    for i, ln in enumerate(top):
        for sym in find_symbols(ln.text):
            if sym.startswith("S/RES/") and not re.search(r"\(\d{4}\)", sym):
                continue
            alone = re.sub(r"\s", "", ln.text) == re.sub(r"\s", "", sym)
            found.append((i, sym, alone))
    if not found:
        return None
    i, symbol, alone = found[0]
    for j, sym, also_alone in found[1:3]:
        if alone and also_alone and j == i + 1 and "-" not in symbol:
            symbol = f"{symbol}-{sym}"
            i = j
        else:
            break
    return symbol


def _first_date(text: str) -> str | None:
    m = DATE_RE.search(text)
    if not m:
        return None
    day, month, year = int(m.group(1)), MONTH_NUMBER[m.group(2)], int(m.group(3))
    if not (1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _title(lines: list[Line], height: float, body: float) -> str | None:
    """The run of larger-type lines below the masthead: "Resolution 2769 (2025)", "Letter dated …"."""
    parts: list[str] = []
    started = False
    for ln in lines:
        if (ln.y >= 0.72 * height and not started) or ln.y < 0.1 * height or re.match(r"^\*\d+\*$", ln.text):
            continue
        if _ORGANS.match(ln.text) or ln.size >= body + 7:
            continue
        if started and _HEADING.match(ln.text):
            break
        large = ln.size >= body + 1.5
        if large and not ln.text.startswith("Adopted by"):
            parts.append(ln.text)
            started = True
        elif started:
            break
    title = " ".join(parts).strip()
    title = re.sub(r"\s+", " ", title)
    return title[:300] or None


def detect_language(text: str) -> str:
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if len(letters) < 40:
        return "unknown"
    cyr = sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters)
    if cyr > 0.3:
        return "ru"
    if sum("\u0600" <= ch <= "\u06ff" for ch in letters) / len(letters) > 0.3:
        return "ar"
    if sum("\u4e00" <= ch <= "\u9fff" for ch in letters) / len(letters) > 0.3:
        return "zh"
    low = f" {text[:20000].lower()} "
    en = sum(low.count(w) for w in (" the ", " and ", " of ", " to "))
    fr = sum(low.count(w) for w in (" les ", " des ", " et ", " est ", " dans ", " pour "))
    es = sum(low.count(w) for w in (" los ", " las ", " del ", " para ", " por "))
    best = max((en, "en"), (fr, "fr"), (es, "es"))
    return best[1] if best[0] > 0 else "unknown"


_JUNK = re.compile(r"does not exist|not found|page cannot be displayed|error \d{3}|access denied", re.I)


def reject_junk(text: str, pages: int) -> None:
    """An error page saved as a PDF is not a document: refuse it with the page's own words."""
    body = re.sub(r"\s+", " ", text).strip()
    if pages <= 2 and len(body) < 800:
        m = _JUNK.search(body)
        if m:
            snippet = body[:90] + ("…" if len(body) > 90 else "")
            raise DocumentError(f"not a UN document: an error page was saved as this PDF ({snippet!r})")


def classify(info: Masthead, head: str, pages: int) -> str:
    """resolution | sg_report | panel_report | letter | other, from the title and the opening text."""
    title = info.title or ""
    opening = head[:2500]
    if info.is_resolution:
        return "resolution"
    if re.search(r"draft resolution", title, re.I):
        return "other"
    if re.search(r"Report of the Secretary-General", title + "\n" + opening[:800], re.I):
        return "sg_report"
    experts = re.compile(r"Panel of Experts|Group of Experts|Monitoring Team|Panel established pursuant", re.I)
    if experts.search(title) or (experts.search(opening[:1500]) and re.search(r"transmit.{0,80}report", opening)
                                 and pages > 6):
        return "panel_report"
    if re.match(r"^(Letter|Identical letters|Note verbale)", title, re.I):
        # The Secretary-General transmits many of his reports under a covering letter.
        if re.match(r"^Letter (dated|of) .{0,40}from the Secretary-General", title) and pages > 4:
            return "sg_report"
        return "letter"
    if re.search(r"^Letter dated|^Identical letters dated|^Note verbale", opening, re.I | re.M):
        return "letter"
    return "other"


def find_missions(text: str) -> list[str]:
    """Missions and countries a document is about: named at least three times (or once for missions)."""
    found: list[str] = []
    for m in MISSIONS:
        if re.search(rf"\b{m}\b", text):
            found.append(m)
    counts = {c: len(re.findall(rf"\b{re.escape(c)}\b", text)) for c in COUNTRIES}
    # "Sudan" also matches inside "South Sudan"; count it on its own.
    counts["Sudan"] -= counts.get("South Sudan", 0)
    found.extend(c for c, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= 3)
    return found


_NUMBERED = re.compile(r"^(\d{1,3})\.(?:\s+|(?=[A-Z]))")
_SUB = re.compile(r"^\((?P<l>[a-z]{1,2}|[ivx]{1,5})\)\s+")
_HEADING = re.compile(r"^(?:[IVXL]{1,6}|[A-H])\.\s+\S")
_ROMAN = re.compile(r"^[ivx]+$")
_CLAUSE_END = (".", ";", ",", ":", ")")
_SENTENCE_END = (".", ";", ",", ":")
# Operative clauses open with a verb in the present ("Decides", "Requests"); preambular ones with a participle
# or an adjective ("Recalling", "Noting", "Mindful").
_OPERATIVE_VERB = re.compile(r"^[A-Z][a-z]{3,}(?<!s)s\b")
_LEADERS = re.compile(r"(?:\.\s?){5,}")
_NAMED_SECTIONS = re.compile(r"^(Annex(es)?\b.*|Appendix.*|Enclosure.*|Observations|Recommendations|Conclusions?|"
                             r"Summary|Introduction|Contents)$", re.I)


class Labeller:
    """Turns rebuilt paragraphs into Blocks with labels as printed: "23", "7 (c)", "7 (c) (ii)"."""

    def __init__(self, is_resolution: bool, body_size: float = 0.0) -> None:
        self.is_resolution = is_resolution
        self.body_size = body_size
        self.section: str | None = None
        self.annex = False
        self.last_number = 0
        self.last_letter: str | None = None
        self.seen_body = False

    def label(self, text: str, spans: list[Span], footnote: bool, size: float, bold: bool = False) -> Block | None:
        if footnote:
            m = re.match(r"^([\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s", text)
            digits = m.group(1).translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")) if m else None
            return Block("footnote", text, spans, f"fn {digits}" if digits else None, self.section, self.annex)
        if self._is_heading(text, size, bold):
            if re.match(r"^Annex(es)?\b", text, re.I):
                self.annex = True
                self.last_number = 0
            # "I. Introduction" right after the title is the first section heading, not part of the title.
            numbered = bool(_HEADING.match(text) or _NAMED_SECTIONS.match(text.strip()))
            kind = "title" if not self.seen_body and not numbered else "heading"
            if kind == "heading":
                self.section = text[:120]
            return Block(kind, text, spans, None, self.section, self.annex)
        if len(_LEADERS.findall(text)) >= 2:
            return Block("contents", text, spans, None, self.section, self.annex)
        self.seen_body = True
        m = _NUMBERED.match(text)
        if m and self._plausible_number(int(m.group(1))):
            self.last_number = int(m.group(1))
            self.last_letter = None
            kind = "operative" if self.is_resolution else "numbered"
            return Block(kind, text, spans, m.group(1), self.section, self.annex)
        s = _SUB.match(text)
        if s and self.last_number:
            letter = s.group("l")
            nested = bool(_ROMAN.match(letter) and self.last_letter and not _follows(self.last_letter, letter))
            if nested:
                label = f"{self.last_number} ({self.last_letter}) ({letter})"
            else:
                self.last_letter = letter
                label = f"{self.last_number} ({letter})"
            kind = "operative" if self.is_resolution else "numbered"
            return Block(kind, text, spans, label, self.section, self.annex)
        if self.is_resolution and self.last_number == 0 and not self.annex:
            kind = "preamble" if not text.startswith("The Security Council") else "text"
            if _OPERATIVE_VERB.match(text) and not text.rstrip().endswith(","):
                # A resolution with one unnumbered operative paragraph ("Decides that the election ...").
                kind = "operative"
            return Block(kind, text, spans, None, self.section, self.annex)
        if self.last_number and self.last_letter and text[:1].islower():
            # The rest of a numbered paragraph after its lettered list: "(c) ...; and urges the Panel to ...".
            kind = "operative" if self.is_resolution else "numbered"
            return Block(kind, text, spans, str(self.last_number), self.section, self.annex)
        return Block("text", text, spans, None, self.section, self.annex)

    def _is_heading(self, text: str, size: float, bold: bool = False) -> bool:
        if len(text) > 220:
            return False
        bare = text.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹ ")
        if bold and len(bare) < 160 and not bare.endswith((".", ";", ",", ":")) and not (
                _NUMBERED.match(text) and len(bare) >= 80):
            return True
        if self.body_size and size >= self.body_size + 1.0 and not text.endswith((";", ",")):
            return True
        if _NAMED_SECTIONS.match(text.strip()):
            return True
        if _HEADING.match(text) and not text.rstrip().endswith((".", ";", ",")) and len(text) < 160:
            return True
        # A numbered sub-heading ("2. Rapid Support Forces", "1. Background") is short and unpunctuated;
        # taking it for paragraph 2 would make the real paragraphs that follow look out of sequence.
        if _NUMBERED.match(text) and len(bare) < 80 and len(bare.split()) <= 10 and not bare.endswith(_SENTENCE_END):
            return True
        # Run-in headings set in body type: short, unpunctuated, mostly capitalised words ("Panel of Experts").
        words = text.split()
        if 0 < len(words) <= 12 and len(text) < 90 and text[0].isupper() and not text.endswith(_CLAUSE_END):
            caps = sum(w[0].isupper() for w in words if len(w) > 3)
            return caps >= max(1, sum(len(w) > 3 for w in words) * 0.6)
        return False

    def _plausible_number(self, n: int) -> bool:
        # Numbered paragraphs rise one by one; a restart at 1 happens in annexes and enclosures.
        return n == 1 or self.last_number < n <= self.last_number + 3


def _follows(prev: str, letter: str) -> bool:
    return len(prev) == 1 and len(letter) == 1 and ord(letter) == ord(prev) + 1


def normalise_symbol_or_none(text: str | None) -> str | None:
    return normalize_symbol(text) if text else None
