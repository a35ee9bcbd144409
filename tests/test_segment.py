"""Unit tests of stage 1, segmentation (src/boilerstrip/segment.py)."""
from __future__ import annotations

from lxml import html as lxml_html

from boilerstrip import segment
from boilerstrip.segment import BIT, attr_hints, segment_html, segment_markup, segment_text


def seg_of(markup: str):
    seg, too_deep = segment_markup(markup.encode("utf-8"))
    assert not too_deep
    return seg


def texts(seg):
    return [b.text for b in seg.blocks]


def test_blocks_follow_block_elements_and_collapse_whitespace():
    seg = seg_of("<html><body><div>One  <b>two</b>\n three<p>Four</p>five</div></body></html>")
    assert texts(seg) == ["One two three", "Four", "five"]
    assert [b.tag for b in seg.blocks] == ["div", "p", "div"]
    assert [b.position for b in seg.blocks] == [0, 1, 2]


def test_link_characters_are_counted():
    seg = seg_of("<p>Read <a href='/x'>this story</a> now</p>")
    (b,) = seg.blocks
    assert b.chars == len("Read this story now")
    assert b.link_chars == len("this story")


def test_br_is_a_line_break_and_two_split_paragraphs():
    seg = seg_of("<div>line one<br>line two<br><br>next paragraph</div>")
    assert texts(seg) == ["line one\nline two", "next paragraph"]


def test_unseen_elements_are_skipped_but_their_tail_is_kept():
    seg = seg_of("<p>before<script>var x = 1;</script> after<style>p{}</style></p>"
                 "<p><span class='sr-only'>Share on X</span>Visible</p>")
    assert texts(seg) == ["before after", "Visible"]


def test_title_is_read_from_head_even_without_a_tree():
    seg = seg_of("<html><head><title>The title</title></head><body><svg><title>icon</title></svg>"
                 "<p>Body</p></body></html>")
    assert seg.title == "The title"
    assert texts(seg) == ["Body"]


def test_kinds_and_heading_levels():
    seg = seg_of("<h2>Head</h2><ul><li>item</li></ul><blockquote>q</blockquote><pre>a  b</pre>")
    assert [(b.kind, b.level) for b in seg.blocks] == [
        ("heading", 2), ("list_item", 0), ("quote", 0), ("code", 0)]
    assert seg.blocks[-1].text == "a  b"  # <pre> keeps its spacing


def test_walking_a_tree_gives_the_same_blocks_as_the_parse():
    markup = ("<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
              "<article class='post'><h1>Title</h1><p>Some <a href='#'>linked</a> text.</p>"
              "<!-- a comment --><p>More<br>text</p></article></body></html>")
    from_parse = seg_of(markup)
    from_tree = segment_html(lxml_html.fromstring(markup))
    assert texts(from_parse) == texts(from_tree)
    assert [b.link_chars for b in from_parse.blocks] == [b.link_chars for b in from_tree.blocks]
    assert from_parse.title == from_tree.title == "T"


def test_container_hints_come_from_tags_classes_ids_and_roles():
    seg = seg_of("<div class='post-comments'><p>c</p></div><aside><p>s</p></aside>"
                 "<div role='navigation'><p>n</p></div><div id='related-posts-4711'><p>r</p></div>")
    def up(i):  # the hints of a block's container and of every container above it
        m = 0
        while i >= 0:
            m |= seg.nodes[i].hints
            i = seg.nodes[i].parent
        return m

    hints = [up(b.node) for b in seg.blocks]
    assert hints[0] & BIT["comments"]
    assert hints[1] & BIT["sidebar"]
    assert hints[2] & BIT["navigation"]
    assert hints[3] & BIT["related"]


def test_class_names_count_by_their_last_word_not_by_prefixes():
    assert attr_hints("post-comments") & BIT["comments"]
    assert not attr_hints("tag-travel") & BIT["tags"]          # a WordPress post class
    assert attr_hints("entry-tags") & BIT["tags"]
    assert not attr_hints("elementor-element-2638ad0")       # generated words say nothing
    assert attr_hints("relatedPosts") & BIT["related"]         # camelCase is split
    assert attr_hints("comment-content") & BIT["comments"]     # boilerplate beats content
    assert not attr_hints("comment-content") & BIT["content"]


def test_text_is_split_on_blank_lines_or_on_lines():
    seg = segment_text("Title line\n\nFirst paragraph\nwrapped.\n\n\nSecond.")
    assert texts(seg) == ["Title line", "First paragraph\nwrapped.", "Second."]
    seg = segment_text("One line.\nAnother line.\nA third")
    assert texts(seg) == ["One line.", "Another line.", "A third"]
    shapes = [b.shape for b in seg.blocks]
    assert shapes[0]["terminal"] and not shapes[2]["terminal"]
    assert segment.line_shape("Cut off here…")["ellipsis"]
    # an excerpt's bracketed ellipsis (WordPress writes " [&hellip;]") is cut short too;
    # a sentence closed inside brackets or quotes is not
    for cut in ("a petition signed by more than […]", "than [...]", "and then (...)"):
        assert segment.line_shape(cut)["ellipsis"], cut
    for whole in ("It was over (at last).", '"We are done."', "See [1]."):
        assert not segment.line_shape(whole)["ellipsis"], whole


def test_hint_memo_is_bounded_and_keeps_the_recent_generation():
    from boilerstrip.segment import _Memo

    memo = _Memo(3)
    for k in "abcdefg":
        memo.put(k, ord(k))
    assert len(memo.new) + len(memo.old) <= 6
    assert memo.new.get("g") == ord("g") and "a" not in memo.new and "a" not in memo.old
    # names are hinted the same whether memoised or not
    assert attr_hints("site-footer widget_comments") == attr_hints("site-footer widget_comments")
    assert attr_hints("menu-item-4711 share-buttons") & BIT["share"]
