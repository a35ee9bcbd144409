"""HTML benchmark: boilerstrip against trafilatura, readability, jusText and resiliparse
on the WCXB development split, in one process, over the same pages.

    python bench/run_html.py [--limit N] [--per-type N] [--ids ID ...] [--types article,forum]
                             [--systems boilerstrip,trafilatura,...] [--out docs/benchmark.md]
                             [--dump bench/out/html-results.jsonl] [--dump-text]
    python bench/run_html.py --from-dump bench/out/html-results.jsonl [--out FILE]
    python bench/run_html.py --compare bench/out/a.jsonl bench/out/b.jsonl [--system NAME]

See bench/README.md for what the columns mean and how timing is done.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shlex
import signal
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import peers  # noqa: E402
import wcxb  # noqa: E402

TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


# --------------------------------------------------------------------------- running

class CallTimeout(BaseException):
    """Raised by the alarm inside a call that ran too long. A BaseException so that a
    library's own ``except Exception`` cannot swallow it."""


def _on_alarm(signum, frame):
    raise CallTimeout()


def select_pages(args) -> list[wcxb.Page]:
    types = set(args.types.split(",")) if args.types else None
    if types and not types <= set(TYPES):
        raise SystemExit(f"unknown page type(s): {', '.join(sorted(types - set(TYPES)))}")
    pages, per_type = [], {}
    for page in wcxb.iter_pages(ids=args.ids or None):
        if types and page.page_type not in types:
            continue
        if args.per_type:
            if per_type.get(page.page_type, 0) >= args.per_type:
                continue
            per_type[page.page_type] = per_type.get(page.page_type, 0) + 1
        pages.append(page)
        if args.limit and len(pages) >= args.limit:
            break
    return pages


def _call(system: peers.System, html: str, url: str, timeout: float):
    """Run one system on one page: (text, ms, error). Only the extract call is timed."""
    if timeout:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        out = system.extract(html, url)
        err = None
    except CallTimeout:
        out, err = None, f"timeout after {timeout:g}s"
    except Exception as exc:  # a failure for this page, counted
        out, err = None, f"{type(exc).__name__}: {exc}"[:300]
    finally:
        ms = (time.perf_counter() - t0) * 1000.0
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
    if err is None:
        out = out or ""  # trafilatura returns None when it finds nothing: empty, not a failure
        if not isinstance(out, str):
            out, err = "", f"returned {type(out).__name__}, not str"
        elif system.post:
            out = system.post(out)
    return out or "", ms, err


def run(pages: list[wcxb.Page], systems: list[peers.System], *, warmup: int, timeout: float,
        keep_text: bool, progress: bool = True) -> list[dict]:
    if timeout and hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _on_alarm)
    else:
        timeout = 0
    # Warm-up: import-time work, lazy caches and first-call costs stay out of the timings.
    for page in pages[:warmup]:
        html = page.html.decode("utf-8", errors="replace")
        for system in systems:
            _call(system, html, page.url, timeout)
    records = []
    n_sys = len(systems)
    t_start = time.perf_counter()
    for i, page in enumerate(pages):
        html = page.html.decode("utf-8", errors="replace")
        # Interleave: every system on this page before the next page, starting with a
        # different system on each page so no system always runs first or after another.
        order = [systems[(i + k) % n_sys] for k in range(n_sys)]
        for system in order:
            text, ms, err = _call(system, html, page.url, timeout)
            if err is None:
                p, r, f1 = wcxb.prf(text, page.main_content)
                wf, wt, wl, wot = wcxb.snippets(text, page)
            else:  # a failure scores as empty output, F1 0
                p = r = f1 = 0.0
                _, wt, _, wot = wcxb.snippets("", page)
                wf = wl = 0
            rec = {
                "file_id": page.file_id, "page_type": page.page_type, "system": system.name,
                "p": round(p, 6), "r": round(r, 6), "f1": round(f1, 6),
                "with_found": wf, "with_total": wt, "without_leaked": wl, "without_total": wot,
                "ms": round(ms, 4), "chars": len(text), "error": err,
            }
            if keep_text:
                rec["text"] = text
            records.append(rec)
        if progress and ((i + 1) % 50 == 0 or i + 1 == len(pages)):
            el = time.perf_counter() - t_start
            print(f"  {i + 1}/{len(pages)} pages, {el:.0f}s", file=sys.stderr, flush=True)
    order = {s.name: k for k, s in enumerate(systems)}
    records.sort(key=lambda r: (r["file_id"], order[r["system"]]))
    return records


# --------------------------------------------------------------------------- aggregating

def _stats(recs: list[dict]) -> dict:
    n = len(recs)
    if not n:
        return {}
    ms = [r["ms"] for r in recs]
    wt = sum(r["with_total"] for r in recs)
    wot = sum(r["without_total"] for r in recs)
    return {
        "pages": n,
        "f1": sum(r["f1"] for r in recs) / n,
        "p": sum(r["p"] for r in recs) / n,
        "r": sum(r["r"] for r in recs) / n,
        "with": sum(r["with_found"] for r in recs) / wt if wt else None,
        "leak": sum(r["without_leaked"] for r in recs) / wot if wot else None,
        "with_total": wt, "without_total": wot,
        "failures": sum(1 for r in recs if r["error"]),
        "median_ms": statistics.median(ms),
        "mean_ms": statistics.fmean(ms),
    }


def aggregate(records: list[dict], system_names: list[str]) -> dict:
    by_sys = {name: [r for r in records if r["system"] == name] for name in system_names}
    overall = {name: _stats(recs) for name, recs in by_sys.items() if recs}
    for name, st in overall.items():
        base = peers.BASELINE_META if peers.SPECS[name][2] else peers.BASELINE
        b = overall.get(base)
        st["ratio_to"] = base
        st["ratio"] = st["median_ms"] / b["median_ms"] if b and b["median_ms"] > 0 else None
    per_type = {}
    for t in TYPES:
        row = {}
        for name, recs in by_sys.items():
            sub = [r for r in recs if r["page_type"] == t]
            if sub:
                row[name] = _stats(sub)
        if row:
            per_type[t] = row
    return {"overall": overall, "per_type": per_type}


def targets(agg: dict) -> list[tuple[str, str, str]]:
    """Issue 2's targets: (target, MET / NOT MET / n/a, values)."""
    ov, pt = agg["overall"], agg["per_type"]
    bs, tr = ov.get(peers.BASELINE), ov.get(peers.PEER)
    bsm, trm = ov.get(peers.BASELINE_META), ov.get(peers.PEER_META)
    out = []

    def verdict(ok):
        return "MET" if ok else "NOT MET"

    def na(what, need):
        out.append((what, "n/a", f"needs {need} in the run"))

    what = "F1 (all pages) >= trafilatura's + 0.03"
    if bs and tr:
        out.append((what, verdict(bs["f1"] >= tr["f1"] + 0.03),
                    f"boilerstrip {bs['f1']:.3f} vs trafilatura {tr['f1']:.3f} + 0.03 = {tr['f1'] + 0.03:.3f}"))
    else:
        na(what, "boilerstrip and trafilatura")

    what = "F1 (article) >= 0.94"
    art = pt.get("article", {}).get(peers.BASELINE)
    if art:
        out.append((what, verdict(art["f1"] >= 0.94), f"boilerstrip {art['f1']:.3f} on {art['pages']} article pages"))
    else:
        na(what, "boilerstrip on article pages")

    what = "No page type's F1 below trafilatura's"
    rows = [(t, row[peers.BASELINE]["f1"], row[peers.PEER]["f1"]) for t, row in pt.items()
            if peers.BASELINE in row and peers.PEER in row]
    if rows:
        below = [f"{t} {b:.3f} < {p:.3f}" for t, b, p in rows if b < p]
        vals = "; ".join(f"{t} {b:.3f} vs {p:.3f}" for t, b, p in rows)
        out.append((what, verdict(not below),
                    (f"below on {len(below)} of {len(rows)} types: " + "; ".join(below)) if below
                    else f"all {len(rows)} types at or above: {vals}"))
    else:
        na(what, "boilerstrip and trafilatura")

    what = "Leak <= half of trafilatura's"
    if bs and tr and bs["leak"] is not None and tr["leak"] is not None:
        n_bs, n_tr = (round(st["leak"] * st["without_total"]) for st in (bs, tr))
        out.append((what, verdict(bs["leak"] <= tr["leak"] / 2),
                    f"boilerstrip {bs['leak']:.2%} ({n_bs:,} of {bs['without_total']:,} snippets) vs trafilatura "
                    f"{tr['leak']:.2%} ({n_tr:,}) / 2 = {tr['leak'] / 2:.2%}"))
    else:
        na(what, "boilerstrip, trafilatura and `without` snippets")

    what = "`with` snippets found >= trafilatura's"
    if bs and tr and bs["with"] is not None and tr["with"] is not None:
        out.append((what, verdict(bs["with"] >= tr["with"]),
                    f"boilerstrip {_pct(bs['with'])} vs trafilatura {_pct(tr['with'])}"))
    else:
        na(what, "boilerstrip, trafilatura and `with` snippets")

    what = "Median ms/page (metadata off) <= 1/5 of trafilatura extract()"
    if bs and tr:
        out.append((what, verdict(bs["median_ms"] <= tr["median_ms"] / 5),
                    f"boilerstrip {bs['median_ms']:.2f} ms vs trafilatura {tr['median_ms']:.2f} ms / 5 = "
                    f"{tr['median_ms'] / 5:.2f} ms (ratio {bs['median_ms'] / tr['median_ms']:.2f})"))
    else:
        na(what, "boilerstrip and trafilatura")

    what = "Median ms/page (metadata on) <= 1/3 of trafilatura extract(with_metadata=True)"
    if bsm and trm:
        out.append((what, verdict(bsm["median_ms"] <= trm["median_ms"] / 3),
                    f"boilerstrip {bsm['median_ms']:.2f} ms vs trafilatura {trm['median_ms']:.2f} ms / 3 = "
                    f"{trm['median_ms'] / 3:.2f} ms (ratio {bsm['median_ms'] / trm['median_ms']:.2f})"))
    else:
        na(what, "boilerstrip-meta and trafilatura-meta")

    what = "0 exceptions (boilerstrip, metadata off and on)"
    rows = [(n, ov[n]) for n in (peers.BASELINE, peers.BASELINE_META) if n in ov]
    if rows:
        fails = sum(st["failures"] for _, st in rows)
        out.append((what, verdict(fails == 0),
                    ", ".join(f"{n}: {st['failures']} of {st['pages']} pages" for n, st in rows)))
    else:
        na(what, "boilerstrip")
    return out


# --------------------------------------------------------------------------- reporting

def _pct(x) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def _f(x, nd=3) -> str:
    return "—" if x is None else f"{x:.{nd}f}"


def main_table(agg: dict, names: list[str]) -> list[list[str]]:
    head = ["system", "call", "pages", "F1", "precision", "recall", "with found", "without leaked",
            "failures", "median ms", "mean ms", "median vs boilerstrip"]
    rows = [head]
    for name in names:
        st = agg["overall"].get(name)
        if not st:
            continue
        ratio = "—" if st["ratio"] is None else f"{st['ratio']:.2f}× ({st['ratio_to']})"
        rows.append([name, peers.SPECS[name][0], str(st["pages"]), _f(st["f1"]), _f(st["p"]), _f(st["r"]),
                     _pct(st["with"]), _pct(st["leak"]), str(st["failures"]),
                     _f(st["median_ms"], 2), _f(st["mean_ms"], 2), ratio])
    return rows


def type_table(agg: dict, names: list[str], key: str) -> list[list[str]]:
    types = [t for t in TYPES if t in agg["per_type"]]
    rows = [["system"] + [f"{t} ({next(iter(agg['per_type'][t].values()))['pages']})" for t in types]]
    fmt = _f if key == "f1" else _pct
    for name in names:
        if name not in agg["overall"]:
            continue
        rows.append([name] + [fmt(agg["per_type"][t].get(name, {}).get(key)) for t in types])
    return rows


def md_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" for _ in rows[0]) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def text_table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "cpu": cpu, "cores": os.cpu_count(), "usable_cores": usable,
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "os": f"{platform.system()} {platform.release()}",
    }


def render_markdown(agg: dict, names: list[str], meta: dict) -> str:
    """The report; a pure function of the numbers and ``meta`` (command, date, machine...)."""
    m, v = meta["machine"], meta["versions"]
    tg = targets(agg)
    met = sum(1 for _, s, _ in tg if s == "MET")
    parts = [
        "# HTML benchmark: boilerstrip and peers on WCXB",
        "",
        "Generated by `bench/run_html.py`; see `bench/README.md` for the method and what each column means.",
        "",
        f"- Command: `{meta['command']}`",
        f"- Date: {meta['date']}",
        f"- Pages: {meta['pages']} ({', '.join(f'{t} {n}' for t, n in meta['types'].items())})",
        f"- Dataset: {wcxb.CREDIT}. All numbers below are computed on it.",
        f"- Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{m['implementation']} {m['python']}, {m['os']}; shared with other jobs, so times are indicative.",
        "- Versions: " + ", ".join(f"{d} {v[d]}" for d in sorted(v)),
        f"- Warm-up: {meta['warmup']} pages per system before timing; call timeout {meta['timeout']:g} s"
        if meta["timeout"] else f"- Warm-up: {meta['warmup']} pages per system before timing; no call timeout",
    ]
    if meta.get("missing"):
        parts.append("- Missing systems (not installed): " +
                     ", ".join(f"{k} ({w})" for k, w in sorted(meta["missing"].items())))
    parts += [
        "",
        "## All pages",
        "",
        "F1, precision and recall: bag of lower-cased `\\w+` words against the ground truth, mean over pages. "
        "`with found`: share of all `with` snippets found in the output; `without leaked`: share of all "
        "`without` (boilerplate) snippets present in it (both pooled over pages, case- and space-insensitive). "
        "Times: the whole `str -> text` call. Metadata-off rows compare their median time with `boilerstrip`, "
        "metadata-on rows with `boilerstrip-meta`.",
        "",
        md_table(main_table(agg, names)),
        "",
        "## F1 by page type",
        "",
        "Number of pages in brackets.",
        "",
        md_table(type_table(agg, names, "f1")),
        "",
        "## `without` snippets leaked by page type",
        "",
        md_table(type_table(agg, names, "leak")),
        "",
        "## `with` snippets found by page type",
        "",
        md_table(type_table(agg, names, "with")),
        "",
        f"## Targets (issue 2): {met} of {len(tg)} met",
        "",
        "Evaluated on the numbers of this run; `boilerstrip` is the metadata-off row unless stated.",
        "",
        md_table([["target", "status", "values"]] + [list(t) for t in tg]),
        "",
    ]
    return "\n".join(parts)


def print_report(agg: dict, names: list[str], missing: dict) -> None:
    print()
    print("All pages")
    print(text_table(main_table(agg, names)))
    print()
    print("F1 by page type")
    print(text_table(type_table(agg, names, "f1")))
    print()
    print("without leaked by page type")
    print(text_table(type_table(agg, names, "leak")))
    print()
    print("Targets (issue 2)")
    for what, status, vals in targets(agg):
        print(f"  [{status}] {what}: {vals}")
    for name, why in sorted(missing.items()):
        print(f"missing: {name}: {why}")


def _command(argv: list[str]) -> str:
    script = Path(sys.argv[0])
    try:
        script = script.resolve().relative_to(ROOT)
    except ValueError:
        pass
    return shlex.join(["python", str(script)] + argv)


def load_dump(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N selected pages (file-id order)")
    ap.add_argument("--per-type", type=int, default=0, help="at most N pages of each page type")
    ap.add_argument("--ids", nargs="+", help="only these file ids")
    ap.add_argument("--types", help="comma-separated page types: " + ",".join(TYPES))
    ap.add_argument("--systems", help="comma-separated systems (default all): " + ",".join(peers.SPECS))
    ap.add_argument("--out", type=Path, help="write the markdown report here (e.g. docs/benchmark.md)")
    ap.add_argument("--dump", type=Path, help="write one JSON line per (page, system) here")
    ap.add_argument("--dump-text", action="store_true", help="include each output text in the dump")
    ap.add_argument("--warmup", type=int, default=3, help="pages to warm each system up on (default 3)")
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="seconds before a single call is abandoned as a failure (0: none; default 60)")
    ap.add_argument("--from-dump", type=Path, metavar="JSONL",
                    help="re-render the report from a dump (and its .meta.json) without running")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"),
                    help="list pages whose F1 changed most between two dumps (see diff_pages.py)")
    ap.add_argument("--system", default=peers.BASELINE, help="system for --compare (default boilerstrip)")
    ap.add_argument("--top", type=int, default=25, help="rows for --compare")
    args = ap.parse_args(argv)

    if args.compare:
        import diff_pages
        return diff_pages.main([str(args.compare[0]), str(args.compare[1]),
                                "--system", args.system, "--top", str(args.top)])

    if args.from_dump:
        records = load_dump(args.from_dump)
        meta_path = args.from_dump.with_suffix(args.from_dump.suffix + ".meta.json")
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else None
        if meta is None:
            raise SystemExit(f"{meta_path} not found: cannot say how the dump was made")
        present = {r["system"] for r in records}
        names = [n for n in peers.SPECS if n in present]
        agg = aggregate(records, names)
        print_report(agg, names, meta.get("missing", {}))
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(render_markdown(agg, names, meta), encoding="utf-8")
            print(f"wrote {args.out}", file=sys.stderr)
        return 0

    names = args.systems.split(",") if args.systems else None
    systems, missing = peers.load(names)
    if not systems:
        raise SystemExit("no system to run: " + "; ".join(f"{k}: {v}" for k, v in missing.items()))
    pages = select_pages(args)
    if not pages:
        raise SystemExit("no pages selected (is the dataset at %s? set WCXB_DIR)" % wcxb.dataset_dir())
    print(f"{len(pages)} pages x {len(systems)} systems: {', '.join(s.name for s in systems)}",
          file=sys.stderr, flush=True)
    for name, why in missing.items():
        print(f"missing: {name}: {why}", file=sys.stderr)

    records = run(pages, systems, warmup=min(args.warmup, len(pages)), timeout=args.timeout,
                  keep_text=args.dump_text)
    sys_names = [s.name for s in systems]
    agg = aggregate(records, sys_names)
    type_counts = {t: n for t in TYPES if (n := sum(1 for p in pages if p.page_type == t))}
    meta = {
        "command": _command(argv),
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "pages": len(pages), "types": type_counts,
        "machine": machine(), "versions": peers.versions(),
        "warmup": min(args.warmup, len(pages)), "timeout": args.timeout,
        "systems": sys_names, "missing": missing,
    }
    print_report(agg, sys_names, missing)
    if args.dump:
        args.dump.parent.mkdir(parents=True, exist_ok=True)
        with open(args.dump, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        args.dump.with_suffix(args.dump.suffix + ".meta.json").write_text(
            json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.dump}", file=sys.stderr)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(render_markdown(agg, sys_names, meta), encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
