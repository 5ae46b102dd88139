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
* :func:`shared_index` -- settings of a fresh index of some PDFs of ``SHARED`` (for ``@pytest.mark.shared`` tests).
* ``app``, ``browser``, ``page`` -- for the web tests: the session's real app over its writable sample index
  (``(url, Briefbot)``, see ``web_support.running_app``), Debian Chromium through Playwright (one per module) and a
  fresh page on the app in a context of its own (1400 x 1000, its own cookies and Gradio session), loaded and
  showing no error. A module with its own app (accounts, another corpus) defines its own ``app``.
* :func:`sample_indexes` -- the one factory of sample indexes: the samples are parsed and embedded once per
  session; a variant (the LLM tests' index with a prompt-injection document, the web tests' writable index) is a
  copy of that index plus its own files, so only those are embedded.

The whole session runs offline (``OFFLINE_ENV``, set here once for every module, helper and child process), and
``BRIEFBOT_CONFIG`` points at a file that does not exist, so a developer's ``briefbot.toml`` cannot change what
the tests see. ``BRIEFBOT_*`` variables for other settings are left alone.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator
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
    "GRADIO_ANALYTICS_ENABLED": "False",
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
        # Answers say when a term they give has passed: a fixed day, before every term the samples give, so that
        # what a test sees does not change with the calendar (tests of that note set their own day).
        mp.setenv("BRIEFBOT_TODAY", "2026-01-01")
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


class SampleIndexes:
    """Indexes over ingest/samples for one session, each built on first use.

    The samples are ingested once (about 190 passages: 10-30 s on two CPU cores); every variant is a copy of that
    index folder with its own extra files ingested into it, so a variant costs the embedding of those files only.
    """

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._tmp = tmp_path_factory
        self._base: tuple[Any, Any] | None = None
        self._variants: dict[str, Any] = {}

    def base(self) -> tuple[Any, Any]:
        """``(settings, IngestReport)`` of the samples' own index: read-only for its users."""
        if self._base is None:
            from briefbot.config import Settings
            from briefbot.ingest import ingest_paths

            settings = Settings(index=self._tmp.mktemp("sample_index") / "index")
            report = ingest_paths([SAMPLES], settings)
            assert not report.failed, [(r.path, r.reason) for r in report.failed]
            self._base = settings, report
        return self._base

    def variant(self, name: str, extra: Callable[[Path], Iterable[Path]] = lambda _folder: (),
                **overrides: Any) -> Any:
        """Settings of the index ``name``: the samples' index copied, plus the files ``extra(folder)`` writes
        (or names); ``overrides`` are further settings (engine, host ...). The same name gives the same index."""
        if name not in self._variants:
            from briefbot.ingest import ingest_paths

            base, _ = self.base()
            root = self._tmp.mktemp(name)
            shutil.copytree(base.index, root / "index")
            settings = base.model_copy(update={"index": root / "index", **overrides})
            files = list(extra(root))
            if files:
                report = ingest_paths(files, settings)
                assert not report.failed, [(r.path, r.reason) for r in report.failed]
            self._variants[name] = settings
        return self._variants[name]


def shared_index(tmp_path_factory: pytest.TempPathFactory, name: str, files: Iterable[str]) -> Any:
    """Settings of a new index of ``files`` (names in ``SHARED``), built in a temporary folder called ``name``."""
    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths

    root = tmp_path_factory.mktemp(name)
    corpus = root / "corpus"
    corpus.mkdir()
    for file_name in files:
        shutil.copy(SHARED / file_name, corpus / file_name)
    settings = Settings(index=root / "index")
    assert not ingest_paths([corpus], settings).failed
    return settings


_sample_indexes: dict[int, SampleIndexes] = {}


def sample_indexes(tmp_path_factory: pytest.TempPathFactory) -> SampleIndexes:
    """The session's :class:`SampleIndexes` (helpers that are not fixtures call this with ``tmp_path_factory``)."""
    return _sample_indexes.setdefault(id(tmp_path_factory), SampleIndexes(tmp_path_factory))


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, _offline_env: None) -> tuple[Any, Any]:
    """``(settings, IngestReport)`` for ingest/samples, ingested once per session (real model, real Chroma).

    Read-only for its users.
    """
    return sample_indexes(tmp_path_factory).base()


@pytest.fixture(scope="module")
def bot(sample_index: tuple[Any, Any]) -> Any:
    """A :class:`briefbot.service.Briefbot` over the sample index, one per test module."""
    from briefbot.service import Briefbot

    settings, _ = sample_index
    return Briefbot(settings)


# --- the web tests' app, browser and page (helpers in web_support) ----------------------------------------------
@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Any]:
    """``(url, Briefbot)`` of the session's real app over its writable sample index (started on first use)."""
    from web_support import running_app

    return running_app(tmp_path_factory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian Chromium, headless, through Playwright, for one test module."""
    from web_support import chromium

    with chromium() as b:
        yield b


@pytest.fixture
def page(app: tuple[str, Any], browser: Any) -> Iterator[Any]:
    """A fresh page on ``app`` in a browser context of its own (own cookies, own Gradio session), error-free."""
    from web_support import assert_no_errors, open_app_page

    pg = open_app_page(browser, app[0])
    assert_no_errors(pg, "loading the page")
    yield pg
    pg.context.close()
