"""The audit log: who asked what, opened which document and page, exported, uploaded, moved or removed.

One JSON object per line in ``<index>/audit.jsonl`` (mode 0600), appended with ``O_APPEND`` in one ``write`` per
event, so lines from several threads or processes never interleave, and nothing in briefbot rewrites or truncates
the file. ``briefbot audit`` reads it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
            with _lock:
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                try:
                    os.write(fd, line)
                finally:
                    os.close(fd)
        except OSError:
            log.exception("could not write the audit log %s", self.path)

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


def _cut(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _MAX_FIELD:
        return value[:_MAX_FIELD] + "…"
    if isinstance(value, list | tuple):
        return [_cut(v) for v in list(value)[:200]]
    return value
