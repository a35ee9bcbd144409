"""Stage 1, segmentation: turn a parsed page (one walk) or flattened text into blocks.

A block is a run of text between block-level boundaries. It records its text, link
characters, tag, kind and heading level, position, the container it sits in, and the
hints carried by the class/id/role/aria attributes of its ancestors (a bitmask).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from lxml import etree

from . import rules

# Hint names -> bit. Order is fixed by the tables.
HINTS: tuple[str, ...] = tuple(
    dict.fromkeys(
        list(rules.HINT_TOKENS) + list(rules.HINT_BY_TAG.values()) + list(rules.HINT_BY_ROLE.values())
    + ["hidden"]
    )
)
BIT = {name: 1 << i for i, name in enumerate(HINTS)}


def mask_of(names) -> int:
    m = 0
    for n in names:
        m |= BIT.get(n, 0)
    return m


_HAS_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Node:
    """A block-level element of the page."""

    tag: str
    parent: int
    depth: int
    hints: int          # this element's own hints
    ident: str          # its id ("" when none)
    klass: str = ""     # first class name ("" when none)
    tag_hints: int = 0  # the part of ``hints`` the element or its role gives (<nav>, role=main)

    @property
    def label(self) -> str:
        """tag#id.class, for paths (made when asked: most pages never are)."""
        return self.tag + ("#" + self.ident if self.ident else "") + ("." + self.klass if self.klass else "")


@dataclass(slots=True)
class RawBlock:
    text: str
    tag: str
    kind: str
    level: int
    node: int           # index into Segmentation.nodes (-1 for text input)
    chars: int
    link_chars: int
    hints: int          # hints of inline wrappers (<a class="share">...); containers' are in nodes
    position: int = 0
    shape: dict | None = None   # text input: line shape
    # filled in by the scorer (features: for every block it scores)
    reason: str | None = None
    score: float = 0.0
    features: dict | None = None
    words: list | None = None  # its lower-cased \w+ words, when the scorer has read them


@dataclass(slots=True)
class Segmentation:
    blocks: list[RawBlock]
    nodes: list[Node]
    title: str = ""
    kind: str = "html"
    language: str | None = None
    sampled: int = 0  # text input: the blocks read to pick the language (see detect_words)
    words: list | None = None  # text input: each block's lower-cased \w+ words
    stop_counts: list | None = None  # text input: each block's words in the language's stoplist

    def path(self, node: int) -> str:
        """tag#id.class/... from the root to ``node`` (the last PATH_MAX_DEPTH steps)."""
        parts = []
        while node >= 0 and len(parts) < PATH_MAX_DEPTH:
            parts.append(self.nodes[node].label)
            node = self.nodes[node].parent
        if node >= 0:
            parts.append("…")
        return "/".join(reversed(parts))


PATH_MAX_DEPTH = 16
_BR = "\x00"  # stands for <br> in the text buffer (NUL never survives parsing)
#: Characters that show nothing: a block of these and whitespace alone is no text (page
#: builders fill empty boxes with "&zwj;"). Inside a word they stay (ZWJ and ZWNJ shape
#: Persian and Indic script).
INVISIBLE = " \t\n\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
_BLANKS = re.compile(r"\n{3,}")


def _norm(text: str, pre: bool) -> str:
    """Collapse whitespace; <br> becomes a line break, two or more a blank line."""
    if pre:
        return text.replace(_BR, "\n").strip("\n")
    if _BR not in text:
        return " ".join(text.split())
    lines = [" ".join(line.split()) for line in text.split(_BR)]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def _merge_rows(blocks: list[RawBlock], nodes: list[Node]) -> list[RawBlock]:
    """One block per table row: the cells of a <tr> that follow one another (each a
    single block of its own) are joined with " | ", the row being their container."""
    out: list[RawBlock] = []
    for b in blocks:
        node = nodes[b.node] if b.node >= 0 else None
        if node is not None and node.tag in ("td", "th") and out:
            prev = out[-1]
            row = node.parent
            if (prev.kind == "table_row" and prev.node == row and "\n" not in b.text
                    and "\n" not in prev.text):
                text = prev.text + " | " + b.text
                out[-1] = RawBlock(text, "tr", "table_row", 0, row, len(text),
                                   prev.link_chars + b.link_chars, 0, prev.position)
                continue
        if node is not None and node.tag in ("td", "th") and node.parent >= 0 and nodes[node.parent].tag == "tr":
            b = RawBlock(b.text, "tr", "table_row", 0, node.parent, b.chars, b.link_chars, b.hints, b.position)
        out.append(b)
    for i, b in enumerate(out):
        b.position = i
    return out


def _target_parser(seg: _Segmenter) -> etree.HTMLParser:
    return etree.HTMLParser(
        target=seg, remove_comments=True, remove_pis=True, no_network=True,
        huge_tree=True, encoding="utf-8", default_doctype=False,
    )


def segment_markup(data: bytes) -> tuple[Segmentation | None, bool]:
    """Parse UTF-8 markup and segment it in the same pass (no tree is built).

    Returns (segmentation or None when nothing parses, whether libxml2 stopped at its
    nesting limit — the caller then retries with the deepest tags flattened).
    """
    seg = _Segmenter()
    ran = _sax.parse(seg, data) if _sax is not None else None
    if ran is not None:  # the compiled SAX handlers: the same events, fewer steps
        exc, code = ran
        out = seg.close()  # (lxml's parser closes its target before raising, too)
        if exc is not None:
            if not isinstance(exc, (etree.XMLSyntaxError, ValueError)):
                raise exc
            out = seg.close() if seg.blocks else None
        seg.release()
        return out, code == etree.ErrorTypes.ERR_RESOURCE_LIMIT
    parser = _target_parser(seg)
    try:
        out = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        out = seg.close() if seg.blocks else None
    err = parser.error_log.last_error
    limited = err is not None and err.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT
    seg.release()  # (the parser keeps it in a reference cycle)
    return out, limited


def segment_html(root) -> Segmentation:
    """Segment an existing tree (a caller's lxml/bs4 tree, or ours when metadata needs
    one): lxml's iterwalk, no recursion, feeding the same events as the parser does."""
    seg = _Segmenter()
    if root.tag.__class__ is not str:  # a comment, processing instruction or entity: no text
        return seg.close()
    names: dict = {}
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        raw = el.tag
        if event == "start":
            tag = names.get(raw)
            if tag is None:
                if raw.__class__ is not str:  # comment / PI in a caller's tree
                    walker.skip_subtree()
                    continue
                tag = (raw.rsplit("}", 1)[1] if "}" in raw else raw).lower()
                names[raw] = tag
            seg.start(tag, el.attrib)
            if seg.skipping and not seg.in_title and tag != "head":  # <head> holds the title
                walker.skip_subtree()
            elif el.text:
                seg.data(el.text)
        else:
            if raw.__class__ is not str:
                tail = el.tail
            else:
                seg.end(names[raw])
                tail = el.tail
            if tail:
                seg.data(tail)
    return seg.close()


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------
_BLANK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n+")
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# a line ends a sentence: one of these, then perhaps closing quotes or brackets, within
# its last four characters
_TERMINALS = ".!?…:;"
_CLOSERS = "\"'”’»)]"
_ELLIPSIS_CLOSERS = ")]"  # an excerpt's "[…]", "(...)"
_TERMINALS_SET = frozenset(_TERMINALS)  # (a set: "" is in no set, as it is in every str)
_HAS_LETTER = re.compile(r"[^\W\d_]")
# (each piece's normalising, its block and its line_shape are in _events.py, compiled:
# see the end of this module)


def segment_text(text: str, controls: bool = True) -> Segmentation:
    """Split flattened text into blocks: on blank lines, or on line breaks if it has none.
    ``controls=False``: the text holds no control character but tab and line breaks (a
    text payload of ``_input.coerce``), none is looked for."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if controls and _CONTROL.search(text):  # control characters are no text: they separate words
        text = _CONTROL.sub(" ", text)
    if _BLANK_SPLIT.search(text):
        pieces = _BLANK_SPLIT.split(text)
    else:
        pieces = text.split("\n")
    return Segmentation(blocks=text_blocks(pieces), nodes=[], title="", kind="text")


# The parser target (lxml's start/data/end protocol) lives in _events.py, which setup.py
# compiles with Cython where a C compiler is at hand (Python then imports the compiled
# module instead of the .py file). BOILERSTRIP_PURE_PYTHON=1 in the environment makes
# this process use the .py file even so (same segmentation, slower).
@functools.lru_cache(maxsize=1)
def source_events():
    """_events.py run by Python, whether or not the compiled module sits beside it."""
    import importlib.util
    import sys

    from . import _events

    path = os.path.join(os.path.dirname(_events.__file__), "_events.py")
    spec = importlib.util.spec_from_file_location("boilerstrip._events_py", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _load_segmenter():
    from . import _events

    compiled = not _events.__file__.endswith(".py")
    if compiled and os.environ.get("BOILERSTRIP_PURE_PYTHON"):
        return source_events(), False
    return _events, compiled


def _load_sax():
    """The compiled SAX driver (_sax.pyx), when it was built and can run here: with the
    compiled segmenter, on the libxml2 it was built for. None otherwise."""
    if not COMPILED:
        return None
    try:
        from . import _sax
    except ImportError:
        return None
    return _sax if _sax.UNAVAILABLE is None else None


# (the class/id hint functions live there too: they run for every element)
_ev, COMPILED = _load_segmenter()
_sax = _load_sax()
_Segmenter = _ev.Segmenter
_Memo, attr_hints, _name_hints, _id_hints, _other_hints = (
    _ev._Memo, _ev.attr_hints, _ev._name_hints, _ev._id_hints, _ev._other_hints)
# (and the text path's per-block stopword counts, content words and cohesion, for score.py)
stop_content, text_cohesion = _ev.stop_content, _ev.cohesion
stop_count = _ev.stop_count  # (the HTML features' stopwords)
word_count = _ev.word_count  # (and their words)
round3 = _ev.round3  # (features and scores rounded to 3 places)
# (and flattened text's blocks)
line_shape, text_blocks = _ev.line_shape, _ev.text_blocks
# (and the HTML scorer's masks and sums up the tree)
down_masks, prose_up, region_sums, trusted_masks = (
    _ev.down_masks, _ev.prose_up, _ev.region_sums, _ev.trusted_masks)
# (and the widget phrases' matcher, for score.py)
Anchored, Phrases = _ev.Anchored, _ev.Phrases
