"""Chroma server mode against a real ``chroma run`` on loopback.

The server is the ``chroma`` CLI of the installed chromadb package, started as a subprocess on a free port with its
data in ``tmp_path`` and stopped (terminate, then kill) in fixture teardown. The vectors live on the server; the
catalog and the lexical index stay in the index directory, shared by a reader in this process and an ingest run in
a child process (``python -m briefbot.cli ingest``), the way ``briefbot serve`` and ``briefbot ingest`` share them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from briefbot.config import Settings
from briefbot.errors import ConfigError, StoreUnavailable
from briefbot.indexlock import serving
from briefbot.ingest import IngestReport, ingest_paths
from briefbot.models import Filters
from briefbot.service import Briefbot
from briefbot.store import Store
from conftest import SAMPLES

_VENV_CHROMA = Path(sys.executable).with_name("chroma")
CHROMA = str(_VENV_CHROMA) if _VENV_CHROMA.exists() else shutil.which("chroma")
needs_chroma = pytest.mark.skipif(CHROMA is None, reason="the `chroma` CLI (chromadb package) is not installed")

STARTUP_TIMEOUT_S = 60.0  # measured: about 2.5 s on two shared cores
INGEST_TIMEOUT_S = 300.0

LIBYA_Q = "Until when is the Libya Panel of Experts mandate extended?"
# S/2025/231 (South Sudan benchmarks) is removed and then ingested again by another process.
NEW_DOC, NEW_SYMBOL = "S_2025_231.pdf", "S/2025/231"
NEW_Q = "How many Necessary Unified Forces graduates have been deployed?"
NEW_WORDS = "Necessary Unified Forces graduates interlocutors barracks"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ChromaServer:
    path: Path
    log: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ChromaServer:
        """Start ``chroma run`` and wait (bounded) for its heartbeat; retry once if the port was taken meanwhile."""
        assert CHROMA is not None
        for _attempt in range(2):
            self.port = _free_port()
            with self.log.open("ab") as log:
                self.proc = subprocess.Popen(
                    [CHROMA, "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                    env=dict(os.environ))  # conftest's offline environment
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            while time.monotonic() < deadline and self.proc.poll() is None:
                if self.alive():
                    return self
                time.sleep(0.2)
            exited = self.proc.poll() is not None
            self.stop()
            if not exited:
                break
        pytest.fail(f"`chroma run` did not answer its heartbeat on 127.0.0.1:{self.port} within "
                    f"{STARTUP_TIMEOUT_S:.0f} s; its log ends:\n{self.log.read_text(errors='replace')[-3000:]}")

    def alive(self) -> bool:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback never goes via a proxy
        try:
            with opener.open(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=2) as resp:
                return resp.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)


@pytest.fixture(scope="module")
def loopback_env() -> Iterator[None]:
    """Requests to the server must not go through an HTTP proxy from the environment."""
    with pytest.MonkeyPatch.context() as mp:
        for var in ("NO_PROXY", "no_proxy"):
            mp.setenv(var, ",".join(filter(None, ["127.0.0.1", "localhost", os.environ.get(var)])))
        yield


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory, loopback_env: None) -> Iterator[ChromaServer]:
    if CHROMA is None:
        pytest.skip("the `chroma` CLI (chromadb package) is not installed")
    root = tmp_path_factory.mktemp("chroma_server")
    server = ChromaServer(root / "data", root / "chroma.log")
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def served(chroma_server: ChromaServer, tmp_path_factory: pytest.TempPathFactory,
           _offline_env: None) -> tuple[Settings, IngestReport]:
    """ingest/samples into an index whose vectors live on the server."""
    index = tmp_path_factory.mktemp("served") / "index"
    settings = Settings(index=index, chroma_host="127.0.0.1", chroma_port=chroma_server.port)
    return settings, ingest_paths([SAMPLES], settings)


def _server_ids(server: ChromaServer, settings: Settings) -> set[str]:
    """Vector ids as the server holds them, through a client of our own."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.HttpClient(host="127.0.0.1", port=server.port,
                                 settings=ChromaSettings(anonymized_telemetry=False))
    return set(client.get_collection(settings.collection_name()).get(include=[])["ids"])


def _catalog_hashes(store: Store) -> set[str]:
    return {r[0] for r in store._db().execute("SELECT DISTINCT text_hash FROM chunks")}


def _docs(hits: list[Any]) -> list[str]:
    return [h.doc.doc_id for h in hits]


@needs_chroma
@pytest.mark.slow
def test_ingest_ask_filters_and_reingest_on_server(chroma_server: ChromaServer,
                                                   served: tuple[Settings, IngestReport]) -> None:
    settings, report = served
    assert not report.failed, [(r.path, r.reason) for r in report.failed]
    assert report.counts() == {"ingested": 6}
    assert not (Path(settings.index) / "chroma").exists(), "server mode must not create an embedded store"
    bot = Briefbot(settings)
    assert _server_ids(chroma_server, settings) == _catalog_hashes(bot.store)

    answer = bot.ask(LIBYA_Q)
    assert not answer.abstained
    cited = {c.symbol for c in answer.citations}
    assert "S/RES/2769 (2025)" in cited, cited
    for c in answer.citations:
        assert c.quote and c.quote in bot.page_text(c.document, c.page), c

    hits = bot.retrieve("arms embargo and panel of experts", mode="dense", filters=Filters(doc_types=["resolution"]))
    assert hits and {h.doc.doc_type for h in hits} == {"resolution"}
    hits = bot.retrieve("arms embargo and panel of experts", mode="dense",
                        filters=Filters(symbols=["S/RES/2781 (2025)"]))
    assert hits and set(_docs(hits)) == {"S_RES_2781_2025.pdf"}
    hits = bot.retrieve(NEW_Q, mode="dense", filters=Filters(doc_types=["sg_report"], year_from=2025))
    assert hits and _docs(hits)[0] == NEW_DOC

    again = ingest_paths([SAMPLES], settings, store=bot.store, embedder=bot.embedder)
    assert again.counts() == {"unchanged": 6}
    assert _server_ids(chroma_server, settings) == _catalog_hashes(bot.store)


@needs_chroma
@pytest.mark.slow
def test_concurrent_ingest_is_seen_by_a_running_reader(chroma_server: ChromaServer,
                                                       served: tuple[Settings, IngestReport]) -> None:
    """A reader keeps answering while another process ingests; afterwards it sees the new document, no restart.

    The reader's process serves the index, so this is the one-writer rule in Chroma server mode: the second writer
    shares the server (an embedded-mode writer is refused)."""
    settings, _ = served
    bot = Briefbot(settings)
    store = bot.store
    before = _server_ids(chroma_server, settings)

    assert bot.remove([NEW_SYMBOL]) == [NEW_DOC]
    assert NEW_DOC not in {d.doc_id for d in bot.library()}
    assert _server_ids(chroma_server, settings) == _catalog_hashes(store) < before
    assert bot.retrieve(NEW_Q, mode="dense", filters=Filters(doc_ids=[NEW_DOC])) == []
    assert NEW_DOC not in _docs(bot.retrieve(NEW_WORDS, mode="lexical"))

    # A run killed between writing vectors and committing its document leaves an orphan and the open flag.
    orphan = "orphan-" + "0" * 57
    dim = bot.embedder.dimension
    vector = np.ones(dim, dtype=np.float32) / np.sqrt(dim)
    store.collection.upsert(ids=[orphan], embeddings=[vector], documents=["orphan"],
                            metadatas=[{"doc_id": "ghost", "doc_type": "other", "year": 0, "symbol_key": ""}])
    store.set_flag("ingest_open", "1")

    # This process serves the index (as `briefbot serve` does). On a shared Chroma server a second writer is
    # allowed; one that would write to embedded Chroma instead is refused with the remedy.
    claim = serving(settings).acquire()
    claim.set_url("http://127.0.0.1:7860/")
    plain = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_CHROMA")}
    refused = subprocess.run([sys.executable, "-m", "briefbot.cli", "remove", NEW_SYMBOL, "--index",
                              str(settings.index)], capture_output=True, text=True, env=plain, timeout=300)
    assert refused.returncode == 2, refused.stderr
    assert f"(pid {os.getpid()}, http://127.0.0.1:7860/)" in refused.stderr
    assert f"on the Chroma server at 127.0.0.1:{chroma_server.port}" in refused.stderr

    env = {**os.environ, "BRIEFBOT_CHROMA_HOST": "127.0.0.1", "BRIEFBOT_CHROMA_PORT": str(chroma_server.port)}
    proc = subprocess.Popen([sys.executable, "-m", "briefbot.cli", "ingest", str(SAMPLES), "--index",
                             str(settings.index), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
    output: dict[str, bytes] = {}
    reader = threading.Thread(target=lambda: output.update(zip(("out", "err"), proc.communicate(), strict=True)))
    reader.start()
    errors: list[str] = []
    passes: list[bool] = []  # per reader pass: did lexical search already find the new document?
    deadline = time.monotonic() + INGEST_TIMEOUT_S
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                bot.ask(NEW_Q)
                passes.append(NEW_DOC in _docs(bot.retrieve(NEW_WORDS, mode="lexical")))
            except Exception as exc:  # any failure of the reader while the ingest writes is the bug
                errors.append(repr(exc))
            time.sleep(0.3)
    finally:
        if proc.poll() is None:
            proc.kill()
        reader.join(timeout=30)
        claim.release()
    stderr = output.get("err", b"").decode(errors="replace")
    assert proc.returncode == 0, f"ingest exited {proc.returncode}:\n{stderr[-3000:]}"
    assert not errors, errors
    assert passes and not passes[0], "the reader should have answered while the ingest was still running"
    counts = json.loads(output["out"].decode())["counts"]
    assert counts == {"unchanged": 5, "ingested": 1}, counts

    # Without a restart: catalog, dense and lexical all see the document again.
    assert NEW_DOC in {d.doc_id for d in bot.library()}
    dense = bot.retrieve(NEW_Q, mode="dense", filters=Filters(doc_types=["sg_report"]))
    assert dense and _docs(dense)[0] == NEW_DOC
    assert set(_docs(bot.retrieve(NEW_Q, mode="dense", filters=Filters(doc_ids=[NEW_DOC])))) == {NEW_DOC}
    lexical = bot.retrieve(NEW_WORDS, mode="lexical")
    assert lexical and _docs(lexical)[0] == NEW_DOC
    answer = bot.ask(NEW_Q)
    assert not answer.abstained and NEW_SYMBOL in {c.symbol for c in answer.citations}, answer.answer

    # The child swept the orphan; server vectors and catalog agree again.
    assert store.flag("ingest_open") is None
    assert _server_ids(chroma_server, settings) == _catalog_hashes(store) == before
    assert sorted(p.name for p in store.dir.iterdir() if p.name.startswith("lexical")) == ["lexical"]


def test_unreachable_server_names_the_remedy(settings: Any, loopback_env: None) -> None:
    port = _free_port()  # nothing listens there
    s = settings(chroma_host="127.0.0.1", chroma_port=port)
    store = Store(s)
    with pytest.raises(StoreUnavailable) as err:
        store.dense_search(np.zeros(384, dtype=np.float32), 5, None)
    text = str(err.value)
    assert f"cannot reach the Chroma server at 127.0.0.1:{port}" in text
    assert f"chroma run --path DIR --host 127.0.0.1 --port {port}" in text and "unset chroma_host" in text


@needs_chroma
def test_lost_server_and_foreign_index_are_clear_errors(tmp_path: Path, loopback_env: None) -> None:
    server = ChromaServer(tmp_path / "data", tmp_path / "chroma.log")
    try:
        server.start()
        served = {"chroma_host": "127.0.0.1", "chroma_port": server.port}
        mine = Store(Settings(index=tmp_path / "mine", **served))
        assert mine.collection.count() == 0
        # A second index directory must not share (and sweep) the first one's collection.
        with pytest.raises(ConfigError, match="belongs to another index directory"):
            _ = Store(Settings(index=tmp_path / "other", **served)).collection
        # An index whose vectors are elsewhere (built embedded) must not look empty on the server.
        embedded = Store(Settings(index=tmp_path / "embedded", chunk_min_chars=150, **served))
        embedded._db().execute("INSERT INTO chunks VALUES ('d', 0, 'h', 'text', '[]', NULL, NULL, 'body')")
        with pytest.raises(ConfigError, match="holds no vectors"):
            _ = embedded.collection
        server.stop()
        with pytest.raises(StoreUnavailable, match=f"cannot reach the Chroma server at 127.0.0.1:{server.port}"):
            mine.collection.count()
    finally:
        server.stop()


def test_writers_take_turns_across_handles(settings: Any) -> None:
    """The writer lock is an flock: a second holder (another process, or another handle here) waits."""
    s = settings()
    first, second = Store(s), Store(s)
    order: list[str] = []

    def write_second() -> None:
        with second.writing():
            order.append("second")

    with first.writing():
        waiter = threading.Thread(target=write_second)
        waiter.start()
        time.sleep(0.5)
        order.append("first done")
    waiter.join(timeout=10)
    assert order == ["first done", "second"]
