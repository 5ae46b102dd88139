"""Currency when the asked country's decisions rank below other regimes' alike-worded ones: "Until when is the
Mali sanctions regime renewed?" had the Mali renewals at ranks 7 and 8 of the full index, under the DRC's and South
Sudan's, and the later-renewal lookup read only the first five hits: it answered 31 August 2022 (2590 (2021)), not
31 August 2023 (2649 (2022)). Real Council XML (tests/fixtures/akn/mali_sanctions), real index."""

from __future__ import annotations

import shutil

import pytest

from akn_support import indexed_fixture
from briefbot.answer import direct_answer
from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.models import Hit
from briefbot.refs import renewed_missions, renews_subject, same_subject, specific_subject
from briefbot.service import Briefbot
from conftest import SHARED

QUESTION = "Until when is the Mali sanctions regime renewed?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("mali"), "mali_sanctions"))


def test_the_asked_countrys_renewal_below_other_regimes_is_followed(bot: Briefbot) -> None:
    """The full index's order, rebuilt from this index's passages: five other regimes' renewals first, then the
    Mali renewal of 2021, without its successor."""
    retriever = bot.retriever
    hits = bot.retrieve(QUESTION, k=10)
    mali = [h for h in hits if h.doc.symbol == "S/RES/2590 (2021)"]
    others = [h for h in hits if h.doc.symbol in ("S/RES/2360 (2017)", "S/RES/2198 (2015)", "S/RES/2293 (2016)",
                                                  "S/RES/2821 (2026)", "S/RES/2781 (2025)")]
    assert mali and len(others) >= 5
    order = others[:5] + mali[:1]
    docs = {d.doc_id: d for d in retriever.store.documents()}
    out = retriever._with_later_renewals(order, docs, None, None, {"mali"})
    assert [h.doc.symbol for h in out][5:7] == ["S/RES/2590 (2021)", "S/RES/2649 (2022)"]


def test_the_answer_is_the_last_renewal(bot: Briefbot) -> None:
    answer = bot.ask(QUESTION)
    assert answer.answer.startswith("**31 August 2023** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/RES/2649 (2022)"


def test_an_until_when_question_reads_a_term_counted_from_the_adoption() -> None:
    quote = ("Decides to renew until one year from the date of adoption of this resolution the measures imposed by "
             "paragraphs 3, 4, 5, 6, 7, 8, and 9 of resolution 2653 (2022)")
    assert direct_answer("Until when is the Haiti sanctions regime renewed?", quote) == \
        "one year from the date of adoption of this resolution"


@pytest.mark.shared
def test_a_report_recounting_an_old_renewal_gives_way_to_the_current_one(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The Haiti Panel's report (S/2025/356) opens "On 18 October 2024, the Security Council adopted resolution
    2752 (2024), in which it renewed the sanctions regime on Haiti"; the answer led with that date. 2752's
    renewal is followed to 2794 (2025), which leads with the term it sets (on the full index the report ranks
    first and is said to be superseded)."""
    tmp = tmp_path_factory.mktemp("haiti")
    xml = SHARED / "bulk" / "unxml_sc" / "xml_en" / "resolutions"
    files = [SHARED / "S_2025_356.pdf", *xml.glob("2024/S_RES_2752*.xml"), *xml.glob("2025/S_RES_2794*.xml")]
    assert len(files) == 3
    for f in files:
        shutil.copy(f, tmp / f.name)
    settings = Settings(index=tmp / "index")
    assert not ingest_paths([tmp / f.name for f in files], settings).failed
    answer = Briefbot(settings).ask("Until when is the Haiti sanctions regime renewed?")
    assert answer.citations[0].symbol == "S/RES/2794 (2025)", answer.answer
    assert answer.answer.startswith("**one year from the date of adoption of this resolution** [1]")
    assert "18 October 2024** [1]" not in answer.answer


def test_a_term_counted_from_a_date_is_answered_whole_not_by_its_start() -> None:
    """S/RES/2816 (2026) para. 2 continues the Monitoring Team "for a period of twelve months from the date of
    expiration of the current mandate in February 2026": February 2026 is where the term starts. A compound
    number is read whole ("twenty-four months" or "twenty four months", not its "four months")."""
    question = "Until when is the mandate of the 1267 Monitoring Team extended?"
    quote = ("Decides, in order to assist the Committee in fulfilling its mandate, that the 1267/1988 Analytical "
             "Support and Sanctions Monitoring Team (Monitoring Team), established pursuant to paragraph 7 of "
             "resolution 1526 (2004), shall continue to support the Committee for a period of twelve months from the "
             "date of expiration of the current mandate in February 2026 with the mandate set forth in the annex")
    assert direct_answer(question, quote) == \
        "twelve months from the date of expiration of the current mandate in February 2026"
    older = quote.replace("twelve", "twenty-four").replace("February 2026", "December 2017")
    assert direct_answer(question, older) == \
        "twenty-four months from the date of expiration of the current mandate in December 2017"
    # S/RES/2253 (2015) para. 54 writes it without the hyphen.
    assert direct_answer(question, older.replace("twenty-four", "twenty four")) == \
        "twenty four months from the date of expiration of the current mandate in December 2017"
    assert direct_answer(question, "Decides to extend until 15 May 2026 the mandate") == "15 May 2026"


def test_a_renewals_closing_formula_does_not_make_two_bodies_one_subject() -> None:
    """The Monitoring Team's renewal (S/RES/2734 (2024) para. 101) and the Yemen Panel's (S/RES/2801 (2025) para.
    17) close alike ("expresses its intention to review the mandate and take appropriate action regarding further
    extension no later than …"): the later-renewal lookup took the Panel for the Team's successor."""
    team = ("Decides, in order to assist the Committee in fulfilling its mandate, as well as to support the "
            "Ombudsperson, to extend the mandate of the current New York-based Monitoring Team and its members, "
            "established pursuant to paragraph 7 of resolution 1526 (2004), for a further period of 36 months from "
            "the expiration of its current mandate in June 2024, and expresses its intention to review the mandate "
            "and take appropriate action regarding the further extension no later than 17 May 2027, under the "
            "direction of the Committee with the responsibilities outlined in annex I, and requests the "
            "Secretary-General to make the necessary arrangements to this effect;")
    panel = ("Decides to extend until 15 December 2026 the mandate of the Panel of Experts as set out in paragraph "
             "21 of resolution 2140 (2014), and paragraph 21 of resolution 2216 (2015), expresses its intention to "
             "review the mandate and take appropriate action regarding further extension no later than 14 November "
             "2026, and requests the Secretary-General to take the necessary administrative measures as "
             "expeditiously as possible to re-establish the Panel of Experts, in consultation with the Committee "
             "until 15 December 2026, drawing, as appropriate, on the expertise of the members of the Panel "
             "established pursuant to resolution 2140 (2014);")
    assert not same_subject(team, panel)
    earlier_panel = panel.replace("15 December 2026", "15 November 2025").replace("14 November 2026", "15 October "
                                                                                   "2025")
    assert same_subject(panel, earlier_panel)


def test_a_renewal_is_not_succeeded_by_another_regimes_naming_the_same_exemption(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The DPRK Panel's last renewal, 2680 (2023), renews it "as specified in paragraph 26 of resolution 1874
    (2009) and modified in … paragraph 6 of resolution 2664 (2022)"; South Sudan's Panel renewal 2821 (2026)
    recalls that paragraph too, and the lookup took it for the DPRK Panel's successor (the answer said 1 July
    2027). Only the resolution that set the Panel up (1874) ties renewals by number."""
    bot = Briefbot(indexed_fixture(tmp_path_factory.mktemp("dprk"), "dprk_panel"))
    retriever = bot.retriever
    docs = retriever.documents()
    last = next(d for d in docs.values() if d.symbol == "S/RES/2680 (2023)")
    chunk = next(c for c in retriever.store.chunks_of(last.doc_id) if c.paragraph == "1")
    assert retriever._renewal_of(last.symbol or "", last.date or "", chunk.text, docs, None, None, "1") is None
    answer = bot.ask("Until when is the mandate of the Panel of Experts on the Democratic People's Republic of "
                     "Korea extended?")
    assert answer.answer.startswith("**30 April 2024** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/RES/2680 (2023)"


def test_a_panel_question_is_answered_by_the_panels_renewal_not_the_arms_renewal_beside_it(bot: Briefbot) -> None:
    """South Sudan's 2821 (2026) renews the arms measures in paragraph 1 and the Panel in paragraph 18, worded
    alike ("Decides to renew/extend until … paragraph … of resolution 2428 (2018)"). On the full index the arms
    renewal ranked first and the Panel's 2781 (2025) para. 18 fifth: the answer led with 31 May 2027 and called
    2781 superseded by it, and the Panel's own successor, of the same day as the arms renewal, was not brought
    in. That order, rebuilt from this index's passages:"""
    question = "Until when is the mandate of the Panel of Experts on South Sudan extended?"
    retriever = bot.retriever
    docs = {d.doc_id: d for d in retriever.store.documents()}
    retriever.store.fill_about(docs.values())

    def passage(symbol: str, paragraph: str, score: float) -> Hit:
        doc = next(d for d in docs.values() if d.symbol == symbol)
        chunk = next(c for c in retriever.store.chunks_of(doc.doc_id) if c.paragraph == paragraph)
        return Hit(chunk=chunk, doc=doc, score=score)

    order = [passage("S/RES/2821 (2026)", "1", 0.033), passage("S/RES/2781 (2025)", "18", 0.032)]
    out = retriever._with_later_renewals(order, docs, None, None, {"south sudan"})
    assert [(h.doc.symbol, h.chunk.paragraph) for h in out] == [
        ("S/RES/2821 (2026)", "1"), ("S/RES/2781 (2025)", "18"), ("S/RES/2821 (2026)", "18")]
    answer = bot.extractive(question, out)
    assert answer.answer.startswith("**1 July 2027** [1]"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2821 (2026)", "18")


def test_what_a_renewal_question_asks_about() -> None:
    """The Panel when it asks about the Panel; a sanctions regime renewed as "the measures"; half the words of a
    longer subject, so another authorisation is not the one asked about."""
    assert specific_subject("Until when is the mandate of the Yemen Panel of Experts extended?") == {"panel", "expert"}
    assert specific_subject("Until when is the mandate of UNMISS extended?") == set()
    assert not renews_subject({"panel", "expert"}, "Decides to extend until 28 January 2026 the mandate of UNMHA")
    assert renews_subject(specific_subject("Until when are the Yemen sanctions measures renewed?"),
                          "Decides to renew until 14 November 2026 the measures imposed by paragraphs 11 and 15")
    assert renews_subject(specific_subject("Until when is the Sudan sanctions regime renewed?"),
                          "and decides to reaffirm and renew these measures until 12 September 2026")
    assert not renews_subject(specific_subject("Until when is the Sudan sanctions regime renewed?"),
                              "Decides to extend the mandate of UNMIS until 30 April 2008")
    migrants = specific_subject("Until when are the authorizations for the inspection of vessels off Libya for "
                                "migrant smuggling renewed?")
    assert not renews_subject(migrants, "Decides to extend until 1 August 2027 the authorisations and the measures "
                                        "in resolution 2146 (2014)")


def test_a_missions_renewal_worded_apart_names_the_mission_it_extends() -> None:
    """UNMHA's last renewal, 2813 (2026), "decides to extend UNMHA’s mandate for a final two-month period until
    31 March 2026", shares too few words with 2786 (2025)'s "Decides to extend until 28 January 2026 the mandate
    of UNMHA" to be read as the same decision; the mission it extends by name ties them."""
    last = ("Takes note of the Secretary-General’s letter (S/2025/766) dated 25 November 2025 and decides to extend "
            "UNMHA’s mandate for a final two-month period until 31 March 2026, during which time the Mission will "
            "conduct the effective, efficient and safe drawdown of the Mission")
    assert renewed_missions(last) == {"UNMHA"}
    assert renewed_missions("Decides to extend until 28 January 2026 the mandate of UNMHA, as contained in "
                            "resolution 2691 (2023)") == {"UNMHA"}
    assert renewed_missions("Decides to extend the mandate of the Panel of Experts until 1 July 2027, and "
                            "requests UNMISS to support the Panel") == set()
    # Mali's Panel renewed with a request to the mission is no renewal of MINUSMA (2649 (2022) para. 4) …
    assert renewed_missions("Decides to extend until 30 September 2023 the mandate of the Panel of Experts, as set "
                            "out in paragraphs 11 to 15 of resolution 2374 (2017), as well as the request to "
                            "MINUSMA, as set out in paragraph 16 of resolution 2374 (2017)") == set()
    # … and a mission named before the verb is still the one renewed.
    assert renewed_missions("Decides that the mandate of UNOCI as set out in paragraphs 15 and 18 below shall be "
                            "extended for a final period until 30 June 2017") == {"UNOCI"}
