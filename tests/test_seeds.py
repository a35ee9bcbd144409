"""Spec tests on the two seed documents (fixtures/ holds copies of /work/shared/seeds).

scraped-dump.txt: a flattened news page with in-body promos, a view counter, a block of
related-article teasers and a comment-widget tail; its expected text and title are given.
spun-copy.txt: a rewritten copy of the same story, one paragraph per line and nothing
but article: every line must be kept.
"""
from __future__ import annotations

import difflib

import pytest

from boilerstrip import clean_article
from conftest import FIXTURES

DUMP = FIXTURES / "scraped-dump.txt"
SPUN = FIXTURES / "spun-copy.txt"


def _expected(path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[:-1] if text.endswith("\n") else text  # one trailing newline of the file only


def _diff(expected: str, got: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(), got.splitlines(), "expected", "got", lineterm="", n=1
    )
    return "\n".join(lines)


def _paragraphs(text: str) -> str:
    """Input normalised to paragraphs: one per non-empty line, blank line between."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


@pytest.fixture(scope="module")
def dump():
    return clean_article(DUMP.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def spun():
    return clean_article(SPUN.read_text(encoding="utf-8"))


def test_dump_text_is_exactly_the_expected_text(dump):
    expected = _expected(FIXTURES / "scraped-dump.expected.txt")
    if dump.text != expected:
        pytest.fail("art.text differs from scraped-dump.expected.txt:\n" + _diff(expected, dump.text))


def test_dump_title(dump):
    expected = (FIXTURES / "scraped-dump.expected-title.txt").read_text(encoding="utf-8").strip()
    assert dump.title == expected


def test_dump_is_text_input(dump):
    assert dump.input_kind == "text"


def test_dump_widgets_removed_for_their_reasons(dump):
    """The removed blocks of the dump carry the reasons the spec names."""
    by_text = {b.text: b.reason for b in dump.removed}
    assert by_text.get("Visited 1 times, 1 visit(s) today") == "view-counter"
    assert by_text.get("Related Article") == "related"
    promos = [t for t in by_text if t.startswith(("WATCH:", "READ MORE:"))]
    assert len(promos) == 2 and all(by_text[t] == "promo" for t in promos), promos
    tail = [r for t, r in by_text.items() if "Would love your thoughts" in t]
    assert tail and set(tail) <= {"comments", "after-end"}, tail


def test_spun_copy_keeps_every_paragraph(spun):
    expected = _paragraphs(SPUN.read_text(encoding="utf-8"))
    if spun.text != expected:
        pytest.fail("art.text differs from the input's paragraphs:\n" + _diff(expected, spun.text))
    assert not spun.removed, [(b.reason, b.text[:60]) for b in spun.removed]


def test_spun_copy_has_no_title(spun):
    assert not spun.title  # the first line is a paragraph, not a headline


@pytest.mark.parametrize("path", [DUMP, SPUN], ids=["scraped-dump", "spun-copy"])
def test_idempotent(path):
    once = clean_article(path.read_text(encoding="utf-8")).text
    twice = clean_article(once).text
    if twice != once:
        pytest.fail("cleaning the cleaned text changed it:\n" + _diff(once, twice))


@pytest.mark.parametrize("path", [DUMP, SPUN], ids=["scraped-dump", "spun-copy"])
def test_forced_text_input_is_the_same(path):
    auto = clean_article(path.read_text(encoding="utf-8"))
    forced = clean_article(path.read_text(encoding="utf-8"), input="text")
    assert (forced.text, forced.title, forced.input_kind) == (auto.text, auto.title, "text")


@pytest.mark.parametrize("path", [DUMP, SPUN], ids=["scraped-dump", "spun-copy"])
def test_utf8_bytes_are_the_same(path):
    auto = clean_article(path.read_text(encoding="utf-8"))
    from_bytes = clean_article(path.read_bytes())
    assert (from_bytes.text, from_bytes.title) == (auto.text, auto.title)
