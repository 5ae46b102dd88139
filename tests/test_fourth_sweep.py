"""What a fourth round of analyst questions (7 December 2026) found in the answers' first lines, each with the
report's own sentences.

- "… how many unofficial detention sites were armed groups still running …?" got "six unofficial detention
  centres": the bound before a figure written as a word ("at least six") was dropped, as it is kept before digits.
- "How many weapons were handed over …?" got "over 108 weapons": in "who handed over 108 weapons" the "over" is the
  verb's, not a bound on the figure.
- "Who was appointed Special Representative for Haiti and head of BINUH?" bolded the Office the resolution
  establishing it names; the letter naming the appointee came later and was not read for a name.
"""

from __future__ import annotations

from answer_support import cite
from briefbot.answer import direct_answer, direct_line

# S/2025/509, para. 75 (its last sentence)
_DETENTION = ("Armed groups, however, reportedly continued to operate at least six unofficial detention centres, "
              "holding over 3,000 individuals in inhumane conditions.")
# S/2025/176, para. 55
_ZAIRE = ("In Ituri, in the context of the Aru II dialogue, the Mission supported the national authorities, including "
          "the disarmament, demobilization, community recovery and stabilization programme, for the partial "
          "demobilization of 1,217 Zaire combatants in January, who handed over 108 weapons to the authorities in "
          "Mabanga, in Djugu territory.")


def test_a_bound_before_a_figure_in_words_is_part_of_it() -> None:
    question = "How many unofficial detention centres were armed groups still running in Libya?"
    assert direct_answer(question, _DETENTION) == "at least six unofficial detention centres"
    assert direct_answer("How many people did they hold?", _DETENTION) == "over 3,000 individuals"


def test_handed_over_is_the_verbs_not_a_bound() -> None:
    assert direct_answer("How many weapons did the Zaire combatants hand over in Djugu?", _ZAIRE) == "108 weapons"
    # A bound the sentence does print stays.
    assert direct_answer("How many weapons were seized?", "Police seized over 108 weapons in Djugu.") == \
        "over 108 weapons"


# S/RES/2476 (2019), para. 1 (its opening), and the letter S/2025/433
_BINUH = ("Requests the Secretary-General to establish the United Nations Integrated Office in Haiti (BINUH) beginning "
          "on 16 October 2019 and for an initial period of 12 months, headed by a Special Representative of the "
          "Secretary-General of the United Nations to be appointed as swiftly as possible")
_LETTER = ("I should like to inform you of my intention to appoint Carlos Ruiz Massieu (Mexico) as my Special "
           "Representative and Head of BINUH.")


def test_whom_someone_appointed_is_a_person_a_later_quote_names() -> None:
    question = "Who was appointed Special Representative for Haiti and head of BINUH?"
    assert direct_answer(question, _BINUH) is None  # not "United Nations Integrated Office in Haiti (BINUH)"
    assert direct_line([question], [cite(_BINUH), cite(_LETTER, "2")]) == "**Carlos Ruiz Massieu (Mexico)** [2]"
    # Without the letter, no line rather than the Office.
    assert direct_line([question], [cite(_BINUH)]) is None
