"""Finding a quote in a text that was extracted differently: both reduced to lower-case letters and digits, with a
map back to the original character indices.

One home for the matching the page view (PDFium's character list) and the mandate tracker (the XML text of a
resolution against its PDF copy's page text) need: it survives line breaks, hyphenation, ligatures, curly quotes
and spacing, which differ between the two extractions of the same words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

ANCHOR = 40  # normalised characters used to find a quote's start and end when the whole quote does not match


def normalise(chars: Sequence[str]) -> tuple[str, list[int]]:
    """Letters and digits of ``chars`` (NFKC, lower case) and, for each, the index of the char it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(chars):
        for c in unicodedata.normalize("NFKC", ch):
            if c.isalnum():
                out.append(c.lower())
                where.append(i)
    return "".join(out), where


def _nearest(text: str, needle: str, hint: float | None) -> int:
    """Index of the occurrence of ``needle`` closest to relative position ``hint`` (first one without a hint)."""
    found = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    if not found:
        return -1
    if hint is None:
        return found[0]
    target = hint * len(text)
    return min(found, key=lambda a: abs(a - target))


def locate(chars: Sequence[str], quote: str, hint: float | None = None) -> tuple[int, int] | None:
    """First and last index in ``chars`` of ``quote`` (inclusive), or None when it is not there.

    ``hint`` (0..1) is the quote's relative position in the text, used when the quote occurs twice. When the whole
    quote does not match (a footnote marker or a column break in the middle), its first and last ``ANCHOR``
    normalised characters are matched instead, no further apart than twice the quote's length.
    """
    text, where = normalise(chars)
    needle, _ = normalise(quote)
    if not needle or not text:
        return None
    at = _nearest(text, needle, hint)
    if at >= 0:
        return where[at], where[at + len(needle) - 1]
    if len(needle) < 2 * ANCHOR:
        return None
    head = _nearest(text, needle[:ANCHOR], hint)
    if head < 0:
        return None
    tail = text.find(needle[-ANCHOR:], head + ANCHOR)
    if tail < 0 or tail - head > 2 * len(needle):
        return None
    return where[head], where[tail + ANCHOR - 1]
