"""Stage 1, segmentation: turn a parsed page (one walk) or flattened text into blocks.

A block is a run of text between block-level boundaries. It records its text, link
characters, tag, kind and heading level, position, the container it sits in, and the
hints carried by the class/id/role/aria attributes of its ancestors (a bitmask).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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


_POS_NAMES = frozenset(rules.POSITIVE_HINTS)
_TOKEN_HINT = {tok: hint for hint, toks in rules.HINT_TOKENS.items() for tok in toks.lower().split()}
_PART_HINT = {part: hint for hint, parts in rules.HINT_PARTS.items() for part in parts}
_PARTS_RE = re.compile("|".join(sorted(map(re.escape, _PART_HINT), key=len, reverse=True)))
_name_cache: dict[str, int] = {}
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_WS = re.compile(r"[ \t\r\f\v\n\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = rules.HIDDEN_CLASSES
_hint_cache: dict[str, int] = {}


def attr_hints(value: str) -> int:
    """Hint bitmask of a class/id/itemprop string (cached per string and per name).

    Within one class name ("post-comments", "tag-travel"), a token counts only as the
    name's last word or as the whole compacted name: WordPress-style prefixes such as
    ``tag-travel`` or ``category-news`` describe the post, not a widget. Distinctive
    words (HINT_PARTS) count anywhere. A boilerplate word beats a content word.
    """
    got = _hint_cache.get(value)
    if got is not None:
        return got
    mask = 0
    for name in value.split():
        h = _name_cache.get(name)
        if h is None:
            h = _name_hints(name)
            if len(_name_cache) > 200_000:
                _name_cache.clear()
            _name_cache[name] = h
        mask |= h
    if len(_hint_cache) > 100_000:
        _hint_cache.clear()
    _hint_cache[value] = mask
    return mask


def _name_hints(name: str) -> int:
    name = name.translate(_DIGITS)
    if not name.islower():
        name = _CAMEL.sub(r"\1-\2", name).lower()
    compact = _SPLIT.sub("", name)
    if compact in _HIDDEN_CLASSES:
        return BIT["hidden"]
    found = []
    h = _TOKEN_HINT.get(compact)
    if h:
        found.append(h)
    last = name.rstrip("-_ ").rsplit("-", 1)[-1].rsplit("_", 1)[-1]
    h = _TOKEN_HINT.get(_SPLIT.sub("", last))
    if h:
        found.append(h)
    for part in _PARTS_RE.findall(compact):
        found.append(_PART_HINT[part])
    if not found:
        return 0
    negative = [h for h in found if h not in _POS_NAMES]
    mask = 0
    for h in negative or found:
        mask |= BIT[h]
    return mask


@dataclass(slots=True)
class Node:
    """A block-level element of the page."""

    tag: str
    parent: int
    depth: int
    hints: int          # this element's own hints
    label: str          # tag#id.class, for paths
    klass: str = ""     # first class name ("" when none)


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
    shape: dict = field(default_factory=dict)   # text input: line shape
    # filled in by the scorer
    reason: str | None = None
    score: float = 0.0
    features: dict = field(default_factory=dict)


@dataclass(slots=True)
class Segmentation:
    blocks: list[RawBlock]
    nodes: list[Node]
    title: str = ""
    kind: str = "html"
    language: str | None = None
    _paths: dict = field(default_factory=dict, repr=False)

    def path(self, node: int) -> str:
        """tag#id.class/... from the root to ``node`` (memoised per node)."""
        memo = self._paths
        if node in memo:
            return memo[node]
        chain = []
        i = node
        while i >= 0 and i not in memo:
            chain.append(i)
            i = self.nodes[i].parent
        prefix = memo[i] if i >= 0 else ""
        for j in reversed(chain):
            prefix = f"{prefix}/{self.nodes[j].label}" if prefix else self.nodes[j].label
            memo[j] = prefix
        return memo[node]


_BR = "\x00"  # stands for <br> in the text buffer (NUL never survives parsing)
_BLANKS = re.compile(r"\n{3,}")


def _norm(text: str, pre: bool) -> str:
    """Collapse whitespace; <br> becomes a line break, two or more a blank line."""
    if pre:
        return text.replace(_BR, "\n").strip("\n")
    if _BR not in text:
        return " ".join(text.split())
    lines = [" ".join(line.split()) for line in text.split(_BR)]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


_DIGITS = str.maketrans("", "", "0123456789")
_id_cache: dict[str, int] = {}
# Stack codes for elements that are not block nodes (a block pushes its parent's index).
_LINK, _INLINE, _SKIPPED = -2, -3, -4


def _id_hints(ident: str) -> int:
    """Hints of an id; ids are often unique ("post-4711"), so digits are dropped first."""
    key = ident.translate(_DIGITS)
    got = _id_cache.get(key)
    if got is None:
        got = attr_hints(key)
        if len(_id_cache) > 50_000:
            _id_cache.clear()
        _id_cache[key] = got
    return got


def strip_unseen(root) -> None:
    """Remove, in C, the elements that never hold visible text (scripts, styles, svg...),
    keeping their tails. Only for trees we parsed ourselves; <head> stays for metadata."""
    body = root.find("body")
    etree.strip_elements(body if body is not None else root, *_STRIP_IN_C, with_tail=False)


_STRIP_IN_C = tuple(sorted(rules.SKIP_TAGS - {"head", "title", "meta", "link", "base"}))


def segment_html(root) -> Segmentation:
    """Walk the tree once (lxml's iterwalk, no recursion) and cut it into blocks."""
    skip = rules.SKIP_TAGS
    block_tags = rules.BLOCK_TAGS
    kind_by_tag = rules.KIND_BY_TAG
    hint_by_tag = {t: BIT[h] for t, h in rules.HINT_BY_TAG.items()}
    hint_by_role = {r: BIT[h] for r, h in rules.HINT_BY_ROLE.items()}
    hidden_bit = BIT["hidden"]
    tags_bit = BIT["tags"]
    tag_names: dict = {}

    nodes: list[Node] = []
    blocks: list[RawBlock] = []
    title = ""
    stack: list[int] = []
    cur_node = -1
    link_depth = 0
    pre_depth = 0
    buf: list[str] = []
    link_chars = 0

    def flush() -> None:
        nonlocal buf, link_chars
        text = "".join(buf)
        lc = link_chars
        buf = []
        link_chars = 0
        if not text or text.isspace():
            return
        text = _norm(text, pre_depth > 0)
        if not text:
            return
        tag = nodes[cur_node].tag if cur_node >= 0 else "body"
        level = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0
        kind = kind_by_tag.get(tag, "paragraph")
        # Paragraphs made with <br><br> inside one container become separate blocks.
        pieces = text.split("\n\n") if "\n\n" in text and not pre_depth else (text,)
        total = len(text)
        for piece in pieces:
            piece = piece.strip()
            if not piece:
                continue
            n = len(piece)
            links = min(n, lc if len(pieces) == 1 else lc * n // total)
            blocks.append(RawBlock(piece, tag, kind, level, cur_node, n, links, 0, len(blocks)))

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            raw = el.tag
            tag = tag_names.get(raw)
            if tag is None:
                if raw.__class__ is not str:  # comment / PI in a caller's tree
                    stack.append(_SKIPPED)
                    walker.skip_subtree()
                    continue
                tag = (raw.rsplit("}", 1)[1] if "}" in raw else raw).lower()
                tag_names[raw] = tag
            if tag in skip:
                if tag == "title" and not title and el.text:
                    title = " ".join(el.text.split())
                stack.append(_SKIPPED)
                walker.skip_subtree()
                continue
            own = hint_by_tag.get(tag, 0)
            klass = ""
            ident = None
            items = el.items()
            if items:
                for k, v in items:
                    if k == "class":
                        if v:
                            got = _hint_cache.get(v)
                            own |= got if got is not None else attr_hints(v)
                            klass = v.split(None, 1)[0] if v.strip() else ""
                    elif k == "id":
                        if v:
                            ident = v
                            own |= _id_hints(v)
                    elif k == "role":
                        own |= hint_by_role.get(v.strip().lower(), 0)
                    elif k == "itemprop":
                        own |= attr_hints(v)
                    elif k == "hidden" or (k == "aria-hidden" and v == "true"):
                        own |= hidden_bit
                    elif k == "style":
                        if ("none" in v or "hidden" in v) and _HIDDEN_STYLE.search(v):
                            own |= hidden_bit
                    elif k == "rel" and tag == "a" and v.lower() in ("tag", "category tag"):
                        own |= tags_bit
            if tag in block_tags:
                if buf:
                    flush()
                if tag == "html" or tag == "body":
                    own = 0  # page-wide classes ("single-post has-sidebar") say nothing
                label = tag
                if ident:
                    label += "#" + ident
                if klass:
                    label += "." + klass
                stack.append(cur_node)
                nodes.append(Node(tag, cur_node, len(stack), own, label, klass))
                cur_node = len(nodes) - 1
                if tag == "pre":
                    pre_depth += 1
            elif own & hidden_bit:  # hidden inline text (screen-reader labels): not seen
                stack.append(_SKIPPED)
                walker.skip_subtree()
                continue
            elif tag == "a":
                stack.append(_LINK)
                link_depth += 1
            else:
                stack.append(_INLINE)
                if tag == "br":
                    buf.append(_BR)
            text = el.text
            if text:
                buf.append(text)
                if link_depth:
                    link_chars += len(text.strip())
        else:
            code = stack.pop()
            if code >= -1:
                if buf:
                    flush()
                if pre_depth and nodes[cur_node].tag == "pre":
                    pre_depth -= 1
                cur_node = code
            elif code == _LINK:
                link_depth -= 1
            tail = el.tail
            if tail and stack:
                buf.append(tail)
                if link_depth:
                    link_chars += len(tail.strip())
    if buf:
        flush()
    return Segmentation(blocks=blocks, nodes=nodes, title=title, kind="html")


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------
_BLANK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n+")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")


def line_shape(text: str) -> dict:
    """The shape of a text line: what the scorer needs when there is no markup."""
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    caps_words = sum(1 for w in words if w[:1].isupper())
    return {
        "words": len(words),
        "terminal": bool(_TERMINAL.search(text)),
        "ellipsis": text.rstrip().endswith(("…", "...")),
        "upper_ratio": upper / len(letters) if letters else 0.0,
        "title_case": caps_words / len(words) if words else 0.0,
        "digits_only": bool(words) and all(not c.isalpha() for c in text),
    }


def segment_text(text: str) -> Segmentation:
    """Split flattened text into blocks: on blank lines, or on line breaks if it has none."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _BLANK_SPLIT.search(text):
        pieces = _BLANK_SPLIT.split(text)
    else:
        pieces = text.split("\n")
    blocks: list[RawBlock] = []
    for piece in pieces:
        piece = "\n".join(" ".join(_WS.split(line)).strip() for line in piece.split("\n")).strip()
        if not piece:
            continue
        blocks.append(
            RawBlock(
                text=piece, tag="line", kind="paragraph", level=0, node=-1,
                chars=len(piece), link_chars=0, hints=0, position=len(blocks),
                shape=line_shape(piece),
            )
        )
    return Segmentation(blocks=blocks, nodes=[], title="", kind="text")
