"""LangChain integration: briefbot's hybrid retrieval as a ``BaseRetriever``.

Lets LangChain chains and agents use the same retrieval (dense + BM25, fused, reference-aware, filterable) as
the app, with provenance in each Document's metadata::

    from briefbot.lc import BriefbotRetriever
    retriever = BriefbotRetriever.from_settings(load_settings(), k=5)
    docs = retriever.invoke("Which resolution renewed the Libya arms embargo inspections?")
    docs[0].metadata["symbol"], docs[0].metadata["page"], docs[0].metadata["paragraph"]
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from .config import Settings
from .models import Filters, Hit, RetrievalMode
from .retrieve import Retriever
from .service import Briefbot, open_briefbot


def hit_to_document(hit: Hit) -> Document:
    """One retrieved passage as a LangChain Document (page_content = passage text, provenance in metadata)."""
    chunk, doc = hit.chunk, hit.doc
    metadata: dict[str, Any] = {
        "document": doc.file_name,
        "doc_id": doc.doc_id,
        "symbol": doc.symbol,
        "page": chunk.page_start,
        "page_end": chunk.page_end,
        "paragraph": chunk.paragraph,
        "section": chunk.section,
        "doc_type": doc.doc_type,
        "date": doc.date,
        "title": doc.title,
        "score": hit.score,
        "rank": hit.rank,
        "also_in": list(hit.also_in),
    }
    return Document(page_content=chunk.text, metadata=metadata, id=f"{doc.doc_id}#{chunk.ordinal}")


class BriefbotRetriever(BaseRetriever):
    """Retrieves passages through a :class:`~briefbot.service.Briefbot` (or a bare ``Retriever``).

    ``k`` may also be given per call: ``retriever.invoke(query, k=3)``; likewise ``filters`` and ``mode``.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    briefbot: Briefbot | Retriever = Field(description="A loaded Briefbot or Retriever over an existing index.")
    k: int = Field(4, ge=1, le=100, description="Passages returned per query.")
    filters: Filters | None = Field(None, description="Restrict by document type, years, symbols, missions.")
    mode: RetrievalMode | None = Field(None, description="'hybrid', 'dense' or 'lexical'; None uses the settings.")

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> BriefbotRetriever:
        """A retriever over the index the settings name (one loaded Briefbot per index in a process)."""
        return cls(briefbot=open_briefbot(settings), **kwargs)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                **kwargs: Any) -> list[Document]:
        k = int(kwargs.get("k") or self.k)
        filters = kwargs.get("filters", self.filters)
        mode = kwargs.get("mode", self.mode)
        source = self.briefbot
        if isinstance(source, Briefbot):
            hits = source.retrieve(query, k=k, filters=filters, mode=mode)
        else:
            hits = source.search(query, k=k, filters=filters, mode=mode)
        return [hit_to_document(h) for h in hits[:k]]
