"""Readings of phrase patterns that let a matcher try fewer of them, without changing
what matches.

Python's ``re`` tries every alternative of ``a|b|c|...`` in turn, even when the first
characters of the text already rule most of them out. For a table of a few hundred
phrases tried on every short line of a page, that was most of the matching time. From
each pattern's parse (``re``'s own parser) this module reads what every match of it must
start with (:func:`literal_prefixes`, :func:`first_chars`), how long a text it can match
when it runs to the end (:func:`whole_text`), and which words every match holds
(:func:`gate_words`). ``_events.Anchored`` and ``_events.Phrases`` (compiled with the
segmenter) use them to try only the patterns that can match a line.
"""
from __future__ import annotations

import re

try:  # the regex parser's own modules (renamed in Python 3.11)
    from re import _constants as C
    from re import _parser
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_ASCII = frozenset(chr(c) for c in range(128))
_CATEGORY = {
    getattr(C, "CATEGORY_" + name): frozenset(c for c in _ASCII if re.match(esc, c))
    for name, esc in (("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("SPACE", r"\s"),
                      ("NOT_SPACE", r"\S"), ("WORD", r"\w"), ("NOT_WORD", r"\W"))
}


def _first_of_seq(items) -> tuple[frozenset | None, bool]:
    """(ASCII characters the sequence can start with, or None for any; can it match empty?)"""
    out: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return frozenset(out), False
    return frozenset(out), True


def _first_of_item(op, av) -> tuple[frozenset | None, bool]:
    if op is C.LITERAL:
        return frozenset((chr(av),)) & _ASCII, False
    if op is C.ANY:
        return _ASCII - {"\n"}, False
    if op is C.IN:
        chars: set[str] = set()
        negate = False
        for sub_op, sub_av in av:
            if sub_op is C.NEGATE:
                negate = True
            elif sub_op is C.LITERAL:
                chars.add(chr(sub_av))
            elif sub_op is C.RANGE:
                chars.update(chr(c) for c in range(sub_av[0], min(sub_av[1], 127) + 1))
            elif sub_op is C.CATEGORY and sub_av in _CATEGORY:
                chars |= _CATEGORY[sub_av]
            else:
                return None, False
        return (_ASCII - chars) if negate else frozenset(chars) & _ASCII, False
    if op is C.SUBPATTERN:
        return _first_of_seq(av[-1])
    if op is C.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            first, n = _first_of_seq(branch)
            if first is None:
                return None, False
            out |= first
            nullable = nullable or n
        return frozenset(out), nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        first, n = _first_of_seq(sub)
        return first, (n or lo == 0) if first is not None else False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: ignoring it only widens the set
        return frozenset(), True
    return None, False  # anything else: may start with any character


def first_chars(pattern: str) -> frozenset | None:
    """The ASCII characters a match of ``pattern`` can start with; None when it may
    start with any (or match empty). Text starting with a non-ASCII character is tried
    against every pattern, so only ASCII needs to be known exactly."""
    try:
        first, nullable = _first_of_seq(_parser.parse(pattern).data)
    except (re.error, RecursionError):
        return None
    return None if nullable else first


def literal_prefixes(pattern: str) -> frozenset | None:
    """Strings one of which every match of ``pattern`` starts with (spelled out from its
    parse up to the first element that is not a literal); None when some match may start
    with anything."""
    try:
        got, _stopped = _prefixes(_parser.parse(pattern).data, {""})
    except (re.error, RecursionError):
        return None
    if "" in got:
        return None
    # a prefix that starts with another says nothing more ("tags" after "tag")
    return frozenset(p for p in got if not any(q != p and p.startswith(q) for q in got))


def whole_text(pattern: str) -> tuple[int, str | None] | None:
    """When ``pattern`` must run to the end of the text (it ends with ``$``, which also
    matches before a final newline): (the length of the longest text it can match, the
    character such a text ends with or None); None otherwise."""
    try:
        parsed = _parser.parse(pattern)
        hi = parsed.getwidth()[1]
    except (re.error, RecursionError, OverflowError):
        return None
    items = list(parsed.data)
    if len(items) < 2 or items[-1] != (C.AT, C.AT_END) or hi >= C.MAXREPEAT:
        return None
    op, av = items[-2]
    return hi + 1, chr(av) if op is C.LITERAL else None


def _prefixes(items, acc: set[str]) -> tuple[set[str], bool]:
    """Spell ``items`` onto each of ``acc``; (the spellings, whether it stopped early). It
    stops before an element it cannot spell, and at one that would make more than
    _MAX_PREFIXES spellings, cut short to few enough (shorter ones are prefixes of every
    match too)."""
    for op, av in items:
        before = acc
        stopped = False
        if op is C.LITERAL:
            acc = {a + chr(av) for a in acc}
        elif op is C.SUBPATTERN:
            acc, stopped = _prefixes(av[-1], acc)
        elif op is C.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                got, st = _prefixes(branch, set(acc))
                out |= got
                stopped = stopped or st
            acc = out
        elif op is C.IN and all(sub_op is C.LITERAL for sub_op, _ in av):
            acc = {a + chr(c) for a in acc for _, c in av}
        elif op is C.MAX_REPEAT and av[0] == 0 and av[1] == 1:  # (optional )?: with or without
            got, stopped = _prefixes(av[2], set(acc))
            acc = acc | got
        else:
            return acc, True
        if len(acc) > _MAX_PREFIXES:  # too many spellings: their first characters will do
            floor = max(map(len, before), default=0)
            for n in range(max(map(len, acc)) - 1, floor, -1):
                cut = {a[:n] for a in acc}
                if len(cut) <= _MAX_PREFIXES:
                    return cut, True
            return before, True
        if stopped:
            return acc, True
    return acc, False


# spellings of a pattern's start kept as its literal prefixes (a text's first characters
# pick the few to try, so many cost little)
_MAX_PREFIXES = 1000


# --------------------------------------------------------------------------
# Floating patterns: gated on a word every match holds
# --------------------------------------------------------------------------
_WORD = re.compile(r"\w+")
_MAX_WORDS = 64  # spellings of one word beyond which it is not used as a gate


class _Unknown(Exception):
    pass


def _is_word_char(ch: str) -> bool:
    return bool(_WORD.fullmatch(ch))


def _spell(items, partial: set[str], done: set[str]) -> set[str]:
    """Spell out the words of a parsed sequence. ``partial`` holds the spellings of the
    word being read (``""``: a word starts here, after a non-word character or the
    pattern's leading ``\\b``); each word that ends (a non-word literal, ``\\b``) goes to
    ``done``. Returns the spellings still open. Raises _Unknown at anything not
    spelled out literally (``\\d``, ``.``, a range, a repeat)."""
    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av)
            if _is_word_char(ch):
                partial = {w + ch for w in partial}
            else:
                done |= partial - {""}
                partial = {""}
        elif op is C.AT and av is C.AT_BOUNDARY:
            if "" in partial and len(partial) > 1:
                raise _Unknown
            done |= partial - {""}
            partial = {""} if "" in partial else set()
        elif op is C.SUBPATTERN:
            partial = _spell(av[-1], partial, done)
        elif op is C.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                out |= _spell(branch, set(partial), done)
            partial = out
        elif op is C.IN and all(sub_op is C.LITERAL for sub_op, _ in av):
            chars = [chr(c) for _, c in av]
            if not all(map(_is_word_char, chars)):
                raise _Unknown
            partial = {w + ch for w in partial for ch in chars}
        elif op is C.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            partial = set(partial) | _spell(av[2], set(partial), done)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            pass  # a lookaround reads nothing: the words around it are spelled as they are
        else:
            raise _Unknown
        if len(partial) + len(done) > _MAX_WORDS:
            raise _Unknown
    return partial


def gate_words(pattern: str) -> frozenset | None:
    """Words one of which every match of ``pattern`` holds as a whole ``\\w+`` token (the
    match starting at a word boundary); of the candidates along the pattern, the one whose
    shortest spelling is longest ("all rights reserved" -> {"reserved"}). None when no
    word can be read off the pattern."""
    try:
        items = list(_parser.parse(pattern).data)
    except (re.error, RecursionError):
        return None
    return _gate(items)


def _gate(items, closed: bool = False) -> frozenset | None:
    """The best gate of a parsed sequence read from a word start; ``closed``: whatever
    follows the sequence ends a word (a ``\\b`` or a non-word character)."""
    items = list(items)
    best: frozenset | None = None
    partial: set[str] = {""}

    def consider(cand: frozenset) -> None:
        nonlocal best
        if best is None or _rank(cand) > _rank(best):
            best = cand

    for k, (op, av) in enumerate(items):
        if partial == {""}:  # at a word start: a group's branches may each hold a gate
            branches = _branches(op, av)
            if branches:
                ends = _ends_word(items[k + 1]) if k + 1 < len(items) else closed
                gates = [_gate(b, ends) for b in branches]
                if all(g is not None for g in gates):
                    consider(frozenset().union(*gates))
        done: set[str] = set()
        try:
            after = _spell([(op, av)], partial, done)
        except _Unknown:
            return best
        # Every path ended a word in this step if none was at a word start before it
        # (such a path may cross the step without reading a word) and none is inside a
        # word after it: the words that ended are a gate.
        if done and "" not in partial and after <= {""}:
            consider(frozenset(done))
        partial = after
    if closed and partial and "" not in partial:  # the words still open end right after
        consider(frozenset(partial))
    return best


def _ends_word(item) -> bool:
    op, av = item
    return (op is C.AT and av is C.AT_BOUNDARY) or (op is C.LITERAL and not _is_word_char(chr(av)))


def _branches(op, av) -> list | None:
    """The alternatives of a group or alternation (one for a plain group)."""
    if op is C.SUBPATTERN:
        inner = list(av[-1])
        if len(inner) == 1 and inner[0][0] is C.BRANCH:
            return list(inner[0][1][1])
        return [inner]
    if op is C.BRANCH:
        return list(av[1])
    return None


def _rank(words: frozenset) -> tuple[int, int]:
    return min(map(len, words)), -len(words)


class FloatingSet:
    """The floating patterns of named groups ``{name: [pattern, ...]}``: ``rx``, the search
    regex ``\\b(?:`` their alternation, each name a group ``)`` (the leftmost match at a
    word boundary), and ``gate``, the words one of which every match holds as a whole
    ``\\w+`` word (:func:`gate_words`), or None when some pattern has none. Searching with
    ``re`` is slow per character, so ``_events.Phrases`` searches a text only when one of
    its words is a gate word (a set test on the text's words is many times cheaper)."""

    __slots__ = ("rx", "gate")

    def __init__(self, groups: dict[str, list[str]]):
        self.rx = re.compile("\\b(?:" + "|".join(
            f"(?P<{name}>" + "|".join(f"(?:{p})" for p in pats) + ")" for name, pats in groups.items()
        ) + ")")
        words: set[str] = set()
        for pats in groups.values():
            for p in pats:
                gate = gate_words(p)
                if gate is None:
                    self.gate: frozenset | None = None
                    return
                words |= gate
        self.gate = frozenset(words)


def literal_trie(words) -> str:
    """A regex matching any of ``words`` (literal strings, none a prefix of another), with
    shared prefixes factored out ("co(?:mment|okie)"): ``re`` then tries a handful of
    branches at each position instead of every word."""
    words = sorted(set(words))
    if any(b.startswith(a) for a, b in zip(words, words[1:])):
        raise ValueError("a word is a prefix of another: the alternation's order matters")
    return _trie(words)


def _trie(words: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w[1:])
    alts = []
    for ch, rest in groups.items():
        if rest == [""]:
            alts.append(re.escape(ch))
            continue
        # a single branch continues as plain text ("rticle" instead of nested groups)
        prefix = ch
        while len(rest) > 1 and len({r[:1] for r in rest}) == 1 and all(rest):
            prefix += rest[0][0]
            rest = [r[1:] for r in rest]
        if len(rest) == 1:
            alts.append(re.escape(prefix + rest[0]))
        else:
            alts.append(re.escape(prefix) + "(?:" + _trie(rest) + ")")
    return "|".join(alts)
