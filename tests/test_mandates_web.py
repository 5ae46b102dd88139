"""The Mandates tab in Debian Chromium: pick a track, see its timeline, open a renewal and its coloured changes,
with no error toast. The app serves a real index of the fixture resolutions (three MINUSMA renewals, Mali sanctions).
"""

from __future__ import annotations

import atexit
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_support import CHROMIUM, CHROMIUM_ARGS, free_port, other_app_in_this_process

CORPUS = Path(__file__).parent / "fixtures" / "akn" / "mandates"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]


@pytest.fixture(autouse=True, scope="module")
def _restore_gradio_temp_dir() -> Iterator[None]:
    """This module's own apps point GRADIO_TEMP_DIR at their spaces; give the session's shared app its own back."""
    with other_app_in_this_process():
        yield


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths
    from briefbot.service import Briefbot
    from briefbot.web import create_app, launch

    root = tmp_path_factory.mktemp("mandates_web")
    shutil.copytree(CORPUS, root / "corpus")
    settings = Settings(index=root / "index", engine="extractive", llm_provider=None, llm_model=None,
                        host="127.0.0.1", auth=None, port=free_port())
    assert not ingest_paths([root / "corpus" / "xml_en"], settings).failed
    bot = Briefbot(settings)
    demo = create_app(bot, settings)
    url = launch(demo, settings, prevent_thread_lock=True, quiet=True)
    atexit.register(demo.close)
    return url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def test_mandates_tab_track_and_renewal(app_url: str, browser: Any) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(app_url)
    page.get_by_role("tab", name="Mandates").click()
    page.locator("#mandate-track input").click()
    page.get_by_role("option", name="MINUSMA (mission)").click()
    page.locator("#mandate-show").click()
    page.locator("#mandate-summary-inner").wait_for(timeout=60_000)
    assert "MINUSMA" in page.locator("#mandate-summary").inner_text()
    table = page.locator("#mandate-timeline")
    table.get_by_text("S/RES/2480 (2019)").first.wait_for(timeout=30_000)
    assert table.get_by_text("S/RES/2531 (2020)").count() >= 1
    # The latest renewal with changes opens by default; switch to 2019 from the renewal picker.
    page.locator("#mandate-renewal input").click()
    page.get_by_role("option", name="S/RES/2480 (2019)").click()
    page.locator("#mandate-changes").get_by_text("compared with S/RES/2423 (2018)").wait_for(timeout=30_000)
    changes = page.locator("#mandate-changes .bb-change")
    assert changes.count() >= 1
    # Coloured status labels, and document text rendered as text (no markup leaks through).
    assert page.locator("#mandate-changes b").filter(has_text="changed").count() + \
        page.locator("#mandate-changes b").filter(has_text="new").count() + \
        page.locator("#mandate-changes b").filter(has_text="dropped").count() >= 1
    page.locator("#mandate-plot img").wait_for(timeout=30_000)
    assert page.locator("#mandate-csv").is_visible()
    page.wait_for_timeout(500)
    toasts = page.locator(".toast-body.error, .toast-wrap .error")
    assert toasts.count() == 0, toasts.all_inner_texts()
    assert errors == []
