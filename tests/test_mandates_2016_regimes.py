"""The Liberia (1521) and Côte d'Ivoire (1572) sanctions regimes as mandate tracks, from real Council XML and the
library's records (tests/fixtures/akn/liberia_cote_divoire_sanctions): an eighth-sweep analyst found neither had a
track, S/RES/1584 (2005) on the Côte d'Ivoire embargo in UNMIL's, and the lifting of the Ivorian measures unread."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from akn_support import fixture_mandates


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return fixture_mandates(tmp_path_factory.mktemp("regimes_2016"), "liberia_cote_divoire_sanctions",
                            datetime.date(2026, 12, 7))


def test_the_liberia_regime_is_a_track_of_its_own(index: Any) -> None:
    track = index.track("liberia_sanctions")
    assert [e.symbol for e in track.entries] == ["S/RES/1521 (2003)", "S/RES/2288 (2016)"]
    assert track.entries[-1].action == "terminates"
    assert track.status == "ended — by S/RES/2288 (2016) of 2016-05-25.", track.status
    # UNMIL's renewal, which the library files under the Liberia Committee too, is the mission's.
    assert "S/RES/2239 (2015)" in [e.symbol for e in index.track("unmil").entries]
    assert index.track_def("1521").slug == "liberia_sanctions"


def test_the_ivorian_regime_runs_from_its_embargo_to_its_lifting(index: Any) -> None:
    track = index.track("cote_divoire_sanctions")
    assert [e.symbol for e in track.entries] == ["S/RES/1572 (2004)", "S/RES/1584 (2005)", "S/RES/1643 (2005)",
                                                 "S/RES/2283 (2016)"]
    # 2283's catalogue title spells "Côte" with a combining circumflex: read as the rules write it.
    lifted = track.entries[-1]
    assert lifted.action == "terminates" and any("title names" in why for why in lifted.found_by), lifted.found_by
    renewal = track.entries[2]
    assert renewal.action == "renews" and renewal.extends_until == "2006-12-15"
    # The diamond ban of 1643 (2005) para. 6 is among the regime's organised-crime paragraphs.
    assert any(p.paragraph == "6" and "illicit_natural_resources" in p.themes for p in renewal.paragraphs)


def test_an_embargo_on_cote_divoire_is_no_liberian_missions(index: Any) -> None:
    # S/RES/1584 (2005) carries the subject "UN Mission in Liberia" for its paragraph on UNMIL's cooperation.
    assert "S/RES/1584 (2005)" not in [e.symbol for e in index.track("unmil").entries]
    assert "S/RES/1584 (2005)" not in [e.symbol for e in index.track("unoci").entries]
