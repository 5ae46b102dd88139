"""Questions of the ninth new-user sweep, on Council decisions no earlier sweep had touched: the DPRK's Panel of
Experts, Iraq's Development Fund and the 1991 measures (real Council XML under tests/fixtures/akn, real index and
model)."""

from __future__ import annotations

import pytest

from akn_support import rules_only_bot
from briefbot.answer import _name_unsaid, direct_answer, extractive_answer
from briefbot.config import Settings
from briefbot.models import Chunk, DocInfo, Hit, Span
from briefbot.refs import parse_references, specific_subject
from briefbot.service import Briefbot

DPRK = "Democratic People's Republic of Korea"


@pytest.mark.parametrize("question", [
    "When the Council first renewed the expert group watching North Korea sanctions, how long did it keep it going?",
    "Which North Korean military unit had its assets frozen by the Council in mid-2017?",
    "Until when did the Council extend the DPRK sanctions Panel of Experts in 2024?",
])
def test_north_korea_is_the_dprk(question: str) -> None:
    # Named no place, these were answered with the South Sudan or Sudan Panel's renewals, worded alike.
    assert parse_references(question).places == [DPRK]


def test_a_paragraph_of_another_resolution_is_no_paragraph_of_the_one_named() -> None:
    refs = parse_references("What did the Council decide in resolution 2107 (2013) on the measures in paragraph 30 "
                            "of resolution 687 (1991)?")
    assert refs.paragraph_of == {"30": 687}
    # "paragraph 1 of resolution 2780" is still 2780's own.
    assert parse_references("What does paragraph 1 of resolution 2780 (2025) decide?").paragraph_of == {"1": 2780}


@pytest.fixture(scope="module")
def iraq(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return rules_only_bot(tmp_path_factory.mktemp("iraq"), "iraq_kuwait_2107")


def test_the_resolution_named_is_quoted_on_the_paragraph_it_names_of_another(iraq: Briefbot) -> None:
    # It abstained: "Paragraph 30 of S/RES/2107 (2013) is not in the indexed text of that document".
    answer = iraq.ask("What did the Council decide in resolution 2107 (2013) on the measures in paragraph 30 of "
                      "resolution 687 (1991)?")
    assert not answer.abstained, answer.answer
    first = answer.citations[0]
    assert first.symbol == "S/RES/2107 (2013)" and first.paragraph == "3", (first.symbol, first.paragraph)
    assert "paragraph 30 of resolution 687 (1991)" in first.quote



@pytest.mark.parametrize("title", [
    "Resolution 1928 (2010): Non-proliferation/Democratic People’s Republic of Korea",
    "Resolution 2680 (2023): Non-proliferation/Democratic People's Republic of Korea",
])
def test_a_record_titled_with_either_apostrophe_is_about_the_dprk(title: str) -> None:
    # The catalogue writes the curly one for most of the DPRK's records: they were of no place, and a question
    # on the DPRK's Panel got South Sudan's latest renewal ("1 July 2027", 2821 (2026)).
    assert parse_references(title, actors=False).places == [DPRK]


def test_a_capital_is_its_country_in_a_record_on_it() -> None:
    # "After Pyongyang's April 2012 rocket launch, …" abstained on S/PRST/2012/13, which says "the DPRK".
    title = "Presidential statement S/PRST/2012/13: Non-proliferation/Democratic People’s Republic of Korea"
    text = ("The Security Council directs the Committee established pursuant to resolution 1718 (2006) to report "
            "to the Security Council within fifteen days.")
    doc = DocInfo(doc_id="d", file_name="d.xml", path=None, sha256="0", source="xml", symbol="S/PRST/2012/13",
                  doc_type="other", title=title, date="2012-04-16", language="en", pages=1, chunks=1, empty_pages=[],
                  warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash="h", doc_id="d", ordinal=0, text=text, spans=[Span(page=None, start=0, end=len(text))],
                  paragraph=None, section=None, kind="body")
    hit = Hit(chunk=chunk, doc=doc, score=1.0)
    question = "After Pyongyang's April 2012 rocket launch, how long did the Council give its committee to report?"
    assert _name_unsaid(question, hit) is None
    assert _name_unsaid(question.replace("Pyongyang", "Tehran"), hit) == "Tehran"


@pytest.fixture(scope="module")
def gulf(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return rules_only_bot(tmp_path_factory.mktemp("gulf"), "gulf_of_guinea")


def test_a_body_of_a_kind_no_quote_names_is_not_answered(gulf: Briefbot) -> None:
    # There is no such committee: 2039 (2012) para. 10's "through UNOWA and UNOCA" was its bold answer.
    answer = gulf.ask("Which sanctions committee did the Council create for pirates in the Gulf of Guinea?")
    assert answer.abstained and "name no committee" in answer.answer, answer.answer[:120]
    # A "which" question asking for something else is still answered.
    answer = gulf.ask("Which countries did resolution 2039 (2012) encourage to extend their joint patrols?")
    assert not answer.abstained and answer.answer.startswith("**Benin and Nigeria**"), answer.answer[:80]


ANALYSIS_P2 = ("A study by the Global Initiative registered a steady increase in the number of Council resolutions "
               "related to organised crime in the past 15 years – with 41 in 2017 alone.")
RES_1829_PARA_1 = ("Requests the Secretary-General to establish the United Nations Integrated Peacebuilding Office in "
                   "Sierra Leone (UNIPSIL), as recommended in his report (S/2008/281) for a period of 12 months "
                   "beginning on 1 October 2008, with the key tasks as specified in paragraphs 3, 4, 5 and 8 below;")


@pytest.mark.parametrize(("question", "quote", "line"), [
    # A count of resolutions is no length of time (Boutellis, "Still Flying Blind", p. 2: it got "15 years").
    ("How many Council resolutions related to organised crime were there in 2017?", ANALYSIS_P2, "41"),
    ("Over how many years did the number of Council resolutions on organised crime rise?", ANALYSIS_P2, "15 years"),
    # "From when" asks where a period begins (the second part of a two-part question got "four months").
    ("from when", RES_1829_PARA_1, "1 October 2008"),
    ("Since when has UNIPSIL been established?", RES_1829_PARA_1, "1 October 2008"),
    ("How long was UNIPSIL meant to run?", RES_1829_PARA_1, "12 months"),
])
def test_lines_of_the_ninth_sweep(question: str, quote: str, line: str) -> None:
    assert direct_answer(question, quote) == line


def test_how_long_a_mission_stays_is_its_mandate() -> None:
    # "stay" was read as what is renewed: no renewal of 2024 says it, and a report's annex answered. (UNIFIL is the
    # glossary's reading of "the UN force in southern Lebanon".)
    assert specific_subject("Under the 2024 renewal, how long can UNIFIL stay?") == set()
    assert specific_subject("Until when is the Panel of Experts on South Sudan extended?") == {"panel", "expert"}
    # A force a country hosts that is not its mission keeps its name: the Gang Suppression Force in Haiti.
    assert {"gang", "suppress", "forc"} <= specific_subject("For how long is the Gang Suppression Force in Haiti "
                                                            "currently authorized?")


RES_1859_PARA_1 = ("Decides to extend until 31 December 2009 the arrangements established in paragraph 20 of "
                   "resolution 1483 (2003) for the depositing into the Development Fund for Iraq of proceeds from "
                   "export sales of petroleum, petroleum products and natural gas;")


def _resolution_hit(symbol: str, date: str, text: str) -> Hit:
    doc = DocInfo(doc_id=symbol, file_name=f"{symbol}.xml", path=None, sha256="0", source="xml", symbol=symbol,
                  doc_type="resolution", title=f"Resolution {symbol}: The situation between Iraq and Kuwait",
                  date=date, language="en", pages=1, chunks=1, empty_pages=[], warnings=[], missions=[],
                  ingested_at="")
    chunk = Chunk(text_hash=symbol, doc_id=symbol, ordinal=0, text=text,
                  spans=[Span(page=1, start=0, end=len(text), label="1")], paragraph="1", section=None, kind="body")
    return Hit(chunk=chunk, doc=doc, score=1.0, dense_score=0.6)


@pytest.mark.parametrize(("after", "abstains"), [("June 2011", True), ("June 2008", False)])
def test_a_renewal_asked_after_a_date_is_one_decided_after_it(after: str, abstains: bool) -> None:
    # 1956 (2010) set the last term; 1859 (2008)'s "31 December 2009" answered the question after June 2011.
    hit = _resolution_hit("S/RES/1859 (2008)", "2008-12-22", RES_1859_PARA_1)
    answer = extractive_answer(f"Until when were the Development Fund for Iraq arrangements extended after {after}?",
                               [hit], Settings(abstain_threshold=0.0, sentence_model_k=0),
                               lambda doc_id, page: RES_1859_PARA_1)
    assert answer.abstained is abstains, answer.answer[:120]
    if abstains:
        assert "none after June 2011" in answer.answer
