"""The benchmarks of issue 7 in one command: ingest speed and memory, retrieval quality, query latency.

    python benchmarks/run.py                 # full run (~30 min on 2 shared cores), writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick         # smoke run over ingest/samples (< 3 min), writes into --out only
    python benchmarks/run.py --repeats 3     # three cold briefbot/naive ingest pairs instead of one
    python benchmarks/run.py --render benchmarks/RESULTS.json   # rewrite RESULTS.md from saved numbers

Every heavy step runs in its own child process (``run.py --step NAME``): its peak RSS comes from ``os.wait4``
on that child, and no step inherits another's memory, model or caches. The CPU here is shared and its speed
drifts, so the report leads with medians and ratios taken within one run; absolute seconds are context.
See benchmarks/README.md for what each number means and the targets.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
BULK = CORPUS / "bulk" / "unxml_sc"
SAMPLES = REPO / "ingest" / "samples"
GOLD = REPO / "evals" / "gold.jsonl"
RESULTS_MD = HERE / "RESULTS.md"
RESULTS_JSON = HERE / "RESULTS.json"

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "ORT_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
}
for _k, _v in OFFLINE_ENV.items():
    os.environ.setdefault(_k, _v)

# Targets of issue 7 (value compared with the measured number; "max" means measured must be ≤ value).
TARGETS = {
    "ingest_ratio_naive": 0.5,  # briefbot cold ingest time / naive cold ingest time
    "ingest_ratio_model": 1.2,  # briefbot cold ingest time / the model alone embedding the same chunks
    "reingest_share": 0.03,  # unchanged re-ingest / cold ingest
    "retrieve_p50_100k_ms": 30.0,
    "retrieve_p95_100k_ms": 80.0,
    # issue 13
    "retrieve_named_p95_100k_ms": 80.0,  # the questions naming documents alone
    "ingest_peak_rss_mb": 1536.0,  # summed over the ingest's process tree (sampled)
    "bulk_wall_s": 600.0,  # the bulk Council set, process wall time (start-up included)
    "bulk_peak_rss_mb": 1536.0,
}


# ================================================================================================ children ==
# Each step below runs in a fresh interpreter: ``run.py --step NAME --args A.json --result R.json``.


def _settings(index: str) -> Any:
    from briefbot.config import Settings

    # Cold by construction: no embedding cache, so every chunk is embedded by the model in this run.
    return Settings(index=Path(index), embedding_cache=False)


def step_ingest_briefbot(a: dict[str, Any]) -> dict[str, Any]:
    from briefbot.ingest import ingest_paths
    from briefbot.store import Store

    settings = _settings(a["index"])
    report = ingest_paths([Path(p) for p in a["paths"]], settings)
    store = Store(settings, create=False)
    return {
        "seconds": report.seconds,
        "embed_seconds": report.embed_seconds,
        "embedded": report.embedded,
        "pages": report.pages,
        "files": len(report.results),
        "counts": report.counts(),
        "chunks": sum(r.chunks for r in report.results),
        "distinct_texts": len(store.unique_texts()),
        "vectors": store.collection.count(),
        "failed": [{"path": Path(r.path).name, "reason": r.reason} for r in report.failed],
        # Order in which documents were committed: the embed-alone step replays the same model calls.
        "doc_order": [r.doc_id for r in report.results if r.doc_id and r.status in ("ingested", "replaced")],
    }


def step_embed_alone(a: dict[str, Any]) -> dict[str, Any]:
    """The model alone on briefbot's own distinct chunk texts, grouped exactly as the ingest grouped them."""
    from briefbot.embed import Embedder
    from briefbot.ingest import _EMBED_BATCH
    from briefbot.store import Store

    settings = _settings(a["index"])
    store = Store(settings, create=False)
    groups: list[list[str]] = []
    seen: set[str] = set()
    group: list[str] = []
    for doc_id in a["doc_order"]:  # the ingest's flush rule: whole documents until ≥ _EMBED_BATCH new texts
        for c in store.chunks_of(doc_id):
            if c.text_hash not in seen:
                seen.add(c.text_hash)
                group.append(c.text)
        if len(group) >= _EMBED_BATCH:
            groups.append(group)
            group = []
    if group:
        groups.append(group)
    texts = sum(len(g) for g in groups)
    threads = getattr(settings, "torch_threads", None)  # what ingest's get_embedder uses, when the setting exists
    extra: dict[str, Any] = {"threads": threads} if threads else {}
    encode_extra: dict[str, Any] = {}
    if hasattr(settings, "encoder"):  # the ONNX encoder (issue 13): same backend as the ingest, and its
        extra.update(backend=settings.encoder, encoder_dir=settings.encoder_dir)  # threads once parsing is done
        if hasattr(settings, "encoder_precision"):  # and the same weights (fp32 or int8)
            extra["precision"] = settings.encoder_precision
        encode_extra = {"threads": settings.ingest_threads}
    embedder = Embedder(settings.embedding_model, settings.embed_batch_size, **extra)
    t0 = time.perf_counter()
    if hasattr(embedder, "load"):
        embedder.load()
    else:
        _ = embedder.model
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for g in groups:
        embedder.embed_documents(g, **encode_extra)
    encode = time.perf_counter() - t0
    return {"texts": texts, "groups": len(groups), "batch_size": settings.embed_batch_size,
            "group_size": _EMBED_BATCH, "load_seconds": load, "encode_seconds": encode,
            "seconds": load + encode}


def step_ingest_naive(a: dict[str, Any]) -> dict[str, Any]:
    from naive_pipeline import ingest_naive

    return dict(ingest_naive(Path(a["pdf_dir"]), Path(a["persist_dir"])))


def _questions(a: dict[str, Any]) -> list[Any]:
    from briefbot.evaluate import load_dataset

    have = {n.casefold() for n in a.get("documents", [])}
    out = []
    for q in load_dataset(Path(a["dataset"])):
        if a.get("source") and q.source != a["source"]:
            continue
        if have and any(e.document and e.document.casefold() not in have for e in q.expected):
            continue
        out.append(q)
    return out[:a["limit"]] if a.get("limit") else out


def _token_stats(texts: list[str]) -> dict[str, Any]:
    """Embedding work: model tokens of the distinct texts (with [CLS]/[SEP]), and what the model reads (≤ 256)."""
    from briefbot.chunk import token_counter
    from briefbot.embed import PACKAGED, model_path

    count = token_counter(model_path(PACKAGED))
    n = [count(t) + 2 for t in texts]
    return {"texts": len(texts), "tokens": sum(n), "tokens_read": sum(min(x, 256) for x in n),
            "truncated": sum(1 for x in n if x > 256), "mean_tokens": statistics.fmean(n) if n else 0.0}


def step_eval_briefbot(a: dict[str, Any]) -> dict[str, Any]:
    from briefbot.evalrun import quote_checker
    from briefbot.evaluate import run_eval
    from briefbot.service import Briefbot

    questions = _questions(a)
    bot = Briefbot(_settings(a["index"]))
    bot.ask(questions[0].question)  # warm-up: model, lexical index, catalog caches
    run = run_eval(questions, lambda q: bot.ask(q).to_dict(), quote_checker(bot), "briefbot",
                   meta={"index": a["index"]})
    Path(a["detail"]).write_text(json.dumps(run.to_dict(), indent=1, ensure_ascii=False))
    return {"overall": run.overall, "by_kind": run.by_kind(),
            "index_tokens": _token_stats([t for _, t, _ in bot.store.unique_texts()])}


def step_eval_naive(a: dict[str, Any]) -> dict[str, Any]:
    from naive_pipeline import NaiveRetriever

    from briefbot.evaluate import run_eval

    questions = _questions(a)
    naive = NaiveRetriever(Path(a["persist_dir"]))
    naive.answer_json(questions[0].question)  # warm-up

    def no_citations(_citation: Any) -> bool:  # the naive pipeline never cites, so this is never called
        return False

    run = run_eval(questions, naive.answer_json, no_citations, "naive", meta={"index": a["persist_dir"]})
    Path(a["detail"]).write_text(json.dumps(run.to_dict(), indent=1, ensure_ascii=False))
    texts = naive.collection.get(include=["documents"])["documents"]  # every chunk (ids are positions)
    return {"overall": run.overall, "by_kind": run.by_kind(), "index_tokens": _token_stats(list(texts))}


def step_copy_index(a: dict[str, Any]) -> dict[str, Any]:
    """Write real chunks and their vectors (read back from Chroma) into a new index through briefbot's Store.

    ``replicas == 1``: whole documents of the source, gold documents first, until ``target`` distinct texts (a
    smaller real index, no re-embedding). ``replicas > 1``: every document ``replicas`` times; copy r > 0 gets its
    own file name, symbol (``…/BENCHr``), a distinct suffix on every chunk text and its vector plus Gaussian noise
    (renormalised), so all copies are distinct entries in Chroma, the catalog and the lexical index.
    """
    import sqlite3

    import numpy as np

    from briefbot.chunk import text_hash
    from briefbot.lexical import LexicalIndex
    from briefbot.models import Chunk, Document, Page
    from briefbot.store import Store

    t_start = time.perf_counter()
    src = Store(_settings(a["src"]), create=False)
    vectors: dict[str, np.ndarray] = {}
    offset = 0
    while True:
        got = src.collection.get(include=["embeddings"], limit=5000, offset=offset)
        if not got["ids"]:
            break
        for i, e in zip(got["ids"], got["embeddings"], strict=True):
            vectors[i] = np.asarray(e, dtype=np.float32)
        offset += len(got["ids"])
    catalog = sqlite3.connect(f"file:{src.dir / 'catalog.sqlite'}?mode=ro", uri=True)
    preferred = {n.casefold() for n in a.get("prefer", [])}
    docs = sorted(src.documents(), key=lambda d: (d.file_name.casefold() not in preferred, d.file_name))
    if a.get("source"):  # e.g. "pdf": the PDFs of a larger index (scale_latency.py builds the 103-PDF base so)
        docs = [d for d in docs if d.source == a["source"]]
    plan: list[tuple[Any, list[Chunk]]] = []
    distinct: set[str] = set()
    for d in docs:
        chunks = src.chunks_of(d.doc_id)
        plan.append((d, chunks))
        distinct.update(c.text_hash for c in chunks)
        if a["replicas"] == 1 and len(distinct) >= a["target"]:
            break

    dst = Store(_settings(a["dst"]))
    rng = np.random.default_rng(a.get("seed", 7))
    sigma = float(a.get("sigma", 0.01))
    for r in range(a["replicas"]):
        docs_r: dict[str, Document] = {}
        commits: list[tuple[Document, list[Chunk]]] = []
        new: dict[str, tuple[Chunk, np.ndarray]] = {}
        for d, chunks in plan:
            pages = [Page(n, t) for n, t in catalog.execute(
                "SELECT number, text FROM pages WHERE doc_id = ? ORDER BY number", (d.doc_id,))]
            stem, dot, ext = d.file_name.rpartition(".")
            file_name = d.file_name if r == 0 else f"{stem or ext}__bench{r}{dot}{ext if stem else ''}"
            doc_id = d.doc_id if r == 0 else (file_name if d.doc_id == d.file_name else f"{d.doc_id}__bench{r}")
            doc = Document(doc_id=doc_id, file_name=file_name, sha256=d.sha256 if r == 0 else f"{d.sha256}:{r}",
                           source=d.source, symbol=d.symbol if r == 0 or not d.symbol else f"{d.symbol}/BENCH{r}",
                           doc_type=d.doc_type, title=d.title, date=d.date, language=d.language, pages=pages,
                           blocks=[], path=d.path, empty_pages=d.empty_pages, warnings=d.warnings,
                           missions=d.missions)
            out: list[Chunk] = []
            for c in chunks:
                text = c.text if r == 0 else f"{c.text} [bench-copy-{r}]"
                h = c.text_hash if r == 0 else text_hash(text)
                chunk = Chunk(text_hash=h, doc_id=doc_id, ordinal=c.ordinal, text=text, spans=c.spans,
                              paragraph=c.paragraph, section=c.section, kind=c.kind)
                out.append(chunk)
                if h not in new:
                    v = vectors[c.text_hash]
                    if r:
                        v = v + rng.normal(0.0, sigma, v.shape).astype(np.float32)
                        v = v / np.linalg.norm(v)
                    new[h] = (chunk, v)
            docs_r[doc_id] = doc
            commits.append((doc, out))
        items = list(new.values())
        dst.add_vectors([c for c, _ in items], np.stack([v for _, v in items]), docs_r)
        for doc, out in commits:
            dst.commit_document(doc, out)
        print(f"copy {r + 1}/{a['replicas']}: {len(items)} vectors", flush=True)
    t0 = time.perf_counter()
    LexicalIndex(dst).rebuild()
    lexical_seconds = time.perf_counter() - t0
    return {"documents": len(dst.documents()), "vectors": dst.collection.count(),
            "distinct_texts": len(dst.unique_texts()), "replicas": a["replicas"], "sigma": sigma,
            "source_documents": len(plan), "lexical_build_seconds": lexical_seconds,
            "seconds": time.perf_counter() - t_start}


class _Timers:
    """Wall time per named call and per query, patched onto instance attributes (nothing in briefbot changes)."""

    def __init__(self) -> None:
        self.current: dict[str, float] = {}
        self.on = False

    def wrap(self, obj: Any, attr: str, name: str) -> None:
        fn = getattr(obj, attr)

        def timed(*args: Any, **kwargs: Any) -> Any:
            if not self.on:
                return fn(*args, **kwargs)
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.current[name] = self.current.get(name, 0.0) + (time.perf_counter() - t0) * 1000

        setattr(obj, attr, timed)


def percentile(values: list[float], pct: float) -> float:
    """Linear interpolation between closest ranks (numpy's default, as briefbot.evaluate.percentile)."""
    s = sorted(values)
    pos = (len(s) - 1) * pct / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def _pcts(ms: list[float]) -> dict[str, float]:
    if not ms:
        return {"n": 0}
    return {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95), "mean": statistics.fmean(ms),
            "max": max(ms)}


EMBED = "embed query (MiniLM)"
OTHER = "other Python (fusion, hits, answer logic)"


def step_latency(a: dict[str, Any]) -> dict[str, Any]:
    import briefbot.retrieve as retrieve_mod
    from briefbot.service import Briefbot

    questions = [q.question for q in _questions(a)]
    bot = Briefbot(_settings(a["index"]))
    bot.ask(questions[0])  # one warm-up: loads the model, the lexical index and the catalog caches
    bot.retrieve(questions[0])

    def timed(fn: Callable[[str], Any]) -> list[float]:
        out = []
        for q in questions:
            t0 = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    retrieve_ms = timed(bot.retrieve)
    ask_ms = timed(bot.ask)
    named = _names_documents(bot, questions)

    # A second, instrumented pass: where a query's time goes (kept apart so wrappers do not touch the timings).
    timers = _Timers()
    timers.wrap(bot.embedder, "embed_query", EMBED)
    timers.wrap(bot.store, "dense_search", "dense search: vector file or Chroma (dense_search)")
    timers.wrap(bot.lexical, "search", "bm25 scoring (lexical.search)")
    timers.wrap(bot.store, "chunks_by_hash", "catalog: chunks_by_hash")
    timers.wrap(bot.store, "chunks_of", "catalog: chunks_of (named documents)")
    if hasattr(bot.store, "score_documents"):  # issue 13: named documents scored from vectors fetched by id
        timers.wrap(bot.store, "score_documents", "named documents: vectors by id (score_documents)")
    timers.wrap(bot.retriever, "documents", "catalog: documents/version")
    timers.wrap(bot.store, "resolve_filters", "catalog: resolve_filters")
    timers.wrap(retrieve_mod, "parse_references", "parse_references")
    timers.wrap(bot.lexical, "idf", "answer: idf (lexical)")
    timers.wrap(bot.store, "page_text", "answer: catalog page_text")
    breakdown: dict[str, dict[str, float]] = {}
    without_embed: dict[str, list[float]] = {}
    for label, fn in (("retrieve", bot.retrieve), ("ask", bot.ask)):
        per_query: list[dict[str, float]] = []
        timers.on = True
        for q in questions:
            timers.current = {}
            t0 = time.perf_counter()
            fn(q)
            total = (time.perf_counter() - t0) * 1000
            parts = dict(timers.current)
            parts[OTHER] = total - sum(parts.values())
            parts["total"] = total
            per_query.append(parts)
        timers.on = False
        names = {k for p in per_query for k in p}
        means = {k: sum(p.get(k, 0.0) for p in per_query) / len(per_query) for k in names}
        breakdown[label] = {"total": means.pop("total"), **dict(sorted(means.items(), key=lambda kv: -kv[1]))}
        without_embed[label] = [p["total"] - p.get(EMBED, 0.0) for p in per_query]

    # Diagnostic: the query embedding with one intra-op thread against one per core, whatever the
    # configured count. On an oversubscribed CPU threads wait on each other; the difference shows the cost.
    onnx = getattr(bot.embedder, "backend", "torch") == "onnx"
    if onnx:
        threads = bot.embedder.threads
    else:
        import torch

        threads = torch.get_num_threads()
    sample = questions[:30]
    diag: dict[str, Any] = {"default_threads": threads, "embed_query_by_threads": {},
                            "encoder": "onnx" if onnx else "torch"}
    for n in sorted({1, os.cpu_count() or 1}):
        if not onnx:
            torch.set_num_threads(n)
        ms = []
        for q in sample:
            t0 = time.perf_counter()
            if onnx:
                bot.embedder.embed_documents([q], threads=n)  # this model has no query prompt: same vector
            else:
                bot.embedder.embed_query(q)
            ms.append((time.perf_counter() - t0) * 1000)
        diag["embed_query_by_threads"][str(n)] = ms
    if not onnx:
        torch.set_num_threads(threads)

    t0 = time.perf_counter()
    for _ in range(20):
        bot.store.collection.count()
    count_ms = (time.perf_counter() - t0) * 1000 / 20
    docs = bot.store.documents()
    return {"questions": len(questions), "retrieve_ms": retrieve_ms, "ask_ms": ask_ms, "names_documents": named,
            "retrieve": _pcts(retrieve_ms), "ask": _pcts(ask_ms), "breakdown_mean_ms": breakdown,
            "retrieve_without_embed_ms": without_embed["retrieve"], "ask_without_embed_ms": without_embed["ask"],
            "threads_diagnostic": diag,
            "chroma_count_ms": count_ms, "vectors": bot.store.collection.count(), "documents": len(docs),
            "catalog_chunks": sum(d.chunks for d in docs), "distinct_texts": len(bot.store.unique_texts())}


def _names_documents(bot: Any, questions: list[str]) -> list[bool]:
    """Per question: does it name indexed documents (so retrieval searches inside them: issue 13)?"""
    from briefbot.refs import parse_references

    find = getattr(bot.retriever, "_named_documents", None)
    if find is None:
        return [False] * len(questions)
    docs = bot.retriever.documents()
    return [bool(find(parse_references(q), docs, None)) for q in questions]


def step_ingest_bulk(a: dict[str, Any]) -> dict[str, Any]:
    """The bulk Council set (resolution XML + JSONL records) into a fresh index, cold (issue 13: ≤ 10 min)."""
    from briefbot.ingest import ingest_paths

    report = ingest_paths([Path(p) for p in a["paths"]], _settings(a["index"]))
    done = [r for r in report.results if r.status in ("ingested", "replaced", "no_text")]
    return {"seconds": report.seconds, "embed_seconds": report.embed_seconds, "embedded": report.embedded,
            "counts": report.counts(), "documents": len(done), "chunks": sum(r.chunks for r in done),
            "failed": [{"path": Path(r.path).name, "reason": r.reason} for r in report.failed][:20]}


STEPS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "ingest_briefbot": step_ingest_briefbot,
    "embed_alone": step_embed_alone,
    "ingest_naive": step_ingest_naive,
    "eval_briefbot": step_eval_briefbot,
    "eval_naive": step_eval_naive,
    "copy_index": step_copy_index,
    "ingest_bulk": step_ingest_bulk,
    "latency": step_latency,
}


class _TreeSampler:
    """Samples the RSS of this process and all its descendants from /proc every ``interval`` seconds.

    ``os.wait4`` and ``RUSAGE_CHILDREN`` miss processes this one never reaps (briefbot's parser workers are
    children of a multiprocessing forkserver), so the tree's summed RSS and each descendant's peak (VmHWM) are
    sampled here.
    """

    def __init__(self, interval: float = 0.25) -> None:
        import threading

        self.interval = interval
        self.peak_sum_kb = 0
        self.hwm_kb: dict[int, int] = {}
        self.cpu_ticks: dict[int, int] = {}  # utime + stime per process of the tree, last seen
        self.cmd: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> _TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        parents: dict[int, int] = {}
        ticks: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                with contextlib.suppress(OSError, ValueError, IndexError):
                    fields = Path(f"/proc/{entry.name}/stat").read_text().rsplit(")", 1)[1].split()
                    parents[int(entry.name)] = int(fields[1])
                    ticks[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime
        tree = {os.getpid()}
        grew = True
        while grew:
            more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
            tree |= more
            grew = bool(more)
        for pid in tree:
            if pid in ticks:
                self.cpu_ticks[pid] = max(self.cpu_ticks.get(pid, 0), ticks[pid])
        total = 0
        for pid in tree:
            with contextlib.suppress(OSError, ValueError, KeyError):  # a zombie has no VmRSS
                fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                              if line.startswith(("VmRSS", "VmHWM")))
                rss, hwm = (int(fields[k].split()[0]) for k in ("VmRSS", "VmHWM"))
                total += rss
                self.hwm_kb[pid] = max(self.hwm_kb.get(pid, 0), hwm)
                if pid not in self.cmd:
                    raw = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                    self.cmd[pid] = raw.strip()[-120:]
        self.peak_sum_kb = max(self.peak_sum_kb, total)


def child_main(step: str, args_path: Path, result_path: Path) -> int:
    import logging
    import resource

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    import briefbot

    a = json.loads(args_path.read_text())
    t0 = time.perf_counter()
    with _TreeSampler() as sampler:
        out = STEPS[step](a)
    out["step_seconds"] = time.perf_counter() - t0
    out["briefbot_file"] = str(next(iter(briefbot.__path__)))  # a namespace package: no __file__
    if "torch" in sys.modules:  # intra-op threads the step's model ran with
        out["torch_threads"] = sys.modules["torch"].get_num_threads()
    # Linux reports ru_maxrss in KiB.
    out["self_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    others = [kb for pid, kb in sampler.hwm_kb.items() if pid != os.getpid()]
    out["descendant_peak_rss_mb"] = max(others) / 1024 if others else None  # e.g. the parser worker (sampled)
    out["tree_peak_rss_sum_mb"] = sampler.peak_sum_kb / 1024  # this process + descendants, summed (sampled)
    # CPU of the whole tree: wait4 misses the parser workers (the forkserver that reaps them is never reaped
    # here), so their user+sys ticks are sampled too (the last 0.25 s of a short-lived process can be missed).
    own = os.times()
    hz = os.sysconf("SC_CLK_TCK")
    out["tree_cpu_seconds"] = own.user + own.system + sum(
        t for pid, t in sampler.cpu_ticks.items() if pid != os.getpid()) / hz
    out["descendants"] = [{"cmd": sampler.cmd.get(pid, "?"), "peak_rss_mb": kb / 1024}
                          for pid, kb in sampler.hwm_kb.items() if pid != os.getpid()]
    result_path.write_text(json.dumps(out, indent=1, default=str))
    return 0


# ================================================================================================== parent ==


def snapshot(dest: Path, worktree: bool) -> dict[str, Any]:
    """Freeze the code under test for the whole run: others commit while a run takes half an hour.

    ``src/`` and ``evals/gold.jsonl`` come from the committed HEAD (or the working tree with ``--worktree``); the
    benchmark scripts themselves (this file, naive_pipeline.py) always from the working tree. Children import
    briefbot from the copy (PYTHONPATH precedes the editable install's .pth entry).
    """
    import hashlib

    dest.mkdir(parents=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=REPO).stdout.strip()
    if worktree:
        shutil.copytree(REPO / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        (dest / "evals").mkdir()
        shutil.copy2(GOLD, dest / "evals" / "gold.jsonl")
    else:
        archive = subprocess.run(["git", "archive", "--format=tar", "HEAD", "src", "evals/gold.jsonl"],
                                 capture_output=True, check=True, cwd=REPO).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    (dest / "benchmarks").mkdir()
    for name in ("run.py", "naive_pipeline.py"):
        shutil.copy2(HERE / name, dest / "benchmarks" / name)
    digest = hashlib.sha256()
    for f in sorted((dest / "src").rglob("*.py")):
        digest.update(f.read_bytes())
    changed = subprocess.run(["git", "status", "--porcelain", "--", "src", "evals/gold.jsonl"], capture_output=True,
                             text=True, cwd=REPO).stdout.split("\n")
    return {"source": "working tree" if worktree else "committed HEAD", "commit": commit,
            "src_sha256": digest.hexdigest()[:16], "uncommitted_in_worktree": [c for c in changed if c.strip()],
            "dir": str(dest)}


class Runner:
    def __init__(self, work: Path, logs: Path, code: Path) -> None:
        self.work = work
        self.logs = logs
        self.code = code
        self.n = 0
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
        self.env.update(OFFLINE_ENV)
        self.env["PYTHONPATH"] = str(code / "src")
        # No developer briefbot.toml and no BRIEFBOT_* variables: every step sees the defaults plus its overrides.
        self.env["BRIEFBOT_CONFIG"] = str(work / "no-briefbot.toml")
        self.env["PYTHONUNBUFFERED"] = "1"

    def step(self, name: str, label: str, **args: Any) -> dict[str, Any]:
        self.n += 1
        tag = f"{self.n:02d}-{label}"
        args_path = self.work / f"{tag}.args.json"
        result_path = self.work / f"{tag}.result.json"
        args_path.write_text(json.dumps(args, default=str))
        log_path = self.logs / f"{tag}.log"
        say(f"step {tag} ({name}) …")
        load_start = os.getloadavg()
        t0 = time.perf_counter()
        with log_path.open("w") as log:
            proc = subprocess.Popen([sys.executable, str(self.code / "benchmarks" / "run.py"), "--step", name, "--args",
                                     str(args_path), "--result", str(result_path)], stdout=log,
                                    stderr=subprocess.STDOUT, env=self.env, cwd=REPO)
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            except BaseException:
                proc.kill()
                proc.wait()
                raise
            proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        if proc.returncode != 0 or not result_path.exists():
            tail = log_path.read_text()[-3000:]
            raise SystemExit(f"step {tag} failed (exit {proc.returncode}); log {log_path}:\n{tail}")
        out = json.loads(result_path.read_text())
        if not Path(out["briefbot_file"]).is_relative_to(self.code):
            raise SystemExit(f"step {tag} imported briefbot from {out['briefbot_file']}, not from the snapshot")
        # wait4: ru_maxrss is the largest single process of the child's tree (KiB); times cover the whole tree.
        out["process"] = {"wall_seconds": wall, "peak_rss_mb": usage.ru_maxrss / 1024,
                          "user_seconds": usage.ru_utime, "sys_seconds": usage.ru_stime,
                          "load_average_start": load_start, "load_average_end": os.getloadavg()}
        say(f"step {tag} done in {wall:.1f} s, peak RSS {usage.ru_maxrss / 1024:.0f} MB")
        return out


def say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_gb = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = int(line.split()[1]) / 1024 / 1024
    versions: dict[str, str] = {"python": platform.python_version()}
    from importlib import metadata

    for pkg in ("torch", "sentence-transformers", "chromadb", "bm25s", "langchain-community", "pypdf", "pymupdf"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[pkg] = metadata.version(pkg)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=REPO).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                                text=True, cwd=REPO).stdout.strip())
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
            "ram_gb": ram_gb, "platform": platform.platform(), "versions": versions,
            "commit": commit + ("+uncommitted changes" if dirty else "")}


def median(values: Iterable[float]) -> float:
    return float(statistics.median(list(values)))


def run_benchmarks(args: argparse.Namespace) -> dict[str, Any]:
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    logs = out / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir()
    work = Path(tempfile.mkdtemp(prefix="briefbot-bench-", dir=args.work))
    code = snapshot(work / "code", args.worktree)
    gold = Path(code["dir"]) / "evals" / "gold.jsonl"
    runner = Runner(work, logs, Path(code["dir"]))
    quick = args.quick
    corpus = SAMPLES if quick else CORPUS
    pdfs = sorted(corpus.glob("*.pdf"))  # top level only, the naive pipeline's glob
    if not pdfs:
        raise SystemExit(f"no PDFs at {corpus}")
    res: dict[str, Any] = {
        "mode": "quick" if quick else "full", "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join(["python benchmarks/run.py", *sys.argv[1:]]), "machine": machine(),
        "load_average_start": os.getloadavg(), "corpus": {"dir": str(corpus), "pdfs": len(pdfs)}, "code": code,
    }
    say(f"{res['mode']} run over {len(pdfs)} PDFs in {corpus}; code: {code['source']} {code['commit'][:10]}; "
        f"work dir {work}")
    try:
        # --- 1. cold ingest: briefbot / model alone / naive, alternating -------------------------------------
        pairs = []
        keep_index = None
        for i in range(args.repeats):
            index = work / f"bb-{i}"
            bb = runner.step("ingest_briefbot", f"ingest-briefbot-{i}", paths=[str(p) for p in pdfs],
                             index=str(index))
            alone = runner.step("embed_alone", f"embed-alone-{i}", index=str(index), doc_order=bb.pop("doc_order"))
            pair: dict[str, Any] = {"briefbot": bb, "embed_alone": alone}
            if not quick:
                naive_dir = work / f"naive-{i}"
                pair["naive"] = runner.step("ingest_naive", f"ingest-naive-{i}", pdf_dir=str(corpus),
                                            persist_dir=str(naive_dir))
                if i:
                    shutil.rmtree(naive_dir, ignore_errors=True)
            if keep_index is None:
                keep_index = index
            else:
                shutil.rmtree(index, ignore_errors=True)
            pairs.append(pair)
        assert keep_index is not None
        reingest = runner.step("ingest_briefbot", "reingest", paths=[str(p) for p in pdfs], index=str(keep_index))
        reingest.pop("doc_order", None)
        res["ingest"] = {"pairs": pairs, "reingest": reingest, "cold_of_reingested_index": pairs[0]["briefbot"]}

        # --- 1b. the bulk Council set, cold (issue 13) ----------------------------------------------------------
        if not quick and not args.no_bulk:
            bulk_inputs = [BULK / "xml_en", BULK / "sc_documents_en.jsonl"]
            if all(p.exists() for p in bulk_inputs):
                res["bulk"] = runner.step("ingest_bulk", "ingest-bulk", paths=[str(p) for p in bulk_inputs],
                                          index=str(work / "bulk"))
                shutil.rmtree(work / "bulk", ignore_errors=True)
            else:
                say(f"bulk set not found at {BULK}: step skipped")

        # --- 2. retrieval quality -----------------------------------------------------------------------------
        q_args = {"dataset": str(gold), "source": "pdf", "documents": [p.name for p in pdfs],
                  "limit": 10 if quick else None}
        quality: dict[str, Any] = {"briefbot": runner.step("eval_briefbot", "eval-briefbot", index=str(keep_index),
                                                           detail=str(out / "eval-briefbot.json"), **q_args)}
        if not quick:
            quality["naive"] = runner.step("eval_naive", "eval-naive", persist_dir=str(work / "naive-0"),
                                           detail=str(out / "eval-naive.json"), **q_args)
        res["quality"] = quality

        # --- 3. latency at three scales -----------------------------------------------------------------------
        lat_q = {"dataset": str(gold), "limit": 10 if quick else None}
        base_vectors = pairs[0]["briefbot"]["vectors"]
        scales: list[tuple[str, Path, dict[str, Any]]] = []
        gold_docs = sorted({e["document"] for line in gold.read_text().splitlines() if line.strip()
                            for e in json.loads(line)["expected"] if e.get("document")})
        copies = 3  # --quick: one synthetic index of 3 copies of the samples
        if quick:
            scales.append(("samples", keep_index, {"how": "real index of ingest/samples"}))
        else:
            small = work / "idx-1k"
            built = runner.step("copy_index", "build-1k", src=str(keep_index), dst=str(small), replicas=1,
                                target=1000, prefer=gold_docs)
            scales.append(("1k", small, {"how": "real subset of the 103-PDF index (whole documents, gold ones "
                                                "first)", "build": built}))
            scales.append(("10k", keep_index, {"how": "real 103-PDF index"}))
        sizes = [0] if quick else args.big
        for size in sizes:
            n_copies = copies if quick else max(2, math.ceil(size / base_vectors))
            name = f"{n_copies}x synthetic" if quick else f"{size // 1000}k"
            big = work / f"idx-{name.replace(' ', '')}"
            built = runner.step("copy_index", f"build-synthetic-{name.replace(' ', '')}", src=str(keep_index),
                                dst=str(big), replicas=n_copies, target=n_copies * base_vectors, sigma=0.01)
            scales.append((name, big, {"how": f"SYNTHETIC: the real index copied {n_copies}x (noise σ=0.01 on "
                                              "vectors, distinct text suffixes)", "build": built}))
        # Scales interleaved over rounds (1k, 10k, 100k, 1k, …) so a load spike cannot land on one scale only.
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _, _ in scales}
        for rnd in range(args.rounds):
            for name, index, _ in scales:
                runs[name].append(runner.step("latency", f"latency-{name.replace(' ', '')}-{rnd}", index=str(index),
                                              **lat_q))
        res["latency"] = {name: {**meta, **pool_latency(runs[name])} for name, _, meta in scales}
    finally:
        res["load_average_end"] = os.getloadavg()
        res["finished"] = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"kept indexes in {work}")
    summarise(res)
    return res


def pool_latency(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One scale's rounds: percentiles over the pooled per-query timings, component means averaged."""
    def pooled(key: str) -> list[float]:
        return [x for r in runs for x in r[key]]

    first = runs[0]
    breakdown: dict[str, dict[str, float]] = {}
    for label in first["breakdown_mean_ms"]:
        comps = {c for r in runs for c in r["breakdown_mean_ms"][label]}
        means = {c: statistics.fmean(r["breakdown_mean_ms"][label].get(c, 0.0) for r in runs) for c in comps}
        total = means.pop("total")
        breakdown[label] = {"total": total, **dict(sorted(means.items(), key=lambda kv: -kv[1]))}
    threads = {n: _pcts([x for r in runs for x in r["threads_diagnostic"]["embed_query_by_threads"][n]])
               for n in first["threads_diagnostic"]["embed_query_by_threads"]}
    return {
        "questions": first["questions"], "rounds": len(runs),
        "retrieve": _pcts(pooled("retrieve_ms")), "ask": _pcts(pooled("ask_ms")),
        # The questions that name indexed documents (searched inside them), on their own: issue 13's p95 includes them.
        "retrieve_named": _pcts([x for r in runs for x, n in zip(r["retrieve_ms"], r.get("names_documents") or [],
                                                                    strict=False) if n]),
        "named_questions": sum(first.get("names_documents") or []),
        "retrieve_without_embed": _pcts(pooled("retrieve_without_embed_ms")),
        "ask_without_embed": _pcts(pooled("ask_without_embed_ms")),
        "per_round": [{"retrieve": _pcts(r["retrieve_ms"]), "ask": _pcts(r["ask_ms"]),
                       "load_average": r["process"]["load_average_start"]} for r in runs],
        "breakdown_mean_ms": breakdown,
        "threads_diagnostic": {"default_threads": first["threads_diagnostic"]["default_threads"],
                               "embed_query_by_threads": threads},
        "chroma_count_ms": median(r["chroma_count_ms"] for r in runs),
        **{k: first[k] for k in ("vectors", "documents", "catalog_chunks", "distinct_texts")},
        "raw_rounds": runs,
    }


def summarise(res: dict[str, Any]) -> None:
    """Medians, ratios and target verdicts, from the raw numbers of this run only."""
    ing = res["ingest"]
    pairs = ing["pairs"]
    s: dict[str, Any] = {"repeats": len(pairs)}
    bb = [p["briefbot"] for p in pairs]
    s["briefbot_seconds"] = median(b["seconds"] for b in bb)
    s["model_alone_seconds"] = median(p["embed_alone"]["seconds"] for p in pairs)
    s["model_alone_encode_seconds"] = median(p["embed_alone"]["encode_seconds"] for p in pairs)
    s["ratio_model"] = median(p["briefbot"]["seconds"] / p["embed_alone"]["seconds"] for p in pairs)
    s["ratio_model_encode_only"] = median(p["briefbot"]["seconds"] / p["embed_alone"]["encode_seconds"]
                                          for p in pairs)
    if all("naive" in p for p in pairs):
        s["naive_seconds"] = median(p["naive"]["seconds"] for p in pairs)
        s["ratio_naive"] = median(p["briefbot"]["seconds"] / p["naive"]["seconds"] for p in pairs)
    s["reingest_share"] = ing["reingest"]["seconds"] / ing["cold_of_reingested_index"]["seconds"]
    verdicts = []

    def verdict(key: str, label: str, value: float | None, fmt: str) -> None:
        if value is None:
            return
        target = TARGETS[key]
        verdicts.append({"key": key, "label": label, "target": target, "value": value, "met": value <= target,
                         "fmt": fmt})

    verdict("ingest_ratio_naive", "cold ingest time, briefbot / naive", s.get("ratio_naive"), "{:.2f}×")
    verdict("ingest_ratio_model", "cold ingest time / model alone embedding the same chunks", s["ratio_model"],
            "{:.2f}×")
    verdict("reingest_share", "unchanged re-ingest / cold ingest", s["reingest_share"], "{:.1%}")
    verdict("ingest_peak_rss_mb", "cold ingest peak RSS, process tree summed (MB)",
            median(b.get("tree_peak_rss_sum_mb") or b["self_rss_mb"] for b in bb), "{:,.0f}")
    bulk = res.get("bulk")
    if bulk:
        verdict("bulk_wall_s", "bulk Council set, cold ingest wall time (s)", bulk["process"]["wall_seconds"],
                "{:.0f} s")
        verdict("bulk_peak_rss_mb", "bulk ingest peak RSS, process tree summed (MB)",
                bulk.get("tree_peak_rss_sum_mb") or bulk["self_rss_mb"], "{:,.0f}")
    big = res["latency"].get("100k")
    if big:
        verdict("retrieve_p50_100k_ms", "retrieval p50 at 100k chunks (ms)", big["retrieve"]["p50"], "{:.0f} ms")
        verdict("retrieve_p95_100k_ms", "retrieval p95 at 100k chunks (ms)", big["retrieve"]["p95"], "{:.0f} ms")
        if big.get("retrieve_named", {}).get("n"):
            verdict("retrieve_named_p95_100k_ms", "retrieval p95 at 100k chunks, questions naming documents (ms)",
                    big["retrieve_named"]["p95"], "{:.0f} ms")
    s["verdicts"] = verdicts
    res["summary"] = s


# ================================================================================================= report ==


def _f(v: Any, fmt: str = "{:.1f}") -> str:
    if v is None:
        return "–"
    return fmt.format(v)


def render(res: dict[str, Any]) -> str:
    m = res["machine"]
    s = res["summary"]
    ing = res["ingest"]
    pairs = ing["pairs"]
    quick = res["mode"] == "quick"
    vers = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    L: list[str] = []
    add = L.append
    add("# Benchmark results" + (" (QUICK smoke run — not the reference numbers)" if quick else ""))
    add("")
    code = res.get("code")
    add(f"Produced by `{res['command']}` (started {res['started']}, finished {res['finished']}). "
        + (f"Code under test: the {code['source']} at commit `{code['commit'][:10]}`, copied once at the start and "
           "imported by every step from that copy (others commit while a run takes half an hour)."
           if code else f"Commit `{m['commit']}`."))
    add("")
    add(f"- **Machine:** {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{_f(m['ram_gb'], '{:.1f}')} GB RAM; {m['platform']}")
    add(f"- **Software:** {vers}")
    add(f"- **Load average** (1/5/15 min) at start {', '.join(f'{x:.1f}' for x in res['load_average_start'])}, "
        f"at end {', '.join(f'{x:.1f}' for x in res['load_average_end'])}. The CPU is shared with other jobs and "
        "its speed drifts: read **ratios and medians taken within this run**; absolute seconds are context, "
        "not promises.")
    add(f"- **Corpus:** {res['corpus']['pdfs']} PDFs at the top level of `{_rel(res['corpus']['dir'])}`. "
        "Every step ran in its own child process; peak RSS is that process's `ru_maxrss` (from `os.wait4`).")
    add("")
    add("## Targets")
    add("")
    add("| target | measured | goal | met? |")
    add("|---|---|---|---|")
    for v in s["verdicts"]:
        add(f"| {v['label']} | {v['fmt'].format(v['value'])} | ≤ {v['fmt'].format(v['target'])} | "
            f"{'yes' if v['met'] else '**no**'} |")
    add("")

    # --- ingest ---
    add(f"## 1. Cold ingest ({len(pairs)} alternating pair{'s' if len(pairs) > 1 else ''}, medians)")
    add("")
    bt = pairs[0]["briefbot"].get("torch_threads")
    nt = pairs[0].get("naive", {}).get("torch_threads")
    bs = pairs[0].get("embed_alone", {}).get("batch_size", "?")
    add(f"Fresh temporary index, `embedding_cache=False`, default settings (`embed_batch_size` {bs}, "
        "`parse_workers` 1). Times are measured inside the child around `ingest_paths` / `ingest_naive` (model "
        "load included, interpreter start and imports excluded); the process wall time includes them. Torch "
        "intra-op threads: briefbot uses `Settings.torch_threads`"
        + (f" ({bt})" if bt else "") + " while its parser worker takes another core; the naive pipeline keeps "
        "torch's default of one per core" + (f" ({nt})" if nt else "") + ".")
    add("")
    bbs = [p["briefbot"] for p in pairs]
    nvs = [p["naive"] for p in pairs if "naive" in p]

    def med(rows: list[dict[str, Any]], fn: Callable[[dict[str, Any]], float | None]) -> float | None:
        values = [fn(r) for r in rows]
        return median(v for v in values if v is not None) if rows and None not in values else None

    rows = [
        ("ingest time (s)", lambda r: r["seconds"], "{:.0f}"),
        ("process wall time incl. start-up (s)", lambda r: r["process"]["wall_seconds"], "{:.0f}"),
        ("of which embedding (s)", lambda r: r["embed_seconds"], "{:.0f}"),
        ("pages", lambda r: r["pages"], "{:,.0f}"),
        ("chunks (catalog rows / naive chunks)", lambda r: r["chunks"], "{:,.0f}"),
        ("distinct texts embedded", lambda r: r.get("embedded", r["chunks"]), "{:,.0f}"),
        ("pages/s", lambda r: r["pages"] / r["seconds"], "{:.2f}"),
        ("chunks/s (embedded)", lambda r: r.get("embedded", r["chunks"]) / r["seconds"], "{:.1f}"),
        ("peak RSS, ingest process (MB)", lambda r: r["self_rss_mb"], "{:,.0f}"),
        ("peak RSS, largest child process, e.g. parser worker (MB)", lambda r: r.get("descendant_peak_rss_mb"),
         "{:,.0f}"),
        ("peak RSS of the process tree, summed (MB, sampled)", lambda r: r.get("tree_peak_rss_sum_mb"), "{:,.0f}"),
        ("CPU time, user+sys, reaped tree (s, wait4)",
         lambda r: r["process"]["user_seconds"] + r["process"]["sys_seconds"], "{:.0f}"),
        ("CPU time, user+sys, whole tree incl. parser workers (s, sampled)", lambda r: r.get("tree_cpu_seconds"),
         "{:.0f}"),
        ("load average (1 min) when the step started", lambda r: r["process"].get("load_average_start", [None])[0],
         "{:.1f}"),
    ]
    add("| | briefbot | naive | briefbot / naive |")
    add("|---|---|---|---|")
    for label, fn, fmt in rows:
        a = med(bbs, fn)
        b = None
        with contextlib.suppress(KeyError, TypeError):
            b = med(nvs, fn)
        ratio = f"{a / b:.2f}×" if a and b else "–"
        add(f"| {label} | {_f(a, fmt)} | {_f(b, fmt)} | {ratio} |")
    add("")
    add(f"Files: briefbot {bbs[0]['counts']}"
        + (f"; naive {nvs[0]['files']} files, {nvs[0]['failures']} failed" if nvs else "; naive not run (--quick)")
        + ". " + ("briefbot failures: " + ", ".join(f"{f['path']} ({f['reason']})" for f in bbs[0]["failed"]) + "."
                  if bbs[0]["failed"] else ""))
    add("")
    toks = {k: res["quality"][k].get("index_tokens") for k in ("briefbot", "naive") if k in res.get("quality", {})}
    if toks.get("briefbot"):
        add("**Embedding work** (distinct chunk texts in each index, counted afterwards with the model's tokenizer, "
            "[CLS]/[SEP] included; the model reads at most 256 tokens and truncates the rest):")
        add("")
        add("| | briefbot | naive | briefbot / naive |")
        add("|---|---|---|---|")
        for key, label, fmt in (("texts", "texts embedded", "{:,.0f}"), ("tokens", "tokens", "{:,.0f}"),
                                ("tokens_read", "tokens the model reads (≤ 256 per text)", "{:,.0f}"),
                                ("mean_tokens", "mean tokens per text", "{:.0f}"),
                                ("truncated", "texts longer than 256 tokens", "{:,.0f}")):
            a, b = toks["briefbot"].get(key), (toks.get("naive") or {}).get(key)
            add(f"| {label} | {_f(a, fmt)} | {_f(b, fmt)} | {f'{a / b:.2f}×' if a and b else '–'} |")
        add("")
    alone = pairs[0]["embed_alone"]
    add("**Against the model alone.** The distinct chunk texts of the new index, read back from its catalog "
        f"(`Store.chunks_of` in ingest order), embedded in a fresh process by the same `Embedder` with batch size "
        f"{alone['batch_size']}, in the same groups of ≥ {alone['group_size']} texts the ingest sends per call "
        f"({alone['texts']:,} texts, {alone['groups']} calls):")
    add("")
    add("| | seconds (median) |")
    add("|---|---|")
    add(f"| briefbot cold ingest | {s['briefbot_seconds']:.0f} |")
    add(f"| model alone: load + encode | {s['model_alone_seconds']:.0f} |")
    add(f"| model alone: encode only | {s['model_alone_encode_seconds']:.0f} |")
    add(f"| **ratio ingest / (load + encode)** | **{s['ratio_model']:.2f}×** (target ≤ 1.2×) |")
    add(f"| ratio ingest / encode only | {s['ratio_model_encode_only']:.2f}× |")
    add("")
    if len(pairs) > 1:
        add("Per pair (briefbot s / model alone s / naive s): " + "; ".join(
            f"{p['briefbot']['seconds']:.0f} / {p['embed_alone']['seconds']:.0f} / "
            f"{p['naive']['seconds']:.0f}" if "naive" in p else
            f"{p['briefbot']['seconds']:.0f} / {p['embed_alone']['seconds']:.0f}" for p in pairs) + ".")
        add("")
    re_ = ing["reingest"]
    add(f"**Re-ingest of the unchanged corpus** (same index, same files): {re_['seconds']:.2f} s "
        f"({re_['counts']}), **{s['reingest_share']:.1%}** of that index's cold ingest "
        f"({ing['cold_of_reingested_index']['seconds']:.0f} s; target ≤ 3 %). Process wall time with interpreter "
        f"start-up and imports: {re_['process']['wall_seconds']:.1f} s.")
    add("")

    bulk = res.get("bulk")
    if bulk:
        pr = bulk["process"]
        add(f"**Bulk Council set, cold** (`{_rel(str(BULK))}`: `xml_en/` and `sc_documents_en.jsonl`, fresh index, "
            "`embedding_cache=False`, default settings):")
        add("")
        add("| | value |")
        add("|---|---|")
        add(f"| process wall time incl. start-up | {pr['wall_seconds']:.0f} s ({pr['wall_seconds'] / 60:.1f} min; "
            "target ≤ 10 min) |")
        add(f"| inside `ingest_paths` / of which embedding | {bulk['seconds']:.0f} s / {bulk['embed_seconds']:.0f} s |")
        add(f"| CPU user+sys: reaped tree (wait4) / whole tree incl. parser workers (sampled) | "
            f"{pr['user_seconds'] + pr['sys_seconds']:.0f} s / {_f(bulk.get('tree_cpu_seconds'), '{:.0f}')} s |")
        add(f"| load average (1 min) at start / end | {pr['load_average_start'][0]:.1f} / "
            f"{pr['load_average_end'][0]:.1f} |")
        add(f"| documents / chunks / distinct texts embedded | {bulk['documents']:,} / {bulk['chunks']:,} / "
            f"{bulk['embedded']:,} |")
        add(f"| peak RSS: ingest process / tree summed (sampled) | {bulk['self_rss_mb']:,.0f} MB / "
            f"{_f(bulk.get('tree_peak_rss_sum_mb'), '{:,.0f}')} MB |")
        add(f"| report | {bulk['counts']} |")
        add("")

    # --- quality ---
    q = res["quality"]
    bq = q["briefbot"]["overall"]
    nq = q.get("naive", {}).get("overall")
    add("## 2. Retrieval quality on the gold set")
    add("")
    add(f"`evals/gold.jsonl`, **only the `source == \"pdf\"` questions** ({bq['n']}: {bq['n_answerable']} "
        f"answerable, {bq['n_unanswerable']} unanswerable): the naive pipeline reads only PDFs, so the 16 questions "
        "about the bulk Council records would be unanswerable for it by construction. Both run through "
        "`briefbot.evaluate.run_eval` with the same scoring; briefbot on the index built in step 1, the naive "
        "retriever through `NaiveRetriever.answer_json` on its own index from step 1. One warm-up question first.")
    add("")
    from briefbot.evaluate import METRICS, format_value

    add("| metric | briefbot | naive |")
    add("|---|---|---|")
    for key, label in METRICS.items():
        add(f"| {label} | {format_value(key, bq.get(key))} | {format_value(key, nq.get(key)) if nq else '–'} |")
    add("")
    add("The naive pipeline has **no citations** (its `citations` list is empty, so citation precision and "
        "verbatim quotes have no denominator and `answered with gold citation` is 0) and **never abstains**; its "
        "\"answer\" is the top passage. Its passages carry no paragraph labels, so paragraph hit@5 is 0 for it. "
        "The page metrics (hit@k, MRR, nDCG, recall) are the like-for-like comparison. Latency here is per "
        "question on the full corpus index (briefbot: retrieve + extractive answer; naive: top-k search). "
        f"Per-question detail: `{_rel(str(HERE / 'out'))}/eval-*.json` (not committed).")
    add("")
    add("By kind (page hit@5 / MRR@10):")
    add("")
    kinds = list(q["briefbot"]["by_kind"])
    add("| kind | n | briefbot | naive |")
    add("|---|---|---|---|")
    for k in kinds:
        b = q["briefbot"]["by_kind"][k]
        n = q.get("naive", {}).get("by_kind", {}).get(k)
        add(f"| {k} | {b['n']} | {format_value('hit5', b['hit5'])} / {format_value('mrr10', b['mrr10'])} | "
            + (f"{format_value('hit5', n['hit5'])} / {format_value('mrr10', n['mrr10'])}" if n else "–") + " |")
    add("")

    # --- latency ---
    lat = res["latency"]
    add("## 3. Query latency")
    add("")
    first = next(iter(lat.values()))
    rounds = first.get("rounds", 1)
    add(f"{first['questions']} queries (the gold questions, all sources) per scale after one warm-up question, "
        "sequential, one process per scale and round; "
        + (f"{rounds} rounds with the scales interleaved (so load drift hits all scales alike), percentiles over "
           f"the pooled {rounds} × {first['questions']} timings. " if rounds > 1 else "one round. ")
        + "*retrieve* = `Briefbot.retrieve` (hybrid: embed the query, Chroma "
        "HNSW, bm25, fusion, catalog lookups; k = 10); *ask* = `Briefbot.ask` with the extractive engine "
        "(retrieve + answer). Milliseconds.")
    add("")
    add("| scale | how the index was built | vectors | documents | retrieve p50 | retrieve p95 | ask p50 | ask p95 | "
        "retrieve p50 / p95, questions naming documents (n) | retrieve p50 per round (load avg) |")
    add("|---|---|---|---|---|---|---|---|---|---|")
    for name, r in lat.items():
        per = ", ".join(f"{x['retrieve']['p50']:.0f} ({x['load_average'][0]:.1f})" for x in r.get("per_round", []))
        nm = r.get("retrieve_named") or {}
        named = f"{nm['p50']:.0f} / {nm['p95']:.0f} ({r.get('named_questions', 0)})" if nm.get("n") else "–"
        add(f"| {name} | {r['how']} | {r['vectors']:,} | {r['documents']:,} | {r['retrieve']['p50']:.0f} | "
            f"{r['retrieve']['p95']:.0f} | {r['ask']['p50']:.0f} | {r['ask']['p95']:.0f} | {named} | {per or '–'} |")
    add("")
    diags = {name: _threads(r["threads_diagnostic"]) for name, r in lat.items()}
    counts = sorted({n for d in diags.values() for n in d}, key=int)
    configured = next(iter(lat.values()))["threads_diagnostic"]["default_threads"]
    add("The same queries with the query embedding taken out (instrumented pass: each query's time minus its "
        "`embed_query` call), i.e. the part that grows with the index; and the query embedding alone at 1 torch "
        f"thread and at one per core (up to 30 questions, same process; briefbot is configured for {configured}):")
    add("")
    add("| scale | retrieve − embed p50 | retrieve − embed p95 | ask − embed p50 | ask − embed p95 | "
        + " | ".join(f"embed query p50 / p95, {n} thread{'s' if n != '1' else ''}" for n in counts) + " |")
    add("|---|---|---|---|---|" + "---|" * len(counts))
    for name, r in lat.items():
        d = diags[name]
        add(f"| {name} | {r['retrieve_without_embed']['p50']:.1f} | {r['retrieve_without_embed']['p95']:.1f} | "
            f"{r['ask_without_embed']['p50']:.1f} | {r['ask_without_embed']['p95']:.1f} | "
            + " | ".join(f"{d[n]['p50']:.0f} / {d[n]['p95']:.0f}" if n in d else "–" for n in counts) + " |")
    add("")
    for name, r in lat.items():
        if "build" in r and r["build"]["replicas"] > 1:
            b = r["build"]
            add(f"**The {name} index is synthetic.** Embedding a real 100k-chunk corpus would take about an hour "
                f"on this machine, so the real index of step 1 ({b['vectors'] // b['replicas']:,} vectors) was "
                f"written {b['replicas']} times through briefbot's own `Store` (catalog + Chroma) and lexical index: "
                "copy r > 0 of each document has its own file name and symbol (`…/BENCHr`, so a question naming a "
                "symbol still names one document), every chunk text gets a distinct suffix (`[bench-copy-r]`) and "
                f"its vector Gaussian noise σ = {b['sigma']} per dimension, renormalised (cosine to the original "
                "≈ 0.98). Retrieval runs the real code paths over real-sized structures; only the content is "
                f"repetitive. Build: {b['seconds']:.0f} s (bm25 rebuild {b['lexical_build_seconds']:.0f} s).")
            add("")
    add("Where a query's time goes (instrumented second pass, mean ms per query; wrappers on the instances, "
        "so the p50/p95 above are unaffected):")
    add("")
    names = list(lat)
    for label in ("retrieve", "ask"):
        comps: list[str] = []
        for r in lat.values():
            for c in r["breakdown_mean_ms"][label]:
                if c != "total" and c not in comps:
                    comps.append(c)
        add(f"| {label}: component | " + " | ".join(names) + " |")
        add("|---|" + "---|" * len(names))
        add("| **mean total** | " + " | ".join(f"**{lat[n]['breakdown_mean_ms'][label]['total']:.1f}**"
                                                 for n in names) + " |")
        for c in comps:
            add(f"| {c} | " + " | ".join(_f(lat[n]["breakdown_mean_ms"][label].get(c)) for n in names) + " |")
        add("")
    add("A Chroma `collection.count()` on its own costs " + ", ".join(
        f"{lat[n]['chroma_count_ms']:.1f} ms at {n}" for n in names) + " (briefbot counts once per catalog "
        "version, not per query).")
    add("")
    return "\n".join(L) + "\n"


def _threads(d: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Query-embedding timings by thread count."""
    return dict(d["embed_query_by_threads"])


def _rel(path: str) -> str:
    """A path as seen from the repository root (the shared corpus as ../shared/...)."""
    p = Path(path).resolve()
    if p.is_relative_to(REPO):
        return str(p.relative_to(REPO))
    if p.is_relative_to(REPO.parent):
        return "../" + str(p.relative_to(REPO.parent))
    return str(p)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="samples only, no naive run, small latency set")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="raw results, logs, per-question details")
    parser.add_argument("--repeats", type=int, default=1, help="cold ingest pairs (briefbot, naive), alternating")
    parser.add_argument("--rounds", type=int, default=None,
                        help="latency rounds, scales interleaved (default 2; 1 with --quick)")
    parser.add_argument("--big", type=lambda v: [int(x) for x in v.split(",")], default=[100_000, 300_000],
                        help="vectors in the synthetic large indexes, comma-separated (default 100000,300000)")
    parser.add_argument("--no-bulk", action="store_true", help="skip the cold ingest of the bulk Council set")
    parser.add_argument("--work", type=Path, default=None, help="where temporary indexes go (default: $TMPDIR)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary indexes")
    parser.add_argument("--worktree", action="store_true",
                        help="benchmark the working tree's src/ (uncommitted changes included) instead of HEAD")
    parser.add_argument("--results", type=Path, default=None,
                        help="Markdown report (default: benchmarks/RESULTS.md, or OUT/RESULTS.quick.md with --quick)")
    parser.add_argument("--render", type=Path, default=None, help="only re-render the report from a results JSON")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--args", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        return child_main(args.step, args.args, args.result)
    if args.render:
        res = json.loads(args.render.read_text())
        md_path = args.results or RESULTS_MD
        md_path.write_text(render(res))
        print(md_path)
        return 0
    if args.repeats < 1:
        parser.error("--repeats must be ≥ 1")
    args.rounds = args.rounds or (1 if args.quick else 2)
    res = run_benchmarks(args)
    out = args.out.resolve()
    json_path = out / ("results.quick.json" if args.quick else "results.json")
    md_path = args.results or (out / "RESULTS.quick.md" if args.quick else RESULTS_MD)
    json_path.write_text(json.dumps(res, indent=1, default=str))
    if md_path == RESULTS_MD:  # the committed report gets its raw numbers beside it
        RESULTS_JSON.write_text(json.dumps(res, indent=1, default=str))
    md_path.write_text(render(res))
    say(f"wrote {md_path} and {json_path}")
    for v in res["summary"]["verdicts"]:
        say(f"{'met   ' if v['met'] else 'MISSED'} {v['label']}: {v['fmt'].format(v['value'])} "
            f"(goal ≤ {v['fmt'].format(v['target'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
