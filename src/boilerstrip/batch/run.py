"""The batch run: optional site-profile pass, then the cleaning pass, then the summary."""
from __future__ import annotations

import os
import sys
import time
from typing import Any, Iterator

from . import profile as _profile
from . import readers, writer
from .dedup import shingle_bytes, word_count
from .pool import Pool
from .progress import Progress, Totals, summary
from .worker import Config, _malloc_trim

PROG = "boilerstrip batch"


class UsageError(Exception):
    """Bad arguments: one line on stderr, exit status 2."""


class _ResumeMismatch(Exception):
    pass


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _inside(path: str, directory: str) -> bool:
    path, directory = os.path.realpath(path), os.path.realpath(directory)
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def _check_args(args, inputs: list[readers.Input]) -> None:
    if not args.output and not args.out_dir:
        raise UsageError("give -o OUTPUT (JSON Lines) or --out-dir DIR")
    if args.output and args.out_dir:
        raise UsageError("-o/--output and --out-dir cannot be used together")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"-j/--jobs must be at least 1, not {args.jobs}")
    if args.doc_timeout < 0:
        raise UsageError(f"--doc-timeout must be 0 (no limit) or more, not {args.doc_timeout:g}")
    if args.max_doc_mb <= 0:
        raise UsageError("--max-doc-mb must be positive")
    if not 0 < args.profile_min_share <= 1:
        raise UsageError("--profile-min-share must be in (0, 1]")
    if args.profile_min_pages < 2:
        raise UsageError("--profile-min-pages must be at least 2")
    if not 0 < args.dedup_threshold <= 1 or not 0 < args.dedup_same_site_threshold <= 1:
        raise UsageError("--dedup-threshold and --dedup-same-site-threshold must be in (0, 1]")
    if args.output == "-" and args.resume:
        raise UsageError("--resume needs an output file, not stdout")
    target = args.out_dir or args.output
    if args.output and args.output != "-":
        if os.path.isdir(args.output):
            raise UsageError(f"-o {args.output} is a directory (use --out-dir for one file per document)")
        parent = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(parent):
            raise UsageError(f"cannot write {args.output}: no such directory {parent}")
    if args.out_dir and os.path.exists(args.out_dir) and not os.path.isdir(args.out_dir):
        raise UsageError(f"--out-dir {args.out_dir} exists and is not a directory")
    if target != "-":
        for inp in inputs:
            if inp.path == "-":
                continue
            if inp.fmt == "dir" and _inside(target, inp.path):
                raise UsageError(f"the output {target} is inside the input directory {inp.path}: it would be read as input")
            if inp.fmt != "dir" and os.path.exists(target) and _inside(inp.path, target):
                raise UsageError(f"the output {target} is also an input")


def _skip_prefix(items: Iterator[readers.Item], n: int, last_source: Any) -> Iterator[readers.Item]:
    """Drop the first ``n`` items (already written), checking they match the output."""
    got = None
    for i in range(n):
        try:
            got = next(items)
        except StopIteration:
            raise _ResumeMismatch(f"the output has {n} records but the inputs give only {i}") from None
    if got is not None and writer.source_key(got.source) != writer.source_key(last_source):
        raise _ResumeMismatch(
            f"record {n} of the output comes from {writer.source_key(last_source)}, "
            f"but document {n} of the inputs is {writer.source_key(got.source)}"
        )
    yield from items


def _record(item: readers.Item, res: dict | None) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": item.id, "source": item.source, "url": item.url,
        "title": None, "author": None, "date": None, "text": "",
        "removed": {}, "chars_in": 0, "chars_out": 0, "error": None, "reason": "",
    }
    if res is None:
        rec["error"] = item.error or "no document"
        return rec
    if res.get("error") is not None:
        rec["error"] = res["error"]
        rec["chars_in"] = res.get("chars_in", 0)
        return rec
    for k in ("url", "title", "author", "date", "text", "removed", "chars_in", "chars_out", "reason"):
        if k in res and (res[k] is not None or k != "url"):
            rec[k] = res[k]
    return rec


def run_batch(args) -> int:
    t0 = time.monotonic()
    quiet = args.quiet
    mode = "none" if quiet else ("bar" if sys.stderr.isatty() else "log")
    try:
        inputs = readers.resolve_inputs(args.inputs)
        _check_args(args, inputs)
        lookup: dict[str, frozenset] = {}
        if args.profile_in:
            try:
                lookup = _profile.to_lookup(_profile.load(args.profile_in))
            except _profile.ProfileError as e:
                raise UsageError(f"--profile-in: {e}") from None
    except (UsageError, readers.InputError) as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 2
    jobs = args.jobs or default_jobs()
    ropts = readers.Options(
        html_field=args.html_field, text_field=args.text_field, url_field=args.url_field,
        id_field=args.id_field, input=args.input, max_bytes=int(args.max_doc_mb * 1e6),
    )
    timeout = args.doc_timeout or None
    # the parent's backstop for a worker stuck in C: room for the in-worker limit and its
    # one retry (worker._clean), plus slack for a loaded machine
    hard = timeout * 3 + 2 if timeout else None
    clean_opts = dict(
        doc_timeout=timeout, metadata=not args.no_metadata, include_comments=args.include_comments,
        include_tables=not args.no_tables, favor=args.favor,
    )

    # -- pass 1: learn the site profile ------------------------------------------------
    profile_stats = None
    if not args.profile_in and (args.site_profile or args.profile_out):
        learner = _profile.Learner(args.profile_min_share, args.profile_min_pages)
        prog = Progress(mode, "learning site profile")
        try:
            with Pool(Config(mode="learn", **clean_opts), jobs, hard) as pool:
                for item, res in pool.map(readers.iter_items(inputs, ropts, readers.Stats()), ordered=True):
                    if res is not None and res.get("error") is None:
                        learner.add(res.get("site"), res.get("hashes", b""))
                    prog.update(item.nbytes, res is None or res.get("error") is not None)
        finally:
            prog.close()
        sites = learner.profile()
        if args.profile_out:
            try:
                _profile.save(args.profile_out, sites, args.profile_min_share, args.profile_min_pages)
            except OSError as e:
                print(f"{PROG}: error: cannot write --profile-out {args.profile_out}: {e.strerror or e}", file=sys.stderr)
                return 2
        lookup = _profile.to_lookup(sites)
        if not quiet:
            print(f"{PROG}: site profile: {len(learner.sites)} sites seen, {len(sites)} with repeated blocks, "
                  f"{sum(len(v) for v in lookup.values())} blocks", file=sys.stderr)
    if lookup:
        profile_stats = (len(lookup), sum(len(v) for v in lookup.values()))

    # -- resume: read back what is there -----------------------------------------------
    dedup = None
    if args.dedup:
        from .dedup import Deduper

        dedup = Deduper(threshold=args.dedup_threshold, min_words=args.dedup_min_words,
                        same_site_threshold=args.dedup_same_site_threshold)
    target = os.path.join(args.out_dir, writer.INDEX_NAME) if args.out_dir else args.output
    scan = writer.ScanResult()
    if args.resume:
        def on_record(rec: dict) -> None:
            if rec.get("error") is not None:
                return
            text = rec.get("text")
            if text is None and rec.get("file"):
                try:
                    with open(os.path.join(args.out_dir, rec["file"]), encoding="utf-8") as fh:
                        text = fh.read()
                except OSError:
                    text = ""
            text = text or ""
            dedup.add(rec["id"], shingle_bytes(text), word_count(text), _profile.site_key(rec.get("url")))
        try:
            scan = writer.scan(target, want_sources=not args.ordered,
                               on_record=on_record if dedup is not None else None)
        except OSError as e:
            print(f"{PROG}: error: cannot read {target} to resume: {e.strerror or e}", file=sys.stderr)
            return 2
        if not quiet and (scan.records or scan.truncated_bytes):
            note = f"{PROG}: resuming after {scan.records} records"
            if scan.bad_line:
                note += f"; line {scan.bad_line} was unreadable and is rewritten with what follows"
            elif scan.truncated_bytes:
                note += f"; a cut-off last record ({scan.truncated_bytes} bytes) is rewritten"
            print(note, file=sys.stderr)
    try:
        if args.out_dir:
            out = writer.OutDirWriter(args.out_dir, ".md" if args.format == "md" else ".txt",
                                      append=args.resume, used_names=scan.names)
        else:
            out = writer.JsonlWriter(args.output, append=args.resume)
    except OSError as e:
        print(f"{PROG}: error: cannot write {target}: {e.strerror or e}", file=sys.stderr)
        return 2

    # -- pass 2: clean and write -------------------------------------------------------
    stats = readers.Stats()
    items: Iterator[readers.Item] = readers.iter_items(inputs, ropts, stats)
    if scan.records:
        if args.ordered:
            items = _skip_prefix(items, scan.records, scan.last_source)
        else:
            done = scan.sources
            items = (it for it in items if writer.source_key(it.source) not in done)
    cfg = Config(mode="clean", markdown=bool(args.out_dir and args.format == "md"),
                 shingles=dedup is not None, profile=lookup, **clean_opts)
    totals = Totals()
    nbytes = 0
    stopped = False
    prog = Progress(mode, "cleaning")
    trim = _malloc_trim()  # the parent, too, hands back what multi-MB documents left
    try:
        with Pool(cfg, jobs, hard) as pool:
            for n, (item, res) in enumerate(pool.map(items, ordered=args.ordered), 1):
                if trim is not None and n % 64 == 0:
                    trim(0)
                rec = _record(item, res)
                if dedup is not None:
                    rec["duplicate_of"] = None
                    if rec["error"] is None and res is not None:
                        rec["duplicate_of"] = dedup.add(rec["id"], res.get("shingles", b""), word_count(rec["text"]),
                                                        _profile.site_key(rec.get("url")))
                out.write(rec, body=res.get("markdown") if res else None)
                totals.add(rec)
                nbytes += item.nbytes
                prog.update(item.nbytes, rec["error"] is not None)
                if rec["error"] is not None and args.fail_fast:
                    stopped = True
                    break
    except _ResumeMismatch as e:
        print(f"{PROG}: error: cannot resume: {e} (same inputs and options as the first run?)", file=sys.stderr)
        return 2
    finally:
        prog.close()
        out.close()
    wall = time.monotonic() - t0
    if not quiet:
        if stopped:
            print(f"{PROG}: stopped at the first error (--fail-fast): {rec['error']}", file=sys.stderr)
        print(summary(totals, wall, nbytes, resumed=scan.records, skipped=stats.skipped,
                      dedup=dedup is not None,
                      profile_sites=profile_stats[0] if profile_stats else None,
                      profile_blocks=profile_stats[1] if profile_stats else None), file=sys.stderr)
    return 1 if (totals.errors or scan.errors) else 0
