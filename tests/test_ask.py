"""Ask at the seams: references in questions, filters, quotes, abstention and the batch JSON interface.

Real index over ingest/samples (conftest.sample_index): real PDFs, the packaged model, real Chroma.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefbot.cli import app
from briefbot.models import Filters
from briefbot.refs import parse_references
from briefbot.service import Briefbot


def test_reference_parsing() -> None:
    refs = parse_references("What does paragraph 12 of resolution 2781 (2025) decide?")
    assert refs.symbols == ["S/RES/2781 (2025)"]
    assert refs.paragraphs == ["12"]
    refs = parse_references("In S/2025/257, what does para. 7 (c) say, and the Libya panel's interim report?")
    assert "S/2025/257" in refs.symbols
    assert "7 (c)" in refs.paragraphs
    assert "Libya" in refs.places and "panel_report" in refs.doc_types


def test_named_paragraph_is_reached_directly(bot: Briefbot) -> None:
    hits = bot.retrieve("What does paragraph 16 of resolution 2781 (2025) say?")
    top = hits[0]
    assert top.doc.symbol == "S/RES/2781 (2025)"
    assert "16" in {s.label for s in top.chunk.spans}
    assert top.chunk.page_start == 6


def test_answer_cites_symbol_page_paragraph_with_verbatim_quote(bot: Briefbot) -> None:
    answer = bot.ask("Until what date did resolution 2769 (2025) extend the mandate of the Panel of Experts on Libya?")
    assert not answer.abstained
    assert answer.citations, answer.answer
    first = answer.citations[0]
    assert (first.symbol, first.page, first.paragraph) == ("S/RES/2769 (2025)", 6, "22")
    assert "15 May 2026" in first.quote
    for c in answer.citations:
        # A quote over a page break (para. 12 runs from page 4 to 5) is verbatim part by part, on each page.
        for number, part in c.parts or [(c.page, c.quote)]:
            assert part in bot.page_text(c.document, number)
        page = bot.page_text(c.document, c.page)
        assert page[c.start:c.end] == (c.parts[0][1] if c.parts else c.quote)
        assert f"[{c.key}]" in answer.answer


def test_filters_restrict_documents(bot: Briefbot) -> None:
    hits = bot.retrieve("arms embargo inspections", filters=Filters(doc_types=["sg_report"]))
    assert hits and {h.doc.doc_type for h in hits} == {"sg_report"}
    hits = bot.retrieve("arms embargo", filters=Filters(symbols=["S/RES/2780 (2025)"]))
    assert hits and {h.doc.symbol for h in hits} == {"S/RES/2780 (2025)"}
    assert bot.retrieve("arms embargo", filters=Filters(year_from=2030)) == []


def test_filters_no_document_fits_are_named_not_answered(bot: Briefbot) -> None:
    """A filter no indexed document fits (no analyses indexed, a year to come) is said to be the reason, with its
    remedy, instead of "no indexed passage relates to this question"."""
    answer = bot.ask("What did the Council decide on the arms embargo?", filters=Filters(origin="analysis"))
    assert answer.abstained and not answer.hits
    assert answer.answer == "No indexed document fits the filters (source analyses): clear or widen them."
    answer = bot.ask("What did the Council decide?", filters=Filters(doc_types=["resolution"], year_from=2030))
    assert "fits the filters (type Security Council resolution; years 2030-…)" in answer.answer
    answer = bot.ask("What did the Council decide?", filters=Filters(doc_ids=["hidden_or_gone.pdf"]))
    assert "fits the filters (1 chosen document)" in answer.answer and "hidden_or_gone" not in answer.answer
    filtered = bot.ask("What did the Council decide on the arms embargo?", filters=Filters(doc_types=["resolution"]))
    assert not filtered.abstained
    # An answer is as narrow as its filters, and says so; an unfiltered one does not.
    assert "Only the documents fitting the filters (type Security Council resolution) were searched; others may " \
        "say more or later." in filtered.notes, filtered.notes
    assert not any("filters" in n for n in bot.ask("What did the Council decide on the arms embargo?").notes)
    # Documents fit, but not the one that answers: the abstention says the filter left it out, not the index.
    answer = bot.ask("Until when is the South Sudan arms embargo renewed?", filters=Filters(
        symbols=["S/RES/2769 (2025)"]))
    assert answer.abstained and answer.answer.endswith(
        "Only the documents fitting the filters (1 chosen document) were searched: clear or widen them to search "
        "everything."), answer.answer
    assert not bot.ask("Until when is the South Sudan arms embargo renewed?").abstained


def test_a_reversed_year_range_means_the_years_between_in_every_adapter(sample_index: tuple[Any, Any],
                                                                       bot: Briefbot) -> None:
    """From 2026 to 2024 is read as 2024-2026, and the answer says so first: the web swapped it without a word
    while the CLI searched an empty range and said no document fits (one input, two meanings)."""
    settings, _ = sample_index
    q = "Until when did the Council extend the Panel of Experts on Libya?"
    note = "Years read as 2024-2026: the range was given from 2026 to 2024."
    ordered = bot.ask(q, filters=Filters(year_from=2024, year_to=2026))
    turned = bot.ask(q, filters=Filters(year_from=2026, year_to=2024))
    assert not turned.abstained and "15 May 2026" in turned.answer
    assert (turned.answer, [c.to_dict() for c in turned.citations]) == (
        ordered.answer, [c.to_dict() for c in ordered.citations])
    assert turned.notes == [note, *ordered.notes] and note not in ordered.notes
    assert "Only the documents fitting the filters (years 2024-2026) were searched" in turned.notes[1]
    assert [(h.doc.doc_id, h.chunk.ordinal) for h in bot.retrieve(q, filters=Filters(year_from=2026, year_to=2024))
            ] == [(h.doc.doc_id, h.chunk.ordinal) for h in bot.retrieve(q, filters=Filters(year_from=2024,
                                                                                            year_to=2026))]
    # The CLI reads it the same way, through the same service.
    result = CliRunner().invoke(app, ["ask", q, "--year-from", "2026", "--year-to", "2024", "--json",
                                      "--index", str(settings.index)])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert (row["abstained"], row["answer"], row["notes"][0]) == (False, ordered.answer, note)
    result = CliRunner().invoke(app, ["ask", q, "--year-from", "2026", "--year-to", "2024",
                                      "--index", str(settings.index)])
    assert result.exit_code == 0, result.output
    assert f"note: {note}" in result.stdout and "15 May 2026" in result.stdout


def test_mission_filter_reaches_council_records(tmp_path: Path) -> None:
    """Council resolutions read from Akoma Ntoso carry no detected missions; the Mission or country filter picks
    them by the places their titles name (a mission standing for its country) instead of dropping them all."""
    import shutil

    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("S_RES_2509_2020-2002070E.xml", "S_RES_2741-2411824E.xml"):  # Libya; "The situation in Somalia"
        shutil.copy2(Path(__file__).parent / "fixtures" / "akn" / name, docs)
    settings = Settings(index=tmp_path / "index")
    assert not ingest_paths([docs], settings).failed
    bot = Briefbot(settings)
    symbols = {d.doc_id: d.symbol for d in bot.library()}
    assert all(not d.missions for d in bot.library())

    def allowed(*missions: str) -> set[str | None]:
        return {symbols[i] for i in bot.store.resolve_filters(Filters(missions=list(missions))) or []}

    assert allowed("Libya") == {"S/RES/2509 (2020)"}
    assert allowed("UNSMIL") == {"S/RES/2509 (2020)"}  # the mission's country
    assert allowed("Somalia", "Libya") == {"S/RES/2509 (2020)", "S/RES/2741 (2024)"}
    assert allowed("Haiti") == set()
    # A title naming South Sudan is not about the Sudan, unless it names the Sudan on its own too.
    from briefbot.refs import about_any, doc_places

    assert not about_any([], "Resolution 2821 (2026): South Sudan — sanctions", ["Sudan"])
    assert about_any([], "Reports of the Secretary-General on the Sudan and South Sudan", ["Sudan"])
    assert about_any([], "Reports of the Secretary-General on the Sudan and South Sudan", ["UNMISS"])
    # Ranking reads the same places: a title's country stands for its missions ("UNMISS" asks about South Sudan).
    record = next(d for d in bot.library() if d.symbol == "S/RES/2509 (2020)")
    assert {"libya", "unsmil"} <= doc_places(record) and not doc_places(record, titles=False)
    # The filter offers, and the library shows, the places those titles name.
    from briefbot.web import views

    assert {"Libya", "Somalia"} <= {v for _, v in views.mission_choices(bot.library())}
    missions = views.LIBRARY_COLUMNS.index("Missions")
    assert {r[0]: r[missions] for r in views.library_rows(bot.library())}["S/RES/2741 (2024)"] == "Somalia"
    answer = bot.ask("Until when is the Panel of Experts mandate extended?", filters=Filters(missions=["Libya"]))
    assert answer.citations and {c.symbol for c in answer.citations} == {"S/RES/2509 (2020)"}


def test_abstains_on_question_the_documents_do_not_answer(bot: Briefbot) -> None:
    answer = bot.ask("What is the recipe for a traditional Neapolitan pizza margherita?")
    assert answer.abstained
    assert answer.citations == []
    assert answer.hits, "the closest passages are still offered"


def test_batch_json_keeps_input_order_and_reports_bad_lines(sample_index: tuple[Any, Any], tmp_path: Path) -> None:
    settings, _ = sample_index
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "b", "question": "Until when is the Group of Experts on the DRC mandate extended?"}),
        "not json",
        json.dumps({"id": "a", "question": "What did Operation IRINI inspect off Libya?"}),
    ]), encoding="utf-8")
    result = CliRunner().invoke(app, ["ask", "--batch", str(batch), "--json", "--index", str(settings.index)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r.get("id") for r in rows] == ["b", None, "a"]
    assert "error" in rows[1]
    for r in (rows[0], rows[2]):
        assert set(r) >= {"id", "question", "answer", "abstained", "citations", "passages"}
        assert len(r["passages"]) >= 10 or len(r["passages"]) == len(rows[0]["passages"])
        for p in r["passages"]:
            assert set(p) >= {"rank", "score", "document", "symbol", "page", "paragraph", "text"}


def test_ask_without_index_gives_remedy(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ask", "anything", "--index", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "briefbot ingest" in result.output


def test_the_terminal_prints_document_text_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    """rich read "[/mnt]" in a quote as a closing tag and stopped `briefbot ask` with a MarkupError, and "[bold]"
    in a document styled what followed; the direct line is bold without its asterisks."""
    from briefbot.cli import print_answer
    from briefbot.models import Answer

    answer = Answer(question="q", answer="**15 May [/b] 2026** [1]\nS/1, para. 3: “files in [/mnt] and [bold]x” [1]",
                    abstained=False, citations=[], hits=[], notes=["[1] supersedes [/old] (“1 May”)."])
    print_answer(answer)
    printed = capsys.readouterr().out
    assert "15 May [/b] 2026 [1]" in printed and "**" not in printed
    assert "“files in [/mnt] and [bold]x” [1]" in printed
    assert "note: [1] supersedes [/old] (“1 May”)." in printed
