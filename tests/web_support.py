"""A real index over ingest/samples for the web tests, built once per session, and the real app serving it.

Kept apart from other tests' indexes because these tests write to it (feedback, an upload).
"""

from __future__ import annotations

import atexit
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from briefbot.service import Briefbot
from conftest import REPO as ROOT  # re-exported for the web tests
from conftest import SAMPLES as SAMPLES
from conftest import sample_indexes

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
        settings = sample_indexes(tmp_path_factory).variant("web_index", engine="extractive", llm_provider=None,
                                                            llm_model=None, host="127.0.0.1", auth=None,
                                                            port=free_port())
        _cache["bot"] = Briefbot(settings)
    bot: Briefbot = _cache["bot"]
    return bot


@contextmanager
def other_app_in_this_process() -> Iterator[None]:
    """Around ``create_app`` for a test's own extra app. Gradio checks an upload against GRADIO_TEMP_DIR when the
    request arrives, and each app points that variable at its own private space: restore it, or the session's
    shared app (one app per process in production) would refuse its own uploads."""
    before = os.environ.get("GRADIO_TEMP_DIR")
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("GRADIO_TEMP_DIR", None)
        else:
            os.environ["GRADIO_TEMP_DIR"] = before


def running_app(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Briefbot]:
    """URL of the real app on 127.0.0.1 (a free port), launched without blocking, and its Briefbot."""
    if "url" not in _cache:
        from briefbot.web import close, create_app, launch

        bot = web_briefbot(tmp_path_factory)
        demo = create_app(bot, bot.settings)
        _cache["url"] = launch(demo, bot.settings, prevent_thread_lock=True, quiet=True)
        atexit.register(close, demo)
    return _cache["url"], _cache["bot"]


# --- browser helpers ----------------------------------------------------------------------------------------
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium "
                       "(apt-get install chromium, or `make browser`)"),
]


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian Chromium, headless, through Playwright (skips the test when Playwright is not installed)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def open_app_page(browser: Any, url: str, width: int = 1400, height: int = 1000) -> Any:
    """A page on ``url`` in a browser context of its own (own cookies, own Gradio session; downloads accepted),
    ``width`` x ``height`` px, once its question box is there. Close it with ``page.context.close()``."""
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    pg = context.new_page()
    pg.goto(url)
    pg.wait_for_selector("#question textarea", timeout=60_000)
    return pg


def open_tab(page: Any, name: str) -> None:
    """Open the app's tab ``name``. On a phone the tabs that do not fit are under a "More tabs" (…) button."""
    tab = page.get_by_role("tab", name=name)
    more = page.locator(".overflow-menu button[aria-label='More tabs']")
    tab.or_(more).first.wait_for(state="visible", timeout=60_000)
    if not tab.is_visible():
        more.click()
        tab = page.locator(".overflow-dropdown button", has_text=name)
    tab.click()


# How the dropdown ``#id`` shows its picked choice: the choice, whether it is read whole (every line of its text
# inside the box and left of the arrow, drawn once), and on how many lines. A box's <input> shows one line; a
# choice longer than the box is drawn by another element of the box when the box reads it whole.
CHOICE_SHOWN_JS = """id => {
  const wrap = document.querySelector(`#${id} .wrap-inner`);
  const input = wrap.querySelector('input[role="combobox"]');
  const box = wrap.getBoundingClientRect();
  const arrow = wrap.querySelector('.icon-wrap');
  const right = arrow && arrow.getClientRects().length ? arrow.getBoundingClientRect().left : box.right;
  const value = input.value;
  const drawn = [...wrap.querySelectorAll('*')].filter(e => e !== input && !e.children.length && value
    && e.textContent === value && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden');
  const inputDraws = getComputedStyle(input).color !== 'rgba(0, 0, 0, 0)';
  if (!drawn.length) {
    const end = input.getBoundingClientRect().right - parseFloat(getComputedStyle(input).paddingRight);
    return {value, whole: inputDraws && input.scrollWidth <= input.clientWidth + 1 && end <= right + 1, lines: 1};
  }
  const range = document.createRange();
  range.selectNodeContents(drawn[0]);
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  const inside = rects.every(r => r.left >= box.left - 1 && r.right <= right + 1 && r.top >= box.top - 1
                                  && r.bottom <= box.bottom + 1);
  return {value, whole: inside && !inputDraws && drawn.length === 1,
          lines: new Set(rects.map(r => Math.round(r.top))).size};
}"""


def choice_shown(page: Any, elem: str) -> dict[str, Any]:
    """How the dropdown ``#elem`` shows its picked choice (:data:`CHOICE_SHOWN_JS`)."""
    shown: dict[str, Any] = page.evaluate(CHOICE_SHOWN_JS, elem)
    return shown


# Everything Gradio shows when something failed: error and warning toasts, a component's red "Error" badge.
ERROR_SELECTOR = ('.toast-body.error, .toast-body.warning, [data-testid="status-tracker"] .error, '
                  '.error-bubble, .error-message')


# Words of a table drawn over more than one line, as [column, word, cell text]: each word (a hyphen
# ends one, as the browser may break after it) measured alone; a word whose pieces sit at two heights was broken.
# Where the chat's newest question stands from the top of the chat panel (px), and how far the panel can scroll.
QUESTION_AT_TOP_JS = """() => {
  const log = document.querySelector('#chatbot [role="log"]');
  const asked = log.querySelectorAll('[data-testid="user"]');
  const q = asked[asked.length - 1].getBoundingClientRect(), l = log.getBoundingClientRect();
  return [q.top - l.top, log.scrollHeight - log.clientHeight];
}"""
BROKEN_WORDS_JS = """([table, skip]) => {
  const broken = [];
  const cells = [...document.querySelectorAll(`#${table} .virtual-row .body-cell, #${table} th`)];
  for (const cell of cells) {
    const col = Number(cell.dataset.col ?? cell.dataset.heading);
    if (col === skip) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest('button')) continue;  // the header's menu button
      for (const m of node.data.matchAll(/[^\\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push([col, m[0], cell.innerText]);
      }
    }
  }
  return broken;
}"""


def broken_words(page: Any, table: str, skip: int = -1) -> list[list[Any]]:
    """The words of the Dataframe ``#table`` (its column ``skip`` left out) broken over two lines."""
    found: list[list[Any]] = page.evaluate(BROKEN_WORDS_JS, [table, skip])
    return found


def fits_sideways(page: Any, table: str) -> bool:
    """Whether the Dataframe ``#table`` shows all its columns without a sideways scroll (a pixel of rounding
    allowed)."""
    sizes: list[int] = page.evaluate("t => { const v = document.querySelector(`#${t} .virtual-table-viewport`);"
                                     " return [v.scrollWidth, v.clientWidth]; }", table)
    return sizes[0] <= sizes[1] + 1


def errors_on(page: Any) -> list[str]:
    """Texts of the visible error toasts and error badges on the page."""
    found: list[str] = page.locator(ERROR_SELECTOR).evaluate_all(
        "els => els.filter(e => e.offsetParent !== null || e.getClientRects().length)"
        ".map(e => (e.innerText || e.className).trim())")
    return found


def assert_no_errors(page: Any, step: str) -> None:
    """Fail the test when the page shows any error toast or badge after ``step``."""
    found = errors_on(page)
    assert not found, f"after {step}: the page shows errors {found}"


def last_bot_text(page: Any) -> str:
    bots = page.locator('#chatbot [data-testid="bot"]')
    return str(bots.last.inner_text()) if bots.count() else ""


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


def ask(page: Any, question: str, timeout_ms: int = 180_000) -> list[int]:
    """Ask in the page and wait until the answer is complete (its cards shown, nothing pending); fails on any
    error shown. Returns the lengths the answer bubble went through while streaming."""
    before = page.locator('#chatbot [data-testid="bot"]').count()
    page.evaluate(WATCH)
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function("n => document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length > n",
                           arg=before, timeout=timeout_ms)
    # The last step of an answer names it under the chat: "… apply to answer <n>: “question”".
    page.wait_for_function("n => document.querySelector('#fb-target')?.innerText.includes('answer ' + n + ':')",
                           arg=before + 1, timeout=timeout_ms)
    wait_cards(page, timeout_ms)
    assert_no_errors(page, f"asking {question!r}")
    text = last_bot_text(page)
    assert not text.startswith("Error"), text
    lengths: list[int] = page.evaluate("() => window.__lengths")
    return lengths


def select_answer(page: Any, n: int) -> None:
    """Select the ``n``-th answer bubble of the chat (0 for the first), as a click on it does.

    The chat scrolls itself to its bottom 300 ms after each update that found it there (Gradio's autoscroll). A
    mouse click on an earlier bubble first scrolls that bubble into view; when the pending autoscroll moves it
    away between the button going down and coming up, the click lands on no bubble and nothing is selected (seen
    in a run of the browser tests under load). So: Playwright's trial click checks that a user could click the
    bubble (visible, stable, not covered), then the click event goes to the bubble itself."""
    bubble = page.locator('#chatbot [data-testid="bot"]').nth(n)
    bubble.click(trial=True)
    bubble.dispatch_event("click")


def wait_cards(page: Any, timeout_ms: int = 30_000) -> None:
    """Wait until the citation cards are hidden or show their text: the Dataset renders its samples' HTML once its
    example component has loaded, a moment after the update that filled it (CI once read shown cards empty)."""
    page.wait_for_function("() => { const c = document.querySelector('#cards');"
                           " return !c || !c.offsetParent || c.innerText.trim().length > 0; }", timeout=timeout_ms)


def download_from(page: Any, elem: str, *parts: str) -> Path:
    """Wait until the file component ``#elem`` shows a file whose name has all ``parts``, download it, return
    the downloaded path (Gradio shows stem and extension apart, the link is the size)."""
    page.wait_for_function("([sel, parts]) => { const t = document.querySelector(sel)?.innerText || '';"
                           " return parts.every(p => t.includes(p)); }", arg=[f"#{elem}", list(parts)],
                           timeout=60_000)
    with page.expect_download() as download:
        page.locator(f"#{elem} a[download]").first.click()
    return Path(download.value.path())


def wait_uploaded(page: Any, elem: str, name: str, timeout_ms: int = 60_000) -> None:
    """Wait until the upload component ``#elem`` lists ``name`` as an uploaded file. Its row's cell is named by
    the file name, while its text splits stem and extension ("S_2025_172 .pdf"): a text match only ever caught
    the upload's passing progress line, and missed when that line was gone before it looked (CI, under load)."""
    page.locator(f"#{elem}").get_by_role("cell", name=name, exact=True).wait_for(timeout=timeout_ms)


def newest_answer_visible(page: Any) -> bool:
    """Whether the newest answer's bubble is on screen: inside the chat panel's visible part and the window."""
    return bool(page.evaluate("""() => {
        const log = document.querySelector('#chatbot [role="log"]');
        const bots = log.querySelectorAll('[data-testid="bot"]');
        const b = bots[bots.length - 1].getBoundingClientRect(), l = log.getBoundingClientRect();
        const top = Math.max(b.top, l.top, 0), bottom = Math.min(b.bottom, l.bottom, window.innerHeight);
        return bottom - top >= Math.min(40, b.height);
    }"""))


# --- a server that counts what is asked of it ---------------------------------------------------------------
class Beacon:
    """A real HTTP server on another loopback port that records every request it gets (a hostile document's
    image or link target: nothing the app shows may make the browser or the server call it)."""

    def __init__(self) -> None:
        hits: list[str] = []
        self.hits = hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
