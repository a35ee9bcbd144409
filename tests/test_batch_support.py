"""Helpers shared by the batch tests (small generated dumps), and checks of the helpers."""
from __future__ import annotations

import gzip
import json
import uuid
from pathlib import Path

import zstandard

from boilerstrip.cli import main

WORDS = (
    "river council budget school harbour bridge festival library orchard railway station "
    "museum market hospital garden theatre village county mayor teacher farmer engineer "
    "volunteer report meeting season weather harvest ferry tunnel clinic stadium archive"
).split()


def paragraphs(seed: int, n: int = 4, sentences: int = 4) -> list[str]:
    """Deterministic, distinct prose for document number ``seed``."""
    out = []
    for p in range(n):
        sents = []
        for s in range(sentences):
            k = seed * 131 + p * 17 + s * 7
            words = [WORDS[(k + i * (seed + 3)) % len(WORDS)] for i in range(9)]
            sents.append(f"Item {seed}.{p}.{s}: the " + " ".join(words) + " were discussed at length today.")
        out.append(" ".join(sents))
    return out


def html_page(seed: int, title: str | None = None, extra: str = "") -> str:
    title = title or f"Story number {seed}"
    body = "".join(f"<p>{p}</p>" for p in paragraphs(seed))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{body}{extra}</article></body></html>"
    )


def text_doc(seed: int, extra: str = "") -> str:
    return f"Story number {seed}\n\n" + "\n\n".join(paragraphs(seed)) + (f"\n\n{extra}" if extra else "") + "\n"


def compress(data: bytes, kind: str | None) -> bytes:
    if kind == "gzip":
        return gzip.compress(data, mtime=0)
    if kind == "zstd":
        return zstandard.ZstdCompressor(write_checksum=True).compress(data)  # as the zstd CLI does
    return data


SUFFIX = {None: "", "gzip": ".gz", "zstd": ".zst"}


def warc_record(uri: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                record_type: str = "response") -> bytes:
    if record_type == "response":
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        ctype = "application/http; msgtype=response"
    else:
        http = body
        ctype = content_type
    head = (
        f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-05-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=hash(uri) & (2**128 - 1))}>\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def write_warc(path: Path, records: list[bytes], kind: str | None = None) -> Path:
    """One compressed member per record, as WARC writers do."""
    path.write_bytes(b"".join(compress(r, kind) for r in records))
    return path


def write_jsonl(path: Path, rows: list[dict], kind: str | None = None, members: bool = False) -> Path:
    lines = [(json.dumps(r) + "\n").encode() for r in rows]
    if members:
        path.write_bytes(b"".join(compress(l, kind) for l in lines))
    else:
        path.write_bytes(compress(b"".join(lines), kind))
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(l) for l in Path(path).read_text(encoding="utf-8").splitlines() if l.strip()]


def run_batch(*args: str) -> int:
    """Run ``boilerstrip batch`` in this process (workers are forked from it)."""
    try:
        return main(["batch", *map(str, args)])
    except SystemExit as e:  # argparse errors
        return int(e.code)


# -- the helpers themselves --------------------------------------------------------------


def test_generated_documents_are_distinct_and_deterministic():
    assert paragraphs(1) == paragraphs(1)
    assert paragraphs(1) != paragraphs(2)
    assert "Story number 3" in html_page(3)


def test_warc_helper_writes_parseable_records(tmp_path):
    from fastwarc.warc import ArchiveIterator

    p = write_warc(tmp_path / "x.warc.gz", [warc_record("http://a.example/1", b"<p>hi</p>")], "gzip")
    recs = list(ArchiveIterator(open(p, "rb")))
    assert len(recs) == 1 and recs[0].headers.get("WARC-Target-URI") == "http://a.example/1"
