"""Command line: ``boilerstrip clean FILE|-``."""
from __future__ import annotations

import argparse
import json
import sys

from . import clean_article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="boilerstrip", description="Strip boilerplate from scraped pages.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("clean", help="clean one document and print it")
    c.add_argument("file", help="an .html/.txt file, or - for stdin")
    c.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    c.add_argument("--input", choices=("auto", "html", "text"), default="auto")
    c.add_argument("--url", default=None)
    args = ap.parse_args(argv)
    data = sys.stdin.buffer.read() if args.file == "-" else open(args.file, "rb").read()
    art = clean_article(data, url=args.url, input=args.input)
    if args.format == "json":
        print(json.dumps(art.to_dict(), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        sys.stdout.write(art.to_markdown())
    else:
        print(art.text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
