"""The bulk JSONL of Security Council documents: one record per document, its text one paragraph per line.

Records become Documents with the paragraph numbering of the Akoma Ntoso reader (akn.py), whose layout helpers
they share.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import DocumentError
from ..models import BlockKind, Document
from ..symbols import normalize_symbol, symbol_key, symbols_match
from .akn import (
    ANNEX_RE,
    TEXT_ARABIC_RE,
    TEXT_BULLET_RE,
    TEXT_SUB_DOT_RE,
    TEXT_SUB_RE,
    Layout,
    Numberer,
    clean_text,
    consistent_symbol,
    date_from_text,
    filename_symbol,
    iso_or_none,
    plain_heading,
    symbol_year,
)
from .gazetteer import MONTHS
from .meta import label_annexes, resolution_subject

log = logging.getLogger(__name__)

_GLUED_DATE_RE = re.compile(rf"(?<=[a-z])(?=\d{{1,2}}\s(?:{MONTHS})\s\d{{4}})")
_MASTHEAD_END_RE = re.compile(r"^(?:Adopted by the Security Council|Statement by the President of the "
                              r"Security Council|.*draft resolution\s*$)", re.I)
_ITEM_RE = re.compile(r"items?\s+entitled\s+[“\"]([^”\"]{3,300})[”\"]")


def iter_jsonl(path: Path, skip_symbols: Iterable[str] = frozenset(),
               bad_lines: list[tuple[int, str]] | None = None) -> Iterator[Document]:
    """One Document per record of the bulk JSONL, skipping records whose symbol is in ``skip_symbols``.

    A record repeating an earlier one (same symbol, same text) is skipped too. Unreadable lines are logged
    and skipped (and listed in ``bad_lines`` as (line number, reason), so ingest reports each); an unreadable
    file raises DocumentError.
    """
    skip = {symbol_key(s) for s in skip_symbols if s}
    seen: set[tuple[str, str]] = set()
    seen_ids: set[str] = set()
    try:
        fh = path.open(encoding="utf-8")
    except OSError as err:
        raise DocumentError(f"cannot read {path.name}: {err.strerror or err}") from err
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as err:
                log.warning("%s:%d: skipped, not JSON (%s)", path.name, lineno, err.msg)
                if bad_lines is not None:
                    bad_lines.append((lineno, f"not JSON ({err.msg})"))
                continue
            if not isinstance(rec, dict) or not rec.get("symbol") or not rec.get("text"):
                log.warning("%s:%d: skipped, no symbol or text", path.name, lineno)
                if bad_lines is not None:
                    bad_lines.append((lineno, "no symbol or text in the record"))
                continue
            warnings: list[str] = []
            symbol = _record_symbol(rec, warnings)
            if symbol_key(symbol) in skip:
                continue
            text = str(rec["text"])
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if (symbol_key(symbol), digest) in seen:
                log.debug("%s:%d: %s repeats an earlier record; skipped", path.name, lineno, symbol)
                continue
            seen.add((symbol_key(symbol), digest))
            doc = _record_document(rec, symbol, text, digest, path, warnings)
            if doc.doc_id in seen_ids:
                doc.doc_id = doc.file_name = f"{doc.doc_id}#{digest[:8]}"
            seen_ids.add(doc.doc_id)
            yield doc


def _record_symbol(rec: dict[str, object], warnings: list[str]) -> str:
    """The record's symbol, unless its source file's name says otherwise (a file with another's masthead)."""
    symbol = normalize_symbol(str(rec.get("symbol") or ""))
    source = str(rec.get("source_path") or rec.get("file") or "").rsplit("/", 1)[-1]
    hint = filename_symbol(re.sub(r"[()]", "", source.replace(" ", "_")))
    if symbol and hint is not None and hint[1] is not None and not consistent_symbol(symbol, hint):
        warnings.append(f"record says {symbol} but its source file {source} is {hint[1]}; using the latter")
        return hint[1]
    return symbol


def _record_document(rec: dict[str, object], symbol: str, text: str, digest: str, path: Path,
                     warnings: list[str]) -> Document:
    kind = str(rec.get("kind") or "")
    if symbol.startswith("S/PRST/"):
        kind = "presidential_statement"
    elif symbol.startswith("S/RES/"):
        kind = "resolution"
    layout = _jsonl_layout(text, kind)
    lines = layout.lines
    file = str(rec.get("file") or "")
    key = re.sub(r"[()]", "", symbol).replace("/", "_").replace(" ", "_")
    doc_id = file.rsplit("/", 1)[-1] if file else key
    agenda = clean_text(str(rec.get("agenda_item") or "")).rstrip(".") or None
    record_title = clean_text(str(rec.get("title") or "")) or None
    if not symbols_match(symbol, str(rec.get("symbol") or "")):
        agenda = record_title = None  # joined for the document the masthead wrongly names
    suffix = f": {agenda}" if agenda else ""
    doc_type = "other"
    if kind == "presidential_statement":
        if agenda is None:
            m = _ITEM_RE.search("\n".join(lines[:12]))
            suffix = f": {m.group(1).strip().rstrip('.')}" if m else ""
        title = f"Presidential statement {symbol}{suffix}"
    elif kind == "resolution":
        doc_type = "resolution"
        res = next((ln for ln in lines[:8] if re.match(r"^Resolution\s+\d", ln, re.I)), None)
        title = record_title or ((res.capitalize() if res else f"Resolution {symbol.removeprefix('S/RES/')}")
                                 + suffix)
        if not record_title and not agenda:
            # No agenda item in the Council's metadata: say what the resolution is about from its own text.
            subject = resolution_subject(layout.blocks)
            title = f"{title}: {subject}" if subject else title
    else:
        warnings.append("draft resolution that was not adopted")
        title = f"Draft resolution {symbol} (not adopted){suffix}"
    target = path.parent / file if file else None
    label_annexes(layout.blocks)  # as parse_file does: the PDF and XML twins' labels ("annex A, 3")
    return Document(
        doc_id=doc_id,
        file_name=doc_id,
        sha256=digest,
        source="bulk",
        symbol=symbol,
        doc_type=doc_type,
        title=title,
        date=_record_date(rec, symbol, lines, warnings),
        language="en",
        pages=layout.pages(),
        blocks=layout.blocks,
        path=str(target) if target is not None and target.is_file() else str(path),
        warnings=warnings,
    )


def _jsonl_layout(text: str, kind: str) -> Layout:
    """Blocks from a record's lines: masthead, preamble, numbered operative paragraphs and sub-paragraphs."""
    lines = [ln for ln in (clean_text(_GLUED_DATE_RE.sub(" ", raw)) for raw in text.split("\n")) if ln]
    out = Layout()
    end = next((i for i, ln in enumerate(lines[:15]) if _MASTHEAD_END_RE.match(ln)), None)
    head = end + 1 if end is not None else min(5, len(lines))
    for ln in lines[:head]:
        out.add("title", ln, None, None, False)
    statement = kind == "presidential_statement"
    body = lines[head:]
    unnumbered = not any(TEXT_ARABIC_RE.match(ln) for ln in body)
    top = Numberer()
    current: str | None = None
    section: str | None = None
    annex = formula = False
    for ln in body:
        if ANNEX_RE.search(ln) and len(ln) < 120 and not ln.endswith((".", ";", ",")):
            annex, top, current, section = True, Numberer(), None, ln
            out.add("heading", ln, None, section, annex)
            continue
        body_kind: BlockKind = "numbered" if annex or statement else "operative"
        m = TEXT_ARABIC_RE.match(ln)
        if m:
            current = m.group(1)
            top = Numberer(current)
            out.add(body_kind, ln, current, section, annex)
            continue
        if not any(ch.isalnum() for ch in ln):
            out.add("text", ln, None, section, annex)
            continue
        if current is not None or annex:
            sub = TEXT_SUB_RE.match(ln) or (TEXT_SUB_DOT_RE.match(ln) if current else None)
            if sub:
                out.add(body_kind, ln, top.push(sub.group(1)), section, annex)
            elif TEXT_BULLET_RE.match(ln):
                out.add(body_kind, ln, top.label(), section, annex)
            elif not annex and not statement and plain_heading(ln):
                section = ln[:200]
                out.add("heading", ln, None, section, annex)
            else:
                out.add("text" if annex or statement else "operative", ln, current, section, annex)
            continue
        if statement:
            out.add("text", ln, None, section, annex)
        elif not formula and ln.startswith("The Security Council"):
            formula = True
            out.add("text", ln, None, section, annex)
        elif unnumbered and formula and ln.endswith((".", ";")):
            out.add("operative", ln, None, section, annex)  # the single, unnumbered operative paragraph
        else:
            out.add("preamble", ln, None, section, annex)
    return out


def _record_date(rec: dict[str, object], symbol: str, lines: list[str], warnings: list[str]) -> str | None:
    """The record's date, or the adoption/meeting date in its text when the record's is missing or wrong."""
    date = iso_or_none(str(rec.get("date") or ""))
    year = symbol_year(symbol)
    if date and (year is None or int(date[:4]) == year):
        return date
    found = next((d for ln in lines[:12]
                  if ln.startswith("Adopted by the Security Council") or re.match(r"^(?:At|On)\b.*\d{4}", ln)
                  for d in [date_from_text(ln)] if d), None)
    if found is None and len(lines) > 4:
        found = date_from_text(lines[4])  # the masthead date
    if date and found and found != date:
        warnings.append(f"record date {date} does not match the symbol's year; using {found} from the text")
        return found
    if date is None:
        warnings.append(f"record has no usable date; {found} taken from the text" if found else "no date")
    return date or found
