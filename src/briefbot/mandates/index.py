"""The mandate index: every indexed resolution's paragraphs, themes, references and track memberships, cached in
``mandates.sqlite`` beside the catalog and brought up to date incrementally.

Nothing is embedded. The cache remembers the catalog version it was built from: when documents are added or
removed only those resolutions are read again; when the taxonomy, the track file or this code changes, it is
rebuilt. Queries (a track's timeline and changes, trends, references) read the cache and are memoised per
catalog version.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..cite import verified_citation
from ..errors import NotFoundError
from ..models import Citation, DocInfo, Span
from ..store import Store
from ..symbols import normalize_symbol, resolution_no, symbol_key
from ..taxonomy import Taxonomy
from .analysis import ParagraphTagger, amendments, count_from_expiry, match_track, paragraph_refs
from .changes import Side, align, kept_by_number, predecessors, word_diff, word_ratio
from .corpus import ResolutionRecord, read_resolution
from .model import (
    FirstAppearance,
    Gap,
    ParagraphChange,
    Reference,
    References,
    Term,
    Track,
    TrackEntry,
    TrackParagraph,
    TrackSummary,
    TrendCell,
    Trends,
    Vote,
    check_years,
    restates,
)
from .tracks import TrackBook, TrackDef

log = logging.getLogger(__name__)

# Bump when what is cached changes meaning (parsing, tagging or membership rules in code).
# 23: an end date carries the paragraph (or title) stating it and the resolution's other dates; a sanctions
# regime's headline date is its Panel's. 24: "placed by" is said in words, the raw rules kept apart. 25: "through
# 15 July 2013" is an end date. 27: a period from the current mandate's expiry "in December 2017", "shall close by",
# a Panel renewed "until …, the Panel", a title naming only the topic. 28: a final period, a successor's initial period.
# 29: a mission's track does not count as its renewal another operation's, placed there by a paragraph only. 30: of
# a title's dates, the one after the operation's name. 32: a paragraph announcing a renewal sets no date. 33: a
# regime's measures continued to a date are listed; a title lifting one measure and renewing others renews; a
# termination the track is renewed after is a part's. 34: "for a period ending/expiring on" gives its day; a Panel
# renewed in its measures' paragraph heads with its own clause's date. 35: the Monitoring Team's support to a
# Committee "for a period" renews (the Taliban regime's own track). 36: UNTMIS's phases, a mandate's transfer
# renews, "shall cease all operations on" ends a final period. 37: measures renewed "until one year from the date of
# adoption of this resolution" are dated (Haiti's, 2794 (2025) para. 1). 38: authorisations renewed by a resolution
# titled on inspections are "inspection authorisations" in the stored term (was said only when shown). 39: an
# arms embargo imposed, extended, narrowed or lifted in an operative paragraph is arms language
# ([tagging.decisions]); a decision acting on a measure of the same resolution carries its paragraph's themes. 40: a
# resolution amending a regime's measures joins its track with the amending paragraphs only (members.scope). 41: an
# exemption from the arms embargo renewed to a date is labelled so; "for a further period of six months, ending on
# 19 October 2002" gives the day stated.
CODE_VERSION = "41"
GAP_GRACE_DAYS = 10  # a renewal adopted this long after the mandate's end date still counts as continuous

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS resolutions (
  doc_id TEXT PRIMARY KEY, sha256 TEXT, symbol TEXT, skey TEXT, number INTEGER, year INTEGER, date TEXT,
  title TEXT, agenda TEXT, subjects TEXT, vote TEXT, file_name TEXT, source TEXT);
CREATE INDEX IF NOT EXISTS resolutions_skey ON resolutions (skey);
CREATE TABLE IF NOT EXISTS paragraphs (
  doc_id TEXT, ord INTEGER, label TEXT, operative INTEGER, text TEXT, start INTEGER, page INTEGER, themes TEXT,
  terms TEXT, PRIMARY KEY (doc_id, ord));
CREATE TABLE IF NOT EXISTS para_themes (doc_id TEXT, ord INTEGER, theme TEXT, operative INTEGER);
CREATE INDEX IF NOT EXISTS para_themes_doc ON para_themes (doc_id);
CREATE TABLE IF NOT EXISTS refs (doc_id TEXT, label TEXT, target_key TEXT, target TEXT, target_paras TEXT);
CREATE INDEX IF NOT EXISTS refs_doc ON refs (doc_id);
CREATE INDEX IF NOT EXISTS refs_target ON refs (target_key);
CREATE TABLE IF NOT EXISTS members (
  track TEXT, doc_id TEXT, found_by TEXT, action TEXT, until TEXT, stage TEXT, term TEXT, also TEXT,
  rules TEXT, scope TEXT, PRIMARY KEY (track, doc_id));
CREATE TABLE IF NOT EXISTS amends (doc_id TEXT, ord INTEGER, label TEXT, target INTEGER, target_paras TEXT);
CREATE INDEX IF NOT EXISTS amends_doc ON amends (doc_id);
CREATE TABLE IF NOT EXISTS changes (
  track TEXT, doc_id TEXT, seq INTEGER, status TEXT, cur_ord INTEGER, prev_doc TEXT, prev_ord INTEGER,
  similarity REAL, diff TEXT);
CREATE INDEX IF NOT EXISTS changes_track ON changes (track);
CREATE TABLE IF NOT EXISTS compared (
  track TEXT, doc_id TEXT, prev_doc TEXT, evidence REAL, rollover INTEGER, PRIMARY KEY (track, doc_id));
CREATE TABLE IF NOT EXISTS read_at (doc_id TEXT PRIMARY KEY, ingested_at TEXT);
"""
_FINAL_RE = re.compile(r"final extension|termination|terminat|lifting of (?:the )?(?:sanctions|measures)|"
                       r"dissolution", re.I)


@dataclass(slots=True)
class BuildReport:
    resolutions: int  # in the index after the update
    read: int  # (re)read in this update
    removed: int
    rebuilt: bool  # everything was read again (configuration or code changed)
    seconds: float
    catalog_version: int
    xml_missing: int = 0  # bulk resolutions read without their XML (no titles, subjects or votes to place them)

    def to_dict(self) -> dict[str, Any]:
        return {"resolutions": self.resolutions, "read": self.read, "removed": self.removed,
                "rebuilt": self.rebuilt, "seconds": round(self.seconds, 2), "catalog_version": self.catalog_version,
                "xml_missing": self.xml_missing}


def _choose(docs: Iterable[DocInfo]) -> dict[str, DocInfo]:
    """One catalog document per resolution: the bulk XML over a PDF copy of it, then the latest ingested."""
    best: dict[str, DocInfo] = {}
    for d in docs:
        if not d.symbol or not normalize_symbol(d.symbol).startswith("S/RES/"):
            continue
        key = symbol_key(d.symbol)
        cur = best.get(key)
        rank = (d.source == "bulk", (d.path or "").lower().endswith(".xml"), d.ingested_at or "")
        if cur is None or rank > (cur.source == "bulk", (cur.path or "").lower().endswith(".xml"),
                                  cur.ingested_at or ""):
            best[key] = d
    return {d.doc_id: d for d in best.values()}


class MandateIndex:
    """Track, trend and reference queries over one briefbot index. Thread-safe; one per Store."""

    def __init__(self, store: Store, taxonomy: Taxonomy, book: TrackBook, path: Path | None = None,
                 today: date | None = None) -> None:
        self.store = store
        self.today = today  # None: the day each track is read
        self.book = book
        self.taxonomy = taxonomy
        self.tagger = ParagraphTagger(taxonomy, book.tagging)
        self.path = Path(path) if path is not None else store.layout.mandates
        self.config = f"{CODE_VERSION}:{taxonomy.digest[:16]}:{book.digest[:16]}"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._memo: dict[Any, Any] = {}
        self._memo_version: int | None = None
        self._docinfo: dict[str, DocInfo] = {}
        with self._db() as db:
            db.executescript(_SCHEMA)

    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def _meta(self, key: str) -> str | None:
        row = self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # --- building ----------------------------------------------------------------------------------------
    def fresh(self) -> bool:
        return self._meta("catalog_version") == str(self.store.version()) and self._meta("config") == self.config

    def update(self, force: bool = False, progress: Callable[[int, int], None] | None = None) -> BuildReport:
        """Bring the cache up to date with the catalog; only new or changed resolutions are read."""
        t0 = time.perf_counter()
        with self._lock:
            version = self.store.version()
            db = self._db()
            rebuild = force or self._meta("config") != self.config
            if not rebuild and self._meta("catalog_version") == str(version):
                n = db.execute("SELECT count(*) FROM resolutions").fetchone()[0]
                return BuildReport(n, 0, 0, False, time.perf_counter() - t0, version)
            wanted = _choose(self.store.documents())
            have = {} if rebuild else dict(db.execute("SELECT doc_id, sha256 FROM resolutions").fetchall())
            # When the catalog wrote each one read (read_at): the same bytes are written again when a newer version
            # of the reading code (ingest.READER_VERSION) or OCR reads them again, or the library re-ingests them,
            # and their text, date or title may have changed.
            read_at = {} if rebuild else dict(db.execute("SELECT doc_id, ingested_at FROM read_at").fetchall())
            stale = set(have) - set(wanted)
            todo = [d for doc_id, d in wanted.items()
                    if have.get(doc_id) != d.sha256 or read_at.get(doc_id) != d.ingested_at]
            stale |= {d.doc_id for d in todo}  # rows of a half-present resolution go too
            records: list[ResolutionRecord] = []
            for i, info in enumerate(sorted(todo, key=lambda d: (d.date or "", d.doc_id))):
                try:
                    rec = read_resolution(self.store, info)
                except Exception as exc:  # one unreadable resolution must not stop the others
                    log.warning("mandates: skipped %s: %s", info.symbol or info.doc_id, exc)
                    rec = None
                if rec is not None:
                    records.append(rec)
                if progress is not None:
                    progress(i + 1, len(todo))
            rows = [self._rows(rec) for rec in records]
            db.execute("BEGIN IMMEDIATE")
            try:
                if rebuild:
                    # Dropped and made again, not emptied: a code version may change a table's columns, and
                    # CREATE TABLE IF NOT EXISTS leaves an old table as it was.
                    for table in ("resolutions", "paragraphs", "para_themes", "refs", "members", "changes",
                                  "compared", "read_at", "amends"):
                        db.execute(f"DROP TABLE IF EXISTS {table}")
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                amending = set() if rebuild else set(
                    db.execute("SELECT track, doc_id FROM members WHERE scope IS NOT NULL"))
                for doc_id in stale:
                    for table in ("resolutions", "paragraphs", "para_themes", "refs", "members", "read_at", "amends"):
                        db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
                touched = {doc_id for doc_id in stale} | {rec.doc_id for rec in records}
                affected = {t for (t,) in db.execute(
                    f"SELECT DISTINCT track FROM members WHERE doc_id IN ({','.join('?' * len(touched))})",
                    list(touched))} if touched and not rebuild else set()
                for res, paras, themes, refs, members, amends in rows:
                    affected |= {m[0] for m in members}
                    db.execute("INSERT OR REPLACE INTO resolutions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", res)
                    db.executemany("INSERT INTO paragraphs VALUES (?,?,?,?,?,?,?,?,?)", paras)
                    db.executemany("INSERT INTO para_themes VALUES (?,?,?,?)", themes)
                    db.executemany("INSERT INTO refs VALUES (?,?,?,?,?)", refs)
                    db.executemany("INSERT INTO members VALUES (?,?,?,?,?,?,?,?,?,NULL)", members)
                    db.executemany("INSERT INTO amends VALUES (?,?,?,?,?)", amends)
                    db.execute("INSERT OR REPLACE INTO read_at VALUES (?, ?)", (res[0], wanted[res[0]].ingested_at))
                # Who amends whom depends on every resolution's tracks: placed again after each update.
                db.execute("DELETE FROM members WHERE scope IS NOT NULL")
                db.executemany("INSERT INTO members VALUES (?,?,?,?,?,?,?,?,?,?)", self._amending_members(db))
                affected |= {slug for slug, _ in amending ^ set(
                    db.execute("SELECT track, doc_id FROM members WHERE scope IS NOT NULL"))}
                for slug in sorted(affected):
                    db.execute("DELETE FROM changes WHERE track = ?", (slug,))
                    db.execute("DELETE FROM compared WHERE track = ?", (slug,))
                    changes, compared = self._compute_changes(slug)
                    db.executemany("INSERT INTO changes VALUES (?,?,?,?,?,?,?,?,?)", changes)
                    db.executemany("INSERT INTO compared VALUES (?,?,?,?,?)", compared)
                db.execute("INSERT OR REPLACE INTO meta VALUES ('catalog_version', ?)", (str(version),))
                db.execute("INSERT OR REPLACE INTO meta VALUES ('config', ?)", (self.config,))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            n = db.execute("SELECT count(*) FROM resolutions").fetchone()[0]
            self._memo.clear()
            self._docinfo.clear()
        missing = sum(r.xml_missing for r in records)
        if missing:
            # Without the XML's metadata most resolutions cannot be placed in a track: say so, never silently.
            log.warning("mandates: the XML files of %d of %d bulk resolutions were not found where the catalog says "
                        "(paths relative to the folder ingest ran in); tracks will miss them — run from that folder "
                        "or re-ingest the bulk set", missing, len(records))
        report = BuildReport(n, len(records), len(stale - {d.doc_id for d in todo}), rebuild,
                             time.perf_counter() - t0, version, missing)
        log.info("mandates: %s", report.to_dict())
        return report

    def _rows(self, rec: ResolutionRecord) -> tuple[Any, ...]:
        vote = json.dumps([rec.vote.in_favour, rec.vote.against, rec.vote.abstaining]) if rec.vote else None
        res = (rec.doc_id, rec.sha256, rec.symbol, symbol_key(rec.symbol), rec.number, rec.year, rec.date,
               rec.title, rec.agenda, json.dumps(rec.subjects), vote, rec.file_name, rec.source)
        paras: list[tuple[Any, ...]] = []
        themes: list[tuple[Any, ...]] = []
        refs: list[tuple[Any, ...]] = []
        for p, tags in zip(rec.paragraphs, self.tagger.tag_paragraphs(rec.paragraphs), strict=True):
            paras.append((rec.doc_id, p.ordinal, p.label, int(p.operative), p.text, p.start, p.page,
                          json.dumps(sorted(tags)), json.dumps(tags)))
            themes.extend((rec.doc_id, p.ordinal, t, int(p.operative)) for t in tags)
            for r in paragraph_refs(p, rec.symbol):
                refs.append((rec.doc_id, p.label, symbol_key(r.target), r.target, json.dumps(r.target_paragraphs)))
        members = []
        for track in self.book.tracks:
            m = match_track(track, rec)
            if m is not None:
                members.append((track.slug, rec.doc_id, json.dumps(m.found_by), m.action, m.extends_until, m.stage,
                                json.dumps(m.term.to_dict()) if m.term else None,
                                json.dumps([t.to_dict() for t in m.other_terms]),
                                json.dumps(m.rules)))
        amends = [(rec.doc_id, a.ordinal, a.label, a.target, json.dumps(a.target_paras)) for a in amendments(rec)]
        return res, paras, themes, refs, members, amends

    def _amending_members(self, db: sqlite3.Connection) -> list[tuple[Any, ...]]:
        """Members of a sanctions track by amendment: a later resolution no rule placed there whose operative
        paragraph replaces, modifies, narrows or lifts what a paragraph of one of the track's resolutions imposed
        (S/RES/2699 (2023), the Multinational Security Support mission, replaces the Haiti regime's targeted arms
        embargo, 2653 (2022) para. 11, by a territorial one in its para. 14). It joins as "other" with only those
        paragraphs (and their sub-paragraphs) in scope: ``scope`` holds [ordinal, amended resolution's doc_id,
        amended paragraph's ordinal or None] for each, so the track shows the amendment against what it amends and
        none of the resolution's other business."""
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for doc_id, ord_, label, paras, slug, target_doc, target_symbol in db.execute(
                "SELECT a.doc_id, a.ord, a.label, a.target_paras, m.track, t.doc_id, t.symbol FROM amends a "
                "JOIN resolutions t ON t.number = a.target JOIN members m ON m.doc_id = t.doc_id AND m.scope IS NULL "
                "JOIN resolutions s ON s.doc_id = a.doc_id "
                "WHERE a.doc_id != t.doc_id AND coalesce(s.date, '') >= coalesce(t.date, '') "
                "ORDER BY a.doc_id, a.ord, t.date"):
            if self.track_def(slug).kind != "sanctions":
                continue
            item = found.setdefault((slug, doc_id), {"scope": {}, "found": [], "rules": []})
            targets = json.loads(paras)
            ords = [o for (o,) in db.execute(
                f"SELECT ord FROM paragraphs WHERE doc_id = ? AND label IN ({','.join('?' * len(targets))}) "
                "ORDER BY ord", [target_doc, *targets])] if targets else []
            item["scope"].setdefault(ord_, [ord_, target_doc, ords[0] if ords else None])
            named = f"para{'s' if len(targets) > 1 else ''}. {', '.join(targets)}" if targets else ""
            item["found"].append(f"text: para. {label} amends {target_symbol} {named}".rstrip())
            item["rules"].append(f"amends {target_symbol} in para. {label}")
        placed = set(db.execute("SELECT track, doc_id FROM members WHERE scope IS NULL"))
        out = []
        for (slug, doc_id), item in found.items():
            if (slug, doc_id) in placed:
                continue
            labels = dict(db.execute("SELECT ord, label FROM paragraphs WHERE doc_id = ?", (doc_id,)).fetchall())
            scope = dict(item["scope"])
            heads = {labels[o] for o in scope if o in labels}
            for o, label in labels.items():
                # The amending paragraph's own sub-paragraphs: "14 (a)", "14 (b)" of 2699.
                if o not in scope and any(label.startswith(f"{h} (") for h in heads):
                    scope[o] = [o, None, None]
            out.append((slug, doc_id, json.dumps(list(dict.fromkeys(item["found"]))), "other", None, None, None, "[]",
                        json.dumps(list(dict.fromkeys(item["rules"]))), json.dumps(sorted(scope.values()))))
        return out

    def ensure(self) -> None:
        """Update when the catalog moved on; memoised answers are dropped with it."""
        version = self.store.version()
        if self._memo_version != version or not self.fresh():
            if not self.fresh():
                self.update()
            with self._lock:
                self._memo.clear()
                self._memo_version = version

    # --- reading -----------------------------------------------------------------------------------------
    def _paragraphs(self, doc_ids: list[str], symbols: dict[str, str],
                    themed_or: set[tuple[str, int]] | None = None) -> dict[str, list[TrackParagraph]]:
        """Paragraphs of some resolutions; with ``themed_or``, only theme-carrying ones and those named."""
        out: dict[str, list[TrackParagraph]] = {d: [] for d in doc_ids}
        db = self._db()
        cols = "doc_id, ord, label, operative, text, start, page, themes, terms"
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(doc_ids), 500):
            part = doc_ids[i:i + 500]
            marks = ",".join("?" * len(part))
            extra = " AND themes != '[]'" if themed_or is not None else ""
            rows.extend(db.execute(f"SELECT {cols} FROM paragraphs WHERE doc_id IN ({marks}){extra}", part))
        if themed_or:
            by_doc: dict[str, list[int]] = {}
            for doc_id, ord_ in themed_or:
                if doc_id in out:
                    by_doc.setdefault(doc_id, []).append(ord_)
            for doc_id, ords in by_doc.items():
                rows.extend(db.execute(f"SELECT {cols} FROM paragraphs WHERE doc_id = ? AND themes = '[]' AND ord IN "
                                       f"({','.join('?' * len(ords))})", [doc_id, *ords]))
        for doc_id, ord_, label, op, text, start, page, themes, terms in sorted(rows, key=lambda r: (r[0], r[1])):
            out[doc_id].append(TrackParagraph(doc_id, symbols[doc_id], ord_, label, bool(op), text, start,
                                              json.loads(themes), json.loads(terms), page=page))
        return out

    def track_def(self, name: str) -> TrackDef:
        try:
            return self.book.find(name)
        except KeyError:
            names = ", ".join(t.slug for t in self.book.tracks)
            raise NotFoundError(f"no mandate track {name!r}", f"use one of {names} (or an alias; "
                                                               "`briefbot mandates` lists them)") from None

    def _check_themes(self, themes: list[str] | None) -> list[str]:
        if not themes:
            return []
        known = self.book.tagging.themes
        bad = [t for t in themes if t not in known]
        if bad:
            raise NotFoundError(f"unknown theme(s) {', '.join(bad)}", f"use one of {', '.join(known)}")
        return list(dict.fromkeys(themes))

    def summaries(self) -> list[TrackSummary]:
        self.ensure()
        key = ("summaries",)
        if key not in self._memo:
            out = []
            for t in self.book.tracks:
                tr = self.track(t.slug, changes=False)
                out.append(TrackSummary(t.slug, t.name, t.kind, t.aliases, len(tr.entries), len(tr.renewals),
                                        tr.entries[0].symbol if tr.entries else None,
                                        tr.entries[-1].symbol if tr.entries else None, len(tr.gaps),
                                        sum(1 for e in tr.entries if e.paragraphs)))
            self._memo[key] = out
        return list(self._memo[key])

    def track(self, name: str, themes: list[str] | None = None, year_from: int | None = None,
              year_to: int | None = None, phrase: str | None = None, changes: bool = True,
              update: bool = True) -> Track:
        """A track's timeline: entries with their theme-carrying paragraphs and, with ``changes``, what each
        renewal changed against the resolution of the track it was drafted from. A range that cannot hold a
        resolution (reversed, or outside the Council's years) is refused (BriefbotError with its fix). Without
        ``update``, from the cache as it is (terms_of)."""
        check_years(year_from, year_to)
        if update:
            self.ensure()
        tdef = self.track_def(name)
        themes = self._check_themes(themes)
        key = ("track", tdef.slug, tuple(themes))
        if key not in self._memo:
            self._memo[key] = self._build_track(tdef, themes)
        full: Track = self._memo[key]

        def within(day: str | None) -> bool:
            year = int(day[:4]) if day else 0
            return (year_from is None or year >= year_from) and (year_to is None or year <= year_to)

        entries = [e for e in full.entries if within(e.date)]
        # First appearances stay the track's own (history before the range is what they tell); a gap is shown
        # with the range its mandate ran out in.
        out = Track(full.slug, full.name, full.label, full.kind, [], [g for g in full.gaps if within(g.until)],
                    full.first_appearance, themes=themes, years=(year_from, year_to), lapsed=full.lapsed,
                    ran_out=[g for g in full.ran_out if within(g.until)],
                    # Where the whole track stands, when the range reaches its last resolution (a view of 2019
                    # names no 2020 renewal).
                    status=full.status if year_to is None or not full.entries
                    or (full.entries[-1].year or 0) <= year_to else None)
        for e in entries:
            out.entries.append(TrackEntry(e.doc_id, e.file_name, e.symbol, e.date, e.title, e.vote, e.action,
                                          e.term, e.stage, e.found_by, e.paragraphs,
                                          e.changes if changes else [], e.previous, e.rollover, e.other_terms,
                                          e.rules, e.amends))
        if phrase:
            out.phrase = phrase
            out.phrase_first = self._phrase_first(tdef, phrase)
        return out

    def terms_of(self, doc_id: str) -> list[tuple[str, Term]]:
        """(track slug, headline term) of each track holding the resolution ``doc_id`` with an end date, as the
        timeline counts it (a period "from the date of expiration of the current mandate in February 2026" gets
        its day from the track's earlier renewals). Only from a cache up to date, and never bringing it up to date:
        a chat note asks (a catalog committed meanwhile by another process must not make its answer wait)."""
        version = self.store.version()
        if not self.fresh():
            return []
        if self._memo_version != version:  # tracks remembered from the cache of another version
            if not self._lock.acquire(blocking=False):  # an update is under way
                return []
            try:
                self._memo.clear()
                self._memo_version = version
            finally:
                self._lock.release()
        slugs = [r[0] for r in self._db().execute("SELECT track FROM members WHERE doc_id = ? ORDER BY track",
                                                  (doc_id,))]
        found = []
        for slug in slugs:
            entry = next((e for e in self.track(slug, update=False).entries if e.doc_id == doc_id), None)
            if entry is not None and entry.term is not None:
                found.append((slug, entry.term))
        return found

    def _members(self, slug: str) -> list[tuple[Any, ...]]:
        rows = self._db().execute(
            "SELECT r.doc_id, r.file_name, r.symbol, r.date, r.title, r.vote, m.action, m.until, m.stage, m.found_by, "
            "r.number, m.term, m.also, m.rules, m.scope FROM members m JOIN resolutions r USING (doc_id) "
            "WHERE m.track = ? ORDER BY r.date, r.number", (slug,)).fetchall()
        if self.track_def(slug).kind == "authorization":
            # An authorisation is established once; a later grant in the same words for a period of its own
            # (piracy: 1846 (2008) after 1816 (2008)) renews it, and what it leaves out is dropped.
            seen = False
            for i, r in enumerate(rows):
                if r[6] == "establishes":
                    if seen:
                        rows[i] = (*r[:6], "renews", *r[7:])
                    seen = True
        # A track the Council renews after a "termination" outlived it: what ended was a part, not the operation or
        # regime. "lifting of advance notification requirements to the 1533 Sanctions Committee" (2667 (2022)), "on
        # lifting of the arms embargo on Somalia" (2714 (2023)) beside the Al-Shabaab measures renewed in 2025,
        # "withdrawal of military personnel providing security for the Special Court … by UNMIL" (1971 (2011)),
        # "on drawdown of UNMIL" (2215 (2015)).
        renewed_after = False
        for i in range(len(rows) - 1, -1, -1):
            if rows[i][6] == "terminates" and renewed_after:
                rows[i] = (*rows[i][:6], "other", *rows[i][7:])
            renewed_after = renewed_after or rows[i][6] == "renews"
        return rows

    def _compute_changes(self, slug: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Every resolution of a track aligned with the one it was drafted from (``changes.predecessors``), and
        which one that is (stored at update time: aligning is the slow part of a track view)."""
        rows = self._members(slug)
        paras = self._paragraphs([r[0] for r in rows], {r[0]: r[2] for r in rows})
        scopes = {r[0]: json.loads(r[14]) for r in rows if r[14]}
        whole = {doc_id: list(ps) for doc_id, ps in paras.items()}
        for doc_id, scope in scopes.items():
            paras[doc_id] = [p for p in paras[doc_id] if p.ordinal in {s[0] for s in scope}]
        sides = [Side(paras[r[0]]) for r in rows]
        out: list[tuple[Any, ...]] = []
        compared: list[tuple[Any, ...]] = []
        renewing = [r[6] == "renews" for r in rows]
        passing = [r[6] == "other" for r in rows]
        for r, side, pred in zip(rows, sides, predecessors(sides, renewing, passing), strict=True):
            if r[0] in scopes:
                # An amendment is shown against the paragraphs it amends, not against the track's last resolution.
                found, against = _amended(scopes[r[0]], side.paras, whole)
                if against is not None:
                    compared.append((slug, r[0], against, 0.0, 0))
            elif pred is not None:
                compared.append((slug, r[0], rows[pred.index][0], round(pred.shared, 3), int(pred.rollover)))
                found = kept_by_number(align(sides[pred.index], side), side.paras)
                if pred.rollover or not restates(r[6]):
                    # A rollover extends the mandate as set out before; a resolution that neither renews nor
                    # establishes (a new task, a condemnation, a termination) leaves the earlier text as it was:
                    # what either does not repeat is not dropped.
                    found = [c for c in found if c.status != "dropped"]
            else:
                continue
            for seq, c in enumerate(found):
                out.append((slug, r[0], seq, c.status, c.current.ordinal if c.current else None,
                            c.previous.doc_id if c.previous else None, c.previous.ordinal if c.previous else None,
                            c.similarity, json.dumps(c.diff)))
        return out, compared

    def _build_track(self, tdef: TrackDef, themes: list[str]) -> Track:
        rows = self._members(tdef.slug)
        symbols = {r[0]: r[2] for r in rows}
        db = self._db()
        stored: dict[str, list[tuple[Any, ...]]] = {}
        needed: set[tuple[str, int]] = set()
        for doc_id, _seq, status, cur, prev_doc, prev_ord, sim, diff in db.execute(
                "SELECT doc_id, seq, status, cur_ord, prev_doc, prev_ord, similarity, diff FROM changes "
                "WHERE track = ? ORDER BY doc_id, seq", (tdef.slug,)):
            stored.setdefault(doc_id, []).append((status, cur, prev_doc, prev_ord, sim, diff))
            if cur is not None:
                needed.add((doc_id, cur))
            if prev_doc is not None:
                needed.add((prev_doc, prev_ord))
        compared = {doc_id: (prev, bool(roll)) for doc_id, prev, roll in db.execute(
            "SELECT doc_id, prev_doc, rollover FROM compared WHERE track = ?", (tdef.slug,))}
        paras = self._paragraphs([r[0] for r in rows], symbols, themed_or=needed)
        by_key = {(p.doc_id, p.ordinal): p for ps in paras.values() for p in ps}
        wanted = set(themes) if themes else None
        if wanted is not None:
            for p in by_key.values():
                p.themes = [t for t in p.themes if t in wanted]
                p.terms = {t: w for t, w in p.terms.items() if t in wanted}
        entries: list[TrackEntry] = []
        first: dict[str, FirstAppearance] = {}
        for doc_id, file_name, symbol, day, title, vote, action, _until, stage, found_by, _, term_json, also, rules, \
                scope in rows:
            mine = paras[doc_id]
            if scope:  # an amending resolution: only its amending paragraphs are this track's
                mine = [p for p in mine if p.ordinal in {s[0] for s in json.loads(scope)}]
            changes: list[ParagraphChange] = []
            for status, cur, prev_doc, prev_ord, sim, diff in stored.get(doc_id, []):
                cp = by_key.get((doc_id, cur)) if cur is not None else None
                pp = by_key.get((prev_doc, prev_ord)) if prev_doc is not None else None
                if not ((cp is not None and cp.themes) or (pp is not None and pp.themes)):
                    continue  # outside the theme filter
                if cp is not None:
                    cp.change = status
                changes.append(ParagraphChange(status, cp, pp, sim, [tuple(d) for d in json.loads(diff)]))
            for p in mine:
                for t in p.themes:
                    fa = first.get(t)
                    if fa is None:
                        first[t] = FirstAppearance(t, p, p if p.operative else None)
                    elif fa.operative_paragraph is None and p.operative:
                        fa.operative_paragraph = p
            v = json.loads(vote) if vote else None
            term = Term.from_dict(json.loads(term_json)) if term_json else None
            entries.append(TrackEntry(doc_id, file_name, symbol, day, title, Vote(*v) if v else None, action, term,
                                      stage, json.loads(found_by), [p for p in mine if p.themes], changes,
                                      symbols.get(compared.get(doc_id, ("", False))[0]),
                                      compared.get(doc_id, ("", False))[1],
                                      [Term.from_dict(t) for t in json.loads(also or "[]")], json.loads(rules or "[]"),
                                      amends=bool(scope)))
        count_from_expiry(entries)
        last_day = self._db().execute("SELECT max(date) FROM resolutions").fetchone()[0]
        found = self._gaps(entries, tdef.kind, last_day, lapsed=tdef.lapsed is not None)
        # A term tracks.toml says the Council let run out is said so, not counted as a renewal missing.
        gaps = [g for g in found if resolution_no(g.after) not in tdef.ran_out]
        ran_out = [dataclasses.replace(g, reason=f"{g.after}'s term ran to {g.until}: {tdef.ran_out[n]}")
                   for g in found if (n := resolution_no(g.after)) in tdef.ran_out]
        track = Track(tdef.slug, tdef.name, tdef.label, tdef.kind, entries, gaps, first, themes=themes,
                      lapsed=tdef.lapsed, ran_out=ran_out)
        track.status = track_status(track, last_day, (self.today or date.today()).isoformat())
        return track

    def _gaps(self, entries: list[TrackEntry], kind: str, last_day: str | None, lapsed: bool = False) -> list[Gap]:
        """Renewals the data implies but the track lacks: a mandate's end date passed with no later resolution.
        An authorisation's last period running out is not one: the Council lets it lapse without a resolution
        (piracy off Somalia, March 2022), where a mission or a regime ends by a resolution that says so."""
        gaps: list[Gap] = []
        decisive = [e for e in entries if e.action in ("establishes", "renews", "terminates") and e.date]
        for i, e in enumerate(decisive):
            if e.action == "terminates" or e.term is None:
                continue
            # The track runs while any of the resolution's dates for it does: 1876 (2009) extends UNOGBIS to the
            # end of 2009 and sets up its successor UNIOGBIS for 2010, renewed in November 2010.
            end = max([e.term.until, *(t.until for t in e.other_terms)])
            if _final(e) and end == e.term.until:
                # A last period with nothing after it. One that also sets up a successor runs on to the
                # successor's date: 2350 (2017) closes MINUSTAH "by 15 October 2017" and starts MINUJUSTH until
                # 15 April 2018 (para. 5), a date a renewal must follow.
                continue
            later = [n for n in decisive[i + 1:] if n.date and n.date > (e.date or "")]
            nxt = later[0] if later else None
            limit = (date.fromisoformat(end) + timedelta(days=GAP_GRACE_DAYS)).isoformat()
            ran_to = next(t.text() for t in (e.term, *e.other_terms) if t.until == end)
            if nxt is None:
                if last_day and limit < last_day and kind != "authorization" and not lapsed:
                    gaps.append(Gap(e.symbol, end, None, None,
                                    f"{e.symbol}'s mandate ran to {ran_to} and no later resolution of "
                                    f"this track was found (the data runs to {last_day})"))
            elif (nxt.date or "") > limit:
                gaps.append(Gap(e.symbol, end, nxt.symbol, nxt.date,
                                f"{e.symbol}'s mandate ran to {ran_to}; the next resolution found is "
                                f"{nxt.symbol} of {nxt.date}"))
        return gaps

    def tracks_holding(self, numbers: Iterable[int]) -> dict[str, list[int]]:
        """Which of the resolutions numbered ``numbers`` each track holds, {slug: numbers}: a question naming
        "resolution 2752 (2024) and resolution 2794 (2025)" is about the track that holds them (the Haiti sanctions
        regime), whatever country or mission its other words name."""
        nums = sorted(set(numbers))
        if not nums:
            return {}
        self.ensure()
        held: dict[str, list[int]] = {}
        for slug, number in self._db().execute(
                "SELECT m.track, r.number FROM members m JOIN resolutions r USING (doc_id) "
                f"WHERE r.number IN ({','.join('?' * len(nums))}) ORDER BY m.track, r.number", nums):
            held.setdefault(slug, []).append(number)
        return held

    def compare(self, name: str, earlier: str, later: str, themes: list[str] | None = None) -> list[ParagraphChange]:
        """What ``later`` changed against ``earlier``, two resolutions of one track a reader names, in the form of
        ``TrackEntry.changes`` (theme-carrying paragraphs, current reading order, then dropped): the stored
        alignment when ``later`` was drafted from ``earlier``, else the two aligned here (asked what changed
        between 2700 (2023) and 2794 (2025), though 2794 was drafted from 2752)."""
        track = self.track(name, themes)
        old, new = track.entry(earlier), track.entry(later)
        if new.previous == old.symbol:
            return list(new.changes)
        paras = self._paragraphs([old.doc_id, new.doc_id], {old.doc_id: old.symbol, new.doc_id: new.symbol})
        wanted = set(track.themes) if track.themes else None
        if wanted is not None:
            for p in (*paras[old.doc_id], *paras[new.doc_id]):
                p.themes = [t for t in p.themes if t in wanted]
                p.terms = {t: w for t, w in p.terms.items() if t in wanted}
        found = kept_by_number(align(paras[old.doc_id], paras[new.doc_id]), paras[new.doc_id])
        if not restates(new.action):
            found = [c for c in found if c.status != "dropped"]  # as _compute_changes: it leaves that text in force
        return found

    def first_match(self, name: str, pattern: re.Pattern[str], label: str) -> FirstAppearance | None:
        """The first paragraph of a track matching ``pattern`` (and the first operative one)."""
        self.ensure()
        return self._phrase_first(self.track_def(name), label, pattern)

    def _phrase_first(self, tdef: TrackDef, phrase: str, needle: re.Pattern[str] | None = None,
                      ) -> FirstAppearance | None:
        rows = self._members(tdef.slug)
        symbols = {r[0]: r[2] for r in rows}
        needle = needle or re.compile(r"\s+".join(re.escape(w) for w in phrase.split()), re.I)
        paras = self._paragraphs([r[0] for r in rows], symbols)
        found: FirstAppearance | None = None
        for r in rows:
            for p in paras[r[0]]:
                if needle.search(p.text):
                    if found is None:
                        found = FirstAppearance(phrase, p, p if p.operative else None)
                    elif found.operative_paragraph is None and p.operative:
                        found.operative_paragraph = p
                if found is not None and found.operative_paragraph is not None:
                    return found
        return found

    # --- trends ------------------------------------------------------------------------------------------
    def trends(self, themes: list[str] | None = None, track: str | None = None) -> Trends:
        """Per year: resolutions in scope, and per theme those carrying it operatively or only in the preamble."""
        self.ensure()
        themes = self._check_themes(themes) or list(self.book.tagging.themes)
        slug = self.track_def(track).slug if track else None
        key = ("trends", tuple(themes), slug)
        if key in self._memo:
            cached: Trends = self._memo[key]
            return cached
        db = self._db()
        scope = "" if slug is None else "WHERE doc_id IN (SELECT doc_id FROM members WHERE track = ?)"
        args: tuple[Any, ...] = () if slug is None else (slug,)
        resolutions: dict[int, int] = {}
        symbols: dict[str, tuple[int, str]] = {}
        for doc_id, year, symbol in db.execute(f"SELECT doc_id, year, symbol FROM resolutions {scope}", args):
            if year:
                resolutions[year] = resolutions.get(year, 0) + 1
                symbols[doc_id] = (year, symbol)
        seen: dict[tuple[str, str], bool] = {}  # (doc, theme) → operative somewhere
        marks = ",".join("?" * len(themes))
        # An amending resolution counts for the track by its amending paragraphs only.
        scoped = {doc_id: {s[0] for s in json.loads(scope)} for doc_id, scope in db.execute(
            "SELECT doc_id, scope FROM members WHERE track = ? AND scope IS NOT NULL", (slug,))} if slug else {}
        for doc_id, ord_, theme, op in db.execute(
                f"SELECT doc_id, ord, theme, operative FROM para_themes WHERE theme IN ({marks})", themes):
            if doc_id in symbols and (doc_id not in scoped or ord_ in scoped[doc_id]):
                seen[(doc_id, theme)] = seen.get((doc_id, theme), False) or bool(op)
        cells: dict[tuple[int, str], TrendCell] = {}
        for (doc_id, theme), op in sorted(seen.items(), key=lambda kv: symbols[kv[0][0]]):
            year, symbol = symbols[doc_id]
            cell = cells.setdefault((year, theme), TrendCell(year, theme))
            (cell.operative if op else cell.preambular_only).append(symbol)
        out = Trends(themes, slug, resolutions, cells)
        self._memo[key] = out
        return out

    def trend_paragraphs(self, year: int, theme: str, track: str | None = None,
                         operative: bool | None = None) -> list[TrackParagraph]:
        """The paragraphs behind one trend count (drill-down), in symbol order."""
        self.ensure()
        self._check_themes([theme])
        cell = self.trends([theme], track).cell(year, theme)
        symbols = cell.operative if operative in (None, True) else []
        symbols = symbols + (cell.preambular_only if operative in (None, False) else [])
        out: list[TrackParagraph] = []
        for sym in symbols:
            out.extend(p for p in self.paragraphs(sym) if theme in p.themes)
        return out

    # --- documents and references ------------------------------------------------------------------------
    def _resolution(self, symbol: str) -> tuple[str, str] | None:
        row = self._db().execute("SELECT doc_id, symbol FROM resolutions WHERE skey = ?",
                                 (symbol_key(normalize_symbol(symbol)),)).fetchone()
        return (row[0], row[1]) if row else None

    def paragraphs(self, symbol: str) -> list[TrackParagraph]:
        """Every paragraph of one resolution, with its themes."""
        self.ensure()
        found = self._resolution(symbol)
        if found is None:
            raise NotFoundError(f"no indexed resolution {symbol!r}")
        doc_id, sym = found
        return self._paragraphs([doc_id], {doc_id: sym})[doc_id]

    def refs(self, symbol: str) -> References:
        """What a resolution recalls (with the paragraphs citing and cited) and which later resolutions cite it."""
        self.ensure()
        sym = normalize_symbol(symbol)
        if not sym.startswith("S/RES/"):
            sym = f"S/RES/{sym}" if re.match(r"^\d{3,4}\s*\(\d{4}\)$", sym) else sym
        found = self._resolution(sym)
        known = {k for (k,) in self._db().execute("SELECT skey FROM resolutions")}
        recalls: list[Reference] = []
        if found is not None:
            doc_id, sym = found
            for label, target, paras in self._db().execute(
                    "SELECT label, target, target_paras FROM refs WHERE doc_id = ?", (doc_id,)):
                recalls.append(Reference(sym, label, target, json.loads(paras), symbol_key(target) in known))
        cited: list[Reference] = []
        for src, label, paras in self._db().execute(
                "SELECT r.symbol, f.label, f.target_paras FROM refs f JOIN resolutions r USING (doc_id) "
                "WHERE f.target_key = ? ORDER BY r.date, r.number", (symbol_key(sym),)):
            cited.append(Reference(src, label, sym, json.loads(paras), True))
        if found is None and not cited:
            raise NotFoundError(f"no indexed resolution {symbol!r} and none cites it")
        return References(sym, recalls, cited)

    def doc_info(self, doc_id: str) -> DocInfo:
        if doc_id not in self._docinfo:
            self._docinfo[doc_id] = self.store.document(doc_id)
        return self._docinfo[doc_id]

    def citation(self, p: TrackParagraph, key: str = "", max_chars: int = 600) -> Citation | None:
        """A Citation quoting ``p`` (cut at a word boundary when long), checked verbatim against the page text."""
        info = self.doc_info(p.doc_id)
        quote = p.text
        if len(quote) > max_chars:
            cut = quote.rfind(" ", 0, max_chars)
            quote = quote[:cut if cut > 0 else max_chars]
        span = Span(p.page, p.start, p.start + len(quote), label=p.paragraph)
        return verified_citation(info, span, 0, quote, key, self.store.page_text)

    def pdf_citation(self, p: TrackParagraph, key: str = "", max_chars: int | None = None) -> Citation | None:
        """``p`` cited on the printed page: on its own document when that is a PDF, else on an indexed PDF copy
        of the same resolution (the 2025 PDFs beside their bulk XML); None when the index holds no PDF of it or
        the paragraph is not found there (then its XML text is the citation)."""
        from .pdfcopy import paragraph_citation, pdf_copies

        if p.page is not None:
            return self.citation(p, key, max_chars=max_chars or 10**6)
        version = self.store.version()
        memo = self._memo.get(("documents", version))
        if memo is None:
            memo = self._memo[("documents", version)] = self.store.documents()
        for pdf in pdf_copies(symbol_key(p.symbol), memo):
            cite = paragraph_citation(self.store, pdf, p, key, max_chars)
            if cite is not None:
                return cite
        return None

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def _amended(scope: list[list[Any]], current: list[TrackParagraph], paras: dict[str, list[TrackParagraph]],
             ) -> tuple[list[ParagraphChange], str | None]:
    """An amending resolution's changes: each amending paragraph against the paragraph it amends (its replacement
    text, after the opening quotation mark, against the old one), its sub-paragraphs new; and the resolution
    amended (the first named), None when no amended paragraph was found."""
    by_ord = {p.ordinal: p for p in current}
    out: list[ParagraphChange] = []
    against: str | None = None
    for ordinal, target_doc, target_ord in scope:
        p = by_ord.get(ordinal)
        old = next((q for q in paras.get(target_doc or "", []) if q.ordinal == target_ord), None)
        if p is None:
            continue
        against = against or (old.doc_id if old is not None else target_doc)
        if old is None:
            if p.themes:
                p.change = "new"
                out.append(ParagraphChange("new", p, None))
            continue
        if not (p.themes or old.themes):
            continue
        quoted = p.text.find("“")
        replacement = p.text[quoted + 1:] if quoted >= 0 else p.text
        ratio = word_ratio(old.text, replacement)
        p.change = "unchanged" if ratio >= 1.0 else "changed"
        out.append(ParagraphChange(p.change, p, old, ratio, [] if ratio >= 1.0 else word_diff(old.text, replacement)))
    return out, against


def _final(e: TrackEntry) -> bool:
    """Whether a resolution sets its track's last period ("for a final period", a termination in its title)."""
    return bool(e.term is not None and (e.term.final or _FINAL_RE.search(e.title or "")))


def track_status(track: Track, last_day: str | None, today: str | None = None) -> str | None:
    """Where the track stands at the newest indexed resolution (``last_day``), from its last renewal: running to
    its dates, ended by a resolution, or run out with no later renewal found ("Migrant smuggling off Libya":
    2698 (2023) renewed the authorisations to 29 September 2024 and nothing since; a browser walk found the
    timeline just stopping there), or its dates passed by ``today`` (ISO) with no later resolution indexed. None
    when tracks.toml says how it ended (``Track.lapsed``) or nothing is dated."""
    if track.lapsed:
        return None
    decisive = [e for e in track.entries if e.action in ("establishes", "renews", "terminates") and e.date]
    if not decisive:
        return None
    last = decisive[-1]
    if last.action == "terminates":
        return f"ended — by {last.symbol} of {last.date}."
    if last.term is None:
        return None
    end = max([last.term.until, *(t.until for t in last.other_terms)])
    dates = last.until_full(of=track.dates_of_several())
    data = f"the indexed Council resolutions run to {last_day}" if last_day else "no Council resolution is dated"
    if _final(last) and end == last.term.until:
        return f"ended — {last.symbol} set its final period, to {dates}."
    if today and end < today and (not last_day or end >= last_day):
        # The indexed resolutions stop before its dates, which have since passed: what the chat says of a term
        # that has passed ("in force" read so for Haiti's 2794 (2025), all of whose dates were behind, a browser
        # walk).
        said = "these dates have" if track.dates_of_several() else "that date has"
        return (f"passed — {last.symbol} set {dates}; {said} passed (today is {today}) and no later resolution of "
                f"this track is indexed ({data}): check whether the Council has renewed it since.")
    if not last_day or end >= last_day:
        if track.dates_of_several():
            # Dates of several things ("2027-08-15 — Panel of Experts"): none of them is the regime's end (a
            # browser walk read "runs it to" the Panel's date so).
            return f"in force — its latest renewal, {last.symbol}, sets {dates}; {data}."
        return f"in force — {last.symbol} runs it to {dates}; {data}."
    if track.kind == "authorization":
        # "expired", not "lapsed": the JSON's `lapsed` is tracks.toml's word on a track ended otherwise.
        return (f"expired — {last.symbol} last renewed it, to {dates}, and no later resolution of this track was "
                f"found ({data}).")
    return f"not renewed in the indexed data — {last.symbol} ran it to {dates}, and {data}."
