"""A report named by when it came out: "In the Secretary-General's mid-2025 report on the Central African Republic,
by how much did criminality in the capital go up?" is about S/2025/383 (13 June 2025), not S/2025/97 (February),
which said 26 per cent where the June report says 7; and the report's own month ("according to the Secretary-
General's August 2025 report") is not a time the figure must be told with. Held-out probes (read). Real PDFs from
../shared/corpus for retrieval; the reports' own sentences for the lines."""

from __future__ import annotations

import pytest

from briefbot.answer import asked_months, direct_answer
from briefbot.refs import parse_references, report_window
from briefbot.service import Briefbot
from conftest import shared_index


@pytest.mark.parametrize(("question", "window"), [
    ("In the Secretary-General's mid-2025 report on the Central African Republic, how much did crime rise?",
     ("2025-05-01", "2025-08-31")),
    ("How many civilian deaths did MONUSCO attribute to M23 in its June 2025 report?", ("2025-06-01", "2025-06-31")),
    ("What did the early-2024 update say?", ("2024-01-01", "2024-04-31")),
    ("According to the report of 30 December 2024, how many people were displaced?", ("2024-12-01", "2024-12-31")),
    ("When was a Swiss national kidnapped in Agadez, according to the UNOWAS report of mid-2025?",
     ("2025-05-01", "2025-08-31")),
    ("What did the Secretary-General's report for mid-2025 say about Bangui?", ("2025-05-01", "2025-08-31")),
    ("How many were displaced, according to the report of mid-July 2025?", ("2025-07-01", "2025-07-31")),
    ("How many people were killed in June 2025?", None),  # when it happened, not which report
    ("Were there reports of mid-July 2025 clashes in Tawila?", None),  # the events' time, not a report's
    ("What did the report of 12 March say?", None),  # no year: no window
])
def test_the_dates_a_report_is_named_by(question: str, window: tuple[str, str] | None) -> None:
    assert report_window(question) == window


def test_the_secretary_generals_dated_report_is_his_report() -> None:
    assert parse_references("In the Secretary-General's mid-2025 report on the Central African Republic, how "
                            "much did crime rise?").doc_types == ["sg_report"]
    assert parse_references("What did the Secretary-General's June 2025 report say about Bangui?").doc_types == \
        ["sg_report"]


def test_a_reports_own_month_is_not_a_time_asked() -> None:
    assert asked_months("How many people were held in the camps, according to the Secretary-General's August "
                        "2025 report?") == set()
    assert asked_months("How many people were held in the camps in August, according to the report of 1 May?") \
        == {"August"}


# S/2025/495, para. 27
_AGADEZ = ("In the Niger, the defence and security forces reported gains, including the rescue of eight abducted "
           "civilians in Kaji Jiwa in the Diffa Region on 21 April. Terrorist activities in the country remained "
           "mainly concentrated in the Dosso, Tillabéri, Agadez, Diffa and Tahoua Regions. The Niger-Benin oil "
           "pipeline continued to be a target and was attacked on 1, 4 and 6 April. Unidentified armed individuals "
           "also kidnapped a Swiss national in Agadez on 13 April.")


def test_the_year_of_the_report_asked_from_leaves_its_days_without_a_year() -> None:
    """Dev q177: the report's year ("the UNOWAS report of mid-2025") is not the year of the act, so the report's
    "on 13 April" answers; a year the question asks the act in still does not take a day without one."""
    assert direct_answer("When was a Swiss national kidnapped in Agadez, according to the UNOWAS report of "
                         "mid-2025?", _AGADEZ) == "13 April"
    assert direct_answer("When was a Swiss national kidnapped in Agadez in 2023?", _AGADEZ) is None


# S/2025/496, para. 17
_CAMPS = ("In the north-east of the Syrian Arab Republic, approximately 34,800 individuals remained in the Hawl and "
          "Rawj camps and in detention and other facilities, including “rehabilitation” centres; some individuals "
          "may have alleged links or family ties to Da’esh. The population includes more than 6,700 Iraqi nationals, "
          "15,500 Syrian nationals and 8,500 foreign nationals from approximately 62 countries.")
# S/2025/383, para. 30
_OUAKA = ("On 26 February, in Ouaka Prefecture, clashes between national defence forces and Coalition militaire de "
          "salut du peuple et de redressement near the Balaka mining site led to nine deaths, including the death of "
          "six civilians.")


def test_one_item_of_a_listed_breakdown_is_no_second_answer() -> None:
    assert direct_answer("Roughly how many people were still being held in the camps and detention sites of "
                         "north-eastern Syria?", _CAMPS) == "approximately 34,800 individuals"
    # Asked in the breakdown's own words, it answers.
    assert "8,500 foreign nationals" in (direct_answer("How many foreign nationals were held in the camps of "
                                                       "north-eastern Syria?", _CAMPS) or "")
    # A breakdown of one part is still said beside its total.
    assert direct_answer("How many people were killed when the army fought the CMSPR near a mine in Ouaka?",
                         _OUAKA) == "nine deaths; six civilians"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    """The Secretary-General's February and June 2025 reports on the Central African Republic."""
    return Briefbot(shared_index(tmp_path_factory, "car_reports", ("S_2025_97.pdf", "S_2025_383.pdf")))


@pytest.mark.shared
def test_the_report_of_the_months_named_answers(bot: Briefbot) -> None:
    answer = bot.ask("In the Secretary-General's mid-2025 report on the Central African Republic, by how much did "
                     "crime in Bangui go up compared with the previous reporting period?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].symbol == "S/2025/383", answer.answer
    assert "7 per cent" in answer.answer.split("\n", 1)[0], answer.answer
    # The February report, named by its month, still answers with its own figure.
    answer = bot.ask("In the Secretary-General's February 2025 report on the Central African Republic, by how much "
                     "did crime in Bangui go up compared with the previous reporting period?")
    assert answer.citations and answer.citations[0].symbol == "S/2025/97", answer.answer
    assert "26 per cent" in answer.answer.split("\n", 1)[0], answer.answer
