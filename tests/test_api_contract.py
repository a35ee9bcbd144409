"""Contract tests for the result types: Article / Block invariants, to_dict(), to_markdown()."""
from __future__ import annotations

import json
import re

import pytest

from boilerstrip import KINDS, REASONS, Article, Block, block_hash, clean_article
from conftest import FIXTURES, clean_fixture, norm

ALL = sorted(
    p.relative_to(FIXTURES).as_posix()
    for p in list(FIXTURES.glob("*.txt")) + list(FIXTURES.glob("widgets/*.*")) + list(FIXTURES.glob("pages/*.*"))
    if p.suffix in (".html", ".txt") and not p.name.startswith("scraped-dump.expected")
)


@pytest.fixture(params=ALL, ids=lambda r: r.rsplit("/", 1)[-1])
def art(request) -> Article:
    return clean_fixture(request.param)


def test_fixture_list_is_not_empty():
    assert len(ALL) >= 30


# --------------------------------------------------------------------------
# blocks and reasons
# --------------------------------------------------------------------------
def test_removed_blocks_have_a_known_reason(art):
    bad = [(b.reason, b.text[:50]) for b in art.removed if b.reason not in REASONS]
    assert not bad


def test_kept_blocks_have_no_reason(art):
    assert all(b.reason is None for b in art.blocks)


def test_blocks_are_blocks_of_known_kinds(art):
    for b in art.blocks + art.removed:
        assert isinstance(b, Block)
        assert b.kind in KINDS, b.kind
        assert b.text and b.text == b.text.strip()
        assert 0.0 <= b.link_density <= 1.0


def test_blocks_in_document_order(art):
    for blocks in (art.blocks, art.removed):
        pos = [b.position for b in blocks]
        assert pos == sorted(pos) and len(set(pos)) == len(pos), pos


def test_kept_and_removed_positions_are_disjoint(art):
    assert not {b.position for b in art.blocks} & {b.position for b in art.removed}


def test_text_is_made_of_the_kept_blocks_in_order(art):
    text = art.text
    at = 0
    for b in art.blocks:
        found = text.find(b.text, at)
        assert found >= 0, f"kept block not in art.text (in order): {b.text[:60]!r}"
        at = found + len(b.text)
    assert (art.text == "") == (art.blocks == [])


def test_empty_text_has_a_reason_and_nonempty_text_has_none(art):
    assert bool(art.reason) == (art.text == "")


def test_removed_counts_add_up(art):
    counts = art.removed_counts()
    assert set(counts) <= set(REASONS)
    assert sum(counts.values()) == sum(len(b.text) for b in art.removed)


def test_comments_empty_by_default(art):
    assert art.comments == ""


# --------------------------------------------------------------------------
# to_dict(): JSON-ready and faithful
# --------------------------------------------------------------------------
def test_to_dict_round_trips_through_json(art):
    d = json.loads(json.dumps(art.to_dict(), ensure_ascii=False))
    for key in ("text", "title", "author", "date", "url", "input_kind", "language", "reason", "comments"):
        assert d[key] == getattr(art, key), key
    assert [(b["text"], b["position"], b["kind"], b["reason"]) for b in d["blocks"]] == [
        (b.text, b.position, b.kind, b.reason) for b in art.blocks
    ]
    assert [(b["text"], b["position"], b["kind"], b["reason"]) for b in d["removed"]] == [
        (b.text, b.position, b.kind, b.reason) for b in art.removed
    ]
    assert d["removed_chars"] == art.removed_counts()


def test_to_dict_of_empty_result_is_json_ready():
    art = clean_article("")
    d = json.loads(json.dumps(art.to_dict()))
    assert d["text"] == "" and d["reason"] == art.reason and d["blocks"] == []


def test_to_dict_keeps_url():
    art = clean_article("<html><body><p>A short page.</p></body></html>", url="https://example.org/a")
    assert json.loads(json.dumps(art.to_dict()))["url"] == "https://example.org/a"


# --------------------------------------------------------------------------
# to_markdown()
# --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def blog() -> Article:
    return clean_fixture("pages/blog-wordpress.html")


def test_markdown_headings(blog):
    md = blog.to_markdown()
    for heading in ("Most things are easier to fix than people think", "The tools that earned their place",
                    "Repair is social"):
        assert re.search(r"^#{1,6} " + re.escape(heading) + r"$", md, re.M), heading


def test_markdown_list_items(blog):
    md = blog.to_markdown()
    items = ["A decent multimeter, and someone who knows how to use it safely",
             "Security bit sets, because manufacturers love unusual screw heads",
             "A sewing machine and a box of spare zips",
             "Plenty of tea, which fixes the volunteers if not the appliances"]
    for item in items:
        assert re.search(r"^- " + re.escape(item) + r"$", md, re.M), item
    # one list: consecutive lines, no blank line between the items
    assert "\n".join("- " + i for i in items) in md


def test_markdown_title_and_paragraphs(blog):
    md = blog.to_markdown()
    if blog.title:
        assert md.startswith("# " + blog.title + "\n")
    assert "\n\nTwelve months ago a handful of us borrowed the church hall on Alder Street" in md
    for b in blog.blocks:
        assert norm(b.text) in norm(md)


def test_markdown_of_text_input_has_its_paragraphs():
    art = clean_fixture("spun-copy.txt")
    md = art.to_markdown()
    for b in art.blocks:
        assert b.text in md


def test_markdown_of_empty_result():
    assert clean_article("").to_markdown().strip() == ""


# --------------------------------------------------------------------------
# block_hash()
# --------------------------------------------------------------------------
def test_block_hash_normalises_case_space_and_punctuation():
    h = block_hash("Share this article!")
    assert re.fullmatch(r"[0-9a-f]{16}", h)
    assert block_hash("  share   THIS article ") == h
    assert block_hash("Share this article, please") != h


# --------------------------------------------------------------------------
# blocks and removed are built when first read
# --------------------------------------------------------------------------
_LAZY_PAGE = FIXTURES / "widgets" / "related-jetpack.html"


def _lazy_article() -> Article:
    return clean_article(_LAZY_PAGE.read_bytes(), metadata=False)


def test_blocks_built_on_first_read_are_built_once_and_match_the_text():
    art = _lazy_article()
    first, removed = art.blocks, art.removed
    assert first and removed
    assert art.blocks is first and art.removed is removed  # (not built again)
    from boilerstrip.clean import join_blocks

    assert art.text == join_blocks(first)


def test_an_article_pickles_and_copies_with_all_its_blocks():
    import copy
    import pickle

    art = _lazy_article()  # nothing read yet: the copies must build the blocks
    expect = _lazy_article()
    for other in (pickle.loads(pickle.dumps(art)), copy.copy(_lazy_article()), copy.deepcopy(_lazy_article())):
        assert other == expect
        assert [b.text for b in other.removed] == [b.text for b in expect.removed] != []
        assert [b.path for b in other.blocks] == [b.path for b in expect.blocks]


def test_an_article_compares_by_its_blocks_too():
    a, b = _lazy_article(), _lazy_article()
    assert a == b
    b.removed = b.removed[1:]
    assert a != b


def test_fields_set_before_they_are_read_stay_set():
    art = _lazy_article()
    art.removed = []
    art.blocks = []
    assert art.removed == [] and art.blocks == []
    assert Article().blocks == [] and Article().removed == []
    assert not hasattr(art, "no_such_field")
