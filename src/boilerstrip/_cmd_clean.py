"""``boilerstrip clean FILE|-``: clean one document and print it."""
from __future__ import annotations

import json
import sys

from . import clean_article


def add_parser(sub) -> None:
    c = sub.add_parser("clean", help="clean one document and print it")
    c.add_argument("file", help="an .html/.htm/.txt file, or - for stdin")
    c.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    c.add_argument("--input", choices=("auto", "html", "text"), default="auto")
    c.add_argument("--url", default=None, help="the page's address, if known")
    c.add_argument("--no-metadata", action="store_true", help="skip title/author/date (faster)")
    c.add_argument("--include-comments", action="store_true")
    c.add_argument("--favor", choices=("balanced", "precision", "recall"), default="balanced")


def run(args) -> int:
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else open(args.file, "rb").read()
    except OSError as e:
        print(f"boilerstrip: cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    art = clean_article(
        data, url=args.url, input=args.input, metadata=not args.no_metadata,
        include_comments=args.include_comments, favor=args.favor,
    )
    if args.format == "json":
        sys.stdout.write(json.dumps(art.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(art.to_markdown())
    else:
        sys.stdout.write(art.text + ("\n" if art.text else ""))
    if not art.text and art.reason:
        print(f"boilerstrip: {args.file}: {art.reason}", file=sys.stderr)
    return 0
