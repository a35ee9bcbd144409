"""Inputs: find them, tell their format, and stream their documents as :class:`Item` objects.

Formats (detected by extension after stripping ``.gz``/``.zst``, else by content):

* a directory tree: every ``.html``/``.htm``/``.xhtml``/``.txt`` file (and JSON Lines or
  WARC files found in it), plain or compressed, walked in sorted order;
* JSON Lines (``.jsonl``, ``.ndjson``; ``-`` is JSON Lines on stdin): one object a line,
  the document in the html or text field;
* WARC (``.warc``): response and resource records whose content type is HTML, XHTML or
  plain text, read with FastWARC;
* a single ``.html``/``.txt`` file.

Every problem becomes an :class:`Item` with ``error`` set, in stream order, so that it turns
into one error record and the run goes on. The stream is deterministic for the same inputs
(which ``--resume`` relies on).
"""
from __future__ import annotations

import json
import os
import re
import sys
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterator

from . import compress
from .compress import Damage

HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
TEXT_EXT = (".txt", ".text")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonlines")
WARC_EXT = (".warc",)


class InputError(Exception):
    """A bad command-line input (exit status 2)."""


@dataclass
class Item:
    """One document (or one error) of the input stream."""

    source: dict[str, Any]
    id: str
    url: str | None = None
    data: bytes | str | None = None
    kind: str = "auto"  # "html", "text" or "auto"
    charset: str | None = None  # from the HTTP header (WARC)
    error: str | None = None
    nbytes: int = 0


@dataclass
class Options:
    html_field: str = "html"
    text_field: str = "text"
    url_field: str = "url"
    id_field: str = "id"
    input: str = "auto"  # forces the kind of every document when not "auto"
    max_bytes: int = 32 << 20


@dataclass
class Input:
    path: str  # "-" for stdin
    fmt: str  # "dir", "jsonl", "warc", "html", "text"


@dataclass
class Stats:
    skipped: int = 0  # WARC records that are not documents (images, requests, ...)


# -- discovery -----------------------------------------------------------------------------


def format_from_name(name: str) -> str | None:
    base = compress.strip_compression_suffix(name).lower()
    for exts, fmt in ((HTML_EXT, "html"), (TEXT_EXT, "text"), (JSONL_EXT, "jsonl"), (WARC_EXT, "warc")):
        if base.endswith(exts):
            return fmt
    return None


def _sniff_format(path: str) -> str:
    """The format of a file with no telling extension, from its first decompressed bytes."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
        kind = compress.sniff(head)
        if kind:
            fh.seek(0)
            data = b""
            for chunk in compress.iter_chunks(fh, kind, seekable=False):
                if isinstance(chunk, Damage):
                    break
                data += chunk
                if len(data) >= 4096:
                    break
            head = data
    start = head.lstrip()[:4096]
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if b"\x00" in start[:200]:
        return "html"  # UTF-16 or binary: let the decoder sort it out
    text = start.decode("utf-8", "replace")
    from .._input import looks_like_html

    return "html" if looks_like_html(text) else "text"


def resolve_inputs(paths: list[str]) -> list[Input]:
    """Check the command-line inputs and tell their formats; InputError when one is bad."""
    out: list[Input] = []
    stdin_seen = False
    for p in paths:
        if p == "-":
            if stdin_seen:
                raise InputError("'-' (stdin) given more than once")
            stdin_seen = True
            out.append(Input("-", "jsonl"))
            continue
        if os.path.isdir(p):
            out.append(Input(p, "dir"))
            continue
        if not os.path.exists(p):
            raise InputError(f"no such file or directory: {p}")
        if not os.path.isfile(p):
            raise InputError(f"not a regular file or directory: {p}")
        fmt = format_from_name(p)
        if fmt is None:
            try:
                fmt = _sniff_format(p)
            except OSError as e:
                raise InputError(f"cannot read {p}: {e.strerror or e}") from None
        out.append(Input(p, fmt))
    return out


# -- the stream ----------------------------------------------------------------------------


def iter_items(inputs: list[Input], opts: Options, stats: Stats) -> Iterator[Item]:
    for inp in inputs:
        if inp.fmt == "dir":
            yield from _iter_dir(inp.path, opts, stats)
        else:
            yield from _iter_file(inp.path, inp.fmt, opts, stats, display=inp.path)


def _iter_file(path: str, fmt: str, opts: Options, stats: Stats, display: str, rel: str | None = None) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from _iter_jsonl(path, opts, display)
    elif fmt == "warc":
        yield from _iter_warc(path, opts, stats, display)
    else:
        yield _read_document(path, fmt, opts, display, rel or display)


def _iter_dir(root: str, opts: Options, stats: Stats) -> Iterator[Item]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:  # a subdirectory that could not be listed
            e = errors.pop(0)
            where = e.filename or dirpath
            yield Item(source={"file": where}, id=_rel(root, where), error=f"cannot read directory: {e.strerror or e}")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            fmt = format_from_name(name)
            if fmt is None:
                continue
            full = os.path.join(dirpath, name)
            yield from _iter_file(full, fmt, opts, stats, display=full, rel=_rel(root, full))
    for e in errors:
        yield Item(source={"file": e.filename or root}, id=_rel(root, e.filename or root), error=f"cannot read directory: {e.strerror or e}")


def _rel(root: str, path: str) -> str:
    try:
        return os.path.relpath(path, root).replace(os.sep, "/")
    except ValueError:
        return path


def _read_document(path: str, fmt: str, opts: Options, display: str, doc_id: str) -> Item:
    """A whole file as one document."""
    source = {"file": display}
    kind = opts.input if opts.input != "auto" else fmt
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(4)
            fh.seek(0)
            comp = compress.sniff(head)
            if comp is None and size > opts.max_bytes:
                return Item(source=source, id=doc_id, error=_too_large(size, opts), nbytes=0)
            parts: list[bytes] = []
            total = 0
            for chunk in compress.iter_chunks(fh, comp, seekable=False):
                if isinstance(chunk, Damage):
                    return Item(source=source, id=doc_id, error=chunk.message)
                total += len(chunk)
                if total > opts.max_bytes:
                    return Item(source=source, id=doc_id, error=_too_large(total, opts, "over"))
                parts.append(chunk)
    except OSError as e:
        return Item(source=source, id=doc_id, error=f"cannot read file: {e.strerror or e}")
    data = b"".join(parts)
    return Item(source=source, id=doc_id, data=data, kind=kind, nbytes=len(data))


def _too_large(size: int, opts: Options, qual: str = "") -> str:
    q = f"{qual} " if qual else ""
    return f"document too large: {q}{size / 1e6:.1f} MB (limit {opts.max_bytes / 1e6:.0f} MB, see --max-doc-mb)"


# -- JSON Lines ----------------------------------------------------------------------------


def _open_stream(path: str) -> tuple[BinaryIO, str | None, bool]:
    if path == "-":
        fh = sys.stdin.buffer
        head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
        return fh, compress.sniff(head), False
    fh = open(path, "rb")
    head = fh.read(4)
    fh.seek(0)
    return fh, compress.sniff(head), True


def _iter_lines(path: str, opts: Options) -> Iterator[tuple[int, bytes] | Damage | tuple[int, str]]:
    """(line number, line bytes), Damage, or (line number, "too long") for an oversized line."""
    fh, comp, seekable = _open_stream(path)
    try:
        buf = bytearray()
        lineno = 0
        skipping = False  # inside an oversized line
        for chunk in compress.iter_chunks(fh, comp, seekable=seekable):
            if isinstance(chunk, Damage):
                if buf or skipping:
                    chunk = Damage(chunk.offset, chunk.message + " (a partial line before it is lost)")
                buf.clear()
                skipping = False
                yield chunk
                continue
            start = 0
            while True:
                nl = chunk.find(b"\n", start)
                if nl < 0:
                    if not skipping:
                        buf += chunk[start:]
                        if len(buf) > opts.max_bytes:
                            lineno += 1
                            yield (lineno, "too long")
                            buf.clear()
                            skipping = True
                    break
                if skipping:
                    skipping = False
                else:
                    buf += chunk[start:nl]
                    lineno += 1
                    line = bytes(buf)
                    buf.clear()  # not kept beside the line while it is processed
                    yield (lineno, line)
                    del line
                buf.clear()
                start = nl + 1
        if buf and not skipping:
            lineno += 1
            yield (lineno, bytes(buf))
    except OSError as e:
        yield Damage(-1, f"cannot read: {e.strerror or e}")
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _iter_jsonl(path: str, opts: Options, display: str) -> Iterator[Item]:
    name = "stdin" if path == "-" else display
    try:
        lines = _iter_lines(path, opts)
        for entry in lines:
            if isinstance(entry, Damage):
                src = {"file": name} if entry.offset < 0 else {"file": name, "offset": entry.offset}
                ident = name if entry.offset < 0 else f"{name}@{entry.offset}"
                yield Item(source=src, id=ident, error=entry.message)
                continue
            lineno, line = entry
            src = {"file": name, "line": lineno}
            if isinstance(line, str):
                yield Item(source=src, id=f"{name}:{lineno}", error=f"line {lineno}: longer than {opts.max_bytes / 1e6:.0f} MB (see --max-doc-mb)")
                continue
            if not line.strip():
                continue
            item = _jsonl_item(line, src, name, lineno, opts)
            entry = line = None  # the decoded document only, not its JSON bytes too
            yield item
            item = None
    except OSError as e:
        yield Item(source={"file": name}, id=name, error=f"cannot read file: {e.strerror or e}")


def _jsonl_item(line: bytes, src: dict, name: str, lineno: int, opts: Options) -> Item:
    default_id = f"{name}:{lineno}"
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as e:
        return Item(source=src, id=default_id, error=f"invalid JSON on line {lineno}: not UTF-8 ({e.reason} at byte {e.start})")
    except ValueError as e:
        return Item(source=src, id=default_id, error=f"invalid JSON on line {lineno}: {e}")
    except RecursionError:
        return Item(source=src, id=default_id, error=f"invalid JSON on line {lineno}: nested too deeply")
    if not isinstance(obj, dict):
        return Item(source=src, id=default_id, error=f"line {lineno}: expected a JSON object, got {type(obj).__name__}")
    ident = obj.get(opts.id_field)
    if ident is None or ident == "":
        ident = default_id
    elif not isinstance(ident, str):
        ident = json.dumps(ident, ensure_ascii=False) if not isinstance(ident, (int, float)) else str(ident)
    url = obj.get(opts.url_field)
    url = url if isinstance(url, str) and url else None
    for fld, kind in ((opts.html_field, "html"), (opts.text_field, "text")):
        val = obj.get(fld)
        if val is None or val == "":
            continue
        if not isinstance(val, str):
            return Item(source=src, id=ident, url=url, error=f"line {lineno}: field {fld!r} is a {type(val).__name__}, not a string")
        if opts.input != "auto":
            kind = opts.input
        return Item(source=src, id=ident, url=url, data=val, kind=kind, nbytes=len(line))
    fields = f"{opts.html_field!r} or {opts.text_field!r}"
    return Item(source=src, id=ident, url=url, error=f"line {lineno}: no {fields} field with a document (see --html-field/--text-field)")


# -- WARC ----------------------------------------------------------------------------------

_WARC_LINE = re.compile(rb"(?:^|\n)WARC/\d")


def _warc_magic(comp: str | None) -> bytes:
    return {"gzip": compress.GZIP_MAGIC, "zstd": compress.ZSTD_MAGIC}.get(comp, b"WARC/")


def _find_record(path: str, start: int, comp: str | None) -> int | None:
    with open(path, "rb") as fh:
        if comp is not None:
            return compress._find_magic(fh, start, _warc_magic(comp))
        # plain WARC: "WARC/1.x" at the start of a line
        fh.seek(max(start - 1, 0))
        pos = max(start - 1, 0)
        tail = b""
        while True:
            block = fh.read(compress.CHUNK)
            if not block:
                return None
            data = tail + block
            for m in _WARC_LINE.finditer(data):
                at = pos - len(tail) + m.start() + (1 if data[m.start():m.start() + 1] == b"\n" else 0)
                if at >= start:
                    return at
            tail = data[-7:]
            pos += len(block)


def _iter_warc(path: str, opts: Options, stats: Stats, display: str) -> Iterator[Item]:
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:  # pragma: no cover - a declared dependency
        yield Item(source={"file": display}, id=display, error="reading WARC needs the 'fastwarc' package")
        return
    types = WarcRecordType.response | WarcRecordType.resource
    try:
        with open(path, "rb") as fh:
            comp = compress.sniff(fh.read(4))
    except OSError as e:
        yield Item(source={"file": display}, id=display, error=f"cannot read file: {e.strerror or e}")
        return
    pos = 0
    while True:
        last: int | None = None
        try:
            with open(path, "rb") as fh:
                fh.seek(pos)
                for rec in ArchiveIterator(fh, record_types=types, parse_http=True, auto_decode="none"):
                    last = rec.stream_pos
                    item = _warc_item(rec, opts, display)
                    if item is None:
                        stats.skipped += 1
                    else:
                        yield item
            return
        except OSError as e:  # FastWARC reports damage as OSError; find the next record
            bad_from = pos if last is None else last + 1
            message = str(e) or type(e).__name__
        at = _find_record(path, bad_from, comp)
        if at is None:
            yield Item(source={"file": display, "offset": bad_from}, id=f"{display}@{bad_from}",
                       error=f"unreadable WARC data from offset {bad_from} to the end of the file: {message}")
            return
        if at > bad_from and _parses_at(path, at):
            # junk between records; the record at `at` is fine
            where = f"from offset {bad_from}" if last is None else f"after the record at offset {last}"
            yield Item(source={"file": display, "offset": bad_from}, id=f"{display}@{bad_from}",
                       error=f"unreadable WARC data {where} up to offset {at}: {message}")
            pos = at
            continue
        # the record starting at `at` is the broken one: report it and look further on
        yield Item(source={"file": display, "offset": at}, id=f"{display}@{at}",
                   error=f"WARC record at offset {at} fails to parse: {message}")
        nxt = _find_record(path, at + 1, comp)
        if nxt is None:
            return
        pos = nxt


def _parses_at(path: str, at: int) -> bool:
    """Whether a whole WARC record (of any type) parses at offset ``at``."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    try:
        with open(path, "rb") as fh:
            fh.seek(at)
            for rec in ArchiveIterator(fh, record_types=WarcRecordType.any_type, parse_http=False):
                rec.reader.read()
                return rec.stream_pos == at
    except OSError:
        return False
    return False


_DOC_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _warc_item(rec: Any, opts: Options, display: str) -> Item | None:
    """An Item for a document record, or None for a record that is not a document."""
    headers = rec.headers
    offset = rec.stream_pos
    src = {"file": display, "offset": offset}
    rid = (headers.get("WARC-Record-ID") or "").strip().strip("<>") or f"{display}@{offset}"
    url = (headers.get("WARC-Target-URI") or "").strip().strip("<>") or None
    if rec.is_http:
        ctype = rec.http_content_type or ""
        charset = rec.http_charset
        http_headers = rec.http_headers
    else:
        ctype = (headers.get("Content-Type") or "").split(";")[0]
        charset = None
        m = re.search(r"charset\s*=\s*[\"']?([\w.:+-]+)", headers.get("Content-Type") or "", re.I)
        if m:
            charset = m.group(1)
        http_headers = None
        if ctype.strip().lower().startswith("application/http"):
            return Item(source=src, id=rid, url=url, error="malformed HTTP response in WARC record")
    ctype = ctype.strip().strip('"').lower()
    if ctype and ctype not in _DOC_TYPES:
        return None
    kind = "html" if ctype in ("text/html", "application/xhtml+xml") else ("text" if ctype == "text/plain" else "auto")
    if opts.input != "auto":
        kind = opts.input
    length = rec.content_length
    if length > opts.max_bytes:
        return Item(source=src, id=rid, url=url, error=_too_large(length, opts))
    body = rec.reader.read()
    if len(body) < length:
        return Item(source=src, id=rid, url=url, error=f"truncated WARC record: {len(body)} of {length} bytes")
    if http_headers is not None:
        try:
            body = _decode_http_body(body, http_headers, opts.max_bytes)
        except ValueError as e:
            return Item(source=src, id=rid, url=url, error=f"cannot decode the HTTP body: {e}")
    if charset:
        charset = charset.strip().strip("\"'") or None
    return Item(source=src, id=rid, url=url, data=body, kind=kind, charset=charset, nbytes=len(body))


def _decode_http_body(body: bytes, headers: Any, limit: int) -> bytes:
    te = (headers.get("Transfer-Encoding") or "").lower()
    if "chunked" in te:
        body = _dechunk(body)
    ce = (headers.get("Content-Encoding") or "").strip().lower()
    if ce in ("", "identity", "none", "utf-8", "utf8"):
        return body
    if ce in ("gzip", "x-gzip", "deflate"):
        wbits = 47 if ce != "deflate" else 15  # 47: gzip or zlib header, auto-detected
        try:
            d = zlib.decompressobj(wbits)
            out = d.decompress(body, limit + 1)
        except zlib.error:
            if ce != "deflate":
                raise ValueError(f"corrupt {ce} body") from None
            try:  # raw deflate without the zlib header
                d = zlib.decompressobj(-15)
                out = d.decompress(body, limit + 1)
            except zlib.error as e:
                raise ValueError(f"corrupt deflate body: {e}") from None
        if len(out) > limit:
            raise ValueError(f"body decompresses to over {limit / 1e6:.0f} MB")
        return out
    if ce == "br":
        try:
            import brotli
        except ImportError:
            raise ValueError("Content-Encoding br needs the 'brotli' package") from None
        try:
            return brotli.decompress(body)
        except brotli.error as e:
            raise ValueError(f"corrupt br body: {e}") from None
    raise ValueError(f"unsupported Content-Encoding {ce!r}")


def _dechunk(body: bytes) -> bytes:
    out = []
    i = 0
    n = len(body)
    while i < n:
        j = body.find(b"\n", i)
        if j < 0:
            raise ValueError("malformed chunked body")
        size_field = body[i:j].split(b";")[0].strip()
        try:
            size = int(size_field, 16)
        except ValueError:
            raise ValueError("malformed chunked body") from None
        if size == 0:
            break
        out.append(body[j + 1:j + 1 + size])
        i = j + 1 + size
        if body[i:i + 2] == b"\r\n":
            i += 2
        elif body[i:i + 1] == b"\n":
            i += 1
    return b"".join(out)
