"""Aligning a renewal's paragraphs with the previous resolution of its line: new, dropped, changed, unchanged.

A track can interleave lines of renewals (Libya's measures and Panel each January, the high-seas inspections each
June): a renewal is compared with the recent resolution of the track it was drafted from (``predecessors``), not
merely the one adopted before it.

Renewals renumber, reorder and rephrase; paragraphs are matched by their words, not their numbers. Only
theme-carrying paragraphs (on either side) are aligned, each against every paragraph of the other resolution:
an exact text match first, then the best word-set overlap confirmed by difflib's ratio on the word sequences.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .model import ParagraphChange, TrackParagraph

_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_END_PUNCT_RE = re.compile(r"(?:\s+[^\w\s])+$")
_NUMBER_RE = re.compile(r"S/RES/(\d+)")
_RENEWING_RE = re.compile(r"\b(?:extend|renew|prolong)\w*", re.I)
_LEAD_RE = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,4}\))\s*")
MIN_OVERLAP = 0.35  # word-set Jaccard a candidate needs
MIN_RATIO = 0.6  # difflib ratio that makes "changed" rather than new + dropped
MIN_RATIO_CROSS = 0.8  # ... between a preambular and an operative paragraph (shared enumerations mislead)
MIN_HELD_WORDS = 8  # a paragraph held whole inside a longer one of the other resolution, at least this long
MIN_HELD_RATIO = 0.3  # ... and the two this alike (2 x shorter / both: the shorter is ~ a fifth of the longer)
LOOKBACK = 8  # earlier resolutions of the track a renewal may have been drafted from
MIN_DRAFTED = 0.3  # operative-text containment below which no earlier resolution counts as the draft
ROLLOVER_SHARE = 0.25  # a resolution this much shorter than the one compared is a rollover, not a rewrite
NEAR_BEST = 0.75  # the latest candidate scoring this share of the best wins (dates and numbers differ anyway)
_SHINGLE = 4


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(_LEAD_RE.sub("", text))


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(_LEAD_RE.sub("", text).lower()))


def _printed(text: str) -> tuple[list[str], list[int], str]:
    """A paragraph's words (its leading number aside), where each starts, and the text they are cut from."""
    body = _LEAD_RE.sub("", text)
    found = list(_WORD_RE.finditer(body))
    return [m.group(0) for m in found], [m.start() for m in found], body


def word_ratio(old: str, new: str) -> float:
    """How alike two paragraphs' words are (difflib's ratio; 1.0 the same words, their numbers aside)."""
    return difflib.SequenceMatcher(None, _words(old), _words(new), autojunk=False).ratio()


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level diff as (op, text) runs; op is equal, insert or delete (a replacement is delete + insert).

    Words are compared; each run is the paragraph's own text, spacing included up to the next word, so the runs
    concatenated read as printed ("resolution 2146 (2014), as" rather than "2146 ( 2014 ) ,")."""
    a, a_at, a_text = _printed(old)
    b, b_at, b_text = _printed(new)

    def cut(text: str, at: list[int], i1: int, i2: int) -> str:
        return text[at[i1]:at[i2] if i2 < len(at) else len(text)]

    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", cut(b_text, b_at, j1, j2)))
        else:
            if i2 > i1:
                out.append(("delete", cut(a_text, a_at, i1, i2)))
            if j2 > j1:
                out.append(("insert", cut(b_text, b_at, j1, j2)))
    return out


class Side:
    """One resolution's paragraphs, normalised once for every comparison they take part in."""

    def __init__(self, paras: list[TrackParagraph]) -> None:
        self.paras = paras
        self.norm = [_norm(p.text) for p in paras]
        self.sets = [set(n.split()) for n in self.norm]
        self.exact: dict[str, int] = {}
        for i, n in enumerate(self.norm):
            self.exact.setdefault(n, i)
        # Word 4-grams of the operative text: cheap evidence of which earlier resolution this one was drafted from.
        self.shingles: set[tuple[str, ...]] = set()
        for p, n in zip(paras, self.norm, strict=True):
            if p.operative:
                w = n.split()
                self.shingles.update(tuple(w[i:i + _SHINGLE]) for i in range(max(1, len(w) - _SHINGLE + 1)))

    def best(self, text_norm: str, words: set[str], operative: bool) -> tuple[int, float] | None:
        """Index and difflib ratio of the closest paragraph, or None below the thresholds."""
        if text_norm in self.exact:
            return self.exact[text_norm], 1.0
        scored = []
        for i, s in enumerate(self.sets):
            union = len(words | s)
            if not union:
                continue
            j = len(words & s) / union
            if j >= MIN_OVERLAP:
                # Same kind (operative / preambular) first on near ties.
                scored.append((j + (0.02 if self.paras[i].operative == operative else 0.0), i))
        best: tuple[int, float] | None = None
        target = text_norm.split()
        for _, i in sorted(scored, reverse=True)[:3]:
            ratio = difflib.SequenceMatcher(None, target, self.norm[i].split(), autojunk=False).ratio()
            need = MIN_RATIO if self.paras[i].operative == operative else MIN_RATIO_CROSS
            if ratio >= need and (best is None or ratio > best[1]):
                best = (i, ratio)
        if best is None:
            best = self._extended(text_norm, operative)
        return best

    def _extended(self, text_norm: str, operative: bool) -> tuple[int, float] | None:
        """A paragraph of the same kind that one text holds whole inside the other: a renewal that appends a
        decision to an old paragraph (S/RES/2769 (2025) para. 18 is 2701 (2023) para. 1 plus a new designation
        criterion) changed it; word overlap alone, diluted by the addition, called it new and the old dropped.
        The closest such paragraph, and only when the two are of a size (a ten-word clause inside a long
        paragraph is not that paragraph changed)."""
        padded = f" {text_norm} "
        best: tuple[int, float] | None = None
        for i, n in enumerate(self.norm):
            if self.paras[i].operative != operative or n == text_norm:
                continue
            short, long_ = (n, padded) if len(n) < len(text_norm) else (text_norm, f" {n} ")
            short = _END_PUNCT_RE.sub("", short)  # "… of Libya;" goes on as "… of Libya, and decides …"
            if len(short.split()) < MIN_HELD_WORDS or f" {short} " not in long_:
                continue
            ratio = difflib.SequenceMatcher(None, text_norm.split(), n.split(), autojunk=False).ratio()
            if ratio >= MIN_HELD_RATIO and (best is None or ratio > best[1]):
                best = (i, min(ratio, 0.99))
        return best


def drafted_from(current: Side, earlier: Side) -> tuple[float, float]:
    """How much operative text two resolutions share: the larger containment (a renewal copies most of its
    predecessor; a short rollover is copied whole from a longer one) and the harmonic mean of both containments
    (which also asks that the two be of a size: a three-line rollover is contained in every later renewal)."""
    a, b = current.shingles, earlier.shingles
    common = len(a & b) if a and b else 0
    if not common:
        return 0.0, 0.0
    ca, cb = common / len(a), common / len(b)
    return max(ca, cb), 2 * ca * cb / (ca + cb)


@dataclass(frozen=True, slots=True)
class Predecessor:
    """The resolution a track entry is compared with (index in the track), the share of operative text they
    share, and whether the entry is a short rollover of it (its unrestated paragraphs are not "dropped")."""

    index: int
    shared: float
    rollover: bool


def predecessors(sides: list[Side], renewing: list[bool] | None = None,
                 passing: list[bool] | None = None) -> list[Predecessor | None]:
    """For each resolution of a track (in date order), what it is compared with; None for the first.
    ``renewing[i]`` says whether entry i renews (a rollover must; a termination that recalls the resolution it
    ends is not one). ``passing[i]`` says whether entry i only passes through the track (action "other": a new
    task, a call, a condemnation): a resolution that renews or establishes is not compared with one of those
    unless it names it in a renewing paragraph, when the window holds another. What a renewal leaves out of
    such a resolution was never part of the mandate, so it is not "dropped" (piracy: 1846 (2008) renews the
    grant of 1816, not the calls of 1838 adopted between them; MONUSCO's 2098 (2013) renews 2053 (2012), not the
    condemnation 2076 (2012)).

    The one adopted just before, except when it shares little operative text (below ``MIN_DRAFTED``) and
    * a renewing paragraph names an earlier resolution of the last ``LOOKBACK`` ("Decides to renew … as set out in
      paragraph 14 of resolution 2500 (2019)"): the latest so named;
    * or one of them is a draft of it both ways (harmonic score at least ``MIN_DRAFTED``: another line of the
      track, such as Libya's June inspections between January's measures renewals): the latest of those whose
      larger containment is at least ``NEAR_BEST`` of the best, leaving out ones far shorter than this one (a
      two-paragraph authorisation is contained whole in every later renewal);
    or when it is short (under ``ROLLOVER_SHARE`` of this one's text: UNMISS's rollover 2726 (2024) between the
    full renewals 2677 (2023) and 2729 (2024)) and an earlier one is a draft both ways: the latest of those whose
    harmonic score is at least ``NEAR_BEST`` of the best.
    A single-line track otherwise keeps comparing each renewal with the one before it, even when the Council
    rewrote it (the 2000s renewals share little text, and a three-line rollover is contained in all of them).
    An entry is a rollover of what it is compared with when it renews, is that short, and names a resolution of
    the window in an operative paragraph that extends or renews (renewal by reference): what it does not restate
    stays in force.
    """
    out: list[Predecessor | None] = []
    for i, side in enumerate(sides):
        if i == 0:
            out.append(None)
            continue
        window: list[int] = list(range(max(0, i - LOOKBACK), i))
        named_all = [k for k in window if _renews_by_reference(side, sides[k])]
        if passing is not None and not passing[i] and not (named_all and passing[named_all[-1]]):
            window = [k for k in window if not passing[k]] or window
        scored = {j: drafted_from(side, sides[j]) for j in window}
        best_h = max(h for _, h in scored.values())
        j = window[-1]
        if scored[j][0] < MIN_DRAFTED:
            named = [k for k in named_all if k in scored]
            longer = {k: c for k, (c, _) in scored.items() if not _is_rollover(sides[k], side)}
            if named:
                # The one it names, or a later one as close to its text: a sanctions renewal names the resolution
                # that imposed the measures (DRC 2424 (2018): "imposed by paragraph 1 of resolution 2293 (2016)"),
                # and the previous renewal (2360 (2017)) repeats it.
                floor = max(NEAR_BEST * scored[named[-1]][0], MIN_DRAFTED)
                j = max(k for k in window if k == named[-1] or (k > named[-1] and scored[k][0] >= floor))
            elif best_h >= MIN_DRAFTED and longer:
                best = max(longer.values())
                j = max(k for k, c in longer.items() if c >= NEAR_BEST * best)
        elif best_h >= MIN_DRAFTED and scored[j][1] < MIN_DRAFTED and _is_rollover(sides[j], side):
            j = max(k for k, (_, h) in scored.items() if h >= NEAR_BEST * best_h)
        rollover = ((renewing is None or renewing[i]) and _is_rollover(side, sides[j])
                    and bool(named_all))
        out.append(Predecessor(j, scored[j][0], rollover))
    return out


def _is_rollover(short: Side, long_: Side) -> bool:
    return bool(short.shingles) and len(short.shingles) < ROLLOVER_SHARE * len(long_.shingles)


def _renews_by_reference(current: Side, earlier: Side) -> bool:
    """Whether an operative paragraph of ``current`` that extends or renews names ``earlier`` ("Decides to extend
    the mandate … as set out in resolution 2677 (2023)"); "Recalls resolution 2713 (2023)" does not renew it."""
    if not earlier.paras:
        return False
    symbol = earlier.paras[0].symbol
    return any(p.operative and renews_by_reference(p.text, symbol) for p in current.paras)


def renews_by_reference(text: str, symbol: str) -> bool:
    """Whether a paragraph extends or renews and names resolution ``symbol`` ("… as set out in resolution 2292 for
    a further 12 months", year or not). One rule for the tracker's rollovers and the paragraph chat cites."""
    m = _NUMBER_RE.search(symbol)
    if m is None or not _RENEWING_RE.search(text):
        return False
    return re.search(rf"\bresolutions? (?:[\d\s(),and]*?\b)?{m.group(1)}\b(?![/-]\d)", text) is not None


_BY_NUMBER_RE = re.compile(
    r"\bparagraphs? (?P<list>\d{1,3}(?:\s*\([a-z]{1,4}\))?(?:\s*(?:,|and|to|-|–)\s*\d{1,3}(?:\s*\([a-z]{1,4}\))?)*)"
    r",? of (?:its )?resolution (?P<res>\d{3,4})\b", re.I)
_LIST_ITEM_RE = re.compile(r"(\d{1,3})|\b(to|-|–)\b|(–|-)")
_TOP_NUMBER_RE = re.compile(r"^(\d{1,3})\b")


def renewed_by_number(paras: list[TrackParagraph]) -> dict[int, set[int]]:
    """Paragraphs of earlier resolutions that ``paras`` renews or extends by number, per resolution number: "to
    renew the authorizations as set out in paragraph 10 of Resolution 1846 (2008) and paragraph 6 of Resolution
    1851 (2008)", "renew … the provisions of paragraphs 20 to 22 of resolution 1493"."""
    out: dict[int, set[int]] = {}
    for p in paras:
        if p.operative:
            for res, numbers in renewed_paragraphs(p.text).items():
                out.setdefault(res, set()).update(numbers)
    return out


def renewed_paragraphs(text: str) -> dict[int, set[int]]:
    """Of a text that renews or extends, the paragraphs of earlier resolutions it names, per resolution number
    ({2428: {4}} for "renew … the measures on arms imposed by paragraph 4 of resolution 2428 (2018)"); empty when it
    renews nothing. One rule for the tracker and for retrieval's later renewals."""
    out: dict[int, set[int]] = {}
    if not _RENEWING_RE.search(text):
        return out
    for m in _BY_NUMBER_RE.finditer(text):
        numbers: list[int] = []
        span = False
        for n, word, dash in _LIST_ITEM_RE.findall(re.sub(r"\([a-z]{1,4}\)", "", m.group("list"))):
            if n:
                if span and numbers and int(n) > numbers[-1]:
                    numbers += range(numbers[-1] + 1, int(n) + 1)
                else:
                    numbers.append(int(n))
                span = False
            elif word or dash:
                span = True
        out.setdefault(int(m.group("res")), set()).update(numbers)
    return out


def kept_by_number(changes: list[ParagraphChange], current: list[TrackParagraph]) -> list[ParagraphChange]:
    """``changes`` without the "dropped" paragraphs that ``current`` renews by number: not restated, but renewed
    (S/RES/1897 (2009) renews "the authorizations as set out in paragraph 10 of Resolution 1846 (2008)")."""
    renewed = renewed_by_number(current)
    if not renewed:
        return changes
    out = []
    for c in changes:
        if c.status == "dropped" and c.previous is not None:
            res = _NUMBER_RE.search(c.previous.symbol)
            top = _TOP_NUMBER_RE.match(c.previous.paragraph)
            if res and top and int(top.group(1)) in renewed.get(int(res.group(1)), set()):
                continue
        out.append(c)
    return out


def align(previous: list[TrackParagraph] | Side, current: list[TrackParagraph] | Side) -> list[ParagraphChange]:
    """Changes for every theme-carrying paragraph of ``current`` and every dropped one of ``previous``.

    Sets ``change`` on the current paragraphs it looks at. Result order: current reading order, then dropped.
    """
    prev = previous if isinstance(previous, Side) else Side(previous)
    cur = current if isinstance(current, Side) else Side(current)
    previous, current = prev.paras, cur.paras
    out: list[ParagraphChange] = []
    matched_prev: set[int] = set()
    for i, p in enumerate(current):
        if not p.themes:
            continue
        hit = prev.best(cur.norm[i], cur.sets[i], p.operative)
        if hit is None:
            p.change = "new"
            out.append(ParagraphChange("new", p, None))
            continue
        j, ratio = hit
        matched_prev.add(j)
        old = previous[j]
        if ratio >= 1.0 or cur.norm[i] == prev.norm[j]:
            p.change = "unchanged"
            out.append(ParagraphChange("unchanged", p, old, 1.0))
        else:
            p.change = "changed"
            out.append(ParagraphChange("changed", p, old, ratio, word_diff(old.text, p.text)))
    for j, old in enumerate(previous):
        if not old.themes or j in matched_prev:
            continue
        hit = cur.best(prev.norm[j], prev.sets[j], old.operative)
        if hit is None:
            out.append(ParagraphChange("dropped", None, old))
            continue
        i, ratio = hit
        p = current[i]
        if p.themes:
            continue  # reported from the current side already
        # The paragraph stayed but lost its theme language.
        p.change = "unchanged" if ratio >= 1.0 else "changed"
        out.append(ParagraphChange(p.change, p, old, ratio, [] if ratio >= 1.0 else word_diff(old.text, p.text)))
    return out
