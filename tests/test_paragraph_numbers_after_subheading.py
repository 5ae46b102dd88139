"""A numbered sub-heading read as a paragraph "1" does not take the numbers of the paragraphs after it.

S/2025/194 (p. 12): under "F. United Nations Support Office in Somalia logistical support", the sub-heading "1.
Support to the African Union Transition Mission in Somalia and the African Union Support and Stabilization Mission
in Somalia" runs over two lines, so it is read as a numbered paragraph; its "1" looked like a restart, and paras.
63 to 82 (the Observations among them) were cited with no paragraph number. A sweep of analyst questions found
para. 77 cited as "p. 14" alone.
"""

from __future__ import annotations

from pathlib import Path

from briefbot.parse import parse_file
from briefbot.parse.meta import Labeller

PDF = Path(__file__).parent / "fixtures" / "pdf" / "S_2025_194_pp1-15.pdf"


def test_the_paragraphs_after_a_numbered_subheading_keep_their_numbers() -> None:
    doc = parse_file(PDF)
    labels = [b.label for b in doc.blocks if b.label and not b.label.startswith("fn")]
    after = labels[labels.index("62") + 1:]
    assert [x for x in after if x != "1"] == [str(n) for n in range(63, 83)]
    seventy_seven = next(b for b in doc.blocks if b.text.startswith("77. The increasing threat posed by Islamic State"))
    assert seventy_seven.label == "77" and seventy_seven.spans[0].page == 14
    # The numbers before it are as they were: 1 to 62, each once.
    assert labels[:labels.index("62") + 1] == [str(n) for n in range(1, 63)]


def _accepted(last: int, numbers: list[int]) -> list[int]:
    labeller = Labeller(is_resolution=False)
    labeller.last_number = last
    out = []
    for n in numbers:
        if labeller._plausible_number(n):
            labeller.last_number = n
            out.append(n)
    return out


def test_a_restart_that_went_on_is_one() -> None:
    assert _accepted(62, [1, 63, 64]) == [1, 63, 64]  # the "1" was a sub-heading
    # An annex numbered anew (1, 2, …) keeps its numbers: a table row opening "41." after it is no paragraph 41
    # (a second reader's case).
    assert _accepted(40, [1, 2, 41, 3]) == [1, 2, 3]
