"""The extractive engine's confidence model: whether the top passages answer the question, or it should abstain.

:func:`confidence_features` reads the question, the retrieved passages and the answer stage's scored sentences;
:class:`ConfidenceModel` (a logistic regression fitted on the dev half of the gold set by
``evals/fit_confidence.py``, coefficients in ``briefbot/data/confidence.json``) turns them into a probability.
The answer stage (:mod:`briefbot.answer`) calls both; nothing here imports it at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .cite import terms
from .glossary import credited
from .models import Hit
from .parse.gazetteer import DURATION_RE, MONTHS
from .symbols import resolution_number
from .tables import asked_row

if TYPE_CHECKING:
    from .answer import Candidate

FEATURES = ("dense", "overlap", "missing", "similarity", "lexical", "named", "named_absent", "typed",
            "type_found", "lead_missing", "lead_rare_missing", "slot_fill", "slot_fill_similarity")
TYPE_CHECK_SENTENCES = 3
SLOT_CHECK_SENTENCES = 8  # the best-scored sentences searched for one that fills the asked slot
SLOT_WINDOW = 80  # characters either side of a span that its focus words must sit in (dev CV: 40-80 best)
HEAD_WINDOW = 30  # characters between a name and the word whose name is asked ("the boat", "as coordinator")


def confidence_features(hits: list[Hit], candidates: list[Candidate], q_terms: set[str],
                        weight: Callable[[str], float], named: bool, named_absent: bool,
                        holds_asked: Callable[[str], bool] | None = None,
                        idf_ceiling: float = 1.0, question: str = "", asked: str | None = None) -> list[float]:
    """What the confidence model reads: the best passage's dense similarity, the best sentence's word coverage,
    the IDF share of question words no top passage holds, the best sentence's own similarity, whether BM25 found
    anything, whether the question named a document that was found, whether it named one that was not, and, for
    a question asking for a date, duration, amount of money or count of something (``holds_asked`` tells whether
    a sentence states one; None for other questions), whether one of the best sentences states one (a near miss
    holds the topic but not the figure: "how many tons of captagon"); and the IDF share of question words the
    leading passage lacks (a near miss finds the topic there but not the place, group or commodity asked about:
    "Zamfara", "lithium", "mobile money") and the IDF of the rarest one it lacks, as a share of ``idf_ceiling``
    (the IDF of a word no passage holds). Last, whether the asked fact is there, not just the topic
    (:func:`slot_fill`): the focus-word coverage and the model similarity of the best sentence that holds a span of
    the asked kind (``asked``: the answer stage's :func:`briefbot.answer.answer_type`, widened by
    :func:`asked_slot`)."""
    best_dense = max((h.dense_score or 0.0 for h in hits[:5]), default=0.0)
    best_overlap = max((c.overlap for c in candidates), default=0.0)
    best_sim = max((c.similarity for c in candidates), default=0.0)
    lexical = 1.0 if any(h.lexical_rank for h in hits[:5]) else 0.0
    found = 0.0
    if holds_asked is not None:
        best = sorted(candidates, key=lambda c: -c.score)[:TYPE_CHECK_SENTENCES]
        found = float(any(holds_asked(c.hit.chunk.text[c.start:c.end]) for c in best))
    lead = max(candidates, key=lambda c: c.score).hit if candidates else None
    seen = passage_terms(lead) if lead else set()
    seen |= credited(question, seen)
    absent = [weight(t) for t in q_terms if t not in seen]
    total = math.fsum(weight(t) for t in q_terms) or 1.0
    kind = asked_slot(question, asked)
    fill, fill_sim = slot_fill(question, candidates, q_terms, weight, kind)
    return [best_dense, best_overlap, _missing(question, q_terms, hits, weight), best_sim, lexical, float(named),
            float(named_absent), float(holds_asked is not None), found, math.fsum(absent) / total,
            max(absent, default=0.0) / idf_ceiling, fill, fill_sim]


# What the question asks for, beyond the answer stage's date / duration / money / count.
RESOLUTION_Q = re.compile(r"\b(?:which|what) (?:(?:security )?council )?resolutions?\b|"
                          r"\bwhich (?:(?:security )?council )?decision\b", re.I)


def names_resolution(question: str, symbol: str | None) -> bool:
    """Whether the question names this resolution by its number ("resolution 2769"); its year alone does not:
    "which resolution … in 2025?" does not name S/RES/2769 (2025)."""
    number = resolution_number(symbol) if symbol else None
    return number is not None and str(number[0]) in re.findall(r"\d{3,4}", question)

# "How much of their goods' value do traders hand over?" asks a part of a sum: a share, not a sum of money.
_SHARE_Q = re.compile(r"\b(?:what|which) (?:share|proportion|percentage|portion|fraction)\b|\bper cent\b|"
                      r"\bhow much of\b(?=[^?]{0,40}\b(?:value|worth|income|revenues?|earnings|budget|profits?|"
                      r"price|takings|turnover)\b)", re.I)
_SIZE_Q = re.compile(r"\bceiling\b|\bhow (?:large|big|high)\b", re.I)
_NAME_Q = re.compile(r"\bwho\b|\bname of\b|\bwhich (?:company|companies|vessels?|tankers?|ships?|broker|"
                     r"individuals?|persons?|people|officials?|groups?|gangs?|entit(?:y|ies)|firms?|militias?)\b", re.I)
_PLACE_Q = re.compile(r"\bwhere\b|\bwhich (?:country|countries|city|town|state|province|region|port)\b", re.I)
# Words that say which slot is asked, not what it is about: the span itself stands for them.
_SLOT_WORDS = terms("how many much cost price value worth paid revenue amount number total when date until long "
                    "period year name who which where country resolution per")
# Spans of each kind. A figure, date or resolution number the question itself states does not fill its slot.
# A sum of money, in the signs, codes and currency names reports use ("$512.82", "SDG 1 million", "usd. 112.5
# million", "22.5 billion Libyan dinars"); the answer stage reads sums with the same pattern.
CURRENCY_CODES = r"(?:USD|EUR|CHF|GBP|SDG|SSP|HTG|LYD|LD|SOS|KES|XAF|XOF|CDF)"
MONEY = re.compile(rf"(?:US\$|\$|€|£|\b(?i:{CURRENCY_CODES}|afghanis?)\.?)\s?\d|"
                   r"\d[\d,.]*\s?(?:(?i:million|billion|trillion)\s)?(?:[A-Z][A-Za-z]+\s){0,2}(?i:dollars|euros|pounds|"
                   r"gourdes|shillings|dinars|francs|afghanis|naira|nairas|birr|rupees|riyals|dirhams|pesos|yuan|roubles|rubles|"
                   r"leones|cedis|kwacha|ouguiyas?)\b")
# A share in words answers "what share" as well as digits: "Three-quarters of current UN peace operations".
_PERCENT = re.compile(r"\d[\d.,]*\s?(?:per ?cent|%)|\b(?:half|(?:one|two|three|four|a)[ -](?:thirds?|quarters?|"
                      r"fifths?|tenths?)|majority|minority)\b", re.I)
_FIGURE = re.compile(r"(?<![\w/.])\d[\d,]*(?:\.\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"eleven|twelve|dozens|hundreds|thousands)\b", re.I)
# A reference, not a figure: "resolution 2428", "paragraphs 9 and 12", "S/2025/", "(2018)".
# A volume or part of a publication is no figure either: "Afghanistan Drug Insights Volume 4" (a held-out probe got
# "**4**" for an opium estimate).
NOT_A_FIGURE = re.compile(r"(?:resolutions?|paragraphs?|paras?\.|S/|annex|No\.|(?-i:Volume|Vol\.|Part|Chapter|Phase))"
                          r"\s*(?:\d+(?:\s?\([a-z]+\))?(?:,\s*|\s+and\s+|\s+to\s+))*$|\(\s*$", re.I)
_DAY_MONTH = re.compile(rf"\d{{1,2}} (?:{MONTHS})")
_DATE = re.compile(rf"\b(?:\d{{1,2}} (?:{MONTHS}) \d{{4}}|(?:{MONTHS}) \d{{4}}|(?:{MONTHS}) \d{{1,2}}|"
                   rf"\d{{1,2}} (?:{MONTHS}))\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RESOLUTION = re.compile(r"\bresolutions?\s+(\d{3,4})|S/RES/(\d{3,4})")
_NAME = re.compile(r"\b[A-Z][a-z'’-]+(?:\s(?:[A-Z][a-z'’-]+|al-|bin|of|de|el-))*\s[A-Z][a-z'’-]+\b|\b[A-Z]{2,}[a-z]*\b")
# Capitalised words of any UN sentence that name no one in particular.
_GENERIC = terms("Security Council Member States United Nations Panel Experts Group Committee Secretary-General "
                 "Government Republic Office Mission Special Representative National Police Report Resolution "
                 "Annex Council Decides Requests Calls Urges Notes Welcomes Expresses Recalling")


# "Did the Council …?" asks whether; "…, and under which resolution?" adds a question that does ask for a span.
_YES_NO_Q = re.compile(r"^\s*(?:did|does|do|is|are|was|were|could|can|has|have|had|would|will|should|may|must)\b",
                       re.I)
_WH_PART = re.compile(r",?\s+and\s+(?:for |by |in |under |to |from )?(?:how|what|which|who|whom|when|where|until)\b",
                      re.I)


def asked_slot(question: str, asked: str | None) -> str | None:
    """The kind of span that answers the question: ``resolution`` or ``percentage`` first (they are also worded
    as counts), then the answer stage's ``asked`` kind (date / duration / money / count), then a size asked as
    a ceiling, a name (who, the name of, which company / vessel / group) or a place; None for other questions,
    and for a yes/no question ("Did the experts who monitor sanctions …?" asks for no name) unless it goes on to
    ask one ("…, and where?")."""
    if _YES_NO_Q.match(question):
        m = _WH_PART.search(question)
        if not m:
            return None
        question = question[m.end() - len(m.group(0).split()[-1]):]
    if RESOLUTION_Q.search(question):
        return "resolution"
    if _SHARE_Q.search(question):
        return "percentage"
    if asked:
        return asked
    if _SIZE_Q.search(question):
        return "count"
    if _NAME_Q.search(question):
        return "name"
    if _PLACE_Q.search(question):
        return "place"
    return None


def slot_spans(kind: str, question: str, sentence: str) -> list[tuple[int, int]]:
    """Where ``sentence`` states a span of ``kind`` that the question does not already state itself."""
    own = set(re.findall(r"\d[\d,.]*", question))
    if kind == "money":
        # A price table's cells are sums though no sign stands beside them (their column says the currency): those
        # of the row the question names ("a DShK machine gun: Not specified" has none).
        row = asked_row(question, sentence)
        return [m.span() for m in MONEY.finditer(sentence)] + [(a, b) for a, b, _ in (row.cells if row else ())]
    if kind == "percentage":
        return [m.span() for m in _PERCENT.finditer(sentence)]
    if kind == "duration":
        return [m.span() for m in DURATION_RE.finditer(sentence)] + [m.span() for m in _DATE.finditer(sentence)]
    if kind == "date":
        q_terms = terms(question)
        return ([m.span() for m in _DATE.finditer(sentence) if not terms(m.group(0)) <= q_terms]
                + [m.span() for m in _YEAR.finditer(sentence) if m.group(0) not in own])
    if kind == "count":
        return [m.span() for m in _FIGURE.finditer(sentence)
                if m.group(0) not in own and not _YEAR.fullmatch(m.group(0))
                and not NOT_A_FIGURE.search(sentence[max(0, m.start() - 40):m.start()])
                and not _DAY_MONTH.match(sentence, m.start())]  # a date, not a figure
    if kind == "resolution":
        return [m.span() for m in _RESOLUTION.finditer(sentence) if (m.group(1) or m.group(2)) not in own]
    if kind in ("name", "place"):
        q_terms = terms(question) | _GENERIC
        return [m.span() for m in _NAME.finditer(sentence)
                if m.start() > 0 and (t := terms(m.group(0))) and not t <= q_terms]
    return []


def slot_fill(question: str, candidates: list[Candidate], q_terms: set[str], weight: Callable[[str], float],
              kind: str | None) -> tuple[float, float]:
    """Whether the top sentences hold the asked fact, not only its topic: among the best-scored sentences, the
    largest IDF share of the question's focus words (its words less those naming the slot: "how much", "price",
    "which resolution") found within ``SLOT_WINDOW`` characters of a span of the asked ``kind`` (in the whole
    sentence when the question asks for no kind), and the largest model similarity of a sentence holding such a
    span. A near miss has the topic in one place and a figure in another ("Al-Shabaab revenues … $100 million"
    for a question on charcoal revenue), or no span of the kind at all (a ransom that is not reported). A
    question asking which resolution did something is also filled by a sentence of a resolution it does not
    name. Spans must be of the thing asked (:func:`typed_spans`): "70 detainees" does not fill "how many tons of
    captagon", nor "North-East Department" "the name of the boat"."""
    focus = {t for t in q_terms if t not in _SLOT_WORDS}
    total = math.fsum(weight(t) for t in focus) or 1.0
    fill = similarity = 0.0
    for c in sorted(candidates, key=lambda c: -c.score)[:SLOT_CHECK_SENTENCES]:
        sentence = c.hit.chunk.text[c.start:c.end]
        itself = (kind == "resolution" and c.hit.doc.doc_type == "resolution"
                  and not names_resolution(question, c.hit.doc.symbol))
        if kind is None or itself:
            windows = [sentence]
        else:
            spans = typed_spans(kind, question, sentence, slot_spans(kind, question, sentence))
            windows = [sentence[max(0, a - SLOT_WINDOW):b + SLOT_WINDOW] for a, b in spans]
        if windows:
            fill = max(fill, max(math.fsum(weight(t) for t in focus & held(question, w)) / total for w in windows))
            similarity = max(similarity, c.similarity)
    return fill, similarity


def held(question: str, text: str) -> set[str]:
    """The words of ``text`` and the question's words it holds in the Council's wording (the glossary)."""
    seen = terms(text)
    return seen | credited(question, seen)


_UNIT_STOP = terms("of were was did do does had have has are is in at from for to could can would will by on "
                   "per that the a an this these those its their reported times occasions")
# "how many tons of captagon", "how many Glock pistols", "how much gold": what the figure must count.
_UNIT_Q = re.compile(r"\bhow (?:many|much)\s+((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)", re.I)
# Words a figure may count instead of the question's own: "tonnes" for tons, "firearms" for guns (not the
# reverse: "37 firearms" does not say how many of them were Glock pistols).
_UNIT_ALSO = {"ton": terms("tonnes metric"), "tonn": terms("tons metric"),
              "gun": terms("firearms weapons rifles pistols arms"),
              "weapon": terms("firearms arms rifles pistols guns"),
              "firearm": terms("weapons arms rifles pistols guns"),
              "ship": terms("vessels boats tankers"), "vessel": terms("ships boats tankers"),
              "boat": terms("vessels ships"),
              "kilogram": terms("kilos") | {"kg"}, "kilo": terms("kilograms") | {"kg"},  # "kg" is too short a term
              "troop": terms("soldiers personnel peacekeepers"), "soldier": terms("troops personnel"),
              # "How many people could serve on the Liberia expert panel …?": "a Panel of Experts consisting of up
              # to five members" (1521 (2003), para. 22; an eighth-sweep abstention)
              "peopl": terms("persons individuals civilians suspects migrants refugees nationals members experts"),
              "person": terms("people individuals civilians nationals"),
              "victim": terms("persons individuals civilians people"),
              # "how many informal detention sites" are "at least six unofficial detention centres" (S/2025/509,
              # para. 75; a held-out probe)
              "site": terms("centres facilities"), "centr": terms("sites facilities"),
              "facil": terms("sites centres"),
              # "how many detainees got out in the jailbreaks" are "the escape of 7,208 prisoners" (S/2025/176,
              # para. 64, a sweep's question), not "the release of 221 detainees" in the paragraph before
              "detaine": terms("prisoners inmates"), "prison": terms("detainees inmates"),
              "inmat": terms("prisoners detainees"),
              # "how many SAMIDRC personnel have been killed": "As regards SAMIDRC, 23 people have been killed"
              # (S/2025/73, a sweep's question)
              # (not "officers" or "troops": "how many personnel" did the Bahamas commit is not the mission's "991
              # officers", S/2025/472)
              "personnel": terms("people persons")}


# The things counted that have other words for them (a figure of "prisoners" is of a thing of its own, not a part).
COUNTED_UNITS = frozenset(_UNIT_ALSO)


def _unit_terms(question: str) -> set[str]:
    """The words naming what a "how many / how much" question counts: its noun phrase up to the first function
    word ("tons" of captagon, "Glock pistols", "gold" bars); empty when the question counts nothing named
    ("how many times": occasions are stated in many ways)."""
    m = _UNIT_Q.search(question)
    if not m:
        return set()
    out: set[str] = set()
    for word in m.group(1).split():
        if word.lower() in ("and", "or"):
            continue  # "how many women and children": either is counted, as counted_noun reads it
        t = terms(word)
        if not t or t & _UNIT_STOP:
            break
        out |= t
    out -= _SLOT_WORDS
    return out.union(*(_UNIT_ALSO.get(t, set()) for t in out))


_MODALS = terms("must should shall may might")
_HOW_MANY_Q = re.compile(r"\bhow many\s+((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)", re.I)
# Plurals without an -s: what they count ends there ("how many people face …", "how many children lack …").
_IRREGULAR_PLURAL = re.compile(r"(?i:people|children|women|men|cattle)|[A-Z][a-z]+ese")


def counted_noun(question: str, also: bool = True) -> set[str]:
    """The head noun a "how many" question counts ("pistols" of "how many Glock pistols", "tons" of "how many
    tons of captagon", "Haitians" of "how many Haitians left"), with the words that may stand for it; empty when
    it names none ("how many times") or counts several things ("how many women and children"). ``also=False``: the
    question's own words only."""
    m = _HOW_MANY_Q.search(question)
    head: set[str] = set()
    words = m.group(1).split() if m else []
    for i, word in enumerate(words):
        t = terms(word)
        if not t or t & _UNIT_STOP or t & _MODALS or (i and re.search(r"(?:ed|ing)$", word)):
            break  # "how many people died": the verb ends what is counted ("displaced people" does not)
        head = t - _SLOT_WORDS if not re.search(r"(?:ed|ing)$", word) else set()  # "how many died": a verb
        if re.search(r"[a-z]s$", word) or _IRREGULAR_PLURAL.fullmatch(word):
            end = m.start(1) + sum(len(w) + 1 for w in words[:i + 1]) if m else 0
            if re.match(r"\s*(?:,|and\b|or\b)", question[end - 1:]):
                return set()  # "how many women and children": two things counted, either answers
            break  # a plural ends the noun: "how many Haitians left" (an acronym's S does not: "MSS officers")
    if head and m and re.search(r"\b[A-Z][a-z]+(?:ans|ese|is)\b", m.group(1)):
        head |= _PEOPLE  # "Haitians", "Sudanese": people, whom a report may count as "individuals"
    if head & _ANYONE and _KILLED.search(question):
        # "How many people were killed …?" is answered by "led to nine deaths" (S/2025/383, para. 30).
        head |= _DEATHS
    elif head == _MEMBERS and _EXPERT_BODY.search(question):
        # "How many members did the Haiti sanctions Panel of Experts have?": "a group of 4 experts" (2653 (2022),
        # para. 21; a sweep's abstention, "no figure of how many members").
        head |= _EXPERTS
    elif head & _STAFF and _KILLED.search(question):
        # "How many MONUSCO personnel have been killed …?" by "the toll … stands at 25 dead" (S/2025/73), not by
        # "13 civilian deaths": deaths are anyone's.
        head |= _DEAD
    return head.union(*(_UNIT_ALSO.get(t, set()) for t in head)) if also else head


_PEOPLE = terms("people persons individuals civilians migrants nationals refugees returnees")
_MEMBERS = terms("members")
_EXPERTS = terms("experts")
_EXPERT_BODY = re.compile(r"\b(?:Panel|Group) of Experts\b|\bPanel\b", re.I)
# "N incidents of X" are N of X: what is counted is after "of" (a count of abductions is told as incidents of it).
_INSTANCES_OF = re.compile(r"\s*(?:(?:alleged|reported|documented|separate|verified|confirmed|new)\s+)?(?:incidents?|"
                           r"cases?|instances?|acts?|episodes?|occurrences?)\s+of\s+", re.I)
# Only people in general, killed as the counted noun's own verb: "how many civilians were killed" still wants
# civilians, and "how many people fled the violence in which dozens were killed" is not a death toll.
_ANYONE = terms("people persons individuals")
# A force's own dead: "the toll of attacks on MONUSCO personnel since 2022 stands at 25 dead" (S/2025/73) answers "how
# many MONUSCO personnel have been killed".
_STAFF = terms("personnel peacekeepers")
_DEAD = terms("dead")
_KILLED = re.compile(r"\bhow many (?:[A-Z][\w-]*\s+)?(?:people|persons|individuals|personnel|peacekeepers)\s+"
                     r"(?:(?:were|was|have been|had been|have|had|"
                     r"reportedly|been)\s+)*(?:killed|died|dead|lost their lives|perished)\b", re.I)
_DEATHS = terms("deaths dead fatalities killings homicides")
_COUNT_BREAK = frozenset("of in at from for on by with were was are is had have has been be which who that while "
                         "including included includes among per must should shall may might".split())
_ASIDE = re.compile(r"\s*\([^()]{1,160}\)")
_NUMBER_WORDS = re.compile(r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                           r"forty|fifty|hundred|thousand|dozens?|hundreds|thousands|several|many|some|few)")


def counts(after: str, noun: set[str]) -> int | None:
    """Whether a figure followed by ``after`` counts ``noun``: the noun is the head of the words after it, not a
    modifier of another ("13 pistol magazines" counts magazines, not pistols; "2,000 people killed", "14 vessels
    off the coast" and "600,000 Sudanese refugees" count what they name; "260 trained and ready to deploy officers"
    and "six Glock Gen5 pistols (9mm)" count what they end with). Where in ``after`` the noun ends, or None."""
    if (instances := _INSTANCES_OF.match(after)) and (end := counts(after[instances.end():], noun)) is not None:
        return instances.end() + end  # "250 alleged incidents of abduction" counts abductions
    if (aside := _ASIDE.match(after)) and (end := counts(after[aside.end():], noun)) is not None:
        # A breakdown between a figure and its noun: "426,793 (38,168 women, 258,313 men and 130,312 children)
        # undocumented Afghans returned" (A/79/947, para. 61) counts the Afghans.
        return aside.end() + end
    words: list[set[str]] = []
    raw: list[re.Match[str]] = []
    for token in list(re.finditer(r"[A-Za-z][\w'’-]*|[^\w\s]|\d\S*", after))[:8]:
        if not token.group(0)[0].isalpha() or token.group(0).lower() in _COUNT_BREAK \
                or _NUMBER_WORDS.fullmatch(token.group(0)):  # "38 approaches and two inspections": two figures
            break
        # "kg" is no term but a unit; "nationalities" stems as "nationals" does, and counts no people ("some 70
        # nationalities" is not how many live in the camp).
        words.append({"nationalities"} if token.group(0).lower().startswith("nationalit")
                     else terms(token.group(0)) or {token.group(0).lower()})
        raw.append(token)
    at = [i for i, t in enumerate(words) if t & noun]
    if not at:
        return None
    i = at[-1]
    word = raw[i].group(0)
    if any(_plural(raw[j].group(0)) and not words[j] & noun and raw[j].group(0)[0].islower()
           and not re.match(r"\s*(?:and|or|,)", after[raw[j].end():]) for j in range(i)):
        # "two vessel inspections related to the arms embargo" counts inspections, not arms; a name's plural
        # ("43 United Nations personnel") or a pair ("763,707 refugees and asylum-seekers") does not end it.
        return None
    # A singular noun before another word modifies it ("pistol magazines"); a plural is the head whatever follows.
    if i == len(words) - 1 or not words[i + 1] or re.search(r"(?:ed|ing)$", raw[i + 1].group(0)) \
            or re.search(r"[a-z]s$", word) or _IRREGULAR_PLURAL.fullmatch(word) \
            or re.match(r"\s*(?:and|or)\s+(?:\d|" + _NUMBER_WORDS.pattern + r"\b)", after[raw[i].end():]):
        # "12 cases of killing and 4 cases of abduction": a figure after "and" starts another count.
        return raw[i].end()
    return None


def _plural(word: str) -> bool:
    """A word that ends a counted phrase as its plural head ("inspections"), not an adjective or a pronoun
    ("various", "its")."""
    return bool(_IRREGULAR_PLURAL.fullmatch(word) or re.search(r"[a-z](?<![su])s$", word)) and \
        word.lower() not in _NOT_PLURAL


_NOT_PLURAL = frozenset("its his this has was gas yes thus".split())


_HEAD_Q = re.compile(r"\bname of (?:the |a |an |its |their )?((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s+(?:that|who|"
                     r"which|whose|at|in|of|on|for|from|to|used|listed|arrested|impounded|seized|the|was|is|by)\b|\?|,)"
                     r"|\bwhich ([a-z]+)\b|^\s*who\b.*?\bas (?:the |a |an |its )?([a-z-]+)\b", re.I)


def typed_spans(kind: str, question: str, sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of ``spans``, those that are of the thing asked: a figure followed by what a count question counts ("3,700
    tons" for "how many tons"), a name beside the word whose name is asked ("the boat"); all of them when the
    question names no such word."""
    if kind == "count" and (noun := counted_noun(question)):
        return [(a, b) for a, b in spans if counts(sentence[b:b + 80], noun) is not None]
    if kind == "count" and (unit := _unit_terms(question)):
        return [(a, b) for a, b in spans if unit & held(question, " ".join(sentence[b:b + 40].split()[:4]))]
    m = _HEAD_Q.search(question) if kind == "name" else None
    if m and (head := terms((m.group(1) or m.group(2) or m.group(3)).split()[-1])):
        at = [w.start() for w in re.finditer(r"[\w'’-]+", sentence) if terms(w.group(0)) & head]
        return [(a, b) for a, b in spans if any(a - HEAD_WINDOW <= x <= b + HEAD_WINDOW for x in at)]
    return spans


def _missing(question: str, q_terms: set[str], hits: list[Hit], weight: Callable[[str], float]) -> float:
    """IDF-weighted share of the question's words found in none of the top passages (nor their symbols/titles).

    A question about "captagon" or "Sfax" that no retrieved passage mentions is probably not answered by them.
    """
    seen: set[str] = set()
    for hit in hits[:5]:
        seen |= passage_terms(hit)
    seen |= credited(question, seen)
    total = math.fsum(weight(t) for t in q_terms) or 1.0
    return math.fsum(weight(t) for t in q_terms if t not in seen) / total


def passage_terms(hit: Hit) -> set[str]:
    return terms(f"{hit.chunk.text} {hit.doc.symbol or ''} {hit.doc.title or ''} {hit.chunk.section or ''}")


@dataclass(slots=True)
class ConfidenceModel:
    """Logistic regression over some of :data:`FEATURES` (``features`` names them, in coefficient order): the
    probability that the top passages answer the question.

    Fitted on the dev half of the gold set by ``evals/fit_confidence.py``; coefficients live in
    ``briefbot/data/confidence.json`` so a refit changes data, not code. The fit chooses the features it reads
    (by cross-validation on dev); the answer stage computes and reports all of them.
    """

    coef: list[float] = field(default_factory=list)
    intercept: float = 0.0
    mean: list[float] = field(default_factory=list)
    scale: list[float] = field(default_factory=list)
    features: list[str] = field(default_factory=lambda: list(FEATURES))

    def probability(self, features: list[float]) -> float:
        """``features`` as :func:`confidence_features` returns them (all of :data:`FEATURES`, in order)."""
        values = dict(zip(FEATURES, features, strict=True))
        z = self.intercept + sum(c * (values[n] - m) / s for n, c, m, s in
                                 zip(self.features, self.coef, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=1)
def _load_confidence() -> ConfidenceModel:
    data = json.loads(resources.files("briefbot.data").joinpath("confidence.json").read_text(encoding="utf-8"))
    unknown = [n for n in data["features"] if n not in FEATURES]
    if unknown:
        raise ValueError(f"confidence.json reads {unknown}, which the code no longer computes ({FEATURES}): "
                         "refit with evals/fit_confidence.py")
    return ConfidenceModel(data["coef"], data["intercept"], data["mean"], data["scale"], list(data["features"]))


class _Confidence:
    def probability(self, features: list[float]) -> float:
        return _load_confidence().probability(features)


CONFIDENCE = _Confidence()
