"""The compiled SAX driver (_sax.pyx) segments as lxml's parser target does.

segment_markup feeds libxml2's events to the compiled segmenter through its own SAX
handlers when _sax was built; otherwise through lxml's parser-target layer. Both must
give the same segmentation (every block and node field, the title) and the same
"stopped at the nesting limit" flag, on any input.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from boilerstrip import _events, segment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import wcxb  # noqa: E402
from _wcxb import needs_wcxb  # noqa: E402  (tests/ is on the path, as for conftest)

try:
    from boilerstrip import _sax
except ImportError:
    _sax = None

SAX = segment._sax
needs_sax = pytest.mark.skipif(
    SAX is None,
    reason="the compiled SAX driver is not in use here: "
    + ("it was not built (no C compiler or no lxml headers at install)" if _sax is None
       else str(_sax.UNAVAILABLE or "the compiled segmenter is not in use")))


def key(result):
    seg, limited = result
    if seg is None:
        return limited, None
    return limited, (
        seg.title, seg.kind,
        [(b.text, b.tag, b.kind, b.level, b.node, b.chars, b.link_chars, b.hints, b.position) for b in seg.blocks],
        [(n.tag, n.parent, n.depth, n.hints, n.label, n.klass, n.tag_hints) for n in seg.nodes],
    )


def via_lxml(data: bytes):
    saved, segment._sax = segment._sax, None
    try:
        return key(segment.segment_markup(data))
    finally:
        segment._sax = saved


def via_sax(data: bytes):
    return key(segment.segment_markup(data))


def same(data: bytes) -> None:
    assert via_sax(data) == via_lxml(data)


def test_the_driver_is_used_when_built():
    """Where the compiled segmenter was built and lxml ships libxml2's headers, the
    install builds the driver too; where lxml's libxml2 is the one it was built for,
    segment_markup uses it."""
    if not segment.COMPILED:
        pytest.skip("the compiled segmenter is not in use here: lxml's parser target is used")
    if _sax is None:
        import lxml

        if any((Path(d) / "libxml" / "HTMLparser.h").exists() for d in lxml.get_include()):
            pytest.fail("lxml's libxml2 headers are here but boilerstrip._sax was not built "
                        "(reinstall: pip install -e .)")
        pytest.skip("lxml ships no libxml2 headers here: the SAX driver was not built")
    if _sax.UNAVAILABLE is not None:
        pytest.skip(f"the SAX driver cannot run here: {_sax.UNAVAILABLE}")
    assert segment._sax is _sax


@needs_sax
def test_a_difference_is_seen():
    """The comparison can fail: a segmenter that drops class names under the driver differs."""

    class Blind(_events.Segmenter):
        def open(self, tag, cls, ident, other):
            super().open(tag, None, ident, other)

    data = b"<div class='share-bar'><p>Share this story on every network</p></div><p>Body text here.</p>"
    saved = segment._Segmenter
    segment._Segmenter = Blind
    try:
        blind = via_sax(data)
    finally:
        segment._Segmenter = saved
    assert blind != via_lxml(data)
    assert via_sax(data) == via_lxml(data)


@needs_sax
@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").rglob("*.html")), ids=lambda p: p.name)
def test_fixture_pages(path):
    same(path.read_bytes())


CASES = [
    b"",  # (segment_markup's callers never pass these two; the driver must not care)
    b"   \n ",
    b"<p>plain</p>",
    b"no markup at all, just words",
    b"<!-- only a comment -->",
    b"<?php echo 1 ?><p>after a PI</p>",
    b"<![CDATA[cdata text]]><p>x</p>",
    b"<!DOCTYPE html><html><head><title>T</title></head><body><p>a</p></body></html><p>after</p>",
    b"<html><body><p>one</p></body></html><html><body><p>second root</p></body></html>",
    b"<title>First</title><title>Second</title><p>x</p>",
    b"<body><p>text<title>in body</title> more</p></body>",
    b"<div class='a' class='b' id='x' id='y'><p>duplicate attributes</p></div>",
    b"<div hidden><span>hidden</span></div><span hidden>gone</span><p>kept</p>",
    b"<p><span style='display:none'>x</span><span style='display: block'>y</span></p>",
    b"<div role='navigation' class='menu'><a href='/'>Home</a></div><div role=' Main '><p>z</p></div>",
    b"<a rel='tag' href='/t'>travel</a><a rel='category tag'>news</a>",
    b"<p itemprop='articleBody' class=''>empty class</p><p id=''>empty id</p><p class>bare</p>",
    b"<p>&amp; &nbsp; &#169; &#x1F600; &unknown; &#0; &#xD800;</p>",
    b"<script>var s = '</div><p>not text</p>';</script><style>p{}</style><p>after</p>",
    b"<pre>  keep\n\n  spaces </pre><p>a<br>b<br><br>c</p>",
    b"<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>",
    b"<svg><text>drawn</text></svg><math><mi>x</mi></math><p>after</p>",
    b"<template><p>inert</p></template><noscript><p>no js</p></noscript><p>z</p>",
    "<p class='caf\u00e9 \u65e5\u672c'>\u65e5\u672c\u8a9e\u306e\u6587\u7ae0</p><\u00e9l>odd tag</\u00e9l>".encode(),
    b"<p>unclosed <b>bold <i>italic <a href=x>link",
    b"</p></div></body></html>stray end tags",
    b"<div class='" + b"x" * 5000 + b"'><p>long class</p></div>",
    b"\xef\xbb\xbf<p>after a BOM</p>",
    b"<p>bad \xff\xfe bytes \xc3 here</p>",
    b"<div>" * 300 + b"<p>deep</p>" + b"</div>" * 300,
    # entities a DOCTYPE declares are never expanded, a file never read (both paths)
    b'<!DOCTYPE x [<!ENTITY e "EXPANDED">]><p>a &e; b</p>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]><p>a &e; b</p>',
    b'<!DOCTYPE html SYSTEM "http://example.com/x.dtd"><p>a &nbsp; &e; b</p>',
    b"<div>" * 100_000 + b"<p>very deep</p>",  # (libxml2 before 2.14 stopped at a nesting limit)
]


@needs_sax
@pytest.mark.parametrize("data", CASES, ids=range(len(CASES)))
def test_edge_cases(data):
    same(data)


@needs_sax
def test_declared_entities_are_not_expanded():
    for data in CASES:
        if b"<!ENTITY" in data:
            _limited, got = via_sax(data)
            text = " ".join(b[0] for b in got[2])
            assert "EXPANDED" not in text and "&e;" in text


@needs_sax
@pytest.mark.parametrize("data", CASES, ids=range(len(CASES)))
def test_errors_are_reported_as_lxml_reports_them(data):
    """libxml2's last error (not warning), which tells segment_markup whether the
    parser stopped at a nesting limit, is the one lxml's error log keeps."""
    seg = _events.Segmenter()
    parser = segment._target_parser(seg)
    try:
        etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        pass
    err = parser.error_log.last_error
    exc, code = _sax.parse(_events.Segmenter(), data)
    assert exc is None
    assert code == (err.type if err is not None else 0)


@needs_sax
def test_errors_are_seen():
    """(the comparison above compares something: some of these cases raise errors)"""
    codes = [_sax.parse(_events.Segmenter(), d)[1] for d in CASES]
    assert sum(1 for c in codes if c) >= 2


from _markup import markup  # noqa: E402  (tests/ is on the path, as for conftest)


@needs_sax
@settings(max_examples=400, deadline=None)
@given(markup())
def test_generated_markup(data):
    same(data)


@needs_sax
@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data):
    same(data)


@needs_sax
@needs_wcxb
def test_wcxb_pages():
    """Every 5th page of the development split (300 real pages)."""
    pages = list(wcxb.iter_pages())[::5]
    assert len(pages) >= 250
    for page in pages:
        data = page.html.decode("utf-8", "replace").encode("utf-8")
        assert via_sax(data) == via_lxml(data), page.file_id


@needs_sax
@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=200) | st.text(alphabet="ab \t\n\r\x00\x01\x0b\x1f\x7f\u00e9", max_size=50).map(str.encode))
def test_control_free_is_no_bytes_to_delete(data):
    """markup_bytes skips its delete pass when control_free says there is nothing to delete."""
    from boilerstrip import _input

    assert _sax.control_free(data) == (data.translate(None, _input._BAD_BYTES) == data)


@needs_sax
def test_a_different_libxml2_is_not_driven(monkeypatch):
    """Built for one libxml2 and run with lxml on another, the driver stands aside with a
    reason (its structures could differ), and segment falls back to lxml's parser target."""
    monkeypatch.setattr(etree, "LIBXML_VERSION", (1, 2, 3))
    why = _sax._bind()
    assert why and "(1, 2, 3)" in why
    monkeypatch.setattr(_sax, "UNAVAILABLE", why)
    assert segment._load_sax() is None
    monkeypatch.undo()
    assert _sax._bind() is None and segment._load_sax() is _sax


@needs_sax
def test_threads_segment_alike():
    """Parses in several threads at once (the driver holds the GIL, but the segmenter's
    Python code lets other threads run mid-parse) give what one thread gives."""
    import threading

    from boilerstrip import clean_article

    pages = [p.read_bytes() for p in sorted((ROOT / "fixtures").rglob("*.html"))] * 3
    want = [clean_article(d, metadata=False).to_dict() for d in pages]
    got: dict[int, list] = {}

    def work(k):
        got[k] = [clean_article(d, metadata=False).to_dict() for d in pages]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    was = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # (switch threads often: mid-parse too)
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        sys.setswitchinterval(was)
    assert len(pages) >= 20
    assert all(got.get(k) == want for k in range(4))
