"""Whole-process time of a command against a baseline command, alternating A B A B (issue 13: CLI start-up).

    python benchmarks/cli_wall.py -n 5 --a "python -m briefbot.cli --help" --b "/old/venv/bin/briefbot --help"
    python benchmarks/cli_wall.py -n 3 --a "python -m briefbot.cli ask 'Which resolution renewed the Libya Panel \
of Experts?' --index IDX" --b "/old/venv/bin/briefbot ask '…' --index IDX"

Wall time from just before the start to the reaping of the process (interpreter start-up, imports and model load
included); user+system CPU from ``os.wait4``. Output is discarded. Prints min / median / max and the per-pair
ratio A/B, so a machine whose speed drifts during the runs still gives a meaningful ratio. One warm-up run of each
first (warm disk cache, and the compiled bytecode written, as a user's install has it).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", required=True, help="command under test (one string, split like a shell)")
    ap.add_argument("--b", required=True, help="baseline command")
    ap.add_argument("-n", type=int, default=5)
    args = ap.parse_args()
    a, b = shlex.split(args.a), shlex.split(args.b)
    # A user's install keeps compiled bytecode. With PYTHONDONTWRITEBYTECODE set (as in some shells and CI images)
    # a source tree that has never had its bytecode written compiles the ~40 modules a question imports in every
    # run: 2.0 s against 1.4 s for one question here.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    run(a, env)  # the warm-up runs also write the bytecode caches
    run(b, env)
    rows: dict[str, list[float]] = {"A wall": [], "A cpu": [], "B wall": [], "B cpu": [], "A/B wall": []}
    codes = set()
    for _ in range(args.n):
        wa, ca, ra = run(a, env)
        wb, cb, rb = run(b, env)
        codes |= {ra, rb}
        rows["A wall"].append(wa)
        rows["A cpu"].append(ca)
        rows["B wall"].append(wb)
        rows["B cpu"].append(cb)
        rows["A/B wall"].append(wa / wb)
    out = {k: {"min": round(min(v), 3), "median": round(statistics.median(v), 3), "max": round(max(v), 3)}
           for k, v in rows.items()}
    out["exit_codes"] = sorted(codes)  # type: ignore[assignment]
    out["load_avg_end"] = os.getloadavg()  # type: ignore[assignment]
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
