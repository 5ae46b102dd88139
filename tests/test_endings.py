"""A term question whose latest decision ended what it asks about is answered by that decision: "Until when is the
Somalia arms embargo renewed?" quoted 2444 (2018)'s "15 November 2019", though 2714 (2023) lifted the embargo, and
MINUSMA's mandate "until 30 June 2023" was given without its termination by 2690 (2023). Real Council XML
(tests/fixtures/akn/endings), real index and model; the CAR embargo, lifted on the Government by 2745 (2024) and
extended against armed groups by 2789 (2025), stays current (tests/test_car_embargo.py)."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import ending, specific_subject
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("endings"), "endings"))


def test_what_an_ending_decision_says_it_ends() -> None:
    embargo = specific_subject("Until when is the Somalia arms embargo renewed?")
    assert ending("Recalls paragraph 5 of resolution 733 (1992) …, and, recognising the progress made, decides to "
                  "lift the arms embargo established in resolution 733 (1992) as amended;", embargo, set()) == \
        "lift the arms embargo established in resolution 733 (1992) as amended"
    assert ending("Decides to terminate MINUSMA’s mandate under resolution 2640 (2022) as of June 30 2023;",
                  set(), {"MINUSMA"}) == "terminate MINUSMA’s mandate under resolution 2640 (2022) as of June 30 2023"
    assert ending("Decides that the United Nations Transitional Assistance Mission in Somalia (UNTMIS) shall cease "
                  "all operations on 31 October 2026 after completing the second phase of its transition, endorses "
                  "the implementation of the plan", set(), {"UNTMIS"}) == \
        "the United Nations Transitional Assistance Mission in Somalia (UNTMIS) shall cease all operations on " \
        "31 October 2026 after completing the second phase of its transition"
    # A condition, another body, a renewal: not an ending of the arms embargo.
    assert ending("Decides also that the measures imposed by paragraph 6 above shall be terminated immediately if "
                  "the Secretary-General reports that a settlement has been concluded", {"sanction"}, set()) is None
    assert ending("Decides to terminate the mandate of the Somalia and Eritrea Monitoring Group (SEMG), with effect "
                  "from 16 December 2018", embargo, set()) is None
    assert ending("Decides to renew until 31 May 2026 the measures on arms", embargo, set()) is None


@pytest.mark.parametrize(("question", "symbol", "paragraph", "lead"), [
    ("Until when is the Somalia arms embargo renewed?", "S/RES/2714 (2023)", "1",
     "**lift the arms embargo established in resolution 733 (1992) as amended** [1]"),
    ("Until when is the mandate of MINUSMA extended?", "S/RES/2690 (2023)", "1",
     "**terminate MINUSMA’s mandate under resolution 2640 (2022) as of June 30 2023** [1]"),
    # Filed under Somalia; the sentence names Eritrea. The Somalia Panel's renewals naming 2444 for its tasks do
    # not continue the Eritrea sanctions.
    ("Until when is the Eritrea arms embargo renewed?", "S/RES/2444 (2018)", "4", "**lift from the date of adoption"),
    ("Until when is the Liberia arms embargo renewed?", "S/RES/2288 (2016)", "1",
     "**terminate, with immediate effect, the measures on arms** [1]"),
    # UNITAMS's renewal of 2021, in the same country, is not a renewal of UNAMID after its termination.
    ("Until when is the mandate of UNAMID extended?", "S/RES/2559 (2020)", "1",
     "**terminate the mandate of UNAMID as of 31 December 2020** [1]"),
    ("Until when is the mandate of UNMIS extended?", "S/RES/1997 (2011)", "1",
     "**withdraw UNMIS effective 11 July 2011** [1]"),
])
def test_the_decision_that_ended_it_leads(bot: Briefbot, question: str, symbol: str, paragraph: str,
                                           lead: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, paragraph), answer.answer
    assert answer.answer.startswith(lead), answer.answer
    assert any(note.startswith(f"[1] {symbol}, adopted on ") and "ends it" in note for note in answer.notes), \
        answer.notes
    assert not any("supersedes" in note for note in answer.notes), answer.notes


def test_a_question_on_one_renewal_is_not_answered_by_the_ending(bot: Briefbot) -> None:
    """Naming the renewal asks what it decided: 2640 (2022) extended MINUSMA until 30 June 2023."""
    answer = bot.ask("Until when did resolution 2640 (2022) extend the mandate of MINUSMA?")
    assert answer.citations[0].symbol == "S/RES/2640 (2022)", answer.answer
    assert answer.answer.startswith("**30 June 2023** [1]"), answer.answer
    assert not any("ends it" in note for note in answer.notes), answer.notes


def test_another_missions_renewal_is_not_ended_by_it(bot: Briefbot) -> None:
    """UNITAMS, whose country UNAMID shared, is answered from its own renewal."""
    answer = bot.ask("Until when is the mandate of UNITAMS extended?")
    assert answer.citations[0].symbol == "S/RES/2579 (2021)", answer.answer
    assert answer.answer.startswith("**3 June 2022** [1]"), answer.answer
    assert not any("ends it" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize(("question", "symbol", "paragraph"), [
    # Each was answered by a renewal or a recital: 2237 (2015), 2364 (2017), 1622 (2005), 2173 (2014).
    ("Which resolution lifted the Liberia arms embargo?", "S/RES/2288 (2016)", "1"),
    ("Which resolution terminated the mandate of MINUSMA?", "S/RES/2690 (2023)", "1"),
    ("Which resolution lifted the sanctions on Eritrea?", "S/RES/2444 (2018)", "4"),
    ("Which resolution ended the mandate of UNAMID?", "S/RES/2559 (2020)", "1"),
    ("Which Security Council resolution lifted the Liberia arms embargo?", "S/RES/2288 (2016)", "1"),
])
def test_which_resolution_ended_it_is_the_ending_decision(bot: Briefbot, question: str, symbol: str,
                                                          paragraph: str) -> None:
    answer = bot.ask(question)
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, paragraph), answer.answer
    assert answer.answer.startswith(f"**{symbol}** [1]"), answer.answer
    assert any(note.startswith(f"[1] {symbol}, adopted on ") for note in answer.notes), answer.notes


def test_when_it_was_ended_is_the_day_the_decision_was_adopted(bot: Briefbot) -> None:
    answer = bot.ask("When did the Security Council terminate the mandate of MINUSMA?")
    assert answer.answer.startswith("**30 June 2023** [2]"), answer.answer
    assert [(c.symbol, c.paragraph) for c in answer.citations[:2]] == [("S/RES/2690 (2023)", "1"),
                                                                        ("S/RES/2690 (2023)", None)]
    assert answer.citations[1].quote == "Adopted by the Security Council at its 9365th meeting, on 30 June 2023"


def test_an_ending_no_decision_made_is_not_answered(bot: Briefbot) -> None:
    """The Somalia charcoal ban was never lifted: a renewal or a recital of "lift" is no answer."""
    answer = bot.ask("Which resolution lifted the ban on charcoal exports from Somalia?")
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("No indexed decision about Somalia was found lifting, terminating or ending "
                                    "this."), answer.answer


def test_a_place_is_not_the_subject_however_its_apostrophe_is_typed() -> None:
    assert specific_subject("Which resolution lifted the diamond ban on Côte d'Ivoire?") == {"lift", "ban", "diamond"}


def test_a_final_renewal_and_a_new_name_end_a_mission() -> None:
    assert ending("Decides to extend the mandate of UNMIL as set out in paragraph 11 for a final period until 30 March "
                  "2018, and requests the Secretary-General to complete by 30 April 2018 the withdrawal", set(),
                  {"UNMIL"}) == "extend the mandate of UNMIL as set out in paragraph 11 for a final period until " \
                                "30 March 2018"
    assert ending("Decides to extend the mandate of MONUC until 30 June 2010 and further decides that, in view of the "
                  "new phase, MONUC, shall, as from 1 July 2010, bear the title of the United Nations Organization "
                  "Stabilization Mission in the Democratic Republic of the Congo (MONUSCO)", set(), {"MONUC"}) == \
        "in view of the new phase, MONUC, shall, as from 1 July 2010, bear the title of the United Nations " \
        "Organization Stabilization Mission in the Democratic Republic of the Congo (MONUSCO)"
    assert ending("Decides to extend the mandate of UNMISS until 30 April 2026", set(), {"UNMISS"}) is None


@pytest.mark.parametrize(("question", "symbol", "paragraph", "lead"), [
    # The newest renewal at hand ends it in the same paragraph: 1628 (2005)'s 31 October 2005 was the answer.
    ("Until when is the mandate of MONUC extended?", "S/RES/1925 (2010)", "1", "**in view of the new phase"),
    ("Which resolution ended the mandate of UNMIL?", "S/RES/2333 (2016)", "10", "**S/RES/2333 (2016)** [1]"),
])
def test_a_mission_renamed_or_given_a_final_period_has_ended(bot: Briefbot, question: str, symbol: str,
                                                              paragraph: str, lead: str) -> None:
    answer = bot.ask(question)
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, paragraph), answer.answer
    assert answer.answer.startswith(lead), answer.answer


def test_the_passages_that_end_something_are_kept_for_the_next_process(bot: Briefbot,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalog scan for them (~0.4 s of each CLI question on the full index) runs once per catalog version and
    these rules; a new process reads the kept passages, and a new catalog version or other rules scan again."""
    from briefbot.retrieve import Retriever

    found = bot.retriever._ending_passages()
    assert len(found) >= 6
    layout = bot.store.layout
    assert layout.derived("ending-passages").exists()

    def fresh() -> Retriever:  # as a new process: nothing held in memory
        return Retriever(bot.settings, bot.store, bot.embedder, bot.lexical)

    scans: list[int] = []
    real = Retriever._sentences_of
    monkeypatch.setattr(Retriever, "_sentences_of", lambda self, *a: scans.append(1) or real(self, *a))
    kept = fresh()._ending_passages()
    assert scans == []
    assert [(c.doc_id, c.ordinal, c.text, said) for c, said in kept] == \
        [(c.doc_id, c.ordinal, c.text, said) for c, said in found]
    answer = Briefbot(bot.settings).ask("Until when is the mandate of MINUSMA extended?")
    assert answer.citations[0].symbol == "S/RES/2690 (2023)", answer.answer

    monkeypatch.setattr("briefbot.retrieve._scan_rules", lambda: "another version of the code")
    assert [c.text for c, _ in fresh()._ending_passages()] == [c.text for c, _ in found]
    assert scans == [1]
    version = bot.store.version()
    monkeypatch.setattr(bot.store, "version", lambda: version + 1)
    fresh()._ending_passages()
    assert scans == [1, 1]
