"""Prices read from a table that PDF extraction flattened (dev q152, and a browser walk's "the Sudan Panel's Table
4 is not searchable as a table"): S/2025/239's Table 4 prints no currency beside its cells, only in its column
heads, so "What did a Kalashnikov cost …?" abstained with the table ranked second. A real PDF (pages 32-33 of
S/2025/239, tests/fixtures/pdf), the packaged model and the shipped confidence model."""

from __future__ import annotations

from typing import Any

import pytest

from briefbot.cite import _runs_on
from briefbot.service import Briefbot
from briefbot.tables import asked_row, price_rows
from conftest import PDF_FIXTURES

TABLE = PDF_FIXTURES / "S_2025_239_pp32-33.pdf"
# The table as extracted: the page's own line breaks, one row or part of one per line.
TEXT = ("Table 4 Weapons available on arms black markets\nWeapon type Price (SDG) Price (USD) Notes\n"
        "FN FAL 7.62x51mm 1,500,000 600 –\nKalashnikov models 450,000–600,000 170–230 Various models\n"
        "Tokarev rifle (Norinco CQ 3-56 copy)\n2,000,000–2,500,000 770–960 Less popular due to higher price and "
        "scarce ammunition\nDShK machine gun Not specified Heavy weapon, available")


def test_the_rows_of_a_flattened_price_table() -> None:
    rows = price_rows(TEXT)
    assert [(r.label, [TEXT[a:b] for a, b, _ in r.cells], r.units()) for r in rows] == [
        ("FN FAL 7.62x51mm", ["1,500,000", "600"], "SDG, USD"),  # not the header's "Notes", nor "7.62" a cell
        ("Kalashnikov models", ["450,000–600,000", "170–230"], "SDG, USD"),
        ("Tokarev rifle (Norinco CQ 3-56 copy)", ["2,000,000–2,500,000", "770–960"], "SDG, USD"),
    ]  # "Various models" ends the Kalashnikov row; the DShK has no price
    assert price_rows("The Panel visited Al Malaja and Al Qadra markets in Nyala.") == []
    row = asked_row("What did a Kalashnikov cost in Nyala?", TEXT)
    assert row is not None and row.label == "Kalashnikov models"
    assert asked_row("What does a DShK machine gun cost?", TEXT) is None  # named, but priced "Not specified"
    assert asked_row("What does a rifle cost?", TEXT) is None  # names no one row


def test_a_rows_figures_are_quoted_with_its_label() -> None:
    # The label ends a longer block of the table; its prices open the next block.
    assert _runs_on("Kalashnikov models 450,000–600,000 170–230 Various models Tokarev rifle (Norinco CQ 3-56 copy)",
                    "2,000,000–2,500,000 770–960 Less popular due to higher price and scarce ammunition")
    # A numbered paragraph after a table is not one of its rows.
    assert not _runs_on("DShK machine gun Not specified Heavy weapon, available but very expensive and scarce now.",
                        "107. Additional arms black markets have emerged in RSF-controlled areas, notably in Saraf")


@pytest.fixture(scope="module")
def table_bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    from conftest import sample_indexes

    return Briefbot(sample_indexes(tmp_path_factory).variant("sudan_table", lambda _folder: [TABLE]))


@pytest.mark.parametrize(("question", "row"), [
    ("What did a Kalashnikov cost on the arms black markets of Nyala, according to the Panel of Experts on the "
     "Sudan?", "Kalashnikov models 450,000–600,000 170–230"),
    ("How much does a Tokarev rifle sell for in Darfur's black markets?",
     "Tokarev rifle (Norinco CQ 3-56 copy) 2,000,000–2,500,000 770–960"),
])
def test_a_price_asked_is_answered_by_its_row_with_the_columns_currencies(table_bot: Briefbot, question: str,
                                                                         row: str) -> None:
    answer = table_bot.ask(question)
    assert not answer.abstained, answer.answer
    assert answer.answer.split("\n", 1)[0] == f"**{row}** [1]", answer.answer
    assert answer.citations[0].symbol == "S/2025/239" and answer.citations[0].page == 2
    assert row.split()[-1] in answer.citations[0].quote  # the quote holds the row's prices, not only its label
    assert "[1] The row's prices are in SDG, USD, in that order, as its table's columns head them." in answer.notes


def test_a_row_with_no_price_is_no_answer(table_bot: Any) -> None:
    answer = table_bot.ask("What does a DShK machine gun cost on the arms black markets of Nyala, according to the "
                           "Panel of Experts on the Sudan?")
    assert answer.abstained or "**" not in answer.answer.split("\n", 1)[0], answer.answer
