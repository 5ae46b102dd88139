"""The one rewrite of the append-only audit log and feedback file (a deleted conversation's text taken out): an
event appended while it runs is kept, in the file that replaces the old one."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import briefbot.audit as audit
from briefbot.audit import AuditLog, appending, rewrite


def test_an_append_waiting_for_a_rewrite_lands_in_the_new_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The append opens the file before the rewrite replaces it and waits for its lock: it must not write into
    the replaced file (gone with its event), but into the new one."""
    path = tmp_path / "audit.jsonl"
    path.write_text('{"n": 1}\n')
    asking = threading.Event()
    real = audit._flock

    def flock(fd: int, shared: bool) -> None:
        if shared:
            asking.set()  # opened, about to wait for the rewrite's lock
        real(fd, shared)

    monkeypatch.setattr(audit, "_flock", flock)

    def append() -> None:
        with appending(path) as fd:
            audit.os.write(fd, b'{"n": 3}\n')

    writer = threading.Thread(target=append)

    def change(data: bytes) -> bytes:
        writer.start()
        assert asking.wait(30)
        return data + b'{"n": 2}\n'

    rewrite(path, change)
    writer.join(30)
    assert [json.loads(line)["n"] for line in path.read_text().splitlines()] == [1, 2, 3]
    assert path.stat().st_mode & 0o777 == 0o600


def test_redact_keeps_every_event_and_only_the_users_question_goes(tmp_path: Path) -> None:
    log = AuditLog(tmp_path)
    log.record("ana", "ask", question="secret one", documents=["a.pdf"])
    log.record("ben", "ask", question="secret one")  # another user's: kept
    log.record("ana", "open", question="secret one")  # not an ask event: kept
    log.record("ana", "ask", question="kept question")
    assert log.redact("ana", {"secret one"}, "conversation c deleted") == 1
    events = list(log.read())
    assert [e["action"] for e in events] == ["ask", "ask", "open", "ask"]
    assert events[0] == {"at": events[0]["at"], "user": "ana", "action": "ask", "documents": ["a.pdf"],
                         "redacted": "conversation c deleted"}
    assert [e.get("question") for e in events[1:]] == ["secret one", "secret one", "kept question"]
    assert log.redact("ana", {"secret one"}, "again") == 0  # nothing left to take out: the file is not rewritten
