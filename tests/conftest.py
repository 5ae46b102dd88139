"""Shared test fixtures: paths to the real inputs, isolated settings, and one real index over the samples.

Use these from any test module (ingest, retrieval, web, triage, LLM):

* ``REPO``, ``SAMPLES``, ``FIXTURES``, ``PDF_FIXTURES``, ``SHARED`` -- paths. ``SHARED`` is the 103-PDF corpus
  in ``../shared/corpus``; mark tests that read it ``@pytest.mark.shared`` (they are skipped when it is absent,
  see :func:`pytest_collection_modifyitems`).
* ``settings`` -- a factory: ``settings(**overrides)`` returns a :class:`~briefbot.config.Settings` whose index
  lives in the test's ``tmp_path``. Nothing a test writes touches ``.briefbot/``.
* ``sample_index`` -- ``(settings, report)`` for an index of ``ingest/samples`` built once per session with the
  real packaged embedding model and real embedded Chroma. Treat it as read-only (ask, retrieve, list); tests
  that add, replace or remove documents must build their own index with ``settings()``.

The whole session runs offline (HF_HUB_OFFLINE, TRANSFORMERS_OFFLINE, no Chroma telemetry), and
``BRIEFBOT_CONFIG`` points at a file that does not exist, so a developer's ``briefbot.toml`` cannot change what
the tests see. ``BRIEFBOT_*`` variables for other settings are left alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "ingest" / "samples"
FIXTURES = REPO / "tests" / "fixtures"
PDF_FIXTURES = FIXTURES / "pdf"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "ORT_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
}

# Set at import time as well: modules imported during collection (sentence-transformers, chromadb) read them once.
for _var, _val in OFFLINE_ENV.items():
    os.environ.setdefault(_var, _val)

SettingsFactory = Callable[..., Any]


@pytest.fixture(scope="session", autouse=True)
def _offline_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Offline for the whole session; no briefbot.toml from the working directory."""
    with pytest.MonkeyPatch.context() as mp:
        for var, val in OFFLINE_ENV.items():
            mp.setenv(var, val)
        mp.setenv("BRIEFBOT_CONFIG", str(tmp_path_factory.getbasetemp() / "no-briefbot.toml"))
        yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip ``shared`` tests when ../shared/corpus is not there (a checkout without the corpus)."""
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"shared corpus not found at {SHARED}")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def settings(tmp_path: Path) -> SettingsFactory:
    """``settings(**overrides)``: Settings with the index in ``tmp_path / "index"`` (override ``index=`` freely)."""
    from briefbot.config import Settings

    def make(**overrides: Any) -> Settings:
        overrides.setdefault("index", tmp_path / "index")
        return Settings(**overrides)

    return make


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, _offline_env: None) -> tuple[Any, Any]:
    """``(settings, IngestReport)`` for ingest/samples, ingested once per session (real model, real Chroma).

    Read-only for its users. About 190 passages are embedded, which takes 10-30 s on two CPU cores.
    """
    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths

    root = tmp_path_factory.mktemp("sample_index")
    settings = Settings(index=root / "index")
    report = ingest_paths([SAMPLES], settings)
    return settings, report
