"""Web load benchmark: 20 simulated users on the real web app, with and without an ingest running in it.

    python benchmarks/web_load.py                         # idle, during an in-app upload ingest, idle again
    python benchmarks/web_load.py --ingest cli --chroma server   # a separate `briefbot ingest` process, the
                                                          # vectors in a `chroma run` server (the README's setup)
    python benchmarks/web_load.py --users 4 --questions 2 --phases idle,ingest   # smoke run (~2 min)
    python benchmarks/web_load.py --index IDX --upload A.pdf,B.pdf --variants before=MAIN/src,after=src \
        --rounds 2 --distinct --phases idle,ingest   # two code versions side by side, alternating, on a copy
                                                     # of an existing index; the ingest phase uploads A and B

``--variants``: each ``name=SRC`` serves the app with ``PYTHONPATH=SRC`` (another checkout's ``src``) on its own
fresh copy of the index; ``--rounds`` repeats the list in order (before, after, before, after ...), so drift of a
shared machine hits both. ``--distinct``: each phase asks its own questions (phase i asks gold questions
i·users·questions onwards), so no phase re-asks what an earlier one did; the warm-up asks the last two.

What it does, all on 127.0.0.1 and a free port:

1. ``briefbot ingest ingest/samples --index <tmp>/index`` (6 documents), then ``briefbot serve`` over that index
   as a subprocess in its own process group (no ``briefbot.toml``, no ``BRIEFBOT_*`` variables, offline).
2. Per phase, ``--users`` simulated users. ``--client async`` (default): coroutines on one asyncio loop speaking
   Gradio's queue protocol over httpx (benchmarks/gradio_queue.py): one session per user (``--session``), updates timed
   when their bytes arrive, nothing polled, so the load generator's own CPU stays small and is reported.
   ``--client threads``: one thread per user, each with its own ``gradio_client.Client`` (its own session, as a
   browser tab has). Each user asks ``--questions`` questions from ``evals/gold.jsonl`` one after the other with
   no think time (user u asks gold questions 5u … 5u+4, so every phase asks the same 100 questions). All users
   start together.
3. Each question goes through **the chat's streaming event** (the Ask button: ``Briefbot.ask_stream`` behind a
   generator handler), submitted with ``Client.submit`` and an empty chat history; the job's intermediate outputs
   are polled (every 10 ms until the first token, then every 50 ms). Per question:

   - *first update*: the handler's first yield (the "Searching…" placeholder): queue wait plus round trip;
   - *TTFT*: the first partial answer that is real answer text (not the "Searching…"/"Reading N passages…"
     placeholders) — retrieval and the answer's first words, plus queue wait;
   - *end-to-end*: the job finished (the last streamed piece and the final answer with its citation cards);
   - *error*: an exception from the client, a per-question timeout, or an "**Error:**" message in the chat.

   The chat's event is registered with ``api_visibility="private"`` (the app publishes only ``/ask``).
   Gradio enforces that only in the client library (``Endpoint.is_valid``); the server accepts the event from
   any session, as it must for the browser. The benchmark flips ``is_valid`` on its own client objects for the
   chat, upload and poll events, so the load is exactly what browsers send.
4. Phases (``--phases``, default ``idle,ingest,idle``): ``idle`` = nothing else running; ``ingest`` = an ingest
   of corpus PDFs (``../shared/corpus/*.pdf`` not already in the index, ≤ the upload size limit, sorted by name,
   batches of ``upload_max_files`` = 20) runs the whole time: with ``--ingest app`` (default) through the app's
   own upload path (the Library tab's "Add to index" event with the files uploaded by the client, then its
   1-second poll event, like the browser), so the ingest runs inside the serving process; with ``--ingest cli``
   as ``briefbot ingest <batch> --index <same dir>`` in a separate process, which the README supports only with
   ``--chroma server`` (a ``chroma run`` on loopback; embedded Chroma is for one process). A new batch starts
   whenever the previous one finishes until the users are done; the phase then waits for the running batch.
   The second ``idle`` phase brackets the CPU drift of a shared machine (and runs on the larger index).

Reported per phase: questions, errors, abstentions, TTFT / end-to-end / first-update p50 and p95 (ms), the
same measured from the first update (the handler's own TTFT and how long it holds one of the chat's
``CONCURRENCY`` slots), answers per second, CPU seconds of the server's process tree and of this process (the
clients share the cores with the server, as a load generator on one box must), the server's peak RSS, what the
Library tab reports after the phase, and for ``ingest`` the share of each question's time an ingest was running.
A Markdown table on stdout and ``benchmarks/out/web_load.json`` (raw per-question rows too).

Bounded: every question has a timeout (``--question-timeout``), every wait a deadline, and the whole run a hard
limit (``--timeout``) after which the server is killed and the script exits. The server is stopped (SIGTERM to
its process group, SIGKILL after 15 s) in every case.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "ingest" / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "evals" / "gold.jsonl"
OUT = ROOT / "benchmarks" / "out"
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "GRADIO_ANALYTICS_ENABLED": "False", "TOKENIZERS_PARALLELISM": "false"}
for _k, _v in OFFLINE.items():
    os.environ.setdefault(_k, _v)

import asyncio  # noqa: E402

import httpx  # noqa: E402
from gradio_client import Client, handle_file  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gradio_queue  # noqa: E402

USED_EVENTS = ("chat", "start_upload", "poll", "library_outputs")  # private events of the app this script sends
PLACEHOLDERS = ("_Searching the indexed documents", "_Reading ")
BATCH_FILES = 20  # Settings.upload_max_files
UPLOAD_MAX_MB = 50.0  # Settings.upload_max_mb
CLK_TCK = os.sysconf("SC_CLK_TCK")


def say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


CHROMA_ENV: dict[str, str] = {}  # BRIEFBOT_CHROMA_HOST/PORT when --chroma server
VARIANT_ENV: dict[str, str] = {}  # PYTHONPATH of the code version being served (--variants)
SESSION_PER_USER = True  # --session user: a user's questions share one session, as in one browser tab


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    env.update(OFFLINE)
    env.update(CHROMA_ENV)
    env.update(VARIANT_ENV)
    return env


class ChromaServer:
    """``chroma run`` on loopback for ``--chroma server`` (the supported setup for a CLI ingest beside the app)."""

    def __init__(self, work: Path) -> None:
        self.port = free_port()
        self.log = work / "chroma.log"
        exe = Path(sys.executable).with_name("chroma")
        with self.log.open("ab") as fh:
            self.proc = subprocess.Popen([str(exe), "run", "--path", str(work / "chroma-server"), "--host",
                                          "127.0.0.1", "--port", str(self.port)], cwd=work, env=child_env(),
                                         stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True)

    def wait_ready(self, timeout: float) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=2).status_code == 200:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"chroma server not ready; see {self.log}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


def briefbot_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("briefbot")
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "briefbot.cli"]


def pct(values: list[float], q: float) -> float | None:
    """Linear-interpolated percentile (numpy's default) of ``values``; None when empty."""
    if not values:
        return None
    v = sorted(values)
    pos = (len(v) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


# --- the server -----------------------------------------------------------------------------------------------
class Server:
    """``briefbot serve`` in its own process group; stopped (TERM, then KILL) by ``stop``."""

    def __init__(self, index: Path, work: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = work / "serve.log"
        cmd = [*briefbot_cmd(), "serve", "--index", str(index), "--host", "127.0.0.1", "--port", str(self.port)]
        with self.log.open("ab") as fh:
            self.proc = subprocess.Popen(cmd, cwd=work, env=child_env(), stdout=fh, stderr=subprocess.STDOUT,
                                         start_new_session=True)

    def wait_ready(self, timeout: float) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited ({self.proc.returncode}); see {self.log}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url, timeout=5).status_code == 200:
                    return
            time.sleep(0.5)
        raise TimeoutError(f"server not ready after {timeout:.0f} s; see {self.log}")

    def tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(f"/proc/{entry.name}/stat").read_text()
                    parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        tree, frontier = [self.proc.pid], [self.proc.pid]
        while frontier:
            p = frontier.pop()
            kids = [c for c, pp in parents.items() if pp == p]
            tree.extend(kids)
            frontier.extend(kids)
        return tree

    def usage(self) -> tuple[float, float]:
        """CPU seconds (live processes of the tree, user + sys, own only) and summed RSS in MB."""
        cpu, rss = 0.0, 0.0
        for pid in self.tree():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                # utime + stime + reaped children's (exited parser workers): 14th-17th fields of stat
                cpu += sum(int(x) for x in fields[11:15]) / CLK_TCK
                rss += int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 1e6
            except (OSError, ValueError, IndexError):
                continue
        return cpu, rss

    def own_cpu(self) -> float:
        """CPU seconds of the serving process alone (its children, e.g. upload workers, not counted)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return sum(int(x) for x in fields[11:13]) / CLK_TCK
        except (OSError, ValueError, IndexError):
            return 0.0

    def stop(self) -> str:
        if self.proc.poll() is not None:
            return f"had exited ({self.proc.returncode})"
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(15)
            how = "SIGTERM"
        except subprocess.TimeoutExpired:
            how = "SIGKILL"
        with contextlib.suppress(ProcessLookupError):  # anything left in its group (parser workers)
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(10)
        return how


class Sampler:
    """Samples the server tree's RSS every second (peak) while a phase runs."""

    def __init__(self, server: Server) -> None:
        self.server, self.peak_mb = server, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            self.peak_mb = max(self.peak_mb, self.server.usage()[1])


# --- clients --------------------------------------------------------------------------------------------------
def open_client(url: str) -> Client:
    """A client whose private chat/upload/poll endpoints are callable (see the module docstring)."""
    client = Client(url, verbose=False, download_files=False)
    for ep in client.endpoints.values():
        if isinstance(ep.api_name, str) and ep.api_name.lstrip("/") in USED_EVENTS:
            ep.is_valid = True
    return client


def fn_index(client: Client, name: str) -> int:
    for i, dep in enumerate(client.config["dependencies"]):
        if dep.get("api_name") == name:
            return int(dep.get("id", i))
    raise LookupError(f"the app has no event named {name!r}")


def library_summary(url: str) -> str:
    """What the app's Library tab says it holds (documents, passages), as the page load fetches it."""
    try:
        client = open_client(url)
        out = client.predict(fn_index=fn_index(client, "library_outputs"))
        client.close()
        return str(out[0] if isinstance(out, (tuple, list)) else out).replace("**", "")
    except Exception as exc:
        return f"unavailable ({type(exc).__name__}: {exc})"[:200]


def last_message(output: Any) -> str:
    """Text of the last chat message in one streamed output (the chatbot is the first output)."""
    history = output[0] if isinstance(output, (tuple, list)) and output else None
    if not isinstance(history, list) or not history or not isinstance(history[-1], dict):
        return ""
    content = history[-1].get("content")
    if isinstance(content, list):
        return "".join(str(c.get("text", "")) for c in content if isinstance(c, dict))
    return str(content or "")


@dataclass
class Sample:
    phase: str
    user: int
    n: int
    qid: str
    submitted_s: float  # since the phase started
    first_update_ms: float | None = None
    ttft_ms: float | None = None
    e2e_ms: float | None = None
    updates: int = 0
    error: str | None = None
    final: str = ""
    ingest_overlap: float | None = None  # share of this question's time during which an ingest was running


def ask_one(client: Client, chat_fn: int, question: str, sample: Sample, t_phase: float, timeout: float,
            stop: threading.Event) -> None:
    t0 = time.perf_counter()
    sample.submitted_s = round(t0 - t_phase, 3)
    try:
        # question, chat, then the filters: types, years from/to, missions, documents, origin (state is implicit)
        job = client.submit(question, [], [], None, None, [], [], None, fn_index=chat_fn)
    except Exception as exc:  # any client failure is one error of the load test
        sample.error = f"submit: {type(exc).__name__}: {exc}"[:300]
        return
    deadline = t0 + timeout
    seen = 0
    while True:
        done = job.done()  # read before the outputs, so none that arrived before the end is missed
        outs = job.outputs()
        now = time.perf_counter()
        for out in outs[seen:]:
            if sample.first_update_ms is None:
                sample.first_update_ms = (now - t0) * 1000
            text = last_message(out)
            if sample.ttft_ms is None and text and not text.startswith(PLACEHOLDERS):
                sample.ttft_ms = (now - t0) * 1000
        seen = len(outs)
        if done:
            break
        if now > deadline or stop.is_set():
            job.cancel()
            sample.error = "timeout" if now > deadline else "stopped (overall timeout)"
            break
        time.sleep(0.01 if sample.ttft_ms is None else 0.05)
    sample.updates = seen
    if sample.error:
        return
    sample.e2e_ms = (time.perf_counter() - t0) * 1000
    try:
        result = job.result(timeout=5)
    except Exception as exc:
        sample.error = f"{type(exc).__name__}: {exc}"[:300]
        return
    final = last_message(result)
    sample.final = final[:160]
    if final.startswith("**Error:**"):
        sample.error = final[:300]
    elif sample.ttft_ms is None:
        sample.ttft_ms = sample.e2e_ms  # no streamed piece seen before the end (e.g. an abstention only)


def run_users(url: str, phase: str, questions: list[dict[str, Any]], users: int, per_user: int,
              timeout: float, stop: threading.Event, on_start: threading.Event | None = None) -> tuple[
                  list[Sample], float, float]:
    """All users of one phase; returns the samples, the phase start (perf_counter) and its duration."""
    clients = [open_client(url) for _ in range(users)]
    chat_fn = fn_index(clients[0], "chat")
    samples: list[Sample] = []
    lock = threading.Lock()
    barrier = threading.Barrier(users + 1)
    t_phase = [0.0]

    def user(u: int) -> None:
        barrier.wait()
        for j in range(per_user):
            if stop.is_set():
                return
            q = questions[(u * per_user + j) % len(questions)]
            s = Sample(phase, u, j, q["id"], 0.0)
            ask_one(clients[u], chat_fn, q["question"], s, t_phase[0], timeout, stop)
            with lock:
                samples.append(s)

    threads = [threading.Thread(target=user, args=(u,), name=f"user-{u}", daemon=True) for u in range(users)]
    for t in threads:
        t.start()
    t_phase[0] = time.perf_counter()
    if on_start:
        on_start.set()
    barrier.wait()
    for t in threads:
        t.join(timeout * per_user + 60)
    duration = time.perf_counter() - t_phase[0]
    for c in clients:
        with contextlib.suppress(Exception):
            c.close()
    return sorted(samples, key=lambda s: (s.user, s.n)), t_phase[0], duration


def run_users_async(url: str, phase: str, questions: list[dict[str, Any]], users: int, per_user: int,
                    timeout: float, stop: threading.Event) -> tuple[list[Sample], float, float]:
    """The same users as :func:`run_users`, as coroutines on one event loop (``--client async``, the default)."""
    samples: list[Sample] = []
    t_phase = [0.0]

    async def user(http: httpx.AsyncClient, app: gradio_queue.AppConfig, u: int) -> None:
        tab = gradio_queue.new_session() if SESSION_PER_USER else None
        for j in range(per_user):
            if stop.is_set():
                return
            q = questions[(u * per_user + j) % len(questions)]
            t0 = time.perf_counter()
            s = Sample(phase, u, j, q["id"], round(t0 - t_phase[0], 3))

            def seen(upd: gradio_queue.Update, s: Sample = s, t0: float = t0) -> None:
                if s.first_update_ms is None:
                    s.first_update_ms = (upd.at - t0) * 1000
                text = last_message(upd.outputs)
                if s.ttft_ms is None and text and not text.startswith(PLACEHOLDERS):
                    s.ttft_ms = (upd.at - t0) * 1000

            r = await gradio_queue.ask(http, app, q["question"], timeout, seen, session=tab)
            s.updates = len(r.updates)
            if r.error:
                s.error = r.error
            else:
                s.e2e_ms = (time.perf_counter() - t0) * 1000
                s.final = last_message(r.final)[:160]
                if s.final.startswith("**Error:**"):
                    s.error = s.final[:300]
                elif s.ttft_ms is None:
                    s.ttft_ms = s.e2e_ms
            samples.append(s)

    async def main() -> None:
        limits = httpx.Limits(max_connections=4 * users + 8, max_keepalive_connections=2 * users + 4)
        async with httpx.AsyncClient(timeout=httpx.Timeout(timeout), limits=limits) as http:
            app = await gradio_queue.load_config(http, url, "chat")
            t_phase[0] = time.perf_counter()
            await asyncio.gather(*(user(http, app, u) for u in range(users)))

    asyncio.run(main())
    duration = time.perf_counter() - t_phase[0]
    return sorted(samples, key=lambda s: (s.user, s.n)), t_phase[0], duration


# --- the ingest during the load ---------------------------------------------------------------------------------
@dataclass
class Batch:
    files: int
    started_s: float
    finished_s: float | None = None
    outcome: str = ""
    counts: dict[str, int] = field(default_factory=dict)


class IngestDriver:
    """Keeps an ingest running (batch after batch) until ``finish`` is called, then waits for the last one."""

    def __init__(self, mode: str, url: str, index: Path, work: Path, pdfs: list[Path], batch_files: int,
                 t0: float, timeout: float) -> None:
        self.mode, self.url, self.index, self.work = mode, url, index, work
        self.batches_todo = [pdfs[i:i + batch_files] for i in range(0, len(pdfs), batch_files)]
        self.sent: list[Path] = []
        self.t0, self.timeout = t0, timeout
        self.batches: list[Batch] = []
        self.running = threading.Event()  # set once the first batch is really ingesting
        self._more = True
        self._thread = threading.Thread(target=self._run, name="ingest-driver", daemon=True)
        self.error: str | None = None

    def start(self) -> IngestDriver:
        self._thread.start()
        return self

    def finish(self, timeout: float) -> None:
        self._more = False
        self._thread.join(timeout)

    def intervals(self) -> list[tuple[float, float]]:
        end = time.perf_counter() - self.t0
        return [(b.started_s, b.finished_s if b.finished_s is not None else end) for b in self.batches]

    def _run(self) -> None:
        try:
            while self._more and self.batches_todo:
                files = self.batches_todo.pop(0)
                self.sent.extend(files)
                if self.mode == "app":
                    self._app_batch(files)
                else:
                    self._cli_batch(files)
        except Exception as exc:  # reported, the load test goes on
            self.error = f"{type(exc).__name__}: {exc}"[:300]
        finally:
            self.running.set()

    def _now(self) -> float:
        return round(time.perf_counter() - self.t0, 3)

    def _app_batch(self, files: list[Path]) -> None:
        client = open_client(self.url)
        upload, poll = fn_index(client, "start_upload"), fn_index(client, "poll")
        batch = Batch(len(files), self._now())
        self.batches.append(batch)
        out = client.predict([handle_file(str(f)) for f in files], "general", fn_index=upload)  # files, collection
        status = str(out[0]) if isinstance(out, (tuple, list)) else str(out)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            finished = any(w in status for w in ("Ingest finished", "Ingest failed", "Nothing to ingest",
                                                 "Upload refused"))
            if finished or ("Ingesting" in status and "waiting for the index" not in status):
                self.running.set()  # ingest_paths has started (it reports "… parsing N" first)
            if finished:
                break
            time.sleep(1.0)  # the browser's timer ticks every second
            out = client.predict(fn_index=poll)
            status = str(out[1]) if isinstance(out, (tuple, list)) and len(out) > 1 else str(out)
        batch.finished_s = self._now()
        batch.outcome = status.replace("**", "")[:200]
        for row in (out[2].get("data") or []) if isinstance(out, (tuple, list)) and len(out) > 2 and \
                isinstance(out[2], dict) else []:
            batch.counts[row[1]] = batch.counts.get(row[1], 0) + 1
        client.close()

    def _cli_batch(self, files: list[Path]) -> None:
        batch = Batch(len(files), self._now())
        self.batches.append(batch)
        log = self.work / "ingest-cli.log"
        cmd = [*briefbot_cmd(), "ingest", *(str(f) for f in files), "--index", str(self.index), "--json"]
        with log.open("ab") as err, tempfile.TemporaryFile() as out:
            proc = subprocess.Popen(cmd, cwd=self.work, env=child_env(), stdout=out, stderr=err,
                                    start_new_session=True)
            self.running.set()
            try:
                proc.wait(self.timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)
            batch.finished_s = self._now()
            out.seek(0)
            try:
                batch.counts = json.loads(out.read().decode())["counts"]
                batch.outcome = f"exit {proc.returncode}"
            except (ValueError, KeyError):
                batch.outcome = f"exit {proc.returncode} (no JSON report)"


def corpus_pdfs(exclude: set[str]) -> list[Path]:
    """Corpus PDFs not in the index yet (by file name), within the upload size limit, sorted by name."""
    return [p for p in sorted(CORPUS.glob("*.pdf"))
            if p.name not in exclude and p.stat().st_size <= UPLOAD_MAX_MB * 1e6]


# --- phases and report ------------------------------------------------------------------------------------------
def summarise(samples: list[Sample], duration: float, server_cpu: float, client_cpu: float,
              peak_rss: float) -> dict[str, Any]:
    ok = [s for s in samples if not s.error]

    def stats(vals: list[float]) -> dict[str, float | None]:
        return {"p50": _r(pct(vals, 50)), "p95": _r(pct(vals, 95)), "max": _r(max(vals) if vals else None)}

    def col(attr: str) -> list[float]:
        return [getattr(s, attr) for s in ok if getattr(s, attr) is not None]

    timed = [(s.first_update_ms, s.ttft_ms, s.e2e_ms) for s in ok
             if s.first_update_ms is not None and s.ttft_ms is not None and s.e2e_ms is not None]
    return {"questions": len(samples), "answered": len(ok), "errors": len(samples) - len(ok),
            "error_kinds": sorted({(s.error or "")[:80] for s in samples if s.error}),
            "abstained": sum(1 for s in ok if s.final.startswith("**Not answered")),
            "ttft_ms": stats(col("ttft_ms")), "e2e_ms": stats(col("e2e_ms")),
            "first_update_ms": stats(col("first_update_ms")),
            # from the handler's first yield: retrieval + first words (TTFT), and the whole stream (slot held)
            "handler_ttft_ms": stats([t - f for f, t, _ in timed]),
            "handler_total_ms": stats([e - f for f, _, e in timed]),
            "updates_per_answer_p50": _r(pct([float(s.updates) for s in ok], 50)),
            "duration_s": round(duration, 1), "answers_per_s": round(len(ok) / duration, 2) if duration else None,
            "server_cpu_s": round(server_cpu, 1), "client_cpu_s": round(client_cpu, 1),
            "server_rss_peak_mb": round(peak_rss)}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


def run_phase(name: str, server: Server, questions: list[dict[str, Any]], a: argparse.Namespace, index: Path,
              work: Path, stop: threading.Event, in_index: set[str]) -> dict[str, Any]:
    """One phase; ``in_index`` (file names already indexed) grows by what an ingest phase sends."""
    kind = name.rstrip("0123456789")
    say(f"phase {name}: {a.users} users x {a.questions} questions" + (f", ingest via {a.ingest}"
                                                                       if kind == "ingest" else ""))
    driver = None
    cpu0, self0, kids0, mach0 = server.usage()[0], _self_cpu(), _children_cpu(), _cpu_times()
    own0 = server.own_cpu()
    t0 = time.perf_counter()
    if kind == "ingest":
        pdfs = [CORPUS / n for n in a.upload.split(",")] if a.upload else corpus_pdfs(in_index)
        driver = IngestDriver(a.ingest, server.url, index, work, pdfs, a.batch_files, t0, a.ingest_timeout).start()
        if not driver.running.wait(120):
            say("  the ingest has not started after 120 s; measuring anyway")
        say(f"  ingest running after {time.perf_counter() - t0:.1f} s")
    with Sampler(server) as sampler:
        users_fn = run_users_async if a.client == "async" else run_users
        samples, t_phase, duration = users_fn(server.url, name, questions, a.users, a.questions,
                                              a.question_timeout, stop)
        if driver:
            say(f"  users done after {duration:.1f} s; waiting for the running ingest batch to finish")
            driver.finish(a.ingest_timeout + 30)
    cpu1, self1, kids1 = server.usage()[0], _self_cpu(), _children_cpu()
    res = summarise(samples, duration, cpu1 - cpu0, self1 - self0, sampler.peak_mb)
    res["phase"] = name
    res["server_process_cpu_s"] = round(server.own_cpu() - own0, 1)
    res["load_avg_end"] = _load()
    res["machine"] = _machine_share(mach0, _cpu_times())  # whole phase, including the wait for the last batch
    if driver:
        in_index.update(p.name for p in driver.sent)
        if a.ingest == "cli":
            res["ingest_process_cpu_s"] = round(kids1 - kids0, 1)
        shift = t_phase - t0  # samples are timed from the users' start, batches from the phase start
        spans = [(s - shift, e - shift) for s, e in driver.intervals()]
        for s in samples:
            if s.e2e_ms:
                start, end = s.submitted_s, s.submitted_s + s.e2e_ms / 1000
                s.ingest_overlap = round(sum(max(0.0, min(end, b0) - max(start, a0)) for a0, b0 in spans)
                                         / (end - start), 3)
        covered = sum(max(0.0, min(e, duration) - max(s, 0.0)) for s, e in spans)
        res["ingest"] = {"mode": a.ingest, "batches": [asdict(b) for b in driver.batches], "error": driver.error,
                         "load_window_covered": round(min(covered / duration, 1.0), 3) if duration else None,
                         "questions_90pct_inside_ingest": sum(1 for s in samples if (s.ingest_overlap or 0) >= 0.9),
                         "mean_question_overlap": round(sum(s.ingest_overlap or 0 for s in samples)
                                                        / max(len(samples), 1), 3)}
    res["library_after"] = library_summary(server.url)
    res["samples"] = [asdict(s) for s in samples]
    say(f"  {json.dumps({k: v for k, v in res.items() if k not in ('samples', 'ingest')})}")
    if driver:
        say(f"  ingest: {json.dumps({k: v for k, v in res['ingest'].items() if k != 'batches'})}; batches "
            f"{[(b.files, b.started_s, b.finished_s, b.counts) for b in driver.batches]}")
    return res


def _cpu_times() -> list[int]:
    """The machine's aggregate ``cpu`` line of /proc/stat (user nice system idle iowait irq softirq steal …)."""
    try:
        return [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    except (OSError, ValueError, IndexError):
        return [0] * 8


def _machine_share(before: list[int], after: list[int]) -> dict[str, float | None]:
    """Busy and steal shares of all CPUs between two /proc/stat readings (other jobs on a shared box show here)."""
    d = [b - a for a, b in zip(before, after, strict=True)]
    total = sum(d)
    if total <= 0:
        return {"busy_pct": None, "steal_pct": None}
    idle = d[3] + d[4]
    return {"busy_pct": round(100 * (total - idle) / total, 1), "steal_pct": round(100 * d[7] / total, 1)}


def _self_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def render(res: dict[str, Any]) -> str:
    def ms(x: float | None) -> str:
        return "—" if x is None else f"{x:,.0f}"

    lines = [f"### Web load: {res['users']} users × {res['questions_per_user']} questions, chat streaming event",
             "", f"Index: {res.get('index_source', 'ingest/samples')} ({res['index_documents']} documents at start), "
             f"{res['chroma']} Chroma. Code versions: {res.get('variants')}. "
             "Ingest during the "
             f"`ingest` phase: {res['ingest_mode_label']}. Load average {res['load_start']} at start, "
             f"{res['load_end']} at end; {res['cpus']} CPUs; commit {res['commit']}. Tracebacks in the server logs: "
             f"{[x.get('log_errors') for x in res.get('servers', [])]}.", "",
             "| phase | answered / asked (abstained) | errors | TTFT p50 | TTFT p95 | end-to-end p50 | "
             "end-to-end p95 | first update p50 / p95 | in handler: TTFT p50 / p95 | "
             "in handler: whole answer p50 / p95 | answers/s | machine busy / steal | server CPU s | client CPU s | "
             "server RSS peak | serving process CPU s | load avg (1 min) at end |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for p in res["phases"]:
        lines.append(
            f"| {p.get('variant', '')} r{p.get('round', 1)} {p['phase']} | {p['answered']} / {p['questions']} "
            f"({p['abstained']}) | {p['errors']} | "
            f"{ms(p['ttft_ms']['p50'])} ms | {ms(p['ttft_ms']['p95'])} ms | {ms(p['e2e_ms']['p50'])} ms | "
            f"{ms(p['e2e_ms']['p95'])} ms | {ms(p['first_update_ms']['p50'])} / {ms(p['first_update_ms']['p95'])} ms | "
            f"{ms(p['handler_ttft_ms']['p50'])} / {ms(p['handler_ttft_ms']['p95'])} ms | "
            f"{ms(p['handler_total_ms']['p50'])} / {ms(p['handler_total_ms']['p95'])} ms | {p['answers_per_s']} | "
            f"{p.get('machine', {}).get('busy_pct')} % / {p.get('machine', {}).get('steal_pct')} % | "
            f"{p['server_cpu_s']} | {p['client_cpu_s']} | {p['server_rss_peak_mb']} MB | "
            f"{p.get('server_process_cpu_s', '—')} | {(p.get('load_avg_end') or ['—'])[0]} |")
    for p in res["phases"]:
        if p["phase"].startswith("ingest"):
            idles = [q for q in res["phases"] if q["phase"].startswith("idle")
                     and (q.get("variant"), q.get("round")) == (p.get("variant"), p.get("round"))]
            lines.append("")
            for idle in idles:
                ratios = []
                for key, label in (("ttft_ms", "TTFT"), ("e2e_ms", "end-to-end")):
                    for q in ("p50", "p95"):
                        a, b = p[key][q], idle[key][q]
                        ratios.append(f"{label} {q} ×{a / b:.2f}" if a and b else f"{label} {q} —")
                lines.append(f"{p.get('variant', '')} r{p.get('round', 1)} {p['phase']} / {idle['phase']}: "
                             f"{', '.join(ratios)}.  ")
            ing = p.get("ingest") or {}
            batches = ing.get("batches") or []
            lines.append(f"The ingest ran through {100 * (ing.get('load_window_covered') or 0):.0f} % of the users' "
                         f"time; {ing.get('questions_90pct_inside_ingest')} of {p['questions']} questions spent ≥ 90 % "
                         f"of their time inside it (mean {100 * (ing.get('mean_question_overlap') or 0):.0f} %); "
                         f"{len(batches)} batch(es), times from the phase start: " + "; ".join(
                             f"{b['files']} PDFs {b['started_s']:.0f}–{b['finished_s'] or 0:.0f} s {b['counts']}"
                             for b in batches) + (f"; error {ing['error']}" if ing.get("error") else "") + ".")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--questions", type=int, default=5, help="questions per user, asked in sequence")
    ap.add_argument("--phases", default="idle,ingest,idle", help="comma-separated: idle, ingest")
    ap.add_argument("--ingest", choices=["app", "cli"], default="app",
                    help="ingest through the app's upload path (in the serving process) or a separate CLI process")
    ap.add_argument("--chroma", choices=["embedded", "server"], default="embedded",
                    help="vectors in embedded Chroma (default, one process) or a `chroma run` server on loopback "
                    "(what the README requires for a CLI ingest beside the running app)")
    ap.add_argument("--client", choices=["async", "threads"], default="async",
                    help="load generator: coroutines speaking Gradio's queue protocol (light) or one "
                    "gradio_client.Client thread per user (polls every 10 ms; heavier)")
    ap.add_argument("--batch-files", type=int, default=BATCH_FILES, help="PDFs per ingest batch (upload limit 20)")
    ap.add_argument("--question-timeout", type=float, default=180.0)
    ap.add_argument("--ingest-timeout", type=float, default=900.0, help="per ingest batch")
    ap.add_argument("--timeout", type=float, default=3600.0, help="hard limit for the whole run (seconds)")
    ap.add_argument("--json", type=Path, default=OUT / "web_load.json")
    ap.add_argument("--index", type=Path, help="serve a fresh copy of this index instead of one built from "
                    "ingest/samples (the original is only read)")
    ap.add_argument("--upload", help="comma-separated corpus PDFs the ingest phase sends (not in the index); "
                    "default: corpus PDFs not in the sample index")
    ap.add_argument("--variants", help="name=SRC,...: serve each code version (PYTHONPATH=SRC) in turn")
    ap.add_argument("--rounds", type=int, default=1, help="repeat the variants in order this many times")
    ap.add_argument("--distinct", action="store_true", help="each phase asks its own gold questions")
    ap.add_argument("--session", choices=["user", "question"], default="user",
                    help="async client: one Gradio session per user (a browser tab asking in turn; default) or a "
                    "fresh one per question (Gradio builds a session's copy of the app's config, ~270 blocks, "
                    "on its first event)")
    a = ap.parse_args(argv)
    global SESSION_PER_USER
    SESSION_PER_USER = a.session == "user"
    phases = [p.strip() for p in a.phases.split(",") if p.strip()]
    if not phases or any(p not in ("idle", "ingest") for p in phases):
        ap.error("--phases takes idle and ingest")
    if a.users < 1 or a.questions < 1:
        ap.error("--users and --questions must be at least 1")
    questions = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    variants = [tuple(v.split("=", 1)) for v in a.variants.split(",")] if a.variants else [("current", "")]
    if any(len(v) != 2 for v in variants):
        ap.error("--variants takes name=SRC pairs separated by commas")
    stop = threading.Event()
    res: dict[str, Any] = {"users": a.users, "questions_per_user": a.questions, "ingest_mode": a.ingest,
                           "session": a.session,
                           "client": a.client,
                           "ingest_mode_label": "the app's own upload path (Library tab event, in the serving "
                           "process)" if a.ingest == "app" else "`briefbot ingest` in a separate process on the "
                           "same index", "cpus": os.cpu_count(), "load_start": _load(),
                           "started": time.strftime("%Y-%m-%d %H:%M:%S"), "commit": _commit(), "phases": [],
                           "variants": {n: (_commit(Path(src).resolve().parent) if src else _commit())
                                        for n, src in variants}, "index_source": str(a.index or SAMPLES)}
    live: list[Server] = []  # the server being measured, for the hard stop
    chroma: ChromaServer | None = None
    res["chroma"] = a.chroma
    if a.ingest == "cli" and a.chroma == "embedded" and "ingest" in phases:
        say("note: a CLI ingest beside the app on embedded Chroma is a setup the README rules out (embedded Chroma "
            "is for one process); --chroma server is the supported one")

    def hard_stop() -> None:  # last resort: the normal path checks deadlines long before this
        say(f"hard timeout ({a.timeout:.0f} s): stopping the server and exiting")
        stop.set()
        for srv in live:
            srv.stop()
        if chroma:
            chroma.stop()
        os._exit(3)

    watchdog = threading.Timer(a.timeout, hard_stop)
    watchdog.daemon = True
    watchdog.start()
    code = 0
    try:
        if a.chroma == "server":
            chroma = ChromaServer(Path(tempfile.mkdtemp(prefix="web-load-chroma-")))
            chroma.wait_ready(120)
            CHROMA_ENV.update({"BRIEFBOT_CHROMA_HOST": "127.0.0.1", "BRIEFBOT_CHROMA_PORT": str(chroma.port),
                               "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"})
            say(f"chroma server on 127.0.0.1:{chroma.port}")
        for rnd in range(1, a.rounds + 1):
            for vname, src in variants:
                VARIANT_ENV.clear()
                if src:
                    VARIANT_ENV["PYTHONPATH"] = str(Path(src).resolve())
                say(f"== round {rnd}, variant {vname} ({src or 'installed code'})")
                with tempfile.TemporaryDirectory(prefix="web-load-") as tmp:
                    try:
                        code |= serve_and_load(a, Path(tmp), questions, res, stop, live, vname, rnd)
                    finally:
                        while live:
                            res.setdefault("servers", []).append(_stop_server(live.pop(), vname, rnd))
    finally:
        stop.set()
        if chroma:
            chroma.stop()
        watchdog.cancel()
        res["load_end"] = _load()
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(res, indent=2), encoding="utf-8")
    if res["phases"]:
        print(render(res), flush=True)
    say(f"wrote {a.json}; servers stopped by {[x.get('stopped_by') for x in res.get('servers', [])]}")
    return code


def _stop_server(server: Server, variant: str, rnd: int) -> dict[str, Any]:
    how = server.stop()
    log = server.log.read_text(errors="replace")
    return {"variant": variant, "round": rnd, "stopped_by": how, "log_tail": log.splitlines()[-30:],
            "log_errors": sum(1 for ln in log.splitlines() if "Traceback" in ln)}


def serve_and_load(a: argparse.Namespace, work: Path, questions: list[dict[str, Any]], res: dict[str, Any],
                   stop: threading.Event, holder: list[Server], variant: str, rnd: int) -> int:
    """One server (one code version) on its own index: build or copy it, serve, warm up, run every phase."""
    index = work / "index"
    try:
        t = time.perf_counter()
        if a.index:
            say(f"copying {a.index} to {index}")
            shutil.copytree(a.index, index, symlinks=True, ignore=shutil.ignore_patterns("serve.lock", "web-tmp"))
            res["index_documents"] = "an existing index"
            in_index: set[str] = set()
        else:
            say(f"building the sample index in {index}")
            with (work / "ingest-samples.log").open("wb") as err:
                subprocess.run([*briefbot_cmd(), "ingest", str(SAMPLES), "--index", str(index), "--json"],
                               cwd=work, env=child_env(), check=True, timeout=900, stdout=subprocess.DEVNULL,
                               stderr=err)
            res["index_documents"] = len(list(SAMPLES.glob("*.pdf")))
            in_index = {p.name for p in SAMPLES.glob("*.pdf")}
        res["index_build_s"] = round(time.perf_counter() - t, 1)
        server = Server(index, work)
        holder.append(server)
        t = time.perf_counter()
        server.wait_ready(300)
        start_s = round(time.perf_counter() - t, 1)
        say(f"server ready at {server.url} after {start_s} s")
        warm = open_client(server.url)  # first answers load the lexical index and warm the model
        chat_fn = fn_index(warm, "chat")
        for q in (questions[-2:] if a.distinct else questions[:2]):
            s = Sample("warmup", -1, 0, q["id"], 0.0)
            ask_one(warm, chat_fn, q["question"], s, time.perf_counter(), a.question_timeout, stop)
            say(f"  warm-up {q['id']}: ttft {_r(s.ttft_ms)} ms, e2e {_r(s.e2e_ms)} ms, error {s.error}")
        warm.close()
        counts: dict[str, int] = {}
        phases = [p.strip() for p in a.phases.split(",") if p.strip()]
        for i, p in enumerate(phases):
            counts[p] = counts.get(p, 0) + 1
            name = p if counts[p] == 1 else f"{p}{counts[p]}"
            asked = questions[i * a.users * a.questions:] if a.distinct else questions
            phase = run_phase(name, server, asked, a, index, work, stop, in_index)
            phase.update(variant=variant, round=rnd, server_start_s=start_s)
            res["phases"].append(phase)
        return 0
    except Exception as exc:  # reported with whatever was measured
        say(f"FAILED: {type(exc).__name__}: {exc}")
        res.setdefault("errors", []).append(f"{variant} round {rnd}: {type(exc).__name__}: {exc}")
        return 1


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _commit(where: Path = ROOT) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=where, capture_output=True, text=True,
                              timeout=10).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


if __name__ == "__main__":
    sys.exit(main())
