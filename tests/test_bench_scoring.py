"""The benchmark's scorer (bench/wcxb.py) and the harness's aggregation, on hand-made
inputs whose values are worked out by hand. No dataset and no timing needed."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import run_html  # noqa: E402
import wcxb  # noqa: E402


def _page(with_=(), without=(), gold="") -> wcxb.Page:
    return wcxb.Page(file_id="t", page_type="article", url="", html=b"", main_content=gold,
                     with_snippets=list(with_), without_snippets=list(without))


def test_prf_partial_overlap():
    # pred: the cat sat (3 words); gold: the×2 cat sat on mat (6 words); overlap 3
    p, r, f1 = wcxb.prf("the cat sat", "the cat sat on the mat")
    assert p == pytest.approx(1.0)
    assert r == pytest.approx(0.5)
    assert f1 == pytest.approx(2 / 3)


def test_prf_is_a_lowercased_bag_of_words():
    # repeated words count: pred the×2 cat×2 against gold the cat -> P 2/4, R 2/2
    p, r, f1 = wcxb.prf("The CAT, the cat!", "the cat")
    assert (p, r) == pytest.approx((0.5, 1.0))
    assert f1 == pytest.approx(2 / 3)
    assert wcxb.prf("sat cat the", "The cat sat.") == pytest.approx((1.0, 1.0, 1.0))


def test_prf_tokens_are_unicode_word_runs():
    assert wcxb.prf("Café NAÏVE", "café naïve") == pytest.approx((1.0, 1.0, 1.0))
    # \w includes digits and underscore: "foo_bar" is one token, so no overlap with "foo bar"
    assert wcxb.prf("foo_bar 42", "foo bar") == (0.0, 0.0, 0.0)
    p, r, _ = wcxb.prf("foo_bar 42", "42 apples")
    assert (p, r) == pytest.approx((0.5, 0.5))


def test_prf_empty_cases():
    assert wcxb.prf("", "") == (1.0, 1.0, 1.0)
    assert wcxb.prf("!!! --", "   ") == (1.0, 1.0, 1.0)  # no words on either side
    assert wcxb.prf("", "some gold text") == (0.0, 0.0, 0.0)
    assert wcxb.prf("some output", "") == (0.0, 0.0, 0.0)
    assert wcxb.prf("alpha beta", "gamma delta") == (0.0, 0.0, 0.0)


def test_snippets_case_and_space_insensitive():
    page = _page(with_=["Hello   World", "missing piece", "   "],  # blank snippet is ignored
                 without=["Subscribe now", "cookie policy"])
    found, w_total, leaked, wo_total = wcxb.snippets("hello world and\nSUBSCRIBE\t now", page)
    assert (found, w_total, leaked, wo_total) == (1, 2, 1, 2)


def test_snippets_are_substrings_not_words():
    page = _page(with_=["lo wor"], without=["Read more"])
    assert wcxb.snippets("Hello World", page) == (1, 1, 0, 1)
    assert wcxb.snippets("", page) == (0, 1, 0, 1)
    assert wcxb.snippets("READ  MORE: x", page) == (0, 1, 1, 1)


def _rec(fid, system, f1, wf, wt, wl, wot, ms, error=None, ptype="article"):
    return {"file_id": fid, "page_type": ptype, "system": system, "p": f1, "r": f1, "f1": f1,
            "with_found": wf, "with_total": wt, "without_leaked": wl, "without_total": wot,
            "ms": ms, "chars": 0, "error": error}


def test_aggregate_pools_snippets_and_counts_failures():
    recs = [
        _rec("1", "boilerstrip", 1.0, 1, 1, 0, 3, 2.0),
        _rec("2", "boilerstrip", 0.0, 0, 3, 0, 1, 4.0, error="ValueError: x", ptype="forum"),
        _rec("3", "boilerstrip", 0.5, 2, 4, 2, 4, 9.0),
        _rec("1", "trafilatura", 0.9, 1, 1, 1, 3, 20.0),
        _rec("2", "trafilatura", 0.6, 3, 3, 1, 1, 40.0, ptype="forum"),
        _rec("3", "trafilatura", 0.9, 4, 4, 2, 4, 10.0),
    ]
    agg = run_html.aggregate(recs, ["boilerstrip", "trafilatura"])
    bs, tr = agg["overall"]["boilerstrip"], agg["overall"]["trafilatura"]
    assert bs["f1"] == pytest.approx(0.5)
    assert bs["with"] == pytest.approx(3 / 8)  # pooled: (1+0+2) / (1+3+4)
    assert bs["leak"] == pytest.approx(2 / 8)
    assert bs["failures"] == 1
    assert bs["median_ms"] == pytest.approx(4.0)
    assert tr["ratio"] == pytest.approx(20.0 / 4.0)
    assert agg["per_type"]["forum"]["trafilatura"]["f1"] == pytest.approx(0.6)
    status = {what: s for what, s, _ in run_html.targets(agg)}
    assert status["F1 (all pages) >= trafilatura's + 0.03"] == "NOT MET"
    assert status["Leak <= half of trafilatura's"] == "MET"  # 25% <= 50% / 2
    assert status["Median ms/page (metadata off) <= 1/5 of trafilatura extract()"] == "MET"  # 4 <= 20/5
    assert status["0 exceptions (boilerstrip, metadata off and on)"] == "NOT MET"
    assert status["Median ms/page (metadata on) <= 1/3 of trafilatura extract(with_metadata=True)"] == "n/a"


# ---- bench/headroom.py: the upper bounds' two helpers --------------------------------

def test_headroom_share_in_truth_counts_each_word_at_most_as_often_as_the_truth():
    import headroom

    truth = wcxb.words("the cat sat")
    # the×2 cat dog: the counts once (the truth has it once), cat once, dog not: 2 of 4
    assert headroom.in_truth("the the cat dog", truth) == pytest.approx(0.5)
    assert headroom.in_truth("", truth) == 1.0  # no words: nothing to hold against it


def test_headroom_best_run_takes_the_run_most_in_the_truth():
    import headroom

    # block 1 and 3 are content; block 2 is half content and short, so it joins the run;
    # block 0 and 4 are boilerplate
    shares = [(0.0, 10), (1.0, 20), (0.5, 2), (0.9, 30), (0.0, 40)]
    assert headroom.best_run(shares) == (1, 4)
    # a long boilerplate block between them splits the run: the larger part wins
    shares = [(1.0, 20), (0.0, 100), (0.9, 30)]
    assert headroom.best_run(shares) == (2, 3)
    assert headroom.best_run([(0.0, 5), (0.2, 5)]) == (0, 0)  # nothing is worth keeping
    # a block less than half in the truth costs more than it brings: not at the run's end
    assert headroom.best_run([(1.0, 10), (0.3, 10)]) == (0, 1)


def test_headroom_leak_place_names_the_block_a_leak_sits_in():
    import headroom

    norms = ["share this", "the story", "more from us", "the end of it", "follow us"]
    shares = [0.0, 1.0, 0.2, 0.9, 0.0]
    assert headroom.leak_place("share", norms, shares) == "before"
    assert headroom.leak_place("story", norms, shares) == "inside"
    assert headroom.leak_place("more from", norms, shares) == "between"
    assert headroom.leak_place("follow", norms, shares) == "after"
    assert headroom.leak_place("us the", norms, shares) == "across"  # in no block alone
    assert headroom.leak_place("story", norms, [0.0] * 5) == "no-content"
    assert set(headroom.PLACES) == {"inside", "between", "before", "after", "no-content", "across"}


# ---- bench/learned_bound.py: features and the scoring of a selection -----------------

def test_learned_bound_drops_only_blocks_above_the_threshold():
    import learned_bound

    page = _page(with_=["the cat sat"], without=["subscribe now"], gold="the cat sat on the mat")
    pg = {"page": page, "texts": ["the cat sat on the mat", "subscribe now"]}
    # nothing dropped: the boilerplate leaks and costs precision (6 of 8 words)
    f1, found, leaked = learned_bound.score_selection([pg], [[0.1, 0.6]], 0.9)
    assert (found, leaked) == (1.0, 1.0)
    assert f1 == pytest.approx(2 * 0.75 / 1.75)
    # threshold 0.5: the second block (0.6) goes, the first (0.1) stays
    assert learned_bound.score_selection([pg], [[0.1, 0.6]], 0.5) == pytest.approx((1.0, 1.0, 0.0))
    # a probability equal to the threshold is kept
    assert learned_bound.score_selection([pg], [[0.5, 0.5]], 0.5)[2] == 1.0


def test_learned_bound_features_read_each_block_and_its_neighbours():
    import learned_bound
    from boilerstrip import clean_article

    html = ("<html><body><article><h2>Ready to start?</h2><p>" + "The cat sat on the mat and "
            "looked at the garden for a long while. " * 3 + "</p><p>Short line</p></article>"
            "</body></html>")
    art = clean_article(html, metadata=False)
    assert len(art.blocks) == 3
    rows = learned_bound.block_features(art.blocks, len(art.blocks) + len(art.removed))
    assert len({len(r) for r in rows}) == 1  # one width for every block
    first, middle, last = rows
    assert first[22] == 1 and middle[22] == 0  # ends with "?"
    assert first[16] == -1.0 and last[17] == -1.0  # no block before the first, none after the last
    assert middle[16] == first[0] and middle[17] == last[0]  # neighbours' log length
    assert (first[11], first[12]) == (0, 2) and (last[11], last[12]) == (2, 0)  # index, blocks after
