"""``boilerstrip explain FILE|-``: every block in document order with its decision, reason,
score and features; ``--json`` for machines, ``--html PATH`` for a one-page report."""
from __future__ import annotations

import json
import sys

from . import clean_article


def add_parser(sub) -> None:
    c = sub.add_parser(
        "explain", help="show every block with its decision, reason, score and features",
        description="Show every text block of one document in order: kept or removed, why, "
                    "its score and the features behind it.",
    )
    c.add_argument("file", help="an .html/.htm/.txt file, or - for stdin")
    out = c.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON instead of the listing")
    out.add_argument("--html", metavar="PATH", help="write a self-contained HTML report to PATH")
    c.add_argument("--full", action="store_true", help="show each block's whole text (listing only)")
    c.add_argument("--no-color", action="store_true", help="no colours, even on a terminal")
    c.add_argument("--input", choices=("auto", "html", "text"), default="auto")
    c.add_argument("--url", default=None, help="the page's address, if known")
    c.add_argument("--include-comments", action="store_true")
    c.add_argument("--favor", choices=("balanced", "precision", "recall"), default="balanced")


def run(args) -> int:
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else open(args.file, "rb").read()
    except OSError as e:
        print(f"boilerstrip: cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    art = clean_article(
        data, url=args.url, input=args.input, include_comments=args.include_comments, favor=args.favor,
    )
    source = "(stdin)" if args.file == "-" else args.file
    from . import report

    if args.json:
        doc = report.explain_dict(art, source=source)
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.html:
        try:
            report.write_explain_html(art, args.html, source=source)
        except OSError as e:
            print(f"boilerstrip: cannot write {args.html}: {e.strerror or e}", file=sys.stderr)
            return 2
        es = report.entries(art)
        kept = sum(e.kept for e in es)
        print(f"wrote {args.html}: {len(es)} blocks, {kept} kept, {len(es) - kept} removed", file=sys.stderr)
        return 0
    console = report.make_console(sys.stdout, color=False if args.no_color else None)
    report.render_terminal(art, console, full=args.full, source=source)
    return 0
