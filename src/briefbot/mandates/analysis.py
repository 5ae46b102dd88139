"""What the tracker derives from one resolution: paragraph themes, references, track membership, mandate dates.

Themes come from the theme taxonomy (themes.toml), applied one sentence at a time as triage does; a paragraph
carries a theme when one of its sentences reaches the track file's threshold (``[tagging]`` in tracks.toml).
"""

from __future__ import annotations

import calendar
import dataclasses
import re
import re._constants as _c
import re._parser as _parser
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..chunk import split_sentences
from ..symbols import find_symbols, normalize_symbol
from ..taxonomy import Taxonomy, Theme, sentence_score, theme_hits
from .corpus import RawParagraph, ResolutionRecord, bracket_title
from .model import Action, Term, TrackEntry
from .tracks import TaggingConfig, TrackDef

# --- themes -------------------------------------------------------------------------------------------------


def required_literals(pattern: str, flags: int = 0) -> set[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None when none can be named.

    Read from the regex's parse tree: a sequence needs its most selective required part; an alternation needs one
    of its branches' sets; optional parts and character classes need nothing. Used as a substring pre-check
    before running a (slow, case-insensitive, look-behind) term regex.
    """
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # a pattern the private parser rejects simply gets no pre-check
        return None
    return _required(list(tree))


def _quality(c: set[str]) -> float:
    return min(len(s) for s in c) - 0.05 * len(c)


def _required(items: list[Any]) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []

    def consider(cands: set[str] | None) -> None:
        nonlocal best
        if cands and (best is None or _quality(cands) > _quality(best)):
            best = cands

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider({"".join(run).lower()})
            run = []
        if op is _c.BRANCH:
            subs = [_required(list(b)) for b in av[1]]
            if all(subs):
                consider(set().union(*[s for s in subs if s]))
        elif op is _c.SUBPATTERN:
            consider(_required(list(av[-1])))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            consider(_required(list(av[2])))
    if run:
        consider({"".join(run).lower()})
    return best


class ParagraphTagger:
    """Tags paragraphs with the tracked themes of a taxonomy."""

    def __init__(self, taxonomy: Taxonomy, config: TaggingConfig) -> None:
        self.themes: list[Theme] = [taxonomy.theme(slug) for slug in config.themes]
        self.config = config
        self.cap = taxonomy.scoring.sentence_cap
        # Term regexes cost ~40 µs per paragraph each; a substring pre-check on their required literals skips
        # almost all of them (same tags: checked on the whole bulk set).
        self._terms = {t.slug: [(term, sub, required_literals(term.regex.pattern, term.regex.flags))
                                for term, sub in t.all_terms()] for t in self.themes}

    def tag(self, text: str, operative: bool = False) -> dict[str, list[str]]:
        """theme → the matched words of the best sentence, for every theme the paragraph carries. An
        ``operative`` paragraph whose wording is the theme's own measure (``[tagging.decisions]``: an arms embargo
        imposed, extended, narrowed or lifted) carries it by itself, unless the theme's negative context is there
        (an embargo on the DPRK is not arms trafficking)."""
        out: dict[str, list[str]] = {}
        low = text.lower()
        sentences: list[str] | None = None
        for theme in self.themes:
            decided = next((m for rx in self.config.decisions.get(theme.slug, ()) if (m := rx.search(text))),
                           None) if operative else None
            if decided is not None and any(neg.search(text) for neg in theme.negative):
                decided = None
            terms = [(term, sub) for term, sub, req in self._terms[theme.slug]
                     if req is None or any(r in low for r in req)]
            if not terms:
                if decided is not None:
                    out[theme.slug] = [decided.group(0)]
                continue
            if sentences is None:
                sentences = [text[a:b] for a, b in split_sentences(text)] or [text]
            best, words = 0.0, []
            for s in sentences:
                hits = theme_hits(theme, s, terms)
                if not hits:
                    continue
                score = sentence_score([term.weight for term, _, _ in hits], self.cap)
                if score > best:
                    best, words = score, list(dict.fromkeys(m.group(0) for _, _, m in hits))
            if best >= self.config.threshold(theme.slug):
                out[theme.slug] = words
            elif decided is not None:
                out[theme.slug] = list(dict.fromkeys([decided.group(0), *words]))
        return out

    def tag_paragraphs(self, paras: list[RawParagraph]) -> list[dict[str, list[str]]]:
        """:meth:`tag` for each paragraph of one resolution, in order. An operative decision acting on a measure
        that another operative paragraph of the same resolution imposes also carries that paragraph's own themes,
        with the reference as the words that carried them: "Decides to extend the measure described in paragraph 6
        of this resolution" (2700 (2023) para. 7), "… upon discovery of items prohibited by paragraph 2 of this
        resolution, seize, register and dispose" (2745 (2024) para. 3). Not a review of it, a
        period it names, a listing under it, a body's mandate over it, or a theme whose negative context the
        decision itself has."""
        own = [self.tag(p.text, p.operative) for p in paras]
        tags = [dict(t) for t in own]
        heads = {p.label: i for i, p in enumerate(paras) if p.operative and p.label.isdigit()}
        by_slug = {t.slug: t for t in self.themes}
        for i, p in enumerate(paras):
            if not p.operative or not _DECISION_LEAD_RE.match(p.text) or _NOT_ACTING_RE.search(p.text):
                continue
            for m in _OWN_MEASURE_RE.finditer(p.text):
                if _NOT_OBJECT_RE.search(p.text[max(0, m.start() - 40):m.start()]):
                    continue
                for n in _listed_numbers(m.group("list")):
                    j = heads.get(str(n))
                    if j is None or j == i:
                        continue
                    for theme in own[j]:
                        if theme not in tags[i] and not any(neg.search(p.text) for neg in by_slug[theme].negative):
                            tags[i][theme] = [m.group(0)]
        return tags


# An operative paragraph that decides: "Decides", "Further decides", "Decides also", "(a) Decides".
_DECISION_LEAD_RE = re.compile(r"^(?:\d{1,3}\.\s*)?(?:\([a-z]{1,4}\)\s*)?(?:(?:Further|Also) decides|"
                               r"Decides(?: further| also)?)\b", re.I)
# A measure of the same resolution as what a decision acts on: "the measure described in paragraph 6 of this
# resolution", "items prohibited by paragraph 2 of this resolution", "the measures imposed by paragraphs 6 and 7
# above", "the measures in paragraph 4 above".
_OWN_MEASURE_RE = re.compile(
    r"\b(?:(?:measures?|items?|prohibitions?|embargo(?:es)?|bans?)\s+(?:(?:imposed|described|set out|specified|"
    r"prohibited|referred to|established|decided|outlined|contained)\s+)?|"
    # "items the supply, sale, or transfer of which is prohibited by paragraph 4 of this resolution" (2428 (2018))
    r"items\b[^;]{0,60}?\bprohibited\s+)(?:by|in|under)\s+"
    r"paragraphs? (?P<list>\d{1,3}(?:\s*\([a-z]{1,4}\))?(?:\s*(?:,|and|to|-|–)\s*\d{1,3}(?:\s*\([a-z]{1,4}\))?)*)"
    r"\s*(?:of (?:this|the present) resolution|above)\b", re.I)
# Decisions that do not act on the measure itself: to review it ("Decides to review the measures renewed in
# paragraph 1 above", "… that at the end of the period …, the Security Council shall review the measures"), to list
# individuals under it ("the individual listed in the annex … shall be subject to the measures imposed by paragraphs
# 3, 6 and 11 above"), or on a body's mandate over it ("the mandate of the Committee shall apply to the measures in
# paragraph 22 above").
_NOT_ACTING_RE = re.compile(
    r"\bdecides\b,?\s+(?:also |further )?(?:to (?:\w+ ){0,3}reviews?\b|to keep (?:\w+ ){0,3}under (?:\w+ )?review\b|"
    r"that\b[^;]{0,120}?\b(?:shall|will) review\b)|"
    r"\b(?:individuals?|entities|persons)\b[^;]{0,60}?\b(?:listed|designated)\b|\bin respect of such individuals\b|"
    r"\bmandate of the (?:Committee|Panel|Group|Monitoring)", re.I)
# ... nor what the measure is only the context of: "during the period of enforcement of the measures referred to in
# paragraph 1 above", "in violation of the measures imposed by paragraph 7 above" (a listing criterion).
_NOT_OBJECT_RE = re.compile(r"\bperiod\b|\bviolat\w*", re.I)


def _listed_numbers(listed: str) -> list[int]:
    """The paragraph numbers of "6", "1, 2 and 5", "6–7", "2 to 4" (sub-items dropped)."""
    numbers: list[int] = []
    span = False
    for n, sep in re.findall(r"(\d{1,3})|(to|-|–)", re.sub(r"\([a-z]{1,4}\)", "", listed)):
        if n:
            if span and numbers and numbers[-1] < int(n) <= numbers[-1] + 50:
                numbers += range(numbers[-1] + 1, int(n) + 1)
            else:
                numbers.append(int(n))
            span = False
        elif sep:
            span = True
    return numbers


# --- references ---------------------------------------------------------------------------------------------

_PARA_OF_RE = re.compile(
    r"\b(?:paragraphs?|paras?\.)\s+(?P<paras>\d{1,3}(?:\s*\([a-z]{1,4}\))*(?:(?:\s*,\s*|\s+(?:and|to|or)\s+)"
    r"\d{1,3}(?:\s*\([a-z]{1,4}\))*)*)\s+of\s+(?:its\s+)?resolution\s+(?P<num>\d{3,4})\s*\((?P<year>\d{4})\)")
_PARA_NUM_RE = re.compile(r"\d{1,3}(?:\s*\([a-z]{1,4}\))*")


@dataclass(slots=True)
class RawRef:
    label: str
    target: str
    target_paragraphs: list[str]


def paragraph_refs(p: RawParagraph, own_symbol: str) -> list[RawRef]:
    """Resolutions a paragraph cites ("Recalling its resolutions 2391 (2017), 2374 (2017)", "pursuant to
    paragraph 8 of resolution 2374 (2017)"), with the paragraphs it names."""
    named: dict[str, list[str]] = {}
    for m in _PARA_OF_RE.finditer(p.text):
        target = f"S/RES/{m.group('num')} ({m.group('year')})"
        for num in _PARA_NUM_RE.findall(m.group("paras")):
            label = re.sub(r"\s+", " ", re.sub(r"\)\s*\(", ") (", num)).replace("(", " (").replace("  ", " ").strip()
            named.setdefault(target, []).append(label)
    out = []
    own = normalize_symbol(own_symbol)
    for sym in find_symbols(p.text):
        if not sym.startswith("S/RES/") or sym == own or not re.search(r"\(\d{4}\)$", sym):
            continue
        out.append(RawRef(p.label, sym, list(dict.fromkeys(named.get(sym, [])))))
    return out


# --- amendments ---------------------------------------------------------------------------------------------

_LIST = r"\d{1,3}(?:\s*\([a-z]{1,4}\))?(?:\s*(?:,|and|to|-|–)\s*\d{1,3}(?:\s*\([a-z]{1,4}\))?)*"
_OF_RES = rf"paragraphs? {_LIST},? of (?:its )?resolution \d{{3,4}}(?: \(\d{{4}}\))?"
_SET_BY = r"(?:imposed|established|set out|specified|granted|contained|provided for|decided)\s+(?:by|in|under)\s+"
# How an operative decision amends another resolution's paragraph rather than renewing it: "Decides that paragraph 11
# of resolution 2653 (2022) shall be replaced by the following" (2699 (2023) para. 14); "Decides to modify the
# measures imposed in paragraphs 17, 19, 20 and 21 of resolution 1970 (2011)" (2009 (2011) para. 15); "Decides that
# the measures imposed by paragraph 9 of resolution 1970 (2011) shall also not apply to …" (para. 13); "the arms
# embargo on Somalia imposed by paragraph 5 of resolution 733 (1992) and further elaborated upon by paragraphs 1 and 2
# of resolution 1425 (2002) … does not apply to supplies … destined for the sole use of Member States … undertaking
# measures [against piracy]" (2125 (2013) para. 14). Renewing or extending is the track rules' business.
_AMENDS_RE = [
    re.compile(rf"\b{_OF_RES},? (?:shall be|is|are|be) (?:hereby )?(?:replaced|amended|modified|revised|superseded)\b",
               re.I),
    re.compile(r"\b(?:modify|modifies|amend|amends|replace|replaces|revise|terminate|lift)\b[^;]{0,80}?"
               rf"\b(?:measures?|provisions?|authori[sz]ations?|embargo(?:es)?)\b[^;]{{0,40}}?\b{_SET_BY}{_OF_RES}",
               re.I),
    re.compile(rf"\b(?:measures?|provisions?|embargo(?:es)?)\b[^;]{{0,40}}?\b{_SET_BY}{_OF_RES}[^;]{{0,200}}?"
               r"\b(?:shall (?:also )?(?:not|no longer) apply|(?:do|does) not apply|(?:are|is|shall be) (?:hereby )?"
               r"(?:replaced|lifted|terminated|modified|amended|suspended))\b", re.I),
]
_PARAS_OF_RE = re.compile(rf"\bparagraphs? (?P<list>{_LIST}),? of (?:its )?resolution (?P<num>\d{{3,4}})\b", re.I)


@dataclass(slots=True)
class Amendment:
    """An operative paragraph (``ordinal``, ``label``) amending paragraphs of resolution ``target`` (its number)."""

    ordinal: int
    label: str
    target: int
    target_paras: list[str]


def amendments(rec: ResolutionRecord) -> list[Amendment]:
    """The paragraphs of ``rec`` that replace, amend, modify, narrow, lift or end what a paragraph of another
    resolution imposed, with each resolution and paragraph they name in that clause."""
    out: list[Amendment] = []
    for p in rec.paragraphs:
        if not p.operative or not _DECISION_LEAD_RE.match(p.text):
            continue
        seen: dict[int, list[str]] = {}
        for rx in _AMENDS_RE:
            for m in rx.finditer(p.text):
                for ref in _PARAS_OF_RE.finditer(m.group(0)):
                    num = int(ref.group("num"))
                    if num != rec.number:
                        paras = seen.setdefault(num, [])
                        paras.extend(str(n) for n in _listed_numbers(ref.group("list")) if str(n) not in paras)
        out.extend(Amendment(p.ordinal, p.label, num, paras) for num, paras in seen.items())
    return out


# --- dates --------------------------------------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_DATE_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(January|February|March|April|May|June|July|"
                      r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
                      r"\.?,?\s+(\d{4})\b")
# "until 30 June 2019", "until the 1st of October 2004" (S/RES/1555 (2004) para. 1).
# "that the Mission shall close by 15 October 2017" (2350 (2017) para. 1, MINUSTAH's final period) ends it too.
# "for a further period ending on 31 December 2008" (1807 (2008) para. 1), "Requests the Secretary-General to extend,
# for a period expiring on 31 December 2008, the Group of Experts" (para. 17): a period's last day. Only after "for
# a": "the period ending on 31 March" of a report is not a term.
_UNTIL_RE = re.compile(r"\b(?:until|unitl|up to and including|through|to|shall close by|"
                       r"shall cease all (?:its )?operations on|"
                       r"for an? (?:further )?period (?:ending|expiring) on|"
                       # "for a further period of six months, ending on 19 October 2002" (1404 (2002) para. 3): the
                       # day stated, not six months from adoption (18 October).
                       r"(?:months?|years?),?\s+(?:ending|expiring) on)\s+(?:the\s+)?"
                       r"(?=\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z])")
# "for a period of 12 months", "for an initial period of one year" (an establishing resolution's term), "for up to six
# months from the date of this resolution" (1863 (2009) para. 2).
# Numbers as the resolutions spell them: "twenty four months" (2253 (2015)) as well as "twenty-four" and "24".
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_WORDS = {w: i for i, w in enumerate(_UNITS, start=1)} | {w: i for i, w in enumerate(_TEENS, start=10)} | {
    f"{tens}{sep}{unit}".strip(): base + n for tens, base in (("twenty", 20), ("thirty", 30), ("forty", 40))
    for n, unit in enumerate(("", *_UNITS)) for sep in ((" ", "-") if unit else ("",))}
_NUMBER = r"\d{1,2}|(?:twenty|thirty|forty)(?:[- ](?:" + "|".join(_UNITS) + r"))?|" + "|".join(_TEENS + _UNITS)
# Or a renewal "until one year from the date of adoption of this resolution" (Haiti's measures, 2794 (2025) para. 1).
_PERIOD_RE = re.compile(r"\b(?:for (?:up to )?(?:an? (?:initial |further |final |new |additional )?period of |"
                        rf"an? (?:additional |further )?)?|until (?=(?:{_NUMBER})\s+(?:months?|years?)\s+"
                        r"(?:from|after|starting from) the (?:date of )?(?:the )?(?:adoption\b|this resolution\b)))"
                        rf"({_NUMBER})\s+(?:further\s+)?(months?|years?)\b", re.I)
# A period that runs on from the present mandate's end rather than from adoption: "for a period of twenty four
# months from the date of expiration of the Office of the Ombudsperson's current mandate in December 2017" (2253
# (2015) para. 54). The month is named, not the day: MandateIndex takes the day from the track's term that ends in
# that month (17 December 2017), else the day of adoption.
_EXPIRY_RE = re.compile(r",?\s*from the (?:date of )?(?:the )?expiration of\b[^;]{0,120}?\bmandate,? in "
                        r"(January|February|March|April|May|June|July|August|September|October|November|December|"
                        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?,?\s+(\d{4})\b", re.I)
# The day a period starts on when it is not the adoption: "on 1 July 2013 at which point MINUSMA shall commence
# … for an initial period of 12 months" (2100 (2013)), "establish as of 9 July 2011 … UNMISS for an initial
# period of one year" (1996 (2011)), "establish … UNSOM by 3 June 2013 … for an initial period of twelve months"
# (2102 (2013)); or after it, the day authority passes to it: "for an initial period of six months …; and requests
# that authority be transferred from the MIF to MINUSTAH on 1 June 2004" (1542 (2004)).
_DAY = r"(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Z])"
_STARTS_ON_RE = re.compile(rf"\b(?:on|as of|from|with effect from)\s+{_DAY}|"
                           rf"\bestablish\w*\b[^.;]{{0,120}}?\bby\s+{_DAY}")
_TRANSFER_ON_RE = re.compile(rf"\bauthority (?:be|is|shall be|will be) transferred\b[^.;]{{0,80}}?\bon\s+{_DAY}")
_FROM_DAY_RE = re.compile(rf"^,?\s*(?:(?:beginning|starting|commencing|with effect) )?(?:on|from|as (?:of|from))\s+"
                          rf"{_DAY}")


def _iso(m: re.Match[str]) -> str | None:
    month = _MONTHS.get(m.group(2).lower().rstrip("."))
    if month is None:
        return None
    try:
        return date(int(m.group(3)), month, int(m.group(1))).isoformat()
    except ValueError:
        return None


def _add_months(iso: str, months: int) -> str:
    d = date.fromisoformat(iso)
    y, mo = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, mo + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1])).isoformat()


def until_date(text: str, adopted: str | None, initial: bool = False) -> str | None:
    """The end date a text gives a mandate: "until 30 June 2019", or "for a period of 12 months" from adoption (or
    from the current mandate's expiry "in December 2017": see :func:`expiry_start`). ``initial``: an establishing
    resolution's "initial period" comes first, as the paragraph may also end the operation it replaces ("establish
    … UNOCI for an initial period of 12 months as from 4 April 2004, … renew the mandate of … MINUCI until 4 April
    2004", 1528 (2004) para. 1)."""
    if initial and (p := _PERIOD_RE.search(text)) and re.search(r"\binitial\b", p.group(0), re.I):
        return _period_end(text, p, adopted)
    for m in _UNTIL_RE.finditer(text):
        d = _DATE_RE.match(text, m.end())
        if d:
            iso = _iso(d)
            if iso and (adopted is None or iso > adopted):
                return iso
    return _period_end(text, p, adopted) if (p := _PERIOD_RE.search(text)) else None


def _period_end(text: str, p: re.Match[str], adopted: str | None) -> str | None:
    if adopted:
        months = _months(p)
        if (start := expiry_start(text)) is not None:
            return _add_months(_in_month(start[0], adopted), months)
        # "for a period of 12 months from 1 January 2027", "for an initial period of 12 months beginning on 1
        # January 2025" (2767 (2024)): the day right after the period. An establishing resolution's "initial
        # period" may also start on a day named before it or where authority passes (_STARTS_ON_RE); a renewal's
        # earlier "from 15 July" ("the elections scheduled from 15 July 2026") is not its start.
        marks = [p.end() + m.end() for m in _FROM_DAY_RE.finditer(text[p.end():])]
        if re.search(r"\binitial\b", p.group(0), re.I):
            marks += [m.end() for m in _STARTS_ON_RE.finditer(text, max(0, p.start() - 200), p.start())]
            marks += [p.end() + m.end() for m in _TRANSFER_ON_RE.finditer(text[p.end():])]
        for at in marks:
            d = _DATE_RE.match(text, at)
            if d and (iso := _iso(d)) and iso > adopted:
                # The first such day. A period that starts on a named day ends the day before it comes round:
                # six months from 1 June 2004 run to 30 November 2004.
                return (date.fromisoformat(_add_months(iso, months)) - timedelta(days=1)).isoformat()
        return _add_months(adopted, months)
    return None


def _months(p: re.Match[str]) -> int:
    n = re.sub(r"\s+", " ", p.group(1).lower())
    return (int(n) if n.isdigit() else _WORDS[n]) * (12 if p.group(2).lower().startswith("year") else 1)


def expiry_start(text: str) -> tuple[str, int] | None:
    """For a period running on from the current mandate's expiry "in December 2017": that month ("2017-12") and
    the period's length in months; None for any other text."""
    p = _PERIOD_RE.search(text)
    e = _EXPIRY_RE.match(text, p.end()) if p else None
    if p is None or e is None:
        return None
    return f"{int(e.group(2)):04d}-{_MONTHS[e.group(1).lower().rstrip('.')]:02d}", _months(p)


def _in_month(month: str, day_of: str) -> str:
    """A day of ``month`` ("2017-12"): that of ``day_of`` (an ISO date), or the month's last when it has fewer."""
    year, mo = int(month[:4]), int(month[5:7])
    return date(year, mo, min(int(day_of[8:10]), calendar.monthrange(year, mo)[1])).isoformat()


def count_from_expiry(entries: list[TrackEntry]) -> None:
    """Give a period counted from the current mandate's expiry "in" a month the day that mandate ended: the latest
    earlier term of the track ending in that month (2253 (2015): twenty-four months from 17 December 2017, the day
    2161 (2014)'s thirty months ran out). Without one the day of adoption stands. ``entries`` in date order."""
    ended: list[str] = []

    def counted(t: Term) -> Term:
        day = max((u for u in ended if u.startswith(t.after)), default=None) if t.after else None
        return Term(_add_months(day, t.months), t.source, t.what, t.after, t.months, t.final) if day else t

    for e in entries:
        if e.term is not None:
            e.term = counted(e.term)
        e.other_terms = sorted((counted(t) for t in e.other_terms), key=lambda t: t.until)
        ended += [t.until for t in ([e.term] if e.term else []) + e.other_terms]


# --- membership ---------------------------------------------------------------------------------------------

_ESTABLISH_RE = re.compile(r"\bestablish(?:ment|es|ing)?\b|\bcreat(?:ion|es)\b|\bsanctions against\b|"
                           r"\bon the situation in\b|\bon measures (?:against|to prevent)\b", re.I)
# "to maintain the African Union Mission in Somalia for a further period of 6 months" (1772 (2007)) renews too.
# "on transfer of the mandate of … (UNSOM) to … (UNTMIS)" (2753 (2024)): the mandate runs on under a new name.
_RENEW_RE = re.compile(r"\b(?:extension|extention|extend\w*|renew\w*|re-establish\w*|continuation|"
                       r"transfer of the mandate|"
                       r"maintain the deployment|further period|"
                       r"deployment (?:of|until)|prolong\w*|reviewing and extending)\b", re.I)
# A last period, after which the operation closes (2333 (2016): UNMIL's mandate "for a final period until 30 March
# 2018"; 2284 (2016): UNOCI's "for a final period until 30 June 2017"): no renewal is missing after it.
# "UNTMIS shall cease all operations on 31 October 2026 after completing the second phase" (2809 (2025)) too.
_LAST_PERIOD_RE = re.compile(r"\bfinal (?:period|extension)\b|\bshall cease all (?:its )?operations\b", re.I)
_END_RE = re.compile(r"\b(?:termination|terminat\w+|final extension|lifting|dissolution|withdrawal|drawdown)\b", re.I)
# A title that ends one measure and renews others to a date renews: "on lifting of the arms embargo on the Central
# African Republic, renewal of other measures until 31 July 2025 and extension of the mandate of the Panel of Experts
# … until 31 Aug. 2025" (2745 (2024)). "termination of the measures on diamonds … renewed by para. 1 of resolution
# 1731" (1753 (2007)) names no date and still ends.
# Nor does one that sets up the regime's next Panel: "on lifting of arms embargoes … on Eritrea, termination of the
# mandate of the Somalia and Eritrea Monitoring Group (SEMG) … and establishment of the Panel of Experts on Somalia"
# (2444 (2018)); the Somalia measures run on (para. 14).
_NEW_PANEL_RE = re.compile(r"\bestablishment of (?:the|a) (?:Panel|Group) of Experts\b", re.I)
_RENEWED_UNTIL_RE = re.compile(r"\b(?:renew\w*|extension|extend\w*)\b[^;]{0,160}?\buntil \d", re.I)
# A title about the operation's troops (additional ones, redeployed ones, or with no end date) and not its mandate
# extends a capacity, not the mandate ("extension up to 3 months of the temporary redeployment of infantry
# companies ... to UNOCI"); "maintain the deployment of AMISOM until ..." still renews.
_CAPACITY_RE = re.compile(r"\b(?:redeploy\w*|additional (?:military|police)|increas\w+|force levels?|troop|"
                          r"personnel|strength|composition)\b", re.I)
_OTHER_OP_RE = re.compile(r"\([A-Z]{3,}[A-Za-z]*\)")  # "(BINUCA)": an operation's acronym
# "the mandate of the United Nations Support Mission in Libya (UNSMIL)": a mission's, not a regime's
_MISSION_MANDATE_RE = re.compile(r"\bmandate of the [^;()]{0,100}\([A-Z]{3,}[A-Za-z]*\)")
# "Authorises the Member States of the African Union to continue to deploy … to AUSSOM until 31 December 2026"
# (2809 (2025)) renews an AU mission's authorisation as "decides to extend" renews a UN one.
# "Decides that the arms embargo established by paragraph 54 of resolution 2127 (2013) … shall be extended for a
# period of one year" (2134 (2014)) renews too, and so does a decision whose reasons come first: "Decides, in light
# of the failure by the parties to comply with the demands of the Council, to renew until 31 July 2007 …" (1698
# (2006) para. 2), "Decides, in order to assist the Committee …, to extend the mandate of the … Monitoring Team".
# Older wordings: "Decides to authorize the Member States of the African Union to maintain AMISOM until 31 January
# 2010" (1872 (2009) para. 16), "Decides the mandate of … UNMIL shall be extended until 30 September 2007" (1750
# (2007)), "Requests the Secretary-General to extend the mandate of the Panel until 31 October 2003" (1499 (2003)).
# The Taliban regime's measures have no end date; what it renews is the Monitoring Team's support to its Committee:
# "Decides … that the 1267 Monitoring Team … shall also support the Committee for a period of thirty months" (2082
# (2012) para. 35), "shall continue to support the Committee for a period of twelve months" (2501 (2019) para. 2).
# A mission's last phases under a new name: "Decides that UNTMIS shall deliver a first phase of its transition until
# 31 October 2025" (2753 (2024) para. 3), "… shall cease all operations on 31 October 2026" (2809 (2025) para. 6).
_OP_RENEW_RE = re.compile(r"^(?:\d{1,3}\.\s*)?(?:(?:Decides|Further decides|Also decides)\b[^.;]{0,120}\b"
                          r"(?:to (?:extend|renew)|that the mandate|shall be deployed until)|(?:Decides to )?"
                          r"authori[sz]es?\b[^.;]{0,80}\bto (?:continue to deploy|maintain)\b|"
                          r"Decides(?: that)?\b[^;]{0,200}\bshall be (?:extended|renewed)\b|"
                          r"Requests the Secretary-General to (?:extend|renew)\b|"
                          r"Decides\b[^;]{0,260}?\bshall (?:also |continue to )?support the Committee for a period\b|"
                          r"Decides that\b[^.;]{0,160}\bshall (?:deliver\b[^.;]{0,120}\buntil|cease all operations on) "
                          r"\d)",
                          re.I)


# A sanctions regime is founded by the resolution that sets up its Committee (2140 (2014) for Yemen, 2374 (2017)
# for Mali, 2653 (2022) for Haiti): their catalogue titles say only "on the situation in …" or "sanctions against …".
_COMMITTEE_RE = re.compile(r"^(?:\d{1,3}\.\s*)?Decides to establish,? in accordance with rule 28 of (?:its|the) "
                           r"provisional rules of procedure(?: of the Security Council)?, a Committee of the Security "
                           r"Council", re.I)
# An operation set up to follow the one renewed: "establish … (UNIOGBIS) to succeed UNOGBIS" (1876 (2009)), "establish a
# follow-on peacekeeping mission in Haiti, MINUJUSTH" (2350 (2017)); not a unit of the mission ("a quick reaction
# force", 2162 (2014)).
_SUCCESSOR_RE = re.compile(r"\bestablish\w*\b[^;]{0,200}?(?:\bto succeed\b|\bfollow-on\b|\((?:UN|MIN|BIN|MON)[A-Z]+\))")
# The term an establishing resolution gives: "for an initial period of one year from the date of adoption".
_INITIAL_RE = re.compile(r"\binitial period of\b", re.I)
# Or a plain period from adoption: "Decides to establish the United Nations Mission in Liberia (UNMIL) … for a period
# of 12 months" (1509 (2003) para. 1), "to establish for a period of six months a mission in Somalia" (1744 (2007)).
# Not a body set up "within one month" (1425 (2002)): its period's first day is not stated.
_ESTABLISH_PERIOD_RE = re.compile(r"\bestablish\w*\b[^;]{0,160}?\bfor (?:up to )?an? (?:initial )?period of\b", re.I)
_WITHIN_RE = re.compile(r"\bwithin (?:one|two|three|\d+|thirty|sixty) (?:days?|months?)\b", re.I)


_AUTH_RENEW_RE = re.compile(r"\brenew\w*|\bfurther period\b|\bextend\w*", re.I)
_AUTH_PINNED_RE = re.compile(r"\bfor a period of [^;]{0,40}\bfrom the date of (?:the )?adoption of resolution \d+",
                             re.I)


@dataclass(slots=True)
class Membership:
    found_by: list[str]  # why, in words: "title names UNSMIL", "UN Library subject: …", "text: para. 3, 5"
    action: Action
    term: Term | None  # the headline end date and the paragraph (or title) that states it
    stage: str | None
    other_terms: list[Term] = field(default_factory=list)  # the resolution's further dates for this track
    rules: list[str] = field(default_factory=list)  # the track-file rules that matched (raw, for debugging)

    @property
    def extends_until(self) -> str | None:
        return self.term.until if self.term else None


# The Somalia regime's body before its Panel: "extend until 15 December 2017 the mandate of the Somalia and Eritrea
# SEMG" (2317 (2016) para. 38), "the mandate of the Somalia and Eritrea Monitoring Group" (2182 (2014) para. 46).
_MONITORING = r"(?:Somalia and Eritrea |Somalia )?(?:Monitoring Group|SEMG)\b"
# A paragraph renewing a sanctions regime's Panel (Group) of Experts: "Decides to extend until 15 May 2026 the
# mandate of the Panel of Experts" (2769 (2025) para. 22), "Decides to extend the mandate of the Group of Experts …
# until 1 August 2026".
# "Decides to renew, with effect from the date of adoption of this resolution, until 15 January 2025, the Panel"
# (2713 (2023) para. 35) names the Panel right after its date.
_PANEL_TERM_RE = re.compile(r"\b(?:extend|renew)\w*\b[^;]{0,160}?\bmandate of the (?:Panel|Group) of Experts\b|"
                            rf"\b(?:extend|renew)\w*\b[^;]{{0,160}}?\bmandate of the {_MONITORING}|"
                            r"\b(?:Panel|Group) of Experts\b[^;]{0,160}?\bshall be (?:extended|renewed)\b|"
                            r"\b(?:extend|renew|establish)\w*\b[^;]{0,120}?\buntil \d{1,2} \w+\.? \d{4},? the "
                            r"(?:Panel|Group)\b|"
                            # The DRC Group's older wording, 1533 (2004) to 2136 (2014): "to extend, for a period
                            # expiring on 31 December 2008, the Group of Experts" (1807 (2008) para. 17), "to
                            # re-establish the Group of Experts within thirty days … and for a period expiring on".
                            r"\b(?:extend|renew|re-establish|establish|create)\w*\b[^;]{0,160}?\bperiod expiring on "
                            r"\d{1,2} \w+ \d{4},? (?:the|a) (?:Panel|Group) of Experts\b|"
                            r"\b(?:Panel|Group) of Experts\b[^;]{0,160}?\bfor a period expiring on\b", re.I)
_EXPIRING_RE = re.compile(r"\bfor a period expiring on \d", re.I)
# Where a paragraph renewing the Panel names it: its clause starts at the last such verb before the name.
_PANEL_VERB_RE = re.compile(r"\b(?:extend|renew|re-establish|establish|create)\w*", re.I)
# A paragraph continuing a regime's measures to a date: "Decides that, until 31 January 2017, all Member States shall
# continue to take the necessary measures to prevent the … supply … of arms" (2262 (2016) para. 1), "Decides to renew
# until 31 July 2025 the measures and provisions" (2745 (2024) para. 4). Titled only with the Panel's date, 2262's
# arms embargo date was in no line of the track. "decides to reaffirm and renew these measures until 12 September
# 2026" (2791 (2025) para. 1) too; "recalls that resolution 2676 (2023) … renewed these measures until 12 September
# 2024" (2725 (2024) para. 1) is another resolution's date.
_MEASURES_TERM_RE = re.compile(
    r"^(?:\d{1,3}\.\s*)?(?:Decides|Further decides|Also decides)\b[^;]{0,40}?\b(?:until|through) \d{1,2} \w+ \d{4},? "
    r"all (?:Member )?States shall (?:continue to )?take\b|"
    r"\b(?:renew|extend)(?:s|ing)?\b[^;]{0,40}?\b(?:until|through) \d{1,2} \w+ \d{4},? (?:the )?(?:measures|"
    r"arms embargo|provisions)\b|"
    r"\b(?:renew|extend)(?:s|ing)?\b[^;]{0,20}?\b(?:the|these|those) (?:measures|arms embargo|provisions)\b[^;]{0,200}?"
    r"\b(?:until|through) \d{1,2} \w+ \d{4}", re.I)
_WHAT_RE = [("Panel of Experts", re.compile(r"\bPanel of Experts\b", re.I)),
            ("Group of Experts", re.compile(r"\bGroup of Experts\b", re.I)),
            ("Monitoring Group", re.compile(r"\bMonitoring Group\b|\bSEMG\b")),
            ("authorisations", re.compile(r"\bauthori[sz]ations?\b", re.I)),
            ("measures", re.compile(r"\bmeasures\b", re.I)),
            ("arms embargo", re.compile(r"\barms embargo\b", re.I)),
            ("mandate", re.compile(r"\bmandate\b", re.I))]


_EXEMPTION_RE = re.compile(r"\barms embargo\b[^;]{0,60}?\bshall not apply\b|\bexemptions? (?:to|from) the arms "
                           r"embargo\b", re.I)


def _what(text: str) -> str:
    """What a dated paragraph extends, in its words: the Panel when it names one (its "mandate" is the Panel's),
    else every one of authorisations, measures, arms embargo, mandate it names."""
    found = [name for name, rx in _WHAT_RE if rx.search(text)]
    experts = [n for n in found if n.endswith("of Experts") or n == "Monitoring Group"]
    if experts:
        return experts[0]
    # "Decides to renew the provisions set out in paragraph 2 of resolution 2142 (2014) until 15 November 2016, and
    # … reiterates that the arms embargo on Somalia shall not apply to deliveries … intended solely for the … Security
    # Forces" (2244 (2015) para. 2): the exemption runs to that date, not the embargo, which has none (a tenth-sweep
    # analyst read "arms embargo until 2016-11-15").
    if "arms embargo" in found and _EXEMPTION_RE.search(text):
        found[found.index("arms embargo")] = "exemption from the arms embargo"
    # "renew the provisions set out in paragraph 15 of resolution 2182 (2014) until 15 November 2020" (2498 (2019)
    # para. 23): what it names when nothing else is named.
    return " and ".join(found) or ("provisions" if re.search(r"\bprovisions\b", text, re.I) else "")


# A paragraph announcing a renewal sets no date: "Expresses its intention to further extend the mandate of UNMIL to
# 30 September 2015" (2176 (2014) para. 3); the track runs to the date a renewal then sets.
_INTENTION_RE = re.compile(r"^(?:\d{1,3}\.\s*)?(?:Expresses its (?:intention|intent|readiness)|Intends)\b", re.I)


def _terms(paras: list[RawParagraph], adopted: str | None, initial: bool = False) -> list[Term]:
    out = []
    for p in paras:
        if _INTENTION_RE.match(p.text):
            continue
        if d := until_date(p.text, adopted, initial):
            start = expiry_start(p.text)
            if start is not None and adopted and d != _add_months(_in_month(start[0], adopted), start[1]):
                start = None  # the date is a stated one ("until …"), not the period's
            out.append(Term(d, f"para. {p.label}", _what(p.text), *(start or ("", 0)),
                            final=bool(_LAST_PERIOD_RE.search(p.text))))
    return out


def _panel_terms(paras: list[RawParagraph], adopted: str | None) -> tuple[list[Term], list[Term]]:
    """The Panel's (Group's) dates the paragraphs renewing it set, and the other dates those paragraphs set. One
    paragraph may renew both: "Decides to renew until 1 July 2027 the measures …, decides to extend, until 1 August
    2027, the mandate of the Group of Experts" (2825 (2026) para. 1): its first date is the measures'; the Group's
    is the one its own clause gives."""
    panel: list[Term] = []
    beside: list[Term] = []
    for p in paras:
        m = _PANEL_TERM_RE.search(p.text)
        if m is None or _INTENTION_RE.match(p.text):
            continue
        verbs = list(_PANEL_VERB_RE.finditer(p.text, m.start(), m.end()))
        first = until_date(p.text, adopted)
        own = until_date(p.text[verbs[-1].start():], adopted) if len(verbs) > 1 else None
        if own and first and own != first:
            panel.append(Term(own, f"para. {p.label}", _what(p.text[verbs[-1].start():])))
            beside.append(Term(first, f"para. {p.label}", _what(p.text[:verbs[-1].start()])))
        else:
            panel += _terms([p], adopted)
    return panel, beside


def _latest(terms: list[Term]) -> Term | None:
    """The latest date; of equal ones the first stated (2253 (2015): the Ombudsperson's para. 54, not the
    Monitoring Team's para. 89 with the same date)."""
    return max(terms, key=lambda t: t.until, default=None)


def _action(desc: str, rec: ResolutionRecord, placing: list[RawParagraph]) -> Action:
    if desc:
        if _END_RE.search(desc) and not re.search(r"final extension", desc, re.I):
            return "renews" if _RENEWED_UNTIL_RE.search(desc) or _NEW_PANEL_RE.search(desc) else "terminates"
        if _CAPACITY_RE.search(desc) and not re.search(r"\bmandates?\b", desc, re.I) and (
                re.search(r"\badditional\b|\bredeploy", desc, re.I) or not re.search(r"\buntil\b", desc, re.I)):
            return "other"
        if _RENEW_RE.search(desc):
            return "renews"
        if _ESTABLISH_RE.search(desc) and re.search(r"\bestablish", desc, re.I):
            return "establishes"
        # A title naming only the topic ("on threats to international peace and security caused by terrorist
        # acts by Al-Qaida", 2161 (2014)) leaves it to the placing paragraphs: 2161 extends the Ombudsperson and
        # the Monitoring Team (paras. 41 and 73).
    if any(_OP_RENEW_RE.search(p.text) for p in placing):
        return "renews"
    if any(_ESTABLISH_PERIOD_RE.search(p.text) for p in placing):
        # Placed by its own paragraph setting measures up for a term: "Decides that the measures referred to in
        # paragraph 1 above are established for an initial period of 18 months" (1306 (2000) para. 6, Sierra
        # Leone's diamond ban, titled only "on sanctions against import of diamonds").
        return "establishes"
    return "other"


def match_track(track: TrackDef, rec: ResolutionRecord) -> Membership | None:
    """Whether ``rec`` belongs to ``track``, and every rule that says so."""
    desc = bracket_title(rec.title)
    found: list[str] = []
    rules: list[str] = []
    excluded = bool(desc) and any(x.search(desc) for x in track.exclude)
    titled = False  # the title names this track, so what it says is done (extension, establishment) is about it
    named_at = 0  # where in the title it does
    if not excluded:
        for rx in track.title:
            if desc and (hit_t := rx.search(desc)):
                # Said with the words the title has, not the rule: an analyst reads "title names UNSMIL".
                words = re.sub(r"\s+", " ", hit_t.group(0)).strip()
                found.append(f"title names {words if len(words) <= 80 else words[:79] + '…'}")
                rules.append(f"title /{rx.pattern}/")
                titled = True
                named_at = hit_t.start()
                break
        for rx in track.subject:
            hit = next((s for s in rec.subjects if rx.search(s)), None)
            # The library's subject alone does not place in a mission's track a resolution whose title is about
            # another operation: S/RES/2031 (2011) renews BINUCA and carries the subject "UN Mission in South
            # Sudan" for a passing mention; its paragraphs are not UNMISS's.
            if hit is not None and (titled or track.kind != "mission" or not _OTHER_OP_RE.search(desc or "")):
                found.append(f"UN Library subject: {hit}")
                rules.append(f"subject /{rx.pattern}/")
                break
    placing: list[RawParagraph] = []
    for p in rec.paragraphs:
        if p.operative and any(rx.search(p.text) for rx in track.text):
            placing.append(p)
            rules.extend(f"text /{rx.pattern}/ in para. {p.label}" for rx in track.text if rx.search(p.text))
    if placing:
        found.append("text: para. " + ", ".join(p.label for p in placing[:4]))
    founding = None
    if track.kind == "sanctions" and any(re.search(rf"Resolution {rec.number}\b", rx.pattern) for rx in track.subject):
        # The resolution the track's Committee is named after, setting it up: 2127 (2013) for the Central African
        # Republic, 2206 (2015) for South Sudan, titled only "on the situation in …" and filed under no
        # Committee heading, were in no track.
        founding = next((p for p in rec.paragraphs if p.operative and _COMMITTEE_RE.search(p.text)), None)
        if founding is not None and not any(f.startswith("text:") for f in found):
            found.append(f"text: para. {founding.label} establishes the Committee")
            rules.append(f"founding Committee in para. {founding.label}")
    if not found:
        return None
    # A resolution placed by its subjects or text only, whose title renews another operation, is "other" here.
    action = _action(desc if titled else "", rec, placing)
    if track.kind == "mission" and not titled and action == "renews" and _OTHER_OP_RE.search(desc or "") and \
            _RENEW_RE.search(desc or ""):
        # Nor is one placed by a paragraph about lending this mission troops: 1692 (2006), "on extension of the
        # mandate of … ONUB", extends "the authorization … to redeploy temporarily … from ONUB to MONUC" (para. 2);
        # MONUC's own mandate is renewed by 1711 (2006).
        action = "other"
    if track.kind == "authorization":
        # The catalogue titles say "on piracy … off the coast of Somalia" for grant and renewal alike; the
        # granting paragraph says which it is.
        # A grant whose period runs from another resolution's adoption adds to that authority and restates
        # nothing (S/RES/1851 (2008): land operations "for a period of twelve months from the date of adoption of
        # resolution 1846"). A grant again for a period of its own after the first is a renewal; that needs the
        # track's order, so MandateIndex._members reads it.
        action = ("other" if not placing else "renews" if any(_AUTH_RENEW_RE.search(p.text) for p in placing)
                  else "other" if all(_AUTH_PINNED_RE.search(p.text) for p in placing) else "establishes")
    own_committee = any(re.search(rf"\bResolutions? {rec.number} \(", s) and any(rx.search(s) for rx in track.subject)
                        for s in rec.subjects)
    if track.kind == "sanctions" and action == "other" and (titled or placing or own_committee or founding) and any(
            p.operative and _COMMITTEE_RE.search(p.text) for p in rec.paragraphs):
        # The Committee set up is this track's when the title or text places the resolution here, or its subject
        # is the Committee "established pursuant to" it (2140 (2014) for Yemen, 1533 (2004) for the DRC); 1988
        # (2011), filed only under the 1267 Committee, sets up the Taliban regime's own.
        action = "establishes"
    term: Term | None = None
    others: list[Term] = []
    if action in ("renews", "establishes"):
        # The title's date is this track's only when the title names it: S/RES/2213 (2015), placed in the Libya
        # sanctions track by its Panel paragraph, has UNSMIL's date in its title.
        # Of a title naming two operations, each with its date, the one after this operation's name: "on deployment
        # of … AMISOM until 30 May 2016 and extension of the mandate of … UNSOM until 30 Mar. 2016" (2232 (2015)).
        # A regime's title puts the date before what it names ("renewal of the provisions … until 30 Oct. 2015
        # concerning the arms embargo on Somalia", 2182 (2014)).
        after_name = until_date(desc[named_at:], rec.date) if desc and titled and track.kind != "sanctions" else None
        titled_date = (after_name or until_date(desc, rec.date)) if desc and titled else None
        term = Term(titled_date, "title") if titled_date else None
        # The latest term the placing paragraphs give: S/RES/1925 (2010) extends MONUC "until 30 June 2010"
        # (para. 1) and decides that MONUSCO "shall be deployed until 30 June 2011" (para. 2).
        placed = _terms(placing, rec.date)
        stated = _latest(placed)
        seen = list(placed)  # the dates the resolution's paragraphs set for this track
        misprint = bool(term and stated and stated.until != term.until and stated.until[4:] == term.until[4:])
        if term is None or misprint:
            # The paragraph's words over the catalogue title's when only the year differs: S/RES/2362 (2017)'s
            # title says "until 15 Nov. 2017" where paragraphs 2 and 13 say 15 November 2018. (Other differences
            # are two dates of one resolution, measures and Panel: the title's stays.)
            term = stated
        if term is None:
            # "Decides to extend the mandate ... until ..." without the track's name; of several, the latest:
            # S/RES/1925 (2010) extends MONUC "until 30 June 2010" (para. 1) and decides that MONUSCO "shall be
            # deployed until 30 June 2011" (para. 2).
            renewing = _terms([p for p in rec.paragraphs if p.operative and _OP_RENEW_RE.search(p.text)], rec.date)
            term = _latest(renewing)
            seen += renewing
        if action == "renews":
            # A renewal that also sets up the operation's successor for an initial period: 1876 (2009) extends
            # UNOGBIS until 31 December 2009 (para. 1) and asks for UNIOGBIS "for an initial period of 12 months,
            # beginning on 1 January 2010" (para. 3). The renewal's own date heads; the successor's is listed.
            seen += _terms([p for p in rec.paragraphs if p.operative and _INITIAL_RE.search(p.text)
                            and _SUCCESSOR_RE.search(p.text)], rec.date, initial=True)
        if action == "establishes":
            # An establishing resolution's "initial period": "Decides that, for an initial period of one year from
            # the date of the adoption of this resolution, all Member States shall …" (2374 (2017) paras. 1 and 4),
            # the Panel "for an initial period of thirteen months" (para. 11); AUSSOM's authorisation "for an
            # initial period of 12 months beginning on 1 January 2025" over its first phase "until 30 June 2025"
            # (2767 (2024) paras. 16 and 20). The latest, as for a renewal of measures and Panel.
            initial = _terms([p for p in rec.paragraphs if p.operative and _INITIAL_RE.search(p.text)], rec.date,
                             initial=True)
            term = _latest([*initial, *([term] if term else [])])
            seen += initial
            if term is None:
                term = _latest(_terms([p for p in rec.paragraphs if p.operative
                                       and _ESTABLISH_PERIOD_RE.search(p.text) and not _WITHIN_RE.search(p.text)],
                                      rec.date))
        stated_anywhere = _terms([p for p in rec.paragraphs if p.operative], rec.date)

        def cited(t: Term) -> Term:
            # Cite the paragraph that states the title's date when one does: a figure is traced to its paragraph.
            return next((x for x in stated_anywhere if x.until == t.until), t) if t.source == "title" else t

        if track.kind == "sanctions":
            # A regime's headline term is its Panel (Group) of Experts': the measures mostly stand until lifted,
            # while the Panel runs out on a date the Council must act by, so that date is when the regime next
            # comes before it. S/RES/2769 (2025) extends the oil-export authorisations and measures until 1 May
            # 2026 (para. 19) and the Panel until 15 May 2026 (para. 22): the headline is the Panel's, the other
            # is listed beside it.
            panel, beside = _panel_terms([p for p in rec.paragraphs if p.operative], rec.date)
            latest = _latest(panel)
            # A date the Panel's paragraph sets for the measures is listed as theirs, not as the Panel's.
            seen = beside + [t for t in seen if (t.until, t.source) not in {(b.until, b.source) for b in beside}]
            measures = _terms([p for p in rec.paragraphs if p.operative and _MEASURES_TERM_RE.search(p.text)
                               and not _PANEL_TERM_RE.search(p.text) and not _MISSION_MANDATE_RE.search(p.text)],
                              rec.date)
            if term is None:
                term = _latest(measures)
            seen += measures
            stating = next((p for p in rec.paragraphs if p.operative and term is not None
                            and f"para. {p.label}" == cited(term).source), None)
            if latest is not None and term is not None and term.until != latest.until and stating is not None \
                    and not _MISSION_MANDATE_RE.search(stating.text):
                # The title's other date, when a paragraph states it of this regime: 2776 (2025) renews enforcement
                # to 13 December 2025 (para. 23). One no paragraph states is a misprint (2713 (2023)'s "15 Dec.
                # 2025"); a mission's is another track's (2144 (2014): UNSMIL's 13 March 2015, para. 6).
                seen.append(term)
            expiring = next((p for p in rec.paragraphs if p.operative and latest is not None
                             and f"para. {p.label}" == latest.source and _EXPIRING_RE.search(p.text)), None)
            if not (expiring is not None and term is not None and latest is not None and term.until == latest.until):
                # A Group asked of the Secretary-General "for a period expiring on" the day the resolution renews
                # the measures to leaves the Council's own decision at the head: 1857 (2008) renews the measures
                # "until 30 November 2009" (para. 1), the Group "for a period expiring on 30 November 2009" (para.
                # 8). A Panel the Council extends itself heads on an equal day (2362 (2017) para. 13).
                term = latest or term
            seen += panel
        term = cited(term) if term is not None else None
        seen = [cited(t) for t in seen]
        if term is not None:
            shown = {term.until}
            for t in seen:
                # One line per further date, each a paragraph's: a title's other date may be another operation's
                # (S/RES/2144 (2014), in the Libya sanctions track, is titled with UNSMIL's 13 March 2015 first).
                if t.until not in shown:
                    shown.add(t.until)
                    others.append(t)
            others.sort(key=lambda t: t.until)
    if term is not None and term.what == "authorisations" and re.search(r"\binspect", rec.title or "", re.I):
        # "Decides to extend the authorizations as set out in resolution 2733 (2024)" (2780 (2025)) names no
        # inspection; its title does, and tells these from the petroleum "authorisations and measures".
        term = dataclasses.replace(term, what="inspection authorisations")
    stage = None
    hay = desc + " " + " ".join(p.text for p in placing[:2])
    for name, rx in track.stages:
        if rx.search(hay):
            stage = name
    return Membership(found, action, term, stage, others, rules)
