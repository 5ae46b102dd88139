"""Terms of bodies no place names and of a question in two parts (held-out probes, real index and model):
- "For how long is the Counter-Terrorism Committee Executive Directorate currently mandated to operate?" was
  answered "10 years" from a report: "mandated" asked no term, and CTED "will continue to operate … for the period
  ending 5 January 2029" (2810 (2025) para. 3) is renewed in no renewal's words (tests/fixtures/akn/cted);
- the Office of the Ombudsperson is extended with the 1267 regime (tests/fixtures/akn/isil_monitoring_team);
- the Monitoring Team "supporting the Taliban (1988) sanctions committee" is kept on by the 1988 regime's 2816
  (2026), "shall continue to support the Committee for a period of twelve months", not by the 1267 regime's 36
  months (2734 (2024), para. 101), which a probe got (same fixture);
- "What is the current expiry date of the mandate of the Panel of Experts … under resolution 1591 (2005), and when is
  its next final report due?" led with the lapsed "12 March 2026" and "13 January 2026" of 2772 (2025), whose
  mandate 2791 (2025), quoted first, extended (tests/fixtures/akn/sudan_panel_1591)."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.answer import Candidate, _cover_parts, sub_questions
from briefbot.models import Chunk, DocInfo, Hit, Span
from briefbot.refs import asks_term
from briefbot.service import Briefbot

_PANEL_2791 = ("3. Decides to extend, for the purpose of aligning the timelines for the renewal of the measures and "
               "the mandate of the Panel of Experts, the mandate of the Panel of Experts in resolution 2772 (2025) "
               "beyond 12 March 2026 until 12 October 2026;")
_PANEL_2772 = ("1. Decides to extend until 12 March 2026 the mandate of the Panel of Experts originally appointed "
               "pursuant to resolution 1591 (2005) and previously extended by resolutions 1779 (2007), …, and 2725 "
               "(2024), reaffirms the mandate of the Panel of Experts as established in these resolutions, and "
               "requests the Panel of Experts to provide the Security Council Committee established pursuant to "
               "resolution 1591 (2005) with an interim report on its activities no later than 12 August 2025, and "
               "provide to the Council, after discussion with the Committee, a final report by 13 January 2026 with "
               "its findings and recommendations;")
_TWO_PARTS = ("What is the current expiry date of the mandate of the Panel of Experts assisting the Sudan sanctions "
              "committee set up under resolution 1591 (2005), and when is its next final report due?")


def test_a_body_mandated_or_continuing_to_operate_is_asked_a_term() -> None:
    assert asks_term("For how long is the Counter-Terrorism Committee Executive Directorate currently mandated to "
                     "operate?")
    assert asks_term("Until when will CTED continue to operate?")
    # A mandate's tasks are no term.
    assert not asks_term("What is CTED mandated to do?")


@pytest.fixture(scope="module")
def cted(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("cted"), "cted"))


@pytest.mark.parametrize("question", [
    "For how long is the Counter-Terrorism Committee Executive Directorate currently mandated to operate?",
    "Until when will CTED continue to operate?",
])
def test_the_executive_directorate_runs_to_its_latest_term(cted: Briefbot, question: str) -> None:
    answer = cted.ask(question)
    assert not answer.abstained, answer.answer
    assert answer.citations[0].symbol == "S/RES/2810 (2025)", answer.answer
    assert answer.answer.startswith("**5 January 2029** [1]"), answer.answer


@pytest.fixture(scope="module")
def isil(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("isil"), "isil_monitoring_team"))


def test_the_ombudsperson_is_extended_with_the_regime(isil: Briefbot) -> None:
    answer = isil.ask("Until when is the mandate of the Ombudsperson extended?")
    assert not answer.abstained, answer.answer
    lead = answer.citations[0]
    assert (lead.symbol, lead.paragraph) == ("S/RES/2734 (2024)", "66"), answer.answer
    assert "Office of the Ombudsperson" in lead.quote


@pytest.fixture(scope="module")
def sudan(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("sudan"), "sudan_panel_1591"))


def _candidate(symbol: str, date: str, text: str) -> Candidate:
    doc = DocInfo(doc_id=symbol, file_name=f"{symbol}.xml", path=None, sha256="0", source="akn", symbol=symbol,
                  doc_type="resolution", title="Reports of the Secretary-General on the Sudan", date=date,
                  language="en", pages=1, chunks=1, empty_pages=[], warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash=symbol, doc_id=symbol, ordinal=0, text=text, spans=[Span(page=1, start=0, end=len(text))],
                  paragraph=text.split(".")[0], section=None, kind="operative")
    return Candidate(Hit(chunk=chunk, doc=doc, score=1.0), 3, len(text), 1.0, 1.0)


def test_a_second_part_is_not_quoted_from_a_decision_the_first_parts_quote_supersedes() -> None:
    """In the full corpus, 2772 (2025) para. 1 was a candidate and was quoted for "when is its next final report
    due?" after 2791 (2025) para. 3 answered the first part: its "13 January 2026" is the mandate's before."""
    latest = _candidate("S/RES/2791 (2025)", "2025-09-11", _PANEL_2791)
    older = _candidate("S/RES/2772 (2025)", "2025-03-05", _PANEL_2772)
    chosen = _cover_parts(sub_questions(_TWO_PARTS), [latest], [latest, older], 5, lambda t: 1.0)
    assert [c.hit.doc.symbol for c in chosen] == ["S/RES/2791 (2025)"]


def test_a_second_part_is_not_answered_from_the_decision_the_first_parts_supersedes(sudan: Briefbot) -> None:
    answer = sudan.ask(_TWO_PARTS)
    assert not answer.abstained, answer.answer
    assert answer.citations[0].symbol == "S/RES/2791 (2025)", answer.answer
    assert answer.answer.startswith("**12 October 2026** [1]"), answer.answer
    assert "12 March 2026**" not in answer.answer and "13 January 2026**" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "For how long is the Monitoring Team supporting the Taliban (1988) sanctions committee currently mandated?",
    # A second reader's: the regime by its number alone (read as the year 1988 before).
    "For how long is the Monitoring Team supporting the 1988 sanctions committee currently mandated?",
    "Until when is the mandate of the Monitoring Team of the 1988 sanctions committee extended?",
])
def test_the_taliban_committees_team_is_kept_on_by_its_own_resolution(isil: Briefbot, question: str) -> None:
    answer = isil.ask(question)
    assert not answer.abstained, answer.answer
    # The newest of the 1988 Committee's decisions keeping it on, not 2763 (2024)'s lapsed fourteen months.
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2816 (2026)", "2"), answer.answer
    assert answer.answer.startswith("**twelve months") and "[1]" in answer.answer.split("\n")[0], answer.answer


def test_the_isil_teams_term_is_its_own_regimes(isil: Briefbot) -> None:
    answer = isil.ask("Until when is the mandate of the ISIL (Da'esh) and Al-Qaida Monitoring Team extended?")
    assert answer.citations[0].symbol == "S/RES/2734 (2024)", answer.answer


def test_a_committee_named_by_its_resolution_is_no_year() -> None:
    from briefbot.refs import question_years

    assert question_years("For how long is the Monitoring Team supporting the 1988 sanctions committee mandated?") \
        == set()
    assert question_years("Until when is the 1970 Committee's Panel of Experts mandated?") == set()
    assert question_years("What did the Council decide in 1988 about sanctions?") == {1988}


def test_a_body_kept_on_is_read_within_its_own_sentence() -> None:
    from briefbot.retrieve import _continues_asked

    text = ("Decides that the Panel of Experts shall report to the Committee on the arms embargo. It further requests "
            "that the Secretariat shall continue to support the Committee for a period of six months.")
    assert not _continues_asked(text, {"panel", "expert"})
    assert _continues_asked("2. Decides, in order to assist the Committee, that the Monitoring Team shall continue to "
                            "support the Committee for a period of twelve months;", {"monitor", "team"})
