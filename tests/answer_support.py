"""A citation of a report's sentence for tests of the answer's first line (``direct_line`` reads only these fields)."""

from __future__ import annotations

from briefbot.models import Citation


def cite(quote: str, key: str = "1", date: str = "2025-03-01") -> Citation:
    """``quote`` as citation ``key`` of a one-page document dated ``date``."""
    return Citation(key=key, document=f"d{key}.pdf", symbol=None, page=1, paragraph=None, quote=quote,
                    doc_id=f"d{key}", date=date)
