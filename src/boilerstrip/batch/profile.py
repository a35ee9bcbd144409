"""Per-site profiles of repeated blocks (``--site-profile``).

The first pass cleans every document and reports the :func:`boilerstrip.block_hash` of
each of its blocks (kept and removed). Per site - the registered domain of the document's
URL, from courlan (which reads the Public Suffix List bundled with the ``tld`` package and
never goes to the network) - a block hash that occurs on at least ``min_share`` of the
site's pages, and on at least ``min_pages`` pages, goes into the profile. The second pass
hands each document its site's hash set (``clean_article(..., site_profile=...)``), which
drops those blocks with reason ``site-repeat``.

Counting is exact for small sites and bounded for big ones: per site, every ``1/eps``
pages (``eps = min_share / 4``), hashes that could no longer reach ``eps`` of the pages
are pruned (lossy counting, Manku & Motwani 2002), so a site's table holds a few
thousand entries whatever its size; a block that really is on ``min_share`` of the
pages is never pruned. Exact duplicate pages (same set of blocks) count once, so a page
crawled under ten URLs does not turn its own article into "site boilerplate".
Documents without a URL have no site and are left alone.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
from functools import lru_cache
from typing import Any

FORMAT = "boilerstrip-site-profile"
VERSION = 1


@lru_cache(maxsize=65536)
def site_key(url: str | None) -> str | None:
    """The registered domain of ``url`` ("news.example.co.uk" -> "example.co.uk"), or None.

    A host whose suffix is not on the list (``.example``, ``.local``) gets the list's
    default rule - the last two labels; an IP address is its own site.
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if "://" not in url[:12]:
        url = "http://" + url.lstrip("/")
    try:
        from ipaddress import ip_address
        from urllib.parse import urlsplit

        from courlan import extract_domain

        dom = extract_domain(url)
        if dom:
            return dom.lower()
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except Exception:
        return None
    if not host:
        return None
    try:
        ip_address(host)
        return host
    except ValueError:
        pass
    return ".".join(host.split(".")[-2:])


class _Site:
    __slots__ = ("pages", "counts", "first_bucket", "fingerprints")

    def __init__(self) -> None:
        self.pages = 0
        self.counts: dict[bytes, int] = {}
        self.first_bucket: dict[bytes, int] = {}
        self.fingerprints: set[bytes] = set()


class Learner:
    """Counts block hashes per site over the first pass."""

    def __init__(self, min_share: float = 0.2, min_pages: int = 3) -> None:
        self.min_share = min_share
        self.min_pages = min_pages
        self.width = max(1, math.ceil(4 / min_share))  # pages per lossy-counting bucket
        self.sites: dict[str, _Site] = {}
        self.duplicate_pages = 0

    def add(self, site: str | None, hashes: bytes) -> None:
        """One page: ``hashes`` is the worker's concatenation of 8-byte block hashes."""
        if not site or not hashes:
            return
        s = self.sites.get(site)
        if s is None:
            s = self.sites[site] = _Site()
        fp = hashlib.blake2b(hashes, digest_size=8).digest()
        if fp in s.fingerprints:
            self.duplicate_pages += 1
            return
        s.fingerprints.add(fp)
        s.pages += 1
        bucket = (s.pages - 1) // self.width + 1
        counts, first = s.counts, s.first_bucket
        for i in range(0, len(hashes), 8):
            h = hashes[i:i + 8]
            c = counts.get(h)
            if c is None:
                counts[h] = 1
                if bucket > 1:
                    first[h] = bucket - 1
            else:
                counts[h] = c + 1
        if s.pages % self.width == 0:  # end of a bucket: prune what cannot matter
            for h in [h for h, c in counts.items() if c + first.get(h, 0) <= bucket]:
                del counts[h]
                first.pop(h, None)

    def threshold(self, pages: int) -> int:
        return max(self.min_pages, math.ceil(self.min_share * pages - 1e-9))

    def profile(self) -> dict[str, dict[str, Any]]:
        """{site: {"pages": n, "blocks": [hex hashes]}} for sites with at least one block."""
        out = {}
        for site in sorted(self.sites):
            s = self.sites[site]
            need = self.threshold(s.pages)
            blocks = sorted(h.hex() for h, c in s.counts.items() if c >= need)
            if blocks:
                out[site] = {"pages": s.pages, "blocks": blocks}
        return out


def to_lookup(profile: dict[str, dict[str, Any]]) -> dict[str, frozenset]:
    """What the workers use: {site: frozenset of hex hashes}."""
    return {site: frozenset(v["blocks"]) for site, v in profile.items()}


def save(path: str, profile: dict, min_share: float, min_pages: int) -> None:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "min_share": min_share,
        "min_pages": min_pages,
        "sites": profile,
    }
    data = json.dumps(doc, ensure_ascii=False, indent=None, separators=(",", ":")).encode("utf-8")
    if path.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


class ProfileError(Exception):
    pass


def load(path: str) -> dict[str, dict[str, Any]]:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        doc = json.loads(data)
    except OSError as e:
        raise ProfileError(f"cannot read {path}: {e.strerror or e}") from None
    except (ValueError, EOFError) as e:
        raise ProfileError(f"{path} is not a site profile: {e}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ProfileError(f"{path} is not a site profile (made by --profile-out)")
    if doc.get("version") != VERSION:
        raise ProfileError(f"{path}: unsupported profile version {doc.get('version')!r}")
    sites = doc.get("sites")
    if not isinstance(sites, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("blocks"), list) for v in sites.values()
    ):
        raise ProfileError(f"{path}: malformed 'sites'")
    return sites
