"""UN document symbols as they are printed on real documents and in their file names."""

from __future__ import annotations

import pytest

from briefbot.symbols import (
    find_symbols,
    normalize_symbol,
    resolution_number,
    split_joint,
    symbol_from_filename,
    symbol_key,
    symbols_match,
)


@pytest.mark.parametrize(("raw", "expected"), [
    ("S/RES/2769 (2025)", "S/RES/2769 (2025)"),
    ("s/res/2769(2025)", "S/RES/2769 (2025)"),
    ("S/RES/2769  ( 2025 )", "S/RES/2769 (2025)"),
    ("S/2025/71/Rev.1", "S/2025/71/Rev.1"),
    ("S/2025/71/REV.1", "S/2025/71/Rev.1"),
    ("S/2025/10/Add.31", "S/2025/10/Add.31"),
    ("S/2025/10/add.31", "S/2025/10/Add.31"),
    ("A/79/797-S/2025/109", "A/79/797-S/2025/109"),
    ("A/79/797 - S/2025/109", "A/79/797-S/2025/109"),
    ("A/AC.121/2025/L.3", "A/AC.121/2025/L.3"),
    ("E/2025/28-E/CN.7/2025/11", "E/2025/28-E/CN.7/2025/11"),
    ("S/2025/356.", "S/2025/356"),
    ("CEDAW/C/CAF/CO/6", "CEDAW/C/CAF/CO/6"),
])
def test_normalize_symbol(raw: str, expected: str) -> None:
    assert normalize_symbol(raw) == expected


def test_split_joint_symbols() -> None:
    assert split_joint("A/79/797-S/2025/109") == ["A/79/797", "S/2025/109"]
    assert split_joint("A/79/797 - S/2025/109") == ["A/79/797", "S/2025/109"]
    assert split_joint("E/2025/28-E/CN.7/2025/11") == ["E/2025/28", "E/CN.7/2025/11"]
    assert split_joint("S/RES/2769 (2025)") == ["S/RES/2769 (2025)"]


def test_symbol_key_ignores_spacing_case_and_second_half() -> None:
    assert symbol_key("S/RES/2769 (2025)") == symbol_key("s/res/2769(2025)") == "S/RES/27692025"
    assert symbol_key("A/79/797-S/2025/109") == "A/79/797"
    # Spaces around the joining hyphen used to keep both halves in the key.
    assert symbol_key("A/79/797 - S/2025/109") == "A/79/797"
    assert symbol_key("S/2025/71/Rev.1") != symbol_key("S/2025/71")


def test_symbols_match() -> None:
    assert symbols_match("S/RES/2769(2025)", "S/RES/2769 (2025)")
    # Either half of a joint symbol names the document.
    assert symbols_match("A/79/797-S/2025/109", "S/2025/109")
    assert symbols_match("A/79/797-S/2025/109", "A/79/797")
    assert symbols_match("S/2025/109", "A/79/797 - S/2025/109")
    assert symbols_match("E/2025/28-E/CN.7/2025/11", "E/CN.7/2025/11")
    # Different documents, and a revision is not its original.
    assert not symbols_match("S/2025/109", "A/79/797")
    assert not symbols_match("S/2025/71", "S/2025/71/Rev.1")
    assert not symbols_match("S/2025/10/Add.31", "S/2025/10/Add.3")
    assert not symbols_match("S/RES/2769 (2025)", "S/RES/2770 (2025)")
    assert not symbols_match(None, "S/2025/109")
    assert not symbols_match("", "")


def test_find_symbols_in_prose() -> None:
    text = ("Recalling its resolution 2781 (2025) and resolutions 2769 (2025) and 2770 (2025), the final report "
            "(S/2025/71/Rev.1), the report A/79/797-S/2025/109, the records E/2025/28-E/CN.7/2025/11 "
            "and the draft A/AC.121/2025/L.3. See S/2025/10/Add.31; S/2025/356.")
    assert find_symbols(text) == [
        "S/RES/2781 (2025)", "S/RES/2769 (2025)", "S/RES/2770 (2025)", "S/2025/71/Rev.1", "A/79/797-S/2025/109",
        "E/2025/28-E/CN.7/2025/11", "A/AC.121/2025/L.3", "S/2025/10/Add.31", "S/2025/356",
    ]


def test_find_symbols_rejects_fragments_and_repeats() -> None:
    assert find_symbols("S/RES and A/ are not symbols; neither is 2769 (2025) alone.") == []
    assert find_symbols("S/2025/176 ... S/2025/176 ... s/2025/176") == ["S/2025/176"]


def test_resolution_number() -> None:
    assert resolution_number("S/RES/2769 (2025)") == (2769, 2025)
    assert resolution_number("s/res/2781(2025)") == (2781, 2025)
    assert resolution_number("S/RES/1285") == (1285, None)
    assert resolution_number("S/2025/109") is None


@pytest.mark.parametrize(("name", "expected"), [
    ("S_RES_2769_2025.pdf", "S/RES/2769 (2025)"),
    ("S_2025_257.pdf", "S/2025/257"),
    ("S_2025_71_Rev.1.pdf", "S/2025/71/Rev.1"),
    ("S_2025_10_Add.31.pdf", "S/2025/10/Add.31"),
    ("A_79_797-S_2025_109.pdf", "A/79/797-S/2025/109"),
    ("A_52_826-S_1998_222.pdf", "A/52/826-S/1998/222"),
    ("A_AC.121_2025_L.3.pdf", "A/AC.121/2025/L.3"),
    ("E_2025_28.pdf", "E/2025/28"),
    ("A_45_696_Add.1.pdf", "A/45/696/Add.1"),
    # The scraper appended the year to an old symbol: it is not part of it.
    ("A_C.1_212_1947.pdf", "A/C.1/212"),
    ("A_L.632_1971.pdf", "A/L.632"),
    # Names that are not symbols give nothing rather than a wrong symbol.
    ("S_2024_207_ODS_not_found_placeholder.pdf", None),
    ("S_2024_216_mislabeled_ru_S_2024_228.pdf", None),
    ("report.pdf", None),
])
def test_symbol_from_filename(name: str, expected: str | None) -> None:
    assert symbol_from_filename(name) == expected
