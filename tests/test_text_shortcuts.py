"""The text path's shortcuts give what the plain definitions give.

Each shortcut (a line's end read with str.rstrip, the byline gate, the language pick by
set intersection, the ASCII content words, the phrase cache per line) replaced a slower
form; these tests hold each one to that form on generated input.
"""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from boilerstrip import _stoplists, clean_article, rules, score, segment

# --------------------------------------------------------------------------- line ends
_TERMINAL_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")

_end_chars = st.text(alphabet=".!?…:;\"'”’»)]a1 \t\u00a0-", max_size=9)


@settings(max_examples=3000, deadline=None)
@given(_end_chars)
def test_terminal_is_the_regex_on_the_last_four_characters(text):
    expected = bool(_TERMINAL_RE.search(text.rstrip()[-4:]))
    assert segment.line_shape(text)["terminal"] is expected


def test_terminal_examples():
    assert segment.line_shape('He said "yes."')["terminal"]
    assert segment.line_shape("(see below.)")["terminal"]
    assert not segment.line_shape("But neutrality is getting trickier,")["terminal"]
    assert not segment.line_shape('a. """"')["terminal"]  # the stop is 5 characters back


# --------------------------------------------------------------------------- bylines
_byline_chars = st.text(alphabet="bypardoniva 0123456789-/.,:januarymaypublishedt", max_size=40)


@settings(max_examples=3000, deadline=None)
@given(_byline_chars)
def test_byline_gate_keeps_every_match(low):
    assert score._bylike(low) is (score._BYLINE.search(low) is not None)


def test_byline_examples():
    for low in ("by jane doe", "posted on 12 march 2024", "2024-03-12", "updated 3 hours ago",
                "12/03/24", "posted 2 days ago", "published: 5 min ago", "12 march 2024"):
        assert score._bylike(low), low
    assert not score._bylike("the mayor spoke to reporters")


# --------------------------------------------------------------------------- language
def _detect_reference(words):
    """The plain definition: each sampled word tested against each stoplist."""
    langs, sets, norms = _stoplists._tables()
    if len(words) < 8:
        return None
    for lang in _stoplists.FIRST_TRIES:
        if lang in langs:
            stop = sets[langs.index(lang)]
            if sum(w in stop for w in words) >= _stoplists.CLEAR_FIT * len(words):
                return lang
    sample = set(words)
    best, best_score = -1, 0.0
    for i, stop in enumerate(sets):
        hits = len(sample & stop.keys())
        if hits and hits / norms[i] > best_score:
            best, best_score = i, hits / norms[i]
    if best < 0 or sum(w in sets[best] for w in words) < _stoplists.MIN_HITS * len(words):
        return None
    return langs[best]


def _vocab():
    langs, sets, _n = _stoplists._tables()
    words = set()
    for lang in ("English", "French", "German", "Finnish", "Turkish"):
        words |= set(sorted(sets[langs.index(lang)])[:60])
    return sorted(words) + ["river", "budget", "council", "xqz", "2024", "ship"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_vocab()), max_size=120))
def test_language_pick_is_the_per_word_definition(words):
    lang, stop, n = _stoplists.detect_words([words])
    assert lang == _detect_reference(words)
    assert n == 1
    if lang is not None:
        assert stop == _stoplists.stoplist_for(lang)


def test_language_sample_stops_when_full():
    texts = [["the", "of", "and", "a"] * 60, ["le", "la", "de"] * 100, ["der"] * 50]
    lang, _stop, n = _stoplists.detect_words(texts)
    assert (lang, n) == ("English", 2)  # 240 + 300 words: full after the second text


# --------------------------------------------------------------------------- content words
_NO = frozenset()


def _content_reference(toks, stop, stops):
    """The definition: a block's stopwords counted with repeats (where not known), and its
    words of three characters or more that are no stopwords (none under 8 words)."""
    counts = [c if c >= 0 else (sum(w in stop for w in ws) if stop is not None else 0)
              for ws, c in zip(toks, stops)]
    content = [_NO if len(ws) < 8 else {w for w in ws if len(w) > 2 and (stop is None or w not in stop)}
               for ws in toks]
    return counts, content


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(_vocab() + ["ab", "é", "été", "x_1"]), max_size=20),
                          st.integers(-1, 3)), max_size=12),
       st.sampled_from(["English", "French", None]))
def test_stop_content_is_the_definition_compiled_and_not(rows, lang):
    toks = [ws for ws, _c in rows]
    known = [c for _ws, c in rows]
    stop = _stoplists.stoplist_for(lang) if lang else None
    want = _content_reference(toks, stop, known)
    for mod in {segment._ev, segment.source_events()}:  # (the same module when not compiled)
        stops = list(known)
        content = mod.stop_content(toks, stop, stops, _NO)
        assert (stops, content) == want, mod.__name__
        assert all(c is _NO for ws, c in zip(toks, content) if len(ws) < 8)
        if stop is not None:  # (the HTML features' count, the same definition)
            assert [mod.stop_count(ws, stop) for ws in toks] == [sum(w in stop for w in ws) for ws in toks]


def _cohesion_reference(words, kinds, i, j):
    """The definition: the share of a block's words found in the core's prose blocks (in
    another of them, for a core block)."""
    core_blocks = [k for k in range(i, j) if kinds[k] == "prose"]
    out = []
    for k, ws in enumerate(words):
        if not ws:
            out.append(0.0)
            continue
        others = [m for m in core_blocks if m != k] if k in core_blocks else core_blocks
        core = set().union(*(words[m] for m in others))
        out.append(sum(w in core for w in ws) / len(ws))
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.frozensets(st.sampled_from(["river", "budget", "council", "ship", "vote"])),
                          st.sampled_from(["prose", "cut", "line", "widget"])), max_size=10),
       st.integers(0, 10), st.integers(0, 10))
def test_cohesion_is_the_definition_compiled_and_not(rows, i, j):
    words = [set(ws) if len(ws) % 2 else ws for ws, _k in rows]  # (sets and frozensets, as score passes)
    kinds = [k for _ws, k in rows]
    i, j = min(i, j, len(rows)), min(max(i, j), len(rows))
    want = _cohesion_reference(words, kinds, i, j)
    for mod in {segment._ev, segment.source_events()}:
        assert mod.cohesion(words, kinds, i, j) == want, mod.__name__


# --------------------------------------------------------------------------- phrases
def test_phrase_verdict_per_line_is_the_same_cached_or_not():
    lines = ["Related Articles", "Share this:", "The council met on Tuesday.", "Leave a Reply"]
    fresh = [score._phrase_line(line) for line in lines]
    score._PHRASE_CACHE.clear()
    block = "\n".join(lines)
    assert score.phrase_reason(block) == next(r for r in fresh if r)
    assert [score._line_reason(line) for line in lines] == fresh  # now from the cache
    assert all(line in score._PHRASE_CACHE for line in lines)


def test_second_reading_reuse_is_idempotent_on_a_page_dump():
    dump = "\n\n".join([
        "Home | News | Sport | About us",
        "Council approves river budget",
        "The council approved the river budget on Tuesday after a long debate about the "
        "flood defences, which residents had asked for since the storms of last winter.",
        "Members said the money would pay for new walls along the river and for pumps "
        "that keep the lower streets dry when the water rises again in the spring.",
        "Related Articles",
        "Mayor opens new library",
        "Share this:",
    ])
    once = clean_article(dump, input="text", metadata=False)
    assert "river budget on Tuesday" in once.text and "Mayor opens" not in once.text
    again = clean_article(once.text, input="text", metadata=False)
    assert again.text == once.text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "of", "a", "to", "is", "it", "us", "river", "flood", "x1",
                                 "budget", "walls", "pumps", "é", "señor", "no", "ok", "café"]),
                min_size=8, max_size=40))
def test_content_words_of_a_block_are_its_long_non_stopwords(words):
    text = " ".join(words) + "."
    seg = segment.segment_text("The council met on Tuesday and talked about the river.\n\n" + text)
    content = score._features(seg)
    stop = _stoplists.stoplist_for(seg.language) or {}
    toks = _stoplists.tokens(seg.blocks[-1].text.lower())
    assert content[-1] == {w for w in set(toks) - stop.keys() if len(w) > 2}


# --------------------------------------------------------------------------- segmentation


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["ab", "c.", " ", "  ", "\t", "\n", "\n\n", "\n \n", "\x0b", "\x1c",
                                  "\u00a0", "é"]), max_size=16).map("".join))
@example("ab  c.\nab\n\nab")
@example("ab\tc.\nab\n\nab")
@example("ab\n c.\n\nab")
@example("ab \nc.\n\nab")
@example("ab\nc. \n\nab")
@example("x\n\n ab\nc.")
def test_lines_left_alone_are_the_normalised_lines(text):
    text = text.replace("\r", "\n")
    blocks = segment.segment_text(text).blocks
    pieces = segment._BLANK_SPLIT.split(segment._CONTROL.sub(" ", text)) \
        if segment._BLANK_SPLIT.search(segment._CONTROL.sub(" ", text)) \
        else segment._CONTROL.sub(" ", text).split("\n")
    expected = []
    for piece in pieces:
        norm = "\n".join(" ".join(line.split()) for line in piece.split("\n")).strip()
        if norm:
            expected.append(norm)
    assert [b.text for b in blocks] == expected


_lines = st.sampled_from([
    "Home", "About us", "The council met on Tuesday to talk about the river.",
    "We use cookies to improve your experience", "© 2024 Example Media. All rights reserved",
    "Share this:", "Posted in News", "Budget walls and pumps for the lower streets",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_lines, min_size=2, max_size=6).map("\n".join))
def test_lines_of_a_block_without_gate_words_need_no_search(text):
    """A block's words skip the floating search of every line when none is a gate word:
    the verdict is the one each line's own search gives."""
    expected = None
    for line in text.split("\n"):
        score._PHRASE_CACHE.clear()
        expected = score._phrase_line(line.strip())
        if expected:
            break
    score._PHRASE_CACHE.clear()
    assert score.phrase_reason(text, _stoplists.tokens(text.lower())) == expected


# --------------------------------------------------------------------------- normal lines
_line_chars = st.text(alphabet="ab .,\t\u00a0\u2003\x0b\x1f", min_size=1, max_size=20)


@settings(max_examples=3000, deadline=None)
@given(_line_chars)
@example("a  b")
@example(" a b")
@example("a\tb")
@example("a\u00a0b")
def test_a_line_is_normalised_as_split_and_join_would(line):
    """A normal ASCII line keeps its text and counts its words by its spaces: the same
    as splitting it on whitespace and joining the words with single spaces."""
    seg = segment.segment_text(line)
    plain = " ".join(segment._CONTROL.sub(" ", line).split())
    if not plain:
        assert seg.blocks == []
        return
    (b,) = seg.blocks
    assert b.text == plain
    assert b.shape["words"] == len(plain.split())


# --------------------------------------------------------------------------- control characters
_ctrl_text = st.text(alphabet=st.sampled_from(
    list("ab .\n\r\t") + ["\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x85", "\x9f", "\ufffd", "\ufffe",
                          "\ud800", "\u00e9", "\u2028"]), max_size=30)


@settings(max_examples=3000, deadline=None)
@given(_ctrl_text)
@example("a\x85b\n\nc\x7fd")
@example("a\x00b\r\nc")
def test_text_payload_segments_as_the_raw_text_would(text):
    """A text payload is searched for control characters once (in coerce); segmenting it
    without looking for them again gives the blocks that segmenting the text gives."""
    from boilerstrip import _input

    kind, payload, _enc, _raw = _input.coerce(text, "text")
    assert kind == "text"
    if getattr(payload, "reason", ""):  # refused as binary: both paths agree it is
        assert _input.binary_text_kind(text) is not None
        return
    fast = segment.segment_text(payload, controls=False)
    slow = segment.segment_text(_input.clean_text_chars(text))
    assert [(b.text, b.shape) for b in fast.blocks] == [(b.text, b.shape) for b in slow.blocks]


@settings(max_examples=3000, deadline=None)
@given(_ctrl_text)
def test_the_one_search_decides_binary_as_the_samples_do(text):
    from boilerstrip import _input

    plain = _input._ANY_CTRL.search(text) is None
    assert _input.binary_text_kind(text, plain) == _input.binary_text_kind(text)


# --------------------------------------------------------------------------- the first-tried language
_lang, _first_stop = _stoplists.first_try()
_word = st.sampled_from(sorted(_first_stop)[:40] + ["bridge", "council", "río", "wurde", "und", "der", "el", "la"])
_texts = st.lists(st.one_of(st.just(()), st.lists(_word, min_size=1, max_size=120)), max_size=12)


@settings(max_examples=2000, deadline=None)
@given(_texts)
@example([["the"] * 3 + ["bridge"] * 5])
@example([["the"] * 100 + ["bridge"] * 300, ["und"] * 50])
def test_the_first_language_from_each_texts_count_is_what_counting_the_sample_picks(texts):
    """detect_counted tries the first language on each text's own stopword count; that
    picks what testing every sampled word picks, after reading as many texts, and counts
    the caller passes in agree with counting."""
    lang, stop, n, counts = _stoplists.detect_counted(texts)
    sample = [w for t in texts[:n] for w in t]
    assert len(counts) == n
    assert counts == [sum(w in _first_stop for w in t) if t else -1 for t in texts[:n]]
    # the plain definition of the first try: the share of the sample's words in its stoplist
    if len(sample) >= 8 and sum(w in _first_stop for w in sample) >= _stoplists.CLEAR_FIT * len(sample):
        assert (lang, stop) == (_lang, _first_stop)
    given = [sum(w in _first_stop for w in t) for t in texts]
    assert _stoplists.detect_counted(texts, given) == (lang, stop, n, counts)


# --------------------------------------------------------------------------- words
_WORD_RE = re.compile(r"\w+")
_word_chars = st.text(alphabet="ab Z9_.,-'\n’“”—–…★€\u00a0\u200béßİ中ا", max_size=40)


@settings(max_examples=3000, deadline=None)
@given(_word_chars)
@example("don’t “quote” — end…")
@example("café’s menu")
def test_tokens_are_the_regex_words(text):
    """Non-ASCII separators become spaces and the rest is split as ASCII: the same words
    as the \\w+ regex, whatever the text holds."""
    assert _stoplists.tokens(text) == _WORD_RE.findall(text)


# --------------------------------------------------------------------------- comment headers
_HEADER_RE = re.compile(rules.TEXT_COMMENT_HEADER)
_header_texts = st.lists(
    st.sampled_from(["Sharon", "says", "SAYS", "Says", "zegt", "dit", " ", " :", ":", "\n",
                     "x" * 30, "2024", "İ", "ẞ", "Σ", "bless"]),
    max_size=8).map("".join)


def _says_reference(text: str) -> bool:
    top = rules.THRESHOLDS["text_comment_header_max_chars"]
    first = text.split("\n", 1)[0]
    if len(first) > top:
        return False
    low = first.lower()
    return low.rstrip(" :").endswith(rules.TEXT_COMMENT_VERBS) and _HEADER_RE.match(low) is not None


@settings(max_examples=3000, deadline=None)
@given(_header_texts)
@example("Sharon says\nMay 3, 2024")
@example("Sharon SAYS :")
def test_says_line_is_the_plain_definition(text):
    """The header test screens a line on its last letter before lower-casing it: the same
    answer as lower-casing every first line."""
    assert score._says_line(text) is _says_reference(text)


# --------------------------------------------------------------------------- rounding
_ROUNDERS = [segment.round3, segment.source_events().round3]  # (compiled when built, and the .py)
# exact binary ties (x * 1000 = n + 1/2: odd multiples of 1/16), where the rounding is
# half-even on the decimal value, and values a hair either side of a decimal tie
_TIES = [m / 16 for m in range(1, 40, 2)] + [k / 1000 + d for k in range(0, 3000, 7)
                                              for d in (0.0005, 0.000499999999, 0.000500000001)]


@settings(max_examples=3000, deadline=None)
@given(st.floats(allow_nan=False) | st.sampled_from(_TIES) | st.floats(0, 1))
@example(0.1875)
@example(-0.0001)
@example(-0.0)
@example(0.0)
@example(5e-324)
@example(-5e-324)
@example(-1e300)
def test_round3_is_round_to_3_places(x):
    """Features and scores are rounded with round3: the value round(x, 3) gives, with
    the same sign of zero (to_dict's JSON shows it)."""
    want = round(x, 3)
    for r3 in _ROUNDERS:
        got = r3(x)
        assert got == want and str(got) == str(want), (r3, x)


def test_round3_on_every_tie():
    """Every exact tie and near-tie of _TIES (hypothesis samples only some)."""
    for x in _TIES + [-t for t in _TIES]:
        assert str(segment.round3(x)) == str(round(x, 3)), x


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab é\t\n\u00a0\u2003\u200bx.")), max_size=40))
def test_word_count_is_the_length_of_split_compiled_and_not(text):
    for mod in {segment._ev, segment.source_events()}:
        assert mod.word_count(text) == len(text.split()), (mod.__name__, text)
