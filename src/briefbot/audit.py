"""The audit log: who asked what, opened which document and page, exported, uploaded, moved or removed.

One JSON object per line in ``<index>/audit.jsonl`` (mode 0600), appended with ``O_APPEND`` in one ``write`` per
event, so lines from several threads or processes never interleave. Nothing in briefbot truncates the file or
removes an event; the one rewrite is :meth:`AuditLog.redact`, when a user deletes a conversation: its questions'
text goes, each event stays (who, when, which documents) marked as redacted. Appends hold a shared lock on the
file and a rewrite an exclusive one (:func:`appending`, :func:`rewrite`), so no event is lost to a rewrite made by
another process at the same moment. ``briefbot audit`` reads it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: no advisory locks (a rewrite there may race an append of another process)
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

AUDIT_FILE = "audit.jsonl"
_MAX_FIELD = 2000  # a question or a file list is cut here; the log is a record, not a copy of the documents
_lock = threading.Lock()


class AuditLog:
    def __init__(self, index: Path) -> None:
        self.path = Path(index) / AUDIT_FILE

    def record(self, user: str | None, action: str, **details: Any) -> None:
        """Append one event. A failure to write is logged, never raised: auditing must not stop a reader."""
        event = {"at": datetime.now(UTC).isoformat(timespec="milliseconds"), "user": user or "local",
                 "action": action, **{k: _cut(v) for k, v in details.items() if v is not None}}
        line = (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _lock, appending(self.path) as fd:
                os.write(fd, line)
        except OSError:
            log.exception("could not write the audit log %s", self.path)

    def redact(self, user: str, questions: set[str], why: str) -> int:
        """The text of ``user``'s questions among ``questions`` taken out of their "ask" events, each event kept
        with ``redacted: why`` in its place; returns how many events changed. The file is written anew beside
        itself and moved over it, so a crash leaves the old log or the new one, never half of either.

        Raises OSError when it cannot be rewritten (the caller deletes nothing then)."""
        if not questions:
            return 0
        wanted = questions | {_cut(q) for q in questions}  # as recorded: a long question was cut
        changed = 0

        def redacted(data: bytes) -> bytes | None:
            nonlocal changed
            out = []
            for line in data.decode("utf-8", errors="replace").splitlines(keepends=True):
                try:
                    event = json.loads(line)
                except ValueError:
                    event = None
                if (isinstance(event, dict) and event.get("user") == user and event.get("action") == "ask"
                        and event.get("question") in wanted):
                    event = {k: v for k, v in event.items() if k != "question"} | {"redacted": why}
                    line = json.dumps(event, ensure_ascii=False) + "\n"
                    changed += 1
                out.append(line)
            return "".join(out).encode("utf-8") if changed else None

        with _lock:
            rewrite(self.path, redacted)
        if changed:
            log.info("audit: %d question(s) of %s redacted (%s)", changed, user, why)
        return changed

    def read(self, user: str | None = None, action: str | None = None, since: str | None = None,
             document: str | None = None) -> Iterator[dict[str, Any]]:
        """Events oldest first, those matching every filter given (``since``: an ISO date or time prefix)."""
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    event = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(event, dict):
                    continue
                if user and event.get("user") != user:
                    continue
                if action and event.get("action") != action:
                    continue
                if since and str(event.get("at", "")) < since:
                    continue
                if document and document not in json.dumps(event.get("documents", event.get("document", ""))):
                    continue
                yield event


def _flock(fd: int, shared: bool) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)


@contextmanager
def appending(path: Path) -> Iterator[int]:
    """A descriptor appending to ``path`` (made 0600), under a shared lock: appends go on side by side, a
    :func:`rewrite` waits for them, and an append that waited for a rewrite opens the new file, not the one it
    replaced."""
    while True:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            _flock(fd, shared=True)
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                yield fd
                return
        finally:
            os.close(fd)


def rewrite(path: Path, change: Callable[[bytes], bytes | None]) -> None:
    """``path`` replaced by ``change`` of its content (None: left as it is), under an exclusive lock, so no
    append of another process lands in the file being replaced. Raises OSError when it cannot be written."""
    while True:
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return
        try:
            _flock(fd, shared=False)
            if os.fstat(fd).st_ino != os.stat(path).st_ino:
                continue  # replaced while we waited: read the new one
            with os.fdopen(os.dup(fd), "rb") as fh:
                data = fh.read()
            new = change(data)
            if new is not None:
                write_privately(path, new)
            return
        finally:
            os.close(fd)


def write_privately(path: Path, data: bytes) -> None:
    """``path`` holds ``data`` from one moment to the next (a private file written beside it, then renamed)."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _cut(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _MAX_FIELD:
        return value[:_MAX_FIELD] + "…"
    if isinstance(value, list | tuple):
        return [_cut(v) for v in list(value)[:200]]
    return value
