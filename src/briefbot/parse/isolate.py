"""Run the parser in child processes with a per-file timeout; a hang or crash costs one file, not the batch."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..models import Document
from .ocr import OcrOptions

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ParseOutcome:
    path: Path
    document: Document | None
    error: str | None
    seconds: float


def limit_memory(memory_mb: float | None) -> None:
    """Cap this process's address space (RLIMIT_AS): past it, allocations fail instead of taking the machine."""
    if not memory_mb:
        return
    try:
        import resource
    except ImportError:  # not POSIX: no cap
        return
    limit = int(memory_mb * (1 << 20))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _peak_mb(pid: int | None) -> float | None:
    """Peak virtual memory of a live process in MB (Linux), or None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


_CHILD_CONN: Connection | None = None  # in a parser child: its pipe to the pool


def extend_deadline(seconds: float) -> None:
    """Ask the pool for ``seconds`` more before this file times out (each OCR'd page has its own time limit); a
    no-op outside a parser child. The pool counts the child as busy with a long step until the file is done
    (:attr:`ParserPool.in_long_step`)."""
    if _CHILD_CONN is not None:
        _CHILD_CONN.send(("more", seconds))


def _worker(conn: Connection, memory_mb: float | None = None, ocr: OcrOptions | None = None, nice: int = 0) -> None:
    global _CHILD_CONN
    from ..errors import DocumentError
    from . import parse_file

    if nice:
        os.nice(nice)
    limit_memory(memory_mb)
    _CHILD_CONN = conn
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        try:
            conn.send(("ok", parse_file(Path(path), ocr)))
        except DocumentError as exc:
            conn.send(("error", str(exc.message)))
        except MemoryError:
            conn.send(("error", f"parser ran out of memory (more than parse_memory_mb={memory_mb:g} MB)"
                       if memory_mb else "parser ran out of memory"))
        except Exception as exc:  # a parser bug must not stop the batch: report it on one line
            conn.send(("error", f"parser failed: {type(exc).__name__}: {exc}"[:300]))


class _Slot:
    """One child process and its pipe."""

    def __init__(self, ctx: Any, memory_mb: float | None, ocr: OcrOptions | None = None, nice: int = 0) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, memory_mb, ocr, nice), daemon=True)
        self.proc.start()
        child.close()

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


class ParserPool:
    """Parses files in ``workers`` child processes; results come back in input order."""

    def __init__(self, workers: int = 1, timeout_s: float = 120.0, memory_mb: float | None = None,
                 ocr: OcrOptions | None = None, nice: int = 0) -> None:
        # forkserver: children start clean, without the parent's torch threads (fork after torch can deadlock).
        self._ctx = mp.get_context("forkserver")
        self._workers = max(1, workers)
        self._timeout = timeout_s
        self._memory_mb = memory_mb  # address-space cap of each child (RLIMIT_AS)
        self._ocr = ocr  # how children read pages without a text layer (None: they do not)
        self._nice = nice  # children lower their priority by this much (uploads beside a serving web app)
        self._slots: list[_Slot] = []
        self._long: set[int] = set()  # ids of slots whose current file asked for more time (OCR of its pages)

    @property
    def in_long_step(self) -> bool:
        """Whether a child is in a long step of its file (reading page images with OCR: seconds of CPU a page),
        not just parsing a text layer (a fraction of a second a file). Read from any thread."""
        return bool(self._long)

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for slot in self._slots:
            slot.stop()
        self._slots.clear()

    def parse(self, paths: Iterable[Path]) -> Iterator[ParseOutcome]:
        pending = list(paths)
        while len(self._slots) < min(self._workers, max(1, len(pending))):
            self._slots.append(_Slot(self._ctx, self._memory_mb, self._ocr, self._nice))
        busy: list[tuple[_Slot, Path, float]] = []
        queue = iter(pending)
        free = list(self._slots)
        done: dict[int, ParseOutcome] = {}
        order = {id(p): i for i, p in enumerate(pending)}
        next_out = 0
        exhausted = False
        while True:
            while free and not exhausted:
                path = next(queue, None)
                if path is None:
                    exhausted = True
                    break
                slot = free.pop()
                slot.conn.send(str(path))
                busy.append((slot, path, time.monotonic()))
            if not busy:
                break
            slot, path, started = busy.pop(0)
            try:
                outcome = self._wait(slot, path, started)
            finally:
                self._long.discard(id(slot))
            if outcome.error and not slot.proc.is_alive():
                self._replace(slot)
                slot = self._slots[-1]
            free.append(slot)
            done[order[id(path)]] = outcome
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1

    def _wait(self, slot: _Slot, path: Path, started: float) -> ParseOutcome:
        peak: float | None = None
        try:
            # Wait in short steps, noting the child's peak memory: a child killed by an allocation failure under
            # its cap (PDFium aborts) is reported as out of memory, not as a crash.
            allowed = self._timeout
            while True:
                remaining = allowed - (time.monotonic() - started)
                ready = slot.conn.poll(max(0.0, min(remaining, 0.25)))
                if ready:
                    status, payload = slot.conn.recv()
                    if status != "more":
                        break
                    allowed += payload  # the child starts a step with its own limit (OCR of a page)
                    self._long.add(id(slot))
                    continue
                if remaining <= 0.25:
                    break
                peak = _peak_mb(slot.proc.pid) or peak
            if not ready:
                slot.stop(kill=True)
                return ParseOutcome(path, None, f"parser timed out after {allowed:g} s (file may be "
                                    "malformed)", time.monotonic() - started)
        except (EOFError, OSError):
            slot.proc.join(timeout=2)  # reap it, or exitcode is still None
            code = slot.proc.exitcode
            slot.stop(kill=True)
            # Under a cap, PDFium answers a failed allocation with abort(): SIGABRT is that, whenever the last
            # 0.25 s sample of the peak came before the big allocation (a fast machine finishes in between).
            if self._memory_mb and (code == -signal.SIGABRT or (peak is not None and peak >= 0.75 * self._memory_mb)):
                return ParseOutcome(path, None, f"parser ran out of memory (more than parse_memory_mb="
                                    f"{self._memory_mb:g} MB; the file may be a decompression bomb)",
                                    time.monotonic() - started)
            return ParseOutcome(path, None, f"parser crashed (exit code {code})", time.monotonic() - started)
        seconds = time.monotonic() - started
        if status == "ok":
            return ParseOutcome(path, payload, None, seconds)
        return ParseOutcome(path, None, payload, seconds)

    def _replace(self, dead: _Slot) -> None:
        self._slots = [s for s in self._slots if s is not dead]
        self._slots.append(_Slot(self._ctx, self._memory_mb, self._ocr, self._nice))
