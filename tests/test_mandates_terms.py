"""End dates in the mandate tracker on real resolutions: each is traced to the paragraph that states it, a sanctions
regime heads with its Panel's term and lists the resolution's other dates, and "placed by" is said in words.

Fixture: tests/fixtures/akn/libya_terms (S/RES/2144 (2014) and S/RES/2769 (2025), copied from the bulk corpus).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from briefbot.mandates import open_mandates
from briefbot.mandates.model import Term

FIXTURE = Path(__file__).parent / "fixtures" / "akn" / "libya_terms"
REGEX_SYNTAX = re.compile(r"\\[bswd]|[\[\]^$|]|\(\?|/")  # what a track-file rule looks like, never a reason


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths

    root = tmp_path_factory.mktemp("libya_terms")
    shutil.copytree(FIXTURE, root / "corpus")
    settings = Settings(index=root / "index")
    assert not ingest_paths([root / "corpus" / "xml_en"], settings).failed
    return settings, root


def _index(settings: Any, cache: Path) -> Any:
    from briefbot.store import Store

    index = open_mandates(Store(settings, create=False), cache=cache)
    index.update()
    return index


@pytest.fixture
def libya(built: tuple[Any, Path], tmp_path: Path) -> Any:
    return _index(built[0], tmp_path / "mandates.sqlite").track("libya_sanctions")


def test_a_regime_heads_with_its_panels_term_and_lists_the_other_dates(libya: Any) -> None:
    # S/RES/2769 (2025): authorisations and measures until 1 May 2026 (para. 19), the Panel until 15 May 2026
    # (para. 22). Only the first was shown before, with no paragraph.
    e = libya.entry("S/RES/2769 (2025)")
    assert e.term == Term("2026-05-15", "para. 22", "Panel of Experts")
    assert e.other_terms == [Term("2026-05-01", "para. 19", "authorisations and measures")]
    assert e.until_text() == "2026-05-15 (para. 22)"
    assert e.also_text() == "also: 2026-05-01 — authorisations and measures, para. 19"
    # S/RES/2144 (2014) is titled with UNSMIL's 13 March 2015 first: the Panel's 13 April 2015 (para. 13) is the
    # regime's, and the mission's date is no date of this track.
    e = libya.entry("S/RES/2144 (2014)")
    assert e.term == Term("2015-04-13", "para. 13", "Panel of Experts")
    assert "2015-03-13" not in [t.until for t in e.other_terms]


def test_every_export_shows_the_paragraph_beside_the_date(libya: Any) -> None:
    from briefbot.mandates.render import to_csv, track_markdown, track_rows

    d = next(r for r in libya.to_dict()["resolutions"] if r["symbol"] == "S/RES/2769 (2025)")
    assert (d["extends_until"], d["until_from"], d["until_text"]) == ("2026-05-15", "para. 22",
                                                                      "2026-05-15 (para. 22)")
    assert d["other_terms"] == [{"until": "2026-05-01", "source": "para. 19", "what": "authorisations and measures",
                                 "text": "2026-05-01 (para. 19)"}]
    rows = list(csv.DictReader(io.StringIO(to_csv(track_rows(libya)))))
    row = next(r for r in rows if r["symbol"] == "S/RES/2769 (2025)")
    assert (row["extends_until"], row["until_from"], row["also_until"]) == (
        "2026-05-15", "para. 22", "2026-05-01 — authorisations and measures, para. 19")
    md = track_markdown(libya)
    # Two dates of one resolution: each says what runs to it (a browser walk: "2027-08-01 (para. 1); also: …
    # — measures" left the Group's date unnamed).
    assert row["until_what"] == "Panel of Experts"
    assert ("| 2026-05-15 — Panel of Experts, para. 22; also: 2026-05-01 — authorisations and measures, para. 19 |"
            in md)
    row = next(line for line in md.splitlines() if line.startswith("| S/RES/2144 (2014) |"))
    assert "title names Panel of Experts" in row and not REGEX_SYNTAX.search(row.split("|")[-2].replace("S/RES/", ""))


def test_the_cli_timeline_shows_where_each_date_is_stated(built: tuple[Any, Path]) -> None:
    from typer.testing import CliRunner

    from briefbot.cli import app

    settings, _ = built
    run = CliRunner().invoke(app, ["mandate", "libya", "--index", str(settings.index)])
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("S/RES/2769 (2025)"))
    assert lines[at].endswith("renews until 2026-05-15 — Panel of Experts, para. 22")
    assert lines[at + 1] == "  also: 2026-05-01 — authorisations and measures, para. 19"
    placed = lines[at + 2]
    assert placed.startswith("  placed by: ") and "text: para. 19" in placed
    assert not REGEX_SYNTAX.search(placed.removeprefix("  placed by: ").replace("S/RES/", ""))
    run = CliRunner().invoke(app, ["mandate", "libya", "--json", "--index", str(settings.index)])
    d = next(r for r in json.loads(run.stdout)["resolutions"] if r["symbol"] == "S/RES/2144 (2014)")
    # The human form names the title's words; the raw rule stays in the JSON for debugging.
    assert "title names Panel of Experts, established by para. 24 of Security Council resolution 1973" in \
        d["found_by"]
    assert any(r.startswith("title /") for r in d["rules"])
    assert not any(REGEX_SYNTAX.search(f) for f in d["found_by"])


def test_the_web_timeline_shows_the_paragraph_and_a_readable_reason(libya: Any) -> None:
    from briefbot.mandates.render import TIMELINE_COLUMNS, timeline_rows

    rows = {r[0]: dict(zip(TIMELINE_COLUMNS, r, strict=True)) for r in timeline_rows(libya)}
    row = rows["S/RES/2769 (2025)"]
    assert row["Until"] == ("2026-05-15 — Panel of Experts, para. 22; also: 2026-05-01 — authorisations and measures, "
                            "para. 19")
    assert "title names" in rows["S/RES/2144 (2014)"]["Placed by"]
    assert not any(REGEX_SYNTAX.search(r["Placed by"]) for r in rows.values())


def test_an_index_built_by_the_previous_code_is_rebuilt(built: tuple[Any, Path], tmp_path: Path) -> None:
    """A cache of the previous code version (members without the date's paragraph) is rebuilt on first use."""
    from briefbot.mandates import index as mandate_index

    settings, _ = built
    cache = tmp_path / "mandates.sqlite"
    _index(settings, cache).close()
    db = sqlite3.connect(cache)
    db.execute("DROP TABLE members")
    db.execute("CREATE TABLE members (track TEXT, doc_id TEXT, found_by TEXT, action TEXT, until TEXT, stage TEXT, "
               "PRIMARY KEY (track, doc_id))")
    db.execute("UPDATE meta SET value = replace(value, ?, '22:') WHERE key = 'config'",
               (mandate_index.CODE_VERSION + ":",))
    db.commit()
    db.close()
    from briefbot.store import Store

    index = open_mandates(Store(settings, create=False), cache=cache)
    assert not index.fresh()
    assert index.track("libya").entry("S/RES/2769 (2025)").until_text() == "2026-05-15 (para. 22)"
    assert index.fresh()


def test_an_end_date_written_out_is_read() -> None:
    # S/RES/1555 (2004) para. 1 extends MONUC "until the 1st of October 2004": the timeline showed no end date.
    from briefbot.mandates.analysis import until_date

    assert until_date("1. Decides to extend the mandate of MONUC until the 1st of October 2004;", "2004-07-29") \
        == "2004-10-01"
    assert until_date("Decides to extend until 30 June 2019 the mandate of the Mission", "2018-06-29") == "2019-06-30"
