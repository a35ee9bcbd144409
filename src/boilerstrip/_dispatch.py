"""Anchored alternations, dispatched on the text's first character.

Python's ``re`` tries every alternative of ``a|b|c|...`` in turn, even when the first
character of the text already rules most of them out. For a table of a few hundred
anchored phrases tried on every line of a page, that is most of the matching time.
:class:`AnchoredSet` reads, from each pattern's parse, which characters it can start with,
and compiles (lazily, once per character) one regex of only the patterns that can match
a text starting with that character (ASCII; any other first character gets every
pattern). The matches are the ones the whole alternation
would give, in the same priority order.
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


class AnchoredSet:
    """``match(text)`` of the alternation of named groups ``{name: [pattern, ...]}``
    (anchored at the start of ``text``), dispatched on ``text[:1]``. ``lastgroup`` of a
    match names the group, as with the whole alternation."""

    __slots__ = ("_groups", "_cache", "_known")

    def __init__(self, groups: dict[str, list[str]]):
        self._groups = [(name, [(p, first_chars(p)) for p in pats]) for name, pats in groups.items()]
        self._known = frozenset().union(*(f for _n, ps in self._groups for _p, f in ps if f))
        self._cache: dict[str, re.Pattern | None] = {}

    def _compile(self, ch: str) -> re.Pattern | None:
        parts = []
        for name, pats in self._groups:
            keep = [p for p, first in pats if first is None or ch in first or ch == "\x80"]
            if keep:
                parts.append(f"(?P<{name}>" + "|".join(f"(?:{p})" for p in keep) + ")")
        return re.compile("|".join(parts)) if parts else None

    def match(self, text: str) -> re.Match | None:
        ch = text[:1]
        if ch >= "\x80":
            ch = "\x80"  # beyond ASCII: every pattern
        elif ch not in self._known:
            ch = ""  # no pattern needs it: only those that may start anywhere
        try:
            rx = self._cache[ch]
        except KeyError:
            rx = self._cache[ch] = self._compile(ch)
        return rx.match(text) if rx is not None else None
