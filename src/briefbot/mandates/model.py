"""Typed objects of the mandate tracker: tracks, their entries, paragraphs, changes, trends and references.

Plain dataclasses (no pandas): a notebook gets lists of objects and ``to_dict()`` for JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ..errors import BriefbotError

ChangeStatus = Literal["new", "changed", "unchanged", "dropped"]
Action = Literal["establishes", "renews", "terminates", "other"]


@dataclass(slots=True)
class Vote:
    in_favour: int | None
    against: int | None
    abstaining: int | None

    def text(self) -> str:
        """``15-0-0``; "?" for a count the metadata lacks."""
        return "-".join("?" if n is None else str(n) for n in (self.in_favour, self.against, self.abstaining))

    def to_dict(self) -> dict[str, Any]:
        return {"in_favour": self.in_favour, "against": self.against, "abstaining": self.abstaining,
                "text": self.text()}


@dataclass(slots=True)
class TrackParagraph:
    """One paragraph of a resolution: its printed number (``"4"``, ``"7 (c)"``; preambular ones ``"PP3"``)."""

    doc_id: str
    symbol: str
    ordinal: int  # reading order within the resolution
    paragraph: str
    operative: bool
    text: str  # verbatim: ``page_text[start:start + len(text)]`` of the catalog's page text
    start: int
    themes: list[str] = field(default_factory=list)
    terms: dict[str, list[str]] = field(default_factory=dict)  # theme → the words that carried it
    change: ChangeStatus | None = None  # against the resolution it was drafted from; None for the first
    page: int | None = None  # None for bulk documents (one text without pages)

    def to_dict(self) -> dict[str, Any]:
        return {"paragraph": self.paragraph, "operative": self.operative, "themes": self.themes, "text": self.text,
                "change": self.change, "terms": self.terms}


@dataclass(slots=True)
class ParagraphChange:
    """What happened to a paragraph at a renewal. ``diff`` is word-level: (op, words), op in equal/insert/delete."""

    status: ChangeStatus
    current: TrackParagraph | None  # None when dropped
    previous: TrackParagraph | None  # None when new
    similarity: float = 0.0
    diff: list[tuple[str, str]] = field(default_factory=list)

    @property
    def paragraph(self) -> TrackParagraph:
        p = self.current or self.previous
        assert p is not None
        return p

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "paragraph": self.current.paragraph if self.current else None,
                "previous_paragraph": self.previous.paragraph if self.previous else None,
                "previous_symbol": self.previous.symbol if self.previous else None,
                "themes": sorted(set(self.current.themes if self.current else [])
                                 | set(self.previous.themes if self.previous else [])),
                "similarity": round(self.similarity, 3), "diff": [list(d) for d in self.diff]}


def upper_first(text: str) -> str:
    """A sentence's first letter in capitals, the rest as written (str.capitalize lowers "S/RES/…")."""
    return text[:1].upper() + text[1:]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 resolution``, ``3 resolutions``: a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


FIRST_YEAR = 1946  # the Council's first resolutions


def last_year() -> int:
    """The latest year a track's range may name: next year's resolutions can be indexed near New Year."""
    return date.today().year + 1


def check_years(year_from: int | None, year_to: int | None) -> None:
    """A track's year range, refused with its fix when a year is not one of Council resolutions or From is after
    To: one rule for every surface (the CLI showed a reversed range as an empty track, the web refused it)."""
    last = last_year()
    for which, year in (("From", year_from), ("To", year_to)):
        if year is not None and not FIRST_YEAR <= year <= last:
            raise BriefbotError(f"the {which} year {year} is not a year of Council resolutions ({FIRST_YEAR}-{last})",
                                "correct it, or leave it out for no bound")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise BriefbotError(f"the From year {year_from} is after the To year {year_to}",
                            "swap them, or leave one out for no bound")


def restates(action: str) -> bool:
    """Whether a resolution with this action restates a mandate, so that what it leaves out is dropped."""
    return action in ("renews", "establishes")


@dataclass(slots=True, frozen=True)
class Term:
    """An end date a resolution sets, with where it says so: an operative paragraph ("para. 22") or, when no
    paragraph states it, the catalogue title ("title"). ``what`` runs to it, in the paragraph's words ("Panel of
    Experts", "authorisations and measures"); "" when the paragraph names nothing the tracker recognises."""

    until: str  # ISO date
    source: str
    what: str = ""
    # A period counted from the current mandate's expiry "in December 2017" ("2017-12") and its length in months:
    # the paragraph names the month, so the day comes from the track (analysis.from_expiry).
    after: str = ""
    months: int = 0
    final: bool = False  # "for a final period until 30 March 2018" (UNMIL, 2333 (2016)): no renewal is expected

    def text(self) -> str:
        """``2026-05-15 (para. 22)``: the one way a tracker date is shown, with what states it."""
        return f"{self.until} ({self.source})"

    def also_text(self) -> str:
        """``2026-05-01 — authorisations and measures, para. 19``: a further date of the same resolution, and
        ``2025-06-30 (para. 20)`` when its paragraph names nothing the tracker recognises."""
        return f"{self.until} — {self.what}, {self.source}" if self.what else self.text()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"until": self.until, "source": self.source, "what": self.what, "text": self.text()}
        if self.after:
            d |= {"after": self.after, "months": self.months}
        if self.final:
            d["final"] = True
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Term:
        return cls(d["until"], d["source"], d.get("what", ""), d.get("after", ""), d.get("months", 0),
                   d.get("final", False))


@dataclass(slots=True)
class TrackEntry:
    """A resolution in a track's timeline, with how it was placed there (``found_by``: why, in words; ``rules``:
    the track-file rules that matched, for debugging). ``term`` is the headline end date, ``other_terms`` the
    further dates the resolution sets for the track (see ``analysis.match_track``)."""

    doc_id: str
    file_name: str
    symbol: str
    date: str | None
    title: str | None
    vote: Vote | None
    action: Action
    term: Term | None
    stage: str | None
    found_by: list[str]
    paragraphs: list[TrackParagraph] = field(default_factory=list)  # theme-carrying paragraphs (filtered)
    changes: list[ParagraphChange] = field(default_factory=list)  # against the entry it was drafted from (filtered)
    previous: str | None = None  # symbol of the entry compared against (changes.predecessors)
    rollover: bool = False  # a short extension of ``previous``: paragraphs it does not restate are not "dropped"
    other_terms: list[Term] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    # Placed by amending what a resolution of the track imposed (``previous``): only its amending paragraphs are shown.
    amends: bool = False

    @property
    def extends_until(self) -> str | None:
        return self.term.until if self.term else None

    def until_text(self, of: bool = False) -> str:
        """The headline date with its paragraph, "" when none: ``2026-05-15 (para. 22)``; ``of``: with what runs to
        it, ``2026-05-15 — Panel of Experts, para. 22`` (:meth:`Track.dates_of_several`)."""
        if self.term is None:
            return ""
        return self.term.also_text() if of and self.term.what else self.term.text()

    def also_text(self) -> str:
        """The resolution's other dates: ``also: 2026-05-01 — authorisations and measures, para. 19``; "" if none."""
        return "also: " + "; ".join(t.also_text() for t in self.other_terms) if self.other_terms else ""

    def until_full(self, of: bool = False) -> str:
        """Headline and other dates in one cell (tables with no room for two columns)."""
        return "; ".join(x for x in (self.until_text(of), self.also_text()) if x)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    def comparison(self) -> str:
        """What the changes are against, in words (exports, the web tab and chat say it alike)."""
        if self.previous is None:
            return "first resolution of the track"
        if self.amends:
            return (f"amends {self.previous}: only its amending paragraphs belong to this track, each shown against "
                    "the paragraph it amends")
        if not restates(self.action):
            return (f"compared with {self.previous}; not a renewal, so it leaves that text in force (what it "
                    "adds is shown, nothing counted as dropped)")
        if self.rollover:
            return (f"compared with {self.previous}, which it renews by reference (a short rollover: the paragraphs "
                    "it does not restate stay in force, none counted as dropped)")
        return f"compared with {self.previous}"

    def to_dict(self, changes: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "symbol": self.symbol, "date": self.date, "extends_until": self.extends_until,
            "until_from": self.term.source if self.term else None, "until_text": self.until_text(),
            "until_what": self.term.what if self.term else None,
            "other_terms": [t.to_dict() for t in self.other_terms],
            "vote": self.vote.text() if self.vote else None, "action": self.action, "stage": self.stage,
            "title": self.title, "found_by": self.found_by, "rules": self.rules, "document": self.file_name,
            "amends": self.amends,
            "paragraphs": [p.to_dict() for p in self.paragraphs]}
        if changes:
            d["compared_with"] = self.previous
            d["rollover"] = self.rollover
            d["changes"] = [c.to_dict() for c in self.changes]
        return d


@dataclass(slots=True)
class Gap:
    """A renewal the timeline expects but did not find: the mandate ran out before the next resolution placed."""

    after: str  # symbol whose mandate ran to ``until``
    until: str
    next_symbol: str | None
    next_date: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"after": self.after, "until": self.until, "next_symbol": self.next_symbol,
                "next_date": self.next_date, "reason": self.reason}


@dataclass(slots=True)
class FirstAppearance:
    theme: str  # a theme slug, or the phrase
    paragraph: TrackParagraph
    operative_paragraph: TrackParagraph | None  # first operative one (may be later than the first mention)

    def to_dict(self) -> dict[str, Any]:
        p, op = self.paragraph, self.operative_paragraph
        return {"symbol": p.symbol, "paragraph": p.paragraph, "operative": p.operative, "text": p.text,
                "first_operative": {"symbol": op.symbol, "paragraph": op.paragraph, "text": op.text} if op else None}


@dataclass(slots=True)
class Track:
    slug: str
    name: str
    label: str
    kind: str
    entries: list[TrackEntry]
    gaps: list[Gap]
    first_appearance: dict[str, FirstAppearance]
    phrase: str | None = None
    phrase_first: FirstAppearance | None = None
    themes: list[str] = field(default_factory=list)  # the theme filter applied ([] = all tracked themes)
    years: tuple[int | None, int | None] = (None, None)  # the year filter applied to entries and gaps
    lapsed: str | None = None  # how the track ended with no resolution ending it (tracks.toml)
    status: str | None = None  # where it stands at the newest indexed resolution (index.track_status)
    # Terms the Council let run out while the track went on (tracks.toml's ``ran_out``): said, not counted as gaps.
    ran_out: list[Gap] = field(default_factory=list)

    def period(self) -> str:
        """The year filter in words: "" when none, "in 2019-2021", "from 2019", "up to 2021"."""
        y0, y1 = self.years
        if y0 and y1:
            return f"in {y0}" if y0 == y1 else f"in {y0}-{y1}"
        return f"from {y0}" if y0 else f"up to {y1}" if y1 else ""

    def dates_of_several(self) -> bool:
        """Whether this track's resolutions set dates of more than one thing, so that each headline date is shown
        with what runs to it: a resolution setting a second date beside its headline (the DRC measures to 1 July,
        the Group of Experts to 1 August 2027), or headline dates of different things (Libya's Panel each year and
        its high-seas inspection authorisations every six months, whose dates otherwise read as if the regime ran
        back: 2026-05-15, 2025-11-29, 2026-05-25; a browser walk). One line of renewals of one thing reads as
        before."""
        whats = {e.term.what for e in self.entries if e.term is not None and e.term.what}
        return len(whats) > 1 or any(e.other_terms for e in self.entries if e.term is not None)

    @property
    def renewals(self) -> list[TrackEntry]:
        return [e for e in self.entries if e.action in ("establishes", "renews")]

    def entry(self, symbol: str) -> TrackEntry:
        from ..symbols import symbols_match

        for e in self.entries:
            if symbols_match(e.symbol, symbol):
                return e
        raise KeyError(symbol)

    def to_dict(self, changes: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "track": self.slug, "name": self.name, "label": self.label, "kind": self.kind, "lapsed": self.lapsed,
            "status": self.status,
            "resolutions": [e.to_dict(changes) for e in self.entries],
            "first_appearance": {k: v.to_dict() for k, v in self.first_appearance.items()},
            "gaps": [g.to_dict() for g in self.gaps], "ran_out": [g.to_dict() for g in self.ran_out]}
        if self.phrase is not None:
            d["phrase"] = {"phrase": self.phrase,
                           "first": self.phrase_first.to_dict() if self.phrase_first else None}
        return d


@dataclass(slots=True)
class TrackSummary:
    slug: str
    name: str
    kind: str
    aliases: list[str]
    resolutions: int
    renewals: int
    first: str | None  # symbol
    last: str | None
    gaps: int
    themed: int  # resolutions with at least one theme-carrying paragraph

    @property
    def completeness(self) -> float:
        """Renewals found / renewals the data implies (found + gaps)."""
        expected = self.renewals + self.gaps
        return self.renewals / expected if expected else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"track": self.slug, "name": self.name, "kind": self.kind, "aliases": self.aliases,
                "resolutions": self.resolutions, "renewals": self.renewals, "first": self.first, "last": self.last,
                "gaps": self.gaps, "completeness": round(self.completeness, 3), "with_themes": self.themed}


@dataclass(slots=True)
class TrendCell:
    """Resolutions of one year carrying one theme: in an operative paragraph, or only in the preamble."""

    year: int
    theme: str
    operative: list[str] = field(default_factory=list)  # symbols
    preambular_only: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.operative) + len(self.preambular_only)


@dataclass(slots=True)
class Trends:
    themes: list[str]
    track: str | None
    resolutions: dict[int, int]  # year → resolutions in scope
    cells: dict[tuple[int, str], TrendCell]

    def cell(self, year: int, theme: str) -> TrendCell:
        return self.cells.get((year, theme)) or TrendCell(year, theme)

    def to_dict(self) -> dict[str, Any]:
        years: dict[str, Any] = {}
        for year in sorted(self.resolutions):
            row: dict[str, Any] = {"resolutions": self.resolutions[year]}
            for theme in self.themes:
                row[theme] = self.cell(year, theme).total
            row["operative"] = {t: len(self.cell(year, t).operative) for t in self.themes}
            row["preambular_only"] = {t: len(self.cell(year, t).preambular_only) for t in self.themes}
            years[str(year)] = row
        return {"track": self.track, "themes": self.themes, "years": years}

    def rows(self) -> list[list[Any]]:
        """CSV rows: year, resolutions, then per theme total / operative / preambular-only."""
        head: list[Any] = ["year", "resolutions"]
        for t in self.themes:
            head += [t, f"{t}_operative", f"{t}_preambular_only"]
        out = [head]
        for year in sorted(self.resolutions):
            row: list[Any] = [year, self.resolutions[year]]
            for t in self.themes:
                c = self.cell(year, t)
                row += [c.total, len(c.operative), len(c.preambular_only)]
            out.append(row)
        return out


@dataclass(slots=True)
class Reference:
    """An edge of the cross-reference graph: ``source`` (paragraph) cites ``target`` (paragraph, if named)."""

    source: str
    source_paragraph: str
    target: str
    target_paragraphs: list[str]
    in_corpus: bool

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "source_paragraph": self.source_paragraph, "target": self.target,
                "target_paragraphs": self.target_paragraphs, "in_corpus": self.in_corpus}


@dataclass(slots=True)
class References:
    symbol: str
    recalls: list[Reference]
    cited_by: list[Reference]

    def to_dict(self) -> dict[str, Any]:
        def grouped(edges: list[Reference], key: str) -> list[dict[str, Any]]:
            out: dict[str, dict[str, Any]] = {}
            for e in edges:
                sym = e.target if key == "target" else e.source
                item = out.setdefault(sym, {"symbol": sym, "in_corpus": e.in_corpus, "paragraphs": [],
                                            "target_paragraphs": []})
                if e.source_paragraph not in item["paragraphs"]:
                    item["paragraphs"].append(e.source_paragraph)
                for tp in e.target_paragraphs:
                    if tp not in item["target_paragraphs"]:
                        item["target_paragraphs"].append(tp)
            return list(out.values())

        return {"symbol": self.symbol, "recalls": grouped(self.recalls, "target"),
                "cited_by": grouped(self.cited_by, "source")}
