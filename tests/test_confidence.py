"""The confidence model at the seam: a question whose asked fact (a date, a sum of money) is in the top passages
against one on the same topic whose fact is not. Real index over ingest/samples (conftest.sample_index), the
packaged model, the shipped confidence.json."""

from __future__ import annotations

from briefbot.confidence import FEATURES, asked_slot, slot_spans
from briefbot.service import Briefbot


def test_confidence_falls_when_the_asked_slot_is_missing(bot: Briefbot) -> None:
    # Same topic (the South Sudan arms measures of S/RES/2781 (2025)); the first asks for the date the resolution
    # states ("until 31 May 2026"), the second for a sum of money no sample document gives.
    filled = bot.ask("Until when did the Security Council renew the measures on arms for South Sudan?")
    missing = bot.ask("How much money did the Security Council spend on the measures on arms for South Sudan?")
    assert not filled.abstained and filled.citations
    assert filled.citations[0].symbol == "S/RES/2781 (2025)"
    assert all(name in filled.timings_ms for name in FEATURES)
    assert filled.timings_ms["slot_fill"] > 0.5
    assert missing.timings_ms["slot_fill"] < filled.timings_ms["slot_fill"] - 0.3
    assert missing.timings_ms["confidence"] < filled.timings_ms["confidence"]


def test_slot_spans_skip_what_the_question_states() -> None:
    question = "How many rounds were seized in Nyala on 9 and 11 November 2024?"
    assert asked_slot(question, "count") == "count"
    # The question's own day numbers, the year and paragraph lists are not the count asked for.
    sentence = ("On 9 and 11 November 2024, under paragraphs 9 and 12 of resolution 2428 (2018), 2,400 rounds "
                "were seized.")
    spans = [sentence[a:b] for a, b in slot_spans("count", question, sentence)]
    assert spans == ["2,400"]
    assert slot_spans("money", "What did a rifle cost?", "The Panel visited the market twice.") == []
    assert asked_slot("Which resolution first banned charcoal exports?", None) == "resolution"
    assert asked_slot("What is the name of the broker?", None) == "name"
    share = "What share of UN peace operations work amid organised crime?"
    assert asked_slot(share, None) == "percentage"
    assert slot_spans("percentage", share, "Three-quarters of current UN peace operations operate there.")


def test_a_money_slot_is_filled_by_sums_in_codes_and_currency_names() -> None:
    # The confidence model reads sums as the answer stage does: a code or a currency's name, not only "$".
    question = "How much did the RSF charge per truck?"
    for sentence, sum_ in [("RSF imposed fees of SDG 1 million ($512.82) per truck.", "SDG 1"),
                           ("The tax raised usd. 112.5 million in 2024.", "usd. 1"),
                           ("The surcharge amounted to 22.5 billion Libyan dinars.", "22.5 billion Libyan dinars")]:
        assert sum_ in [sentence[a:b] for a, b in slot_spans("money", question, sentence)]
    assert slot_spans("money", question, "The old road was closed for 12 days.") == []
