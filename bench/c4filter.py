"""A C4-style line filter, as a baseline for cleaning already-flattened text.

Source: C. Raffel et al., "Exploring the Limits of Transfer Learning with a Unified
Text-to-Text Transformer", JMLR 21(140), 2020, section 2.2 ("The Colossal Clean
Crawled Corpus"), and the reference implementation it points to
(TensorFlow Datasets, ``tensorflow_datasets/text/c4_utils.py``, ``clean_page``),
whose constants and order of checks are followed here. This module is written
from that description, not copied.

Rules applied, in the reference implementation's order, to each line
(``str.splitlines()``, stripped):

1. drop the line if it has a "word" (whitespace token) longer than 1,000 characters;
2. remove Wikipedia-style citation markers: ``[1]``, ``[]``, ``[edit]``,
   ``[citation needed]``;
3. keep only lines that end in a terminal punctuation mark: period, exclamation
   mark, question mark or end quotation mark (``"``, and ``”`` since the paper
   says "end quotation mark"); a line ending in an ellipsis ``...`` is dropped;
4. keep only lines with at least 5 words (whitespace tokens). The paper's rule
   is "at least 5 words" per line and "at least 3 sentences" per page (not 3
   words per line);
5. page rule: if a surviving line contains "lorem ipsum" (any case), the whole
   page is discarded (empty output);
6. drop lines that contain the word "javascript" (any case): the paper's
   "JavaScript must be enabled" notices;
7. page rule: if a surviving line contains a curly bracket ``{``, the page is
   discarded (it probably holds code);
8. drop lines that contain "terms of use", "privacy policy", "cookie policy",
   "uses cookies", "use of cookies" or "use cookies" (any case);
9. page rule: if the kept lines hold fewer than 3 sentences, the page is discarded.

Kept lines are joined with newlines. Sentences (rule 9) are counted with a simple
punctuation rule (a run of ``.!?`` followed by optional closing quotes or
brackets, then whitespace or the end) instead of NLTK's Punkt model, whose data
would have to be downloaded; for counting "at least 3" the difference is small.

C4 rules left out because they do not apply to cleaning one page: the page-level
"bad words" blocklist (a content filter, not boilerplate removal), langdetect's
"English with p >= 0.99" filter, and de-duplication of three-sentence spans across
the whole corpus.

``c4_filter(text)`` applies everything above; ``c4_filter(text, page_rules=False)``
applies only the line rules (1-4, 6, 8; a line that would trigger rule 5 or 7 is
dropped instead of the page, and rule 9 is off), which the benchmark also reports
because the page rules empty whole pages.
"""
from __future__ import annotations

import re

MIN_WORDS_PER_LINE = 5
MIN_NUM_SENTENCES = 3
MAX_WORD_LENGTH = 1000
END_MARKS = (".", "?", "!", '"', "\u201d")
ELLIPSIS = "..."
POLICY_SUBSTRINGS = ("terms of use", "privacy policy", "cookie policy", "uses cookies",
                     "use of cookies", "use cookies")
CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|$)")


def count_sentences(line: str) -> int:
    """Approximate sentence count of a line that already ends in a terminal mark."""
    return max(1, len(_SENTENCE_END.findall(line)))


def c4_filter(text: str, *, page_rules: bool = True) -> str:
    """Return the lines of ``text`` that C4's cleaning keeps ("" if the page is discarded)."""
    kept: list[str] = []
    sentences = 0
    for line in text.splitlines():
        line = line.strip()
        if any(len(w) > MAX_WORD_LENGTH for w in line.split()):
            continue
        line = CITATION.sub("", line)
        if not line.endswith(END_MARKS) or line.endswith(ELLIPSIS):
            continue
        if len(line.split()) < MIN_WORDS_PER_LINE:
            continue
        low = line.lower()
        if "lorem ipsum" in low:
            if page_rules:
                return ""
            continue
        if "javascript" in low:
            continue
        if "{" in line:
            if page_rules:
                return ""
            continue
        if any(p in low for p in POLICY_SUBSTRINGS):
            continue
        sentences += count_sentences(line)
        kept.append(line)
    if page_rules and sentences < MIN_NUM_SENTENCES:
        return ""
    return "\n".join(kept).strip()


if __name__ == "__main__":  # filter stdin, for a quick look
    import sys

    sys.stdout.write(c4_filter(sys.stdin.read()) + "\n")
