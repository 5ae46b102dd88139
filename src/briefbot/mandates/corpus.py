"""Resolutions as the tracker reads them: metadata and paragraphs, from what the ingest holds.

The catalog records each bulk resolution's XML path; re-parsing it with the ingest's own parser gives the blocks
with their kinds (preambular / operative) and printed numbers, at the same offsets as the catalog's page text, so
every quote stays verbatim. Without the XML (a PDF resolution, a file moved away) the catalog's page text and
chunk labels are used instead. Titles, votes and subjects come from the corpus's ``data_extract/`` metadata next
to the XML when it is there, else from the XML's own metadata, else from the catalog title.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BriefbotError
from ..models import DocInfo
from ..parse.akn import is_akn, parse_akn
from ..parse.extract import extract_record
from ..store import Store
from ..symbols import normalize_symbol, resolution_number
from .model import Vote

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RawParagraph:
    ordinal: int
    label: str
    operative: bool
    text: str
    start: int  # offset in the catalog page text of ``page``
    page: int | None = None  # None for bulk documents (one text, no pages)


@dataclass(slots=True)
class ResolutionRecord:
    doc_id: str
    sha256: str
    file_name: str
    symbol: str
    number: int
    year: int | None
    date: str | None
    title: str | None
    agenda: str | None
    subjects: list[str]
    vote: Vote | None
    source: str
    paragraphs: list[RawParagraph] = field(default_factory=list)
    xml_missing: bool = False  # a bulk resolution whose XML file was not found: no metadata, catalog text only


# --- metadata -----------------------------------------------------------------------------------------------

def _int(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _vote_from_extract(rec: dict[str, object]) -> Vote | None:
    f, a, ab = (_int(rec.get(k)) for k in ("MS_in_favour_count", "MS_against_count", "MS_abstaining_count"))
    if f is None:
        return None
    return Vote(f, a or 0, ab or 0)


def _xml_meta(path: Path) -> tuple[str | None, str | None, list[str], Vote | None]:
    """Title, agenda, DHLAUTH subjects and vote counts from the XML's <meta> (read until it ends)."""
    title = agenda = None
    subjects: list[str] = []
    counts: dict[str, int | None] = {}
    try:
        for _event, el in ET.iterparse(path, events=("end",)):
            tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
            if tag == "keyword":
                d, ref = el.get("dictionary"), el.get("refersTo")
                if ref == "title":
                    title = el.get("showAs") or title
                elif ref == "agenda" and d == "S/":
                    agenda = (el.get("showAs") or "").rstrip(".") or agenda
                elif d == "DHLAUTH" and el.get("showAs"):
                    subjects.append(str(el.get("showAs")))
            elif tag == "count" and el.get("refersTo"):
                counts[str(el.get("refersTo"))] = _int(el.get("value"))
            elif tag == "meta":
                break
    except (ET.ParseError, OSError):
        pass
    vote = Vote(counts.get("inFavour"), counts.get("against") or 0, counts.get("abstaining") or 0) \
        if counts.get("inFavour") is not None else None
    return title, agenda, subjects, vote


_BRACKET_RE = re.compile(r"\[(.+)\]\s*$", re.S)


def bracket_title(title: str | None) -> str:
    """The catalogue's description inside the title's brackets, or the whole title."""
    if not title:
        return ""
    m = _BRACKET_RE.search(title)
    return m.group(1).strip() if m else title


# --- paragraphs ---------------------------------------------------------------------------------------------

def _from_xml(path: Path, page_text: str) -> list[RawParagraph]:
    doc = parse_akn(path)
    text = doc.pages[0].text if doc.pages else ""
    if page_text and text != page_text:
        # The ingest parsed another version of this file: offsets would not point into the catalog text.
        raise BriefbotError(f"{path.name} changed since it was indexed", "ingest it again")
    out: list[RawParagraph] = []
    pp = 0
    for block in doc.blocks:
        if block.annex or block.kind not in ("preamble", "operative") or not block.spans:
            continue
        start, end = block.spans[0].start, block.spans[-1].end
        if block.kind == "preamble":
            pp += 1
            out.append(RawParagraph(len(out), f"PP{pp}", False, text[start:end], start))
            continue
        label = block.label or "OP"
        last = out[-1] if out else None
        if last is not None and last.operative and last.label == label:
            # The rest of the same printed paragraph (text after its list, a wrap-up line): one paragraph.
            last.text = text[last.start:end]
            continue
        out.append(RawParagraph(len(out), label, True, text[start:end], start))
    return out


_NUM_LABEL_RE = re.compile(r"^\d{1,3}(?: \(\w{1,5}\))*$")


def _from_catalog(store: Store, info: DocInfo) -> list[RawParagraph]:
    """Paragraphs from the catalog alone: lines of the page texts, labelled by the chunks' spans."""
    labels: dict[tuple[int | None, int], str] = {}
    for chunk in store.chunks_of(info.doc_id):
        if chunk.kind == "footnote":
            continue
        for span in chunk.spans:
            if span.label and _NUM_LABEL_RE.match(span.label):
                labels.setdefault((span.page, span.start), span.label)
    pages: list[int | None] = [None] if info.source == "bulk" else list(range(1, info.pages + 1))
    out: list[RawParagraph] = []
    pp = 0
    seen_operative = formula = False
    for number in pages:
        page = store.page_text(info.doc_id, number)
        starts = sorted((s, lab) for (pg, s), lab in labels.items() if pg == number)
        pos = 0
        for line in page.split("\n"):
            start, pos = pos, pos + len(line) + 1
            if not line.strip():
                continue
            label = next((lab for s, lab in starts if start <= s < start + len(line)), None)
            if label is not None:
                seen_operative = True
                last = out[-1] if out else None
                if last is not None and last.operative and last.label == label and last.page == number:
                    last.text = page[last.start:start + len(line)]
                else:
                    out.append(RawParagraph(len(out), label, True, line, start, number))
            elif line.startswith("The Security Council"):
                formula = True
            elif formula and not seen_operative and len(line) > 40:
                pp += 1
                out.append(RawParagraph(len(out), f"PP{pp}", False, line, start, number))
    return out


def read_resolution(store: Store, info: DocInfo) -> ResolutionRecord | None:
    """The tracker's view of one indexed resolution; None for a document that is not a numbered resolution."""
    if not info.symbol:
        return None
    parsed = resolution_number(info.symbol)
    if parsed is None:
        return None
    number, year = parsed
    year = year or info.year
    path = source_path(store, info)
    title, agenda, subjects, vote = info.title, None, [], None
    paragraphs: list[RawParagraph] | None = None
    if path is not None and path.suffix.lower() == ".xml" and path.is_file() and is_akn(path):
        rec = extract_record(path, info.symbol, year)
        if rec is not None:
            title = str(rec.get("resolution_title") or "") or title
            agenda = str(rec.get("agenda_item_name") or "").rstrip(".") or None
            raw_subjects = rec.get("subjects")
            if isinstance(raw_subjects, list):
                subjects = [str(s[0]) for s in raw_subjects if isinstance(s, list) and s and len(s) > 1
                            and s[1] == "DHLAUTH"]
            vote = _vote_from_extract(rec)
        else:
            x_title, agenda, subjects, vote = _xml_meta(path)
            title = x_title or title
        try:
            paragraphs = _from_xml(path, store.page_text(info.doc_id, None))
        except BriefbotError as exc:
            log.warning("%s: %s; reading the catalog text instead", info.symbol, exc)
    if paragraphs is None:
        paragraphs = _from_catalog(store, info)
    # The library writes "Côte d'Ivoire" with a combining circumflex in some titles (2283 (2016)): composed, the
    # tracks' rules read every title and subject alike.
    title = unicodedata.normalize("NFC", title) if title else title
    agenda = unicodedata.normalize("NFC", agenda) if agenda else agenda
    subjects = [unicodedata.normalize("NFC", s) for s in subjects]
    missing = bool(info.path) and info.path.lower().endswith(".xml") and not (path is not None and path.is_file())
    return ResolutionRecord(info.doc_id, info.sha256, info.file_name, normalize_symbol(info.symbol), number, year,
                            info.date, title, agenda, subjects, vote, info.source, paragraphs, missing)


def source_path(store: Store, info: DocInfo) -> Path | None:
    """The file a document was ingested from. The catalog may hold it relative to the folder ingest ran in
    (``../shared/corpus/...``); from another working folder it is looked for beside the index's folders too."""
    if not info.path:
        return None
    path = Path(info.path)
    if path.is_absolute() or path.is_file():
        return path
    for base in list(Path(store.dir).resolve().parents)[:3]:
        if (base / path).is_file():
            return base / path
    return path
