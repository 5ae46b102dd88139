"""Documents are identified by path and content, never by bare file name, and only the indexed bytes are served.

Real PDFs, the real model and embedded Chroma. Before: ``a/report.pdf`` and ``b/report.pdf`` in one run printed two
INGESTED lines and kept one; an upload named ``S_RES_2780_2025.pdf`` with other content replaced the resolution;
an indexed PDF's path swapped for a link to /etc/passwd was handed to the browser.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefbot.chunk import split_sentences
from briefbot.cite import cite_sentence, quote_verbatim, trim_sentence
from briefbot.cli import app
from briefbot.errors import DocumentMismatch, NotFoundError
from briefbot.ingest import file_sha256, ingest_paths, remove_documents
from briefbot.models import Filters
from briefbot.service import Briefbot
from briefbot.store import Store
from briefbot.web.serving import resolve_pdf
from briefbot.web.uploads import stage_uploads
from briefbot.web.views import card_from_citation
from conftest import PDF_FIXTURES, SAMPLES, SettingsFactory

RES_2780 = SAMPLES / "S_RES_2780_2025.pdf"  # one page: cheap to embed
LETTER_172 = PDF_FIXTURES / "S_2025_172.pdf"


def _put(src: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    return dest


def test_same_name_in_two_folders_keeps_both(settings: SettingsFactory, tmp_path: Path) -> None:
    s = settings()
    a = _put(RES_2780, tmp_path / "in" / "a" / "report.pdf")
    b = _put(LETTER_172, tmp_path / "in" / "b" / "report.pdf")
    c = _put(RES_2780, tmp_path / "in" / "c" / "copy.pdf")  # the bytes of a/report.pdf again
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--index", str(s.index)])
    assert result.exit_code == 0, result.output
    second_id = f"report~{file_sha256(b)[:8]}.pdf"  # type: ignore[index]
    assert "INGESTED  report.pdf: S/RES/2780 (2025)" in result.output
    assert f"INGESTED  report.pdf as {second_id}: S/2025/172" in result.output
    assert "DUPLICATE copy.pdf: same content as report.pdf, already indexed" in result.output
    assert str(tmp_path) not in result.output.split("DUPLICATE", 1)[1]  # the reason is shown on the web too

    store = Store(s)
    docs = {d.doc_id: d for d in store.documents()}
    assert set(docs) == {"report.pdf", second_id}
    assert docs["report.pdf"].path == str(a.resolve()) and docs[second_id].path == str(b.resolve())
    assert docs[second_id].file_name == "report.pdf" and docs[second_id].symbol == "S/2025/172"
    assert "Panel of Experts" in store.page_text(second_id, 1)

    # Run again: each file is still itself, nothing is parsed or replaced.
    again = ingest_paths([tmp_path / "in"], s)
    assert {Path(r.path).parent.name: r.status for r in again.results} == {"a": "unchanged", "b": "unchanged",
                                                                          "c": "duplicate"}
    assert str(c) in [r.path for r in again.results]


def test_upload_named_like_an_indexed_document_is_a_new_one(settings: SettingsFactory, tmp_path: Path,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    s = settings()
    original = _put(RES_2780, tmp_path / "corpus" / "S_RES_2780_2025.pdf")
    bot = Briefbot(s, create=True)
    assert bot.ingest([original]).counts() == {"ingested": 1}

    # Two users upload different files under the resolution's name, one after the other.
    forged = _put(LETTER_172, tmp_path / "upload1" / "S_RES_2780_2025.pdf")
    other = _put(SAMPLES / "S_RES_2783_2025.pdf", tmp_path / "upload2" / "S_RES_2780_2025.pdf")
    uploads = Path(s.index) / "uploads"
    first = stage_uploads([forged], uploads)
    second = stage_uploads([other], uploads)
    assert first != second and first[0].read_bytes() == forged.read_bytes()  # the first upload's bytes are kept
    report = bot.ingest(first + second)
    assert [r.status for r in report.results] == ["ingested", "ingested"]
    ids = [r.doc_id for r in report.results]
    assert "S_RES_2780_2025.pdf" not in ids and len(set(ids)) == 2

    kept = bot.document("S_RES_2780_2025.pdf")
    assert kept.symbol == "S/RES/2780 (2025)" and kept.sha256 == file_sha256(original)
    served = bot.document_path("S_RES_2780_2025.pdf")
    assert served is not None and served.read_bytes() == original.read_bytes()
    answer = bot.ask("Libya vessels inspection authorizations", filters=None)
    assert "S_RES_2780_2025.pdf" in {hit.doc.doc_id for hit in answer.hits}

    # Replacing is an explicit act, and logged.
    caplog.set_level(logging.WARNING, logger="briefbot.ingest")
    replaced = bot.ingest([_put(SAMPLES / "S_2025_257.pdf", tmp_path / "fix" / "S_RES_2780_2025.pdf")],
                          replace=True)
    assert [(r.status, r.doc_id) for r in replaced.results] == [("replaced", "S_RES_2780_2025.pdf")]
    assert "replacing the indexed document S_RES_2780_2025.pdf" in caplog.text
    assert bot.document("S_RES_2780_2025.pdf").symbol == "S/2025/257"


def test_a_citation_names_its_document_by_id_not_by_file_name(settings: SettingsFactory, tmp_path: Path) -> None:
    """Two indexed files called report.pdf: a quote from the second is checked and shown from the second."""
    bot = Briefbot(settings(), create=True)
    bot.ingest([_put(RES_2780, tmp_path / "a" / "report.pdf")])
    second = _put(LETTER_172, tmp_path / "b" / "report.pdf")
    bot.ingest([second])
    second_id = f"report~{file_sha256(second)[:8]}.pdf"
    hit = bot.retrieve("Panel of Experts", k=1, filters=Filters(doc_ids=[second_id]))[0]
    a, b = next((a, b) for a, b in (trim_sentence(hit.chunk.text, *s) for s in split_sentences(hit.chunk.text))
                if b - a > 40)
    citation = cite_sentence(hit, a, b, "1", bot.page_text)
    assert citation is not None and (citation.document, citation.doc_id) == ("report.pdf", second_id)
    assert citation.quote in bot.page_text(citation.doc_id, citation.page)
    assert quote_verbatim(citation.to_dict(), bot.page_text)  # as the evaluation checks a recorded answer
    assert card_from_citation(citation).doc_id == second_id  # the page view and PDF link open this file


def test_a_moved_file_is_found_and_an_ambiguous_name_is_refused(settings: SettingsFactory, tmp_path: Path) -> None:
    s = settings()
    doc = _put(RES_2780, tmp_path / "old" / "r.pdf")
    ingest_paths([doc], s)
    moved = tmp_path / "new" / "r.pdf"
    moved.parent.mkdir()
    doc.rename(moved)
    report = ingest_paths([moved], s)
    assert [r.status for r in report.results] == ["unchanged"]
    assert Store(s).document("r.pdf").path == str(moved.resolve())

    # Two more files called r.pdf get ids of their own; once the first is removed the name alone picks none.
    _put(LETTER_172, tmp_path / "x" / "r.pdf")
    _put(SAMPLES / "S_RES_2783_2025.pdf", tmp_path / "y" / "r.pdf")
    assert {r.status for r in ingest_paths([tmp_path / "x", tmp_path / "y"], s).results} == {"ingested"}
    assert remove_documents(["r.pdf"], s) == ["r.pdf"]
    with pytest.raises(NotFoundError, match="names 2 indexed documents") as err:
        Store(s).document("r.pdf")
    assert "name one by its id: r~" in str(err.value)


def test_a_swapped_file_is_never_served(settings: SettingsFactory, tmp_path: Path) -> None:
    s = settings()
    pdf = _put(RES_2780, tmp_path / "in" / "res.pdf")
    bot = Briefbot(s, create=True)
    bot.ingest([pdf])
    original = pdf.read_bytes()

    pdf.unlink()
    pdf.symlink_to("/etc/passwd")
    with pytest.raises(DocumentMismatch, match="not the file that was indexed"):
        resolve_pdf(bot, "res.pdf")
    pdf.unlink()
    shutil.copyfile("/etc/passwd", pdf)  # a regular file with other bytes
    with pytest.raises(DocumentMismatch, match="its content changed"):
        bot.document_path("res.pdf")
    pdf.unlink()
    real = tmp_path / "elsewhere"
    real.mkdir()
    (real / "res.pdf").write_bytes(original)
    shutil.rmtree(tmp_path / "in")
    (tmp_path / "in").symlink_to(real)  # the right bytes, but reached through a link
    with pytest.raises(DocumentMismatch, match="symbolic link"):
        bot.document_path("res.pdf")
    (tmp_path / "in").unlink()
    _put(RES_2780, pdf)

    served = resolve_pdf(bot, "res.pdf")
    assert served.read_bytes() == original and served.is_relative_to(Path(s.index))
    assert oct(served.stat().st_mode & 0o777) == "0o600"
    pdf.unlink()  # served from the verified private copy from now on, whatever happens to the original
    assert resolve_pdf(bot, "res.pdf").read_bytes() == original
    assert oct(served.parent.parent.stat().st_mode & 0o777) == "0o700"
    assert bot.remove(["res.pdf"]) == ["res.pdf"]
    assert not served.parent.exists(), "the private copy goes with its document"


def test_no_page_to_show_says_why(settings: SettingsFactory, tmp_path: Path) -> None:
    """A Council record from the bulk JSONL (no file of its own) and an XML one have no PDF page: the remedy is
    the card's text. Only a PDF whose file went missing is told to re-ingest."""
    s = settings()
    akn = Path(__file__).parent / "fixtures" / "akn"
    _put(akn / "sc_documents_sample.jsonl", tmp_path / "in" / "records.jsonl")
    _put(akn / "S_RES_2509_2020-2002070E.xml", tmp_path / "in" / "S_RES_2509_2020-2002070E.xml")
    pdf = _put(RES_2780, tmp_path / "in" / "res.pdf")
    bot = Briefbot(s, create=True)
    bot.ingest([tmp_path / "in"])
    record = next(d.doc_id for d in bot.library() if d.doc_id.startswith("S_PRST"))
    for doc_id in (record, "S_RES_2509_2020-2002070E.xml"):
        with pytest.raises(NotFoundError, match="was not indexed from a PDF") as err:
            resolve_pdf(bot, doc_id)
        assert "read the passage text on the card" in str(err.value)
    pdf.unlink()
    with pytest.raises(NotFoundError, match="no longer on disk"):
        resolve_pdf(bot, "res.pdf")
