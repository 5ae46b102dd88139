"""A title's line may open with an organ's name: S/2025/22's title runs "Letter dated 9 January 2025 from the President
of the / Security Council acting in the absence of a Chair of the / Security Council Committee established pursuant
to resolution / 1373 (2001) …", and the two lines opening "Security Council" were dropped as masthead lines
("… from the President of the 1373 (2001) concerning counter-terrorism …"). Seven of the corpus's 103 titles were cut
so ("… to the United Nations addressed to the President of the"). Real page 1 of the PDF."""

from __future__ import annotations

from briefbot.parse.pdf import parse_pdf
from conftest import PDF_FIXTURES


def test_a_title_line_opening_with_an_organs_name_is_the_titles() -> None:
    doc = parse_pdf(PDF_FIXTURES / "S_2025_22_page_1.pdf")
    assert doc.title == (
        "Letter dated 9 January 2025 from the President of the Security Council acting in the absence of a Chair of "
        "the Security Council Committee established pursuant to resolution 1373 (2001) concerning counter-terrorism "
        "addressed to the President of the Security Council")
    assert doc.symbol == "S/2025/22" and doc.date == "2025-01-10"


def test_a_title_ends_before_the_reports_summary_and_drops_its_footnote_mark() -> None:
    """E/2025/76 prints "Report of the Secretary-General*" (the star leads to a footnote) and then its "Summary"
    heading in the same type: both were read into the title ("… Report of the Secretary-General* Summary")."""
    doc = parse_pdf(PDF_FIXTURES / "E_2025_76_page_1.pdf")
    assert doc.title == ("Implementation of integrated, coherent and coordinated support for South Sudan and the Sahel "
                         "region by the United Nations system Report of the Secretary-General")
