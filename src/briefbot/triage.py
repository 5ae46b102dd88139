"""Triage cards: what an indexed document is, which organised-crime themes it carries, with cited evidence.

Everything is read from the index (catalog row, stored chunks with their page spans, page texts), so a card
never needs the PDF again and every quote is checked to be an exact substring of its page text, as answers are.

Theme scoring is driven by the editable taxonomy (``briefbot/data/themes.toml``; its header documents the rules).

Priority (0-100) ranks documents for organised-crime analysts; the parts are kept in the card:

* strength (45): sum over tagged themes of ``1 - exp(-score / threshold)``, saturating at 3 themes' worth, and
  scaled by ``0.5 + 0.5 × density`` so that a long report touching on crime in passing (a Lebanon/UNIFIL report
  on weapons smuggling, say) ranks below one about it;
* density (20): theme evidence per 1,000 words (tagged themes' sentence scores summed), saturating at 12;
* type (15): panel_report 1.0, sg_report 0.7, resolution 0.6, other 0.35, letter 0.3;
* recency (10): 1.0 within 180 days of the reference date (today), falling linearly to 0 at five years;
* breadth (10): number of tagged themes, saturating at 5.

A document without tagged themes keeps at most its type and recency parts (at most 25 points), so on-theme
documents always rank first; a document without readable English text scores 0.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from .chunk import split_sentences
from .cite import MAX_QUOTE, cite_on_page, is_contents_line, is_heading, is_section_title, trim_sentence
from .mandates.tracks import TrackBook, load_tracks
from .models import Chunk, Citation, DocInfo
from .parse.gazetteer import COUNTRIES, DATE_RE, MISSIONS, MONTHS, iso_date
from .store import Store
from .symbols import find_symbols, split_joint, symbol_key, symbols_match
from .taxonomy import Actor, Taxonomy, Term, Theme, load_actors, named_items, sentence_score, theme_hits

log = logging.getLogger(__name__)

_CONCLUDING = re.compile(r"observations|recommendations?|conclusions?|concluding remarks|way forward", re.I)
# The report's own recommendations section ("XII. Recommendations", "Way forward"), not "Observations and
# recommendations" (mostly observations) nor "Recommendations of the subsidiary bodies" (an agenda item).
_RECOMMENDATIONS = re.compile(r"^(?:[IVXL]{1,6}\.\s+|[A-H]\.\s+)?(?:recommendations?|way forward)\s*$", re.I)
_SUMMARY = re.compile(r"^\s*(?:executive\s+)?summary\b", re.I)
# The report's own voice asking for action ("The Panel recommends", "I urge", "the Council may wish to"); a third
# party's past recommendation ("the unit recommended charges") is reported fact, not the report's recommendation.
_RECOMMEND = re.compile(
    r"\b(?:(?:the )?(?:Panel|Group(?: of Experts)?|(?:Monitoring )?Team|Secretary-General|Mission|Office|Committee|"
    r"Board|Commission)\s+(?:also |further |therefore |strongly )?(?:recommends|urges|calls (?:up)?on|encourages)|"
    r"\b(?:I|we)\s+(?:also |further |therefore |strongly )?(?:recommend|urge|call (?:up)?on|encourage|invite|"
    r"appeal to|request)|(?:it|is) (?:is )?recommended that|(?:Council|Committee) (?:may|might) wish to|"
    r"requests? the (?:Security )?Council|invites? the (?:Security )?Council|encourages? the (?:Security )?Council)",
    re.I)
# Findings in the report's own voice ("The Panel found", "The Group documented", "I am deeply concerned").
_FINDING = re.compile(
    r"\b(?:(?:the )?(?:Panel|Group|(?:Monitoring )?Team|Mission)\s+(?:has\s+)?(?:also\s+)?(?:found|finds|documented|"
    r"established|identified|confirmed|observed|obtained|assesse[sd]|estimated|noted with concern|received "
    r"(?:credible )?(?:information|reports))|\bI\s+(?:am|remain)\s+(?:deeply |gravely |particularly |seriously )?"
    r"(?:concerned|alarmed|troubled)|\bI\s+(?:condemn|welcome|note with (?:concern|alarm)))", re.I)
_DECISION = re.compile(r"^(?:Decides|Demands|Condemns|Strongly condemns|Authorizes|Authorises|Extends|Renews|"
                       r"Reaffirms its decision|Imposes|Determines|Urges|Calls upon|Requests)\b")
# Text that is never a finding or a recommendation: covering letters, distribution and circulation lines, the
# report's description of itself and its mandate, working methods and voting rules.
_BOILERPLATE = re.compile("|".join((
    r"\bI have the honou?r to\b", r"\b(?:I|we) (?:should|would) be (?:grateful|obliged)\b",
    r"\bbrought to the attention of the (?:members of the )?(?:Security )?Council",
    r"\bcirculated as (?:a|an) (?:official )?document", r"\bassurances? of my (?:highest|high) consideration",
    r"\bissued as a document of the\b", r"\bPlease recycle\b", r"^(?:Distr\.|Original:)",
    r"\bmajority of (?:two|three|four|five|six|\d) (?:out )?of the (?:three|four|five|six|seven|eight|\d) members",
    r"\brule of consensus\b", r"\bworking methods\b", r"\bbest practices (?:and methods )?(?:as )?recommended by",
    r"\bInformal Working Group\b.{0,60}\bSanctions\b",
    r"^(?:In|By) (?:paragraph|paragraphs|its resolution|resolution) [^.]{0,120}\b(?:the (?:Security )?Council )?"
    r"(?:requested|decided|called|asked|extended|renewed)\b",
    r"\bhad before it\b", r"^Statements were made by\b", r"^At its \w+ meeting\b", r"\bconsidered agenda item\b",
    r"\b(?:An|A brief) overview is provided\b", r"\bis provided below\b",
    r"^(?:The|This) (?:present )?(?:report|letter|note|document) (?:is submitted|was prepared|provides|contains|covers|"
    r"presents|describes|is the|summarizes)\b", r"\bsubmitted pursuant to\b",
    r"^In the present (?:report|letter|note),? (?:the|I)\b[^.]{0,40}\b(?:outline|outlines|provide|provides|present|"
    r"presents|describe|describes|summarize|summarizes)\b",
    r"^(?:Identical )?[Ll]etters? dated \d", r"^Note (?:verbale )?(?:by|dated)\b", r"^Annex(?:es)?\b",
    r"\bthe Panel (?:held|conducted) (?:meetings|consultations|visits)\b",
    r"\btravel(?:led)? to\b[^.]{0,80}\bto meet\b",
    r"\bwish(?:es)? to (?:thank|express (?:its|my) (?:gratitude|appreciation))\b",
    r"\b(?:thank|express(?:es)? (?:its|my) (?:gratitude|appreciation) to)\b", r"\b(?:my|its|our) (?:deep |sincere )?"
    r"(?:appreciation|gratitude|thanks)\b",
)), re.I | re.M)
_TYPE_WEIGHT = {"panel_report": 1.0, "sg_report": 0.7, "resolution": 0.6, "other": 0.35, "letter": 0.3}

PageCache = dict[int | None, str]


# --- reading the document ------------------------------------------------------------------------------------

@dataclass(slots=True)
class Sentence:
    """A sentence of a stored chunk: ``chunk.text[start:end]``."""

    chunk: Chunk
    start: int
    end: int
    index: int  # reading order within the document

    @property
    def text(self) -> str:
        return self.chunk.text[self.start:self.end]

    @property
    def footnote(self) -> bool:
        return self.chunk.kind == "footnote"

    @property
    def section(self) -> str | None:
        return self.chunk.section


@dataclass(slots=True)
class ThemeHit:
    theme: str
    sub: str | None
    term: str
    weight: float
    start: int  # offsets in the chunk text
    end: int


@dataclass(slots=True)
class DocText:
    """A document as triage reads it: catalog row, sentences and the page texts quotes are checked against."""

    info: DocInfo
    sentences: list[Sentence]
    words: int
    store: Store
    pages: PageCache = field(default_factory=dict)

    def page(self, number: int | None) -> str:
        if number not in self.pages:
            self.pages[number] = self.store.page_text(self.info.doc_id, number)
        return self.pages[number]


def read_document(store: Store, info: DocInfo) -> DocText:
    sentences: list[Sentence] = []
    words = 0
    for chunk in store.chunks_of(info.doc_id):
        words += len(chunk.text.split())
        for a, b in split_sentences(chunk.text):
            a, b = trim_sentence(chunk.text, a, b, headings=True)
            if b - a >= 20:
                sentences.append(Sentence(chunk, a, b, len(sentences)))
    return DocText(info, sentences, words, store)


def paragraph_key(s: Sentence) -> tuple[str, int]:
    """Identifies the printed paragraph a sentence is in (a long paragraph spans several chunks)."""
    span = s.chunk.locate(s.start)
    return (span.label, -1) if span and span.label else ("", s.chunk.ordinal)


def is_boilerplate(text: str) -> bool:
    """Covering letters, circulation lines, mandate recitals, working methods, votes: never a finding."""
    return bool(_BOILERPLATE.search(text))


def is_summary_section(section: str | None) -> bool:
    """The report's own summary ("Summary", "Executive summary")."""
    return bool(_SUMMARY.search(section or ""))


def is_concluding_section(section: str | None) -> bool:
    """Observations, conclusions, recommendations, way forward."""
    return bool(_CONCLUDING.search(section or ""))


def decision_verb(text: str) -> re.Match[str] | None:
    """The opening verb of a resolution paragraph that decides or demands something ("Decides", "Condemns" …)."""
    return _DECISION.match(text)


def is_finding(text: str) -> bool:
    """The report stating a finding in its own voice ("The Panel found …", "I am deeply concerned …")."""
    return bool(_FINDING.search(text))


def is_fragment(text: str) -> bool:
    """A lead-in ("The Panel recommends that the Committee:"), a list bullet or a table row, not a statement."""
    stripped = text.strip()
    # A lower-case start is the tail of a sentence split by a page break or a wrongly cut abbreviation.
    # Leader dots are a table of contents; a short line without closing punctuation is a heading.
    unfinished = not re.search(r"[.;!?”\")\]]\W{0,3}[\d⁰¹²³⁴⁵⁶⁷⁸⁹]*$", stripped) and len(stripped.split()) < 20
    return (not stripped or stripped.endswith(":") or stripped[0] in "•▪·-–" or stripped[0].islower()
            or not re.search(r"[a-z]{3}", stripped) or is_heading(stripped) or bool(re.search(r"(?:\.\s?){4,}",
                                                                                               stripped))
            or unfinished)


def cite(doc: DocText, chunk: Chunk, start: int, end: int, key: str = "",
         focus: tuple[int, int] | None = None) -> Citation | None:
    """A Citation for ``chunk.text[start:end]`` on one page of ``doc`` (see :func:`briefbot.cite.cite_on_page`)."""
    return cite_on_page(doc.info, chunk, start, end, lambda _doc_id, page: doc.page(page), key, focus)


# --- themes --------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Evidence:
    score: float
    terms: list[str]
    subthemes: list[str]
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 2), "terms": self.terms, "subthemes": self.subthemes,
                **self.citation.to_dict()}


@dataclass(slots=True)
class ThemeResult:
    slug: str
    label: str
    score: float  # summed sentence scores
    threshold: float  # what this document needed for the tag
    tagged: bool
    sentences: int  # sentences with evidence
    subthemes: dict[str, float]  # slug → score
    evidence: list[Evidence]
    # How the evidence is spread (theme_features; empty without evidence): what evals/fit_theme_decision.py
    # fits a decision layer on. Not part of the card.
    features: dict[str, float] = field(default_factory=dict)

    @property
    def strength(self) -> float:
        """0-1: how far past its threshold the theme is (0.63 at the threshold, 0.86 at twice it)."""
        return 1 - math.exp(-self.score / self.threshold) if self.threshold else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "label": self.label, "score": round(self.score, 2),
                "threshold": round(self.threshold, 2), "strength": round(self.strength, 3), "tagged": self.tagged,
                "sentences": self.sentences, "subthemes": {k: round(v, 2) for k, v in self.subthemes.items()},
                "evidence": [e.to_dict() for e in self.evidence]}


def _theme_hits(theme: Theme, text: str, reach: bool = False) -> list[ThemeHit]:
    """The theme's matches in one sentence, as offsets (taxonomy.theme_hits applies the matching rules). With
    ``reach``, a term whose parts may lie apart also matches across a list of non-State targets (:func:`_reaching`)."""
    found = theme_hits(theme, text)
    if reach:
        matched = {id(term) for term, _, _ in found}
        wide = [(term, sub) for term, sub, plain in _reaching(theme) if id(plain) not in matched]
        found += [(term, sub, m) for term, sub, m in (theme_hits(theme, text, wide) if wide else [])
                  if _TARGETS.search(m.group()[:120])]
    return [ThemeHit(theme.slug, sub, term.pattern, term.weight, m.start(), m.end()) for term, sub, m in found]


_GAP_BOUND = re.compile(r"\[\^\.;\]\{0,\d+\}")
# An operative formula's target when it is not a State, near the formula's opening ("supply, sale or transfer, to
# these individuals, groups, undertakings and entities", "sale or supply, to all non-governmental entities").
_TARGETS = re.compile(r"\bto\b[^.;]{0,40}\b(?:individuals|entities|undertakings|non-governmental)\b", re.I)
_REACHING: dict[int, tuple[Theme, list[tuple[Term, str | None, Term]]]] = {}


def _reaching(theme: Theme) -> list[tuple[Term, str | None, Term]]:
    """The theme's terms whose parts may lie apart, with the gap opened to the whole clause (up to the next full stop
    or semicolon), each beside the term it widens. The Council's embargo formula names its targets between the parts
    ("prevent the direct or indirect supply, sale and transfer, to these individuals, groups, undertakings and
    entities from their territories or by their nationals outside their territories, or using their flag vessels or
    aircraft, of arms and related materiel", S/RES/1390 (2002) para. 2 (c); 1556 para. 7), often further apart than
    the taxonomy's bound; when the target is a State ("to Iran, from or through their territories …") the bound
    stands, as the labels read embargoes on a State otherwise. The taxonomy keeps its bounds for the mandate tracker,
    whose paragraph labels read embargo clauses as measures (evals/README.md, triage, sixth round)."""
    cached = _REACHING.get(id(theme))
    if cached is None or cached[0] is not theme:
        terms = [(Term(t.pattern, t.weight, re.compile(_GAP_BOUND.sub("[^.;]*", t.regex.pattern), t.regex.flags),
                       t.unless), sub, t) for t, sub in theme.all_terms() if _GAP in t.pattern]
        cached = _REACHING[id(theme)] = (theme, terms)
    return cached[1]


def threshold_for(theme: Theme, taxonomy: Taxonomy, words: int) -> float:
    base = theme.min_score if theme.min_score is not None else taxonomy.scoring.min_score
    scoring = taxonomy.scoring
    # Evidence in a one-page letter is concentrated, in a 60-page report diluted: scale with log length.
    factor = 1 + scoring.length_factor * math.log2(max(words, 1) / scoring.length_ref_words)
    return base * max(scoring.short_floor, factor)


def score_themes(doc: DocText, taxonomy: Taxonomy) -> tuple[list[ThemeResult], dict[int, float]]:
    """Per theme: score, tag and cited evidence; plus each sentence's total theme weight (for summaries)."""
    scoring = taxonomy.scoring
    hits_by: dict[str, dict[int, list[ThemeHit]]] = {t.slug: {} for t in taxonomy.themes}
    named: Counter[int] = Counter()  # sentence → themes it names strongly
    resolution = doc.info.doc_type == "resolution"
    # A resolution's operative paragraph may name its targets between a formula's parts (see _reaching).
    reach = {s.index for s in doc.sentences if resolution and is_operative(s)}
    for theme in taxonomy.themes:
        for s in doc.sentences:
            hits = _theme_hits(theme, s.text, s.index in reach)
            if hits:
                hits_by[theme.slug][s.index] = hits
    for index in set().union(*(set(h) for h in hits_by.values())):
        named[index] = named_items(taxonomy, doc.sentences[index].text)
    per_sentence: dict[int, float] = {}
    results: list[ThemeResult] = []
    for theme in taxonomy.themes:
        total = 0.0
        best = 0.0
        numbered = listed = footnoted = 0.0  # score from numbered paragraphs, enumerations, footnotes
        paragraphs: set[tuple[str, int]] = set()
        subs: dict[str, float] = {}
        scored: list[tuple[float, Sentence, list[ThemeHit]]] = []
        called = False  # named strongly in an operative call to combat it
        for index, hits in hits_by[theme.slug].items():
            s = doc.sentences[index]
            if is_section_title(s.section, s.text) or is_contents_line(s.text):
                continue  # the paragraphs under a heading are counted, the heading would count them twice
            # A list of themes, or a preambular recital naming the theme as one item among other things ("the fight
            # against drug trafficking, organized crime and human trafficking").
            in_list = (named[index] >= scoring.list_themes
                       or (resolution and not is_operative(s) and (listed_among(s.text, hits)
                                                                   or crime_examples(s.text, hits))))
            enumeration = ((in_list and not (resolution and is_call_to_combat(s))
                            and not dwells_on(hits, text=s.text))
                           or (resolution and (in_passing(s) or (theme.slug != MEASURES and is_exemption(s))
                                               or only_considered(s.text, hits)))
                           or (theme.slug == ARMS and (embargo_as_kind(s.text, every_match(theme, s.text, hits))
                                                       or (not resolution and recalls_embargo(s.text, hits))
                                                       or (resolution and not is_operative(s) and stresses_prohibition(
                                                           s.text, every_match(theme, s.text, hits)))))
                           or (theme.slug == MEASURES and (others_sanctions(s.text, hits)
                                                           or cites_exemption(s.text, every_match(theme, s.text, hits))
                                                           or (resolution and serves_own_authorization(s))
                                                           or (resolution and not is_operative(s)
                                                               and notes_body(s.text, hits)))))
            factor = (scoring.footnote_weight if s.footnote else 1.0) * (scoring.list_weight if enumeration else 1.0)
            score = sentence_score([h.weight for h in distinct(hits)], scoring.sentence_cap) * factor
            total += score
            if not enumeration:
                best = max(best, score)
                # An operative paragraph asking for action against the crime is a paragraph on it, whatever the
                # resolution's length (evals/README.md, list-paragraph convention).
                called = called or (resolution and not s.footnote and is_call_to_combat(s)
                                    and max(h.weight for h in hits) >= scoring.min_strong)
            numbered += score if is_operative(s) else 0.0
            listed += score if enumeration else 0.0
            footnoted += score if s.footnote else 0.0
            paragraphs.add(paragraph_key(s))
            for h in distinct(hits):
                if h.sub:
                    subs[h.sub] = subs.get(h.sub, 0.0) + h.weight * factor
            per_sentence[index] = per_sentence.get(index, 0.0) + score
            scored.append((score, s, hits))
        threshold = threshold_for(theme, taxonomy, doc.words)
        evidence = _evidence(doc, scored, scoring.max_evidence)
        strong = best >= scoring.min_strong
        rule = (total >= threshold and strong) or called
        features = theme_features(total, threshold, best, len(scored), len(paragraphs), numbered, listed,
                                  footnoted, doc.words, resolution, rule) if scored else {}
        results.append(ThemeResult(theme.slug, theme.label, total, threshold, rule, len(scored),
                                   dict(sorted(subs.items(), key=lambda kv: -kv[1])), evidence, features))
    return results, per_sentence


def distinct(hits: list[ThemeHit]) -> list[ThemeHit]:
    """The matches that name something of their own: a match lying inside a match at least as strong is the same
    words read twice ("gold mining" holds "mining", "kidnapping for ransom" holds "kidnapping", "supply, sale or
    transfer of arms and related materiel" holds "related materiel"), so it adds nothing to the sentence's score."""
    ordered = sorted(hits, key=lambda h: (-h.weight, h.start - h.end, h.start))
    kept: list[ThemeHit] = []
    for h in ordered:
        if not any(k.start <= h.start and h.end <= k.end for k in kept):
            kept.append(h)
    return kept


_COORDINATED = re.compile(r"[\s,]*(?:(?:and|or|as well as|and/or)\s+)?", re.I)


def dwells_on(hits: list[ThemeHit], strong: float = 3.0, text: str | None = None) -> bool:
    """The sentence names the theme strongly in two separate places ("the fight against ... trafficking of drugs ...,
    acknowledging that illicit proceeds of the drug trafficking ... groups involved in narcotics trade"): it is
    about that theme even when it names others too, not a list in which the theme is one item. Two terms joined
    only by "and", "or" or a comma in ``text`` ("money-laundering, bribery and corruption") are one item, not two
    places."""
    end = -1
    for a, b in sorted((h.start, h.end) for h in hits if h.weight >= strong):
        if end >= 0 and a >= end and not (text is not None and _COORDINATED.fullmatch(text[end:a])):
            return True
        end = max(end, b)
    return False


def theme_features(total: float, threshold: float, best: float, sentences: int, paragraphs: int, numbered: float,
                   listed: float, footnoted: float, words: int, resolution: bool, rule: bool) -> dict[str, float]:
    """One theme's evidence in one document, spread out (names: THEME_FEATURES): the evidence over the document's
    threshold (log), the best sentence, how many sentences and paragraphs, the shares of the score from numbered
    (operative) paragraphs, enumerations and footnotes, the length, resolution or not, and the rules' verdict."""
    return {"ratio": math.log(max(total, 1e-3) / threshold), "best": best, "sentences": math.log1p(sentences),
            "paragraphs": math.log1p(paragraphs), "numbered": numbered / total if total else 0.0,
            "listed": listed / total if total else 0.0, "footnoted": footnoted / total if total else 0.0,
            "words": math.log10(max(words, 10)), "resolution": float(resolution), "rule": float(rule)}


def _evidence(doc: DocText, scored: list[tuple[float, Sentence, list[ThemeHit]]], limit: int) -> list[Evidence]:
    """The strongest sentences, one per paragraph, body text before footnotes, earlier first on ties."""
    out: list[Evidence] = []
    seen: set[tuple[str, int]] = set()
    # Whole sentences of body text first; headings and sentences too long to quote whole come after.
    order = sorted(scored, key=lambda x: (x[1].footnote, is_heading(x[1].text), -x[0],
                                          x[1].end - x[1].start > MAX_QUOTE, x[1].index))
    for score, s, hits in order:
        if len(out) >= limit:
            break
        best = max(hits, key=lambda h: h.weight)
        focus = (s.start + best.start, s.start + best.end)
        citation = cite(doc, s.chunk, s.start, s.end, focus=focus)
        if citation is None:
            continue
        key = paragraph_key(s)
        if key in seen:
            continue
        seen.add(key)
        terms = list(dict.fromkeys(s.text[h.start:h.end] for h in sorted(hits, key=lambda h: -h.weight)))
        subs = list(dict.fromkeys(h.sub for h in hits if h.sub))
        out.append(Evidence(score, terms, subs, citation))
    for i, e in enumerate(out, start=1):
        e.citation.key = str(i)
    return out


# --- the card ------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Period:
    start: str | None  # ISO dates
    end: str | None
    text: str
    page: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ActorMention:
    name: str
    kind: str
    mentions: int
    pages: list[int]
    source: str  # "gazetteer" or "heuristic"
    citation: Citation | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "mentions": self.mentions, "pages": self.pages,
                "source": self.source, "citation": self.citation.to_dict() if self.citation else None}


@dataclass(slots=True)
class CitedDocument:
    symbol: str
    mentions: int
    first_page: int | None
    in_index: bool
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class KeyParagraph:
    reason: str  # "concluding section", "recommendation", ...
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, **self.citation.to_dict()}


@dataclass(slots=True)
class TriageCard:
    file_name: str
    sha256: str
    symbol: str | None
    doc_type: str
    title: str | None
    date: str | None
    period: Period | None
    missions: list[str]
    countries: list[str]
    pages: int
    words: int
    health: dict[str, Any]
    themes: list[ThemeResult]
    actors: list[ActorMention]
    cited_documents: list[CitedDocument]
    key_paragraphs: list[KeyParagraph]
    priority: float
    priority_parts: dict[str, float]
    taxonomy: str
    summary: dict[str, Any] | None = None
    # ``missions`` and ``sanctions_regimes`` are what the document is about (see about_missions); every mission
    # it names at all is in ``missions_mentioned``. Plain strings, so a mandate tracker can key on them.
    missions_mentioned: list[str] = field(default_factory=list)
    sanctions_regimes: list[str] = field(default_factory=list)
    tracks: list[TrackLink] = field(default_factory=list)  # mandate tracks of those missions and regimes

    @property
    def tagged(self) -> list[ThemeResult]:
        return sorted((t for t in self.themes if t.tagged), key=lambda t: -t.score)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file_name": self.file_name, "sha256": self.sha256, "symbol": self.symbol, "doc_type": self.doc_type,
            "title": self.title, "date": self.date, "period": self.period.to_dict() if self.period else None,
            "missions": self.missions, "missions_mentioned": self.missions_mentioned,
            "sanctions_regimes": self.sanctions_regimes, "tracks": [t.to_dict() for t in self.tracks],
            "countries": self.countries, "pages": self.pages,
            "words": self.words,
            "health": self.health, "tagged_themes": [t.slug for t in self.tagged],
            "themes": [t.to_dict() for t in sorted(self.themes, key=lambda t: (not t.tagged, -t.score))],
            "actors": [a.to_dict() for a in self.actors],
            "cited_documents": [c.to_dict() for c in self.cited_documents],
            "key_paragraphs": [k.to_dict() for k in self.key_paragraphs],
            "priority": self.priority, "priority_parts": self.priority_parts, "taxonomy": self.taxonomy,
            "summary": self.summary,
        }


def triage_document(store: Store, info: DocInfo, taxonomy: Taxonomy, today: date | None = None,
                    doc: DocText | None = None, tracks: TrackBook | None = None) -> TriageCard:
    """Entry point: the triage card of one indexed document (``tracks``: the settings' track file, else the
    packaged one)."""
    doc = doc or read_document(store, info)
    themes, per_sentence = score_themes(doc, taxonomy)
    health = {"language": info.language, "pages_without_text": info.empty_pages, "warnings": info.warnings,
              "chunks": info.chunks, "readable": _readable(info, doc)}
    parts = priority_parts(info, doc, themes, today or date.today())
    missions, regimes = about_missions(doc), about_regimes(doc)
    return TriageCard(
        file_name=info.file_name, sha256=info.sha256, symbol=info.symbol, doc_type=info.doc_type, title=info.title,
        date=info.date, period=find_period(doc), missions=missions,
        countries=[c for c in info.missions if c in COUNTRIES], pages=info.pages, words=doc.words, health=health,
        themes=themes, actors=find_actors(doc), cited_documents=cited_documents(doc, store),
        key_paragraphs=key_paragraphs(doc, theme_weight=per_sentence), priority=round(sum(parts.values()), 1),
        priority_parts=parts, taxonomy=taxonomy.source,
        missions_mentioned=[m for m in info.missions if m in MISSIONS], sanctions_regimes=regimes,
        tracks=mandate_tracks(missions, regimes, tracks))


def _readable(info: DocInfo, doc: DocText) -> bool:
    return info.language == "en" and doc.words >= 50 and len(info.empty_pages) < max(1, info.pages) * 0.5


def priority_parts(info: DocInfo, doc: DocText, themes: list[ThemeResult], today: date) -> dict[str, float]:
    """The priority score's parts (see the module docstring); they sum to the 0-100 priority."""
    if not _readable(info, doc):
        return {"strength": 0.0, "density": 0.0, "type": 0.0, "recency": 0.0, "breadth": 0.0}
    tagged = [t for t in themes if t.tagged]
    strength = min(1.0, sum(t.strength for t in tagged) / 3)
    evidence = sum(t.score for t in tagged)
    density = min(1.0, evidence / max(doc.words, 300) * 1000 / 12)
    recency = 0.0
    if info.date:
        try:
            age = (today - date.fromisoformat(info.date)).days
            recency = 1.0 if age <= 180 else max(0.0, 1 - (age - 180) / (5 * 365 - 180))
        except ValueError:
            recency = 0.0
    parts = {"strength": 45 * strength * (0.5 + 0.5 * density), "density": 20 * density,
             "type": 15 * _TYPE_WEIGHT.get(info.doc_type, 0.3), "recency": 10 * recency,
             "breadth": 10 * min(1.0, len(tagged) / 5)}
    return {k: round(v, 1) for k, v in parts.items()}


# --- what the document is about: missions and sanctions regimes ---------------------------------------------------

# Full names as documents spell them out, so "the United Nations Support Mission in Libya" counts for UNSMIL.
MISSION_NAMES = {
    "UNSMIL": "Support Mission in Libya", "MINUSCA": "Stabilization Mission in the Central African Republic",
    "MONUSCO": "Stabilization Mission in the Democratic Republic of the Congo", "UNMISS": "Mission in South Sudan",
    "BINUH": "Integrated Office in Haiti", "UNAMA": "Assistance Mission in Afghanistan",
    "MINUSMA": "Stabilization Mission in Mali", "UNMHA": "Mission to support the Hudaydah Agreement",
    "UNSOM": "Assistance Mission in Somalia", "UNTMIS": "Transitional Assistance Mission in Somalia",
    "UNIFIL": "Interim Force in Lebanon", "UNFICYP": "Peacekeeping Force in Cyprus",
    "UNMIK": "Interim Administration Mission in Kosovo", "UNISFA": "Interim Security Force for Abyei",
    "UNAMI": "Assistance Mission for Iraq", "UNOCA": "Regional Office for Central Africa",
    "UNOWAS": "Office for West Africa and the Sahel", "UNVMC": "Verification Mission in Colombia",
    "UNITAMS": "Transition Assistance Mission in the Sudan", "ATMIS": "African Union Transition Mission in Somalia",
    "AUSSOM": "African Union Support and Stabilization Mission in Somalia", "UNDOF": "Disengagement Observer Force",
    "MINURSO": "Mission for the Referendum in Western Sahara",
}
# Security Council sanctions regimes: name → how documents refer to the regime, its committee or its experts.
SANCTIONS_REGIMES = {
    "Libya (1970)": r"resolution 1970 \(2011\)|Panel of Experts (?:on|established pursuant to resolution 1973 "
                    r"\(2011\) concerning) Libya|Libya sanctions",
    "Sudan (1591)": r"resolution 1591 \(2005\)|Panel of Experts on the Sudan|1591 (?:Committee|sanctions)",
    "South Sudan (2206)": r"resolution 2206 \(2015\)|Panel of Experts on South Sudan|South Sudan sanctions",
    "Democratic Republic of the Congo (1533)": r"resolution 1533 \(2004\)|Group of Experts on the Democratic "
                                               r"Republic of the Congo",
    "Central African Republic (2127)": r"resolution 2127 \(2013\)|Panel of Experts on the Central African Republic",
    "Al-Shabaab (2713)": r"resolution (?:2713 \(2023\)|751 \(1992\))|Panel of Experts on Somalia|"
                         r"Monitoring Group on Somalia|Al-Shabaab sanctions",
    "Haiti (2653)": r"resolution 2653 \(2022\)|Panel of Experts on Haiti|Haiti sanctions",
    "Yemen (2140)": r"resolution 2140 \(2014\)|Panel of Experts on Yemen",
    "ISIL (Da'esh) and Al-Qaida (1267)": r"resolutions? 1267 \(1999\)|Analytical Support and Sanctions Monitoring "
                                         r"Team|ISIL \(Da(?:'|’)esh\) (?:and|&) Al-Qaida [Ss]anctions|Al-Qaida "
                                         r"[Ss]anctions",
    "Taliban (1988)": r"resolution 1988 \(2011\)|1988 Sanctions|Taliban sanctions",
    "DPRK (1718)": r"resolution 1718 \(2006\)|Panel of Experts established pursuant to resolution 1874",
    "Mali (2374)": r"resolution 2374 \(2017\)|Panel of Experts on Mali",
    "Iraq (1518)": r"resolution 1518 \(2003\)",
    "Guinea-Bissau (2048)": r"resolution 2048 \(2012\)",
    "Lebanon (1636)": r"resolution 1636 \(2005\)",
}
_MISSION_RES = {m: re.compile(rf"\b{m}\b|{re.escape(name)}") for m, name in MISSION_NAMES.items()}
_REGIME_RES = {name: re.compile(rx) for name, rx in SANCTIONS_REGIMES.items()}


def _about(doc: DocText, patterns: dict[str, re.Pattern[str]], min_count: int, title_only: bool = False) -> list[str]:
    """Names the document is about: in its title, or named often and near the most-named one.

    A Panel of Experts report on the Sudan that mentions MINUSCA once, or an UNSMIL report that cites the Libya
    Panel once, is not about them. Footnotes do not count; a short text (a resolution) needs fewer mentions.
    """
    title = doc.info.title or ""
    counts: Counter[str] = Counter()
    for s in doc.sentences:
        if s.footnote:
            continue
        for name, rx in patterns.items():
            counts[name] += len(rx.findall(s.text))
    for name, rx in patterns.items():
        if rx.search(title):
            counts[name] += 100
    if title_only:
        return [name for name, n in counts.most_common() if n >= 100]
    if not counts:
        return []
    top = max(counts.values())
    need = min_count if doc.words >= 2500 else 1
    return [name for name, n in counts.most_common() if n >= max(need, 0.34 * top)]


def about_missions(doc: DocText) -> list[str]:
    """The peace operations and political missions the document is about (acronyms as in parse.meta.MISSIONS).

    A Panel of Experts report is about its sanctions regime; it names missions it worked with (BINUH, MINUSCA),
    so for panels only a mission in the title counts.
    """
    return _about(doc, _MISSION_RES, 3, title_only=doc.info.doc_type == "panel_report")


def about_regimes(doc: DocText) -> list[str]:
    """The Security Council sanctions regimes the document is about, e.g. "Sudan (1591)"."""
    return _about(doc, _REGIME_RES, 3)


@dataclass(slots=True)
class TrackLink:
    """A mandate track (``briefbot mandate SLUG``) of a mission or sanctions regime the document is about."""

    slug: str
    name: str
    kind: str  # mission | sanctions (tracks.KINDS)
    via: str  # the mission acronym or regime name it was found from

    @property
    def command(self) -> str:
        return f"briefbot mandate {self.slug}"

    def to_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "name": self.name, "kind": self.kind, "via": self.via, "command": self.command}


_REGIME_NUMBER = re.compile(r"\((\d{3,4})\)\s*$")


def mandate_tracks(missions: list[str], regimes: list[str], book: TrackBook | None = None) -> list[TrackLink]:
    """The tracker's tracks for the missions (acronyms) and sanctions regimes ("Sudan (1591)") a card names.

    A mission is looked up by acronym (MONUC and MONUSCO, BINUH and MINUSTAH share a track), a regime by the
    number of the resolution that set it up; names without a track (UNIFIL, the 1718 regime) are left out.
    """
    book = book or load_tracks()
    out: dict[str, TrackLink] = {}
    for via, key in [*((m, m) for m in missions),
                     *((r, m.group(1)) for r in regimes if (m := _REGIME_NUMBER.search(r)))]:
        try:
            track = book.find(key)
        except KeyError:
            continue
        out.setdefault(track.slug, TrackLink(track.slug, track.name, track.kind, via))
    return list(out.values())


# --- period covered ------------------------------------------------------------------------------------------

_DAY = rf"(\d{{1,2}})\s+({MONTHS})(?:,?\s+(\d{{4}}))?"
_PERIOD_RES = (
    re.compile(rf"\b(?:cover(?:s|ing|ed)|during|in|over|for)\s+(?:the\s+)?(?:reporting\s+)?(?:period|developments)"
               rf"(?:\s+\w+){{0,3}}?\s+(?:from|between)\s+{_DAY}\s+(?:to|and|through|until)\s+{_DAY}"),
    re.compile(rf"\bperiod\s+from\s+{_DAY}\s+(?:to|through|until)\s+{_DAY}"),
)
_SINCE_RE = re.compile(rf"\bsince\s+(?:the\s+issuance\s+of\s+)?my\s+(?:previous|last|most\s+recent)\s+report"
                       rf"(?:\s*\((?P<sym>[^)]{{3,30}})\))?,?\s+(?:of|dated|issued\s+on)\s+{_DAY}")


def _iso(day: str, month: str, year: str | None, fallback_year: str | None) -> str | None:
    year = year or fallback_year
    if not year:
        return None
    m = DATE_RE.match(f"{int(day)} {month} {year}")
    return iso_date(day, month, m.group(3)) if m else None


def find_period(doc: DocText) -> Period | None:
    """The period a report covers, from its opening paragraphs ("covers the period from … to …")."""
    for s in doc.sentences[:60]:
        text = s.text
        for rx in _PERIOD_RES:
            m = rx.search(text)
            if m:
                d1, m1, y1, d2, m2, y2 = m.groups()
                end = _iso(d2, m2, y2, None)
                start = _iso(d1, m1, y1, y2)
                if start and end and start > end and not y1 and y2:  # "from 15 December to 13 March 2025"
                    start = _iso(d1, m1, None, str(int(y2) - 1))
                return Period(start, end, m.group(0), s.chunk.page_start)
        m = _SINCE_RE.search(text)
        if m:
            day, month, year = m.group(4), m.group(5), m.group(6)
            return Period(_iso(day, month, year, None), doc.info.date, m.group(0), s.chunk.page_start)
    return None


# --- actors --------------------------------------------------------------------------------------------------

_SUFFIX = r"(?:armed group|gang coalition|gang|militia|cartel|coalition|criminal network|network|faction|movement)s?"
_CAP = r"(?:[A-Z0-9][\w'’.-]*[\w'’]|[A-Z0-9])"
_BEFORE = re.compile(rf"((?:{_CAP})(?:\s+(?:{_CAP}|de|du|des|la|le|al|el|an|e)){{0,4}})\s+(?={_SUFFIX}\b)")
_AFTER = re.compile(rf"\b(?:gang|militia|armed group|group|cartel|coalition)s?\s+(?:known as|called|named|led by)\s+"
                    rf"[\"“]?((?:{_CAP})(?:\s+{_CAP}){{0,3}})")
_NOT_ACTOR = {"The", "This", "These", "That", "Those", "Such", "Other", "Several", "All", "Some", "Each", "Any",
              "Many", "Both", "Non-State", "Armed", "Local", "Criminal", "Terrorist", "Main", "Major", "New", "Two",
              "Three", "In", "On", "At", "By", "For", "From", "With", "Of", "And", "A", "An", "Its", "Their", "His",
              "Her", "Most", "Various", "Certain", "Allied", "Affiliated", "Rival", "Powerful", "Large", "Smaller",
              "Self-defence", "Community", "Communal", "Organized", "Transnational", "Political", "Youth",
              "Ethnic", "Militia", "Gang", "Gangs", "Group", "Further", "However", "Moreover", "Meanwhile"}
_NOT_ACTOR_WORDS = {"Council", "Nations", "Government", "Ministry", "Committee", "Commission", "Office", "Mission",
                    "Secretariat", "Union", "Republic", "Police", "Forces", "Force", "Army", "Bank", "Programme",
                    "Agency", "Court", "Assembly", "Parliament", "Article", "Resolution", "Report", "January",
                    "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December", "State", "States", "Member"}


def find_actors(doc: DocText, limit: int = 25) -> list[ActorMention]:
    """Named actors from the gazetteer, then capitalised names next to "gang", "militia", "armed group"…"""
    found: dict[str, ActorMention] = {}
    gazetteer = load_actors()
    matched_spans: list[tuple[int, int, int]] = []  # (sentence, start, end) of gazetteer matches
    for s in doc.sentences:
        text = s.text
        for actor in gazetteer:
            ms = list(actor.regex.finditer(text))
            if not ms:
                continue
            _mention(found, actor.name, actor.kind, "gazetteer", len(ms), doc, s, ms[0])
            matched_spans.extend((s.index, m.start(), m.end()) for m in ms)
    for s in doc.sentences:
        text = s.text
        for rx in (_BEFORE, _AFTER):
            for m in rx.finditer(text):
                name = _clean_name(m.group(1))
                # A lone capitalised word opening the sentence is usually just the sentence's first word.
                if name and " " not in name and m.start(1) == 0:
                    continue
                if not name or _overlaps(matched_spans, s.index, m.start(1), m.end(1)) or _known(name, gazetteer):
                    continue
                _mention(found, name, "unlisted", "heuristic", 1, doc, s, m)
    actors = [a for a in found.values() if a.source == "gazetteer" or a.mentions >= 2]
    actors.sort(key=lambda a: (a.source != "gazetteer", -a.mentions, a.name))
    return actors[:limit]


def _mention(found: dict[str, ActorMention], name: str, kind: str, source: str, count: int, doc: DocText,
             s: Sentence, m: re.Match[str]) -> None:
    entry = found.get(name)
    page = s.chunk.page_start
    if entry is None:
        citation = cite(doc, s.chunk, s.start, s.end, focus=(s.start + m.start(), s.start + m.end()))
        entry = found[name] = ActorMention(name, kind, 0, [], source, citation)
    entry.mentions += count
    if page is not None and page not in entry.pages:
        entry.pages.append(page)


def _clean_name(raw: str) -> str | None:
    words = raw.split()
    while words and (words[0] in _NOT_ACTOR or (not words[0][0].isupper() and not words[0][0].isdigit())):
        words.pop(0)
    if not words or any(w.strip(".,") in _NOT_ACTOR_WORDS for w in words):
        return None
    name = " ".join(words).strip(".,;:’'")
    if len(name) < 2 or name.isdigit() or re.fullmatch(r"\d[\d,. ]*", name):
        return None
    # "Haitian gangs", "Congolese armed groups", "Community-based militias": adjectives, not names.
    if " " not in name and re.search(r"(?:ian|ese|an|ish|-based|-level|-led)$", name):
        return None
    return name


def _overlaps(spans: list[tuple[int, int, int]], index: int, a: int, b: int) -> bool:
    return any(i == index and s < b and a < e for i, s, e in spans)


def _known(name: str, gazetteer: list[Actor]) -> bool:
    return any(actor.regex.fullmatch(name) or actor.regex.search(name) for actor in gazetteer)


# --- cited documents and key paragraphs -----------------------------------------------------------------------

def cited_documents(doc: DocText, store: Store, limit: int = 40) -> list[CitedDocument]:
    """UN documents the text refers to, most mentioned first, marked when they are in the index too."""
    counts: Counter[str] = Counter()
    first: dict[str, int | None] = {}
    seen_chunks: set[int] = set()
    for s in doc.sentences:
        if s.chunk.ordinal in seen_chunks:
            continue
        seen_chunks.add(s.chunk.ordinal)
        for sym in find_symbols(s.chunk.text):
            if doc.info.symbol and symbols_match(sym, doc.info.symbol):
                continue
            counts[sym] += 1
            first.setdefault(sym, s.chunk.page_start)
    indexed: dict[str, str] = {}
    for other in store.documents():
        if other.symbol and other.doc_id != doc.info.doc_id:
            for part in split_joint(other.symbol):
                indexed.setdefault(symbol_key(part), other.doc_id)
    out = []
    for sym, n in counts.most_common(limit):
        doc_id = next((indexed[symbol_key(p)] for p in split_joint(sym) if symbol_key(p) in indexed), None)
        out.append(CitedDocument(sym, n, first[sym], doc_id is not None, doc_id))
    return out


def key_paragraphs(doc: DocText, limit: int = 6, theme_weight: dict[int, float] | None = None) -> list[KeyParagraph]:
    """The report's own recommendations, observations and findings (a resolution's decisions), best first.

    Reasons: "recommendation" (in a Recommendations section, or the report asking for action in its own voice),
    "observation" (Observations / Conclusions), "finding" (the report's summary, or "the Panel found …"),
    "decision" (a resolution's operative "Decides", "Condemns" …). Covering letters, mandate recitals, working
    methods and procedural votes are never picked, and a third party's recommendation is not the report's.
    Within a reason, paragraphs with more organised-crime evidence come first; the output keeps that order.
    """
    weight = theme_weight or {}
    picked: list[tuple[float, str, Sentence, tuple[int, int] | None]] = []
    seen: set[tuple[str, int]] = set()
    resolution = doc.info.doc_type == "resolution"
    for s in doc.sentences:
        text = s.text
        if s.footnote or len(text) < 40 or is_fragment(text) or is_boilerplate(text):
            continue
        section = s.section or ""
        focus: tuple[int, int] | None = None
        if resolution:
            m = decision_verb(text)
            if not m or not is_operative(s):
                continue
            reason, rank = "decision", 3.0 if text.startswith(("Decides", "Condemns", "Strongly condemns")) else 2.0
            focus = (s.start + m.start(), s.start + m.end())
        else:
            recommend = _RECOMMEND.search(text)
            if _RECOMMENDATIONS.search(section) or recommend:
                reason, rank = "recommendation", 3.0
                if recommend:
                    focus = (s.start + recommend.start(), s.start + recommend.end())
            elif is_concluding_section(section):
                reason, rank = "observation", 2.5
            elif is_summary_section(section) or is_finding(text):
                reason, rank = "finding", 2.0
            else:
                continue
        para = paragraph_key(s)
        if para in seen:
            continue
        seen.add(para)
        picked.append((rank + min(1.0, weight.get(s.index, 0.0) / 6), reason, s, focus))
    out: list[KeyParagraph] = []
    for _, reason, s, focus in sorted(picked, key=lambda x: (-x[0], x[2].index)):
        if len(out) >= limit:
            break
        citation = cite(doc, s.chunk, s.start, s.end, focus=focus)
        if citation is not None:
            citation.key = str(len(out) + 1)
            out.append(KeyParagraph(reason, citation))
    return out


_CALL_TO_COMBAT = re.compile(
    r"^(?:Demands|(?:Strongly |Further |Also )?(?:Calls (?:up)?on|Urges|Invites|Encourages)|"
    r"Reiterates its (?:call|demand)s?)\b[^;]{0,250}?"
    r"\b(?:combat\w*|address\w*|fight\w*|tackl\w*|counter\w*|suppress\w*|cessation|end to|put an end|"
    r"anti-[\w-]+(?: and [\w-]+)? (?:efforts|measures|campaigns?|strateg\w+|programmes?|initiatives?))\b|"
    # The call after the paragraph's first clause, to fight a crime in so many words: "Notes with concern the effects
    # of widespread corruption …, and calls on the Afghan Government … to vigorously lead the fight against
    # corruption" (S/RES/1746 (2007) para. 17). Not a demand for the "cessation" of something the clause condemns.
    r"^(?:Strongly |Further |Also )?(?:Notes|Expresses|Stresses|Underlines|Emphasizes|Recognizes|Condemns|Deplores|"
    r"Welcomes|Reaffirms)\b[^;]{0,250}?,? and (?:further |also |strongly )?(?:calls (?:up)?on|urges|demands|"
    r"encourages|invites)\b[^;]{0,250}?\b(?:combat\w*|fight\w*|tackl\w*|counter\w*|suppress\w*)\b")


def is_call_to_combat(s: Sentence) -> bool:
    """A resolution's operative paragraph asking for action against what it names ("Demands an immediate cessation
    of … kidnappings, trafficking in persons and the smuggling of migrants"; "… to combat transnational organized
    crime, including drug trafficking, trafficking in persons and money-laundering"): a list there is the
    paragraph's subject, so each crime in it counts (evals/README.md, list-paragraph convention), and one such
    paragraph naming a crime strongly tags it even in a long resolution. "Calls on the Government to ensure
    continued … anti-corruption efforts" asks for action against corruption in the crime's own word; "anti-bribery
    laws" under which other crimes are prosecuted do not."""
    return is_operative(s) and bool(_CALL_TO_COMBAT.search(s.text))


_ANNEX = re.compile(r"^(?:Designation )?Annex\b", re.I)
_HUMANITARIAN = re.compile(
    r"\bhumanitarian situation\b|\binadequate living standards\b|\bprovision of basic services\b", re.I)


# A sanctions regime's review benchmarks ("Progressive reduction in ... homicides, kidnappings and incidents of sexual
# violence"): what progress is measured by, not a paragraph on each crime.
_BENCHMARK = re.compile(
    r"(?:Progressive|Significant|Measurable|Sustained) (?:reduction|decrease|increase|improvement)\b")


# A paragraph whose subject is what the Council might do ("Reaffirming its readiness to consider listing individuals
# … providing support to ISIL"; "Expresses its intention to consider targeted sanctions …"): no measure is taken.
_CONSIDER = re.compile(r"^(?:\w+ ){1,2}its (?:readiness|intention|willingness) to consider\b")


_EXEMPTION = re.compile(r"\bshall not apply\b|\bapproved in advance by the Committee\b|\bintended solely for\b|"
                        r"\bfor the sole use of\b|\bexemptions? (?:from|to) the arms embargo\b", re.I)
# The theme whose subject the measures themselves are: an exemption modifies them (the sanctions convention counts it).
MEASURES = "sanctions_measures"


# An exemption already in force, cited as the terms of something else ("the provision of ammunition (in accordance
# with the relevant exemption from the arms embargo in Somalia)", S/RES/2245 (2015) para. 12).
_PER_EXEMPTION = re.compile(r"\b(?:in accordance with|consistent with|in line with|under|pursuant to) the (?:relevant |"
                            r"applicable )?exemptions? (?:from|to) the arms embargo\b[^.;,)]*", re.I)


def every_match(theme: Theme, text: str, hits: list[ThemeHit]) -> list[tuple[int, int]]:
    """Every match in ``text`` of the terms behind ``hits`` (a hit holds its term's first match only), so that a rule
    saying "every match lies in such a clause" reads a term the sentence uses twice."""
    used = {h.term for h in hits}
    return [m.span() for term, _ in theme.all_terms() if term.pattern in used for m in term.regex.finditer(text)]


def _all_within(matches: list[tuple[int, int]], spans: list[tuple[int, int]]) -> bool:
    return bool(spans) and bool(matches) and all(any(a <= s and e <= b for a, b in spans) for s, e in matches)


def cites_exemption(text: str, matches: list[tuple[int, int]]) -> bool:
    """Every match of the measures (:func:`every_match`) lies in a reference to an exemption in force: the sentence
    does something else within the measures' terms, as a paragraph supplying AMISOM's ammunition does, and names no
    measure of its own (eleventh round, 2245). Deciding an exemption is a measure (:func:`is_exemption`)."""
    return _all_within(matches, [m.span() for m in _PER_EXEMPTION.finditer(text)])


def is_exemption(s: Sentence) -> bool:
    """A resolution's exemption from a measure ("shall not apply to: (a) Supplies of arms and related materiel …
    intended solely for support of or use by the United Nations Mission"; "Other sales or supply of arms … as approved
    in advance by the Committee"): what the measure leaves out, not a flow it acts against, so a crime theme named in
    it is a mention (scored like an enumeration); for the measures themselves it is a paragraph modifying them."""
    return bool(_EXEMPTION.search(s.text))


# The Somali piracy renewals' exemption for the States fighting piracy under the resolution's own authorization ("does
# not apply to supplies of weapons … destined for the sole use of Member States, international, regional, and
# subregional organizations undertaking measures in accordance with paragraph 14 above").
_COUNTER_PIRACY_EXEMPTION = re.compile(r"\bStates\b[^.;]{0,100}?\bundertaking measures in accordance with "
                                       r"paragraphs? \d+(?: \([a-z]\))? above\b")


def serves_own_authorization(s: Sentence) -> bool:
    """The counter-piracy exemption from the Somalia arms embargo, for the States and organizations that act under
    the piracy resolution's own authorization: the sanctions convention says it does not count (evals/README.md,
    settled 2026-12-02), so for the measures theme it is a mention. Other exemptions modify the regime and count: for
    a force or a mission the resolution names ("the force referred to in paragraph 3 above", S/RES/1725 (2006) para.
    5; UNMIL, 1509), or for witnesses (1793)."""
    return is_exemption(s) and bool(_COUNTER_PIRACY_EXEMPTION.search(s.text))


ARMS = "arms_trafficking"
# An arms embargo named by the resolution that imposed it ("growing demands by the Government to lift the arms embargo
# imposed by resolution 2428 (2018)"; "the arms embargo under paragraph 15 of resolution 1701 (2006)").
_RECALLED_EMBARGO = re.compile(r"\barms embargo(?:es)?\b[^.;]{0,80}?\b(?:imposed|established|elaborated|pursuant to|"
                               r"under)\b[^.;]{0,60}?\bresolutions? \d{3,4}", re.I)
# ... unless the sentence reports a breach of it ("weapons smuggled in violation of the arms embargo imposed by …").
_BREACH = re.compile(r"\b(?:violat\w*|breach\w*|contravention|circumvent\w*|non-?compliance)\b", re.I)


# An arms embargo as one kind of sanctions measure among others ("Security Council sanctions measures, including
# travel ban and arms embargo measures", S/RES/2664 (2022) para. 7): a kind of measure, not an embargo on anyone.
_KIND = r"(?:travel bans?|asset[- ]freezes?|financial)"
_EMBARGO_KIND = re.compile(rf"(?:\b{_KIND}(?: measures)?,? (?:and|or) arms embargo(?:es)?(?: measures)?\b|"
                           rf"\barms embargo(?:es)?(?: measures)?,? (?:and|or) {_KIND}\b)"
                           r"(?![^.;]{0,40}\b(?:imposed|applied|apply|on|against|in paragraphs?|set out|"
                           r"referred to)\b)",
                           re.I)


def embargo_as_kind(text: str, matches: list[tuple[int, int]]) -> bool:
    """Every arms match of the sentence (:func:`every_match`) is an arms embargo named beside a travel ban or an asset
    freeze as kinds of measure, with no target or source near ("imposed on", "against", "in paragraph 1 of
    resolution 2161"): for arms trafficking a mention (scored like an enumeration, still cited)."""
    return _all_within(matches, [m.span() for m in _EMBARGO_KIND.finditer(text)])


def recalls_embargo(text: str, hits: list[ThemeHit]) -> bool:
    """Every arms match of the sentence is an arms embargo named by the resolution that imposed it: in a report, a
    regime the report refers to (a Government's demand to lift it, a mission's mandate text), not arms flows it
    reports on, so for arms trafficking it is a mention (scored like an enumeration, still cited). Resolutions are
    left out: a renewal that recalls "the arms embargo established by resolution 1970" directs its implementation,
    which the labels count (evals/README.md, triage, eighth round). A breach of the embargo is an arms flow, so a
    sentence that reports one counts in full."""
    if _BREACH.search(text):
        return False
    spans = [(m.start(), m.end()) for m in _RECALLED_EMBARGO.finditer(text)]
    return bool(spans) and all(any(a <= h.start and h.end <= b for a, b in spans) for h in distinct(hits))


# A recital stressing compliance with an arms prohibition an earlier resolution established, in that resolution's
# words and not as an embargo ("Emphasizing the importance of full compliance with the prohibition on sales and supply
# of arms and related materiel established by resolution 1701", the UNIFIL renewals).
_STRESSED_PROHIBITION = re.compile(r"\bcompliance with the prohibition on (?:the )?sales? and supply of arms\b"
                                   r"[^.;]{0,60}?\bestablished by resolution \d{3,4}", re.I)


def stresses_prohibition(text: str, matches: list[tuple[int, int]]) -> bool:
    """Every arms match of a resolution's recital (:func:`every_match`) lies in a call for compliance with a
    prohibition an earlier resolution established: the recital directs nothing and reports no flow (the labels read
    the UNIFIL renewals' recital on resolution 1701's prohibition as no arms paragraph: 2004, 2115, 2172), so for arms
    trafficking it is a mention. A recital that goes on to report a breach counts in full (a breach named before it
    belongs to a neighbouring recital merged into the same sentence: 2004 (2011)), and an arms embargo the Council
    says it monitors ("determination to closely monitor compliance with the arms embargo imposed by its resolution
    1493") is not this recital."""
    found = list(_STRESSED_PROHIBITION.finditer(text))
    return (not any(_BREACH.search(text, m.start()) for m in found)
            and _all_within(matches, [m.span() for m in found]))


# Sanctions another body imposes ("Noting the decision of the African Union to impose targeted sanctions, including
# travel ban and asset freeze"; "the decisions of ECOWAS and AU to adopt targeted sanctions in Mali").
_OTHER_BODY = (r"(?:African Union|AU|ECOWAS|Economic Community of (?:West|Central) African States|European Union|EU|"
               r"IGAD|League of Arab States|Peace and Security Council|regional and subregional organizations)")
_OTHERS_SANCTIONS = re.compile(rf"\b{_OTHER_BODY}\b[^.;]{{0,80}}?\b(?:impos|adopt|appl|decision)\w*\b[^.;]*|"
                                rf"\b{_OTHER_BODY} (?:targeted )?sanctions\b")


def others_sanctions(text: str, hits: list[ThemeHit]) -> bool:
    """Every sanctions match of the sentence lies in sanctions another body imposes (the African Union's, ECOWAS's,
    the EU's): they are not the Council's measures (evals/README.md, settled 2026-12-05), so for the measures theme
    the sentence is a mention (scored like an enumeration, still cited). A Council measure named in another clause
    of the sentence (after a semicolon) counts in full."""
    spans = [(m.start(), m.end()) for m in _OTHERS_SANCTIONS.finditer(text) if re.search(r"\bsanctions\b", m.group())]
    return bool(spans) and all(any(a <= h.start and h.end <= b for a, b in spans) for h in distinct(hits))


# A recital that notes, welcomes or recalls a sanctions body or its report ("Taking note of the final 2024 report of the
# Group of Experts on the DRC"; "Noting the ongoing work of the Committee established pursuant to … resolution 1988 …,
# including its Analytical Support and Sanctions Monitoring Team").
_NOTING = re.compile(r"^(?:Further |Also |Again )?(?:Noting|Taking note|Takes note|Welcoming|Recalling|Acknowledging|"
                     r"Having considered|Having reviewed|Commending|Expressing (?:its )?appreciation)\b", re.I)
_BODY = re.compile(r"(?:Panel|Group) of Experts|(?:Sanctions )?Monitoring (?:Team|Group)|Committee|"
                   r"sanctions committees?", re.I)


def notes_body(text: str, hits: list[ThemeHit]) -> bool:
    """A resolution's recital that notes, welcomes or recalls a sanctions body (a committee, a panel or group of
    experts, the Monitoring Team) or its report, and names no measure: citing the body is not imposing, renewing,
    reviewing or directing the measures, which the sanctions convention counts (evals/README.md: a Monitoring Group
    report cited as a source does not count). For the measures theme it is a mention (scored like an enumeration)."""
    if not _NOTING.match(text.strip()):
        return False
    return all(_BODY.match(text[h.start:h.end]) for h in distinct(hits))


# What the Council would only consider doing ("decides that if the Secretary-General reports such fighting …, it shall
# consider applying the measures … and/or an arms embargo"): the clause from "consider" to its end.
# A body the Council directs to consider something ("Requests the Committee … to consider the recommendations …") is
# acting on the measures, so only the Council's own consideration counts. So is a readiness or an intention to take,
# impose, adopt, apply, update, designate, modify, suspend, lift or terminate measures ("expresses its readiness to
# take appropriate measures … that could include assets freeze or travel ban measures"), to the paragraph's next verb
# ("…, recalls …, and further decides that …"); a readiness to review measures in force is about them, and still
# counts. Measures only: a "determination to take action against illegal exploitation and trafficking" (1625 (2005),
# 2457 (2019)) is the Council's word on the crime.
_CONSIDERED = re.compile(r"\b(?:(?:it|the (?:Security )?Council) (?:shall|will|would|may|might)|"
                         r"(?:readiness|intention|intent|willingness|right) to) (?:further )?consider(?:ing)?\b[^.;]*|"
                         r"\b(?:readiness|intention|intent|willingness|determination) to (?:further |swiftly )?"
                         r"(?:take|impose|adopt|apply|update|designate|terminate|lift|suspend|modify)\b(?=[^.;]{0,40}?\b(?:measures|sanctions)\b)[^.;]*?"
                         r"(?=,? (?:and )?(?:further |also )?(?:recalls|decides|"
                         r"requests|encourages|urges|calls|reiterates|reaffirms|stresses|underlines|emphasizes|"
                         r"welcomes|notes|expresses|demands|condemns)\b|[.;]|$)", re.I)


def only_considered(text: str, hits: list[ThemeHit]) -> bool:
    """Every match of the theme lies in a clause saying what the Council shall, will or may consider doing, or is ready
    or intends to impose: no measure is taken, as `in_passing` says of a paragraph whose subject that is
    (evals/README.md, settled 2026-12-05: a readiness or an intention to impose sanctions is not a measure), so the
    sentence is a mention for the theme."""
    spans = [(m.start(), m.end()) for m in _CONSIDERED.finditer(text)]
    return bool(spans) and all(any(a <= h.start and h.end <= b for a, b in spans) for h in distinct(hits))


# "transnational organized crime, including illicit activities such as drug trafficking": the crimes named as examples
# of organized crime, from the example word to the clause's end. Not the proceeds of organized crime ("financing …
# including from the proceeds of organized crime, inter alia, the illicit production and trafficking of drugs"): the
# labels read that as drug proceeds financing terrorism (S/RES/2161, 2734).
_CRIME_EXAMPLES = re.compile(r"(?<!proceeds of )(?<!derived from )(?<!proceeds from )(?<!transnational )"
                             r"\b(?:transnational )?organi[sz]ed crime\b[^.;]{0,80}?"
                             r"\b(?:including|such as|inter alia|in particular|notably|namely)\b[^.;]*", re.I)


def crime_examples(text: str, hits: list[ThemeHit]) -> bool:
    """Every match of the theme lies in the examples a recital gives of organized crime ("… to tackle transnational
    organized crime, including illicit activities such as drug trafficking"): the recital is about organized crime,
    and the crime is named in passing, as one item of a list would be (evals/README.md: a crime named once in a list
    is not enough)."""
    spans = [(m.start(), m.end()) for m in _CRIME_EXAMPLES.finditer(text)]
    return bool(spans) and all(any(a <= h.start and h.end <= b for a, b in spans) for h in distinct(hits))


def in_passing(s: Sentence) -> bool:
    """A resolution's clause whose subject is something else, so the crimes it names are a mention, not a paragraph
    on them: an annex (a Monitoring Team's task list, a listed person's designation narrative) and the humanitarian
    paragraph ("grave concern at the humanitarian situation in Libya, including ... the smuggling of migrants and
    refugees and human trafficking through Libya"), review benchmarks and what the Council is ready or intends to
    consider (no measure taken). Scored like an enumeration (evals/README.md, triage)."""
    return (bool(_ANNEX.search(s.section or "")) or bool(_HUMANITARIAN.search(s.text))
            or bool(_BENCHMARK.match(s.text)) or bool(_CONSIDER.match(s.text)))


def is_operative(s: Sentence) -> bool:
    """In a resolution's numbered operative paragraph (preambular ones carry no number)."""
    span = s.chunk.locate(s.start)
    return bool(span and span.label)


_SEGMENT = re.compile(r"[^,;]+")
_LEAD = re.compile(r"^(?:and|or|as well as|and/or)\s+", re.I)
_EXAMPLES = re.compile(r"^(?:(?:and |or )?(?:including(?: but not limited to)?|such as|notably|in particular|"
                       r"inter alia|namely|among others)\s*:?\s+)", re.I)
_COORD = re.compile(r"\s(?:and|or|as well as|and/or)\s", re.I)
# Not items: asides between commas ("organized crime, inter alia, the illicit production and trafficking of drugs"),
# a run of clauses ("… used to threaten or attack any country, to plan or finance terrorist acts, or to shelter …")
# and verbs sharing one object ("supplying, selling or transferring arms and related materiel").
_ASIDE = re.compile(r"(?:inter alia|in particular|notably|among others|as appropriate|where appropriate|if appropriate|"
                    r"as necessary|where necessary|in this regard|in this context):?", re.I)
_CLAUSE = re.compile(r"(?:to|which|that|who|whose|where|if|when|while)\b", re.I)
_GERUND = re.compile(r"\w+ing", re.I)
_INTRO = re.compile(r"(?:in|of|for|to|from|by|with|on|at|under|within|through|against|between|among)\s", re.I)


def _item(piece: str, max_words: int) -> bool:
    """One or two enumeration items: at most ``max_words`` words a part, coordinated parts included ("trafficking in
    persons and the smuggling of migrants")."""
    piece = _LEAD.sub("", _EXAMPLES.sub("", piece.strip()))
    if _ASIDE.fullmatch(piece) or len(piece.split()) > max_words + 2:
        return False
    parts = [p.strip() for p in _COORD.split(piece)]
    return all(0 < len(p.split()) <= max_words and not _CLAUSE.match(p) and not _GERUND.fullmatch(p) for p in parts)


def _runs_on(text: str, a: int, b: int, max_words: int) -> int | None:
    """Where the last item ends when the segment text[a:b] closes an enumeration and runs on ("and stolen money from
    the territory they control, which …"; "kidnap ransoms and stolen money from …"): ``max_words`` words after the
    coordinator."""
    piece = text[a:b]
    if _EXAMPLES.match(piece.strip()):
        return None  # examples of the item before, not the last item
    lead = _LEAD.match(piece.lstrip())
    if lead:
        tail = a + len(piece) - len(piece.lstrip()) + lead.end()
    else:
        m = _COORD.search(piece)
        if m is None or not _item(piece[:m.start()], max_words):
            return None
        tail = a + m.end()
    words = list(re.finditer(r"\S+", text[tail:b]))[:max_words]
    if not words or _CLAUSE.match(words[0].group()):
        return None
    return tail + words[-1].end()


def list_runs(text: str, max_words: int = 6) -> list[tuple[int, int, int]]:
    """Enumerations in a sentence, as (start, end, items): a run of short comma-separated items closed by "and",
    "or" or "as well as" ("…, forced displacement and extortion"; the last item may run on: "…, kidnap ransoms and
    stolen money from the territory they control"), plus the item that ends the clause before the run ("…
    resulted in killings, increased sexual violence, kidnappings, forced displacement and extortion" is one
    enumeration of five). Clause commas ("On 26 February, in Ouaka Prefecture, clashes …") close no run."""
    segments = [(m.start(), m.end()) for m in _SEGMENT.finditer(text) if m.group().strip()]
    short = [_item(text[a:b], max_words) for a, b in segments]

    def joined(k: int) -> bool:
        return bool(_COORD.search(" " + _LEAD.sub("", text[segments[k][0]:segments[k][1]].strip()) + " "))

    def closes(k: int) -> bool:
        return bool(_LEAD.match(text[segments[k][0]:segments[k][1]].strip())) or joined(k)

    runs: list[tuple[int, int, int]] = []
    i = 0
    while i < len(segments):
        j = i
        # "…, including crude oil and refined petroleum products": examples of the item before, not siblings of it
        while j < len(segments) and short[j] and not (j > i and _EXAMPLES.match(text[slice(*segments[j])].strip())):
            j += 1
        if j == i:
            i += 1
            continue
        # The run ends at the item joined by a coordinator ("…, Y and Z", "…, Y, and Z"), or at a segment after it
        # that starts with one and runs on.
        on = _runs_on(text, *segments[j], max_words) if j < len(segments) else None
        last = j if on is not None else max((k for k in range(i, j) if closes(k)), default=None)
        if last is None:
            i = j + 1
            continue
        end = on if on is not None else segments[last][1]
        items = last - i + 1 + joined(last)
        start = segments[i][0]
        before = text[segments[i - 1][0]:segments[i - 1][1]] if i > 0 else ""
        first = text[segments[i][0]:segments[i][1]].strip()
        if before and not _EXAMPLES.match(first) and not _INTRO.match(first) and not _ASIDE.fullmatch(before.strip()):
            # the clause before the run ends with the first item, unless the run gives examples of it ("natural
            # resources linked to the conflict, including gold, tin, tantalum") or opens with its own first item
            # ("…, in the framework of the sovereignty, independence, unity and territorial integrity")
            items += 1
            words = list(re.finditer(r"\S+", before))
            start = segments[i - 1][0] + words[-min(len(words), max_words)].start()
        if items >= 3:
            runs.append((start, end, items))
        i = j + 1
    return runs


_GAP = "[^.;]{0,"  # a term whose parts may lie apart ("armed groups?[^.;]{0,200}exploitation of … resources")


def _innermost(hits: list[ThemeHit]) -> list[ThemeHit]:
    """The matches that say what the sentence names: a match of a term whose parts may lie apart, holding a match of
    the theme at least as strong, adds only its reach, and that reach may cross list items ("illegal armed groups
    and criminals involved in narcotics trade, and illicit exploitation of natural resources" holds "illicit
    exploitation of natural resources"). A weaker match inside ("related materiel" in "supply, sale or transfer of
    arms and related materiel") does not replace it."""
    return [h for h in hits if not (_GAP in h.term and any(
        o is not h and h.start <= o.start and o.end <= h.end and (o.start, o.end) != (h.start, h.end)
        and o.weight >= h.weight for o in hits))]


def listed_among(text: str, hits: list[ThemeHit], max_words: int = 6) -> bool:
    """Every match of the theme is one item of an enumeration whose other items (two or more) are something else:
    "killings, increased sexual violence, kidnappings, forced displacement and extortion" names kidnapping in
    passing, "challenges … security and terrorism, narcotics, development, economic and social challenges" names
    drugs in passing. A list of the theme's own items ("gold, diamonds, timber and charcoal") is about it, and a
    match across items ("supply, sale or transfer … of arms") is not an item."""
    if not hits:
        return False
    hits = _innermost(hits)
    for start, end, items in list_runs(text, max_words):
        if not all(start <= h.start and h.end <= end for h in hits):
            continue
        segments = [(start + m.start(), start + m.end()) for m in _SEGMENT.finditer(text[start:end])]
        if not all(any(a <= h.start and h.end <= b for a, b in segments) for h in hits):
            return False
        inside = sum(any(a <= h.start and h.end <= b for h in hits) for a, b in segments)
        others = [text[a:b] for a, b in segments if not any(a <= h.start and h.end <= b for h in hits)]
        leads = bool(others) and others[0] == text[slice(*segments[0])]
        if items - inside >= 2 and not shares_object(others, leads) and not any(
                _ACTS_AGAINST.search(text, max(start, h.start - 30), h.start) for h in hits):
            return True
    return False


# An item that acts against the crime ("the need for further efforts by the Afghan Government to fight corruption,
# promote transparency and increase its accountability", S/RES/1890 (2009)): a list of actions, one of them on it.
_ACTS_AGAINST = re.compile(r"\b(?:fight|combat|tackle|counter|suppress|prevent|eradicate|end)\s+(?:the\s+)?$", re.I)


# Activities that take an object: "the cultivation, production, trade and trafficking of illicit drugs" names the
# stages of one crime, all sharing "of illicit drugs", not other things beside it. A stage item is the noun alone or
# after "the / its / their": "drug trafficking" and "arms smuggling" carry their own object, so a list of them names
# other crimes. The run's first item may carry the clause it ends ("Expressing concern over the cultivation").
_STAGE = (r"(?:cultivation|production|manufactur(?:e|ing)|trade|sale|supply|transfer|transit|distribution|"
          r"consumption|use|export|import|exploitation|possession|stockpiling|acquisition|brokering|diversion|"
          r"financing|planning|preparation|smuggling|trafficking)")
_BARE_STAGE = re.compile(rf"(?:(?:the|its|their)\s+)?(?:(?:illicit|illegal|unlawful)\s+)?{_STAGE}", re.I)
_CLAUSE_STAGE = re.compile(rf"(?:.*\b(?:the|its|their|of|over|about|at|on|in|into|against|by|for|to|from|with)\s+)?"
                           rf"(?:(?:illicit|illegal|unlawful)\s+)?{_STAGE}", re.I)


def shares_object(items: list[str], leads: bool = False) -> bool:
    """The items beside the theme's are bare activity nouns with no object of their own ("cultivation",
    "production", "the trade"; when ``leads``, the first item is the run's first and may carry the clause it ends:
    "Expressing concern over the cultivation"), so they share the object the theme's item names: a list of the
    crime's own stages, not an enumeration of other things ("drug trafficking, arms smuggling and trafficking in
    persons" is one)."""
    def bare(item: str, first: bool) -> bool:
        parts = [p.strip() for p in _COORD.split(" " + _LEAD.sub("", _EXAMPLES.sub("", item.strip())) + " ")]
        parts = [p for p in parts if p]
        return bool(parts) and all((_CLAUSE_STAGE.fullmatch(p) if first and k == 0 else _BARE_STAGE.fullmatch(p))
                                   for k, p in enumerate(parts))
    return bool(items) and all(bare(item, leads and k == 0) for k, item in enumerate(items))
