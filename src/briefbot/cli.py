"""Command line: a thin adapter over the pipeline functions. Settings are read here, once."""

from __future__ import annotations

import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
from rich.console import Console
from rich.text import Text

from .errors import BriefbotError

if TYPE_CHECKING:
    from rich.progress import Progress

    from .config import Settings
    from .models import Answer

# Imports are lazy: `briefbot --help` must not pay for pydantic-settings, chromadb, numpy or the model, and each
# command imports only what it uses (rich.table, rich.progress, the service ...).

out, err = Console(soft_wrap=True), Console(stderr=True, soft_wrap=True)  # piped output: one line per message


class _Commands(typer.core.TyperGroup):
    """Every command's BriefbotError becomes one line on stderr ("error: what; remedy") and exit status 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BriefbotError as exc:
            err.print(Text.assemble(("error:", "red"), f" {exc}"), highlight=False)
            raise typer.Exit(2) from None


app = typer.Typer(cls=_Commands, add_completion=False, no_args_is_help=True,
                  help="briefbot: cited answers, triage and evaluation over UN documents.")

IndexOpt = Annotated[Path | None, typer.Option("--index", help="Index directory (default: settings/BRIEFBOT_INDEX).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


class EngineChoice(StrEnum):
    """Answer engines (models.Engine)."""

    extractive = "extractive"
    llm = "llm"


class DocTypeChoice(StrEnum):
    """Document types (models.DOC_TYPES)."""

    resolution = "resolution"
    sg_report = "sg_report"
    panel_report = "panel_report"
    letter = "letter"
    other = "other"


class OriginChoice(StrEnum):
    """Where a document comes from (models.Document.origin)."""

    un = "un"
    analysis = "analysis"


class SplitChoice(StrEnum):
    """Halves of the gold set (evaldata)."""

    dev = "dev"
    test = "test"
    all = "all"


EngineOpt = Annotated[EngineChoice | None, typer.Option("--engine", help="Answer engine.")]


def _settings(**overrides: Any) -> Settings:
    from .config import load_settings

    try:
        return load_settings(**overrides)
    except Exception as exc:  # pydantic validation errors become one line
        raise BriefbotError(f"invalid settings: {exc}".splitlines()[0], "check briefbot.toml and BRIEFBOT_*") from exc


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    from .config import quiet_libraries

    quiet_libraries()


def _progress(json_mode: bool) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, disable=json_mode or not err.is_terminal, transient=True)


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="Files (PDF, UN XML, .docx, .html, .md, .txt, bulk "
                                                        ".jsonl) or folders (recursive).")],
           index: IndexOpt = None,
           replace: Annotated[bool, typer.Option("--replace", help="Let a changed file replace the document indexed "
                              "from its path (or else from a file of the same name); without it such a file is "
                              "refused, and a new file named like an indexed one is indexed as a new document.")
                              ] = False,
           collection: Annotated[str | None, typer.Option("--collection", help="Access collection of these "
                                 "documents (default: general for new ones; see `briefbot users grant`).")] = None,
           as_json: JsonOpt = False) -> None:
    """Parse, chunk, embed and index documents; unchanged files are skipped."""
    from .access import check_collection
    from .service import open_briefbot

    settings = _settings(index=index)
    target = check_collection(collection) if collection is not None else None
    report = _ingest_through_app(settings, paths, replace, target)  # an app serving the index does the write
    if report is None:
        bot = open_briefbot(settings, create=True)
        with _progress(as_json) as bar:
            task = bar.add_task("ingest", total=None)

            def tick(done: int, total: int, message: str) -> None:
                bar.update(task, completed=done, total=total, description=message[:60])

            report = bot.ingest(paths, progress=tick, replace=replace, collection=target)
    if as_json:
        out.print_json(json.dumps({"results": [r.__dict__ if not hasattr(r, "__slots__") else
                                               {k: getattr(r, k) for k in r.__slots__} for r in report.results],
                                   "counts": report.counts(), "seconds": round(report.seconds, 2)}))
    else:
        for r in report.results:
            name = Path(r.path).name
            if r.status == "failed":
                out.print(f"[red]FAILED[/red]    {name}: {r.reason}", highlight=False)
            elif r.status == "refused":
                out.print(f"[red]REFUSED[/red]   {name}: {r.reason}", highlight=False)
            elif r.status in ("duplicate", "skipped"):
                out.print(f"{r.status.upper():<9} {name}: {r.reason}", highlight=False)
            elif r.status == "no_text":
                out.print(f"[yellow]NO TEXT[/yellow]   {name}: {'; '.join(r.warnings)}", highlight=False)
            elif r.status in ("ingested", "replaced"):
                warn = f"  [yellow]({'; '.join(r.warnings)})[/yellow]" if r.warnings else ""
                as_id = f" as {r.doc_id}" if r.doc_id and r.doc_id != name else ""
                why = f" ({r.reason})" if r.reason else ""  # "read again: an earlier version of briefbot read it"
                out.print(f"{r.status.upper():<9} {name}{as_id}: {r.symbol or r.cited_as or '?'} · {r.doc_type} · "
                          f"{r.pages} p · "
                          f"{r.chunks} chunks{why}{warn}", highlight=False)
        counts = ", ".join(f"{v} {k}" for k, v in sorted(report.counts().items()))
        out.print(f"{len(report.results)} files: {counts} in {report.seconds:.1f} s "
                  f"(embedded {report.embedded} new passages in {report.embed_seconds:.1f} s)", highlight=False)
    if report.failed or report.counts().get("refused"):
        raise typer.Exit(1)


def _ingest_through_app(settings: Settings, paths: list[Path], replace: bool, collection: str | None) -> Any:
    """The report of an ingest done by the web app serving the index, or None when no app serves it."""
    from .writer_api import report_from_dict, through_app

    sent = through_app(settings, "ingest", {"paths": [str(p.absolute()) for p in paths], "replace": replace,
                                            "collection": collection})
    if sent is None:
        return None
    err.print(f"ingested by {sent[1]}, which serves this index", highlight=False, markup=False)
    return report_from_dict(sent[0]["report"])


@app.command()
def library(index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """List indexed documents with their health (pages without text, failures, read by an earlier version)."""
    from .service import open_briefbot, read_by_older_note

    bot = open_briefbot(_settings(index=index))
    docs, failures, older = bot.library(), bot.failures(), bot.read_by_older()
    if as_json:
        out.print_json(json.dumps({"documents": [d.to_dict() for d in docs], "failures": failures,
                                   "read_by_older": older}))
        return
    from rich.table import Table

    from .cli_output import print_table

    table = Table("symbol", "type", "date", "pages", "chunks", "collection", "no text", "file", "title",
                  show_lines=False)
    for d in docs:
        table.add_row(d.name, d.doc_type, d.date or "", str(d.pages), str(d.chunks), d.collection,
                      ",".join(map(str, d.empty_pages[:6])) + ("…" if len(d.empty_pages) > 6 else ""),
                      d.file_name, (d.title or "")[:60])
    print_table(out, table)
    for f in failures:
        out.print(f"[red]failed[/red] {f['file_name']}: {f['reason']}", highlight=False)
    out.print(f"{len(docs)} documents, {sum(d.chunks for d in docs)} chunks, {len(failures)} failures")
    if older:
        names = {d.doc_id: d.file_name for d in docs}  # what one ingests again
        listed = ", ".join(names.get(d, d) for d in older[:8]) + (f" and {len(older) - 8} more (--json lists all)"
                                                                   if len(older) > 8 else "")
        out.print(f"[yellow]{read_by_older_note(len(older))}[/yellow] {listed}", highlight=False)


@app.command()
def remove(docs: Annotated[list[str], typer.Argument(help="File names or symbols of indexed documents.")],
           index: IndexOpt = None) -> None:
    """Drop documents from the index (under its writer lock, like ingest; by the web app when one serves it)."""
    from .service import open_briefbot
    from .writer_api import through_app

    settings = _settings(index=index)
    sent = through_app(settings, "remove", {"ids": docs})
    if sent is not None:
        err.print(f"removed by {sent[1]}, which serves this index", highlight=False, markup=False)
    for r in sent[0]["removed"] if sent is not None else open_briefbot(settings).remove(docs):
        out.print(f"removed {r}")


def _filters(doc_type: list[DocTypeChoice] | None, year_from: int | None, year_to: int | None,
             symbol: list[str] | None, mission: list[str] | None, origin: OriginChoice | None = None) -> Any:
    from .models import Filters

    return Filters(doc_types=[t.value for t in doc_type] if doc_type else None, year_from=year_from,
                   year_to=year_to, symbols=symbol or None, missions=mission or None,
                   origin=origin.value if origin else None)


@app.command()
def ask(question: Annotated[str | None, typer.Argument(help="The question (omit with --batch).")] = None,
        index: IndexOpt = None,
        k: Annotated[int | None, typer.Option("--k", help="Passages to retrieve (at least 10 are returned).")] = None,
        doc_type: Annotated[list[DocTypeChoice] | None, typer.Option("--type", help="Restrict to a document "
                            "type; repeatable.")] = None,
        year_from: Annotated[int | None, typer.Option("--year-from")] = None,
        year_to: Annotated[int | None, typer.Option("--year-to")] = None,
        symbol: Annotated[list[str] | None, typer.Option("--symbol", help="Restrict to a UN symbol; repeatable.")
                          ] = None,
        mission: Annotated[list[str] | None, typer.Option("--mission", help="Restrict to a mission or country.")
                           ] = None,
        origin: Annotated[OriginChoice | None, typer.Option("--origin", help="Restrict to UN documents (un) or to "
                          "non-UN analyses (analysis).")] = None,
        engine: EngineOpt = None,
        batch: Annotated[Path | None, typer.Option("--batch", help="JSONL file of {id, question} objects.")] = None,
        as_json: JsonOpt = False) -> None:
    """Answer a question with cited passages (or say the documents do not answer it)."""
    from .embed import embedder_for

    settings = _settings(index=index, k=k)
    # The model loads on another core while the index and its libraries are opened.
    embedder_for(settings).warm()
    from .service import open_briefbot

    filters = _filters(doc_type, year_from, year_to, symbol, mission, origin)
    bot = open_briefbot(settings)
    chosen = engine.value if engine else None
    if batch is not None:
        _ask_batch(bot, batch, filters, chosen)
        return
    if not question or not question.strip():
        raise BriefbotError("no question given", "pass a question or --batch FILE.jsonl")
    answer = bot.ask(question, k=settings.k, filters=filters, engine=chosen)
    if as_json:
        sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
        return
    print_answer(answer)


def print_answer(answer: Answer) -> None:
    """An answer on the terminal: its direct line in bold, then the quotes, notes and (when it abstains) the closest
    passages. Document text is printed as text: rich would read "[/mnt]" in a quote as a closing tag and stop."""
    from rich.markup import escape

    from .answer import direct_line_parts
    from .models import analysis_name, reference

    first, _, rest = answer.answer.partition("\n")
    parts = direct_line_parts(first)
    if parts:
        out.print("; ".join(f"[bold]{escape(span)}[/bold] {escape(f'[{key}]')}" for span, key in parts),
                  highlight=False)
        if rest:
            out.print(rest, markup=False, highlight=False)
    else:
        out.print(answer.answer, markup=False, highlight=False)
    for note in answer.notes:
        out.print(f"[yellow]note:[/yellow] {escape(note)}", highlight=False)
    if answer.abstained:
        out.print("\n[bold]Closest passages[/bold]")
        for h in answer.hits[:5]:
            p = h.to_passage()
            if h.doc.origin == "analysis":
                name = analysis_name(h.doc.authors, h.doc.title, h.doc.publisher, h.doc.report_number, h.doc.date)
                where = reference(name or p["document"], p["paragraph"], p["page"], page_first=True)
            else:
                where = reference(p["symbol"] or p["document"], p["paragraph"], p["page"])
            out.print(f"  {p['rank']}. {escape(where)}: {escape(p['text'][:160])}…", highlight=False)


def _ask_batch(bot: Any, path: Path, filters: Any, engine: str | None) -> None:
    """One JSON answer per input line, in input order; a bad line yields an error object, not a crash."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise BriefbotError(f"cannot read {path}: {exc.strerror}", "check the --batch path") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            question = item["question"]
            if not isinstance(question, str) or not question.strip():
                raise ValueError("empty question")
        except (ValueError, KeyError, TypeError) as exc:
            sys.stdout.write(json.dumps({"id": None, "line": n, "error": f"bad input line: {exc}"}) + "\n")
            continue
        try:
            answer = bot.ask(question, filters=filters, engine=engine, qid=item.get("id"))
        except BriefbotError as exc:  # a question refused (too long): that line's error, the rest answered
            sys.stdout.write(json.dumps({"id": item.get("id"), "line": n, "error": str(exc)}) + "\n")
            continue
        sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()


@app.command("eval")
def eval_cmd(dataset: Annotated[Path, typer.Option("--dataset", help="Gold questions (JSONL).")],
             index: IndexOpt = None,
             out_dir: Annotated[Path | None, typer.Option("--out", help="Report directory.")] = Path("evals/out"),
             compare: Annotated[list[str] | None, typer.Option("--compare", help="Configuration to run: hybrid, "
                                "rrf, dense, lexical, or NAME:key=value,...; repeatable.")] = None,
             limit: Annotated[int | None, typer.Option("--limit", help="Only the first N questions.")] = None,
             mandates: Annotated[bool, typer.Option("--mandates", help="Score the mandate tracker on gold facts "
                                                    "(e.g. evals/mandates.jsonl) instead.")] = False,
             split: Annotated[SplitChoice, typer.Option("--split", help="Gold-set half: dev (tune on it), test "
                                                        "(report only) or all.")] = SplitChoice.all,
             as_json: JsonOpt = False) -> None:
    """Score retrieval and citations on gold questions; writes Markdown, JSON and PNG plots."""
    if mandates:
        from .cli_mandates import eval_mandates

        eval_mandates(dataset, index, as_json, out_dir)
        return
    from .evalrun import evaluate_configs
    from .evaluate import compare as compare_runs

    with _progress(as_json) as bar:
        tasks: dict[str, Any] = {}

        def tick(name: str, done: int, total: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=total)
            bar.update(tasks[name], completed=done)

        runs = evaluate_configs(dataset, _settings(index=index), compare or [], out_dir, tick, limit, split.value)
    table = compare_runs(runs)
    if as_json:
        out.print_json(json.dumps(table.to_dict()))
        return
    from rich.table import Table

    from .cli_output import print_table

    grid = Table("metric", *table.names)
    for row in table.rows():
        grid.add_row(*row)
    print_table(out, grid)
    _print_kinds(runs[0])
    if out_dir:
        out.print(f"report: {out_dir / 'report.md'}")


def _print_kinds(run: Any) -> None:
    """Per-kind table of the first configuration (the per-kind weaknesses hide in the overall figures)."""
    from rich.table import Table

    from .cli_output import print_table
    from .evalreport import KIND_COLUMNS
    from .evaluate import format_value

    # Metric keys as headers: the full labels would not fit a terminal (report.md has them).
    grid = Table("kind", "n", *KIND_COLUMNS, title=f"{run.name} per kind")
    for kind, m in run.by_kind().items():
        grid.add_row(kind, str(m["n"]), *(format_value(c, m[c]) for c in KIND_COLUMNS))
    print_table(out, grid)


@app.command()
def serve(index: IndexOpt = None,
          host: Annotated[str | None, typer.Option("--host", help="Interface to bind (default 127.0.0.1). Any "
                          "other interface needs --auth.")] = None,
          port: Annotated[int | None, typer.Option("--port", help="Port (default 7860).")] = None,
          auth: Annotated[str | None, typer.Option("--auth", help="user:password[,user2:password2] login; "
                          "prefer BRIEFBOT_AUTH, which stays out of the process list. Passwords need at least "
                          "12 characters.")] = None,
          tls_cert: Annotated[Path | None, typer.Option("--tls-cert", help="PEM certificate: serve HTTPS "
                              "(with --tls-key); session cookies are then Secure.")] = None,
          tls_key: Annotated[Path | None, typer.Option("--tls-key", help="PEM private key of --tls-cert.")
                             ] = None) -> None:
    """Start the web chat: streamed cited answers, page views, library, uploads, feedback."""
    from .web import serve as serve_web

    serve_web(_settings(index=index, host=host, port=port, auth=auth, tls_certfile=tls_cert, tls_keyfile=tls_key),
              on_ready=lambda url: out.print(f"briefbot web chat: {url}  (Ctrl+C to stop)", highlight=False))


# --- triage and summaries ---------------------------------------------------------------------------------------
@app.command()
def triage(paths: Annotated[list[Path] | None, typer.Argument(help="Files (PDF, UN XML, .docx, .html, .md, "
                                                               ".txt) or folders (default: the inbox folder, "
                                                               "settings.inbox).")] = None,
           out_dir: Annotated[Path | None, typer.Option("--out", help="Output folder (default: <index>/triage).")
                              ] = None,
           index: IndexOpt = None,
           force: Annotated[bool, typer.Option("--force", help="Triage again documents already triaged.")] = False,
           as_json: JsonOpt = False) -> None:
    """Triage new documents: a cited card and summary each, an index by priority and a dated digest."""
    from .layout import IndexLayout
    from .triage_run import run_triage

    settings = _settings(index=index)
    target = out_dir or IndexLayout.of(settings).triage
    with _progress(as_json) as bar:
        tasks: dict[str, Any] = {}

        def tick(phase: str, done: int, total: int, message: str) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total or None)
            bar.update(tasks[phase], completed=done, total=total or None, description=f"{phase} {message[:50]}")

        report = run_triage(paths or [settings.inbox], settings, target, force=force, progress=tick)
    if as_json:
        sys.stdout.write(json.dumps({"out": str(report.out_dir), "did_work": report.did_work,
                                     "counts": report.counts(), "seconds": round(report.seconds, 2),
                                     "ingest_seconds": round(report.ingest_seconds, 2),
                                     "digest": str(report.digest) if report.digest else None,
                                     "documents": [o.__dict__ if not hasattr(o, "__slots__") else
                                                   {k: getattr(o, k) for k in o.__slots__}
                                                   for o in report.outcomes]}) + "\n")
    else:
        for o in report.outcomes:
            name = Path(o.path).name
            if o.status == "triaged":
                out.print(f"TRIAGED   {name}: {o.symbol or '?'} · priority {o.priority:.0f}", highlight=False,
                          markup=False)
            elif o.status == "failed":
                out.print(f"FAILED    {name}: {o.reason}", highlight=False, markup=False)
            elif o.status == "failed_before":
                out.print(f"FAILED    {name} (in an earlier run; the file is unchanged): {o.reason}",
                          highlight=False, markup=False)
            elif o.status == "skipped":
                out.print(f"SKIPPED   {name}: {o.reason}", highlight=False, markup=False)
        counts = report.counts()
        if not report.did_work:
            out.print(f"Nothing new to triage: {counts.get('unchanged', 0)} document(s) already triaged, no "
                      "parsing or embedding done (--force redoes them).", highlight=False)
        else:
            # The batch time includes the ingest (parse and embed) of new files: say how much, so a triage
            # figure is never read as if parsing were free.
            out.print(", ".join(f"{v} {k}" for k, v in sorted(counts.items())) + f" in {report.seconds:.1f} s "
                      f"(ingest {report.ingest_seconds:.1f} s, triage and summaries "
                      f"{report.seconds - report.ingest_seconds:.1f} s)", highlight=False)
        out.print(f"index: {report.out_dir / 'index.md'}" + (f"; digest: {report.digest}" if report.digest else ""),
                  highlight=False, markup=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def summarise(doc: Annotated[str, typer.Argument(help="An indexed document (file name or symbol), or a PDF/XML "
                                                 "file, which is ingested first.")],
              index: IndexOpt = None,
              engine: EngineOpt = None,
              as_json: JsonOpt = False) -> None:
    """A short summary of one document, every sentence quoted and cited with page and paragraph."""
    from .service import open_briefbot

    settings = _settings(index=index, engine=engine.value if engine else None)
    path = Path(doc)
    if path.is_file():
        bot = open_briefbot(settings, create=True)
        result = bot.ingest([path]).results[0]
        if result.failed or result.doc_id is None:
            raise BriefbotError(f"cannot read {path.name}: {result.reason}", "check the file")
        info = bot.document(result.doc_id)
    else:
        bot = open_briefbot(settings)
        info = bot.document(doc)
    summary = bot.summarise(info)
    if as_json:
        sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
        return
    sys.stdout.write(f"{info.symbol or info.file_name}: {info.title or ''}\n\n{summary.markdown()}")


# Mandate tracker commands (mandates, mandate, trends, refs) live in their own module.
from .cli_mandates import register as _register_mandates  # noqa: E402

_register_mandates(app)

from .cli_access import register as _register_access  # noqa: E402

_register_access(app)

if __name__ == "__main__":
    app()
