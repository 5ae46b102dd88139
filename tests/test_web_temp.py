"""What the web app leaves on disk: a private temp space (0700 folders, 0600 files) under the index, exports only
when asked for, nothing in the system temp folder, and nothing at all once the server stops.

The server test runs the real `briefbot serve` in a second process on a copy of the sample index, drives it in
Debian Chromium, then stops it with SIGTERM.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from briefbot.web import serving
from web_support import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    LIBYA_Q,
    ROOT,
    ask,
    assert_no_errors,
    download_from,
    free_port,
    wait_uploaded,
    web_briefbot,
)

FIXTURE_PDF = Path(__file__).parent / "fixtures" / "pdf" / "S_2025_172.pdf"


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.lstat().st_mode)


def _loose(root: Path) -> list[str]:
    """What under ``root`` another local user could reach: ``root`` and its parent not 0700 (folders inside are
    behind them), files with any group/other bit."""
    bad = [f"{p} {oct(_mode(p))}" for p in (root.parent, root) if _mode(p) != 0o700]
    bad += [f"{p.relative_to(root)} {oct(_mode(p))}" for p in root.rglob("*")
            if p.is_file() and _mode(p) & 0o077]
    return bad


def test_temp_space_is_private_swept_and_removed(tmp_path: Path) -> None:
    parent = tmp_path / "web-tmp"
    # A crashed server's leftovers (its pid is not running) are removed when the next one starts.
    orphan = parent / "web-999999999-dead"
    orphan.mkdir(parents=True)
    (orphan / "answer.md").write_text("old export")
    files = serving.TempFiles(parent, max_age_s=3600)
    assert not orphan.exists()
    assert files.root.parent == parent and _mode(parent) == 0o700

    md = files.write_text("answer.md", "# export")
    pdf = files.copy(FIXTURE_PDF)
    assert pdf.read_bytes() == FIXTURE_PDF.read_bytes() and md.read_text() == "# export"
    assert _loose(files.root) == []

    old = files.write_text("old.md", "stale")
    past = time.time() - 7200
    os.utime(old.parent, (past, past))
    files.sweep()
    assert not old.exists() and md.exists()

    files.cleanup()
    assert not files.root.exists()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium")
def test_served_app_keeps_its_files_private_and_leaves_nothing(tmp_path_factory: pytest.TempPathFactory,
                                                               tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    source = web_briefbot(tmp_path_factory)
    index = tmp_path / "index"
    shutil.copytree(Path(source.settings.index), index, ignore=shutil.ignore_patterns("web-tmp", "*.lock"))
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    port = free_port()
    env = {**os.environ, "TMPDIR": str(system_tmp), "PYTHONPATH": str(ROOT / "src"),
           "BRIEFBOT_CONFIG": str(tmp_path / "none.toml")}
    env.pop("GRADIO_TEMP_DIR", None)
    server = subprocess.Popen([sys.executable, "-m", "briefbot.cli", "serve", "--index", str(index),
                               "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 240
        while True:
            assert server.poll() is None, server.communicate()[0]
            try:
                if httpx.get(url, timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.time() < deadline, "the server did not start"
            time.sleep(1)
        spaces = list((index / "web-tmp").glob("web-*"))
        assert len(spaces) == 1
        space = spaces[0]

        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page.goto(url)
            page.wait_for_selector("#question textarea", timeout=60_000)
            ask(page, "What is the population of Mars?")
            ask(page, LIBYA_Q)
            # Answers alone write no export.
            assert not [f for f in space.rglob("*.md")]
            page.locator("#cards button").first.click()
            page.wait_for_selector("#page-image img", timeout=120_000)
            page.click("#export-md")
            download_from(page, "export-file", ".md")
            page.click("#pdf-download")
            download_from(page, "export-file", ".pdf")
            page.fill("#fb-comment textarea", "kept private")
            page.click("#fb-up")
            page.get_by_role("tab", name="Feedback").click()
            page.click("#fb-csv")
            download_from(page, "fb-export", ".csv")
            page.get_by_role("tab", name="Library").click()
            page.set_input_files("#upload input[type=file]", str(FIXTURE_PDF))
            wait_uploaded(page, "upload", FIXTURE_PDF.name)
            assert_no_errors(page, "exporting and uploading")
            browser.close()

        made = [p.name for p in space.rglob("*") if p.is_file()]
        for kind in (".md", ".pdf", ".png", ".csv"):
            assert any(n.endswith(kind) for n in made), (kind, made)
        assert _loose(space) == []
        # Only multiprocessing's own 0700 folder for the parse/render children's forkserver socket (a socket path
        # must stay short, so it cannot live under the index); it holds no document data and goes at exit.
        others = [p for p in system_tmp.iterdir() if not (p.name.startswith("pymp-") and _mode(p) == 0o700)]
        assert not others, others
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            out = server.communicate(timeout=60)[0]
        except subprocess.TimeoutExpired:
            server.kill()
            out = server.communicate()[0]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "web_temp_server.log").write_text(out or "", encoding="utf-8")
    assert server.returncode is not None
    assert not list((index / "web-tmp").iterdir()), (list((index / "web-tmp").iterdir()), out[-2000:])
    assert not list(system_tmp.iterdir()), list(system_tmp.iterdir())
