"""Shared helpers for the fixture-based spec tests (kept deliberately small)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from boilerstrip import Article, clean_article

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def norm(text: str) -> str:
    """Whitespace-normalised text, for containment checks."""
    return " ".join(text.split())


def read_fixture(rel: str) -> str:
    return (FIXTURES / rel).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def clean_fixture(rel: str, include_comments: bool = False) -> Article:
    """clean_article() of a fixture file (cached: many tests look at the same result)."""
    return clean_article(read_fixture(rel), include_comments=include_comments)


@dataclass(frozen=True)
class W:
    """A widget text that must be removed, with the reasons that are acceptable for it.

    ``snippet`` is matched inside a block's text (whitespace-normalised); with
    ``exact=True`` the whole block text must equal it (for short texts like "Related").
    """

    snippet: str
    reasons: frozenset
    exact: bool = False

    def __post_init__(self):
        r = self.reasons
        object.__setattr__(self, "reasons", frozenset([r] if isinstance(r, str) else r))

    def matches(self, text: str) -> bool:
        return norm(text) == norm(self.snippet) if self.exact else norm(self.snippet) in norm(text)


@dataclass(frozen=True)
class Case:
    """What a fixture must give: kept sentences, removed widgets, texts that must not survive."""

    file: str
    keep: tuple = ()
    drop: tuple = ()
    absent: tuple = ()      # must not be in art.text (may or may not be a block at all)
    comments: tuple = ()    # with include_comments=True: in art.comments, never in art.text

    @property
    def id(self) -> str:
        return self.file.rsplit("/", 1)[-1]


def assert_kept(art: Article, sentences) -> None:
    text = norm(art.text)
    missing = [s for s in sentences if norm(s) not in text]
    why = [(b.reason, b.text[:70]) for b in art.removed for m in missing if norm(m) in norm(b.text)]
    assert not missing, f"article sentences missing from art.text: {missing!r}; removed as {why!r}"


def assert_removed(art: Article, w: W) -> None:
    """``w`` is not in the kept text and its block(s) are in art.removed with an accepted reason."""
    kept = [b.text for b in art.blocks if w.matches(b.text)]
    assert not kept, f"widget text {w.snippet!r} was kept: {kept[0][:120]!r}"
    if not w.exact:
        assert norm(w.snippet) not in norm(art.text), f"widget text {w.snippet!r} is in art.text"
    hits = [b for b in art.removed if w.matches(b.text)]
    assert hits, f"no removed block holds {w.snippet!r}"
    bad = [(b.reason, b.text[:80]) for b in hits if b.reason not in w.reasons]
    assert not bad, f"{w.snippet!r} removed with reason {bad[0][0]!r}, expected one of {sorted(w.reasons)}"


def assert_absent(art: Article, snippet: str) -> None:
    assert norm(snippet) not in norm(art.text), f"{snippet!r} should not be in art.text"


def assert_case_removed(art: Article, case: Case) -> None:
    """Every widget of ``case`` removed for an accepted reason; reports all failures at once."""
    errors = []
    for w in case.drop:
        try:
            assert_removed(art, w)
        except AssertionError as e:
            errors.append(str(e).split("\n")[0])
    for s in case.absent:
        try:
            assert_absent(art, s)
        except AssertionError as e:
            errors.append(str(e).split("\n")[0])
    assert not errors, f"{len(errors)} widget check(s) failed:\n  " + "\n  ".join(errors)
