"""How the CLI prints a table, in one place: whole, however narrow the terminal or wherever the output goes.

Rich cuts a cell that does not fit to "S/R…"; piped to a file or another program, output is 80 columns wide, so
`briefbot mandates > tracks.txt` kept no symbol an analyst could read. Piped, a table is printed as wide as it
needs; on a terminal narrower than it, cells wrap instead of being cut.
"""

from __future__ import annotations

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table

_WIDEST = 1000  # columns a piped table may take: its cells are short fields and titles cut by the caller


def print_table(console: Console, table: Table) -> None:
    for column in table.columns:
        column.overflow = "fold"
    if console.is_terminal:
        console.print(table)
        return
    need = Measurement.get(console, console.options.update_width(_WIDEST), table).maximum
    narrow = console.width
    console.width = max(narrow, min(need, _WIDEST))  # print(width=…) can only narrow a console, not widen it
    try:
        console.print(table)
    finally:
        console.width = narrow
