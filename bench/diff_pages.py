"""List the pages whose F1 changed most between two dumps of bench/run_html.py.

    python bench/diff_pages.py bench/out/a.jsonl bench/out/b.jsonl [--system boilerstrip] [--top 25]

Only pages present (for that system) in both dumps are compared. Prints the mean F1
of each dump on those pages, how many pages got better / worse, the change per page
type, and the pages with the largest |change| (worst first, then best).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _load(path: Path, system: str) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if rec["system"] == system:
                    out[rec["file_id"]] = rec
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--system", default="boilerstrip")
    ap.add_argument("--top", type=int, default=25, help="pages to list each way (default 25)")
    ap.add_argument("--eps", type=float, default=1e-4, help="smallest change counted (default 1e-4)")
    args = ap.parse_args(argv)

    a, b = _load(args.a, args.system), _load(args.b, args.system)
    common = sorted(set(a) & set(b))
    if not common:
        print(f"no page of system {args.system!r} in both dumps", file=sys.stderr)
        return 1
    only = (len(a) - len(common), len(b) - len(common))
    deltas = [(b[f]["f1"] - a[f]["f1"], f) for f in common]
    n = len(common)
    fa = sum(a[f]["f1"] for f in common) / n
    fb = sum(b[f]["f1"] for f in common) / n
    better = sum(1 for d, _ in deltas if d > args.eps)
    worse = sum(1 for d, _ in deltas if d < -args.eps)
    print(f"{args.system}: {n} common pages (only in A: {only[0]}, only in B: {only[1]})")
    print(f"mean F1  A {fa:.4f}  B {fb:.4f}  change {fb - fa:+.4f}")
    print(f"better {better}, worse {worse}, unchanged {n - better - worse}")
    for side, recs in (("A", a), ("B", b)):
        errs = sum(1 for f in common if recs[f].get("error"))
        if errs:
            print(f"failures in {side}: {errs}")

    types: dict[str, list[float]] = {}
    for d, f in deltas:
        types.setdefault(a[f]["page_type"], []).append(d)
    print("\nchange of mean F1 by page type")
    for t in sorted(types):
        ds = types[t]
        print(f"  {t:<14} {len(ds):>5} pages  {sum(ds) / len(ds):+.4f}")

    def show(title, rows):
        print(f"\n{title}")
        print(f"  {'file_id':<10} {'type':<14} {'F1 A':>6} {'F1 B':>6} {'change':>7}  P A->B       R A->B")
        for d, f in rows:
            ra, rb = a[f], b[f]
            note = f"  error: {rb['error']}" if rb.get("error") else ""
            print(f"  {f:<10} {ra['page_type']:<14} {ra['f1']:6.3f} {rb['f1']:6.3f} {d:+7.3f}"
                  f"  {ra['p']:.2f}->{rb['p']:.2f}  {ra['r']:.2f}->{rb['r']:.2f}{note}")

    ordered = sorted(deltas)
    show(f"largest drops (top {args.top})", [x for x in ordered[: args.top] if x[0] < -args.eps])
    show(f"largest gains (top {args.top})", [x for x in reversed(ordered[-args.top:]) if x[0] > args.eps])
    return 0


if __name__ == "__main__":
    sys.exit(main())
