"""A line ending in a hyphen set off by a space: justification spaced out a compound, or the hyphen is a dash.

pdfium returns "The Juba -" / "appointed administration" (S/2025/269, p. 5) and "a risk -" / "based, current"
(S/2025/22, p. 3) for compounds the page prints whole, and "children -" / "had reportedly" (A/52/826-S/1998/222,
p. 9) for a dash. Quotes read "Juba -appointed" and "children -had"; the first is a compound, the second a dash.
"""

from __future__ import annotations

from pathlib import Path

from briefbot.parse import parse_file

PDF = Path(__file__).parent / "fixtures" / "pdf"


def _text(name: str) -> str:
    return " ".join(b.text for b in parse_file(PDF / name).blocks)


def test_a_compound_spaced_out_at_a_line_end_is_one_word() -> None:
    text = _text("S_2025_22_pp1-4.pdf")
    assert "a risk-based, current" in text
    assert " -based" not in text


def test_a_dash_at_a_line_end_keeps_its_spaces() -> None:
    text = _text("A_52_826-S_1998_222.pdf")
    assert "small children - had reportedly" in text
    assert "actions - including" in text
    assert "-had " not in text and " -including" not in text
