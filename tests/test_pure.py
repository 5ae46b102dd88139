"""Table tests of pure functions and of the choices the CLI offers (no index, no model)."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from briefbot import llm
from briefbot.cite import trim_sentence
from briefbot.cli import DocTypeChoice, EngineChoice
from briefbot.config import Settings
from briefbot.errors import ConfigError
from briefbot.evalrun import PRESETS, parse_config
from briefbot.evaluate import normalize_paragraph
from briefbot.models import DOC_TYPES, Chunk, DocInfo, Engine, Hit, Span, paragraph_label, reference
from briefbot.refs import label_key
from briefbot.retrieve import fuse


def test_cli_choices_are_the_model_types() -> None:
    assert [c.value for c in EngineChoice] == list(get_args(Engine))
    assert [c.value for c in DocTypeChoice] == list(DOC_TYPES)


@pytest.mark.parametrize(("args", "expected"), [
    (("S/RES/2769 (2025)", "22", 6), "S/RES/2769 (2025), para. 22, p. 6"),
    (("S/RES/2781 (2025)", "1", 4, 5), "S/RES/2781 (2025), para. 1, pp. 4-5"),
    (("S/RES/2781 (2025)", "1", 4, 4), "S/RES/2781 (2025), para. 1, p. 4"),
    (("S/2025/1", "fn 109", 4), "S/2025/1, footnote 109, p. 4"),
    (("S_2025_176.pdf", None, 1), "S_2025_176.pdf, p. 1"),
    (("S/RES/2769 (2025)", "7 (c)", None), "S/RES/2769 (2025), para. 7 (c)"),
    (("record", None, None), "record"),
])
def test_reference(args: tuple, expected: str) -> None:
    assert reference(*args) == expected


def test_reference_names_a_missing_page_when_asked() -> None:
    assert reference("S/RES/2769 (2025)", "23", None, no_page="any page") == "S/RES/2769 (2025), para. 23, any page"
    assert paragraph_label("fn 3") == "footnote 3" and paragraph_label("3") == "para. 3"
    assert paragraph_label("PP21") == "para. PP21"  # a preambular paragraph of a bulk resolution, not a heading


@pytest.mark.parametrize(("text", "headings", "expected"), [
    ("18. The Panel found arms.", False, "The Panel found arms."),
    ("(c) To inspect vessels;", False, "To inspect vessels;"),
    ("(iv)  Further decides ", False, "Further decides"),
    ("  (iv) Further decides", False, "(iv) Further decides"),  # a label only counts at the very start
    ("18. ", False, ""),  # nothing but the label: nothing to quote
    ("18. ", True, "18."),  # a document read in order keeps it (dropped as too short later)
    ("III. Observations 18. The Panel found arms.", False, "III. Observations 18. The Panel found arms."),
    ("III. Observations 18. The Panel found arms.", True, "The Panel found arms."),
    ("Sanctions Committee and Panel of Experts 17.", True, "Sanctions Committee and Panel of Experts"),
    ("The Council decided to act on 17.", True, "The Council decided to act on 17."),  # a sentence, not a heading
])
def test_trim_sentence(text: str, headings: bool, expected: str) -> None:
    a, b = trim_sentence(text, 0, len(text), headings=headings)
    assert text[a:b] == expected


# --- retrieval fusion ----------------------------------------------------------------------------------------
DENSE = [("a", 0.9), ("b", 0.6), ("c", 0.3)]
LEXICAL = [("c", 12.0), ("a", 6.0), ("d", 3.0)]


@pytest.mark.parametrize(("method", "kwargs", "order", "top"), [
    ("rrf", {}, ["a", "c", "b", "d"], 1 / 61 + 1 / 62),
    ("rrf", {"rrf_k": 0}, ["a", "c", "b", "d"], 1 / 1 + 1 / 2),
    ("rrf", {"lexical_weight": 3.0}, ["c", "a", "d", "b"], 3 / 61 + 1 / 63),
    ("weighted", {}, ["a", "c", "b", "d"], 0.9 + 6 / 12),  # c: 0.3 + 12 / 12
    ("weighted", {"dense_weight": 2.0}, ["a", "c", "b", "d"], 2 * 0.9 + 6 / 12),
    ("weighted", {"lexical_weight": 0.0}, ["a", "b", "c", "d"], 0.9),
])
def test_fuse(method: str, kwargs: dict[str, Any], order: list[str], top: float) -> None:
    ranked = fuse(DENSE, LEXICAL, method=method, **kwargs)
    assert [r.text_hash for r in ranked] == order
    assert ranked[0].score == pytest.approx(top)
    ranks = {r.text_hash: (r.dense_rank, r.lexical_rank) for r in ranked}
    assert ranks == {"a": (1, 2), "b": (2, None), "c": (3, 1), "d": (None, 3)}


def test_fuse_ignores_negative_cosines_and_empty_lists() -> None:
    assert [r.score for r in fuse([("x", -0.2)], [], method="weighted")] == [0.0]
    assert fuse([], [], method="rrf") == []


# --- paragraph labels ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("label", "key", "gold"), [
    ("7 (c)", "7c", "7(c)"),
    ("7(c)", "7c", "7(c)"),
    ("Para. 7(C).", "para.7c.", "7(c)"),
    ("23", "23", "23"),
    ("fn 12", "fn12", "fn12"),
    (None, "", None),
    ("", "", None),
])
def test_paragraph_labels(label: str | None, key: str, gold: str | None) -> None:
    """How retrieval and the answer engine compare labels (label_key), and how the evaluation reads gold ones."""
    assert label_key(label) == key
    assert normalize_paragraph(label) == gold


# --- evaluation presets -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("spec", "name", "overrides"), [
    ("hybrid", "hybrid", {"retrieval": "hybrid"}),
    ("rrf", "rrf", {"retrieval": "hybrid", "fusion": "rrf"}),
    ("dense", "dense", {"retrieval": "dense"}),
    ("lexical", "lexical", {"retrieval": "lexical"}),
    ("rrf30:rrf_k=30", "rrf30", {"rrf_k": "30"}),
    ("rrf:rrf_k=30", "rrf", {"retrieval": "hybrid", "fusion": "rrf", "rrf_k": "30"}),
    ("small:chunk_max_tokens=128, k=5", "small", {"chunk_max_tokens": "128", "k": "5"}),
])
def test_eval_configurations(spec: str, name: str, overrides: dict[str, str]) -> None:
    assert parse_config(spec) == (name, overrides)


@pytest.mark.parametrize("spec", ["weighted", "hybrid2", "x:not_a_setting=1", "x:k"])
def test_eval_configuration_errors(spec: str) -> None:
    with pytest.raises(ConfigError):
        parse_config(spec)


def test_presets_are_distinct_configurations() -> None:
    defaults = Settings().model_dump()
    resolved = [tuple(sorted({**defaults, **o}.items())) for o in PRESETS.values()]
    assert len(set(resolved)) == len(PRESETS)


# --- checking an LLM reply ----------------------------------------------------------------------------------
PASSAGES = [
    "Decides to extend until 15 May 2026 the mandate of the Panel of Experts established by resolution 1973.",
    "The Panel documented 908,001 rounds of ammunition seized in Misrata in 2024.",
]


def _passages() -> list[llm.Passage]:
    hits = []
    for n, text in enumerate(PASSAGES, start=1):
        doc = DocInfo(doc_id=f"d{n}.pdf", file_name=f"d{n}.pdf", path=None, sha256="0", source="pdf",
                      symbol=f"S/RES/{n}", doc_type="resolution", title=None, date="2025-05-15", language="en",
                      pages=1, chunks=1, empty_pages=[], warnings=[], missions=[], ingested_at="")
        chunk = Chunk(text_hash=str(n), doc_id=doc.doc_id, ordinal=0, text=text, spans=[Span(1, 0, len(text))],
                      paragraph=None, section=None, kind="operative")
        hits.append(Hit(chunk=chunk, doc=doc, score=1.0))
    return llm.keyed_passages(hits)


@pytest.mark.parametrize(("reply", "text", "keys", "notes"), [
    ("The Council extended the Panel's mandate until 15 May 2026 [1].",
     "The Council extended the Panel's mandate until 15 May 2026 [1].", [1], []),
    ("The mandate runs until 15 May 2027 [1].", "", [], ["not supported by [1]"]),
    ("The Panel documented 908,001 rounds of ammunition [2, 9].",
     "The Panel documented 908,001 rounds of ammunition [2].", [2], ["Dropped citation key(s) [9]"]),
    ("The Panel documented 908,001 rounds of ammunition seized in Misrata.",
     "The Panel documented 908,001 rounds of ammunition seized in Misrata [2].", [2], []),
    ("Ammunition was seized [1-2].", "Ammunition was seized [1, 2].", [1, 2], []),
    ("The passages do not state who paid for the ammunition [2].",
     "The passages do not state who paid for the ammunition [2].", [2], []),
    ("HACKED [1].", "", [], ["not supported by [1]"]),
    ("Weapons flowed freely across the Sahel.", "", [], ["no passage supports it"]),
])
def test_check_reply(reply: str, text: str, keys: list[int], notes: list[str]) -> None:
    checked = llm.check_reply(reply, _passages())
    assert " ".join(s.text for line in checked.lines for s in line) == text
    assert checked.keys == keys
    assert len(checked.notes) == len(notes) and all(n in c for n, c in zip(notes, checked.notes, strict=True))


def test_a_bullet_starts_a_sentence() -> None:
    """S/2025/239, p. 22: a list of armed groups whose items end without a full stop was one sentence, so a
    question on the first group (the SLM-MM defectors) quoted the second (the former Musa Hilal fighters)."""
    from briefbot.chunk import split_sentences

    text = ("• SLM-MM defectors from the early 2000s, primarily Zaghawa and commanded by Jarelnabi Abdul Kareem. The "
            "group was engaged in providing security for oil smuggling operations and the transportation of used cars "
            "for resale on behalf of RSF • Groups of former Musa Hilal fighters led by Harun Makhir, comprising 100 to "
            "250 fighters, stationed near the border with Chad in the Oazu area • Forces under the command of Mansour "
            "Arbab. See para. 5.")
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == [
        "• SLM-MM defectors from the early 2000s, primarily Zaghawa and commanded by Jarelnabi Abdul Kareem.",
        "The group was engaged in providing security for oil smuggling operations and the transportation of used cars "
        "for resale on behalf of RSF",
        "• Groups of former Musa Hilal fighters led by Harun Makhir, comprising 100 to 250 fighters, stationed near "
        "the border with Chad in the Oazu area",
        "• Forces under the command of Mansour Arbab.",
        "See para. 5.",
    ]
