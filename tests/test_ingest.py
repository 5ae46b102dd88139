"""Ingest with the real packaged model and real embedded Chroma: incremental runs, replacement, removal, atomic
per-document commits and resume, and every kind of bad input (one-line reasons, the batch goes on)."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from briefbot.cli import app
from briefbot.config import Settings
from briefbot.ingest import IngestReport, ingest_paths
from briefbot.lexical import LexicalIndex
from briefbot.store import Store
from conftest import PDF_FIXTURES, REPO, SAMPLES, SettingsFactory

RES_2780 = SAMPLES / "S_RES_2780_2025.pdf"  # one page, one chunk: cheap to embed
RES_2783 = SAMPLES / "S_RES_2783_2025.pdf"
LETTER_172 = PDF_FIXTURES / "S_2025_172.pdf"
SCAN = PDF_FIXTURES / "A_C.1_212_1947.pdf"
ERROR_PAGE = PDF_FIXTURES / "S_2024_207_ODS_not_found_placeholder.pdf"
HANG_TIMEOUT_S = 8.0  # the generated slow PDF needs well over this; real files need well under a second


class NoEmbedding:
    """An embedder that fails the test if anything is embedded."""

    path = None
    name = "no-embedding"
    cache_key = name  # the EmbeddingCache key an Embedder exposes (its precision is part of it)

    def embed_documents(self, texts: list[str]) -> Any:
        raise AssertionError(f"embedded {len(texts)} texts on a run that had nothing new")


def copy(src: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    dst = folder / (name or src.name)
    shutil.copyfile(src, dst)  # not copy(): the samples are read-only and tests overwrite their copies
    return dst


def index_state(settings: Settings) -> dict[str, Any]:
    """Catalog and vector store side by side."""
    store = Store(settings)
    db = store._db()
    hashes = {r[0] for r in db.execute("SELECT text_hash FROM chunks")}
    vectors = set(store.collection.get(include=[])["ids"])
    per_doc = {r[0]: r[1] for r in db.execute("SELECT doc_id, count(*) FROM chunks GROUP BY doc_id")}
    docs = {d.doc_id: d for d in store.documents()}
    state = {"docs": docs, "hashes": hashes, "vectors": vectors, "per_doc": per_doc, "version": store.version(),
             "open": store.flag("ingest_open"), "failures": {f["file_name"]: f["reason"] for f in store.failures()}}
    store.close()
    return state


def by_name(report: IngestReport) -> dict[str, Any]:
    return {Path(r.path).name: r for r in report.results}


def slow_pdf(path: Path, copies: int = 300) -> Path:
    """A valid PDF of 11 x ``copies`` real pages: parsing it takes far longer than HANG_TIMEOUT_S."""
    reader = PdfReader(str(SAMPLES / "S_2025_231.pdf"))
    writer = PdfWriter()
    for _ in range(copies):
        for page in reader.pages:
            writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    path.write_bytes(buf.getvalue())
    return path


def unreadable(path: Path) -> Path:
    """A file that exists but cannot be read, also for root (tests run as root in CI)."""
    if os.geteuid() != 0:
        shutil.copyfile(RES_2780, path)
        path.chmod(0)
        return path
    # Reading /proc/self/mem from offset 0 fails with EIO whoever you are.
    path.symlink_to("/proc/self/mem")
    try:
        path.read_bytes()
    except OSError:
        return path
    pytest.skip("no way to make an unreadable file on this system")


# --- the session's sample index --------------------------------------------------------------------------------

def test_sample_index_ingested(sample_index: tuple[Settings, IngestReport]) -> None:
    settings, report = sample_index
    results = by_name(report)
    assert sorted(results) == sorted(p.name for p in SAMPLES.glob("*.pdf"))
    assert {r.status for r in report.results} == {"ingested"}
    assert report.failed == []
    assert results["S_RES_2769_2025.pdf"].symbol == "S/RES/2769 (2025)"
    assert results["S_2025_257.pdf"].doc_type == "sg_report"
    state = index_state(settings)
    assert set(state["docs"]) == set(results)
    # One vector per distinct chunk text, and only those.
    assert state["vectors"] == state["hashes"]
    assert report.embedded == len(state["hashes"]) > 100
    for doc_id, info in state["docs"].items():
        assert info.chunks == state["per_doc"][doc_id] == results[doc_id].chunks > 0
        assert info.pages == results[doc_id].pages
    assert state["open"] is None
    # The lexical side knows the same passages.
    hits = LexicalIndex(Store(settings)).search("illicit petroleum exports from Libya", 5)
    assert hits and {h for h, _ in hits} <= state["hashes"]


def test_reingest_unchanged_does_no_embedding_work(sample_index: tuple[Settings, IngestReport]) -> None:
    settings, _ = sample_index
    before = index_state(settings)
    report = ingest_paths([SAMPLES], settings, embedder=NoEmbedding())  # type: ignore[arg-type]
    assert report.embedded == 0
    assert {r.status for r in report.results} == {"unchanged"}
    assert len(report.results) == 6
    after = index_state(settings)
    assert after["version"] == before["version"]
    assert after["vectors"] == before["vectors"]
    assert {k: v.ingested_at for k, v in after["docs"].items()} == {k: v.ingested_at for k, v in before["docs"].items()}


# --- replacement and removal -------------------------------------------------------------------------------------

def test_changed_file_replaces_its_chunks(settings: SettingsFactory, tmp_path: Path) -> None:
    s = settings()
    doc = copy(RES_2780, tmp_path / "in", "doc.pdf")
    first = ingest_paths([doc], s)
    assert by_name(first)["doc.pdf"].status == "ingested"
    old = index_state(s)
    old_hashes = old["hashes"]
    assert old["docs"]["doc.pdf"].symbol == "S/RES/2780 (2025)"

    doc.write_bytes(LETTER_172.read_bytes())  # same path, other bytes: refused unless replacing is asked for
    refused = by_name(ingest_paths([doc], s, embedder=NoEmbedding()))["doc.pdf"]  # type: ignore[arg-type]
    assert refused.status == "refused" and "pass --replace" in (refused.reason or "")
    kept = index_state(s)
    assert kept["docs"]["doc.pdf"].symbol == "S/RES/2780 (2025)" and kept["version"] == old["version"]

    second = ingest_paths([doc], s, replace=True)
    result = by_name(second)["doc.pdf"]
    assert result.status == "replaced"
    assert result.symbol == "S/2025/172"
    new = index_state(s)
    assert list(new["docs"]) == ["doc.pdf"]
    assert new["docs"]["doc.pdf"].symbol == "S/2025/172" and new["docs"]["doc.pdf"].doc_type == "letter"
    assert new["hashes"].isdisjoint(old_hashes)
    assert new["vectors"] == new["hashes"]  # the old vectors are gone, the new ones are there
    store = Store(s)
    assert "arms embargo" not in store.page_text("doc.pdf", 1)
    assert "Panel of Experts" in store.page_text("doc.pdf", 1)
    hits = LexicalIndex(store).search("Surface to air arms embargo Libya authorizations 2733", 10)
    assert {h for h, _ in hits}.isdisjoint(old_hashes)


def test_cli_remove_drops_document_vectors_and_lexical_entries(settings: SettingsFactory, tmp_path: Path) -> None:
    s = settings()
    folder = tmp_path / "in"
    copy(RES_2780, folder)
    copy(LETTER_172, folder)
    report = ingest_paths([folder], s)
    assert {r.status for r in report.results} == {"ingested"}
    before = index_state(s)
    store = Store(s)
    removed_hashes = {c.text_hash for c in store.chunks_of("S_RES_2780_2025.pdf")}
    kept_hashes = {c.text_hash for c in store.chunks_of("S_2025_172.pdf")}
    assert removed_hashes and kept_hashes
    query = "extend the authorizations inspection of vessels high seas off the coast of Libya"
    assert {h for h, _ in LexicalIndex(store).search(query, 10)} & removed_hashes
    store.close()

    runner = CliRunner()
    result = runner.invoke(app, ["remove", "S/RES/2780 (2025)", "--index", str(s.index)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "removed S_RES_2780_2025.pdf"

    after = index_state(s)
    assert list(after["docs"]) == ["S_2025_172.pdf"]
    assert after["hashes"] == kept_hashes
    assert after["vectors"] == kept_hashes
    assert after["version"] > before["version"]
    store = Store(s)
    assert store.chunks_of("S_RES_2780_2025.pdf") == [] and store.page_text("S_RES_2780_2025.pdf", 1) == ""
    assert not {h for h, _ in LexicalIndex(store).search(query, 10)} & removed_hashes

    # Removing it again, or anything unknown, is one line and exit code 2.
    result = runner.invoke(app, ["remove", "S_RES_2780_2025.pdf", "--index", str(s.index)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "no indexed document 'S_RES_2780_2025.pdf'" in lines[0]

    # Remove the last one too: an empty index still answers lexical look-ups (with nothing).
    result = runner.invoke(app, ["remove", "S_2025_172.pdf", "--index", str(s.index)])
    assert result.exit_code == 0, result.output
    empty = index_state(s)
    assert empty["docs"] == {} and empty["vectors"] == set() and empty["hashes"] == set()
    lexical = LexicalIndex(Store(s))
    assert lexical.search(query, 10) == []
    idf = lexical.idf({"embargo", "panel"})
    assert set(idf) == {"embargo", "panel"} and all(v > 0 for v in idf.values())


def test_a_reader_keeps_its_build_while_a_newer_one_is_made(settings: SettingsFactory, tmp_path: Path) -> None:
    """A web app's searches had all queued behind one reader's rebuild of the whole lexical index (10-20 s on the
    corpus) during an upload. A reader with a build searches it while a newer one is made in the background, and
    while an ingest writes it waits for that ingest's own build."""
    import shutil
    import threading
    import time as _time

    s = settings()
    folder = tmp_path / "in"
    copy(RES_2780, folder)
    copy(LETTER_172, folder)
    ingest_paths([folder], s)
    store = Store(s)
    removed = {c.text_hash for c in store.chunks_of("S_RES_2780_2025.pdf")}
    query = "extend the authorizations inspection of vessels high seas off the coast of Libya"
    lexical = LexicalIndex(store)
    assert {h for h, _ in lexical.search(query, 10)} & removed  # first use: built now
    assert CliRunner().invoke(app, ["remove", "S/RES/2780 (2025)", "--index", str(s.index)]).exit_code == 0
    shutil.rmtree(store.layout.lexical)  # no newer build on disk to take

    def search() -> set[str]:
        found: list[set[str]] = []
        t = threading.Thread(target=lambda: found.append({h for h, _ in lexical.search(query, 10)}))
        t.start()
        t.join(120)  # a reader that waited for the build held below would never return
        assert not t.is_alive(), "the search waited for a build"
        return found[0]

    # While an ingest writes, the reader keeps its build and starts none (the ingest rebuilds when it ends).
    store.set_flag("ingest_open", str(_time.time()))
    assert search() & removed
    assert not [t for t in threading.enumerate() if t.name == "briefbot-lexical-rebuild"]
    # A flag left by a run killed long ago, or an older version's "1", does not hold readers back.
    from briefbot.lexical import INGEST_OPEN_MAX_S

    store.set_flag("ingest_open", str(_time.time() - 2 * INGEST_OPEN_MAX_S))
    assert not lexical._ingest_open()
    store.set_flag("ingest_open", "1")
    assert not lexical._ingest_open()
    # Otherwise it starts one in the background and answers from the build it has meanwhile.
    store.set_flag("ingest_open", None)
    with lexical._build_lock:  # a build that takes long
        assert search() & removed
        builders = [t for t in threading.enumerate() if t.name == "briefbot-lexical-rebuild"]
        assert len(builders) == 1
    builders[0].join(120)
    assert not search() & removed  # the new build is in
    assert (store.layout.lexical / "stamp.json").exists()  # and saved for other processes


def test_a_niced_ingest_builds_the_lexical_index_in_a_child_process(settings: SettingsFactory, tmp_path: Path,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    """A web upload's ingest (``nice``) tokenises every passage in a child process, not beside the answers; the
    build is on disk for the catalog's version, and a reader takes it from there."""
    import json as _json

    s = settings()
    folder = tmp_path / "in"
    copy(RES_2780, folder)
    with caplog.at_level("INFO", logger="briefbot.lexical"):
        report = ingest_paths([folder], s, nice=5)
    assert {r.status for r in report.results} == {"ingested"}
    # Built by the child: this process neither fell back nor built one itself.
    assert not [r for r in caplog.records if "child process failed" in r.getMessage()
                or "lexical index rebuilt" in r.getMessage()]
    store = Store(s)
    stamp = _json.loads((store.layout.lexical / "stamp.json").read_text())
    assert stamp["version"] == store.version() and stamp["n"] == len({c.text_hash for c in store.chunks_of(
        "S_RES_2780_2025.pdf")})
    hits = LexicalIndex(store).search("extend the authorizations inspection of vessels high seas Libya", 5)
    assert hits and store.flag("ingest_open") is None


# --- atomic commits and resume -----------------------------------------------------------------------------------

def three_documents(folder: Path) -> list[Path]:
    return [copy(RES_2780, folder, "1_res2780.pdf"), copy(LETTER_172, folder, "2_letter172.pdf"),
            copy(RES_2783, folder, "3_res2783.pdf")]


def test_failure_between_vectors_and_commit_leaves_no_half_document(settings: SettingsFactory, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    s = settings()
    folder = tmp_path / "in"
    three_documents(folder)
    real_commit = Store.commit_document
    calls: list[str] = []

    def failing_commit(self: Store, doc: Any, chunks: Any, from_file: bool = False,
                       collection: str | None = None, reader: int | None = None) -> None:
        calls.append(doc.doc_id)
        if len(calls) == 2:
            raise RuntimeError("simulated crash while committing the second document")
        real_commit(self, doc, chunks, from_file, collection, reader)

    monkeypatch.setattr(Store, "commit_document", failing_commit)
    with pytest.raises(RuntimeError, match="simulated crash"):
        ingest_paths([folder], s)
    monkeypatch.setattr(Store, "commit_document", real_commit)

    broken = index_state(s)
    assert calls == ["1_res2780.pdf", "2_letter172.pdf"]
    assert list(broken["docs"]) == ["1_res2780.pdf"]  # no half document: nothing of the second or third
    assert set(broken["per_doc"]) == {"1_res2780.pdf"}
    assert broken["open"] is not None  # when the run opened (a time stamp)
    orphans = broken["vectors"] - broken["hashes"]
    assert orphans  # vectors of documents 2 and 3 were written before the failed commit

    report = ingest_paths([folder], s)
    statuses = {name: r.status for name, r in by_name(report).items()}
    assert statuses == {"1_res2780.pdf": "unchanged", "2_letter172.pdf": "ingested", "3_res2783.pdf": "ingested"}
    fixed = index_state(s)
    assert set(fixed["docs"]) == set(statuses)
    assert fixed["vectors"] == fixed["hashes"]  # orphans swept, the rerun's vectors in place
    assert fixed["open"] is None
    for doc_id, info in fixed["docs"].items():
        assert info.chunks == fixed["per_doc"][doc_id] > 0


KILL_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from briefbot.config import Settings
    from briefbot.ingest import ingest_paths
    from briefbot.store import Store

    real_bump = Store._bump
    seen = []

    def bump(self, db):
        seen.append(1)
        if len(seen) == 2:  # inside the second document's transaction, just before COMMIT
            os.kill(os.getpid(), signal.SIGKILL)
        real_bump(self, db)

    Store._bump = bump
    ingest_paths([Path(sys.argv[1])], Settings(index=Path(sys.argv[2])))
""")


def test_kill_mid_commit_then_rerun_completes(settings: SettingsFactory, tmp_path: Path) -> None:
    """SIGKILL inside the second document's SQLite transaction: a real kill, no cleanup code runs."""
    s = settings()
    folder = tmp_path / "in"
    three_documents(folder)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(folder), str(s.index)], env=env,
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]

    killed = index_state(s)
    assert list(killed["docs"]) == ["1_res2780.pdf"]
    assert set(killed["per_doc"]) == {"1_res2780.pdf"}
    assert killed["open"] is not None
    assert killed["vectors"] - killed["hashes"]

    report = ingest_paths([folder], s)
    assert [r.status for r in sorted(report.results, key=lambda r: r.path)] == ["unchanged", "ingested", "ingested"]
    done = index_state(s)
    assert len(done["docs"]) == 3
    assert done["vectors"] == done["hashes"]
    assert done["open"] is None


# --- bad inputs --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def slow_pdf_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return slow_pdf(tmp_path_factory.mktemp("slow") / "slow.pdf").read_bytes()


def bad_folder(folder: Path, slow: bytes) -> dict[str, str]:
    """Every kind of bad input beside two good documents and an image-only scan; name → expected reason start."""
    folder.mkdir(parents=True)
    copy(RES_2780, folder)
    copy(LETTER_172, folder)
    copy(SCAN, folder)
    copy(ERROR_PAGE, folder)
    (folder / "zero.pdf").write_bytes(b"")
    data = (SAMPLES / "S_2025_231.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 2])
    writer = PdfWriter(clone_from=PdfReader(str(RES_2783)))
    writer.encrypt(user_password="secret", owner_password="owner")
    with (folder / "encrypted.pdf").open("wb") as fh:
        writer.write(fh)
    (folder / "not_a_pdf.pdf").write_text("<!DOCTYPE html><html><body>Document not found</body></html>")
    (folder / "slow.pdf").write_bytes(slow)
    unreadable(folder / "unreadable.pdf")
    return {
        "zero.pdf": "empty file (0 bytes)",
        "truncated.pdf": "damaged or truncated PDF",
        "encrypted.pdf": "encrypted PDF (a password is required)",
        "not_a_pdf.pdf": "not a PDF (file starts with '<!DOCTYPE ht')",
        ERROR_PAGE.name: "not a UN document: an error page was saved as this PDF",
        "slow.pdf": f"parser timed out after {HANG_TIMEOUT_S:g} s",
        "unreadable.pdf": "cannot read file",
        "missing.pdf": "no such file or folder",
    }


def cli_lines(output: str) -> dict[str, str]:
    """'FAILED    name: reason' lines by file name."""
    out = {}
    for line in output.splitlines():
        m = re.match(r"^(FAILED|NO TEXT|INGESTED|REPLACED)\s+(\S+): (.*)$", line)
        if m:
            out[m.group(2)] = f"{m.group(1)}|{m.group(3)}"
    return out


def test_cli_bad_inputs_batch_continues(settings: SettingsFactory, tmp_path: Path, slow_pdf_bytes: bytes) -> None:
    s = settings()
    folder = tmp_path / "in"
    expected = bad_folder(folder, slow_pdf_bytes)
    runner = CliRunner()
    # OCR off: the scan is reported as the remedy says (tests/test_formats.py reads it with OCR).
    env = {"BRIEFBOT_PARSE_TIMEOUT_S": str(HANG_TIMEOUT_S), "BRIEFBOT_OCR": "false"}
    args = ["ingest", str(folder), str(tmp_path / "missing.pdf"), "--index", str(s.index)]
    started = time.monotonic()
    result = runner.invoke(app, args, env=env)
    assert time.monotonic() - started < 120
    output = result.output
    assert result.exit_code == 1, output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = cli_lines(output)
    for name, reason in expected.items():
        status, _, said = lines[name].partition("|")
        assert status == "FAILED", (name, lines[name])
        assert said.startswith(reason), (name, said)
        assert "\n" not in said and len(said) < 300
    # The good documents are all in; the scan is reported, not failed.
    assert lines["S_RES_2780_2025.pdf"].startswith("INGESTED|S/RES/2780 (2025) · resolution · 1 p")
    assert lines["S_2025_172.pdf"].startswith("INGESTED|S/2025/172 · letter · 1 p")
    assert lines[SCAN.name].startswith("NO TEXT|image-only scan")
    summary = output.strip().splitlines()[-1]
    assert summary.startswith("11 files: 8 failed, 2 ingested, 1 no_text in "), summary

    # library --json: the shape, the health columns, and the failures.
    result = runner.invoke(app, ["library", "--json", "--index", str(s.index)])
    assert result.exit_code == 0, result.output
    library = json.loads(result.stdout)
    assert set(library) == {"documents", "failures", "read_by_older"} and library["read_by_older"] == []
    docs = {d["file_name"]: d for d in library["documents"]}
    assert set(docs) == {"S_RES_2780_2025.pdf", "S_2025_172.pdf", SCAN.name}
    for d in docs.values():
        assert {"symbol", "doc_type", "date", "pages", "chunks", "empty_pages", "warnings", "title"} <= set(d)
    assert (docs["S_RES_2780_2025.pdf"]["symbol"], docs["S_RES_2780_2025.pdf"]["doc_type"],
            docs["S_RES_2780_2025.pdf"]["date"], docs["S_RES_2780_2025.pdf"]["pages"]) == \
        ("S/RES/2780 (2025)", "resolution", "2025-05-29", 1)
    assert docs["S_RES_2780_2025.pdf"]["chunks"] >= 1 and docs["S_RES_2780_2025.pdf"]["empty_pages"] == []
    assert (docs[SCAN.name]["chunks"], docs[SCAN.name]["empty_pages"], docs[SCAN.name]["pages"]) == (0, [1, 2], 2)
    failures = {f["file_name"]: f["reason"] for f in library["failures"]}
    assert set(failures) == set(expected) - {"missing.pdf"}
    for name, reason in failures.items():
        assert reason.startswith(expected[name]), (name, reason)
    # The table view lists the failures too, one line each.
    result = runner.invoke(app, ["library", "--index", str(s.index)])
    assert result.exit_code == 0
    assert "failed zero.pdf: empty file (0 bytes)" in result.output.splitlines()
    assert result.output.strip().splitlines()[-1].startswith("3 documents, ")
    assert result.output.strip().endswith(", 7 failures")

    # Run again: nothing new is embedded; known failures are reported again, a timeout is retried.
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 1
    lines = cli_lines(result.output)
    assert "S_RES_2780_2025.pdf" not in lines  # unchanged files are not listed
    assert "embedded 0 new passages" in result.output
    assert lines["zero.pdf"].startswith("FAILED|empty file (0 bytes)")
    assert lines["slow.pdf"] == f"FAILED|parser timed out after {HANG_TIMEOUT_S:g} s (file may be malformed)"
    assert result.output.strip().splitlines()[-1].startswith("11 files: 8 failed, 3 unchanged in ")


def test_oversized_file_refused_until_the_limit_is_raised(settings: SettingsFactory, tmp_path: Path) -> None:
    doc = copy(RES_2780, tmp_path / "in")
    report = ingest_paths([doc], settings(max_file_mb=0.05), embedder=NoEmbedding())  # type: ignore[arg-type]
    (result,) = report.results
    assert (result.status, result.reason) == ("failed", "file too large (0.2 MB > max_file_mb 0.05)")
    # The limit is a setting, not a property of the bytes: with the default limit the same file goes in.
    (result,) = ingest_paths([doc], settings()).results
    assert (result.status, result.symbol) == ("ingested", "S/RES/2780 (2025)")


def _parser_children(before: set[int]) -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.pid not in before]


def test_parser_crash_costs_one_file(settings: SettingsFactory, tmp_path: Path, slow_pdf_bytes: bytes) -> None:
    """Kill the parser child while it works on a long PDF: that file fails on one line, the next is ingested."""
    s = settings()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_slow.pdf").write_bytes(slow_pdf_bytes)
    copy(RES_2780, folder, "b_res2780.pdf")
    before = {p.pid for p in multiprocessing.active_children() if p.pid}
    killed: list[int] = []

    def killer() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            children = _parser_children(before)
            if children and children[0].pid:
                time.sleep(1.5)  # well into the slow PDF
                os.kill(children[0].pid, signal.SIGKILL)
                killed.append(children[0].pid)
                return
            time.sleep(0.05)

    thread = threading.Thread(target=killer)
    thread.start()
    report = ingest_paths([folder], s)
    thread.join()
    assert killed
    results = by_name(report)
    assert results["a_slow.pdf"].status == "failed"
    assert results["a_slow.pdf"].reason == f"parser crashed (exit code -{signal.SIGKILL.value})"
    assert results["b_res2780.pdf"].status == "ingested"
    state = index_state(s)
    assert list(state["docs"]) == ["b_res2780.pdf"]
    assert state["failures"] == {"a_slow.pdf": results["a_slow.pdf"].reason}
    # No parser process is left behind.
    deadline = time.monotonic() + 10
    while _parser_children(before) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _parser_children(before) == []


def test_failure_mid_run_stops_the_parser(settings: SettingsFactory, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """An error while the parser is ahead (a full queue) must not leave its thread and processes behind."""
    import briefbot.ingest as ingest_module

    folder = tmp_path / "in"
    for i in range(14):  # more than the parse-ahead queue holds
        copy(RES_2780, folder, f"copy_{i:02d}.pdf")

    def broken_chunker(*args: Any, **kwargs: Any) -> Any:
        time.sleep(1.0)  # let the parser run ahead and fill its queue
        raise RuntimeError("simulated failure while chunking")

    monkeypatch.setattr(ingest_module, "chunk_document", broken_chunker)
    before = {p.pid for p in multiprocessing.active_children() if p.pid}
    with pytest.raises(RuntimeError, match="simulated failure"):
        ingest_paths([folder], settings(), embedder=NoEmbedding())  # type: ignore[arg-type]
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and (
            any(t.name == "briefbot-parse" for t in threading.enumerate()) or _parser_children(before)):
        time.sleep(0.1)
    assert not any(t.name == "briefbot-parse" for t in threading.enumerate())
    assert _parser_children(before) == []


def test_records_ingested_from_a_relative_path_keep_an_absolute_one(settings: SettingsFactory, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A JSONL given as ``../shared/…`` kept that relative path, which means nothing to a server started
    elsewhere; its records now keep the absolute path, as indexed files always did."""
    s = settings()
    (tmp_path / "in").mkdir()
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / "sc_documents_sample.jsonl", tmp_path / "in" / "records.jsonl")
    monkeypatch.chdir(tmp_path / "in")
    result = CliRunner().invoke(app, ["ingest", "records.jsonl", "--index", str(s.index)])
    assert result.exit_code == 0, result.output
    paths = {d.path for d in Store(s).documents()}
    assert paths and all(p and Path(p).is_absolute() and Path(p).exists() for p in paths), paths


def test_symlink_loops_and_bad_jsonl_lines_each_get_a_status_line(settings: SettingsFactory, tmp_path: Path) -> None:
    """Before, these were skipped with at most a warning on stderr: every input now has its own line."""
    s = settings()
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    copy(RES_2780, folder)
    (folder / "self.pdf").symlink_to("self.pdf")
    (folder / "a.pdf").symlink_to("b.pdf")
    (folder / "b.pdf").symlink_to("a.pdf")
    (folder / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (folder / "sub" / "up").symlink_to("..")  # a folder loop
    good = (REPO / "tests" / "fixtures" / "akn" / "sc_documents_sample.jsonl").read_text().splitlines()[0]
    (folder / "records.jsonl").write_text("\n".join([good, "{not json", '{"symbol": "S/RES/1 (1946)"}', ""]))

    result = CliRunner().invoke(app, ["ingest", str(folder), "--index", str(s.index)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()

    def line(name: str) -> str:
        found = [ln for ln in lines if ln.split(maxsplit=1)[1:] and ln.split(maxsplit=1)[1].startswith(name + ":")]
        assert len(found) == 1, (name, result.output)
        return found[0]

    assert line("self.pdf").startswith("FAILED") and "symbolic link loop" in line("self.pdf")
    assert "symbolic link loop" in line("a.pdf") and "symbolic link loop" in line("b.pdf")
    assert line("gone.pdf").startswith("FAILED") and "broken symbolic link" in line("gone.pdf")
    assert line("up").startswith("SKIPPED") and "symbolic link to a folder: not followed" in line("up")
    assert line("records.jsonl:2").startswith("FAILED") and "line 2: not JSON" in line("records.jsonl:2")
    assert "line 3: no symbol or text in the record" in line("records.jsonl:3")
    assert line("S_RES_2780_2025.pdf").startswith("INGESTED")
    docs = Store(s).documents()
    assert {d.doc_id for d in docs if d.source == "pdf"} == {"S_RES_2780_2025.pdf"} and len(docs) == 2


def test_a_council_xml_beats_its_jsonl_record_in_the_same_run(settings: SettingsFactory, tmp_path: Path) -> None:
    """The bulk set holds most resolutions twice: as Akoma Ntoso XML (numbered paragraphs, subheadings) and as a
    JSONL record. The XML wins, also when both arrive in one ingest: before, the JSONL record replaced an XML
    parsed in the same run but not yet committed (S/RES/2808, 2809, 2816 and 2819 of the full corpus), so the
    catalog kept the record's text under the XML's name and the mandate index warned it had changed."""
    import hashlib

    from briefbot.parse.akn import parse_akn

    s = settings()
    folder = tmp_path / "in"
    folder.mkdir()
    xml = folder / "S_RES_2741-2411824E.xml"
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / xml.name, xml)
    shutil.copy(REPO / "tests" / "fixtures" / "akn" / "sc_documents_sample.jsonl", folder / "records.jsonl")
    first = ingest_paths([folder], s)
    assert not [r for r in first.results if r.status == "failed"], first.results
    store = Store(s)
    [doc] = [d for d in store.documents() if d.symbol == "S/RES/2741 (2024)"]
    assert doc.file_name == xml.name
    assert doc.sha256 == hashlib.sha256(xml.read_bytes()).hexdigest(), "the JSONL record replaced the XML"
    assert store.page_text(doc.doc_id, 1) == parse_akn(xml).pages[0].text
    again = ingest_paths([folder], s)
    assert {r.status for r in again.results} == {"unchanged"}, again.results


def test_a_lexical_rebuild_tokenises_only_new_passages(settings: SettingsFactory, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A web upload rebuilds BM25 over the whole index; passages the last build held keep their tokens (saved
    beside it), so only the new ones are tokenised, and the build is the one a full tokenising would make."""
    import briefbot.lexical as lexical

    s = settings()
    ingest_paths([copy(RES_2780, tmp_path / "in")], s)
    first = Store(s).unique_texts()
    tokenised: list[int] = []
    real = lexical._tokenize
    monkeypatch.setattr(lexical, "_tokenize", lambda texts: tokenised.append(len(texts)) or real(texts))
    ingest_paths([copy(RES_2783, tmp_path / "in")], s)
    added = len(Store(s).unique_texts()) - len(first)
    assert added > 0 and sum(tokenised) == added
    questions = ["diamonds Democratic Republic of the Congo", "high seas inspections Libya", "S/RES/2783 (2025)"]
    kept = LexicalIndex(Store(s))
    found = [kept.search(q, 10) for q in questions]
    # The same build from scratch; a damaged token file is read as none.
    tokens = Store(s).layout.lexical / lexical.TOKENS_FILE
    tokens.write_text(tokens.read_text(encoding="utf-8")[:200], encoding="utf-8")
    assert lexical._read_tokens(tokens) == {}
    fresh = LexicalIndex(Store(s))
    fresh.rebuild(version=Store(s).version() + 1000)
    assert [fresh.search(q, 10) for q in questions] == found and all(found)
