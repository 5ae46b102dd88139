"""The index folder's layout: the one place that knows where each part of an index lives.

    <index>/                      IndexLayout.root
      chroma/                     vectors, embedded mode (one Chroma collection per collection name)
      embeddings.sqlite           embedding cache by text hash, shared by every collection of this index
      serve.lock                  held by the web app while it serves the index (indexlock.py)
      feedback.jsonl              analysts' ratings of answers
      history.sqlite              per-user conversations and permalinks (history.py)
      uploads/                    files uploaded through the web app, kept as indexed
      web-tmp/                    the web app's private temp space (unless web_temp_dir says otherwise)
      triage/                     default output of `briefbot triage`
      <collection>/               per chunking/model settings (Settings.collection_name()):
        catalog.sqlite            documents, page texts, chunks, a trigram index of resolution passages (store.py)
        record-places.json        the places of Council records, read from their catalogue (Store.fill_about)
        ending-passages.json      resolution passages that end something (Retriever._ending_passages)
        origin-passages.json      resolution passages that impose measures or name where they come from
        writer.lock               one writer at a time
        lexical/                  BM25 index and each passage's tokens for the next build (lexical.py)
        mandates.sqlite           mandate tracker cache (mandates/index.py)
        files/<sha256>/<name>     private copies of indexed files, served for downloads and page views
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Settings


@dataclass(frozen=True, slots=True)
class IndexLayout:
    root: Path
    collection: str = ""  # empty when only the index-wide paths are needed

    @classmethod
    def of(cls, settings: Settings) -> IndexLayout:
        return cls(Path(settings.index), settings.collection_name())

    # --- index-wide ---------------------------------------------------------------------------------------------
    @property
    def chroma(self) -> Path:
        return self.root / "chroma"

    @property
    def embedding_cache(self) -> Path:
        return self.root / "embeddings.sqlite"

    @property
    def serve_lock(self) -> Path:
        return self.root / "serve.lock"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback.jsonl"

    @property
    def history(self) -> Path:
        return self.root / "history.sqlite"

    @property
    def uploads(self) -> Path:
        return self.root / "uploads"

    @property
    def web_temp(self) -> Path:
        return self.root / "web-tmp"

    @property
    def triage(self) -> Path:
        return self.root / "triage"

    # --- per collection -----------------------------------------------------------------------------------------
    @property
    def collection_dir(self) -> Path:
        if not self.collection:
            raise ValueError("this layout was made without a collection name")
        return self.root / self.collection

    @property
    def catalog(self) -> Path:
        return self.collection_dir / "catalog.sqlite"

    def derived(self, name: str) -> Path:
        """What readers derived from the catalog for its current version, kept for the next process
        (Store.kept): ``record-places``, ``ending-passages``, ``origin-passages``."""
        return self.collection_dir / f"{name}.json"

    @property
    def writer_lock(self) -> Path:
        return self.collection_dir / "writer.lock"

    @property
    def lexical(self) -> Path:
        return self.collection_dir / "lexical"

    @property
    def vectors(self) -> Path:
        return self.collection_dir / "vectors.f32"

    @property
    def mandates(self) -> Path:
        return self.collection_dir / "mandates.sqlite"

    def file_copy_dir(self, sha256: str) -> Path:
        return self.collection_dir / "files" / sha256
