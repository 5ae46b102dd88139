"""One writer per index, with real processes: a real ``briefbot serve`` in embedded mode, and real CLI writers
(``ingest``, ``remove``, ``triage``) started beside it.

Before the serve lock, a removal and re-ingest from the CLI left the serving app failing every question filtered to
that document with ``chromadb.errors.InternalError: Error executing plan: Internal error: Error finding id`` until
it restarted. Now the writers are refused with the remedy, and the app keeps answering. Chroma server mode (where a
second writer is allowed) is covered in test_chroma_server.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefbot.config import Settings
from briefbot.indexlock import serving, writer_guard
from briefbot.ingest import ingest_paths
from conftest import SAMPLES

START_TIMEOUT_S = 180.0  # model + Gradio on two busy shared cores
LIBYA_Q = "Until when did the Council extend the Panel of Experts on Libya?"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env() -> dict[str, str]:
    env = dict(os.environ)  # conftest's offline environment
    env.pop("BRIEFBOT_CHROMA_HOST", None)
    env["NO_PROXY"] = ",".join(filter(None, ["127.0.0.1", "localhost", os.environ.get("NO_PROXY")]))
    return env


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefbot.cli", *args], capture_output=True, text=True,
                          env=_env(), timeout=300)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, _offline_env: None) -> Path:
    """A small real index: the two Libya resolutions (2769 is asked about, 2780 removed and re-added)."""
    root = tmp_path_factory.mktemp("one_writer")
    inbox = root / "in"
    inbox.mkdir()
    for name in ("S_RES_2769_2025.pdf", "S_RES_2780_2025.pdf"):
        shutil.copyfile(SAMPLES / name, inbox / name)
    settings = Settings(index=root / "index")
    report = ingest_paths([inbox], settings)
    assert not report.failed
    return root / "index"


@pytest.fixture
def server(index: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``briefbot serve`` on the index, in its own process; yields (process, URL)."""
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "briefbot.cli", "serve", "--index", str(index), "--port",
                                 str(port)], stdout=subprocess.PIPE, stderr=fh, text=True, env=_env())
    assert proc.stdout is not None
    url = ""
    deadline = time.monotonic() + START_TIMEOUT_S
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)  # type: ignore[union-attr]
    reader.start()
    while time.monotonic() < deadline and proc.poll() is None and not url:
        url = next((line.split()[3] for line in lines if line.startswith("briefbot web chat:")), "")
        time.sleep(0.2)
    if not url:
        proc.kill()
        pytest.fail(f"briefbot serve did not start: {log.read_text()[-3000:]}")
    try:
        yield proc, url
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def _ask(url: str, documents: list[str] | None = None) -> dict[str, Any]:
    from gradio_client import Client

    result: dict[str, Any] = Client(url, verbose=False).predict(question=LIBYA_Q, documents=documents,
                                                                api_name="/ask")
    return result


@pytest.mark.slow
def test_cli_writers_are_refused_while_the_app_serves_embedded(index: Path, server: tuple[Any, str],
                                                              tmp_path: Path) -> None:
    proc, url = server
    assert _ask(url)["abstained"] is False
    new = tmp_path / "new"
    new.mkdir()
    shutil.copyfile(SAMPLES / "S_RES_2783_2025.pdf", new / "S_RES_2783_2025.pdf")

    errors: list[str] = []
    stop = threading.Event()

    def keep_asking() -> None:  # a reader using the app the whole time the writers try
        while not stop.is_set():
            try:
                for docs in (None, ["S_RES_2780_2025.pdf"], ["S_RES_2769_2025.pdf"]):
                    _ask(url, docs)
            except Exception as exc:  # any reader error is the bug
                errors.append(repr(exc))

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        attempts = {"remove": _cli("remove", "S_RES_2780_2025.pdf", "--index", str(index)),
                    "ingest": _cli("ingest", str(new), "--index", str(index)),
                    "triage": _cli("triage", str(new), "--index", str(index), "--out", str(tmp_path / "triage")),
                    "serve": _cli("serve", "--index", str(index), "--port", str(_free_port()))}
    finally:
        stop.set()
        asker.join(timeout=120)
    for name, done in attempts.items():
        assert done.returncode == 2, (name, done.stdout, done.stderr)
        assert f"pid {proc.pid}, {url}" in done.stderr, (name, done.stderr)
    for name in ("remove", "ingest", "triage"):
        assert "in embedded mode" in attempts[name].stderr
        assert "upload through the web app, stop it first, or use Chroma server mode" in attempts[name].stderr
    assert "already serves the index" in attempts["serve"].stderr
    assert not errors, errors
    answer = _ask(url, ["S_RES_2780_2025.pdf"])  # still there, still answerable
    assert answer["passages"] and {p["document"] for p in answer["passages"]} == {"S_RES_2780_2025.pdf"}

    # A server killed without cleaning up leaves its marker; the kernel dropped its lock, so writers go ahead.
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert (index / "serve.lock").read_text()
    done = _cli("remove", "S_RES_2780_2025.pdf", "--index", str(index))
    assert done.returncode == 0, done.stderr
    done = _cli("ingest", str(index.parent / "in"), "--index", str(index))
    assert done.returncode == 0, done.stderr


def test_serve_waits_for_a_writer_and_its_own_writes_pass(settings: Any) -> None:
    """A serve that starts during a write waits for it; once serving, this process may write, others may not."""
    s = settings()
    order: list[str] = []
    # A marker left by a server that died: never obeyed.
    gone = subprocess.Popen(["true"])
    gone.wait()
    Path(s.index).mkdir(parents=True)
    (Path(s.index) / "serve.lock").write_text(f'{{"pid": {gone.pid}, "url": "http://127.0.0.1:9/", '
                                              '"mode": "embedded"}')

    def serve() -> None:
        with serving(s):
            order.append("serving")

    with writer_guard(s):
        starter = threading.Thread(target=serve)
        starter.start()
        time.sleep(0.5)
        order.append("write done")
    starter.join(timeout=10)
    assert order == ["write done", "serving"]

    with serving(s) as claim:
        claim.set_url("http://127.0.0.1:1/")
        with writer_guard(s):  # the serving process's own upload
            pass
        code = ("import sys; from briefbot.config import Settings; from briefbot.indexlock import writer_guard\n"
                f"with writer_guard(Settings(index={str(s.index)!r})): pass")
        child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
        assert child.returncode != 0 and "IndexBusy" in child.stderr
        assert f"(pid {os.getpid()}, http://127.0.0.1:1/)" in child.stderr
        assert oct((Path(s.index) / "serve.lock").stat().st_mode & 0o777) == "0o600"
    with writer_guard(s):  # released with the app
        pass
