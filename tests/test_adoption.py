"""When, and at which meeting, a named resolution was adopted: answered from its own cover line, which no passage
holds. "When did the Council adopt resolution 1373 (2001)?" was answered "9 December 1999" (a convention its text
recalls) and "When was resolution 2240 (2015) adopted?" abstained. Real sample PDFs and Council XML, real index and
model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from akn_support import AKN
from briefbot.adoption import asks_adoption
from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.refs import parse_references
from briefbot.service import Briefbot


@pytest.mark.parametrize(("question", "asked"), [
    ("When was resolution 2780 (2025) adopted?", "date"),
    ("On what date was resolution 2780 (2025) on the Libya arms embargo inspections adopted?", "date"),
    ("When did the Council adopt resolution 1373 (2001)?", "date"),
    ("What is the date of adoption of resolution 1591?", "date"),
    ("In which year was resolution 1373 adopted?", "date"),
    ("At which meetings were resolutions 2780 and 2781 (2025) adopted?", "meeting"),
    ("What did resolution 2780 (2025), adopted in May, decide?", None),
    ("Which resolution was adopted on 29 May 2025?", None),
    ("Was resolution 2231 adopted unanimously?", None),
    # Measures or deadlines dated from an adoption ask something else.
    ("Until when did resolution 2778 (2025), adopted in May, renew the arms embargo?", None),
    ("When do the measures adopted in resolution 2397 (2017) expire?", None),
    ("When must the Secretary-General report after the adoption of resolution 2780 (2025)?", None),
])
def test_what_asks_for_the_adoption(question: str, asked: str | None) -> None:
    assert asks_adoption(question) == asked


def test_numbers_sharing_one_year_are_each_named() -> None:
    assert parse_references("When were resolutions 2775 and 2776 (2025) adopted?").resolutions == [2775, 2776]
    assert parse_references("resolutions 2775, 2776 or 2777").resolutions == [2775, 2776, 2777]
    refs = parse_references("resolutions 2441 (2018), 2509 (2020) and 2701 (2023)")
    assert (refs.resolutions, refs.symbols) == ([], ["S/RES/2441 (2018)", "S/RES/2509 (2020)", "S/RES/2701 (2023)"])


def test_each_named_pdf_resolution_gives_its_date_in_the_order_asked(bot: Briefbot) -> None:
    answer = bot.ask("When were resolutions 2781 and 2780 (2025) adopted?")
    assert answer.notes == [], answer.notes
    assert not answer.abstained, answer.answer
    assert answer.answer.splitlines()[0] == "**30 May 2025** [1]; **29 May 2025** [2]", answer.answer
    assert [(c.symbol, c.page, c.quote) for c in answer.citations] == [
        ("S/RES/2781 (2025)", 1, "Adopted by the Security Council at its 9928th meeting, on 30 May 2025"),
        ("S/RES/2780 (2025)", 1, "Adopted by the Security Council at its 9925th meeting, on 29 May 2025")]


def test_the_meeting_is_answered_when_asked(bot: Briefbot) -> None:
    answer = bot.ask("At which meeting was resolution 2783 (2025) adopted?")
    assert answer.answer.splitlines()[0].startswith("**") and " meeting** [1]" in answer.answer, answer.answer
    assert answer.citations[0].symbol == "S/RES/2783 (2025)"
    assert answer.citations[0].quote.startswith("Adopted by the Security Council at its ")


def test_other_questions_on_a_named_resolution_are_answered_from_its_text(bot: Briefbot) -> None:
    answer = bot.ask("What does paragraph 1 of resolution 2780 (2025) decide?")
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2780 (2025)", "1"), answer.answer
    assert not answer.citations[0].quote.startswith("Adopted by")


def test_a_council_xml_record_is_answered_from_its_cover(tmp_path: Path) -> None:
    folder = tmp_path / "corpus" / "xml_en"
    folder.mkdir(parents=True)
    for name in ("S_RES_2769-2500687E.xml", "S_RES_1285_N0023963.xml", "SC_2571_2021-E.xml"):
        shutil.copy(AKN / name, folder / name)
    settings = Settings(index=tmp_path / "index")
    assert not ingest_paths([folder], settings).failed
    answer = Briefbot(settings).ask("When did the Council adopt resolution 1285 (2000)?")
    assert answer.answer.splitlines()[0] == "**13 January 2000** [1]", answer.answer
    cited = answer.citations[0]
    assert (cited.symbol, cited.page, cited.quote) == (
        "S/RES/1285 (2000)", None, "Adopted by the Security Council at its 4088th meeting, on 13 January 2000")
    # Adopted in the pandemic's written procedure: the cover names no meeting, and the answer says so.
    answer = Briefbot(settings).ask("At which meeting was resolution 2571 (2021) adopted?")
    assert [c.quote for c in answer.citations] == ["Adopted by the Security Council on 16 April 2021"], answer.answer
    assert "**" not in answer.answer, answer.answer
    assert answer.notes == ["[1] S/RES/2571 (2021) names no meeting: it was adopted on 16 April 2021 without one."]


def test_a_named_resolution_not_indexed_is_said_to_be_missing(bot: Briefbot) -> None:
    answer = bot.ask("When were resolutions 2780 and 2999 (2025) adopted?")
    assert answer.answer.startswith("**29 May 2025** [1]"), answer.answer
    assert answer.notes == ["Resolution 2999 is not among the indexed documents."], answer.notes
