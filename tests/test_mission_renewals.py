"""A mission's mandate is renewed by name: "Until when is the mandate of MINUSMA extended?" was answered with the
Mali Panel's 30 September 2023 (S/RES/2649 (2022) para. 4, which renews the Panel "as well as the request to
MINUSMA"), said to supersede MINUSMA's own renewal, 2640 (2022). Real Council XML (tests/fixtures/akn/minusma),
real index and model. Also a renewal stating its term from the adoption (the Liberia Panel, 2237 (2015))."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.answer import direct_answer
from briefbot.refs import renewed_object
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("minusma"), "minusma"))


def test_what_a_renewing_sentence_renews_first() -> None:
    assert renewed_object("Decides to extend the mandate of MINUSMA until 30 June 2023;") == "MINUSMA"
    assert renewed_object("Decides to extend until 30 September 2023 the mandate of the Panel of Experts, as set out "
                          "in paragraphs 11 to 15 of resolution 2374 (2017), as well as the request to MINUSMA") == \
        "Panel"
    assert renewed_object("Expresses its full support for UNFICYP, decides to extend its mandate for a further "
                          "period ending on 31 January 2027") == "UNFICYP"
    assert renewed_object("Decides to extend the mandate until 31 January 2027") is None


def test_the_missions_own_renewal_answers_not_a_panel_naming_it(bot: Briefbot) -> None:
    answer = bot.ask("Until when is the mandate of MINUSMA extended?")
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2640 (2022)", "15")
    assert answer.answer.startswith("**30 June 2023** [1]"), answer.answer
    assert not any("2640" in note for note in answer.notes), answer.notes  # it supersedes, it is not superseded
    # The Panel is still answered from its own renewal.
    panel = bot.ask("Until when is the mandate of the Panel of Experts on Mali extended?")
    assert (panel.citations[0].symbol, panel.citations[0].paragraph) == ("S/RES/2649 (2022)", "4"), panel.answer


@pytest.fixture(scope="module")
def liberia(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("liberia"), "liberia_panel"))


def test_a_term_counted_from_the_adoption_is_current_too(liberia: Briefbot) -> None:
    """2237 (2015) extends the Liberia Panel "for a period of 10 months from the date of adoption of this
    resolution": no date, so it was not read as a term and 1961 (2010)'s "16 December 2011" led."""
    assert direct_answer("Until when is the mandate of the Panel of Experts on Liberia extended?",
                         "Decides to extend the mandate of the Panel of Experts appointed pursuant to paragraph 9 of "
                         "resolution 1903 (2009) for a period of 10 months from the date of adoption of this "
                         "resolution to undertake the following tasks") == \
        "10 months from the date of adoption of this resolution"
    answer = liberia.ask("Until when is the mandate of the Panel of Experts on Liberia extended?")
    assert answer.citations[0].symbol == "S/RES/2237 (2015)", answer.answer
    assert answer.answer.startswith("**10 months from the date of adoption of this resolution** [1]")
    assert any("supersedes" in note and "S/RES/1961 (2010) (“16 December 2011”)" in note for note in answer.notes)
    # The quote does not say when "the date of adoption" was: the note does, from the record.
    assert "[1] S/RES/2237 (2015) was adopted on 2 September 2015: its term runs from that day, to 2 July 2016." \
        in answer.notes, answer.notes
    # and that day is long past: the note says so, as for a term given as a date
    assert any(n.startswith("[1] That term has passed") for n in answer.notes), answer.notes
