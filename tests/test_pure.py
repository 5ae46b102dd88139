"""Table tests of pure functions and of the choices the CLI offers (no index, no model)."""

from __future__ import annotations

from typing import get_args

import pytest

from briefbot.cite import trim_sentence
from briefbot.cli import DocTypeChoice, EngineChoice
from briefbot.models import DOC_TYPES, Engine, paragraph_label, reference


def test_cli_choices_are_the_model_types() -> None:
    assert [c.value for c in EngineChoice] == list(get_args(Engine))
    assert [c.value for c in DocTypeChoice] == list(DOC_TYPES)


@pytest.mark.parametrize(("args", "expected"), [
    (("S/RES/2769 (2025)", "22", 6), "S/RES/2769 (2025), para. 22, p. 6"),
    (("S/RES/2781 (2025)", "1", 4, 5), "S/RES/2781 (2025), para. 1, pp. 4-5"),
    (("S/RES/2781 (2025)", "1", 4, 4), "S/RES/2781 (2025), para. 1, p. 4"),
    (("S/2025/1", "fn 109", 4), "S/2025/1, footnote 109, p. 4"),
    (("S_2025_176.pdf", None, 1), "S_2025_176.pdf, p. 1"),
    (("S/RES/2769 (2025)", "7 (c)", None), "S/RES/2769 (2025), para. 7 (c)"),
    (("record", None, None), "record"),
])
def test_reference(args: tuple, expected: str) -> None:
    assert reference(*args) == expected


def test_reference_names_a_missing_page_when_asked() -> None:
    assert reference("S/RES/2769 (2025)", "23", None, no_page="any page") == "S/RES/2769 (2025), para. 23, any page"
    assert paragraph_label("fn 3") == "footnote 3" and paragraph_label("3") == "para. 3"


@pytest.mark.parametrize(("text", "headings", "expected"), [
    ("18. The Panel found arms.", False, "The Panel found arms."),
    ("(c) To inspect vessels;", False, "To inspect vessels;"),
    ("(iv)  Further decides ", False, "Further decides"),
    ("  (iv) Further decides", False, "(iv) Further decides"),  # a label only counts at the very start
    ("18. ", False, ""),  # nothing but the label: nothing to quote
    ("18. ", True, "18."),  # a document read in order keeps it (dropped as too short later)
    ("III. Observations 18. The Panel found arms.", False, "III. Observations 18. The Panel found arms."),
    ("III. Observations 18. The Panel found arms.", True, "The Panel found arms."),
    ("Sanctions Committee and Panel of Experts 17.", True, "Sanctions Committee and Panel of Experts"),
    ("The Council decided to act on 17.", True, "The Council decided to act on 17."),  # a sentence, not a heading
])
def test_trim_sentence(text: str, headings: bool, expected: str) -> None:
    a, b = trim_sentence(text, 0, len(text), headings=headings)
    assert text[a:b] == expected
