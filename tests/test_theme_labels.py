"""The hand labels the triage figures are measured against (evals/themes.csv, evals/themes_bulk.csv): every row is
well formed, names a file that exists, and no Council resolution is labelled twice (once as a corpus PDF, once as
bulk XML), which would put one text in both the dev and the test split.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from briefbot.taxonomy import load_taxonomy
from conftest import SHARED

EVALS = Path(__file__).resolve().parents[1] / "evals"


def rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader((EVALS / name).open(encoding="utf-8")))


@pytest.mark.parametrize("name", ["themes.csv", "themes_bulk.csv"])
def test_rows_are_well_formed(name: str) -> None:
    slugs = set(load_taxonomy(None).slugs)
    labelled = rows(name)
    assert len({r["file"] for r in labelled}) == len(labelled)
    for r in labelled:
        themes = [t for t in r["themes"].split(";") if t]
        assert r["on_theme"] in ("0", "1") and (r["on_theme"] == "1") == bool(themes), r["file"]
        assert set(themes) <= slugs, (r["file"], set(themes) - slugs)
        assert len(themes) == len(set(themes)) and r["notes"].strip(), r["file"]


@pytest.mark.shared
def test_labelled_files_exist_and_no_resolution_is_labelled_twice() -> None:
    bulk = {p.name for p in (SHARED / "bulk" / "unxml_sc" / "xml_en" / "resolutions").glob("*/*.xml")}
    xml = [r["file"] for r in rows("themes_bulk.csv")]
    assert set(xml) <= bulk, sorted(set(xml) - bulk)
    pdfs = [r["file"] for r in rows("themes.csv")]
    assert all((SHARED / name).is_file() for name in pdfs)
    number = re.compile(r"^S_RES_(\d{3,4})")
    pdf_numbers = {m.group(1) for name in pdfs if (m := number.match(name))}
    twice = sorted(name for name in xml if (m := number.match(name)) and m.group(1) in pdf_numbers)
    assert not twice, twice
