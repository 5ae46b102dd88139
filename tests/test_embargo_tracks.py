"""The CAR, Haiti and Libya tracks a new user walked through, on the real Council XML (tests/fixtures/akn/
embargo_changes) and a real index: the CAR embargo lifted, the Haiti regime's targeted embargo replaced by a
territorial one in a resolution about something else, and the Libya smuggling paragraph, each where an analyst looks
for it."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from akn_support import AKN
from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.mandates import open_mandates
from briefbot.store import Store

AMENDING = "S_RES_2699-2318982E.xml"  # the Multinational Security Support resolution


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An index of the fixture without 2699, its tracker, then 2699 ingested and the tracker brought up to date
    incrementally (the amendment found by the update, not only by a rebuild)."""
    tmp = tmp_path_factory.mktemp("embargo")
    corpus = tmp / "corpus"
    shutil.copytree(AKN / "embargo_changes", corpus)
    aside = tmp / AMENDING
    shutil.move(next(corpus.rglob(AMENDING)), aside)
    settings = Settings(index=tmp / "index")
    assert not ingest_paths([corpus / "xml_en"], settings).failed
    idx = open_mandates(Store(settings, create=False), cache=tmp / "mandates.sqlite")
    idx.update()
    before = [e.symbol for e in idx.track("haiti_sanctions").entries]
    back = corpus / "xml_en" / "resolutions" / "2023" / AMENDING
    shutil.move(aside, back)
    assert not ingest_paths([back], settings).failed
    report = idx.update()
    return {"idx": idx, "before": before, "report": report}


def _operative(entry: Any) -> dict[str, str]:
    """Operative paragraph → its change status, for the entry's theme paragraphs."""
    status = {c.current.paragraph: c.status for c in entry.changes if c.current is not None}
    return {p.paragraph: status.get(p.paragraph, "") for p in entry.paragraphs if p.operative}


def test_the_car_track_shows_the_embargo_lifted(built: dict[str, Any]) -> None:
    entry = built["idx"].track("car_sanctions", themes=["arms_trafficking"]).entry("S/RES/2745 (2024)")
    # para. 1 lifts the 2127 embargo, para. 2 imposes one on armed groups, para. 3 seizes what para. 2 prohibits.
    assert _operative(entry) == {"1": "new", "2": "new", "3": "new"}
    lifted = next(p for p in entry.paragraphs if p.paragraph == "1")
    assert lifted.text.startswith("1. Decides to lift the arms embargo on the CAR")
    assert next(p for p in entry.paragraphs if p.paragraph == "3").terms["arms_trafficking"] == [
        "items prohibited by paragraph 2 of this resolution"]


def test_the_haiti_targeted_embargo_is_the_first_operative_arms_paragraph(built: dict[str, Any]) -> None:
    first = built["idx"].track("haiti_sanctions").first_appearance["arms_trafficking"]
    assert first.operative_paragraph is not None
    assert (first.operative_paragraph.symbol, first.operative_paragraph.paragraph) == ("S/RES/2653 (2022)", "11")


def test_a_resolution_replacing_the_embargo_joins_the_regime_with_that_paragraph(built: dict[str, Any]) -> None:
    idx = built["idx"]
    assert "S/RES/2699 (2023)" not in built["before"]
    assert not built["report"].rebuilt and built["report"].read == 1
    track = idx.track("haiti_sanctions")
    entry = track.entry("S/RES/2699 (2023)")
    assert entry.action == "other" and entry.amends and entry.term is None
    assert entry.found_by == ["text: para. 14 amends S/RES/2653 (2022) para. 11"]
    # Only the amending paragraph: none of the Multinational Security Support mission's own paragraphs (its 1 (a)
    # names trafficking in persons, migrant smuggling and arms).
    assert [p.paragraph for p in entry.paragraphs] == ["14"]
    [change] = entry.changes
    assert change.status == "changed" and change.previous is not None
    assert (change.previous.symbol, change.previous.paragraph) == ("S/RES/2653 (2022)", "11")
    inserted = " ".join(t for op, t in change.diff if op == "insert")
    deleted = " ".join(t for op, t in change.diff if op == "delete")
    # "to, or for the benefit of, the individuals and entities designated" → "to Haiti"; "arms" → "small arms, light
    # weapons".
    assert {"Haiti", "small", "light"} <= set(inserted.split()) and "individuals and entities designated" in deleted
    assert entry.comparison().startswith("amends S/RES/2653 (2022)")
    assert entry.to_dict()["amends"] is True
    # Nor do its other paragraphs count in the track's trends.
    cell = idx.trends(["trafficking_in_persons"], "haiti_sanctions").cell(2023, "trafficking_in_persons")
    assert "S/RES/2699 (2023)" not in cell.operative + cell.preambular_only
    assert "S/RES/2699 (2023)" in idx.trends(["arms_trafficking"], "haiti_sanctions").cell(
        2023, "arms_trafficking").operative
    # A renewal is still compared with the regime's own last resolution, not with the amendment.
    assert track.entry("S/RES/2700 (2023)").previous == "S/RES/2653 (2022)"


def test_the_2700_entry_lists_the_small_arms_embargo_reaffirmed_and_extended(built: dict[str, Any]) -> None:
    entry = built["idx"].track("haiti_sanctions", themes=["arms_trafficking"]).entry("S/RES/2700 (2023)")
    found = _operative(entry)
    assert {k: found.get(k) for k in ("6", "7", "8")} == {"6": "new", "7": "new", "8": "new"}


def test_the_libya_smuggling_paragraph_is_in_the_2698_entry(built: dict[str, Any]) -> None:
    entry = built["idx"].track("libya_migrant_smuggling", themes=["migrant_smuggling"]).entry("S/RES/2698 (2023)")
    assert _operative(entry).get("2") == "new"

