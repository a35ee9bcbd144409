"""Stoplists (jusText's, as data) and a cheap per-document language pick."""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from itertools import chain
from functools import lru_cache
from importlib import resources
from typing import Iterable

_WORD = re.compile(r"\w+")
# ASCII text: every non-word character becomes a space, then split (three times faster
# than the regex; the same tokens, as ASCII \w is [A-Za-z0-9_]). A bytes table: encoding
# the text, bytes.translate and decoding it again take less time than str.translate's
# lookups in a dict.
_ASCII_SEP_BYTES = bytes(c if _WORD.match(chr(c)) else 32 for c in range(128)) + bytes(range(128, 256))


#: Non-ASCII characters common in Western text that are no word characters (curly quotes,
#: dashes, the ellipsis, ...): as separators they may become spaces, and a text that is
#: ASCII then is split as ASCII text (the regex is three times slower).
_COMMON_SEPARATORS = tuple(c for c in "’“”‘—–…─\u2063★€•©®·»«\u00a0\u200b" if not _WORD.match(c))


def tokens(text: str) -> list[str]:
    """The ``\\w+`` words of ``text``."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_SEP_BYTES).decode("ascii").split()
    plain = text
    for c in _COMMON_SEPARATORS:
        plain = plain.replace(c, " ")
    if plain.isascii():
        return plain.encode("ascii").translate(_ASCII_SEP_BYTES).decode("ascii").split()
    return _WORD.findall(text)

SAMPLE_WORDS = 400       # words sampled from the document to pick its language
SAMPLE_MIN_CHARS = 60    # shorter texts (menus, labels) say little about the language
MIN_HITS = 0.15          # share of sampled words that must be stopwords of the winner
CLEAR_FIT = 0.25         # a first-try language covering this share wins at once
#: Languages tried first, in order (the web's most common ones).
FIRST_TRIES = ("English", "Spanish", "German", "French", "Portuguese", "Italian", "Dutch",
               "Russian", "Polish", "Turkish", "Swedish", "Indonesian", "Czech", "Vietnamese")


#: A stoplist: its words as the keys of a dict (read by membership only). Not a frozenset:
#: the garbage collector stops tracking a dict that holds only strings, never a set, and
#: every full collection walked the 100 stoplists' 178,000 words (about 8 ms a collection).
Stoplist = dict  # dict[str, None]


@lru_cache(maxsize=1)
def _tables() -> tuple[list[str], list[Stoplist], list[float]]:
    raw = resources.files("boilerstrip").joinpath("data/stoplists.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    langs = sorted(data)
    sets = [dict.fromkeys(data[lang]) for lang in langs]
    # Long stoplists match more words by chance: normalise a little by list size.
    norms = [len(s) ** 0.15 for s in sets]
    return langs, sets, norms


def detect(texts: Iterable[str]) -> tuple[str | None, Stoplist | None]:
    """(language, stoplist) for the text, or (None, None) when no stoplist fits."""
    return detect_words(tokens(t.lower()) if len(t) >= SAMPLE_MIN_CHARS else () for t in texts)[:2]


def detect_words(words_per_text: Iterable) -> tuple[str | None, Stoplist | None, int]:
    """:func:`detect` from each text's lower-cased words (``()`` for a text too short to
    sample), read in order until the sample is full. The third value is how many texts
    were read: any selection of the texts that holds all of the sampled ones (the first
    ``n`` texts of at least SAMPLE_MIN_CHARS characters) gets the same answer."""
    return detect_counted(words_per_text)[:3]


def detect_counted(words_per_text: Iterable, known: Iterable[int] | None = None
                   ) -> tuple[str | None, Stoplist | None, int, list[int]]:
    """:func:`detect_words`, and each read text's count of words in the stoplist of the
    language tried first (:func:`first_try`; -1: a text not sampled), which a caller
    reuses when that language is picked. ``known``: those counts, in step with the texts,
    when the caller has them."""
    langs, sets, norms = _tables()
    first_lang, first_stop = first_try()
    given = iter(known) if known is not None else None
    sampled: list = []  # the sampled texts' words
    counts: list[int] = []
    hits = total = 0
    for ws in words_per_text:
        c = next(given) if given is not None else -1
        if ws:
            if c < 0:
                c = sum(map(first_stop.__contains__, ws))
            counts.append(c)
            hits += c
            sampled.append(ws)
            total += len(ws)
            if total >= SAMPLE_WORDS:
                break
        else:
            counts.append(-1)
    n = len(counts)
    if total < 8:
        return None, None, n, counts
    need = CLEAR_FIT * total
    # Most pages are in a handful of languages: try those first and stop at a clear fit.
    # The first one from the texts' own counts; the others from the sample's words counted
    # once (a word's count, summed over the stoplist's words found in the sample: the same
    # as testing each sampled word, with one set intersection per language).
    if hits >= need:
        return first_lang, first_stop, n, counts
    counts_of = Counter(chain.from_iterable(sampled))
    # each stoplist's share of the sample, from the sample's words looked up once in the
    # index of all stoplists: the distinct words found in it and their counts
    index = _index()
    found = [0] * len(sets)
    covered = [0] * len(sets)
    for w, c in counts_of.items():
        for i in index.get(w, ()):
            found[i] += 1
            covered[i] += c
    for i in _first_tries(tuple(langs))[1:]:
        if covered[i] >= need:
            return langs[i], sets[i], n, counts
    best, best_score = -1, 0.0
    for i, hits in enumerate(found):
        if hits and hits / norms[i] > best_score:
            best, best_score = i, hits / norms[i]
    if best < 0:
        return None, None, n, counts
    if covered[best] < MIN_HITS * total:
        return None, None, n, counts
    return langs[best], sets[best], n, counts


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[int, ...]]:
    """Each stoplist word and the stoplists (their indices in :func:`_tables`) that hold it.

    A plain dict of tuples of ints: the garbage collector stops tracking such tuples, and
    then such a dict, so its full collections do not walk 150,000 entries each time (as
    lists, they took 20 ms a collection)."""
    _langs, sets, _norms = _tables()
    index: defaultdict[str, list[int]] = defaultdict(list)
    for i, stop in enumerate(sets):
        for w in stop:
            index[w].append(i)
    return {w: tuple(ids) for w, ids in index.items()}


@lru_cache(maxsize=1)
def first_try() -> tuple[str, Stoplist]:
    """The language :func:`detect_words` tries first, and its stoplist."""
    langs, sets, _norms = _tables()
    i = _first_tries(tuple(langs))[0]
    return langs[i], sets[i]


@lru_cache(maxsize=1)
def _first_tries(langs: tuple | list) -> tuple[int, ...]:
    return tuple(langs.index(lang) for lang in FIRST_TRIES if lang in langs)


def detect_stoplist(texts: Iterable[str]) -> Stoplist | None:
    return detect(texts)[1]


def stoplist_for(language: str | None) -> Stoplist | None:
    """The stoplist of a language picked by :func:`detect` (None when unknown)."""
    if not language:
        return None
    langs, sets, _norms = _tables()
    try:
        return sets[langs.index(language)]
    except ValueError:
        return None
