"""Batch triage: files in, one Markdown brief and one JSON card per document, a ranked index and a dated digest.

Work is keyed by content: ``.triage-state.json`` in the output folder records each file's SHA-256 and the
taxonomy digest it was triaged with. A re-run skips those files before opening the index or the model (no
parsing, no embedding); an edited taxonomy or ``--force`` redoes them. Files that failed are remembered too,
so a re-run does not parse them again; they still make the run's exit status non-zero until they are fixed
(new content) or retried with ``--force``.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .config import Settings
from .ingest import discover, file_sha256
from .mandates.tracks import TrackBook, load_tracks
from .mdtext import md_cell, md_safe
from .models import DOC_TYPE_LABELS, elided, reference
from .parse import SUPPORTED_SUFFIXES
from .summarise import summarise_document
from .taxonomy import Taxonomy, load_taxonomy
from .triage import TriageCard, mandate_tracks, read_document, triage_document

log = logging.getLogger(__name__)

STATE_FILE = ".triage-state.json"
Progress = Callable[[str, int, int, str], None]  # phase, done, total, message


@dataclass(slots=True)
class TriageOutcome:
    path: str
    status: str  # triaged | unchanged | failed | failed_before | skipped
    reason: str | None = None
    card: str | None = None  # file name of the JSON card
    priority: float | None = None
    symbol: str | None = None


@dataclass(slots=True)
class TriageReport:
    out_dir: Path
    outcomes: list[TriageOutcome] = field(default_factory=list)
    seconds: float = 0.0
    ingest_seconds: float = 0.0  # part of ``seconds`` spent parsing and embedding new files
    digest: Path | None = None
    did_work: bool = False

    @property
    def failed(self) -> list[TriageOutcome]:
        return [o for o in self.outcomes if o.status in ("failed", "failed_before")]

    def counts(self) -> dict[str, int]:
        return dict(Counter(o.status for o in self.outcomes))




class TriageState:
    """sha256 → what was done with that content (card file, taxonomy digest, date, or the failure)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / STATE_FILE
        self.entries: dict[str, dict[str, Any]] = {}
        if self.path.is_file():
            try:
                self.entries = json.loads(self.path.read_text(encoding="utf-8")).get("documents", {})
            except (OSError, ValueError) as exc:
                log.warning("triage state %s unreadable (%s); starting afresh", self.path, exc)

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": 1, "documents": self.entries}, indent=1, sort_keys=True),
                       encoding="utf-8")
        os.replace(tmp, self.path)

    def done(self, sha: str, taxonomy: Taxonomy, out_dir: Path) -> dict[str, Any] | None:
        """The entry when this content needs no work: triaged with this taxonomy from passages this version of the
        reading code wrote (ingest.READER_VERSION: an earlier one's quotes and paragraph numbers may differ; the
        ingest of the triage reads the file again), card present; or failed."""
        from .ingest import READER_VERSION  # at call time (tests raise it)

        entry = self.entries.get(sha)
        if entry is None:
            return None
        if entry.get("status") == "failed":
            return entry
        if entry.get("taxonomy") == taxonomy.digest and entry.get("reader") == READER_VERSION \
                and (out_dir / entry.get("card", "")).is_file():
            return entry
        return None


def run_triage(paths: Iterable[Path], settings: Settings, out_dir: Path, force: bool = False,
               progress: Progress | None = None, today: date | None = None) -> TriageReport:
    """Entry point of batch triage."""
    started = time.perf_counter()
    today = today or date.today()
    taxonomy = load_taxonomy(settings.themes_file)
    # Cards only look tracks up by name: the track file's tagging themes need not be this taxonomy's.
    book = load_tracks(settings.tracks_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = TriageReport(out_dir)
    state = TriageState(out_dir)
    files, missing = discover(paths)
    for m in missing:
        report.outcomes.append(TriageOutcome(m.path, m.status, m.reason))  # failed, or a skipped folder link
    todo: list[tuple[Path, str]] = []
    for f in files:
        if f.suffix.lower() not in SUPPORTED_SUFFIXES:
            # Bulk JSONL holds many records; triage works per file (PDF, Akoma Ntoso XML, Word, web page, text).
            report.outcomes.append(TriageOutcome(str(f), "skipped", "bulk records are not triaged; use "
                                                 "`briefbot ingest` for them"))
            continue
        sha = file_sha256(f)
        if sha is None:
            report.outcomes.append(TriageOutcome(str(f), "failed", "cannot read file"))
            continue
        entry = None if force else state.done(sha, taxonomy, out_dir)
        if entry is None:
            todo.append((f, sha))
        elif entry.get("status") == "failed":
            report.outcomes.append(TriageOutcome(str(f), "failed_before", entry.get("reason")))
        else:
            report.outcomes.append(TriageOutcome(str(f), "unchanged", None, entry.get("card"),
                                                 entry.get("priority"), entry.get("symbol")))
    if todo:
        report.did_work = True
        _triage_files(todo, settings, taxonomy, book, out_dir, state, report, progress, today)
        state.save()
    if report.did_work or not (out_dir / "index.csv").is_file():
        write_index(out_dir, state, book)
        report.digest = write_digest(out_dir, state, today, book=book)
        state.save()  # the digest marks the documents it reported
    report.seconds = time.perf_counter() - started
    return report


def _triage_files(todo: list[tuple[Path, str]], settings: Settings, taxonomy: Taxonomy, book: TrackBook,
                  out_dir: Path, state: TriageState, report: TriageReport, progress: Progress | None,
                  today: date) -> None:
    from .service import open_briefbot

    bot = open_briefbot(settings, create=True)

    def ingest_tick(done: int, total: int, message: str) -> None:
        if progress:
            progress("ingest", done, total, message)

    from .ingest import READER_VERSION as reader  # at call time (tests raise it)

    started = time.perf_counter()
    ingested = bot.ingest([f for f, _ in todo], progress=ingest_tick)
    report.ingest_seconds = time.perf_counter() - started
    by_path = {Path(r.path).resolve(): r for r in ingested.results}
    stamp = today.isoformat()
    used_names = {e.get("card") for e in state.entries.values() if e.get("card")}
    for i, (f, sha) in enumerate(todo, start=1):
        if progress:
            progress("triage", i - 1, len(todo), f.name)
        result = by_path.get(f.resolve())
        if result is None or result.failed or result.doc_id is None:
            reason = result.reason if result is not None else "not ingested"
            report.outcomes.append(TriageOutcome(str(f), "failed", reason))
            state.entries[sha] = {"status": "failed", "file": f.name, "reason": reason, "date": stamp}
            continue
        try:
            info = bot.store.document(result.doc_id)
            doc = read_document(bot.store, info)
            card = triage_document(bot.store, info, taxonomy, today=today, doc=doc, tracks=book)
            summary = summarise_document(bot.store, info, settings, taxonomy, doc=doc)
            card.summary = summary.to_dict()
            name = _card_name(f, sha, used_names, state.entries.get(sha))
            used_names.add(f"{name}.json")
            (out_dir / f"{name}.json").write_text(json.dumps(card.to_dict(), indent=1, ensure_ascii=False),
                                                  encoding="utf-8")
            (out_dir / f"{name}.md").write_text(render_card(card, summary.markdown()), encoding="utf-8")
        except Exception as exc:  # one bad document must not stop the batch
            log.exception("triage of %s failed", f)
            reason = f"triage failed: {type(exc).__name__}: {exc}"
            report.outcomes.append(TriageOutcome(str(f), "failed", reason))
            state.entries[sha] = {"status": "failed", "file": f.name, "reason": reason, "date": stamp}
            continue
        state.entries[sha] = {"status": "triaged", "file": f.name, "card": f"{name}.json", "brief": f"{name}.md",
                              "taxonomy": taxonomy.digest, "reader": reader, "date": stamp,
                              "priority": card.priority,
                              "symbol": card.symbol}
        report.outcomes.append(TriageOutcome(str(f), "triaged", None, f"{name}.json", card.priority, card.symbol))
    if progress:
        progress("triage", len(todo), len(todo), "done")


def _card_name(path: Path, sha: str, used: set[Any], previous: dict[str, Any] | None) -> str:
    """``<file stem>``; a different file with the same stem gets the content hash appended."""
    if previous and previous.get("card"):
        return str(previous["card"]).removesuffix(".json")
    stem = path.stem
    return stem if f"{stem}.json" not in used else f"{stem}-{sha[:8]}"


# --- rendering -----------------------------------------------------------------------------------------------

def _also(mentioned: list[str], about: list[str]) -> str:
    rest = [m for m in mentioned if m not in about]
    return f" (also mentioned: {', '.join(rest)})" if rest else ""


def render_card(card: TriageCard, summary_md: str) -> str:
    """The Markdown brief of one document."""
    lines = [f"# {md_safe(card.symbol or card.file_name)}: {md_safe(card.title or '(untitled)')}", ""]
    period = (f"{card.period.start or '?'} to {card.period.end or '?'} (“{card.period.text}”, p. {card.period.page})"
              if card.period else "not stated")
    health = card.health
    parts = ", ".join(f"{k} {v:g}" for k, v in card.priority_parts.items())
    lines += [
        "| | |", "|---|---|",
        f"| Priority | **{card.priority:.0f}**/100 ({parts}) |",
        f"| Type | {DOC_TYPE_LABELS.get(card.doc_type, card.doc_type)} |",
        f"| Date | {card.date or 'unknown'} |",
        f"| Period covered | {md_cell(period)} |",
        f"| Missions | {', '.join(card.missions) or '-'}"
        f"{_also(card.missions_mentioned, card.missions)} |",
        f"| Sanctions regimes | {', '.join(card.sanctions_regimes) or '-'} |",
        f"| Mandate tracks | {_track_links([t.to_dict() for t in card.tracks])} |",
        f"| Countries | {', '.join(card.countries) or '-'} |",
        f"| Pages | {card.pages} ({card.words:,} words) |",
        f"| Text health | language {health['language']}; pages without text: "
        f"{', '.join(map(str, health['pages_without_text'])) or 'none'}"
        f"{'; ' + md_cell('; '.join(health['warnings'])) if health['warnings'] else ''}"
        f"{'' if health['readable'] else '; **not readable as English text: themes not assessed**'} |",
        f"| File | {card.file_name} (sha256 {card.sha256[:12]}…) |", "",
        "## Organised-crime themes", "",
    ]
    tagged = card.tagged
    if not tagged:
        lines.append("No theme reached its threshold.")
    for t in tagged:
        subs = f" — {', '.join(f'{k} {v:g}' for k, v in t.subthemes.items())}" if t.subthemes else ""
        lines += ["", f"### {t.label} — score {t.score:.1f} (threshold {t.threshold:.1f}, {t.sentences} sentences)"
                  f"{subs}", ""]
        for e in t.evidence:
            c = e.citation
            lines.append(f"- {md_safe(c.reference())}: “{md_safe(c.shown_quote())}” _(terms: {', '.join(e.terms)})_")
    weak = [t for t in card.themes if not t.tagged and t.score > 0]
    if weak:
        lines += ["", "Below threshold: " + ", ".join(f"{t.slug} {t.score:.1f}/{t.threshold:.1f}"
                                                     for t in sorted(weak, key=lambda t: -t.score))]
    lines += ["", "## Summary", "", summary_md.rstrip(), "", "## Key paragraphs", ""]
    lines += [f"- {md_safe(k.citation.reference())} ({k.reason}): “{md_safe(k.citation.shown_quote())}”"
              for k in card.key_paragraphs] or ["-"]
    lines += ["", "## Actors", ""]
    for a in card.actors:
        where = f"pp. {', '.join(map(str, a.pages[:8]))}" if a.pages else ""
        quote = f" — {md_safe(a.citation.reference())}: “{md_safe(a.citation.shown_quote())}”" if a.citation else ""
        tag = "" if a.source == "gazetteer" else " _(found by pattern, not in the gazetteer)_"
        lines.append(f"- **{md_safe(a.name)}** ({a.kind}), {a.mentions} mention(s) {where}{tag}{quote}")
    if not card.actors:
        lines.append("-")
    lines += ["", "## UN documents cited", ""]
    if card.cited_documents:
        lines.append(", ".join(f"{c.symbol}{' ✓' if c.in_index else ''} ({c.mentions}×, p. {c.first_page})"
                               for c in card.cited_documents))
        lines.append("\n✓ = also in the index")
    else:
        lines.append("-")
    lines += ["", f"_Themes scored with {card.taxonomy}._", ""]
    return "\n".join(lines)


def _cards(out_dir: Path, state: TriageState) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    out = []
    for entry in state.entries.values():
        if entry.get("status") != "triaged":
            continue
        try:
            card = json.loads((out_dir / entry["card"]).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError):
            continue
        out.append((entry, card))
    out.sort(key=lambda ec: (-ec[1]["priority"], ec[1].get("symbol") or ec[1]["file_name"]))
    return out


_INDEX_COLS = ("rank", "priority", "symbol", "doc_type", "date", "title", "themes", "missions", "sanctions_regimes",
               "tracks", "countries", "pages", "file", "brief", "triaged")


def write_index(out_dir: Path, state: TriageState, book: TrackBook | None = None) -> None:
    """index.csv and index.md over every card in the folder, highest priority first."""
    rows = []
    for rank, (entry, card) in enumerate(_cards(out_dir, state), start=1):
        rows.append({"rank": rank, "priority": card["priority"], "symbol": card.get("symbol") or "",
                     "doc_type": card["doc_type"], "date": card.get("date") or "", "title": card.get("title") or "",
                     "themes": ";".join(card["tagged_themes"]), "missions": ";".join(card["missions"]),
                     "sanctions_regimes": ";".join(card.get("sanctions_regimes", [])),
                     "tracks": ";".join(t.slug for t in mandate_tracks(card["missions"],
                                                                       card.get("sanctions_regimes", []), book)),
                     "countries": ";".join(card["countries"]), "pages": card["pages"], "file": card["file_name"],
                     "brief": entry.get("brief", ""), "triaged": entry.get("date", "")})
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_INDEX_COLS)
    writer.writeheader()
    writer.writerows(rows)
    (out_dir / "index.csv").write_text(buf.getvalue(), encoding="utf-8")
    md = ["# Triage index", "", f"{len(rows)} documents, highest priority first.", "",
          "| # | priority | symbol | type | date | themes | title |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        md.append(f"| {r['rank']} | {r['priority']:.0f} | [{r['symbol'] or r['file']}]({r['brief']}) | "
                  f"{r['doc_type']} | {r['date']} | {r['themes'].replace(';', ', ') or '-'} | "
                  f"{md_cell(str(r['title'])[:90])} |")
    failures = [e for e in state.entries.values() if e.get("status") == "failed"]
    if failures:
        md += ["", "## Failed", ""] + [f"- {e['file']}: {e.get('reason')}" for e in failures]
    md += ["", "Priority (0-100) = theme strength 45 (scaled by evidence density) + evidence density 20 + document "
           "type 15 + recency 10 + breadth of themes 10; see `briefbot.triage` for the formula.", ""]
    (out_dir / "index.md").write_text("\n".join(md), encoding="utf-8")


def write_digest(out_dir: Path, state: TriageState, today: date, top: int = 10,
                 book: TrackBook | None = None) -> Path:
    """digest-YYYY-MM-DD.md: what is new since the last digest, grouped by theme and by mandate track.

    A document is new until a digest has reported it; each triaged entry records the digest that did
    (``digest``), so the next run's digest lists only what came in since, and re-writing today's digest
    (another batch the same day) keeps today's documents.
    """
    stamp = today.isoformat()
    earlier = sorted({str(e["digest"]) for e in state.entries.values() if e.get("digest") and e["digest"] < stamp})
    last = earlier[-1] if earlier else None
    cards = [(e, c) for e, c in _cards(out_dir, state) if e.get("digest") in (None, stamp)]
    for entry, _ in cards:
        entry["digest"] = stamp
    failures = [e for e in state.entries.values() if e.get("status") == "failed" and e.get("date") == stamp]
    total = sum(1 for e in state.entries.values() if e.get("status") == "triaged")
    since = f"since the last digest ({last})" if last else "(first digest of this folder)"
    lines = [f"# Triage digest {stamp}", "",
             f"{len(cards)} new documents {since}; {total} triaged in this folder in all; {len(failures)} failed "
             f"today.", ""]
    if not cards:
        lines += ["Nothing new.", ""]
    lines += ["## Top new documents", ""]
    for rank, (entry, card) in enumerate(cards[:top], start=1):
        themes = ", ".join(t["label"] for t in card["themes"] if t["tagged"]) or "no organised-crime theme"
        lines.append(f"{rank}. **{_name(card)}** ({card['priority']:.0f}) — {card.get('title') or ''} — {themes} — "
                     f"[brief]({entry.get('brief', '')})")
        lead = (card.get("summary") or {}).get("citations") or []
        if lead:
            lines.append(f"   - “{_shown(lead[0])}” ({_ref(lead[0])})")
    labels: dict[str, str] = {}
    by_theme: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    by_track: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for entry, card in cards:
        for t in card["themes"]:
            labels[t["slug"]] = t["label"]
            if t["tagged"]:
                by_theme.setdefault(t["slug"], []).append((entry, card))
        for track in _track_groups(card, book):
            by_track.setdefault(track, []).append((entry, card))
    lines += ["", "## New by theme", ""]
    for slug, docs in sorted(by_theme.items(), key=lambda kv: (-len(kv[1]), labels[kv[0]])):
        lines.append(f"### {labels[slug]} ({len(docs)})")
        lines.append("")
        for entry, card in docs:
            evidence: list[dict[str, Any]] = next((t["evidence"] for t in card["themes"] if t["slug"] == slug), [])
            quote = f" — “{_shown(evidence[0])}” ({_ref(evidence[0])})" if evidence else ""
            lines.append(f"- [{_name(card)}]({entry.get('brief', '')}) ({card['priority']:.0f}){quote}")
        lines.append("")
    if not by_theme:
        lines += ["none", ""]
    lines += ["## New by mandate track", ""]
    for track, docs in sorted(by_track.items(), key=lambda kv: (kv[0].startswith("No "), kv[0])):
        names = ", ".join(f"[{_name(c)}]({e.get('brief', '')}) ({c['priority']:.0f})" for e, c in docs)
        lines.append(f"- **{track}** ({len(docs)}): {names}")
    if not by_track:
        lines.append("none")
    lines += ["", "## Failures", ""]
    lines += [f"- {e['file']}: {e.get('reason')}" for e in failures] or ["none"]
    path = out_dir / f"digest-{stamp}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _track_links(tracks: list[dict[str, Any]]) -> str:
    return ", ".join(f"{t['name']} (`{t['command']}`)" for t in tracks) or "-"


def _track_groups(card: dict[str, Any], book: TrackBook | None = None) -> list[str]:
    """Digest headings for a card: its mandate tracks (recomputed, so cards written before tracks existed group
    too), then missions and regimes the tracker has no track for."""
    missions, regimes = card.get("missions", []), card.get("sanctions_regimes", [])
    groups = [f"{t.name} — `{t.command}`" for t in mandate_tracks(missions, regimes, book)]
    groups += [f"Mission: {m} (no track)" for m in missions if not mandate_tracks([m], [], book)]
    groups += [f"Sanctions: {r} (no track)" for r in regimes if not mandate_tracks([], [r], book)]
    return groups or ["No mission or sanctions regime"]


def _name(card: dict[str, Any]) -> str:
    return str(card.get("symbol") or card["file_name"])


def _shown(citation: dict[str, Any]) -> str:
    """A stored card's citation's quote as printed (with "…" where it is cut)."""
    return elided(citation["quote"], citation.get("cut_before", False), citation.get("cut_after", False))


def _ref(e: dict[str, Any]) -> str:
    return reference(e.get("symbol") or e["document"], e.get("paragraph"), e.get("page") or None)
