"""``boilerstrip report OUTPUT.jsonl --html report.html``: the summary page of a batch run,
from the JSONL records ``boilerstrip batch`` wrote."""
from __future__ import annotations

import sys


def add_parser(sub) -> None:
    c = sub.add_parser(
        "report", help="summary HTML page of a batch run's JSONL output",
        description="Summarise a batch run (its JSONL records) as a self-contained HTML page: "
                    "documents, errors, share removed, removed characters by reason, "
                    "site-repeat sites and the documents with the most removed.",
    )
    c.add_argument("jsonl", help="the JSONL file a batch run wrote, or - for stdin")
    c.add_argument("--html", metavar="PATH", required=True, help="where to write the page")
    c.add_argument("--title", default=None, help="page title (default: boilerstrip batch report)")


def run(args) -> int:
    from .report import read_jsonl, render_batch_report
    from .report.batch import read_lines

    try:
        records = read_lines(sys.stdin, "(stdin)") if args.jsonl == "-" else read_jsonl(args.jsonl)
        summary = render_batch_report(records, args.html, title=args.title)
    except OSError as e:
        name = e.filename or args.jsonl
        print(f"boilerstrip: cannot access {name}: {e.strerror or e}", file=sys.stderr)
        return 2
    print(
        f"wrote {args.html}: {summary['documents']} documents, {summary['errors']} errors, "
        f"{summary['share_removed']:.1%} of text removed",
        file=sys.stderr,
    )
    return 0
