"""The batch clean on a Dask cluster (``boilerstrip batch ... --engine dask``).

The inputs are cut into partitions (a JSON Lines or WARC file each; the files of a
directory in groups), the partitions are cleaned on the workers with the very code the
local engine runs (readers, worker.process, run._record), and the records are written as
shards ``part-00000.jsonl.gz`` ... (or ``.parquet``) under a local path or any fsspec URL.

Across partitions: the site profile is learned in a first distributed pass and reduced in
the client; for ``--dedup`` the word 3-gram shingles of every cleaned text are gathered
once and banded by one MinHash LSH index (in input order, as the local engine does), and
``duplicate_of`` is set when the shards are written. Records stay on the workers until
then.

Failures: each partition task is retried by Dask (``retries``) when it raises or its worker
dies; a partition that still fails yields one error record per input document (read
again in the client, without cleaning), so every input has exactly one record.
"""
from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from . import profile as _profile
from . import readers
from .dedup import Deduper, word_count
from .run import _record
from .worker import Config, process
from .writer import encode_record

#: documents of a directory per partition
FILES_PER_PARTITION = 64


# -- partitions --------------------------------------------------------------------------
def plan(inputs: list[readers.Input]) -> list[list[tuple]]:
    """Partitions as lists of units: ("doc", path, fmt, display, id) for a file that is one
    document, ("stream", path, fmt) for a JSON Lines or WARC file, ("error", display, id,
    message) for a directory that could not be listed. Same ids as the local engine."""
    parts: list[list[tuple]] = []
    loose: list[tuple] = []
    for inp in inputs:
        if inp.path == "-":
            raise readers.InputError("--engine dask cannot read stdin (give files or URLs)")
        if inp.fmt in ("jsonl", "warc"):
            parts.append([("stream", inp.path, inp.fmt)])
        elif inp.fmt == "dir":
            docs: list[tuple] = []
            errors: list[OSError] = []
            for dirpath, dirnames, filenames in os.walk(inp.path, onerror=errors.append):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    fmt = readers.format_from_name(name)
                    if name.startswith(".") or fmt is None:
                        continue
                    full = os.path.join(dirpath, name)
                    if fmt in ("jsonl", "warc"):
                        if docs:
                            parts.append(docs)
                            docs = []
                        parts.append([("stream", full, fmt)])
                    else:
                        docs.append(("doc", full, fmt, full, readers._rel(inp.path, full)))
                        if len(docs) >= FILES_PER_PARTITION:
                            parts.append(docs)
                            docs = []
            if docs:
                parts.append(docs)
            for e in errors:
                where = e.filename or inp.path
                parts.append([("error", where, readers._rel(inp.path, where), f"cannot read directory: {e.strerror or e}")])
        else:
            loose.append(("doc", inp.path, inp.fmt, inp.path, inp.path))
            if len(loose) >= FILES_PER_PARTITION:
                parts.append(loose)
                loose = []
    if loose:
        parts.append(loose)
    return parts


def _items(units: list[tuple], ropts: readers.Options):
    for unit in units:
        if unit[0] == "doc":
            _, path, fmt, display, doc_id = unit
            yield readers._read_document(path, fmt, ropts, display, doc_id)
        elif unit[0] == "stream":
            _, path, fmt = unit
            yield from readers._iter_file(path, fmt, ropts, readers.Stats(), display=path)
        else:
            _, display, doc_id, message = unit
            yield readers.Item(source={"file": display}, id=doc_id, error=message)


def _maybe_crash(crash_marker: str | None) -> None:
    """Test hook: the first task that finds no marker file creates it and kills its worker
    process; with ``crash_marker`` ending in "!always", every attempt does."""
    if not crash_marker:
        return
    always = crash_marker.endswith("!always")
    path = crash_marker.removesuffix("!always")
    if always or not os.path.exists(path):
        open(path, "a").close()
        os._exit(13)


def run_partition(units: list[tuple], ropts: readers.Options, cfg: Config, crash_marker: str | None = None):
    """Clean one partition on a worker. Learn mode: [(site, hashes)]; clean mode:
    [(record, shingles or None)]."""
    _maybe_crash(crash_marker)
    out = []
    for item in _items(units, ropts):
        res = None
        if item.error is None:
            res = process([item.data, item.kind, item.charset, item.url], cfg)
        if cfg.mode == "learn":
            if res is not None and res.get("error") is None:
                out.append((res.get("site"), res.get("hashes", b"")))
            continue
        rec = _record(item, res)
        out.append((rec, res.get("shingles") if (res and cfg.shingles and rec["error"] is None) else None))
    return out


def _failed_partition(units: list[tuple], ropts: readers.Options, why: str) -> list:
    """Error records for every document of a partition that kept failing on the cluster."""
    recs = []
    for item in _items(units, ropts):
        rec = _record(item, None) if item.error else _record(item, {"error": why, "chars_in": 0})
        if item.error is None:
            rec["error"] = why
        recs.append((rec, None))
    return recs


# -- output --------------------------------------------------------------------------------
SHARD_NAME = "part-{:05d}"


def write_shard(records: list, dup: dict, base: str, index: int, fmt: str, has_dedup: bool) -> int:
    """Write one shard (on a worker, or in the client); returns its record count."""
    import fsspec

    rows = []
    for rec, _ in records:
        if has_dedup:
            rec["duplicate_of"] = dup.get(rec["id"]) if rec["error"] is None else None
        rows.append(rec)
    name = SHARD_NAME.format(index)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        cols = {k: [] for k in _PARQUET_COLUMNS + (("duplicate_of",) if has_dedup else ())}
        for r in rows:
            for k in cols:
                v = r.get(k)
                cols[k].append(json.dumps(v, ensure_ascii=False) if k in ("source", "removed") else v)
        table = pa.table(cols)
        with fsspec.open(f"{base.rstrip('/')}/{name}.parquet", "wb") as fh:
            pq.write_table(table, fh)
    else:
        with fsspec.open(f"{base.rstrip('/')}/{name}.jsonl.gz", "wb", compression="gzip") as fh:
            for r in rows:
                fh.write(encode_record(r))
    return len(rows)


_PARQUET_COLUMNS = ("id", "source", "url", "title", "author", "date", "text", "removed",
                    "chars_in", "chars_out", "error", "reason")


# -- the run -------------------------------------------------------------------------------
def _client(scheduler: str | None):
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
    return Client(cluster), cluster


def _run_distributed(client, parts, ropts, cfg, retries: int, crash_marker: str | None = None):
    """Submit every partition; returns the futures (failed ones replaced by local error
    records, as data) in partition order."""
    futures = [client.submit(run_partition, units, ropts, cfg, crash_marker, retries=retries, pure=False,
                             key=f"boilerstrip-{cfg.mode}-{i}-{time.time_ns()}")
               for i, units in enumerate(parts)]
    from distributed import wait

    wait(futures)
    out = []
    for units, fut in zip(parts, futures):
        if fut.status == "finished":
            out.append(fut)
        else:
            try:
                why = f"partition failed on the cluster: {type(fut.exception()).__name__}: {fut.exception()}"
            except Exception as e:  # the exception itself could not be fetched
                why = f"partition failed on the cluster: {type(e).__name__}"
            if cfg.mode == "learn":
                out.append([])
            else:
                out.append(client.scatter(_failed_partition(units, ropts, why)))
    return out


def run_dask(args, quiet: bool) -> int:
    """``boilerstrip batch --engine dask``: returns the exit status."""
    prog = "boilerstrip batch"
    try:
        inputs = readers.resolve_inputs(args.inputs)
        parts = plan(inputs)
    except readers.InputError as e:
        print(f"{prog}: error: {e}", file=sys.stderr)
        return 2
    ropts = readers.Options(html_field=args.html_field, text_field=args.text_field, url_field=args.url_field,
                            id_field=args.id_field, input=args.input, max_bytes=int(args.max_doc_mb * 1e6))
    clean_opts = dict(doc_timeout=args.doc_timeout or None, metadata=not args.no_metadata,
                      include_comments=args.include_comments, include_tables=not args.no_tables, favor=args.favor)
    t0 = time.monotonic()
    client, cluster = _client(args.scheduler)
    try:
        lookup: dict[str, frozenset] = {}
        if args.profile_in:
            lookup = _profile.to_lookup(_profile.load(args.profile_in))
        elif args.site_profile or args.profile_out:
            learner = _profile.Learner(args.profile_min_share, args.profile_min_pages)
            for part in _run_distributed(client, parts, ropts, Config(mode="learn", **clean_opts), args.retries):
                for site, hashes in (part.result() if hasattr(part, "result") else part):
                    learner.add(site, hashes)
            sites = learner.profile()
            if args.profile_out:
                _profile.save(args.profile_out, sites, args.profile_min_share, args.profile_min_pages)
            lookup = _profile.to_lookup(sites)
        cfg = Config(mode="clean", shingles=args.dedup, profile=lookup, **clean_opts)
        results = _run_distributed(client, parts, ropts, cfg, args.retries)
        dup: dict[str, str | None] = {}
        if args.dedup:  # the shingles of all partitions, gathered and banded once, in input order
            dedup = Deduper(threshold=args.dedup_threshold, min_words=args.dedup_min_words,
                            same_site_threshold=args.dedup_same_site_threshold)
            shingles = client.gather([client.submit(_shingles_of, r, pure=False) for r in results])
            for part in shingles:
                for doc_id, sh, words, site in part:
                    dup[doc_id] = dedup.add(doc_id, sh, words, site)
        counts = client.gather([
            client.submit(write_shard, r, dup, args.output, i, args.shard_format, args.dedup, pure=False,
                          retries=args.retries)
            for i, r in enumerate(results)
        ])
        errors = client.gather([client.submit(_errors_of, r, pure=False) for r in results])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if not quiet:
        docs = sum(counts)
        wall = time.monotonic() - t0
        print(f"{prog}: {docs} documents ({sum(errors)} errors) in {len(parts)} partitions; "
              f"{len(counts)} shards under {args.output}; {docs / wall if wall else 0:.1f} docs/s, "
              f"wall time {wall:.1f}s", file=sys.stderr)
    return 1 if sum(errors) else 0


def _shingles_of(records: list) -> list:
    return [(rec["id"], sh or b"", word_count(rec["text"]), _profile.site_key(rec.get("url")))
            for rec, sh in records if rec["error"] is None]


def _errors_of(records: list) -> int:
    return sum(1 for rec, _ in records if rec["error"] is not None)


# -- for pipelines that hold Dask collections ------------------------------------------------
def clean_records(items, options: dict, fields: dict) -> list[dict[str, Any]]:
    """Clean the items of one partition of a bag. An item is a str/bytes document, or a dict
    holding it under fields["html"] (or fields["text"]) with optional url and id fields."""
    options = dict(options)
    forced = options.pop("input", "auto")
    cfg = Config(mode="clean", **options)
    out = []
    for it in items:
        data, kind, url, doc_id = None, forced, None, None
        if isinstance(it, (str, bytes)):
            data = it
        elif isinstance(it, dict):
            url, doc_id = it.get(fields["url"]), it.get(fields["id"])
            if it.get(fields["html"]) is not None:
                data, kind = it[fields["html"]], ("html" if forced == "auto" else forced)
            elif it.get(fields["text"]) is not None:
                data, kind = it[fields["text"]], ("text" if forced == "auto" else forced)
        item = readers.Item(source=None, id=str(doc_id) if doc_id is not None else None, url=url)
        if not isinstance(data, (str, bytes)):
            item.error = (f"no document in this item (give a str, bytes, or a dict with "
                          f"{fields['html']!r} or {fields['text']!r})")
            out.append(_record(item, None))
            continue
        out.append(_record(item, process([data, kind, None, url], cfg)))
    return out
