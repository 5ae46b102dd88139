"""A share asked is not answered by a percentage that measures a change (a held-out probe: "What share of Somalia's
2024 federal budget was financed by external grants?" led with "26 per cent increase"). The quote is S/2025/194,
para. 19, verbatim."""

from __future__ import annotations

from briefbot.answer import answer_type, direct_answer

QUOTE = ("On 4 November, the Federal Parliament approved the 2025 federal budget of $1,358,727,767, a 26 per cent "
         "increase from 2024 ($1,079,315,784). In all, 66 per cent of the total budget ($903,029,519) is funded from "
         "external grants to Somalia.")


def test_a_share_is_not_a_change() -> None:
    assert direct_answer("What share of Somalia's federal budget is financed by external grants?", QUOTE) \
        == "66 per cent"
    assert direct_answer("What percentage of the budget was funded from external grants?",
                         "Revenue rose by 12 per cent, and 40 per cent of the budget was funded from external grants."
                         ) == "40 per cent"


def test_a_change_asked_is_still_the_change() -> None:
    assert direct_answer("By what percentage did Somalia's federal budget increase in 2025?", QUOTE) \
        == "26 per cent increase"


def test_a_part_of_a_sum_is_a_share_for_the_confidence_model() -> None:
    """The slot the confidence model checks: "How much of their goods' value …?" is filled by "up to 20 per cent",
    not by a sum of money (the answer had been lifted only by a rice-price sentence's "$5 a gallon")."""
    from briefbot.confidence import asked_slot
    assert asked_slot("How much of their goods' value do Madan Sara traders have to hand over at gang checkpoints?",
                      "money") == "percentage"
    assert asked_slot("How much did the traders pay at the checkpoints?", "money") == "money"


def test_cash_asked_is_a_sum() -> None:
    """"Roughly how much cash is the Islamic State believed to still have stashed away …?" was read as a count and
    answered "100 to 150 fighters" (a held-out probe)."""
    assert answer_type("Roughly how much cash is the Islamic State believed to still have stashed away in Iraq and "
                       "Syria") == "money"
    assert answer_type("How much funding did the appeal receive?") == "money"
    assert answer_type("How much of their income comes from charcoal?") != "money"
