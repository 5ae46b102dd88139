"""Parse stage: a file in, a :class:`~briefbot.models.Document` out.

``parse_file`` parses in this process; ``ParserPool`` runs it in child processes with a timeout so that a file
which hangs or crashes the parser cannot stop a batch.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocumentError
from ..models import Document
from .isolate import ParseOutcome, ParserPool
from .meta import label_annexes
from .ocr import OcrOptions

# Suffix → reader. Word, web pages, Markdown and text have no pages: they are cited by section and paragraph.
READERS = {".pdf": "pdf", ".xml": "akn", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
           ".markdown": "markdown", ".txt": "text"}
SUPPORTED_SUFFIXES = tuple(READERS)

__all__ = ["SUPPORTED_SUFFIXES", "OcrOptions", "ParseOutcome", "ParserPool", "parse_file"]


def parse_file(path: Path, ocr: OcrOptions | None = None) -> Document:
    """Parse one supported file; raises DocumentError with a one-line reason. ``ocr``: how pages of a PDF without
    a text layer are recognised (None: they are not)."""
    doc = _read(path, ocr)
    label_annexes(doc.blocks)
    return doc


def _read(path: Path, ocr: OcrOptions | None) -> Document:
    reader = READERS.get(path.suffix.lower())
    if reader == "pdf":
        from .pdf import parse_pdf

        return parse_pdf(path, ocr)
    if reader == "akn":
        from .akn import is_akn, parse_akn

        if not is_akn(path):
            raise DocumentError("XML file is not UN Akoma Ntoso")
        return parse_akn(path)
    if reader == "docx":
        from .word import parse_docx

        return parse_docx(path)
    if reader == "html":
        from .webpage import parse_html

        return parse_html(path)
    if reader == "markdown":
        from .plaintext import parse_markdown

        return parse_markdown(path)
    if reader == "text":
        from .plaintext import parse_text

        return parse_text(path)
    if path.suffix.lower() == ".doc":
        raise DocumentError("old Word .doc format; save it as .docx (Word or LibreOffice: Save As) and ingest that")
    raise DocumentError(f"unsupported file type {path.suffix or '(none)'}; briefbot reads "
                        f"{', '.join(SUPPORTED_SUFFIXES)}")
