"""What a non-UN analysis is: title, authors, publisher, date and report number from its front matter.

Think-tank, NGO and Crisis Group reports carry no UN masthead: page 1 opens with the title in the largest type,
then a byline, the organisation, a date, sometimes a series number ("Africa Report N°301"). The PDF's own
metadata is used only where the page says nothing (printed pages often carry a file name as their "Title").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import DATE_RE, MONTH_NUMBER, MONTHS
from .meta import Line, first_date

_MONTH_YEAR = re.compile(rf"^(?:(?:Published|Updated|Issued)\s*:?\s*)?({MONTHS})\s+(\d{{4}})$")
REPORT_NUMBER = re.compile(
    r"\b((?:(?:Africa|Asia|Europe(?: and Central Asia)?|Latin America(?: and (?:the )?Caribbean)?|Middle East"
    r"(?: and North Africa)?|Crisis Group)\s+)?(?:Report|Briefing|Policy Brief|Paper|Research Paper)\s+"
    r"N(?:°|º|o\.?|r\.?)\s*\d{1,4})\b")
_ORG_WORDS = re.compile(
    r"\b(Group|Institute|Initiative|Centre|Center|Foundation|Council|Programme|Program|Network|University|"
    r"Organi[sz]ation|Association|Forum|Observatory|Trust|Society|Watch|Survey|Agency|Office|Commission|"
    r"Academy|Institution|Project|Alliance|Coalition|International|Research|Studies|Policy|Affairs|Fund)\b")
_SERIES_TAIL = re.compile(r"(?:\s+(?:analysis|report|briefing|brief|policy brief|paper|commentary|publication|"
                          r"research|blog|article))+$", re.I)
_BYLINE = re.compile(r"^(?:By|Authors?:|Written by)\s+(.+)$", re.I)
_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|da|di|du|la|le|bin|al-\w+)){1,4}$")
_FILE_TITLE = re.compile(r"\.(?:html?|pdf|docx?|indd|txt)$|^(?:untitled|microsoft word|document\d*)\b", re.I)


@dataclass(slots=True)
class Front:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    date: str | None = None
    report_number: str | None = None
    texts: list[str] = field(default_factory=list)  # the front-matter lines, kept out of the searchable body


def looks_like_analysis(lines: list[Line], symbol: str | None) -> bool:
    """No UN symbol and no UN masthead on page 1, but text: a document from outside the UN system."""
    if symbol is not None:
        return False
    head = [ln.text for ln in lines[:12]]
    if any(re.match(r"^(United Nations|Nations Unies|Security Council|General Assembly)\b", t) for t in head):
        return False
    return sum(len(ln.text) for ln in lines) >= 40  # a cover page holds little more than a title


def read_front(lines: list[Line], height: float, metadata: dict[str, str], page_text: str) -> Front:
    """Front matter from page 1's lines (top to bottom, with sizes), the PDF metadata and the opening text."""
    front = Front()
    sizes = sorted(round(ln.size) for ln in lines if ln.size > 0)
    body = sizes[len(sizes) // 2] if sizes else 0
    upper = [ln for ln in lines if not height or ln.y >= 0.35 * height] or lines
    big = max((ln.size for ln in upper), default=0.0)
    start = end = None
    if big and body and big >= body + 1.5:
        start = next(i for i, ln in enumerate(lines) if ln.size >= big - 0.5)
        end = start
        while end + 1 < len(lines) and abs(lines[end + 1].size - lines[start].size) < 0.5 and end - start < 4:
            end += 1
        front.title = _clean(" ".join(ln.text for ln in lines[start:end + 1]))
        front.texts.extend(ln.text for ln in lines[start:end + 1])
    meta_title = _clean(metadata.get("Title", ""))
    if not front.title and meta_title and not _FILE_TITLE.search(meta_title) and " " in meta_title:
        front.title = meta_title
    # Kicker lines above the title and the byline block below it, up to the first line of running text.
    before = lines[:start] if start is not None else []
    after: list[Line] = []
    for ln in lines[(end + 1) if end is not None else 0:]:
        if len(ln.text) > 90 or (ln.text.endswith(".") and len(ln.text) > 40) or len(after) >= 8:
            break
        after.append(ln)
    for ln in [*before[-4:], *after]:
        if _classify(ln.text, front):
            front.texts.append(ln.text)
    meta_author = _clean(metadata.get("Author", ""))
    if meta_author and _ORG_WORDS.search(meta_author):
        # "International Crisis Group" in the Author field is the publisher, not a person.
        front.publisher = front.publisher or meta_author
    elif meta_author and not front.authors:
        front.authors = _split_names(meta_author)
    if front.date is None:
        front.date = first_date(page_text[:3000])
    if front.report_number is None:
        m = REPORT_NUMBER.search(page_text[:3000])
        front.report_number = _clean(m.group(1)) if m else None
    return front


def _classify(text: str, front: Front) -> bool:
    """Take one front-matter line into ``front``; True when it was front matter."""
    text = _clean(text)
    used = False
    m = REPORT_NUMBER.search(text)
    if m and front.report_number is None:
        front.report_number = _clean(m.group(1))
        used = True
    if DATE_RE.search(text) and front.date is None and len(text) < 60:
        front.date = first_date(text)
        return True
    my = _MONTH_YEAR.match(text)
    if my and front.date is None:
        front.date = f"{int(my.group(2)):04d}-{MONTH_NUMBER[my.group(1)]:02d}-01"
        return True
    by = _BYLINE.match(text)
    if by and not front.authors:
        front.authors = _split_names(by.group(1))
        return True
    if used:
        rest = _clean(REPORT_NUMBER.sub("", text).strip(" |·,–—-"))
        if rest and _ORG_WORDS.search(rest) and front.publisher is None:
            front.publisher = rest
        return True
    bare = _SERIES_TAIL.sub("", text)
    if front.publisher is None and _ORG_WORDS.search(bare) and len(bare) < 80 and not bare.endswith("."):
        front.publisher = re.sub(r"^(?:Published by|A report by|An? \w+ by)\s+", "", bare, flags=re.I)
        return True
    names = _split_names(text)
    if not front.authors and names and all(_NAME.match(n) and not _ORG_WORDS.search(n) for n in names):
        front.authors = names
        return True
    return False


def _split_names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", _clean(text))
    return [p for p in (x.strip() for x in parts) if p]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()
