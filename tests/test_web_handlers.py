"""The web app's handler logic over a real index of the sample documents (no browser)."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import shutil
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import ImageChops
from typer.testing import CliRunner

from briefbot.cli import app as cli_app
from briefbot.errors import BriefbotError, ConfigError, NotFoundError, UploadRejected
from briefbot.export import answer_markdown
from briefbot.feedback import (
    LOCAL_OWNER,
    append_feedback,
    earlier_vote,
    export_csv,
    export_jsonl,
    feedback_path,
    latest_votes,
    make_record,
    read_feedback,
    visible_feedback,
)
from briefbot.mdtext import md_text
from briefbot.models import Answer
from briefbot.service import Briefbot
from briefbot.web import serving, uploads, views
from briefbot.web.guard import allowed_hosts, fetches_url, host_name
from briefbot.web.pdfview import locate, render_page
from web_support import LIBYA_Q, LIBYA_QUOTE, SAMPLES, other_app_in_this_process, web_briefbot

FIXTURE_PDF = Path(__file__).parent / "fixtures" / "pdf" / "S_2025_172.pdf"
MARS_Q = "What is the population of Mars?"


@pytest.fixture(autouse=True, scope="module")
def _restore_gradio_temp_dir() -> Iterator[None]:
    """This module's apps (create_app) point GRADIO_TEMP_DIR at their spaces; give the session's shared app its own
    back, or an upload to it in a later module is refused ("not uploaded by a user")."""
    with other_app_in_this_process():
        yield


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return web_briefbot(tmp_path_factory)


@pytest.fixture(scope="session")
def libya(bot: Briefbot) -> Answer:
    return bot.ask(LIBYA_Q)


@pytest.fixture(scope="session")
def mars(bot: Briefbot) -> Answer:
    return bot.ask(MARS_Q)


def _libya_card(answer: Answer) -> views.Card:
    cards = views.cards_for(answer)
    found = [c for c in cards if c.symbol == "S/RES/2769 (2025)" and c.paragraph == "22"]
    assert found, [c.reference() for c in cards]
    return found[0]


# --- citation cards -----------------------------------------------------------------------------------------
def test_citation_card_shows_symbol_title_type_date_page_paragraph_quote(libya: Answer) -> None:
    assert not libya.abstained
    card = _libya_card(libya)
    assert (card.doc_id, card.page, card.passage) == ("S_RES_2769_2025.pdf", 6, False)
    html = views.card_html(card)
    for part in ("S/RES/2769 (2025)", "para.&nbsp;22", "p.&nbsp;6", "Resolution 2769 (2025)",
                 "Security Council resolution", "2025-01-16", "Decides to extend until 15 May 2026", "citation"):
        assert part in html, part


def test_footnotes_are_labelled_as_footnotes() -> None:
    card = views.Card(key="1", doc_id="x.pdf", symbol="S/2025/1", title=None, doc_type="other", date=None, page=4,
                  paragraph="fn 109", quote="q")
    assert card.reference() == "S/2025/1, footnote 109, p. 4"
    assert "footnote&nbsp;109" in views.card_html(card) and "para." not in views.card_html(card)


def test_text_from_documents_and_users_is_literal_markdown() -> None:
    hostile = '![b](http://127.0.0.1:9/beacon.png?leak=x) <img src="http://127.0.0.1:9/x.png"> **bold** $$x$$'
    md = md_text(hostile)
    assert "<img" not in md and "](" not in md and "**" not in md and "$$" not in md
    assert "http://" not in md  # no autolink either
    # Unescaping Markdown's backslashes and the HTML entities gives the text back unchanged.
    import html as _html
    import re as _re
    assert _html.unescape(_re.sub(r"\\(.)", r"\1", md)) == hostile


def test_the_direct_line_is_bold_and_its_span_stays_literal() -> None:
    # The engine's "**15 May 2026** [1]" showed its asterisks in the chat: the whole answer was escaped.
    answer = Answer(question="q", answer="**15 May 2026** [1]; **<img src=x> *y*** [2]\nS/RES/2769 (2025): “*z*” [1]",
                    abstained=False, citations=[], hits=[])
    first, second = views.answer_message(answer).split("  \n")
    assert first == "**15 May 2026** [1]; **&lt;img src\\=x&gt; \\*y\\*** [2]"
    assert second == "S/RES/2769 \\(2025\\)\\: “\\*z\\*” \\[1\\]"
    # A first line that is not the engine's direct line is text like the rest.
    plain = Answer(question="q", answer="**bold** claim", abstained=False, citations=[], hits=[])
    assert views.answer_message(plain) == "\\*\\*bold\\*\\* claim"


def test_card_html_escapes_document_text() -> None:
    card = views.Card(key="1", doc_id="x.pdf", symbol="S/1<b>", title="<script>alert(1)</script>", doc_type="other",
                  date=None, page=1, paragraph=None, quote='a "quote" & <img src=x onerror=alert(1)>')
    html = views.card_html(card)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_a_closest_passage_card_is_shortened_as_every_label_is() -> None:
    """A review: passage cards cut their text with code of their own (a comma left before " …", a card longer than
    its limit); they use the one clipping helper, ``models.clip``."""
    from briefbot.models import clip

    text = ("The Security Council, recalling its previous resolutions, " * 12).strip()
    card = views.Card(key="1", doc_id="x.pdf", symbol="S/1", title=None, doc_type=None, date=None, page=1,
                      paragraph=None, quote=text, passage=True)
    shown = re.search(r'<div class="bb-quote">“(.*)”</div>', views.card_html(card))
    assert shown is not None
    assert shown.group(1) == clip(text, views._PASSAGE_CHARS) and len(shown.group(1)) <= views._PASSAGE_CHARS
    assert not shown.group(1).endswith((", …", ",…"))


def test_abstention_is_said_plainly_and_offers_closest_passages(bot: Briefbot, mars: Answer) -> None:
    assert mars.abstained and not mars.citations
    message = views.answer_message(mars)
    assert message.startswith("**Not answered by the indexed documents.**")
    # An abstention on the confidence model: the engine's reason keeps its figures for the CLI and evals, the chat
    # says it in words (Mars abstains on the population no passage states, a reason with no figures).
    sourdough = bot.ask("How do I bake sourdough bread?")
    assert sourdough.abstained and "confidence" in sourdough.answer
    assert "confidence" not in views.answer_message(sourdough) and "threshold" not in views.answer_message(sourdough)
    assert "confidence" not in message and "threshold" not in message
    assert "do not answer this question" not in message  # the heading says it once
    cards = views.cards_for(mars)
    assert 1 <= len(cards) <= 5 and all(c.passage for c in cards)
    assert "closest passage" in views.card_html(cards[0])
    # A passage card quotes text that is on the page it points to.
    first = cards[0]
    assert first.page is not None
    assert first.quote[:60] in bot.page_text(first.doc_id, first.page)


def test_notes_are_shown_in_the_message(libya: Answer) -> None:
    noted = Answer(question="q", answer="a", abstained=False, citations=[], hits=[],
                   notes=["LLM server unreachable; answered extractively"])
    assert "**Note:** LLM server unreachable" in views.answer_message(noted)


# --- page view ----------------------------------------------------------------------------------------------
def test_page_image_highlights_the_quote_where_it_is_printed(libya: Answer) -> None:
    card = _libya_card(libya)
    pdf = SAMPLES / "S_RES_2769_2025.pdf"
    assert card.page is not None
    plain, _ = render_page(pdf, card.page, None)
    marked, found = render_page(pdf, card.page, card.quote)
    assert found and marked.size == plain.size
    diff = ImageChops.difference(plain.convert("RGB"), marked.convert("RGB")).convert("L").point(
        lambda v: 255 if v > 20 else 0)
    box = diff.getbbox()
    assert box is not None
    width, height = marked.size
    # Paragraph 22 is printed in the lower middle of page 6, below "Panel of Experts".
    assert 0.55 * height < box[1] < box[3] < 0.85 * height, box
    assert box[2] - box[0] > 0.5 * width
    px = np.asarray(marked.convert("RGB").crop(box)).astype(int)
    yellow = (px[..., 0] > 200) & (px[..., 1] > 170) & (px[..., 2] < 160)
    assert yellow.mean() > 0.2


def test_quote_not_on_page_is_reported_and_page_left_unmarked() -> None:
    pdf = SAMPLES / "S_RES_2769_2025.pdf"
    plain, _ = render_page(pdf, 1, None)
    marked, found = render_page(pdf, 1, "This sentence is not printed anywhere on this page of the resolution.")
    assert not found
    assert ImageChops.difference(plain, marked).getbbox() is None


def test_locate_survives_line_breaks_hyphens_and_ligatures() -> None:
    text = "Illicit traf-\r\nﬁcking of arms and\r\nmigrants. Illicit trafficking again."
    page = list(text)
    span = locate(page, "illicit trafficking of arms and migrants")
    assert span == (0, text.index("migrants") + len("migrants") - 1)
    # With two occurrences, the position hint picks the later one.
    later = locate(page, "Illicit trafficking", hint=0.9)
    assert later is not None and later[0] > 30


def test_page_view_refuses_documents_not_in_the_index(bot: Briefbot) -> None:
    served = serving.resolve_pdf(bot, "S_RES_2769_2025.pdf")  # the verified private copy of the indexed bytes
    assert served.read_bytes() == Path(bot.document("S_RES_2769_2025.pdf").path or "").read_bytes()
    for bad in ("../../../../etc/passwd", "/etc/passwd", "not_indexed.pdf", str(SAMPLES / "S_2025_231.pdf")):
        with pytest.raises(NotFoundError):
            serving.resolve_pdf(bot, bad)


def test_temp_copies_keep_the_indexed_files_out_of_served_paths(bot: Briefbot, tmp_path: Path) -> None:
    files = serving.TempFiles(tmp_path / "web-tmp")
    original = serving.resolve_pdf(bot, "S_2025_257.pdf")
    copy = files.copy(original)
    assert copy.read_bytes()[:5] == b"%PDF-" and copy.is_relative_to(files.root)
    assert copy.resolve() != original.resolve()
    files.cleanup()


# --- filters and library ------------------------------------------------------------------------------------
def test_filters_from_the_form() -> None:
    assert views.filters_from_ui([], None, None, [], []) is None
    f = views.filters_from_ui(["resolution"], 2024.0, 2026, ["Libya"], ["S_RES_2769_2025.pdf"])
    assert f is not None
    assert (f.doc_types, f.year_from, f.year_to, f.missions, f.doc_ids) == (
        ["resolution"], 2024, 2026, ["Libya"], ["S_RES_2769_2025.pdf"])
    # A reversed range is passed on as given: the service reads it, for the CLI too (test_ask), and says so.
    f = views.filters_from_ui(None, "2026", "2024", None, None)
    assert f is not None and (f.year_from, f.year_to) == (2026, 2024)


def test_empty_year_boxes_mean_no_bound_and_bad_years_say_so() -> None:
    for empty in (None, "", "Any year", "  "):
        assert views.filters_from_ui(None, empty, empty, None, None) is None
    f = views.filters_from_ui(None, "2019", "", None, None)
    assert f is not None and (f.year_from, f.year_to) == (2019, None)
    for bad in ("0", "20x5", "99999"):
        with pytest.raises(BriefbotError, match="is not a year") as err:
            views.filters_from_ui(None, bad, None, None, None)
        assert err.value.remedy and "empty" in err.value.remedy


def test_year_choices_are_the_indexed_years(bot: Briefbot) -> None:
    choices = views.year_choices(bot.library())
    assert choices[0] == views.ANY_YEAR and ("2025", "2025") in choices


def test_filters_restrict_answers(bot: Briefbot) -> None:
    only = views.filters_from_ui(["sg_report"], None, None, None, None)
    answer = bot.ask(LIBYA_Q, filters=only)
    assert all(hit.doc.doc_type == "sg_report" for hit in answer.hits)


def test_library_rows_and_choices(bot: Briefbot) -> None:
    docs = bot.library()
    rows = views.library_rows(docs)
    assert len(rows) == len(docs) >= 6 and all(len(r) == len(views.LIBRARY_COLUMNS) for r in rows)
    col = views.LIBRARY_COLUMNS.index
    assert any(r[0] == "S/RES/2769 (2025)" and r[col("Health")] == "ok" and r[col("Collection")] == "general"
               for r in rows)
    assert ("Libya", "Libya") in views.mission_choices(docs)
    # Searchable as typed on a plain keyboard; the value stays the place's name, which the filter reads.
    ivoire = dataclasses.replace(docs[0], doc_id="x.pdf", missions=["Côte d’Ivoire"], title=None, about=[])
    assert ("Côte d’Ivoire (Cote d'Ivoire)", "Côte d’Ivoire") in views.mission_choices([ivoire])
    assert ("S_RES_2769_2025.pdf" in {v for _, v in views.document_choices(docs)})
    # A resolution indexed as PDF and as Council XML: one choice in the Documents filter (its PDF), both to remove.
    xml = dataclasses.replace(next(d for d in docs if d.doc_id == "S_RES_2769_2025.pdf"), doc_id="S_RES_2769.xml",
                              source="bulk", file_name="S_RES_2769.xml")
    assert [v for _, v in views.document_choices([*docs, xml], twins=False)].count("S_RES_2769.xml") == 0
    assert "S_RES_2769.xml" in [v for _, v in views.document_choices([*docs, xml])]
    assert len(views.document_choices([*docs, xml], twins=False)) == len(docs)
    assert views.library_summary(docs, []).startswith(f"**{len(docs)}** documents")
    assert "earlier version" not in views.library_summary(docs, [])
    # Documents an earlier version of briefbot read: the summary says how many and how to read them again.
    said = views.library_summary(docs, [], older=2)
    assert "2 documents were read by an earlier version of briefbot" in said and "press Re-ingest" in said, said
    # Counted as the summary counts (a browser walk read "2300 document(s)" under "2,300 documents").
    assert "2,300 documents were read" in views.library_summary(docs, [], older=2300)
    assert "1 document was read" in views.library_summary(docs, [], older=1)
    marked = {r[0]: r[col("Health")] for r in views.library_rows(docs, {"S_RES_2769_2025.pdf"})}
    assert marked["S/RES/2769 (2025)"] == "read by an earlier version of briefbot", marked
    assert all(v == "ok" for k, v in marked.items() if k != "S/RES/2769 (2025)"), marked


def test_two_files_of_one_name_are_two_rows_each_opening_its_own(bot: Briefbot) -> None:
    """report.pdf from two folders: the second is indexed as report~<sha>.pdf, and its row says so."""
    from briefbot.web.library import row_document

    base = bot.library()[0]
    one = dataclasses.replace(base, doc_id="report.pdf", file_name="report.pdf", symbol=None, title=None)
    two = dataclasses.replace(one, doc_id="report~1a2b3c4d.pdf")
    rows = views.library_rows([one, two])
    assert rows[0] != rows[1] and "report.pdf (as report~1a2b3c4d.pdf)" in rows[1]
    assert [row_document([one, two], r) for r in rows] == ["report.pdf", "report~1a2b3c4d.pdf"]
    labels = [label for label, _ in views.document_choices([one, two])]  # the chat's Documents filter
    assert labels[0] != labels[1] and labels[1].startswith("report.pdf (as report~1a2b3c4d.pdf)"), labels


def test_the_library_table_shows_what_is_scanned_and_the_details_the_rest(bot: Briefbot) -> None:
    """Ten columns, every word whole, scrolled sideways at 1024 px beside the sidebar on the full corpus. The table
    keeps what an analyst scans for; pages, passages, file and the health in full are the document's details
    (Manage a document), which a selected row opens."""
    from briefbot.web.library import describe, row_document

    assert views.LIBRARY_COLUMNS == ["Symbol", "Title", "Type", "Date", "Missions", "Health", "Collection"]
    docs = bot.library()
    base = next(d for d in docs if d.doc_id == "S_RES_2769_2025.pdf")
    sick = dataclasses.replace(base, pages=9, empty_pages=[2, 5], warnings=["date 2003-09-13 read from the text",
                                                                           "cites S/PRST/2007/22"])
    row = views.library_rows([sick], {sick.doc_id})[0]
    health = row[views.LIBRARY_COLUMNS.index("Health")]
    assert health == "2 pages without text; warnings (2); read by an earlier version of briefbot", health
    assert views.health_brief(dataclasses.replace(sick, empty_pages=[])) == "warnings (2)"
    # The parser's warning on the pages without text is the state itself, not one more warning (a browser walk:
    # "3 pages without text; warnings (1)" over details naming no warning).
    scan = dataclasses.replace(sick, pages=42, empty_pages=[40, 41, 42],
                               warnings=["3 page(s) without text: 40-42 (no text layer; OCR off)"])
    assert views.health_brief(scan) == "3 pages without text"
    assert views.health_brief(dataclasses.replace(scan, warnings=[*scan.warnings, "cites S/PRST/2007/22"])) == \
        "3 pages without text; warnings (1)"
    details = describe(sick, older=True).replace("\\", "")  # as read (Markdown's escapes left out)
    for shown in ("9 pages", f"{base.chunks} passages", "file S_RES_2769_2025.pdf",
                  "Health: 2 pages without text (p. 2, 5); read by an earlier version of briefbot; "
                  "date 2003-09-13 read from the text; cites S/PRST/2007/22"):
        assert shown in details, (shown, details)
    # A selected row (as the table sends it, sorted or searched) is its own document, a resolution's Council XML
    # beside its PDF included (same symbol, title and date: the Title cell names the file); none when it is gone.
    xml = dataclasses.replace(base, doc_id="S_RES_2769.xml", source="bulk", file_name="S_RES_2769.xml")
    docs = [*docs, xml]
    rows = views.library_rows(docs)
    for d, r in zip(docs, rows, strict=True):
        assert row_document(docs, r) == row_document(docs, [str(v) for v in r]) == d.doc_id
    title = views.LIBRARY_COLUMNS.index("Title")
    assert rows[-1][title] == f"{base.title} · S_RES_2769.xml", rows[-1]
    assert row_document(docs, ["S/RES/1 (1946)", "", "", "", "", "ok", "general"]) is None
    assert row_document(docs, None) is None
    # The table's search reads the cells: a document is found by its file name; one without a symbol says so
    # plainly rather than "?".
    plain = dataclasses.replace(base, doc_id="notes.pdf", file_name="notes.pdf", symbol=None, title=None)
    assert views.library_rows([plain])[0][:2] == [views.NO_SYMBOL, "notes.pdf"]


def test_counts_are_separated_and_singular_and_empty_pages_are_said_once(bot: Briefbot) -> None:
    """"2300 documents · 56362 passages · … · 1 files failed", "1 pages", and Health naming the same pages twice
    ("3 page(s) without text (p. 40, 41, 42); 3 page(s) without text: 40-42 (…)")."""
    from briefbot.web.library import describe

    base = next(d for d in bot.library() if d.doc_id == "S_RES_2769_2025.pdf")
    many = [dataclasses.replace(base, doc_id=f"d{i}", chunks=24, empty_pages=[]) for i in range(2300)]
    summary = views.library_summary(many, [{"file_name": "x.pdf", "reason": "broken", "at": ""}])
    assert summary.startswith("**2,300** documents · **55,200** passages · "), summary
    assert summary.endswith("**1** file failed"), summary
    assert views.library_summary(many[:1], []).startswith("**1** document · **24** passages")
    one = dataclasses.replace(base, pages=1, chunks=1, empty_pages=[], warnings=[])
    assert "1 page · 1 passage · file" in describe(one)
    blank = dataclasses.replace(base, pages=44, empty_pages=[40, 41, 42], warnings=[
        "3 page(s) without text: 40-42 (blank, or OCR found no text)", "cites S/PRST/2007/22"])
    assert views.health_details(blank) == ("3 pages without text: p. 40-42 (blank, or OCR found no text); "
                                           "cites S/PRST/2007/22")
    assert views.health(dataclasses.replace(blank, empty_pages=[7])) == "1 page without text"


def test_another_document_picked_clears_the_status_and_a_reingest_reads_the_details_again(
        bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Show passages, then another document picked: "N passages of <first>" stayed. Re-ingest: the details kept
    the old "ingested" time until Refresh; they are read again once it is done, and "1 pages" is "1 page"."""
    import gradio as gr

    from briefbot.ingest import IngestReport
    from briefbot.web.app import create_app

    fns = list(create_app(bot, bot.settings).fns.values())
    handlers = {f.name: f.fn for f in fns}
    # The pick and the re-ingest write the status and the details themselves.
    wired = {f.name: {getattr(o, "elem_id", None) for o in f.outputs} for f in fns if f.name in ("choose", "reingest")}
    assert wired == {"choose": {"manage-info", "manage-collection", "manage-passages", "manage-status"},
                     "reingest": {"manage-status", "manage-info"}}, wired
    shown = handlers["show"]("S_RES_2769_2025.pdf", gr.Request())
    assert "passages of" in shown[0], shown
    chosen = handlers["choose"]("S_RES_2769_2025.pdf", gr.Request())
    assert chosen[-1] == "" and "S/RES/2769" in chosen[0]
    info = bot.document("S_RES_2769_2025.pdf")
    later = dataclasses.replace(info, ingested_at="2031-01-02T03:04:05+00:00", pages=1)

    class Result:
        failed, reason, pages, chunks = False, "", 1, 1

    monkeypatch.setattr(Briefbot, "reingest", lambda *a, **k: IngestReport(results=[Result()]))  # type: ignore
    monkeypatch.setattr(Briefbot, "document", lambda *a, **k: later)
    status, details = handlers["reingest"]("S_RES_2769_2025.pdf", gr.Request())
    assert status.replace("\\", "").endswith(": 1 page, 1 passage."), status
    details = details.replace("\\", "")  # as read (Markdown's escapes left out)
    assert "ingested 2 Jan 2031, 03:04 UTC" in details and "1 page ·" in details, details


# --- uploads ------------------------------------------------------------------------------------------------
def test_a_table_column_is_floored_at_its_longest_words_and_document_text_stays_in_its_string() -> None:
    """The longest value of a column ("UNMISS, South Sudan") need not hold its longest word ("MONUSCO"): each
    column's sizing cell is given its longest words, a hyphenated word split where the browser may break it but a
    date kept whole, a long token left out; text from a document can neither end the CSS string nor the <style>
    element."""
    rows = [["S/RES/2781 (2025)", "UNMISS, South Sudan", "Secretary-General report", "2025-05-30", "a.pdf"],
            ["S/2025/231", "MONUSCO", 'x"}</style><script>alert(1)</script>', "2025-04-15", "b.pdf"]]
    css = views.word_floor_css("#t", rows, skip=4)
    assert css.startswith("<style>") and css.endswith("</style>") and css.count("<") == 2
    assert "MONUSCO" in css.split("nth-child(2)")[1].split("}")[0]
    assert "Secretary\\2d \\a General" in css  # "Secretary-" on one line, "General" on another
    assert "2025\\2d 05\\2d 30" in css
    assert "nth-child(5)" not in css and "a.pdf" not in css
    # A token too long to be worth a column's width (a URL in a warning) may break instead.
    url = "https://example.org/a/very/long/path/to/a/page"
    assert "example" not in views.word_floor_css("#t", [["ok " + url]])
    assert views.word_floor_css("#t", []) == ""
    # A column given its own cap (the library's Title) leaves out its words longer than that.
    capped = views.word_floor_css("#t", [["S/RES/2783 (2025)", "proliferation/Democratic Republic"]], caps={1: 16})
    assert "Republic" in capped and "proliferation" not in capped and "S\\2f RES" in capped


def test_upload_validation_messages(tmp_path: Path) -> None:
    text = tmp_path / "notes.pdf"
    text.write_text("just text, renamed to .pdf")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    real = tmp_path / "S_2025_172.pdf"
    shutil.copyfile(FIXTURE_PDF, real)

    word = tmp_path / "brief.docx"
    word.write_bytes(b"PK\x03\x04 a zip package")
    fake_word = tmp_path / "fake.docx"
    fake_word.write_text("not a zip")
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>An article.</p></body></html>")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    sheet = tmp_path / "table.xlsx"
    sheet.write_bytes(b"PK\x03\x04")

    check = uploads.validate_uploads([text, empty, real, word, fake_word, page, binary, sheet], max_mb=50, max_files=9)
    assert check.accepted == [real, word, page]
    assert dict(check.rejected) == {"notes.pdf": "not a PDF (the file does not start with %PDF-)",
                                    "empty.pdf": "empty file",
                                    "fake.docx": "not a Word .docx file (not a zip package)",
                                    "image.txt": "not a text file (binary content)",
                                    "table.xlsx": "not a file type briefbot reads (.pdf, .docx, .html, .htm, .md, "
                                                  ".txt)"}

    oversize = uploads.validate_uploads([real], max_mb=0.1, max_files=5)
    assert not oversize.accepted
    assert oversize.rejected == [("S_2025_172.pdf", "0.1 MB is over the 0.1 MB upload limit")]

    with pytest.raises(UploadRejected, match="too many files: 3 selected, at most 2 per upload"):
        uploads.validate_uploads([real, real, real], max_mb=50, max_files=2)
    with pytest.raises(UploadRejected, match="no files selected"):
        uploads.validate_uploads([], max_mb=50, max_files=2)


def test_safe_names_stay_inside_the_uploads_folder() -> None:
    assert serving.safe_name("../../etc/passwd") == "passwd.pdf"
    assert serving.safe_name("..\\..\\evil name.PDF") == "evil_name.PDF"
    assert serving.safe_name(".hidden.pdf") == "hidden.pdf"


def test_upload_is_ingested_in_the_background(bot: Briefbot, tmp_path: Path) -> None:
    upload = tmp_path / "S_2025_172.pdf"
    shutil.copyfile(FIXTURE_PDF, upload)
    staged = uploads.stage_uploads([upload], Path(bot.settings.index) / "uploads")
    assert staged == [Path(bot.settings.index) / "uploads" / "S_2025_172.pdf"]
    job = uploads.IngestJob(staged, [("notes.pdf", "not a PDF")]).start(bot)
    try:
        # Chat keeps working while the upload is ingested.
        assert not bot.ask(LIBYA_Q).abstained
        job.join(timeout=300)
        assert job.finished and job.error is None, job.error
        assert job.status().startswith("**Ingest finished:** 1 ingested; 1 refused")
        rows = job.rows()
        assert rows[0] == ["notes.pdf", "refused", "not a PDF"]
        assert rows[1][:2] == ["S_2025_172.pdf", "ingested"]
        assert bot.document("S/2025/172").path == str(staged[0])
    finally:
        # The index is shared with the other web tests, whose answers must not change.
        job.join(timeout=300)
        bot.remove(["S_2025_172.pdf"])
        staged[0].unlink()
    assert "S_2025_172.pdf" not in {d.doc_id for d in bot.library()}


def test_upload_rows_say_what_a_file_read_again_became_and_why() -> None:
    from briefbot.ingest import FileResult, IngestReport

    job = uploads.IngestJob([])
    job.report = IngestReport(results=[FileResult("/up/S_2025_172.pdf", "replaced",
                                                  "read again: an earlier version of briefbot read it",
                                                  "S_2025_172.pdf", "S/2025/172", "letter", 1, 3)])
    assert job.rows() == [["S_2025_172.pdf", "replaced", "S/2025/172 · Letter or note verbale · 1 p · 3 passages; "
                                                         "read again: an earlier version of briefbot read it"]]
    # Its type by the name the library and the filters give it, not the index's "sg_report" (a browser walk).
    job.report = IngestReport(results=[FileResult("/up/E_2025_76_page_1.pdf", "ingested", None, "E_2025_76_page_1.pdf",
                                                  "E/2025/76", "sg_report", 1, 5)])
    assert job.rows() == [["E_2025_76_page_1.pdf", "ingested",
                           "E/2025/76 · Secretary-General report · 1 p · 5 passages"]]
    # One passage is one passage (a browser walk's upload of a one-page letter said "1 passages").
    job.report = IngestReport(results=[FileResult("/up/S_2025_172.pdf", "ingested", None, "S_2025_172.pdf",
                                                  "S/2025/172", "letter", 1, 1)])
    assert job.rows() == [["S_2025_172.pdf", "ingested", "S/2025/172 · Letter or note verbale · 1 p · 1 passage"]]
    # The same bytes uploaded again: its Detail was empty.
    job.report = IngestReport(results=[FileResult("/up/S_2025_172.pdf", "unchanged", doc_id="S_2025_172.pdf"),
                                       FileResult("/up/copy.pdf", "unchanged", doc_id="S_2025_172.pdf")])
    assert job.rows() == [["S_2025_172.pdf", "unchanged", "already indexed, nothing changed"],
                          ["copy.pdf", "unchanged", "already indexed, nothing changed (as S_2025_172.pdf)"]]


# --- feedback and export ------------------------------------------------------------------------------------
def test_feedback_append_and_export(libya: Answer, tmp_path: Path) -> None:
    path = feedback_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o644)  # as an older version left it
    path.chmod(0o644)
    when = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
    append_feedback(path, make_record(libya, "up", " exactly right ", now=when))
    append_feedback(path, make_record(libya, "down", "=HYPERLINK(\"http://x\")", now=when))
    # Questions and comments are personal: owner-only, as the history and the audit log are.
    assert path.stat().st_mode & 0o077 == 0
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{broken line\n")
    records = read_feedback(path)
    assert [r["rating"] for r in records] == ["up", "down"]
    first = records[0]
    assert first["timestamp"] == "2025-06-01T12:00:00+00:00"
    assert (first["question"], first["comment"]) == (LIBYA_Q, "exactly right")
    assert first["answer"] == libya.answer
    assert any(c["symbol"] == "S/RES/2769 (2025)" and c["paragraph"] == "22" and c["page"] == 6
               for c in first["citations"])
    with pytest.raises(ValueError):
        make_record(libya, "meh", "")  # type: ignore[arg-type]

    jsonl = export_jsonl(records, tmp_path / "out.jsonl")
    assert [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()] == records

    rows = list(csv.DictReader(export_csv(records, tmp_path / "out.csv").open(encoding="utf-8")))
    assert [r["rating"] for r in rows] == ["up", "down"]
    assert "S/RES/2769 (2025), para. 22, p. 6" in rows[0]["citations"]
    assert json.loads(rows[0]["citations_json"]) == first["citations"]
    assert rows[1]["comment"].startswith("'=")  # not evaluated as a formula by spreadsheets


def test_feedback_is_read_by_its_owner_only(libya: Answer) -> None:
    mine = make_record(libya, "up", "mine", owner="session:a")
    theirs = make_record(libya, "down", "theirs", owner="session:b")
    legacy = {k: v for k, v in make_record(libya, "up", "old").items() if k != "owner"}
    records = [mine, theirs, legacy]
    assert [r["comment"] for r in visible_feedback(records, "session:a")] == ["mine"]
    assert visible_feedback(records, None) == []
    assert len(visible_feedback(records, "user:lead", everyone=True)) == 3
    # The local user (loopback, no sign-in) reads their own and what their browser sessions gave before they owned
    # it; a signed-in user named "local" reads neither.
    local = make_record(libya, "up", "local", owner=LOCAL_OWNER)
    signed = make_record(libya, "up", "signed", owner="user:local")
    both = [*records, local, signed]
    assert [r["comment"] for r in visible_feedback(both, LOCAL_OWNER)] == ["mine", "theirs", "local"]
    assert [r["comment"] for r in visible_feedback(both, "user:local")] == ["signed"]


def test_a_changed_vote_counts_once_and_the_file_keeps_both(libya: Answer, mars: Answer, tmp_path: Path) -> None:
    """Helpful then Not helpful on one answer was read as two votes, one each way: every reader now takes the
    latest per answer and owner, while the file stays the append-only record of both."""
    path = feedback_path(tmp_path)
    given = [make_record(libya, "up", "right date", owner="session:a"),
             make_record(libya, "up", "", owner="session:b"),
             make_record(mars, "down", "", owner="session:a"),
             make_record(libya, "down", "wrong paragraph after all", owner="session:a")]
    assert earlier_vote(given[:3], given[3]) is given[0]
    assert earlier_vote(given[:3], make_record(libya, "down", "", owner="session:c")) is None
    for r in given:
        append_feedback(path, r)
    records = read_feedback(path)
    assert len(records) == 4  # nothing rewritten: the audit trail holds both of session:a's votes on libya
    latest = latest_votes(records)
    assert [(r["owner"], r["question"], r["rating"]) for r in latest] == [
        ("session:b", LIBYA_Q, "up"), ("session:a", mars.question, "down"), ("session:a", LIBYA_Q, "down")]
    mine = visible_feedback(latest, "session:a")
    assert [r["rating"] for r in mine if r["question"] == LIBYA_Q] == ["down"]
    rows = list(csv.DictReader(export_csv(mine, tmp_path / "out.csv").open(encoding="utf-8")))
    assert [(r["question"], r["rating"], r["comment"]) for r in rows] == [
        (mars.question, "down", ""), (LIBYA_Q, "down", "wrong paragraph after all")]
    # Records from before owners were kept count once per answer too.
    legacy = [{k: v for k, v in make_record(libya, rating, "").items() if k != "owner"} for rating in ("up", "down")]
    assert [r["rating"] for r in latest_votes(legacy)] == ["down"]


def test_a_changed_vote_keeps_the_earlier_comment_unless_a_new_one_is_given(bot: Briefbot, libya: Answer) -> None:
    """A comment typed with "Not helpful", then "Helpful" clicked (the box emptied by the first vote): the Feedback
    tab and the exports showed the helpful vote with an EMPTY comment, the note lost. A later vote without a comment
    keeps the earlier one; a later vote with a comment replaces it; the status says which."""
    import gradio as gr

    from briefbot.web.app import Session, create_app

    handlers = {f.name: f.fn for f in create_app(bot, bot.settings).fns.values()}
    answer = dataclasses.replace(libya, question="Which term does the note on the Libya Panel mis-quote?")
    session = Session(answers=[answer], cards=views.cards_for(answer), current=0)
    status = next(iter(handlers["feedback_down"](session, "Note mis-quotes the superseded term", gr.Request())
                       .values()))
    assert "with your comment" in status
    shown = " ".join(str(v) for v in handlers["feedback_up"](session, "", gr.Request()).values())
    assert "replaces your earlier “not helpful”" in shown and "earlier comment is kept" in shown
    path = feedback_path(Path(bot.settings.index))

    def counted() -> list[tuple[str, str]]:
        return [(r["rating"], r["comment"]) for r in latest_votes(read_feedback(path))
                if r["question"] == answer.question]

    assert counted() == [("up", "Note mis-quotes the superseded term")]
    shown = " ".join(str(v) for v in handlers["feedback_down"](session, "Cites para. 3, not 4", gr.Request())
                     .values())
    assert "new comment replaces the earlier one" in shown
    assert counted() == [("down", "Cites para. 3, not 4")]
    # Votes written before the comment was carried over: readers still show the comment the owner gave.
    older = [make_record(libya, "down", "superseded term", owner="session:x"),
             make_record(libya, "up", "", owner="session:x")]
    assert [(r["rating"], r["comment"]) for r in latest_votes(older)] == [("up", "superseded term")]
    rows = list(csv.DictReader(export_csv(latest_votes(older), bot.settings.index / "old.csv").open(encoding="utf-8")))
    assert [(r["rating"], r["comment"]) for r in rows] == [("up", "superseded term")]


def test_the_feedback_table_names_a_vote_as_its_button_does(bot: Briefbot, libya: Answer) -> None:
    """The Feedback tab's Rating column said "up" / "down" where the buttons say "Helpful" / "Not helpful" (a browser
    walk's find): a vote is shown under its button's name, and the status after a vote says it too."""
    import gradio as gr

    from briefbot.web.app import Session, create_app

    demo = create_app(bot, bot.settings)
    handlers = {f.name: f.fn for f in demo.fns.values()}
    buttons = {b.elem_id: b.value for b in demo.blocks.values() if getattr(b, "elem_id", None) in ("fb-up", "fb-down")}
    assert set(buttons) == {"fb-up", "fb-down"}, buttons
    shown = {}
    for handler, button in (("feedback_up", "fb-up"), ("feedback_down", "fb-down")):
        answer = dataclasses.replace(libya, question=f"Which vote does the table show for {button}?")
        session = Session(answers=[answer], cards=views.cards_for(answer), current=0)
        status = " ".join(str(v) for v in handlers[handler](session, "", gr.Request()).values())
        assert f"recorded “{buttons[button].lower()}”" in status, status
        shown[answer.question] = buttons[button]
    rows, _ = handlers["feedback_table"](gr.Request())
    rating = {row[2]: row[1] for row in rows if row[2] in shown}
    assert rating == shown, rating


def test_the_progress_line_counts_one_passage_as_one(bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """While an answer is read the chat says how many passages: a question limited to a one-passage document said
    "Reading 1 passages…" (seen in a browser walk's upload of a one-page letter). Shown at once here (no wait before
    progress), the line is read from each update as it is sent."""
    import gradio as gr

    from briefbot.web import app as web_app
    from briefbot.web.app import Session, create_app

    monkeypatch.setattr(web_app, "PROGRESS_AFTER_S", 0.0)
    one = next(d for d in bot.library() if d.chunks == 1)
    handlers = {f.name: f.fn for f in create_app(bot, bot.settings).fns.values()}
    said = []
    for update in handlers["chat"](LIBYA_Q, [], Session(), [], "", "", [], [one.doc_id], "", gr.Request()):
        said += [m[-1]["content"] for m in update.values() if isinstance(m, list) and m and isinstance(m[-1], dict)]
    assert "_Reading 1 passage…_" in said, said


def test_the_feedback_export_box_is_shown_once_there_is_a_file(bot: Briefbot) -> None:
    """The Feedback tab drew an empty "Export" box, a file icon in a frame, under its buttons before anything was
    exported (a browser walk's find at 390 px), where the chat's and the history's exports appear only with their
    file. It is hidden until an export, which shows it with the file."""
    import gradio as gr

    from briefbot.web.app import create_app

    demo = create_app(bot, bot.settings)
    box = next(b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "fb-export")
    assert box.visible is False
    handlers = {f.name: f.fn for f in demo.fns.values()}
    for name, suffix in (("export_jsonl_click", ".jsonl"), ("export_csv_click", ".csv")):
        shown = handlers[name](gr.Request())
        assert isinstance(shown, gr.File) and shown.visible is True, shown
        exported = Path(shown.value["path"])
        assert exported.name == f"briefbot-feedback{suffix}" and exported.is_file(), shown.value


def test_a_follow_up_is_told_earlier_questions_are_not_read(bot: Briefbot) -> None:
    """"What role does gold play in financing the conflict in Sudan?" then "And what did the Panel recommend about
    it?" was answered with generic methodology paragraphs and no word that the first question was not read. The
    page says before asking that each question stands alone; an answer to one that leans on another says so."""
    from briefbot.refs import follows_on
    from briefbot.service import FOLLOW_UP_NOTE, STANDALONE_HINT
    from briefbot.web.app import create_app

    for q in ("And what did the Panel recommend about it?", "What about the arms embargo?",
              "When does their mandate end?", "Which paragraph says that?"):
        assert follows_on(q), q
    for q in ("What role does gold play in financing the conflict in Sudan?", LIBYA_Q, MARS_Q,
              "And what did the Panel on Libya recommend about it?", "What about resolution 2781 (2025)?",
              "Which resolutions say that the Panel must report?", "What about MINUSMA?",
              # a name of its own says who "their" is (a browser walk)
              "How much of their goods' value do Madan Sara traders have to hand over at gang checkpoints?"):
        assert not follows_on(q), q
    told = bot.ask("And what did the Panel recommend about it?")
    assert told.notes[0] == FOLLOW_UP_NOTE, told.notes
    assert FOLLOW_UP_NOTE not in bot.ask("What role does gold play in financing the conflict in Sudan?").notes
    assert md_text(FOLLOW_UP_NOTE) in views.answer_message(told)
    hint = [b for b in create_app(bot, bot.settings).blocks.values() if getattr(b, "elem_id", None) == "question-hint"]
    assert [h.value for h in hint] == [STANDALONE_HINT]


def test_a_verbose_server_log_keeps_the_libraries_quiet() -> None:
    """"DEBUG bm25s: Building index from tokens" in the log of a server run at INFO (`briefbot -v serve`): bm25s
    sets its own logger to DEBUG when imported, after the CLI had set it to WARNING. A fresh process, as the
    server's, where bm25s is imported after the CLI's logging setup."""
    import subprocess
    import sys

    code = ("import logging; from briefbot.cli import main; main(verbose=True); import briefbot.lexical; "
            "print([logging.getLogger(n).getEffectiveLevel() for n in ('bm25s', 'httpx')])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.strip() == "[30, 30]", (run.stdout, run.stderr[-2000:])


def test_markdown_export(libya: Answer, mars: Answer) -> None:
    md = answer_markdown(libya, now=datetime(2025, 6, 1, tzinfo=UTC))
    assert md.startswith(f"# {LIBYA_Q}\n")
    assert "## Citations" in md and "2025-06-01 00:00 UTC" in md
    key = _libya_card(libya).key
    assert f"**[{key}] S/RES/2769 (2025), para. 22, p. 6** — Resolution 2769 (2025)" in md
    assert f"> {LIBYA_QUOTE}" in md

    # A document's markup or a question's is shown, never run, by whatever renders the brief.
    evil = "See <img src=\"http://127.0.0.2:9/leak.png\"> and ![y](http://127.0.0.2:9/y.png)\n[1]: http://127.0.0.2:9/"
    card = dataclasses.replace(libya.citations[0], quote=evil)
    hostile = dataclasses.replace(libya, question="Who? ![y](http://127.0.0.2:9/q.png)", citations=[card],
                                  answer=evil)
    md = answer_markdown(hostile)
    assert "<img" not in md and "](http" not in md and "\n[1]:" not in md and "> [1]:" not in md
    assert "&lt;img src=" in md and "!\\[y]\\(http://127.0.0.2:9/y.png)" in md

    abstained = answer_markdown(mars)
    assert "**The indexed documents do not answer this question.**" in abstained
    # Said once, in words: the engine's repeated first sentence and its scores are not pasted into a brief.
    assert abstained.count("do not answer this question") == 1 and "threshold" not in abstained
    assert "## Closest passages (not an answer)" in abstained and "## Citations" not in abstained



def test_markdown_export_keeps_the_answers_lines_apart(libya: Answer) -> None:
    """The direct line's bold date and each quote under it are paragraphs of their own in the rendered brief, not
    one run-on paragraph (Markdown joins lines a single newline apart)."""
    from markdown_it import MarkdownIt

    lead = "**15 May 2026** [1]"
    quote = f"S/RES/2769 (2025), para. 22, p. 6: “{LIBYA_QUOTE}” [1]"
    answer = dataclasses.replace(libya, answer=f"{lead}\n{quote}\nS/2025/357, p. 1: “until 15 May 2026.” [2]")
    html = MarkdownIt().render(answer_markdown(answer))
    said = html.split("<h2>Answer</h2>")[1].split("<h2>")[0]
    paragraphs = re.findall(r"<p>(.*?)</p>", said, re.S)
    assert paragraphs[:3] == ["<strong>15 May 2026</strong> [1]", quote,
                              "S/2025/357, p. 1: “until 15 May 2026.” [2]"], said

# --- serving ------------------------------------------------------------------------------------------------
def test_allowed_host_names() -> None:
    assert allowed_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("::1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("briefbot.example.org") == {"briefbot.example.org"}
    assert allowed_hosts("10.0.0.5", ["Briefbot.Example.org "]) == {"10.0.0.5", "briefbot.example.org"}
    assert {"localhost", socket.gethostname().lower()} <= allowed_hosts("0.0.0.0")
    assert host_name("[::1]:7860") == "::1" and host_name("LocalHost:80") == "localhost"
    assert host_name("http://attacker.example") == "attacker.example" and host_name("") is None


def test_url_arguments_of_file_routes_are_recognised() -> None:
    for path in ("/gradio_api/file=http://x/y", "/gradio_api/file=HTTPS://x", "/gradio_api/file=//x/y",
                 "/gradio_api/file=http%3A%2F%2Fx", "/gradio_api/proxy=ftp://x", "/gradio_api/file=%2F%2Fx"):
        assert fetches_url(path), path
    for path in ("/gradio_api/file=/tmp/a.pdf", "/gradio_api/file=web-1/files/x.md", "/config"):
        assert not fetches_url(path), path


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_auth(host: str) -> None:
    serving.check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_other_interfaces_need_auth(host: str) -> None:
    with pytest.raises(ConfigError, match="without authentication"):
        serving.check_bind(host, None)
    serving.check_bind(host, "analyst:s3cret")
    assert serving.parse_auth("a:b, c:d:e") == [("a", "b"), ("c", "d:e")]
    with pytest.raises(ConfigError):
        serving.check_bind(host, "no-password")


def test_serve_command_refuses_non_loopback_without_auth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFBOT_AUTH", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--index", str(tmp_path)])
    assert result.exit_code == 2
    assert "refusing to serve on 0.0.0.0 without authentication" in " ".join(result.output.split())


def test_a_question_quoted_under_the_answer_is_cut_at_a_word_with_an_ellipsis() -> None:
    from briefbot.web.views import clip

    question = "Until when did the Council extend the mandate of the Panel of Experts on the Central African Republic?"
    assert clip(question, 100) == ("Until when did the Council extend the mandate of the Panel of Experts on the "
                                   "Central African…")
    assert clip("Short question?", 80) == "Short question?"


def _cut_at_a_word(shown: str, whole: str) -> bool:
    """Whether ``shown`` is ``whole`` cut after a whole word, with an ellipsis."""
    kept = shown.removesuffix("…")
    return shown.endswith("…") and whole.startswith(kept) and whole[len(kept)] in " ,;:"


def test_shortened_labels_end_at_a_word_with_an_ellipsis(bot: Briefbot, libya: Answer, tmp_path: Path) -> None:
    """A browser walk found labels cut mid-word, without an ellipsis: "… the Democratic Republ" (the documents
    filter), "… petroleum from L" (a question in the history list), "… addressed to the" (the remove list)."""
    from briefbot.history import Conversation, History, viewer_for

    title = ("Resolution 2825 (2026): The situation concerning the Democratic Republic of the Congo and the Great "
             "Lakes region")
    doc = dataclasses.replace(bot.library()[0], title=title)
    for label, _ in views.document_choices([doc]) + views.document_choices([doc], twins=False):
        assert _cut_at_a_word(label.split(" — ", 1)[1], title), label
    later = ("What measures has the Security Council adopted against illicit exports of petroleum from Libya, and "
             "until when?")
    shown = views.conversation_html(Conversation("c", "local", "First?", "2026-12-07T10:00:00+00:00",
                                                 "2026-12-07T10:00:00+00:00", ["First?", later]))
    preview = re.search(r'<div class="bb-conv-q">([^<]*)</div>', shown)
    assert preview and _cut_at_a_word(preview[1], later), shown
    # The history's title, as the list shows it.
    asked = later + " " + later
    history = History(tmp_path / "history.sqlite")
    local = viewer_for(None, loopback=True)
    history.save(local, None, dataclasses.replace(libya, question=asked))
    [conv] = history.conversations(local)
    assert _cut_at_a_word(conv.title, asked), conv.title


def test_a_time_is_shown_readably_wherever_the_web_shows_one(bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """"Manage a document" showed the raw stamp (2026-12-04T10:11:12.123456+00:00): one formatter serves it, the
    failed files, the feedback table and the history. A stamp without its zone is the server's local time."""
    import time

    from briefbot.models import DocInfo
    from briefbot.web.library import describe

    assert views.when("2026-12-04T10:11:12.123456+00:00") == "4 Dec 2026, 10:11 UTC"
    assert views.when("2026-12-04T11:11:12+01:00") == "4 Dec 2026, 10:11 UTC"
    assert views.when("2026-01-09T00:05:00Z") == "9 Jan 2026, 00:05 UTC"
    assert views.when("not a time") == "not a time" and views.when(None) == views.when("") == ""
    monkeypatch.setenv("TZ", "Asia/Kolkata")  # UTC+05:30: the catalog's naive stamps are local
    time.tzset()
    try:
        assert views.when("2026-12-04T15:41:12") == "4 Dec 2026, 10:11 UTC"
        assert views.failure_rows([{"file_name": "x.pdf", "reason": "r", "at": "2026-12-04T15:41:12"}]) == \
            [["x.pdf", "r", "4 Dec 2026, 10:11 UTC"]]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    doc = DocInfo("a.pdf", "a.pdf", None, "0", "pdf", "S/2025/1", "sg_report", "A report", None, "en", 1, 2, [], [],
                  [], "2026-12-04T10:11:12.123456+00:00")
    assert "ingested " + md_text("4 Dec 2026, 10:11 UTC") in describe(doc)
    # On the real index: what the panel shows for a sample document, with no raw ISO stamp.
    shown = describe(bot.document(bot.library()[0].doc_id))
    assert " UTC" in shown and not re.search(r"\d{4}\\?-\d\d\\?-\d\dT", shown), shown


def test_a_vote_the_samples_cannot_hold_is_said_to_be_not_recorded(bot: Briefbot) -> None:
    """The samples' resolutions are PDFs, which do not print the vote (only the Council's XML records it): their
    Vote cell was blank. It says "—", and the tab and the Markdown brief say what that means; a recorded vote is
    shown as counted, and with every vote recorded no legend is added."""
    from briefbot.mandates.model import Vote
    from briefbot.mandates.render import NO_VOTE, TIMELINE_COLUMNS, VOTE_NOTE, timeline_rows, track_markdown, vote_note

    track = bot.mandate_track("libya_sanctions")
    rows = {r[0]: dict(zip(TIMELINE_COLUMNS, r, strict=True)) for r in timeline_rows(track)}
    assert rows["S/RES/2769 (2025)"]["Vote"] == NO_VOTE == "—"
    assert vote_note(track) == VOTE_NOTE and "not recorded" in VOTE_NOTE
    assert "“—”: not recorded in the index" in track_markdown(track)
    for e in track.entries:
        e.vote = Vote(14, 0, 1)  # as S/RES/2769 (2025)'s XML records it
    assert timeline_rows(track)[0][TIMELINE_COLUMNS.index("Vote")] == "14-0-1"
    assert vote_note(track) == "" and "not recorded" not in track_markdown(track)
    # The CLI says the same: "vote —" and the legend once, not "vote ?".
    from typer.testing import CliRunner

    from briefbot.cli import app
    run = CliRunner().invoke(app, ["mandate", "libya_sanctions", "--index", str(bot.settings.index)])
    assert run.exit_code == 0, run.output
    assert "S/RES/2769 (2025)" in run.output and "vote —" in run.output and "vote ?" not in run.output
    assert run.output.count("not recorded in the index") == 1


def test_an_analysis_is_found_in_the_pickers_by_its_file_name() -> None:
    # "analysis — Zorvian smuggling note" alone was not found by typing the uploaded file's name (walk-through).
    from briefbot.models import DocInfo
    note = DocInfo("zorvian.md", "zorvian.md", None, "0", "upload", None, "other", "Zorvian smuggling note", None,
                   "en", 1, 2, [], [], [], "2026-12-04", origin="analysis")
    resolution = dataclasses.replace(note, doc_id="r.pdf", file_name="r.pdf", symbol="S/RES/2769 (2025)",
                                     origin="un", title="Libya")
    labels = dict((doc_id, label) for label, doc_id in views.document_choices([note, resolution]))
    assert labels["zorvian.md"] == "analysis — Zorvian smuggling note · zorvian.md"
    assert labels["r.pdf"] == "S/RES/2769 (2025) — Libya"


def test_remembered_constructor_signatures_leave_components_and_configs_as_they_were() -> None:
    """Gradio reads constructor signatures to record a component's arguments and to build its config; the app
    has each constructor keep its signature (web.app.remember_signatures), which must change neither."""
    import inspect

    import gradio as gr

    from briefbot.web.app import remember_signatures

    def make() -> list[gr.components.Component]:
        return [gr.Markdown("### Citations", visible=False, render=False),
                gr.Image(None, type="filepath", interactive=False, visible=False, render=False),
                gr.File(None, label="Download", interactive=False, visible=False, render=False),
                gr.Dataset(components=["html"], samples=[["<b>card</b>"]], type="index", layout="gallery",
                           render=False),
                gr.Textbox("question", show_label=False, render=False)]

    remember_signatures()
    assert remember_signatures() == 0  # once is enough
    inits = {}
    todo: list[type] = [gr.blocks.Block]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        fn = getattr(cls.__dict__.get("__init__"), "__wrapped__", cls.__dict__.get("__init__"))
        if inspect.isfunction(fn):
            assert "__signature__" in fn.__dict__, cls
            inits[fn] = fn.__dict__["__signature__"]
    kept = make()
    kept_out = [([dict(a) for a in c._constructor_args], c.get_config()) for c in kept]
    for fn in inits:
        del fn.__signature__  # type: ignore[attr-defined]
    try:
        fresh = make()
        fresh_out = [([dict(a) for a in c._constructor_args], c.get_config()) for c in kept]
        assert [[dict(a) for a in c._constructor_args] for c in fresh] == [args for args, _ in kept_out]
        assert fresh_out == kept_out
        assert all(inspect.signature(fn) == sig for fn, sig in inits.items())
    finally:
        for fn, sig in inits.items():
            fn.__signature__ = sig  # type: ignore[attr-defined]


def test_a_page_opened_while_an_answer_is_selected_is_known_to_be_open(bot: Briefbot, libya: Answer,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Selecting an answer while a citation's page renders closes the panel (closed_panel) before the page goes
    out; the session must then still know the panel is open, or the next answer's cards event leaves the page and
    its buttons on screen (found in a browser walk-through: a broken image frame stayed)."""
    import gradio as gr

    from briefbot.web.app import Session, create_app
    from briefbot.web.pagepanel import PagePanel

    handlers = {f.name: f.fn for f in create_app(bot, bot.settings).fns.values()}
    session = Session(answers=[libya], cards=views.cards_for(libya))
    rendering = PagePanel.open_card

    def selected_meanwhile(self: PagePanel, card: views.Card, scope: Any) -> tuple[Any, ...]:
        session.panel_open = False  # what closed_panel does for the answer selected during the render
        return rendering(self, card, scope)

    monkeypatch.setattr(PagePanel, "open_card", selected_meanwhile)
    handlers["show_card"](0, session, gr.Request())
    assert session.panel_open and session.card == 0


def test_twin_resolutions_read_apart_in_the_manage_list() -> None:
    """A browser walk: "Manage a document" listed S/RES/2783 (2025)'s PDF and Council XML as two identical
    options, cut mid-word; which one was re-ingested or moved could not be told."""
    from briefbot.models import DocInfo
    from briefbot.web.library import document_label

    title = "Resolution 2783 (2025): Democratic Republic of the Congo — Group of Experts"

    def doc(file_name: str, source: str) -> DocInfo:
        return DocInfo(doc_id=file_name, file_name=file_name, path=None, sha256="0", source=source,
                       symbol="S/RES/2783 (2025)", doc_type="resolution", title=title, date="2025-06-30",
                       language="en", pages=3, chunks=9, empty_pages=[], warnings=[], missions=[], ingested_at="")

    pdf, xml = document_label(doc("S_RES_2783_2025.pdf", "pdf")), document_label(doc("S_RES-2783.xml", "bulk"))
    assert pdf != xml and "S_RES_2783_2025.pdf" in pdf and "S_RES-2783.xml" in xml
    assert "Congo…" in pdf and "—…" not in pdf, pdf


def test_picking_a_document_a_row_or_a_renewal_sets_the_dropdown_without_a_warning(bot: Briefbot) -> None:
    """A document picked in "Manage a document" (its collection shown), a library row selected and a timeline row
    selected each set a dropdown's value: built as ``gr.Dropdown(value=...)`` with no choices, Gradio warned that
    the value was not among its choices (in the server log and the handler tests' warnings summary)."""
    import warnings

    import gradio as gr

    from briefbot.web.app import create_app

    handlers = {f.name: f.fn for f in create_app(bot, bot.settings).fns.values()}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chosen = handlers["choose"]("S_RES_2769_2025.pdf", gr.Request())
        assert chosen[1] == gr.update(value="general"), chosen
        row = views.library_rows([bot.document("S_RES_2769_2025.pdf")])[0]
        picked = handlers["open_row"](gr.SelectData(None, {"index": [0, 0], "value": row[0], "row_value": row}),
                                      gr.Request())
        assert picked == gr.update(value="S_RES_2769_2025.pdf"), picked
        renewal = handlers["pick_row"](gr.SelectData(None, {"index": [0, 0], "value": "S/RES/2781 (2025)",
                                                            "row_value": ["S/RES/2781 (2025)"]}))
        assert renewal == gr.update(value="S/RES/2781 (2025)"), renewal


def test_the_feedback_table_names_each_cited_document_once(bot: Briefbot, libya: Answer) -> None:
    """An answer quoting four paragraphs of one resolution showed its symbol four times in the Feedback tab's
    Citations column (a browser walk's find): each document is named once, in the order cited."""
    import gradio as gr

    from briefbot.web.app import Session, create_app

    handlers = {f.name: f.fn for f in create_app(bot, bot.settings).fns.values()}
    first = libya.citations[0]
    other = dataclasses.replace(first, key="9", doc_id="S_RES_2781_2025.pdf", symbol="S/RES/2781 (2025)")
    answer = dataclasses.replace(libya, question="Which documents does the Feedback tab name for this answer?",
                                 citations=[first, dataclasses.replace(first, key="7", paragraph="23"), other,
                                            dataclasses.replace(first, key="8", paragraph="24")])
    handlers["feedback_up"](Session(answers=[answer], cards=views.cards_for(answer), current=0), "", gr.Request())
    rows, _ = handlers["feedback_table"](gr.Request())
    cited = [row[4] for row in rows if row[2] == answer.question]
    assert cited == [f"{first.symbol}; S/RES/2781 (2025)"], cited
