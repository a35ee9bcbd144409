"""Pathological pages, each with a stated time and memory bound and a defined result.

Each big case runs in its own Python process (tools/hostile.py --case NAME), so that its
peak resident memory (ru_maxrss, whole process: interpreter, libraries, the input
itself) can be checked, and a run past its time bound is killed and fails the test
instead of hanging the suite. Bounds are ceilings with several times the measured
headroom on a loaded 2-core machine: they catch a blow-up, not a slowdown. Precise
numbers: ``python tools/hostile.py --measure`` (docs/robustness.md).

The 50 MB-class cases have "big" in their test id (``-k "not big"`` leaves them out);
they are built to stay lean (a few seconds each).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from boilerstrip import clean_article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import hostile  # noqa: E402


def run(case: str, seconds: float, mb: float) -> dict:
    # address space capped at 4x the RSS bound (+1 GB for the interpreter's mappings)
    res = hostile.run_isolated(case, hard_timeout=seconds, address_space_mb=4 * mb + 1024)
    assert "killed" not in res, f"{case}: {res['killed']} (bound {seconds}s)"
    assert "crashed" not in res, f"{case}: {res['crashed']}"
    assert "error" not in res, f"{case}: clean_article raised {res['error']}"
    assert res["maxrss_mb"] < mb, f"{case}: peak RSS {res['maxrss_mb']} MB over the {mb} MB bound"
    return res


# --------------------------------------------------------------------------
# depth: no RecursionError, and the text below and after the deep part is kept
# --------------------------------------------------------------------------
@pytest.mark.parametrize("metadata", [True, False])
@pytest.mark.parametrize("case", ["deep-div", "deep-inline", "deep-unclosed"])
def test_nesting_100000_levels(case, metadata):
    doc = hostile.CASES[case][1]()
    assert doc.count("<div>") + doc.count("<b>") >= 100_000
    art = clean_article(doc, metadata=metadata)
    assert "Bottom of the well: the text at the deepest level." in art.text
    assert "After the deep part: still here." in art.text


def test_nesting_100000_levels_bound():
    res = run("deep-div", seconds=20, mb=600)
    assert "After the deep part" in res["text_tail"]


def test_nesting_in_a_callers_lxml_tree():
    """A tree a caller built with lxml: no parser depth limit applies. In a subprocess
    with capped memory: a path string per node that repeats all its ancestors needs
    O(depth^2) memory (about 20 GB here)."""
    res = run("deep-lxml-tree", seconds=30, mb=1000)
    assert res["text_head"] == "Deep inside a tree built by hand."


def test_nesting_in_a_callers_soup():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("<div>" * 3000 + "Deep soup." + "</div>" * 3000, "html.parser")
    assert "Deep soup." in clean_article(soup).text


def test_deep_nesting_mixed_with_normal_content():
    paras = ["<p>" + f"Part {i}. " + hostile._PARA + "</p>" for i in range(4)]  # no repeats
    doc = hostile._page(paras[0] + "<span>" * 50_000 + "x" + "</span>" * 50_000 + "".join(paras[1:]))
    art = clean_article(doc)
    assert art.text.count("bridge over the river") == 4


# --------------------------------------------------------------------------
# size
# --------------------------------------------------------------------------
def test_big_page_50mb():
    res = run("page-50mb", seconds=30, mb=1500)
    assert res["input_bytes"] >= 50_000_000
    assert res["input_kind"] == "html" and res["text_chars"] > 500_000
    assert "The council met on Tuesday" in res["text_head"]
    assert '"items"' not in res["text_head"] + res["text_tail"]  # inline JSON is not text


def test_big_1m_empty_elements():
    res = run("empty-1m", seconds=30, mb=1500)
    assert res["text_chars"] == 0
    assert res["reason"] == "no text in the input"


def test_big_markup_99_percent_tags():
    res = run("markup-99", seconds=30, mb=2500)
    assert res["text_head"] == "One lonely sentence sits in a sea of markup here."


def test_big_text_node_20mb():
    res = run("text-node-20mb", seconds=20, mb=1500)
    assert res["text_chars"] >= 19_900_000
    assert res["text_head"].startswith("lorem ipsum dolor sit amet")


def test_big_text_node_20mb_without_spaces():
    res = run("text-node-20mb-nospace", seconds=20, mb=1200)
    assert res["text_chars"] == 20_000_000


def test_big_attribute_10mb():
    res = run("attr-10mb", seconds=20, mb=1200)
    assert "The council met on Tuesday" in res["text_head"]
    assert "related share" not in res["text_head"]


def test_markup_only_small_page_has_a_reason():
    art = clean_article("<html><body>" + "<div><span></span><br/><img src=x></div>" * 2000 + "</body></html>")
    assert art.text == "" and art.reason == "no text in the input"


def test_big_id_attribute_10mb():
    """Element labels and paths are built from ids: a 10 MB id must not be copied into
    every descendant's path (300 copies would be 3 GB)."""
    res = run("id-10mb", seconds=20, mb=1200)
    assert "The council met on Tuesday" in res["text_head"]
