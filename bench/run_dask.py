"""Throughput of ``boilerstrip batch --engine dask`` (a LocalCluster of N worker processes)
against the local engine (-j N), on the same dump, in one run.

    python bench/run_dask.py [--dump bench/cache/batch/all/html] [--workers 2]

The dump defaults to the HTML directory of the WCXB development pages that
bench/run_batch.py builds (1,497 files: 24 partitions of 64 files for Dask). Each run is
the real command line in a subprocess, timed from outside (start-up, and for Dask the
cluster's start-up, included).

Data: WCXB v1.0 by Murrough Foley, CC-BY-4.0 (see bench/wcxb.py).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default=str(HERE / "cache/batch/all/html"))
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    docs = sum(1 for p in Path(a.dump).rglob("*") if p.is_file())
    exe = [sys.executable, "-m", "boilerstrip.cli", "batch", a.dump, "-q"]
    with tempfile.TemporaryDirectory() as tmp:
        rows = {
            f"local -j {a.workers}": timed(exe + ["-o", f"{tmp}/local.jsonl", "-j", str(a.workers)]),
            f"dask LocalCluster ({a.workers} workers)": timed(
                exe + ["-o", f"{tmp}/shards", "--engine", "dask"]),
        }
    print(f"| engine | documents | seconds | docs/s |\n|---|---|---|---|")
    for name, sec in rows.items():
        print(f"| {name} | {docs} | {sec:.1f} | {docs / sec:.1f} |")
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "dask.json").write_text(json.dumps({"docs": docs, "seconds": rows}, indent=1))


if __name__ == "__main__":
    main()
