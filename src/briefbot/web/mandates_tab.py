"""The "Mandates" tab: pick a track and themes, see its timeline, open a renewal and see its changes coloured,
a trend plot, exports. Wiring only; the data comes from ``Briefbot.mandate_track`` / ``mandate_trends``.

Document text is data: it is escaped into the HTML views and shown in tables as plain strings, never as markup.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import gradio as gr

from ..errors import BriefbotError
from ..mandates.model import Track, TrackEntry
from ..mandates.render import to_csv, track_markdown, track_rows, trends_plot
from ..service import Briefbot
from .serving import TempFiles

TIMELINE_COLUMNS = ["Resolution", "Adopted", "Vote", "Action", "Until", "Stage", "Theme paragraphs", "Changes",
                    "Placed by"]
CSS_CHANGES = {"new": "#1f7a3a", "changed": "#b36b00", "dropped": "#b3261e", "unchanged": "#6b7280"}


def _timeline_rows(track: Track) -> list[list[Any]]:
    rows = []
    for e in track.entries:
        counts: dict[str, int] = {}
        for c in e.changes:
            counts[c.status] = counts.get(c.status, 0) + 1
        rows.append([e.symbol, e.date or "", e.vote.text() if e.vote else "", e.action, e.extends_until or "",
                     e.stage or "", len(e.paragraphs),
                     ", ".join(f"{v} {k}" for k, v in sorted(counts.items())), "; ".join(e.found_by)])
    return rows


def _summary(track: Track) -> str:
    esc = html.escape
    lines = [f"<h3>{esc(track.name)}</h3><p>{esc(track.label)} · {len(track.entries)} resolutions, "
             f"{len(track.renewals)} establishing or renewing</p>"]
    if track.gaps:
        lines.append("<p><b>Renewals not placed:</b></p><ul>" +
                     "".join(f"<li>{esc(g.reason)}</li>" for g in track.gaps) + "</ul>")
    if track.first_appearance:
        items = []
        for theme, fa in track.first_appearance.items():
            op = fa.operative_paragraph
            items.append(f"<li><b>{esc(theme)}</b>: {esc(fa.paragraph.symbol)} para. {esc(fa.paragraph.paragraph)}"
                         + (f"; first operative {esc(op.symbol)} para. {esc(op.paragraph)}" if op else
                            "; never operative") + "</li>")
        lines.append("<p><b>First appearance</b></p><ul>" + "".join(items) + "</ul>")
    return "<div id='mandate-summary-inner'>" + "".join(lines) + "</div>"


def changes_html(entry: TrackEntry) -> str:
    """A renewal's theme paragraphs and changes, coloured; every piece of document text escaped."""
    esc = html.escape
    out = [f"<div class='bb-changes'><h4>{esc(entry.symbol)} · adopted {esc(entry.date or '?')}"
           + (f" · compared with {esc(entry.previous)}" if entry.previous else " · first resolution of the track")
           + "</h4>"]
    shown = set()
    for c in entry.changes:
        p = c.current or c.previous
        if p is None:
            continue
        colour = CSS_CHANGES[c.status]
        where = (f"{esc(p.symbol)} para. {esc(p.paragraph)}" +
                 (f" (was para. {esc(c.previous.paragraph)})" if c.status == "changed" and c.previous else ""))
        if c.status == "changed" and c.diff:
            body = "".join(
                f"<ins style='background:#d7f5dd;text-decoration:none'>{esc(t)}</ins> " if op == "insert" else
                f"<del style='background:#fbd9d6'>{esc(t)}</del> " if op == "delete" else f"{esc(t)} "
                for op, t in c.diff)
        else:
            body = esc(p.text)
        out.append(f"<div class='bb-change bb-{c.status}' style='border-left:4px solid {colour};padding:4px 10px;"
                   f"margin:6px 0'><b style='color:{colour}'>{c.status}</b> · {where} · "
                   f"{esc(', '.join(p.themes))}<div class='bb-quote'>{body}</div></div>")
        if c.current is not None:
            shown.add(c.current.ordinal)
    for p in entry.paragraphs:
        if p.ordinal in shown:
            continue
        out.append(f"<div class='bb-change' style='border-left:4px solid #8a8f98;padding:4px 10px;margin:6px 0'>"
                   f"{esc(p.symbol)} para. {esc(p.paragraph)} · {esc(', '.join(p.themes))}"
                   f"<div class='bb-quote'>{esc(p.text)}</div></div>")
    if len(out) == 1:
        out.append("<p>No paragraph of this resolution carries the selected themes.</p>")
    return "".join(out) + "</div>"


def mandates_tab(bot: Briefbot, tmp: TempFiles) -> None:
    """Lay out the tab and wire its events; call inside ``with gr.Tab(...)`` of the app's Blocks. Exports go to the
    app's private temp space ``tmp`` (0700 folder, 0600 files, removed when the server stops)."""
    try:
        index = bot.mandates()
        tracks = [(f"{t.name} ({t.kind})", t.slug) for t in index.book.tracks]
        themes = list(index.book.tagging.themes)
    except BriefbotError:
        tracks, themes = [], []
    private: dict[str, Any] = {"api_visibility": "private"}

    with gr.Row():
        track_dd = gr.Dropdown(tracks, label="Track", elem_id="mandate-track", scale=3)
        theme_cb = gr.CheckboxGroup(themes, label="Themes (none = all)", elem_id="mandate-themes", scale=5)
    with gr.Row():
        # No bounds: an empty box arrives as 0 and means "no limit" (a bound would reject it with an error toast).
        year_from = gr.Number(label="From year (empty: all)", precision=0)
        year_to = gr.Number(label="To year (empty: all)", precision=0)
        show = gr.Button("Show track", variant="primary", elem_id="mandate-show")
    summary = gr.HTML(elem_id="mandate-summary")
    timeline = gr.Dataframe(headers=TIMELINE_COLUMNS, interactive=False, wrap=True, max_height=420,
                            label="Timeline (select a row to open the renewal)", elem_id="mandate-timeline")
    renewal = gr.Dropdown([], label="Renewal", elem_id="mandate-renewal")
    changes = gr.HTML(elem_id="mandate-changes")
    with gr.Row():
        export_csv = gr.DownloadButton("Export CSV", size="sm", visible=False, elem_id="mandate-csv")
        export_md = gr.DownloadButton("Export Markdown", size="sm", visible=False, elem_id="mandate-md")
        export_json = gr.DownloadButton("Export JSON", size="sm", visible=False, elem_id="mandate-json")
    plot = gr.Image(type="filepath", interactive=False, label="Resolutions per year carrying each theme "
                    "(solid: operative; dotted: incl. preamble only)", elem_id="mandate-plot")

    def load(slug: str | None, chosen: list[str] | None, y0: float | None, y1: float | None) -> tuple[Any, ...]:
        if not slug:
            raise gr.Error("Pick a track first.")
        try:
            track = bot.mandate_track(slug, chosen or None, int(y0) if y0 else None, int(y1) if y1 else None)
            trends = bot.mandate_trends(chosen or None, slug)
        except BriefbotError as exc:
            raise gr.Error(str(exc)) from exc
        csv_file = tmp.write_text(f"{slug}.csv", to_csv(track_rows(track)))
        md_file = tmp.write_text(f"{slug}.md", track_markdown(track, changes=True))
        json_file = tmp.write_text(f"{slug}.json", json.dumps(track.to_dict(True), ensure_ascii=False))
        png = trends_plot(trends, tmp.path(f"{slug}.png"), title=f"{track.name}: resolutions per year by theme")
        Path(png).chmod(0o600)
        symbols = [e.symbol for e in track.entries]
        last = next((e.symbol for e in reversed(track.entries) if e.changes), symbols[-1] if symbols else None)
        return (_summary(track), _timeline_rows(track), gr.Dropdown(choices=symbols, value=last),
                _changes_for(track, last), gr.DownloadButton(value=str(csv_file), visible=True),
                gr.DownloadButton(value=str(md_file), visible=True),
                gr.DownloadButton(value=str(json_file), visible=True), str(png))

    def _changes_for(track: Track, symbol: str | None) -> str:
        if not symbol:
            return ""
        try:
            return changes_html(track.entry(symbol))
        except KeyError:
            return ""

    def open_renewal(slug: str | None, chosen: list[str] | None, symbol: str | None) -> str:
        if not slug or not symbol:
            return ""
        try:
            return _changes_for(bot.mandate_track(slug, chosen or None), symbol)
        except BriefbotError as exc:
            raise gr.Error(str(exc)) from exc

    def pick_row(evt: gr.SelectData) -> Any:
        row = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
        value = evt.row_value[0] if getattr(evt, "row_value", None) else None
        return gr.Dropdown(value=value) if value else gr.Dropdown(value=None) if row is None else gr.skip()

    outputs = [summary, timeline, renewal, changes, export_csv, export_md, export_json, plot]
    show.click(load, [track_dd, theme_cb, year_from, year_to], outputs, **private)
    renewal.change(open_renewal, [track_dd, theme_cb, renewal], changes, **private)
    timeline.select(pick_row, None, renewal, **private)
