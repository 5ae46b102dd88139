"""A name no indexed document mentions is one the documents say nothing about (a sweep of analyst questions, 7
December 2026): "Which cartel controls drug trafficking through Mexico's Manzanillo port?" was answered "**Gran
Ravine and Village**" from a passage on Haitian gangs. Real service over the samples for the abstention."""

from __future__ import annotations

from typing import Any

from briefbot.answer import _name_nowhere
from briefbot.cite import terms


def _weights(question: str, unseen: set[str]) -> dict[str, float]:
    return {t: (9.0 if t in unseen else 2.0) for t in terms(question)}


def test_the_names_no_passage_holds() -> None:
    q = "Which cartel controls drug trafficking through Mexico's Manzanillo port?"
    assert _name_nowhere(q, _weights(q, terms("Manzanillo")), 9.0) == "Manzanillo"
    assert _name_nowhere(q, _weights(q, terms("Mexico")), 9.0) == "Mexico"  # "Mexico's": the name
    assert _name_nowhere(q, _weights(q, terms("Mexico Manzanillo")), 9.0) == "Mexico or Manzanillo"
    assert _name_nowhere(q, _weights(q, set()), 9.0) is None
    # Not the question's first word, not an acronym a passage may spell out, not a word the index's words do not
    # compare with as written.
    q = "Which groups clashed with the CMSPR near the Péligre dam?"
    assert _name_nowhere(q, _weights(q, terms("Which CMSPR Péligre")), 9.0) is None


def test_the_answer_says_which_name_no_document_mentions(bot: Any) -> None:
    answer = bot.ask("Which cartel controls drug trafficking through Mexico's Manzanillo port?")
    assert answer.abstained and "No indexed document mentions Mexico or Manzanillo." in answer.answer
    assert not bot.ask("Until when is the mandate of the Panel of Experts on Libya extended?").answer.startswith(
        "No indexed document mentions")


def test_a_name_of_two_words_is_said_whole() -> None:
    q = "How many fighters does ISIL in Somalia have in Puntland's Cal Miskaad mountains?"
    assert _name_nowhere(q, _weights(q, terms("Miskaad")), 9.0) == "Cal Miskaad"


def test_a_name_the_corpus_may_write_with_an_accent_is_not_said_to_be_missing() -> None:
    """The index reads "Türkiye" as "rkiye" and "Miragoâne" as "mirago": a question's "Turkiye" or "Miragoane" is in
    no passage as written, yet the documents name it (a second reader's finds: answered "Ethiopia" and "8 rifles" on
    the code before, abstained with this rule's first version). A short name ("Goita") has no piece to go by."""
    index = terms("rkiye mirago Somalia rifles President")

    def idf(words: set[str]) -> dict[str, float]:
        return {w: (2.0 if w in index else 9.0) for w in words}

    for q in ("Which country did Turkiye mediate with Somalia?", "How many rifles were bound for Miragoane?",
              "What did President Goita decide?"):
        assert _name_nowhere(q, idf(terms(q)), 9.0, idf) is None, q
    q = "Which cartel controls Mexico's Manzanillo port?"
    assert _name_nowhere(q, idf(terms(q)), 9.0, idf) == "Mexico or Manzanillo"


def test_a_name_is_said_whole_when_one_of_its_words_is_unknown() -> None:
    q = "How much gold per day does the Jebel Mukhtar mine produce?"
    assert _name_nowhere(q, _weights(q, terms("Mukhtar")), 9.0) == "Jebel Mukhtar"
