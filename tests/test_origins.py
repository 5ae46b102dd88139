"""Which resolution imposed measures, or when: the decision that did, by its own words or as later decisions name
it, or an honest abstention. "Which resolution imposed the Libya arms embargo?" answered 2009 (2011) (an exemption
to it), the Somali charcoal ban 2776 (2025) (a reaffirmation), the Somalia arms embargo 1478 (2003), and the
Central African Republic's timber ban, which never existed, a Kimberley Process report. Real Council XML
(tests/fixtures/akn/origins), real index and model."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.refs import asks_imposition, measure_named, origin_sentence
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("origins"), "origins"))


def test_what_a_sentence_says_of_where_measures_come_from() -> None:
    arms = measure_named("Which resolution imposed the arms embargo on Liberia?")
    assert arms is not None and measure_named("Which resolution established the Panel of Experts?") is None
    renewal = origin_sentence("Decides to terminate, with immediate effect, the measures on arms, previously imposed "
                              "by paragraph 2 of resolution 1521 (2003) and modified by paragraphs 1 and 2 of "
                              "resolution 1683 (2006)")
    assert renewal is not None and not renewal.imposes(arms)
    assert [(n, y, p, prose) for _, n, y, p, prose in renewal.named(arms)] == [
        (1521, 2003, "2", "resolution 1521 (2003)")]
    # A paragraph list is numbers only: "paragraphs 1, 3 and 7 of resolutions 1844 (2008) and paragraphs 5 and 6"
    # is not the paragraphs of 1907 (2009) "imposed by" it, so the sentence names no origin at all.
    assert origin_sentence("the measures regarding the export of charcoal from Somalia, as well as the measures "
                           "imposed by paragraphs 1, 3 and 7 of resolutions 1844 (2008) and paragraphs 5 and 6 of "
                           "resolution 1907 (2009)") is None
    imposing = origin_sentence("Decides that all States, including the Democratic Republic of the Congo, shall, for "
                               "an initial period of 12 months, take the necessary measures to prevent the direct "
                               "or indirect supply, sale or transfer of arms and any related materiel")
    assert imposing is not None and imposing.imposes(arms) and not imposing.named(arms)
    # A renewal imposes nothing new.
    assert origin_sentence("Decides, for a further period ending on 31 December 2008, that all States shall take the "
                           "necessary measures to prevent the supply of arms") is None
    assert asks_imposition("When did the Council first impose the arms embargo on Libya?")
    assert asks_imposition("When was the arms embargo on Libya imposed?")
    assert not asks_imposition("Until when is the Libya arms embargo renewed?")
    assert asks_imposition("Which resolution first put an arms embargo on Somalia?")
    assert asks_imposition("When did the Council first place an arms embargo on Libya?")


@pytest.mark.parametrize(("question", "symbol", "paragraph"), [
    ("Which resolution imposed the Libya arms embargo?", "S/RES/1970 (2011)", "9"),
    ("Which resolution imposed the ban on Somali charcoal exports?", "S/RES/2036 (2012)", "22"),
    # Not 2304 (2016), whose annexed draft resolution says "Decides that … all Member States shall …".
    ("Which resolution imposed the South Sudan arms embargo?", "S/RES/2428 (2018)", "4"),
    # In plain words: "weapons ban" is the Council's arms embargo, "put" imposed it (answered 2009 (2011) before).
    ("Which resolution first put a weapons ban on Libya?", "S/RES/1970 (2011)", "9"),
])
def test_the_decision_that_imposed_it_leads(bot: Briefbot, question: str, symbol: str, paragraph: str) -> None:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == (symbol, paragraph), answer.answer
    assert answer.answer.startswith(f"**{symbol}** [1]"), answer.answer
    assert any(note.startswith(f"[1] {symbol}, adopted on ") and "earliest indexed decision imposing it" in note
               for note in answer.notes), answer.notes


def test_when_it_was_imposed_is_the_day_that_decision_was_adopted(bot: Briefbot) -> None:
    answer = bot.ask("When did the Council impose the arms embargo on Libya?")
    assert answer.answer.startswith("**26 February 2011** [2]"), answer.answer
    assert answer.citations[1].quote.startswith("Adopted by the Security Council at its "), answer.answer


def test_a_decision_older_than_the_documents_is_named_from_those_that_name_it(bot: Briefbot) -> None:
    """733 (1992) is not indexed; 1844 (2008)'s own targeted embargo is not where the Somalia embargo comes from."""
    answer = bot.ask("Which resolution imposed the arms embargo on Somalia?")
    assert answer.answer.startswith("**resolution 733 (1992)** [1]"), answer.answer
    assert "resolution 733 (1992)" in answer.citations[0].quote
    assert any(note.startswith("[1] names resolution 733 (1992) as where it comes from") for note in answer.notes)
    plain = bot.ask("Which resolution first put a weapons ban on Somalia?")
    assert plain.answer.startswith("**resolution 733 (1992)** [1]"), plain.answer
    assert "Read “weapons ban” as the Council's “arms embargo”." in plain.notes


def test_measures_never_imposed_are_not_answered(bot: Briefbot) -> None:
    answer = bot.ask("Which resolution imposed a ban on timber exports from the Central African Republic?")
    assert answer.abstained, answer.answer
    assert answer.answer.startswith("No indexed decision about the Central African Republic was found imposing "
                                    "this"), answer.answer


def test_the_passages_that_impose_measures_are_kept_for_the_next_process(bot: Briefbot,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalog scan for them (~1 s of each CLI question asking which decision imposed something, on the full
    index) runs once per catalog version and these rules; a new process reads what it found, sentences as read,
    and a new catalog version or other rules scan again."""
    from briefbot.retrieve import Retriever

    found = bot.retriever._origin_passages()
    assert len(found) >= 5
    assert bot.store.layout.derived("origin-passages").exists()

    def fresh() -> Retriever:  # as a new process: nothing held in memory
        return Retriever(bot.settings, bot.store, bot.embedder, bot.lexical)

    scans: list[int] = []
    real = Retriever._sentences_of
    monkeypatch.setattr(Retriever, "_sentences_of", lambda self, *a: scans.append(1) or real(self, *a))
    kept = fresh()._origin_passages()
    assert scans == []
    assert [(c.doc_id, c.ordinal, c.text, said) for c, said in kept] == \
        [(c.doc_id, c.ordinal, c.text, said) for c, said in found]
    answer = Briefbot(bot.settings).ask("Which resolution imposed the arms embargo on Somalia?")
    assert answer.answer.startswith("**resolution 733 (1992)** [1]"), answer.answer

    monkeypatch.setattr("briefbot.retrieve._scan_rules", lambda: "another version of the code")
    assert [c.text for c, _ in fresh()._origin_passages()] == [c.text for c, _ in found]
    assert scans == [1]
    version = bot.store.version()
    monkeypatch.setattr(bot.store, "version", lambda: version + 1)
    fresh()._origin_passages()
    assert scans == [1, 1]
