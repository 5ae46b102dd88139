"""Mandate tracker on the bulk set in ../shared: the gold facts hold against the XML, and the whole MINUSMA track
(every resolution the Council adopted on it, ingested with the real pipeline) is complete and scores its facts."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BULK = REPO.parent / "shared" / "corpus" / "bulk" / "unxml_sc"
FACTS = REPO / "evals" / "mandates.jsonl"
MINUSMA = ["2100 (2013)", "2164 (2014)", "2227 (2015)", "2295 (2016)", "2359 (2017)", "2364 (2017)", "2391 (2017)",
           "2423 (2018)", "2480 (2019)", "2531 (2020)", "2584 (2021)", "2640 (2022)", "2690 (2023)"]

pytestmark = pytest.mark.shared


def _facts() -> list[dict]:
    return [json.loads(line) for line in FACTS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_facts_hold_against_the_xml() -> None:
    sys.path.insert(0, str(REPO / "evals"))
    from verify_mandates import check

    facts = _facts()
    assert len(facts) >= 40
    assert [f["id"] for f in facts if check(f, BULK)] == []


def test_minusma_track_from_the_bulk_set(tmp_path: Path) -> None:
    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths
    from briefbot.mandates import open_mandates
    from briefbot.mandates.evaluate import score_fact
    from briefbot.store import Store

    files = []
    for sym in MINUSMA:
        num, year = re.match(r"(\d+) \((\d{4})\)", sym).groups()  # type: ignore[union-attr]
        files += [p for p in (BULK / "xml_en" / "resolutions" / year).glob("*.xml")
                  if re.match(rf"^(?:S_?RES[_-]|SC_){num}\D", p.name)]
    assert len(files) == len(MINUSMA)
    settings = Settings(index=tmp_path / "index")
    assert not ingest_paths(files, settings).failed
    idx = open_mandates(Store(settings, create=False), cache=tmp_path / "m.sqlite")
    track = idx.track("minusma")
    assert [e.symbol for e in track.entries] == [f"S/RES/{s}" for s in MINUSMA]
    assert track.gaps == [] and track.entries[-1].action == "terminates"
    assert [e.extends_until for e in track.entries if e.title and "extension" in e.title][:2] == \
        ["2015-06-30", "2016-06-30"]
    results = [score_fact(idx, f) for f in _facts() if f["track"] == "minusma"]
    assert results and all(r.ok for r in results), [r.to_dict() for r in results if not r.ok]
