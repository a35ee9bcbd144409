"""Near-duplicate documents (``--dedup``): MinHash + LSH from datasketch, verified exactly.

Each document's cleaned text becomes a set of word 3-gram shingles (lower-cased ``\\w+``
words, each 3-gram hashed to 32 bits with CRC-32; the worker does this). The main process
keeps a datasketch ``MinHashLSH`` index; a new document's candidates are checked with the
exact Jaccard similarity of the shingle sets, and the document is marked ``duplicate_of``
the first-seen document of the group it matches.

Why these numbers: a paraphrased republication keeps far fewer 3-grams than a copy (the
two seed documents share about 28%), while unrelated articles share almost none (well
under 5% on news, mostly set phrases), so the exact check uses 0.2 and the LSH is tuned
to the same threshold (datasketch picks 28 bands of 2 rows for 128 permutations), which
lets nearly all pairs above 0.2 through as candidates.

Pages of one site share template text that cleaning cannot always remove (legal lines,
shipping banners, product-spec boilerplate), so two pages of the *same* site (registered
domain of their URLs) need ``same_site_threshold`` (0.5) to count as duplicates: on the
WCXB pages, same-site pairs of different products or forum threads reach 0.25-0.42 on
shared leftovers alone, while real same-site duplicates (the same docs page under two
URLs, two variants of one product) are at 0.75 and above. Republication elsewhere - the
case the low threshold is for - is a cross-site pair.

Memory grows with the number of indexed documents (the LSH tables plus ~4 bytes per
shingle), unlike the rest of the batch run; documents with fewer than ``min_words`` words
are neither flagged nor indexed (short pages say "page not found" alike).
"""
from __future__ import annotations

import re
import zlib
from array import array

_WORD = re.compile(r"\w+")


def shingle_bytes(text: str, n: int = 3) -> bytes:
    """Sorted unique 32-bit hashes of the word ``n``-grams of ``text``, as raw bytes."""
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return b""
    grams = {zlib.crc32(" ".join(words[i:i + n]).encode("utf-8", "replace")) for i in range(len(words) - n + 1)}
    return array("I", sorted(grams)).tobytes()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


class Deduper:
    """First-seen-wins near-duplicate detection over a stream of documents."""

    def __init__(self, threshold: float = 0.2, num_perm: int = 128, min_words: int = 50,
                 same_site_threshold: float = 0.5) -> None:
        import numpy as np
        from datasketch import MinHash, MinHashLSH

        self._np = np
        self._MinHash = MinHash
        self.threshold = threshold
        self.same_site_threshold = max(threshold, same_site_threshold)
        self.num_perm = num_perm
        self.min_words = min_words
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        # One permutation table for all (building it per document would dominate).
        proto = MinHash(num_perm=num_perm, hashfunc=int)
        self._perm, self._scheme = proto.permutations, proto.scheme
        self._sets: dict[int, object] = {}
        self._ids: list[str] = []
        self._sites: list[str | None] = []
        self._root: dict[int, int] = {}
        self.flagged = 0
        self.pairs: list[tuple[str, str, float]] = []  # (duplicate id, first-seen id, jaccard)

    def add(self, doc_id: str, shingles: bytes, words: int, site: str | None = None) -> str | None:
        """Index a document; return the id of the first-seen document it duplicates, or None.

        ``site`` is the document's site (registered domain) when known."""
        np = self._np
        if words < self.min_words or not shingles:
            return None
        arr = np.frombuffer(shingles, dtype=np.uint32)
        mh = self._MinHash(num_perm=self.num_perm, hashfunc=int, permutations=self._perm, scheme=self._scheme)
        mh.update_batch(arr.tolist())
        best: tuple[int, float] | None = None
        for key in self.lsh.query(mh):
            other = self._sets[key]
            inter = np.intersect1d(arr, other, assume_unique=True).size
            jac = inter / (arr.size + other.size - inter)
            same_site = site is not None and self._sites[key] == site
            need = self.same_site_threshold if same_site else self.threshold
            if jac >= need and (best is None or key < best[0]):
                best = (key, jac)
        key = len(self._ids)
        self._ids.append(doc_id)
        self._sites.append(site)
        self._sets[key] = arr
        self.lsh.insert(key, mh, check_duplication=False)
        if best is None:
            return None
        root = self._root.get(best[0], best[0])
        self._root[key] = root
        self.flagged += 1
        self.pairs.append((doc_id, self._ids[best[0]], round(best[1], 4)))
        return self._ids[root]
