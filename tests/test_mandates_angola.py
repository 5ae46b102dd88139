"""The measures against UNITA (Angola, 864) as a mandate track, from real Council XML and the library's records
(tests/fixtures/akn/angola_unita). Before, nine resolutions on UNITA's diamonds, petroleum smuggling and the
Monitoring Mechanism were in no track (a tenth-sweep analyst), and a renewal "for a further period of six months,
ending on 19 October 2002" was dated six months from adoption (18 October)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from akn_support import fixture_mandates


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return fixture_mandates(tmp_path_factory.mktemp("angola"), "angola_unita", datetime.date(2026, 12, 8))


def test_the_unita_measures_are_a_track_from_the_mechanism_to_their_lifting(index: Any) -> None:
    track = index.track("unita")  # by its alias
    assert track.slug == "angola_sanctions"
    assert [e.symbol for e in track.entries] == [
        "S/RES/1295 (2000)", "S/RES/1336 (2001)", "S/RES/1348 (2001)", "S/RES/1374 (2001)", "S/RES/1404 (2002)",
        "S/RES/1412 (2002)", "S/RES/1432 (2002)", "S/RES/1439 (2002)", "S/RES/1448 (2002)"]
    assert track.entries[-1].action == "terminates"
    assert track.status == "ended — by S/RES/1448 (2002) of 2002-12-09."
    # UNITA's diamonds and petroleum smuggling are the regime's organised-crime language.
    themes = {t for p in track.entries[0].paragraphs for t in p.themes}
    assert {"illicit_natural_resources", "arms_trafficking"} <= themes


def test_a_period_ending_on_a_stated_day_ends_that_day(index: Any) -> None:
    until = {e.symbol: e.extends_until for e in index.track("angola_sanctions").entries if e.action == "renews"}
    # "for a further period of six months, ending on 19 October 2002" (1404 para. 3), "… of two months, ending on
    # 19 December 2002" (1439 para. 2): not 18 October and 18 December, counted from adoption.
    assert until["S/RES/1404 (2002)"] == "2002-10-19"
    assert until["S/RES/1439 (2002)"] == "2002-12-19"
    assert until["S/RES/1374 (2001)"] == "2002-04-19"
