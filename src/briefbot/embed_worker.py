"""Embedding for uploads in a separate, lower-priority process, so the web app's answers never wait behind it.

An ingest started by the web app (an upload, or ``briefbot ingest`` sent to it) embeds its passages in a child
process that lowers its own priority (``os.nice``) before loading the model; its parser processes are niced the
same way (ParserPool). The child only turns texts into vectors: it never opens the index, so the app stays the one
writer (indexlock.py) and its readers see every write at once. The kernel gives the serving process the cores first;
the child gets what answering leaves.

Wire format over the child's stdin/stdout: a 4-byte big-endian length and a JSON header, then (replies only) the
vectors as raw float32 rows.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

import numpy as np

from .embed import Embedder
from .errors import BriefbotError

log = logging.getLogger(__name__)

_LEN = struct.Struct(">I")


def _send(fh: IO[bytes], header: dict[str, Any], payload: bytes = b"") -> None:
    data = json.dumps(header).encode()
    fh.write(_LEN.pack(len(data)) + data + payload)
    fh.flush()


def _read_exact(fh: IO[bytes], n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        part = fh.read(n - len(buf))
        if not part:
            raise EOFError
        buf += part
    return bytes(buf)


def _receive(fh: IO[bytes]) -> dict[str, Any]:
    (n,) = _LEN.unpack(_read_exact(fh, _LEN.size))
    header: dict[str, Any] = json.loads(_read_exact(fh, n))
    return header


class WorkerEmbedder(Embedder):
    """An Embedder whose ``embed_documents`` runs in a niced child process (started on first use, stopped by
    :meth:`close`). Same model, backend and batching as the app's own embedder, so the vectors are the same."""

    def __init__(self, base: Embedder, nice: int = 19) -> None:
        super().__init__(base.name, base.batch_size, base.threads, base.backend, base.encoder_dir, base.precision)
        self.nice = nice
        self._proc: subprocess.Popen[bytes] | None = None
        self._call = threading.Lock()
        self._dim: int | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc and self._proc.poll() is None else None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            config = {"name": self.name, "batch_size": self.batch_size, "threads": self.threads,
                      "backend": self.backend, "encoder_dir": str(self.encoder_dir) if self.encoder_dir else None,
                      "precision": self.precision, "nice": self.nice}
            self._proc = subprocess.Popen([sys.executable, "-m", "briefbot.embed_worker", json.dumps(config)],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
            log.info("upload embedding worker started (pid %d, nice +%d)", self._proc.pid, self.nice)
        return self._proc

    @property
    def dimension(self) -> int:
        if self._dim is None:
            self._dim = int(self._encode("encode_document", ["dimension"]).shape[1])
        return self._dim

    def _encode(self, method: str, texts: list[str], threads: int | None = None) -> np.ndarray:
        with self._call:
            proc = self._start()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                _send(proc.stdin, {"texts": texts, "threads": threads})
                reply = _receive(proc.stdout)
                if "error" in reply:
                    raise BriefbotError(f"the upload embedding worker failed: {reply['error']}",
                                        reply.get("remedy") or "see the web app's log")
                rows, dim = int(reply["rows"]), int(reply["dim"])
                data = _read_exact(proc.stdout, rows * dim * 4)
            except (EOFError, BrokenPipeError, OSError) as exc:
                code = proc.poll()
                self._proc = None
                raise BriefbotError(f"the upload embedding worker stopped (exit code {code}) while embedding",
                                    "try the upload again; the web app's log has the worker's error") from exc
        self._dim = dim
        return np.frombuffer(data, dtype=np.float32).reshape(rows, dim).copy()

    def close(self) -> None:
        """Stop the child: end of input, then a kill if it does not leave."""
        with self._call:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        if proc.stdout:
            proc.stdout.close()


def main(argv: list[str] | None = None) -> int:
    """The child: lower its priority, load the model, answer requests until its input closes."""
    config = json.loads((argv or sys.argv[1:])[0])
    os.nice(int(config.get("nice") or 0))
    folder = config.get("encoder_dir")
    embedder = Embedder(config["name"], int(config["batch_size"]), int(config["threads"]), config["backend"],
                        Path(folder) if folder else None, config.get("precision", "fp32"))
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but replies goes to the parent's pipe
    while True:
        try:
            request = _receive(stdin)
        except EOFError:
            return 0
        try:
            vectors = np.ascontiguousarray(embedder.embed_documents(list(request["texts"]), request.get("threads")),
                                           dtype=np.float32)
        except BriefbotError as exc:
            _send(stdout, {"error": exc.message, "remedy": exc.remedy})
            continue
        except Exception as exc:  # reported to the ingest, which fails that upload with the reason
            logging.getLogger(__name__).exception("embedding failed")
            _send(stdout, {"error": f"{type(exc).__name__}: {exc}"[:300]})
            continue
        _send(stdout, {"rows": int(vectors.shape[0]), "dim": int(vectors.shape[1])}, vectors.tobytes())


if __name__ == "__main__":
    sys.exit(main())
