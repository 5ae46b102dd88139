"""The web app's logic, without Gradio: citation cards, filters, library rows, upload checks and jobs, binding rules.

Everything here calls the same ``Briefbot`` service functions the CLI uses; nothing retrieves, ranks or prompts.
"""

from __future__ import annotations

import html
import ipaddress
import logging
import os
import re
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BriefbotError, ConfigError, NotFoundError, UploadRejected
from ..models import DOC_TYPE_LABELS, Answer, Citation, DocInfo, Hit, paragraph_label
from ..store import Filters

if TYPE_CHECKING:
    from ..config import Settings
    from ..ingest import IngestReport
    from ..service import Briefbot

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
MB = 1_000_000  # as ingest's max_file_mb
_PASSAGE_CHARS = 420  # a closest-passage card shows this much of the passage


# --- citation cards -----------------------------------------------------------------------------------------
@dataclass(slots=True)
class Card:
    """One selectable card under an answer: a citation, or (for an abstention) one of the closest passages."""

    key: str
    doc_id: str
    symbol: str | None
    title: str | None
    doc_type: str | None
    date: str | None
    page: int | None
    paragraph: str | None
    quote: str
    passage: bool = False  # a closest passage, not a citation
    start: int | None = None  # offset of the quote in the cleaned page text, when known
    page_end: int | None = None  # a quote over a page break: its last page, and its part on each page
    parts: list[tuple[int | None, str]] = field(default_factory=list)

    def reference(self) -> str:
        parts = [self.symbol or self.doc_id]
        if self.paragraph:
            parts.append(paragraph_label(self.paragraph))
        if self.page is not None and self.page_end not in (None, self.page):
            parts.append(f"pp. {self.page}-{self.page_end}")
        elif self.page is not None:
            parts.append(f"p. {self.page}")
        return ", ".join(parts)


def card_from_citation(c: Citation) -> Card:
    return Card(key=c.key, doc_id=c.document, symbol=c.symbol, title=c.title, doc_type=c.doc_type, date=c.date,
                page=c.page, paragraph=c.paragraph, quote=c.quote, start=c.start, page_end=c.page_end,
                parts=list(c.parts))


def card_from_hit(h: Hit) -> Card:
    """A passage card quotes the part of the chunk printed on its first page (what the page view can show)."""
    spans = h.chunk.spans
    text = h.chunk.text
    page = spans[0].page if spans else None
    start = None
    if spans:
        on_page = [i for i, s in enumerate(spans) if s.page == page]
        end_at = spans[on_page[-1] + 1].at if on_page[-1] + 1 < len(spans) else len(text)
        text = text[spans[0].at:end_at]
        start = spans[0].start
    return Card(key=str(h.rank), doc_id=h.doc.doc_id, symbol=h.doc.symbol, title=h.doc.title,
                doc_type=h.doc.doc_type, date=h.doc.date, page=page, paragraph=h.chunk.paragraph,
                quote=text.strip(), passage=True, start=start)


def cards_for(answer: Answer, closest: int = 5) -> list[Card]:
    """Citations of an answer; for an abstention, the closest passages instead."""
    if answer.citations:
        return [card_from_citation(c) for c in answer.citations]
    if answer.abstained:
        return [card_from_hit(h) for h in answer.hits[:closest]]
    return []


def card_html(card: Card) -> str:
    """A card as escaped HTML: reference line, title/type/date line, quote."""
    e = html.escape
    where = [f"<b>{e(card.symbol or card.doc_id)}</b>"]
    if card.paragraph:
        where.append(e(paragraph_label(card.paragraph)).replace(" ", "&nbsp;", 1))
    if card.page is not None and card.page_end not in (None, card.page):
        where.append(f"pp.&nbsp;{card.page}-{card.page_end}")
    elif card.page is not None:
        where.append(f"p.&nbsp;{card.page}")
    meta = [x for x in (card.title, DOC_TYPE_LABELS.get(card.doc_type or "", card.doc_type), card.date) if x]
    quote = card.quote
    if card.passage and len(quote) > _PASSAGE_CHARS:
        quote = quote[:_PASSAGE_CHARS].rsplit(" ", 1)[0] + " …"
    badge = "closest passage" if card.passage else "citation"
    return (f'<div class="bb-card{" bb-passage" if card.passage else ""}">'
            f'<div class="bb-ref"><span class="bb-key">[{e(card.key)}]</span> {" · ".join(where)}'
            f' <span class="bb-badge">{badge}</span></div>'
            f'<div class="bb-meta">{e(" · ".join(meta))}</div>'
            f'<div class="bb-quote">“{e(quote)}”</div></div>')


# Document text, questions and model output are shown as text: every character Markdown or HTML would read as
# markup is escaped, so our own formatting (bold, notes) is the only markup in a message.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$:=^])")


def md_text(text: str) -> str:
    """``text`` as literal Markdown: HTML escaped, Markdown punctuation backslash-escaped (``http\\://`` is no
    autolink, ``\\!\\[b\\]`` no image), line breaks kept."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return "  \n".join(escaped.splitlines())


# The extractive engine explains an abstention with its scores; the chat says it in words.
_INTERNALS = re.compile(r"\s*\((?:confidence|score)[^)]*\)", re.IGNORECASE)


def plain_abstention(text: str) -> str:
    return _INTERNALS.sub("", text).strip()


def answer_message(answer: Answer) -> str:
    """The assistant's chat message for a finished answer: the answer, an abstention said plainly, notes."""
    parts = []
    if answer.abstained:
        text = plain_abstention(answer.answer)
        parts.append("**Not answered by the indexed documents.** " + md_text(text))
        if answer.hits and "closest passages" not in text.lower():
            parts.append("_The closest passages are listed below; none of them answers the question._")
    else:
        parts.append(md_text(answer.answer.strip()))
    parts.extend(f"> **Note:** {md_text(note)}" for note in answer.notes)
    return "\n\n".join(parts)


# --- filters ------------------------------------------------------------------------------------------------
ANY_YEAR = ("Any year", "")  # the year boxes' empty choice: no bound


def _year(value: Any) -> int | None:
    """A year box's value; empty means no bound, anything else must be a year."""
    if value is None or str(value).strip() in ("", ANY_YEAR[0]):
        return None
    try:
        year = int(float(str(value).strip()))
    except ValueError:
        year = 0
    if not 1900 <= year <= 2200:
        raise BriefbotError(f"{str(value)[:20]!r} is not a year", "pick a year from the list, or leave the box "
                            "empty for no bound")
    return year


def year_choices(docs: list[DocInfo]) -> list[tuple[str, str]]:
    """The years the indexed documents are dated, newest first, after the no-bound choice."""
    years = sorted({d.year for d in docs if d.year}, reverse=True)
    return [ANY_YEAR, *((str(y), str(y)) for y in years)]


def filters_from_ui(doc_types: list[str] | None, year_from: Any, year_to: Any, missions: list[str] | None,
                    doc_ids: list[str] | None) -> Filters | None:
    """Filters from the form; empty year boxes mean no bound, a reversed range is read the way it was meant.

    Raises BriefbotError (with its remedy) for a year box holding something that is not a year.
    """
    y0, y1 = _year(year_from), _year(year_to)
    if y0 is not None and y1 is not None and y0 > y1:
        y0, y1 = y1, y0
    filters = Filters(doc_types=list(doc_types) if doc_types else None, year_from=y0, year_to=y1,
                      missions=list(missions) if missions else None, doc_ids=list(doc_ids) if doc_ids else None)
    return filters if filters.active() else None


def mission_choices(docs: list[DocInfo]) -> list[str]:
    return sorted({m for d in docs for m in d.missions})


def document_choices(docs: list[DocInfo]) -> list[tuple[str, str]]:
    return [(f"{d.symbol or d.file_name} — {(d.title or d.file_name)[:70]}", d.doc_id) for d in docs]


# --- library ------------------------------------------------------------------------------------------------
LIBRARY_COLUMNS = ["Symbol", "Title", "Type", "Date", "Pages", "Passages", "Health", "Missions", "File"]
FAILURE_COLUMNS = ["File", "Reason", "When"]


def health(d: DocInfo) -> str:
    if d.pages and len(d.empty_pages) >= d.pages:
        return "no text (scanned?)"
    if d.empty_pages:
        return f"{len(d.empty_pages)} page(s) without text"
    if d.warnings:
        return "warnings"
    return "ok"


def library_rows(docs: list[DocInfo]) -> list[list[Any]]:
    """One row per document; health says which pages have no text and lists warnings (fewer, wider columns so
    the table fits the page)."""
    rows = []
    for d in docs:
        state = health(d)
        if d.empty_pages:
            state += f" (p. {', '.join(map(str, d.empty_pages[:12]))}{' …' if len(d.empty_pages) > 12 else ''})"
        if d.warnings:
            state += "; " + "; ".join(d.warnings)
        rows.append([d.symbol or "?", d.title or "", DOC_TYPE_LABELS.get(d.doc_type, d.doc_type), d.date or "",
                     d.pages, d.chunks, state, ", ".join(d.missions), d.file_name])
    return rows


def failure_rows(failures: list[dict[str, str]]) -> list[list[Any]]:
    return [[f.get("file_name", ""), f.get("reason", ""), f.get("at", "")] for f in failures]


def library_summary(docs: list[DocInfo], failures: list[dict[str, str]]) -> str:
    unhealthy = sum(1 for d in docs if health(d) != "ok")
    return (f"**{len(docs)}** documents · **{sum(d.chunks for d in docs)}** passages · "
            f"**{unhealthy}** with warnings or pages without text · **{len(failures)}** files failed")


# --- documents ----------------------------------------------------------------------------------------------
def resolve_pdf(bot: Briefbot, doc_id: str) -> Path:
    """The PDF of an indexed document. Only the catalog decides what may be served: a client never names a path."""
    path = bot.document_path(doc_id)  # NotFoundError for anything not in the index
    if path is None:
        raise NotFoundError(f"the file of {doc_id!r} is no longer on disk", "re-ingest it")
    if path.suffix.lower() != ".pdf":
        raise NotFoundError(f"{doc_id!r} was not indexed from a PDF, so there is no page to show",
                            "read the passage text on the card")
    return path


class TempFiles:
    """Private space for what the app hands to the browser: exports, PDF copies, page images, and Gradio's own
    cache (``gradio/``, via GRADIO_TEMP_DIR).

    One folder per server process, ``web-<pid>-*`` under ``parent`` (``<index>/web-tmp`` by default): mode 0700,
    files 0600, swept of anything older than ``max_age_s``, removed by :meth:`cleanup` at exit. Folders of
    servers that are no longer running are removed on start. Copies keep the index directory itself out of what
    the web server may read.
    """

    def __init__(self, parent: Path, max_age_s: float = 3600.0) -> None:
        parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        parent.chmod(0o700)
        _remove_orphans(parent)
        self.root = Path(tempfile.mkdtemp(prefix=f"web-{os.getpid()}-", dir=parent))  # 0700
        self.gradio = self.root / "gradio"
        # Our files live inside Gradio's cache: Gradio serves a returned file only from its cache, the working
        # directory or the system temp folder, and copies it into the cache otherwise (a second copy).
        self.files = self.gradio / "briefbot"
        self.files.mkdir(mode=0o700, parents=True)
        self.max_age_s = max_age_s
        self._stop = threading.Event()

    def path(self, name: str) -> Path:
        """A fresh private path for a file called ``name`` (own folder, so names never clash)."""
        self.sweep()
        self.files.mkdir(mode=0o700, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=self.files))
        return folder / safe_name(name, suffix=Path(name).suffix or ".txt")

    def write_bytes(self, name: str, data: bytes) -> Path:
        dest = self.path(name)
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return dest

    def write_text(self, name: str, text: str) -> Path:
        return self.write_bytes(name, text.encode("utf-8"))

    def copy(self, src: Path) -> Path:
        return self.write_bytes(src.name, src.read_bytes())

    def sweep(self, max_age_s: float | None = None) -> None:
        """Remove files older than ``max_age_s`` (default: the instance's) from both caches."""
        cutoff = time.time() - (self.max_age_s if max_age_s is None else max_age_s)
        for base in (self.files, self.gradio):
            for entry in base.iterdir() if base.is_dir() else []:
                if entry == self.files:
                    continue
                try:
                    if entry.lstat().st_mtime < cutoff:
                        shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
                except OSError:
                    continue

    def start_sweeper(self, interval_s: float = 600.0) -> None:
        """Sweep every ``interval_s`` in a daemon thread until :meth:`cleanup`."""
        def loop() -> None:
            while not self._stop.wait(interval_s):
                self.sweep()

        threading.Thread(target=loop, name="briefbot-web-tmp-sweeper", daemon=True).start()

    def cleanup(self) -> None:
        self._stop.set()
        shutil.rmtree(self.root, ignore_errors=True)


def temp_parent(settings: Settings) -> Path:
    return Path(settings.web_temp_dir or Path(settings.index) / "web-tmp")


def open_temp_space(settings: Settings) -> TempFiles:
    """This server's private temp space, and Gradio pointed at it (GRADIO_TEMP_DIR). Call before Gradio is
    imported: some of its folders are fixed at import time."""
    tmp = TempFiles(temp_parent(settings))
    os.environ["GRADIO_TEMP_DIR"] = str(tmp.gradio)
    return tmp


def _remove_orphans(parent: Path) -> None:
    """Remove the temp folders of web servers that died without cleaning up (kill -9, power loss)."""
    for folder in parent.glob("web-*-*"):
        try:
            pid = int(folder.name.split("-")[1])
        except (IndexError, ValueError):
            continue
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # alive under another user: not ours to remove
            continue


# --- uploads ------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class UploadCheck:
    accepted: list[Path] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)


def safe_name(name: str, suffix: str = ".pdf") -> str:
    """A file name without directories or odd characters, ending in ``suffix``."""
    stem = Path(name.replace("\\", "/")).name
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).lstrip("._") or "upload"
    if not stem.lower().endswith(suffix):
        stem = stem.rsplit(".", 1)[0] + suffix if "." in stem else stem + suffix
    return stem[-120:]


def validate_uploads(paths: list[Path], max_mb: float, max_files: int) -> UploadCheck:
    """Which uploaded files may be ingested: PDFs by their first bytes, within the size and count limits.

    Raises UploadRejected for a batch refused as a whole (nothing selected, too many files).
    """
    if not paths:
        raise UploadRejected("no files selected", "choose one or more PDF files")
    if len(paths) > max_files:
        raise UploadRejected(f"too many files: {len(paths)} selected, at most {max_files} per upload",
                             "upload them in smaller batches")
    check = UploadCheck()
    for p in paths:
        name = p.name
        try:
            size = p.stat().st_size
            with p.open("rb") as fh:
                head = fh.read(len(PDF_MAGIC))
        except OSError:
            check.rejected.append((name, "could not be read"))
            continue
        if size == 0:
            check.rejected.append((name, "empty file"))
        elif size > max_mb * MB:
            check.rejected.append((name, f"{size / MB:.1f} MB is over the {max_mb:g} MB upload limit"))
        elif head != PDF_MAGIC:
            check.rejected.append((name, "not a PDF (the file does not start with %PDF-)"))
        else:
            check.accepted.append(p)
    return check


def stage_uploads(files: list[Path], uploads: Path) -> list[Path]:
    """Copy accepted uploads into ``<index>/uploads/``; the index's copy is what gets ingested and served."""
    from ..ingest import stage_copy

    uploads.mkdir(parents=True, exist_ok=True)
    # Never over an earlier upload of the same name: its document is served from those bytes.
    return [stage_copy(f, uploads / safe_name(f.name)) for f in files]


class IngestJob:
    """An ingest running in a background thread; sessions poll :meth:`snapshot` while chat keeps working."""

    def __init__(self, files: list[Path], rejected: list[tuple[str, str]] | None = None) -> None:
        self.id = uuid.uuid4().hex
        self.files = files
        self.rejected = list(rejected or [])
        self.done = 0
        self.total = len(files)
        self.message = "starting"
        self.finished = False
        self.error: str | None = None
        self.report: IngestReport | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def progress(self, done: int, total: int, message: str) -> None:
        with self._lock:
            self.done, self.total, self.message = done, total, message

    def run(self, bot: Briefbot) -> None:
        try:
            report = bot.ingest(self.files, progress=self.progress)
            with self._lock:
                self.report = report
        except Exception as exc:  # shown to the user who uploaded; the server keeps running
            log.exception("upload ingest failed")
            with self._lock:
                self.error = str(exc)
        finally:
            with self._lock:
                self.finished = True

    def start(self, bot: Briefbot, behind: int = 0) -> IngestJob:
        """Run in the background; ``behind`` is how many earlier uploads of this server are still running."""
        if behind:
            self.message = f"waiting for {behind} earlier upload{'s' if behind > 1 else ''} to finish"
        self._thread = threading.Thread(target=self.run, args=(bot,), name=f"briefbot-upload-{self.id[:8]}",
                                        daemon=True)
        self._thread.start()
        return self

    def join(self, timeout: float | None = None) -> None:
        if self._thread:
            self._thread.join(timeout)

    def status(self) -> str:
        with self._lock:
            if not self.finished:
                total = max(self.total, 1)
                filled = round(20 * self.done / total)
                return (f"**Ingesting** `{'█' * filled}{'░' * (20 - filled)}` {self.done}/{self.total} — "
                        f"{md_text(self.message)}")
            if self.error:
                return f"**Ingest failed:** {md_text(self.error)}"
            counts = self.report.counts() if self.report else {}
            summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "nothing to do"
            rejected = f"; {len(self.rejected)} refused" if self.rejected else ""
            return f"**Ingest finished:** {summary}{rejected}."

    def rows(self) -> list[list[str]]:
        """Per-file outcome: refused at upload, then what ingest did with each accepted file."""
        with self._lock:
            out = [[name, "refused", reason] for name, reason in self.rejected]
            if self.report:
                for r in self.report.results:
                    detail = r.reason or "; ".join(r.warnings) or (
                        f"{r.symbol or '?'} · {r.doc_type} · {r.pages} p · {r.chunks} passages" if r.pages else "")
                    out.append([Path(r.path).name, r.status, detail])
            return out


# --- serving ------------------------------------------------------------------------------------------------
def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_auth(auth: str | None) -> list[tuple[str, str]] | None:
    """``user:pass[,user2:pass2]`` as Gradio's list of pairs."""
    if not auth or not auth.strip():
        return None
    pairs = []
    for item in auth.split(","):
        user, sep, password = item.strip().partition(":")
        if not sep or not user or not password:
            raise ConfigError("auth must be user:password pairs separated by commas",
                              "e.g. --auth analyst:long-secret (or BRIEFBOT_AUTH)")
        pairs.append((user, password))
    return pairs


def check_bind(host: str, auth: str | None) -> None:
    """Refuse to expose the app beyond this machine without a login."""
    parse_auth(auth)
    if not is_loopback(host) and not auth:
        raise ConfigError(f"refusing to serve on {host} without authentication: anyone who can reach this "
                          "machine could read the indexed documents and upload files",
                          "keep the default --host 127.0.0.1, or set --auth user:password (or BRIEFBOT_AUTH) "
                          "to serve on another interface")
