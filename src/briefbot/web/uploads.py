"""Uploads from the web app: which files may be ingested, their copies in the index folder, the background
ingest job that sessions poll."""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UploadRejected
from ..mdtext import md_text
from ..models import DOC_TYPE_LABELS
from .serving import safe_name
from .views import count

if TYPE_CHECKING:
    from ..access import AccessScope
    from ..ingest import IngestReport
    from ..service import Briefbot

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
MB = 1_000_000  # as ingest's max_file_mb


@dataclass(slots=True)
class UploadCheck:
    accepted: list[Path] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)



# What the upload takes: suffix → what its first bytes must be (None: text, so no NUL bytes).
UPLOAD_KINDS: dict[str, tuple[str, bytes | None]] = {
    ".pdf": ("a PDF (the file does not start with %PDF-)", PDF_MAGIC),
    ".docx": ("a Word .docx file (not a zip package)", b"PK\x03\x04"),
    ".html": ("a web page (binary content)", None), ".htm": ("a web page (binary content)", None),
    ".md": ("a Markdown file (binary content)", None), ".txt": ("a text file (binary content)", None),
}


def validate_uploads(paths: list[Path], max_mb: float, max_files: int) -> UploadCheck:
    """Which uploaded files may be ingested: PDFs, Word files, web pages, Markdown and text, checked by their first
    bytes, within the size and count limits.

    Raises UploadRejected for a batch refused as a whole (nothing selected, too many files).
    """
    if not paths:
        raise UploadRejected("no files selected", f"choose one or more files ({', '.join(UPLOAD_KINDS)})")
    if len(paths) > max_files:
        raise UploadRejected(f"too many files: {len(paths)} selected, at most {max_files} per upload",
                             "upload them in smaller batches")
    check = UploadCheck()
    for p in paths:
        name = p.name
        kind = UPLOAD_KINDS.get(p.suffix.lower())
        if kind is None:
            check.rejected.append((name, f"not a file type briefbot reads ({', '.join(UPLOAD_KINDS)})"))
            continue
        what, magic = kind
        try:
            size = p.stat().st_size
            with p.open("rb") as fh:
                head = fh.read(4096)
        except OSError:
            check.rejected.append((name, "could not be read"))
            continue
        if size == 0:
            check.rejected.append((name, "empty file"))
        elif size > max_mb * MB:
            check.rejected.append((name, f"{size / MB:.1f} MB is over the {max_mb:g} MB upload limit"))
        elif (not head.startswith(magic)) if magic else (b"\x00" in head):
            check.rejected.append((name, f"not {what}"))
        else:
            check.accepted.append(p)
    return check


def stage_uploads(files: list[Path], uploads: Path) -> list[Path]:
    """Copy accepted uploads into ``<index>/uploads/``; the index's copy is what gets ingested and served."""
    from ..ingest import stage_copy

    uploads.mkdir(parents=True, exist_ok=True)
    # Never over an earlier upload of the same name: its document is served from those bytes.
    return [stage_copy(f, uploads / safe_name(f.name, f.suffix.lower() or ".pdf")) for f in files]


class IngestJob:
    """An ingest running in a background thread; sessions poll :meth:`snapshot` while chat keeps working."""

    def __init__(self, files: list[Path], rejected: list[tuple[str, str]] | None = None,
                 collection: str | None = None, scope: AccessScope | None = None) -> None:
        self.id = uuid.uuid4().hex
        self.collection, self.scope = collection, scope  # where the files go, and who uploads them
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
            report = bot.ingest(self.files, progress=self.progress, collection=self.collection, scope=self.scope,
                                background=True)
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
                    # The type as the library and the filters name it: the upload said "sg_report" (a browser walk).
                    kind = DOC_TYPE_LABELS.get(r.doc_type or "", r.doc_type)
                    summary = (f"{r.symbol or r.cited_as or '?'} · {kind} · {r.pages} p · {count(r.chunks, 'passage')}"
                               if r.pages else "")
                    if r.status in ("ingested", "replaced") and summary:
                        # A file read again says why beside what it became, as the CLI's line does.
                        detail = "; ".join(x for x in (summary, r.reason, *r.warnings) if x)
                    else:
                        detail = r.reason or "; ".join(r.warnings) or summary
                    if not detail and r.status == "unchanged":  # an empty Detail read as if something were missing
                        detail = "already indexed, nothing changed" + (
                            f" (as {r.doc_id})" if r.doc_id and r.doc_id != Path(r.path).name else "")
                    out.append([Path(r.path).name, r.status, detail])
            return out
