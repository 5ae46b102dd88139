"""Year prior, lead quote and the confidence cut: pure table tests, and a seam test on a real index of near-identical
MINUSMA renewals (S/RES/2423 (2018), 2480 (2019), 2531 (2020): real Council XML, the packaged model, real Chroma)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from briefbot.answer import (
    MAX_LEAD_CHARS,
    Candidate,
    _continue_lists,
    _keep_latest,
    _latest_first,
    _lead_quote,
    direct_answer,
    direct_line,
    sub_questions,
    terms,
)
from briefbot.models import Chunk, Citation, DocInfo, Hit, Span
from briefbot.refs import parse_references, question_years, year_fits

REPO = Path(__file__).resolve().parents[1]
MINUSMA = REPO / "tests" / "fixtures" / "akn" / "mandates"


@pytest.mark.parametrize(("question", "years"), [
    ("In its 2023 rollover of the Central African Republic measures, was notice still required?", {2023}),
    ("How many tons of gum arabic were looted between July and December 2024?", {2024}),
    ("Since 2020, how long can a tanker stay listed?", {2020}),
    ("Which resolutions extended the inspections in 2024 and 2025?", {2024, 2025}),
    # A year inside a reference names the document, not the period asked about.
    ("What does paragraph 1 of resolution 2780 (2025) decide?", set()),
    ("How did resolutions 2775 and 2776 (2025) renew the inspections?", set()),
    ("What does S/2025/356 say about eels?", set()),
    ("By what vote was it placed in Schedule IV of the 1971 Convention?", set()),
    ("What is the weapons ban (2024) about?", set()),
    ("How many kidnappings were there?", set()),
])
def test_question_years(question: str, years: set[int]) -> None:
    assert question_years(question) == years


def _doc(doc_type: str, date: str | None, symbol: str = "S/X") -> DocInfo:
    return DocInfo(doc_id=symbol, file_name=f"{symbol}.pdf", path=None, sha256="0", source="pdf", symbol=symbol,
                   doc_type=doc_type, title=None, date=date, language="en", pages=1, chunks=1, empty_pages=[],
                   warnings=[], missions=[], ingested_at="")


@pytest.mark.parametrize(("doc_type", "date", "years", "fits"), [
    ("resolution", "2023-07-27", {2023}, True),
    ("resolution", "2024-07-30", {2023}, False),  # the next renewal is another decision
    ("resolution", "2022-07-29", {2023}, False),
    ("panel_report", "2025-04-15", {2024}, True),  # a 2025 report covers late 2024
    ("sg_report", "2025-04-15", {2025}, True),
    ("sg_report", "2026-01-10", {2024}, False),
    ("resolution", None, {2023}, False),
])
def test_year_fits(doc_type: str, date: str | None, years: set[int], fits: bool) -> None:
    assert year_fits(_doc(doc_type, date), years) is fits


def _candidate(text: str, labels: list[tuple[int, str | None]], sentence: str) -> Candidate:
    spans = [Span(page=1, start=at, end=(labels[i + 1][0] if i + 1 < len(labels) else len(text)), label=label, at=at)
             for i, (at, label) in enumerate(labels)]
    chunk = Chunk(text_hash="h", doc_id="d", ordinal=0, text=text, spans=spans, paragraph=labels[0][1], section=None,
                  kind="body")
    start = text.index(sentence)
    return Candidate(Hit(chunk=chunk, doc=_doc("sg_report", "2025-03-01"), score=1.0), start, start + len(sentence),
                     1.0, 0.5)


def test_lead_quote_takes_its_short_paragraph_whole() -> None:
    text = ("28. On the night of 17 to 18 March, a tanker was boarded by three armed pirates. "
            "Ten of the 18 crew members were kidnapped. "
            "29. On 2 April, a fishing vessel was attacked off Bata.")
    cand = _candidate(text, [(0, "28"), (text.index("29."), "29")], "On the night of 17 to 18 March, a tanker was "
                      "boarded by three armed pirates.")
    lead = _lead_quote("How many crew members were kidnapped from the tanker?", cand, set())
    quote = text[lead.start:lead.end]
    assert quote == ("On the night of 17 to 18 March, a tanker was boarded by three armed pirates. "
                     "Ten of the 18 crew members were kidnapped.")
    assert "Bata" not in quote  # the next paragraph is another incident


def test_quote_of_a_long_paragraph_is_the_best_sentence_and_its_neighbours() -> None:
    filler = "The Panel continued its investigations into the networks concerned in several provinces. " * 9
    text = f"40. {filler}The shipment held 36,000 rounds of ammunition. It was seized at Haina. {filler}"
    question = "Where was the ammunition shipment seized?"
    cand = _candidate(text, [(0, "40")], "The shipment held 36,000 rounds of ammunition.")
    quote = _lead_quote(question, cand, terms(question))
    # The paragraph (~1,900 characters) is too long to quote whole: the window starts at the best sentence, runs
    # on through the sentences after it (the one saying where comes next) and stops within the limit.
    assert quote.start == cand.start and quote.end - quote.start <= MAX_LEAD_CHARS
    assert text[quote.start:quote.end].startswith("The shipment held 36,000 rounds of ammunition. It was seized at "
                                                  "Haina. The Panel continued")
    assert text[quote.end - 1] == "."  # whole sentences only
    # Near the end of the paragraph the window takes the sentences before it as well, never the next paragraph.
    tail = f"40. {filler}It was seized at Haina. 41. Another matter entirely."
    last = _candidate(tail, [(0, "40"), (tail.index("41."), "41")], "It was seized at Haina.")
    quote = _lead_quote(question, last, terms(question))
    assert tail[quote.start:quote.end].endswith("It was seized at Haina.") and quote.start < last.start
    assert quote.end - quote.start <= MAX_LEAD_CHARS


def test_colon_quote_runs_on_into_what_it_introduces() -> None:
    text = "I have appointed the following experts: Ms. Lydelle Joubert (maritime); Mr. Gibb (coordinator)."
    cand = _candidate(text, [(0, None)], "I have appointed the following experts:")
    quote = _lead_quote("Which expert covers maritime issues?", cand, set())
    assert text[quote.start:quote.end] == text


def test_sub_questions_and_the_direct_line_of_each() -> None:
    assert sub_questions("Which resolutions extended the inspections in 2024 and 2025, and for how long was the "
                         "2025 extension?") == ["Which resolutions extended the inspections in 2024 and 2025",
                                                "for how long was the 2025 extension"]
    assert sub_questions("How many hailings, friendly approaches and inspections were carried out between "
                         "1 November 2024 and 14 April 2025?") == [
        "How many hailings, friendly approaches and inspections were carried out between 1 November 2024 and "
        "14 April 2025?"]
    parts = sub_questions("How many migrants were intercepted, and how many died at sea?")
    cites = [Citation(key=k, document="d.pdf", symbol=None, page=1, paragraph=None, doc_id="d.pdf", quote=q)
             for k, q in (("1", "In 2024, 21,700 migrants were intercepted at sea."),
                          ("2", "At least 962 migrants died at sea."))]
    assert direct_line(parts, cites) == "**21,700 migrants** [1]; **At least 962 migrants** [2]"


def test_direct_answer_leaves_generic_bodies_and_subordinate_when_clauses() -> None:
    quote = "After consulting the Security Council Committee, I have appointed Lydelle Joubert (maritime)."
    assert direct_answer("Which expert covers maritime issues?", quote) == "Lydelle Joubert"
    # The verb opening a resolution's paragraph is not a name ("Recalls the Secretary General’s" was one).
    assert direct_answer("Which experts were killed in the DRC?", "Recalls the Secretary General’s commitment "
                         "regarding the killing of the two members of the Group of Experts") is None
    assert direct_answer("When the embargo was renewed in 2022, was there any exemption?",
                         "On 20 February 2018 the Council exempted non-lethal equipment.") is None
    assert direct_answer("How much marijuana was seized?", "Police seized 2.6 metric tons of marijuana.") == \
        "2.6 metric tons"
    assert direct_answer("How much was budgeted for security in 2025?",
                         "In 2025, media reported that 36 billion gourdes were set aside.") == "36 billion gourdes"


def _fit_module() -> Any:
    spec = importlib.util.spec_from_file_location("fit_confidence", REPO / "evals" / "fit_confidence.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_confidence_cut_keeps_wrong_abstentions_under_the_bound() -> None:
    best_cut = _fit_module().best_cut
    # 20 answerable, 5 unanswerable, overlapping scores: abstaining on the two lowest answerable (10 %) would
    # catch every unanswerable one; a 5 % bound allows one of them.
    z = np.array([-3.0, -2.0, -1.5, -1.0, 0.5, -2.5, -1.2, *np.linspace(1, 5, 18)])
    y = np.array([0] * 5 + [1] * 20, dtype=float)
    for bound in (0.0, 0.05, 0.1):
        cut = best_cut(z, y, bound)
        wrong = float(((z < cut) & (y == 1)).sum()) / 20
        assert wrong <= bound
    assert ((z < best_cut(z, y, 0.0)) & (y == 0)).sum() == 1  # only -3.0 lies below every answerable score
    assert ((z < best_cut(z, y, 0.05)) & (y == 0)).sum() == 3
    assert ((z < best_cut(z, y, 0.1)) & (y == 0)).sum() == 5


# --- seam: near-identical renewals told apart by the year the question names ------------------------------
@pytest.fixture(scope="module")
def minusma(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths
    from briefbot.service import Briefbot

    root = tmp_path_factory.mktemp("years")
    shutil.copytree(MINUSMA / "xml_en", root / "xml_en")
    settings = Settings(index=root / "index")
    assert not ingest_paths([root / "xml_en"], settings).failed
    return Briefbot(settings)


@pytest.mark.parametrize(("year", "symbol"), [(2018, "S/RES/2423 (2018)"), (2019, "S/RES/2480 (2019)"),
                                              (2020, "S/RES/2531 (2020)")])
def test_the_named_years_renewal_leads(minusma: Any, year: int, symbol: str) -> None:
    question = f"In its {year} renewal, until when did the Council extend the mandate of MINUSMA?"
    hits = minusma.retrieve(question)
    assert hits[0].doc.symbol == symbol
    answer = minusma.extractive(question, hits)
    assert not answer.abstained and answer.citations[0].symbol == symbol


def test_direct_answer_says_where() -> None:
    seized = "In May 2025 the shipment was seized at the port of Haina."
    assert direct_answer("Where was the shipment seized?", seized) == "Haina"
    assert direct_answer("Where in Afghanistan has opium growing moved?", "Cultivation shifted to the north-eastern "
                         "provinces, in particular Badakhshan Province.") == "Badakhshan Province"
    assert direct_answer("Where in Nyala are weapons traded?", "Arms are sold at Al Malaja and Al Qadra markets in "
                         "Nyala.") == "Al Malaja and Al Qadra"
    assert direct_answer("Where was the shipment seized?", "The shipment was seized in May 2025.") is None


def test_quote_ending_its_passage_on_a_colon_is_followed_by_the_next_passage() -> None:
    intro = _candidate("I wish to inform you that I have appointed the following experts:", [(0, None)],
                       "I wish to inform you that I have appointed the following experts:")
    names = "Ms. Lydelle Joubert, maritime issues (South Africa) Mr. Matthew Rosbottom, armed groups. I remain."
    chunk = Chunk(text_hash="h2", doc_id="d", ordinal=1, text=names, spans=[Span(page=1, start=0, end=len(names))],
                  paragraph=None, section=None, kind="body")
    nxt = Hit(chunk=chunk, doc=intro.hit.doc, score=0.5)
    other = _candidate("An unrelated passage of another document on armed groups.", [(0, "3")],
                       "An unrelated passage of another document on armed groups.")
    out = _continue_lists([intro, other], [intro.hit, other.hit, nxt], 4)
    assert [c.hit for c in out] == [intro.hit, nxt, other.hit]
    assert names[out[1].start:out[1].end] == names
    assert _continue_lists([intro, other], [intro.hit, other.hit, nxt], 2)[1].hit is nxt  # the weakest gives way
    assert _continue_lists([other], [other.hit, nxt], 4) == [other]  # no colon, nothing added


def _renewal(number: int, year: int, until: str, score: float, text: str = "",
             country: str = "Libya") -> Candidate:
    text = text or (f"Decides to extend until {until} the mandate of the Panel of Experts established by paragraph "
                    "24 of resolution 1973 (2011) and decides that the Panel's mandated tasks shall remain as defined;")
    doc = DocInfo(doc_id=f"r{number}", file_name=f"r{number}.xml", path=None, sha256="0", source="bulk",
                  symbol=f"S/RES/{number} ({year})", doc_type="resolution",
                  title=f"Resolution {number} ({year}): {country} — sanctions, Panel of Experts", date=f"{year}-03-01",
                  language="en", pages=1, chunks=1, empty_pages=[], warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash=f"h{number}", doc_id=doc.doc_id, ordinal=0, text=text,
                  spans=[Span(page=1, start=0, end=len(text), label="24", at=0)], paragraph="24", section=None,
                  kind="body")
    return Candidate(Hit(chunk=chunk, doc=doc, score=score), 0, len(text), score, 1.0)


def test_the_newest_renewal_is_not_the_one_the_citation_limit_cuts() -> None:
    """Five renewals of one decision score alike; four are chosen by score, and the newest must be among them."""
    older = [_renewal(2362, 2017, "15 November 2018", 1.373), _renewal(2769, 2025, "15 May 2026", 1.373),
             _renewal(2144, 2014, "13 April 2015", 1.371), _renewal(2278, 2016, "31 July 2017", 1.369)]
    newest = _renewal(2819, 2026, "15 August 2027", 1.365)
    question = parse_references("Until when is the Libya Panel of Experts mandate extended?")
    kept = _keep_latest(older, [*older, newest], question, 4)
    assert newest in kept and len(kept) == 4
    assert older[3] not in kept  # the lowest-scored older renewal made room
    # A question naming a document keeps what was chosen for it.
    named = parse_references("Until when did resolution 2769 (2025) extend the Panel?")
    assert _keep_latest(older, [*older, newest], named, 4) == older
    # Another country's renewal is another series.
    other = _renewal(2821, 2026, "1 July 2027", 1.365)
    other.hit.doc.title = "Resolution 2821 (2026): South Sudan — sanctions, Panel of Experts"
    assert _keep_latest(older, [*older, other], question, 4) == older


# S/RES/2789 (2025) para. 1 renews two things in one paragraph, in other words than the Panel renewals before it.
CAR_2789 = ("Decides to extend, until 31 July 2026, the measures as set out or extended in paragraphs 2 and 4 of "
            "resolution 2745 (2024), decides to extend, until 31 August 2026, the mandate of the Panel of Experts as "
            "set forth in paragraph 6 of resolution 2745 (2024), and reaffirms paragraphs 1, 3, 5, and 7 through 12 "
            "of resolution 2745 (2024), noting that references to midterm and final reports of the Panel of Experts "
            "should be updated to 31 January 2026 and 15 June 2026, respectively;")


def _car_panel(number: int, year: int, until: str, score: float) -> Candidate:
    return _renewal(number, year, until, score, country="Central African Republic", text=(
        f"Decides to extend the mandate of the Panel of Experts until {until}, expresses its intent to review the "
        "mandate and take appropriate action regarding further extension no later than 31 January 2019 and requests "
        "the Secretary-General to take the necessary administrative measures as expeditiously as possible;"))


def test_a_renewal_of_two_decisions_in_one_paragraph_is_the_latest_of_each_series() -> None:
    """The Central African Republic Panel: 2789 (2025) is the current renewal though its paragraph also renews the
    measures; its Panel clause is what the older Panel renewals are superseded by, and its Panel date answers."""
    older = [_car_panel(2196, 2015, "29 February 2016", 1.357), _car_panel(2399, 2018, "28 February 2019", 1.356),
             _car_panel(2262, 2016, "28 February 2017", 1.355), _car_panel(2339, 2017, "28 February 2018", 1.327)]
    newest = _renewal(2789, 2025, "", 1.289, text=CAR_2789, country="Central African Republic")
    question = "Until when did the Council extend the mandate of the Panel of Experts on the Central African Republic?"
    refs = parse_references(question)
    kept = _keep_latest(older, [*older, newest], refs, 4)
    assert newest in kept and older[3] not in kept
    ordered, superseded = _latest_first(kept, refs, question)
    assert ordered[0] is newest and len(superseded) == 3
    assert direct_answer(question, CAR_2789) == "31 August 2026"
    assert direct_answer("Until when are the measures on the Central African Republic extended?",
                         CAR_2789) == "31 July 2026"
    assert direct_answer("When is the midterm report of the Panel of Experts due?", CAR_2789) == "31 January 2026"
    # The measures clause alone is not the Panel's series.
    measures = _renewal(2790, 2025, "", 1.289, country="Central African Republic", text=(
        "Decides to renew until 31 July 2026 the measures as set out in paragraphs 2 and 4 of resolution 2745 (2024);"))
    assert _keep_latest(older, [*older, measures], refs, 4) == older


def test_a_count_answers_only_with_a_figure_of_the_thing_counted() -> None:
    # S/2025/303, para. 24: "several Glock pistols" and "13 pistol magazines" say nothing of how many pistols.
    seizure = ("The confiscated weapons included a Barrett .50 calibre rifle, 17 VSKA and WASR-10 rifles (7.62 mm), "
               "several Glock pistols and an Uzi submachine gun. Authorities also seized more than 36,000 rounds of "
               "various calibres, 18 rifle magazines, 13 pistol magazines, a .50 calibre rifle magazine.")
    assert direct_answer("How many Glock pistols were in the arms shipment?", seizure) is None
    assert direct_answer("How many pistol magazines were seized?", seizure) == "13 pistol magazines"
    assert direct_answer("How many Glock pistols were seized?", "The haul included 30 rifles of various calibres, "
                         "six Glock Gen5 pistols (9mm)") == "six Glock Gen5 pistols"
    # A seizure told by what was found, beside a figure of another act: the diverted rounds were not seized.
    diverted = "Some 900,000 rounds had been diverted from national stockpiles since 2023."
    assert direct_answer("How many rounds were confiscated?", "The haul included 1,200 rounds of 7.62 mm ammunition "
                         "and two rifles. " + diverted) == "1,200 rounds"
    assert direct_answer("How many rounds of ammunition did the authorities seize?",
                         diverted + " The Panel documented the trafficking routes.") is None
    assert direct_answer("How many rounds of ammunition were seized in the operation?",
                         diverted + " The Panel documented the trafficking routes.") is None
    # Words, not stems: "including" is no "included", "containers" no "contained"; a capture or a possession found
    # is a seizure; a sum a seized thing is worth is not a count of it (a second reader's finds).
    assert direct_answer("How many rounds were seized?", diverted[:-1] + ", including to armed groups.") is None
    assert direct_answer("How many rifles were seized?", "In 2024, 3,000 rifles were trafficked into Haiti in "
                         "containers.") is None
    assert direct_answer("How many rifles were seized?", "Police captured 45 rifles in the raid.") == "45 rifles"
    assert direct_answer("How many rounds were seized?", "The police apprehended two men in possession of 2,695 "
                         "rounds of ammunition.") == "2,695 rounds of ammunition"
    assert direct_answer("How much was the cocaine seized at Bissau airport worth?", "Authorities seized 2.6 tons of "
                         "cocaine at the airport. Its street value was estimated at $100 million.") == "$100 million"
    # The figure compared with is not the one said (S/2025/482, para. 103; a sweep of analyst questions).
    revenue = ("One Member State assessed that Al-Shabaab’s annual revenue could be significantly higher than the "
               "commonly reported $100 million, potentially reaching more than $200 million.")
    assert direct_answer("How much annual revenue might Al-Shabaab be raising, according to a Member State "
                         "assessment?", revenue) == "more than $200 million"
    # One thing asked, one figure: not the dead and the detained beside those returned (S/2025/223, para. 58).
    returned = ("In 2024, the Libyan Coast Guard intercepted 21,762 migrants and refugees at sea and returned them to "
                "Libya, with 665 persons reported dead and 1,034 missing. As at 23 March, more than 5,000 migrants "
                "and refugees, including 1,156 persons of concern to UNHCR, were being arbitrarily detained.")
    assert direct_answer("How many people did Libya's coast guard pull back from the Mediterranean during 2024?",
                         returned) == "21,762 migrants and refugees"
    # A class asked is answered by its kinds (a second reader's find), and "greater than" bounds the figure it says.
    assert direct_answer("How many firearms were in the shipment bound for Miragoane?", "The shipment bound for "
                         "Miragoâne held 8 rifles and 14 pistols.") == "8 rifles; 14 pistols"
    assert direct_answer("How many fighters does ISWAP have?", "Member States assessed ISWAP's strength to be greater "
                         "than 5,000 fighters.") == "5,000 fighters"
    # "portion" asks a part only as "what portion": "the northern portion of Gaza" is a place.
    assert direct_answer("How many people were displaced from the northern portion of Gaza?", "Approximately 1 "
                         "million people were displaced from the northern portion of the Gaza Strip, nearly half of "
                         "its population.") == "Approximately 1 million people"
    # S/2025/303, para. 15: "the deaths of several criminals" is no count; "two officers" were injured.
    assert direct_answer("How many criminals were killed when the police recovered the Magalie?", "a five-hour gun "
                         "battle that resulted in injuries to two officers and the deaths of several criminals."
                         ) is None
    # What a phrase ends with is what it counts, past its modifiers (S/2025/472, para. 47; S/2025/420, para. 41).
    assert direct_answer("How many trained MSS officers were waiting in Nairobi?", "260 trained and ready to deploy "
                         "officers are still on standby, in Nairobi.") == "260 trained and ready to deploy officers"
    assert direct_answer("How many Haitians left the Dominican Republic of their own accord?", "nearly 60,000 "
                         "Haitians departed the country through a government-supported voluntary return programme"
                         ) == "nearly 60,000 Haitians"


def test_a_sum_of_money_is_not_a_share_and_a_later_quote_must_be_on_the_subject() -> None:
    assert direct_answer("How much money did Hamas receive through cryptocurrency donations?",
                         "About 80% of the donations went through cryptocurrencies.") is None
    assert direct_answer("How much has the price of rice climbed?", "Rice has seen prices rise by more than 30 per "
                         "cent since 2022") == "more than 30 per cent"
    cites = [Citation(key=k, document="d.pdf", symbol=None, page=1, paragraph=None, doc_id="d.pdf", quote=q)
             for k, q in (("1", "On 9 and 11 November, SAF launched air strikes on Nyala airport."),
                          ("2", "On 24 May, an air strike in Khan Yunis killed 9 of her 10 children."))]
    # [2] is about Gaza: its figure does not answer for Nyala (the lead quote may; a later one must say Nyala).
    assert direct_line(["How many civilians were killed in the SAF air strikes on Nyala?"], cites) is None
    cites[1].quote = "The strikes on Nyala killed 31 civilians."
    assert direct_line(["How many civilians were killed in the SAF air strikes on Nyala?"], cites) == \
        "**31 civilians** [2]"


def test_a_figure_of_another_period_or_a_rate_does_not_answer_a_count() -> None:
    # S/2025/239, paras. 84 and 89: the Panel reports the first half of 2024 and a fee per ton, not July-December.
    question = "How many tons of gum arabic were looted in Darfur between July and December 2024?"
    assert direct_answer(question, "Traders confirmed that around 3,700 tons had been looted from January to June "
                         "2024.") is None
    assert direct_answer(question, "The fees charged for one ton of gum Arabic were as much as $2,200.") is None
    # (The paragraph names what its tons are of a sentence later: "tons of gum arabic" asks how much gum arabic.)
    assert direct_answer(question.replace("July and December", "January and June"), "Traders confirmed that around "
                         "3,700 tons had been looted from January to June 2024. The looting of gum Arabic and other "
                         "items was condoned by commanders.") == "around 3,700 tons"
    # A later quote must be of the question's months as well as its names.
    cites = [Citation(key=k, document="d.pdf", symbol=None, page=1, paragraph=None, doc_id="d.pdf", quote=q)
             for k, q in (("1", "Gum arabic looting in Darfur was condoned by commanders."),
                          ("2", "Darfur production fell to between 50,000 and 70,000 tons of gum arabic."))]
    assert direct_line([question], cites) is None


@pytest.mark.parametrize(("question", "quote", "span"), [
    # A second reader's probes of the counted-noun rule: each was answered before it and lost by its first version.
    ("How many peacekeepers were killed in 2024?", "Casualties in 2024: 12 peacekeepers were killed",
     "12 peacekeepers"),
    ("How many killings were gangs responsible for?", "Gangs were responsible for 1,494 killings", "1,494 killings"),
    ("How many vessels did they inspect?", "They inspected 14 vessels off the coast", "14 vessels"),
    ("How many peacekeepers died?", "Since 1948, 4,300 peacekeepers lost their lives", "4,300 peacekeepers"),
    ("How many people face acute food insecurity?", "Some 24.6 million people face acute food insecurity",
     "Some 24.6 million people"),
    ("How many weapons were seized?", "Customs seized 37 firearms", "37 firearms"),
    ("How many kilograms of cocaine were seized?", "Police seized 1,200 kg of cocaine", "1,200 kg"),
    ("How many Sudanese fled to Chad?", "Over 600,000 Sudanese refugees fled to Chad",
     "Over 600,000 Sudanese refugees"),
    ("How many people did the Mayor of Port-au-Prince say were killed?", "In March, 120 people were killed",
     "120 people"),  # "Mayor" is no month
    ("According to the report of 30 December 2024, how many people were displaced?", "As at 15 November, 12,000 "
     "people had been displaced", "12,000 people"),  # the report's date is not the time asked about
    ("How many women and children were killed?", "12 women and 30 children were killed", "12 women; 30 children"),
])
def test_a_count_reads_its_noun_in_the_reports_words(question: str, quote: str, span: str) -> None:
    assert direct_answer(question, quote) == span


def test_a_later_quote_names_the_question_in_its_own_forms() -> None:
    cites = [Citation(key=k, document="d.pdf", symbol=None, page=1, paragraph=None, doc_id="d.pdf", quote=q)
             for k, q in (("1", "The Dominican Republic continued forcible repatriations."),
                          ("2", "More than 119,000 Haitian nationals were repatriated."))]
    assert direct_line(["How many Haitians were repatriated?"], cites) == \
        "**More than 119,000 Haitian nationals** [2]"


def test_terms_are_the_callers_own_set() -> None:
    # terms() is cached; a caller that changes its set must not change what the next caller gets.
    from briefbot.cite import term_set, terms

    first = terms("Arms embargo on South Sudan")
    first.add("intrus")
    assert "intrus" not in terms("Arms embargo on South Sudan")
    assert term_set("Arms embargo on South Sudan") == frozenset(terms("Arms embargo on South Sudan"))
