"""Serving the web app: the bind and login rules, the private temp space for what the browser is handed, and
which document files may be served.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError, NotFoundError
from ..layout import IndexLayout
from ..mandates.model import upper_first

if TYPE_CHECKING:
    from ..config import Settings
    from ..service import Briefbot


# --- bind and sign-in ---------------------------------------------------------------------------------------
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


def check_bind(host: str, auth: str | None, accounts: bool = False) -> None:
    """Refuse to expose the app beyond this machine without a login (accounts, or ``auth`` pairs)."""
    parse_auth(auth)
    if not is_loopback(host) and not auth and not accounts:
        raise ConfigError(f"refusing to serve on {host} without authentication: anyone who can reach this "
                          "machine could read the indexed documents and upload files",
                          "keep the default --host 127.0.0.1, or create accounts (`briefbot users add NAME`) "
                          "or set --auth user:password (BRIEFBOT_AUTH) to serve on another interface")


def refused(message: str) -> Exception:
    """What a handler raises for a stop the user can fix (a choice missing, a bad value, an error with its remedy):
    Gradio's error toast, without the traceback it would otherwise write to the server log for each one. A toast is
    a sentence of its own, so it starts with a capital (an error's own message starts in lower case)."""
    import gradio as gr

    return gr.Error(upper_first(message), print_exception=False)


# --- files handed to the browser ----------------------------------------------------------------------
def resolve_pdf(bot: Briefbot, doc_id: str) -> Path:
    """The PDF of an indexed document. Only the catalog decides what may be served: a client never names a path."""
    path = bot.document_path(doc_id)  # NotFoundError for anything not in the index
    info = bot.document(doc_id)
    name = info.symbol or info.file_name  # what the reader knows it by, not an internal file name
    # A Council record from the bulk JSONL has no file of its own (path None), like an XML one has no pages.
    if path is None and Path(info.file_name).suffix.lower() == ".pdf":
        raise NotFoundError(f"the file of {name} is no longer on disk", "re-ingest it")
    if path is None or path.suffix.lower() != ".pdf":
        raise NotFoundError(f"{name} was not indexed from a PDF, so there is no page to show",
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
    return Path(settings.web_temp_dir or IndexLayout(Path(settings.index)).web_temp)


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


def safe_name(name: str, suffix: str = ".pdf") -> str:
    """A file name without directories or odd characters, ending in ``suffix``."""
    stem = Path(name.replace("\\", "/")).name
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).lstrip("._") or "upload"
    if not stem.lower().endswith(suffix):
        stem = stem.rsplit(".", 1)[0] + suffix if "." in stem else stem + suffix
    return stem[-120:]
