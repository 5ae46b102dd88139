"""Triage cards and summaries on real UN PDFs (real parser, model and Chroma), the taxonomy file, and the batch
command's failure handling and idempotence through the real CLI.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field
from typer.testing import CliRunner

from briefbot.cli import app
from briefbot.config import Settings
from briefbot.mandates.tracks import load_tracks, parse_tracks
from briefbot.models import Citation
from briefbot.service import Briefbot
from briefbot.store import Store
from briefbot.summarise import summarise_document
from briefbot.taxonomy import TaxonomyError, load_taxonomy, named_items, parse_taxonomy, theme_hits
from briefbot.triage import TriageCard, is_boilerplate, is_fragment, mandate_tracks, triage_document
from sample_index import SAMPLES, sample_briefbot

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
JUNK = FIXTURES / "S_2024_207_ODS_not_found_placeholder.pdf"
SLUGS = ["arms_trafficking", "drug_trafficking", "trafficking_in_persons", "migrant_smuggling",
         "illicit_natural_resources", "illicit_financial_flows", "terrorist_financing", "kidnapping_for_ransom",
         "extortion_illegal_taxation", "corruption", "piracy_maritime_crime", "sanctions_measures"]


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Briefbot:
    return sample_briefbot(tmp_path_factory)


def card_of(bot: Briefbot, file_name: str, themes_file: Path | None = None) -> TriageCard:
    return triage_document(bot.store, bot.store.document(file_name), load_taxonomy(themes_file))


def assert_verbatim(store: Store, doc_id: str, c: Citation) -> None:
    """The quote is exactly the page text at the recorded offsets."""
    page = store.page_text(doc_id, c.page)
    assert c.start is not None and c.end is not None
    assert page[c.start:c.end] == c.quote, (c.page, c.quote)
    assert len(c.quote) >= 20


def all_citations(card: TriageCard) -> list[Citation]:
    out = [e.citation for t in card.themes for e in t.evidence]
    out += [k.citation for k in card.key_paragraphs]
    out += [a.citation for a in card.actors if a.citation]
    return out


# --- cards on real reports -------------------------------------------------------------------------------------

def test_report_card_themes_with_cited_paragraphs(bot: Briefbot) -> None:
    card = card_of(bot, "S_2025_257.pdf")  # SG report on high-seas inspections off Libya (arms embargo)
    assert card.symbol == "S/2025/257" and card.doc_type == "sg_report"
    tagged = {t.slug for t in card.tagged}
    assert {"arms_trafficking", "sanctions_measures"} <= tagged
    assert not tagged & {"drug_trafficking", "piracy_maritime_crime", "kidnapping_for_ransom"}
    arms = next(t for t in card.themes if t.slug == "arms_trafficking")
    assert arms.score >= arms.threshold and arms.evidence
    # The smuggling-networks paragraph is evidence, cited with its printed paragraph number and page.
    smuggling = [e.citation for e in arms.evidence if "arms smuggling networks" in e.citation.quote]
    assert smuggling, [e.citation.quote for e in arms.evidence]
    assert smuggling[0].paragraph == "21" and smuggling[0].page == 4
    for c in all_citations(card):
        assert_verbatim(bot.store, "S_2025_257.pdf", c)
    assert card.period is not None
    assert (card.period.start, card.period.end) == ("2024-11-01", "2025-04-14")
    assert "Libya" in card.countries and card.health["readable"] and card.health["language"] == "en"


def test_theme_features_describe_where_the_evidence_is(bot: Briefbot) -> None:
    """What a decision layer would read (evals/fit_theme_decision.py): shares of the score from operative
    (numbered) paragraphs, enumerations and footnotes, and the evidence against the threshold on a log scale."""
    resolution = card_of(bot, "S_RES_2769_2025.pdf")  # Libya sanctions: the measures are operative paragraphs
    report = card_of(bot, "S_2025_257.pdf")
    for card, is_resolution in ((resolution, 1.0), (report, 0.0)):
        for t in card.themes:
            if not t.sentences:
                assert t.features == {}
                continue
            f = t.features
            assert f["resolution"] == is_resolution and f["rule"] == float(t.tagged)
            assert (f["ratio"] >= 0) == (t.score >= t.threshold)
            assert all(0.0 <= f[k] <= 1.0 for k in ("numbered", "listed", "footnoted"))
    arms = next(t for t in resolution.themes if t.slug == "arms_trafficking")
    assert arms.features["numbered"] > 0.5  # the embargo is decided in numbered operative paragraphs
    assert arms.features["paragraphs"] > 0


def test_resolution_card_subthemes_symbols_and_actors(bot: Briefbot) -> None:
    card = card_of(bot, "S_RES_2769_2025.pdf")  # Libya sanctions: arms embargo, asset freeze, illicit petroleum
    tagged = {t.slug: t for t in card.tagged}
    assert {"arms_trafficking", "illicit_natural_resources", "sanctions_measures"} <= set(tagged)
    resources = tagged["illicit_natural_resources"]
    assert "oil_fuel" in resources.subthemes
    assert any("petroleum" in e.citation.quote.lower() for e in resources.evidence)
    for c in all_citations(card):
        assert_verbatim(bot.store, "S_RES_2769_2025.pdf", c)
    cited = {d.symbol: d for d in card.cited_documents}
    assert "S/RES/1970 (2011)" in cited and not cited["S/RES/1970 (2011)"].in_index
    assert card.symbol not in cited  # a document does not cite itself

    report = card_of(bot, "S_2025_257.pdf")
    ref = next(d for d in report.cited_documents if d.symbol == "S/RES/2769 (2025)")
    assert ref.in_index and ref.doc_id == "S_RES_2769_2025.pdf"


def test_actors_and_key_paragraphs(bot: Briefbot) -> None:
    card = card_of(bot, "S_2025_231.pdf")  # South Sudan arms-embargo benchmarks
    actors = {a.name: a for a in card.actors}
    assert "SPLM/A-IO" in actors and actors["SPLM/A-IO"].mentions >= 5
    quote = actors["SPLM/A-IO"].citation
    assert quote is not None and "SPLM/A-IO" in quote.quote
    assert card.missions == ["UNMISS"] and "South Sudan" in card.countries
    concluding = [k for k in card.key_paragraphs if k.reason in ("observation", "recommendation")]
    assert concluding and all(k.citation.page >= 9 for k in concluding if k.citation.page)
    assert {k.reason for k in card.key_paragraphs} <= {"recommendation", "observation", "finding"}
    assert not any(is_boilerplate(k.citation.quote) for k in card.key_paragraphs)
    assert any("urge" in k.citation.quote for k in card.key_paragraphs)
    labels = [k.citation.paragraph for k in card.key_paragraphs]
    assert len(labels) == len(set(labels))  # one entry per paragraph
    for c in all_citations(card):
        assert_verbatim(bot.store, "S_2025_231.pdf", c)


def test_card_json_is_complete(bot: Briefbot) -> None:
    data = card_of(bot, "S_RES_2781_2025.pdf").to_dict()
    for key in ("symbol", "doc_type", "title", "date", "period", "missions", "countries", "pages", "health",
                "themes", "tagged_themes", "actors", "cited_documents", "key_paragraphs", "priority",
                "priority_parts"):
        assert key in data
    assert [t["slug"] for t in data["themes"]] != [] and set(data["tagged_themes"]) <= set(SLUGS)
    assert abs(sum(data["priority_parts"].values()) - data["priority"]) < 0.5
    json.dumps(data)


# --- summaries -------------------------------------------------------------------------------------------------

def test_extractive_summary_every_sentence_cited(bot: Briefbot) -> None:
    info = bot.store.document("S/2025/257")
    summary = summarise_document(bot.store, info, bot.settings, load_taxonomy())
    assert summary.engine == "extractive" and 3 <= len(summary.citations) <= 7
    for i, (sentence, c) in enumerate(zip(summary.sentences, summary.citations, strict=True), start=1):
        assert c.key == str(i) and sentence == f"{c.quote} [{i}]"
        assert_verbatim(bot.store, info.doc_id, c)
    # The main finding first, then document order; nothing procedural.
    pages = [c.page or 0 for c in summary.citations[1:]]
    assert pages == sorted(pages)
    assert not any(is_boilerplate(c.quote) for c in summary.citations)
    assert "arms embargo" in summary.citations[0].quote
    assert any("arms" in c.quote for c in summary.citations)
    assert "[1] S/2025/257" in summary.markdown()


class _PassageEcho(BaseChatModel):
    """A stand-in chat model: map replies quote the passage holding ``needle`` (plus one unsupported claim);
    reduce replies return the notes. Enough to exercise map-reduce and the citation check, not a language model."""

    needle: str
    calls: list[str] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "passage-echo"

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        prompt = str(messages[-1].content)
        self.calls.append("map" if "<passage" in prompt else "reduce")
        if "<passage" in prompt:
            key = None
            for block in prompt.split("<passage key=")[1:]:
                if self.needle in block:
                    key = block.split('"')[1]
            reply = (f"{self.needle} [{key}]. Gangs in Haiti kidnapped fifty people for ransom [{key}]."
                     if key else "NOTHING")
        else:
            notes = prompt.split("support it:", 1)[1].split("Write a summary", 1)[0]
            reply = notes.strip()
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])


def test_llm_summary_map_reduce_checks_citations(bot: Briefbot) -> None:
    pytest.importorskip("briefbot.llm")
    info = bot.store.document("S_RES_2780_2025.pdf")
    settings = bot.settings.with_overrides(engine="llm", llm_provider="ollama", llm_model="fake")
    model = _PassageEcho(needle="Decides to extend the authorizations as set out in resolution 2733 (2024)")
    summary = summarise_document(bot.store, info, settings, load_taxonomy(), model=model)
    assert summary.engine == "llm", summary.notes
    assert model.calls[-1] == "reduce" and "map" in model.calls
    assert len(summary.sentences) == 1 and "2733 (2024)" in summary.sentences[0]
    assert not any("ransom" in s for s in summary.sentences)  # the unsupported claim was removed
    for c in summary.citations:
        assert_verbatim(bot.store, info.doc_id, c)


def test_llm_summary_falls_back_when_no_model(bot: Briefbot) -> None:
    info = bot.store.document("S_RES_2780_2025.pdf")
    settings = bot.settings.with_overrides(engine="llm")  # no llm_provider configured
    summary = summarise_document(bot.store, info, settings, load_taxonomy())
    assert summary.engine == "extractive" and summary.citations
    assert any("unavailable" in n for n in summary.notes)


# --- the taxonomy file -----------------------------------------------------------------------------------------

def test_packaged_taxonomy_loads() -> None:
    tax = load_taxonomy()
    assert tax.slugs == SLUGS
    resources = tax.theme("illicit_natural_resources")
    assert [s.slug for s in resources.subthemes] == ["gold_minerals", "oil_fuel", "charcoal", "timber", "wildlife"]
    assert all(t.label and (t.terms or t.subthemes) for t in tax.themes)
    assert tax.source == "package:themes.toml" and len(tax.digest) == 64


def test_edited_taxonomy_file_changes_the_card(bot: Briefbot, tmp_path: Path) -> None:
    edited = tmp_path / "themes.toml"
    edited.write_text("""
[scoring]
min_score = 2.0

[themes.maritime_interdiction]
label = "Maritime interdiction"
terms = [{ pattern = "inspections? of vessels|vessel inspections?|high seas", weight = 3 }]

[themes.arms_trafficking]
label = "Arms trafficking"
terms = ["arms smuggling"]
negative = ["smuggling networks"]
""", encoding="utf-8")
    card = card_of(bot, "S_2025_257.pdf", edited)
    assert [t.slug for t in card.themes] == ["maritime_interdiction", "arms_trafficking"]
    assert [t.slug for t in card.tagged] == ["maritime_interdiction"]
    arms = card.themes[1]
    assert not any("smuggling networks" in e.citation.quote for e in arms.evidence)  # negative context
    assert card.taxonomy == str(edited)


@pytest.mark.parametrize(("text", "expected"), [
    ('[themes.bad]\nlabel = "Bad"\nterms = [{ pattern = "arms (trafficking", weight = 2 }]\n',
     "themes.bad.terms[0].pattern: invalid regular expression 'arms (trafficking'"),
    ('[themes.bad]\nlabel = "Bad"\nterms = [{ pattern = "arms", weigth = 2 }]\n', "unknown key(s) weigth"),
    ('[themes.bad]\nterms = ["arms"]\n', "themes.bad: missing 'label'"),
    ('[themes.bad]\nlabel = "Bad"\nterms = [{ pattern = "arms", weight = -1 }]\n', "must be greater than 0"),
    ('[themes.bad\nlabel = "Bad"\n', "not valid TOML"),
    ('version = 1\n', "no [themes.SLUG] tables"),
])
def test_malformed_taxonomy_gives_a_clear_error(text: str, expected: str) -> None:
    with pytest.raises(TaxonomyError) as err:
        parse_taxonomy(text, "my_themes.toml")
    assert expected in str(err.value) and str(err.value).startswith("my_themes.toml")


def test_cli_reports_a_malformed_taxonomy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "themes.toml"
    bad.write_text('[themes.x]\nlabel = "X"\nterms = ["(unclosed"]\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFBOT_THEMES_FILE", str(bad))
    result = CliRunner().invoke(app, ["triage", str(SAMPLES / "S_RES_2780_2025.pdf"), "--index",
                                      str(tmp_path / "idx"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "themes.x.terms[0]: invalid regular expression" in " ".join(result.output.split())


# --- the batch command -----------------------------------------------------------------------------------------

@pytest.mark.slow
def test_batch_failure_idempotence_and_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in (FIXTURES / "S_2025_172.pdf", SAMPLES / "S_RES_2780_2025.pdf", JUNK):
        shutil.copy(f, inbox / f.name)
    out = tmp_path / "out"
    args = ["triage", str(inbox), "--index", str(tmp_path / "idx"), "--out", str(out)]
    runner = CliRunner()

    first = runner.invoke(app, args)
    text = " ".join(first.output.split())
    assert first.exit_code == 1, first.output  # one file failed ...
    assert f"FAILED {JUNK.name}" in text and "not a UN document" in text
    for stem in ("S_2025_172", "S_RES_2780_2025"):  # ... and the others were done
        assert (out / f"{stem}.md").is_file() and (out / f"{stem}.json").is_file()
    letter = json.loads((out / "S_2025_172.json").read_text(encoding="utf-8"))
    assert letter["symbol"] == "S/2025/172" and "sanctions_measures" in letter["tagged_themes"]
    assert letter["summary"]["citations"]
    rows = (out / "index.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3 and rows[0].startswith("rank,priority,symbol")
    priorities = [float(r.split(",")[1]) for r in rows[1:]]
    assert priorities == sorted(priorities, reverse=True)
    digest = next(out.glob("digest-*.md")).read_text(encoding="utf-8")
    assert JUNK.name in digest and "2 new documents (first digest of this folder)" in digest
    assert "1 failed today" in digest and "## New by theme" in digest
    assert "# Triage index" in (out / "index.md").read_text(encoding="utf-8")

    # Second run: nothing is parsed, embedded or even opened.
    def forbidden(*_: Any, **__: Any) -> None:
        raise AssertionError("a re-run must do no work")

    monkeypatch.setattr("briefbot.service.open_briefbot", forbidden)
    monkeypatch.setattr("briefbot.ingest.ParserPool", forbidden)
    monkeypatch.setattr("briefbot.embed.Embedder.embed_documents", forbidden)
    card_mtime = (out / "S_2025_172.json").stat().st_mtime_ns
    second = runner.invoke(app, args)
    text = " ".join(second.output.split())
    assert "Nothing new to triage: 2 document(s) already triaged" in text, second.output
    assert second.exit_code == 1 and f"FAILED {JUNK.name} (in an earlier run" in text
    assert (out / "S_2025_172.json").stat().st_mtime_ns == card_mtime
    monkeypatch.undo()

    # --force redoes the cards (the index still knows the files: no parsing).
    monkeypatch.setattr("briefbot.ingest.ParserPool", forbidden)
    forced = runner.invoke(app, [*args, "--force"])
    text = " ".join(forced.output.split())
    assert "TRIAGED S_2025_172.pdf: S/2025/172" in text and "TRIAGED S_RES_2780_2025.pdf" in text, forced.output
    assert forced.exit_code == 1  # the bad file is still bad
    assert (out / "S_2025_172.json").stat().st_mtime_ns > card_mtime


@pytest.mark.slow
def test_edited_taxonomy_redoes_the_batch(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "S_RES_2780_2025.pdf", inbox)
    settings = Settings(index=tmp_path / "idx", engine="extractive")
    from briefbot.triage_run import run_triage

    first = run_triage([inbox], settings, tmp_path / "out")
    assert first.did_work and [o.status for o in first.outcomes] == ["triaged"]
    assert not run_triage([inbox], settings, tmp_path / "out").did_work
    edited = tmp_path / "themes.toml"
    edited.write_text('[themes.high_seas]\nlabel = "High seas"\nterms = [{ pattern = "high seas", weight = 5 }]\n',
                      encoding="utf-8")
    again = run_triage([inbox], settings.with_overrides(themes_file=edited), tmp_path / "out")
    assert again.did_work and [o.status for o in again.outcomes] == ["triaged"]
    card = json.loads((tmp_path / "out" / "S_RES_2780_2025.json").read_text(encoding="utf-8"))
    assert card["tagged_themes"] == ["high_seas"]


def test_cli_summarise_by_symbol(bot: Briefbot) -> None:
    result = CliRunner().invoke(app, ["summarise", "S/2025/257", "--index", str(bot.settings.index)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("S/2025/257: ") and "[1] S/2025/257" in result.output
    as_json = CliRunner().invoke(app, ["summarise", "S_RES_2769_2025.pdf", "--index", str(bot.settings.index),
                                       "--json"])
    data = json.loads(as_json.output)
    assert data["engine"] == "extractive" and data["citations"] and data["symbol"] == "S/RES/2769 (2025)"
    missing = CliRunner().invoke(app, ["summarise", "S/2099/1", "--index", str(bot.settings.index)])
    assert missing.exit_code == 2 and "no indexed document" in missing.output


# --- boilerplate, about-missions and the digest (issue #17) ----------------------------------------------------

@pytest.mark.parametrize(("text", "boilerplate"), [
    # Sentences as printed in S/2025/239 and S/2025/356.
    ("On behalf of the Security Council Committee established pursuant to resolution 1591 (2005) concerning the "
     "Sudan, and in accordance with paragraph 2 of resolution 2725 (2024), I have the honour to transmit herewith "
     "the final report of the Panel of Experts on the Sudan", True),
    ("The Panel has placed importance on the rule of consensus among the Panel members and agreed that, if "
     "differences and/or reservations arise during the development of the report, it would only adopt the text, "
     "conclusions and recommendations by a majority of four out of the five members.", True),
    ("The Panel’s working methods are in full conformity with the best practices, as recommended by the Informal "
     "Working Group of the Security Council on General Issues of Sanctions (see S/2006/997).", True),
    ("In paragraph 2 of its resolution 2725 (2024), the Security Council requested the Panel of Experts on the "
     "Sudan to provide to the Council, after discussion with the Committee, a final report by 13 January 2025 "
     "with its findings and recommendations.", True),
    ("Despite the arms embargo, trafficking networks are able to bring in new materiel on a regular basis, and "
     "gangs continue to acquire enough arms and ammunition to sustain their firepower on multiple fronts.", False),
    ("The Panel found that eel fishing within territories controlled by gangs directly benefits these groups.",
     False),
])
def test_boilerplate_is_recognised(text: str, boilerplate: bool) -> None:
    assert is_boilerplate(text) is boilerplate


def test_mandate_tracks_of_missions_and_regimes() -> None:
    links = mandate_tracks(["UNSMIL", "UNIFIL", "BINUH", "UNTMIS", "AUSSOM"],
                           ["Sudan (1591)", "Taliban (1988)", "ISIL (Da'esh) and Al-Qaida (1267)"])
    # Successor missions share their lineage's track; UNIFIL has none. The 1988 regime has its own since 2026-12-05.
    assert [(t.slug, t.via) for t in links] == [
        ("unsmil", "UNSMIL"), ("haiti", "BINUH"), ("unsom", "UNTMIS"), ("au_somalia", "AUSSOM"),
        ("sudan_sanctions", "Sudan (1591)"), ("taliban_sanctions", "Taliban (1988)"),
        ("isil_alqaida", "ISIL (Da'esh) and Al-Qaida (1267)")]
    assert [t.slug for t in mandate_tracks(["MONUC", "MONUSCO"], [])] == ["monusco"]
    # An edited track file (Settings.tracks_file, read once by run_triage) is the one the card links to.
    only = parse_tracks("""version = 1
[tagging]
themes = ["arms_trafficking"]
[tracks.sudan_only]
name = "Sudan only"
kind = "sanctions"
aliases = ["1591"]
title = ['Darfur']
""", "edited")
    assert [(t.slug, t.via) for t in mandate_tracks(["UNSMIL"], ["Sudan (1591)", "Taliban (1988)"], only)] == [
        ("sudan_only", "Sudan (1591)")]


def test_a_list_of_threats_counts_as_one_even_where_context_rules_a_theme_out() -> None:
    """S/RES/1373 (2001) para. 4 names drugs, money-laundering and arms-trafficking in one list; "nuclear" rules the
    sentence out as arms evidence, but it is still a list, so it does not tag drugs or money laundering alone."""
    tax = load_taxonomy()
    text = ("4. Notes with concern the close connection between international terrorism and transnational organized "
            "crime, illicit drugs, money-laundering, illegal arms-trafficking, and illegal movement of nuclear, "
            "chemical, biological and other potentially deadly materials,")
    assert not theme_hits(tax.theme("arms_trafficking"), text)
    assert named_items(tax, text) >= tax.scoring.list_themes


def test_fragments_are_not_statements() -> None:
    assert is_fragment("The Panel recommends that the Committee:")
    assert is_fragment("• Groups of former Musa Hilal fighters led by Harun Makhir")
    assert is_fragment("was not to be applied to military aircraft or naval vessels, temporarily introduced")
    assert not is_fragment("The epicentre of the conflict was El Fasher.")


def test_card_names_what_it_is_about(bot: Briefbot) -> None:
    report = card_of(bot, "S_2025_257.pdf")  # SG report on the Libya arms-embargo inspections
    assert report.sanctions_regimes == ["Libya (1970)"]
    assert set(report.missions) <= set(report.missions_mentioned)
    resolution = card_of(bot, "S_RES_2781_2025.pdf")  # South Sudan sanctions renewal
    assert resolution.sanctions_regimes == ["South Sudan (2206)"]
    data = resolution.to_dict()
    assert data["sanctions_regimes"] == ["South Sudan (2206)"] and "missions_mentioned" in data
    # The card links to the tracker's track for that regime, by a name `briefbot mandate` accepts.
    regime = next(t for t in data["tracks"] if t["via"] == "South Sudan (2206)")
    assert regime["command"] == "briefbot mandate south_sudan_sanctions"
    assert load_tracks().find(regime["slug"]).name == "South Sudan sanctions (2206)"
    assert {t["via"] for t in data["tracks"]} <= set(data["missions"]) | set(data["sanctions_regimes"])
    assert "libya_sanctions" in [t.slug for t in report.tracks]
    decisions = [k for k in resolution.key_paragraphs if k.reason == "decision"]
    assert decisions and all(k.citation.paragraph for k in decisions)  # operative, numbered paragraphs only


@pytest.mark.shared
@pytest.mark.slow
def test_issue_17_cards_read_right(tmp_path: Path) -> None:
    """The UNSMIL report on unissued dinars gets the illicit-finance theme; the Sudan Panel card is about the
    1591 regime, not MINUSCA, and opens with its findings, not its covering letter."""
    from datetime import date

    from briefbot.triage_run import run_triage

    corpus = ROOT.parent / "shared" / "corpus"
    settings = Settings(index=tmp_path / "idx", engine="extractive")
    report = run_triage([corpus / "S_2025_509.pdf", corpus / "S_2025_239.pdf"], settings, tmp_path / "out",
                        today=date(2025, 9, 1))
    assert [o.status for o in report.outcomes] == ["triaged", "triaged"], report.outcomes
    unsmil = json.loads((tmp_path / "out" / "S_2025_509.json").read_text(encoding="utf-8"))
    assert "illicit_financial_flows" in unsmil["tagged_themes"] and unsmil["missions"] == ["UNSMIL"]
    finance = next(t for t in unsmil["themes"] if t["slug"] == "illicit_financial_flows")
    assert any("officially issued" in e["quote"] for e in finance["evidence"])
    assert unsmil["priority"] > 25  # above every document without a theme (at most 25 points)
    panel = json.loads((tmp_path / "out" / "S_2025_239.json").read_text(encoding="utf-8"))
    assert panel["sanctions_regimes"] == ["Sudan (1591)"] and panel["missions"] == []
    assert [t["slug"] for t in panel["tracks"]] == ["sudan_sanctions"]
    assert [t["slug"] for t in unsmil["tracks"]] == ["unsmil"]
    assert "MINUSCA" in panel["missions_mentioned"]
    first = panel["summary"]["citations"][0]["quote"]
    assert "honour" not in first and not is_boilerplate(first)
    assert not any("majority of four" in k["quote"] for k in panel["key_paragraphs"])
    assert panel["key_paragraphs"][0]["reason"] == "recommendation"


@pytest.mark.slow
def test_digest_says_what_is_new_since_the_last_one(tmp_path: Path) -> None:
    from datetime import date

    from briefbot.triage_run import run_triage

    settings = Settings(index=tmp_path / "idx", engine="extractive")
    out = tmp_path / "out"
    run_triage([SAMPLES / "S_RES_2780_2025.pdf"], settings, out, today=date(2025, 6, 1))
    second = run_triage([SAMPLES / "S_RES_2780_2025.pdf", SAMPLES / "S_RES_2781_2025.pdf"], settings, out,
                        today=date(2025, 6, 2))
    assert [o.status for o in second.outcomes] == ["unchanged", "triaged"]
    assert second.digest is not None and second.digest.name == "digest-2025-06-02.md"
    digest = second.digest.read_text(encoding="utf-8")
    assert "1 new documents since the last digest (2025-06-01); 2 triaged in this folder in all" in digest
    assert "S/RES/2781 (2025)" in digest and "S/RES/2780 (2025)" not in digest  # only what is new
    assert "**South Sudan sanctions (2206) — `briefbot mandate south_sudan_sanctions`** (1)" in digest
    assert "### Sanctions measures and designations (1)" in digest


def test_a_summary_shows_a_documents_markup_and_never_runs_it() -> None:
    # A brief opened in a Markdown viewer must not fetch what a document's text points at.
    from briefbot.summarise import Summary
    quote = 'Seized <img src="http://127.0.0.2:9/leak.png"> and ![y](http://127.0.0.2:9/y.png).'
    cite = Citation(key="1", document="x.pdf", symbol="S/2025/1", page=1, paragraph="3", quote=quote, doc_id="x.pdf")
    md = Summary("x.pdf", "S/2025/1", "extractive", [quote + " [1]"], [cite]).markdown()
    assert "<img" not in md and "](http" not in md and "&lt;img" in md


def test_a_cards_table_cells_show_a_documents_markup_and_never_run_it() -> None:
    # The period's text and the health warnings come from the document; they sat in the card's table unescaped.
    from briefbot.triage import Period
    from briefbot.triage_run import render_card
    hostile = 'April <img src="http://127.0.0.2:9/p.png"> | ![y](http://127.0.0.2:9/y.png)'
    card = TriageCard(file_name="x.pdf", sha256="0", symbol="S/2025/1", doc_type="sg_report", title="t", date=None,
                      period=Period("2025-04-01", None, hostile, 2), missions=[], countries=[], pages=3, words=10,
                      health={"language": "en", "pages_without_text": [], "warnings": [hostile], "readable": True},
                      themes=[], actors=[], cited_documents=[],
                      key_paragraphs=[], priority=10.0, priority_parts={}, taxonomy="t")
    md = render_card(card, "")
    assert "<img" not in md and "](http" not in md and "&lt;img" in md
    row = next(line for line in md.splitlines() if line.startswith("| Period covered"))
    assert row.count(" | ") == 1  # the document's "|" does not open a cell
