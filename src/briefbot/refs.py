"""References inside a question: symbols, paragraph numbers, and named documents ("the Libya panel's report").

Retrieval uses them to reach the named document and paragraph directly instead of hoping similarity finds it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cite import terms
from .models import DocInfo
from .parse.extract import record_subject
from .parse.gazetteer import (
    COUNTRIES,
    COUNTRY_ADJECTIVES,
    MISSION_COUNTRY,
    MISSIONS,
    MONTH_NUMBER,
    MONTHS,
    REGIME_COUNTRY,
)
from .symbols import find_symbols, resolution_number, symbols_match
from .taxonomy import load_actors

_PARA = re.compile(
    r"\b(?:operative\s+)?(?:paragraph|para\.?|paras?\.?|OP)\s*(?P<num>\d{1,3})(?:\s*\(?(?P<sub>[a-z]{1,2}|[ivx]{1,5})\))?",
    re.I)
_PARA_OF = re.compile(r"\s+of\s+(?:Security Council\s+)?(?:resolution\s+|S/RES/)(\d{3,4})\b", re.I)
_ANNEX_NAME = r"(?:\s+(?P<an>[IVXLC]{1,6}|\d{1,3}|[A-Z])\b)?"
_ANNEX_BEFORE = re.compile(rf"\bannex{_ANNEX_NAME}\s*,?\s*$", re.I)
_ANNEX_AFTER = re.compile(rf"^\s+(?:of|in)\s+(?:the\s+|its\s+)?annex{_ANNEX_NAME}", re.I)
# "resolution 2780" without its year: every resolution with that number is named (years rarely collide).
_BARE_RESOLUTION = re.compile(r"\b[Rr]esolutions?\s+(?P<num>\d{3,4})\b(?!\s*\(\d{4}\))")
# "resolutions 2775 and 2776 (2025)": numbers sharing one year (or none), each named by its number.
_NUMBER_LIST = re.compile(r"\b[Rr]esolutions\s+(?P<nums>\d{3,4}(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)\d{3,4}\b)+)")
_TYPE_WORDS = {
    "panel_report": re.compile(r"\b(panel|group) of experts\b|\bpanel'?s?\b|\bmonitoring team\b", re.I),
    # "the Secretary-General's mid-2025 report", "… June 2025 report" too
    "sg_report": re.compile(r"\bsecretary-general'?s?\s+(?:(?:early|mid|late)-?\s?(?:19|20)\d\d\s+|"
                            r"[a-z]+\s+(?:19|20)\d\d\s+)?report\b|\breport of the secretary-general\b", re.I),
    "resolution": re.compile(r"\bresolution\b", re.I),
    "letter": re.compile(r"\bletter\b|\bnote verbale\b", re.I),
}

# A question asking what one kind of document says: "What did the Secretary-General report about …?", "according
# to the Panel of Experts on the Sudan". Not a mention: "must the Secretary-General report back", "the Secretary-
# General's reporting on …", "the Panel of Experts' mandate" ask about a resolution.
_SG = r"(?:the )?Secretary-General"
# The 1267 and 1988 Monitoring Teams report as Panels do ("What does the Monitoring Team report about …?").
_PANEL = (r"(?:the )?(?:(?:Panel|Group)(?: of Experts)?|Monitoring (?:Team|Group))"
          r"(?: on [A-Z][\w-]*(?: [A-Z][\w-]*)*| on the [A-Z][\w-]*)?")
_SAID = r"(?:report|say|write|note|find|observe|describe|characteri[sz]e|warn|document|recommend)"
_HAS_SAID = (r"(?:reported|said|written|noted|found|observed|described|characteri[sz]ed|warned|documented|"
             r"recommended)")
_SOURCE_ASKED = {
    "sg_report": re.compile(rf"\b(?:(?:did|does) {_SG} {_SAID}\b|has {_SG} {_HAS_SAID}|according to (?:a |the |his )?"
                            rf"(?:\w+ ){{0,3}}(?:report of {_SG}|{_SG}(?:'s)?)|in (?:his|{_SG}'s) (?:\w+ ){{0,3}}"
                            r"reports?\b)"),
    "panel_report": re.compile(rf"\b(?:(?:did|does) {_PANEL} {_SAID}\b|has {_PANEL} {_HAS_SAID}|according to "
                               rf"{_PANEL}\b(?!'s mandate))"),
}
# Not an account asked for: when or how often a report is due ("When does the Secretary-General report to the
# Council on UNSMIL?" asks about a resolution's request), or a question naming its document or a letter.
_NOT_AN_ACCOUNT = re.compile(r"^\s*(?:when|how often|how frequently|by when|until when|how soon)\b|"
                             r"\breport(?:s|ing)?\s+(?:back\s+)?to\s+the\s+(?:Security\s+)?(?:Council|Committee)\b|"
                             r"\bletters?\b", re.I)


SOURCE_LABELS = {"sg_report": "Secretary-General's reports",
                 "panel_report": "Panel, Group of Experts or Monitoring Team reports"}


def asked_source(question: str) -> str | None:
    """The kind of document whose account the question asks for ("sg_report", "panel_report"), or None."""
    if _NOT_AN_ACCOUNT.search(question) or parse_references(question, actors=False).named_any or any(
            300 <= int(n) < 1900 or 2030 < int(n) < 3000 for n in re.findall(r"\b\d{3,4}\b", question)):
        return None  # ... nor one naming a regime by its resolution's number ("the 1267 sanctions regime")
    return next((kind for kind, pattern in _SOURCE_ASKED.items() if pattern.search(question)), None)


# A publication outside the UN's asked for by its title or author: "According to Arthur Boutellis's 2019 'Still Flying
# Blind' article, …", "In Crisis Group's report 'A Course Correction for Haiti', …". A name before "'s" counts only
# before a word for such a piece; the Council's, the Secretary-General's and a Panel's reports are asked otherwise.
_PIECE = r"(?:article|paper|study|analysis|report|briefing|brief|book|piece|essay|commentary|policy brief)"
_QUOTED_TITLE = re.compile(r"(?<![\w’'])[‘'“\"]([A-Z][^‘’'“”\"]{3,120}?)[’'”\"](?![\w’'])")
# The publisher may stand between the year and the piece: "Arthur Boutellis's 2019 Oxford Research Group analysis".
_AUTHOR_OF = re.compile(r"\b((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.)){1,3})['’]s\s+(?:\d{4}\s+)?"
                        r"(?:(?:[A-Z][\w&-]*\s+){1,4})?"
                        rf"(?:[‘'“\"][^‘’'“”\"]+[’'”\"]\s+)?{_PIECE}\b")
_LEADING = re.compile(r"^(?:(?:In|According|To|The|A|An|By|From|Per|Did|Does|Do|What|How|Why|Which|Who|When|"
                      r"Where)\s+)+")
_NOT_AN_AUTHOR = re.compile(r"\b(?:Council|Assembly|Secretary|General|Nations|Union|Panel|Group of Experts|Committee|"
                            r"Representative|Envoy|Coordinator|Chair|President|"
                            r"Mission|Office|Team|Government|Republic|Kingdom|States)\b")


@dataclass(frozen=True, slots=True)
class Publication:
    """A piece the question asks by its title or author (not a UN document)."""

    title: str | None
    author: str | None

    def describe(self) -> str:
        title = f"“{self.title}”" if self.title else "the piece"
        return f"{title} by {self.author}" if self.author else title

    def matches(self, doc: DocInfo) -> bool:
        """Whether ``doc`` is this piece: its title holds the title asked, or its authors or publisher the name."""
        def plain(text: str) -> str:
            return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
        if self.title and plain(self.title) not in plain(doc.title or ""):
            return False
        if self.author:
            surname = plain(self.author).split()[-1]
            return any(surname in plain(a).split() for a in doc.authors) or plain(self.author) in plain(
                doc.publisher or "")
        return True


def asked_publication(question: str) -> Publication | None:
    """The non-UN piece a question asks about by its quoted title beside a word for a piece ("the 'Still Flying
    Blind' article"), or by "Author's article"; None otherwise (a quoted phrase alone is a wording, not a title)."""
    if find_symbols(question):
        return None
    author = next((name for m in _AUTHOR_OF.finditer(question)
                   if (name := _LEADING.sub("", m.group(1))).count(" ") >= 1 and not _NOT_AN_AUTHOR.search(name)
                   and not parse_references(name).places), None)
    title = None
    for m in _QUOTED_TITLE.finditer(question):
        # Beside the word for the piece ("the 'Still Flying Blind' article", "the report entitled '…'"), or after
        # its author: a capitalised phrase quoted anywhere else is the reader's wording ("… call 'Armed Gangs'").
        before, after = question[max(0, m.start() - 30):m.start()], question[m.end():m.end() + 20]
        if author or re.match(rf"\s*{_PIECE}\b", after, re.I) or re.search(
                rf"\b{_PIECE}\s+(?:(?:en)?titled|called|named)?\s*$", before, re.I):
            title = m.group(1).strip()
            break
    if title is None and author is None:
        return None
    return Publication(title, author)


def label_key(label: str | None) -> str:
    """A paragraph label as compared: ``"7 (c)"``, ``"7(c)"`` and ``"7 (C)"`` → ``"7c"``."""
    return re.sub(r"[\s()]", "", label or "").lower()


def label_wanted(label: str | None, wanted: set[str]) -> bool:
    """Whether a passage's paragraph ``label`` is one of the ``wanted`` keys (:func:`label_key`) a question names:
    "paragraph 11 of the annex" (``annex,11``) names "annex 1, 11" whatever the annex is called; a plain number
    names the body's paragraph only, never an annex's (parse/meta.label_annexes)."""
    key = label_key(label)
    if not key:
        return False
    if key in wanted:
        return True
    annexed = re.match(r"^(annex[^,]*),(.+)$", key)
    return annexed is not None and f"annex,{annexed.group(2)}" in wanted


def doc_places(doc: DocInfo, titles: bool = True) -> set[str]:
    """The countries and missions a document is about (lower case), missions with their country: its detected
    ones, else (unless ``titles`` is False) those its title names (narrowed by its text, see
    :func:`narrow_places`), with the missions of the countries it names (a title says "South Sudan" where a
    report says UNMISS)."""
    # A PDF's places are counted in its text; a one-page resolution naming "the CAR" throughout counts none, and
    # its title ("Resolution 2789 (2025): Central African Republic — Panel of Experts") says it, as the filter reads.
    if doc.missions or not titles:
        top = doc.missions[:4]
        return {p.lower() for p in top} | {MISSION_COUNTRY[m].lower() for m in top if m in MISSION_COUNTRY}
    return _with_counterparts(tuple(doc.about) or _title_place_names(doc.title or ""))


def scored_places(doc: DocInfo) -> set[str]:
    """The places retrieval scores a document by (the place boost, the reranker's feature): as they were fitted,
    a PDF's from its text only; :func:`doc_places` reads its title too."""
    return doc_places(doc, titles=doc.source == "bulk")


def shared_title(title: str | None) -> bool:
    """Whether a Council record's title names several countries: one agenda item for all of them ("Reports of
    the Secretary-General on the Sudan and South Sudan"), so the title alone does not say which one it is about."""
    return sum(p in COUNTRIES for p in _title_place_names(title or "")) > 1


def narrow_places(title: str | None, text: str) -> tuple[str, ...]:
    """Of the countries a shared title names, those the record's text is about: named at least a third as often
    as the most named one ("Sudan" inside "South Sudan" not counted), and any mission of no single country it is
    about (UNISFA). Empty when the title is not shared or the text does not tell (then the title's places stand).
    A South Sudan sanctions renewal and a Darfur one share the title "… on the Sudan and South Sudan"; a question
    on the Sudan Panel must not be answered from the other."""
    if not shared_title(title):
        return ()
    named = _title_place_names(title or "")
    counts = {p: len(re.findall(rf"\b{re.escape(p)}\b", _outside_longer(p, named, text))) for p in named}
    top = max(counts.values())
    keep = tuple(p for p in named if top and counts[p] >= max(1.0, top / 3))
    # A mission of no single country the record is about: UNISFA's renewals (Abyei, between the two) are filed
    # under the same shared title, and keep both countries; the UNISFA filter and question must still find them.
    missions = tuple(m for m in MISSIONS if m not in MISSION_COUNTRY and m in text
                     and len(re.findall(rf"\b{m}\b", text)) >= max(MISSION_MENTIONS, top / 3))
    if missions:
        return (keep or named) + missions
    return keep if keep and len(keep) < len(named) else ()


def source_fingerprint(*parts: str) -> str:
    """A fingerprint of briefbot's source files ``parts`` (paths under the package): what a process derived with
    them and kept (Store.keep) is derived again by another version of them."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for part in parts:
        digest.update((here / part).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def record_places_rules() -> str:
    """A fingerprint of the code and gazetteer that place Council records (this module, the catalogue reader, the
    gazetteer): places kept by an earlier version of them are read again (Store.fill_about)."""
    return source_fingerprint("refs.py", "parse/extract.py", "parse/gazetteer.py", "parse/meta.py")


def record_about(title: str | None, path: str | None, symbol: str | None, date: str | None,
                 text: Callable[[], str]) -> tuple[str, ...]:
    """The places a Council record is about where its title does not settle it (DocInfo.about; ``text`` reads
    its passages, only when needed): of a title shared by several countries, those its text narrows it to
    (:func:`narrow_places`); of a title naming none, only an agenda item ("Resolution 2801 (2025): The situation
    in the Middle East"), those the Council's catalogue record beside the XML names in its description and UNBIS
    subjects ("[on renewal of sanctions against Yemen …]", "YEMEN"), narrowed the same way when several."""
    if shared_title(title):
        return narrow_places(title, text())
    if _title_place_names(title or "") or not (path and symbol and path.lower().endswith(".xml")):
        return ()
    number = resolution_number(symbol)
    year = (number[1] if number else None) or (int(date[:4]) if date and date[:4].isdigit() else None)
    subject = _NOT_A_PLACE.sub(" ", record_subject(Path(path), symbol, year)).replace("'", "’")
    named = _places_named(subject)
    if sum(p in COUNTRIES for p in named) > 1:
        return narrow_places(" and ".join(named), text()) or named
    return named


# A name holding a country's that is not about it: the 1267 regime's "Islamic State in Iraq and the Levant".
_NOT_A_PLACE = re.compile(r"\bIslamic State (?:in|of) Iraq and (?:the )?(?:Levant|Sham)\b", re.I)

MISSION_MENTIONS = 3  # a mission named this often (and a third as often as its top country) is what a record is about


def _with_counterparts(named: tuple[str, ...]) -> set[str]:
    """Places a title names (lower case) with each mission's country and each country's missions."""
    return ({p.lower() for p in named} | {MISSION_COUNTRY[m].lower() for m in named if m in MISSION_COUNTRY}
            | {m.lower() for m, country in MISSION_COUNTRY.items() if country in named})


def about_any(missions: list[str], title: str | None, wanted: list[str], about: Sequence[str] = ()) -> bool:
    """Whether a document is about one of ``wanted`` (the missions and countries a filter names).

    A PDF's detected missions and countries decide, narrowed to those it is about (``about``:
    :func:`dominant_places`); a Council record from Akoma Ntoso or JSONL carries none (they are found by counting
    mentions in PDF text), so the places its title names decide for it (``about``: those its text narrows a shared
    title to), a mission standing for its country: UNMISS picks the South Sudan records of "Reports of the
    Secretary-General on the Sudan and South Sudan"."""
    want = {w.lower() for w in wanted}
    if missions:
        return bool(want & {m.lower() for m in (about or missions)})
    return bool(want & _with_counterparts(tuple(about) or _title_place_names(title or "")))


def places_about(missions: list[str], title: str | None, about: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The missions and countries a document is about as the filter and the library show them: a PDF's detected
    ones narrowed to those it is about (``about``, when known), else (a Council record) those its title names, or
    those its text narrows a shared title to."""
    if missions:
        return list(about or missions)
    return list(tuple(about) or _title_place_names(title or ""))


ABOUT_SHARE = 3  # a place a one-country PDF is about is named at least a third as often as its country
ONE_COUNTRY = 2  # a PDF is about one country when it names it at least twice as often as any other
# Missions of no single country; UNODC, an office every report may cite, is no region.
_REGIONAL = frozenset(m for m in MISSIONS if m not in MISSION_COUNTRY) - {"UNODC"}


def dominant_places(detected: Sequence[str], counts: dict[str, int]) -> tuple[str, ...]:
    """Of a PDF's detected missions and countries (``detected``, in their order), those it is about, given how
    often its text names each (``counts``). A report on one country (named at least twice as often as any other,
    its missions' mentions counted with it) is about the places named at least a third as often, a mission going
    with its country: the Sudan Panel's report names Libya 21 times, as a route, and the Sudan 72 times, so a
    Libya filter does not pick it. A regional office's report (UNOWAS, UNOCA: a mission of no single country)
    and one spread over several countries (a Monitoring Team's, a thematic one) keep every detected place: a
    country's section in them is what they say about it."""
    score: dict[str, int] = {}
    for p in detected:
        country = MISSION_COUNTRY.get(p, p)
        if country in COUNTRIES:
            score[country] = score.get(country, 0) + counts.get(p, 0)
        elif p in _REGIONAL:
            return tuple(detected)  # a regional office's report
    ranked = sorted(score.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] < ONE_COUNTRY * ranked[1]):
        return tuple(detected)
    kept = {c for c, n in score.items() if ABOUT_SHARE * n >= ranked[0]}
    return tuple(p for p in detected if MISSION_COUNTRY.get(p, p) in kept or MISSION_COUNTRY.get(p, p) not in COUNTRIES)


SAME_DECISION = 0.5  # share of the shorter quote's words two quotes of one renewed decision have in common


def same_decision(a: str, b: str) -> bool:
    """Whether two quotes are one decision renewed, worded alike apart from dates and numbers: most of the shorter
    one's words are in the longer ("Decides to extend the mandate of UNMISS until 30 April 2026 / 2027")."""
    words_a, words_b = _decision_words(a), _decision_words(b)
    return bool(words_a and words_b) and len(words_a & words_b) >= SAME_DECISION * min(len(words_a), len(words_b))


def _decision_words(quote: str) -> set[str]:
    return {t for t in terms(quote) if not t[:1].isdigit()} - _MONTH_TERMS


_MONTH_TERMS = terms(MONTHS.replace("|", " "))

# A report or letter recounting what a resolution it names did: "adopted resolution 2752 (2024), in which it
# renewed the sanctions regime", "resolution 2762 (2024), …, by which the Council decided to extend the mandate".
CITED_RESOLUTION = re.compile(r"\bresolution (\d{3,4}) \(\d{4}\)")
_RECOUNTED = re.compile(r"\b(?:renewed|extended|prolonged|decided to (?:extend|renew|prolong))\b")


def recounted_renewal(sentence: str) -> re.Match[str] | None:
    """The resolution a sentence says renewed or extended something (its first citation followed by such a verb),
    or None."""
    cited = CITED_RESOLUTION.search(sentence)
    return cited if cited is not None and _RECOUNTED.search(sentence[cited.end():]) else None


SAME_SUBJECT = 2 / 3  # share of the shorter decision's subject words (below) the other one must have


def same_subject(a: str, b: str) -> bool:
    """Whether two renewing sentences renew the same thing: their words less the renewal formula ("Decides to renew,
    with effect from the date of adoption of this resolution until …") are mostly shared. "… the Panel, with the
    following mandate" (2776 (2025)) and "… the Panel, to consist of up to 5 members, … with the following
    mandate" (2806 (2025)) are; the same formula renewing "the authorizations" is not, though it shares more words
    than either shares with it under :func:`same_decision`."""
    words_a, words_b = (_decision_words(_QUALIFIERS.sub(" ", renewing_part(x))) - _RENEWAL_FORMULA for x in (a, b))
    shorter, longer = sorted((words_a, words_b), key=len)
    return bool(shorter) and len(shorter & longer) >= SAME_SUBJECT * len(shorter)


# Where a renewed thing comes from is not what it is: "the mandate of the Panel of Experts pursuant to resolution
# 2713 (2023)" is "the Panel" of 2776 (2025); and a Panel or Group is one "of Experts".
_QUALIFIERS = re.compile(r"\b(?:(?:as )?(?:set out|set forth|established|imposed|referred to|extended|modified)"
                         r"(?: (?:in|by))?|pursuant to|under|in|of)\s+(?:(?:sub)?paragraphs? [\d, ()a-z]+?(?:and \d+ )?"
                         r"of\s+)?(?:its\s+)?resolutions? \d{3,4}(?: \(\d{4}\))?|\bof Experts\b", re.I)
# What a renewing sentence goes on to say after what it renews: "…, expresses its intention to review the mandate
# and take appropriate action regarding further extension no later than …, and requests the Secretary-General to
# take the necessary administrative measures" closes a Panel's and a Monitoring Team's renewal alike (2801 (2025),
# 2734 (2024)), and outweighed the few words that say which body is renewed.
_AFTERWORD = re.compile(r",\s*(?:and\s+)?(?=(?:further\s+)?(?:expresses|requests|reaffirms|reiterates|underlines|"
                        r"stresses|recalls|affirms|encourages|calls|welcomes|emphasi[sz]es|notes|urges|demands)\b)",
                        re.I)


def renewing_part(sentence: str) -> str:
    """A renewing sentence up to what it goes on to say (:data:`_AFTERWORD`): what it renews."""
    return _AFTERWORD.split(sentence, 1)[0]


# What a renewing sentence renews first: a mission by name, or a body or measures (then no mission is renewed).
_RENEWED_OBJECT = re.compile(rf"\b(?:{'|'.join(MISSIONS)})\b|\b(?:Panel|Group of Experts|Monitoring Team|measures|"
                             r"authori[sz]ations?|arms embargo)\b")


def renewed_object(sentence: str) -> str | None:
    """What a renewing sentence renews: the first mission (its acronym), body or measures its renewing part names
    ("decides to extend UNMHA’s mandate …", "extend until 28 January 2026 the mandate of UNMHA", "Decides that the
    mandate of UNOCI … shall be extended", "Decides that UNSOM, whose mandate … most recently extended by resolution
    2705 (2023), shall be succeeded by UNTMIS"); None when it names none of them."""
    # Not a purpose said on the way: "extend, for the purpose of aligning the timelines for the renewal of the
    # measures and the mandate of the Panel of Experts, the mandate of the Panel" (2791 (2025) para. 3) renews the
    # Panel.
    first = _RENEWED_OBJECT.search(_PURPOSE.sub(" ", renewing_part(sentence)))
    return first.group(0) if first else None


def renewed_missions(sentence: str) -> set[str]:
    """The mission whose mandate a renewing sentence extends by name (:func:`renewed_object`): "extend until 30
    September 2023 the mandate of the Panel of Experts, …, as well as the request to MINUSMA" (2649 (2022))
    renews Mali's Panel, not MINUSMA."""
    renewed = renewed_object(sentence)
    return {renewed} if renewed is not None and renewed in MISSIONS else set()


_RENEWAL_FORMULA = terms("decides further renew extend prolong effect date adoption present resolution until "
                         "paragraph paragraphs set out forth period additional months year")


def sentence_places(text: str) -> set[str]:
    """The countries and missions a sentence names (lower case), with their counterparts: "the Panel of Experts on
    South Sudan" names South Sudan and UNMISS, not the Sudan."""
    return _with_counterparts(_places_named(text))


@lru_cache(maxsize=16384)
def _title_place_names(title: str) -> tuple[str, ...]:
    return _places_named(title)


def _places_named(title: str) -> tuple[str, ...]:
    return tuple(parse_references(title, actors=False).places)


def _on_their_own(places: list[str], text: str) -> list[str]:
    """``places`` less those found only inside a longer one: "Sudan" inside "South Sudan" (and "Guinea" inside
    "Guinea-Bissau") is kept only where the text also names it on its own ("the Sudan and South Sudan")."""
    return [p for p in places if not any(len(q) > len(p) and p.lower() in q.lower() for q in places)
            or re.search(rf"\b{re.escape(p)}", _outside_longer(p, places, text), re.I)]


def _outside_longer(place: str, names: Sequence[str], text: str) -> str:
    """``text`` with the longer ``names`` that contain ``place`` blanked out ("South Sudan" for "Sudan"), so what
    is left names ``place`` on its own (or as its adjective: "Sudanese")."""
    for longer in sorted(names, key=len, reverse=True):
        if len(longer) > len(place) and place.lower() in longer.lower():
            text = re.sub(re.escape(longer), " ", text, flags=re.I)
    return text


def title_places(doc: DocInfo) -> frozenset[str]:
    """The countries and missions a document's title names, lower case; of a shared title, those its text narrows
    it to (DocInfo.about)."""
    return frozenset(p.lower() for p in (doc.about or _title_place_names(doc.title or "")))


@dataclass(slots=True)
class References:
    symbols: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # labels as printed: "12", "7 (c)"
    places: list[str] = field(default_factory=list)  # countries and missions named
    doc_types: list[str] = field(default_factory=list)
    resolutions: list[int] = field(default_factory=list)  # numbers named without a year: "resolution 2780"
    # A paragraph the question says is another resolution's: "paragraph 30 of resolution 687 (1991)" → {"30": 687}.
    paragraph_of: dict[str, int] = field(default_factory=dict)

    def paragraphs_in(self, docs: Iterable[DocInfo]) -> list[str]:
        """The paragraphs named that can be in ``docs``: those said to be of one of them, or of none in
        particular. "What did resolution 2107 (2013) decide on the measures in paragraph 30 of resolution 687
        (1991)?" names no paragraph of 2107 (it abstained: "Paragraph 30 of S/RES/2107 (2013) is not in the
        indexed text")."""
        numbers = {n[0] for d in docs if d.symbol and (n := resolution_number(d.symbol))}
        return [p for p in self.paragraphs if self.paragraph_of.get(p) in (None, *numbers)]

    def __bool__(self) -> bool:
        return bool(self.symbols or self.paragraphs or self.places or self.doc_types or self.resolutions)

    def names(self, doc: DocInfo) -> bool:
        """True when the question names this document by symbol or by bare resolution number."""
        if any(symbols_match(doc.symbol, s) for s in self.symbols):
            return True
        number = resolution_number(doc.symbol) if doc.symbol and self.resolutions else None
        return number is not None and number[0] in self.resolutions

    @property
    def named_any(self) -> bool:
        return bool(self.symbols or self.resolutions)


def asks_term(question: str) -> bool:
    """Whether a question asks until when, or for how long, something was renewed, extended or authorized ("for
    how long can the Committee designate a vessel?" asks how long a listing lasts, not a renewal)."""
    question = _LATEST_FRAME.sub("", question)
    return bool(_TERM_Q.search(question) and _RENEWAL_Q.search(question))


def renewal_subject(question: str, places: bool = True) -> set[str]:
    """The words saying what a renewal question is about ("sanction", "measur", "panel"): not its renewal words or
    numbers, nor (``places`` False) its places. A renewal sentence sharing none of them renews something else."""
    # A place as the question spells it: "Côte d'Ivoire" is the gazetteer's "Côte d’Ivoire", "CAR" the Central
    # African Republic ("the CAR arms embargo" asks about no car).
    asked = [] if places else parse_references(question).places
    named = terms(" ".join([p + " " + p.replace("’", "'") for p in asked]
                           + [a for a, c in COUNTRY_ADJECTIVES.items() if c in asked and a in question]))
    said = terms(IN_FORCE.sub(" ", question))  # "still in force" asks whether it runs, not about a force
    return {t for t in said - _RENEWAL_WORDS - named if not t[:1].isdigit()}


# A term a resolution's paragraph sets: "until 15 May 2026", "through July 1, 2024" (2722 (2024) para. 10), "for a
# period of one year from the date of the adoption" (2240 (2015) para. 7).
SETS_TERM = re.compile(rf"\b(?:until|through)\s+(?:\d{{1,2}} (?:{MONTHS}) \d{{4}}|(?:{MONTHS}) \d{{1,2}},? \d{{4}})|"
                       r"\bfor an? (?:(?:further|initial|additional) )?period of (?:\w+|\d+) (?:months?|years?)\b")


# A date by which the Council asks for something ("to conduct, no later than 15 April 2027, an assessment …", 2821
# (2026) para. 4): restated in each renewal with a new date, so the newest restatement is the one that holds.
DEADLINE = re.compile(rf"\b(?:no later than|not later than|by)\s+(?:\d{{1,2}} (?:{MONTHS}) \d{{4}}|"
                      rf"(?:{MONTHS}) \d{{1,2}},? \d{{4}})")


# When something asked of someone is due: "By what date does the Secretary-General have to deliver his next
# assessment …?", "When is the Panel's final report due?"; not when something was done ("When did the assessment
# team visit …?").
_DUE_Q = re.compile(r"\bby (?:what|which) date\b|\bdeadline\b|\bdue\b|\bno later than\b|"
                    r"\b(?:have|has|required|expected|requested|asked|supposed) to (?:deliver|submit|report|provide|"
                    r"present|conduct|brief|transmit)\b|\bnext (?:report|assessment|briefing|review|update)\b", re.I)


def asks_due(question: str) -> bool:
    """Whether a question asks by when something asked of someone is due (a date to deliver by answers it)."""
    return bool(_DUE_Q.search(question))


IN_FORCE = re.compile(r"\b(?:still )?(?:in (?:force|effect|place)|appl(?:y|ies))\b", re.I)


def specific_subject(question: str) -> set[str]:
    """What a renewal question asks about beyond "the mandate" or "the measures" and its places: {"panel",
    "expert"} for the Yemen Panel of Experts, nothing for UNMISS's mandate (nor for "the authorization for
    UNFICYP": a mission's authorization is its mandate)."""
    subject = renewal_subject(_REGIME_OF_BODY.sub(r"\1", question), places=False) - _GENERIC_SUBJECT
    places = parse_references(question).places
    # How long a mission may "stay" is its mandate's term: "how long can the UN force in southern Lebanon stay?"
    # (read as UNIFIL, glossary) kept "stay" as what is renewed, found no renewal of 2024 saying it and got a
    # report's annex (a ninth-sweep analyst; 2749 (2024) para. 2 was not in the first 100).
    if any(p in MISSIONS for p in places):
        subject -= _MISSION_SUBJECT | _DESCRIBING_A_MISSION
    return subject


# Whose body it is, not what is asked: "the Panel of Experts on the Mali sanctions regime" asks about the Panel (a
# held-out probe got 2649 (2022)'s renewal of the measures, para. 1, for it; the Panel is para. 4). Said with a verb
# too: "the Panel of Experts that monitors the Al-Shabaab sanctions regime" (a probe's "monitors" read as a subject
# word got the Somalia Monitoring Group's 2017 term, 2385 para. 46, for 2806 (2025)'s Panel).
_REGIME_OF_BODY = re.compile(r"\b((?:Panel|Group) of Experts|Monitoring Team)\s+(?:on|for|of|under|"
                             r"(?:that|which|who)\s+(?:monitors?|oversees?|supports?|assists?|watch(?:es)?|tracks?)|"
                             r"monitoring|overseeing|supporting|assisting|watching|tracking)\s+(?:the\s+)?"
                             r"(?:[A-Z][\w'’-]*\s+|\(?\d{3,4}\)?\s+){0,3}(?:sanctions?\s+(?:regime|committee|measures)|sanctions|"
                             r"(?:sanctions\s+)?Committee)\b", re.I)
# Where a mission is and what it does while there, as a question describing it says: "the UN force in southern
# Lebanon", "how long can it stay".
_DESCRIBING_A_MISSION = terms("southern northern eastern western central stay remain operate serve")
# What a question asking about a mission calls the mission or its mandate.
_MISSION_SUBJECT = terms("authorization authorisation authorized authorised peacekeeping peacekeepers force mission "
                         "operation presence deployment")


def renews_subject(specific: set[str], text: str) -> bool:
    """Whether ``text`` renews what :func:`specific_subject` found asked (anything when nothing was): half its words
    or more ("the authorisations" in resolution 2146 (2014) are not those "to inspect vessels … for migrant
    smuggling"); a sanctions regime is renewed as "the measures" (the Mali regime's 2649 (2022)), which a
    mission's mandate is not."""
    if not specific:
        return True
    words = terms(_PURPOSE.sub(" ", text))
    # "the measures" renews a regime, not the Panel extended "… and decides that the Panel's mandated tasks shall
    # … also apply with respect to the measures updated in this resolution" (2819 (2026) para. 24, Libya).
    regime = bool(words & _SANCTIONS_RENEWED) and renewed_object(text) not in RENEWED_BODIES
    met = specific & words | (specific & _SANCTIONS if regime else set())
    return 2 * len(met) >= len(specific)


def ending(sentence: str, specific: set[str], missions: set[str]) -> str | None:
    """What a decision ending a mandate or measures says it ends, verbatim from its verb ("lift the arms embargo
    established in resolution 733 (1992) as amended", 2714 (2023); "terminate MINUSMA’s mandate under resolution
    2640 (2022) as of June 30 2023", 2690 (2023)), when it ends what a term question asks about: the
    :func:`specific_subject` words (half of them, as :func:`renews_subject`), else one of ``missions`` by name. None
    for anything else, and for a condition ("shall be terminated immediately if the Council determines …")."""
    m = _ENDS.search(sentence)
    if m is None:
        return None
    said = _ENDING_AFTERWORD.split(renewing_part(m.group("said")), 1)[0].rstrip(" ,;:.")
    said = re.sub(r"^that,?\s+", "", said)
    if _CONDITION.search(said):
        return None
    if specific:
        return said if renews_subject(specific, said) else None
    return said if any(re.search(rf"\b{re.escape(x)}(?![A-Z])", said) for x in missions) else None  # not UNMISS


def ending_subject(question: str, refs: References) -> tuple[set[str], set[str]]:
    """What a decision ending what a term or ending question asks about must name (:func:`ending`): the question's
    :func:`specific_subject` without its ending verb, and the missions it names."""
    return specific_subject(question) - _ENDING_WORDS, {p for p in refs.places if p in MISSIONS}


def asks_ending(question: str) -> bool:
    """Whether a question asks which decision lifted or ended something, or when ("Which resolution lifted the
    Liberia arms embargo?", "When did the Council terminate MINUSMA's mandate?"), not what a renewal set."""
    return bool(_ENDING_Q.search(question))


_ENDING_WORDS = terms("lift lifted lifting lifts end ended ending ends terminate terminated terminating termination "
                      "withdraw withdrew withdrawn withdrawal first originally initially")
_ENDING_Q = re.compile(r"\b(?:(?:which|what)\s+(?:(?:security\s+)?council\s+)?(?:resolutions?|decisions?)|when\s+did\s+"
                       r"(?:the\s+)?(?:security\s+)?council)\s+(?:\w+\s+)?(?:lift|lifted|end|ended|terminate|"
                       r"terminated|withdr[ae]w)\b|\bwhen\s+(?:was|were)\b[^?]{0,80}?\b(?:lifted|terminated|ended)\b",
                       re.I)


def says_ending(sentence: str) -> bool:
    """Whether a sentence decides to end something (what :func:`ending` reads, before asking what it ends)."""
    return _ENDS.search(sentence) is not None


# "decides to lift …", "Decides to terminate, with immediate effect, …", "Decides to withdraw UNMIS effective 11 July
# 2011", "Decides that UNTMIS shall cease all operations on 31 October 2026": from the verb to the end of the clause.
# A last renewal ends it too: "Decides to extend the mandate of UNMIL … for a final period until 30 March 2018"; so
# does a new name or a successor: "MONUC, shall, as from 1 July 2010, bear the title of … (MONUSCO)" (1925 (2010)).
_ENDS = re.compile(r"\b[Dd]ecides\b(?:,?\s+(?:also|further|therefore))?,?\s+(?:to\s+)?"
                   r"(?P<said>(?:(?:fully|immediately)\s+)?(?:lift|terminate|end|withdraw)\b[^;]*|"
                   r"extend\b[^;]{0,200}?\bfor\s+a\s+final\s+period\b[^;]*|"
                   r"that\b[^;]{1,160}?\bshall,?(?:\s+as\s+(?:from|of)\s+[^,;]{1,40},)?\s+(?:be\s+terminated|terminate|"
                   r"cease\s+(?:to\s+have\s+effect|all\s+operations)|be\s+succeeded\s+by|bear\s+the\s+title)\b[^;]*)")
_CONDITION = re.compile(r"\b(?:if|unless|once|as soon as)\b")
# … and, for the answer's first line, what it ended up to its history ("the measures on arms, previously imposed by
# paragraph 2 of resolution 1521 (2003) and modified by …", 2288 (2016)).
_ENDING_AFTERWORD = re.compile(r",\s*(?:and\s+)?(?=(?:endorses|decides|authori[sz]es|previously|first|as well as|"
                               r"as modified|and modified)\b)")


# What a renewal is for is not what it renews: 2791 (2025) para. 3 extends the Sudan Panel "for the purpose of
# aligning the timelines for the renewal of the measures and the mandate of the Panel of Experts"; para. 1 renews
# the measures.
_PURPOSE = re.compile(r"\b(?:for the purposes? of|in order to|with a view to)\b[^,;]*,", re.I)
_GENERIC_SUBJECT = terms("mandate measures")
# The bodies a renewal names as its object (renewed_object): a Panel, Group, Team or mission, not a regime's measures.
RENEWED_BODIES = frozenset({"Panel", "Group of Experts", "Monitoring Team", *MISSIONS})
# What "the measures" a regime's renewal names stand for: its sanctions, whichever kind is asked ("Is the Yemen asset
# freeze … still in force?" is 2801 (2025)'s "renew … the measures imposed by paragraphs 11 and 15 of 2140").
_SANCTIONS = terms("sanctions regime asset freeze")  # not "ban": "the diamond ban" is one measure, not "the measures"
_SANCTIONS_RENEWED = terms("measures sanctions")
# "When does the mandate of the Panel … expire?" asks the term, as "until when": "expire" is not what is renewed.
_RENEWAL_WORDS = terms("decides renew renewed renews extend extended extends until resolution resolutions paragraph "
                       "paragraphs when long last council security how expire expires expired expiry expiration "
                       # "the latest extension of", "the current term of": how it is asked, not what
                       "renewal renewals extension extensions latest recent most current present term "
                       # "its current expiry date", "the latest end date"
                       "date dates end "
                       # "when does its mandate run out", "before it lapses"
                       "run runs out lapse lapses lapsed "
                       # "how long did the Council keep the Group of Experts going" (a seventh-sweep question)
                       "keep kept keeps going")


# A second thing asked: "…, and for how long was the 2025 extension?", "… and when is its next final report due?"
_SECOND_ASK = re.compile(r",?\s+and\s+(?=(?:for|by|in|to|on|at|from)?\s*(?:how|what|which|who|whom|when|where|"
                         r"whether|until)\b)", re.I)


def asked_parts(question: str) -> list[str]:
    """The parts of a question joined by "and" before another question word, as written (one when it asks one
    thing; answer.sub_questions reads each further)."""
    return [p for p in (p.strip(" ,?") for p in _SECOND_ASK.split(question)) if len(p.split()) >= 2]


# "Until when are the CAR sanctions measures and the mandate of the Panel of Experts extended?": two terms, which a
# renewal often sets in one paragraph (S/RES/2789 (2025), para. 1: the measures to 31 July, the Panel to 31 August).
_MEASURES_NP = r"(?:sanctions\s+)?measures|sanctions(?:\s+regime)?|(?:arms\s+)?embargo|asset\s+freeze|travel\s+ban"
_BODY_NP = (r"(?:the\s+)?(?:(?:mandate|term)\s+of\s+(?:the\s+)?)?(?-i:[A-Z\d][\w'’-]*\s+){0,3}"
            r"(?:(?:Panel|Group)\s+of\s+Experts|Monitoring\s+Team)")
_TWO_TERMS = re.compile(rf"\b(?P<a>{_MEASURES_NP})\s+and\s+(?:of\s+)?(?P<b>{_BODY_NP})|"
                        rf"\b(?P<c>{_BODY_NP})\s+and\s+(?:of\s+)?(?P<d>(?:the\s+)?(?:[^,;?]{{0,40}}?\s)?(?:{_MEASURES_NP}))\b",
                        re.I)


def two_terms(question: str) -> list[str] | None:
    """The two parts of a term question naming both the measures and the body that monitors them, one per term;
    None for other questions."""
    m = _TWO_TERMS.search(question)
    if not m or not asks_term(question):
        return None
    first, second = ("a", "b") if m.group("a") else ("c", "d")
    rest = question[m.end():]
    # The second in the first's place, the words before it kept (the place, the resolution named): "Until when
    # are the Central African Republic the mandate of the Panel of Experts extended?" reads oddly but asks right.
    return [question[:m.end(first)] + rest, question[:m.start(first)] + m.group(second) + rest]


def two_terms_named(question: str) -> tuple[str, str] | None:
    """The two things a :func:`two_terms` question asks the terms of, as it names them ("sanctions measures",
    "mandate of the Panel of Experts"), in its order; None for other questions."""
    m = _TWO_TERMS.search(question)
    if not m or not asks_term(question):
        return None
    first, second = (re.sub(r"^the\s+", "", m.group(g), flags=re.I)
                     for g in (("a", "b") if m.group("a") else ("c", "d")))
    return first, second


def asks_original(question: str) -> bool:
    """Whether a question asks for the first decision of a series ("Which resolution first authorized …?"), which
    later renewals do not answer."""
    question = _ASIDE.sub(" ", question)
    if _NOW_Q.search(question):
        question = _DESCRIBED_ORIGIN.sub(" ", question)
    return bool(_ORIGINAL_Q.search(question))


# "Through what date is the Secretary-General currently required to keep reporting …?": a date asked of what holds
# now, whatever the verb (a browser walk: the passed July 15, 2026 got no note, for no renewal word was asked).
_UNTIL_NOW = re.compile(r"^(?=.*\b(?:until|till|through|to|by)\s+(?:when|what date)\b)"
                        r"(?=.*\b(?:currently|now|at present|presently|still)\b)", re.I)


def asks_term_now(question: str) -> bool:
    """Whether a question asks until when something holds now: a renewal's term (:func:`asks_term`), or a date
    asked with "currently", "now" or "still"."""
    return asks_term(question) or bool(_UNTIL_NOW.search(question))


def asks_current_term(question: str) -> bool:
    """Whether a question asks until when (or for how long) measures or a mandate stand that it names by the
    resolution which set them up, not what that resolution itself decided: "Until when are the Sudan sanctions
    measures under resolution 1591 renewed?" is answered by the latest resolution renewing them (2791 (2025)),
    "How long did resolution 2780 extend the inspections?" by 2780."""
    # "In its March 2025 Somalia sanctions resolution, until when …" names the renewal it asks about by its date.
    origin = bool(_ORIGIN.search(question)) or (bool(_ORIGIN_IN.search(question)) and not _PAST_Q.search(question))
    return (asks_term(question) and origin and not _AGENT.search(question)
            and not asks_original(question) and not question_years(question))


# A question asking for a duration ("what period" too; "during the period of the third report" only dates it).
# "How often must the Panel report?", "at what intervals", "how frequently": asks a frequency, which the Council
# writes "every three months", "every 90 days thereafter", "on an annual basis", "monthly".
HOW_OFTEN_Q = re.compile(r"\bhow (?:often|frequently|regularly)\b|\b(?:at\s+)?what\s+(?:intervals?|frequency)\b|"
                         r"\bhow many times (?:a|per|each|every) (?:year|month|week)\b", re.I)
_EVERY_UNIT = r"(?:days?|weeks?|months?|years?)"
_EVERY_COUNT = r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|other)"
FREQUENCY = re.compile(rf"\bevery\s+(?:{_EVERY_COUNT}\s+)?{_EVERY_UNIT}(?:\s+thereafter)?\b|"
                       r"\b(?:(?:semi-)?annually|monthly|quarterly|yearly|weekly|biannually|biennially|each year|"
                       r"each month)\b|\b(?:once|twice|three times)\s+(?:a|per|each|every)\s+(?:year|month|week)\b|"
                       r"\bon\s+an?\s+(?:annual|monthly|quarterly|weekly|yearly|biannual|semi-annual|six-monthly)\s+"
                       r"basis\b", re.I)
HOW_LONG_Q = re.compile(r"\bhow long\b|\bfor how many (?:months|years)\b|\b(?:what|which) (?:time )?period\b", re.I)
# Until when / how long / expiry, or "last renewed".
# "What is the latest extension of MONUSCO's mandate?", "… the current term of the authorisations …?" ask it too.
# Not "the current mandate" (its tasks) nor "the last period covered by the report".
# Not the latest renewal as the frame of what else is asked ("Under the Council's most recent renewal of the South
# Sudan arms embargo, by what date does the Secretary-General have to deliver his next assessment …?", a held-out
# probe answered with the embargo's term): a clause naming it, then the question.
_FRAMED = r"(?![^,?]{0,120},\s*(?:how|what|when|which|who|whom|whose|where|why|by|until|is|are|does|do|did|must|has)\b)"
_CURRENT_TERM = (rf"\b(?:latest|most recent|last|current|present)\s+(?:renewal|extension)\b{_FRAMED}|"
                 r"\b(?:current|present)\s+(?:term|mandate period)\b")
_LATEST_FRAME = re.compile(r"^\s*(?:under|in|by|with|following|according to)\s+(?:the\s+)?"
                           r"(?:(?:Security\s+)?Council['’]s\s+)?(?:latest|most recent|last|current|newest)\s+"
                           r"(?:renewal|extension|resolution|rollover)\b"
                           r"[^,?]{0,120},\s*", re.I)
# "Are the Haiti sanctions still in force?" asks whether their term has run out: the latest decision answers.
# "What is the latest end date set for the mandate …?" too.
# Only of something the Council renews: "Is the ceasefire still in place?", "the end date of the reporting period"
# ask no term (a second reader).
_RUNS_NOW = (r"\bstill (?:in (?:force|place|effect)|appl(?:y|ies))\b|"
             r"\bend date\b(?!\s+of\s+(?:the\s+|its\s+)?(?:reporting|report|review|period|ceasefire|truce))")
_RENEWABLE = (r"\b(?:sanctions?|measures?|embargo(?:es)?|mandates?|authori[sz]ations?|panel|group of experts|"
              r"monitoring (?:team|group)|mission|asset freeze|travel ban|regime|inspections?)\b")
_NOW_ASKED = rf"^(?=.*?{_RENEWABLE})(?=.*?(?:{_RUNS_NOW}))"
RUNS_NOW_Q = re.compile(_NOW_ASKED, re.I)
CURRENT_TERM_Q = re.compile(rf"{_CURRENT_TERM}|{_NOW_ASKED}", re.I)  # the term running now, asked without "until when"
_TERM_Q = re.compile(rf"\b(?:until|till|through|to|by)\s+(?:when|what date)\b|{HOW_LONG_Q.pattern}|{_CURRENT_TERM}|"
                     r"\b(?:expire|expires|expiry|lapse|lapses|runs? out(?!\s+of)|"
                     r"(?:last|most recently) (?:renewed|extended))\b|"
                     rf"\bwhen\b[^?]*\b(?:renew(?:ed)?|extend(?:ed)?|expire|end|lapse)\b|{_NOW_ASKED}", re.I)
# "Until when are the Yemen sanctions monitors kept on?", "… stay in place?" ask for a renewal's term too.
# "How long will the ban last?" asks a term; "since they last stamped any firearms" dates another act.
# "How long is the Monitoring Team's current mandate, and when does it end?": a mandate's term, in any words; "For
# how long is CTED currently mandated to operate?" too.
# "Through what date is the Secretary-General currently required to keep reporting …?": what is required now until a
# date is something the Council sets and renews (the Red Sea reporting request, extended by 2739 to 2812).
_RENEWAL_Q = re.compile(r"\b(?:renew|extend|prolong|authori[sz]|expir|lapse|in force)\w*|\bmandate[sd]?\b|"
                        r"\blast(?:s|ed|ing)?\b(?!\s+\w+ed\b)|"
                        rf"\bkept (?:on|in place)\b|{_CURRENT_TERM}|"
                        r"\bruns? out\b(?!\s+of)|"
                        r"\b(?:stay|stays|remain|remains) in (?:place|force)\b|\bcontinues? to (?:apply|operate)\b|"
                        # "Until what date do the … measures … currently run?" (a probe got 2146 (2014) itself): what
                        # runs is the renewable thing, and it runs no object ("armed groups currently run the routes").
                        rf"{_RENEWABLE}[^?]{{0,150}}?\b(?:currently|still|now)\s+(?:run|runs|apply|applies)\b"
                        r"(?!\s+(?:the|a|an|their|its|his|her)\b)|"
                        rf"{_NOW_ASKED}", re.I)
_ORIGINAL_Q = re.compile(r"\b(?:first|originally|initially|original)\b", re.I)
# Where a series began as what names it, not what is asked: an aside ("… the illicit petroleum measures (the regime
# first set up in 2014) in force?", a held-out probe answered with the lapsed 1 May 2026), or, in a question about
# the present, a participle naming its year or resolution ("Are the measures originally imposed by resolution 2146
# still in force?"). Not "When was the embargo first imposed in the CAR?".
_ASIDE = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)")
_NOW_Q = re.compile(r"\b(?:currently|now|at present|presently|still|today|in force|as things stand|remains?)\b", re.I)
# What something is now, in any words: "the current troop ceiling", "the latest figure" too.
NOW_ASKED_Q = re.compile(rf"\b(?:current|latest|most recent)\b|{_NOW_Q.pattern}", re.I)
_DESCRIBED_ORIGIN = re.compile(r"\b(?:first|originally|initially)\s+(?:set up|established|imposed|created|introduced|"
                               r"authori[sz]ed|launched|deployed|mandated)\s+(?:in\s+(?:19|20)\d\d|"
                               r"(?:by|under|through)\s+(?:its\s+)?resolution\s+\d{3,4})\b", re.I)
# The resolution as where the measures come from: "under resolution 2146", "(resolution 2713)", "paragraphs 15 and
# 17 of resolution 2182", "established by resolution 1591".
# "extended by resolution 2783" and "In resolution 2182, for how long …" name who decided, so "by" and "in" count
# only after a verb that sets measures up.
# "(the resolution 2146 authorizations)" and "the resolution 2140 measures" name them by it too.
_ORIGIN = re.compile(r"(?:\b(?:under|of|pursuant to|(?:set out|established|imposed|created|adopted|defined) (?:by|in))"
                     r"\s+(?:its\s+)?|\(\s*(?:the\s+)?)resolutions?\s+\d{3,4}\b|"
                     r"\bresolution\s+\d{3,4}\s+(?:measures|authori[sz]ations|sanctions|regime|asset freeze|travel ban|"
                     r"arms embargo)\b", re.I)
# The Council's "the authorisations and the measures in resolution 2146 (2014)" (2769 para. 19) names them by where
# they come from, asked of the present ("Until what date do the measures in resolution 2146 (2014) currently run?"; a
# probe got 2146 itself). Asked of the past, the resolution is the one that decided: "How long were the measures in
# resolution 2769 (2025) extended?", "For how long did the provisions in resolution 2769 extend …?" (a second reader).
_ORIGIN_IN = re.compile(r"\b(?:measures|authori[sz]ations|sanctions|provisions)\s+in\s+resolutions?\s+\d{3,4}\b", re.I)
_PAST_Q = re.compile(r"\b(?:did|were|was|had)\b", re.I)
# The resolution as who decided: "did resolution 2780 extend", "did paragraph 3 of resolution 2791 extend".
_AGENT = re.compile(r"\b(?:did|does|do|has|have|will)\s+(?:(?:operative\s+)?paragraphs?\s+\d{1,3}\s+of\s+)?"
                    r"resolutions?\s+\d{3,4}\b", re.I)


# How readers write a resolution: "res 2645 (2022)", "Res. 2133", "SCR 1325", "UNSCR 2231", "S/RES/1643(2005)".
# The rules read the Council's "resolution 1643 (2005)" ("did resolution 1643 renew …" is the decision asked, not
# the measures' current term; a sweep's "did S/RES/1643(2005) renew …" got 2219 (2015)'s).
_RES_ABBREVIATION = re.compile(r"\b(?:UNSCR|SCR|UNSC\s+[Rr]es\.?|S\.?C\.?\s+[Rr]es\.?|[Rr]es\.?)\s*(?=\d{3,4}\b)")
_RES_SYMBOL = re.compile(r"(?<![\w/])S/RES/(\d{3,4})\b(?:\s*\((\d{4})\))?", re.I)


# Question words mistyped: every rule reads "which", "what", "until" ("wich countries does resolution 2039 …?" got
# no line where "Which countries …?" gets "Benin and Nigeria", an eighth-sweep rewording).
_QUESTION_WORD_TYPOS = {"wich": "which", "whcih": "which", "whihc": "which", "waht": "what",
                        "whta": "what", "untill": "until", "unitl": "until", "hwo": "how", "whe": "when"}
_TYPO = re.compile(r"\b(?:" + "|".join(_QUESTION_WORD_TYPOS) + r")\b", re.I)


def question_as_read(question: str) -> str:
    """The question with each resolution written as the Council writes it ("resolution 2645 (2022)") and its
    question words as every rule reads them ("wich" is "which")."""
    question = _TYPO.sub(lambda m: _retyped(m.group(0)), question)
    question = _RES_ABBREVIATION.sub("resolution ", question)
    return _RES_SYMBOL.sub(lambda m: f"resolution {m.group(1)}" + (f" ({m.group(2)})" if m.group(2) else ""),
                           question)


def _retyped(word: str) -> str:
    right = _QUESTION_WORD_TYPOS[word.lower()]
    return right.capitalize() if word[:1].isupper() else right


def parse_references(question: str, actors: bool = True) -> References:
    """What a question names: symbols, resolutions, paragraphs, places, document types. ``actors`` (questions)
    also reads an armed group working in one country as that country: "the Panel on Al-Shabaab" asks about
    Somalia, not about whichever Panel ranks first. Titles and sentences name their places themselves."""
    refs = References(symbols=find_symbols(question))
    refs.resolutions = [int(m.group("num")) for m in _BARE_RESOLUTION.finditer(question)]
    for m in _NUMBER_LIST.finditer(question):
        refs.resolutions += [n for n in map(int, re.findall(r"\d{3,4}", m.group("nums"))) if n not in refs.resolutions]
    for m in _PARA.finditer(question):
        label = m.group("num") + (f" ({m.group('sub').lower()})" if m.group("sub") else "")
        # An annex numbered anew is named with the paragraph ("annex I, para. 3", as answers cite it, or
        # "paragraph 11 of the annex"): its label says the annex (parse/meta.label_annexes).
        annex = _ANNEX_BEFORE.search(question[:m.start()]) or _ANNEX_AFTER.match(question[m.end():])
        if annex is not None:
            label = f"annex{' ' + annex.group('an') if annex.group('an') else ''}, {label}"
        refs.paragraphs.append(label)
        if owner := _PARA_OF.match(question, m.end()):
            refs.paragraph_of[label] = int(owner.group(1))
    # A name is looked for as a word only where it occurs at all: a title is read for places thousands of times
    # (every Council record's, refs.record_about), and a pattern per name made that ~1 s of a first question.
    # Either apostrophe: the catalogue titles write "Democratic People’s Republic of Korea" and "… People's …"
    # alike, and the curly one named no place (the DPRK's Panel renewals were of no country).
    plain = question.replace("’", "'")
    folded = plain.lower()
    refs.places.extend(missions_named(question))
    for country in COUNTRIES:
        name = country.replace("’", "'")
        if name.lower() in folded and re.search(rf"\b{re.escape(name)}\b", plain, re.I):
            refs.places.append(country)
    for adj, country in COUNTRY_ADJECTIVES.items():
        if adj in question and re.search(rf"\b{adj}\b", question) and country not in refs.places:
            refs.places.append(country)
    # "the 1718 Committee's Panel" asks about the DPRK (a sweep's rewording named no place and got another Panel).
    for m in _REGIME_NUMBER.finditer(question):
        if (regime_country := REGIME_COUNTRY[m.group("num")]) and regime_country not in refs.places:
            refs.places.append(regime_country)
    if actors:
        for pattern, country in _actor_countries():
            if country not in refs.places and pattern.search(question):
                refs.places.append(country)
    refs.places = _on_their_own(refs.places, question)
    for doc_type, pattern in _TYPE_WORDS.items():
        if pattern.search(question):
            refs.doc_types.append(doc_type)
    # "resolution 2769 (2025)" is already a symbol; the word alone says little about the type.
    if refs.named_any and "resolution" in refs.doc_types:
        refs.doc_types.remove("resolution")
    return refs


# How a question leans on an earlier one: it opens as a continuation ("And what did the Panel recommend about it?",
# "What about …"), or refers back with a pronoun ("it", "their", "that" standing alone).
_FOLLOW_OPENER = re.compile(r"^\W*(?:and|also|but|so|then|what about|how about|same for|as for|and what about)\b",
                            re.I)
_FOLLOW_PRONOUN = re.compile(r"\b(?:it|its|they|them|their|theirs)\b|\b(?:this|that|these|those)\b(?=\s*(?:[?.!,;]|$))",
                             re.I)


def follows_on(question: str) -> bool:
    """Whether ``question`` reads as a follow-up of an earlier one (an opener such as "And …" or "What about …",
    or a pronoun leaning back) while naming no country, mission, regime or document of its own: answered on its own
    (each question is), it has nothing to say what "it" is."""
    if not (_FOLLOW_OPENER.search(question) or _FOLLOW_PRONOUN.search(question)):
        return False
    refs = parse_references(question)
    # A name of its own says what the pronoun is: "How much of their goods' value do Madan Sara traders hand
    # over …?" (a browser walk: told a first question that it leaned on an earlier one).
    own = [w for w in re.findall(r"(?<=\s)[A-Z][\w'’-]*", question) if w.rstrip("'’s") not in _GENERIC_NAMES]
    return not (refs.symbols or refs.resolutions or refs.places or own)


# Capitalised words that name no one in particular: "the Panel", "the Security Council", "the UN".
_GENERIC_NAMES = {"Security", "Council", "Panel", "Experts", "Group", "Committee", "Secretary-General", "UN",
                  "United", "Nations", "Member", "States", "Monitoring", "Team", "Mission", "Office", "Report",
                  "Resolution", "Resolutions", "I", "Government", "Governments", "State", "Special", "Representative",
                  "Sanctions", "Board", "General", "Assembly", "Secretariat", "Chair", "Coordinator"}


def missions_named(text: str) -> list[str]:
    """The missions ``text`` names as words (their acronyms, case-sensitive), in gazetteer order."""
    return [m for m in MISSIONS if m in text and re.search(rf"\b{m}\b", text)]


@lru_cache(maxsize=1)
def _actor_countries() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The gazetteer's actors whose region is one country of COUNTRIES ("Al-Shabaab": Somalia, "Houthis": Yemen),
    as (name pattern, country). A region of several ("DRC/Uganda", "Sahel/CAR/Libya") or none ("global") names
    no country: the question stays open."""
    out = []
    for actor in load_actors():
        head = actor.region.split("(")[0].strip()
        country = COUNTRY_ADJECTIVES.get(head, head)
        if "/" not in actor.region and country in COUNTRIES:
            out.append((actor.regex, country))
    return tuple(out)


# A year the question is about: not one inside a symbol or a resolution's "(2025)", nor a treaty's name.
_YEAR = re.compile(r"(?<![/(\d])\b(19[4-9]\d|20[0-4]\d)\b(?!\s*\))(?!/)(?!\s+(?:Convention|Protocol|Act|Agreement)\b)")
_CITED = re.compile(r"\b[Rr]esolutions?\s+\d{3,4}(?:\s*(?:and|,)\s*\d{3,4})*\s*\(\d{4}\)|\b[A-Z]{1,2}/[\w./-]+")
_DECISIONS = ("resolution",)  # Council decisions carry the year they were taken; reports the year after too


def question_years(question: str) -> set[int]:
    """The years a question asks about ("in its 2023 rollover", "between July and December 2024"), not the date of
    the source it cites ("the Secretary-General's mid-2025 report", "… cited by the Secretary-General in mid-2025":
    when it was said, not when what it says happened)."""
    def without_sources(cited: str) -> str:
        return _REGIME_NUMBER.sub(" ", _SAID_IN.sub(" ", REPORT_DATE.sub(" ", _CITED.sub(cited, question))))

    # A cited symbol stands as a number for a year in brackets: "S/RES/2111 (2013)" names a document, not a year.
    return {int(y) for y in _YEAR.findall(without_sources(" "))} | \
        {int(y) for y in _ASIDE_YEAR.findall(without_sources("0"))}


# A year put in brackets at the end of a question, after words, not after a resolution's number: "… must the
# committee be notified (2013)?" (a seventh-sweep rewording was answered from 2776 (2025)). Within it, it names a
# decision as "resolution 2111 (2013)" does: "What is the weapons ban (2024) about?".
_ASIDE_YEAR = re.compile(r"(?<=[A-Za-z,;:])\s*\((19[4-9]\d|20[0-4]\d)\)\s*[?.!]?\s*$")


# A Committee named by the resolution that set it up is no year: "the 1988 sanctions committee", "the Taliban (1988)
# sanctions committee", "the 1970 Committee" (a second reader's question on the 1988 Monitoring Team kept to 1988's
# decisions and found none).
_REGIME_NUMBER = re.compile(rf"\(?\b(?P<num>{'|'.join(sorted(REGIME_COUNTRY, key=len, reverse=True))})\)?"
                            r"(?=\s+(?:sanctions\s+)?(?:committee|regime|list|monitoring team|panel|"
                            r"group of experts)\b)", re.I)


# --- a report named by when it came out: "the Secretary-General's June 2025 report", "its mid-2025 report" -----
_SEASONS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_PAPERS = r"(?i:reports?|letters?|notes?|statements?|briefings?|updates?)"
# "reports of mid-July 2025 clashes": the time of the events reported, not of a report
_EVENTS = (r"(?i:clashes|attacks?|fighting|violence|incidents?|killings?|abductions?|kidnappings?|strikes?|raids?|"
           r"offensives?|floods?|shelling|hostilities|displacement|arrests?|seizures?)\b")
# A document's own date, which says which document, not when what is asked happened: "the Secretary-General's June
# 2025 report", "its mid-2025 report", "the report of 12 March 2025", "the letter dated 3 May", "the UNOWAS report
# of mid-2025", "its report for mid-2025", "the report of mid-July 2025".
# A report's author may stand between: "the August 2025 UNMISS report", "the June 2025 Secretary-General's report"
# (an acronym or the Secretary-General: "the April 2025 Doha Joint Statement" is a statement's name, not a date).
REPORT_DATE = re.compile(rf"\b(?:(?P<s1>(?i:early|mid|late))-?\s?|(?P<m1>{MONTHS})\s+)(?P<y1>(?:19|20)\d\d)\s+"
                         rf"(?:{_PAPERS}|(?:[A-Z]{{2,8}}|Secretary-General['’]s)\s+(?i:reports?))\b|"
                         rf"\b{_PAPERS}\s+(?i:of|for|dated|from|issued in|published in)\s+"
                         rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:(?i:early|mid|late)-?\s?)?(?P<m2>{MONTHS})"
                         rf"(?:\s+(?P<y2>(?:19|20)\d\d))?\b(?!\s+{_EVENTS})|"
                         rf"\b{_PAPERS}\s+(?i:of|for)\s+(?P<s3>(?i:early|mid|late))-?\s?(?P<y3>(?:19|20)\d\d)\b"
                         rf"(?!\s+{_EVENTS})")


# When a source said it: "according to the UNODC study cited by the Secretary-General in mid-2025", "as reported by
# the Panel in March 2025".
# Only with its source ("by …"): "How many abductions were reported in 2024?" asks of 2024.
_SAID_IN = re.compile(rf"\b(?:cited|quoted|reported|published|issued|released|presented|submitted)\s+"
                      rf"by\s+[^,;?]{{1,60}}?\s+in\s+(?:(?i:early|mid|late)-?\s?)?(?:(?:{MONTHS})\s+)?"
                      rf"(?:19|20)\d\d\b")


def report_window(question: str) -> tuple[str, str] | None:
    """The dates (ISO, first and last day) a question's report came out in, when it names the report by them: "the
    Secretary-General's mid-2025 report on the Central African Republic" (May to August 2025: S/2025/383 of 13
    June, not S/2025/97 of February), "MONUSCO … in its June 2025 report"."""
    m = REPORT_DATE.search(question)
    if m is None or not (m["y1"] or m["y2"] or m["y3"]):
        return None
    year = int(m["y1"] or m["y2"] or m["y3"])
    month = m["m1"] or m["m2"]  # "mid-July 2025": the month says more than the season
    if month:
        first = last = MONTH_NUMBER[month.capitalize()]
    else:
        first, last = _SEASONS[(m["s1"] or m["s3"]).lower()]
    return f"{year:04d}-{first:02d}-01", f"{year:04d}-{last:02d}-31"


# --- what happened at a time: "What did the Council decide at its renewal in May 2027?" --------------------------
# The time an event asked about happened: "in May 2027", "on 3 July 2026", "on May 3, 2027", "during 2027", "at its
# renewal in October 2026", "since July 2026", "after May 2027" (from the month after). Not a term or a deadline
# ("until 15 May 2027", "by 2027"): those are stated by earlier documents.
_EVENT_TIME = re.compile(rf"\b(?i:(in|on|at|during|of|since|after))\s+(?:(?i:early|mid|late|mid-)\s*)?"
                         rf"(?:(?:(\d{{1,2}})\s+)?(?:({MONTHS})\s+)?|({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+)"
                         rf"((?:19|20)\d\d)\b(?!\s*\))(?!\s*\(\d{{4}}\))"
                         r"(?!\s+(?:Agenda|Convention|Protocol|Act|Agreement|personnel|troops|officers|people)\b)")
# "What has the Council decided since July 2026?": since a time, the present perfect asks what happened.
_PERFECT_Q = re.compile(r"\b(?:has|have)\s+(?:[\w'’-]+\s+){0,10}?(?:[a-z]{3,}ed|been|made|taken|done|seen|held|said|"
                        r"told|put|set|sent|given)\b", re.I)
# Asked as something that happened: "did", "was adopted", "happened", or a verb in the past ("Which resolution
# renewed …?") in a question with no present or future auxiliary ("Which measures are imposed in 2027?").
_PAST_Q = re.compile(r"\b(?:did|was|were|happened|occurred|took place)\b", re.I)
_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b")
_PRESENT_Q = re.compile(r"\b(?:is|are|does|do|has|have)\b", re.I)
# ... not as a plan, forecast or deadline.
_NOT_PAST_Q = re.compile(r"\b(?:will|would|shall|planned|scheduled|expected|due|foreseen|projected|envisaged|"
                         r"set to|asked to|requested to|to be)\b", re.I)
# A term's end, not a time something happened at: "the mandate that expires in May 2027", "UNIFIL's termination on
# 31 December 2026".
_TERM_END_BEFORE = re.compile(r"\b(?:ends?|ending|expires?|expiring|expiry|expiration|lapses?|runs?|running|lasts?|"
                              r"valid|termination|terminate|deadline|withdrawal)\s*$", re.I)
_LATEST_YEAR = 2040  # "a troop ceiling of 2050" is no year
# What comes before a date that ends a term or sets a deadline: "until 31 May 2027", "no later than 15 May", "until
# 30 April of 2027". The question's time and a passage's mention of it are read alike.
_TERM_BEFORE = re.compile(rf"\b(?:until|till|by|through|to|before|expires? on|expiring on|ending|ends on|"
                          rf"no later than)\s+(?:\d{{1,2}}\s+)?(?:(?:{MONTHS})\s+)?$", re.I)


@dataclass(frozen=True)
class AskedTime:
    """The time a question asks what happened at, as the documents word it, with the first day it covers (ISO) and
    how the question places the event at it ("on" a day, "in" a month or year, "after", "since")."""

    text: str
    start: str
    prep: str = "in"


def asked_time(question: str) -> AskedTime | None:
    """The latest time a question asks what happened at ("What did the Council decide … at its renewal in May
    2027?": May 2027, from 2027-05-01); None for a question not in the past tense, one about a plan ("scheduled",
    "will"), or one naming no time but a term's end or a deadline ("until 15 May 2027", "by 2027", "the mandate
    that expires in May 2027"). "After May 2027" starts on 1 June 2027; "since July 2026" may be asked in the
    present perfect ("What has the Council decided since July 2026?"). Documents dated before it cannot tell what
    happened then, unless they speak of that time (:func:`speaks_of`)."""
    past = _PAST_Q.search(question) or (_PAST_VERB.search(question) and not _PRESENT_Q.search(question))
    if _NOT_PAST_Q.search(question):
        return None
    best: AskedTime | None = None
    plain = _CITED.sub(" ", question)
    for m in _EVENT_TIME.finditer(plain):
        prep, year = m.group(1).lower(), m.group(6)
        day, month = (m.group(2), m.group(3)) if m.group(4) is None else (m.group(5), m.group(4))
        if (day and not month) or int(year) > _LATEST_YEAR or _TERM_END_BEFORE.search(plain, 0, m.start()) \
                or _TERM_BEFORE.search(plain, 0, m.start()) \
                or not (past or (prep == "since" and _PERFECT_Q.search(question))):
            continue
        try:
            first = date(int(year), MONTH_NUMBER[month] if month else 1, int(day) if day else 1)
        except ValueError:  # "31 February 2027" names no day
            continue
        if prep == "after" and day:  # from the day, month or year after the time named
            first += timedelta(days=1)
        elif prep == "after":
            first = date(first.year + first.month // 12, first.month % 12 + 1, 1) if month else \
                date(first.year + 1, 1, 1)
        # Said as the documents say it ("3 May 2027"), so that a passage speaking of it is found (speaks_of).
        text = " ".join(x for x in (str(int(day)) if day else None, month, year) if x)
        if best is None or first.isoformat() > best.start:
            best = AskedTime(text, first.isoformat(), prep if prep in ("after", "since") else "on" if day else "in")
    return best


def speaks_of(text: str, asked: AskedTime) -> bool:
    """Whether ``text`` speaks of the time asked other than as a term's end: "the elections scheduled for December
    2026", not "until 31 December 2026" (an earlier renewal's term says nothing of what happened then)."""
    return any(not _TERM_BEFORE.search(text, max(0, m.start() - 40), m.start())
               for m in re.finditer(rf"\b{re.escape(asked.text)}\b", text))


# --- an attribute of a named thing: "What is the capital of France?" ------------------------------------------------
# Facts a passage must state outright: sharing the words is not enough ("the security working group (France, …)
# convened in Tripoli to discuss security developments in the capital" holds "capital" and "France").
_ATTRIBUTES = ("capital|population|president|vice-president|prime minister|king|queen|monarch|currency|"
               "official language|language|area|gdp|head of state|head of government|mayor|governor|founder|"
               "chief of staff|minister of defence|minister of justice|ambassador")
_ATTRIBUTE_Q = re.compile(rf"^\s*(?:what|who|which)\s+(?:is|was|are|were)\s+the\s+(?:current\s+|present\s+)?"
                          rf"(?P<attr>{_ATTRIBUTES})\s+of\s+(?:the\s+)?"
                          r"(?P<thing>(?-i:[A-Z])[\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z])[\w'’-]*)*)"
                          r"\s*\??\s*$", re.I)


_FIGURE_ATTRIBUTES = frozenset({"population", "area", "gdp", "currency", "language", "official language"})
_NAME = r"(?P<name>(?-i:[A-Z])[\w'’.-]+(?:\s+(?:(?-i:[A-Z])[\w'’.-]+|bin|al|de|du|el|van|von)){0,5})"
# ", Hassan Sheikh Mohamud," right after the attribute; "Tripoli, the capital …" right before it.
_HOLDER_AFTER = re.compile(rf",\s+(?:(?:Mr|Ms|Mrs|Dr|General|Lieutenant General)\.?\s+)?{_NAME}"
                           r"(?=\s*[,;.)]|\s+(?:and|who|has|had|was|is)\b|\s*$)")
_HOLDER_BEFORE = re.compile(rf"(?!(?-i:In|On|At|From|The|During|By|For|To|And|As|With|After|Since)\b){_NAME},\s+"
                            r"(?:the\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class AskedAttribute:
    """What "What is the capital of France?" asks: an attribute ("capital") of a named thing ("France")."""

    attribute: str
    thing: str

    def _stated(self) -> re.Pattern[str]:
        attr = rf"{re.escape(self.attribute)}s?"
        names = [re.escape(self.thing)] + [re.escape(a) for a, c in COUNTRY_ADJECTIVES.items()
                                           if c.lower() == self.thing.lower() and a[0].isupper()]
        thing = "(?:" + "|".join(names) + ")"
        return re.compile(rf"\b{attr}\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?{thing}\b|"
                          rf"\b{thing}(?:'s|’s)?\s+(?:[\w-]+\s+)?{attr}\b", re.I)

    def stated_in(self, sentence: str) -> bool:
        """Whether ``sentence`` states the attribute of the thing: "the capital of France", "France's capital",
        "the Libyan capital" (the thing's adjective), within a few words of each other."""
        return self._stated().search(sentence) is not None

    def holder(self, sentence: str) -> str | None:
        """The name ``sentence`` gives the attribute in apposition: "the President of Somalia, Hassan Sheikh
        Mohamud, confirmed …", "the Libyan capital, Tripoli", "Tripoli, the capital of Libya"; None for any other
        wording ("the resignation of Jean-Bertrand Aristide as President of Haiti" names a former one) and for an
        attribute that is a figure (population, area)."""
        if self.attribute.lower() in _FIGURE_ATTRIBUTES:
            return None
        for m in self._stated().finditer(sentence):
            after = _HOLDER_AFTER.match(sentence, m.end())
            if after:
                return after.group("name")
            before = _HOLDER_BEFORE.search(sentence, 0, m.start()) if self.attribute.lower() == "capital" else None
            if before:
                return before.group("name")
        return None


def asked_attribute(question: str) -> AskedAttribute | None:
    """The attribute of a named thing a question asks for, in its plain form "What/Who is the ATTRIBUTE of THING?"
    with an attribute from :data:`_ATTRIBUTES` and a capitalised name; None for any other question (a mandate,
    a role or a report's finding is answered in other words than the question's)."""
    m = _ATTRIBUTE_Q.match(question)
    if m is None or not m.group("thing")[0].isupper():
        return None
    attr = m.group("attr")
    # "the GDP of Norway": an acronym keeps its capitals in what is said back; "Capital" of a sentence opening not.
    return AskedAttribute(attr if attr.isupper() and not question.isupper() else attr.lower(), m.group("thing"))


def year_fits(doc: DocInfo, years: set[int]) -> bool:
    """A decision of a named year; a report of it or of the next year (a 2025 report covers late 2024)."""
    if not doc.date:
        return False
    year = int(doc.date[:4])
    return year in years or (doc.doc_type not in _DECISIONS and year - 1 in years)


# --- where measures come from: "Which resolution imposed the Libya arms embargo?" ------------------------------
# What was imposed, as a question names it and as a decision words it. A commodity is named alike in both.
_MEASURE_KINDS = (
    (re.compile(r"\b(?:arms|weapons?)\b", re.I), re.compile(r"\b(?:arms|weapons|military equipment)\b", re.I)),
    (re.compile(r"\basset|\bfreez|\bfinancial sanctions?\b", re.I),
     re.compile(r"\bfreez\w*|\bfinancial assets\b", re.I)),
    (re.compile(r"\btravel\b|\bentry\b", re.I), re.compile(r"\btravel\b|\bentry into or transit\b", re.I)),
    # "Which resolution established the Haiti sanctions regime?": the decision imposing its first measures, whichever
    # (2653 (2022) para. 3, a travel ban, then an assets freeze and an arms embargo).
    (re.compile(r"\bsanctions?\s+(?:regime|measures)\b|\bregime\b", re.I),
     re.compile(r"\b(?:arms|weapons|military equipment)\b|\bfreez\w*|\bfinancial assets\b|\btravel\b|"
                r"\bentry into or transit\b", re.I)),
)
_COMMODITY = re.compile(r"\b(charcoal|diamonds?|timber|logs|petroleum|crude oil|oil|gold|coltan|cassiterite|"
                        r"wolframite|tantalum|ivory|wildlife|sugar|cocoa|cotton|fish|minerals)\b", re.I)
# How decisions name a commodity a question names: a pattern, and words to scan passages for.
_COMMODITY_SAID = {
    "diamond": ("diamonds?", ("diamond",)), "diamonds": ("diamonds?", ("diamond",)),
    "crude oil": ("oil|petroleum", ("oil", "petroleum")), "oil": ("oil|petroleum", ("oil", "petroleum")),
    "petroleum": ("petroleum|oil", ("petroleum", "oil")),
    "logs": ("logs|timber", ("logs", "timber")), "timber": ("timber|logs", ("timber", "logs")),
    "minerals": ("minerals?|natural resources", ("mineral", "natural resources")),
}
_IMPOSING_Q = re.compile(r"\b(?:which|what)\s+(?:(?:security\s+)?council\s+)?(?:resolutions?|decisions?)\s+"
                         r"(?:\w+\s+)?(?:imposed|established|introduced|banned|instituted|put|placed)\b|\bwhen\s+did\s+"
                         r"(?:the\s+)?(?:security\s+)?council\s+(?:first\s+)?(?:impose|establish|introduce|ban|put|place)\b|"
                         r"\bwhen\s+(?:was|were)\b[^?]{0,80}?\bimposed\b|\bfirst\s+(?:imposed|put|placed)\b", re.I)
# "the measures imposed by paragraph 9 of resolution 1970 (2011)", "the arms embargo established in resolution 733
# (1992)", "as set out in paragraph 22 of its resolution 2036 (2012)".
ORIGIN_REFERENCE = re.compile(r"\b(?:imposed|established|set out|introduced)\s+(?:by|in|under)\s+(?:its\s+)?"
                              r"(?:paragraphs?\s+(?P<paras>\d+(?:\s?\([a-z]{1,4}\))*(?:(?:\s*,\s*|,?\s+and\s+|\s+to\s+)"
                              r"\d+(?:\s?\([a-z]{1,4}\))*)*)\s+of\s+(?:its\s+)?)?"
                              r"(?P<res>resolution\s+(?P<num>\d{3,4})\s*\((?P<year>\d{4})\))")
# A decision imposing measures in its own words: "Decides that all States shall take the necessary measures to
# prevent …", "Decides to impose …"; not one renewing or recalling them.
# "all states shall" (1556 (2004)), "all States, including the Democratic Republic of the Congo, shall" (1493 (2003)).
_IMPOSES = re.compile(r"\b[Dd]ecides\b[^;]{0,200}?\bthat\b[^;]{0,120}?\ball\s+(?:[Mm]ember\s+)?[Ss]tates\b[^;]{0,80}?"
                      r"\bshall\b|"
                      r"\b[Dd]ecides\s+(?:also\s+|further\s+)?to\s+impose\b")
_NOT_IMPOSING = re.compile(r"\b(?:further period|renew\w*|extend\w*|continue\w*|reaffirm\w*|recall\w*|"
                           r"shall not apply|exempt\w*|exception)\b", re.I)
ORIGIN_NEEDLES = ("imposed by", "imposed in", "imposed under", "established by", "established in",
                  "established under", "set out in paragraph", "introduced by", "all States", "all Member States",
                  "to impose")


# "What is the arms embargo on Libya?": what the measures are, which the decision imposing them says first (a browser
# walk got a 2021 call to implement it, the 2011 exemptions and 2014 notification rules, never 1970 (2011) para. 9).
_WHAT_MEASURE_Q = re.compile(r"^\s*what\s+(?:is|are|was|were)\s+the\s+(?:(?:UN|United Nations|Security Council|"
                             r"Council)['’]?s?\s+)?(?:arms\s+embargo|asset\s+freeze|travel\s+ban|"
                             r"sanctions(?:\s+regime)?|[a-z]+\s+(?:ban|embargo))\s+(?:on|against|imposed\s+on|for|in)\s+"
                             r"[^?]{2,60}\??\s*$", re.I)


def asks_what_measure(question: str) -> bool:
    """Whether a question asks what measures on a place are ("What is the arms embargo on Libya?"): the decision
    imposing them leads, as for :func:`asks_imposition`, but an answer need not be that decision."""
    return bool(_WHAT_MEASURE_Q.match(question))


def asks_imposition(question: str) -> bool:
    """Whether a question asks which decision imposed measures, or when ("Which resolution imposed the ban on
    Somali charcoal exports?", "When was the arms embargo on the CAR first imposed?"); not one asking which made
    something a designation criterion (:func:`asks_criterion`)."""
    return bool(_IMPOSING_Q.search(question)) and not asks_criterion(question)


# --- where a designation criterion comes from: "Which resolution first added gold to the CAR designation criteria?"
_CRITERION_Q = re.compile(r"\b(?:designation|listing)\s+criteri(?:on|a)\b|\bcriteri(?:on|a)\s+for\s+(?:designation|"
                          r"listing|sanctions)\b|\bgrounds?\s+for\s+(?:designation|listing)\b", re.I)
# … or "Which designation criterion of the South Sudan regime names wildlife trafficking?": one a decision set.
_WHICH_OR_WHEN_Q = re.compile(r"\b(?:which|what)\s+(?:(?:security\s+)?council\s+)?(?:resolutions?|decisions?)\b|"
                              r"\b(?:which|what)\s+(?:designation\s+|listing\s+)?criteri(?:on|a)\b|\bwhen\b", re.I)
# How a resolution words a designation criterion: the list's lead-in ("the individuals and entities designated by
# the Committee as: …", "the following individuals, and, as appropriate, entities, as designated by the Committee:
# …", "acts that threaten the peace … may include, but are not limited to: …") or the criterion itself ("the
# Committee may designate individuals and entities engaged in such commerce").
# Not "vessels designated by the Committee pursuant to paragraph 11" (2146 (2014): ships, and no criterion).
CRITERION_TEXT = re.compile(r"\bdesignated\s+by\s+the\s+Committee\s+as\b|\bas\s+designated\s+by\s+the\s+Committee\b|"
                            r"\bapply\s+to\s+the\s+following\s+individuals\b|"
                            r"\bCommittee\s+(?:may|to|shall)\s+designate\s+(?:individuals|entities|persons)\b|"
                            r"\bmay\s+include,?\s+but\s+(?:are|is)\s+not\s+limited\s+to\b|"
                            r"\b(?:designation|listing)\s+criteri(?:on|a)\b", re.I)


# What a decision did to the criteria: "made … a designation criterion", "first added gold to …", not "asked the Panel
# to report on the designation criteria relating to gold".
_CRITERION_VERB = re.compile(r"\b(?:ma[dk]es?|making|add(?:s|ed|ing)?|introduc\w+|includ\w+|bec[ao]me|first|nam\w+|"
                             r"extend\w*|expand\w*|broaden\w*|put|turn\w*)\b", re.I)


def asks_criterion(question: str) -> bool:
    """Whether a question asks which decision made a commodity's trade a designation criterion of a sanctions
    regime, or added it to one ("Which resolution made trading in Somali charcoal a designation criterion?",
    "Which resolution first added gold to the natural-resources designation criterion of the CAR regime?")."""
    return bool(_CRITERION_Q.search(question) and _WHICH_OR_WHEN_Q.search(question)
                and _CRITERION_VERB.search(question) and _COMMODITY.search(question))


def commodity_named(question: str) -> str | None:
    """The commodity a question names, as it names it ("diamonds"); None when it names none."""
    m = _COMMODITY.search(question)
    return m.group(1).lower() if m else None


def commodity_needles(question: str) -> tuple[str, ...]:
    """The words passages name the question's commodity by, to look for ("diamond" for "diamonds", "natural
    resources" for "minerals": the DRC's criteria say "natural resources, including gold"); () when it names none."""
    word = commodity_named(question)
    return _COMMODITY_SAID.get(word, ("", (word,)))[1] if word else ()


def measure_named(question: str) -> re.Pattern[str] | None:
    """How a decision names the measures a question asks about (arms, an assets freeze, a travel ban, a
    commodity); None when it asks about none of them ("which resolution established the Panel?")."""
    if word := commodity_named(question):
        stem = _COMMODITY_SAID.get(word, (re.escape(word), ()))[0]
        return re.compile(rf"\b(?:{stem})\b", re.I)
    return next((said for asked, said in _MEASURE_KINDS if asked.search(question)), None)


@dataclass(frozen=True, slots=True)
class OriginSentence:
    """A resolution sentence as the origin of measures reads it, matched once per catalog version: where it names
    the resolution that imposed something ("the measures on arms, previously imposed by paragraph 2 of resolution
    1521 (2003)": start, number, year, paragraphs, "resolution 1521 (2003)"), and where it imposes something in its
    own words ("Decides that all States shall take the necessary measures to prevent …"; -1 when it does not: a
    renewal, a recital or an exemption)."""

    text: str
    references: tuple[tuple[int, int, int, str | None, str], ...]
    imposes_at: int

    def named(self, measure: re.Pattern[str]) -> list[tuple[int, int, int, str | None, str]]:
        """The references naming where the measures ``measure`` describes come from: the measures named close
        before ("the ban on … Somali charcoal, as set out in paragraph 22 of its resolution 2036 (2012)")."""
        out = []
        start = 0
        for ref in self.references:
            if measure.search(self.text, max(start, ref[0] - ORIGIN_WINDOW), ref[0]):
                out.append(ref)
            start = ref[0]
        return out

    def imposes(self, measure: re.Pattern[str]) -> bool:
        """Whether it imposes the measures ``measure`` describes in its own words."""
        return self.imposes_at >= 0 and measure.search(self.text, self.imposes_at) is not None

    def kept(self) -> list[Any]:
        """As JSON, for the next process (Store.keep): what it read, so that process need not read it again."""
        return [self.text, [list(r) for r in self.references], self.imposes_at]

    @classmethod
    def from_kept(cls, value: list[Any]) -> OriginSentence:
        text, references, imposes_at = value
        return cls(text, tuple((int(a), int(n), int(y), p, str(r)) for a, n, y, p, r in references), int(imposes_at))


def origin_sentence(sentence: str) -> OriginSentence | None:
    """``sentence`` read for where measures come from; None when it neither names nor imposes any."""
    references = tuple((m.start(), int(m.group("num")), int(m.group("year")), m.group("paras"), m.group("res"))
                       for m in ORIGIN_REFERENCE.finditer(sentence))
    m = _IMPOSES.search(sentence)
    # Renewal words come before "all States shall" ("Decides, for a further period …, that"; "shall continue to");
    # the exemptions after it are part of imposing ("…; and decides further that this measure shall not apply").
    imposing = m is not None and not references and not _NOT_IMPOSING.search(sentence, 0, m.end() + 30)
    if not references and not imposing:
        return None
    return OriginSentence(sentence, references, m.start() if imposing and m is not None else -1)


ORIGIN_WINDOW = 150
