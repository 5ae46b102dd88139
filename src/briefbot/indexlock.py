"""One writer per index: while the web app serves an index, no other process writes to it behind its back.

Embedded Chroma keeps its vector index in the memory of the process that opened it; a write from another process
(``briefbot ingest``, ``remove``, ``triage``, ``summarise FILE``) leaves the serving process answering from a stale
graph ("Error finding id") until it restarts. So:

* ``briefbot serve`` holds an exclusive ``flock`` on ``<index>/serve.lock`` for its lifetime and writes a marker into
  it (pid, URL, store mode). The kernel drops the lock when the process dies, however it dies, so a marker left by a
  dead server is never obeyed.
* Every writer in another process takes a shared ``flock`` on the same file for the length of its write. If the
  app serves the index, the writer is refused with the remedy -- unless both use the same Chroma server, where
  concurrent writes are safe (the server owns the vectors; the index's writer lock orders the writers).
* A ``serve`` that starts while another process writes in embedded mode waits for that write to finish.
* The serving process's own writes (web uploads) go through.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import IndexBusy
from .layout import IndexLayout

log = logging.getLogger(__name__)

_held: dict[Path, ServeClaim] = {}  # index roots this process serves
_held_lock = threading.Lock()

try:
    import fcntl
except ImportError:  # not POSIX: no cross-process protection (documented)
    fcntl = None  # type: ignore[assignment]


def _lock_path(settings: Settings) -> Path:
    layout = IndexLayout(Path(settings.index).resolve())
    layout.root.mkdir(parents=True, exist_ok=True)
    return layout.serve_lock


def _mode(settings: Settings) -> dict[str, Any]:
    if settings.chroma_host:
        return {"mode": "server", "chroma": f"{settings.chroma_host}:{settings.chroma_port}"}
    return {"mode": "embedded", "chroma": None}


def _marker(path: Path) -> dict[str, Any] | None:
    for _ in range(20):  # the server writes its marker right after taking the lock
        try:
            data = json.loads(path.read_text(encoding="utf-8") or "null")
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("pid") and _alive(int(data["pid"])):
            return data
        time.sleep(0.05)
    return None  # nothing, or left by a dead server while a writer holds the lock


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


class ServeClaim:
    """This process serves the index: it alone writes to it (or shares a Chroma server with other writers)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.path = _lock_path(settings)
        self._fd: int | None = None
        self._info: dict[str, Any] = {"pid": os.getpid(), "url": None, **_mode(settings),
                                      "started": time.strftime("%Y-%m-%dT%H:%M:%S")}

    def acquire(self) -> ServeClaim:
        if fcntl is None:
            return self
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)  # the marker names the app's URL: for this user only, whoever made the file
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            other = _marker(self.path)
            if other:
                os.close(fd)
                raise IndexBusy(f"the web app (pid {other['pid']}, {other.get('url') or 'starting'}) already "
                                f"serves the index {self.path.parent}",
                                "use that app, stop it first, or serve another --index") from None
            log.warning("another process is writing to %s; the web app starts when it has finished",
                        self.path.parent)
            fcntl.flock(fd, fcntl.LOCK_EX)
        self._fd = fd
        self._write()
        with _held_lock:
            _held[self.path.parent] = self
        return self

    def set_url(self, url: str) -> None:
        self._info["url"] = url
        self._write()

    def _write(self) -> None:
        if self._fd is None:
            return
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, json.dumps(self._info).encode(), 0)

    def release(self) -> None:
        with _held_lock:
            _held.pop(self.path.parent, None)
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing drops the flock
            self._fd = None

    def __enter__(self) -> ServeClaim:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def serving(settings: Settings) -> ServeClaim:
    """``with serving(settings) as claim: ... claim.set_url(url)`` around the web app's lifetime."""
    return ServeClaim(settings)


@contextmanager
def writer_guard(settings: Settings) -> Iterator[None]:
    """Around every write to the index: refuses (IndexBusy) when another process serves it in a way a second
    writer would break; otherwise keeps a web app from starting until the write is done."""
    if fcntl is None:
        yield
        return
    path = _lock_path(settings)
    with _held_lock:
        mine = path.parent in _held
    if mine:  # this process is the server: its writes are the ones that are allowed
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            other = _marker(path) or {}
            _refuse_or_share(settings, other, path.parent)
            yield  # both on the same Chroma server: concurrent writes are safe
            return
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _refuse_or_share(settings: Settings, other: dict[str, Any], root: Path) -> None:
    mine = _mode(settings)
    if other.get("mode") == "server" and mine == {"mode": "server", "chroma": other.get("chroma")}:
        return
    who = f"the web app (pid {other.get('pid', '?')}, {other.get('url') or 'starting'})"
    if other.get("mode") == "server":
        raise IndexBusy(f"{who} is serving the index {root} with its vectors on the Chroma server at "
                        f"{other.get('chroma')}, and this process would write elsewhere",
                        "upload through the web app, or set the same chroma_host/chroma_port "
                        "(BRIEFBOT_CHROMA_HOST/PORT) here, or stop the app")
    raise IndexBusy(f"{who} is serving the index {root} in embedded mode, so another process must not write to it",
                    "upload through the web app, stop it first, or use Chroma server mode (chroma_host) for both")
