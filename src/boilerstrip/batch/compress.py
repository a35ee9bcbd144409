"""Byte streams from plain, gzip or zstd files that go on after a corrupt member.

:func:`iter_chunks` yields decompressed ``bytes`` and, where the data is damaged, a
:class:`Damage` marker, then carries on from the next gzip member / zstd frame it can
find (multi-member files - concatenated gzip, bgzip, per-record WARC compression - lose
only the broken member). A single-member file loses the rest of the file, and says so.

Decompression itself is the standard library's ``zlib`` and the ``zstandard`` package;
this module only walks members and resynchronises.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterator

GZIP_MAGIC = b"\x1f\x8b\x08"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
CHUNK = 1 << 16
#: At most this much output per decompression call (bounds memory on highly compressible data).
MAX_OUT = 1 << 20


@dataclass
class Damage:
    """Unreadable data at compressed byte ``offset`` of the file."""

    offset: int
    message: str


def sniff(head: bytes) -> str | None:
    """"gzip", "zstd" or None (plain) from a file's first bytes."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def compression_suffix(name: str) -> str | None:
    low = name.lower()
    if low.endswith(".gz") or low.endswith(".gzip"):
        return "gzip"
    if low.endswith(".zst") or low.endswith(".zstd"):
        return "zstd"
    return None


def strip_compression_suffix(name: str) -> str:
    low = name.lower()
    for suf in (".gzip", ".gz", ".zstd", ".zst"):
        if low.endswith(suf):
            return name[: -len(suf)]
    return name


def _new_decoder(kind: str):
    if kind == "gzip":
        return zlib.decompressobj(31)
    import zstandard

    return zstandard.ZstdDecompressor().decompressobj()


def _errors(kind: str) -> tuple[type[BaseException], ...]:
    if kind == "gzip":
        return (zlib.error,)
    import zstandard

    return (zstandard.ZstdError,)


def _find_magic(fh: BinaryIO, start: int, magic: bytes) -> int | None:
    """Offset of the next ``magic`` at or after ``start``, or None."""
    fh.seek(start)
    pos = start
    tail = b""
    while True:
        block = fh.read(CHUNK)
        if not block:
            return None
        data = tail + block
        i = data.find(magic)
        if i >= 0:
            return pos - len(tail) + i
        tail = data[-(len(magic) - 1):]
        pos += len(block)


def _all_zero(fh: BinaryIO, start: int, end: int | None) -> bool:
    fh.seek(start)
    left = None if end is None else end - start
    while left is None or left > 0:
        block = fh.read(CHUNK if left is None else min(CHUNK, left))
        if not block:
            return True
        if block.strip(b"\x00"):
            return False
        if left is not None:
            left -= len(block)
    return True


def iter_chunks(fh: BinaryIO, kind: str | None, *, seekable: bool = True) -> Iterator[bytes | Damage]:
    """Decompressed data of ``fh`` (``kind`` from :func:`sniff`) as bytes and Damage items.

    ``fh`` must be positioned at offset 0. Without ``seekable`` (stdin) damage ends the
    stream instead of resynchronising on the next member.
    """
    if kind is None:
        while True:
            block = fh.read(CHUNK)
            if not block:
                return
            yield block
    magic = GZIP_MAGIC if kind == "gzip" else ZSTD_MAGIC
    errors = _errors(kind)
    label = kind
    unit = "member" if kind == "gzip" else "frame"
    pos = 0  # compressed offset of pending[0]
    member_start = 0
    dec = _new_decoder(kind)
    started = False  # the current member has consumed input
    pending = b""
    while True:
        if len(pending) < len(magic):
            more = fh.read(CHUNK)
            pending += more
            if not pending:
                if started:
                    yield Damage(member_start, f"truncated {label} data: the {unit} at offset {member_start} ends early")
                return
        if not started and not pending.startswith(magic):
            # Between members: trailing zero padding is harmless, anything else is damage.
            if not seekable:
                if pending.strip(b"\x00") or fh.read(CHUNK).strip(b"\x00"):
                    yield Damage(pos, f"unreadable non-{label} data at offset {pos}")
                return
            nxt = _find_magic(fh, pos, magic)
            if not _all_zero(fh, pos, nxt):
                what = "to the end of the file" if nxt is None else f"up to offset {nxt}"
                yield Damage(pos, f"unreadable non-{label} data from offset {pos} {what}")
            if nxt is None:
                return
            fh.seek(nxt)
            pos = member_start = nxt
            pending = b""
            continue
        try:
            if kind == "gzip":
                out = dec.decompress(pending, MAX_OUT)
                rest = dec.unconsumed_tail
            else:
                out = dec.decompress(pending[:CHUNK])
                rest = pending[CHUNK:]
        except errors as e:
            yield Damage(member_start, f"corrupt {label} data in the {unit} at offset {member_start}: {e}")
            if not seekable:
                return
            nxt = _find_magic(fh, member_start + 1, magic)
            if nxt is None:
                return
            fh.seek(nxt)
            pos = member_start = nxt
            dec, started, pending = _new_decoder(kind), False, b""
            continue
        started = True
        if out:
            yield out
        if dec.eof:
            tail = dec.unused_data + (rest if kind != "gzip" else b"")
            pos += len(pending) - len(tail)
            member_start = pos
            dec, started, pending = _new_decoder(kind), False, tail
        else:
            pos += len(pending) - len(rest)
            pending = rest
