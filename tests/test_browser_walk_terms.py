"""What a browser walk of 7 December 2026 found in term answers, on real Council XML and a real index:

- "Until when is the Libya arms embargo inspection authorisation in force?" was answered "1 August 2027" from
  2819 (2026) para. 21, which extends the petroleum measures of resolution 2146 (2014): the later-renewal lookup
  went from 2804 (2025), the inspections, to 2819, which recalls 2804 in its preamble, and took 2819's renewal of
  "the authorisations … in resolution 2146" for the same thing.
- "Until when did the Security Council renew the Haiti sanctions measures and the Panel of Experts on Haiti?" read
  the Panel's "13 months" as the measures' term, and the measures' renewal (2794 (2025), para. 1) was not quoted.
- "What measures has the Security Council adopted against illicit exports of petroleum from Libya?" quoted the
  petroleum measures' lapsed renewals before 2819 (2026)'s, with no word that they were superseded.
- "What is the authorized strength of UNMISS?" gave no figure, and "How many troops are authorized to be deployed?"
  skipped the ceiling as though the strength deployed were asked.
"""

from __future__ import annotations

import shutil

import pytest

from akn_support import AKN, indexed_fixture
from briefbot.answer import _adopted_day, direct_answer
from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def inspections_and_petroleum(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    """The arms-embargo inspection renewals (2292 … 2804) beside the petroleum measures of 2146 (2014) and their
    renewals (2571 (2021) … 2819 (2026), which recalls the inspections' renewals in its preamble)."""
    tmp = tmp_path_factory.mktemp("inspections_petroleum")
    shutil.copytree(AKN / "libya_inspections", tmp / "corpus")
    for name in ("libya_petroleum", "libya_petroleum_older"):
        for path in (AKN / name / "xml_en" / "resolutions").rglob("*.xml"):
            target = tmp / "corpus" / path.relative_to(AKN / name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    settings = Settings(index=tmp / "index")
    assert not ingest_paths([tmp / "corpus" / "xml_en"], settings).failed
    return Briefbot(settings)


@pytest.fixture(scope="module")
def haiti(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("haiti"), "haiti_sanctions"))


def test_a_renewal_of_another_resolutions_measures_does_not_continue_the_inspections(
        inspections_and_petroleum: Briefbot) -> None:
    retriever = inspections_and_petroleum.retriever
    docs = retriever.documents()
    start = next(d for d in docs.values() if d.symbol == "S/RES/2804 (2025)")
    chunk = next(c for c in retriever.store.chunks_of(start.doc_id) if c.paragraph == "1")
    found = retriever._renewal_of(start.symbol or "", start.date or "", chunk.text, docs, None, None, "1")
    assert found is None or docs[found.doc_id].symbol != "S/RES/2819 (2026)", found
    # 2780 (2025) is still continued by 2804 (2025), which renews "the authorizations as set out in resolution 2780"
    start = next(d for d in docs.values() if d.symbol == "S/RES/2780 (2025)")
    chunk = next(c for c in retriever.store.chunks_of(start.doc_id) if c.paragraph == "1")
    found = retriever._renewal_of(start.symbol or "", start.date or "", chunk.text, docs, None, None, "1")
    assert found is not None and (docs[found.doc_id].symbol, found.paragraph) == ("S/RES/2804 (2025)", "1")


def test_the_petroleum_measures_still_answer_for_themselves(inspections_and_petroleum: Briefbot) -> None:
    answer = inspections_and_petroleum.ask("Until when are the Libya illicit petroleum export measures extended?")
    assert answer.answer.startswith("**1 August 2027**"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2819 (2026)", "21")


def test_each_of_two_terms_is_read_from_the_renewal_of_its_own_thing(haiti: Briefbot) -> None:
    answer = haiti.ask("Until when did the Security Council renew the Haiti sanctions measures and the Panel of "
                       "Experts on Haiti?")
    first = answer.answer.split("\n", 1)[0]
    by_key = {c.key: c for c in answer.citations}
    keys = [k for k in (part.rsplit("[", 1)[-1].rstrip("]") for part in first.split("; ")) if k in by_key]
    assert len(keys) == 2, answer.answer
    measures, panel = (by_key[k] for k in keys)
    assert (measures.symbol, measures.paragraph) == ("S/RES/2794 (2025)", "1"), answer.answer
    assert (panel.symbol, panel.paragraph) == ("S/RES/2794 (2025)", "11"), answer.answer
    assert "one year from the date of adoption" in first.split("; ")[0], answer.answer
    assert "13 months" in first.split("; ")[1], answer.answer
    assert any(n.startswith("The first term (one year") and "for the sanctions measures" in n
               for n in answer.notes), answer.notes


def test_a_day_something_was_adopted_is_no_term() -> None:
    quote = ("On 18 October 2024, the Security Council adopted resolution 2752 (2024), in which it renewed the "
             "sanctions regime on Haiti consisting of an arms embargo, a travel ban and an asset freeze.")
    assert _adopted_day("18 October 2024", quote, "Until when did the Security Council renew the Haiti sanctions?")
    # … but it is the day asked by "When did …?"
    assert not _adopted_day("18 October 2024", quote, "When did the Security Council renew the Haiti sanctions?")
    assert not _adopted_day("18 October 2024", "Decides to renew the measures until 18 October 2024.",
                            "Until when did the Security Council renew the Haiti sanctions?")


def test_lapsed_renewals_quoted_after_another_lead_follow_the_latest(inspections_and_petroleum: Briefbot) -> None:
    answer = inspections_and_petroleum.ask("What measures has the Security Council adopted against illicit exports "
                                           "of petroleum from Libya?")
    assert not answer.abstained, answer.answer
    renewals = [c for c in answer.citations if c.quote.startswith("Decides to extend until")]
    if len(renewals) < 2:
        pytest.skip(f"one renewal quoted: {answer.answer}")
    assert renewals[0].symbol == "S/RES/2819 (2026)", answer.answer
    note = next((n for n in answer.notes if "is the latest decision in its series" in n), None)
    assert note is not None and note.startswith(f"[{renewals[0].key}]"), answer.notes
    for older in renewals[1:]:
        assert older.symbol in note, note


# S/2025/211, para. 86
_STRENGTH = ("Of the authorized 17,000 troops, UNMISS troop strength stood at 13,888 military personnel, including "
             "1,152 women (8 per cent).")


@pytest.mark.parametrize("question", [
    "What is the authorized strength of UNMISS?",
    "What is the authorized troop strength of UNMISS?",
    "How many troops are authorized to be deployed in UNMISS?",
])
def test_the_ceiling_answers_what_is_authorized(question: str) -> None:
    assert direct_answer(question, _STRENGTH) == "17,000 troops"


@pytest.mark.parametrize("question", [
    "What is the troop strength of UNMISS?",
    "How many UNMISS troops were actually deployed against the authorized ceiling?",
])
def test_the_strength_answers_what_is_there(question: str) -> None:
    assert direct_answer(question, _STRENGTH) == "13,888 military personnel"


@pytest.fixture(scope="module")
def origins(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("origins"), "origins"))


def test_what_a_measure_is_is_led_by_the_decision_imposing_it(origins: Briefbot) -> None:
    """"What is the arms embargo on Libya?" quoted a 2021 call to implement it, the 2011 exemptions and 2014
    notification rules, never 1970 (2011) para. 9, which imposes it (a browser walk)."""
    from briefbot.refs import asks_imposition, asks_what_measure

    assert asks_what_measure("What is the arms embargo on Libya?")
    assert not asks_imposition("What is the arms embargo on Libya?")
    assert not asks_what_measure("What is the arms embargo's effect on the Libyan coast guard, and who reports it?")
    answer = origins.ask("What is the arms embargo on Libya?")
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/1970 (2011)", "9"), answer.answer
    assert any("is the earliest indexed decision imposing it" in n for n in answer.notes), answer.notes
