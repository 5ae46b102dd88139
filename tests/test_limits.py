"""Hostile files cost one line, not the machine: a decompression bomb against the parser's memory cap, a huge page
against the page renderer's limits.

Before: a 1.5 MB bomb drove the parser to 2.6 GB and was ingested; a 622-byte PDF with a 14,400-point page took
5.4 GB and 13.9 s to render inside the web server, holding a lock every other render waited on.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from briefbot.cli import app
from briefbot.store import Store
from briefbot.web.pdfview import RenderLimits, RenderRefused, render_page
from conftest import SAMPLES, SettingsFactory
from hostile_pdfs import decompression_bomb, huge_page


def test_decompression_bomb_fails_on_its_own_line(settings: SettingsFactory, tmp_path: Path) -> None:
    s = settings(parse_memory_mb=512)
    folder = tmp_path / "in"
    folder.mkdir()
    bomb = decompression_bomb(folder / "bomb.pdf", inflated_mb=1024)
    assert bomb.stat().st_size < 1_200_000
    shutil.copyfile(SAMPLES / "S_RES_2780_2025.pdf", folder / "S_RES_2780_2025.pdf")

    result = CliRunner().invoke(app, ["ingest", str(folder), "--index", str(s.index)],
                                env={"BRIEFBOT_PARSE_MEMORY_MB": "512"})
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    failed = [ln for ln in lines if ln.startswith("FAILED    bomb.pdf:")]
    assert failed == ["FAILED    bomb.pdf: parser ran out of memory (more than parse_memory_mb=512 MB; the file may "
                      "be a decompression bomb)"], result.output
    assert any(ln.startswith("INGESTED  S_RES_2780_2025.pdf") for ln in lines), result.output
    store = Store(s)
    assert [d.doc_id for d in store.documents()] == ["S_RES_2780_2025.pdf"]
    assert [f["file_name"] for f in store.failures()] == ["bomb.pdf"]


def test_huge_page_is_refused_with_a_message_and_other_renders_go_on(tmp_path: Path) -> None:
    pdf = huge_page(tmp_path / "huge.pdf")
    assert pdf.stat().st_size < 1000
    normal = SAMPLES / "S_RES_2780_2025.pdf"
    results: dict[str, Any] = {}

    def render(name: str, path: Path, limits: RenderLimits) -> None:
        started = time.monotonic()
        try:
            results[name] = render_page(path, 1, "Decides to extend the authorizations", limits=limits)
        except RenderRefused as exc:
            results[name] = exc
        results[name + "_s"] = time.monotonic() - started

    # The page-size cap refuses it before any pixel is drawn.
    render("capped", pdf, RenderLimits())
    assert isinstance(results["capped"], RenderRefused)
    assert str(results["capped"]).startswith("page 1 is 14,400 x 14,400 points, larger than the 3,500-point limit")

    # Without the size cap, the memory cap stops it in its child while a normal page renders meanwhile.
    unbounded = RenderLimits(memory_mb=512, timeout_s=60, max_page_pt=20000)
    threads = [threading.Thread(target=render, args=("huge", pdf, unbounded)),
               threading.Thread(target=render, args=("normal", normal, RenderLimits()))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert isinstance(results["huge"], RenderRefused), results["huge"]
    assert "more than the 512 MB allowed for a page image" in str(results["huge"])
    image, found = results["normal"]
    assert image.size == (918, 1188) and found is True
    # Too slow is a message too (a page whose content inflates to 300 MB of spaces: slow, within memory).
    render("slow", decompression_bomb(tmp_path / "slow.pdf", inflated_mb=300), RenderLimits(timeout_s=0.2))
    assert isinstance(results["slow"], RenderRefused) and "took longer than 0.2 s" in str(results["slow"])
