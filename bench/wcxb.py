"""Load the WCXB development split and score extractions the way its authors do.

Dataset: "WCXB: Web Content eXtraction Benchmark" v1.0 by Murrough Foley (2026),
CC-BY-4.0, github.com/Murrough-Foley/web-content-extraction-benchmark.

Scoring (from the dataset's README): word-level F1 over ``\\w+`` tokens,
lower-cased, bag of words, averaged over pages; plus the share of ``with``
snippets found in the output and the share of ``without`` snippets leaked.
"""
from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")

#: Where the dataset lives, relative to the project root, unless WCXB_DIR says otherwise.
DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "wcxb-dev"

CREDIT = (
    'WCXB: Web Content eXtraction Benchmark v1.0, development split (1,497 pages), '
    'by Murrough Foley (2026), CC-BY-4.0 — '
    'github.com/Murrough-Foley/web-content-extraction-benchmark'
)


def dataset_dir() -> Path:
    return Path(os.environ.get("WCXB_DIR", DEFAULT_DIR))


@dataclass
class Page:
    file_id: str
    page_type: str
    url: str
    html: bytes
    main_content: str
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)
    title: str = ""
    author: str = ""
    date: str = ""


def _norm_type(t: str) -> str:
    return "collection" if t == "category" else t


def iter_pages(root: Path | None = None, ids: list[str] | None = None) -> Iterator[Page]:
    """Yield the pages of the split in file-id order (or only ``ids``)."""
    root = root or dataset_dir()
    meta = json.loads((root / "metadata.json").read_text())["files"]
    if ids is None:  # metadata.json lists fewer pages than ground-truth/ holds
        ids = sorted(p.name[: -len(".json")] for p in (root / "ground-truth").glob("*.json"))
    for fid in ids:
        gt_doc = json.loads((root / "ground-truth" / f"{fid}.json").read_text())
        gt = gt_doc["ground_truth"]
        ptype = gt_doc.get("_internal", {}).get("page_type", {}).get("primary") or meta.get(fid, {}).get("page_type", "unknown")
        with gzip.open(root / "html" / f"{fid}.html.gz") as fh:
            html = fh.read()
        yield Page(
            file_id=fid,
            page_type=_norm_type(ptype),
            url=gt_doc.get("url", ""),
            html=html,
            main_content=gt.get("main_content") or "",
            with_snippets=list(gt.get("with") or []),
            without_snippets=list(gt.get("without") or []),
            title=gt.get("title") or "",
            author=gt.get("author") or "",
            date=gt.get("publish_date") or "",
        )


def words(text: str) -> Counter:
    return Counter(_WORD.findall(text.lower()))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of ``pred`` against ``gold``."""
    p, g = words(pred), words(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    if not p or not g:
        return 0.0, 0.0, 0.0
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision = overlap / sum(p.values())
    recall = overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def _norm_snippet(s: str) -> str:
    return _SPACE.sub(" ", s).strip().lower()


def snippets(pred: str, page: Page) -> tuple[int, int, int, int]:
    """(with found, with total, without leaked, without total), case- and space-insensitive."""
    text = _norm_snippet(pred)
    w = [s for s in page.with_snippets if _norm_snippet(s)]
    wo = [s for s in page.without_snippets if _norm_snippet(s)]
    found = sum(_norm_snippet(s) in text for s in w)
    leaked = sum(_norm_snippet(s) in text for s in wo)
    return found, len(w), leaked, len(wo)
