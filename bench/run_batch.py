"""Measure ``boilerstrip batch``: throughput per input format and -j, peak memory on a
dump of at least 1 GB, word F1 with and without --site-profile, and --dedup on WCXB.

    python bench/run_batch.py                       # everything, on all 1,497 WCXB pages
    python bench/run_batch.py --limit 100 --only throughput    # a quick look
    python bench/run_batch.py --only rss --big-gb 1.0

Dumps are built once under ``bench/cache/batch/`` (gitignored): an HTML directory, a
JSONL.gz and a WARC.gz of the WCXB development pages, and ``big.warc.gz`` (the pages
repeated until the HTML adds up to ``--big-gb``). ``--site-profile`` is measured on
``bench/cache/site-dump.jsonl.gz`` from ``bench/textdumps.py --site-dump`` (built here if
missing). Each run is the real command line in a subprocess, timed from outside
(start-up included); memory is sampled every 0.1 s over the whole process tree (the
batch process and its workers): the sum of VmRSS, and the sum of PSS (shared pages
split between the processes that share them, so not counted once per worker).

Results go to ``bench/out/batch.json`` and, as Markdown, to stdout.

Data: {credit}
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import wcxb  # noqa: E402

__doc__ = __doc__.format(credit=wcxb.CREDIT)

CACHE = HERE / "cache" / "batch"
OUT = HERE / "out"


# -- dumps ---------------------------------------------------------------------------------


def warc_record(url: str, html: bytes, rid: str) -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(html)) + html
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def build_dumps(limit: int | None, big_gb: float, need_big: bool) -> dict:
    tag = f"n{limit}" if limit else "all"
    base = CACHE / tag
    html_dir, jsonl, warc, big = base / "html", base / "wcxb.jsonl.gz", base / "wcxb.warc.gz", base / f"big-{big_gb:g}gb.warc.gz"
    meta_path = base / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if not (html_dir.is_dir() and jsonl.exists() and warc.exists() and meta.get("docs")):
        base.mkdir(parents=True, exist_ok=True)
        html_dir.mkdir(exist_ok=True)
        n = nbytes = 0
        ids = None
        if limit:
            ids = sorted(p.name[:-5] for p in (wcxb.dataset_dir() / "ground-truth").glob("*.json"))[:limit]
        with gzip.open(jsonl, "wt", encoding="utf-8", compresslevel=6) as jf, open(warc, "wb") as wf:
            for page in wcxb.iter_pages(ids=ids):
                (html_dir / f"{page.file_id}.html").write_bytes(page.html)
                jf.write(json.dumps({"id": page.file_id, "url": page.url,
                                     "html": page.html.decode("utf-8", "replace")}, ensure_ascii=False) + "\n")
                rid = uuid.uuid5(uuid.NAMESPACE_URL, f"{page.file_id}:0")
                wf.write(gzip.compress(warc_record(page.url, page.html, str(rid)), 6, mtime=0))
                n += 1
                nbytes += len(page.html)
        meta = {"docs": n, "html_bytes": nbytes}
        meta_path.write_text(json.dumps(meta))
    if need_big and not meta.get(big.name):
        reps = 0
        total = 0
        docs = 0
        with open(big, "wb") as wf:
            while total < big_gb * 1e9:
                for page in wcxb.iter_pages(ids=ids_of(html_dir)):
                    rid = uuid.uuid5(uuid.NAMESPACE_URL, f"{page.file_id}:{reps}")
                    wf.write(gzip.compress(warc_record(page.url, page.html, str(rid)), 6, mtime=0))
                    total += len(page.html)
                    docs += 1
                reps += 1
        meta[big.name] = {"docs": docs, "html_bytes": total, "file_bytes": big.stat().st_size, "repeats": reps}
        meta_path.write_text(json.dumps(meta))
    return {"html_dir": html_dir, "jsonl": jsonl, "warc": warc, "big": big, "meta": meta}


def ids_of(html_dir: Path) -> list[str]:
    return sorted(p.name[:-5] for p in html_dir.glob("*.html"))


# -- running and sampling ------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    return kids


def _tree(pid: int) -> list[int]:
    kids = _children()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def _mem_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def run(args: list[str], log: Path) -> dict:
    """Run ``boilerstrip batch ARGS``; wall time, exit status, peak RSS/PSS of the tree."""
    cmd = [sys.executable, "-m", "boilerstrip.cli", "batch", *map(str, args)]
    if "-o" in args:  # a run that fails early must not be scored on an earlier run's output
        Path(args[args.index("-o") + 1]).unlink(missing_ok=True)
    peak = {"rss": 0, "pss": 0, "procs": 0}
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0 = os.getloadavg()[0]
    t0 = time.monotonic()
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                pids = _tree(proc.pid)
                rss = pss = 0
                for p in pids:
                    r, s = _mem_kb(p)
                    rss += r
                    pss += s
                peak["rss"] = max(peak["rss"], rss)
                peak["pss"] = max(peak["pss"], pss)
                peak["procs"] = max(peak["procs"], len(pids))
                stop.wait(0.1)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        rc = proc.wait()
        stop.set()
        th.join()
    wall = time.monotonic() - t0
    # 1 is also "some records are errors" (counted): a run without output failed outright
    if rc not in (0, 1) or ("-o" in args and not Path(args[args.index("-o") + 1]).exists()):
        raise SystemExit(f"{' '.join(cmd)} failed (status {rc}, no output); see {log}")
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    return {"cmd": "boilerstrip batch " + " ".join(map(str, args)), "rc": rc, "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 1), "cores_busy": round(cpu / wall, 2),
            "load_before": round(load0, 2), "load_after": round(os.getloadavg()[0], 2),
            "peak_rss_mb": round(peak["rss"] / 1024, 1), "peak_pss_mb": round(peak["pss"] / 1024, 1),
            "processes": peak["procs"]}


def count_records(path: Path) -> tuple[int, int]:
    n = errors = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            n += 1
            errors += json.loads(line)["error"] is not None
    return n, errors


# -- measurements --------------------------------------------------------------------------


def throughput(d: dict, jobs: list[int]) -> list[dict]:
    rows = []
    docs, nbytes = d["meta"]["docs"], d["meta"]["html_bytes"]
    for fmt, src in (("HTML dir", d["html_dir"]), ("JSONL.gz", d["jsonl"]), ("WARC.gz", d["warc"])):
        for j in jobs:
            out = OUT / f"batch-{fmt.split()[0].split('.')[0].lower()}-j{j}.jsonl"
            r = run([src, "-o", out, "-j", j], out.with_suffix(".log"))
            n, errors = count_records(out)
            r.update(format=fmt, jobs=j, docs=n, errors=errors, expected_docs=docs,
                     docs_per_s=round(n / r["wall_s"], 2), mb_per_s=round(nbytes / 1e6 / r["wall_s"], 2))
            print(f"  {fmt:9} -j {j}: {r['docs_per_s']} docs/s, {r['mb_per_s']} MB/s, {r['wall_s']}s, "
                  f"{r['cores_busy']} cores busy (load {r['load_before']}), errors {errors}, "
                  f"peak RSS {r['peak_rss_mb']} MB (PSS {r['peak_pss_mb']} MB)", file=sys.stderr)
            rows.append(r)
    return rows


def rss_big(d: dict, jobs: int) -> dict:
    big = d["big"]
    info = d["meta"][big.name]
    out = OUT / "batch-big.jsonl"
    r = run([big, "-o", out, "-j", jobs], OUT / "batch-big.log")
    n, errors = count_records(out)
    r.update(jobs=jobs, docs=n, errors=errors, html_gb=round(info["html_bytes"] / 1e9, 3),
             file_gb=round(info["file_bytes"] / 1e9, 3), repeats=info["repeats"],
             docs_per_s=round(n / r["wall_s"], 2), mb_per_s=round(info["html_bytes"] / 1e6 / r["wall_s"], 2))
    print(f"  big dump ({r['html_gb']} GB of HTML, {r['file_gb']} GB on disk): peak RSS {r['peak_rss_mb']} MB, "
          f"PSS {r['peak_pss_mb']} MB, {r['docs_per_s']} docs/s", file=sys.stderr)
    os.unlink(out)  # large and of no further use
    return r


def mean_f1(out: Path, targets: dict[str, tuple[str, str]]) -> dict:
    by_kind: dict[str, list[float]] = {}
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            target, kind = targets[rec["id"]]
            f1 = wcxb.prf(rec["text"] or "", target)[2]
            by_kind.setdefault("all", []).append(f1)
            by_kind.setdefault(kind, []).append(f1)
    return {k: {"pages": len(v), "f1": round(sum(v) / len(v), 4)} for k, v in sorted(by_kind.items())}


def site_profile(jobs: int, limit: int | None) -> dict:
    dump = HERE / "cache" / "site-dump.jsonl.gz"
    if not dump.exists():
        cmd = [sys.executable, str(HERE / "textdumps.py"), "--site-dump", str(dump)]
        subprocess.run(cmd, check=True)
    targets = {}
    with gzip.open(dump, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            targets[rec["id"]] = (rec["target"], rec.get("kind", "all"))
    res = {"dump": str(dump.relative_to(ROOT)), "pages": len(targets)}
    for name, extra in (("without", []), ("with", ["--site-profile", "--profile-out", OUT / "batch-site-profile.json.gz"])):
        out = OUT / f"batch-site-{name}.jsonl"
        r = run([dump, "-o", out, "-j", jobs, *extra], OUT / f"batch-site-{name}.log")
        r["f1"] = mean_f1(out, targets)
        res[name] = r
        print(f"  site dump {name} --site-profile: F1 {r['f1']}, {r['wall_s']}s", file=sys.stderr)
    with gzip.open(OUT / "batch-site-profile.json.gz", "rt") as fh:
        prof = json.load(fh)["sites"]
    res["profile_sites"] = len(prof)
    res["profile_blocks"] = sum(len(v["blocks"]) for v in prof.values())
    return res


def dedup(d: dict, jobs: int) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from boilerstrip.batch.dedup import shingle_bytes
    import numpy as np

    out = OUT / "batch-dedup.jsonl"
    r = run([d["jsonl"], "-o", out, "-j", jobs, "--dedup"], OUT / "batch-dedup.log")
    recs = {}
    pairs = []
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            recs[rec["id"]] = rec
            if rec.get("duplicate_of"):
                pairs.append((rec["duplicate_of"], rec["id"]))
    lines = [f"# --dedup pairs on the WCXB dev pages ({len(pairs)} flagged)", "", f"Data: {wcxb.CREDIT}", ""]
    checked = []
    for a, b in pairs:
        ra, rb = recs[a], recs[b]
        sa = np.frombuffer(shingle_bytes(ra["text"]), dtype=np.uint32)
        sb = np.frombuffer(shingle_bytes(rb["text"]), dtype=np.uint32)
        inter = np.intersect1d(sa, sb).size
        jac = inter / max(1, sa.size + sb.size - inter)
        checked.append({"first": a, "duplicate": b, "jaccard": round(jac, 3), "url_first": ra["url"], "url_duplicate": rb["url"]})
        lines += [f"## {b} -> {a} (Jaccard {jac:.3f})", "", f"- {ra['url']}", f"- {rb['url']}", "",
                  "First seen:", "", "> " + ra["text"][:400].replace("\n", " "), "",
                  "Duplicate:", "", "> " + rb["text"][:400].replace("\n", " "), ""]
    (OUT / "batch-dedup-pairs.md").write_text("\n".join(lines), encoding="utf-8")
    r.update(flagged=len(pairs), pairs=checked)
    print(f"  --dedup on {len(recs)} pages: {len(pairs)} flagged (see bench/out/batch-dedup-pairs.md)", file=sys.stderr)
    return r


def markdown(res: dict) -> str:
    lines = []
    if "throughput" in res:
        lines += ["| format | -j | docs | errors | docs/s | MB/s | wall (s) | CPU (s) | cores busy | load avg | peak RSS (MB) | peak PSS (MB) |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in res["throughput"]:
            lines.append(f"| {r['format']} | {r['jobs']} | {r['docs']} | {r['errors']} | {r['docs_per_s']} | {r['mb_per_s']} | "
                         f"{r['wall_s']} | {r['cpu_s']} | {r['cores_busy']} | {r['load_before']} | "
                         f"{r['peak_rss_mb']} | {r['peak_pss_mb']} |")
        by = {(r["format"], r["jobs"]): r["docs_per_s"] for r in res["throughput"]}
        for fmt in ("HTML dir", "JSONL.gz", "WARC.gz"):
            if (fmt, 1) in by and (fmt, 2) in by:
                lines.append(f"\n{fmt}: -j 2 / -j 1 = {by[(fmt, 2)] / by[(fmt, 1)]:.2f}x")
    if "rss" in res:
        r = res["rss"]
        lines += ["", f"Big dump: {r['docs']} documents, {r['html_gb']} GB of HTML ({r['file_gb']} GB as WARC.gz, "
                      f"the pages {r['repeats']} times), -j {r['jobs']}: peak RSS {r['peak_rss_mb']} MB summed over "
                      f"{r['processes']} processes (PSS {r['peak_pss_mb']} MB), {r['docs_per_s']} docs/s, "
                      f"{r['mb_per_s']} MB/s, {r['wall_s']} s."]
    if "site_profile" in res:
        s = res["site_profile"]
        lines += ["", f"Site profile on {s['dump']} ({s['pages']} pages; {s['profile_sites']} sites got a profile, "
                      f"{s['profile_blocks']} blocks):", "", "| pages | word F1 without | word F1 with |", "|---|---|---|"]
        for k in s["without"]["f1"]:
            lines.append(f"| {k} ({s['without']['f1'][k]['pages']}) | {s['without']['f1'][k]['f1']} | {s['with']['f1'][k]['f1']} |")
    if "dedup" in res:
        d = res["dedup"]
        lines += ["", f"--dedup on the WCXB pages: {d['flagged']} documents flagged; pairs in bench/out/batch-dedup-pairs.md"]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="first N WCXB pages only (quick runs)")
    ap.add_argument("--only", default="throughput,rss,profile,dedup",
                    help="comma-separated: throughput, rss, profile, dedup")
    ap.add_argument("--jobs", default="1,2", help="-j values for the throughput runs")
    ap.add_argument("--big-gb", type=float, default=1.0, help="HTML size of the big dump (GB)")
    args = ap.parse_args()
    only = set(args.only.split(","))
    OUT.mkdir(parents=True, exist_ok=True)
    d = build_dumps(args.limit, args.big_gb, need_big="rss" in only)
    res: dict = {"credit": wcxb.CREDIT, "cores": len(os.sched_getaffinity(0)), "limit": args.limit,
                 "dumps": {k: str(v) for k, v in d.items() if k != "meta"}, "meta": d["meta"]}
    jobs = [int(j) for j in args.jobs.split(",")]
    if "throughput" in only:
        res["throughput"] = throughput(d, jobs)
    if "rss" in only:
        res["rss"] = rss_big(d, max(jobs))
    if "profile" in only:
        res["site_profile"] = site_profile(max(jobs), args.limit)
    if "dedup" in only:
        res["dedup"] = dedup(d, max(jobs))
    name = "batch.json" if args.only == ap.get_default("only") and not args.limit else f"batch-{'-'.join(sorted(only))}{'-n%d' % args.limit if args.limit else ''}.json"
    (OUT / name).write_text(json.dumps(res, indent=1, ensure_ascii=False))
    print(markdown(res))
    print(f"\n(results in bench/out/{name}; data: {wcxb.CREDIT})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
