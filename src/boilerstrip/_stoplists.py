"""Stoplists (jusText's, as data) and a cheap per-document language pick."""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

_WORD = re.compile(r"\w+")
# ASCII text: every non-word character becomes a space, then split (three times faster
# than the regex; the same tokens, as ASCII \w is [A-Za-z0-9_]). The table lists every
# ASCII character: a character missing from it costs str.translate a failed lookup.
_ASCII_SEP = str.maketrans({c: c if _WORD.match(c) else " " for c in map(chr, range(128))})


def tokens(text: str) -> list[str]:
    """The ``\\w+`` words of ``text``."""
    if text.isascii():
        return text.translate(_ASCII_SEP).split()
    return _WORD.findall(text)

SAMPLE_WORDS = 400       # words sampled from the document to pick its language
MIN_HITS = 0.15          # share of sampled words that must be stopwords of the winner
CLEAR_FIT = 0.25         # a first-try language covering this share wins at once
#: Languages tried first, in order (the web's most common ones).
FIRST_TRIES = ("English", "Spanish", "German", "French", "Portuguese", "Italian", "Dutch",
               "Russian", "Polish", "Turkish", "Swedish", "Indonesian", "Czech", "Vietnamese")


@lru_cache(maxsize=1)
def _tables() -> tuple[list[str], list[frozenset], list[float]]:
    raw = resources.files("boilerstrip").joinpath("data/stoplists.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    langs = sorted(data)
    sets = [frozenset(data[lang]) for lang in langs]
    # Long stoplists match more words by chance: normalise a little by list size.
    norms = [len(s) ** 0.15 for s in sets]
    return langs, sets, norms


def detect(texts: Iterable[str]) -> tuple[str | None, frozenset | None]:
    """(language, stoplist) for the text, or (None, None) when no stoplist fits."""
    langs, sets, norms = _tables()
    langs = tuple(langs)
    words: list[str] = []
    for t in texts:
        if len(t) < 60:  # menus and labels say little about the language
            continue
        words.extend(tokens(t.lower()))
        if len(words) >= SAMPLE_WORDS:
            break
    if len(words) < 8:
        return None, None
    # Most pages are in a handful of languages: try those first and stop at a clear fit.
    for i in _first_tries(langs):
        stop = sets[i]
        if sum(map(stop.__contains__, words)) >= CLEAR_FIT * len(words):
            return langs[i], stop
    sample = set(words)
    best, best_score = -1, 0.0
    for i, stop in enumerate(sets):
        hits = len(sample & stop) if len(sample) < len(stop) else len(stop & sample)
        if hits and hits / norms[i] > best_score:
            best, best_score = i, hits / norms[i]
    if best < 0:
        return None, None
    covered = sum(1 for w in words if w in sets[best])
    if covered < MIN_HITS * len(words):
        return None, None
    return langs[best], sets[best]


@lru_cache(maxsize=1)
def _first_tries(langs: tuple | list) -> tuple[int, ...]:
    return tuple(langs.index(lang) for lang in FIRST_TRIES if lang in langs)


def detect_stoplist(texts: Iterable[str]) -> frozenset | None:
    return detect(texts)[1]


def stoplist_for(language: str | None) -> frozenset | None:
    """The stoplist of a language picked by :func:`detect` (None when unknown)."""
    if not language:
        return None
    langs, sets, _norms = _tables()
    try:
        return sets[langs.index(language)]
    except ValueError:
        return None
