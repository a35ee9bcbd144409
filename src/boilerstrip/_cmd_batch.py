"""``boilerstrip batch INPUT... -o OUTPUT``: clean whole dumps in parallel (see docs/batch.md)."""
from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Clean every document of directory trees (.html/.htm/.txt), JSON Lines files and WARC
files, plain or compressed (.gz, .zst), or JSON Lines on stdin (-), in parallel.
Output: JSON Lines, one record per input document (-o), or one file per document
(--out-dir). Exit status: 0 all ok, 1 some records are errors, 2 bad arguments."""


def add_parser(sub) -> None:
    b = sub.add_parser("batch", help="clean whole dumps (directories, JSON Lines, WARC) in parallel",
                       description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)

    def one_line_error(message: str):  # a usage error is one line, status 2
        print(f"boilerstrip batch: error: {message} (see boilerstrip batch --help)", file=sys.stderr)
        sys.exit(2)

    b.error = one_line_error
    # Options the batch parser does not know would otherwise be reported by the top-level
    # parser, as a usage block; report them here, in one line, instead.
    known = b.parse_known_args

    def parse_known_args(args=None, namespace=None):
        ns, extras = known(args, namespace)
        if extras:
            one_line_error("unrecognized arguments: " + " ".join(extras))
        return ns, extras

    b.parse_known_args = parse_known_args
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="directory, .jsonl, .warc, .html or .txt file (optionally .gz/.zst), or - for JSON Lines on stdin")
    out = b.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="OUTPUT", help="JSON Lines file to write (- for stdout)")
    out.add_argument("--out-dir", metavar="DIR", help="write one file per document here, plus index.jsonl")
    out.add_argument("--format", choices=("txt", "md"), default="txt", help="file type with --out-dir (default txt)")
    eng = b.add_argument_group("cluster (Dask)")
    eng.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local worker processes (default), or a Dask cluster: -o is then a directory "
                          "or fsspec URL that receives shards part-00000.jsonl.gz ...")
    eng.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler (tcp://HOST:8786); default: a LocalCluster sized to this machine")
    eng.add_argument("--shard-format", choices=("jsonl", "parquet"), default="jsonl",
                     help="shard files with --engine dask (default jsonl, gzip-compressed)")
    eng.add_argument("--retries", type=int, default=2, metavar="N",
                     help="times Dask retries a failed partition before its documents become error records")
    out.add_argument("--report", metavar="HTML",
                     help="also write a summary page of the run (self-contained HTML)")
    out.add_argument("--resume", action="store_true",
                     help="keep the records already in the output and do only the rest")
    out.add_argument("--ordered", action=argparse.BooleanOptionalAction, default=True,
                     help="write records in input order (default); --no-ordered writes them as they finish")

    inp = b.add_argument_group("input")
    inp.add_argument("--html-field", default="html", metavar="NAME", help="JSON Lines field holding HTML (default html)")
    inp.add_argument("--text-field", default="text", metavar="NAME", help="JSON Lines field holding text (default text)")
    inp.add_argument("--url-field", default="url", metavar="NAME", help="JSON Lines field holding the URL (default url)")
    inp.add_argument("--id-field", default="id", metavar="NAME", help="JSON Lines field holding the id (default id)")
    inp.add_argument("--input", choices=("auto", "html", "text"), default="auto",
                     help="treat every document as this kind (default: from extension, field or content type)")
    inp.add_argument("--max-doc-mb", type=float, default=32.0, metavar="MB",
                     help="documents larger than this become error records (default 32)")

    run = b.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                     help="worker processes (default: all cores)")
    run.add_argument("--doc-timeout", type=float, default=5.0, metavar="SECONDS",
                     help="give up on a document after this long: it becomes an error record (default 5, 0 = no limit)")
    run.add_argument("--fail-fast", action="store_true", help="stop at the first error record")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")

    cl = b.add_argument_group("cleaning")
    cl.add_argument("--favor", choices=("balanced", "precision", "recall"), default="balanced")
    cl.add_argument("--include-comments", action="store_true")
    cl.add_argument("--no-tables", action="store_true", help="drop table rows")
    cl.add_argument("--no-metadata", action="store_true", help="skip title/author/date (faster)")

    sp = b.add_argument_group("site profile")
    sp.add_argument("--site-profile", action="store_true",
                    help="first learn each site's repeated blocks, then remove them (reason site-repeat)")
    sp.add_argument("--profile-out", metavar="FILE", help="save the learned profile (JSON, .gz to compress)")
    sp.add_argument("--profile-in", metavar="FILE", help="use a saved profile instead of learning one")
    sp.add_argument("--profile-min-share", type=float, default=0.2, metavar="F",
                    help="a block is site boilerplate when on at least this share of the site's pages (default 0.2)")
    sp.add_argument("--profile-min-pages", type=int, default=3, metavar="N",
                    help="... and on at least this many pages (default 3)")

    dd = b.add_argument_group("near-duplicates")
    dd.add_argument("--dedup", action="store_true",
                    help="mark near-duplicate documents with duplicate_of (the first seen)")
    dd.add_argument("--dedup-threshold", type=float, default=0.2, metavar="J",
                    help="word 3-gram Jaccard similarity that makes a duplicate (default 0.2)")
    dd.add_argument("--dedup-same-site-threshold", type=float, default=0.5, metavar="J",
                    help="the same, for two pages of one site, which share template text (default 0.5)")
    dd.add_argument("--dedup-min-words", type=int, default=50, metavar="N",
                    help="documents with fewer words are not compared (default 50)")


def run(args) -> int:
    import os
    import sys

    from .batch.run import run_batch

    if args.report and (args.output in (None, "-")) and not args.out_dir:
        print("boilerstrip batch: --report needs -o FILE or --out-dir (the records are read back)",
              file=sys.stderr)
        return 2
    if args.engine == "dask":
        bad = [flag for flag, on in (("--out-dir", args.out_dir), ("--resume", args.resume),
                                     ("--report", args.report), ("--fail-fast", args.fail_fast)) if on]
        if bad or not args.output or args.output == "-":
            why = f"{', '.join(bad)} not available" if bad else "-o DIRECTORY_OR_URL is needed"
            print(f"boilerstrip batch: --engine dask: {why}", file=sys.stderr)
            return 2
        try:
            from .batch.dask_engine import run_dask
        except ImportError as e:
            print(f"boilerstrip batch: --engine dask needs dask: pip install 'boilerstrip[dask]' ({e})",
                  file=sys.stderr)
            return 2
        return run_dask(args, quiet=args.quiet)
    status = run_batch(args)
    if args.report and status in (0, 1):
        from .report import read_jsonl, render_batch_report

        source = (os.path.join(args.out_dir, "index.jsonl") if args.out_dir else args.output)
        if os.path.exists(source):
            render_batch_report(read_jsonl(source), args.report)
            if not getattr(args, "quiet", False):
                print(f"report: {args.report}", file=sys.stderr)
    return status
