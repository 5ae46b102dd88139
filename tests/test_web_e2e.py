"""The real app in Debian Chromium: ask, watch the answer stream, open a citation's page, give feedback, export.

Screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefbot.feedback import feedback_path
from briefbot.service import Briefbot
from web_support import ARTIFACTS, LIBYA_Q, running_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium "
                       "(apt-get install chromium, or `make browser`)"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Briefbot]:
    return running_app(tmp_path_factory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


# Records every length the last answer bubble goes through, however fast the stream, from inside the page.
WATCH = """() => {
  window.__lengths = [];
  const record = () => {
    const bots = document.querySelectorAll('#chatbot [data-testid="bot"]');
    if (!bots.length) return;
    const n = bots[bots.length - 1].innerText.length;
    if (window.__lengths[window.__lengths.length - 1] !== n) window.__lengths.push(n);
  };
  new MutationObserver(record).observe(document.querySelector('#chatbot'),
                                       {subtree: true, childList: true, characterData: true});
}"""


def _ask(page: Any, question: str) -> list[int]:
    """Ask and wait for the citation cards; returns the lengths the answer went through while streaming."""
    page.evaluate(WATCH)
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_selector("#cards", state="visible", timeout=180_000)
    lengths: list[int] = page.evaluate("() => window.__lengths")
    return lengths


def test_ask_see_citation_page_give_feedback(app: tuple[str, Briefbot], browser: Any) -> None:
    url, bot = app
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=60_000)

    lengths = _ask(page, LIBYA_Q)
    answer = page.locator('#chatbot [data-testid="bot"]').last.inner_text()
    assert "15 May 2026" in answer and "S/RES/2769 (2025), para. 22, p. 6" in answer
    assert len(lengths) >= 3, f"the answer did not stream: {lengths}"  # placeholder, partial text, final
    page.screenshot(path=str(ARTIFACTS / "web_answer.png"), full_page=True)

    card = page.locator("#cards button").filter(has_text="S/RES/2769 (2025)").filter(
        has_text=re.compile(r"para\.\s22"))
    assert card.count() == 1
    card.click()
    page.wait_for_selector("#page-image img", timeout=60_000)
    caption = page.inner_text("#page-caption")
    assert "S/RES/2769 (2025), para. 22, p. 6" in caption and "quote highlighted" in caption
    pdf_button = page.locator("#pdf-download")
    assert "S_RES_2769_2025.pdf" in pdf_button.inner_text()
    with page.expect_download() as pdf_download:
        pdf_button.click()
    assert Path(pdf_download.value.path()).read_bytes()[:5] == b"%PDF-"
    page.screenshot(path=str(ARTIFACTS / "web_citation_page.png"), full_page=True)

    with page.expect_download() as md_download:
        page.click("#export-md")
    markdown = Path(md_download.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith(f"# {LIBYA_Q}") and "S/RES/2769 (2025), para. 22, p. 6" in markdown

    page.fill("#fb-comment textarea", "Right paragraph, right date.")
    page.click("#fb-up")
    page.wait_for_function("document.querySelector('#fb-status').innerText.includes('Thanks')", timeout=30_000)
    records = [json.loads(line) for line in
               feedback_path(Path(bot.settings.index)).read_text(encoding="utf-8").splitlines()]
    mine = [r for r in records if r["comment"] == "Right paragraph, right date."]
    assert len(mine) == 1
    assert mine[0]["rating"] == "up" and mine[0]["question"] == LIBYA_Q and mine[0]["timestamp"]
    assert any(c["symbol"] == "S/RES/2769 (2025)" and c["paragraph"] == "22" for c in mine[0]["citations"])
    page.screenshot(path=str(ARTIFACTS / "web_feedback.png"), full_page=True)

    # Another user's session is separate: their question does not change this user's answer or cards.
    other = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
    other.goto(url)
    other.wait_for_selector("#question textarea", timeout=60_000)
    assert other.locator('#chatbot [data-testid="bot"]').count() == 0
    _ask(other, "What is the population of Mars?")
    assert "Not answered by the indexed documents" in other.locator('#chatbot [data-testid="bot"]').last.inner_text()
    assert page.locator('#chatbot [data-testid="bot"]').count() == 1
    assert page.locator("#cards button").filter(has_text="S/RES/2769 (2025)").count() >= 1

    page.get_by_role("tab", name="Library").click()
    page.wait_for_selector("#library-table", timeout=30_000)
    assert "S/RES/2769 (2025)" in page.inner_text("#library-table")
    page.screenshot(path=str(ARTIFACTS / "web_library.png"), full_page=True)
    context.close()
