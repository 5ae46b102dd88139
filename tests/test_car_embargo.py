"""Currency across renewals worded apart: "Until when is the Central African Republic arms embargo renewed?"
answered 31 January 2018 (2339 (2017)). Its "Decides that, until …, all Member States shall continue to take the
necessary measures" was not read as a renewal, the MINUSCA named in its exemptions made MINUSCA's mandate renewal
look like its successor, and the current renewal, 2789 (2025) para. 1 ("Decides to extend, until 31 July 2026, the
measures as set out or extended in paragraphs 2 and 4 of resolution 2745 (2024)"), shares no word with the
question. Real Council XML (tests/fixtures/akn/car_embargo), real index."""

from __future__ import annotations

import dataclasses

import pytest

from akn_support import indexed_fixture
from briefbot.answer import Candidate, _latest_first
from briefbot.chunk import split_sentences
from briefbot.models import Hit
from briefbot.refs import asks_term, parse_references, specific_subject
from briefbot.service import Briefbot

QUESTION = "Until when is the Central African Republic arms embargo renewed?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("car"), "car_embargo"))


def test_a_decision_that_measures_shall_continue_until_a_date_is_renewed_by_its_successor(bot: Briefbot) -> None:
    """2339's paragraph 1 is followed to 2454 (2019), which renews paragraphs 1 to 19 of 2399 (2018), and not to
    2800 (2025), which extends MINUSCA, named only in the embargo's exemptions."""
    retriever = bot.retriever
    docs = retriever.documents()
    start = next(d for d in docs.values() if d.symbol == "S/RES/2339 (2017)")
    chunk = next(c for c in retriever.store.chunks_of(start.doc_id) if c.paragraph == "1")
    found = retriever._renewal_of(start.symbol or "", start.date or "", chunk.text, docs, None, None, "1")
    assert found is not None
    assert (docs[found.doc_id].symbol, found.paragraph) == ("S/RES/2454 (2019)", "1")


def test_the_answer_is_the_current_renewal_and_says_what_it_supersedes(bot: Briefbot) -> None:
    answer = bot.ask(QUESTION)
    assert answer.answer.startswith("**31 July 2026** [1]"), answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2789 (2025)", "1")
    assert any("supersedes" in n and "S/RES/2339 (2017)" in n for n in answer.notes), answer.notes
    assert "S/RES/2800" not in answer.answer


def test_the_link_survives_the_answers_history(bot: Briefbot) -> None:
    """A reopened answer (the web chat's history) keeps which decision a later renewal continues."""
    from briefbot.history import answer_from_json, answer_to_json

    answer = bot.ask(QUESTION)
    again = answer_from_json(answer_to_json(answer))
    assert [h.continues for h in again.hits] == [h.continues for h in answer.hits]
    assert any("S/RES/2339 (2017)" in h.continues for h in again.hits)


def test_the_abbreviation_asks_the_same(bot: Briefbot) -> None:
    """"The CAR arms embargo" answered 2399 (2018)'s 31 January 2019: "car" was read as part of what is renewed,
    and on the corpus index the current renewal sat ninth, past the eight passages the answer reads."""
    assert specific_subject("Until when is the CAR arms embargo renewed?") == {"arm", "embargo"}
    answer = bot.ask("Until when is the CAR arms embargo renewed?")
    assert answer.answer.startswith("**31 July 2026** [1]"), answer.answer
    assert answer.citations[0].symbol == "S/RES/2789 (2025)"


def _hit(bot: Briefbot, symbol: str, paragraph: str) -> Hit:
    docs = bot.retriever.documents()
    doc = next(d for d in docs.values() if d.symbol == symbol)
    chunk = next(c for c in bot.retriever.store.chunks_of(doc.doc_id) if c.paragraph == paragraph)
    return Hit(chunk=chunk, doc=doc, score=1.0)


def test_a_renewal_continuing_a_found_but_unquoted_decision_leads(bot: Briefbot) -> None:
    """On the corpus index, "Until when is the arms embargo on the Central African Republic in force?" quoted 2262
    (2016) first and 2789 (2025), which the lookup had reached from 2339 (2017), ranked seventh and not quoted.
    2789 continued no quoted decision, so 2262's "until 31 January 2017" led as the latest."""
    question = "Until when is the arms embargo on the Central African Republic in force?"
    # The passages as retrieval gives them here, as the corpus index had them: each resolution's places read
    # (there from the Council records' metadata), and 2789 linked by the lookup to 2339 only.
    found = {(h.doc.symbol, h.chunk.paragraph): h for h in bot.retriever.search(question)}

    def placed(h: Hit, **changes: object) -> Hit:
        return dataclasses.replace(h, doc=dataclasses.replace(h.doc, missions=["Central African Republic"]),
                                   **changes)  # type: ignore[arg-type]

    old, unquoted = placed(found[("S/RES/2262 (2016)", "1")]), placed(found[("S/RES/2339 (2017)", "1")])
    current = placed(found[("S/RES/2789 (2025)", "1")], continues=frozenset({"S/RES/2339 (2017)"}))

    def quoted(h: Hit) -> Candidate:  # its deciding sentence, as the answer quotes it
        start, end = next((a, b) for a, b in split_sentences(h.chunk.text) if "Decides" in h.chunk.text[a:b])
        return Candidate(h, start, end, 1.0, 0.5)

    chosen = [quoted(old), quoted(current)]
    led, superseded = _latest_first(chosen, parse_references(question), question, [old, current, unquoted])
    assert led[0].hit is current, [c.hit.doc.symbol for c in led]
    assert any("S/RES/2262 (2016)" in s and "31 January 2017" in s for s in superseded), superseded


def _placed(h: Hit, place: str, **changes: object) -> Hit:
    return dataclasses.replace(h, doc=dataclasses.replace(h.doc, missions=[place]), **changes)  # type: ignore[arg-type]


def _decision(h: Hit) -> Candidate:
    start, end = next((a, b) for a, b in split_sentences(h.chunk.text) if "Decides" in h.chunk.text[a:b])
    return Candidate(h, start, end, 1.0, 0.5)


def test_another_countrys_renewal_is_not_superseded(bot: Briefbot) -> None:
    """A second reader's find: with 2339 (2017) among the hits, South Sudan's 2683 (2023) arms renewal, quoted
    beside the CAR's 2789 (2025), was named as superseded by it ("31 May 2024")."""
    question = "Until when is the Central African Republic arms embargo renewed?"
    found = {(h.doc.symbol, h.chunk.paragraph): h for h in bot.retriever.search(question)}
    current = _placed(found[("S/RES/2789 (2025)", "1")], "Central African Republic",
                      continues=frozenset({"S/RES/2339 (2017)"}))
    older = _placed(found[("S/RES/2339 (2017)", "1")], "Central African Republic")
    south_sudan = _placed(found[("S/RES/2683 (2023)", "1")], "South Sudan")
    for chosen in ([_decision(current), _decision(south_sudan)], [_decision(south_sudan), _decision(current)]):
        _, superseded = _latest_first(chosen, parse_references(question), question, [current, south_sudan, older])
        assert not any("2683" in s for s in superseded), superseded


def test_the_asked_decision_is_followed_before_another_renewal_spends_the_lookups(
        bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the corpus index a report's account of MINUSCA's renewal ranked above the embargo, and following it
    first spent the question's catalog scans (retrieve.RENEWAL_QUERIES): the embargo's chain from 2339 (2017) then
    stopped at 2745 (2024), short of 2789 (2025). A chain renewing what was asked is now followed first."""
    retriever = bot.retriever
    docs = retriever.documents()
    minusca_doc = next(d for d in docs.values() if d.symbol == "S/RES/2800 (2025)")
    minusca = next(c for c in retriever.store.chunks_of(minusca_doc.doc_id)
                   if "Decides to extend the mandate of MINUSCA" in c.text)
    hits = [Hit(chunk=minusca, doc=minusca_doc, score=1.0), _hit(bot, "S/RES/2339 (2017)", "1")]
    followed: list[str] = []
    renewal_of = type(retriever)._renewal_of

    def spy(self: object, symbol: str, *args: object, **kwargs: object) -> object:
        followed.append(symbol)
        return renewal_of(self, symbol, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(type(retriever), "_renewal_of", spy)
    retriever._with_later_renewals(hits, docs, None, None, {"central african republic"}, {"arm", "embargo"})
    assert followed and followed[0] == "S/RES/2339 (2017)", followed
    assert "S/RES/2800 (2025)" in followed  # the other is still followed, after


@pytest.mark.parametrize(("question", "lead"), [
    ("What is the latest extension of the Central African Republic arms embargo?", "**31 July 2026** [1]"),
    ("What is the most recent renewal of the arms embargo on the Central African Republic?", "**31 July 2026** [1]"),
    ("What is the current term of the Central African Republic arms embargo?", "**31 July 2026** [1]"),
    ("What is the latest extension of the mandate of the Panel of Experts on the Central African Republic?",
     "**31 August 2026** [1]"),
])
def test_the_latest_extension_asked_in_other_words_is_the_current_term(bot: Briefbot, question: str,
                                                                        lead: str) -> None:
    """Asked as "the latest extension", "the most recent renewal", "the current term" (a helper's probes: six of
    twenty such questions led with an older decision and no date, MONUSCO's with 2348 (2017)), not as "until
    when": these words were read as what was renewed, and the answer looked for no term."""
    assert asks_term(question) and not (specific_subject(question) & {"latest", "extens", "recent", "current"})
    answer = bot.ask(question)
    assert answer.answer.startswith(lead), answer.answer
    assert answer.citations[0].symbol == "S/RES/2789 (2025)"


def test_the_current_mandate_and_the_last_period_are_not_terms() -> None:
    assert not asks_term("What is the current mandate of MINUSCA?")  # its tasks
    assert not asks_term("What was the last period covered by the report?")
    # "last" before another act dates that act; alone or before "renewed" it is a term's
    assert not asks_term("How long has it been since the authorities last stamped and recorded any firearms?")
    assert asks_term("How long will the weapons ban on South Sudan last under the 2025 renewal?")
    assert asks_term("How long does the asset freeze last?")


def test_a_term_already_past_is_said_to_be(bot: Briefbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A browser walk on 5 December 2026: "Is the CAR arms embargo still in force, and until when?" answered
    31 July 2026 and said nothing of that day being past."""
    import datetime

    question = QUESTION
    monkeypatch.setattr(bot.settings, "today", datetime.date(2026, 12, 5))
    answer = bot.ask(question)
    assert answer.answer.startswith("**31 July 2026** [1]"), answer.answer
    assert ("[1] 31 July 2026 has passed (today is 5 December 2026), and no later decision on it was found in the "
            "indexed documents: check whether the Council has renewed it since.") in answer.notes, answer.notes
    monkeypatch.setattr(bot.settings, "today", datetime.date(2026, 6, 1))
    assert not any("has passed" in n for n in bot.ask(question).notes)
    # A decision named, or a year: what it decided then, not the current term.
    monkeypatch.setattr(bot.settings, "today", datetime.date(2026, 12, 5))
    assert not any("has passed" in n for n in bot.ask("Until when did resolution 2339 (2017) renew the arms "
                                                      "embargo on the Central African Republic?").notes)
