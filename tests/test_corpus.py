"""The whole shared corpus (103 real PDFs) through the parser, in process, against MANIFEST.csv. No ingest."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from briefbot.errors import DocumentError
from briefbot.models import Document
from briefbot.parse import parse_file
from briefbot.symbols import symbols_match
from conftest import SHARED

pytestmark = pytest.mark.shared

IMAGE_ONLY = {"A_45_696_Add.1.pdf", "A_C.1_212_1947.pdf"}
RUSSIAN = {"S_2024_145_mislabeled_ru_CEDAW_C_CAF_CO_6.pdf", "S_2024_216_mislabeled_ru_S_2024_228.pdf"}
ERROR_PAGE = "S_2024_207_ODS_not_found_placeholder.pdf"


def manifest_symbol(raw: str) -> str:
    """MANIFEST symbols may carry a note: 'S/2024/228 (filed as S/2024/216)', 'S/2024/207 (not retrieved)'."""
    return re.sub(r"\s*\((?:filed as|not retrieved)[^)]*\)\s*$", "", raw).strip()


@pytest.fixture(scope="module")
def manifest() -> list[dict[str, str]]:
    with (SHARED / "MANIFEST.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def outcomes(manifest: list[dict[str, str]]) -> dict[str, Document | str]:
    """file name → Document, or the one-line DocumentError message."""
    out: dict[str, Document | str] = {}
    for row in manifest:
        try:
            out[row["file"]] = parse_file(SHARED / row["file"])
        except DocumentError as exc:
            out[row["file"]] = exc.message
    return out


def docs(outcomes: dict[str, Document | str]) -> dict[str, Document]:
    return {name: o for name, o in outcomes.items() if isinstance(o, Document)}


def test_manifest_lists_every_pdf(manifest: list[dict[str, str]]) -> None:
    on_disk = {p.name for p in SHARED.glob("*.pdf")}
    assert len(manifest) == 103
    assert {row["file"] for row in manifest} == on_disk


def test_every_file_gets_a_status(outcomes: dict[str, Document | str]) -> None:
    assert len(outcomes) == 103
    failures = {name: o for name, o in outcomes.items() if isinstance(o, str)}
    for reason in failures.values():
        assert reason and "\n" not in reason and len(reason) < 300
        assert "Traceback" not in reason
    # Only the error page is refused; everything else parses, image-only scans included.
    assert set(failures) == {ERROR_PAGE}
    assert failures[ERROR_PAGE].startswith("not a UN document: an error page was saved as this PDF")


def test_page_counts_match_manifest(outcomes: dict[str, Document | str], manifest: list[dict[str, str]]) -> None:
    found = docs(outcomes)
    wrong = {row["file"]: (found[row["file"]].page_count, row["pages"]) for row in manifest
             if row["file"] in found and str(found[row["file"]].page_count) != row["pages"]}
    assert wrong == {}


def test_image_only_scans_reported(outcomes: dict[str, Document | str], manifest: list[dict[str, str]]) -> None:
    found = docs(outcomes)
    scans = {name for name, d in found.items() if any(w.startswith("image-only scan") for w in d.warnings)}
    assert scans == IMAGE_ONLY
    pages = {row["file"]: int(row["pages"]) for row in manifest}
    for name in IMAGE_ONLY:
        doc = found[name]
        assert doc.empty_pages == list(range(1, pages[name] + 1))
        assert doc.blocks == []
    # Every other document has text on most of its pages.
    for name, doc in found.items():
        if name not in IMAGE_ONLY:
            assert len(doc.empty_pages) <= max(3, doc.page_count // 10), (name, doc.empty_pages)


def test_non_english_flagged(outcomes: dict[str, Document | str]) -> None:
    found = docs(outcomes)
    languages = {name: d.language for name, d in found.items()}
    assert {name for name, lang in languages.items() if lang == "ru"} == RUSSIAN
    assert {name for name, lang in languages.items() if lang not in ("en", "ru")} == IMAGE_ONLY
    for name in RUSSIAN:
        assert "non-English text (detected 'ru')" in found[name].warnings


def test_symbols_match_manifest(outcomes: dict[str, Document | str], manifest: list[dict[str, str]]) -> None:
    with_symbol = [(row["file"], manifest_symbol(row["symbol"])) for row in manifest if row["symbol"].strip()]
    assert len(with_symbol) == 103
    misses = []
    for name, expected in with_symbol:
        got = outcomes[name]
        if not (isinstance(got, Document) and symbols_match(got.symbol, expected)):
            misses.append((name, expected, got.symbol if isinstance(got, Document) else None))
    assert len(misses) <= 0.05 * len(with_symbol), misses
    # The content wins over a misleading file name.
    found = docs(outcomes)
    assert found["S_2024_216_mislabeled_ru_S_2024_228.pdf"].symbol == "S/2024/228"
    assert found["S_2024_145_mislabeled_ru_CEDAW_C_CAF_CO_6.pdf"].symbol == "CEDAW/C/CAF/CO/6"
    # Joint symbols are kept whole.
    assert found["A_79_797.pdf"].symbol == "A/79/797-S/2025/109"
    assert found["E_2025_28.pdf"].symbol == "E/2025/28-E/CN.7/2025/11"


def test_resolutions_classified_and_numbered(outcomes: dict[str, Document | str],
                                             manifest: list[dict[str, str]]) -> None:
    found = docs(outcomes)
    resolutions = {row["file"] for row in manifest if row["doc_type"] == "resolution"}
    assert len(resolutions) >= 20
    assert {name for name, d in found.items() if d.doc_type == "resolution"} == resolutions
    for name in resolutions:
        doc = found[name]
        # (The rest of a paragraph after its lettered list repeats the paragraph's label.)
        labels = list(dict.fromkeys(b.label for b in doc.blocks if b.kind == "operative" and not b.annex
                                    and b.label and b.label.isdigit()))
        # Operative paragraphs 1..N, as printed, in order, and the preamble before them.
        assert labels == [str(i) for i in range(1, len(labels) + 1)], name
        if not labels:
            # Setting the date of an ICJ election (S/RES/2770, 2784 (2025)): one unnumbered operative paragraph.
            unnumbered = [b for b in doc.blocks if b.kind == "operative"]
            assert len(unnumbered) == 1 and unnumbered[0].text.startswith("Decides that the election"), name
        kinds = [b.kind for b in doc.blocks]
        if "preamble" in kinds:
            last_preamble = len(kinds) - 1 - kinds[::-1].index("preamble")
            assert last_preamble < kinds.index("operative"), name


def test_dates_and_years(outcomes: dict[str, Document | str], manifest: list[dict[str, str]]) -> None:
    found = docs(outcomes)
    have_text = [row for row in manifest if row["file"] in found and row["file"] not in IMAGE_ONLY]
    right = [row for row in have_text if found[row["file"]].year == int(row["year"])]
    assert len(right) >= 0.95 * len(have_text), [r["file"] for r in have_text if r not in right]
    for row in have_text:
        date = found[row["file"]].date
        assert date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)


def test_spans_slice_page_text_across_corpus(outcomes: dict[str, Document | str]) -> None:
    for name, doc in docs(outcomes).items():
        for b in doc.blocks:
            parts = [doc.page_text(s.page)[s.start:s.end] for s in b.spans]
            assert " ".join(parts) == b.text, (name, b.text[:60])


def test_running_heads_gone_across_corpus(outcomes: dict[str, Document | str]) -> None:
    """No page keeps a job-number line ('25-04042 21/21') or a barcode ('*2504042*')."""
    job = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d{1,4}/\d{1,4})?$", re.M)
    barcode = re.compile(r"^\*\d{7}\*$", re.M)
    leftovers = []
    for name, doc in docs(outcomes).items():
        for page in doc.pages:
            if job.search(page.text) or barcode.search(page.text):
                leftovers.append((name, page.number))
    assert leftovers == []


def test_paths_in_results(outcomes: dict[str, Document | str]) -> None:
    for name, doc in docs(outcomes).items():
        assert doc.file_name == name and Path(doc.path or "").name == name
