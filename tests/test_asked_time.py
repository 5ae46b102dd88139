"""A question about what happened at a time after every indexed document abstains and says why: "What did the
Council decide on the South Sudan sanctions regime at its renewal in May 2027?" was answered from the renewal of
May 2025, a confident wrong answer. The newest document is the one the reader may search: a confidential one is
neither counted nor named to a reader without it. Real Council XML (S/RES/1701 (2006), S/RES/2790 (2025)), real
index and model."""

from __future__ import annotations

import shutil

import pytest

from akn_support import AKN
from briefbot.access import AccessScope
from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.refs import AskedTime, asked_time, speaks_of
from briefbot.service import Briefbot

GENERAL = AccessScope("bob", frozenset({"general"}))
BOTH = AccessScope("alice", frozenset({"general", "confidential"}))


@pytest.mark.parametrize(("question", "asked"), [
    ("What did the Security Council decide on the South Sudan sanctions regime at its renewal in May 2027?",
     AskedTime("May 2027", "2027-05-01")),
    ("Until when did the Security Council renew the Haiti sanctions measures in October 2026?",
     AskedTime("October 2026", "2026-10-01")),
    ("Which resolution was adopted on 3 July 2026?", AskedTime("3 July 2026", "2026-07-03", "on")),
    ("What happened in Darfur during 2027?", AskedTime("2027", "2027-01-01")),
    ("How many weapons were seized in 2024 and in March 2026?", AskedTime("March 2026", "2026-03-01")),
    # Plans, terms and deadlines are stated before their time; a cited resolution's year is not a time asked.
    ("Which elections are scheduled in 2027?", None),
    ("What did the Secretary-General say would happen in 2027?", None),
    ("Was the Panel's mandate extended until 15 May 2027?", None),
    ("When was the mandate that expires in May 2027 renewed?", None),
    ("Must the Panel report by 2027?", None),
    ("What did resolution 2769 (2025) decide?", None),
    ("What does the arms embargo cover in 2027?", None),
    ("Which resolution renewed the Haiti sanctions in October 2026?", AskedTime("October 2026", "2026-10-01")),
    ("In May 2027, what did the Council decide?", AskedTime("May 2027", "2027-05-01")),
    # A second reader's: terms, deadlines, plans, and figures or symbols that look like years.
    ("What did the Council decide about UNIFIL's termination on 31 December 2026?", None),
    ("Which measures were set to lapse in 2026?", None),
    ("Was the mandate extended with an expiry in May 2027?", None),
    ("Did the Council renew UNMISS until 30 April of 2027?", None),
    ("What transition was envisaged in 2027?", None),
    ("Was the troop ceiling of 2050 maintained?", None),
    ("What did UNMISS report on 2030 Agenda progress?", None),
    ("What did the Council decide in 2048 (2012)?", None),
    ("Which measures are imposed in 2027?", None),
    # Dates as a US reader writes them are said as the documents say them; "after" starts when the time named ends.
    ("What did the Council decide on May 3, 2027?", AskedTime("3 May 2027", "2027-05-03", "on")),
    ("Which resolution was adopted on July 3rd, 2026?", AskedTime("3 July 2026", "2026-07-03", "on")),
    ("What did the Council decide after May 2027?", AskedTime("May 2027", "2027-06-01", "after")),
    ("What did the Council decide after December 2026?", AskedTime("December 2026", "2027-01-01", "after")),
    ("Which resolutions were adopted after 2026?", AskedTime("2026", "2027-01-01", "after")),
    ("What happened after 31 December 2026?", AskedTime("31 December 2026", "2027-01-01", "after")),
    ("What has the Council decided on Libya since July 2026?", AskedTime("July 2026", "2026-07-01", "since")),
    ("Has the arms embargo on Libya been renewed since July 2026?", AskedTime("July 2026", "2026-07-01", "since")),
    ("How many times has the mandate of UNSMIL been extended since August 2026?",
     AskedTime("August 2026", "2026-08-01", "since")),
    ("What has the Council said on Libya in 2027?", None),
    ("Was anything decided on 31 February 2027?", None),
])
def test_the_time_a_question_asks_about(question: str, asked: AskedTime | None) -> None:
    assert asked_time(question) == asked


def test_a_document_speaks_of_a_time_other_than_as_a_term() -> None:
    december = AskedTime("31 December 2026", "2026-12-31")
    assert speaks_of("Decides to request UNIFIL to cease its operations on 31 December 2026", december)
    assert not speaks_of("Decides to extend the mandate of UNIFIL until 31 December 2026", december)
    may = AskedTime("May 2027", "2027-05-01")
    assert not speaks_of("a final report no later than 15 May 2027", may)
    assert speaks_of("elections scheduled for May 2027", may)


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    """S/RES/1701 (2006) in "general", S/RES/2790 (2025) (UNIFIL's last renewal, 28 August 2025) in
    "confidential"."""
    root = tmp_path_factory.mktemp("asked_time")
    resolutions = AKN / "lebanon" / "xml_en" / "resolutions"
    for year, collection in (("2006", "general"), ("2025", "confidential")):
        folder = root / collection / "xml_en"
        shutil.copytree(resolutions / year, folder / "resolutions" / year)
        settings = Settings(index=root / "index", engine="extractive", llm_provider=None, llm_model=None)
        report = ingest_paths([folder], settings, collection=collection)
        assert [r.status for r in report.results] == ["ingested"], report.results
    return Briefbot(settings)


def test_a_time_after_the_newest_document_abstains_and_names_it(bot: Briefbot) -> None:
    answer = bot.ask("What did the Council decide on the mandate of UNIFIL at its renewal in August 2026?",
                     scope=BOTH)
    assert answer.abstained and not answer.citations
    assert answer.answer.startswith("The question asks what happened in August 2026, after the newest indexed "
                                    "document (S/RES/2790 (2025), dated 28 August 2025)"), answer.answer
    assert answer.hits, "the closest passages are still listed"


def test_a_time_the_documents_cover_is_answered(bot: Briefbot) -> None:
    answer = bot.ask("What did the Council decide on the mandate of UNIFIL in August 2025?", scope=BOTH)
    assert not answer.abstained, answer.answer
    assert answer.citations[0].symbol == "S/RES/2790 (2025)", answer.answer


def test_the_newest_document_is_one_the_reader_may_search(bot: Briefbot) -> None:
    answer = bot.ask("What did the Council decide on the mandate of UNIFIL in August 2025?", scope=GENERAL)
    assert answer.abstained, answer.answer
    assert "(S/RES/1701 (2006), dated 11 August 2006)" in answer.answer, answer.answer
    assert "2790" not in answer.answer and all(h.doc.collection == "general" for h in answer.hits)


def test_a_later_time_a_document_speaks_of_is_answered(bot: Briefbot) -> None:
    """2790 (2025) decides that UNIFIL ceases its operations on 31 December 2026: a later time, foreseen."""
    answer = bot.ask("What did the Council decide about UNIFIL's operations on 31 December 2026?", scope=BOTH)
    assert not answer.abstained, answer.answer
    assert answer.citations[0].symbol == "S/RES/2790 (2025)", answer.answer


def test_a_named_document_is_asked_of_whatever_the_time(bot: Briefbot) -> None:
    answer = bot.ask("What did resolution 2790 (2025) decide for UNIFIL in August 2026?", scope=BOTH)
    assert not answer.answer.startswith("The question asks what happened"), answer.answer


@pytest.mark.parametrize(("question", "time"), [
    ("What did the Council decide on the mandate of UNIFIL on August 29, 2026?", "on 29 August 2026"),
    ("What did the Council decide on the mandate of UNIFIL after August 2025?", "after August 2025"),
])
def test_a_us_date_or_a_time_after_is_read_too(bot: Briefbot, question: str, time: str) -> None:
    """The newest document is of 28 August 2025: "after August 2025" begins on 1 September 2025."""
    answer = bot.ask(question, scope=BOTH)
    assert answer.abstained and not answer.citations, answer.answer
    assert answer.answer.startswith(f"The question asks what happened {time}, "), answer.answer


def test_a_us_date_a_document_speaks_of_is_answered(bot: Briefbot) -> None:
    """Said as 2790 (2025) says it ("31 December 2026"), the date is found in its text."""
    answer = bot.ask("What did the Council decide about UNIFIL's operations on December 31, 2026?", scope=BOTH)
    assert not answer.abstained, answer.answer
    assert answer.citations[0].symbol == "S/RES/2790 (2025)", answer.answer
