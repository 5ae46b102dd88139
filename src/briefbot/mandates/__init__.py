"""Mandate tracker: how the Council's organised-crime language for a mission or sanctions regime evolved,
renewal by renewal, every figure traceable to a cited paragraph.

Library use (no pandas needed)::

    from briefbot.mandates import open_mandates
    idx = open_mandates(store)                      # store: briefbot.store.Store of an ingested index
    track = idx.track("minusma", themes=["illicit_natural_resources"])
    for entry in track.entries:
        print(entry.symbol, entry.extends_until, [(c.status, c.paragraph.paragraph) for c in entry.changes])
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..store import Store
from ..taxonomy import load_taxonomy
from .index import BuildReport, MandateIndex
from .model import (
    FirstAppearance,
    Gap,
    ParagraphChange,
    Reference,
    References,
    Track,
    TrackEntry,
    TrackParagraph,
    TrackSummary,
    TrendCell,
    Trends,
    Vote,
)
from .tracks import TrackBook, TrackDef, TracksError, load_tracks

__all__ = [
    "BuildReport", "FirstAppearance", "Gap", "MandateIndex", "ParagraphChange", "Reference", "References", "Track",
    "TrackBook", "TrackDef", "TrackEntry", "TrackParagraph", "TrackSummary", "TracksError", "TrendCell", "Trends",
    "Vote", "load_tracks", "open_mandates",
]


def open_mandates(store: Store, themes_file: Path | None = None, tracks_file: Path | None = None,
                  cache: Path | None = None, today: date | None = None) -> MandateIndex:
    """The mandate index of ``store`` (cached as ``mandates.sqlite`` in its folder unless ``cache`` names a file).

    Built or brought up to date on first query; an index directory you must not write to needs ``cache``.
    ``today`` (default: the day each track is read) says whether a track's last term has passed.
    """
    taxonomy = load_taxonomy(themes_file)
    book = load_tracks(tracks_file, taxonomy.slugs)
    return MandateIndex(store, taxonomy, book, cache, today)
