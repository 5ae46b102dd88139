"""A printed line that pdfium splits after a footnote marker is one line (a sweep of analyst questions, 7 December
2026): S/2025/22 para. 10 runs "… crowdfunding platforms. ⁷ In its most recent report, the / Financial Action Task
Force …", and pdfium returns "In its most recent report, the" as a piece of its own, set right of the marker. Read as
an indented line after a full stop, it started a paragraph: para. 10 became four blocks, and its sentence on "the four
main typologies of crowdfunding abuse" was cited "p. 4" with no paragraph. Real pages 1-4 of the PDF."""

from __future__ import annotations

from briefbot.chunk import split_sentences
from briefbot.parse.pdf import parse_pdf
from conftest import PDF_FIXTURES


def test_a_line_split_after_a_footnote_marker_stays_in_its_paragraph() -> None:
    doc = parse_pdf(PDF_FIXTURES / "S_2025_22_pp1-4.pdf")
    typologies = next(b for b in doc.blocks if "four main typologies of crowdfunding abuse" in b.text)
    assert typologies.label == "10"
    assert typologies.text.startswith("10. Examples of methods to raise funds")
    assert "crowdfunding platforms. ⁷ In its most recent report, the Financial Action Task Force" in typologies.text
    assert "their platforms. ¹⁰ There are also other fundraising opportunities" in typologies.text
    # Para. 9 carries on over the page break past its marker ("funds, ⁶ which essentially combines …").
    nine = next(b for b in doc.blocks if b.label == "9")
    assert "raise and move funds, ⁶ which essentially combines the challenges" in nine.text
    assert [b.label for b in doc.blocks if b.kind == "numbered"] == [str(n) for n in range(1, 12)]
    # The footnotes keep their own blocks and numbers.
    assert {"fn 7", "fn 8", "fn 10"} <= {b.label for b in doc.blocks if b.kind == "footnote"}


def test_a_sentence_ends_at_its_stop_before_a_footnote_marker() -> None:
    """S/2025/303 para. 50: "… has declined. ⁵⁴ In January 2025, … only 32 Haitians crossed the gap, followed by just
    9 in February." was one sentence with the one before, whose "From January to March 2025" dated the January
    figure as March's ("How many Haitians crossed the Darién Gap in March 2025?" was answered "32 Haitians")."""
    text = ("From January to March 2025, the number of Haitians crossing the Darién Gap has declined. ⁵⁴ In January "
            "2025, according to data from the Panamanian Migration Service, ⁵⁵ only 32 Haitians crossed the gap, "
            "followed by just 9 in February. ⁵⁶ This represents a significant drop.⁵⁷ The decrease is likely due to "
            "border controls.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "From January to March 2025, the number of Haitians crossing the Darién Gap has declined.",
        "In January 2025, according to data from the Panamanian Migration Service, ⁵⁵ only 32 Haitians crossed the "
        "gap, followed by just 9 in February.",
        "This represents a significant drop.",
        "The decrease is likely due to border controls."]
    # A marker inside a sentence ends nothing, and "para. 5" stays whole.
    assert len(split_sentences("The Panel, ⁵⁵ as noted in para. 5 of its report, found it.")) == 1
