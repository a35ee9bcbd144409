"""Progress display and the final summary.

On a terminal: a tqdm bar (documents, docs/s, MB/s, errors). Otherwise: a plain log line
every ``interval`` seconds. ``--quiet``: nothing.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field


def _fmt_n(n: float) -> str:
    for unit, div in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(n) >= div:
            return f"{n / div:.1f}{unit}"
    return f"{n:.0f}"


@dataclass
class Totals:
    docs: int = 0
    ok: int = 0
    errors: int = 0
    nbytes: int = 0
    chars_in: int = 0
    chars_out: int = 0
    removed: Counter = field(default_factory=Counter)
    error_kinds: Counter = field(default_factory=Counter)
    duplicates: int = 0

    def add(self, rec: dict) -> None:
        self.docs += 1
        if rec.get("error") is not None:
            self.errors += 1
            self.error_kinds[_error_kind(rec["error"])] += 1
        else:
            self.ok += 1
            self.chars_out += rec.get("chars_out") or 0
            self.removed.update(rec.get("removed") or {})
        self.chars_in += rec.get("chars_in") or 0
        if rec.get("duplicate_of"):
            self.duplicates += 1


def _error_kind(msg: str) -> str:
    low = msg.lower()
    for key, label in (
        ("timeout", "timeout"), ("invalid json", "invalid JSON"), ("warc", "bad WARC record"),
        ("gzip", "corrupt gzip"), ("zstd", "corrupt zstd"), ("cannot read", "unreadable"),
        ("too large", "too large"), ("longer than", "too large"), ("worker process", "worker died"),
        ("field", "bad JSON field"), ("expected a json object", "invalid JSON"),
        ("decode", "bad HTTP body"),
    ):
        if key in low:
            return label
    return "exception"


class Progress:
    def __init__(self, mode: str, label: str, interval: float = 10.0) -> None:
        self.mode = mode  # "bar", "log" or "none"
        self.label = label
        self.interval = interval
        self.start = time.monotonic()
        self.docs = 0
        self.errors = 0
        self.nbytes = 0
        self._last_log = self.start
        self._bar = None
        if mode == "bar":
            try:
                import tqdm

                tqdm.tqdm.monitor_interval = 0  # no monitor thread (workers are forked)
                self._bar = tqdm.tqdm(desc=label, unit="doc", file=sys.stderr, dynamic_ncols=True,
                                      smoothing=0.1, mininterval=0.5)
            except ImportError:  # pragma: no cover - tqdm is a dependency
                self.mode = "log"

    def update(self, nbytes: int, error: bool) -> None:
        self.docs += 1
        self.errors += error
        self.nbytes += nbytes
        if self._bar is not None:
            self._bar.update(1)
            if self.docs % 16 == 1:
                el = max(time.monotonic() - self.start, 1e-9)
                self._bar.set_postfix_str(f"{self.nbytes / el / 1e6:.2f} MB/s, {self.errors} errors", refresh=False)
        elif self.mode == "log":
            now = time.monotonic()
            if now - self._last_log >= self.interval:
                self._last_log = now
                self.log_line()

    def log_line(self) -> None:
        el = max(time.monotonic() - self.start, 1e-9)
        print(
            f"boilerstrip batch: {self.label}: {self.docs} docs ({self.errors} errors), "
            f"{self.docs / el:.1f} docs/s, {self.nbytes / el / 1e6:.2f} MB/s, {el:.0f}s",
            file=sys.stderr, flush=True,
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def summary(t: Totals, wall: float, nbytes: int, *, resumed: int = 0, skipped: int = 0,
            dedup: bool = False, profile_sites: int | None = None, profile_blocks: int | None = None) -> str:
    removed_total = sum(t.removed.values())
    text_total = removed_total + t.chars_out
    lines = []
    head = f"documents: {t.docs}  ok: {t.ok}  errors: {t.errors}"
    if t.error_kinds:
        head += " (" + ", ".join(f"{k} {n}" for k, n in t.error_kinds.most_common()) + ")"
    lines.append(head)
    if resumed:
        lines.append(f"resumed: {resumed} records were already written and kept")
    if skipped:
        lines.append(f"skipped: {skipped} WARC records that are not HTML or text")
    share = removed_total / text_total if text_total else 0.0
    lines.append(
        f"chars removed: {_fmt_n(removed_total)} of {_fmt_n(text_total)} text chars ({share:.1%}); "
        f"kept {_fmt_n(t.chars_out)} of {_fmt_n(t.chars_in)} input chars"
    )
    if t.removed:
        parts = [f"{r} {c / text_total:.1%}" for r, c in t.removed.most_common(12)]
        lines.append("  by reason: " + ", ".join(parts))
    if dedup:
        lines.append(f"near-duplicates flagged: {t.duplicates}")
    if profile_sites is not None:
        lines.append(f"site profile: {profile_sites} sites, {profile_blocks} repeated blocks")
    wall = max(wall, 1e-9)
    lines.append(
        f"throughput: {t.docs / wall:.1f} docs/s, {nbytes / wall / 1e6:.2f} MB/s; wall time {wall:.1f}s"
    )
    return "\n".join(lines)
