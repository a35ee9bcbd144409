"""--dedup: near-duplicates (copies and paraphrased republications) point to the first seen."""
from __future__ import annotations

import shutil
from pathlib import Path

from boilerstrip.batch.dedup import Deduper, shingle_bytes, word_count
from test_batch_support import paragraphs, read_jsonl, run_batch, text_doc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def add(d: Deduper, doc_id: str, text: str):
    return d.add(doc_id, shingle_bytes(text), word_count(text))


def test_the_two_seeds_are_linked_in_one_batch(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    shutil.copy(FIXTURES / "scraped-dump.txt", d / "a-scraped-dump.txt")
    shutil.copy(FIXTURES / "spun-copy.txt", d / "c-spun-copy.txt")
    for i in range(3):
        (d / f"b-other-{i}.txt").write_text(text_doc(i), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run_batch(d, "-o", out, "-q", "--dedup") == 0
    recs = {r["id"]: r for r in read_jsonl(out)}
    assert recs["c-spun-copy.txt"]["duplicate_of"] == "a-scraped-dump.txt"
    assert recs["a-scraped-dump.txt"]["duplicate_of"] is None
    assert all(recs[f"b-other-{i}.txt"]["duplicate_of"] is None for i in range(3))


def test_without_dedup_there_is_no_duplicate_field(tmp_path):
    d = tmp_path / "dump"
    d.mkdir()
    (d / "a.txt").write_text(text_doc(1))
    out = tmp_path / "o.jsonl"
    assert run_batch(d, "-o", out, "-q") == 0
    assert "duplicate_of" not in read_jsonl(out)[0]


def test_copies_and_light_edits_are_flagged_unrelated_are_not():
    d = Deduper()
    base = text_doc(1)
    assert add(d, "a", base) is None
    assert add(d, "b", text_doc(2)) is None
    assert add(d, "a-copy", base) == "a"
    edited = base.replace("were discussed at length today", "got a long discussion today")
    assert add(d, "a-edit", edited) == "a"
    assert add(d, "c", text_doc(3)) is None
    assert d.flagged == 2


def test_duplicate_of_points_to_the_first_seen_of_the_group():
    d = Deduper(threshold=0.5)
    words = " ".join(paragraphs(4, n=6)).split()
    a = " ".join(words)
    b = " ".join(words[: int(len(words) * 0.8)])  # most of a
    c = " ".join(words[: int(len(words) * 0.8)] + ["extra"] * 5)  # closest to b
    assert add(d, "a", a) is None
    assert add(d, "b", b) == "a"
    assert add(d, "c", c) == "a"


def test_short_documents_are_not_compared():
    d = Deduper(min_words=50)
    short = "Page not found. The page you asked for is not here."
    assert add(d, "x", short) is None
    assert add(d, "y", short) is None


def test_shingles_are_case_and_punctuation_insensitive():
    assert shingle_bytes("One two, THREE four!") == shingle_bytes("one two three four")
    assert shingle_bytes("one two") == b""
    assert len(shingle_bytes("a b c d e")) == 3 * 4


def test_pages_of_one_site_need_more_overlap_than_republications_elsewhere():
    import numpy as np

    base = " ".join(paragraphs(8, n=6))
    words = base.split()
    half = " ".join(words[: len(words) // 2] + " ".join(paragraphs(9, n=3)).split())
    a = np.frombuffer(shingle_bytes(base), dtype=np.uint32)
    b = np.frombuffer(shingle_bytes(half), dtype=np.uint32)
    inter = np.intersect1d(a, b).size
    assert 0.2 < inter / (a.size + b.size - inter) < 0.5  # between the two thresholds
    d = Deduper(threshold=0.2, same_site_threshold=0.5)
    d.add("orig", shingle_bytes(base), word_count(base), site="example.com")
    assert d.add("same-site", shingle_bytes(half), word_count(half), site="example.com") is None
    assert d.add("elsewhere", shingle_bytes(half), word_count(half), site="other.org") == "orig"
