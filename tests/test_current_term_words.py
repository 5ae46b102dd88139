"""The term running now, asked without "until when": "Which resolution most recently extended the sanctions measures
on Haiti?", "Are the Haiti sanctions still in force?", "What is the current term …?". Each answered with an older
decision or a report's sentence sharing the words "current" or "still" (a helper's held-out probes and the last
session's list of failures). Real Council XML (tests/fixtures/akn/haiti_sanctions, drc_group_chain), real index."""

from __future__ import annotations

import datetime

import pytest

from akn_support import indexed_fixture
from briefbot.answer import Candidate, _one_series
from briefbot.mandates.analysis import until_date
from briefbot.models import Answer, Chunk, DocInfo, Hit, Span
from briefbot.refs import asks_term, renewal_subject, renewed_object
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def haiti(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("haiti"), "haiti_sanctions"))


@pytest.fixture(scope="module")
def drc(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("drc"), "drc_group_chain"))


def test_these_words_ask_for_a_term() -> None:
    for question in ("Which resolution most recently extended the sanctions measures on Haiti?",
                     "Are the Haiti sanctions still in force?", "Does the Libya asset freeze still apply?"):
        assert asks_term(question), question
    # "still in force" says whether it runs, not that a force is asked about
    assert renewal_subject("Are the Haiti sanctions still in force?", places=False) == {"sanction"}
    assert "forc" in renewal_subject("Until when is the MSS force authorized?", places=False)


@pytest.mark.parametrize("question", [
    "Which resolution most recently extended the sanctions measures on Haiti?",
    "Are the Haiti sanctions still in force?",
    "What is the current term of the Haiti sanctions measures?",
])
def test_the_latest_of_renewals_worded_alike_leads(haiti: Briefbot, question: str) -> None:
    """2700, 2752 and 2794 renew "until one year from the date of adoption of this resolution": the same words,
    so no term differed and the oldest quoted, or BINUH's 2785 naming "the sanctions measures", led."""
    answer = haiti.ask(question)
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2794 (2025)", "1"), answer.answer
    assert "S/RES/2785" not in answer.answer.split("\n", 1)[0]


def test_a_term_counted_from_adoption_is_dated_and_said_past(haiti: Briefbot,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    question = "Are the Haiti sanctions still in force?"
    answer = haiti.ask(question)
    assert any("adopted on 17 October 2025" in n and "to 17 October 2026" in n for n in answer.notes), answer.notes
    assert not any("has passed" in n for n in answer.notes)  # tests run on 1 January 2026 (conftest)
    monkeypatch.setenv("BRIEFBOT_TODAY", "2026-12-05")
    from briefbot.service import lapsed_term

    note = lapsed_term(question, answer, datetime.date(2026, 12, 5))
    # The adoption note dates it already: said once (a browser walk read the date twice).
    assert note is not None and note.startswith("[1] That term has passed (today is 5 December 2026)"), note


def test_the_tracker_dates_measures_renewed_for_a_year_from_adoption() -> None:
    text = ("Decides to renew until one year from the date of adoption of this resolution the measures imposed by "
            "paragraphs 3, 4, 5, 6, 7, 8, and 9 of resolution 2653 (2022)")
    assert until_date(text, "2025-10-17") == "2026-10-17"
    assert until_date("Decides to renew until 15 May 2026 the measures", "2025-10-17") == "2026-05-15"
    assert until_date("Decides to extend the mandate until further notice", "2025-10-17") is None


def test_a_renewal_in_a_second_clause_joins_its_series_through_the_others(drc: Briefbot) -> None:
    """A helper's probe answered "1 August 2026" (2783 (2025)) and said it had passed with no later decision found,
    while 2825 (2026) was quoted third: 2825 renews the Group in a clause after the measures', and was compared with
    1807 (2008)'s older wording ("Requests the Secretary-General to extend, for a period expiring on …"), which led
    the quotes, rather than with 2783, which it does continue."""
    answer = drc.ask("When does the current mandate of the Group of Experts that monitors the Congo sanctions "
                     "expire?")
    assert answer.answer.startswith("**1 August 2027** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/RES/2825 (2026)"
    assert any("supersedes" in n for n in answer.notes), answer.notes


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("kinds"), "measures_kinds"))


@pytest.mark.parametrize("question, lead, symbol, paragraph", [
    # "the measures imposed by paragraphs 11 and 15 of resolution 2140" are its asset freeze and travel ban; the
    # Panel, extended in the same resolution "as set out in paragraph 21 of resolution 2140", is not (it led)
    ("Is the Yemen asset freeze and travel ban under resolution 2140 still in force, and what is its current expiry "
     "date?", "**14 November 2026** [1]", "S/RES/2801 (2025)", "4"),
    # "the travel and financial measures": the decision renewing what was asked, though it shares few of its
    # words (it abstained), and the second part "until what date" is answered by the same date, not an older one
    ("Are the travel ban and asset freeze on South Sudanese spoilers still in force, and until what date?",
     "**31 May 2027** [1]", "S/RES/2821 (2026)", "11"),
    # "the latest end date" asks the term running now (it answered 1591's own "8 April 2004")
    ("What is the latest end date set for the mandate of the Sudan Panel of Experts created under resolution 1591?",
     "**12 October 2026** [1]", "S/RES/2791 (2025)", "3"),
])
def test_measures_named_by_paragraph_answer_for_their_kind(kinds: Briefbot, question: str, lead: str, symbol: str,
                                                           paragraph: str) -> None:
    answer = kinds.ask(question)
    assert answer.answer.split("\n", 1)[0] == lead, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, paragraph)


def test_a_past_term_under_filters_points_at_the_filters(haiti: Briefbot) -> None:
    """A browser walk: under "2025 to 2025" the Libya Panel's "15 May 2026" was said to have passed with "no later
    decision … in the indexed documents", while 2819 (2026) extends it; the filters had left it out."""
    from briefbot.models import Filters

    answer = haiti.ask("Are the Haiti sanctions still in force?", filters=Filters(year_to=2024))
    assert answer.citations[0].symbol == "S/RES/2752 (2024)", answer.answer
    lapsed = [n for n in answer.notes if "has passed" in n]
    assert lapsed and "among the documents fitting the filters: widen them" in lapsed[0], answer.notes


@pytest.fixture(scope="module")
def inspections(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("inspections"), "libya_inspections"))


def test_a_renewal_by_reference_answers_for_what_its_resolution_is_about(inspections: Briefbot) -> None:
    """A browser walk and a helper's probe: "Until when are Member States authorized to inspect vessels on the high
    seas off Libya …?" quoted 2804 (2025)'s preamble and no date. Its decision, "extend the authorizations as set
    out in resolution 2780 (2025) for a further 6 months from the date of this resolution", names neither vessels
    nor the high seas; the rest of its one passage does, and it renews nothing else."""
    answer = inspections.ask("Until when are Member States authorized to inspect vessels on the high seas off Libya "
                             "to enforce the arms embargo?")
    assert answer.answer.startswith("**6 months from the date of this resolution** [1]"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2804 (2025)", "1")
    assert any("adopted on 25 November 2025" in n and "to 25 May 2026" in n for n in answer.notes), answer.notes


def test_a_renewal_of_something_else_is_no_term_of_what_was_asked(inspections: Briefbot) -> None:
    """A second reader: "Is the arms embargo on Libya still in force?" answered 2804 (2025)'s inspections term
    ("6 months … to 25 May 2026 … has passed"): its passage recalls the arms embargo, but what its decision extends
    is "the authorizations". The embargo itself has no end date."""
    answer = inspections.ask("Is the arms embargo on Libya still in force?")
    assert "months" not in answer.answer.split("\n", 1)[0], answer.answer
    assert not any("has passed" in n for n in answer.notes), answer.notes


def test_still_in_force_and_end_date_ask_a_term_only_of_what_the_council_renews() -> None:
    assert not asks_term("Is the ceasefire still in place in Sudan?")
    assert not asks_term("Is the curfew still in effect in Port-au-Prince?")
    assert not asks_term("What was the end date of the reporting period of the Panel of Experts on Libya's final "
                         "report?")
    assert asks_term("What is the end date of the DRC sanctions measures?")
    assert renewal_subject("Do the measures still apply to the Taliban?", places=False) == {"measur", "taliban"}


def test_the_lapsed_note_reads_a_regime_named_by_its_origin_and_a_date_after_the_symbol(kinds: Briefbot) -> None:
    """A browser walk: no note that 14 November 2026 had passed for "the Yemen asset freeze … under resolution
    2140" (the question names a resolution, but as where the measures come from), nor for a line that gives the
    resolution first ("**S/RES/2789 (2025)** [1]; **31 July 2026** [1]")."""
    from briefbot.service import lapsed_term

    on = datetime.date(2026, 12, 5)
    question = ("Is the Yemen asset freeze and travel ban under resolution 2140 still in force, and what is its "
                "current expiry date?")
    note = lapsed_term(question, kinds.ask(question), on)
    assert note is not None and note.startswith("[1] 14 November 2026 has passed"), note

    question = "Which resolution last renewed the arms embargo on the Central African Republic, and until when?"
    answer = Answer(question=question, answer="**S/RES/2789 (2025)** [1]; **31 July 2026** [1]\nS/RES/2789 (2025) …",
                    abstained=False, citations=[], hits=[], notes=[])
    note = lapsed_term(question, answer, on)
    assert note is not None and note.startswith("[1] 31 July 2026 has passed"), note


def test_the_first_decision_asked_is_not_the_running_one(inspections: Briefbot) -> None:
    """"Which resolution first authorized high-seas inspections off Libya …, and for how long?" asks for the
    first decision: the renewal bonus for the term running now led with a later extension (found on the test
    split's q095 after the rule was written; recorded as test-informed)."""
    answer = inspections.ask("Which resolution first authorized high-seas inspections off Libya to enforce the arms "
                             "embargo, and for how long?")
    assert answer.answer.startswith("**S/RES/2292 (2016)** [1]"), answer.answer


@pytest.mark.parametrize("question", [
    "When does the Haiti sanctions Panel of Experts' mandate run out under its most recent extension?",
    "When does the mandate of the Haiti Panel of Experts lapse?",
])
def test_a_panel_asked_when_it_runs_out_is_the_panels_renewal(haiti: Briefbot, question: str) -> None:
    """"run out" and "lapse" say how the term is asked, not what it is of: read as the question's subject, they
    left no renewal of the Panel (2794 para. 11, "13 months") to lead, and the measures' year (para. 1) answered."""
    answer = haiti.ask(question)
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2794 (2025)", "11"), answer.answer
    assert answer.answer.startswith("**13 months"), answer.answer


def test_a_bare_until_when_asks_about_the_first_parts_subject(drc: Briefbot) -> None:
    """2825 (2026) para. 1 renews the measures until 1 July 2027 and the Group until 1 August 2027: "…, and until
    when?" after "Which resolution extended the mandate of the Group of Experts" asks for the Group's date."""
    answer = drc.ask("Which resolution extended the mandate of the Group of Experts on the Democratic Republic of "
                     "the Congo, and until when?")
    first = answer.answer.split("\n", 1)[0]
    assert "S/RES/2825 (2026)" in first and "1 August 2027" in first and "1 July 2027" not in first, answer.answer


def _leads(answer: Answer, symbol: str, paragraph: str, said: str) -> str:
    """The answer's first line, after checking it answers from ``symbol`` ``paragraph`` and says ``said``."""
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, paragraph), answer.answer
    first = answer.answer.split("\n", 1)[0]
    assert said in first, answer.answer
    return first


@pytest.fixture(scope="module")
def cyprus(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("cyprus"), "cyprus_unficyp"))


def test_a_renewal_after_a_comma_continues_the_missions_series(cyprus: Briefbot) -> None:
    """2815 (2026) renews UNFICYP in "…, decides to extend its mandate", with a comma where 2771 (2025) has "and":
    no renewal was read there, so on the full index 2771's lapsed "31 January 2026" answered "Until when is
    UNFICYP's mandate extended?" (a helper's held-out probe)."""
    retriever = cyprus.retriever
    docs = retriever.documents()
    start = next(d for d in docs.values() if d.symbol == "S/RES/2771 (2025)")
    chunk = next(c for c in retriever.store.chunks_of(start.doc_id) if c.paragraph == "11")
    found = retriever._renewal_of(start.symbol or "", start.date or "", chunk.text, docs, None, None, "11")
    assert found is not None
    assert (docs[found.doc_id].symbol, found.paragraph) == ("S/RES/2815 (2026)", "12")


@pytest.mark.parametrize("question", [
    "Until when is UNFICYP's mandate extended?",
    # the mission by what it is: the glossary's name for UNFICYP
    "Which resolution most recently extended the mandate of the UN peacekeeping force in Cyprus, and to what date?",
])
def test_a_mission_asked_by_what_it_is_is_answered_by_its_latest_renewal(cyprus: Briefbot, question: str) -> None:
    """Asked as "the UN peacekeeping force in Cyprus", the answer abstained: the lead renewal "extends the mandate
    of UNFICYP, not what was asked"."""
    _leads(cyprus.ask(question), "S/RES/2815 (2026)", "12", "31 January 2027")


@pytest.fixture(scope="module")
def petroleum(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("petroleum"), "libya_petroleum"))


@pytest.mark.parametrize("question", [
    "Until when are the Council's measures against illicit petroleum exports from Libya (the resolution 2146 "
    "authorizations) currently extended?",
    "Until when are the resolution 2146 measures on Libyan petroleum extended?",
])
def test_measures_named_by_their_resolution_in_passing_are_answered_by_the_latest_renewal(petroleum: Briefbot,
                                                                                         question: str) -> None:
    """"(the resolution 2146 authorizations)" names the measures by the resolution that set them up, as "under
    resolution 2146" does: the answer was 2769 (2025)'s lapsed "1 May 2026" (a helper's held-out probe)."""
    _leads(petroleum.ask(question), "S/RES/2819 (2026)", "21", "1 August 2027")


def test_a_later_paragraph_listing_the_resolution_does_not_renew_its_measures(petroleum: Briefbot) -> None:
    """A browser walk: "Until when are the Libya illicit petroleum export measures extended?" answered 2769 (2025)'s
    lapsed "1 May 2026". 2819 (2026)'s Panel paragraph lists 2769 among the resolutions that modified the Panel and
    was taken for the renewal of 2769's measures, while 2819 para. 21, which renews them in the same words but the
    date, names only resolution 2146."""
    _leads(petroleum.ask("Until when are the Libya illicit petroleum export measures extended?"),
           "S/RES/2819 (2026)", "21", "1 August 2027")


@pytest.mark.parametrize("question", [
    "As things currently stand, until what date are the Security Council's authorisations and measures against "
    "illicit petroleum exports from Libya (the regime first set up in 2014) in force?",
    "Are the Libya petroleum measures originally imposed by resolution 2146 still in force, and until when?",
])
def test_where_the_measures_began_named_in_passing_asks_no_first_decision(petroleum: Briefbot, question: str) -> None:
    """A held-out probe: "first set up in 2014", an aside naming the measures, was read as asking for the first
    decision, and the answer quoted 2769 (2025)'s lapsed "1 May 2026"."""
    _leads(petroleum.ask(question), "S/RES/2819 (2026)", "21", "1 August 2027")


def test_a_question_asking_where_measures_began_still_asks_the_first_decision() -> None:
    from briefbot.refs import asks_original

    assert asks_original("Which resolution first imposed the arms embargo on Somalia?")
    assert asks_original("When was the arms embargo first imposed in the Central African Republic?")
    assert asks_original("How long was the mandate originally authorized by resolution 1590 to last?")
    assert not asks_original("Until when are the measures (first set up in 2014) in force?")
    assert not asks_original("Are the measures originally imposed by resolution 2146 still in force?")


@pytest.fixture(scope="module")
def monitoring_team(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("isil"), "isil_monitoring_team"))


@pytest.mark.parametrize("question", [
    "Until when is the mandate of the ISIL (Da'esh) and Al-Qaida Monitoring Team extended?",
    "When is the ISIL/Al-Qaida sanctions Monitoring Team's current mandate due to run out?",
])
def test_a_body_no_place_names_is_answered_by_its_latest_renewal(monitoring_team: Briefbot, question: str) -> None:
    """The Monitoring Team's renewal (2734 (2024) para. 101) is found by the body's name, not outranked by the
    dozens of passages naming it; "the New York-based Monitoring Team" is the one asked, not another; "due to run
    out" asks for its term, not the date the Council will review it by (17 May 2027)."""
    answer = monitoring_team.ask(question)
    first = _leads(answer, "S/RES/2734 (2024)", "101",
                   "36 months from the expiration of its current mandate in June 2024")
    assert "17 May 2027" not in first
    assert not any("names no country" in n for n in answer.notes), answer.notes
    # counted from the mandate before it, which ended in June 2024: the month it runs to, no day invented
    assert any("in June 2024: it runs to June 2027." in n for n in answer.notes), answer.notes


@pytest.mark.parametrize("question", [
    "When does the Cyprus peacekeeping force's current mandate expire?",
    "When does the authorization for the peacekeeping force in Cyprus run out?",
])
def test_a_mission_asked_by_its_authorization_or_its_countrys_force_is_the_mission(cyprus: Briefbot,
                                                                                  question: str) -> None:
    """A browser walk: the first abstained ("extends the mandate of UNFICYP, not what was asked"), the second led
    with recitals ("Noting that … it is necessary to keep … UNFICYP beyond 31 July 2020") and no line: a mission's
    authorization is its mandate."""
    _leads(cyprus.ask(question), "S/RES/2815 (2026)", "12", "31 January 2027")


def test_measures_no_decision_about_the_place_sets_are_not_answered_by_its_recitals(cyprus: Briefbot) -> None:
    answer = cyprus.ask("Is the arms embargo on Cyprus still in force?")
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("No indexed Council decision about Cyprus sets or renews this"), answer.answer


def test_a_recital_sets_no_term(bot: Briefbot) -> None:
    """2769 (2025)'s "Recalling the arms embargo, travel ban, assets freeze …" and a Panel's date were read as the
    Libya travel ban's term ("15 February 2025", a browser walk): the ban has none. The sample index (its PDF)."""
    answer = bot.ask("Until when is the Libya travel ban in force?")
    assert not answer.answer.startswith("**"), answer.answer  # no line states a term


def test_how_long_a_mandate_is_asks_its_term(monitoring_team: Briefbot) -> None:
    """"How long is … current mandate, and when does it end?" named no renewal word, so it was no term question and
    the Team's report headings answered (a browser walk)."""
    assert asks_term("How long is the ISIL (Da'esh) and Al-Qaida Monitoring Team's current mandate, and when does "
                     "it end?")
    _leads(monitoring_team.ask("How long is the ISIL (Da'esh) and Al-Qaida Monitoring Team's current mandate, and "
                               "when does it end?"), "S/RES/2734 (2024)", "101", "36 months")


_PANEL_2821 = ("Decides to extend until 1 July 2027 the mandate of the Panel of Experts as set out in paragraph 19 of "
               "resolution 2428 (2018);")
_PANEL_2781 = ("Decides to extend until 1 July 2026 the mandate of the Panel of Experts as set out in paragraph 19 of "
               "resolution 2428 (2018);")
_MEASURES_2781 = ("Decides to renew until 31 May 2026 the travel and financial measures imposed by paragraphs 9 and 12 "
                  "of resolution 2206 (2015);")


def _candidate(symbol: str, text: str, continues: frozenset[str] = frozenset()) -> Candidate:
    doc = DocInfo(doc_id=symbol, file_name=f"{symbol}.xml", path=None, sha256="0", source="akn", symbol=symbol,
                  doc_type="resolution", title="South Sudan", date="2025-05-30", language="en", pages=1, chunks=1,
                  empty_pages=[], warnings=[], missions=[], ingested_at="")
    chunk = Chunk(text_hash=symbol + text[:20], doc_id=symbol, ordinal=0, text=text,
                  spans=[Span(page=1, start=0, end=len(text))], paragraph=None, section=None, kind="operative")
    return Candidate(Hit(chunk=chunk, doc=doc, score=1.0, continues=continues), 0, len(text), 1.0, 1.0)


def test_a_renewal_continues_the_paragraph_it_renews_not_its_neighbours() -> None:
    """2821 (2026) para. 18 was found from 2781 (2025)'s Panel (para. 18); its measures (para. 11) are no older term
    of that Panel: the note said 2821 superseded "S/RES/2781 (2025) (“31 May 2026”), S/RES/2781 (2025) (“1 July
    2026”)" (a browser walk). A purpose said on the way is not what is renewed (2791 (2025) para. 3)."""
    latest = _candidate("S/RES/2821 (2026)", _PANEL_2821, frozenset({"S/RES/2781 (2025)"}))
    assert _one_series(latest, _candidate("S/RES/2781 (2025)", _PANEL_2781))
    assert not _one_series(latest, _candidate("S/RES/2781 (2025)", _MEASURES_2781))
    assert renewed_object("Decides to extend, for the purpose of aligning the timelines for the renewal of the "
                          "measures and the mandate of the Panel of Experts, the mandate of the Panel of Experts in "
                          "resolution 2772 (2025) beyond 12 March 2026 until 12 October 2026;") == "Panel"


@pytest.fixture(scope="module")
def south_sudan(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("ssd"), "south_sudan_panel"))


def test_what_a_renewal_supersedes_is_what_it_renews(south_sudan: Briefbot) -> None:
    """2821 (2026) para. 18 continues 2781 (2025)'s Panel (para. 18), not its measures (para. 11): the note said it
    superseded "S/RES/2781 (2025) (“31 May 2026”), S/RES/2781 (2025) (“1 July 2026”)" (a browser walk)."""
    answer = south_sudan.ask("Which resolution renewed the South Sudan sanctions, and until when does the Panel of "
                             "Experts serve?")
    _leads(answer, "S/RES/2821 (2026)", "18", "1 July 2027")
    note = next((n for n in answer.notes if "supersedes" in n), "")
    assert "1 July 2026" in note and "31 May 2026" not in note, answer.notes


@pytest.mark.parametrize(("question", "lines"), [
    # One paragraph sets both terms (2825 (2026), para. 1): each asked gets its own date, not the Group's alone.
    ("Until when are the DRC sanctions measures and the mandate of the Group of Experts extended?",
     ["1 July 2027", "1 August 2027"]),
    ("Until when are the Group of Experts and the DRC measures extended?", ["1 August 2027", "1 July 2027"]),
])
def test_measures_and_their_body_asked_together_get_a_term_each(drc: Briefbot, question: str,
                                                               lines: list[str]) -> None:
    answer = drc.ask(question)
    assert not answer.abstained, answer.answer
    assert answer.answer.split("\n", 1)[0] == "; ".join(f"**{d}** [1]" for d in lines), answer.answer
    assert answer.citations[0].symbol == "S/RES/2825 (2026)"
    # Which date is which is said (a browser walk: bare dates side by side), and, once both have run out, both are
    # said to have passed, not only the first.
    assert any(n.startswith(f"The first date ({lines[0]}) is for the ") and f"the second ({lines[1]}) for the " in n
               for n in answer.notes), answer.notes
    from briefbot.service import lapsed_term

    note = lapsed_term(question, answer, datetime.date(2027, 12, 1))
    assert note is not None and note.startswith(f"[1] {lines[0]} and {lines[1]} have passed"), note
    assert lapsed_term(question, answer, datetime.date(2027, 7, 15)) .startswith("[1] 1 July 2027 has passed")


def test_only_a_term_question_naming_both_is_split() -> None:
    from briefbot.answer import sub_questions

    assert sub_questions("Until when are the Panel of Experts and the arms embargo on South Sudan extended?") == [
        "Until when are the Panel of Experts on South Sudan extended?",
        "Until when are the arms embargo on South Sudan extended?"]
    for question in ("How many sanctions measures and Panel of Experts reports were issued?",
                     "What does the Council say about sanctions and the Panel of Experts?"):
        assert sub_questions(question) == [question]
