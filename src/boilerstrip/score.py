"""Stage 2, scoring: decide for every block whether it is main content, and if not, why.

1. features  per block: length, words, link density, stopword density, widget phrase,
             and a context-free class (jusText): good / near-good / short / bad
2. hints     class/id/role hints of each container, trusted only when the container
             does not hold most of the page's prose (layout classes lie)
3. region    HTML only: the container whose subtree holds the most content value net of
             boilerplate (max-subtree), extended over neighbouring siblings that add
             value (max-subarray over the parent's children)
4. decide    inside the region drop blocks with boilerplate hints, widget phrases and
             menu-like runs of short links; outside it drop everything
5. end       after enough article text, a terminating block ends the article (boilerpipe)
6. tidy      title, duplicates, site-profile repeats
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import rules
from ._dispatch import FloatingSet, first_chars, literal_prefixes, whole_text
from ._stoplists import SAMPLE_MIN_CHARS, detect_counted, first_try, stoplist_for, tokens
from .segment import _HAS_DIGIT, BIT, RawBlock, Segmentation, line_shape, mask_of
# the loops over every node or every word, compiled with the segmenter's (see _events.py)
from .segment import (down_masks, prose_up, region_sums, round3, stop_content, stop_count, text_cohesion,
                      trusted_masks, word_count)
from .segment import Anchored, Phrases

T = rules.THRESHOLDS
_WORD = re.compile(r"\w+")
_LAYOUT = mask_of(rules.LAYOUT_HINTS)
_WIDGET = mask_of(rules.WIDGET_HINTS)
_NEG = _LAYOUT | _WIDGET
_ALWAYS = mask_of(rules.ALWAYS_TRUSTED_TAG_HINTS)
_POS = mask_of(rules.POSITIVE_HINTS)
_HINT_REASON = [(BIT[h], r) for h, r in rules.REASON_BY_HINT.items() if h in BIT]
_CONFIRMABLE_BIT_OF_REASON = {r: BIT[h] for h, r in rules.REASON_BY_HINT.items()
                         if h in BIT and h in rules.CONFIRMABLE_HINTS}
_CONFIRMABLE = mask_of(rules.CONFIRMABLE_HINTS)
_COMMENTS = BIT["comments"]
_MAIN = BIT["main"]
_NEUTRAL = frozenset(rules.REGION_NEUTRAL_PHRASES)
_NEG_REGION = _NEG & ~mask_of(rules.REGION_NEUTRAL_HINTS)
_TERMINATING = frozenset(rules.TERMINATING_REASONS)
_CLASS_VALUE = rules.CLASS_VALUE


@dataclass(frozen=True, slots=True)
class Options:
    include_comments: bool = False
    include_tables: bool = True
    favor: str = "balanced"
    site_profile: frozenset = field(default_factory=frozenset)


_LEAD = re.compile(r"^[\W_]+")
_MENU_ROW = re.compile(rules.MENU_ROW_SEPARATOR)
_LIMITS = {r: rules.PHRASE_MAX_CHARS.get(r, rules.WIDGET_MAX_CHARS) for r in rules.WIDGET_PHRASES}
_MAX_LIMIT = max(_LIMITS.values())
_PRIORITY = {r: i for i, r in enumerate(rules.WIDGET_PHRASES)}


def _floating(limit: int) -> FloatingSet | None:
    """The floating patterns of the reasons allowed at this text length (searched from word
    starts only, each reason a named group). Patterns are lower-case and matched against
    lower-cased text (much faster than re.I), and every unanchored one starts at a word
    boundary."""
    floating: dict[str, list[str]] = {}
    for reason, pats in rules.WIDGET_PHRASES.items():
        f = [p[2:] if p.startswith("\\b") else p for p in pats if not p.startswith("^")]
        if f and _LIMITS[reason] >= limit:
            floating[reason.replace("-", "_")] = f
    return FloatingSet(floating) if floating else None


def _analyse(pattern: str):
    return literal_prefixes(pattern), first_chars(pattern), whole_text(pattern)


#: The anchored patterns (tried at the start of a line), each with its reason's length limit.
_ANCHORED = [(reason, p[1:], _LIMITS[reason]) for reason, pats in rules.WIDGET_PHRASES.items()
             for p in pats if p.startswith("^")]
#: Characters of a pattern's literal start the anchored trie holds (a longer start is cut:
#: the trie stays small enough for the processor's caches; a line that shares the first
#: ones tries the pattern, which then fails).
_TRIE_DEPTH = 6
# The matcher (compiled with the segmenter, see _events.py): floating patterns in one tier
# per distinct length limit, smallest first. Short lines repeat across pages (menu labels,
# buttons, widget headings): their verdicts are kept, in a table emptied when full
# (bounded memory in long batch runs).
_PHRASE_CACHE_CHARS = 40
_PHRASE_CACHE_SIZE = 10_000
_PHRASES = Phrases(Anchored(_ANCHORED, _analyse, _TRIE_DEPTH),
                   [(lim, _floating(lim)) for lim in sorted(set(_LIMITS.values()))],
                   _PRIORITY, _LEAD, _PHRASE_CACHE_CHARS, _PHRASE_CACHE_SIZE, rules.ONE_LINE_PHRASES)
_PHRASE_CACHE = _PHRASES.cache
_FLOAT_GATE = _PHRASES.float_gate
#: The widget a short text (or any of its lines) is recognised as, from WIDGET_PHRASES
#: (see Phrases.reason): ``phrase_reason(text, words=None, low=None)``.
phrase_reason = _PHRASES.reason
_line_reason = _PHRASES.cached  # one line, its verdict cached
_phrase_line = _PHRASES.line  # one line, not cached


#: The widget an HTML block reads as ("" for none; a code block by its first line):
#: ``_block_phrase(block)`` (see Phrases.block).
_block_phrase = _PHRASES.block


@functools.lru_cache(maxsize=4096)  # (a page has a few distinct masks)
def hint_reason(mask: int) -> str | None:
    """The reason of the first hint of ``mask`` in REASON_BY_HINT's order."""
    return next((r for bit, r in _HINT_REASON if mask & bit), None)


# --------------------------------------------------------------------------
# 1. features
# --------------------------------------------------------------------------
def _classify(chars: int, ld: float, sd: float, have_stop: bool) -> str:
    if ld > T["max_link_density"]:
        return "bad"
    if chars < T["short_chars"]:
        return "short"
    if not have_stop:  # no stoplist for this language: length alone
        return "good" if chars >= T["long_chars"] else "near-good"
    if sd >= T["stopword_high"]:
        return "good" if chars >= T["long_chars"] else "near-good"
    if sd >= T["stopword_low"]:
        return "near-good"
    return "bad"


def _features(seg: Segmentation) -> list | None:
    """Per-block features. For text input, returns each block's content words (for
    cohesion), read in the same pass as the stopwords."""
    if seg.kind == "text":
        return _text_features(seg)
    blocks = seg.blocks
    # the language's sample: the words of the first long blocks, kept for the loop below
    # (with their counts of the first-tried language's stopwords, which serve the density
    # when that language is picked)
    sampled: dict[int, list[str]] = {}
    seg.language, stop, _n, counts = detect_counted(
        sampled.setdefault(k, tokens(b.text.lower())) if b.chars >= SAMPLE_MIN_CHARS else ()
        for k, b in enumerate(blocks))
    if seg.language != first_try()[0]:
        counts = []
    have_stop = stop is not None
    short, max_ld = T["short_chars"], T["max_link_density"]
    menu_ld, menu_max = T["menu_link_density"], T["menu_max_words"]
    for k, b in enumerate(blocks):
        ld = b.link_chars / b.chars if b.chars else 0.0
        if b.chars < short or ld > max_ld:  # class decided without words
            nw = word_count(b.text)
            sd = 0.0
        else:
            words = sampled.get(k)
            if words is None:
                words = tokens(b.text.lower())
            b.words = words  # (the phrases read them again)
            nw = len(words)
            if have_stop and nw:
                sc = counts[k] if k < len(counts) and counts[k] >= 0 else stop_count(words, stop)
                sd = sc / nw
            else:
                sd = 0.0
        b.features = {  # (phrase: computed later, only where hints have not decided already)
            "chars": b.chars, "words": nw, "link_density": round3(ld) if ld else 0.0,
            "stopword_density": round3(sd), "phrase": None, "class": _classify(b.chars, ld, sd, have_stop),
            "menu_item": ld > menu_ld and nw <= menu_max,
        }
        if ld > menu_ld and nw > menu_max and _menu_row(b.text, menu_max):
            b.features["phrase"] = "navigation"
    return None


def _menu_row(text: str, max_words: int) -> bool:
    """Is ``text`` a menu written on one line: enough short items between separators?"""
    parts = _MENU_ROW.split(text)
    return len(parts) >= T["menu_row_items"] and all(len(p.split()) <= max_words for p in parts)


_NO_WORDS: frozenset = frozenset()


def _text_features(seg: Segmentation) -> list:
    """:func:`_features` of text blocks (no links), and each block's content words: its
    words of three characters or more that are no stopwords (none for a block of fewer
    than 8 words: short lines never need them). Every block's words are read once: the
    language's sample, the stopwords, the content words and the phrases' gate use them."""
    blocks = seg.blocks
    lows = [b.text.lower() for b in blocks]
    seg.words = toks = [tokens(low) for low in lows]
    # the sampled blocks' counts of the first-tried language's stopwords serve the
    # density when that language is picked
    seg.language, stop, seg.sampled, counts = detect_counted(
        t if b.chars >= SAMPLE_MIN_CHARS else () for t, b in zip(toks, blocks))
    if seg.language != first_try()[0]:
        counts = []
    have_stop = stop is not None
    menu = 0.0 > T["menu_link_density"]  # (no links: no menu item, unless the table says so)
    menu_max = T["menu_max_words"]
    seg.stop_counts = stops = counts + [-1] * (len(blocks) - len(counts))
    content = stop_content(toks, stop, stops, _NO_WORDS)  # (and the counts not known yet)
    for b, words, low, sc in zip(blocks, toks, lows, stops):
        nw = len(words)
        sd = sc / nw if have_stop and nw else 0.0
        b.features = {
            "chars": b.chars, "words": nw, "link_density": 0.0, "stopword_density": round3(sd) if sd else 0.0,
            "phrase": phrase_reason(b.text, words, low) or _text_phrase(b), "class": _classify(b.chars, 0.0, sd, have_stop),
            "menu_item": menu and nw <= menu_max,
        }
    _repeated_pointers(blocks)
    return content


_FOOTER_HEADING = re.compile(rules.TEXT_FOOTER_HEADINGS)
_FOOTER_FIRST = first_chars(rules.TEXT_FOOTER_HEADINGS) or frozenset(map(chr, range(128)))
_FOOTER_HEADING_MAX = 21  # (the longest heading, its colon and a line break)
_CONSENT = re.compile("|".join(f"(?:{p})" for p in rules.TEXT_CONSENT_STARTS))
_CONSENT_MAX = 120  # (what the longest start reads)
_COOKIE_MAX = rules.PHRASE_MAX_CHARS["cookie"]


def _text_phrase(b) -> str | None:
    """A text block's widget when no phrase names it: a footer column's heading on its
    first line (navigation), or a consent panel's standard opening, longer than a
    cookie phrase may be (cookie)."""
    first = b.text[:1]
    if ((first >= "\x80" or first.lower() in _FOOTER_FIRST)  # (the rest cannot start one)
            and _FOOTER_HEADING.match(b.text[:_FOOTER_HEADING_MAX].lower())):
        return "navigation"
    if b.chars > _COOKIE_MAX and _CONSENT.match(b.text[:_CONSENT_MAX].lower()):
        return "cookie"
    return None


_POINTERS = ("related", "comments")
_REPLY = re.compile(rules.TEXT_REPLY_LINE)


def _repeated_pointers(blocks) -> None:
    """A related or comments line printed again and again ("Read more", "Comments" under
    each item of a list) is each item's button, no heading over the lines that follow:
    a control. Not "Reply": under each comment, it marks a comment list as one."""
    counts: dict[str, int] = {}
    for b in blocks:
        if b.features["phrase"] in _POINTERS and b.chars <= T["text_pointer_max_chars"]:
            key = b.text.lower()
            if _REPLY.match(key):
                continue
            counts[key] = counts.get(key, 0) + 1
    buttons = {key for key, n in counts.items() if n >= T["text_pointer_min_repeats"]}
    if buttons:
        for b in blocks:
            if b.features["phrase"] in _POINTERS and b.text.lower() in buttons:
                b.features["phrase"] = "control"


# --------------------------------------------------------------------------
# 2. trusted hints per container
# --------------------------------------------------------------------------
def _node_hints(seg: Segmentation) -> list[int]:
    """Cumulative, trusted hint mask of every node (parents precede children).

    A hint is not trusted on a container holding more than its share of the page's
    prose, nor anywhere on the page when the containers carrying it hold that share
    together (page builders call every box a "widget", themes put "sidebar" on the
    content column). The hints of rules.ALWAYS_TRUSTED_TAG_HINTS, when the element's
    own tag or role gives them (a <footer>), are trusted whatever it holds.
    """
    nodes = seg.nodes
    n = len(nodes)
    prose = [0] * n
    raw = down_masks(nodes)
    total = 0
    by_bit: dict[int, int] = {}
    for b in seg.blocks:
        if b.features["class"] in ("good", "near-good"):
            v = b.chars - b.link_chars
            total += v
            i = b.node
            m = raw[i] if i >= 0 else 0
            while m:
                low = m & -m
                by_bit[low] = by_bit.get(low, 0) + v
                m ^= low
            if i >= 0:
                prose[i] += v
    # prose summed up the tree (in place), and best_pos[i]: the most prose held by one
    # content-marked container below node i (_events.prose_up, compiled)
    best_pos = prose_up(nodes, prose, _POS)
    wraps_share = T["wraps_content_share"]
    wraps_min = T["wraps_content_min_share"] * total
    layout_cap = T["layout_hint_max_share"] * total
    tag_cap = T["tag_hint_max_share"] * total
    widget_cap = T["widget_hint_max_share"] * total
    distrust = 0
    for bit, v in by_bit.items():
        if v > (layout_cap if bit & _LAYOUT else widget_cap):
            distrust |= bit
    if _posts_not_comments(seg, raw):
        distrust |= _COMMENTS
    confirmed = _confirmed_widgets(seg, raw)
    # Each node's own hints, less the distrusted ones (unless confirmed there), less its
    # widget and layout hints when it wraps the article ("has-share", "newsletter-post" on a
    # wrapper), and less its layout and widget hints when it holds more than their share
    # of the prose (a semantic element, <nav> or <aside>, is believed up to a higher
    # share; a <footer> always, as a confirmed widget is); OR'd with its ancestors'
    # (_events.trusted_masks, compiled).
    return trusted_masks(nodes, prose, best_pos, confirmed, distrust,
                         (wraps_share, wraps_min, layout_cap, tag_cap, widget_cap), (_NEG, _LAYOUT, _WIDGET, _ALWAYS))


def _confirmed_widgets(seg: Segmentation, raw: list[int]) -> dict[int, int]:
    """Widget hints (CONFIRMABLE_HINTS) that the text under them confirms: node -> the
    bits of its own hints for which at least ``widget_confirm_blocks`` blocks below it read as that
    widget ("These cookies ...", "Always active" under a "consent" box). A confirmed hint
    is trusted however much text its box holds (a consent center lists pages of it)."""
    nodes = seg.nodes
    counts: dict[tuple[int, int], int] = {}
    for b in seg.blocks:
        i = b.node
        if i < 0 or not raw[i] & _CONFIRMABLE or b.chars > _MAX_LIMIT:
            continue
        b.features["phrase"] = reason = _block_phrase(b)  # ("": read, none)
        bit = _CONFIRMABLE_BIT_OF_REASON.get(reason) if reason else None
        if bit is None or not raw[i] & bit:
            continue
        while i >= 0:
            if nodes[i].hints & bit:
                counts[(i, bit)] = counts.get((i, bit), 0) + 1
            i = nodes[i].parent
    need = T["widget_confirm_blocks"]
    out: dict[int, int] = {}
    for (i, bit), c in counts.items():
        if c >= need:
            out[i] = out.get(i, 0) | bit
    return out


def _posts_not_comments(seg: Segmentation, raw: list[int]) -> bool:
    """A discussion page: the "comments" hold posts built like the page's own post.

    On a blog, article paragraphs and comment paragraphs sit in differently classed
    containers; on a forum, the first post and the replies share one.
    """
    if not any(r & _COMMENTS for r in raw):
        return False  # no comments on the page (the signatures below are not needed)
    nodes = seg.nodes
    sig = [""] * len(nodes)
    for i, nd in enumerate(nodes):
        sig[i] = f"{nd.tag}.{nd.klass}" if nd.klass else (sig[nd.parent] if nd.parent >= 0 else "")
    in_comments: dict[str, int] = {}
    outside: dict[str, int] = {}
    total_c = 0
    for b in seg.blocks:
        if b.node < 0 or b.features["class"] not in ("good", "near-good"):
            continue
        s = sig[b.node]
        if raw[b.node] & _COMMENTS:
            in_comments[s] = in_comments.get(s, 0) + b.chars
            total_c += b.chars
        else:
            outside[s] = outside.get(s, 0) + b.chars
    if not total_c:
        return False
    shared = sum(v for s, v in in_comments.items() if s and outside.get(s, 0) >= T["post_min_chars"])
    return shared >= T["post_shared_share"] * total_c


# --------------------------------------------------------------------------
# 3. main region (HTML)
# --------------------------------------------------------------------------
def _values(b, hints: int) -> tuple[float, float]:
    """(content value, boilerplate value) of one block."""
    f = b.features
    if hints & _NEG_REGION or f.get("in_menu"):
        return 0.0, float(b.chars)
    if hints & _NEG:  # bylines and member cards sit inside posts: neutral for the region
        return 0.0, 0.0
    if f["menu_item"]:
        return 0.0, 0.0  # a lone short link: a listing's title or author, or a button
    if f["phrase"] is None:
        f["phrase"] = _block_phrase(b)  # ("": read, none: not read again)
    if f["phrase"]:
        # controls and member stats sit inside listings and posts: neutral for the region
        return 0.0, (0.0 if f["phrase"] in _NEUTRAL else float(b.chars))
    nonlink = b.chars - b.link_chars
    link_weight = T["headline_link_value"] if f["words"] >= T["headline_min_words"] else 0.0
    return nonlink * _CLASS_VALUE[f["class"]] + b.link_chars * link_weight, 0.0


def _region(seg: Segmentation, hints: list[int], lam: float) -> set[int] | None:
    nodes = seg.nodes
    n = len(nodes)
    if not n:
        return None
    pos, net = region_sums(nodes, seg.blocks, lam)  # (summed up the tree)
    # A <main> (or role=main) holding a fair share of the content bounds the search.
    lo, hi = 0, n
    for i in range(n):
        if nodes[i].tag_hints & _MAIN and pos[i] >= T["main_min_share"] * pos[0]:
            lo, hi = i, _subtree_end(nodes, i)
            break
    best = -1
    best_net = 0.0
    for i in range(lo, hi):
        if net[i] >= best_net and pos[i] > 0:
            best, best_net = i, net[i]
    if best < 0:
        return None
    region = {best}
    if lo and best == lo:  # a <main> is the whole region
        return region
    # Climb from ``best`` towards the root; at each level take the runs of siblings on
    # either side whose net value is positive and worth a share of what is held
    # (content split into sections, a tab panel's neighbours), max-subarray style.
    children: dict[int, list[int]] = {}
    for i in range(lo, hi):
        children.setdefault(nodes[i].parent, []).append(i)
    held = net[best]
    cur = best
    for _ in range(T["climb_levels"]):
        parent = nodes[cur].parent
        if parent < 0 or parent < lo or parent not in children:
            break
        sibs = children[parent]
        k = sibs.index(cur)
        for side in (sibs[k + 1:], sibs[:k][::-1]):
            run, acc = [], 0.0
            best_acc, best_len = 0.0, 0
            for i in side:
                acc += net[i]
                run.append(i)
                if acc > best_acc:
                    best_acc, best_len = acc, len(run)
            if best_len and best_acc >= T["climb_min_gain"] * held:
                region.update(run[:best_len])
                held += best_acc
        cur = parent
    return region


def _subtree_end(nodes, i: int) -> int:
    """Index after the last descendant of node i (descendants follow it in order)."""
    depth = nodes[i].depth
    j = i + 1
    while j < len(nodes) and nodes[j].depth > depth:
        j += 1
    return j


def _inside(seg: Segmentation, region: set[int]) -> list[bool]:
    nodes = seg.nodes
    inside = [False] * len(nodes)
    for i, nd in enumerate(nodes):
        inside[i] = i in region or (nd.parent >= 0 and inside[nd.parent])
    return [b.node >= 0 and inside[b.node] for b in seg.blocks]


# --------------------------------------------------------------------------
# 4-6. decisions
# --------------------------------------------------------------------------
def score(seg: Segmentation, opts: Options, title: str | None = None) -> None:
    blocks = seg.blocks
    if not blocks:
        return
    t = rules.thresholds(opts.favor)
    content = _features(seg)
    if seg.kind == "text":
        _score_text(seg, opts, content)
        return
    if seg.nodes:
        _mark_menus(blocks)
        node_hints = _node_hints(seg)
        for b in blocks:
            h = (node_hints[b.node] if b.node >= 0 else 0) | b.hints
            b.features["hints"] = h
            b.features["value"] = _values(b, h)
        region = _region(seg, node_hints, t["boilerplate_weight"])
        inside = _inside(seg, region) if region else [True] * len(blocks)
    else:
        for b in blocks:
            b.features["hints"] = b.hints
            b.features["value"] = _values(b, b.hints)
        inside = [True] * len(blocks)

    for b, ins in zip(blocks, inside):
        f = b.features
        h = f["hints"]
        b.reason = hint_reason(h & _NEG) if h & _NEG else None
        if b.reason is not None and not h & _WIDGET and b.chars <= rules.WIDGET_MAX_CHARS:
            # inside a layout box, a widget's own words name it better ("Post views: 12")
            if f["phrase"] is None:
                f["phrase"] = _block_phrase(b)
            b.reason = f["phrase"] or b.reason
        if b.reason is None:
            if f["phrase"] is None:
                f["phrase"] = _block_phrase(b)
            b.reason = f["phrase"] or (None if ins else "outside-main")
        if f["phrase"] == "":  # (read, none found: None, as for a text never read)
            f["phrase"] = None
        p, q = f["value"]
        b.score = round3(p / b.chars) if b.chars else 0.0
        b.words = None  # (phrases are read: the words need not live as long as the result)
    _menu_runs(blocks, t["lone_link_goes"])
    _end_cut(blocks)
    if t["revise"]:
        _revise(blocks, t)
    if not opts.include_tables:
        for b in blocks:
            if b.reason is None and b.kind == "table_row":
                b.reason = "table"
    _tidy(blocks, opts, title)


def _mark_menus(blocks) -> None:
    """Flag the short links that stand in a run of such links (a menu)."""
    need = T["menu_run"]
    run: list = []
    for b in blocks + [None]:
        if b is not None and b.features["menu_item"]:
            run.append(b)
            continue
        if len(run) >= need:
            for m in run:
                m.features["in_menu"] = True
        run = []


def _menu_runs(blocks, lone_link_goes: bool = True) -> None:
    """A run of short link-only blocks inside the region is a menu, not content."""
    run: list = []
    need = T["menu_run"]
    for b in blocks + [None]:
        if b is not None and b.reason is None and b.features["menu_item"]:
            run.append(b)
            continue
        if b is not None and b.reason is not None and b.features["menu_item"]:
            continue  # a removed menu item does not break the run
        if len(run) >= need:
            for m in run:
                m.reason = "link-list"
        elif len(run) == 1 and run[0].kind == "paragraph" and lone_link_goes:
            run[0].reason = "link-list"  # a lone button or "see all" link
        run = []


_REVISED_KINDS = frozenset(rules.REVISED_KINDS)
_TAIL_KINDS = frozenset(rules.TAIL_KINDS)


def _revise(blocks, t: dict) -> None:
    """Context-sensitive pass (jusText): a short or link-heavy paragraph takes the side
    of its neighbours. It stays when solid prose is at most ``revise_reach`` blocks away,
    or when it sits inside the kept text: the nearest block on each side that is solid
    prose or removed is solid prose (kept headings, list items and other doubtful lines
    are looked past). With boilerplate on one side and no prose next to it (a call to
    action at the edge of the article) it goes. Then, with ``revise_tail``, the headings
    and paragraphs shorter than ``revise_tail_chars`` after the last solid prose go: a
    widget's title, a sign-off button, a name left where the article ends."""
    n = len(blocks)
    solid = [b.reason is None and b.features["class"] in ("good", "near-good")
             and b.features["link_density"] <= t["max_link_density"] for b in blocks]
    kept_chars = sum(b.chars for b in blocks if b.reason is None)
    solid_chars = sum(b.chars for k, b in enumerate(blocks) if solid[k])
    if solid_chars < t["revise_min_prose"] or solid_chars < t["revise_min_share"] * kept_chars:
        return  # a listing, a product grid: short and linky blocks are its content
    reach, linky = t["revise_reach"], t["revise_link_density"]
    # before each block: is solid prose within reach, and is the nearest solid-or-removed
    # block solid?
    near_before = [False] * n
    inside_before = [False] * n
    last, inside = -n - reach - 1, False
    for k in range(n):
        near_before[k] = k - last <= reach
        inside_before[k] = inside
        if solid[k]:
            last, inside = k, True
        elif blocks[k].reason is not None:
            inside = False
    nxt, inside = n + reach + 1, False
    for k in range(n - 1, -1, -1):
        b = blocks[k]
        if solid[k]:
            nxt, inside = k, True
        elif b.reason is not None:
            inside = False
        elif (b.kind in _REVISED_KINDS
              and (b.features["class"] == "short" or b.features["link_density"] > linky)
              and not (near_before[k] or nxt - k <= reach or (inside_before[k] and inside))):
            b.reason = "low-score"
    if not t["revise_tail"]:
        return
    # after the last solid prose (``last``, from the pass above): short lines left at the
    # article's end
    for b in blocks[last + 1:] if last >= 0 else ():
        if b.reason is None and b.kind in _TAIL_KINDS and b.chars < t["revise_tail_chars"]:
            b.reason = "low-score"


def _is_prose(b) -> bool:
    return b.features["class"] in ("good", "near-good") and b.features["link_density"] < 0.3


def _end_cut(blocks) -> None:
    """A terminating block ("Related articles", "Leave a reply", a view counter) after
    enough article text removes itself and the run of links after it; when little prose
    follows, it ends the article and everything after it goes."""
    live = [b for b in blocks if b.reason is None or b.features.get("phrase") in _TERMINATING]
    before = 0
    for k, b in enumerate(live):
        if b.reason is None and _is_prose(b):
            before += b.chars
        if before < T["min_chars_before_end"] or b.features.get("phrase") not in _TERMINATING:
            continue
        rest = live[k + 1:]
        after = sum(x.chars for x in rest if x.reason is None and _is_prose(x))
        if after < T["end_rest_share"] * before:
            for x in rest:
                if x.reason is None:
                    x.reason = "after-end"
            return
        b.reason = b.reason or b.features["phrase"]
        for x in rest:
            if _is_prose(x):
                break
            if x.reason is None:
                x.reason = b.features["phrase"]


def _tidy(blocks, opts: Options, title: str | None) -> None:
    norm_title = " ".join(_WORD.findall(title.lower())) if title else ""
    seen: set[str] = set()
    kept = 0
    for b in blocks:
        if b.reason is not None:
            continue
        key = b.text.lower()
        if kept < 6 and norm_title and b.kind == "heading":
            nt = " ".join(_WORD.findall(key))
            if nt and (nt == norm_title or (len(nt) > 15 and nt in norm_title)):
                b.reason = "title"
                continue
        kept += 1
        if len(key) >= T["duplicate_min_chars"] and key in seen:
            b.reason = "duplicate"
            continue
        seen.add(key)
    # A heading heads what follows it: one or two left after the last kept text head
    # nothing (a widget's title, a "More stories" line); a longer run is a list of titles.
    tail = []
    for b in reversed(blocks):
        if b.reason is not None:
            continue
        if b.kind != "heading":
            if len(tail) <= T["trailing_headings_max"]:
                for h in tail:
                    h.reason = "after-end"
            break
        tail.append(b)
    if opts.site_profile:
        from .api import block_hash

        for b in blocks:
            if b.reason is None and block_hash(b.text) in opts.site_profile:
                b.reason = "site-repeat"


# --------------------------------------------------------------------------
# Plain text: the same phrases and cuts, with line shape instead of markup
# --------------------------------------------------------------------------
# lower-case patterns on lower-cased text: faster than re.I
_BYLINE = re.compile("|".join(f"(?:{p})" for p in rules.BYLINE_PATTERNS))
_BYLINE_STARTS = rules.BYLINE_STARTS
_BYLINE_NEEDS = re.compile(rules.BYLINE_NEEDS)
_TEXT_FOLLOW = rules.TEXT_WIDGET_FOLLOWERS
_TEXT_INNER = frozenset(rules.TEXT_INNER_REASONS)
_TEXT_END = frozenset(rules.TEXT_END_REASONS)
# in-body lines that are removed without ending the article around them
_TEXT_INLINE = frozenset(("promo",) + rules.TEXT_INNER_REASONS)


_COPYRIGHT = re.compile("|".join(f"(?:{p})" for p in rules.TEXT_COPYRIGHT_PATTERNS), re.M)
_COMMENT_LIST = re.compile("|".join(f"(?:{p})" for p in rules.TEXT_COMMENT_LIST_PATTERNS))
_COMMENT_HEADER = re.compile(rules.TEXT_COMMENT_HEADER)
_COMMENT_VERBS = rules.TEXT_COMMENT_VERBS
_COMMENT_VERB_ENDS = frozenset(v[-1] for v in _COMMENT_VERBS)
_COMMENT_DATE = re.compile(rules.TEXT_COMMENT_DATE)
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[\"“«(]?[A-ZÀ-Þ]")


def _bylike(low: str) -> bool:
    """A byline or date line (BYLINE_PATTERNS): but for the leading "by ..." one, every
    pattern holds a digit and one of BYLINE_NEEDS; a line without is not searched."""
    return ((low.startswith(_BYLINE_STARTS)
             or (_HAS_DIGIT.search(low) is not None and _BYLINE_NEEDS.search(low) is not None))
            and _BYLINE.search(low) is not None)


def _text_kind(b) -> str:
    """widget / tiny / byline / headline / cut / prose / line for one text block."""
    f, sh = b.features, b.shape
    if f["phrase"]:
        return "widget"
    if b.chars <= 3 or (sh["digits_only"] and b.chars <= 12):
        return "tiny"
    if sh["words"] <= 14 and _bylike(b.text.lower()):
        return "byline"
    if sh["ellipsis"] or not sh["terminal"]:
        if sh["words"] <= T["text_headline_max_words"] and not sh["ellipsis"] and not _SENTENCE_BREAK.search(b.text):
            return "headline"
        return "cut"
    if sh["words"] >= T["text_prose_min_words"]:
        if _menu_block(b):
            return "line"
        return "prose"
    if sh["words"] <= T["text_headline_max_words"] and b.text.rstrip().endswith(("?", "!")):
        return "headline"
    return "line"


def _menu_block(b) -> bool:
    """Many lines run together, with few sentence ends and few stopwords: a menu's
    columns (html-text puts a mega-menu's links in one block) or a spec sheet, no
    paragraph, though its last line ends with a stop. Not a list written out."""
    if (b.text.count("\n") < T["text_menu_block_min_lines"] - 1
            or b.features["stopword_density"] >= T["text_menu_block_max_stop_density"]):
        return False
    ends = len(_SENTENCE_END.findall(b.text))
    return ends < T["text_menu_block_max_ends"] * b.shape["words"] and not _marked_list(b.text)


_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


#: kinds whose value depends on the line's cohesion with the article
_COHESIVE = frozenset(("cut", "prose", "line"))


def _text_value(kind: str, b, cohesion: float, chrome: bool, list_shaped: bool) -> float:
    """``list_shaped``: _list_shaped(b.text), worked out once per block (cuts only)."""
    c = float(b.chars)
    if chrome and kind in ("headline", "line"):
        return -T["text_chrome_factor"] * c  # a menu line costs what it holds
    if kind == "widget":
        if b.features["phrase"] in _TEXT_INLINE:
            return 0.0  # an in-body promo or button: removed, the article goes on around it
        return -(c + T["text_widget_cost"])
    if kind == "tiny":
        return -T["text_tiny_cost"]
    if kind in ("headline", "byline"):
        return T["text_headline_factor"] * c
    if kind == "cut":
        low = T["text_list_min_cohesion"] if list_shaped else T["text_low_cohesion"] * 2
        return T["text_cut_factor"] * c if cohesion < low else 0.3 * c
    scale = T["text_low_cohesion_factor"] if cohesion < T["text_low_cohesion"] else 1.0
    return c * scale


def _marked_list(text: str) -> bool:
    """Most lines start with a list marker ("- item"): a list written out, no menu."""
    lines = text.split("\n")
    return 2 * sum(1 for ln in lines if ln.lstrip().startswith(_LIST_MARKERS)) > len(lines)


def _list_shaped(text: str) -> bool:
    """Three or more lines, most of its words on short unpunctuated lines (a column of
    links), with no list markers."""
    if text.count("\n") < 2 or _marked_list(text):
        return False
    short = total = 0
    for ln in text.split("\n"):
        n = len(ln.split())
        total += n
        if n <= T["text_list_line_max_words"] and not ln.rstrip().endswith((".", "!", "?")):
            short += n
    return short >= T["text_list_min_share"] * total


_LIST_MARKERS = rules.TEXT_LIST_MARKERS
_TITLE_SEP = re.compile("|".join(rf"\s{re.escape(s)}\s" for s in rules.TEXT_TITLE_SEPARATORS))


def _title_line(blocks, kinds, i: int, j: int) -> int:
    """A whole-page dump starts with the page's <title> ("Headline | Site"): the first
    headline in [i, j) that is most of its longest part is the page's own headline
    (what came before it is the site's chrome); -1 when there is none."""
    first = blocks[0].text.split("\n", 1)[0].lower()
    parts = _TITLE_SEP.split(first)
    main = max(parts, key=len).strip()
    if len(parts) < 2 or len(main.split()) < 2:  # a <title> names its site too
        return -1
    for k in range(max(i, 1), j):
        t = blocks[k].text.lower().strip()
        if (kinds[k] == "headline" and "\n" not in t and len(t.split()) >= 2
                and t in main and 2 * len(t) >= len(main)):
            return k
    return -1


def _best_run(values: list[float]) -> tuple[int, int]:
    """Kadane: the contiguous run [i, j) with the largest sum (empty when none is positive)."""
    best, best_i, best_j = 0.0, 0, 0
    acc, start = 0.0, 0
    for k, v in enumerate(values):
        if acc <= 0:
            acc, start = 0.0, k
        acc += v
        if acc > best:
            best, best_i, best_j = acc, start, k + 1
    return best_i, best_j


def _text_end(blocks, kinds, weight: list[int], strong_weight: list[int], ends=frozenset(),
              chrome=None, always=frozenset()) -> int:
    """The first section widget (or widget line at one of the indices ``ends``) after
    enough text that less follows than came before: ``weight`` is what each block counts
    for after a share bar or a newsletter box, ``strong_weight`` after a
    related/comments/counter line (and ``ends``); len(blocks) when there is none.
    ``chrome`` flags the page's menus: they are no article text that came before (a
    mega-menu longer than the article must not let a widget over the article end it),
    except for a line at ``ends`` (a copyright line ends what follows it anyway). A line at
    ``always`` (a comment list's heading naming the post, a blog comment's header) ends
    it whatever follows."""
    after, strong_after = sum(weight), sum(strong_weight)
    total_strong = strong_after  # (what counted before a line: total_strong - strong_after)
    seen = own = 0
    for k, b in enumerate(blocks):
        after -= weight[k]
        strong_after -= strong_weight[k]
        if k in always and seen >= T["min_chars_before_end"]:
            return k
        if kinds[k] != "widget":
            seen += b.chars
            if chrome is None or not chrome[k]:
                own += b.chars
        elif seen >= T["min_chars_before_end"] and (b.features["phrase"] in _TEXT_END or k in ends):
            # a related/comments/counter line ends the article unless at least half as
            # much prose follows as came before it (an in-body "Related" box sits inside
            # a long article; a table or a form above it is no prose); a share bar or a
            # newsletter box may sit inside it too, so they end it only when little
            # prose follows
            if k in ends:
                if strong_after <= seen:
                    return k
            elif b.features["phrase"] in _TERMINATING:
                if strong_after <= T["text_end_max_after_share"] * (total_strong - strong_after):
                    return k
            elif after <= T["end_rest_share"] * own:
                return k
    return len(blocks)


def _says_line(text: str) -> bool:
    """The block's first line reads as a blog comment's header ("Sharon says")."""
    top = T["text_comment_header_max_chars"]
    cut = text.find("\n", 0, top + 1)
    if cut < 0:
        if len(text) > top:
            return False  # (a first line longer than a header's)
        first = text
    else:
        first = text[:cut]
    # (every verb ends with one of a few letters: most lines are not lower-cased to find out)
    if first.rstrip(" :")[-1:].lower()[-1:] not in _COMMENT_VERB_ENDS:
        return False
    low = first.lower()
    return low.rstrip(" :").endswith(_COMMENT_VERBS) and _COMMENT_HEADER.match(low) is not None


def _comment_headers(blocks, says: list[bool]) -> list[int]:
    """The blocks that start with a blog comment's header: a "Name says" line (``says``:
    :func:`_says_line` of each block), then a line that dates it (in the same block or at
    the top of the next)."""
    out = []
    top = T["text_comment_header_max_chars"]
    n = len(blocks)
    for k, b in enumerate(blocks):
        if not says[k]:
            continue
        text = b.text
        cut = text.find("\n", 0, top + 1)
        if cut >= 0:
            nxt = text[cut + 1:cut + 2 + top].split("\n", 1)[0]
        else:
            nxt = blocks[k + 1].text[:top + 1].split("\n", 1)[0] if k + 1 < n else ""
        if len(nxt) <= top and _COMMENT_DATE.search(nxt.lower()):
            out.append(k)
    return out


def _listing_end(blocks, kinds, chrome, always=frozenset()) -> tuple[int, list[int]]:
    """Where a listing ends. Its items are short lines, no prose: what counts after a
    widget is all text that is no chrome (after a related/comments line, teasers, a
    headline over a summary cut short, are what it announces and do not count); a
    footer or cookie line ends it too, with the link columns and their headings over it,
    and so does a line at ``always`` as it ends an article.
    Also returns what each block counts for with teasers not counted."""
    n = len(blocks)
    weight = [0 if kinds[k] == "widget" or chrome[k] else b.chars for k, b in enumerate(blocks)]
    no_teaser = list(weight)
    unrelated = [0.0] * n  # (any summary may be a teaser's)
    for k in range(n):
        u = _teaser_unit(blocks, kinds, unrelated, k)
        if u >= 0:
            no_teaser[u:k + 1] = [0] * (k + 1 - u)
    footers = {k for k, b in enumerate(blocks) if b.features["phrase"] in _LISTING_END}
    end = _text_end(blocks, kinds, weight, no_teaser, footers, always=always)
    if end < n and blocks[end].features["phrase"] in _LISTING_END:
        while end > 0 and (chrome[end - 1] or (
                kinds[end - 1] == "headline"
                and blocks[end - 1].shape["words"] <= T["text_footer_heading_max_words"])):
            end -= 1
    return end, no_teaser


def _stops_run(b, value: float, cohesion: float) -> bool:
    """A block worth very little after the article, sharing almost no words with it (a
    form's fields, a column of listings or teasers, several lines): the article ended
    before it. Not a table (cells split by " | " or tabs), a marked list, a single line
    (a long paragraph or code run together) or prose: what an article holds."""
    if value >= -T["text_stop_max_value"] or cohesion >= T["text_stop_max_cohesion"]:
        return False
    lines = [ln for ln in b.text.split("\n") if ln.strip()]
    if len(lines) < 2 or _marked_list(b.text):
        return False
    if 2 * sum(1 for ln in lines if "\t" in ln or " | " in ln) >= len(lines):
        return False
    prose = sum(len(ln) for ln in lines
                if len(ln.split()) >= T["text_prose_min_words"] and ln.rstrip()[-1:] in ".!?\"”")
    return prose < T["text_stop_max_prose_share"] * b.chars


def _score_text(seg: Segmentation, opts: Options, words: list, again: bool = True,
                known: tuple | None = None) -> None:
    """``known``: each block's kind, chrome flag, list shape, value without cohesion and
    "Name says" flag when already worked out (a second reading of the kept lines, in the
    same language)."""
    blocks = seg.blocks
    n = len(blocks)
    kinds = known[0] if known else [_text_kind(b) for b in blocks]
    shaped = known[2] if known else [kd == "cut" and _list_shaped(b.text) for kd, b in zip(kinds, blocks)]
    # Without markup, the first section widget after enough text ends the article:
    # related teasers, comments, counters, share bars are appended after it.
    # (A share bar under the headline of a whole-page dump is no end: more prose follows.)
    prose = [b.chars if kinds[k] == "prose" else 0 for k, b in enumerate(blocks)]
    # (and so does a copyright line: the page's footer, a consent banner follow it)
    copyright = {k for k, b in enumerate(blocks)
                 if b.features["phrase"] == "footer" and _COPYRIGHT.search(b.text.lower())}
    stop = stoplist_for(seg.language)
    # (a line of prose, a cut or a byline is chrome only as a column of short lines)
    chrome = known[1] if known else [(kd in _CHROME_KINDS or "\n" in b.text) and _chrome_like(b, kd, stop)
                                     for kd, b in zip(kinds, blocks)]
    # (and so does a comment list's heading that names the post, whatever follows)
    comment_list = {k for k, b in enumerate(blocks)
                    if b.features["phrase"] == "comments" and _COMMENT_LIST.match(b.text.lower())}
    says = known[4] if known else [_says_line(b.text) for b in blocks]
    headers = _comment_headers(blocks, says) if any(says) else []
    if len(headers) >= 2:
        comment_list.add(headers[0])
    end = _text_end(blocks, kinds, prose, prose, ends=copyright, chrome=chrome, always=comment_list)
    # pass 1 without cohesion, pass 2 with cohesion against the pass-1 article core
    base = known[3] if known else [_text_value(kd, b, 1.0, ch, sh) for kd, b, ch, sh in zip(kinds, blocks, chrome, shaped)]
    values = base
    i, j = _best_run(values[:end])
    # the core: the content words of the run's prose; in_other: those of two of its
    # blocks or more (each block's words are a set); and each block's share of content
    # words found in the core (in another core block, for a block of the core itself)
    cohesion = text_cohesion(words, kinds, i, j)
    values = [_text_value(kd, b, c, ch, sh) if kd in _COHESIVE else v
              for kd, b, c, ch, sh, v in zip(kinds, blocks, cohesion, chrome, shaped, base)]
    i, j = _best_run(values[:end])
    run_value = sum(values[i:j])
    rest = sum(b.chars for k, b in enumerate(blocks[:end]) if kinds[k] != "widget")
    listing = False
    if run_value < T["text_min_article_value"] and run_value < T["text_min_article_share"] * rest:
        # nothing reads as an article (a listing, or one stray line such as an author
        # box): all but widgets up to the end, after the menus on top (found below)
        listing = True
        end, own_text = _listing_end(blocks, kinds, chrome, comment_list)
        i, j = 0, end
    # what follows the best run up to the end, and is no widget, belongs to it, unless
    # teasers start there: a headline, then a summary cut short that shares nothing with
    # the article
    run_end = j
    while j < end and (kinds[j] != "widget" or blocks[j].features["phrase"] in _TEXT_INLINE):
        if not listing and _stops_run(blocks[j], values[j], cohesion[j]):
            break  # a form, a column of property listings: the article ended before it
        if (not listing and chrome[j] and kinds[j] in ("headline", "line", "cut")
                and "\n" in blocks[j].text and not _marked_list(blocks[j].text)):
            break  # a menu of several lines after the article: the page's footer starts there
        if (kinds[j] == "cut" and cohesion[j] < T["text_teaser_max_cohesion"] and j > run_end
                and kinds[j - 1] == "headline"
                and T["text_teaser_min_words"] <= blocks[j].shape["words"] <= T["text_teaser_max_words"]):
            while j > run_end and kinds[j - 1] == "headline":
                j -= 1
            break
        j += 1
    t = _teaser_tail(blocks, kinds, cohesion, i, j)
    if listing and t < j:
        # a listing's own items may be such units: a row at its end goes only when the
        # listing keeps enough text above it that is no teaser (no index of posts left empty)
        row = sum(b.chars for k, b in enumerate(blocks[t:j], t) if kinds[k] != "widget")
        if sum(own_text[i:t]) < T["text_tail_listing_min_share"] * row:
            t = j
    j = t
    for k, b in enumerate(blocks):
        b.reason = None
        if again:  # (a second reading's lines are not shown: no numbers to keep)
            f = b.features
            f["line"] = kinds[k]
            c, v = cohesion[k], values[k]
            f["cohesion"] = round3(c) if c else 0.0  # (no rounding for the many zeros)
            f["value"] = round(v, 1) if v else 0.0
            b.score = round3(v / b.chars) if v and b.chars else 0.0
    _name_widgets(blocks, kinds, cohesion, j)
    _name_author_box(blocks, kinds)
    if listing:
        # the listing starts past the chrome on top and the lines widgets named (a share
        # bar's second line): where a second cleaning, without them, starts it
        k = 0
        while k < j and (_named_away(blocks[k], kinds[k]) or chrome[k]):
            k += 1
        if k < j:  # (all of it looks like a menu: keep it)
            i = k
    # The page's own headline (the <title> line's main part, again) is the title: what
    # came before it is the site's chrome, a listing starts under it, and so does an
    # article when it lies above the best run's first prose.
    first_prose = j if listing else next((k for k in range(i, j) if kinds[k] == "prose"), j)
    h = _title_line(blocks, kinds, i, first_prose)
    if i < h < j - 1:
        # under it, bylines, then what a second cleaning keeps: past the chrome between
        # the title and the first prose (a listing: past the chrome right under it)
        title_at, i = h, h + 1
        while i < j - 1 and (kinds[i] == "byline" or (listing and chrome[i])):
            i += 1
        last_chrome = max((k for k in range(i, first_prose) if chrome[k]), default=-1)
        if not listing and last_chrome >= 0:
            i = last_chrome + 1
    else:
        title_at, i = _top_of_article(blocks, kinds, chrome, i)
    for k in range(i, j):  # lines now inside the article keep no "after-end" naming
        if blocks[k].reason is not None and not _named_away(blocks[k], kinds[k]):
            blocks[k].reason = None
    for k in range(i):
        b = blocks[k]
        if k == title_at:
            b.reason = "title"
            seg.title = b.text
        elif b.reason is None:
            b.reason = "header" if kinds[k] == "byline" else "navigation"
    for k in range(j, len(blocks)):
        if blocks[k].reason is None:
            blocks[k].reason = "after-end"
    _title_alone(seg, kinds)
    if again:  # (a second reading keeps a part of what this one kept: no duplicates)
        _tidy(blocks, opts, None)
    _settle_title(seg, kinds, chrome)
    if again:
        _read_again(seg, opts, words, (kinds, chrome, shaped, base, says))
    _lone_headline(seg, kinds)


def _top_of_article(blocks, kinds, chrome, i: int) -> tuple[int, int]:
    """The top of a page: chrome (menus, widgets, crumbs), then perhaps the headline, then
    the article. When nothing chrome-like stands between the headline and the best
    prose run (at ``i``), the lines there (a listing's first items, a dek) are the
    article's too. Returns the title's index (-1: none) and where the article starts."""
    top = 0
    while top < i and chrome[top]:
        top += 1
    title_at = -1
    start = top
    if top < i and _title_headline(blocks, kinds, top, range(top + 1, len(blocks))):
        title_at, start = top, top + 1
        while start < i and kinds[start] == "byline":
            start += 1
    if start <= i and not any(chrome[start:i]):
        return title_at, start
    # chrome in between: the headline nearest to the article is its title
    for k in range(i - 1, -1, -1):
        if kinds[k] == "headline" and blocks[k].shape["words"] >= 3 and blocks[k].reason is None:
            return k, i
        if kinds[k] not in ("byline", "tiny"):
            break
    return -1, i


def _title_headline(blocks, kinds, k: int, after) -> bool:
    """Block k is a headline that reads as a title: 3+ words, and the first of ``after``
    (the indices that follow it) that is no byline is no headline either (a stack of
    headlines at the top is a title over a subheading, or a listing's first items: no
    single one of them is the title)."""
    if kinds[k] != "headline" or blocks[k].shape["words"] < 3:
        return False
    nxt = next((m for m in after if kinds[m] != "byline"), None)
    return nxt is None or kinds[nxt] != "headline"


def _read_again(seg: Segmentation, opts: Options, content: list, known_all: tuple) -> None:
    """Score what is kept once more, as a second cleaning would, and drop what it drops.

    The best run, the listing test, cohesion and the title all weigh a line against the
    rest of the page; with the page's chrome gone the balance shifts and a second cleaning
    would cut more (a product page's header read as a listing the first time). Reading
    the kept lines once more makes cleaning idempotent in practice (no benchmark dump
    changes when cleaned again). The lines' own features, kinds, chrome flags, list
    shapes and values without cohesion (``known_all``, per block) are reused when the
    kept text reads as the same language.
    """
    blocks = seg.blocks
    idx = [k for k, b in enumerate(blocks) if b.reason is None]
    if len(idx) == len(blocks):
        return  # nothing dropped: the same lines would be read the same way
    # a reading that drops lines makes a new text, which a cleaning would read again
    # (chrome and a headline, repeated: each reading peels one pair off the top), up to
    # a budget of lines read that keeps the time linear
    budget = T["text_reread_per_block"] * len(blocks) + T["text_reread_min_lines"]
    while 2 <= len(idx) <= budget:
        budget -= len(idx)
        _read_kept(seg, opts, content, known_all, idx)
        now = [k for k in idx if blocks[k].reason is None]
        if len(now) == len(idx):
            return
        idx = now


def _read_kept(seg: Segmentation, opts: Options, content: list, known_all: tuple, idx: list[int]) -> None:
    """One reading of the kept blocks (at ``idx``), for :func:`_read_again`."""
    blocks = seg.blocks
    kept = [blocks[k] for k in idx]
    # the same language for sure when every text of the first sample is kept
    same = all(blocks[k].reason is None for k in range(seg.sampled) if blocks[k].chars >= SAMPLE_MIN_CHARS)
    # (the kept blocks' stopword counts are the first-tried language's when it is theirs)
    known = (seg.stop_counts[k] for k in idx) if seg.language == first_try()[0] else None
    if same or detect_counted((seg.words[k] if blocks[k].chars >= SAMPLE_MIN_CHARS else () for k in idx),
                              known)[0] == seg.language:
        # the same language: each line's features are what they were, and the kept blocks
        # themselves are read (a second reading writes nothing but their reasons)
        sub = Segmentation(blocks=kept, nodes=[], kind="text", language=seg.language)
        _score_text(sub, opts, [content[k] for k in idx], again=False,
                    known=tuple([xs[k] for k in idx] for xs in known_all))
    else:
        sub = Segmentation(
            blocks=[RawBlock(b.text, "line", "paragraph", 0, -1, b.chars, 0, 0, m, b.shape)
                    for m, b in enumerate(kept)],
            nodes=[], kind="text")
        _score_text(sub, opts, _features(sub), again=False)
        for b, s2 in zip(kept, sub.blocks):
            b.reason = s2.reason
    if sub.title:
        for b in seg.blocks:
            if b.reason == "title" and b.text != sub.title:
                b.reason = "header"
        seg.title = sub.title


def _settle_title(seg: Segmentation, kinds: list[str], chrome: list[bool]) -> None:
    """A headline over prose at the top of what is kept is the page's title (the text's
    headline line at the top): a second reading would take it as such."""
    blocks = seg.blocks
    kept = [k for k, b in enumerate(blocks) if b.reason is None]
    if len(kept) < 2 or chrome[kept[0]] or not _title_headline(blocks, kinds, kept[0], kept[1:]):
        return
    for b in blocks:
        if b.reason == "title":
            b.reason = "header"
    blocks[kept[0]].reason = "title"
    seg.title = blocks[kept[0]].text


def _title_alone(seg: Segmentation, kinds: list[str]) -> None:
    """One short line and nothing but widgets around it (a page title over a comment
    form or a row of teasers): the page's title, with no article under it."""
    if seg.title:
        return
    kept = [k for k, b in enumerate(seg.blocks) if b.reason is None]
    if len(kept) != 1 or "widget" not in kinds[kept[0]:]:
        return
    b = seg.blocks[kept[0]]
    if (kinds[kept[0]] in ("headline", "line") and "\n" not in b.text
            and b.shape["words"] <= T["text_headline_max_words"]):
        b.reason = "title"
        seg.title = b.text


def _lone_headline(seg: Segmentation, kinds: list[str]) -> None:
    """All that is kept is one headline as short as a page's <title>, no sentence (a
    dump that held only the page's title, or its title over chrome): no article, the
    page's title (a header when the title is known). Read back alone, it would be so."""
    kept = [k for k, b in enumerate(seg.blocks) if b.reason is None]
    if len(kept) != 1 or kinds[kept[0]] != "headline":
        return
    b = seg.blocks[kept[0]]
    if b.shape["words"] > T["text_title_max_words"]:
        return
    if seg.title:
        b.reason = "header"
    else:
        b.reason = "title"
        seg.title = " ".join(b.text.split("\n"))  # (lines of one block are read back as one)


def _name_author_box(blocks, kinds) -> None:
    """An author box's line ("Follow Jane Doe on X", "View all posts by Jane Doe") with the
    author's name on one of the few lines above it: the lines from the name down (the
    name, a job title, a short bio) are the box's too."""
    for k, b in enumerate(blocks):
        if b.features["phrase"] != "byline-box":
            continue
        box = b.text.lower()
        for m in range(k - 1, max(k - 1 - T["text_box_name_lines"], -1), -1):
            up = blocks[m]
            if up.reason is not None or kinds[m] not in ("headline", "byline", "line", "prose", "cut"):
                break
            name = up.text.strip().lower()
            if kinds[m] == "headline" and 2 <= up.shape["words"] <= 4 and name in box:
                for x in range(m, k):
                    blocks[x].reason = "byline-box"
                break


def _teaser_unit(blocks, kinds, cohesion, k: int) -> int:
    """Where the teaser ending at block ``k`` starts (a headline over a summary cut
    short, in two blocks or in one), or -1 when block ``k`` ends none."""
    b = blocks[k]
    if kinds[k] not in ("cut", "prose") or cohesion[k] >= T["text_tail_teaser_max_cohesion"]:
        return -1
    first, _, rest = b.text.partition("\n")
    if rest:  # "Headline\n[date]\nSummary cut short" in one block
        summary = rest.rsplit("\n", 1)[-1]
        if (len(first.split()) <= T["text_headline_max_words"] and not first.rstrip().endswith(".")
                and T["text_teaser_min_words"] <= len(summary.split()) <= T["text_teaser_max_words"]):
            return k
        return k if _cut_units(b.text) else -1
    if not T["text_teaser_min_words"] <= b.shape["words"] <= T["text_teaser_max_words"]:
        return -1
    h = k - 1
    while h >= 0 and kinds[h] == "tiny":  # a date line between them
        h -= 1
    if h < 0:
        return -1
    # (a headline of two short sentences, "Meditation is good! It heals", reads as a cut)
    head = blocks[h]
    return h if kinds[h] == "headline" or (
        kinds[h] == "cut" and head.shape["words"] <= T["text_title_max_words"]
        and not head.shape["ellipsis"] and "\n" not in head.text) else -1


def _cut_units(text: str) -> int:
    """How many headline-over-summary-cut-short units a block of lines holds, written one
    under another ("Heading\nHeadline\n[date]\nSummary…\nHeadline\nSummary…"); 0 unless
    every line is part of one (a first line may head the row)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    aside = T["text_teaser_aside_max_words"]
    for first in (0, 1):
        units, k, n = 0, first, len(lines)
        while k < n:
            head = lines[k].rstrip()
            if len(head.split()) > T["text_headline_max_words"] or head.endswith("."):
                break
            k += 1
            while k < n and len(lines[k].split()) <= aside and _HAS_DIGIT.search(lines[k]):
                k += 1  # a date line
            words = len(lines[k].split()) if k < n else 0
            if (not T["text_teaser_min_words"] <= words <= T["text_teaser_max_words"]
                    or T["text_teaser_summary_ratio"] * len(head.split()) > words
                    or "|" in lines[k] or "\t" in lines[k]):
                break  # (no table: a summary runs longer than its headline, in no cells)
            sh = line_shape(lines[k])
            units += sh["ellipsis"] or not sh["terminal"]
            k += 1
            while k < n and len(lines[k].split()) <= aside and _line_reason(lines[k].strip()):
                k += 1  # "Continue reading →"
        else:
            if units:
                return units
    return 0


def _teaser_tail(blocks, kinds, cohesion, i: int, j: int) -> int:
    """A row of teasers at the article's end, under a heading no table knows ("Our
    picks", "Elsewhere on the site"): two or more headline-and-cut-summary units in a
    row, up to the end, are no part of it (the row may go on past the end: the run
    stopped in it). Returns the new end."""
    end, n = j, len(blocks)
    m = j
    while m < n:  # the row's units past the end
        while m < n and (kinds[m] == "tiny" or blocks[m].features["phrase"] in _TEXT_INLINE):
            m += 1  # (past a "Read more", not past a section's widget line)
        h = m + 1 if m < n and kinds[m] == "headline" else m
        while h < n and kinds[h] == "tiny":
            h += 1
        if h >= n or _teaser_unit(blocks, kinds, cohesion, h) != m:
            break
        m = end = h + 1
    k = end - 1
    while k > i and (kinds[k] in ("tiny", "widget")):
        k -= 1
    units, start = 0, end  # units whose summary is cut short (a summary that happens to
    while k > i:         # end a sentence may sit between them)
        u = _teaser_unit(blocks, kinds, cohesion, k)
        if u < 0:
            break
        units, start = units + (_cut_units(blocks[k].text) if u == k else kinds[k] == "cut"), u
        k = u - 1
        while k > i and (kinds[k] in ("tiny", "widget")):  # "Read more" between them
            k -= 1
    if units < T["text_tail_teaser_min_units"] or start >= j:
        return j
    if start - 1 > i and kinds[start - 1] == "headline" and blocks[start - 1].shape["words"] <= 6:
        start -= 1  # the row's own heading
    return start


def _named_away(b, kind: str) -> bool:
    """Removed by a widget line's naming even inside the article (a share bar's second
    line); a "navigation"/"header" naming of a text line is undone there."""
    return b.reason is not None and (b.reason not in ("navigation", "header") or kind in ("widget", "tiny"))


_NON_PROSE = frozenset(("headline", "line", "tiny", "byline", "cut", "widget"))
_MENU_SEPARATORS = (" | ", " · ", " • ", " / ", " » ", " › ")


_CHROME_KINDS = frozenset(("widget", "tiny", "headline", "line"))


def _chrome_like(b, kind: str, stop) -> bool:
    """A line of page chrome: a widget line, a crumb, or a menu ("Home News Sport About",
    "News | Wildlife | About us", a column of one- or two-word links)."""
    if kind == "widget":
        return b.features["phrase"] != "promo"
    if kind == "tiny":
        return True
    text = b.text
    if text.count("\n") >= 2 and all(len(line.split()) <= 4 for line in text.split("\n")):
        return True
    if kind == "line" and _menu_block(b):
        return True
    if kind not in ("headline", "line"):
        return False
    if sum(map(text.count, _MENU_SEPARATORS)) >= 2:
        return True
    n = b.shape["words"]  # (len(text.split()))
    if n <= 2 and kind == "headline":
        return True
    if not 3 <= n <= 10:
        return False
    words = text.split()
    if not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    # Title Case headlines hold short function words ("How To Build A..."); menus do not
    # (with no stoplist for the language, a line of capitalised words is a menu)
    short_stops = sum(1 for w in words if len(w) <= 3 and w.lower() in stop) if stop else 0
    return short_stops < T["text_menu_max_stop_share"] * len(words)
_TEXT_SECTIONS = frozenset(_TEXT_FOLLOW.get(r) for r in rules.TEXT_SECTION_REASONS)
_LISTING_END = frozenset(rules.TEXT_LISTING_END_REASONS)


def _long_text(b) -> bool:
    """A block of several sentences: a post, an article's body run together, no field
    or line of a box (a login form, a share bar) that a widget line names."""
    return (b.shape["words"] > T["text_box_end_min_words"]
            and len(_SENTENCE_BREAK.findall(b.text)) >= T["text_box_end_min_sentences"])


def _name_widgets(blocks, kinds, cohesion, end: int) -> None:
    """A widget line names the non-prose lines that follow it (the fields of a
    newsletter box), up to the next article paragraph (inside the article, at most a
    box's worth of lines: text_box_max_lines); after the article's end
    (``end``) it names everything up to the next widget line (teasers after
    "Related", comment bodies after "3 thoughts on ...")."""
    state = None
    low = T["text_low_cohesion"]
    after_headline = False  # the previous line was a headline named by the section
    named = 0  # lines named by the current widget line
    for k, b in enumerate(blocks):
        phrase = b.features["phrase"]
        tail = k >= end
        if phrase in _TEXT_INNER and state:
            phrase = None  # a form field, a "Reply" button: part of the box it sits in
        if phrase:
            b.reason = phrase
            state = _TEXT_FOLLOW.get(phrase, "after-end" if tail else None)
            after_headline = False
            named = 0
            continue
        if state and not tail and (
            named >= T["text_box_max_lines"]
            or (state not in _TEXT_SECTIONS and kinds[k] != "widget" and _long_text(b))
            or (kinds[k] in ("headline", "line") and (
                cohesion[k] >= T["text_resume_cohesion"]
                or (state == "form" and b.shape["words"] > T["text_form_field_max_words"])))
        ):
            state = None  # the article's next heading, not the box's next item
        if state:
            section = state in _TEXT_SECTIONS
            # prose that shares (almost) no words with the article: short, or, in a
            # section, a teaser's summary (after its headline, or under it in one block)
            stray = kinds[k] == "prose" and (
                (b.shape["words"] < 30 and cohesion[k] < low)
                or (section and cohesion[k] < T["text_teaser_max_cohesion"] and (after_headline or "\n" in b.text))
            )
            if (tail and section) or kinds[k] in _NON_PROSE or stray:
                b.reason = state[kinds[k] in ("headline", "cut")] if isinstance(state, tuple) else state
                after_headline = section and kinds[k] == "headline"
                named += 1
                continue
        after_headline = False
        if kinds[k] == "tiny":
            b.reason = "low-score"
        elif tail:
            b.reason = "after-end"
            state = "after-end"
        else:
            state = None
