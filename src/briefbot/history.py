"""Conversation history: each user's questions and answers in ``<index>/history.sqlite`` (``IndexLayout.history``),
reopened later, exported as Markdown or JSON, and each answer reachable by a permalink token.

The user is whoever the front end says (a signed-in name, or :data:`LOCAL_USER` on loopback without sign-in).
Who may open a permalink is decided in one place, :func:`may_open_cited`. Answers are stored whole (citations with
their offsets, the passages behind them), so a reopened answer shows the same cards and page highlights.

Its own SQLite file, apart from the catalog: history is per-user state, not part of what the index means, and a
read-only or full index folder must not stop anyone from asking (callers get :class:`HistoryUnavailable`).
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import HistoryUnavailable, NotFoundError
from .export import answer_markdown
from .mdtext import md_safe
from .models import Answer, Chunk, Citation, DocInfo, Hit, Span, clip
from .sqlitewal import use_wal

log = logging.getLogger(__name__)

LOCAL_USER = "local"  # everyone on a loopback server without sign-in is this one user
# 2: answers.cited, the documents an answer quotes (what decides whether it is shown); 3: each with the SHA-256 of
# its bytes where the catalog gives it, not only where a kept passage does (set only by a History given sha_of)
_SCHEMA = 3
_TITLE_CHARS = 120


# --- who is asking -----------------------------------------------------------------------------------------
@dataclass(slots=True, frozen=True)
class Viewer:
    """Who is using the front end: ``user`` keys their history; ``signed_in`` and ``loopback`` (the server listens
    on this machine only) are what access decisions look at."""

    user: str
    signed_in: bool
    loopback: bool


def viewer_for(username: str | None, loopback: bool) -> Viewer:
    """The viewer behind a request: the signed-in name, else the loopback server's one local user."""
    if username:
        return Viewer(user=username, signed_in=True, loopback=loopback)
    return Viewer(user=LOCAL_USER, signed_in=False, loopback=loopback)


# --- stored records ----------------------------------------------------------------------------------------
@dataclass(slots=True)
class SavedAnswer:
    """One answer as kept: ``token`` is its permalink (unguessable), ``doc_ids`` every document whose text it
    shows (cited, or among the passages kept with it; as read back, those the viewer may read)."""

    token: str
    conversation: str
    user: str
    seq: int
    asked_at: str
    doc_ids: list[str]
    answer: Answer
    # The SHA-256 of each cited document's bytes, as saved: a document cited without a kept passage (the mandate
    # tracker's) is found again by it when indexed anew under another id.
    shas: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Conversation:
    """A conversation as its owner may see it now: ``questions`` those of the answers shown, ``withheld`` how
    many more there are (their cited documents removed, or no longer readable), ``title`` its first shown
    question (so the list agrees with the conversation it opens)."""

    id: str
    user: str
    title: str
    created: str
    updated: str
    questions: list[str]
    withheld: int = 0


# Why a conversation shows fewer answers than were asked: the chat and the exports say it alike.
WITHHELD = ("{n} answer(s) of this conversation are not shown: they cite documents that were removed from the index "
            "or that you may no longer read.")
ReadCheck = Callable[[str | None, list[str]], bool]  # (signed-in user or None, doc_ids) -> may read them all
# (signed-in user or None, SHA-256 of a document's bytes) -> an indexed document with those bytes that user reads
FindCopy = Callable[[str | None, str], DocInfo | None]
ShaOf = Callable[[str], str | None]  # doc_id -> the SHA-256 of its bytes, while it is indexed


def may_open_answer(viewer: Viewer, saved: SavedAnswer, may_read: ReadCheck | None = None) -> bool:
    """Whether ``viewer`` may open ``saved`` by its permalink or in their history: :func:`may_open_cited` over the
    documents it cites."""
    return may_open_cited(viewer, [c.doc_id for c in saved.answer.citations], may_read)


def may_open_cited(viewer: Viewer, cited: list[str], may_read: ReadCheck | None = None) -> bool:
    """THE decision whether ``viewer`` may open an answer citing the documents ``cited``, by its permalink (the
    owner reopening their own history goes through the same check): someone signed in to this server, or anyone on
    a loopback-only server, who may read every document the answer cites (``may_read``, the service's
    per-collection access; access withdrawn later withholds the answer again). Its quotes are those documents'
    text. The passages kept beside it are shown only where the viewer may read them (:func:`readable_part`): a
    passage of another document, removed or out of reach, does not take the whole answer away."""
    if not (viewer.signed_in or viewer.loopback):
        return False
    return may_read is None or may_read(_reader(viewer), cited)


def readable_part(viewer: Viewer, saved: SavedAnswer, may_read: ReadCheck | None = None) -> SavedAnswer:
    """``saved`` as ``viewer`` may see it: the kept passages of documents they may not read left out (an
    abstention shows them as its closest passages, the JSON export as its passages)."""
    if may_read is None:
        return saved
    reader = _reader(viewer)
    hits = [h for h in saved.answer.hits if may_read(reader, [h.doc.doc_id])]
    if len(hits) == len(saved.answer.hits):
        return saved
    answer = replace(saved.answer, hits=hits)
    return replace(saved, answer=answer, doc_ids=cited_doc_ids(answer))


def _reader(viewer: Viewer) -> str | None:
    return viewer.user if viewer.signed_in else None


def cited_doc_ids(answer: Answer) -> list[str]:
    """Every document whose text the answer shows: its citations' documents, then the kept passages' documents."""
    ids = [c.doc_id for c in answer.citations] + [h.doc.doc_id for h in answer.hits]
    return list(dict.fromkeys(ids))


def relinked(answer: Answer, user: str | None, may_read: ReadCheck, find_copy: FindCopy,
             saved_shas: dict[str, str] | None = None) -> Answer:
    """``answer`` with each document no longer readable under its id, but indexed again from the same bytes
    (removed, then uploaded under another name) and readable by ``user``, named by its new id: the same bytes are
    the same text, pages and offsets, so its quotes and page views hold. A document's bytes are known from the
    passages kept with the answer, or for one cited without a passage kept, from ``saved_shas`` (as saved)."""
    shas = {**(saved_shas or {}), **{h.doc.doc_id: h.doc.sha256 for h in answer.hits if h.doc.sha256}}
    found: dict[str, DocInfo] = {}
    for doc_id in cited_doc_ids(answer):
        if doc_id in shas and not may_read(user, [doc_id]) and (copy := find_copy(user, shas[doc_id])) is not None:
            found[doc_id] = copy
    if not found:
        return answer
    return replace(answer,
                   citations=[replace(c, doc_id=found[c.doc_id].doc_id, document=found[c.doc_id].file_name)
                              if c.doc_id in found else c for c in answer.citations],
                   hits=[replace(h, doc=found[h.doc.doc_id]) if h.doc.doc_id in found else h for h in answer.hits])


# --- the answer as JSON, whole --------------------------------------------------------------------------------
def _make(cls: Any, data: dict[str, Any], **given: Any) -> Any:
    """``cls`` from a stored dict, ignoring fields a later or earlier version added (so old rows still load)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names and k not in given}, **given)


def answer_to_json(answer: Answer) -> str:
    # The JSON of ``asdict(answer)``, without the copy: json meets each dataclass (hits, their chunks, spans and
    # catalog rows) and takes its fields as they are (asdict deep-copied every value first, 2.5 times the cost).
    return json.dumps(answer, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    return sorted(value) if isinstance(value, set | frozenset) else str(value)


def answer_from_json(text: str) -> Answer:
    d = json.loads(text)
    citations = [_make(Citation, c, parts=[(p, q) for p, q in c.get("parts") or []]) for c in d["citations"]]
    hits = [_make(Hit, h, chunk=_make(Chunk, h["chunk"], spans=[_make(Span, s) for s in h["chunk"]["spans"]]),
                  doc=_make(DocInfo, h["doc"]), series_places=frozenset(h.get("series_places") or ()),
                  continues=frozenset(h.get("continues") or ()))
            for h in d["hits"]]
    return _make(Answer, d, citations=citations, hits=hits)


# --- the store -----------------------------------------------------------------------------------------------
class History:
    """Per-user conversations in one SQLite file. Nothing touches the disk until first used, so an index folder
    that cannot be written still serves questions; every storage failure is a :class:`HistoryUnavailable`."""

    def __init__(self, path: Path, may_read: ReadCheck | None = None, find_copy: FindCopy | None = None,
                 sha_of: ShaOf | None = None) -> None:
        self.path = Path(path)
        self.may_read = may_read
        self.find_copy = find_copy
        self.sha_of = sha_of
        self._ready = False
        self._lock = threading.Lock()

    # --- connection -------------------------------------------------------------------------------------------
    def _fail(self, doing: str, exc: BaseException) -> HistoryUnavailable:
        log.warning("history %s at %s failed: %s", doing, self.path, exc)
        return HistoryUnavailable(f"conversation history could not be {doing} ({self.path}: {exc})")

    @contextmanager
    def _db(self, doing: str) -> Iterator[sqlite3.Connection]:
        try:
            conn = self._open()
        except (sqlite3.Error, OSError) as exc:
            raise self._fail(doing, exc) from exc
        try:
            with conn:  # one transaction: all of a write or none of it
                yield conn
        except (sqlite3.Error, OSError) as exc:
            raise self._fail(doing, exc) from exc
        finally:
            conn.close()

    def _open(self) -> sqlite3.Connection:
        if not self._ready:
            with self._lock:
                if not self.path.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    # Private from the start: questions are personal (SQLite gives its -wal/-shm files this mode).
                    os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        conn = sqlite3.connect(self.path, timeout=30)
        try:
            self._prepare(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA busy_timeout = 30000")
        if not self._ready:
            with self._lock:
                use_wal(conn)  # readers (other sessions) never wait for a writer
                with conn:
                    conn.executescript("""
                        CREATE TABLE IF NOT EXISTS conversations (
                            id TEXT PRIMARY KEY, user TEXT NOT NULL, title TEXT NOT NULL,
                            created TEXT NOT NULL, updated TEXT NOT NULL);
                        CREATE INDEX IF NOT EXISTS conversations_user ON conversations (user, updated);
                        CREATE TABLE IF NOT EXISTS answers (
                            token TEXT PRIMARY KEY,
                            conversation TEXT NOT NULL REFERENCES conversations (id),
                            user TEXT NOT NULL, seq INTEGER NOT NULL, question TEXT NOT NULL,
                            asked_at TEXT NOT NULL, doc_ids TEXT NOT NULL, answer TEXT NOT NULL, cited TEXT);
                        CREATE INDEX IF NOT EXISTS answers_conversation ON answers (conversation, seq);
                    """)
                    version = conn.execute("PRAGMA user_version").fetchone()[0]
                    if version < 2:
                        _add_cited(conn)
                    if version < 3 and self.sha_of is not None:
                        _add_shas(conn, self.sha_of)
                    conn.execute(f"PRAGMA user_version = {_SCHEMA if self.sha_of is not None else max(version, 2)}")
                self._ready = True

    # --- writing ----------------------------------------------------------------------------------------------
    def save(self, viewer: Viewer, conversation: str | None, answer: Answer,
             now: datetime | None = None) -> SavedAnswer:
        """Keep ``answer`` at the end of ``viewer``'s ``conversation`` (a new one when None) with a permalink token.

        Raises NotFoundError for a conversation that is not theirs, HistoryUnavailable when it cannot be written
        (nothing is half-written)."""
        user = viewer.user
        stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
        token = secrets.token_urlsafe(18)  # 144 random bits: a permalink cannot be guessed
        doc_ids = cited_doc_ids(answer)
        cited = _cited(answer, self.sha_of)
        with self._db("saved") as db:
            if conversation is None:
                conversation = secrets.token_urlsafe(12)
                title = clip(" ".join(answer.question.split()), _TITLE_CHARS) or "Question"
                db.execute("INSERT INTO conversations VALUES (?, ?, ?, ?, ?)",
                           (conversation, user, title, stamp, stamp))
            elif not db.execute("UPDATE conversations SET updated = ? WHERE id = ? AND user = ?",
                                (stamp, conversation, user)).rowcount:
                raise NotFoundError(f"no conversation {conversation!r} in {user}'s history",
                                    "start a new conversation")
            seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM answers WHERE conversation = ?",
                             (conversation,)).fetchone()[0]
            db.execute("INSERT INTO answers (token, conversation, user, seq, question, asked_at, doc_ids, answer, "
                       "cited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (token, conversation, user, seq, answer.question, stamp, json.dumps(doc_ids),
                        answer_to_json(answer), json.dumps(cited)))
        return SavedAnswer(token, conversation, user, seq, stamp, doc_ids, answer, {d: h for d, h in cited if h})

    def delete(self, viewer: Viewer, conversation: str) -> int:
        """Remove one of ``viewer``'s conversations with its answers (their permalinks open no more); returns how
        many answers went. NotFoundError for a conversation that is not theirs (nothing is removed).

        Questions can be sensitive: the freed pages are overwritten and the write-ahead log emptied, so the text
        does not linger in the file."""
        user = viewer.user
        with self._db("deleted") as db:
            db.execute("PRAGMA secure_delete = ON")
            if not db.execute("SELECT 1 FROM conversations WHERE id = ? AND user = ?",
                              (conversation, user)).fetchone():
                raise NotFoundError(f"no conversation {conversation!r} in {user}'s history",
                                    "pick one from the history list")
            removed = int(db.execute("DELETE FROM answers WHERE conversation = ?", (conversation,)).rowcount)
            db.execute("DELETE FROM conversations WHERE id = ?", (conversation,))
        with self._db("deleted") as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # outside the transaction: the deletion is committed
        log.info("history: conversation %s of %s deleted (%d answers)", conversation, user, removed)
        return removed

    # --- reading ----------------------------------------------------------------------------------------------
    def asked(self, viewer: Viewer) -> dict[str, list[tuple[str, str]]]:
        """Every conversation of ``viewer`` with the (question, answer text) of each of its answers, withheld ones
        too: what the audit log and the feedback file may repeat of it, read before a deletion."""
        if not self.path.exists():
            return {}
        out: dict[str, list[tuple[str, str]]] = {}
        with self._db("read") as db:
            for (cid,) in db.execute("SELECT id FROM conversations WHERE user = ?", (viewer.user,)):
                out[cid] = []
            for cid, question, text in db.execute(
                    "SELECT a.conversation, a.question, a.answer FROM answers a JOIN conversations c "
                    "ON c.id = a.conversation WHERE c.user = ? ORDER BY a.conversation, a.seq", (viewer.user,)):
                try:
                    said = str(json.loads(text).get("answer") or "")
                except (ValueError, AttributeError):
                    said = ""  # unreadable here: its question still counts
                out[cid].append((question, said))
        return out

    def conversations(self, viewer: Viewer, limit: int = 200) -> list[Conversation]:
        """``viewer``'s conversations, most recently continued first, each with the questions of the answers
        :func:`may_open_answer` lets them open, in order (and how many others there are)."""
        user = viewer.user
        if not self.path.exists():
            return []
        with self._db("read") as db:
            rows: list[tuple[str, str, str, str, str]] = db.execute(
                "SELECT id, user, title, created, updated FROM conversations WHERE user = ? "
                              "ORDER BY updated DESC, rowid DESC LIMIT ?", (user, limit)).fetchall()
            # One query for all their questions (the list is re-read after every answer the web app saves).
            asked: dict[str, list[tuple[str, list[list[str | None]]]]] = {row[0]: [] for row in rows}
            ids = list(asked)
            for i in range(0, len(ids), 900):  # within SQLite's limit on bound values
                part = ids[i:i + 900]
                for cid, question, cited in db.execute(
                        f"SELECT conversation, question, cited FROM answers WHERE conversation IN "
                        f"({','.join('?' * len(part))}) ORDER BY conversation, seq", part):
                    asked[cid].append((question, json.loads(cited or "[]")))
        readable = self._readable(viewer)
        out = []
        for cid, owner, title, created, updated in rows:
            shown = [q for q, cited in asked[cid]
                     if may_open_cited(viewer, [str(d) for d, _ in cited], readable(cited))]
            if shown:  # its first shown question (one withheld, the next), cut as every label is
                title = clip(" ".join(shown[0].split()), _TITLE_CHARS)
            out.append(Conversation(cid, owner, title, created, updated, shown, len(asked[cid]) - len(shown)))
        return out

    def _readable(self, viewer: Viewer) -> Callable[[list[list[str | None]]], ReadCheck | None]:
        """For :meth:`conversations`: the read check of an answer from its stored ``cited`` ([doc_id, sha256 or
        None] each), as :meth:`opened` reads the answer (a document indexed again from the same bytes reads as
        itself, :func:`relinked`); each document is looked up once per call."""
        if self.may_read is None:
            return lambda _cited: None
        may_read, find_copy = self.may_read, self.find_copy
        known: dict[tuple[str, str | None], bool] = {}

        def one(user: str | None, doc_id: str, sha: str | None) -> bool:
            if (doc_id, sha) not in known:
                known[doc_id, sha] = may_read(user, [doc_id]) or (
                    sha is not None and find_copy is not None and find_copy(user, sha) is not None)
            return known[doc_id, sha]

        def check(cited: list[list[str | None]]) -> ReadCheck:
            shas = {str(d): s for d, s in cited}
            return lambda user, doc_ids: all(one(user, d, shas.get(d)) for d in doc_ids)

        return check

    def answers(self, viewer: Viewer, conversation: str) -> list[SavedAnswer]:
        """The answers of one of ``viewer``'s conversations, in the order asked (NotFoundError for anyone else's).

        Only those :func:`may_open_answer` allows: an owner whose access changed does not read through history
        what they could no longer open (the rest are left out, and logged)."""
        return self.opened(viewer, conversation)[0]

    def opened(self, viewer: Viewer, conversation: str) -> tuple[list[SavedAnswer], int]:
        """:meth:`answers`, and how many were withheld (their documents removed, or no longer readable by
        ``viewer``), so a reopened conversation can say why it is shorter than its list of questions."""
        user = viewer.user
        with self._db("read") as db:
            if not db.execute("SELECT 1 FROM conversations WHERE id = ? AND user = ?",
                              (conversation, user)).fetchone():
                raise NotFoundError(f"no conversation {conversation!r} in {user}'s history",
                                    "pick one from the history list")
            rows = db.execute(f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE conversation = ? ORDER BY seq",
                              (conversation,)).fetchall()
        may_read = self._once()
        saved = [self._as_read(viewer, _saved(row), may_read) for row in rows]
        allowed = [readable_part(viewer, s, may_read) for s in saved if may_open_answer(viewer, s, may_read)]
        if len(allowed) < len(saved):
            log.info("history: %d answer(s) of %s withheld from %s", len(saved) - len(allowed), conversation, user)
        return allowed, len(saved) - len(allowed)

    def _once(self) -> ReadCheck | None:
        """:attr:`may_read`, each document looked up once per call of this (a conversation's answers and their
        passages name the same few documents many times)."""
        if self.may_read is None:
            return None
        may_read, known = self.may_read, dict[tuple[str | None, str], bool]()

        def check(user: str | None, doc_ids: list[str]) -> bool:
            for d in doc_ids:
                if (user, d) not in known:
                    known[user, d] = may_read(user, [d])
            return all(known[user, d] for d in doc_ids)

        return check

    def _as_read(self, viewer: Viewer, saved: SavedAnswer, may_read: ReadCheck | None) -> SavedAnswer:
        """``saved`` with its documents indexed again from the same bytes named by their new ids (:func:`relinked`)."""
        if may_read is None or self.find_copy is None:
            return saved
        answer = relinked(saved.answer, _reader(viewer), may_read, self.find_copy, saved.shas)
        return saved if answer is saved.answer else replace(saved, answer=answer, doc_ids=cited_doc_ids(answer))

    def open_permalink(self, viewer: Viewer, token: str) -> SavedAnswer:
        """The answer behind a permalink, if :func:`may_open_answer` lets ``viewer`` open it. A token that does
        not exist and one the viewer may not open get the same NotFoundError, so tokens cannot be probed."""
        missing = NotFoundError("no answer at this link, or not one you may open",
                                "ask whoever shared it to check the link, or to share it with you")
        if not token or len(token) > 64 or not re.fullmatch(r"[A-Za-z0-9_-]+", token) or not self.path.exists():
            raise missing
        with self._db("read") as db:
            row = db.execute(f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE token = ?", (token,)).fetchone()
        if row is None:
            raise missing
        may_read = self._once()
        saved = self._as_read(viewer, _saved(row), may_read)
        if not may_open_answer(viewer, saved, may_read):
            raise missing
        return readable_part(viewer, saved, may_read)

    # --- exports ----------------------------------------------------------------------------------------------
    def export(self, viewer: Viewer) -> list[tuple[Conversation, list[SavedAnswer], int]]:
        """Every conversation of ``viewer`` with the answers they may open and how many were withheld."""
        return [(c, *self.opened(viewer, c.id)) for c in self.conversations(viewer, limit=1_000_000)]

    def export_json(self, viewer: Viewer, now: datetime | None = None) -> str:
        """All of ``viewer``'s history: conversations, and per answer the API's answer fields plus its token."""
        data = {"user": viewer.user, "exported_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
                "conversations": [{"id": c.id, "title": c.title, "created": c.created, "updated": c.updated,
                                   "answers": [{"token": s.token, "asked_at": s.asked_at, "doc_ids": s.doc_ids,
                                                **s.answer.to_dict()} for s in answers], "withheld": withheld}
                                  for c, answers, withheld in self.export(viewer)]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def export_markdown(self, viewer: Viewer, now: datetime | None = None) -> str:
        """All of ``viewer``'s history as one Markdown brief: a section per conversation, each answer as the
        single-answer export writes it (headings moved two levels down)."""
        stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
        out = [f"# briefbot conversations of {viewer.user}", "", f"_exported {stamp}_", ""]
        for c, answers, withheld in self.export(viewer):
            # The title is the user's text as typed: shown, never run.
            out += [f"## {md_safe(c.title)}", "", f"_{c.created} – {c.updated}, {len(answers)} question(s)_", ""]
            if withheld:
                # As the reopened conversation says: an export shorter than the list of questions says why.
                out += [f"_{WITHHELD.format(n=withheld)}_", ""]
            for s in answers:
                md = answer_markdown(s.answer, now=datetime.fromisoformat(s.asked_at))
                out += [re.sub(r"(?m)^(#{1,4}) ", r"##\1 ", md).rstrip(), "", f"_Permalink token: {s.token}_", ""]
        return "\n".join(out).rstrip() + "\n"


_ANSWER_COLUMNS = "token, conversation, user, seq, asked_at, doc_ids, answer, cited"


def _cited(answer: Answer, sha_of: ShaOf | None = None) -> list[tuple[str, str | None]]:
    """The documents ``answer`` cites, each with the SHA-256 of its bytes where a kept passage gives it, else
    where ``sha_of`` (the catalog, while the document is indexed) does."""
    shas = {h.doc.doc_id: h.doc.sha256 for h in answer.hits if h.doc.sha256}
    return [(d, shas.get(d) or (sha_of(d) if sha_of else None))
            for d in dict.fromkeys(c.doc_id for c in answer.citations)]


def _add_cited(conn: sqlite3.Connection) -> None:
    """Schema 1 to 2: the cited documents of every answer kept, read once from the answer itself."""
    if "cited" not in {row[1] for row in conn.execute("PRAGMA table_info(answers)")}:
        try:
            conn.execute("ALTER TABLE answers ADD COLUMN cited TEXT")
        except sqlite3.OperationalError as exc:  # another process added it first
            if "duplicate column" not in str(exc):
                raise
    rows = conn.execute("SELECT token, answer FROM answers WHERE cited IS NULL").fetchall()
    for token, text in rows:
        try:
            cited = _cited(answer_from_json(text))
        except (ValueError, KeyError, TypeError):
            continue  # read (and reported) when the answer itself is read
        conn.execute("UPDATE answers SET cited = ? WHERE token = ?", (json.dumps(cited), token))


def _add_shas(conn: sqlite3.Connection, sha_of: ShaOf) -> None:
    """Schema 2 to 3: the bytes of each cited document still indexed kept where no passage gave them, so an answer
    saved before (a mandate-tracker answer keeps no passages) relinks once its document is removed and indexed
    again (:func:`relinked`). One removed already cannot be told any more."""
    known: dict[str, str | None] = {}
    for token, text in conn.execute("SELECT token, cited FROM answers WHERE cited LIKE '%null]%'").fetchall():
        try:
            cited = [(str(d), h) for d, h in json.loads(text)]
        except (ValueError, TypeError):
            continue
        for d, h in cited:
            if h is None and d not in known:
                known[d] = sha_of(d)
        filled = [(d, h or known.get(d)) for d, h in cited]
        if filled != cited:
            conn.execute("UPDATE answers SET cited = ? WHERE token = ?", (json.dumps(filled), token))


def _saved(row: tuple[Any, ...]) -> SavedAnswer:
    token, conversation, user, seq, asked_at, doc_ids, answer, cited = row
    try:
        shas = {str(d): str(h) for d, h in json.loads(cited or "[]") if h}
        return SavedAnswer(token, conversation, user, seq, asked_at, json.loads(doc_ids), answer_from_json(answer),
                           shas)
    except (ValueError, KeyError, TypeError) as exc:  # a row this version cannot read: say which, skip nothing
        raise HistoryUnavailable(f"the saved answer {token!r} could not be read ({type(exc).__name__}: {exc})",
                                 "it may come from another briefbot version; export the history with that "
                                 "version") from exc
