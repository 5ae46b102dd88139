"""A resolution indexed twice (its PDF and its Council XML) is one document to the reader, and a question asked
inside one document (the Documents filter) reads "paragraph 1" as that document's. Real model, real Chroma, the
sample PDFs plus the Council XML of S/RES/2769 (2025)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, sample_indexes


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from briefbot.service import Briefbot

    def extra(folder: Path) -> list[Path]:
        return [Path(shutil.copy(FIXTURES / "akn" / "S_RES_2769-2500687E.xml", folder))]

    return Briefbot(sample_indexes(tmp_path_factory).variant("twin_2769", extra))


def test_a_resolution_is_never_the_same_text_as_itself(twins: Any) -> None:
    answer = twins.ask("Until when did resolution 2769 (2025) extend the mandate of the Panel of Experts on Libya?")
    assert not answer.abstained and "15 May 2026" in answer.answer
    assert "same text in S/RES/2769 (2025)" not in answer.answer, answer.answer
    assert all("S/RES/2769 (2025)" not in h.also_in for h in answer.hits if h.doc.symbol == "S/RES/2769 (2025)")


def test_paragraph_n_within_one_filtered_document_is_that_document_s(twins: Any) -> None:
    from briefbot.models import Filters

    answer = twins.ask("What does paragraph 1 decide?", filters=Filters(symbols=["S/RES/2780 (2025)"]))
    assert not answer.abstained and answer.citations, answer.answer
    assert answer.citations[0].symbol == "S/RES/2780 (2025)" and answer.citations[0].paragraph == "1", answer.answer


def test_within_a_year_range_the_latest_renewal_leads(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Council XML records carry no missions; their titles name the country, which makes them one series: asked
    within 2020-2021, the 2021 renewal's date leads and the note names the 2020 one it supersedes."""
    from briefbot.models import Filters
    from briefbot.service import Briefbot

    def extra(folder: Path) -> list[Path]:
        return [Path(shutil.copy(FIXTURES / "akn" / name, folder))
                for name in ("S_RES_2509_2020-2002070E.xml", "SC_2571_2021-E.xml")]

    bot = Briefbot(sample_indexes(tmp_path_factory).variant("libya_panel_series", extra))
    answer = bot.ask("Until when was the mandate of the Panel of Experts on Libya extended?",
                     filters=Filters(year_from=2020, year_to=2021))
    assert not answer.abstained and answer.citations[0].symbol == "S/RES/2571 (2021)", answer.answer
    assert answer.answer.startswith("**15 August 2022**"), answer.answer
    assert any("S/RES/2509 (2020)" in note for note in answer.notes), answer.notes
