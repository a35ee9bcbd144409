"""What a worker process does with one document.

:func:`process` turns a task (document bytes or text, its kind, HTTP charset and URL)
into a plain dict of results; :func:`worker_main` is the process loop around it.
Nothing here raises: every failure becomes ``{"error": ...}``.
"""
from __future__ import annotations

import codecs
import os
import signal
import sys
import traceback
from dataclasses import dataclass, field
from typing import Any

from .. import block_hash, clean_article
from .._limits import TimeLimitExceeded, call_with_deadline
from . import dedup as _dedup
from . import profile as _profile


@dataclass
class Config:
    """Everything a worker needs; fixed for a whole pass."""

    mode: str = "clean"  # "clean" (the output pass) or "learn" (the site-profile pass)
    doc_timeout: float | None = 5.0
    metadata: bool = True
    include_comments: bool = False
    include_tables: bool = True
    favor: str = "balanced"
    markdown: bool = False  # also render Markdown (--out-dir --format md)
    shingles: bool = False  # also return word 3-gram hashes (--dedup)
    profile: dict[str, frozenset] = field(default_factory=dict)  # site -> block hashes
    # a worker that holds this much more than after its start-up, after a document
    # (allocator fragmentation from multi-MB pages), is replaced by a fresh one; None: never
    retire_growth_mb: float | None = 40.0


def decode(data: bytes, charset: str | None) -> str:
    """Bytes to text: a BOM first, then the HTTP header's charset, then the library's detection.

    Valid non-ASCII UTF-8 wins over a declared single-byte charset (the same rule the
    library applies to ``<meta charset>``: servers mislabel far more often than UTF-8
    happens by accident).
    """
    from .._input import _BOMS, decode_bytes

    if charset and not any(data.startswith(bom) for bom, _ in _BOMS):
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            codec = None
        if codec:
            if codec != "utf-8" and not codec.startswith(("utf-16", "utf-32")) and not data.isascii():
                try:
                    return data.decode("utf-8")
                except UnicodeDecodeError:
                    pass
            return data.decode(codec, "replace")
    return decode_bytes(data)[0]


def _describe(e: BaseException) -> str:
    msg = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    tb = traceback.extract_tb(e.__traceback__)
    if tb:
        last = tb[-1]
        msg += f" (at {os.path.basename(last.filename)}:{last.lineno})"
    return msg


def process(task: list, cfg: Config) -> dict[str, Any]:
    """Clean one document. ``task`` is [data, kind, charset, url]; ``data`` is released
    from it once decoded (one copy fewer of a large page while it is cleaned)."""
    data, kind, charset, url = task
    task[0] = None
    out: dict[str, Any] = {"error": None}
    try:
        text_in = data if isinstance(data, str) else decode(data, charset)
        del data
        out["chars_in"] = len(text_in)
        site = _profile.site_key(url) if (cfg.profile or cfg.mode == "learn") else None
        kwargs = dict(input=kind, include_comments=cfg.include_comments,
                      include_tables=cfg.include_tables, favor=cfg.favor)
        if cfg.mode == "learn":
            art = _clean(cfg, text_in, url, metadata=False, **kwargs)
            hashes = {block_hash(b.text) for b in list(art.blocks) + list(art.removed) if b.text.strip()}
            out["site"] = site
            out["hashes"] = b"".join(bytes.fromhex(h) for h in sorted(hashes))
            return out
        site_profile = cfg.profile.get(site) if site else None
        art = _clean(cfg, text_in, url, metadata=cfg.metadata, site_profile=site_profile, **kwargs)
    except TimeLimitExceeded:
        return {"error": f"timeout after {cfg.doc_timeout:g}s", "chars_in": out.get("chars_in", 0)}
    except Exception as e:  # one document must never stop the run
        return {"error": _describe(e), "chars_in": out.get("chars_in", 0)}
    out.update(
        url=art.url or url,
        title=art.title,
        author=art.author,
        date=art.date,
        text=art.text,
        removed=art.removed_counts(),
        chars_out=len(art.text),
        reason=art.reason or "",
    )
    if cfg.markdown:
        try:
            out["markdown"] = art.to_markdown()
        except Exception as e:
            return {"error": "rendering Markdown failed: " + _describe(e), "chars_in": out["chars_in"]}
    if cfg.shingles:
        out["shingles"] = _dedup.shingle_bytes(art.text)
    return out


#: Whether this worker process has used its one retry (see :func:`_clean`).
_retried = False


def _clean(cfg: Config, text: str, url: str | None, **kwargs):
    """clean_article under the time limit.

    The first document to time out in a worker's life is tried once more: libraries
    initialise lazily on first use (today trafilatura's date search builds dateparser's
    tables for all locales, about 10 s of CPU), and that one-time cost should not turn
    whichever document triggers it into an error. The initialisation goes on where it
    stopped, so the second try usually finishes; a real runaway fails it too.
    """
    global _retried
    if not cfg.doc_timeout:
        return clean_article(text, url, **kwargs)
    try:
        return call_with_deadline(cfg.doc_timeout, clean_article, text, url, **kwargs)
    except TimeLimitExceeded:
        if _retried:
            raise
        _retried = True
        return call_with_deadline(cfg.doc_timeout, clean_article, text, url, **kwargs)


def _malloc_trim():
    """glibc's malloc_trim, which hands freed memory back to the system.

    Without it a worker keeps, for the rest of its life, the peak it reached on its
    largest document; with it, the memory of the whole process tree stays near the
    sum of what the documents being cleaned right now need.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _rss_mb() -> float:
    """This process's resident size in MB (Linux; 0 elsewhere: never retire)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1048576
    except (OSError, ValueError, IndexError):
        return 0.0


def warm_up() -> None:
    """Run the library once so that its lazy imports and tables are loaded before the
    first real document (whose time limit would otherwise include them)."""
    try:
        clean_article("<html><head><title>Warm up</title></head><body><article><h1>Warm up</h1>"
                      "<p>A short paragraph of text to warm up the cleaner.</p></article></body></html>",
                      "https://example.com/warm-up")
        clean_article("Warm up\n\nA short paragraph of text to warm up the cleaner.", input="text")
    except Exception:  # only an optimisation
        pass


def worker_main(conn, cfg: Config, inherited: list = ()) -> None:
    """Receive (seq, task) messages, answer (seq, result); ``None`` ends the loop (and so
    does end-of-file: the parent is gone). ``inherited``: the parent's ends of the pipes,
    which a forked worker must close."""
    for c in inherited:
        try:
            c.close()
        except OSError:
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    warm_up()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    # (a forked worker's resident size includes the parent's pages it shares: a base
    # taken here, not a fixed size, makes the limit mean the worker's own growth)
    limit = None if cfg.retire_growth_mb is None else _rss_mb() + cfg.retire_growth_mb
    try:
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                return
            if msg is None:
                return
            seq, task = msg
            msg = None
            task = list(task)  # the tuple goes; process() can then drop the document bytes
            result = process(task, cfg)
            task = None
            if trim is not None:
                trim(0)
            retire = limit is not None and _rss_mb() > limit
            conn.send((seq, result, retire))
            del result
            if retire:
                return
    except (BrokenPipeError, KeyboardInterrupt):
        return
