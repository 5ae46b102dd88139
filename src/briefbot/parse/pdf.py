"""PDF → pages of clean text and the document's own paragraphs, using pypdfium2's per-character geometry.

UN layout facts this relies on: running heads (symbol, "2/7", job numbers, barcodes) sit in the top and bottom
bands of every page; a paragraph starts with an indent (resolutions) or after a larger vertical gap (reports);
headings use a larger font; footnote markers are set in a smaller font; footnotes sit below a rule of underscores.
"""

from __future__ import annotations

import ctypes
import hashlib
import itertools
import logging
import math
import re
import statistics
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import DocumentError
from ..models import Block, Document, Page, Span
from . import front as front_matter
from . import meta
from .isolate import extend_deadline
from .meta import Line
from .ocr import OcrError, OcrOptions, read_image, render, unavailable
from .textdoc import read_bytes

log = logging.getLogger(__name__)

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPT_DIGITS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹")
_SOFT_BREAK = "\ufffe"  # pdfium's mark for a hyphen that ended a line
_TERMINAL = tuple('.;:!?"”’)')
_NUMBERED = re.compile(r"^(\d{1,3})\.(?:\s+\S|[A-Z])")
_SUBPARA = re.compile(r"^\((?P<l>[a-z]{1,2}|[ivx]{1,5})\)\s+\S")
_HEADING_NUM = re.compile(r"^(?:[IVXL]{1,6}|[A-H])\.\s+\S")
_RULE = re.compile(r"^_{6,}\s*$")
_LINE_RE = re.compile(rf"([^\r\n{_SOFT_BREAK}]*{_SOFT_BREAK}?)(?:\r\n|\n|\r)?")
_RUNNING_HEAD = [
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),  # 2/7
    # 25-00687 (E) 170625; "98-06239 (E) 190398 /..." in the 1990s
    re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d{1,4}/\d{1,4}|\s+/\s*(?:\.\.\.|…))?$"),
    re.compile(r"^\d{1,4}/\d{1,4}\s+\d{2}-\d{5}$"),  # 2/7 25-00687
    re.compile(r"^\*\d{6,}\*$"),  # barcode text
    re.compile(r"^Please recycle$", re.I),
    # Documents of the 1990s: "English" / "Page 2" at the top of each page, "/..." where a page runs on.
    re.compile(r"^(?:English|ENGLISH)(?:\s+Page\s+\d{1,4})?$"),
    re.compile(r"^Page\s+\d{1,4}$"),
    re.compile(r"^/\s*(?:\.\.\.|…)$"),
]


@dataclass(slots=True)
class _Para:
    lines: list[tuple[int, Line]] = field(default_factory=list)  # (page number, line)
    footnote: bool = False


def parse_pdf(path: Path, ocr: OcrOptions | None = None) -> Document:
    """Parse one PDF. Raises :class:`DocumentError` with a one-line reason for anything unusable.

    With ``ocr`` enabled, a page without a text layer is read from its image by Tesseract (``Page.ocr``).
    """
    data = _read_checked(path)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentError(_pdfium_reason(str(exc), path)) from None
    ocr_pages: list[int] = []
    ocr_problems: dict[str, list[int]] = {}
    reader = _PageReader(ocr) if ocr is not None and ocr.enabled else None
    try:
        try:
            metadata = pdf.get_metadata_dict(skip_empty=True)
            pages_lines: list[list[Line]] = []
            heights: list[float] = []
            widths: list[float] = []
            for i in range(len(pdf)):
                page = pdf[i]
                width, height = page.get_size()
                widths.append(width)
                heights.append(height)
                lines = _page_lines(page)
                if reader is not None and sum(len(ln.text) for ln in lines) < 20 and _has_image(page):
                    reader.submit(i, page)
                pages_lines.append(lines)
        except pdfium.PdfiumError as exc:
            raise DocumentError(f"unreadable page in PDF ({exc})") from None
        finally:
            pdf.close()
        for i, job in reader.jobs if reader is not None else ():  # page order, as when read one by one
            try:
                pages_lines[i] = job.result() or pages_lines[i]
                ocr_pages.append(i + 1)
            except OcrError as exc:
                ocr_problems.setdefault(str(exc), []).append(i + 1)
    finally:
        if reader is not None:
            reader.close()
    if not pages_lines:
        raise DocumentError("the PDF has no pages")
    _match_ocr_sizes(pages_lines, ocr_pages)

    info = meta.read_masthead(pages_lines[0], heights[0], path.name)
    analysis = front_matter.looks_like_analysis(pages_lines[0], info.symbol)
    front = None
    if analysis:
        front = front_matter.read_front(pages_lines[0], heights[0], metadata,
                                        "\n".join(ln.text for ln in pages_lines[0]))
        info.title, info.date = front.title or info.title, front.date or info.date
        pages_lines = _reading_order([_rejoin_segments(_with_named_bold(lines)) for lines in pages_lines], widths)
    else:
        pages_lines = [_rejoin_segments(lines, after_marks_only=True) for lines in pages_lines]
    heads = [h for h in (front.title and front.title.split(":")[0], front.publisher, front.report_number) if h] \
        if front else []
    body = _strip_running_heads(pages_lines, heights, info.symbol, widths, repeated=analysis, heads=heads)
    paras = _group_paragraphs(body, layout=analysis)
    vocab = _vocabulary(paras)
    pages, blocks = _assemble(paras, len(pages_lines), vocab, info, front)
    full_text = "\n".join(p.text for p in pages)
    empty = [p.number for p in pages if len(p.text.strip()) < 20]
    for p in pages:
        p.ocr = p.number in ocr_pages and p.number not in empty
    recognised = [p.number for p in pages if p.ocr]
    warnings: list[str] = []
    if recognised:
        warnings.append(f"OCR: text of {len(recognised)} page(s) without a text layer read by Tesseract "
                        f"({_ranges(recognised)}); quotes from them are the OCR text")
    # "needs OCR" marks pages OCR did not read (off, not installed, failed): the next ingest with OCR working
    # reads the unchanged file again.
    if ocr is None or not ocr.enabled:
        why = "needs OCR: the ocr setting is off"
    elif ocr_problems:
        why = "; ".join(f"needs OCR: {problem}" for problem in ocr_problems)
    else:
        why = "blank, or OCR found no text"
    if len(empty) == len(pages):
        warnings.append(f"image-only scan: none of its {len(pages)} pages has a text layer ({why})")
    elif empty:
        warnings.append(f"{len(empty)} page(s) without text: {_ranges(empty)} ({why})")
    language = meta.detect_language(full_text)
    if language not in ("en", "unknown"):
        warnings.append(f"non-English text (detected '{language}')")
    meta.reject_junk(full_text, len(pages))
    doc_type = "other" if analysis else meta.classify(info, full_text[:6000], len(pages))
    return Document(
        doc_id=path.name,
        file_name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        source="pdf",
        symbol=info.symbol,
        doc_type=doc_type,
        title=meta.titled(info.title, doc_type, blocks),
        date=info.date,
        language=language,
        pages=pages,
        blocks=blocks,
        path=str(path),
        empty_pages=empty,
        warnings=warnings + info.warnings,
        missions=meta.find_missions(full_text),
        origin="analysis" if analysis else "un",
        authors=front.authors if front else [],
        publisher=front.publisher if front else None,
        report_number=front.report_number if front else None,
    )


class _PageReader:
    """OCR of one file's pages without a text layer, ``processes`` Tesseract runs at a time.

    Pages are rendered here, in the parsing thread (PDFium is not thread-safe), and read by Tesseract from worker
    threads; each page gets the same command and image as when pages were read one by one, so the text is the same.
    """

    def __init__(self, options: OcrOptions) -> None:
        self.options = options
        self.jobs: list[tuple[int, Future[list[Line]]]] = []  # (page index, its lines), in page order
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, index: int, page: pdfium.PdfPage) -> None:
        reason = unavailable(self.options.language)
        job: Future[list[Line]] = Future()
        if reason:
            job.set_exception(OcrError(reason))
            self.jobs.append((index, job))
            return
        processes = max(1, self.options.processes)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(processes, thread_name_prefix="briefbot-ocr")
        # One page rendered ahead of the running ones at most: the images wait in memory, not the whole scan.
        running = {j for _, j in self.jobs if not j.done()}
        while len(running) > processes:
            _, running = wait(running, return_when=FIRST_COMPLETED)
        # The parser's own time limit grows by the page's OCR limit, so a long scan is not cut off while each page
        # stays bounded.
        extend_deadline(self.options.timeout_s + 5)
        self.jobs.append((index, self._pool.submit(read_image, render(page), self.options)))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _match_ocr_sizes(pages_lines: list[list[Line]], ocr_pages: list[int]) -> None:
    """Put OCR'd lines on the text layer's size scale: OCR only estimates sizes from word heights, and in a document
    mixing both, the estimate's body size must read as body size (not as a heading) beside the text pages."""
    text_sizes = [round(ln.size) for i, lines in enumerate(pages_lines, start=1) if i not in ocr_pages
                  for ln in lines if ln.size > 0]
    ocr_sizes = [round(ln.size) for i in ocr_pages for ln in pages_lines[i - 1] if ln.size > 0]
    if not text_sizes or not ocr_sizes:
        return
    ratio = statistics.mode(text_sizes) / statistics.mode(ocr_sizes)
    for i in ocr_pages:
        for ln in pages_lines[i - 1]:
            ln.size = round(ln.size * ratio, 1)


def _has_image(page: pdfium.PdfPage) -> bool:
    """A page without text is worth OCR only when it shows an image (a blank page is just blank)."""
    return next(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3), None) is not None


def _read_checked(path: Path) -> bytes:
    data = read_bytes(path)
    if b"%PDF-" not in data[:1024]:
        head = data[:16].decode("latin-1", "replace").strip()
        raise DocumentError(f"not a PDF (file starts with {head[:12]!r})")
    if b"%%EOF" not in data[-2048:] and b"startxref" not in data[-4096:]:
        # pdfium can often still read such files; warn through the parse result if it does.
        log.debug("%s: no %%EOF marker near the end (possibly truncated)", path.name)
    return data


def _pdfium_reason(message: str, path: Path) -> str:
    low = message.lower()
    if "password" in low or "security" in low:
        return "encrypted PDF (a password is required)"
    if "format" in low:
        return "damaged or truncated PDF (pdfium: data format error)"
    return f"PDF could not be opened ({message})"


def _page_lines(page: pdfium.PdfPage) -> list[Line]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        aligned = textpage.count_chars() == len(text)
        lines: list[Line] = []
        # pdfium joins a line that ends in a hyphen to the next one with its soft-break mark; split there too,
        # or the two printed lines become one Line and the next line's y looks like a paragraph gap.
        for m in _LINE_RE.finditer(text):
            raw_line, start = m.group(1), m.start(1)
            length = len(raw_line)
            stripped = raw_line.strip()
            if not stripped:
                continue
            if not aligned:
                lines.append(Line(stripped, 0.0, 0.0, 0.0, 0.0))
                continue
            lead = length - len(raw_line.lstrip())
            first, last = start + lead, start + len(raw_line.rstrip()) - 1
            x0 = textpage.get_charbox(first)[0]
            _, _, x1, _ = textpage.get_charbox(last)
            # Every 7th printed character: a space may carry a size of its own (1.0 in Chromium's PDFs). Not a
            # digit, when the line has letters: a short last line "year.¹⁵³" read at its footnote marker's size
            # (8.25 against 10) was taken for small type, and the next page's heading joined its paragraph.
            step = 7 if last - first > 28 else 1
            sizes = [_char_size(textpage, i) for i in range(first, last + 1, step) if text[i].isalpha()] or \
                [_char_size(textpage, i) for i in range(first, last + 1, step) if not text[i].isspace()]
            size = statistics.median(sizes) if sizes else 0.0
            y = _baseline(textpage, first, last, size)
            bold = _is_bold(textpage, raw_line.strip(), first)
            lines.append(Line(_mark_superscripts(textpage, raw_line.strip(), first, size), x0, x1, y, size, bold,
                              _named_bold(textpage, raw_line.strip(), first)))
        return lines
    finally:
        textpage.close()


def _char_size(textpage: pdfium.PdfTextPage, index: int) -> float:
    """The size a character is printed at: its font size times the vertical scale of its text matrix.

    Some producers set every font at size 1 and scale it with the matrix (S/RES/2789 (2025)); the bare font
    size then reads 1.0 everywhere and headings, footnote markers and line pitch all look alike.
    """
    size = float(pdfium_c.FPDFText_GetFontSize(textpage, index))
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix)):
        scale = math.hypot(matrix.c, matrix.d)
        if scale > 0:
            size *= scale
    return size


def _is_bold(textpage: pdfium.PdfTextPage, line: str, first: int) -> bool:
    """Set in bold: UN reports and resolutions print their run-in headings in bold body type."""
    letters = [first + i for i, ch in enumerate(line) if ch.isalpha()][::5]
    if not letters:
        return False
    heavy = sum(pdfium_c.FPDFText_GetFontWeight(textpage, i) >= 600 for i in letters)
    return heavy >= 0.8 * len(letters)


def _named_bold(textpage: pdfium.PdfTextPage, line: str, first: int) -> bool:
    """Set in a font named bold ("DejaVuSerif-Bold"): Chromium's PDFs report weights like 455 for bold."""
    at = next((first + i for i, ch in enumerate(line) if ch.isalpha()), None)
    if at is None:
        return False
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    if not pdfium_c.FPDFText_GetFontInfo(textpage, at, name, len(name), ctypes.byref(flags)):
        return False
    return bool(re.search(rb"Bold|Black|Heavy|Semibold|Demi", name.value))


def _rejoin_segments(lines: list[Line], after_marks_only: bool = False) -> list[Line]:
    """One printed line that pdfium split in pieces at a raised footnote marker ("involved." / "1" / "The"):
    pieces on one baseline (a small marker a little above it) that follow each other left to right.

    ``after_marks_only`` (UN documents): only pieces on either side of a marker already read into one of them
    ("platforms. ⁷" / "In its most recent report, the"; "irregular entries." / "⁵⁸ While deteriorating"), which
    otherwise start a paragraph of their own at their indent (S/2025/22 para. 10 was read as four blocks, three
    without its number); pieces of a table's row on one baseline stay apart.
    """
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if after_marks_only:
            if prev is not None and prev.size and ln.size and abs(prev.size - ln.size) < 0.5 \
                    and (prev.text[-1:] in _SUPERSCRIPT_DIGITS or ln.text[:1] in _SUPERSCRIPT_DIGITS) \
                    and abs(ln.y - prev.y) < 0.2 * ln.size \
                    and 0 <= ln.x0 - prev.x1 <= 1.5 * ln.size:
                out[-1] = Line(prev.text + " " + ln.text, prev.x0, ln.x1, prev.y, prev.size, prev.bold and ln.bold,
                               prev.named_bold)
            else:
                out.append(ln)
            continue
        if prev is not None and prev.size and ln.size:
            size = max(prev.size, ln.size)
            marker_after = re.fullmatch(r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}", ln.text) and ln.size < 0.85 * prev.size
            marker_before = re.fullmatch(r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}", prev.text) and prev.size < 0.85 * ln.size
            near = -1.0 <= ln.x0 - prev.x1 <= 1.5 * size
            if near and (abs(ln.y - prev.y) < 0.2 * size or ((marker_after or marker_before)
                                                             and abs(ln.y - prev.y) < 0.7 * size)):
                if marker_after:
                    text = prev.text + ln.text.translate(_SUPERSCRIPT)
                elif marker_before:
                    text = prev.text.translate(_SUPERSCRIPT) + " " + ln.text
                else:
                    text = prev.text + ("" if ln.x0 - prev.x1 < 0.15 * size else " ") + ln.text
                base = ln if marker_before else prev
                out[-1] = Line(text, prev.x0, max(prev.x1, ln.x1), base.y, base.size, prev.bold and ln.bold,
                               base.named_bold)
                continue
        out.append(ln)
    return out


def _baseline(textpage: pdfium.PdfTextPage, first: int, last: int, size: float) -> float:
    """The line's baseline: the origin of its first full-size character.

    A character box's bottom moves with the glyph ("(" and "," descend, "¹" is raised), which made line gaps
    vary by ±2 pt and blurred the difference between a line break and a paragraph break.
    """
    index = first
    for i in range(first, min(last, first + 12) + 1):
        if _char_size(textpage, i) >= 0.8 * size:
            index = i
            break
    x, y = ctypes.c_double(), ctypes.c_double()
    if pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y)):
        return y.value
    return float(textpage.get_charbox(index)[1])


def _mark_superscripts(textpage: pdfium.PdfTextPage, line: str, first: int, size: float) -> str:
    """Footnote markers are small, raised digits; write them as superscripts so they never glue onto words."""
    if size <= 0:
        return line
    # Small digits first: most lines have none, and then the baseline need not be measured.
    small = [i for i, ch in enumerate(line) if ch.isdigit() and _char_size(textpage, first + i) < 0.8 * size]
    if not small or not any(ch.isalpha() for ch in line):
        return line
    baseline = statistics.median(textpage.get_charbox(first + i)[1] for i, ch in enumerate(line) if ch.isalpha())
    out = list(line)
    for i in small:
        if textpage.get_charbox(first + i)[1] > baseline + 0.15 * size:
            out[i] = line[i].translate(_SUPERSCRIPT)
    return "".join(out)


def _strip_running_heads(pages: list[list[Line]], heights: list[float], symbol: str | None,
                         widths: list[float] | None = None, repeated: bool = False,
                         heads: list[str] | None = None) -> list[list[Line]]:
    """Drop lines in the top/bottom bands that UN layout repeats on every page; page 1's masthead goes too.

    ``repeated``: also drop what any publisher repeats in those bands (a report's running title, "Page 3 of 12",
    "Crisis Group Africa Report N°301, 2 May 2024"): band lines that recur on other pages once digits are masked,
    and band lines on later pages that repeat the report's ``heads`` (its short title, publisher, number).
    """
    head_keys = [h.lower() for h in heads or [] if len(h) >= 6]
    sym_key = re.sub(r"\s", "", symbol or "").upper()
    recurring = _recurring_band_lines(pages, heights) if repeated else set()
    out: list[list[Line]] = []
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True), start=1):
        kept: list[Line] = []
        masthead_floor = _masthead_floor(lines, height) if number == 1 and not repeated else None
        width = widths[number - 1] if widths else 0.0
        for ln in lines:
            in_band = ln.y > 0.88 * height or ln.y < 0.08 * height
            if width > height:
                # A landscape page (a map, a wide table) carries the running heads turned along its sides.
                in_band = in_band or ln.x0 > 0.88 * width or ln.x0 < 0.12 * width
            if masthead_floor is not None and ln.y >= masthead_floor and ln.size > 0:
                continue
            if in_band and (_is_running_head(ln.text, sym_key) or _band_key(ln.text) in recurring
                            or (repeated and _PAGE_NUMBER.match(ln.text))
                            or (number > 1 and (ln.y > 0.94 * height or ln.y < 0.06 * height)
                                and len(ln.text) < 160 and any(k in ln.text.lower() for k in head_keys))):
                continue
            kept.append(ln)
        out.append(kept)
    return out


_PAGE_NUMBER = re.compile(r"^(?:(?:Page|p\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


def _with_named_bold(lines: list[Line]) -> list[Line]:
    for ln in lines:
        ln.bold = ln.bold or ln.named_bold
    return lines


def _band_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _recurring_band_lines(pages: list[list[Line]], heights: list[float]) -> set[str]:
    """Texts (digits masked) printed in the top or bottom band of at least two pages, or of most pages."""
    seen: dict[str, set[int]] = {}
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True), start=1):
        for ln in lines:
            if ln.y > 0.9 * height or ln.y < 0.1 * height:
                seen.setdefault(_band_key(ln.text), set()).add(number)
    need = 2 if len(pages) < 6 else max(2, len(pages) // 3)
    return {key for key, where in seen.items() if len(where) >= need and len(key) < 160}


def _reading_order(pages: list[list[Line]], widths: list[float]) -> list[list[Line]]:
    """Lines of two-column pages in reading order: down the left column, then the right one.

    Lines that span both columns (a title, a full-width box, footnotes) cut the page into bands, each read
    column by column. Pages in one column keep pdfium's order.
    """
    out: list[list[Line]] = []
    for lines, width in zip(pages, widths, strict=True):
        mid = width / 2
        left = [ln for ln in lines if ln.x1 and ln.x1 < mid + 4]
        right = [ln for ln in lines if ln.x0 > mid - 4]
        if len(left) < 6 or len(right) < 6 or not all(ln.x1 for ln in lines):
            out.append(lines)
            continue
        ordered: list[Line] = []
        band: list[Line] = []
        for ln in sorted(lines, key=lambda ln: -ln.y):
            if ln.x0 < mid - 4 and ln.x1 > mid + 4:
                ordered += _columns(band, mid)
                ordered.append(ln)
                band = []
            else:
                band.append(ln)
        out.append(ordered + _columns(band, mid))
    return out


def _columns(band: list[Line], mid: float) -> list[Line]:
    return [ln for ln in band if ln.x1 < mid + 4] + [ln for ln in band if ln.x1 >= mid + 4]


def _masthead_floor(lines: list[Line], height: float) -> float | None:
    """The lowest y of page 1's masthead block (United Nations / organ / Distr. / date / Original)."""
    floor = None
    for ln in lines:
        if ln.y < 0.75 * height:
            continue
        if re.match(r"^(United Nations|Security Council|General Assembly|Economic and Social Council|Distr\.|"
                    r"Original:|\d{1,2} \w+ \d{4}$|[ASE]/)", ln.text):
            floor = ln.y if floor is None else min(floor, ln.y)
    return floor


def _is_running_head(text: str, sym_key: str) -> bool:
    compact = re.sub(r"\s", "", text).upper()
    if sym_key and compact.startswith(sym_key) and len(compact) <= len(sym_key) + 16:
        return True
    if re.match(r"^[ASE]/[\w./-]+(?:\s*\(\d{4}\))?$", text):
        return True
    return any(p.match(text) for p in _RUNNING_HEAD)


def _group_paragraphs(pages: list[list[Line]], layout: bool = False) -> list[_Para]:
    """Rebuild paragraphs from lines: indent, vertical gap, font change and numbering start a new one.

    ``layout`` (reports from outside the UN): footnotes may sit below no rule, recognised as a run of smaller
    type at the foot of the page that opens with a note number; a paragraph may run on into the next column.
    """
    paras: list[_Para] = []
    for number, lines in enumerate(pages, start=1):
        if not lines:
            continue
        body_sizes = [ln.size for ln in lines if ln.size > 0]
        body = statistics.mode(round(s) for s in body_sizes) if body_sizes else 0
        gaps = [a.y - b.y for a, b in itertools.pairwise(lines)
                if 0 < a.y - b.y < 3 * max(body, 1) and abs(a.size - b.size) < 0.5]
        # The line pitch: a low quantile, since on a page of short paragraphs most gaps are paragraph gaps.
        spacing = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
        # The left margin: a low quantile, so hanging numbers and out-dented headings do not set it.
        starts = sorted(ln.x0 for ln in lines if ln.size and round(ln.size) == body)
        left = starts[len(starts) // 4] if starts else 0.0
        # The right margin: justified body lines end there; a line ending well short of it ends a paragraph.
        ends = sorted(ln.x1 for ln in lines if ln.size and round(ln.size) == body)
        right = ends[(3 * len(ends)) // 4] if ends else 0.0
        in_footnotes = False
        notes_from = _footnote_start(lines, body) if layout else len(lines)
        prev: Line | None = None
        current: _Para | None = None
        for index, ln in enumerate(lines):
            if _RULE.match(ln.text):
                in_footnotes = True
                prev = None
                continue
            if index == notes_from and not in_footnotes:
                in_footnotes = True
                prev = None
            if layout and prev is not None and not in_footnotes and ln.y > prev.y + 2 and ln.x0 > prev.x1 - 4:
                # The next column: the paragraph runs on unless the column ended a sentence.
                if _ends_clause(prev.text) in _TERMINAL or _NUMBERED.match(ln.text) or _HEADING_NUM.match(ln.text):
                    current = None
            elif prev is None and not in_footnotes:
                # A page's first line may carry on the last body paragraph of the previous page.
                last_body = _last_body(paras, number, ln, round(ln.size) <= body)
                current = last_body if last_body and _continues(last_body, ln, left, right) else None
            elif prev is None or _starts_paragraph(prev, ln, spacing, (left, right), in_footnotes, body,
                                                   _NOTE_START if layout else _UN_NOTE_START) or (
                    layout and prev.bold != ln.bold and not in_footnotes):
                # A heading set in bold body type runs straight into its first paragraph in many reports.
                current = None
            if current is None:
                current = _Para(footnote=in_footnotes)
                paras.append(current)
            current.lines.append((number, ln))
            prev = ln
    return paras


_NOTE_START = re.compile(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\d{1,3}[.)]?(?=\s))\s*\S")


def _footnote_start(lines: list[Line], body: float) -> int:
    """Index of the first footnote line: the foot of the page in smaller type, opening with a note number."""
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if not ln.size or not body or ln.size > body - 0.9:
            break
        if i + 1 < len(lines) and lines[i + 1].y > ln.y:
            break  # not top to bottom: another column or a box, not the foot of the page
        if _NOTE_START.match(ln.text):
            start = i
    return start


def _last_body(paras: list[_Para], number: int, ln: Line, body_line: bool) -> _Para | None:
    """The body paragraph that ended the previous page, skipping footnotes, and, when the page starts in body
    type, smaller type at the foot of the previous one (a footnote without a rule, chart labels). Nothing from
    earlier pages, and no skipping for a heading: an annex heading must not reach back to an earlier one."""
    for para in reversed(paras):
        if para.lines[-1][0] < number - 1:
            return None
        size = para.lines[-1][1].size
        if para.footnote or (body_line and size and ln.size and size < ln.size - 1.0):
            continue
        return para
    return None


def _ends_clause(text: str) -> str:
    """The line's last character that matters: trailing footnote markers ("2025.¹") do not hide a full stop."""
    return text.rstrip().rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹ ")[-1:]


_UN_NOTE_START = re.compile(r"^[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}\s")


def _starts_paragraph(prev: Line, ln: Line, spacing: float, margins: tuple[float, float], in_footnotes: bool,
                      body: float = 0.0, note_start: re.Pattern[str] = _UN_NOTE_START) -> bool:
    if in_footnotes:
        return bool(note_start.match(ln.text))
    if ln.size and prev.size and abs(ln.size - prev.size) >= 1.0:
        return True
    gap = prev.y - ln.y
    # Headings set in larger type have a proportionally larger line pitch.
    scale = max(1.0, ln.size / body) if body and ln.size else 1.0
    if spacing and (gap > 1.45 * spacing * scale or gap < -2):
        return True
    last = _ends_clause(prev.text)
    ended = last in _TERMINAL
    left, right = margins
    # A heading set in body type ("I. Introduction", "A. General") ends short of the right margin.
    short = right > left and prev.x1 < right - 0.15 * (right - left)
    if (ended or short) and (_NUMBERED.match(ln.text) or _SUBPARA.match(ln.text) or _HEADING_NUM.match(ln.text)):
        return True
    # A first-line indent (resolutions) after a line that ended a sentence or clause.
    indented = ln.x0 > left + 12 and ln.x0 > prev.x0 + 12
    return indented and (ended or last == ",")


def _continues(last: _Para, ln: Line, left: float = 0.0, right: float = 0.0) -> bool:
    """Does the first line of a page carry on the paragraph that ended the previous page?"""
    tail = last.lines[-1][1]
    if _NUMBERED.match(ln.text) or _HEADING_NUM.match(ln.text) or _SUBPARA.match(ln.text):
        return False
    if ln.size and tail.size and abs(ln.size - tail.size) >= 1.0:
        return False
    end = _ends_clause(tail.text)
    indented = bool(left) and ln.x0 > left + 12
    # A carried-on line is flush and either full (justified) or the short last line of a sentence; a heading
    # at the top of the page ("Arms Embargo") ends short, without punctuation.
    flush_text = not indented and ((bool(right) and ln.x1 >= right - 8) or _ends_clause(ln.text) in (*_TERMINAL, ","))
    if end == ",":
        # A resolution's next preambular paragraph starts indented; a report's sentence just carries on.
        return flush_text
    if end in _TERMINAL:
        # Only a numbered paragraph is carried on after a full stop at the foot of the page.
        head = last.lines[0][1].text
        return flush_text and bool(_NUMBERED.match(head) or _SUBPARA.match(head))
    return True


def _vocabulary(paras: list[_Para]) -> set[str]:
    words: set[str] = set()
    for para in paras:
        for _, ln in para.lines:
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", ln.text))
            # Hyphenated compounds printed within a line ("counter-terrorism") keep their hyphen at a line end.
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", ln.text))
    return words


# Words that open a clause after a dash, never the second part of a compound.
_DASH_FOLLOWERS = frozenset("and or but nor had has have was were is are as including namely which who whom that the "
                            "a an in on of for to with by from at while whereas such not also then so if it its this "
                            "these those there their they he she we".split())


def _join_lines(lines: list[str], vocab: set[str]) -> str:
    """Join a paragraph's lines, undoing end-of-line hyphenation only where the joined word is attested."""
    out = ""
    for line in lines:
        line = line.replace(_SOFT_BREAK, "-\n") if _SOFT_BREAK in line else line
        for piece in line.split("\n"):
            if not piece:
                continue
            if not out:
                out = piece
            elif re.search(r"[\w)”’] -$", out) and piece[:1].islower():
                # A line ending in a hyphen set off by a space: a compound spaced out by justification ("The Juba -"
                # / "appointed administration", S/2025/269, p. 5; "drug -" / "related") unless a clause goes on
                # after it, which makes it a dash ("children -" / "had"). It had been read "Juba -appointed".
                follows = re.match(r"[a-z]+(?![\w-])", piece)  # "search -" / "and-arrest" is one compound
                out = out + " " + piece if follows and follows.group(0) in _DASH_FOLLOWERS else out[:-2] + "-" + piece
            elif out.endswith("-") and piece[:1].islower():
                head = re.search(r"([A-Za-z]+)-$", out)
                tail = re.match(r"[a-z]+", piece)
                joined = (head.group(1) + tail.group(0)).lower() if head and tail else ""
                compound = f"{head.group(1)}-{tail.group(0)}".lower() if head and tail else ""
                out = out[:-1] + piece if joined in vocab and compound not in vocab else out + piece
            elif re.search(r"[A-Za-z]-$", out) and (piece[:1].isupper() or piece[:1].isdigit()):
                # A compound whose next part is capitalised is a name broken at its hyphen ("Port-au-" /
                # "Prince", "Secretary-" / "General"): a space there put "Port-au- Prince" in quotes. So is one
                # whose next part is a figure ("post-" / "2011", "COVID-" / "19", a decision's code).
                out = out + piece
            else:
                out = out + " " + piece
    return re.sub(r"[ \t]{2,}", " ", out).strip()


def _assemble(paras: list[_Para], n_pages: int, vocab: set[str], info: meta.Masthead,
              front: front_matter.Front | None = None) -> tuple[list[Page], list[Block]]:
    """Pages of text and their Blocks; ``front``: an analysis, whose front matter on page 1 is no passage."""
    page_parts: list[list[str]] = [[] for _ in range(n_pages)]
    page_len = [0] * n_pages
    sizes_all = [round(ln.size) for para in paras for _, ln in para.lines if ln.size > 0 and not para.footnote]
    body = float(statistics.mode(sizes_all)) if sizes_all else info.body_size
    labeller = meta.Labeller(is_resolution=info.is_resolution, body_size=body, analysis=front is not None)
    front_texts = {re.sub(r"\s+", " ", t).strip() for t in (front.texts if front else [])}
    blocks: list[Block] = []
    for para in paras:
        # Split the paragraph by page, join each page's lines, and record where each part lands.
        by_page: dict[int, list[str]] = {}
        sizes = [ln.size for _, ln in para.lines]
        for number, ln in para.lines:
            by_page.setdefault(number, []).append(ln.text)
        spans: list[Span] = []
        texts: list[str] = []
        for number, lines in by_page.items():
            text = _join_lines(lines, vocab)
            if not text:
                continue
            i = number - 1
            start = page_len[i] + (1 if page_parts[i] else 0)
            page_parts[i].append(text)
            page_len[i] = start + len(text)
            spans.append(Span(number, start, start + len(text)))
            texts.append(text)
        if not texts:
            continue
        text = " ".join(texts)
        bold = all(ln.bold for _, ln in para.lines)
        if front_texts and spans[0].page == 1 and all(re.sub(r"\s+", " ", ln.text).strip() in front_texts
                                                      for _, ln in para.lines):
            blocks.append(Block("title", text, spans))
            continue
        block = labeller.label(text, spans, footnote=para.footnote, size=max(sizes) if sizes else 0.0, bold=bold)
        if block is not None:
            blocks.append(block)
    pages = [Page(i + 1, "\n".join(parts)) for i, parts in enumerate(page_parts)]
    return pages, blocks


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], -1]:
        if n == prev + 1:
            prev = n
            continue
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
        start = prev = n
    return ", ".join(out)


def block_text_on_page(doc: Document, block: Block) -> list[tuple[int | None, str]]:
    """The block's text as it lies on each page (for tests and highlighting)."""
    return [(s.page, doc.page_text(s.page)[s.start:s.end]) for s in block.spans]
