"""What a PDF is about, as the mission filter and the Library read it: the places its text names most, not every
place it names three times (refs.dominant_places). A Panel report on the Sudan names Libya 21 times, as a route for
arms and fighters; a Libya filter that picked it answered a question on Libya's Panel with the Sudan Panel's date."""

from __future__ import annotations

from typing import Any

from briefbot.models import Filters
from briefbot.parse.meta import place_counts
from briefbot.refs import about_any, dominant_places, places_about
from briefbot.web import views

# S/2025/239 (the Panel of Experts on the Sudan), its detected places in their order and its counts.
SUDAN_PANEL = ["MINUSCA", "Sudan", "Chad", "Libya", "South Sudan", "Central African Republic"]
SUDAN_COUNTS = {"MINUSCA": 3, "Sudan": 72, "Chad": 30, "Libya": 21, "South Sudan": 18, "Central African Republic": 11}


def test_a_pdf_is_about_the_places_it_names_most() -> None:
    assert dominant_places(SUDAN_PANEL, SUDAN_COUNTS) == ("Sudan", "Chad")
    assert not about_any(SUDAN_PANEL, None, ["Libya"], dominant_places(SUDAN_PANEL, SUDAN_COUNTS))
    assert about_any(SUDAN_PANEL, None, ["Sudan"], dominant_places(SUDAN_PANEL, SUDAN_COUNTS))
    assert places_about(SUDAN_PANEL, None, list(dominant_places(SUDAN_PANEL, SUDAN_COUNTS))) == ["Sudan", "Chad"]
    # A country counts its mission's mentions, and the mission goes with it: a Haiti report naming BINUH once, a
    # MINUSCA report naming the country 12 times and the mission 42.
    haiti = dominant_places(["BINUH", "Haiti", "Colombia"], {"BINUH": 1, "Haiti": 82, "Colombia": 9})
    assert haiti == ("BINUH", "Haiti")
    assert dominant_places(["MINUSCA", "Central African Republic"],
                           {"MINUSCA": 42, "Central African Republic": 12}) == ("MINUSCA", "Central African Republic")
    # A regional office's report keeps every place it names (its sections are what it says about each), and so
    # does a report spread over several countries: the Monitoring Team's names the Syrian Arab Republic 32 times
    # and Afghanistan 35, and its revision's counts must not drop Mali from one and not the other.
    assert dominant_places(["UNOCA", "Chad", "Angola"], {"UNOCA": 12, "Chad": 42, "Angola": 10}) == \
        ("UNOCA", "Chad", "Angola")
    spread = ["Syrian Arab Republic", "Afghanistan", "Iraq", "Somalia", "Mali"]
    assert dominant_places(spread, {"Syrian Arab Republic": 32, "Afghanistan": 35, "Iraq": 30, "Somalia": 20,
                                    "Mali": 11}) == tuple(spread)
    # Nothing counted (a catalog's places without text): every detected place stands.
    assert dominant_places(["Libya"], {}) == ("Libya",)
    # A name inside a longer one is not named there: "Sudan" in "South Sudan", "Chad" in "Lake Chad".
    assert place_counts("South Sudan and South Sudan; the Sudan", ["Sudan", "South Sudan"]) == {"Sudan": 1,
                                                                                               "South Sudan": 2}
    assert place_counts("Lake Chad, Lake Chad and Chad", ["Chad", "Lake Chad"]) == {"Chad": 1, "Lake Chad": 2}


def test_the_mission_filter_and_the_library_read_what_a_pdf_is_about(bot: Any) -> None:
    """S/2025/231 (benchmarks for South Sudan) names the Sudan 3 times in 53 place mentions: the Sudan filter does
    not pick it, the South Sudan one does, and its Library row shows only what it is about."""
    doc = next(d for d in bot.library() if d.doc_id == "S_2025_231.pdf")
    assert "Sudan" in doc.missions  # detected at ingest, as before
    assert doc.about and "Sudan" not in doc.about and "South Sudan" in doc.about, doc.about
    row = views.library_rows([doc])[0]
    assert "South Sudan" in row[views.LIBRARY_COLUMNS.index("Missions")]
    assert "Sudan" not in row[views.LIBRARY_COLUMNS.index("Missions")].replace("South Sudan", "")
    assert "S_2025_231.pdf" not in (bot.store.resolve_filters(Filters(missions=["Sudan"])) or [])
    assert "S_2025_231.pdf" in (bot.store.resolve_filters(Filters(missions=["South Sudan"])) or [])
    assert "S_2025_231.pdf" in (bot.store.resolve_filters(Filters(missions=["UNMISS"])) or [])
    # The filter's choices are what the documents are about.
    assert ("Sudan", "Sudan") not in views.mission_choices([doc])


def test_a_pdf_only_index_keeps_its_places_for_the_next_process(bot: Any) -> None:
    """The places are kept once every document with places was placed: an index of PDFs only (no Council record)
    kept none, and each CLI process with a mission filter counted every PDF again."""
    from briefbot.refs import record_places_rules

    bot.library()
    store = bot.store
    kept = store.kept("record-places", store.version(), record_places_rules())
    assert isinstance(kept, dict) and "South Sudan" in kept.get("S_2025_231.pdf", []), kept
