"""Escaping a document's or reader's text for Markdown: literal in the chat, safe and readable in a brief."""

from __future__ import annotations

import html
import re

from briefbot.mdtext import md_cell, md_safe, md_text

HOSTILE = '![b](http://127.0.0.1:9/beacon.png) <img src="http://127.0.0.1:9/x.png"> [1]: http://x | para. 3 (a)'


def test_the_chat_shows_every_character_literally() -> None:
    md = md_text(HOSTILE)
    assert "<img" not in md and "](" not in md and "http://" not in md
    assert html.unescape(re.sub(r"\\(.)", r"\1", md)) == HOSTILE


def test_a_brief_runs_nothing_and_reads_as_written() -> None:
    md = md_safe(HOSTILE)
    assert "<img" not in md and "![" not in md and "](" not in md and "]:" not in md
    assert "para. 3 (a)" in md  # no backslashes where nothing could run
    cell = md_cell(HOSTILE + "\r\nsecond line\rthird")
    assert "\n" not in cell and " | " not in cell.replace("\\|", "") and "<img" not in cell
    assert cell.endswith("para. 3 (a) second line third") and "\r" not in cell
