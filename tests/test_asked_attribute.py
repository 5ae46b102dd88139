"""An attribute of a named thing ("What is the capital of France?") is answered only by a sentence that states it:
on the full corpus the question was answered with a Libya report's sentence holding "France" (a member of a working
group) and "the capital" (Tripoli). Pure cases for the question and the sentence; a real index over that report's
paragraph, the packaged model and the shipped confidence.json for the answer."""

from __future__ import annotations

import pytest

from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.refs import AskedAttribute, asked_attribute
from briefbot.service import Briefbot


@pytest.mark.parametrize(("question", "asked"), [
    ("What is the capital of France?", AskedAttribute("capital", "France")),
    ("What is the population of Mars?", AskedAttribute("population", "Mars")),
    ("Who was the prime minister of Haiti?", AskedAttribute("prime minister", "Haiti")),
    # said back as asked: "No indexed passage states the GDP of Norway", not "the gdp"
    ("What is the GDP of Norway?", AskedAttribute("GDP", "Norway")),
    ("What is the Capital of France?", AskedAttribute("capital", "France")),
    ("WHAT IS THE CAPITAL OF LIBYA?", AskedAttribute("capital", "LIBYA")),  # all capitals: no acronym
    ("What is the capital of the Democratic Republic of the Congo?",
     AskedAttribute("capital", "Democratic Republic of the Congo")),
    # Anything else is answered in other words than the question's: a mandate, a role, a finding, a lower-case
    # thing, a longer question.
    ("What is the mandate of UNSMIL?", None),
    ("What is the role of the Panel of Experts on Libya?", None),
    ("What is the population of the camps?", None),
    ("What is the capital of France, and who governs it?", None),
    ("Who is the president of Haiti now?", None),
    ("What is the capital of Libya today?", None),
])
def test_the_attribute_a_question_asks_for(question: str, asked: AskedAttribute | None) -> None:
    assert asked_attribute(question) == asked


LIBYA = AskedAttribute("capital", "Libya")


@pytest.mark.parametrize(("sentence", "states"), [
    ("Clashes erupted in Tripoli, the capital of Libya, on 12 May.", True),
    ("Armed groups clashed in the Libyan capital, Tripoli, on 12 May.", True),
    ("Tripoli, the capital of the State of Libya, saw clashes.", True),
    ("Libya's capital saw renewed clashes.", True),
    # Both words, about something else.
    ("The security working group (France, Italy, Libya) met to discuss security developments in the capital.",
     False),
    ("The capital flows of Libya were reviewed.", False),
])
def test_a_sentence_states_the_attribute(sentence: str, states: bool) -> None:
    assert LIBYA.stated_in(sentence) is states


@pytest.mark.parametrize(("asked", "sentence", "holder"), [
    (AskedAttribute("president", "Somalia"), "On 1 December, the President of Somalia, Hassan Sheikh Mohamud, "
     "confirmed the commissioners.", "Hassan Sheikh Mohamud"),
    (AskedAttribute("president", "Mali"), "expresses its support to the work of the Interim president of Mali, "
     "Dioncounda Traoré and urges the Transitional authorities", "Dioncounda Traoré"),
    (LIBYA, "Armed groups clashed in the Libyan capital, Tripoli, on 12 May.", "Tripoli"),
    (LIBYA, "Clashes erupted in Tripoli, the capital of Libya, on 12 May.", "Tripoli"),
    (LIBYA, "In Tripoli, the capital of Libya, clashes erupted on 12 May.", "Tripoli"),
    # Only a name in apposition: not a former holder, not a name further on, not a figure.
    (AskedAttribute("president", "Haiti"), "Taking note of the resignation of Jean-Bertrand Aristide as President of "
     "Haiti and the swearing-in of President Boniface Alexandre", None),
    (AskedAttribute("president", "France"), "credentials signed by the President of France, stating that Mr. Jérôme "
     "Bonnafont has been appointed representative", None),
    (AskedAttribute("population", "Haiti"), "the basic needs of Haiti’s population, 11 million", None),
])
def test_the_holder_is_the_name_in_apposition(asked: AskedAttribute, sentence: str, holder: str | None) -> None:
    assert asked.holder(sentence) == holder


# Paragraph 17 of the Secretary-General's report S/2025/509 (UNSMIL), as the full corpus holds it, beside a
# paragraph that does state the capital of Libya (written for this test).
REPORT = """# Report of the Secretary-General on the United Nations Support Mission in Libya

17. On 13 June, the Co-Chairs of the security working group (France, Italy, Türkiye, the United Kingdom of Great
Britain and Northern Ireland, the African Union and the United Nations) convened in Tripoli to discuss security
developments in the capital. They underscored the importance of maintaining the truce, refraining from the use of
violence and supporting unified and professional security institutions.

18. Armed clashes between rival groups in Tripoli, the capital of Libya, in May 2025 displaced hundreds of families
and disrupted the delivery of humanitarian assistance in the southern districts of the city.

19. France and Italy announced further support for the reopening of the markets and schools of the capital.
"""


@pytest.fixture(scope="module")
def unsmil(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    root = tmp_path_factory.mktemp("attribute")
    doc = root / "docs" / "unsmil_report.md"
    doc.parent.mkdir()
    doc.write_text(REPORT, encoding="utf-8")
    settings = Settings(index=root / "index", engine="extractive", llm_provider=None, llm_model=None)
    report = ingest_paths([doc], settings)
    assert [r.status for r in report.results] == ["ingested"], report.results
    return Briefbot(settings)


def test_both_words_about_something_else_are_no_answer(unsmil: Briefbot) -> None:
    answer = unsmil.ask("What is the capital of France?")
    assert answer.abstained and not answer.citations, answer.answer
    assert answer.answer.startswith("No indexed passage states the capital of France."), answer.answer
    assert answer.hits, "the closest passages are still listed"


def test_a_sentence_stating_it_leads(unsmil: Briefbot) -> None:
    answer = unsmil.ask("What is the capital of Libya?")
    assert not answer.abstained, answer.answer
    assert "Tripoli, the capital of Libya" in answer.citations[0].quote, answer.answer
    # The name in apposition leads ("Tripoli, the capital of Libya"), not any name near the words.
    assert answer.answer.startswith("**Tripoli** [1]"), answer.answer
