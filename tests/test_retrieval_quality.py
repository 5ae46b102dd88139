"""Retrieval seams with real parts (packaged model, embedded Chroma, real PDFs): continued paragraphs keep their
number, the reranking model reorders the fused candidates without losing any."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED, sample_indexes


def test_a_heading_after_a_paragraph_is_not_numbered_as_its_continuation(sample_index: tuple[Any, Any]) -> None:
    """S/2025/231: "Progress achieved on benchmark (b): …" follows para. 17 without a number of its own; it is a
    heading (no full stop), so it does not become paragraph 17."""
    from briefbot.store import Store

    settings, _ = sample_index
    store = Store(settings)
    chunks = store.chunks_of("S_2025_231.pdf")
    store.label_continuations(chunks)
    heading = next(c for c in chunks if c.text.startswith("Progress achieved on benchmark (b)"))
    assert heading.paragraph is None and all(s.label is None for s in heading.spans)
    assert all(c.paragraph for c in chunks if c.kind == "numbered")


@pytest.mark.shared
def test_a_paragraph_split_after_a_footnote_mark_keeps_its_number(tmp_path_factory: pytest.TempPathFactory) -> None:
    """S/2025/420 para. 34 ends a line after footnote mark 49 and goes on ("Since then, multiple reports …"); that
    second block was indexed without a number, so the raid it reports was cited as no paragraph at all. (Since
    READER_VERSION 8 the paragraph is one block: the line pdfium split at the marker is read as one line.)"""
    from briefbot.service import Briefbot

    def extra(folder: Path) -> list[Path]:
        shutil.copy(SHARED / "S_2025_420.pdf", folder / "S_2025_420.pdf")
        return [folder / "S_2025_420.pdf"]

    settings = sample_indexes(tmp_path_factory).variant("haiti_s_2025_420", extra)
    bot = Briefbot(settings.model_copy(update={"abstain_threshold": 0.0}))
    question = "Which facility did the Haitian police raid over suspected organ harvesting, and where was it?"
    hits = bot.retrieve(question, k=10)
    continued = [h for h in hits if "Since then, multiple reports" in h.chunk.text]
    assert continued, [h.chunk.text[:60] for h in hits]
    assert continued[0].chunk.paragraph == "34" and continued[0].to_passage()["paragraphs"] == ["34"]
    answer = bot.ask(question)
    raid = [c for c in answer.citations if "Pétion-Ville" in c.quote]
    assert raid and raid[0].paragraph == "34" and raid[0].page == 13, answer.answer
    # Paragraph 35 starts with its own number and keeps it.
    assert all(h.chunk.paragraph == "35" for h in hits if h.chunk.text.startswith("35."))


def test_the_reranker_reorders_the_fused_candidates_and_loses_none(sample_index: tuple[Any, Any],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """rerank.json matches the features the code computes; with it, the fused top candidates come back in the
    model's order, the same passages as without it, and the scores keep fusion's scale (best first). Read where
    the reranker works (the first ranking of a question): the currency rules after it put a place's renewal first at
    the leader's score, which they do with the reranker or without it, at different ranks (the first question, once
    "authorisation" was read as the documents' "authorization")."""
    from briefbot.rerank import FEATURES, load_model
    from briefbot.retrieve import Retriever
    from briefbot.service import Briefbot

    model = load_model()
    assert model is not None and len(model.coef) == len(FEATURES)
    settings, _ = sample_index
    on = Briefbot(settings)
    off = Briefbot(settings.model_copy(update={"rerank": False}))
    first: list[list[Any]] = []
    ranked_by = Retriever._ranked

    def spy(self: Retriever, *args: Any, **kwargs: Any) -> Any:
        out = ranked_by(self, *args, **kwargs)
        first.append(list(out))
        return out

    monkeypatch.setattr(Retriever, "_ranked", spy)

    def ranking(bot: Briefbot, question: str) -> list[Any]:
        first.clear()
        bot.retrieve(question, k=model.depth)
        return first[0][:model.depth]

    moved = 0
    for question in ("Until when did the Council renew the authorisation to inspect vessels off Libya?",
                     "What share of the unified forces who graduated have been deployed in South Sudan?",
                     "Can the Libyan Investment Authority put its frozen funds in deposits?"):
        ranked = ranking(on, question)
        fused = ranking(off, question)
        assert {h.chunk.text_hash for h in ranked} == {h.chunk.text_hash for h in fused}
        scores = [h.score for h in ranked]
        assert scores == sorted(scores, reverse=True)
        assert scores == pytest.approx(sorted((h.score for h in fused), reverse=True))
        assert [h.rank for h in ranked] == list(range(1, len(ranked) + 1))
        moved += [h.chunk.text_hash for h in ranked] != [h.chunk.text_hash for h in fused]
    assert moved  # the model is read: some order changes


def test_a_named_year_searches_that_years_decisions_with_bm25_too(sample_index: tuple[Any, Any]) -> None:
    """"In 2012, could trade through harbours run by the Somali jihadist movement …" is answered by 2060 (2012)
    para. 2 (b), which 30 other years' Al-Shabaab paragraphs outscore library-wide: a question naming a year (and
    no document) also takes BM25's best passages of that year's Council decisions as candidates, as it already took
    the model's. A question naming a document, or no year, searches as before."""
    from briefbot.service import Briefbot

    settings, _ = sample_index
    bot = Briefbot(settings)
    lexical = bot.retriever.lexical
    calls: list[set[str] | None] = []
    search = lexical.search

    def recorded(question: str, n: int, allowed: set[str] | None = None, *args: Any, **kwargs: Any) -> Any:
        calls.append(allowed)
        return search(question, n, allowed, *args, **kwargs)

    lexical.search = recorded  # type: ignore[method-assign]
    docs = bot.retriever.documents()
    of_2025 = {d for d, info in docs.items() if info.doc_type == "resolution" and (info.date or "").startswith("2025")}
    assert of_2025
    hashes = bot.store.hashes_of_documents(of_2025)
    hits = bot.retrieve("In 2025, which vessels could States inspect on the high seas off Libya?", k=10)
    assert hits and hashes in calls
    found = bot.retriever.lexical.search("which vessels could States inspect on the high seas off Libya", 5, hashes)
    assert found and all(h in hashes for h, _ in found)
    calls.clear()
    bot.retrieve("Which vessels could States inspect on the high seas off Libya?", k=10)
    assert calls == [None]
