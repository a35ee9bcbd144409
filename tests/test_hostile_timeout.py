"""clean_article(timeout=...) from the library side, on a page that takes seconds.

The limit itself (src/boilerstrip/_limits.py) is tested in test_limits.py; here it is
checked on real slow input: the call returns an empty Article with a "timeout" reason
within a coarse bound, from the main thread and from a worker thread, and the library
works normally afterwards.
"""
from __future__ import annotations

import signal
import sys
import threading
import time
from pathlib import Path

from boilerstrip import clean_article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import hostile  # noqa: E402

# About 1 s of work here (segmenting 500,000 elements while libxml2 reads them).
SLOW = hostile.markup_99(1_000_000)
LIMIT = 0.3
BOUND = 10.0  # seconds: the parse (C code, not interruptible) plus generous slack
PAGE = hostile._page(f"<article><h1>Bridge vote</h1><p>{hostile._PARA}</p></article>")


def _slow_enough() -> float:
    t0 = time.perf_counter()
    clean_article(SLOW, metadata=False)
    return time.perf_counter() - t0


def test_timeout_gives_empty_article_with_reason():
    assert _slow_enough() > LIMIT * 2  # else the test below proves nothing
    t0 = time.perf_counter()
    art = clean_article(SLOW, timeout=LIMIT)
    took = time.perf_counter() - t0
    assert art.text == "" and art.blocks == []
    assert art.reason == f"timeout: gave up after {LIMIT}s"
    assert took < BOUND
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_timeout_in_a_worker_thread():
    box = {}

    def work():
        t0 = time.perf_counter()
        box["art"] = clean_article(SLOW, timeout=LIMIT)
        box["took"] = time.perf_counter() - t0

    t = threading.Thread(target=work)
    t.start()
    t.join(60)
    assert not t.is_alive()
    assert box["art"].reason.startswith("timeout")
    assert box["took"] < BOUND


def test_library_works_after_a_timeout():
    clean_article(SLOW, timeout=LIMIT)
    art = clean_article(PAGE, timeout=30)
    assert "discuss the new bridge" in art.text
    assert art.to_dict() == clean_article(PAGE).to_dict()


def test_refused_input_does_not_wait_for_the_limit():
    t0 = time.perf_counter()
    art = clean_article(hostile.random_bytes(100_000), timeout=30)
    assert art.reason.startswith("binary input")
    assert time.perf_counter() - t0 < 5
