"""Evaluation metrics on tiny hand-computed cases, dataset validation, and report files."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from briefbot.errors import BriefbotError, ConfigError
from briefbot.evalreport import rank_histogram, render_markdown, write_report
from briefbot.evaluate import (
    DatasetError,
    EvalRun,
    Expected,
    Question,
    aggregate,
    compare,
    fact_in_text,
    load_dataset,
    normalize_paragraph,
    parse_dataset,
    percentile,
    run_eval,
    score_question,
)

RES = "S_RES_2769_2025.pdf"
RES_SYM = "S/RES/2769 (2025)"
REP = "S_2025_176.pdf"


def P(document: str, page: int | None, paragraph: str | None = None,
      symbol: str | None = None) -> dict[str, Any]:
    """A passage (rank is set by the caller's list order)."""
    return {"document": document, "symbol": symbol, "page": page, "paragraph": paragraph, "text": "..."}


def C(document: str, page: int | None, quote: str = "q", symbol: str | None = None) -> dict[str, Any]:
    return {"key": "1", "document": document, "symbol": symbol, "page": page, "paragraph": None,
            "quote": quote}


def answer(passages: list[dict[str, Any]], citations: list[dict[str, Any]] | None = None, text: str = "",
           abstained: bool = False) -> dict[str, Any]:
    ranked = [{**p, "rank": i + 1, "score": 1.0 - i / 100} for i, p in enumerate(passages)]
    return {"id": None, "question": "q", "answer": text, "abstained": abstained,
            "citations": citations or [], "passages": ranked}


def Q(expected: list[Expected], qid: str = "q1", kind: str = "lookup", key_facts: list[str] | None = None,
      answerable: bool = True) -> Question:
    return Question(qid, "What?", answerable, kind, expected, [], key_facts or [], "pdf")


def always(_: Any) -> bool:
    return True


def score(q: Question, a: dict[str, Any], latency: float = 100.0, check: Any = always) -> Any:
    return score_question(q, a, latency, check)


# --- ranking metrics --------------------------------------------------------------------------------


def test_single_relevant_at_rank_2() -> None:
    r = score(Q([Expected(RES, None, 6, None)]), answer([P(REP, 6), P(RES, 6), P(RES, 7)]))
    assert r.first_rank == 2
    assert r.rr == 0.5
    # DCG = 1/log2(2+1); ideal DCG with one expected item = 1/log2(1+1) = 1
    assert r.ndcg == pytest.approx(1 / math.log2(3))
    assert r.ndcg == pytest.approx(0.6309297535714575)
    assert (r.hit(1), r.hit(5), r.hit(10)) == (False, True, True)
    assert r.recall == 1.0


def test_two_expected_at_ranks_1_and_3() -> None:
    exp = [Expected(RES, None, 6, None), Expected(REP, None, 12, None)]
    r = score(Q(exp), answer([P(RES, 6), P(REP, 3), P(REP, 12), P(RES, 1)]))
    # DCG  = 1/log2(1+1) + 1/log2(3+1) = 1 + 0.5 = 1.5
    # IDCG = 1/log2(1+1) + 1/log2(2+1) = 1 + 0.6309297535714575 = 1.6309297535714575
    # nDCG = 1.5 / 1.6309297535714575 = 0.9197207891481876
    assert r.ndcg == pytest.approx(0.9197207891481876, abs=1e-12)
    assert r.rr == 1.0
    assert r.recall == 1.0


def test_same_target_twice_counts_once() -> None:
    # Two chunks of the same expected page: the second one earns no gain, so nDCG stays 1 (not 1.63).
    r = score(Q([Expected(RES, None, 6, None)]), answer([P(RES, 6), P(RES, 6)]))
    assert r.ndcg == 1.0
    # Two expected paragraphs on one page are one page target: a single passage on that page is ideal.
    r = score(Q([Expected(RES, None, 6, "1"), Expected(RES, None, 6, "2")]), answer([P(RES, 6)]))
    assert r.ndcg == 1.0
    assert r.recall == 1.0


def test_assignment_is_optimal_not_greedy() -> None:
    # Targets: T1 = RES any page, T2 = RES p. 5. Passage 1 (p. 5) fits both, passage 2 (p. 7) only T1.
    # Greedy would give p1→T1 and leave p2 unmatched (nDCG 1/1.63); the matching gives p1→T2, p2→T1.
    exp = [Expected(RES, None, None, None), Expected(RES, None, 5, None)]
    r = score(Q(exp), answer([P(RES, 5), P(RES, 7)]))
    assert r.ndcg == pytest.approx(1.0)
    assert r.recall == 1.0


def test_not_found_and_wrong_page() -> None:
    r = score(Q([Expected(RES, None, 6, None)]), answer([P(RES, 5), P(REP, 6)]))
    assert r.first_rank is None
    assert (r.rr, r.ndcg, r.recall) == (0.0, 0.0, 0.0)
    assert r.failures[0] == "no relevant passage retrieved"


def test_rank_beyond_10_counts_for_histogram_not_mrr() -> None:
    r = score(Q([Expected(RES, None, 6, None)]), answer([P(REP, i) for i in range(1, 12)] + [P(RES, 6)]))
    assert r.first_rank == 12
    assert (r.rr, r.ndcg) == (0.0, 0.0)
    assert r.failures[0] == "first relevant passage at rank 12"


def test_passages_sorted_by_rank_field() -> None:
    a = answer([P(REP, 1), P(RES, 6)])
    a["passages"].reverse()  # list order no longer rank order
    assert score(Q([Expected(RES, None, 6, None)]), a).first_rank == 2


def test_document_match_by_symbol_or_file_name() -> None:
    by_symbol = Q([Expected(None, RES_SYM, 6, None)])
    assert score(by_symbol, answer([P("other-name.pdf", 6, symbol="S/RES/2769(2025)")])).first_rank == 1
    joint = Q([Expected(None, "S/2025/109", None, None)])
    assert score(joint, answer([P("x.pdf", 3, symbol="A/79/797-S/2025/109")])).first_rank == 1
    by_name = Q([Expected("s_res_2769_2025.PDF", None, 6, None)])
    assert score(by_name, answer([P("/corpus/S_RES_2769_2025.pdf", 6)])).first_rank == 1
    assert score(by_symbol, answer([P("x.pdf", 6, symbol="S/RES/2768 (2025)")])).first_rank is None


# --- paragraphs -------------------------------------------------------------------------------------


def test_normalize_paragraph() -> None:
    assert normalize_paragraph("7 (c)") == "7(c)"
    assert normalize_paragraph("7(c)") == "7(c)"
    assert normalize_paragraph(" Para. 7 (C).") == "7(c)"
    assert normalize_paragraph(23) == "23"
    assert normalize_paragraph("fn 12") == "fn12"
    assert normalize_paragraph(None) is None
    assert normalize_paragraph("  ") is None


def test_paragraph_hit_at_5() -> None:
    q = Q([Expected(RES, None, 6, "7 (c)")])
    assert score(q, answer([P(RES, 6, "7"), P(RES, 6, "7(c)")])).para_hit5 is True
    # Right paragraph label on the wrong page does not count.
    assert score(q, answer([P(RES, 5, "7(c)")])).para_hit5 is False
    # At rank 6 it is outside the top 5.
    assert score(q, answer([P(REP, 1)] * 5 + [P(RES, 6, "7 (c)")])).para_hit5 is False
    # No expected paragraph: not scored.
    assert score(Q([Expected(RES, None, 6, None)]), answer([P(RES, 6)])).para_hit5 is None


# --- answers and citations --------------------------------------------------------------------------


def test_citation_precision_gold_and_quotes() -> None:
    q = Q([Expected(RES, None, 6, None)])
    cits = [C(RES, 6, "good quote"), C(REP, 2, "bad quote")]
    r = score(q, answer([P(RES, 6)], cits, "text"), check=lambda c: c["quote"] == "good quote")
    assert r.answered_gold is True
    assert r.citation_precision == 0.5
    assert r.quotes_verbatim == 0.5
    assert r.failures == ["1 of 2 quotes not found verbatim"]
    # Abstaining never counts as answered with a gold citation.
    r = score(q, answer([P(RES, 6)], [C(RES, 6)], abstained=True))
    assert r.answered_gold is False
    assert r.failures == ["abstained on an answerable question"]
    # No citations: precision undefined, not zero.
    r = score(q, answer([P(RES, 6)], [], "text"))
    assert (r.answered_gold, r.citation_precision, r.quotes_verbatim) == (False, None, None)
    assert r.failures == ["no citation matches an expected page"]


def test_fact_in_text() -> None:
    assert fact_in_text("14,400", "up to 14400 military personnel")
    assert fact_in_text("14400", "up to 14,400 military personnel")
    assert fact_in_text("Security  Council", "the security\ncouncil decides")
    assert fact_in_text("MINUSCA", "minusca's mandate")
    assert fact_in_text("15 November 2025", "until 15 November 2025.")
    assert fact_in_text("Council’s", "the Council's view")
    assert not fact_in_text("5", "in 2025")
    assert not fact_in_text("14", "14.5 per cent")
    assert not fact_in_text("400", "14,400 troops")
    assert not fact_in_text("arm", "an armed group")


def test_key_fact_coverage() -> None:
    q = Q([Expected(RES, None, 6, None)], key_facts=["14,400", "15 November 2026", "MINUSCA"])
    r = score(q, answer([P(RES, 6)], [C(RES, 6)], "MINUSCA may deploy up to 14400 troops."))
    assert r.key_fact_coverage == pytest.approx(2 / 3)
    assert r.missing_facts == ["15 November 2026"]
    assert r.failures == ["missing key facts: 15 November 2026"]
    # An abstention covers no key fact even when its text happens to contain one.
    r = score(q, answer([P(RES, 6)], [], "No answer about MINUSCA was found.", abstained=True))
    assert r.key_fact_coverage == 0.0


def test_direct_line_states_a_key_fact() -> None:
    q = Q([Expected(RES, None, 6, None)], key_facts=["15 May 2026"])
    right = score(q, answer([P(RES, 6)], [C(RES, 6)], "**15 May 2026** [1]\n“… until 15 May 2026 …” [1]"))
    assert right.direct_line_ok is True
    # A bold lead that is not the asked fact counts against, although the quote under it holds the fact.
    wrong = score(q, answer([P(RES, 6)], [C(RES, 6)], "**15 February 2025** [1]\n“… until 15 May 2026 …” [1]"))
    assert wrong.direct_line_ok is False and wrong.key_fact_coverage == 1.0
    # No lead line (or an abstention): nothing to judge.
    assert score(q, answer([P(RES, 6)], [C(RES, 6)], "“… until 15 May 2026 …” [1]")).direct_line_ok is None
    assert aggregate([right, wrong])["direct_line_ok"] == pytest.approx(0.5)


def test_a_bold_line_on_an_unanswerable_question_is_counted() -> None:
    # The worst answer to an unanswerable question states a fact the documents do not hold, in bold.
    una = Q([], "u1", "unanswerable", answerable=False)
    bold = score(una, answer([P(REP, 1)], [C(REP, 1)], "**$100 million** [1]\n“… $100 million …” [1]"))
    quoted = score(Q([], "u2", "unanswerable", answerable=False), answer([P(REP, 1)], [C(REP, 1)], "“… x …” [1]"))
    abstained = score(Q([], "u3", "unanswerable", answerable=False), answer([P(REP, 1)], [], "**no** [1]", True))
    assert (bold.bold_unanswerable, quoted.bold_unanswerable, abstained.bold_unanswerable) == (True, False, False)
    right = score(Q([Expected(RES, None, 6, None)], key_facts=["15 May 2026"]),
                  answer([P(RES, 6)], [C(RES, 6)], "**15 May 2026** [1]"))
    assert right.bold_unanswerable is None  # answerable questions are judged by direct_line_ok
    assert aggregate([bold, quoted, abstained, right])["bold_unanswerable"] == pytest.approx(1 / 3)
    failed = score_question(una, {"answer": "", "abstained": False}, 0.0, lambda c: True, error="timeout")
    assert failed.bold_unanswerable is None  # an error is no answer either way


# --- aggregation ------------------------------------------------------------------------------------


def test_percentile() -> None:
    # positions (n-1)*p: 3*0.5 = 1.5 → 20 + 0.5*10 = 25; 3*0.95 = 2.85 → 30 + 0.85*10 = 38.5
    assert percentile([40, 10, 30, 20], 50) == 25.0
    assert percentile([40, 10, 30, 20], 95) == pytest.approx(38.5)
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) is None


def test_aggregate_abstention_and_retrieval_over_answerable_only() -> None:
    e = [Expected(RES, None, 6, None)]
    results = [
        score(Q(e, "a1"), answer([P(RES, 6)], [C(RES, 6)], "x"), latency=10),  # rank 1, answered gold
        score(Q(e, "a2"), answer([P(REP, 1), P(RES, 6)], [C(REP, 1)], "x"), latency=20),  # rank 2, bad cite
        score(Q(e, "a3"), answer([P(REP, 1)], [], "", abstained=True), latency=30),  # not found, abstained
        score(Q([], "u1", "unanswerable", answerable=False), answer([P(REP, 1)], [], "", True), 40),
        score(Q([], "u2", "unanswerable", answerable=False), answer([P(RES, 6)], [C(RES, 6)], "x"), 50),
    ]
    m = aggregate(results)
    assert (m["n"], m["n_answerable"], m["n_unanswerable"]) == (5, 3, 2)
    assert m["hit1"] == pytest.approx(1 / 3)
    assert m["hit5"] == pytest.approx(2 / 3)
    assert m["mrr10"] == pytest.approx((1 + 0.5 + 0) / 3)  # 0.5
    assert m["answered_gold"] == pytest.approx(1 / 3)
    assert m["citation_precision"] == pytest.approx(0.5)  # a1: 1/1, a2: 0/1; a3 has no citations
    assert m["abstain_correct"] == 0.5  # u1 abstained, u2 did not
    assert m["abstain_wrong"] == pytest.approx(1 / 3)  # a3
    assert m["abstention_accuracy"] == pytest.approx(3 / 5)  # a1, a2, u1 right; a3, u2 wrong
    assert m["latency_p50"] == 30.0
    assert m["latency_p95"] == pytest.approx(48.0)  # 4*0.95 = 3.8 → 40 + 0.8*10
    assert m["key_fact_coverage"] is None
    assert m["para_hit5"] is None
    assert m["failed"] == 3  # a2 (wrong citation), a3 (abstained), u2 (answered); a1 and u1 pass
    assert results[4].failures == ["answered an unanswerable question"]


def _dataset() -> list[Question]:
    return [
        Q([Expected(RES, RES_SYM, 6, "23")], "q1", "lookup", ["14,400"]),
        Q([Expected(REP, None, 12, None)], "q2", "numeric"),
        Q([], "q3", "unanswerable", answerable=False),
    ]


def _answer_fn(good: bool) -> Any:
    def fn(question: str) -> dict[str, Any]:
        if not good:
            return answer([P(REP, 1), P(RES, 5), P(REP, 12)], [C(REP, 12)], "about 14 400", False)
        return answer([P(RES, 6, "23"), P(REP, 12)], [C(RES, 6), C(REP, 12)], "14,400 troops", False)
    return fn


def test_run_eval_and_compare() -> None:
    ds = _dataset()
    calls: list[tuple[int, int]] = []
    run = run_eval(ds, _answer_fn(True), always, "good", progress=lambda i, n: calls.append((i, n)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert [r.id for r in run.results] == ["q1", "q2", "q3"]
    assert all(r.latency_ms >= 0 for r in run.results)
    assert list(run.by_kind()) == ["lookup", "numeric", "unanswerable"]
    assert run.by_kind()["numeric"]["mrr10"] == 0.5
    assert run.overall["hit1"] == 0.5
    assert run.overall["para_hit5"] == 1.0
    bad = run_eval(ds, _answer_fn(False), always, "bad")
    comp = compare([run, bad])
    assert comp.names == ["good", "bad"]
    assert comp.values["hit5"] == {"good": 1.0, "bad": 0.5}
    # good: q1 rank 1, q2 rank 2 → (1 + 1/2)/2; bad: q1 not found, q2 rank 3 → (0 + 1/3)/2
    assert comp.values["mrr10"] == {"good": 0.75, "bad": pytest.approx(1 / 6)}
    assert comp.values["abstain_correct"] == {"good": 0.0, "bad": 0.0}
    with pytest.raises(ConfigError):
        compare([run, run])


def test_run_eval_records_answer_errors() -> None:
    def broken(question: str) -> dict[str, Any]:
        raise RuntimeError("model server gone")

    run = run_eval(_dataset()[:1], broken, always, "broken")
    r = run.results[0]
    assert r.error == "RuntimeError: model server gone"
    assert r.failures[0] == "error: RuntimeError: model server gone"
    assert run.overall["errors"] == 1
    assert run.overall["hit10"] == 0.0


# --- dataset ----------------------------------------------------------------------------------------

GOOD = {"id": "q1", "question": "How many troops?", "answerable": True,
        "expected": [{"document": RES, "symbol": RES_SYM, "page": 6, "paragraph": "23"}],
        "evidence": ["up to 14,400"], "key_facts": ["14,400"], "kind": "numeric", "source": "pdf"}


def _lines(*records: Any) -> list[str]:
    return [r if isinstance(r, str) else json.dumps(r) for r in records]


def test_parse_dataset_good_with_extra_keys_and_blank_lines() -> None:
    una = {"id": 7, "question": "Who won?", "answerable": False, "expected": [], "evidence": [],
           "key_facts": [], "kind": "unanswerable", "source": None, "notes": "extra key", "difficulty": 3}
    para_int = {**GOOD, "id": "q3", "expected": [{"document": None, "symbol": RES_SYM, "page": None,
                                                  "paragraph": 4, "extra": 1}]}
    qs = parse_dataset(_lines(GOOD, "", "   ", una, para_int))
    assert [q.id for q in qs] == ["q1", "7", "q3"]
    assert qs[0].expected == [Expected(RES, RES_SYM, 6, "23")]
    assert qs[0].key_facts == ["14,400"]
    assert qs[1].answerable is False and qs[1].expected == []
    assert qs[2].expected == [Expected(None, RES_SYM, None, "4")]


@pytest.mark.parametrize(("bad", "line", "message"), [
    ("{not json", 2, "invalid JSON"),
    ([1, 2], 2, "each line must be a JSON object"),
    ({**GOOD, "id": "q2", "answerable": "yes"}, 2, "'answerable' must be true or false"),
    ({k: v for k, v in GOOD.items() if k != "question"} | {"id": "q2"}, 2, "'question' must be"),
    ({**GOOD, "id": "q2", "kind": "trivia"}, 2, "'kind' must be one of"),
    ({**GOOD, "id": "q2", "source": "web"}, 2, "'source' must be one of"),
    ({**GOOD, "id": "q2", "expected": [{"document": RES, "page": 0}]}, 2, "expected[0].page must be"),
    ({**GOOD, "id": "q2", "expected": [{"document": RES, "page": "6"}]}, 2, "expected[0].page must be"),
    ({**GOOD, "id": "q2", "expected": [{"page": 6}]}, 2, "expected[0] needs a 'document' or a 'symbol'"),
    ({**GOOD, "id": "q2", "expected": []}, 2, "needs at least one 'expected' item"),
    ({**GOOD, "id": "q2", "kind": "unanswerable"}, 2, "contradicts answerable"),
    ({**GOOD, "id": "q2", "key_facts": "14,400"}, 2, "'key_facts' must be a list of strings"),
    (GOOD, 2, "duplicate id 'q1' (first on line 1)"),
])
def test_parse_dataset_errors_name_the_line(bad: Any, line: int, message: str) -> None:
    with pytest.raises(DatasetError) as info:
        parse_dataset(_lines(GOOD, bad), "gold.jsonl")
    assert f"gold.jsonl:{line}: " in str(info.value)
    assert message in str(info.value)
    assert isinstance(info.value, BriefbotError)


def test_load_dataset_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\ufeff" + json.dumps(GOOD) + "\n\n" + "{bad\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"gold\.jsonl:3: invalid JSON"):
        load_dataset(path)
    path.write_text("\ufeff" + json.dumps(GOOD) + "\n", encoding="utf-8")
    assert [q.id for q in load_dataset(path)] == ["q1"]
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="no questions"):
        load_dataset(tmp_path / "empty.jsonl")
    with pytest.raises(DatasetError, match="cannot read dataset"):
        load_dataset(tmp_path / "missing.jsonl")


# --- report -----------------------------------------------------------------------------------------


def test_write_report(tmp_path: Path) -> None:
    ds = _dataset()
    runs = [run_eval(ds, _answer_fn(True), always, "hybrid"),
            run_eval(ds, _answer_fn(False), always, "dense")]
    out = tmp_path / "report"
    written = write_report(runs, out)
    names = sorted(p.name for p in written)
    assert names == ["compare.png", "first_rank.png", "per_kind.png", "report.json", "report.md"]
    for p in written:
        assert p.exists() and p.stat().st_size > 0
    for png in out.glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in data["runs"]] == ["hybrid", "dense"]
    assert data["runs"][0]["overall"]["hit5"] == 1.0
    assert data["comparison"]["values"]["hit5"] == {"hybrid": 1.0, "dense": 0.5}
    assert len(data["runs"][1]["questions"]) == 3
    assert data["rank_histograms"]["dense"] == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    md = (out / "report.md").read_text(encoding="utf-8")
    for heading in ("## Overall", "## Per kind", "## Configurations side by side", "## Failures: dense"):
        assert heading in md
    assert "| page hit@5 | 1.000 | 0.500 |" in md
    # The dense run misses q1: expected vs the top 3 passages retrieved instead.
    hybrid_failures, dense_failures = md.split("## Failures: hybrid")[1].split("## Failures: dense")
    assert "### q1" not in hybrid_failures  # answered with a gold citation and every key fact
    assert "### q3 (unanswerable, dev)" in hybrid_failures
    q1 = dense_failures.split("### q1 (lookup, dev)")[1]
    assert "- **expected:** S/RES/2769 (2025), para. 23, p. 6" in q1
    assert "  1. S_2025_176.pdf, p. 1" in q1
    assert "  2. S_RES_2769_2025.pdf, p. 5" in q1
    assert "  3. S_2025_176.pdf, p. 12" in q1


def test_rank_histogram_and_markdown_single_run() -> None:
    run = EvalRun("only", [score(Q([Expected(RES, None, 6, None)], "a"), answer([P(REP, 1), P(RES, 6)])),
                           score(Q([Expected(RES, None, 6, None)], "b"), answer([])),
                           score(Q([], "u", "unanswerable", answerable=False), answer([], abstained=True))])
    assert rank_histogram(run) == [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    md = render_markdown([run])
    assert "3 questions (2 answerable, 1 unanswerable); 2 failed, 0 errors." in md
    assert "| abstention on unanswerable | 1.000 |" in md
    assert "- **retrieved instead:** nothing" in md


def test_a_failed_answers_quote_never_runs_in_the_report() -> None:
    # The report quotes answers, which quote documents: an <img> in one was written raw (a second reader's find).
    quote = 'Seized <img src="http://127.0.0.2:9/x.png"> and ![y](http://127.0.0.2:9/y.png) | more'
    run = EvalRun("only", [score(Q([Expected(RES, None, 6, None)], "a"), answer([P(REP, 1)], [C(REP, 1)], quote))])
    md = render_markdown([run])
    assert "<img" not in md and "](http" not in md and "&lt;img" in md


# --- dev/test split ----------------------------------------------------------------------------------


def test_split_is_by_document_and_explicit_field_wins() -> None:
    import hashlib

    from briefbot.evaldata import gold_split, select_split

    def rule(key: str) -> str:
        return "test" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 1 else "dev"

    exp = [Expected("S_RES_2781_2025.pdf", None, 4, "1"), Expected("S_2025_231.pdf", None, 1, None)]
    # The key is the lexicographically smallest document, so both questions on these files share a side.
    docs = [e.document for e in exp]
    assert gold_split("q9", True, docs) == rule("S_2025_231.pdf") == gold_split("q1", True, docs[::-1])
    assert gold_split("q077", False, []) == rule("q077")
    lines = [json.dumps({"id": "a", "question": "Q?", "answerable": False, "kind": "unanswerable"}),
             json.dumps({"id": "b", "question": "Q?", "answerable": False, "kind": "unanswerable",
                         "split": "test"})]
    qs = parse_dataset(lines)
    assert qs[0].split == rule("a") and qs[1].split == "test"
    assert [q.id for q in select_split(qs, "test")] == [q.id for q in qs if q.split == "test"]
    assert select_split(qs, "all") == qs
    with pytest.raises(DatasetError):
        select_split(qs, "train")
    with pytest.raises(DatasetError, match="split"):
        parse_dataset([json.dumps({"id": "c", "question": "Q?", "answerable": False, "kind": "unanswerable",
                                   "split": "train"})])


def test_per_split_metrics_in_report() -> None:
    dev = Q([Expected(RES, None, 6, None)], qid="d1")
    test = Q([Expected(REP, None, 2, None)], qid="t1")
    test.split = "test"
    run = run_eval([dev, test], lambda text: answer([P(RES, 6)], [C(RES, 6)]), always, "r")
    by_split = run.by_split()
    assert by_split["dev"]["hit1"] == 1.0 and by_split["test"]["hit1"] == 0.0
    md = render_markdown([run])
    assert "## Per split" in md and "| metric | dev | test |" in md
    assert "(lookup, test)" in md  # the failure list says which half a failure is in
