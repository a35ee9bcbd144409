"""Unit tests of stage 3, cleaning and rendering (src/boilerstrip/clean.py)."""
from __future__ import annotations

import json

from boilerstrip import Article, Block, clean_article
from boilerstrip.clean import join_blocks, render_markdown


def blk(kind, text, pos, **kw):
    return Block(kind, text, pos, **kw)


def test_paragraphs_are_separated_by_a_blank_line_and_list_items_by_a_line():
    blocks = [blk("heading", "Title", 0, level=2), blk("paragraph", "Para one.", 1),
              blk("list_item", "first", 2), blk("list_item", "second", 3), blk("paragraph", "End.", 4)]
    assert join_blocks(blocks) == "Title\n\nPara one.\n\nfirst\nsecond\n\nEnd."


def test_markdown_rendering():
    art = Article(title="The Story", blocks=[
        blk("heading", "Section", 0, level=3), blk("paragraph", "Text here.", 1),
        blk("list_item", "a", 2), blk("list_item", "b", 3), blk("quote", "said\nthis", 4),
        blk("code", "x = 1", 5), blk("table_row", "Size | Large", 6)])
    md = render_markdown(art)
    assert md.startswith("# The Story\n\n### Section\n\nText here.\n\n- a\n- b\n\n> said\n> this\n\n")
    assert "```\nx = 1\n```" in md and "| Size | Large |" in md and md.endswith("\n")


def test_removed_blocks_keep_their_reason_and_the_dict_is_json_ready():
    art = clean_article("<html><body><nav><a href='/'>Home</a><a href='/x'>News</a><a href='/y'>Sport</a>"
                        "</nav><article><p>" + "A long enough sentence about the harbour works. " * 6 +
                        "</p></article></body></html>", metadata=False)
    assert art.text.startswith("A long enough sentence")
    assert art.removed and all(b.reason for b in art.removed)
    d = json.loads(json.dumps(art.to_dict()))
    assert d["removed_chars"] == art.removed_counts() and d["text"] == art.text


def test_a_lone_multi_line_text_paragraph_is_joined_so_cleaning_twice_changes_nothing():
    first = clean_article("crème Tuesday x Menu\nsecond line here\n\n\nAll rights reserved", input="text")
    again = clean_article(first.text, input="text")
    assert "\n" not in first.text and again.text == first.text
