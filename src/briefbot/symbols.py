"""UN document symbols: find them in text, normalise them, turn them into file-name keys.

Forms handled: ``S/RES/2769 (2025)``, ``S/2025/176``, ``S/2025/71/Rev.1``, ``S/2025/10/Add.31``, ``A/79/797``,
``E/2025/28``, ``A/AC.121/2025/L.3``, ``A/C.1/212``, ``S/PRST/2024/3``, joint ``A/52/826-S/1998/222``, and the
prose forms "resolution 2769 (2025)".
"""

from __future__ import annotations

import re

# One symbol body: an organ letter, then slash-separated parts (digits, letters, dotted series like AC.121 or L.3).
_PART = r"(?:Rev\.\d+|Add\.\d+|Corr\.\d+|Amend\.\d+|[A-Z]{1,6}(?:\.\d+)?(?![a-z])|\d{1,5}(?:\.\d+)?)"
_BODY = rf"(?:[ASE]|CEDAW|CRC|CCPR|HRC|UNEP|TD)/{_PART}(?:/{_PART})*"
_RES_SUFFIX = r"(?:\s*\(\d{4}\))?"
SYMBOL_RE = re.compile(rf"(?<![\w/])(?P<sym>{_BODY}{_RES_SUFFIX}(?:\s?-\s?{_BODY}{_RES_SUFFIX})?)")
RESOLUTION_PROSE_RE = re.compile(
    r"\b[Rr]esolutions?\s+(?P<num>\d{3,4})\s*\((?P<year>\d{4})\)"
)
# A list after "resolutions": "resolutions 2441 (2018), 2509 (2020) and 2701 (2023)".
_RESOLUTION_LIST_RE = re.compile(
    r"\b[Rr]esolutions\s+\d{3,4}\s*\(\d{4}\)(?:(?:\s*,\s*|\s*,?\s+and\s+)\d{3,4}\s*\(\d{4}\))+"
)
_NUMBER_YEAR_RE = re.compile(r"(?P<num>\d{3,4})\s*\((?P<year>\d{4})\)")
_RES_SYMBOL_RE = re.compile(r"^S/RES/(?P<num>\d+)\s*(?:\((?P<year>\d{4})\))?$")


def normalize_symbol(symbol: str) -> str:
    """Canonical spacing and case: ``s/res/2769(2025)`` → ``S/RES/2769 (2025)``; strips trailing punctuation."""
    s = symbol.strip().strip(".,;:")
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s*-\s*(?=[ASE]/)", "-", s)
    s = re.sub(r"\s*\(\s*(\d{4})\s*\)", r" (\1)", s)
    # Upper-case organ/series parts but keep Rev./Add./Corr. as printed.
    parts = []
    for part in s.split("/"):
        low = part.lower()
        if low.startswith(("rev.", "add.", "corr.", "amend.")):
            parts.append(part[0].upper() + part[1:].lower())
        else:
            parts.append(part.upper())
    return "/".join(parts)


def symbol_key(symbol: str) -> str:
    """A comparison key that ignores spacing, case and a joint symbol's second half."""
    # Split after normalising: "A/79/797 - S/2025/109" only becomes a recognisable joint symbol then.
    first = split_joint(symbol)[0] if symbol.strip() else ""
    return re.sub(r"[\s()]", "", first).upper()


def symbols_match(a: str | None, b: str | None) -> bool:
    """True when two symbols name the same document (either half of a joint symbol counts)."""
    if not a or not b:
        return False
    ka = {symbol_key(x) for x in split_joint(a)}
    kb = {symbol_key(x) for x in split_joint(b)}
    return bool(ka & kb)


def split_joint(symbol: str) -> list[str]:
    """``A/79/797-S/2025/109`` → ``["A/79/797", "S/2025/109"]``."""
    return [p for p in re.split(r"-(?=[ASE]/)", normalize_symbol(symbol)) if p]


def find_symbols(text: str) -> list[str]:
    """Every symbol mentioned in ``text``, normalised, in order of first appearance, without repeats.

    Prose references ("resolution 2769 (2025)") become ``S/RES/2769 (2025)``.
    """
    found: dict[str, int] = {}
    for m in SYMBOL_RE.finditer(text):
        sym = normalize_symbol(m.group("sym"))
        if _plausible(sym):
            found.setdefault(sym, m.start())
    for m in RESOLUTION_PROSE_RE.finditer(text):
        found.setdefault(f"S/RES/{m.group('num')} ({m.group('year')})", m.start())
    for m in _RESOLUTION_LIST_RE.finditer(text):
        for item in _NUMBER_YEAR_RE.finditer(m.group(0)):
            found.setdefault(f"S/RES/{item.group('num')} ({item.group('year')})", m.start() + item.start())
    return [s for s, _ in sorted(found.items(), key=lambda kv: kv[1])]


def _plausible(sym: str) -> bool:
    # Reject fragments such as "S/RES" or a bare organ letter.
    parts = sym.split("/")
    return len(parts) >= 2 and any(ch.isdigit() for ch in sym)


def resolution_number(symbol: str) -> tuple[int, int | None] | None:
    """``S/RES/2769 (2025)`` → ``(2769, 2025)``."""
    m = _RES_SYMBOL_RE.match(normalize_symbol(symbol))
    if not m:
        return None
    return int(m.group("num")), int(m.group("year")) if m.group("year") else None


def resolution_no(symbol: str) -> int | None:
    """``S/RES/2769 (2025)`` → ``2769``; None for any other symbol."""
    number = resolution_number(symbol)
    return number[0] if number else None


def symbol_from_filename(name: str) -> str | None:
    """Best guess from corpus-style file names: ``S_RES_2769_2025.pdf`` → ``S/RES/2769 (2025)``."""
    stem = re.sub(r"\.(pdf|xml|txt)$", "", name, flags=re.I)
    m = re.match(r"^S_RES[_-](\d+)[_-](\d{4})\b", stem)
    if m:
        return f"S/RES/{m.group(1)} ({m.group(2)})"
    m = re.match(r"^([ASE](?:_(?:[A-Z0-9.]+|Rev\.\d+|Add\.\d+|Corr\.\d+))+)(?:-([ASE](?:_[A-Za-z0-9.]+)+))?$", stem)
    if not m:
        return None
    parts = m.group(1).split("_")
    # A trailing year after a complete symbol (A_C.1_212_1947) is the scraper's, not the UN's.
    if len(parts) >= 3 and re.fullmatch(r"19[4-9]\d|20[0-3]\d", parts[-1]) and not parts[1].isdigit():
        parts = parts[:-1]
    symbol = "/".join(parts)
    if m.group(2):
        symbol += "-" + m.group(2).replace("_", "/")
    return normalize_symbol(symbol)
