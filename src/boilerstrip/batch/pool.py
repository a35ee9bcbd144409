"""Worker processes, one document at a time each, with a hard per-document limit.

Why not ``multiprocessing.Pool``/``concurrent.futures``: ``Pool.imap`` reads the whole
input ahead (memory grows with the dump), neither can tell which worker holds a stuck
document, and a worker that dies takes the executor down (``BrokenProcessPool``) or
hangs the pool. Here each worker gets one task at a time over its own pipe, so:

* memory stays flat: at most ``jobs`` documents are in flight, plus a bounded reorder
  buffer in ordered mode;
* a document still running ``hard_timeout`` seconds after it was sent (the in-worker
  SIGALRM limit failed, e.g. inside one long C call) gets its worker killed and replaced,
  and becomes an error record;
* a worker that dies (segfault, OOM kill) costs only its document;
* a worker that has grown by more than ``Config.retire_growth_mb`` since its start-up,
  or has cleaned ``max_tasks`` documents, is replaced, which returns memory that a long
  run's allocator fragmentation and lxml's caches would otherwise keep.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
import sys
import time
from multiprocessing.connection import wait
from typing import Any, Iterator

from .readers import Item
from .worker import Config, worker_main


def _context():
    # fork is fastest and shares the site profile copy-on-write; elsewhere (macOS,
    # Windows) the platform default (spawn) is the safe choice. The parent stays light
    # (it never runs the cleaner), so what a worker inherits is small.
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context()


class _Worker:
    __slots__ = ("proc", "conn", "task", "sent_at", "done")

    def __init__(self, ctx, cfg: Config, others: list | None = None) -> None:
        parent, child = ctx.Pipe(duplex=True)
        # A forked child inherits every descriptor: it must close the parent's ends (its
        # own and the other workers'), or it never sees end-of-file when the parent dies.
        inherited = [parent] + list(others or []) if ctx.get_start_method() == "fork" else []
        self.proc = ctx.Process(target=worker_main, args=(child, cfg, inherited), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.task: tuple[int, Item] | None = None
        self.sent_at = 0.0
        self.done = 0

    def kill(self) -> None:
        try:
            self.proc.kill()
        except Exception:
            pass
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except Exception:
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self.conn.close()


def _death_message(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process killed by {name} while cleaning this document"
    return f"worker process exited (status {code}) while cleaning this document"


class Pool:
    def __init__(self, cfg: Config, jobs: int, hard_timeout: float | None, max_tasks: int = 2000) -> None:
        self.cfg = cfg
        self.jobs = max(1, jobs)
        self.hard_timeout = hard_timeout
        self.max_tasks = max_tasks
        self._ctx = _context()
        self.workers: list[_Worker] = []
        self.restarts = 0
        self.retired = 0  # workers replaced because they grew (or grew old)

    def __enter__(self) -> "Pool":
        self.workers = []
        for _ in range(self.jobs):
            self.workers.append(_Worker(self._ctx, self.cfg, [w.conn for w in self.workers]))
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for w in self.workers:
            if w.task is not None:
                w.kill()
            else:
                w.stop()
        self.workers = []

    def _replace(self, w: _Worker, kill: bool) -> _Worker:
        i = self.workers.index(w)
        w.kill() if kill else w.stop()
        others = [x.conn for x in self.workers if x is not w]
        self.workers[i] = fresh = _Worker(self._ctx, self.cfg, others)
        self.restarts += kill
        return fresh

    def _send(self, w: _Worker, seq: int, item: Item) -> None:
        task = (item.data, item.kind, item.charset, item.url)
        try:
            w.conn.send((seq, task))
        except (BrokenPipeError, ConnectionResetError, EOFError, OSError):
            w = self._replace(w, kill=True)  # it died while idle: one retry on a fresh one
            w.conn.send((seq, task))
        item.data = None  # the worker has it: not kept here while it works or waits in order
        w.task = (seq, item)
        w.sent_at = time.monotonic()

    def map(self, items: Iterator[Item], ordered: bool = True) -> Iterator[tuple[Item, dict | None]]:
        """Yield (item, result) for every item; result is None for items that are errors
        already (they never go to a worker). In input order when ``ordered``."""
        it = iter(items)
        exhausted = False
        seq = 0
        next_out = 0
        done: dict[int, tuple[Item, dict | None]] = {}
        cap = 4 * self.jobs + 64  # bound on results waiting for a slow earlier document

        def finished(s: int, item: Item, res: dict | None):
            done[s] = (item, res)

        while True:
            # hand out work
            while not exhausted and len(done) < cap:
                idle = next((w for w in self.workers if w.task is None), None)
                if idle is None:
                    break
                try:
                    item = next(it)
                except StopIteration:
                    exhausted = True
                    break
                s, seq = seq, seq + 1
                if item.error is not None or item.data is None:
                    finished(s, item, None)
                else:
                    self._send(idle, s, item)
            # emit what is ready
            if ordered:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
            else:
                for s in sorted(done):
                    yield done.pop(s)
            busy = [w for w in self.workers if w.task is not None]
            if not busy:
                if exhausted and not done:
                    return
                continue
            # wait for a result, a death, or the next deadline
            timeout = None
            if self.hard_timeout:
                timeout = max(0.0, min(w.sent_at for w in busy) + self.hard_timeout - time.monotonic())
            handles: dict[Any, _Worker] = {}
            for w in busy:
                handles[w.conn] = w
                handles[w.proc.sentinel] = w
            ready = wait(list(handles), timeout)
            seen: set[int] = set()
            for h in ready:
                w = handles[h]
                if id(w) in seen or w.task is None:
                    continue
                seen.add(id(w))
                s, item = w.task
                res = None
                retire = False
                if w.conn.poll():
                    try:
                        rs, res, retire = w.conn.recv()
                        assert rs == s
                    except (EOFError, OSError):
                        res = None
                if res is None:  # no answer: the process died
                    w.proc.join(1)
                    finished(s, item, {"error": _death_message(w.proc), "chars_in": 0})
                    w.task = None
                    self._replace(w, kill=True)
                    continue
                finished(s, item, res)
                w.task = None
                w.done += 1
                if retire or w.done >= self.max_tasks:
                    self._replace(w, kill=False)
                    self.retired += 1
            if self.hard_timeout:
                now = time.monotonic()
                for w in list(self.workers):
                    if w.task is not None and now - w.sent_at >= self.hard_timeout:
                        s, item = w.task
                        w.task = None
                        finished(s, item, {"error": f"timeout after {self.cfg.doc_timeout:g}s", "chars_in": 0})
                        self._replace(w, kill=True)
