"""A paragraph a question names is quoted from its own text, not from another paragraph that mentions it.

S/RES/2767 (2024) (real Council XML, tests/fixtures/akn/establishments) para. 46 (b) asks for "progress against the
mandate outlined in paragraph 16 to this resolution": every word of "What does paragraph 16 of resolution 2767
(2024) decide?", so it was quoted first (a browser walk-through's find); para. 47 "Recalls paragraph 15 of
resolution 2719 (2023)" did the same for paragraph 15."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("named"), "establishments"))


@pytest.mark.parametrize(("paragraph", "opening"), [
    ("16", "Endorses the African Union Peace and Security Council’s decision to replace ATMIS"),
    ("15", "Welcomes the progress made so far by Somalia"),
])
def test_the_named_paragraph_is_quoted_first(bot: Briefbot, paragraph: str, opening: str) -> None:
    answer = bot.ask(f"What does paragraph {paragraph} of resolution 2767 (2024) decide?")
    assert not answer.abstained
    first = answer.citations[0]
    assert (first.symbol, first.paragraph) == ("S/RES/2767 (2024)", paragraph)
    assert first.quote.startswith(opening)
