"""When, and at which meeting, a resolution was adopted: read from its own cover, which no passage holds.

Every resolution's first page says "Adopted by the Security Council at its 4385th meeting, on 28 September 2001",
and the chunker leaves that masthead line out of the passages, so "When was resolution 1373 (2001) adopted?" found
no sentence to quote and took a date its text recalls ("9 December 1999"). The answer stage asks here first when a
question names resolutions and asks only that; the quote is verified on the page like any other.
"""

from __future__ import annotations

import re

from .cite import PageText, verified_citation
from .models import Citation, Hit, Span
from .parse.gazetteer import MONTHS

# "at its 4337th (closed) meeting", "at its 4820th meeting(Part II)", "at its 10042nd (resumed) meeting".
# Adopted without a meeting in 2020-2021 (the pandemic's written procedure): "Adopted by the Security Council on 30
# March 2020".
ADOPTION_LINE = re.compile(
    r"Adopted by the Security Council (?:at its (?P<meeting>\d[\d,]*(?:st|nd|rd|th)\s?(?:\((?:closed|resumed)\)\s?)?"
    rf"meeting)\s?(?:\(Part [IVX]+\))?,?\s+)?on\s?(?P<date>\d{{1,2}} (?:{MONTHS}) \d{{4}})")
# The resolution's own adoption, not measures "adopted in resolution 2397" nor a report due "after the adoption".
_ADOPTED = re.compile(r"\badopt(?:ed|ion|s)?\b(?!\s+(?:in|by|under|pursuant)\b)", re.I)
_OTHER_VERB = re.compile(r"\b(?:renew\w*|extend\w*|expir\w*|report\w*|lift\w*|terminat\w*|impos\w*|end(?:s|ed)?|"
                         r"must|shall|due|after|since|until)\b", re.I)
_WHEN = re.compile(r"\b(?:when|dates?|days?|years?)\b", re.I)
_MEETING = re.compile(r"\bmeetings?\b", re.I)
# Any other question word asks something else ("what did it decide"), unless it asks the date or the meeting.
_OTHER_ASK = re.compile(r"\b(?:what|which|who|how|why|where)\b"
                        r"(?! (?:(?:is|was) the )?(?:dates?|days?|years?|meetings?)\b)", re.I)


def asks_adoption(question: str) -> str | None:
    """``"date"`` for "When was resolution 2780 (2025) adopted?" (or "On what date …", "In which year did the
    Council adopt …"), ``"meeting"`` for "At which meeting was it adopted?", None for anything else: a question
    also asking what a resolution decides ("What did resolution 2780 adopted in May decide?") is not one."""
    if not _ADOPTED.search(question) or _OTHER_ASK.search(question) or _OTHER_VERB.search(question):
        return None
    if _MEETING.search(question):
        return "meeting"
    return "date" if _WHEN.search(question) else None


def adoption_citation(hit: Hit, key: str, page_text: PageText) -> tuple[Citation, str | None, str] | None:
    """The verified quote of the adoption line on the first page of ``hit``'s resolution, with the meeting (None
    when it names none) and the date as it states them ("4385th meeting", "28 September 2001"); None when the page
    has no such line."""
    if hit.doc.doc_type != "resolution":
        return None
    # A Council record without pages (the bulk XML) keeps its whole text as one page, cited without a number.
    page = 1 if any(s.page is not None for s in hit.chunk.spans) else None
    found = ADOPTION_LINE.search(page_text(hit.doc.doc_id, page)[:3000])
    if found is None:
        return None
    citation = verified_citation(hit.doc, Span(page, found.start(), found.end()), 0, found.group(0), key,
                                 page_text)
    meeting = re.sub(r"\s+", " ", found.group("meeting")) if found.group("meeting") else None  # one line
    return (citation, meeting, re.sub(r"\s+", " ", found.group("date"))) if citation else None
