"""Exports of tracks and trends: CSV rows, Markdown and a PNG trend plot (matplotlib Agg, no pyplot state).

Shared by the CLI and the web tab. Document text is data: Markdown output escapes it so a paragraph can never
turn into markup.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..mdtext import md_cell
from .model import Track, TrackEntry, Trends, upper_first


def outside_years(symbol: str, years: tuple[int | None, int | None]) -> str:
    """"before" or "after" when the resolution ``symbol`` ("S/RES/1970 (2011)") was adopted outside the year range
    ``years``; "" when within it, when no range is set, or when the symbol carries no year."""
    m = re.search(r"\((\d{4})\)\s*$", symbol)
    if not m:
        return ""
    year, (y0, y1) = int(m[1]), years
    return "before" if y0 is not None and year < y0 else "after" if y1 is not None and year > y1 else ""


# A track's timeline, one row per resolution: the web tab's table and the Markdown export's, so they cannot drift.
TIMELINE_COLUMNS = ["Resolution", "Adopted", "Vote", "Action", "Until", "Stage", "Theme paragraphs", "Changes",
                    "Placed by"]


def change_counts(entry: TrackEntry) -> str:
    """What a renewal changed, counted: "1 dropped, 2 changed, 3 new" ("" for none)."""
    counts: dict[str, int] = {}
    for c in entry.changes:
        counts[c.status] = counts.get(c.status, 0) + 1
    return ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))


# A resolution's vote comes from the Council's XML (its <count> elements, or the corpus's data_extract beside it); a
# resolution's PDF does not print it, so one indexed from its PDF alone has none. Said so, not left blank.
NO_VOTE = "—"
VOTE_NOTE = ("Vote: in favour-against-abstaining, as the Council's XML record gives it. “—”: not recorded in the "
             "index (a resolution's PDF does not print its vote; ingest the Council's XML of it to have it).")


def vote_note(track: Track) -> str:
    """The legend for :data:`NO_VOTE` when a resolution of ``track`` has no vote, else ""."""
    return VOTE_NOTE if any(e.vote is None for e in track.entries) else ""


def timeline_rows(track: Track) -> list[list[Any]]:
    """The timeline's rows under ``TIMELINE_COLUMNS``: plain values (the caller escapes for its format)."""
    of = track.dates_of_several()
    return [[e.symbol, e.date or "", e.vote.text() if e.vote else NO_VOTE, e.action, e.until_full(of), e.stage or "",
             len(e.paragraphs), change_counts(e), "; ".join(e.found_by)] for e in track.entries]


def track_rows(track: Track) -> list[list[Any]]:
    # The date stays a column of its own (sortable); where it is stated and the resolution's other dates beside it.
    rows: list[list[Any]] = [["symbol", "date", "vote", "action", "extends_until", "until_from", "until_what",
                              "also_until", "stage", "compared_with", "rollover", "paragraph", "operative", "themes",
                              "change", "text"]]
    for e in track.entries:
        base = [e.symbol, e.date, e.vote.text() if e.vote else "", e.action, e.extends_until or "",
                e.term.source if e.term else "", e.term.what if e.term else "",
                "; ".join(t.also_text() for t in e.other_terms), e.stage or "",
                e.previous or "", "yes" if e.rollover else ""]
        if not e.paragraphs:
            rows.append([*base, "", "", "", "", ""])
        for p in e.paragraphs:
            rows.append([*base, p.paragraph, "operative" if p.operative else "preambular", ";".join(p.themes),
                         p.change or "", p.text])
    return rows


def to_csv(rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


def _as_given(slug: str) -> str:
    return slug


def track_markdown(track: Track, changes: bool = False, label: Callable[[str], str] = _as_given) -> str:
    """The track as a Markdown brief; ``label`` names a theme (``Taxonomy.label``: "Drug trafficking")."""
    out = [f"# {md_cell(track.name)}", "", md_cell(track.label), ""]
    if track.lapsed:
        out += [f"Ended: {md_cell(track.lapsed)}.", ""]
    if track.status:
        out += [f"Status: {md_cell(track.status)}", ""]
    if track.themes:
        out += [f"Themes: {', '.join(label(t) for t in track.themes)}", ""]
    if track.period():
        out += [f"Resolutions adopted {track.period()}.", ""]
    out += ["| " + " | ".join(TIMELINE_COLUMNS) + " |", "|" + "---|" * len(TIMELINE_COLUMNS)]
    out += ["| " + " | ".join(md_cell(str(v)) for v in row) + " |" for row in timeline_rows(track)]
    if vote_note(track):
        out += ["", md_cell(vote_note(track))]
    if track.gaps:
        out += ["", "## Renewals not placed", ""]
        out += [f"- {md_cell(g.reason)}" for g in track.gaps]
    if track.ran_out:
        out += ["", "## Let run out", ""]
        out += [f"- {md_cell(g.reason)}" for g in track.ran_out]
    out += ["", "## First appearance", ""]
    for theme, fa in track.first_appearance.items():
        op = fa.operative_paragraph
        # The whole track's first appearance: one outside the chosen years is said to be.
        outside = outside_years(fa.paragraph.symbol, track.years)
        out.append(f"- **{md_cell(label(theme))}**: {md_cell(fa.paragraph.symbol)} para. "
                   f"{md_cell(fa.paragraph.paragraph)}" + (f" ({outside} this range)" if outside else "")
                   + (f"; first operative: {md_cell(op.symbol)} para. {md_cell(op.paragraph)}" if op else ""))
    if track.phrase is not None:
        f = track.phrase_first
        out.append(f"- phrase \"{md_cell(track.phrase)}\": " + (
            f"{md_cell(f.paragraph.symbol)} para. {md_cell(f.paragraph.paragraph)}" if f else "not found"))
    for e in track.entries:
        if not e.paragraphs and not (changes and (e.changes or e.rollover)):
            continue
        out += ["", f"## {md_cell(e.symbol)} ({e.date or 'undated'})", ""]
        if changes:
            out += [f"_{md_cell(upper_first(e.comparison()))}._", ""]
        for p in e.paragraphs:
            kind = "OP" if p.operative else "PP"
            out.append(f"- **{md_cell(p.paragraph)}** ({kind}; {', '.join(label(t) for t in p.themes)}"
                       f"{'; ' + p.change if p.change else ''}): {md_cell(p.text)}")
        if changes:
            for c in e.changes:
                if c.status == "dropped" and c.previous is not None:
                    out.append(f"- ~~dropped {md_cell(c.previous.symbol)} para. {md_cell(c.previous.paragraph)}:"
                               f" {md_cell(c.previous.text)}~~")
    return "\n".join(out) + "\n"


# One colour per theme: matplotlib's cycle has ten, the taxonomy eleven themes, so two drew in one colour. Ten
# tab10 colours, then dark ones unlike any of them; a theme past the tenth also gets a marker of its own.
THEME_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
                 "#17becf", "#000000", "#00008b", "#006d5b", "#8b0000")
_LATER_MARKERS = ("s", "^", "D", "v")
LINES_NOTE = "solid: in an operative paragraph; dotted: incl. preamble only"


def theme_style(i: int) -> tuple[str, str | None]:
    """The colour and marker (None: a plain line) of the ``i``-th theme drawn."""
    colour = THEME_COLOURS[i % len(THEME_COLOURS)]
    return colour, None if i < 10 else _LATER_MARKERS[(i - 10) % len(_LATER_MARKERS)]


def trends_plot(trends: Trends, path: Path, title: str | None = None,
                label: Callable[[str], str] = _as_given, current_year: int | None = None) -> Path:
    """Resolutions per year carrying each theme (solid: operative; dotted: also counting preamble-only). The
    ``current_year`` (default: this year), still under way, is shaded and labelled a partial year: its counts
    so far are not a fall."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    years = sorted(trends.resolutions)
    fig = Figure(figsize=(10, 5.5))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    # A track of one year drew no line at all (a line needs two points) over an axis of two centuries with
    # fractional counts: one year's counts are points, on an axis of whole years and whole resolutions.
    single = "o" if len(years) == 1 else None
    drawn = 0
    for theme in trends.themes:
        totals = [trends.cell(y, theme).total for y in years]
        if not any(totals):
            continue
        colour, marker = theme_style(drawn)
        drawn += 1
        ax.plot(years, [len(trends.cell(y, theme).operative) for y in years], label=label(theme),
                color=colour, marker=single or marker)
        ax.plot(years, totals, linestyle=":", color=colour, marker=single or marker, fillstyle="none")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    if len(years) == 1:
        ax.set_xlim(years[0] - 1, years[0] + 1)
    now = current_year or datetime.now(UTC).year
    if years and years[-1] >= now:
        # Named in the legend: a label in the plot sat under the legend, which matplotlib puts top right.
        ax.axvspan(now - 0.5, now + 0.5, color="#8a8f98", alpha=0.15, linewidth=0, label=f"{now}: partial year")
    ax.set_xlabel("year")
    ax.set_ylabel("resolutions")
    # A caller's title (the web's) replaced the one that said what the two line styles mean: said under it.
    ax.set_title(f"{title}\n({LINES_NOTE})" if title else f"Resolutions per year carrying each theme ({LINES_NOTE})",
                 fontsize=9)
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    return path
