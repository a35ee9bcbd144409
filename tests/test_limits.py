"""run_with_timeout / call_with_deadline: the per-document time limit."""
from __future__ import annotations

import signal
import threading
import time

import pytest

from boilerstrip import Article, clean_article
from boilerstrip._limits import TimeLimitExceeded, call_with_deadline, run_with_timeout

SPIN_LIMIT = 20.0  # a "runaway" function gives up on its own after this long


def spin(result="finished"):
    """Busy Python code that would run for SPIN_LIMIT seconds."""
    end = time.monotonic() + SPIN_LIMIT
    n = 0
    while time.monotonic() < end:
        n += 1
    return result


def spin_swallowing():
    """Runaway code with a broad ``except Exception`` (which must not eat the timeout)."""
    while True:
        try:
            return spin()
        except Exception:
            continue


def test_runaway_call_returns_timeout_article():
    art = run_with_timeout(0.2, spin)
    assert isinstance(art, Article)
    assert art.text == ""
    assert art.reason == "timeout: gave up after 0.2s"


def test_fast_call_returns_its_value_and_restores_the_handler():
    def marker(signum, frame):  # pragma: no cover - never called
        pass

    old = signal.signal(signal.SIGALRM, marker)
    try:
        assert run_with_timeout(5, lambda x, y=1: x + y, 2, y=3) == 5
        assert signal.getsignal(signal.SIGALRM) is marker
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, old)


def test_exceptions_of_the_function_propagate():
    def boom():
        raise KeyError("x")

    with pytest.raises(KeyError):
        run_with_timeout(5, boom)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_broad_except_in_the_timed_code_does_not_swallow_the_limit():
    art = run_with_timeout(0.2, spin_swallowing)
    assert art.reason.startswith("timeout:")


def spin_after_a_swallowed_limit():
    """The first expiry lands in code that eats every exception (as a gc callback or a
    ``__del__`` does), then the runaway goes on."""
    try:
        spin()
    except BaseException:  # noqa: BLE001 - the point of the test
        pass
    return spin()


@pytest.mark.parametrize("in_thread", [False, True])
def test_a_swallowed_expiry_is_raised_again(in_thread):
    box = {}

    def call():
        t0 = time.monotonic()
        box["art"] = run_with_timeout(0.2, spin_after_a_swallowed_limit)
        box["took"] = time.monotonic() - t0

    if in_thread:
        t = threading.Thread(target=call)
        t.start()
        t.join(3 * SPIN_LIMIT)
    else:
        call()
    assert box["art"].reason == "timeout: gave up after 0.2s"
    assert box["took"] < SPIN_LIMIT / 4
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_call_with_deadline_raises():
    with pytest.raises(TimeLimitExceeded):
        call_with_deadline(0.2, spin)


def test_none_means_no_limit_and_bad_values_are_rejected():
    assert run_with_timeout(None, lambda: 7) == 7
    for bad in (0, -1, float("nan")):
        with pytest.raises(ValueError):
            run_with_timeout(bad, lambda: 1)
    with pytest.raises(TypeError):
        run_with_timeout("5", lambda: 1)


def test_nested_limits_each_caller_sees_its_own_expiry():
    # inner shorter: the inner call times out, the outer goes on and returns normally
    def outer_fn():
        inner = run_with_timeout(0.2, spin)
        return ("outer done", inner.reason)

    assert run_with_timeout(10, outer_fn) == ("outer done", "timeout: gave up after 0.2s")

    # outer shorter: the outer deadline propagates through the inner call
    def outer_fn2():
        return run_with_timeout(10, spin, "inner finished")

    art = run_with_timeout(0.3, outer_fn2)
    assert isinstance(art, Article) and art.reason == "timeout: gave up after 0.3s"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outer_timer_is_restored_after_an_inner_call():
    fired = []

    def handler(signum, frame):
        fired.append(signum)

    old = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        assert run_with_timeout(5, lambda: "ok") == "ok"
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30
        assert signal.getsignal(signal.SIGALRM) is handler
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert fired == []


def test_limit_works_outside_the_main_thread():
    out = {}

    def target():
        out["fast"] = run_with_timeout(5, lambda: "ok")
        out["slow"] = run_with_timeout(0.2, spin)

    t = threading.Thread(target=target)
    t.start()
    t.join(SPIN_LIMIT + 5)
    assert out["fast"] == "ok"
    assert isinstance(out["slow"], Article) and out["slow"].reason == "timeout: gave up after 0.2s"


def test_clean_article_with_timeout_cleans_normally():
    doc = "<html><body><article><p>" + "A plain sentence of article text. " * 20 + "</p></article></body></html>"
    art = clean_article(doc, timeout=10)
    assert "A plain sentence of article text." in art.text
    assert not art.reason.startswith("timeout")
