"""CLI commands of the mandate tracker: ``mandates``, ``mandate``, ``trends``, ``refs``.

Registered on the main Typer app by :func:`register`. They read the catalog only (no embedding model is loaded);
the mandate index is brought up to date first, incrementally. Document text is printed as plain text, never as
Rich markup.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .cli_output import print_table
from .errors import BriefbotError

out, err = Console(soft_wrap=True), Console(stderr=True, soft_wrap=True)

IndexOpt = Annotated[Path | None, typer.Option("--index", help="Index directory (default: settings/BRIEFBOT_INDEX).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
ThemeOpt = Annotated[list[str] | None, typer.Option("--theme", help="Only this organised-crime theme (slug, e.g. "
                                                    "illicit_natural_resources); repeatable.")]


def _open(index: Path | None) -> Any:
    from .cli import _settings
    from .mandates import open_mandates
    from .store import open_store

    settings = _settings(index=index)
    idx = open_mandates(open_store(settings), settings.themes_file, settings.tracks_file)
    if not idx.fresh():
        err.print("updating the mandate index from the catalog…", highlight=False, markup=False)
        report = idx.update()
        err.print(f"mandate index: {report.resolutions} resolutions ({report.read} read) in {report.seconds:.1f} s",
                  highlight=False, markup=False)
        if report.xml_missing:
            err.print(f"warning: {report.xml_missing} bulk resolutions were read without their XML (not found where "
                      "the catalog says, relative to the folder ingest ran in): their tracks are incomplete; run "
                      "from that folder", highlight=False, markup=False)
    return idx


def _fail(exc: BriefbotError) -> None:
    err.print(f"error: {exc}", highlight=False, markup=False)
    raise typer.Exit(2)


def mandates(index: IndexOpt = None, as_json: JsonOpt = False,
             rebuild: Annotated[bool, typer.Option("--rebuild", help="Read every resolution again.")] = False) -> None:
    """Mandate tracks (peace operations, sanctions regimes) with their resolutions, renewals and gaps."""
    try:
        idx = _open(index)
        if rebuild:
            idx.update(force=True)
        rows = idx.summaries()
    except BriefbotError as exc:
        _fail(exc)
        return
    if as_json:
        sys.stdout.write(json.dumps({"tracks": [r.to_dict() for r in rows]}, ensure_ascii=False) + "\n")
        return
    table = Table("track", "name", "kind", "resolutions", "renewals", "not placed", "complete", "with themes",
                  "first", "last")
    for r in rows:
        table.add_row(r.slug, r.name, r.kind, str(r.resolutions), str(r.renewals), str(r.gaps),
                      f"{r.completeness:.0%}", str(r.themed), r.first or "", r.last or "")
    print_table(out, table)
    out.print("not placed: renewals the data implies (a mandate ran out before the next resolution found); "
              "`briefbot mandate TRACK` says which and why.", highlight=False, markup=False)


def mandate(track: Annotated[str, typer.Argument(help="Track name or alias: minusma, monuc, binuh, 1267, 2374, …")],
            theme: ThemeOpt = None,
            year_from: Annotated[int | None, typer.Option("--from", help="First year shown.")] = None,
            year_to: Annotated[int | None, typer.Option("--to", help="Last year shown.")] = None,
            changes: Annotated[bool, typer.Option("--changes", help="What each renewal changed (word diff).")] = False,
            phrase: Annotated[str | None, typer.Option("--phrase", help="First appearance of this phrase.")] = None,
            as_json: JsonOpt = False,
            as_csv: Annotated[bool, typer.Option("--csv", help="One CSV row per paragraph.")] = False,
            as_md: Annotated[bool, typer.Option("--md", help="Markdown report.")] = False,
            index: IndexOpt = None) -> None:
    """One track's timeline: each resolution's date, vote, what it extends and until when, and its paragraphs on
    organised-crime themes, with what changed at each renewal."""
    from .mandates.render import NO_VOTE, to_csv, track_markdown, track_rows, vote_note

    try:
        idx = _open(index)
        tr = idx.track(track, theme, year_from, year_to, phrase)
    except BriefbotError as exc:
        _fail(exc)
        return
    if as_json:
        sys.stdout.write(json.dumps(tr.to_dict(changes), ensure_ascii=False) + "\n")
        return
    if as_csv:
        sys.stdout.write(to_csv(track_rows(tr)))
        return
    if as_md:
        sys.stdout.write(track_markdown(tr, changes, label=idx.taxonomy.label))
        return
    say = lambda text: out.print(text, highlight=False, markup=False)  # noqa: E731 - document text stays plain
    say(f"{tr.name}: {tr.label}")
    if tr.lapsed:
        say(f"Ended: {tr.lapsed}")
    if tr.status:
        say(f"Status: {tr.status}")
    of = tr.dates_of_several()
    for e in tr.entries:
        say(f"\n{e.symbol}  {e.date or '?'}  vote {e.vote.text() if e.vote else NO_VOTE}  {e.action}"
            + (f" until {e.until_text(of)}" if e.term else "") + (f"  [{e.stage}]" if e.stage else ""))
        if e.other_terms:
            say(f"  {e.also_text()}")
        say(f"  placed by: {'; '.join(e.found_by)}")
        if changes:
            say(f"  {e.comparison()}")
        for p in e.paragraphs:
            mark = {"new": "+", "changed": "~", "unchanged": "=", None: " "}.get(p.change, " ")
            say(f"  {mark} {'OP' if p.operative else 'PP'} {p.paragraph} [{', '.join(p.themes)}] {p.text[:300]}"
                + ("…" if len(p.text) > 300 else ""))
        if changes:
            for c in e.changes:
                if c.status == "dropped" and c.previous is not None:
                    say(f"  - dropped {c.previous.symbol} para. {c.previous.paragraph}: {c.previous.text[:200]}")
                elif c.status == "changed" and c.current is not None:
                    diff = "".join(f"[+{t}]" if op == "insert" else f"[-{t}]" if op == "delete" else
                                    (t if len(t) < 80 else t[:35] + " … " + t[-35:]) for op, t in c.diff)
                    say(f"  ~ para. {c.current.paragraph} (was {c.previous.paragraph if c.previous else '?'}): {diff}")
    if note := vote_note(tr):
        say(f"\n{note}")
    if tr.gaps:
        say("\nRenewals not placed:")
        for g in tr.gaps:
            say(f"  {g.reason}")
    if tr.ran_out:
        say("\nLet run out:")
        for g in tr.ran_out:
            say(f"  {g.reason}")
    say("\nFirst appearance:")
    for t, fa in tr.first_appearance.items():
        op = fa.operative_paragraph
        say(f"  {t}: {fa.paragraph.symbol} para. {fa.paragraph.paragraph}"
            + (f"; first operative {op.symbol} para. {op.paragraph}" if op else "; never operative"))
    if tr.phrase is not None:
        f = tr.phrase_first
        say(f"  \"{tr.phrase}\": " + (f"{f.paragraph.symbol} para. {f.paragraph.paragraph}: {f.paragraph.text[:300]}"
                                      if f else "not found in this track"))


def trends(theme: ThemeOpt = None,
           track: Annotated[str | None, typer.Option("--track", help="Only the resolutions of this track.")] = None,
           as_json: JsonOpt = False,
           as_csv: Annotated[bool, typer.Option("--csv", help="CSV: per year and theme, total / operative / "
                                                "preambular only.")] = False,
           png: Annotated[Path | None, typer.Option("--png", help="Write a trend plot to this PNG file.")] = None,
           year: Annotated[int | None, typer.Option("--year", help="Drill down: the paragraphs behind one year's "
                                                    "count of the one --theme given.")] = None,
           index: IndexOpt = None) -> None:
    """Council resolutions per year carrying each organised-crime theme, operative vs preambular only."""
    from .mandates.render import to_csv, trends_plot

    if year is not None:
        _trend_paragraphs(theme, track, year, as_json, index)
        return
    try:
        idx = _open(index)
        tr = idx.trends(theme, track)
    except BriefbotError as exc:
        _fail(exc)
        return
    if png is not None:
        trends_plot(tr, png, label=idx.taxonomy.label)
        err.print(f"plot: {png}", highlight=False, markup=False)
    if as_json:
        sys.stdout.write(json.dumps(tr.to_dict(), ensure_ascii=False) + "\n")
        return
    if as_csv:
        sys.stdout.write(to_csv(tr.rows()))
        return
    table = Table("year", "resolutions", *tr.themes)
    for year in sorted(tr.resolutions):
        table.add_row(str(year), str(tr.resolutions[year]),
                      *[f"{len(tr.cell(year, t).operative)}+{len(tr.cell(year, t).preambular_only)}"
                        for t in tr.themes])
    print_table(out, table)
    out.print("cells: resolutions with the theme in an operative paragraph + in the preamble only", highlight=False)


def _trend_paragraphs(theme: list[str] | None, track: str | None, year: int, as_json: bool,
                      index: Path | None) -> None:
    """``trends --year Y --theme T``: the cited paragraphs behind one count."""
    if not theme or len(theme) != 1:
        _fail(BriefbotError("--year drills down into one count, so it needs exactly one --theme",
                            "e.g. briefbot trends --theme drug_trafficking --year 2015"))
        return
    try:
        paras = _open(index).trend_paragraphs(year, theme[0], track)
    except BriefbotError as exc:
        _fail(exc)
        return
    if as_json:
        sys.stdout.write(json.dumps({"year": year, "theme": theme[0], "track": track, "paragraphs": [
            {"symbol": p.symbol, **p.to_dict()} for p in paras]}, ensure_ascii=False) + "\n")
        return
    symbols = list(dict.fromkeys(p.symbol for p in paras))
    out.print(f"{theme[0]} in {year}: {len(symbols)} resolutions, {len(paras)} paragraphs", highlight=False,
              markup=False)
    for p in paras:
        out.print(f"{p.symbol} para. {p.paragraph} ({'operative' if p.operative else 'preamble'}): {p.text[:400]}",
                  highlight=False, markup=False)


def refs(symbol: Annotated[str, typer.Argument(help="A resolution, e.g. 'S/RES/2374 (2017)' or '2374 (2017)'.")],
         as_json: JsonOpt = False, index: IndexOpt = None) -> None:
    """Cross-references: the resolutions a resolution recalls, and those that later cite it."""
    try:
        r = _open(index).refs(symbol)
    except BriefbotError as exc:
        _fail(exc)
        return
    d = r.to_dict()
    if as_json:
        sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
        return
    say = lambda text: out.print(text, highlight=False, markup=False)  # noqa: E731
    say(f"{d['symbol']} recalls {len(d['recalls'])} resolutions:")
    for item in d["recalls"]:
        tp = f" (its paras. {', '.join(item['target_paragraphs'])})" if item["target_paragraphs"] else ""
        say(f"  {item['symbol']}{tp} in paras. {', '.join(item['paragraphs'])}"
            + ("" if item["in_corpus"] else "  [not in the index]"))
    say(f"cited by {len(d['cited_by'])} later resolutions:")
    for item in d["cited_by"]:
        tp = f" (paras. {', '.join(item['target_paragraphs'])} of it)" if item["target_paragraphs"] else ""
        say(f"  {item['symbol']} in paras. {', '.join(item['paragraphs'])}{tp}")


def eval_mandates(dataset: Path, index: Path | None, as_json: bool, out_dir: Path | None) -> None:
    """``briefbot eval --mandates``: gold facts, tagging precision/recall and track completeness."""
    from .mandates.evaluate import evaluate_mandates

    try:
        labels = dataset.parent / "mandates_tagging.csv"
        scores = evaluate_mandates(_open(index), dataset, labels)
    except BriefbotError as exc:
        _fail(exc)
        return
    d = scores.to_dict()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "mandates.json").write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if as_json:
        sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
        return
    say = lambda text: out.print(text, highlight=False, markup=False)  # noqa: E731
    f = d["facts"]
    say(f"gold facts: {f['correct']}/{f['n']} ({f['accuracy']:.1%})")
    for part, what in (("independent", "read from the resolutions by hand"),
                       ("derived", "first drafted from tracker output, then checked")):
        p = f[part]
        if p["n"]:
            say(f"  {part} ({what}): {p['correct']}/{p['n']} ({p['accuracy']:.1%})")
            for kind, k in p["by_kind"].items():
                say(f"    {kind}: {k['correct']}/{k['n']}")
    for fail in f["failures"]:
        tag = " [independent]" if fail["independent"] else ""
        say(f"  FAIL {fail['id']} ({fail['kind']}){tag}: got {fail['got']}")
    t = d["tagging"]
    if t["paragraphs"]:
        m = t["themes"]["micro"]
        say(f"theme tagging on {t['paragraphs']} hand-labelled paragraphs: micro P {m['precision']:.2f} "
            f"R {m['recall']:.2f} F1 {m['f1']:.2f}")
        for theme, v in t["themes"].items():
            if theme != "micro":
                say(f"  {theme}: P {v['precision']:.2f} R {v['recall']:.2f} (n={v['support']})")
    say("track completeness (renewals placed / placed + gaps):")
    for c in d["completeness"]:
        say(f"  {c['track']}: {c['renewals']}/{c['renewals'] + c['gaps']} ({c['completeness']:.0%})")


def register(app: typer.Typer) -> None:
    """Add the mandate commands to the main CLI."""
    app.command("mandates")(mandates)
    app.command("mandate")(mandate)
    app.command("trends")(trends)
    app.command("refs")(refs)
