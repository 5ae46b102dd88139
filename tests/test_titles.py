"""Titles that say what a document is: a resolution's subject, a report's own title rather than its covering
letter, notes labelled as notes; real PDFs from ingest/samples and ../shared/corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbot.models import paragraph_label
from briefbot.parse.bulk import iter_jsonl
from briefbot.parse.pdf import parse_pdf

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "ingest" / "samples"
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.mark.parametrize(("name", "title"), [
    ("S_RES_2769_2025.pdf", "Resolution 2769 (2025): Libya — sanctions, Panel of Experts"),
    ("S_RES_2781_2025.pdf", "Resolution 2781 (2025): South Sudan — sanctions, Panel of Experts"),
    ("S_RES_2783_2025.pdf", "Resolution 2783 (2025): Democratic Republic of the Congo — Group of Experts"),
])
def test_resolution_title_names_its_subject(name: str, title: str) -> None:
    assert parse_pdf(SAMPLES / name).title == title


@pytest.mark.shared
@pytest.mark.parametrize(("name", "title"), [
    ("S_RES_2778_2025.pdf", "Resolution 2778 (2025): South Sudan — mandate of UNMISS"),
    ("S_RES_2770_2025.pdf", "Resolution 2770 (2025): Election to fill a vacancy in the International Court of "
                            "Justice"),
    ("S_RES_2771_2025.pdf", "Resolution 2771 (2025): Cyprus"),  # not "Varosha", a later recital's side issue
])
def test_more_resolution_subjects(name: str, title: str) -> None:
    assert parse_pdf(CORPUS / name).title == title


@pytest.mark.shared
@pytest.mark.parametrize(("name", "doc_type", "title"), [
    ("S_2025_356.pdf", "panel_report",
     "Interim report of the Panel of Experts on Haiti submitted pursuant to resolution 2752 (2024)"),
    ("S_2025_239.pdf", "panel_report", "Final report of the Panel of Experts on the Sudan"),
    ("S_2025_482.pdf", "panel_report",
     "Thirty-sixth report of the Analytical Support and Sanctions Monitoring Team submitted pursuant to resolution "
     "2734 (2024) concerning ISIL (Da’esh), Al-Qaida and associated individuals and entities"),
    # The report sits in an annex: its title, without the word "Annex".
    ("S_2025_303.pdf", "sg_report", "Report of the United Nations Office on Drugs and Crime pursuant to paragraph 9 "
                                    "of Security Council resolution 2692 (2023)"),
])
def test_report_takes_its_own_title_not_its_covering_letter(name: str, doc_type: str, title: str) -> None:
    doc = parse_pdf(CORPUS / name)
    assert (doc.doc_type, doc.title) == (doc_type, title)


def test_a_letter_keeps_its_title() -> None:
    doc = parse_pdf(SAMPLES.parent.parent / "tests" / "fixtures" / "pdf" / "S_2025_172.pdf")
    assert doc.title == ("Letter dated 18 March 2025 from the Secretary-General addressed to the President of the "
                         "Security Council")


@pytest.mark.shared
def test_bulk_record_without_agenda_gets_its_subject(tmp_path: Path) -> None:
    """S/RES/2783 (2025) has no agenda item in the Council's metadata: its title comes from its text; S/RES/2769
    (2025) keeps the agenda item the metadata gives."""
    jsonl = CORPUS / "bulk" / "unxml_sc" / "sc_documents_en.jsonl"
    wanted = ('"S/RES/2783 (2025)"', '"S/RES/2769 (2025)"')
    lines = [line for line in jsonl.read_text(encoding="utf-8").splitlines() if line.startswith(
        tuple('{"symbol": ' + w for w in wanted))]
    (tmp_path / "two.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    titles = {d.symbol: d.title for d in iter_jsonl(tmp_path / "two.jsonl")}
    assert titles == {
        "S/RES/2783 (2025)": "Resolution 2783 (2025): Democratic Republic of the Congo — Group of Experts",
        "S/RES/2769 (2025)": "Resolution 2769 (2025): The situation in Libya"}


@pytest.mark.shared
def test_resolution_2769_date_is_its_adoption_date() -> None:
    """Cards show 2025-01-16 for S/RES/2769 (2025): the day it was adopted (9838th meeting), as its page 1 and the
    Council's own metadata say; 15 May 2026 is the end of the Panel's mandate it extends, not a date of adoption."""
    doc = parse_pdf(CORPUS / "S_RES_2769_2025.pdf")
    assert "Adopted by the Security Council at its 9838th meeting, on 16 January 2025" in doc.pages[0].text
    meta = next(json.loads(line) for line in (CORPUS / "bulk" / "unxml_sc" / "data_extract" / "2025.json")
                .read_text(encoding="utf-8").splitlines() if '"S/RES/2769 (2025)"' in line)
    assert (doc.date, meta["adoption_date"]) == ("2025-01-16", "16 January 2025")


def test_notes_are_labelled_as_notes() -> None:
    assert paragraph_label("fn 109") == "footnote 109"
    assert paragraph_label("en 4") == "endnote 4"
    assert paragraph_label("7 (c) (ii)") == "para. 7 (c) (ii)"
    assert paragraph_label("II.B Financing armed groups") == '"II.B Financing armed groups"'
