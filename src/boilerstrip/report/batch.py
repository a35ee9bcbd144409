"""The summary page of a batch run, built from the batch JSONL records.

Each record is a dict with (any may be missing) ``id, source, url, title, author, date,
text, removed = {reason: chars}, chars_in, chars_out, error, duplicate_of``.

The page shows: documents, errors, duplicates; the share of characters removed per
document (histogram); removed characters by reason (bar chart); the sites with the most
``site-repeat`` removals; links to the documents with the most characters removed.
Charts are inline SVG drawn here (two bar charts do not justify a plotting library, and
the page must load nothing from the network).

Records are consumed as a stream: memory stays bounded by the number of sites and reasons,
not the number of documents.
"""
from __future__ import annotations

import heapq
import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import quote, urlsplit

from . import _html
from . import _model as m

#: Histogram bins of the share of characters removed (10 bins of 10 %).
N_BINS = 10
#: Documents listed under "most removed".
TOP_DOCS = 20
#: Sites listed under "most site-repeat removals".
TOP_SITES = 10
#: Errors listed by name (the count covers all of them).
MAX_ERRORS_LISTED = 100


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Records from a batch JSONL file. A line that is not a JSON object becomes an error
    record naming the line, so the report shows it instead of the run failing."""
    with open(path, encoding="utf-8", errors="replace") as f:
        yield from read_lines(f, os.fspath(path))


def read_lines(lines: Iterable[str], name: str) -> Iterator[dict[str, Any]]:
    """Records from JSONL ``lines`` (``name`` labels unreadable lines in the report)."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            yield {"source": f"{name} line {n}", "error": f"unreadable record: {e}"}
            continue
        if not isinstance(rec, dict):
            rec = {"source": f"{name} line {n}", "error": "unreadable record: not a JSON object"}
        yield rec


def _int(v: Any) -> int:
    try:
        return max(int(v), 0)
    except (TypeError, ValueError):
        return 0


def _removed(rec: dict[str, Any]) -> dict[str, int]:
    r = rec.get("removed")
    if not isinstance(r, dict):
        return {}
    return {str(k): _int(v) for k, v in r.items() if _int(v) > 0}


def site_of(rec: dict[str, Any]) -> str:
    """The host of the record's URL (without ``www.``), else the folder of its source."""
    url = rec.get("url")
    if isinstance(url, str) and url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            host = ""
        if host:
            return host[4:] if host.startswith("www.") else host
    src = rec.get("source")
    if isinstance(src, str) and src and src != "-":
        return os.path.dirname(src) or "."
    return "(unknown)"


def _text(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


def batch_summary(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Everything the page shows, as a JSON-ready dict (see the module docstring)."""
    documents = errors = duplicates = 0
    chars_in = chars_out = chars_removed = 0
    hist = [0] * N_BINS
    by_reason: dict[str, int] = {}
    sites: dict[str, list[int]] = {}  # site -> [documents with site-repeat, chars]
    error_list: list[dict[str, Any]] = []
    heap: list[tuple[int, int, dict[str, Any]]] = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            rec = {"error": "unreadable record: not a JSON object"}
        documents += 1
        err = rec.get("error")
        if err:
            errors += 1
            if len(error_list) < MAX_ERRORS_LISTED:
                error_list.append({"id": rec.get("id"), "source": _text(rec.get("source")),
                                   "url": _text(rec.get("url")), "error": str(err)})
            continue
        if rec.get("duplicate_of") not in (None, ""):
            duplicates += 1
        removed = _removed(rec)
        rm = sum(removed.values())
        out = _int(rec.get("chars_out"))
        if out == 0 and isinstance(rec.get("text"), str):
            out = len(rec["text"])
        chars_in += _int(rec.get("chars_in"))
        chars_out += out
        chars_removed += rm
        for k, v in removed.items():
            by_reason[k] = by_reason.get(k, 0) + v
        if removed.get("site-repeat"):
            s = sites.setdefault(site_of(rec), [0, 0])
            s[0] += 1
            s[1] += removed["site-repeat"]
        total = rm + out
        if total:
            share = rm / total
            hist[min(int(share * N_BINS), N_BINS - 1)] += 1
        if rm:
            item = {
                "id": rec.get("id"), "source": _text(rec.get("source")), "url": _text(rec.get("url")),
                "title": _text(rec.get("title")), "chars_removed": rm, "chars_out": out,
                "share": round(rm / total, 4) if total else 0.0,
                "reasons": dict(sorted(removed.items(), key=lambda kv: (-kv[1], kv[0]))[:3]),
            }
            entry = (rm, -i, item)
            if len(heap) < TOP_DOCS:
                heapq.heappush(heap, entry)
            elif entry[:2] > heap[0][:2]:
                heapq.heapreplace(heap, entry)
    top = [it for _, _, it in sorted(heap, key=lambda e: (-e[0], -e[1]))]
    return {
        "documents": documents,
        "ok": documents - errors,
        "errors": errors,
        "duplicates": duplicates,
        "chars_in": chars_in,
        "chars_out": chars_out,
        "chars_removed": chars_removed,
        "share_removed": round(chars_removed / (chars_removed + chars_out), 4) if chars_removed + chars_out else 0.0,
        "share_histogram": hist,
        "removed_by_reason": dict(sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0]))),
        "site_repeat_sites": [
            {"site": s, "documents": v[0], "chars": v[1]}
            for s, v in sorted(sites.items(), key=lambda kv: (-kv[1][1], kv[0]))[:TOP_SITES]
        ],
        "top_removed": top,
        "error_list": error_list,
    }


# --------------------------------------------------------------------------
# charts (geometry only; the template draws the SVG)
# --------------------------------------------------------------------------
def _histogram(hist: list[int]) -> dict[str, Any]:
    w, h, left, bottom, top = 640, 230, 40, 34, 22
    plot_w, plot_h = w - left - 10, h - bottom - top
    peak = max(hist) or 1
    bw = plot_w / len(hist)
    bars = []
    for i, n in enumerate(hist):
        bh = plot_h * n / peak
        lo, hi = i * 100 // N_BINS, (i + 1) * 100 // N_BINS
        bars.append({
            "x": round(left + i * bw + 2, 1), "y": round(top + plot_h - bh, 1),
            "w": round(bw - 4, 1), "h": round(bh, 1), "n": n, "cx": round(left + (i + 0.5) * bw, 1),
            "label": f"{lo}–{hi}%", "bin": i,
        })
    ticks = sorted({0, peak // 2, peak}) if peak > 1 else [0, 1]
    yticks = [{"y": round(top + plot_h - plot_h * t / peak, 1), "v": t} for t in ticks]
    return {"w": w, "h": h, "left": left, "base": top + plot_h, "right": w - 10, "bars": bars,
            "yticks": yticks, "label_y": h - bottom + 16}


def _reason_bars(by_reason: dict[str, int]) -> dict[str, Any]:
    rows = list(by_reason.items())
    label_w, bar_w, row_h, pad = 120, 380, 24, 6
    total = sum(by_reason.values()) or 1
    peak = max(by_reason.values(), default=0) or 1
    bars = []
    for i, (reason, chars) in enumerate(rows):
        bw = max(bar_w * chars / peak, 1)
        bars.append({
            "reason": reason, "chars": chars, "share": chars / total, "color": m.reason_color(reason),
            "y": pad + i * row_h, "w": round(bw, 1), "ty": pad + i * row_h + row_h / 2 + 4,
        })
    return {"w": label_w + bar_w + 170, "h": pad * 2 + row_h * len(rows), "label_w": label_w,
            "bar_h": row_h - 6, "bars": bars}


def _href(item: dict[str, Any], base_dir: str) -> str | None:
    """A safe link for a document: its http(s) URL, else its local file relative to the report."""
    url = item.get("url")
    if url:
        try:
            scheme = urlsplit(url).scheme.lower()
        except ValueError:
            scheme = ""
        if scheme in ("http", "https"):
            return url
    src = item.get("source")
    if src and src != "-" and os.path.isfile(src):
        rel = os.path.relpath(os.path.abspath(src), base_dir)
        return quote(Path(rel).as_posix())
    return None


def batch_report_html(records: Iterable[dict[str, Any]], *, base_dir: str = ".", title: str | None = None) -> str:
    """The summary page as a string (links to local files are relative to ``base_dir``)."""
    return _page(batch_summary(records), base_dir=base_dir, title=title)


def _page(s: dict[str, Any], *, base_dir: str, title: str | None) -> str:
    top = [dict(it, href=_href(it, base_dir)) for it in s["top_removed"]]
    return _html.render(
        "batch.html.j2",
        title=title or "boilerstrip batch report",
        s=s,
        top=top,
        hist=_histogram(s["share_histogram"]),
        reasons=_reason_bars(s["removed_by_reason"]),
    )


def render_batch_report(records: Iterable[dict[str, Any]], path: str | os.PathLike[str], *,
                        title: str | None = None) -> dict[str, Any]:
    """Write the summary page of a batch run to ``path`` (self-contained HTML).

    ``records`` are the batch JSONL records as dicts, consumed once (a generator is fine).
    Returns the summary numbers (:func:`batch_summary`'s dict).
    """
    path = os.fspath(path)
    s = batch_summary(records)
    _html.write(path, _page(s, base_dir=os.path.dirname(os.path.abspath(path)), title=title))
    return s
