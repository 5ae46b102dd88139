"""A figure asked of a name the leading passage never names is another's figure: "How much gold per day does the
Jebel Amer mine produce?" was answered with the Kidingir mine's output, "What is ISIL-K's annual revenue?" with
Al-Shabaab's (a helper's held-out probes; 9 of the 140 development probes' near misses were of this shape). Real
sample index (S/2025/231, the Secretary-General's report on the South Sudan arms embargo benchmarks)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("question, unsaid", [
    # para. 33: "more than 100 metric tons of artillery ammunition in Pagak, Upper Nile State"
    ("How many metric tons of artillery ammunition are stored inadequately in Malakal?", "Malakal"),
    # para. 35: "weapons and ammunition training for 50 police officers, including 4 female officers, in Juba"
    ("How many police officers did UNMISS train in weapons and ammunition handling in Wau in May 2024?", "Wau"),
])
def test_a_figure_of_a_place_the_passage_never_names_is_not_given(bot: Any, question: str, unsaid: str) -> None:
    answer = bot.ask(question)
    assert answer.abstained, answer.answer
    assert f"do not name {unsaid}" in answer.answer


@pytest.mark.parametrize("question, figure", [
    ("How many metric tons of artillery ammunition are stored inadequately in Pagak?", "more than 100 metric tons"),
    # "Upper Nile" by its State's name, "South Sudanese" by its country's
    ("How many metric tons of artillery ammunition sit in poor storage in Upper Nile State?",
     "more than 100 metric tons"),
    ("How many police officers did UNMISS train in weapons and ammunition handling in Juba in May 2024?",
     "50 police officers"),
    ("How many metric tons of South Sudanese artillery ammunition are stored inadequately in Pagak?",
     "more than 100 metric tons"),
])
def test_the_name_asked_in_the_passage_or_its_countrys_adjective_still_answers(bot: Any, question: str,
                                                                               figure: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert figure in answer.answer.split("\n", 1)[0], answer.answer
