"""The hot loops: the HTML segmenter's event handlers (lxml's parser calls start/data/end
once per element and text node, about 3,000 times on a typical page) and its class/id
hints; flattened text's blocks; the text scorer's two loops over each block's words
(stopwords and content words, cohesion with the article's core); and the widget-phrase
matcher (some 250 short lines a page).

This is plain Python, written in Cython's "pure Python mode": the ``cython`` names
below are type declarations that Python ignores. When the package is installed with a
C compiler at hand, setup.py compiles this same file into an extension module of the
same name, which Python imports instead of the .py file; the handlers then run with
typed fields, without the interpreter. Without a compiler (or with
BOILERSTRIP_PURE_PYTHON=1, see segment.py) the file runs as it is. One source, one
behaviour; ``tests/test_segfast.py`` checks that both segment alike.
"""
from __future__ import annotations

try:
    import cython
except ImportError:  # Cython is needed only to build: a stand-in for the few names used
    from ._cython_shadow import cython  # type: ignore[no-redef]

import re
from array import array

from . import rules
from . import segment as _s
from ._dispatch import literal_trie
from ._stoplists import tokens as _tokens

_Node = _s.Node
_RawBlock = _s.RawBlock
_Segmentation = _s.Segmentation
_merge_rows = _s._merge_rows
_norm = _s._norm
_INVISIBLE = cython.declare(str, _s.INVISIBLE)
BIT = cython.declare(dict, _s.BIT)
_BR = cython.declare(str, _s._BR)
_HAS_DIGIT = _s._HAS_DIGIT

# class/id names (the words and parts of rules.HINT_TOKENS / HINT_PARTS)
_POS_NAMES = cython.declare(frozenset, frozenset(rules.POSITIVE_HINTS))
_TOKEN_HINT = cython.declare(dict, {tok: hint for hint, toks in rules.HINT_TOKENS.items()
                                    for tok in toks.lower().split()})
_WORDSEP = re.compile(r"[-_\s:./]+")
_PART_HINT = cython.declare(dict, {part: hint for hint, parts in rules.HINT_PARTS.items() for part in parts})
_PARTS_RE = re.compile(literal_trie(_PART_HINT))
_SHORTEST_PART = cython.declare(cython.Py_ssize_t, min(map(len, _PART_HINT)))
# the place between a lower-case letter or digit and a capital ("postTitle"): a dash goes
# there (a plain "-" replacement: Python 3.11 expands a group template in Python code)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = cython.declare(frozenset, rules.HIDDEN_CLASSES)
# ASCII names: the separators of _WORDSEP become spaces, then str.split (no regex). Like
# every str.translate table here, it lists all of ASCII (a missing character costs a
# failed lookup per call).
_ASCII_SEPS = cython.declare(dict, str.maketrans({c: " " if c in "-_:./" else c for c in map(chr, range(128))}))
# Ids that differ only in their digits ("post-4711", "post-4712") share a cache entry:
# every digit reads as 0 (a word holding a digit is ignored by _name_hints anyway).
_DIGITS = cython.declare(dict, str.maketrans({c: "0" if c.isdigit() else c for c in map(chr, range(128))}))
_DIGIT_BYTES = cython.declare(bytes, bytes(0x30 if 0x30 <= c <= 0x39 else c for c in range(256)))

# elements
_HINT_BY_TAG = cython.declare(dict, {t: BIT[h] for t, h in rules.HINT_BY_TAG.items()})
_HINT_BY_ROLE = cython.declare(dict, {r: BIT[h] for r, h in rules.HINT_BY_ROLE.items()})
_HIDDEN_BIT = BIT["hidden"]
_SHOWN_ROLES = cython.declare(frozenset, frozenset(rules.SHOWN_ROLES))
_TAGS_BIT = BIT["tags"]
_ATTR_MAX = cython.declare(cython.Py_ssize_t, 400)  # characters of a class/id/style value looked at
_SKIP = cython.declare(frozenset, frozenset(rules.SKIP_TAGS))
_BLOCK = cython.declare(frozenset, frozenset(rules.BLOCK_TAGS))
_KIND = cython.declare(dict, dict(rules.KIND_BY_TAG))
# the attributes _other_hints reads (an element with none of them is skipped)
_OTHER_KEYS = cython.declare(frozenset, frozenset(("role", "itemprop", "hidden", "style", "rel")))
# Stack codes for elements that are not block nodes (a block pushes its parent's index).
_LINK = cython.declare(cython.long, -2)
_INLINE = cython.declare(cython.long, -3)

@cython.cclass
class _Memo:
    """A bounded memo of two generations: when the newer one is full it becomes the
    older one (a key found there moves back), and the oldest is dropped. Class names
    recur within a page and across a site's pages; clearing everything at once would
    recompute the recurring ones too."""

    new = cython.declare(dict, visibility="public")
    old = cython.declare(dict, visibility="public")
    size = cython.declare(cython.Py_ssize_t, visibility="public")

    def __init__(self, size: int) -> None:
        self.new: dict = {}
        self.old: dict = {}
        self.size = size

    @cython.ccall
    def put(self, key, value) -> None:
        if len(self.new) >= self.size:
            self.old = self.new
            self.new = {}
        self.new[key] = value


_names = cython.declare(_Memo, _Memo(20_000))    # one class name -> hints
_values = cython.declare(_Memo, _Memo(15_000))   # a whole class attribute -> hints


@cython.ccall
def attr_hints(value: str) -> int:
    """Hint bitmask of a class/id/itemprop string (memoised per string and per name).

    Within one class name ("post-comments", "tag-travel"), a token counts only as the
    name's last word or as the whole compacted name: WordPress-style prefixes such as
    ``tag-travel`` or ``category-news`` describe the post, not a widget. Distinctive
    words (HINT_PARTS) count anywhere. A boilerplate word beats a content word.
    """
    name: str
    names: _Memo
    got = _values.new.get(value)
    if got is not None:
        return got
    got = _values.old.get(value)
    if got is None:
        got = 0
        names = _names
        for name in value.split():
            h = names.new.get(name)
            if h is None:
                h = names.old.get(name)
                if h is None:
                    h = _name_hints(name)
                names.put(name, h)
            got |= h
    _values.put(value, got)
    return got


def _name_hints(name: str) -> int:
    compact: str
    last: str
    words: list
    found: list
    got: tuple
    if name.isascii():
        if name.isalpha() and name.islower():  # "content": one plain word
            compact = last = name
        elif cython.compiled and (got := _ascii_words(name)) is not None:
            if not got:
                return 0
            compact, last = got
        else:
            if not name.islower():
                name = _CAMEL.sub("-", name).lower()
            words = name.translate(_ASCII_SEPS).split()
            compact = "".join(words)
            if not compact.isalpha():
                if _HAS_DIGIT.search(compact):  # a word holding a digit is generated ("2638ad0")
                    words = [w for w in words if not _HAS_DIGIT.search(w)]
                    compact = "".join(words)
                if not compact.isalnum():
                    compact = _SPLIT.sub("", compact)
            if not words:
                return 0
            last = words[-1]
            if not last.isalnum():
                last = _SPLIT.sub("", last)
    else:
        if not name.islower():
            name = _CAMEL.sub("-", name).lower()
        words = [w for w in _WORDSEP.split(name) if w and not _HAS_DIGIT.search(w)]
        if not words:
            return 0
        compact = "".join(words)
        if not (compact.isascii() and compact.isalnum()):
            compact = _SPLIT.sub("", compact)
        last = words[-1]
        if not (last.isascii() and last.isalnum()):
            last = _SPLIT.sub("", last)
    if compact in _HIDDEN_CLASSES:
        return BIT["hidden"]
    found = []
    h = _TOKEN_HINT.get(compact)
    if h:
        found.append(h)
    h = _TOKEN_HINT.get(last)
    if h:
        found.append(h)
    if len(compact) >= _SHORTEST_PART:
        for part in (_find_parts(compact) if cython.compiled and _PARTS_PLAIN and compact.isascii() else _PARTS_RE.findall(compact)):
            found.append(_PART_HINT[part])
    if not found:
        return 0
    negative = [h for h in found if h not in _POS_NAMES]
    mask = 0
    for h in negative or found:
        mask |= BIT[h]
    return mask


# The compiled module reads an ASCII name character by character (the .py uses the
# regexes and str methods above; tests/test_segfast.py checks both give the same hints).
# The parts by their first two letters (a-z, a-z): _find_parts tries only those. It is
# used only while every part is two or more lower-case ASCII letters (else: the regex).
_PARTS_PLAIN = cython.declare(cython.bint, all(len(p) >= 2 and p.isascii() and p.isalpha() and p.islower()
                                               for p in _PART_HINT))
_PARTS_BY_PAIR = cython.declare(list, [tuple(p for p in sorted(_PART_HINT) if p.isascii() and p.isalpha()
                                             and p[:2] == chr(97 + i // 26) + chr(97 + i % 26))
                                       for i in range(26 * 26)])


@cython.cfunc
def _ascii_words(name: str) -> tuple:
    """An ASCII name's (compact, last) as the .py path reads them: the words split at
    separators, whitespace and camel humps ("postTitle"), lower-cased; a word holding a
    digit dropped. () when no word is left; None (the .py path decides) for a name with
    a character that is no letter, digit or separator."""
    n: cython.Py_ssize_t = len(name)
    i: cython.Py_ssize_t
    start: cython.Py_ssize_t = -1  # the current word's first character (-1: none)
    digit: cython.bint = False  # the current word holds a digit
    kept: list = []
    c: cython.Py_UCS4
    prev: cython.Py_UCS4 = 0
    low: str = name.lower()
    sep: cython.bint
    for i in range(n + 1):
        c = name[i] if i < n else 32
        # _ASCII_SEPS' separators and str.split()'s ASCII whitespace end a word (a literal:
        # Cython tests a character against it without a lookup)
        sep = c in "-_:./ \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
        if sep or ("A" <= c <= "Z" and ("a" <= prev <= "z" or "0" <= prev <= "9")):
            if start >= 0 and not digit:
                kept.append(low[start:i])
            start = -1
            digit = False
        elif not ("a" <= c <= "z" or "A" <= c <= "Z" or "0" <= c <= "9"):
            return None
        if start < 0 and not sep:
            start = i
        if "0" <= c <= "9":
            digit = True
        prev = c
    if not kept:
        return ()
    return "".join(kept), kept[-1]


@cython.cfunc
def _find_parts(compact: str) -> list:
    """_PARTS_RE.findall(compact) for an ASCII compact name: left to right, no overlap."""
    n: cython.Py_ssize_t = len(compact)
    i: cython.Py_ssize_t = 0
    k: cython.Py_ssize_t
    m: cython.Py_ssize_t
    a: cython.Py_UCS4
    b: cython.Py_UCS4
    part: str
    out: list = []
    while i + 1 < n:
        a = compact[i]
        b = compact[i + 1]
        if "a" <= a <= "z" and "a" <= b <= "z":
            for part in _PARTS_BY_PAIR[(cython.cast(cython.long, a) - 97) * 26 + cython.cast(cython.long, b) - 97]:
                m = len(part)
                if i + m <= n:
                    k = 2
                    while k < m and compact[i + k] == part[k]:
                        k += 1
                    if k == m:
                        out.append(part)
                        i += m - 1
                        break
        i += 1
    return out


@cython.ccall
def _id_hints(ident: str) -> int:
    """Hints of an id; ids are often unique ("post-4711"): memoised with digits as 0."""
    return attr_hints(_zero_digits(ident))


@cython.cfunc
def _zero_digits(ident: str) -> str:
    """``ident.translate(_DIGITS)`` (ASCII digits as "0"): the same string when it holds
    none (most ids; a translate reads every character through a dict lookup)."""
    if not cython.compiled:
        return ident.translate(_DIGITS)
    c: cython.Py_UCS4
    for c in ident:
        if "0" <= c <= "9":
            if ident.isascii():
                return ident.encode("ascii").translate(_DIGIT_BYTES).decode("ascii")
            return ident.translate(_DIGITS)
    return ident


@cython.ccall
def _other_hints(tag: str, attrib) -> int:
    """Hints from role, itemprop, hidden/aria-hidden/style and rel=tag."""
    own = 0
    role = attrib.get("role")
    shown = False  # a panel the page shows on a click: hidden for now, content all the same
    if role:
        role = role.strip().lower()
        own |= _HINT_BY_ROLE.get(role, 0)
        shown = role in _SHOWN_ROLES
    prop = attrib.get("itemprop")
    if prop:
        own |= attr_hints(prop[:_ATTR_MAX])
    if "hidden" in attrib and not shown:  # (aria-hidden hides from screen readers only: slides, icons)
        own |= _HIDDEN_BIT
    style = (attrib.get("style") or "")[:_ATTR_MAX]
    if style and not shown and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style):
        own |= _HIDDEN_BIT
    if tag == "a" and (attrib.get("rel") or "").lower() in ("tag", "category tag"):
        own |= _TAGS_BIT
    return own


# Features and scores are rounded to 3 places, a few times per block: round(x, 3) goes
# through a decimal conversion (0.25 us); the compiled build rounds x * 1000 in C where
# that cannot differ from it (well clear of a tie), which is nearly always.
@cython.ccall
def round3(x: cython.double) -> cython.double:
    """``round(x, 3)`` of a float, the same value (and sign of zero)."""
    if not cython.compiled:
        return round(x, 3)
    if x == 0.0:  # (either zero, its sign kept, as round gives it)
        return x
    a: cython.double = -x if x < 0 else x
    if not (a < 1e9):  # huge, NaN: Python's own
        return round(x, 3)
    y: cython.double = a * 1000.0
    k: cython.longlong = cython.cast(cython.longlong, y)
    d: cython.double = y - k
    if 0.499 < d < 0.501:  # near a tie: Python's exact decimal rule
        return round(x, 3)
    if d > 0.5:
        k += 1
    r: cython.double = k / 1000.0
    return -r if x < 0 else r


@cython.ccall
def word_count(text: str) -> cython.Py_ssize_t:
    """``len(text.split())``, without the list."""
    if not cython.compiled:
        return len(text.split())
    n: cython.Py_ssize_t = 0
    inside: cython.bint = False
    c: cython.Py_UCS4
    for c in text:
        if c.isspace():
            inside = False
        elif not inside:
            inside = True
            n += 1
    return n


# A block's count of stopwords (the HTML features', and the text path's below).
@cython.ccall
def stop_count(words: list, stop) -> cython.Py_ssize_t:
    """How many of ``words`` are in ``stop`` (with repeats)."""
    if not cython.compiled:
        return sum(map(stop.__contains__, words))
    n: cython.Py_ssize_t = 0
    w: str
    for w in words:
        if w in stop:
            n += 1
    return n


# The text path's feature loop (score._text_features) reads each block's words twice:
# for its stopword count and for its content words. Compiled, one loop over the words
# does both (a third of the time of the set operations below, which the .py keeps: in
# the interpreter they are faster than a loop over words).
def stop_content(toks: list, stop, stops: list, no_words) -> list:
    """Each block's content words: its words of three characters or more that are no
    stopwords, as a set (``no_words`` for a block of fewer than 8 words). ``toks``: each
    block's words; ``stop``: the stoplist (None: none, every count is 0). A block's count
    of stopwords (with repeats) is written into ``stops`` where that holds -1."""
    content: list = []
    words: list
    w: str
    k: cython.Py_ssize_t
    sc: cython.Py_ssize_t
    found: set
    have: cython.bint = stop is not None
    for k in range(len(toks)):
        words = toks[k]
        sc = stops[k]
        if not cython.compiled:
            if sc < 0:
                stops[k] = stop_count(words, stop) if have else 0
            if len(words) < 8:
                content.append(no_words)
            else:
                found = set(words).difference(stop) if have else set(words)
                content.append({w for w in found if len(w) > 2})
            continue
        if len(words) < 8:
            if sc < 0:
                stops[k] = stop_count(words, stop) if have else 0
            content.append(no_words)
            continue
        found = set()
        if not have:
            if sc < 0:
                stops[k] = 0
            for w in words:
                if len(w) > 2:
                    found.add(w)
        elif sc < 0:
            sc = 0
            for w in words:
                if w in stop:
                    sc += 1
                elif len(w) > 2:
                    found.add(w)
            stops[k] = sc
        else:
            for w in words:
                if len(w) > 2 and w not in stop:
                    found.add(w)
        content.append(found)
    return content


def cohesion(words: list, kinds: list, i: cython.Py_ssize_t, j: cython.Py_ssize_t) -> list:
    """Each text block's cohesion with the article's core, the prose blocks in [i, j):
    the share of its content words (``words``, sets) found in the core's, in another
    core block's for a block of the core itself. Compiled, word by word (no
    intersections built); the .py builds them."""
    in_core: set = set()
    in_other: set = set()
    out: list = []
    core: set
    w: str
    k: cython.Py_ssize_t
    hits: cython.Py_ssize_t
    for k in range(i, j):
        if kinds[k] == "prose":
            ws = words[k]
            if not cython.compiled:
                in_other |= in_core.intersection(ws)
                in_core |= ws
                continue
            for w in ws:  # (a set: each word once)
                if w in in_core:
                    in_other.add(w)
                else:
                    in_core.add(w)
    for k in range(len(words)):
        ws = words[k]
        if not ws:
            out.append(0.0)
            continue
        core = in_other if i <= k < j and kinds[k] == "prose" else in_core
        if not cython.compiled:
            out.append(len(ws & core) / len(ws))
            continue
        hits = 0
        for w in ws:
            if w in core:
                hits += 1
        out.append(hits / len(ws))
    return out


# --------------------------------------------------------------------------
# Flattened text (segment.segment_text): the pieces between blank lines (or line
# breaks), each normalised and made a block with its line shape. Compiled with the rest:
# a dump has a hundred pieces and more, and a few string tests each.
# --------------------------------------------------------------------------
_TERMINALS_SET = cython.declare(frozenset, _s._TERMINALS_SET)
_CLOSERS = cython.declare(str, _s._CLOSERS)
_ELLIPSIS_CLOSERS = cython.declare(str, _s._ELLIPSIS_CLOSERS)
_HAS_LETTER = _s._HAS_LETTER


def line_shape(text: str, words=None) -> dict:
    """The shape of a text line: what the scorer needs when there is no markup.
    ``words``: its number of words, when known."""
    return _shape(text, len(text.split()) if words is None else words)


@cython.cfunc
def _shape(text: str, words: cython.Py_ssize_t) -> dict:
    stripped: str = text.rstrip()
    return {
        "words": words,
        "terminal": stripped[-4:].rstrip(_CLOSERS)[-1:] in _TERMINALS_SET,
        "ellipsis": stripped.rstrip(_ELLIPSIS_CLOSERS).endswith(("…", "...")),
        "digits_only": words > 0 and len(text) <= 40 and not _HAS_LETTER.search(text),
    }


@cython.cfunc
def _shows_nothing(text: str) -> cython.bint:
    """``text`` (not empty) is only zero-width characters and whitespace (INVISIBLE): no
    block. (Its first character tells at once for nearly every text.)"""
    return text[0] in _INVISIBLE and not text.strip(_INVISIBLE)


@cython.cfunc
def _normal_line(piece: str) -> cython.bint:
    """One ASCII line that normalising would leave as it is: single spaces between words,
    none at either end, no tab (control characters are spaces by then: the only ASCII
    whitespace left is space, tab and line break)."""
    return (piece.isascii() and piece[0] != " " and piece[-1] != " "
            and "  " not in piece and "\t" not in piece)


@cython.cfunc
def _normal_lines(piece: str) -> cython.bint:
    """:func:`_normal_line` for several lines: and none starts or ends with a space, none
    is empty."""
    return (_normal_line(piece) and piece[0] != "\n" and piece[-1] != "\n"
            and " \n" not in piece and "\n " not in piece and "\n\n" not in piece)


def text_blocks(pieces: list) -> list:
    """The blocks of flattened text's pieces (empty ones skipped)."""
    blocks: list = []
    piece: str
    tokens: list
    nwords: cython.Py_ssize_t
    for piece in pieces:
        if "\n" in piece:
            if not _normal_lines(piece):
                piece = "\n".join([" ".join(line.split()) for line in piece.split("\n")]).strip()
            nwords = len(piece.split())
        elif piece and _normal_line(piece):
            nwords = piece.count(" ") + 1  # single spaces between words
        else:
            tokens = piece.split()
            piece = " ".join(tokens)
            nwords = len(tokens)
        if not piece or _shows_nothing(piece):
            continue
        # (text, tag, kind, level, node, chars, link_chars, hints, position, shape)
        blocks.append(_RawBlock(piece, "line", "paragraph", 0, -1, len(piece), 0, 0, len(blocks),
                               _shape(piece, nwords)))
    return blocks


# The HTML scorer's sums up the tree (score._region): each node's content and boilerplate
# value, its own blocks' and its descendants', in C doubles when compiled (children come
# after their parents: one reverse pass).
def region_sums(nodes: list, blocks: list, lam: float) -> tuple:
    """(pos, net) per node: the content value its blocks and its descendants' hold, and
    that minus ``lam`` times their boilerplate value. Arrays of doubles."""
    n: cython.Py_ssize_t = len(nodes)
    i: cython.Py_ssize_t
    par: cython.Py_ssize_t
    pos_a = array("d", [0.0]) * n
    neg_a = array("d", [0.0]) * n
    net_a = array("d", [0.0]) * n
    pos: cython.double[:] = pos_a
    neg: cython.double[:] = neg_a
    net: cython.double[:] = net_a
    k: cython.double = lam
    for b in blocks:
        i = b.node
        if i >= 0:
            p, q = b.features["value"]
            pos[i] += p
            neg[i] += q
    for i in range(n - 1, 0, -1):
        par = nodes[i].parent
        if par >= 0:
            pos[par] += pos[i]
            neg[par] += neg[i]
    for i in range(n):
        net[i] = pos[i] - k * neg[i]
    return pos_a, net_a


# The HTML scorer's hint masks (score._node_hints), node by node in C when compiled.
def down_masks(nodes: list) -> list:
    """Each node's hints OR'd with its ancestors' (parents precede children)."""
    n: cython.Py_ssize_t = len(nodes)
    i: cython.Py_ssize_t
    par: cython.Py_ssize_t
    out: list = [0] * n
    for i in range(n):
        nd = nodes[i]
        par = nd.parent
        out[i] = (out[par] if par >= 0 else 0) | nd.hints
    return out


def prose_up(nodes: list, prose: list, pos_bits: cython.long) -> list:
    """Sums ``prose`` (each node's own) up the tree, in place, and returns each node's
    most prose held by one content-marked container below it (``pos_bits``)."""
    n: cython.Py_ssize_t = len(nodes)
    i: cython.Py_ssize_t
    par: cython.Py_ssize_t
    cand: cython.long
    held_a = array("l", prose)
    best_a = array("l", [0]) * n
    held: cython.long[:] = held_a
    best: cython.long[:] = best_a
    for i in range(n - 1, 0, -1):
        nd = nodes[i]
        par = nd.parent
        if par >= 0:
            held[par] += held[i]
            cand = held[i] if nd.hints & pos_bits else best[i]
            if cand < best[i]:
                cand = best[i]
            if cand > best[par]:
                best[par] = cand
    prose[:] = held_a.tolist()
    return best_a.tolist()


def trusted_masks(nodes: list, prose: list, best_pos: list, confirmed: dict, distrust: cython.long,
                  caps: tuple, bits: tuple) -> list:
    """Each node's trusted hints OR'd with its ancestors' (score._node_hints: the rules
    are explained there). ``caps``: (wraps_share, wraps_min, layout_cap, tag_cap,
    widget_cap); ``bits``: (negative, layout, widget, always) hint bits (``always``: the
    hints an element's own tag gives that are trusted at any share, see
    rules.ALWAYS_TRUSTED_TAG_HINTS)."""
    n: cython.Py_ssize_t = len(nodes)
    i: cython.Py_ssize_t
    par: cython.Py_ssize_t
    sure: cython.long
    own: cython.long
    keep: cython.long
    p: cython.long
    b: cython.long
    wraps_share: cython.double = caps[0]
    wraps_min: cython.double = caps[1]
    layout_cap: cython.double = caps[2]
    tag_cap: cython.double = caps[3]
    widget_cap: cython.double = caps[4]
    neg: cython.long = bits[0]
    layout: cython.long = bits[1]
    widget: cython.long = bits[2]
    always: cython.long = bits[3]
    out: list = [0] * n
    for i in range(n):
        nd = nodes[i]
        sure = confirmed.get(i, 0) if confirmed else 0
        sure |= nd.tag_hints & always  # (believed as a confirmed widget hint is)
        own = nd.hints & ~(distrust & ~sure)
        p = prose[i]
        b = best_pos[i]
        if own & neg and b >= wraps_share * p and b >= wraps_min and p:
            own &= ~(neg & ~sure)  # it wraps the article
        if own & layout and p > layout_cap:
            keep = nd.tag_hints & layout if p <= tag_cap else nd.tag_hints & always
            own &= ~(layout & ~keep)
        if own & widget and p > widget_cap:
            own &= ~(widget & ~sure)
        par = nd.parent
        out[i] = (out[par] if par >= 0 else 0) | own
    return out


@cython.cfunc
def _normal(text: str, pre: cython.bint) -> str:
    """``segment._norm(text, pre)``. Most of a page's texts hold no <br> and no whitespace
    but single spaces between words: those come back as they are, read once in C."""
    if pre or not cython.compiled:
        return _norm(text, pre)
    n: cython.Py_ssize_t = len(text)
    i: cython.Py_ssize_t
    c: cython.Py_UCS4
    space: cython.bint = True  # (a space first is no single space between words)
    clean: cython.bint = True
    for i in range(n):
        c = text[i]
        if c == "\x00":  # a <br> (segment._BR)
            return _norm(text, False)
        if c.isspace():
            if c != " " or space:
                clean = False
            space = True
        else:
            space = False
    if clean and not space:
        return text
    return " ".join(text.split())


@cython.cfunc
def _first_name(cls: str) -> str:
    """``cls.split(None, 1)[0]`` ("" for a blank class), without the list."""
    if not cython.compiled:
        return cls.split(None, 1)[0] if not cls.isspace() else ""
    n: cython.Py_ssize_t = len(cls)
    i: cython.Py_ssize_t = 0
    j: cython.Py_ssize_t
    c: cython.Py_UCS4
    while i < n:
        c = cls[i]
        if not c.isspace():
            break
        i += 1
    j = i
    while j < n:
        c = cls[j]
        if c.isspace():
            break
        j += 1
    if i == 0 and j == n:
        return cls
    return cls[i:j]


@cython.cclass
class Segmenter:
    """Cuts a page into blocks from start/data/end events.

    It follows lxml's parser-target protocol, so the parser can feed it directly while
    it reads the page (no tree is built: one pass), and :func:`segment.segment_html`
    feeds it the same events from an existing tree.
    """

    # Fields (typed in _events.pxd, which the compiled module's other users cimport):
    # nodes, blocks: the page's containers and blocks; stack: a block pushes its
    # parent's index; buf: the text being read; cur: the open container; link_depth,
    # pre_depth, link_chars; skipping: depth inside an element whose text is never
    # seen; in_title: skipping depth of the <title> being read (0: none); title; done:
    # the root element has ended.

    def __init__(self) -> None:
        self.nodes = []
        self.blocks = []
        self.stack = []
        self.cur = -1
        self.link_depth = 0
        self.pre_depth = 0
        self.buf = []
        self.link_chars = 0
        self.skipping = 0
        self.in_title = 0
        self.title = ""
        self.done = False

    def start(self, tag: str, attrib) -> None:
        cls = ident = other = None
        if attrib and not self.skipping:  # (a skipped element's attributes say nothing)
            cls = attrib.get("class")
            ident = attrib.get("id")
            if (len(attrib) > (cls is not None) + (ident is not None)
                    and not _OTHER_KEYS.isdisjoint(attrib)):
                other = attrib
        self.open(tag, cls, ident, other)

    @cython.ccall
    def open(self, tag: str, cls, ident, other) -> None:
        """An element starts: its class and id (None when absent), and its attributes
        when it has one of _OTHER_KEYS (else None). The SAX driver (_sax.pyx) calls
        this directly, reading those from libxml2's attribute array."""
        cur: cython.long
        if self.skipping:
            self.skipping += 1
            if tag == "title" and not self.title and not self.in_title:
                self.in_title = self.skipping  # the depth it ends at
            return
        if self.done:  # a second root after </html>: a tree builder drops it, so do we
            self.skipping = 1
            return
        if tag in _SKIP:
            self.skipping = 1
            self.in_title = 1 if tag == "title" and not self.title else 0
            return
        own = semantic = _HINT_BY_TAG.get(tag, 0)
        klass: str = ""
        if cls and len(cls) > _ATTR_MAX:  # a hostile 10 MB class says nothing useful
            cls = cls[:_ATTR_MAX]
        if ident and len(ident) > _ATTR_MAX:
            ident = ident[:_ATTR_MAX]
        if cls:
            own |= attr_hints(cls)
        if ident:
            own |= _id_hints(ident)
        if other is not None:
            own |= _other_hints(tag, other)
            role = other.get("role")
            if role:
                semantic |= _HINT_BY_ROLE.get(role.strip().lower(), 0)
        if tag in _BLOCK:
            if self.buf:
                self._flush()
            if tag == "html" or tag == "body":
                own = 0  # page-wide classes ("single-post has-sidebar") say nothing
            if cls:
                klass = _first_name(cls)
            cur = self.cur
            self.stack.append(cur)
            self.nodes.append(_Node(tag, cur, len(self.stack), own, ident or "", klass, own & semantic))
            self.cur = len(self.nodes) - 1
            if tag == "pre":
                self.pre_depth += 1
        elif own & _HIDDEN_BIT:  # hidden inline text (screen-reader labels): never seen
            self.skipping = 1
        elif tag == "a":
            self.stack.append(_LINK)
            self.link_depth += 1
        else:
            self.stack.append(_INLINE)
            if tag == "br":
                self.buf.append(_BR)

    @cython.ccall
    def end(self, tag) -> None:
        code: cython.long
        if self.skipping:
            if self.skipping == self.in_title:
                self.in_title = 0
            self.skipping -= 1
            return
        if not self.stack:
            return
        code = self.stack.pop()
        if not self.stack:
            self.done = True
        if code >= -1:
            if self.buf:
                self._flush()
            if self.pre_depth and self.nodes[self.cur].tag == "pre":
                self.pre_depth -= 1
            self.cur = code
        elif code == _LINK:
            self.link_depth -= 1

    @cython.ccall
    def data(self, text: str) -> None:
        if self.skipping:
            if self.in_title:
                self.title = (self.title + " " + " ".join(text.split())).strip()
            return
        if not self.stack:  # after </html>: a tree would drop it as the root's tail
            return
        if not self.buf and not self.pre_depth and text.isspace():
            return  # the indentation between two block tags: no block's text
        self.buf.append(text)
        if self.link_depth:
            self.link_chars += len(text.strip())

    def comment(self, text) -> None:  # parser-target protocol: comments carry no text
        pass

    def close(self):
        if self.buf:
            self._flush()
        return _Segmentation(blocks=_merge_rows(self.blocks, self.nodes), nodes=self.nodes,
                             title=self.title, kind="html")

    def release(self) -> None:
        """Let go of the page's nodes and blocks. lxml's parser, its context and its
        target refer to one another: a cycle that only the garbage collector frees. The
        segmentation must not wait in it (a page's thousands of nodes and blocks would
        be traversed and freed by the collector instead of freed at once)."""
        self.nodes = []
        self.blocks = []
        self.stack = []
        self.buf = []

    @cython.cfunc
    def _flush(self) -> None:
        text: str = "".join(self.buf)
        lc: cython.long = self.link_chars
        n: cython.long
        total: cython.long
        self.buf = []
        self.link_chars = 0
        if not text or text.isspace():
            return
        pre: cython.bint = self.pre_depth > 0
        text = _normal(text, pre)
        if not text or _shows_nothing(text):
            return
        cur: cython.long = self.cur
        tag: str = self.nodes[cur].tag if cur >= 0 else "body"
        level: cython.long = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0
        kind = _KIND.get(tag, "paragraph")
        blocks: list = self.blocks
        if pre or "\n\n" not in text:
            n = len(text)
            blocks.append(_RawBlock(text, tag, kind, level, cur, n, min(n, lc), 0, len(blocks)))
            return
        # Paragraphs made with <br><br> inside one container become separate blocks.
        total = len(text)
        for piece in text.split("\n\n"):
            piece = piece.strip()
            if piece and not _shows_nothing(piece):
                n = len(piece)
                blocks.append(_RawBlock(piece, tag, kind, level, cur, n, min(n, lc * n // total), 0, len(blocks)))


# --------------------------------------------------------------------------
# Widget phrases (score.phrase_reason): a few hundred patterns tried on every short line
# of a page, most lines matching none. Compiled with the rest: a page has some 250 such
# lines, and most of their cost was the interpreter's, not the regex engine's.
# --------------------------------------------------------------------------
_WHOLE = cython.declare(cython.Py_ssize_t, -1)  # (a loose pattern that may be any length)


_SPAN = cython.declare(cython.longlong, 0x110000)  # (one trie edge per node and code point)


@cython.cclass
class Anchored:
    """``match(text)``: the reason of the first of ``patterns`` ([(reason, regex source,
    length limit)], in priority order, each matched at the start of ``text`` when the text
    is no longer than its limit) that matches, or None: what one alternation of the
    patterns allowed at that length, each reason a named group, gives as its ``lastgroup``.

    A pattern is tried only where it could match. Most start with one of a few literal
    spellings (``_dispatch.literal_prefixes``, cut to their first ``depth`` characters: a
    small trie, a few thousand nodes, that stays in the processor's caches): those sit in
    a trie, and walking ``text`` down it gives, at the deepest spelling it starts with,
    the patterns any spelling on that path belongs to (a line starting with nothing known
    walks one or two steps and tries nothing). The others ("loose": "\\d+ comments", "Name *") are tried when the
    text's first character is one they can start with (``_dispatch.first_chars``; any
    non-ASCII one: all of them), and those that must run to the end of the text
    (``_dispatch.whole_text``) only when it is short enough and ends as they do. Each
    pattern is compiled on its own, when it is first tried.

    The trie is two dicts of ints (node * _SPAN + code point -> child, negative where a
    spelling ends there; node -> its patterns), not a dict per node: the garbage
    collector stops tracking such dicts, and would otherwise walk every node in each full
    collection."""

    reasons = cython.declare(list)
    sources = cython.declare(list)
    limits = cython.declare(list, visibility="readonly")
    compiled = cython.declare(list)
    edges = cython.declare(dict)
    ends = cython.declare(dict)
    loose = cython.declare(list)
    loose_of = cython.declare(dict)

    def __init__(self, patterns: list, analyse, depth: int) -> None:
        """``analyse(source)`` -> (literal prefixes or None, first characters or None,
        (longest text, end character) or None): _dispatch's readings of a pattern."""
        self.reasons = [r for r, _p, _n in patterns]
        self.sources = [p for _r, p, _n in patterns]
        self.limits = [n for _r, _p, n in patterns]
        self.compiled = [None] * len(patterns)
        self.loose = []  # (index, first characters or None, longest text or _WHOLE, end or None)
        self.loose_of = {}
        edges: dict = {}
        children: dict = {0: []}
        own: dict = {}  # node -> the patterns of the spellings that end there
        for i, (_r, p, _n) in enumerate(patterns):
            prefixes, first, whole = analyse(p)
            if prefixes is None:
                longest, end = whole if whole is not None else (_WHOLE, None)
                self.loose.append((i, first, longest, end))
                continue
            for spelling in {sp[:depth] for sp in prefixes}:
                node = 0
                for ch in spelling:
                    key = node * _SPAN + ord(ch)
                    nxt = edges.get(key)
                    if nxt is None:
                        nxt = edges[key] = len(children)
                        children[node].append((key, nxt))
                        children[nxt] = []
                    node = nxt
                own.setdefault(node, set()).add(i)
        # each end holds the patterns of every spelling on its path, in order; its edge
        # is marked (negative) so that the walk looks it up only there
        self.ends = {}
        todo = [(0, frozenset())]
        while todo:
            node, above = todo.pop()
            if node in own:
                above = above | own[node]
                self.ends[node] = tuple(sorted(above))
            for key, child in children[node]:
                todo.append((child, above))
        self.edges = {k: (-v if v in self.ends else v) for k, v in edges.items()}

    @cython.ccall
    def match(self, text: str):
        node: cython.longlong = 0
        nxt: cython.longlong
        c: cython.Py_UCS4
        found: tuple = ()
        edges: dict = self.edges
        for c in text:
            got = edges.get(node * _SPAN + ord(c))
            if got is None:
                break
            nxt = got
            if nxt < 0:
                node = -nxt
                found = self.ends[node]
            else:
                node = nxt
        key: str = text[:1]
        if key >= "\x80":
            key = "\x80"
        loose = self.loose_of.get(key)
        if loose is None:
            loose = self.loose_of[key] = _loose_for(self.loose, key)
        nf: cython.Py_ssize_t = len(found)
        nl: cython.Py_ssize_t = len(loose)
        if not nf and not nl:
            return None
        n: cython.Py_ssize_t = len(text)
        i: cython.Py_ssize_t = 0
        j: cython.Py_ssize_t = 0
        k: cython.Py_ssize_t
        longest: cython.Py_ssize_t
        stripped = None
        while i < nf or j < nl:
            if j >= nl or (i < nf and found[i] < loose[j][0]):
                k = found[i]
                i += 1
                if n > cython.cast(cython.Py_ssize_t, self.limits[k]):
                    continue
            else:
                e: tuple = loose[j]
                j += 1
                k = e[0]
                if n > cython.cast(cython.Py_ssize_t, self.limits[k]):
                    continue
                longest = e[2]
                if longest != _WHOLE:
                    if n > longest:
                        continue
                    if e[3] is not None:
                        if stripped is None:
                            stripped = text.rstrip("\n")
                        if not stripped.endswith(e[3]):
                            continue
            rx = self.compiled[k]
            if rx is None:
                rx = self.compiled[k] = re.compile(self.sources[k])
            if rx.match(text) is not None:
                return self.reasons[k]
        return None


def _loose_for(loose: list, key: str) -> tuple:
    """The loose patterns a text starting with ``key`` may match ("\\x80": any non-ASCII
    character, "": the empty text)."""
    out = []
    for e in loose:
        if e[1] is None or key == "\x80" or (key != "" and key in e[1]):
            out.append(e)
    return tuple(out)


@cython.cfunc
@cython.inline
def _word_char(c: cython.Py_UCS4) -> cython.bint:
    return ("a" <= c <= "z") or ("0" <= c <= "9") or c == "_" or ("A" <= c <= "Z")


@cython.cfunc
def _holds_word(low: str, words: frozenset) -> cython.bint:
    """Whether one of the ``\\w+`` words of ``low`` is in ``words``."""
    if not low.isascii():
        return not words.isdisjoint(_tokens(low))
    n: cython.Py_ssize_t = len(low)
    i: cython.Py_ssize_t = 0
    j: cython.Py_ssize_t
    while i < n:
        if _word_char(low[i]):
            j = i + 1
            while j < n and _word_char(low[j]):
                j += 1
            if low[i:j] in words:
                return True
            i = j
        else:
            i += 1
    return False


@cython.cclass
class Phrases:
    """The widget a short text reads as (rules.WIDGET_PHRASES), for score.phrase_reason.

    ``anchored``: an :class:`Anchored` (or None), and ``floating``: [(length limit, floating
    set)], smallest limit first: a text is tried against the patterns allowed at its
    length. Anchored patterns must match at the start; floating ones (``_dispatch.FloatingSet``: its regex and its
    gate words) anywhere from a word start, searched only when the text holds one of
    their gate words. When both match, the reason earlier in ``priority`` wins. ``alone``:
    the reasons that name a text only when it is that one line (a photo's credit under its
    caption names the credit line, not the caption)."""

    anchored = cython.declare(Anchored)
    floating = cython.declare(list)
    priority = cython.declare(dict)
    gate = cython.declare(object)
    lead = cython.declare(object)
    alone = cython.declare(frozenset)
    cache = cython.declare(dict, visibility="public")
    cache_chars = cython.declare(cython.Py_ssize_t, visibility="public")
    cache_size = cython.declare(cython.Py_ssize_t)
    max_chars = cython.declare(cython.Py_ssize_t, visibility="public")

    def __init__(self, anchored, floating: list, priority: dict, lead, cache_chars: int,
                 cache_size: int, alone=frozenset()) -> None:
        limits = [lim for lim, _f in floating] + (anchored.limits if anchored is not None else [])
        self.max_chars = max(limits, default=0)
        self.anchored = anchored
        self.floating = [next(((f.rx, f.gate) if f is not None else None for lim, f in floating if n <= lim), None)
                         for n in range(self.max_chars + 1)]
        gates = [f.gate for _lim, f in floating if f is not None]
        self.gate = None if any(g is None for g in gates) else frozenset().union(*gates)
        self.priority = priority
        self.lead = lead
        self.alone = frozenset(alone)
        self.cache = {}
        self.cache_chars = cache_chars
        self.cache_size = cache_size

    @property
    def float_gate(self):
        """Every floating pattern's gate words (None: some pattern has none)."""
        return self.gate

    @cython.ccall
    def line(self, text: str, words=None, low=None):
        """The reason of one line. ``words``: the \\w+ words of ``text.lower()``, and
        ``low``: ``text.lower()``, when known (``words=()``: known to hold no floating
        phrase's gate word)."""
        n: cython.Py_ssize_t = len(text)
        if n > self.max_chars:
            return None
        if low is None:
            low = text.lower()
        r1 = self.anchored.match(low) if self.anchored is not None else None
        r2 = None
        floating = self.floating[n]
        if floating is not None:
            rx, gate = floating
            if gate is None or (_holds_word(low, gate) if words is None else not gate.isdisjoint(words)):
                m = rx.search(low)
                if m is not None:
                    r2 = m.lastgroup.replace("_", "-")
        if r1 is not None or r2 is not None:
            if r1 is not None and r2 is not None:
                return r1 if self.priority[r1] <= self.priority[r2] else r2
            return r1 if r1 is not None else r2
        if not text[:1].isalnum():
            bare = self.lead.sub("", text, count=1)  # "🔥 Recommended posts", "» Read more"
            if bare and bare != text:
                return self.line(bare)
        return None

    @cython.ccall
    def cached(self, line: str, words=None, low=None):
        """:meth:`line`, its verdicts on short lines kept (menu labels, buttons and widget
        headings repeat across pages) in a table emptied when full."""
        if len(line) > self.cache_chars:
            return self.line(line, words, low)
        got = self.cache.get(line, self)
        if got is not self:
            return got
        reason = self.line(line, words, low)
        if len(self.cache) >= self.cache_size:
            self.cache.clear()
        self.cache[line] = reason
        return reason

    @cython.ccall
    def reason(self, text: str, words=None, low=None):
        """The widget a short text (or any of its lines) reads as. A longer text of several
        lines is judged by its first line (a section heading over its items: "More from
        ...\\nteaser\\nteaser"). ``words`` and ``low`` as for :meth:`line`."""
        if "\n" not in text:
            return self.cached(text, words, low)
        # A block none of whose words is a floating phrase's gate word holds no floating
        # phrase in any of its lines (a line's words are some of the block's): they are not
        # searched for one (words=()), and each line's words are not read.
        skip = () if words is not None and self.gate is not None and self.gate.isdisjoint(words) else None
        if len(text) > self.max_chars:
            r = self.cached(text[: text.index("\n")].strip(), skip)
            return None if r in self.alone else r
        for one in text.split("\n"):
            r = self.cached(one.strip(), skip)
            if r and r not in self.alone:
                return r
        return None

    @cython.ccall
    def block(self, b) -> str:
        """The widget an HTML block (segment.RawBlock) reads as ("" for none). A code block
        is judged by its first line alone: a line of code ("name", "submit") is no form's
        field."""
        text: str = b.text
        if b.kind == "code" and "\n" in text:
            return self.reason(text[: text.index("\n")].strip()) or ""
        return self.reason(text, b.words) or ""
