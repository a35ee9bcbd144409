"""Per-call time limits.

:func:`run_with_timeout` is what ``clean_article(..., timeout=N)`` uses; the batch
command's workers use :func:`call_with_deadline`, which raises instead.

How the limit is enforced depends on where the call runs:

* **Main thread on POSIX**: a one-shot ``signal.setitimer(ITIMER_REAL)`` and a
  ``SIGALRM`` handler that raises in the running code. The previous handler and any
  pending outer timer are restored afterwards (nested limits work: the earlier deadline
  wins and each caller sees only its own expiry). Past the deadline the alarm is re-sent
  every 50 ms until the exception has left the timed code, since the signal can land in
  a gc callback or a ``__del__``, where Python drops exceptions.
* **Any other thread, or a platform without SIGALRM (Windows)**: a timer thread
  injects the exception into the calling thread with CPython's
  ``PyThreadState_SetAsyncExc``. On an interpreter without that call (e.g. PyPy) the
  function runs without a limit.

Either way the exception is delivered between two Python bytecodes, so a single long
call into C (libxml2 parsing one enormous page) finishes before it is seen. The batch
command therefore adds a hard limit at the worker-process boundary: a worker that has not
answered a little after the deadline is killed and replaced, and the document becomes an
error record.

The exception derives from ``BaseException`` so that an ``except Exception`` inside the
timed code (best-effort helpers often have one) cannot swallow it.
"""
from __future__ import annotations

import signal
import threading
import time
from typing import Any, Callable

__all__ = ["TimeLimitExceeded", "run_with_timeout", "call_with_deadline"]


class TimeLimitExceeded(BaseException):
    """The time limit of a :func:`call_with_deadline` call expired."""


def _check(seconds: float) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"timeout must be a number of seconds, not {type(seconds).__name__}")
    if not seconds > 0 or seconds != seconds or seconds == float("inf"):
        raise ValueError(f"timeout must be a positive number of seconds, not {seconds!r}")
    return seconds


def run_with_timeout(seconds: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``fn(*args, **kwargs)``; if it runs longer than ``seconds``, give up and return an
    empty :class:`~boilerstrip.Article` whose ``reason`` is ``"timeout: gave up after {seconds}s"``.

    Never raises because of the limit (exceptions raised by ``fn`` itself propagate).
    ``seconds=None`` calls ``fn`` without a limit.
    """
    if seconds is None:
        return fn(*args, **kwargs)
    done, value = _run(_check(seconds), fn, args, kwargs)
    if done:
        return value
    from .article import Article

    return Article(reason=f"timeout: gave up after {seconds}s")


def call_with_deadline(seconds: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Like :func:`run_with_timeout` but raise :class:`TimeLimitExceeded` on expiry."""
    if seconds is None:
        return fn(*args, **kwargs)
    done, value = _run(_check(seconds), fn, args, kwargs)
    if not done:
        raise TimeLimitExceeded(f"gave up after {seconds}s")
    return value


def _run(seconds: float, fn, args, kwargs) -> tuple[bool, Any]:
    """(True, result) or (False, None) when this call's own deadline expired.

    Each call raises its own subclass, so a nested call never mistakes an outer
    deadline for its own (the outer one propagates through it).
    """
    mine = type("TimeLimitExceeded", (TimeLimitExceeded,), {})
    if (
        threading.current_thread() is threading.main_thread()
        and hasattr(signal, "SIGALRM")
        and hasattr(signal, "setitimer")
    ):
        return _run_alarm(seconds, mine, fn, args, kwargs)
    return _run_async_exc(seconds, mine, fn, args, kwargs)


_RESEND = 0.05  # seconds between re-sent alarms once the deadline has passed


def _inside(frame, code) -> bool:
    """True if ``frame`` is running ``code`` or something it called."""
    while frame is not None:
        if frame.f_code is code:
            return True
        frame = frame.f_back
    return False


def _run_alarm(seconds, mine, fn, args, kwargs):
    start = time.monotonic()
    deadline = start + seconds
    state = {"active": True, "outer_fired": False}

    def inner():
        return fn(*args, **kwargs)

    def on_alarm(signum, frame):
        if not state["active"]:
            return
        now = time.monotonic()
        if now >= deadline - 0.002:
            # Raised where the signal lands. If that is a callback that swallows it (a gc
            # callback, a __del__), the timed code carries on: the timer is re-armed so the
            # exception is raised again until it escapes ``inner``; once it has (we are in
            # this function's handlers), the re-sent alarm does nothing.
            signal.setitimer(signal.ITIMER_REAL, _RESEND)
            if _inside(frame, inner.__code__):
                raise mine()
            return
        # An outer timer that was due before ours: let its handler act, then re-arm ours.
        state["outer_fired"] = True
        if callable(old_handler):
            old_handler(signum, frame)
        elif old_handler == signal.SIG_DFL:  # the outer timer would have ended the process
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.raise_signal(signal.SIGALRM)
        signal.setitimer(signal.ITIMER_REAL, max(deadline - time.monotonic(), 1e-4))

    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    outer_deadline = start + old_delay if old_delay > 0 else None
    if outer_deadline is not None and old_delay < seconds:
        signal.setitimer(signal.ITIMER_REAL, old_delay)
    try:
        return True, inner()
    except mine:
        return False, None
    finally:
        state["active"] = False  # first: an alarm arriving from here on is ignored
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if outer_deadline is not None and not state["outer_fired"]:
            signal.setitimer(
                signal.ITIMER_REAL, max(outer_deadline - time.monotonic(), 1e-4), old_interval
            )


def _run_async_exc(seconds, mine, fn, args, kwargs):
    try:
        import ctypes

        set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except (ImportError, AttributeError):  # not CPython: no way to interrupt; run unlimited
        return True, fn(*args, **kwargs)
    ident = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    stop = threading.Event()

    def watchdog():
        if stop.wait(seconds):
            return
        # Sent again every 0.1 s until the call ends: an asynchronous exception raised
        # inside a callback that swallows it (a gc callback, a bare except) is lost.
        while True:
            with lock:
                if not state["active"]:
                    return
                state["fired"] = True
                set_async_exc(ident, ctypes.py_object(mine))
            if stop.wait(0.1):
                return

    timer = threading.Thread(target=watchdog, daemon=True)
    try:
        try:
            timer.start()
            return True, fn(*args, **kwargs)
        finally:
            with lock:
                state["active"] = False
                if state["fired"]:
                    set_async_exc(ident, None)  # clear it if still pending
            stop.set()
    except mine:  # raised inside fn, or (rarely) in the cleanup above
        return False, None
