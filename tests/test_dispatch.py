"""The phrase matcher (_events.Anchored / Phrases, with _dispatch's readings of each
pattern) gives what one whole alternation of the patterns gives: the same reason for every
line, only fewer patterns tried."""
from __future__ import annotations

import re

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import rules, score, segment
from boilerstrip._dispatch import first_chars

Anchored = segment.Anchored


def test_first_chars_of_simple_patterns():
    assert first_chars(r"(read more|watch)\s*:") == frozenset("rw")
    assert first_chars(r"\d+ comments") == frozenset("0123456789")
    assert first_chars(r"[«<]?\s*next") == frozenset("<n\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ")
    assert first_chars(r"[^a-y]x") is not None and "z" in first_chars(r"[^a-y]x")
    assert first_chars(r"a?") is None  # can match empty: no restriction
    assert first_chars(r"(?=x)xy") == frozenset("x")


def _whole(patterns: list[tuple[str, str]]) -> re.Pattern:
    """One alternation of ``[(reason, pattern)]``, each reason a named group (in order)."""
    groups: dict[str, list[str]] = {}
    for reason, p in patterns:
        groups.setdefault(reason.replace("-", "_"), []).append(p)
    return re.compile("|".join(f"(?P<{n}>" + "|".join(f"(?:{p})" for p in ps) + ")" for n, ps in groups.items()))


def _anchored_tier(limit: int) -> list[tuple[str, str]]:
    return [(r, p) for r, p, lim in score._ANCHORED if lim >= limit]


_LIMITS = sorted(set(score._LIMITS.values()))
_WHOLES = {lim: _whole(_anchored_tier(lim)) for lim in _LIMITS}  # the tier of each limit
# the real table's matcher, and with every literal start kept whole, and cut to 2 characters
_FASTS = [Anchored(score._ANCHORED, score._analyse, depth) for depth in (score._TRIE_DEPTH, 1000, 2)]
_TIERS = [(_FASTS[0], _WHOLES[_LIMITS[0]], _anchored_tier(_LIMITS[0]))]
_STARTS = sorted({p[:12] for _r, p, _lim in score._ANCHORED if p[:1].isalnum()})
_SAMPLES = [
    "read more: the council's plan", "12 comments", "1,234 views", "« previous post", "next article",
    "share this:", "© 2024 all rights reserved", "by jane doe", "« older posts", "«back", "ñ 3 comments",
    "", "3", "subscribe to our newsletter", "related articles", "you may also like", "tags: a, b",
    "email address *", "12 points by someone 3 hours ago", "$130 add to cart", "contact us today",
]


def _reason(m: re.Match | None) -> str | None:
    return m.lastgroup.replace("_", "-") if m else None


def _same(text: str) -> None:
    low = text.lower()
    for filler in ("", " " + "x" * 139, " " + "x" * 260):  # the same start at other lengths
        low += filler
        tier = next((lim for lim in _LIMITS if len(low) <= lim), None)
        want = _reason(_WHOLES[tier].match(low)) if tier else None
        for fast in _FASTS:
            assert fast.match(low) == want, (low, fast)


def test_real_table_on_samples():
    hits = 0
    for s in _SAMPLES:
        _same(s)
        hits += _FASTS[0].match(s.lower()) is not None
    assert hits >= 12  # (the samples do reach the patterns)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_STARTS + [""]), st.text(max_size=40))
def test_real_table_on_generated_text(start, tail):
    _same(start + tail)
    _same(tail)


def test_literal_prefixes():
    from boilerstrip._dispatch import literal_prefixes

    assert literal_prefixes(r"tags?\s*:") == {"tag"}
    assert literal_prefixes(r"(previous|next) (post|page)") == {
        "previous post", "previous page", "next post", "next page"}
    assert literal_prefixes(r"share( this|:|$)") == {"share"}  # "share this" starts with it
    assert literal_prefixes(r"(this (post|page) )?(has been|was) read") == {
        "this post has been read", "this post was read", "this page has been read",
        "this page was read", "has been read", "was read"}  # an optional group: with and without
    assert literal_prefixes(r"(about )?\d+ min") is None  # may start with a digit
    assert literal_prefixes(r"\d+ views") is None
    assert literal_prefixes(r"[«<]?\s*next") is None


def test_whole_text_bounds_patterns_that_run_to_the_end():
    from boilerstrip._dispatch import whole_text

    assert whole_text(r"[^\W\d][\w .'’/-]{0,30}\s?\*$") == (34, "*")  # 33 + a final newline
    assert whole_text(r"name \*") is None     # may stop anywhere in a longer text
    assert whole_text(r"\w+ \*$") is None      # unbounded
    fast = Anchored([("form", r"[^\W\d][\w ]{0,30}\*$", 400), ("tags", r"tags?\s*:", 400)], score._analyse, 6)
    assert fast.match("email address *") == "form"
    assert fast.match("email address *\n") == "form"  # ($ also matches before a final newline)
    assert fast.match("tags: news") == "tags"
    assert fast.match("email address is needed for this long form field *") is None
    assert fast.match("email address") is None
    longest = "a" + "b" * 30 + "*"  # the longest text the pattern matches, to the character
    assert fast.match(longest) == "form" and fast.match(longest + "\n") == "form"
    assert fast.match("a" + longest) is None


def test_prefix_gate_keeps_matches():
    fast = Anchored([("tags", r"tags?\s*:", 400), ("nav", r"(previous|next) (post|page)", 400)], score._analyse, 6)
    assert fast.match("tag: x") == "tags"
    assert fast.match("next page") == "nav"
    assert fast.match("the next page") is None and fast.match("tax") is None


def test_dispatch_keeps_group_priority():
    fast = Anchored([("first", r"ab", 400), ("second", r"a\w+", 400), ("second", r"\d", 400)], score._analyse, 6)
    assert fast.match("abc") == "first"
    assert fast.match("axe") == "second"
    assert fast.match("7") == "second"
    assert fast.match("zzz") is None
    assert fast.match("ü") is None and fast.match("") is None
    # a longer spelling on the path keeps the shorter ones' patterns, in their order
    fast = Anchored([("a", r"ab\d", 400), ("b", r"a", 400), ("c", r"abc", 400)], score._analyse, 6)
    assert fast.match("abc") == "b" and fast.match("ab1") == "a" and fast.match("x") is None
    # a loose pattern (no literal start) between two spelled ones keeps its place
    fast = Anchored([("a", r"7 days", 400), ("b", r"\d+ \w+", 400), ("c", r"7 da", 400)], score._analyse, 6)
    assert fast.match("7 days") == "a" and fast.match("7 dab") == "b" and fast.match("70 x") == "b"
    # a pattern is tried only on texts within its length limit
    fast = Anchored([("a", r"ab", 3), ("b", r"a", 400), ("c", r"\d", 2)], score._analyse, 6)
    assert fast.match("ab") == "a" and fast.match("abc") == "a" and fast.match("abcd") == "b"
    assert fast.match("12") == "c" and fast.match("123") is None


# --------------------------------------------------------------------------
# Floating patterns: the gate words
# --------------------------------------------------------------------------
from boilerstrip._dispatch import FloatingSet, gate_words  # noqa: E402


def test_gate_words_are_read_off_the_pattern():
    assert gate_words(r"all rights reserved\b") == {"reserved"}
    assert gate_words(r"cookies?\b.{0,120}\b(consent|accept)") == {"cookie", "cookies"}
    assert gate_words(r"(this|our) (web)?site uses cookies\b") == {"cookies"}
    assert gate_words(r"(powered by|built with)\b") == {"powered", "built"}
    assert gate_words(r"(a|bc)d\b") == {"ad", "bcd"}
    assert gate_words(r"impressum") is None  # may run on into a longer word
    assert gate_words(r"\d+ views") is None
    assert gate_words(r"suscr[ií]bete") is None  # open at the end
    assert gate_words(r"suscr[ií]bete\b") == {"suscribete", "suscríbete"}
    assert gate_words(r"(web)? site") is None  # "site" may start the match or not
    # a lookaround reads nothing: the words after it are the gate
    assert gate_words(r"(?:(?<=[|·])|(?<=[|·] ))(powered by|built with)\b") == {"powered", "built"}


def test_every_floating_phrase_has_gate_words():
    # one floating phrase without a gate (a pattern starting with "\\d+", which the gate
    # cannot read a word from) turns the gate off for every line of every page: the text
    # path ran 30% slower until a "| 5 min read" pattern was rewritten
    missing = [(reason, p) for reason, pats in rules.WIDGET_PHRASES.items() for p in pats
               if not p.startswith("^") and gate_words(p[2:] if p.startswith("\\b") else p) is None]
    assert not missing
    assert score._FLOAT_GATE is not None


def test_every_anchored_phrase_starting_with_a_letter_is_screened():
    # an anchored phrase with no literal prefix (an optional group before a character
    # class: "(nearly )?[\\d,.]+ people") that may start with a letter lets every line
    # starting with that letter through to the whole group's regex: keep such patterns to
    # lines that start with a digit or a sign, or give them a literal start
    from boilerstrip._dispatch import literal_prefixes, whole_text
    unscreened = []
    for reason, pats in rules.WIDGET_PHRASES.items():
        for p in pats:
            if not p.startswith("^"):
                continue
            first = first_chars(p[1:])
            letters = first is None or any(c.isalpha() and c.isascii() for c in first)
            if letters and literal_prefixes(p[1:]) is None and whole_text(p[1:]) is None:
                unscreened.append((reason, p))
    assert not unscreened


_FLOATING = [(lim, f) for lim, f in ((lim, score._floating(lim)) for lim in _LIMITS) if f]
_NO_LEAD = re.compile(r"(?!x)x")  # (no second try without a leading symbol: the search alone)
_GATES = sorted({w for _lim, f in _FLOATING for w in (f.gate or ())})


def _same_floating(text: str) -> None:
    """A line's floating reason (anchored patterns left out) is the whole search's."""
    low = text.lower()
    for lim, fs in _FLOATING:
        if len(low) > lim:
            continue
        plain = segment.Phrases(None, [(lim, fs)], score._PRIORITY, _NO_LEAD, 0, 1)
        want = _reason(fs.rx.search(low))
        assert plain.line(low) == want, low
        assert plain.line(low, score.tokens(low)) == want, low  # the words given
        if want is None:
            continue
        assert plain.line(low, ()) is None  # words=(): known to hold no gate word


def test_floating_gate_keeps_matches_on_samples():
    filler = "the council met on tuesday to discuss the new bridge and its long delayed budget "
    for s in ["© 2024 example ltd. all rights reserved.", filler + "all rights reserved",
              filler + "we use cookies to improve", filler + "cookie policy", filler * 3,
              filler + "proudly powered by wordpress", filler + "allrightsreserved",
              "example ltd | powered by ghost", "example ltd ·built with jekyll", filler + "| powered by x",
              "© 2024 exämple ltd. all rights reserved.", "all_rights reserved", "x\nall rights reserved"]:
        _same_floating(s)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdeor ,._é")) , max_size=30),
       st.sampled_from(_GATES + ["", "rights reserved", "uses cookies"]), st.text(max_size=80))
def test_floating_gate_keeps_matches_on_generated_text(head, gate, tail):
    _same_floating(head * 3 + gate + tail)
    _same_floating(tail * 2)


def test_floating_set_without_gates_searches_everything():
    fs = FloatingSet({"a": [r"\d+ views"], "b": [r"all rights reserved\b"]})
    long = "x " * 50
    assert fs.gate is None
    plain = segment.Phrases(None, [(400, fs)], {"a": 0, "b": 1}, _NO_LEAD, 0, 1)
    assert plain.line(long + "12 views") == "a"
    assert plain.line(long + "12 views", ()) == "a"  # no gate: the words say nothing
    fs = FloatingSet({"b": [r"all rights reserved\b"]})
    plain = segment.Phrases(None, [(400, fs)], {"b": 0}, _NO_LEAD, 0, 1)
    assert fs.gate == {"reserved"}
    assert plain.line(long + "all rights reserved") == "b"
    assert plain.line(long + "all rights kept") is None


# --------------------------------------------------------------------------
# Literal tries
# --------------------------------------------------------------------------
from boilerstrip._dispatch import literal_trie  # noqa: E402

_TRIE_WORDS = ["comment", "cookie", "consent", "share", "social", "navbar", "navigation", "advert", "adslot"]


def test_literal_trie_factors_shared_prefixes():
    pat = literal_trie(_TRIE_WORDS)
    assert "co(?:" in pat and "nav(?:" in pat
    with pytest.raises(ValueError):
        literal_trie(["nav", "navbar"])  # the order of an alternation would matter


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("acdeghilmnorstvb")), max_size=60))
def test_literal_trie_finds_what_the_alternation_finds(text):
    plain = re.compile("|".join(_TRIE_WORDS))
    assert re.findall(literal_trie(_TRIE_WORDS), text) == plain.findall(text)
    for w in _TRIE_WORDS:
        assert re.findall(literal_trie(_TRIE_WORDS), text + w) == plain.findall(text + w)


# --------------------------------------------------------------------------
# The compiled matcher against the same file run by Python
# --------------------------------------------------------------------------
from pathlib import Path  # noqa: E402

_BUILT = segment.COMPILED


def _phrases(ev):
    return ev.Phrases(ev.Anchored(score._ANCHORED, score._analyse, score._TRIE_DEPTH),
                      [(lim, score._floating(lim)) for lim in _LIMITS],
                      score._PRIORITY, score._LEAD, score._PHRASE_CACHE_CHARS, 100)


def _fixture_lines() -> list[str]:
    root = Path(__file__).resolve().parents[1] / "fixtures"
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html"):
            lines += [ln.strip() for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    return [ln for ln in lines if ln]


@pytest.mark.skipif(not _BUILT, reason="the compiled matcher is not built here (no C compiler at install)")
def test_compiled_matcher_reads_lines_as_the_source_does():
    fast, slow = _phrases(segment._ev), _phrases(segment.source_events())
    assert type(fast) is not type(slow)
    lines = _fixture_lines() + _SAMPLES + [s + " " + t for s in _STARTS for t in ("", "x", "*", "12 views")]
    found = 0
    for line in lines:
        words = score.tokens(line.lower())
        got = fast.reason(line)
        assert got == slow.reason(line), line
        assert fast.reason(line, words) == got and fast.line(line) == slow.line(line), line
        found += got is not None
    assert found > 200  # (lines that name a widget are among them)


@pytest.mark.skipif(not _BUILT, reason="the compiled matcher is not built here (no C compiler at install)")
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_STARTS + _GATES + ["", "©", "»", "🔥"]), st.text(max_size=60))
def test_compiled_matcher_on_generated_lines(start, tail):
    fast, slow = _COMPILED_PAIR
    for text in (start + tail, start + " " + tail, tail + " " + start):
        assert fast.reason(text) == slow.reason(text), text


_COMPILED_PAIR = (_phrases(segment._ev), _phrases(segment.source_events())) if _BUILT else (None, None)
