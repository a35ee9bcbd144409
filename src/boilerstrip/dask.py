"""boilerstrip on Dask collections, for pipelines that already hold a bag or a dataframe.

    >>> import dask.bag as db
    >>> from boilerstrip.dask import clean_bag
    >>> records = clean_bag(db.read_text("pages-*.jsonl").map(json.loads)).compute()

Each output record has the fields of ``boilerstrip batch`` (id, url, title, author, date,
text, removed, chars_in, chars_out, error, reason); a document that fails becomes a record
with ``error`` set, never an exception. Dask itself is imported only here (``pip install
'boilerstrip[dask]'``).
"""
from __future__ import annotations

import json
from typing import Any

__all__ = ["clean_bag", "clean_dataframe"]

#: record fields, in order, of clean_dataframe's output
COLUMNS = ("id", "url", "title", "author", "date", "text", "removed", "chars_in", "chars_out", "error", "reason")

_OPTIONS = ("metadata", "include_comments", "include_tables", "favor", "doc_timeout", "input")


def _options(kw: dict[str, Any]) -> dict[str, Any]:
    unknown = set(kw) - set(_OPTIONS)
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}; accepted: {', '.join(_OPTIONS)}")
    opts = {"metadata": True, "include_comments": False, "include_tables": True, "favor": "balanced",
            "doc_timeout": 5.0, "input": "auto"}
    opts.update(kw)
    if opts["favor"] not in ("balanced", "precision", "recall"):
        raise ValueError(f"favor must be 'balanced', 'precision' or 'recall', not {opts['favor']!r}")
    return opts


def clean_bag(bag, *, html_field: str = "html", text_field: str = "text", url_field: str = "url",
              id_field: str = "id", **options):
    """A bag of records, one per item of ``bag``.

    Items are documents (str/bytes) or dicts holding one under ``html_field`` (or
    ``text_field``), with optional ``url_field`` and ``id_field``. Options: metadata,
    include_comments, include_tables, favor, doc_timeout (seconds per document), input.
    """
    from .batch.dask_engine import clean_records

    opts = _options(options)
    fields = {"html": html_field, "text": text_field, "url": url_field, "id": id_field}
    return bag.map_partitions(clean_records, opts, fields)


def _frame_partition(pdf, column: str, text_column: str | None, url_column: str | None,
                     id_column: str | None, opts: dict):
    import pandas as pd

    from .batch.dask_engine import clean_records

    items = []
    for _, row in pdf.iterrows():
        it = {"url": row[url_column] if url_column else None, "id": row[id_column] if id_column else None}
        if column and row.get(column) is not None and row.get(column) == row.get(column):  # not NaN
            it["html"] = row[column]
        elif text_column:
            it["text"] = row[text_column]
        items.append(it)
    recs = clean_records(items, opts, {"html": "html", "text": "text", "url": "url", "id": "id"})
    rows = [{k: (json.dumps(r[k]) if k == "removed" else r[k]) for k in COLUMNS} for r in recs]
    out = pd.DataFrame(rows, columns=list(COLUMNS), index=pdf.index)
    return out.astype({"chars_in": "int64", "chars_out": "int64"})


def clean_dataframe(df, html_column: str = "html", *, text_column: str | None = None,
                    url_column: str | None = None, id_column: str | None = None, **options):
    """A dataframe with the record columns (``removed`` as a JSON string), one row per row
    of ``df``, on the same index. The document is read from ``html_column`` (or, where that
    is empty, ``text_column``)."""
    import pandas as pd

    opts = _options(options)
    meta = pd.DataFrame({c: pd.Series(dtype="int64" if c in ("chars_in", "chars_out") else "object")
                         for c in COLUMNS})
    return df.map_partitions(_frame_partition, html_column, text_column, url_column, id_column, opts, meta=meta)
