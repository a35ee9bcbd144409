"""Quality guard: a fixed sample of the WCXB development split must keep its scores.

The sample is every 10th page (150 pages, all seven page types). The floors sit a
little under what the extractor measured when they were set (F1 0.845, article pages
0.940, `with` snippets found 0.766, `without` snippets leaked 0.074), so a change that
loses quality fails here before it reaches the benchmark. Timing is not checked here:
speed is measured by bench/run_html.py.

Dataset: WCXB v1.0 by Murrough Foley, CC-BY-4.0 (see bench/wcxb.py).
"""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

from boilerstrip import clean_article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import wcxb  # noqa: E402

ROOT = wcxb.dataset_dir()
pytestmark = pytest.mark.skipif(
    not (ROOT / "ground-truth").is_dir(),
    reason=f"WCXB development split not found at {ROOT} (set WCXB_DIR, or put ../shared beside the project)",
)

FLOOR_F1 = 0.835
FLOOR_F1_ARTICLE = 0.93
FLOOR_WITH = 0.745
CEILING_LEAK = 0.09


@pytest.fixture(scope="module")
def scores():
    ids = sorted(p.name[: -len(".json")] for p in (ROOT / "ground-truth").glob("*.json"))[::10]
    f1, f1_article = [], []
    found = with_total = leaked = without_total = 0
    for page in wcxb.iter_pages(ROOT, ids=ids):
        out = clean_article(page.html, url=page.url, metadata=False).text
        f = wcxb.prf(out, page.main_content)[2]
        f1.append(f)
        if page.page_type == "article":
            f1_article.append(f)
        a, b, c, d = wcxb.snippets(out, page)
        found, with_total, leaked, without_total = found + a, with_total + b, leaked + c, without_total + d
    return {
        "pages": len(f1),
        "f1": statistics.mean(f1),
        "f1_article": statistics.mean(f1_article),
        "with": found / with_total,
        "leak": leaked / without_total,
    }


def test_sample_is_the_fixed_one(scores):
    assert scores["pages"] == 150


def test_word_f1_floor(scores):
    assert scores["f1"] >= FLOOR_F1, scores


def test_article_f1_floor(scores):
    assert scores["f1_article"] >= FLOOR_F1_ARTICLE, scores


def test_with_snippets_found_floor(scores):
    assert scores["with"] >= FLOOR_WITH, scores


def test_boilerplate_leak_ceiling(scores):
    assert scores["leak"] <= CEILING_LEAK, scores
