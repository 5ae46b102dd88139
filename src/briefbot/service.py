"""The functions the CLI and the web app share, over one loaded model and one index.

``Briefbot`` is built once from Settings at the edge; it owns the store, the embedder, the lexical index and the
retriever, and exposes ask / ask_stream / library / ingest / remove / summarise. Nothing here knows about Gradio or
Typer.

Access: ``readable(user)`` is the one decision of what a user may read (an AccessScope, see access.py). Every
method that returns document text or files takes that scope (None: everything, the local CLI) and treats a
document outside it exactly like a document that is not indexed. Calls made with a scope are audited (audit.py).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import logging
import os
import re
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .access import EVERYTHING, AccessScope, Accounts, check_collection
from .answer import (
    after_newest,
    direct_line_parts,
    extractive_answer,
    long_date,
    piece_not_indexed,
    plain_question,
    term_end,
)
from .audit import AuditLog
from .config import Settings
from .embed import Embedder, embedder_for, sentence_embedder_for
from .errors import BriefbotError, DocumentMismatch, HistoryUnavailable, IndexMissingError, NotFoundError
from .feedback import feedback_path, forget_feedback, owner_for
from .glossary import council_question
from .history import History, Viewer
from .ingest import IngestReport, Progress, ingest_paths, remove_documents
from .layout import IndexLayout
from .lexical import LexicalIndex
from .models import Answer, Chunk, Citation, DocInfo, Engine, Filters, Hit, RetrievalMode, StreamEvent, finished
from .refs import (
    SOURCE_LABELS,
    asked_publication,
    asked_source,
    asked_time,
    asks_current_term,
    asks_term,
    asks_term_now,
    doc_places,
    follows_on,
    parse_references,
    question_as_read,
    question_years,
    speaks_of,
)
from .retrieve import Retriever
from .store import Store

if TYPE_CHECKING:
    from .embed_worker import WorkerEmbedder
    from .mandates import MandateIndex, Track, Trends
    from .summarise import Summary

log = logging.getLogger(__name__)
# A term given as a period from another date: "twelve months from the date of expiration of the current mandate".
_PERIOD_FROM = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:from|after)\b", re.I)
# How much less confident an answer from the kind of document asked for may be than the ordinary one and still be
# preferred (refs.asked_source); measured on the dev questions and probes that ask for one. A margin of the model's
# probability: the 2026-12-06 refit on the probes narrowed its spread (the same two answers differ by 0.72 in its
# logits against 1.10 before), so 0.2 became 0.13, which keeps every decision the old margin took on those
# questions and on the sample index ("What did the Secretary-General report about the asset freeze in Libya?" is
# not answered from his report on the arms embargo inspections).
SOURCE_MARGIN = 0.13

# Each question is answered on its own (no conversation memory): what a reader is told before asking, and under an
# answer to a question that leans on an earlier one.
STANDALONE_HINT = "Each question is answered on its own: name the country, regime or document again."
FOLLOW_UP_NOTE = ("Earlier questions are not read: each question is answered on its own. If this one follows on "
                  "from another, ask again naming the country, regime, mission or document.")


def _source_about(doc: DocInfo, places: set[str]) -> set[str]:
    """Which of ``places`` (lower case) a report of the kind a question asks for is about. A Panel's report is
    about the place its title names: the Sudan Panel's final report speaks of Libya often. One whose title names no
    place (the ISIL (Da'esh) and Al-Qaida Monitoring Team's) reports on every region: its thirty-fifth report's
    account of Al-Shabaab's revenues was noted as "no Monitoring Team report about Somalia" (a seventh-sweep
    question)."""
    if doc.doc_type == "panel_report":
        title = doc.title or ""
        return {p for p in places if p in title.lower()} or (places if not parse_references(title).places else set())
    return doc_places(doc) & places


class Briefbot:
    def __init__(self, settings: Settings, embedder: Embedder | None = None, create: bool = False) -> None:
        self.settings = settings
        if not create and not Store.exists(settings):
            raise IndexMissingError(f"no index for these settings at {settings.index}")
        self.store = Store(settings)
        self.embedder = embedder or embedder_for(settings)
        self.sentence_embedder = sentence_embedder_for(settings, self.embedder)
        self.lexical = LexicalIndex(self.store)
        self.retriever = Retriever(settings, self.store, self.embedder, self.lexical)
        self._ingest_lock = threading.Lock()
        self.ingest_worker: WorkerEmbedder | None = None
        self.accounts = Accounts(Path(settings.index))
        self.audit = AuditLog(Path(settings.index))

    # --- access --------------------------------------------------------------------------------------------
    def readable(self, user: str | None) -> AccessScope:
        """What ``user`` may read: the one decision every reading path (retrieval, answers, pages, files, library,
        exports, feedback, API, permalinks) applies.

        An account reads its granted collections (an admin all of them); a name from the ``auth`` setting
        without an account reads everything, as before accounts existed; an unknown name reads nothing. ``None``
        (nobody signed in) reads everything only while no account exists: the zero-set-up loopback app.
        """
        if user is None:
            return AccessScope(None, frozenset()) if self.accounts.any() else EVERYTHING
        if self.accounts.get(user) is not None:
            return self.accounts.scope(user)
        # Names only (the pairs are checked at sign-in by the web layer): user:password[,user:password].
        if user in {item.partition(":")[0].strip() for item in (self.settings.auth or "").split(",")}:
            return AccessScope(user, None, admin=True)
        return AccessScope(user, frozenset())

    def may_read(self, doc_ids: list[str], scope: AccessScope | None) -> bool:
        """Whether every one of these documents is indexed and readable in ``scope`` (e.g. all the documents an
        answer cites, before a permalink to it is shown to a viewer)."""
        try:
            for doc_id in doc_ids:
                self.document(doc_id, scope)
        except NotFoundError:
            return False
        return True

    def same_bytes(self, sha256: str, scope: AccessScope | None) -> DocInfo | None:
        """An indexed document read from the file with this SHA-256 that ``scope`` reads (a removed document
        uploaded again under another name is the same text), or None."""
        return next((d for d in self.store.documents_with_bytes(sha256) if scope is None or scope.allows(d.collection)),
                    None)

    def readable_feedback(self, records: list[dict[str, Any]], scope: AccessScope | None) -> list[dict[str, Any]]:
        """The feedback records whose cited documents are all readable in ``scope`` (a record quotes them)."""
        if scope is None or scope.collections is None:
            return records
        # Records from before citations carried doc_id name the document by file name.
        return [r for r in records
                if self.may_read([str(c.get("doc_id") or c.get("document", "")) for c in r.get("citations") or []],
                                 scope)]

    def _restrict(self, filters: Filters | None, scope: AccessScope | None) -> Filters | None:
        """``filters`` narrowed to the scope's collections, unchanged when the scope hides nothing indexed."""
        if scope is None or scope.collections is None:
            return filters
        if all(scope.allows(c) for c in self.store.collection_counts()):
            return filters  # nothing hidden: no filter to pay for (and the mandate tracker may answer)
        return dataclasses.replace(filters or Filters(), collections=sorted(scope.collections))

    # --- asking --------------------------------------------------------------------------------------------
    def retrieve(self, question: str, k: int | None = None, filters: Filters | None = None,
                 mode: RetrievalMode | None = None, scope: AccessScope | None = None) -> list[Hit]:
        filters, _ = years_in_order(filters)
        return self.retriever.search(question, k=k, filters=self._restrict(filters, scope), mode=mode)

    def ask(self, question: str, k: int | None = None, filters: Filters | None = None, engine: Engine | None = None,
            qid: Any = None, scope: AccessScope | None = None) -> Answer:
        """Entry point for one question: retrieve, then answer with the configured engine."""
        answer: Answer | None = None
        for event in self.ask_stream(question, k=k, filters=filters, engine=engine, scope=scope):
            if event.kind == "done":
                answer = event.answer
        assert answer is not None
        answer.id = qid
        return answer

    def ask_stream(self, question: str, k: int | None = None, filters: Filters | None = None,
                   engine: Engine | None = None, scope: AccessScope | None = None) -> Iterator[StreamEvent]:
        filters, reread = years_in_order(filters)
        asked_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        for event in self._ask_stream(question, k, self._restrict(filters, scope), engine):
            if event.kind == "done" and event.answer is not None:
                event.answer.asked_at = asked_at
                # The question as the user typed it (history, exports, the audit log show it, escaped): markup is
                # left out only where it is read (checked_question), and a rewritten question read as another's.
                event.answer.question = question.strip()
            if event.kind == "done" and reread and event.answer is not None:
                event.answer.notes.insert(0, reread)  # first: it changes what every other line is about
            if event.kind == "done" and event.answer is not None and follows_on(plain_question(question)):
                # "And what did the Panel recommend about it?" after a question on Sudan's gold was answered with
                # generic paragraphs, as if the earlier question had been read: said, with what to do.
                event.answer.notes.insert(0, FOLLOW_UP_NOTE)
            if event.kind == "done" and scope is not None and event.answer is not None:
                self.audit.record(scope.user, "ask", question=event.answer.question,
                                  documents=sorted({h.doc.doc_id for h in event.answer.hits}
                                                   if event.answer.abstained else
                                                   {c.doc_id for c in event.answer.citations}),
                                  abstained=event.answer.abstained)
            yield event

    def _ask_stream(self, question: str, k: int | None, filters: Filters | None,
                    engine: Engine | None) -> Iterator[StreamEvent]:
        question = checked_question(question)
        t0 = time.perf_counter()
        # "According to Arthur Boutellis's 2019 'Still Flying Blind' article, …": answered from that piece, or not at
        # all when it is not indexed (unless the reader's filters already say what to search).
        piece = asked_publication(question) if not (filters and filters.describe()) else None
        if piece is not None and (ids := [d.doc_id for d in self.retriever.documents().values()
                                          if d.origin == "analysis" and piece.matches(d)]):
            filters, piece = dataclasses.replace(filters or Filters(), doc_ids=ids), None
        routed = self._mandate_route(question, filters)
        k = max(k or self.settings.k, 10)
        hits = self.retrieve(question, k=k, filters=filters)
        if piece is not None:
            missing = piece_not_indexed(question, hits, piece)
            missing.timings_ms.update(total=round((time.perf_counter() - t0) * 1000, 1))
            yield StreamEvent("done", answer=missing)
            return
        # "What did the Secretary-General report about …?" asks for his reports' account: answered from them when
        # they answer it (the Council's resolutions on the topic ranked above them), else from everything.
        source = asked_source(question) if routed is None and not (filters and filters.doc_types) else None
        asked_kind = source  # kept when the source asked does not answer, to say so if none is indexed
        told: Answer | None = None
        plain: Answer | None = None  # the ordinary answer, when weighing the source already computed it
        if source is not None:
            narrowed = dataclasses.replace(filters or Filters(), doc_types=[source])
            own = self.retrieve(question, k=k, filters=narrowed)
            told = self.extractive(question, own, narrowed) if own else None
            stands = False
            if told is not None and not told.abstained:
                stands, plain = self._told_as_well(question, told, hits, filters)
            if stands:
                hits = own
            else:
                source, told = None, None
        t1 = time.perf_counter()
        yield StreamEvent("hits", hits=hits)
        if not hits and filters is not None and filters.describe() and self.store.resolve_filters(filters) == []:
            # Nothing to search, which is not the same as nothing relating to the question.
            yield StreamEvent("done", answer=Answer(
                question=question, abstained=True, citations=[], hits=[],
                answer=f"No indexed document fits the filters ({filters.describe()}): clear or widen them."))
            return
        # A time after every document the reader may search, of which no passage found speaks (an earlier
        # document may foresee it: "the elections scheduled for December 2026"); a named document answers itself.
        if (asked := asked_time(question)) is not None and not parse_references(question).named_any \
                and (newest := self._newest(filters)) is not None and (newest.date or "") < asked.start \
                and not any(speaks_of(h.chunk.text, asked) for h in hits):
            late = after_newest(question, hits, asked, newest)
            late.timings_ms.update(retrieve=round((t1 - t0) * 1000, 1),
                                   total=round((time.perf_counter() - t0) * 1000, 1))
            yield StreamEvent("done", answer=late)
            return
        if routed is not None:
            # A mandate-history question: the tracker's reading of the series, with the ordinary retrieved passages
            # and their quotes beside it (the tracker cites paragraphs, not the passage that states the fact asked).
            from .mandates.chat import on_track

            if routed.abstained or not routed.citations:
                ordinary: Answer | None = self.extractive(question, hits, filters)  # the ordinary answer stands
            else:
                # Copies: the answer stage ranks the hits it is given, and the passage list keeps its own ranks.
                beside = [dataclasses.replace(h) for h in on_track(self.mandates(), council_question(question), hits)]
                ordinary = self.extractive(question, beside, filters) if beside else None
                if ordinary is not None:
                    ordinary.hits = hits  # the passage list stays the retrieved one; the quotes keep to the track
            both = beside_tracker(routed, ordinary or _nothing_beside(question, hits))
            both.timings_ms.update(retrieve=round((t1 - t0) * 1000, 1),
                                   total=round((time.perf_counter() - t0) * 1000, 1))
            yield from finished(both)
            return
        if (engine or self.settings.engine) == "llm":
            from .llm import llm_answer_stream

            events = with_fallback(question, llm_answer_stream(question, hits, self.settings, self.page_text),
                                   lambda q, h: self.extractive(q, h, filters))
        else:
            events = finished(told or plain or self.extractive(question, hits, filters))
        answer: Answer | None = None
        for event in events:
            if event.kind == "done":
                answer = event.answer
            else:
                yield event
        assert answer is not None
        if answer.abstained and filters is not None and (chosen := filters.describe()):
            # "No decision about South Sudan in the indexed documents …" when a filter left out the one that is.
            answer.answer += (f" Only the documents fitting the filters ({chosen}) were searched: clear or widen "
                              "them to search everything.")
        elif filters is not None and (chosen := filters.describe()):
            # An answer is as narrow as its filters: "15 May 2026" for the Libya Panel under "year 2025" is that
            # year's term, and the 2026 renewal was left out.
            answer.notes.append(f"Only the documents fitting the filters ({chosen}) were searched; others may say "
                                "more or later.")
        if source is not None and not answer.abstained:
            answer.notes.append(f"Read as asking what the {SOURCE_LABELS[source]} say: only they were searched; "
                                "others may say more or later.")
        elif asked_kind is not None and (missing := self._source_missing(question, asked_kind, filters)):
            # "What did the Panel of Experts on Libya find …?" answered from the Council's resolutions: the reader
            # must not take them for the Panel's findings.
            answer.notes.insert(0, missing)
        if not answer.abstained and (counted := self._counted_term(answer)):
            answer.notes.append(counted)
        if not answer.abstained and (lapsed := lapsed_term(question, answer,
                                                           self.settings.today or datetime.date.today(),
                                                           filtered=bool(filters is not None and
                                                                         filters.describe()))):
            answer.notes.append(lapsed)
        if filters is None or not filters.describe():
            self._standing(question, answer)
        answer.timings_ms.update(retrieve=round((t1 - t0) * 1000, 1),
                                 total=round((time.perf_counter() - t0) * 1000, 1))
        yield StreamEvent("done", answer=answer)

    def _standing(self, question: str, answer: Answer) -> None:
        """The mandate tracker's status of the mission or authorisation a current-term question names, as a note
        citing the paragraph that states it (added to the answer's quotes), when the answer does not lead with
        that resolution (mandates.chat.standing_note). Nothing on any failure there: the tracker must never break
        chat."""
        refs = parse_references(question)
        if refs.named_any or question_years(question) or not asks_term(question):
            return
        from .mandates.chat import standing_note

        cited = None if answer.abstained else list(answer.citations)
        try:
            tracker = self.mandates()
            if not tracker.fresh():
                return  # as _counted_term: a chat answer never waits for the tracker's rebuild
            found = standing_note(tracker, council_question(question),
                                  None if answer.abstained or not answer.citations else answer.citations[0].symbol,
                                  cited)
        except Exception:
            log.warning("mandate tracker could not place %r", question[:80], exc_info=True)
            return
        if found is None:
            return
        note, line = found
        if line is not None and cited is not None:
            answer.citations = cited
            answer.answer += "\n" + line
        answer.notes.append(note)

    def _counted_term(self, answer: Answer) -> str | None:
        """The end date the mandate tracker counts for a resolution whose direct line gives its term as a period
        from another date: S/RES/2816 (2026), para. 2, continues the Monitoring Team "for a period of twelve months
        from the date of expiration of the current mandate in February 2026", whose day the track's earlier
        renewals give (17 February 2026), so until 17 February 2027. Only from a tracker already up to date: a chat
        answer never waits for its rebuild (~20 s after an upgrade or ingest)."""
        parts = direct_line_parts(answer.answer.split("\n", 1)[0]) or []
        span, key = parts[0] if parts else ("", "")
        lead = next((c for c in answer.citations if c.key == key), None)
        if (lead is None or lead.doc_type != "resolution" or not lead.paragraph or not _PERIOD_FROM.search(span)
                or not re.search(r"\bexpir", span, re.I)):
            return None
        try:
            tracker = self.mandates()
            if not tracker.fresh():
                return None
            counted = [(slug, term) for slug, term in tracker.terms_of(lead.doc_id)
                       # A term the tracker counted from an expiry: not another period of the paragraph (a
                       # report due "90 days after the Panel's appointment" beside the Panel's mandate, 2095 (2013)).
                       if term.after and re.fullmatch(rf"para\. {re.escape(lead.paragraph.split()[0])}", term.source)]
        except Exception:  # the tracker must never break chat
            log.warning("mandate tracker could not date %s", lead.symbol, exc_info=True)
            return None
        if len({term.until for _, term in counted}) != 1:
            return None
        slug, term = counted[0]
        return (f"[{key}] Counted by the mandate tracker: until {long_date(term.until)} "
                f"(`briefbot mandate {slug}` shows the renewals it counts from).")

    def _told_as_well(self, question: str, told: Answer, hits: list[Hit],
                      filters: Filters | None) -> tuple[bool, Answer | None]:
        """Whether the answer from the kind of document asked for answers as well as the ordinary one: about the
        place the question names ("the Panel of Experts on Libya" is not answered by the Sudan Panel's report) and
        nearly as confidently (a report's prison-training paragraph is no account of how often it reports). The
        ordinary answer comes back too when it was computed, so a rejected source does not pay for it twice."""
        places = {p.lower() for p in parse_references(question).places}
        lead = next((h.doc for h in told.hits if h.doc.doc_id == told.citations[0].doc_id), None) \
            if told.citations else None
        if lead is None:
            return False, None
        if places and not _source_about(lead, places):
            return False, None
        ordinary = self.extractive(question, hits, filters)
        mine, theirs = told.timings_ms.get("confidence", 0.0), ordinary.timings_ms.get("confidence", 0.0)
        return ordinary.abstained or mine >= theirs - SOURCE_MARGIN, ordinary

    def _source_missing(self, question: str, kind: str, filters: Filters | None) -> str | None:
        """The note that no document of the kind asked for (about the place the question names, as
        :meth:`_told_as_well` reads it) is indexed, so the passages are others'; None when one is."""
        named = {p.lower(): p for p in parse_references(question).places}
        places = set(named)
        allowed = set(filters.collections) if filters and filters.collections is not None else None
        for d in self.retriever.documents().values():
            if d.doc_type != kind or (allowed is not None and d.collection not in allowed):
                continue
            if not places or _source_about(d, places):
                return None
        where = f" about {', '.join(sorted(named.values()))}" if named else ""
        return (f"No {SOURCE_LABELS[kind]}{where} are among the indexed documents: the passages below are from "
                "other documents, not their account.")

    def _newest(self, filters: Filters | None) -> DocInfo | None:
        """The newest dated document the reader may search (the collections ``filters`` allow): what a question
        about a later time would need is not indexed."""
        allowed = set(filters.collections) if filters and filters.collections is not None else None
        return max((d for d in self.retriever.documents().values()
                    if d.date and (allowed is None or d.collection in allowed)),
                   key=lambda d: d.date or "", default=None)

    def warm(self) -> None:
        """Load the model, the lexical and vector indexes, the catalog and the mandate tracker's cache now, through
        the real answer path, so a server's first question does not pay for them (measured ~4 s on a cold start
        against ~0.7 s after)."""
        if not self.store.documents():
            return
        t0 = time.perf_counter()
        self.store.add_row_index()  # an index from before it: ~10 ms less per question
        question = "Which measures did the Security Council decide on arms trafficking?"
        self.extractive(question, self.retrieve(question))
        # The mandate tracker's cache too: after an upgrade that changes the track definitions or their code, it
        # is rebuilt from every resolution (~20 s on the full Council set), which the first history question (and
        # every one behind it) would otherwise wait for.
        try:
            self.mandates().ensure()
        except Exception:  # the tracker must never keep the chat from starting
            log.warning("mandate tracker could not be prepared; it will try again on first use", exc_info=True)
        log.info("warmed up in %.1f s", time.perf_counter() - t0)

    def extractive(self, question: str, hits: list[Hit], filters: Filters | None = None) -> Answer:
        # A mission or document picked in the filters names the place the question does not.
        placed = bool(filters and (filters.missions or filters.doc_ids or filters.symbols))
        return extractive_answer(question, hits, self.settings, self.page_text, self.lexical.idf,
                                 self.sentence_embedder.embed_recent, placed=placed)

    def page_text(self, doc_id: str, page: int | None, scope: AccessScope | None = None) -> str:
        if scope is not None:
            self.document(doc_id, scope)
        return self.store.page_text(doc_id, page)

    # --- library -------------------------------------------------------------------------------------------
    def library(self, scope: AccessScope | None = None) -> list[DocInfo]:
        docs = [d for d in self.store.documents() if scope is None or scope.allows(d.collection)]
        self.store.fill_about(docs)  # the library shows, and the mission filter offers, what a record is about
        return docs

    def read_by_older(self, scope: AccessScope | None = None) -> list[str]:
        """Documents an earlier version of briefbot parsed and chunked (ingest.READER_VERSION): an ingest of their
        files reads them again with this one, whose quotes and paragraph numbers may differ."""
        from .ingest import READER_VERSION

        older = self.store.read_before(READER_VERSION)
        if not older:
            return []
        return sorted(d.doc_id for d in self.store.documents()
                      if d.doc_id in older and (scope is None or scope.allows(d.collection)))

    def failures(self, scope: AccessScope | None = None) -> list[dict[str, str]]:
        """Files that failed to ingest; they belong to no collection, so only a reader of everything sees them."""
        return self.store.failures() if scope is None or scope.everything else []

    def document(self, doc_id_or_symbol: str, scope: AccessScope | None = None) -> DocInfo:
        info = self.store.document(doc_id_or_symbol)
        if scope is not None and not scope.allows(info.collection):
            raise NotFoundError(f"no indexed document {doc_id_or_symbol!r}")  # as if absent: no existence leak
        return info

    def passages(self, doc_id: str, scope: AccessScope | None = None) -> list[Chunk]:
        """A document's passages as indexed (text, pages, paragraph labels), in order."""
        return self.store.chunks_of(self.document(doc_id, scope).doc_id)

    def collections(self, scope: AccessScope | None = None) -> dict[str, int]:
        """Documents per collection, for the collections ``scope`` reads (granted but empty ones included)."""
        counts = self.store.collection_counts()
        if scope is not None and scope.collections is not None:
            counts = {c: counts.get(c, 0) for c in sorted(scope.collections)}
        return counts

    def set_collection(self, doc_ids: list[str], collection: str, scope: AccessScope | None = None) -> Moved:
        """Move documents to ``collection``; a reader may move only what it reads, to a collection it reads."""
        target = self.writable_collection(collection, scope)
        ids = [self.document(d, scope).doc_id for d in doc_ids]
        return move_documents(self.store, self.audit, scope.label() if scope else None, ids, target)

    def writable_collection(self, collection: str, scope: AccessScope | None) -> str:
        target = check_collection(collection)
        if scope is not None and not scope.allows(target):
            raise BriefbotError(f"you have no access to the collection {target!r}",
                                "choose one of your collections, or ask an admin to grant it "
                                "(`briefbot users grant`)")
        return target

    def document_path(self, doc_id: str, scope: AccessScope | None = None) -> Path | None:
        """The file of an indexed document, only as the bytes that were indexed; None when it is gone.

        Served from a private copy (``<index>/<collection>/files/<sha256>/<name>``, made on first use from bytes
        whose SHA-256 matched the catalog), so a file changed, swapped or replaced by a link after ingest is never
        handed out: it raises DocumentMismatch instead. Bulk records have no file of their own (None).
        """
        info = self.document(doc_id, scope)
        indexed = self.store.indexed_file(info.doc_id)
        if indexed is None:
            return None
        path, sha = Path(indexed[0]), indexed[1]
        copy = self.store.file_copy_dir(sha) / path.name
        if copy.is_file():
            return copy
        if not os.path.lexists(path):
            return None
        return _private_copy(path, sha, copy, info.doc_id)

    def ingest(self, paths: list[Path], progress: Progress | None = None, replace: bool = False,
               collection: str | None = None, scope: AccessScope | None = None,
               background: bool = False) -> IngestReport:
        """Index files. A file never replaces an indexed document unless ``replace`` (logged); a file named like an
        indexed one becomes a new document. ``collection``: the access collection of what is ingested (a reader
        may ingest only into a collection it reads). ``background``: beside answers (a web app's upload): parse and
        embed in lower-priority processes (Settings.upload_nice); this process still writes."""
        target = self.writable_collection(collection, scope) if collection is not None else None
        if scope is not None and target is None and not scope.allows(None):
            raise BriefbotError("you have no access to the collection 'general'", "choose one of your collections")
        # One ingest at a time per process; readers keep working (SQLite WAL, catalog version checks).
        with self._ingest_lock, self._ingest_embedder(background) as (embedder, nice):
            report = ingest_paths(paths, self.settings, progress=progress, store=self.store, embedder=embedder,
                                  replace=replace, collection=target, nice=nice)
        if scope is not None:
            self.audit.record(scope.user, "upload", files=[Path(p).name for p in paths], collection=target,
                              documents=[r.doc_id for r in report.results if r.doc_id])
        return report

    def reingest(self, doc_id: str, scope: AccessScope | None = None,
                 progress: Progress | None = None, background: bool = False) -> IngestReport:
        """Parse and index a document again from the index's private copy of its file (after a parser change,
        or when its passages look wrong); it keeps its id, path and collection."""
        info = self.document(doc_id, scope)
        copy = self.document_path(info.doc_id, scope)
        indexed = self.store.indexed_file(info.doc_id)
        if copy is None or indexed is None:
            raise BriefbotError(f"{info.doc_id} has no file of its own to ingest again (a bulk record, or its file "
                                "is gone)", "ingest its source file again with `briefbot ingest --replace PATH`")
        with self._ingest_lock, self._ingest_embedder(background) as (embedder, nice):
            report = ingest_paths([copy], self.settings, progress=progress, store=self.store,
                                  embedder=embedder, reparse={copy: (info.doc_id, indexed[0])}, nice=nice)
        self.audit.record(scope.label() if scope else None, "reingest", documents=[info.doc_id],
                          status=[r.status for r in report.results])
        return report

    @contextmanager
    def _ingest_embedder(self, background: bool) -> Iterator[tuple[Embedder, int]]:
        """The embedder and parser niceness of one ingest: in the background, a niced worker process for the
        length of the ingest (embed_worker.py; it frees its memory afterwards), else this process's model."""
        nice = self.settings.upload_nice if background else 0
        if not nice:
            yield self.embedder, 0
            return
        from .embed_worker import WorkerEmbedder

        worker = WorkerEmbedder(self.embedder, nice)
        self.ingest_worker = worker  # who is embedding now (tests and the benchmark look at its process)
        try:
            yield worker, nice
        finally:
            self.ingest_worker = None
            worker.close()

    def remove(self, ids: list[str], scope: AccessScope | None = None) -> list[str]:
        """Drop documents (file name, id or symbol) under the index's writer lock; returns the removed ids. With a
        scope, only documents it reads."""
        if scope is not None:
            ids = [self.document(i, scope).doc_id for i in ids]  # only what this reader may see
        with self._ingest_lock:
            removed = remove_documents(ids, self.settings, store=self.store)
        if scope is not None:
            self.audit.record(scope.user, "remove", documents=removed)
        return removed

    # --- conversation history (briefbot.history: per-user, <index>/history.sqlite) -------------------------
    @property
    def history(self) -> History:
        """Saved conversations and permalinks. Opened lazily: a read-only index still answers questions."""
        if getattr(self, "_history", None) is None:
            self._history = History(IndexLayout(Path(self.settings.index)).history,
                                    may_read=lambda user, ids: self.may_read(ids, self.readable(user)),
                                    find_copy=lambda user, sha: self.same_bytes(sha, self.readable(user)),
                                    sha_of=self._sha_of)
        return self._history

    def _sha_of(self, doc_id: str) -> str | None:
        """The SHA-256 of an indexed document's bytes (None when it is not indexed, or was read before it was kept)."""
        try:
            return self.store.document(doc_id).sha256 or None
        except BriefbotError:  # not indexed (or a file name several documents share)
            return None

    def delete_conversation(self, viewer: Viewer, conversation: str) -> int:
        """Delete one of ``viewer``'s conversations (the web's "Delete this conversation"); returns how many answers
        went. Deleted means gone from this index's files: its questions' text is taken out of the audit log's
        "ask" events (each event stays, marked redacted) and the user's feedback on its answers is removed, unless
        another of their conversations still holds the same question (or answer). The audit log then records the
        deletion, without the text. NotFoundError for a conversation not theirs; HistoryUnavailable, with nothing
        deleted, when the audit log or the feedback file cannot be rewritten."""
        asked = self.history.asked(viewer)
        if conversation not in asked:
            raise NotFoundError(f"no conversation {conversation!r} in {viewer.user}'s history",
                                "pick one from the history list")
        others = [qa for cid, pairs in asked.items() if cid != conversation for qa in pairs]
        gone = set(asked[conversation]) - set(others)
        questions = {q for q, _ in gone} - {q for q, _ in others}
        try:
            redacted = self.audit.redact(viewer.user, questions, f"conversation {conversation} deleted")
            forgotten = forget_feedback(feedback_path(Path(self.settings.index)),
                                        owner_for(viewer.user if viewer.signed_in else None), gone)
        except OSError as exc:
            log.warning("deleting conversation %s: %s", conversation, exc)
            raise HistoryUnavailable(f"the conversation was not deleted: its questions could not be taken out of the "
                                     f"audit log or the feedback file ({exc})") from exc
        removed = self.history.delete(viewer, conversation)
        self.audit.record(viewer.user if viewer.signed_in else None, "delete_conversation",
                          conversation=conversation, answers=removed, redacted=redacted, feedback_removed=forgotten)
        return removed

    # --- summaries -----------------------------------------------------------------------------------------
    def summarise(self, info: DocInfo) -> Summary:
        """A cited summary of one indexed document, with the configured engine."""
        from .summarise import summarise_document
        from .taxonomy import load_taxonomy

        return summarise_document(self.store, info, self.settings, load_taxonomy(self.settings.themes_file))

    # --- mandate tracks (briefbot.mandates: built from the catalog, no embedding) ---------------------------
    def mandates(self) -> MandateIndex:
        if getattr(self, "_mandates", None) is None:
            from .mandates import open_mandates

            self._mandates = open_mandates(self.store, self.settings.themes_file, self.settings.tracks_file,
                                           today=self.settings.today)
        return self._mandates

    def _mandate_route(self, question: str, filters: Filters | None) -> Answer | None:
        """The tracker's answer to "since when / what changed / how many resolutions" questions; None otherwise,
        and None on any failure there, so such a question still gets an ordinary answer."""
        from .mandates.chat import looks_like_history, mandate_answer

        # "the UN peacekeeping mission in Mali" is the MINUSMA track; the reader's question is what the answer shows.
        worded = council_question(question)
        if (filters is not None and filters.active()) or not looks_like_history(worded):
            return None
        try:
            answer = mandate_answer(self.mandates(), worded)
            if answer is not None:
                answer.question = question
            return answer
        except Exception:  # the tracker must never break chat
            log.warning("mandate tracker could not answer %r; using retrieval", question[:80], exc_info=True)
            return None

    def mandate_track(self, name: str, themes: list[str] | None = None, year_from: int | None = None,
                      year_to: int | None = None, phrase: str | None = None,
                      scope: AccessScope | None = None) -> Track:
        self.check_mandate_access(scope)
        return self.mandates().track(name, themes, year_from, year_to, phrase)

    def mandate_trends(self, themes: list[str] | None = None, track: str | None = None,
                       scope: AccessScope | None = None) -> Trends:
        self.check_mandate_access(scope)
        return self.mandates().trends(themes, track)

    def check_mandate_access(self, scope: AccessScope | None) -> None:
        """The tracker quotes every indexed resolution: a reader for whom some are hidden is refused."""
        if scope is None or scope.collections is None:
            return
        if any(d.doc_type == "resolution" and not scope.allows(d.collection) for d in self.store.documents()):
            raise BriefbotError("the mandate tracker reads every indexed resolution, and some are in collections "
                                "you have no access to", "ask an admin for access, or move those resolutions "
                                "to a collection you share")


MAX_QUESTION_CHARS = 2000


def checked_question(question: str) -> str:
    """The question as briefbot reads it: markup stripped (it is not part of the question, and it changed the
    answer), resolutions written as the Council writes them ("res 2645" is "resolution 2645"). Refused, never
    cut, when it is empty or longer than MAX_QUESTION_CHARS: an answer to the first 2,000 characters of a pasted
    page would look like an answer to all of it."""
    text = question_as_read(plain_question(question or ""))
    if not text:
        raise BriefbotError("the question is empty", "type a question")
    if len(text) > MAX_QUESTION_CHARS:
        raise BriefbotError(f"the question is {len(text):,} characters long; briefbot reads questions of up to "
                            f"{MAX_QUESTION_CHARS:,}", "shorten it to what you want to know (to search a long text, "
                            "save it as a file and ingest it)")
    return text


def _nothing_beside(question: str, hits: list[Hit]) -> Answer:
    return Answer(question=question, answer="", abstained=True, citations=[], hits=hits)


def beside_tracker(routed: Answer, ordinary: Answer) -> Answer:
    """The mandate tracker's answer followed by the ordinary extractive one, as one answer: the tracker's citations
    keep their keys, the ordinary ones are numbered after them, and the passage list is the retrieved one (a
    tracker answer had none, so the chat showed no passages and retrieval scored it as a miss).

    When the tracker found nothing to cite, the ordinary answer stands, with the tracker's finding as a note."""
    if routed.abstained or not routed.citations:
        notes = [*routed.notes, routed.answer] if routed.answer else list(routed.notes)
        ordinary.notes = [*notes, *ordinary.notes]
        return ordinary
    offset = len(routed.citations)
    # A passage the tracker already quotes is not quoted again (the same paragraph as [1] and [4]).
    quoted = {_same_passage(c) for c in routed.citations}
    fresh = {c.key for c in ordinary.citations if _same_passage(c) not in quoted} if not ordinary.abstained else set()

    def keep(line: str) -> bool:
        # The ordinary answer's direct line ("**30 June 2018** [4]") answers its own reading of the question; the
        # tracker's lines answer it here. A line whose quote the tracker already gave goes with that quote.
        key = _KEY_AT_END.search(line)
        return not line.startswith("**") and (key is None or key.group(1) in fresh)

    kept = [line for line in ordinary.answer.splitlines() if keep(line)] if fresh else []
    cited = {k.group(1) for line in kept if (k := _KEY_AT_END.search(line))}
    shown = [c for c in ordinary.citations if c.key in cited]
    renumber = {c.key: str(offset + i) for i, c in enumerate(shown, start=1)}

    def rekey(text: str) -> str:
        # Every answer line and the currency note end or start with their citation key; quotes are not touched.
        return _KEY_AT_END.sub(lambda m: f"[{renumber.get(m.group(1), m.group(1))}]", text)

    text = routed.answer
    notes = list(routed.notes)
    if kept:
        text += "\n\nFrom the retrieved passages:\n" + "\n".join(rekey(line) for line in kept)
        notes += [_KEY_AT_START.sub(lambda m: f"[{renumber[m.group(1)]}]", n) for n in ordinary.notes
                  if (at := _KEY_AT_START.match(n)) is None or at.group(1) in renumber]
    citations = list(routed.citations) + [dataclasses.replace(c, key=renumber[c.key]) for c in shown]
    answer = Answer(question=routed.question, answer=text, abstained=False, citations=citations,
                    hits=ordinary.hits, engine="mandates", notes=notes)
    answer.timings_ms.update(ordinary.timings_ms)
    return answer


def _same_passage(c: Citation) -> tuple[str, str]:
    """What makes two citations the same passage: a resolution's paragraph by symbol (its PDF and its XML alike),
    else the document and the quote."""
    if c.paragraph and c.symbol:
        return c.symbol, c.paragraph
    return c.doc_id, c.quote


_KEY_AT_END = re.compile(r"\[(\d+)\]\s*$", re.M)
_KEY_AT_START = re.compile(r"^\[(\d+)\]")


def years_in_order(filters: Filters | None) -> tuple[Filters | None, str]:
    """``filters`` with a reversed year range (from 2025 to 2020) read as the range it spans, and the note saying
    so ("" when nothing was changed). Decided here once: the web's year boxes swapped it silently while the CLI
    searched an empty range and said no document fits; an analyst typing the bounds the other way round means the
    years between them, and is told how the range was read."""
    if filters is None or filters.year_from is None or filters.year_to is None or filters.year_from <= filters.year_to:
        return filters, ""
    y0, y1 = filters.year_to, filters.year_from
    note = f"Years read as {y0}-{y1}: the range was given from {y1} to {y0}."
    return dataclasses.replace(filters, year_from=y0, year_to=y1), note


def with_fallback(question: str, events: Iterator[StreamEvent],
                  extractive: Callable[[str, list[Hit]], Answer]) -> Iterator[StreamEvent]:
    """An engine's events, passed on until it says it is ``unavailable``; then the extractive answer over the hits
    it names, with its reason as the first note (none when there was nothing to answer from)."""
    streamed = False
    for event in events:
        if event.kind != "unavailable":
            streamed = streamed or event.kind == "token"
            yield event
            continue
        answer = extractive(question, event.hits or [])
        if event.text:
            note = f"{event.text}; showing the extractive answer"
            yield StreamEvent("note", text=note)
            answer.notes.insert(0, note)
            if streamed:  # set the extractive answer apart from the partial draft already shown
                yield StreamEvent("token", text="\n\n")
        yield from finished(answer)
        return


def _private_copy(path: Path, sha: str, copy: Path, doc_id: str) -> Path:
    """Copy ``path`` to ``copy`` if its bytes hash to ``sha``, reading through no symbolic link."""
    def mismatch(why: str) -> DocumentMismatch:
        log.warning("refused to serve %s for %s: %s", path, doc_id, why)
        return DocumentMismatch(f"the file of {doc_id} at {path} is not the file that was indexed ({why})")

    if os.path.realpath(path) != os.path.abspath(path):  # the path (or a folder on it) is a link now
        raise mismatch("it is now reached through a symbolic link")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise mismatch(f"cannot be opened: {exc.strerror}") from exc
    copy.parent.parent.mkdir(exist_ok=True, mode=0o700)  # only the server's user reads the copies
    copy.parent.mkdir(exist_ok=True, mode=0o700)
    part = copy.with_name(f".{copy.name}.{os.getpid()}.{threading.get_ident()}.part")
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "rb") as src:
            if not stat.S_ISREG(os.fstat(src.fileno()).st_mode):
                raise mismatch("it is not a regular file")
            out_fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(out_fd, "wb") as dst:
                for block in iter(lambda: src.read(1 << 20), b""):
                    digest.update(block)
                    dst.write(block)
        if digest.hexdigest() != sha:
            raise mismatch("its content changed")
        os.replace(part, copy)
    finally:
        part.unlink(missing_ok=True)
    return copy


_instances: dict[str, Briefbot] = {}
_instances_lock = threading.Lock()


def read_by_older_note(count: int, remedy: str = "ingest their files or folder again (briefbot ingest FOLDER)") -> str:
    """What the library says of documents an earlier version read (one wording; ``remedy``: how the CLI or the web
    reads them again)."""
    said = "1 document was" if count == 1 else f"{count:,} documents were"  # as the library's counts ("2,300")
    return (f"{said} read by an earlier version of briefbot, whose quotes and paragraph numbers may differ from this "
            f"one's. To read {'it' if count == 1 else 'them'} again: {remedy}.")


@dataclasses.dataclass(frozen=True)
class Moved:
    """What a move did: the documents moved to ``collection``, and those already in it (left as they were)."""

    collection: str
    moved: list[str]
    already: list[str]

    def message(self) -> str:
        """The outcome in one plain sentence, as the web and the CLI say it."""
        already = ", ".join(self.already)
        if not self.moved:
            verb = "is" if len(self.already) == 1 else "are"
            return f"{already} {verb} already in the collection {self.collection}: nothing changed."
        said = f"Moved {', '.join(self.moved)} to the collection {self.collection}."
        if self.already:
            said += f" {already} {'was' if len(self.already) == 1 else 'were'} already in it (unchanged)."
        return said


def move_documents(store: Store, audit: AuditLog, user: str | None, ids: list[str], target: str) -> Moved:
    """Move the documents ``ids`` (resolved, and allowed to ``user``) to the collection ``target``: the one place
    that decides, for the web (``Briefbot.set_collection``) and the CLI (``briefbot collections set``, which opens
    only the catalog). A document already there is left alone, and a move that changed nothing is not audited."""
    moved = store.set_collection(ids, target)
    if moved:
        audit.record(user, "move", documents=moved, collection=target)
    return Moved(target, moved, [i for i in dict.fromkeys(ids) if i not in moved])


def open_briefbot(settings: Settings, create: bool = False) -> Briefbot:
    """One Briefbot per index directory in a process."""
    key = f"{Path(settings.index).resolve()}|{settings.collection_name()}|{settings.chroma_host}"
    with _instances_lock:
        if key not in _instances:
            _instances[key] = Briefbot(settings, create=create)
        return _instances[key]


def _line_terms(parts: list[tuple[str, str]], answer: Answer) -> list[tuple[datetime.date, str, str]]:
    """The spans of a direct line that are terms, in order: a date, or a period from a renewal's adoption ("Which
    resolution last renewed …, and until when?" leads with the resolution, then its date); (its end, how the note
    says it, its key). A line may give two ("**31 July 2026** [1]; **31 August 2026** [1]": the measures' and the
    Panel's)."""
    out = []
    for span, key in parts:
        # "31 July 2026", and the American "July 15, 2026" some resolutions print (the Red Sea series, 2812 (2026)).
        day = next((d for f in ("%d %B %Y", "%B %d, %Y", "%B %d %Y") if (d := _parsed(span, f)) is not None), None)
        if day is not None:
            out.append((day, span, key))
            continue
        # "one year from the date of adoption of this resolution": the day it ends, counted from the adoption.
        # Only a renewal's: a relative term is most often the founding resolution's ("Decides to authorise, for a
        # period of one year from the date of the adoption of this resolution", 2240 (2015)), whose renewals the
        # answer may not have reached (a second reader).
        cited = next((c for c in answer.citations if c.key == key), None)
        if cited is not None and re.search(r"\b(?:renew|extend|prolong)", cited.quote) \
                and (end := term_end(span, cited)) is not None:
            out.append((datetime.date.fromisoformat(end), f"Its term ({long_date(end)})", key))
    return out


def _parsed(span: str, form: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(span, form).date()
    except ValueError:
        return None


def lapsed_term(question: str, answer: Answer, on: datetime.date, filtered: bool = False) -> str | None:
    """A note when the term an until-when answer leads with is already past: "31 July 2026" answered on 5 December
    2026 is the latest renewal the documents hold, not a measure still in force (a browser walk: "Is the CAR arms
    embargo still in force, and until when?" said nothing of it). Not when the question names a document or a year:
    it then asks about that decision, not the current term. ``filtered``: only the documents fitting the reader's
    filters were searched, and a later decision may be outside them (a browser walk: the Libya Panel's "15 May
    2026" under "2025 to 2025" was said to have no later decision, while 2819 (2026) extends it)."""
    refs = parse_references(question)
    # A resolution named as where the measures come from ("the Yemen asset freeze … under resolution 2140") asks
    # about the term running now, as a browser walk found: the note was left out.
    if (refs.named_any and not asks_current_term(question)) or question_years(question) \
            or not asks_term_now(question):
        return None
    found = _line_terms(direct_line_parts(answer.answer.split("\n", 1)[0]) or [], answer)
    # A term counted from the adoption is dated by a note already ("… its term runs from that day, to 29 September
    # 2024."): "That term" says it once (a browser walk read the date twice).
    passed = [("That term" if said.startswith("Its term (") and any(
                   n.startswith(f"[{key}] ") and f"to {said[len('Its term ('):-1]}." in n for n in answer.notes)
               else said, key) for until, said, key in found if until < on]
    if not passed:
        return None
    where = "among the documents fitting the filters: widen them, or" if filtered else \
        "in the indexed documents:"
    keys = "".join(dict.fromkeys(f"[{key}]" for _, key in passed))
    # Two terms each dated by its own note ("That term and That term have passed", a term question on the measures
    # and the Panel): "Both terms".
    said = "Both terms" if len(passed) == 2 and all(s == "That term" for s, _ in passed) else \
        " and ".join(s for s, _ in passed)
    them = "them" if len(passed) > 1 else "it"
    return (f"{keys} {said} {'have' if len(passed) > 1 else 'has'} passed (today is {long_date(on.isoformat())}), "
            f"and no later decision on {them} was found {where} check whether the Council has renewed {them} since.")
