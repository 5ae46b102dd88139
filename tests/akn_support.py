"""A real index of one of the Council XML fixtures (tests/fixtures/akn/NAME), for tests at the retrieval and answer
seams: the folder is copied, its xml_en ingested with the packaged model and real Chroma."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from briefbot.config import Settings
from briefbot.ingest import ingest_paths
from briefbot.mandates import MandateIndex, open_mandates
from briefbot.service import Briefbot
from briefbot.store import Store

AKN = Path(__file__).parent / "fixtures" / "akn"


def indexed_fixture(tmp: Path, name: str, *also: str) -> Settings:
    """The fixture's xml_en indexed, and its folders ``also`` (PDFs beside the XML: "letters", "reports")."""
    shutil.copytree(AKN / name, tmp / "corpus")
    settings = Settings(index=tmp / "index")
    assert not ingest_paths([tmp / "corpus" / "xml_en", *(tmp / "corpus" / f for f in also)], settings).failed
    return settings


def rules_only_bot(tmp: Path, name: str) -> Briefbot:
    """A Briefbot over the fixture with the confidence model aside (threshold 0): a few resolutions score lower
    than the full corpus, where the questions were answered, so the rules tested must abstain on their own."""
    return Briefbot(Settings(index=indexed_fixture(tmp, name).index, abstain_threshold=0.0))


def fixture_mandates(tmp: Path, name: str, today: datetime.date) -> MandateIndex:
    """The mandate index of the fixture's resolutions, cached in ``tmp``, its tracks read as of ``today``."""
    settings = indexed_fixture(tmp, name)
    return open_mandates(Store(settings, create=False), cache=tmp / "mandates.sqlite", today=today)
