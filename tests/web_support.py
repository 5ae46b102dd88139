"""A real index over ingest/samples for the web tests, built once per session, and the real app serving it.

Kept apart from other tests' indexes because these tests write to it (feedback, an upload).
"""

from __future__ import annotations

import atexit
import os
import socket
from pathlib import Path
from typing import Any

import pytest

for _var, _val in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("ANONYMIZED_TELEMETRY", "False"),
                   ("GRADIO_ANALYTICS_ENABLED", "False")):
    os.environ.setdefault(_var, _val)

from briefbot.config import Settings  # noqa: E402
from briefbot.ingest import ingest_paths  # noqa: E402
from briefbot.service import Briefbot  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "ingest" / "samples"
ARTIFACTS = ROOT / "tests" / "artifacts"
LIBYA_Q = "Until when did the Council extend the Panel of Experts on Libya?"
LIBYA_QUOTE = "Decides to extend until 15 May 2026 the mandate of the Panel of Experts"

_cache: dict[str, Any] = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def web_briefbot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    """The session's Briefbot over its own sample index (built on first use)."""
    if "bot" not in _cache:
        root = tmp_path_factory.mktemp("web_index")
        settings = Settings(index=root / "index", engine="extractive", llm_provider=None, llm_model=None,
                            host="127.0.0.1", auth=None, port=free_port())
        report = ingest_paths([SAMPLES], settings)
        assert not report.failed, [(r.path, r.reason) for r in report.failed]
        _cache["bot"] = Briefbot(settings)
    bot: Briefbot = _cache["bot"]
    return bot


def running_app(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Briefbot]:
    """URL of the real app on 127.0.0.1 (a free port), launched without blocking, and its Briefbot."""
    if "url" not in _cache:
        from briefbot.web import create_app, launch

        bot = web_briefbot(tmp_path_factory)
        demo = create_app(bot, bot.settings)
        _cache["url"] = launch(demo, bot.settings, prevent_thread_lock=True, quiet=True)
        atexit.register(demo.close)
    return _cache["url"], _cache["bot"]
