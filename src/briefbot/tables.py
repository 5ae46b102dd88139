"""Prices in a table that PDF text extraction flattened into one run of words.

S/2025/239's Table 4 reads, once extracted: "Weapon type Price (SDG) Price (USD) Notes FN FAL 7.62x51mm 1,500,000
600 – Kalashnikov models 450,000–600,000 170–230 Various models …". No sign or currency name stands beside a cell,
so a sum is not recognised as one; the column headers say what the cells are. :func:`price_rows` reads the rows
back: each run of as many figures as there are price columns, with the words before it as the row's label.
The answer stage and the confidence model read table prices through this one function.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .cite import terms

# "Price (SDG)", "Cost (USD)", "Value (US$)": a column of sums in that currency.
_PRICE_COLUMN = re.compile(r"\b(?:Prices?|Costs?|Values?|Fees?)\s*\((?P<unit>[A-Z]{3}|US\$|\$)\)")
# A cell: a figure or a range standing alone ("450,000–600,000", "600"), not part of a calibre ("7.62x51mm").
_CELL = re.compile(r"(?<!\S)\d[\d,.]*\d(?:\s?[–-]\s?\d[\d,.]*\d)?(?![^\s;,])|(?<!\S)\d(?![^\s;,])")
_TEXT_COLUMNS = "Notes|Remarks|Comments|Sources?"  # headers of a text column after the prices, read into row 1
MAX_LABEL = 90  # characters of a row's label; longer is running text after the table, not a row


@dataclass(frozen=True, slots=True)
class PriceRow:
    """A row of a price table: its label as printed ("Kalashnikov models"; the previous row's notes may lead it)
    from ``start``, and its cells, each (start, end, currency) in the text the table was read from."""

    label: str
    start: int
    cells: tuple[tuple[int, int, str], ...]

    @property
    def end(self) -> int:
        return self.cells[-1][1]

    def units(self) -> str:
        """The currencies of its cells in order: "SDG, USD"."""
        return ", ".join(u for _, _, u in self.cells)


def price_rows(text: str) -> list[PriceRow]:
    """The rows of the first price table in ``text``: [] when it has no header of price columns."""
    columns = list(_PRICE_COLUMN.finditer(text))
    if not columns:
        return []
    units, end = [columns[0].group("unit")], columns[0].end()
    for c in columns[1:]:
        if c.start() - end > 3:  # the header's columns stand side by side
            break
        units.append(c.group("unit"))
        end = c.end()
    cells = list(_CELL.finditer(text, end))
    rows: list[PriceRow] = []
    label_from, i, k = end, 0, len(units)
    while i + k <= len(cells):
        run = cells[i:i + k]
        if all(not text[a.end():b.start()].strip() for a, b in itertools.pairwise(run)):
            # The label: the words since the last row, less dashes, spacing and a text column's header ("Notes").
            m = re.match(rf"[\s–-]*(?:(?:{_TEXT_COLUMNS})\s+)?(.*?)[\s–-]*$", text[label_from:run[0].start()], re.S)
            label, at = (m.group(1), label_from + m.start(1)) if m else ("", label_from)
            if "\n" in label:  # the page's own line breaks start a row: "Various models" ends the row before
                cut = label.rindex("\n") + 1
                label, at = label[cut:], at + cut
            if label and len(label) <= MAX_LABEL:
                rows.append(PriceRow(label, at,
                                     tuple((c.start(), c.end(), u) for c, u in zip(run, units, strict=True))))
            label_from, i = run[-1].end(), i + k
        else:
            i += 1
    return rows


# Words a row label shares with any question on the table: they do not pick its row.
_ROW_GENERIC = terms("model models type types rifle rifles weapon weapons gun guns price prices various other notes")


def asked_row(question: str, quote: str) -> PriceRow | None:
    """The row of a price table in ``quote`` that the question names by its label's own words ("a Kalashnikov":
    "Kalashnikov models"); None when the quote holds no such table or the question names no one row."""
    asked = terms(question) - _ROW_GENERIC
    named = [(len(asked & terms(r.label)), r) for r in price_rows(quote)]
    best = max((n for n, _ in named), default=0)
    rows = [r for n, r in named if n == best]
    return rows[0] if best and len(rows) == 1 else None
