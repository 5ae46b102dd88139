"""OCR of PDF pages without a text layer: pypdfium2 renders the page at a fixed resolution, Debian's Tesseract
(the ``tesseract`` program, offline, its English data packaged) reads it under a time limit per page; the parser
reads two pages at a time (``OCR_PROCESSES``).

The words come back with their boxes (Tesseract's TSV output) and become the same :class:`~.pdf.Line` objects a
text layer gives, in PDF points, so masthead, running heads and paragraphs are read by the one PDF pipeline.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from .meta import Line

log = logging.getLogger(__name__)

OCR_DPI = 300  # Tesseract is trained on ~300 dpi text; fixed so the same page always reads the same
# Pages of one file recognised at once (one Tesseract process each, single-threaded): a scan is read in input order
# ahead of the embedder, which waits for it with a core to spare: two pages at a time put that core to work.
OCR_PROCESSES = max(1, min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2))
_MAX_PIXELS = 40_000_000  # a poster-size page is rendered at a lower resolution instead of exhausting memory
INSTALL = "install Debian's Tesseract (apt-get install tesseract-ocr tesseract-ocr-eng; see README, 'OCR')"


@dataclass(frozen=True, slots=True)
class OcrOptions:
    """How the isolated parser reads pages without a text layer (from Settings: ocr, ocr_language, ocr_timeout_s)."""

    enabled: bool = True
    language: str = "eng"  # Tesseract language(s), e.g. "eng" or "eng+fra"
    timeout_s: float = 60.0  # per page
    processes: int = OCR_PROCESSES  # pages of one file recognised at once (each page reads the same either way)


class OcrError(Exception):
    """A page could not be recognised; the message says why (and how to fix it when that is known)."""


@functools.lru_cache(maxsize=8)
def unavailable(language: str) -> str | None:
    """Why OCR cannot run here (Tesseract or its language data missing), or None when it can."""
    exe = shutil.which("tesseract")
    if exe is None:
        return f"Tesseract is not installed: {INSTALL}"
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"Tesseract does not run ({exc}): {INSTALL}"
    have = {ln.strip() for ln in listed.stdout.splitlines()[1:]}
    missing = [code for code in language.split("+") if code not in have]
    if missing:
        packages = " ".join(f"tesseract-ocr-{code}" for code in missing)
        return f"Tesseract has no language data for {'+'.join(missing)}: apt-get install {packages}"
    return None


@dataclass(frozen=True, slots=True)
class PageImage:
    """A page rendered for Tesseract: PNG bytes, the render scale (pixels per PDF point) and the page height."""

    png: bytes
    scale: float
    height: float


def render(page: pdfium.PdfPage) -> PageImage:
    """The page as a grayscale PNG at OCR_DPI (lower for a poster-size page). PDFium is not thread-safe: call this
    from the thread that opened the document."""
    width, height = page.get_size()
    scale = OCR_DPI / 72
    if width * height * scale * scale > _MAX_PIXELS:
        scale = (_MAX_PIXELS / (width * height)) ** 0.5
    image = page.render(scale=scale, grayscale=True).to_pil()
    png = io.BytesIO()
    image.save(png, format="PNG")
    return PageImage(png.getvalue(), scale, height)


def read_image(image: PageImage, options: OcrOptions) -> list[Line]:
    """The text lines Tesseract reads from a rendered page; raises OcrError. Safe to call from several threads."""
    reason = unavailable(options.language)
    if reason:
        raise OcrError(reason)
    exe = shutil.which("tesseract") or "tesseract"
    cmd = [exe, "stdin", "stdout", "-l", options.language, "--dpi", str(round(72 * image.scale)), "tsv"]
    try:
        # OMP_THREAD_LIMIT=1: Tesseract's own threads only slow a shared machine down (pages run side by side).
        done = subprocess.run(cmd, input=image.png, capture_output=True, timeout=options.timeout_s,
                              check=False, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except subprocess.TimeoutExpired:
        raise OcrError(f"OCR timed out after {options.timeout_s:g} s (raise ocr_timeout_s)") from None
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"Tesseract failed (exit {done.returncode}: {err[-1] if err else 'no message'})"[:200])
    return _lines(done.stdout.decode("utf-8", "replace"), image.height, image.scale)


def page_lines(page: pdfium.PdfPage, options: OcrOptions) -> list[Line]:
    """The page's text lines as Tesseract reads them from its image; raises OcrError."""
    reason = unavailable(options.language)
    if reason:
        raise OcrError(reason)
    return read_image(render(page), options)


def _lines(tsv: str, page_height: float, scale: float) -> list[Line]:
    """Tesseract TSV (one row per word, with its block/paragraph/line numbers and box) → Lines in PDF points.

    A line's y is its baseline (the median bottom of its words: most words have no descender); its size is the
    page's typical text size, except for lines set clearly larger (titles), so that only real size changes
    start paragraphs.
    """
    from .meta import Line

    words: dict[tuple[int, int, int], list[tuple[int, int, int, int, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, w, h = (int(c) for c in cols[6:10])
        words.setdefault((int(cols[2]), int(cols[3]), int(cols[4])), []).append((left, top, w, h, cols[11].strip()))
    if not words:
        return []
    heights = {key: statistics.median(h for _, _, _, h, _ in ws) for key, ws in words.items()}
    typical = statistics.median(heights.values())
    body = round(typical / scale * 1.4)
    out: list[Line] = []
    for key, ws in words.items():
        x0 = min(left for left, _, _, _, _ in ws) / scale
        x1 = max(left + w for left, _, w, _, _ in ws) / scale
        baseline = statistics.median(top + h for _, top, _, h, _ in ws) / scale
        size = body if heights[key] < 1.4 * typical else round(heights[key] / scale * 1.4)
        out.append(Line(" ".join(t for *_, t in ws), x0, x1, page_height - baseline, float(size)))
    # Reading order: Tesseract's blocks come in layout order already; keep it (columns stay apart).
    return out
