#!/usr/bin/env python3
"""Check every fact of evals/mandates.jsonl against the resolutions' XML text (not against the tracker).

    python evals/verify_mandates.py [--facts evals/mandates.jsonl] [--corpus ../shared/corpus/bulk/unxml_sc]

Kinds of fact and what is checked (XML read with briefbot's Akoma Ntoso parser, metadata from data_extract/):

* ``first_operative`` (track, theme, symbol, paragraph, evidence, keyword, earlier): the paragraph exists as
  printed, contains ``evidence`` verbatim, ``keyword`` (a regex) matches it, and no operative paragraph of the
  ``earlier`` resolutions of the track matches ``keyword`` -- so it is the first.
* ``added`` (track, symbol, previous, paragraph, evidence, key): the paragraph contains ``evidence`` and ``key``
  occurs nowhere in the previous resolution of the track.
* ``dropped`` (track, symbol, previous, previous_paragraph, evidence, key): the previous resolution's paragraph
  contains ``evidence`` and ``key`` occurs nowhere in the renewal.
* ``kept`` (track, symbol, previous, previous_paragraph, evidence, key): the previous paragraph contains
  ``evidence`` and ``key``, ``key`` occurs nowhere in ``symbol``, and ``symbol`` leaves the paragraph in force:
  either a short renewal by reference (an operative paragraph names ``previous``, its operative text is under a
  quarter of the previous one's in words) or no renewal of the track at all (its catalogue title says nothing of
  extending or renewing and no operative paragraph decides to extend or renew, or, in a sanctions track, the title
  renews a mission's mandate), or an operative paragraph extends or renews what "paragraph N of resolution
  PREVIOUS" set out, N being the paragraph's number. The tracker must not call it dropped.
* ``renewals`` (track, year, symbols, title_re): the resolutions of ``year`` whose catalogue title matches
  ``title_re`` (the operation named in brackets) are exactly ``symbols``: the renewals of that year.

Exit status 1 when any fact fails; each failure is printed with its reason.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "unxml_sc"


@cache
def _xml_index(corpus: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for p in sorted((corpus / "xml_en" / "resolutions").glob("*/*.xml")):
        m = re.match(r"^(?:S_?RES[_-]|SC_)(\d{1,4})", p.name)
        if m:
            out.setdefault(f"{int(m.group(1))}|{p.parent.name}", p)
    return out


@cache
def paragraphs(corpus: Path, symbol: str) -> list[tuple[str, bool, str]]:
    """(label, operative, text) per paragraph of a resolution, numbered as printed (preambular: PP1, PP2 ...)."""
    from briefbot.parse.akn import parse_akn

    m = re.match(r"S/RES/(\d+) \((\d{4})\)$", symbol)
    if not m:
        raise ValueError(f"not a resolution symbol: {symbol}")
    path = _xml_index(corpus).get(f"{int(m.group(1))}|{m.group(2)}")
    if path is None:
        raise FileNotFoundError(f"no XML for {symbol}")
    doc = parse_akn(path)
    out: list[tuple[str, bool, str]] = []
    pp = 0
    for b in doc.blocks:
        if b.annex or b.kind not in ("preamble", "operative"):
            continue
        if b.kind == "preamble":
            pp += 1
            out.append((f"PP{pp}", False, b.text))
        elif out and out[-1][1] and out[-1][0] == (b.label or "OP"):
            out[-1] = (out[-1][0], True, out[-1][2] + "\n" + b.text)
        else:
            out.append((b.label or "OP", True, b.text))
    return out


def _para(corpus: Path, symbol: str, label: str) -> str | None:
    return next((t for lab, _, t in paragraphs(corpus, symbol) if lab == label), None)


def _whole(corpus: Path, symbol: str) -> str:
    return "\n".join(t for _, _, t in paragraphs(corpus, symbol))


@cache
def _records(corpus: Path, year: int) -> dict[str, dict[str, Any]]:
    """data_extract's catalogue records of ``year`` by symbol, spelt "S/RES/2082 (2012)"."""
    out: dict[str, dict[str, Any]] = {}
    for line in (corpus / "data_extract" / f"{year}.json").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        sym = re.sub(r"\s+", " ", rec["symbol"].replace("(", " (")).replace("( ", "(").strip()
        out.setdefault(re.sub(r"\s*\(", " (", sym), rec)
    return out


def _titles(corpus: Path, year: int) -> dict[str, str]:
    return {sym: rec.get("resolution_title") or "" for sym, rec in _records(corpus, year).items()}


def _adopted(corpus: Path, symbol: str) -> str | None:
    """The day ``symbol`` was adopted (ISO), from data_extract's "adoption_date" ("22 January 2015")."""
    m = re.match(r"S/RES/\d+ \((\d{4})\)$", symbol)
    rec = _records(corpus, int(m.group(1))).get(symbol) if m else None
    d = re.match(r"(\d{1,2}) (\w+) (\d{4})$", (rec.get("adoption_date") or "").strip()) if rec else None
    if d is None or d.group(2) not in _MONTH_NAMES:
        return None
    return date(int(d.group(3)), _MONTH_NAMES.index(d.group(2)) + 1, int(d.group(1))).isoformat()


@cache
def _track_kind(slug: str) -> str:
    from briefbot.mandates import load_tracks
    from briefbot.taxonomy import load_taxonomy

    return load_tracks(None, load_taxonomy(None).slugs).find(slug).kind


def check(fact: dict[str, Any], corpus: Path) -> str | None:
    """None when the fact holds, else why not."""
    kind = fact["kind"]
    if kind == "first_operative":
        text = _para(corpus, fact["symbol"], fact["paragraph"])
        if text is None:
            return f"{fact['symbol']} has no paragraph {fact['paragraph']}"
        if fact["evidence"] not in text:
            return "evidence not in the paragraph"
        kw = re.compile(fact["keyword"], re.I)
        if not kw.search(text):
            return "keyword not in the paragraph"
        for sym in fact["earlier"]:
            for lab, op, t in paragraphs(corpus, sym):
                if op and kw.search(t):
                    return f"earlier {sym} para. {lab} already matches the keyword"
        return None
    if kind == "added":
        text = _para(corpus, fact["symbol"], fact["paragraph"])
        if text is None or fact["evidence"] not in text:
            return "evidence not in the paragraph"
        if fact["key"] not in text:
            return "key not in the paragraph"
        if fact["key"].lower() in _whole(corpus, fact["previous"]).lower():
            return f"key already in {fact['previous']}"
        return None
    if kind == "dropped":
        text = _para(corpus, fact["previous"], fact["previous_paragraph"])
        if text is None or fact["evidence"] not in text or fact["key"] not in text:
            return "evidence or key not in the previous paragraph"
        if fact["key"].lower() in _whole(corpus, fact["symbol"]).lower():
            return f"key still in {fact['symbol']}"
        return None
    if kind == "kept":
        text = _para(corpus, fact["previous"], fact["previous_paragraph"])
        if text is None or fact["evidence"] not in text or fact["key"] not in text:
            return "evidence or key not in the previous paragraph"
        if fact["key"].lower() in _whole(corpus, fact["symbol"]).lower():
            return f"key restated in {fact['symbol']}"
        ops = [t for _, op, t in paragraphs(corpus, fact["symbol"]) if op]
        year = int(fact["symbol"][-5:-1])
        title = _titles(corpus, year).get(fact["symbol"], "")
        renews = bool(re.search(r"\b(?:extension|extend\w*|renew\w*|prolong\w*)\b", title, re.I)) or any(
            re.match(r"\s*(?:\d+\.\s*)?(?:Further |Also )?decides\b[^.;]{0,80}\b(?:extend|renew)", t, re.I)
            for t in ops)
        if not renews:
            return None  # renews nothing: what it does not repeat stays as it was
        if _track_kind(fact["track"]) == "sanctions" and re.search(
                r"\b(?:extension|renewal) of the mandate of [^\]]*\([A-Z]{3,}\w*\)", title):
            return None  # it renews a mission's mandate, not the sanctions measures of this track
        number = re.match(r"S/RES/(\d+)", fact["previous"])
        top = re.match(r"\d+", fact["previous_paragraph"])
        if number and top and any(
                re.search(r"\b(?:extend|renew)", t, re.I) and re.search(
                    rf"\bparagraphs? (?:[\d\s(),a-z-]*?\b)?{top.group(0)}\b[^.;]{{0,40}}? of (?:its )?resolution "
                    rf"{number.group(1)}\b", t, re.I) for t in ops):
            return None  # it renews the paragraph by its number ("as established in paragraph 3 of resolution 1876")
        if number is None or not any(re.search(rf"\bresolutions? [^.;]*?\b{number.group(1)}\b", t) for t in ops):
            return f"{fact['symbol']} renews, and no operative paragraph of it names {fact['previous']}"
        words = sum(len(t.split()) for t in ops)
        before = sum(len(t.split()) for _, op, t in paragraphs(corpus, fact["previous"]) if op)
        if words >= before / 4:
            return f"a renewal, and not a short one ({words} operative words against {before})"
        return None
    if kind == "renewals":
        rx = re.compile(fact["title_re"], re.I)
        found = sorted(s for s, t in _titles(corpus, fact["year"]).items() if rx.search(t))
        if found != sorted(fact["symbols"]):
            return f"titles matching in {fact['year']}: {found}"
        return None
    if kind == "until":
        text = _para(corpus, fact["symbol"], fact["paragraph"])
        if text is None or fact["evidence"] not in text:
            return "evidence not in the paragraph"
        return _until_holds(fact, corpus)
    return f"unknown kind {kind}"


_MONTH_NAMES = ("January February March April May June July August September October November December").split()


def _spelt(iso: str) -> str:
    """2019-12-17 → "17 December 2019", as the resolutions write a date."""
    return f"{int(iso[8:10])} {_MONTH_NAMES[int(iso[5:7]) - 1]} {iso[:4]}"


def _until_holds(fact: dict[str, Any], corpus: Path) -> str | None:
    """The end date is in the evidence as written, or is the evidence's period counted from a start given with
    the fact (``from`` and ``months``): the evidence names the start's month and year (the day then comes from the
    mandate that ended, in the fact's ``note``), or says "from the date of this resolution" (the adoption), or
    spells the start day out ("as from 4 April 2004": the period ends the day before it comes round), or gives a
    period with no start at all ("shall also support the Committee for a period of thirty months", 2082 (2012)),
    which runs from the adoption: ``from`` must then be the day data_extract says it was adopted."""
    evidence = fact["evidence"]
    if "from" not in fact:
        return None if _spelt(fact["until"]) in evidence else "the date is not in the evidence as written"
    start, months = fact["from"], fact["months"]
    month, year = _MONTH_NAMES[int(start[5:7]) - 1], start[:4]
    no_start = re.search(r"\bfor (?:an? (?:\w+ )?)?period of [\w-]+ (?:months?|years?)$", evidence) is not None
    if no_start and start != _adopted(corpus, fact["symbol"]):
        return f"a period with no start runs from the adoption, not from {start}"
    if not (no_start or f"{month} {year}" in evidence
            or re.search(r"from the date of (?:adoption of )?this resolution", evidence)):
        return "the evidence does not say when the period starts"
    y, m = divmod(int(start[5:7]) - 1 + months, 12)
    end = date(int(start[:4]) + y, m + 1, int(start[8:10]))
    if _spelt(start) in evidence:
        end -= timedelta(days=1)
    if end.isoformat() != fact["until"]:
        return f"{months} months from {start} is not {fact['until']}"
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--facts", type=Path, default=ROOT / "evals" / "mandates.jsonl")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    facts = [json.loads(line) for line in args.facts.read_text(encoding="utf-8").splitlines() if line.strip()]
    bad = 0
    for f in facts:
        why = check(f, args.corpus)
        if why:
            bad += 1
            print(f"FAIL {f['id']}: {why}")
    kinds: dict[str, int] = {}
    for f in facts:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    print(f"{len(facts) - bad}/{len(facts)} facts hold ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))})")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
