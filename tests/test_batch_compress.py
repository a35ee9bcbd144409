"""Reading plain/gzip/zstd streams that go on after damage."""
from __future__ import annotations

import gzip
import io

import zstandard

from boilerstrip.batch.compress import Damage, iter_chunks, sniff

LINES = [b'{"n": %d}\n' % i for i in range(6)]


def collect(data: bytes, kind, seekable=True):
    out, damage = b"", []
    for c in iter_chunks(io.BytesIO(data), kind, seekable=seekable):
        if isinstance(c, Damage):
            damage.append(c)
        else:
            out += c
    return out, damage


def test_sniff():
    assert sniff(gzip.compress(b"x")) == "gzip"
    assert sniff(zstandard.ZstdCompressor().compress(b"x")) == "zstd"
    assert sniff(b"WARC/1.0") is None


def test_multi_member_gzip_and_zero_padding():
    data = b"".join(gzip.compress(l) for l in LINES) + b"\x00" * 100
    assert collect(data, "gzip") == (b"".join(LINES), [])


def test_big_member_is_streamed_in_bounded_pieces():
    payload = b"0123456789" * 500_000
    pieces = [c for c in iter_chunks(io.BytesIO(gzip.compress(payload)), "gzip")]
    assert b"".join(pieces) == payload and max(map(len, pieces)) <= 1 << 20


def test_garbage_between_members_is_one_damage_and_reading_goes_on():
    members = [gzip.compress(l) for l in LINES]
    data = b"".join(members[:3]) + b"JUNK JUNK" + b"".join(members[3:])
    out, damage = collect(data, "gzip")
    assert out == b"".join(LINES)
    assert len(damage) == 1 and damage[0].offset == sum(map(len, members[:3]))


def test_corrupt_zstd_frame_is_skipped():
    c = zstandard.ZstdCompressor(write_checksum=True)
    frames = [c.compress(l) for l in LINES]
    bad = bytearray(frames[1])
    bad[-6:-4] = b"\xff\xff"
    out, damage = collect(frames[0] + bytes(bad) + b"".join(frames[2:]), "zstd")
    assert out == LINES[0] + b"".join(LINES[2:])
    assert len(damage) == 1 and "corrupt zstd" in damage[0].message and damage[0].offset == len(frames[0])


def test_without_seeking_damage_ends_the_stream():
    members = [gzip.compress(l) for l in LINES]
    out, damage = collect(b"".join(members[:2]) + b"JUNK" + b"".join(members[2:]), "gzip", seekable=False)
    assert out == b"".join(LINES[:2]) and len(damage) == 1


def test_truncated_member_is_reported():
    data = gzip.compress(b"".join(LINES))
    out, damage = collect(data[:-12], "gzip")
    assert len(damage) == 1 and "truncated gzip" in damage[0].message
