"""Generated markup for the tests that compare two segmentation paths (the compiled
and the .py segmenter in test_segfast.py; the SAX driver and lxml's parser target in
test_sax.py): runs of start tags with attributes that carry hints, end tags and text,
in any order, unbalanced, with comments, PIs, CDATA and entities."""
from __future__ import annotations

from hypothesis import strategies as st

_TAGS = ["div", "p", "a", "span", "br", "pre", "h2", "li", "ul", "td", "tr", "table", "script", "style",
         "title", "head", "nav", "b", "code", "html", "body", "section", "svg", "template", "footer", "aside"]
_ATTRS = ["", ' class="share-bar"', ' id="post-42"', ' class="content main"', ' role="navigation"',
          " hidden", ' style="display:none"', ' class="sr-only"', ' itemprop="articleBody"', ' rel="tag"',
          ' class="  "', ' id="commentsBox"', ' class="a" class="related"', ' data-x="1" class="post"',
          " class", ' id="a&amp;b"', " aria-hidden=true", ' class="comments" style="color:red"']
_TEXT = ["", "Hello world", "  ", "\n\n", "Read more", "a\u00a0b", "<", "&amp;", "x" * 30, "Teil 2",
         "<!-- c -->", "<?pi x?>", "<![CDATA[y]]>", "&#x41;", "</", "\u00e9t\u00e9"]


@st.composite
def markup(draw):
    parts = []
    for _ in range(draw(st.integers(1, 30))):
        kind = draw(st.integers(0, 2))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            parts.append(f"<{tag}{draw(st.sampled_from(_ATTRS))}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.sampled_from(_TEXT)))
    return "".join(parts).encode("utf-8")
