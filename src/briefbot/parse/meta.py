"""What a UN document is: symbol, date, title and type from the page-1 masthead; language; paragraph labels."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import DocumentError
from ..models import Block, Span
from ..symbols import find_symbols, normalize_symbol, symbol_from_filename, symbol_key
from .gazetteer import COUNTRIES, DATE_RE, MISSIONS, MONTH_NUMBER, MONTHS

_ORGANS = re.compile(r"^(United Nations|Security Council|General Assembly|Economic and Social Council|"
                     r"Distr\.|Original:|Limited|General$)", re.I)
_MASTHEAD_LINE = re.compile(r"^(Distr\.|Original:|Limited|General$)", re.I)

@dataclass(slots=True)
class Line:
    """A printed line of a PDF page (pdf.py reads them; the masthead reader here takes them in)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool = False
    named_bold: bool = False  # the font's name says bold (some producers report no usable weight)


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
    # The masthead's own date before any date in the text: a scan's OCR may split its year ("25 July 19 84" on
    # A/39/361), and the body's first date is then another event's (30 April 1982).
    date = first_date(_SPLIT_YEAR.sub(r"\1\2", top_text)) or first_date("\n".join(ln.text for ln in lines[:40]))
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


_SPLIT_YEAR = re.compile(rf"(?m)^(\s*\d{{1,2}}\s+(?:{MONTHS})\s+(?:19|20))\s(\d\d)\s*$")


def first_date(text: str) -> str | None:
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
        # An organ's name opens the masthead's lines, but a title's line may open with it too: "Letter dated … from
        # the President of the / Security Council acting in the absence of a Chair of the / Security Council
        # Committee …" (S/2025/22), "… by the / United Nations system" (E/2025/76). Once the title has begun, only
        # the masthead's distribution lines are skipped.
        if (_MASTHEAD_LINE if started else _ORGANS).match(ln.text) or ln.size >= body + 7:
            continue
        if started and (_HEADING.match(ln.text) or _SECTION_WORD.match(ln.text)):
            break
        large = ln.size >= body + 1.5
        if large and not ln.text.startswith("Adopted by"):
            parts.append(_FOOTNOTE_MARK.sub("", ln.text))
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


# A covering letter of the Secretary-General that passes on someone else's report is a letter, not his report:
# "I have the honour to transmit herewith the 136th monthly report of the Director General of the Organisation for
# the Prohibition of Chemical Weapons" (S/2025/63); a report "circulated in the language of submission only" was
# submitted to him, not written by his Secretariat (the High Representative's on Bosnia and Herzegovina, S/2025/272).
# "transmit herewith my report, submitted pursuant to the statement of the President" is his own.
_TRANSMITS_ANOTHERS = re.compile(
    r"\btransmit\w*\s+(?:herewith\s+|hereby\s+)?(?:to you\s+)?(?!my\b)(?:the\s+)?[^.;]{0,80}?\breport,?\s+"
    r"(?:of|by|from|submitted by|prepared by) (?:the )?(?!Secretary-General)(?:Director[- ]General|High "
    r"Representative|Chair|President|Prosecutor|Commission|Government|Permanent Representative|African Union|"
    r"European Union|Organisation|Organization)|\bin the language of submission only\b", re.I)


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
        if re.match(r"^Letter (dated|of) .{0,40}from the Secretary-General", title) and pages > 4 \
                and not _TRANSMITS_ANOTHERS.search(opening):
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


def place_counts(text: str, places: Iterable[str]) -> dict[str, int]:
    """How many times ``text`` names each of ``places`` (missions or countries) on its own: what a document is
    about (refs.dominant_places). find_missions, which decides what is detected at ingest, keeps its own count."""
    counts = {p: len(re.findall(rf"\b{re.escape(p)}\b", text)) for p in places}
    # A name inside a longer one is not named there: "Sudan" in "South Sudan", "Chad" in "Lake Chad".
    for p in counts:
        for longer in _NAMES_HOLDING.get(p, ()):
            counts[p] -= len(re.findall(rf"\b{re.escape(longer)}\b", text))
    return counts


_NAMES_HOLDING = {p: tuple(q for q in (*COUNTRIES, *MISSIONS) if q != p and re.search(rf"\b{re.escape(p)}\b", q))
                  for p in (*COUNTRIES, *MISSIONS)}


_NUMBERED = re.compile(r"^(\d{1,3})\.(?:\s+|(?=[A-Z]))")
_SUB = re.compile(r"^\((?P<l>[a-z]{1,2}|[ivx]{1,5})\)\s+")
_HEADING = re.compile(r"^(?:[IVXL]{1,6}|[A-H])\.\s+\S")
_ROMAN = re.compile(r"^[ivx]+$")
# The report's first section under its title ("Summary", E/2025/76), set in the subtitle's size: not the title's.
_SECTION_WORD = re.compile(r"^(?:Summary|Introduction|Contents)$")
_FOOTNOTE_MARK = re.compile(r"(?<=\w)\*+$")  # "Report of the Secretary-General*": the mark leads to a footnote
_CLAUSE_END = (".", ";", ",", ":", ")")
_SENTENCE_END = (".", ";", ",", ":")
# Operative clauses open with a verb in the present ("Decides", "Requests"); preambular ones with a participle
# or an adjective ("Recalling", "Noting", "Mindful").
_OPERATIVE_VERB = re.compile(r"^[A-Z][a-z]{3,}(?<!s)s\b")
_LEADERS = re.compile(r"(?:\.\s?){5,}")
_NAMED_SECTIONS = re.compile(r"^(Annex(es)?\b.*|Appendix.*|Enclosure.*|Observations|Recommendations|Conclusions?|"
                             r"Summary|Introduction|Contents)$", re.I)


_NOTE_NUMBER = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\d{1,3}(?=[.)]?\s))")
_ENDNOTES = re.compile(r"^(?:End ?notes|Notes|References|Sources)$", re.I)


class Labeller:
    """Turns rebuilt paragraphs into Blocks with labels as printed: "23", "7 (c)", "7 (c) (ii)"."""

    def __init__(self, is_resolution: bool, body_size: float = 0.0, analysis: bool = False) -> None:
        self.is_resolution = is_resolution
        self.body_size = body_size
        # An analysis has no paragraph numbers: its passages are addressed by their section ("II.B Financing").
        self.analysis = analysis
        self.top: str | None = None  # the current part's number ("II") that a lettered section belongs to
        self.endnotes = False  # inside a "Notes"/"Endnotes" section: numbered items are notes
        self.box: tuple[str | None, float] | None = None  # in a box: (the section around it, the box's type size)
        self.section: str | None = None
        self.annex = False
        self.last_number = 0
        self.last_letter: str | None = None
        self.seen_body = False
        self.restarted_from = 0  # the number before the last restart at 1, until the numbering settles

    def label(self, text: str, spans: list[Span], footnote: bool, size: float, bold: bool = False) -> Block | None:
        if footnote:
            m = _NOTE_NUMBER.match(text)
            digits = m.group(1).translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")) if m else None
            return Block("footnote", text, spans, f"fn {digits}" if digits else None, self.section, self.annex)
        if self.endnotes:
            m = re.match(r"^(\d{1,3})[.)]?\s+\S", text)
            if m:
                return Block("footnote", text, spans, f"en {m.group(1)}", self.section, self.annex)
        if self.box and size >= self.box[1] + 0.5:
            self.section, self.box = self.box[0], None  # back in body type: the box is over
        if self._is_heading(text, size, bold):
            if self.analysis:
                return self._analysis_heading(text, spans, size)
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
        if self.analysis:
            return Block("text", text, spans, self.section, self.section, self.annex)
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

    def _analysis_heading(self, text: str, spans: list[Span], size: float = 0.0) -> Block:
        """A heading of an analysis becomes the address of what follows: "II. Findings", "II.B Financing"; a
        box's title ("Box 1. How ... works") addresses the box until body type resumes."""
        bare = re.sub(r"\s+", " ", text.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹ ")).strip()
        if re.match(r"^(?:Box|Figure|Table|Map|Chart|Graph)\s+\d+", bare) and self.box is None:
            self.box = (self.section, size)
        if _ENDNOTES.match(bare):
            self.endnotes = True
        part = re.match(r"^([IVXL]{1,6}|\d{1,2})\.\s+(\S.*)$", bare)
        sub = re.match(r"^([A-H])\.\s+(\S.*)$", bare)
        if part:
            self.top = part.group(1)
            address = bare
        elif sub and self.top:
            address = f"{self.top}.{sub.group(1)} {sub.group(2)}"
        else:
            address = bare
        self.section = address[:120]
        return Block("heading", text, spans, None, self.section, self.annex)

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
        if n == 1:
            self.restarted_from = self.last_number
            return True
        if self.last_number < n <= self.last_number + 3:
            return True
        # A numbered sub-heading read as a paragraph "1" ("1. Support to the African Union Transition Mission in
        # Somalia and …", two lines long, under "F. United Nations Support Office in Somalia", S/2025/194, p. 12)
        # is not a restart when the next paragraph goes on from before it: 63, 64 … had lost their numbers to the
        # end. Only straight after the "1": a restart that has gone on to 2 is one (an annex's 1, 2, then a table
        # row "41." is not paragraph 41).
        return self.last_number == 1 and 1 < self.restarted_from < n <= self.restarted_from + 3


def _follows(prev: str, letter: str) -> bool:
    return len(prev) == 1 and len(letter) == 1 and ord(letter) == ord(prev) + 1


def normalise_symbol_or_none(text: str | None) -> str | None:
    return normalize_symbol(text) if text else None


# --- what a document is about, for its title -------------------------------------------------------------------
_RECALLED_ON = re.compile(
    r"\b(?:resolutions?|statements?)\b[^.;]{0,160}?\b(?:on|concerning|regarding|related to|relating to)\s+"
    r"(?:the\s+situation\s+(?:in|concerning)\s+|the\s+question\s+concerning\s+)?(?P<s>[A-Za-z][^,;.(“\"]{2,90})")
_SUBJECT_END = re.compile(r"\s+(?:including|in particular|and the statements?|as well as|and its|and all|which)\b.*$")
_MANDATE_OF = re.compile(r"\b(?:extend|renew)\w*\b[^.;]{0,80}?\bmandate of\s+(?:the\s+)?"
                         r"(?:(?P<name>[A-Z][^,;()]{3,120}?)\s*\((?P<acr>[A-Z][A-Za-z]{3,})\)|(?P<bare>[A-Z]{4,}))")
_EXPERTS = re.compile(r"\b(?:extend|renew)\w*\b[^.;]{0,80}?\bmandate of the (Panel of Experts|Group of Experts|"
                      r"Monitoring Team|Analytical Support and Sanctions Monitoring Team)")
_SANCTIONS = re.compile(r"\b(?:arms embargo|assets? freeze|travel ban|sanctions measures|measures imposed by)\b", re.I)


def titled(title: str | None, doc_type: str, blocks: list[Block]) -> str | None:
    """A title that says what the document is: a bare "Resolution 2769 (2025)" gains its subject, a report
    headed by its covering letter ("Letter dated 9 June 2025 ...") takes the report's own title."""
    if doc_type == "resolution" and title and re.fullmatch(r"Resolution \d+ \(\d{4}\)", title):
        subject = resolution_subject(blocks)
        return f"{title}: {subject}" if subject else title
    if doc_type in ("panel_report", "sg_report") and (title is None or re.match(
            r"^(Letter|Identical letters|Note verbale)\b", title)):
        return report_title(blocks) or title
    return title


def resolution_subject(blocks: list[Block]) -> str | None:
    """What a resolution is about, from its own text: the situation its preamble recalls ("Libya", "South Sudan")
    and what its operative part does ("mandate of UNMISS", "sanctions", "Panel of Experts").

    The masthead only says "Resolution 2769 (2025)", which tells a reader nothing among twenty cards.
    """
    preambles = [b.text for b in blocks if b.kind == "preamble"]
    preamble = " ".join(preambles)[:3000]
    operative = " ".join(b.text for b in blocks if b.kind == "operative")
    subject = None
    # Only the opening recital names the file ("Recalling its previous resolutions on Haiti"); later ones recall
    # side issues ("... on Varosha").
    m = _RECALLED_ON.search(" ".join(preambles[:2]))
    if m:
        subject = _SUBJECT_END.sub("", m.group("s")).strip()
        subject = re.sub(r"^the\s+(?=[A-Z])", "", subject)
        subject = subject[:1].upper() + subject[1:]
    if not subject and re.search(r"vacancy in the International Court of Justice", preamble):
        subject = "Election to fill a vacancy in the International Court of Justice"
    if not subject:
        text = preamble + " " + operative
        counts = {c: len(re.findall(rf"\b{re.escape(c)}\b", text)) for c in COUNTRIES}
        counts["Sudan"] -= counts.get("South Sudan", 0)
        for country, short in (("Central African Republic", "CAR"), ("Democratic Republic of the Congo", "DRC")):
            counts[country] += len(re.findall(rf"\b{short}\b", text))
        best = max(counts.items(), key=lambda kv: kv[1])
        subject = best[0] if best[1] >= 1 else None
    topics: list[str] = []
    for mm in _MANDATE_OF.finditer(operative):
        name = mm.group("acr") or mm.group("bare")
        if name and name not in ("Panel", "Group") and f"mandate of {name}" not in topics:
            topics.append(f"mandate of {name}")
    if _SANCTIONS.search(operative):
        topics.append("sanctions")
    ex = _EXPERTS.search(operative)
    if ex:
        topics.append(ex.group(1))
    parts = [p for p in (subject, ", ".join(topics[:3])) if p]
    return " — ".join(parts) or None


_OWN_TITLE = re.compile(r"^(?:(?:[A-Z][\w-]*\s+){0,3})(?:report|update)\s+of\s+the\s+\w", re.I)


def report_title(blocks: list[Block]) -> str | None:
    """A report's own title ("Final report of the Panel of Experts on the Sudan") where a covering letter heads
    page 1: the first short heading-like paragraph in the first pages that names a report of someone."""
    for block in blocks:
        page = block.spans[0].page if block.spans else None
        if page is not None and page > 8:
            break
        text = re.sub(r"\s+", " ", block.text).strip().rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹* ")
        if block.kind in ("footnote", "contents") or len(text) > 400 or text.endswith((".", ";", ",", ":")):
            continue
        text = re.sub(r"^(?:Annex|Enclosure)(?:\s+[IVX]+)?\s+(?=[A-Z])", "", text)
        if _OWN_TITLE.match(text) and not re.match(r"^(Letter|Identical letters|Note verbale)\b", text):
            return text
    return None


# "Annex I", "Annex 3.1", "Annex-II", "Annex 10A", an appendix or enclosure within an annex; not "Annexes" (a list
# of them), "Annexed" or "Annexure". The name is upper case as printed ("Annex i" is no numeral).
_ANNEX_HEADING = re.compile(r"^(?P<kind>(?i:annex|appendix|enclosure))\b"
                            r"(?:[\s-]+(?P<n>[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,2})?[A-Z]?|[A-Z])(?=\W|$))?")


def label_annexes(blocks: list[Block]) -> None:
    """An annex that numbers its paragraphs anew has them labelled with the annex: ``annex 1, 3``, cited
    "annex 1, para. 3". As "para. 3" they sent a reader to the body's own paragraph 3 (a Panel report's methodology
    annex, a resolution's annexed list). An annex whose numbers the body does not use (a letter's annexed report) is
    left as it is: there the number alone finds the paragraph."""
    body = {b.label for b in blocks if not b.annex and b.label}
    annexes: list[tuple[str, list[Block]]] = []
    for b in blocks:
        if not b.annex:
            continue
        m = _ANNEX_HEADING.match(b.text) if b.kind in ("heading", "title") else None
        if m or not annexes:
            kind = m.group("kind").lower() if m else "annex"
            annexes.append((f"{kind} {m.group('n')}" if m and m.group("n") else kind, []))
        if b.label and not b.label.startswith(("fn ", "en ")):
            annexes[-1][1].append(b)
    for name, numbered in annexes:
        if any(b.label in body for b in numbered):
            for b in numbered:
                b.label = f"{name}, {b.label}"
