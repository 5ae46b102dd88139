"""Uploads embed in a separate, lower-priority process (embed_worker.py) while the app stays the one writer."""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
from pathlib import Path

import numpy as np
import pytest

from briefbot.embed_worker import WorkerEmbedder
from briefbot.errors import BriefbotError
from briefbot.service import Briefbot
from briefbot.web import uploads
from web_support import LIBYA_Q, web_briefbot

FIXTURE_PDF = Path(__file__).parent / "fixtures" / "pdf" / "S_2025_172.pdf"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return web_briefbot(tmp_path_factory)


def _nice(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


def test_worker_is_a_niced_process_with_the_apps_vectors(bot: Briefbot) -> None:
    texts = ["Decides to extend until 15 May 2026 the mandate of the Panel of Experts",
             "The Panel documented fuel smuggling networks operating from the coast.", "short"]
    worker = WorkerEmbedder(bot.embedder, nice=7)
    try:
        vectors = worker.embed_documents(texts, threads=2)
        pid = worker.pid
        assert pid is not None and pid != os.getpid()
        assert "briefbot.embed_worker" in Path(f"/proc/{pid}/cmdline").read_bytes().decode()
        assert _nice(pid) == min(_nice(os.getpid()) + 7, 19)
        assert vectors.shape == (3, bot.embedder.dimension)
        mine = bot.embedder.embed_documents(texts)
        assert np.allclose(vectors, mine, atol=1e-5)
        # A worker that dies is an error with its remedy, and the next call starts a new one.
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(BriefbotError, match="worker stopped") as err:
            worker.embed_documents(texts[:1])
        assert err.value.remedy
        again = worker.embed_documents(texts[:1])
        assert worker.pid not in (None, pid)
        assert np.allclose(again[0], mine[0], atol=1e-5)
    finally:
        worker.close()
    assert worker.pid is None


def test_upload_embeds_in_the_worker_and_the_app_writes(bot: Briefbot, tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    upload = tmp_path / "S_2025_172.pdf"
    shutil.copyfile(FIXTURE_PDF, upload)
    staged = uploads.stage_uploads([upload], Path(bot.settings.index) / "uploads")
    assert bot.settings.upload_nice > 0  # the default: uploads go to the worker
    caplog.set_level(logging.INFO, logger="briefbot.embed_worker")
    job = uploads.IngestJob(staged).start(bot)
    try:
        assert not bot.ask(LIBYA_Q).abstained  # chat keeps working meanwhile
        job.join(timeout=300)
        assert job.finished and job.error is None, job.error
        assert job.rows()[0][:2] == ["S_2025_172.pdf", "ingested"]
        started = [m for m in caplog.messages if "upload embedding worker started" in m]
        assert len(started) == 1, caplog.messages
        pid = int(re.search(r"pid (\d+)", started[0]).group(1))  # type: ignore[union-attr]
        assert pid != os.getpid()
        assert not Path(f"/proc/{pid}").exists()  # stopped with its ingest: its memory goes back
        assert bot.ingest_worker is None
        # What this process reads is what the worker embedded: the stored vectors are the model's for each text.
        chunks = bot.passages("S_2025_172.pdf")
        assert chunks
        for chunk in chunks[:3]:
            [(_, sim)] = bot.store.similarities(bot.embedder.embed_documents([chunk.text])[0], [chunk.text_hash])
            assert sim > 0.9999
        hits = bot.retrieve("S/2025/172 report", k=10)
        assert any(h.doc.doc_id == "S_2025_172.pdf" for h in hits)
    finally:
        job.join(timeout=300)
        bot.remove(["S_2025_172.pdf"])
        staged[0].unlink()
