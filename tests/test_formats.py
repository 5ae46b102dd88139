"""Word, web pages, Markdown, plain text and scanned PDF pages (OCR), with real files: each parses into sections
and paragraphs with its metadata, goes through the isolated parser and the identity rules like a PDF, and answers
questions with quotes verified on the text it was read from."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from briefbot.cli import app
from briefbot.errors import DocumentError
from briefbot.ingest import ingest_paths
from briefbot.models import Document
from briefbot.parse import OcrOptions, parse_file
from briefbot.parse.ocr import unavailable
from briefbot.parse.webpage import html_elements, main_content
from briefbot.service import Briefbot
from conftest import PDF_FIXTURES, SHARED, SettingsFactory
from formats_support import (
    WEB_BOILERPLATE,
    WEB_PAGE,
    write_docx,
    write_image_pdf,
    write_markdown,
    write_text,
)

ANALYSIS_HTML = SHARED.parent / "analyses" / "Still_Flying_Blind_ORG_2019.html"
needs_tesseract = pytest.mark.skipif(unavailable("eng") is not None, reason="Tesseract (tesseract-ocr) not installed")


def sections(doc: Document) -> dict[str, str | None]:
    return {b.text: b.section for b in doc.blocks}


# --- web pages: boilerplate -----------------------------------------------------------------------------------

def test_web_page_keeps_the_article_and_drops_the_boilerplate() -> None:
    doc = parse_file(WEB_PAGE)
    text = doc.page_text(None)
    article = lxml_html.parse(str(WEB_PAGE)).xpath("//article//p|//article//h2|//article//h3")
    for el in article:
        assert " ".join(el.text_content().split()) in text
    kept = [b for b in WEB_BOILERPLATE if b in text]
    assert kept == []
    # Metadata from JSON-LD and <meta>: cited like an analyst would.
    assert (doc.title, doc.authors, doc.publisher, doc.date) == (
        "Gold, guns and governance in the Sahel", ["Amina Diallo"], "Conflict Economies Review", "2024-03-14")
    assert doc.origin == "analysis" and doc.symbol is None and doc.source == "html"
    # Headings are the paragraph's address, numbered under their parent.
    found = sections(doc)
    assert found["Our field research estimates that the groups earned between 30 and 40 million dollars from gold "
                 "in 2023, more than from cattle theft and kidnapping combined."] == "I.B Financing armed groups"
    assert found["I. How the trade works"] == "I. How the trade works"


def test_boilerplate_only_page_gives_no_text_not_navigation() -> None:
    page = ("<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
            "<div class='cookie'>We use cookies. <button>Accept</button></div>"
            "<footer><a href='/privacy'>Privacy policy</a> © 2024 Example</footer></body></html>")
    kept = " ".join(e.text for e in html_elements(main_content(page)))
    assert "Privacy policy" not in kept and "Home News" not in kept


def test_html_in_markdown_is_text_and_scripts_never_run_into_the_text() -> None:
    page = ("<html><head><script>var tracking = 'x';</script><style>p{color:red}</style></head><body><article>"
            "<h2>Findings</h2><p>The Panel found that fuel smuggling through the port of Zawiya financed the "
            "militias that guard it, and that coast guard officers took part.</p></article></body></html>")
    text = " ".join(e.text for e in html_elements(main_content(page)))
    assert "fuel smuggling through the port of Zawiya" in text
    assert "tracking" not in text and "color" not in text


def test_web_page_footnotes_are_kept_apart(tmp_path: Path) -> None:
    path = tmp_path / "zawiya.html"
    path.write_text(
        "<html><head><title>Fuel and militias</title></head><body><article><h2>Findings</h2><p>Fuel smuggling from "
        "Zawiya financed the militias that guard the refinery, according to officials interviewed.<sup><a "
        "href='#fn1' id='fnref1'>1</a></sup> The coast guard took part in the trade for years, and the Panel "
        "recommended designating its commander.</p></article><section class='footnotes' role='doc-endnotes'><hr>"
        "<ol><li id='fn1'><p>Interviews in Tripoli, May 2023. <a href='#fnref1' class='footnote-back' "
        "role='doc-backlink'>↩</a></p></li></ol></section><footer>© 2024 Example</footer></body></html>",
        encoding="utf-8")
    doc = parse_file(path)
    notes = [(b.label, b.text) for b in doc.blocks if b.kind == "footnote"]
    assert notes == [("fn 1", "1 Interviews in Tripoli, May 2023.")]
    body = [b.text for b in doc.blocks if b.kind == "text"]
    assert body == ["Fuel smuggling from Zawiya financed the militias that guard the refinery, according to officials "
                    "interviewed.¹ The coast guard took part in the trade for years, and the Panel recommended "
                    "designating its commander."]


@pytest.mark.shared
def test_the_analysis_web_page_loses_nothing() -> None:
    """The saved analysis has no boilerplate: every paragraph and heading stays, and its byline fills the metadata."""
    doc = parse_file(ANALYSIS_HTML)
    text = doc.page_text(None)
    raw = lxml_html.parse(str(ANALYSIS_HTML))
    units = [" ".join(e.text_content().split()) for e in raw.xpath("//body/p|//body/h1|//body/h2")]
    assert [u for u in units if u not in text] == []
    assert doc.title == "Still Flying Blind: Peace Operations and Organised Crime"
    assert (doc.authors, doc.publisher, doc.date, doc.origin) == (["Arthur Boutellis"], "Oxford Research Group",
                                                                  "2019-02-27", "analysis")
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "Limited Strategic Guidance for Peacekeepers" in heads and "About the Author" in heads


# --- Word, Markdown, text ---------------------------------------------------------------------------------------

def test_docx_sections_tables_and_properties(tmp_path: Path) -> None:
    doc = parse_file(write_docx(tmp_path / "shabaab.docx"))
    assert (doc.source, doc.origin, doc.symbol) == ("docx", "analysis", None)
    assert (doc.title, doc.authors, doc.date, doc.publisher) == (
        "Charcoal, sugar and the Shabaab economy", ["Hodan Warsame", "Peter Lind"], "2023-05-09",
        "Horn Economic Observatory")
    found = sections(doc)
    assert found["Drivers told us that the group charges about 400 dollars per truck of sugar at the checkpoints on "
                 "the road from Kismaayo to Jilib."] == "I.A Checkpoints"
    assert found["Checkpoints | 24 million dollars"] == "I.B Charcoal exports"
    # The footnote is kept apart from the body, by its number.
    notes = [(b.kind, b.label, b.text) for b in doc.blocks if b.kind == "footnote"]
    assert notes == [("footnote", "fn 1", "1 Interviews with truck drivers in Kismaayo, January 2023.")]
    assert "Interviews with truck drivers" not in " ".join(b.text for b in doc.blocks if b.kind != "footnote")
    assert found["Maritime interdiction should be paired with support for alternative livelihoods for charcoal "
                 "burners."] == "II. Recommendations"
    # Spans point into the one page of text, so quotes can be verified there.
    for block in doc.blocks:
        (span,) = block.spans
        assert span.page is None and doc.page_text(None)[span.start:span.end] == block.text


def test_docx_xml_entities_are_not_expanded(tmp_path: Path) -> None:
    """A footnote naming a local file through an XML entity must not pull that file into the index (XXE)."""
    import docx

    from formats_support import add_footnote

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT")
    word = docx.Document()
    para = word.add_paragraph("The Panel traced the shipment of arms through the port of Berbera in 2022.")
    add_footnote(word, para.add_run(), "1", "Source: &secret;",
                 doctype=f'<!DOCTYPE w:footnotes [<!ENTITY secret SYSTEM "{secret.as_uri()}">]>')
    path = tmp_path / "xxe.docx"
    word.save(str(path))
    doc = parse_file(path)
    assert "SECRET-CONTENT" not in doc.page_text(None)


def test_word_automatic_numbers_are_kept(tmp_path: Path) -> None:
    """Word prints list numbers that are not in the paragraph text; numbered paragraphs keep them as labels."""
    import docx

    word = docx.Document()
    word.add_paragraph("The Panel of Experts on Libya reports on arms and fuel smuggling.")
    word.add_paragraph("The Panel recorded 14 shipments of fuel leaving Zawiya without export papers.",
                       style="List Number")
    word.add_paragraph("Two of the ships were owned by companies designated under resolution 2146 (2014).",
                       style="List Number")
    word.add_paragraph("Fuel was also stored in depots near the port.", style="List Bullet")
    path = tmp_path / "numbered.docx"
    word.save(str(path))
    blocks = {b.text: b.label for b in parse_file(path).blocks}
    assert blocks["1. The Panel recorded 14 shipments of fuel leaving Zawiya without export papers."] == "1"
    assert blocks["2. Two of the ships were owned by companies designated under resolution 2146 (2014)."] == "2"
    assert blocks["Fuel was also stored in depots near the port."] is None


def test_markdown_front_matter_footnotes_and_plain_text(tmp_path: Path) -> None:
    doc = parse_file(write_markdown(tmp_path / "cocaine.md"))
    assert (doc.title, doc.authors, doc.publisher, doc.date) == (
        "Cocaine through the Sahel", ["Marie Keita"], "Sahel Security Monitor", "2022-11-03")
    text = doc.page_text(None)
    assert "**" not in text and "](" not in text and "[^1]" not in text
    assert "paying each armed group along the way" in text
    notes = [b for b in doc.blocks if b.kind == "footnote"]
    assert [(b.label, b.text) for b in notes] == [("fn 1", "1 Interviews with port officials in Bissau, March 2022.")]
    assert sections(doc)["Most seizures were made on the road to Agadez."] == "1. Routes"


def test_plain_text_paragraphs_and_headings(tmp_path: Path) -> None:
    doc = parse_file(write_text(tmp_path / "bunia.txt"))
    assert doc.title == "Notes from the field mission to Bunia"
    found = sections(doc)
    assert found["The CODECO militia controls at least twelve mining sites north of Bunia and taxes every digger who "
                 "works there."] == "Armed groups"
    assert any(b.text.startswith("Gold from artisanal mines in Ituri is smuggled across the border to Uganda, where "
                                 "it is declared") for b in doc.blocks)  # lines of one paragraph are joined


def test_text_in_a_legacy_encoding_is_read_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "notes_cp1252.txt"
    path.write_bytes("Le Groupe d’experts a constaté que l’or était exporté vers Dubaï par des négociants de "
                     "Bamako, selon les douanes maliennes et les sociétés minières.".encode("cp1252"))
    doc = parse_file(path)
    assert "Le Groupe d’experts a constaté que l’or était exporté vers Dubaï" in doc.page_text(None)
    assert any(w.startswith("not UTF-8: read as") for w in doc.warnings), doc.warnings


def test_un_document_in_word_keeps_its_symbol(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("S/2025/231")
    word.add_paragraph("Letter dated 10 April 2025 from the Chair of the Security Council Committee", style="Title")
    word.add_paragraph("1. The Committee met four times during the reporting period and heard the Panel.")
    path = tmp_path / "letter.docx"
    word.save(str(path))
    doc = parse_file(path)
    assert (doc.symbol, doc.origin, doc.doc_type) == ("S/2025/231", "un", "letter")
    assert [b.label for b in doc.blocks if b.text.startswith("1. The Committee")] == ["1"]


def test_resolution_in_markdown_keeps_its_operative_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "S_RES_2769_2025.md"
    path.write_text("# Resolution 2769 (2025)\n\n*The Security Council,*\n\n*Recalling* its previous resolutions "
                    "on Libya,\n\n1. *Decides* to extend until 15 May 2026 the mandate of the Panel of Experts;\n\n"
                    "2. *Requests* the Panel to provide an interim report.\n", encoding="utf-8")
    doc = parse_file(path)
    assert (doc.symbol, doc.doc_type, doc.origin) == ("S/RES/2769 (2025)", "resolution", "un")
    labels = {b.text[:20]: (b.kind, b.label) for b in doc.blocks}
    assert labels["Recalling its previo"] == ("preamble", None)
    assert labels["1. Decides to extend"] == ("operative", "1")
    assert labels["2. Requests the Pane"] == ("operative", "2")


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("fake.docx", b"%PDF-1.4 not a word file", "not a Word .docx file"),
    ("old.doc", b"\xd0\xcf\x11\xe0 old word", "old Word .doc format; save it as .docx"),
    ("binary.txt", b"\x00\x01\x02\x03" * 100, "not a text file (binary content)"),
    ("plain.html", b"just words, no markup at all", "not a web page"),
    ("empty.md", b"", "empty file (0 bytes)"),
])
def test_bad_files_get_a_one_line_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        parse_file(path)
    assert str(err.value.message).startswith(reason)


# --- OCR ----------------------------------------------------------------------------------------------------------

@needs_tesseract
def test_ocr_reads_an_image_only_page(tmp_path: Path) -> None:
    path = write_image_pdf(tmp_path / "scan.pdf")
    without = parse_file(path)
    assert without.blocks == [] and "needs OCR: the ocr setting is off" in without.warnings[0]
    doc = parse_file(path, OcrOptions())
    assert [p.ocr for p in doc.pages] == [True] and doc.empty_pages == []
    text = doc.page_text(1)
    assert "smugglers moved 300 tonnes of mercury through the port of Lome in one year." in text
    assert doc.warnings[0].startswith("OCR: text of 1 page(s) without a text layer read by Tesseract (1)")


def test_blank_page_is_not_sent_to_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    from briefbot.parse import pdf as pdf_parser

    blank = pdfium.PdfDocument.new()
    blank.new_page(595, 842)
    path = tmp_path / "blank.pdf"
    blank.save(str(path))
    calls: list[int] = []
    monkeypatch.setattr(pdf_parser, "render", lambda page: calls.append(1))
    doc = parse_file(path, OcrOptions())
    assert calls == [] and [p.ocr for p in doc.pages] == [False]
    assert doc.warnings == ["image-only scan: none of its 1 pages has a text layer (blank, or OCR found no text)"]


@needs_tesseract
def test_scan_pages_read_side_by_side_read_as_one_by_one() -> None:
    """Two pages of a real scan recognised at once give the document that reading them in turn gives."""
    scan = PDF_FIXTURES / "A_C.1_212_1947.pdf"
    apart, together = parse_file(scan, OcrOptions(processes=1)), parse_file(scan, OcrOptions(processes=2))
    assert [p.ocr for p in together.pages] == [True, True]
    assert [p.text for p in together.pages] == [p.text for p in apart.pages]
    assert together.blocks == apart.blocks and together.warnings == apart.warnings


def test_ocr_without_the_language_data_names_the_remedy(tmp_path: Path) -> None:
    path = write_image_pdf(tmp_path / "scan.pdf")
    doc = parse_file(path, OcrOptions(language="xyz"))
    assert doc.blocks == [] and [p.ocr for p in doc.pages] == [False]
    remedy = "apt-get install tesseract-ocr-xyz" if shutil.which("tesseract") else "apt-get install tesseract-ocr"
    assert any("needs OCR" in w and remedy in w for w in doc.warnings), doc.warnings


def test_ocr_without_tesseract_keeps_no_text_with_the_remedy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    unavailable.cache_clear()
    try:
        assert unavailable("eng") is not None and "apt-get install tesseract-ocr" in str(unavailable("eng"))
    finally:
        monkeypatch.undo()
        unavailable.cache_clear()


# --- through ingest and ask ---------------------------------------------------------------------------------------

def cli_status(output: str) -> dict[str, str]:
    out = {}
    for line in output.splitlines():
        m = re.match(r"^(INGESTED|REPLACED|NO TEXT|FAILED|REFUSED|UNCHANGED)\s+(\S+?):? (.*)$", line)
        if m:
            out[m.group(2)] = m.group(1)
    return out


@needs_tesseract
def test_every_format_is_ingested_and_answers_with_verified_quotes(settings: SettingsFactory,
                                                                     tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_docx(folder / "shabaab.docx")
    shutil.copy(WEB_PAGE, folder / WEB_PAGE.name)
    write_markdown(folder / "cocaine.md")
    write_text(folder / "bunia.txt")
    write_image_pdf(folder / "mercury_scan.pdf")
    (folder / "README.txt").write_text("Notes about this folder, not a document.\n")
    s = settings()
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(folder), "--index", str(s.index)])
    assert result.exit_code == 0, result.output
    status = cli_status(result.output)
    assert status == {n: "INGESTED" for n in ("shabaab.docx", WEB_PAGE.name, "cocaine.md", "bunia.txt",
                                              "mercury_scan.pdf")}, result.output
    assert "README.txt" not in result.output  # a folder's notes are not documents

    bot = Briefbot(s)
    cases = [
        ("How much does the group charge per truck of sugar at checkpoints?", "shabaab.docx", "400 dollars"),
        ("How much did armed groups earn from gold in 2023?", WEB_PAGE.name, "between 30 and 40 million dollars"),
        ("Through which ports does cocaine reach the Sahel?", "cocaine.md", "Guinea-Bissau"),
        ("Which militia controls the mining sites north of Bunia?", "bunia.txt", "CODECO militia controls"),
        ("How much mercury did smugglers move through Lome?", "mercury_scan.pdf", "300 tonnes"),
    ]
    for question, document, fact in cases:
        answer = bot.ask(question)
        assert not answer.abstained, (question, answer.answer)
        cited = [c for c in answer.citations if c.document == document and fact in c.quote]
        assert cited, (question, [(c.document, c.quote) for c in answer.citations])
        citation = cited[0]
        # The quote is verbatim on the text it was read from (the OCR text for the scan).
        assert citation.quote in bot.page_text(document, citation.page)
        if document == "mercury_scan.pdf":
            assert citation.ocr and "p. 1 (OCR)" in citation.reference(), citation.reference()
        else:
            assert not citation.ocr and citation.page is None
    # Web page citations carry the section the sentence sits in.
    gold = bot.ask("How much did armed groups earn from gold in 2023?")
    hit = next(h for h in gold.hits if h.doc.file_name == WEB_PAGE.name and "30 and 40 million" in h.chunk.text)
    assert hit.chunk.section == "I.B Financing armed groups"
    # A page-less work of no UN series has no page or paragraph number: its citations are addressed by their
    # section, as an analysis PDF's are (they named no place in the document at all).
    cited = next(c for c in gold.citations if c.document == WEB_PAGE.name and "30 and 40 million" in c.quote)
    assert cited.paragraph == "I.B Financing armed groups", cited.reference()
    militia = bot.ask("Which militia controls the mining sites north of Bunia?")
    cited = next(c for c in militia.citations if c.document == "bunia.txt")
    assert cited.reference().endswith('"Armed groups"'), cited.reference()
    convoys = bot.ask("How do traffickers move cocaine north across the Sahel?")
    cited = next((c for c in convoys.citations if c.document == "cocaine.md" and "convoys" in c.quote), None)
    assert cited is not None, convoys.answer
    assert cited.paragraph == "1. Routes", cited.reference()

    # Same path, same bytes: unchanged without parsing; changed bytes are refused unless --replace.
    again = runner.invoke(app, ["ingest", str(folder), "--index", str(s.index)])
    assert again.exit_code == 0 and "5 unchanged" in again.output.splitlines()[-1], again.output
    (folder / "bunia.txt").write_text("Notes from the field mission to Bunia\n\nNothing new.\n")
    changed = runner.invoke(app, ["ingest", str(folder / "bunia.txt"), "--index", str(s.index)])
    assert cli_status(changed.output) == {"bunia.txt": "REFUSED"}, changed.output


@needs_tesseract
def test_scan_indexed_without_ocr_is_read_again_once_ocr_works(settings: SettingsFactory, tmp_path: Path) -> None:
    scan = PDF_FIXTURES / "A_C.1_212_1947.pdf"
    first = ingest_paths([scan], settings(ocr=False))
    (result,) = first.results
    assert result.status == "no_text" and "needs OCR: the ocr setting is off" in result.warnings[0]
    second = ingest_paths([scan], settings())
    (result,) = second.results
    assert result.status == "replaced" and result.chunks > 0, result
    third = ingest_paths([scan], settings())
    assert [r.status for r in third.results] == ["unchanged"]
    bot = Briefbot(settings())
    answer = bot.ask("Which representative raised the legal problem considered by the Sixth Committee?")
    ocr_quotes = [c for c in answer.citations if c.document == scan.name and "Argentina" in c.quote]
    assert ocr_quotes and ocr_quotes[0].ocr and "(OCR)" in ocr_quotes[0].reference(), answer.to_dict()


@pytest.mark.shared
@needs_tesseract
def test_corpus_scans_become_searchable(settings: SettingsFactory) -> None:
    """The corpus's two image-only scans: OCR'd in the isolated parser, and a question about one is answered."""
    scans = [SHARED / "A_45_696_Add.1.pdf", SHARED / "A_C.1_212_1947.pdf"]
    report = ingest_paths(scans, settings())
    by_name = {Path(r.path).name: r for r in report.results}
    for scan in scans:
        r = by_name[scan.name]
        assert r.status == "ingested" and r.chunks > 0, r
        assert r.warnings[0].startswith("OCR: text of"), r.warnings
    assert by_name["A_45_696_Add.1.pdf"].symbol == "A/45/696/Add.1"
    bot = Briefbot(settings())
    answer = bot.ask("What share of the increased radiative forcing did carbon dioxide emissions contribute over "
                     "the last decade?")
    cited = [c for c in answer.citations if c.document == "A_45_696_Add.1.pdf"]
    assert cited and all(c.ocr for c in cited), answer.to_dict()
    assert any("55 per cent" in c.quote and c.reference().endswith("(OCR)") for c in cited), answer.to_dict()
    for c in cited:
        assert c.quote in bot.page_text(c.document, c.page)


@needs_tesseract
def test_scanned_page_inside_a_text_pdf(tmp_path: Path) -> None:
    """A report whose annex is a scanned page: only that page is OCR'd, its paragraphs read as body text beside the
    text layer's, and the text pages are as without OCR."""
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument(str(write_image_pdf(tmp_path / "annex.pdf")))
    report = pdfium.PdfDocument(str(PDF_FIXTURES / "S_2025_172.pdf"))
    report.import_pages(scan)
    path = tmp_path / "report_with_scanned_annex.pdf"
    report.save(str(path))
    plain, doc = parse_file(path), parse_file(path, OcrOptions())
    assert [p.ocr for p in doc.pages] == [False, True]
    assert doc.page_text(1) == plain.page_text(1)
    on_scan = [b for b in doc.blocks if b.spans[0].page == 2]
    mercury = [b for b in on_scan if "300 tonnes of mercury" in b.text]
    assert mercury and mercury[0].kind == "text", [(b.kind, b.text) for b in on_scan]


def test_web_upload_takes_word_files_and_web_pages(settings: SettingsFactory, tmp_path: Path) -> None:
    """The web upload's path (checks, staging into the index, background ingest) with a .docx and an .html."""
    from briefbot.web import uploads as h

    s = settings()
    bot = Briefbot(s, create=True)
    page = tmp_path / WEB_PAGE.name
    shutil.copy(WEB_PAGE, page)
    files = [write_docx(tmp_path / "shabaab.docx"), page]
    check = h.validate_uploads(files, s.upload_max_mb, s.upload_max_files)
    assert check.accepted == files and check.rejected == []
    staged = h.stage_uploads(check.accepted, Path(s.index) / "uploads")
    assert [p.name for p in staged] == ["shabaab.docx", WEB_PAGE.name]
    job = h.IngestJob(staged, []).start(bot)
    job.join(timeout=300)
    assert job.finished and job.error is None, job.error
    assert [row[:2] for row in job.rows()] == [["shabaab.docx", "ingested"], [WEB_PAGE.name, "ingested"]]
    answer = bot.ask("How much does the group charge per truck of sugar at checkpoints?")
    assert any(c.document == "shabaab.docx" and "400 dollars" in c.quote for c in answer.citations), answer.to_dict()


def test_word_zip_bomb_fails_on_its_own_line_under_the_memory_cap(settings: SettingsFactory, tmp_path: Path) -> None:
    """A .docx whose document part inflates to 1 GB: the isolated parser's memory cap stops it, the batch goes on."""
    import zipfile

    folder = tmp_path / "in"
    folder.mkdir()
    good = write_docx(tmp_path / "good.docx")
    shutil.copy(good, folder / "good.docx")
    bomb = folder / "bomb.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item))
                continue
            with dst.open("word/document.xml", "w", force_zip64=True) as out:
                w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
                out.write(f"<w:document {w}><w:body>".encode())
                run = ("<w:p><w:r><w:t>" + "gold " * 2000 + "</w:t></w:r></w:p>").encode()
                for _ in range((1 << 30) // len(run)):
                    out.write(run)
                out.write(b"</w:body></w:document>")
    assert bomb.stat().st_size < 5_000_000
    report = ingest_paths([folder], settings(parse_memory_mb=512))
    by_name = {Path(r.path).name: r for r in report.results}
    assert by_name["good.docx"].status == "ingested"
    assert by_name["bomb.docx"].status == "failed"
    assert str(by_name["bomb.docx"].reason).startswith("parser ran out of memory (more than parse_memory_mb=512 MB")


def test_ocr_mark_in_every_reference_form() -> None:
    """The one formatter marks OCR for answers, exports and the web app's citation cards alike."""
    from briefbot.models import Citation
    from briefbot.web.views import card_from_citation

    cite = Citation(key="1", document="A_45_696_Add.1.pdf", doc_id="A_45_696_Add.1.pdf", symbol="A/45/696/Add.1",
                    page=5, paragraph="6", quote="Over the last decade ...", ocr=True)
    assert cite.reference() == "A/45/696/Add.1, para. 6, p. 5 (OCR)"
    assert cite.to_dict()["ocr"] is True
    assert card_from_citation(cite).reference() == "A/45/696/Add.1, para. 6, p. 5 (OCR)"
    cite.ocr = False
    assert cite.reference() == "A/45/696/Add.1, para. 6, p. 5" and "ocr" not in cite.to_dict()


def test_catalog_from_before_ocr_is_read_unchanged_and_upgraded_by_the_first_write(settings: SettingsFactory) -> None:
    """Reading an older index never alters it; the first write adds pages.ocr, also when another process holding
    the catalog open (the web app) writes after that."""
    import sqlite3

    from briefbot.models import Page
    from briefbot.store import Store

    s = settings()
    Store(s).close()
    catalog = Path(s.index) / s.collection_name() / "catalog.sqlite"
    with sqlite3.connect(catalog) as db:
        db.execute("ALTER TABLE pages DROP COLUMN ocr")  # the catalog as indexes before OCR have it

    def columns() -> set[str]:
        with sqlite3.connect(catalog) as db:
            return {r[1] for r in db.execute("PRAGMA table_info(pages)")}

    def scan(name: str) -> Document:
        return Document(doc_id=name, file_name=name, sha256=name, source="pdf", symbol=None, doc_type="other",
                        title=None, date=None, language="en", pages=[Page(1, "Recognised text.", ocr=True)],
                        blocks=[])

    reader, other = Store(s), Store(s)
    assert reader.documents() == [] and "ocr" not in columns()
    reader.commit_document(scan("a.pdf"), [])
    assert "ocr" in columns()
    other.commit_document(scan("b.pdf"), [])  # opened before the column existed
    assert Store(s).document("b.pdf").ocr_pages == [1] and reader.document("a.pdf").ocr_pages == [1]
