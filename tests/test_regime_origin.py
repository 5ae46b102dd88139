""""Which resolution established the Haiti sanctions regime?": the decision imposing its first measures (S/RES/2653
(2022) para. 3) leads, not a Panel report's mention of "the Committee established pursuant to resolution 2653"
(S/2025/356). Pure tests on the Council's own sentences."""

from __future__ import annotations

from briefbot.answer import extractive_answer
from briefbot.config import Settings
from briefbot.models import Chunk, DocInfo, Hit, Span
from briefbot.refs import measure_named, origin_sentence

HAITI_2653_3 = ("Decides that, for an initial period of one year from the date of adoption of this resolution, all "
                "Member States shall take the necessary measures to prevent the entry into or transit through their "
                "territories of any individuals designated by the Committee established pursuant to paragraph 19 "
                "below, provided that nothing in the present paragraph shall oblige a State to refuse its own "
                "nationals entry into its territory;")
REPORT_356 = ("On 18 October 2024, the Security Council adopted resolution 2752 (2024), in which it renewed the "
              "sanctions regime on Haiti consisting of an arms embargo, a travel ban and an asset freeze against "
              "individuals and/or entities designated by the Security Council Committee established pursuant to "
              "resolution 2653 (2022) concerning Haiti as being responsible for, complicit in or having engaged in, "
              "directly or indirectly, actions that threaten the peace, security and stability of Haiti.")


def _hit(symbol: str, doc_type: str, date: str, text: str, paragraph: str, score: float, imposes: bool = False,
         title: str | None = None) -> Hit:
    doc = DocInfo(doc_id=symbol, file_name=f"{symbol}.xml", path=None, sha256="0", source="bulk", symbol=symbol,
                  doc_type=doc_type, title=title, date=date, language="en", pages=1, chunks=1, empty_pages=[],
                  warnings=[], missions=["Haiti"], ingested_at="")
    chunk = Chunk(text_hash=f"h{symbol}", doc_id=symbol, ordinal=0, text=text,
                  spans=[Span(page=1, start=0, end=len(text), label=paragraph)], paragraph=paragraph, section=None,
                  kind="body")
    return Hit(chunk=chunk, doc=doc, score=score, dense_score=score / 2, imposes=imposes)


def test_a_sanctions_regime_is_the_measures_it_imposes() -> None:
    measure = measure_named("Which resolution established the Haiti sanctions regime?")
    assert measure is not None and measure.search(HAITI_2653_3)
    said = origin_sentence(HAITI_2653_3)
    assert said is not None and said.imposes(measure)
    # The Committee is no measure.
    assert measure_named("Which resolution established the Haiti sanctions Committee?") is None


def test_the_decision_establishing_the_regime_is_cited_first() -> None:
    hits = [_hit("S/2025/356", "panel_report", "2025-04-24", REPORT_356, "1", 1.0),
            _hit("S/RES/2653 (2022)", "resolution", "2022-10-21", HAITI_2653_3, "3", 0.6, imposes=True,
                 title="Resolution 2653 (2022): The question concerning Haiti")]
    texts = {h.doc.doc_id: h.chunk.text for h in hits}
    answer = extractive_answer("Which resolution established the Haiti sanctions regime?", hits,
                               Settings(abstain_threshold=0.0, sentence_model_k=0), lambda doc_id, page: texts[doc_id])
    assert (answer.citations[0].symbol, answer.citations[0].paragraph) == ("S/RES/2653 (2022)", "3"), answer.answer
    assert answer.answer.startswith("**S/RES/2653 (2022)** [1]"), answer.answer
