"""Questions on measures named by the resolution that set them up ("the Sudan sanctions measures under resolution
1591"): the answer is the latest renewal of those measures, not the dates in the resolution named; and questions on
how long a named resolution renewed something: its renewing paragraph. Real Council XML (tests/fixtures/akn/regimes),
real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import asks_current_term
from briefbot.service import Briefbot


@pytest.mark.parametrize(("question", "current"), [
    ("Until when are the Sudan sanctions measures under resolution 1591 renewed?", True),
    ("Until when is the Panel of Experts on Al-Shabaab (resolution 2713) renewed?", True),
    ("Until when are States authorized to inspect vessels (paragraphs 15 and 17 of resolution 2182)?", True),
    ("For how long were the Haiti measures imposed by resolution 2653 renewed?", True),
    ("Until when were the Mali sanctions measures under resolution 2374 last renewed?", True),
    # The Council's own "the measures in resolution 2146 (2014)", and "currently run" as a term asked (a probe got
    # 2146's own paragraphs for both).
    ("Until when are the authorisations and measures in resolution 2146 (2014) extended?", True),
    ("Until what date do the measures against illicit petroleum exports from Libya under resolution 2146 (2014) "
     "currently run?", True),
    # The resolution named is who decided: its own text answers.
    ("How long did resolution 2780 extend the high-seas inspections?", False),
    ("Until when is the Group of Experts mandate extended by resolution 2783 (2025)?", False),
    ("In resolution 2182 (2014), for how long were naval partnerships authorized to inspect vessels?", False),
    ("Until when did paragraph 3 of resolution 2791 (2025) extend the Panel?", False),
    ("What does paragraph 1 of resolution 2780 (2025) decide?", False),  # not a question of term
    # Asked of the past, the resolution named "in" is the one that decided (a second reader).
    ("How long were the measures in resolution 2769 (2025) extended?", False),
    ("For how long did the provisions in resolution 2769 (2025) extend the authorisations?", False),
])
def test_which_questions_ask_for_the_current_term(question: str, current: bool) -> None:
    assert asks_current_term(question) is current


def test_what_runs_now_is_asked_a_term_only_of_what_the_council_renews() -> None:
    from briefbot.refs import asks_term

    assert asks_term("Until what date does the Libya arms embargo currently run?")
    # Armed groups running routes run something; no term of the Council's is asked (a second reader).
    assert not asks_term("How long have armed groups in Libya currently run the smuggling routes described by the "
                         "Panel of Experts?")


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("regimes"), "regimes"))


@pytest.mark.parametrize(("question", "symbol", "paragraph", "date"), [
    # 2791's paragraph opens with "Recalls" and renews at its end; its Panel paragraph (12 October) is another series.
    ("Until when are the Sudan sanctions measures under resolution 1591 renewed?", "S/RES/2791 (2025)", "1",
     "12 September 2026"),
    ("Until when are the Yemen sanctions measures under resolution 2140 renewed?", "S/RES/2801 (2025)", "4",
     "14 November 2026"),
])
def test_the_latest_renewal_answers_for_the_resolution_that_set_the_measures_up(
        bot: Briefbot, question: str, symbol: str, paragraph: str, date: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, paragraph), answer.answer
    assert answer.answer.startswith(f"**{date}** [1]")


def test_a_question_on_what_the_named_resolution_decided_is_answered_from_it(bot: Briefbot) -> None:
    answer = bot.ask("What does paragraph 3 of resolution 2140 (2014) decide?")
    assert answer.citations and all(c.symbol == "S/RES/2140 (2014)" for c in answer.citations)


def test_the_renewing_paragraph_of_the_resolution_named_answers_how_long_it_renewed(bot: Briefbot) -> None:
    """Its paragraph 7 shares few of the question's words and ranked below its paragraphs on inspecting vessels;
    the confidence model, judging words, abstained although the right document was first."""
    answer = bot.ask("For how long did resolution 2380 (2017) renew the authorizations to inspect and seize "
                     "migrant-smuggling vessels off Libya?")
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2380 (2017)", "7")
    assert answer.answer.startswith("**twelve months** [1]")


def test_naming_a_resolution_renews_only_the_paragraphs_it_names(bot: Briefbot) -> None:
    """2806 (2025) renews "the provisions … as most recently renewed by paragraph 23 of resolution 2776 (2025)":
    the successor of 2776's paragraph 23 (inspections), not of its paragraph 25 (the Panel)."""
    docs = bot.retriever.documents()
    info = bot.document("S/RES/2776 (2025)")
    chunks = {c.paragraph: c for c in bot.passages(info.doc_id)}
    inspections = bot.retriever._renewal_of(info.symbol or "", info.date or "", chunks["23"].text, docs, None,
                                            paragraph="23")
    assert inspections is not None and docs[inspections.doc_id].symbol == "S/RES/2806 (2025)"
    assert "until 30 November 2026" in inspections.text
    panel = bot.retriever._renewal_of(info.symbol or "", info.date or "", chunks["25"].text, docs, None,
                                      paragraph="25")
    assert panel is None or "paragraph 23 of resolution 2776" not in panel.text
