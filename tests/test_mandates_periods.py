"""End dates the tracker reads from periods, on real resolutions: a period counted from the current mandate's
expiry "in December 2017" takes that mandate's day from the track, "shall close by" ends a final period, a Panel
renewed "until …, the Panel" heads a regime over a misprinted catalogue title, and an establishing resolution's
initial period is its own, not the date it ends its predecessor on; a regime's measures continued to a date are
listed beside its Panel's, and lifting one measure while renewing the others is a renewal (a "termination" the
track is renewed after ended a part).

Fixture: tests/fixtures/akn/mandate_terms (S/RES/1509 (2003), 1528 (2004), 1692 (2006), 1712 (2006), 1744 (2007), 1750
(2007), 1772 (2007), 1863 (2009), 1876 (2009), 1949 (2010), 2161 (2014), 2176 (2014), 2182 (2014), 2196 (2015), 2215
(2015), 2232 (2015), 2253 (2015), 2262 (2016), 2333 (2016), 2350 (2017), 2368 (2017), 2444 (2018), 2498 (2019), 2713
(2023), 2725 (2024), 2745 (2024), 2791 (2025), 2806 (2025) and, for the second reader, 1807 (2008) and 2825 (2026);
for the Taliban regime's track 1988 (2011), 2082 (2012), 2160 (2014), 2255 (2015), 2501 (2019) and 2763 (2024);
UNTMIS's 2753 (2024) and 2809 (2025);
copied from the bulk corpus with their catalogue records).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from briefbot.mandates import open_mandates
from briefbot.mandates.analysis import expiry_start, until_date
from briefbot.mandates.model import Term

FIXTURE = Path(__file__).parent / "fixtures" / "akn" / "mandate_terms"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths
    from briefbot.store import Store

    root = tmp_path_factory.mktemp("mandate_terms")
    shutil.copytree(FIXTURE, root / "corpus")
    settings = Settings(index=root / "index")
    assert not ingest_paths([root / "corpus" / "xml_en"], settings).failed
    idx = open_mandates(Store(settings, create=False), cache=root / "mandates.sqlite")
    idx.update()
    return idx


def test_a_period_from_the_current_mandates_expiry_runs_on_from_that_day(index: Any) -> None:
    track = index.track("isil_alqaida")
    # "for a period of thirty months from the date of expiration of the Office of the Ombudsperson's current
    # mandate in June 2015": the title names only the topic ("on threats … caused by terrorist acts by Al-Qaida"),
    # and the paragraph renews.
    e = track.entry("S/RES/2161 (2014)")
    assert e.action == "renews"
    assert (e.term.until, e.term.source) == ("2017-12-17", "para. 41")
    # "twenty four months" (not "twenty-four") "from … in December 2017": 17 December 2019, not the adoption's
    # 17 December 2017 plus nothing, and stated in para. 54 (not only in the catalogue title).
    e = track.entry("S/RES/2253 (2015)")
    assert (e.term.until, e.term.source) == ("2019-12-17", "para. 54")
    # Adopted on 20 July 2017: the day comes from the mandate that ended in December 2019 (2253's), not adoption.
    e = track.entry("S/RES/2368 (2017)")
    assert (e.term.until, e.term.source) == ("2021-12-17", "para. 60")


def test_the_taliban_regime_is_its_own_track_renewed_by_the_monitoring_teams_support(index: Any) -> None:
    track = index.track("taliban_sanctions")
    # The 1988 (2011) regime's measures have no end date; what each resolution renews is the Monitoring Team's
    # support to the regime's Committee "for a period of …", from adoption or from the current mandate's expiry.
    terms = {e.symbol: (e.action, e.term.until if e.term else None, e.term.source if e.term else None)
             for e in track.entries}
    assert terms["S/RES/1988 (2011)"] == ("establishes", "2012-12-17", "para. 31")  # 18 months
    assert terms["S/RES/2082 (2012)"] == ("renews", "2015-06-17", "para. 35")  # "shall also support … thirty months"
    assert terms["S/RES/2160 (2014)"] == ("renews", "2017-12-17", "para. 43")  # thirty months from June 2015
    assert terms["S/RES/2255 (2015)"] == ("renews", "2019-12-17", "para. 51")  # twenty-four from December 2017
    assert terms["S/RES/2501 (2019)"] == ("renews", "2020-12-17", "para. 2")  # "shall continue to support"
    # Fourteen months, not twelve (2716 (2023), whose term gives the day, is not in this fixture: adoption's day).
    assert terms["S/RES/2763 (2024)"][0::2] == ("renews", "para. 2")
    assert terms["S/RES/2763 (2024)"][1].startswith("2026-02")
    # The 1267 Monitoring Team serves both Committees, so its subject alone placed the Taliban regime's renewals,
    # and S/RES/2745 (2024) on the Central African Republic (a catalogue subject given in error), in the ISIL and
    # Al-Qaida track; the 1267 regime's own resolutions stay there.
    isil = {e.symbol for e in index.track("isil_alqaida").entries}
    assert not isil & {"S/RES/1988 (2011)", "S/RES/2082 (2012)", "S/RES/2255 (2015)", "S/RES/2501 (2019)",
                       "S/RES/2763 (2024)", "S/RES/2745 (2024)"}
    assert {"S/RES/2161 (2014)", "S/RES/2253 (2015)", "S/RES/2368 (2017)"} <= isil
    assert "S/RES/2745 (2024)" in {e.symbol for e in index.track("car_sanctions").entries}


def test_a_mandate_transferred_to_a_successor_runs_on_in_its_phases(index: Any) -> None:
    track = index.track("unsom")
    # "on transfer of the mandate of … (UNSOM) to … (UNTMIS)": the mandate runs on under its new name, to the end of
    # the phase para. 3 sets; the track said UNSOM's mandate ran out in October 2024 with nothing after it.
    e = track.entry("S/RES/2753 (2024)")
    assert (e.action, e.stage, e.term.until, e.term.source) == ("renews", "UNTMIS", "2025-10-31", "para. 3")
    # "UNTMIS shall cease all operations on 31 October 2026": a final period (no renewal is missing after it).
    e = track.entry("S/RES/2809 (2025)")
    assert (e.action, e.stage) == ("renews", "UNTMIS")
    assert e.term == Term("2026-10-31", "para. 6", "", final=True)


def test_a_final_period_ends_when_the_mission_shall_close(index: Any) -> None:
    e = index.track("haiti").entry("S/RES/2350 (2017)")
    # "for a final period of six months, and that the Mission shall close by 15 October 2017" (para. 1): the date
    # is the paragraph's, not only the catalogue title's.
    assert e.term == Term("2017-10-15", "para. 1", "mandate", final=True)
    # The follow-on mission's initial period is listed beside it: "MINUJUSTH … for an initial period of six months
    # from 16 October 2017 until 15 April 2018" (para. 5).
    assert [(t.until, t.source) for t in e.other_terms] == [("2018-04-15", "para. 5")]


def test_a_panel_renewed_until_a_date_heads_over_a_misprinted_title(index: Any) -> None:
    e = index.track("somalia_sanctions").entry("S/RES/2713 (2023)")
    # The catalogue title says "until 15 Dec. 2025"; para. 25 renews "until 15 January 2025, the Panel".
    assert (e.term.until, e.term.source) == ("2025-01-15", "para. 25")
    assert "2025-12-15" not in [t.until for t in e.other_terms]


def test_a_renewal_titled_only_by_its_agenda_item_renews(index: Any) -> None:
    # "Resolution 2806 (2025): Peace and security in Africa", placed by its Committee's subject: "Decides to renew,
    # with effect from the date of adoption of this resolution until 31 December 2026, the Panel" (para. 26) and
    # the maritime provisions "until 30 November 2026" (para. 22).
    e = index.track("somalia_sanctions").entry("S/RES/2806 (2025)")
    assert e.action == "renews"
    assert (e.term.until, e.term.source) == ("2026-12-31", "para. 26")
    assert [(t.until, t.source) for t in e.other_terms] == [("2026-11-30", "para. 22")]


def test_an_initial_period_is_the_new_operations_own(index: Any) -> None:
    e = index.track("unoci").entry("S/RES/1528 (2004)")
    # "establish … UNOCI for an initial period of 12 months as from 4 April 2004, … renew the mandate of … MINUCI
    # until 4 April 2004": UNOCI's period ends the day before it comes round.
    assert e.action == "establishes"
    assert (e.term.until, e.term.source) == ("2005-04-03", "para. 1")


def test_periods_read_from_text() -> None:
    text = ("Decides to extend the mandate of the Office of the Ombudsperson … for a period of twenty four months from "
            "the date of expiration of the Office of the Ombudsperson’s current mandate in December 2017, affirms …")
    assert expiry_start(text) == ("2017-12", 24)
    assert until_date(text, "2015-12-17") == "2019-12-17"
    assert until_date(text, "2015-12-31") == "2019-12-31"  # without the track, the adoption's day
    assert until_date("for a period of thirty-six months from the date of adoption", "2024-06-10") == "2027-06-10"
    assert expiry_start("for a period of 12 months from the date of adoption of this resolution") is None
    assert until_date("extend MINUSTAH's mandate … for a final period of six months, and that the Mission shall "
                      "close by 15 October 2017;", "2017-04-13") == "2017-10-15"


def test_a_final_period_expects_no_renewal_and_a_successor_carries_the_track(index: Any) -> None:
    # UNMIL's mandate "for a final period until 30 March 2018" (2333 (2016) para. 10): the mission closed, no
    # renewal is missing after it although the data runs to 2025.
    unmil = index.track("unmil")
    assert unmil.entry("S/RES/2333 (2016)").term.final
    assert not [g for g in unmil.gaps if g.after == "S/RES/2333 (2016)"]
    # 1876 (2009) extends UNOGBIS until 31 December 2009 and sets up UNIOGBIS "for an initial period of 12 months,
    # beginning on 1 January 2010" (para. 3): the track runs on to 1949 (2010) of November 2010 without a gap.
    uniogbis = index.track("uniogbis")
    e = uniogbis.entry("S/RES/1876 (2009)")
    assert (e.term.until, e.term.source) == ("2009-12-31", "para. 1")
    assert ("2010-12-31", "para. 3") in [(t.until, t.source) for t in e.other_terms]
    assert not [g for g in uniogbis.gaps if g.after == "S/RES/1876 (2009)"]


def test_a_misspelt_title_still_renews(index: Any) -> None:
    # "[on extention of the mandate of the UN Mission in Liberia (UNMIL)]" (1712 (2006)).
    e = index.track("unmil").entry("S/RES/1712 (2006)")
    assert e.action == "renews"
    assert (e.term.until, e.term.source) == ("2007-03-31", "para. 1")


def test_a_final_period_that_sets_up_a_successor_runs_to_the_successors_date(index: Any) -> None:
    # 2350 (2017), titled "on final extension of the mandate of … MINUSTAH … and establishment of … MINUJUSTH",
    # closes MINUSTAH by 15 October 2017 (para. 1) and starts MINUJUSTH "until 15 April 2018" (para. 5): a renewal
    # must follow that date, and none of the Haiti track's does in this fixture.
    gaps = [(g.after, g.until, g.next_symbol) for g in index.track("haiti").gaps]
    assert gaps == [("S/RES/2350 (2017)", "2018-04-15", None)]


def test_another_operations_renewal_placed_by_a_paragraph_does_not_renew_the_mission(index: Any) -> None:
    # 1692 (2006), "on extension of the mandate of the UN Operation in Burundi (ONUB)", is placed in MONUC's track
    # by para. 2, which extends "until 30 September 2006 the authorization … to redeploy temporarily … from ONUB
    # to MONUC": a loan of troops, not MONUC's mandate, whose date is not MONUC's.
    e = index.track("monusco").entry("S/RES/1692 (2006)")
    assert e.action == "other"
    assert e.term is None


def test_a_title_naming_two_operations_gives_each_the_date_after_its_name(index: Any) -> None:
    # 2232 (2015): "[on deployment of the African Union Mission in Somalia (AMISOM) until 30 May 2016 and extension
    # of the mandate of the UN Assistance Mission in Somalia (UNSOM) until 30 Mar. 2016]": UNSOM's is para. 21's
    # "until 30 March 2016", AMISOM's para. 3's "until 30 May 2016".
    e = index.track("unsom").entry("S/RES/2232 (2015)")
    assert (e.term.until, e.term.source) == ("2016-03-30", "para. 21")
    e = index.track("au_somalia").entry("S/RES/2232 (2015)")
    assert (e.term.until, e.term.source) == ("2016-05-30", "para. 3")
    # 2182 (2014): "[on renewal of the provisions … until 30 Oct. 2015 concerning the arms embargo on Somalia and on
    # extension of the mandate of … AMISOM until 30 Nov. 2015]": AMISOM's is para. 23's; the regime heads with its
    # Monitoring Group's (para. 46, also 30 November 2015) and lists the embargo's beside it.
    e = index.track("au_somalia").entry("S/RES/2182 (2014)")
    assert (e.term.until, e.term.source) == ("2015-11-30", "para. 23")
    e = index.track("somalia_sanctions").entry("S/RES/2182 (2014)")
    assert (e.term.until, e.term.source, e.term.what) == ("2015-11-30", "para. 46", "Monitoring Group")
    assert [(t.until, t.source) for t in e.other_terms] == [("2015-10-30", "para. 3")]


def test_an_intention_to_extend_sets_no_date(index: Any) -> None:
    # 2176 (2014) extends UNMIL "until 31 December 2014" (para. 1) and "Expresses its intention to further extend
    # the mandate of UNMIL to 30 September 2015" (para. 3): only the first is a date the mandate runs to, so the
    # track (next in this fixture: 2333 (2016)) ran out at the end of 2014.
    unmil = index.track("unmil")
    e = unmil.entry("S/RES/2176 (2014)")
    assert (e.term.until, e.term.source) == ("2014-12-31", "para. 1")
    assert e.other_terms == []
    assert [g.until for g in unmil.gaps if g.after == "S/RES/2176 (2014)"] == ["2014-12-31"]


def test_a_regimes_measures_continued_to_a_date_are_listed_beside_its_panel(index: Any) -> None:
    # 2262 (2016), titled with the Group of Experts' "until 28 Feb. 2017" only: para. 1, "Decides that, until 31
    # January 2017, all Member States shall continue to take the necessary measures to prevent the … supply … of
    # arms", is the arms embargo's date, which an analyst reads beside the Panel's. 2196 (2015) says "through".
    car = index.track("car_sanctions")
    e = car.entry("S/RES/2262 (2016)")
    assert (e.term.until, e.term.source) == ("2017-02-28", "para. 22")
    assert [(t.until, t.source, t.what) for t in e.other_terms] == [("2017-01-31", "para. 1", "measures")]
    e = car.entry("S/RES/2196 (2015)")
    assert [(t.until, t.source) for t in e.other_terms] == [("2016-01-29", "para. 1")]
    # 2498 (2019) para. 23: "decides to renew the provisions set out in paragraph 15 of resolution 2182 (2014) until
    # 15 November 2020" (the maritime interdiction), named by what it renews.
    e = index.track("somalia_sanctions").entry("S/RES/2498 (2019)")
    assert ("2020-11-15", "para. 23", "provisions") in [(t.until, t.source, t.what) for t in e.other_terms]


def test_a_regimes_measures_are_its_own_decision_not_one_it_recalls(index: Any) -> None:
    # 2791 (2025) para. 1: "decides to reaffirm and renew these measures until 12 September 2026", beside the Panel's
    # 12 October 2026 (para. 3). 2725 (2024) para. 1 "further recalls that resolution 2676 (2023) reaffirmed and
    # renewed these measures until 12 September 2024": 2676's date, not one 2725 sets.
    sudan = index.track("sudan_sanctions")
    e = sudan.entry("S/RES/2791 (2025)")
    assert (e.term.until, e.term.source) == ("2026-10-12", "para. 3")
    assert [(t.until, t.source, t.what) for t in e.other_terms] == [("2026-09-12", "para. 1", "measures")]
    assert sudan.entry("S/RES/2725 (2024)").other_terms == []


def test_ending_one_body_while_setting_up_the_regimes_next_panel_is_a_renewal(index: Any) -> None:
    # 2444 (2018): "[on lifting of arms embargoes … on Eritrea, termination of the mandate of the Somalia and Eritrea
    # Monitoring Group (SEMG) with effect from 16 Dec. 2018, and establishment of the Panel of Experts on Somalia]":
    # the Somalia regime runs on, with a Panel "until 15 December 2019" (para. 11) and the embargo's provisions
    # renewed "until 15 November 2019" (para. 14).
    e = index.track("somalia_sanctions").entry("S/RES/2444 (2018)")
    assert e.action == "renews"
    assert (e.term.until, e.term.source) == ("2019-12-15", "para. 11")
    assert [(t.until, t.source) for t in e.other_terms] == [("2019-11-15", "para. 14")]


def test_lifting_one_measure_while_renewing_the_others_is_a_renewal(index: Any) -> None:
    # 2745 (2024): "[on lifting of the arms embargo on the Central African Republic, renewal of other measures until
    # 31 July 2025 and extension of the mandate of the Panel of Experts … until 31 Aug. 2025]". It lifts the embargo
    # on the Government (para. 1) and keeps one on armed groups (para. 2): the regime runs on, it is not ended.
    e = index.track("car_sanctions").entry("S/RES/2745 (2024)")
    assert e.action == "renews"
    assert (e.term.until, e.term.source) == ("2025-08-31", "para. 6")
    assert [(t.until, t.source) for t in e.other_terms] == [("2025-07-31", "para. 2")]


def test_a_termination_the_track_is_renewed_after_ended_a_part(index: Any) -> None:
    # 2215 (2015), "[on drawdown of the UN Mission in Liberia (UNMIL)]", read as UNMIL's end; 2333 (2016) renews UNMIL
    # for its final period, so the drawdown ended a part of it.
    unmil = index.track("unmil")
    assert unmil.entry("S/RES/2215 (2015)").action == "other"
    assert unmil.entry("S/RES/2333 (2016)").action == "renews"


def test_older_wordings_of_a_renewal_and_a_period_from_adoption_give_the_date(index: Any) -> None:
    # Each was a renewal or establishment with no end date. UNMIL: "Decides to establish the United Nations Mission in
    # Liberia (UNMIL) … for a period of 12 months" (1509 (2003), adopted 19 September 2003); "Decides the mandate of
    # … UNMIL shall be extended until 30 September 2007" (1750 (2007), no "that").
    unmil = index.track("unmil")
    e = unmil.entry("S/RES/1509 (2003)")
    assert (e.action, e.term.until, e.term.source) == ("establishes", "2004-09-19", "para. 1")
    e = unmil.entry("S/RES/1750 (2007)")
    assert (e.action, e.term.until, e.term.source) == ("renews", "2007-09-30", "para. 1")
    # AMISOM: "to establish for a period of six months a mission in Somalia" (1744 (2007), 20 February 2007); "to
    # maintain a mission in Somalia for a further period of six months" (1772 (2007), titled "… for a further period
    # of 6 months", read as "other"); "renew for up to six months from the date of this resolution" (1863 (2009)).
    amisom = index.track("au_somalia")
    e = amisom.entry("S/RES/1744 (2007)")
    assert (e.action, e.term.until, e.term.source) == ("establishes", "2007-08-20", "para. 4")
    e = amisom.entry("S/RES/1772 (2007)")
    assert (e.action, e.term.until, e.term.source) == ("renews", "2008-02-20", "para. 9")
    e = amisom.entry("S/RES/1863 (2009)")
    assert (e.action, e.term.until, e.term.source) == ("renews", "2009-07-16", "para. 2")
    assert not [g for g in amisom.gaps if g.after == "S/RES/1744 (2007)"]  # 1772 renewed it on the day


def test_a_group_renewed_in_the_measures_paragraph_heads_with_its_own_date(index: Any) -> None:
    # 2825 (2026) para. 1: "Decides to renew until 1 July 2027 the measures …, decides to extend, until 1 August
    # 2027, the mandate of the Group of Experts …". The paragraph's first date (and the title's) is the measures':
    # the regime's headline is the Group's, the measures' day listed beside it.
    e = index.track("drc_sanctions").entry("S/RES/2825 (2026)")
    assert e.action == "renews"
    assert (e.term.until, e.term.source, e.term.what) == ("2027-08-01", "para. 1", "Group of Experts")
    assert [(t.until, t.source, t.what) for t in e.other_terms] == [("2027-07-01", "para. 1", "measures")]
    # Shown with what runs to each (a browser walk: "2027-08-01 (para. 1); also: 2027-07-01 — measures, para. 1"
    # left the Group's date unnamed).
    from briefbot.mandates.render import TIMELINE_COLUMNS, timeline_rows

    rows = {r[0]: dict(zip(TIMELINE_COLUMNS, r, strict=True)) for r in timeline_rows(index.track("drc_sanctions"))}
    assert rows["S/RES/2825 (2026)"]["Until"] == ("2027-08-01 — Group of Experts, para. 1; also: 2027-07-01 — "
                                                  "measures, para. 1")


def test_a_period_ending_or_expiring_on_a_day_gives_that_day(index: Any) -> None:
    # 1807 (2008): the measures "for a further period ending on 31 December 2008" (para. 1) and "Requests the
    # Secretary-General to extend, for a period expiring on 31 December 2008, the Group of Experts" (para. 17). The
    # entry showed no date; the Group's paragraph heads.
    e = index.track("drc_sanctions").entry("S/RES/1807 (2008)")
    assert e.action == "renews"
    assert (e.term.until, e.term.source, e.term.what) == ("2008-12-31", "para. 17", "Group of Experts")
    assert until_date("extend its mandate for a further period ending on 31 January 2027", "2026-01-30") == \
        "2027-01-31"
    # A report's period is not a mandate's end.
    assert until_date("to report on the period ending on 31 March 2005", "2004-09-01") is None


def test_the_chat_states_the_end_the_tracker_counts_for_a_period_from_an_earlier_expiry(index: Any) -> None:
    """"Until when …?" answered by a period "from the date of expiration of the current mandate in December 2024"
    leaves the reader to find that day: the note gives the end the track counts, once the tracker is up to date
    (a chat answer never waits for its rebuild)."""
    from briefbot.answer import long_date
    from briefbot.service import Briefbot

    bot = Briefbot(index.store.settings)  # the service's own tracker cache, not yet built
    question = "Until when does the Monitoring Team support the 1988 Committee?"
    before = bot.ask(question)
    assert before.answer.startswith("**fourteen months from the date of expiration of the current mandate in "
                                    "December 2024** [1]"), before.answer
    assert before.citations[0].symbol == "S/RES/2763 (2024)"
    assert not any("Counted by the mandate tracker" in n for n in before.notes), before.notes
    bot.mandates().update()
    after = bot.ask(question)
    until = index.track("taliban_sanctions").entry("S/RES/2763 (2024)").term.until
    assert f"[1] Counted by the mandate tracker: until {long_date(until)} (`briefbot mandate taliban_sanctions`" \
        in " ".join(after.notes), after.notes
    # A resolution named: its own period, dated from the mandate 2255 (2015) ran to (17 December 2019).
    named = bot.ask("Until when did resolution 2501 (2019) extend the Monitoring Team's support?")
    assert named.answer.startswith("**twelve months from the date of expiration of the current mandate in December "
                                   "2019** [1]"), named.answer
    assert "[1] Counted by the mandate tracker: until 17 December 2020" in " ".join(named.notes), named.notes
    # A term the line gives as a date: nothing to count.
    dated = bot.ask("Until when did resolution 2745 (2024) renew the measures on the Central African Republic?")
    assert dated.answer.startswith("**31 July 2025** [1]"), dated.answer
    assert not any("Counted by the mandate tracker" in n for n in dated.notes), dated.notes


def _answer_with_line(line: str, doc_id: str, symbol: str, paragraph: str) -> Any:
    from briefbot.models import Answer, Citation

    return Answer("q", f"**{line}** [1]", False,
                  [Citation("1", symbol, symbol, 1, paragraph, line, doc_id, doc_type="resolution")], [])


def test_the_counted_end_is_never_put_beside_another_period_of_the_paragraph() -> None:
    """2095 (2013) para. 14 renews the Libya Panel (until 14 April 2014, the tracker's term for para. 14); its
    sub-paragraph (d) asks for an interim report "no later than 90 days after the Panel's appointment". A line
    quoting (d) is a report's deadline, not a term counted from an expiry: no mandate end beside it."""
    from briefbot.service import Briefbot

    class Tracker:
        def fresh(self) -> bool:
            return True

        def terms_of(self, doc_id: str) -> list[tuple[str, Term]]:
            return [("libya_sanctions", Term("2014-04-14", "para. 14", "Panel of Experts"))]

    bot = object.__new__(Briefbot)
    bot._mandates = Tracker()  # type: ignore[attr-defined]
    line = "an interim report on its work no later than 90 days after the Panel’s appointment"
    assert bot._counted_term(_answer_with_line(line, "S_RES_2095", "S/RES/2095 (2013)", "14 (d)")) is None


def test_a_chat_note_never_waits_for_the_tracker_when_the_catalog_moves_on_meanwhile(
        index: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tracker was up to date when the note asked, and a writer in another process committed just after: the
    note is left out (or given from the cache as it is), never after bringing the tracker up to date."""
    from briefbot.service import Briefbot

    bot = object.__new__(Briefbot)
    bot._mandates = index  # type: ignore[attr-defined]
    asked: list[bool] = []

    def fresh() -> bool:  # up to date for the note's check, then another process commits
        asked.append(True)
        return len(asked) == 1

    monkeypatch.setattr(index, "fresh", fresh)
    monkeypatch.setattr(index, "update", lambda *a, **k: pytest.fail("a chat answer waited for the tracker"))
    monkeypatch.setattr(index, "_memo_version", -1)  # as after the catalog moved on
    doc = index.store.document("S/RES/2763 (2024)")
    line = "fourteen months from the date of expiration of the current mandate in December 2024"
    bot._counted_term(_answer_with_line(line, doc.doc_id, "S/RES/2763 (2024)", "2"))
