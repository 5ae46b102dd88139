"""PDF parsing on real UN pages: running heads, paragraphs as printed, footnote markers, metadata, bad inputs."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from briefbot.chunk import chunk_document, token_counter
from briefbot.embed import model_path
from briefbot.errors import DocumentError
from briefbot.models import Document
from briefbot.parse import parse_file
from briefbot.parse.pdf import _join_lines, block_text_on_page
from conftest import PDF_FIXTURES, SAMPLES, SHARED

RES_2769 = SAMPLES / "S_RES_2769_2025.pdf"
REPORT_257 = SAMPLES / "S_2025_257.pdf"
REPORT_231 = SAMPLES / "S_2025_231.pdf"
LETTER_172 = PDF_FIXTURES / "S_2025_172.pdf"
SCAN = PDF_FIXTURES / "A_C.1_212_1947.pdf"
ERROR_PAGE = PDF_FIXTURES / "S_2024_207_ODS_not_found_placeholder.pdf"
RUSSIAN = PDF_FIXTURES / "S_2024_216_mislabeled_ru_S_2024_228.pdf"
ALL_PARSEABLE = [*sorted(SAMPLES.glob("*.pdf")), LETTER_172, SCAN, RUSSIAN]


@cache
def parsed(path: Path) -> Document:
    return parse_file(path)


def blocks(doc: Document, *kinds: str) -> list:
    return [b for b in doc.blocks if b.kind in kinds]


def block(doc: Document, label: str):
    found = [b for b in doc.blocks if b.label == label]
    assert len(found) == 1, f"{label!r}: {len(found)} blocks"
    return found[0]


# --- running heads -------------------------------------------------------------------------------------------

def test_resolution_running_heads_removed() -> None:
    doc = parsed(RES_2769)
    assert doc.page_count == 7
    for page in doc.pages:
        text = page.text
        assert "S/RES/2769" not in text, page.number  # the running head (and the masthead symbol)
        assert "25-00687" not in text, page.number  # job number
        assert "2500687" not in text, page.number  # barcode
        assert not re.search(r"^\s*\d/7\s*$|\b\d/7\b", text, re.M), page.number  # "2/7" page numbers
        assert "Please recycle" not in text
    first = doc.pages[0].text
    assert first.startswith("Resolution 2769 (2025)\nAdopted by the Security Council at its 9838th meeting")
    assert "Distr.: General" not in first and not first.startswith("United Nations")
    # The body next to the bands is kept: page 1's last line and page 7's last paragraph.
    assert first.endswith("may be designated for targeted sanctions,")
    assert doc.pages[6].text.endswith("27. Decides to remain actively seized of the matter.")


def test_report_running_heads_removed() -> None:
    doc = parsed(REPORT_257)
    for page in doc.pages:
        assert "S/2025/257" not in page.text
        assert "25-05237" not in page.text and "2505237" not in page.text
        assert not re.search(r"\b\d/5\b", page.text)
    assert doc.pages[1].text.startswith("was not to be applied to military aircraft")


# --- paragraphs as printed -----------------------------------------------------------------------------------

def test_resolution_operative_paragraphs_as_printed() -> None:
    doc = parsed(RES_2769)
    labels = [b.label for b in blocks(doc, "operative")]
    assert labels == ["1", "2", "2 (a)", "2 (b)", "2 (c)", "2 (d)", "2 (e)", *map(str, range(3, 28))]
    for b in blocks(doc, "operative"):
        number = b.label.split()[0]
        head = f"({b.label.split('(')[1]}" if "(" in b.label else f"{number}. "
        assert b.text.startswith(head), (b.label, b.text[:40])
    assert block(doc, "2 (c)").text.startswith("(c) non-lethal military equipment intended solely for humanitarian")
    assert block(doc, "27").text == "27. Decides to remain actively seized of the matter."
    # A paragraph broken by a page keeps one block with a span on each page.
    assert [s.page for s in block(doc, "6").spans] == [3, 4]
    assert [s.page for s in block(doc, "24").spans] == [6, 7]


def test_resolution_preamble_before_operative() -> None:
    doc = parsed(RES_2769)
    kinds = [b.kind for b in doc.blocks]
    first_operative = kinds.index("operative")
    preamble = blocks(doc, "preamble")
    assert len(preamble) == 18
    assert all(doc.blocks.index(b) < first_operative for b in preamble)
    assert preamble[0].text.startswith("Recalling the arms embargo, travel ban, assets freeze")
    assert preamble[-1].text == "Acting under Chapter VII of the Charter of the United Nations,"
    # pdfium joins "Libyan-" + "owned ..." lines; that used to split this paragraph in two.
    third = preamble[2].text
    assert third.startswith("Reaffirming its strong commitment to an inclusive, Libyan-led and Libyan-owned political")
    assert third.endswith("the formation of a unified Libyan government,")


def test_resolution_sections() -> None:
    doc = parsed(RES_2769)
    assert [b.text for b in blocks(doc, "heading")] == [
        "Arms Embargo", "Travel Ban and Asset Freeze",
        "Prevention of Illicit Exports of Petroleum, including Crude Oil and Refined Petroleum Products",
        "Panel of Experts"]
    assert block(doc, "1").section == "Arms Embargo"
    assert block(doc, "9").section == "Travel Ban and Asset Freeze"
    assert block(doc, "18").section.startswith("Prevention of Illicit Exports of Petroleum")
    assert block(doc, "22").section == "Panel of Experts"


def test_one_page_resolution_paragraphs() -> None:
    # Short one-line paragraphs: most line gaps on the page are paragraph gaps.
    doc = parsed(SAMPLES / "S_RES_2780_2025.pdf")
    assert [b.label for b in blocks(doc, "operative")] == ["1", "2", "3"]
    assert [b.text for b in blocks(doc, "preamble")] == [
        "Recalling its resolution 1970 (2011) imposing the arms embargo on Libya and all its subsequent relevant "
        "resolutions,",
        "Recalling its resolutions 2292 (2016), 2357 (2017), 2420 (2018), 2473 (2019), 2526 (2020), 2578 (2021), "
        "2635 (2022), 2684 (2023) and 2733 (2024) concerning the strict implementation of the arms embargo on the "
        "high seas off the coast of Libya,",
        "Reaffirming its resolution 2755 (2024),",
        "Acting under Chapter VII of the Charter of the United Nations,",
    ]


def test_report_numbered_paragraphs_and_headings() -> None:
    doc = parsed(REPORT_257)
    assert [b.label for b in blocks(doc, "numbered")] == [str(i) for i in range(1, 23)]
    assert block(doc, "2").text.startswith("2. The arms embargo was established in resolution 1970 (2011)")
    assert block(doc, "1").text.endswith("1 November 2024 to 14 April 2025. ¹")
    headings = [b.text for b in blocks(doc, "heading")]
    assert headings == [
        "I. Introduction",
        "II. Implementation of the authorizations set out in resolution 2292 (2016) and extended in resolutions "
        "2357 (2017), 2420 (2018), 2473 (2019), 2526 (2020), 2578 (2021), 2635 (2022), 2684 (2023) and 2733 (2024)",
        "Inspections", "Seizure and disposal of prohibited items",
        "III. Reporting obligations and sharing of relevant information",
        "IV. Inspections within the ambit of resolution 1970 (2011)", "V. Observations"]
    assert block(doc, "1").section == "I. Introduction"
    assert block(doc, "12").section == "Seizure and disposal of prohibited items"
    assert block(doc, "19").section == "V. Observations"
    # Paragraph 22 ends on the last page after a comma at the foot of page 4.
    last = block(doc, "22")
    assert [s.page for s in last.spans] == [4, 5]
    assert last.text.endswith("in Libya and the Sahel region.")
    assert [b.label for b in blocks(doc, "title")] == [None, None]


def test_second_report_numbered_paragraphs() -> None:
    doc = parsed(REPORT_231)
    assert [b.label for b in blocks(doc, "numbered")] == [str(i) for i in range(1, 54)]
    assert [b.text for b in blocks(doc, "heading")] == [
        "I. Introduction", "II. Context", "III. Arms embargo",
        "IV. Progress achieved on the key benchmarks established in paragraph 2 of resolution 2577 (2021)",
        "V. Conclusion"]
    assert block(doc, "50").section == "V. Conclusion"
    assert [s.page for s in block(doc, "50").spans] == [10, 11]


@pytest.mark.shared
def test_scaled_fonts_resolution() -> None:
    # Every font is set at size 1 and scaled by the text matrix: sizes must come from the matrix.
    doc = parsed(SHARED / "S_RES_2789_2025.pdf")
    assert doc.title == "Resolution 2789 (2025): Central African Republic — Panel of Experts"
    assert [b.label for b in blocks(doc, "operative")] == ["1", "2"]
    assert [b.text[:20] for b in blocks(doc, "preamble")] == [
        "Recalling its resolu", "Reaffirming its stro", "Determining that arm", "Acting under Chapter"]


# --- footnotes, hyphenation ----------------------------------------------------------------------------------

def test_footnote_marker_and_footnote_on_report_page() -> None:
    doc = parsed(REPORT_257)
    page1 = doc.pages[0].text
    assert "14 April 2025. ¹" in page1
    assert "2025.1" not in page1 and "2025. 1\n" not in page1
    note = block(doc, "fn 1")
    assert note.kind == "footnote"
    assert note.text.startswith("¹ For previous reports, see S/2018/451")
    assert note.spans[0].page == 1


@pytest.mark.shared
def test_footnote_markers_not_glued_on_panel_report() -> None:
    doc = parsed(SHARED / "S_2025_356.pdf")
    page = doc.page_text(11)
    assert "towards Pétion-Ville.¹⁹" in page
    assert "Pétion-Ville.19" not in page
    markers = re.findall(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", page)
    assert {"¹⁹", "²⁰", "²¹", "²²"} <= set(markers)
    notes = [b.label for b in blocks(doc, "footnote") if b.spans[0].page == 11]
    assert {"fn 19", "fn 20", "fn 21", "fn 22"} <= set(notes)


def test_no_soft_hyphen_marks_and_compounds_kept() -> None:
    for path in ALL_PARSEABLE:
        doc = parsed(path)
        for page in doc.pages:
            assert "\ufffe" not in page.text, (path.name, page.number)
            assert "\ufffe" not in "".join(b.text for b in doc.blocks)
    # Line-end hyphens of real compounds stay ("Libyan-", "owned" on the next line).
    assert "Libyan-led and Libyan-owned political process" in parsed(RES_2769).page_text(1)
    assert "cross-border" in parsed(SAMPLES / "S_RES_2783_2025.pdf").page_text(1)


def test_dehyphenation_rules() -> None:
    vocab = {"international", "counterterrorism", "counter-terrorism", "community"}
    assert _join_lines(["the inter-", "national community"], vocab) == "the international community"
    # pdfium's soft-break mark between two lines is a line-end hyphen too.
    assert _join_lines(["the inter\ufffe", "national community"], vocab) == "the international community"
    # Printed elsewhere with its hyphen: keep it even though the joined form is attested.
    assert _join_lines(["its counter-", "terrorism strategy"], vocab) == "its counter-terrorism strategy"
    # Not attested joined: a compound.
    assert _join_lines(["Libyan-", "owned process"], vocab) == "Libyan-owned process"
    # A name broken at its hyphen keeps it and loses the line's space (quotes read "Port-au- Prince" before).
    assert _join_lines(["gangs in Port-au-", "Prince and the Secretary-", "General"], vocab) == \
        "gangs in Port-au-Prince and the Secretary-General"
    assert _join_lines(["paragraph 20-", "The Council"], vocab) == "paragraph 20- The Council"  # no name broken
    assert _join_lines(["the post-", "2011 order and COVID-", "19"], vocab) == "the post-2011 order and COVID-19"
    assert _join_lines(["ends here.", "Next line"], vocab) == "ends here. Next line"


# --- metadata ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "symbol", "doc_type", "date", "title"), [
    (RES_2769, "S/RES/2769 (2025)", "resolution", "2025-01-16",
     "Resolution 2769 (2025): Libya — sanctions, Panel of Experts"),
    (SAMPLES / "S_RES_2780_2025.pdf", "S/RES/2780 (2025)", "resolution", "2025-05-29",
     "Resolution 2780 (2025): Libya"),
    (SAMPLES / "S_RES_2781_2025.pdf", "S/RES/2781 (2025)", "resolution", "2025-05-30",
     "Resolution 2781 (2025): South Sudan — sanctions, Panel of Experts"),
    (SAMPLES / "S_RES_2783_2025.pdf", "S/RES/2783 (2025)", "resolution", "2025-06-30",
     "Resolution 2783 (2025): Democratic Republic of the Congo — Group of Experts"),
    (REPORT_257, "S/2025/257", "sg_report", "2025-04-25",
     "Implementation of resolution 2733 (2024) Report of the Secretary-General"),
    (REPORT_231, "S/2025/231", "sg_report", "2025-04-15",
     "Assessment of progress achieved on the key benchmarks established in paragraph 2 of resolution 2577 (2021) "
     "Report of the Secretary-General"),
    (LETTER_172, "S/2025/172", "letter", "2025-03-19",
     "Letter dated 18 March 2025 from the Secretary-General addressed to the President of the Security Council"),
])
def test_symbol_type_date_title(path: Path, symbol: str, doc_type: str, date: str, title: str) -> None:
    doc = parsed(path)
    assert (doc.symbol, doc.doc_type, doc.date, doc.title) == (symbol, doc_type, date, title)
    assert doc.language == "en"
    assert doc.warnings == []
    assert doc.empty_pages == []
    assert doc.doc_id == doc.file_name == path.name
    assert doc.source == "pdf" and len(doc.sha256) == 64


def test_missions_named() -> None:
    assert parsed(RES_2769).missions == ["UNSMIL", "Libya"]
    assert "UNMISS" in parsed(REPORT_231).missions and "South Sudan" in parsed(REPORT_231).missions


# --- inputs that are not ordinary documents -------------------------------------------------------------------

def test_image_only_scan_is_reported() -> None:
    doc = parsed(SCAN)
    assert doc.page_count == 2
    assert doc.empty_pages == [1, 2]
    assert doc.blocks == []
    assert any(w.startswith("image-only scan: none of its 2 pages has a text layer") for w in doc.warnings)
    # No text to read the symbol from: it comes from the file name, and says so.
    assert doc.symbol == "A/C.1/212"
    assert "symbol taken from the file name (none readable on page 1)" in doc.warnings


def test_non_english_document_is_flagged() -> None:
    doc = parsed(RUSSIAN)
    assert doc.language == "ru"
    assert "non-English text (detected 'ru')" in doc.warnings
    # The symbol printed on the document wins over the misleading file name.
    assert doc.symbol == "S/2024/228"
    assert doc.date == "2024-03-11"
    assert doc.title is not None and doc.title.startswith("Письмо постоянных представителей")


def test_error_page_is_rejected_with_one_line_reason() -> None:
    with pytest.raises(DocumentError) as info:
        parse_file(ERROR_PAGE)
    message = info.value.message
    assert message.startswith("not a UN document: an error page was saved as this PDF")
    assert "does not exist in the Official Document System" in message
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file (0 bytes)"),
    (b"<html><body>Not found</body></html>", "not a PDF (file starts with '<html><body>')"),
])
def test_unusable_bytes(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        parse_file(path)
    assert info.value.message == reason


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "notes.rtf"
    path.write_bytes(b"{\\rtf1 notes}")
    with pytest.raises(DocumentError, match=r"unsupported file type \.rtf"):
        parse_file(path)


# --- spans ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ALL_PARSEABLE, ids=lambda p: p.name)
def test_block_spans_point_at_page_text(path: Path) -> None:
    doc = parsed(path)
    for b in doc.blocks:
        assert b.spans, b.text[:40]
        parts = block_text_on_page(doc, b)
        for (page, part), span in zip(parts, b.spans, strict=True):
            assert page is not None and 1 <= page <= doc.page_count
            assert 0 <= span.start < span.end <= len(doc.page_text(page))
            assert part == part.strip() and part
        assert " ".join(part for _, part in parts) == b.text
    # Every page's text is exactly its blocks' parts joined by newlines, in order.
    for page in doc.pages:
        parts = [(s.start, doc.page_text(s.page)[s.start:s.end]) for b in doc.blocks for s in b.spans
                 if s.page == page.number]
        assert "\n".join(p for _, p in sorted(parts)) == page.text


@pytest.mark.parametrize("path", [RES_2769, REPORT_257, LETTER_172], ids=lambda p: p.name)
def test_chunk_spans_point_at_page_text(path: Path) -> None:
    doc = parsed(path)
    chunks = chunk_document(doc, 220, 200, token_counter(model_path("packaged:all-MiniLM-L6-v2")))
    assert chunks
    labels = {b.label for b in doc.blocks if b.label and b.kind != "footnote"}
    for chunk in chunks:
        for span in chunk.spans:
            piece = doc.page_text(span.page)[span.start:span.end]
            assert chunk.text[span.at:span.at + len(piece)] == piece
        assert chunk.paragraph is None or chunk.paragraph in labels | {b.label for b in doc.blocks}
    if doc.symbol == "S/RES/2769 (2025)":
        # Every operative paragraph is reachable through some chunk's span labels.
        covered = {s.label for c in chunks for s in c.spans}
        assert {b.label for b in blocks(doc, "operative")} <= covered


def test_a_covering_letter_passing_on_anothers_report_is_a_letter() -> None:
    # The openings of S/2025/63 and S/2025/272 (the Secretary-General transmits the OPCW Director General's and the
    # High Representative's reports), and of S/2025/453's kind: his own report under a covering letter.
    from briefbot.parse.meta import Masthead, classify

    def kind(title: str, opening: str) -> str:
        return classify(Masthead("S/2025/1", "2025-01-28", title, False, 10.0), f"{title}\n{opening}", 9)
    letter = ("Letter dated 27 January 2025 from the Secretary-General addressed to the President of the Security "
              "Council")
    assert kind(letter, "I have the honour to transmit herewith the 136th monthly report of the Director General of "
                "the Organisation for the Prohibition of Chemical Weapons (OPCW), submitted pursuant to") == "letter"
    assert kind(letter, "Pursuant to Security Council resolution 1031 (1995), I hereby transmit the sixty-seventh "
                "report on the implementation of the Peace Agreement (see annex).* * Circulated in the language of "
                "submission only and without formal editing.") == "letter"
    assert kind(letter, "I have the honour to transmit herewith my report on the implementation of resolution "
                "2719 (2023).") == "sg_report"


def test_the_secretary_generals_own_report_under_a_covering_letter_stays_his() -> None:
    from briefbot.parse.meta import Masthead, classify
    title = "Letter dated 1 May 2025 from the Secretary-General addressed to the President of the Security Council"
    for opening in ("I have the honour to transmit herewith my report, submitted pursuant to the statement of the "
                    "President of the Security Council of 3 May 2024.",
                    "I have the honour to transmit herewith my report on the activities of the Government of Iraq."):
        assert classify(Masthead("S/2025/1", None, title, False, 10.0), f"{title}\n{opening}", 9) == "sg_report"


def test_a_scans_masthead_date_with_its_year_split_by_ocr_is_its_date() -> None:
    # A/39/361's OCR layer (page 1, as pypdfium2 reads it): the masthead says "25 July 19 84"; the body's first
    # date, 30 April 1982, is an event it reports, not the report's date.
    from briefbot.parse.meta import Line, read_masthead
    rows = [("UNITED", 800, 10), ("NATIONS", 790, 10), ("General Assembly", 780, 16), ("Distr.", 770, 10),
            ("GENERAL", 760, 10), ("A/39/36I", 750, 10), ("25 July 19 84", 740, 10), ("ORIGINAL: ENGLISH", 730, 10),
            ("Thirty-ninth session", 700, 10), ("Progress report of the Secretary-General", 650, 12),
            ("1. Upon assuming my responsibilities at the beginning of 1982, I undertook consultations", 600, 10),
            ("held separate meetings, on 30 April 1982, with Foreign Minister Mochtar Kusumaatmadja", 590, 10)]
    head = read_masthead([Line(t, 50, 500, y, s) for t, y, s in rows], 842, "A_39_361.pdf")
    assert head.date == "1984-07-25"
    # A year split anywhere but alone on the masthead's date line is not joined.
    rows[6] = ("Distributed 25 July 19 84 in New York", 740, 10)
    assert read_masthead([Line(t, 50, 500, y, s) for t, y, s in rows], 842, "A_39_361.pdf").date == "1982-04-30"
