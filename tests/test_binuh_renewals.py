"""Two renewals of BINUH (tests/fixtures/akn/binuh_renewals): S/RES/2785 (2025) extends "the mandate of BINUH" to 31
January 2026; S/RES/2814 (2026) extends "the mandate of the UN Integrated Office in Haiti (BINUH)" to 31 January
2027, and its catalogue title names sanctions too. The tracker missed 2814: its title is vetoed for the mission
track (sanctions), and the text rule knew the Office only as "United Nations Integrated Office in Haiti". So the
chat answered "31 January 2027" and added the tracker's note that the mandate was "not renewed in the indexed data"
since 2785, in one process and not in the next. Real index, model and tracker."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from akn_support import indexed_fixture
from briefbot.service import Briefbot

QUESTION = "When does the current mandate of the UN Integrated Office in Haiti (BINUH) run out?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    settings = indexed_fixture(tmp_path_factory.mktemp("binuh"), "binuh_renewals")
    return Briefbot(settings.model_copy(update={"today": datetime.date(2026, 12, 7)}))


def test_a_renewal_naming_the_office_as_the_un_joins_the_mission_track(bot: Briefbot) -> None:
    index = bot.mandates()
    index.update()
    track = index.track("haiti")
    assert [(e.symbol, e.term.until if e.term else None) for e in track.entries] == [
        ("S/RES/2785 (2025)", "2026-01-31"), ("S/RES/2814 (2026)", "2027-01-31")]
    assert track.status is not None and track.status.startswith("in force — ") and "S/RES/2814 (2026)" in track.status \
        and "2027-01-31" in track.status, track.status


def test_the_chat_answers_with_the_latest_renewal_and_no_contrary_note(bot: Briefbot) -> None:
    bot.mandates().update()
    answer = bot.ask(QUESTION)
    assert not answer.abstained, answer.answer
    assert answer.answer.startswith("**31 January 2027** [1]"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2814 (2026)", "1")
    assert not any("not renewed" in n for n in answer.notes), answer.notes


def test_the_track_a_question_names_does_not_depend_on_the_process() -> None:
    """"Haiti" (the track's slug) and "BINUH" (its alias) are as long; which one named the track was a set's order,
    which Python's string hashing changes from process to process, and with "Haiti" (a country) no note was given.
    The operation's own name wins, in every process."""
    code = ("import sys; from briefbot.mandates.tracks import load_tracks; "
            "from briefbot.mandates.chat import _track_named\n"
            "class Index:\n    book = load_tracks()\n"
            "print(_track_named(sys.argv[1], Index()))")
    import briefbot
    src = str(Path(next(iter(briefbot.__path__))).resolve().parent)  # the code under test, where it was imported
    seen = set()
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)}
        done = subprocess.run([sys.executable, "-c", code, QUESTION], env=env, capture_output=True, text=True,
                              timeout=120, check=True)
        seen.add(done.stdout.strip())
    assert seen == {"('haiti', 'BINUH')"}
