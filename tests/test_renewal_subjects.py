"""What a renewal question asks about is what its answer renews, when one resolution renews a regime's measures
and its Panel side by side. "Until when is the mandate of the Panel of Experts on Haiti extended?" was answered
with the measures' "one year" (S/RES/2794 (2025) para. 1): the chain from the report recounting 2752 (2024)
"renewed the sanctions regime" ended on that paragraph. "Until when is the Libya sanctions regime renewed?" was
answered with the Panel's 15 August 2027, whose paragraph ends "… with respect to the measures updated in this
resolution". Real Council XML and two real report pages (tests/fixtures/akn/renewal_subjects), real index and
model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from akn_support import AKN, indexed_fixture
from briefbot.answer import Candidate, _keep_latest, _latest_first
from briefbot.chunk import split_sentences
from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.models import Hit
from briefbot.refs import References, renews_subject, specific_subject
from briefbot.service import Briefbot
from conftest import PDF_FIXTURES, SettingsFactory


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    tmp = tmp_path_factory.mktemp("renewal_subjects")
    shutil.copytree(AKN / "renewal_subjects", tmp / "corpus")
    settings = Settings(index=tmp / "index")
    assert not ingest_paths([tmp / "corpus"], settings).failed
    return Briefbot(settings)


def test_a_panel_extension_naming_the_measures_does_not_renew_the_regime() -> None:
    regime = specific_subject("Until when is the Libya sanctions regime renewed?")
    panel = ("Decides to extend until 15 August 2027 the mandate of the Panel of Experts (the Panel), established by "
             "paragraph 24 of resolution 1973 (2011), and decides that the Panel’s mandated tasks shall remain as "
             "defined in resolution 2213 (2015) and shall also apply with respect to the measures updated in this "
             "resolution")
    assert not renews_subject(regime, panel)
    assert renews_subject(regime, "Decides to extend until 1 August 2027 the authorisations and the measures in "
                                  "resolution 2146 (2014)")


@pytest.mark.parametrize(("question", "symbol", "paragraph", "lead"), [
    ("Until when is the mandate of the Panel of Experts on Haiti extended?", "S/RES/2794 (2025)", "11",
     "**13 months from the date of adoption of this resolution** [1]"),
    ("Until when is the Haiti sanctions regime renewed?", "S/RES/2794 (2025)", "1",
     "**one year from the date of adoption of this resolution** [1]"),
    # The report's "adopted resolution 2752 (2024), in which it renewed the sanctions regime" was the only passage
    # quoted, and 2752 the answer, while the lookup had brought its renewal 2794 (2025) in.
    ("Which resolution renewed the Haiti sanctions regime?", "S/RES/2794 (2025)", "1", "**S/RES/2794 (2025)** [1]"),
    ("Until when is the Libya sanctions regime renewed?", "S/RES/2819 (2026)", "21", "**1 August 2027** [1]"),
    ("Until when is the mandate of the Panel of Experts on Libya extended?", "S/RES/2819 (2026)", "24",
     "**15 August 2027** [1]"),
])
def test_the_renewal_of_what_was_asked_leads(bot: Briefbot, question: str, symbol: str, paragraph: str,
                                             lead: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, paragraph), answer.answer
    assert answer.answer.startswith(lead), answer.answer


@pytest.fixture(scope="module")
def lebanon(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("lebanon"), "lebanon"))


def test_a_missions_renewal_is_no_term_of_measures(lebanon: Briefbot) -> None:
    """"Until when is the Lebanon arms embargo renewed?" was answered "31 December 2026", UNIFIL's last mandate
    (2790 (2025)); 1701 (2006) set the embargo with no end date. The answer abstains and says why; the mission's
    own question is still answered."""
    answer = lebanon.ask("Until when is the Lebanon arms embargo renewed?")
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("No indexed decision sets a term for this: the closest renewal (S/RES/2790 "
                                    "(2025), para. 1) extends the mandate of UNIFIL"), answer.answer
    mission = lebanon.ask("Until when is the mandate of UNIFIL extended?")
    assert (mission.citations[0].symbol, mission.citations[0].paragraph) == ("S/RES/2790 (2025)", "1"), \
        mission.answer
    assert mission.answer.startswith("**31 December 2026** [1]"), mission.answer


def test_a_waiver_in_a_report_is_no_council_term(settings: SettingsFactory, tmp_path: Path) -> None:
    """"Until when is the Iran sanctions regime renewed?" was answered "7 November 2024" from S/2025/323 para. 7:
    "The sanctions waiver from the United States of America permitting Iraq to import electricity from the Islamic
    Republic of Iran, most recently extended for 120 days". No Council decision, and no quote naming one."""
    s = settings()
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PDF_FIXTURES / "S_2025_323_pages_1-2.pdf", folder / "S_2025_323.pdf")
    assert not ingest_paths([folder], s).failed
    bot = Briefbot(s)
    question = "Until when is the Iran sanctions regime renewed?"
    hits = bot.retrieve(question)
    # On the full corpus the whole report is about Iran too (UNAMI's reports discuss it throughout); its two
    # pages here are not, and the answer would abstain for that instead: give its passages that place.
    for h in hits:
        h.doc.missions = [*h.doc.missions, "Iran"]
    answer = bot.extractive(question, hits)
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("No indexed Council decision sets a term for this"), answer.answer
    waiver = bot.ask("For how long was the United States sanctions waiver for Iraq's electricity imports extended?")
    assert not waiver.abstained, waiver.answer
    assert waiver.citations[0].paragraph == "7", waiver.answer




@pytest.mark.parametrize(("question", "symbol"), [
    ("Until when did the Security Council renew the Haiti sanctions measures in October 2025?", "S/RES/2794 (2025)"),
    ("Until when did the Security Council renew the Haiti sanctions measures in 2024?", "S/RES/2752 (2024)"),
])
def test_a_renewal_of_the_year_asked_leads(bot: Briefbot, question: str, symbol: str) -> None:
    """The renewal of the year asked leads, not the 2025 report recounting 2752 (2024) with its adoption day ("On
    18 October 2024, the Security Council adopted resolution 2752 (2024), in which it renewed …"), which answered
    "18 October 2024". On the full corpus a year asked also kept the place's own renewals out of the search
    (evals/currency.jsonl holds that case)."""
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, "1"), answer.answer
    assert answer.answer.startswith("**one year from the date of adoption of this resolution** [1]"), answer.answer


def _sentence(bot: Briefbot, symbol: str, words: str, **changes: object) -> Candidate:
    docs = bot.retriever.documents()
    doc = next(d for d in docs.values() if d.symbol == symbol)
    chunk = next(c for c in bot.retriever.store.chunks_of(doc.doc_id) if words in c.text)
    start, end = next((a, b) for a, b in split_sentences(chunk.text) if words in chunk.text[a:b])
    return Candidate(Hit(chunk=chunk, doc=doc, score=1.0, **changes), start, end, 1.0, 0.5)  # type: ignore[arg-type]


def test_a_renewal_continuing_a_quoted_account_is_quoted_and_named_in_the_note(bot: Briefbot) -> None:
    """The Panel's account of 2752 (2024) quoted alone: its renewal 2794 (2025), which the lookup reached from it,
    is quoted beside it (below the citation limit, or in place of another passage at it), the account stays, and
    the note names the renewal it recounts (it read "S/2025/356's account of None")."""
    question = "Which resolution renewed the Haiti sanctions regime?"
    account = _sentence(bot, "S/2025/356", "adopted resolution 2752 (2024)")
    renewal = _sentence(bot, "S/RES/2794 (2025)", "Decides to renew until one year",
                        continues=frozenset({"S/2025/356"}))
    other = _sentence(bot, "S/2025/356", "conducts its investigations in a professional")
    assert _keep_latest([account], [account, renewal], References(), 4) == [account, renewal]
    kept = _keep_latest([account, other], [account, other, renewal], References(), 2)
    assert kept == [account, renewal], [c.hit.doc.symbol for c in kept]
    led, notes = _latest_first(kept, References(), question, [account.hit, renewal.hit])
    assert led[0] is renewal
    assert notes == ["S/2025/356's account of resolution 2752 (2024)"], notes


def test_a_date_that_sets_no_term_is_no_answer_to_when_it_expires() -> None:
    """A browser walk: "When does the Haiti sanctions regime expire?" answered **November 2024**, the month the
    Panel wrote to Member States (S/2025/356, para. 11), quoted first; the renewal quoted third sets the term."""
    from briefbot.answer import direct_line
    from briefbot.models import Citation

    letters = Citation(key="1", document="S_2025_356.pdf", symbol="S/2025/356", page=6, paragraph="11",
                       doc_id="S_2025_356.pdf", doc_type="panel_report", date="2025-06-13",
                       quote="In November 2024, the Panel wrote to those Member States in which Haitian nationals are "
                             "most likely to have assets and/or to which they are most likely to travel.")
    renewal = Citation(key="3", document="S_RES_2794.xml", symbol="S/RES/2794 (2025)", page=None, paragraph="1",
                       doc_id="S_RES_2794.xml", doc_type="resolution", date="2025-10-17",
                       quote="Decides to renew until one year from the date of adoption of this resolution the "
                             "measures imposed by paragraphs 3, 4, 5, 6, 7, 8, and 9 of resolution 2653 (2022) and "
                             "previously extended in resolution 2752 (2024), reaffirms resolution 2664 (2022), and "
                             "affirms that paragraphs 15 and 16 of resolution 2653 (2022) shall continue to apply and "
                             "decides that actions as described in paragraph 15 of resolution 2653 (2022) include "
                             "engaging in activities that destabilize Haiti through the illicit exploitation or trade "
                             "of natural resources;")
    question = "When does the Haiti sanctions regime expire?"
    term = "**one year from the date of adoption of this resolution** [3]"
    assert direct_line([question], [letters, renewal]) == term
    assert direct_line(["When did the Panel write to Member States?"], [letters, renewal]) == "**November 2024** [1]"
