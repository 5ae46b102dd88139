"""Conversations that last, in Debian Chromium: the history sidebar across a reload, permalinks opened by a
colleague in another browser, history exports, and a history that cannot be written. Every step fails on an error
toast or badge (except where the test expects the warning it checks)."""

from __future__ import annotations

import atexit
import json
from pathlib import Path
from typing import Any

import httpx

from briefbot.history import History, viewer_for
from briefbot.service import Briefbot
from web_support import (
    ARTIFACTS,
    BROWSER_MARKS,
    LIBYA_Q,
    QUESTION_AT_TOP_JS,
    ask,
    assert_no_errors,
    download_from,
    errors_on,
    free_port,
    last_bot_text,
    open_app_page,
    other_app_in_this_process,
    select_answer,
    wait_cards,
)

ARMS_Q = "What does resolution 2781 (2025) decide about the arms embargo?"
MARS_Q = "What is the population of Mars?"
LIBYA_REF = "S/RES/2769 (2025), para. 22, p. 6"

pytestmark = BROWSER_MARKS


def _new_conversation(pg: Any) -> None:
    pg.click("#new-conversation")
    pg.wait_for_function("!document.querySelector('#chatbot [data-testid=\"bot\"]')", timeout=20_000)
    assert_no_errors(pg, "starting a new conversation")


def _history_item(pg: Any, first_question: str, *also: str) -> Any:
    """The sidebar entry of the conversation that began with ``first_question``, once it is listed showing
    ``also`` too. The entry is listed from its first answer on, and the list is a Dataset that renders an update
    a moment after it arrives: wait for what the newest answer changed, not for the entry as it was before."""
    item = pg.locator("#conversations button").filter(has_text=first_question)
    for text in also:
        item = item.filter(has_text=text)
    item.first.wait_for(timeout=30_000)
    return item.first


def _bots(pg: Any) -> int:
    return int(pg.locator('#chatbot [data-testid="bot"]').count())


def test_the_chat_s_clear_button_starts_a_new_conversation(page: Any) -> None:
    """The Clear (trash) icon of the chat empties more than the messages: the cleared answer's permalink, citation
    cards and export / feedback target go too, and its conversation stays in the sidebar."""
    _new_conversation(page)
    ask(page, LIBYA_Q)
    ask(page, ARMS_Q)
    assert "Permalink" in page.locator("#permalink").inner_text()
    page.locator("#chatbot button[aria-label='Clear'], #chatbot button[title='Clear']").first.click()
    page.wait_for_function("!document.querySelector('#chatbot [data-testid=\"bot\"]')", timeout=20_000)
    page.wait_for_function("!document.querySelector('#permalink').innerText.includes('Permalink')", timeout=20_000)
    assert not page.locator("#cards-title").is_visible()
    assert "Permalink" not in page.locator("#permalink").inner_text()
    assert_no_errors(page, "clearing the chat")
    _history_item(page, LIBYA_Q)
    # Asking after a clear starts the new conversation; a reload keeps both conversations and shows no error.
    ask(page, ARMS_Q)
    assert _bots(page) == 1
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    assert_no_errors(page, "reloading after a clear")
    _history_item(page, LIBYA_Q)
    # Two conversations hold the arms question: the cleared one and the one begun after the clear.
    page.wait_for_function("q => [...document.querySelectorAll('#conversations button')]"
                           ".filter(b => b.innerText.includes(q)).length >= 2", arg=ARMS_Q[:60], timeout=30_000)


def test_a_conversation_is_deleted_after_a_confirmation(page: Any, app: tuple[str, Briefbot]) -> None:
    """The chat's Clear only empties the screen (and now says so); "Delete this conversation" deletes it from the
    history, after naming it: Cancel keeps it, Delete removes it from the sidebar, the screen and the file."""
    _, bot = app
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    secret = f"{MARS_Q} (asked for deletion 4d2e)"
    # The page's load has listed the history (its update would replace the status this test reads).
    page.wait_for_function("document.querySelector('#conversations')?.offsetParent"
                           " || document.querySelector('#history-status')?.innerText.includes('kept here')",
                           timeout=30_000)
    page.click("#delete-conversation")  # nothing saved yet: said, nothing asked
    page.wait_for_function("document.querySelector('#history-status').innerText.includes('Open a conversation')",
                           timeout=30_000)
    ask(page, secret)
    ask(page, LIBYA_Q)
    _history_item(page, secret, LIBYA_Q)
    # Clear keeps it, and says how to delete it.
    page.locator("#chatbot button[aria-label='Clear'], #chatbot button[title='Clear']").first.click()
    page.wait_for_function("document.querySelector('#history-status').innerText.includes('stays in your history')",
                           timeout=30_000)
    _history_item(page, secret).click()
    page.wait_for_function("document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length === 2",
                           timeout=30_000)

    page.click("#delete-conversation")
    page.locator("#delete-confirm-text").wait_for(state="visible", timeout=30_000)
    asked = page.inner_text("#delete-confirm-text")
    assert f"Delete “{secret}” (2 answers) from your history?" in asked and "cannot be undone" in asked, asked
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web_delete_conversation.png"))
    page.click("#delete-cancel-btn")
    page.wait_for_function("document.querySelector('#history-status').innerText.includes('Nothing deleted')",
                           timeout=30_000)
    page.locator("#delete-confirm-text").wait_for(state="hidden", timeout=30_000)
    _history_item(page, secret)
    assert _bots(page) == 2
    assert_no_errors(page, "cancelling a deletion")

    page.click("#delete-conversation")
    page.locator("#delete-confirm-btn").wait_for(state="visible", timeout=30_000)
    page.click("#delete-confirm-btn")
    page.wait_for_function("document.querySelector('#history-status').innerText.includes('Deleted from your history')",
                           timeout=30_000)
    page.locator("#delete-confirm-btn").wait_for(state="hidden", timeout=30_000)
    page.wait_for_function("!document.querySelector('#chatbot [data-testid=\"bot\"]')", timeout=30_000)
    page.wait_for_function("q => ![...document.querySelectorAll('#conversations button')]"
                           ".some(b => b.innerText.includes(q))", arg=secret, timeout=30_000)
    assert "permalink" not in page.inner_text("#permalink").lower()
    assert_no_errors(page, "deleting a conversation")
    assert secret not in [q for c in bot.history.conversations(viewer_for(None, loopback=True)) for q in c.questions]
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.wait_for_timeout(1000)
    assert page.locator("#conversations button").filter(has_text=secret).count() == 0
    assert not console, console


def test_leaving_a_conversation_withdraws_its_delete_confirmation(page: Any, app: tuple[str, Briefbot]) -> None:
    """A deletion asked about names the conversation shown; opening another, starting a new one or reloading
    withdraws it: the confirmation is gone and no conversation is deleted (Delete there deleted the first one,
    with the second on screen)."""
    _, bot = app
    first, second = f"{MARS_Q} (kept 7a1c)", f"{MARS_Q} (kept 9b3e)"
    _new_conversation(page)
    ask(page, first)
    _new_conversation(page)
    ask(page, second)
    _history_item(page, first)
    _history_item(page, second)
    confirm = page.locator("#delete-confirm-btn")

    def ask_to_delete(shown: str) -> None:
        page.click("#delete-conversation")
        page.locator("#delete-confirm-text").wait_for(state="visible", timeout=30_000)
        assert shown in page.inner_text("#delete-confirm-text")
        assert_no_errors(page, "asking to delete a conversation")

    _history_item(page, first).click()
    page.wait_for_function("q => document.querySelector('#chatbot').innerText.includes(q)", arg=first, timeout=30_000)
    ask_to_delete(first)
    _history_item(page, second).click()  # another conversation opened
    page.wait_for_function("q => document.querySelector('#chatbot').innerText.includes(q)", arg=second,
                           timeout=30_000)
    confirm.wait_for(state="hidden", timeout=30_000)
    assert not page.locator("#delete-confirm-text").is_visible()
    assert_no_errors(page, "opening another conversation")

    ask_to_delete(second)
    _new_conversation(page)  # a new one started
    confirm.wait_for(state="hidden", timeout=30_000)

    _history_item(page, second).click()
    page.wait_for_function("q => document.querySelector('#chatbot').innerText.includes(q)", arg=second,
                           timeout=30_000)
    ask_to_delete(second)
    page.reload()  # the page loaded again
    page.wait_for_selector("#question textarea", timeout=60_000)
    _history_item(page, second)
    assert not confirm.is_visible()
    assert_no_errors(page, "reloading with a deletion asked about")
    asked = [q for c in bot.history.conversations(viewer_for(None, loopback=True)) for q in c.questions]
    assert first in asked and second in asked


def test_two_questions_survive_a_reload_with_their_citations(page: Any) -> None:
    _new_conversation(page)
    ask(page, LIBYA_Q)
    ask(page, ARMS_Q)
    item = _history_item(page, LIBYA_Q, "2 questions")
    assert ARMS_Q[:60] in item.inner_text()  # one conversation, both questions

    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    assert_no_errors(page, "reloading")
    assert _bots(page) == 0  # a reload starts a clean chat; the history is in the sidebar
    item = _history_item(page, LIBYA_Q)
    assert ARMS_Q[:60] in item.inner_text() and "2 questions" in item.inner_text()

    item.click()
    page.wait_for_function("document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length === 2",
                           timeout=30_000)
    assert_no_errors(page, "reopening a conversation")
    assert "15 May 2026" in page.locator('#chatbot [data-testid="bot"]').first.inner_text()
    # The chat shows the newest answer, the one its cards and feedback target are (a browser walk: it stood at the
    # first answer above the last one's cards).
    page.wait_for_timeout(1500)  # past Gradio's autoscroll and the late loads of the answers' parts
    top, scrollable = page.evaluate(QUESTION_AT_TOP_JS)
    assert scrollable > 50 and 0 <= top <= 40, f"the newest question is {top:.0f} px from the chat's top"
    assert "answer 2:" in page.inner_text("#fb-target") and ARMS_Q[:40] in page.inner_text("#fb-target")
    wait_cards(page)
    assert "S/RES/2781 (2025)" in page.inner_text("#cards")
    assert page.locator("#permalink a").count() == 1

    # The first answer's own citations, and its page with the quote highlighted, as before the reload.
    select_answer(page, 0)
    page.wait_for_function("document.querySelector('#fb-target').innerText.includes('answer 1:')", timeout=20_000)
    card = page.locator("#cards button").filter(has_text="S/RES/2769 (2025)").filter(has_text="para.")
    card.first.click()
    page.wait_for_selector("#page-image img", timeout=60_000)
    assert "quote highlighted" in page.inner_text("#page-caption")
    assert_no_errors(page, "opening a reopened answer's citation")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "web_history.png"))  # docs/web_history.png is a copy

    # And the chat goes on in the same conversation.
    ask(page, MARS_Q)
    item = _history_item(page, LIBYA_Q, "3 questions")
    assert "3 questions" in item.inner_text() and MARS_Q[:30] in item.inner_text()


def test_a_permalink_opens_for_a_colleague(page: Any, browser: Any, app: tuple[str, Briefbot]) -> None:
    _new_conversation(page)
    ask(page, LIBYA_Q)
    link = page.locator("#permalink a")
    link.wait_for(timeout=20_000)
    href = str(link.evaluate("a => a.href"))  # absolute, as the browser resolves it
    assert href.startswith(app[0].rstrip("/")) and "?answer=" in href

    other = open_app_page(browser, href)  # another browser: other cookies, other session
    other.wait_for_function("document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length === 1",
                            timeout=30_000)
    assert_no_errors(other, "opening a permalink")
    text = last_bot_text(other)
    assert "15 May 2026" in text and "Shared answer" in text
    # The cards come in the same update as the chat, but the Dataset renders its samples' HTML once its example
    # component has loaded, a moment after the chat bubble (CI once read the cards empty).
    other.wait_for_function("document.querySelector('#cards')?.innerText.includes('S/RES/2769 (2025)')",
                            timeout=30_000)
    assert LIBYA_Q[:40] in other.inner_text("#fb-target")
    other.locator("#cards button").filter(has_text="S/RES/2769 (2025)").first.click()
    other.wait_for_selector("#page-image img", timeout=60_000)
    assert_no_errors(other, "a shared answer's citation page")
    other.context.close()

    # A made-up token: said plainly, nothing shown, the app still works.
    bogus = open_app_page(browser, app[0].rstrip("/") + "/?answer=" + "A" * 24)
    bogus.wait_for_selector(".toast-body.warning", timeout=30_000)
    assert "no answer at this link" in bogus.inner_text(".toast-body.warning")
    assert _bots(bogus) == 0
    bogus.context.close()


def test_history_exports(page: Any, app: tuple[str, Briefbot]) -> None:
    _new_conversation(page)
    ask(page, LIBYA_Q)
    # Only the export hands the history out: the file route never serves it.
    url, bot = app
    assert bot.history.path.is_file()
    for name in ("history.sqlite", "history.sqlite-wal"):
        status = httpx.get(f"{url.rstrip('/')}/gradio_api/file={bot.history.path.parent.resolve() / name}").status_code
        assert status in (403, 404), (name, status)
    page.click("#history-md")
    md = download_from(page, "history-export", "briefbot-history", ".md").read_text(encoding="utf-8")
    assert md.startswith("# briefbot conversations of local") and f"### {LIBYA_Q}" in md and LIBYA_REF in md
    assert_no_errors(page, "exporting the history as Markdown")
    page.click("#history-json")
    data = json.loads(download_from(page, "history-export", "briefbot-history", ".json").read_text(encoding="utf-8"))
    assert data["user"] == "local"
    newest = data["conversations"][0]["answers"][0]
    assert newest["question"] == LIBYA_Q and newest["token"] and "S_RES_2769_2025.pdf" in newest["doc_ids"]
    assert any(c["symbol"] == "S/RES/2769 (2025)" and c["paragraph"] == "22" for c in newest["citations"])
    assert_no_errors(page, "exporting the history as JSON")
    # The next question makes that file out of date: it leaves the sidebar (a stale one stayed to be downloaded).
    ask(page, ARMS_Q)
    page.wait_for_selector("#history-export", state="hidden", timeout=30_000)
    page.click("#history-md")
    md = download_from(page, "history-export", "briefbot-history", ".md").read_text(encoding="utf-8")
    assert f"### {ARMS_Q}" in md
    _new_conversation(page)
    page.wait_for_selector("#history-export", state="hidden", timeout=30_000)
    assert_no_errors(page, "a history export after the conversation changed")


NAME_CUT_JS = """sel => [...document.querySelectorAll(`${sel} td.filename`)].map(td => {
  const stem = td.querySelector('.stem'), ext = td.querySelector('.ext');
  const r = td.getBoundingClientRect(), e = ext.getBoundingClientRect();
  return [td.getAttribute('aria-label'), stem.scrollWidth > stem.clientWidth + 1, e.right > r.right + 1];
})"""


def test_a_history_export_is_named_whole_in_the_sidebar(page: Any) -> None:
    """A review: the sidebar's history export read "b….json" (Gradio cut the name to leave its size column 8rem).
    Both exports show their whole name, in the sidebar's width."""
    ask(page, LIBYA_Q)
    for button, ext in (("#history-json", ".json"), ("#history-md", ".md")):
        page.click(button)
        page.locator("#history-export td.filename").filter(has_text=ext).wait_for(timeout=60_000)
        assert_no_errors(page, f"exporting the history ({ext})")
        names = page.evaluate(NAME_CUT_JS, "#history-export")
        assert names == [[f"briefbot-history{ext}", False, False]], names
        shown = page.inner_text("#history-export td.filename")
        assert "…" not in shown and "briefbot-history" in shown, shown
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("#history").screenshot(path=str(ARTIFACTS / "web_history_export_name.png"))


def test_a_reopened_conversation_says_which_answers_it_withholds(page: Any, app: tuple[str, Briefbot]) -> None:
    """Answers citing documents removed since (or no longer readable) are withheld from a reopened conversation;
    it says so, first, in a message of its own (a browser walk found the notice inside the last answer's bubble,
    read as part of an unrelated abstention), and its sidebar entry counts what is shown."""
    _, bot = app
    _new_conversation(page)
    ask(page, LIBYA_Q)
    ask(page, ARMS_Q)
    _new_conversation(page)
    kept = bot.history
    local = viewer_for(None, loopback=True)
    first, second = kept.answers(local, kept.conversations(local)[0].id)
    assert first.answer.question == LIBYA_Q and second.answer.question == ARMS_Q
    # As if a document only the second answer cites had been removed.
    gone = {c.doc_id for c in second.answer.citations} - {c.doc_id for c in first.answer.citations}
    assert gone
    bot._history = History(kept.path, may_read=lambda _user, ids: not gone & set(ids))
    try:
        page.reload()  # the sidebar as it is now
        page.wait_for_selector("#question textarea", timeout=60_000)
        item = _history_item(page, LIBYA_Q, "1 not shown")
        assert "1 question ·" in item.inner_text() and ARMS_Q[:40] not in item.inner_text()
        item.click()
        page.wait_for_function("document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length === 2",
                               timeout=30_000)
        bots = page.locator('#chatbot [data-testid="bot"]')
        assert "1 answer(s) of this conversation are not shown" in bots.first.inner_text()
        assert "15 May 2026" in bots.last.inner_text() and "not shown" not in bots.last.inner_text()
        # The notice is no answer: selecting the answer under it brings that answer's citations.
        select_answer(page, 1)
        page.wait_for_function("document.querySelector('#fb-target').innerText.includes('answer 1:')",
                               timeout=20_000)
        assert "S/RES/2769 (2025)" in page.inner_text("#cards")
        assert_no_errors(page, "reopening a conversation with a withheld answer")
        _new_conversation(page)
        bot._history = History(kept.path, may_read=lambda _user, _ids: False)  # every document gone
        _history_item(page, LIBYA_Q).click()
        page.wait_for_function("document.querySelector('#chatbot')?.innerText.includes('are not shown')",
                               timeout=30_000)
        assert "2 answer(s) of this conversation are not shown" in page.inner_text("#chatbot")
        assert not page.locator("#cards-title").is_visible()
        assert_no_errors(page, "reopening a conversation whose answers are all withheld")
    finally:
        bot._history = kept
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    _history_item(page, LIBYA_Q).click()
    page.wait_for_function("document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length === 2",
                           timeout=30_000)
    assert "not shown" not in page.inner_text("#chatbot")
    assert_no_errors(page, "reopening it with every document back")


def test_a_history_that_cannot_be_written_loses_nothing(page: Any, app: tuple[str, Briefbot],
                                                         tmp_path: Path) -> None:
    _, bot = app
    _new_conversation(page)
    junk = tmp_path / "history.sqlite"
    junk.write_bytes(b"this is not a database " * 100)
    kept = bot.history
    bot._history = History(junk)  # the index's history file, as if damaged
    try:
        page.fill("#question textarea", LIBYA_Q)
        page.click("#ask")
        page.wait_for_selector(".toast-body.warning", timeout=120_000)
        assert "Not saved to history" in page.inner_text(".toast-body.warning")
        assert "index folder is writable" in page.inner_text(".toast-body.warning")
        page.wait_for_function("document.querySelector('#fb-target')?.innerText.includes('answer 1:')",
                               timeout=60_000)
        assert "15 May 2026" in last_bot_text(page)  # the answer is shown all the same
        assert "wait to be saved" in page.inner_text("#history-status")
        page.locator(".toast-body.warning").first.wait_for(state="detached", timeout=30_000)
    finally:
        bot._history = kept
    # Once the history works again, the next answer saves the waiting one first: nothing lost.
    ask(page, ARMS_Q)
    item = _history_item(page, LIBYA_Q, "2 questions")
    assert ARMS_Q[:60] in item.inner_text() and "2 questions" in item.inner_text()
    assert not errors_on(page)
    assert "Not saved" not in page.inner_text("#history-status")

    # Broken again, and the user leaves the chat: what could not be saved is handed over as a download.
    bot._history = History(junk)
    try:
        page.fill("#question textarea", MARS_Q)
        page.click("#ask")
        page.wait_for_selector(".toast-body.warning", timeout=120_000)
        page.wait_for_function("document.querySelector('#fb-target')?.innerText.includes('answer 3:')",
                               timeout=60_000)
        page.locator(".toast-body.warning").first.wait_for(state="detached", timeout=30_000)
        page.click("#new-conversation")
        page.wait_for_selector(".toast-body.warning", timeout=30_000)
        assert "could not be saved" in page.inner_text(".toast-body.warning")
        unsaved = download_from(page, "export-file", "briefbot-unsaved-answers", ".md").read_text(encoding="utf-8")
        assert unsaved.startswith(f"# {MARS_Q}") and LIBYA_Q not in unsaved  # only what was not saved
        assert _bots(page) == 0
    finally:
        bot._history = kept


def test_signed_in_users_have_their_own_history_and_share_permalinks(app: tuple[str, Briefbot],
                                                                       browser: Any) -> None:
    # The same index served with accounts: the history is keyed by the signed-in user.
    _, bot = app
    users = {"alice": "copper kettle meadow 42", "bob": "violet harbour lantern"}
    settings = bot.settings.model_copy(update={"auth": ",".join(f"{u}:{p}" for u, p in users.items()),
                                               "port": free_port()})
    from briefbot.web import close, create_app, launch

    # A Briefbot over the same index with these settings: who may read is decided from the served settings' names.
    served = Briefbot(settings)
    with other_app_in_this_process():
        demo = create_app(served, settings)
        url = launch(demo, settings, prevent_thread_lock=True, quiet=True).rstrip("/")
    atexit.register(close, demo)

    def signed_in(user: str, address: str) -> Any:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        assert context.request.post(f"{url}/login", form={"username": user, "password": users[user]}).ok
        pg = context.new_page()
        pg.goto(address)
        pg.wait_for_selector("#question textarea", timeout=60_000)
        return pg

    alice = signed_in("alice", url)
    ask(alice, LIBYA_Q)
    _history_item(alice, LIBYA_Q)
    href = str(alice.locator("#permalink a").evaluate("a => a.href"))
    alice.context.close()

    bob = signed_in("bob", url)
    # The history list has loaded (an empty history says so): a fixed wait passed whether or not it had.
    bob.wait_for_function("document.querySelector('#history-status')?.innerText.includes('kept here')",
                          timeout=30_000)
    assert bob.locator("#conversations button").filter(has_text=LIBYA_Q).count() == 0  # not bob's history
    assert_no_errors(bob, "bob's first load")
    bob.goto(href)  # but alice's permalink opens for him
    bob.wait_for_function("document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length === 1",
                          timeout=30_000)
    assert "Shared answer, asked by alice" in last_bot_text(bob) and "15 May 2026" in last_bot_text(bob)
    assert_no_errors(bob, "bob opening alice's permalink")
    bob.context.close()
    assert [c.title for c in bot.history.conversations(viewer_for("alice", loopback=True))] == [LIBYA_Q]
    assert bot.history.conversations(viewer_for("bob", loopback=True)) == []
