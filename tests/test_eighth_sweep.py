"""Questions of the eighth new-user sweep, on Council resolutions of 2000-2023 (real Council XML under
tests/fixtures/akn, real index and model)."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def mali(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("mali"), "mali_sanctions"))


def test_a_renewal_asked_of_a_year_none_was_made_in_is_not_answered(mali: Briefbot) -> None:
    # The Mali measures were last renewed in 2022 (2649) and ended in 2023: 2484 (2019)'s "until 31 August 2020"
    # is no answer to a renewal of 2024.
    answer = mali.ask("Until when did the Council extend the Mali sanctions measures in 2024?")
    assert answer.abstained, answer.answer
    assert "not 2024" in answer.answer and "31 August 2020" not in answer.answer.split("\n")[0], answer.answer
    # The year's own renewal answers.
    made = mali.ask("Until when did the Council extend the Mali sanctions measures in 2019?")
    assert made.answer.startswith("**31 August 2020** [1]"), made.answer
    assert made.citations[0].symbol == "S/RES/2484 (2019)"
