"""Section 3 of run.py (query latency) alone, on indexes that already exist, and A/B between code versions.

run.py rebuilds its synthetic 100k/300k indexes in every run (3 + 9 minutes here); to profile and compare
changes to the query path, build them once and time only the latency step:

    python benchmarks/scale_latency.py base  --src INDEXES/full --dst INDEXES/scale-base
    python benchmarks/scale_latency.py build --src INDEXES/scale-base --dst INDEXES/scale-100k --size 100000
    python benchmarks/scale_latency.py run --index 100k=INDEXES/scale-100k \\
        --code head=f697604 --code new=worktree --rounds 3 --out /tmp/lat.json

``base`` copies the PDF documents of an index (with their vectors, no re-embedding) into a new one: the same
chunks and vectors as run.py's cold ingest of the 103 PDFs, without the ingest. ``build`` makes a synthetic scale
exactly as run.py does (``step_copy_index``, ⌈size / base vectors⌉ copies, σ = 0.01). ``run`` runs run.py's own
latency step (one child process per code version, scale and round), alternating the code versions round by
round so load drift hits each alike, and prints pooled p50/p95 and the ratio of each version to the first.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (the benchmark's own steps and runner)


def _code(dest: Path, rev: str) -> Path:
    """A frozen copy of ``src/`` (a git revision, or ``worktree``) with this directory's run.py beside it."""
    dest.mkdir(parents=True)
    if rev == "worktree":
        shutil.copytree(bench.REPO / "src", dest / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    else:
        archive = subprocess.run(["git", "archive", "--format=tar", rev, "src"], capture_output=True, check=True,
                                 cwd=bench.REPO).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    (dest / "benchmarks").mkdir()
    for name in ("run.py", "naive_pipeline.py"):
        shutil.copy2(HERE / name, dest / "benchmarks" / name)
    return dest


def _runner(work: Path, rev: str = "worktree") -> bench.Runner:
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    return bench.Runner(work, logs, _code(work / f"code-{rev}", rev))


def _vectors(index: Path) -> int:
    import chromadb  # noqa: F401  (imported by Store)

    from briefbot.store import Store

    return int(Store(bench._settings(str(index)), create=False).collection.count())


def cmd_base(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="scale-base-"))
    try:
        out = _runner(work).step("copy_index", "base", src=str(args.src), dst=str(args.dst), replicas=1,
                                 target=10 ** 9, source="pdf")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({k: out[k] for k in ("documents", "vectors", "distinct_texts", "seconds")}))


def cmd_build(args: argparse.Namespace) -> None:
    base_vectors = _vectors(args.src)
    copies = max(2, math.ceil(args.size / base_vectors))  # as run.py's section 3
    work = Path(tempfile.mkdtemp(prefix="scale-build-"))
    try:
        out = _runner(work).step("copy_index", f"build-{args.size}", src=str(args.src), dst=str(args.dst),
                                 replicas=copies, target=copies * base_vectors, sigma=0.01)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({k: out[k] for k in ("documents", "vectors", "distinct_texts", "seconds",
                                          "lexical_build_seconds")}))


def cmd_run(args: argparse.Namespace) -> None:
    scales = [tuple(s.split("=", 1)) for s in args.index]
    codes = [tuple(c.split("=", 1)) for c in args.code]
    work = Path(tempfile.mkdtemp(prefix="scale-run-"))
    try:
        logs = work / "logs"
        logs.mkdir()
        runners = {label: bench.Runner(work, logs, _code(work / f"code-{label}", rev)) for label, rev in codes}
        lat_q = {"dataset": str(bench.GOLD), "limit": args.limit}
        runs: dict[tuple[str, str], list[dict[str, Any]]] = {(c, s): [] for c, _ in codes for s, _ in scales}
        for rnd in range(args.rounds):
            order = codes if rnd % 2 == 0 else codes[::-1]  # ABBA: neither version always runs first
            for name, index in scales:
                for label, _ in order:
                    runs[(label, name)].append(runners[label].step("latency", f"{label}-{name}-{rnd}",
                                                                   index=index, **lat_q))
        pooled = {f"{c}@{s}": bench.pool_latency(r) for (c, s), r in runs.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    res = {"codes": dict(codes), "scales": dict(scales), "rounds": args.rounds,
           "finished": time.strftime("%Y-%m-%dT%H:%M:%S"), "load_average_end": os.getloadavg(),
           "latency": {k: {kk: v for kk, v in p.items() if kk != "raw_rounds"} for k, p in pooled.items()},
           "raw": {k: [{kk: r[kk] for kk in ("retrieve_ms", "ask_ms", "names_documents", "process")} for r in p[
               "raw_rounds"]] for k, p in pooled.items()}}
    if args.out:
        args.out.write_text(json.dumps(res, indent=1, default=str))
    first = codes[0][0]
    print("| code @ scale | retrieve p50 | p95 | named p50 | named p95 (n) | ask p50 | p95 | loads |")
    print("|---|---|---|---|---|---|---|---|")
    for key, p in pooled.items():
        named = p["retrieve_named"]
        loads = ", ".join(f"{r['load_average'][0]:.1f}" for r in p["per_round"])
        print(f"| {key} | {p['retrieve']['p50']:.0f} | {p['retrieve']['p95']:.0f} | {named.get('p50', 0):.0f} | "
              f"{named.get('p95', 0):.0f} ({p['named_questions']}) | {p['ask']['p50']:.0f} | "
              f"{p['ask']['p95']:.0f} | {loads} |")
    for label, _ in codes[1:]:
        for name, _ in scales:
            a, b = pooled[f"{first}@{name}"], pooled[f"{label}@{name}"]
            print(f"{label}/{first} at {name}: retrieve p50 {b['retrieve']['p50'] / a['retrieve']['p50']:.2f}x, "
                  f"p95 {b['retrieve']['p95'] / a['retrieve']['p95']:.2f}x, named p95 "
                  f"{b['retrieve_named']['p95'] / a['retrieve_named']['p95']:.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("base", help="the PDF documents of an index, copied with their vectors")
    p.add_argument("--src", type=Path, required=True)
    p.add_argument("--dst", type=Path, required=True)
    p = sub.add_parser("build", help="a synthetic scale, as run.py builds it")
    p.add_argument("--src", type=Path, required=True, help="the real base index (run.py: the 103-PDF ingest)")
    p.add_argument("--dst", type=Path, required=True)
    p.add_argument("--size", type=int, default=100_000, help="vectors wanted (copies = ceil(size / base))")
    p = sub.add_parser("run", help="run.py's latency step on existing indexes, code versions alternating")
    p.add_argument("--index", action="append", required=True, help="NAME=DIR, repeatable")
    p.add_argument("--code", action="append", default=None,
                   help="LABEL=REV (a git revision or 'worktree'), repeatable; the first is the reference")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--limit", type=int, default=None, help="first N gold questions only")
    p.add_argument("--out", type=Path, default=None, help="pooled results as JSON")
    args = parser.parse_args(argv)
    if args.cmd == "run" and not args.code:
        args.code = ["worktree=worktree"]
    {"base": cmd_base, "build": cmd_build, "run": cmd_run}[args.cmd](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
