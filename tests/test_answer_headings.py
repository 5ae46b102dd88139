"""Two rules of the answer stage, on hits built in the test (page text = the chunks' text, so quotes verify; the
packaged model where a rule turns on sentence similarity): a section's heading is never a quote, and a passage
naming the asked place speaks for it whatever its document is mostly about; nor is a caption or a note of links;
a draft the Council did not adopt is named so and states no answer."""

from __future__ import annotations

import pytest

from briefbot.answer import Embed, _says_nothing, extractive_answer
from briefbot.cite import is_section_title
from briefbot.config import Settings
from briefbot.embed import Embedder
from briefbot.models import Chunk, DocInfo, Hit, Span, not_adopted
from briefbot.web.views import card_from_citation, card_html


def _doc(doc_id: str, missions: list[str]) -> DocInfo:
    return DocInfo(doc_id=doc_id, file_name=f"{doc_id}.pdf", path=None, sha256="0", source="pdf", symbol=doc_id,
                   doc_type="sg_report", title="Report of the Secretary-General", date="2025-06-01", language="en",
                   pages=1, chunks=1, empty_pages=[], warnings=[], missions=missions, ingested_at="")


def _hit(doc: DocInfo, text: str, section: str | None, score: float, label: str | None = None) -> Hit:
    chunk = Chunk(text_hash=f"h{score}", doc_id=doc.doc_id, ordinal=0, text=text,
                  spans=[Span(page=1, start=0, end=len(text), label=label)], paragraph=label, section=section,
                  kind="body")
    return Hit(chunk=chunk, doc=doc, score=score, dense_score=score / 2)


def _answer(question: str, hits: list[Hit], embed: Embed | None = None) -> str:
    texts = {h.doc.doc_id: "\n".join(g.chunk.text for g in hits if g.doc.doc_id == h.doc.doc_id) for h in hits}
    answer = extractive_answer(question, hits, Settings(abstain_threshold=0.0, sentence_model_k=5 if embed else 0),
                               lambda doc_id, page: texts[doc_id], embed=embed)
    return "\n".join(c.quote for c in answer.citations)


def test_a_heading_run_into_its_paragraph_number_is_a_heading() -> None:
    assert is_section_title("B. Gold mining (SLA/AW and RSF)", "Gold mining (SLA/AW and RSF) 90.")
    assert is_section_title("Mirebalais firearms trafficking case", "Mirebalais firearms trafficking case")
    assert not is_section_title("Gold mining (SLA/AW and RSF)", "Gold mining (SLA/AW and RSF) financed the group.")
    assert not is_section_title(None, "Gold mining 90.")
    # A footnote marker after the heading, raised or flattened by the PDF's text, before the paragraph's number.
    assert is_section_title("D. Arms embargo and border control", "Arms embargo and border control³ 42.")
    assert is_section_title("D. Arms embargo and border control", "Arms embargo and border control12 42.")
    assert not is_section_title("D. Arms embargo and border control", "Arms embargo and border control 42 people.")


def test_a_heading_is_never_quoted() -> None:
    doc = _doc("S/2025/239", ["Sudan"])
    first = _hit(doc, "91. Production at the gold mine in Jebel Amer reached 2 kilograms a day, financing the group.",
                 None, 1.0, "91")
    text = "B. Gold mining in Jebel Amer 90. Its output has been a primary source of financing for SLA/AW."
    second = _hit(doc, text, "B. Gold mining in Jebel Amer", 0.95)
    second.chunk.spans = [Span(page=1, start=0, end=32, label=None, at=0),
                          Span(page=1, start=32, end=len(text), label="90", at=32)]
    # The packaged model finds the heading closest to the question: its words and hardly any other.
    settings = Settings()
    model = Embedder(settings.embedding_model, batch_size=8, encoder_dir=settings.encoder_dir)
    quotes = _answer("Whom does gold mining in Jebel Amer finance?", [first, second], model.embed_recent)
    assert "Gold mining in Jebel Amer 90." not in quotes, quotes
    assert "Its output has been a primary source of financing" in quotes, quotes


def test_a_passage_naming_the_asked_place_is_not_elsewhere() -> None:
    # The ISIL Monitoring Team's report is about Syria, Iraq, Afghanistan and Somalia; its paragraph on the Lake
    # Chad basin answers a question on the Lake Chad basin, beside a report on Central Africa saying less.
    global_report = _doc("S/2025/71", ["Syrian Arab Republic", "Iraq", "Afghanistan", "Somalia"])
    regional = _doc("S/2025/342", ["Chad", "Lake Chad", "Cameroon"])
    lake = _hit(global_report, "Member States noted that in the Lake Chad basin cattle rustling remained a prevalent "
                "method of generating money for Boko Haram, and herders paid Boko Haram a levy per herd of cattle.",
                None, 0.9, "105")
    other = _hit(regional, "Boko Haram attacks in the Lake Chad basin displaced herders in Chad and Cameroon.",
                 None, 1.0, "22")
    quotes = _answer("How does Boko Haram get money from herders in the Lake Chad basin?", [other, lake])
    assert "cattle rustling" in quotes, quotes


@pytest.mark.parametrize(("sentence", "nothing"), [
    ("Map 1 Expansion of criminal groups across Port-au-Prince from March to June 2025", True),
    ("Figure I Map of gang-controlled areas in downtown Port au Prince, December 2024", True),
    ("² See https://globalinitiative.net/analysis/haiti-kenya-mission-paralyzed/; and www.lemonde.fr/en/a.html.", True),
    # Prose naming a figure or a source is a sentence like any other.
    ("Figure II shows that gangs control 90 per cent of the capital.", False),
    ("Table 2 summarizes the seizures of 300 weapons in 2024.", False),
    ("Table 1, below, sets out the 300 items.", False),
    ("Table 3 of the report lists 12 seizures of weapons.", False),
    ("See the report at www.unodc.org/x, which found that 85 per cent of the city is under gang control.", False),
])
def test_captions_and_bare_links_say_nothing(sentence: str, nothing: bool) -> None:
    assert _says_nothing(None, sentence) is nothing


def test_a_caption_is_never_quoted() -> None:
    doc = _doc("S/2025/420", ["Haiti"])
    caption = _hit(doc, "Map 1 Expansion of gang control across Port-au-Prince from March to June 2025", None, 1.0)
    prose = _hit(doc, "3. Criminal groups now control an estimated 90 per cent of metropolitan Port-au-Prince.",
                 None, 0.8, "3")
    quotes = _answer("How much of Port-au-Prince is under gang control?", [caption, prose])
    assert quotes.startswith("Criminal groups now control"), quotes
    assert "Map 1" not in quotes


def test_a_draft_the_council_did_not_adopt_is_named_so_and_states_no_answer() -> None:
    # "Until what date did the Council renew the Mali sanctions in 2023?": Russia vetoed the renewal; the vetoed
    # draft's own dates are no decision and are not the bold answer. With only drafts to quote, the answer says
    # so and abstains (a development probe quoted the drafts' preambles); asked about the draft, it quotes it.
    draft = DocInfo(doc_id="S_2023_638", file_name="S_2023_638.xml", path=None, sha256="0", source="bulk",
                    symbol="S/2023/638", doc_type="other", title="Draft resolution S/2023/638 (not adopted): The "
                    "situation in Mali", date="2023-08-30", language="en", pages=1, chunks=1, empty_pages=[],
                    warnings=[], missions=["Mali"], ingested_at="")
    text = "Decides to renew until 31 August 2024 the measures set out in paragraphs 1 to 7 of resolution 2374 (2017);"
    chunk = Chunk(text_hash="d", doc_id=draft.doc_id, ordinal=0, text=text, spans=[Span(page=None, start=0,
                  end=len(text), label="1")], paragraph="1", section=None, kind="operative")
    hits = [Hit(chunk=chunk, doc=draft, score=1.0, dense_score=0.6)]
    answer = extractive_answer("Until what date did the Council renew the Mali sanctions in 2023?", hits,
                               Settings(abstain_threshold=0.0, sentence_model_k=0), lambda doc_id, page: text)
    assert answer.abstained and "from drafts the Council did not adopt (S/2023/638)" in answer.answer, answer.answer
    answer = extractive_answer("Until what date would the vetoed 2023 draft have renewed the Mali sanctions?", hits,
                               Settings(abstain_threshold=0.0, sentence_model_k=0), lambda doc_id, page: text)
    assert answer.citations and answer.citations[0].reference().startswith("S/2023/638 (draft, not adopted)")
    assert "**31 August 2024**" in answer.answer, answer.answer  # what the draft itself said, as asked
    assert not_adopted(draft.title) and not not_adopted("France: draft resolution")
    # The web's citation card and its page view name it the same way (a browser walk found the cards did not).
    card = card_from_citation(answer.citations[0])
    assert card.reference().startswith("S/2023/638 (draft, not adopted)")
    assert "<b>S/2023/638 (draft, not adopted)</b>" in card_html(card)
