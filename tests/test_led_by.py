"""A sentence naming the person a question asks about as a group's leader answers "Which gang is led by …?" whatever
the confidence model makes of the passage (currency check evals/names.jsonl): "Chyen Mechan (led by Claudy Célestin,
alias “Chyen Mechan”)" (S/2025/356, para. 25). Once the paragraph was read whole over its footnote marker, the best
sentences the model compares with the question were all of that long paragraph and it abstained (0.48 < 0.50). Real
pages 8-9 of the report, a real index; the threshold is raised so that the model alone would abstain."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.service import Briefbot
from conftest import PDF_FIXTURES


@pytest.fixture(scope="module")
def haiti(tmp_path_factory: pytest.TempPathFactory, _offline_env: None) -> Any:
    root: Path = tmp_path_factory.mktemp("led_by")
    (root / "in").mkdir()
    shutil.copy(PDF_FIXTURES / "S_2025_356_pp8-9.pdf", root / "in")
    settings = Settings(index=root / "index", abstain_threshold=0.99)
    assert not ingest_paths([root / "in"], settings).failed
    return Briefbot(settings)


def test_a_leader_named_answers_which_group_he_leads(haiti: Briefbot) -> None:
    answer = haiti.ask("Which gang is led by Claudy Célestin?")
    assert not answer.abstained and answer.answer.startswith("**Chyen Mechan** [1]")
    assert answer.citations[0].symbol == "S/2025/356" and "led by Claudy Célestin" in answer.citations[0].quote
    # Not a question the sentence does not answer: the model's threshold still holds for it.
    assert haiti.ask("Which gang controls Kenscoff?").abstained
    assert haiti.ask("Which gang is led by Jean Dupont?").abstained
