"""A page's nodes and blocks are freed when the result is dropped, not left to the
garbage collector: lxml's parser, its context and its target (our segmenter) form a
reference cycle, and the segmenter must not keep the page's segmentation in it."""
from __future__ import annotations

import gc
from pathlib import Path

from boilerstrip import clean_article
from boilerstrip.segment import Node, RawBlock, segment_markup

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _garbage_after(fn) -> list:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        fn()
        gc.collect()
        return list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()


def _page() -> bytes:
    paras = "".join(f"<p>Paragraph {i} of the story, with enough words to be prose.</p>" for i in range(30))
    return (f"<html><body><nav><a href='/'>Home</a></nav><article>{paras}</article>"
            "<footer>Footer</footer></body></html>").encode()


def test_segmentation_is_not_left_in_a_cycle():
    data = _page()

    def run():
        seg, _limited = segment_markup(data)
        assert seg is not None and len(seg.blocks) >= 30

    garbage = _garbage_after(run)
    stuck = [o for o in garbage if isinstance(o, (Node, RawBlock))]
    assert not stuck, f"{len(stuck)} nodes/blocks were freed only by the garbage collector"


def test_clean_article_leaves_no_blocks_to_the_collector():
    html = (FIXTURES / "pages" / "blog-wordpress.html").read_bytes()

    def run():
        art = clean_article(html, metadata=False)
        assert art.text

    garbage = _garbage_after(run)
    assert not [o for o in garbage if isinstance(o, (Node, RawBlock))]


def test_result_keeps_no_word_lists():
    """An HTML result keeps its segmentation (block paths are worked out on first read),
    so the scorer's per-block word lists are let go once the phrases are read: a caller
    holding many results would otherwise hold every page's words too."""
    art = clean_article((FIXTURES / "pages" / "blog-wordpress.html").read_bytes(), metadata=False)
    segs = {id(b._p[0]): b._p[0] for b in art.blocks + art.removed if b._p is not None and not isinstance(b._p, str)}
    assert segs, "no block refers to its segmentation: nothing to check"
    for seg in segs.values():
        assert all(rb.words is None for rb in seg.blocks)


def test_the_stoplists_are_not_walked_by_the_collector():
    """The stoplists (178,000 words) and their word index are held so that the garbage
    collector stops tracking them: every full collection walked them otherwise (20 ms
    each, about once every hundred pages)."""
    from boilerstrip import _stoplists

    _langs, sets, _norms = _stoplists._tables()
    index = _stoplists._index()
    gc.collect()
    assert len(sets) >= 50 and len(index) >= 100_000
    assert not any(gc.is_tracked(s) for s in sets)
    assert not gc.is_tracked(index)
