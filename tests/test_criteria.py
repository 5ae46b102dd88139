"""Which resolution made a commodity's trade a designation criterion, or added it to one: the earliest decision
about the place whose criteria name it, or an honest abstention. "Which resolution first added gold to the
natural-resources designation criterion of the CAR regime?" answered 2127 (2013), a paragraph condemning the
exploitation of natural resources; the Somali charcoal criterion answered 2776 (2025), a reaffirmation of the ban.
Real Council XML (tests/fixtures/akn/criteria), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import asks_criterion, asks_imposition
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("criteria"), "criteria"))


def test_a_criterion_question_is_not_an_imposition_question() -> None:
    q = "Which resolution introduced charcoal trading as a designation criterion for Somalia?"
    assert asks_criterion(q) and not asks_imposition(q)
    assert asks_criterion("When did the Council add gold to the listing criteria for the DRC?")
    assert asks_imposition("Which resolution imposed the ban on Somali charcoal exports?")
    assert not asks_criterion("Which resolution imposed the ban on Somali charcoal exports?")
    # No commodity, or no "which" or "when": not this question.
    assert not asks_criterion("What are the designation criteria of the CAR sanctions regime?")
    assert not asks_criterion("Does the gold trade meet the designation criteria for the CAR?")
    # What the Council did to the criteria, not what it asked about them.
    assert not asks_criterion("When was the Panel asked to report on the designation criteria relating to gold in "
                              "the DRC?")


@pytest.mark.parametrize(("question", "symbol", "paragraph", "commodity"), [
    ("Which resolution first added gold to the natural-resources designation criterion of the Central African "
     "Republic sanctions regime?", "S/RES/2196 (2015)", "12 (d)", "gold"),
    # Not 2127 (2013), whose recital names diamonds; 2196 names them too, later.
    ("Which resolution first named diamonds in the designation criteria of the Central African Republic "
     "sanctions?", "S/RES/2134 (2014)", "37 (d)", "diamonds"),
    # Minerals are "natural resources" in the criteria; 2127 (2013) condemns their exploitation, in no criterion.
    ("Which resolution made the exploitation of minerals a designation criterion for the Central African "
     "Republic?", "S/RES/2134 (2014)", "37 (d)", "minerals (as “natural resources”)"),
    # 2036 (2012) para. 23 lets the Committee designate those "engaged in such commerce", without the word; 2060
    # (2012) names charcoal "in line with" it, which the note says (below).
    ("Which resolution made trading in Somali charcoal a designation criterion under the Somalia sanctions "
     "regime?", "S/RES/2060 (2012)", "2", "charcoal"),
    # Not 2146 (2014): "vessels designated by the Committee" are ships, not a criterion.
    ("Which resolution made the illicit export of crude oil a designation criterion for Libya?",
     "S/RES/2174 (2014)", "4 (c)", "crude oil"),
    ("Which resolution made the illicit trade in petroleum a designation criterion for Libya?",
     "S/RES/2174 (2014)", "4 (c)", "petroleum (as “oil”)"),
])
def test_the_earliest_criterion_naming_it_leads(bot: Briefbot, question: str, symbol: str, paragraph: str,
                                                commodity: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    first = answer.citations[0]
    assert (first.symbol, first.paragraph) == (symbol, paragraph), answer.answer
    assert answer.answer.startswith(f"**{symbol}** [1]"), answer.answer
    assert f"[1] {symbol}, adopted on " in answer.notes[0] and \
        f"earliest indexed decision whose designation criteria name {commodity};" in answer.notes[0], answer.notes
    if symbol == "S/RES/2060 (2012)":
        assert "it does so “in line with paragraphs 22 and 23 of resolution 2036 (2012)”, an earlier decision" \
            in answer.notes[0], answer.notes


def test_when_is_answered_with_the_day_of_adoption(bot: Briefbot) -> None:
    answer = bot.ask("When did the Council make charcoal trading a designation criterion for Somalia?")
    assert not answer.abstained and answer.citations[0].symbol == "S/RES/2060 (2012)", answer.answer
    assert answer.answer.startswith("**25 July 2012**"), answer.answer


def test_a_commodity_no_criterion_names_abstains(bot: Briefbot) -> None:
    """Ivory is named by 2127 (2013) and 2196 (2015), never in a designation criterion."""
    answer = bot.ask("Which resolution made ivory trafficking a designation criterion for the Central African "
                     "Republic?")
    assert answer.abstained and not answer.citations, answer.answer
    assert answer.answer.startswith("No indexed decision about the Central African Republic was found naming ivory "
                                    "in a designation criterion."), answer.answer


def test_which_criterion_names_a_commodity_is_asked_as_which_decision_did() -> None:
    """"Which designation criterion of the South Sudan regime names wildlife trafficking?" quoted a Panel's task on
    natural resources (2428 (2018) para. 19 (d)) as if it answered: it asks for a criterion, as "which resolution
    made … a designation criterion" does (dev q353)."""
    assert asks_criterion("Which designation criterion of the South Sudan sanctions regime names wildlife trafficking?")
    assert asks_criterion("Which listing criterion of the Somalia regime names charcoal?")
    assert not asks_criterion("Which designation criteria does the CAR sanctions regime have?")


def test_a_criterion_asked_by_what_it_names_is_found_or_abstains(bot: Briefbot) -> None:
    answer = bot.ask("Which designation criterion of the Somalia sanctions regime names charcoal?")
    assert not answer.abstained and answer.citations[0].symbol == "S/RES/2060 (2012)", answer.answer
    answer = bot.ask("Which designation criterion of the Central African Republic sanctions regime names ivory?")
    assert answer.abstained and answer.answer.startswith(
        "No indexed decision about the Central African Republic was found naming ivory in a designation "
        "criterion."), answer.answer


def test_the_ban_itself_still_comes_from_where_it_was_imposed(bot: Briefbot) -> None:
    answer = bot.ask("Which resolution imposed the ban on Somali charcoal exports?")
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2036 (2012)", "22"), answer.answer
