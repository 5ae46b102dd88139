"""A resolution written as readers write it ("res 2645 (2022)", "S/RES/1643(2005)", "UNSCR 2231") is read as the
Council's "resolution 2645 (2022)" (real Council XML in tests/fixtures/akn/cote_divoire_measures, real index and
model): a sweep's "did S/RES/1643(2005) renew …" got the measures' 2015 renewal, "did resolution 1643 (2005) …"
1643 itself."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import question_as_read
from briefbot.service import Briefbot


@pytest.mark.parametrize(("asked", "read"), [
    ("under res 2645 (2022)?? thx", "under resolution 2645 (2022)?? thx"),
    ("What does Res. 2133 say?", "What does resolution 2133 say?"),
    ("UNSCR 2231 and SCR 1325", "resolution 2231 and resolution 1325"),
    ("did S/RES/1643(2005) renew", "did resolution 1643 (2005) renew"),
    ("did s/res/1643 renew", "did resolution 1643 renew"),
    # Question words mistyped are read as meant.
    ("wich countries does res 2039 encourage", "which countries does resolution 2039 encourage"),
    ("Waht is the term, untill when?", "What is the term, until when?"),
    # Not a resolution: another symbol, a word ending in "res", a number of something else.
    ("S/2025/71/Rev.1 and S/PRST/2024/3", "S/2025/71/Rev.1 and S/PRST/2024/3"),
    ("figures 2024 and 3,000 tres", "figures 2024 and 3,000 tres"),
])
def test_spellings_of_a_resolution(asked: str, read: str) -> None:
    assert question_as_read(asked) == read


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("cote_divoire"), "cote_divoire_measures"))


@pytest.mark.parametrize("named", ["S/RES/1643(2005)", "S/RES/1643 (2005)", "res 1643 (2005)",
                                   "resolution 1643 (2005)"])
def test_the_decision_named_answers_however_it_is_written(bot: Briefbot, named: str) -> None:
    answer = bot.ask(f"Until when did {named} renew the provisions of paragraphs 7 to 12 of resolution 1572?")
    assert answer.answer.startswith("**15 December 2006** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/RES/1643 (2005)"
    assert answer.question == f"Until when did {named} renew the provisions of paragraphs 7 to 12 of resolution 1572?"
