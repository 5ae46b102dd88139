"""A follow-up that asks nothing by itself ("And what about Sudan?") is answered alone, as every question is: a
browser walk got South Sudan's floods, an Abyei sentence and a COVID-19 recital for it. The answer now says what to
ask instead, on the bundled samples' real index."""

from __future__ import annotations

from typing import Any

import pytest

from briefbot.answer import follow_up_only


@pytest.mark.parametrize(("question", "about"), [
    ("And what about Sudan?", "Sudan"),
    ("What about Haiti?", "Haiti"),
    ("And Libya?", "Libya"),
    ("how about the Panel of Experts?", "the Panel of Experts"),
])
def test_a_follow_up_naming_only_what_it_is_about(question: str, about: str) -> None:
    assert follow_up_only(question) == about


@pytest.mark.parametrize("question", [
    "What about gold smuggling in the Sudan, and who profits?",
    "And how many were killed?",
    "And what about the arms embargo on Libya until when?",
    "What is the arms embargo on Libya?",
])
def test_a_question_asking_something_is_no_bare_follow_up(question: str) -> None:
    assert follow_up_only(question) is None


def test_a_bare_follow_up_abstains_and_says_what_to_ask(bot: Any) -> None:
    answer = bot.ask("And what about Libya?")
    assert answer.abstained
    assert "asks nothing of Libya by itself" in answer.answer and "Ask the whole question" in answer.answer
    assert answer.hits, "the closest passages are still listed"
