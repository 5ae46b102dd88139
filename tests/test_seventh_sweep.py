"""Near misses of the seventh new-user sweep answered with another thing's date or sum (real Council XML and pages of
a real Monitoring Team report in tests/fixtures/akn/seventh_sweep, real index and model): a listed man's birthday as
the day his assets were frozen, Al-Shabaab's whole revenue as its piracy ransoms."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.answer import _figure_of, direct_answer
from briefbot.confidence import held
from briefbot.glossary import council_words
from briefbot.refs import question_years, specific_subject
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("seventh_sweep"), "seventh_sweep", "reports"))


def test_a_birthday_is_not_the_day_of_a_sanction(bot: Briefbot) -> None:
    answer = bot.ask("When did the Council freeze the assets of Guinea-Bissau's General António Injai?")
    assert "1955" not in answer.answer.split("\n")[0] and "2010" not in answer.answer.split("\n")[0], answer.answer
    assert answer.abstained, answer.answer
    # Asked for, it is the answer.
    born = bot.ask("When was General António Injai born?")
    assert born.answer.startswith("**20 January 1955** [1]"), born.answer


def test_a_sum_of_another_source_is_no_answer(bot: Briefbot) -> None:
    for question in ("How much ransom did Al-Shabaab collect from piracy off Somalia in 2024?",
                     "How much does Al-Shabaab earn each year from charcoal exports according to the Monitoring "
                     "Team's thirty-fifth report?"):
        answer = bot.ask(question)
        assert answer.abstained and "$100 million" not in answer.answer.split("\n")[0], answer.answer
    # The sum it is.
    revenue = bot.ask("How much do Al-Shabaab's annual revenues amount to, according to the Monitoring Team?")
    assert revenue.answer.startswith("**between $100 million and $200 million** [1]"), revenue.answer


def test_the_monitoring_teams_report_is_one_about_al_shabaab(bot: Briefbot) -> None:
    # Its title names no place: it reports on every region, Somalia's Al-Shabaab among them, so no note says that
    # no Monitoring Team report about Somalia is indexed.
    answer = bot.ask("How much do Al-Shabaab's annual revenues amount to, according to the Monitoring Team?")
    assert not any("are among the indexed documents" in n for n in answer.notes), answer.notes


def test_a_peoples_adjective_is_not_the_thing_measured() -> None:
    # "How much Sudanese gum arabic …?" measures gum arabic: the Panel's paragraph says "gum Arabic", not "Sudanese".
    question = "How much Sudanese gum arabic did traders in East Darfur say was stolen from them?"
    needed = _figure_of(question)
    assert needed is not None
    assert needed(held(question, "around 3,700 tons … had been looted. The looting of gum Arabic was condoned"))
    assert not needed(held(question, "around 3,700 tons of Sudanese sesame had been looted"))


@pytest.mark.parametrize("question", [
    "For how long did the Council renew the authority to inspect migrant-smuggling boats off Libya in October 2018?",
    "When the migrant-smuggling inspection powers off Libya were renewed in 2018, for what period was that?",
])
def test_a_renewal_by_paragraph_number_of_the_year_asked(bot: Briefbot, question: str) -> None:
    answer = bot.ask(question)
    assert answer.answer.startswith("**twelve months** [1]"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2437 (2018)", "2")


def test_the_renewing_paragraph_comes_in_when_it_ranks_nowhere(bot: Briefbot) -> None:
    # On the full index 2437 (2018) para. 2, which renews 2240's paragraphs by number and shares no word of the
    # question but "renew", ranked nowhere behind 2240's own paragraphs, and the answer gave 2240's "one year". Here
    # it is taken out of the hits as it was there: the year's leading resolution brings it back, second.
    hits = [h for h in bot.retrieve("For how long did the Council renew the authority to inspect migrant-smuggling "
                                    "boats off Libya in October 2018?", k=10)
            if (h.doc.symbol, h.chunk.paragraph) != ("S/RES/2437 (2018)", "2")]
    assert any(h.doc.symbol == "S/RES/2437 (2018)" for h in hits[:8])
    out = bot.retriever._with_year_renewals(hits, {2018})
    assert (out[1].doc.symbol, out[1].chunk.paragraph) == ("S/RES/2437 (2018)", "2"), out[:3]
    # Not for a year whose resolutions renew nothing among the hits.
    assert bot.retriever._with_year_renewals(hits, {2015}) == hits


def test_how_much_notice_asks_a_length_of_time(bot: Briefbot) -> None:
    answer = bot.ask("How much advance warning must Somalia give the sanctions committee before weapons are "
                     "delivered to its security forces under the 2013 arrangements?")
    assert not answer.abstained, answer.answer
    assert answer.answer.startswith("**five days** [1]"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2111 (2013)", "14")


def test_a_year_in_brackets_after_words_is_asked() -> None:
    assert question_years("How many days before a weapons delivery to Somali government forces must the committee "
                          "be notified (2013)?") == {2013}
    # After a resolution's number it names the resolution.
    assert question_years("What does S/RES/2111 (2013) decide?") == set()
    assert question_years("What did 2111 (2013) decide on notification?") == set()


def test_the_year_in_brackets_keeps_to_that_years_decision(bot: Briefbot) -> None:
    answer = bot.ask("How many days before a weapons delivery to Somali government forces must the committee be "
                     "notified (2013)?")
    assert answer.citations and answer.citations[0].symbol == "S/RES/2111 (2013)", answer.answer


def test_keeping_a_body_going_is_how_a_renewal_is_asked_not_what_it_renews() -> None:
    # "keep" and "going" read as what is renewed made 2641 (2022) para. 8 ("Decides to extend until 1 August 2023
    # the mandate of the Group of Experts") no renewal of what was asked, and para. 9's report deadlines led.
    assert specific_subject("In the 2022 renewal of the Congo sanctions, how long did the Council keep the Group of "
                            "Experts going?") == {"sanction", "group", "expert"}


def test_how_often_is_answered_by_the_frequency_stated() -> None:
    quote = ("Requests that the Secretary-General reports to the Council every three months on the situation in "
             "Afghanistan and the implementation of UNAMA's mandate")
    assert direct_answer("How often does the Secretary-General have to brief the Council on Afghanistan?", quote) \
        == "every three months"
    assert direct_answer("At what intervals must the Panel report?", "to report to the Committee on an annual "
                         "basis on its work") == "on an annual basis"
    # Not a deadline: "within three months" is when the first report is due, not how often.
    assert direct_answer("How often must States report?", "to inform the Council within three months") is None


def test_how_often_a_named_decision_asks_for_reports(bot: Briefbot) -> None:
    # 2380 (2017) para. 14 ("to inform the Security Council within three months … and every three months
    # thereafter") shares few words with the question; its paragraphs on inspecting vessels led, with no line.
    answer = bot.ask("How often must States using the Libya migrant-smuggling vessel authorization report to the "
                     "Council under resolution 2380 (2017)?")
    assert answer.answer.startswith("**every three months thereafter** [1]"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2380 (2017)", "14")


def test_money_asked_in_plain_words_brings_the_councils() -> None:
    # "drug money" is 2048 (2012) para. 7's "proceeds from … trafficking of narcotic drugs"; armed groups "paid for"
    # are financed (2293 (2016) para. 23: "cut off financing for armed groups").
    assert "narcotic drugs" in council_words("Can drug money count as backing for the Guinea-Bissau coup leaders "
                                             "under the 2012 sanctions?", spellings=False)
    assert "financing" in council_words("How are armed groups in the east of the Congo paid for, according to the "
                                        "2016 renewal of DRC sanctions?", spellings=False)
    # A price paid is no financing.
    assert "financing" not in council_words("How much was paid for the weapons?", spellings=False)
