"""A letter recounting a decision does not lead the answer to "which resolution …?" when the decision's own
paragraph is quoted too: "Which resolution extended the mandate of the Panel of Experts on Libya in 2025?" led
with the Secretary-General's letter S/2025/357 ("… resolution 2769 (2025), … by which the Council decided to extend
the mandate …"), before 2769's para. 22. A letter names no place of its own; its sentence does. Real PDFs (the
samples plus S/2025/357), real index and model."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, sample_indexes


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from briefbot.service import Briefbot

    def extra(folder: Path) -> list[Path]:
        return [Path(shutil.copy(FIXTURES / "pdf" / "S_2025_357.pdf", folder))]

    return Briefbot(sample_indexes(tmp_path_factory).variant("letter_357", extra))


def test_the_decision_leads_the_letter_recounting_it(bot: Any) -> None:
    answer = bot.ask("Which resolution extended the mandate of the Panel of Experts on Libya in 2025?")
    assert not answer.abstained, answer.answer
    first = answer.citations[0]
    assert (first.symbol, first.paragraph) == ("S/RES/2769 (2025)", "22"), answer.answer
    assert answer.answer.startswith("**S/RES/2769 (2025)** [1]"), answer.answer
    assert any(c.symbol == "S/2025/357" for c in answer.citations[1:]), "the letter is still quoted"
