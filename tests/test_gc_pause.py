"""clean_article() pauses the cyclic garbage collector while it works (api._gc_paused)
and always leaves it as it found it: on, off, after an error, across threads."""
from __future__ import annotations

import contextlib
import gc
import threading

import pytest

from boilerstrip import clean_article

BIG_PAGE = "<html><body>" + "".join(
    f"<div class='c{i}'><p>Paragraph {i} of the story, with a few words in it.</p></div>" for i in range(5000)
) + "</body></html>"


def _collections_during(fn) -> int:
    seen = []

    def cb(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(cb)
    try:
        fn()
    finally:
        gc.callbacks.remove(cb)
    return len(seen)


def test_no_collection_runs_during_a_call():
    """At most one: the one that the objects still held by the result may set off when
    the collector is turned back on (without the pause, the same call sets off dozens)."""
    assert gc.isenabled()
    clean_article(BIG_PAGE, metadata=False)  # (first-use costs: tables, lazy regexes)
    assert _collections_during(lambda: clean_article(BIG_PAGE, metadata=False)) <= 1
    assert gc.isenabled()


def test_the_check_can_fail(monkeypatch):
    """Without the pause, the same call sets off many collections."""
    from boilerstrip import api

    monkeypatch.setattr(api, "_gc_paused", contextlib.nullcontext)
    clean_article(BIG_PAGE, metadata=False)
    assert _collections_during(lambda: clean_article(BIG_PAGE, metadata=False)) > 5


def test_left_off_when_the_caller_turned_it_off():
    gc.disable()
    try:
        clean_article("<p>Some text of a page.</p>", metadata=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_back_on_after_an_error():
    with pytest.raises(TypeError):
        clean_article(12345)
    assert gc.isenabled()
    with pytest.raises(ValueError):
        clean_article("<p>x</p>", favor="fast")  # checked before the pause
    assert gc.isenabled()


def test_back_on_after_calls_in_threads():
    errors = []

    def work():
        try:
            for _ in range(20):
                clean_article("<html><body><p>One paragraph of text that reads as an article.</p></body></html>",
                              metadata=False)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert gc.isenabled()
