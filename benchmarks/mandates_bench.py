"""Mandate tracker benchmark: building the mandate index from a catalog, and the latency of its queries.

    python benchmarks/mandates_bench.py --index /path/to/index            # copies the catalog, never writes there
    python benchmarks/mandates_bench.py --index DIR --rounds 5

Targets (issue #10): the whole bulk set (1,543 resolutions) built in <= 60 s, a track view <= 200 ms.

What is measured, on a copy of the index's ``catalog.sqlite`` (the index itself is only read):

* **full build**: ``MandateIndex.update(force=True)``: every resolution re-parsed from its XML, every paragraph
  tagged, references and track memberships found, every track's renewals aligned. Wall and process CPU seconds
  (the CPU figure is what the build costs on an idle machine; the wall figure includes waiting for a shared CPU),
  and the load average at the start.
* **no-op update**: the catalog unchanged, ``update()`` must return at once.
* **incremental**: one resolution's row is deleted from the mandate cache and the catalog version bumped in the
  copy: only that resolution is read again.
* **track view** per track, in a fresh ``MandateIndex`` each round (nothing memoised): ``track(slug)`` with all
  themes, and with ``--changes`` data (always included); p50 and max over rounds, and the slowest track.
* **trends** over all resolutions and **refs** of a resolution, cold.

Results: a Markdown summary on stdout and ``benchmarks/out/mandates.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _timed(fn: Any) -> tuple[Any, float, float]:
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, required=True, help="An ingested index directory (read only).")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "mandates.json")
    args = ap.parse_args()

    from briefbot.config import Settings
    from briefbot.mandates import open_mandates
    from briefbot.store import Store

    settings = Settings(index=args.index)
    src = Path(settings.index) / settings.collection_name() / "catalog.sqlite"
    if not src.is_file():
        sys.exit(f"no catalog at {src}")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Settings(index=Path(tmp) / "index")
        dst = Path(copy.index) / copy.collection_name()
        dst.mkdir(parents=True)
        import sqlite3

        sqlite3.connect(src).backup(sqlite3.connect(dst / "catalog.sqlite"))  # consistent copy of a WAL database
        store = Store(copy, create=False)
        cache = Path(tmp) / "mandates.sqlite"
        load = os.getloadavg()[0]
        idx = open_mandates(store, cache=cache)
        report, wall, cpu = _timed(lambda: idx.update(force=True))
        result: dict[str, Any] = {"resolutions": report.resolutions, "load_avg_1min": round(load, 2),
                                  "full_build_s": round(wall, 2), "full_build_cpu_s": round(cpu, 2)}
        _, wall, _ = _timed(idx.update)
        result["noop_update_ms"] = round(wall * 1000, 2)
        db = sqlite3.connect(cache)
        victim = db.execute("SELECT doc_id FROM resolutions ORDER BY date DESC LIMIT 1").fetchone()[0]
        db.execute("DELETE FROM resolutions WHERE doc_id = ?", (victim,))
        db.execute("UPDATE meta SET value = '-1' WHERE key = 'catalog_version'")
        db.commit()
        rep, wall, cpu = _timed(idx.update)
        result["incremental"] = {"read": rep.read, "seconds": round(wall, 2), "cpu_s": round(cpu, 2)}
        views: dict[str, list[float]] = {}
        cpus: list[float] = []
        for _ in range(args.rounds):
            fresh = open_mandates(store, cache=cache)
            for t in fresh.book.tracks:
                _, wall, cpu = _timed(lambda t=t, fresh=fresh: fresh.track(t.slug))
                views.setdefault(t.slug, []).append(wall * 1000)
                cpus.append(cpu * 1000)
        all_ms = [ms for v in views.values() for ms in v]
        slowest = max(views, key=lambda k: statistics.median(views[k]))
        result["track_view_ms"] = {"p50": round(statistics.median(all_ms), 1), "max": round(max(all_ms), 1),
                                   "slowest_track": slowest, "cpu_p50": round(statistics.median(cpus), 1),
                                   "cpu_max": round(max(cpus), 1),
                                   "slowest_p50": round(statistics.median(views[slowest]), 1),
                                   "per_track_p50": {k: round(statistics.median(v), 1) for k, v in views.items()}}
        fresh = open_mandates(store, cache=cache)
        _, wall, _ = _timed(fresh.trends)
        result["trends_ms"] = round(wall * 1000, 1)
        _, wall, _ = _timed(lambda: fresh.refs("S/RES/2374 (2017)"))
        result["refs_ms"] = round(wall * 1000, 1)
        store.close()
        idx.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    tv = result["track_view_ms"]
    build = f"{result['full_build_s']} s / {result['full_build_cpu_s']} s (load {result['load_avg_1min']})"
    view = f"{tv['p50']} / {tv['max']} ms (slowest: {tv['slowest_track']}, p50 {tv['slowest_p50']} ms)"
    print(f"""# Mandate tracker benchmark

| measure | value | target |
|---|---|---|
| resolutions | {result['resolutions']} | 1,543 |
| full build (wall / CPU) | {build} | <= 60 s |
| no-op update | {result['noop_update_ms']} ms | |
| incremental (1 resolution) | {result['incremental']['read']} read in {result['incremental']['seconds']} s | |
| track view p50 / max (wall) | {view} | <= 200 ms |
| track view p50 / max (CPU) | {tv['cpu_p50']} / {tv['cpu_max']} ms | |
| trends (all resolutions, cold) | {result['trends_ms']} ms | |
| refs (cold) | {result['refs_ms']} ms | |
""")


if __name__ == "__main__":
    main()
