"""BriefbotRetriever against LangChain's standard retriever tests, over a real index and the real model."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.documents import Document
from langchain_tests.integration_tests import RetrieversIntegrationTests

from briefbot.lc import BriefbotRetriever
from briefbot.models import Filters
from briefbot.retrieve import Retriever
from briefbot.service import Briefbot
from sample_index import sample_briefbot

# The standard suite has one async test; pytest-asyncio runs in strict mode here, so it needs the mark, and the
# mark on the sync tests only draws a warning, silenced below.
pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.filterwarnings("ignore:The test <Function .*> is marked with '@pytest.mark.asyncio'"
                               ":pytest.PytestWarning"),
]

QUERY = "What does the panel report say about arms embargo violations?"


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return sample_briefbot(tmp_path_factory)


class TestBriefbotRetrieverStandard(RetrieversIntegrationTests):
    _bot: Briefbot | None = None

    @pytest.fixture(autouse=True)
    def _use_sample_index(self, bot: Briefbot) -> None:
        # The standard suite builds the retriever from class properties, not fixtures: hand the index over here.
        type(self)._bot = bot

    @property
    def retriever_constructor(self) -> type[BriefbotRetriever]:
        return BriefbotRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        assert self._bot is not None
        return {"briefbot": self._bot, "k": 4}

    @property
    def retriever_query_example(self) -> str:
        return QUERY


def test_metadata_carries_provenance(bot: Briefbot) -> None:
    docs = BriefbotRetriever(briefbot=bot, k=5).invoke(QUERY)
    assert len(docs) == 5 and all(isinstance(d, Document) for d in docs)
    hits = bot.retrieve(QUERY, k=5)
    for doc, hit in zip(docs, hits, strict=True):
        m = doc.metadata
        assert doc.page_content == hit.chunk.text
        assert {"document", "symbol", "page", "paragraph", "doc_type", "date", "title", "score", "rank"} <= set(m)
        assert (m["document"], m["symbol"], m["page"], m["paragraph"], m["rank"]) == \
               (hit.doc.file_name, hit.doc.symbol, hit.chunk.page_start, hit.chunk.paragraph, hit.rank)
        assert m["doc_type"] == hit.doc.doc_type and m["date"] == hit.doc.date and m["title"] == hit.doc.title
        assert m["score"] == pytest.approx(hit.score)
    assert [d.metadata["rank"] for d in docs] == [1, 2, 3, 4, 5]
    # The SG report's paragraph on embargo violations is among the first three (the Panel-of-Experts resolutions
    # whose subject titles name the panel, and their paragraphs on embargo violations, may rank beside it).
    assert ("S/2025/257", 2, "4") in [(d.metadata["symbol"], d.metadata["page"], d.metadata["paragraph"])
                                      for d in docs[:3]]


def test_filters_and_a_bare_retriever(bot: Briefbot) -> None:
    only = BriefbotRetriever(briefbot=bot.retriever, k=3, filters=Filters(doc_types=["resolution"]))
    assert isinstance(only.briefbot, Retriever)
    docs = only.invoke(QUERY)
    assert len(docs) == 3 and {d.metadata["doc_type"] for d in docs} == {"resolution"}
    lexical = BriefbotRetriever(briefbot=bot).invoke(QUERY, k=2, mode="lexical")
    assert len(lexical) == 2
