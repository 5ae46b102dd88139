"""Sierra Leone's missions (UNAMSIL → UNIOSIL → UNIPSIL) and sanctions (1132) as mandate tracks, from real Council
XML and the library's records (tests/fixtures/akn/sierra_leone). Before, 20 resolutions with organised-crime
paragraphs (conflict diamonds, drug trafficking, corruption) were in no track; a question comparing two years
compared the first year's renewal with the one before it."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from akn_support import fixture_mandates
from briefbot.mandates import TracksError
from briefbot.mandates.chat import mandate_answer
from briefbot.mandates.render import track_markdown
from briefbot.mandates.tracks import parse_tracks


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return fixture_mandates(tmp_path_factory.mktemp("sierra_leone"), "sierra_leone", datetime.date(2026, 12, 8))


def test_the_diamond_ban_is_set_up_renewed_let_run_out_and_the_regime_ended(index: Any) -> None:
    track = index.track("sierra_leone_sanctions")
    assert [(e.symbol, e.action) for e in track.entries] == [
        ("S/RES/1306 (2000)", "establishes"), ("S/RES/1385 (2001)", "renews"), ("S/RES/1446 (2002)", "renews"),
        ("S/RES/1940 (2010)", "terminates")]
    # 1306 para. 6: "established for an initial period of 18 months"; 1446 para. 2: "six months from 5 December 2002".
    assert track.entries[0].extends_until == "2002-01-05"
    assert track.entries[2].extends_until == "2003-06-04"
    # The ban lapsed in 2003 and nothing renewed it: said so, and no renewal is reported missing.
    assert track.gaps == []
    assert [g.after for g in track.ran_out] == ["S/RES/1446 (2002)"]
    assert "did not renew the ban on rough diamonds" in track.ran_out[0].reason
    assert track.status == "ended — by S/RES/1940 (2010) of 2010-09-29."
    # The diamond ban is the regime's organised-crime language.
    assert any(p.paragraph == "1" and "illicit_natural_resources" in p.themes
               for p in track.entries[0].paragraphs)
    # The general de-listing procedures the library files under the 1132 Committee are not this regime's.
    assert "S/RES/1730 (2006)" not in [e.symbol for e in track.entries]
    assert index.track_def("1132").slug == "sierra_leone_sanctions"


def test_a_term_let_run_out_is_shown_apart_from_missing_renewals(index: Any) -> None:
    track = index.track("sierra_leone_sanctions")
    md = track_markdown(track)
    assert "## Let run out" in md and "## Renewals not placed" not in md
    assert track.to_dict()["ran_out"][0]["after"] == "S/RES/1446 (2002)"
    # A year range without the lapse leaves it out, as it does gaps.
    assert index.track("sierra_leone_sanctions", year_from=2010).ran_out == []


def test_the_sierra_leone_offices_follow_one_another(index: Any) -> None:
    track = index.track("unipsil")
    assert [(e.symbol, e.stage) for e in track.entries if e.action in ("renews", "establishes")] == [
        ("S/RES/1610 (2005)", "UNAMSIL"), ("S/RES/1620 (2005)", "UNIOSIL"),
        ("S/RES/1734 (2006)", "UNIOSIL"), ("S/RES/1793 (2007)", "UNIOSIL"), ("S/RES/1829 (2008)", "UNIPSIL"),
        ("S/RES/1886 (2009)", "UNIPSIL"), ("S/RES/1941 (2010)", "UNIPSIL"), ("S/RES/2005 (2011)", "UNIPSIL"),
        ("S/RES/2065 (2012)", "UNIPSIL"), ("S/RES/2097 (2013)", "UNIPSIL")]
    # UNAMSIL's final period and UNIPSIL's drawdown end their lines: no renewal is missing.
    assert track.gaps == []
    assert track.lapsed and "31 March 2014" in track.lapsed
    # S/RES/1343 (2001) on Liberia carries the library subject "UN Mission in Sierra Leone".
    assert "S/RES/1343 (2001)" not in [e.symbol for e in track.entries]
    entry = track.entry("S/RES/1829 (2008)")
    assert any(p.paragraph == "3 (b)" and "drug_trafficking" in p.themes for p in entry.paragraphs)


def test_a_change_between_two_years_compares_those_years(index: Any) -> None:
    answer = mandate_answer(index, "How did the Council's language on drug trafficking in the UNIPSIL mandate "
                                   "change between 2008 and 2013?")
    assert answer is not None and not answer.abstained
    first = answer.answer.splitlines()[0]
    assert first.startswith("S/RES/2097 (2013)") and "against S/RES/1829 (2008)" in first, first
    assert all(c.symbol in ("S/RES/2097 (2013)", "S/RES/1829 (2008)") for c in answer.citations)


def test_ran_out_must_name_a_resolution_and_say_what_happened() -> None:
    base = ("[tagging]\nthemes = ['corruption']\nmin_score = 3.0\n"
            "[tracks.x]\nname = 'X'\nkind = 'sanctions'\ntitle = ['x']\n")
    assert parse_tracks(base + "ran_out = {'1446' = 'not renewed'}", "t.toml").tracks[0].ran_out == {
        1446: "not renewed"}
    with pytest.raises(TracksError, match="ran_out"):
        parse_tracks(base + "ran_out = {'S/RES/1446' = 'not renewed'}", "t.toml")
    with pytest.raises(TracksError, match="ran_out"):
        parse_tracks(base + "ran_out = {'1446' = ''}", "t.toml")
