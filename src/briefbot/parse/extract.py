"""The Council's catalogue records beside the Akoma Ntoso tree (``data_extract/<year>.json``, one JSON object per
line): a resolution's description, agenda, vote and UNBIS subjects. Its XML title is only the agenda item ("The
situation in the Middle East"); the record says what it is about ("[on renewal of sanctions against Yemen …]",
"YEMEN")."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..symbols import normalize_symbol, symbol_key


@lru_cache(maxsize=64)
def _extract_year(path: str) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for line in lines:
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and rec.get("symbol"):
            # Repeated records exist; the first carries the full metadata.
            out.setdefault(symbol_key(normalize_symbol(str(rec["symbol"]))), rec)
    return out


def extract_record(xml_path: Path, symbol: str, year: int | None) -> dict[str, object] | None:
    """The ``data_extract/<year>.json`` record of ``symbol``, found beside the XML tree (``xml_en/``)."""
    if year is None:
        return None
    for parent in list(xml_path.parents)[:5]:
        candidate = parent / "data_extract" / f"{year}.json"
        if candidate.is_file():
            return _extract_year(str(candidate)).get(symbol_key(symbol))
    return None


def record_subject(xml_path: Path, symbol: str, year: int | None) -> str:
    """A record's description and UNBIS thesaurus subjects as one text, "" without a record: "Security Council
    resolution 2801 (2025) [on renewal of sanctions against Yemen …]; YEMEN; SANCTIONS; …"."""
    rec = extract_record(xml_path, symbol, year)
    if rec is None:
        return ""
    subjects = rec.get("subjects")
    unbis = [str(s[0]) for s in subjects if isinstance(s, list) and len(s) > 1 and s[1] == "UNBIS Thesaurus"] \
        if isinstance(subjects, list) else []
    return "; ".join([str(rec.get("resolution_title") or ""), *unbis]).strip("; ")
