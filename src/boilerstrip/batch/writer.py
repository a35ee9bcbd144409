"""Output: JSON Lines (one record per document) or one file per document, and resuming.

Records are written whole: each is one ``os.write`` of a complete line on a file opened
for appending, so a crash or SIGKILL leaves at most one partial last line. On
``--resume`` :func:`scan` reads the output back, keeps every complete, parseable record,
and truncates whatever follows (a cut-off last line), so the rerun rewrites it.

With ``--out-dir`` each document's text goes to its own file, written to a temporary name
and renamed (never half-written), and the record without its text goes to
``index.jsonl`` in the same directory (with ``"file"`` naming the document's file); the
index is what ``--resume`` reads.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

INDEX_NAME = "index.jsonl"
_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)
_MAX_NAME_CHARS = 80
_MAX_NAME_BYTES = 160  # well under the usual 255-byte limit, leaving room for the suffix


def safe_name(ident: str) -> str:
    """A file name stem derived from a document id, safe on any common file system.

    Only letters, digits, ``_``, ``-`` and ``.`` survive (runs of anything else become one
    ``_``); leading and trailing dots/dashes go, so ``..`` and hidden names are impossible;
    the stem is cut to 80 characters (160 UTF-8 bytes); a short hash of the full id is
    appended, so different ids never share a name and reserved names like ``CON`` or
    ``NUL`` cannot occur. Path separators, NUL bytes and control characters are all
    outside the kept set.
    """
    text = unicodedata.normalize("NFKC", ident)
    stem = _UNSAFE.sub("_", text).strip("._-")
    stem = re.sub(r"_+", "_", stem)[:_MAX_NAME_CHARS]
    while len(stem.encode("utf-8")) > _MAX_NAME_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip("._-") or "doc"
    digest = hashlib.blake2b(ident.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
    return f"{stem}-{digest}"


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def encode_record(rec: dict[str, Any]) -> bytes:
    return (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8", "replace")


class JsonlWriter:
    """Appends whole records to a file (or writes them to stdout for ``-``)."""

    def __init__(self, path: str, append: bool) -> None:
        self.path = path
        if path == "-":
            self.fd = 1
            self._own = False
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self.fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o644)
            if not append:  # every later write appends, like the resumed case
                os.close(self.fd)
                self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
            self._own = True

    def write(self, rec: dict[str, Any], body: str | None = None) -> None:
        _write_all(self.fd, encode_record(rec))

    def close(self) -> None:
        if self._own:
            try:
                os.fsync(self.fd)
            except OSError:
                pass
            os.close(self.fd)
            self._own = False


class OutDirWriter:
    """One ``.txt``/``.md`` file per document plus ``index.jsonl``."""

    def __init__(self, directory: str, ext: str, append: bool, used_names: set[str] | None = None) -> None:
        os.makedirs(directory, exist_ok=True)
        self.dir = directory
        self.ext = ext
        self.index = JsonlWriter(os.path.join(directory, INDEX_NAME), append)
        self.used = used_names or set()

    def _name(self, rec: dict[str, Any]) -> str:
        name = safe_name(str(rec.get("id") or "doc")) + self.ext
        if name in self.used:  # the same id twice: tell them apart by where they came from
            src = json.dumps(rec.get("source"), sort_keys=True)
            name = safe_name(f"{rec.get('id')}|{src}") + self.ext
        self.used.add(name)
        return name

    def write(self, rec: dict[str, Any], body: str | None = None) -> None:
        rec = dict(rec)
        text = rec.pop("text", "")
        if rec.get("error") is None:
            name = self._name(rec)
            final = os.path.join(self.dir, name)
            tmp = os.path.join(self.dir, f".{name}.tmp")
            with open(tmp, "w", encoding="utf-8", errors="replace", newline="\n") as fh:
                content = body if body is not None else text
                fh.write(content if content.endswith("\n") or not content else content + "\n")
            os.replace(tmp, final)
            rec["file"] = name
        else:
            rec["file"] = None
        self.index.write(rec)

    def close(self) -> None:
        self.index.close()


@dataclass
class ScanResult:
    records: int = 0
    errors: int = 0
    last_source: Any = None
    sources: set[str] = field(default_factory=set)  # only filled when asked for
    names: set[str] = field(default_factory=set)
    truncated_bytes: int = 0
    bad_line: int | None = None


def source_key(source: Any) -> str:
    return json.dumps(source, sort_keys=True, ensure_ascii=False)


def scan(path: str, *, want_sources: bool, on_record: Callable[[dict], None] | None = None) -> ScanResult:
    """Read an existing output back for ``--resume``; cut off an incomplete tail."""
    res = ScanResult()
    if not os.path.exists(path):
        return res
    good_end = 0
    with open(path, "rb") as fh:
        lineno = 0
        while True:
            line = fh.readline()
            if not line:
                break
            lineno += 1
            if not line.endswith(b"\n"):
                break  # a cut-off last line
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict) or "source" not in rec:
                    raise ValueError("not a record")
            except ValueError:
                res.bad_line = lineno
                break
            good_end = fh.tell()
            res.records += 1
            res.errors += rec.get("error") is not None
            res.last_source = rec.get("source")
            if want_sources:
                res.sources.add(source_key(rec.get("source")))
            if rec.get("file"):
                res.names.add(rec["file"])
            if on_record is not None:
                on_record(rec)
        size = fh.seek(0, os.SEEK_END)
    if size > good_end:
        res.truncated_bytes = size - good_end
        os.truncate(path, good_end)
    return res
