"""The "Mandates" tab: pick a track and themes, see its timeline, open a renewal and see its changes coloured,
a trend plot, exports. Wiring only; the data comes from ``Briefbot.mandate_track`` / ``mandate_trends``.

Document text is data: it is escaped into the HTML views and shown in tables as plain strings, never as markup.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from ..access import AccessScope
from ..config import Settings
from ..errors import BriefbotError
from ..mandates.model import (
    FIRST_YEAR,
    Track,
    TrackEntry,
    TrackParagraph,
    check_years,
    counted,
    last_year,
    restates,
    upper_first,
)
from ..mandates.render import (
    TIMELINE_COLUMNS,
    outside_years,
    timeline_rows,
    to_csv,
    track_markdown,
    track_rows,
    trends_plot,
    vote_note,
)
from ..mdtext import md_text as h_md
from ..models import clip
from ..service import Briefbot
from .access import scope_of
from .pagepanel import PagePanel, page_panel
from .serving import TempFiles, refused
from .views import card_from_citation, fitted_table_css, parse_year, word_floor_css

# The timeline's columns share the tab's width, each at least as wide as its longest word (a date whole).
TIMELINE_CSS = fitted_table_css("#mandate-timeline")
# Why a resolution is in the track ("Placed by": a title's words, a library subject, a paragraph) is prose, and its
# words ("implementation") made nine columns ~26 px wider than the tab at 1024 px beside the open sidebar (a browser
# walk's find). It is shown with the renewal instead (changes_header), opened by selecting the row; the Markdown and
# JSON exports keep it.
WEB_TIMELINE_COLUMNS = [c for c in TIMELINE_COLUMNS if c != "Placed by"]
_PLACED_BY = TIMELINE_COLUMNS.index("Placed by")


def web_timeline_rows(track: Track) -> list[list[Any]]:
    """The timeline's rows under :data:`WEB_TIMELINE_COLUMNS`."""
    return [r[:_PLACED_BY] + r[_PLACED_BY + 1:] for r in timeline_rows(track)]
# Room for a year with spaces around it (" 2018 " was cut to " 201"), and for "99999" to be refused as typed.
_YEAR_CHARS = 12
# Said above a track drawn for inputs since refused: the timeline below is not for the years now in the boxes.
STALE = ("<p id='mandate-stale'><b>Not updated:</b> the years were refused (see the message); what is shown is for the "
         "previous choice. Fix them and press Show track.</p>")
PICK_TRACK = "<p id='mandate-pick'>Pick a track above (type to search its name), then press Show track.</p>"
ALL_THEMES = "All themes on the plot"
CSS_CHANGES = {"new": "#1f7a3a", "changed": "#b36b00", "dropped": "#b3261e", "unchanged": "#6b7280"}


def _summary(track: Track) -> str:
    esc = html.escape
    lines = [f"<h3>{esc(track.name)}</h3><p>{esc(track.label)} · "
             f"{counted(len(track.entries), 'resolution')}{' ' + track.period() if track.period() else ''}, "
             f"{len(track.renewals)} establishing or renewing</p>"]
    if track.lapsed:
        lines.append(f"<p><b>Ended:</b> {esc(track.lapsed)}.</p>")
    if track.status:
        lines.append(f"<p><b>Status:</b> {esc(track.status)}</p>")
    if not track.entries and track.period():
        lines.append(f"<p>No resolution of this track was adopted {esc(track.period())}: widen or empty the years."
                     + (" The first appearances below are the whole track's." if track.first_appearance else "")
                     + "</p>")
    elif not track.entries:
        lines.append("<p>No resolution of this track is in the index.</p>")
    if track.gaps:
        lines.append("<p><b>Renewals not placed:</b></p><ul>" +
                     "".join(f"<li>{esc(g.reason)}</li>" for g in track.gaps) + "</ul>")
    if track.ran_out:
        lines.append("<p><b>Let run out:</b></p><ul>" +
                     "".join(f"<li>{esc(g.reason)}</li>" for g in track.ran_out) + "</ul>")
    if track.phrase is not None and track.phrase_first is None:
        lines.append(f"<p>The phrase “{esc(track.phrase)}” does not occur in this track's resolutions.</p>")
    return "<div id='mandate-summary-inner'>" + "".join(lines) + "</div>"


def drilled_paragraphs(bot: Briefbot, year: int, themes: list[str], track: str | None) -> list[TrackParagraph]:
    """The paragraphs behind ``year``'s counts of ``themes`` on the trend plot (of ``track``, or of every
    resolution): each once, however many of the themes it carries, by resolution number and reading order."""
    index = bot.mandates()
    found: dict[tuple[str, str], TrackParagraph] = {}
    for theme in themes:
        for p in index.trend_paragraphs(year, theme, track):
            found.setdefault((p.symbol, p.paragraph), p)

    def number(p: TrackParagraph) -> tuple[int, str, int]:
        digits = "".join(ch for ch in p.symbol.split("(")[0] if ch.isdigit())
        return int(digits or 0), p.symbol, p.ordinal
    return sorted(found.values(), key=number)


def _firsts_head(track: Track) -> str:
    """The line over the first-appearance cards ("" when there are none)."""
    if not track.first_appearance and track.phrase_first is None:
        return ""
    return ("<p><b>First appearance</b> of " + ("the phrase and of " if track.phrase_first is not None else "")
            + "each theme (select one to open it):</p>")


def _year(box: str | None, which: str) -> int | None:
    """A year box's year (None when empty); anything else is refused with its fix. Whether two years make a
    range is the tracker's rule (``check_years``), the CLI's too."""
    last = last_year()
    try:
        return parse_year(box, FIRST_YEAR, last, f"a year of Council resolutions ({FIRST_YEAR}-{last})",
                          "correct it or empty the box")
    except BriefbotError as exc:
        raise refused(f"The {which} year {exc}") from exc


def changes_header(entry: TrackEntry, themes: list[str] | None = None) -> str:
    """The renewal's heading: what it is compared with; a line when none of its paragraphs is shown."""
    esc = html.escape
    head = (f"<div class='bb-changes'><h4>{esc(entry.symbol)} · adopted {esc(entry.date or '?')}"
            + (f" · compared with {esc(entry.previous)}" if entry.previous else " · first resolution of the track")
            + "</h4>")
    if entry.found_by:
        head += f"<p class='bb-meta'>Placed in this track by: {esc('; '.join(entry.found_by))}</p>"
    if entry.previous is not None and (entry.rollover or not restates(entry.action)):
        head += f"<p>{esc(upper_first(entry.comparison()))}.</p>"  # why nothing of it is counted as dropped
    if not entry.changes and not entry.paragraphs:
        head += ("<p>No paragraph of this resolution carries the selected themes.</p>" if themes else
                 "<p>No paragraph of this resolution carries an organised-crime theme.</p>")
    if not change_cards(entry):  # nothing below to select: no hint to select it
        return head + "</div>"
    return head + "<p class='bb-meta'>Select a paragraph to open it on its page (or its text).</p></div>"


def change_cards(entry: TrackEntry, label: Callable[[str], str] = str) -> list[tuple[str, TrackParagraph]]:
    """A renewal's theme paragraphs and changes as cards, coloured, each with the paragraph it cites (the
    previous resolution's for a dropped one); every piece of document text escaped. ``label`` names a theme."""
    esc = html.escape
    out: list[tuple[str, TrackParagraph]] = []
    shown = set()
    for c in entry.changes:
        p = c.current or c.previous
        if p is None:
            continue
        colour = CSS_CHANGES[c.status]
        where = (f"{esc(p.symbol)} para. {esc(p.paragraph)}" +
                 (f" (was para. {esc(c.previous.paragraph)})" if c.status == "changed" and c.previous
                  and c.previous.paragraph != p.paragraph else ""))
        if c.status == "changed" and c.diff:
            body = "".join(
                f"<ins style='background:#d7f5dd;text-decoration:none'>{esc(t)}</ins>" if op == "insert" else
                f"<del style='background:#fbd9d6'>{esc(t)}</del>" if op == "delete" else esc(t)
                for op, t in c.diff)
        else:
            body = esc(p.text)
        out.append((f"<div class='bb-change bb-{c.status}' style='border-left:4px solid {colour};padding:4px 10px;"
                    f"margin:2px 0;text-align:left'><b style='color:{colour}'>{c.status}</b> · {where} · "
                    f"{esc(', '.join(map(label, p.themes)))}<div class='bb-quote'>{body}</div></div>", p))
        if c.current is not None:
            shown.add(c.current.ordinal)
    for p in entry.paragraphs:
        if p.ordinal in shown:
            continue
        out.append((f"<div class='bb-change' style='border-left:4px solid #8a8f98;padding:4px 10px;margin:2px 0;"
                    f"text-align:left'>{esc(p.symbol)} para. {esc(p.paragraph)} · "
                    f"{esc(', '.join(map(label, p.themes)))}"
                    f"<div class='bb-quote'>{esc(p.text)}</div></div>", p))
    return out


_FIRST_IN = {"first mention": "first mentioned in", "first operative": "first operative in",
             "first mention (never operative)": "first mentioned (never operative) in"}


def first_cards(track: Track, label: Callable[[str], str] = str) -> list[tuple[str, TrackParagraph]]:
    """Each theme's first paragraph in the track, and its first operative one when that is later, as cards."""
    esc = html.escape
    out: list[tuple[str, TrackParagraph]] = []
    firsts = list(track.first_appearance.items())
    if track.phrase is not None and track.phrase_first is not None:
        firsts.insert(0, (f"“{track.phrase}”", track.phrase_first))
    for theme, fa in firsts:
        op = fa.operative_paragraph
        items = [(fa.paragraph, "first mention" if op is not None else "first mention (never operative)")]
        if op is not None and op is not fa.paragraph:
            items.append((op, "first operative"))
        for p, what in items:
            kind = "operative" if p.operative else "preamble"
            # First appearances are the whole track's: one outside the chosen years is said to be, or S/RES/1970
            # (2011) read as a first mention within 2014-2020.
            outside = outside_years(p.symbol, track.years)
            cited = f"{esc(p.symbol)} para. {esc(p.paragraph)} ({kind})"
            where = (f"{what} · {cited}" if not outside else
                     f"{_FIRST_IN.get(what, what)} {cited}, {outside} this range")
            out.append((f"<div class='bb-change' style='border-left:4px solid #1f5f8b;padding:4px 10px;"
                        f"text-align:left'><b>{esc(label(theme))}</b> · {where}"
                        f"<div class='bb-quote'>{esc(clip(p.text, 240))}</div></div>", p))
    return out


def open_paragraph(bot: Briefbot, panel: PagePanel, p: TrackParagraph, scope: AccessScope) -> tuple[Any, ...]:
    """A cited paragraph in the page panel: on its PDF page(s) when the index holds a PDF of the resolution,
    else its verbatim text from the XML."""
    reference = f"{p.symbol}, para. {p.paragraph}"
    try:
        cite = bot.mandates().pdf_citation(p)
    except BriefbotError as exc:
        return panel.open_text(reference, f"{exc}; the paragraph as the resolution's XML prints it:", p.text)
    if cite is None:
        return panel.open_text(reference, "no PDF of this resolution is indexed; the paragraph as the "
                               "resolution's XML prints it:", p.text)
    return panel.open_card(card_from_citation(cite), scope)


def mandates_tab(bot: Briefbot, settings: Settings, tmp: TempFiles) -> None:
    """Lay out the tab and wire its events; call inside ``with gr.Tab(...)`` of the app's Blocks. Exports and
    page images go to the app's private temp space ``tmp`` (0700 folder, 0600 files, removed when the server
    stops)."""
    try:
        index = bot.mandates()
        tracks = [(f"{t.name} ({t.kind})", t.slug) for t in index.book.tracks]
        label = index.taxonomy.label
        themes = [(label(t), t) for t in index.book.tagging.themes]  # the name shown, the slug passed
        names = {t.slug: t.name for t in index.book.tracks}
    except BriefbotError:
        tracks, themes, names = [], [], {}

        def label(slug: str) -> str:
            return slug
    private: dict[str, Any] = {"api_visibility": "private"}

    cited = gr.State([])  # the TrackParagraph behind each card of the open renewal
    # The track's overview (controls, summary, timeline) spans the tab; its paragraphs open beside the page below.
    # In the left column beside the page the timeline's nine columns scrolled sideways at 1400 px (a browser
    # walk's find).
    # Nothing preselected: Gradio picked the first track of the book (MINUSMA), which no analyst chose. The tab is
    # opened for a track in mind, found by typing; "most recent" would be a guess at it too.
    # The track across the tab, the themes under it: beside them its box cut "Libya sanctions (1970) (sanctions)" at
    # 1024 (198 px) and at 390 (104 px, the themes one word a line beside it; a browser walk's finds).
    # On a phone no line of the box holds the longest names: it reads them whole over two ("bb-whole",
    # app.WHOLE_CHOICE_JS).
    track_dd = gr.Dropdown(tracks, value=None, label="Track", info="Pick a track (type to search), then Show track",
                           elem_id="mandate-track", elem_classes=["bb-whole"])
    theme_cb = gr.CheckboxGroup(themes, label="Themes (none = all)", elem_id="mandate-themes")
    with gr.Row():
        # Text, not gr.Number: a number box shows 0 when empty, which read as a year; checked on Show.
        year_from = gr.Textbox(label="From year (empty: all)", placeholder="e.g. 2015", max_length=_YEAR_CHARS)
        year_to = gr.Textbox(label="To year (empty: all)", placeholder="e.g. 2025", max_length=_YEAR_CHARS)
        phrase_box = gr.Textbox(label="First appearance of a phrase (optional)", max_length=200,
                                placeholder="e.g. illicit export of petroleum", elem_id="mandate-phrase")
        show = gr.Button("Show track", variant="primary", elem_id="mandate-show")
    summary = gr.HTML(elem_id="mandate-summary")
    # Columns as wide as the tab allows, none narrower than its longest word (views.fitted_table_css).
    timeline = gr.Dataframe(headers=WEB_TIMELINE_COLUMNS, interactive=False, wrap=True, max_height=420,
                            label="Timeline (select a row to open the renewal)", elem_id="mandate-timeline")
    timeline_fit = gr.HTML(visible="hidden", elem_id="mandate-timeline-fit")  # its word floors (a <style>)
    timeline_note = gr.Markdown(elem_id="mandate-timeline-note")  # what a "—" vote means, when one is shown
    with gr.Row():
        with gr.Column(scale=4):
            firsts_head = gr.HTML(elem_id="mandate-firsts-head")
            firsts = gr.Dataset(components=["html"], samples=[], type="index", layout="gallery", show_label=False,
                                visible=False, elem_id="mandate-firsts", samples_per_page=30)
            first_paras = gr.State([])
            renewal = gr.Dropdown([], label="Renewal", elem_id="mandate-renewal")
            changes = gr.HTML(elem_id="mandate-changes")
            cards = gr.Dataset(components=["html"], samples=[], type="index", layout="gallery", show_label=False,
                               visible=False, elem_id="mandate-paras", samples_per_page=40)
            with gr.Row():
                export_csv = gr.DownloadButton("Export CSV", size="sm", visible=False, elem_id="mandate-csv")
                export_md = gr.DownloadButton("Export Markdown", size="sm", visible=False, elem_id="mandate-md")
                export_json = gr.DownloadButton("Export JSON", size="sm", visible=False, elem_id="mandate-json")
            # No label over the image: it covered the plot's own title and legend.
            # Hidden until there is a plot: an empty image component draws a broken-picture frame.
            # No "share" button: it shares to Hugging Face Spaces, and off Spaces (an air-gapped server) it only
            # raised a red "Must be on Spaces to share." (a browser walk's find).
            plot = gr.Image(type="filepath", interactive=False, show_label=False, elem_id="mandate-plot",
                            buttons=["download", "fullscreen"], visible=False)
            # Every count of the plot drills down to its paragraphs. Choices that wrap, not a dropdown: a box
            # shows one line, and "Illicit finance, money laundering and state-finance abuse" was cut in it at 1280
            # beside the year (a review's find) and still at 1024 at the column's width (a browser walk's).
            # Nothing preselected but "all": Gradio picked the first theme, arms trafficking, which no analyst
            # chose; all themes means every theme on the plot, the paragraphs of each resolution counted in it.
            drill_theme = gr.Radio([(ALL_THEMES, ""), *themes], value="", label="Theme of the count",
                                   elem_id="mandate-drill-theme")
            with gr.Row(equal_height=True):
                # Text, like the range boxes: a number box showed "0", which read as a year and was refused.
                drill_year = gr.Textbox(label="Year", placeholder="e.g. 2025", max_length=_YEAR_CHARS, scale=1,
                                        elem_id="mandate-drill-year")
                drill = gr.Button("Paragraphs behind this count", size="sm", elem_id="mandate-drill", scale=2)
                council = gr.Button("Council-wide trend", size="sm", elem_id="mandate-council", scale=2)
            council_csv = gr.DownloadButton("Council-wide trend (CSV)", size="sm", visible=False,
                                            elem_id="mandate-council-csv")
            drill_head = gr.Markdown(elem_id="mandate-drill-head")
            drill_cards = gr.Dataset(components=["html"], samples=[], type="index", layout="gallery",
                                     show_label=False, visible=False, elem_id="mandate-drill-paras",
                                     samples_per_page=40)
            drilled = gr.State([])
            plotted = gr.State("")  # the track whose trend the plot shows; "" for every resolution
            plotted_themes = gr.State([])  # the themes it shows ([]: every theme)
        with gr.Column(scale=3, elem_id="mandate-page-column"):
            panel = page_panel(bot, settings, tmp, prefix="mandate-page",
                               intro="Select a paragraph of a renewal to see it on its page.")

    def renewal_view(track: Track, symbol: str | None) -> tuple[Any, Any, Any]:
        """Header, paragraph cards and the paragraphs behind them for one renewal of ``track``."""
        try:
            entry = track.entry(symbol) if symbol else None
        except KeyError:
            entry = None
        if entry is None:
            return "", gr.Dataset(samples=[], visible=False), []
        items = change_cards(entry, label)
        return (changes_header(entry, track.themes),
                gr.Dataset(samples=[[card] for card, _ in items], visible=bool(items)), [p for _, p in items])

    def check_show(slug: str | None, from_box: str | None, to_box: str | None) -> None:
        """Show's inputs, refused with their fix before anything is drawn (the tracker's year rule). No track yet is
        not an error: the summary asks for one (``load``)."""
        try:
            check_years(_year(from_box, "From"), _year(to_box, "To"))
        except BriefbotError as exc:
            raise refused(str(exc)) from exc

    def mark_stale(shown: str | None) -> str:
        if not shown or shown == PICK_TRACK or shown.startswith(STALE):
            return shown or PICK_TRACK
        return STALE + shown

    def check_drill(box: str | None) -> None:
        _year(box, "drill-down")

    def load(slug: str | None, chosen: list[str] | None, from_box: str | None, to_box: str | None,
             phrase: str | None, request: gr.Request) -> tuple[Any, ...]:
        if not slug:  # Show before a track is picked: said where the track would be, the rest left as it is
            return (PICK_TRACK, *(gr.skip(),) * (len(outputs) - 1))
        y0, y1 = _year(from_box, "From"), _year(to_box, "To")
        try:
            scope = scope_of(bot, request)
            track = bot.mandate_track(slug, chosen or None, y0, y1,
                                      (phrase or "").strip() or None, scope=scope)
            trends = bot.mandate_trends(chosen or None, slug, scope=scope)
        except BriefbotError as exc:
            raise refused(str(exc)) from exc
        csv_file = tmp.write_text(f"{slug}.csv", to_csv(track_rows(track)))
        md_file = tmp.write_text(f"{slug}.md", track_markdown(track, changes=True, label=label))
        json_file = tmp.write_text(f"{slug}.json", json.dumps(track.to_dict(True), ensure_ascii=False))
        # A track none of whose resolutions is indexed has nothing to plot: its empty axes, 0 to 1 both ways, read
        # as a broken chart (a browser walk's find); the summary says why there is none.
        plotted_png = None
        if any(trends.resolutions.values()):
            plotted_png = trends_plot(trends, tmp.path(f"{slug}.png"),
                                      title=f"{track.name}: resolutions per year by theme", label=label)
            Path(plotted_png).chmod(0o600)
        symbols = [e.symbol for e in track.entries]
        last = next((e.symbol for e in reversed(track.entries) if e.changes), symbols[-1] if symbols else None)
        first = first_cards(track, label)
        rows = web_timeline_rows(track)
        return (_summary(track), _firsts_head(track), gr.Dataset(samples=[[c] for c, _ in first], visible=bool(first)),
                [p for _, p in first], rows, word_floor_css("#mandate-timeline", rows), h_md(vote_note(track)),
                gr.Dropdown(choices=symbols, value=last),
                *renewal_view(track, last), gr.DownloadButton(value=str(csv_file), visible=True),
                gr.DownloadButton(value=str(md_file), visible=True),
                gr.DownloadButton(value=str(json_file), visible=True),
                gr.Image(value=str(plotted_png), visible=True) if plotted_png else gr.Image(value=None, visible=False),
                slug,
                list(chosen or []))

    def open_renewal(slug: str | None, chosen: list[str] | None, symbol: str | None,
                     request: gr.Request) -> tuple[Any, ...]:
        if not slug or not symbol:
            return "", gr.Dataset(samples=[], visible=False), []
        try:
            return renewal_view(bot.mandate_track(slug, chosen or None, scope=scope_of(bot, request)), symbol)
        except BriefbotError as exc:
            raise refused(str(exc)) from exc

    def pick_row(evt: gr.SelectData) -> Any:
        row = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
        value = evt.row_value[0] if getattr(evt, "row_value", None) else None
        return gr.update(value=value) if value else gr.update(value=None) if row is None else gr.skip()

    def pick_card(i: int | None, paragraphs: list[TrackParagraph], request: gr.Request) -> tuple[Any, ...]:
        if i is None or not 0 <= i < len(paragraphs):
            return (gr.skip(),) * len(panel.outputs)
        scope = scope_of(bot, request)
        try:
            bot.check_mandate_access(scope)
        except BriefbotError as exc:
            raise refused(str(exc)) from exc
        return open_paragraph(bot, panel, paragraphs[i], scope)

    def drill_down(slug: str | None, box: str | None, theme: str | None, on_plot: list[str] | None,
                   request: gr.Request) -> tuple[Any, ...]:
        year = _year(box, "drill-down")
        if not year:
            # Not an error: the button was pressed before the box was filled (a walk-through's red toast).
            return ("Type a year above (and pick a theme, or keep all of them), then press the button: the "
                    "paragraphs behind that count are listed here.", gr.Dataset(samples=[], visible=False), [])
        wanted = [theme] if theme else list(on_plot or []) or [t for _, t in themes]
        try:
            bot.check_mandate_access(scope_of(bot, request))
            paras = drilled_paragraphs(bot, int(year), wanted, slug or None)
        except BriefbotError as exc:
            raise refused(str(exc)) from exc
        symbols = list(dict.fromkeys(p.symbol for p in paras))
        scope = f" in the {names.get(slug, slug)} track" if slug else " (all resolutions)"
        what = (label(theme) if theme else label(wanted[0]) if len(wanted) == 1
                else f"one or more of the plot's {len(wanted)} themes")
        head = (f"**{counted(len(symbols), 'resolution')}** of {int(year)} "
                f"{'carries' if len(symbols) == 1 else 'carry'} {h_md(what)}{h_md(scope)}: "
                f"{counted(len(paras), 'paragraph')}. Select one to open it.")
        esc = html.escape
        shown = set(wanted)

        def named(p: TrackParagraph) -> str:  # which themes put it here, when more than one may have
            return "" if theme else " · " + ", ".join(label(t) for t in p.themes if t in shown)
        samples = [[f"<div class='bb-change' style='border-left:4px solid #8a8f98;padding:4px 10px;text-align:left'>"
                    f"{esc(p.symbol)} para. {esc(p.paragraph)} · {'operative' if p.operative else 'preamble'}"
                    f"{esc(named(p))}<div class='bb-quote'>{esc(p.text)}</div></div>"] for p in paras]
        return head, gr.Dataset(samples=samples, visible=bool(samples)), paras

    def pick_drilled(i: int | None, paragraphs: list[TrackParagraph], request: gr.Request) -> tuple[Any, ...]:
        return pick_card(i, paragraphs, request)

    def council_wide(chosen: list[str] | None, request: gr.Request) -> tuple[Any, ...]:
        """The trend over every indexed resolution (no track): plot and CSV; its counts drill down with no track."""
        try:
            trends = bot.mandate_trends(chosen or None, None, scope=scope_of(bot, request))
        except BriefbotError as exc:
            raise refused(str(exc)) from exc
        png = trends_plot(trends, tmp.path("council.png"), title="All Council resolutions: per year by theme",
                          label=label)
        Path(png).chmod(0o600)
        csv_file = tmp.write_text("council-trends.csv", to_csv(trends.rows()))
        # The drill-down below was of the track's counts: cleared, not left describing another plot.
        return (gr.Image(value=str(png), visible=True), gr.DownloadButton(value=str(csv_file), visible=True), "",
                list(chosen or []), "", gr.Dataset(samples=[], visible=False), [])

    # The track stays picked (its summary and timeline stay on screen); the drill-down follows the plot.
    council.click(council_wide, [theme_cb], [plot, council_csv, plotted, plotted_themes, drill_head, drill_cards,
                                             drilled], **private)
    drill.click(check_drill, [drill_year], None, **private).success(
        drill_down, [plotted, drill_year, drill_theme, plotted_themes], [drill_head, drill_cards, drilled],
        **private)
    drill_cards.click(pick_drilled, [drill_cards, drilled], panel.outputs, **private).then(
        None, None, None, js=panel.into_view_js())
    renewal_outputs = [changes, cards, cited]
    outputs = [summary, firsts_head, firsts, first_paras, timeline, timeline_fit, timeline_note, renewal,
               *renewal_outputs, export_csv, export_md, export_json, plot, plotted, plotted_themes]
    # The inputs are checked in a step of their own, with no outputs: a stop the user can fix (a reversed range)
    # is its toast alone. Raised by the step that draws the track, it also put a red "Error" on each of the track's
    # seven outputs until the next Show (a walk-through's find).
    checked = show.click(check_show, [track_dd, year_from, year_to], None, **private)
    checked.success(load, [track_dd, theme_cb, year_from, year_to, phrase_box], outputs, **private)
    # A refused Show leaves the last track on screen: said so above it, not passed off as the refused years' (a
    # browser walk read "13 resolutions in 2015-2020" under a refused 2025-2015).
    checked.failure(mark_stale, [summary], [summary], **private)
    renewal.change(open_renewal, [track_dd, theme_cb, renewal], renewal_outputs, **private)
    timeline.select(pick_row, None, renewal, **private)
    cards.click(pick_card, [cards, cited], panel.outputs, **private).then(
        None, None, None, js=panel.into_view_js())
    firsts.click(pick_card, [firsts, first_paras], panel.outputs, **private).then(
        None, None, None, js=panel.into_view_js())
