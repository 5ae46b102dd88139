"""Bulk ingest benchmark: the whole Security Council bulk set into a fresh index, then a kill-and-resume run.

    python benchmarks/bulk_ingest.py                    # cold full run, then the resumability demo (~2x the cold run)
    python benchmarks/bulk_ingest.py --skip-resume      # cold full run only
    python benchmarks/bulk_ingest.py --skip-full --kill-after 60

Inputs: ``<repo>/../shared/corpus/bulk/unxml_sc/xml_en`` (1,559 Akoma Ntoso XML files) and
``sc_documents_en.jsonl`` (2,202 records; the ones whose symbol is already indexed from XML are skipped by the
ingest), the same two paths a user would pass to ``briefbot ingest``.

**Cold run.** ``ingest_paths`` with ``Settings(embedding_cache=False)`` in a child process (this script with
``--child``) over a fresh temporary index: wall time of the child (interpreter start and model load included)
and the ingest's own seconds, documents, chunks, distinct texts embedded and the embedding rate, peak RSS from
``os.wait4`` (``ru_maxrss``: the largest single process among the child and the descendants it reaped) and, since
the parser workers hang off a forkserver the child never reaps, the summed RSS of the child's whole process
tree sampled from ``/proc`` every 0.5 s.

**Resumability.** A second fresh index: the child is started, sent SIGTERM after ``--kill-after`` seconds (its
whole process group; SIGKILL 10 s later if anything is still alive), the index is inspected (documents
committed, the ``ingest_open`` flag the killed run left), then the same command runs again to completion. The
rerun must skip every committed document (reported ``unchanged``), sweep the vectors the killed run wrote but
never committed, and end with the same documents and chunks as the cold run.

Children see no ``briefbot.toml`` (they run in a temporary directory) and no ``BRIEFBOT_*`` variables, offline.
Results: a Markdown summary on stdout and ``benchmarks/out/bulk_ingest.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk" / "unxml_sc"
INPUTS = [BULK / "xml_en", BULK / "sc_documents_en.jsonl"]
OUT = ROOT / "benchmarks" / "out"
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "GRADIO_ANALYTICS_ENABLED": "False", "TOKENIZERS_PARALLELISM": "false"}
TARGET_SECONDS = 600.0
TARGET_RSS_MB = 3072.0


def say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --- child side ---------------------------------------------------------------------------------------------
def _child_settings(index: Path) -> Any:
    from briefbot.config import Settings

    return Settings(index=index, embedding_cache=False)


def child_ingest(index: Path, result: Path, inputs: list[Path]) -> int:
    """Runs in the child: one ``ingest_paths`` over the bulk inputs; progress to stderr, the report to ``result``."""
    import logging

    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s %(message)s")
    from briefbot.ingest import ingest_paths

    settings = _child_settings(index)
    last = [0.0]

    def progress(done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if now - last[0] >= 10:
            last[0] = now
            print(f"progress {done}/{total} {message[:100]}", file=sys.stderr, flush=True)

    report = ingest_paths(inputs, settings, progress=progress)
    done = [r for r in report.results if r.status in ("ingested", "replaced", "no_text")]
    out = {
        "seconds": report.seconds,
        "embed_seconds": report.embed_seconds,
        "embedded": report.embedded,
        "pages": report.pages,
        "counts": report.counts(),
        "documents_written": len(done),
        "chunks_written": sum(r.chunks for r in done),
        "failed": [[Path(r.path).name, r.reason] for r in report.failed][:50],
    }
    result.write_text(json.dumps(out), encoding="utf-8")
    return 0


def child_inspect(index: Path, result: Path) -> int:
    """Runs in a child: what the index holds (documents, chunks, the interrupted-ingest flag)."""
    from briefbot.store import Store

    store = Store(_child_settings(index))
    docs = store.documents()
    out = {"documents": len(docs), "chunks": sum(d.chunks for d in docs if d.chunks),
           "ingest_open": store.flag("ingest_open"),
           "vectors": store.collection.count()}
    store.close()
    result.write_text(json.dumps(out), encoding="utf-8")
    return 0


# --- parent side --------------------------------------------------------------------------------------------
class TreeSampler:
    """Summed RSS of a process and all its descendants, from /proc every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.peak_procs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        parents: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(f"/proc/{entry.name}/stat").read_text()
                    parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        tree, frontier = {self.pid}, [self.pid]
        while frontier:
            p = frontier.pop()
            kids = [c for c, pp in parents.items() if pp == p and c not in tree]
            tree.update(kids)
            frontier.extend(kids)
        total = 0
        for pid in tree:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            except (OSError, ValueError):
                continue
        if total > self.peak_kb:
            self.peak_kb, self.peak_procs = total, len(tree)


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    env.update(OFFLINE)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


class Child:
    """A child process in its own group, reaped with ``os.wait4`` (never ``Popen.poll``, which would eat the
    rusage)."""

    def __init__(self, cmd: list[str], cwd: Path, log: Path) -> None:
        with log.open("ab") as fh:
            self.proc = subprocess.Popen(cmd, cwd=cwd, env=child_env(), stdout=fh, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        self.pid = self.proc.pid
        self.status: int | None = None
        self.usage: Any = None

    def alive(self) -> bool:
        if self.status is None:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.status, self.usage = status, usage
                self.proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
        return self.status is None

    def wait(self) -> None:
        if self.status is None:
            _, self.status, self.usage = os.wait4(self.pid, 0)
            self.proc.returncode = os.waitstatus_to_exitcode(self.status)

    def kill_group(self, grace: float = 10.0) -> str:
        """SIGTERM the child's process group, SIGKILL it after ``grace`` s; returns what ended the child."""
        try:
            os.killpg(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            return "already exited"
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and self.alive():
            time.sleep(0.2)
        ended = "SIGTERM" if not self.alive() else "SIGKILL"
        with contextlib.suppress(ProcessLookupError):  # parser workers share the group: never leave one behind
            os.killpg(self.pid, signal.SIGKILL)
        self.wait()
        return ended


def run_child(mode: str, index: Path, work: Path, log: Path, kill_after: float | None = None,
              timeout: float = 7200.0, inputs: list[Path] = INPUTS) -> dict[str, Any]:
    """Run this script as ``--child MODE`` in its own process group; wall time, rusage, sampled tree RSS."""
    result = work / f"result-{mode}-{int(time.time() * 1000)}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--index", str(index),
           "--result", str(result), *(str(p) for p in inputs)]
    t0 = time.perf_counter()
    child = Child(cmd, work, log)
    killed = None
    try:
        with TreeSampler(child.pid) as sampler:
            deadline = time.monotonic() + (kill_after if kill_after is not None else timeout)
            next_note = time.monotonic() + 60
            while child.alive() and time.monotonic() < deadline:
                time.sleep(0.2)
                if mode == "ingest" and time.monotonic() >= next_note:
                    next_note += 60
                    say(f"  … {time.perf_counter() - t0:.0f} s; tree RSS peak {sampler.peak_kb / 1024:.0f} MB; "
                        f"{_last_progress(log)}")
            if child.alive():
                killed = child.kill_group()
                if kill_after is None:
                    say(f"  child timed out after {timeout:.0f} s ({killed})")
    finally:
        if child.alive():  # interrupted (Ctrl-C): do not leave the ingest running
            child.kill_group(grace=2.0)
    child.wait()
    wall = time.perf_counter() - t0
    usage = child.usage
    out: dict[str, Any] = {
        "wall_s": round(wall, 2), "exit_status": os.waitstatus_to_exitcode(child.status or 0), "killed_by": killed,
        "ru_maxrss_mb": round(usage.ru_maxrss / 1024, 1),
        "tree_rss_peak_mb": round(sampler.peak_kb / 1024, 1), "tree_procs_at_peak": sampler.peak_procs,
        "cpu_user_s": round(usage.ru_utime, 1), "cpu_sys_s": round(usage.ru_stime, 1),
    }
    if result.is_file():
        out.update(json.loads(result.read_text(encoding="utf-8")))
    return out


def _last_progress(log: Path) -> str:
    try:
        lines = [ln for ln in log.read_text(errors="replace").splitlines() if ln.startswith("progress ")]
    except OSError:
        return ""
    return lines[-1][9:90] if lines else "(model loading / parsing)"


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def cold_run(work: Path, inputs: list[Path], timeout: float) -> dict[str, Any]:
    index = work / "cold" / "index"
    say(f"cold run: ingest {', '.join(str(p) for p in inputs)} -> {index}")
    res = run_child("ingest", index, work, work / "cold.log", timeout=timeout, inputs=inputs)
    res["inspect"] = run_child("inspect", index, work, work / "cold.log")
    if res.get("exit_status") == 0:
        res["chunks_per_s_wall"] = round(res["chunks_written"] / res["wall_s"], 1)
        res["chunks_per_s_ingest"] = round(res["chunks_written"] / res["seconds"], 1)
        res["embedded_per_s_embedding"] = round(res["embedded"] / max(res["embed_seconds"], 1e-9), 1)
        res["embedding_share"] = round(res["embed_seconds"] / res["seconds"], 3)
    say(f"cold run done: {json.dumps({k: v for k, v in res.items() if k != 'failed'})}")
    return res


def resume_run(work: Path, kill_after: float, inputs: list[Path], timeout: float) -> dict[str, Any]:
    index = work / "resume" / "index"
    log = work / "resume.log"
    say(f"resume demo: start, kill after {kill_after:.0f} s -> {index}")
    first = run_child("ingest", index, work, log, kill_after=kill_after, inputs=inputs)
    after_kill = run_child("inspect", index, work, log)
    say(f"  killed ({first['killed_by']}) after {first['wall_s']} s; index holds {after_kill}")
    say("  rerunning the same command to completion")
    rerun = run_child("ingest", index, work, log, timeout=timeout, inputs=inputs)
    final = run_child("inspect", index, work, log)
    swept = [ln for ln in log.read_text(errors="replace").splitlines() if "swept" in ln]
    counts = rerun.get("counts", {})
    out = {"kill_after_s": kill_after, "killed_run": first, "after_kill": after_kill, "rerun": rerun,
           "final": final, "swept_log": swept[-3:],
           "skipped_unchanged": counts.get("unchanged", 0),
           "rerun_wrote": rerun.get("documents_written")}
    say(f"resume demo done: skipped {out['skipped_unchanged']}, rerun wrote {out['rerun_wrote']}, final {final}")
    return out


def render(res: dict[str, Any]) -> str:
    lines = ["## Bulk ingest (`benchmarks/bulk_ingest.py`)", "",
             f"Load average {res['load_start']} at start, {res['load_end']} at end; {res['cpus']} CPUs.", ""]
    cold = res.get("cold")
    if cold and cold.get("exit_status") == 0:
        docs = cold["inspect"]["documents"]
        wall_ok = "meets" if cold["wall_s"] <= TARGET_SECONDS else "misses"
        rss = max(cold["ru_maxrss_mb"], cold["tree_rss_peak_mb"])
        rss_ok = "meets" if rss <= TARGET_RSS_MB else "misses"
        lines += [
            "| cold run" + (f" (run started {res['cold_from_earlier_run']})" if res.get("cold_from_earlier_run")
                            else "") + " | value |", "|---|---|",
            f"| wall time (child, incl. start + model load) | {cold['wall_s']:.0f} s ({cold['wall_s'] / 60:.1f} min) "
            f"— {wall_ok} ≤ 10 min |",
            f"| inside `ingest_paths` | {cold['seconds']:.0f} s, of which embedding {cold['embed_seconds']:.0f} s "
            f"({100 * cold['embedding_share']:.0f} %) |",
            f"| documents in the index | {docs:,} (report: {cold['counts']}) |",
            f"| chunks written / distinct texts embedded | {cold['chunks_written']:,} / {cold['embedded']:,} |",
            f"| chunks/s (wall) | {cold['chunks_per_s_wall']} |",
            f"| embedding rate (distinct texts / embedding seconds) | {cold['embedded_per_s_embedding']} /s |",
            f"| peak RSS: ru_maxrss (largest process) / sampled tree sum | {cold['ru_maxrss_mb']:.0f} MB / "
            f"{cold['tree_rss_peak_mb']:.0f} MB — {rss_ok} ≤ 3 GB |",
            f"| CPU time (user + sys, reaped tree) | {cold['cpu_user_s'] + cold['cpu_sys_s']:.0f} s |",
            ""]
    elif cold:
        lines += [f"Cold run failed: exit {cold.get('exit_status')}, killed by {cold.get('killed_by')}.", ""]
    rs = res.get("resume")
    if rs:
        k, a, r, f = rs["killed_run"], rs["after_kill"], rs["rerun"], rs["final"]
        lines += [
            "| resumability | value |", "|---|---|",
            f"| first run ended by | {k['killed_by']} after {k['wall_s']:.0f} s |",
            f"| committed when killed | {a['documents']:,} documents, {a['chunks']:,} chunks, {a['vectors']:,} "
            f"vectors, ingest_open flag {a['ingest_open']!r} |",
            f"| rerun | exit {r.get('exit_status')}, {r.get('wall_s', 0):.0f} s wall; counts {r.get('counts')} |",
            f"| skipped (unchanged) by the rerun | {rs['skipped_unchanged']:,} |",
            f"| swept orphan vectors | {'; '.join(s.split(' ', 2)[-1] for s in rs['swept_log']) or 'none logged'} |",
            f"| final index | {f['documents']:,} documents, {f['chunks']:,} chunks, {f['vectors']:,} vectors, "
            f"ingest_open {f['ingest_open']!r} |",
        ]
        if cold and cold.get("inspect"):
            c = cold["inspect"]
            same = (c["documents"], c["chunks"], c["vectors"]) == (f["documents"], f["chunks"], f["vectors"])
            lines.append(f"| same as the cold run? | {'yes' if same else 'NO'} (cold: {c['documents']:,} documents, "
                         f"{c['chunks']:,} chunks, {c['vectors']:,} vectors) |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--child", choices=["ingest", "inspect"], help=argparse.SUPPRESS)
    ap.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("inputs", nargs="*", type=Path, help="files or folders to ingest (default: the bulk set)")
    ap.add_argument("--skip-full", action="store_true", help="skip the cold full run")
    ap.add_argument("--skip-resume", action="store_true", help="skip the kill-and-resume demo")
    ap.add_argument("--kill-after", type=float, default=60.0, help="seconds before the first resume run is killed")
    ap.add_argument("--timeout", type=float, default=5400.0, help="seconds before an ingest child is killed")
    ap.add_argument("--work", type=Path, help="keep indexes and logs here (default: a temporary directory)")
    ap.add_argument("--json", type=Path, default=OUT / "bulk_ingest.json", help="where to write the numbers")
    a = ap.parse_args(argv)
    if a.child:
        if a.child == "ingest":
            return child_ingest(a.index, a.result, a.inputs or INPUTS)
        return child_inspect(a.index, a.result)
    inputs = a.inputs or INPUTS
    for p in inputs:
        if not p.exists():
            print(f"missing input: {p}", file=sys.stderr)
            return 2
    res: dict[str, Any] = {"inputs": [str(p) for p in inputs], "load_start": load(), "cpus": os.cpu_count(),
                           "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    if a.skip_full and a.json.is_file():  # keep the cold run of an earlier invocation for the comparison
        earlier = json.loads(a.json.read_text(encoding="utf-8"))
        if earlier.get("cold") and earlier.get("inputs") == res["inputs"]:
            res["cold"] = earlier["cold"]
            res["cold_from_earlier_run"] = earlier.get("started")
    with tempfile.TemporaryDirectory(prefix="bulk-ingest-", dir=a.work) as tmp:
        work = Path(tmp)
        say(f"work directory {work}; load average {res['load_start']}")
        try:
            if not a.skip_full:
                res["cold"] = cold_run(work, inputs, a.timeout)
            if not a.skip_resume:
                res["resume"] = resume_run(work, a.kill_after, inputs, a.timeout)
        finally:
            res["load_end"] = load()
            a.json.parent.mkdir(parents=True, exist_ok=True)
            a.json.write_text(json.dumps(res, indent=2), encoding="utf-8")
            for name in ("cold.log", "resume.log"):  # keep the children's logs beside the JSON
                if (work / name).is_file():
                    (a.json.parent / f"bulk_ingest.{name}").write_text((work / name).read_text(errors="replace"))
    print(render(res), flush=True)
    say(f"wrote {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
