"""Parse stage: a file in, a :class:`~briefbot.models.Document` out.

``parse_file`` parses in this process; ``ParserPool`` runs it in child processes with a timeout so that a PDF
which hangs or crashes the parser cannot stop a batch.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocumentError
from ..models import Document
from .isolate import ParseOutcome, ParserPool

SUPPORTED_SUFFIXES = (".pdf", ".xml")

__all__ = ["SUPPORTED_SUFFIXES", "ParseOutcome", "ParserPool", "parse_file"]


def parse_file(path: Path) -> Document:
    """Parse one PDF or Akoma Ntoso XML file; raises DocumentError with a one-line reason."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import parse_pdf

        return parse_pdf(path)
    if suffix == ".xml":
        from .akn import is_akn, parse_akn

        if not is_akn(path):
            raise DocumentError("XML file is not UN Akoma Ntoso")
        return parse_akn(path)
    raise DocumentError(f"unsupported file type {suffix or '(none)'}; briefbot reads .pdf and Akoma Ntoso .xml")
