"""The compiled parser target (src/boilerstrip/_events.py built by Cython) segments
exactly as the same file run by Python does: same blocks, nodes and title, from the
parser and from an existing tree, on the fixtures, on generated markup and on WCXB pages;
and it cuts flattened text into the same blocks (the text scorer's word loops are
checked against their definitions in test_text_shortcuts.py).

Dataset for the last test: WCXB v1.0 by Murrough Foley, CC-BY-4.0 (see bench/wcxb.py).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from boilerstrip import _events, rules, segment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import wcxb  # noqa: E402
from _wcxb import needs_wcxb  # noqa: E402  (tests/ is on the path, as for conftest)

BUILT = not _events.__file__.endswith(".py")
Fast = _events.Segmenter if BUILT else None


Py = segment.source_events().Segmenter
needs_ext = pytest.mark.skipif(not BUILT, reason="the compiled segmenter is not built here (no C compiler at install)")


def _parse(cls, data: bytes):
    seg = cls()
    parser = segment._target_parser(seg)
    try:
        return etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return seg.close() if seg.blocks else None


def _walk(cls, root):
    saved = segment._Segmenter
    segment._Segmenter = cls
    try:
        return segment.segment_html(root)
    finally:
        segment._Segmenter = saved


def key(seg):
    if seg is None:
        return None
    return (
        seg.title,
        [(b.text, b.tag, b.kind, b.level, b.node, b.chars, b.link_chars, b.hints, b.position) for b in seg.blocks],
        [(n.tag, n.parent, n.depth, n.hints, n.label, n.klass, n.tag_hints) for n in seg.nodes],
    )


def same(data: bytes) -> None:
    assert key(_parse(Fast, data)) == key(_parse(Py, data))
    try:
        root = lxml_html.fromstring(data)
    except (etree.ParserError, ValueError):
        return
    assert key(_walk(Fast, root)) == key(_walk(Py, root))


def test_the_extension_is_used_when_built():
    """Where a C compiler exists, the install builds the extension and segment uses it."""
    if not BUILT:
        cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
        works = shutil.which(cc) and subprocess.run([cc, "--version"], capture_output=True).returncode == 0
        if works:
            pytest.fail(f"a C compiler ({cc}) is here but boilerstrip._events was not compiled "
                        "(reinstall: pip install -e .)")
        pytest.skip(f"no working C compiler ({cc}) here: the Python segmenter is used")
    assert segment.COMPILED and segment._Segmenter is Fast
    assert Py is not Fast and not hasattr(Py, "__pyx_vtable__")


@needs_ext
@pytest.mark.parametrize("path", sorted((ROOT / "fixtures").rglob("*.html")), ids=lambda p: p.name)
def test_fixture_pages(path):
    same(path.read_bytes())


@needs_ext
def test_a_difference_is_seen():
    """The comparison can fail: a segmenter that loses link characters differs."""

    class Broken(Py):
        def data(self, text):
            self.link_depth = 0
            super().data(text)

    data = b"<p>Read <a href='/x'>this story</a> now</p>"
    assert key(_parse(Broken, data)) != key(_parse(Fast, data))


from _markup import markup  # noqa: E402  (the same generator test_sax.py uses)


@needs_ext
@settings(max_examples=300, deadline=None)
@given(markup())
@example(b'</script><body class></</<a data-x="1" class="post"><html class="a" class="related">')
def test_generated_markup(data):
    same(data)


@needs_ext
@needs_wcxb
def test_wcxb_pages():
    """Every 10th page of the development split (150 real pages)."""
    pages = list(wcxb.iter_pages())[::10]
    assert len(pages) >= 100
    for page in pages:
        data = page.html.decode("utf-8", "replace").encode("utf-8")
        assert key(_parse(Fast, data)) == key(_parse(Py, data)), page.file_id


_SOURCE = segment.source_events()


@needs_ext
@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="abcXYZ019-_:./ é\u00e0Ω", max_size=14), max_size=4).map(" ".join))
def test_class_hints_alike(value):
    """The class/id hint functions are compiled with the segmenter: same masks."""
    assert _events.attr_hints(value) == _SOURCE.attr_hints(value)
    assert _events._id_hints(value) == _SOURCE._id_hints(value)


# names made of the hint tables' own words, as sites spell them: camel case, capitals,
# digits, every separator, and a character that is none of these
_WORDS = sorted({w for v in rules.HINT_TOKENS.values() for w in v.split()}
                | {p for v in rules.HINT_PARTS.values() for p in v} | {"post", "x", "a1", "2638ad0", "[x]", "@"})
_word = st.builds(lambda w, case, digits: (w.capitalize() if case == 1 else w.upper() if case == 2 else w) + digits,
                  st.sampled_from(_WORDS), st.integers(0, 3), st.sampled_from(["", "", "", "7", "42"]))
_name = st.lists(st.tuples(_word, st.sampled_from(["-", "_", ":", ".", "/", "", "--", "\t"])),
                 min_size=1, max_size=4).map(lambda ws: "".join(w + sep for w, sep in ws)[:-1] or "x")


@needs_ext
@settings(max_examples=1500, deadline=None)
@given(st.lists(_name, min_size=1, max_size=3).map(" ".join))
def test_class_hints_alike_on_table_words(value):
    """The compiled module reads ASCII names character by character, not with the .py's
    regexes: the same masks for names built of the words the tables look for."""
    assert _events.attr_hints(value) == _SOURCE.attr_hints(value)
    assert _events._name_hints(value.split()[0]) == _SOURCE._name_hints(value.split()[0])


@needs_ext
@pytest.mark.parametrize("value", ["post-comments", "relatedPosts", "tag-travel", "elementor-element-2638ad0",
                                   "sr-only", "share-bar newsletter", "commentsBox", "widget_comments"])
def test_class_hints_alike_on_known_names(value):
    assert _events.attr_hints(value) == _SOURCE.attr_hints(value)


# --------------------------------------------------------------------------- flattened text
def _text_blocks_alike(pieces):
    fast = _events.text_blocks(list(pieces))
    slow = segment.source_events().text_blocks(list(pieces))
    assert [(b.text, b.chars, b.position, b.shape) for b in fast] == \
        [(b.text, b.chars, b.position, b.shape) for b in slow]
    return fast


@needs_ext
@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=" \t\na\u00e9.!?…)]\"'”7-", max_size=30), max_size=8))
def test_text_blocks_alike(pieces):
    blocks = _text_blocks_alike(pieces)
    # and what they are: normalised lines, none empty, positions in order
    assert all(b.text and b.text == b.text.strip() and "  " not in b.text for b in blocks)
    assert [b.position for b in blocks] == list(range(len(blocks)))


@needs_ext
def test_text_blocks_alike_on_the_seeds():
    for name in ("scraped-dump.txt", "spun-copy.txt"):
        text = (ROOT / "fixtures" / name).read_text(encoding="utf-8")
        assert _text_blocks_alike(segment._BLANK_SPLIT.split(text))  # (the spun copy: one piece)
        assert len(_text_blocks_alike(text.split("\n"))) > 10


# --------------------------------------------------------------------------- the scorer's tree sums
# The HTML scorer's per-node loops (score._node_hints, score._region) run in the compiled
# module: each is checked against its definition here, compiled and .py.
class _B:
    def __init__(self, node, value):
        self.node, self.features = node, {"value": value}


@st.composite
def _trees(draw):
    n = draw(st.integers(1, 25))
    nodes = []
    for i in range(n):
        parent = draw(st.integers(-1, i - 1)) if i else -1
        depth = nodes[parent].depth + 1 if parent >= 0 else 1
        hints = draw(st.integers(0, 2 ** 20 - 1))
        nodes.append(segment.Node("div", parent, depth, hints, "", "", hints & draw(st.integers(0, 2 ** 20 - 1))))
    return nodes


def _up(nodes, values):
    """Each node's value plus its descendants' (children follow their parents)."""
    out = list(values)
    for i in range(len(nodes) - 1, 0, -1):
        if nodes[i].parent >= 0:
            out[nodes[i].parent] += out[i]
    return out


def _down(nodes, own):
    out = []
    for i, nd in enumerate(nodes):
        out.append((out[nd.parent] if nd.parent >= 0 else 0) | own[i])
    return out


_MODS = [segment.source_events()] + ([_events] if BUILT else [])


@settings(max_examples=300, deadline=None)
@given(_trees(), st.data())
def test_region_sums_are_the_definition(nodes, data):
    blocks = [_B(data.draw(st.integers(-1, len(nodes) - 1)),
                 (data.draw(st.floats(0, 1e4)), data.draw(st.floats(0, 1e4)))) for _ in range(data.draw(st.integers(0, 30)))]
    lam = data.draw(st.floats(0, 3))
    pos_own, neg_own = [0.0] * len(nodes), [0.0] * len(nodes)
    for b in blocks:
        if b.node >= 0:
            pos_own[b.node] += b.features["value"][0]
            neg_own[b.node] += b.features["value"][1]
    pos, neg = _up(nodes, pos_own), _up(nodes, neg_own)
    for mod in _MODS:
        got_pos, got_net = mod.region_sums(nodes, blocks, lam)
        assert list(got_pos) == pos, mod.__name__
        assert list(got_net) == [p - lam * q for p, q in zip(pos, neg)], mod.__name__


@settings(max_examples=300, deadline=None)
@given(_trees(), st.data())
def test_hint_masks_and_prose_are_the_definition(nodes, data):
    own_prose = [data.draw(st.one_of(st.sampled_from([0, 100, 600, 800, 1500]), st.integers(0, 5000))) for _ in nodes]
    pos_bits = data.draw(st.integers(0, 2 ** 20 - 1))
    held = _up(nodes, own_prose)
    best = [0] * len(nodes)  # the most prose one marked container below a node holds
    for i in range(len(nodes) - 1, 0, -1):
        par = nodes[i].parent
        if par >= 0:
            cand = max(held[i] if nodes[i].hints & pos_bits else 0, best[i])
            best[par] = max(best[par], cand)
    distrust = data.draw(st.integers(0, 2 ** 20 - 1))
    confirmed = {i: data.draw(st.integers(0, 2 ** 20 - 1)) for i in range(len(nodes)) if data.draw(st.booleans())}
    caps = (0.5, 100.0, 800.0, 1500.0, 600.0)
    neg, layout, widget = 0b1111 << 4, 0b11 << 4, 0b11 << 6
    always = data.draw(st.sampled_from([0, 1 << 4, 0b11 << 4, 1 << 6]))
    own = []
    for i, nd in enumerate(nodes):
        sure = confirmed.get(i, 0) | (nd.tag_hints & always)
        o = nd.hints & ~(distrust & ~sure)
        if o & neg and best[i] >= caps[0] * held[i] and best[i] >= caps[1] and held[i]:
            o &= ~(neg & ~sure)
        if o & layout and held[i] > caps[2]:
            o &= ~(layout & ~(nd.tag_hints & layout if held[i] <= caps[3] else nd.tag_hints & always))
        if o & widget and held[i] > caps[4]:
            o &= ~(widget & ~sure)
        own.append(o)
    for mod in _MODS:
        assert mod.down_masks(nodes) == _down(nodes, [nd.hints for nd in nodes]), mod.__name__
        prose = list(own_prose)
        assert mod.prose_up(nodes, prose, pos_bits) == best, mod.__name__
        assert prose == held, mod.__name__
        assert mod.trusted_masks(nodes, held, best, confirmed, distrust, caps,
                                 (neg, layout, widget, always)) == _down(nodes, own), mod.__name__


_INVISIBLE_PAGE = ("<html><body><article><p>First paragraph of the story.</p><div>&zwj;</div>"
                   "<p>&#8203; &zwnj;\u00ad</p><pre>  &zwj;  </pre><p>Second&zwj;part<br><br>&zwj;<br><br>tail</p>"
                   "<p>\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645</p></article></body></html>").encode("utf-8")


@pytest.mark.parametrize("cls", [pytest.param(Fast, marks=needs_ext, id="compiled"), pytest.param(Py, id="python")])
def test_a_block_of_invisible_characters_is_no_block(cls):
    """A box holding only zero-width characters ("&zwj;" in an empty page-builder cell)
    and whitespace makes no block; the same characters inside words stay."""
    seg = _parse(cls, _INVISIBLE_PAGE)
    texts = [b.text for b in seg.blocks]
    assert texts == ["First paragraph of the story.", "Second\u200dpart", "tail",
                     "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"]
    assert [b.position for b in seg.blocks] == [0, 1, 2, 3]


@pytest.mark.parametrize("mod", [pytest.param(_events, marks=needs_ext, id="compiled"),
                                 pytest.param(segment.source_events(), id="python")])
def test_a_text_piece_of_invisible_characters_is_no_block(mod):
    blocks = mod.text_blocks(["First line.", "\u200d", " \u200b \ufeff ", "a\u200db", "\u00ad\nx"])
    assert [b.text for b in blocks] == ["First line.", "a\u200db", "\u00ad\nx"]


def test_the_python_file_runs_where_cython_is_not_installed():
    """A user's install without Cython runs _events.py on the stand-in module
    (_cython_shadow): every decorator and type name the file uses must exist there. Run in
    a child process with ``import cython`` failing and the pure path forced; it must clean
    a page and a flattened text as this process does."""
    page = (ROOT / "fixtures" / "scraped-dump.txt").read_text(encoding="utf-8")
    html = ("<html><body><article><h1>Title</h1><p>" + "The committee met on Tuesday to talk. " * 8
            + "</p><div>&zwj;</div><p>Click to expand...</p></article></body></html>")
    code = (
        "import sys, json\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'cython' or name.startswith('cython.') or name == 'Cython':\n"
        "            raise ImportError('no Cython here')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from boilerstrip import clean_article, segment\n"
        "assert segment._ev.__file__.endswith('.py'), segment._ev.__file__\n"
        "assert type(segment._ev.cython).__name__ == 'SimpleNamespace'\n"
        "args = json.load(sys.stdin)\n"
        "print(json.dumps([clean_article(args[0], input='text', metadata=False).to_dict(),\n"
        "                  clean_article(args[1], metadata=False).to_dict()]))\n"
    )
    import json
    import os

    env = dict(os.environ, BOILERSTRIP_PURE_PYTHON="1")
    got = subprocess.run([sys.executable, "-c", code], input=json.dumps([page, html]), env=env,
                         capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stderr[-2000:]
    from boilerstrip import clean_article

    want = [clean_article(page, input="text", metadata=False).to_dict(),
            clean_article(html, metadata=False).to_dict()]
    assert json.loads(got.stdout) == json.loads(json.dumps(want))
