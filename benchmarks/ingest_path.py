"""Where a cold PDF ingest spends its time, code versions side by side on one subset of the corpus.

    python benchmarks/ingest_path.py --code old=2259720 --code head=HEAD --code branch=worktree \\
        --pdfs 22 --rounds 2 --out OUT_DIR

Each ``--code LABEL=REV`` is a git revision (``worktree``: the working tree, uncommitted changes included) whose
``src/`` is copied once; every run imports briefbot from its copy in a fresh child process. Rounds alternate the
versions (A B C A B C …) so a load change on this shared machine hits all of them; compare ratios within a round.

Per run: wall time of the child process and user+sys CPU of its whole process tree (``os.wait4`` for what the
child reaps, plus the parser workers sampled from /proc, as run.py does), seconds inside ``ingest_paths`` and its
embedding calls, and every model call (texts, threads asked for, seconds, offset from the start). One more child
per version and round encodes the same distinct texts, grouped as that ingest grouped them, with the model alone
(run.py's ``embed_alone`` step). Identity: a digest of every document's chunk texts in order (must be equal across
versions that should index the same passages) and, per version, the vectors keyed by text hash, compared with the
first version's (minimum cosine, largest element difference).

``--pdfs N`` takes a reproducible subset: the scanned PDFs (pages without a text layer, per MANIFEST.csv), the
largest reports by pages, then every k-th of the rest, N in all; ``--pdfs FILE`` reads paths one per line.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus"


def subset(n: int, corpus: Path = CORPUS, largest: int = 4) -> list[Path]:
    """Scans + the largest reports + an even spread of the rest: ``n`` PDFs, the same ones every time."""
    rows = [r for r in csv.DictReader((corpus / "MANIFEST.csv").open()) if r["file"].endswith(".pdf")
            and (corpus / r["file"]).is_file()]
    scans = sorted(r["file"] for r in rows if int(r["empty_text_pages"] or 0) >= int(r["pages"] or 0) > 0)
    big = [r["file"] for r in sorted(rows, key=lambda r: -int(r["pages"] or 0)) if r["file"] not in scans][:largest]
    rest = sorted(r["file"] for r in rows if r["file"] not in scans and r["file"] not in big)
    want = max(0, n - len(scans) - len(big))
    step = max(1, len(rest) // want) if want else 1
    pick = sorted({*scans, *big, *rest[::step][:want]})[:n]
    return [corpus / f for f in pick]


# ================================================================================================ children ==


def child_ingest(a: dict[str, Any]) -> dict[str, Any]:
    """One cold ingest with every model call recorded; then the chunk-text digest and the vectors by text hash."""
    import numpy as np

    from briefbot.config import Settings
    from briefbot.embed import Embedder
    from briefbot.ingest import ingest_paths
    from briefbot.store import Store

    calls: list[dict[str, Any]] = []
    start = time.perf_counter()
    original = Embedder.embed_documents

    def recorded(self: Any, texts: list[str], *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        out = original(self, texts, *args, **kwargs)
        threads = kwargs.get("threads", args[0] if args else None)
        calls.append({"texts": len(texts), "threads": threads or getattr(self, "threads", None),
                      "at": t0 - start, "seconds": time.perf_counter() - t0})
        return out

    Embedder.embed_documents = recorded  # type: ignore[method-assign]
    settings = Settings(index=Path(a["index"]), embedding_cache=False)
    report = ingest_paths([Path(p) for p in a["paths"]], settings)
    seconds = time.perf_counter() - start
    store = Store(settings, create=False)
    digest = hashlib.sha256()
    docs = sorted(d.doc_id for d in store.documents())
    for doc_id in docs:
        digest.update(doc_id.encode() + b"\0")
        for c in store.chunks_of(doc_id):
            digest.update(c.text.encode() + b"\1")
    got = store.collection.get(include=["embeddings"])
    order = sorted(range(len(got["ids"])), key=lambda i: got["ids"][i])
    np.save(a["vectors"], np.asarray([got["embeddings"][i] for i in order], dtype=np.float32))
    Path(a["vectors"]).with_suffix(".ids.json").write_text(json.dumps([got["ids"][i] for i in order]))
    return {"seconds": seconds, "ingest_seconds": report.seconds, "embed_seconds": report.embed_seconds,
            "embedded": report.embedded, "pages": report.pages, "counts": report.counts(), "documents": len(docs),
            "chunk_digest": digest.hexdigest()[:16], "calls": calls,
            "doc_order": [r.doc_id for r in report.results if r.doc_id and r.status in ("ingested", "replaced")]}


def child_main(step: str, args_path: Path, result_path: Path) -> int:
    sys.path.insert(0, str(HERE))
    from run import STEPS, _TreeSampler  # run.py beside this file: the model-alone step and the /proc sampler

    a = json.loads(args_path.read_text())
    fn = child_ingest if step == "ingest" else STEPS[step]
    with _TreeSampler() as sampler:
        out = fn(a)
    own = os.times()
    hz = os.sysconf("SC_CLK_TCK")
    out["tree_cpu_seconds"] = own.user + own.system + sum(
        t for pid, t in sampler.cpu_ticks.items() if pid != os.getpid()) / hz
    out["descendant_cpu_seconds"] = {sampler.cmd.get(pid, "?")[-60:]: t / hz for pid, t in sampler.cpu_ticks.items()
                                     if pid != os.getpid()}
    result_path.write_text(json.dumps(out, default=str))
    return 0


# ================================================================================================== parent ==


def snapshot(rev: str, dest: Path) -> str:
    """``src/`` of ``rev`` (or of the working tree) and this folder's scripts into ``dest``; returns the commit."""
    dest.mkdir(parents=True)
    if rev == "worktree":
        shutil.copytree(REPO / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        commit = "worktree@" + subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                              cwd=REPO).stdout.strip()
    else:
        commit = subprocess.run(["git", "rev-parse", "--short", rev], capture_output=True, text=True, check=True,
                                cwd=REPO).stdout.strip()
        tar = subprocess.run(["git", "archive", "--format=tar", commit, "src"], capture_output=True, check=True,
                             cwd=REPO).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=tar, check=True)
    (dest / "benchmarks").mkdir()
    for name in ("run.py", "naive_pipeline.py", "ingest_path.py"):
        shutil.copy2(HERE / name, dest / "benchmarks" / name)
    return commit


def run_child(code: Path, step: str, args: dict[str, Any], work: Path, tag: str) -> dict[str, Any]:
    args_path, result_path, log_path = (work / f"{tag}.{x}" for x in ("args.json", "result.json", "log"))
    args_path.write_text(json.dumps(args))
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    env.update(PYTHONPATH=str(code / "src"), BRIEFBOT_CONFIG=str(work / "no-briefbot.toml"), HF_HUB_OFFLINE="1",
               TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", ORT_DISABLE_TELEMETRY="1",
               TOKENIZERS_PARALLELISM="false")
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    with log_path.open("w") as log:
        proc = subprocess.Popen([sys.executable, str(code / "benchmarks" / "ingest_path.py"), "--step", step,
                                 "--args", str(args_path), "--result", str(result_path)], stdout=log,
                                stderr=subprocess.STDOUT, env=env, cwd=REPO)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{tag} failed; log {log_path}:\n{log_path.read_text()[-3000:]}")
    out: dict[str, Any] = json.loads(result_path.read_text())
    out.update(wall_seconds=wall, reaped_cpu_seconds=usage.ru_utime + usage.ru_stime, load_start=load,
               load_end=os.getloadavg()[0], peak_rss_mb=usage.ru_maxrss / 1024)
    return out


def vector_diff(a: Path, b: Path) -> dict[str, Any]:
    import numpy as np

    ids_a, ids_b = (json.loads(p.with_suffix(".ids.json").read_text()) for p in (a, b))
    if ids_a != ids_b:
        return {"same_ids": False, "only_first": len(set(ids_a) - set(ids_b)),
                "only_second": len(set(ids_b) - set(ids_a))}
    va, vb = np.load(a), np.load(b)
    cos = (va * vb).sum(1) / (np.linalg.norm(va, axis=1) * np.linalg.norm(vb, axis=1))
    return {"same_ids": True, "vectors": len(ids_a), "identical": bool((va == vb).all()),
            "min_cosine": float(cos.min()), "max_abs_diff": float(np.abs(va - vb).max())}


def threads_summary(calls: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for c in calls:
        row = out.setdefault(str(c["threads"]), {"calls": 0, "texts": 0, "seconds": 0.0})
        row["calls"] += 1
        row["texts"] += c["texts"]
        row["seconds"] += c["seconds"]
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--code", action="append", default=[], help="LABEL=REV (git revision or 'worktree'); repeatable")
    p.add_argument("--pdfs", default="22", help="N (a reproducible subset of the corpus) or a file of paths")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--no-alone", action="store_true", help="skip the model-alone child")
    p.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "ingest-path")
    p.add_argument("--step", help=argparse.SUPPRESS)
    p.add_argument("--args", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.step:
        return child_main(args.step, args.args, args.result)
    pdfs = subset(int(args.pdfs)) if args.pdfs.isdigit() else [Path(x) for x in Path(args.pdfs).read_text().split()]
    versions = [tuple(c.split("=", 1)) for c in args.code] or [("head", "HEAD")]
    work = Path(tempfile.mkdtemp(prefix="ingest-path-"))
    args.out.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"command": " ".join(["python benchmarks/ingest_path.py", *sys.argv[1:]]),
                           "pdfs": [x.name for x in pdfs], "load_start": os.getloadavg(), "versions": {}, "runs": []}
    try:
        codes = {}
        for label, rev in versions:
            codes[label] = work / f"code-{label}"
            res["versions"][label] = snapshot(rev, codes[label])
        print(f"{len(pdfs)} PDFs; versions {res['versions']}; work {work}", flush=True)
        for rnd in range(args.rounds):
            for label, _ in versions:
                tag = f"r{rnd}-{label}"
                index = work / f"idx-{tag}"
                run = run_child(codes[label], "ingest", {"index": str(index), "paths": [str(x) for x in pdfs],
                                                         "vectors": str(args.out / f"vectors-{label}.npy")}, work, tag)
                run.update(round=rnd, version=label, threads=threads_summary(run["calls"]))
                if not args.no_alone:
                    alone = run_child(codes[label], "embed_alone", {"index": str(index), "doc_order": run["doc_order"]},
                                      work, tag + "-alone")
                    run["alone"] = {k: alone[k] for k in ("seconds", "encode_seconds", "load_seconds", "texts",
                                                          "groups", "tree_cpu_seconds", "wall_seconds", "load_start")}
                run.pop("doc_order")
                shutil.rmtree(index, ignore_errors=True)
                res["runs"].append(run)
                alone_s = run.get("alone", {}).get("seconds")
                print(f"{tag}: wall {run['wall_seconds']:.1f} s, ingest {run['ingest_seconds']:.1f} s, embed "
                      f"{run['embed_seconds']:.1f} s, tree CPU {run['tree_cpu_seconds']:.1f} s, load "
                      f"{run['load_start']:.1f}; alone {alone_s or 0:.1f} s; digest {run['chunk_digest']}; "
                      f"threads {run['threads']}", flush=True)
        first = versions[0][0]
        res["vectors_vs_" + first] = {label: vector_diff(args.out / f"vectors-{first}.npy",
                                                         args.out / f"vectors-{label}.npy")
                                      for label, _ in versions[1:]}
        res["median"] = {label: {k: statistics.median(r[k] for r in res["runs"] if r["version"] == label)
                                 for k in ("wall_seconds", "ingest_seconds", "embed_seconds", "tree_cpu_seconds")}
                         for label, _ in versions}
    finally:
        res["load_end"] = os.getloadavg()
        (args.out / "results.json").write_text(json.dumps(res, indent=1, default=str))
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({k: res[k] for k in res if k.startswith(("vectors_vs", "median"))}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
