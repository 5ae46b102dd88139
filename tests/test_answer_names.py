"""Who / which / where lines a second reader found wrong: a person's name is not a sentence's opening adverb or
participle, nor an adjective of a people; a kind of thing is read capitalised and a name with its particle or
number; a country asked is a State's name; a group asked by its leader is the one the quote says he leads, or none.
Pure table tests on the quotes' own wording (the documents are named beside each)."""

from __future__ import annotations

from briefbot.answer import direct_answer


def test_a_title_s_full_stop_or_a_name_s_ending_opens_no_sentence() -> None:
    # S/RES/1613 (2005): the full stop of "Ms." ends no sentence, and "Kimberly" is no adverb.
    assert direct_answer("Who was elected ad litem judge from Canada?", "The General Assembly elected the following "
                         "ad litem judges: Ms. Kimberly Prost (Canada)") == "Kimberly Prost (Canada)"
    # S/2025/200, the Specialist Prosecutor named at a sentence's opening: "Kimberly" opens a name, not a sentence.
    kosovo = ("Individuals have admitted attempting to persuade a witness not to testify in a Kosovo war-crimes case. "
              "Kimberly West visited Kosovo twice during the reporting period, in October 2024 and in December 2024.")
    assert direct_answer("Who visited Kosovo twice?", kosovo) == "Kimberly West"
    assert direct_answer("Who visited Kosovo twice?", "The reporting period was busy. Dr. Emily Manning visited "
                         "Kosovo twice.") == "Emily Manning"
    # … while an adverb opening a sentence still is none ("Using Nyala airport could …" of S/2025/239 too).
    assert direct_answer("Who visited Kosovo twice?", kosovo.replace("Kimberly", "Recently Kimberly")) == \
        "Kimberly West"


def test_a_surname_ending_like_a_people_s_adjective_is_a_name() -> None:
    # "Mr. Jankovic met …", "Mr. Christian visited …": no adjective of a people, as "Sudanese traders" is.
    assert direct_answer("Who met the Special Representative?", "On 3 March, Mr. Jankovic met the Special "
                         "Representative.") == "Jankovic"
    assert direct_answer("Who visited MONUSCO in January?", "Mr. Christian visited MONUSCO from 18 to 22 "
                         "January.") == "Christian"
    assert direct_answer("Who supplied the fighters?", "The fighters were supplied by Sudanese traders.") is None
