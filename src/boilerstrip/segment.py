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
_PARTS = tuple((part, hint) for hint, parts in rules.HINT_PARTS.items() for part in parts)
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_WS = re.compile(r"[ \t\r\f\v\n\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = rules.HIDDEN_CLASSES
_hint_cache: dict[str, int] = {}


def attr_hints(value: str) -> int:
    """Hint bitmask of a class/id/itemprop string (cached: such strings repeat a lot).

    Within one class name ("post-comments", "tag-travel"), a token counts only as the
    name's last word or as the whole compacted name: WordPress-style prefixes such as
    ``tag-travel`` or ``category-news`` describe the post, not a widget. Distinctive
    words (HINT_PARTS) count anywhere. A boilerplate word beats a content word.
    """
    got = _hint_cache.get(value)
    if got is not None:
        return got
    mask = 0
    for name in _CAMEL.sub(r"\1-\2", value).lower().split():
        compact = _SPLIT.sub("", name)
        if compact in _HIDDEN_CLASSES:
            mask |= BIT["hidden"]
            continue
        found = []
        h = _TOKEN_HINT.get(compact)
        if h:
            found.append(h)
        toks = [t for t in _SPLIT.split(name) if t]
        if toks:
            h = _TOKEN_HINT.get(toks[-1])
            if h:
                found.append(h)
        for part, h in _PARTS:
            if part in compact:
                found.append(h)
        if not found:
            continue
        negative = [h for h in found if h not in _POS_NAMES]
        for h in negative or found:
            mask |= BIT[h]
    if len(_hint_cache) > 100_000:
        _hint_cache.clear()
    _hint_cache[value] = mask
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

    def path(self, node: int) -> str:
        parts = []
        while node >= 0:
            n = self.nodes[node]
            parts.append(n.label)
            node = n.parent
        return "/".join(reversed(parts))


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


def segment_html(root) -> Segmentation:
    """Walk the tree once and cut it into blocks."""
    skip = rules.SKIP_TAGS
    block_tags = rules.BLOCK_TAGS
    kind_by_tag = rules.KIND_BY_TAG
    hint_by_tag = {t: BIT[h] for t, h in rules.HINT_BY_TAG.items()}
    hint_by_role = {r: BIT[h] for r, h in rules.HINT_BY_ROLE.items()}
    hidden_bit = BIT["hidden"]

    nodes: list[Node] = []
    blocks: list[RawBlock] = []
    title = ""

    # Stack entries: (is_block, node_index, cumulative_hints, in_link, in_pre, skip)
    stack: list[tuple] = []
    cur_node = -1
    cur_hints = 0
    link_depth = 0
    pre_depth = 0
    buf: list[str] = []
    link_chars = 0
    inline_hints = 0

    def flush() -> None:
        nonlocal buf, link_chars, inline_hints
        if not buf:
            return
        text = "".join(buf)
        if text.isspace():
            buf = []
            link_chars = 0
            inline_hints = 0
            return
        text = _norm(text, pre_depth > 0)
        lc = link_chars
        ih = inline_hints
        buf = []
        link_chars = 0
        inline_hints = 0
        if not text:
            return
        tag = nodes[cur_node].tag if cur_node >= 0 else "body"
        level = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0
        # Paragraphs made with <br><br> inside one container become separate blocks.
        pieces = text.split("\n\n") if "\n\n" in text and not pre_depth else (text,)
        for piece in pieces:
            piece = piece.strip()
            if not piece:
                continue
            blocks.append(
                RawBlock(
                    text=piece, tag=tag, kind=kind_by_tag.get(tag, "paragraph"), level=level,
                    node=cur_node, chars=len(piece),
                    link_chars=min(len(piece), lc) if len(pieces) == 1 else min(len(piece), lc * len(piece) // max(1, len(text))),
                    hints=ih, position=len(blocks),
                )
            )

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if not isinstance(tag, str):  # comment / PI in a caller's tree
                stack.append(None)
                walker.skip_subtree()
                continue
            if "}" in tag:
                tag = tag.rsplit("}", 1)[1]
            tag = tag.lower()
            if tag in skip:
                if tag == "title" and not title and el.text:
                    title = " ".join(el.text.split())
                stack.append(None)
                walker.skip_subtree()
                continue
            attrib = el.attrib
            own = 0
            label = tag
            klass = ""
            if attrib:
                cls = attrib.get("class")
                ident = attrib.get("id")
                if cls or ident:
                    own |= attr_hints(f"{cls or ''} {ident or ''}")
                    if tag in block_tags:
                        klass = cls.split()[0] if cls and cls.split() else ""
                        label = tag + (f"#{ident}" if ident else "") + (f".{klass}" if klass else "")
                prop = attrib.get("itemprop")
                if prop:
                    own |= attr_hints(prop)
                role = attrib.get("role")
                if role:
                    own |= hint_by_role.get(role.strip().lower(), 0)
                if (
                    "hidden" in attrib
                    or attrib.get("aria-hidden") == "true"
                    or ("style" in attrib and _HIDDEN_STYLE.search(attrib["style"]))
                ):
                    own |= hidden_bit
                if tag == "a" and attrib.get("rel", "").lower() in ("tag", "category tag"):
                    own |= BIT["tags"]
            own |= hint_by_tag.get(tag, 0)
            if tag in block_tags:
                flush()
                if tag in ("html", "body"):
                    own = 0  # page-wide classes ("single-post has-sidebar") say nothing
                nodes.append(Node(tag, cur_node, len(stack), own, label, klass))
                stack.append((True, cur_node, cur_hints))
                cur_node = len(nodes) - 1
                cur_hints |= own
                if tag == "pre":
                    pre_depth += 1
                    buf.append("")
            else:
                stack.append((False, own))
                if own:
                    inline_hints |= own
                if tag == "a":
                    link_depth += 1
                elif tag == "br":
                    buf.append(_BR)
                elif tag in ("img",):
                    pass
            if el.text:
                buf.append(el.text)
                if link_depth:
                    link_chars += len(el.text.strip())
        else:
            entry = stack.pop() if stack else None
            if entry is not None:
                if entry[0]:
                    flush()
                    ntag = nodes[cur_node].tag
                    if ntag == "pre":
                        pre_depth -= 1
                    cur_node, cur_hints = entry[1], entry[2]
                else:
                    t = el.tag if isinstance(el.tag, str) else ""
                    if t.lower() == "a":
                        link_depth -= 1
            tail = el.tail
            if tail and stack:
                buf.append(tail)
                if link_depth:
                    link_chars += len(tail.strip())
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
