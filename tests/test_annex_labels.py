"""An annex that numbers its paragraphs anew is cited with the annex ("annex, para. 6"), never as the body's
paragraph of the same number. Real PDF (A/52/826-S/1998/222: report paras 1-51, annex paras 1-12), a handmade
Council XML, the real model and embedded Chroma.

Before: the annex's "11. The United Nations, as a universally recognized intermediary, must continue to play a
central and impartial role" was cited "para. 11, p. 13", and an analyst looking up paragraph 11 found the report's
own paragraph 11 on fighting between the two forces.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.models import Block, Span, paragraph_label
from briefbot.parse import parse_file
from briefbot.parse.meta import label_annexes
from briefbot.refs import label_wanted, parse_references
from briefbot.service import Briefbot
from conftest import PDF_FIXTURES

REPORT = PDF_FIXTURES / "A_52_826-S_1998_222.pdf"


def test_a_report_annex_numbered_anew_is_labelled_with_the_annex() -> None:
    doc = parse_file(REPORT)
    body = [b for b in doc.blocks if not b.annex and b.label]
    annex = [b for b in doc.blocks if b.annex and b.label]
    assert [b.label for b in body][:3] == ["1", "2", "3"] and body[-1].label == "51"
    assert [b.label for b in annex] == [f"annex, {n}" for n in range(1, 13)]
    six = next(b for b in annex if b.label == "annex, 6")
    assert six.text.startswith("6. In this connection, the Eight")
    # The 1990s running heads ("English" / "Page 13" above, "/..." below) no longer cut the paragraph at the page
    # break: its end on page 13 ("a mandatory arms embargo ...") is part of it, not an unlabelled passage.
    assert [s.page for s in six.spans] == [12, 13] and "mandatory arms embargo" in six.text
    assert not any(b.text.startswith(("English", "/...")) for b in doc.blocks)


def test_references_read_the_annex() -> None:
    assert paragraph_label("annex, 6") == "annex, para. 6"
    assert paragraph_label("annex I, 7 (c)") == "annex I, para. 7 (c)"
    assert paragraph_label("annex B, 3 (a)") == "annex B, para. 3 (a)"
    assert paragraph_label("6") == "para. 6" and paragraph_label("fn 12") == "footnote 12"


def _block(label: str | None, annex: bool, text: str = "x", kind: str = "numbered") -> Block:
    return Block(kind, text, [Span(1, 0, 1)], label, None, annex)  # type: ignore[arg-type]


def test_which_annexes_are_labelled() -> None:
    # A letter's annexed report: the letter numbers nothing, so "para. 3" finds the annex's paragraph already.
    letter = [_block(None, False, "I have the honour"), _block(None, True, "Annex", "heading"),
              _block("1", True), _block("2", True)]
    label_annexes(letter)
    assert [b.label for b in letter] == [None, None, "1", "2"]
    # Two annexes, one numbered like the body: only that one says its annex; footnotes keep theirs.
    report = [_block("1", False), _block("2", False), _block(None, True, "Annex I Methodology", "heading"),
              _block("1", True), _block("fn 4", True, kind="footnote"),
              _block(None, True, "Annex II Tables", "heading"), _block("40", True)]
    label_annexes(report)
    assert [b.label for b in report] == ["1", "2", None, "annex I, 1", "fn 4", None, "40"]


def test_council_xml_annex_through_the_reader(tmp_path: Path) -> None:
    head = ('<?xml version="1.0" encoding="UTF-8"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/'
            '3.0"><statement name="resolution"><meta><identification source="#un"><FRBRWork><FRBRthis value="x"/>'
            '<FRBRuri value="x"/><FRBRdate date="2025-03-03" name="adoption"/><FRBRauthor href="#sc"/>'
            '<FRBRcountry value="un"/></FRBRWork></identification></meta>')
    xml = head + (
        '<coverPage><p><docNumber>S/RES/2999 (2025)</docNumber></p></coverPage>'
        '<mainBody><paragraph><num>1.</num><content><p><span>Decides</span> a list.</p></content></paragraph>'
        '</mainBody><attachments><attachment><doc name="annex"><mainBody>'
        '<paragraph class="H1"><heading>Annex</heading></paragraph>'
        '<paragraph><num>1.</num><content><p>Annexed text.</p></content></paragraph>'
        '</mainBody></doc></attachment></attachments></statement></akomaNtoso>')
    path = tmp_path / "S_RES_2999-2500000E.xml"
    path.write_text(xml, encoding="utf-8")
    labels = [(b.label, b.annex) for b in parse_file(path).blocks if b.label]
    assert labels == [("1", False), ("annex, 1", True)], labels


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    settings = Settings(index=tmp_path_factory.mktemp("annex") / "index")
    ingest_paths([REPORT], settings)
    return Briefbot(settings)


def test_an_answer_cites_the_annex(bot: Briefbot) -> None:
    answer = bot.ask("What role must the United Nations play as a universally recognized intermediary in the Afghan "
                     "conflict?")
    cited = [c for c in answer.citations if "universally recognized intermediary" in c.quote]
    assert cited, answer.to_dict()
    assert cited[0].paragraph == "annex, 11", [c.reference() for c in cited]
    assert cited[0].reference() == "A/52/826-S/1998/222, annex, para. 11, p. 13", cited[0].reference()


def test_a_question_names_the_annex_paragraph_or_the_body_one() -> None:
    """As answers cite it, or in words; a plain number is the body's (a second reader's find: "paragraph 11 of the
    annex" was read as "11" and answered with the body's paragraph 11)."""
    assert parse_references("What does paragraph 11 of the annex of A/52/826-S/1998/222 say?").paragraphs == [
        "annex, 11"]
    assert parse_references("What does A/52/826-S/1998/222, annex, para. 11 say?").paragraphs == ["annex, 11"]
    assert parse_references("What does paragraph 3 of annex A of resolution 2776 (2025) say?").paragraphs == [
        "annex A, 3"]
    assert parse_references("What does annex I, para. 3 of S/2025/153 say?").paragraphs == ["annex I, 3"]
    assert parse_references("What does paragraph 11 of A/52/826-S/1998/222 say?").paragraphs == ["11"]
    assert label_wanted("annex 1, 3", {"annex,3"}) and label_wanted("annex 1, 3", {"annex1,3"})
    assert not label_wanted("annex 1, 3", {"3"}) and not label_wanted("3", {"annex,3"})


@pytest.mark.parametrize(("question", "paragraph", "words"), [
    ("What does paragraph 11 of the annex of A/52/826-S/1998/222 say?", "annex, 11",
     "universally recognized intermediary"),
    ("What does paragraph 11 of A/52/826-S/1998/222 say?", "11", "The two forces also clashed"),
])
def test_the_paragraph_named_is_quoted(bot: Briefbot, question: str, paragraph: str, words: str) -> None:
    answer = bot.ask(question)
    assert answer.citations and answer.citations[0].paragraph == paragraph, answer.answer
    assert words in answer.citations[0].quote, answer.answer
