"""Reports that show what the extractor decided (private: the CLI's ``explain``,
``report`` and ``batch --report`` use it; the functions below are its surface).

    entries(art)                      kept + removed blocks in document order
    explain_dict(art, source)         the ``explain --json`` document
    render_terminal(art, console)     the terminal view (rich; plain when not a TTY)
    explain_html / write_explain_html the one-page HTML view of one document
    render_batch_report(records, path) the summary page of a batch run (JSONL records)
"""
from __future__ import annotations

from ._model import COMMON_FEATURES, Entry, entries, explain_dict, feature_items, legend, reason_color
from .batch import batch_summary, read_jsonl, render_batch_report
from .explain_html import explain_html, write_explain_html
from .terminal import make_console, render as render_terminal

__all__ = [
    "COMMON_FEATURES", "Entry", "entries", "explain_dict", "feature_items", "legend", "reason_color",
    "batch_summary", "read_jsonl", "render_batch_report",
    "explain_html", "write_explain_html", "make_console", "render_terminal",
]
