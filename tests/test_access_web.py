"""A real server with two accounts over an index with a "confidential" collection: the user without access to it
cannot reach any of its text through the API, the file routes, the browser (chat, page view, PDF, library,
document management) or the feedback export; the user with access can. Every browser step fails on an error
toast or badge.
"""

from __future__ import annotations

import atexit
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from briefbot.audit import AuditLog
from briefbot.config import Settings
from briefbot.errors import ConfigError
from briefbot.feedback import append_feedback, feedback_path, make_record
from briefbot.ingest import ingest_paths
from briefbot.service import Briefbot
from briefbot.web.serving import check_bind
from web_support import (
    ARTIFACTS,
    CHROMIUM,
    ask,
    assert_no_errors,
    download_from,
    free_port,
    other_app_in_this_process,
)

SAMPLES = Path(__file__).resolve().parents[1] / "ingest" / "samples"
SECRET_Q = "What did the Panel note about the arms embargo in its final report S/2024/914?"
SECRET_TEXT = "remained ineffective where Member States controlled"  # printed in S/2025/257 only
ALICE, ALICE_PW = "alice", "tangerine lighthouse parcel"  # reads general and confidential
BOB, BOB_PW = "bob", "violet harbour cinnamon"  # reads general; a feedback reader (sees everyone's feedback)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Briefbot]]:
    root = tmp_path_factory.mktemp("access_web")
    settings = Settings(index=root / "index", engine="extractive", llm_provider=None, llm_model=None,
                        host="127.0.0.1", port=free_port(), auth=None, feedback_readers=BOB)
    assert not ingest_paths([SAMPLES / "S_RES_2769_2025.pdf"], settings).failed
    assert not ingest_paths([SAMPLES / "S_2025_257.pdf"], settings, collection="confidential").failed
    bot = Briefbot(settings)
    bot.accounts.add(ALICE, ALICE_PW, collections=["general", "confidential"])
    bot.accounts.add(BOB, BOB_PW)
    # Alice's helpful answer quotes the confidential report; it sits in the feedback bob may export.
    answer = bot.ask(SECRET_Q, scope=bot.readable(ALICE))
    assert SECRET_TEXT in json.dumps(answer.to_dict())
    append_feedback(feedback_path(Path(settings.index)), make_record(answer, "up", owner=f"user:{ALICE}"))
    from briefbot.web import create_app, launch

    with other_app_in_this_process():
        demo = create_app(bot, settings)
        url = launch(demo, settings, prevent_thread_lock=True, quiet=True)
    # demo.close, not briefbot.web.close: that also removes the temp space of the session's shared app.
    atexit.register(demo.close)
    yield url, bot
    demo.close()


def _no_secret(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, default=str)
    assert SECRET_TEXT not in text and "S/2025/257" not in text and "S_2025_257" not in text, text[:500]


def test_any_other_bind_needs_accounts_or_auth() -> None:
    with pytest.raises(ConfigError, match="briefbot users add"):
        check_bind("0.0.0.0", None)
    check_bind("0.0.0.0", None, accounts=True)
    check_bind("127.0.0.1", None)  # loopback without accounts: the zero-set-up default


def test_sign_in_is_required_and_audited(app: tuple[str, Briefbot]) -> None:
    url, bot = app
    assert httpx.get(f"{url}gradio_api/login_check").status_code == 401
    with pytest.raises(Exception):  # noqa: B017 - gradio_client raises a bare Exception on a refused login
        Client(url, auth=(BOB, "not bob's password"), verbose=False)
    events = list(AuditLog(Path(bot.settings.index)).read(user=BOB))
    assert events and events[-1]["action"] == "login_failed"


def test_the_api_enforces_collections(app: tuple[str, Briefbot]) -> None:
    url, bot = app
    as_bob = Client(url, auth=(BOB, BOB_PW), verbose=False).predict(question=SECRET_Q, api_name="/ask")
    assert as_bob["passages"]
    _no_secret(as_bob)
    # Naming the document does not help either.
    named = Client(url, auth=(BOB, BOB_PW), verbose=False).predict(
        question="What does S/2025/257 say about the arms embargo?", documents=["S_2025_257.pdf"], api_name="/ask")
    assert named["abstained"] and not named["passages"]  # as if it were not indexed
    _no_secret({k: v for k, v in named.items() if k != "question"})
    as_alice = Client(url, auth=(ALICE, ALICE_PW), verbose=False).predict(question=SECRET_Q, api_name="/ask")
    assert SECRET_TEXT in json.dumps(as_alice)
    asks = [e for e in AuditLog(Path(bot.settings.index)).read(action="ask") if e["user"] in (ALICE, BOB)]
    assert {e["user"] for e in asks} == {ALICE, BOB}


def test_file_routes_serve_no_confidential_file(app: tuple[str, Briefbot]) -> None:
    url, bot = app
    copy = bot.document_path("S_2025_257.pdf")  # the private copy pages and downloads are made from
    assert copy is not None and copy.is_file()
    with httpx.Client(timeout=30) as http:
        assert http.post(f"{url}login", data={"username": BOB, "password": BOB_PW}).status_code == 200
        for path in (copy, SAMPLES / "S_2025_257.pdf", Path(bot.settings.index) / "access.sqlite",
                     Path(bot.settings.index) / "audit.jsonl"):
            r = http.get(f"{url}gradio_api/file={path}")
            assert r.status_code in (403, 404), (path, r.status_code)


# --- the browser ---------------------------------------------------------------------------------------------------


def _signed_in(browser: Any, url: str, user: str, password: str) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(url)
    page.locator("input").first.wait_for(timeout=60_000)
    page.locator("input[type=text], input:not([type])").first.fill(user)
    page.locator("input[type=password]").fill(password)
    page.locator("button", has_text="Login").click()
    page.wait_for_selector("#question textarea", timeout=60_000)
    assert_no_errors(page, f"signing in as {user}")
    return page


def _open_library(page: Any) -> None:
    page.get_by_role("tab", name="Library").click()
    page.wait_for_function("document.querySelector('#library-table')?.innerText.includes('S/RES/2769')",
                           timeout=60_000)


def _pick(page: Any, elem: str, value: str) -> None:
    page.click(f"#{elem} input")
    page.fill(f"#{elem} input", value)
    page.locator('[data-testid="dropdown-option"]', has_text=value).first.click()
    page.keyboard.press("Escape")


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium")
def test_browser_without_access_sees_none_of_the_collection(app: tuple[str, Briefbot], browser: Any) -> None:
    url, bot = app
    page = _signed_in(browser, url, BOB, BOB_PW)
    ask(page, SECRET_Q)
    chat, cards = page.inner_text("#chatbot"), page.inner_text("#cards")
    _no_secret([chat, cards])
    page.locator("#cards button, #cards .gallery-item").first.click()
    page.wait_for_function("document.querySelector('#page-caption')?.innerText.includes('highlighted') || "
                           "document.querySelector('#page-caption')?.innerText.includes('located')",
                           timeout=60_000)
    assert_no_errors(page, "opening the first citation's page")
    page.click("#pdf-download")
    pdf = download_from(page, "export-file", "S_RES_2769_2025", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")

    _open_library(page)
    _no_secret([page.inner_text("#library-table"), page.inner_text("#library-summary")])
    page.click("#manage-doc input")
    options = page.locator('[data-testid="dropdown-option"]').all_inner_texts()
    page.keyboard.press("Escape")
    assert any("S/RES/2769" in o for o in options)
    _no_secret(options)
    page.click("#remove-docs input")
    _no_secret(page.locator('[data-testid="dropdown-option"]').all_inner_texts())
    page.keyboard.press("Escape")
    assert_no_errors(page, "opening the library")

    page.get_by_role("tab", name="Feedback").click()
    page.click("#fb-csv")
    exported = download_from(page, "fb-export", "briefbot-feedback", "csv")
    _no_secret(exported.read_text(encoding="utf-8"))
    assert_no_errors(page, "exporting feedback")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "access_bob_library.png"))
    page.context.close()

    opened = [e for e in AuditLog(Path(bot.settings.index)).read(user=BOB) if e["action"] in ("open", "export")]
    assert {e["action"] for e in opened} == {"open", "export"}
    assert all(e.get("document") != "S_2025_257.pdf" for e in opened)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium")
def test_browser_manages_documents_of_its_collections(app: tuple[str, Briefbot], browser: Any) -> None:
    url, bot = app
    page = _signed_in(browser, url, ALICE, ALICE_PW)
    _open_library(page)
    _pick(page, "manage-doc", "S/2025/257")
    page.wait_for_function("document.querySelector('#manage-info')?.innerText.includes('confidential')",
                           timeout=30_000)
    page.click("#manage-show")
    page.wait_for_function(f"document.querySelector('#manage-passages')?.innerText.includes({SECRET_TEXT!r})",
                           timeout=30_000)
    assert_no_errors(page, "showing the passages as indexed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "access_manage_passages.png"), full_page=True)

    page.click("#manage-reingest")
    page.wait_for_function("document.querySelector('#manage-status')?.innerText.includes('Re-ingested')",
                           timeout=180_000)
    assert_no_errors(page, "re-ingesting")
    assert bot.document("S_2025_257.pdf").collection == "confidential"

    _pick(page, "manage-collection", "general")
    page.click("#manage-move")
    page.wait_for_function("document.querySelector('#manage-status')?.innerText.includes('Moved') && "
                           "document.querySelector('#manage-status')?.innerText.includes('general')",
                           timeout=30_000)
    assert_no_errors(page, "moving to general")
    try:
        assert bot.document("S_2025_257.pdf").collection == "general"
        assert bot.may_read(["S_2025_257.pdf"], bot.readable(BOB))
        # Moved again into the collection it is now in: said plainly, nothing written (it said "Moved …").
        version = bot.store.version()
        page.click("#manage-move")
        page.wait_for_function("document.querySelector('#manage-status')?.innerText.includes('already in')",
                               timeout=30_000)
        assert page.inner_text("#manage-status") == ("S_2025_257.pdf is already in the collection general: "
                                                     "nothing changed.")
        assert bot.store.version() == version
        assert_no_errors(page, "moving to general again")
    finally:
        bot.set_collection(["S_2025_257.pdf"], "confidential")
    page.context.close()
    actions = {e["action"] for e in AuditLog(Path(bot.settings.index)).read(user=ALICE)}
    assert {"login", "open", "reingest", "move"} <= actions
