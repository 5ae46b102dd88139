"""Akoma Ntoso (AKN4UN) XML and bulk JSONL parsing of Security Council documents.

Fixtures are unofficial copies of UN documents (UNxml/SCresolutions); source: the United Nations.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from briefbot.errors import DocumentError
from briefbot.models import Document
from briefbot.parse.akn import is_akn, parse_akn
from briefbot.parse.bulk import iter_jsonl
from briefbot.symbols import normalize_symbol, symbols_match

FIXTURES = Path(__file__).parent / "fixtures" / "akn"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bulk" / "unxml_sc"

AKN_HEAD = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><meta><identification source="#DGACM"><FRBRWork>'
    '<FRBRuri value="/akn/un/statement/deliberation/unsc/2025-03-03/2999-2025/"/>'
    '<FRBRdate date="2025-03-03" name="adoption"/></FRBRWork></identification></meta>'
)


def assert_spans(doc: Document) -> None:
    """Every block points at exactly its own text in pages[0]; one block per line."""
    assert len(doc.pages) == 1
    text = doc.page_text(None)
    assert text == "\n".join(b.text for b in doc.blocks)
    for block in doc.blocks:
        assert block.text and "\n" not in block.text
        assert len(block.spans) == 1
        span = block.spans[0]
        assert span.page is None
        assert text[span.start:span.end] == block.text


def labels(doc: Document) -> list[str]:
    return [b.label for b in doc.blocks if b.label and b.kind == "operative"]


def test_is_akn(tmp_path: Path) -> None:
    assert all(is_akn(p) for p in FIXTURES.glob("*.xml"))
    other = tmp_path / "other.xml"
    other.write_text('<?xml version="1.0"?><html><body>not AKN</body></html>', encoding="utf-8")
    assert not is_akn(other)
    assert not is_akn(tmp_path / "missing.xml")


def test_resolution_2025_metadata_and_text() -> None:
    path = FIXTURES / "S_RES_2790-2513822E.xml"
    doc = parse_akn(path)
    assert doc.symbol == "S/RES/2790 (2025)"
    assert doc.date == "2025-08-28"
    assert doc.doc_type == "resolution"
    assert doc.title == "Resolution 2790 (2025): The situation in the Middle East"
    assert (doc.doc_id, doc.file_name, doc.source, doc.language) == (path.name, path.name, "bulk", "en")
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.path == str(path)
    assert doc.warnings == []
    titles = [b.text for b in doc.blocks if b.kind == "title"]
    assert titles[:2] == ["United Nations", "S/RES/2790 (2025)"]
    # The markup glues "on<docDate>"; the text must not.
    assert "Adopted by the Security Council at its 9989th meeting, on 28 August 2025" in titles
    assert "on28" not in doc.page_text(None)
    assert_spans(doc)


def test_preamble_then_operative_numbered_as_printed() -> None:
    doc = parse_akn(FIXTURES / "S_RES_2790-2513822E.xml")
    kinds = [b.kind for b in doc.blocks]
    first_op = kinds.index("operative")
    assert "preamble" not in kinds[first_op:]
    assert kinds[:first_op].count("preamble") == 11
    assert doc.blocks[first_op - 12].text == "The Security Council,"
    top = [lab for lab in labels(doc) if lab.isdigit()]
    assert top == [str(n) for n in range(1, 17)]
    first = doc.blocks[first_op]
    assert first.label == "1" and first.text.startswith("1. Decides to extend for a final time the mandate")
    # Roman sub-paragraphs directly under paragraph 6.
    subs = [b for b in doc.blocks if b.label and b.label.startswith("6 (")]
    assert [b.label for b in subs] == [f"6 ({r})" for r in ("i", "ii", "iii", "iv", "v", "vi", "vii")]
    assert subs[0].text.startswith("(i) To provide security for United Nations personnel")


def test_sub_paragraphs_nested_and_sections() -> None:
    doc = parse_akn(FIXTURES / "S_RES_2741-2411824E.xml")
    assert doc.symbol == "S/RES/2741 (2024)" and doc.date == "2024-06-28"
    assert labels(doc) == [
        "1", "2", "3", "4", "5", "5 (a)", "5 (b)", "5 (c)", "6", "7", "8", "9", "9 (a)", "9 (b)", "10",
        "10 (a)", "10 (b)", "10 (b) (i)", "10 (b) (ii)", "10 (b) (iii)", "11",
    ]
    by_label = {b.label: b for b in doc.blocks if b.label}
    assert by_label["5 (a)"].text.startswith("a. the United Nations Assistance Mission in Somalia (UNSOM)")
    assert by_label["10 (b) (ii)"].text == (
        "ii. provide an estimation of the resources required and costs thereof;")
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "United Nations Support Office in Somalia (UNSOS)" in headings
    assert by_label["5"].section == "United Nations Support Office in Somalia (UNSOS)"
    assert by_label["10 (b) (i)"].section == "Maintaining momentum on security transition"
    assert not any(b.annex for b in doc.blocks)
    assert_spans(doc)


def test_old_file_number_then_text_in_next_paragraph() -> None:
    # Files from 2000 put <num>1.</num> in one paragraph and its text in the next, unnumbered one.
    doc = parse_akn(FIXTURES / "S_RES_1285_N0023963.xml")
    assert doc.symbol == "S/RES/1285 (2000)"
    assert doc.date == "2000-01-13"  # the cover page's issuance date reads 2023-01-13
    assert labels(doc) == ["1", "2", "3", "4", "5", "6", "7"]
    ops = [b for b in doc.blocks if b.kind == "operative"]
    assert ops[0].text.startswith("1. Authorizes the United Nations military observers")
    assert ops[-1].text == "7. Decides to remain seized of the matter."
    assert_spans(doc)


def test_draft_not_adopted() -> None:
    doc = parse_akn(FIXTURES / "S_2024_312-2407138E.xml")
    assert doc.symbol == "S/2024/312"
    assert doc.doc_type == "other"
    assert doc.date == "2024-04-18"
    assert any("not adopted" in w for w in doc.warnings)
    assert doc.title == "Draft resolution S/2024/312 (not adopted): Admission of new members"
    # A single operative paragraph is not numbered.
    ops = [b for b in doc.blocks if b.kind == "operative"]
    assert len(ops) == 1 and ops[0].label is None
    assert ops[0].text.startswith("Recommends to the General Assembly that the State of Palestine")
    assert_spans(doc)


def test_handmade_annex_footnote_and_misnested_paragraph(tmp_path: Path) -> None:
    xml = AKN_HEAD + (
        '<coverPage><p><docNumber>S/RES/2999 (2025)</docNumber></p>'
        '<p><docTitle>Resolution 2999 (2025)</docTitle></p></coverPage>'
        '<preamble><formula><p><span>The Security Council</span>,</p></formula>'
        '<container><p><span>Recalling</span> its resolutions,<authorialNote marker="1"><p>See S/2025/1.'
        '</p></authorialNote> and</p></container></preamble>'
        '<mainBody><paragraph><num>1.</num><list><intro><p><span>Decides</span> that:</p></intro>'
        '<point><num>(a)</num><content><p>first;</p></content></point>'
        '<point><num>2.</num><content><p><span>Requests</span> a report;</p></content></point>'
        '<point><num>(a)</num><content><p>by May;</p></content></point></list></paragraph>'
        '</mainBody><attachments><attachment><doc name="annex"><mainBody>'
        '<paragraph class="H1"><heading>Annex</heading></paragraph>'
        '<paragraph><num>1.</num><content><p>Annexed text.</p></content></paragraph>'
        '</mainBody></doc></attachment></attachments></statement></akomaNtoso>'
    )
    path = tmp_path / "S_RES_2999-2500000E.xml"
    path.write_text(xml, encoding="utf-8")
    doc = parse_akn(path)
    assert doc.symbol == "S/RES/2999 (2025)" and doc.date == "2025-03-03"
    got = [(b.kind, b.label, b.annex, b.text) for b in doc.blocks]
    assert got == [
        ("title", None, False, "S/RES/2999 (2025)"),
        ("title", None, False, "Resolution 2999 (2025)"),
        ("text", None, False, "The Security Council,"),
        ("preamble", None, False, "Recalling its resolutions, and"),
        ("footnote", "fn 1", False, "See S/2025/1."),
        ("operative", "1", False, "1. Decides that:"),
        ("operative", "1 (a)", False, "(a) first;"),
        ("operative", "2", False, "2. Requests a report;"),  # filed as a point of paragraph 1
        ("operative", "2 (a)", False, "(a) by May;"),
        ("heading", None, True, "Annex"),
        ("numbered", "1", True, "1. Annexed text."),
    ]
    assert_spans(doc)


def test_file_name_decides_between_conflicting_metadata(tmp_path: Path) -> None:
    xml = AKN_HEAD + (
        '<coverPage><p><docNumber>S/RES/1626 (2005)</docNumber></p></coverPage>'
        '<mainBody><paragraph><num>1.</num><content><p>Decides.</p></content></paragraph></mainBody>'
        '</statement></akomaNtoso>'
    )
    path = tmp_path / "S_RES_2999_2025-2500000E.xml"
    path.write_text(xml, encoding="utf-8")
    doc = parse_akn(path)
    assert doc.symbol == "S/RES/2999 (2025)"  # the FRBR URI agrees with the file name; the masthead does not
    assert any("S/RES/1626 (2005)" in w for w in doc.warnings)


def test_malformed_xml_raises_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<akomaNtoso><statement><p>unclosed</statement></akomaNtoso>", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        parse_akn(bad)
    assert "malformed XML" in str(err.value) and "\n" not in str(err.value)
    other = tmp_path / "other.xml"
    other.write_text("<html/>", encoding="utf-8")
    with pytest.raises(DocumentError, match="not Akoma Ntoso"):
        parse_akn(other)


def test_iter_jsonl_records() -> None:
    path = FIXTURES / "sc_documents_sample.jsonl"
    docs = {d.symbol: d for d in iter_jsonl(path)}
    assert set(docs) == {"S/RES/2741 (2024)", "S/PRST/2024/3", "S/PRST/2007/22"}
    for doc in docs.values():
        assert doc.source == "bulk" and doc.language == "en"
        assert doc.doc_id == doc.file_name
        assert_spans(doc)

    res = docs["S/RES/2741 (2024)"]
    assert res.doc_id == "S_RES_2741-2411824E.xml"
    assert res.doc_type == "resolution" and res.date == "2024-06-28"
    kinds = [b.kind for b in res.blocks]
    assert "preamble" not in kinds[kinds.index("operative"):]
    assert labels(res) == labels(parse_akn(FIXTURES / "S_RES_2741-2411824E.xml"))
    assert next(b for b in res.blocks if b.label == "11").text.startswith("11. Decides to remain")

    prst = docs["S/PRST/2024/3"]
    assert prst.doc_id == "S_PRST_2024_3"
    assert prst.doc_type == "other"
    assert prst.title is not None and prst.title.startswith("Presidential statement S/PRST/2024/3")
    assert prst.date == "2024-05-24"
    assert {b.kind for b in prst.blocks} == {"title", "text"}

    # This record carries the masthead of resolution 1626 (2005); its source file is S/PRST/2007/22.
    quirk = docs["S/PRST/2007/22"]
    assert quirk.doc_id == "S_PRST_2007_22"
    assert quirk.date == "2007-06-25"
    assert quirk.title == (
        "Presidential statement S/PRST/2007/22: Maintenance of international peace and security")
    assert any("S/RES/1626 (2005)" in w for w in quirk.warnings)


def test_iter_jsonl_skips_symbols_and_fixes_glued_dates(tmp_path: Path) -> None:
    path = FIXTURES / "sc_documents_sample.jsonl"
    kept = [d.symbol for d in iter_jsonl(path, skip_symbols={"S/RES/2741(2024)", "S/PRST/2024/3"})]
    assert kept == ["S/PRST/2007/22"]
    rec = json.loads(path.read_text(encoding="utf-8").splitlines()[-1])
    rec["text"] = rec["text"].replace("at its 9677th meeting, on 28 June", "at its 9677th meeting, on28 June")
    glued = tmp_path / "glued.jsonl"
    glued.write_text(json.dumps(rec) + "\n" + json.dumps(rec) + "\n", encoding="utf-8")
    docs = list(iter_jsonl(glued))
    assert len(docs) == 1  # a repeated record is yielded once
    assert "meeting, on 28 June 2024" in docs[0].page_text(None)


@pytest.mark.shared
def test_whole_bulk_corpus() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    jsonl = SHARED / "sc_documents_en.jsonl"
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file = {r["file"]: r for r in records if r["file"]}
    files = sorted((SHARED / "xml_en").rglob("*.xml"))
    assert len(files) >= 1500

    matched = 0
    for path in files:
        doc = parse_akn(path)
        record = by_file.get(path.relative_to(SHARED).as_posix())
        if record and symbols_match(doc.symbol, record["symbol"]):
            matched += 1
        assert doc.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date)
        assert_spans(doc)
    assert matched >= 0.99 * len(files)

    symbols = {normalize_symbol(r["symbol"]) for r in records}
    docs = list(iter_jsonl(jsonl))
    assert len(docs) >= 0.99 * len(records)
    assert sum(d.symbol in symbols for d in docs) >= 0.99 * len(docs)
    assert len({d.doc_id for d in docs}) == len(docs)
    for doc in docs:
        assert_spans(doc)
