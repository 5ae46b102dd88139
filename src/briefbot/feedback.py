"""Analyst feedback on answers: one JSON object per line in ``<index>/feedback.jsonl``, exportable as JSONL or CSV.

Each record names its owner (a signed-in user, or the local user of a loopback server without sign-in); a user
reads and exports only their own, except the feedback readers the settings name.

The file is append-only, an audit trail of every vote given. Readers count one vote per answer and owner, the
latest (:func:`latest_votes`): "Helpful" then "Not helpful" on one answer is a change of mind, not two votes.

Pure functions over files; the web app calls them, nothing here knows about Gradio.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from .audit import appending, rewrite
from .layout import IndexLayout
from .models import Answer, analysis_name, reference

log = logging.getLogger(__name__)

Rating = Literal["up", "down"]
# What each rating is called wherever it is shown: the web's buttons, its Feedback table and what it says after a vote
# (the table said "up"/"down" beside buttons saying "Helpful"/"Not helpful"). The file and the exports keep the
# stored "up"/"down".
RATING_LABELS: dict[str, str] = {"up": "Helpful", "down": "Not helpful"}
CSV_COLUMNS = ("timestamp", "rating", "comment", "question", "answer", "abstained", "engine", "citations",
               "citations_json")

# Who gives feedback on a loopback server without sign-in: its one local user, as for the conversation history
# (feedback kept per browser session was gone from view after a reload).
LOCAL_OWNER = "local"

# Appends from several sessions of one server must not interleave within a line.
_write_lock = threading.Lock()


def owner_for(user: str | None) -> str:
    """The owner of feedback given by ``user`` signed in, or (None) by the local user of a loopback server."""
    return f"user:{user}" if user else LOCAL_OWNER


def rating_label(rating: Any) -> str:
    """The name a stored rating is shown under (:data:`RATING_LABELS`); anything else as it is."""
    return RATING_LABELS.get(str(rating), "" if rating is None else str(rating))


def feedback_path(index: Path) -> Path:
    return IndexLayout(Path(index)).feedback


def make_record(answer: Answer, rating: Rating, comment: str = "", now: datetime | None = None,
                owner: str | None = None) -> dict[str, Any]:
    """The stored form of one piece of feedback; citations keep symbol, page, paragraph and quote."""
    if rating not in ("up", "down"):
        raise ValueError(f"rating must be 'up' or 'down', not {rating!r}")
    return {
        "timestamp": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "question": answer.question,
        "answer": answer.answer,
        "abstained": answer.abstained,
        "engine": answer.engine,
        "citations": [c.to_dict() for c in answer.citations],
        "rating": rating,
        "comment": comment.strip(),
        "owner": owner,
    }


def append_feedback(path: Path, record: dict[str, Any]) -> None:
    line = json.dumps(record, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Private, as the history and the audit log are: questions and comments are personal (a file an older version
    # created world-readable is made private too).
    with _write_lock, appending(path) as fd:
        os.fchmod(fd, 0o600)
        os.write(fd, line.encode("utf-8"))


def read_feedback(path: Path) -> list[dict[str, Any]]:
    """All records; a damaged line (e.g. a crash mid-write) is skipped, not fatal."""
    if not path.is_file():
        return []
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            log.warning("skipping unreadable feedback line %d in %s", n, path)
            continue
        if isinstance(item, dict):
            records.append(item)
    return records


def answer_key(record: dict[str, Any]) -> str:
    """Which answer a record is about: its question and answer text, stored in every record since the first
    version, so records written before this key existed are matched too."""
    about = json.dumps([record.get("question") or "", record.get("answer") or ""], ensure_ascii=False)
    return hashlib.sha256(about.encode("utf-8")).hexdigest()


def latest_votes(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The last record per answer and owner, in file order: what every reader counts. Earlier votes stay in the
    file (append-only: who said what, when) but a change of mind must not count both ways. Records written before
    owners were kept share one owner (None): their latest per answer stands for them.

    A latest vote without a comment keeps the comment of the owner's latest earlier vote on that answer: changing
    "Not helpful" to "Helpful" is a change of rating, not a withdrawal of the note (votes written before the web app
    carried the comment over itself would otherwise lose it in every reader)."""
    records = list(records)
    last: dict[tuple[Any, str], int] = {}
    said: dict[tuple[Any, str], str] = {}
    for i, r in enumerate(records):
        key = (r.get("owner"), answer_key(r))
        last[key] = i
        if str(r.get("comment") or "").strip():
            said[key] = str(r["comment"])
    kept = {i: key for key, i in last.items()}
    out = []
    for i, r in enumerate(records):
        if i not in kept:
            continue
        comment = said.get(kept[i], "")
        out.append(r if str(r.get("comment") or "").strip() or not comment else {**r, "comment": comment})
    return out


def earlier_vote(records: Iterable[dict[str, Any]], record: dict[str, Any]) -> dict[str, Any] | None:
    """The vote ``record`` replaces: the latest one its owner gave on the same answer, if any."""
    key, owner = answer_key(record), record.get("owner")
    return next((r for r in reversed(list(records)) if r.get("owner") == owner and answer_key(r) == key), None)


def earlier_comment(records: Iterable[dict[str, Any]], record: dict[str, Any]) -> str:
    """The comment a new vote without one keeps: the latest its owner gave on the same answer ("" if none)."""
    key, owner = answer_key(record), record.get("owner")
    return next((str(r["comment"]) for r in reversed(list(records)) if r.get("owner") == owner
                 and answer_key(r) == key and str(r.get("comment") or "").strip()), "")


def visible_feedback(records: Iterable[dict[str, Any]], owner: str | None, everyone: bool = False
                     ) -> list[dict[str, Any]]:
    """The records ``owner`` may read: their own; all of them for a feedback reader (``everyone``). Records
    without an owner (written before owners were kept) are for readers only. The local user also reads the
    records of browser sessions: a server without sign-in serves loopback only, so they were this user's, kept per
    session before the local user owned them."""
    if everyone:
        return list(records)
    return [r for r in records if owner and (r.get("owner") == owner or (
        owner == LOCAL_OWNER and str(r.get("owner") or "").startswith("session:")))]


def forget_feedback(path: Path, owner: str, about: set[tuple[str, str]]) -> int:
    """Remove every record of ``owner`` (as :func:`visible_feedback` reads ownership) on an answer among
    ``about`` ((question, answer text) pairs: a deleted conversation's); returns how many went. The one rewrite
    of this append-only file: a deletion of the answers the votes repeat. Raises OSError when it cannot be written
    (nothing is removed then)."""
    keys = {answer_key({"question": q, "answer": a}) for q, a in about}
    if not keys:
        return 0
    gone = 0

    def kept(data: bytes) -> bytes | None:
        nonlocal gone
        lines = data.decode("utf-8", errors="replace").splitlines(keepends=True)
        out = []
        for line in lines:
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                item = None
            if not (isinstance(item, dict) and visible_feedback([item], owner) and answer_key(item) in keys):
                out.append(line)
        gone = len(lines) - len(out)
        return "".join(out).encode("utf-8") if gone else None

    with _write_lock:
        rewrite(path, kept)
    return gone


def export_jsonl(records: Iterable[dict[str, Any]], dest: Path) -> Path:
    with dest.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return dest


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # Questions and comments are user input: keep spreadsheets from evaluating them as formulas.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def _references(citations: Any) -> str:
    refs = []
    for c in citations or []:
        if isinstance(c, dict):
            name = c.get("symbol") or str(c.get("document", ""))
            if c.get("origin") == "analysis":
                name = analysis_name(list(c.get("authors") or []), c.get("title"), c.get("publisher"),
                                     c.get("report_number"), c.get("date")) or name
            where = reference(name, c.get("paragraph"), c.get("page"), c.get("page_end"),
                              page_first=c.get("origin") == "analysis")
            refs.append(f"[{c.get('key', '')}] {where}")
    return " | ".join(refs)


def export_csv(records: Iterable[dict[str, Any]], dest: Path) -> Path:
    """One row per record; citations both readable (``[1] S/RES/2769 (2025), para. 22, p. 6``) and as JSON."""
    with dest.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for r in records:
            cites = r.get("citations") or []
            writer.writerow([_cell(r.get("timestamp")), _cell(r.get("rating")), _cell(r.get("comment")),
                             _cell(r.get("question")), _cell(r.get("answer")), _cell(r.get("abstained")),
                             _cell(r.get("engine")), _cell(_references(cites)),
                             json.dumps(cites, ensure_ascii=False)])
    return dest
