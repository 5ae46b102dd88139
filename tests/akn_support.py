"""A real index of one of the Council XML fixtures (tests/fixtures/akn/NAME), for tests at the retrieval and answer
seams: the folder is copied, its xml_en ingested with the packaged model and real Chroma."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefbot.config import Settings
from briefbot.ingest import ingest_paths

AKN = Path(__file__).parent / "fixtures" / "akn"


def indexed_fixture(tmp: Path, name: str, *also: str) -> Settings:
    """The fixture's xml_en indexed, and its folders ``also`` (PDFs beside the XML: "letters", "reports")."""
    shutil.copytree(AKN / name, tmp / "corpus")
    settings = Settings(index=tmp / "index")
    assert not ingest_paths([tmp / "corpus" / "xml_en", *(tmp / "corpus" / f for f in also)], settings).failed
    return settings
