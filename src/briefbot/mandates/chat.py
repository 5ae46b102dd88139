"""Mandate-history questions answered from track data, with the chat's cited-paragraph format.

"Since when has MINUSMA been asked to look at trafficking?", "What did the last MINUSCA renewal add on natural
resources?", "How many resolutions on Libya mention migrant smuggling?", "How many Council resolutions in 2018
dealt with piracy?" are not passage-similarity questions: an analyst answers them by reading a track side by side.
:func:`mandate_answer` recognises them (cheap regexes; which track holds a resolution named is looked up) and answers
from the mandate index; every sentence cites a paragraph whose quote is checked verbatim against the catalog's page
text. Anything it does not recognise returns None, and the question goes to ordinary retrieval.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from itertools import pairwise

from ..models import Answer, Citation, Hit
from ..parse.gazetteer import COUNTRIES, COUNTRY_ADJECTIVES
from ..symbols import resolution_no
from ..taxonomy import theme_hits
from .changes import renews_by_reference
from .index import MandateIndex
from .model import ParagraphChange, Track, TrackEntry, TrackParagraph, counted, restates

log = logging.getLogger(__name__)

_FIRST_RE = re.compile(r"\bsince when\b|\bfirst (?:time|mention\w*|appear\w*|asked|request\w*|includ\w*|call\w*)\b|"
                       r"\bwhen did\b.*\b(?:first|start|begin)\b|\bwhen was\b.*\bfirst\b", re.I)
# "add" as a verb: "What has UNAMA put in place to address illicit small arms … flows" adds nothing.
_CHANGE_RE = re.compile(r"\bwhat (?:did|has|have)\b.*\b(?:add(?:s|ed|ing)?\b|drop|chang|remov|introduc)\w*|"
                        r"\bwhat changed\b|\bwhat(?:'s| is) new\b|\bchanges? (?:in|at|to) the\b.*\brenewal\b", re.I)
# "How has X's language on drug trafficking evolved?", "… over successive renewals": the track's history as a whole
# (with a year it is that year's changes).
_EVOLVE_RE = re.compile(r"\bhow (?:has|have|did|was|were)\b.*\b(?:evolv|develop|chang|shift|grow|grew|expand|"
                        r"broaden|narrow|tighten|strengthen)\w*|\bevolution of\b|\bover (?:time|the years|"
                        r"successive (?:renewals|resolutions|mandates))\b|\brenewal by renewal\b|"
                        r"\bacross (?:the |its )?(?:renewals|mandates)\b", re.I)
# ... asked of the Council's text, not of a figure or a date it sets ("how did the share of Port-au-Prince under gang
# control change", "how did the two decisions change the mission's end date": retrieval answers those).
_ABOUT_TEXT_RE = re.compile(r"\b(?:language|wording|text|paragraphs?|provisions?|mandates?|renewals?|"
                            r"authori[sz]ations?|regime|resolutions)\b", re.I)
_FIGURE_Q_RE = re.compile(r"\b(?:end date|expiry|deadline|until when|share|number of|how many|how much|percentage|"
                          r"per cent|figures?|size|strength|ceiling)\b", re.I)
# What is counted must be resolutions: "how many experts did resolution 2653 (2022) ask for" counts experts.
_COUNT_RE = re.compile(r"\b(?:how many|number of) (?:[\w-]+ ){0,3}resolutions\b", re.I)
# Resolutions a question names: "resolution 2752 (2024)", "resolutions 2752 and 2794", "S/RES/2818", "2802 (2025)".
_RES_LIST_RE = re.compile(r"\b(?:S/RES/|resolutions?\s+)(\d{1,4}(?:\s*\(\d{4}\))?(?:\s*(?:,|and|&|/)\s*(?:S/RES/)?"
                          r"\d{1,4}(?!\d)(?:\s*\(\d{4}\))?)*)", re.I)
_RES_YEAR_RE = re.compile(r"(?<![\w/.])(\d{1,4})\s*\((?:19[4-9]\d|20\d\d)\)")
# Two resolutions named and set against each other: "How did … renewal of March 2026 (resolution 2818) differ from
# the March 2025 renewal (resolution 2777)" asks what changed, in words none of the patterns above know.
# Not "against": "the measures against illicit petroleum exports … set out in resolution 2146 (2014)" compares nothing.
_COMPARE_RE = re.compile(r"\bdiffer\w*|\bcompar\w*|\bversus\b|\bvs\b|\bbetween\b", re.I)
_YEAR_RE = re.compile(r"\b(20[0-2]\d)\b")
# A phrase in quotation marks; a single quote only where it is not an apostrophe ("MINUSMA's mandate").
_QUOTED_RE = re.compile(r"“([^”]{4,80})”|\"([^\"]{4,80})\"|(?<!\w)'([^']{4,80})'(?!\w)")
# Plain words a user says for a theme, when the taxonomy's own terms (which name the crime) do not match.
_THEME_WORDS: list[tuple[re.Pattern[str], list[str]]] = [
    (re.compile(r"\bnatural resources?\b|\bminerals?\b|\bgold\b|\bcharcoal\b|\boil\b|\btimber\b", re.I),
     ["illicit_natural_resources"]),
    (re.compile(r"\b(?:human|persons?)\b.*\btraffick|\btraffick\w* in (?:persons|human)", re.I),
     ["trafficking_in_persons"]),
    (re.compile(r"\bmigrants?\b|\bmigration\b", re.I), ["migrant_smuggling"]),
    (re.compile(r"\bdrugs?\b|\bnarcotics?\b", re.I), ["drug_trafficking"]),
    (re.compile(r"\barms\b|\bweapons?\b|\bfirearms?\b", re.I), ["arms_trafficking"]),
    (re.compile(r"\bterror\w* financ\w*|\bfinancing of terror", re.I), ["terrorist_financing"]),
    (re.compile(r"\bmoney[- ]laundering\b|\billicit financ\w*|\bfinancing of armed groups\b|\bfinancial sources\b",
                re.I), ["illicit_financial_flows"]),
    (re.compile(r"\bcorrupt\w*", re.I), ["corruption"]),
    (re.compile(r"\bpira\w+|\bmaritime\b", re.I), ["piracy_maritime_crime"]),
    (re.compile(r"\bkidnap\w*|\bransom\b|\bhostage", re.I), ["kidnapping_for_ransom"]),
    (re.compile(r"\bextort\w*|\billegal taxation\b", re.I), ["extortion_illegal_taxation"]),
]
_MAX_CITATIONS = 6
# What a question adds after its subject: "… differ from the March 2025 renewal, including on drug-financing language".
_ASIDE_RE = re.compile(r"\b(?:including|in particular|notably|especially|as well as)\b", re.I)
# Operative paragraphs no longer restated, and new or changed recitals, quoted after a renewal's new or changed
# operative paragraphs; more are listed by number.
_MAX_QUOTED = 3
# A pair of resolutions the question names is described in full: each changed paragraph and the two end dates cited.
_MAX_PAIR_CITATIONS = 14
# Questions about how armed groups are financed: the resolutions say "financial sources of conflicts",
# "financing of armed groups"; matched as wording when no paragraph carries a financing theme.
# A "since when" question naming no theme asks about organised crime as a whole only in these words.
_CRIME_Q = re.compile(r"\bcrim\w*|\billicit\b|\billegal\b|\btraffick\w*|\bsmuggl\w*|\bfinanc\w*|\borgani[sz]ed\b", re.I)
_FINANCING_Q = re.compile(r"\bfinanc\w*\b.*\b(?:armed groups|conflicts?)\b|\bfinancial sources\b", re.I)
_FINANCING_TEXT = re.compile(r"\bfinanc\w*[^.;]{0,40}\b(?:armed groups|conflicts?)\b|"
                             r"\b(?:armed groups|conflicts?)\b[^.;]{0,20}\bfinanc\w*", re.I)


@dataclass(slots=True)
class Intent:
    kind: str  # first | change | evolve | count
    track: str | None
    themes: list[str]
    year: int | None
    phrase: str | None
    resolutions: list[int] = field(default_factory=list)  # numbers the question names that the track holds
    # The themes are what the question asks about ("How did the Haiti arms embargo change …"), not an aside
    # ("… differ …, including on drug-financing language"): a comparison then leads with their changes.
    theme_asked: bool = False
    years: list[int] = field(default_factory=list)  # every year the question names, in its order


def looks_like_history(question: str) -> bool:
    """Cheap first test, before any index is opened: does the question ask for a mandate's history?"""
    return bool(_FIRST_RE.search(question) or _CHANGE_RE.search(question) or _asks_evolution(question)
                or _COUNT_RE.search(question) or _asks_comparison(question))


def _named_numbers(question: str) -> list[int]:
    """The numbers of the resolutions a question names, in the order it names them."""
    found: list[tuple[int, int]] = []
    for m in _RES_LIST_RE.finditer(question):
        listed = re.sub(r"\(\d{4}\)", " ", m.group(1))
        found.extend((m.start(1) + n.start(), int(n.group(0))) for n in re.finditer(r"\d{1,4}", listed))
    found.extend((m.start(1), int(m.group(1))) for m in _RES_YEAR_RE.finditer(question))
    return list(dict.fromkeys(n for _, n in sorted(found)))


def _asks_comparison(question: str) -> bool:
    """Two resolutions named and compared, asked of their text rather than of a figure they set ("How did the troop
    ceiling differ between …" is retrieval's)."""
    return bool(len(_named_numbers(question)) >= 2 and _COMPARE_RE.search(question)
                and not _FIGURE_Q_RE.search(question))


def _asks_evolution(question: str) -> bool:
    return bool(_EVOLVE_RE.search(question) and _ABOUT_TEXT_RE.search(question)
                and not _FIGURE_Q_RE.search(question))


def detect(question: str, index: MandateIndex) -> Intent | None:
    """The mandate-history intent of a question, or None. Reads the track book and taxonomy, and the tracks'
    members when the question names resolutions."""
    compared = _asks_comparison(question)
    kind = ("first" if _FIRST_RE.search(question) else "change" if _CHANGE_RE.search(question) or compared
            else ("change" if _YEAR_RE.search(question) else "evolve") if _asks_evolution(question)
            else "count" if _COUNT_RE.search(question) else None)
    if kind is None:
        return None
    track, named_by = _track_named(question, index)
    numbers = _named_numbers(question) if kind in ("change", "evolve") else []
    held = _track_holding(index, numbers, track)
    if held is not None and held[0] != track:
        # "How did the Council's arms embargo language on Haiti change between resolution 2752 (2024) and
        # resolution 2794 (2025)?": "Haiti" named the BINUH track, which compared 2743 with 2692; the resolutions
        # named are the Haiti sanctions regime's.
        track, named_by = held[0], ""
    if len(numbers) >= 2 and (held is None or held[1] < 2):
        # Two resolutions named that no one track holds: retrieval's, however the change is asked ("What changed
        # between resolution 2765 (2024) and resolution 2752 (2024)?" is MONUSCO's and the Haiti sanctions').
        return None
    if track is None and kind != "count":
        return None
    if kind == "change" and not numbers and index.track_def(track or "").kind == "mission" \
            and not _ABOUT_TEXT_RE.search(question) and not re.search(r"\bCouncil\b", question):
        # A mission named in a "what has … changed / added" question about what it does, not about the Council's
        # words ("What has UNAMA added to its field presence?"): retrieval's. A regime or an authorisation is the
        # Council's text by nature.
        return None
    # "Since when has Haiti been under the global anti-money-laundering standard-setter's increased monitoring?" (dev
    # q279) asks about the country, not about the Council's decisions on its missions: a track named only by a
    # country answers a "since when" question that speaks of those decisions.
    if kind == "first" and named_by.lower() in _COUNTRY_WORDS and not _ABOUT_TEXT_RE.search(question) \
            and not re.search(r"\bCouncil\b", question):
        return None
    # "How many resolutions on piracy off Somalia mention kidnapping?" asks about kidnapping: the words that name
    # the track ("piracy off Somalia") do not also name a theme to count.
    themes = _themes_named(question.replace(named_by, " ") if named_by else question, index)
    if not themes and named_by:
        # "How did the Council's language on migrant smuggling off Libya change …?": the words naming the track
        # name the theme asked about when no other does.
        themes = _themes_named(named_by, index)
    theme_asked = bool(themes) and bool(_themes_named(_ASIDE_RE.split(question, maxsplit=1)[0], index))
    quoted = _QUOTED_RE.search(question)
    if kind == "first" and not themes and quoted is None and not _CRIME_Q.search(question):
        # "When did MINUSMA start its withdrawal?" asks about the mission, not when its mandate first named a
        # crime: it was answered with the first mention of kidnapping.
        return None
    years = _YEAR_RE.findall(question)
    phrase = next(g for g in quoted.groups() if g is not None) if quoted else None
    return Intent(kind, track, themes, int(years[0]) if years else None, phrase,
                  numbers if held is not None and held[0] == track else [], theme_asked, [int(y) for y in years])


def _track_holding(index: MandateIndex, numbers: list[int], named: str | None) -> tuple[str, int] | None:
    """The track holding most of the resolutions numbered ``numbers`` and how many it holds: the one the question
    names by its words when it holds as many as any, else the first in the track file (one answer every time)."""
    held = index.tracks_holding(numbers) if numbers else {}
    if not held:
        return None
    most = max(len(v) for v in held.values())
    if named is not None and len(held.get(named, [])) == most:
        return named, most
    return next(((t.slug, most) for t in index.book.tracks if len(held.get(t.slug, [])) == most), None)


def _track_named(question: str, index: MandateIndex) -> tuple[str | None, str]:
    """The track a question names, and the words that name it ("" when found by country and "sanctions")."""
    best: tuple[int, bool, str, str] | None = None
    for t in index.book.tracks:
        names = {t.slug.replace("_", " "), *t.aliases, *(s for s, _ in t.stages)}
        if not t.name.startswith(("ISIL", "Libya", "Mali", "Central", "DRC", "South", "Somalia", "Sudan", "Yemen",
                                  "Haiti")):
            names.add(t.name)
        for name in sorted(names):
            if len(name) < 3 or (name.isdigit() and not re.search(rf"\b{name}\b", question)):
                continue
            m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", question, re.I)
            # The longest name, and of two as long the operation's own over a country's ("BINUH" over "Haiti" in
            # "the UN Integrated Office in Haiti (BINUH)"): a set's order, which changes from one process to the
            # next, decided between them, so a note came and went with the process asked.
            key = (len(name), name.lower() not in _COUNTRY_WORDS)
            if m and (best is None or key > best[:2]):
                best = (*key, t.slug, m.group(0))
    if best is None and re.search(r"\bsanctions?\b", question, re.I):
        for country, slug in (("Libya", "libya_sanctions"), ("Mali", "mali_sanctions"),
                              ("Central African", "car_sanctions"), ("Congo", "drc_sanctions"),
                              ("South Sudan", "south_sudan_sanctions"),
                              ("Somalia|Al-Shabaab", "somalia_sanctions"), ("Sudan|Darfur", "sudan_sanctions"),
                              ("Yemen", "yemen_sanctions"), ("Haiti", "haiti_sanctions"),
                              ("ISIL|Al-Qaida|Da.esh", "isil_alqaida")):
            if re.search(rf"\b(?:{country})\b", question):
                return slug, ""
    return (best[2], best[3]) if best else (None, "")


def standing_note(index: MandateIndex, question: str, lead: str | None,
                  citations: list[Citation] | None = None) -> tuple[str, str | None] | None:
    """The tracker's word on where a mission's mandate or an authorisation the question names stands now
    (:func:`briefbot.mandates.index.track_status`), for a current-term question whose answer does not lead with
    the resolution the tracker names (``lead``: the answer's first cited symbol, None when it abstained): "Are the
    authorisations to repress piracy off Somalia still in force?" was answered with preambles. Not for sanctions
    tracks, whose dates are of several things (the Panel's term is no term of an open-ended arms embargo).
    ``citations``: the answer's, to which the paragraph stating the status's date is added, verified, so that the
    note cites it ("… (para. 14) [5]") as the answer's own lines do. Returns the note and that citation's quote
    line (None when nothing was cited)."""
    slug, named_by = _track_named(question, index)
    # Named as itself, not by a country: "How long is the current UN arms embargo on Haiti in force?" and "… the
    # Gang Suppression Force in Haiti …" are not about the Haiti missions' track its slug "haiti" matched (the
    # held-out probes; the note there spoke of BINUH).
    if slug is None or index.track_def(slug).kind not in ("mission", "authorization") or not named_by \
            or named_by.lower() in _COUNTRY_WORDS:
        return None
    track = index.track(slug, changes=False, update=False)
    status = track.status or (f"ended — {track.lapsed}" if track.lapsed else None)
    if status is None or (lead is not None and lead in status):
        return None
    line: str | None = None
    last = next((e for e in reversed(track.entries) if e.symbol in status), None)
    source = last.term.source if last is not None and last.term is not None else ""
    para = next((p for p in index.paragraphs(last.symbol) if f"para. {p.paragraph}" == source), None) \
        if last is not None and source.startswith("para. ") and citations is not None else None
    if para is not None and citations is not None:
        line = _cite(index, para, citations)
    key = f" [{citations[-1].key}]" if line is not None and citations else ""
    return f"The mandate tracker's {track.name} track: {status.rstrip('.')}{key}.", line


_COUNTRY_WORDS = {w.lower() for w in (*COUNTRIES, *COUNTRY_ADJECTIVES)}


def _themes_named(question: str, index: MandateIndex) -> list[str]:
    found: list[str] = []
    for theme in index.tagger.themes:
        if theme_hits(theme, question):
            found.append(theme.slug)
    if not found:
        for rx, slugs in _THEME_WORDS:
            if rx.search(question):
                found.extend(s for s in slugs if s not in found)
    return [t for t in found if t in index.book.tagging.themes]


def _cite(index: MandateIndex, p: TrackParagraph, citations: list[Citation]) -> str | None:
    # On the printed page when the index holds the resolution's PDF (the page view opens it), else the XML text.
    key = str(len(citations) + 1)
    c = index.pdf_citation(p, key, max_chars=420) or index.citation(p, key, max_chars=420)
    if c is None:
        return None
    citations.append(c)
    return f"{c.reference()}: “{c.shown_quote()}” [{c.key}]"


def _where(p: TrackParagraph) -> str:
    return f"{p.symbol}, {'operative para.' if p.operative else 'preambular para.'} {p.paragraph}"


def mandate_answer(index: MandateIndex, question: str) -> Answer | None:
    """An answer from the mandate tracker, or None when the question is not about a mandate's history."""
    intent = detect(question, index)
    if intent is None:
        return None
    lines: list[str] = []
    citations: list[Citation] = []
    note = ""
    if intent.kind == "first":
        track = index.track(intent.track or "", phrase=intent.phrase)
        note = f"Mandate track {track.name} ({counted(len(track.entries), 'resolution')})."
        if intent.phrase is not None:
            fa = track.phrase_first
            if fa is None:
                return _abstain(question, f"The phrase “{intent.phrase}” does not occur in the {track.name} track "
                                          f"({counted(len(track.entries), 'resolution')}).", note)
            items = [("the phrase “" + intent.phrase + "”", fa)]
        else:
            themes = intent.themes or list(track.first_appearance)
            items = [(_theme_words(index, t), track.first_appearance[t]) for t in themes if t in track.first_appearance]
            missing = [t for t in intent.themes if t not in track.first_appearance]
            if _FINANCING_Q.search(question):
                fa_fin = index.first_match(track.slug, _FINANCING_TEXT, "the financing of armed groups")
                if fa_fin is not None:
                    items = [("wording on the financing of armed groups or conflicts", fa_fin), *items]
            if not items:
                return _abstain(question, f"No paragraph of the {track.name} track carries "
                                          f"{', '.join(_theme_words(index, t) for t in missing)}.", note)
        for label, fa in items[:3]:
            p, op = fa.paragraph, fa.operative_paragraph
            lines.append(f"In the {track.name} track, {label} first appears in {_where(p)} ({p.symbol[-5:-1]}).")
            line = _cite(index, p, citations)
            if line:
                lines.append(line)
            if op is not None and op is not p:
                lines.append(f"The first operative paragraph on it is {_where(op)}.")
                line = _cite(index, op, citations)
                if line:
                    lines.append(line)
            elif op is None:
                lines.append("No operative paragraph of the track carries it: it is only recalled in preambles.")
    elif intent.kind == "evolve":
        track = index.track(intent.track or "", themes=intent.themes or None)
        note = (f"Mandate track {track.name}; each renewal compared with the resolution of the track it was "
                "drafted from (the Mandates tab shows every change).")
        if not _describe_evolution(index, track, intent.themes, lines, citations):
            what = ", ".join(_theme_words(index, t) for t in intent.themes) or "an organised-crime theme"
            return _abstain(question, f"No paragraph of the {track.name} track carries {what}.", note)
    elif intent.kind == "change":
        track = index.track(intent.track or "", themes=intent.themes or None)
        note = (f"Mandate track {track.name}; each renewal compared with the resolution of the track it was "
                "drafted from.")
        scope = f" on {', '.join(_theme_words(index, t) for t in intent.themes)}" if intent.themes else \
            " on organised-crime themes"
        named = [e for e in track.entries if resolution_no(e.symbol) in intent.resolutions]
        if len(named) < 2 and len(set(intent.years)) >= 2:
            # "How did … change between 2008 and 2013?": the text as it stood after each year's last renewal,
            # compared (it compared 2008's renewal with 2007's and never reached 2013).
            named = _as_of_years(track.entries, min(intent.years), max(intent.years)) or named
        if len(named) >= 2:
            # "What changed … in resolution 2794 (2025) compared with resolution 2752 (2024)?": exactly the pair
            # named, described in full (the answer spent its quotes on 2752 against 2700 and gave 2794 one count).
            note = (f"Mandate track {track.name}; " + "; ".join(
                f"{b.symbol} compared with {a.symbol}" for a, b in pairwise(named))
                    + ", as the question names them.")
            if len(named) > 2:
                lines.append(f"The question names {counted(len(named), 'resolution')} of the {track.name} track; "
                             "each is compared with the one named before it.")
            budget = max(_MAX_PAIR_CITATIONS // (len(named) - 1), 3)
            for earlier, later in pairwise(named):
                if not intent.theme_asked:
                    _describe_terms(index, later, earlier, track.dates_of_several(), lines, citations)
                # Asked about a theme, its changes lead and the dates follow ("How did the Haiti arms embargo
                # change between 2653 (2022) and 2700 (2023)?" led with the Panel of Experts' dates).
                limit = len(citations) + budget - (2 if intent.theme_asked else 0)
                _describe_amendments(track, earlier, later, lines, citations, index, limit)
                _describe_change(index, later, scope, lines, citations, against=earlier,
                                 changes=index.compare(track.slug, earlier.symbol, later.symbol,
                                                       intent.themes or None),
                                 limit=limit)
                if intent.theme_asked:
                    _describe_terms(index, later, earlier, track.dates_of_several(), lines, citations)
        else:
            # "What did resolution 2362 (2017) add …?" is about that renewal, not every one of its year.
            picked = [e for e in named if e.previous is not None] or _pick_entries(track.entries, intent.year)
            if not picked:
                return _abstain(question, f"No renewal of the {track.name} track"
                                          f"{' in ' + str(intent.year) if intent.year else ''} to compare.", note)
            what = "renewals" if all(e.action in ("renews", "establishes") for e in picked) else "resolutions"
            if len(picked) > 1 and intent.year:
                lines.append(f"The {track.name} track has {len(picked)} {what} in {intent.year}, each compared "
                             "with the one it was drafted from.")
            elif len(picked) > 1:
                lines.append(f"The latest renewal of the {track.name} track changes none of its theme paragraphs; "
                             "the last one that did is shown after it.")
            for entry in picked:
                _describe_change(index, entry, scope, lines, citations)
    else:
        if intent.track is not None:
            track = index.track(intent.track, themes=intent.themes or None)
            entries = [e for e in track.entries if intent.year is None or e.year == intent.year]
            themed = [e for e in entries if e.paragraphs]
            scope = f" in {intent.year}" if intent.year else ""
            note = f"Mandate track {track.name}."
            what = ", ".join(_theme_words(index, t) for t in intent.themes) or "organised-crime themes"
            lines.append(f"The {track.name} track has {len(entries)} resolution(s){scope}; {len(themed)} carry "
                         f"paragraphs on {what}.")
            for e in themed[:_MAX_CITATIONS]:
                line = _cite(index, e.paragraphs[0], citations)
                if line:
                    lines.append(line)
        else:
            if not intent.themes:
                return None
            trends = index.trends(intent.themes)
            years = [intent.year] if intent.year else sorted(trends.resolutions)[-3:]
            note = "Council-wide counts from the mandate tracker."
            for theme in intent.themes[:2]:
                for year in years:
                    cell = trends.cell(year, theme)
                    lines.append(f"In {year}, {cell.total} of {trends.resolutions.get(year, 0)} Council resolutions "
                                 f"carried {_theme_words(index, theme)} ({len(cell.operative)} in an operative "
                                 f"paragraph, {len(cell.preambular_only)} only in the preamble).")
                    for p in index.trend_paragraphs(year, theme)[:2]:
                        if len(citations) >= _MAX_CITATIONS:
                            break
                        line = _cite(index, p, citations)
                        if line:
                            lines.append(line)
    if not citations:
        return _abstain(question, " ".join(lines) or "The mandate tracker holds nothing on this.", note)
    answer = Answer(question=question, answer="\n".join(lines), abstained=False, citations=citations, hits=[],
                    engine="mandates", notes=[note] if note else [])
    return answer


def on_track(index: MandateIndex, question: str, hits: list[Hit]) -> list[Hit]:
    """The retrieved passages that belong beside a tracker answer: from the track's own resolutions or from
    documents about it (its operation in their missions, or its name in their title). Retrieval alone put a
    Haiti and a CAR resolution beside "What did the 2024 UNMISS renewal add on arms trafficking?"."""
    intent = detect(question, index)
    if intent is None or intent.track is None:
        return hits
    tdef = index.track_def(intent.track)
    members = {e.doc_id for e in index.track(tdef.slug, changes=False).entries}
    names = [n for n in tdef.names() if len(n) >= 4 and not n.isdigit()]
    rx = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names), re.I) if names else None

    def about(h: Hit) -> bool:
        doc = h.doc
        # What a PDF is about (Store.fill_about), not every place it names: the Sudan Panel's report names Libya.
        places = (doc.missions and doc.about) or doc.missions
        return (doc.doc_id in members or any(m.lower() in names for m in places)
                or (rx is not None and rx.search(doc.title or "") is not None))
    return [h for h in hits if about(h)]


def _as_of_years(entries: list[TrackEntry], first: int, last: int) -> list[TrackEntry]:
    """The last renewal (or, with none, the last resolution) of the track in each of two years; [] unless both
    years have one."""
    def of(year: int) -> TrackEntry | None:
        pool = [e for e in entries if e.year == year]
        decisive = [e for e in pool if e.action in ("renews", "establishes")]
        return (decisive or pool)[-1] if pool else None

    earlier, later = of(first), of(last)
    return [earlier, later] if earlier is not None and later is not None else []


def _pick_entries(entries: list[TrackEntry], year: int | None) -> list[TrackEntry]:
    """The renewals a "what changed" question is about: every one of ``year`` (a track can renew two lines in a
    year, such as Libya's measures and its high-seas inspections); without a year the latest, and when it
    changed nothing on the themes, the latest that did."""
    pool = [e for e in entries if e.previous is not None and (year is None or e.year == year)]
    chosen = [e for e in pool if e.action in ("renews", "establishes")] or pool
    if year is not None or not chosen:
        return chosen
    latest = chosen[-1]
    if _changed(latest):
        return [latest]
    last_change = next((e for e in reversed(chosen) if _changed(e)), None)
    return [latest, last_change] if last_change is not None else [latest]


def _diff_summary(change: ParagraphChange, limit: int = 160) -> str:
    """What a changed paragraph added and removed, in its own words: the longest run of each, found again in the
    paragraph's text so it reads as printed ("2.2 million", "S/RES/2677"), shortened."""
    parts = []
    for op, verb, source in (("insert", "adds", change.current), ("delete", "removes", change.previous)):
        if source is None:
            continue
        runs = sorted((t for o, t in change.diff if o == op and sum(ch.isalnum() for ch in t) >= 6),
                      key=len, reverse=True)
        text = _as_printed(runs[0], source.text) if runs else None
        if text:
            short = text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
            more = f" (and {len(runs) - 1} more)" if len(runs) > 1 else ""
            parts.append(f"{verb} “{short}”{more}")
    return ": " + "; ".join(parts) if parts else ""


def _as_printed(run: str, text: str) -> str | None:
    """The run of diff tokens as it stands in ``text`` (tokens joined by whatever spacing the text has), without
    the punctuation a word diff cuts at its edges."""
    tokens = run.split()
    m = re.search(r"\s*".join(re.escape(t) for t in tokens), text)
    if m is None:
        return None
    span = re.sub(r"^[\W_]+|[\s,;:(]+$", "", m.group(0)).strip()
    if span.count("(") > span.count(")") and text[m.end():m.end() + 1] == ")":
        span += ")"  # "(2024" closes in the unchanged text that follows
    return span or None


def _naming(index: MandateIndex, entry: TrackEntry) -> TrackParagraph | None:
    """The operative paragraph by which a rollover renews the resolution it names."""
    if entry.previous is None:
        return None
    return next((p for p in index.paragraphs(entry.symbol)
                 if p.operative and renews_by_reference(p.text, entry.previous)), None)


def _changed(entry: TrackEntry) -> bool:
    return any(c.status in ("new", "changed", "dropped") for c in entry.changes)


def _term_paragraph(index: MandateIndex, entry: TrackEntry) -> TrackParagraph | None:
    """The paragraph stating an entry's headline end date (None when only its title does)."""
    source = entry.term.source if entry.term is not None else ""
    if not source.startswith("para. "):
        return None
    return next((p for p in index.paragraphs(entry.symbol) if f"para. {p.paragraph}" == source), None)


def _describe_terms(index: MandateIndex, later: TrackEntry, earlier: TrackEntry, of: bool, lines: list[str],
                    citations: list[Citation]) -> None:
    """What each of two renewals named runs the mandate to, each date cited: "How did the UNAMA mandate renewal of
    March 2026 (resolution 2818) differ from the March 2025 renewal (resolution 2777)?" — 2818 renews for three
    months, to 2026-06-17, where 2777 renewed for a year. ``of``: the track dates several things, so each date is
    said with what runs to it (Track.dates_of_several). Nothing is said of a date no paragraph states."""
    said: list[str] = []
    quotes: list[str] = []
    for entry, verb in ((later, "renews until" if restates(later.action) else "sets"),
                        (earlier, "renewed until" if restates(earlier.action) else "set")):
        p = _term_paragraph(index, entry)
        line = _cite(index, p, citations) if p is not None else None
        if line is None:
            continue
        said.append(f"{entry.symbol} {verb} {entry.until_text(of=of)} [{citations[-1].key}]")
        quotes.append(line)
    if said:
        lines.append("; ".join(said) + ".")
        lines.extend(quotes)


def _describe_change(index: MandateIndex, entry: TrackEntry, scope: str, lines: list[str],
                     citations: list[Citation], against: TrackEntry | None = None,
                     changes: list[ParagraphChange] | None = None, limit: int = _MAX_CITATIONS) -> None:
    """One renewal's changes against the resolution it was drafted from (``against``, with ``changes``: against
    another resolution of its track the question names), each cited while fewer than ``limit`` citations are made;
    when none, one of its unchanged theme paragraphs is quoted so the statement is checkable."""
    previous = against.symbol if against is not None else entry.previous
    changes = entry.changes if changes is None else changes
    rollover = entry.rollover and previous == entry.previous
    news = [c for c in changes if c.status in ("new", "changed")]
    dropped = [c for c in changes if c.status == "dropped"]
    if rollover or not restates(entry.action):
        comparison = entry.comparison() if previous == entry.previous else (
            f"compared with {previous}; not a renewal, so it leaves that text in force (what it adds is shown, "
            "nothing counted as dropped)")
        lines.append(f"{entry.symbol} (adopted {entry.date}), {comparison}: {len(news)} new or changed "
                     f"paragraph(s){scope}.")
        renewing = _naming(index, entry) if rollover else None
        if renewing is not None and len(citations) < limit:
            line = _cite(index, renewing, citations)
            if line:
                lines.append(line)
    else:
        lines.append(f"{entry.symbol} (adopted {entry.date}) against {previous}{scope}: {len(news)} new or "
                     f"changed paragraph(s), {len(dropped)} dropped.")
    # What the Council decides first: the new or changed operative paragraphs, then a few it no longer restates; then
    # a few new or reworded recitals; the rest said in one line by number. Asked how 2240 (2015) and 2698 (2023)
    # differ on migrant smuggling, the answer spent its quotes on nineteen dropped recitals.
    quoted = ([c for c in news if c.paragraph.operative] + [c for c in dropped if c.paragraph.operative][:_MAX_QUOTED]
              + [c for c in news if not c.paragraph.operative][:_MAX_QUOTED])
    told = [c for c in news + dropped if c not in quoted]
    if not quoted and told:  # nothing else to show: the first recitals dropped are the change
        quoted, told = told[:_MAX_QUOTED], told[_MAX_QUOTED:]
    for c in quoted:
        if len(citations) >= limit:
            lines.append("(More changes in the Mandates tab or `briefbot mandate … --changes`.)")
            break
        p = c.current if c.status != "dropped" else c.previous
        if p is None:
            continue
        what = {"new": "New", "changed": "Changed", "dropped": "Dropped"}[c.status]
        was = (f" (was para. {c.previous.paragraph})" if c.status == "changed" and c.previous
               and c.previous.paragraph != p.paragraph else "")
        lines.append(f"{what}: {_where(p)}{was}{_diff_summary(c) if c.status == 'changed' else ''}.")
        line = _cite(index, p, citations)
        if line:
            lines.append(line)
    if told:
        lines.append(_rest_summary(told, previous))
    if not news and not dropped and not rollover:
        kept = next((c.current for c in changes if c.current is not None and c.status == "unchanged"), None)
        if kept is None:
            lines.append(f"It carries no paragraph{scope}, nor did {previous}.")
            return
        lines.append(f"Its theme paragraphs repeat {previous}'s, e.g. {_where(kept)}.")
        if len(citations) < limit:
            line = _cite(index, kept, citations)
            if line:
                lines.append(line)


def _rest_summary(told: list[ParagraphChange], previous: str | None) -> str:
    """The changes not quoted, in one line by paragraph number: "Not quoted: 1 more paragraph new or reworded
    (PP10); not restated from S/RES/2240 (2015): operative paras. 11, 12, 16; recitals PP4, PP5, … (10)"."""
    def labels(ps: list[TrackParagraph]) -> str:
        shown = ", ".join(p.paragraph for p in ps[:8])
        return shown + (f", … ({len(ps)})" if len(ps) > 8 else "")

    kept = [c.current for c in told if c.status != "dropped" and c.current is not None]
    gone = [c.previous for c in told if c.status == "dropped" and c.previous is not None]
    parts = []
    if kept:
        parts.append(f"{counted(len(kept), 'more paragraph')} new or reworded ({labels(kept)})")
    if gone:
        ops, recitals = [p for p in gone if p.operative], [p for p in gone if not p.operative]
        parts.append(f"not restated from {previous or 'the earlier resolution'}: " + "; ".join(
            x for x in (f"operative para{'s' if len(ops) > 1 else ''}. {labels(ops)}" if ops else "",
                        f"recital{'s' if len(recitals) > 1 else ''} {labels(recitals)}" if recitals else "") if x))
    return "Not quoted: " + "; ".join(parts) + "."


def _describe_amendments(track: Track, earlier: TrackEntry, later: TrackEntry, lines: list[str],
                         citations: list[Citation], index: MandateIndex, limit: int) -> None:
    """Resolutions of the track between two it compares that amended what the earlier imposed (2699 (2023) replaced
    the Haiti embargo of 2653 (2022) para. 11 before 2700 (2023) renewed it): the change asked happened there."""
    told = 0
    for e in track.entries:
        if not (e.amends and (earlier.date or "") < (e.date or "") < (later.date or "")):
            continue
        for c in e.changes:
            if c.current is None or c.previous is None:
                continue
            told += 1
            lines.append(f"{'First' if told == 1 else 'Then'}, {e.symbol} (adopted {e.date}; not a renewal of the "
                         f"track) amended "
                         f"{c.previous.symbol}, para. {c.previous.paragraph}, by its operative para. "
                         f"{c.current.paragraph}{_diff_summary(c)}.")
            if len(citations) < limit:
                line = _cite(index, c.current, citations)
                if line:
                    lines.append(line)


def _theme_words(index: MandateIndex, slug: str) -> str:
    """A theme as a sentence says it: its taxonomy label ("piracy and maritime crime"), not its key."""
    theme = next((t for t in index.taxonomy.themes if t.slug == slug), None)
    return theme.label[:1].lower() + theme.label[1:] if theme is not None else slug.replace("_", " ")


def _describe_evolution(index: MandateIndex, track: Track, themes: list[str], lines: list[str],
                        citations: list[Citation]) -> bool:
    """A track's language on ``themes`` (all tracked themes when none) renewal by renewal: where it first appears
    and first becomes operative, each renewal that added, changed or dropped a paragraph on it (the first ones and
    the latest quoted), and where it stands in the latest renewal. False when no paragraph carries it."""
    firsts = [track.first_appearance[t] for t in (themes or list(track.first_appearance))
              if t in track.first_appearance]
    if not firsts:
        return False
    scope = ", ".join(_theme_words(index, t) for t in themes) if themes else "organised-crime themes"
    first = min(firsts, key=lambda fa: _order(track, fa.paragraph))
    p = first.paragraph
    lines.append(f"In the {track.name} track, language on {scope} first appears in {_where(p)} ({p.symbol[-5:-1]}).")
    line = _cite(index, p, citations)
    if line:
        lines.append(line)
    ops = [fa.operative_paragraph for fa in firsts if fa.operative_paragraph is not None]
    op = min(ops, key=lambda q: _order(track, q)) if ops else None
    if op is not None and op is not p:
        lines.append(f"It becomes operative in {_where(op)} ({op.symbol[-5:-1]}).")
        line = _cite(index, op, citations)
        if line:
            lines.append(line)
    renewals = [e for e in track.entries if restates(e.action) and e.previous is not None]
    changing = [e for e in renewals if _changed(e)]
    carrying = [e for e in track.renewals if e.paragraphs]
    lines.append(f"{counted(len(carrying), 'renewal')} of {len(track.renewals)} carry paragraphs on it; "
                 f"{counted(len(changing), 'renewal')} changed them:")
    latest = changing[-1] if changing else None
    for e in changing:
        counts = {s: sum(c.status == s for c in e.changes) for s in ("new", "changed", "dropped")}
        lines.append(f"- {e.symbol} (adopted {e.date}), against {e.previous}: "
                     + ", ".join(f"{n} {s}" for s, n in counts.items() if n) + ".")
        # The first changes are quoted as space allows, keeping a quote for the latest.
        if e is latest or len(citations) < _MAX_CITATIONS - 1:
            c = next((c for c in e.changes if c.status in ("new", "changed") and c.current is not None
                      and c.current.operative), None) or next(
                (c for c in e.changes if c.status in ("new", "changed", "dropped")), None)
            q = None if c is None else c.current if c.status != "dropped" else c.previous
            if c is not None and q is not None and q is not p and q is not op and len(citations) < _MAX_CITATIONS:
                line = _cite(index, q, citations)
                if line:
                    lines.append(f"  {c.status.capitalize()}: {_where(q)}"
                                 f"{_diff_summary(c) if c.status == 'changed' else ''}.")
                    lines.append(f"  {line}")
    last = track.renewals[-1] if track.renewals else None
    if last is not None:
        lines.append(f"The latest renewal, {last.symbol} (adopted {last.date}), has "
                     f"{counted(len(last.paragraphs), 'paragraph')} on it.")
    return True


def _order(track: Track, p: TrackParagraph) -> tuple[int, int]:
    """A paragraph's place in the track: its resolution's, then its own."""
    at = next((i for i, e in enumerate(track.entries) if e.doc_id == p.doc_id), len(track.entries))
    return at, p.ordinal


def _abstain(question: str, message: str, note: str) -> Answer:
    return Answer(question=question, answer=message, abstained=True, citations=[], hits=[], engine="mandates",
                  notes=[note] if note else [])
