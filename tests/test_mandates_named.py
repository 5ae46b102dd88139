"""Mandate-change questions that name the resolutions to compare (a new-user analyst sweep): the track is the one
holding them and the comparison is between exactly those two, described in full. Real Council XML
(tests/fixtures/akn/haiti_sanctions: 2700, 2752, 2794 and BINUH's 2785; unama_renewals: 2777, 2818), real index,
asked through the service as `ask` asks."""

from __future__ import annotations

import pytest

from akn_support import indexed_fixture
from briefbot.mandates.chat import detect
from briefbot.models import Answer
from briefbot.service import Briefbot


@pytest.fixture(scope="module")
def haiti(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("haiti"), "haiti_sanctions"))


@pytest.fixture(scope="module")
def unama(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return Briefbot(indexed_fixture(tmp_path_factory.mktemp("unama"), "unama_renewals"))


def _tracker_part(answer: Answer) -> str:
    return answer.answer.partition("From the retrieved passages:")[0]


def _checked(bot: Briefbot, answer: Answer) -> None:
    """Every quote verbatim on its page and its key in the text."""
    for c in answer.citations:
        page = bot.store.page_text(bot.store.document(c.document).doc_id, c.page)
        assert c.start is not None and page[c.start:c.end] == c.quote
        assert f"[{c.key}]" in answer.answer


def test_the_track_is_the_one_holding_the_resolutions_named(haiti: Briefbot) -> None:
    # "Haiti" named the BINUH track (MINUSTAH → MINUJUSTH → BINUH), which compared 2743 with 2692; 2752 and 2794
    # are the sanctions regime's.
    a = haiti.ask("How did the Council's arms embargo language on Haiti change between resolution 2752 (2024) and "
                  "resolution 2794 (2025)?")
    assert a.engine == "mandates" and not a.abstained, a.answer
    assert any("Haiti sanctions (2653)" in n for n in a.notes), a.notes
    tracker = _tracker_part(a)
    assert "S/RES/2794 (2025) (adopted 2025-10-17) against S/RES/2752 (2024)" in tracker, tracker
    assert "S/RES/2700" not in tracker and "S/RES/2785" not in tracker
    _checked(haiti, a)


def test_the_pair_named_is_described_in_full(haiti: Briefbot) -> None:
    """2794 against 2752 was one count line and "(More changes …)" after the whole budget went on 2752 against
    2700; now each of its six changed arms paragraphs is named with what it added, and cited."""
    a = haiti.ask("What changed in the Haiti sanctions arms embargo in resolution 2794 (2025) compared with "
                  "resolution 2752 (2024)?")
    assert a.engine == "mandates" and not a.abstained, a.answer
    tracker = _tracker_part(a)
    assert "S/RES/2700" not in tracker and "More changes" not in tracker, tracker
    # Two renewals named, one in 2024 and one in 2025: not "2 renewals in 2025".
    assert "renewals in 20" not in tracker
    assert "S/RES/2794 (2025) (adopted 2025-10-17) against S/RES/2752 (2024) on arms trafficking and diversion: " \
           "6 new or changed paragraph(s), 0 dropped." in tracker, tracker
    assert "Changed: S/RES/2794 (2025), operative para. 3: adds “including through the strengthening of their " \
           "border control mechanisms”." in tracker
    assert "New: S/RES/2794 (2025), operative para. 8." in tracker
    cited = {(c.symbol, c.paragraph) for c in a.citations if f"[{c.key}]" in tracker}
    assert {("S/RES/2794 (2025)", p) for p in ("PP4", "2", "3", "6", "8", "16 (c)")} <= cited, cited
    # What the later one runs to is said with the paragraph that sets it.
    assert "S/RES/2794 (2025) renews until 2026-11-17 — Panel of Experts, para. 11 [" in tracker, tracker
    assert ("S/RES/2794 (2025)", "11") in cited
    _checked(haiti, a)


def test_the_named_pair_is_compared_even_when_the_later_was_aligned_with_another(haiti: Briefbot) -> None:
    """2794 was drafted from 2752; a reader naming 2700 asks what changed since 2700."""
    a = haiti.ask("What changed on arms between resolution 2700 (2023) and resolution 2794 (2025)?")
    assert a.engine == "mandates" and not a.abstained, a.answer
    tracker = _tracker_part(a)
    assert "S/RES/2794 (2025) (adopted 2025-10-17) against S/RES/2700 (2023) on arms trafficking and diversion" \
        in tracker, tracker
    assert "against S/RES/2752" not in tracker
    # 2700's para. 8 ("small arms, light weapons, and ammunition") became 2794's para. 3.
    assert "operative para. 3 (was para. 8)" in tracker
    _checked(haiti, a)


def test_the_same_question_gets_the_same_answer(haiti: Briefbot) -> None:
    q = "What changed in the Haiti sanctions arms embargo in resolution 2794 (2025) compared with resolution 2752 " \
        "(2024)?"
    first, again = haiti.ask(q), haiti.ask(q)
    assert first.answer == again.answer and [c.quote for c in first.citations] == [c.quote for c in again.citations]
    # Named the other way round, the same comparison.
    swapped = haiti.ask("What changed in the Haiti sanctions arms embargo between resolution 2752 (2024) and "
                        "resolution 2794 (2025)?")
    assert _tracker_part(swapped) == _tracker_part(first)


def test_two_renewals_named_and_asked_how_they_differ_is_a_mandate_change_question(unama: Briefbot) -> None:
    """Not routed at all: the extractive engine quoted only 2777. 2818 renews for three months, to 17 June 2026,
    and its PP8 adds that the terrorist groups drug proceeds finance include "those designated by the Security
    Council"."""
    a = unama.ask("How did the UNAMA mandate renewal of March 2026 (resolution 2818) differ from the March 2025 "
                  "renewal (resolution 2777), including on drug-financing language?")
    assert a.engine == "mandates" and not a.abstained, a.answer
    tracker = _tracker_part(a)
    assert tracker.startswith("S/RES/2818 (2026) renews until 2026-06-17 (para. 3) [1]; S/RES/2777 (2025) renewed "
                              "until 2026-03-17 (para. 3) [2]."), tracker
    assert [(c.symbol, c.paragraph) for c in a.citations[:2]] == [("S/RES/2818 (2026)", "3"),
                                                                  ("S/RES/2777 (2025)", "3")]
    assert "Changed: S/RES/2818 (2026), preambular para. PP8: adds “including those designated by the Security " \
           "Council”" in tracker, tracker
    assert ("S/RES/2818 (2026)", "PP8") in {(c.symbol, c.paragraph) for c in a.citations}
    assert "repeat" not in tracker  # PP8 changed: nothing is said to be unchanged
    _checked(unama, a)
    assert unama.ask(a.question).answer == a.answer
    # Naming no resolution, the track's history as before; two resolutions of no track, retrieval's.
    evolved = unama.ask("How has UNAMA's language on drug trafficking evolved?")
    assert evolved.engine == "mandates" and "first appears in S/RES/2777 (2025)" in evolved.answer, evolved.answer
    assert unama.ask("How did resolution 2760 (2024) differ from resolution 2802 (2025)?").engine != "mandates"



def test_two_resolutions_of_different_tracks_are_retrievals_however_the_change_is_asked(haiti: Briefbot) -> None:
    """A second reader's case: "What changed between resolution 2765 (2024) and resolution 2752 (2024)?" (MONUSCO's
    and the Haiti sanctions') was answered as MONUSCO's 2765 against 2717, 2752 silently dropped. Here 2785 is BINUH's
    and 2794 the sanctions regime's."""
    index = haiti.mandates()
    assert detect("What changed between resolution 2785 (2025) and resolution 2794 (2025)?", index) is None
    assert haiti.ask("What changed between resolution 2785 (2025) and resolution 2794 (2025)?").engine != "mandates"
    # Both of one track, asked the same way: the tracker's.
    intent = detect("What changed between resolution 2752 (2024) and resolution 2794 (2025)?", index)
    assert intent is not None and intent.track == "haiti_sanctions" and intent.resolutions == [2752, 2794]
    assert haiti.ask("What changed between resolution 2752 (2024) and resolution 2794 (2025)?").engine == "mandates"
